/*
 * decode/ioctl.c - ioctl: the terminal requests everyday programs make
 * (TCGETS via isatty, TIOCGWINSZ, FIONREAD, TIOCGPGRP...), and any other
 * request as strace prints a number it does not know: _IOC(dir, type, nr,
 * size) with the argument in hex.
 */
#include <asm/ioctls.h>
#include <asm/termbits.h>
#include <linux/ioctl.h>
#include <stdio.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

enum arg_kind {
	ARG_HEX = 0,   /* not decoded: the argument in hex */
	ARG_NONE,      /* no argument */
	ARG_INT_IN,    /* int *: "[N]" at entry */
	ARG_INT_OUT,   /* int *: "[N]" at exit */
	ARG_TERMIOS_IN,
	ARG_TERMIOS_OUT,
	ARG_WINSZ_IN,
	ARG_WINSZ_OUT,
	ARG_FLUSH,     /* TCFLSH: TCIFLUSH... */
	ARG_DEC,       /* a plain int */
};

struct ioctl_req {
	uint32_t code;
	const char *name;
	enum arg_kind kind;
};

/*
 * TCSETS* share their numbers with the OSS sequencer's _IO('T', n)
 * requests, and strace names both.
 */
static const struct ioctl_req reqs[] = {
	{ TCGETS, "TCGETS", ARG_TERMIOS_OUT },
	{ TCSETS, "SNDCTL_TMR_START or TCSETS", ARG_TERMIOS_IN },
	{ TCSETSW, "SNDCTL_TMR_STOP or TCSETSW", ARG_TERMIOS_IN },
	{ TCSETSF, "SNDCTL_TMR_CONTINUE or TCSETSF", ARG_TERMIOS_IN },
	{ TCGETA, "TCGETA", ARG_HEX },
	{ TCSETA, "TCSETA", ARG_HEX },
	{ TCSETAW, "TCSETAW", ARG_HEX },
	{ TCSETAF, "TCSETAF", ARG_HEX },
	{ TCSBRK, "TCSBRK", ARG_DEC },
	{ TCXONC, "TCXONC", ARG_DEC },
	{ TCFLSH, "TCFLSH", ARG_FLUSH },
	{ TIOCEXCL, "TIOCEXCL", ARG_NONE },
	{ TIOCNXCL, "TIOCNXCL", ARG_NONE },
	{ TIOCSCTTY, "TIOCSCTTY", ARG_DEC },
	{ TIOCGPGRP, "TIOCGPGRP", ARG_INT_OUT },
	{ TIOCSPGRP, "TIOCSPGRP", ARG_INT_IN },
	{ TIOCOUTQ, "TIOCOUTQ", ARG_INT_OUT },
	{ TIOCSTI, "TIOCSTI", ARG_HEX },
	{ TIOCGWINSZ, "TIOCGWINSZ", ARG_WINSZ_OUT },
	{ TIOCSWINSZ, "TIOCSWINSZ", ARG_WINSZ_IN },
	{ TIOCMGET, "TIOCMGET", ARG_HEX },
	{ TIOCMBIS, "TIOCMBIS", ARG_HEX },
	{ TIOCMBIC, "TIOCMBIC", ARG_HEX },
	{ TIOCMSET, "TIOCMSET", ARG_HEX },
	{ FIONREAD, "FIONREAD", ARG_INT_OUT },
	{ TIOCLINUX, "TIOCLINUX", ARG_HEX },
	{ TIOCCONS, "TIOCCONS", ARG_NONE },
	{ TIOCPKT, "TIOCPKT", ARG_INT_IN },
	{ FIONBIO, "FIONBIO", ARG_INT_IN },
	{ TIOCNOTTY, "TIOCNOTTY", ARG_NONE },
	{ TIOCSETD, "TIOCSETD", ARG_INT_IN },
	{ TIOCGETD, "TIOCGETD", ARG_INT_OUT },
	{ TIOCSBRK, "TIOCSBRK", ARG_NONE },
	{ TIOCCBRK, "TIOCCBRK", ARG_NONE },
	{ TIOCGSID, "TIOCGSID", ARG_INT_OUT },
	{ TIOCGPTN, "TIOCGPTN", ARG_INT_OUT },
	{ TIOCSPTLCK, "TIOCSPTLCK", ARG_INT_IN },
	{ TIOCGPTLCK, "TIOCGPTLCK", ARG_INT_OUT },
	{ TIOCGPTPEER, "TIOCGPTPEER", ARG_HEX },
	{ TIOCVHANGUP, "TIOCVHANGUP", ARG_NONE },
	{ FIONCLEX, "FIONCLEX", ARG_NONE },
	{ FIOCLEX, "FIOCLEX", ARG_NONE },
	{ FIOASYNC, "FIOASYNC", ARG_INT_IN },
	{ FIOQSIZE, "FIOQSIZE", ARG_HEX },
	/* cp --reflink's first try: _IOW(0x94, 9, int), the source fd */
	{ 0x40049409, "BTRFS_IOC_CLONE or FICLONE", ARG_DEC },
};

