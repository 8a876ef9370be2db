/*
 * test_decode_net_xlat.c - the tables of src/decode/net.c and msghdr.c walked entry by
 * entry through the decoders that use them (socket, accept4, shutdown,
 * sendto, setsockopt, sendmsg's control messages), plus the unknown-value
 * forms strace 6.1 prints for them (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode/net.c"
#include "decode/msghdr.c"
#include "decode_harness.h"
#include "xlat_check.h"

static void
test_unknown_forms(void **state)
{
	static int one = 1;
	static char buf[4] = "ab";

	(void)state;
	assert_string_equal(DH("socket", AF_INET, SOCK_STREAM | 0x1000, 0, 0, 0, 0, -22),
			    "socket(AF_INET, SOCK_STREAM|0x1000 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("socket", AF_INET, 0x1000, 0, 0, 0, 0, -22),
			    "socket(AF_INET, 0x1000 /* SOCK_??? */, IPPROTO_IP) = -1 EINVAL (Invalid argument)");
	assert_string_equal(DH("socket", 77, SOCK_DGRAM, 0, 0, 0, 0, -97),
			    "socket(0x4d /* AF_??? */, SOCK_DGRAM, 0) = -1 EAFNOSUPPORT (Address family not supported by protocol)");
	assert_string_equal(DH("socket", AF_INET, SOCK_RAW, 254, 0, 0, 0, 3),
			    "socket(AF_INET, SOCK_RAW, 0xfe /* IPPROTO_??? */) = 3");
	assert_string_equal(DH("socket", AF_PACKET, SOCK_RAW, htons(0x1234), 0, 0, 0, 4),
			    "socket(AF_PACKET, SOCK_RAW, htons(0x1234 /* ETH_P_??? */)) = 4");
	assert_string_equal(DH("accept4", 99, 0, 0, 0x1000, 0, 0, -9),
			    "accept4(99, NULL, NULL, 0x1000 /* SOCK_??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("shutdown", 99, 7, 0, 0, 0, 0, -9),
			    "shutdown(99, 0x7 /* SHUT_??? */) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("sendto", 99, buf, 2, 0x40000000, 0, 0, -9),
			    "sendto(99, \"ab\", 2, MSG_CMSG_CLOEXEC, NULL, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("sendto", 99, 0, 0, 0, 0, 0, -9),
			    "sendto(99, NULL, 0, 0, NULL, 0) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, 77, 1, &one, 4, 0, -9),
			    "setsockopt(99, 0x4d /* SOL_?? */, 1, [1], 4) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, SOL_SOCKET, 777, &one, 4, 0, -9),
			    "setsockopt(99, SOL_SOCKET, 0x309 /* SO_??? */, [1], 4) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, IPPROTO_TCP, 777, &one, 4, 0, -9),
			    "setsockopt(99, SOL_TCP, 0x309 /* TCP_??? */, [1], 4) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, IPPROTO_IP, 777, &one, 4, 0, -9),
			    "setsockopt(99, SOL_IP, 0x309 /* IP_??? */, [1], 4) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, IPPROTO_IPV6, 777, &one, 4, 0, -9),
			    "setsockopt(99, SOL_IPV6, 0x309 /* IPV6_??? */, [1], 4) = -1 EBADF (Bad file descriptor)");
	assert_string_equal(DH("setsockopt", 99, 270, 777, &one, 4, 0, -9),
			    "setsockopt(99, SOL_NETLINK, 0x309 /* NETLINK_??? */, [1], 4) = -1 EBADF (Bad file descriptor)");
}

static const char *
run_af(uint64_t v)
{
	return DH("socket", v, SOCK_DGRAM, 0, 0, 0, 0, -97);
}

static const char *
run_socktype(uint64_t v)
{
	return DH("socket", AF_UNIX, v, 0, 0, 0, 0, -22);
}

static const char *
run_sockflags(uint64_t v)
{
	return DH("accept4", 99, 0, 0, v, 0, 0, -9);
}

