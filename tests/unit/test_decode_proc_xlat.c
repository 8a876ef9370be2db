/*
 * test_decode_proc_xlat.c - the tables of src/decode/process.c walked
 * entry by entry through the decoders that use them, and what
 * test_decode_proc.c leaves out: execveat, unknown-bit comments, futex's
 * unknown operations, -X for futex.  Expected lines are strace 6.1's for
 * the same calls (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <fcntl.h>
#include <linux/futex.h>
#include <sys/resource.h>
#include <sys/wait.h>

#include "decode/process.c"
#include "decode_harness.h"
#include "xlat_check.h"

#define AT_CWD ((uint64_t)(int64_t)AT_FDCWD)

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

static void
test_execveat(void **state)
{
	/* pointer arrays of the pass's word size */
	static uint64_t argv[3], envp[2];

	(void)state;
	if (dh_compat()) {
		uint32_t *a = (uint32_t *)argv, *e = (uint32_t *)envp;

		a[0] = (uint32_t)(uintptr_t)"x";
		a[1] = (uint32_t)(uintptr_t)"y";
		e[0] = (uint32_t)(uintptr_t)"A=1";
	} else {
		argv[0] = (uintptr_t)"x";
		argv[1] = (uintptr_t)"y";
		envp[0] = (uintptr_t)"A=1";
	}
	assert_string_equal(DH("execveat", 99, "/nonexist", argv, envp, AT_EMPTY_PATH | 0x40000000, 0, -22),
			    fmt("execveat(99, \"/nonexist\", [\"x\", \"y\"], %#lx /* 1 var */, AT_EMPTY_PATH|0x40000000) = -1 EINVAL (Invalid argument)", (uintptr_t)envp));
	assert_string_equal(DH("execveat", AT_CWD, "", argv, dh_unmapped(), 0, 0, -2),
			    fmt("execveat(AT_FDCWD, \"\", [\"x\", \"y\"], %#lx, 0) = -1 ENOENT (No such file or directory)", dh_unmapped()));
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("execveat", 99, "/nonexist", argv, envp, AT_EMPTY_PATH | 0x40000000, 0, -22),
			    fmt("execveat(99, \"/nonexist\", [\"x\", \"y\"], %#lx /* 1 var */, 0x40001000 /* AT_EMPTY_PATH|0x40000000 */) = -1 EINVAL (Invalid argument)", (uintptr_t)envp));
}

static void
test_unknown_bits(void **state)
{
	static int st;
	static siginfo_t si;
	static char buf[8];

	(void)state;
	assert_string_equal(DH("wait4", -1, &st, 0x10000000, 0, 0, 0, -22),
			    fmt("wait4(-1, %#lx, 0x10000000 /* W??? */, NULL) = -1 EINVAL (Invalid argument)", (uintptr_t)&st));
	assert_string_equal(DH("waitid", P_PID, 0, &si, 0x10000000, 0, 0, -22),
			    fmt("waitid(P_PID, 0, %#lx, 0x10000000 /* W??? */, NULL) = -1 EINVAL (Invalid argument)", (uintptr_t)&si));
	assert_string_equal(DH("getrandom", buf, 8, 0x40000000, 0, 0, 0, -22),
			    fmt("getrandom(%#lx, 8, 0x40000000 /* GRND_??? */) = -1 EINVAL (Invalid argument)", (uintptr_t)buf));
	assert_string_equal(DH("unshare", 1, 0, 0, 0, 0, 0, -22),
			    "unshare(0x1 /* CLONE_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("setns", 99, 1, 0, 0, 0, 0, -9),
			    "setns(99, 0x1 /* CLONE_NEW??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("unshare", 0x40000000, 0, 0, 0, 0, 0, 0),
			    "unshare(CLONE_NEWNET) = 0");
	{
		static uint64_t args[11] = { 0x400000 };

		assert_string_equal(DH("clone3", args, 88, 0, 0, 0, 0, -22),
				    "clone3({flags=0x400000 /* CLONE_??? */, exit_signal=0, stack=NULL, stack_size=0}, 88) = -1 EINVAL (Invalid argument)");
		args[0] = 0x400100;
		assert_string_equal(DH("clone3", args, 88, 0, 0, 0, 0, -22),
				    "clone3({flags=CLONE_VM|0x400000, exit_signal=0, stack=NULL, stack_size=0}, 88) = -1 EINVAL (Invalid argument)");
	}
	opts.xmode = XMODE_VERBOSE;
	assert_string_equal(DH("unshare", 0x40000000, 0, 0, 0, 0, 0, 0),
			    "unshare(0x40000000 /* CLONE_NEWNET */) = 0");
}

