/*
 * personality.c - follow each tracee's architecture (its "personality" in
 * strace's words) across execs: an x86_64 process that execs an i386
 * program reports AUDIT_ARCH_I386 from its next syscall stop on, and the
 * other way round.  The arch comes with every PTRACE_GET_SYSCALL_INFO
 * record, so following it costs one compare per syscall entry.
 *
 * strace prints "[ Process PID=N runs in 32 bit mode. ]" as a line of the
 * trace (with its "[pid N] " prefix under -f) before the first syscall of
 * the new arch.  It suppresses it with -q, and also whenever -o is given
 * without -p (its automatic quiet); ftrace-c prints it into -o files too,
 * because a log of mixed-arch syscalls is ambiguous without it
 * (docs/differences-from-strace.md).
 */
#include <sys/types.h>

#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "personality.h"
#include "sysent.h"
#include "tracee.h"

uint32_t
personality_native(void)
{
#if defined(__x86_64__)
	return ARCH_X86_64;
#elif defined(__aarch64__)
	return ARCH_AARCH64;
#elif defined(__i386__)
	return ARCH_I386;
#else
	return 0;
#endif
}

void
personality_note(struct tracee *t, const struct sc_rec *rec)
{
	uint32_t was = t->arch;

	if (rec->arch == was)
		return;
	t->arch = rec->arch;
	/*
	 * Unknown so far: a process we started or attached to ran as
	 * ftrace-c's own arch; a child seen before its parent's fork event
	 * gets the arch of its first stop without a line (it cannot have
	 * changed arch before that stop).
	 */
	if (!was) {
		if (!t->spawned && !t->attached)
			return;
		was = personality_native();
		if (rec->arch == was)
			return;
	}
	/* --json: each syscall record carries its "arch" */
	if ((opts.quiet_set & QUIET_PERSONALITY) || t->hidden || opts.json ||
	    !sysent_arch_name(rec->arch))
		return;
	out_line_start(t);
	out_printf("[ Process PID=%d runs in %u bit mode. ]", t->tid,
		   sysent_arch_wordsize(rec->arch) * 8);
	out_line_end();
}

void
personality_inherit(struct tracee *child, const struct tracee *parent)
{
	if (!child->arch)
		child->arch = parent->arch;
}
