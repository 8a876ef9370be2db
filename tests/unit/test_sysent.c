/*
 * test_sysent.c - the syscall tables (sysent.c, syscalls.def, the arch tables)
 * and the errno/signal names (xlat.c).
 *
 * The numbers checked here are ABI, so a wrong generated table or a row
 * whose argument count drifted shows up as a failed lookup below.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>

#include "decode.h"
#include "sysent.h"
#include "xlat.h"

/* The entry of nr on arch, which must exist and print as name. */
static const struct sysent *
expect_nr(uint32_t arch, uint64_t nr, const char *name)
{
	const struct sysent *ent = sysent_lookup(arch, nr);

	assert_non_null(ent);
	assert_string_equal(ent->name, name);
	return ent;
}

static void
test_x86_64_numbers(void **state)
{
	const struct sysent *ent;

	(void)state;
	expect_nr(ARCH_X86_64, 0, "read");
	expect_nr(ARCH_X86_64, 1, "write");
	expect_nr(ARCH_X86_64, 9, "mmap");
	expect_nr(ARCH_X86_64, 56, "clone");
	ent = expect_nr(ARCH_X86_64, 59, "execve");
	assert_ptr_equal(ent, &sysent_table[SC_execve]);
	expect_nr(ARCH_X86_64, 60, "exit");
	expect_nr(ARCH_X86_64, 231, "exit_group");
	expect_nr(ARCH_X86_64, 257, "openat");
	expect_nr(ARCH_X86_64, 262, "newfstatat");
	expect_nr(ARCH_X86_64, 435, "clone3");
	expect_nr(ARCH_X86_64, 450, "set_mempolicy_home_node");
	assert_ptr_equal(sysent_lookup(ARCH_X86_64, 56),
			 &sysent_table[SC_clone]);
}

static void
test_i386_numbers(void **state)
{
	const struct sysent *ent;

	(void)state;
	expect_nr(ARCH_I386, 1, "exit");
	expect_nr(ARCH_I386, 3, "read");
	expect_nr(ARCH_I386, 11, "execve");
	expect_nr(ARCH_I386, 252, "exit_group");
	expect_nr(ARCH_I386, 295, "openat");
	expect_nr(ARCH_I386, 300, "fstatat64");
	expect_nr(ARCH_I386, 102, "socketcall");
	expect_nr(ARCH_I386, 140, "_llseek");

	/* mmap2 takes six arguments, the old mmap one pointer to them. */
	ent = expect_nr(ARCH_I386, 192, "mmap2");
	assert_int_equal(ent->nargs, 6);
	assert_int_equal(ent->ret, RET_HEX);
	ent = expect_nr(ARCH_I386, 90, "mmap");
	assert_ptr_equal(ent, &sysent_table[SC_old_mmap]);
	assert_int_equal(ent->nargs, 1);
	assert_int_equal(ent->ret, RET_HEX);

	ent = expect_nr(ARCH_I386, 82, "select");
	assert_ptr_equal(ent, &sysent_table[SC_old_select]);
	assert_int_equal(ent->nargs, 1);
	expect_nr(ARCH_I386, 142, "_newselect");

	/* CLONE_BACKWARDS: same name, its own layout. */
	ent = expect_nr(ARCH_I386, 120, "clone");
	assert_ptr_equal(ent, &sysent_table[SC_clone_backwards]);
	assert_int_equal(ent->nargs, 5);

	/* The 64-bit offset takes two registers. */
	ent = expect_nr(ARCH_I386, 180, "pread64");
	assert_int_equal(ent->nargs, 5);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 17)->nargs, 4);
}

static void
test_aarch64_numbers(void **state)
{
	const struct sysent *ent;

	(void)state;
	expect_nr(ARCH_AARCH64, 56, "openat");
	expect_nr(ARCH_AARCH64, 63, "read");
	expect_nr(ARCH_AARCH64, 79, "newfstatat");
	expect_nr(ARCH_AARCH64, 80, "fstat");
	expect_nr(ARCH_AARCH64, 93, "exit");
	expect_nr(ARCH_AARCH64, 94, "exit_group");
	expect_nr(ARCH_AARCH64, 221, "execve");
	expect_nr(ARCH_AARCH64, 38, "renameat");
	expect_nr(ARCH_AARCH64, 163, "getrlimit");
	expect_nr(ARCH_AARCH64, 435, "clone3");
	ent = expect_nr(ARCH_AARCH64, 222, "mmap");
	assert_ptr_equal(ent, &sysent_table[SC_mmap]);
	assert_int_equal(ent->nargs, 6);
	ent = expect_nr(ARCH_AARCH64, 220, "clone");
	assert_ptr_equal(ent, &sysent_table[SC_clone_backwards]);
}

