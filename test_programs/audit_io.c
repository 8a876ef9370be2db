/*
 * audit_io.c - known file traffic for the --files and --tree checks
 * (tests/integration/audit.sh knows every number below).
 *
 *   audit_io DIR
 *
 * In DIR: a.txt gets 1400 bytes in 4 writes (through the fd, a dup, an
 * F_DUPFD copy and pwrite64) and 2010 bytes in 5 reads (read, readv, a
 * forked child through an inherited dup2 copy, and after an exec through
 * that same non-close-on-exec fd and a relative open after chdir);
 * b.txt gets 777 bytes in 1 write from the child (openat on a dirfd).
 * missing1 fails 3 times (stat, stat, access) and missing2 once (open),
 * all ENOENT.  Processes: the parent (2 execs: this program twice, exit
 * 0), a child exiting 3 and a child killed by SIGTERM.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#define KEEP_FD 30

static char buf[4096];

static void
path(char *out, size_t n, const char *dir, const char *name)
{
	snprintf(out, n, "%s/%s", dir, name);
}

static int
after_exec(const char *dir)
{
	int fd;

	/* KEEP_FD survived the exec; the close-on-exec one did not */
	if (read(KEEP_FD, buf, 100) != 100)
		return 10;
	if (chdir(dir) < 0)
		return 11;
	fd = open("a.txt", O_RDONLY);
	if (fd < 0 || read(fd, buf, 10) != 10)
		return 12;
	close(fd);
	return 0;
}

int
main(int argc, char **argv)
{
	char a[4096], m1[4096], m2[4096];
	struct iovec iov[2] = { { buf, 200 }, { buf + 200, 200 } };
	struct stat st;
	int fd, fd2, fd20, rfd, dfd, bfd, status;
	pid_t pid;

	if (argc == 3 && strcmp(argv[1], "--after-exec") == 0)
		return after_exec(argv[2]);
	if (argc != 2)
		return 2;
	memset(buf, 'x', sizeof(buf));
	path(a, sizeof(a), argv[1], "a.txt");
	path(m1, sizeof(m1), argv[1], "missing1");
	path(m2, sizeof(m2), argv[1], "missing2");

	fd = open(a, O_CREAT | O_WRONLY | O_TRUNC, 0644);
	if (fd < 0 || write(fd, buf, 1000) != 1000 || write(fd, buf, 234) != 234)
		return 3;
	fd2 = dup(fd);
	if (write(fd2, buf, 100) != 100)
		return 4;
	fd20 = fcntl(fd, F_DUPFD, 20);
	if (pwrite(fd20, buf, 66, 1334) != 66)
		return 5;
	close(fd);
	close(fd2);
	close(fd20);

	rfd = open(a, O_RDONLY | O_CLOEXEC);
	if (rfd < 0 || read(rfd, buf, 1000) != 1000 || readv(rfd, iov, 2) != 400)
		return 6;
	if (dup2(rfd, KEEP_FD) != KEEP_FD)
		return 7;

	pid = fork();
	if (pid == 0) {
		lseek(KEEP_FD, 0, SEEK_SET);
		if (read(KEEP_FD, buf, 500) != 500)
			_exit(20);
		dfd = open(argv[1], O_RDONLY | O_DIRECTORY);
		bfd = openat(dfd, "b.txt", O_CREAT | O_WRONLY | O_TRUNC, 0644);
		if (bfd < 0 || write(bfd, buf, 777) != 777)
			_exit(21);
		_exit(3);
	}
	waitpid(pid, &status, 0);
	pid = fork();
	if (pid == 0) {
		kill(getpid(), SIGTERM);
		_exit(22);
	}
	waitpid(pid, &status, 0);

	stat(m1, &st);
	stat(m1, &st);
	access(m1, R_OK);
	open(m2, O_RDONLY);

	lseek(KEEP_FD, 0, SEEK_SET);
	execl("/proc/self/exe", "audit_io", "--after-exec", argv[1], (char *)NULL);
	return 9;
}
