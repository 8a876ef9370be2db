/*
 * decode/stat.c - stat-like syscalls: stat, lstat, fstat, newfstatat,
 * statx, statfs, fstatfs.
 *
 * The structs are printed at syscall exit; without -v only the fields
 * strace shows ("{st_mode=S_IFREG|0644, st_size=41607, ...}").
 */
#include <fcntl.h>
#include <linux/magic.h>
#include <linux/stat.h>
#include <sys/stat.h>
#include <sys/statfs.h>
#include <sys/statvfs.h>
#include <string.h>
#include <sys/sysmacros.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "sysent.h"
#include "umem.h"

static const struct xlat_entry ftype_names[] = {
	XLAT_ENTRY(S_IFREG), XLAT_ENTRY(S_IFSOCK), XLAT_ENTRY(S_IFIFO),
	XLAT_ENTRY(S_IFLNK), XLAT_ENTRY(S_IFDIR), XLAT_ENTRY(S_IFBLK),
	XLAT_ENTRY(S_IFCHR),
};
static const struct xlat ftypes = XLAT_TABLE(ftype_names);

/* "S_IFDIR|S_ISVTX|0777" */
static void
print_mode_names(uint64_t v)
{
	uint32_t mode = (uint32_t)v;
	const char *type = xlat_lookup(&ftypes, mode & S_IFMT);

	if (type)
		out_printf("%s|", type);
	else if (mode & S_IFMT)
		out_printf("%#o|", mode & S_IFMT);
	if (mode & S_ISUID)
		out_puts("S_ISUID|");
	if (mode & S_ISGID)
		out_puts("S_ISGID|");
	if (mode & S_ISVTX)
		out_puts("S_ISVTX|");
	out_printf("%#03o", mode & 0777);
}

void
dec_print_stat_mode(uint32_t mode)
{
	dec_print_compound(mode, "%#llo", print_mode_names);
}

static void
print_dev(const char *name, uint64_t dev)
{
	out_printf("%s=", name);
	dec_print_makedev(dev);
}

static void
print_stat_time(const char *name, int64_t sec, uint64_t nsec)
{
	out_printf(", %s=%lld", name, (long long)sec);
	dec_print_time_comment(sec, nsec);
	out_printf(", %s_nsec=%llu", name, (unsigned long long)nsec);
}

/*
 * struct stat as each kernel ABI writes it, field by field: x86_64's,
 * the asm-generic one of aarch64 (mode before nlink, a 32-bit blksize),
 * i386's stat64 (fstat64, stat64, lstat64, fstatat64: 4-byte aligned,
 * the 64-bit inode at the end) and i386's old 32-bit struct stat (stat,
 * fstat, lstat with 16-bit mode, nlink, uid, gid).  Offset and size of
 * each field; times are sec then nsec.
 */
enum stat_field {
	SF_DEV, SF_INO, SF_MODE, SF_NLINK, SF_UID, SF_GID, SF_RDEV, SF_SIZE,
	SF_BLKSIZE, SF_BLOCKS, SF_ATIME, SF_ATIME_NS, SF_MTIME, SF_MTIME_NS,
	SF_CTIME, SF_CTIME_NS, SF_COUNT
};

struct stat_layout {
	uint8_t size;
	struct { uint8_t off, len; } f[SF_COUNT];
};

#define SL(o, l) { (o), (l) }

static const struct stat_layout stat_x86_64 = { 144, {
	[SF_DEV] = SL(0, 8), [SF_INO] = SL(8, 8), [SF_NLINK] = SL(16, 8),
	[SF_MODE] = SL(24, 4), [SF_UID] = SL(28, 4), [SF_GID] = SL(32, 4),
	[SF_RDEV] = SL(40, 8), [SF_SIZE] = SL(48, 8), [SF_BLKSIZE] = SL(56, 8),
	[SF_BLOCKS] = SL(64, 8), [SF_ATIME] = SL(72, 8), [SF_ATIME_NS] = SL(80, 8),
	[SF_MTIME] = SL(88, 8), [SF_MTIME_NS] = SL(96, 8),
	[SF_CTIME] = SL(104, 8), [SF_CTIME_NS] = SL(112, 8) } };

