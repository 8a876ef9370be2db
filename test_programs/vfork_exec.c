/*
 * vfork_exec: one vfork() child that execve()s /bin/true, and one vfork()
 * child that calls _exit(7) without exec.  The parent waits for both and
 * prints their exit statuses.  Exercises tracing of CLONE_VFORK children
 * (the parent stays blocked until the child execs or exits).
 */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

static int
reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid)
		return -1;
	if (!WIFEXITED(status))
		return -2;
	return WEXITSTATUS(status);
}

int
main(void)
{
	char *argv[] = { "true", NULL };
	int st_exec, st_exit;
	pid_t pid;

	pid = vfork();
	if (pid < 0) {
		perror("vfork");
		return 1;
	}
	if (pid == 0) {
		execve("/bin/true", argv, environ);
		_exit(127);
	}
	st_exec = reap(pid);

	pid = vfork();
	if (pid < 0) {
		perror("vfork");
		return 1;
	}
	if (pid == 0)
		_exit(7);
	st_exit = reap(pid);

	printf("vfork_exec: exec child %d, exit child %d\n", st_exec, st_exit);
	return st_exec == 0 && st_exit == 7 ? 0 : 1;
}