static void
test_unknown_numbers(void **state)
{
	(void)state;
	/* Holes: x86_64 335..423, arm64's arch-specific 244..259. */
	assert_null(sysent_lookup(ARCH_X86_64, 335));
	assert_null(sysent_lookup(ARCH_X86_64, 423));
	assert_null(sysent_lookup(ARCH_AARCH64, 244));
	assert_null(sysent_lookup(ARCH_AARCH64, 25 + 1000));
	/* i386 has no 222, 223, 251, 285 (never implemented). */
	assert_null(sysent_lookup(ARCH_I386, 222));
	assert_null(sysent_lookup(ARCH_I386, 251));
	/* Past the end, -1 (skipped syscall), x32 numbers. */
	assert_null(sysent_lookup(ARCH_X86_64, 451));
	assert_null(sysent_lookup(ARCH_I386, 100000));
	assert_null(sysent_lookup(ARCH_X86_64, UINT64_MAX));
	assert_null(sysent_lookup(ARCH_X86_64, 0x40000000ULL));
	assert_null(sysent_lookup(ARCH_AARCH64, (uint64_t)1 << 32));
	/* An arch we have no table for. */
	assert_null(sysent_lookup(0x40000028U /* ARM */, 0));
}

static void
test_nargs(void **state)
{
	(void)state;
	assert_int_equal(sysent_lookup(ARCH_X86_64, 59)->nargs, 3);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 9)->nargs, 6);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 257)->nargs, 4);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 322)->nargs, 5);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 39)->nargs, 0);
	assert_int_equal(sysent_lookup(ARCH_AARCH64, 56)->nargs, 4);
	assert_int_equal(sysent_lookup(ARCH_I386, 11)->nargs, 3);
}

/* Every row: nargs matches the letters, which are all known ones. */
static void
test_rows_consistent(void **state)
{
	static const char letters[] = "dlLuxpfaosSbBPZe";
	unsigned id;

	(void)state;
	assert_null(sysent_table[SC_UNKNOWN].name);
	for (id = 1; id < SC_COUNT; id++) {
		const struct sysent *ent = &sysent_table[id];

		assert_non_null(ent->name);
		assert_non_null(ent->args);
		assert_int_equal(ent->nargs, strlen(ent->args));
		assert_true(ent->nargs <= 6);
		assert_true(strspn(ent->args, letters) == ent->nargs);
		assert_true(ent->ret <= RET_FD);
		/* 'b' takes its length from the next argument. */
		if (strchr(ent->args, 'b'))
			assert_true(strchr(ent->args, 'b')[1] != '\0');
	}
}

static void
test_classes(void **state)
{
	const struct sysent *ent;

	(void)state;
	ent = sysent_lookup(ARCH_X86_64, 257);
	assert_int_equal(ent->flags & (CLS_FILE | CLS_DESC),
			 CLS_FILE | CLS_DESC);
	assert_false(ent->flags & SF_EXEC);

	ent = sysent_lookup(ARCH_X86_64, 231);
	assert_true(ent->flags & SF_NORETURN);
	assert_true(ent->flags & CLS_PROCESS);
	assert_true(sysent_lookup(ARCH_AARCH64, 93)->flags & SF_NORETURN);

	ent = sysent_lookup(ARCH_X86_64, 59);
	assert_true(ent->flags & SF_EXEC);
	assert_true(ent->flags & CLS_PROCESS);
	assert_ptr_equal(ent->decode, dec_execve);
	assert_ptr_equal(sysent_lookup(ARCH_AARCH64, 281)->decode,
			 dec_execveat);
	assert_null(sysent_lookup(ARCH_X86_64, 0)->decode);

	assert_true(sysent_lookup(ARCH_X86_64, 39)->flags & CLS_PURE);
	assert_true(sysent_lookup(ARCH_X86_64, 5)->flags & CLS_FSTAT);
	assert_true(sysent_lookup(ARCH_X86_64, 5)->flags & CLS_STAT_LIKE);
	assert_true(sysent_lookup(ARCH_X86_64, 41)->flags & CLS_NETWORK);
	assert_true(sysent_lookup(ARCH_X86_64, 228)->flags & CLS_CLOCK);

	assert_int_equal(sysent_lookup(ARCH_X86_64, 12)->ret, RET_HEX);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 95)->ret, RET_OCT);
	assert_int_equal(sysent_lookup(ARCH_X86_64, 0)->ret, RET_DEC);
}

