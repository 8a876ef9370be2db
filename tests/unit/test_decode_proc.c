/*
 * test_decode_proc.c - the memory (src/decode/mem.c) and process
 * (src/decode/process.c) decoders through the real dispatcher: expected
 * lines are strace 6.1's output for the same calls.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <signal.h>
#include <sys/resource.h>
#include <sys/utsname.h>

#include "decode.h"
#include "decode_harness.h"
#include "filter.h"

/* -v: an empty abbrev= set */
static struct sc_set no_abbrev;

static char want[1024];

static void
test_mmap(void **state)
{
	(void)state;
	if (dh_compat()) {
		/*
		 * i386: "mmap" is old_mmap (test_mmap_i386); the six-argument
		 * call is mmap2 (offset in pages, printed in bytes), with
		 * 32-bit addresses.
		 */
		assert_string_equal(DH("mmap2", 0, 8192, 3, 0x22, -1, 0, 0xf7f01000),
				    "mmap2(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0xf7f01000");
		assert_string_equal(DH("mmap2", 0xf7f02000, 4096, 5, 0x812, 3, 0x26, 0xf7f02000),
				    "mmap2(0xf7f02000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0xf7f02000");
		assert_string_equal(DH("mmap2", 0, 4096, 0x101, 0x54040022, -1, 0, -22),
				    "mmap2(NULL, 4096, PROT_READ|0x100, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)");
		assert_string_equal(DH("mmap2", 0, 4096, 0x01000000, 0x20, -1, 0, -22),
				    "mmap2(NULL, 4096, PROT_GROWSDOWN, MAP_FILE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)");
		return;
	}
	assert_string_equal(DH("mmap", 0, 8192, 3, 0x22, -1, 0, 0x7f0000001000),
			    "mmap(NULL, 8192, PROT_READ|PROT_WRITE, MAP_PRIVATE|MAP_ANONYMOUS, -1, 0) = 0x7f0000001000");
	assert_string_equal(DH("mmap", 0x7f0000002000, 4096, 5, 0x812, 3, 0x26000, 0x7f0000002000),
			    "mmap(0x7f0000002000, 4096, PROT_READ|PROT_EXEC, MAP_PRIVATE|MAP_FIXED|MAP_DENYWRITE, 3, 0x26000) = 0x7f0000002000");
	/* flag order is strace's, not numeric; huge page size shifted */
	assert_string_equal(DH("mmap", 0, 4096, 0x101, 0x54040022, -1, 0, -22),
			    "mmap(NULL, 4096, PROT_READ|0x100, MAP_PRIVATE|MAP_ANONYMOUS|MAP_HUGETLB|21<<MAP_HUGE_SHIFT, -1, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mmap", 0, 4096, 0, 0x8003, -1, 0, -9),
			    "mmap(NULL, 4096, PROT_NONE, MAP_SHARED_VALIDATE|MAP_POPULATE, -1, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("mmap", 0, 4096, 0, 0x200604, -1, 0, -9),
			    "mmap(NULL, 4096, PROT_NONE, 0x4 /* MAP_??? */|0x200600, -1, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("mmap", 0, 4096, 0x01000000, 0x20, -1, 0, -22),
			    "mmap(NULL, 4096, PROT_GROWSDOWN, MAP_FILE|MAP_ANONYMOUS, -1, 0) = -1 EINVAL (Invalid argument)");
}

static void
test_mmap_i386(void **state)
{
	static const uint32_t vals[6] = { 0, 4096, 1, 2, 3, 0x1000 };
	uintptr_t bad = dh_unmapped();
	/* an i386 tracee's pointers are 32-bit: old_mmap's block must be low */
	uint32_t *args = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
			      MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);

	(void)state;
	assert_true(args != MAP_FAILED);
	memcpy(args, vals, sizeof(vals));
	dh_arch = ARCH_I386;
	assert_string_equal(DH("mmap2", 0, 4096, 1, 2, 3, 0x26, 0x1000),
			    "mmap2(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x26000) = 0x1000");
	assert_string_equal(DH("mmap", (uintptr_t)args, 0, 0, 0, 0, 0, 0x2000),
			    "mmap(NULL, 4096, PROT_READ, MAP_PRIVATE, 3, 0x1000) = 0x2000");
	munmap(args, 4096);
	/* unmapped now: the address */
	snprintf(want, sizeof(want), "mmap(%p) = -1 EFAULT (Bad address)",
		 (void *)args);
	assert_string_equal(DH("mmap", args, 0, 0, 0, 0, 0, -14), want);
	(void)bad;
}

