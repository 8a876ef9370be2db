/*
 * decode/net.c - socket syscalls: socket, socketpair, bind, connect,
 * listen, accept, accept4, getsockname, getpeername, shutdown,
 * setsockopt, getsockopt, sendto, recvfrom; and the socket tables the
 * family shares.
 *
 * Arguments the kernel writes (addresses, lengths, received data) are
 * printed at syscall exit; on an error they print as their address.
 * Socket addresses are printed by sockaddr.c, msghdr-based calls live in
 * msghdr.c.
 */
#include <linux/netlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <stdio.h>
#include <string.h>
#include <sys/socket.h>

#include "decode.h"
#include "decode/net.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/* ---- tables ---------------------------------------------------------- */

static const struct xlat_entry af_names[] = {
	XLAT_ENTRY(AF_UNSPEC), XLAT_ENTRY(AF_UNIX), XLAT_ENTRY(AF_INET),
	XLAT_ENTRY(AF_AX25), XLAT_ENTRY(AF_IPX), XLAT_ENTRY(AF_APPLETALK),
	XLAT_ENTRY(AF_NETROM), XLAT_ENTRY(AF_BRIDGE), XLAT_ENTRY(AF_ATMPVC),
	XLAT_ENTRY(AF_X25), XLAT_ENTRY(AF_INET6), XLAT_ENTRY(AF_ROSE),
	XLAT_ENTRY(AF_DECnet), XLAT_ENTRY(AF_NETBEUI), XLAT_ENTRY(AF_SECURITY),
	XLAT_ENTRY(AF_KEY), XLAT_ENTRY(AF_NETLINK), XLAT_ENTRY(AF_PACKET),
	XLAT_ENTRY(AF_ASH), XLAT_ENTRY(AF_ECONET), XLAT_ENTRY(AF_ATMSVC),
	XLAT_ENTRY(AF_RDS), XLAT_ENTRY(AF_SNA), XLAT_ENTRY(AF_IRDA),
	XLAT_ENTRY(AF_PPPOX), XLAT_ENTRY(AF_WANPIPE), XLAT_ENTRY(AF_LLC),
	XLAT_ENTRY(AF_IB), XLAT_ENTRY(AF_MPLS), XLAT_ENTRY(AF_CAN),
	XLAT_ENTRY(AF_TIPC), XLAT_ENTRY(AF_BLUETOOTH), XLAT_ENTRY(AF_IUCV),
	XLAT_ENTRY(AF_RXRPC), XLAT_ENTRY(AF_ISDN), XLAT_ENTRY(AF_PHONET),
	XLAT_ENTRY(AF_IEEE802154), XLAT_ENTRY(AF_CAIF), XLAT_ENTRY(AF_ALG),
	XLAT_ENTRY(AF_NFC), XLAT_ENTRY(AF_VSOCK), XLAT_ENTRY(AF_KCM),
	XLAT_ENTRY(AF_QIPCRTR), XLAT_ENTRY(AF_SMC), XLAT_ENTRY(AF_XDP),
	XLAT_PAIR(45, "AF_MCTP"),
};
const struct xlat net_af = XLAT_TABLE(af_names);

static const struct xlat_entry socktype_names[] = {
	XLAT_ENTRY(SOCK_STREAM), XLAT_ENTRY(SOCK_DGRAM), XLAT_ENTRY(SOCK_RAW),
	XLAT_ENTRY(SOCK_RDM), XLAT_ENTRY(SOCK_SEQPACKET), XLAT_ENTRY(SOCK_DCCP),
	XLAT_ENTRY(SOCK_PACKET),
};
static const struct xlat socktype = XLAT_TABLE(socktype_names);

static const struct xlat_entry sockflag_names[] = {
	XLAT_ENTRY(SOCK_CLOEXEC), XLAT_ENTRY(SOCK_NONBLOCK),
};
static const struct xlat sockflags = XLAT_TABLE(sockflag_names);

