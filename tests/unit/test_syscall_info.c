/*
 * test_syscall_info.c - raw PTRACE_GET_SYSCALL_INFO records into struct
 * sc_rec (src/syscall_info.c), including the compat narrowing rules.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <string.h>
#include <sys/ptrace.h>

#include "syscall_info.h"
#include "sysent.h"

static struct sc_rec
parse_entry(uint32_t arch, uint64_t nr, const uint64_t args[6])
{
	struct __ptrace_syscall_info si;
	struct sc_rec rec;

	memset(&si, 0, sizeof(si));
	memset(&rec, 0, sizeof(rec));
	si.op = PTRACE_SYSCALL_INFO_ENTRY;
	si.arch = arch;
	si.instruction_pointer = 0x401000;
	si.entry.nr = nr;
	memcpy(si.entry.args, args, 6 * sizeof(uint64_t));
	syscall_info_parse(&si, sizeof(si), &rec);
	return rec;
}

static struct sc_rec
parse_exit(uint32_t arch, int64_t rval, int is_error)
{
	struct __ptrace_syscall_info si;
	struct sc_rec rec;

	memset(&si, 0, sizeof(si));
	memset(&rec, 0, sizeof(rec));
	si.op = PTRACE_SYSCALL_INFO_EXIT;
	si.arch = arch;
	si.exit.rval = rval;
	si.exit.is_error = (uint8_t)is_error;
	syscall_info_parse(&si, sizeof(si), &rec);
	return rec;
}

static void
test_entry_x86_64(void **state)
{
	const uint64_t args[6] = { (uint64_t)-100, 0x7ffd0000, 0x80000, 0, 0, 0 };
	struct sc_rec r = parse_entry(ARCH_X86_64, 257, args);

	(void)state;
	assert_int_equal(r.op, SC_OP_ENTRY);
	assert_int_equal(r.arch, ARCH_X86_64);
	assert_int_equal(r.wordsize, 8);
	assert_int_equal(r.nr, 257);
	assert_int_equal(r.ip, 0x401000);
	assert_true(r.args[0] == (uint64_t)-100);
	assert_true(r.args[1] == 0x7ffd0000);
}

static void
test_entry_i386_truncates(void **state)
{
	/* The kernel zero-extends compat args: fd -1 arrives as 0xffffffff. */
	const uint64_t args[6] = { 0, 8192, 3, 0x22, 0xffffffffULL, 0 };
	struct sc_rec r = parse_entry(ARCH_I386, 192, args);

	(void)state;
	assert_int_equal(r.wordsize, 4);
	assert_true(r.args[4] == 0xffffffffULL);
	assert_int_equal((int)r.args[4], -1);
}

static void
test_exit_values(void **state)
{
	struct sc_rec r;

	(void)state;
	r = parse_exit(ARCH_X86_64, -2, 1);
	assert_int_equal(r.op, SC_OP_EXIT);
	assert_true(r.is_error);
	assert_int_equal(r.rval, -2);
	r = parse_exit(ARCH_X86_64, 0x7f0000001000LL, 0);
	assert_false(r.is_error);
	assert_true(r.rval == 0x7f0000001000LL);
	/* Compat success: zero-extended, kept unsigned (mmap2 addresses). */
	r = parse_exit(ARCH_I386, 4159950848LL, 0);
	assert_true(r.rval == 4159950848LL);
	/* Compat error: sign-extended to a negative errno. */
	r = parse_exit(ARCH_I386, (int64_t)0xfffffffeULL, 1);
	assert_int_equal(r.rval, -2);
}

static void
test_short_record(void **state)
{
	struct __ptrace_syscall_info si;
	struct sc_rec r;

	(void)state;
	/* A kernel that fills only the common header: op NONE, no garbage. */
	memset(&si, 0xff, sizeof(si));
	si.op = PTRACE_SYSCALL_INFO_NONE;
	si.arch = ARCH_AARCH64;
	syscall_info_parse(&si, offsetof(struct __ptrace_syscall_info, entry), &r);
	assert_int_equal(r.op, SC_OP_NONE);
	assert_int_equal(r.arch, ARCH_AARCH64);
	assert_int_equal(r.wordsize, 8);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entry_x86_64),
		cmocka_unit_test(test_entry_i386_truncates),
		cmocka_unit_test(test_exit_values),
		cmocka_unit_test(test_short_record),
	};

	return cmocka_run_group_tests_name("syscall_info", tests, NULL, NULL);
}
