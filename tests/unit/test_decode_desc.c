/*
 * test_decode_desc.c - src/decode/desc.c through the real dispatcher:
 * lseek, fcntl, close_range, flock, eventfd2, inotify_init1,
 * epoll_create1, pipe2, dup3, sendfile, copy_file_range, fadvise64,
 * fallocate, splice/tee/vmsplice/sync_file_range, readv/writev and the
 * p*v calls, getdents.  Expected lines are strace 6.1's for the same
 * calls (x86_64); every table is walked (xlat_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/uio.h>

#include "decode/desc.c"
#include "decode_harness.h"
#include "xlat_check.h"

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static void
test_lseek_fcntl(void **state)
{
	/* struct flock: i386's has 32-bit offsets (compat_flock) */
	static uint64_t fl[4];
	static struct f_owner_ex ow = { F_OWNER_PGRP, 7 };

	(void)state;
	DH_PACK(fl, dh_compat() ? "hhiii" : "hhqqi", F_WRLCK, SEEK_CUR, 10, 20, 0);
	assert_string_equal(DH("lseek", 99, 10, 9, 0, 0, 0, -9),
			    "lseek(99, 10, 0x9 /* SEEK_??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("lseek", 3, -5, SEEK_END, 0, 0, 0, 95),
			    "lseek(3, -5, SEEK_END) = 95");
	if (dh_compat()) {
		/* i386's flock64 (F_SETLK64): packed, l_start at offset 4 */
		static uint32_t fl64[6];

		DH_PACK(fl64, "hhqqi", F_RDLCK, SEEK_SET, 4294967296ULL, 1, 0);
		assert_string_equal(DH("fcntl64", 99, 13, fl64, 0, 0, 0, -9),
				    "fcntl64(99, F_SETLK64, {l_type=F_RDLCK, l_whence=SEEK_SET, l_start=4294967296, l_len=1}) = -1 EBADF (Bad file descriptor)");
	}
	assert_string_equal(DH("fcntl", 99, F_SETLK, fl, 0, 0, 0, -9),
			    "fcntl(99, F_SETLK, {l_type=F_WRLCK, l_whence=SEEK_CUR, l_start=10, l_len=20}) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("fcntl", 99, F_SETLK, dh_unmapped(), 0, 0, 0, -9),
			    fmt("fcntl(99, F_SETLK, %#lx) = -1 EBADF (Bad file descriptor)", dh_unmapped()));
	assert_string_equal(DH("fcntl", 99, F_SETOWN_EX, &ow, 0, 0, 0, -9),
			    "fcntl(99, F_SETOWN_EX, {type=F_OWNER_PGRP, pid=7}) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("fcntl", 99, 9999, 5, 0, 0, 0, -9),
			    "fcntl(99, 0x270f /* F_??? */, 0x5) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("fcntl", 0, F_GETFD, 0, 0, 0, 0, 0),
			    "fcntl(0, F_GETFD) = 0");
	snprintf(want, sizeof(want), "fcntl(0, F_GETFL) = %#x (flags O_RDONLY|O_LARGEFILE)",
		 DH_O_LARGEFILE);
	assert_string_equal(DH("fcntl", 0, F_GETFL, 0, 0, 0, 0, DH_O_LARGEFILE), want);
	/* arm64's kernel values: 0x8000 is O_NOFOLLOW there */
	if (dh_is(ARCH_AARCH64))
		assert_string_equal(DH("fcntl", 0, F_GETFL, 0, 0, 0, 0, 0x8000),
				    "fcntl(0, F_GETFL) = 0x8000 (flags O_RDONLY|O_NOFOLLOW)");
	assert_string_equal(DH("fcntl", 99, F_SETFL, O_NONBLOCK | 0x40000000, 0, 0, 0, -9),
			    "fcntl(99, F_SETFL, O_RDONLY|O_NONBLOCK|0x40000000) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("fcntl", 99, F_DUPFD_CLOEXEC, 3, 0, 0, 0, -9),
			    "fcntl(99, F_DUPFD_CLOEXEC, 3) = -1 EBADF (Bad file descriptor)");
	/* F_GETLK's struct is written by the kernel: an address on error */
	assert_string_equal(DH("fcntl", 99, F_GETLK, fl, 0, 0, 0, -9),
			    fmt("fcntl(99, F_GETLK, %#lx) = -1 EBADF (Bad file descriptor)", (uintptr_t)fl));
}

