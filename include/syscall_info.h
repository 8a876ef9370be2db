/*
 * syscall_info.h - one syscall stop as an arch-neutral record.
 *
 * The only source of syscall numbers, arguments and return values is
 * PTRACE_GET_SYSCALL_INFO; decoders see this record and never registers.
 * For compat (i386) tracees the record is already narrowed to 32 bits:
 * arguments and successful return values are truncated, errors are
 * sign-extended, so decoders can print them without knowing the arch.
 */
#ifndef FTRACE_SYSCALL_INFO_H
#define FTRACE_SYSCALL_INFO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

enum sc_op {
	SC_OP_NONE = 0,
	SC_OP_ENTRY = 1,
	SC_OP_EXIT = 2,
	SC_OP_SECCOMP = 3,
};

struct sc_rec {
	uint8_t op;           /* enum sc_op */
	uint8_t wordsize;     /* 4 or 8: the tracee's pointer size */
	uint32_t arch;        /* AUDIT_ARCH_* */
	uint64_t ip;          /* instruction pointer at the stop */
	uint64_t sp;          /* stack pointer (signal frames: rt_sigreturn) */
	uint64_t nr;          /* entry, seccomp */
	uint64_t args[6];     /* entry, seccomp */
	int64_t rval;         /* exit: return value or -errno */
	bool is_error;        /* exit */
};

/* Fetch the record of tid's current stop; -1 with errno on failure. */
int syscall_info_get(pid_t tid, struct sc_rec *rec);

/*
 * Build a record from the raw kernel structure (len bytes of it were
 * filled).  Separate from the fetch so tests can feed synthetic records.
 */
void syscall_info_parse(const void *raw, size_t len, struct sc_rec *rec);

#endif /* FTRACE_SYSCALL_INFO_H */
