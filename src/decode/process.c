/*
 * decode/process.c - process lifecycle syscalls: execve, execveat.
 */
#include "decode.h"
#include "output.h"

/*
 * execve(path, argv, envp): everything is printed at entry, because after
 * a successful exec the old memory image is gone.  envp is summarised as
 * its address and count, as strace does without -v.
 */
static void
print_exec_args(struct sc_ctx *c, unsigned first)
{
	unsigned ws = c->entry->wordsize;

	dec_print_path(c->tid, dec_arg(c, first));
	out_write(", ", 2);
	dec_print_str_array(c->tid, dec_arg(c, first + 1), ws);
	out_write(", ", 2);
	dec_print_str_array_count(c->tid, dec_arg(c, first + 2), ws);
}

enum dec_status
dec_execve(struct sc_ctx *c)
{
	if (!c->exiting)
		print_exec_args(c, 0);
	return DEC_DONE;
}

enum dec_status
dec_execveat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	print_exec_args(c, 1);
	out_write(", ", 2);
	dec_print_kind(c, 4, 'x');
	return DEC_DONE;
}
