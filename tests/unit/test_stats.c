/*
 * test_stats.c - the -c/-C summary (src/stats.c): table text for
 * synthetic counters (columns, widths, sort orders, blank errors, the
 * total line), the -S/-U parsers and the summary options of src/options.c
 * with strace 6.1's messages.  Expected tables are strace 6.1's output
 * shapes, checked by running strace on the same cases.
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

#include "ftrace.h"
#include "options.h"
#include "output.h"
#include "stats.h"
#include "syscall_info.h"
#include "sysent.h"

#define US 1000ull  /* ns per microsecond */

static char text[8192];
static size_t text_len;

static void
collect(const char *s, size_t n, void *arg)
{
	(void)arg;
	assert_true(text_len + n < sizeof(text));
	memcpy(text + text_len, s, n);
	text_len += n;
	text[text_len] = '\0';
}

static struct stats_config cfg;

/* Format rows with cfg; rows are copied (the formatter sorts in place). */
static const char *
format(const struct stats_row *rows, size_t n)
{
	struct stats_row copy[32];

	assert_true(n <= 32);
	memcpy(copy, rows, n * sizeof(rows[0]));
	text_len = 0;
	text[0] = '\0';
	stats_format(&cfg, copy, n, collect, NULL);
	return text;
}

static void
use(const char *sort, const char *cols)
{
	char err[256];

	stats_config_default(&cfg);
	if (sort)
		assert_int_equal(stats_parse_sort(&cfg, sort, err, sizeof(err)), 0);
	if (cols)
		assert_int_equal(stats_parse_columns(&cfg, cols, err, sizeof(err)), 0);
}

/* read 0, write 1, close 3, mmap 9, access 21, openat 257 (x86_64) */
static const struct stats_row ls_rows[] = {
	{ "read", 0, 7, 0, 1923 * US, 100 * US, 900 * US },
	{ "write", 1, 1, 0, 20 * US, 20 * US, 20 * US },
	{ "close", 3, 23, 0, 1513 * US, 30 * US, 90 * US },
	{ "mmap", 9, 30, 0, 2610 * US, 50 * US, 120 * US },
	{ "access", 21, 2, 2, 33 * US, 15 * US, 18 * US },
	{ "openat", 257, 34, 13, 1532 * US, 20 * US, 60 * US },
};

static void
test_default_table(void **state)
{
	(void)state;
	use(NULL, NULL);
	assert_string_equal(format(ls_rows, 6),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 34.20    0.002610          87        30           mmap\n"
		" 25.20    0.001923         274         7           read\n"
		" 20.08    0.001532          45        34        13 openat\n"
		" 19.83    0.001513          65        23           close\n"
		"  0.43    0.000033          16         2         2 access\n"
		"  0.26    0.000020          20         1           write\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.007631          78        97        15 total\n");
}

/* ties keep syscall number order; no time at all: 0.00 rows, 100.00 total */
static void
test_zero_times_number_order(void **state)
{
	static const struct stats_row rows[] = {
		{ "openat", 257, 3, 0, 0, 0, 0 },
		{ "execve", 59, 1, 1, 0, 0, 0 },
		{ "close", 3, 5, 0, 0, 0, 0 },
	};

	(void)state;
	use(NULL, NULL);
	assert_string_equal(format(rows, 3),
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"  0.00    0.000000           0         5           close\n"
		"  0.00    0.000000           0         1         1 execve\n"
		"  0.00    0.000000           0         3           openat\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000000           0         9         1 total\n");
}

