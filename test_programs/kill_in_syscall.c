/*
 * kill_in_syscall.c - a child with two threads, both blocked in a
 * syscall (read on a pipe, a futex wait), is killed by SIGKILL.
 *
 * Prints "child killed by signal 9" and exits 0.
 */
#include <linux/futex.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

static int word;

static void *
waiter(void *arg)
{
	(void)arg;
	for (;;)
		syscall(SYS_futex, &word, FUTEX_WAIT_PRIVATE, 0, NULL, NULL, 0);
	return NULL;
}

int
main(void)
{
	int gate[2], ready[2], status;
	pthread_t t;
	pid_t pid;
	char c;

	if (pipe(gate) < 0 || pipe(ready) < 0)
		return 1;
	pid = fork();
	if (pid == 0) {
		pthread_create(&t, NULL, waiter, NULL);
		(void)!write(ready[1], "r", 1);
		for (;;)
			(void)!read(gate[0], &c, 1);
	}
	close(ready[1]);
	if (read(ready[0], &c, 1) != 1)
		return 1;
	usleep(50 * 1000);	/* let both threads block */
	kill(pid, SIGKILL);
	if (waitpid(pid, &status, 0) != pid)
		return 1;
	if (WIFSIGNALED(status))
		printf("child killed by signal %d\n", WTERMSIG(status));
	else
		printf("child status %#x\n", status);
	return 0;
}
