/*
 * sig_storm.c - a stream of queued real-time signals, for detach tests:
 * a sender thread sends SIGRTMIN to the process COUNT times, one at a
 * time, each only after the handler counted the previous one.  A signal
 * lost by a tracer (detached in a signal-delivery-stop without
 * re-injecting it) makes the wait time out and the program report it.
 *
 * usage: sig_storm [COUNT]   prints "received COUNT of COUNT", exits 0
 */
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static volatile sig_atomic_t got;
static int count = 3000;

static void
on_sig(int sig)
{
	(void)sig;
	got++;
}

static void *
sender(void *arg)
{
	const struct timespec tick = { 0, 100 * 1000 };
	union sigval v = { 0 };
	int i, spin;

	(void)arg;
	for (i = 0; i < count; i++) {
		sigqueue(getpid(), SIGRTMIN, v);
		/* 2 s per signal at most: a lost one ends the run */
		for (spin = 0; got <= i && spin < 20000; spin++)
			nanosleep(&tick, NULL);
		if (got <= i)
			break;
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	struct sigaction sa = { .sa_handler = on_sig };
	sigset_t set;
	pthread_t t;

	if (argc > 1)
		count = atoi(argv[1]);
	sigaction(SIGRTMIN, &sa, NULL);
	/* only the main thread takes the signal */
	sigemptyset(&set);
	sigaddset(&set, SIGRTMIN);
	pthread_sigmask(SIG_BLOCK, &set, NULL);
	pthread_create(&t, NULL, sender, NULL);
	pthread_sigmask(SIG_UNBLOCK, &set, NULL);
	pthread_join(t, NULL);
	printf("received %d of %d\n", (int)got, count);
	return got == count ? 0 : 1;
}
