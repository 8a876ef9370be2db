/*
 * test_status_filter.c - held syscall lines for -e status=, -z, -Z
 * (src/status_filter.c and the stage of src/output.c): what is printed,
 * dropped, cut and continued, byte for byte as strace 6.1 prints it.
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

#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "status_filter.h"
#include "tracee.h"

static char log_path[64];
static char text[4096];
static struct tracee a, b;

static int
setup(void **state)
{
	int fd;

	(void)state;
	strcpy(log_path, "/tmp/ftrace-test-status-XXXXXX");
	fd = mkstemp(log_path);
	if (fd < 0)
		return -1;
	close(fd);
	opts = (struct options){ .follow_forks = true, .outfile = log_path,
				 .status = STATUS_SUCCESSFUL };
	out_open(log_path);
	out_set_prefix(true);
	a = (struct tracee){ .tid = 100 };
	b = (struct tracee){ .tid = 200 };
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	out_close();
	unlink(log_path);
	free(a.stage.data);
	free(b.stage.data);
	return 0;
}

/* Everything written so far, from the start of the log. */
static const char *
log_text(void)
{
	FILE *f;
	size_t n;

	out_flush();
	f = fopen(log_path, "r");
	assert_non_null(f);
	n = fread(text, 1, sizeof(text) - 1, f);
	text[n] = '\0';
	fclose(f);
	return text;
}

/* The entry part of a syscall, held. */
static void
entry(struct tracee *t, const char *s)
{
	status_filter_hold(t);
	out_line_start(t);
	out_puts(s);
	status_filter_pause();
}

/* The exit part: "rest) = result", then printed or dropped. */
static void
finish(struct tracee *t, const char *rest, const char *result, unsigned outcome)
{
	status_filter_hold(t);
	out_puts(rest);
	out_tab_result();
	out_puts(result);
	out_line_end();
	status_filter_release(t, outcome);
}

static void
exit_line(struct tracee *t)
{
	out_line_start_exit(t);
	out_puts("+++ exited with 0 +++");
	out_line_end();
}

static void
test_decisions(void **state)
{
	(void)state;
	assert_int_equal(status_filter_outcome(false), STATUS_SUCCESSFUL);
	assert_int_equal(status_filter_outcome(true), STATUS_FAILED);
	assert_true(status_filter_shows(STATUS_SUCCESSFUL));
	assert_false(status_filter_shows(STATUS_FAILED));
	assert_false(status_filter_shows(STATUS_UNFINISHED));
	opts.status = 0;	/* no filter: everything shows */
	assert_true(status_filter_shows(STATUS_DETACHED));
}

/* Held lines do not cut each other: each comes out whole, in exit order. */
static void
test_held_lines_whole(void **state)
{
	(void)state;
	entry(&a, "read(0, ");
	entry(&b, "close(3");
	finish(&b, "", "= 0", STATUS_SUCCESSFUL);
	finish(&a, "\"x\", 1)", "= 1", STATUS_SUCCESSFUL);
	assert_string_equal(log_text(),
		"[pid   200] close(3                     = 0\n"
		"[pid   100] read(0, \"x\", 1)             = 1\n");
}

/* Outcomes outside the set leave nothing, not even a cut mark. */
static void
test_dropped(void **state)
{
	(void)state;
	entry(&a, "openat(AT_FDCWD, \"/x\", O_RDONLY");
	exit_line(&b);
	finish(&a, ")", "= -1 ENOENT (No such file or directory)", STATUS_FAILED);
	entry(&b, "exit_group(0");
	finish(&b, ")", "= ?", STATUS_UNFINISHED);
	assert_string_equal(log_text(), "[pid   200] +++ exited with 0 +++\n");
}

/*
 * A line that is not held (an exit, a signal) cuts the open held line:
 * " <unfinished ...>", then the rest at column 0 with no resumed header.
 */
static void
test_cut_by_exit_line(void **state)
{
	(void)state;
	entry(&a, "wait4(200, ");
	exit_line(&b);
	finish(&a, "NULL, 0, NULL)", "= 200", STATUS_SUCCESSFUL);
	assert_string_equal(log_text(),
		"[pid   200] +++ exited with 0 +++\n"
		"[pid   100] wait4(200,  <unfinished ...>\n"
		"NULL, 0, NULL)                          = 200\n");
}

/*
 * Only the last line started is open, and a held line that ends closes
 * it: an earlier held line is not cut by what follows.
 */
static void
test_only_open_line_cut(void **state)
{
	(void)state;
	entry(&a, "read(0, ");
	entry(&b, "pause(");
	finish(&b, ")", "= ?", STATUS_UNFINISHED);	/* dropped */
	exit_line(&b);
	finish(&a, "\"\", 1)", "= 0", STATUS_SUCCESSFUL);
	assert_string_equal(log_text(),
		"[pid   200] +++ exited with 0 +++\n"
		"[pid   100] read(0, \"\", 1)              = 0\n");
}

/* An exec from a non-leader thread: a "detached" part, then a resumed line. */
static void
test_exec_cut(void **state)
{
	(void)state;
	opts.status = STATUS_SUCCESSFUL | STATUS_DETACHED;
	entry(&a, "execve(\"/bin/true\", [\"true\"], 0x1 /* 1 var */");
	a.entry_shown = true;
	status_filter_cut(&a);
	assert_true(status_filter_was_cut(&a));
	assert_false(status_filter_was_cut(&a));
	status_filter_hold(&a);
	out_line_start(&a);
	out_puts("<... execve resumed>");
	finish(&a, ")", "= 0", STATUS_SUCCESSFUL);
	assert_string_equal(log_text(),
		"[pid   100] execve(\"/bin/true\", [\"true\"], 0x1 /* 1 var */ <unfinished ...>\n"
		"[pid   100] <... execve resumed>)       = 0\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_decisions, setup, teardown),
		cmocka_unit_test_setup_teardown(test_held_lines_whole, setup, teardown),
		cmocka_unit_test_setup_teardown(test_dropped, setup, teardown),
		cmocka_unit_test_setup_teardown(test_cut_by_exit_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_only_open_line_cut, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_cut, setup, teardown),
	};

	return cmocka_run_group_tests_name("status_filter", tests, NULL, NULL);
}
