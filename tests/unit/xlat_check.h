/*
 * xlat_check.h - walk a decoder's flag or value table entry by entry
 * through the decoder that uses it (include after decode_harness.h, in a
 * test that #includes "decode/<family>.c" so its static tables are in
 * scope).
 *
 *	static const char *
 *	run_prot(uint64_t v)
 *	{
 *		return DH("mprotect", 0x1000, 4096, v, 0, 0, 0, 0);
 *	}
 *	XLAT_CHECK(prot_xlat, XC_FLAGS, run_prot);
 *
 * run(v) runs one syscall with v in the place the table decodes and
 * returns the printed line.  For every entry the line must name it (or
 * the first entry with the same value: strace prints that alias).  Flags:
 * two disjoint entries print as "A|B" in table order, and an unknown bit
 * as a hex remainder "A|0x80000000", alone as "0x80000000 / * X_??? * /"
 * (no spaces; XC_NOCMT: strace prints just the number).  Values: an unknown value prints as
 * a number with no name.  Both: -X raw prints no names, -X verbose prints
 * the number and the names in a comment.  tests/unit/coverage_check.sh
 * requires one XLAT_CHECK per table.
 */
#ifndef FTRACE_TEST_XLAT_CHECK_H
#define FTRACE_TEST_XLAT_CHECK_H

#include <ctype.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "ftrace.h"
#include "xlat.h"

enum {
	XC_VALUES = 0,
	XC_FLAGS = 1,
	XC_NOX = 2,      /* the field ignores -X (as strace's does) */
	XC_NOUNKNOWN = 4, /* no unknown value/bit reaches this table */
	XC_NOCMT = 8     /* flags: strace adds no "/ * X_??? * /" comment */
};

typedef const char *(*xc_run_fn)(uint64_t v);

/* Does line contain word as a whole identifier? */
static bool
xc_has_word(const char *line, const char *word)
{
	size_t n = strlen(word);
	const char *p = line;

	while ((p = strstr(p, word))) {
		bool l = p == line || !(isalnum((unsigned char)p[-1]) ||
					p[-1] == '_');
		bool r = !(isalnum((unsigned char)p[n]) || p[n] == '_');

		if (l && r)
			return true;
		p++;
	}
	return false;
}

/* The name strace prints for entry i: the first entry with its value. */
static const char *
xc_name(const struct xlat *x, unsigned i)
{
	unsigned j;

	for (j = 0; j < i; j++)
		if (x->entries[j].val == x->entries[i].val)
			return x->entries[j].name;
	return x->entries[i].name;
}

static bool
xc_is_alias(const struct xlat *x, unsigned i)
{
	return strcmp(xc_name(x, i), x->entries[i].name) != 0;
}

static void
xc_fail(const char *table, const char *what, uint64_t v, const char *line)
{
	fail_msg("table %s: %s for %#llx: got \"%s\"", table, what,
		 (unsigned long long)v, line);
}

/* Two disjoint entries i < j that no third entry overlaps into. */
static bool
xc_pair(const struct xlat *x, unsigned *pi, unsigned *pj)
{
	unsigned i, j, k;

	for (i = 0; i < x->count; i++) {
		for (j = i + 1; j < x->count; j++) {
			uint64_t a = x->entries[i].val, b = x->entries[j].val;
			bool ok = a && b && !(a & b) && !xc_is_alias(x, i) &&
				  !xc_is_alias(x, j);

			for (k = 0; ok && k < x->count; k++) {
				uint64_t f = x->entries[k].val;

				if (k != i && k != j && f && !(f & ~(a | b)))
					ok = false;
			}
			if (ok) {
				*pi = i;
				*pj = j;
				return true;
			}
		}
	}
	return false;
}

