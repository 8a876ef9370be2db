/*
 * test_decode_common.c - the generic decoder and the shared printing
 * helpers (src/decode/common.c) through the real dispatcher: strings,
 * buffers, -s, -x/-xx, paths, unreadable and partial memory, flags.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <sys/stat.h>

#include "decode.h"
#include "decode_harness.h"

static void
test_buffers_and_strings(void **state)
{
	static char buf[64] = "hello\n";
	static const char path[] = "/etc/passwd";
	char want[128];

	(void)state;
	assert_string_equal(DH("write", 1, buf, 6, 0, 0, 0, 6),
			    "write(1, \"hello\\n\", 6) = 6");
	assert_string_equal(DH("read", 3, buf, 64, 0, 0, 0, 5),
			    "read(3, \"hello\", 64) = 5");
	/* an error: the output buffer prints as its address */
	snprintf(want, sizeof(want),
		 "read(3, %p, 64) = -1 EAGAIN (Resource temporarily unavailable)",
		 (void *)buf);
	assert_string_equal(DH("read", 3, buf, 64, 0, 0, 0, -11), want);
	assert_string_equal(DH("unlink", path, 0, 0, 0, 0, 0, -2),
			    "unlink(\"/etc/passwd\") = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("unlink", 0, 0, 0, 0, 0, 0, -14),
			    "unlink(NULL) = -1 EFAULT (Bad address)");
}

static void
test_abbreviation(void **state)
{
	static char buf[64] = "0123456789abcdef";

	(void)state;
	opts.max_strlen = 4;
	assert_string_equal(DH("write", 1, buf, 16, 0, 0, 0, 16),
			    "write(1, \"0123\"..., 16) = 16");
	opts.max_strlen = 0;
	assert_string_equal(DH("write", 1, buf, 16, 0, 0, 0, 16),
			    "write(1, \"\"..., 16) = 16");
	/* paths are never abbreviated by -s */
	assert_string_equal(DH("chdir", buf, 0, 0, 0, 0, 0, 0),
			    "chdir(\"0123456789abcdef\") = 0");
}

static void
test_hex_options(void **state)
{
	static char mixed[] = "\351x\n";
	static char text[] = "a\tb\n";

	(void)state;
	opts.xflag = 1;
	assert_string_equal(DH("write", 1, mixed, 3, 0, 0, 0, 3),
			    "write(1, \"\\xe9\\x78\\x0a\", 3) = 3");
	assert_string_equal(DH("write", 1, text, 4, 0, 0, 0, 4),
			    "write(1, \"a\\tb\\n\", 4) = 4");
	opts.xflag = 2;
	assert_string_equal(DH("write", 1, text, 2, 0, 0, 0, 2),
			    "write(1, \"\\x61\\x09\", 2) = 2");
}

static void
test_unreadable_and_partial(void **state)
{
	uintptr_t bad = dh_unmapped();
	char *part = dh_partial("/tmp/x", 6); /* no NUL before the hole */
	char want[128];

	(void)state;
	snprintf(want, sizeof(want), "write(1, %p, 3) = 3", (void *)bad);
	assert_string_equal(DH("write", 1, bad, 3, 0, 0, 0, 3), want);
	snprintf(want, sizeof(want), "chdir(%p) = -1 EFAULT (Bad address)",
		 (void *)bad);
	assert_string_equal(DH("chdir", bad, 0, 0, 0, 0, 0, -14), want);
	/*
	 * a string that runs into an unreadable page before its NUL: strace
	 * 6.1 prints the address (chdir(0x20000ffc) for "abcd" at a page end)
	 */
	snprintf(want, sizeof(want), "chdir(%p) = -1 EFAULT (Bad address)",
		 (void *)part);
	assert_string_equal(DH("chdir", part, 0, 0, 0, 0, 0, -14), want);
}

static void
test_flags_and_values(void **state)
{
	static const struct xlat_entry e[] = {
		XLAT_PAIR(3, "BOTH"), XLAT_PAIR(1, "ONE"), XLAT_PAIR(2, "TWO"),
		XLAT_PAIR(8, "EIGHT"),
	};
	static const struct xlat x = XLAT_TABLE(e);

	(void)state;
	assert_string_equal(xlat_lookup(&x, 8), "EIGHT");
	assert_null(xlat_lookup(&x, 4));
	/* print into the log through a syscall-less line */
	{
		struct tracee *t = tracee_add(999999, NULL);

		out_line_start(t);
		dec_print_flags(&x, 0x3 | 0x8 | 0x40, NULL);
		out_write(" ", 1);
		dec_print_flags(&x, 0, "ZERO");
		out_write(" ", 1);
		dec_print_flags(&x, 0, NULL);
		out_write(" ", 1);
		dec_print_xval(&x, 2, "%#llx", NULL);
		out_write(" ", 1);
		dec_print_xval(&x, 7, "%#llx", "X_???");
		out_line_end();
		assert_string_equal(dh_last_line(),
				    "BOTH|EIGHT|0x40 ZERO 0 TWO 0x7 /* X_??? */");
	}
}

