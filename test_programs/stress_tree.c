/*
 * stress_tree: a tree of NPROC processes (this one included) in which
 * NTHREADS extra threads live, every one making a seeded random series of
 * syscalls and the processes ending at random moments, from a random one
 * of their threads (exit_group kills the others wherever they are).
 *
 * Node i forks children FANOUT*i+1 .. FANOUT*i+FANOUT (below NPROC) first,
 * then nodes 1..NTHREADS/4 start 4 threads each, then all work.  A parent
 * does not wait for its children: it may end first, and the orphans are
 * reparented to the root, which is a child subreaper (PR_SET_CHILD_SUBREAPER)
 * and reaps everything until ECHILD.  Node i exits with status i % 200 + 1;
 * the root checks the count and the sum of the statuses, prints
 *   tree: NPROC processes, NTHREADS threads, exits NPROC+NTHREADS
 * and exits 0, or prints what was wrong and exits 1.
 *
 * usage: stress_tree [SEED [NPROC [NTHREADS]]]    (defaults 1 300 64)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define FANOUT	3
#define PER	4	/* threads per threaded node */

static int nproc = 300, nthreads = 64, idx;
static pthread_barrier_t started;	/* no exit before every thread exists */
static unsigned long seed = 1;

/* xorshift64*, one state per thread */
static unsigned long
next_rand(unsigned long *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return (*s * 2685821657736338717UL) >> 33;
}

/* A random series of cheap syscalls; some sleep, so exits land anywhere. */
static void
work(unsigned long *s, int steps)
{
	char buf[64];
	int fd = open("/dev/zero", O_RDONLY | O_CLOEXEC);
	int i;

	for (i = 0; i < steps; i++) {
		switch (next_rand(s) % 6) {
		case 0: getppid(); break;
		case 1: if (read(fd, buf, sizeof(buf)) < 0) _exit(120); break;
		case 2: syscall(SYS_gettid); break;
		case 3: sched_yield(); break;
		case 4: {
			struct timespec ts = { 0, (long)(next_rand(s) % 2000) * 1000 };

			nanosleep(&ts, NULL);
			break;
		}
		default: close(dup(fd)); break;
		}
	}
	if (fd >= 0)
		close(fd);
}

static void
node_exit(void)
{
	_exit(idx % 200 + 1);
}

static void *
thread_main(void *arg)
{
	unsigned long s = seed * 1000003 + (unsigned long)idx * 131 +
			  (unsigned long)(long)arg + 1;

	pthread_barrier_wait(&started);
	work(&s, 5 + (int)(next_rand(&s) % 40));
	/* One in four threads ends the whole process, mid-whatever. */
	if (next_rand(&s) % 4 == 0)
		node_exit();
	return NULL;
}

static void
run_node(void)
{
	unsigned long s = seed * 7919 + (unsigned long)idx + 1;
	pthread_t t[PER];
	int k;

	if (idx >= 1 && idx <= nthreads / PER) {
		pthread_barrier_init(&started, NULL, PER + 1);
		for (k = 0; k < PER; k++)
			if (pthread_create(&t[k], NULL, thread_main, (void *)(long)k))
				_exit(121);
		pthread_barrier_wait(&started);
	}
	work(&s, 5 + (int)(next_rand(&s) % 40));
	node_exit();
}

int
main(int argc, char **argv)
{
	long want_sum = 0, sum = 0;
	int c, reaped = 0, status, bad = 0;
	pid_t p;

	if (argc > 1)
		seed = strtoul(argv[1], NULL, 10);
	if (argc > 2)
		nproc = atoi(argv[2]);
	if (argc > 3)
		nthreads = atoi(argv[3]) / PER * PER;
	if (nproc < 1 || nthreads < 0 || nthreads / PER >= nproc) {
		fprintf(stderr, "usage: stress_tree [SEED [NPROC [NTHREADS]]]\n");
		return 2;
	}
	if (prctl(PR_SET_CHILD_SUBREAPER, 1) < 0) {
		perror("prctl");
		return 1;
	}
	for (;;) {
		int first = FANOUT * idx + 1, me = idx;

		for (c = first; c < first + FANOUT && c < nproc; c++) {
			p = fork();
			if (p < 0) {
				perror("fork");
				_exit(122);
			}
			if (p == 0) {
				idx = c;
				break;
			}
		}
		if (idx == me)
			break;	/* this node's children are all started */
	}
	if (idx != 0)
		run_node();

	for (c = 1; c < nproc; c++)
		want_sum += c % 200 + 1;
	while ((p = wait(&status)) > 0 || errno == EINTR) {
		if (p <= 0)
			continue;
		reaped++;
		if (WIFEXITED(status))
			sum += WEXITSTATUS(status);
		else
			bad++;
	}
	if (reaped != nproc - 1 || sum != want_sum || bad) {
		printf("tree: reaped %d of %d, status sum %ld of %ld, %d killed\n",
		       reaped, nproc - 1, sum, want_sum, bad);
		return 1;
	}
	printf("tree: %d processes, %d threads, exits %d\n", nproc, nthreads,
	       nproc + nthreads);
	return 0;
}
