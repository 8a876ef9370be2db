/*
 * status_filter.c - -e status=, -z, -Z (include/status_filter.h).
 *
 * strace 6.1 cannot know at a syscall's entry whether it will succeed, so
 * it writes the entry into a per-tracee buffer and decides at the exit
 * (or at the tracee's death, or at a detach).  ftrace-c does the same
 * with a per-tracee struct out_stage (output.c), which keeps its memory
 * between syscalls: after the first few lines nothing is allocated.  Held
 * lines are never cut by another tracee's held line, so with -f they come
 * out whole, in the order the syscalls ended; only a line that is not
 * held (a signal, an exit) cuts the open held line with " <unfinished
 * ...>", after which the held line goes on at column 0 without a
 * "<... resumed>" part, exactly as strace prints it.
 */
#include <sys/types.h>

#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "status_filter.h"
#include "tracee.h"

void
status_filter_hold(struct tracee *t)
{
	out_stage_to(&t->stage);
}

void
status_filter_pause(void)
{
	out_stage_to(NULL);
}

bool
status_filter_shows(unsigned outcome)
{
	return !opts.status || (opts.status & outcome);
}

void
status_filter_release(struct tracee *t, unsigned outcome)
{
	out_stage_release(&t->stage, status_filter_shows(outcome));
}

unsigned
status_filter_outcome(bool is_error)
{
	return is_error ? STATUS_FAILED : STATUS_SUCCESSFUL;
}

void
status_filter_cut(struct tracee *t)
{
	status_filter_hold(t);
	out_puts(" <unfinished ...>");
	out_line_end();
	/* strace drops the exec'ing thread's old self: "detached" */
	status_filter_release(t, STATUS_DETACHED);
	t->stage.cut = true;
}

bool
status_filter_was_cut(struct tracee *t)
{
	bool cut = t->stage.cut;

	t->stage.cut = false;
	return cut;
}
