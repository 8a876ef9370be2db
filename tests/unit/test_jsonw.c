/*
 * test_jsonw.c - the streaming JSON writer (src/jsonw.c) and the argument
 * text reader (src/argtext.c): escaping of every byte, nesting and
 * commas, and strace-format argument text turned into JSON values.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "argtext.h"
#include "jsonw.h"

static char buf[65536];
static size_t used;

static void
sink(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	assert_true(used + n < sizeof(buf));
	memcpy(buf + used, s, n);
	used += n;
	buf[used] = 0;
}

static struct jsonw w;

static void
reset(void)
{
	used = 0;
	buf[0] = 0;
	jsonw_init(&w, sink, NULL);
}

static void
test_every_byte(void **state)
{
	char in[256];
	unsigned i;
	size_t pos;

	(void)state;
	for (i = 0; i < 256; i++)
		in[i] = (char)i;
	reset();
	jsonw_strn(&w, in, 256);
	/* pure printable ASCII out, one escape per non-printable byte */
	for (pos = 0; pos < used; pos++)
		assert_true(buf[pos] >= 0x20 && buf[pos] < 0x7f);
	assert_memory_equal(buf, "\"\\u0000\\u0001", 13);
	assert_non_null(strstr(buf, "\\u001f !\\\"#"));
	assert_non_null(strstr(buf, "[\\\\]"));
	assert_non_null(strstr(buf, "}~\\u007f\\u0080\\u0081"));
	assert_non_null(strstr(buf, "\\u00fe\\u00ff\""));
	assert_non_null(strstr(buf, "\\u0007\\b\\t\\n\\u000b\\f\\r"));
	/* decoding: each \uXXXX is one byte (Latin-1), so count them */
	{
		unsigned bytes = 0;

		for (pos = 1; pos + 1 < used; bytes++) {
			if (buf[pos] != '\\')
				pos++;
			else if (buf[pos + 1] == 'u')
				pos += 6;
			else
				pos += 2;
		}
		assert_int_equal(bytes, 256);
	}
}

static void
test_nesting_and_commas(void **state)
{
	(void)state;
	reset();
	jsonw_obj_begin(&w);
	jsonw_kint(&w, "a", -5);
	jsonw_key(&w, "b");
	jsonw_arr_begin(&w);
	jsonw_uint(&w, 18446744073709551615ull);
	jsonw_arr_begin(&w);
	jsonw_arr_end(&w);
	jsonw_obj_begin(&w);
	jsonw_obj_end(&w);
	jsonw_null(&w);
	jsonw_bool(&w, false);
	jsonw_arr_end(&w);
	jsonw_kstr(&w, "c\n", "x");
	jsonw_key(&w, "d");
	jsonw_str_begin(&w);
	jsonw_str_part(&w, "a\"", 2);
	jsonw_str_part(&w, "\xff", 1);
	jsonw_str_end(&w);
	jsonw_kint(&w, "min", INT64_MIN);
	jsonw_obj_end(&w);
	assert_string_equal(buf, "{\"a\":-5,\"b\":[18446744073709551615,[],{},"
			    "null,false],\"c\\n\":\"x\",\"d\":\"a\\\"\\u00ff\","
			    "\"min\":-9223372036854775808}");
	/* a second record on the same writer starts without a comma */
	reset();
	jsonw_obj_begin(&w);
	jsonw_obj_end(&w);
	jsonw_init(&w, sink, NULL);
	jsonw_obj_begin(&w);
	jsonw_obj_end(&w);
	assert_string_equal(buf, "{}{}");
}

static void
test_deep_nesting(void **state)
{
	unsigned i;

	(void)state;
	reset();
	for (i = 0; i < 100; i++)
		jsonw_arr_begin(&w);
	for (i = 0; i < 100; i++)
		jsonw_arr_end(&w);
	assert_int_equal(used, 200);
	assert_int_equal(w.depth, 0);
}

/* The JSON value of one argument text, or "-" when it has none. */
static const char *
val(const char *text)
{
	reset();
	if (!argtext_value(&w, text, strlen(text)))
		return "-";
	return buf;
}

static const char *
split(const char *text)
{
	static char out[4096];
	struct argtext_span sp[8];
	unsigned n = argtext_split(text, strlen(text), sp, 8), i;
	size_t k = 0;

	out[0] = 0;
	for (i = 0; i < n; i++)
		k += (size_t)snprintf(out + k, sizeof(out) - k, "%s%.*s",
				      i ? "|" : "", (int)sp[i].n, sp[i].s);
	return out;
}

