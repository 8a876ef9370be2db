/*
 * thread_exec: a non-leader thread calls execve() of this same program
 * (via /proc/self/exe) with the argument "exec-ed" while the leader is
 * blocked in pthread_join().  The kernel kills the leader and the exec-ing
 * thread takes over the leader's pid.  The new image prints one line and
 * exits with status 7.  Exercises PTRACE_EVENT_EXEC from a non-leader
 * thread (the tid switch, "superseded by execve").
 */
#define _GNU_SOURCE
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#define EXEC_STATUS	7

extern char **environ;

static void *
exec_thread(void *arg)
{
	char *argv[] = { "thread_exec", "exec-ed", NULL };

	(void)arg;
	execve("/proc/self/exe", argv, environ);
	perror("execve");
	return NULL;
}

int
main(int argc, char **argv)
{
	pthread_t tid;

	if (argc > 1 && strcmp(argv[1], "exec-ed") == 0) {
		printf("thread_exec: new image in pid-leader %s\n",
		       getpid() == gettid() ? "yes" : "no");
		return EXEC_STATUS;
	}

	if (pthread_create(&tid, NULL, exec_thread, NULL) != 0) {
		fprintf(stderr, "pthread_create failed\n");
		return 1;
	}
	/* Never returns: the exec replaces the whole thread group. */
	pthread_join(tid, NULL);
	fprintf(stderr, "thread_exec: exec did not happen\n");
	return 1;
}
