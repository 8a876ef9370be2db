/*
 * test_lifecycle.c - the dispatcher (trace.c) on life-cycle stops, fed
 * synthetic wait statuses with ptrace(2) mocked (mock_ptrace.h):
 * PTRACE_EVENT_EXIT ending an exit line, the name of a restart_syscall
 * right after -p, and detaching from every kind of stop.
 *
 * trace_detach_all() cannot be undone in a process, so the detach test
 * runs last.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)
#define SYSCALL_STOP        STOPPED(SIGTRAP | 0x80, 0)
#define EXITED(code)        (((code) & 0xff) << 8)
#define INTERRUPT_STOP      STOPPED(SIGTRAP, PTRACE_EVENT_STOP)

/* x86_64 numbers */
#define NR_read            0
#define NR_exit            60
#define NR_getpid          39
#define NR_futex           202
#define NR_restart_syscall 219

#include "mock_ptrace.h"
#include "dispatch_harness.h"

static char log_path[] = "/tmp/ftrace-test-lc-XXXXXX";
static char log_text[8192];

static int
setup(void **state)
{
	int fd = mkstemp(log_path);

	(void)state;
	if (fd < 0)
		return -1;
	close(fd);
	opts = (struct options){ .follow_forks = true, .max_strlen = 32,
				 .outfile = log_path, .quiet = 1,
				 .quiet_set = QUIET_ATTACH | QUIET_PERSONALITY };
	out_open(log_path);
	out_set_prefix(true);
	resumes = 0;
	ndetached = 0;
	interrupts = 0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	out_close();
	tracee_remove_all();
	unlink(log_path);
	strcpy(log_path, "/tmp/ftrace-test-lc-XXXXXX");
	return 0;
}

static const char *
log_read(void)
{
	const char *text = dispatch_read_log(log_path, log_text,
					     sizeof(log_text));

	assert_non_null(text);
	return text;
}

static void
entry(pid_t pid, uint64_t nr, uint64_t a0)
{
	dispatch_entry(pid, nr, &a0, 1);
}

static void
sysexit(pid_t pid, int64_t rval)
{
	dispatch_exit(pid, rval, 0);
}

static struct tracee *
new_tracee(pid_t pid, bool grabbed)
{
	struct tracee *t = tracee_add(pid, NULL);

	t->grabbed = grabbed;
	t->attached = grabbed;
	trace_handle_status(pid, INTERRUPT_STOP);
	assert_int_equal(t->state, TS_RUNNING);
	return t;
}

/*
 * A leader calling exit while its threads run on: its death is reported
 * only after theirs, but PTRACE_EVENT_EXIT ends its line at once.
 */
static void
test_exit_event_ends_the_line(void **state)
{
	(void)state;
	new_tracee(100, false);
	new_tracee(101, false);
	entry(100, NR_exit, 0);
	trace_handle_status(100, STOPPED(SIGTRAP, PTRACE_EVENT_EXIT));
	assert_int_equal(tracee_find(100)->state, TS_EXITING);
	entry(101, NR_getpid, 0);
	sysexit(101, 100);
	trace_handle_status(101, EXITED(0));
	trace_handle_status(100, EXITED(0));
	assert_string_equal(log_read(),
		"[pid   100] exit(0)                     = ?\n"
		"[pid   101] getpid()                    = 100\n"
		"[pid   101] +++ exited with 0 +++\n"
		"[pid   100] +++ exited with 0 +++\n");
	assert_int_equal(tracee_count(), 0);
}

/* A line cut before the exit event is resumed there, not at the death. */
static void
test_exit_event_resumes_a_cut_line(void **state)
{
	(void)state;
	new_tracee(110, false);
	new_tracee(111, false);
	entry(110, NR_exit, 3);
	entry(111, NR_getpid, 0);
	trace_handle_status(110, STOPPED(SIGTRAP, PTRACE_EVENT_EXIT));
	assert_string_equal(log_read(),
		"[pid   110] exit(3 <unfinished ...>\n"
		"[pid   111] getpid( <unfinished ...>\n"
		"[pid   110] <... exit resumed>)         = ?\n");
}

