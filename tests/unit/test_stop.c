/*
 * test_stop.c - wait statuses to stop kinds (src/stop.c), fed with
 * synthetic statuses built the way the kernel builds them.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/ptrace.h>

#include "stop.h"

#define EXITED(code)        (((code) & 0xff) << 8)
#define KILLED(sig)         ((sig) & 0x7f)
#define DUMPED(sig)         (((sig) & 0x7f) | 0x80)
#define STOPPED(sig, event) (((event) << 16) | ((sig) << 8) | 0x7f)

static struct stop
classify(int status)
{
	struct stop st;

	stop_classify(status, &st);
	return st;
}

static void
test_exit_and_kill(void **state)
{
	struct stop st;

	(void)state;
	st = classify(EXITED(0));
	assert_int_equal(st.kind, STOP_EXITED);
	assert_int_equal(st.code, 0);
	st = classify(EXITED(42));
	assert_int_equal(st.kind, STOP_EXITED);
	assert_int_equal(st.code, 42);
	st = classify(EXITED(255));
	assert_int_equal(st.code, 255);
	st = classify(KILLED(SIGKILL));
	assert_int_equal(st.kind, STOP_KILLED);
	assert_int_equal(st.sig, SIGKILL);
	assert_false(st.core);
	st = classify(DUMPED(SIGSEGV));
	assert_int_equal(st.kind, STOP_KILLED);
	assert_int_equal(st.sig, SIGSEGV);
	assert_true(st.core);
}

static void
test_syscall_stop(void **state)
{
	struct stop st;

	(void)state;
	st = classify(STOPPED(SIGTRAP | 0x80, 0));
	assert_int_equal(st.kind, STOP_SYSCALL);
	assert_int_equal(st.sig, 0);
	/* A plain SIGTRAP is a real signal, not a syscall-stop. */
	st = classify(STOPPED(SIGTRAP, 0));
	assert_int_equal(st.kind, STOP_SIGNAL);
	assert_int_equal(st.sig, SIGTRAP);
}

static void
test_ptrace_events(void **state)
{
	(void)state;
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_FORK)).kind, STOP_FORK);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_VFORK)).kind, STOP_VFORK);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_CLONE)).kind, STOP_CLONE);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_EXEC)).kind, STOP_EXEC);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_VFORK_DONE)).kind,
			 STOP_VFORK_DONE);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_EXIT)).kind,
			 STOP_EXIT_EVENT);
	assert_int_equal(classify(STOPPED(SIGTRAP, PTRACE_EVENT_SECCOMP)).kind,
			 STOP_SECCOMP);
	assert_int_equal(classify(STOPPED(SIGTRAP, 99)).kind, STOP_UNKNOWN);
}

static void
test_event_stop_group_vs_interrupt(void **state)
{
	struct stop st;
	int sigs[] = { SIGSTOP, SIGTSTP, SIGTTIN, SIGTTOU };
	unsigned i;

	(void)state;
	/* PTRACE_EVENT_STOP with a stop signal is a group-stop... */
	for (i = 0; i < 4; i++) {
		st = classify(STOPPED(sigs[i], PTRACE_EVENT_STOP));
		assert_int_equal(st.kind, STOP_GROUP);
		assert_int_equal(st.sig, sigs[i]);
	}
	/* ...with SIGTRAP it is INTERRUPT, a new child, or SIGCONT's re-trap. */
	st = classify(STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	assert_int_equal(st.kind, STOP_INTERRUPT);
	assert_int_equal(st.sig, 0);
}

static void
test_signal_delivery(void **state)
{
	struct stop st;

	(void)state;
	st = classify(STOPPED(SIGCHLD, 0));
	assert_int_equal(st.kind, STOP_SIGNAL);
	assert_int_equal(st.sig, SIGCHLD);
	/* SIGSTOP without an event is its signal-delivery-stop. */
	st = classify(STOPPED(SIGSTOP, 0));
	assert_int_equal(st.kind, STOP_SIGNAL);
	assert_int_equal(st.sig, SIGSTOP);
	st = classify(STOPPED(SIGRTMIN + 3, 0));
	assert_int_equal(st.kind, STOP_SIGNAL);
	assert_int_equal(st.sig, SIGRTMIN + 3);
}

static void
test_continued_and_names(void **state)
{
	(void)state;
	assert_int_equal(classify(0xffff).kind, STOP_UNKNOWN); /* WIFCONTINUED */
	assert_string_equal(stop_kind_name(STOP_GROUP), "STOP_GROUP");
	assert_string_equal(stop_kind_name((enum stop_kind)1000), "?");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_exit_and_kill),
		cmocka_unit_test(test_syscall_stop),
		cmocka_unit_test(test_ptrace_events),
		cmocka_unit_test(test_event_stop_group_vs_interrupt),
		cmocka_unit_test(test_signal_delivery),
		cmocka_unit_test(test_continued_and_names),
	};

	return cmocka_run_group_tests_name("stop", tests, NULL, NULL);
}
