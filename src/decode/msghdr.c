/*
 * decode/msghdr.c - sendmsg, recvmsg, sendmmsg, recvmmsg: struct msghdr,
 * struct mmsghdr and control messages (SCM_RIGHTS fds, credentials).
 *
 * What the kernel fills in (received data, msg_flags, msg_namelen,
 * control messages) is printed at syscall exit, the rest at entry.  Data
 * exchanged with an AF_NETLINK address on a NETLINK_ROUTE socket is
 * decoded as netlink messages by netlink.c.
 */
#include <linux/netlink.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "decode/net.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

static const struct xlat_entry scm_names[] = {
	XLAT_PAIR(1, "SCM_RIGHTS"), XLAT_PAIR(2, "SCM_CREDENTIALS"),
	XLAT_PAIR(3, "SCM_SECURITY"), XLAT_PAIR(4, "SCM_PIDFD"),
	XLAT_PAIR(29, "SO_TIMESTAMP_OLD"), XLAT_PAIR(35, "SO_TIMESTAMPNS_OLD"),
	XLAT_PAIR(37, "SO_TIMESTAMPING_OLD"),
};
static const struct xlat scm = XLAT_TABLE(scm_names);

/* ---- msghdr ---------------------------------------------------------------- */

/* struct msghdr, word-size neutral. */
struct msg_fields {
	uint64_t name, namelen, iov, iovlen, control, controllen, flags;
};

static unsigned
msghdr_size(unsigned ws)
{
	return ws == 4 ? 28 : 56;
}

static int
read_msghdr(struct sc_ctx *c, uint64_t addr, struct msg_fields *m)
{
	unsigned ws = c->entry->wordsize;
	unsigned char b[56];

	if (umem_read(c->tid, addr, b, msghdr_size(ws)) < 0)
		return -1;
	if (ws == 4) {
		uint32_t w[7];

		memcpy(w, b, sizeof(w));
		*m = (struct msg_fields){ w[0], w[1], w[2], w[3], w[4], w[5],
					  w[6] };
	} else {
		uint64_t w[7];

		memcpy(w, b, sizeof(w));
		*m = (struct msg_fields){ w[0], (uint32_t)w[1], w[2], w[3],
					  w[4], w[5], (uint32_t)w[6] };
	}
	return 0;
}

static void
print_cmsg_data(struct sc_ctx *c, int level, int type, const unsigned char *d,
		size_t len)
{
	size_t i;

	out_write(", cmsg_data=", 12);
	if (level == SOL_SOCKET && type == SCM_RIGHTS) {
		out_write("[", 1);
		for (i = 0; i + 4 <= len; i += 4) {
			int fd;

			memcpy(&fd, d + i, sizeof(fd));
			if (i)
				out_write(", ", 2);
			if (i / 4 >= opts.max_strlen) {
				out_write("...", 3);
				break;
			}
			dec_print_fd(c, fd);
		}
		out_write("]", 1);
		return;
	}
	if (level == SOL_SOCKET && type == SCM_CREDENTIALS && len >= 12) {
		uint32_t v[3];

		memcpy(v, d, sizeof(v));
		out_printf("{pid=%d, uid=%u, gid=%u}", (int)v[0], v[1], v[2]);
		return;
	}
	net_put_quoted((const char *)d, len);
}

/* Control messages: "[{cmsg_len=20, cmsg_level=SOL_SOCKET, ...}]". */
static void
print_cmsgs(struct sc_ctx *c, uint64_t addr, uint64_t len)
{
	unsigned ws = c->entry->wordsize, hdr = ws == 4 ? 12 : 16;
	unsigned char b[512];
	size_t n = len > sizeof(b) ? sizeof(b) : (size_t)len, off = 0;
	unsigned count = 0;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (!dec_fetch(c, addr, b, n))
		return;
	out_write("[", 1);
	while (off + hdr <= n) {
		uint64_t clen;
		int level, type;

		if (ws == 4) {
			uint32_t l;

			memcpy(&l, b + off, 4);
			clen = l;
		} else {
			memcpy(&clen, b + off, 8);
		}
		memcpy(&level, b + off + ws, 4);
		memcpy(&type, b + off + ws + 4, 4);
		if (count++)
			out_write(", ", 2);
		out_printf("{cmsg_len=%llu, cmsg_level=", (unsigned long long)clen);
		dec_print_xval(&net_sol, (uint32_t)level, "%#llx", "SOL_??");
		out_write(", cmsg_type=", 12);
		if (level == SOL_SOCKET)
			dec_print_xval(&scm, (uint32_t)type, "%#llx", "SCM_???");
		else
			out_printf("%#x", type);
		if (clen > hdr) {
			size_t dlen = clen - hdr;

			if (dlen > n - off - hdr)
				dlen = n - off - hdr;
			print_cmsg_data(c, level, type, b + off + hdr, dlen);
		}
		out_write("}", 1);
		/*
		 * Checked before the rounding up: a cmsg_len near 2^64 wraps
		 * to 0 there and the loop would never advance (fuzz_decode).
		 */
		if (clen < hdr || clen > n - off)
			break;
		/* CMSG_ALIGN: the next header starts word-aligned */
		clen = (clen + ws - 1) & ~(uint64_t)(ws - 1);
		if (clen > n - off)
			break;
		off += (size_t)clen;
	}
	out_write("]", 1);
}