static void
test_mprotect_mremap_madvise(void **state)
{
	(void)state;
	assert_string_equal(DH("mprotect", 0x1000, 4096, 0x40, 0, 0, 0, -22),
			    "mprotect(0x1000, 4096, 0x40 /* PROT_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mprotect", 0x1000, 4096, 0, 0, 0, 0, 0),
			    "mprotect(0x1000, 4096, PROT_NONE) = 0");
	assert_string_equal(DH("pkey_mprotect", 0x1000, 4096, 1, -1, 0, 0, 0),
			    "pkey_mprotect(0x1000, 4096, PROT_READ, -1) = 0");
	assert_string_equal(DH("mremap", 0x1000, 8192, 16384, 1, 0x5000, 0, 0x9000),
			    "mremap(0x1000, 8192, 16384, MREMAP_MAYMOVE) = 0x9000");
	assert_string_equal(DH("mremap", 0x1000, 4096, 4096, 3, 0x5000, 0, 0x5000),
			    "mremap(0x1000, 4096, 4096, MREMAP_MAYMOVE|MREMAP_FIXED, 0x5000) = 0x5000");
	assert_string_equal(DH("mremap", 0x1000, 4096, 4096, 0xfff0, 0, 0, -22),
			    "mremap(0x1000, 4096, 4096, 0xfff0 /* MREMAP_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("madvise", 0x1000, 4096, 4, 0, 0, 0, 0),
			    "madvise(0x1000, 4096, MADV_DONTNEED) = 0");
	assert_string_equal(DH("madvise", 0x1000, 4096, 1234, 0, 0, 0, -22),
			    "madvise(0x1000, 4096, 0x4d2 /* MADV_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("msync", 0x1000, 4096, 6, 0, 0, 0, 0),
			    "msync(0x1000, 4096, MS_SYNC|MS_INVALIDATE) = 0");
	assert_string_equal(DH("msync", 0x1000, 4096, 0xff, 0, 0, 0, -22),
			    "msync(0x1000, 4096, MS_SYNC|MS_ASYNC|MS_INVALIDATE|0xf8) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlockall", 7, 0, 0, 0, 0, 0, 0),
			    "mlockall(MCL_CURRENT|MCL_FUTURE|MCL_ONFAULT) = 0");
	assert_string_equal(DH("mlockall", 0, 0, 0, 0, 0, 0, -22),
			    "mlockall(0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("mlock2", 0x1000, 4096, 1, 0, 0, 0, 0),
			    "mlock2(0x1000, 4096, MLOCK_ONFAULT) = 0");
	assert_string_equal(DH("brk", 0, 0, 0, 0, 0, 0, 0x5000),
			    "brk(NULL) = 0x5000");
}

/*
 * clone's last two arguments: x86_64 has child_tid then tls; i386 and
 * aarch64 (CLONE_BACKWARDS) have tls then child_tid.  The decoder prints
 * the same text from either order.
 */
static const char *
clone_dh(uint64_t flags, uint64_t stack, uint64_t ptid, uint64_t ctid,
	 uint64_t tls, int64_t rval)
{
	if (dh_is(ARCH_X86_64))
		return DH("clone", flags, stack, ptid, ctid, tls, 0, rval);
	return DH("clone", flags, stack, ptid, tls, ctid, 0, rval);
}

static void
test_clone(void **state)
{
	static int ptid = 123;

	(void)state;
	assert_string_equal(clone_dh(0x1200011, 0, 0, 0x7f00, 0, 123),
			    "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, child_tidptr=0x7f00) = 123");
	snprintf(want, sizeof(want), "clone(child_stack=NULL, flags=CLONE_SETTLS|CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[123], tls=0x1234) = 123");
	assert_string_equal(clone_dh(0x180011, 0, (uintptr_t)&ptid, 0, 0x1234, 123), want);
	assert_string_equal(DH("clone", 0x24200, 0, 0, 0, 0, 0, -22),
			    "clone(child_stack=NULL, flags=CLONE_FS|CLONE_VFORK|CLONE_NEWNS) = -1 EINVAL (Invalid argument)");
	/* i386's flags register holds the low 32 bits only */
	assert_string_equal(DH("clone", 0x12345678000ULL | SIGUSR1, 0, 0, 0, 0, 0, -22),
			    dh_compat() ?
			    "clone(child_stack=NULL, flags=CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|CLONE_NEWUTS|CLONE_NEWNET|0x400000|SIGUSR1, child_tidptr=NULL) = -1 EINVAL (Invalid argument)" :
			    "clone(child_stack=NULL, flags=CLONE_PARENT|CLONE_THREAD|CLONE_NEWNS|CLONE_SYSVSEM|CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|CLONE_NEWUTS|CLONE_NEWNET|0x12300400000|SIGUSR1, child_tidptr=NULL) = -1 EINVAL (Invalid argument)");
	/* the split: the pointer fields wait for the result */
	{
		const uint64_t a[6] = { 0x100011, 0x7000, (uintptr_t)&ptid, 0, 0, 0 };

		assert_string_equal(dh_entry_text("clone", a),
				    "clone(child_stack=0x7000, flags=CLONE_PARENT_SETTID|SIGCHLD");
		dh_exit(123);
		assert_string_equal(dh_last_line(),
				    "clone(child_stack=0x7000, flags=CLONE_PARENT_SETTID|SIGCHLD, parent_tid=[123]) = 123");
	}
}

