/*
 * status_filter.h - -e status=SET, -z, -Z: a syscall's line is held back
 * in its tracee's stage from entry to outcome, then printed whole or
 * dropped.  Without these options none of this runs: trace.c tests
 * opts.status (one load) before each call.
 */
#ifndef FTRACE_STATUS_FILTER_H
#define FTRACE_STATUS_FILTER_H

#include <stdbool.h>

struct tracee;

/* Writes go to t's held line (entry, exit). */
void status_filter_hold(struct tracee *t);
/* Writes go to the output again (after the entry part). */
void status_filter_pause(void);
/* t's syscall ended with outcome (STATUS_*): print its line or drop it. */
void status_filter_release(struct tracee *t, unsigned outcome);
/*
 * t's execve line is cut by its own exec from a non-leader thread: it
 * ends with " <unfinished ...>" with the outcome "detached" (strace 6.1
 * lets go of the thread's old self there), and the rest comes
 * later as a held "<... execve resumed>" line (strace 6.1's way).
 */
void status_filter_cut(struct tracee *t);
/* Was t's line cut?  (Clears the mark.) */
bool status_filter_was_cut(struct tracee *t);
/* The outcome of a syscall that returned. */
unsigned status_filter_outcome(bool is_error);
/* Would a line with this outcome be printed? */
bool status_filter_shows(unsigned outcome);

#endif /* FTRACE_STATUS_FILTER_H */
