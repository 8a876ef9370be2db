/*
 * path_ops: system calls that name a path or use an fd, for -P PATH.
 * Works in the directory given as argv[1] (created by the caller, holding
 * "file" with some bytes and "link" -> "file"): opens "file", reads it,
 * dup/dup2/fstat/mmap/poll/lseek the fd, openat relative to a directory
 * fd, stat/access/readlink by several spellings, symlink, link, rename
 * and unlink of new names, then tries to execve "file" (not executable:
 * EACCES).  Prints "path_ops done" and exits 0.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	char b[64];
	struct stat st;
	struct pollfd p;
	int fd, fd2, d, fd3;
	void *m;

	if (argc < 2 || chdir(argv[1]) < 0) {
		fprintf(stderr, "usage: path_ops DIR\n");
		return 2;
	}
	fd = open("file", O_RDONLY);
	if (fd < 0)
		return 1;
	if (read(fd, b, sizeof(b)) < 0)
		return 1;
	fd2 = dup(fd);
	dup2(fd, 10);
	fstat(fd2, &st);
	m = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	if (m != MAP_FAILED)
		munmap(m, 4096);
	p = (struct pollfd){ .fd = fd, .events = POLLIN };
	poll(&p, 1, 0);
	lseek(10, 0, SEEK_SET);
	close(fd2);
	close(10);
	d = open(".", O_RDONLY | O_DIRECTORY);
	fd3 = openat(d, "file", O_RDONLY);
	close(fd3);
	close(d);
	stat("file", &st);
	stat("link", &st);
	lstat("link", &st);
	access("./file", R_OK);
	if (readlink("link", b, sizeof(b)) < 0)
		return 1;
	symlink("file", "link2");
	link("file", "hard");
	rename("hard", "hard2");
	unlink("hard2");
	unlink("link2");
	close(fd);
	if (write(1, "path_ops done\n", 14) != 14)
		return 1;
	execl("file", "file", (char *)NULL);
	return 0;
}
