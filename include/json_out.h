/*
 * json_out.h - --json (JSON Lines) records, and the hand-off of the same
 * events to --trace-events (trace_events.h).
 *
 * Each record is one JSON object on one line, written to the trace
 * destination (the -o file, its -ff files, or stderr) through output.c's
 * buffers.  Schema and examples: docs/json.md.
 *
 * Other modules add records of their own with
 *
 *	struct jsonw *w = json_out_begin("process", t);   (t may be NULL)
 *	jsonw_kint(w, "pid", ...); ...
 *	json_out_end(w);
 *
 * begin writes {"type":...,"ts":...[,"pid":...,"tid":...]; end closes the
 * object and the line.
 */
#ifndef FTRACE_JSON_OUT_H
#define FTRACE_JSON_OUT_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "syscall_info.h"

#define JSON_OUT_SCHEMA 1

struct jsonw;
struct proctree_rec;
struct tracee;
struct stop;

/* After out_open: the header record (and, with -ff, one per file). */
void json_out_start(void);

struct jsonw *json_out_begin(const char *type, const struct tracee *t);
void json_out_end(struct jsonw *w);

/*
 * A syscall's text is captured in t->rec (out_capture) from its entry to
 * its exit; args_end is where its argument list ends in it, and after it
 * come ")", padding and "= result".  exit is NULL for a syscall that never
 * returned (death, exec of another thread, detach).
 */
void json_out_syscall(struct tracee *t, const char *name,
		      const struct sc_rec *exit, size_t args_end);

/*
 * Events.  Each writes its --json record and/or its --trace-events event;
 * the text line is the caller's business (none with --json).
 */
void json_out_spawn(const struct tracee *parent, const struct tracee *child,
		    const char *how);
void json_out_exec(struct tracee *t);
void json_out_signal(struct tracee *t, int sig);
void json_out_group_stop(const struct tracee *t, int sig);
void json_out_death(const struct tracee *t, const struct stop *st);
void json_out_attach(const struct tracee *t);
void json_out_detach(const struct tracee *t);
void json_out_process(const struct proctree_rec *r, void *arg);

#endif /* FTRACE_JSON_OUT_H */
