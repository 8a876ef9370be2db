/*
 * ptrace_ops.h - the only door to ptrace(2) and wait4(2).
 *
 * Keeping every call here lets unit tests replace them (-Wl,--wrap=ptrace)
 * and gives one place to explain each request.  Every function returns what
 * the system call returns (-1 with errno on failure); ESRCH means the tracee
 * is gone, which callers treat as normal.
 */
#ifndef FTRACE_PTRACE_OPS_H
#define FTRACE_PTRACE_OPS_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

struct rusage;

/* Options for every tracee; -f adds the fork/clone events. */
unsigned long pt_options(int follow_forks, int exitkill);

int pt_seize(pid_t tid, unsigned long options);
int pt_interrupt(pid_t tid);
int pt_syscall(pid_t tid, int sig);   /* resume, stop at the next syscall */
int pt_cont(pid_t tid, int sig);      /* resume; only events and signals stop it */
int pt_listen(pid_t tid);             /* stay in group-stop, watch for SIGCONT */
int pt_detach(pid_t tid, int sig);
int pt_geteventmsg(pid_t tid, unsigned long *msg);
int pt_getsiginfo(pid_t tid, siginfo_t *si);
long pt_get_syscall_info(pid_t tid, void *buf, size_t size);
int pt_peekdata(pid_t tid, unsigned long addr, unsigned long *word);

/*
 * wait4(-1, status, __WALL | WNOHANG, ru): 0 when nothing is pending.  ru
 * (may be NULL) gets the reaped tracee's resource usage (-c's CPU time).
 */
pid_t pt_wait_nohang(int *status, struct rusage *ru);
/* A blocking wait for one tid (start-up and shutdown only). */
pid_t pt_wait_tid(pid_t tid, int *status);
/* wait4(-1, __WALL), blocking; EINTR is returned, not retried. */
pid_t pt_wait_any(int *status, struct rusage *ru);

#endif /* FTRACE_PTRACE_OPS_H */
