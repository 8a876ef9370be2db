/*
 * scaling.c - benchmark workload: does a tracer's cost per stop grow with
 * the number of tracees it holds?
 *
 * usage: scaling MODE N SYSCALLS
 *   idle:   N-1 threads block in read(2) on a pipe (live tracees that never
 *           stop) while the main thread makes SYSCALLS getppid calls
 *   active: N threads each make SYSCALLS/N getppid calls at once
 * Prints "ns_per_syscall X": wall time of the syscall phase only (thread
 * creation and teardown excluded; clock_gettime is the vDSO, no stop).
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

static long per_thread;
static int pfd[2];
static pthread_barrier_t start;

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e9 + ts.tv_nsec;
}

static void *
idle(void *arg)
{
	char c;

	(void)arg;
	pthread_barrier_wait(&start);
	(void)!read(pfd[0], &c, 1);
	return NULL;
}

static void
hot_loop(long count)
{
	long i;

	for (i = 0; i < count; i++)
		syscall(SYS_getppid);
}

static void *
hot(void *arg)
{
	(void)arg;
	pthread_barrier_wait(&start);
	hot_loop(per_thread);
	return NULL;
}

int
main(int argc, char **argv)
{
	int active, n, i;
	long total;
	pthread_t *th;
	pthread_attr_t attr;
	double t0, t1;

	if (argc < 4)
		return 2;
	active = strcmp(argv[1], "active") == 0;
	n = atoi(argv[2]);
	total = atol(argv[3]);
	if (n < 1 || pipe(pfd) < 0)
		return 2;
	th = calloc((size_t)n, sizeof(*th));
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, 64 * 1024);
	pthread_barrier_init(&start, NULL, (unsigned)n);
	per_thread = active ? total / n : total;
	for (i = 1; i < n; i++)
		if (pthread_create(&th[i], &attr, active ? hot : idle, NULL))
			return 1;
	pthread_barrier_wait(&start);
	t0 = now();
	if (active) {
		hot_loop(per_thread);
		for (i = 1; i < n; i++)
			pthread_join(th[i], NULL);
	} else {
		hot_loop(total);
	}
	t1 = now();
	printf("ns_per_syscall %.0f\n", (t1 - t0) / (double)(active ? per_thread * n : total));
	if (!active) {
		close(pfd[1]);
		for (i = 1; i < n; i++)
			pthread_join(th[i], NULL);
	}
	return 0;
}
