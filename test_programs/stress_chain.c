/*
 * stress_chain: fork/exit recursion DEPTH deep.  Each process forks one
 * child and waits for it; the deepest exits 0, and every parent exits with
 * its child's status + 1 (mod 256), so all DEPTH+1 processes are alive at
 * once at the bottom and the statuses come back up the chain.  The first
 * process checks that its child returned DEPTH % 256, prints
 *   chain: DEPTH deep, exits DEPTH+1
 * and exits 0, or prints what came back and exits 1.
 *
 * usage: stress_chain [DEPTH]     (default 1000)
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	int depth = argc > 1 ? atoi(argv[1]) : 1000;
	int level = 0, status;
	pid_t kid;

	if (depth < 1) {
		fprintf(stderr, "usage: stress_chain [DEPTH]\n");
		return 2;
	}
	for (;;) {
		if (level == depth)
			_exit(0);
		kid = fork();
		if (kid < 0) {
			perror("fork");
			_exit(200);
		}
		if (kid > 0)
			break;
		level++;
	}
	while (waitpid(kid, &status, 0) < 0)
		if (errno != EINTR)
			_exit(201);
	if (level > 0)
		_exit(WIFEXITED(status) ? (WEXITSTATUS(status) + 1) & 255 : 202);
	/* the deepest gives 0, each level adds one: level 1 gives depth - 1 */
	if (!WIFEXITED(status) || WEXITSTATUS(status) != (depth - 1) % 256) {
		printf("chain: child status 0x%x, want exit %d\n", status,
		       (depth - 1) % 256);
		return 1;
	}
	printf("chain: %d deep, exits %d\n", depth, depth + 1);
	return 0;
}
