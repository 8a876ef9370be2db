/*
 * test_routing.c - output routing and time columns: the options (-ff,
 * --output-separately, -A, -o |cmd, -u, -E, -b, --absolute-timestamps,
 * --timestamps, -r/-T precisions) with strace's wording for bad input,
 * timestamp parsing and formatting (src/timestamp.c), -E's environment
 * (spawn_build_env), and -ff's per-thread streams (src/output.c) written
 * to real files: one file per tid, no prefix, exec take-over, eviction of
 * descriptors past the limit, append mode.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "ftrace.h"
#include "options.h"
#include "output.h"
#include "spawn.h"
#include "timestamp.h"
#include "tracee.h"

#define ARGV(...) ((char *[]){ "ftrace-c", __VA_ARGS__, NULL })
#define ARGC(v) ((int)(sizeof(v) / sizeof((v)[0])) - 1)

static char errbuf[2048];

/* Parse with stderr captured into errbuf. */
static enum options_result
parse_cap(int argc, char **argv, struct options *o)
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

#define PARSE_OK(o, ...) do { \
		char **v_ = ARGV(__VA_ARGS__); \
		assert_int_equal(parse_cap(ARGC(ARGV(__VA_ARGS__)), v_, (o)), \
				 OPTIONS_RUN); \
	} while (0)

/* A parse that must fail with exactly this stderr. */
#define PARSE_ERR(text, ...) do { \
		struct options o_; \
		char **v_ = ARGV(__VA_ARGS__); \
		assert_int_equal(parse_cap(ARGC(ARGV(__VA_ARGS__)), v_, &o_), \
				 OPTIONS_ERROR); \
		assert_string_equal(errbuf, text); \
	} while (0)

#define TRY "Try 'ftrace-c -h' for more information.\n"

static void
test_output_options(void **state)
{
	struct options o;

	(void)state;
	PARSE_OK(&o, "-ff", "-o", "log", "ls");
	assert_true(o.follow_forks);
	assert_true(o.output_separately);
	assert_string_equal(errbuf, "");
	PARSE_OK(&o, "-f", "-f", "-o", "log", "ls");
	assert_true(o.output_separately);
	PARSE_OK(&o, "-f", "-o", "log", "ls");
	assert_false(o.output_separately);
	/* --output-separately without -f: files for the one process */
	PARSE_OK(&o, "--output-separately", "-o", "log", "ls");
	assert_false(o.follow_forks);
	assert_true(o.output_separately);
	PARSE_OK(&o, "-A", "-o", "log", "ls");
	assert_true(o.append);
	PARSE_OK(&o, "--output-append-mode", "--output=log", "ls");
	assert_true(o.append);
	PARSE_OK(&o, "-o", "|cat > x", "ls");
	assert_string_equal(o.outfile, "|cat > x");
	PARSE_OK(&o, "-A", "-o", "!cat", "ls");
	assert_string_equal(errbuf, "");

	/* -ff without -o is -f, silently, as in strace */
	PARSE_OK(&o, "-ff", "ls");
	assert_true(o.follow_forks);
	assert_false(o.output_separately);
	assert_string_equal(errbuf, "");
	/* the long spelling and -A only warn */
	PARSE_OK(&o, "--output-separately", "-A", "ls");
	assert_false(o.output_separately);
	assert_string_equal(errbuf,
		"ftrace-c: --output-separately has no effect without -o/--output\n"
		"ftrace-c: -A/--output-append-mode has no effect without -o/--output\n");

	PARSE_ERR("ftrace-c: piping the output and -ff/--output-separately are mutually exclusive\n" TRY,
		  "-ff", "-o", "|cat", "ls");
	PARSE_ERR("ftrace-c: piping the output and -ff/--output-separately are mutually exclusive\n" TRY,
		  "--output-separately", "-o", "!cat", "ls");
	/* the new long options make some prefixes ambiguous, as in strace */
	PARSE_ERR("ftrace-c: option '--out=x' is ambiguous; possibilities: '--output-append-mode' '--output-separately' '--output'\n" TRY,
		  "--out=x", "ls");
	PARSE_ERR("ftrace-c: option '--sys' is ambiguous; possibilities: '--syscall-number' '--syscall-times'\n" TRY,
		  "--sys", "ls");
	PARSE_OK(&o, "--output-sep", "--output-app", "--output", "x", "ls");
	assert_true(o.append);
	assert_true(o.output_separately);
	/* --timeline (docs/differences-from-strace.md) shares "--time" */
	PARSE_ERR("ftrace-c: option '--time=unix' is ambiguous; possibilities: '--timestamps' '--timeline'\n" TRY,
		  "--time=unix", "ls");
	PARSE_OK(&o, "--timest=unix", "--detach=execve", "--us=root", "--en=A", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_UNIX);
	assert_true(o.detach_on_execve);
	assert_string_equal(o.env_ops[0], "A");
}

