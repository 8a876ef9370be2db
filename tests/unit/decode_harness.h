/*
 * decode_harness.h - run one whole syscall through the real dispatcher and
 * get back the line ftrace-c prints, for decoder unit tests.
 *
 *	#include "decode_harness.h"   (after cmocka.h)
 *	static char buf[] = "abc";
 *	assert_string_equal(DH("write", 1, (uintptr_t)buf, 3, 0, 0, 0, 3),
 *			    "write(1, \"abc\", 3) = 3");
 *
 * The tracee is this test process itself (tid = getpid()), so pointers to
 * the test's own variables are "tracee memory" that process_vm_readv can
 * read; use an unmapped page (dh_unmapped()) for unreadable memory.  The
 * returned line has its padding before "= " folded to one space; a
 * result in [-4095, -1] is an error (-errno).  Link with --wrap=ptrace:
 * test files named test_decode_*.c get it from the Makefile.
 *
 * One decoder, three tables: DH_RUN_GROUPS() runs a file's whole test
 * list once per arch table (x86_64, i386, aarch64; CMocka groups named
 * "<file>/<arch>").  Each pass looks every syscall up by name in its
 * arch's table and builds the record with that AUDIT_ARCH and number, so
 * the same expected text is checked against each table.  A syscall the
 * arch does not have (open on aarch64) skips that case: DH() returns
 * dh_absent_line, assert_string_equal() below accepts it, and the pass
 * ends by printing how many cases were skipped and for which names.
 * Where the text legitimately differs per arch, the test says so with
 * dh_is(ARCH_...) / dh_compat() and gives each arch its own expectation.
 * The i386 pass runs on a thread whose stack is below 2 GiB (MAP_32BIT)
 * and the test binaries are linked -no-pie, so pointers to the test's own
 * variables survive the compat narrowing to 32 bits.
 */
#ifndef FTRACE_TEST_DECODE_HARNESS_H
#define FTRACE_TEST_DECODE_HARNESS_H

#include <pthread.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "ftrace.h"
#include "mock_ptrace.h"
#include "output.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define DH_STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)

static char dh_log_path[64];
static char dh_text[65536];
static char dh_line[16384 + 1];
static uint32_t dh_arch = ARCH_X86_64;
/* The arch of the current pass (DH_RUN_GROUPS); dh_setup starts there. */
static uint32_t dh_group_arch = ARCH_X86_64;
/* Returned by DH() for a syscall that the arch's table lacks. */
static const char dh_absent_line[] = "<syscall not in this arch's table>";
static bool dh_was_absent;
static unsigned dh_absent_count;
static char dh_absent_names[1024];

/* Is the current pass (or the arch a test switched to) arch? */
__attribute__((unused)) static bool
dh_is(uint32_t arch)
{
	return dh_arch == arch;
}

/* A compat (32-bit) record: i386 layouts and narrowed values. */
__attribute__((unused)) static bool
dh_compat(void)
{
	return sysent_arch_wordsize(dh_arch) == 4;
}

/* Skipped by absence: accept the sentinel, compare everything else. */
__attribute__((unused)) static void
dh_assert_str(const char *got, const char *want, const char *file, int line)
{
	if (got == dh_absent_line)
		return;
	_assert_string_equal(got, want, file, line);
}
#undef assert_string_equal
#define assert_string_equal(a, b) \
	dh_assert_str((const char *)(a), (const char *)(b), __FILE__, __LINE__)

static void
dh_note_absent(const char *name)
{
	size_t n = strlen(dh_absent_names);
	char word[64];

	dh_absent_count++;
	snprintf(word, sizeof(word), " %s ", name);
	if (strstr(dh_absent_names, word) || n + strlen(word) >= sizeof(dh_absent_names))
		return;
	snprintf(dh_absent_names + n, sizeof(dh_absent_names) - n, "%s",
		 n ? word + 1 : word);
}

/* Default options; a test may change opts (-s, -v, -x) after this. */
__attribute__((unused)) static int
dh_setup(void **state)
{
	int fd;

	(void)state;
	strcpy(dh_log_path, "/tmp/ftrace-dec-test-XXXXXX");
	fd = mkstemp(dh_log_path);
	if (fd < 0)
		return -1;
	close(fd);
	opts = (struct options){ .max_strlen = 32, .outfile = dh_log_path };
	dh_arch = dh_group_arch;
	out_open(dh_log_path);
	out_set_prefix(false);
	return 0;
}

