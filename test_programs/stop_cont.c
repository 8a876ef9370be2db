/*
 * stop_cont: job control under trace.  The child stops itself with
 * SIGSTOP; the parent sees the stop with waitpid(WUNTRACED), sends
 * SIGCONT, and reaps the child's exit status 5.  Exercises the
 * group-stop (PTRACE_LISTEN) and the re-trap after SIGCONT, whose resume
 * must let the tracee run on (also under --seccomp-bpf, where it is
 * PTRACE_CONT).  Prints what the parent saw; exits 0 when all was right.
 */
#include <signal.h>
#include <stdio.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
	int status;
	pid_t pid = fork();

	if (pid < 0)
		return 1;
	if (pid == 0) {
		raise(SIGSTOP);
		_exit(5);
	}
	if (waitpid(pid, &status, WUNTRACED) != pid || !WIFSTOPPED(status) ||
	    WSTOPSIG(status) != SIGSTOP) {
		printf("stop_cont: no stop seen (status %#x)\n", status);
		return 1;
	}
	kill(pid, SIGCONT);
	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 5) {
		printf("stop_cont: bad exit (status %#x)\n", status);
		return 1;
	}
	printf("stop_cont: stopped by SIGSTOP, continued, exited with 5\n");
	return 0;
}
