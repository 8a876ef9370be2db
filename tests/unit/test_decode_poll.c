/*
 * test_decode_poll.c - src/decode/poll.c through the real dispatcher:
 * poll/ppoll, select/pselect6, epoll_ctl, epoll_wait/epoll_pwait.  The
 * kernel's results (revents, fd sets, epoll events, time left) are put
 * in this process's memory before the exit stop.  Expected lines are
 * strace 6.1's for the same calls (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <poll.h>
#include <signal.h>
#include <sys/epoll.h>
#include <sys/select.h>

#include "decode/poll.c"
#include "decode_harness.h"
#include "xlat_check.h"

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static void
test_poll(void **state)
{
	static struct pollfd fds[3];
	static struct timespec ts = { 1, 0 };
	static uint64_t set = 1u << (SIGUSR1 - 1);
	const uint64_t args[6] = { (uintptr_t)fds, 3, 100, 0, 0, 0 };

	(void)state;
	fds[0] = (struct pollfd){ 3, POLLIN | POLLPRI, 0 };
	fds[1] = (struct pollfd){ 4, POLLOUT | 0x8000, 0 };
	fds[2] = (struct pollfd){ 99, 0x8000, 0 };
	/* entry, then the kernel fills revents, then exit */
	assert_string_equal(dh_entry_text("poll", args), "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT|POLL_BUSY_LOOP}, {fd=99, events=POLL_BUSY_LOOP}], 3, 100");
	fds[0].revents = POLLIN;
	fds[1].revents = POLLOUT;
	fds[2].revents = POLLNVAL;
	dh_exit(3);
	assert_string_equal(dh_last_line(),
			    "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT|POLL_BUSY_LOOP}, {fd=99, events=POLL_BUSY_LOOP}], 3, 100) = 3 ([{fd=3, revents=POLLIN}, {fd=4, revents=POLLOUT}, {fd=99, revents=POLLNVAL}])");
	assert_string_equal(DH("poll", fds, 3, 0, 0, 0, 0, 0),
			    "poll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT|POLL_BUSY_LOOP}, {fd=99, events=POLL_BUSY_LOOP}], 3, 0) = 0 (Timeout)");
	assert_string_equal(DH("ppoll", fds, 2, &ts, &set, 8, 0, -4),
			    "ppoll([{fd=3, events=POLLIN|POLLPRI}, {fd=4, events=POLLOUT|POLL_BUSY_LOOP}], 2, {tv_sec=1, tv_nsec=0}, [USR1], 8) = -1 EINTR (Interrupted system call)");
	assert_string_equal(DH("poll", dh_unmapped(), 2, 0, 0, 0, 0, -14),
			    fmt("poll(%#lx, 2, 0) = -1 EFAULT (Bad address)", dh_unmapped()));
	fds[0] = (struct pollfd){ 99, 0x4000, 0 };
	fds[1] = (struct pollfd){ 99, 0x4001, 0 };
	assert_string_equal(DH("poll", fds, 2, 0, 0, 0, 0, -4),
			    "poll([{fd=99, events=0x4000 /* POLL??? */}, {fd=99, events=POLLIN|0x4000}], 2, 0) = -1 EINTR (Interrupted system call)");
	opts.xmode = XMODE_VERBOSE;
	fds[0] = (struct pollfd){ 3, POLLIN | POLLPRI, 0 };
	assert_string_equal(DH("poll", fds, 1, 0, 0, 0, 0, -4),
			    "poll([{fd=3, events=0x3 /* POLLIN|POLLPRI */}], 1, 0) = -1 EINTR (Interrupted system call)");
}

static void
test_select(void **state)
{
	static fd_set r, w;
	static int64_t tv[2] = { 1, 5 }, ts[2] = { 0, 999999078 };
	const uint64_t args[6] = { 5, (uintptr_t)&r, (uintptr_t)&w, 0, (uintptr_t)tv, 0 };
	/* i386's "select" takes an argument block: its _newselect is this */
	const char *sel = dh_compat() ? "_newselect" : "select";
	char want[256];

	(void)state;
	DH_NARROW(tv);
	DH_NARROW(ts);
	FD_ZERO(&r);
	FD_ZERO(&w);
	FD_SET(3, &r);
	FD_SET(4, &w);
	FD_SET(1, &w);
	dh_entry(sel, args);
	dh_setl(tv, 1, 3);
	dh_exit(3);
	snprintf(want, sizeof(want), "%s(5, [3], [1 4], NULL, {tv_sec=1, tv_usec=5}) = 3 (in [3], out [1 4], left {tv_sec=1, tv_usec=3})", sel);
	assert_string_equal(dh_last_line(), want);
	FD_ZERO(&r);
	FD_SET(3, &r);
	assert_string_equal(DH("pselect6", 4, &r, 0, 0, ts, 0, 0),
			    "pselect6(4, [3], NULL, NULL, {tv_sec=0, tv_nsec=999999078}, NULL) = 0 (Timeout)");
	snprintf(want, sizeof(want), "%s(5, %#lx, NULL, NULL, NULL) = -1 EFAULT (Bad address)",
		 sel, (unsigned long)dh_unmapped());
	assert_string_equal(DH(sel, 5, dh_unmapped(), 0, 0, 0, 0, -14), want);
}

/*
 * The result scan reads the array POLL_CHUNK fds at a time (it used to
 * make one read per fd, up to 2^20 of them: fuzz_decode's slowest
 * input): events found across chunks, and an array that runs into an
 * unreadable page inside a chunk, read fd by fd up to there.
 */
