/*
 * decode/netlink.c - NETLINK_ROUTE messages in the data of sendto,
 * recvfrom, sendmsg and recvmsg, as glibc's getaddrinfo(AI_ADDRCONFIG)
 * and getifaddrs() exchange them: nlmsghdr, ifaddrmsg and its IFA_*
 * attributes.  Other message types print their payload as bytes.
 *
 * Whether an fd is a NETLINK_ROUTE socket is answered by the process's fd
 * cache (fdcache.c), which asks the socket once per fd.
 */
#include <arpa/inet.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/if_addr.h>
#include <net/if.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "fdcache.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "tracee.h"
#include "umem.h"

/* Bytes of one call's data decoded; the rest is left out ("..."). */
#define NL_MAX 16384

static const struct xlat_entry nlmsg_type_names[] = {
	XLAT_ENTRY(NLMSG_NOOP), XLAT_ENTRY(NLMSG_ERROR), XLAT_ENTRY(NLMSG_DONE),
	XLAT_ENTRY(NLMSG_OVERRUN),
	XLAT_ENTRY(RTM_NEWLINK), XLAT_ENTRY(RTM_DELLINK), XLAT_ENTRY(RTM_GETLINK),
	XLAT_ENTRY(RTM_SETLINK), XLAT_ENTRY(RTM_NEWADDR), XLAT_ENTRY(RTM_DELADDR),
	XLAT_ENTRY(RTM_GETADDR), XLAT_ENTRY(RTM_NEWROUTE),
	XLAT_ENTRY(RTM_DELROUTE), XLAT_ENTRY(RTM_GETROUTE),
	XLAT_ENTRY(RTM_NEWNEIGH), XLAT_ENTRY(RTM_DELNEIGH),
	XLAT_ENTRY(RTM_GETNEIGH), XLAT_ENTRY(RTM_NEWRULE), XLAT_ENTRY(RTM_DELRULE),
	XLAT_ENTRY(RTM_GETRULE), XLAT_ENTRY(RTM_NEWQDISC),
	XLAT_ENTRY(RTM_DELQDISC), XLAT_ENTRY(RTM_GETQDISC),
};
static const struct xlat nlmsg_types = XLAT_TABLE(nlmsg_type_names);

/* Flag names by kind of request; the low bits are shared by all. */
static const struct xlat_entry nlf_get_names[] = {
	XLAT_ENTRY(NLM_F_REQUEST), XLAT_ENTRY(NLM_F_MULTI), XLAT_ENTRY(NLM_F_ACK),
	XLAT_ENTRY(NLM_F_ECHO), XLAT_ENTRY(NLM_F_DUMP_INTR),
	XLAT_ENTRY(NLM_F_DUMP_FILTERED), XLAT_ENTRY(NLM_F_DUMP),
	XLAT_ENTRY(NLM_F_ROOT), XLAT_ENTRY(NLM_F_MATCH), XLAT_ENTRY(NLM_F_ATOMIC),
};
static const struct xlat nlf_get = XLAT_TABLE(nlf_get_names);

static const struct xlat_entry nlf_new_names[] = {
	XLAT_ENTRY(NLM_F_REQUEST), XLAT_ENTRY(NLM_F_MULTI), XLAT_ENTRY(NLM_F_ACK),
	XLAT_ENTRY(NLM_F_ECHO), XLAT_ENTRY(NLM_F_DUMP_INTR),
	XLAT_ENTRY(NLM_F_DUMP_FILTERED), XLAT_ENTRY(NLM_F_REPLACE),
	XLAT_ENTRY(NLM_F_EXCL), XLAT_ENTRY(NLM_F_CREATE), XLAT_ENTRY(NLM_F_APPEND),
};
static const struct xlat nlf_new = XLAT_TABLE(nlf_new_names);

static const struct xlat_entry nlf_base_names[] = {
	XLAT_ENTRY(NLM_F_REQUEST), XLAT_ENTRY(NLM_F_MULTI), XLAT_ENTRY(NLM_F_ACK),
	XLAT_ENTRY(NLM_F_ECHO), XLAT_ENTRY(NLM_F_DUMP_INTR),
	XLAT_ENTRY(NLM_F_DUMP_FILTERED),
};
static const struct xlat nlf_base = XLAT_TABLE(nlf_base_names);