/*
 * restart_syscall as the first call after -p: named after the number of
 * the last PTRACE_GET_SYSCALL_INFO answer before the attach stop, as
 * strace names it.
 */
static void
test_restart_syscall_after_attach(void **state)
{
	(void)state;
	new_tracee(120, false);
	entry(120, NR_futex, 0);
	sysexit(120, 0);		/* leaves 0 behind: read */
	new_tracee(121, true);
	entry(121, NR_restart_syscall, 0);
	entry(120, NR_futex, 0);	/* leaves 202: futex */
	new_tracee(122, true);
	entry(122, NR_restart_syscall, 0);
	/* not grabbed: no name */
	new_tracee(123, false);
	entry(123, NR_restart_syscall, 0);
	sysexit(123, 0);
	assert_string_equal(log_read(),
		"[pid   120] futex(NULL, FUTEX_WAIT, 0, NULL) = 0\n"
		"[pid   121] restart_syscall(<... resuming interrupted read ...> <unfinished ...>\n"
		"[pid   120] futex(NULL, FUTEX_WAIT, 0, NULL <unfinished ...>\n"
		"[pid   122] restart_syscall(<... resuming interrupted futex ...> <unfinished ...>\n"
		"[pid   123] restart_syscall()           = 0\n");
}

/* Detach from every kind of stop; must run last (see the top). */
static void
test_detach_from_every_stop(void **state)
{
	unsigned before;

	(void)state;
	new_tracee(200, true);		/* will be in signal-delivery-stop */
	new_tracee(201, true);		/* group-stopped */
	new_tracee(202, true);		/* in a syscall */
	new_tracee(203, true);		/* forks */
	tracee_add(204, NULL)->attached = true;	/* first stop not seen */
	trace_handle_status(201, STOPPED(SIGSTOP, PTRACE_EVENT_STOP));
	assert_int_equal(tracee_find(201)->state, TS_GROUP_STOP);
	assert_int_equal(last_req, PTRACE_LISTEN);
	entry(202, NR_read, 0);
	before = resumes;

	trace_detach_all(0);
	assert_int_equal(interrupts, 5);
	trace_detach_all(SIGINT);	/* a second time: nothing more */
	assert_int_equal(interrupts, 5);

	/* a signal it was about to get goes back with the detach */
	trace_handle_status(200, STOPPED(SIGUSR1, 0));
	assert_int_equal(ndetached, 1);
	assert_int_equal(detached_pid[0], 200);
	assert_int_equal(detached_sig[0], SIGUSR1);
	/* the re-trap of a group-stopped one: no signal, it stays stopped */
	trace_handle_status(201, INTERRUPT_STOP);
	assert_int_equal(detached_pid[1], 201);
	assert_int_equal(detached_sig[1], 0);
	/* in a syscall: the open line ends "<detached ...>" */
	trace_handle_status(202, INTERRUPT_STOP);
	assert_int_equal(detached_pid[2], 202);
	/* at a fork event: the new child is kept to be let go too */
	next_eventmsg = 205;
	trace_handle_status(203, STOPPED(SIGTRAP, PTRACE_EVENT_FORK));
	assert_int_equal(detached_pid[3], 203);
	assert_non_null(tracee_find(205));
	assert_true(tracee_find(205)->detaching);
	trace_handle_status(205, INTERRUPT_STOP);
	assert_int_equal(detached_pid[4], 205);
	trace_handle_status(204, INTERRUPT_STOP);
	assert_int_equal(detached_pid[5], 204);
	/* a child never seen before, during the detach: let go at once */
	trace_handle_status(206, INTERRUPT_STOP);
	assert_int_equal(detached_pid[6], 206);
	assert_int_equal(ndetached, 7);
	assert_int_equal(tracee_count(), 0);
	assert_int_equal(resumes, before);	/* nothing resumed: all let go */
	assert_string_equal(log_read(),
		"[pid   201] --- stopped by SIGSTOP ---\n"
		"[pid   202] read(0,  <detached ...>\n");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_exit_event_ends_the_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exit_event_resumes_a_cut_line, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restart_syscall_after_attach, setup, teardown),
		cmocka_unit_test_setup_teardown(test_detach_from_every_stop, setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
