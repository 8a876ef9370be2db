/*
 * test_decode_netlink.c - src/decode/netlink.c through the real
 * dispatcher: NETLINK_ROUTE messages sent on a real netlink socket of
 * this process (the decoder asks the socket its protocol).  Expected
 * lines are strace 6.1's for the same messages (x86_64).
 */
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <setjmp.h>
#include <cmocka.h>

#include "decode/netlink.c"
#include "decode_harness.h"
#include "xlat_check.h"

static int nlfd = -1;
static struct sockaddr_nl sa = { .nl_family = AF_NETLINK };
static char line[4096];

static struct {
	struct nlmsghdr h;
	struct ifaddrmsg a;
	unsigned char attrs[128];
} m;
static int off;

static void
attr(int type, const void *p, int n)
{
	struct nlattr *a = (struct nlattr *)(m.attrs + off);

	a->nla_len = (uint16_t)(4 + n);
	a->nla_type = (uint16_t)type;
	memcpy(a + 1, p, (size_t)n);
	off += NLA_ALIGN(4 + n);
}

/* sendto(nlfd, &m, len, ...) with its fd and the address folded away */
static const char *
send_m(uint32_t len)
{
	const char *l;
	char *tail;
	char head[32];

	m.h.nlmsg_len = len;
	l = DH("sendto", nlfd, &m, len, 0, &sa, sizeof(sa), len);
	snprintf(head, sizeof(head), "sendto(%d, ", nlfd);
	if (strncmp(l, head, strlen(head)) != 0)
		return l;
	snprintf(line, sizeof(line), "%s", l + strlen(head));
	tail = strstr(line, ", {sa_family=AF_NETLINK");
	if (tail)
		*tail = '\0';
	return line;
}

static int
nl_setup(void **state)
{
	nlfd = socket(AF_NETLINK, SOCK_RAW | SOCK_CLOEXEC, NETLINK_ROUTE);
	if (nlfd < 0)
		return -1;
	return dh_setup(state);
}

static int
nl_teardown(void **state)
{
	close(nlfd);
	return dh_teardown(state);
}

static void
test_getaddr(void **state)
{
	(void)state;
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_type = RTM_GETADDR;
	m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_DUMP;
	m.h.nlmsg_seq = 1;
	m.a.ifa_family = AF_INET;
	assert_string_equal(send_m(sizeof(m.h) + sizeof(m.a)),
			    "[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=0, ifa_flags=0, ifa_scope=RT_SCOPE_UNIVERSE, ifa_index=0}], 24, 0");
	/* the short form: only the family */
	memcpy(&m.a, "\x02\x08\x84\xfe", 4);
	m.h.nlmsg_flags = NLM_F_REQUEST;
	m.h.nlmsg_seq = 0;
	assert_string_equal(send_m(sizeof(m.h) + 4),
			    "[{nlmsg_len=20, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST, nlmsg_seq=0, nlmsg_pid=0}, {ifa_family=AF_INET, ...}], 20, 0");
	m.a = (struct ifaddrmsg){ 77, 8, 0x80, 77, 1 };
	m.h.nlmsg_flags = NLM_F_REQUEST | 0x4000;
	m.h.nlmsg_seq = 1;
	assert_string_equal(send_m(sizeof(m.h) + sizeof(m.a)),
			    "[{nlmsg_len=24, nlmsg_type=RTM_GETADDR, nlmsg_flags=NLM_F_REQUEST|0x4000, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=0x4d /* AF_??? */, ifa_prefixlen=8, ifa_flags=IFA_F_PERMANENT, ifa_scope=0x4d, ifa_index=if_nametoindex(\"lo\")}], 24, 0");
}

