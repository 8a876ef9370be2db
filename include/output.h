/*
 * output.h - trace line assembly and buffered output.
 *
 * Lines are built straight into one output buffer.  At most one line is
 * "open" (its syscall entry printed, result pending); it belongs to one
 * tracee.  When another tracee starts a line, the open one is closed with
 * " <unfinished ...>" and its owner later prints "<... NAME resumed>".
 * The buffer goes out in large blocks to files and pipes, and line by line
 * to a terminal; out_flush() runs on every exit path.
 */
#ifndef FTRACE_OUTPUT_H
#define FTRACE_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

#include "error.h"

struct tracee;

/*
 * Open the trace destination: path (-o; "|cmd" or "!cmd" pipes to a shell
 * command) or NULL for stderr.  With opts.output_separately nothing is
 * opened yet: each tracee's FILE.TID is created at its first stop.
 */
void out_open(const char *path);
/* Flush the shared stream and the current one (before a message). */
void out_flush(void);
/* Flush and close every stream; wait for a -o |command to finish. */
void out_close(void);
/* In the spawned child: undo what out_open changed (SIGPIPE). */
void out_child_reset(void);

/*
 * The stop being handled is t's: with -ff, write to t's own stream (made
 * at its first stop); otherwise nothing to do.  No syscall either way.
 */
void out_select(struct tracee *t);
/*
 * An exec from the non-leader thread execer: its own file's open line
 * ends with " <pid changed to L ...>" and the file is closed; from now on
 * it writes to the leader's file (-ff only).
 */
void out_exec_takeover(struct tracee *execer, struct tracee *leader);

void out_write(const char *s, size_t n);
void out_puts(const char *s);
void out_printf(const char *fmt, ...) ATTR_PRINTF(1, 2);

/* The time of the stop being handled (-t, -r); set once per stop. */
void out_set_stop_time(const struct timespec *realtime,
		       const struct timespec *monotonic);

/*
 * Start t's line: closes another tracee's open line, prints "[pid N] ",
 * then the -t/-r time, -n number and -i address of t's last syscall.
 */
void out_line_start(struct tracee *t);
/* The same for a "+++ exited" line: -i has no address to show there. */
void out_line_start_exit(struct tracee *t);
/* End the current line ("\n") and leave no line open. */
void out_line_end(void);
/* Does t own the open line? */
bool out_line_owner_is(const struct tracee *t);
/*
 * t is going away: if it owns the open line, forget it (no output); with
 * -ff its stream is flushed, closed and freed.
 */
void out_line_forget(struct tracee *t);
/* Pad so that "= result" starts at column 40, at least one space. */
void out_tab_result(void);
/*
 * A line held back (-e status=): while a stage is the target, writes go
 * to it instead of the output, and its column is its own.  When another
 * tracee writes a line of its own while a held line is the open one, the
 * held line gets " <unfinished ...>" and goes on at column 0, as strace
 * 6.1 does it.  out_stage_release() appends it to the output, or drops it.
 */
struct out_stage {
	char *data;
	size_t len, cap;
	unsigned col;
	bool cut;   /* ended early: the rest starts a "<... NAME resumed>" line */
};

/* Make s the target of writes (NULL: the real output again). */
void out_stage_to(struct out_stage *s);
/* Publish (keep) or drop what s holds, and empty it. */
void out_stage_release(struct out_stage *s, bool keep);

/*
 * --json, --trace-events: while s is set, what the decoders write is
 * appended to s as well (tee) or only to s (not tee).  The caller empties
 * s (len = 0) when a syscall starts; the exit half appends to the entry's
 * text.  NULL ends it.
 */
void out_capture(struct out_stage *s, bool tee);
/* -ff: fn writes the first lines of each new file (the JSON header). */
void out_set_stream_init(void (*fn)(void));
/* The time of the stop being handled, as out_set_stop_time set it. */
void out_stop_time(struct timespec *realtime, struct timespec *monotonic);

/* Whether lines get a "[pid N] " prefix. */
void out_set_prefix(bool on);
/* Did a write to the destination fail (EPIPE, ENOSPC...)? */
bool out_failed(void);
int out_failed_signal(void);

/* v in decimal, as "%lld" (cheaper than out_printf). */
void out_dec(long long v);

#endif /* FTRACE_OUTPUT_H */