static void
test_clone3(void **state)
{
	static uint64_t ca[11];
	static int pidfd = 4, ptid = 77;
	static int32_t tids[2];

	(void)state;
	memset(ca, 0, sizeof(ca));
	ca[0] = 0x101000; /* CLONE_PIDFD|CLONE_PARENT_SETTID */
	ca[1] = (uintptr_t)&pidfd;
	ca[3] = (uintptr_t)&ptid;
	ca[4] = SIGCHLD;
	snprintf(want, sizeof(want),
		 "clone3({flags=CLONE_PIDFD|CLONE_PARENT_SETTID, pidfd=%p, parent_tid=%p, exit_signal=SIGCHLD, stack=NULL, stack_size=0} => {pidfd=[4], parent_tid=[77]}, 88) = 77",
		 (void *)&pidfd, (void *)&ptid);
	assert_string_equal(DH("clone3", ca, 88, 0, 0, 0, 0, 77), want);
	memset(ca, 0, sizeof(ca));
	ca[0] = 0x4100 | 0x80000; /* CLONE_VM|CLONE_VFORK|CLONE_SETTLS */
	ca[5] = 0x7000;
	ca[6] = 0x4000;
	ca[8] = (uintptr_t)tids;
	ca[9] = 2;
	assert_string_equal(DH("clone3", ca, 88, 0, 0, 0, 0, 5),
			    "clone3({flags=CLONE_VM|CLONE_VFORK|CLONE_SETTLS, exit_signal=0, stack=0x7000, stack_size=0x4000, tls=NULL, set_tid=[0, 0], set_tid_size=2}, 88) = 5");
	assert_string_equal(DH("clone3", 0, 88, 0, 0, 0, 0, -14),
			    "clone3(NULL, 88) = -1 EFAULT (Bad address)");
	snprintf(want, sizeof(want), "clone3(%#lx, 88) = -1 EFAULT (Bad address)",
		 (unsigned long)dh_unmapped());
	assert_string_equal(DH("clone3", dh_unmapped(), 88, 0, 0, 0, 0, -14), want);
}

static void
test_wait(void **state)
{
	static int st;
	static siginfo_t si;

	(void)state;
	st = 3 << 8;
	assert_string_equal(DH("wait4", 123, &st, 0, 0, 0, 0, 123),
			    "wait4(123, [{WIFEXITED(s) && WEXITSTATUS(s) == 3}], 0, NULL) = 123");
	st = SIGTERM;
	assert_string_equal(DH("wait4", -1, &st, 0x40000000, 0, 0, 0, 123),
			    "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGTERM}], __WALL, NULL) = 123");
	st = SIGABRT | 0x80;
	assert_string_equal(DH("wait4", -1, &st, 0, 0, 0, 0, 123),
			    "wait4(-1, [{WIFSIGNALED(s) && WTERMSIG(s) == SIGABRT && WCOREDUMP(s)}], 0, NULL) = 123");
	st = (SIGSTOP << 8) | 0x7f;
	assert_string_equal(DH("wait4", 5, &st, 2, 0, 0, 0, 5),
			    "wait4(5, [{WIFSTOPPED(s) && WSTOPSIG(s) == SIGSTOP}], WSTOPPED, NULL) = 5");
	st = 0xffff;
	assert_string_equal(DH("wait4", 5, &st, 8, 0, 0, 0, 5),
			    "wait4(5, [{WIFCONTINUED(s)}], WCONTINUED, NULL) = 5");
	assert_string_equal(DH("wait4", -1, 1, 0, 1, 0, 0, -10),
			    "wait4(-1, 0x1, 0, 0x1) = -1 ECHILD (No child processes)");
	snprintf(want, sizeof(want), "wait4(-1, %p, WNOHANG|WSTOPPED|WCONTINUED, NULL) = 0",
		 (void *)&st);
	assert_string_equal(DH("wait4", -1, &st, 11, 0, 0, 0, 0), want);
	memset(&si, 0, sizeof(si));
	assert_string_equal(DH("waitid", 0, 0, &si, 5, 0, 0, 0),
			    "waitid(P_ALL, 0, {}, WNOHANG|WEXITED, NULL) = 0");
	assert_string_equal(DH("waitid", 3, 99, 0, 6, 0, 0, -9),
			    "waitid(P_PIDFD, 99, NULL, WEXITED|WSTOPPED, NULL) = -1 EBADF (Bad file descriptor)");
}