static void
test_futex_unknown(void **state)
{
	static uint32_t fu;

	(void)state;
	assert_string_equal(DH("futex", &fu, 77, 1, 0, 0, 0, -38),
			    fmt("futex(%#lx, 0x4d /* FUTEX_??? */, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)", (uintptr_t)&fu));
	snprintf(want, sizeof(want), "futex(%#lx, FUTEX_WAKE_OP, 1, 1, %#lx, 0x7<<28 /* FUTEX_OP_??? */|0<<12|0x9<<24 /* FUTEX_OP_CMP_??? */|0) = -1 ENOSYS (Function not implemented)",
		 (unsigned long)(uintptr_t)&fu, (unsigned long)(uintptr_t)&fu);
	assert_string_equal(DH("futex", &fu, FUTEX_WAKE_OP, 1, 1, &fu, (7u << 28) | (9u << 24), -38), want);
	opts.xmode = XMODE_RAW;
	assert_string_equal(DH("futex", &fu, 77, 1, 0, 0, 0, -38),
			    fmt("futex(%#lx, 0x4d, 1, NULL, NULL, 0) = -1 ENOSYS (Function not implemented)", (uintptr_t)&fu));
	snprintf(want, sizeof(want), "futex(%#lx, 0x5, 1, 1, %#lx, 0x7<<28 /* FUTEX_OP_??? */|0<<12|0x9<<24 /* FUTEX_OP_CMP_??? */|0) = -1 ENOSYS (Function not implemented)",
		 (unsigned long)(uintptr_t)&fu, (unsigned long)(uintptr_t)&fu);
	assert_string_equal(DH("futex", &fu, FUTEX_WAKE_OP, 1, 1, &fu, (7u << 28) | (9u << 24), -38), want);
	opts.xmode = XMODE_VERBOSE;
	snprintf(want, sizeof(want), "futex(%#lx, 0x5 /* FUTEX_WAKE_OP */, 1, 1, %#lx, 0x7<<28 /* FUTEX_OP_??? */|0<<12|0x9<<24 /* FUTEX_OP_CMP_??? */|0) = -1 ENOSYS (Function not implemented)",
		 (unsigned long)(uintptr_t)&fu, (unsigned long)(uintptr_t)&fu);
	assert_string_equal(DH("futex", &fu, FUTEX_WAKE_OP, 1, 1, &fu, (7u << 28) | (9u << 24), -38), want);
}

/* restart_syscall names the call it resumes, once ftrace-c saw it cut */
static void
test_restart_syscall(void **state)
{
	static int64_t ts[2] = { 1, 0 };

	(void)state;
	assert_string_equal(DH("nanosleep", ts, 0, 0, 0, 0, 0, -516),
			    "nanosleep({tv_sec=1, tv_nsec=0}, NULL) = ? ERESTART_RESTARTBLOCK (Interrupted by signal)");
	assert_string_equal(DH("restart_syscall", 0, 0, 0, 0, 0, 0, 0),
			    "restart_syscall(<... resuming interrupted nanosleep ...>) = 0");
}

static const char *
run_clone3_flags(uint64_t v)
{
	/* struct clone_args: flags is 64-bit (unshare takes an int) */
	static uint64_t args[11];

	memset(args, 0, sizeof(args));
	args[0] = v;
	return DH("clone3", args, sizeof(args), 0, 0, 0, 0, -22);
}

static const char *
run_clone_flags(uint64_t v)
{
	/* the low byte is the exit signal */
	return DH("clone", v & ~0xffull, 0, 0, 0, 0, 0, -22);
}

static const char *
run_wait_opts(uint64_t v)
{
	return DH("wait4", -1, 0, v, 0, 0, 0, -10);
}

static const char *
run_ptrace_event(uint64_t v)
{
	static int st;

	st = (int)((v << 16) | (SIGTRAP << 8) | 0x7f);
	return DH("wait4", -1, &st, __WALL, 0, 0, 0, 42);
}

static const char *
run_idtype(uint64_t v)
{
	return DH("waitid", v, 0, 0, WEXITED, 0, 0, -22);
}

static const char *
run_rlimit(uint64_t v)
{
	return DH("getrlimit", v, 0, 0, 0, 0, 0, -14);
}

static const char *
run_rusage(uint64_t v)
{
	return DH("getrusage", v, 0, 0, 0, 0, 0, -14);
}

static const char *
run_grnd(uint64_t v)
{
	return DH("getrandom", 0, 0, v, 0, 0, 0, -14);
}

static const char *
run_futex_op(uint64_t v)
{
	return DH("futex", 0x1000, FUTEX_WAKE_OP, 1, 1, 0x1000, (uint32_t)v << 28, 0);
}

static const char *
run_futex_cmp(uint64_t v)
{
	return DH("futex", 0x1000, FUTEX_WAKE_OP, 1, 1, 0x1000, (uint32_t)v << 24, 0);
}

static const char *
run_futex_bitset(uint64_t v)
{
	return DH("futex", 0x1000, FUTEX_WAKE_BITSET, 1, 0, 0, v, 0);
}

static void
test_proc_tables(void **state)
{
	(void)state;
	XLAT_CHECK(clone3_flags, XC_FLAGS, run_clone3_flags);
	/* after the exit signal: no comment (test_decode_proc.c) */
	XLAT_CHECK(clone_flags, XC_FLAGS | XC_NOCMT | XC_NOUNKNOWN, run_clone_flags);
	XLAT_CHECK(wait_opts, XC_FLAGS, run_wait_opts);
	/* inside the status: "|PTRACE_EVENT_FORK<<16" */
	XLAT_CHECK(ptrace_events, XC_VALUES | XC_NOX, run_ptrace_event);
	XLAT_CHECK(idtypes, XC_VALUES, run_idtype);
	XLAT_CHECK(rlimits, XC_VALUES, run_rlimit);
	XLAT_CHECK(rusage_who, XC_VALUES | XC_NOUNKNOWN, run_rusage);
	XLAT_CHECK(grnd, XC_FLAGS, run_grnd);
	/* 3- and 4-bit fields: their unknown values in test_futex_unknown */
	XLAT_CHECK(futex_ops, XC_VALUES | XC_NOUNKNOWN | XC_NOX, run_futex_op);
	XLAT_CHECK(futex_cmps, XC_VALUES | XC_NOUNKNOWN | XC_NOX, run_futex_cmp);
	XLAT_CHECK(futex_bitset, XC_VALUES, run_futex_bitset);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_execveat, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_unknown_bits, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_futex_unknown, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_restart_syscall, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_proc_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_proc_xlat", tests, NULL, NULL);
}
