/*
 * proc32.c - process and signal syscalls with 32-bit layouts: sigaction
 * (rt_sigaction's 32-bit struct), sigprocmask, fork + wait4 with an rusage
 * pointer, exec of a second program, getrlimit/prlimit64, a signal
 * delivered to itself, exit status.
 */
#define _GNU_SOURCE
#include <signal.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static void
on_usr1(int sig)
{
	(void)sig;
}

int
main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_usr1, .sa_flags = SA_RESTART };
	struct rlimit rl;
	sigset_t set;
	pid_t pid;
	int st;

	if (argc > 2)     /* the arch switch: exec a program of the other arch */
		execv(argv[1], argv + 1);
	if (argc > 1)
		return atoi(argv[1]);
	(void)sigaction(SIGUSR1, &sa, NULL);
	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	(void)sigprocmask(SIG_BLOCK, &set, NULL);
	(void)raise(SIGUSR1);
	(void)getrlimit(RLIMIT_NOFILE, &rl);
	(void)prlimit(0, RLIMIT_STACK, NULL, &rl);
	pid = fork();
	if (pid == 0) {
		char *args[] = { argv[0], "3", NULL };

		execv(argv[0], args);
		_exit(99);
	}
	(void)wait4(pid, &st, 0, NULL);
	pid = fork();
	if (pid == 0)
		_exit(5);
	{
		struct rusage ru;

		(void)wait4(pid, &st, 0, &ru);
	}
	(void)write(1, "proc done\n", 10);
	return WEXITSTATUS(st) == 5 ? 0 : 1;
}
