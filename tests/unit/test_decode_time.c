/*
 * test_decode_time.c - src/decode/time.c through the real dispatcher:
 * nanosleep, clock_*, gettimeofday, time, timerfd_*, itimers, POSIX
 * timers.  Expected lines are strace 6.1's for the same calls (x86_64),
 * with its -X verbose forms; every table is walked (xlat_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <time.h>

#include "decode/time.c"
#include "decode_harness.h"
#include "xlat_check.h"

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static int64_t ts[2] = { 1, 500 };
static int64_t its[4] = { 1, 2, 3, 4 };
static int64_t zero4[4];

static void
test_nanosleep(void **state)
{
	const char *part;

	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	/* rem is written only on EINTR: an address otherwise */
	assert_string_equal(DH("nanosleep", ts, zero4, 0, 0, 0, 0, 0),
			    fmt("nanosleep({tv_sec=1, tv_nsec=500}, %#lx) = 0", (uintptr_t)zero4));
	/* a timespec cut by an unreadable page: its address */
	part = dh_partial((const char *)ts, DH_LONG);
	assert_string_equal(DH("nanosleep", part, 0, 0, 0, 0, 0, -14),
			    fmt("nanosleep(%#lx, NULL) = -1 EFAULT (Bad address)", (uintptr_t)part));
	assert_string_equal(DH("nanosleep", dh_unmapped(), 0, 0, 0, 0, 0, -14),
			    fmt("nanosleep(%#lx, NULL) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("clock_nanosleep", 1, 1, ts, zero4, 0, 0, 0),
			    fmt("clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, {tv_sec=1, tv_nsec=500}, %#lx) = 0", (uintptr_t)zero4));
	assert_string_equal(DH("clock_nanosleep", 77, 6, ts, zero4, 0, 0, -22),
			    fmt("clock_nanosleep(0x4d /* CLOCK_??? */, 0x6 /* TIMER_??? */, {tv_sec=1, tv_nsec=500}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)zero4));
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("clock_nanosleep", 1, 1, ts, zero4, 0, 0, 0),
			    fmt("clock_nanosleep(0x1 /* CLOCK_MONOTONIC */, 0x1 /* TIMER_ABSTIME */, {tv_sec=1, tv_nsec=500}, %#lx) = 0", (uintptr_t)zero4));
}

static void
test_clock_gettime(void **state)
{
	static int64_t out[2] = { 1795431779, 722847183 };

	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	DH_NARROW(out);
	assert_string_equal(DH("clock_gettime", 0, out, 0, 0, 0, 0, 0),
			    "clock_gettime(CLOCK_REALTIME, {tv_sec=1795431779, tv_nsec=722847183}) = 0");
	assert_string_equal(DH("clock_gettime", 0, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("clock_gettime(CLOCK_REALTIME, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	/* error: the output is not read */
	assert_string_equal(DH("clock_gettime", 99, out, 0, 0, 0, 0, -22),
			    fmt("clock_gettime(0x63 /* CLOCK_??? */, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)out));
	dh_setl(out, 0, 0);
	dh_setl(out, 1, 1);
	assert_string_equal(DH("clock_getres", 1, out, 0, 0, 0, 0, 0),
			    "clock_getres(CLOCK_MONOTONIC, {tv_sec=0, tv_nsec=1}) = 0");
	assert_string_equal(DH("clock_settime", 7, out, 0, 0, 0, 0, -22),
			    "clock_settime(CLOCK_BOOTTIME, {tv_sec=0, tv_nsec=1}) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("clock_gettime", 0, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("clock_gettime(0 /* CLOCK_REALTIME */, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("clock_getres", 1, out, 0, 0, 0, 0, 0),
			    "clock_getres(0x1, {tv_sec=0, tv_nsec=1}) = 0");
}

static void
test_gettimeofday_time(void **state)
{
	static int64_t tv[2] = { 1795431779, 723099 };
	static int32_t tz[2] = { 0, 0 };
	static int64_t t[1] = { 1795431779 };

	(void)state;
	DH_NARROW(tv);
	DH_NARROW(t);
	assert_string_equal(DH("gettimeofday", tv, 0, 0, 0, 0, 0, 0),
			    "gettimeofday({tv_sec=1795431779, tv_usec=723099}, NULL) = 0");
	assert_string_equal(DH("gettimeofday", tv, tz, 0, 0, 0, 0, 0),
			    "gettimeofday({tv_sec=1795431779, tv_usec=723099}, {tz_minuteswest=0, tz_dsttime=0}) = 0");
	assert_string_equal(DH("settimeofday", tv, 0, 0, 0, 0, 0, 0),
			    "settimeofday({tv_sec=1795431779, tv_usec=723099}, NULL) = 0");
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(DH("time", t, 0, 0, 0, 0, 0, 1795431779),
			    "time([1795431779 /* 2026-11-23T11:02:59+0000 */]) = 1795431779 (2026-11-23T11:02:59+0000)");
	assert_string_equal(DH("time", 0, 0, 0, 0, 0, 0, 1795431779),
			    "time(NULL) = 1795431779 (2026-11-23T11:02:59+0000)");
}

static void
test_timerfd(void **state)
{
	static int64_t got[4] = { 1, 2, 0, 813294806 };

	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	DH_NARROW(got);
	assert_string_equal(DH("timerfd_create", 1, 02004000, 0, 0, 0, 0, 3),
			    "timerfd_create(CLOCK_MONOTONIC, TFD_CLOEXEC|TFD_NONBLOCK) = 3");
	assert_string_equal(DH("timerfd_create", 1, 0x10, 0, 0, 0, 0, -22),
			    "timerfd_create(CLOCK_MONOTONIC, 0x10 /* TFD_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("timerfd_settime", 3, 1, its, zero4, 0, 0, 0),
			    "timerfd_settime(3, TFD_TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
	assert_string_equal(DH("timerfd_settime", 3, 0x10, zero4, 0, 0, 0, -22),
			    "timerfd_settime(3, 0x10 /* TFD_??? */, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("timerfd_gettime", 3, got, 0, 0, 0, 0, 0),
			    "timerfd_gettime(3, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=0, tv_nsec=813294806}}) = 0");
	assert_string_equal(DH("timerfd_gettime", 99, got, 0, 0, 0, 0, -9),
			    fmt("timerfd_gettime(99, %#lx) = -1 EBADF (Bad file descriptor)", (uintptr_t)got));
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("timerfd_create", 1, 02004000, 0, 0, 0, 0, 3),
			    "timerfd_create(0x1 /* CLOCK_MONOTONIC */, 0x80800 /* TFD_CLOEXEC|TFD_NONBLOCK */) = 3");
}

static void
test_itimer(void **state)
{
	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	assert_string_equal(DH("setitimer", 0, its, zero4, 0, 0, 0, 0),
			    "setitimer(ITIMER_REAL, {it_interval={tv_sec=1, tv_usec=2}, it_value={tv_sec=3, tv_usec=4}}, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
	assert_string_equal(DH("setitimer", 5, zero4, 0, 0, 0, 0, -22),
			    "setitimer(0x5 /* ITIMER_??? */, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("getitimer", 2, zero4, 0, 0, 0, 0, 0),
			    "getitimer(ITIMER_PROF, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, tv_usec=0}}) = 0");
	assert_string_equal(DH("getitimer", 2, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("getitimer(ITIMER_PROF, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
}

static void
test_posix_timers(void **state)
{
	static struct sigevent sev;
	static int tid;

	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	sev.sigev_notify = SIGEV_SIGNAL;
	sev.sigev_signo = SIGUSR1;
	sev.sigev_value.sival_int = 5;
	tid = 0;
	assert_string_equal(DH("timer_create", 0, dh_sigevent(&sev), &tid, 0, 0, 0, 0),
			    "timer_create(CLOCK_REALTIME, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_SIGNAL}, [0]) = 0");
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = 42;
	assert_string_equal(DH("timer_create", 1, dh_sigevent(&sev), &tid, 0, 0, 0, -22),
			    fmt("timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD_ID, sigev_notify_thread_id=42}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&tid));
	sev.sigev_notify = 9;
	assert_string_equal(DH("timer_create", 1, dh_sigevent(&sev), &tid, 0, 0, 0, -22),
			    fmt("timer_create(CLOCK_MONOTONIC, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10, sigev_notify=0x9 /* SIGEV_??? */}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&tid));
	/* a zero sigev_value is left out; SIGEV_NONE sends no signal */
	sev.sigev_notify = SIGEV_NONE;
	assert_string_equal(DH("timer_create", 77, dh_sigevent(&sev), &tid, 0, 0, 0, -22),
			    fmt("timer_create(0x4d /* CLOCK_??? */, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10, sigev_notify=SIGEV_NONE}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&tid));
	sev.sigev_notify = SIGEV_THREAD;
	sev.sigev_value.sival_ptr = NULL;
	sev._sigev_un._tid = 0;
	assert_string_equal(DH("timer_create", 77, dh_sigevent(&sev), &tid, 0, 0, 0, -22),
			    fmt("timer_create(0x4d /* CLOCK_??? */, {sigev_signo=SIGUSR1, sigev_notify=SIGEV_THREAD, sigev_notify_function=NULL, sigev_notify_attributes=NULL}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&tid));
	sev.sigev_value.sival_int = 5;
	tid = 3;
	assert_string_equal(DH("timer_create", 1, 0, &tid, 0, 0, 0, 0),
			    "timer_create(CLOCK_MONOTONIC, NULL, [3]) = 0");
	assert_string_equal(DH("timer_create", 1, dh_unmapped(), &tid, 0, 0, 0, 0),
			    fmt("timer_create(CLOCK_MONOTONIC, %#lx, [3]) = 0", dh_unmapped()));
	assert_string_equal(DH("timer_settime", 0, 1, its, zero4, 0, 0, 0),
			    "timer_settime(0, TIMER_ABSTIME, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}, {it_interval={tv_sec=0, tv_nsec=0}, it_value={tv_sec=0, tv_nsec=0}}) = 0");
	assert_string_equal(DH("timer_gettime", 0, its, 0, 0, 0, 0, 0),
			    "timer_gettime(0, {it_interval={tv_sec=1, tv_nsec=2}, it_value={tv_sec=3, tv_nsec=4}}) = 0");
	assert_string_equal(DH("timer_gettime", 77, its, 0, 0, 0, 0, -22),
			    fmt("timer_gettime(77, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)its));
	opts.xmode = XMODE_VERBOSE;
	sev.sigev_notify = SIGEV_THREAD_ID;
	sev._sigev_un._tid = 42;
	assert_string_equal(DH("timer_create", 1, dh_sigevent(&sev), &tid, 0, 0, 0, -22),
			    fmt("timer_create(0x1 /* CLOCK_MONOTONIC */, {sigev_value={sival_int=5, sival_ptr=0x5}, sigev_signo=10 /* SIGUSR1 */, sigev_notify=0x4 /* SIGEV_THREAD_ID */, sigev_notify_thread_id=42}, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&tid));
}

static const char *
run_clock(uint64_t v)
{
	return DH("clock_getres", v, 0, 0, 0, 0, 0, 0);
}

static const char *
run_timer_flags(uint64_t v)
{
	return DH("clock_nanosleep", 0, v, ts, 0, 0, 0, 0);
}

static const char *
run_tfd_create(uint64_t v)
{
	return DH("timerfd_create", 0, v, 0, 0, 0, 0, 3);
}

static const char *
run_tfd_set(uint64_t v)
{
	return DH("timerfd_settime", 3, v, its, 0, 0, 0, 0);
}

static const char *
run_itimer(uint64_t v)
{
	return DH("getitimer", v, 0, 0, 0, 0, 0, 0);
}

static const char *
run_sigev(uint64_t v)
{
	static struct sigevent sev;

	sev.sigev_notify = (int)v;
	sev.sigev_signo = SIGUSR1;
	return DH("timer_create", 0, dh_sigevent(&sev), 0, 0, 0, 0, -22);
}

static void
test_time_tables(void **state)
{
	(void)state;
	DH_NARROW(ts);
	DH_NARROW(its);
	DH_NARROW(zero4);
	XLAT_CHECK(clocks, XC_VALUES, run_clock);
	XLAT_CHECK(timer_flags, XC_FLAGS, run_timer_flags);
	XLAT_CHECK(tfd_create_flags, XC_FLAGS, run_tfd_create);
	XLAT_CHECK(tfd_set_flags, XC_FLAGS, run_tfd_set);
	XLAT_CHECK(itimers, XC_VALUES, run_itimer);
	XLAT_CHECK(sigev_notify, XC_VALUES, run_sigev);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_nanosleep, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_clock_gettime, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_gettimeofday_time, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_timerfd, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_itimer, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_posix_timers, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_time_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_time", tests, NULL, NULL);
}
