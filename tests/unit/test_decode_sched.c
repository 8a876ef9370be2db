/*
 * test_decode_sched.c - src/decode/sched.c through the real dispatcher:
 * scheduler policies, params and attrs, affinity, sched_rr_get_interval,
 * priorities, ioprio, membarrier, sysinfo, times, get_robust_list.  The
 * kernel's outputs are filled in synthetically; expected lines are
 * strace 6.1's for the same values (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <sched.h>
#include <sys/resource.h>
#include <sys/sysinfo.h>
#include <sys/times.h>

#include "decode/sched.c"
#include "decode_harness.h"
#include "xlat_check.h"

static char want[1024];

static const char *
fmt(const char *f, uintptr_t a)
{
	snprintf(want, sizeof(want), f, (unsigned long)a);
	return want;
}

/* struct sched_attr, as the kernel lays it out (56 bytes) */
struct k_sched_attr {
	uint32_t size, sched_policy;
	uint64_t sched_flags;
	int32_t sched_nice;
	uint32_t sched_priority;
	uint64_t sched_runtime, sched_deadline, sched_period;
	uint32_t util_min, util_max;
};

static void
test_policies(void **state)
{
	static int prio = 5;
	static struct k_sched_attr a;

	(void)state;
	assert_string_equal(DH("sched_getscheduler", 0, 0, 0, 0, 0, 0, 0),
			    "sched_getscheduler(0) = 0 (SCHED_OTHER)");
	assert_string_equal(DH("sched_setscheduler", 0, 77, &prio, 0, 0, 0, -22),
			    "sched_setscheduler(0, 0x4d /* SCHED_??? */, [5]) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("sched_setscheduler", 0, 0x40000001, &prio, 0, 0, 0, 0),
			    "sched_setscheduler(0, 0x40000001 /* SCHED_??? */, [5]) = 0");
	assert_string_equal(DH("sched_setscheduler", 0, SCHED_RR, dh_unmapped(), 0, 0, 0, -14),
			    fmt("sched_setscheduler(0, SCHED_RR, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("sched_get_priority_max", 99, 0, 0, 0, 0, 0, -22),
			    "sched_get_priority_max(0x63 /* SCHED_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("sched_get_priority_min", SCHED_RR, 0, 0, 0, 0, 0, 1),
			    "sched_get_priority_min(SCHED_RR) = 1");
	prio = 0;
	assert_string_equal(DH("sched_getparam", 0, &prio, 0, 0, 0, 0, 0),
			    "sched_getparam(0, [0]) = 0");
	assert_string_equal(DH("sched_setparam", 0, &prio, 0, 0, 0, 0, 0),
			    "sched_setparam(0, [0]) = 0");
	a = (struct k_sched_attr){ .size = 56, .sched_flags = 0x40000001,
				   .sched_nice = 3 };
	assert_string_equal(DH("sched_setattr", 0, &a, 0, 0, 0, 0, -22),
			    "sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=SCHED_FLAG_RESET_ON_FORK|0x40000000, sched_nice=3, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)");
	a.sched_flags = 0x40000000;
	assert_string_equal(DH("sched_setattr", 0, &a, 0, 0, 0, 0, -22),
			    "sched_setattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0x40000000 /* SCHED_FLAG_??? */, sched_nice=3, sched_priority=0, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 0) = -1 EINVAL (Invalid argument)");
	a = (struct k_sched_attr){ .size = 56, .sched_policy = SCHED_FIFO,
				   .sched_flags = 1, .sched_priority = 5 };
	assert_string_equal(DH("sched_getattr", 0, &a, 56, 0, 0, 0, 0),
			    "sched_getattr(0, {size=56, sched_policy=SCHED_FIFO, sched_flags=SCHED_FLAG_RESET_ON_FORK, sched_nice=0, sched_priority=5, sched_runtime=0, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 56, 0) = 0");
	assert_string_equal(DH("sched_getattr", 0, &a, 56, 0, 0, 0, -22),
			    fmt("sched_getattr(0, %#lx, 56, 0) = -1 EINVAL (Invalid argument)", (uintptr_t)&a));
}

static void
test_affinity_interval(void **state)
{
	static unsigned long mask[2] = { 3, 0 };
	static struct timespec ts;

	(void)state;
	assert_string_equal(DH("sched_setaffinity", 0, 16, mask, 0, 0, 0, 0),
			    "sched_setaffinity(0, 16, [0 1]) = 0");
	assert_string_equal(DH("sched_getaffinity", 0, 16, mask, 0, 0, 0, 16),
			    "sched_getaffinity(0, 16, [0 1]) = 16");
	assert_string_equal(DH("sched_getaffinity", 0, 16, dh_unmapped(), 0, 0, 0, -14),
			    fmt("sched_getaffinity(0, 16, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	assert_string_equal(DH("sched_rr_get_interval", 0, &ts, 0, 0, 0, 0, 0),
			    "sched_rr_get_interval(0, {tv_sec=0, tv_nsec=0}) = 0");
	assert_string_equal(DH("sched_rr_get_interval", 0, dh_unmapped(), 0, 0, 0, 0, -14),
			    fmt("sched_rr_get_interval(0, %#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
}

static void
test_priorities(void **state)
{
	(void)state;
	assert_string_equal(DH("setpriority", 9, 0, 5, 0, 0, 0, -22),
			    "setpriority(0x9 /* PRIO_??? */, 0, 5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("getpriority", PRIO_USER, 0, 0, 0, 0, 0, 40),
			    "getpriority(PRIO_USER, 0) = 40");
	assert_string_equal(DH("ioprio_set", 9, 0, 0, 0, 0, 0, -22),
			    "ioprio_set(0x9 /* IOPRIO_WHO_??? */, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0)) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("ioprio_set", 1, 0, (2 << 13) | 4, 0, 0, 0, 0),
			    "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0");
	assert_string_equal(DH("ioprio_set", 1, 0, (7 << 13) | 4, 0, 0, 0, -22),
			    "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(0x7 /* IOPRIO_CLASS_??? */, 4)) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("ioprio_get", 1, 0, 0, 0, 0, 0, 16388),
			    "ioprio_get(IOPRIO_WHO_PROCESS, 0) = 16388 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4))");
	assert_string_equal(DH("membarrier", 0, 0, 0, 0, 0, 0, 0x3ff),
			    "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3ff (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED|MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED|MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE|MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ|MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ|0x200)");
	assert_string_equal(DH("membarrier", 0x4000, 0, 0, 0, 0, 0, -22),
			    "membarrier(0x4000 /* MEMBARRIER_CMD_??? */, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("membarrier", 0x18, 0, 0, 0, 0, 0, -22),
			    "membarrier(0x18 /* MEMBARRIER_CMD_??? */, 0) = -1 EINVAL (Invalid argument)");
}

static void
test_sysinfo_times(void **state)
{
	static struct sysinfo si;
	static struct tms t;
	static uint64_t head = 0x7f8d1188aa20, len = 24;

	(void)state;
	memset(&si, 0, sizeof(si));
	si.uptime = 9662;
	si.loads[0] = 971456;
	si.loads[1] = 658304;
	si.loads[2] = 390720;
	si.totalram = 25276026880ul;
	si.freeram = 24085147648ul;
	si.sharedram = 9097216;
	si.bufferram = 11333632;
	si.procs = 234;
	si.mem_unit = 1;
	if (dh_compat()) {
		/* i386's struct sysinfo: 32-bit longs, so 4 KiB memory units */
		static uint32_t si32[16];

		DH_PACK(si32, "llllllllllhhlli", 9662, 971456, 658304, 390720,
			6170905, 5880163, 2221, 2767, 0, 0, 234, 0, 0, 0, 4096);
		assert_string_equal(DH("sysinfo", si32, 0, 0, 0, 0, 0, 0),
				    "sysinfo({uptime=9662, loads=[971456, 658304, 390720], totalram=6170905, freeram=5880163, sharedram=2221, bufferram=2767, totalswap=0, freeswap=0, procs=234, totalhigh=0, freehigh=0, mem_unit=4096}) = 0");
	} else {
		assert_string_equal(DH("sysinfo", &si, 0, 0, 0, 0, 0, 0),
				    "sysinfo({uptime=9662, loads=[971456, 658304, 390720], totalram=25276026880, freeram=24085147648, sharedram=9097216, bufferram=11333632, totalswap=0, freeswap=0, procs=234, totalhigh=0, freehigh=0, mem_unit=1}) = 0");
	}
	assert_string_equal(DH("sysinfo", dh_unmapped(), 0, 0, 0, 0, 0, -14),
			    fmt("sysinfo(%#lx) = -1 EFAULT (Bad address)", dh_unmapped()));
	memset(&t, 0, sizeof(t));
	assert_string_equal(DH("times", &t, 0, 0, 0, 0, 0, 1718923043),
			    "times({tms_utime=0, tms_stime=0, tms_cutime=0, tms_cstime=0}) = 1718923043");
	assert_string_equal(DH("times", 0, 0, 0, 0, 0, 0, 1718923043),
			    "times(NULL) = 1718923043");
	/* head and len are a pointer and a size_t: 32 bits on i386 */
	dh_narrow(&head, 1);
	dh_narrow(&len, 1);
	assert_string_equal(DH("get_robust_list", 0, &head, &len, 0, 0, 0, 0),
			    dh_compat() ? "get_robust_list(0, [0x1188aa20], [24]) = 0" :
			    "get_robust_list(0, [0x7f8d1188aa20], [24]) = 0");
}

static const char *
run_policy(uint64_t v)
{
	return DH("sched_get_priority_max", v, 0, 0, 0, 0, 0, -22);
}

static const char *
run_prio_which(uint64_t v)
{
	return DH("getpriority", v, 0, 0, 0, 0, 0, -22);
}

static const char *
run_ioprio_who(uint64_t v)
{
	return DH("ioprio_get", v, 0, 0, 0, 0, 0, -22);
}

static const char *
run_ioprio_class(uint64_t v)
{
	return DH("ioprio_set", 1, 0, v << 13, 0, 0, 0, -22);
}

static const char *
run_sched_flags(uint64_t v)
{
	static struct k_sched_attr a;

	a = (struct k_sched_attr){ .size = 56, .sched_flags = v };
	return DH("sched_setattr", 0, &a, 0, 0, 0, 0, -22);
}

static const char *
run_membarrier(uint64_t v)
{
	return DH("membarrier", v, 0, 0, 0, 0, 0, -22);
}

static void
test_sched_tables(void **state)
{
	(void)state;
	XLAT_CHECK(sched_policies, XC_VALUES, run_policy);
	XLAT_CHECK(prio_which, XC_VALUES, run_prio_which);
	XLAT_CHECK(ioprio_who, XC_VALUES, run_ioprio_who);
	/* a 3-bit field inside IOPRIO_PRIO_VALUE(): -X does not reach it */
	XLAT_CHECK(ioprio_classes, XC_VALUES | XC_NOX, run_ioprio_class);
	XLAT_CHECK(sched_flags, XC_FLAGS, run_sched_flags);
	XLAT_CHECK(membarrier_cmds, XC_VALUES, run_membarrier);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_policies, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_affinity_interval, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_priorities, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sysinfo_times, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sched_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_sched", tests, NULL, NULL);
}
