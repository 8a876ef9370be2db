/*
 * decode/time.c - clocks, sleeps and timers: nanosleep, clock_nanosleep,
 * clock_gettime/getres/settime, gettimeofday/settimeofday, time,
 * timerfd_create/settime/gettime, setitimer/getitimer and the POSIX
 * timer_create/settime/gettime.  (times belongs to process.c.)
 *
 * Structures come in three layouts: 64-bit longs (x86_64), 32-bit longs
 * (compat tracees), and 64-bit time_t for the *_time64 syscalls of 32-bit
 * tracees.  Output structs print at exit, as their address on error.
 */
#include <errno.h>
#include <signal.h>
#include <string.h>
#include <time.h>

#include "decode.h"
#include "output.h"
#include "umem.h"

/* Kernel-internal restart codes: a sleep interrupted by a signal. */
#define ERESTARTSYS_ 512
#define ERESTARTNOINTR_ 513
#define ERESTARTNOHAND_ 514
#define ERESTART_RESTARTBLOCK_ 516

static bool
is_erestart(const struct sc_ctx *c)
{
	int64_t e = -c->rval;

	return c->is_error && (e == ERESTARTSYS_ || e == ERESTARTNOINTR_ ||
			       e == ERESTARTNOHAND_ ||
			       e == ERESTART_RESTARTBLOCK_);
}

/* Do this syscall's structs have 64-bit time fields? */
static bool
time64(const struct sc_ctx *c)
{
	return c->entry->wordsize != 4 || strstr(c->ent->name, "64");
}

/* ---- names --------------------------------------------------------------- */

static const struct xlat_entry clock_names[] = {
	XLAT_PAIR(0, "CLOCK_REALTIME"),
	XLAT_PAIR(1, "CLOCK_MONOTONIC"),
	XLAT_PAIR(2, "CLOCK_PROCESS_CPUTIME_ID"),
	XLAT_PAIR(3, "CLOCK_THREAD_CPUTIME_ID"),
	XLAT_PAIR(4, "CLOCK_MONOTONIC_RAW"),
	XLAT_PAIR(5, "CLOCK_REALTIME_COARSE"),
	XLAT_PAIR(6, "CLOCK_MONOTONIC_COARSE"),
	XLAT_PAIR(7, "CLOCK_BOOTTIME"),
	XLAT_PAIR(8, "CLOCK_REALTIME_ALARM"),
	XLAT_PAIR(9, "CLOCK_BOOTTIME_ALARM"),
	XLAT_PAIR(10, "CLOCK_SGI_CYCLE"),
	XLAT_PAIR(11, "CLOCK_TAI"),
};
static const struct xlat clocks = XLAT_TABLE(clock_names);

/*
 * Dynamic clocks (negative ids: process/thread CPU clocks, clock fds)
 * print as the 32-bit number with the unknown comment, as strace 6.1
 * does.
 */
void
dec_print_clockid(uint64_t id)
{
	dec_print_xval(&clocks, (uint32_t)id, "%#llx", "CLOCK_???");
}

static const struct xlat_entry timer_flag_names[] = {
	XLAT_PAIR(1, "TIMER_ABSTIME"),
};
static const struct xlat timer_flags = XLAT_TABLE(timer_flag_names);

static const struct xlat_entry tfd_create_names[] = {
	XLAT_PAIR(02000000, "TFD_CLOEXEC"),
	XLAT_PAIR(04000, "TFD_NONBLOCK"),
};
static const struct xlat tfd_create_flags = XLAT_TABLE(tfd_create_names);

static const struct xlat_entry tfd_set_names[] = {
	XLAT_PAIR(1, "TFD_TIMER_ABSTIME"),
	XLAT_PAIR(2, "TFD_TIMER_CANCEL_ON_SET"),
};
static const struct xlat tfd_set_flags = XLAT_TABLE(tfd_set_names);

static const struct xlat_entry itimer_names[] = {
	XLAT_PAIR(0, "ITIMER_REAL"),
	XLAT_PAIR(1, "ITIMER_VIRTUAL"),
	XLAT_PAIR(2, "ITIMER_PROF"),
};
static const struct xlat itimers = XLAT_TABLE(itimer_names);

static const struct xlat_entry sigev_names[] = {
	XLAT_PAIR(0, "SIGEV_SIGNAL"),
	XLAT_PAIR(1, "SIGEV_NONE"),
	XLAT_PAIR(2, "SIGEV_THREAD"),
	XLAT_PAIR(4, "SIGEV_THREAD_ID"),
};
static const struct xlat sigev_notify = XLAT_TABLE(sigev_names);