static const struct stat_layout stat_generic = { 128, {
	[SF_DEV] = SL(0, 8), [SF_INO] = SL(8, 8), [SF_MODE] = SL(16, 4),
	[SF_NLINK] = SL(20, 4), [SF_UID] = SL(24, 4), [SF_GID] = SL(28, 4),
	[SF_RDEV] = SL(32, 8), [SF_SIZE] = SL(48, 8), [SF_BLKSIZE] = SL(56, 4),
	[SF_BLOCKS] = SL(64, 8), [SF_ATIME] = SL(72, 8), [SF_ATIME_NS] = SL(80, 8),
	[SF_MTIME] = SL(88, 8), [SF_MTIME_NS] = SL(96, 8),
	[SF_CTIME] = SL(104, 8), [SF_CTIME_NS] = SL(112, 8) } };

static const struct stat_layout stat64_i386 = { 96, {
	[SF_DEV] = SL(0, 8), [SF_MODE] = SL(16, 4), [SF_NLINK] = SL(20, 4),
	[SF_UID] = SL(24, 4), [SF_GID] = SL(28, 4), [SF_RDEV] = SL(32, 8),
	[SF_SIZE] = SL(44, 8), [SF_BLKSIZE] = SL(52, 4), [SF_BLOCKS] = SL(56, 8),
	[SF_ATIME] = SL(64, 4), [SF_ATIME_NS] = SL(68, 4),
	[SF_MTIME] = SL(72, 4), [SF_MTIME_NS] = SL(76, 4),
	[SF_CTIME] = SL(80, 4), [SF_CTIME_NS] = SL(84, 4), [SF_INO] = SL(88, 8) } };

static const struct stat_layout stat_i386 = { 64, {
	[SF_DEV] = SL(0, 4), [SF_INO] = SL(4, 4), [SF_MODE] = SL(8, 2),
	[SF_NLINK] = SL(10, 2), [SF_UID] = SL(12, 2), [SF_GID] = SL(14, 2),
	[SF_RDEV] = SL(16, 4), [SF_SIZE] = SL(20, 4), [SF_BLKSIZE] = SL(24, 4),
	[SF_BLOCKS] = SL(28, 4), [SF_ATIME] = SL(32, 4), [SF_ATIME_NS] = SL(36, 4),
	[SF_MTIME] = SL(40, 4), [SF_MTIME_NS] = SL(44, 4),
	[SF_CTIME] = SL(48, 4), [SF_CTIME_NS] = SL(52, 4) } };

static const struct stat_layout *
stat_layout_of(const struct sc_ctx *c)
{
	if (c->entry->arch == ARCH_X86_64)
		return &stat_x86_64;
	if (c->entry->wordsize == 4)
		return strstr(c->ent->name, "64") ? &stat64_i386 : &stat_i386;
	return &stat_generic;
}

/* Field f of the raw struct; signed fields sign-extend from their size. */
static uint64_t
stat_get(const struct stat_layout *l, const unsigned char *raw,
	 enum stat_field f, bool sign)
{
	uint64_t v = 0;

	memcpy(&v, raw + l->f[f].off, l->f[f].len);
	if (sign && l->f[f].len < 8) {
		unsigned shift = 64 - 8 * l->f[f].len;

		v = (uint64_t)((int64_t)(v << shift) >> shift);
	}
	return v;
}