static void
test_small_flags(void **state)
{
	static int fds[2] = { 3, 4 };

	(void)state;
	assert_string_equal(DH("close_range", 3, 0xffffffffu, 0x14, 0, 0, 0, -22),
			    "close_range(3, 4294967295, CLOSE_RANGE_CLOEXEC|0x10) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("flock", 99, 0x106, 0, 0, 0, 0, -22),
			    "flock(99, LOCK_EX|LOCK_NB|0x100) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("eventfd2", 5, 0x10, 0, 0, 0, 0, -22),
			    "eventfd2(5, 0x10 /* EFD_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("inotify_init1", 0x10, 0, 0, 0, 0, 0, -22),
			    "inotify_init1(0x10 /* IN_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("epoll_create1", 0x10, 0, 0, 0, 0, 0, -22),
			    "epoll_create1(0x10 /* EPOLL_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("epoll_create1", 0, 0, 0, 0, 0, 0, 3),
			    "epoll_create1(0) = 3");
	assert_string_equal(DH("epoll_create1", 02000000, 0, 0, 0, 0, 0, 3),
			    "epoll_create1(EPOLL_CLOEXEC) = 3");
	assert_string_equal(DH("pipe2", fds, 0x10, 0, 0, 0, 0, -22),
			    fmt("pipe2(%#lx, 0x10 /* O_??? */) = -1 EINVAL (Invalid argument)", (uintptr_t)fds));
	assert_string_equal(DH("pipe2", dh_unmapped(), 0, 0, 0, 0, 0, -14),
			    fmt("pipe2(%#lx, 0) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("pipe2", fds, O_CLOEXEC, 0, 0, 0, 0, 0),
			    "pipe2([3, 4], O_CLOEXEC) = 0");
	assert_string_equal(DH("dup3", 99, 5, 0x10, 0, 0, 0, -22),
			    "dup3(99, 5, 0x10 /* O_??? */) = -1 EINVAL (Invalid argument)");
	/* i386 passes 64-bit offsets and lengths in two registers */
	assert_string_equal(dh_compat() ? DH("fadvise64", 99, 0, 0, 10, 9, 0, -9) :
			    DH("fadvise64", 99, 0, 10, 9, 0, 0, -9),
			    "fadvise64(99, 0, 10, 0x9 /* POSIX_FADV_??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(dh_compat() ? DH("fallocate", 99, 0x100, 0, 0, 10, 0, -9) :
			    DH("fallocate", 99, 0x100, 0, 10, 0, 0, -9),
			    "fallocate(99, 0x100 /* FALLOC_FL_??? */, 0, 10) = -1 EBADF (Bad file descriptor)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("flock", 99, 0x106, 0, 0, 0, 0, -22),
			    "flock(99, 0x106 /* LOCK_EX|LOCK_NB|0x100 */) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("close_range", 3, 0xffffffffu, 0x14, 0, 0, 0, -22),
			    "close_range(3, 4294967295, 0x14) = -1 EINVAL (Invalid argument)");
}

static void
test_copy_calls(void **state)
{
	static long long off = 5;

	(void)state;
	assert_string_equal(DH("sendfile", 99, 98, &off, 10, 0, 0, -9),
			    "sendfile(99, 98, [5], 10) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("sendfile", 99, 98, 0, 10, 0, 0, -9),
			    "sendfile(99, 98, NULL, 10) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("copy_file_range", 99, &off, 98, 0, 10, 0, -9),
			    "copy_file_range(99, [5], 98, NULL, 10, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("copy_file_range", 99, dh_unmapped(), 98, &off, 10, 3, -9),
			    fmt("copy_file_range(99, %#lx, 98, [5], 10, 3) = -1 EBADF (Bad file descriptor)", dh_unmapped()));
	assert_string_equal(DH("splice", 99, &off, 98, 0, 10, 0x11, -22),
			    "splice(99, [5], 98, NULL, 10, SPLICE_F_MOVE|0x10) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("tee", 99, 98, 10, 0, 0, 0, -9),
			    "tee(99, 98, 10, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(dh_compat() ? DH("sync_file_range", 99, 0, 0, 10, 0, 0x10, -9) :
			    DH("sync_file_range", 99, 0, 10, 0x10, 0, 0, -9),
			    "sync_file_range(99, 0, 10, 0x10 /* SYNC_FILE_RANGE_??? */) = -1 EBADF (Bad file descriptor)");
}

static void
test_iovec_calls(void **state)
{
	static char buf[] = "hello";
	static uint64_t iov[4];
	char *part = dh_partial("\0\0", 2);

	(void)state;
	/* struct iovec[2]; the second buffer is two readable bytes before an
	 * unreadable page */
	DH_PACK(iov, "llll", (uintptr_t)buf, 5, (uintptr_t)part, 2);
	assert_string_equal(DH("vmsplice", 99, iov, 2, 0x10, 0, 0, -22),
			    "vmsplice(99, [{iov_base=\"hello\", iov_len=5}, {iov_base=\"\\0\\0\", iov_len=2}], 2, 0x10 /* SPLICE_F_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("writev", 99, iov, 2, 0, 0, 0, -9),
			    "writev(99, [{iov_base=\"hello\", iov_len=5}, {iov_base=\"\\0\\0\", iov_len=2}], 2) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("pwritev2", 99, iov, 1, 0, 0, 0x100, -9),
			    "pwritev2(99, [{iov_base=\"hello\", iov_len=5}], 1, 0, 0x100 /* RWF_??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("writev", 99, dh_unmapped(), 2, 0, 0, 0, -14),
			    fmt("writev(99, %#lx, 2) = -1 EFAULT (Bad address)", dh_unmapped()));
	/* readv: the data at exit, limited by the result */
	assert_string_equal(DH("readv", 3, iov, 2, 0, 0, 0, 3),
			    "readv(3, [{iov_base=\"hel\", iov_len=5}, {iov_base=\"\", iov_len=2}], 2) = 3");
	assert_string_equal(DH("readv", 3, iov, 2, 0, 0, 0, -9),
			    fmt("readv(3, %#lx, 2) = -1 EBADF (Bad file descriptor)", (uintptr_t)iov));
	opts.xflag = 2;
	assert_string_equal(DH("writev", 99, iov, 1, 0, 0, 0, 5),
			    "writev(99, [{iov_base=\"\\x68\\x65\\x6c\\x6c\\x6f\", iov_len=5}], 1) = 5");
	assert_string_equal(DH("getdents64", 99, buf, 5, 0, 0, 0, -9),
			    fmt("getdents64(99, %#lx, 5) = -1 EBADF (Bad file descriptor)", (uintptr_t)buf));
}

static const char *
run_whence(uint64_t v)
{
	return DH("lseek", 3, 0, v, 0, 0, 0, 0);
}

static const char *
run_fcntl_cmd(uint64_t v)
{
	return DH("fcntl", 3, v, 0, 0, 0, 0, -22);
}

static const char *
run_fd_flags(uint64_t v)
{
	return DH("fcntl", 3, F_SETFD, v, 0, 0, 0, 0);
}

static const char *
run_lock_type(uint64_t v)
{
	return DH("fcntl", 3, F_SETLEASE, v, 0, 0, 0, 0);
}

static const char *
run_notify(uint64_t v)
{
	return DH("fcntl", 3, F_NOTIFY, v, 0, 0, 0, 0);
}

static const char *
run_seals(uint64_t v)
{
	return DH("fcntl", 3, F_ADD_SEALS, v, 0, 0, 0, 0);
}

static const char *
run_owner(uint64_t v)
{
	static struct f_owner_ex ow;

	ow.type = (int)v;
	ow.pid = 7;
	return DH("fcntl", 3, F_SETOWN_EX, &ow, 0, 0, 0, 0);
}

static const char *
run_close_range(uint64_t v)
{
	return DH("close_range", 3, 9, v, 0, 0, 0, 0);
}

static const char *
run_flock(uint64_t v)
{
	return DH("flock", 3, v, 0, 0, 0, 0, 0);
}

static const char *
run_efd(uint64_t v)
{
	return DH("eventfd2", 0, v, 0, 0, 0, 0, 3);
}

static const char *
run_in_init(uint64_t v)
{
	return DH("inotify_init1", v, 0, 0, 0, 0, 0, 3);
}

static const char *
run_epoll_create(uint64_t v)
{
	return DH("epoll_create1", v, 0, 0, 0, 0, 0, 3);
}

static const char *
run_rwf(uint64_t v)
{
	return DH("pwritev2", 3, 0, 0, 0, 0, v, -9);
}

static const char *
run_fadv(uint64_t v)
{
	if (dh_compat())
		return DH("fadvise64", 3, 0, 0, 0, v, 0, 0);
	return DH("fadvise64", 3, 0, 0, v, 0, 0, 0);
}

static const char *
run_falloc(uint64_t v)
{
	if (dh_compat())
		return DH("fallocate", 3, v, 0, 0, 10, 0, 0);
	return DH("fallocate", 3, v, 0, 10, 0, 0, 0);
}

static const char *
run_sfr(uint64_t v)
{
	if (dh_compat())
		return DH("sync_file_range", 3, 0, 0, 10, 0, v, 0);
	return DH("sync_file_range", 3, 0, 10, v, 0, 0, 0);
}

static const char *
run_splice(uint64_t v)
{
	return DH("tee", 3, 4, 10, v, 0, 0, 0);
}

static void
test_desc_tables(void **state)
{
	(void)state;
	XLAT_CHECK(whence, XC_VALUES, run_whence);
	XLAT_CHECK(fcntl_cmds, XC_VALUES, run_fcntl_cmd);
	XLAT_CHECK(fd_flags, XC_FLAGS, run_fd_flags);
	XLAT_CHECK(lock_types, XC_VALUES, run_lock_type);
	XLAT_CHECK(notify_flags, XC_FLAGS, run_notify);
	XLAT_CHECK(seal_flags, XC_FLAGS, run_seals);
	XLAT_CHECK(owner_types, XC_VALUES, run_owner);
	XLAT_CHECK(close_range_flags, XC_FLAGS, run_close_range);
	XLAT_CHECK(flock_ops, XC_FLAGS, run_flock);
	XLAT_CHECK(efd_flags, XC_FLAGS, run_efd);
	XLAT_CHECK(in_init_flags, XC_FLAGS, run_in_init);
	XLAT_CHECK(epoll_create_flags, XC_FLAGS, run_epoll_create);
	XLAT_CHECK(rwf_flags, XC_FLAGS, run_rwf);
	XLAT_CHECK(fadv, XC_VALUES, run_fadv);
	XLAT_CHECK(falloc_flags, XC_FLAGS, run_falloc);
	XLAT_CHECK(sfr_flags, XC_FLAGS, run_sfr);
	XLAT_CHECK(splice_flags, XC_FLAGS, run_splice);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_lseek_fcntl, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_small_flags, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_copy_calls, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_iovec_calls, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_desc_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_desc", tests, NULL, NULL);
}
