/*
 * compat.c - what only the 32-bit ABIs (i386) have: 64-bit values split
 * over two registers (_llseek; pread64, readahead, fallocate... joined at
 * entry), socketcall(2) and ipc(2) multiplexing the socket and SysV IPC
 * calls, the old select's argument block, send/recv
 * (reachable only through socketcall), and set_thread_area's struct
 * user_desc.
 *
 * socketcall is taken apart at its entry, before anything prints, as
 * strace does: the tracee's record gets the real call's sysent and
 * arguments, so the name, the decoders, -e trace= and the fd tracking all
 * see socketpair(...) and not socketcall(8, 0xffd0...).
 */
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "decode.h"
#include "output.h"
#include "sysent.h"
#include "tracee.h"
#include "umem.h"
#include "decode/net.h"

/* socketcall's first argument (SYS_* of <linux/net.h>) -> the real call */
static const uint16_t socketcall_ids[] = {
	[1] = SC_socket, [2] = SC_bind, [3] = SC_connect, [4] = SC_listen,
	[5] = SC_accept, [6] = SC_getsockname, [7] = SC_getpeername,
	[8] = SC_socketpair, [9] = SC_send, [10] = SC_recv,
	[11] = SC_sendto, [12] = SC_recvfrom, [13] = SC_shutdown,
	[14] = SC_setsockopt, [15] = SC_getsockopt, [16] = SC_sendmsg,
	[17] = SC_recvmsg, [18] = SC_accept4, [19] = SC_recvmmsg,
	[20] = SC_sendmmsg,
};

#define NSUB (sizeof(socketcall_ids) / sizeof(socketcall_ids[0]))

/*
 * The number the real call has on the same arch (send and recv have
 * none: the record keeps socketcall's), looked up once per subcall.
 */
static uint64_t
subcall_nr(uint32_t arch, unsigned sub, uint64_t fallback)
{
	static uint64_t nr[NSUB];
	static bool known[NSUB];

	if (!known[sub]) {
		if (!sysent_by_name(arch, sysent_table[socketcall_ids[sub]].name,
				    &nr[sub]))
			nr[sub] = fallback;
		known[sub] = true;
	}
	return nr[sub];
}

/*
 * 64-bit arguments that a 32-bit ABI passes in two registers, low word
 * first.  At the entry they are joined into one argument and the record
 * gets the row with the native layout (same printed name), so one decoder
 * prints fadvise64's offset whatever the arch.  Each map gives, for the
 * native argument i, the source register (JOIN|r: r and r + 1 joined);
 * END ends the list.
 */
enum { JOIN = 0x80, END = 0xff };

static const struct compat_join {
	uint16_t from, to;
	uint8_t map[6];
} joins[] = {
	{ SC_pread64_i386, SC_pread64, { 0, 1, 2, JOIN | 3, END } },
	{ SC_pwrite64_i386, SC_pwrite64, { 0, 1, 2, JOIN | 3, END } },
	{ SC_preadv_i386, SC_preadv, { 0, 1, 2, JOIN | 3, END } },
	{ SC_pwritev_i386, SC_pwritev, { 0, 1, 2, JOIN | 3, END } },
	/* pos_l, pos_h on every arch: the 64-bit kernels ignore pos_h */
	{ SC_preadv2, SC_preadv2, { 0, 1, 2, JOIN | 3, 4, 5 } },
	{ SC_pwritev2, SC_pwritev2, { 0, 1, 2, JOIN | 3, 4, 5 } },
	{ SC_readahead_i386, SC_readahead, { 0, JOIN | 1, 3, END } },
	{ SC_fadvise64_i386, SC_fadvise64, { 0, JOIN | 1, 3, 4, END } },
	{ SC_fadvise64_64, SC_fadvise64_64, { 0, JOIN | 1, JOIN | 3, 5, END } },
	{ SC_fallocate_i386, SC_fallocate, { 0, 1, JOIN | 2, JOIN | 4, END } },
	{ SC_sync_file_range_i386, SC_sync_file_range,
	  { 0, JOIN | 1, JOIN | 3, 5, END } },
	{ SC_truncate64, SC_truncate64, { 0, JOIN | 1, END } },
	{ SC_ftruncate64, SC_ftruncate64, { 0, JOIN | 1, END } },
	{ SC_fanotify_mark_i386, SC_fanotify_mark,
	  { 0, 1, JOIN | 2, 4, 5, END } },
	{ SC_lookup_dcookie_i386, SC_lookup_dcookie, { JOIN | 0, 2, 3, END } },
};

