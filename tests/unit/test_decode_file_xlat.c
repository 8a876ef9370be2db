/*
 * test_decode_file_xlat.c - the flag tables of src/decode/file.c walked
 * entry by entry through the decoders that use them, and the file
 * decoders test_decode_file.c leaves out (linkat, inotify_add_watch,
 * memfd_create's huge page size, unknown-bit comments).  Expected lines
 * are strace 6.1's for the same calls (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <linux/openat2.h>
#include <sys/inotify.h>

#include "decode/file.c"
#include "decode_harness.h"
#include "xlat_check.h"

#define AT_CWD ((uint64_t)(int64_t)AT_FDCWD)

static void
test_access_rename_flags(void **state)
{
	(void)state;
	assert_string_equal(DH("faccessat2", AT_CWD, "/nonexist", R_OK | 0x10, AT_EACCESS | 0x40000000, 0, 0, -22),
			    "faccessat2(AT_FDCWD, \"/nonexist\", R_OK|0x10, AT_EACCESS|0x40000000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("faccessat2", AT_CWD, "/nonexist", 0x10, 0x40000000, 0, 0, -22),
			    "faccessat2(AT_FDCWD, \"/nonexist\", 0x10 /* ?_OK */, 0x40000000 /* AT_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("access", "/nonexist", 0x10, 0, 0, 0, 0, -22),
			    "access(\"/nonexist\", 0x10 /* ?_OK */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("renameat2", AT_CWD, "/a", AT_CWD, "/b", 0x40000000, 0, -22),
			    "renameat2(AT_FDCWD, \"/a\", AT_FDCWD, \"/b\", 0x40000000 /* RENAME_?? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("renameat2", AT_CWD, "/a", AT_CWD, "/b", 0x40000001, 0, -22),
			    "renameat2(AT_FDCWD, \"/a\", AT_FDCWD, \"/b\", RENAME_NOREPLACE|0x40000000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("linkat", AT_CWD, "/a", 99, "/b", AT_SYMLINK_FOLLOW, 0, -2),
			    "linkat(AT_FDCWD, \"/a\", 99, \"/b\", AT_SYMLINK_FOLLOW) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("linkat", 99, "/a", AT_CWD, "/b", 0, 0, -2),
			    "linkat(99, \"/a\", AT_FDCWD, \"/b\", 0) = -1 ENOENT (No such file or directory)");
	assert_string_equal(DH("unlinkat", AT_CWD, "/nonexist", 0x40000000, 0, 0, 0, -22),
			    "unlinkat(AT_FDCWD, \"/nonexist\", 0x40000000 /* AT_??? */) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("renameat2", AT_CWD, "/a", AT_CWD, "/b", 0x40000001, 0, -22),
			    "renameat2(-100 /* AT_FDCWD */, \"/a\", -100 /* AT_FDCWD */, \"/b\", 0x40000001 /* RENAME_NOREPLACE|0x40000000 */) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("faccessat2", AT_CWD, "/nonexist", R_OK | 0x10, AT_EACCESS | 0x40000000, 0, 0, -22),
			    "faccessat2(-100, \"/nonexist\", 0x14, 0x40000200) = -1 EINVAL (Invalid argument)");
}

