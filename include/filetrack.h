/*
 * filetrack.h - --files: which processes opened which paths, how, how much
 * they read and wrote through them, and which path lookups failed.
 *
 * Exact fd tracking from the syscalls themselves: each thread group has an
 * fd table (fd -> file record, close-on-exec bit), shared by CLONE_FILES
 * children and copied by fork; open*, creat, dup*, fcntl(F_DUPFD*, F_SETFD),
 * pipe*, socketpair, close, close_range and exec change it.  An fd the
 * table has never seen (inherited from before the trace, or made by a
 * syscall not modelled) is looked up once in /proc/TID/fd/N when it is
 * first used.  Nothing of this runs unless --files is given.
 */
#ifndef FTRACE_FILETRACK_H
#define FTRACE_FILETRACK_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/types.h>

struct tracee;
struct sc_rec;

/* What a process did with a path (bits), from the open flags. */
enum {
	FT_READ = 1u << 0,    /* r: O_RDONLY or O_RDWR */
	FT_WRITE = 1u << 1,   /* w: O_WRONLY or O_RDWR */
	FT_CREATE = 1u << 2,  /* c: O_CREAT (asked for; it may have existed) */
	FT_TRUNC = 1u << 3,   /* t: O_TRUNC */
	FT_EXEC = 1u << 4,    /* x: a successful execve of it */
};

/* --files-sort= */
enum files_sort {
	FILES_SORT_BYTES = 0, /* bytes read + written, largest first */
	FILES_SORT_COUNT,     /* calls of every kind, most first */
	FILES_SORT_PATH,      /* by path */
};

/* One process's use of a path. */
struct filetrack_user {
	pid_t pid;
	unsigned access;      /* FT_* bits of its successful opens/execs */
	unsigned opens;
};

/* Failed lookups of a path with one errno. */
struct filetrack_err {
	int err;
	unsigned count;
};

/* One path, aggregated over the whole tree. */
struct filetrack_file {
	const char *path;     /* absolute, normalized lexically */
	uint64_t opens;       /* successful open/openat/openat2/creat */
	uint64_t reads, read_bytes;    /* read, pread64, readv, preadv(2), sources of sendfile/copy_file_range/splice */
	uint64_t writes, write_bytes;  /* write, pwrite64, writev, pwritev(2), their targets */
	uint64_t other;       /* other successful syscalls naming it (stat, access...) */
	uint64_t failed;      /* failed syscalls naming it */
	unsigned access;      /* union of the users' access bits */
	struct filetrack_user *users;
	unsigned nusers;
	struct filetrack_err *errs;
	unsigned nerrs;
};

struct ft_proc;

/* Per thread group state (tracee.c calls these for struct proc). */
struct ft_proc *filetrack_proc_new(void);
void filetrack_proc_free(struct ft_proc *p);

/* Hooks from the dispatcher (trace.c), only with --files. */
void filetrack_on_entry(struct tracee *t, const struct sc_rec *rec);
void filetrack_on_exit(struct tracee *t, const struct sc_rec *rec);
/* clone_flags: CLONE_FILES shares the table; fork/vfork pass 0. */
void filetrack_on_child(struct tracee *parent, struct tracee *child,
			uint64_t clone_flags);
void filetrack_on_exec(struct tracee *t);

/* The report: every path, sorted, for the writer and the JSON stream. */
unsigned filetrack_sorted(const struct filetrack_file ***out,
			  enum files_sort sort);
void filetrack_print(FILE *f, enum files_sort sort);
/* "rwctx" letters of access bits into buf (at least 6 bytes). */
void filetrack_access_text(unsigned access, char *buf);
/* Lexical normalization of an absolute path ("/a/./b/../c" -> "/a/c"). */
void filetrack_normalize(char *path);
/* Forget everything (tests). */
void filetrack_reset(void);

#endif /* FTRACE_FILETRACK_H */
