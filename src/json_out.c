/*
 * json_out.c - --json records and their --trace-events twins
 * (include/json_out.h, docs/json.md).
 *
 * The decoders are not told about JSON: what they print for a syscall is
 * captured (out_capture) into the tracee's t->rec from entry to exit, and
 * at the exit this module splits the argument list at its top-level
 * commas and gives each argument its text, its raw register value and,
 * when the text is structured, a JSON value read from it (argtext.c).
 * Unfinished/resumed halves never exist here: the record is written once,
 * at the exit.  Times: "ts" is CLOCK_REALTIME in ns at the syscall's
 * entry (the event's stop for events), "dur_ns" CLOCK_MONOTONIC from the
 * entry stop to the exit stop.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "argtext.h"
#include "decode.h"
#include "filter.h"
#include "ftrace.h"
#include "json_out.h"
#include "jsonw.h"
#include "output.h"
#include "proctree.h"
#include "ptrace_ops.h"
#include "status_filter.h"
#include "stop.h"
#include "sysent.h"
#include "trace_events.h"
#include "tracee.h"
#include "xlat.h"

#define MAX_ARGS 8

static struct jsonw jw;
static struct out_stage evtext;   /* an event's decoded text (siginfo) */

/*
 * A record is assembled here and handed to the output in one piece at its
 * end: an out_write() per JSON token cost more than the tokens themselves.
 */
static char recbuf[8192];
static size_t reclen;

static void
rec_flush(void)
{
	out_write(recbuf, reclen);
	reclen = 0;
}

static void
sink(void *ctx, const char *s, size_t n)
{
	(void)ctx;
	if (n > sizeof(recbuf) - reclen) {
		rec_flush();
		if (n > sizeof(recbuf)) {
			out_write(s, n);
			return;
		}
	}
	memcpy(recbuf + reclen, s, n);
	reclen += n;
}

static int64_t
ns_of(const struct timespec *ts)
{
	return (int64_t)ts->tv_sec * 1000000000 + ts->tv_nsec;
}

static void
header(void)
{
	struct jsonw *w = json_out_begin("header", NULL);
	unsigned i;

	jsonw_kint(w, "schema", JSON_OUT_SCHEMA);
	jsonw_kstr(w, "tool", FTRACE_NAME);
	jsonw_kstr(w, "version", FTRACE_VERSION);
	jsonw_kstr(w, "ts_clock", "CLOCK_REALTIME");
	if (opts.command) {
		jsonw_key(w, "command");
		jsonw_arr_begin(w);
		for (i = 0; opts.command[i]; i++)
			jsonw_str(w, opts.command[i]);
		jsonw_arr_end(w);
	}
	if (opts.attach_count) {
		jsonw_key(w, "attach");
		jsonw_arr_begin(w);
		for (i = 0; i < opts.attach_count; i++)
			jsonw_int(w, opts.attach_pids[i]);
		jsonw_arr_end(w);
	}
	jsonw_kbool(w, "follow_forks", opts.follow_forks);
	json_out_end(w);
}

void
json_out_start(void)
{
	if (!opts.json)
		return;
	/* -ff: each FILE.TID starts with its own header, when it is made */
	if (opts.output_separately)
		out_set_stream_init(header);
	else
		header();
}

struct jsonw *
json_out_begin(const char *type, const struct tracee *t)
{
	struct timespec real, mono;

	out_stop_time(&real, &mono);
	if (!real.tv_sec)
		clock_gettime(CLOCK_REALTIME, &real);
	jsonw_init(&jw, sink, NULL);
	jsonw_obj_begin(&jw);
	jsonw_kstr(&jw, "type", type);
	jsonw_kint(&jw, "ts", ns_of(&real));
	if (t) {
		jsonw_kint(&jw, "pid", t->proc ? t->proc->tgid : t->tid);
		jsonw_kint(&jw, "tid", t->tid);
	}
	return &jw;
}

