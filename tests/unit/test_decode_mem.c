/*
 * test_decode_mem.c - src/decode/mem.c through the real dispatcher: mmap
 * and its i386 variants, mprotect, mremap, madvise, msync, mlock2,
 * mlockall.  Expected lines are strace 6.1's for the same calls (x86_64);
 * every flag table is walked entry by entry (xlat_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode/mem.c"
#include "decode_harness.h"
#include "xlat_check.h"

/*
 * mmap of the pass: i386's "mmap" is old_mmap (an argument block, see
 * test_mmap_i386), so its six-argument form is mmap2, whose offset is in
 * 4096-byte pages and whose line differs only by the name; its result is
 * a 32-bit address.
 */
static const char *
mmap_dh(uint64_t a0, uint64_t a1, uint64_t a2, uint64_t a3, uint64_t a4,
	uint64_t a5, int64_t rval)
{
	if (dh_compat())
		return DH("mmap2", a0, a1, a2, a3, a4, a5 / 4096, rval);
	return DH("mmap", a0, a1, a2, a3, a4, a5, rval);
}

/* The expected mmap line of the pass ("mmap(" -> "mmap2(", 32-bit result) */
static const char *
mmap_want(const char *w)
{
	static char buf[512];
	const char *big = "= 0x7f39be9ed000";
	char *p;

	if (!dh_compat())
		return w;
	snprintf(buf, sizeof(buf), "mmap2(%s", w + strlen("mmap("));
	p = strstr(buf, big);
	if (p)
		strcpy(p, "= 0xbe9ed000");
	return buf;
}

static void
test_mmap(void **state)
{
	(void)state;
	assert_string_equal(mmap_dh(0, 4096, 3, 0x22, -1, 0, 0x7f39be9ed000),
			    mmap_want("mmap(NULL, 4096, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f39be9ed000"));
	assert_string_equal(mmap_dh(0, 4096, 0, 0x80000003u, 3, 4096, -9),
			    mmap_want("mmap(NULL, 4096, PROT_NONE, MAP_SHARED_VALIDATE|32<<MAP_HUGE_SHIFT, 3, 0x1000) = -1 EBADF (Bad file descriptor)"));
	assert_string_equal(mmap_dh(0, 4096, 0x10000007, 0x24, -1, 0, -22),
			    mmap_want("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC|0x10000000, 0x4 /* MAP_??? */|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)"));
	assert_string_equal(mmap_dh(0, 4096, 7, 0xf, -1, 0, -9),
			    mmap_want("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC, 0xf /* MAP_??? */, -1, 0) = -1 EBADF (Bad file descriptor)"));
	assert_string_equal(mmap_dh(0, 4096, 7, 0x54040002, -1, 0, -9),
			    mmap_want("mmap(NULL, 4096, PROT_READ|PROT_WRITE|PROT_EXEC, MAP_PRIVATE|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 EBADF (Bad file descriptor)"));
}

static void
test_mmap_xmodes(void **state)
{
	(void)state;
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(mmap_dh(0, 4096, 3, 0x22, -1, 0, 0x7f39be9ed000),
			    mmap_want("mmap(NULL, 4096, 0x3 /* PROT_READ|PROT_WRITE */, 0x22 /* MAP_PRIVATE|MAP_ANONYMOUS */, -1, 0) = 0x7f39be9ed000"));
	assert_string_equal(mmap_dh(0, 4096, 0, 0x80000003u, 3, 4096, -9),
			    mmap_want("mmap(NULL, 4096, 0 /* PROT_NONE */, 0x80000003 /* MAP_SHARED_VALIDATE|32<<MAP_HUGE_SHIFT */, 3, 0x1000) = -1 EBADF (Bad file descriptor)"));
	assert_string_equal(DH("mprotect", 0x10000, 4096, 0x10000000, 0, 0, 0, -22),
			    "mprotect(0x10000, 4096, 0x10000000 /* PROT_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msync", 0x10000, 4096, 0x15, 0, 0, 0, -22),
			    "msync(0x10000, 4096, 0x15 /* MS_SYNC|MS_ASYNC|0x10 */) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_RAW;
	assert_string_equal(mmap_dh(0, 4096, 3, 0x22, -1, 0, 0x7f39be9ed000),
			    mmap_want("mmap(NULL, 4096, 0x3, 0x22, -1, 0) = 0x7f39be9ed000"));
	assert_string_equal(DH("mlockall", 0x11, 0, 0, 0, 0, 0, -22),
			    "mlockall(0x11) = -1 EINVAL (Invalid argument)");
	/* no "MLOCK_???" comment under -X raw */
	assert_string_equal(DH("mlock2", 0x10000, 4096, 0x10, 0, 0, 0, -22),
			    "mlock2(0x10000, 4096, 0x10) = -1 EINVAL (Invalid argument)");
	opts.xmode = XMODE_ABBREV;
}