static const struct ioctl_req *
find_req(uint32_t code)
{
	for (size_t i = 0; i < sizeof(reqs) / sizeof(reqs[0]); i++)
		if (reqs[i].code == code)
			return &reqs[i];
	return NULL;
}

static void
print_ioc(uint32_t code)
{
	static const char *const dirs[] = {
		"_IOC_NONE", "_IOC_WRITE", "_IOC_READ", "_IOC_READ|_IOC_WRITE",
	};

	out_printf("_IOC(%s, %#x, %#x, %#x)", dirs[_IOC_DIR(code) & 3],
		   _IOC_TYPE(code), _IOC_NR(code), _IOC_SIZE(code));
}

/* The request's name, or its _IOC() decoding (dec_print_compound's names). */
static void
print_request_name(uint64_t v)
{
	const struct ioctl_req *r = find_req((uint32_t)v);

	if (r)
		out_puts(r->name);
	else
		print_ioc((uint32_t)v);
}

/* ---- struct termios ------------------------------------------------------ */

static const struct xlat_entry iflag_names[] = {
	XLAT_ENTRY(IGNBRK), XLAT_ENTRY(BRKINT), XLAT_ENTRY(IGNPAR),
	XLAT_ENTRY(PARMRK), XLAT_ENTRY(INPCK), XLAT_ENTRY(ISTRIP),
	XLAT_ENTRY(INLCR), XLAT_ENTRY(IGNCR), XLAT_ENTRY(ICRNL),
	XLAT_ENTRY(IUCLC), XLAT_ENTRY(IXON), XLAT_ENTRY(IXANY),
	XLAT_ENTRY(IXOFF), XLAT_ENTRY(IMAXBEL), XLAT_ENTRY(IUTF8),
};
static const struct xlat iflags = XLAT_TABLE(iflag_names);

static const struct xlat_entry oflag_names[] = {
	XLAT_ENTRY(OPOST), XLAT_ENTRY(OLCUC), XLAT_ENTRY(ONLCR),
	XLAT_ENTRY(OCRNL), XLAT_ENTRY(ONOCR), XLAT_ENTRY(ONLRET),
	XLAT_ENTRY(OFILL), XLAT_ENTRY(OFDEL),
};
static const struct xlat oflags = XLAT_TABLE(oflag_names);

static const struct xlat_entry cflag_names[] = {
	XLAT_ENTRY(CSTOPB), XLAT_ENTRY(CREAD), XLAT_ENTRY(PARENB),
	XLAT_ENTRY(PARODD), XLAT_ENTRY(HUPCL), XLAT_ENTRY(CLOCAL),
	XLAT_ENTRY(CMSPAR), XLAT_ENTRY(CRTSCTS),
};
static const struct xlat cflags = XLAT_TABLE(cflag_names);

/* strace's order, not the bits' */
static const struct xlat_entry lflag_names[] = {
	XLAT_ENTRY(ISIG), XLAT_ENTRY(ICANON), XLAT_ENTRY(XCASE),
	XLAT_ENTRY(ECHO), XLAT_ENTRY(ECHOE), XLAT_ENTRY(ECHOK),
	XLAT_ENTRY(ECHONL), XLAT_ENTRY(NOFLSH), XLAT_ENTRY(IEXTEN),
	XLAT_ENTRY(ECHOCTL), XLAT_ENTRY(ECHOPRT), XLAT_ENTRY(ECHOKE),
	XLAT_ENTRY(FLUSHO), XLAT_ENTRY(PENDIN), XLAT_ENTRY(TOSTOP),
	XLAT_ENTRY(EXTPROC),
};
static const struct xlat lflags = XLAT_TABLE(lflag_names);