static const struct xlat_entry ipproto_names[] = {
	XLAT_ENTRY(IPPROTO_IP), XLAT_ENTRY(IPPROTO_ICMP),
	XLAT_ENTRY(IPPROTO_IGMP), XLAT_ENTRY(IPPROTO_IPIP),
	XLAT_ENTRY(IPPROTO_TCP), XLAT_ENTRY(IPPROTO_EGP),
	XLAT_ENTRY(IPPROTO_PUP), XLAT_ENTRY(IPPROTO_UDP),
	XLAT_ENTRY(IPPROTO_IDP), XLAT_ENTRY(IPPROTO_TP),
	XLAT_ENTRY(IPPROTO_DCCP), XLAT_ENTRY(IPPROTO_IPV6),
	XLAT_ENTRY(IPPROTO_ROUTING), XLAT_ENTRY(IPPROTO_FRAGMENT),
	XLAT_ENTRY(IPPROTO_RSVP), XLAT_ENTRY(IPPROTO_GRE),
	XLAT_ENTRY(IPPROTO_ESP), XLAT_ENTRY(IPPROTO_AH),
	XLAT_ENTRY(IPPROTO_ICMPV6), XLAT_ENTRY(IPPROTO_NONE),
	XLAT_ENTRY(IPPROTO_DSTOPTS), XLAT_ENTRY(IPPROTO_MTP),
	XLAT_ENTRY(IPPROTO_BEETPH), XLAT_ENTRY(IPPROTO_ENCAP),
	XLAT_ENTRY(IPPROTO_PIM), XLAT_ENTRY(IPPROTO_COMP),
	XLAT_ENTRY(IPPROTO_SCTP), XLAT_ENTRY(IPPROTO_UDPLITE),
	XLAT_ENTRY(IPPROTO_MPLS), XLAT_PAIR(143, "IPPROTO_ETHERNET"),
	XLAT_ENTRY(IPPROTO_RAW), XLAT_PAIR(262, "IPPROTO_MPTCP"),
};
static const struct xlat ipproto = XLAT_TABLE(ipproto_names);

static const struct xlat_entry netlink_names[] = {
	XLAT_ENTRY(NETLINK_ROUTE), XLAT_ENTRY(NETLINK_UNUSED),
	XLAT_ENTRY(NETLINK_USERSOCK), XLAT_ENTRY(NETLINK_FIREWALL),
	XLAT_ENTRY(NETLINK_SOCK_DIAG), XLAT_ENTRY(NETLINK_NFLOG),
	XLAT_ENTRY(NETLINK_XFRM), XLAT_ENTRY(NETLINK_SELINUX),
	XLAT_ENTRY(NETLINK_ISCSI), XLAT_ENTRY(NETLINK_AUDIT),
	XLAT_ENTRY(NETLINK_FIB_LOOKUP), XLAT_ENTRY(NETLINK_CONNECTOR),
	XLAT_ENTRY(NETLINK_NETFILTER), XLAT_ENTRY(NETLINK_IP6_FW),
	XLAT_ENTRY(NETLINK_DNRTMSG), XLAT_ENTRY(NETLINK_KOBJECT_UEVENT),
	XLAT_ENTRY(NETLINK_GENERIC), XLAT_ENTRY(NETLINK_SCSITRANSPORT),
	XLAT_ENTRY(NETLINK_ECRYPTFS), XLAT_ENTRY(NETLINK_RDMA),
	XLAT_ENTRY(NETLINK_CRYPTO), XLAT_ENTRY(NETLINK_SMC),
};
static const struct xlat netlink_proto = XLAT_TABLE(netlink_names);

/* Ethernet protocol ids for AF_PACKET sockets (host order). */
static const struct xlat_entry ethp_names[] = {
	XLAT_PAIR(0x0001, "ETH_P_802_3"), XLAT_PAIR(0x0002, "ETH_P_AX25"),
	XLAT_PAIR(0x0003, "ETH_P_ALL"), XLAT_PAIR(0x0004, "ETH_P_802_2"),
	XLAT_PAIR(0x0800, "ETH_P_IP"), XLAT_PAIR(0x0806, "ETH_P_ARP"),
	XLAT_PAIR(0x8035, "ETH_P_RARP"), XLAT_PAIR(0x8100, "ETH_P_8021Q"),
	XLAT_PAIR(0x86DD, "ETH_P_IPV6"), XLAT_PAIR(0x88CC, "ETH_P_LLDP"),
	XLAT_PAIR(0x888E, "ETH_P_PAE"),
};
static const struct xlat ethp = XLAT_TABLE(ethp_names);

static const struct xlat_entry shut_names[] = {
	XLAT_ENTRY(SHUT_RD), XLAT_ENTRY(SHUT_WR), XLAT_ENTRY(SHUT_RDWR),
};
static const struct xlat shut = XLAT_TABLE(shut_names);

static const struct xlat_entry msgflag_names[] = {
	XLAT_ENTRY(MSG_OOB), XLAT_ENTRY(MSG_PEEK), XLAT_ENTRY(MSG_DONTROUTE),
	XLAT_ENTRY(MSG_CTRUNC), XLAT_PAIR(0x10, "MSG_PROBE"), XLAT_ENTRY(MSG_TRUNC),
	XLAT_ENTRY(MSG_DONTWAIT), XLAT_ENTRY(MSG_EOR), XLAT_ENTRY(MSG_WAITALL),
	XLAT_ENTRY(MSG_FIN), XLAT_ENTRY(MSG_SYN), XLAT_ENTRY(MSG_CONFIRM),
	XLAT_ENTRY(MSG_RST), XLAT_ENTRY(MSG_ERRQUEUE), XLAT_ENTRY(MSG_NOSIGNAL),
	XLAT_ENTRY(MSG_MORE), XLAT_ENTRY(MSG_WAITFORONE),
	XLAT_PAIR(0x20000, "MSG_SENDPAGE_NOTLAST"),
	XLAT_PAIR(0x40000, "MSG_BATCH"), XLAT_PAIR(0x80000, "MSG_NO_SHARED_FRAGS"),
	XLAT_PAIR(0x4000000, "MSG_ZEROCOPY"),
	XLAT_ENTRY(MSG_FASTOPEN), XLAT_ENTRY(MSG_CMSG_CLOEXEC),
	XLAT_PAIR(0x80000000, "MSG_CMSG_COMPAT"),
};
const struct xlat net_msgflags = XLAT_TABLE(msgflag_names);

