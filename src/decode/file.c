/*
 * decode/file.c - syscalls that name files: open, openat, creat, openat2,
 * access, faccessat(2), unlinkat, linkat, renameat2, fchownat, utimensat,
 * inotify_add_watch, memfd_create, mknod(at), *setxattr, umask; and
 * getdents(64).  Also the open flags printer that desc.c shares (fcntl
 * F_GETFL/F_SETFL, pipe2, dup3).
 */
#include <fcntl.h>
#include <linux/openat2.h>
#include <stdio.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/sysmacros.h>
#include <time.h>
#include <unistd.h>

#include "decode.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/*
 * Open flags as each kernel defines them, not as the tracer's C library
 * does: arm64 moved O_DIRECTORY, O_NOFOLLOW, O_DIRECT and O_LARGEFILE
 * (asm/fcntl.h), and glibc defines O_LARGEFILE as 0 on 64-bit targets
 * although the kernel reports the bit in F_GETFL and strace names it.
 * The record's arch picks the table.  strace's order (checked against
 * strace 6.1): O_SYNC before O_DSYNC and O_TMPFILE before O_DIRECTORY,
 * whose bits they include.
 */
#define OPEN_FLAG_TABLE(dir, nofollow, direct, largefile) { \
	XLAT_PAIR(0100, "O_CREAT"), XLAT_PAIR(0200, "O_EXCL"), \
	XLAT_PAIR(0400, "O_NOCTTY"), XLAT_PAIR(01000, "O_TRUNC"), \
	XLAT_PAIR(02000, "O_APPEND"), XLAT_PAIR(04000, "O_NONBLOCK"), \
	XLAT_PAIR(04010000, "O_SYNC"), XLAT_PAIR(010000, "O_DSYNC"), \
	XLAT_PAIR(direct, "O_DIRECT"), XLAT_PAIR(largefile, "O_LARGEFILE"), \
	XLAT_PAIR(nofollow, "O_NOFOLLOW"), XLAT_PAIR(01000000, "O_NOATIME"), \
	XLAT_PAIR(02000000, "O_CLOEXEC"), XLAT_PAIR(010000000, "O_PATH"), \
	XLAT_PAIR(020000000 | (dir), "O_TMPFILE"), XLAT_PAIR(dir, "O_DIRECTORY"), \
	XLAT_PAIR(020000, "FASYNC"), \
}

static const struct xlat_entry open_flag_names[] =
	OPEN_FLAG_TABLE(0200000, 0400000, 040000, 0100000);
static const struct xlat open_flags = XLAT_TABLE(open_flag_names);
static const struct xlat_entry open_flag_arm64_names[] =
	OPEN_FLAG_TABLE(040000, 0100000, 0200000, 0400000);
static const struct xlat open_flags_arm64 = XLAT_TABLE(open_flag_arm64_names);

/* O_TMPFILE without the O_DIRECTORY bit it includes (the same on all). */
#define K_O_TMPFILE_BIT 020000000

/* The table for this record's arch. */
const struct xlat *
dec_open_flag_table(const struct sc_ctx *c)
{
	return c->entry->arch == ARCH_AARCH64 ? &open_flags_arm64 : &open_flags;
}

/* dec_print_compound's printer takes no context: the table of this call */
static const struct xlat *open_tab = &open_flags;

static const char *const accmode_names[] = {
	"O_RDONLY", "O_WRONLY", "O_RDWR", "O_ACCMODE",
};

static void
print_open_flag_names(uint64_t v)
{
	uint64_t rest = v & ~(uint64_t)O_ACCMODE;

	out_puts(accmode_names[v & O_ACCMODE]);
	if (rest) {
		out_write("|", 1);
		dec_print_flags(open_tab, rest, NULL);
	}
}

void
dec_print_open_flags(const struct sc_ctx *c, uint64_t v)
{
	open_tab = dec_open_flag_table(c);
	dec_print_compound(v, "%#llx", print_open_flag_names);
}

void
dec_print_fd_flags(const struct sc_ctx *c, uint64_t v)
{
	/* pipe2, dup3, inotify_init1...: no access mode field */
	dec_print_flags_cmt(dec_open_flag_table(c), v, "0", "O_???");
}

