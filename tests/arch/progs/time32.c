/*
 * time32.c - timespec and timeval in their 32-bit and time64 forms:
 * nanosleep, clock_nanosleep(_time64), clock_getres(_time64),
 * utimensat(_time64), utimes (timeval), setitimer/getitimer, select's
 * timeval timeout, and a bad pointer.  Only inputs with fixed values are
 * used so two runs print the same text.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/select.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

int
main(void)
{
	struct timespec ts = { 0, 1000 }, res;
	struct timespec tv2[2] = { { 1000000000, 5 }, { 1000000001, 6 } };
	struct timeval tv[2] = { { 1000000000, 7 }, { 1000000001, 8 } };
	struct itimerval it = { { 0, 0 }, { 0, 0 } }, old;
	struct timeval zero = { 0, 0 };

	(void)nanosleep(&ts, NULL);
	(void)clock_nanosleep(CLOCK_MONOTONIC, 0, &ts, NULL);
	(void)clock_getres(CLOCK_MONOTONIC, &res);
	(void)close(open("arch-time.tmp", O_WRONLY | O_CREAT, 0600));
	(void)utimensat(AT_FDCWD, "arch-time.tmp", tv2, 0);
	(void)utimes("arch-time.tmp", tv);
	(void)unlink("arch-time.tmp");
	(void)setitimer(ITIMER_REAL, &it, &old);
	(void)getitimer(ITIMER_VIRTUAL, &old);
	(void)select(0, NULL, NULL, NULL, &zero);
#ifdef __i386__
	{
		/* the old 32-bit time_t forms, which glibc no longer calls */
		struct { long s, ns; } t32 = { 0, 2000 }, r32;

		(void)syscall(SYS_nanosleep, &t32, NULL);
		(void)syscall(SYS_clock_getres, CLOCK_MONOTONIC, &r32);
		(void)syscall(SYS_clock_nanosleep, CLOCK_REALTIME, 0, &t32, NULL);
	}
#endif
	(void)nanosleep((void *)16, NULL);   /* EFAULT: printed as an address */
	(void)write(1, "time done\n", 10);
	return 0;
}
