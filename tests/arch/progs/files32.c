/*
 * files32.c - file syscalls whose structs or arguments have a 32-bit
 * layout on i386: stat64/fstat64/lstat64, statx, _llseek, getdents64,
 * readv/writev iovecs, pread64/pwrite64 (64-bit offsets in two registers),
 * ftruncate64, fcntl64, uname.  Built for every arch; the raw syscalls that
 * exist only on i386 are guarded by __NR_ macros.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/utsname.h>
#include <unistd.h>

int
main(void)
{
	static const char path[] = "arch-files.tmp";
	char a[8] = "abcdefg", b[5] = "1234", in1[4], in2[16], dents[4096];
	struct iovec wv[2] = { { a, 7 }, { b, 4 } };
	struct iovec rv[2] = { { in1, sizeof(in1) }, { in2, sizeof(in2) } };
	struct stat st;
	struct statx stx;
	struct utsname u;
	int fd, dfd;

	fd = open(path, O_RDWR | O_CREAT | O_TRUNC, 0600);
	if (fd < 0)
		return 1;
	if (writev(fd, wv, 2) != 11)
		return 2;
	(void)fstat(fd, &st);
	(void)stat(path, &st);
	(void)lstat(path, &st);
	(void)fstatat(AT_FDCWD, path, &st, AT_SYMLINK_NOFOLLOW);
	(void)statx(AT_FDCWD, path, 0, STATX_BASIC_STATS, &stx);
	(void)stat("/nonexistent/arch", &st);
#ifdef __NR__llseek
	{
		long long off = 0;

		syscall(__NR__llseek, fd, 0UL, 3UL, &off, SEEK_SET);
		syscall(__NR__llseek, fd, 1UL, 0UL, &off, SEEK_END);
		syscall(__NR__llseek, -1, 0UL, 0UL, &off, SEEK_SET);
	}
#endif
	(void)lseek(fd, 0, SEEK_SET);
	(void)readv(fd, rv, 2);
	(void)pread(fd, in1, 3, 2);
	(void)pwrite64(fd, "Z", 1, 0x100000000LL);   /* offset above 4 GiB */
	(void)ftruncate(fd, 5);
	(void)fcntl(fd, F_GETFL);
	(void)fcntl(fd, F_SETFD, FD_CLOEXEC);
	(void)close(fd);
	(void)unlink(path);
	(void)mkdir("arch-dir.tmp", 0700);
	(void)close(open("arch-dir.tmp/one", O_WRONLY | O_CREAT, 0600));
	dfd = open("arch-dir.tmp", O_RDONLY | O_DIRECTORY);
	(void)syscall(SYS_getdents64, dfd, dents, sizeof(dents));
	(void)close(dfd);
	(void)unlink("arch-dir.tmp/one");
	(void)rmdir("arch-dir.tmp");
	(void)close(-1);
	(void)uname(&u);
	(void)write(1, "files done\n", 11);
	return 0;
}
