/*
 * exit_codes: four children exit with 0, 1, 42 and 255; the parent waits
 * for each in order, prints what it saw, and exits with 3.  Exercises the
 * "+++ exited with N +++" lines and the tracer mirroring exit status 3.
 */
#include <stdio.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(void)
{
	static const int codes[] = { 0, 1, 42, 255 };
	int n = sizeof(codes) / sizeof(codes[0]);
	pid_t pids[4];

	for (int i = 0; i < n; i++) {
		pids[i] = fork();
		if (pids[i] < 0) {
			perror("fork");
			return 1;
		}
		if (pids[i] == 0)
			_exit(codes[i]);
	}

	printf("exit_codes:");
	for (int i = 0; i < n; i++) {
		int status;

		if (waitpid(pids[i], &status, 0) != pids[i] ||
		    !WIFEXITED(status)) {
			printf(" ?");
			continue;
		}
		printf(" %d", WEXITSTATUS(status));
	}
	printf("\n");
	return 3;
}