static const struct xlat_entry af_names[] = {
	XLAT_ENTRY(AF_UNSPEC), XLAT_ENTRY(AF_UNIX), XLAT_ENTRY(AF_INET),
	XLAT_ENTRY(AF_INET6), XLAT_ENTRY(AF_NETLINK), XLAT_ENTRY(AF_PACKET),
	XLAT_ENTRY(AF_BRIDGE), XLAT_ENTRY(AF_MPLS),
};
static const struct xlat af = XLAT_TABLE(af_names);

static const struct xlat_entry ifa_flag_names[] = {
	XLAT_ENTRY(IFA_F_SECONDARY), XLAT_ENTRY(IFA_F_NODAD),
	XLAT_ENTRY(IFA_F_OPTIMISTIC), XLAT_ENTRY(IFA_F_DADFAILED),
	XLAT_ENTRY(IFA_F_HOMEADDRESS), XLAT_ENTRY(IFA_F_DEPRECATED),
	XLAT_ENTRY(IFA_F_TENTATIVE), XLAT_ENTRY(IFA_F_PERMANENT),
	XLAT_ENTRY(IFA_F_MANAGETEMPADDR), XLAT_ENTRY(IFA_F_NOPREFIXROUTE),
	XLAT_ENTRY(IFA_F_MCAUTOJOIN), XLAT_ENTRY(IFA_F_STABLE_PRIVACY),
};
static const struct xlat ifa_flags = XLAT_TABLE(ifa_flag_names);

static const struct xlat_entry scope_names[] = {
	XLAT_ENTRY(RT_SCOPE_UNIVERSE), XLAT_ENTRY(RT_SCOPE_SITE),
	XLAT_ENTRY(RT_SCOPE_LINK), XLAT_ENTRY(RT_SCOPE_HOST),
	XLAT_ENTRY(RT_SCOPE_NOWHERE),
};
static const struct xlat scopes = XLAT_TABLE(scope_names);

static const struct xlat_entry ifa_attr_names[] = {
	XLAT_PAIR(0, "IFA_UNSPEC"), XLAT_PAIR(1, "IFA_ADDRESS"),
	XLAT_PAIR(2, "IFA_LOCAL"), XLAT_PAIR(3, "IFA_LABEL"),
	XLAT_PAIR(4, "IFA_BROADCAST"), XLAT_PAIR(5, "IFA_ANYCAST"),
	XLAT_PAIR(6, "IFA_CACHEINFO"), XLAT_PAIR(7, "IFA_MULTICAST"),
	XLAT_PAIR(8, "IFA_FLAGS"), XLAT_PAIR(9, "IFA_RT_PRIORITY"),
	XLAT_PAIR(10, "IFA_TARGET_NETNSID"), XLAT_PAIR(11, "IFA_PROTO"),
};
static const struct xlat ifa_attrs = XLAT_TABLE(ifa_attr_names);

static unsigned char nlbuf[NL_MAX];

bool
dec_netlink_is_route(struct sc_ctx *c, int fd)
{
	return c->proc && fdcache_netlink_proto(&c->proc->fds, c->tid, fd) ==
				  NETLINK_ROUTE;
}

static void
put_bytes(const unsigned char *p, size_t n, bool hex)
{
	char q[FMT_QUOTE_SIZE(64)];
	size_t max = opts.max_strlen < 64 ? opts.max_strlen : 64;
	size_t k = n < max ? n : max;

	if (hex || opts.xflag > 1 ||
	    (opts.xflag && fmt_needs_escape((const char *)p, k)))
		out_write(q, fmt_quote_hex(q, (const char *)p, k));
	else
		out_write(q, fmt_quote(q, (const char *)p, k));
	if (k < n)
		out_write("...", 3);
}

/* Text strace shows quoted, like an address: in hex under -xx. */
static void
put_text(const char *t)
{
	char q[FMT_QUOTE_SIZE(INET6_ADDRSTRLEN)];
	size_t n = strnlen(t, INET6_ADDRSTRLEN);

	/* never abbreviated by -s */
	if (opts.xflag > 1 || (opts.xflag && fmt_needs_escape(t, n)))
		out_write(q, fmt_quote_hex(q, t, n));
	else
		out_write(q, fmt_quote(q, t, n));
}

static void
print_inaddr(unsigned family, const unsigned char *p, size_t n)
{
	char a[INET6_ADDRSTRLEN];

	if (family == AF_INET && n >= 4) {
		inet_ntop(AF_INET, p, a, sizeof(a));
		out_write("inet_addr(", 10);
		put_text(a);
		out_write(")", 1);
	} else if (family == AF_INET6 && n >= 16) {
		inet_ntop(AF_INET6, p, a, sizeof(a));
		out_write("inet_pton(AF_INET6, ", 20);
		put_text(a);
		out_write(")", 1);
	} else {
		put_bytes(p, n, true);
	}
}

