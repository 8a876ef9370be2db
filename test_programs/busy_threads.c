/*
 * busy_threads.c - a process for -p tests: NTHREADS threads that keep
 * making small syscalls (getpid, a 5 ms nanosleep) for DURATION ms, then
 * it prints how many rounds all threads made and exits 0.  Attaching to
 * it and detaching again must not change what it prints or its status.
 *
 * usage: busy_threads [NTHREADS] [DURATION_MS]
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long duration_ms = 1500;

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static void *
worker(void *arg)
{
	const struct timespec tick = { 0, 5 * 1000 * 1000 };
	double end = now_ms() + (double)duration_ms;

	(void)arg;
	while (now_ms() < end) {
		getpid();
		nanosleep(&tick, NULL);
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	int n = argc > 1 ? atoi(argv[1]) : 8, i;
	pthread_t *t;

	if (argc > 2)
		duration_ms = atol(argv[2]);
	if (n < 1 || n > 1000)
		n = 8;
	t = calloc((size_t)n, sizeof(*t));
	if (!t)
		return 1;
	for (i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, worker, NULL))
			return 1;
	for (i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	printf("busy_threads: %d threads done\n", n);
	free(t);
	return 0;
}
