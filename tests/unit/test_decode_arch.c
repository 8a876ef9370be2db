/*
 * test_decode_arch.c - one decoder, three tables (x86_64, i386, aarch64).
 *
 * 1. Every syscall name that two arch tables share is bound to the same
 *    syscalls.def row (so the same decoder, argument kinds and classes),
 *    except the rows that exist because an arch lays the arguments out
 *    differently (old_mmap, clone_backwards, *_i386: listed below).
 * 2. The same decoder cases run once per arch table, through the real
 *    dispatcher with the record's arch set to that arch: i386 records get
 *    their arguments and results narrowed to 32 bits, so -1 and negative
 *    offsets must still print as such.  Tracee memory is this process's,
 *    mapped below 2 GiB (MAP_32BIT) so that a pointer survives the
 *    narrowing.
 * 3. i386-only layouts: 32-bit timespec, _llseek, split pread64 offsets,
 *    socketcall shown as its subcall, set_thread_area's user_desc.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <fcntl.h>
#include <sys/mman.h>

#include "decode.h"
#include "decode_harness.h"
#include "filter.h"

static const uint32_t arches[] = { ARCH_X86_64, ARCH_I386, ARCH_AARCH64 };

/* Rows that differ on purpose: same printed name, another layout. */
static const uint16_t layout_variants[] = {
	SC_old_mmap, SC_old_select, SC_clone_backwards, SC_pread64_i386,
	SC_pwrite64_i386, SC_readahead_i386, SC_fadvise64_i386,
	SC_sync_file_range_i386, SC_fallocate_i386, SC_fanotify_mark_i386,
	SC_preadv_i386, SC_pwritev_i386, SC_lookup_dcookie_i386,
};

static bool
is_layout_variant(const struct sysent *e)
{
	size_t i;

	for (i = 0; i < sizeof(layout_variants) / sizeof(layout_variants[0]); i++)
		if (e == &sysent_table[layout_variants[i]])
			return true;
	return false;
}

static void
test_same_row_for_shared_names(void **state)
{
	unsigned a, b, shared_all = 0, pairs = 0;
	uint64_t nr;

	(void)state;
	for (a = 0; a < 3; a++) {
		for (nr = 0; nr < sysent_arch_nr_count(arches[a]); nr++) {
			const struct sysent *e = sysent_lookup(arches[a], nr);
			unsigned in_all = 1;

			if (!e)
				continue;
			for (b = 0; b < 3; b++) {
				const struct sysent *o;

				if (b == a)
					continue;
				o = sysent_by_name(arches[b], e->name, NULL);
				if (!o)
					continue;
				in_all++;
				pairs++;
				if (o == e || is_layout_variant(o) ||
				    is_layout_variant(e))
					continue;
				fail_msg("%s: arch %#x and %#x use different rows",
					 e->name, arches[a], arches[b]);
			}
			if (a == 0 && in_all == 3)
				shared_all++;
		}
	}
	/* most of the syscall set is common to all three (about 290) */
	assert_true(shared_all > 250);
	assert_true(pairs > 1000);
}

/* Memory below 2 GiB, readable through a pointer narrowed to 32 bits. */
static char *low;

static int
setup(void **state)
{
	if (!low) {
		low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
		if (low == MAP_FAILED)
			return -1;
	}
	return dh_setup(state);
}

#define LOW(off) ((uint64_t)(uintptr_t)(low + (off)))

struct arch_case {
	const char *name;
	uint64_t args[6];
	int64_t rval;
	const char *want;
};

static void
test_same_line_on_every_arch(void **state)
{
	const struct arch_case cases[] = {
		{ "write", { 1, LOW(0), 3 }, 3, "write(1, \"abc\", 3) = 3" },
		{ "read", { 0, LOW(0), 8 }, 3, "read(0, \"abc\", 8) = 3" },
		{ "close", { (uint64_t)-1 }, -EBADF,
		  "close(-1) = -1 EBADF (Bad file descriptor)" },
		{ "openat", { (uint64_t)(int64_t)AT_FDCWD, LOW(16),
			      O_WRONLY | O_CREAT, 0640 }, 3,
		  "openat(AT_FDCWD, \"/tmp/x\", O_WRONLY|O_CREAT, 0640) = 3" },
		{ "lseek", { 3, (uint64_t)-5, SEEK_CUR }, 7,
		  "lseek(3, -5, SEEK_CUR) = 7" },
		{ "brk", { 0 }, 0x5a000000, "brk(NULL) = 0x5a000000" },
		{ "getpid", { 0 }, 4242, "getpid() = 4242" },
		{ "dup3", { 3, 4, O_CLOEXEC }, -EINVAL,
		  "dup3(3, 4, O_CLOEXEC) = -1 EINVAL (Invalid argument)" },
		{ "munmap", { 0x40000000, 8192 }, 0, "munmap(0x40000000, 8192) = 0" },
		{ "kill", { 12, 10 }, 0, "kill(12, SIGUSR1) = 0" },
	};
	unsigned a, i, ran = 0;

	(void)state;
	memcpy(low, "abc", 3);
	strcpy(low + 16, "/tmp/x");
	for (a = 0; a < 3; a++) {
		dh_arch = arches[a];
		for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
			const struct arch_case *k = &cases[i];

			if (!sysent_by_name(dh_arch, k->name, NULL))
				continue;
			ran++;
			assert_string_equal(DH(k->name, k->args[0], k->args[1],
					       k->args[2], k->args[3],
					       k->args[4], k->args[5], k->rval),
					    k->want);
		}
	}
	/* everything but lseek... exists on all three; aarch64 has lseek */
	assert_int_equal(ran, 30);
}