static bool
open_takes_mode(uint64_t flags)
{
	return (flags & O_CREAT) || (flags & K_O_TMPFILE_BIT);
}

static void
print_open_tail(struct sc_ctx *c, unsigned i)
{
	uint64_t flags = dec_arg(c, i);

	dec_print_open_flags(c, flags);
	if (open_takes_mode(flags)) {
		out_write(", ", 2);
		dec_print_kind(c, i + 1, 'o');
	}
}

enum dec_status
dec_open(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_path(c->tid, dec_arg(c, 0));
	out_write(", ", 2);
	print_open_tail(c, 1);
	return DEC_DONE;
}

enum dec_status
dec_openat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	print_open_tail(c, 2);
	return DEC_DONE;
}

static const struct xlat_entry resolve_names[] = {
	XLAT_ENTRY(RESOLVE_NO_XDEV), XLAT_ENTRY(RESOLVE_NO_MAGICLINKS),
	XLAT_ENTRY(RESOLVE_NO_SYMLINKS), XLAT_ENTRY(RESOLVE_BENEATH),
	XLAT_ENTRY(RESOLVE_IN_ROOT), XLAT_PAIR(0x20, "RESOLVE_CACHED"),
};
static const struct xlat resolve_flags = XLAT_TABLE(resolve_names);

enum dec_status
dec_openat2(struct sc_ctx *c)
{
	struct open_how how;
	uint64_t addr = dec_arg(c, 2), size = dec_arg(c, 3);

	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	if (size < sizeof(how) || umem_read(c->tid, addr, &how, sizeof(how)) < 0) {
		dec_print_ptr(addr);
	} else {
		out_write("{flags=", 7);
		dec_print_open_flags(c, how.flags);
		if (open_takes_mode(how.flags) || how.mode)
			out_printf(", mode=%#03llo", (unsigned long long)how.mode);
		out_write(", resolve=", 10);
		dec_print_flags_cmt(&resolve_flags, how.resolve, "0", "RESOLVE_???");
		out_write("}", 1);
	}
	out_printf(", %llu", (unsigned long long)size);
	return DEC_DONE;
}

/* ---- access -------------------------------------------------------- */

static const struct xlat_entry access_mode_names[] = {
	XLAT_ENTRY(R_OK), XLAT_ENTRY(W_OK), XLAT_ENTRY(X_OK),
};
static const struct xlat access_modes = XLAT_TABLE(access_mode_names);

static void
print_access_mode(uint64_t v)
{
	/* names and a hex rest; unknown bits alone: "0x10 / * ?_OK * /" */
	dec_print_flags_cmt(&access_modes, (uint32_t)v, "F_OK", "?_OK");
}

enum dec_status
dec_access(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_path(c->tid, dec_arg(c, 0));
	out_write(", ", 2);
	print_access_mode(dec_arg(c, 1));
	return DEC_DONE;
}

static const struct xlat_entry faccess_flag_names[] = {
	XLAT_ENTRY(AT_SYMLINK_NOFOLLOW), XLAT_ENTRY(AT_EACCESS),
	XLAT_ENTRY(AT_EMPTY_PATH),
};
static const struct xlat faccess_flags = XLAT_TABLE(faccess_flag_names);

/* faccessat and faccessat2: strace prints both with the flags argument. */
enum dec_status
dec_faccessat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	print_access_mode(dec_arg(c, 2));
	if (c->ent->nargs > 3) {
		out_write(", ", 2);
		dec_print_flags_cmt(&faccess_flags, (uint32_t)dec_arg(c, 3), "0",
				    "AT_???");
	}
	return DEC_DONE;
}

/* ---- AT_* flags ------------------------------------------------------ */

static const struct xlat_entry at_flag_names[] = {
	XLAT_ENTRY(AT_SYMLINK_NOFOLLOW), XLAT_ENTRY(AT_REMOVEDIR),
	XLAT_ENTRY(AT_SYMLINK_FOLLOW), XLAT_ENTRY(AT_NO_AUTOMOUNT),
	XLAT_ENTRY(AT_EMPTY_PATH), XLAT_PAIR(0x8000, "AT_RECURSIVE"),
};
static const struct xlat at_flags = XLAT_TABLE(at_flag_names);

void
dec_print_at_flags(uint64_t v)
{
	dec_print_flags_cmt(&at_flags, (uint32_t)v, "0", "AT_???");
}

