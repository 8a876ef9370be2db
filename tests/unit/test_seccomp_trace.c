/*
 * test_seccomp_trace.c - the dispatcher under --seccomp-bpf (src/trace.c
 * with src/seccomp.h's resume rule): PTRACE_EVENT_SECCOMP stops are
 * syscall entries, and each kind of stop is resumed with PTRACE_CONT or
 * PTRACE_SYSCALL as docs/architecture.md says.  ptrace(2) is the mock of
 * mock_ptrace.h; the main fake tracee is this process, so its "memory"
 * is readable.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ptrace.h>
#include <unistd.h>

#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "seccomp.h"
#include "syscall_info.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)
#define SYSCALL_STOP        STOPPED(SIGTRAP | 0x80, 0)
#define SECCOMP_STOP        STOPPED(SIGTRAP, PTRACE_EVENT_SECCOMP)
#define EXITED(code)        (((code) & 0xff) << 8)

#include "mock_ptrace.h"
#include "dispatch_harness.h"

enum { NR_close = 3, NR_getpid = 39, NR_clone = 56, NR_execve = 59,
       NR_exit_group = 231 };

static char log_path[] = "/tmp/ftrace-test-seccomp-XXXXXX";
static char log_text[8192];
static struct sc_set trace_set;

static int
setup(void **state)
{
	char err[128];
	int fd = mkstemp(log_path);

	(void)state;
	if (fd < 0)
		return -1;
	close(fd);
	sc_set_fill(&trace_set, false);
	if (sc_set_parse(&trace_set, "close,clone,exit_group", err, sizeof(err)) < 0)
		return -1;
	opts = (struct options){ .follow_forks = true, .max_strlen = 32,
				 .outfile = log_path, .trace = &trace_set,
				 .seccomp_bpf = true };
	out_open(log_path);
	out_set_prefix(true);
	seccomp_enabled = true;
	resumes = 0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	out_close();
	tracee_remove_all();
	seccomp_enabled = false;
	unlink(log_path);
	strcpy(log_path, "/tmp/ftrace-test-seccomp-XXXXXX");
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

/* The filter's stop for a traced syscall. */
static void
seccomp_stop(pid_t pid, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2)
{
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_SECCOMP;
	next_info.arch = ARCH_X86_64;
	next_info.seccomp.nr = nr;
	next_info.seccomp.args[0] = a0;
	next_info.seccomp.args[1] = a1;
	next_info.seccomp.args[2] = a2;
	trace_handle_status(pid, SECCOMP_STOP);
}

static void
entry(pid_t pid, uint64_t nr, uint64_t a0)
{
	dispatch_entry(pid, nr, &a0, 1);
}

static void
sysexit(pid_t pid, int64_t rval, int is_error)
{
	dispatch_exit(pid, rval, is_error);
}

/* "[pid N] left", padded to column 40 as output.c does, then right. */
static void
line(char *buf, size_t size, pid_t pid, const char *left, const char *right)
{
	size_t len = strlen(buf);
	int col = snprintf(buf + len, size - len, "[pid %5d] %s", pid, left);

	len += (size_t)col;
	snprintf(buf + len, size - len, "%*s%s\n", col < 40 ? 40 - col : 1,
		 "", right);
}

