/*
 * decode/signal.c - signal names and siginfo, as printed in
 * "--- SIGCHLD {si_signo=..., si_code=..., ...} ---" lines; signal sets;
 * and the signal syscalls: rt_sigaction, rt_sigprocmask, rt_sigpending,
 * rt_sigreturn, rt_sigsuspend, rt_sigtimedwait, sigaltstack, signalfd.
 */
#include <signal.h>
#include <stdint.h>
#include <string.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"
#include "xlat.h"

#define NAMES(a) (sizeof(a) / sizeof((a)[0]))

/* si_code values shared by every signal (asm-generic/siginfo.h). */
struct code_name {
	int code;
	const char *name;
};

static const struct code_name generic_codes[] = {
	{ SI_USER, "SI_USER" },       { SI_KERNEL, "SI_KERNEL" },
	{ SI_QUEUE, "SI_QUEUE" },     { SI_TIMER, "SI_TIMER" },
	{ SI_MESGQ, "SI_MESGQ" },     { SI_ASYNCIO, "SI_ASYNCIO" },
	{ SI_SIGIO, "SI_SIGIO" },     { SI_TKILL, "SI_TKILL" },
	{ -7, "SI_DETHREAD" },        { SI_ASYNCNL, "SI_ASYNCNL" },
};

/* Per-signal positive si_code names, indexed by code. */
static const char *const ill_codes[] = {
	[1] = "ILL_ILLOPC", [2] = "ILL_ILLOPN", [3] = "ILL_ILLADR",
	[4] = "ILL_ILLTRP", [5] = "ILL_PRVOPC", [6] = "ILL_PRVREG",
	[7] = "ILL_COPROC", [8] = "ILL_BADSTK", [9] = "ILL_BADIADDR",
};
static const char *const fpe_codes[] = {
	[1] = "FPE_INTDIV", [2] = "FPE_INTOVF", [3] = "FPE_FLTDIV",
	[4] = "FPE_FLTOVF", [5] = "FPE_FLTUND", [6] = "FPE_FLTRES",
	[7] = "FPE_FLTINV", [8] = "FPE_FLTSUB", [14] = "FPE_FLTUNK",
	[15] = "FPE_CONDTRAP",
};
static const char *const segv_codes[] = {
	[1] = "SEGV_MAPERR", [2] = "SEGV_ACCERR", [3] = "SEGV_BNDERR",
	[4] = "SEGV_PKUERR", [5] = "SEGV_ACCADI", [6] = "SEGV_ADIDERR",
	[7] = "SEGV_ADIPERR", [8] = "SEGV_MTEAERR", [9] = "SEGV_MTESERR",
	[10] = "SEGV_CPERR",
};
static const char *const bus_codes[] = {
	[1] = "BUS_ADRALN", [2] = "BUS_ADRERR", [3] = "BUS_OBJERR",
	[4] = "BUS_MCEERR_AR", [5] = "BUS_MCEERR_AO",
};
static const char *const trap_codes[] = {
	[1] = "TRAP_BRKPT", [2] = "TRAP_TRACE", [3] = "TRAP_BRANCH",
	[4] = "TRAP_HWBKPT", [5] = "TRAP_UNK", [6] = "TRAP_PERF",
};
static const char *const cld_codes[] = {
	[1] = "CLD_EXITED", [2] = "CLD_KILLED", [3] = "CLD_DUMPED",
	[4] = "CLD_TRAPPED", [5] = "CLD_STOPPED", [6] = "CLD_CONTINUED",
};
static const char *const poll_codes[] = {
	[1] = "POLL_IN", [2] = "POLL_OUT", [3] = "POLL_MSG",
	[4] = "POLL_ERR", [5] = "POLL_PRI", [6] = "POLL_HUP",
};
static const char *const sys_codes[] = {
	[1] = "SYS_SECCOMP", [2] = "SYS_USER_DISPATCH",
};

struct signal_codes {
	const char *const *names;
	unsigned count;
};