static void
test_poll_chunks(void **state)
{
	static struct pollfd big[200];
	struct pollfd three[3] = {
		{ 5, POLLIN, POLLIN }, { 6, POLLIN, 0 }, { 7, POLLIN, POLLHUP },
	};
	struct pollfd *part;
	const char *line;

	(void)state;
	big[63] = (struct pollfd){ 7, POLLIN, POLLIN };
	big[150] = (struct pollfd){ 8, POLLIN, POLLIN };
	big[199] = (struct pollfd){ 9, POLLOUT, POLLHUP };
	line = DH("poll", big, 200, 0, 0, 0, 0, 3);
	if (line == dh_absent_line)
		return;	/* aarch64: no poll (counted as skipped by absence) */
	assert_non_null(strstr(line, "], 200, 0) = 3 ([{fd=7, revents=POLLIN}, {fd=8, revents=POLLIN}, {fd=9, revents=POLLHUP}])"));
	/* three readable fds of ten claimed, two with events */
	part = (struct pollfd *)dh_partial((const char *)three, sizeof(three));
	line = DH("poll", part, 10, 0, 0, 0, 0, 2);
	assert_string_equal(line, "poll([{fd=5, events=POLLIN}, {fd=6, events=POLLIN}, {fd=7, events=POLLIN}], 10, 0) = 2 ([{fd=5, revents=POLLIN}, {fd=7, revents=POLLHUP}])");
	/* the result claims more than the readable part holds */
	line = DH("poll", part, 10, 0, 0, 0, 0, 5);
	assert_non_null(strstr(line, ") = 5 ([{fd=5, revents=POLLIN}, {fd=7, revents=POLLHUP}])"));
}

static void
test_epoll(void **state)
{
	static unsigned char ev[16], out[64];
	static uint64_t set = 1u << (SIGUSR1 - 1);

	(void)state;
	dh_epoll_event(ev, EPOLLIN | EPOLLET | 0x100000, 0x1234);
	assert_string_equal(DH("epoll_ctl", 5, EPOLL_CTL_ADD, 3, ev, 0, 0, 0),
			    "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET|0x100000, data={u32=4660, u64=4660}}) = 0");
	assert_string_equal(DH("epoll_ctl", 5, 7, 3, ev, 0, 0, -22),
			    "epoll_ctl(5, 0x7 /* EPOLL_CTL_??? */, 3, {events=EPOLLIN|EPOLLET|0x100000, data={u32=4660, u64=4660}}) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("epoll_ctl", 5, EPOLL_CTL_DEL, 3, 0, 0, 0, 0),
			    "epoll_ctl(5, EPOLL_CTL_DEL, 3, NULL) = 0");
	assert_string_equal(DH("epoll_ctl", 5, EPOLL_CTL_ADD, 3, dh_unmapped(), 0, 0, -14),
			    fmt("epoll_ctl(5, EPOLL_CTL_ADD, 3, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	dh_epoll_event(ev, 0x100000, 0x1234);
	assert_string_equal(DH("epoll_ctl", 99, EPOLL_CTL_ADD, 3, ev, 0, 0, -9),
			    "epoll_ctl(99, EPOLL_CTL_ADD, 3, {events=0x100000 /* EPOLL??? */, data={u32=4660, u64=4660}}) = -1 EBADF (Bad file descriptor)");
	dh_epoll_event(out, EPOLLIN, 0x1234);
	assert_string_equal(DH("epoll_wait", 5, out, 4, 10, 0, 0, 1),
			    "epoll_wait(5, [{events=EPOLLIN, data={u32=4660, u64=4660}}], 4, 10) = 1");
	assert_string_equal(DH("epoll_pwait", 5, out, 4, 10, &set, 8, 1),
			    "epoll_pwait(5, [{events=EPOLLIN, data={u32=4660, u64=4660}}], 4, 10, [USR1], 8) = 1");
	assert_string_equal(DH("epoll_wait", 99, out, 4, 0, 0, 0, -9),
			    fmt("epoll_wait(99, %#lx, 4, 0) = -1 EBADF (Bad file descriptor)", (uintptr_t)out));
	assert_string_equal(DH("epoll_wait", 5, out, 4, 0, 0, 0, 0),
			    "epoll_wait(5, [], 4, 0) = 0");
	opts.xmode = XMODE_VERBOSE;
	dh_epoll_event(ev, EPOLLIN | EPOLLET | 0x100000, 0x1234);
	assert_string_equal(DH("epoll_ctl", 5, EPOLL_CTL_ADD, 3, ev, 0, 0, 0),
			    "epoll_ctl(5, 0x1 /* EPOLL_CTL_ADD */, 3, {events=0x80100001 /* EPOLLIN|EPOLLET|0x100000 */, data={u32=4660, u64=4660}}) = 0");
}

static const char *
run_poll_events(uint64_t v)
{
	static struct pollfd fd;

	fd = (struct pollfd){ 3, (short)v, 0 };
	return DH("poll", &fd, 1, 0, 0, 0, 0, -4);
}

static const char *
run_epoll_events(uint64_t v)
{
	static unsigned char ev[16];

	dh_epoll_event(ev, (uint32_t)v, 0);
	return DH("epoll_ctl", 5, EPOLL_CTL_ADD, 3, ev, 0, 0, 0);
}

static const char *
run_epoll_ops(uint64_t v)
{
	return DH("epoll_ctl", 5, v, 3, 0, 0, 0, -22);
}

static void
test_poll_tables(void **state)
{
	(void)state;
	/* a 16-bit field: its unknown bit is in test_poll */
	XLAT_CHECK(poll_events, XC_FLAGS | XC_NOUNKNOWN, run_poll_events);
	XLAT_CHECK(epoll_events, XC_FLAGS, run_epoll_events);
	XLAT_CHECK(epoll_ops, XC_VALUES, run_epoll_ops);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_poll, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_poll_chunks, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_select, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_epoll, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_poll_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_poll", tests, NULL, NULL);
}
