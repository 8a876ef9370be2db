/*
 * proctree.c - the process records (include/proctree.h): who forked whom,
 * what each process exec'd where, when it started and ended, how it
 * ended and how many syscalls it made.
 *
 * Records live in one list in creation order and are only freed by
 * proctree_reset(): the reports are written after the trace.  Everything
 * here runs at rare events (fork, exec, death) except the two inline
 * counters in the header.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "proctree.h"
#include "stats.h"
#include "sysent.h"
#include "tracee.h"
#include "umem.h"
#include "xlat.h"

static bool enabled, with_stats;
static struct proctree_rec *head, *tail;
static unsigned nrecs, next_seq;
static uint64_t fake_clock;

void
proctree_enable(bool per_process_stats)
{
	enabled = true;
	with_stats = with_stats || per_process_stats;
}

bool
proctree_enabled(void)
{
	return enabled;
}

void
proctree_set_clock(uint64_t ns)
{
	fake_clock = ns;
}

static uint64_t
now_ns(void)
{
	struct timespec ts;

	if (fake_clock)
		return fake_clock;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

struct proctree_rec *
proctree_new(pid_t pid)
{
	struct proctree_rec *r;

	if (!enabled)
		return NULL;
	r = xcalloc(1, sizeof(*r));
	r->pid = pid;
	r->seq = next_seq++;
	r->start_ns = now_ns();
	if (with_stats)
		r->stats = stats_set_new();
	r->prev = tail;
	if (tail)
		tail->next = r;
	else
		head = r;
	tail = r;
	nrecs++;
	return r;
}

static void
exec_free(struct proctree_exec *e)
{
	unsigned i;

	for (i = 0; e->argv && i < e->argc; i++)
		free(e->argv[i]);
	free(e->argv);
	free(e->cwd);
	memset(e, 0, sizeof(*e));
}

static void
rec_free(struct proctree_rec *r)
{
	unsigned i;

	for (i = 0; i < r->nexecs; i++)
		exec_free(&r->execs[i]);
	free(r->execs);
	exec_free(&r->pending);
	stats_set_free(r->stats);
	free(r);
}

static void
unlink_rec(struct proctree_rec *r)
{
	if (r->prev)
		r->prev->next = r->next;
	else
		head = r->next;
	if (r->next)
		r->next->prev = r->prev;
	else
		tail = r->prev;
	nrecs--;
}

void
proctree_merge(struct proctree_rec *rec, struct proctree_rec *into)
{
	if (!rec || rec == into)
		return;
	if (into) {
		into->syscalls += rec->syscalls;
		into->failed += rec->failed;
		stats_set_add(into->stats, rec->stats);
	}
	/* It was just seen, so nothing can have it as a parent yet. */
	unlink_rec(rec);
	rec_free(rec);
}

static void
add_child(struct proctree_rec *parent, struct proctree_rec *child)
{
	if (parent->last_child)
		parent->last_child->next_sibling = child;
	else
		parent->first_child = child;
	parent->last_child = child;
}

void
proctree_on_child(struct tracee *parent, struct tracee *child, bool thread)
{
	struct proctree_rec *p = parent->proc->rec, *c = child->proc->rec;

	if (!p)
		return;
	if (thread) {
		p->threads++;
		return;
	}
	if (!c || c->parent)
		return;
	c->parent = p;
	c->ppid = p->pid;
	c->comm = p->comm;
	/* it was made at its first stop, which may come after the event */
	if (c->start_ns < p->start_ns)
		c->start_ns = p->start_ns;
	add_child(p, c);
}

