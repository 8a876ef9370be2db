/*
 * test_fmt.c - strace's string quoting and pointer notation (src/fmt.c).
 * Expected strings were taken from strace 6.1 output on the same bytes.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "fmt.h"

static char out[FMT_QUOTE_SIZE(512)];

static const char *
quote(const char *s, size_t len)
{
	size_t n = fmt_quote(out, s, len);

	assert_int_equal(n, strlen(out));
	return out;
}

static void
test_printable_and_escapes(void **state)
{
	(void)state;
	assert_string_equal(quote("hello", 5), "\"hello\"");
	assert_string_equal(quote("", 0), "\"\"");
	assert_string_equal(quote("a\tb\nc\rd\ve\ff", 11),
			    "\"a\\tb\\nc\\rd\\ve\\ff\"");
	assert_string_equal(quote("\"\\", 2), "\"\\\"\\\\\"");
	/* \a and \b have no short escape in strace: octal. */
	assert_string_equal(quote("\a\b", 2), "\"\\7\\10\"");
}

static void
test_octal_rules(void **state)
{
	(void)state;
	/* Short octal, three digits only before an octal digit. */
	assert_string_equal(quote("\0" "1\0" "8", 4), "\"\\0001\\08\"");
	assert_string_equal(quote("\033x\177", 3), "\"\\33x\\177\"");
	assert_string_equal(quote("abc\xe9\x80", 5), "\"abc\\351\\200\"");
	assert_string_equal(quote("\177ELF\2\1\1\3", 8),
			    "\"\\177ELF\\2\\1\\1\\3\"");
	assert_string_equal(quote("\0017", 2), "\"\\0017\"");
}

static void
test_all_bytes(void **state)
{
	char in[256];
	int i;

	(void)state;
	for (i = 0; i < 256; i++)
		in[i] = (char)i;
	quote(in, 256);
	/* Spot checks against strace -s 300 of the same 256 bytes. */
	assert_non_null(strstr(out, "\\37 !\\\"#$%&'()*+,-./0123456789:;<=>?@A"));
	assert_non_null(strstr(out, "[\\\\]^_`abc"));
	assert_non_null(strstr(out, "|}~\\177\\200\\201"));
	assert_non_null(strstr(out, "\\376\\377\""));
}

static void
test_hex_and_ptr(void **state)
{
	char buf[64];

	(void)state;
	fmt_quote_hex(out, "\xa1\x11\x45", 3);
	assert_string_equal(out, "\"\\xa1\\x11\\x45\"");
	fmt_ptr(buf, sizeof(buf), 0);
	assert_string_equal(buf, "NULL");
	fmt_ptr(buf, sizeof(buf), 0x7ffd6c7765b0ULL);
	assert_string_equal(buf, "0x7ffd6c7765b0");
	fmt_ptr(buf, sizeof(buf), 1);
	assert_string_equal(buf, "0x1");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printable_and_escapes),
		cmocka_unit_test(test_octal_rules),
		cmocka_unit_test(test_all_bytes),
		cmocka_unit_test(test_hex_and_ptr),
	};

	return cmocka_run_group_tests_name("fmt", tests, NULL, NULL);
}
