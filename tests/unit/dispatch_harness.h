/*
 * dispatch_harness.h - feeding synthetic syscall stops to the real
 * dispatcher (trace_handle_status) and reading back the trace it wrote,
 * for the tests that drive src/trace.c with a mocked ptrace
 * (test_trace, test_seccomp_trace, test_lifecycle).  Include after
 * mock_ptrace.h.
 */
#ifndef FTRACE_TEST_DISPATCH_HARNESS_H
#define FTRACE_TEST_DISPATCH_HARNESS_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include "output.h"
#include "sysent.h"
#include "trace.h"

#define DISPATCH_SYSCALL_STOP ((SIGTRAP | 0x80) << 8 | 0x7f)

/*
 * A syscall-entry stop of pid: syscall nr with its first args.  Returns
 * trace_handle_status's answer (running again after a syscall stop).
 */
__attribute__((unused)) static bool
dispatch_entry(pid_t pid, uint64_t nr, const uint64_t *args, unsigned nargs)
{
	unsigned i;

	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = ARCH_X86_64;
	next_info.entry.nr = nr;
	for (i = 0; i < nargs && i < 6; i++)
		next_info.entry.args[i] = args[i];
	return trace_handle_status(pid, DISPATCH_SYSCALL_STOP);
}

/* A syscall-exit stop of pid returning rval; as dispatch_entry. */
__attribute__((unused)) static bool
dispatch_exit(pid_t pid, int64_t rval, int is_error)
{
	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_EXIT;
	next_info.arch = ARCH_X86_64;
	next_info.exit.rval = rval;
	next_info.exit.is_error = (uint8_t)is_error;
	return trace_handle_status(pid, DISPATCH_SYSCALL_STOP);
}

/* Everything written to the log file so far, into buf; NULL if unreadable. */
__attribute__((unused)) static const char *
dispatch_read_log(const char *path, char *buf, size_t size)
{
	FILE *f;
	size_t n;

	out_flush();
	f = fopen(path, "r");
	if (!f)
		return NULL;
	n = fread(buf, 1, size - 1, f);
	fclose(f);
	buf[n] = '\0';
	return buf;
}

#endif /* FTRACE_TEST_DISPATCH_HARNESS_H */