static void
test_rusage(void **state)
{
	static struct rusage ru;

	(void)state;
	memset(&ru, 0, sizeof(ru));
	ru.ru_utime.tv_usec = 485;
	ru.ru_nvcsw = 6;
	dh_narrow(&ru, 18);	/* 18 longs: 32 bits each on i386 */
	assert_string_equal(DH("getrusage", 0, &ru, 0, 0, 0, 0, 0),
			    "getrusage(RUSAGE_SELF, {ru_utime={tv_sec=0, tv_usec=485}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0");
	assert_string_equal(DH("getrusage", -1, &ru, 0, 0, 0, 0, 0),
			    "getrusage(RUSAGE_CHILDREN, {ru_utime={tv_sec=0, tv_usec=485}, ru_stime={tv_sec=0, tv_usec=0}, ...}) = 0");
	snprintf(want, sizeof(want), "getrusage(0x5 /* RUSAGE_??? */, %p) = -1 EINVAL (Invalid argument)",
		 (void *)&ru);
	assert_string_equal(DH("getrusage", 5, &ru, 0, 0, 0, 0, -22), want);
	opts.verbose = true;
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("getrusage", 1, &ru, 0, 0, 0, 0, 0),
			    "getrusage(RUSAGE_THREAD, {ru_utime={tv_sec=0, tv_usec=485}, ru_stime={tv_sec=0, tv_usec=0}, ru_maxrss=0, ru_ixrss=0, ru_idrss=0, ru_isrss=0, ru_minflt=0, ru_majflt=0, ru_nswap=0, ru_inblock=0, ru_oublock=0, ru_msgsnd=0, ru_msgrcv=0, ru_nsignals=0, ru_nvcsw=6, ru_nivcsw=0}) = 0");
}

static void
test_kill(void **state)
{
	(void)state;
	assert_string_equal(DH("kill", 123, SIGTERM, 0, 0, 0, 0, 0),
			    "kill(123, SIGTERM) = 0");
	assert_string_equal(DH("kill", 123, 0, 0, 0, 0, 0, 0),
			    "kill(123, 0) = 0");
	assert_string_equal(DH("tgkill", 1, 2, 40, 0, 0, 0, 0),
			    "tgkill(1, 2, SIGRT_8) = 0");
	assert_string_equal(DH("tkill", 1, 65, 0, 0, 0, 0, -22),
			    "tkill(1, 65) = -1 EINVAL (Invalid argument)");
}

