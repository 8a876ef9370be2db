/*
 * filter.h - sets of syscalls, as -e trace=, abbrev=, verbose= and raw=
 * name them, compiled into one bitset per architecture so that a stop
 * costs one bit test.
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
 * Add (or, with a leading '!', remove) the syscalls of spec to s:
 * "name,name", "%class" or "class", "/regex", "all", "none", "?name" (no
 * error if unknown).  A set that starts with '!' is all minus the list.
 * On error writes strace's message ("invalid system call 'x'") to err and
 * returns -1.
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

#endif /* FTRACE_FILTER_H */
