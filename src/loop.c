/*
 * loop.c - the event loop.
 *
 * One libev loop from ev_loop_new(EVFLAG_NOSIGMASK) watches one signalfd
 * (SIGCHLD and the tracer's own INT/TERM/HUP/QUIT) with an ev_io.  libev's
 * default loop and ev_child are never used: they install a SIGCHLD handler
 * that reaps children itself and would steal ptrace stops.
 *
 * SIGCHLDs coalesce, and a signal's si_pid says nothing about which tracee
 * stopped, so on each wake-up the signalfd is read dry and then wait4(-1,
 * __WALL | WNOHANG) is drained until it returns 0 or ECHILD, dispatching
 * every status.  One drain also runs before ev_run: stops may have arrived
 * before the watcher existed.
 */
#include <errno.h>
#include <ev.h>
#include <sched.h>
#include <signal.h>
#include <stdbool.h>
#include <sys/signalfd.h>
#include <unistd.h>

#include "error.h"
#include "loop.h"
#include "output.h"
#include "ptrace_ops.h"
#include "stats.h"
#include "trace.h"
#include "tracee.h"

static struct ev_loop *loop;
static ev_io sigfd_watcher;
static int sigfd = -1;
static sigset_t owned;
static int fatal_sig;

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

static bool one_cpu;	/* the tracer may run on one CPU only */

static void read_signals(void);

/* Reap and dispatch one status, if there is one (see on_sigfd). */
static void
reap_one(void)
{
	int status;
	pid_t pid = pt_wait_nohang(&status, stats_rusage_slot());

	if (pid > 0)
		trace_handle_status(pid, status);
}

/* Reap and dispatch every pending status; false once no child is left. */
static bool
drain_wait(void)
{
	unsigned n = 0;
	int status;
	pid_t pid;

	for (;;) {
		pid = pt_wait_nohang(&status, stats_rusage_slot());
		if (pid > 0) {
			/*
			 * The last wait4 of a drain is only there for statuses
			 * whose SIGCHLD was merged into one already read.  With
			 * a single tracee, just reaped from a syscall stop and
			 * running again, there is none: no other tracee can have
			 * one, and its own next status comes after the read,
			 * with a SIGCHLD of its own that wakes the loop.  So
			 * skip it: one system call less per stop.  (A child that
			 * is no tracee, the -o |command, is reaped at the next
			 * wake-up instead; nothing waits for it meanwhile.)
			 */
			if (trace_handle_status(pid, status) &&
			    tracee_count() == 1)
				return true;
			/*
			 * Busy tracees can keep this drain from ever reaching 0:
			 * look at the signalfd now and then, so that a SIGINT
			 * starts the detach at once, not when the tracees pause.
			 */
			if (++n % 64 == 0)
				read_signals();
			continue;
		}
		if (pid == 0)
			return tracee_count() > 0;
		if (errno == ECHILD) {
			/* No child at all: whatever the table holds is gone. */
			tracee_remove_all();
			return false;
		}
		perror_msg("wait4");
		return false;
	}
}

static void
read_signals(void)
{
	struct signalfd_siginfo si[16];
	ssize_t n;

	while ((n = read(sigfd, si, sizeof(si))) > 0) {
		size_t i, count = (size_t)n / sizeof(si[0]);

		for (i = 0; i < count; i++) {
			int sig = (int)si[i].ssi_signo;

			if (sig == SIGCHLD)
				continue;
			/* Detach everything; a second signal changes nothing. */
			if (!fatal_sig) {
				fatal_sig = sig;
				trace_detach_all(sig);
			}
		}
		/* A short read means the queue is empty: save a syscall. */
		if ((size_t)n < sizeof(si))
			return;
	}
	if (n < 0 && errno != EAGAIN && errno != EINTR)
		perror_msg("read signalfd");
}

static void
on_sigfd(struct ev_loop *l, ev_io *w, int revents)
{
	(void)w;
	(void)revents;
	/*
	 * The tracee that woke us waits until it is restarted, and with a
	 * CPU of its own it runs while the tracer does whatever follows the
	 * restart.  So reap and restart one stopped tracee first, then read
	 * the signalfd dry and drain: the bookkeeping overlaps the tracee's
	 * run instead of delaying it.  When the tracer shares its only CPU
	 * with the tracees, nothing overlaps and only the count of system
	 * calls matters: read first, so that drain_wait may end early.
	 */
	if (!one_cpu)
		reap_one();
	read_signals();
	if (!drain_wait())
		ev_break(l, EVBREAK_ALL);
	else if (out_failed()) {
		/* the trace cannot be written any more: let everyone go */
		int sig = out_failed_signal();

		if (sig && !fatal_sig)
			fatal_sig = sig;
		trace_detach_all(sig);
	}
}

void
loop_init(void)
{
	cpu_set_t cpus;

	one_cpu = sched_getaffinity(0, sizeof(cpus), &cpus) == 0 &&
		  CPU_COUNT(&cpus) == 1;
	sigfd = signalfd(-1, &owned, SFD_NONBLOCK | SFD_CLOEXEC);
	if (sigfd < 0)
		die_perror("signalfd");
	/* NOSIGMASK: libev must leave our blocked mask alone. */
	loop = ev_loop_new(EVFLAG_NOSIGMASK);
	if (!loop)
		die("could not create the event loop");
	ev_io_init(&sigfd_watcher, on_sigfd, sigfd, EV_READ);
	ev_io_start(loop, &sigfd_watcher);
}

int
loop_run(void)
{
	read_signals();
	if (drain_wait())
		ev_run(loop, 0);
	return fatal_sig;
}

void
loop_destroy(void)
{
	if (loop) {
		ev_io_stop(loop, &sigfd_watcher);
		ev_loop_destroy(loop);
		loop = NULL;
	}
	if (sigfd >= 0) {
		close(sigfd);
		sigfd = -1;
	}
}
