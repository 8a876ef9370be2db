/*
 * test_decode_net.c - the network and IPC decoders (src/decode/net.c,
 * src/decode/ipc.c) through the real dispatcher.  Expected lines are what
 * strace 6.1 printed for the same calls (checked on real programs).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include <arpa/inet.h>
#include <fcntl.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>
#include <sys/socket.h>
#include <sys/un.h>

#include "decode.h"
#include "decode_harness.h"

#define EFAULT_TXT " = -1 EFAULT (Bad address)"

static void
test_socket(void **state)
{
	(void)state;
	assert_string_equal(DH("socket", AF_INET, SOCK_STREAM | SOCK_CLOEXEC,
			       IPPROTO_TCP, 0, 0, 0, 3),
			    "socket(AF_INET, SOCK_STREAM|SOCK_CLOEXEC, IPPROTO_TCP) = 3");
	assert_string_equal(DH("socket", AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC |
			       SOCK_NONBLOCK, 0, 0, 0, 0, 3),
			    "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|SOCK_NONBLOCK, 0) = 3");
	assert_string_equal(DH("socket", AF_INET6, SOCK_DGRAM, 0, 0, 0, 0, 3),
			    "socket(AF_INET6, SOCK_DGRAM, IPPROTO_IP) = 3");
	assert_string_equal(DH("socket", AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC,
			       NETLINK_ROUTE, 0, 0, 0, 3),
			    "socket(AF_NETLINK, SOCK_RAW|SOCK_CLOEXEC, NETLINK_ROUTE) = 3");
	assert_string_equal(DH("socket", AF_NETLINK, SOCK_RAW, 99, 0, 0, 0, -93),
			    "socket(AF_NETLINK, SOCK_RAW, 0x63 /* NETLINK_??? */) = -1 EPROTONOSUPPORT (Protocol not supported)");
	assert_string_equal(DH("socket", AF_PACKET, SOCK_RAW, htons(3), 0, 0, 0, 4),
			    "socket(AF_PACKET, SOCK_RAW, htons(ETH_P_ALL)) = 4");
	assert_string_equal(DH("socket", AF_PACKET, SOCK_DGRAM, 0, 0, 0, 0, 4),
			    "socket(AF_PACKET, SOCK_DGRAM, htons(0 /* ETH_P_??? */)) = 4");
	assert_string_equal(DH("socket", 1234, 77, 5, 0, 0, 0, -22),
			    "socket(0x4d2 /* AF_??? */, 0x4d /* SOCK_??? */, 5) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("socket", AF_INET, SOCK_SEQPACKET | 0x100, 0, 0, 0, 0, -22),
			    "socket(AF_INET, SOCK_SEQPACKET|0x100 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("socket", AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC | 0x40000000,
			       0, 0, 0, 0, -22),
			    "socket(AF_UNIX, SOCK_STREAM|SOCK_CLOEXEC|0x40000000, 0) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("socket", AF_INET, SOCK_RAW, 200, 0, 0, 0, 4),
			    "socket(AF_INET, SOCK_RAW, 0xc8 /* IPPROTO_??? */) = 4");
}

static void
test_socketpair(void **state)
{
	static int sv[2] = { 3, 4 };
	uintptr_t bad = dh_unmapped();
	char want[128];

	(void)state;
	assert_string_equal(DH("socketpair", AF_UNIX, SOCK_STREAM, 0, sv, 0, 0, 0),
			    "socketpair(AF_UNIX, SOCK_STREAM, 0, [3, 4]) = 0");
	snprintf(want, sizeof(want),
		 "socketpair(AF_UNIX, SOCK_STREAM, 0, %p) = -1 EMFILE (Too many open files)",
		 (void *)sv);
	assert_string_equal(DH("socketpair", AF_UNIX, SOCK_STREAM, 0, sv, 0, 0, -24), want);
	snprintf(want, sizeof(want), "socketpair(AF_UNIX, SOCK_DGRAM, 0, %p) = 0",
		 (void *)bad);
	assert_string_equal(DH("socketpair", AF_UNIX, SOCK_DGRAM, 0, bad, 0, 0, 0), want);
	/* the array prints at exit */
	{
		const uint64_t a[6] = { AF_UNIX, SOCK_STREAM, 0, (uintptr_t)sv };

		assert_string_equal(dh_entry_text("socketpair", a),
				    "socketpair(AF_UNIX, SOCK_STREAM, 0, ");
		dh_exit(0);
	}
}

