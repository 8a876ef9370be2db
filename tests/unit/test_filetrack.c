/*
 * test_filetrack.c - --files (src/filetrack.c, src/filetrack_report.c):
 * the fd tables through synthetic syscall exits: open/openat/creat,
 * dup/dup2/dup3/fcntl F_DUPFD(_CLOEXEC)/F_SETFD, close, close_range,
 * pipe2, fork (copied table), CLONE_FILES (shared table), exec
 * (close-on-exec fds dropped), failed lookups, relative paths, and the
 * report.  The tracee is this process: path arguments are read from our
 * own memory.  Fd numbers start at 500, so that the /proc fallback for
 * unknown fds finds nothing of ours.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "filetrack.h"
#include "ftrace.h"
#include "syscall_info.h"
#include "sysent.h"
#include "tracee.h"

#ifndef CLOSE_RANGE_CLOEXEC
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

static uint64_t
P(const char *s)
{
	return (uint64_t)(uintptr_t)s;
}

/* One syscall of t that returned rval (negative: -errno). */
static void
sc(struct tracee *t, enum sysent_id id, int64_t rval, uint64_t a0,
   uint64_t a1, uint64_t a2, uint64_t a3)
{
	struct sc_rec rec = { .op = SC_OP_EXIT, .arch = ARCH_X86_64,
			      .rval = rval, .is_error = rval < 0 };

	t->ent = &sysent_table[id];
	t->entry = (struct sc_rec){ .op = SC_OP_ENTRY, .arch = ARCH_X86_64,
				    .args = { a0, a1, a2, a3 } };
	filetrack_on_entry(t, &t->entry);
	filetrack_on_exit(t, &rec);
}

static const struct filetrack_file *
find(const char *path)
{
	const struct filetrack_file **v, *f = NULL;
	unsigned n = filetrack_sorted(&v, FILES_SORT_PATH), i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i]->path, path) == 0)
			f = v[i];
	free(v);
	return f;
}

static struct tracee *
setup(void)
{
	tracee_remove_all();
	filetrack_reset();
	opts = (struct options){ .max_strlen = 32, .files = true };
	return tracee_add(getpid(), NULL);
}

static void
test_normalize(void **state)
{
	static const char *const cases[][2] = {
		{ "/", "/" }, { "//a//b/", "/a/b" }, { "/a/./b/../c", "/a/c" },
		{ "/../..", "/" }, { "/a/b/../../..", "/" }, { "/a/.b/..c", "/a/.b/..c" },
		{ "/tmp/x/", "/tmp/x" },
	};
	char buf[64];
	unsigned i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		strcpy(buf, cases[i][0]);
		filetrack_normalize(buf);
		assert_string_equal(buf, cases[i][1]);
	}
}

static void
test_dup_and_close(void **state)
{
	struct tracee *t = setup();
	const struct filetrack_file *f;

	(void)state;
	sc(t, SC_openat, 500, (uint64_t)AT_FDCWD, P("/ft/a//x/../a.txt"),
	   O_WRONLY | O_CREAT | O_TRUNC, 0);
	sc(t, SC_write, 100, 500, 0, 100, 0);
	sc(t, SC_dup, 501, 500, 0, 0, 0);
	sc(t, SC_write, 50, 501, 0, 50, 0);
	sc(t, SC_dup2, 510, 500, 510, 0, 0);
	sc(t, SC_fcntl, 520, 500, F_DUPFD_CLOEXEC, 520, 0);
	sc(t, SC_close, 0, 500, 0, 0, 0);
	/* the copies still write to it, the closed fd no more */
	sc(t, SC_write, 7, 510, 0, 7, 0);
	sc(t, SC_pwrite64, 3, 520, 0, 3, 0);
	sc(t, SC_write, 9, 500, 0, 9, 0);
	/* a failed write counts nothing */
	sc(t, SC_write, -EBADF, 510, 0, 1, 0);
	f = find("/ft/a/a.txt");
	assert_non_null(f);
	assert_int_equal(f->writes, 4);
	assert_int_equal(f->write_bytes, 160);
	assert_int_equal(f->opens, 1);
	assert_int_equal(f->nusers, 1);
	assert_int_equal(f->users[0].pid, getpid());
	assert_int_equal(f->access, FT_WRITE | FT_CREATE | FT_TRUNC);
	tracee_remove_all();
}