/*
 * ipc(call, first, second, third, ptr, fifth) of i386, shown as the call
 * it makes (as strace does): the map takes each argument of the direct
 * call from ipc's registers.  Left as ipc(...): semctl (its union semun
 * behind ptr), msgrcv (the ipc_kludge of version 0) and shmat (the
 * address comes back through third), whose forms differ from the direct
 * calls.
 */
static const struct compat_ipc {
	uint16_t call, to;
	uint8_t map[6];
} ipc_subcalls[] = {
	{ 1, SC_semop, { 1, 4, 2, END } },
	{ 2, SC_semget, { 1, 2, 3, END } },
	{ 4, SC_semtimedop, { 1, 4, 2, 5, END } },
	{ 11, SC_msgsnd, { 1, 4, 2, 3, END } },
	{ 13, SC_msgget, { 1, 2, END } },
	{ 14, SC_msgctl, { 1, 2, 4, END } },
	{ 22, SC_shmdt, { 4, END } },
	{ 23, SC_shmget, { 1, 2, 3, END } },
	{ 24, SC_shmctl, { 1, 2, 4, END } },
};

/* The record's arguments rebuilt by map, and the row to print them. */
static void
apply_map(struct tracee *t, const uint8_t map[6], uint16_t to)
{
	uint64_t a[6] = { 0 };
	unsigned i;

	for (i = 0; i < 6 && map[i] != END; i++) {
		unsigned r = map[i] & ~JOIN & 0x7f;

		a[i] = t->entry.args[r];
		if ((map[i] & JOIN) && r < 5)
			a[i] = (uint32_t)a[i] | t->entry.args[r + 1] << 32;
	}
	memcpy(t->entry.args, a, sizeof(a));
	t->ent = &sysent_table[to];
}

static void
join_split_args(struct tracee *t)
{
	size_t n;

	for (n = 0; n < sizeof(joins) / sizeof(joins[0]); n++)
		if (t->ent == &sysent_table[joins[n].from]) {
			apply_map(t, joins[n].map, joins[n].to);
			return;
		}
}

/*
 * The number the direct call has on the same arch (i386 got direct SysV
 * IPC calls in Linux 5.1, semop excepted), looked up once per subcall.
 */
static uint64_t
direct_nr(uint32_t arch, size_t sub, uint64_t fallback)
{
	static uint64_t nr[sizeof(ipc_subcalls) / sizeof(ipc_subcalls[0])];
	static bool known[sizeof(ipc_subcalls) / sizeof(ipc_subcalls[0])];
	static bool found[sizeof(ipc_subcalls) / sizeof(ipc_subcalls[0])];

	if (!known[sub]) {
		found[sub] = sysent_by_name(arch,
					    sysent_table[ipc_subcalls[sub].to].name,
					    &nr[sub]) != NULL;
		known[sub] = true;
	}
	return found[sub] ? nr[sub] : fallback;
}

static void
ipc_demux(struct tracee *t)
{
	unsigned call = (unsigned)(t->entry.args[0] & 0xffff);
	size_t n;

	for (n = 0; n < sizeof(ipc_subcalls) / sizeof(ipc_subcalls[0]); n++)
		if (ipc_subcalls[n].call == call) {
			apply_map(t, ipc_subcalls[n].map, ipc_subcalls[n].to);
			t->entry.nr = direct_nr(t->entry.arch, n, t->entry.nr);
			return;
		}
}

void
compat_demux(struct tracee *t)
{
	const struct sysent *sub;
	uint32_t words[6];
	uint64_t call = t->entry.args[0];
	unsigned i;

	if (t->entry.wordsize != 4)
		return;
	join_split_args(t);
	if (t->ent == &sysent_table[SC_ipc]) {
		ipc_demux(t);
		return;
	}
	/* i386's old select(2) takes one pointer to its five arguments */
	if (t->ent == &sysent_table[SC_old_select]) {
		if (umem_read(t->tid, t->entry.args[0], words,
			      5 * sizeof(words[0])) < 0)
			return;
		for (i = 0; i < 6; i++)
			t->entry.args[i] = i < 5 ? words[i] : 0;
		t->ent = &sysent_table[SC_select];
		return;
	}
	if (t->ent != &sysent_table[SC_socketcall] || call >= NSUB ||
	    !socketcall_ids[call])
		return;
	sub = &sysent_table[socketcall_ids[call]];
	/* unreadable: left as socketcall(N, addr), as strace prints it */
	if (umem_read(t->tid, t->entry.args[1], words,
		      sub->nargs * sizeof(words[0])) < 0)
		return;
	memset(t->entry.args, 0, sizeof(t->entry.args));
	for (i = 0; i < sub->nargs; i++)
		t->entry.args[i] = words[i];
	t->entry.nr = subcall_nr(t->entry.arch, (unsigned)call, t->entry.nr);
	t->ent = sub;
}

