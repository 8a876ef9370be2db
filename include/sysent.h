/*
 * sysent.h - the syscall table: (audit arch, nr) -> one arch-neutral entry.
 *
 * Every syscall is described once, in src/syscalls.def, by an X-macro row
 * that gives its id, printed name, argument kinds, return kind, classes and
 * optional custom decoder.  The per-arch tables (src/arch/<arch>.h, made by
 * src/arch/gen_tables.sh from the kernel uapi headers) only map numbers to
 * those ids, so a decoder is written once for every architecture.
 */
#ifndef FTRACE_SYSENT_H
#define FTRACE_SYSENT_H

#include <stdint.h>
#include <stdbool.h>

/* AUDIT_ARCH_* values as reported in ptrace_syscall_info.arch. */
#define ARCH_X86_64  0xc000003eU
#define ARCH_I386    0x40000003U
#define ARCH_AARCH64 0xc00000b7U

/* Syscall classes (-e trace=%class) and special behaviour flags. */
enum sysent_flags {
	CLS_FILE        = 1u << 0,  /* %file: takes a file name */
	CLS_DESC        = 1u << 1,  /* %desc: takes or returns an fd */
	CLS_PROCESS     = 1u << 2,  /* %process */
	CLS_NETWORK     = 1u << 3,  /* %network, %net */
	CLS_SIGNAL      = 1u << 4,  /* %signal */
	CLS_IPC         = 1u << 5,  /* %ipc */
	CLS_MEMORY      = 1u << 6,  /* %memory */
	CLS_CREDS       = 1u << 7,  /* %creds */
	CLS_CLOCK       = 1u << 8,  /* %clock */
	CLS_STAT        = 1u << 9,  /* %stat */
	CLS_LSTAT       = 1u << 10, /* %lstat */
	CLS_FSTAT       = 1u << 11, /* %fstat */
	CLS_STAT_LIKE   = 1u << 12, /* %%stat */
	CLS_STATFS      = 1u << 13, /* %statfs */
	CLS_FSTATFS     = 1u << 14, /* %fstatfs */
	CLS_STATFS_LIKE = 1u << 15, /* %%statfs */
	CLS_PURE        = 1u << 16, /* %pure: no args, always succeeds */
	SF_EXEC         = 1u << 24, /* execve/execveat: ends the start-up hiding */
	SF_NORETURN     = 1u << 25, /* exit/exit_group: "= ?" */
};

/* How the return value of a successful call is printed. */
enum sysent_ret {
	RET_DEC = 0, /* signed decimal (default) */
	RET_HEX,     /* 0x... (addresses: brk, mmap) */
	RET_OCT,     /* 0... (umask) */
	RET_UDEC,    /* unsigned decimal */
	RET_FD,      /* a new fd: decimal, "3</path>" with -y */
};

struct sc_ctx;

/*
 * A custom decoder.  It is called at syscall entry (ctx->exiting false) and,
 * unless it returned DEC_DONE at entry, again at exit.  It prints arguments
 * only; the line punctuation around them belongs to output.c.
 */
enum dec_status {
	DEC_MORE = 0, /* entry: more arguments to print at exit */
	DEC_DONE = 1, /* entry: all arguments printed */
};
typedef enum dec_status (*sys_decoder_fn)(struct sc_ctx *ctx);

struct sysent {
	const char *name;
	/*
	 * One letter per argument (strlen is the argument count):
	 *   d int        l long       u unsigned long   x hex        p pointer
	 *   L loff_t: 64 bits on every arch (joined from two registers on i386)
	 *   f fd         a dirfd      o mode (octal)    s path       S string (-s)
	 *   e a named value (whence, clock id...): decimal until its decoder exists
	 *   b input buffer, length is the next argument (-s)
	 *   B output buffer, length is the return value (-s), printed at exit
	 *   P output pointer, printed at exit (as an address until decoded)
	 *   Z output path (getcwd): NUL-terminated, not abbreviated by -s
	 * Arguments from the first exit-printed one (B, P, Z) on print at exit.
	 */
	const char *args;
	uint8_t nargs;
	uint8_t ret;   /* enum sysent_ret */
	uint32_t flags; /* enum sysent_flags */
	sys_decoder_fn decode; /* NULL: generic decoding from args */
};

/* Ids: SC_<id> for every row of syscalls.def; SC_UNKNOWN is 0. */
enum sysent_id {
	SC_UNKNOWN = 0,
#define SYSCALL(id, name, args, ret, flags, dec) SC_##id,
#include "../src/syscalls.def"
#undef SYSCALL
	SC_COUNT
};

extern const struct sysent sysent_table[SC_COUNT];

/*
 * The entry of syscall nr on arch, or NULL when the number is unknown there
 * (printed as syscall_0x<nr>).  O(1): one bounds check and two loads.
 */
const struct sysent *sysent_lookup(uint32_t arch, uint64_t nr);

/* "x86_64", "i386", "aarch64" or NULL for an arch we have no table for. */
const char *sysent_arch_name(uint32_t arch);

/* Word size of tracees of that arch in bytes (4 for i386, else 8). */
unsigned sysent_arch_wordsize(uint32_t arch);

/* The arches we have tables for, and how many numbers each table covers. */
#define SYSENT_NARCHES 3
extern const uint32_t sysent_arches[SYSENT_NARCHES];
unsigned sysent_arch_nr_count(uint32_t arch);

/* The entry with that printed name on arch (slow: for options only). */
const struct sysent *sysent_by_name(uint32_t arch, const char *name, uint64_t *nr);

#endif /* FTRACE_SYSENT_H */