static void
test_newaddr_attrs(void **state)
{
	struct in_addr lo = { htonl(INADDR_LOOPBACK) };
	unsigned fl = IFA_F_PERMANENT | 0x40000, ci[4] = { 1, 2, 3, 4 }, x = 7;

	(void)state;
	memset(&m, 0, sizeof(m));
	off = 0;
	attr(IFA_ADDRESS, &lo, 4);
	attr(IFA_LABEL, "lo", 3);
	attr(IFA_FLAGS, &fl, 4);
	attr(IFA_CACHEINFO, ci, 16);
	attr(77, &x, 4);
	m.h.nlmsg_type = RTM_NEWADDR;
	m.h.nlmsg_flags = NLM_F_REQUEST | NLM_F_CREATE | 0x8000;
	m.h.nlmsg_seq = 1;
	m.a = (struct ifaddrmsg){ AF_INET, 8, IFA_F_PERMANENT | 0x4, RT_SCOPE_HOST, 1 };
	assert_string_equal(send_m(sizeof(m.h) + sizeof(m.a) + (uint32_t)off),
			    "[{nlmsg_len=76, nlmsg_type=RTM_NEWADDR, nlmsg_flags=NLM_F_REQUEST|NLM_F_CREATE|0x8000, nlmsg_seq=1, nlmsg_pid=0}, {ifa_family=AF_INET, ifa_prefixlen=8, ifa_flags=IFA_F_OPTIMISTIC|IFA_F_PERMANENT, ifa_scope=RT_SCOPE_HOST, ifa_index=if_nametoindex(\"lo\")}, [[{nla_len=8, nla_type=IFA_ADDRESS}, inet_addr(\"127.0.0.1\")], [{nla_len=7, nla_type=IFA_LABEL}, \"lo\"], [{nla_len=8, nla_type=IFA_FLAGS}, IFA_F_PERMANENT|0x40000], [{nla_len=20, nla_type=IFA_CACHEINFO}, {ifa_prefered=1, ifa_valid=2, cstamp=3, tstamp=4}], [{nla_len=8, nla_type=0x4d /* IFA_??? */}, \"\\x07\\x00\\x00\\x00\"]]], 76, 0");
}

static void
test_other_types(void **state)
{
	(void)state;
	memset(&m, 0, sizeof(m));
	memcpy(&m.a, "\x02\x08\x84\xfe\x41\x42\x43\x44", 8);
	m.h.nlmsg_type = 0x99;
	m.h.nlmsg_flags = 0x4000;
	m.h.nlmsg_seq = 1;
	assert_string_equal(send_m(sizeof(m.h) + 4),
			    "[{nlmsg_len=20, nlmsg_type=0x99 /* RTM_??? */, nlmsg_flags=0x4000 /* NLM_F_??? */, nlmsg_seq=1, nlmsg_pid=0}, {family=AF_INET, data=\"\\x08\\x84\\xfe\"}], 20, 0");
	m.h.nlmsg_flags = NLM_F_REQUEST | 0x4000;
	m.h.nlmsg_seq = 0;
	assert_string_equal(send_m(sizeof(m.h) + 8),
			    "[{nlmsg_len=24, nlmsg_type=0x99 /* RTM_??? */, nlmsg_flags=NLM_F_REQUEST|0x4000, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_INET, data=\"\\x08\\x84\\xfe\\x41\\x42\\x43\\x44\"}], 24, 0");
	assert_string_equal(send_m(sizeof(m.h) + 1),
			    "[{nlmsg_len=17, nlmsg_type=0x99 /* RTM_??? */, nlmsg_flags=NLM_F_REQUEST|0x4000, nlmsg_seq=0, nlmsg_pid=0}, {family=AF_INET}], 17, 0");
	m.h.nlmsg_type = NLMSG_NOOP;
	assert_string_equal(send_m(sizeof(m.h) + 4),
			    "[{nlmsg_len=20, nlmsg_type=NLMSG_NOOP, nlmsg_flags=NLM_F_REQUEST|0x4000, nlmsg_seq=0, nlmsg_pid=0}, \"\\x02\\x08\\x84\\xfe\"], 20, 0");
	m.h.nlmsg_type = RTM_NEWROUTE;
	assert_string_equal(send_m(sizeof(m.h) + 4),
			    "[{nlmsg_len=20, nlmsg_type=RTM_NEWROUTE, nlmsg_flags=NLM_F_REQUEST|0x4000, nlmsg_seq=0, nlmsg_pid=0}, {rtm_family=AF_INET, ...}], 20, 0");
}