static void
xlat_check(const char *table, const struct xlat *x, int kind, xc_run_fn run)
{
	unsigned saved = opts.xmode, i, j;
	uint64_t all = 0, v;
	char want[512];
	const char *line = NULL;

	assert_true(x->count > 0);
	opts.xmode = XMODE_ABBREV;
	for (i = 0; i < x->count; i++) {
		v = x->entries[i].val;
		all |= v;
		if ((kind & XC_FLAGS) && !v)
			continue;  /* zero names are checked by the family tests */
		line = run(v);
#ifdef FTRACE_TEST_DECODE_HARNESS_H
		if (line == dh_absent_line)
			break;  /* the syscall is not in this arch's table */
#endif
		if (!xc_has_word(line, xc_name(x, i)))
			xc_fail(table, x->entries[i].name, v, line);
	}
#ifdef FTRACE_TEST_DECODE_HARNESS_H
	if (line == dh_absent_line) {
		opts.xmode = saved;
		return;
	}
#endif
	if ((kind & XC_FLAGS) && xc_pair(x, &i, &j)) {
		v = x->entries[i].val | x->entries[j].val;
		snprintf(want, sizeof(want), "%s|%s", x->entries[i].name,
			 x->entries[j].name);
		line = run(v);
		if (!strstr(line, want))
			xc_fail(table, want, v, line);
	}
	if ((kind & XC_FLAGS) && !(kind & XC_NOUNKNOWN)) {
		uint64_t u = 0;
		int b;

		for (b = 31; b >= 0 && !u; b--)
			if (!(all & (1ull << b)))
				u = 1ull << b;
		assert_true(u != 0);
		/* the first entry that is not a multi-bit mask of others */
		for (i = 0; i < x->count && !x->entries[i].val; i++)
			;
		if (i < x->count) {
			v = x->entries[i].val | u;
			snprintf(want, sizeof(want), "%s|%#llx", xc_name(x, i),
				 (unsigned long long)u);
		} else {
			v = u;
			snprintf(want, sizeof(want), "%#llx",
				 (unsigned long long)u);
		}
		line = run(v);
		if (!strstr(line, want))
			xc_fail(table, want, v, line);
		snprintf(want, sizeof(want), (kind & XC_NOCMT) ? "%#llx" :
			 "%#llx /* ", (unsigned long long)u);
		line = run(u);
		if (!strstr(line, want))
			xc_fail(table, "unknown bits alone", u, line);
		opts.xmode = XMODE_RAW;
		line = run(u);
		if (strstr(line, "???"))
			xc_fail(table, "-X raw: no comment", u, line);
		opts.xmode = XMODE_ABBREV;
	}
	if (!(kind & XC_FLAGS) && !(kind & XC_NOUNKNOWN)) {
		char dec[32], hex[32];

		/* the smallest unnamed value: it fits the narrowest field */
		for (v = 1; xlat_lookup(x, v); v++)
			;
		snprintf(dec, sizeof(dec), "%llu", (unsigned long long)v);
		snprintf(hex, sizeof(hex), "%#llx", (unsigned long long)v);
		line = run(v);
		if (!xc_has_word(line, dec) && !strstr(line, hex))
			xc_fail(table, "unknown value as a number", v, line);
		for (i = 0; i < x->count; i++)
			if (xc_has_word(line, x->entries[i].name))
				xc_fail(table, "no name for an unknown value",
					v, line);
	}
	if (!(kind & XC_NOX)) {
		/* the first named, non-zero entry */
		for (i = 0; i < x->count && !x->entries[i].val; i++)
			;
		if (i < x->count) {
			const char *name = xc_name(x, i);

			v = x->entries[i].val;
			opts.xmode = XMODE_RAW;
			line = run(v);
			if (xc_has_word(line, name))
				xc_fail(table, "-X raw prints no name", v, line);
			opts.xmode = XMODE_VERBOSE;
			line = run(v);
			snprintf(want, sizeof(want), " /* %s", name);
			if (!strstr(line, want)) {
				snprintf(want, sizeof(want), "|%s", name);
				if (!strstr(line, "/* ") || !strstr(line, want))
					xc_fail(table, "-X verbose comment", v,
						line);
			}
		}
	}
	opts.xmode = saved;
}

#define XLAT_CHECK(t, kind, run) xlat_check(#t, &(t), (kind), (run))

#endif /* FTRACE_TEST_XLAT_CHECK_H */