static const struct signal_codes codes_by_signal[] = {
	[SIGILL] = { ill_codes, NAMES(ill_codes) },
	[SIGFPE] = { fpe_codes, NAMES(fpe_codes) },
	[SIGSEGV] = { segv_codes, NAMES(segv_codes) },
	[SIGBUS] = { bus_codes, NAMES(bus_codes) },
	[SIGTRAP] = { trap_codes, NAMES(trap_codes) },
	[SIGCHLD] = { cld_codes, NAMES(cld_codes) },
	[SIGPOLL] = { poll_codes, NAMES(poll_codes) },
	[SIGSYS] = { sys_codes, NAMES(sys_codes) },
};

void
dec_print_signame(int sig)
{
	const char *name = xlat_signal_name(sig);

	if (name && opts.xmode == XMODE_ABBREV)
		out_puts(name);
	else if (name && opts.xmode == XMODE_VERBOSE)
		out_printf("%d /* %s */", sig, name);
	else
		out_printf("%d", sig);
}

void
dec_print_signame_plain(int sig)
{
	const char *name = xlat_signal_name(sig);

	if (name)
		out_puts(name);
	else
		out_printf("%d", sig);
}

static const char *
code_name(int sig, int code)
{
	unsigned i;

	if (code > 0 && code != SI_KERNEL && sig > 0 &&
	    (unsigned)sig < NAMES(codes_by_signal)) {
		const struct signal_codes *sc = &codes_by_signal[sig];

		if ((unsigned)code < sc->count && sc->names[code])
			return sc->names[code];
	}
	for (i = 0; i < NAMES(generic_codes); i++)
		if (generic_codes[i].code == code)
			return generic_codes[i].name;
	return NULL;
}

static bool
is_fault_signal(int sig)
{
	return sig == SIGILL || sig == SIGFPE || sig == SIGSEGV ||
	       sig == SIGBUS || sig == SIGTRAP;
}

static void
print_sender(const siginfo_t *si)
{
	out_printf(", si_pid=%d, si_uid=%u", si->si_pid, si->si_uid);
}

static void
print_value(const siginfo_t *si)
{
	out_printf(", si_int=%d, si_ptr=", si->si_value.sival_int);
	dec_print_ptr((uint64_t)(uintptr_t)si->si_value.sival_ptr);
}

static void
print_fields(const siginfo_t *si)
{
	int sig = si->si_signo, code = si->si_code;

	switch (code) {
	case SI_USER:
	case SI_TKILL:
		print_sender(si);
		return;
	case SI_QUEUE:
	case SI_MESGQ:
		print_sender(si);
		print_value(si);
		return;
	case SI_TIMER:
		out_printf(", si_timerid=%#x, si_overrun=%d", si->si_timerid,
			   si->si_overrun);
		print_value(si);
		return;
	default:
		break;
	}
	if (code < 0)
		return;
	if (sig == SIGCHLD && code != SI_KERNEL) {
		print_sender(si);
		out_write(", si_status=", 12);
		if (code == CLD_EXITED)
			out_printf("%d", si->si_status);
		else
			dec_print_signame(si->si_status);
		out_printf(", si_utime=%ld, si_stime=%ld", (long)si->si_utime,
			   (long)si->si_stime);
	} else if (is_fault_signal(sig)) {
		if (sig == SIGTRAP && code == SI_KERNEL)
			return;
		out_write(", si_addr=", 10);
		dec_print_ptr((uint64_t)(uintptr_t)si->si_addr);
	} else if (sig == SIGPOLL && code != SI_KERNEL) {
		out_printf(", si_band=%ld, si_fd=%d", si->si_band, si->si_fd);
	} else if (code != SI_KERNEL) {
		print_sender(si);
	}
}

void
dec_print_siginfo(const siginfo_t *si)
{
	const char *cname = code_name(si->si_signo, si->si_code);

	out_write("{si_signo=", 10);
	dec_print_signame(si->si_signo);
	out_write(", si_code=", 10);
	/* -X raw: 0x1; -X verbose: 0x1 / * CLD_EXITED * / */
	if (cname && opts.xmode == XMODE_ABBREV)
		out_puts(cname);
	else if (cname && opts.xmode == XMODE_VERBOSE)
		out_printf("%#x /* %s */", (unsigned)si->si_code, cname);
	else if (cname)
		out_printf("%#x", (unsigned)si->si_code);
	else
		out_printf("%d", si->si_code);
	print_fields(si);
	out_write("}", 1);
}

/* ---- signal sets --------------------------------------------------------- */