static const struct xlat_entry sol_names[] = {
	XLAT_PAIR(0, "SOL_IP"), XLAT_PAIR(1, "SOL_SOCKET"),
	XLAT_PAIR(6, "SOL_TCP"), XLAT_PAIR(17, "SOL_UDP"),
	XLAT_PAIR(41, "SOL_IPV6"), XLAT_PAIR(58, "SOL_ICMPV6"),
	XLAT_PAIR(132, "SOL_SCTP"), XLAT_PAIR(136, "SOL_UDPLITE"),
	XLAT_PAIR(255, "SOL_RAW"), XLAT_PAIR(263, "SOL_PACKET"),
	XLAT_PAIR(270, "SOL_NETLINK"), XLAT_PAIR(274, "SOL_BLUETOOTH"),
	XLAT_PAIR(279, "SOL_ALG"), XLAT_PAIR(282, "SOL_TLS"),
	XLAT_PAIR(283, "SOL_XDP"), XLAT_PAIR(284, "SOL_MPTCP"),
};
const struct xlat net_sol = XLAT_TABLE(sol_names);

static const struct xlat_entry so_names[] = {
	XLAT_PAIR(1, "SO_DEBUG"), XLAT_PAIR(2, "SO_REUSEADDR"),
	XLAT_PAIR(3, "SO_TYPE"), XLAT_PAIR(4, "SO_ERROR"),
	XLAT_PAIR(5, "SO_DONTROUTE"), XLAT_PAIR(6, "SO_BROADCAST"),
	XLAT_PAIR(7, "SO_SNDBUF"), XLAT_PAIR(8, "SO_RCVBUF"),
	XLAT_PAIR(9, "SO_KEEPALIVE"), XLAT_PAIR(10, "SO_OOBINLINE"),
	XLAT_PAIR(11, "SO_NO_CHECK"), XLAT_PAIR(12, "SO_PRIORITY"),
	XLAT_PAIR(13, "SO_LINGER"), XLAT_PAIR(14, "SO_BSDCOMPAT"),
	XLAT_PAIR(15, "SO_REUSEPORT"), XLAT_PAIR(16, "SO_PASSCRED"),
	XLAT_PAIR(17, "SO_PEERCRED"), XLAT_PAIR(18, "SO_RCVLOWAT"),
	XLAT_PAIR(19, "SO_SNDLOWAT"), XLAT_PAIR(20, "SO_RCVTIMEO_OLD"),
	XLAT_PAIR(21, "SO_SNDTIMEO_OLD"),
	XLAT_PAIR(22, "SO_SECURITY_AUTHENTICATION"),
	XLAT_PAIR(23, "SO_SECURITY_ENCRYPTION_TRANSPORT"),
	XLAT_PAIR(24, "SO_SECURITY_ENCRYPTION_NETWORK"),
	XLAT_PAIR(25, "SO_BINDTODEVICE"), XLAT_PAIR(26, "SO_ATTACH_FILTER"),
	XLAT_PAIR(27, "SO_DETACH_FILTER"), XLAT_PAIR(28, "SO_PEERNAME"),
	XLAT_PAIR(29, "SO_TIMESTAMP_OLD"), XLAT_PAIR(30, "SO_ACCEPTCONN"),
	XLAT_PAIR(31, "SO_PEERSEC"), XLAT_PAIR(32, "SO_SNDBUFFORCE"),
	XLAT_PAIR(33, "SO_RCVBUFFORCE"), XLAT_PAIR(34, "SO_PASSSEC"),
	XLAT_PAIR(35, "SO_TIMESTAMPNS_OLD"), XLAT_PAIR(36, "SO_MARK"),
	XLAT_PAIR(37, "SO_TIMESTAMPING_OLD"), XLAT_PAIR(38, "SO_PROTOCOL"),
	XLAT_PAIR(39, "SO_DOMAIN"), XLAT_PAIR(40, "SO_RXQ_OVFL"),
	XLAT_PAIR(41, "SO_WIFI_STATUS"), XLAT_PAIR(42, "SO_PEEK_OFF"),
	XLAT_PAIR(43, "SO_NOFCS"), XLAT_PAIR(44, "SO_LOCK_FILTER"),
	XLAT_PAIR(45, "SO_SELECT_ERR_QUEUE"), XLAT_PAIR(46, "SO_BUSY_POLL"),
	XLAT_PAIR(47, "SO_MAX_PACING_RATE"), XLAT_PAIR(48, "SO_BPF_EXTENSIONS"),
	XLAT_PAIR(49, "SO_INCOMING_CPU"), XLAT_PAIR(50, "SO_ATTACH_BPF"),
	XLAT_PAIR(51, "SO_ATTACH_REUSEPORT_CBPF"),
	XLAT_PAIR(52, "SO_ATTACH_REUSEPORT_EBPF"),
	XLAT_PAIR(53, "SO_CNX_ADVICE"), XLAT_PAIR(54, "SCM_TIMESTAMPING_OPT_STATS"),
	XLAT_PAIR(55, "SO_MEMINFO"), XLAT_PAIR(56, "SO_INCOMING_NAPI_ID"),
	XLAT_PAIR(57, "SO_COOKIE"), XLAT_PAIR(58, "SCM_TIMESTAMPING_PKTINFO"),
	XLAT_PAIR(59, "SO_PEERGROUPS"), XLAT_PAIR(60, "SO_ZEROCOPY"),
	XLAT_PAIR(61, "SO_TXTIME"), XLAT_PAIR(62, "SO_BINDTOIFINDEX"),
	XLAT_PAIR(63, "SO_TIMESTAMP_NEW"), XLAT_PAIR(64, "SO_TIMESTAMPNS_NEW"),
	XLAT_PAIR(65, "SO_TIMESTAMPING_NEW"), XLAT_PAIR(66, "SO_RCVTIMEO_NEW"),
	XLAT_PAIR(67, "SO_SNDTIMEO_NEW"), XLAT_PAIR(68, "SO_DETACH_REUSEPORT_BPF"),
	XLAT_PAIR(69, "SO_PREFER_BUSY_POLL"), XLAT_PAIR(70, "SO_BUSY_POLL_BUDGET"),
	XLAT_PAIR(71, "SO_NETNS_COOKIE"), XLAT_PAIR(72, "SO_BUF_LOCK"),
	XLAT_PAIR(73, "SO_RESERVE_MEM"), XLAT_PAIR(74, "SO_TXREHASH"),
	XLAT_PAIR(75, "SO_RCVMARK"),
};
static const struct xlat so = XLAT_TABLE(so_names);