static void
test_split(void **state)
{
	(void)state;
	assert_string_equal(split(""), "");
	assert_string_equal(split("3"), "3");
	assert_string_equal(split("AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC"),
			    "AT_FDCWD|\"/etc/passwd\"|O_RDONLY|O_CLOEXEC");
	assert_string_equal(split("1, \"a, b\\\", {c\", 3"), "1|\"a, b\\\", {c\"|3");
	assert_string_equal(split("3, {st_mode=S_IFREG|0644, st_size=5, ...}, 0"),
			    "3|{st_mode=S_IFREG|0644, st_size=5, ...}|0");
	assert_string_equal(split("\"/bin/ls\", [\"ls\", \"-l\"], 0x7ffd1000 /* 20 vars, x */"),
			    "\"/bin/ls\"|[\"ls\", \"-l\"]|0x7ffd1000 /* 20 vars, x */");
	assert_string_equal(split("3</tmp/a, b>, \"x\"...,  5"),
			    "3</tmp/a, b>|\"x\"...|5");
	assert_string_equal(split("f(1, 2), [[1, 2], 3]"), "f(1, 2)|[[1, 2], 3]");
	/* unbalanced: the rest is one argument, nothing is lost */
	assert_string_equal(split("1, {a=2, 3"), "1|{a=2, 3");
	assert_string_equal(split("1, \"abc"), "1|\"abc");
	/* the entry half of a call that never returned */
	assert_string_equal(split("-1, "), "-1");
	assert_string_equal(split("1, , 2"), "1||2");
}

static void
test_structs(void **state)
{
	(void)state;
	assert_string_equal(val("{st_mode=S_IFREG|0644, st_size=1234, ...}"),
			    "{\"st_mode\":[\"S_IFREG\",420],\"st_size\":1234,\"...\":true}");
	assert_string_equal(val("{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}"),
			    "{\"sa_family\":\"AF_INET\",\"sin_port\":{\"call\":\"htons\",\"args\":[80]},"
			    "\"sin_addr\":{\"call\":\"inet_addr\",\"args\":[\"127.0.0.1\"]}}");
	assert_string_equal(val("{sa_family=AF_INET6, sin6_port=htons(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}"),
			    "{\"sa_family\":\"AF_INET6\",\"sin6_port\":{\"call\":\"htons\",\"args\":[0]},"
			    "\"_2\":{\"call\":\"inet_pton\",\"args\":[\"AF_INET6\",\"::1\",\"&sin6_addr\"]},"
			    "\"sin6_scope_id\":0}");
	assert_string_equal(val("{st_dev=makedev(0x8, 0x1), st_ino=42, st_atime=1700000000 /* 2023-11-14T22:13:20+0000 */, st_atime_nsec=0}"),
			    "{\"st_dev\":{\"call\":\"makedev\",\"args\":[8,1]},\"st_ino\":42,"
			    "\"st_atime\":1700000000,\"st_atime_nsec\":0}");
	assert_string_equal(val("{tv_sec=1, tv_nsec=500000000}"),
			    "{\"tv_sec\":1,\"tv_nsec\":500000000}");
	assert_string_equal(val("{...}"), "{\"...\":true}");
	assert_string_equal(val("{}"), "[]");
	assert_string_equal(val("{1, 2}"), "[1,2]");
	assert_string_equal(val("{sa_handler=SIG_DFL, sa_mask=[], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f0000001000}"),
			    "{\"sa_handler\":\"SIG_DFL\",\"sa_mask\":[],\"sa_flags\":[\"SA_RESTORER\",\"SA_RESTART\"],"
			    "\"sa_restorer\":139637976731648}");
}