enum dec_status
dec_unlinkat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_at_flags(dec_arg(c, 2));
	return DEC_DONE;
}

/* linkat(olddir, old, newdir, new, flags) */
enum dec_status
dec_linkat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_kind(c, 2, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 3));
	out_write(", ", 2);
	dec_print_at_flags(dec_arg(c, 4));
	return DEC_DONE;
}

static const struct xlat_entry rename_flag_names[] = {
	XLAT_PAIR(1, "RENAME_NOREPLACE"), XLAT_PAIR(2, "RENAME_EXCHANGE"),
	XLAT_PAIR(4, "RENAME_WHITEOUT"),
};
static const struct xlat rename_flags = XLAT_TABLE(rename_flag_names);

enum dec_status
dec_renameat2(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_kind(c, 2, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 3));
	out_write(", ", 2);
	dec_print_flags_cmt(&rename_flags, (uint32_t)dec_arg(c, 4), "0",
			    "RENAME_??");
	return DEC_DONE;
}

enum dec_status
dec_fchownat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_printf(", %d, %d, ", (int)dec_arg(c, 2), (int)dec_arg(c, 3));
	dec_print_at_flags(dec_arg(c, 4));
	return DEC_DONE;
}

/* ---- times ------------------------------------------------------------ */

/* The date comment strace puts after a time in seconds. */
void
dec_print_time_comment(int64_t sec, uint64_t nsec)
{
	struct tm tm;
	time_t t = (time_t)sec;
	char buf[64];

	if (!localtime_r(&t, &tm))
		return;
	strftime(buf, sizeof(buf), "%FT%T", &tm);
	out_printf(" /* %s", buf);
	if (nsec)
		out_printf(".%09llu", (unsigned long long)nsec);
	strftime(buf, sizeof(buf), "%z", &tm);
	out_printf("%s */", buf);
}

static void
print_utimespec(const int64_t ts[2])
{
	const char *special = ts[1] == UTIME_NOW ? "UTIME_NOW" :
			      ts[1] == UTIME_OMIT ? "UTIME_OMIT" : NULL;

	if (special && opts.xmode == XMODE_ABBREV) {
		out_puts(special);
		return;
	}
	out_printf("{tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0],
		   (long long)ts[1]);
	if (special && opts.xmode == XMODE_VERBOSE)
		out_printf(" /* %s */", special);
	else if ((uint64_t)ts[1] < 1000000000)
		dec_print_time_comment(ts[0], (uint64_t)ts[1]);
}

/*
 * Two timespecs: 64-bit fields for 64-bit tracees and utimensat_time64,
 * 32-bit ones for i386's plain utimensat (widened here).
 */
static bool
read_utimespecs(struct sc_ctx *c, uint64_t addr, int64_t ts[4])
{
	int32_t t32[4];
	unsigned i;

	if (c->entry->wordsize == 8 || c->ent == &sysent_table[SC_utimensat_time64])
		return umem_read(c->tid, addr, ts, 4 * sizeof(ts[0])) == 0;
	if (umem_read(c->tid, addr, t32, sizeof(t32)) < 0)
		return false;
	for (i = 0; i < 4; i++)
		ts[i] = t32[i];
	return true;
}

enum dec_status
dec_utimensat(struct sc_ctx *c)
{
	uint64_t addr = dec_arg(c, 2);
	int64_t ts[4];

	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	if (!addr) {
		out_write("NULL", 4);
	} else if (!read_utimespecs(c, addr, ts)) {
		dec_print_ptr(addr);
	} else {
		out_write("[", 1);
		print_utimespec(ts);
		out_write(", ", 2);
		print_utimespec(ts + 2);
		out_write("]", 1);
	}
	out_write(", ", 2);
	dec_print_at_flags(dec_arg(c, 3));
	return DEC_DONE;
}

/* ---- inotify, memfd -------------------------------------------------- */

