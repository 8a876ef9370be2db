/*
 * signals_self: signals sent by a process to itself.  raise(SIGUSR1)
 * (tgkill, SI_TKILL), kill(getpid(), SIGUSR2) (SI_USER), sigqueue() of
 * SIGUSR1 with the value 42 (SI_QUEUE), and a SIGUSR2 sent while blocked
 * by sigprocmask(), delivered when unblocked.  Prints the handler counts.
 * Exercises signal-delivery-stops and the --- SIG... {siginfo} --- lines.
 */
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static volatile sig_atomic_t usr1_count;
static volatile sig_atomic_t usr2_count;
static volatile sig_atomic_t queued_value;

static void
on_usr1(int sig, siginfo_t *info, void *ctx)
{
	(void)sig;
	(void)ctx;
	usr1_count++;
	if (info->si_code == SI_QUEUE)
		queued_value = info->si_value.sival_int;
}

static void
on_usr2(int sig)
{
	(void)sig;
	usr2_count++;
}

int
main(void)
{
	struct sigaction sa;
	union sigval val = { .sival_int = 42 };
	sigset_t set;
	int pending_while_blocked;

	memset(&sa, 0, sizeof(sa));
	sa.sa_sigaction = on_usr1;
	sa.sa_flags = SA_SIGINFO;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR1, &sa, NULL) < 0)
		return 1;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_usr2;
	sigemptyset(&sa.sa_mask);
	if (sigaction(SIGUSR2, &sa, NULL) < 0)
		return 1;

	raise(SIGUSR1);
	kill(getpid(), SIGUSR2);
	sigqueue(getpid(), SIGUSR1, val);

	sigemptyset(&set);
	sigaddset(&set, SIGUSR2);
	sigprocmask(SIG_BLOCK, &set, NULL);
	kill(getpid(), SIGUSR2);
	pending_while_blocked = usr2_count;
	sigprocmask(SIG_UNBLOCK, &set, NULL);

	printf("signals_self: usr1 %d, usr2 %d (%d while blocked), value %d\n",
	       (int)usr1_count, (int)usr2_count, pending_while_blocked,
	       (int)queued_value);
	return usr1_count == 2 && usr2_count == 2 &&
	       pending_while_blocked == 1 && queued_value == 42 ? 0 : 1;
}
