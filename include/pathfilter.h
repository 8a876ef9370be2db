/*
 * pathfilter.h - -P PATH / --trace-path=PATH: show only the syscalls that
 * name one of the paths, or use a descriptor that refers to one.
 */
#ifndef FTRACE_PATHFILTER_H
#define FTRACE_PATHFILTER_H

#include <stdbool.h>
#include <sys/types.h>

#include "syscall_info.h"
#include "sysent.h"

/* Forget every -P (options_parse starts from scratch). */
void pathfilter_reset(void);
/* Add one -P argument; -1 (message printed) if there are too many. */
int pathfilter_add(const char *path);
/*
 * After the options: add each path's resolved form (symlinks followed,
 * made absolute) when it differs, with strace's note unless quiet says
 * path-resolution; returns the list (NULL when no -P was given).
 */
const char **pathfilter_paths(unsigned *count);

struct proc;

/* Does this syscall entry of thread tid (of proc) touch one of the paths? */
bool pathfilter_match(struct proc *proc, pid_t tid, const struct sysent *ent,
		      const struct sc_rec *rec);

/* The same test on a string or an fd target, for the unit tests. */
bool pathfilter_has(const char *path);

#endif /* FTRACE_PATHFILTER_H */
