/*
 * mem32.c - memory syscalls: mmap (mmap2 on i386, offsets in pages),
 * an fd -1 mapping, mprotect, munmap, brk, mremap, madvise.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

int
main(void)
{
	char *p, *q;
	int fd;

	p = mmap(NULL, 8192, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return 1;
	p[0] = 1;
	(void)mprotect(p, 4096, PROT_READ);
	(void)madvise(p, 8192, MADV_DONTNEED);
	q = mremap(p, 8192, 16384, MREMAP_MAYMOVE);
	(void)munmap(q, 16384);
	fd = open("/etc/passwd", O_RDONLY);
	p = mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, fd, 0);
	(void)munmap(p, 4096);
	(void)close(fd);
	(void)mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 1000, 0); /* EBADF */
	(void)sbrk(0);
	(void)write(1, "mem done\n", 9);
	return 0;
}
