/*
 * test_decode_creds.c - getgroups/setgroups group lists (src/decode/creds.c),
 * expected text taken from strace 6.1 on the same calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode_harness.h"

static uint32_t gids32[5] = { 1, 2, 3, 4, 5 };
/* i386's setgroups/getgroups are the 16-bit calls (setgroups32 is not) */
static uint16_t gids16[5] = { 1, 2, 3, 4, 5 };
static char want[256];

static void
test_group_lists(void **state)
{
	void *gids = dh_compat() ? (void *)gids16 : (void *)gids32;

	(void)state;
	if (dh_compat())
		assert_string_equal(DH("setgroups32", 5, gids32, 0, 0, 0, 0, 0),
				    "setgroups32(5, [1, 2, 3, 4, 5]) = 0");
	assert_string_equal(DH("setgroups", 5, gids, 0, 0, 0, 0, 0),
			    "setgroups(5, [1, 2, 3, 4, 5]) = 0");
	assert_string_equal(DH("getgroups", 8, gids, 0, 0, 0, 0, 5),
			    "getgroups(8, [1, 2, 3, 4, 5]) = 5");
	assert_string_equal(DH("getgroups", 0, 0, 0, 0, 0, 0, 5),
			    "getgroups(0, NULL) = 5");
	/* an error: the list is the address; a bad size: likewise */
	snprintf(want, sizeof(want), "getgroups(2, %p) = -1 EINVAL (Invalid argument)", (void *)gids);
	assert_string_equal(DH("getgroups", 2, gids, 0, 0, 0, 0, -22), want);
	snprintf(want, sizeof(want), "setgroups(-1, %p) = -1 EINVAL (Invalid argument)", (void *)gids);
	assert_string_equal(DH("setgroups", -1, gids, 0, 0, 0, 0, -22), want);
	/* -s caps the elements */
	opts.max_strlen = 3;
	assert_string_equal(DH("setgroups", 5, gids, 0, 0, 0, 0, 0),
			    "setgroups(5, [1, 2, 3, ...]) = 0");
	opts.max_strlen = 0;
	assert_string_equal(DH("getgroups", 8, gids, 0, 0, 0, 0, 5),
			    "getgroups(8, [...]) = 5");
}

static void
test_unreadable_list(void **state)
{
	void *bad = (void *)dh_unmapped();

	(void)state;
	snprintf(want, sizeof(want), "setgroups(2, %p) = -1 EFAULT (Bad address)", bad);
	assert_string_equal(DH("setgroups", 2, bad, 0, 0, 0, 0, -14), want);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_group_lists, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_list, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_creds", tests, NULL, NULL);
}
