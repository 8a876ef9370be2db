/*
 * seccomp_filter.c - turn a syscall set (struct sc_set) into the seccomp
 * BPF program that --seccomp-bpf installs in the traced command.
 *
 * Shape of the program (one section per architecture, native first):
 *
 *	A = arch
 *   section(arch):
 *	if (A != arch) goto next section        jeq + ja: no 8-bit limit
 *	A = nr
 *	if (A >= 1024) return unknown           the set's unknown_in
 *	M[0] = 1 << (nr & 31)                   the bit of nr in its word
 *	A = nr >> 5                             the word of nr
 *	for each word w that differs from the section's default:
 *		if (A == w) return decision(word w, M[0])
 *	return default
 *   next section ...
 *	return TRACE                            an arch we have no table for
 *
 * The set is read 32 numbers at a time: a word whose 32 bits are all in
 * (or all out) is one compare and one return; a mixed word loads M[0]
 * and tests it against the word's mask (JSET).  The default of a section
 * is whichever of "all in" and "all out" more words are, so "-e trace=!x"
 * sets stay as small as "-e trace=x" ones.  Every conditional jump goes
 * at most 4 instructions forward, so the 8-bit jump offsets of classic
 * BPF never limit the size; only the unconditional "next section" jump
 * is long, and it has 32 bits.  A section is at most 12 + 32 * 5 + 1
 * instructions, so three architectures need well under 600 of the 4096
 * the kernel accepts.
 */
#include <limits.h>
#include <linux/seccomp.h>
#include <stddef.h>

#include "seccomp_filter.h"

#define WORDS (FILTER_NR_MAX / 32)

struct emitter {
	struct sock_filter *prog;
	unsigned max;
	unsigned len;
	bool overflow;
};

static void
emit(struct emitter *e, uint16_t code, uint8_t jt, uint8_t jf, uint32_t k)
{
	if (e->len >= e->max) {
		e->overflow = true;
		return;
	}
	e->prog[e->len++] = (struct sock_filter){ code, jt, jf, k };
}

static void
stmt(struct emitter *e, uint16_t code, uint32_t k)
{
	emit(e, code, 0, 0, k);
}

/* The 32 bits of word w (numbers 32w .. 32w+31) of one arch's set. */
static uint32_t
word_of(const struct sc_set *set, unsigned a, unsigned w)
{
	return (uint32_t)(set->bits[a][w / 2] >> (32 * (w % 2)));
}

static int
arch_index(uint32_t arch)
{
	unsigned a;

	for (a = 0; a < SYSENT_NARCHES; a++)
		if (sysent_arches[a] == arch)
			return (int)a;
	return -1;
}

static void
emit_section(struct emitter *e, const struct sc_set *set, unsigned a)
{
	uint32_t dflt, full = 0, empty = 0;
	unsigned w, skip_at;

	for (w = 0; w < WORDS; w++) {
		uint32_t m = word_of(set, a, w);

		full += m == UINT32_MAX;
		empty += m == 0;
	}
	dflt = full > empty ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW;

	emit(e, BPF_JMP | BPF_JEQ | BPF_K, 1, 0, sysent_arches[a]);
	skip_at = e->len;
	stmt(e, BPF_JMP | BPF_JA, 0);	/* k patched below */
	stmt(e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	emit(e, BPF_JMP | BPF_JGE | BPF_K, 0, 1, FILTER_NR_MAX);
	stmt(e, BPF_RET | BPF_K,
	     set->unknown_in ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
	stmt(e, BPF_ALU | BPF_AND | BPF_K, 31);
	stmt(e, BPF_MISC | BPF_TAX, 0);
	stmt(e, BPF_LD | BPF_IMM, 1);
	stmt(e, BPF_ALU | BPF_LSH | BPF_X, 0);
	stmt(e, BPF_ST, 0);
	stmt(e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, nr));
	stmt(e, BPF_ALU | BPF_RSH | BPF_K, 5);

	for (w = 0; w < WORDS; w++) {
		uint32_t m = word_of(set, a, w);

		if ((m == UINT32_MAX && dflt == SECCOMP_RET_TRACE) ||
		    (m == 0 && dflt == SECCOMP_RET_ALLOW))
			continue;
		if (m == UINT32_MAX || m == 0) {
			emit(e, BPF_JMP | BPF_JEQ | BPF_K, 0, 1, w);
			stmt(e, BPF_RET | BPF_K,
			     m ? SECCOMP_RET_TRACE : SECCOMP_RET_ALLOW);
			continue;
		}
		emit(e, BPF_JMP | BPF_JEQ | BPF_K, 0, 4, w);
		stmt(e, BPF_LD | BPF_MEM, 0);
		emit(e, BPF_JMP | BPF_JSET | BPF_K, 0, 1, m);
		stmt(e, BPF_RET | BPF_K, SECCOMP_RET_TRACE);
		stmt(e, BPF_RET | BPF_K, SECCOMP_RET_ALLOW);
	}
	stmt(e, BPF_RET | BPF_K, dflt);
	/* "not this arch": on to the next section, A still holds arch */
	if (!e->overflow)
		e->prog[skip_at].k = e->len - skip_at - 1;
}

int
seccomp_filter_build(const struct sc_set *set, const uint32_t *arches,
		     unsigned narches, struct sock_filter *prog, unsigned max)
{
	struct emitter e = { .prog = prog, .max = max };
	unsigned i;

	stmt(&e, BPF_LD | BPF_W | BPF_ABS, offsetof(struct seccomp_data, arch));
	for (i = 0; i < narches; i++) {
		int a = arch_index(arches[i]);

		if (a < 0)
			return -1;
		emit_section(&e, set, (unsigned)a);
	}
	stmt(&e, BPF_RET | BPF_K, SECCOMP_RET_TRACE);
	if (e.overflow || e.len > SECCOMP_FILTER_MAX_INSNS)
		return -1;
	return (int)e.len;
}