static const struct xlat_entry tcpopt_names[] = {
	XLAT_ENTRY(TCP_NODELAY), XLAT_ENTRY(TCP_MAXSEG), XLAT_ENTRY(TCP_CORK),
	XLAT_ENTRY(TCP_KEEPIDLE), XLAT_ENTRY(TCP_KEEPINTVL),
	XLAT_ENTRY(TCP_KEEPCNT), XLAT_ENTRY(TCP_SYNCNT), XLAT_ENTRY(TCP_LINGER2),
	XLAT_ENTRY(TCP_DEFER_ACCEPT), XLAT_ENTRY(TCP_WINDOW_CLAMP),
	XLAT_ENTRY(TCP_INFO), XLAT_ENTRY(TCP_QUICKACK),
	XLAT_ENTRY(TCP_CONGESTION), XLAT_ENTRY(TCP_MD5SIG),
	XLAT_PAIR(15, "TCP_COOKIE_TRANSACTIONS"),
	XLAT_ENTRY(TCP_THIN_LINEAR_TIMEOUTS), XLAT_ENTRY(TCP_THIN_DUPACK),
	XLAT_ENTRY(TCP_USER_TIMEOUT), XLAT_ENTRY(TCP_REPAIR),
	XLAT_ENTRY(TCP_REPAIR_QUEUE), XLAT_ENTRY(TCP_QUEUE_SEQ),
	XLAT_ENTRY(TCP_REPAIR_OPTIONS), XLAT_ENTRY(TCP_FASTOPEN),
	XLAT_ENTRY(TCP_TIMESTAMP), XLAT_ENTRY(TCP_NOTSENT_LOWAT),
	XLAT_PAIR(26, "TCP_CC_INFO"), XLAT_PAIR(27, "TCP_SAVE_SYN"),
	XLAT_PAIR(28, "TCP_SAVED_SYN"), XLAT_PAIR(29, "TCP_REPAIR_WINDOW"),
	XLAT_PAIR(30, "TCP_FASTOPEN_CONNECT"), XLAT_PAIR(31, "TCP_ULP"),
	XLAT_PAIR(32, "TCP_MD5SIG_EXT"), XLAT_PAIR(33, "TCP_FASTOPEN_KEY"),
	XLAT_PAIR(34, "TCP_FASTOPEN_NO_COOKIE"), XLAT_PAIR(35, "TCP_ZEROCOPY_RECEIVE"),
	XLAT_PAIR(36, "TCP_INQ"), XLAT_PAIR(37, "TCP_TX_DELAY"),
};
static const struct xlat tcpopt = XLAT_TABLE(tcpopt_names);