static void
print_struct_stat(struct sc_ctx *c, uint64_t addr)
{
	const struct stat_layout *l = stat_layout_of(c);
	unsigned char raw[144];
	uint32_t mode;

#define G(f) stat_get(l, raw, (f), false)
#define GS(f) ((long long)stat_get(l, raw, (f), true))
	if (c->is_error || umem_read(c->tid, addr, raw, l->size) < 0) {
		dec_print_ptr(addr);
		return;
	}
	mode = (uint32_t)G(SF_MODE);
	out_write("{", 1);
	if (!c->abbrev) {
		print_dev("st_dev", G(SF_DEV));
		out_printf(", st_ino=%llu, ", (unsigned long long)G(SF_INO));
	}
	out_write("st_mode=", 8);
	dec_print_stat_mode(mode);
	if (!c->abbrev)
		out_printf(", st_nlink=%llu, st_uid=%u, st_gid=%u, "
			   "st_blksize=%lld, st_blocks=%lld",
			   (unsigned long long)G(SF_NLINK), (unsigned)G(SF_UID),
			   (unsigned)G(SF_GID), GS(SF_BLKSIZE), GS(SF_BLOCKS));
	if (S_ISCHR(mode) || S_ISBLK(mode)) {
		out_write(", ", 2);
		print_dev("st_rdev", G(SF_RDEV));
	} else {
		out_printf(", st_size=%lld", GS(SF_SIZE));
	}
	if (c->abbrev) {
		out_write(", ...}", 6);
		return;
	}
	print_stat_time("st_atime", GS(SF_ATIME), G(SF_ATIME_NS));
	print_stat_time("st_mtime", GS(SF_MTIME), G(SF_MTIME_NS));
	print_stat_time("st_ctime", GS(SF_CTIME), G(SF_CTIME_NS));
	out_write("}", 1);
#undef G
#undef GS
}

/* stat, lstat, fstat (and the *64 of i386): (path or fd, struct stat *) */
enum dec_status
dec_stat(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_kind(c, 0, c->ent->args[0]);
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	print_struct_stat(c, dec_arg(c, 1));
	return DEC_DONE;
}

enum dec_status
dec_newfstatat(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_kind(c, 0, 'a');
		out_write(", ", 2);
		dec_print_path(c->tid, dec_arg(c, 1));
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	print_struct_stat(c, dec_arg(c, 2));
	out_write(", ", 2);
	dec_print_at_flags(dec_arg(c, 3));
	return DEC_DONE;
}

/* ---- statx ------------------------------------------------------------ */

static const struct xlat_entry statx_mask_names[] = {
	XLAT_PAIR(STATX_ALL, "STATX_ALL"),
	XLAT_PAIR(STATX_BASIC_STATS, "STATX_BASIC_STATS"),
	XLAT_ENTRY(STATX_TYPE), XLAT_ENTRY(STATX_MODE), XLAT_ENTRY(STATX_NLINK),
	XLAT_ENTRY(STATX_UID), XLAT_ENTRY(STATX_GID), XLAT_ENTRY(STATX_ATIME),
	XLAT_ENTRY(STATX_MTIME), XLAT_ENTRY(STATX_CTIME), XLAT_ENTRY(STATX_INO),
	XLAT_ENTRY(STATX_SIZE), XLAT_ENTRY(STATX_BLOCKS),
	XLAT_ENTRY(STATX_BTIME), XLAT_PAIR(0x1000, "STATX_MNT_ID"),
	XLAT_PAIR(0x2000, "STATX_DIOALIGN"),
};
static const struct xlat statx_mask = XLAT_TABLE(statx_mask_names);

static const struct xlat_entry statx_attr_names[] = {
	XLAT_PAIR(0x4, "STATX_ATTR_COMPRESSED"),
	XLAT_PAIR(0x10, "STATX_ATTR_IMMUTABLE"),
	XLAT_PAIR(0x20, "STATX_ATTR_APPEND"),
	XLAT_PAIR(0x40, "STATX_ATTR_NODUMP"),
	XLAT_PAIR(0x800, "STATX_ATTR_ENCRYPTED"),
	XLAT_PAIR(0x1000, "STATX_ATTR_AUTOMOUNT"),
	XLAT_PAIR(0x2000, "STATX_ATTR_MOUNT_ROOT"),
	XLAT_PAIR(0x100000, "STATX_ATTR_VERITY"),
	XLAT_PAIR(0x200000, "STATX_ATTR_DAX"),
};
static const struct xlat statx_attrs = XLAT_TABLE(statx_attr_names);

