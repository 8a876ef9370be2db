/*
 * stress_exec: a tracee that execs in a loop.  The program execs itself
 * N times (argv carries the count down); every 8th exec is made from a
 * second thread, not the leader (the kernel then kills the leader and the
 * thread takes its pid).  At zero it prints
 *   exec: N execs, K from a thread, exits 1
 * (one process, one exit line: the other threads vanish in the execs) and
 * exits 0.
 *
 * usage: stress_exec [N]     (default 150)
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static char *self;
static char num[3][24];

static void
do_exec(void)
{
	char *args[] = { self, num[0], num[1], num[2], NULL };

	execv("/proc/self/exe", args);
	perror("execv");
	_exit(1);
}

static void *
thread_exec(void *arg)
{
	(void)arg;
	do_exec();
	return NULL;
}

int
main(int argc, char **argv)
{
	long left = argc > 1 ? atol(argv[1]) : 150;
	long total = argc > 2 ? atol(argv[2]) : left;
	long threaded = argc > 3 ? atol(argv[3]) : 0;
	pthread_t t;

	if (left <= 0) {
		printf("exec: %ld execs, %ld from a thread, exits 1\n", total,
		       threaded);
		return 0;
	}
	self = argv[0];
	snprintf(num[0], sizeof(num[0]), "%ld", left - 1);
	snprintf(num[1], sizeof(num[1]), "%ld", total);
	if (left % 8 == 0) {
		snprintf(num[2], sizeof(num[2]), "%ld", threaded + 1);
		if (pthread_create(&t, NULL, thread_exec, NULL))
			return 1;
		pthread_join(t, NULL);	/* never returns: the exec kills us */
		return 1;
	}
	snprintf(num[2], sizeof(num[2]), "%ld", threaded);
	do_exec();
	return 1;
}
