/*
 * test_options.c - command-line parsing (src/options.c): every option of
 * the core, defaults, and strace's wording for bad input.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "options.h"



#define ARGV(...) ((char *[]){ "ftrace-c", __VA_ARGS__, NULL })

static enum options_result
parse(int argc, char **argv, struct options *o)
{
	return options_parse(argc, argv, o);
}

/* Run a parse that must fail and return what it wrote on stderr. */
static char errbuf[1024];

static enum options_result
parse_err(int argc, char **argv)
{
	struct options o;
	enum options_result r;
	int saved = dup(STDERR_FILENO);
	FILE *tmp = tmpfile();
	size_t n;

	fflush(stderr);
	dup2(fileno(tmp), STDERR_FILENO);
	r = options_parse(argc, argv, &o);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(errbuf, 1, sizeof(errbuf) - 1, tmp);
	errbuf[n] = '\0';
	fclose(tmp);
	return r;
}

static void
test_defaults(void **state)
{
	char **v = ARGV("ls", "-l");
	struct options o;

	(void)state;
	assert_int_equal(parse(3, v, &o), OPTIONS_RUN);
	assert_false(o.follow_forks);
	assert_null(o.outfile);
	assert_int_equal(o.max_strlen, 32);
	assert_int_equal(o.quiet, 0);
	assert_string_equal(o.command[0], "ls");
	assert_string_equal(o.command[1], "-l");
	assert_null(o.command[2]);
}

static void
test_all_options(void **state)
{
	char **v = ARGV("-f", "-o", "log", "-s", "100", "-qq", "make", "-j2");
	struct options o;

	(void)state;
	assert_int_equal(parse(9, v, &o), OPTIONS_RUN);
	assert_true(o.follow_forks);
	assert_string_equal(o.outfile, "log");
	assert_int_equal(o.max_strlen, 100);
	assert_int_equal(o.quiet, 2);
	assert_string_equal(o.command[0], "make");
	assert_string_equal(o.command[1], "-j2");
}

static void
test_output_format_flags(void **state)
{
	char **v = ARGV("-tt", "-r", "-T", "-i", "-n", "-y", "-y", "-x", "-v", "ls");
	char **v3 = ARGV("-ttt", "--syscall-times", "--instruction-pointer", "ls");
	struct options o;

	(void)state;
	assert_int_equal(parse(11, v, &o), OPTIONS_RUN);
	assert_int_equal(o.tflag, 2);
	assert_true(o.rflag);
	assert_true(o.Tflag);
	assert_true(o.iflag);
	assert_true(o.nflag);
	assert_int_equal(o.yflag, 2);
	assert_int_equal(o.xflag, 1);
	assert_true(o.verbose);
	assert_int_equal(parse(5, v3, &o), OPTIONS_RUN);
	assert_int_equal(o.tflag, 3);
	assert_true(o.Tflag);
	assert_true(o.iflag);
}

