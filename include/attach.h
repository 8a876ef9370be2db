/*
 * attach.h - -p PID: seize a running process, and let it go again.
 */
#ifndef FTRACE_ATTACH_H
#define FTRACE_ATTACH_H

#include <stdbool.h>
#include <sys/types.h>

/*
 * Seize every thread of pid (only pid itself without -f), interrupt them
 * so that the loop sees each one stop, and register them.  Threads that
 * appear meanwhile are caught by rescanning /proc/PID/task until a scan
 * finds nothing new.  Prints "Process N attached" (unless -q).  Returns
 * -1 with a message when pid cannot be attached.
 */
int attach_process(pid_t pid, unsigned long ptrace_options);

/*
 * --descendants: attach every process below pid too (and, with -f, their
 * threads), found through the children lists of /proc (proc(5),
 * /proc/PID/task/TID/children) and rescanned until a whole pass finds
 * nothing new.  Returns how many processes were attached.
 */
unsigned attach_descendants(pid_t pid, unsigned long ptrace_options);

/* Parse "-p" arguments: "123", "1,2", "1 2 3"; -1 on a bad one. */
int attach_parse_pids(const char *arg, pid_t *pids, unsigned max,
		      unsigned *count);

#endif /* FTRACE_ATTACH_H */
