/*
 * self_kill: prints one line, then kills itself with SIGTERM (default
 * action).  Exercises the tracer re-raising the tracee's fatal signal on
 * itself, so the shell sees 128 + 15 for the traced run too.
 */
#include <signal.h>
#include <stdio.h>
#include <unistd.h>

int
main(void)
{
	printf("self_kill: sending SIGTERM to myself\n");
	fflush(stdout);
	signal(SIGTERM, SIG_DFL);
	kill(getpid(), SIGTERM);
	/* Not reached unless SIGTERM was blocked by our parent. */
	return 1;
}
