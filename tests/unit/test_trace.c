/*
 * test_trace.c - the per-stop dispatcher and state machine end to end
 * (src/trace.c, src/tracee.c, src/output.c), driven by synthetic wait
 * statuses and syscall-info records.  ptrace(2) is replaced by a mock
 * (-Wl,--wrap=ptrace); "tracee memory" is this process's own memory, so
 * the main fake tracee's TID is getpid() and process_vm_readv reads it.
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

#include "ftrace.h"
#include "filter.h"
#include "output.h"
#include "stats.h"
#include "sysent.h"
#include "trace.h"
#include "tracee.h"

#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)
#define SYSCALL_STOP        STOPPED(SIGTRAP | 0x80, 0)
#define EXITED(code)        (((code) & 0xff) << 8)
#define KILLED(sig)         ((sig) & 0x7f)

#include "mock_ptrace.h"
#include "dispatch_harness.h"

/* ---- helpers ------------------------------------------------------ */

static char log_path[] = "/tmp/ftrace-test-trace-XXXXXX";
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
				 .outfile = log_path };
	out_open(log_path);
	out_set_prefix(true);
	resumes = 0;
	return 0;
}

static int
teardown(void **state)
{
	(void)state;
	out_close();
	tracee_remove_all();
	unlink(log_path);
	strcpy(log_path, "/tmp/ftrace-test-trace-XXXXXX");
	return 0;
}

/* Everything written so far, with the pid prefixes as they are. */
static const char *
log_read(void)
{
	const char *text = dispatch_read_log(log_path, log_text,
					     sizeof(log_text));

	assert_non_null(text);
	return text;
}

static void
entry(pid_t pid, uint64_t nr, uint64_t a0, uint64_t a1, uint64_t a2,
      uint64_t a3)
{
	const uint64_t args[] = { a0, a1, a2, a3 };

	dispatch_entry(pid, nr, args, 4);
}

static void
sysexit(pid_t pid, int64_t rval, int is_error)
{
	dispatch_exit(pid, rval, is_error);
}

static struct tracee *
new_tracee(pid_t pid)
{
	struct tracee *t = tracee_add(pid, NULL);

	/* Its first stop: PTRACE_EVENT_STOP|SIGTRAP. */
	trace_handle_status(pid, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(t->state, TS_RUNNING);
	return t;
}


/*
 * Append one expected line: "[pid N] " + left, then for a result, padding
 * to column 40 (at least one space) and right.  The padding rule is
 * strace's; test_padding_rule checks it on fixed strings.
 */
static void
expect(char *want, size_t size, pid_t pid, const char *left, const char *right)
{
	size_t len = strlen(want);
	int col;

	col = snprintf(want + len, size - len, "[pid %5d] %s", pid, left);
	len += (size_t)col;
	if (right)
		len += (size_t)snprintf(want + len, size - len, "%*s%s",
					col < 40 ? 40 - col : 1, "", right);
	snprintf(want + len, size - len, "\n");
}
#define EXPECT(pid, left, right) expect(want, sizeof(want), pid, left, right)

/* x86_64 numbers used below */
enum { NR_read = 0, NR_write = 1, NR_close = 3, NR_pause = 34, NR_getpid = 39,
       NR_clone = 56, NR_execve = 59, NR_exit_group = 231 };

/* ---- tests -------------------------------------------------------- */

static void
test_spawned_child_hidden_until_execve(void **state)
{
	pid_t me = getpid();
	struct tracee *t = tracee_add(me, NULL);
	static const char path[] = "/bin/true";
	static const char *argv[] = { "true", "x y", NULL };
	static const char *envp[] = { "A=1", "B=2", NULL };
	char want[512];

	(void)state;
	t->hidden = true;
	trace_set_main_pid(me);
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_SYSCALL);
	assert_int_equal(last_sig, 0);
	/* ftrace-c's own start-up syscalls are not shown */
	entry(me, NR_close, 3, 0, 0, 0);
	sysexit(me, 0, 0);
	assert_string_equal(log_read(), "");

	entry(me, NR_execve, (uintptr_t)path, (uintptr_t)argv, (uintptr_t)envp, 0);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	next_eventmsg = (unsigned long)me;
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_EXEC));
	sysexit(me, 0, 0);
	entry(me, NR_exit_group, 7, 0, 0, 0);
	trace_handle_status(me, EXITED(7));
	assert_null(tracee_find(me));

	char tmp[256];

	want[0] = '\0';
	snprintf(tmp, sizeof(tmp),
		 "execve(\"/bin/true\", [\"true\", \"x y\"], %p /* 2 vars */)",
		 (void *)envp);
	EXPECT(me, tmp, "= 0");
	EXPECT(me, "exit_group(7)", "= ?");
	EXPECT(me, "+++ exited with 7 +++", NULL);
	assert_string_equal(log_read(), want);
	{
		int st;

		assert_true(trace_main_status(&st));
		assert_int_equal(st, EXITED(7));
	}
}

