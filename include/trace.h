/*
 * trace.h - what happens at each stop: the dispatcher between the loop
 * (which reaps wait statuses) and the state machine, decoders and output.
 */
#ifndef FTRACE_TRACE_H
#define FTRACE_TRACE_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Handle one wait status of pid (from wait4(__WALL)).  True when it was a
 * syscall stop (entry, exit or seccomp) and the tracee is running again.
 */
bool trace_handle_status(pid_t pid, int status);

/* Remember the spawned command's pid: ftrace-c exits with its status. */
void trace_set_main_pid(pid_t pid);

/* How the main process ended; false while it has not. */
bool trace_main_status(int *wait_status);

/*
 * Detach every tracee at its next stop (the tracer got INT/TERM/HUP/QUIT,
 * or its output failed); new children seen meanwhile are let go too.  sig,
 * if not 0, is first sent to the spawned command, as strace does.  Calling
 * it again changes nothing: the detach under way goes on.
 */
void trace_detach_all(int sig);

#endif /* FTRACE_TRACE_H */
