/*
 * sockinfo.c - socket descriptions for -yy through sock_diag netlink
 * (include/sockinfo.h).  One netlink socket is opened per query and closed
 * again: queries are rare (cache misses only).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <linux/inet_diag.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <linux/sock_diag.h>
#include <linux/unix_diag.h>
#include <netinet/in.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/xattr.h>
#include <unistd.h>

#include "fmt.h"
#include "sockinfo.h"

#ifndef SYS_pidfd_open
#define SYS_pidfd_open 434
#endif
#ifndef SYS_pidfd_getfd
#define SYS_pidfd_getfd 438
#endif

#define NL_BUF_SIZE 16384

struct inet_proto {
	const char *name;     /* as "system.sockprotoname" says it */
	int family;
	int protocol;
};

static const struct inet_proto inet_protos[] = {
	{ "TCP", AF_INET, IPPROTO_TCP },
	{ "TCPv6", AF_INET6, IPPROTO_TCP },
	{ "UDP", AF_INET, IPPROTO_UDP },
	{ "UDPv6", AF_INET6, IPPROTO_UDP },
	{ "UDPLITE", AF_INET, IPPROTO_UDPLITE },
	{ "UDPLITEv6", AF_INET6, IPPROTO_UDPLITE },
};

/* Send one sock_diag request; returns the netlink fd or -1. */
static int
nl_request(void *req, size_t len, bool dump)
{
	struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
	struct {
		struct nlmsghdr nlh;
		char body[64];
	} msg;
	int nl;

	if (len > sizeof(msg.body))
		return -1;
	nl = socket(AF_NETLINK, SOCK_DGRAM | SOCK_CLOEXEC, NETLINK_SOCK_DIAG);
	if (nl < 0)
		return -1;
	memset(&msg, 0, sizeof(msg));
	msg.nlh.nlmsg_len = (unsigned)NLMSG_LENGTH(len);
	msg.nlh.nlmsg_type = SOCK_DIAG_BY_FAMILY;
	msg.nlh.nlmsg_flags = NLM_F_REQUEST | (dump ? NLM_F_DUMP : 0);
	memcpy(msg.body, req, len);
	if (sendto(nl, &msg, msg.nlh.nlmsg_len, 0, (struct sockaddr *)&sa,
		   sizeof(sa)) < 0) {
		close(nl);
		return -1;
	}
	return nl;
}

static void
format_inet(char *out, size_t size, int family, const __be32 *addr,
	    __be16 port)
{
	char a[INET6_ADDRSTRLEN];

	if (!inet_ntop(family, addr, a, sizeof(a)))
		snprintf(a, sizeof(a), "?");
	if (family == AF_INET6)
		snprintf(out, size, "[%s]:%u", a, ntohs(port));
	else
		snprintf(out, size, "%s:%u", a, ntohs(port));
}

/* Find ino among the family/protocol sockets; fill "src[->dst]". */
static int
inet_lookup(const struct inet_proto *p, unsigned long ino, char *out,
	    size_t size)
{
	struct inet_diag_req_v2 req = {
		.sdiag_family = (__u8)p->family,
		.sdiag_protocol = (__u8)p->protocol,
		.idiag_states = ~0U,
	};
	static char buf[NL_BUF_SIZE];
	int nl = nl_request(&req, sizeof(req), true), found = -1;
	ssize_t n;

	if (nl < 0)
		return -1;
	while (found < 0 && (n = recv(nl, buf, sizeof(buf), 0)) > 0) {
		struct nlmsghdr *h = (struct nlmsghdr *)buf;
		int left = (int)n;

		for (; NLMSG_OK(h, left); h = NLMSG_NEXT(h, left)) {
			struct inet_diag_msg *m = NLMSG_DATA(h);
			char src[64], dst[64];

			if (h->nlmsg_type == NLMSG_DONE || h->nlmsg_type == NLMSG_ERROR)
				goto done;
			if (m->idiag_inode != ino)
				continue;
			format_inet(src, sizeof(src), p->family, m->id.idiag_src,
				    m->id.idiag_sport);
			if (m->id.idiag_dport) {
				format_inet(dst, sizeof(dst), p->family,
					    m->id.idiag_dst, m->id.idiag_dport);
				snprintf(out, size, "%s->%s", src, dst);
			} else {
				snprintf(out, size, "%s", src);
			}
			found = 0;
			break;
		}
	}
done:
	close(nl);
	return found;
}

