/*
 * proctree.h - one record per traced process (thread group), kept until the
 * end of the trace: for --tree, --timeline, -c --per-process and the JSON
 * process records.
 *
 * A record is made with its struct proc (tracee.c) and outlives it.  Its
 * parent is the tracee whose fork, vfork or clone event made it; threads
 * are counted in their process, never as processes.  What the hot path
 * touches is two counters reached through t->proc->rec: no lookup, no
 * allocation.  argv is read at execve entry and the cwd at the exec
 * event: both rare.
 */
#ifndef FTRACE_PROCTREE_H
#define FTRACE_PROCTREE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>
#include <time.h>

struct stats_set;
struct tracee;
struct sc_rec;

/* At most this many arguments and bytes of argv are kept per exec. */
#define PROCTREE_ARGV_MAX  64
#define PROCTREE_ARG_BYTES 4096

/* One successful execve/execveat of a process. */
struct proctree_exec {
	char **argv;              /* argc strings, NUL-terminated array */
	unsigned argc;
	bool truncated;           /* more arguments or bytes than were kept */
	char *cwd;                /* /proc/PID/cwd at the exec event, or NULL */
	uint64_t ts_ns;           /* CLOCK_MONOTONIC at the exec event */
};

/* How a process ended. */
enum proctree_end {
	PROCTREE_RUNNING = 0,     /* no end seen (the trace stopped first) */
	PROCTREE_EXITED,          /* status: exit code */
	PROCTREE_KILLED,          /* status: signal number; core: dumped */
	PROCTREE_DETACHED,        /* let go (-b execve, a signal, -p end) */
};

struct proctree_rec {
	pid_t pid;                /* thread group id */
	pid_t ppid;               /* the tracee that forked it, 0: a root */
	unsigned seq;             /* creation order, from 0 */
	const struct proctree_rec *parent;   /* NULL for a root */
	bool attached;            /* -p: it was running before the trace */
	uint64_t start_ns, end_ns;           /* CLOCK_MONOTONIC */
	enum proctree_end end;
	int status;               /* exit code or signal */
	bool core;                /* killed, core dumped */
	unsigned threads;         /* threads it created (clone CLONE_THREAD) */
	uint64_t syscalls;        /* syscall entries seen (any -e trace=) */
	uint64_t failed;          /* ...of which returned an error */
	struct proctree_exec *execs;  /* successful execs, in order */
	unsigned nexecs;
	/* the command: last exec's argv[0], else the parent's (a fork) */
	const char *comm;
	struct stats_set *stats;  /* -c --per-process counters, or NULL */

	/* private */
	struct proctree_exec pending; /* argv read at execve entry */
	bool has_pending;
	struct proctree_rec *next, *prev;
	struct proctree_rec *first_child, *last_child, *next_sibling;
};

/* Is any process record wanted (--tree, --timeline, --per-process...)? */
void proctree_enable(bool per_process_stats);
bool proctree_enabled(void);

/* A new thread group (called by tracee.c); NULL when not enabled. */
struct proctree_rec *proctree_new(pid_t pid);
/*
 * rec turned out to be a thread of into (its first stop came before the
 * clone event that made it a thread): its counts join into's, the record
 * goes away.
 */
void proctree_merge(struct proctree_rec *rec, struct proctree_rec *into);

/* Hooks from the dispatcher (trace.c). */
void proctree_on_entry(struct tracee *t, const struct sc_rec *rec);
void proctree_on_exit(struct tracee *t, const struct sc_rec *rec);
void proctree_on_child(struct tracee *parent, struct tracee *child,
		       bool thread);
void proctree_on_exec(struct tracee *t);
/* A thread died: the process ends with its leader's status. */
void proctree_on_death(struct tracee *t, int wait_status);
void proctree_on_detach(struct tracee *t);
/*
 * -p: the first stop of a seized thread; the leader's marks its record
 * attached and, if read_argv, reads /proc/PID/cmdline.
 */
void proctree_on_attach(struct tracee *t, bool read_argv);

/* The hot-path counters (trace.c): one pointer test when not enabled. */
static inline void
proctree_count_entry(struct proctree_rec *r)
{
	if (r)
		r->syscalls++;
}

static inline void
proctree_count_error(struct proctree_rec *r)
{
	if (r)
		r->failed++;
}

/* The records in creation order; fn gets each one. */
void proctree_for_each(void (*fn)(const struct proctree_rec *r, void *arg),
		       void *arg);
/* Depth-first, children in creation order; depth 0 for roots. */
void proctree_walk(void (*fn)(const struct proctree_rec *r, unsigned depth,
			      bool last, void *arg), void *arg);
unsigned proctree_count(void);
/* Earliest start and latest end (the trace's span), in ns. */
void proctree_span(uint64_t *first_ns, uint64_t *last_ns);
/* The command's basename ("?" before anything is known). */
const char *proctree_comm_base(const struct proctree_rec *r);
/* "exited 0", "killed by SIGKILL (core dumped)", "detached", "running" */
void proctree_end_text(const struct proctree_rec *r, char *buf, size_t size);

/* Processes still alive at the end of the trace end now (not detached). */
void proctree_finish(void);
/* --tree: the indented tree (docs/audit.md has the format). */
void proctree_print(FILE *f);
/* One argument as the tree prints it: bare, or quoted with C escapes. */
void proctree_print_arg(FILE *f, const char *s);
/* Forget every record (tests). */
void proctree_reset(void);
/* Test and set-up helpers: clock value used for the next event (0: real). */
void proctree_set_clock(uint64_t ns);

#endif /* FTRACE_PROCTREE_H */
