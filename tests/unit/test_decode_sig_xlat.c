/*
 * test_decode_sig_xlat.c - the tables of src/decode/signal.c walked entry
 * by entry through the decoders that use them, the generated signal and
 * errno name tables (src/xlat/signals.h, errnos.h) checked against
 * glibc's own names, and -X for signal decoders.  Expected lines are
 * strace 6.1's for the same calls (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>

#include "decode/signal.c"
#include "decode_harness.h"
#include "xlat_check.h"

static const char *const gen_errnos[] = {
#include "xlat/errnos.h"
};

static const char *const gen_signals[] = {
#include "xlat/signals.h"
};

static char want[1024];

/* struct sigaction (handler, flags, restorer: longs; 64-bit mask) */
static void *
sa_mem(uint64_t handler, uint64_t flags)
{
	static uint64_t b[4];

	memset(b, 0, sizeof(b));
	DH_PACK(b, "lllq", handler, flags, 0, 0);
	return b;
}

/* stack_t: ss_sp (a pointer), ss_flags (an int), ss_size */
static void *
ss_mem(uint64_t flags)
{
	static uint64_t b[3];

	DH_PACK(b, "lil", 0, flags, 0);
	return b;
}

static void
test_sig_xmodes(void **state)
{
	static uint64_t set;

	(void)state;
	assert_string_equal(DH("rt_sigaction", SIGUSR1, sa_mem(1, 0), 0, 8, 0, 0, 0),
			    "rt_sigaction(SIGUSR1, {sa_handler=SIG_IGN, sa_mask=[], sa_flags=0}, NULL, 8) = 0");
	assert_string_equal(DH("rt_sigprocmask", 7, &set, 0, 8, 0, 0, -22),
			    "rt_sigprocmask(0x7 /* SIG_??? */, [], NULL, 8) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("sigaltstack", ss_mem(0x10), 0, 0, 0, 0, 0, -22),
			    "sigaltstack({ss_sp=NULL, ss_flags=0x10 /* SS_??? */, ss_size=0}, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("signalfd4", -1, &set, 8, 0x10, 0, 0, -22),
			    "signalfd4(-1, [], 8, 0x10 /* SFD_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("signalfd4", -1, &set, 8, O_CLOEXEC | 0x10, 0, 0, -22),
			    "signalfd4(-1, [], 8, SFD_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("rt_sigaction", SIGUSR1, sa_mem(1, 0), 0, 8, 0, 0, 0),
			    "rt_sigaction(10 /* SIGUSR1 */, {sa_handler=0x1 /* SIG_IGN */, sa_mask=[], sa_flags=0}, NULL, 8) = 0");
	assert_string_equal(DH("sigaltstack", ss_mem(0x12), 0, 0, 0, 0, 0, -22),
			    "sigaltstack({ss_sp=NULL, ss_flags=0x12 /* SS_DISABLE|0x10 */, ss_size=0}, NULL) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("rt_sigaction", SIGUSR1, sa_mem(1, 0), 0, 8, 0, 0, 0),
			    "rt_sigaction(10, {sa_handler=0x1, sa_mask=[], sa_flags=0}, NULL, 8) = 0");
	assert_string_equal(DH("sigaltstack", ss_mem(0x10), 0, 0, 0, 0, 0, -22),
			    "sigaltstack({ss_sp=NULL, ss_flags=0x10, ss_size=0}, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("signalfd4", -1, &set, 8, 0x10, 0, 0, -22),
			    "signalfd4(-1, [], 8, 0x10) = -1 EINVAL (Invalid argument)");
}