/* Peer inode and name of a UNIX socket: "ino[->peer][,"name"]". */
static int
unix_lookup(unsigned long ino, char *out, size_t size)
{
	struct unix_diag_req req = {
		.sdiag_family = AF_UNIX,
		.udiag_states = ~0U,
		.udiag_ino = (__u32)ino,
		.udiag_show = UDIAG_SHOW_NAME | UDIAG_SHOW_PEER,
		.udiag_cookie = { INET_DIAG_NOCOOKIE, INET_DIAG_NOCOOKIE },
	};
	static char buf[NL_BUF_SIZE];
	int nl = nl_request(&req, sizeof(req), false), ret = -1;
	ssize_t n = nl < 0 ? -1 : recv(nl, buf, sizeof(buf), 0);
	struct nlmsghdr *h = (struct nlmsghdr *)buf;
	int left = (int)n;

	if (nl >= 0)
		close(nl);
	if (n <= 0 || !NLMSG_OK(h, left) || h->nlmsg_type != SOCK_DIAG_BY_FAMILY)
		return -1;
	{
		struct unix_diag_msg *m = NLMSG_DATA(h);
		struct rtattr *rta = (struct rtattr *)(m + 1);
		int alen = (int)h->nlmsg_len - (int)NLMSG_LENGTH(sizeof(*m));
		unsigned peer = 0;
		char name[256 * 4 + 8] = "";
		int len;

		for (; RTA_OK(rta, alen); rta = RTA_NEXT(rta, alen)) {
			if (rta->rta_type == UNIX_DIAG_PEER &&
			    RTA_PAYLOAD(rta) >= sizeof(peer)) {
				memcpy(&peer, RTA_DATA(rta), sizeof(peer));
			} else if (rta->rta_type == UNIX_DIAG_NAME &&
				   RTA_PAYLOAD(rta) > 0 && RTA_PAYLOAD(rta) < 256) {
				const char *s = RTA_DATA(rta);
				size_t l = RTA_PAYLOAD(rta);
				bool abstract = s[0] == '\0';

				if (abstract) {
					s++;
					l--;
				} else {
					l = strnlen(s, l);
				}
				name[0] = ',';
				if (abstract)
					name[1] = '@';
				fmt_quote(name + 1 + abstract, s, l);
			}
		}
		len = snprintf(out, size, "%lu", ino);
		if (peer && len >= 0 && (size_t)len < size)
			len += snprintf(out + len, size - (size_t)len, "->%u", peer);
		if (len >= 0 && (size_t)len < size)
			snprintf(out + len, size - (size_t)len, "%s", name);
		ret = 0;
	}
	return ret;
}

int
sockinfo_describe(pid_t tid, int fd, unsigned long ino, char *buf,
		  size_t size)
{
	char link[64], proto[64], detail[1200];
	ssize_t n;
	unsigned i;

	snprintf(link, sizeof(link), "/proc/%d/fd/%d", tid, fd);
	n = getxattr(link, "system.sockprotoname", proto, sizeof(proto) - 1);
	if (n <= 0)
		return -1;
	proto[n] = '\0';
	proto[strcspn(proto, "\n")] = '\0';

	if (strncmp(proto, "UNIX", 4) == 0 &&
	    unix_lookup(ino, detail, sizeof(detail)) == 0) {
		snprintf(buf, size, "%s:[%s]", proto, detail);
		return 0;
	}
	for (i = 0; i < sizeof(inet_protos) / sizeof(inet_protos[0]); i++) {
		if (strcmp(proto, inet_protos[i].name) == 0 &&
		    inet_lookup(&inet_protos[i], ino, detail, sizeof(detail)) == 0) {
			snprintf(buf, size, "%s:[%s]", proto, detail);
			return 0;
		}
	}
	snprintf(buf, size, "%s:[%lu]", proto, ino);
	return 0;
}

/*
 * The socket itself knows its domain and protocol: pidfd_getfd(2) lends
 * the tracer a duplicate of the tracee's fd (allowed to a ptrace-attached
 * tracer) for two getsockopt calls.  sock_diag has no netlink-by-fd query.
 */
int
sockinfo_netlink_proto(pid_t tid, int fd)
{
	int pidfd, dup, proto = -1, domain = -1;
	socklen_t len = sizeof(int);

	pidfd = (int)syscall(SYS_pidfd_open, tid, 0);
	if (pidfd < 0)
		return -1;
	dup = (int)syscall(SYS_pidfd_getfd, pidfd, fd, 0);
	close(pidfd);
	if (dup < 0)
		return -1;
	if (getsockopt(dup, SOL_SOCKET, SO_DOMAIN, &domain, &len) == 0) {
		len = sizeof(int);
		if (getsockopt(dup, SOL_SOCKET, SO_PROTOCOL, &proto, &len) < 0)
			proto = -1;
	}
	close(dup);
	return domain == AF_NETLINK ? proto : -1;
}
