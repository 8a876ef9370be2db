/*
 * syscall_info.c - PTRACE_GET_SYSCALL_INFO into struct sc_rec.
 */
#include <errno.h>
#include <string.h>
#include <sys/ptrace.h>

#include "ptrace_ops.h"
#include "syscall_info.h"
#include "sysent.h"

void
syscall_info_parse(const void *raw, size_t len, struct sc_rec *rec)
{
	struct __ptrace_syscall_info si;
	int i;

	memset(&si, 0, sizeof(si));
	memcpy(&si, raw, len < sizeof(si) ? len : sizeof(si));

	rec->op = si.op;
	rec->arch = si.arch;
	rec->ip = si.instruction_pointer;
	rec->sp = si.stack_pointer;
	rec->wordsize = (uint8_t)sysent_arch_wordsize(si.arch);

	switch (si.op) {
	case SC_OP_ENTRY:
	case SC_OP_SECCOMP:
		/* entry and seccomp share the layout of nr and args */
		rec->nr = si.entry.nr;
		for (i = 0; i < 6; i++)
			rec->args[i] = si.entry.args[i];
		if (rec->wordsize == 4)
			for (i = 0; i < 6; i++)
				rec->args[i] = (uint32_t)rec->args[i];
		break;
	case SC_OP_EXIT:
		rec->is_error = si.exit.is_error;
		rec->rval = si.exit.rval;
		/*
		 * Compat: success values arrive zero-extended and errors
		 * sign-extended; keep 32 significant bits either way.
		 */
		if (rec->wordsize == 4)
			rec->rval = rec->is_error ? (int64_t)(int32_t)rec->rval
						  : (int64_t)(uint32_t)rec->rval;
		break;
	default:
		break;
	}
}

int
syscall_info_get(pid_t tid, struct sc_rec *rec)
{
	/*
	 * Zeroed first: the kernel fills only what the op needs, and memory
	 * checkers do not know that this request writes the buffer at all.
	 */
	struct __ptrace_syscall_info si = { 0 };
	long n = pt_get_syscall_info(tid, &si, sizeof(si));

	if (n < 0)
		return -1;
	syscall_info_parse(&si, (size_t)n, rec);
	return 0;
}