/* A failed exec of the command: ftrace-c's child reports and exits. */
static void
test_failed_exec_hides_the_error_path(void **state)
{
	pid_t me = getpid();
	struct tracee *t = tracee_add(me, NULL);
	static const char path[] = "/etc/passwd";
	static const char *argv[] = { "/etc/passwd", NULL };
	char want[512], tmp[256];

	(void)state;
	t->hidden = true;
	trace_handle_status(me, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	entry(me, NR_execve, (uintptr_t)path, (uintptr_t)argv, 0, 0);
	sysexit(me, -13, 1);
	entry(me, NR_write, 2, (uintptr_t)path, 5, 0);
	sysexit(me, 5, 0);
	entry(me, NR_exit_group, 1, 0, 0, 0);
	trace_handle_status(me, EXITED(1));
	want[0] = '\0';
	snprintf(tmp, sizeof(tmp), "execve(\"/etc/passwd\", [\"/etc/passwd\"], NULL)");
	EXPECT(me, tmp, "= -1 EACCES (Permission denied)");
	EXPECT(me, "+++ exited with 1 +++", NULL);
	assert_string_equal(log_read(), want);
}

static void
test_unfinished_and_resumed(void **state)
{
	pid_t a = getpid(), b = a + 100000;
	static char buf[16] = "hello";
	char want[1024];

	(void)state;
	new_tracee(a);
	new_tracee(b);
	entry(a, NR_read, 0, (uintptr_t)buf, sizeof(buf), 0);
	entry(b, NR_getpid, 0, 0, 0, 0);
	sysexit(b, b, 0);
	sysexit(a, 5, 0);
	entry(a, NR_write, 1, (uintptr_t)buf, 5, 0);
	entry(b, NR_close, 3, 0, 0, 0);
	sysexit(a, 5, 0);
	sysexit(b, -9, 1);

	char tmp[64];

	want[0] = '\0';
	EXPECT(a, "read(0,  <unfinished ...>", NULL);
	snprintf(tmp, sizeof(tmp), "= %d", b);
	EXPECT(b, "getpid()", tmp);
	EXPECT(a, "<... read resumed>\"hello\", 16)", "= 5");
	EXPECT(a, "write(1, \"hello\", 5 <unfinished ...>", NULL);
	EXPECT(b, "close(3 <unfinished ...>", NULL);
	EXPECT(a, "<... write resumed>)", "= 5");
	EXPECT(b, "<... close resumed>)", "= -1 EBADF (Bad file descriptor)");
	assert_string_equal(log_read(), want);
}

static void
test_death_inside_syscalls(void **state)
{
	pid_t a = getpid(), b = a + 100000, c = a + 100001;
	static char buf[8];
	char want[1024];

	(void)state;
	new_tracee(a);
	new_tracee(b);
	new_tracee(c);
	entry(b, NR_read, 0, (uintptr_t)buf, 4, 0);     /* args left for exit */
	entry(c, NR_pause, 0, 0, 0, 0);                  /* all args printed */
	entry(a, NR_exit_group, 0, 0, 0, 0);
	trace_handle_status(b, KILLED(SIGKILL));
	trace_handle_status(c, KILLED(SIGKILL));
	trace_handle_status(a, EXITED(0));
	assert_int_equal(tracee_count(), 0);

	want[0] = '\0';
	EXPECT(b, "read(0,  <unfinished ...>", NULL);
	EXPECT(c, "pause( <unfinished ...>", NULL);
	EXPECT(a, "exit_group(0 <unfinished ...>", NULL);
	EXPECT(b, "<... read resumed> <unfinished ...>)", "= ?");
	EXPECT(b, "+++ killed by SIGKILL +++", NULL);
	EXPECT(c, "<... pause resumed>)", "= ?");
	EXPECT(c, "+++ killed by SIGKILL +++", NULL);
	EXPECT(a, "<... exit_group resumed>)", "= ?");
	EXPECT(a, "+++ exited with 0 +++", NULL);
	assert_string_equal(log_read(), want);
}

static void
test_signal_and_group_stop(void **state)
{
	pid_t a = getpid();
	char want[512];

	(void)state;
	new_tracee(a);
	memset(&next_siginfo, 0, sizeof(next_siginfo));
	next_siginfo.si_signo = SIGUSR1;
	next_siginfo.si_code = SI_TKILL;
	next_siginfo.si_pid = 5;
	next_siginfo.si_uid = 0;
	trace_handle_status(a, STOPPED(SIGUSR1, 0));
	/* the signal is re-injected */
	assert_int_equal(last_req, PTRACE_SYSCALL);
	assert_int_equal(last_sig, SIGUSR1);
	assert_int_equal(tracee_find(a)->state, TS_RUNNING);

	trace_handle_status(a, STOPPED(SIGSTOP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_LISTEN);
	assert_int_equal(tracee_find(a)->state, TS_GROUP_STOP);
	/* SIGCONT: the listening tracee re-traps with SIGTRAP */
	trace_handle_status(a, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(last_req, PTRACE_SYSCALL);
	assert_int_equal(tracee_find(a)->state, TS_RUNNING);

	snprintf(want, sizeof(want),
		 "[pid %5d] --- SIGUSR1 {si_signo=SIGUSR1, si_code=SI_TKILL, si_pid=5, si_uid=0} ---\n"
		 "[pid %5d] --- stopped by SIGSTOP ---\n", a, a);
	assert_string_equal(log_read(), want);
}

static void
test_child_first_stop_before_clone_event(void **state)
{
	pid_t p = getpid(), c = p + 100000;
	struct tracee *parent, *child;

	(void)state;
	parent = new_tracee(p);
	entry(p, NR_clone, CLONE_VM | CLONE_THREAD | CLONE_SIGHAND, 0, 0, 0);
	/* the child's first stop arrives before the parent's event */
	trace_handle_status(c, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	child = tracee_find(c);
	assert_non_null(child);
	assert_int_equal(child->state, TS_RUNNING);
	assert_ptr_not_equal(child->proc, parent->proc);
	next_eventmsg = (unsigned long)c;
	trace_handle_status(p, STOPPED(SIGTRAP, PTRACE_EVENT_CLONE));
	/* now it is known to be a thread of the parent's group */
	assert_ptr_equal(child->proc, parent->proc);
	assert_int_equal(parent->proc->nthreads, 2);
	/* the child's return from clone has no entry: nothing printed */
	sysexit(c, 0, 0);
	sysexit(p, c, 0);
	assert_non_null(strstr(log_read(), "clone("));
	assert_null(strstr(log_text, "resumed"));
	assert_int_equal(tracee_count(), 2);
}

static void
test_exec_from_non_leader_thread(void **state)
{
	pid_t leader = getpid(), thr = leader + 100000;
	struct tracee *l, *t;
	char want[1024];

	(void)state;
	l = new_tracee(leader);
	entry(leader, NR_clone, CLONE_VM | CLONE_THREAD, 0, 0, 0);
	next_eventmsg = (unsigned long)thr;
	trace_handle_status(leader, STOPPED(SIGTRAP, PTRACE_EVENT_CLONE));
	sysexit(leader, thr, 0);
	t = tracee_find(thr);
	trace_handle_status(thr, STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	entry(leader, NR_pause, 0, 0, 0, 0);
	entry(thr, NR_execve, 0, 0, 0, 0);
	/* the exec event comes under the leader's tid, naming the old tid */
	next_eventmsg = (unsigned long)thr;
	trace_handle_status(leader, STOPPED(SIGTRAP, PTRACE_EVENT_EXEC));
	assert_null(tracee_find(thr));
	assert_ptr_equal(tracee_find(leader), t);
	assert_int_equal(t->tid, leader);
	assert_int_equal(tracee_count(), 1);
	(void)l;
	sysexit(leader, 0, 0);

	char tmp[64];

	want[0] = '\0';
	snprintf(tmp, sizeof(tmp), "= %d", thr);
	EXPECT(leader, "clone(child_stack=NULL, flags=CLONE_VM|CLONE_THREAD)", tmp);
	EXPECT(leader, "pause( <unfinished ...>", NULL);
	EXPECT(thr, "execve(NULL, NULL, NULL <unfinished ...>", NULL);
	/* the leader's pause never returns */
	EXPECT(leader, "<... pause resumed>)", "= ?");
	snprintf(tmp, sizeof(tmp), "+++ superseded by execve in pid %d +++", thr);
	EXPECT(leader, tmp, NULL);
	EXPECT(leader, "<... execve resumed>)", "= 0");
	assert_string_equal(log_read(), want);
}

static void
test_results_unknown_and_restart(void **state)
{
	pid_t a = getpid();
	static char buf[4];
	char want[1024];

	(void)state;
	new_tracee(a);
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = ARCH_X86_64;
	next_info.entry.nr = 999;
	for (int i = 0; i < 6; i++)
		next_info.entry.args[i] = (uint64_t)i + 1;
	trace_handle_status(a, SYSCALL_STOP);
	sysexit(a, -38, 1);
	entry(a, NR_read, 0, (uintptr_t)buf, 4, 0);
	sysexit(a, -512, 1);
	entry(a, NR_read, 0, 0, 4, 0);
	sysexit(a, -14, 1);
	entry(a, NR_close, 3, 0, 0, 0);
	sysexit(a, -600, 1);
	char tmp[64];

	want[0] = '\0';
	EXPECT(a, "syscall_0x3e7(0x1, 0x2, 0x3, 0x4, 0x5, 0x6)",
	       "= -1 ENOSYS (Function not implemented)");
	snprintf(tmp, sizeof(tmp), "read(0, %p, 4)", (void *)buf);
	EXPECT(a, tmp, "= ? ERESTARTSYS (To be restarted if SA_RESTART is set)");
	EXPECT(a, "read(0, NULL, 4)", "= -1 EFAULT (Bad address)");
	EXPECT(a, "close(3)", "= -1 (errno 600)");
	assert_string_equal(log_read(), want);
}

/* -n and -i: the syscall number and address; exits have no address. */
static void
test_number_and_ip_prefixes(void **state)
{
	pid_t a = getpid();

	(void)state;
	out_set_prefix(false);
	opts.nflag = true;
	opts.iflag = true;
	new_tracee(a);
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = ARCH_X86_64;
	next_info.instruction_pointer = 0x7f0011223344ULL;
	next_info.entry.nr = NR_close;
	next_info.entry.args[0] = 3;
	trace_handle_status(a, SYSCALL_STOP);
	sysexit(a, 0, 0);
	trace_handle_status(a, EXITED(0));
	assert_string_equal(log_read(),
			    "[   3] [00007f0011223344] close(3)      = 0\n"
			    "[   3] [????????????????] +++ exited with 0 +++\n");
	opts.nflag = false;
	opts.iflag = false;
}

/* restart_syscall names the call a signal cut with ERESTART_RESTARTBLOCK */
static void
test_restart_syscall_names_the_call(void **state)
{
	pid_t a = getpid();
	enum { NR_nanosleep = 35, NR_restart_syscall = 219 };

	(void)state;
	out_set_prefix(false);
	new_tracee(a);
	entry(a, NR_nanosleep, 0, 0, 0, 0);
	sysexit(a, -516, 1);
	entry(a, NR_restart_syscall, 0, 0, 0, 0);
	sysexit(a, 0, 0);
	entry(a, NR_restart_syscall, 0, 0, 0, 0);
	sysexit(a, 0, 0);
	assert_string_equal(log_read(),
			    "nanosleep(NULL, NULL)                   = ? ERESTART_RESTARTBLOCK (Interrupted by signal)\n"
			    "restart_syscall(<... resuming interrupted nanosleep ...>) = 0\n"
			    "restart_syscall()                       = 0\n");
}

/* strace's column rule on fixed text, independent of the pid width. */
static void
test_padding_rule(void **state)
{
	pid_t a = getpid();
	static char buf[64];
	char want[512];
	const char *log;

	(void)state;
	out_set_prefix(false);
	new_tracee(a);
	entry(a, NR_close, 3, 0, 0, 0);
	sysexit(a, 0, 0);
	/* 40 columns before the result: one space, as strace prints it */
	memcpy(buf, "012345678901234567890123", 24);
	entry(a, NR_write, 1, (uintptr_t)buf, 24, 0);
	sysexit(a, 24, 0);
	/* 38 columns: padded to 40 */
	entry(a, NR_write, 1, (uintptr_t)buf, 22, 0);
	sysexit(a, 22, 0);
	snprintf(want, sizeof(want), "%s",
		 "close(3)                                = 0\n"
		 "write(1, \"012345678901234567890123\", 24) = 24\n"
		 "write(1, \"0123456789012345678901\", 22)  = 22\n");
	log = log_read();
	assert_string_equal(log, want);
}

/*
 * -c: nothing of the trace is written, only the table at the end; calls
 * that never return (exit_group, a death inside a call) are not counted,
 * nor calls -e trace= leaves out.  -C: the trace, then the table.
 */
static void
summary_run(unsigned summary)
{
	static struct stats_config cfg;
	struct sc_set none;
	pid_t a = getpid(), b = a + 100000;
	char err[128];

	stats_reset();
	stats_config_default(&cfg);
	assert_int_equal(stats_parse_columns(&cfg, "calls,errors,name", err, sizeof(err)), 0);
	opts.summary = summary;
	opts.summary_cfg = &cfg;
	new_tracee(a);
	new_tracee(b);
	entry(a, NR_close, 3, 0, 0, 0);
	sysexit(a, -9, 1);
	entry(a, NR_close, 4, 0, 0, 0);
	sysexit(a, 0, 0);
	entry(b, NR_getpid, 0, 0, 0, 0);
	entry(a, NR_getpid, 0, 0, 0, 0);
	sysexit(b, 1234, 0);
	sysexit(a, 1234, 0);
	entry(b, NR_pause, 0, 0, 0, 0);
	trace_handle_status(b, KILLED(SIGKILL));	/* pause never returns */
	trace_handle_status(a, STOPPED(SIGUSR1, 0));
	/* left out by -e trace=none */
	sc_set_fill(&none, false);
	opts.trace = &none;
	entry(a, NR_close, 5, 0, 0, 0);
	sysexit(a, 0, 0);
	opts.trace = NULL;
	entry(a, NR_exit_group, 0, 0, 0, 0);
	trace_handle_status(a, EXITED(0));
	stats_print();
}

static const char summary_table[] =
	"    calls    errors syscall\n"
	"--------- --------- ----------------\n"
	"        2         1 close\n"
	"        2           getpid\n"
	"--------- --------- ----------------\n"
	"        4         1 total\n";

static void
test_summary_only(void **state)
{
	(void)state;
	summary_run(SUMMARY_ONLY);
	assert_string_equal(log_read(), summary_table);
	opts.summary = 0;
	opts.summary_cfg = NULL;
}

static void
test_summary_after_trace(void **state)
{
	const char *log;
	size_t n = strlen(summary_table);

	(void)state;
	summary_run(SUMMARY_ALSO);
	log = log_read();
	/* the trace first: the close error, the kill and the exit are there */
	assert_non_null(strstr(log, "close(3)"));
	assert_non_null(strstr(log, "+++ killed by SIGKILL +++\n"));
	assert_non_null(strstr(log, "--- SIGUSR1"));
	assert_true(strlen(log) > n);
	assert_string_equal(log + strlen(log) - n, summary_table);
	assert_non_null(strstr(log, "+++ exited with 0 +++\n    calls"));
	opts.summary = 0;
	opts.summary_cfg = NULL;
}

/*
 * trace_handle_status's answer lets the loop end a drain without its last
 * wait4 (src/loop.c): true only for a syscall stop whose tracee is running
 * again, never for a stop that leaves it stopped or makes a new tracee.
 */
static void
test_says_when_a_syscall_stop_resumed(void **state)
{
	pid_t a = getpid(), b = a + 100000;

	(void)state;
	tracee_add(a, NULL);
	assert_false(trace_handle_status(a, STOPPED(SIGTRAP, PTRACE_EVENT_STOP)));

	assert_true(dispatch_entry(a, NR_getpid, NULL, 0));
	assert_int_equal(last_req, PTRACE_SYSCALL);
	assert_true(dispatch_exit(a, a, 0));

	/* signal-delivery-stop: resumed, but not a syscall stop */
	memset(&next_siginfo, 0, sizeof(next_siginfo));
	next_siginfo.si_signo = SIGUSR1;
	assert_false(trace_handle_status(a, STOPPED(SIGUSR1, 0)));
	/* group-stop: PTRACE_LISTEN, it stays stopped */
	assert_false(trace_handle_status(a, STOPPED(SIGSTOP, PTRACE_EVENT_STOP)));
	assert_int_equal(last_req, PTRACE_LISTEN);
	assert_false(trace_handle_status(a, STOPPED(SIGTRAP, PTRACE_EVENT_STOP)));

	/* a fork event: a second tracee */
	next_eventmsg = (unsigned long)b;
	assert_false(trace_handle_status(a, STOPPED(SIGTRAP, PTRACE_EVENT_FORK)));
	assert_int_equal(tracee_count(), 2);
	/* death, and a status of a pid that is no tracee */
	assert_false(trace_handle_status(b, EXITED(0)));
	assert_false(trace_handle_status(b, EXITED(0)));
	assert_false(trace_handle_status(a, EXITED(0)));
	assert_int_equal(tracee_count(), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_spawned_child_hidden_until_execve, setup, teardown),
		cmocka_unit_test_setup_teardown(test_failed_exec_hides_the_error_path, setup, teardown),
		cmocka_unit_test_setup_teardown(test_unfinished_and_resumed, setup, teardown),
		cmocka_unit_test_setup_teardown(test_death_inside_syscalls, setup, teardown),
		cmocka_unit_test_setup_teardown(test_signal_and_group_stop, setup, teardown),
		cmocka_unit_test_setup_teardown(test_child_first_stop_before_clone_event, setup, teardown),
		cmocka_unit_test_setup_teardown(test_exec_from_non_leader_thread, setup, teardown),
		cmocka_unit_test_setup_teardown(test_results_unknown_and_restart, setup, teardown),
		cmocka_unit_test_setup_teardown(test_padding_rule, setup, teardown),
		cmocka_unit_test_setup_teardown(test_number_and_ip_prefixes, setup, teardown),
		cmocka_unit_test_setup_teardown(test_restart_syscall_names_the_call, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_only, setup, teardown),
		cmocka_unit_test_setup_teardown(test_summary_after_trace, setup, teardown),
		cmocka_unit_test_setup_teardown(test_says_when_a_syscall_stop_resumed, setup, teardown),
	};

	return cmocka_run_group_tests_name("trace", tests, NULL, NULL);
}
