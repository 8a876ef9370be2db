/*
 * fuzz_decode.c - libFuzzer target: one syscall (entry, then exit) through
 * the real dispatcher (trace_handle_status), with the record and the
 * tracee's memory taken from the input.
 *
 * As in tests/unit/decode_harness.h the tracee is this process itself:
 * ptrace(2) is replaced (link with -Wl,--wrap=ptrace) so that
 * PTRACE_GET_SYSCALL_INFO returns the fuzzed record, while umem reads go
 * through process_vm_readv on our own pid and see real memory.  That
 * memory is a fixed-address image (IMG_BASE, below 4 GiB so that i386
 * pointers reach it too) filled from the input, with a PROT_NONE guard
 * page after it and, on request, an unreadable page inside it, so strings
 * and arrays can run into unmapped memory part way.
 *
 * Input layout (fields past the end read as zero):
 *   u8     arch: %4 -> x86_64, i386, aarch64, an unknown arch
 *   u16    nr: low 9 bits (every table ends below 512); bit 15 sets
 *          the x32 bit, bit 14 makes it a huge number
 *   7 x    value (6 arguments, then the stack pointer): u8 kind + u64
 *   value  return value; with the error flag, -(1 + v % 4095)
 *   u8     flags: 1 error, 2 signal-delivery-stop after the exit,
 *          4 hole page in the image, 8 the tracee dies instead of
 *          returning, 16 a short PTRACE_GET_SYSCALL_INFO record
 *   u8     -s index (low 3 bits), -x count (2 bits), -X mode (2 bits), -v
 *   u8     -y count (2 bits), -e raw=all, -e verbose=none, -e abbrev=none
 *   u8     record length for flag 16
 *   u8     signal number, then 128 bytes of siginfo (flag 2)
 *   rest   the memory image, repeated to fill it
 * The trace goes to /dev/null, or to the file FUZZ_DECODE_OUT names (to
 * see what an input decodes to: `FUZZ_DECODE_OUT=/dev/stdout fuzz_decode
 * FILE`).
 */
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ptrace.h>
#include <sys/socket.h>
#include <linux/netlink.h>
#include <unistd.h>

#include "filter.h"
#include "ftrace.h"
#include "fuzz_input.h"
#include "output.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define IMG_BASE 0x30000000UL
#define IMG_PAGES 4
#define PAGE 4096UL
#define IMG_SIZE (IMG_PAGES * PAGE)
#define GUARD (IMG_BASE + IMG_SIZE)

#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)

/* What the replaced ptrace(2) answers. */
static struct __ptrace_syscall_info next_info;
static long next_info_len;
static siginfo_t next_siginfo;

long __wrap_ptrace(enum __ptrace_request req, ...);

long
__wrap_ptrace(enum __ptrace_request req, ...)
{
	va_list ap;
	void *addr, *data;

	va_start(ap, req);
	(void)va_arg(ap, pid_t);
	addr = va_arg(ap, void *);
	data = va_arg(ap, void *);
	va_end(ap);

	switch ((int)req) {
	case PTRACE_GET_SYSCALL_INFO:
		memcpy(data, &next_info, (size_t)addr < sizeof(next_info) ?
					 (size_t)addr : sizeof(next_info));
		return next_info_len;
	case PTRACE_GETEVENTMSG:
		*(unsigned long *)data = 0;
		return 0;
	case PTRACE_GETSIGINFO:
		*(siginfo_t *)data = next_siginfo;
		return 0;
	case PTRACE_SYSCALL:
	case PTRACE_CONT:
	case PTRACE_LISTEN:
	case PTRACE_DETACH:
	case PTRACE_INTERRUPT:
		return 0;
	default:
		/* PEEKDATA and the rest: as if the tracee were unreachable */
		errno = EIO;
		return -1;
	}
}

static uint8_t *img;
static bool hole_on;
static struct sc_set raw_all, none_set;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void
keep_fd(int fd, int want)
{
	if (fd >= 0 && fd != want) {
		dup2(fd, want);
		close(fd);
	}
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	const char *out;

	(void)argc;
	(void)argv;
	/* the image and its guard page, at the address seeds point to */
	img = mmap((void *)IMG_BASE, IMG_SIZE + PAGE, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (img != (uint8_t *)IMG_BASE)
		abort();
	if (mprotect((void *)GUARD, PAGE, PROT_NONE) < 0)
		abort();
	/*
	 * Descriptors whose kind changes the decoding (netlink payloads, -yy
	 * socket details), at fixed numbers seeds can name: 10 NETLINK_ROUTE,
	 * 11 NETLINK_SOCK_DIAG, 12 NETLINK_GENERIC, 13 AF_UNIX, 14 AF_INET.
	 */
	keep_fd(socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE), 10);
	keep_fd(socket(AF_NETLINK, SOCK_RAW, NETLINK_SOCK_DIAG), 11);
	keep_fd(socket(AF_NETLINK, SOCK_RAW, NETLINK_GENERIC), 12);
	keep_fd(socket(AF_UNIX, SOCK_DGRAM, 0), 13);
	keep_fd(socket(AF_INET, SOCK_DGRAM, 0), 14);
	sc_set_fill(&raw_all, true);
	sc_set_fill(&none_set, false);
	out = getenv("FUZZ_DECODE_OUT");
	if (!out)
		out = "/dev/null";
	opts = (struct options){ .max_strlen = 32, .outfile = out };
	out_open(out);
	out_set_prefix(false);
	return 0;
}

