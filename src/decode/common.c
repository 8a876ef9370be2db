/*
 * decode/common.c - printing helpers shared by every decoder, and the
 * generic decoder driven by the argument letters of src/syscalls.def.
 */
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>

#include <string.h>
#include <sys/sysmacros.h>

#include "decode.h"
#include "fdcache.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "tracee.h"
#include "umem.h"

/* Scratch space for one quoted value; decoders run one at a time. */
static char raw[PATH_MAX + 1];
static char quoted[FMT_QUOTE_SIZE(PATH_MAX + 1)];

void
dec_print_ptr(uint64_t addr)
{
	char tmp[32];

	out_write(tmp, fmt_ptr(tmp, sizeof(tmp), addr));
}

bool
dec_fetch(struct sc_ctx *c, uint64_t addr, void *buf, size_t n)
{
	if (addr && umem_read(c->tid, addr, buf, n) == 0)
		return true;
	dec_print_ptr(addr);
	return false;
}

bool
dec_fetch_out(struct sc_ctx *c, uint64_t addr, void *buf, size_t n)
{
	if (c->exiting && c->is_error) {
		dec_print_ptr(addr);
		return false;
	}
	return dec_fetch(c, addr, buf, n);
}

static void
print_quoted(const char *s, size_t len, bool abbreviated)
{
	/* -xx: every byte in hex; -x: the whole string if any byte needs it */
	if (opts.xflag > 1 || (opts.xflag && fmt_needs_escape(s, len)))
		out_write(quoted, fmt_quote_hex(quoted, s, len));
	else
		out_write(quoted, fmt_quote(quoted, s, len));
	if (abbreviated)
		out_write("...", 3);
}

void
dec_print_path(pid_t tid, uint64_t addr)
{
	bool terminated;
	long n;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	n = umem_read_str(tid, addr, raw, sizeof(raw), &terminated);
	/* cut by an unreadable page before its NUL: strace shows the address */
	if (n < 0 || (!terminated && (size_t)n < sizeof(raw) - 1)) {
		dec_print_ptr(addr);
		return;
	}
	print_quoted(raw, (size_t)n, !terminated);
}

static unsigned
max_strlen(void)
{
	/* -s is bounded by the scratch buffers. */
	return opts.max_strlen < PATH_MAX - 1 ? opts.max_strlen : PATH_MAX - 1;
}

void
dec_print_str(pid_t tid, uint64_t addr)
{
	unsigned max = max_strlen();
	bool terminated;
	long n;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	/* One byte more than -s tells whether the string goes on. */
	n = umem_read_str(tid, addr, raw, (size_t)max + 2, &terminated);
	/* unreadable before its NUL and within -s: the address, as strace */
	if (n < 0 || (!terminated && (unsigned long)n <= max)) {
		dec_print_ptr(addr);
		return;
	}
	if ((unsigned long)n > max)
		print_quoted(raw, max, true);
	else
		print_quoted(raw, (size_t)n, !terminated);
}

