/*
 * spawn.h - start the traced command.
 */
#ifndef FTRACE_SPAWN_H
#define FTRACE_SPAWN_H

#include <signal.h>
#include <stddef.h>
#include <sys/types.h>

/*
 * Find argv[0] like strace does: a name with a '/' is used as it is, any
 * other name is looked up in $PATH.  Fills path; -1 with errno set when
 * the result cannot be stat()ed.
 */
int spawn_resolve(const char *name, char *path, size_t size);

/*
 * Fork, seize the child before it can exec, and let it exec argv with the
 * signal mask orig_mask.  The child is registered as a hidden tracee (its
 * syscalls before execve are ftrace-c's, not the program's).  Dies with
 * "Can't stat" when the command cannot be found.
 */
/*
 * -u NAME: check that we are root and that NAME exists, and remember its
 * uid, gid and groups for the command.  -1 after printing strace's message
 * ("Cannot find user 'NAME'").
 */
int spawn_set_user(const char *name);

/*
 * -E: a copy of env with ops applied left to right ("VAR=VAL" replaces or
 * adds VAR, "VAR" removes it); the strings are shared, the array is
 * malloc'ed.  NULL when out of memory.
 */
char **spawn_build_env(char **env, char *const *ops, unsigned nops);

pid_t spawn_command(char **argv, const sigset_t *orig_mask,
		    unsigned long ptrace_options);

#endif /* FTRACE_SPAWN_H */
