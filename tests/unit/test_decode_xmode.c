/*
 * test_decode_xmode.c - -X raw|abbrev|verbose in decoders that build a
 * constant's name themselves (futex operations, ioctl requests, ioctl
 * arguments), checked against strace 6.1's text for the same calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/ioctl.h>

#include "decode_harness.h"

static uint32_t word;
static char want[512];

static const char *
futex_line(const char *fmt)
{
	snprintf(want, sizeof(want), fmt, (void *)&word, (void *)&word);
	return want;
}

static void
test_futex_ops(void **state)
{
	(void)state;
	/* FUTEX_WAKE_BITSET|FUTEX_PRIVATE_FLAG, FUTEX_BITSET_MATCH_ANY */
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("futex", &word, 0x8a, 1, 0, 0, 0xffffffff, 0),
			    futex_line("futex(%p, 0x8a, 1, 0xffffffff) = 0"));
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("futex", &word, 0x8a, 1, 0, 0, 0xffffffff, 0),
			    futex_line("futex(%p, 0x8a /* FUTEX_WAKE_BITSET_PRIVATE */, 1, 0xffffffff /* FUTEX_BITSET_MATCH_ANY */) = 0"));
	opts.xmode = XMODE_ABBREV;
	assert_string_equal(DH("futex", &word, 0x8a, 1, 0, 0, 0xffffffff, 0),
			    futex_line("futex(%p, FUTEX_WAKE_BITSET_PRIVATE, 1, FUTEX_BITSET_MATCH_ANY) = 0"));
	/* FUTEX_WAIT|FUTEX_CLOCK_REALTIME */
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("futex", &word, 0x100, 1, 0, 0, 0, -38),
			    futex_line("futex(%p, 0x100 /* FUTEX_WAIT|FUTEX_CLOCK_REALTIME */, 1, NULL) = -1 ENOSYS (Function not implemented)"));
	/* an unknown operation: every argument, the pointers as pointers */
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("futex", &word, 99, 1, 0, 0, 0, -38),
			    futex_line("futex(%p, 0x63, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)"));
	opts.xmode = XMODE_ABBREV;
	assert_string_equal(DH("futex", &word, 99, 1, 0, &word, 0, -38),
			    futex_line("futex(%p, 0x63 /* FUTEX_??? */, 1, NULL, %p, 0) = -1 ENOSYS (Function not implemented)"));
}

static void
test_ioctl_requests(void **state)
{
	(void)state;
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("ioctl", 1, TCFLSH, 1, 0, 0, 0, -25),
			    "ioctl(1, 0x540b, 0x1) = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(DH("ioctl", 1, 0x1234, 0, 0, 0, 0, -25),
			    "ioctl(1, 0x1234, 0) = -1 ENOTTY (Inappropriate ioctl for device)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("ioctl", 1, TCFLSH, 1, 0, 0, 0, -25),
			    "ioctl(1, 0x540b /* TCFLSH */, 0x1 /* TCOFLUSH */) = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(DH("ioctl", 1, 0x80047807, 0, 0, 0, 0, -25),
			    "ioctl(1, 0x80047807 /* _IOC(_IOC_READ, 0x78, 0x7, 0x4) */, 0) = -1 ENOTTY (Inappropriate ioctl for device)");
	opts.xmode = XMODE_ABBREV;
	assert_string_equal(DH("ioctl", 1, TCFLSH, 7, 0, 0, 0, -25),
			    "ioctl(1, TCFLSH, 0x7 /* TC??? */) = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(DH("ioctl", 1, 0x1234, 0, 0, 0, 0, -25),
			    "ioctl(1, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0) = -1 ENOTTY (Inappropriate ioctl for device)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_futex_ops, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_ioctl_requests, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_xmode", tests, NULL, NULL);
}