/* The kernel's sigset_t: 64 signals, whatever the word size. */
#define KSIGSET_BYTES 8

/*
 * A mask of nwords 32-bit words.  When at least two thirds of its bits
 * are set, the signals NOT in it are listed after a "~" instead: that is
 * shorter, and what strace prints ("~[RTMIN RT_1]" for a full mask minus
 * glibc's two reserved signals, "~[]" for all of them).
 */
static void
print_sigmask(const uint32_t *words, unsigned nwords)
{
	unsigned i, bits = nwords * 32, set = 0;
	uint32_t flip = 0;
	bool first = true;

	for (i = 0; i < nwords; i++)
		set += (unsigned)__builtin_popcount(words[i]);
	if (set >= bits * 2 / 3) {
		flip = ~0U;
		out_write("~", 1);
	}
	out_write("[", 1);
	for (i = 0; i < bits; i++) {
		const char *name;

		if (!((words[i / 32] ^ flip) & (1U << (i % 32))))
			continue;
		if (!first)
			out_write(" ", 1);
		first = false;
		/* bit i is signal i + 1; names drop their "SIG" */
		name = xlat_signal_name((int)i + 1);
		if (name)
			dec_print_named(i + 1, "%llu", name + 3);
		else
			out_printf("%u", i + 1);
	}
	out_write("]", 1);
}

/*
 * A sigset of size bytes at addr.  Sizes the kernel never takes print as
 * the address: more than the kernel's sigset, or less than min bytes
 * (strace's lower bound is the tracee's word).
 */