/* The same timespec text from a 64-bit and a 32-bit struct timespec. */
static void
test_timespec_layouts(void **state)
{
	int64_t *t64 = (int64_t *)(low + 64);
	int32_t *t32 = (int32_t *)(low + 96);

	(void)state;
	t64[0] = 1;
	t64[1] = 500;
	t32[0] = 1;
	t32[1] = 500;
	dh_arch = ARCH_X86_64;
	assert_string_equal(DH("nanosleep", LOW(64), 0, 0, 0, 0, 0, 0),
			    "nanosleep({tv_sec=1, tv_nsec=500}, NULL) = 0");
	dh_arch = ARCH_AARCH64;
	assert_string_equal(DH("nanosleep", LOW(64), 0, 0, 0, 0, 0, 0),
			    "nanosleep({tv_sec=1, tv_nsec=500}, NULL) = 0");
	dh_arch = ARCH_I386;
	assert_string_equal(DH("nanosleep", LOW(96), 0, 0, 0, 0, 0, 0),
			    "nanosleep({tv_sec=1, tv_nsec=500}, NULL) = 0");
	/* utimensat: two timespecs, 32-bit on i386, the same text */
	{
		char line64[256], want[280];
		int64_t *u64 = (int64_t *)(low + 512);
		int32_t *u32 = (int32_t *)(low + 576);
		const int64_t v[4] = { 1000000000, 5, 1000000001, 6 };
		unsigned i;

		for (i = 0; i < 4; i++) {
			u64[i] = v[i];
			u32[i] = (int32_t)v[i];
		}
		strcpy(low + 600, "f");
		dh_arch = ARCH_X86_64;
		snprintf(line64, sizeof(line64), "%s",
			 DH("utimensat", (uint64_t)(int64_t)AT_FDCWD, LOW(600),
			    LOW(512), 0, 0, 0, 0));
		assert_non_null(strstr(line64, "[{tv_sec=1000000000, tv_nsec=5}"));
		dh_arch = ARCH_I386;
		assert_string_equal(DH("utimensat", (uint64_t)(int64_t)AT_FDCWD,
				       LOW(600), LOW(576), 0, 0, 0, 0), line64);
		snprintf(want, sizeof(want), "utimensat_time64%s",
			 line64 + strlen("utimensat"));
		assert_string_equal(DH("utimensat_time64", (uint64_t)(int64_t)AT_FDCWD,
				       LOW(600), LOW(512), 0, 0, 0, 0), want);
	}
	/* the time64 variant of a 32-bit arch reads 64-bit fields */
	assert_string_equal(DH("clock_nanosleep_time64", 1, 0, LOW(64), 0, 0, 0, 0),
			    "clock_nanosleep_time64(CLOCK_MONOTONIC, 0, "
			    "{tv_sec=1, tv_nsec=500}, NULL) = 0");
}

