/*
 * decode/poll.c - waiting on descriptors: poll, ppoll, select, pselect6,
 * epoll_ctl, epoll_wait, epoll_pwait, epoll_pwait2.
 *
 * The requests print at entry; what the kernel reports (ready fds, the
 * time left) goes after the result, "= 1 ([{fd=3, revents=POLLIN}])",
 * through c->print_rval.
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/epoll.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

static const struct xlat_entry poll_names[] = {
	XLAT_ENTRY(POLLIN), XLAT_ENTRY(POLLPRI), XLAT_ENTRY(POLLOUT),
	XLAT_ENTRY(POLLERR), XLAT_ENTRY(POLLHUP), XLAT_ENTRY(POLLNVAL),
	XLAT_ENTRY(POLLRDNORM), XLAT_ENTRY(POLLRDBAND),
	XLAT_ENTRY(POLLWRNORM), XLAT_ENTRY(POLLWRBAND), XLAT_ENTRY(POLLMSG),
	XLAT_PAIR(0x1000, "POLLREMOVE"), XLAT_PAIR(0x2000, "POLLRDHUP"),
	XLAT_PAIR(0x8000, "POLL_BUSY_LOOP"),
};
static const struct xlat poll_events = XLAT_TABLE(poll_names);

/* ---- shared pieces ------------------------------------------------------ */