static struct tracee *
spawned_tracee(pid_t pid)
{
	struct tracee *t = tracee_add(pid, NULL);

	t->spawned = true;
	trace_handle_status(pid, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(t->state, TS_RUNNING);
	/* between syscalls a filtered tracee runs free */
	assert_int_equal(last_req, PTRACE_CONT);
	return t;
}

static void
test_traced_syscall_and_signal(void **state)
{
	pid_t me = getpid();
	struct tracee *t;
	char want[512];

	(void)state;
	t = spawned_tracee(me);
	seccomp_stop(me, NR_close, 3, 0, 0);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	/* inside the syscall: PTRACE_SYSCALL for its exit stop */
	assert_int_equal(last_req, PTRACE_SYSCALL);
	sysexit(me, 0, 0);
	assert_int_equal(t->state, TS_RUNNING);
	assert_int_equal(last_req, PTRACE_CONT);

	/* a signal between syscalls goes back with PTRACE_CONT */
	memset(&next_siginfo, 0, sizeof(next_siginfo));
	next_siginfo.si_signo = SIGUSR1;
	next_siginfo.si_code = SI_TKILL;
	next_siginfo.si_pid = 5;
	trace_handle_status(me, STOPPED(SIGUSR1, 0));
	assert_int_equal(last_req, PTRACE_CONT);
	assert_int_equal(last_sig, SIGUSR1);

	/* a group-stop listens; SIGCONT's re-trap runs it free again */
	trace_handle_status(me, STOPPED(SIGSTOP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_LISTEN);
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_CONT);

	/* an interrupted traced syscall: its exit, then the signal */
	seccomp_stop(me, NR_close, 4, 0, 0);
	sysexit(me, -4, 1);
	assert_int_equal(last_req, PTRACE_CONT);

	want[0] = '\0';
	line(want, sizeof(want), me, "close(3)", "= 0");
	snprintf(want + strlen(want), sizeof(want) - strlen(want),
		 "[pid %5d] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=5, si_uid=0} ---\n"
		 "[pid %5d] --- stopped by SIGSTOP ---\n", me, me);
	line(want, sizeof(want), me, "close(4)",
	     "= -1 EINTR (Interrupted system call)");
	assert_string_equal(log_read(), want);
}

/*
 * clone is traced: its event stop comes inside the syscall, so the
 * parent goes on with PTRACE_SYSCALL; the child starts free.
 */
static void
test_clone_inside_and_outside_traced_syscalls(void **state)
{
	pid_t p = getpid(), c = p + 100000, g = p + 100001;
	struct tracee *parent, *child;

	(void)state;
	parent = spawned_tracee(p);
	seccomp_stop(p, NR_clone, SIGCHLD, 0, 0);
	next_eventmsg = (unsigned long)c;
	trace_handle_status(p, STOPPED(SIGTRAP, PTRACE_EVENT_CLONE));
	assert_int_equal(parent->state, TS_IN_SYSCALL);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	child = tracee_find(c);
	assert_non_null(child);
	assert_true(child->spawned);
	trace_handle_status(c, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_CONT);
	assert_int_equal(last_pid, c);
	sysexit(p, c, 0);
	assert_int_equal(last_req, PTRACE_CONT);

	/*
	 * vfork is not in the set: no entry was seen, the event stop comes
	 * while the tracee is "between syscalls" for us, and no exit stop
	 * is wanted.
	 */
	next_eventmsg = (unsigned long)g;
	trace_handle_status(c, STOPPED(SIGTRAP, PTRACE_EVENT_VFORK));
	assert_int_equal(child->state, TS_RUNNING);
	assert_int_equal(last_req, PTRACE_CONT);
	assert_int_equal(last_pid, c);
	assert_non_null(strstr(log_read(), "clone("));
	assert_non_null(strstr(log_text, ") = "));
}

/*
 * A child whose first stop beats its parent's fork event is not known
 * to be filtered yet and is resumed with PTRACE_SYSCALL; the entry stop
 * and the filter's stop of one syscall then both arrive: one line.
 */
static void
test_entry_then_seccomp_stop_prints_once(void **state)
{
	pid_t p = getpid(), c = p + 100000;
	struct tracee *child;
	char want[256];

	(void)state;
	spawned_tracee(p);
	trace_handle_status(c, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	child = tracee_find(c);
	assert_false(child->spawned);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	entry(c, NR_close, 5);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	seccomp_stop(c, NR_close, 5, 0, 0);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	sysexit(c, 0, 0);
	want[0] = '\0';
	line(want, sizeof(want), c, "close(5)", "= 0");
	assert_string_equal(log_read(), want);
}

/* -p tracees never got the filter: they keep PTRACE_SYSCALL. */
static void
test_attached_tracees_keep_ptrace_syscall(void **state)
{
	pid_t a = getpid();
	struct tracee *t = tracee_add(a, NULL);

	(void)state;
	t->attached = true;
	trace_handle_status(a, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_SYSCALL);
	entry(a, NR_getpid, 0);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	sysexit(a, a, 0);
	assert_int_equal(last_req, PTRACE_SYSCALL);
	assert_string_equal(log_read(), "");
}

/*
 * The command's own execve always stops (the filter adds it): its
 * seccomp stop ends the start-up hiding even when -e trace= leaves
 * execve out, and then nothing of it is printed.
 */
static void
test_hidden_child_unhidden_by_execve(void **state)
{
	pid_t me = getpid();
	struct tracee *t = tracee_add(me, NULL);
	static const char path[] = "/bin/true";
	static const char *argv[] = { "true", NULL };
	char want[256];

	(void)state;
	t->hidden = true;
	t->spawned = true;
	trace_set_main_pid(me);
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_CONT);
	seccomp_stop(me, NR_execve, (uintptr_t)path, (uintptr_t)argv, 0);
	assert_false(t->hidden);
	next_eventmsg = (unsigned long)me;
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_EXEC));
	assert_int_equal(last_req, PTRACE_SYSCALL);
	sysexit(me, 0, 0);
	assert_int_equal(last_req, PTRACE_CONT);
	seccomp_stop(me, NR_close, 0, 0, 0);
	sysexit(me, 0, 0);
	seccomp_stop(me, NR_exit_group, 0, 0, 0);
	trace_handle_status(me, EXITED(0));
	want[0] = '\0';
	line(want, sizeof(want), me, "close(0)", "= 0");
	line(want, sizeof(want), me, "exit_group(0)", "= ?");
	snprintf(want + strlen(want), sizeof(want) - strlen(want),
		 "[pid %5d] +++ exited with 0 +++\n", me);
	assert_string_equal(log_read(), want);
}

