/*
 * stress_unmap: memory unmapped under a syscall's buffer by another
 * thread.  ROUNDS times: the main thread maps a fresh page, lets the
 * reader thread block in read(pipe, page, 16), writes "hello" into the
 * pipe and at once unmaps the page; in odd rounds it unmaps the page
 * before writing.  The reader's read either completed (and the page is
 * gone before the tracer can look at it at the exit stop) or failed with
 * EFAULT; a tracer must print the buffer as a string or as an address and
 * never fail.  Prints "unmap: ROUNDS rounds, exits 2" and exits 0.
 *
 * usage: stress_unmap [ROUNDS]     (default 200)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static int data[2], go[2], ack[2];
static char *volatile page;

static void *
reader(void *arg)
{
	char c, left[5];

	(void)arg;
	while (read(go[0], &c, 1) == 1 && c == 'g') {
		/* EFAULT is an expected outcome, 5 the other one */
		if (read(data[0], page, 16) < 0) {
			/* the bytes stay in the pipe: take them */
			if (errno != EFAULT || read(data[0], left, 5) != 5)
				_exit(3);
		}
		if (write(ack[1], "a", 1) != 1)
			_exit(4);
	}
	return NULL;
}

int
main(int argc, char **argv)
{
	int rounds = argc > 1 ? atoi(argv[1]) : 200, i;
	pthread_t t;
	char c;

	if (pipe(data) || pipe(go) || pipe(ack) ||
	    pthread_create(&t, NULL, reader, NULL))
		return 1;
	for (i = 0; i < rounds; i++) {
		page = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (page == MAP_FAILED || write(go[1], "g", 1) != 1)
			return 1;
		if (i % 2)
			munmap(page, 4096);
		if (write(data[1], "hello", 5) != 5)
			return 1;
		if (!(i % 2))
			munmap(page, 4096);
		if (read(ack[0], &c, 1) != 1)
			return 1;
	}
	if (write(go[1], "q", 1) != 1)
		return 1;
	pthread_join(t, NULL);
	printf("unmap: %d rounds, exits 2\n", rounds);
	return 0;
}
