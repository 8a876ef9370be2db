/*
 * test_audit_dispatch.c - the audit hooks in the real dispatcher
 * (src/trace.c) with a mocked ptrace: a fork event links the child to
 * its parent and copies the fd table, a thread whose first stop beats its
 * clone event is merged into its process, exits end the records, and the
 * syscall counts go to the right process.  The parent is this process, so
 * path arguments are read from our own memory.  And -p: a seized process
 * is recorded as attached at its first stop, whatever kind that is.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "filetrack.h"
#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "proctree.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)
#define EXITED(code)        (((code) & 0xff) << 8)
#define INTERRUPT_STOP      STOPPED(SIGTRAP, PTRACE_EVENT_STOP)

/* x86_64 numbers */
#define NR_write  1
#define NR_getpid 39
#define NR_clone  56
#define NR_fork   57
#define NR_openat 257

#include "mock_ptrace.h"
#include "dispatch_harness.h"

static char log_path[] = "/tmp/ftrace-test-ad-XXXXXX";

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

static const struct proctree_rec *recs[4];
static unsigned nrecs;

static void
collect(const struct proctree_rec *r, void *arg)
{
	(void)arg;
	if (nrecs < 4)
		recs[nrecs] = r;
	nrecs++;
}

static void
test_fork_thread_exit(void **state)
{
	pid_t parent = getpid(), child = parent + 100000, thread = parent + 100001;
	uint64_t args[6] = { 0 };
	static const char path[] = "/ft/dispatch.txt";
	const struct proctree_rec *r, *c;
	const struct filetrack_file *f;
	int fd = mkstemp(log_path);

	(void)state;
	assert_true(fd >= 0);
	close(fd);
	opts = (struct options){ .follow_forks = true, .max_strlen = 32,
				 .outfile = log_path, .files = true,
				 .quiet_set = QUIET_ATTACH | QUIET_PERSONALITY };
	out_open(log_path);
	out_set_prefix(true);
	proctree_enable(false);
	filetrack_reset();

	trace_handle_status(parent, INTERRUPT_STOP);
	dispatch_entry(parent, NR_getpid, args, 0);
	dispatch_exit(parent, parent, 0);
	args[0] = (uint64_t)AT_FDCWD;
	args[1] = (uint64_t)(uintptr_t)path;
	args[2] = O_WRONLY | O_CREAT;
	dispatch_entry(parent, NR_openat, args, 3);
	dispatch_exit(parent, 700, 0);
	/* fork: the child's first stop comes after the event here */
	dispatch_entry(parent, NR_fork, args, 0);
	next_eventmsg = (unsigned long)child;
	trace_handle_status(parent, STOPPED(SIGTRAP, PTRACE_EVENT_FORK));
	dispatch_exit(parent, child, 0);
	trace_handle_status(child, INTERRUPT_STOP);
	args[0] = 700;
	args[2] = 10;
	dispatch_entry(child, NR_write, args, 3);
	dispatch_exit(child, 10, 0);
	dispatch_entry(child, NR_write, args, 3);
	dispatch_exit(child, -9, 1);
	trace_handle_status(child, EXITED(3));
	/* a thread whose first stop beats its clone event, and a syscall */
	args[0] = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD;
	dispatch_entry(parent, NR_clone, args, 5);
	trace_handle_status(thread, INTERRUPT_STOP);
	dispatch_entry(thread, NR_getpid, args, 0);
	dispatch_exit(thread, parent, 0);
	next_eventmsg = (unsigned long)thread;
	trace_handle_status(parent, STOPPED(SIGTRAP, PTRACE_EVENT_CLONE));
	dispatch_exit(parent, thread, 0);
	trace_handle_status(thread, EXITED(0));
	trace_handle_status(parent, EXITED(0));
	proctree_finish();

	assert_int_equal(proctree_count(), 2);
	proctree_for_each(collect, NULL);
	assert_int_equal(nrecs, 2);
	r = recs[0];
	c = recs[1];
	assert_int_equal(r->pid, parent);
	assert_int_equal(r->end, PROCTREE_EXITED);
	assert_int_equal(r->status, 0);
	/* getpid, openat, fork, clone, and the thread's getpid */
	assert_int_equal(r->syscalls, 5);
	assert_int_equal(r->threads, 1);
	assert_int_equal(c->pid, child);
	assert_int_equal(c->ppid, parent);
	assert_ptr_equal(c->parent, r);
	assert_int_equal(c->syscalls, 2);
	assert_int_equal(c->failed, 1);
	assert_int_equal(c->end, PROCTREE_EXITED);
	assert_int_equal(c->status, 3);
	/* the child wrote through the fd its parent opened */
	f = find(path);
	assert_non_null(f);
	assert_int_equal(f->opens, 1);
	assert_int_equal(f->writes, 1);
	assert_int_equal(f->write_bytes, 10);
	assert_int_equal(f->users[0].pid, parent);
	out_close();
	unlink(log_path);
	tracee_remove_all();
	proctree_reset();
	filetrack_reset();
}