/* send(fd, buf, len, flags) */
enum dec_status
dec_send(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_buf(c->tid, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	return DEC_DONE;
}

/* recv(fd, buf, len, flags): the buffer at exit */
enum dec_status
dec_recv(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		dec_print_buf(c->tid, dec_arg(c, 1), (uint64_t)c->rval);
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	return DEC_DONE;
}

static const struct xlat_entry whence_names[] = {
	XLAT_ENTRY(SEEK_SET), XLAT_ENTRY(SEEK_CUR), XLAT_ENTRY(SEEK_END),
	XLAT_ENTRY(SEEK_DATA), XLAT_ENTRY(SEEK_HOLE),
};
static const struct xlat whence = XLAT_TABLE(whence_names);

/* _llseek(fd, offset_high, offset_low, result, whence) */
enum dec_status
dec_llseek(struct sc_ctx *c)
{
	int64_t res;

	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_printf(", %lld, ", (long long)((dec_arg(c, 1) << 32) |
						   (uint32_t)dec_arg(c, 2)));
		return DEC_MORE;
	}
	if (!c->is_error && umem_read(c->tid, dec_arg(c, 3), &res, 8) == 0)
		out_printf("[%lld]", (long long)res);
	else
		dec_print_ptr(dec_arg(c, 3));
	out_write(", ", 2);
	dec_print_xval(&whence, (uint32_t)dec_arg(c, 4), "%#llx", "SEEK_???");
	return DEC_DONE;
}

/* struct user_desc of <asm/ldt.h>: three words, then the flag bits */
struct compat_user_desc {
	uint32_t entry_number;
	uint32_t base_addr;
	uint32_t limit;
	uint32_t bits;
};

static void
print_user_desc(struct sc_ctx *c, uint64_t addr)
{
	struct compat_user_desc d;

	if (!dec_fetch(c, addr, &d, sizeof(d)))
		return;
	out_printf("{entry_number=%d, base_addr=%#08x, limit=%#08x, "
		   "seg_32bit=%u, contents=%u, read_exec_only=%u, "
		   "limit_in_pages=%u, seg_not_present=%u, useable=%u}",
		   (int)d.entry_number, d.base_addr, d.limit, d.bits & 1,
		   (d.bits >> 1) & 3, (d.bits >> 3) & 1, (d.bits >> 4) & 1,
		   (d.bits >> 5) & 1, (d.bits >> 6) & 1);
}

void
compat_print_tls(struct sc_ctx *c, uint64_t addr)
{
	if (c->entry->arch == ARCH_I386)
		print_user_desc(c, addr);
	else
		dec_print_ptr(addr);
}

/* The kernel picked a free slot for entry_number -1: show which. */
static void
rval_entry_number(struct sc_ctx *c)
{
	uint32_t n;

	out_printf("= %lld", (long long)c->rval);
	if (umem_read(c->tid, dec_arg(c, 0), &n, sizeof(n)) == 0)
		out_printf(" (entry_number=%d)", (int)n);
}

/* set_thread_area(u_info): i386 layout; 64-bit callers get the address */
enum dec_status
dec_set_thread_area(struct sc_ctx *c)
{
	uint32_t n;

	if (c->entry->wordsize != 4) {
		if (!c->exiting)
			dec_print_ptr(dec_arg(c, 0));
		return DEC_DONE;
	}
	if (!c->exiting) {
		print_user_desc(c, dec_arg(c, 0));
		if (umem_read(c->tid, dec_arg(c, 0), &n, sizeof(n)) == 0)
			c->scratch[0] = n == 0xffffffffu;
		return DEC_MORE;
	}
	if (c->scratch[0])
		c->print_rval = rval_entry_number;
	return DEC_DONE;
}
