/*
 * zombie_leader.c - the thread-group leader exits (SYS_exit, as
 * pthread_exit does) while NTHREADS threads run on; it stays a zombie
 * until the last thread ends the process with exit_group(3).
 *
 * Prints "all N threads done" (from the last thread) and exits 3.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS 4

static int done;

static void *
worker(void *arg)
{
	const struct timespec tick = { 0, 2 * 1000 * 1000 };
	int i;

	(void)arg;
	for (i = 0; i < 50; i++) {
		getppid();
		nanosleep(&tick, NULL);
	}
	if (__atomic_add_fetch(&done, 1, __ATOMIC_SEQ_CST) == NTHREADS) {
		printf("all %d threads done\n", NTHREADS);
		fflush(stdout);
		exit(3);	/* exit_group while the leader is a zombie */
	}
	return NULL;
}

int
main(void)
{
	pthread_t t;
	int i;

	for (i = 0; i < NTHREADS; i++)
		if (pthread_create(&t, NULL, worker, NULL) != 0)
			return 1;
	/* the leader alone: not exit_group */
	syscall(SYS_exit, 0);
	return 1;
}
