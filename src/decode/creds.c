/*
 * decode/creds.c - credential syscalls whose arguments are more than
 * numbers: getgroups/setgroups (and their 32-bit-gid variants on i386).
 *
 * A group list prints as "[1, 2, 3]", cut after -s elements with "...".
 * getgroups' list is the kernel's answer: printed at exit with as many
 * elements as the call returned, its address after an error.  On i386 the
 * original getgroups/setgroups take 16-bit gids; the *32 calls and every
 * other architecture take 32-bit ones.
 */
#include <stdio.h>
#include <string.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/* The kernel refuses larger lists (NGROUPS_MAX). */
#define GROUPS_MAX 65536

static unsigned
gid_size(const struct sc_ctx *c)
{
	bool legacy = c->ent == &sysent_table[SC_getgroups] ||
		      c->ent == &sysent_table[SC_setgroups];

	return legacy && c->entry->arch == ARCH_I386 ? 2 : 4;
}

static void
print_gid_list(struct sc_ctx *c, uint64_t addr, uint64_t count)
{
	unsigned ws = gid_size(c);
	unsigned char raw[64 * 4];
	uint64_t shown = count, i;

	if (!addr || count > GROUPS_MAX) {
		dec_print_ptr(addr);
		return;
	}
	if (shown > opts.max_strlen)
		shown = opts.max_strlen;
	if (shown > sizeof(raw) / 4)
		shown = sizeof(raw) / 4;
	if (shown && umem_read(c->tid, addr, raw, shown * ws) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("[", 1);
	for (i = 0; i < shown; i++) {
		uint16_t g16;
		uint32_t g32;

		if (ws == 2) {
			memcpy(&g16, raw + i * 2, 2);
			g32 = g16;
		} else {
			memcpy(&g32, raw + i * 4, 4);
		}
		out_printf("%s%u", i ? ", " : "", g32);
	}
	if (shown < count)
		out_write(shown ? ", ..." : "...", shown ? 5 : 3);
	out_write("]", 1);
}

enum dec_status
dec_getgroups(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_gid_list(c, dec_arg(c, 1), (uint64_t)c->rval);
	return DEC_DONE;
}

enum dec_status
dec_setgroups(struct sc_ctx *c)
{
	int n = (int)dec_arg(c, 0);

	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", n);
	print_gid_list(c, dec_arg(c, 1), n < 0 ? ~0ULL : (uint64_t)n);
	return DEC_DONE;
}
