/*
 * decode/sockaddr.c - socket addresses and socklen_t in/out lengths, for
 * the socket decoders.
 *
 * "{sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(...)}" for
 * AF_UNIX (abstract names too), AF_INET, AF_INET6 and AF_NETLINK, the raw
 * sa_data otherwise.  In/out lengths are read at entry into c->scratch so
 * the exit can print "[in => out]".
 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <net/if.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode.h"
#include "decode/net.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/* Largest sockaddr we read: sizeof(struct sockaddr_storage). */
#define SA_MAX 128
/* ---- small helpers ------------------------------------------------- */

void
net_put_quoted(const char *s, size_t len)
{
	char q[FMT_QUOTE_SIZE(SA_MAX)];

	if (len > SA_MAX)
		len = SA_MAX;
	/* -x: hex when a byte needs escaping; -xx: always */
	if (opts.xflag > 1 || (opts.xflag && fmt_needs_escape(s, len)))
		out_write(q, fmt_quote_hex(q, s, len));
	else
		out_write(q, fmt_quote(q, s, len));
}

/* Text strace shows quoted, like an address: in hex under -xx. */
static void
put_text(const char *t)
{
	net_put_quoted(t, strlen(t));
}


/* Read a socklen_t at entry into scratch[slot] (scratch[slot+1] = valid). */
void
net_save_len(struct sc_ctx *c, uint64_t addr, unsigned slot)
{
	uint32_t v;

	if (addr && umem_read(c->tid, addr, &v, sizeof(v)) == 0) {
		c->scratch[slot] = v;
		c->scratch[slot + 1] = 1;
	}
}

/*
 * The socklen_t at addr after the call: "[in => out]", "[out]" when the
 * kernel left it alone, "[in]" after an error.
 */
void
net_print_len_inout(struct sc_ctx *c, uint64_t addr, unsigned slot)
{
	uint32_t out;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (!c->scratch[slot + 1]) {
		dec_print_ptr(addr);
		return;
	}
	if (c->is_error || umem_read(c->tid, addr, &out, sizeof(out)) < 0) {
		out_printf("[%u]", (unsigned)c->scratch[slot]);
		return;
	}
	if (out == (uint32_t)c->scratch[slot])
		out_printf("[%u]", out);
	else
		out_printf("[%u => %u]", (unsigned)c->scratch[slot], out);
}

/* ---- socket addresses ------------------------------------------------- */

static void
print_sa_data(const unsigned char *b, size_t len)
{
	if (len <= 2)
		return;
	out_write(", sa_data=", 10);
	net_put_quoted((const char *)b + 2, len - 2);
}

static void
print_sa_unix(const unsigned char *b, size_t len)
{
	const char *path = (const char *)b + 2;
	size_t n = len - 2;

	if (n > sizeof(((struct sockaddr_un *)0)->sun_path))
		n = sizeof(((struct sockaddr_un *)0)->sun_path);
	out_write(", sun_path=", 11);
	if (path[0] == '\0') {
		/* abstract: the name is exactly the remaining bytes */
		out_write("@", 1);
		net_put_quoted(path + 1, n - 1);
		return;
	}
	net_put_quoted(path, strnlen(path, n));
}

/*
 * A network-order field under -X raw/verbose: its bytes in hex, then (for
 * verbose) the usual notation as a comment: sin_port="\x00\x50" / * htons(80) * /.
 * Returns true when the caller should print that notation itself now.
 */
static bool
raw_field(const char *name, const void *p, size_t n)
{
	char q[FMT_QUOTE_SIZE(16)];

	out_printf(", %s=", name);
	if (opts.xmode == XMODE_ABBREV)
		return true;
	out_write(q, fmt_quote_hex(q, p, n));
	if (opts.xmode == XMODE_RAW)
		return false;
	out_write(" /* ", 4);
	return true;
}

static void
raw_field_end(void)
{
	if (opts.xmode == XMODE_VERBOSE)
		out_write(" */", 3);
}

static void
print_sa_in(const unsigned char *b)
{
	struct sockaddr_in sin;
	char a[INET_ADDRSTRLEN];

	memcpy(&sin, b, sizeof(sin));
	inet_ntop(AF_INET, &sin.sin_addr, a, sizeof(a));
	if (raw_field("sin_port", &sin.sin_port, 2))
		out_printf("htons(%u)", ntohs(sin.sin_port));
	raw_field_end();
	if (raw_field("sin_addr", &sin.sin_addr, 4)) {
		out_write("inet_addr(", 10);
		put_text(a);
		out_write(")", 1);
	}
	raw_field_end();
}