__attribute__((unused)) static int
dh_teardown(void **state)
{
	(void)state;
	out_close();
	tracee_remove_all();
	unlink(dh_log_path);
	return 0;
}

/* The last line written, padding before "= " folded to one space. */
__attribute__((unused)) static const char *
dh_last_line(void)
{
	FILE *f;
	size_t n;
	char *end, *start, *pad;

	if (dh_was_absent)
		return dh_absent_line;
	out_flush();
	f = fopen(dh_log_path, "r");
	if (!f)
		return "";
	n = fread(dh_text, 1, sizeof(dh_text) - 1, f);
	fclose(f);
	dh_text[n] = '\0';
	end = dh_text + n;
	if (end > dh_text && end[-1] == '\n')
		*--end = '\0';
	start = strrchr(dh_text, '\n');
	start = start ? start + 1 : dh_text;
	n = strlen(start);
	if (n >= sizeof(dh_line))
		n = sizeof(dh_line) - 1;
	memcpy(dh_line, start, n);
	dh_line[n] = '\0';
	/* ")     = " -> ") = " : the last run of spaces before "= " */
	pad = strstr(dh_line, "  = ");
	if (!pad)
		pad = strstr(dh_line, "  =\n");
	if (pad) {
		char *p = pad;

		while (pad > dh_line && pad[-1] == ' ')
			pad--;
		while (*p == ' ')
			p++;
		memmove(pad + 1, p, strlen(p) + 1);
	}
	return dh_line;
}

__attribute__((unused)) static void
dh_stop_info(pid_t tid)
{
	trace_handle_status(tid, DH_STOPPED(SIGTRAP | 0x80, 0));
}

