/*
 * test_decode_stat.c - src/decode/stat.c through the real dispatcher:
 * stat family (abbreviated and -v), statx, statfs/fstatfs.  The structs
 * the kernel would write are filled in synthetically; expected lines are
 * strace 6.1's for the same values (x86_64, TZ=UTC).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <sys/vfs.h>
#include <time.h>

#include "decode/stat.c"
#include "decode_harness.h"
#include "filter.h"
#include "xlat_check.h"

#define AT_CWD ((uint64_t)(int64_t)AT_FDCWD)

/* -v: an empty abbrev= set */
static struct sc_set no_abbrev;

static char want[2048];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static struct stat st;

static void
fill_devnull(void)
{
	memset(&st, 0, sizeof(st));
	st.st_dev = makedev(0, 6);
	st.st_ino = 3;
	st.st_mode = S_IFCHR | 0666;
	st.st_nlink = 1;
	st.st_blksize = 4096;
	st.st_rdev = makedev(1, 3);
	st.st_atim = (struct timespec){ 1795162701, 312804355 };
	st.st_mtim = st.st_atim;
	st.st_ctim = st.st_atim;
}

static void
test_stat(void **state)
{
	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	fill_devnull();
	assert_string_equal(DH("stat", "/dev/null", dh_stat(&st, "stat"), 0, 0, 0, 0, 0),
			    "stat(\"/dev/null\", {st_mode=S_IFCHR|0666, st_rdev=makedev(0x1, 0x3), ...}) = 0");
	assert_string_equal(DH("newfstatat", AT_CWD, "/dev/null", &st, 0x40000000, 0, 0, -22),
			    fmt("newfstatat(AT_FDCWD, \"/dev/null\", %#lx, 0x40000000 /* AT_??? */) = -1 EINVAL (Invalid argument)", (uintptr_t)&st));
	if (dh_compat()) {
		/* i386's stat64 layout; the -v form below reads the old one */
		st.st_size = 1;
		st.st_mode = S_IFREG | 0600;
		assert_string_equal(DH("fstat64", 3, dh_stat(&st, "fstat64"), 0, 0, 0, 0, 0),
				    "fstat64(3, {st_mode=S_IFREG|0600, st_size=1, ...}) = 0");
		assert_string_equal(DH("fstatat64", AT_CWD, "/f", dh_stat(&st, "fstatat64"), 0x100, 0, 0, 0),
				    "fstatat64(AT_FDCWD, \"/f\", {st_mode=S_IFREG|0600, st_size=1, ...}, AT_SYMLINK_NOFOLLOW) = 0");
		fill_devnull();
	}
	assert_string_equal(DH("lstat", "/x", dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("lstat(\"/x\", %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	/* a successful call whose struct cannot be read: its address */
	assert_string_equal(DH("fstat", 3, dh_unmapped(), 0, 0, 0, 0, 0),
			    fmt("fstat(3, %#lx) = 0", dh_unmapped()));
	opts.verbose = true;
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("stat", "/dev/null", dh_stat(&st, "stat"), 0, 0, 0, 0, 0),
			    "stat(\"/dev/null\", {st_dev=makedev(0, 0x6), st_ino=3, st_mode=S_IFCHR|0666, st_nlink=1, st_uid=0, st_gid=0, st_blksize=4096, st_blocks=0, st_rdev=makedev(0x1, 0x3), st_atime=1795162701 /* 2026-11-20T08:18:21.312804355+0000 */, st_atime_nsec=312804355, st_mtime=1795162701 /* 2026-11-20T08:18:21.312804355+0000 */, st_mtime_nsec=312804355, st_ctime=1795162701 /* 2026-11-20T08:18:21.312804355+0000 */, st_ctime_nsec=312804355}) = 0");
}

static void
test_statx(void **state)
{
	static struct statx sx;

	(void)state;
	setenv("TZ", "UTC", 1);
	tzset();
	assert_string_equal(DH("statx", AT_CWD, "/nonexist", AT_STATX_FORCE_SYNC | AT_SYMLINK_NOFOLLOW, STATX_TYPE | STATX_SIZE | 0x40000000, &sx, 0, -2),
			    fmt("statx(AT_FDCWD, \"/nonexist\", AT_STATX_FORCE_SYNC|AT_SYMLINK_NOFOLLOW, STATX_TYPE|STATX_SIZE|0x40000000, %#lx) = -1 ENOENT (No such file or directory)", (uintptr_t)&sx));
	assert_string_equal(DH("statx", AT_CWD, "/nonexist", 0x6000, 0x40000000, &sx, 0, -22),
			    fmt("statx(AT_FDCWD, \"/nonexist\", AT_STATX_FORCE_SYNC|AT_STATX_DONT_SYNC, 0x40000000 /* STATX_??? */, %#lx) = -1 EINVAL (Invalid argument)", (uintptr_t)&sx));
	assert_string_equal(DH("statx", AT_CWD, "/nonexist", 0, 0, &sx, 0, -2),
			    fmt("statx(AT_FDCWD, \"/nonexist\", AT_STATX_SYNC_AS_STAT, 0, %#lx) = -1 ENOENT (No such file or directory)", (uintptr_t)&sx));
	memset(&sx, 0, sizeof(sx));
	sx.stx_mask = STATX_BASIC_STATS | 0x1000;
	sx.stx_blksize = 4096;
	sx.stx_attributes = 0x2000;
	sx.stx_nlink = 21;
	sx.stx_mode = S_IFDIR | 0755;
	sx.stx_ino = 2;
	sx.stx_size = 4096;
	sx.stx_blocks = 8;
	sx.stx_attributes_mask = 0x303874;
	sx.stx_atime = (struct statx_timestamp){ 1795431861, 468500000, 0 };
	sx.stx_ctime = (struct statx_timestamp){ 1795431832, 320500000, 0 };
	sx.stx_mtime = sx.stx_ctime;
	sx.stx_dev_major = 254;
	*(uint64_t *)((char *)&sx + 0x90) = 0x1a;	/* stx_mnt_id */
	assert_string_equal(DH("statx", AT_CWD, "/", 0, STATX_BASIC_STATS, &sx, 0, 0),
			    "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_mode=S_IFDIR|0755, stx_size=4096, ...}) = 0");
	opts.verbose = true;
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("statx", AT_CWD, "/", 0, STATX_BASIC_STATS, &sx, 0, 0),
			    "statx(AT_FDCWD, \"/\", AT_STATX_SYNC_AS_STAT, STATX_BASIC_STATS, {stx_mask=STATX_BASIC_STATS|STATX_MNT_ID, stx_blksize=4096, stx_attributes=STATX_ATTR_MOUNT_ROOT, stx_nlink=21, stx_uid=0, stx_gid=0, stx_mode=S_IFDIR|0755, stx_ino=2, stx_size=4096, stx_blocks=8, stx_attributes_mask=STATX_ATTR_COMPRESSED|STATX_ATTR_IMMUTABLE|STATX_ATTR_APPEND|STATX_ATTR_NODUMP|STATX_ATTR_ENCRYPTED|STATX_ATTR_AUTOMOUNT|STATX_ATTR_MOUNT_ROOT|STATX_ATTR_VERITY|STATX_ATTR_DAX, stx_atime={tv_sec=1795431861, tv_nsec=468500000} /* 2026-11-23T11:04:21.468500000+0000 */, stx_ctime={tv_sec=1795431832, tv_nsec=320500000} /* 2026-11-23T11:03:52.320500000+0000 */, stx_mtime={tv_sec=1795431832, tv_nsec=320500000} /* 2026-11-23T11:03:52.320500000+0000 */, stx_rdev_major=0, stx_rdev_minor=0, stx_dev_major=254, stx_dev_minor=0, stx_mnt_id=0x1a}) = 0");
}

static struct statfs sf;

static void
fill_proc(void)
{
	memset(&sf, 0, sizeof(sf));
	sf.f_type = 0x9fa0;
	sf.f_bsize = 4096;
	memcpy(&sf.f_fsid, (int32_t[2]){ 0x14, 0 }, 8);
	sf.f_namelen = 255;
	sf.f_frsize = 4096;
	sf.f_flags = 0x20 | 0x1000;
}

/* struct statfs of the pass: i386's has 32-bit words */
static void *
statfs_mem(void)
{
	static uint32_t w[16];

	if (!dh_compat())
		return &sf;
	memset(w, 0, sizeof(w));
	w[0] = (uint32_t)sf.f_type;
	w[1] = (uint32_t)sf.f_bsize;
	memcpy(w + 7, &sf.f_fsid, 8);
	w[9] = (uint32_t)sf.f_namelen;
	w[10] = (uint32_t)sf.f_frsize;
	w[11] = (uint32_t)sf.f_flags;
	return w;
}

static void
test_statfs(void **state)
{
	(void)state;
	fill_proc();
	assert_string_equal(DH("statfs", "/proc", statfs_mem(), 0, 0, 0, 0, 0),
			    "statfs(\"/proc\", {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=0, f_bfree=0, f_bavail=0, f_files=0, f_ffree=0, f_fsid={val=[0x14, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
	if (dh_compat()) {
		/* i386's statfs64: 64-bit counts, packed to 4 bytes */
		static uint32_t w[21];

		memset(w, 0, sizeof(w));
		DH_PACK(w, "iiqqqqqiiiii", 0x9fa0, 4096, 5, 4, 3, 2, 1, 0x14, 0,
			255, 4096, 0x1020);
		assert_string_equal(DH("statfs64", "/proc", 84, w, 0, 0, 0, 0),
				    "statfs64(\"/proc\", 84, {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=5, f_bfree=4, f_bavail=3, f_files=2, f_ffree=1, f_fsid={val=[0x14, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
		assert_string_equal(DH("fstatfs64", 3, 84, w, 0, 0, 0, 0),
				    "fstatfs64(3, 84, {f_type=PROC_SUPER_MAGIC, f_bsize=4096, f_blocks=5, f_bfree=4, f_bavail=3, f_files=2, f_ffree=1, f_fsid={val=[0x14, 0]}, f_namelen=255, f_frsize=4096, f_flags=ST_VALID|ST_RELATIME}) = 0");
	}
	assert_string_equal(DH("fstatfs", 99, &sf, 0, 0, 0, 0, -9),
			    fmt("fstatfs(99, %#lx) = -1 EBADF (Bad file descriptor)", (uintptr_t)&sf));
	assert_string_equal(DH("statfs", "/nonexist", &sf, 0, 0, 0, 0, -2),
			    fmt("statfs(\"/nonexist\", %#lx) = -1 ENOENT (No such file or directory)", (uintptr_t)&sf));
	assert_string_equal(DH("fstatfs", 3, dh_unmapped(), 0, 0, 0, 0, 0),
			    fmt("fstatfs(3, %#lx) = 0", dh_unmapped()));
}

static const char *
run_ftype(uint64_t v)
{
	fill_devnull();
	st.st_mode = (mode_t)(v | 0644);
	return DH("fstat", 3, dh_stat(&st, "fstat"), 0, 0, 0, 0, 0);
}

static const char *
run_statx_mask(uint64_t v)
{
	return DH("statx", AT_CWD, "/", 0, v, 0, 0, -14);
}

static const char *
run_statx_attrs(uint64_t v)
{
	static struct statx sx;

	memset(&sx, 0, sizeof(sx));
	sx.stx_attributes = v;
	return DH("statx", AT_CWD, "/", 0, 0, &sx, 0, 0);
}

static const char *
run_statx_sync(uint64_t v)
{
	return DH("statx", AT_CWD, "/", v, 0, 0, 0, -14);
}

static const char *
run_fs_magic(uint64_t v)
{
	fill_proc();
	sf.f_type = (long)v;
	return DH("fstatfs", 3, statfs_mem(), 0, 0, 0, 0, 0);
}

static const char *
run_st_flags(uint64_t v)
{
	fill_proc();
	sf.f_flags = (long)v;
	return DH("fstatfs", 3, statfs_mem(), 0, 0, 0, 0, 0);
}

static void
test_stat_tables(void **state)
{
	(void)state;
	/* the file type is a 4-bit field of st_mode: all its values named */
	XLAT_CHECK(ftypes, XC_VALUES | XC_NOUNKNOWN, run_ftype);
	XLAT_CHECK(statx_mask, XC_FLAGS, run_statx_mask);
	XLAT_CHECK(statx_attrs, XC_FLAGS | XC_NOCMT, run_statx_attrs);
	/* two bits, all four values named (both bits: test_statx) */
	XLAT_CHECK(statx_sync, XC_VALUES | XC_NOUNKNOWN, run_statx_sync);
	XLAT_CHECK(fs_magic, XC_VALUES, run_fs_magic);
	XLAT_CHECK(st_flags, XC_FLAGS | XC_NOCMT, run_st_flags);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_stat, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_statx, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_statfs, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_stat_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_stat", tests, NULL, NULL);
}