static void
print_sa_in6(const unsigned char *b, size_t len)
{
	struct sockaddr_in6 s6;
	char a[INET6_ADDRSTRLEN];

	memset(&s6, 0, sizeof(s6));
	memcpy(&s6, b, len < sizeof(s6) ? len : sizeof(s6));
	inet_ntop(AF_INET6, &s6.sin6_addr, a, sizeof(a));
	if (raw_field("sin6_port", &s6.sin6_port, 2))
		out_printf("htons(%u)", ntohs(s6.sin6_port));
	raw_field_end();
	if (raw_field("sin6_flowinfo", &s6.sin6_flowinfo, 4))
		out_printf("htonl(%u)", ntohl(s6.sin6_flowinfo));
	raw_field_end();
	if (opts.xmode == XMODE_ABBREV) {
		/* the abbreviated form names the field inside the call */
		out_write(", inet_pton(AF_INET6, ", 22);
		put_text(a);
		out_write(", &sin6_addr)", 13);
	} else if (raw_field("sin6_addr", &s6.sin6_addr, 16)) {
		out_write("inet_pton(AF_INET6, ", 20);
		put_text(a);
		out_write(")", 1);
	}
	raw_field_end();
	if (len < sizeof(s6))
		return;	/* RFC 2133 layout, without the scope id */
	out_write(", sin6_scope_id=", 16);
	if (s6.sin6_scope_id &&
	    (IN6_IS_ADDR_LINKLOCAL(&s6.sin6_addr) ||
	     IN6_IS_ADDR_MC_LINKLOCAL(&s6.sin6_addr))) {
		char ifname[IF_NAMESIZE];

		/* An interface of the tracer's own namespace, as strace does. */
		if (if_indextoname(s6.sin6_scope_id, ifname)) {
			out_write("if_nametoindex(", 15);
			put_text(ifname);
			out_write(")", 1);
			return;
		}
	}
	out_printf("%u", s6.sin6_scope_id);
}

static void
print_sa_nl(const unsigned char *b)
{
	struct sockaddr_nl nl;

	memcpy(&nl, b, sizeof(nl));
	out_printf(", nl_pid=%u, nl_groups=%#08x", nl.nl_pid, nl.nl_groups);
}

/*
 * A socket address of len bytes at addr: "{sa_family=AF_INET, ...}".
 * Too short to hold a family, or unreadable: the address.
 */
void
net_print_sockaddr(struct sc_ctx *c, uint64_t addr, uint64_t len)
{
	unsigned char b[SA_MAX + 1];
	uint16_t family;
	size_t n = len > SA_MAX ? SA_MAX : (size_t)len;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (n < 2 || umem_read(c->tid, addr, b, n) < 0) {
		dec_print_ptr(addr);
		return;
	}
	b[n] = '\0';
	memcpy(&family, b, sizeof(family));
	out_write("{sa_family=", 11);
	dec_print_xval(&net_af, family, "%#llx", "AF_???");
	switch (family) {
	case AF_UNIX:
		if (n > 2)
			print_sa_unix(b, n);
		break;
	case AF_INET:
		if (n >= sizeof(struct sockaddr_in))
			print_sa_in(b);
		else
			print_sa_data(b, n);
		break;
	case AF_INET6:
		if (n >= 24)
			print_sa_in6(b, n);
		else
			print_sa_data(b, n);
		break;
	case AF_NETLINK:
		if (n >= sizeof(struct sockaddr_nl))
			print_sa_nl(b);
		else
			print_sa_data(b, n);
		break;
	default:
		print_sa_data(b, n);
		break;
	}
	out_write("}", 1);
}

/* An output sockaddr after the call: its length is min(in, out). */
void
net_print_sockaddr_out(struct sc_ctx *c, uint64_t addr, uint64_t lenp,
		   unsigned slot)
{
	uint32_t out;
	uint64_t len;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (c->is_error || !lenp || !c->scratch[slot + 1] ||
	    umem_read(c->tid, lenp, &out, sizeof(out)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	len = out < c->scratch[slot] ? out : c->scratch[slot];
	net_print_sockaddr(c, addr, len);
}

/*
 * Data sent to or received from an AF_NETLINK address is a list of
 * netlink messages; they are decoded for NETLINK_ROUTE sockets.
 */
bool
net_is_netlink_data(struct sc_ctx *c, int fd, uint64_t sa, uint64_t salen)
{
	uint16_t family;

	if (!sa || salen < sizeof(family) ||
	    umem_read(c->tid, sa, &family, sizeof(family)) < 0 ||
	    family != AF_NETLINK)
		return false;
	return dec_netlink_is_route(c, fd);
}