static void
test_user_env_detach_options(void **state)
{
	struct options o;

	(void)state;
	PARSE_OK(&o, "-u", "nobody", "-E", "A=1", "--env=B", "--env", "C=3",
		 "ls");
	assert_string_equal(o.username, "nobody");
	assert_int_equal(o.env_count, 3);
	assert_string_equal(o.env_ops[0], "A=1");
	assert_string_equal(o.env_ops[1], "B");
	assert_string_equal(o.env_ops[2], "C=3");
	PARSE_OK(&o, "--user=root", "ls");
	assert_string_equal(o.username, "root");
	PARSE_OK(&o, "-b", "execve", "ls");
	assert_true(o.detach_on_execve);
	PARSE_OK(&o, "--detach-on=execve", "ls");
	assert_true(o.detach_on_execve);

	/* tests run as root (make check installs packages with apt) */
	if (geteuid() == 0) {
		PARSE_ERR("ftrace-c: Cannot find user 'nosuchuser'\n",
			  "-u", "nosuchuser", "ls");
		PARSE_ERR("ftrace-c: Cannot find user ''\n", "-u", "", "ls");
		/* strace looks the user up before the pipe check */
		PARSE_ERR("ftrace-c: Cannot find user 'nosuchuser'\n",
			  "-ff", "-o", "|cat", "-u", "nosuchuser", "ls");
	} else {
		PARSE_ERR("ftrace-c: You must be root to use the -u/--username option\n",
			  "-u", "nobody", "ls");
	}
	/* but not before "must have PROG" */
	PARSE_ERR("ftrace-c: must have PROG [ARGS] or -p PID\n" TRY,
		  "-u", "nosuchuser");
	PARSE_ERR("ftrace-c: Syscall 'foo' for -b isn't supported\n",
		  "-b", "foo", "ls");
	PARSE_ERR("ftrace-c: Syscall 'exec' for -b isn't supported\n",
		  "--detach-on=exec", "ls");
	PARSE_ERR("ftrace-c: option requires an argument -- 'b'\n" TRY, "-b");
	PARSE_ERR("ftrace-c: option requires an argument -- 'u'\n" TRY, "-u");
	PARSE_ERR("ftrace-c: option requires an argument -- 'E'\n" TRY, "-E");
}

