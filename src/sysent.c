/*
 * sysent.c - the syscall table: sysent_table[] built from src/syscalls.def,
 * the per-arch number -> id arrays (src/arch/<arch>.h), and the lookups.
 *
 * A lookup is a bounds check and two loads: nr indexes a small uint16_t
 * array of ids, the id indexes sysent_table.  Numbers an arch does not
 * define hold SC_UNKNOWN (0), whose entry has no name.
 */
#include <stddef.h>
#include <string.h>

#include "decode.h"
#include "sysent.h"

/* Ids index uint16_t arrays; a syscall has at most six arguments. */
_Static_assert(SC_COUNT <= UINT16_MAX, "syscall ids must fit in uint16_t");

#define SYSCALL(id, nm, ar, rt, fl, dec)                                  \
	_Static_assert(sizeof(ar) - 1 <= 6, "more than 6 arguments: " #id);
#include "syscalls.def"
#undef SYSCALL

const struct sysent sysent_table[SC_COUNT] = {
#define SYSCALL(id, nm, ar, rt, fl, dec)                                  \
	[SC_##id] = {                                                     \
		.name = nm,                                               \
		.args = ar,                                               \
		.nargs = sizeof(ar) - 1,                                  \
		.ret = rt,                                                \
		.flags = fl,                                              \
		.decode = dec,                                            \
	},
#include "syscalls.def"
#undef SYSCALL
};

static const uint16_t nr_to_id_x86_64[] = {
#include "arch/x86_64.h"
};

static const uint16_t nr_to_id_i386[] = {
#include "arch/i386.h"
};

static const uint16_t nr_to_id_aarch64[] = {
#include "arch/aarch64.h"
};

struct arch_table {
	uint32_t audit_arch;
	const char *name;
	unsigned wordsize;
	const uint16_t *ids;
	size_t count;
};

#define ARCH_TABLE(aa, nm, ws, arr) \
	{ aa, nm, ws, arr, sizeof(arr) / sizeof((arr)[0]) }

/* Native arch first: it is the one nearly every stop asks for. */
static const struct arch_table arch_tables[] = {
	ARCH_TABLE(ARCH_X86_64, "x86_64", 8, nr_to_id_x86_64),
	ARCH_TABLE(ARCH_I386, "i386", 4, nr_to_id_i386),
	ARCH_TABLE(ARCH_AARCH64, "aarch64", 8, nr_to_id_aarch64),
};

static const struct arch_table *
arch_find(uint32_t arch)
{
	size_t i;

	for (i = 0; i < sizeof(arch_tables) / sizeof(arch_tables[0]); i++)
		if (arch_tables[i].audit_arch == arch)
			return &arch_tables[i];
	return NULL;
}

const struct sysent *
sysent_lookup(uint32_t arch, uint64_t nr)
{
	const struct arch_table *t = arch_find(arch);
	uint16_t id;

	/*
	 * Everything out of range is unknown, including x32 numbers (bit 30
	 * set, reported as x86_64) and the -1 of a syscall skipped by a
	 * tracer or seccomp.
	 */
	if (!t || nr >= t->count)
		return NULL;
	id = t->ids[nr];
	return id == SC_UNKNOWN ? NULL : &sysent_table[id];
}

const char *
sysent_arch_name(uint32_t arch)
{
	const struct arch_table *t = arch_find(arch);

	return t ? t->name : NULL;
}

unsigned
sysent_arch_wordsize(uint32_t arch)
{
	const struct arch_table *t = arch_find(arch);

	return t ? t->wordsize : 8;
}

const struct sysent *
sysent_by_name(uint32_t arch, const char *name, uint64_t *nr)
{
	const struct arch_table *t = arch_find(arch);
	size_t i;

	if (!t || !name)
		return NULL;
	for (i = 0; i < t->count; i++) {
		const struct sysent *ent = &sysent_table[t->ids[i]];

		if (t->ids[i] != SC_UNKNOWN && strcmp(ent->name, name) == 0) {
			if (nr)
				*nr = i;
			return ent;
		}
	}
	return NULL;
}

const uint32_t sysent_arches[SYSENT_NARCHES] = {
	ARCH_X86_64, ARCH_I386, ARCH_AARCH64,
};

unsigned
sysent_arch_nr_count(uint32_t arch)
{
	const struct arch_table *t = arch_find(arch);

	return t ? (unsigned)t->count : 0;
}
