/*
 * loop.h - the event loop: a blocking wait4, caught fatal signals.
 */
#ifndef FTRACE_LOOP_H
#define FTRACE_LOOP_H

#include <signal.h>
#include <stdbool.h>

/*
 * Block the signals the loop owns (SIGCHLD, INT, TERM, HUP, QUIT), saving
 * the previous mask in *orig for the spawned command.  Call before any
 * child exists.  keep_ignored: a fatal signal ignored at start stays
 * ignored (for a spawned command; -p alone watches all four).
 */
void loop_block_signals(sigset_t *orig, bool keep_ignored);

/* Nothing to set up any more (kept for the callers' sequence). */
void loop_init(void);

/*
 * Run until no tracee is left.  Returns the first fatal signal the tracer
 * received (INT/TERM/HUP/QUIT), or 0.
 */
int loop_run(void);

void loop_destroy(void);

#endif /* FTRACE_LOOP_H */
