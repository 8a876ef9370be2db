/*
 * tracee.c - the table of traced threads (uthash, keyed by TID), their
 * thread groups and the one transition function of their state machine.
 */
#include <assert.h>
#include <stdlib.h>

#include "error.h"
#include "filetrack.h"
#include "ftrace.h"
#include "proctree.h"
#include "tracee.h"

/* HASH_FIND_INT/HASH_ADD_INT read the key as an int. */
static_assert(sizeof(pid_t) == sizeof(int), "pid_t must be an int");

static struct tracee *table;

struct tracee *
tracee_find(pid_t tid)
{
	struct tracee *t;

	HASH_FIND_INT(table, &tid, t);
	return t;
}

static struct proc *
proc_new(pid_t tgid)
{
	struct proc *p = calloc(1, sizeof(*p));

	if (!p)
		die("out of memory");
	p->tgid = tgid;
	p->rec = proctree_new(tgid);
	if (opts.files)
		p->files = filetrack_proc_new();
	return p;
}

static void
proc_put(struct proc *p)
{
	if (p && --p->nthreads == 0) {
		fdcache_free(p->fds);
		filetrack_proc_free(p->files);
		free(p);
	}
}

struct tracee *
tracee_add(pid_t tid, struct proc *proc)
{
	struct tracee *t = calloc(1, sizeof(*t));

	if (!t)
		die("out of memory");
	t->tid = tid;
	t->state = TS_NEW;
	t->proc = proc ? proc : proc_new(tid);
	t->proc->nthreads++;
	HASH_ADD_INT(table, tid, t);
	return t;
}

void
tracee_remove(struct tracee *t)
{
	HASH_DEL(table, t);
	proc_put(t->proc);
	free(t->stage.data);
	free(t->rec.data);
	free(t);
}

void
tracee_rekey(struct tracee *t, pid_t new_tid)
{
	/* uthash keys must not change in place: delete, re-key, re-add. */
	HASH_DEL(table, t);
	t->tid = new_tid;
	HASH_ADD_INT(table, tid, t);
}

void
tracee_set_proc(struct tracee *t, struct proc *proc)
{
	if (t->proc == proc)
		return;
	/* a thread first seen as a process of its own: not a process */
	if (t->proc->nthreads == 1)
		proctree_merge(t->proc->rec, proc->rec);
	proc->nthreads++;
	proc_put(t->proc);
	t->proc = proc;
}

unsigned
tracee_count(void)
{
	return HASH_COUNT(table);
}

void
tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg)
{
	struct tracee *t, *tmp;

	HASH_ITER(hh, table, t, tmp)
		fn(t, arg);
}

void
tracee_remove_all(void)
{
	struct tracee *t, *tmp;

	HASH_ITER(hh, table, t, tmp)
		tracee_remove(t);
}

struct tracee_step
tracee_transition(struct tracee *t, const struct stop *st, int sc_op)
{
	struct tracee_step step = { .action = ACT_RESUME, .from = t->state };

	switch (st->kind) {
	case STOP_EXITED:
	case STOP_KILLED:
		t->state = TS_DEAD;
		step.action = ACT_FORGET;
		break;
	case STOP_SYSCALL:
		/*
		 * The op says which side of the syscall this is; counting stops
		 * would go wrong after an attach or a new child's first stop.
		 */
		if (sc_op == SC_OP_ENTRY)
			t->state = TS_IN_SYSCALL;
		else if (sc_op == SC_OP_EXIT)
			t->state = TS_RUNNING;
		break;
	case STOP_SECCOMP:
		t->state = TS_IN_SYSCALL;
		break;
	case STOP_EXIT_EVENT:
		t->state = TS_EXITING;
		break;
	case STOP_FORK:
	case STOP_VFORK:
	case STOP_CLONE:
	case STOP_EXEC:
	case STOP_VFORK_DONE:
		/* Event stops happen inside the syscall: the state stays. */
		break;
	case STOP_INTERRUPT:
		/* A new child's first stop, or the re-trap after SIGCONT. */
		if (t->state == TS_NEW || t->state == TS_GROUP_STOP)
			t->state = TS_RUNNING;
		break;
	case STOP_GROUP:
		t->state = TS_GROUP_STOP;
		step.action = ACT_LISTEN;
		break;
	case STOP_SIGNAL:
		/* Reported, then re-injected by the resume: ptrace(2). */
		t->state = TS_SIGNAL_STOP;
		step.sig = st->sig;
		break;
	case STOP_UNKNOWN:
		step.action = ACT_NONE;
		break;
	}
	return step;
}

const char *
tracee_state_name(enum tracee_state s)
{
	static const char *const names[] = {
		[TS_NEW] = "NEW",
		[TS_RUNNING] = "RUNNING",
		[TS_IN_SYSCALL] = "IN_SYSCALL",
		[TS_SIGNAL_STOP] = "SIGNAL_STOP",
		[TS_GROUP_STOP] = "GROUP_STOP",
		[TS_EXITING] = "EXITING",
		[TS_DEAD] = "DEAD",
	};

	if ((unsigned)s < sizeof(names) / sizeof(names[0]) && names[s])
		return names[s];
	return "?";
}