static void
test_sort_orders(void **state)
{
	(void)state;
	use("calls", "calls,name");
	assert_string_equal(format(ls_rows, 6),
		"    calls syscall\n"
		"--------- ----------------\n"
		"       34 openat\n"
		"       30 mmap\n"
		"       23 close\n"
		"        7 read\n"
		"        2 access\n"
		"        1 write\n"
		"--------- ----------------\n"
		"       97 total\n");
	use("errors", "errors,name");
	assert_string_equal(format(ls_rows, 6),
		"   errors syscall\n"
		"--------- ----------------\n"
		"       13 openat\n"
		"        2 access\n"
		"          read\n"
		"          write\n"
		"          close\n"
		"          mmap\n"
		"--------- ----------------\n"
		"       15 total\n");
	use("syscall_name", "name");
	assert_string_equal(format(ls_rows, 6),
		"syscall\n"
		"----------------\n"
		"access\nclose\nmmap\nopenat\nread\nwrite\n"
		"----------------\n"
		"total\n");
	use("none", "name");
	assert_string_equal(format(ls_rows, 6),
		"syscall\n----------------\n"
		"read\nwrite\nclose\nmmap\naccess\nopenat\n"
		"----------------\ntotal\n");
	/* largest first for every time key */
	use("shortest", "min-time,name");
	assert_string_equal(format(ls_rows, 6),
		"shortest syscall\n"
		"-------- ----------------\n"
		"0.000100 read\n0.000050 mmap\n0.000030 close\n"
		"0.000020 write\n0.000020 openat\n0.000015 access\n"
		"-------- ----------------\n"
		"0.000015 total\n");
	use("longest", "max-time,name");
	assert_string_equal(format(ls_rows, 6),
		" longest syscall\n"
		"-------- ----------------\n"
		"0.000900 read\n0.000120 mmap\n0.000090 close\n"
		"0.000060 openat\n0.000020 write\n0.000018 access\n"
		"-------- ----------------\n"
		"0.000900 total\n");
	use("avg-time", "avg-time,name");
	assert_string_equal(format(ls_rows, 6),
		" usecs/call syscall\n"
		"----------- ----------------\n"
		"        274 read\n         87 mmap\n         65 close\n"
		"         45 openat\n         20 write\n         16 access\n"
		"----------- ----------------\n"
		"         78 total\n");
}

/* every column, in a chosen order; the name padded when not last */
static void
test_all_columns_any_order(void **state)
{
	static const struct stats_row rows[] = {
		{ "close", 3, 2, 0, 131600, 64000, 67400 },
	};

	(void)state;
	use(NULL, "shortest,longest,avg-time,total-time,time-percent,name,calls");
	assert_string_equal(format(rows, 1),
		"shortest  longest  usecs/call     seconds % time syscall              calls\n"
		"-------- -------- ----------- ----------- ------ ---------------- ---------\n"
		"0.000064 0.000067          65    0.000132 100.00 close                    2\n"
		"-------- -------- ----------- ----------- ------ ---------------- ---------\n"
		"0.000064 0.000067          65    0.000132 100.00 total                    2\n");
	/* errors last: its blank cells keep their width */
	use(NULL, "name,errors");
	assert_string_equal(format(rows, 1),
		"syscall             errors\n"
		"---------------- ---------\n"
		"close                     \n"
		"---------------- ---------\n"
		"total                     \n");
}

/* A name longer than 15 characters widens its column to length + 1. */
static void
test_long_name_widens(void **state)
{
	static const struct stats_row rows[] = {
		{ "sched_get_priority_max", 146, 1, 0, 0, 0, 0 },
		{ "getppid", 110, 1000, 0, 0, 0, 0 },
	};
	static const struct stats_row rows16[] = {
		{ "timer_getoverrun", 225, 1, 1, 0, 0, 0 },
	};

	(void)state;
	use("calls", "name,calls");
	assert_string_equal(format(rows, 2),
		"syscall                     calls\n"
		"----------------------- ---------\n"
		"getppid                      1000\n"
		"sched_get_priority_max          1\n"
		"----------------------- ---------\n"
		"total                        1001\n");
	use(NULL, "calls");
	assert_string_equal(format(rows16, 1),
		"    calls syscall\n"
		"--------- -----------------\n"
		"        1 timer_getoverrun\n"
		"--------- -----------------\n"
		"        1 total\n");
}

/* Numbers wider than a column's header widen it (all lines alike). */
static void
test_wide_numbers(void **state)
{
	static const struct stats_row rows[] = {
		{ "read", 0, 12345678901ull, 0, 12000000000ull, 1, 12000000000ull },
	};

	(void)state;
	use(NULL, "calls,longest,total-time");
	assert_string_equal(format(rows, 1),
		"      calls   longest     seconds syscall\n"
		"----------- --------- ----------- ----------------\n"
		"12345678901 12.000000   12.000000 read\n"
		"----------- --------- ----------- ----------------\n"
		"12345678901 12.000000   12.000000 total\n");
}

static void
test_no_rows_no_table(void **state)
{
	(void)state;
	use(NULL, NULL);
	assert_string_equal(format(ls_rows, 0), "");
}