/*
 * Flags with no known bit print as "0x6 / * TIMER_??? * /" (without the
 * spaces), else as names with a hex rest.
 */
static void
print_flags(const struct xlat *x, uint64_t v, const char *unknown)
{
	dec_print_flags_cmt(x, v, "0", unknown);
}

/* ---- reading time structs ------------------------------------------------ */

/*
 * n pairs of (seconds, fraction) at addr; the fraction is printed
 * unsigned, as strace does ("tv_nsec=18446744073709551611" for -5).
 */
static int
read_pairs(struct sc_ctx *c, uint64_t addr, bool wide, int64_t *sec,
	   uint64_t *frac, unsigned n)
{
	unsigned i;

	if (wide) {
		int64_t t[4];

		if (umem_read(c->tid, addr, t, n * 2 * sizeof(t[0])) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			sec[i] = t[2 * i];
			frac[i] = (uint64_t)t[2 * i + 1];
		}
	} else {
		int32_t t[4];

		if (umem_read(c->tid, addr, t, n * 2 * sizeof(t[0])) < 0)
			return -1;
		for (i = 0; i < n; i++) {
			sec[i] = t[2 * i];
			frac[i] = (uint32_t)t[2 * i + 1];
		}
	}
	return 0;
}

/*
 * Can the struct at addr be shown?  NULL and (at exit) failed calls and
 * -e verbose=none print the address.
 */
static bool
showable(struct sc_ctx *c, uint64_t addr)
{
	if (addr && c->deref && !(c->exiting && c->is_error))
		return true;
	dec_print_ptr(addr);
	return false;
}

static void
print_pair(const char *frac_name, int64_t sec, uint64_t frac)
{
	out_printf("{tv_sec=%lld, %s=%llu}", (long long)sec, frac_name,
		   (unsigned long long)frac);
}