static void
test_mmap_i386(void **state)
{
	/* old_mmap: the six words live in tracee memory (32-bit pointers) */
	static uint32_t *blk;
	char want[128];

	(void)state;
	dh_arch = ARCH_I386;
	assert_string_equal(DH("mmap2", 0, 4096, 1, 2, 3, 0x26, 0x1000),
			    "mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x26000) = 0x1000");
	blk = mmap((void *)0x30000000, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED_NOREPLACE, -1, 0);
	if (blk != MAP_FAILED && (uintptr_t)blk < 0xffffffffu) {
		uint32_t w[6] = { 0, 8192, 3, 0x22, 0xffffffffu, 0 };

		memcpy(blk, w, sizeof(w));
		assert_string_equal(DH("mmap", (uintptr_t)blk, 0, 0, 0, 0, 0, 0x2000),
				    "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x2000");
		/* the block straddles into an unreadable page: its address */
		memcpy((char *)blk + 4096 - 8, w, 8);
		mprotect(blk, 4096, PROT_NONE);
		snprintf(want, sizeof(want), "mmap(%#lx) = -1 EFAULT (Bad address)",
			 (unsigned long)(uintptr_t)blk);
		assert_string_equal(DH("mmap", (uintptr_t)blk, 0, 0, 0, 0, 0, -14), want);
		munmap(blk, 4096);
	}
	dh_arch = dh_group_arch;
}

static void
test_mprotect_mremap(void **state)
{
	(void)state;
	assert_string_equal(DH("mprotect", 0x10000, 4096, 0x10000000, 0, 0, 0, -22),
			    "mprotect(0x10000, 4096, 0x10000000 /* PROT_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mprotect", 0x10000, 4096, 0, 0, 0, 0, -12),
			    "mprotect(0x10000, 4096, PROT_NONE) = -1 ENOMEM (Cannot allocate memory)");
	assert_string_equal(DH("pkey_mprotect", 0x10000, 4096, 1, 5, 0, 0, -22),
			    "pkey_mprotect(0x10000, 4096, PROT_READ, 5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mremap", 0x10000, 4096, 8192, 0, 0x5000, 0, -14),
			    "mremap(0x10000, 4096, 8192, 0) = -1 EFAULT (Bad address)");
	assert_string_equal(DH("mremap", 0x10000, 4096, 8192, 3, 0x5000, 0, -14),
			    "mremap(0x10000, 4096, 8192, MREMAP_MAYMOVE|MREMAP_FIXED, 0x5000) = -1 EFAULT (Bad address)");
	assert_string_equal(DH("mremap", 0x10000, 4096, 8192, 0x11, 0x5000, 0, -22),
			    "mremap(0x10000, 4096, 8192, MREMAP_MAYMOVE|0x10) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("munmap", 0x10000, 4096, 0, 0, 0, 0, 0),
			    "munmap(0x10000, 4096) = 0");
}