/* line disciplines (linux/tty.h) */
static const struct xlat_entry ldisc_names[] = {
	XLAT_PAIR(0, "N_TTY"), XLAT_PAIR(1, "N_SLIP"), XLAT_PAIR(2, "N_MOUSE"),
	XLAT_PAIR(3, "N_PPP"), XLAT_PAIR(4, "N_STRIP"), XLAT_PAIR(5, "N_AX25"),
	XLAT_PAIR(6, "N_X25"), XLAT_PAIR(7, "N_6PACK"), XLAT_PAIR(8, "N_MASC"),
	XLAT_PAIR(9, "N_R3964"), XLAT_PAIR(10, "N_PROFIBUS_FDL"),
	XLAT_PAIR(11, "N_IRDA"), XLAT_PAIR(12, "N_SMSBLOCK"),
	XLAT_PAIR(13, "N_HDLC"), XLAT_PAIR(14, "N_SYNC_PPP"),
	XLAT_PAIR(15, "N_HCI"), XLAT_PAIR(16, "N_GIGASET_M101"),
	XLAT_PAIR(17, "N_SLCAN"), XLAT_PAIR(18, "N_PPS"),
	XLAT_PAIR(19, "N_V253"), XLAT_PAIR(20, "N_CAIF"),
	XLAT_PAIR(21, "N_GSM0710"), XLAT_PAIR(22, "N_TI_WL"),
	XLAT_PAIR(23, "N_TRACESINK"), XLAT_PAIR(24, "N_TRACEROUTER"),
	XLAT_PAIR(25, "N_NCI"), XLAT_PAIR(26, "N_SPEAKUP"),
	XLAT_PAIR(27, "N_NULL"), XLAT_PAIR(28, "N_MCTP"),
	XLAT_PAIR(29, "N_DEVELOPMENT"), XLAT_PAIR(30, "N_CAN327"),
};
static const struct xlat ldiscs = XLAT_TABLE(ldisc_names);

static const struct xlat_entry flush_names[] = {
	XLAT_ENTRY(TCIFLUSH), XLAT_ENTRY(TCOFLUSH), XLAT_ENTRY(TCIOFLUSH),
};
static const struct xlat flushes = XLAT_TABLE(flush_names);

static const char *const baud_names[] = {
	"B0", "B50", "B75", "B110", "B134", "B150", "B200", "B300", "B600",
	"B1200", "B1800", "B2400", "B4800", "B9600", "B19200", "B38400",
	"BOTHER", "B57600", "B115200", "B230400", "B460800", "B500000",
	"B576000", "B921600", "B1000000", "B1152000", "B1500000",
	"B2000000", "B2500000", "B3000000", "B3500000", "B4000000",
};

static const char *const cc_names[] = {
	"VINTR", "VQUIT", "VERASE", "VKILL", "VEOF", "VTIME", "VMIN",
	"VSWTC", "VSTART", "VSTOP", "VSUSP", "VEOL", "VREPRINT",
	"VDISCARD", "VWERASE", "VLNEXT", "VEOL2",
};

/* A value with a name known, following -X: "CS8", "0x30", "0x30 / * CS8 * /". */
static void
print_named(uint32_t v, const char *name)
{
	if (opts.xmode == XMODE_ABBREV)
		out_puts(name);
	else if (opts.xmode == XMODE_RAW)
		out_printf("%#x", v);
	else
		out_printf("%#x /* %s */", v, name);
}

/* "NL0|" ... a field of a mask, by the names of its values */
static void
print_field(uint32_t v, uint32_t mask, unsigned shift, const char *const *names)
{
	print_named(v & mask, names[(v & mask) >> shift]);
	out_write("|", 1);
}

static unsigned
baud_index(uint32_t cbaud)
{
	/* 0..15, then BOTHER (0x1000) and 0x1001..0x100f */
	return (cbaud & CBAUDEX) ? 16 + (cbaud & 0xf) : cbaud & 0xf;
}

/* Flags after a "|": nothing when none is set. */
static void
print_tail_flags(const struct xlat *x, uint32_t v)
{
	if (v)
		dec_print_flags(x, v, NULL);
}

