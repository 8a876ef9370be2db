/*
 * stop.h - what a wait status means.
 *
 * stop_classify() turns one status from wait4(__WALL) into one event kind,
 * without side effects, so the whole decision table of ptrace(2) "Stopped
 * states" can be unit-tested with synthetic statuses.
 */
#ifndef FTRACE_STOP_H
#define FTRACE_STOP_H

#include <stdbool.h>

enum stop_kind {
	STOP_SYSCALL,      /* syscall-enter/exit-stop: SIGTRAP | 0x80 */
	STOP_FORK,         /* PTRACE_EVENT_FORK */
	STOP_VFORK,        /* PTRACE_EVENT_VFORK */
	STOP_CLONE,        /* PTRACE_EVENT_CLONE */
	STOP_EXEC,         /* PTRACE_EVENT_EXEC */
	STOP_VFORK_DONE,   /* PTRACE_EVENT_VFORK_DONE */
	STOP_EXIT_EVENT,   /* PTRACE_EVENT_EXIT */
	STOP_SECCOMP,      /* PTRACE_EVENT_SECCOMP */
	STOP_INTERRUPT,    /* PTRACE_EVENT_STOP with SIGTRAP: new child, INTERRUPT, SIGCONT re-trap */
	STOP_GROUP,        /* PTRACE_EVENT_STOP with a stop signal: group-stop */
	STOP_SIGNAL,       /* signal-delivery-stop */
	STOP_EXITED,       /* WIFEXITED */
	STOP_KILLED,       /* WIFSIGNALED */
	STOP_UNKNOWN,      /* anything else (e.g. WIFCONTINUED) */
};

struct stop {
	enum stop_kind kind;
	int sig;    /* signal: delivered, stopping, or killing */
	int code;   /* exit code for STOP_EXITED */
	bool core;  /* core dumped, for STOP_KILLED */
};

void stop_classify(int status, struct stop *out);

/* "STOP_SYSCALL" etc., for debugging and tests. */
const char *stop_kind_name(enum stop_kind kind);

#endif /* FTRACE_STOP_H */
