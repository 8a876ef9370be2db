/*
 * spawn.c - start the command under trace.
 *
 * The child blocks on a pipe until the parent has PTRACE_SEIZEd it and
 * asked for a PTRACE_INTERRUPT stop; only then does it exec.  So the first
 * stop is known to come before the program's first instruction, nothing of
 * the program runs untraced, and no job-control SIGSTOP is needed (a
 * SIGSTOP-based start would look like a group-stop to a seized tracee).
 *
 * -u and -E are applied in the child between the gate and the exec; what
 * needs a lookup or an allocation (the user's groups, the new environment)
 * is prepared in the parent, so the child only makes plain syscalls.
 */
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <pwd.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include "error.h"
#include "ftrace.h"
#include "output.h"
#include "ptrace_ops.h"
#include "seccomp.h"
#include "spawn.h"
#include "tracee.h"

int
spawn_resolve(const char *name, char *path, size_t size)
{
	const char *dirs = getenv("PATH");
	struct stat st;

	if (strchr(name, '/') || !dirs) {
		if ((size_t)snprintf(path, size, "%s", name) >= size) {
			errno = ENAMETOOLONG;
			return -1;
		}
		return stat(path, &st);
	}
	/* The first regular file with an exec bit wins, as with execvp. */
	while (*dirs) {
		const char *end = strchrnul(dirs, ':');
		int len = (int)(end - dirs);

		if ((size_t)snprintf(path, size, "%.*s%s%s", len, dirs,
				     len ? "/" : "", name) < size &&
		    stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
		    (st.st_mode & 0111))
			return 0;
		dirs = *end ? end + 1 : end;
	}
	/* Not found in $PATH: a file of that name here does not count. */
	snprintf(path, size, "%s", name);
	errno = ENOENT;
	return -1;
}

/* -u: who the command runs as; looked up once, before anything starts. */
static struct {
	bool set;
	uid_t uid;
	gid_t gid;
	int ngroups;
	gid_t groups[NGROUPS_MAX];
} run_as;

int
spawn_set_user(const char *name)
{
	struct passwd *pw;
	if (geteuid() != 0) {
		error_msg("You must be root to use the -u/--username option");
		return -1;
	}
	pw = getpwnam(name);
	if (!pw) {
		error_msg("Cannot find user '%s'", name);
		return -1;
	}
	run_as.uid = pw->pw_uid;
	run_as.gid = pw->pw_gid;
	/* The supplementary groups, as initgroups(3) would set them. */
	run_as.ngroups = NGROUPS_MAX;
	if (getgrouplist(name, pw->pw_gid, run_as.groups, &run_as.ngroups) < 0)
		run_as.ngroups = 0;
	run_as.set = true;
	return 0;
}

/* Does "VAR=..." or "VAR" name var (given as "VAR=VAL" or "VAR")? */
static bool
same_name(const char *entry, const char *var)
{
	size_t n = strcspn(var, "=");

	return strncmp(entry, var, n) == 0 && (entry[n] == '=' || !entry[n]);
}

char **
spawn_build_env(char **env, char *const *ops, unsigned nops)
{
	size_t n = 0, i, j, k;
	char **out;

	while (env && env[n])
		n++;
	out = calloc(n + nops + 1, sizeof(*out));
	if (!out)
		return NULL;
	for (i = 0; i < n; i++)
		out[i] = env[i];
	/* Left to right: VAR=VAL replaces or adds, VAR removes. */
	for (k = 0; k < nops; k++) {
		bool set = strchr(ops[k], '=') != NULL, done = false;

		if (!ops[k][0])
			continue;	/* -E "": unsetenv("") fails, nothing changes */
		for (i = j = 0; i < n; i++) {
			if (!same_name(out[i], ops[k])) {
				out[j++] = out[i];
			} else if (set && !done) {
				out[j++] = ops[k];
				done = true;
			}
		}
		n = j;
		if (set && !done)
			out[n++] = ops[k];
		out[n] = NULL;
	}
	return out;
}

/* Async-signal-safe error report from the child after fork. */
static void __attribute__((noreturn))
child_fail(const char *what, int err)
{
	const char *prefix = FTRACE_NAME ": ";
	const char *msg = strerror(err);
	struct iovec iov[] = {
		{ (void *)prefix, strlen(prefix) },
		{ (void *)what, strlen(what) },
		{ (void *)": ", 2 },
		{ (void *)msg, strlen(msg) },
		{ (void *)"\n", 1 },
	};

	(void)!writev(STDERR_FILENO, iov, 5);
	_exit(1);
}

pid_t
spawn_command(char **argv, const sigset_t *orig_mask,
	      unsigned long ptrace_options)
{
	extern char **environ;
	char path[PATH_MAX];
	char **envp = environ;
	uid_t euid = run_as.uid;
	gid_t egid = run_as.gid;
	struct tracee *t;
	struct stat st;
	int gate[2];
	pid_t pid;

	if (spawn_resolve(argv[0], path, sizeof(path)) < 0)
		die_perror("Can't stat '%s'", argv[0]);
	/* -u with a set-user-ID or set-group-ID program: as exec would. */
	if (run_as.set && stat(path, &st) == 0) {
		if (st.st_mode & S_ISUID)
			euid = st.st_uid;
		if ((st.st_mode & (S_ISGID | S_IXGRP)) == (S_ISGID | S_IXGRP))
			egid = st.st_gid;
	}
	if (opts.env_count) {
		envp = spawn_build_env(environ, opts.env_ops, opts.env_count);
		if (!envp)
			die("out of memory");
	}
	if (pipe2(gate, O_CLOEXEC) < 0)
		die_perror("pipe");

	pid = fork();
	if (pid < 0)
		die_perror("fork");
	if (pid == 0) {
		char c;

		close(gate[1]);
		/* The tracer blocks SIGCHLD and friends; the program must not. */
		sigprocmask(SIG_SETMASK, orig_mask, NULL);
		out_child_reset();
		/* EOF on the gate means: you are seized, go. */
		while (read(gate[0], &c, 1) < 0 && errno == EINTR)
			;
		/* Groups first: they cannot be changed once root is gone. */
		if (run_as.set) {
			if (setgroups((size_t)run_as.ngroups, run_as.groups) < 0)
				child_fail("setgroups", errno);
			if (setregid(run_as.gid, egid) < 0)
				child_fail("setregid", errno);
			if (setreuid(run_as.uid, euid) < 0)
				child_fail("setreuid", errno);
		}
		/* --seccomp-bpf: the command and all it starts run filtered */
		if (seccomp_enabled && seccomp_install() < 0)
			child_fail("prctl(PR_SET_SECCOMP)", errno);
		execve(path, argv, envp);
		child_fail("exec", errno);
	}

	close(gate[0]);
	if (envp != environ)
		free(envp);
	if (pt_seize(pid, ptrace_options) < 0) {
		int err = errno;

		kill(pid, SIGKILL);
		errno = err;
		die_perror("PTRACE_SEIZE %d", pid);
	}
	/*
	 * The interrupt stop arrives through the loop like any other stop; it
	 * is where the first PTRACE_SYSCALL resume happens.
	 */
	if (pt_interrupt(pid) < 0)
		die_perror("PTRACE_INTERRUPT %d", pid);
	close(gate[1]);

	t = tracee_add(pid, NULL);
	t->hidden = true;
	t->spawned = true;
	return pid;
}