static void
test_timestamp_options(void **state)
{
	struct options o;

	(void)state;
	PARSE_OK(&o, "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_NONE);
	assert_int_equal(o.rel_digits, 6);
	assert_int_equal(o.dur_digits, 6);
	PARSE_OK(&o, "-t", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	assert_int_equal(o.ts_digits, 0);
	PARSE_OK(&o, "-tt", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	assert_int_equal(o.ts_digits, 6);
	PARSE_OK(&o, "-tttt", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_UNIX);
	assert_int_equal(o.ts_digits, 6);
	PARSE_OK(&o, "--absolute-timestamps", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	assert_int_equal(o.ts_digits, 0);
	PARSE_OK(&o, "--absolute-timestamps=format:unix,precision:ns", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_UNIX);
	assert_int_equal(o.ts_digits, 9);
	PARSE_OK(&o, "--timestamps=unix,us", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_UNIX);
	assert_int_equal(o.ts_digits, 6);
	PARSE_OK(&o, "--timestamps=none", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_NONE);
	/* later options change only what they name */
	PARSE_OK(&o, "--absolute-timestamps=unix,ms", "--absolute-timestamps=time", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	assert_int_equal(o.ts_digits, 3);
	PARSE_OK(&o, "--absolute-timestamps=unix,ms", "--absolute-timestamps=", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_UNIX);
	assert_int_equal(o.ts_digits, 3);
	PARSE_OK(&o, "--absolute-timestamps=unix", "--absolute-timestamps", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	PARSE_OK(&o, "--absolute-timestamps=none", "--absolute-timestamps=ms", "ls");
	assert_int_equal(o.ts_format, TIMESTAMP_TIME);
	assert_int_equal(o.ts_digits, 3);

	PARSE_OK(&o, "--relative-timestamps=ms", "ls");
	assert_true(o.rflag);
	assert_int_equal(o.rel_digits, 3);
	PARSE_OK(&o, "--relative-timestamps", "ls");
	assert_int_equal(o.rel_digits, 6);
	PARSE_OK(&o, "--relative-timestamps=ns", "-r", "ls");
	assert_int_equal(o.rel_digits, 6);   /* -r is microseconds again */
	PARSE_OK(&o, "-r", "--relative-timestamps=S", "ls");
	assert_int_equal(o.rel_digits, 0);
	PARSE_OK(&o, "--syscall-times=ns", "ls");
	assert_true(o.Tflag);
	assert_int_equal(o.dur_digits, 9);
	PARSE_OK(&o, "--syscall-times=ns", "-T", "ls");
	assert_int_equal(o.dur_digits, 6);

	PARSE_ERR("ftrace-c: invalid --absolute-timestamps argument: 'foo'\n" TRY,
		  "--absolute-timestamps=foo", "ls");
	PARSE_ERR("ftrace-c: invalid --absolute-timestamps argument: 'format:'\n" TRY,
		  "--absolute-timestamps=format:", "ls");
	PARSE_ERR("ftrace-c: invalid --absolute-timestamps argument: 'precision:unix'\n" TRY,
		  "--absolute-timestamps=precision:unix", "ls");
	PARSE_ERR("ftrace-c: invalid --timestamps argument: 'unix:us'\n" TRY,
		  "--timestamps=unix:us", "ls");
	PARSE_ERR("ftrace-c: invalid --relative-timestamps argument: ''\n" TRY,
		  "--relative-timestamps=", "ls");
	PARSE_ERR("ftrace-c: invalid --syscall-times argument: 'precision:ms'\n" TRY,
		  "--syscall-times=precision:ms", "ls");
	PARSE_ERR("ftrace-c: -t and --absolute-timestamps cannot be provided simultaneously\n",
		  "-tt", "--timestamps", "ls");
	PARSE_ERR("ftrace-c: -t and --absolute-timestamps cannot be provided simultaneously\n",
		  "--absolute-timestamps=none", "-t", "ls");
	/* a bad -s is reported first: the -t check follows the option loop */
	PARSE_ERR("ftrace-c: invalid -s argument: 'x'\n" TRY,
		  "-t", "--absolute-timestamps", "-s", "x", "ls");
}

static void
test_timestamp_parse(void **state)
{
	enum timestamp_format f = TIMESTAMP_NONE;
	int d = 0;

	(void)state;
	assert_int_equal(timestamp_parse_precision("s"), 0);
	assert_int_equal(timestamp_parse_precision("MS"), 3);
	assert_int_equal(timestamp_parse_precision("us"), 6);
	assert_int_equal(timestamp_parse_precision("Ns"), 9);
	assert_int_equal(timestamp_parse_precision(""), -1);
	assert_int_equal(timestamp_parse_precision("sec"), -1);

	assert_int_equal(timestamp_parse_absolute(",UNIX,,ms,", &f, &d), 0);
	assert_int_equal(f, TIMESTAMP_UNIX);
	assert_int_equal(d, 3);
	assert_int_equal(timestamp_parse_absolute("us,Format:time", &f, &d), 0);
	assert_int_equal(f, TIMESTAMP_TIME);
	assert_int_equal(d, 6);
	/* a failed parse changes nothing */
	assert_int_equal(timestamp_parse_absolute("unix,xs", &f, &d), -1);
	assert_int_equal(f, TIMESTAMP_TIME);
	assert_int_equal(d, 6);
	assert_int_equal(timestamp_parse_absolute("format:ns", &f, &d), -1);
	assert_int_equal(timestamp_parse_absolute("time:us", &f, &d), -1);
	f = TIMESTAMP_NONE;
	assert_int_equal(timestamp_parse_absolute("none,ns", &f, &d), 0);
	assert_int_equal(f, TIMESTAMP_NONE);
	assert_int_equal(d, 9);
}

static void
test_timestamp_format(void **state)
{
	struct timespec t = { .tv_sec = 1795427669, .tv_nsec = 512213987 };
	struct timespec d = { .tv_sec = 0, .tv_nsec = 715999 };
	struct timespec a = { 5, 100 }, b = { 3, 200 };
	char buf[64];

	(void)state;
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_UNIX, 0);
	assert_string_equal(buf, "1795427669");
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_UNIX, 3);
	assert_string_equal(buf, "1795427669.512");
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_UNIX, 6);
	assert_string_equal(buf, "1795427669.512213");
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_UNIX, 9);
	assert_string_equal(buf, "1795427669.512213987");
	assert_int_equal(timestamp_format_absolute(buf, sizeof(buf), &t,
						   TIMESTAMP_NONE, 6), 0);
	assert_string_equal(buf, "");
	setenv("TZ", "UTC", 1);
	tzset();
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_TIME, 0);
	assert_string_equal(buf, "09:54:29");
	timestamp_format_absolute(buf, sizeof(buf), &t, TIMESTAMP_TIME, 9);
	assert_string_equal(buf, "09:54:29.512213987");

	timestamp_format_duration(buf, sizeof(buf), &d, 6, 6);
	assert_string_equal(buf, "     0.000715");
	timestamp_format_duration(buf, sizeof(buf), &d, 6, 0);
	assert_string_equal(buf, "     0");
	timestamp_format_duration(buf, sizeof(buf), &d, 0, 3);
	assert_string_equal(buf, "0.000");
	timestamp_format_duration(buf, sizeof(buf), &d, 0, 9);
	assert_string_equal(buf, "0.000715999");
	d = timestamp_sub(&a, &b);
	assert_int_equal(d.tv_sec, 1);
	assert_int_equal(d.tv_nsec, 999999900);
}

static void
test_build_env(void **state)
{
	char *env[] = { "A=1", "B=2", "A=dup", "PATH=/bin", NULL };
	char *ops[] = { "B=3", "A", "C=4", "=x", "", "PATH=/usr/bin:/bin" };
	char **out;

	(void)state;
	out = spawn_build_env(env, ops, 6);
	assert_non_null(out);
	assert_string_equal(out[0], "B=3");
	assert_string_equal(out[1], "PATH=/usr/bin:/bin");
	assert_string_equal(out[2], "C=4");
	assert_string_equal(out[3], "=x");
	assert_null(out[4]);
	free(out);
	/* unset then set again: added at the end */
	out = spawn_build_env(env, (char *[]){ "B", "B=5" }, 2);
	assert_string_equal(out[0], "A=1");
	assert_string_equal(out[1], "A=dup");
	assert_string_equal(out[2], "PATH=/bin");
	assert_string_equal(out[3], "B=5");
	assert_null(out[4]);
	free(out);
}

/* -ff streams, written to a scratch directory. */
static char dir[64];
static char base[128];

static char *
slurp(pid_t tid)
{
	static char text[64 * 1024];
	char path[256];
	FILE *f;
	size_t n;

	snprintf(path, sizeof(path), "%s.%d", base, tid);
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

static unsigned
count_files(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	unsigned n = 0;

	while ((de = readdir(d)))
		n += de->d_name[0] != '.';
	closedir(d);
	return n;
}

static void
clean_dir(void)
{
	DIR *d = opendir(dir);
	struct dirent *de;
	char path[512];

	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "%s/%s", dir, de->d_name);
		unlink(path);
	}
	closedir(d);
}