static void
print_ifindex(uint32_t idx)
{
	char name[IF_NAMESIZE];

	if (idx && if_indextoname(idx, name)) {
		out_write("if_nametoindex(", 15);
		put_text(name);
		out_write(")", 1);
	} else
		out_printf("%u", idx);
}

static void
print_ifa_attr_value(unsigned family, unsigned type, const unsigned char *p,
		     size_t n)
{
	uint32_t v[4];

	switch (type) {
	case IFA_ADDRESS:
	case IFA_LOCAL:
	case IFA_BROADCAST:
	case IFA_ANYCAST:
	case IFA_MULTICAST:
		print_inaddr(family, p, n);
		return;
	case IFA_LABEL: {
		size_t len = strnlen((const char *)p, n);

		/*
		 * strace 6.1 under -x/-xx shows the label with its NUL, in hex,
		 * followed by "...".
		 */
		if (opts.xflag && len < n) {
			put_bytes(p, len + 1, true);
			out_write("...", 3);
			return;
		}
		/* like any string: abbreviated if no NUL within -s bytes */
		if (n > opts.max_strlen && len >= opts.max_strlen) {
			put_bytes(p, opts.max_strlen, false);
			if (opts.max_strlen <= 64)
				out_write("...", 3);
			return;
		}
		put_bytes(p, len, false);
		return;
	}
	case IFA_CACHEINFO:
		if (n < sizeof(v))
			break;
		memcpy(v, p, sizeof(v));
		out_printf("{ifa_prefered=%u, ifa_valid=%u, cstamp=%u, tstamp=%u}",
			   v[0], v[1], v[2], v[3]);
		return;
	case IFA_FLAGS:
		if (n < 4)
			break;
		memcpy(v, p, 4);
		dec_print_flags(&ifa_flags, v[0], NULL);
		return;
	case IFA_RT_PRIORITY:
		if (n < 4)
			break;
		memcpy(v, p, 4);
		out_printf("%u", v[0]);
		return;
	}
	put_bytes(p, n, true);
}

/* Route attributes: "[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(...)]" */
static void
print_ifa_attrs(unsigned family, const unsigned char *p, size_t n)
{
	size_t off = 0;
	unsigned count = 0;
	bool array = false;

	while (off + 4 <= n) {
		uint16_t nla_len, nla_type;

		memcpy(&nla_len, p + off, 2);
		memcpy(&nla_type, p + off + 2, 2);
		if (!array && off + NLA_ALIGN((size_t)nla_len) < n) {
			out_write("[", 1);
			array = true;
		}
		if (count++)
			out_write(", ", 2);
		if (count > opts.max_strlen) {
			out_write("...", 3);
			break;
		}
		if (nla_len > 4)
			out_write("[", 1);
		out_printf("{nla_len=%u, nla_type=", nla_len);
		dec_print_xval(&ifa_attrs, nla_type, "%#llx", "IFA_???");
		out_write("}", 1);
		if (nla_len > 4) {
			size_t vlen = nla_len - 4;

			if (vlen > n - off - 4)
				vlen = n - off - 4;
			out_write(", ", 2);
			print_ifa_attr_value(family, nla_type, p + off + 4, vlen);
			out_write("]", 1);
		}
		if (nla_len < 4)
			break;
		off += NLA_ALIGN((size_t)nla_len);
	}
	if (array)
		out_write("]", 1);
}