/* A timespec (or a timeval when usec): one pair. */
static void
print_tv(struct sc_ctx *c, uint64_t addr, bool wide, bool usec)
{
	int64_t sec;
	uint64_t frac;

	if (!showable(c, addr))
		return;
	if (read_pairs(c, addr, wide, &sec, &frac, 1) < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_pair(usec ? "tv_usec" : "tv_nsec", sec, frac);
}

void
dec_print_timespec(struct sc_ctx *c, uint64_t addr, bool ts64)
{
	print_tv(c, addr, ts64, false);
}

/* An itimerspec (or itimerval when usec): interval, then value. */
static void
print_itimer(struct sc_ctx *c, uint64_t addr, bool wide, bool usec)
{
	const char *f = usec ? "tv_usec" : "tv_nsec";
	int64_t sec[2];
	uint64_t frac[2];

	if (!showable(c, addr))
		return;
	if (read_pairs(c, addr, wide, sec, frac, 2) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{it_interval=", 13);
	print_pair(f, sec[0], frac[0]);
	out_write(", it_value=", 11);
	print_pair(f, sec[1], frac[1]);
	out_write("}", 1);
}

/* A remaining-time output: only meaningful when a signal cut the sleep. */
static void
print_remaining(struct sc_ctx *c, uint64_t addr, bool meaningful)
{
	int64_t sec;
	uint64_t frac;

	if (!meaningful || !addr || !c->deref ||
	    read_pairs(c, addr, time64(c), &sec, &frac, 1) < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_pair("tv_nsec", sec, frac);
}

/* ---- sleeps -------------------------------------------------------------- */

/* nanosleep(req, rem): rem at exit */
enum dec_status
dec_nanosleep(struct sc_ctx *c)
{
	if (c->exiting) {
		print_remaining(c, dec_arg(c, 1), is_erestart(c));
		return DEC_DONE;
	}
	print_tv(c, dec_arg(c, 0), time64(c), false);
	out_write(", ", 2);
	return DEC_MORE;
}

/* clock_nanosleep(clock, flags, req, rem): rem at exit, relative only */
enum dec_status
dec_clock_nanosleep(struct sc_ctx *c)
{
	if (c->exiting) {
		print_remaining(c, dec_arg(c, 3),
				!dec_arg(c, 1) && is_erestart(c));
		return DEC_DONE;
	}
	dec_print_clockid(dec_arg(c, 0));
	out_write(", ", 2);
	print_flags(&timer_flags, (uint32_t)dec_arg(c, 1), "TIMER_???");
	out_write(", ", 2);
	print_tv(c, dec_arg(c, 2), time64(c), false);
	out_write(", ", 2);
	return DEC_MORE;
}

/* ---- clocks -------------------------------------------------------------- */

/* clock_gettime, clock_getres (clock, out timespec) */
enum dec_status
dec_clock_gettime(struct sc_ctx *c)
{
	if (c->exiting) {
		print_tv(c, dec_arg(c, 1), time64(c), false);
		return DEC_DONE;
	}
	dec_print_clockid(dec_arg(c, 0));
	out_write(", ", 2);
	return DEC_MORE;
}

/* clock_settime(clock, timespec) */
enum dec_status
dec_clock_settime(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_clockid(dec_arg(c, 0));
	out_write(", ", 2);
	print_tv(c, dec_arg(c, 1), time64(c), false);
	return DEC_DONE;
}

static void
print_timezone(struct sc_ctx *c, uint64_t addr)
{
	int32_t tz[2];

	if (!showable(c, addr))
		return;
	if (!dec_fetch(c, addr, tz, sizeof(tz)))
		return;
	out_printf("{tz_minuteswest=%d, tz_dsttime=%d}", tz[0], tz[1]);
}

/* gettimeofday(tv, tz): both at exit */
enum dec_status
dec_gettimeofday(struct sc_ctx *c)
{
	if (!c->exiting)
		return DEC_MORE;
	print_tv(c, dec_arg(c, 0), c->entry->wordsize != 4, true);
	out_write(", ", 2);
	print_timezone(c, dec_arg(c, 1));
	return DEC_DONE;
}

/* settimeofday(tv, tz) */
enum dec_status
dec_settimeofday(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_tv(c, dec_arg(c, 0), c->entry->wordsize != 4, true);
	out_write(", ", 2);
	print_timezone(c, dec_arg(c, 1));
	return DEC_DONE;
}

/* "2026-11-23T10:30:22+0000" in local time, as strace prints dates. */
static void
print_date(int64_t sec)
{
	time_t t = (time_t)sec;
	struct tm tm;
	char buf[64];

	if (!localtime_r(&t, &tm) ||
	    !strftime(buf, sizeof(buf), "%FT%T%z", &tm))
		return;
	out_puts(buf);
}

static void
rval_time(struct sc_ctx *c)
{
	out_printf("= %lld (", (long long)c->rval);
	print_date(c->rval);
	out_write(")", 1);
}

/* time(tloc) = seconds, both with the date */
enum dec_status
dec_time(struct sc_ctx *c)
{
	uint64_t addr = dec_arg(c, 0);
	uint64_t t;

	if (!c->exiting)
		return DEC_MORE;
	if (!c->is_error)
		c->print_rval = rval_time;
	if (!showable(c, addr))
		return DEC_DONE;
	if (umem_read_word(c->tid, addr, c->entry->wordsize == 4 ? 4 : 8,
			   &t) < 0) {
		dec_print_ptr(addr);
		return DEC_DONE;
	}
	if (c->entry->wordsize == 4)
		t = (uint64_t)(int64_t)(int32_t)t;
	out_printf("[%lld /* ", (long long)t);
	print_date((int64_t)t);
	out_write(" */]", 4);
	return DEC_DONE;
}

/* ---- timerfd ------------------------------------------------------------- */

/* timerfd_create(clock, flags) */
enum dec_status
dec_timerfd_create(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_clockid(dec_arg(c, 0));
	out_write(", ", 2);
	print_flags(&tfd_create_flags, (uint32_t)dec_arg(c, 1), "TFD_???");
	return DEC_DONE;
}

/* timerfd_settime(fd, flags, new, old): old at exit */
enum dec_status
dec_timerfd_settime(struct sc_ctx *c)
{
	if (c->exiting) {
		print_itimer(c, dec_arg(c, 3), time64(c), false);
		return DEC_DONE;
	}
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	print_flags(&tfd_set_flags, (uint32_t)dec_arg(c, 1), "TFD_???");
	out_write(", ", 2);
	print_itimer(c, dec_arg(c, 2), time64(c), false);
	out_write(", ", 2);
	return DEC_MORE;
}

/* timerfd_gettime(fd, cur): cur at exit */
enum dec_status
dec_timerfd_gettime(struct sc_ctx *c)
{
	if (c->exiting) {
		print_itimer(c, dec_arg(c, 1), time64(c), false);
		return DEC_DONE;
	}
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	return DEC_MORE;
}

/* ---- itimers ------------------------------------------------------------- */

static void
print_which(uint64_t v)
{
	dec_print_xval(&itimers, (uint32_t)v, "%#llx", "ITIMER_???");
}

/* setitimer(which, new, old): old at exit */
enum dec_status
dec_setitimer(struct sc_ctx *c)
{
	bool wide = c->entry->wordsize != 4;

	if (c->exiting) {
		print_itimer(c, dec_arg(c, 2), wide, true);
		return DEC_DONE;
	}
	print_which(dec_arg(c, 0));
	out_write(", ", 2);
	print_itimer(c, dec_arg(c, 1), wide, true);
	out_write(", ", 2);
	return DEC_MORE;
}

/* getitimer(which, cur): cur at exit */
enum dec_status
dec_getitimer(struct sc_ctx *c)
{
	if (c->exiting) {
		print_itimer(c, dec_arg(c, 1), c->entry->wordsize != 4, true);
		return DEC_DONE;
	}
	print_which(dec_arg(c, 0));
	out_write(", ", 2);
	return DEC_MORE;
}

/* ---- POSIX timers -------------------------------------------------------- */

/*
 * struct sigevent: sigev_value (a pointer-sized union), sigev_signo,
 * sigev_notify, then the union whose members depend on sigev_notify.
 */
void
dec_print_sigevent(struct sc_ctx *c, uint64_t addr)
{
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	uint8_t ev[64];
	uint64_t value = 0, fn = 0, attr = 0;
	int32_t signo, notify, tid;
	const char *name;

	if (!showable(c, addr))
		return;
	if (!dec_fetch(c, addr, ev, ws == 8 ? 32 : 20))
		return;
	memcpy(&value, ev, ws);
	memcpy(&signo, ev + ws, 4);
	memcpy(&notify, ev + ws + 4, 4);
	memcpy(&tid, ev + ws + 8, 4);
	memcpy(&fn, ev + ws + 8, ws);
	memcpy(&attr, ev + 2 * ws + 8, ws);
	/* strace leaves out a zero sigev_value */
	if (value) {
		out_printf("{sigev_value={sival_int=%d, sival_ptr=",
			   (int32_t)value);
		dec_print_ptr(value);
		out_write("}, sigev_signo=", 15);
	} else {
		out_write("{sigev_signo=", 13);
	}
	/* the signal is named only for a known notify that can send one */
	name = xlat_lookup(&sigev_notify, (uint32_t)notify);
	if (!name || notify == 1)
		out_printf("%d", signo);
	else
		dec_print_signame(signo);
	out_write(", sigev_notify=", 15);
	dec_print_xval(&sigev_notify, (uint32_t)notify, "%#llx", "SIGEV_???");
	if (notify == 4) {
		out_printf(", sigev_notify_thread_id=%d", tid);
	} else if (notify == 2) {
		out_write(", sigev_notify_function=", 24);
		dec_print_ptr(fn);
		out_write(", sigev_notify_attributes=", 26);
		dec_print_ptr(attr);
	}
	out_write("}", 1);
}

/* timer_create(clock, sigevent, &id): the id at exit */
enum dec_status
dec_timer_create(struct sc_ctx *c)
{
	uint64_t addr = dec_arg(c, 2);
	int32_t id;

	if (c->exiting) {
		if (!showable(c, addr))
			return DEC_DONE;
		if (umem_read(c->tid, addr, &id, sizeof(id)) < 0)
			dec_print_ptr(addr);
		else
			out_printf("[%d]", id);
		return DEC_DONE;
	}
	dec_print_clockid(dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_sigevent(c, dec_arg(c, 1));
	out_write(", ", 2);
	return DEC_MORE;
}

/* timer_settime(id, flags, new, old): old at exit */
enum dec_status
dec_timer_settime(struct sc_ctx *c)
{
	if (c->exiting) {
		print_itimer(c, dec_arg(c, 3), time64(c), false);
		return DEC_DONE;
	}
	out_printf("%d, ", (int)dec_arg(c, 0));
	print_flags(&timer_flags, (uint32_t)dec_arg(c, 1), "TIMER_???");
	out_write(", ", 2);
	print_itimer(c, dec_arg(c, 2), time64(c), false);
	out_write(", ", 2);
	return DEC_MORE;
}

/* timer_gettime(id, cur): cur at exit */
enum dec_status
dec_timer_gettime(struct sc_ctx *c)
{
	if (c->exiting) {
		print_itimer(c, dec_arg(c, 1), time64(c), false);
		return DEC_DONE;
	}
	out_printf("%d, ", (int)dec_arg(c, 0));
	return DEC_MORE;
}