static void
test_i386_only_calls(void **state)
{
	int64_t *res = (int64_t *)(low + 128);
	uint32_t *words = (uint32_t *)(low + 256);
	int32_t *sv = (int32_t *)(low + 320);
	uint32_t *ud = (uint32_t *)(low + 384);
	char want[160];

	(void)state;
	dh_arch = ARCH_I386;
	*res = 4294967307LL;
	assert_string_equal(DH("_llseek", 3, 1, 0, LOW(128), SEEK_END, 0, 0),
			    "_llseek(3, 4294967296, [4294967307], SEEK_END) = 0");
	snprintf(want, sizeof(want), "_llseek(-1, 0, %#llx, SEEK_SET) = -1 EBADF "
		 "(Bad file descriptor)", (unsigned long long)LOW(128));
	assert_string_equal(DH("_llseek", (uint64_t)-1, 0, 0, LOW(128), SEEK_SET,
			       0, -EBADF), want);

	/* the offset in two registers, low word first */
	memcpy(low, "cde", 3);
	assert_string_equal(DH("pread64", 3, LOW(0), 3, 2, 1, 0, 3),
			    "pread64(3, \"cde\", 3, 4294967298) = 3");
	assert_string_equal(DH("pwrite64", 3, LOW(0), 1, 0, 1, 0, -EFBIG),
			    "pwrite64(3, \"c\", 1, 4294967296) = -1 EFBIG "
			    "(File too large)");

	/* socketcall(SYS_SOCKETPAIR, args) prints as socketpair(...) */
	words[0] = 1;   /* AF_UNIX */
	words[1] = 1;   /* SOCK_STREAM */
	words[2] = 0;
	words[3] = (uint32_t)LOW(320);
	sv[0] = 3;
	sv[1] = 4;
	assert_string_equal(DH("socketcall", 8, LOW(256), 0, 0, 0, 0, 0),
			    "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0");
	/* send exists only through socketcall */
	words[0] = 3;
	words[1] = (uint32_t)LOW(0);
	words[2] = 3;
	words[3] = 0x40;   /* MSG_DONTWAIT */
	assert_string_equal(DH("socketcall", 9, LOW(256), 0, 0, 0, 0, 3),
			    "send(3, \"cde\", 3, MSG_DONTWAIT) = 3");
	/* an unreadable argument block leaves it as socketcall */
	snprintf(want, sizeof(want), "socketcall(9, %#llx) = 3",
		 (unsigned long long)LOW(4096 - 8));
	assert_string_equal(DH("socketcall", 9, LOW(4096 - 8), 0, 0, 0, 0, 3),
			    want);

	/* struct user_desc; entry_number -1 gets the chosen slot at exit */
	ud[0] = 0xffffffffu;
	ud[1] = 0xf7f7e580u;
	ud[2] = 0xfffff;
	ud[3] = 0x51;   /* seg_32bit, limit_in_pages, useable */
	assert_string_equal(DH("set_thread_area", LOW(384), 0, 0, 0, 0, 0, 0),
			    "set_thread_area({entry_number=-1, base_addr=0xf7f7e580, "
			    "limit=0x0fffff, seg_32bit=1, contents=0, read_exec_only=0, "
			    "limit_in_pages=1, seg_not_present=0, useable=1}) = 0 "
			    "(entry_number=-1)");

	/* clone3's tls is a user_desc too on i386 */
	{
		uint64_t *ca = (uint64_t *)(low + 640);

		memset(ca, 0, 88);
		ca[0] = 0x80000;   /* CLONE_SETTLS */
		ca[7] = LOW(384);
		ud[0] = 12;
		assert_non_null(strstr(DH("clone3", LOW(640), 88, 0, 0, 0, 0, 0),
				       "tls={entry_number=12, base_addr=0xf7f7e580, "
				       "limit=0x0fffff, seg_32bit=1"));
	}
}

/* How many times the log so far has the personality line for mode. */
static int
mode_lines(const char *mode)
{
	char line[96];
	int n = 0;
	const char *p;

	dh_last_line();	/* flushes and reads the whole log into dh_text */
	snprintf(line, sizeof(line), "[ Process PID=%d runs in %s mode. ]\n",
		 (int)getpid(), mode);
	for (p = dh_text; (p = strstr(p, line)); p++)
		n++;
	return n;
}

/* src/personality.c: a line when the arch of a tracee's stops changes */
static void
test_personality_lines(void **state)
{
	(void)state;
	dh_arch = ARCH_X86_64;
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 7), "getpid() = 7");
	assert_int_equal(mode_lines("64 bit"), 0);
	dh_arch = ARCH_I386;
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 7), "getpid() = 7");
	assert_int_equal(mode_lines("32 bit"), 1);
	/* the same arch again: nothing new */
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 7), "getpid() = 7");
	assert_int_equal(mode_lines("32 bit"), 1);
	dh_arch = ARCH_X86_64;
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 7), "getpid() = 7");
	assert_int_equal(mode_lines("64 bit"), 1);
	/* -q hides it, as strace's --quiet=personality */
	opts.quiet = 1;
	opts.quiet_set = QUIET_ATTACH | QUIET_PERSONALITY;   /* as -q sets it */
	dh_arch = ARCH_I386;
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 7), "getpid() = 7");
	assert_int_equal(mode_lines("32 bit"), 1);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_same_row_for_shared_names),
		cmocka_unit_test_setup_teardown(test_same_line_on_every_arch,
						setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_timespec_layouts, setup,
						dh_teardown),
		cmocka_unit_test_setup_teardown(test_i386_only_calls, setup,
						dh_teardown),
		cmocka_unit_test_setup_teardown(test_personality_lines, setup,
						dh_teardown),
	};

	setenv("TZ", "UTC", 1);
	return cmocka_run_group_tests_name("decode_arch", tests, NULL, NULL);
}