static void
test_unreadable(void **state)
{
	char want[256];

	(void)state;
	snprintf(want, sizeof(want), "sendto(%d, %#lx, 20, 0, NULL, 0) = -1 EFAULT (Bad address)",
		 nlfd, (unsigned long)dh_unmapped());
	assert_string_equal(DH("sendto", nlfd, dh_unmapped(), 20, 0, 0, 0, -14), want);
}

static const char *
run_type(uint64_t v)
{
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_type = (uint16_t)v;
	return send_m(sizeof(m.h));
}

static const char *
run_flags(unsigned type, uint64_t v)
{
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_type = (uint16_t)type;
	m.h.nlmsg_flags = (uint16_t)v;
	return send_m(sizeof(m.h));
}

static const char *
run_get(uint64_t v)
{
	return run_flags(RTM_GETADDR, v);
}

static const char *
run_new(uint64_t v)
{
	return run_flags(RTM_NEWADDR, v);
}

static const char *
run_base(uint64_t v)
{
	return run_flags(NLMSG_NOOP, v);
}

static const char *
run_ifa(unsigned field, uint64_t v)
{
	memset(&m, 0, sizeof(m));
	m.h.nlmsg_type = RTM_NEWADDR;
	m.a.ifa_family = AF_INET;
	if (field == 0)
		m.a.ifa_family = (uint8_t)v;
	else if (field == 1)
		m.a.ifa_flags = (uint8_t)v;
	else
		m.a.ifa_scope = (uint8_t)v;
	return send_m(sizeof(m.h) + sizeof(m.a));
}

static const char *
run_af(uint64_t v)
{
	return run_ifa(0, v);
}

static const char *
run_ifa_flags(uint64_t v)
{
	unsigned fl = (unsigned)v;

	/* the 8-bit field and the 32-bit IFA_FLAGS attribute */
	memset(&m, 0, sizeof(m));
	off = 0;
	attr(IFA_FLAGS, &fl, 4);
	attr(IFA_FLAGS, &fl, 4);
	m.h.nlmsg_type = RTM_NEWADDR;
	m.a.ifa_family = AF_INET;
	return send_m(sizeof(m.h) + sizeof(m.a) + (uint32_t)off);
}

static const char *
run_scope(uint64_t v)
{
	return run_ifa(2, v);
}

static const char *
run_attr(uint64_t v)
{
	unsigned x = 0;

	memset(&m, 0, sizeof(m));
	off = 0;
	attr((int)v, &x, 4);
	attr((int)v, &x, 4);
	m.h.nlmsg_type = RTM_NEWADDR;
	m.a.ifa_family = AF_INET;
	return send_m(sizeof(m.h) + sizeof(m.a) + (uint32_t)off);
}

static void
test_netlink_tables(void **state)
{
	(void)state;
	XLAT_CHECK(nlmsg_types, XC_VALUES, run_type);
	/* 16-bit flags: unknown bits in test_other_types */
	XLAT_CHECK(nlf_get, XC_FLAGS | XC_NOUNKNOWN, run_get);
	XLAT_CHECK(nlf_new, XC_FLAGS | XC_NOUNKNOWN, run_new);
	XLAT_CHECK(nlf_base, XC_FLAGS | XC_NOUNKNOWN, run_base);
	XLAT_CHECK(af, XC_VALUES, run_af);
	XLAT_CHECK(ifa_flags, XC_FLAGS | XC_NOCMT, run_ifa_flags);
	XLAT_CHECK(scopes, XC_VALUES, run_scope);
	XLAT_CHECK(ifa_attrs, XC_VALUES, run_attr);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_getaddr, nl_setup, nl_teardown),
		cmocka_unit_test_setup_teardown(test_newaddr_attrs, nl_setup, nl_teardown),
		cmocka_unit_test_setup_teardown(test_other_types, nl_setup, nl_teardown),
		cmocka_unit_test_setup_teardown(test_unreadable, nl_setup, nl_teardown),
		cmocka_unit_test_setup_teardown(test_netlink_tables, nl_setup, nl_teardown),
	};

	return DH_RUN_GROUPS("decode_netlink", tests, NULL, NULL);
}