static const struct xlat_entry statx_sync_names[] = {
	XLAT_PAIR(0, "AT_STATX_SYNC_AS_STAT"),
	XLAT_PAIR(0x2000, "AT_STATX_FORCE_SYNC"),
	XLAT_PAIR(0x4000, "AT_STATX_DONT_SYNC"),
};
static const struct xlat statx_sync = XLAT_TABLE(statx_sync_names);

/* Layout of struct statx (linux/stat.h), fixed on every arch. */
struct k_statx_ts {
	int64_t tv_sec;
	uint32_t tv_nsec;
	int32_t pad;
};

struct k_statx {
	uint32_t mask, blksize;
	uint64_t attributes;
	uint32_t nlink, uid, gid;
	uint16_t mode, pad1;
	uint64_t ino, size, blocks, attributes_mask;
	struct k_statx_ts atime, btime, ctime, mtime;
	uint32_t rdev_major, rdev_minor, dev_major, dev_minor;
	uint64_t mnt_id;
	uint64_t spare[13];
};

static void
print_statx_ts(const char *name, const struct k_statx_ts *ts)
{
	out_printf(", %s={tv_sec=%lld, tv_nsec=%u}", name,
		   (long long)ts->tv_sec, ts->tv_nsec);
	if (ts->tv_sec || ts->tv_nsec)
		dec_print_time_comment(ts->tv_sec, ts->tv_nsec);
}

static void
print_struct_statx(struct sc_ctx *c, uint64_t addr)
{
	struct k_statx s;

	if (!dec_fetch_out(c, addr, &s, sizeof(s)))
		return;
	out_write("{stx_mask=", 10);
	dec_print_flags_cmt(&statx_mask, s.mask, "0", "STATX_???");
	if (!c->abbrev)
		out_printf(", stx_blksize=%u", s.blksize);
	out_write(", stx_attributes=", 17);
	dec_print_flags(&statx_attrs, s.attributes, "0");
	if (!c->abbrev)
		out_printf(", stx_nlink=%u, stx_uid=%u, stx_gid=%u", s.nlink,
			   s.uid, s.gid);
	out_write(", stx_mode=", 11);
	dec_print_stat_mode(s.mode);
	if (!c->abbrev)
		out_printf(", stx_ino=%llu", (unsigned long long)s.ino);
	out_printf(", stx_size=%llu", (unsigned long long)s.size);
	if (c->abbrev) {
		out_write(", ...}", 6);
		return;
	}
	out_printf(", stx_blocks=%llu, stx_attributes_mask=",
		   (unsigned long long)s.blocks);
	dec_print_flags(&statx_attrs, s.attributes_mask, "0");
	/* like strace: only the times the kernel says it filled in */
	if (s.mask & 0x20)	/* STATX_ATIME */
		print_statx_ts("stx_atime", &s.atime);
	if (s.mask & 0x800)	/* STATX_BTIME */
		print_statx_ts("stx_btime", &s.btime);
	if (s.mask & 0x80)	/* STATX_CTIME */
		print_statx_ts("stx_ctime", &s.ctime);
	if (s.mask & 0x40)	/* STATX_MTIME */
		print_statx_ts("stx_mtime", &s.mtime);
	out_printf(", stx_rdev_major=%u, stx_rdev_minor=%u, stx_dev_major=%u, "
		   "stx_dev_minor=%u", s.rdev_major, s.rdev_minor,
		   s.dev_major, s.dev_minor);
	if (s.mask & 0x1000)
		out_printf(", stx_mnt_id=%#llx", (unsigned long long)s.mnt_id);
	out_write("}", 1);
}