/* One argument-like value: a number, or a pointer somewhere useful. */
static uint64_t
fuzz_value(struct fuzz_in *in)
{
	uint8_t kind = fuzz_u8(in);
	uint64_t v = fuzz_uint(in, 8);

	switch (kind % 8) {
	case 1:
		return v & 0xff;
	case 2:
		return -(v & 0xff);                /* -1, AT_FDCWD, ... */
	case 3:
		return IMG_BASE + v % IMG_SIZE;    /* readable image */
	case 4:
		return GUARD - v % 64;             /* runs into the guard */
	case 5:
		return GUARD + v % PAGE;           /* unreadable */
	case 6:
		return 0;
	case 7:
		return v & 0xffffffffU;
	default:
		return v;
	}
}

static void
fill_image(struct fuzz_in *in, bool hole)
{
	size_t i, n = in->left;

	if (hole_on)
		mprotect(img + PAGE, PAGE, PROT_READ | PROT_WRITE);
	if (n == 0) {
		memset(img, 0, IMG_SIZE);
	} else {
		for (i = 0; i < IMG_SIZE; i += n)
			memcpy(img + i, in->p, IMG_SIZE - i < n ? IMG_SIZE - i : n);
	}
	hole_on = hole;
	if (hole)
		mprotect(img + PAGE, PAGE, PROT_NONE);
}

static void
set_options(uint8_t a, uint8_t b)
{
	/* no 4096: nested arrays (mmsghdr x iovec) multiply it per input */
	static const unsigned lens[8] = { 32, 0, 1, 2, 4, 8, 16, 256 };

	opts.max_strlen = lens[a & 7];
	opts.xflag = ((a >> 3) & 3) % 3;
	opts.xmode = ((a >> 5) & 3) % 3;
	opts.verbose = a >> 7;
	opts.yflag = (b & 3) % 3;
	opts.raw = b & 4 ? &raw_all : NULL;
	opts.deref = b & 8 ? &none_set : NULL;
	opts.abbrev = b & 16 || opts.verbose ? &none_set : NULL;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const uint32_t arches[4] = {
		ARCH_X86_64, ARCH_I386, ARCH_AARCH64, 0x4000003eU,
	};
	struct fuzz_in in = { data, size };
	pid_t me = getpid();
	struct tracee *t;
	uint64_t args[6], sp, v, nr;
	int64_t rval;
	uint32_t arch;
	uint8_t flags, o1, o2, len, sig;
	int i;

	arch = arches[fuzz_u8(&in) % 4];
	v = fuzz_uint(&in, 2);
	nr = v & 0x1ff;
	if (v & 0x8000)
		nr |= 0x40000000;
	if (v & 0x4000)
		nr = ~nr;
	for (i = 0; i < 6; i++)
		args[i] = fuzz_value(&in);
	sp = fuzz_value(&in);
	rval = (int64_t)fuzz_value(&in);
	flags = fuzz_u8(&in);
	o1 = fuzz_u8(&in);
	o2 = fuzz_u8(&in);
	len = fuzz_u8(&in);
	sig = fuzz_u8(&in);
	fuzz_bytes(&in, &next_siginfo, 128);
	next_siginfo.si_signo = sig % 65;
	if (flags & 1)
		rval = -(int64_t)(1 + (uint64_t)rval % 4095);
	fill_image(&in, flags & 4);
	set_options(o1, o2);

	/* a fresh tracee, past its first stop, for every input */
	tracee_remove_all();
	tracee_add(me, NULL);
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));

	memset(&next_info, 0, sizeof(next_info));
	next_info_len = flags & 16 ? len % (sizeof(next_info) + 1) :
		(long)sizeof(next_info);
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = arch;
	next_info.stack_pointer = sp;
	next_info.entry.nr = nr;
	memcpy(next_info.entry.args, args, sizeof(args));
	trace_handle_status(me, STOPPED(SIGTRAP | 0x80, 0));

	if (flags & 8) {
		/* killed in the syscall: "<unfinished ...>", then "= ?" */
		trace_handle_status(me, sig % 2 ? SIGKILL : 0x100 * (sig & 0x7f));
	} else {
		memset(&next_info, 0, sizeof(next_info));
		next_info.op = PTRACE_SYSCALL_INFO_EXIT;
		next_info.arch = arch;
		next_info.exit.rval = rval;
		next_info.exit.is_error = flags & 1;
		trace_handle_status(me, STOPPED(SIGTRAP | 0x80, 0));
		if (flags & 2 && sig % 65 && sig % 65 != SIGTRAP)
			trace_handle_status(me, STOPPED(sig % 65, 0));
	}
	/* every line the syscall started is finished */
	t = tracee_find(me);
	if (t && out_line_owner_is(t))
		abort();
	out_flush();
	return 0;
}
