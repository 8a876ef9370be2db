/*
 * decode/signal.c - signal names and siginfo, as printed in
 * "--- SIGCHLD {si_signo=..., si_code=..., ...} ---" lines.
 */
#include <signal.h>
#include <stdint.h>

#include "decode.h"
#include "output.h"
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
	if (cname)
		out_puts(cname);
	else
		out_printf("%d", si->si_code);
	print_fields(si);
	out_write("}", 1);
}
