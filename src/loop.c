/*
 * loop.c - the event loop.
 *
 * The tracer sleeps in a blocking wait4(-1, __WALL), as the cheapest
 * tracer does: one system call per stop to learn about it, and the kernel
 * wakes the tracer directly when a tracee stops (docs/performance.md
 * measured the alternative, a libev loop on a signalfd: an epoll_wait, a
 * signalfd read and an empty wait4 more per wake-up, and 70% more tracer
 * CPU time per stop).
 *
 * SIGCHLD stays blocked and is never read: wait4 alone says what
 * happened.  The tracer's fatal signals (INT/TERM/HUP/QUIT) are blocked
 * until the command is started (the child restores the original mask),
 * then caught by a handler without SA_RESTART that only records the
 * signal: a blocking wait4 returns EINTR and the loop starts the detach.
 * A signal that lands after the loop looked at the record but before
 * wait4 sleeps would not interrupt it; so the handler also sets alarm(1),
 * whose SIGALRM interrupts that wait4 a second later at most.  The record
 * is also looked at after every status, so that busy tracees cannot delay
 * a detach.
 */
#include <errno.h>
#include <signal.h>
#include <stdbool.h>
#include <unistd.h>

#include "error.h"
#include "loop.h"
#include "output.h"
#include "ptrace_ops.h"
#include "stats.h"
#include "trace.h"
#include "tracee.h"

static sigset_t owned;
static int fatal_sig;
static volatile sig_atomic_t caught_sig;

void
loop_block_signals(sigset_t *orig, bool keep_ignored)
{
	static const int fatal[] = { SIGINT, SIGTERM, SIGHUP, SIGQUIT };
	struct sigaction old;
	sigset_t block;
	unsigned i;

	sigemptyset(&owned);
	sigaddset(&owned, SIGCHLD);
	/*
	 * A fatal signal that was ignored when ftrace-c started (nohup, a
	 * background job of a non-interactive shell) stays ignored, as it
	 * would for the command run without ftrace-c.  With -p alone there
	 * is no command to inherit them, and they are the way to detach:
	 * watched always, as strace does.
	 */
	for (i = 0; i < sizeof(fatal) / sizeof(fatal[0]); i++)
		if (!keep_ignored ||
		    (sigaction(fatal[i], NULL, &old) == 0 &&
		     old.sa_handler != SIG_IGN))
			sigaddset(&owned, fatal[i]);
	/*
	 * SIGPIPE is blocked too (not watched): a trace written to a pipe
	 * whose reader is gone must fail with EPIPE, so that the tracees are
	 * detached, rather than kill ftrace-c.  The command gets the original
	 * mask back, and a pending signal is not inherited across fork.
	 */
	block = owned;
	sigaddset(&block, SIGPIPE);
	if (sigprocmask(SIG_BLOCK, &block, orig) < 0)
		die_perror("sigprocmask");
}

static void
on_fatal_signal(int sig)
{
	if (!caught_sig)
		caught_sig = sig;
	/* see the top of the file: the race before wait4 sleeps */
	alarm(1);
}

static void
on_alarm(int sig)
{
	(void)sig;	/* only there to interrupt wait4 */
}

/* Catch the fatal signals from now on (they were blocked so far). */
static void
catch_signals(void)
{
	struct sigaction sa = { .sa_handler = on_fatal_signal };
	sigset_t unblock;
	int sig;

	sigemptyset(&unblock);
	sigfillset(&sa.sa_mask);	/* one handler at a time */
	for (sig = 1; sig < NSIG; sig++) {
		if (sig == SIGCHLD || !sigismember(&owned, sig))
			continue;
		sigaction(sig, &sa, NULL);
		sigaddset(&unblock, sig);
	}
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	sigaddset(&unblock, SIGALRM);
	if (sigprocmask(SIG_UNBLOCK, &unblock, NULL) < 0)
		die_perror("sigprocmask");
}

/* A fatal signal came: detach everything; a second one changes nothing. */
static void
check_signals(void)
{
	if (fatal_sig)
		return;
	fatal_sig = caught_sig;
	alarm(0);
	trace_detach_all(fatal_sig);
}

void
loop_init(void)
{
}

int
loop_run(void)
{
	int status;
	pid_t pid;

	catch_signals();
	while (tracee_count() > 0) {
		if (caught_sig && !fatal_sig)
			check_signals();
		pid = pt_wait_any(&status, stats_rusage_slot());
		if (pid > 0) {
			trace_handle_status(pid, status);
			if (out_failed())
				/* the trace cannot be written any more */
				trace_detach_all(0);
			continue;
		}
		if (errno == EINTR)
			continue;
		if (errno == ECHILD) {
			/* No child at all: whatever the table holds is gone. */
			tracee_remove_all();
			break;
		}
		perror_msg("wait4");
		break;
	}
	return fatal_sig;
}

void
loop_destroy(void)
{
	alarm(0);
}
