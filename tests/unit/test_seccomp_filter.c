/*
 * test_seccomp_filter.c - the --seccomp-bpf program (src/seccomp_filter.c)
 * and its set-up (src/seccomp.c).
 *
 * The generated programs run through a small classic-BPF interpreter
 * written here, which knows only the instructions seccomp accepts and
 * fails on anything else, and whose answer for every syscall number
 * must be exactly the set's.  Then the kernel itself: a forked child
 * loads the filter, and a traced syscall fails with ENOSYS (what
 * SECCOMP_RET_TRACE does without a tracer) while an untraced one runs.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <errno.h>
#include <linux/audit.h>
#include <linux/seccomp.h>
#include <stdio.h>
#include <string.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include "filter.h"
#include "seccomp.h"
#include "seccomp_filter.h"

static struct sock_filter prog[SECCOMP_FILTER_MAX_INSNS];
static struct sc_set set;

static const uint32_t all_arches[] = { ARCH_X86_64, ARCH_I386, ARCH_AARCH64 };

/* ---- a classic BPF interpreter for seccomp programs --------------- */

static uint32_t
bpf_run(const struct sock_filter *p, int len, const struct seccomp_data *d)
{
	uint32_t a = 0, x = 0, mem[BPF_MEMWORDS] = { 0 };
	bool mem_set[BPF_MEMWORDS] = { false };
	int pc = 0;

	for (;;) {
		const struct sock_filter *i;

		if (pc < 0 || pc >= len)
			fail_msg("pc %d out of the program (%d insns)", pc, len);
		i = &p[pc++];
		switch (i->code) {
		case BPF_LD | BPF_W | BPF_ABS:
			assert_true(i->k % 4 == 0 && i->k < sizeof(*d));
			memcpy(&a, (const char *)d + i->k, 4);
			break;
		case BPF_LD | BPF_IMM:
			a = i->k;
			break;
		case BPF_LD | BPF_MEM:
			assert_true(i->k < BPF_MEMWORDS && mem_set[i->k]);
			a = mem[i->k];
			break;
		case BPF_ST:
			assert_true(i->k < BPF_MEMWORDS);
			mem[i->k] = a;
			mem_set[i->k] = true;
			break;
		case BPF_ALU | BPF_AND | BPF_K:
			a &= i->k;
			break;
		case BPF_ALU | BPF_RSH | BPF_K:
			assert_true(i->k < 32);
			a >>= i->k;
			break;
		case BPF_ALU | BPF_LSH | BPF_X:
			assert_true(x < 32);
			a <<= x;
			break;
		case BPF_MISC | BPF_TAX:
			x = a;
			break;
		case BPF_JMP | BPF_JA:
			pc += (int)i->k;
			break;
		case BPF_JMP | BPF_JEQ | BPF_K:
			pc += a == i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JGE | BPF_K:
			pc += a >= i->k ? i->jt : i->jf;
			break;
		case BPF_JMP | BPF_JSET | BPF_K:
			pc += (a & i->k) ? i->jt : i->jf;
			break;
		case BPF_RET | BPF_K:
			return i->k;
		default:
			fail_msg("instruction %d: unexpected code %#x", pc - 1, i->code);
		}
	}
}

static uint32_t
decide(int len, uint32_t arch, uint32_t nr)
{
	struct seccomp_data d = { .nr = (int)nr, .arch = arch };

	return bpf_run(prog, len, &d);
}

/* Every number the kernel can pass, near the table sizes and beyond. */
static const uint32_t far_numbers[] = {
	1024, 1025, 4095, 65535, 0x40000000, 0x40000001, 0x40000200,
	0x7fffffff, 0x80000000, 0xfffffffe, 0xffffffff,
};

