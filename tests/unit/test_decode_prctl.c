/*
 * test_decode_prctl.c - src/decode/prctl.c through the real dispatcher:
 * prctl (options, their arguments, special results), arch_prctl,
 * personality.  Expected lines are strace 6.1's for the same calls
 * (x86_64); every table is walked (xlat_check.h).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sys/prctl.h>

#include "decode/prctl.c"
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
test_prctl_values(void **state)
{
	(void)state;
	assert_string_equal(DH("prctl", PR_SET_DUMPABLE, 7, 0, 0, 0, 0, -22),
			    "prctl(PR_SET_DUMPABLE, 0x7 /* SUID_DUMP_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_GET_DUMPABLE, 0, 0, 0, 0, 0, 1),
			    "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	assert_string_equal(DH("prctl", PR_SET_SECUREBITS, 0x40000000, 0, 0, 0, 0, -1),
			    "prctl(PR_SET_SECUREBITS, 0x40000000 /* SECBIT_??? */) = -1 EPERM (Operation not permitted)");
	assert_string_equal(DH("prctl", PR_SET_SECUREBITS, 3, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_SECUREBITS, SECBIT_NOROOT|SECBIT_NOROOT_LOCKED) = 0");
	assert_string_equal(DH("prctl", PR_GET_SECUREBITS, 0, 0, 0, 0, 0, 3),
			    "prctl(PR_GET_SECUREBITS) = 0x3 (SECBIT_NOROOT|SECBIT_NOROOT_LOCKED)");
	assert_string_equal(DH("prctl", PR_SET_SECCOMP, 9, 0, 0, 0, 0, -22),
			    "prctl(PR_SET_SECCOMP, 0x9 /* SECCOMP_MODE_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_MCE_KILL, 9, 0, 0, 0, 0, -22),
			    "prctl(PR_MCE_KILL, 0x9 /* PR_MCE_KILL_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_MCE_KILL, 1, 7, 0, 0, 0, -22),
			    "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, 0x7 /* PR_MCE_KILL_??? */, 0, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_MCE_KILL_GET, 0, 0, 0, 0, 0, 0),
			    "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 0 (PR_MCE_KILL_LATE)");
	assert_string_equal(DH("prctl", PR_CAP_AMBIENT, 9, 0, 0, 0, 0, -22),
			    "prctl(PR_CAP_AMBIENT, 0x9 /* PR_CAP_AMBIENT_??? */, 0, 0, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_CAP_AMBIENT, 2, 77, 0, 0, 0, -22),
			    "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_RAISE, 0x4d /* CAP_??? */, 0, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", PR_GET_SPECULATION_CTRL, 9, 0, 0, 0, 0, -19),
			    "prctl(PR_GET_SPECULATION_CTRL, 0x9 /* PR_SPEC_??? */) = -1 ENODEV (No such device)");
	assert_string_equal(DH("prctl", PR_GET_SPECULATION_CTRL, 0, 0, 0, 0, 0, 2),
			    "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x2 (PR_SPEC_ENABLE)");
	assert_string_equal(DH("prctl", PR_SET_SPECULATION_CTRL, 0, 0x40000000, 0, 0, 0, -6),
			    "prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x40000000 /* PR_SPEC_??? */) = -1 ENXIO (No such device or address)");
	/* the control is a value, not flags */
	assert_string_equal(DH("prctl", PR_SET_SPECULATION_CTRL, 0, 0x40000004, 0, 0, 0, -6),
			    "prctl(PR_SET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS, 0x40000004 /* PR_SPEC_??? */) = -1 ENXIO (No such device or address)");
	assert_string_equal(DH("prctl", PR_SET_MM, 99, 0, 0, 0, 0, -1),
			    "prctl(PR_SET_MM, 0x63 /* PR_SET_MM_??? */, 0, 0, 0) = -1 EPERM (Operation not permitted)");
	assert_string_equal(DH("prctl", PR_SET_TSC, 9, 0, 0, 0, 0, -22),
			    "prctl(PR_SET_TSC, 0x9 /* PR_TSC_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 62, 9, 0, 0, 0, 0, -22),
			    "prctl(PR_SCHED_CORE, 0x9 /* PR_SCHED_CORE_??? */, 0, 0 /* PIDTYPE_PID */, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 62, 1, 0, 1, 0, 0, -22),
			    "prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 0x1 /* PIDTYPE_TGID */, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 62, 1, 0, 7, 0, 0, -22),
			    "prctl(PR_SCHED_CORE, PR_SCHED_CORE_CREATE, 0, 0x7 /* PIDTYPE_??? */, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 999, 1, 2, 3, 4, 0, -22),
			    "prctl(0x3e7 /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
}

