/*
 * test_filter.c - syscall set expressions (src/filter.c) and the -e
 * options that use them (src/options.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "options.h"

/* x86_64, i386, aarch64 numbers */
#define X64(name) (get_nr(ARCH_X86_64, name))
#define I386(name) (get_nr(ARCH_I386, name))
#define A64(name) (get_nr(ARCH_AARCH64, name))

static uint64_t
get_nr(uint32_t arch, const char *name)
{
	uint64_t nr = 0;

	assert_non_null(sysent_by_name(arch, name, &nr));
	return nr;
}

static struct sc_set set;
static char err[256];

static int
parse(const char *spec)
{
	sc_set_fill(&set, false);
	err[0] = '\0';
	return sc_set_parse(&set, spec, err, sizeof(err));
}

static void
test_names(void **state)
{
	(void)state;
	assert_int_equal(parse("open,close"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("open")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("openat")));
	/* the same name on every arch, whatever its number there */
	assert_true(sc_set_has(&set, ARCH_I386, I386("close")));
	assert_true(sc_set_has(&set, ARCH_AARCH64, A64("close")));
	/* aarch64 has no open: fine, since x86_64 has it */
	assert_false(sc_set_has(&set, ARCH_AARCH64, A64("openat")));
	/* numbers outside every table: not in a named set */
	assert_false(sc_set_has(&set, ARCH_X86_64, 999));
	assert_false(sc_set_has(&set, 0x12345678, 1));
}

static void
test_classes(void **state)
{
	(void)state;
	assert_int_equal(parse("%file"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("openat")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("execve")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("read")));
	/* without the % too (older syntax) */
	assert_int_equal(parse("memory"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("mmap")));
	assert_true(sc_set_has(&set, ARCH_I386, I386("mmap2")));
	assert_int_equal(parse("%process,%net"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("clone")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("connect")));
	assert_int_equal(parse("%%stat"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("newfstatat")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("statx")));
}

static void
test_regex_negation_all_none(void **state)
{
	(void)state;
	assert_int_equal(parse("/^exit"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("exit")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("exit_group")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("execve")));
	assert_int_equal(parse("!close,%memory"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("mmap")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("read")));
	assert_true(sc_set_has(&set, ARCH_X86_64, 999)); /* unknown numbers too */
	assert_int_equal(parse("all"), 0);
	assert_true(sc_set_has(&set, ARCH_AARCH64, A64("read")));
	assert_int_equal(parse("none"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("read")));
	assert_int_equal(parse("!all"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("read")));
	/* ?name: no error when unknown */
	assert_int_equal(parse("?nosuch,read"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("read")));
}

static void
test_errors(void **state)
{
	(void)state;
	assert_int_equal(parse("nosuch"), -1);
	assert_string_equal(err, "invalid system call 'nosuch'");
	assert_int_equal(parse("read,%nosuch"), -1);
	assert_string_equal(err, "invalid system call '%nosuch'");
	assert_int_equal(parse(""), -1);
	assert_string_equal(err, "invalid system call ''");
	assert_int_equal(parse("/["), -1);
	assert_non_null(strstr(err, "regcomp: [: "));
}

/* -e through the option parser: accumulation, qualifiers, -v */
static void
test_options(void **state)
{
	struct options o;
	char *v1[] = { "ftrace-c", "-e", "trace=open", "-e", "close", "-e",
		       "raw=read", "--abbrev=none", "true", NULL };
	char *v2[] = { "ftrace-c", "-v", "true", NULL };
	char *v3[] = { "ftrace-c", "-e", "foo=bar", "true", NULL };
	int saved = dup(STDERR_FILENO);
	FILE *devnull = fopen("/dev/null", "w");

	(void)state;
	assert_int_equal(options_parse(9, v1, &o), OPTIONS_RUN);
	assert_true(sc_set_has(o.trace, ARCH_X86_64, X64("open")));
	assert_true(sc_set_has(o.trace, ARCH_X86_64, X64("close")));
	assert_false(sc_set_has(o.trace, ARCH_X86_64, X64("read")));
	assert_true(sc_set_has(o.raw, ARCH_X86_64, X64("read")));
	assert_false(sc_set_has(o.abbrev, ARCH_X86_64, X64("read")));
	assert_null(o.deref);
	assert_int_equal(options_parse(3, v2, &o), OPTIONS_RUN);
	assert_true(o.verbose);
	assert_false(sc_set_has(o.abbrev, ARCH_X86_64, X64("newfstatat")));
	/* an unknown qualifier is read as a syscall name, as strace does */
	dup2(fileno(devnull), STDERR_FILENO);
	assert_int_equal(options_parse(4, v3, &o), OPTIONS_ERROR);
	dup2(saved, STDERR_FILENO);
	close(saved);
	fclose(devnull);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_regex_negation_all_none),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_options),
	};

	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