/* argv of the execve/execveat being entered, read into r->pending. */
static void
read_argv(struct tracee *t, const struct sc_rec *rec, struct proctree_exec *e)
{
	unsigned ws = sysent_arch_wordsize(rec->arch);
	uint64_t argv = t->ent == &sysent_table[SC_execveat] ? rec->args[2] :
			rec->args[1];
	size_t budget = PROCTREE_ARG_BYTES;
	char buf[PROCTREE_ARG_BYTES];
	unsigned i;

	e->argv = xcalloc(PROCTREE_ARGV_MAX + 1, sizeof(char *));
	for (i = 0; argv && i < PROCTREE_ARGV_MAX + 1; i++) {
		uint64_t p;
		bool term = false;
		long n;

		if (umem_read_word(t->tid, argv + (uint64_t)i * ws, ws, &p) < 0 ||
		    !p)
			return;
		if (i == PROCTREE_ARGV_MAX || budget < 2) {
			e->truncated = true;
			return;
		}
		n = umem_read_str(t->tid, p, buf, budget, &term);
		if (n < 0)
			return;
		if (!term)
			e->truncated = true;
		e->argv[e->argc++] = xstrdup(buf);
		budget -= (size_t)n + 1;
	}
}

void
proctree_on_entry(struct tracee *t, const struct sc_rec *rec)
{
	struct proctree_rec *r = t->proc->rec;

	r->syscalls++;
	if (!t->ent || !(t->ent->flags & SF_EXEC))
		return;
	exec_free(&r->pending);
	read_argv(t, rec, &r->pending);
	r->has_pending = true;
}

void
proctree_on_exit(struct tracee *t, const struct sc_rec *rec)
{
	struct proctree_rec *r = t->proc->rec;

	if (!rec->is_error)
		return;
	r->failed++;
	if (r->has_pending && t->ent && (t->ent->flags & SF_EXEC)) {
		exec_free(&r->pending);
		r->has_pending = false;
	}
}