/* -y: fds print with their paths; closing drops the cached path. */
static void
test_fd_paths(void **state)
{
	int fd = open("/dev/null", O_RDONLY);
	char want[700], cwd[512];

	(void)state;
	opts.yflag = 1;
	assert_true(fd >= 0);
	snprintf(want, sizeof(want), "fsync(%d</dev/null>) = -1 EINVAL (Invalid argument)", fd);
	assert_string_equal(DH("fsync", fd, 0, 0, 0, 0, 0, -22), want);
	/* the traced close: its fd is forgotten, then reused for a file */
	snprintf(want, sizeof(want), "close(%d</dev/null>) = 0", fd);
	assert_string_equal(DH("close", fd, 0, 0, 0, 0, 0, 0), want);
	close(fd);
	assert_int_equal(open("/proc/self/status", O_RDONLY), fd);
	snprintf(want, sizeof(want), "fsync(%d</proc/%d/status>) = -1 EINVAL (Invalid argument)",
		 fd, getpid());
	assert_string_equal(DH("fsync", fd, 0, 0, 0, 0, 0, -22), want);
	close(fd);
	/* AT_FDCWD shows the cwd */
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	snprintf(want, sizeof(want), "unlinkat(AT_FDCWD<%s>, \"x\", 0) = -1 ENOENT (No such file or directory)",
		 cwd);
	assert_string_equal(DH("unlinkat", AT_FDCWD, "x", 0, 0, 0, 0, -2), want);
	/* a closed fd has no path: plain number */
	assert_string_equal(DH("fsync", 987, 0, 0, 0, 0, 0, -9),
			    "fsync(987) = -1 EBADF (Bad file descriptor)");
}

/* -yy: sockets by protocol and peers (sock_diag), pipes as pipe:[ino] */
static void
test_fd_sockets(void **state)
{
	int sv[2], pfd[2];
	struct stat a, b, p;
	char want[256];

	(void)state;
	opts.yflag = 2;
	assert_int_equal(socketpair(AF_UNIX, SOCK_STREAM, 0, sv), 0);
	assert_int_equal(pipe(pfd), 0);
	fstat(sv[0], &a);
	fstat(sv[1], &b);
	fstat(pfd[0], &p);
	snprintf(want, sizeof(want),
		 "fsync(%d<UNIX-STREAM:[%lu->%lu]>) = -1 EINVAL (Invalid argument)",
		 sv[0], (unsigned long)a.st_ino, (unsigned long)b.st_ino);
	assert_string_equal(DH("fsync", sv[0], 0, 0, 0, 0, 0, -22), want);
	snprintf(want, sizeof(want),
		 "fsync(%d<pipe:[%lu]>) = -1 EINVAL (Invalid argument)",
		 pfd[0], (unsigned long)p.st_ino);
	assert_string_equal(DH("fsync", pfd[0], 0, 0, 0, 0, 0, -22), want);
	close(sv[0]);
	close(sv[1]);
	close(pfd[0]);
	close(pfd[1]);
}

/* -X raw / verbose through the shared flag, value and fd printers */
static void
test_const_print_style(void **state)
{
	static const char path[] = "/x";

	(void)state;
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("openat", AT_FDCWD, path, 02000000, 0, 0, 0, -2),
			    "openat(-100, \"/x\", 0x80000) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("kill", 5, 15, 0, 0, 0, 0, 0), "kill(5, 15) = 0");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("openat", AT_FDCWD, path, 02000000, 0, 0, 0, -2),
			    "openat(-100 /* AT_FDCWD */, \"/x\", 0x80000 /* O_RDONLY|O_CLOEXEC */) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("kill", 5, 15, 0, 0, 0, 0, 0),
			    "kill(5, 15 /* SIGTERM */) = 0");
	assert_string_equal(DH("lseek", 3, 0, 0, 0, 0, 0, 0),
			    "lseek(3, 0, 0 /* SEEK_SET */) = 0");
}

/* the one iovec printer (readv/writev and msghdr share it) */
static void
test_iovec(void **state)
{
	static uint64_t v[4];

	(void)state;
	/* struct iovec[2] in the record's ABI (8-byte fields on i386) */
	DH_PACK(v, "llll", 0, 0, (uintptr_t)"ab", 2);
	assert_string_equal(DH("writev", 3, v, 2, 0, 0, 0, 2),
			    "writev(3, [{iov_base=NULL, iov_len=0}, {iov_base=\"ab\", iov_len=2}], 2) = 2");
	opts.max_strlen = 0;
	assert_string_equal(DH("writev", 3, v, 2, 0, 0, 0, 2),
			    "writev(3, [...], 2) = 2");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_buffers_and_strings, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_abbreviation, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_hex_options, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_unreadable_and_partial, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_flags_and_values, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_fd_paths, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_fd_sockets, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_const_print_style, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_iovec, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_common", tests, NULL, NULL);
}
