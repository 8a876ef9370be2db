/*
 * fork_tree: a tree of exactly 50 processes (this one included), built by
 * recursive fork() with a fan-out of 3.  Node i has children 3i+1 .. 3i+3
 * (those below NODES).  Every descendant writes its index at offset index
 * of a shared memfd and exits with its depth, or 100 + depth if one of its
 * own children did not exit as expected.  The root waits for its children,
 * checks their statuses and the indexes read back from the memfd, and
 * exits 0 only if all is as expected.  Exercises -f across many concurrent
 * forks and exits.  (A memfd rather than a pipe: what the root reads does
 * not depend on the order the children ran in, so two traces of this
 * program compare line by line.)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>

#define NODES	50
#define FANOUT	3

static int
depth_of(int idx)
{
	int depth = 0;

	while (idx > 0) {
		idx = (idx - 1) / FANOUT;
		depth++;
	}
	return depth;
}

/* Fork the children of node idx and wait for them; returns 0 if all ok. */
static int
grow(int idx, int wfd)
{
	pid_t pids[FANOUT];
	int kids[FANOUT];
	int n = 0, bad = 0;

	for (int k = 1; k <= FANOUT; k++) {
		int child = FANOUT * idx + k;
		pid_t pid;

		if (child >= NODES)
			break;
		pid = fork();
		if (pid < 0) {
			bad = 1;
			break;
		}
		if (pid == 0) {
			int depth = depth_of(child);
			char byte = (char)child;
			int rc;

			if (pwrite(wfd, &byte, 1, child) != 1)
				_exit(200);
			rc = grow(child, wfd);
			_exit(rc ? 100 + depth : depth);
		}
		pids[n] = pid;
		kids[n] = child;
		n++;
	}

	for (int i = 0; i < n; i++) {
		int status;

		while (waitpid(pids[i], &status, 0) < 0) {
			if (errno != EINTR)
				return 1;
		}
		if (!WIFEXITED(status) ||
		    WEXITSTATUS(status) != depth_of(kids[i]))
			bad = 1;
	}
	return bad;
}

int
main(void)
{
	int fd;
	int bad, count = 0, sum = 0;
	unsigned char buf[256];
	ssize_t got;

	fd = memfd_create("fork_tree", MFD_CLOEXEC);
	if (fd < 0) {
		perror("memfd_create");
		return 1;
	}
	bad = grow(0, fd);

	/* Every writer has exited: bytes 1 .. NODES-1 hold their indexes. */
	got = pread(fd, buf, sizeof(buf), 0);
	for (ssize_t i = 1; i < got; i++) {
		if (buf[i] == i)
			count++;
		sum += buf[i];
	}
	close(fd);

	/* Descendants are nodes 1 .. NODES-1. */
	if (count != NODES - 1 || sum != (NODES - 1) * NODES / 2)
		bad = 1;
	printf("fork_tree: %d processes, index sum %d, %s\n",
	       count + 1, sum, bad ? "FAILED" : "ok");
	return bad ? 1 : 0;
}