static char *
read_link(pid_t pid, const char *what)
{
	char path[64], buf[4096];
	ssize_t n;

	snprintf(path, sizeof(path), "/proc/%d/%s", pid, what);
	n = readlink(path, buf, sizeof(buf) - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	return xstrdup(buf);
}

static void
push_exec(struct proctree_rec *r, struct proctree_exec *e)
{
	struct proctree_exec *n = realloc(r->execs,
					  (r->nexecs + 1) * sizeof(*n));

	if (!n)
		die("out of memory");
	r->execs = n;
	r->execs[r->nexecs++] = *e;
	memset(e, 0, sizeof(*e));
	if (r->execs[r->nexecs - 1].argc)
		r->comm = r->execs[r->nexecs - 1].argv[0];
}

/* argv from /proc/PID/cmdline into e (empty if it cannot be read). */
static void
read_cmdline(pid_t pid, struct proctree_exec *e)
{
	char path[64], buf[PROCTREE_ARG_BYTES];
	size_t off = 0;
	ssize_t n;
	FILE *f;

	e->argv = xcalloc(PROCTREE_ARGV_MAX + 1, sizeof(char *));
	snprintf(path, sizeof(path), "/proc/%d/cmdline", pid);
	f = fopen(path, "r");
	if (!f)
		return;
	n = (ssize_t)fread(buf, 1, sizeof(buf) - 1, f);
	e->truncated = !feof(f);
	fclose(f);
	if (n <= 0)
		return;
	buf[n] = '\0';
	while (off < (size_t)n && e->argc < PROCTREE_ARGV_MAX) {
		e->argv[e->argc++] = xstrdup(buf + off);
		off += strlen(buf + off) + 1;
	}
	e->truncated = e->truncated || off < (size_t)n;
}

void
proctree_on_exec(struct tracee *t)
{
	struct proctree_rec *r = t->proc->rec;

	if (!r)
		return;
	/*
	 * No entry seen (--seccomp-bpf without execve in -e trace=): the
	 * new program's /proc/PID/cmdline has the same argv.
	 */
	if (!r->has_pending)
		read_cmdline(r->pid, &r->pending);
	r->has_pending = false;
	r->pending.cwd = read_link(r->pid, "cwd");
	r->pending.ts_ns = now_ns();
	push_exec(r, &r->pending);
}

/*
 * -p: the command line of a process that was running already.  Not read
 * when read_argv is false: at an exec stop the exec records the new argv
 * itself, and a dead process has none.
 */
void
proctree_on_attach(struct tracee *t, bool read_argv)
{
	struct proctree_rec *r = t->proc->rec;
	struct proctree_exec e = { 0 };

	if (!r || t->tid != r->pid || r->attached)
		return;
	r->attached = true;
	if (!read_argv)
		return;
	read_cmdline(r->pid, &e);
	e.cwd = read_link(r->pid, "cwd");
	e.ts_ns = r->start_ns;
	push_exec(r, &e);
}

void
proctree_on_death(struct tracee *t, int wait_status)
{
	struct proctree_rec *r = t->proc->rec;

	/* A thread group ends when its leader is reaped: after every thread. */
	if (!r || t->tid != r->pid || r->end != PROCTREE_RUNNING)
		return;
	r->end_ns = now_ns();
	if (WIFSIGNALED(wait_status)) {
		r->end = PROCTREE_KILLED;
		r->status = WTERMSIG(wait_status);
		r->core = WCOREDUMP(wait_status);
	} else {
		r->end = PROCTREE_EXITED;
		r->status = WEXITSTATUS(wait_status);
	}
}

void
proctree_on_detach(struct tracee *t)
{
	struct proctree_rec *r = t->proc->rec;

	if (!r || t->tid != r->pid || r->end != PROCTREE_RUNNING)
		return;
	r->end = PROCTREE_DETACHED;
	r->end_ns = now_ns();
}

void
proctree_finish(void)
{
	struct proctree_rec *r;
	uint64_t now = now_ns();

	for (r = head; r; r = r->next)
		if (r->end == PROCTREE_RUNNING && !r->end_ns)
			r->end_ns = now;
}

void
proctree_for_each(void (*fn)(const struct proctree_rec *r, void *arg),
		  void *arg)
{
	const struct proctree_rec *r;

	for (r = head; r; r = r->next)
		fn(r, arg);
}

static void
walk(const struct proctree_rec *r, unsigned depth, bool last,
     void (*fn)(const struct proctree_rec *, unsigned, bool, void *),
     void *arg)
{
	const struct proctree_rec *c;

	fn(r, depth, last, arg);
	for (c = r->first_child; c; c = c->next_sibling)
		walk(c, depth + 1, !c->next_sibling, fn, arg);
}

void
proctree_walk(void (*fn)(const struct proctree_rec *r, unsigned depth,
			 bool last, void *arg), void *arg)
{
	const struct proctree_rec *r, *last_root = NULL;

	for (r = head; r; r = r->next)
		if (!r->parent)
			last_root = r;
	for (r = head; r; r = r->next)
		if (!r->parent)
			walk(r, 0, r == last_root, fn, arg);
}

unsigned
proctree_count(void)
{
	return nrecs;
}

void
proctree_span(uint64_t *first_ns, uint64_t *last_ns)
{
	const struct proctree_rec *r;

	*first_ns = *last_ns = 0;
	for (r = head; r; r = r->next) {
		if (r == head || r->start_ns < *first_ns)
			*first_ns = r->start_ns;
		if (r->end_ns > *last_ns)
			*last_ns = r->end_ns;
	}
	if (*last_ns < *first_ns)
		*last_ns = *first_ns;
}

const char *
proctree_comm_base(const struct proctree_rec *r)
{
	const char *s = r->comm, *slash;

	if (!s || !*s)
		return "?";
	slash = strrchr(s, '/');
	return slash && slash[1] ? slash + 1 : s;
}

void
proctree_end_text(const struct proctree_rec *r, char *buf, size_t size)
{
	const char *sig;

	switch (r->end) {
	case PROCTREE_EXITED:
		snprintf(buf, size, "exited %d", r->status);
		break;
	case PROCTREE_KILLED:
		sig = xlat_signal_name(r->status);
		if (sig)
			snprintf(buf, size, "killed by %s%s", sig,
				 r->core ? " (core dumped)" : "");
		else
			snprintf(buf, size, "killed by signal %d%s", r->status,
				 r->core ? " (core dumped)" : "");
		break;
	case PROCTREE_DETACHED:
		snprintf(buf, size, "detached");
		break;
	default:
		snprintf(buf, size, "running");
		break;
	}
}

void
proctree_reset(void)
{
	struct proctree_rec *r, *n;

	for (r = head; r; r = n) {
		n = r->next;
		rec_free(r);
	}
	head = tail = NULL;
	nrecs = next_seq = 0;
	enabled = with_stats = false;
	fake_clock = 0;
}