/* Entry of syscall name with args; the line stays open. */
__attribute__((unused)) static void
dh_entry(const char *name, const uint64_t args[6])
{
	pid_t me = getpid();
	uint64_t nr = 0;
	int i;

	if (!tracee_find(me)) {
		tracee_add(me, NULL);
		trace_handle_status(me, DH_STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	}
	dh_was_absent = !sysent_by_name(dh_arch, name, &nr);
	if (dh_was_absent) {
		dh_note_absent(name);
		return;
	}
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = dh_arch;
	next_info.stack_pointer = (uint64_t)(uintptr_t)&nr;
	next_info.entry.nr = nr;
	for (i = 0; i < 6; i++)
		next_info.entry.args[i] = args[i];
	dh_stop_info(me);
}

/* Exit with rval (an error if in [-4095, -1]). */
__attribute__((unused)) static void
dh_exit(int64_t rval)
{
	if (dh_was_absent)
		return;
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_EXIT;
	next_info.arch = dh_arch;
	next_info.exit.rval = rval;
	next_info.exit.is_error = rval < 0 && rval >= -4095;
	dh_stop_info(getpid());
}

/* Text of the entry part printed so far (for "<unfinished" splits). */
__attribute__((unused)) static const char *
dh_entry_text(const char *name, const uint64_t args[6])
{
	dh_entry(name, args);
	return dh_was_absent ? dh_absent_line : dh_last_line();
}

__attribute__((unused)) static const char *
dh_syscall(const char *name, uint64_t a0, uint64_t a1, uint64_t a2,
	   uint64_t a3, uint64_t a4, uint64_t a5, int64_t rval)
{
	const uint64_t args[6] = { a0, a1, a2, a3, a4, a5 };

	dh_entry(name, args);
	dh_exit(rval);
	return dh_was_absent ? dh_absent_line : dh_last_line();
}

/*
 * For tests/unit/coverage_check.sh: the decoder of syscall name is run by
 * the next call, made under another name (send and recv only exist
 * through i386's socketcall) or without DH (a custom stack pointer).
 */
#define DH_COVERS(name) ((void)(name))

#define DH(name, a0, a1, a2, a3, a4, a5, rval) \
	dh_syscall(name, (uint64_t)(a0), (uint64_t)(a1), (uint64_t)(a2), \
		   (uint64_t)(a3), (uint64_t)(a4), (uint64_t)(a5), (int64_t)(rval))

/*
 * Lay out a struct of the current record's ABI at buf, one letter per
 * field: l = long, unsigned long, pointer, size_t, old time_t (8 bytes, 4
 * on i386), i = 32 bits, q = 64 bits (4-byte aligned on i386), h = 16
 * bits.  Values come as uint64_t (DH_PACK casts them).  Returns the size,
 * padded to the struct's alignment: the tests give each arch the memory
 * its kernel ABI has, and expect the same text.
 */
__attribute__((unused)) static size_t
dh_pack_v(void *buf, const char *fmt, const uint64_t *v)
{
	unsigned char *p = buf;
	size_t off = 0, maxal = 1;
	bool c = dh_compat();

	for (; *fmt; fmt++, v++) {
		size_t sz = *fmt == 'l' ? (c ? 4 : 8) : *fmt == 'q' ? 8 :
			    *fmt == 'h' ? 2 : 4;
		size_t al = (c && sz == 8) ? 4 : sz;

		off = (off + al - 1) & ~(al - 1);
		if (al > maxal)
			maxal = al;
		if (sz == 8)
			memcpy(p + off, v, 8);
		else if (sz == 4) {
			uint32_t w = (uint32_t)*v;

			memcpy(p + off, &w, 4);
		} else {
			uint16_t w = (uint16_t)*v;

			memcpy(p + off, &w, 2);
		}
		off += sz;
	}
	return (off + maxal - 1) & ~(maxal - 1);
}

#define DH_PACK(buf, fmt, ...) \
	dh_pack_v((buf), (fmt), (const uint64_t[]){ __VA_ARGS__ })

/* The size of a long, a pointer, a time_t of the old calls. */
#define DH_LONG ((size_t)(dh_compat() ? 4 : 8))

/*
 * Turn an array of n longs written as int64_t (a timespec, an itimerval)
 * into the pass's ABI in place: 32-bit words on i386, unchanged elsewhere.
 * Each pass runs in its own process, so the buffer is narrowed once per
 * pass (a second call for the same buffer does nothing); its address, which
 * tests print, stays.  Write a long into a narrowed buffer with dh_setl().
 */
__attribute__((unused)) static void *
dh_narrow(void *p, size_t n)
{
	static void *done[64];
	static unsigned ndone;
	unsigned i;

	if (!dh_compat())
		return p;
	for (i = 0; i < ndone; i++)
		if (done[i] == p)
			return p;
	if (ndone < 64)
		done[ndone++] = p;
	for (i = 0; i < n; i++) {
		int64_t v;
		int32_t w;

		memcpy(&v, (char *)p + 8 * i, 8);
		w = (int32_t)v;
		memcpy((char *)p + 4 * i, &w, 4);
	}
	return p;
}

#define DH_NARROW(arr) dh_narrow((arr), sizeof(arr) / sizeof((arr)[0]))

/* Long i of a buffer in the pass's ABI. */
__attribute__((unused)) static void
dh_setl(void *p, size_t i, int64_t v)
{
	int32_t w = (int32_t)v;

	if (dh_compat())
		memcpy((char *)p + 4 * i, &w, 4);
	else
		memcpy((char *)p + 8 * i, &v, 8);
}

/*
 * struct sigevent in the pass's ABI: sigev_value (a long), signo, notify,
 * then the union (thread id, or function and attributes).
 */
__attribute__((unused)) static void *
dh_sigevent(struct sigevent *e)
{
	static uint64_t b[8];
	int64_t u0 = e->sigev_notify == SIGEV_THREAD_ID ? e->_sigev_un._tid :
		     (int64_t)(intptr_t)e->_sigev_un._sigev_thread._function;

	if (!dh_compat())
		return e;
	memset(b, 0, sizeof(b));
	DH_PACK(b, "liill", (uint64_t)(uintptr_t)e->sigev_value.sival_ptr,
		e->sigev_signo, e->sigev_notify, u0,
		(uintptr_t)e->_sigev_un._sigev_thread._attribute);
	return b;
}

static void
dh_put(void *buf, size_t off, size_t len, uint64_t v)
{
	memcpy((char *)buf + off, &v, len);	/* little-endian: the low bytes */
}

/*
 * struct stat *st (the x86_64 one) as the kernel of the pass writes it for
 * syscall name: asm-generic's on aarch64, stat64 for i386's *64 calls,
 * the old 32-bit struct stat for i386's stat/fstat/lstat.
 */
__attribute__((unused)) static void *
dh_stat(const struct stat *st, const char *name)
{
	static uint64_t b[4][18];
	static unsigned n;
	uint64_t *p = b[n++ % 4];
	const struct timespec *t[3] = { &st->st_atim, &st->st_mtim, &st->st_ctim };
	int i;

	if (dh_arch == ARCH_X86_64)
		return (void *)st;
	memset(p, 0, sizeof(b[0]));
	if (!dh_compat()) {
		dh_put(p, 0, 8, st->st_dev);
		dh_put(p, 8, 8, st->st_ino);
		dh_put(p, 16, 4, st->st_mode);
		dh_put(p, 20, 4, st->st_nlink);
		dh_put(p, 24, 4, st->st_uid);
		dh_put(p, 28, 4, st->st_gid);
		dh_put(p, 32, 8, st->st_rdev);
		dh_put(p, 48, 8, (uint64_t)st->st_size);
		dh_put(p, 56, 4, (uint64_t)st->st_blksize);
		dh_put(p, 64, 8, (uint64_t)st->st_blocks);
		for (i = 0; i < 3; i++) {
			dh_put(p, 72 + 16 * i, 8, (uint64_t)t[i]->tv_sec);
			dh_put(p, 80 + 16 * i, 8, (uint64_t)t[i]->tv_nsec);
		}
	} else if (strstr(name, "64")) {
		dh_put(p, 0, 8, st->st_dev);
		dh_put(p, 12, 4, st->st_ino);
		dh_put(p, 16, 4, st->st_mode);
		dh_put(p, 20, 4, st->st_nlink);
		dh_put(p, 24, 4, st->st_uid);
		dh_put(p, 28, 4, st->st_gid);
		dh_put(p, 32, 8, st->st_rdev);
		dh_put(p, 44, 8, (uint64_t)st->st_size);
		dh_put(p, 52, 4, (uint64_t)st->st_blksize);
		dh_put(p, 56, 8, (uint64_t)st->st_blocks);
		for (i = 0; i < 3; i++) {
			dh_put(p, 64 + 8 * i, 4, (uint64_t)t[i]->tv_sec);
			dh_put(p, 68 + 8 * i, 4, (uint64_t)t[i]->tv_nsec);
		}
		dh_put(p, 88, 8, st->st_ino);
	} else {
		dh_put(p, 0, 4, st->st_dev);
		dh_put(p, 4, 4, st->st_ino);
		dh_put(p, 8, 2, st->st_mode);
		dh_put(p, 10, 2, st->st_nlink);
		dh_put(p, 12, 2, st->st_uid);
		dh_put(p, 14, 2, st->st_gid);
		dh_put(p, 16, 4, st->st_rdev);
		dh_put(p, 20, 4, (uint64_t)st->st_size);
		dh_put(p, 24, 4, (uint64_t)st->st_blksize);
		dh_put(p, 28, 4, (uint64_t)st->st_blocks);
		for (i = 0; i < 3; i++) {
			dh_put(p, 32 + 8 * i, 4, (uint64_t)t[i]->tv_sec);
			dh_put(p, 36 + 8 * i, 4, (uint64_t)t[i]->tv_nsec);
		}
	}
	return p;
}

/* struct msghdr of the pass at buf (pointers and sizes are longs). */
__attribute__((unused)) static void *
dh_msghdr(void *buf, uint64_t name, uint32_t namelen, uint64_t iov,
	  uint64_t iovlen, uint64_t control, uint64_t controllen, uint32_t flags)
{
	DH_PACK(buf, "lilllli", name, namelen, iov, iovlen, control,
		controllen, flags);
	return buf;
}

/*
 * A struct cmsghdr of the pass at buf with len data bytes after it:
 * cmsg_len is a size_t, so the header is 12 bytes on i386, 16 elsewhere.
 * Returns the header size (where the data goes).
 */
__attribute__((unused)) static size_t
dh_cmsghdr(void *buf, size_t len, int level, int type)
{
	size_t hdr = dh_compat() ? 12 : 16;

	DH_PACK(buf, "lii", hdr + len, level, type);
	return hdr;
}

/*
 * The open(2) flags whose values the record's kernel defines differently
 * from the x86 ones the test is built with (arm64's asm/fcntl.h).
 */
#define DH_ARM64 (dh_arch == ARCH_AARCH64)
#define DH_O_DIRECTORY (DH_ARM64 ? 040000 : 0200000)
#define DH_O_NOFOLLOW (DH_ARM64 ? 0100000 : 0400000)
#define DH_O_DIRECT (DH_ARM64 ? 0200000 : 040000)
#define DH_O_LARGEFILE (DH_ARM64 ? 0400000 : 0100000)
#define DH_O_TMPFILE (020000000 | DH_O_DIRECTORY)

/*
 * struct epoll_event of the record's arch at buf: packed (data at offset
 * 4, 12 bytes) on x86_64 and i386, data at offset 8 (16 bytes) elsewhere.
 */
__attribute__((unused)) static size_t
dh_epoll_event(void *buf, uint32_t events, uint64_t data)
{
	bool x86 = dh_arch == ARCH_X86_64 || dh_arch == ARCH_I386;

	memcpy(buf, &events, 4);
	memcpy((char *)buf + (x86 ? 4 : 8), &data, 8);
	return x86 ? 12 : 16;
}

/* The address of a page that is mapped PROT_NONE: unreadable memory. */
__attribute__((unused)) static uintptr_t
dh_unmapped(void)
{
	static void *page;

	if (!page)
		page = mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS |
			    MAP_32BIT, -1, 0);
	return (uintptr_t)page;
}