static void
test_fork_clone_files_exec(void **state)
{
	struct tracee *t = setup(), *child, *sharer;
	const struct filetrack_file *f;
	int pipefds[2] = { 530, 531 };

	(void)state;
	sc(t, SC_open, 500, P("/ft/b"), O_RDWR | O_CLOEXEC, 0, 0);
	sc(t, SC_dup3, 501, 500, 501, O_CLOEXEC, 0);
	sc(t, SC_dup2, 502, 500, 502, 0, 0);
	sc(t, SC_fcntl, 503, 500, F_DUPFD, 503, 0);
	sc(t, SC_fcntl, 0, 503, F_SETFD, FD_CLOEXEC, 0);
	sc(t, SC_pipe2, 0, P((char *)pipefds), O_CLOEXEC, 0, 0);
	/* a forked child gets a copy: its close is its own */
	child = tracee_add(getpid() + 100000, NULL);
	filetrack_on_child(t, child, 0);
	sc(child, SC_close, 0, 502, 0, 0, 0);
	sc(child, SC_read, 11, 501, 0, 11, 0);
	sc(t, SC_read, 5, 502, 0, 5, 0);
	/* a CLONE_FILES child shares the table: its close is ours too */
	sharer = tracee_add(getpid() + 100001, NULL);
	filetrack_on_child(t, sharer, CLONE_VM | CLONE_FILES);
	sc(sharer, SC_close, 0, 503, 0, 0, 0);
	sc(t, SC_read, 1000, 503, 0, 1000, 0);
	/* a pipe is not a file */
	sc(t, SC_write, 4, 531, 0, 4, 0);
	/* exec: 500 and 501 (close-on-exec) go, 502 stays */
	filetrack_on_exec(t);
	sc(t, SC_read, 100, 500, 0, 100, 0);
	sc(t, SC_read, 100, 501, 0, 100, 0);
	sc(t, SC_read, 2, 502, 0, 2, 0);
	/* the sharer kept the table it shared; exec unshared ours */
	sc(sharer, SC_read, 3, 501, 0, 3, 0);
	f = find("/ft/b");
	assert_non_null(f);
	assert_int_equal(f->reads, 4);
	assert_int_equal(f->read_bytes, 11 + 5 + 2 + 3);
	assert_int_equal(f->writes, 0);
	assert_int_equal(f->access, FT_READ | FT_WRITE);
	tracee_remove_all();
}

static void
test_close_range_and_failures(void **state)
{
	struct tracee *t = setup();
	const struct filetrack_file *f;
	char cwd[4096], path[4200];

	(void)state;
	sc(t, SC_creat, 500, P("/ft/c"), 0644, 0, 0);
	sc(t, SC_dup, 501, 500, 0, 0, 0);
	sc(t, SC_close_range, 0, 501, 501, CLOSE_RANGE_CLOEXEC, 0);
	sc(t, SC_close_range, 0, 500, 500, 0, 0);
	sc(t, SC_write, 1, 500, 0, 1, 0);
	sc(t, SC_write, 2, 501, 0, 2, 0);
	filetrack_on_exec(t);
	sc(t, SC_write, 4, 501, 0, 4, 0);
	f = find("/ft/c");
	assert_int_equal(f->write_bytes, 2);
	assert_int_equal(f->access, FT_WRITE | FT_CREATE | FT_TRUNC);
	/* failed lookups by errno; a relative path from the cwd */
	sc(t, SC_openat, -ENOENT, (uint64_t)AT_FDCWD, P("nope.h"), O_RDONLY, 0);
	sc(t, SC_stat, -ENOENT, P("nope.h"), 0, 0, 0);
	sc(t, SC_access, -EACCES, P("nope.h"), R_OK, 0, 0);
	sc(t, SC_stat, 0, P("/ft/c"), 0, 0, 0);
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(path, sizeof(path), "%s/nope.h", strcmp(cwd, "/") ? cwd : "");
	f = find(path);
	assert_non_null(f);
	assert_int_equal(f->failed, 3);
	assert_int_equal(f->nerrs, 2);
	assert_int_equal(f->errs[0].err, ENOENT);
	assert_int_equal(f->errs[0].count, 2);
	assert_int_equal(f->errs[1].err, EACCES);
	assert_int_equal(find("/ft/c")->other, 1);
	/* openat relative to a directory fd */
	sc(t, SC_open, 600, P("/ft/dir"), O_RDONLY | O_DIRECTORY, 0, 0);
	sc(t, SC_openat, 601, 600, P("sub/../d.txt"), O_RDONLY, 0);
	sc(t, SC_read, 42, 601, 0, 42, 0);
	assert_int_equal(find("/ft/dir/d.txt")->read_bytes, 42);
	tracee_remove_all();
}

static void
report(FILE *f)
{
	filetrack_print(f, FILES_SORT_BYTES);
}

static void
test_report(void **state)
{
	struct tracee *t = setup();
	static char *buf;
	static size_t len;
	FILE *f;
	char want[2048];

	(void)state;
	sc(t, SC_open, 500, P("/ft/small"), O_RDONLY, 0, 0);
	sc(t, SC_read, 10, 500, 0, 10, 0);
	sc(t, SC_open, 501, P("/ft/big"), O_WRONLY | O_APPEND, 0, 0);
	sc(t, SC_write, 4096, 501, 0, 4096, 0);
	sc(t, SC_stat, -ENOENT, P("/ft/none"), 0, 0, 0);
	f = open_memstream(&buf, &len);
	report(f);
	fclose(f);
	snprintf(want, sizeof(want),
		"  read-bytes    reads  write-bytes   writes  opens  other failed acc   path\n"
		"------------ -------- ------------ -------- ------ ------ ------ ----- ----\n"
		"           0        0         4096        1      1      0      0 -w--- /ft/big\n"
		"        by %d -w---\n"
		"          10        1            0        0      1      0      0 r---- /ft/small\n"
		"        by %d r----\n"
		"           0        0            0        0      0      0      1 ----- /ft/none\n"
		"        failed ENOENT x1\n"
		"------------ -------- ------------ -------- ------ ------ ------ ----- ----\n"
		"          10        1         4096        1      2      0      1       total (3 paths)\n",
		getpid(), getpid());
	assert_string_equal(buf, want);
	free(buf);
	tracee_remove_all();
	filetrack_reset();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_normalize),
		cmocka_unit_test(test_dup_and_close),
		cmocka_unit_test(test_fork_clone_files_exec),
		cmocka_unit_test(test_close_range_and_failures),
		cmocka_unit_test(test_report),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
