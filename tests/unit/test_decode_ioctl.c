/*
 * test_decode_ioctl.c - src/decode/ioctl.c through the real dispatcher:
 * terminal requests with struct termios (abbreviated, -v, -X), winsize,
 * int arguments in and out, TCFLSH, argument-less requests, _IOC(...)
 * for unknown requests.  Expected lines are strace 6.1's for the same
 * calls on a pty (x86_64).  Every request name and table is walked.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode/ioctl.c"
#include "decode_harness.h"
#include "filter.h"
#include "xlat_check.h"

static struct sc_set no_abbrev;
static char want[2048];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static struct termios tio;

/* A pty's defaults, as TCGETS returns them. */
static void
fill_pty(void)
{
	static const unsigned char cc[] = { 0x3, 0x1c, 0x7f, 0x15, 0x4, 0, 0x1,
					    0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf,
					    0x17, 0x16, 0 };

	memset(&tio, 0, sizeof(tio));
	tio.c_iflag = ICRNL | IXON;
	tio.c_oflag = OPOST | ONLCR;
	tio.c_cflag = B38400 | CS8 | CREAD;
	tio.c_lflag = ISIG | ICANON | ECHO | ECHOE | ECHOK | IEXTEN | ECHOCTL |
		      ECHOKE;
	memcpy(tio.c_cc, cc, sizeof(cc));
}

static void
test_termios(void **state)
{
	(void)state;
	fill_pty();
	assert_string_equal(DH("ioctl", 4, TCGETS, &tio, 0, 0, 0, 0),
			    "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	assert_string_equal(DH("ioctl", 99, TCGETS, &tio, 0, 0, 0, -9),
			    fmt("ioctl(99, TCGETS, %#lx) = -1 EBADF (Bad file descriptor)", (uintptr_t)&tio));
	assert_string_equal(DH("ioctl", 4, TCGETS, dh_unmapped(), 0, 0, 0, 0),
			    fmt("ioctl(4, TCGETS, %#lx) = 0", dh_unmapped()));
	tio.c_iflag |= 0x40000000;
	tio.c_lflag |= 0x40000000;
	tio.c_cflag |= B9600 << IBSHIFT;
	assert_string_equal(DH("ioctl", 4, TCSETS, &tio, 0, 0, 0, 0),
			    "ioctl(4, SNDCTL_TMR_START or TCSETS, {c_iflag=ICRNL|IXON|0x40000000, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|B9600<<IBSHIFT|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE|0x40000000, ...}) = 0");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("ioctl", 4, TCSETS, &tio, 0, 0, 0, 0),
			    "ioctl(4, 0x5402 /* SNDCTL_TMR_START or TCSETS */, {c_iflag=0x40000500 /* ICRNL|IXON|0x40000000 */, c_oflag=0 /* NL0 */|0 /* CR0 */|0 /* TAB0 */|0 /* BS0 */|0 /* VT0 */|0 /* FF0 */|0x5 /* OPOST|ONLCR */, c_cflag=0xf /* B38400 */|0xd /* B9600 */<<0x10 /* IBSHIFT */|0x30 /* CS8 */|0x80 /* CREAD */, c_lflag=0x40008a3b /* ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE|0x40000000 */, ...}) = 0");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("ioctl", 4, TCSETS, &tio, 0, 0, 0, 0),
			    "ioctl(4, 0x5402, {c_iflag=0x40000500, c_oflag=0|0|0|0|0|0|0x5, c_cflag=0xf|0xd<<0x10|0x30|0x80, c_lflag=0x40008a3b, ...}) = 0");
	opts.xmode = XMODE_ABBREV;
	/* all zero: strace leaves empty flag fields empty */
	memset(&tio, 0, sizeof(tio));
	assert_string_equal(DH("ioctl", 99, TCSETS, &tio, 0, 0, 0, -9),
			    "ioctl(99, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = -1 EBADF (Bad file descriptor)");
	tio.c_oflag = CR2 | TAB3 | 0x40000000;
	tio.c_cflag = B9600 | CBAUDEX | CS7 | 0x40000000;
	tio.c_line = 3;
	assert_string_equal(DH("ioctl", 99, TCSETS, &tio, 0, 0, 0, -9),
			    "ioctl(99, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR2|XTABS|BS0|VT0|FF0|0x40000000, c_cflag=B3000000|CS7|CMSPAR, c_lflag=, ...}) = -1 EBADF (Bad file descriptor)");
	opts.verbose = true;
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("ioctl", 99, TCSETS, &tio, 0, 0, 0, -9),
			    "ioctl(99, SNDCTL_TMR_START or TCSETS, {c_iflag=, c_oflag=NL0|CR2|XTABS|BS0|VT0|FF0|0x40000000, c_cflag=B3000000|CS7|CMSPAR, c_lflag=, c_line=N_PPP, c_cc=[[VINTR]=0, [VQUIT]=0, [VERASE]=0, [VKILL]=0, [VEOF]=0, [VTIME]=0, [VMIN]=0, [VSWTC]=0, [VSTART]=0, [VSTOP]=0, [VSUSP]=0, [VEOL]=0, [VREPRINT]=0, [VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, [18]=0]}) = -1 EBADF (Bad file descriptor)");
	fill_pty();
	assert_string_equal(DH("ioctl", 4, TCGETS, &tio, 0, 0, 0, 0),
			    "ioctl(4, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=N_TTY, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0]}) = 0");
}