/* "{tv_sec=1, tv_nsec=2}" (or tv_usec for select's timeval), or NULL. */
static void
print_timeout(struct sc_ctx *c, uint64_t addr, bool usec)
{
	int64_t tv[2];
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (ws == 4) {
		int32_t t32[2];

		if (!dec_fetch(c, addr, t32, sizeof(t32)))
			return;
		tv[0] = t32[0];
		tv[1] = t32[1];
	} else if (umem_read(c->tid, addr, tv, sizeof(tv)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("{tv_sec=%lld, %s=%lld}", (long long)tv[0],
		   usec ? "tv_usec" : "tv_nsec", (long long)tv[1]);
}

/* A sigset_t: "[INT TERM]", or "~[...]" when most signals are in it. */
static void
print_sigset(struct sc_ctx *c, uint64_t addr, uint64_t size)
{
	uint8_t set[16] = { 0 };
	unsigned nsig, count = 0, sig;
	bool invert, first = true;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (size > sizeof(set) || !size ||
	    umem_read(c->tid, addr, set, (size_t)size) < 0) {
		dec_print_ptr(addr);
		return;
	}
	nsig = (unsigned)size * 8;
	for (sig = 1; sig <= nsig; sig++)
		count += (set[(sig - 1) / 8] >> ((sig - 1) % 8)) & 1;
	invert = count > nsig / 2;
	out_write(invert ? "~[" : "[", invert ? 2 : 1);
	for (sig = 1; sig <= nsig; sig++) {
		bool in = (set[(sig - 1) / 8] >> ((sig - 1) % 8)) & 1;
		const char *name;

		if (in == invert)
			continue;
		if (!first)
			out_write(" ", 1);
		first = false;
		name = xlat_signal_name((int)sig);
		if (name && strncmp(name, "SIG", 3) == 0)
			out_puts(name + 3);
		else
			out_printf("%u", sig);
	}
	out_write("]", 1);
}

/* ---- poll, ppoll ------------------------------------------------------ */

#define POLL_MAX_FDS (1U << 20)

/*
 * The pollfd array; revents: only the fds with events, as reported.  With
 * revents, want is the call's result (how many have events): the scan
 * stops there, so a huge nfds costs no more than the fds shown.
 */
#define POLL_CHUNK 64

/*
 * Element i of the array, read POLL_CHUNK at a time: a result scan may
 * pass up to 2^20 fds without events, one read each was seconds of
 * syscalls (fuzz_decode's slowest input).  A chunk that is not wholly
 * readable is read one element at a time, so the array still ends at its
 * first unreadable element.  Returns false there.
 */
static bool
pollfd_at(struct sc_ctx *c, uint64_t addr, uint64_t n, uint64_t i,
	  struct pollfd *chunk, uint64_t *chunk_start, uint64_t *chunk_len,
	  struct pollfd *p)
{
	if (i < *chunk_start || i >= *chunk_start + *chunk_len) {
		uint64_t k = n - i < POLL_CHUNK ? n - i : POLL_CHUNK;

		*chunk_start = i;
		*chunk_len = umem_read(c->tid, addr + i * sizeof(*p), chunk,
				       k * sizeof(*p)) == 0 ? k : 0;
	}
	if (*chunk_len) {
		*p = chunk[i - *chunk_start];
		return true;
	}
	return umem_read(c->tid, addr + i * sizeof(*p), p, sizeof(*p)) == 0;
}

static void
print_pollfds(struct sc_ctx *c, uint64_t addr, uint64_t n, bool revents,
	      uint64_t want)
{
	struct pollfd chunk[POLL_CHUNK];
	uint64_t chunk_start = 0, chunk_len = 0;
	unsigned printed = 0;
	uint64_t i, found = 0;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	/* the kernel takes no more than RLIMIT_NOFILE (at most 2^20) fds */
	if (n > POLL_MAX_FDS)
		n = POLL_MAX_FDS;
	out_write("[", 1);
	for (i = 0; i < n && (!revents || found < want); i++) {
		struct pollfd p;

		/* the caller checked the first one: the rest ends early */
		if (!pollfd_at(c, addr, n, i, chunk, &chunk_start, &chunk_len, &p))
			break;
		if (revents && !p.revents)
			continue;
		found++;
		if (printed)
			out_write(", ", 2);
		if (printed >= opts.max_strlen) {
			out_write("...", 3);
			break;
		}
		printed++;
		out_write("{fd=", 4);
		/* the results name bare fds, as strace does even with -y */
		if (revents)
			out_printf("%d", p.fd);
		else
			dec_print_fd(c, p.fd);
		out_write(revents ? ", revents=" : ", events=", revents ? 10 : 9);
		dec_print_flags_cmt(&poll_events,
				    (uint16_t)(revents ? p.revents : p.events),
				    "0", "POLL???");
		out_write("}", 1);
	}
	out_write("]", 1);
}

static void
rval_poll(struct sc_ctx *c)
{
	bool is_ppoll = c->ent->nargs > 3;

	if (c->rval == 0) {
		out_write("= 0 (Timeout)", 13);
		return;
	}
	out_printf("= %lld (", (long long)c->rval);
	print_pollfds(c, dec_arg(c, 0), dec_arg(c, 1), true, (uint64_t)c->rval);
	if (is_ppoll && dec_arg(c, 2)) {
		out_write(", left ", 7);
		print_timeout(c, dec_arg(c, 2), false);
	}
	out_write(")", 1);
}

static bool
pollfds_readable(struct sc_ctx *c, uint64_t addr, uint64_t n)
{
	struct pollfd p;

	return !addr || !n || umem_read(c->tid, addr, &p, sizeof(p)) == 0;
}

/* poll(fds, nfds, timeout) and ppoll(fds, nfds, tsp, sigmask, size) */
enum dec_status
dec_poll(struct sc_ctx *c)
{
	uint64_t fds = dec_arg(c, 0), n = dec_arg(c, 1);

	if (c->exiting) {
		if (!c->is_error && pollfds_readable(c, fds, n))
			c->print_rval = rval_poll;
		return DEC_DONE;
	}
	if (pollfds_readable(c, fds, n))
		print_pollfds(c, fds, n, false, 0);
	else
		dec_print_ptr(fds);
	out_printf(", %u, ", (unsigned)n);
	if (c->ent->nargs <= 3) {
		out_printf("%d", (int)dec_arg(c, 2));
		return DEC_DONE;
	}
	print_timeout(c, dec_arg(c, 2), false);
	out_write(", ", 2);
	print_sigset(c, dec_arg(c, 3), dec_arg(c, 4));
	out_printf(", %llu", (unsigned long long)dec_arg(c, 4));
	return DEC_DONE;
}

/* ---- select, pselect6 --------------------------------------------------- */

#define FDSET_MAX_BYTES 1024

/* "[0 3]": the fds below nfds in the set; bare: no -y paths (results). */
static void
print_fdset(struct sc_ctx *c, uint64_t addr, int nfds, bool bare)
{
	static uint8_t bits[FDSET_MAX_BYTES];
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	size_t len;
	int fd;
	bool first = true;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (nfds < 0)
		nfds = 0;
	if (nfds > FDSET_MAX_BYTES * 8)
		nfds = FDSET_MAX_BYTES * 8;
	/* the kernel reads whole longs */
	len = ((size_t)nfds + ws * 8 - 1) / (ws * 8) * ws;
	if (len && umem_read(c->tid, addr, bits, len) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("[", 1);
	for (fd = 0; fd < nfds; fd++) {
		if (!((bits[fd / 8] >> (fd % 8)) & 1))
			continue;
		if (!first)
			out_write(" ", 1);
		first = false;
		if (bare)
			out_printf("%d", fd);
		else
			dec_print_fd(c, fd);
	}
	out_write("]", 1);
}

static bool
fdset_nonempty(struct sc_ctx *c, uint64_t addr, int nfds)
{
	static uint8_t bits[FDSET_MAX_BYTES];
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	size_t len, i;

	if (!addr || nfds <= 0)
		return false;
	if (nfds > FDSET_MAX_BYTES * 8)
		nfds = FDSET_MAX_BYTES * 8;
	len = ((size_t)nfds + ws * 8 - 1) / (ws * 8) * ws;
	if (umem_read(c->tid, addr, bits, len) < 0)
		return false;
	for (i = 0; i < (size_t)nfds; i++)
		if ((bits[i / 8] >> (i % 8)) & 1)
			return true;
	return false;
}

static void
rval_select(struct sc_ctx *c)
{
	static const char *const names[] = { "in", "out", "except" };
	int nfds = (int)dec_arg(c, 0);
	bool first = true, usec = c->ent->nargs == 5;
	unsigned i;

	if (c->rval == 0) {
		out_write("= 0 (Timeout)", 13);
		return;
	}
	out_printf("= %lld (", (long long)c->rval);
	for (i = 0; i < 3; i++) {
		uint64_t addr = dec_arg(c, 1 + i);

		if (!fdset_nonempty(c, addr, nfds))
			continue;
		if (!first)
			out_write(", ", 2);
		first = false;
		out_printf("%s ", names[i]);
		print_fdset(c, addr, nfds, true);
	}
	if (dec_arg(c, 4)) {
		if (!first)
			out_write(", ", 2);
		out_write("left ", 5);
		print_timeout(c, dec_arg(c, 4), usec);
	}
	out_write(")", 1);
}

/* pselect6's 6th argument: { const sigset_t *ss; size_t ss_len; } */
static void
print_pselect_sig(struct sc_ctx *c, uint64_t addr)
{
	uint64_t ss, len;
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (umem_read_word(c->tid, addr, ws, &ss) < 0 ||
	    umem_read_word(c->tid, addr + ws, ws, &len) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{sigmask=", 9);
	print_sigset(c, ss, len);
	out_printf(", sigsetsize=%llu}", (unsigned long long)len);
}

/* select(nfds, r, w, e, timeval) and pselect6(..., timespec, sig) */
enum dec_status
dec_select(struct sc_ctx *c)
{
	int nfds = (int)dec_arg(c, 0);
	bool is_pselect = c->ent->nargs > 5;
	unsigned i;

	if (c->exiting) {
		if (!c->is_error)
			c->print_rval = rval_select;
		return DEC_DONE;
	}
	out_printf("%d", nfds);
	for (i = 1; i <= 3; i++) {
		out_write(", ", 2);
		print_fdset(c, dec_arg(c, i), nfds, false);
	}
	out_write(", ", 2);
	print_timeout(c, dec_arg(c, 4), !is_pselect);
	if (is_pselect) {
		out_write(", ", 2);
		print_pselect_sig(c, dec_arg(c, 5));
	}
	return DEC_DONE;
}

/* ---- epoll ---------------------------------------------------------------- */

static const struct xlat_entry epoll_ev_names[] = {
	XLAT_ENTRY(EPOLLIN), XLAT_ENTRY(EPOLLPRI), XLAT_ENTRY(EPOLLOUT),
	XLAT_ENTRY(EPOLLERR), XLAT_ENTRY(EPOLLHUP), XLAT_PAIR(0x20, "EPOLLNVAL"),
	XLAT_ENTRY(EPOLLRDNORM), XLAT_ENTRY(EPOLLRDBAND),
	XLAT_ENTRY(EPOLLWRNORM), XLAT_ENTRY(EPOLLWRBAND),
	XLAT_ENTRY(EPOLLMSG), XLAT_ENTRY(EPOLLRDHUP),
	XLAT_ENTRY(EPOLLEXCLUSIVE), XLAT_ENTRY(EPOLLWAKEUP),
	XLAT_ENTRY(EPOLLONESHOT), XLAT_ENTRY(EPOLLET),
};
static const struct xlat epoll_events = XLAT_TABLE(epoll_ev_names);

static const struct xlat_entry epoll_op_names[] = {
	XLAT_ENTRY(EPOLL_CTL_ADD), XLAT_ENTRY(EPOLL_CTL_DEL),
	XLAT_ENTRY(EPOLL_CTL_MOD),
};
static const struct xlat epoll_ops = XLAT_TABLE(epoll_op_names);

/* struct epoll_event is packed (12 bytes) on x86, 16 bytes elsewhere. */
static unsigned
epoll_event_size(const struct sc_ctx *c)
{
	return c->entry->arch == ARCH_X86_64 || c->entry->arch == ARCH_I386
		       ? 12 : 16;
}

static int
print_epoll_event(struct sc_ctx *c, uint64_t addr)
{
	unsigned char raw[16];
	unsigned size = epoll_event_size(c);
	uint32_t ev;
	uint64_t data;

	if (umem_read(c->tid, addr, raw, size) < 0)
		return -1;
	memcpy(&ev, raw, 4);
	memcpy(&data, raw + size - 8, 8);
	out_write("{events=", 8);
	dec_print_flags_cmt(&epoll_events, ev, "0", "EPOLL???");
	out_printf(", data={u32=%u, u64=%llu}}", (uint32_t)data,
		   (unsigned long long)data);
	return 0;
}

enum dec_status
dec_epoll_ctl(struct sc_ctx *c)
{
	uint64_t ev = dec_arg(c, 3);

	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_xval(&epoll_ops, (uint32_t)dec_arg(c, 1), "%#llx",
		       "EPOLL_CTL_???");
	out_write(", ", 2);
	dec_print_kind(c, 2, 'f');
	out_write(", ", 2);
	if (!ev)
		out_write("NULL", 4);
	else if (print_epoll_event(c, ev) < 0)
		dec_print_ptr(ev);
	return DEC_DONE;
}

/* epoll_wait(fd, events, max, timeout) and epoll_pwait(2) */
enum dec_status
dec_epoll_wait(struct sc_ctx *c)
{
	uint64_t evs = dec_arg(c, 1);
	int64_t i, n;

	if (!c->exiting) {
		dec_print_kind(c, 0, 'f');
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	n = c->is_error ? -1 : c->rval;
	if (n < 0) {
		dec_print_ptr(evs);
	} else {
		out_write("[", 1);
		for (i = 0; i < n; i++) {
			if (i)
				out_write(", ", 2);
			if (i >= (int64_t)opts.max_strlen) {
				out_write("...", 3);
				break;
			}
			if (print_epoll_event(c, evs + (uint64_t)i *
					      epoll_event_size(c)) < 0) {
				out_write("...", 3);
				break;
			}
		}
		out_write("]", 1);
	}
	out_printf(", %d, ", (int)dec_arg(c, 2));
	if (c->ent->nargs == 4) {
		out_printf("%d", (int)dec_arg(c, 3));
		return DEC_DONE;
	}
	if (strcmp(c->ent->name, "epoll_pwait2") == 0)
		print_timeout(c, dec_arg(c, 3), false);
	else
		out_printf("%d", (int)dec_arg(c, 3));
	out_write(", ", 2);
	print_sigset(c, dec_arg(c, 4), dec_arg(c, 5));
	out_printf(", %llu", (unsigned long long)dec_arg(c, 5));
	return DEC_DONE;
}
