/*
 * xlat.h - numbers to the names strace prints for them: errnos and signals.
 *
 * The tables are generated from the kernel headers by src/xlat/gen_xlat.sh.
 */
#ifndef FTRACE_XLAT_H
#define FTRACE_XLAT_H

#include <stdint.h>

/*
 * A table of named values, for flags (printed "A|B|0x40") and for plain
 * values (printed by name, or as a number with a comment).  Decoders keep
 * their tables static, next to the code that uses them:
 *
 *	static const struct xlat_entry prot_names[] = {
 *		XLAT_ENTRY(PROT_READ), XLAT_ENTRY(PROT_WRITE),
 *	};
 *	static const struct xlat prot = XLAT_TABLE(prot_names);
 *
 * For flags, list multi-bit names before the single bits they cover.
 */
struct xlat_entry {
	uint64_t val;
	const char *name;
};

struct xlat {
	const struct xlat_entry *entries;
	unsigned count;
};

#define XLAT_ENTRY(v) { (uint64_t)(v), #v }
#define XLAT_PAIR(v, name) { (uint64_t)(v), name }
#define XLAT_TABLE(a) { (a), sizeof(a) / sizeof((a)[0]) }

/* The name of val in x, or NULL. */
const char *xlat_lookup(const struct xlat *x, uint64_t val);

/* "ENOENT" for 2, kernel-internal codes too ("ERESTARTSYS"); else NULL. */
const char *xlat_errno_name(int err);

/* "SIGHUP".."SIGSYS", "SIGRTMIN", "SIGRT_1".."SIGRT_32"; else NULL. */
const char *xlat_signal_name(int sig);

#endif /* FTRACE_XLAT_H */