static void
test_sort_names(void **state)
{
	static const struct {
		const char *name;
		enum stats_sort sort;
	} ok[] = {
		{ "time", STATS_SORT_TIME }, { "time-percent", STATS_SORT_TIME },
		{ "time-total", STATS_SORT_TIME }, { "total-time", STATS_SORT_TIME },
		{ "time_total", STATS_SORT_TIME },
		{ "min-time", STATS_SORT_MIN }, { "shortest", STATS_SORT_MIN },
		{ "time-min", STATS_SORT_MIN }, { "max-time", STATS_SORT_MAX },
		{ "longest", STATS_SORT_MAX }, { "time-max", STATS_SORT_MAX },
		{ "avg-time", STATS_SORT_AVG }, { "time_avg", STATS_SORT_AVG },
		{ "calls", STATS_SORT_CALLS }, { "count", STATS_SORT_CALLS },
		{ "errors", STATS_SORT_ERRORS }, { "error", STATS_SORT_ERRORS },
		{ "name", STATS_SORT_NAME }, { "syscall", STATS_SORT_NAME },
		{ "syscall-name", STATS_SORT_NAME },
		{ "nothing", STATS_SORT_NOTHING }, { "none", STATS_SORT_NOTHING },
	};
	static const char *const bad[] = { "percent", "TIME", "", "avg", "calls_", "tim" };
	char err[256];
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++) {
		stats_config_default(&cfg);
		assert_int_equal(stats_parse_sort(&cfg, ok[i].name, err, sizeof(err)), 0);
		assert_int_equal(cfg.sort, ok[i].sort);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		char want[64];

		assert_int_equal(stats_parse_sort(&cfg, bad[i], err, sizeof(err)), -1);
		snprintf(want, sizeof(want), "invalid sortby: '%s'", bad[i]);
		assert_string_equal(err, want);
	}
}

static void
test_column_names(void **state)
{
	char err[256];

	(void)state;
	stats_config_default(&cfg);
	assert_int_equal(stats_parse_columns(&cfg, "count,error,time,time_total,"
					     "shortest,longest,time-avg", err,
					     sizeof(err)), 0);
	assert_int_equal(cfg.ncols, 8);
	assert_int_equal(cfg.cols[0], STATS_COL_CALLS);
	assert_int_equal(cfg.cols[1], STATS_COL_ERRORS);
	assert_int_equal(cfg.cols[2], STATS_COL_PERCENT);
	assert_int_equal(cfg.cols[3], STATS_COL_TOTAL);
	assert_int_equal(cfg.cols[4], STATS_COL_MIN);
	assert_int_equal(cfg.cols[5], STATS_COL_MAX);
	assert_int_equal(cfg.cols[6], STATS_COL_AVG);
	/* the name is added last when not given */
	assert_int_equal(cfg.cols[7], STATS_COL_NAME);
	assert_int_equal(stats_parse_columns(&cfg, "syscall-name,calls", err,
					     sizeof(err)), 0);
	assert_int_equal(cfg.ncols, 2);
	assert_int_equal(cfg.cols[0], STATS_COL_NAME);

	assert_int_equal(stats_parse_columns(&cfg, "percent", err, sizeof(err)), -1);
	assert_string_equal(err, "unknown column name: 'percent'");
	assert_int_equal(stats_parse_columns(&cfg, "calls,", err, sizeof(err)), -1);
	assert_string_equal(err, "unknown column name: ''");
	assert_int_equal(stats_parse_columns(&cfg, "calls,nothing,x", err, sizeof(err)), -1);
	assert_string_equal(err, "unknown column name: 'nothing'");
	assert_int_equal(stats_parse_columns(&cfg, "calls,errors,count,name", err,
					     sizeof(err)), -1);
	assert_string_equal(err, "call summary column has been provided more than "
			    "once: 'count' (-U option residual: 'count,name')");
	assert_int_equal(stats_parse_columns(&cfg, "time-percent,time", err, sizeof(err)), -1);
	assert_string_equal(err, "call summary column has been provided more than "
			    "once: 'time' (-U option residual: 'time')");
}

/* ---- options ---- */

#define ARGV(...) ((char *[]){ "ftrace-c", __VA_ARGS__, NULL })
#define NARGS(...) ((int)(sizeof((char *[]){ __VA_ARGS__ }) / sizeof(char *)) + 1)
#define PARSE(o, ...) parse(NARGS(__VA_ARGS__), ARGV(__VA_ARGS__), o)