/* Every errno name the generator produced is glibc's name, and prints. */
static void
test_errno_table(void **state)
{
	size_t i, named = 0;

	(void)state;
	for (i = 1; i < sizeof(gen_errnos) / sizeof(gen_errnos[0]); i++) {
		const char *g = strerrorname_np((int)i);
		const char *line;
		char tail[64];

		if (!gen_errnos[i])
			continue;
		named++;
		/* glibc knows the user-visible codes; not ERESTARTSYS & co */
		if (g && strcmp(g, gen_errnos[i]) != 0 &&
		    /* aliases: glibc names the first (EAGAIN/EWOULDBLOCK...) */
		    strcmp(gen_errnos[i], "EWOULDBLOCK") != 0 &&
		    strcmp(gen_errnos[i], "EDEADLOCK") != 0)
			fail_msg("errno %zu: table %s, glibc %s", i, gen_errnos[i], g);
		line = DH("close", 99, 0, 0, 0, 0, 0, -(int64_t)i);
		/* ERESTART*: "= ? ERESTARTSYS (...)" */
		snprintf(tail, sizeof(tail), " %s (", gen_errnos[i]);
		if (!strstr(line, tail))
			fail_msg("errno %zu: got \"%s\"", i, line);
	}
	assert_true(named > 130);
	snprintf(want, sizeof(want), "close(99) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("close", 99, 0, 0, 0, 0, 0, -2), want);
}

/* Every signal name the generator produced is glibc's, and prints. */
static void
test_signal_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 1; i < sizeof(gen_signals) / sizeof(gen_signals[0]); i++) {
		const char *abbrev = sigabbrev_np((int)i);
		char name[32], line_want[64];

		if (!gen_signals[i])
			continue;
		if (abbrev) {
			snprintf(name, sizeof(name), "SIG%s", abbrev);
			/* glibc: SIGIOT is SIGABRT's alias, SIGPOLL SIGIO's */
			if (strcmp(name, gen_signals[i]) != 0 &&
			    strcmp(gen_signals[i], "SIGABRT") != 0 &&
			    strcmp(gen_signals[i], "SIGIO") != 0)
				fail_msg("signal %zu: table %s, glibc %s", i,
					 gen_signals[i], name);
		}
		snprintf(line_want, sizeof(line_want), "kill(1, %s) = 0",
			 gen_signals[i]);
		assert_string_equal(DH("kill", 1, i, 0, 0, 0, 0, 0), line_want);
	}
	/* the kernel's numbering: SIGRTMIN is 32 (glibc's starts at 34) */
	assert_string_equal(DH("kill", 1, 32, 0, 0, 0, 0, 0),
			    "kill(1, SIGRTMIN) = 0");
	assert_string_equal(DH("kill", 1, 34, 0, 0, 0, 0, 0),
			    "kill(1, SIGRT_2) = 0");
	assert_string_equal(DH("kill", 1, 99, 0, 0, 0, 0, -22),
			    "kill(1, 99) = -1 EINVAL (Invalid argument)");
}

static const char *
run_sa_flags(uint64_t v)
{
	return DH("rt_sigaction", SIGUSR1, sa_mem(0, v), 0, 8, 0, 0, 0);
}

static const char *
run_how(uint64_t v)
{
	return DH("rt_sigprocmask", v, 0, 0, 8, 0, 0, 0);
}

static const char *
run_ss_flags(uint64_t v)
{
	return DH("sigaltstack", ss_mem((uint32_t)v), 0, 0, 0, 0, 0, -22);
}

static const char *
run_sfd(uint64_t v)
{
	static uint64_t set;

	return DH("signalfd4", -1, &set, 8, v, 0, 0, 3);
}

static void
test_sig_tables(void **state)
{
	(void)state;
	XLAT_CHECK(sa_flags, XC_FLAGS, run_sa_flags);
	XLAT_CHECK(sig_how, XC_VALUES, run_how);
	XLAT_CHECK(ss_flags, XC_FLAGS, run_ss_flags);
	XLAT_CHECK(sfd_flags, XC_FLAGS, run_sfd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_sig_xmodes, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_errno_table, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_signal_table, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sig_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_sig_xlat", tests, NULL, NULL);
}