static void
print_sigset_min(pid_t tid, uint64_t addr, uint64_t size, uint64_t min)
{
	uint32_t words[KSIGSET_BYTES / 4] = { 0 };

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (size < min || size > KSIGSET_BYTES ||
	    umem_read(tid, addr, words, (size_t)size) < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_sigmask(words, (unsigned)(size + 3) / 4);
}

void
dec_print_sigset(pid_t tid, uint64_t addr, uint64_t size)
{
	print_sigset_min(tid, addr, size, 8);
}

void
dec_print_sigset_ws(pid_t tid, uint64_t addr, uint64_t size,
		    unsigned wordsize)
{
	print_sigset_min(tid, addr, size, wordsize == 4 ? 4 : 8);
}

static void
print_sigset_arg(struct sc_ctx *c, uint64_t addr, uint64_t size)
{
	if (!c->deref && addr)
		dec_print_ptr(addr);
	else
		dec_print_sigset_ws(c->tid, addr, size, c->entry->wordsize);
}

/* An output sigset at exit: the address when the call failed. */
static void
print_out_sigset(struct sc_ctx *c, uint64_t addr, uint64_t size,
		 uint64_t min)
{
	if (c->is_error || (!c->deref && addr))
		dec_print_ptr(addr);
	else
		print_sigset_min(c->tid, addr, size, min);
}

/*
 * Flags with no known bit at all print as "0x70 / * SS_??? * /" (without
 * the spaces); known bits with an unknown rest as "SS_DISABLE|0x40".
 */
static void
print_flags_or_comment(const struct xlat *x, uint64_t v, const char *unknown)
{
	/* the shared printer: also right under -X raw (no comment) */
	dec_print_flags_cmt(x, v, "0", unknown);
}

/* A signal number as a syscall argument: "SIGINT", or "-1", "100". */
static void
print_signal_arg(uint64_t v)
{
	dec_print_signame((int)v);
}

/* ---- rt_sigaction -------------------------------------------------------- */

static const struct xlat_entry sa_flag_names[] = {
	XLAT_PAIR(0x04000000, "SA_RESTORER"),
	XLAT_PAIR(0x08000000, "SA_ONSTACK"),
	XLAT_PAIR(0x10000000, "SA_RESTART"),
	XLAT_PAIR(0x20000000, "SA_INTERRUPT"),
	XLAT_PAIR(0x40000000, "SA_NODEFER"),
	XLAT_PAIR(0x80000000, "SA_RESETHAND"),
	XLAT_PAIR(0x00000004, "SA_SIGINFO"),
	XLAT_PAIR(0x00000001, "SA_NOCLDSTOP"),
	XLAT_PAIR(0x00000002, "SA_NOCLDWAIT"),
};
static const struct xlat sa_flags = XLAT_TABLE(sa_flag_names);

#define SA_RESTORER_BIT 0x04000000ULL

static void
print_handler(uint64_t h, unsigned ws)
{
	uint64_t err = ws == 4 ? 0xffffffffULL : ~0ULL;
	const char *name = h == 0 ? "SIG_DFL" : h == 1 ? "SIG_IGN" :
			   h == err ? "SIG_ERR" : NULL;

	if (!name)
		dec_print_ptr(h);
	else	/* -X raw: 0x1; -X verbose: 0x1 / * SIG_IGN * / */
		dec_print_named(h, "%#llx", name);
}

/*
 * The kernel's struct sigaction: handler, flags, restorer, mask (all
 * longs but the 64-bit mask; 32-bit words for compat tracees).
 */
static void
print_sigaction(struct sc_ctx *c, uint64_t addr)
{
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	uint64_t handler, flags, restorer;
	uint32_t mask[2];

	if (!addr || !c->deref || (c->exiting && c->is_error)) {
		dec_print_ptr(addr);
		return;
	}
	if (ws == 8) {
		uint64_t sa[4];

		if (!dec_fetch(c, addr, sa, sizeof(sa)))
			return;
		handler = sa[0];
		flags = sa[1];
		restorer = sa[2];
		memcpy(mask, &sa[3], sizeof(mask));
	} else {
		uint32_t sa[5];

		if (!dec_fetch(c, addr, sa, sizeof(sa)))
			return;
		handler = sa[0];
		flags = sa[1];
		restorer = sa[2];
		mask[0] = sa[3];
		mask[1] = sa[4];
	}
	out_write("{sa_handler=", 12);
	print_handler(handler, ws);
	out_write(", sa_mask=", 10);
	print_sigmask(mask, 2);
	out_write(", sa_flags=", 11);
	print_flags_or_comment(&sa_flags, flags, "SA_???");
	if (flags & SA_RESTORER_BIT) {
		out_write(", sa_restorer=", 14);
		dec_print_ptr(restorer);
	}
	out_write("}", 1);
}

/* rt_sigaction(sig, act, oldact, sigsetsize): oldact at exit */
enum dec_status
dec_rt_sigaction(struct sc_ctx *c)
{
	if (c->exiting) {
		print_sigaction(c, dec_arg(c, 2));
		out_printf(", %llu", (unsigned long long)dec_arg(c, 3));
		return DEC_DONE;
	}
	print_signal_arg(dec_arg(c, 0));
	out_write(", ", 2);
	print_sigaction(c, dec_arg(c, 1));
	out_write(", ", 2);
	return DEC_MORE;
}

/* ---- rt_sigprocmask, rt_sigpending, rt_sigsuspend ------------------------ */

static const struct xlat_entry how_names[] = {
	XLAT_ENTRY(SIG_BLOCK), XLAT_ENTRY(SIG_UNBLOCK), XLAT_ENTRY(SIG_SETMASK),
};
static const struct xlat sig_how = XLAT_TABLE(how_names);

static uint64_t
min_sigset(const struct sc_ctx *c)
{
	return c->entry->wordsize == 4 ? 4 : 8;
}

/* rt_sigprocmask(how, set, oldset, sigsetsize): oldset at exit */
enum dec_status
dec_rt_sigprocmask(struct sc_ctx *c)
{
	uint64_t size = dec_arg(c, 3);

	if (c->exiting) {
		print_out_sigset(c, dec_arg(c, 2), size, min_sigset(c));
		out_printf(", %llu", (unsigned long long)size);
		return DEC_DONE;
	}
	dec_print_xval(&sig_how, (uint32_t)dec_arg(c, 0), "%#llx", "SIG_???");
	out_write(", ", 2);
	print_sigset_arg(c, dec_arg(c, 1), size);
	out_write(", ", 2);
	return DEC_MORE;
}

/* rt_sigpending(set, sigsetsize): the kernel takes any size up to its own */
enum dec_status
dec_rt_sigpending(struct sc_ctx *c)
{
	if (!c->exiting)
		return DEC_MORE;
	print_out_sigset(c, dec_arg(c, 0), dec_arg(c, 1), 1);
	out_printf(", %llu", (unsigned long long)dec_arg(c, 1));
	return DEC_DONE;
}

/* rt_sigsuspend(mask, sigsetsize) */
enum dec_status
dec_rt_sigsuspend(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_sigset_arg(c, dec_arg(c, 0), dec_arg(c, 1));
	out_printf(", %llu", (unsigned long long)dec_arg(c, 1));
	return DEC_DONE;
}

/* ---- rt_sigreturn -------------------------------------------------------- */

/*
 * The mask to be restored, read from the signal frame on the stack.  At
 * the rt_sigreturn entry the handler's "ret" has popped the frame's return
 * address (pretcode), so the stack pointer is at what follows it:
 *   x86_64: struct ucontext, whose uc_sigmask follows uc_flags, uc_link,
 *           uc_stack (24 bytes) and uc_mcontext (256 bytes): 296.
 *   i386:   sig, pinfo, puc, siginfo (128), then the 32-bit ucontext:
 *           140 + 4 + 4 + 12 + 88 (sigcontext) = 248.
 *   aarch64: the stack pointer is the frame itself (the return goes
 *           through x30, nothing is popped): siginfo (128), then
 *           uc_flags, uc_link, uc_stack (24): 168.
 */
#define RT_SIGMASK_OFF_64 296
#define RT_SIGMASK_OFF_32 248
#define RT_SIGMASK_OFF_AARCH64 168

enum dec_status
dec_rt_sigreturn(struct sc_ctx *c)
{
	uint64_t addr;

	if (c->exiting)
		return DEC_DONE;
	if (c->entry->arch == ARCH_X86_64)
		addr = c->entry->sp + RT_SIGMASK_OFF_64;
	else if (c->entry->arch == ARCH_I386)
		addr = c->entry->sp + RT_SIGMASK_OFF_32;
	else if (c->entry->arch == ARCH_AARCH64)
		addr = c->entry->sp + RT_SIGMASK_OFF_AARCH64;
	else
		return DEC_DONE;	/* other frames: nothing to show */
	out_write("{mask=", 6);
	if (!c->deref)
		dec_print_ptr(addr);	/* -e verbose=none */
	else
		print_sigset_min(c->tid, addr, KSIGSET_BYTES, KSIGSET_BYTES);
	out_write("}", 1);
	return DEC_DONE;
}

/*
 * i386's old sigreturn: its frame is pretcode, sig, struct sigcontext
 * (88 bytes), the unused fpstate (624), extramask.  The handler's "ret"
 * popped pretcode and the return trampoline popped sig, so the stack
 * pointer is at the sigcontext: the mask's first word is its oldmask
 * (offset 80), the second one is extramask (88 + 624).
 */
#define SIGRETURN_OLDMASK_OFF 80
#define SIGRETURN_EXTRAMASK_OFF 712

enum dec_status
dec_sigreturn(struct sc_ctx *c)
{
	uint32_t words[2];
	uint64_t sp = c->entry->sp;

	if (c->exiting || c->entry->arch != ARCH_I386)
		return DEC_DONE;
	out_write("{mask=", 6);
	if (!c->deref ||
	    umem_read(c->tid, sp + SIGRETURN_OLDMASK_OFF, &words[0], 4) < 0 ||
	    umem_read(c->tid, sp + SIGRETURN_EXTRAMASK_OFF, &words[1], 4) < 0)
		dec_print_ptr(sp + SIGRETURN_OLDMASK_OFF);
	else
		print_sigmask(words, 2);
	out_write("}", 1);
	return DEC_DONE;
}

/* ---- rt_sigtimedwait ----------------------------------------------------- */

/*
 * A struct timespec, read now; 64-bit fields for 64-bit tracees and the
 * _time64 syscalls.  Returns 0, or -1 when unreadable.
 */
static int
read_ts(struct sc_ctx *c, uint64_t addr, bool ts64, int64_t *sec,
	uint64_t *nsec)
{
	if (ts64) {
		int64_t t[2];

		if (umem_read(c->tid, addr, t, sizeof(t)) < 0)
			return -1;
		*sec = t[0];
		*nsec = (uint64_t)t[1];
	} else {
		int32_t t[2];

		if (umem_read(c->tid, addr, t, sizeof(t)) < 0)
			return -1;
		*sec = t[0];
		*nsec = (uint32_t)t[1];
	}
	return 0;
}

/*
 * A siginfo in the tracee's layout, as a native siginfo_t.  The compat
 * (i386) siginfo has the same three-int header, then its union at offset
 * 12 with 32-bit longs and pointers; which union member holds depends on
 * the signal and code, as in print_fields().
 */
bool
dec_fetch_siginfo(const struct sc_ctx *c, uint64_t addr, siginfo_t *si)
{
	uint32_t w[32];
	int sig, code;

	if (c->entry->wordsize != 4)
		return umem_read(c->tid, addr, si, sizeof(*si)) == 0;
	if (umem_read(c->tid, addr, w, sizeof(w)) < 0)
		return false;
	memset(si, 0, sizeof(*si));
	si->si_signo = sig = (int)w[0];
	si->si_errno = (int)w[1];
	si->si_code = code = (int)w[2];
	if (code == SI_TIMER) {
		si->si_timerid = (int)w[3];
		si->si_overrun = (int)w[4];
		si->si_value.sival_ptr = (void *)(uintptr_t)w[5];
	} else if (code < 0 || code == SI_USER) {
		si->si_pid = (pid_t)w[3];
		si->si_uid = w[4];
		si->si_value.sival_ptr = (void *)(uintptr_t)w[5];
	} else if (code == SI_KERNEL) {
		/* no fields */
	} else if (sig == SIGCHLD) {
		si->si_pid = (pid_t)w[3];
		si->si_uid = w[4];
		si->si_status = (int)w[5];
		si->si_utime = (int32_t)w[6];
		si->si_stime = (int32_t)w[7];
	} else if (is_fault_signal(sig)) {
		si->si_addr = (void *)(uintptr_t)w[3];
	} else if (sig == SIGPOLL) {
		si->si_band = (int32_t)w[3];
		si->si_fd = (int)w[4];
	} else {
		si->si_pid = (pid_t)w[3];
		si->si_uid = w[4];
	}
	return true;
}

/* siginfo written by the kernel, at exit. */
static void
print_out_siginfo(struct sc_ctx *c, uint64_t addr)
{
	siginfo_t si;

	if (!addr || c->is_error || !c->deref ||
	    !dec_fetch_siginfo(c, addr, &si)) {
		dec_print_ptr(addr);
		return;
	}
	dec_print_siginfo(&si);
}

static void
rval_signame(struct sc_ctx *c)
{
	out_printf("= %lld", (long long)c->rval);
	if (c->rval > 0) {
		out_write(" (", 2);
		dec_print_signame((int)c->rval);
		out_write(")", 1);
	}
}

/*
 * The timeout is an input, but strace prints it after the siginfo that
 * only exists at exit: keep what it held at entry in the scratch words.
 */
enum scratch_ts { TS_SEC, TS_NSEC, TS_STATE };
enum { TS_UNREAD = 0, TS_READ = 1 };

static void
print_saved_ts(struct sc_ctx *c, uint64_t addr)
{
	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (c->scratch[TS_STATE] != TS_READ) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("{tv_sec=%lld, tv_nsec=%llu}", (long long)c->scratch[TS_SEC],
		   (unsigned long long)c->scratch[TS_NSEC]);
}

/* rt_sigtimedwait(set, info, timeout, sigsetsize) = signal number */
enum dec_status
dec_rt_sigtimedwait(struct sc_ctx *c)
{
	uint64_t info = dec_arg(c, 1), ts = dec_arg(c, 2);
	bool ts64 = c->entry->wordsize == 8 || strstr(c->ent->name, "64");

	if (c->exiting) {
		if (!c->is_error)
			c->print_rval = rval_signame;
		if (c->args_done)
			return DEC_DONE;
		print_out_siginfo(c, info);
		out_write(", ", 2);
		print_saved_ts(c, ts);
		out_printf(", %llu", (unsigned long long)dec_arg(c, 3));
		return DEC_DONE;
	}
	print_sigset_arg(c, dec_arg(c, 0), dec_arg(c, 3));
	out_write(", ", 2);
	if (ts && c->deref) {
		int64_t sec;
		uint64_t nsec;

		if (read_ts(c, ts, ts64, &sec, &nsec) == 0) {
			c->scratch[TS_SEC] = (uint64_t)sec;
			c->scratch[TS_NSEC] = nsec;
			c->scratch[TS_STATE] = TS_READ;
		}
	}
	if (info && c->deref)
		return DEC_MORE;
	/* no siginfo to wait for: everything now */
	dec_print_ptr(info);
	out_write(", ", 2);
	print_saved_ts(c, ts);
	out_printf(", %llu", (unsigned long long)dec_arg(c, 3));
	return DEC_DONE;
}

/* ---- sigaltstack --------------------------------------------------------- */

static const struct xlat_entry ss_flag_names[] = {
	XLAT_PAIR(1, "SS_ONSTACK"),
	XLAT_PAIR(2, "SS_DISABLE"),
	XLAT_PAIR(1U << 31, "SS_AUTODISARM"),
};
static const struct xlat ss_flags = XLAT_TABLE(ss_flag_names);

/* stack_t: ss_sp, ss_flags (int), ss_size */
static void
print_stack(struct sc_ctx *c, uint64_t addr)
{
	uint64_t sp, size;
	uint32_t flags;

	if (!addr || !c->deref || (c->exiting && c->is_error)) {
		dec_print_ptr(addr);
		return;
	}
	if (c->entry->wordsize == 4) {
		uint32_t st[3];

		if (!dec_fetch(c, addr, st, sizeof(st)))
			return;
		sp = st[0];
		flags = st[1];
		size = st[2];
	} else {
		uint64_t st[3];

		if (!dec_fetch(c, addr, st, sizeof(st)))
			return;
		sp = st[0];
		flags = (uint32_t)st[1];
		size = st[2];
	}
	out_write("{ss_sp=", 7);
	dec_print_ptr(sp);
	out_write(", ss_flags=", 11);
	print_flags_or_comment(&ss_flags, flags, "SS_???");
	out_printf(", ss_size=%llu}", (unsigned long long)size);
}

/* sigaltstack(ss, old_ss): old_ss at exit */
enum dec_status
dec_sigaltstack(struct sc_ctx *c)
{
	if (c->exiting) {
		print_stack(c, dec_arg(c, 1));
		return DEC_DONE;
	}
	print_stack(c, dec_arg(c, 0));
	out_write(", ", 2);
	return DEC_MORE;
}

/* ---- signalfd ------------------------------------------------------------ */

static const struct xlat_entry sfd_flag_names[] = {
	XLAT_PAIR(02000000, "SFD_CLOEXEC"),
	XLAT_PAIR(04000, "SFD_NONBLOCK"),
};
static const struct xlat sfd_flags = XLAT_TABLE(sfd_flag_names);

/* signalfd(fd, mask, size), signalfd4(fd, mask, size, flags) */
enum dec_status
dec_signalfd(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	print_sigset_arg(c, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %llu", (unsigned long long)dec_arg(c, 2));
	if (c->ent->nargs > 3) {
		out_write(", ", 2);
		print_flags_or_comment(&sfd_flags, (uint32_t)dec_arg(c, 3),
				       "SFD_???");
	}
	return DEC_DONE;
}

/* ---- rt_sigqueueinfo ----------------------------------------------------- */

/* A siginfo the tracee passes in. */
static void
print_in_siginfo(struct sc_ctx *c, uint64_t addr)
{
	siginfo_t si;

	if (!addr || !c->deref || !dec_fetch_siginfo(c, addr, &si)) {
		dec_print_ptr(addr);
		return;
	}
	dec_print_siginfo(&si);
}

/* rt_sigqueueinfo(tgid, sig, info) */
enum dec_status
dec_rt_sigqueueinfo(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	print_signal_arg(dec_arg(c, 1));
	out_write(", ", 2);
	print_in_siginfo(c, dec_arg(c, 2));
	return DEC_DONE;
}

/* rt_tgsigqueueinfo(tgid, tid, sig, info) */
enum dec_status
dec_rt_tgsigqueueinfo(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, %d, ", (int)dec_arg(c, 0), (int)dec_arg(c, 1));
	print_signal_arg(dec_arg(c, 2));
	out_write(", ", 2);
	print_in_siginfo(c, dec_arg(c, 3));
	return DEC_DONE;
}