static const struct xlat_entry inotify_mask_names[] = {
	XLAT_ENTRY(IN_ACCESS), XLAT_ENTRY(IN_MODIFY), XLAT_ENTRY(IN_ATTRIB),
	XLAT_ENTRY(IN_CLOSE_WRITE), XLAT_ENTRY(IN_CLOSE_NOWRITE),
	XLAT_ENTRY(IN_OPEN), XLAT_ENTRY(IN_MOVED_FROM), XLAT_ENTRY(IN_MOVED_TO),
	XLAT_ENTRY(IN_CREATE), XLAT_ENTRY(IN_DELETE),
	XLAT_ENTRY(IN_DELETE_SELF), XLAT_ENTRY(IN_MOVE_SELF),
	XLAT_ENTRY(IN_UNMOUNT), XLAT_ENTRY(IN_Q_OVERFLOW),
	XLAT_ENTRY(IN_IGNORED), XLAT_ENTRY(IN_ONLYDIR),
	XLAT_ENTRY(IN_DONT_FOLLOW), XLAT_ENTRY(IN_EXCL_UNLINK),
	XLAT_ENTRY(IN_MASK_CREATE), XLAT_ENTRY(IN_MASK_ADD),
	XLAT_ENTRY(IN_ISDIR), XLAT_ENTRY(IN_ONESHOT),
};
static const struct xlat inotify_mask = XLAT_TABLE(inotify_mask_names);