enum dec_status
dec_statx(struct sc_ctx *c)
{
	uint32_t flags = (uint32_t)dec_arg(c, 2);

	if (!c->exiting) {
		dec_print_kind(c, 0, 'a');
		out_write(", ", 2);
		dec_print_path(c->tid, dec_arg(c, 1));
		out_write(", ", 2);
		/* The sync type is a field, printed first; then the flags. */
		/* both sync bits (not a valid type) print as two names */
		if (opts.xmode == XMODE_RAW)
			out_printf("%#x", flags);	/* see differences doc */
		else if ((flags & 0x6000) == 0x6000)
			dec_print_flags(&statx_sync, 0x6000, NULL);
		else
			dec_print_xval(&statx_sync, flags & 0x6000, "%#llx",
				       NULL);
		if (opts.xmode != XMODE_RAW && (flags & ~0x6000u)) {
			out_write("|", 1);
			dec_print_at_flags(flags & ~0x6000u);
		}
		out_write(", ", 2);
		dec_print_flags_cmt(&statx_mask, (uint32_t)dec_arg(c, 3), "0",
				    "STATX_???");
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	print_struct_statx(c, dec_arg(c, 4));
	return DEC_DONE;
}

/* ---- statfs ----------------------------------------------------------- */

static const struct xlat_entry fs_magic_names[] = {
	XLAT_PAIR(EXT2_SUPER_MAGIC, "EXT2_SUPER_MAGIC"),
	XLAT_ENTRY(TMPFS_MAGIC), XLAT_ENTRY(PROC_SUPER_MAGIC),
	XLAT_ENTRY(SYSFS_MAGIC), XLAT_ENTRY(BTRFS_SUPER_MAGIC),
	XLAT_ENTRY(XFS_SUPER_MAGIC), XLAT_ENTRY(OVERLAYFS_SUPER_MAGIC),
	XLAT_ENTRY(DEVPTS_SUPER_MAGIC), XLAT_ENTRY(CGROUP2_SUPER_MAGIC),
	XLAT_ENTRY(CGROUP_SUPER_MAGIC), XLAT_ENTRY(NFS_SUPER_MAGIC),
	XLAT_ENTRY(MSDOS_SUPER_MAGIC), XLAT_ENTRY(SQUASHFS_MAGIC),
	XLAT_ENTRY(RAMFS_MAGIC), XLAT_ENTRY(FUSE_SUPER_MAGIC),
	XLAT_ENTRY(DEBUGFS_MAGIC), XLAT_ENTRY(SECURITYFS_MAGIC),
	XLAT_ENTRY(BPF_FS_MAGIC), XLAT_ENTRY(TRACEFS_MAGIC),
	XLAT_ENTRY(HUGETLBFS_MAGIC), XLAT_PAIR(0x19800202, "MQUEUE_MAGIC"),
	XLAT_ENTRY(ISOFS_SUPER_MAGIC), XLAT_ENTRY(F2FS_SUPER_MAGIC),
	XLAT_PAIR(0x01021997, "V9FS_MAGIC"), XLAT_PAIR(0x6e736673, "NSFS_MAGIC"),
};
static const struct xlat fs_magic = XLAT_TABLE(fs_magic_names);

static const struct xlat_entry st_flag_names[] = {
	XLAT_PAIR(0x20, "ST_VALID"),
	XLAT_ENTRY(ST_RDONLY), XLAT_ENTRY(ST_NOSUID), XLAT_ENTRY(ST_NODEV),
	XLAT_ENTRY(ST_NOEXEC), XLAT_ENTRY(ST_SYNCHRONOUS),
	XLAT_ENTRY(ST_MANDLOCK), XLAT_ENTRY(ST_WRITE), XLAT_ENTRY(ST_APPEND),
	XLAT_ENTRY(ST_IMMUTABLE), XLAT_ENTRY(ST_NOATIME),
	XLAT_ENTRY(ST_NODIRATIME), XLAT_ENTRY(ST_RELATIME),
	XLAT_PAIR(0x2000000, "ST_NOSYMFOLLOW"),
};
static const struct xlat st_flags = XLAT_TABLE(st_flag_names);

static void
print_struct_statfs(struct sc_ctx *c, uint64_t addr)
{
	struct statfs s;
	int32_t fsid[2];
	uint32_t w[16];

	if (c->is_error) {
		dec_print_ptr(addr);
		return;
	}
	if (c->entry->wordsize == 8) {
		if (umem_read(c->tid, addr, &s, sizeof(s)) < 0) {
			dec_print_ptr(addr);
			return;
		}
	} else if (c->ent->nargs == 3) {
		/*
		 * i386's statfs64: 32-bit type and bsize, 64-bit counts,
		 * packed to 4 bytes (f_blocks at offset 8)
		 */
		if (umem_read(c->tid, addr, w, sizeof(w)) < 0) {
			dec_print_ptr(addr);
			return;
		}
		memset(&s, 0, sizeof(s));
		s.f_type = w[0];
		s.f_bsize = (int32_t)w[1];
		s.f_blocks = w[2] | (uint64_t)w[3] << 32;
		s.f_bfree = w[4] | (uint64_t)w[5] << 32;
		s.f_bavail = w[6] | (uint64_t)w[7] << 32;
		s.f_files = w[8] | (uint64_t)w[9] << 32;
		s.f_ffree = w[10] | (uint64_t)w[11] << 32;
		memcpy(&s.f_fsid, w + 12, 8);
		s.f_namelen = (int32_t)w[14];
		s.f_frsize = (int32_t)w[15];
		if (umem_read(c->tid, addr + 64, w, 4) < 0) {
			dec_print_ptr(addr);
			return;
		}
		s.f_flags = w[0];
	} else {
		/* i386's struct statfs: every field a 32-bit word */
		if (umem_read(c->tid, addr, w, sizeof(w)) < 0) {
			dec_print_ptr(addr);
			return;
		}
		memset(&s, 0, sizeof(s));
		s.f_type = w[0];
		s.f_bsize = (int32_t)w[1];
		s.f_blocks = w[2];
		s.f_bfree = w[3];
		s.f_bavail = w[4];
		s.f_files = w[5];
		s.f_ffree = w[6];
		memcpy(&s.f_fsid, w + 7, 8);
		s.f_namelen = (int32_t)w[9];
		s.f_frsize = (int32_t)w[10];
		s.f_flags = w[11];
	}
	memcpy(fsid, &s.f_fsid, sizeof(fsid));
	out_write("{f_type=", 8);
	dec_print_xval(&fs_magic, (uint64_t)s.f_type, "%#llx", NULL);
	out_printf(", f_bsize=%ld, f_blocks=%llu, f_bfree=%llu, f_bavail=%llu, "
		   "f_files=%llu, f_ffree=%llu, f_fsid={val=[%#x, %#x]}, "
		   "f_namelen=%ld, f_frsize=%ld, f_flags=",
		   (long)s.f_bsize, (unsigned long long)s.f_blocks,
		   (unsigned long long)s.f_bfree,
		   (unsigned long long)s.f_bavail,
		   (unsigned long long)s.f_files,
		   (unsigned long long)s.f_ffree, (unsigned)fsid[0],
		   (unsigned)fsid[1], (long)s.f_namelen, (long)s.f_frsize);
	dec_print_flags(&st_flags, (uint64_t)s.f_flags, "0");
	out_write("}", 1);
}

/* statfs64, fstatfs64 (i386): (path or fd, size, struct statfs64 *) */
enum dec_status
dec_statfs64(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_kind(c, 0, c->ent->args[0]);
		out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	print_struct_statfs(c, dec_arg(c, 2));
	return DEC_DONE;
}

/* statfs, fstatfs: (path or fd, struct statfs *) */
enum dec_status
dec_statfs(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_kind(c, 0, c->ent->args[0]);
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	print_struct_statfs(c, dec_arg(c, 1));
	return DEC_DONE;
}
