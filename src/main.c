/*
 * main.c - options, set-up and hand-off to the loop; ftrace-c's exit
 * status.  No tracing logic lives here.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "attach.h"
#include "audit.h"
#include "error.h"
#include "ftrace.h"
#include "json_out.h"
#include "loop.h"
#include "options.h"
#include "output.h"
#include "pathfilter.h"
#include "ptrace_ops.h"
#include "seccomp.h"
#include "spawn.h"
#include "stats.h"
#include "trace.h"
#include "trace_events.h"
#include "tracee.h"


/* die() after tracees exist: EXITKILL takes the spawned ones with us. */
static void
cleanup(void)
{
	trace_events_close();
	out_close();
}

/* Die the way the traced command died, so shells see the same status. */
static void __attribute__((noreturn))
exit_like_signal(int sig)
{
	struct rlimit no_core = { 0, 0 };
	sigset_t set;

	/* The command may have dumped core; ftrace-c must not. */
	setrlimit(RLIMIT_CORE, &no_core);
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

int
main(int argc, char **argv)
{
	sigset_t orig_mask;
	int fatal, status;
	unsigned i, attached = 0;
	pid_t pid = 0;

	switch (options_parse(argc, argv, &opts)) {
	case OPTIONS_HELP:
		options_usage();
		return 0;
	case OPTIONS_VERSION:
		printf("%s -- version %s\n", FTRACE_NAME, FTRACE_VERSION);
		return 0;
	case OPTIONS_ERROR:
		return 1;
	case OPTIONS_RUN:
		break;
	}
	/* -P's resolved paths: freed on every way out (valgrind, LSan) */
	atexit(pathfilter_reset);

	seccomp_setup(&opts);
	out_open(opts.outfile);
	audit_setup(&opts);
	if (opts.trace_events)
		trace_events_open(opts.trace_events);
	/* strace prefixes lines when it may trace more than one process */
	out_set_prefix(opts.follow_forks ||
		       opts.attach_count + (opts.command != NULL) > 1);
	error_set_cleanup(cleanup);
	json_out_start();

	loop_block_signals(&orig_mask, opts.command != NULL);
	loop_init();
	for (i = 0; i < opts.attach_count; i++)
		if (attach_process(opts.attach_pids[i],
				   pt_options(opts.follow_forks, 0)) == 0) {
			attached++;
			if (opts.descendants)
				attach_descendants(opts.attach_pids[i],
						   pt_options(opts.follow_forks, 0));
		}
	if (opts.attach_count && !attached && !opts.command)
		return 1;
	if (opts.command) {
		pid = spawn_command(opts.command, &orig_mask,
				    pt_options(opts.follow_forks, 1) |
				    seccomp_ptrace_options());
		trace_set_main_pid(pid);
	}

	fatal = loop_run();

	loop_destroy();
	tracee_remove_all();
	if (opts.summary)
		stats_print();
	audit_report(&opts);
	trace_events_close();
	out_close();

	if (fatal)
		exit_like_signal(fatal);
	if (!opts.command)
		return out_failed();	/* -p only: they go on without us */
	if (!trace_main_status(&status)) {
		/*
		 * Detached by -b execve or after an output error: the command
		 * is still our child and runs to its end; wait for it, with
		 * the signals it may get no longer held.
		 */
		sigprocmask(SIG_SETMASK, &orig_mask, NULL);
		if (pt_wait_tid(pid, &status) < 0)
			return 1;
	}
	if (WIFSIGNALED(status))
		exit_like_signal(WTERMSIG(status));
	return WEXITSTATUS(status);
}
