/*
 * test_filter.c - syscall set expressions (src/filter.c) and the -e
 * options that use them (src/options.c).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filter.h"
#include "options.h"
#include "pathfilter.h"

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
	/* strace 6.1's wording, checked against strace itself */
	assert_int_equal(parse("nosuch"), -1);
	assert_string_equal(err, "invalid system call 'nosuch'");
	assert_int_equal(parse("read,%nosuch"), -1);
	assert_string_equal(err, "invalid system call '%nosuch'");
	assert_int_equal(parse("%%nosuch"), -1);
	assert_string_equal(err, "invalid system call '%%nosuch'");
	assert_int_equal(parse("!nosuch"), -1);
	assert_string_equal(err, "invalid system call 'nosuch'");
	assert_int_equal(parse(""), -1);
	assert_string_equal(err, "invalid system call ''");
	/* nothing named at all: the whole argument is quoted */
	assert_int_equal(parse("!"), -1);
	assert_string_equal(err, "invalid system call '!'");
	assert_int_equal(parse(","), -1);
	assert_string_equal(err, "invalid system call ','");
	assert_int_equal(parse("!,"), -1);
	assert_string_equal(err, "invalid system call '!,'");
	assert_int_equal(parse("%"), -1);
	assert_string_equal(err, "invalid system call '%'");
	/* "none" only works alone; "all" also inside a list */
	assert_int_equal(parse("read,none"), -1);
	assert_string_equal(err, "invalid system call 'none'");
	/* a regex that matches nothing is an unknown name */
	assert_int_equal(parse("/^zzz"), -1);
	assert_string_equal(err, "invalid system call '/^zzz'");
	assert_int_equal(parse("/["), -1);
	assert_string_equal(err, "regcomp: [: Invalid regular expression");
	assert_int_equal(parse("?/["), -1);
	/* classes without '%': only the seven old ones */
	assert_int_equal(parse("creds"), -1);
	assert_int_equal(parse("pure"), -1);
	assert_int_equal(parse("clock"), -1);
	assert_int_equal(parse("net"), -1);
	assert_int_equal(parse("%FILE"), -1);
	/* numbers: decimal, within some table */
	assert_int_equal(parse("500"), -1);
	assert_string_equal(err, "invalid system call '500'");
	assert_int_equal(parse("0x1"), -1);
	assert_int_equal(parse("1a"), -1);
	assert_int_equal(parse(" read"), -1);
	assert_int_equal(parse("trace=read"), -1);
}

