/*
 * spawn.c - start the command under trace.
 *
 * The child blocks on a pipe until the parent has PTRACE_SEIZEd it and
 * asked for a PTRACE_INTERRUPT stop; only then does it exec.  So the first
 * stop is known to come before the program's first instruction, nothing of
 * the program runs untraced, and no job-control SIGSTOP is needed (a
 * SIGSTOP-based start would look like a group-stop to a seized tracee).
 */
#include <errno.h>
#include <fcntl.h>
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
	char path[PATH_MAX];
	struct tracee *t;
	int gate[2];
	pid_t pid;

	if (spawn_resolve(argv[0], path, sizeof(path)) < 0)
		die_perror("Can't stat '%s'", argv[0]);
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
		/* EOF on the gate means: you are seized, go. */
		while (read(gate[0], &c, 1) < 0 && errno == EINTR)
			;
		/* --seccomp-bpf: the command and all it starts run filtered */
		if (seccomp_enabled && seccomp_install() < 0)
			child_fail("prctl(PR_SET_SECCOMP)", errno);
		execv(path, argv);
		child_fail("exec", errno);
	}

	close(gate[0]);
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
