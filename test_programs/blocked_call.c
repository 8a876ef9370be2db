/*
 * blocked_call.c - a process that sits in one blocking syscall, for -p
 * tests of a syscall that was already in progress when the tracer came.
 *
 * usage: blocked_call MODE [MS]
 *   MODE  read | nanosleep | wait4 | futex | futex_timeout | poll
 *   MS    how long the call blocks (default 1500)
 *
 * Prints "ready" when it is about to block, blocks for MS ms in that one
 * call (a child or a thread ends the wait where the call has no timeout),
 * then prints what the call returned and exits 0.  Being attached and
 * detached meanwhile must not change what it prints.
 */
#include <errno.h>
#include <linux/futex.h>
#include <poll.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

static long ms = 1500;
static int futex_word;

static void
sleep_ms(long n)
{
	struct timespec ts = { n / 1000, (n % 1000) * 1000000L };

	while (nanosleep(&ts, &ts) < 0 && errno == EINTR)
		;
}

static void *
futex_waker(void *arg)
{
	(void)arg;
	sleep_ms(ms);
	__atomic_store_n(&futex_word, 1, __ATOMIC_SEQ_CST);
	syscall(SYS_futex, &futex_word, FUTEX_WAKE_PRIVATE, 1, NULL, NULL, 0);
	return NULL;
}

/* A raw futex wait on futex_word == 0, restarted by hand on EINTR. */
static long
futex_wait(const struct timespec *timeout)
{
	long r;

	do
		r = syscall(SYS_futex, &futex_word, FUTEX_WAIT_PRIVATE, 0,
			    timeout, NULL, 0);
	while (r < 0 && errno == EINTR);
	return r < 0 && errno == EAGAIN ? 0 : r;
}

int
main(int argc, char **argv)
{
	const char *mode = argc > 1 ? argv[1] : "nanosleep";
	struct timespec ts;
	pthread_t th;
	int fds[2], status = 0;
	pid_t child;
	long r = -1;
	char c;

	if (argc > 2)
		ms = atol(argv[2]);
	ts.tv_sec = ms / 1000;
	ts.tv_nsec = (ms % 1000) * 1000000L;
	setvbuf(stdout, NULL, _IONBF, 0);

	if (!strcmp(mode, "read") || !strcmp(mode, "wait4")) {
		if (pipe(fds) < 0)
			return 2;
		child = fork();
		if (child == 0) {
			sleep_ms(ms);
			(void)!write(fds[1], "x", 1);
			_exit(7);
		}
		close(fds[1]);
		printf("ready\n");
		if (!strcmp(mode, "read")) {
			do
				r = read(fds[0], &c, 1);
			while (r < 0 && errno == EINTR);
			waitpid(child, &status, 0);
		} else {
			do
				r = wait4(child, &status, 0, NULL) == child;
			while (r < 0 && errno == EINTR);
		}
		printf("%s: %ld, child status %d\n", mode, r,
		       WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (!strcmp(mode, "nanosleep")) {
		printf("ready\n");
		r = syscall(SYS_nanosleep, &ts, NULL);
		printf("nanosleep: %ld\n", r);
	} else if (!strcmp(mode, "futex")) {
		pthread_create(&th, NULL, futex_waker, NULL);
		printf("ready\n");
		r = futex_wait(NULL);
		pthread_join(th, NULL);
		printf("futex: %ld, word %d\n", r, futex_word);
	} else if (!strcmp(mode, "futex_timeout")) {
		printf("ready\n");
		r = futex_wait(&ts);
		printf("futex_timeout: %s\n", r < 0 && errno == ETIMEDOUT ?
		       "ETIMEDOUT" : "woken");
	} else if (!strcmp(mode, "poll")) {
		printf("ready\n");
		r = poll(NULL, 0, (int)ms);
		printf("poll: %ld\n", r);
	} else {
		fprintf(stderr, "blocked_call: unknown mode %s\n", mode);
		return 2;
	}
	return 0;
}