static void
test_arrays_flags_strings(void **state)
{
	(void)state;
	assert_string_equal(val("[INT TERM]"), "[\"INT\",\"TERM\"]");
	assert_string_equal(val("~[RTMIN RT_1]"), "{\"complement\":[\"RTMIN\",\"RT_1\"]}");
	assert_string_equal(val("[\"ls\", \"-l\"]"), "[\"ls\",\"-l\"]");
	assert_string_equal(val("[{iov_base=\"ab\", iov_len=2}, {iov_base=NULL, iov_len=0}]"),
			    "[{\"iov_base\":\"ab\",\"iov_len\":2},{\"iov_base\":null,\"iov_len\":0}]");
	assert_string_equal(val("[16 => 16]"), "[{\"in\":16,\"out\":16}]");
	assert_string_equal(val("[{fd=3, events=POLLIN}], 1"), "-");
	assert_string_equal(val("O_WRONLY|O_CREAT|O_TRUNC|0x80000000"),
			    "[\"O_WRONLY\",\"O_CREAT\",\"O_TRUNC\",2147483648]");
	assert_string_equal(val("\"a,b\\\"c{\\n\\0\\377\\x41\"..."),
			    "\"a,b\\\"c{\\n\\u0000\\u00ffA\"");
	assert_string_equal(val("\"x\""), "\"x\"");
	assert_string_equal(val("3</etc/passwd>"), "{\"fd\":3,\"path\":\"/etc/passwd\"}");
	assert_string_equal(val("-1"), "-1");
	assert_string_equal(val("NULL"), "null");
	assert_string_equal(val("[0 1 2 3]"), "[0,1,2,3]");
	assert_string_equal(val("[]"), "[]");
	assert_string_equal(val("[1, ...]"), "[1,\"...\"]");
	/* elements that are no value become their text */
	assert_string_equal(val("[{WIFEXITED(s) && WEXITSTATUS(s) == 0}]"),
			    "[[\"WIFEXITED(s) && WEXITSTATUS(s) == 0\"]]");
	assert_string_equal(val("{a=1 + 2, b=3}"), "{\"a\":\"1 + 2\",\"b\":3}");
	/* unreadable as a whole: no value, never a crash */
	assert_string_equal(val("{a=1"), "-");
	assert_string_equal(val("\"abc"), "-");
	assert_string_equal(val("1 2"), "-");
	assert_string_equal(val(""), "-");
	assert_string_equal(val("0x"), "-");
	assert_string_equal(val("1.5"), "1.5");
}

static void
test_kind(void **state)
{
	(void)state;
	assert_int_equal(argtext_kind("3", 1), ARGTEXT_SCALAR);
	assert_int_equal(argtext_kind("AT_FDCWD", 8), ARGTEXT_SCALAR);
	assert_int_equal(argtext_kind("0x7ffd1000 /* 20 vars */", 24), ARGTEXT_SCALAR);
	assert_int_equal(argtext_kind("O_RDONLY|O_CLOEXEC", 18), ARGTEXT_STRUCTURED);
	assert_int_equal(argtext_kind("\"x\"", 3), ARGTEXT_STRUCTURED);
	assert_int_equal(argtext_kind("{a=1}", 5), ARGTEXT_STRUCTURED);
	assert_int_equal(argtext_kind("3</x>", 5), ARGTEXT_STRUCTURED);
	assert_int_equal(argtext_kind("htons(1)", 8), ARGTEXT_STRUCTURED);
	assert_int_equal(argtext_kind("{a=", 3), ARGTEXT_NONE);
}

/* Nested too deep, or random bytes: no crash, and valid when written. */
static void
test_never_fails(void **state)
{
	char text[600];
	unsigned i, round;
	uint32_t x = 12345;

	(void)state;
	memset(text, '[', 300);
	memset(text + 300, ']', 300);
	assert_string_equal(val("[[[]]]"), "[[[]]]");
	reset();
	assert_false(argtext_value(&w, text, 600));
	for (round = 0; round < 20000; round++) {
		static const char alphabet[] = "{}[]()\"\\,=|<>/* .~xA0_9-";
		size_t n = 1 + round % 40;
		struct argtext_span sp[6];

		for (i = 0; i < n; i++) {
			x = x * 1103515245 + 12345;
			text[i] = alphabet[(x >> 16) % (sizeof(alphabet) - 1)];
		}
		argtext_split(text, n, sp, 6);
		argtext_kind(text, n);
		reset();
		argtext_value(&w, text, n);
		assert_int_equal(w.depth, 0);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_byte),
		cmocka_unit_test(test_nesting_and_commas),
		cmocka_unit_test(test_deep_nesting),
		cmocka_unit_test(test_split),
		cmocka_unit_test(test_structs),
		cmocka_unit_test(test_arrays_flags_strings),
		cmocka_unit_test(test_kind),
		cmocka_unit_test(test_never_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