/*
 * A buffer whose first n bytes are readable and followed by an unreadable
 * page: for "partially readable" tests.  Returns the start of the n bytes.
 */
__attribute__((unused)) static char *
dh_partial(const char *bytes, size_t n)
{
	static char *area;

	if (!area) {
		area = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
		mprotect(area + 4096, 4096, PROT_NONE);
	}
	memcpy(area + 4096 - n, bytes, n);
	return area + 4096 - n;
}

struct dh_pass {
	const char *name;
	const struct CMUnitTest *tests;
	size_t count;
	CMFixtureFunction setup, teardown;
	int failed;
};

static void *
dh_pass_run(void *arg)
{
	struct dh_pass *p = arg;

	p->failed = _cmocka_run_group_tests(p->name, p->tests, p->count,
					    p->setup, p->teardown);
	return NULL;
}

/* One pass: the group with every record of arch (in a forked child). */
static int
dh_run_pass(struct dh_pass *p, uint32_t arch)
{
	dh_group_arch = arch;
	dh_absent_count = 0;
	dh_absent_names[0] = '\0';
	if (sysent_arch_wordsize(arch) == 4) {
		const size_t size = 4 << 20;
		void *stack = mmap(NULL, size, PROT_READ | PROT_WRITE,
				   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
		pthread_attr_t attr;
		pthread_t th;

		if (stack == MAP_FAILED || pthread_attr_init(&attr) ||
		    pthread_attr_setstack(&attr, stack, size) ||
		    pthread_create(&th, &attr, dh_pass_run, p) ||
		    pthread_join(th, NULL)) {
			fprintf(stderr, "%s: cannot run on a low stack\n", p->name);
			return 1;
		}
	} else {
		dh_pass_run(p);
	}
	fprintf(stderr, "%s: %u case(s) skipped: syscall not in the %s table%s%s\n",
		p->name, dh_absent_count, sysent_arch_name(arch),
		dh_absent_count ? ":" : "", dh_absent_names);
	return p->failed;
}

/*
 * Run the group once per arch table, each pass in its own child process
 * so that it starts from the same static data (tests change their
 * buffers).  The i386 pass runs on a thread whose stack lies below 2 GiB:
 * the test's local buffers are tracee memory, and an i386 record carries
 * 32-bit pointers.  Returns the number of failed tests of all passes.
 */
__attribute__((unused)) static int
dh_run_groups(const char *group, const struct CMUnitTest *tests, size_t count,
	      CMFixtureFunction setup, CMFixtureFunction teardown)
{
	static const uint32_t arches[] = { ARCH_X86_64, ARCH_I386, ARCH_AARCH64 };
	int failed = 0;
	unsigned a;

	for (a = 0; a < 3; a++) {
		char name[96];
		struct dh_pass p = { name, tests, count, setup, teardown, 0 };
		int status;
		pid_t pid;

		snprintf(name, sizeof(name), "%s/%s", group,
			 sysent_arch_name(arches[a]));
		fflush(NULL);
		pid = fork();
		if (pid == 0)
			_exit(dh_run_pass(&p, arches[a]) & 0x7f);
		if (pid < 0 || waitpid(pid, &status, 0) != pid) {
			failed++;
			continue;
		}
		if (WIFEXITED(status))
			failed += WEXITSTATUS(status);
		else
			failed++;
	}
	return failed;
}

#define DH_RUN_GROUPS(group, tests, setup, teardown) \
	dh_run_groups(group, tests, sizeof(tests) / sizeof((tests)[0]), \
		      setup, teardown)

#endif /* FTRACE_TEST_DECODE_HARNESS_H */
