/*
 * test_decode_fuzz.c - every decoder of every arch table, fed random
 * syscall-info records: arguments that are NULL, -1, small and huge
 * numbers, pointers to random bytes, to memory full of pointers, to the
 * last bytes before an unreadable page, and to unreadable memory; random
 * results and errors; random -s/-x/-X/-y/-v settings.  Decoders must
 * never crash, never read out of bounds (run it under `make
 * check-sanitize`) and always finish the line.  The generator is seeded,
 * so a failure repeats; FUZZ_SEED and FUZZ_ROUNDS change the run.
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode_harness.h"
#include "sysent.h"

#define ARENA_SIZE (64 * 1024)

static uint64_t rng_state;
static unsigned char *arena;   /* random bytes and self-pointers */
static unsigned long lines_done;

static uint64_t
rnd(void)
{
	/* xorshift64*: small, fast, and the same sequence everywhere */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return rng_state * 0x2545F4914F6CDD1DULL;
}

static uint64_t
rnd_below(uint64_t n)
{
	return rnd() % n;
}

/* Fill the arena: random bytes, small numbers and pointers into itself. */
static void
fill_arena(void)
{
	size_t i;

	for (i = 0; i + 8 <= ARENA_SIZE; i += 8) {
		uint64_t v;

		switch (rnd_below(4)) {
		case 0:
			v = (uint64_t)(uintptr_t)(arena + rnd_below(ARENA_SIZE));
			break;
		case 1:
			v = rnd_below(64);
			break;
		case 2:
			v = rnd() & 0xffffffffULL;
			break;
		default:
			v = rnd();
			break;
		}
		memcpy(arena + i, &v, 8);
	}
}

static uint64_t
random_arg(uint32_t arch)
{
	static const char tail[] = "tail of a readable page";

	switch (rnd_below(10)) {
	case 0:
		return 0;
	case 1:
		return arch == ARCH_I386 ? 0xffffffffULL : ~0ULL;
	case 2:
		return rnd_below(8);
	case 3:
		return rnd_below(1 << 20);
	case 4:
		return rnd();
	case 5:
		return dh_unmapped() + rnd_below(4096);
	case 6:
		return (uintptr_t)dh_partial(tail, 1 + rnd_below(sizeof(tail) - 1));
	default:
		return (uintptr_t)(arena + rnd_below(ARENA_SIZE));
	}
}

static int64_t
random_rval(void)
{
	switch (rnd_below(5)) {
	case 0:
		return 0;
	case 1:
		return -(int64_t)(1 + rnd_below(4095));
	case 2:
		return (int64_t)rnd_below(4096);
	case 3:
		return (int64_t)(uintptr_t)(arena + rnd_below(ARENA_SIZE));
	default:
		return (int64_t)rnd();
	}
}

static void
random_options(void)
{
	static const unsigned lens[] = { 0, 1, 4, 32, 256, 4096 };

	opts.max_strlen = lens[rnd_below(6)];
	opts.xflag = (unsigned)rnd_below(3);
	opts.xmode = (unsigned)rnd_below(3);
	opts.yflag = (unsigned)rnd_below(2);
	opts.verbose = rnd_below(2);
}

/* One syscall, entry and exit, through the real dispatcher. */
static void
fuzz_one(uint32_t arch, uint64_t nr)
{
	pid_t me = getpid();
	uint64_t sp;
	int i;

	memset(&next_info, 0, sizeof(next_info));
	next_info.op = PTRACE_SYSCALL_INFO_ENTRY;
	next_info.arch = arch;
	next_info.stack_pointer = (uint64_t)(uintptr_t)&sp;
	next_info.entry.nr = nr;
	for (i = 0; i < 6; i++)
		next_info.entry.args[i] = random_arg(arch);
	dh_stop_info(me);
	dh_exit(random_rval());
	lines_done++;
}

static void
test_every_decoder_random_records(void **state)
{
	static const uint32_t arches[] = { ARCH_X86_64, ARCH_I386, ARCH_AARCH64 };
	const char *env = getenv("FUZZ_ROUNDS");
	unsigned rounds = env ? (unsigned)atoi(env) : 12, r;
	size_t a;

	(void)state;
	/* a decoder that loops on a huge count fails the test, not hangs */
	alarm(rounds * 20);
	env = getenv("FUZZ_SEED");
	rng_state = env ? strtoull(env, NULL, 0) : 0x5eed5eed5eedULL;
	arena = mmap(NULL, ARENA_SIZE, PROT_READ | PROT_WRITE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	assert_true(arena != MAP_FAILED);
	/* the tracee (this process) is known and past its first stop */
	tracee_add(getpid(), NULL);
	trace_handle_status(getpid(), DH_STOPPED(SIGTRAP, PTRACE_EVENT_STOP));
	for (r = 0; r < rounds; r++) {
		fill_arena();
		for (a = 0; a < sizeof(arches) / sizeof(arches[0]); a++) {
			uint64_t nr;

			dh_arch = arches[a];
			for (nr = 0; nr < 1024; nr++) {
				if (!sysent_lookup(arches[a], nr) && rnd_below(16))
					continue;  /* a few unknown numbers too */
				random_options();
				fuzz_one(arches[a], nr);
			}
		}
	}
	/* every line was finished: the log ends with a newline */
	out_flush();
	{
		FILE *f = fopen(dh_log_path, "r");

		assert_non_null(f);
		assert_int_equal(fseek(f, -1, SEEK_END), 0);
		assert_int_equal(fgetc(f), '\n');
		fclose(f);
	}
	/* and a fresh log shows the next syscall whole */
	dh_teardown(NULL);
	dh_setup(NULL);
	assert_string_equal(DH("getpid", 0, 0, 0, 0, 0, 0, 42), "getpid() = 42");
	print_message("fuzzed %lu syscalls\n", lines_done);
	munmap(arena, ARENA_SIZE);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_every_decoder_random_records, dh_setup, dh_teardown),
	};

	return cmocka_run_group_tests_name("decode_fuzz", tests, NULL, NULL);
}