/* The program's answer for each arch of arches[] is exactly the set. */
static void
check_exact(const uint32_t *arches, unsigned n)
{
	int len = seccomp_filter_build(&set, arches, n, prog,
				       SECCOMP_FILTER_MAX_INSNS);
	unsigned i, j;
	uint32_t nr;

	assert_true(len > 0 && len <= SECCOMP_FILTER_MAX_INSNS);
	for (i = 0; i < n; i++) {
		for (nr = 0; nr < FILTER_NR_MAX + 64; nr++) {
			uint32_t want = sc_set_has(&set, arches[i], nr) ?
					SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

			if (decide(len, arches[i], nr) != want)
				fail_msg("arch %#x nr %u: wrong decision", arches[i], nr);
		}
		for (j = 0; j < sizeof(far_numbers) / sizeof(far_numbers[0]); j++)
			assert_int_equal(decide(len, arches[i], far_numbers[j]),
					 set.unknown_in ? SECCOMP_RET_TRACE
							: SECCOMP_RET_ALLOW);
	}
	/* any other arch: the tracer decides */
	assert_int_equal(decide(len, AUDIT_ARCH_ARM, 3), SECCOMP_RET_TRACE);
	assert_int_equal(decide(len, 0, 0), SECCOMP_RET_TRACE);
}

static void
parse(const char *spec)
{
	char err[256];

	sc_set_fill(&set, false);
	assert_int_equal(sc_set_parse(&set, spec, err, sizeof(err)), 0);
}

static uint64_t
nr_of(uint32_t arch, const char *name)
{
	uint64_t nr = 0;

	assert_non_null(sysent_by_name(arch, name, &nr));
	return nr;
}

/* ---- the generator ------------------------------------------------ */

static void
test_named_sets(void **state)
{
	static const char *const specs[] = {
		"none", "all", "%process", "openat,close", "!close",
		"%file,%desc", "!%memory,write", "/^(get|set)", "%network",
	};
	unsigned i;
	int len;

	(void)state;
	for (i = 0; i < sizeof(specs) / sizeof(specs[0]); i++) {
		parse(specs[i]);
		check_exact(all_arches, 3);
	}
	/* a worked example, in numbers everyone knows */
	parse("%process");
	len = seccomp_filter_build(&set, all_arches, 3, prog,
				   SECCOMP_FILTER_MAX_INSNS);
	assert_int_equal(decide(len, ARCH_X86_64, 59), SECCOMP_RET_TRACE);  /* execve */
	assert_int_equal(decide(len, ARCH_X86_64, 0), SECCOMP_RET_ALLOW);   /* read */
	assert_int_equal(decide(len, ARCH_I386, 11), SECCOMP_RET_TRACE);    /* execve */
	assert_int_equal(decide(len, ARCH_I386, 3), SECCOMP_RET_ALLOW);     /* read */
	assert_int_equal(decide(len, ARCH_AARCH64, 221), SECCOMP_RET_TRACE); /* execve */
	assert_int_equal(decide(len, ARCH_AARCH64, 63), SECCOMP_RET_ALLOW);  /* read */
	assert_int_equal(decide(len, ARCH_X86_64, nr_of(ARCH_X86_64, "clone3")),
			 SECCOMP_RET_TRACE);
}

/* Deterministic pseudo-random sets: densities from sparse to full. */
static void
test_random_sets(void **state)
{
	static const uint32_t native[] = { ARCH_X86_64, ARCH_I386 };
	uint64_t r = 0x9e3779b97f4a7c15ULL;
	unsigned round, a, w;

	(void)state;
	for (round = 0; round < 24; round++) {
		for (a = 0; a < SYSENT_NARCHES; a++)
			for (w = 0; w < FILTER_NR_MAX / 64; w++) {
				uint64_t bits = 0;
				unsigned b;

				for (b = 0; b < 64; b++) {
					r = r * 6364136223846793005ULL + 1442695040888963407ULL;
					if ((r >> 33) % 24 < round)
						bits |= 1ULL << b;
				}
				set.bits[a][w] = bits;
			}
		set.unknown_in = round & 1;
		check_exact(all_arches, 3);
		check_exact(native, 2);
	}
}

/* The largest program: every word mixed, on three arches. */
static void
test_worst_case_size(void **state)
{
	int len;
	unsigned a, w;

	(void)state;
	for (a = 0; a < SYSENT_NARCHES; a++)
		for (w = 0; w < FILTER_NR_MAX / 64; w++)
			set.bits[a][w] = 0x5555555555555555ULL;
	set.unknown_in = false;
	check_exact(all_arches, 3);
	len = seccomp_filter_build(&set, all_arches, 3, prog,
				   SECCOMP_FILTER_MAX_INSNS);
	/* 1 + 3 * (12 + 32 * 5 + 1) + 1 */
	assert_int_equal(len, 1 + 3 * (12 + 32 * 5 + 1) + 1);
	/* a buffer too small is an error, not a cut program */
	assert_int_equal(seccomp_filter_build(&set, all_arches, 3, prog, 100), -1);
	/* an arch without a table */
	{
		static const uint32_t arm[] = { AUDIT_ARCH_ARM };

		assert_int_equal(seccomp_filter_build(&set, arm, 1, prog,
						      SECCOMP_FILTER_MAX_INSNS), -1);
	}
}

