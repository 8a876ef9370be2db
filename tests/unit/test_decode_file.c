/*
 * test_decode_file.c - the file, descriptor and stat decoders
 * (src/decode/file.c, desc.c, stat.c, ioctl.c, poll.c) through the real
 * dispatcher: flags, structs at exit, error returns, unreadable memory.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <poll.h>
#include <sys/epoll.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/uio.h>

#include "decode.h"
#include "decode_harness.h"
#include "filter.h"

#define AT_CWD ((uint64_t)(int64_t)AT_FDCWD)

static const char *
addr_str(uintptr_t a)
{
	static char s[4][32];
	static unsigned i;

	i = (i + 1) % 4;
	snprintf(s[i], sizeof(s[i]), "%#lx", (unsigned long)a);
	return s[i];
}

static void
test_open(void **state)
{
	static const char path[] = "/etc/passwd";
	char want[256];

	(void)state;
	assert_string_equal(DH("openat", AT_CWD, path, O_RDONLY | O_CLOEXEC, 0, 0, 0, 3),
			    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_CLOEXEC) = 3");
	assert_string_equal(DH("openat", AT_CWD, path, O_WRONLY | O_CREAT | O_TRUNC, 0666, 0, 0, 4),
			    "openat(AT_FDCWD, \"/etc/passwd\", O_WRONLY|O_CREAT|O_TRUNC, 0666) = 4");
	assert_string_equal(DH("openat", AT_CWD, path, O_RDWR | DH_O_TMPFILE, 0600, 0, 0, 4),
			    "openat(AT_FDCWD, \"/etc/passwd\", O_RDWR|O_TMPFILE, 0600) = 4");
	assert_string_equal(DH("openat", AT_CWD, path, DH_O_LARGEFILE | DH_O_DIRECTORY | DH_O_NOFOLLOW | O_PATH | 020000, 0, 0, 0, 4),
			    "openat(AT_FDCWD, \"/etc/passwd\", O_RDONLY|O_LARGEFILE|O_NOFOLLOW|O_PATH|O_DIRECTORY|FASYNC) = 4");
	assert_string_equal(DH("open", path, 3 | 0x80000000u, 0, 0, 0, 0, -2),
			    "open(\"/etc/passwd\", O_ACCMODE|0x80000000) = -1 ENOENT (No such file or directory)");
	snprintf(want, sizeof(want), "openat(AT_FDCWD, %s, O_RDONLY) = -1 EFAULT (Bad address)",
		 addr_str(dh_unmapped()));
	assert_string_equal(DH("openat", AT_CWD, dh_unmapped(), 0, 0, 0, 0, -14), want);
}

static void
test_openat2(void **state)
{
	static const char path[] = "/x";
	static uint64_t how[3] = { O_WRONLY | O_CREAT, 0644, 0 };
	char want[256];

	(void)state;
	assert_string_equal(DH("openat2", AT_CWD, path, how, 24, 0, 0, 3),
			    "openat2(AT_FDCWD, \"/x\", {flags=O_WRONLY|O_CREAT, mode=0644, resolve=0}, 24) = 3");
	how[0] = O_RDONLY;
	how[1] = 0;
	how[2] = 0x04 | 0x08;
	assert_string_equal(DH("openat2", AT_CWD, path, how, 24, 0, 0, 3),
			    "openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY, resolve=RESOLVE_NO_SYMLINKS|RESOLVE_BENEATH}, 24) = 3");
	snprintf(want, sizeof(want), "openat2(AT_FDCWD, \"/x\", %s, 24) = -1 EFAULT (Bad address)",
		 addr_str(dh_unmapped()));
	assert_string_equal(DH("openat2", AT_CWD, path, dh_unmapped(), 24, 0, 0, -14), want);
}

static void
test_access_and_at(void **state)
{
	static const char path[] = "/etc";

	(void)state;
	assert_string_equal(DH("access", path, F_OK, 0, 0, 0, 0, 0), "access(\"/etc\", F_OK) = 0");
	assert_string_equal(DH("access", path, R_OK | W_OK | X_OK, 0, 0, 0, 0, 0),
			    "access(\"/etc\", R_OK|W_OK|X_OK) = 0");
	assert_string_equal(DH("access", path, 8, 0, 0, 0, 0, -22),
			    "access(\"/etc\", 0x8 /* ?_OK */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("faccessat2", AT_CWD, path, R_OK, AT_EACCESS | AT_SYMLINK_NOFOLLOW, 0, 0, 0),
			    "faccessat2(AT_FDCWD, \"/etc\", R_OK, AT_SYMLINK_NOFOLLOW|AT_EACCESS) = 0");
	assert_string_equal(DH("faccessat", AT_CWD, path, X_OK, 0, 0, 0, 0),
			    "faccessat(AT_FDCWD, \"/etc\", X_OK) = 0");
	assert_string_equal(DH("unlinkat", AT_CWD, path, AT_REMOVEDIR, 0, 0, 0, 0),
			    "unlinkat(AT_FDCWD, \"/etc\", AT_REMOVEDIR) = 0");
	assert_string_equal(DH("renameat2", AT_CWD, path, AT_CWD, path, 1, 0, 0),
			    "renameat2(AT_FDCWD, \"/etc\", AT_FDCWD, \"/etc\", RENAME_NOREPLACE) = 0");
	assert_string_equal(DH("fchownat", AT_CWD, path, -1, -1, AT_SYMLINK_NOFOLLOW, 0, 0),
			    "fchownat(AT_FDCWD, \"/etc\", -1, -1, AT_SYMLINK_NOFOLLOW) = 0");
	assert_string_equal(DH("umask", 022, 0, 0, 0, 0, 0, 022), "umask(022) = 022");
	assert_string_equal(DH("mkdir", path, 0755, 0, 0, 0, 0, 0), "mkdir(\"/etc\", 0755) = 0");
}