static char errbuf[1024];

/* options_parse, with what it wrote on stderr in errbuf */
static enum options_result
parse(int argc, char **argv, struct options *o)
{
	enum options_result r;
	int saved = dup(STDERR_FILENO);
	FILE *tmp = tmpfile();
	size_t n;

	fflush(stderr);
	dup2(fileno(tmp), STDERR_FILENO);
	r = options_parse(argc, argv, o);
	fflush(stderr);
	dup2(saved, STDERR_FILENO);
	close(saved);
	rewind(tmp);
	n = fread(errbuf, 1, sizeof(errbuf) - 1, tmp);
	errbuf[n] = '\0';
	fclose(tmp);
	return r;
}

#define TRY "\nTry 'ftrace-c -h' for more information.\n"

static void
test_summary_options(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(PARSE(&o, "-c", "ls"), OPTIONS_RUN);
	assert_int_equal(o.summary, SUMMARY_ONLY);
	assert_false(o.summary_wall);
	assert_null(o.summary_cfg);
	assert_string_equal(errbuf, "");

	assert_int_equal(PARSE(&o, "--summary", "-w", "-S", "calls", "-U",
			       "name,calls", "ls"), OPTIONS_RUN);
	assert_int_equal(o.summary, SUMMARY_ALSO);
	assert_true(o.summary_wall);
	assert_int_equal(o.summary_cfg->sort, STATS_SORT_CALLS);
	assert_int_equal(o.summary_cfg->ncols, 2);

	assert_int_equal(PARSE(&o, "--summary-only", "--summary-wall-clock",
			       "--summary-sort-by=name", "--summary-columns=errors",
			       "ls"), OPTIONS_RUN);
	assert_int_equal(o.summary, SUMMARY_ONLY);
	assert_true(o.summary_wall);
	assert_int_equal(o.summary_cfg->sort, STATS_SORT_NAME);
	assert_int_equal(o.summary_cfg->ncols, 2);
	assert_int_equal(o.summary_cfg->cols[0], STATS_COL_ERRORS);
	assert_int_equal(o.summary_cfg->cols[1], STATS_COL_NAME);

	/* a later -U replaces an earlier one; -S keeps its sort */
	assert_int_equal(PARSE(&o, "-c", "-S", "errors", "-U", "calls", "-U",
			       "errors", "ls"), OPTIONS_RUN);
	assert_int_equal(o.summary_cfg->sort, STATS_SORT_ERRORS);
	assert_int_equal(o.summary_cfg->cols[0], STATS_COL_ERRORS);
}

