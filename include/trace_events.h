/*
 * trace_events.h - --trace-events=FILE: the Chrome / Perfetto Trace Event
 * Format (JSON object form), streamed.
 *
 * The file is {"displayTimeUnit":"ns","otherData":{...},"traceEvents":[
 * then one event per line, and "]}" written by trace_events_close(), which
 * runs on every exit path (normal end, a fatal signal to ftrace-c, die()).
 * Times are microseconds (3 decimals: ns precision) of CLOCK_MONOTONIC
 * since ftrace-c started.  docs/json.md describes the events.
 */
#ifndef FTRACE_TRACE_EVENTS_H
#define FTRACE_TRACE_EVENTS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

struct timespec;

void trace_events_open(const char *path);
void trace_events_close(void);

/* "X": a complete slice on pid/tid's track. */
void trace_events_slice(pid_t pid, pid_t tid, const char *name,
			const struct timespec *start, uint64_t dur_ns,
			const char *args, size_t args_len,
			const char *ret, size_t ret_len);
/* "i": an instant event on a thread (scope "t") with one text argument. */
void trace_events_instant(pid_t pid, pid_t tid, const char *name,
			  const struct timespec *when, const char *detail);
/* "M": name the process (thread_too: and the thread) from /proc comm. */
void trace_events_name(pid_t pid, pid_t tid, bool thread_too);
/* "s"/"f": a flow arrow from the parent's thread to the child's. */
void trace_events_flow(pid_t from_pid, pid_t from_tid, pid_t to_pid,
		       pid_t to_tid, const struct timespec *when);

#endif /* FTRACE_TRACE_EVENTS_H */