static const struct xlat_entry ipopt_names[] = {
	XLAT_PAIR(1, "IP_TOS"), XLAT_PAIR(2, "IP_TTL"), XLAT_PAIR(3, "IP_HDRINCL"),
	XLAT_PAIR(4, "IP_OPTIONS"), XLAT_PAIR(5, "IP_ROUTER_ALERT"),
	XLAT_PAIR(6, "IP_RECVOPTS"), XLAT_PAIR(7, "IP_RETOPTS"),
	XLAT_PAIR(8, "IP_PKTINFO"), XLAT_PAIR(9, "IP_PKTOPTIONS"),
	XLAT_PAIR(10, "IP_MTU_DISCOVER"), XLAT_PAIR(11, "IP_RECVERR"),
	XLAT_PAIR(12, "IP_RECVTTL"), XLAT_PAIR(13, "IP_RECVTOS"),
	XLAT_PAIR(14, "IP_MTU"), XLAT_PAIR(15, "IP_FREEBIND"),
	XLAT_PAIR(16, "IP_IPSEC_POLICY"), XLAT_PAIR(17, "IP_XFRM_POLICY"),
	XLAT_PAIR(18, "IP_PASSSEC"), XLAT_PAIR(19, "IP_TRANSPARENT"),
	XLAT_PAIR(20, "IP_ORIGDSTADDR"), XLAT_PAIR(21, "IP_MINTTL"),
	XLAT_PAIR(22, "IP_NODEFRAG"), XLAT_PAIR(23, "IP_CHECKSUM"),
	XLAT_PAIR(24, "IP_BIND_ADDRESS_NO_PORT"), XLAT_PAIR(25, "IP_RECVFRAGSIZE"),
	XLAT_PAIR(26, "IP_RECVERR_RFC4884"),
	XLAT_PAIR(32, "IP_MULTICAST_IF"), XLAT_PAIR(33, "IP_MULTICAST_TTL"),
	XLAT_PAIR(34, "IP_MULTICAST_LOOP"), XLAT_PAIR(35, "IP_ADD_MEMBERSHIP"),
	XLAT_PAIR(36, "IP_DROP_MEMBERSHIP"), XLAT_PAIR(37, "IP_UNBLOCK_SOURCE"),
	XLAT_PAIR(38, "IP_BLOCK_SOURCE"), XLAT_PAIR(39, "IP_ADD_SOURCE_MEMBERSHIP"),
	XLAT_PAIR(40, "IP_DROP_SOURCE_MEMBERSHIP"), XLAT_PAIR(41, "IP_MSFILTER"),
	XLAT_PAIR(49, "IP_MULTICAST_ALL"), XLAT_PAIR(50, "IP_UNICAST_IF"),
};
static const struct xlat ipopt = XLAT_TABLE(ipopt_names);

static const struct xlat_entry ipv6opt_names[] = {
	XLAT_PAIR(1, "IPV6_ADDRFORM"), XLAT_PAIR(2, "IPV6_2292PKTINFO"),
	XLAT_PAIR(3, "IPV6_2292HOPOPTS"), XLAT_PAIR(4, "IPV6_2292DSTOPTS"),
	XLAT_PAIR(5, "IPV6_2292RTHDR"), XLAT_PAIR(6, "IPV6_2292PKTOPTIONS"),
	XLAT_PAIR(7, "IPV6_CHECKSUM"), XLAT_PAIR(8, "IPV6_2292HOPLIMIT"),
	XLAT_PAIR(9, "IPV6_NEXTHOP"), XLAT_PAIR(10, "IPV6_AUTHHDR"),
	XLAT_PAIR(11, "IPV6_FLOWINFO"), XLAT_PAIR(16, "IPV6_UNICAST_HOPS"),
	XLAT_PAIR(17, "IPV6_MULTICAST_IF"), XLAT_PAIR(18, "IPV6_MULTICAST_HOPS"),
	XLAT_PAIR(19, "IPV6_MULTICAST_LOOP"), XLAT_PAIR(20, "IPV6_ADD_MEMBERSHIP"),
	XLAT_PAIR(21, "IPV6_DROP_MEMBERSHIP"), XLAT_PAIR(22, "IPV6_ROUTER_ALERT"),
	XLAT_PAIR(23, "IPV6_MTU_DISCOVER"), XLAT_PAIR(24, "IPV6_MTU"),
	XLAT_PAIR(25, "IPV6_RECVERR"), XLAT_PAIR(26, "IPV6_V6ONLY"),
	XLAT_PAIR(27, "IPV6_JOIN_ANYCAST"), XLAT_PAIR(28, "IPV6_LEAVE_ANYCAST"),
	XLAT_PAIR(29, "IPV6_MULTICAST_ALL"), XLAT_PAIR(30, "IPV6_ROUTER_ALERT_ISOLATE"),
	XLAT_PAIR(31, "IPV6_RECVERR_RFC4884"),
	XLAT_PAIR(49, "IPV6_RECVPKTINFO"), XLAT_PAIR(50, "IPV6_PKTINFO"),
	XLAT_PAIR(51, "IPV6_RECVHOPLIMIT"), XLAT_PAIR(52, "IPV6_HOPLIMIT"),
	XLAT_PAIR(53, "IPV6_RECVHOPOPTS"), XLAT_PAIR(54, "IPV6_HOPOPTS"),
	XLAT_PAIR(55, "IPV6_RTHDRDSTOPTS"), XLAT_PAIR(56, "IPV6_RECVRTHDR"),
	XLAT_PAIR(57, "IPV6_RTHDR"), XLAT_PAIR(58, "IPV6_RECVDSTOPTS"),
	XLAT_PAIR(59, "IPV6_DSTOPTS"), XLAT_PAIR(60, "IPV6_RECVPATHMTU"),
	XLAT_PAIR(61, "IPV6_PATHMTU"), XLAT_PAIR(62, "IPV6_DONTFRAG"),
	XLAT_PAIR(66, "IPV6_RECVTCLASS"), XLAT_PAIR(67, "IPV6_TCLASS"),
	XLAT_PAIR(70, "IPV6_AUTOFLOWLABEL"), XLAT_PAIR(72, "IPV6_ADDR_PREFERENCES"),
	XLAT_PAIR(73, "IPV6_MINHOPCOUNT"), XLAT_PAIR(74, "IPV6_ORIGDSTADDR"),
	XLAT_PAIR(75, "IPV6_TRANSPARENT"), XLAT_PAIR(76, "IPV6_UNICAST_IF"),
	XLAT_PAIR(77, "IPV6_RECVFRAGSIZE"), XLAT_PAIR(78, "IPV6_FREEBIND"),
};
static const struct xlat ipv6opt = XLAT_TABLE(ipv6opt_names);