static void
print_termios(struct sc_ctx *c, uint64_t addr)
{
	static const char *const nl[] = { "NL0", "NL1" };
	static const char *const cr[] = { "CR0", "CR1", "CR2", "CR3" };
	/* TAB3 is XTABS, and strace names it so */
	static const char *const tab[] = { "TAB0", "TAB1", "TAB2", "XTABS" };
	static const char *const bs[] = { "BS0", "BS1" };
	static const char *const vt[] = { "VT0", "VT1" };
	static const char *const ff[] = { "FF0", "FF1" };
	static const char *const cs[] = { "CS5", "CS6", "CS7", "CS8" };
	struct termios t;
	uint32_t o, cf, rest;
	unsigned i;

	if (!dec_fetch(c, addr, &t, sizeof(t)))
		return;
	out_write("{c_iflag=", 9);
	print_tail_flags(&iflags, t.c_iflag);
	o = t.c_oflag;
	out_write(", c_oflag=", 10);
	print_field(o, NLDLY, 8, nl);
	print_field(o, CRDLY, 9, cr);
	print_field(o, TABDLY, 11, tab);
	print_field(o, BSDLY, 13, bs);
	print_field(o, VTDLY, 14, vt);
	print_field(o, FFDLY, 15, ff);
	print_tail_flags(&oflags, o & ~(uint32_t)(NLDLY | CRDLY | TABDLY |
						  BSDLY | VTDLY | FFDLY));
	cf = t.c_cflag;
	out_write(", c_cflag=", 10);
	print_named(cf & CBAUD, baud_names[baud_index(cf & CBAUD)]);
	out_write("|", 1);
	if (cf & CIBAUD) {
		uint32_t ib = (cf & CIBAUD) >> IBSHIFT;

		print_named(ib, baud_names[baud_index(ib)]);
		out_write("<<", 2);
		print_named(IBSHIFT, "IBSHIFT");
		out_write("|", 1);
	}
	print_field(cf, CSIZE, 4, cs);
	rest = cf & ~(uint32_t)(CBAUD | CIBAUD | CSIZE);
	print_tail_flags(&cflags, rest);
	out_write(", c_lflag=", 10);
	print_tail_flags(&lflags, t.c_lflag);
	if (c->abbrev) {
		out_write(", ...}", 6);
		return;
	}
	out_write(", c_line=", 9);
	dec_print_xval(&ldiscs, t.c_line, "%#llx", "N_???");
	out_write(", c_cc=[", 8);
	for (i = 0; i < NCCS; i++) {
		if (i)
			out_write(", ", 2);
		if (i < sizeof(cc_names) / sizeof(cc_names[0]))
			out_printf("[%s]=%#x", cc_names[i], t.c_cc[i]);
		else
			out_printf("[%u]=%#x", i, t.c_cc[i]);
	}
	out_write("]}", 2);
}

/* struct winsize (asm/termbits.h has no definition of it). */
struct k_winsize {
	uint16_t ws_row, ws_col, ws_xpixel, ws_ypixel;
};

static void
print_winsize(struct sc_ctx *c, uint64_t addr)
{
	struct k_winsize w;

	if (!dec_fetch(c, addr, &w, sizeof(w)))
		return;
	out_printf("{ws_row=%u, ws_col=%u, ws_xpixel=%u, ws_ypixel=%u}",
		   w.ws_row, w.ws_col, w.ws_xpixel, w.ws_ypixel);
}

static void
print_int_ptr(struct sc_ctx *c, uint64_t addr)
{
	int v;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (!dec_fetch(c, addr, &v, sizeof(v)))
		return;
	out_printf("[%d]", v);
}

static bool
kind_at_exit(enum arg_kind k)
{
	return k == ARG_INT_OUT || k == ARG_TERMIOS_OUT || k == ARG_WINSZ_OUT;
}

enum dec_status
dec_ioctl(struct sc_ctx *c)
{
	uint32_t code = (uint32_t)dec_arg(c, 1);
	const struct ioctl_req *r = find_req(code);
	enum arg_kind k = r ? r->kind : ARG_HEX;
	uint64_t arg = dec_arg(c, 2);

	if (c->exiting) {
		if (c->args_done)
			return DEC_DONE;
		if (c->is_error)
			dec_print_ptr(arg);
		else if (k == ARG_TERMIOS_OUT)
			print_termios(c, arg);
		else if (k == ARG_WINSZ_OUT)
			print_winsize(c, arg);
		else
			print_int_ptr(c, arg);
		return DEC_DONE;
	}
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	/* -X raw: 0x5401; -X verbose: 0x5401 / * TCGETS * / */
	dec_print_compound(code, "%#llx", print_request_name);
	if (k == ARG_NONE)
		return DEC_DONE;
	out_write(", ", 2);
	if (kind_at_exit(k))
		return DEC_MORE;
	switch (k) {
	case ARG_INT_IN:
		print_int_ptr(c, arg);
		break;
	case ARG_TERMIOS_IN:
		print_termios(c, arg);
		break;
	case ARG_WINSZ_IN:
		print_winsize(c, arg);
		break;
	case ARG_DEC:
		out_printf("%d", (int)arg);
		break;
	case ARG_FLUSH:
		dec_print_xval(&flushes, (uint32_t)arg, "%#llx", "TC???");
		break;
	default:
		out_printf("%#llx", (unsigned long long)arg);
		break;
	}
	return DEC_DONE;
}
