/*
 * tracee.h - one struct per traced thread, its hash table and its state
 * machine.
 *
 * tracee.c alone owns the uthash head and the hh handles.  A tracee is
 * created on first sight of its TID (a new child's first stop can arrive
 * before its parent's fork event), linked to its thread group (struct proc)
 * and freed when its exit has been reaped.
 */
#ifndef FTRACE_TRACEE_H
#define FTRACE_TRACEE_H

#include <stdbool.h>
#include <sys/types.h>
#include <time.h>
#include <uthash.h>

#include "fdcache.h"
#include "output.h"
#include "stop.h"
#include "syscall_info.h"

struct sysent;
struct out_stream;
struct proctree_rec;
struct ft_proc;

/*
 * The states of a traced thread (docs/architecture.md has the diagram).
 * Transitions happen only in tracee_transition().
 */
enum tracee_state {
	TS_NEW,         /* seized or auto-attached; first stop not seen yet */
	TS_RUNNING,     /* in user space, resumed with PTRACE_SYSCALL */
	TS_IN_SYSCALL,  /* between syscall-entry and -exit stops; entry saved */
	TS_SIGNAL_STOP, /* in signal-delivery-stop, signal to re-inject */
	TS_GROUP_STOP,  /* in group-stop, resumed with PTRACE_LISTEN */
	TS_EXITING,     /* exit_group entered or PTRACE_EVENT_EXIT seen */
	TS_DEAD,        /* exit reaped; about to be freed */
};

/* What the loop must do with the tracee after a stop. */
enum tracee_action {
	ACT_RESUME,  /* PTRACE_SYSCALL, injecting act_sig */
	ACT_LISTEN,  /* PTRACE_LISTEN: stay group-stopped */
	ACT_FORGET,  /* reaped: remove from the table */
	ACT_NONE,    /* not stopped: nothing to do */
};

/* A thread group.  Threads point to it; it lives while it has threads. */
struct proc {
	pid_t tgid;
	unsigned nthreads;
	struct fdcache *fds;  /* -y: fd -> path, filled lazily (fdcache.c) */
	struct proctree_rec *rec; /* --tree...: its record (proctree.h) or NULL */
	struct ft_proc *files;    /* --files: its fd table (filetrack.h) or NULL */
};

struct tracee {
	pid_t tid;                /* hash key; changed only by tracee_rekey() */
	enum tracee_state state;
	struct proc *proc;
	bool hidden;              /* spawned child before its execve: not shown */
	bool first_exec;          /* that execve is in progress */
	bool spawned;             /* started by us (not -p attached) */
	bool attached;            /* -p: to be detached, not killed, at the end */
	bool detaching;           /* interrupted to be detached at its next stop */
	uint32_t arch;            /* AUDIT_ARCH of its last syscall entry, 0: none yet */
	bool grabbed;             /* -p: no syscall stop seen since the attach */

	/* The syscall in progress (valid in TS_IN_SYSCALL / TS_EXITING). */
	struct sc_rec entry;
	const struct sysent *ent; /* NULL for an unknown number */
	bool entry_shown;         /* its entry part was printed */
	bool args_done;           /* every argument was printed at entry */
	uint64_t dec_scratch[4];  /* a decoder's own, entry to exit */
	/* the call cut by ERESTART_RESTARTBLOCK, which restart_syscall resumes */
	const struct sysent *interrupted;
	struct timespec entry_time; /* -T: CLOCK_MONOTONIC at the entry stop */
	uint64_t stats_mark;        /* -c/-C: stats_stop_clock() at the entry stop */
	struct out_stream *out;   /* -ff: its own output stream (output.c) */
	/* -e status=, -z, -Z: the syscall's line, held until its outcome */
	struct out_stage stage;
	/* --json, --trace-events: the syscall's text, entry to exit */
	struct out_stage rec;

	UT_hash_handle hh;
};

/* Result of tracee_transition(). */
struct tracee_step {
	enum tracee_action action;
	int sig;             /* signal to inject with ACT_RESUME */
	enum tracee_state from;
};

struct tracee *tracee_find(pid_t tid);
/* Create a tracee in TS_NEW, in proc (NULL: a new thread group of its own). */
struct tracee *tracee_add(pid_t tid, struct proc *proc);
void tracee_remove(struct tracee *t);
/* Change the key (exec from a non-leader thread takes the leader's TID). */
void tracee_rekey(struct tracee *t, pid_t new_tid);
/* Move t into another thread group. */
void tracee_set_proc(struct tracee *t, struct proc *proc);
unsigned tracee_count(void);
/* Call fn for every tracee; fn may remove the one it is given. */
void tracee_foreach(void (*fn)(struct tracee *t, void *arg), void *arg);
void tracee_remove_all(void);

/*
 * The state machine: given a classified stop (and, for syscall-stops, the
 * op of PTRACE_GET_SYSCALL_INFO), set the new state and say how to resume.
 * Pure apart from t->state, so tests can feed it synthetic stops.
 */
struct tracee_step tracee_transition(struct tracee *t, const struct stop *st,
				     int sc_op);

const char *tracee_state_name(enum tracee_state s);

#endif /* FTRACE_TRACEE_H */
