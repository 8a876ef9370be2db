/*
 * xlat.c - errno and signal names, looked up by number in the generated
 * tables src/xlat/errnos.h and src/xlat/signals.h.
 *
 * Holes in the tables (41, 58, 520 for errno) are NULL: the caller prints
 * the number instead.
 */
#include <stddef.h>

#include "xlat.h"

static const char *const errno_names[] = {
#include "xlat/errnos.h"
};

static const char *const signal_names[] = {
#include "xlat/signals.h"
};

#define TABLE_SIZE(a) (sizeof(a) / sizeof((a)[0]))

const char *
xlat_errno_name(int err)
{
	if (err <= 0 || (size_t)err >= TABLE_SIZE(errno_names))
		return NULL;
	return errno_names[err];
}

const char *
xlat_signal_name(int sig)
{
	if (sig <= 0 || (size_t)sig >= TABLE_SIZE(signal_names))
		return NULL;
	return signal_names[sig];
}

const char *
xlat_lookup(const struct xlat *x, uint64_t val)
{
	unsigned i;

	for (i = 0; i < x->count; i++)
		if (x->entries[i].val == val)
			return x->entries[i].name;
	return NULL;
}