void
dec_print_buf(pid_t tid, uint64_t addr, uint64_t len)
{
	unsigned max = max_strlen();
	size_t n = len < max ? (size_t)len : max;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (n && umem_read(tid, addr, raw, n) < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_quoted(raw, n, len > n);
}

void
dec_print_str_array(pid_t tid, uint64_t addr, unsigned wordsize)
{
	unsigned max = max_strlen();
	unsigned i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	for (i = 0;; i++) {
		uint64_t elem;

		if (umem_read_word(tid, addr + (uint64_t)i * wordsize, wordsize,
				   &elem) < 0) {
			/* Unreadable array: the address, or what was read. */
			if (i == 0) {
				dec_print_ptr(addr);
				return;
			}
			out_write(", ...", 5);
			break;
		}
		if (!elem)
			break;
		out_write(i ? ", " : "[", i ? 2 : 1);
		if (i >= max) {
			out_write("...", 3);
			i++;
			break;
		}
		dec_print_str(tid, elem);
	}
	if (i == 0)
		out_write("[", 1);
	out_write("]", 1);
}

void
dec_print_str_array_count(pid_t tid, uint64_t addr, unsigned wordsize)
{
	/* Read the pointers a page at a time: one syscall for ~500 of them. */
	static uint64_t words[4096 / 8];
	unsigned n = 0;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	dec_print_ptr(addr);
	while (n < 1U << 20) {
		uint64_t at = addr + (uint64_t)n * wordsize;
		size_t room = 4096 - (at & 4095);
		unsigned i, count = (unsigned)(room / wordsize);

		if (count == 0) {
			count = 1;	/* a pointer that straddles pages */
			room = wordsize;
		}
		if (umem_read(tid, at, words, count * wordsize) < 0)
			return; /* unreadable: the address says it all */
		for (i = 0; i < count; i++, n++) {
			uint64_t elem = wordsize == 4 ? ((uint32_t *)words)[i]
						      : words[i];

			if (!elem) {
				out_printf(" /* %u var%s */", n, n == 1 ? "" : "s");
				return;
			}
		}
	}
}

void
dec_print_fd(struct sc_ctx *c, int fd)
{
	const char *path;

	if (fd == AT_FDCWD && opts.xmode == XMODE_ABBREV)
		out_write("AT_FDCWD", 8);
	else if (fd == AT_FDCWD && opts.xmode == XMODE_VERBOSE)
		out_write("-100 /* AT_FDCWD */", 19);
	else
		out_printf("%d", fd);
	if (!opts.yflag || !c->proc || (fd < 0 && fd != AT_FDCWD))
		return;
	path = fdcache_get(&c->proc->fds, c->tid, fd);
	if (path)
		out_puts(path);	/* "<...>", escaped when cached */
}

bool
dec_kind_at_exit(char k)
{
	return k == 'B' || k == 'P' || k == 'Z';
}

/*
 * A path the kernel wrote (getcwd, readlink): up to the return value's
 * length or the first NUL, never abbreviated by -s.
 */
static void
print_out_path(pid_t tid, uint64_t addr, int64_t len)
{
	bool terminated;
	long n;

	if (len > PATH_MAX)
		len = PATH_MAX;
	n = umem_read_str(tid, addr, raw, (size_t)len + 1, &terminated);
	if (n < 0) {
		dec_print_ptr(addr);
		return;
	}
	print_quoted(raw, (size_t)n, false);
}

static int64_t
signed_word(const struct sc_ctx *c, uint64_t v)
{
	return c->entry->wordsize == 4 ? (int64_t)(int32_t)v : (int64_t)v;
}

void
dec_print_kind(struct sc_ctx *c, unsigned i, char k)
{
	uint64_t v = dec_arg(c, i);

	switch (k) {
	case 'd':
	case 'e':
		out_printf("%d", (int)v);
		break;
	case 'f':
	case 'a':
		dec_print_fd(c, (int)v);
		break;
	case 'l':
		out_printf("%lld", (long long)signed_word(c, v));
		break;
	case 'L':
		out_printf("%lld", (long long)v);
		break;
	case 'u':
		out_printf("%llu", (unsigned long long)v);
		break;
	case 'o':
		out_printf("%#03llo", (unsigned long long)v);
		break;
	case 's':
		dec_print_path(c->tid, v);
		break;
	case 'S':
		dec_print_str(c->tid, v);
		break;
	case 'b':
		dec_print_buf(c->tid, v, i + 1 < 6 ? dec_arg(c, i + 1) : 0);
		break;
	case 'B':
		if (c->is_error)
			dec_print_ptr(v);
		else
			dec_print_buf(c->tid, v, (uint64_t)c->rval);
		break;
	case 'Z':
		if (c->is_error || c->rval <= 0)
			dec_print_ptr(v);
		else
			print_out_path(c->tid, v, c->rval);
		break;
	case 'p':
	case 'P':
		dec_print_ptr(v);
		break;
	case 'x':
	default:
		out_printf("%#llx", (unsigned long long)v);
		break;
	}
}

enum dec_status
dec_generic(struct sc_ctx *c)
{
	const char *k = c->ent->args;
	unsigned n = c->ent->nargs, i = 0;

	if (c->exiting) {
		/* Resume at the first argument that waited for the result. */
		while (i < n && !dec_kind_at_exit(k[i]))
			i++;
		for (unsigned first = i; i < n; i++) {
			if (i > first)
				out_write(", ", 2);
			dec_print_kind(c, i, k[i]);
		}
		return DEC_DONE;
	}
	for (; i < n; i++) {
		if (i)
			out_write(", ", 2);
		if (dec_kind_at_exit(k[i]))
			return DEC_MORE;
		dec_print_kind(c, i, k[i]);
	}
	return DEC_DONE;
}

enum dec_status
dec_unknown(struct sc_ctx *c)
{
	unsigned i;

	for (i = 0; i < 6; i++)
		out_printf("%s%#llx", i ? ", " : "",
			   (unsigned long long)dec_arg(c, i));
	return DEC_DONE;
}

static void print_flag_names(const struct xlat *x, uint64_t v,
			     const char *zero_name);

void
dec_print_compound(uint64_t v, const char *raw_fmt, void (*names)(uint64_t v))
{
	unsigned mode = opts.xmode;

	if (mode == XMODE_ABBREV) {
		names(v);
		return;
	}
	out_printf(raw_fmt, (unsigned long long)v);
	if (mode == XMODE_VERBOSE) {
		/* the parts print as names inside the one comment */
		opts.xmode = XMODE_ABBREV;
		out_write(" /* ", 4);
		names(v);
		out_write(" */", 3);
		opts.xmode = mode;
	}
}

/*
 * -X raw prints the number alone, -X verbose the number and then the names
 * in a comment; the default prints the names.
 */
static bool
any_flag_named(const struct xlat *x, uint64_t v)
{
	unsigned i;

	for (i = 0; i < x->count; i++)
		if (x->entries[i].val && (v & x->entries[i].val) ==
					 x->entries[i].val)
			return true;
	return false;
}

void
dec_print_flags(const struct xlat *x, uint64_t v, const char *zero_name)
{
	if (opts.xmode == XMODE_ABBREV) {
		print_flag_names(x, v, zero_name);
		return;
	}
	out_printf(v ? "%#llx" : "0", (unsigned long long)v);
	/* strace adds the comment only when it has a name to put in it */
	if (opts.xmode == XMODE_VERBOSE &&
	    (v ? any_flag_named(x, v) :
		 (zero_name && strcmp(zero_name, "0") != 0))) {
		out_write(" /* ", 4);
		print_flag_names(x, v, zero_name);
		out_write(" */", 3);
	}
}

static void
print_flag_names(const struct xlat *x, uint64_t v, const char *zero_name)
{
	uint64_t left = v;
	bool any = false;
	unsigned i;

	if (!v) {
		out_puts(zero_name ? zero_name : "0");
		return;
	}
	for (i = 0; i < x->count && left; i++) {
		uint64_t f = x->entries[i].val;

		if (f && (left & f) == f) {
			if (any)
				out_write("|", 1);
			out_puts(x->entries[i].name);
			left &= ~f;
			any = true;
		}
	}
	if (left) {
		if (any)
			out_write("|", 1);
		out_printf("%#llx", (unsigned long long)left);
	}
}

void
dec_print_xval(const struct xlat *x, uint64_t v, const char *fmt_unknown,
	       const char *unknown_comment)
{
	const char *name = xlat_lookup(x, v);

	if (name) {
		dec_print_named(v, fmt_unknown, name);
		return;
	}
	out_printf(fmt_unknown, (unsigned long long)v);
	if (unknown_comment && opts.xmode != XMODE_RAW)
		out_printf(" /* %s */", unknown_comment);
}

static void
print_makedev_names(uint64_t dev)
{
	out_printf("makedev(%#x, %#x)", major(dev), minor(dev));
}

void
dec_print_makedev(uint64_t dev)
{
	dec_print_compound(dev, "%#llx", print_makedev_names);
}

void
dec_print_named(uint64_t v, const char *raw_fmt, const char *name)
{
	if (opts.xmode == XMODE_ABBREV) {
		out_puts(name);
		return;
	}
	out_printf(raw_fmt, (unsigned long long)v);
	if (opts.xmode == XMODE_VERBOSE)
		out_printf(" /* %s */", name);
}

/* A tracee word array of n words (wordsize 4 or 8) into 64-bit values. */
int
dec_read_words(struct sc_ctx *c, uint64_t addr, uint64_t *w, unsigned n)
{
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	uint32_t w32[32];
	unsigned i;

	if (n > 32)
		return -1;
	if (ws == 8)
		return umem_read(c->tid, addr, w, n * 8);
	if (umem_read(c->tid, addr, w32, n * 4) < 0)
		return -1;
	for (i = 0; i < n; i++)
		w[i] = w32[i];
	return 0;
}

/* "[N]": an int the kernel wrote, or the address. */
void
dec_print_int_out(struct sc_ctx *c, uint64_t addr)
{
	int32_t v;

	if (!addr || c->is_error || umem_read(c->tid, addr, &v, 4) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("[%d]", v);
}

/* A value by name, else "0x63 / * PFX_??? * /" (strace's unknown form). */
void
dec_print_xval_hex(const struct xlat *x, uint64_t v, const char *unknown)
{
	dec_print_xval(x, v, "%#llx", unknown);
}

void
dec_print_iovec(struct sc_ctx *c, uint64_t addr, uint64_t count,
		uint64_t limit,
		void (*payload)(struct sc_ctx *c, uint64_t base, uint64_t n))
{
	unsigned ws = c->entry->wordsize;
	bool opened = false;
	enum dec_elem e;
	uint64_t i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	for (i = 0; i < count; i++) {
		uint64_t base = 0, len = 0, n;
		uint64_t at = addr + i * 2 * ws;

		e = dec_array_elem(addr, i,
				   umem_read_word(c->tid, at, ws, &base) == 0 &&
				   umem_read_word(c->tid, at + ws, ws, &len) == 0,
				   &opened);
		if (e == DEC_ELEM_GONE)
			return;
		if (e == DEC_ELEM_STOP)
			break;
		n = len < limit ? len : limit;
		limit -= n;
		out_write("{iov_base=", 10);
		if (!base)
			out_write("NULL", 4);	/* even for an empty buffer */
		else if (payload)
			payload(c, base, n);
		else
			dec_print_buf(c->tid, base, n);
		out_printf(", iov_len=%llu}", (unsigned long long)len);
	}
	dec_array_close(opened);
}

enum dec_elem
dec_array_elem(uint64_t addr, uint64_t i, bool readable, bool *opened)
{
	if (!readable) {
		if (i == 0) {
			dec_print_ptr(addr);
			return DEC_ELEM_GONE;
		}
		out_write(", ...", 5);
		return DEC_ELEM_STOP;
	}
	out_write(i ? ", " : "[", i ? 2 : 1);
	*opened = true;
	if (i >= opts.max_strlen) {
		out_write("...", 3);
		return DEC_ELEM_STOP;
	}
	return DEC_ELEM_PRINT;
}

void
dec_array_close(bool opened)
{
	out_write(opened ? "]" : "[]", opened ? 1 : 2);
}
