/*
 * seccomp_filter.h - a classic BPF program for seccomp that answers
 * SECCOMP_RET_TRACE for the syscalls of a set and SECCOMP_RET_ALLOW for
 * the others, for several architectures in one program.
 *
 * Pure: no system call, no allocation; the caller loads the program
 * (src/seccomp.c) or runs it in a test.
 */
#ifndef FTRACE_SECCOMP_FILTER_H
#define FTRACE_SECCOMP_FILTER_H

#include <linux/filter.h>
#include <stdint.h>

#include "filter.h"

/* The kernel refuses longer programs (BPF_MAXINSNS). */
#define SECCOMP_FILTER_MAX_INSNS 4096

/*
 * Build the program for set on the narches architectures in arches[]
 * (AUDIT_ARCH_* values of sysent_arches[]; the first one is tested first,
 * so pass the native one first).  Per architecture the decision for a
 * syscall number nr is exactly sc_set_has(set, arch, nr) for every 32-bit
 * nr; an architecture not in arches[] gets SECCOMP_RET_TRACE, so that the
 * tracer decides.  Writes at most max instructions to prog; returns their
 * count, or -1 when they do not fit or an arch has no table.
 */
int seccomp_filter_build(const struct sc_set *set, const uint32_t *arches,
			 unsigned narches, struct sock_filter *prog,
			 unsigned max);

#endif /* FTRACE_SECCOMP_FILTER_H */
