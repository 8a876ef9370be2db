/*
 * decode/flags.c - flags printed the way strace's printflags does when a
 * decoder names its unknown value: a word with no known flag in it is a
 * number with a comment, "0x10 / * EFD_??? * /" (without the spaces).
 */
#include "decode.h"
#include "ftrace.h"
#include "output.h"

void
dec_print_flags_cmt(const struct xlat *x, uint64_t v, const char *zero_name,
		    const char *unknown)
{
	unsigned i;

	for (i = 0; v && i < x->count; i++) {
		uint64_t f = x->entries[i].val;

		if (f && (v & f) == f)
			break;
	}
	/* -X raw: the number alone, as for any flags */
	if (!v || i < x->count || opts.xmode == XMODE_RAW) {
		dec_print_flags(x, v, zero_name);
		return;
	}
	out_printf("%#llx /* %s */", (unsigned long long)v, unknown);
}
