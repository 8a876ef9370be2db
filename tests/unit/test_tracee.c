/*
 * test_tracee.c - the tracee table (uthash keyed by TID), thread groups,
 * and the state machine's transition table (src/tracee.c), with synthetic
 * stops.  No ptrace involved.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>

#include "tracee.h"

static int
teardown(void **state)
{
	(void)state;
	tracee_remove_all();
	return 0;
}

static void
test_table_add_find_remove(void **state)
{
	struct tracee *a, *b;
	int i;

	(void)state;
	a = tracee_add(100, NULL);
	b = tracee_add(200, NULL);
	assert_int_equal(a->state, TS_NEW);
	assert_ptr_equal(tracee_find(100), a);
	assert_ptr_equal(tracee_find(200), b);
	assert_null(tracee_find(300));
	assert_int_equal(tracee_count(), 2);
	/* each its own thread group */
	assert_int_equal(a->proc->tgid, 100);
	assert_int_equal(a->proc->nthreads, 1);
	tracee_remove(a);
	assert_null(tracee_find(100));
	assert_int_equal(tracee_count(), 1);
	/* many entries: lookups stay exact */
	for (i = 1000; i < 3000; i++)
		tracee_add(i, NULL);
	for (i = 1000; i < 3000; i += 97)
		assert_int_equal(tracee_find(i)->tid, i);
	assert_int_equal(tracee_count(), 2001);
}

static void
test_threads_share_a_group(void **state)
{
	struct tracee *leader, *thr, *other;
	struct proc *p;

	(void)state;
	leader = tracee_add(10, NULL);
	p = leader->proc;
	thr = tracee_add(11, p);
	assert_ptr_equal(thr->proc, p);
	assert_int_equal(p->nthreads, 2);
	/* a thread first seen on its own, then known to be one of 10's */
	other = tracee_add(12, NULL);
	tracee_set_proc(other, p);
	assert_int_equal(p->nthreads, 3);
	tracee_remove(thr);
	tracee_remove(leader);
	assert_int_equal(other->proc->nthreads, 1);
	assert_int_equal(other->proc->tgid, 10);
}

static void
test_rekey_after_exec_from_thread(void **state)
{
	struct tracee *leader, *thr;

	(void)state;
	leader = tracee_add(10, NULL);
	thr = tracee_add(11, leader->proc);
	thr->state = TS_IN_SYSCALL;
	/* the old leader vanishes, the exec'ing thread takes its TID */
	tracee_remove(leader);
	tracee_rekey(thr, 10);
	assert_ptr_equal(tracee_find(10), thr);
	assert_null(tracee_find(11));
	assert_int_equal(thr->tid, 10);
	assert_int_equal(thr->state, TS_IN_SYSCALL);
	assert_int_equal(tracee_count(), 1);
}

static void
remove_odd(struct tracee *t, void *arg)
{
	(*(int *)arg)++;
	if (t->tid & 1)
		tracee_remove(t);
}

static void
test_foreach_may_remove(void **state)
{
	int i, seen = 0;

	(void)state;
	for (i = 1; i <= 10; i++)
		tracee_add(i, NULL);
	tracee_foreach(remove_odd, &seen);
	assert_int_equal(seen, 10);
	assert_int_equal(tracee_count(), 5);
	assert_null(tracee_find(3));
	assert_non_null(tracee_find(4));
}

static struct tracee_step
step(struct tracee *t, enum stop_kind kind, int sig, int op)
{
	struct stop st = { .kind = kind, .sig = sig };

	return tracee_transition(t, &st, op);
}

static void
test_transitions(void **state)
{
	struct tracee *t = tracee_add(1, NULL);
	struct tracee_step s;

	(void)state;
	/* NEW --first stop--> RUNNING */
	s = step(t, STOP_INTERRUPT, 0, 0);
	assert_int_equal(s.from, TS_NEW);
	assert_int_equal(t->state, TS_RUNNING);
	assert_int_equal(s.action, ACT_RESUME);
	assert_int_equal(s.sig, 0);
	/* syscall entry and exit by the info op, not by counting */
	s = step(t, STOP_SYSCALL, 0, SC_OP_ENTRY);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	s = step(t, STOP_SYSCALL, 0, SC_OP_ENTRY);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	/* events inside the syscall keep the state */
	s = step(t, STOP_FORK, 0, 0);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	s = step(t, STOP_EXEC, 0, 0);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	s = step(t, STOP_SYSCALL, 0, SC_OP_EXIT);
	assert_int_equal(s.from, TS_IN_SYSCALL);
	assert_int_equal(t->state, TS_RUNNING);
	/* signal-delivery-stop: re-inject */
	s = step(t, STOP_SIGNAL, SIGUSR1, 0);
	assert_int_equal(t->state, TS_SIGNAL_STOP);
	assert_int_equal(s.action, ACT_RESUME);
	assert_int_equal(s.sig, SIGUSR1);
	/* group-stop: listen; SIGCONT's re-trap: running again */
	s = step(t, STOP_GROUP, SIGSTOP, 0);
	assert_int_equal(t->state, TS_GROUP_STOP);
	assert_int_equal(s.action, ACT_LISTEN);
	s = step(t, STOP_INTERRUPT, 0, 0);
	assert_int_equal(t->state, TS_RUNNING);
	assert_int_equal(s.action, ACT_RESUME);
	/* an interrupt while in a syscall does not leave the syscall */
	step(t, STOP_SYSCALL, 0, SC_OP_ENTRY);
	step(t, STOP_INTERRUPT, 0, 0);
	assert_int_equal(t->state, TS_IN_SYSCALL);
	/* PTRACE_EVENT_EXIT, then the exit itself */
	s = step(t, STOP_EXIT_EVENT, 0, 0);
	assert_int_equal(t->state, TS_EXITING);
	s = step(t, STOP_KILLED, SIGKILL, 0);
	assert_int_equal(s.from, TS_EXITING);
	assert_int_equal(t->state, TS_DEAD);
	assert_int_equal(s.action, ACT_FORGET);
	/* not a stop at all (WIFCONTINUED): leave it alone */
	t->state = TS_RUNNING;
	s = step(t, STOP_UNKNOWN, 0, 0);
	assert_int_equal(s.action, ACT_NONE);
	assert_string_equal(tracee_state_name(TS_GROUP_STOP), "GROUP_STOP");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(test_table_add_find_remove, teardown),
		cmocka_unit_test_teardown(test_threads_share_a_group, teardown),
		cmocka_unit_test_teardown(test_rekey_after_exec_from_thread, teardown),
		cmocka_unit_test_teardown(test_foreach_may_remove, teardown),
		cmocka_unit_test_teardown(test_transitions, teardown),
	};

	return cmocka_run_group_tests_name("tracee", tests, NULL, NULL);
}