void
json_out_end(struct jsonw *w)
{
	jsonw_obj_end(w);
	rec_flush();
	out_line_end();
}

/* The result text: what follows ")", the padding and "= ". */
static void
result_text(const struct out_stage *s, size_t args_end, const char **p,
	    size_t *n)
{
	const char *q = s->data + args_end, *end = s->data + s->len;

	if (q < end && *q == ')')
		q++;
	while (q < end && *q == ' ')
		q++;
	if (end - q >= 2 && q[0] == '=' && q[1] == ' ')
		q += 2;
	*p = q;
	*n = (size_t)(end - q);
}

static void
write_args(struct jsonw *w, const struct tracee *t, const char *text,
	   size_t len)
{
	struct argtext_span sp[MAX_ARGS];
	unsigned n = argtext_split(text, len, sp, MAX_ARGS), i;

	jsonw_key(w, "args");
	jsonw_arr_begin(w);
	for (i = 0; i < n; i++) {
		jsonw_obj_begin(w);
		jsonw_key(w, "text");
		jsonw_strn(w, sp[i].s, sp[i].n);
		/* the register, as the kernel passed it (after compat narrowing) */
		if (i < 6)
			jsonw_kuint(w, "raw", t->entry.args[i]);
		argtext_kvalue(w, "value", sp[i].s, sp[i].n);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
}

void
json_out_syscall(struct tracee *t, const char *name,
		 const struct sc_rec *exit, size_t args_end)
{
	struct timespec real, mono, start;
	const struct out_stage *s = &t->rec;
	const char *ret = NULL;
	size_t ret_len = 0;
	int64_t dur;
	unsigned outcome = !exit ? STATUS_UNFINISHED :
			   status_filter_outcome(exit->is_error);

	if (opts.status && !status_filter_shows(outcome))
		return;
	out_stop_time(&real, &mono);
	dur = ns_of(&mono) - ns_of(&t->entry_time);
	if (dur < 0)
		dur = 0;
	if (args_end > s->len)
		args_end = s->len;
	if (exit)
		result_text(s, args_end, &ret, &ret_len);
	if (opts.trace_events) {
		start.tv_sec = t->entry_time.tv_sec;
		start.tv_nsec = t->entry_time.tv_nsec;
		trace_events_slice(t->proc->tgid, t->tid, name, &start,
				   (uint64_t)dur, s->data, args_end,
				   exit ? ret : "?", exit ? ret_len : 1);
	}
	if (!opts.json)
		return;
	jsonw_init(&jw, sink, NULL);
	jsonw_obj_begin(&jw);
	jsonw_kstr(&jw, "type", "syscall");
	jsonw_kint(&jw, "ts", ns_of(&real) - dur);
	jsonw_kint(&jw, "pid", t->proc->tgid);
	jsonw_kint(&jw, "tid", t->tid);
	jsonw_kstr(&jw, "syscall", name);
	jsonw_kuint(&jw, "nr", t->entry.nr);
	jsonw_key(&jw, "arch");
	if (sysent_arch_name(t->entry.arch))
		jsonw_str(&jw, sysent_arch_name(t->entry.arch));
	else
		jsonw_null(&jw);
	write_args(&jw, t, s->data, args_end);
	jsonw_key(&jw, "ret");
	if (exit) {
		jsonw_int(&jw, exit->rval);
		jsonw_key(&jw, "ret_text");
		jsonw_strn(&jw, ret, ret_len);
		if (exit->is_error) {
			const char *e = xlat_errno_name((int)-exit->rval);

			jsonw_key(&jw, "errno");
			if (e)
				jsonw_str(&jw, e);
			else
				jsonw_int(&jw, -exit->rval);
		}
	} else {
		jsonw_null(&jw);
		jsonw_kbool(&jw, "unfinished", true);
	}
	jsonw_kint(&jw, "dur_ns", dur);
	json_out_end(&jw);
}

static void
event_time(struct timespec *real, struct timespec *mono)
{
	out_stop_time(real, mono);
}

void
json_out_spawn(const struct tracee *parent, const struct tracee *child,
	       const char *how)
{
	struct timespec real, mono;
	bool thread = child->proc == parent->proc;

	event_time(&real, &mono);
	if (opts.trace_events) {
		trace_events_name(child->proc->tgid, child->tid, true);
		trace_events_flow(parent->proc->tgid, parent->tid,
				  child->proc->tgid, child->tid, &mono);
	}
	if (opts.json) {
		struct jsonw *w = json_out_begin("spawn", parent);

		jsonw_kstr(w, "how", how);
		jsonw_kint(w, "child", child->tid);
		jsonw_kbool(w, "thread", thread);
		json_out_end(w);
	}
}

void
json_out_exec(struct tracee *t)
{
	struct timespec real, mono;

	event_time(&real, &mono);
	if (opts.trace_events) {
		trace_events_name(t->proc->tgid, t->tid, true);
		trace_events_instant(t->proc->tgid, t->tid, "exec", &mono, NULL);
	}
	if (opts.json) {
		struct jsonw *w = json_out_begin("exec", t);
		struct argtext_span sp[2];

		/* the file name from the execve's captured arguments */
		if (t->entry_shown && t->ent && (t->ent->flags & SF_EXEC) &&
		    argtext_split(t->rec.data, t->rec.len, sp, 2))
			argtext_kvalue(w, "filename", sp[0].s, sp[0].n);
		json_out_end(w);
	}
}

void
json_out_signal(struct tracee *t, int sig)
{
	const char *name = xlat_signal_name(sig);
	struct timespec real, mono;

	event_time(&real, &mono);
	if (opts.trace_events)
		trace_events_instant(t->proc->tgid, t->tid, "signal", &mono,
				     name ? name : "?");
	if (opts.json) {
		struct jsonw *w;
		siginfo_t si;
		bool have = pt_getsiginfo(t->tid, &si) == 0;

		if (have) {
			evtext.len = 0;
			out_capture(&evtext, false);
			dec_print_siginfo(&si);
			out_capture(NULL, false);
		}
		w = json_out_begin("signal", t);
		if (name)
			jsonw_kstr(w, "signal", name);
		else
			jsonw_kint(w, "signal", sig);
		jsonw_kint(w, "signo", sig);
		if (have) {
			jsonw_key(w, "siginfo");
			jsonw_obj_begin(w);
			jsonw_key(w, "text");
			jsonw_strn(w, evtext.data, evtext.len);
			jsonw_key(w, "value");
			if (!argtext_value(w, evtext.data, evtext.len))
				jsonw_null(w);
			jsonw_obj_end(w);
		}
		json_out_end(w);
	}
}

void
json_out_group_stop(const struct tracee *t, int sig)
{
	const char *name = xlat_signal_name(sig);
	struct timespec real, mono;

	event_time(&real, &mono);
	if (opts.trace_events)
		trace_events_instant(t->proc->tgid, t->tid, "stopped", &mono,
				     name ? name : "?");
	if (opts.json) {
		struct jsonw *w = json_out_begin("stop", t);

		if (name)
			jsonw_kstr(w, "signal", name);
		else
			jsonw_kint(w, "signal", sig);
		json_out_end(w);
	}
}

void
json_out_death(const struct tracee *t, const struct stop *st)
{
	bool killed = st->kind == STOP_KILLED;
	const char *name = killed ? xlat_signal_name(st->sig) : NULL;
	struct timespec real, mono;

	event_time(&real, &mono);
	if (opts.trace_events) {
		char detail[48];

		if (killed)
			snprintf(detail, sizeof(detail), "killed by %s%s",
				 name ? name : "?", st->core ? " (core dumped)" : "");
		else
			snprintf(detail, sizeof(detail), "exited with %d", st->code);
		trace_events_instant(t->proc->tgid, t->tid, killed ? "killed" : "exit",
				     &mono, detail);
	}
	if (opts.json) {
		struct jsonw *w = json_out_begin(killed ? "killed" : "exit", t);

		if (!killed) {
			jsonw_kint(w, "code", st->code);
		} else {
			if (name)
				jsonw_kstr(w, "signal", name);
			else
				jsonw_kint(w, "signal", st->sig);
			jsonw_kbool(w, "core", st->core);
		}
		json_out_end(w);
	}
}

static void
simple_event(const struct tracee *t, const char *type)
{
	struct timespec real, mono;

	event_time(&real, &mono);
	if (opts.trace_events)
		trace_events_instant(t->proc->tgid, t->tid, type, &mono, NULL);
	if (opts.json)
		json_out_end(json_out_begin(type, t));
}

void
json_out_attach(const struct tracee *t)
{
	if (opts.trace_events)
		trace_events_name(t->proc->tgid, t->tid, true);
	simple_event(t, "attach");
}

void
json_out_detach(const struct tracee *t)
{
	simple_event(t, "detach");
}

/* CLOCK_MONOTONIC ns (the process records' clock) as CLOCK_REALTIME ns. */
static int64_t
mono_to_real(uint64_t mono_ns)
{
	struct timespec real, mono;

	clock_gettime(CLOCK_REALTIME, &real);
	clock_gettime(CLOCK_MONOTONIC, &mono);
	return (int64_t)mono_ns + ns_of(&real) - ns_of(&mono);
}

static const char *const end_names[] = {
	[PROCTREE_RUNNING] = "running",
	[PROCTREE_EXITED] = "exited",
	[PROCTREE_KILLED] = "killed",
	[PROCTREE_DETACHED] = "detached",
};

/*
 * One "process" record per traced process, written after the trace (the
 * --tree data: docs/json.md).  A proctree_for_each() callback.
 */
void
json_out_process(const struct proctree_rec *r, void *arg)
{
	struct jsonw *w = json_out_begin("process", NULL);
	const char *sig;
	unsigned i, j;

	(void)arg;
	jsonw_kint(w, "pid", r->pid);
	jsonw_kint(w, "ppid", r->ppid);
	jsonw_kstr(w, "comm", r->comm ? r->comm : "");
	jsonw_kbool(w, "attached", r->attached);
	jsonw_kint(w, "start_ts", mono_to_real(r->start_ns));
	jsonw_kuint(w, "dur_ns", r->end_ns > r->start_ns ?
				 r->end_ns - r->start_ns : 0);
	jsonw_kstr(w, "end", end_names[r->end]);
	if (r->end == PROCTREE_EXITED) {
		jsonw_kint(w, "code", r->status);
	} else if (r->end == PROCTREE_KILLED) {
		sig = xlat_signal_name(r->status);
		if (sig)
			jsonw_kstr(w, "signal", sig);
		else
			jsonw_kint(w, "signal", r->status);
		jsonw_kbool(w, "core", r->core);
	}
	jsonw_kuint(w, "threads", r->threads);
	jsonw_kuint(w, "syscalls", r->syscalls);
	jsonw_kuint(w, "failed", r->failed);
	jsonw_key(w, "execs");
	jsonw_arr_begin(w);
	for (i = 0; i < r->nexecs; i++) {
		const struct proctree_exec *e = &r->execs[i];

		jsonw_obj_begin(w);
		jsonw_kint(w, "ts", mono_to_real(e->ts_ns));
		jsonw_key(w, "argv");
		jsonw_arr_begin(w);
		for (j = 0; j < e->argc; j++)
			jsonw_str(w, e->argv[j]);
		jsonw_arr_end(w);
		jsonw_kbool(w, "truncated", e->truncated);
		if (e->cwd)
			jsonw_kstr(w, "cwd", e->cwd);
		jsonw_obj_end(w);
	}
	jsonw_arr_end(w);
	json_out_end(w);
}