static void
test_by_name(void **state)
{
	const struct sysent *ent;
	uint64_t nr = 12345;

	(void)state;
	ent = sysent_by_name(ARCH_X86_64, "openat", &nr);
	assert_non_null(ent);
	assert_int_equal(nr, 257);
	ent = sysent_by_name(ARCH_AARCH64, "openat", &nr);
	assert_non_null(ent);
	assert_int_equal(nr, 56);
	ent = sysent_by_name(ARCH_I386, "execve", &nr);
	assert_int_equal(nr, 11);
	assert_ptr_equal(ent, &sysent_table[SC_execve]);
	/* i386 "mmap" is the old one-argument call at 90. */
	ent = sysent_by_name(ARCH_I386, "mmap", &nr);
	assert_int_equal(nr, 90);
	assert_int_equal(ent->nargs, 1);
	/* No nr wanted. */
	assert_non_null(sysent_by_name(ARCH_X86_64, "read", NULL));
	/* Names an arch does not have. */
	assert_null(sysent_by_name(ARCH_AARCH64, "open", &nr));
	assert_null(sysent_by_name(ARCH_X86_64, "mmap2", &nr));
	assert_null(sysent_by_name(ARCH_X86_64, "no_such_call", &nr));
	assert_null(sysent_by_name(0, "read", &nr));
}

static void
test_arch_info(void **state)
{
	(void)state;
	assert_string_equal(sysent_arch_name(ARCH_X86_64), "x86_64");
	assert_string_equal(sysent_arch_name(ARCH_I386), "i386");
	assert_string_equal(sysent_arch_name(ARCH_AARCH64), "aarch64");
	assert_null(sysent_arch_name(0));
	assert_int_equal(sysent_arch_wordsize(ARCH_X86_64), 8);
	assert_int_equal(sysent_arch_wordsize(ARCH_I386), 4);
	assert_int_equal(sysent_arch_wordsize(ARCH_AARCH64), 8);
}

static void
test_errno_names(void **state)
{
	(void)state;
	assert_string_equal(xlat_errno_name(1), "EPERM");
	assert_string_equal(xlat_errno_name(2), "ENOENT");
	assert_string_equal(xlat_errno_name(11), "EAGAIN");
	assert_string_equal(xlat_errno_name(35), "EDEADLK");
	assert_string_equal(xlat_errno_name(95), "EOPNOTSUPP");
	assert_string_equal(xlat_errno_name(133), "EHWPOISON");
	assert_string_equal(xlat_errno_name(512), "ERESTARTSYS");
	assert_string_equal(xlat_errno_name(516), "ERESTART_RESTARTBLOCK");
	assert_string_equal(xlat_errno_name(530), "ERECALLCONFLICT");
	assert_null(xlat_errno_name(0));
	assert_null(xlat_errno_name(-2));
	assert_null(xlat_errno_name(41));
	assert_null(xlat_errno_name(520));
	assert_null(xlat_errno_name(531));
	assert_null(xlat_errno_name(4095));
}

static void
test_signal_names(void **state)
{
	(void)state;
	assert_string_equal(xlat_signal_name(1), "SIGHUP");
	assert_string_equal(xlat_signal_name(6), "SIGABRT");
	assert_string_equal(xlat_signal_name(7), "SIGBUS");
	assert_string_equal(xlat_signal_name(9), "SIGKILL");
	assert_string_equal(xlat_signal_name(16), "SIGSTKFLT");
	assert_string_equal(xlat_signal_name(17), "SIGCHLD");
	assert_string_equal(xlat_signal_name(29), "SIGIO");
	assert_string_equal(xlat_signal_name(30), "SIGPWR");
	assert_string_equal(xlat_signal_name(31), "SIGSYS");
	assert_string_equal(xlat_signal_name(32), "SIGRTMIN");
	assert_string_equal(xlat_signal_name(33), "SIGRT_1");
	assert_string_equal(xlat_signal_name(34), "SIGRT_2");
	assert_string_equal(xlat_signal_name(64), "SIGRT_32");
	assert_null(xlat_signal_name(0));
	assert_null(xlat_signal_name(-1));
	assert_null(xlat_signal_name(65));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_x86_64_numbers),
		cmocka_unit_test(test_i386_numbers),
		cmocka_unit_test(test_aarch64_numbers),
		cmocka_unit_test(test_unknown_numbers),
		cmocka_unit_test(test_nargs),
		cmocka_unit_test(test_rows_consistent),
		cmocka_unit_test(test_classes),
		cmocka_unit_test(test_by_name),
		cmocka_unit_test(test_arch_info),
		cmocka_unit_test(test_errno_names),
		cmocka_unit_test(test_signal_names),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
