/*
 * test_decode_generic.c - syscalls with no decoder of their own, printed
 * from their argument letters by dec_generic() (src/decode/common.c):
 * one call per letter the generic rows of src/syscalls.def use (s S b B Z
 * a f o d u l x p P e), with -s, -x, -xx, errors, unreadable and partly
 * readable memory.  Expected lines are strace 6.1's for the same calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>

#include "decode_harness.h"

#define AT_CWD ((uint64_t)(int64_t)AT_FDCWD)

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static const char bin[] = "a\x01\xff\n\t\"\\z";

static void
test_strings_and_paths(void **state)
{
	const char *part = dh_partial("xyz", 3);

	(void)state;
	/* s: a path, never abbreviated */
	assert_string_equal(DH("chmod", "/nonexist", 0, 0, 0, 0, 0, -2),
			    "chmod(\"/nonexist\", 000) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("chdir", part, 0, 0, 0, 0, 0, -14),
			    fmt("chdir(%#lx) = -1 EFAULT (Bad address)", (uintptr_t)part));
	/* S: a string abbreviated at -s */
	assert_string_equal(DH("fgetxattr", 99, "user.x", 0x1000, 64, 0, 0, -9),
			    "fgetxattr(99, \"user.x\", 0x1000, 64) = -1 EBADF (Bad file descriptor)");
	opts.max_strlen = 3;
	assert_string_equal(DH("fgetxattr", 99, "user.x", 0x1000, 64, 0, 0, -9),
			    "fgetxattr(99, \"use\"..., 0x1000, 64) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("add_key", "user", "k", 0, 0, 5, 0, -22),
			    "add_key(\"use\"..., \"k\", NULL, 0, 5) = -1 EINVAL (Invalid argument)");
	opts.max_strlen = 32;
	assert_string_equal(DH("add_key", part, "k", 0, 0, 5, 0, -14),
			    fmt("add_key(%#lx, \"k\", NULL, 0, 5) = -1 EFAULT (Bad address)", (uintptr_t)part));
}

static void
test_buffers(void **state)
{
	const char *part = dh_partial("xyz", 3);
	static char out[16] = "/tmp/t3";

	(void)state;
	/* b: written data at entry */
	assert_string_equal(DH("write", 99, bin, 9, 0, 0, 0, -9),
			    "write(99, \"a\\1\\377\\n\\t\\\"\\\\z\\0\", 9) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("write", 99, part, 3, 0, 0, 0, -9),
			    "write(99, \"xyz\", 3) = -1 EBADF (Bad file descriptor)");
	/* more bytes than are readable: the address */
	assert_string_equal(DH("write", 99, part, 8, 0, 0, 0, -9),
			    fmt("write(99, %#lx, 8) = -1 EBADF (Bad file descriptor)", (uintptr_t)part));
	assert_string_equal(DH("write", 1, 0, 0, 0, 0, 0, 0),
			    "write(1, NULL, 0) = 0");
	opts.xflag = 1;
	assert_string_equal(DH("write", 99, bin, 9, 0, 0, 0, -9),
			    "write(99, \"\\x61\\x01\\xff\\x0a\\x09\\x22\\x5c\\x7a\\x00\", 9) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("write", 99, part, 3, 0, 0, 0, -9),
			    "write(99, \"xyz\", 3) = -1 EBADF (Bad file descriptor)");
	opts.xflag = 2;
	assert_string_equal(DH("write", 99, part, 3, 0, 0, 0, -9),
			    "write(99, \"\\x78\\x79\\x7a\", 3) = -1 EBADF (Bad file descriptor)");
	opts.xflag = 0;
	opts.max_strlen = 3;
	assert_string_equal(DH("write", 99, bin, 9, 0, 0, 0, -9),
			    "write(99, \"a\\1\\377\"..., 9) = -1 EBADF (Bad file descriptor)");
	opts.max_strlen = 32;
	/* B: read data at exit, as much as the result says */
	assert_string_equal(DH("read", 3, out, 16, 0, 0, 0, 4),
			    "read(3, \"/tmp\", 16) = 4");
	assert_string_equal(DH("read", 3, out, 16, 0, 0, 0, -11),
			    fmt("read(3, %#lx, 16) = -1 EAGAIN (Resource temporarily unavailable)", (uintptr_t)out));
	/* Z: a path the kernel wrote, up to the result */
	assert_string_equal(DH("getcwd", out, 64, 0, 0, 0, 0, 8),
			    "getcwd(\"/tmp/t3\", 64) = 8");
	assert_string_equal(DH("getcwd", out, 1, 0, 0, 0, 0, -34),
			    fmt("getcwd(%#lx, 1) = -1 ERANGE (Numerical result out of range)", (uintptr_t)out));
	assert_string_equal(DH("getcwd", 0x1000, 64, 0, 0, 0, 0, -14),
			    "getcwd(0x1000, 64) = -1 EFAULT (Bad address)");
}

