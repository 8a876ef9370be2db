/*
 * decode.h - the decoder interface: how a syscall's arguments are printed.
 *
 * A decoder gets a struct sc_ctx: the entry record (arguments), and at exit
 * the result.  It prints arguments only, through the dec_print_* helpers
 * here, which never fail: what cannot be read from the tracee prints as an
 * address.  Line punctuation ("name(", ") = ret") belongs to trace.c.
 */
#ifndef FTRACE_DECODE_H
#define FTRACE_DECODE_H

#include <stdbool.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#include "syscall_info.h"
#include "sysent.h"
#include "xlat.h"

struct tracee;

struct proc;

struct sc_ctx {
	pid_t tid;
	struct proc *proc;            /* the thread group (fd cache for -y) */
	const struct sysent *ent;
	const struct sc_rec *entry;   /* arguments (from the entry stop) */
	bool exiting;                 /* false at entry, true at exit */
	bool args_done;               /* exit: entry returned DEC_DONE */
	bool abbrev;                  /* abbreviate structs/arrays (no -v) */
	bool deref;                   /* decode pointed-to data (-e verbose) */
	bool raw;                     /* -e raw=: arguments as plain hex */
	int64_t rval;                 /* exit only */
	bool is_error;                /* exit only */
	/*
	 * Kept from entry to exit for this syscall (e.g. a value read at
	 * entry that the kernel overwrites).  Zeroed at each entry.
	 */
	uint64_t *scratch;
	/*
	 * Set at exit to print a successful result in a special way (the
	 * "= " and what follows), e.g. "= 0x8002 (flags O_RDWR|O_LARGEFILE)".
	 */
	void (*print_rval)(struct sc_ctx *c);
};

#define DEC_SCRATCH_WORDS 4

/* Argument i as the tracee's word (already 32-bit for compat tracees). */
static inline uint64_t
dec_arg(const struct sc_ctx *c, unsigned i)
{
	return c->entry->args[i];
}

/* An fd, with "<path>" under -y (AT_FDCWD too, as the cwd). */
void dec_print_fd(struct sc_ctx *c, int fd);

/* Print argument i of kind letter k (see sysent.h) at entry or exit. */
void dec_print_kind(struct sc_ctx *c, unsigned i, char k);
/* Does kind letter k print at syscall exit? */
bool dec_kind_at_exit(char k);

void dec_print_ptr(uint64_t addr);
/* A path: the whole NUL-terminated string (PATH_MAX), or the address. */
void dec_print_path(pid_t tid, uint64_t addr);
/* A NUL-terminated string abbreviated at -s, or the address. */
void dec_print_str(pid_t tid, uint64_t addr);
/* len bytes abbreviated at -s, or the address. */
void dec_print_buf(pid_t tid, uint64_t addr, uint64_t len);
/* A NULL-terminated array of string pointers: ["a", "b"]. */
void dec_print_str_array(pid_t tid, uint64_t addr, unsigned wordsize);
/* A NULL-terminated array as its address and count: 0x... plus "N vars". */
void dec_print_str_array_count(pid_t tid, uint64_t addr, unsigned wordsize);

/* Generic decoding from the sysent's argument letters. */
enum dec_status dec_generic(struct sc_ctx *c);
/* Unknown syscall numbers: six hex arguments. */
enum dec_status dec_unknown(struct sc_ctx *c);

/* Flags: "A|B|0x40" (unknown bits in hex); 0 prints as zero_name or "0". */
void dec_print_flags(const struct xlat *x, uint64_t v, const char *zero_name);
/* A value by name, else the number (fmt_unknown, e.g. "%#llx") with the
 * comment strace adds: "0x7 / * SEEK_??? * /" (without the spaces). */
void dec_print_xval(const struct xlat *x, uint64_t v, const char *fmt_unknown,
		    const char *unknown_comment);

/*
 * Custom decoders named in src/syscalls.def, one section per family file
 * (src/decode/<family>.c).  Keep each section sorted.
 */

/* process.c */
enum dec_status dec_execve(struct sc_ctx *c);
enum dec_status dec_execveat(struct sc_ctx *c);

/* file.c, desc.c, stat.c */

/* mem.c */

/* signal.c, time.c */

/* net.c, ipc.c */

/* "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}" */
void dec_print_siginfo(const siginfo_t *si);
/* "SIGINT", or the number when it has no name. */
void dec_print_signame(int sig);

#endif /* FTRACE_DECODE_H */