static const struct xlat_entry nlopt_names[] = {
	XLAT_PAIR(1, "NETLINK_ADD_MEMBERSHIP"), XLAT_PAIR(2, "NETLINK_DROP_MEMBERSHIP"),
	XLAT_PAIR(3, "NETLINK_PKTINFO"), XLAT_PAIR(4, "NETLINK_BROADCAST_ERROR"),
	XLAT_PAIR(5, "NETLINK_NO_ENOBUFS"), XLAT_PAIR(6, "NETLINK_RX_RING"),
	XLAT_PAIR(7, "NETLINK_TX_RING"), XLAT_PAIR(8, "NETLINK_LISTEN_ALL_NSID"),
	XLAT_PAIR(9, "NETLINK_LIST_MEMBERSHIPS"), XLAT_PAIR(10, "NETLINK_CAP_ACK"),
	XLAT_PAIR(11, "NETLINK_EXT_ACK"), XLAT_PAIR(12, "NETLINK_GET_STRICT_CHK"),
};
static const struct xlat nlopt = XLAT_TABLE(nlopt_names);


/* "[N]" read from a tracee int, or the address. */
static void
print_int_ptr(pid_t tid, uint64_t addr)
{
	int v;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (umem_read(tid, addr, &v, sizeof(v)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("[%d]", v);
}

/* ---- socket, socketpair ------------------------------------------------- */

static void
print_socktype(uint64_t v)
{
	uint32_t type = (uint32_t)v & 0xf, flags = (uint32_t)v & ~0xfU;
	uint32_t known = SOCK_CLOEXEC | SOCK_NONBLOCK;

	if (!xlat_lookup(&socktype, type)) {
		/* strace prints the whole word when the type is unknown */
		out_printf(opts.xmode == XMODE_RAW ? "%#x" : "%#x /* SOCK_??? */",
			   (uint32_t)v);
		return;
	}
	/* the type and the flags each follow -X: 0x1 / * SOCK_STREAM * / */
	dec_print_xval_hex(&socktype, type, NULL);
	if (!flags)
		return;
	out_write("|", 1);
	dec_print_flags(&sockflags, flags, NULL);
	/* the comment only when no flag bit had a name */
	if (!(flags & known) && opts.xmode != XMODE_RAW)
		out_write(" /* SOCK_??? */", 15);
}

static void
print_protocol(uint64_t family, uint64_t proto)
{
	switch (family) {
	case AF_INET:
	case AF_INET6:
		dec_print_xval(&ipproto, (uint32_t)proto, "%#llx",
			       "IPPROTO_???");
		break;
	case AF_NETLINK:
		dec_print_xval(&netlink_proto, (uint32_t)proto, "%#llx",
			       "NETLINK_???");
		break;
	case AF_PACKET: {
		uint16_t p = ntohs((uint16_t)proto);

		out_write("htons(", 6);
		/* -X too: htons(0x800), htons(0x800 / * ETH_P_IP * /) */
		dec_print_xval(&ethp, p, "%#llx", "ETH_P_???");
		out_write(")", 1);
		break;
	}
	case AF_BLUETOOTH: {
		static const char *const bt[] = {
			"BTPROTO_L2CAP", "BTPROTO_HCI", "BTPROTO_SCO",
			"BTPROTO_RFCOMM", "BTPROTO_BNEP", "BTPROTO_CMTP",
			"BTPROTO_HIDP", "BTPROTO_AVDTP", "BTPROTO_ISO",
		};

		if (proto < sizeof(bt) / sizeof(bt[0]))
			out_puts(bt[proto]);
		else
			out_printf("%#x /* BTPROTO_??? */", (unsigned)proto);
		break;
	}
	default:
		out_printf("%d", (int)proto);
		break;
	}
}

static void
print_socket_triple(struct sc_ctx *c)
{
	uint32_t family = (uint32_t)dec_arg(c, 0);

	dec_print_xval(&net_af, family, "%#llx", "AF_???");
	out_write(", ", 2);
	print_socktype(dec_arg(c, 1));
	out_write(", ", 2);
	print_protocol(family, dec_arg(c, 2));
}

enum dec_status
dec_socket(struct sc_ctx *c)
{
	if (!c->exiting)
		print_socket_triple(c);
	return DEC_DONE;
}

enum dec_status
dec_socketpair(struct sc_ctx *c)
{
	int sv[2];
	uint64_t p = dec_arg(c, 3);

	if (!c->exiting) {
		print_socket_triple(c);
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (!dec_fetch_out(c, p, sv, sizeof(sv)))
		return DEC_DONE;
	/* an array like any other: -s caps its elements */
	out_write("[", 1);
	if (opts.max_strlen < 1) {
		out_write("...]", 4);
		return DEC_DONE;
	}
	dec_print_fd(c, sv[0]);
	out_write(", ", 2);
	if (opts.max_strlen < 2)
		out_write("...", 3);
	else
		dec_print_fd(c, sv[1]);
	out_write("]", 1);
	return DEC_DONE;
}

/* ---- bind, connect, listen, shutdown ------------------------------------- */

/* bind, connect: fd, address, length; all inputs. */
enum dec_status
dec_sockaddr_in(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	net_print_sockaddr(c, dec_arg(c, 1), (uint32_t)dec_arg(c, 2));
	out_printf(", %u", (unsigned)dec_arg(c, 2));
	return DEC_DONE;
}

enum dec_status
dec_shutdown(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_xval(&shut, (uint32_t)dec_arg(c, 1), "%#llx", "SHUT_???");
	return DEC_DONE;
}

/* ---- accept, accept4, getsockname, getpeername ----------------------------- */

/* fd, output address, in/out length (slot 0 of scratch). */
enum dec_status
dec_sockaddr_out(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		net_save_len(c, dec_arg(c, 2), 0);
		return DEC_MORE;
	}
	net_print_sockaddr_out(c, dec_arg(c, 1), dec_arg(c, 2), 0);
	out_write(", ", 2);
	net_print_len_inout(c, dec_arg(c, 2), 0);
	return DEC_DONE;
}

enum dec_status
dec_accept4(struct sc_ctx *c)
{
	if (!c->exiting || c->args_done)
		return dec_sockaddr_out(c);
	dec_sockaddr_out(c);
	out_write(", ", 2);
	dec_print_flags_cmt(&sockflags, (uint32_t)dec_arg(c, 3), "0", "SOCK_???");
	return DEC_DONE;
}

/* ---- setsockopt, getsockopt ----------------------------------------------- */

static void
print_optname(uint32_t level, uint32_t name)
{
	switch (level) {
	case SOL_SOCKET:
		dec_print_xval(&so, name, "%#llx", "SO_???");
		break;
	case SOL_TCP:
		dec_print_xval(&tcpopt, name, "%#llx", "TCP_???");
		break;
	case SOL_IP:
		dec_print_xval(&ipopt, name, "%#llx", "IP_???");
		break;
	case SOL_IPV6:
		dec_print_xval(&ipv6opt, name, "%#llx", "IPV6_???");
		break;
	case 270:	/* SOL_NETLINK */
		dec_print_xval(&nlopt, name, "%#llx", "NETLINK_???");
		break;
	default:
		out_printf("%u", name);
		break;
	}
}

static void
print_level_name(struct sc_ctx *c)
{
	uint32_t level = (uint32_t)dec_arg(c, 1);

	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_xval(&net_sol, level, "%#llx", "SOL_??");
	out_write(", ", 2);
	print_optname(level, (uint32_t)dec_arg(c, 2));
	out_write(", ", 2);
}

/*
 * SOL_SOCKET options that strace knows hold an int: shorter values are
 * not printed as bytes.
 */
static bool
is_int_sockopt(uint32_t level, uint32_t name)
{
	if (level != SOL_SOCKET)
		return false;
	switch (name) {
	case SO_DEBUG: case SO_REUSEADDR: case SO_TYPE: case SO_ERROR:
	case SO_DONTROUTE: case SO_BROADCAST: case SO_SNDBUF: case SO_RCVBUF:
	case SO_KEEPALIVE: case SO_OOBINLINE: case SO_NO_CHECK:
	case SO_PRIORITY: case SO_REUSEPORT: case SO_PASSCRED:
	case SO_RCVLOWAT: case SO_SNDLOWAT: case SO_ACCEPTCONN:
	case SO_SNDBUFFORCE: case SO_RCVBUFFORCE: case SO_PASSSEC:
	case SO_MARK: case SO_PROTOCOL: case SO_DOMAIN: case SO_RXQ_OVFL:
	case SO_PEEK_OFF: case SO_BUSY_POLL: case SO_INCOMING_CPU:
	case SO_ZEROCOPY:
		return true;
	}
	return false;
}

/* An option value of len bytes: "[int]", a known struct, or the bytes. */
static void
print_optval(struct sc_ctx *c, uint32_t level, uint32_t name, uint64_t addr,
	     uint64_t len, bool getting)
{
	unsigned char b[16];

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (level == SOL_SOCKET && name == SO_LINGER && len >= 8 &&
	    umem_read(c->tid, addr, b, 8) == 0) {
		int v[2];

		memcpy(v, b, sizeof(v));
		out_printf("{l_onoff=%d, l_linger=%d}", v[0], v[1]);
		return;
	}
	if (level == SOL_SOCKET && name == SO_PEERCRED && len >= 12 &&
	    umem_read(c->tid, addr, b, 12) == 0) {
		int v[3];

		memcpy(v, b, sizeof(v));
		out_printf("{pid=%d, uid=%d, gid=%d}", v[0], v[1], v[2]);
		return;
	}
	if (is_int_sockopt(level, name)) {
		if (len >= sizeof(int)) {
			print_int_ptr(c->tid, addr);
			return;
		}
		if (getting && len && umem_read(c->tid, addr, b, len) == 0) {
			char q[FMT_QUOTE_SIZE(sizeof(int))];
			size_t k = len < opts.max_strlen ? len : opts.max_strlen;

			/* strace shows a short int option's bytes in hex */
			out_write(q, fmt_quote_hex(q, (char *)b, k));
			if (k < len)
				out_write("...", 3);
			return;
		}
		dec_print_ptr(addr);
		return;
	}
	if (len == sizeof(int)) {
		print_int_ptr(c->tid, addr);
		return;
	}
	dec_print_buf(c->tid, addr, len);
}

enum dec_status
dec_setsockopt(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_level_name(c);
	print_optval(c, (uint32_t)dec_arg(c, 1), (uint32_t)dec_arg(c, 2),
		     dec_arg(c, 3), (uint32_t)dec_arg(c, 4), false);
	out_printf(", %d", (int)dec_arg(c, 4));
	return DEC_DONE;
}

enum dec_status
dec_getsockopt(struct sc_ctx *c)
{
	uint64_t lenp = dec_arg(c, 4);
	uint32_t out;

	if (!c->exiting) {
		print_level_name(c);
		net_save_len(c, lenp, 0);
		return DEC_MORE;
	}
	if (c->is_error || !c->scratch[1] ||
	    umem_read(c->tid, lenp, &out, sizeof(out)) < 0) {
		uint64_t v = dec_arg(c, 3);

		if (v)
			dec_print_ptr(v);
		else
			out_write("NULL", 4);
	} else {
		print_optval(c, (uint32_t)dec_arg(c, 1), (uint32_t)dec_arg(c, 2),
			     dec_arg(c, 3), out, true);
	}
	out_write(", ", 2);
	net_print_len_inout(c, lenp, 0);
	return DEC_DONE;
}

/* ---- sendto, recvfrom -------------------------------------------------------- */

enum dec_status
dec_sendto(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	if (net_is_netlink_data(c, (int)dec_arg(c, 0), dec_arg(c, 4),
			    (uint32_t)dec_arg(c, 5)))
		dec_print_netlink(c, dec_arg(c, 1), dec_arg(c, 2));
	else
		dec_print_buf(c->tid, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	out_write(", ", 2);
	net_print_sockaddr(c, dec_arg(c, 4), (uint32_t)dec_arg(c, 5));
	out_printf(", %u", (unsigned)dec_arg(c, 5));
	return DEC_DONE;
}

enum dec_status
dec_recvfrom(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		net_save_len(c, dec_arg(c, 5), 0);
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else if (c->scratch[1] &&
		 net_is_netlink_data(c, (int)dec_arg(c, 0), dec_arg(c, 4),
				 c->scratch[0]))
		dec_print_netlink(c, dec_arg(c, 1), (uint64_t)c->rval);
	else
		dec_print_buf(c->tid, dec_arg(c, 1), (uint64_t)c->rval);
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	dec_print_flags_cmt(&net_msgflags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	out_write(", ", 2);
	net_print_sockaddr_out(c, dec_arg(c, 4), dec_arg(c, 5), 0);
	out_write(", ", 2);
	net_print_len_inout(c, dec_arg(c, 5), 0);
	return DEC_DONE;
}
