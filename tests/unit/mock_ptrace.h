/*
 * mock_ptrace.h - a stand-in for ptrace(2) in unit tests that drive the
 * real dispatcher (link with -Wl,--wrap=ptrace; see WRAP_TESTS in the
 * Makefile).  A test sets next_info / next_eventmsg / next_siginfo before
 * feeding a wait status; resumes are recorded in last_req/last_pid/last_sig,
 * detaches in detached_pid/detached_sig, interrupts counted.
 * Every other request fails with EIO (so PEEKDATA reads "unreadable").
 */
#ifndef FTRACE_TEST_MOCK_PTRACE_H
#define FTRACE_TEST_MOCK_PTRACE_H

#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <string.h>
#include <sys/ptrace.h>
#include <sys/types.h>

static struct __ptrace_syscall_info next_info;
static unsigned long next_eventmsg;
static siginfo_t next_siginfo;
static long last_req;
static pid_t last_pid;
static long last_sig;
static unsigned resumes;
/* PTRACE_DETACH calls (pid, signal) in order, and PTRACE_INTERRUPTs */
static pid_t detached_pid[32];
static long detached_sig[32];
static unsigned ndetached;
static unsigned interrupts;

long __wrap_ptrace(enum __ptrace_request req, ...);

long
__wrap_ptrace(enum __ptrace_request req, ...)
{
	va_list ap;
	pid_t pid;
	void *addr, *data;

	va_start(ap, req);
	pid = va_arg(ap, pid_t);
	addr = va_arg(ap, void *);
	data = va_arg(ap, void *);
	va_end(ap);

	switch ((int)req) {
	case PTRACE_GET_SYSCALL_INFO:
		memcpy(data, &next_info, (size_t)addr < sizeof(next_info) ?
					 (size_t)addr : sizeof(next_info));
		return sizeof(next_info);
	case PTRACE_GETEVENTMSG:
		*(unsigned long *)data = next_eventmsg;
		return 0;
	case PTRACE_GETSIGINFO:
		*(siginfo_t *)data = next_siginfo;
		return 0;
	case PTRACE_SYSCALL:
	case PTRACE_CONT:
	case PTRACE_LISTEN:
		last_req = req;
		last_pid = pid;
		last_sig = (long)data;
		resumes++;
		return 0;
	case PTRACE_DETACH:
		if (ndetached < 32) {
			detached_pid[ndetached] = pid;
			detached_sig[ndetached] = (long)data;
		}
		ndetached++;
		return 0;
	case PTRACE_INTERRUPT:
		interrupts++;
		return 0;
	default:
		errno = EIO;
		return -1;
	}
}

#endif /* FTRACE_TEST_MOCK_PTRACE_H */