static const char *
run_ipproto(uint64_t v)
{
	return DH("socket", AF_INET, SOCK_RAW, v, 0, 0, 0, -93);
}

static const char *
run_netlink(uint64_t v)
{
	return DH("socket", AF_NETLINK, SOCK_RAW, v, 0, 0, 0, -93);
}

static const char *
run_ethp(uint64_t v)
{
	return DH("socket", AF_PACKET, SOCK_RAW, htons((uint16_t)v), 0, 0, 0, -1);
}

static const char *
run_shut(uint64_t v)
{
	return DH("shutdown", 99, v, 0, 0, 0, 0, -9);
}

static const char *
run_msgflags(uint64_t v)
{
	return DH("sendto", 99, "ab", 2, v, 0, 0, -9);
}

static const char *
run_sol(uint64_t v)
{
	static int one = 1;

	return DH("setsockopt", 99, v, 1, &one, 4, 0, -9);
}

static int opt_level;

static const char *
run_opt(uint64_t v)
{
	static int one = 1;

	return DH("setsockopt", 99, opt_level, v, &one, 4, 0, -9);
}

static const char *
run_so(uint64_t v)
{
	opt_level = SOL_SOCKET;
	return run_opt(v);
}

static const char *
run_tcp(uint64_t v)
{
	opt_level = IPPROTO_TCP;
	return run_opt(v);
}

static const char *
run_ip(uint64_t v)
{
	opt_level = IPPROTO_IP;
	return run_opt(v);
}

static const char *
run_ipv6(uint64_t v)
{
	opt_level = IPPROTO_IPV6;
	return run_opt(v);
}

static const char *
run_nl(uint64_t v)
{
	opt_level = 270;
	return run_opt(v);
}

static const char *
run_scm(uint64_t v)
{
	/* msghdr, iovec and cmsghdr in the pass's ABI */
	static uint64_t cm[4], iov[2], mh[7];
	static char data[2] = "ab";
	size_t hdr;

	memset(cm, 0, sizeof(cm));
	hdr = dh_cmsghdr(cm, 8, SOL_SOCKET, (int)v);
	DH_PACK(iov, "ll", (uintptr_t)data, 2);
	dh_msghdr(mh, 0, 0, (uintptr_t)iov, 1, (uintptr_t)cm, hdr + 8, 0);
	return DH("sendmsg", 99, mh, 0, 0, 0, 0, -9);
}

static void
test_net_tables(void **state)
{
	(void)state;
	XLAT_CHECK(net_af, XC_VALUES, run_af);
	XLAT_CHECK(socktype, XC_VALUES, run_socktype);
	XLAT_CHECK(sockflags, XC_FLAGS, run_sockflags);
	XLAT_CHECK(ipproto, XC_VALUES, run_ipproto);
	XLAT_CHECK(netlink_proto, XC_VALUES, run_netlink);
	XLAT_CHECK(ethp, XC_VALUES, run_ethp);
	XLAT_CHECK(shut, XC_VALUES, run_shut);
	XLAT_CHECK(net_msgflags, XC_FLAGS, run_msgflags);
	XLAT_CHECK(net_sol, XC_VALUES, run_sol);
	XLAT_CHECK(so, XC_VALUES, run_so);
	XLAT_CHECK(tcpopt, XC_VALUES, run_tcp);
	XLAT_CHECK(ipopt, XC_VALUES, run_ip);
	XLAT_CHECK(ipv6opt, XC_VALUES, run_ipv6);
	XLAT_CHECK(nlopt, XC_VALUES, run_nl);
	XLAT_CHECK(scm, XC_VALUES, run_scm);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_unknown_forms, dh_setup, dh_teardown),
		cmocka_unit_test_setup_teardown(test_net_tables, dh_setup, dh_teardown),
	};

	return DH_RUN_GROUPS("decode_net_xlat", tests, NULL, NULL);
}