static void
test_summary_option_errors(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(PARSE(&o, "-c", "-S", "nosuch", "ls"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: invalid sortby: 'nosuch'" TRY);

	assert_int_equal(PARSE(&o, "-c", "-U", "calls,calls", "ls"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: call summary column has been provided "
			    "more than once: 'calls' (-U option residual: 'calls')" TRY);

	assert_int_equal(PARSE(&o, "--summary-columns=x", "ls"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: unknown column name: 'x'" TRY);

	assert_int_equal(PARSE(&o, "-c", "-S"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: option requires an argument -- 'S'" TRY);

	/* checked before the missing command, as strace does */
	assert_int_equal(PARSE(&o, "-c", "-C"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: -c/--summary-only and -C/--summary "
			    "are mutually exclusive" TRY);
	assert_int_equal(PARSE(&o, "-C", "-c", "ls"), OPTIONS_ERROR);

	assert_int_equal(PARSE(&o, "-w", "-U", "calls", "ls"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: -w/--summary-wall-clock must be given "
			    "with (-c/--summary-only or -C/--summary)" TRY);

	assert_int_equal(PARSE(&o, "-U", "calls", "-S", "calls", "ls"), OPTIONS_ERROR);
	assert_string_equal(errbuf, "ftrace-c: -U/--summary-columns must be given "
			    "with (-c/--summary-only or -C/--summary)" TRY);

	/* only a warning */
	assert_int_equal(PARSE(&o, "-S", "calls", "ls"), OPTIONS_RUN);
	assert_string_equal(errbuf, "ftrace-c: -S/--summary-sort-by has no effect "
			    "without (-c/--summary-only or -C/--summary)\n");
}

/* With -c the trace options do nothing; strace says so for each. */
static void
test_no_effect_with_summary_only(void **state)
{
	struct options o;

	(void)state;
	assert_int_equal(PARSE(&o, "-c", "-y", "-T", "-i", "-n", "-r", "-tt", "ls"),
			 OPTIONS_RUN);
	assert_string_equal(errbuf,
		"ftrace-c: -i/--instruction-pointer has no effect with -c/--summary-only\n"
		"ftrace-c: -n/--syscall-number has no effect with -c/--summary-only\n"
		"ftrace-c: -r/--relative-timestamps has no effect with -c/--summary-only\n"
		"ftrace-c: -t/--absolute-timestamps has no effect with -c/--summary-only\n"
		"ftrace-c: -T/--syscall-times has no effect with -c/--summary-only\n"
		"ftrace-c: -y/--decode-fds has no effect with -c/--summary-only\n");
	assert_false(o.Tflag || o.iflag || o.nflag || o.rflag || o.tflag || o.yflag);
	/* -C keeps them */
	assert_int_equal(PARSE(&o, "-C", "-T", "ls"), OPTIONS_RUN);
	assert_string_equal(errbuf, "");
	assert_true(o.Tflag);
}

/* ---- counting and printing ---- */

static struct timespec
at_us(long us)
{
	return (struct timespec){ us / 1000000, (us % 1000000) * 1000 };
}

/* one syscall of ns wall time (-w), from t0 microseconds on */
static void
count(uint32_t arch, uint64_t nr, bool is_error, long t0, long us)
{
	struct sc_rec rec = { .arch = arch, .nr = nr };
	struct timespec a = at_us(t0), b = at_us(t0 + us);

	stats_count(&rec, is_error, stats_stop_clock(&a), &b, NULL);
}

static void
test_count_and_print(void **state)
{
	char path[] = "/tmp/ftrace-test-stats-XXXXXX";
	int fd = mkstemp(path);
	char got[2048];
	ssize_t n;

	(void)state;
	assert_true(fd >= 0);
	opts = (struct options){ .summary = SUMMARY_ONLY, .summary_wall = true };
	/* no rusage wanted with -w: the wall clock is used */
	assert_null(stats_rusage_slot());
	stats_reset();
	count(ARCH_X86_64, 3, false, 1000, 10);    /* close */
	count(ARCH_X86_64, 3, true, 2000, 30);
	count(ARCH_X86_64, 0, false, 5000, 100);   /* read */
	count(ARCH_X86_64, 999, true, 9000, 1);    /* no such syscall */
	count(ARCH_I386, 6, false, 9000, 5);       /* i386 close */
	count(ARCH_X86_64, 5000, false, 9000, 5);  /* beyond every table */
	out_open(path);
	stats_print();
	out_close();
	n = pread(fd, got, sizeof(got) - 1, 0);
	assert_true(n > 0);
	got[n] = '\0';
	close(fd);
	unlink(path);
	assert_string_equal(got,
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		" 70.92    0.000100         100         1           read\n"
		" 28.37    0.000040          20         2         1 close\n"
		"  0.71    0.000001           1         1         1 syscall_0x3e7\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000141          35         4         2 total\n"
		"System call usage summary for 32 bit mode:\n"
		"% time     seconds  usecs/call     calls    errors syscall\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000005           5         1           close\n"
		"------ ----------- ----------- --------- --------- ----------------\n"
		"100.00    0.000005           5         1           total\n");
	/* without -w, the CPU time comes from wait4's rusage */
	opts.summary_wall = false;
	assert_non_null(stats_rusage_slot());
	opts = (struct options){ .max_strlen = 32 };
	assert_null(stats_rusage_slot());
	stats_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_default_table),
		cmocka_unit_test(test_zero_times_number_order),
		cmocka_unit_test(test_sort_orders),
		cmocka_unit_test(test_all_columns_any_order),
		cmocka_unit_test(test_long_name_widens),
		cmocka_unit_test(test_wide_numbers),
		cmocka_unit_test(test_no_rows_no_table),
		cmocka_unit_test(test_sort_names),
		cmocka_unit_test(test_column_names),
		cmocka_unit_test(test_summary_options),
		cmocka_unit_test(test_summary_option_errors),
		cmocka_unit_test(test_no_effect_with_summary_only),
		cmocka_unit_test(test_count_and_print),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