static void
test_numbers(void **state)
{
	(void)state;
	/* a: a dirfd; o: a mode */
	assert_string_equal(DH("fchmodat", AT_CWD, "/nonexist", 0644, 0, 0, 0, -2),
			    "fchmodat(AT_FDCWD, \"/nonexist\", 0644) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("fchmodat", 99, "/nonexist", 04755, 0, 0, 0, -2),
			    "fchmodat(99, \"/nonexist\", 04755) = -1 ENOENT (No such file or directory)");
	/* u: lengths are unsigned, as strace prints truncate's */
	/* (32-bit unsigned longs on i386) */
	assert_string_equal(DH("ftruncate", 99, -5, 0, 0, 0, 0, -22),
			    dh_compat() ? "ftruncate(99, 4294967291) = -1 EINVAL (Invalid argument)" :
			    "ftruncate(99, 18446744073709551611) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("truncate", "/nonexist", -5, 0, 0, 0, 0, -22),
			    dh_compat() ? "truncate(\"/nonexist\", 4294967291) = -1 EINVAL (Invalid argument)" :
			    "truncate(\"/nonexist\", 18446744073709551611) = -1 EINVAL (Invalid argument)");
	/* L: 64-bit offsets (two registers on i386, low word first) */
	assert_string_equal(dh_compat() ? DH("pread64", 99, 0x1000, 4, -5, -1, 0, -22) :
			    DH("pread64", 99, 0x1000, 4, -5, 0, 0, -22),
			    "pread64(99, 0x1000, 4, -5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("io_getevents", 0, -5, -5, 0, 0, 0, -22),
			    "io_getevents(NULL, -5, -5, NULL, NULL) = -1 EINVAL (Invalid argument)");
	/* p: an aio context is an address, NULL when 0 */
	assert_string_equal(DH("io_destroy", 0, 0, 0, 0, 0, 0, -22),
			    "io_destroy(NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("io_submit", 0, -5, 0, 0, 0, 0, -22),
			    "io_submit(NULL, -5, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("io_cancel", 0, 0, 0, 0, 0, 0, -14),
			    "io_cancel(NULL, NULL, NULL) = -1 EFAULT (Bad address)");
	/* u, d and the result kinds */
	assert_string_equal(DH("alarm", 4294967295u, 0, 0, 0, 0, 0, 0),
			    "alarm(4294967295) = 0");
	assert_string_equal(DH("umask", 022, 0, 0, 0, 0, 0, 022),
			    "umask(022) = 022");
	/* an i386 result is a 32-bit address */
	assert_string_equal(DH("brk", 0, 0, 0, 0, 0, 0, 0x55f7983a0000),
			    dh_compat() ? "brk(NULL) = 0x983a0000" : "brk(NULL) = 0x55f7983a0000");
	assert_string_equal(dh_compat() ? DH("readahead", 99, -5, -1, 4, 0, 0, -9) :
			    DH("readahead", 99, -5, 4, 0, 0, 0, -9),
			    "readahead(99, -5, 4) = -1 EBADF (Bad file descriptor)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_strings_and_paths, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_buffers, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_numbers, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_generic", tests, NULL, NULL);
}
