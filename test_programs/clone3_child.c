/*
 * clone3_child.c - a child process made with the raw clone3 syscall
 * (with a pidfd), which prints a line and exits 6; the parent waits for
 * it through the pidfd.
 *
 * Prints "clone3 child" then "child exited with 6", exits 0.
 */
#include <linux/sched.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
	struct clone_args args;
	siginfo_t si;
	int pidfd = -1;
	long pid;

	setvbuf(stdout, NULL, _IONBF, 0);
	memset(&args, 0, sizeof(args));
	args.flags = CLONE_PIDFD;
	args.pidfd = (uint64_t)(uintptr_t)&pidfd;
	args.exit_signal = SIGCHLD;
	pid = syscall(SYS_clone3, &args, sizeof(args));
	if (pid < 0)
		return 1;
	if (pid == 0) {
		printf("clone3 child\n");
		_exit(6);
	}
	if (waitid(P_PIDFD, (id_t)pidfd, &si, WEXITED) < 0)
		return 1;
	printf("child exited with %d\n", si.si_status);
	return 0;
}