/* A seccomp record reads like an entry, narrowed for compat tracees. */
static void
test_seccomp_record_parses_as_entry(void **state)
{
	struct __ptrace_syscall_info si;
	struct sc_rec rec;

	(void)state;
	memset(&si, 0, sizeof(si));
	si.op = PTRACE_SYSCALL_INFO_SECCOMP;
	si.arch = ARCH_I386;
	si.instruction_pointer = 0xf7f01234;
	si.seccomp.nr = 6;			/* i386 close */
	si.seccomp.args[0] = 0xffffffff00000007ULL;
	si.seccomp.args[5] = 0x1ffffffffULL;
	si.seccomp.ret_data = 0xabcd;
	syscall_info_parse(&si, sizeof(si), &rec);
	assert_int_equal(rec.op, SC_OP_SECCOMP);
	assert_int_equal(rec.arch, ARCH_I386);
	assert_int_equal(rec.wordsize, 4);
	assert_int_equal(rec.nr, 6);
	assert_int_equal(rec.args[0], 7);
	assert_int_equal(rec.args[5], 0xffffffffULL);
	assert_int_equal(rec.ip, 0xf7f01234);
	assert_ptr_equal(sysent_lookup(rec.arch, rec.nr), sysent_by_name(ARCH_I386, "close", NULL));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_traced_syscall_and_signal, setup, teardown),
		cmocka_unit_test_setup_teardown(test_clone_inside_and_outside_traced_syscalls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_entry_then_seccomp_stop_prints_once, setup, teardown),
		cmocka_unit_test_setup_teardown(test_attached_tracees_keep_ptrace_syscall, setup, teardown),
		cmocka_unit_test_setup_teardown(test_hidden_child_unhidden_by_execve, setup, teardown),
		cmocka_unit_test(test_seccomp_record_parses_as_entry),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