static void
test_attach_pids(void **state)
{
	char **v = ARGV("-p", "12", "-p", "13,14", "--attach=15 16", "-f");
	char **bad = ARGV("-p", "12x");
	char **zero = ARGV("-p", "0");
	struct options o;

	(void)state;
	assert_int_equal(parse(7, v, &o), OPTIONS_RUN);
	assert_int_equal(o.attach_count, 5);
	assert_int_equal(o.attach_pids[0], 12);
	assert_int_equal(o.attach_pids[2], 14);
	assert_int_equal(o.attach_pids[4], 16);
	assert_null(o.command);   /* -p alone needs no command */
	assert_int_equal(parse_err(3, bad), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: Invalid process id: '12x'\n");
	assert_int_equal(parse_err(3, zero), OPTIONS_ERROR);
}

/* strace's -p list grammar: the bad piece is named, not the whole list. */
static void
test_attach_pid_pieces(void **state)
{
	char **trail = ARGV("-p", "12,");
	char **piece = ARGV("-p", "12 x");
	char **empty = ARGV("-p", "12,,13");
	char **lead = ARGV("-p", ",12");
	char **big = ARGV("-p", "2147483648");
	char **max = ARGV("-p", "2147483647");
	struct options o;

	(void)state;
	assert_int_equal(parse(3, trail, &o), OPTIONS_RUN);
	assert_int_equal(o.attach_count, 1);
	assert_int_equal(o.attach_pids[0], 12);
	assert_int_equal(parse_err(3, piece), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: Invalid process id: 'x'\n");
	assert_int_equal(parse_err(3, empty), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: Invalid process id: ''\n");
	assert_int_equal(parse_err(3, lead), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: Invalid process id: ''\n");
	assert_int_equal(parse_err(3, big), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: Invalid process id: '2147483648'\n");
	assert_int_equal(parse(3, max, &o), OPTIONS_RUN);
	assert_int_equal(o.attach_pids[0], 2147483647);
}

/* strace qualifiers ftrace-c lacks are refused by name; --string-limit. */
static void
test_unsupported_qualifiers(void **state)
{
	char **rd = ARGV("-e", "read=3", "ls");
	char **inj = ARGV("-e", "inject=open:error=ENOENT", "ls");
	char **sl = ARGV("--string-limit=x", "ls");
	char **s = ARGV("-s", "x", "ls");

	(void)state;
	assert_int_equal(parse_err(4, rd), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: -e read= is not supported\n");
	assert_int_equal(parse_err(4, inj), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: -e inject= is not supported\n");
	assert_int_equal(parse_err(3, sl), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: invalid --string-limit argument: 'x'\n"));
	assert_int_equal(parse_err(4, s), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: invalid -s argument: 'x'\n"));
}

static void
test_long_options_and_dashdash(void **state)
{
	char **v = ARGV("--follow-forks", "--output=x", "--string-limit=0",
			"--", "-f", "arg");
	struct options o;

	(void)state;
	assert_int_equal(parse(6, v, &o), OPTIONS_RUN);
	assert_true(o.follow_forks);
	assert_string_equal(o.outfile, "x");
	assert_int_equal(o.max_strlen, 0);
	/* After "--" (and after the command) options belong to the command. */
	assert_string_equal(o.command[0], "-f");
	assert_string_equal(o.command[1], "arg");
}

static void
test_options_stop_at_command(void **state)
{
	char **v = ARGV("ls", "-f");
	struct options o;

	(void)state;
	assert_int_equal(parse(3, v, &o), OPTIONS_RUN);
	assert_false(o.follow_forks);
	assert_string_equal(o.command[1], "-f");
}

static void
test_help_version(void **state)
{
	struct options o;
	char **h = ARGV("-h");
	char **hl = ARGV("--help");
	char **ver = ARGV("-V");

	(void)state;
	assert_int_equal(parse(2, h, &o), OPTIONS_HELP);
	assert_int_equal(parse(2, hl, &o), OPTIONS_HELP);
	assert_int_equal(parse(2, ver, &o), OPTIONS_VERSION);
}

/*
 * A parse that stops inside a cluster ("-Vv" returns at V) must not leak
 * the rest of it into the next parse: getopt kept a pointer into the old
 * argv (fuzz_options found it as a use-after-free of a freed argv).
 */
static void
test_parse_again_after_cluster(void **state)
{
	char *first[] = { "ftrace-c", strdup("-Vv"), NULL };
	char **cmd = ARGV("ls");
	struct options o;

	(void)state;
	assert_int_equal(parse(2, first, &o), OPTIONS_VERSION);
	free(first[1]);
	assert_int_equal(parse(2, cmd, &o), OPTIONS_RUN);
	assert_false(o.verbose);
	assert_string_equal(o.command[0], "ls");
}

static void
test_errors(void **state)
{
	char **none = ARGV("-f");
	char **bad_s = ARGV("-s", "abc", "ls");
	char **neg_s = ARGV("-s", "-1", "ls");
	char **no_arg = ARGV("-o");
	char **bad_opt = ARGV("-Y", "ls");
	char **bad_long = ARGV("--bogus", "ls");
	char **long_noarg = ARGV("--output");
	char **long_extra = ARGV("--follow-forks=1", "ls");

	(void)state;
	assert_int_equal(parse_err(2, none), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: must have PROG [ARGS] or -p PID\n"
				    "Try 'ftrace-c -h' for more information.\n");
	assert_int_equal(parse_err(4, bad_s), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: invalid -s argument: 'abc'\n"));
	assert_int_equal(parse_err(4, neg_s), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "invalid -s argument: '-1'"));
	assert_int_equal(parse_err(2, no_arg), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: option requires an argument -- 'o'"));
	assert_int_equal(parse_err(3, bad_opt), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: invalid option -- 'Y'"));
	assert_int_equal(parse_err(3, bad_long), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: unrecognized option '--bogus'"));
	assert_int_equal(parse_err(2, long_noarg), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: option '--output' requires an argument"));
	assert_int_equal(parse_err(3, long_extra), OPTIONS_ERROR);
	assert_non_null(strstr(errbuf, "ftrace-c: option '--follow-forks' doesn't allow an argument"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_defaults),
		cmocka_unit_test(test_all_options),
		cmocka_unit_test(test_output_format_flags),
		cmocka_unit_test(test_attach_pids),
		cmocka_unit_test(test_long_options_and_dashdash),
		cmocka_unit_test(test_options_stop_at_command),
		cmocka_unit_test(test_help_version),
		cmocka_unit_test(test_parse_again_after_cluster),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_attach_pid_pieces),
		cmocka_unit_test(test_unsupported_qualifiers),
	};

	return cmocka_run_group_tests_name("options", tests, NULL, NULL);
}