static void
test_prctl(void **state)
{
	static char name[16] = "hello";
	static int sig = SIGKILL;

	(void)state;
	assert_string_equal(DH("prctl", 15, name, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_NAME, \"hello\") = 0");
	assert_string_equal(DH("prctl", 16, name, 0, 0, 0, 0, 0),
			    "prctl(PR_GET_NAME, \"hello\") = 0");
	assert_string_equal(DH("prctl", 2, &sig, 0, 0, 0, 0, 0),
			    "prctl(PR_GET_PDEATHSIG, [SIGKILL]) = 0");
	assert_string_equal(DH("prctl", 1, 9, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_PDEATHSIG, SIGKILL) = 0");
	assert_string_equal(DH("prctl", 38, 1, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) = 0");
	assert_string_equal(DH("prctl", 4, 1, 0, 0, 0, 0, 0),
			    "prctl(PR_SET_DUMPABLE, SUID_DUMP_USER) = 0");
	assert_string_equal(DH("prctl", 3, 0, 0, 0, 0, 0, 1),
			    "prctl(PR_GET_DUMPABLE) = 1 (SUID_DUMP_USER)");
	assert_string_equal(DH("prctl", 23, 21, 0, 0, 0, 0, 1),
			    "prctl(PR_CAPBSET_READ, CAP_SYS_ADMIN) = 1");
	assert_string_equal(DH("prctl", 23, 99, 0, 0, 0, 0, -22),
			    "prctl(PR_CAPBSET_READ, 0x63 /* CAP_??? */) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 27, 0, 0, 0, 0, 0, 0x10),
			    "prctl(PR_GET_SECUREBITS) = 0x10 (SECBIT_KEEP_CAPS)");
	assert_string_equal(DH("prctl", 9999, 1, 2, 3, 4, 0, -22),
			    "prctl(0x270f /* PR_??? */, 0x1, 0x2, 0x3, 0x4) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 33, 1, 1, 0, 0, 0, 0),
			    "prctl(PR_MCE_KILL, PR_MCE_KILL_SET, PR_MCE_KILL_EARLY, 0, 0) = 0");
	snprintf(want, sizeof(want), "prctl(PR_GET_NAME, %#lx) = -1 EFAULT (Bad address)",
		 (unsigned long)dh_unmapped());
	assert_string_equal(DH("prctl", 16, dh_unmapped(), 0, 0, 0, 0, -14), want);
}

static void
test_arch_prctl(void **state)
{
	/* an i386 tracee's base is a 32-bit address in a 32-bit word */
	static uint64_t fs[1];
	const unsigned long long base = dh_compat() ? 0xf7d26740 : 0x7f2272026740;

	(void)state;
	fs[0] = base;
	DH_NARROW(fs);
	snprintf(want, sizeof(want), "arch_prctl(ARCH_GET_FS, [%#llx]) = 0", base);
	assert_string_equal(DH("arch_prctl", 0x1003, fs, 0, 0, 0, 0, 0), want);
	snprintf(want, sizeof(want), "arch_prctl(ARCH_SET_FS, %#llx) = 0", base);
	assert_string_equal(DH("arch_prctl", 0x1002, base, 0, 0, 0, 0, 0), want);
	assert_string_equal(DH("arch_prctl", 0x1011, 0, 0, 0, 0, 0, 1),
			    "arch_prctl(ARCH_GET_CPUID) = 1");
	assert_string_equal(DH("arch_prctl", 0x9999, 0, 0, 0, 0, 0, -22),
			    "arch_prctl(0x9999 /* ARCH_??? */, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("rseq", 0x1000, 32, 0, 0x53053053, 0, 0, 0),
			    "rseq(0x1000, 0x20, 0, 0x53053053) = 0");
}

static void
test_rlimit(void **state)
{
	static uint64_t rl[2] = { 8192 * 1024, ~0ULL };
	static uint64_t rl2[2] = { 1000, 20000 };
	/* getrlimit/setrlimit's struct rlimit has longs: 32 bits on i386 */
	static uint64_t rlg[2] = { 8192 * 1024, ~0ULL }, rls[2] = { 1000, 20000 };

	(void)state;
	DH_NARROW(rlg);
	DH_NARROW(rls);
	assert_string_equal(DH("prlimit64", 0, 3, 0, rl, 0, 0, 0),
			    "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY}) = 0");
	assert_string_equal(DH("prlimit64", 0, 4, rl2, 0, 0, 0, 0),
			    "prlimit64(0, RLIMIT_CORE, {rlim_cur=1000, rlim_max=20000}, NULL) = 0");
	snprintf(want, sizeof(want), "prlimit64(0, 0x63 /* RLIMIT_??? */, NULL, %p) = -1 EINVAL (Invalid argument)",
		 (void *)rl);
	assert_string_equal(DH("prlimit64", 0, 99, 0, rl, 0, 0, -22), want);
	assert_string_equal(DH("getrlimit", 3, rlg, 0, 0, 0, 0, 0),
			    "getrlimit(RLIMIT_STACK, {rlim_cur=8192*1024, rlim_max=RLIM_INFINITY}) = 0");
	assert_string_equal(DH("setrlimit", 7, rls, 0, 0, 0, 0, 0),
			    "setrlimit(RLIMIT_NOFILE, {rlim_cur=1000, rlim_max=20000}) = 0");
}

static void
test_sched(void **state)
{
	static unsigned char mask[128] = { 3 };
	static int prio;

	(void)state;
	assert_string_equal(DH("sched_getaffinity", 0, 128, mask, 0, 0, 0, 8),
			    "sched_getaffinity(0, 128, [0 1]) = 8");
	assert_string_equal(DH("sched_setaffinity", 0, 128, mask, 0, 0, 0, 0),
			    "sched_setaffinity(0, 128, [0 1]) = 0");
	assert_string_equal(DH("sched_getscheduler", 0, 0, 0, 0, 0, 0, 0),
			    "sched_getscheduler(0) = 0 (SCHED_OTHER)");
	assert_string_equal(DH("sched_setscheduler", 0, 0x40000003, &prio, 0, 0, 0, 0),
			    "sched_setscheduler(0, 0x40000003 /* SCHED_??? */, [0]) = 0");
	assert_string_equal(DH("sched_getparam", 0, &prio, 0, 0, 0, 0, 0),
			    "sched_getparam(0, [0]) = 0");
	assert_string_equal(DH("sched_get_priority_max", 1, 0, 0, 0, 0, 0, 99),
			    "sched_get_priority_max(SCHED_FIFO) = 99");
}

static void
test_uname_getrandom(void **state)
{
	static struct utsname u;
	static unsigned char rnd[8] = { 0x5d, 0xea, 0x10, 0xd8, 0x2a, 0xcf, 0x6b, 0x41 };

	(void)state;
	memset(&u, 0, sizeof(u));
	strcpy(u.sysname, "Linux");
	strcpy(u.nodename, "vm");
	strcpy(u.machine, "x86_64");
	assert_string_equal(DH("uname", &u, 0, 0, 0, 0, 0, 0),
			    "uname({sysname=\"Linux\", nodename=\"vm\", ...}) = 0");
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("uname", &u, 0, 0, 0, 0, 0, 0),
			    "uname({sysname=\"Linux\", nodename=\"vm\", release=\"\", version=\"\", machine=\"x86_64\", domainname=\"\"}) = 0");
	opts.abbrev = NULL;
	assert_string_equal(DH("getrandom", rnd, 8, 1, 0, 0, 0, 8),
			    "getrandom(\"\\x5d\\xea\\x10\\xd8\\x2a\\xcf\\x6b\\x41\", 8, GRND_NONBLOCK) = 8");
	opts.max_strlen = 2;
	assert_string_equal(DH("getrandom", rnd, 8, 0, 0, 0, 0, 8),
			    "getrandom(\"\\x5d\\xea\"..., 8, 0) = 8");
	snprintf(want, sizeof(want), "getrandom(%p, 8, GRND_RANDOM|GRND_INSECURE|0x8) = -1 EINVAL (Invalid argument)",
		 (void *)rnd);
	assert_string_equal(DH("getrandom", rnd, 8, 14, 0, 0, 0, -22), want);
}

static void
test_futex(void **state)
{
	static int word;
	static int64_t ts[2] = { 0, 1000 };

	(void)state;
	DH_NARROW(ts);
	snprintf(want, sizeof(want), "futex(%p, FUTEX_WAKE_PRIVATE, 1) = 0", (void *)&word);
	assert_string_equal(DH("futex", &word, 129, 1, 0, 0, 0, 0), want);
	snprintf(want, sizeof(want),
		 "futex(%p, FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME, 0, {tv_sec=0, tv_nsec=1000}, FUTEX_BITSET_MATCH_ANY) = -1 ETIMEDOUT (Connection timed out)",
		 (void *)&word);
	assert_string_equal(DH("futex", &word, 9 | 128 | 256, 0, ts, 0, 0xffffffff, -110), want);
	snprintf(want, sizeof(want), "futex(%p, FUTEX_WAIT, 1, NULL) = -1 EAGAIN (Resource temporarily unavailable)",
		 (void *)&word);
	assert_string_equal(DH("futex", &word, 0, 1, 0, 0, 0, -11), want);
	snprintf(want, sizeof(want),
		 "futex(%p, FUTEX_WAKE_OP_PRIVATE, 1, 2, 0x1000, FUTEX_OP_SET<<28|0x1<<12|FUTEX_OP_CMP_EQ<<24|0) = 0",
		 (void *)&word);
	assert_string_equal(DH("futex", &word, 5 | 128, 1, 2, 0x1000, 0x1000, 0), want);
	snprintf(want, sizeof(want), "futex(%p, FUTEX_UNLOCK_PI) = 0", (void *)&word);
	assert_string_equal(DH("futex", &word, 7, 0, 0, 0, 0, 0), want);
	snprintf(want, sizeof(want),
		 "futex(%p, 0x63 /* FUTEX_??? */, 1, 0x2, 0x3, 0x4) = -1 ENOSYS (Function not implemented)",
		 (void *)&word);
	assert_string_equal(DH("futex", &word, 99, 1, 2, 3, 4, -38), want);
	snprintf(want, sizeof(want), "futex(%p, FUTEX_LOCK_PI2, %#lx) = -1 EFAULT (Bad address)",
		 (void *)&word, (unsigned long)dh_unmapped());
	assert_string_equal(DH("futex", &word, 13, 0, dh_unmapped(), 0, 0, -14), want);
}

static void
test_times_sysinfo_robust(void **state)
{
	static uint64_t tms[4] = { 0, 1, 150, 0 };
	static uint64_t head = 0x7000, len = 24;

	(void)state;
	DH_NARROW(tms);	/* clock_t and pointers: 32 bits on i386 */
	dh_narrow(&head, 1);
	dh_narrow(&len, 1);
	assert_string_equal(DH("times", tms, 0, 0, 0, 0, 0, 1234),
			    "times({tms_utime=0, tms_stime=1 /* 0.01 s */, tms_cutime=150 /* 1.50 s */, tms_cstime=0}) = 1234");
	assert_string_equal(DH("times", 0, 0, 0, 0, 0, 0, 1234),
			    "times(NULL) = 1234");
	assert_string_equal(DH("get_robust_list", 0, &head, &len, 0, 0, 0, 0),
			    "get_robust_list(0, [0x7000], [24]) = 0");
}

static void
test_execve_verbose(void **state)
{
	static char a0[] = "/bin/true", e0[] = "A=1", e1[] = "B=2";
	/* pointer arrays of the pass's word size */
	static uint64_t argv[2], envp[3];

	(void)state;
	DH_PACK(argv, "ll", (uintptr_t)a0, 0);
	DH_PACK(envp, "lll", (uintptr_t)e0, (uintptr_t)e1, 0);
	snprintf(want, sizeof(want), "execve(\"/bin/true\", [\"/bin/true\"], %p /* 2 vars */) = 0",
		 (void *)envp);
	assert_string_equal(DH("execve", a0, argv, envp, 0, 0, 0, 0), want);
	/* -v: envp in full, and no -s limit on the element count */
	opts.max_strlen = 1;
	opts.abbrev = &no_abbrev;
	assert_string_equal(DH("execve", a0, argv, envp, 0, 0, 0, 0),
			    "execve(\"/bin/true\", [\"/\"...], [\"A\"..., \"B\"...]) = 0");
	opts.abbrev = NULL;
	assert_string_equal(DH("execve", a0, envp, 0, 0, 0, 0, 0),
			    "execve(\"/bin/true\", [\"A\"..., ...], NULL) = 0");
}

static void
test_misc_process(void **state)
{
	static struct {
		uint32_t size, policy;
		uint64_t flags;
		int32_t nice;
		uint32_t prio;
		uint64_t rt, dl, per;
		uint32_t umin, umax;
	} sa = { .size = 56, .nice = 5, .rt = 1400000 };

	(void)state;
	assert_string_equal(DH("getpriority", 0, 0, 0, 0, 0, 0, 20),
			    "getpriority(PRIO_PROCESS, 0) = 20");
	assert_string_equal(DH("setpriority", 7, 0, 5, 0, 0, 0, -22),
			    "setpriority(0x7 /* PRIO_??? */, 0, 5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("personality", 0xffffffff, 0, 0, 0, 0, 0, 0),
			    "personality(0xffffffff) = 0 (PER_LINUX)");
	assert_string_equal(DH("personality", 0x40000, 0, 0, 0, 0, 0, 0),
			    "personality(PER_LINUX|ADDR_NO_RANDOMIZE) = 0 (PER_LINUX)");
	assert_string_equal(DH("unshare", 0x20400, 0, 0, 0, 0, 0, 0),
			    "unshare(CLONE_FILES|CLONE_NEWNS) = 0");
	assert_string_equal(DH("setns", 99, 0x40000000, 0, 0, 0, 0, -9),
			    "setns(99, CLONE_NEWNET) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("ioprio_get", 1, 0, 0, 0, 0, 0, 0),
			    "ioprio_get(IOPRIO_WHO_PROCESS, 0) = 0 (IOPRIO_PRIO_VALUE(IOPRIO_CLASS_NONE, 0))");
	assert_string_equal(DH("ioprio_set", 1, 0, (2 << 13) | 4, 0, 0, 0, 0),
			    "ioprio_set(IOPRIO_WHO_PROCESS, 0, IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4)) = 0");
	assert_string_equal(DH("sched_getattr", 0, &sa, 56, 0, 0, 0, 0),
			    "sched_getattr(0, {size=56, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=5, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0, sched_util_min=0, sched_util_max=0}, 56, 0) = 0");
	sa.size = 48;
	assert_string_equal(DH("sched_setattr", 0, &sa, 0, 0, 0, 0, 0),
			    "sched_setattr(0, {size=48, sched_policy=SCHED_OTHER, sched_flags=0, sched_nice=5, sched_priority=0, sched_runtime=1400000, sched_deadline=0, sched_period=0}, 0) = 0");
	assert_string_equal(DH("membarrier", 0, 0, 0, 0, 0, 0, 0x3),
			    "membarrier(MEMBARRIER_CMD_QUERY, 0) = 0x3 (MEMBARRIER_CMD_GLOBAL|MEMBARRIER_CMD_GLOBAL_EXPEDITED)");
	assert_string_equal(DH("prctl", 47, 1, 21, 0, 0, 0, 0),
			    "prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_IS_SET, CAP_SYS_ADMIN, 0, 0) = 0");
	assert_string_equal(DH("prctl", 52, 0, 0, 0, 0, 0, 2),
			    "prctl(PR_GET_SPECULATION_CTRL, PR_SPEC_STORE_BYPASS) = 0x2 (PR_SPEC_ENABLE)");
	assert_string_equal(DH("prctl", 34, 0, 0, 0, 0, 0, 2),
			    "prctl(PR_MCE_KILL_GET, 0, 0, 0, 0) = 2 (PR_MCE_KILL_DEFAULT)");
	assert_string_equal(DH("prctl", 0x53564d41, 5, 1, 2, 3, 0, -22),
			    "prctl(PR_SET_VMA, 0x5 /* PR_SET_VMA_??? */, 0x1, 0x2, 0x3) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("prctl", 62, 0, 0, 0, 0, 0, -22),
			    "prctl(PR_SCHED_CORE, PR_SCHED_CORE_GET, 0, 0 /* PIDTYPE_PID */, NULL) = -1 EINVAL (Invalid argument)");
}

/* Every decoder here on unreadable pointers and odd values: no crash. */
static void
test_robustness(void **state)
{
	static const char *const names[] = {
		"mmap", "mprotect", "mremap", "madvise", "msync", "mlock2",
		"mlockall", "clone", "clone3", "wait4", "waitid", "kill",
		"tgkill", "prctl", "arch_prctl", "prlimit64", "getrlimit",
		"setrlimit", "getrusage", "sched_getaffinity",
		"sched_setaffinity", "sched_getscheduler", "sched_setscheduler",
		"sched_getparam", "uname", "getrandom", "futex", "times",
		"sysinfo", "get_robust_list", "sched_rr_get_interval",
		"personality", "ioprio_get", "sched_getattr", "sched_setattr",
		"membarrier", "execve", "unshare", "setns",
	};
	const uint64_t bad = dh_unmapped();
	const uint64_t vals[] = { 0, 1, 2, 3, 5, 9, 15, 16, 22, 23, 0x1003, 0x53564d41,
				  ~0ULL, 0xffffffffULL, 0x7fffffff, bad };
	unsigned i, j, k;

	(void)state;
	for (k = 0; k < 2; k++) {
		if (k)
			dh_arch = ARCH_I386;
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			if (k && (!strcmp(names[i], "arch_prctl") ||
				  !strcmp(names[i], "mmap")))
				continue;
			for (j = 0; j < sizeof(vals) / sizeof(vals[0]); j++) {
				uint64_t v = vals[j];

				DH(names[i], v, bad, v, bad, v, bad, j & 1 ? -14 : 8);
				DH(names[i], v, v, bad, v, bad, ~0ULL, 1);
			}
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_mmap, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mmap_i386, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_mprotect_mremap_madvise, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_clone, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_clone3, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_wait, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_rusage, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_kill, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_prctl, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_arch_prctl, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_rlimit, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sched, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_uname_getrandom, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_futex, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_times_sysinfo_robust, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_execve_verbose, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_misc_process, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_robustness, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_proc", tests, NULL, NULL);
}
