/*
 * reparent.c - a grandchild outlives its parent and is reparented (to
 * init or a subreaper); it then prints a line and exits 5.  The main
 * process waits for it through a pipe (EOF when it exits).
 *
 * Prints "grandchild reparented" then "done", exits 0.
 */
#include <stdio.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

int
main(void)
{
	const struct timespec tick = { 0, 1000 * 1000 };
	int eof[2], status, n;
	pid_t mid, parent;
	char c;

	setvbuf(stdout, NULL, _IONBF, 0);
	if (pipe(eof) < 0)
		return 1;
	mid = fork();
	if (mid == 0) {
		parent = getpid();
		if (fork() == 0) {
			close(eof[0]);
			/* wait (bounded) until the middle process is gone */
			for (n = 0; n < 5000 && getppid() == parent; n++)
				nanosleep(&tick, NULL);
			printf("grandchild %s\n", getppid() != parent ?
			       "reparented" : "not reparented");
			_exit(5);
		}
		_exit(0);
	}
	close(eof[1]);
	waitpid(mid, &status, 0);
	while (read(eof[0], &c, 1) > 0)
		;
	printf("done\n");
	return 0;
}
