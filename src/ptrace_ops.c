/*
 * ptrace_ops.c - thin wrappers around ptrace(2) and wait4(2).  See
 * include/ptrace_ops.h for why they live in one file.
 */
#include <errno.h>
#include <sys/ptrace.h>
#include <sys/wait.h>

#include "ptrace_ops.h"

unsigned long
pt_options(int follow_forks, int exitkill)
{
	/*
	 * TRACESYSGOOD marks syscall-stops as SIGTRAP|0x80 so that they cannot
	 * be confused with a real SIGTRAP; TRACEEXEC turns the post-exec
	 * SIGTRAP into PTRACE_EVENT_EXEC.  EXITKILL makes the kernel SIGKILL a
	 * spawned tracee if ftrace-c dies without detaching.  TRACEEXIT
	 * stops each thread as it begins to exit (ptrace(2),
	 * "PTRACE_O_TRACEEXIT"): a leader that calls exit while other threads
	 * run on is reported dead only when the last thread is gone, and its
	 * exit line would stay open until then; strace ends it at once.
	 */
	unsigned long o = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |
			  PTRACE_O_TRACEEXIT;

	if (follow_forks)
		o |= PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
		     PTRACE_O_TRACEVFORK;
	if (exitkill)
		o |= PTRACE_O_EXITKILL;
	return o;
}

int
pt_seize(pid_t tid, unsigned long options)
{
	return (int)ptrace(PTRACE_SEIZE, tid, 0L, options);
}

int
pt_interrupt(pid_t tid)
{
	return (int)ptrace(PTRACE_INTERRUPT, tid, 0L, 0L);
}

int
pt_syscall(pid_t tid, int sig)
{
	return (int)ptrace(PTRACE_SYSCALL, tid, 0L, (long)sig);
}

int
pt_cont(pid_t tid, int sig)
{
	return (int)ptrace(PTRACE_CONT, tid, 0L, (long)sig);
}

int
pt_listen(pid_t tid)
{
	return (int)ptrace(PTRACE_LISTEN, tid, 0L, 0L);
}

int
pt_detach(pid_t tid, int sig)
{
	return (int)ptrace(PTRACE_DETACH, tid, 0L, (long)sig);
}

int
pt_geteventmsg(pid_t tid, unsigned long *msg)
{
	return (int)ptrace(PTRACE_GETEVENTMSG, tid, 0L, msg);
}

int
pt_getsiginfo(pid_t tid, siginfo_t *si)
{
	return (int)ptrace(PTRACE_GETSIGINFO, tid, 0L, si);
}

long
pt_get_syscall_info(pid_t tid, void *buf, size_t size)
{
	return ptrace(PTRACE_GET_SYSCALL_INFO, tid, (void *)size, buf);
}

int
pt_peekdata(pid_t tid, unsigned long addr, unsigned long *word)
{
	long v;

	/* PEEKDATA returns the word itself, so -1 is ambiguous: use errno. */
	errno = 0;
	v = ptrace(PTRACE_PEEKDATA, tid, addr, 0L);
	if (v == -1 && errno)
		return -1;
	*word = (unsigned long)v;
	return 0;
}

pid_t
pt_wait_nohang(int *status, struct rusage *ru)
{
	pid_t r;

	do
		r = wait4(-1, status, __WALL | WNOHANG, ru);
	while (r < 0 && errno == EINTR);
	return r;
}

pid_t
pt_wait_any(int *status, struct rusage *ru)
{
	/* EINTR goes back to the loop: a caught signal is to be handled */
	return wait4(-1, status, __WALL, ru);
}

pid_t
pt_wait_tid(pid_t tid, int *status)
{
	pid_t r;

	do
		r = wait4(tid, status, __WALL, NULL);
	while (r < 0 && errno == EINTR);
	return r;
}