/*
 * A whole msghdr.  limit: bytes of iov data to show (the result of a
 * receive, ~0 for a send).  in_namelen: msg_namelen before a receive.
 */
static void
print_msghdr_fields(struct sc_ctx *c, const struct msg_fields *m,
		    uint64_t limit, int64_t in_namelen)
{
	uint64_t shown = m->namelen;

	/* a receive shows min(in, out) bytes of the sender's address */
	if (in_namelen >= 0 && (uint64_t)in_namelen < shown)
		shown = (uint64_t)in_namelen;
	out_write("{msg_name=", 10);
	net_print_sockaddr(c, m->name, shown);
	if (in_namelen >= 0 && (uint64_t)in_namelen != m->namelen)
		out_printf(", msg_namelen=%u => %u", (unsigned)in_namelen,
			   (unsigned)m->namelen);
	else
		out_printf(", msg_namelen=%u", (unsigned)m->namelen);
	out_write(", msg_iov=", 10);
	dec_print_iovec(c, m->iov, m->iovlen, limit,
			net_is_netlink_data(c, (int)dec_arg(c, 0), m->name, shown) ?
			dec_print_netlink : NULL);
	out_printf(", msg_iovlen=%llu", (unsigned long long)m->iovlen);
	if (m->controllen) {
		out_write(", msg_control=", 14);
		print_cmsgs(c, m->control, m->controllen);
	}
	out_printf(", msg_controllen=%llu, msg_flags=",
		   (unsigned long long)m->controllen);
	dec_print_flags(&net_msgflags, (uint32_t)m->flags, NULL);
	out_write("}", 1);
}

static void
print_msghdr(struct sc_ctx *c, uint64_t addr, uint64_t limit,
	     int64_t in_namelen)
{
	struct msg_fields m;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (read_msghdr(c, addr, &m) < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_msghdr_fields(c, &m, limit, in_namelen);
}

enum dec_status
dec_sendmsg(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	print_msghdr(c, dec_arg(c, 1), ~0ULL, -1);
	out_write(", ", 2);
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 2), "0", "MSG_???");
	return DEC_DONE;
}

enum dec_status
dec_recvmsg(struct sc_ctx *c)
{
	struct msg_fields m;

	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		/* msg_namelen before the call: printed if the call fails */
		if (dec_arg(c, 1) && read_msghdr(c, dec_arg(c, 1), &m) == 0) {
			c->scratch[0] = m.namelen;
			c->scratch[1] = 1;
		}
		return DEC_MORE;
	}
	if (c->is_error) {
		if (c->scratch[1])
			out_printf("{msg_namelen=%u}", (unsigned)c->scratch[0]);
		else
			dec_print_ptr(dec_arg(c, 1));
	} else {
		print_msghdr(c, dec_arg(c, 1), (uint64_t)c->rval,
			     c->scratch[1] ? (int64_t)c->scratch[0] : -1);
	}
	out_write(", ", 2);
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 2), "0", "MSG_???");
	return DEC_DONE;
}

/*
 * recvmmsg keeps in c->scratch: [0..1] the timeout given, [2] msg_namelen
 * of the first two entries (32 bits each), [3] which of those are valid
 * (bit 0: timeout, bits 1-2: namelens).
 */
#define MMSG_SAVED 2