static void
ff_setup(void)
{
	char **v = ARGV("-ff", "-o", base, "ls");

	assert_int_equal(parse_cap(ARGC(ARGV("-ff", "-o", base, "ls")), v,
				   &opts), OPTIONS_RUN);
	out_set_prefix(true);
	out_open(opts.outfile);
}

static void
line(struct tracee *t, const char *text)
{
	out_select(t);
	out_line_start(t);
	out_puts(text);
	out_line_end();
}

/* The printf-free "[pid %5d] " prefix and "= %lld" result (out_dec). */
static void
test_out_dec(void **state)
{
	static const long long v[] = { 0, 7, -1, 12345, -4096, 9223372036854775807LL,
					-9223372036854775807LL - 1 };
	struct tracee a = { .tid = 42 }, b = { .tid = 1234567 };
	char path[64], want[1024], got[1024];
	size_t i, len = 0, n;
	FILE *f;

	(void)state;
	memset(&opts, 0, sizeof(opts));
	snprintf(path, sizeof(path), "/tmp/ftrace-ut-dec.%d", (int)getpid());
	out_set_prefix(true);
	out_open(path);
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		struct tracee *t = i % 2 ? &b : &a;

		out_select(t);
		out_line_start(t);
		out_dec(v[i]);
		out_line_end();
		len += (size_t)snprintf(want + len, sizeof(want) - len,
					"[pid %5d] %lld\n", t->tid, v[i]);
	}
	out_line_forget(&a);
	out_line_forget(&b);
	out_close();
	f = fopen(path, "r");
	assert_non_null(f);
	n = fread(got, 1, sizeof(got) - 1, f);
	got[n] = '\0';
	fclose(f);
	unlink(path);
	assert_string_equal(got, want);
}

