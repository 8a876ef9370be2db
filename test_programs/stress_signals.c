/*
 * stress_signals: a signal storm on a multithreaded process that sits in
 * syscalls.  Eight worker threads block in read (pipe), poll, nanosleep,
 * futex (a condition variable), select, pause-like sigsuspend... while a
 * child process sends COUNT queued SIGRTMIN signals to the process with
 * sigqueue, in bursts of BURST, and after each burst waits (reading a pipe)
 * until the handler has counted them all, so none is lost to the queue
 * limit.  Every 16th burst also sends SIGUSR1 (standard, may coalesce:
 * counted but not checked) to the process and a SIGUSR2 to each worker
 * with tgkill from the main thread.  Handlers use SA_RESTART; the calls
 * that are not restarted (poll, nanosleep, select, sigsuspend) loop.
 *
 * Prints "signals: COUNT of COUNT, 9 threads, exits 10" (threads and the
 * sender process) and exits 0, or says what was lost and exits 1.
 *
 * usage: stress_signals [COUNT [BURST]]     (defaults 3000 50)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/select.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define WORKERS	8

struct shared {
	atomic_int got;		/* SIGRTMIN handled */
	atomic_int target;	/* the handler writes to done[] when got reaches it */
	atomic_int usr;		/* SIGUSR1 and SIGUSR2 handled */
};

static struct shared *sh;
static int done_pipe[2], park[2];
static volatile sig_atomic_t stop;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t cv = PTHREAD_COND_INITIALIZER;
static pid_t tids[WORKERS];

static void
on_rt(int sig)
{
	(void)sig;
	if (atomic_fetch_add(&sh->got, 1) + 1 == atomic_load(&sh->target))
		if (write(done_pipe[1], "x", 1) != 1)
			_exit(9);
}

static void
on_usr(int sig)
{
	(void)sig;
	atomic_fetch_add(&sh->usr, 1);
}

/* Each worker sits in one kind of blocking call until told to stop. */
static void *
worker(void *arg)
{
	long kind = (long)arg;
	char c;

	tids[kind] = (pid_t)syscall(SYS_gettid);
	while (!stop) {
		switch (kind % 6) {
		case 0:	/* restarted by SA_RESTART; ends when park is written */
			if (read(park[0], &c, 1) == 1)
				return NULL;
			break;
		case 1: {
			struct pollfd p = { .fd = park[0], .events = POLLIN };

			poll(&p, 1, 200);
			break;
		}
		case 2: {
			struct timespec ts = { 0, 200 * 1000 * 1000 };

			nanosleep(&ts, NULL);
			break;
		}
		case 3: {
			struct timespec ts;

			pthread_mutex_lock(&mu);
			clock_gettime(CLOCK_REALTIME, &ts);
			ts.tv_sec += 1;
			if (!stop)
				pthread_cond_timedwait(&cv, &mu, &ts);
			pthread_mutex_unlock(&mu);
			break;
		}
		case 4: {
			struct timeval tv = { 0, 200 * 1000 };
			fd_set r;

			FD_ZERO(&r);
			FD_SET(park[0], &r);
			select(park[0] + 1, &r, NULL, NULL, &tv);
			break;
		}
		default: {
			struct timespec ts = { 0, 200 * 1000 * 1000 };
			sigset_t none;

			/* sigtimedwait for nothing that is sent: a timed sleep */
			sigemptyset(&none);
			sigaddset(&none, SIGWINCH);
			sigtimedwait(&none, NULL, &ts);
			break;
		}
		}
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	int count = argc > 1 ? atoi(argv[1]) : 3000;
	int burst = argc > 2 ? atoi(argv[2]) : 50;
	struct sigaction sa = { .sa_flags = SA_RESTART };
	pthread_t t[WORKERS];
	int i, status, sent;
	pid_t me = getpid(), kid;
	char c;

	if (count < 1 || burst < 1) {
		fprintf(stderr, "usage: stress_signals [COUNT [BURST]]\n");
		return 2;
	}
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED || pipe(done_pipe) || pipe(park))
		return 1;
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_rt;
	sigaction(SIGRTMIN, &sa, NULL);
	sa.sa_handler = on_usr;
	sigaction(SIGUSR1, &sa, NULL);
	sigaction(SIGUSR2, &sa, NULL);
	for (i = 0; i < WORKERS; i++)
		if (pthread_create(&t[i], NULL, worker, (void *)(long)i))
			return 1;

	kid = fork();
	if (kid < 0)
		return 1;
	if (kid == 0) {
		union sigval v;

		/*
		 * The sender: it must not take the signals itself, and it
		 * must see end-of-file, not wait for ever, if the process it
		 * signals is killed (tests/stress/faults.sh does that).
		 */
		signal(SIGRTMIN, SIG_IGN);
		close(done_pipe[1]);
		for (sent = 0; sent < count; ) {
			int n = count - sent < burst ? count - sent : burst, k;

			atomic_store(&sh->target, sent + n);
			for (k = 0; k < n; k++) {
				v.sival_int = sent + k;
				if (sigqueue(me, SIGRTMIN, v) < 0)
					_exit(3);
			}
			if ((sent / burst) % 16 == 0)
				kill(me, SIGUSR1);
			sent += n;
			for (;;) {
				ssize_t r = read(done_pipe[0], &c, 1);

				if (r == 1)
					break;
				if (r == 0 || errno != EINTR)
					_exit(4);
			}
		}
		_exit(0);
	}
	/* meanwhile: SIGUSR2 to each worker, a few rounds, while they block */
	for (i = 0; i < 8 * WORKERS; i++) {
		struct timespec ts = { 0, 5 * 1000 * 1000 };

		if (tids[i % WORKERS])
			syscall(SYS_tgkill, me, tids[i % WORKERS], SIGUSR2);
		nanosleep(&ts, NULL);
	}
	while (waitpid(kid, &status, 0) < 0)
		if (errno != EINTR)
			return 1;
	stop = 1;
	pthread_mutex_lock(&mu);
	pthread_cond_broadcast(&cv);
	pthread_mutex_unlock(&mu);
	for (i = 0; i < WORKERS; i++)
		if (write(park[1], "xxxxxxxx", 1) != 1)
			return 1;
	for (i = 0; i < WORKERS; i++)
		pthread_join(t[i], NULL);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 ||
	    atomic_load(&sh->got) != count) {
		printf("signals: %d of %d, sender status 0x%x\n",
		       atomic_load(&sh->got), count, status);
		return 1;
	}
	printf("signals: %d of %d, %d threads, exits %d\n", count, count,
	       WORKERS + 1, WORKERS + 2);
	return 0;
}