enum dec_status
dec_inotify_add_watch(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_path(c->tid, dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_flags_cmt(&inotify_mask, (uint32_t)dec_arg(c, 2), "0",
			    "IN_???");
	return DEC_DONE;
}

static const struct xlat_entry memfd_flag_names[] = {
	XLAT_ENTRY(MFD_CLOEXEC), XLAT_ENTRY(MFD_ALLOW_SEALING),
	XLAT_ENTRY(MFD_HUGETLB),
};
static const struct xlat memfd_flags = XLAT_TABLE(memfd_flag_names);

/* The flags, then the huge page size as "16<<MFD_HUGE_SHIFT" (bits 26-31). */
static void
print_memfd_names(uint64_t v)
{
	uint32_t huge = ((uint32_t)v >> 26) & 0x3f;
	uint32_t fl = (uint32_t)v & ~(0x3fU << 26);

	if (fl || !huge)
		dec_print_flags_cmt(&memfd_flags, fl, "0", "MFD_???");
	if (huge)
		out_printf("%s%u<<MFD_HUGE_SHIFT", fl ? "|" : "", huge);
}

enum dec_status
dec_memfd_create(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_str(c->tid, dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_compound((uint32_t)dec_arg(c, 1), "%#llx", print_memfd_names);
	return DEC_DONE;
}

/* ---- umask ------------------------------------------------------------ */

/* The old mask is printed like the argument: "= 022", "= 000". */
static void
rval_umask(struct sc_ctx *c)
{
	out_printf("= %#03llo", (unsigned long long)c->rval);
}

enum dec_status
dec_umask(struct sc_ctx *c)
{
	if (c->exiting) {
		c->print_rval = rval_umask;
		return DEC_DONE;
	}
	dec_print_kind(c, 0, 'o');
	return DEC_DONE;
}

/* ---- mknod, setxattr ---------------------------------------------------- */

/* mknod(path, mode, dev), mknodat(dir, path, mode, dev) */
enum dec_status
dec_mknod(struct sc_ctx *c)
{
	unsigned i = c->ent->nargs == 4 ? 1 : 0;
	uint32_t mode = (uint32_t)dec_arg(c, i + 1);
	uint64_t dev = dec_arg(c, i + 2);

	if (c->exiting)
		return DEC_DONE;
	if (i) {
		dec_print_kind(c, 0, 'a');
		out_write(", ", 2);
	}
	dec_print_path(c->tid, dec_arg(c, i));
	out_write(", ", 2);
	dec_print_stat_mode(mode);
	/* the device only means something for device files */
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		out_write(", ", 2);
		dec_print_makedev(dev);
	}
	return DEC_DONE;
}

static const struct xlat_entry xattr_flag_names[] = {
	XLAT_PAIR(1, "XATTR_CREATE"), XLAT_PAIR(2, "XATTR_REPLACE"),
};
static const struct xlat xattr_flags = XLAT_TABLE(xattr_flag_names);

/* setxattr, lsetxattr, fsetxattr: (path or fd, name, value, size, flags) */
enum dec_status
dec_setxattr(struct sc_ctx *c)
{
	const char *k = c->ent->args;
	unsigned i;

	if (c->exiting || c->ent->nargs < 5)
		return DEC_DONE;
	for (i = 0; i < 4; i++) {
		dec_print_kind(c, i, k[i]);
		out_write(", ", 2);
	}
	dec_print_flags_cmt(&xattr_flags, (uint32_t)dec_arg(c, 4), "0",
			    "XATTR_???");
	return DEC_DONE;
}

/* ---- getdents --------------------------------------------------------- */

static const char *const dt_names[] = {
	[0] = "DT_UNKNOWN", [1] = "DT_FIFO", [2] = "DT_CHR", [4] = "DT_DIR",
	[6] = "DT_BLK", [8] = "DT_REG", [10] = "DT_LNK", [12] = "DT_SOCK",
	[14] = "DT_WHT",
};

static void
print_dtype(unsigned t)
{
	if (t < sizeof(dt_names) / sizeof(dt_names[0]) && dt_names[t])
		out_puts(dt_names[t]);
	else
		out_printf("%#x /* DT_??? */", t);
}

static void
print_dname(const char *s, size_t max)
{
	static char q[FMT_QUOTE_SIZE(256)];
	size_t n = strnlen(s, max < 256 ? max : 256);

	out_write(q, fmt_quote(q, s, n));
}

/*
 * One directory entry at p, left bytes on: returns its reclen, or 0 (and
 * prints nothing) when it is malformed.  v64 selects struct
 * linux_dirent64; sep puts ", " before it.
 */
static unsigned
print_dirent(struct sc_ctx *c, const unsigned char *p, size_t left, bool v64,
	     bool sep)
{
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;
	unsigned hdr = v64 ? 19 : 2 * ws + 2;
	uint64_t ino = 0, off = 0;
	uint16_t reclen;

	if (left < hdr)
		return 0;
	memcpy(&reclen, p + (v64 ? 16 : 2 * ws), 2);
	if (reclen < hdr || reclen > left)
		return 0;
	if (v64 || ws == 8) {
		memcpy(&ino, p, 8);
		memcpy(&off, p + 8, 8);
	} else {
		uint32_t w[2];

		memcpy(w, p, 8);
		ino = w[0];
		off = w[1];
	}
	if (sep)
		out_write(", ", 2);
	out_printf("{d_ino=%llu, d_off=%lld, d_reclen=%u, ",
		   (unsigned long long)ino, (long long)off, reclen);
	if (v64) {
		out_write("d_type=", 7);
		print_dtype(p[18]);
		out_write(", d_name=", 9);
		print_dname((const char *)p + 19, reclen - 19u);
	} else {
		out_write("d_name=", 7);
		print_dname((const char *)p + hdr, reclen - hdr - 1u);
		out_write(", d_type=", 9);
		print_dtype(p[reclen - 1]);
	}
	out_write("}", 1);
	return reclen;
}

enum dec_status
dec_getdents(struct sc_ctx *c)
{
	static unsigned char buf[65536];
	bool v64 = strcmp(c->ent->name, "getdents64") == 0;
	uint64_t addr = dec_arg(c, 1);
	size_t len, off;
	unsigned n = 0;

	if (!c->exiting) {
		dec_print_kind(c, 0, 'f');
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	len = c->rval > 0 ? (size_t)c->rval : 0;
	if (len > sizeof(buf))
		len = sizeof(buf);
	if (c->is_error || (len && umem_read(c->tid, addr, buf, len) < 0)) {
		dec_print_ptr(addr);
		goto tail;
	}
	if (c->abbrev) {
		for (off = 0; off + (v64 ? 19 : 10) <= len; n++) {
			uint16_t reclen;

			memcpy(&reclen, buf + off + (v64 ? 16 :
				2 * (c->entry->wordsize == 4 ? 4 : 8)), 2);
			if (!reclen)
				break;
			off += reclen;
		}
		dec_print_ptr(addr);
		out_printf(" /* %u entries */", n);
		goto tail;
	}
	out_write("[", 1);
	for (off = 0; off < len; n++) {
		unsigned r;

		r = print_dirent(c, buf + off, len - off, v64, n > 0);
		if (!r)
			break;
		off += r;
	}
	out_write("]", 1);
tail:
	out_printf(", %u", (unsigned)dec_arg(c, 2));
	return DEC_DONE;
}