/* A sparse set costs a few instructions per word it touches. */
static void
test_small_for_sparse_and_dense_sets(void **state)
{
	int sparse, dense;

	(void)state;
	parse("close");
	sparse = seccomp_filter_build(&set, all_arches, 3, prog,
				      SECCOMP_FILTER_MAX_INSNS);
	parse("!close");
	dense = seccomp_filter_build(&set, all_arches, 3, prog,
				     SECCOMP_FILTER_MAX_INSNS);
	/* one mixed word per arch: 12 + 5 + 1 each, plus the ends */
	assert_int_equal(sparse, 1 + 3 * 18 + 1);
	/* the complement: the same shape with the default flipped (the
	 * bits past each table are set too, so only close's word differs) */
	assert_int_equal(dense, 1 + 3 * 18 + 1);
}

/* ---- seccomp_setup() and the kernel ------------------------------- */

static struct options o;
static struct sc_set trace_set;
static char *command[] = { "true", NULL };

static void
setup_opts(const char *spec, bool follow)
{
	char err[256];

	memset(&o, 0, sizeof(o));
	o.seccomp_bpf = true;
	o.follow_forks = follow;
	o.command = command;
	if (spec) {
		sc_set_fill(&trace_set, false);
		assert_int_equal(sc_set_parse(&trace_set, spec, err, sizeof(err)), 0);
		o.trace = &trace_set;
	}
}

static void
test_setup_decisions(void **state)
{
	(void)state;
	setup_opts("close", true);
	seccomp_setup(&o);
	assert_true(seccomp_enabled);
	assert_int_equal(seccomp_ptrace_options(), PTRACE_O_TRACESECCOMP);

	setup_opts("close", false);	/* no -f: disabled */
	seccomp_setup(&o);
	assert_false(seccomp_enabled);
	assert_int_equal(seccomp_ptrace_options(), 0);

	setup_opts(NULL, true);		/* no -e trace=: nothing to filter */
	seccomp_setup(&o);
	assert_false(seccomp_enabled);

	setup_opts("all", true);
	seccomp_setup(&o);
	assert_false(seccomp_enabled);

	setup_opts("!close", true);
	seccomp_setup(&o);
	assert_true(seccomp_enabled);

	setup_opts("none", true);	/* only execve stops */
	seccomp_setup(&o);
	assert_true(seccomp_enabled);

	setup_opts("close", true);	/* not asked for */
	o.seccomp_bpf = false;
	seccomp_setup(&o);
	assert_false(seccomp_enabled);
}

/*
 * In a child: load the filter for -e trace=getppid.  getppid is then
 * refused with ENOSYS (RET_TRACE and nobody traces), getpid runs, and
 * execve, which always stops, is refused too.
 */
static void
test_kernel_runs_the_filter(void **state)
{
	int status;
	pid_t pid;

	(void)state;
	setup_opts("getppid", true);
	seccomp_setup(&o);
	assert_true(seccomp_enabled);
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		int bad = 0;

		if (seccomp_install() < 0)
			_exit(100);
		errno = 0;
		if (syscall(SYS_getppid) != -1 || errno != ENOSYS)
			bad |= 1;
		if (syscall(SYS_getpid) != getpid())
			bad |= 2;
		errno = 0;
		if (syscall(SYS_execve, "/bin/true", NULL, NULL) != -1 ||
		    errno != ENOSYS)
			bad |= 4;
		errno = 0;
		if (syscall(SYS_close, 12345) != -1 || errno != EBADF)
			bad |= 8;
		_exit(bad);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	seccomp_enabled = false;
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_named_sets),
		cmocka_unit_test(test_random_sets),
		cmocka_unit_test(test_worst_case_size),
		cmocka_unit_test(test_small_for_sparse_and_dense_sets),
		cmocka_unit_test(test_setup_decisions),
		cmocka_unit_test(test_kernel_runs_the_filter),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