static void
test_sockaddr_in(void **state)
{
	static struct sockaddr_in sin;
	static struct sockaddr_in6 s6;
	static struct sockaddr_un un;
	static struct sockaddr_nl nl;
	static struct sockaddr_storage ss;
	uintptr_t bad = dh_unmapped();
	char want[256];

	(void)state;
	sin.sin_family = AF_INET;
	sin.sin_port = htons(80);
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	assert_string_equal(DH("connect", 3, &sin, 16, 0, 0, 0, -115),
			    "connect(3, {sa_family=AF_INET, sin_port=htons(80), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = -1 EINPROGRESS (Operation now in progress)");
	assert_string_equal(DH("connect", 3, &sin, 8, 0, 0, 0, -22),
			    "connect(3, {sa_family=AF_INET, sa_data=\"\\0P\\177\\0\\0\\1\"}, 8) = -1 EINVAL (Invalid argument)");
	s6.sin6_family = AF_INET6;
	s6.sin6_port = htons(80);
	inet_pton(AF_INET6, "::1", &s6.sin6_addr);
	assert_string_equal(DH("bind", 3, &s6, 28, 0, 0, 0, 0),
			    "bind(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr), sin6_scope_id=0}, 28) = 0");
	assert_string_equal(DH("bind", 3, &s6, 24, 0, 0, 0, 0),
			    "bind(3, {sa_family=AF_INET6, sin6_port=htons(80), sin6_flowinfo=htonl(0), inet_pton(AF_INET6, \"::1\", &sin6_addr)}, 24) = 0");
	un.sun_family = AF_UNIX;
	strcpy(un.sun_path, "/run/x.sock");
	assert_string_equal(DH("connect", 3, &un, sizeof(un), 0, 0, 0, 0),
			    "connect(3, {sa_family=AF_UNIX, sun_path=\"/run/x.sock\"}, 110) = 0");
	memcpy(un.sun_path, "\0name", 6);
	assert_string_equal(DH("bind", 3, &un, 2 + 5, 0, 0, 0, 0),
			    "bind(3, {sa_family=AF_UNIX, sun_path=@\"name\"}, 7) = 0");
	assert_string_equal(DH("bind", 3, &un, 2, 0, 0, 0, -22),
			    "bind(3, {sa_family=AF_UNIX}, 2) = -1 EINVAL (Invalid argument)");
	nl.nl_family = AF_NETLINK;
	assert_string_equal(DH("bind", 3, &nl, 12, 0, 0, 0, 0),
			    "bind(3, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 0");
	nl.nl_pid = 1234;
	nl.nl_groups = 0x11;
	assert_string_equal(DH("bind", 3, &nl, 12, 0, 0, 0, 0),
			    "bind(3, {sa_family=AF_NETLINK, nl_pid=1234, nl_groups=0x000011}, 12) = 0");
	memset(&ss, 0, sizeof(ss));
	assert_string_equal(DH("connect", 3, &ss, 16, 0, 0, 0, 0),
			    "connect(3, {sa_family=AF_UNSPEC, sa_data=\"\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\"}, 16) = 0");
	ss.ss_family = 99;
	assert_string_equal(DH("connect", 3, &ss, 4, 0, 0, 0, -97),
			    "connect(3, {sa_family=0x63 /* AF_??? */, sa_data=\"\\0\\0\"}, 4) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
	assert_string_equal(DH("connect", 3, 0, 0, 0, 0, 0, -22),
			    "connect(3, NULL, 0) = -1 EINVAL (Invalid argument)");
	snprintf(want, sizeof(want), "connect(3, %p, 0) = -1 EINVAL (Invalid argument)",
		 (void *)&ss);
	assert_string_equal(DH("connect", 3, &ss, 0, 0, 0, 0, -22), want);
	snprintf(want, sizeof(want), "connect(3, %p, 16)" EFAULT_TXT, (void *)bad);
	assert_string_equal(DH("connect", 3, bad, 16, 0, 0, 0, -14), want);
	assert_string_equal(DH("listen", 3, 4096, 0, 0, 0, 0, 0),
			    "listen(3, 4096) = 0");
	assert_string_equal(DH("shutdown", 3, SHUT_RDWR, 0, 0, 0, 0, 0),
			    "shutdown(3, SHUT_RDWR) = 0");
	assert_string_equal(DH("shutdown", 3, 7, 0, 0, 0, 0, -22),
			    "shutdown(3, 0x7 /* SHUT_??? */) = -1 EINVAL (Invalid argument)");
}

static void
test_sockaddr_out(void **state)
{
	static struct sockaddr_in sin;
	static struct sockaddr_un un;
	static socklen_t len;
	char want[256];
	uint64_t a[6] = { 3, (uintptr_t)&sin, (uintptr_t)&len };

	(void)state;
	/* the kernel rewrites the length: "[in => out]" */
	len = 128;
	memset(&sin, 0, sizeof(sin));
	assert_string_equal(dh_entry_text("accept", a), "accept(3, ");
	sin.sin_family = AF_INET;
	sin.sin_port = htons(32878);
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	len = 16;
	dh_exit(5);
	assert_string_equal(dh_last_line(),
			    "accept(3, {sa_family=AF_INET, sin_port=htons(32878), sin_addr=inet_addr(\"127.0.0.1\")}, [128 => 16]) = 5");
	/* unchanged: "[16]" */
	assert_string_equal(DH("getsockname", 3, &sin, &len, 0, 0, 0, 0),
			    "getsockname(3, {sa_family=AF_INET, sin_port=htons(32878), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 0");
	/* error: the address and the length given */
	len = 128;
	snprintf(want, sizeof(want),
		 "accept4(3, %p, [128], SOCK_CLOEXEC) = -1 EBADF (Bad file descriptor)",
		 (void *)&sin);
	assert_string_equal(DH("accept4", 3, &sin, &len, SOCK_CLOEXEC, 0, 0, -9), want);
	assert_string_equal(DH("accept", 3, 0, 0, 0, 0, 0, 4), "accept(3, NULL, NULL) = 4");
	/* a short buffer: only min(in, out) bytes are shown */
	memset(&un, 0, sizeof(un));
	un.sun_family = AF_UNIX;
	memcpy(un.sun_path, "\0hnet", 5);
	a[1] = (uintptr_t)&un;
	len = 4;
	dh_entry("getsockname", a);
	len = 7;
	dh_exit(0);
	assert_string_equal(dh_last_line(),
			    "getsockname(3, {sa_family=AF_UNIX, sun_path=@\"h\"}, [4 => 7]) = 0");
	/* unreadable length */
	a[2] = dh_unmapped();
	dh_entry("getpeername", a);
	dh_exit(0);
	snprintf(want, sizeof(want), "getpeername(3, %p, %p) = 0", (void *)&un,
		 (void *)dh_unmapped());
	assert_string_equal(dh_last_line(), want);
}

static void
test_sockopt(void **state)
{
	static int one = 1, v;
	static socklen_t len;
	static struct linger lg = { 1, 5 };
	static char dev[] = "lo";
	uintptr_t bad = dh_unmapped();
	char want[256];
	uint64_t a[6] = { 4, SOL_SOCKET, SO_RCVBUF, (uintptr_t)&v, (uintptr_t)&len };

	(void)state;
	assert_string_equal(DH("setsockopt", 3, SOL_SOCKET, SO_REUSEADDR, &one, 4, 0, 0),
			    "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4) = 0");
	assert_string_equal(DH("setsockopt", 4, IPPROTO_TCP, TCP_NODELAY, &one, 4, 0, 0),
			    "setsockopt(4, SOL_TCP, TCP_NODELAY, [1], 4) = 0");
	assert_string_equal(DH("setsockopt", 3, IPPROTO_IPV6, 26, &one, 4, 0, 0),
			    "setsockopt(3, SOL_IPV6, IPV6_V6ONLY, [1], 4) = 0");
	assert_string_equal(DH("setsockopt", 3, SOL_SOCKET, SO_LINGER, &lg, 8, 0, 0),
			    "setsockopt(3, SOL_SOCKET, SO_LINGER, {l_onoff=1, l_linger=5}, 8) = 0");
	assert_string_equal(DH("setsockopt", 3, SOL_SOCKET, SO_BINDTODEVICE, dev, 3, 0, 0),
			    "setsockopt(3, SOL_SOCKET, SO_BINDTODEVICE, \"lo\\0\", 3) = 0");
	assert_string_equal(DH("setsockopt", 3, SOL_SOCKET, 9999, &one, 3, 0, -22),
			    "setsockopt(3, SOL_SOCKET, 0x270f /* SO_??? */, \"\\1\\0\\0\", 3) = -1 EINVAL (Invalid argument)");
	snprintf(want, sizeof(want),
		 "setsockopt(3, SOL_SOCKET, SO_KEEPALIVE, %p, 2) = -1 EINVAL (Invalid argument)",
		 (void *)&one);
	assert_string_equal(DH("setsockopt", 3, SOL_SOCKET, SO_KEEPALIVE, &one, 2, 0, -22), want);
	assert_string_equal(DH("setsockopt", 3, 9999, 5, &one, 4, 0, -95),
			    "setsockopt(3, 0x270f /* SOL_?? */, 5, [1], 4) = -1 EOPNOTSUPP (Operation not supported)");
	snprintf(want, sizeof(want), "setsockopt(3, SOL_TCP, TCP_KEEPIDLE, %p, 4)" EFAULT_TXT,
		 (void *)bad);
	assert_string_equal(DH("setsockopt", 3, SOL_TCP, TCP_KEEPIDLE, bad, 4, 0, -14), want);

	/* getsockopt: value and length at exit */
	len = 8;
	assert_string_equal(dh_entry_text("getsockopt", a),
			    "getsockopt(4, SOL_SOCKET, SO_RCVBUF, ");
	v = 212992;
	len = 4;
	dh_exit(0);
	assert_string_equal(dh_last_line(),
			    "getsockopt(4, SOL_SOCKET, SO_RCVBUF, [212992], [8 => 4]) = 0");
	v = 0;
	assert_string_equal(DH("getsockopt", 4, SOL_SOCKET, SO_ERROR, &v, &len, 0, 0),
			    "getsockopt(4, SOL_SOCKET, SO_ERROR, [0], [4]) = 0");
	v = 0x4000;
	len = 2;
	assert_string_equal(DH("getsockopt", 4, SOL_SOCKET, SO_RCVBUF, &v, &len, 0, 0),
			    "getsockopt(4, SOL_SOCKET, SO_RCVBUF, \"\\x00\\x40\", [2]) = 0");
	len = 4;
	snprintf(want, sizeof(want),
		 "getsockopt(4, SOL_SOCKET, 0x270f /* SO_??? */, %p, [4]) = -1 ENOPROTOOPT (Protocol not available)",
		 (void *)&v);
	assert_string_equal(DH("getsockopt", 4, SOL_SOCKET, 9999, &v, &len, 0, -92), want);
	assert_string_equal(DH("getsockopt", 4, SOL_TCP, TCP_NODELAY, 0, &len, 0, -14),
			    "getsockopt(4, SOL_TCP, TCP_NODELAY, NULL, [4])" EFAULT_TXT);
	snprintf(want, sizeof(want), "getsockopt(4, SOL_TCP, TCP_NODELAY, %p, NULL)" EFAULT_TXT,
		 (void *)&v);
	assert_string_equal(DH("getsockopt", 4, SOL_TCP, TCP_NODELAY, &v, 0, 0, -14), want);
}

static void
test_sendto_recvfrom(void **state)
{
	static char buf[64] = "hello";
	static struct sockaddr_in sin;
	static socklen_t len = 16;
	char want[256];

	(void)state;
	assert_string_equal(DH("sendto", 4, buf, 5, MSG_NOSIGNAL, 0, 0, 5),
			    "sendto(4, \"hello\", 5, MSG_NOSIGNAL, NULL, 0) = 5");
	sin.sin_family = AF_INET;
	sin.sin_port = htons(9);
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	assert_string_equal(DH("sendto", 3, buf, 1, 0, &sin, 16, 1),
			    "sendto(3, \"h\", 1, 0, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, 16) = 1");
	assert_string_equal(DH("recvfrom", 5, buf, 64, MSG_PEEK | MSG_DONTWAIT, 0, 0, 5),
			    "recvfrom(5, \"hello\", 64, MSG_PEEK|MSG_DONTWAIT, NULL, NULL) = 5");
	assert_string_equal(DH("recvfrom", 6, buf, 64, 0, &sin, &len, 3),
			    "recvfrom(6, \"hel\", 64, 0, {sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, [16]) = 3");
	snprintf(want, sizeof(want),
		 "recvfrom(3, %p, 10, MSG_DONTWAIT, %p, [16]) = -1 EAGAIN (Resource temporarily unavailable)",
		 (void *)buf, (void *)&sin);
	assert_string_equal(DH("recvfrom", 3, buf, 10, MSG_DONTWAIT, &sin, &len, -11), want);
}

/* struct mmsghdr of the pass: a msghdr, then the unsigned msg_len */
static void
put_mmsg(void *mm, unsigned i, uint64_t iov, uint32_t len)
{
	size_t hdr = dh_compat() ? 28 : 56, stride = dh_compat() ? 32 : 64;
	char *e = (char *)mm + i * stride;

	dh_msghdr(e, 0, 0, iov, 1, 0, 0, 0);
	dh_put(e, hdr, 4, len);
}

static void
test_msg(void **state)
{
	/* msghdr, iovec, cmsghdr and mmsghdr in the pass's ABI */
	static uint64_t cbuf[4], iov[4], mh[7], mm[16];
	static char b1[16] = "hello", b2[16] = "world!";
	static struct sockaddr_in sin;
	static int64_t ts[2] = { 1, 0 };
	uintptr_t bad = dh_unmapped();
	uint64_t iov1;
	size_t hdr;
	char want[512];
	int zero = 0;

	(void)state;
	DH_PACK(iov, "llll", (uintptr_t)b1, 5, (uintptr_t)b2, 6);
	iov1 = (uintptr_t)iov + 2 * DH_LONG;
	dh_msghdr(mh, 0, 0, (uintptr_t)iov, 1, 0, 0, 0);
	assert_string_equal(DH("sendmsg", 3, mh, MSG_NOSIGNAL, 0, 0, 0, 5),
			    "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_NOSIGNAL) = 5");
	/* one SCM_RIGHTS fd: CMSG_LEN(4) and CMSG_SPACE(4) of the ABI */
	hdr = dh_cmsghdr(cbuf, sizeof(int), SOL_SOCKET, SCM_RIGHTS);
	memcpy((char *)cbuf + hdr, &zero, sizeof(zero));
	dh_msghdr(mh, 0, 0, (uintptr_t)iov, 2, (uintptr_t)cbuf,
		  dh_compat() ? 16 : 24, 0);
	snprintf(want, sizeof(want), "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\"world!\", iov_len=6}], msg_iovlen=2, msg_control=[{cmsg_len=%d, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0]}], msg_controllen=%d, msg_flags=0}, 0) = 11",
		 dh_compat() ? 16 : 20, dh_compat() ? 16 : 24);
	assert_string_equal(DH("sendmsg", 3, mh, 0, 0, 0, 0, 11), want);
	/*
	 * A cmsg_len that wraps when rounded up to a word (fuzz_decode found
	 * the loop spinning on it): one header shown, then the list ends.
	 * 64-bit layouts only: a 32-bit cmsg_len cannot wrap the 64-bit sum.
	 */
	if (!dh_compat()) {
		memset(cbuf, 0xff, sizeof(size_t));
		alarm(10);
		assert_string_equal(DH("sendmsg", 3, mh, 0, 0, 0, 0, 11),
				    "sendmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\"world!\", iov_len=6}], msg_iovlen=2, msg_control=[{cmsg_len=18446744073709551615, cmsg_level=SOL_SOCKET, cmsg_type=SCM_RIGHTS, cmsg_data=[0, 0]}], msg_controllen=24, msg_flags=0}, 0) = 11");
		alarm(0);
		hdr = dh_cmsghdr(cbuf, sizeof(int), SOL_SOCKET, SCM_RIGHTS);
	}
	/* recvmsg: the data shown stops at the result */
	sin.sin_family = AF_INET;
	sin.sin_port = htons(9);
	inet_pton(AF_INET, "127.0.0.1", &sin.sin_addr);
	dh_msghdr(mh, (uintptr_t)&sin, 16, (uintptr_t)iov, 2, 0, 0, 0);
	assert_string_equal(DH("recvmsg", 6, mh, 0, 0, 0, 0, 7),
			    "recvmsg(6, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=16, msg_iov=[{iov_base=\"hello\", iov_len=5}, {iov_base=\"wo\", iov_len=6}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 7");
	assert_string_equal(DH("recvmsg", 6, mh, MSG_DONTWAIT, 0, 0, 0, -11),
			    "recvmsg(6, {msg_namelen=16}, MSG_DONTWAIT) = -1 EAGAIN (Resource temporarily unavailable)");
	/* the kernel shortened msg_namelen: "in => out" */
	{
		const uint64_t a[6] = { 6, (uintptr_t)mh, 0 };

		dh_msghdr(mh, (uintptr_t)&sin, 128, (uintptr_t)iov, 2, 0, 0, 0);
		assert_string_equal(dh_entry_text("recvmsg", a), "recvmsg(6, ");
		dh_msghdr(mh, (uintptr_t)&sin, 16, (uintptr_t)iov, 2, 0, 0, 0);
		dh_exit(1);
		assert_string_equal(dh_last_line(),
				    "recvmsg(6, {msg_name={sa_family=AF_INET, sin_port=htons(9), sin_addr=inet_addr(\"127.0.0.1\")}, msg_namelen=128 => 16, msg_iov=[{iov_base=\"h\", iov_len=5}, {iov_base=\"\", iov_len=6}], msg_iovlen=2, msg_controllen=0, msg_flags=0}, 0) = 1");
	}
	/* a NULL buffer prints as NULL even when empty (MSG_PEEK|MSG_TRUNC probes) */
	{
		static uint64_t none[2], peek[7];

		dh_msghdr(peek, 0, 0, (uintptr_t)none, 1, 0, 0, 0);
		assert_string_equal(DH("recvmsg", 3, peek, MSG_PEEK | MSG_TRUNC, 0, 0, 0, 20),
				    "recvmsg(3, {msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=NULL, iov_len=0}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, MSG_PEEK|MSG_TRUNC) = 20");
	}
	snprintf(want, sizeof(want), "sendmsg(6, %p, 0)" EFAULT_TXT, (void *)bad);
	assert_string_equal(DH("sendmsg", 6, bad, 0, 0, 0, 0, -14), want);
	snprintf(want, sizeof(want), "recvmsg(6, %p, 0)" EFAULT_TXT, (void *)bad);
	assert_string_equal(DH("recvmsg", 6, bad, 0, 0, 0, 0, -14), want);

	/* mmsg: the entries the kernel handled, with msg_len */
	put_mmsg(mm, 0, (uintptr_t)iov, 5);
	put_mmsg(mm, 1, iov1, 6);
	assert_string_equal(DH("sendmmsg", 3, mm, 2, 0, 0, 0, 2),
			    "sendmmsg(3, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"hello\", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=5}, {msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"world!\", iov_len=6}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=6}], 2, 0) = 2");
	put_mmsg(mm, 0, (uintptr_t)iov, 2);
	assert_string_equal(DH("recvmmsg", 4, mm, 2, MSG_DONTWAIT, 0, 0, 1),
			    "recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"he\", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=2}], 2, MSG_DONTWAIT, NULL) = 1");
	/* the timeout as given, and what was left after the call */
	{
		const uint64_t a[6] = { 4, (uintptr_t)mm, 1, 0, (uintptr_t)ts };

		DH_NARROW(ts);
		dh_entry("recvmmsg", a);
		dh_setl(ts, 0, 0);
		dh_setl(ts, 1, 999);
		dh_exit(1);
		assert_string_equal(dh_last_line(),
				    "recvmmsg(4, [{msg_hdr={msg_name=NULL, msg_namelen=0, msg_iov=[{iov_base=\"he\", iov_len=5}], msg_iovlen=1, msg_controllen=0, msg_flags=0}, msg_len=2}], 1, 0, {tv_sec=1, tv_nsec=0}) = 1 (left {tv_sec=0, tv_nsec=999})");
	}
	snprintf(want, sizeof(want),
		 "recvmmsg(4, %p, 2, MSG_DONTWAIT, NULL) = -1 EAGAIN (Resource temporarily unavailable)",
		 (void *)mm);
	assert_string_equal(DH("recvmmsg", 4, mm, 2, MSG_DONTWAIT, 0, 0, -11), want);
}

static void
test_ipc(void **state)
{
	static struct sembuf sb[2] = { { 0, 1, 0 }, { 1, -1, SEM_UNDO | IPC_NOWAIT } };
	/* msgbuf (a long mtype, then text) and mq_attr (longs) of the pass */
	static uint64_t msg[3];
	static int64_t attr[8] = { 0, 4, 16, 0 };
	static char name[] = "hnetq", buf[16] = "abc";
	static unsigned prio = 1;
	char want[256];

	(void)state;
	DH_PACK(msg, "l", 1);
	memcpy((char *)msg + DH_LONG, "hi", 3);
	DH_NARROW(attr);
	assert_string_equal(DH("shmget", IPC_PRIVATE, 4096, IPC_CREAT | 0600, 0, 0, 0, 0),
			    "shmget(IPC_PRIVATE, 4096, IPC_CREAT|0600) = 0");
	assert_string_equal(DH("shmget", 0x1234, 0, 0, 0, 0, 0, 1),
			    "shmget(0x1234, 0, 000) = 1");
	/* an i386 result is a 32-bit address */
	assert_string_equal(DH("shmat", 0, 0, SHM_RDONLY, 0, 0, 0, 0x7f0000001000LL),
			    dh_compat() ? "shmat(0, NULL, SHM_RDONLY) = 0x1000" :
			    "shmat(0, NULL, SHM_RDONLY) = 0x7f0000001000");
	assert_string_equal(DH("shmctl", 1, IPC_RMID, 0, 0, 0, 0, 0),
			    "shmctl(1, IPC_RMID, NULL) = 0");
	assert_string_equal(DH("shmctl", 0, 0x100 | IPC_RMID, 0, 0, 0, 0, -22),
			    "shmctl(0, IPC_64|IPC_RMID, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("shmctl", 0, 99, 0, 0, 0, 0, -22),
			    "shmctl(0, 0x63 /* SHM_??? */, NULL) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("semget", IPC_PRIVATE, 2, IPC_CREAT | 0600, 0, 0, 0, 0),
			    "semget(IPC_PRIVATE, 2, IPC_CREAT|0600) = 0");
	assert_string_equal(DH("semtimedop", 0, sb, 2, 0, 0, 0, 0),
			    "semtimedop(0, [{sem_num=0, sem_op=1, sem_flg=0}, {sem_num=1, sem_op=-1, sem_flg=SEM_UNDO|IPC_NOWAIT}], 2, NULL) = 0");
	assert_string_equal(DH("semctl", 0, 0, GETVAL, 0, 0, 0, 1),
			    "semctl(0, 0, GETVAL, NULL) = 1");
	assert_string_equal(DH("semctl", 0, 0, SETVAL, 5, 0, 0, 0),
			    "semctl(0, 0, SETVAL, 0x5) = 0");
	assert_string_equal(DH("msgget", IPC_PRIVATE, IPC_CREAT | 0600, 0, 0, 0, 0, 0),
			    "msgget(IPC_PRIVATE, IPC_CREAT|0600) = 0");
	assert_string_equal(DH("msgsnd", 0, msg, 3, 0, 0, 0, 0),
			    "msgsnd(0, {mtype=1, mtext=\"hi\\0\"}, 3, 0) = 0");
	assert_string_equal(DH("msgrcv", 0, msg, 8, 0, IPC_NOWAIT, 0, 3),
			    "msgrcv(0, {mtype=1, mtext=\"hi\\0\\0\\0\\0\\0\\0\"}, 8, 0, IPC_NOWAIT) = 3");
	snprintf(want, sizeof(want),
		 "msgrcv(0, %p, 8, -5, MSG_NOERROR|IPC_NOWAIT) = -1 ENOMSG (No message of desired type)",
		 (void *)msg);
	assert_string_equal(DH("msgrcv", 0, msg, 8, -5, MSG_NOERROR | IPC_NOWAIT, 0, -42), want);
	assert_string_equal(DH("msgctl", 0, IPC_RMID, 0, 0, 0, 0, 0),
			    "msgctl(0, IPC_RMID, NULL) = 0");
	assert_string_equal(DH("mq_open", name, O_RDWR | O_CREAT | O_EXCL, 0600, attr, 0, 0, 3),
			    "mq_open(\"hnetq\", O_RDWR|O_CREAT|O_EXCL, 0600, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 3");
	assert_string_equal(DH("mq_open", name, O_RDONLY, 0, 0, 0, 0, 4),
			    "mq_open(\"hnetq\", O_RDONLY) = 4");
	assert_string_equal(DH("mq_timedsend", 3, buf, 3, 1, 0, 0, 0),
			    "mq_timedsend(3, \"abc\", 3, 1, NULL) = 0");
	assert_string_equal(DH("mq_timedreceive", 3, buf, 16, &prio, 0, 0, 3),
			    "mq_timedreceive(3, \"abc\", 16, [1], NULL) = 3");
	assert_string_equal(DH("mq_getsetattr", 3, 0, attr, 0, 0, 0, 0),
			    "mq_getsetattr(3, NULL, {mq_flags=0, mq_maxmsg=4, mq_msgsize=16, mq_curmsgs=0}) = 0");
}

/* NETLINK_ROUTE messages sent to / received from an AF_NETLINK address */
static void
test_netlink(void **state)
{
	static struct sockaddr_nl nl = { .nl_family = AF_NETLINK };
	static unsigned char req[20] = {
		20, 0, 0, 0, RTM_GETADDR, 0, 0x01, 0x03, 1, 0, 0, 0, 0, 0, 0, 0,
		AF_UNSPEC, 0, 0, 0,
	};
	/* RTM_NEWADDR 127.0.0.1/8 on ifindex 0 with IFA_ADDRESS and IFA_FLAGS,
	 * then NLMSG_DONE */
	static unsigned char resp[16 + 8 + 8 + 8 + 20] = {
		40, 0, 0, 0, RTM_NEWADDR, 0, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		AF_INET, 8, 0x80, RT_SCOPE_HOST, 0, 0, 0, 0,
		8, 0, 1, 0, 127, 0, 0, 1,
		8, 0, 8, 0, 0x80, 0, 0, 0,
		20, 0, 0, 0, NLMSG_DONE, 0, 0x02, 0, 1, 0, 0, 0, 0, 0, 0, 0,
		0, 0, 0, 0,
	};
	static socklen_t len = 12;
	int fd = socket(AF_NETLINK, SOCK_RAW, NETLINK_ROUTE);
	int ufd = socket(AF_UNIX, SOCK_DGRAM, 0);
	char want[1024];

	(void)state;
	assert_true(fd >= 0 && ufd >= 0);
	snprintf(want, sizeof(want),
		 "sendto(%d, [{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_UNSPEC, ...}], 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = 20",
		 fd);
	assert_string_equal(DH("sendto", fd, req, 20, 0, &nl, 12, 20), want);
	snprintf(want, sizeof(want),
		 "recvfrom(%d, [[{nlmsg_len=40, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=0}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT]]], [{nlmsg_len=20, nlmsg_type=NLMSG_DONE, nlmsg_flags=NLM_F_MULTI, nlmsg_seq=1, nlmsg_pid=0}, 0]], 4096, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, [12]) = 60",
		 fd);
	assert_string_equal(DH("recvfrom", fd, resp, 4096, 0, &nl, &len, 60), want);
	/* not a netlink socket: plain bytes */
	snprintf(want, sizeof(want),
		 "sendto(%d, \"\\24\\0\\0\\0\\26\\0\\1\\3\\1\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\", 20, 0, {sa_family=AF_NETLINK, nl_pid=0, nl_groups=00000000}, 12) = -1 EINVAL (Invalid argument)",
		 ufd);
	assert_string_equal(DH("sendto", ufd, req, 20, 0, &nl, 12, -22), want);
	/* a message whose length runs past the data must not loop */
	resp[0] = 0xff;
	resp[1] = 0xff;
	resp[2] = 0xff;
	resp[3] = 0xff;
	DH("recvfrom", fd, resp, 4096, 0, &nl, &len, 60);
	/* random messages: any lengths, types and attributes */
	{
		static unsigned char rnd[512];
		unsigned seed = 1, i, round;

		for (round = 0; round < 200; round++) {
			for (i = 0; i < sizeof(rnd); i++) {
				seed = seed * 1103515245 + 12345;
				rnd[i] = (unsigned char)(seed >> 16);
			}
			/* plausible headers half of the time */
			if (round & 1) {
				rnd[0] = (unsigned char)(16 + round % 64);
				rnd[1] = rnd[2] = rnd[3] = 0;
				rnd[4] = (unsigned char)(16 + round % 8);
				rnd[5] = 0;
			}
			DH("recvfrom", fd, rnd, sizeof(rnd), 0, &nl, &len,
			   round % sizeof(rnd));
			DH("sendto", fd, rnd, round, 0, &nl, 12, round);
		}
	}
	close(fd);
	close(ufd);
}

/* Every decoder on hostile arguments: unreadable, wild, huge. */
static void
test_no_crash(void **state)
{
	static const char *const names[] = {
		"socket", "socketpair", "bind", "connect", "accept", "accept4",
		"getsockname", "getpeername", "shutdown", "setsockopt",
		"getsockopt", "sendto", "recvfrom", "sendmsg", "recvmsg",
		"sendmmsg", "recvmmsg", "shmget", "shmat", "shmctl", "semget",
		"semop", "semtimedop", "semctl", "msgget", "msgsnd", "msgrcv",
		"msgctl", "mq_open", "mq_timedsend", "mq_timedreceive",
		"mq_getsetattr", "mq_notify",
	};
	static unsigned char junk[4096];
	const uint64_t vals[] = { 0, 1, 8, (uintptr_t)dh_unmapped(), (uintptr_t)junk,
				  ~0ULL, 0x7fffffff, IPC_STAT, SO_LINGER };
	unsigned i, j, k;
	unsigned char *low;

	(void)state;
	for (i = 0; i < sizeof(junk); i++)
		junk[i] = (unsigned char)(i * 37 + 11);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
		for (j = 0; j < sizeof(vals) / sizeof(vals[0]); j++)
			for (k = 0; k < sizeof(vals) / sizeof(vals[0]); k++) {
				uint64_t v = vals[j], w = vals[k];

				DH(names[i], v, w, v, w, v, w, (k & 1) ? -14 : 1);
				DH(names[i], 1, v, 2, w, (uintptr_t)junk, v, 2);
			}
	/* compat tracees: 32-bit words and layouts */
	dh_arch = ARCH_I386;
	low = mmap(NULL, 4096, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS | MAP_32BIT, -1, 0);
	assert_true(low != MAP_FAILED);
	memcpy(low, junk, 4096);
	for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		if (!sysent_by_name(dh_arch, names[i], NULL))
			continue;
		for (j = 0; j < sizeof(vals) / sizeof(vals[0]); j++) {
			uint64_t v = vals[j] & 0xffffffffULL;

			DH(names[i], v, (uintptr_t)low, v, (uintptr_t)low,
			   v, v, 1);
			DH(names[i], 3, (uintptr_t)low + 8, 2, (uintptr_t)low,
			   (uintptr_t)low + 4, v, -14);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_socket, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_socketpair, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sockaddr_in, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sockaddr_out, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sockopt, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_sendto_recvfrom, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_msg, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_ipc, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_netlink, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_no_crash, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_net", tests, NULL, NULL);
}