static void
print_payload(unsigned type, const unsigned char *p, size_t n)
{
	switch (type) {
	case NLMSG_DONE:
		if (n >= 4) {
			int v;

			memcpy(&v, p, 4);
			out_printf("%d", v);
			return;
		}
		break;
	case RTM_NEWLINK:
	case RTM_DELLINK:
	case RTM_GETLINK:
	case RTM_SETLINK:
		/* only a dump request's short form; links carry many attributes */
		if (n < 1 || n >= sizeof(struct ifinfomsg))
			break;
		out_write("{ifi_family=", 12);
		dec_print_xval(&af, p[0], "%#llx", "AF_???");
		out_write(", ...}", 6);
		return;
	case RTM_NEWADDR:
	case RTM_DELADDR:
	case RTM_GETADDR: {
		struct ifaddrmsg ifa;

		if (n < 1)
			break;
		out_write("{ifa_family=", 12);
		dec_print_xval(&af, p[0], "%#llx", "AF_???");
		if (n < sizeof(ifa)) {
			out_write(", ...}", 6);
			return;
		}
		memcpy(&ifa, p, sizeof(ifa));
		out_printf(", ifa_prefixlen=%u, ifa_flags=", ifa.ifa_prefixlen);
		dec_print_flags(&ifa_flags, ifa.ifa_flags, NULL);
		out_write(", ifa_scope=", 12);
		/* strace adds no comment to an unknown scope */
		dec_print_xval(&scopes, ifa.ifa_scope, "%#llx", NULL);
		out_write(", ifa_index=", 12);
		print_ifindex(ifa.ifa_index);
		out_write("}", 1);
		if (n > NLMSG_ALIGN(sizeof(ifa))) {
			out_write(", ", 2);
			print_ifa_attrs(ifa.ifa_family,
					p + NLMSG_ALIGN(sizeof(ifa)),
					n - NLMSG_ALIGN(sizeof(ifa)));
		}
		return;
	}
	case RTM_NEWROUTE:
	case RTM_DELROUTE:
	case RTM_GETROUTE:
		if (n < 1 || n >= sizeof(struct rtmsg))
			break;
		out_write("{rtm_family=", 12);
		dec_print_xval(&af, p[0], "%#llx", "AF_???");
		out_write(", ...}", 6);
		return;
	default:
		/* other rtnetlink types: a family byte, then data (strace) */
		if (type < RTM_BASE || n < 1 || xlat_lookup(&nlmsg_types, type))
			break;
		out_write("{family=", 8);
		dec_print_xval(&af, p[0], "%#llx", "AF_???");
		if (n > 1) {
			out_write(", data=", 7);
			put_bytes(p + 1, n - 1, true);
		}
		out_write("}", 1);
		return;
	}
	/* undecoded payloads are shown in hex, as strace shows them */
	put_bytes(p, n, true);
}

static const struct xlat *
flags_for(unsigned type)
{
	if (type < RTM_BASE)
		return &nlf_base;
	switch ((type - RTM_BASE) & 3) {
	case 0:
		return &nlf_new;	/* RTM_NEW* */
	case 2:
		return &nlf_get;	/* RTM_GET* */
	}
	return &nlf_base;
}

void
dec_print_netlink(struct sc_ctx *c, uint64_t addr, uint64_t len)
{
	size_t n = len > NL_MAX ? NL_MAX : (size_t)len, off = 0;
	unsigned count = 0;
	bool array = false;

	if (n < NLMSG_HDRLEN || umem_read(c->tid, addr, nlbuf, n) < 0) {
		dec_print_buf(c->tid, addr, len);
		return;
	}
	while (off + NLMSG_HDRLEN <= n) {
		struct nlmsghdr h;
		size_t plen, step;

		memcpy(&h, nlbuf + off, sizeof(h));
		step = NLMSG_ALIGN((size_t)h.nlmsg_len);
		if (!array && off + step < n) {
			out_write("[", 1);
			array = true;
		}
		if (count++)
			out_write(", ", 2);
		if (count > opts.max_strlen) {
			out_write("...", 3);
			break;
		}
		if (h.nlmsg_len > NLMSG_HDRLEN)
			out_write("[", 1);
		out_printf("{nlmsg_len=%u, nlmsg_type=", h.nlmsg_len);
		dec_print_xval(&nlmsg_types, h.nlmsg_type, "%#llx",
			       h.nlmsg_type < NLMSG_MIN_TYPE ? "NLMSG_???"
							     : "RTM_???");
		out_write(", nlmsg_flags=", 14);
		dec_print_flags_cmt(flags_for(h.nlmsg_type), h.nlmsg_flags, "0",
				    "NLM_F_???");
		out_printf(", nlmsg_seq=%u, nlmsg_pid=%d}", h.nlmsg_seq,
			   (int)h.nlmsg_pid);
		if (h.nlmsg_len > NLMSG_HDRLEN) {
			plen = h.nlmsg_len - NLMSG_HDRLEN;
			if (plen > n - off - NLMSG_HDRLEN)
				plen = n - off - NLMSG_HDRLEN;
			out_write(", ", 2);
			print_payload(h.nlmsg_type, nlbuf + off + NLMSG_HDRLEN,
				      plen);
			out_write("]", 1);
		}
		if (h.nlmsg_len < NLMSG_HDRLEN)
			break;
		off += step;
	}
	if (array)
		out_write("]", 1);
}