static void
test_ff_streams(void **state)
{
	struct tracee a = { .tid = 4101 }, b = { .tid = 4102 };

	(void)state;
	snprintf(dir, sizeof(dir), "/tmp/ftrace-ut.XXXXXX");
	assert_non_null(mkdtemp(dir));
	snprintf(base, sizeof(base), "%s/trace", dir);
	ff_setup();

	/* interleaved lines never cut each other: each has its own file */
	out_select(&a);
	out_line_start(&a);
	out_puts("read(0, ");
	line(&b, "getpid()                                = 4102");
	out_select(&a);
	assert_true(out_line_owner_is(&a));
	assert_false(out_line_owner_is(&b));
	out_puts("\"\", 1)");
	out_tab_result();
	out_puts("= 0");
	out_line_end();
	/* nothing is written before the stream is flushed */
	assert_string_equal(slurp(4101), "");
	out_line_forget(&a);
	assert_null(a.out);
	assert_string_equal(slurp(4101),
			    "read(0, \"\", 1)                          = 0\n");

	/* b execs from a non-leader thread c: c takes b's file */
	struct tracee c = { .tid = 4103 };

	out_select(&c);
	out_line_start(&c);
	out_puts("execve(\"/bin/true\", [\"true\"], 0x1 /* 1 var */");
	line(&b, "+++ superseded by execve in pid 4103 +++");
	out_exec_takeover(&c, &b);
	out_line_forget(&b);
	c.tid = 4102;
	out_select(&c);
	assert_false(out_line_owner_is(&c));
	out_line_start(&c);
	out_puts("<... execve resumed>)");
	out_tab_result();
	out_puts("= 0");
	out_line_end();
	out_line_forget(&c);
	assert_string_equal(slurp(4103),
			    "execve(\"/bin/true\", [\"true\"], 0x1 /* 1 var */ <pid changed to 4102 ...>\n");
	assert_string_equal(slurp(4102),
			    "getpid()                                = 4102\n"
			    "+++ superseded by execve in pid 4103 +++\n"
			    "<... execve resumed>)                   = 0\n");
	assert_int_equal(count_files(), 3);
	out_close();
	clean_dir();
}

/* More live streams than descriptors allowed: evicted ones reopen. */
static void
test_ff_eviction(void **state)
{
	enum { N = 150 };
	static struct tracee t[N];
	struct rlimit old, low = { 100, 100 };
	char want[64];
	unsigned i, round;

	(void)state;
	assert_int_equal(getrlimit(RLIMIT_NOFILE, &old), 0);
	low.rlim_max = old.rlim_max;
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &low), 0);
	ff_setup();
	for (i = 0; i < N; i++)
		t[i] = (struct tracee){ .tid = (pid_t)(5000 + i) };
	/* each round flushes every stream (2 lines of 10 KiB > 16 KiB) */
	for (round = 0; round < 2; round++) {
		for (i = 0; i < N; i++) {
			static char big[10 * 1024];

			memset(big, 'x', sizeof(big) - 1);
			line(&t[i], big);
			snprintf(want, sizeof(want), "round %u", round);
			line(&t[i], want);
		}
	}
	for (i = 0; i < N; i++)
		out_line_forget(&t[i]);
	assert_int_equal(setrlimit(RLIMIT_NOFILE, &old), 0);
	assert_int_equal(count_files(), N);
	for (i = 0; i < N; i++) {
		static char expect[24 * 1024];
		static char big[10 * 1024];
		char *text = slurp(t[i].tid);

		memset(big, 'x', sizeof(big) - 1);
		snprintf(expect, sizeof(expect), "%s\nround 0\n%s\nround 1\n",
			 big, big);
		assert_non_null(text);
		assert_string_equal(text, expect);
	}
	out_close();
	clean_dir();
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_options),
		cmocka_unit_test(test_user_env_detach_options),
		cmocka_unit_test(test_timestamp_options),
		cmocka_unit_test(test_timestamp_parse),
		cmocka_unit_test(test_timestamp_format),
		cmocka_unit_test(test_build_env),
		cmocka_unit_test(test_out_dec),
		cmocka_unit_test(test_ff_streams),
		cmocka_unit_test(test_ff_eviction),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
