/*
 * filter.h - what -e qualifiers select: sets of syscalls (trace=, abbrev=,
 * verbose=, raw=), compiled into one bitset per architecture so that a
 * stop costs one bit test; sets of signals (signal=); and the bit masks of
 * status= and quiet=.
 */
#ifndef FTRACE_FILTER_H
#define FTRACE_FILTER_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "sysent.h"

#define FILTER_NR_MAX 1024

struct sc_set {
	uint64_t bits[SYSENT_NARCHES][FILTER_NR_MAX / 64];
	bool unknown_in;  /* numbers with no table entry (syscall_0x...) */
};

/* Every syscall, or none. */
void sc_set_fill(struct sc_set *s, bool all);

/*
 * Set s to the syscalls of spec, as strace 6.1 reads it: a comma list of
 * names, decimal numbers, "%class" (seven classes also without the '%'),
 * "/regex" and "all"; a token with a leading '?' may name nothing.  Each
 * leading '!' turns the set around; "all" or "none" alone is every or no
 * syscall.  On error writes strace's message ("invalid system call 'x'",
 * "regcomp: [: ...") to err and returns -1.
 */
int sc_set_parse(struct sc_set *s, const char *spec, char *err, size_t errlen);

static inline bool
sc_set_has(const struct sc_set *s, uint32_t arch, uint64_t nr)
{
	unsigned a;

	for (a = 0; a < SYSENT_NARCHES; a++)
		if (sysent_arches[a] == arch)
			return nr < FILTER_NR_MAX ?
			       (s->bits[a][nr / 64] >> (nr % 64)) & 1 :
			       s->unknown_in;
	return s->unknown_in;
}

/* -e signal=SET: signals 0..255 whose "--- SIG... ---" lines show. */
struct sig_set {
	uint64_t bits[4];
};

int sig_set_parse(struct sig_set *s, const char *spec, char *err, size_t errlen);

static inline bool
sig_set_has(const struct sig_set *s, int sig)
{
	return sig >= 0 && sig < 256 && ((s->bits[sig / 64] >> (sig % 64)) & 1);
}

/* -e status=SET: how a syscall ended; a line shows if its bit is set. */
enum filter_status {
	STATUS_SUCCESSFUL  = 1u << 0,
	STATUS_FAILED      = 1u << 1,
	STATUS_UNFINISHED  = 1u << 2, /* the tracee died or vanished inside it */
	STATUS_UNAVAILABLE = 1u << 3, /* its result could not be read */
	STATUS_DETACHED    = 1u << 4, /* detached from inside it */
	STATUS_ALL         = (1u << 5) - 1,
};

/* -e quiet=SET, -q, -qq, -qqq: messages not to print. */
enum filter_quiet {
	QUIET_ATTACH          = 1u << 0, /* Process N attached/detached */
	QUIET_EXIT            = 1u << 1, /* +++ exited with N +++ */
	QUIET_PATH_RESOLUTION = 1u << 2, /* -P: Requested path resolved into */
	QUIET_PERSONALITY     = 1u << 3, /* [ Process PID=N runs in 32 bit mode. ] */
	QUIET_THREAD_EXECVE   = 1u << 4, /* +++ superseded by execve +++ */
	QUIET_ALL             = (1u << 5) - 1,
};

/* Parse a status= or quiet= list into bits; strace's "invalid status 'x'". */
int filter_parse_status(unsigned *bits, const char *spec, char *err, size_t errlen);
int filter_parse_quiet(unsigned *bits, const char *spec, char *err, size_t errlen);

#endif /* FTRACE_FILTER_H */