static void
test_other_requests(void **state)
{
	static struct k_winsize w = { 24, 80, 0, 0 };
	static int n;

	(void)state;
	assert_string_equal(DH("ioctl", 4, TIOCSWINSZ, &w, 0, 0, 0, 0),
			    "ioctl(4, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	assert_string_equal(DH("ioctl", 4, TIOCGWINSZ, &w, 0, 0, 0, 0),
			    "ioctl(4, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	assert_string_equal(DH("ioctl", 4, TIOCGWINSZ, dh_unmapped(), 0, 0, 0, -14),
			    fmt("ioctl(4, TIOCGWINSZ, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("ioctl", 4, FIONREAD, &n, 0, 0, 0, 0),
			    "ioctl(4, FIONREAD, [0]) = 0");
	assert_string_equal(DH("ioctl", 4, TCFLSH, 1, 0, 0, 0, 0),
			    "ioctl(4, TCFLSH, TCOFLUSH) = 0");
	assert_string_equal(DH("ioctl", 4, TCFLSH, 7, 0, 0, 0, -22),
			    "ioctl(4, TCFLSH, 0x7 /* TC??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("ioctl", 4, _IOR('x', 5, int), &n, 0, 0, 0, -25),
			    fmt("ioctl(4, _IOC(_IOC_READ, 0x78, 0x5, 0x4), %#lx) = -1 ENOTTY (Inappropriate ioctl for device)", (uintptr_t)&n));
	assert_string_equal(DH("ioctl", 4, 0x1234, 0, 0, 0, 0, -25),
			    "ioctl(4, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(DH("ioctl", 4, FIOCLEX, 0, 0, 0, 0, 0),
			    "ioctl(4, FIOCLEX) = 0");
	assert_string_equal(DH("ioctl", 99, TCSBRK, 5, 0, 0, 0, -9),
			    "ioctl(99, TCSBRK, 5) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("ioctl", 99, TIOCSPGRP, dh_unmapped(), 0, 0, 0, -9),
			    fmt("ioctl(99, TIOCSPGRP, %#lx) = -1 EBADF (Bad file descriptor)", dh_unmapped()));
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("ioctl", 4, TCFLSH, 1, 0, 0, 0, 0),
			    "ioctl(4, 0x540b /* TCFLSH */, 0x1 /* TCOFLUSH */) = 0");
	assert_string_equal(DH("ioctl", 4, _IOR('x', 5, int), &n, 0, 0, 0, -25),
			    fmt("ioctl(4, 0x80047805 /* _IOC(_IOC_READ, 0x78, 0x5, 0x4) */, %#lx) = -1 ENOTTY (Inappropriate ioctl for device)", (uintptr_t)&n));
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("ioctl", 4, FIOCLEX, 0, 0, 0, 0, 0),
			    "ioctl(4, 0x5451) = 0");
	assert_string_equal(DH("ioctl", 4, TCFLSH, 1, 0, 0, 0, 0),
			    "ioctl(4, 0x540b, 0x1) = 0");
}

/* Every request of the table prints its name. */
static void
test_request_names(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++) {
		const char *line = DH("ioctl", 99, reqs[i].code, 0, 0, 0, 0, -9);
		char head[128];

		snprintf(head, sizeof(head), "ioctl(99, %s", reqs[i].name);
		if (strncmp(line, head, strlen(head)) != 0)
			fail_msg("request %#x: got \"%s\"", reqs[i].code, line);
	}
}

static const char *
run_termios(unsigned field, uint64_t v)
{
	static struct termios t;

	memset(&t, 0, sizeof(t));
	if (field == 0)
		t.c_iflag = (tcflag_t)v;
	else if (field == 1)
		t.c_oflag = (tcflag_t)v;
	else if (field == 2)
		t.c_cflag = (tcflag_t)v;
	else if (field == 3)
		t.c_lflag = (tcflag_t)v;
	else
		t.c_line = (cc_t)v;
	return DH("ioctl", 99, TCSETS, &t, 0, 0, 0, -9);
}

static const char *
run_iflag(uint64_t v)
{
	return run_termios(0, v);
}

static const char *
run_oflag(uint64_t v)
{
	return run_termios(1, v);
}

static const char *
run_cflag(uint64_t v)
{
	return run_termios(2, v);
}

static const char *
run_lflag(uint64_t v)
{
	return run_termios(3, v);
}

static const char *
run_ldisc(uint64_t v)
{
	opts.abbrev = &no_abbrev;
	return run_termios(4, v);
}

static const char *
run_flush(uint64_t v)
{
	return DH("ioctl", 4, TCFLSH, v, 0, 0, 0, 0);
}

static void
test_ioctl_tables(void **state)
{
	(void)state;
	/* flags after other fields: strace adds no comment (test_termios) */
	XLAT_CHECK(iflags, XC_FLAGS | XC_NOCMT, run_iflag);
	XLAT_CHECK(oflags, XC_FLAGS | XC_NOCMT, run_oflag);
	XLAT_CHECK(cflags, XC_FLAGS | XC_NOCMT | XC_NOUNKNOWN, run_cflag);
	XLAT_CHECK(lflags, XC_FLAGS | XC_NOCMT, run_lflag);
	XLAT_CHECK(ldiscs, XC_VALUES, run_ldisc);
	XLAT_CHECK(flushes, XC_VALUES, run_flush);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_termios, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_other_requests, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_request_names, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_ioctl", tests, NULL, NULL);
}