static void
mmsg_save(struct sc_ctx *c)
{
	unsigned ws = c->entry->wordsize, stride = ws == 4 ? 32 : 64;
	uint64_t addr = dec_arg(c, 1), i;

	for (i = 0; addr && i < MMSG_SAVED && i < (uint32_t)dec_arg(c, 2); i++) {
		struct msg_fields m;

		if (read_msghdr(c, addr + i * stride, &m) < 0)
			break;
		c->scratch[2] |= (m.namelen & 0xffffffffULL) << (32 * i);
		c->scratch[3] |= 2ULL << i;
	}
}

static int64_t
mmsg_in_namelen(struct sc_ctx *c, uint64_t i)
{
	if (i >= MMSG_SAVED || !(c->scratch[3] & (2ULL << i)))
		return -1;
	return (int64_t)((c->scratch[2] >> (32 * i)) & 0xffffffffULL);
}

/*
 * mmsghdr vectors, printed after the call for the rval entries the kernel
 * handled (msg_len is an output).  recv: each entry's data stops at its
 * msg_len.
 */
static void
print_mmsgvec(struct sc_ctx *c, uint64_t addr, uint64_t count, bool recv)
{
	unsigned ws = c->entry->wordsize;
	unsigned stride = ws == 4 ? 32 : 64;
	bool opened = false;
	enum dec_elem e;
	uint64_t i;

	if (c->is_error || !addr) {
		dec_print_ptr(addr);
		return;
	}
	for (i = 0; i < count; i++) {
		uint64_t a = addr + i * stride;
		struct msg_fields m;
		uint32_t mlen;

		e = dec_array_elem(addr, i, read_msghdr(c, a, &m) == 0 &&
				   umem_read(c->tid, a + msghdr_size(ws), &mlen,
					     sizeof(mlen)) == 0, &opened);
		if (e == DEC_ELEM_GONE)
			return;
		if (e == DEC_ELEM_STOP)
			break;
		out_write("{msg_hdr=", 9);
		print_msghdr_fields(c, &m, recv ? mlen : ~0ULL,
				    recv ? mmsg_in_namelen(c, i) : -1);
		out_printf(", msg_len=%u}", mlen);
	}
	dec_array_close(opened);
}

enum dec_status
dec_sendmmsg(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		return DEC_MORE;
	}
	print_mmsgvec(c, dec_arg(c, 1), (uint64_t)c->rval, false);
	out_printf(", %u, ", (unsigned)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	return DEC_DONE;
}

/* A struct timespec from the tracee: 0, or -1 when unreadable. */
static int
read_timespec(struct sc_ctx *c, uint64_t addr, int64_t ts[2])
{
	/* compat tracees: 32-bit fields, except in recvmmsg_time64 */
	if (c->entry->wordsize == 4 && !strstr(c->ent->name, "_time64")) {
		int32_t t[2];

		if (umem_read(c->tid, addr, t, sizeof(t)) < 0)
			return -1;
		ts[0] = t[0];
		ts[1] = t[1];
		return 0;
	}
	return umem_read(c->tid, addr, ts, 2 * sizeof(int64_t));
}

/* recvmmsg's result: the count, and the time the timeout left. */
static void
print_mmsg_rval(struct sc_ctx *c)
{
	int64_t ts[2];

	out_printf("= %lld", (long long)c->rval);
	if (read_timespec(c, dec_arg(c, 4), ts) == 0)
		out_printf(" (left {tv_sec=%lld, tv_nsec=%lld})",
			   (long long)ts[0], (long long)ts[1]);
}

enum dec_status
dec_recvmmsg(struct sc_ctx *c)
{
	uint64_t tsp = dec_arg(c, 4);

	if (!c->exiting) {
		int64_t ts[2];

		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		/* the timeout is shown as given; what is left, after */
		if (tsp && read_timespec(c, tsp, ts) == 0) {
			c->scratch[0] = (uint64_t)ts[0];
			c->scratch[1] = (uint64_t)ts[1];
			c->scratch[3] |= 1;
		}
		mmsg_save(c);
		return DEC_MORE;
	}
	print_mmsgvec(c, dec_arg(c, 1), (uint64_t)c->rval, true);
	out_printf(", %u, ", (unsigned)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	out_write(", ", 2);
	if (!tsp) {
		out_write("NULL", 4);
	} else if (c->scratch[3] & 1) {
		out_printf("{tv_sec=%lld, tv_nsec=%lld}",
			   (long long)c->scratch[0], (long long)c->scratch[1]);
		if (!c->is_error)
			c->print_rval = print_mmsg_rval;
	} else {
		dec_print_ptr(tsp);
	}
	return DEC_DONE;
}