static void
test_prctl_memory(void **state)
{
	static char name[16] = "abc";
	static int v = 9;
	char *part = dh_partial("abcd", 4);

	(void)state;
	assert_string_equal(DH("prctl", PR_SET_NAME, name, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_NAME, \"abc\") = 0");
	/* a name running into an unreadable page: its address */
	assert_string_equal(DH("prctl", PR_SET_NAME, part, 0, 0, 0, 0, -14),
			    fmt("prctl(PR_SET_NAME, %#lx) = -1 EFAULT (Bad address)", (uintptr_t)part));
	/* no NUL in the 16 bytes: 15 characters and "..." (not -s) */
	part = dh_partial("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa", 50);
	assert_string_equal(DH("prctl", PR_SET_NAME, part, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_NAME, \"aaaaaaaaaaaaaaa\"...) = 0");
	assert_string_equal(DH("prctl", PR_GET_NAME, name, 0, 0, 0, 0, 0),
			    "prctl(PR_GET_NAME, \"abc\") = 0");
	assert_string_equal(DH("prctl", PR_GET_NAME, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("prctl(PR_GET_NAME, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("prctl", PR_SET_PDEATHSIG, 9, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_PDEATHSIG, SIGKILL) = 0");
	assert_string_equal(DH("prctl", PR_GET_PDEATHSIG, &v, 0, 0, 0, 0, 0),
			    "prctl(PR_GET_PDEATHSIG, [SIGKILL]) = 0");
	v = 1;
	assert_string_equal(DH("prctl", PR_GET_TSC, &v, 0, 0, 0, 0, 0),
			    "prctl(PR_GET_TSC, [PR_TSC_ENABLE]) = 0");
}

static void
test_arch_prctl_personality(void **state)
{
	static uint64_t base = 0x7f0000001000;

	(void)state;
	assert_string_equal(DH("arch_prctl", 0x1001, 0x1000, 0, 0, 0, 0, 0),
			    "arch_prctl(ARCH_SET_GS, 0x1000) = 0");
	assert_string_equal(DH("arch_prctl", 0x3001, 0x1000, 0, 0, 0, 0, -22),
			    "arch_prctl(0x3001 /* ARCH_??? */, 0x1000) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("arch_prctl", 0x1003, &base, 0, 0, 0, 0, 0),
			    "arch_prctl(ARCH_GET_FS, [0x7f0000001000]) = 0");
	assert_string_equal(DH("arch_prctl", 0x1003, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("arch_prctl(ARCH_GET_FS, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("personality", 0xffffffff, 0, 0, 0, 0, 0, 0),
			    "personality(0xffffffff) = 0 (PER_LINUX)");
	assert_string_equal(DH("personality", 0x40008, 0, 0, 0, 0, 0, 0),
			    "personality(PER_LINUX32|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	assert_string_equal(DH("personality", 0x40000077, 0, 0, 0, 0, 0, 0x40008),
			    "personality(0x77 /* PER_??? */|0x40000000) = 0x40008 (PER_LINUX32|ADDR_NO_RANDOMIZE)");
}

static const char *
run_arch(uint64_t v)
{
	return DH("arch_prctl", v, 0x1000, 0, 0, 0, 0, -22);
}

static const char *
run_opt(uint64_t v)
{
	return DH("prctl", v, 0, 0, 0, 0, 0, -22);
}

static const char *
run_dumpable(uint64_t v)
{
	return DH("prctl", PR_SET_DUMPABLE, v, 0, 0, 0, 0, 0);
}

static const char *
run_secbits(uint64_t v)
{
	return DH("prctl", PR_SET_SECUREBITS, v, 0, 0, 0, 0, 0);
}

static const char *
run_seccomp(uint64_t v)
{
	return DH("prctl", PR_SET_SECCOMP, v, 0, 0, 0, 0, -22);
}

static const char *
run_mce_op(uint64_t v)
{
	return DH("prctl", PR_MCE_KILL, v, 0, 0, 0, 0, -22);
}

static const char *
run_mce_policy(uint64_t v)
{
	return DH("prctl", PR_MCE_KILL, 1, v, 0, 0, 0, -22);
}

static const char *
run_cap_ambient(uint64_t v)
{
	return DH("prctl", PR_CAP_AMBIENT, v, 0, 0, 0, 0, -22);
}

static const char *
run_spec_which(uint64_t v)
{
	return DH("prctl", PR_GET_SPECULATION_CTRL, v, 0, 0, 0, 0, -19);
}

static const char *
run_spec_flags(uint64_t v)
{
	/* the result of PR_GET_SPECULATION_CTRL: flags */
	return DH("prctl", PR_GET_SPECULATION_CTRL, 0, 0, 0, 0, 0, v);
}

static const char *
run_set_mm(uint64_t v)
{
	return DH("prctl", PR_SET_MM, v, 0, 0, 0, 0, -1);
}

static const char *
run_tsc(uint64_t v)
{
	return DH("prctl", PR_SET_TSC, v, 0, 0, 0, 0, -22);
}

static const char *
run_sched_core(uint64_t v)
{
	return DH("prctl", 62, v, 0, 0, 0, 0, -22);
}

static const char *
run_pidtype(uint64_t v)
{
	return DH("prctl", 62, 1, 0, v, 0, 0, -22);
}

static const char *
run_per_type(uint64_t v)
{
	return DH("personality", v, 0, 0, 0, 0, 0, 0);
}

static const char *
run_per_flags(uint64_t v)
{
	return DH("personality", v | 8, 0, 0, 0, 0, 0, 0);
}

static void
test_prctl_tables(void **state)
{
	(void)state;
	XLAT_CHECK(arch_prctls, XC_VALUES, run_arch);
	XLAT_CHECK(prctl_opts, XC_VALUES, run_opt);
	XLAT_CHECK(dumpable, XC_VALUES, run_dumpable);
	XLAT_CHECK(secbits, XC_FLAGS, run_secbits);
	XLAT_CHECK(seccomp_modes, XC_VALUES, run_seccomp);
	XLAT_CHECK(mce_ops, XC_VALUES, run_mce_op);
	XLAT_CHECK(mce_policies, XC_VALUES, run_mce_policy);
	XLAT_CHECK(cap_ambient_ops, XC_VALUES, run_cap_ambient);
	XLAT_CHECK(spec_which, XC_VALUES, run_spec_which);
	/* a result "= 0x2 (PR_SPEC_ENABLE)": -X does not reach it */
	XLAT_CHECK(spec_flags, XC_FLAGS | XC_NOX | XC_NOCMT, run_spec_flags);
	XLAT_CHECK(set_mm_ops, XC_VALUES, run_set_mm);
	XLAT_CHECK(tsc_modes, XC_VALUES, run_tsc);
	XLAT_CHECK(sched_core_ops, XC_VALUES, run_sched_core);
	XLAT_CHECK(pidtypes, XC_VALUES, run_pidtype);
	/* the low byte is the type: its unknown values in test_arch_prctl_personality */
	XLAT_CHECK(per_types, XC_VALUES | XC_NOUNKNOWN, run_per_type);
	XLAT_CHECK(per_flags, XC_FLAGS | XC_NOCMT, run_per_flags);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_prctl_values, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_prctl_memory, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_arch_prctl_personality, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_prctl_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_prctl", tests, NULL, NULL);
}