static void
test_inotify_memfd_xattr(void **state)
{
	static struct open_how how = { .flags = O_RDONLY, .resolve = 0x4000 };

	(void)state;
	assert_string_equal(DH("inotify_add_watch", 99, "/tmp", IN_MODIFY | IN_ONLYDIR | 0x100000, 0, 0, 0, -22),
			    "inotify_add_watch(99, \"/tmp\", IN_MODIFY|IN_ONLYDIR|0x100000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("inotify_add_watch", 99, "/tmp", 0x100000, 0, 0, 0, -22),
			    "inotify_add_watch(99, \"/tmp\", 0x100000 /* IN_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("inotify_add_watch", 99, "/tmp", 0, 0, 0, 0, -22),
			    "inotify_add_watch(99, \"/tmp\", 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("memfd_create", "m", 0x40000000, 0, 0, 0, 0, -22),
			    "memfd_create(\"m\", 16<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("memfd_create", "m", 0x40000001, 0, 0, 0, 0, -22),
			    "memfd_create(\"m\", MFD_CLOEXEC|16<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("setxattr", "/x", "user.a", "v", 1, 0x40000000, 0, -22),
			    "setxattr(\"/x\", \"user.a\", \"v\", 1, 0x40000000 /* XATTR_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("setxattr", "/x", "user.a", "v", 1, 0x40000001, 0, -22),
			    "setxattr(\"/x\", \"user.a\", \"v\", 1, XATTR_CREATE|0x40000000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("openat2", AT_CWD, "/x", &how, sizeof(how), 0, 0, -22),
			    "openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY, resolve=0x4000 /* RESOLVE_??? */}, 24) = -1 EINVAL (Invalid argument)");
	how.resolve = 0x4004;
	assert_string_equal(DH("openat2", AT_CWD, "/x", &how, sizeof(how), 0, 0, -22),
			    "openat2(AT_FDCWD, \"/x\", {flags=O_RDONLY, resolve=RESOLVE_NO_SYMLINKS|0x4000}, 24) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("memfd_create", "m", 0x40000000, 0, 0, 0, 0, -22),
			    "memfd_create(\"m\", 0x40000000 /* 16<<MFD_HUGE_SHIFT */) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("inotify_add_watch", 99, "/tmp", 0x100000, 0, 0, 0, -22),
			    "inotify_add_watch(99, \"/tmp\", 0x100000) = -1 EINVAL (Invalid argument)");
}

static const char *
run_open_creat(uint64_t v)
{
	return DH("openat", AT_CWD, "/x", v, 0644, 0, 0, -2);
}

static const char *
run_resolve(uint64_t v)
{
	static struct open_how how;

	how = (struct open_how){ .flags = O_RDONLY, .resolve = v };
	return DH("openat2", AT_CWD, "/x", &how, sizeof(how), 0, 0, -22);
}

static const char *
run_access(uint64_t v)
{
	return DH("access", "/x", v, 0, 0, 0, 0, -2);
}

static const char *
run_faccess(uint64_t v)
{
	return DH("faccessat2", AT_CWD, "/x", 0, v, 0, 0, -2);
}

static const char *
run_at(uint64_t v)
{
	return DH("unlinkat", AT_CWD, "/x", v, 0, 0, 0, -2);
}

static const char *
run_rename(uint64_t v)
{
	return DH("renameat2", AT_CWD, "/a", AT_CWD, "/b", v, 0, -2);
}

static const char *
run_inotify(uint64_t v)
{
	return DH("inotify_add_watch", 3, "/tmp", v, 0, 0, 0, 1);
}

static const char *
run_memfd(uint64_t v)
{
	return DH("memfd_create", "m", v, 0, 0, 0, 0, 3);
}

static const char *
run_xattr(uint64_t v)
{
	return DH("setxattr", "/x", "user.a", "v", 1, v, 0, -2);
}

static void
test_file_tables(void **state)
{
	(void)state;
	/* the access mode is its own field: open flags always follow a name */
	/* the kernel's values: arm64 has its own */
	if (dh_is(ARCH_AARCH64))
		XLAT_CHECK(open_flags_arm64, XC_FLAGS | XC_NOCMT, run_open_creat);
	else
		XLAT_CHECK(open_flags, XC_FLAGS | XC_NOCMT, run_open_creat);
	XLAT_CHECK(resolve_flags, XC_FLAGS, run_resolve);
	XLAT_CHECK(access_modes, XC_FLAGS, run_access);
	XLAT_CHECK(faccess_flags, XC_FLAGS, run_faccess);
	XLAT_CHECK(at_flags, XC_FLAGS, run_at);
	XLAT_CHECK(rename_flags, XC_FLAGS, run_rename);
	XLAT_CHECK(inotify_mask, XC_FLAGS, run_inotify);
	/* bits 26-31 are the huge page size (test_inotify_memfd_xattr) */
	XLAT_CHECK(memfd_flags, XC_FLAGS | XC_NOUNKNOWN, run_memfd);
	XLAT_CHECK(xattr_flags, XC_FLAGS, run_xattr);
	assert_string_equal(DH("memfd_create", "m", 0x100, 0, 0, 0, 0, -22),
			    "memfd_create(\"m\", 0x100 /* MFD_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("memfd_create", "m", 0x40000100, 0, 0, 0, 0, -22),
			    "memfd_create(\"m\", 0x100 /* MFD_??? */|16<<MFD_HUGE_SHIFT) = -1 EINVAL (Invalid argument)");
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_access_rename_flags, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_inotify_memfd_xattr, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_file_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_file_xlat", tests, NULL, NULL);
}
