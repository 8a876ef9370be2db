/*
 * stop.c - classify a wait status into a stop kind (ptrace(2), "Stopped
 * states").  Tracees are PTRACE_SEIZEd, so group-stops arrive as
 * PTRACE_EVENT_STOP with the stopping signal and every other
 * PTRACE_EVENT_STOP (INTERRUPT, a new child's first stop, the re-trap after
 * SIGCONT while LISTENing) carries SIGTRAP.
 */
#include <signal.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "stop.h"

static enum stop_kind
classify_event(int event, int sig)
{
	switch (event) {
	case PTRACE_EVENT_FORK:
		return STOP_FORK;
	case PTRACE_EVENT_VFORK:
		return STOP_VFORK;
	case PTRACE_EVENT_CLONE:
		return STOP_CLONE;
	case PTRACE_EVENT_EXEC:
		return STOP_EXEC;
	case PTRACE_EVENT_VFORK_DONE:
		return STOP_VFORK_DONE;
	case PTRACE_EVENT_EXIT:
		return STOP_EXIT_EVENT;
	case PTRACE_EVENT_SECCOMP:
		return STOP_SECCOMP;
	case PTRACE_EVENT_STOP:
		switch (sig) {
		case SIGSTOP:
		case SIGTSTP:
		case SIGTTIN:
		case SIGTTOU:
			return STOP_GROUP;
		default:
			return STOP_INTERRUPT;
		}
	default:
		return STOP_UNKNOWN;
	}
}

void
stop_classify(int status, struct stop *out)
{
	int sig, event;

	out->sig = 0;
	out->code = 0;
	out->core = false;

	if (WIFEXITED(status)) {
		out->kind = STOP_EXITED;
		out->code = WEXITSTATUS(status);
		return;
	}
	if (WIFSIGNALED(status)) {
		out->kind = STOP_KILLED;
		out->sig = WTERMSIG(status);
		out->core = WCOREDUMP(status);
		return;
	}
	if (!WIFSTOPPED(status)) {
		out->kind = STOP_UNKNOWN;
		return;
	}

	sig = WSTOPSIG(status);
	event = (unsigned)status >> 16;
	out->sig = sig;
	if (sig == (SIGTRAP | 0x80)) {
		out->kind = STOP_SYSCALL;
		out->sig = 0;
	} else if (event) {
		out->kind = classify_event(event, sig);
		if (out->kind != STOP_GROUP)
			out->sig = 0;
	} else {
		out->kind = STOP_SIGNAL;
	}
}

const char *
stop_kind_name(enum stop_kind kind)
{
	static const char *const names[] = {
		[STOP_SYSCALL] = "STOP_SYSCALL",
		[STOP_FORK] = "STOP_FORK",
		[STOP_VFORK] = "STOP_VFORK",
		[STOP_CLONE] = "STOP_CLONE",
		[STOP_EXEC] = "STOP_EXEC",
		[STOP_VFORK_DONE] = "STOP_VFORK_DONE",
		[STOP_EXIT_EVENT] = "STOP_EXIT_EVENT",
		[STOP_SECCOMP] = "STOP_SECCOMP",
		[STOP_INTERRUPT] = "STOP_INTERRUPT",
		[STOP_GROUP] = "STOP_GROUP",
		[STOP_SIGNAL] = "STOP_SIGNAL",
		[STOP_EXITED] = "STOP_EXITED",
		[STOP_KILLED] = "STOP_KILLED",
		[STOP_UNKNOWN] = "STOP_UNKNOWN",
	};

	if ((unsigned)kind < sizeof(names) / sizeof(names[0]) && names[kind])
		return names[kind];
	return "?";
}
