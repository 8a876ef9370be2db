/*
 * killed_child: one child blocks in pause() and the parent kills it with
 * SIGKILL once the child has told it (through a pipe) that it is running;
 * another child sets RLIMIT_CORE to 0 and raise()s SIGSEGV.  The parent
 * waits for both, prints the terminating signals and exits 0.  Exercises
 * the "+++ killed by SIG... +++" lines, without "(core dumped)".
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

static int
term_sig(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFSIGNALED(status))
		return -1;
	return WTERMSIG(status) | (WCOREDUMP(status) ? 0x100 : 0);
}

int
main(void)
{
	struct rlimit nocore = { .rlim_cur = 0, .rlim_max = 0 };
	int fds[2];
	pid_t sleeper, segv;
	char byte;
	int sig_kill, sig_segv;

	if (pipe(fds) < 0) {
		perror("pipe");
		return 1;
	}

	sleeper = fork();
	if (sleeper < 0)
		return 1;
	if (sleeper == 0) {
		close(fds[0]);
		if (write(fds[1], "r", 1) != 1)
			_exit(1);
		for (;;)
			pause();
	}
	close(fds[1]);
	if (read(fds[0], &byte, 1) != 1)
		return 1;
	close(fds[0]);
	kill(sleeper, SIGKILL);
	sig_kill = term_sig(sleeper);

	segv = fork();
	if (segv < 0)
		return 1;
	if (segv == 0) {
		setrlimit(RLIMIT_CORE, &nocore);
		raise(SIGSEGV);
		_exit(1);
	}
	sig_segv = term_sig(segv);

	printf("killed_child: %s, %s\n",
	       sig_kill == SIGKILL ? "SIGKILL" : "unexpected",
	       sig_segv == SIGSEGV ? "SIGSEGV" : "unexpected");
	return sig_kill == SIGKILL && sig_segv == SIGSEGV ? 0 : 1;
}