static void
test_madvise_msync_mlock(void **state)
{
	(void)state;
	assert_string_equal(DH("madvise", 0x10000, 4096, 77, 0, 0, 0, -22),
			    "madvise(0x10000, 4096, 0x4d /* MADV_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("madvise", 0x10000, 4096, 4, 0, 0, 0, 0),
			    "madvise(0x10000, 4096, MADV_DONTNEED) = 0");
	assert_string_equal(DH("msync", 0x10000, 4096, 0, 0, 0, 0, -12),
			    "msync(0x10000, 4096, 0) = -1 ENOMEM (Cannot allocate memory)");
	assert_string_equal(DH("msync", 0x10000, 4096, 0x10, 0, 0, 0, -22),
			    "msync(0x10000, 4096, 0x10 /* MS_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msync", 0x10000, 4096, 0x15, 0, 0, 0, -22),
			    "msync(0x10000, 4096, MS_SYNC|MS_ASYNC|0x10) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlock2", 0x10000, 4096, 0, 0, 0, 0, -12),
			    "mlock2(0x10000, 4096, 0) = -1 ENOMEM (Cannot allocate memory)");
	assert_string_equal(DH("mlock2", 0x10000, 4096, 0x10, 0, 0, 0, -22),
			    "mlock2(0x10000, 4096, 0x10 /* MLOCK_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlockall", 0, 0, 0, 0, 0, 0, -22),
			    "mlockall(0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlockall", 0x10, 0, 0, 0, 0, 0, -22),
			    "mlockall(0x10 /* MCL_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlockall", 0x11, 0, 0, 0, 0, 0, -22),
			    "mlockall(MCL_CURRENT|0x10) = -1 EINVAL (Invalid argument)");
}

static const char *
run_prot(uint64_t v)
{
	return DH("mprotect", 0x10000, 4096, v, 0, 0, 0, 0);
}

static const char *
run_map_type(uint64_t v)
{
	return mmap_dh(0, 4096, 0, v, -1, 0, 0x10000);
}

static const char *
run_map_flags(uint64_t v)
{
	/* bit 31 is the huge page size: keep unknown bits below it */
	return mmap_dh(0, 4096, 0, 2 | (v & ~0xfull), -1, 0, 0x10000);
}

static const char *
run_mremap(uint64_t v)
{
	return DH("mremap", 0x10000, 4096, 8192, v, 0x5000, 0, 0x10000);
}

static const char *
run_madv(uint64_t v)
{
	return DH("madvise", 0x10000, 4096, v, 0, 0, 0, 0);
}

static const char *
run_msync(uint64_t v)
{
	return DH("msync", 0x10000, 4096, v, 0, 0, 0, 0);
}

static const char *
run_mlock(uint64_t v)
{
	return DH("mlock2", 0x10000, 4096, v, 0, 0, 0, 0);
}

static const char *
run_mcl(uint64_t v)
{
	return DH("mlockall", v, 0, 0, 0, 0, 0, 0);
}

static void
test_mem_tables(void **state)
{
	(void)state;
	XLAT_CHECK(prot_xlat, XC_FLAGS, run_prot);
	XLAT_CHECK(map_type_xlat, XC_VALUES | XC_NOUNKNOWN, run_map_type);
	XLAT_CHECK(map_flags_xlat, XC_FLAGS | XC_NOUNKNOWN, run_map_flags);
	XLAT_CHECK(mremap_xlat, XC_FLAGS, run_mremap);
	XLAT_CHECK(madv_xlat, XC_VALUES, run_madv);
	XLAT_CHECK(msync_xlat, XC_FLAGS, run_msync);
	XLAT_CHECK(mlock_xlat, XC_FLAGS, run_mlock);
	XLAT_CHECK(mcl_xlat, XC_FLAGS, run_mcl);
	/* map_flags' unknown bit (below the huge page size field) */
	assert_string_equal(mmap_dh(0, 4096, 0, 0x200002, -1, 0, 0x10000),
			    mmap_want("mmap(NULL, 4096, PROT_NONE, MAP_PRIVATE|0x200000, -1, 0) = 0x10000"));
	/* the type's unknown value */
	assert_string_equal(mmap_dh(0, 4096, 0, 0x5, -1, 0, 0x10000),
			    mmap_want("mmap(NULL, 4096, PROT_NONE, 0x5 /* MAP_??? */, -1, 0) = 0x10000"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mmap, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mmap_xmodes, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mmap_i386, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mprotect_mremap, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_madvise_msync_mlock, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mem_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_mem", tests, NULL, NULL);
}