static void
test_stat(void **state)
{
	static const char path[] = "/f";
	static const char empty[] = "";
	static struct stat st;
	static struct sc_set none;
	char want[512];

	(void)state;
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0644;
	st.st_size = 41607;
	assert_string_equal(DH("newfstatat", 3, empty, dh_stat(&st, "newfstatat"), AT_EMPTY_PATH, 0, 0, 0),
			    "newfstatat(3, \"\", {st_mode=S_IFREG|0644, st_size=41607, ...}, AT_EMPTY_PATH) = 0");
	st.st_mode = S_IFCHR | 0666;
	st.st_rdev = makedev(1, 3);
	assert_string_equal(DH("fstat", 0, dh_stat(&st, "fstat"), 0, 0, 0, 0, 0),
			    "fstat(0, {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
	st.st_mode = S_IFDIR | S_ISVTX | 0777;
	st.st_size = 4096;
	assert_string_equal(DH("stat", path, dh_stat(&st, "stat"), 0, 0, 0, 0, 0),
			    "stat(\"/f\", {st_mode=S_IFDIR|S_ISVTX|0777, st_size=4096, ...}) = 0");
	/* an error: the struct as its address */
	snprintf(want, sizeof(want), "newfstatat(AT_FDCWD, \"/f\", %s, AT_SYMLINK_NOFOLLOW) = -1 ENOENT (No such file or directory)",
		 addr_str((uintptr_t)&st));
	assert_string_equal(DH("newfstatat", AT_CWD, path, &st, AT_SYMLINK_NOFOLLOW, 0, 0, -2), want);
	snprintf(want, sizeof(want), "lstat(\"/f\", %s) = 0", addr_str(dh_unmapped()));
	assert_string_equal(DH("lstat", path, dh_unmapped(), 0, 0, 0, 0, 0), want);
	/* the entry part ends after the path, as strace splits it */
	{
		const uint64_t args[6] = { AT_CWD, (uintptr_t)path, (uintptr_t)&st, 0, 0, 0 };

		assert_string_equal(dh_entry_text("newfstatat", args),
				    "newfstatat(AT_FDCWD, \"/f\", ");
		dh_exit(0);
	}
	/* -v */
	sc_set_fill(&none, false);
	opts.abbrev = &none;
	memset(&st, 0, sizeof(st));
	st.st_mode = S_IFREG | 0600;
	st.st_dev = makedev(0xfe, 0);
	st.st_ino = 861;
	st.st_nlink = 1;
	st.st_size = 5;
	assert_string_equal(DH("fstat", 0, dh_stat(&st, "fstat"), 0, 0, 0, 0, 0),
			    "fstat(0, {st_dev=makedev(0xfe, 0), st_ino=861, st_mode=S_IFREG|0600, st_nlink=1, st_uid=0, st_gid=0, st_blksize=0, st_blocks=0, st_size=5, st_atime=0 /* 1970-01-01T00:00:00+0000 */, st_atime_nsec=0, st_mtime=0 /* 1970-01-01T00:00:00+0000 */, st_mtime_nsec=0, st_ctime=0 /* 1970-01-01T00:00:00+0000 */, st_ctime_nsec=0}) = 0");
}

static void
test_statx(void **state)
{
	static const char path[] = "/f";
	static uint32_t sx[64];

	(void)state;
	memset(sx, 0, sizeof(sx));
	sx[0] = 0x17ff;            /* stx_mask */
	((uint16_t *)sx)[14] = S_IFREG | 0644; /* stx_mode at offset 28 */
	((uint64_t *)sx)[5] = 1221; /* stx_size at offset 40 */
	assert_string_equal(DH("statx", AT_CWD, path, AT_STATX_FORCE_SYNC | AT_SYMLINK_NOFOLLOW, 0x1fff, sx, 0, 0),
			    "statx(AT_FDCWD, \"/f\", AT_STATX_FORCE_SYNC|AT_SYMLINK_NOFOLLOW, STATX_ALL|STATX_MNT_ID, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=1221, ...}) = 0");
	assert_string_equal(DH("statx", AT_CWD, path, 0, 3, sx, 0, 0),
			    "statx(AT_FDCWD, \"/f\", AT_STATX_SYNC_AS_STAT, STATX_TYPE|STATX_MODE, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=0, stx_mode=S_IFREG|0644, stx_size=1221, ...}) = 0");
}

static void
test_fcntl_lseek(void **state)
{
	/* struct flock: i386's has 32-bit offsets */
	static uint64_t fl[4];
	char want[256];

	(void)state;
	DH_PACK(fl, dh_compat() ? "hhiii" : "hhqqi", F_WRLCK, SEEK_SET, 0, 10, 0);
	assert_string_equal(DH("lseek", 3, -1, SEEK_END, 0, 0, 0, 10), "lseek(3, -1, SEEK_END) = 10");
	assert_string_equal(DH("lseek", 3, 0, 7, 0, 0, 0, -22),
			    "lseek(3, 0, 0x7 /* SEEK_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("fcntl", 3, F_GETFD, 0, 0, 0, 0, 1), "fcntl(3, F_GETFD) = 0x1 (flags FD_CLOEXEC)");
	assert_string_equal(DH("fcntl", 3, F_GETFD, 0, 0, 0, 0, 0), "fcntl(3, F_GETFD) = 0");
	/* the kernel's O_LARGEFILE: 0x8000 on x86, 0x20000 on arm64 */
	snprintf(want, sizeof(want), "fcntl(4, F_GETFL) = %#x (flags O_RDWR|O_LARGEFILE)",
		 DH_O_LARGEFILE | O_RDWR);
	assert_string_equal(DH("fcntl", 4, F_GETFL, 0, 0, 0, 0, DH_O_LARGEFILE | O_RDWR), want);
	assert_string_equal(DH("fcntl", 4, F_SETFL, O_APPEND | O_NONBLOCK, 0, 0, 0, 0),
			    "fcntl(4, F_SETFL, O_RDONLY|O_APPEND|O_NONBLOCK) = 0");
	assert_string_equal(DH("fcntl", 3, F_SETFD, FD_CLOEXEC, 0, 0, 0, 0), "fcntl(3, F_SETFD, FD_CLOEXEC) = 0");
	assert_string_equal(DH("fcntl", 3, F_DUPFD_CLOEXEC, 0, 0, 0, 0, 5), "fcntl(3, F_DUPFD_CLOEXEC, 0) = 5");
	assert_string_equal(DH("fcntl", 3, F_SETLK, fl, 0, 0, 0, 0),
			    "fcntl(3, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10}) = 0");
	assert_string_equal(DH("fcntl", 3, F_GETLK, fl, 0, 0, 0, 0),
			    "fcntl(3, F_GETLK, {l_type=F_WRLCK, l_whence=SEEK_SET, l_start=0, l_len=10, l_pid=0}) = 0");
	snprintf(want, sizeof(want), "fcntl(3, F_GETLK, %s) = -1 EBADF (Bad file descriptor)", addr_str((uintptr_t)fl));
	assert_string_equal(DH("fcntl", 3, F_GETLK, fl, 0, 0, 0, -9), want);
	assert_string_equal(DH("fcntl", 3, F_GETLEASE, 0, 0, 0, 0, 0), "fcntl(3, F_GETLEASE) = 0 (F_RDLCK)");
	assert_string_equal(DH("fcntl", 3, 1234, 5, 0, 0, 0, -22),
			    "fcntl(3, 0x4d2 /* F_??? */, 0x5) = -1 EINVAL (Invalid argument)");
}

static void
test_pipe_dup(void **state)
{
	static int fds[2] = { 3, 4 };
	char want[128];

	(void)state;
	assert_string_equal(DH("pipe2", fds, O_CLOEXEC, 0, 0, 0, 0, 0), "pipe2([3, 4], O_CLOEXEC) = 0");
	assert_string_equal(DH("pipe2", fds, O_NONBLOCK | O_CLOEXEC, 0, 0, 0, 0, 0),
			    "pipe2([3, 4], O_NONBLOCK|O_CLOEXEC) = 0");
	assert_string_equal(DH("pipe", fds, 0, 0, 0, 0, 0, 0), "pipe([3, 4]) = 0");
	snprintf(want, sizeof(want), "pipe2(%s, 0) = -1 EMFILE (Too many open files)", addr_str((uintptr_t)fds));
	assert_string_equal(DH("pipe2", fds, 0, 0, 0, 0, 0, -24), want);
	assert_string_equal(DH("dup3", 3, 21, O_CLOEXEC, 0, 0, 0, 21), "dup3(3, 21, O_CLOEXEC) = 21");
	assert_string_equal(DH("dup2", 3, 0, 0, 0, 0, 0, 0), "dup2(3, 0) = 0");
	assert_string_equal(DH("fcntl", 3, F_DUPFD, 10, 0, 0, 0, 11), "fcntl(3, F_DUPFD, 10) = 11");
	assert_string_equal(DH("umask", 0, 0, 0, 0, 0, 0, 0), "umask(000) = 000");
	/* i386: the offset in two registers */
	assert_string_equal(dh_compat() ? DH("fadvise64", 3, 0, 0, 0, POSIX_FADV_SEQUENTIAL, 0, 0) :
			    DH("fadvise64", 3, 0, 0, POSIX_FADV_SEQUENTIAL, 0, 0, 0),
			    "fadvise64(3, 0, 0, POSIX_FADV_SEQUENTIAL) = 0");
	assert_string_equal(DH("close_range", 30, 0xffffffffu, 6, 0, 0, 0, 0),
			    "close_range(30, 4294967295, CLOSE_RANGE_UNSHARE|CLOSE_RANGE_CLOEXEC) = 0");
	assert_string_equal(DH("flock", 4, LOCK_SH | LOCK_NB, 0, 0, 0, 0, 0), "flock(4, LOCK_SH|LOCK_NB) = 0");
	assert_string_equal(DH("eventfd2", 0, EFD_CLOEXEC | EFD_NONBLOCK, 0, 0, 0, 0, 5),
			    "eventfd2(0, EFD_CLOEXEC|EFD_NONBLOCK) = 5");
}

static void
test_ioctl(void **state)
{
	static uint32_t termios[9] = { 0x500, 0x5, 0xbf, 0x8a3b, 0 };
	static uint16_t ws[4] = { 24, 80, 0, 0 };
	static int n = 7;
	char want[256];

	(void)state;
	assert_string_equal(DH("ioctl", 1, 0x5401, termios, 0, 0, 0, 0),
			    "ioctl(1, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0");
	snprintf(want, sizeof(want), "ioctl(1, TCGETS, %s) = -1 ENOTTY (Inappropriate ioctl for device)",
		 addr_str((uintptr_t)termios));
	assert_string_equal(DH("ioctl", 1, 0x5401, termios, 0, 0, 0, -25), want);
	assert_string_equal(DH("ioctl", 1, 0x5413, ws, 0, 0, 0, 0),
			    "ioctl(1, TIOCGWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0");
	assert_string_equal(DH("ioctl", 3, 0x541b, &n, 0, 0, 0, 0), "ioctl(3, FIONREAD, [7]) = 0");
	assert_string_equal(DH("ioctl", 3, 0x5451, 0, 0, 0, 0, 0), "ioctl(3, FIOCLEX) = 0");
	assert_string_equal(DH("ioctl", 3, 0x80081234, 0x10, 0, 0, 0, -25),
			    "ioctl(3, _IOC(_IOC_READ, 0x12, 0x34, 0x8), 0x10) = -1 ENOTTY (Inappropriate ioctl for device)");
	assert_string_equal(DH("ioctl", 3, 0x1234, 7, 0, 0, 0, -25),
			    "ioctl(3, _IOC(_IOC_NONE, 0x12, 0x34, 0), 0x7) = -1 ENOTTY (Inappropriate ioctl for device)");
	snprintf(want, sizeof(want), "ioctl(3, FIONBIO, %s) = 0", addr_str(dh_unmapped()));
	assert_string_equal(DH("ioctl", 3, 0x5421, dh_unmapped(), 0, 0, 0, 0), want);
}

static void
test_iov_dents(void **state)
{
	static char a[] = "a", b[] = "b\n", r1[4] = "usr/", r2[8] = "sbin/nol";
	static uint64_t iov[4], riov[4];	/* struct iovec[2] of the pass */
	static unsigned char dents[48];
	char want[256];

	(void)state;
	DH_PACK(iov, "llll", (uintptr_t)a, 1, (uintptr_t)b, 2);
	assert_string_equal(DH("writev", 1, iov, 2, 0, 0, 0, 3),
			    "writev(1, [{iov_base=\"a\", iov_len=1}, {iov_base=\"b\\n\", iov_len=2}], 2) = 3");
	DH_PACK(riov, "llll", (uintptr_t)r1, 4, (uintptr_t)r2, 8);
	assert_string_equal(DH("readv", 3, riov, 2, 0, 0, 0, 6),
			    "readv(3, [{iov_base=\"usr/\", iov_len=4}, {iov_base=\"sb\", iov_len=8}], 2) = 6");
	assert_string_equal(DH("preadv", 3, riov, 2, 100, 0, 0, 0),
			    "preadv(3, [{iov_base=\"\", iov_len=4}, {iov_base=\"\", iov_len=8}], 2, 100) = 0");
	snprintf(want, sizeof(want), "writev(1, %s, 2) = -1 EFAULT (Bad address)", addr_str(dh_unmapped()));
	assert_string_equal(DH("writev", 1, dh_unmapped(), 2, 0, 0, 0, -14), want);
	/* two linux_dirent64 records of 24 bytes */
	memset(dents, 0, sizeof(dents));
	dents[0] = 5;
	dents[16] = 24;
	dents[18] = 4;
	dents[19] = '.';
	dents[24] = 6;
	dents[40] = 24;
	dents[42] = 8;
	memcpy(dents + 43, "ab", 2);
	snprintf(want, sizeof(want), "getdents64(3, %s /* 2 entries */, 4096) = 48", addr_str((uintptr_t)dents));
	assert_string_equal(DH("getdents64", 3, dents, 4096, 0, 0, 0, 48), want);
	snprintf(want, sizeof(want), "getdents64(3, %s /* 0 entries */, 4096) = 0", addr_str((uintptr_t)dents));
	assert_string_equal(DH("getdents64", 3, dents, 4096, 0, 0, 0, 0), want);
	{
		static struct sc_set none;

		sc_set_fill(&none, false);
		opts.abbrev = &none;
		assert_string_equal(DH("getdents64", 3, dents, 4096, 0, 0, 0, 48),
				    "getdents64(3, [{d_ino=5, d_off=0, d_reclen=24, d_type=DT_DIR, d_name=\".\"}, {d_ino=6, d_off=0, d_reclen=24, d_type=DT_REG, d_name=\"ab\"}], 4096) = 48");
		/* a malformed record ends the list */
		dents[40] = 200;
		assert_string_equal(DH("getdents64", 3, dents, 4096, 0, 0, 0, 48),
				    "getdents64(3, [{d_ino=5, d_off=0, d_reclen=24, d_type=DT_DIR, d_name=\".\"}], 4096) = 48");
	}
}

static void
test_poll_epoll(void **state)
{
	static struct pollfd pf[2];
	static unsigned char ev[16];
	static uint64_t fdset[1];
	static int64_t tv[2] = { 0, 100 };
	uint32_t events = EPOLLIN | EPOLLET;
	uint64_t data = 3;
	char want[256];

	(void)state;
	pf[0] = (struct pollfd){ 3, POLLIN, POLLIN };
	pf[1] = (struct pollfd){ 1, POLLOUT | POLLPRI, 0 };
	assert_string_equal(DH("poll", pf, 2, 1000, 0, 0, 0, 1),
			    "poll([{fd=3, events=POLLIN}, {fd=1, events=POLLPRI|POLLOUT}], 2, 1000) = 1 ([{fd=3, revents=POLLIN}])");
	assert_string_equal(DH("poll", pf, 2, 0, 0, 0, 0, 0),
			    "poll([{fd=3, events=POLLIN}, {fd=1, events=POLLPRI|POLLOUT}], 2, 0) = 0 (Timeout)");
	snprintf(want, sizeof(want), "poll(%s, 1, 0) = -1 EFAULT (Bad address)", addr_str(dh_unmapped()));
	assert_string_equal(DH("poll", dh_unmapped(), 1, 0, 0, 0, 0, -14), want);
	dh_epoll_event(ev, events, data);
	assert_string_equal(DH("epoll_ctl", 5, EPOLL_CTL_ADD, 3, ev, 0, 0, 0),
			    "epoll_ctl(5, EPOLL_CTL_ADD, 3, {events=EPOLLIN|EPOLLET, data={u32=3, u64=3}}) = 0");
	assert_string_equal(DH("epoll_wait", 5, ev, 4, 10, 0, 0, 1),
			    "epoll_wait(5, [{events=EPOLLIN|EPOLLET, data={u32=3, u64=3}}], 4, 10) = 1");
	assert_string_equal(DH("epoll_wait", 5, ev, 4, 0, 0, 0, 0), "epoll_wait(5, [], 4, 0) = 0");
	fdset[0] = 1u << 3;
	DH_NARROW(tv);
	if (dh_compat()) {
		/* i386's select takes one pointer to its five arguments */
		static uint32_t block[5];

		block[0] = 4;
		block[1] = (uint32_t)(uintptr_t)fdset;
		block[4] = (uint32_t)(uintptr_t)tv;
		assert_string_equal(DH("select", block, 0, 0, 0, 0, 0, 1),
				    "select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=100}) = 1 (in [3], left {tv_sec=0, tv_usec=100})");
		assert_string_equal(DH("_newselect", 4, fdset, 0, 0, tv, 0, 1),
				    "_newselect(4, [3], NULL, NULL, {tv_sec=0, tv_usec=100}) = 1 (in [3], left {tv_sec=0, tv_usec=100})");
	} else {
		assert_string_equal(DH("select", 4, fdset, 0, 0, tv, 0, 1),
				    "select(4, [3], NULL, NULL, {tv_sec=0, tv_usec=100}) = 1 (in [3], left {tv_sec=0, tv_usec=100})");
	}
}

static void
test_misc(void **state)
{
	static const char path[] = "/f";
	static int64_t ts[4] = { 1, 2, 0, UTIME_NOW };
	static int64_t off = 5;

	(void)state;
	DH_NARROW(ts);	/* utimensat's timespecs are 32-bit on i386 */
	assert_string_equal(DH("utimensat", AT_CWD, path, ts, 0, 0, 0, 0),
			    "utimensat(AT_FDCWD, \"/f\", [{tv_sec=1, tv_nsec=2} /* 1970-01-01T00:00:01.000000002+0000 */, UTIME_NOW], 0) = 0");
	assert_string_equal(DH("utimensat", AT_CWD, path, 0, AT_SYMLINK_NOFOLLOW, 0, 0, 0),
			    "utimensat(AT_FDCWD, \"/f\", NULL, AT_SYMLINK_NOFOLLOW) = 0");
	assert_string_equal(DH("memfd_create", path, MFD_CLOEXEC | MFD_ALLOW_SEALING, 0, 0, 0, 0, 3),
			    "memfd_create(\"/f\", MFD_CLOEXEC|MFD_ALLOW_SEALING) = 3");
	assert_string_equal(DH("inotify_init1", IN_NONBLOCK | IN_CLOEXEC, 0, 0, 0, 0, 0, 3),
			    "inotify_init1(IN_NONBLOCK|IN_CLOEXEC) = 3");
	assert_string_equal(DH("sendfile", 4, 3, &off, 10, 0, 0, 10),
			    "sendfile(4, 3, [5] => [5], 10) = 10");
	assert_string_equal(DH("mknodat", AT_CWD, path, S_IFCHR | 0600, makedev(1, 3), 0, 0, 0),
			    "mknodat(AT_FDCWD, \"/f\", S_IFCHR|0600, makedev(0x1, 0x3)) = 0");
	assert_string_equal(DH("mknod", path, 0644, 0, 0, 0, 0, 0), "mknod(\"/f\", 0644) = 0");
	assert_string_equal(dh_compat() ? DH("fallocate", 3, 3, 0, 0, 10, 0, 0) :
			    DH("fallocate", 3, 3, 0, 10, 0, 0, 0),
			    "fallocate(3, FALLOC_FL_KEEP_SIZE|FALLOC_FL_PUNCH_HOLE, 0, 10) = 0");
	assert_string_equal(DH("splice", 4, 0, 3, &off, 3, 3, 3),
			    "splice(4, NULL, 3, [5], 3, SPLICE_F_MOVE|SPLICE_F_NONBLOCK) = 3");
	assert_string_equal(dh_compat() ? DH("sync_file_range", 3, 0, 0, 0, 0, 3, 0) :
			    DH("sync_file_range", 3, 0, 0, 3, 0, 0, 0),
			    "sync_file_range(3, 0, 0, SYNC_FILE_RANGE_WAIT_BEFORE|SYNC_FILE_RANGE_WRITE) = 0");
	assert_string_equal(DH("setxattr", path, path, path, 1, 1, 0, 0),
			    "setxattr(\"/f\", \"/f\", \"/\", 1, XATTR_CREATE) = 0");
	assert_string_equal(DH("sendfile", 4, 3, 0, 10, 0, 0, -22),
			    "sendfile(4, 3, NULL, 10) = -1 EINVAL (Invalid argument)");
}

/* i386 tracees: 32-bit iovecs; structs with other layouts as addresses */
static void
test_compat(void **state)
{
	static char a[] = "ab";
	static uint32_t iov32[2];
	static struct stat st;
	char want[128];

	(void)state;
	dh_arch = ARCH_I386;
	iov32[0] = (uint32_t)(uintptr_t)a;
	iov32[1] = 2;
	if ((uintptr_t)a == iov32[0]) {
		assert_string_equal(DH("writev", 1, iov32, 1, 0, 0, 0, 2),
				    "writev(1, [{iov_base=\"ab\", iov_len=2}], 1) = 2");
	}
	/* i386's old struct stat (here all zero) is decoded, as strace does */
	(void)want;
	assert_string_equal(DH("fstat", 1, (uintptr_t)&st & 0xffffffffu, 0, 0, 0, 0, 0),
			    "fstat(1, {st_mode=000, st_size=0, ...}) = 0");
}

int
main(void)
{
	setenv("TZ", "UTC", 1);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_open, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_openat2, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_access_and_at, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_stat, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_statx, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_fcntl_lseek, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_pipe_dup, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_ioctl, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_iov_dents, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_poll_epoll, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_misc, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_compat, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_file", tests, NULL, NULL);
}
