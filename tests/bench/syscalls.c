/*
 * syscalls.c - benchmark workload: N cheap syscalls (getppid), split over
 * T threads.  usage: syscalls [N] [T]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

static long per_thread;

static void *
run(void *arg)
{
	long i;

	(void)arg;
	for (i = 0; i < per_thread; i++)
		syscall(SYS_getppid);
	return NULL;
}

int
main(int argc, char **argv)
{
	long n = argc > 1 ? atol(argv[1]) : 100000;
	int t = argc > 2 ? atoi(argv[2]) : 1, i;
	pthread_t th[64];

	if (t < 1 || t > 64)
		t = 1;
	per_thread = n / t;
	if (t == 1) {
		/* one thread means one: a single-threaded process */
		run(NULL);
		return 0;
	}
	for (i = 0; i < t; i++)
		pthread_create(&th[i], NULL, run, NULL);
	for (i = 0; i < t; i++)
		pthread_join(th[i], NULL);
	return 0;
}
