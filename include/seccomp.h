/*
 * seccomp.h - --seccomp-bpf: let the kernel skip the stops of syscalls
 * outside -e trace=.
 *
 * The spawned command installs a seccomp filter (src/seccomp_filter.c)
 * just before its execve; its children inherit it.  The filter answers
 * SECCOMP_RET_TRACE for traced syscalls, which with PTRACE_O_TRACESECCOMP
 * gives a PTRACE_EVENT_SECCOMP stop in place of the syscall-entry-stop.
 * Between syscalls such tracees run under PTRACE_CONT, so nothing else
 * stops them; docs/architecture.md has the resume rules.
 */
#ifndef FTRACE_SECCOMP_H
#define FTRACE_SECCOMP_H

#include <stdbool.h>
#include <sys/types.h>

#include "ftrace.h"
#include "tracee.h"

/* The filter is on: set by seccomp_setup(), read on every resume. */
extern bool seccomp_enabled;

/*
 * After the options: when --seccomp-bpf was given, print strace's notes
 * for what prevents it (no -f, only -p, nothing to filter, no kernel
 * support) and, if nothing does, build the filter.
 */
void seccomp_setup(const struct options *o);

/* PTRACE_O_TRACESECCOMP when the filter is on, else 0. */
unsigned long seccomp_ptrace_options(void);

/*
 * In the spawned child, after the start-up gate and before its exec:
 * load the filter.  Async-signal-safe (two or three prctl calls); -1 with
 * errno on failure.
 */
int seccomp_install(void);

/*
 * Resume t with PTRACE_CONT rather than PTRACE_SYSCALL?  Yes when t runs
 * under the filter (a spawned tracee or its descendant) and is not
 * between a syscall's entry and exit: the filter will stop it at the next
 * traced syscall.  Inside a syscall (after its seccomp stop, or an event
 * stop during it) PTRACE_SYSCALL gets the exit stop.
 */
static inline bool
seccomp_resume_cont(const struct tracee *t)
{
	return seccomp_enabled && t->spawned && t->state != TS_IN_SYSCALL;
}

#endif /* FTRACE_SECCOMP_H */
