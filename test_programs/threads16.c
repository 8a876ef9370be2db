/*
 * threads16: 16 pthreads, each doing a few rounds of getpid(), write() to
 * /dev/null and a 1 ms nanosleep(), then returning a value.  The main
 * thread joins them all and prints the sum.  Exercises -f across many
 * threads making concurrent syscalls (interleaved unfinished/resumed).
 */
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdint.h>
#include <time.h>
#include <unistd.h>

#define NTHREADS	16
#define ROUNDS		3

static int devnull = -1;

static void *
worker(void *arg)
{
	intptr_t idx = (intptr_t)arg;
	struct timespec ts = { .tv_sec = 0, .tv_nsec = 1000000 };
	intptr_t ok = 0;

	for (int r = 0; r < ROUNDS; r++) {
		if (getpid() > 0)
			ok++;
		if (write(devnull, "x", 1) == 1)
			ok++;
		if (nanosleep(&ts, NULL) == 0)
			ok++;
	}
	/* Every round adds 3 when all syscalls succeed. */
	return (void *)(idx * 100 + ok);
}

int
main(void)
{
	pthread_t tids[NTHREADS];
	long sum = 0;

	devnull = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (devnull < 0) {
		perror("/dev/null");
		return 1;
	}
	for (intptr_t i = 0; i < NTHREADS; i++) {
		if (pthread_create(&tids[i], NULL, worker, (void *)i) != 0) {
			fprintf(stderr, "pthread_create failed\n");
			return 1;
		}
	}
	for (int i = 0; i < NTHREADS; i++) {
		void *ret;

		if (pthread_join(tids[i], &ret) != 0)
			return 1;
		sum += (long)(intptr_t)ret;
	}
	close(devnull);
	/* 100 * (0 + ... + 15) + 16 * 3 * ROUNDS */
	printf("threads16: %d threads, sum %ld\n", NTHREADS, sum);
	return sum == 100 * 120 + NTHREADS * 3 * ROUNDS ? 0 : 1;
}