static void
test_strace_grammar(void **state)
{
	(void)state;
	/* each leading '!' turns the set around */
	assert_int_equal(parse("!!close"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("read")));
	assert_int_equal(parse("!none"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("read")));
	/* "all" inside a list, and "!" before it */
	assert_int_equal(parse("read,all"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("mmap")));
	assert_int_equal(parse("!read,all"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("mmap")));
	/* '?' (any number of them) forgives a token that names nothing */
	assert_int_equal(parse("??nosuch,close"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_int_equal(parse("?none"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_int_equal(parse("?!close"), 0);
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_int_equal(parse("?/^zzz,?%nosuch,?"), 0);
	/* empty tokens are skipped */
	assert_int_equal(parse(",read,,close,"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("read")));
	/* "/" alone matches everything */
	assert_int_equal(parse("/"), 0);
	assert_true(sc_set_has(&set, ARCH_AARCH64, A64("openat")));
	/* numbers: that number on each arch */
	assert_int_equal(parse("0,3"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("read")));
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("close")));
	assert_true(sc_set_has(&set, ARCH_I386, I386("restart_syscall")));
	assert_false(sc_set_has(&set, ARCH_X86_64, X64("write")));
	assert_int_equal(parse("450"), 0);
	/* "stat" without '%' is the syscall, not the class */
	assert_int_equal(parse("stat"), 0);
	assert_true(sc_set_has(&set, ARCH_X86_64, X64("stat")));
	assert_false(sc_set_has(&set, ARCH_I386, I386("stat64")));
	assert_int_equal(parse("%stat"), 0);
	assert_true(sc_set_has(&set, ARCH_I386, I386("stat64")));
	assert_int_equal(parse("network,desc,file,process,signal,ipc,memory"), 0);
}

/* Every class by name, against members strace 6.1 puts in it on x86_64. */
static void
test_every_class(void **state)
{
	static const struct {
		const char *cls, *in, *out;
	} t[] = {
		{ "%file", "openat", "read" },     { "%desc", "read", "getpid" },
		{ "%process", "execve", "read" },  { "%network", "accept4", "read" },
		{ "%net", "socket", "read" },      { "%signal", "rt_sigprocmask", "read" },
		{ "%ipc", "shmat", "read" },       { "%memory", "brk", "read" },
		{ "%creds", "setresuid", "getpid" }, { "%clock", "clock_gettime", "nanosleep" },
		{ "%stat", "stat", "lstat" },      { "%lstat", "lstat", "stat" },
		{ "%fstat", "newfstatat", "stat" }, { "%%stat", "statx", "statfs" },
		{ "%statfs", "statfs", "fstatfs" }, { "%fstatfs", "fstatfs", "statfs" },
		{ "%%statfs", "fstatfs", "stat" },  { "%pure", "getppid", "getrandom" },
	};
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		assert_int_equal(parse(t[i].cls), 0);
		assert_true(sc_set_has(&set, ARCH_X86_64, X64(t[i].in)));
		assert_false(sc_set_has(&set, ARCH_X86_64, X64(t[i].out)));
	}
}

static void
test_signal_sets(void **state)
{
	struct sig_set s;

	(void)state;
	assert_int_equal(sig_set_parse(&s, "SIGUSR1,usr2,sigchld,9,SIGRTMIN,RT_1", err, sizeof(err)), 0);
	assert_true(sig_set_has(&s, SIGUSR1));
	assert_true(sig_set_has(&s, SIGUSR2));
	assert_true(sig_set_has(&s, SIGCHLD));
	assert_true(sig_set_has(&s, 9));
	assert_true(sig_set_has(&s, 32));
	assert_true(sig_set_has(&s, 33));
	assert_false(sig_set_has(&s, SIGSEGV));
	assert_int_equal(sig_set_parse(&s, "!SIGUSR1", err, sizeof(err)), 0);
	assert_false(sig_set_has(&s, SIGUSR1));
	assert_true(sig_set_has(&s, SIGSEGV));
	assert_true(sig_set_has(&s, 255));
	assert_int_equal(sig_set_parse(&s, "none", err, sizeof(err)), 0);
	assert_false(sig_set_has(&s, SIGSEGV));
	assert_int_equal(sig_set_parse(&s, "!none", err, sizeof(err)), 0);
	assert_true(sig_set_has(&s, SIGSEGV));
	assert_int_equal(sig_set_parse(&s, "all", err, sizeof(err)), 0);
	assert_true(sig_set_has(&s, 0));
	assert_int_equal(sig_set_parse(&s, "010", err, sizeof(err)), 0);
	assert_true(sig_set_has(&s, 10));
	/* strace's errors */
	assert_int_equal(sig_set_parse(&s, "256", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid signal '256'");
	assert_int_equal(sig_set_parse(&s, "USR1,all", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid signal 'all'");
	assert_int_equal(sig_set_parse(&s, "SIGPOLL", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "SIGRTMAX", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "RTMIN+1", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "SIG", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "?USR1", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "-1", err, sizeof(err)), -1);
	assert_int_equal(sig_set_parse(&s, "", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid signal ''");
	assert_int_equal(sig_set_parse(&s, "!", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid signal '!'");
}

static void
test_status_quiet_words(void **state)
{
	unsigned b;

	(void)state;
	assert_int_equal(filter_parse_status(&b, "successful,failed", err, sizeof(err)), 0);
	assert_int_equal(b, STATUS_SUCCESSFUL | STATUS_FAILED);
	assert_int_equal(filter_parse_status(&b, "!failed", err, sizeof(err)), 0);
	assert_int_equal(b, STATUS_ALL & ~STATUS_FAILED);
	assert_int_equal(filter_parse_status(&b, "unfinished,unavailable,detached", err, sizeof(err)), 0);
	assert_int_equal(b, STATUS_UNFINISHED | STATUS_UNAVAILABLE | STATUS_DETACHED);
	assert_int_equal(filter_parse_status(&b, "all", err, sizeof(err)), 0);
	assert_int_equal(b, STATUS_ALL);
	assert_int_equal(filter_parse_status(&b, "none", err, sizeof(err)), 0);
	assert_int_equal(b, 0);
	assert_int_equal(filter_parse_status(&b, "failed,foo", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid status 'foo'");
	assert_int_equal(filter_parse_status(&b, "", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid status ''");

	assert_int_equal(filter_parse_quiet(&b, "attach,exit", err, sizeof(err)), 0);
	assert_int_equal(b, QUIET_ATTACH | QUIET_EXIT);
	assert_int_equal(filter_parse_quiet(&b, "superseded", err, sizeof(err)), 0);
	assert_int_equal(b, QUIET_THREAD_EXECVE);
	assert_int_equal(filter_parse_quiet(&b, "thread-execve,path-resolution,personality", err, sizeof(err)), 0);
	assert_int_equal(b, QUIET_THREAD_EXECVE | QUIET_PATH_RESOLUTION | QUIET_PERSONALITY);
	assert_int_equal(filter_parse_quiet(&b, "!exit", err, sizeof(err)), 0);
	assert_int_equal(b, QUIET_ALL & ~QUIET_EXIT);
	assert_int_equal(filter_parse_quiet(&b, "exited", err, sizeof(err)), -1);
	assert_string_equal(err, "invalid quiet 'exited'");
}

/* -e through the option parser: replacement, qualifiers, -v, -q, -z */
static void
test_options(void **state)
{
	struct options o;
	char *v1[] = { "ftrace-c", "-e", "trace=open", "-e", "close", "-e",
		       "raw=read", "--abbrev=none", "true", NULL };
	char *v2[] = { "ftrace-c", "-v", "true", NULL };
	char *v3[] = { "ftrace-c", "-e", "foo=bar", "true", NULL };
	char *v4[] = { "ftrace-c", "-e", "signal=USR1", "--status=failed",
		       "-z", "-e", "q=attach", "true", NULL };
	char *v5[] = { "ftrace-c", "-q", "true", NULL };
	char *v6[] = { "ftrace-c", "-qq", "true", NULL };
	char *v7[] = { "ftrace-c", "-qqq", "true", NULL };
	char *v8[] = { "ftrace-c", "-q", "--quiet=exit", "true", NULL };
	char *v9[] = { "ftrace-c", "-Z", "-e", "s=none", "--quiet", "true", NULL };
	int saved = dup(STDERR_FILENO);
	FILE *devnull = fopen("/dev/null", "w");

	(void)state;
	/* a second trace= replaces the first, as in strace 6.1 */
	assert_int_equal(options_parse(9, v1, &o), OPTIONS_RUN);
	assert_false(sc_set_has(o.trace, ARCH_X86_64, X64("open")));
	assert_true(sc_set_has(o.trace, ARCH_X86_64, X64("close")));
	assert_false(sc_set_has(o.trace, ARCH_X86_64, X64("read")));
	assert_true(sc_set_has(o.raw, ARCH_X86_64, X64("read")));
	assert_false(sc_set_has(o.abbrev, ARCH_X86_64, X64("read")));
	assert_null(o.deref);
	assert_null(o.signals);
	assert_int_equal(o.status, 0);
	assert_int_equal(o.quiet_set, 0);
	assert_int_equal(options_parse(3, v2, &o), OPTIONS_RUN);
	assert_true(o.verbose);
	assert_false(sc_set_has(o.abbrev, ARCH_X86_64, X64("newfstatat")));
	assert_int_equal(options_parse(8, v4, &o), OPTIONS_RUN);
	assert_true(sig_set_has(o.signals, SIGUSR1));
	assert_false(sig_set_has(o.signals, SIGUSR2));
	assert_int_equal(o.status, STATUS_SUCCESSFUL); /* the last one wins */
	assert_int_equal(o.quiet_set, QUIET_ATTACH);
	assert_int_equal(options_parse(3, v5, &o), OPTIONS_RUN);
	assert_int_equal(o.quiet_set, QUIET_ATTACH | QUIET_PERSONALITY);
	assert_int_equal(options_parse(3, v6, &o), OPTIONS_RUN);
	assert_int_equal(o.quiet_set, QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT);
	assert_int_equal(options_parse(3, v7, &o), OPTIONS_RUN);
	assert_int_equal(o.quiet_set, QUIET_ALL);
	dup2(fileno(devnull), STDERR_FILENO);
	/* an unknown qualifier is read as a syscall name, as strace does */
	assert_int_equal(options_parse(4, v3, &o), OPTIONS_ERROR);
	/* -q and --quiet=SET cannot be mixed */
	assert_int_equal(options_parse(4, v8, &o), OPTIONS_ERROR);
	dup2(saved, STDERR_FILENO);
	assert_int_equal(options_parse(6, v9, &o), OPTIONS_RUN);
	assert_int_equal(o.status, STATUS_FAILED);
	assert_false(sig_set_has(o.signals, SIGCHLD));
	assert_int_equal(o.quiet_set, QUIET_ATTACH | QUIET_PERSONALITY);
	close(saved);
	fclose(devnull);
}

/* -P: the paths as given, and resolved forms that differ */
static void
test_paths(void **state)
{
	struct options o;
	char dir[] = "/tmp/ftrace-pf.XXXXXX", file[64], link[64];
	char *v[] = { "ftrace-c", "-P", link, "--trace-path", file, "-P",
		      "/nonexistent/x", "-e", "quiet=path-resolution", "true",
		      NULL };
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(file, sizeof(file), "%s/file", dir);
	snprintf(link, sizeof(link), "%s/link", dir);
	f = fopen(file, "w");
	assert_non_null(f);
	fclose(f);
	assert_int_equal(symlink("file", link), 0);
	assert_int_equal(options_parse(10, v, &o), OPTIONS_RUN);
	assert_int_equal(o.path_count, 3);	/* link's target is file */
	assert_true(pathfilter_has(link));
	assert_true(pathfilter_has(file));
	assert_true(pathfilter_has("/nonexistent/x"));
	assert_false(pathfilter_has("file"));
	unlink(link);
	unlink(file);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_names),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_regex_negation_all_none),
		cmocka_unit_test(test_errors),
		cmocka_unit_test(test_strace_grammar),
		cmocka_unit_test(test_every_class),
		cmocka_unit_test(test_signal_sets),
		cmocka_unit_test(test_status_quiet_words),
		cmocka_unit_test(test_options),
		cmocka_unit_test(test_paths),
	};

	return cmocka_run_group_tests_name("filter", tests, NULL, NULL);
}