/* A thread as attach.c leaves it after PTRACE_SEIZE + PTRACE_INTERRUPT. */
static struct tracee *
seized(pid_t pid)
{
	struct tracee *t = tracee_add(pid, NULL);

	t->attached = true;
	t->grabbed = true;
	return t;
}

/* The one record of this test (this process's), after its stops. */
static const struct proctree_rec *
attach_record(int first_stop, int second_stop)
{
	pid_t me = getpid();
	int fd;

	strcpy(log_path, "/tmp/ftrace-test-ad-XXXXXX");
	fd = mkstemp(log_path);
	assert_true(fd >= 0);
	close(fd);
	opts = (struct options){ .follow_forks = true, .max_strlen = 32,
				 .outfile = log_path,
				 .quiet_set = QUIET_ATTACH | QUIET_PERSONALITY };
	out_open(log_path);
	proctree_enable(false);
	seized(me);
	next_eventmsg = (unsigned long)me;
	trace_handle_status(me, first_stop);
	assert_false(tracee_find(me)->grabbed);
	if (second_stop)
		trace_handle_status(me, second_stop);
	trace_handle_status(me, EXITED(0));
	proctree_finish();
	out_close();
	unlink(log_path);
	assert_int_equal(proctree_count(), 1);
	nrecs = 0;
	proctree_for_each(collect, NULL);
	return recs[0];
}

static void
attach_record_done(void)
{
	tracee_remove_all();
	proctree_reset();
}

/* The usual case: the interrupt stop; argv from /proc/PID/cmdline. */
static void
test_attach_at_interrupt_stop(void **state)
{
	const struct proctree_rec *r;

	(void)state;
	r = attach_record(INTERRUPT_STOP, 0);
	assert_true(r->attached);
	assert_int_equal(r->nexecs, 1);
	assert_true(r->execs[0].argc >= 1);
	assert_non_null(strstr(r->execs[0].argv[0], "test_audit_dispatch"));
	attach_record_done();
}

/*
 * Seized inside execve: the exec stop comes first and the kernel drops
 * the pending interrupt.  Still attached, with the one exec (not the
 * same argv twice).  A later SIGCONT re-trap records nothing more.
 */
static void
test_attach_at_exec_stop(void **state)
{
	const struct proctree_rec *r;

	(void)state;
	r = attach_record(STOPPED(SIGTRAP, PTRACE_EVENT_EXEC), INTERRUPT_STOP);
	assert_true(r->attached);
	assert_int_equal(r->nexecs, 1);
	attach_record_done();
}

/* A signal delivered at the attach: its stop is the first. */
static void
test_attach_at_signal_stop(void **state)
{
	const struct proctree_rec *r;

	(void)state;
	r = attach_record(STOPPED(SIGCHLD, 0), 0);
	assert_true(r->attached);
	assert_int_equal(r->nexecs, 1);
	attach_record_done();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fork_thread_exit),
		cmocka_unit_test(test_attach_at_interrupt_stop),
		cmocka_unit_test(test_attach_at_exec_stop),
		cmocka_unit_test(test_attach_at_signal_stop),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
