/*
 * floor.c - the cheapest ptrace tracers we know how to write, as the floor
 * the benchmark compares ftrace-c with.  They print nothing and decode
 * nothing; they follow forks, clones and execs as `ftrace-c -f` does.
 *
 * usage: floor [-i] [-s] [-p] COMMAND [ARG]...
 *   (none)  PTRACE_SYSCALL at every stop, blocking wait4: the bare cost of
 *           two ptrace-stops per syscall
 *   -i      also PTRACE_GET_SYSCALL_INFO at every syscall stop: what any
 *           tracer that looks at the syscall must pay
 *   -s      seccomp: the child loads a filter that returns SECCOMP_RET_TRACE
 *           for the %process set (x86_64 and i386 numbers) and ALLOW for
 *           everything else; stops are restarted with PTRACE_CONT, so only
 *           traced syscalls stop (with -i, GET_SYSCALL_INFO at each)
 *   -p      the seccomp set is execve/execveat only (a nearly empty set)
 *
 * Exits with the command's exit status (128+N if killed by signal N).
 * The tracer is a single blocking wait4 loop: one wait4, at most one
 * GET_SYSCALL_INFO and one restart per stop, no table of tracees.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <linux/audit.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <signal.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/wait.h>
#include <unistd.h>

/* strace 6.1's %process class, as syscall numbers per architecture. */
static const unsigned short process_x86_64[] = {
	56, 57, 58, 59, 60, 61, 62, 129, 200, 231, 234, 247, 297, 322, 424, 435,
};
static const unsigned short process_i386[] = {
	1, 2, 7, 11, 37, 114, 120, 178, 190, 238, 252, 270, 284, 335, 358, 424,
	435,
};
static const unsigned short exec_x86_64[] = { 59, 322 };
static const unsigned short exec_i386[] = { 11, 358 };

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
#define MAX_INSNS 64

static int
add_arch(struct sock_filter *f, int n, unsigned arch,
	 const unsigned short *nrs, unsigned count)
{
	unsigned i;

	/* if (arch != ARCH) skip this block (count + 3 insns) */
	f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K, arch,
					      0, count + 3);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, nr));
	for (i = 0; i < count; i++)
		f[n++] = (struct sock_filter)BPF_JUMP(BPF_JMP | BPF_JEQ | BPF_K,
			nrs[i], count - i, 0);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					      SECCOMP_RET_ALLOW);
	f[n++] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
					      SECCOMP_RET_TRACE);
	/* the next block starts by reloading the arch */
	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, arch));
	return n;
}

static void
install_filter(int exec_only)
{
	struct sock_filter f[MAX_INSNS];
	struct sock_fprog prog;
	int n = 0;

	f[n++] = (struct sock_filter)BPF_STMT(BPF_LD | BPF_W | BPF_ABS,
		offsetof(struct seccomp_data, arch));
	if (exec_only) {
		n = add_arch(f, n, AUDIT_ARCH_X86_64, exec_x86_64,
			     NELEM(exec_x86_64));
		n = add_arch(f, n, AUDIT_ARCH_I386, exec_i386, NELEM(exec_i386));
	} else {
		n = add_arch(f, n, AUDIT_ARCH_X86_64, process_x86_64,
			     NELEM(process_x86_64));
		n = add_arch(f, n, AUDIT_ARCH_I386, process_i386,
			     NELEM(process_i386));
	}
	f[n - 1] = (struct sock_filter)BPF_STMT(BPF_RET | BPF_K,
						SECCOMP_RET_ALLOW);
	prog.len = (unsigned short)n;
	prog.filter = f;
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0 ||
	    prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) < 0) {
		perror("floor: seccomp");
		_exit(127);
	}
}

int
main(int argc, char **argv)
{
	int info = 0, seccomp = 0, exec_only = 0, opt, status, ret = 0;
	unsigned long opts = PTRACE_O_TRACESYSGOOD | PTRACE_O_TRACEEXEC |
			     PTRACE_O_TRACECLONE | PTRACE_O_TRACEFORK |
			     PTRACE_O_TRACEVFORK | PTRACE_O_EXITKILL;
	struct __ptrace_syscall_info si;
	pid_t child, pid;
	long req;

	while ((opt = getopt(argc, argv, "+isp")) != -1) {
		switch (opt) {
		case 'i':
			info = 1;
			break;
		case 's':
			seccomp = 1;
			break;
		case 'p':
			seccomp = exec_only = 1;
			break;
		default:
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: floor [-i] [-s] [-p] COMMAND [ARG]...\n");
		return 2;
	}
	if (seccomp)
		opts |= PTRACE_O_TRACESECCOMP;
	req = seccomp ? PTRACE_CONT : PTRACE_SYSCALL;

	child = fork();
	if (child < 0) {
		perror("floor: fork");
		return 2;
	}
	if (child == 0) {
		/* stopped until seized; the filter comes after, before exec */
		raise(SIGSTOP);
		if (seccomp)
			install_filter(exec_only);
		execvp(argv[optind], argv + optind);
		perror("floor: exec");
		_exit(127);
	}
	if (waitpid(child, &status, WSTOPPED) != child ||
	    ptrace(PTRACE_SEIZE, child, 0L, opts) < 0) {
		perror("floor: seize");
		kill(child, SIGKILL);
		return 2;
	}
	kill(child, SIGCONT);

	for (;;) {
		int sig, event;

		pid = wait4(-1, &status, __WALL, NULL);
		if (pid < 0) {
			if (errno == EINTR)
				continue;
			break;	/* ECHILD: everyone is gone */
		}
		if (WIFEXITED(status) || WIFSIGNALED(status)) {
			if (pid == child)
				ret = WIFEXITED(status) ? WEXITSTATUS(status)
							: 128 + WTERMSIG(status);
			continue;
		}
		sig = WSTOPSIG(status);
		event = (unsigned)status >> 16;
		if (sig == (SIGTRAP | 0x80) || event == PTRACE_EVENT_SECCOMP) {
			if (info)
				ptrace(PTRACE_GET_SYSCALL_INFO, pid,
				       (void *)sizeof(si), &si);
			sig = 0;
		} else if (event == PTRACE_EVENT_STOP) {
			if (sig == SIGSTOP || sig == SIGTSTP || sig == SIGTTIN ||
			    sig == SIGTTOU) {
				/* group-stop: stay stopped until SIGCONT */
				ptrace(PTRACE_LISTEN, pid, 0L, 0L);
				continue;
			}
			sig = 0;	/* a new child's first stop */
		} else if (event) {
			sig = 0;	/* fork, clone, exec, ... */
		}
		/* else: signal-delivery-stop, the signal is passed on */
		ptrace(req, pid, 0L, (long)sig);
	}
	return ret;
}
