/*
 * decode/desc.c - syscalls on file descriptors: lseek, fcntl, dup2, dup3,
 * pipe, pipe2, close_range, flock, readv/writev and their p*v variants,
 * eventfd2, inotify_init1, epoll_create1, sendfile, copy_file_range,
 * fadvise64, fallocate, sync_file_range, splice, tee, vmsplice.
 */
#include <fcntl.h>
#include <linux/close_range.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/eventfd.h>
#include <sys/file.h>
#include <sys/inotify.h>
#include <sys/epoll.h>
#include <sys/uio.h>
#include <unistd.h>

#include "decode.h"
#include "fdcache.h"
#include "ftrace.h"
#include "output.h"
#include "tracee.h"
#include "umem.h"

/* ---- lseek ------------------------------------------------------------ */

static const struct xlat_entry whence_names[] = {
	XLAT_ENTRY(SEEK_SET), XLAT_ENTRY(SEEK_CUR), XLAT_ENTRY(SEEK_END),
	XLAT_ENTRY(SEEK_DATA), XLAT_ENTRY(SEEK_HOLE),
};
static const struct xlat whence = XLAT_TABLE(whence_names);

enum dec_status
dec_lseek(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_kind(c, 1, 'l');
	out_write(", ", 2);
	dec_print_xval(&whence, (uint32_t)dec_arg(c, 2), "%#llx", "SEEK_???");
	return DEC_DONE;
}

/* ---- fcntl ------------------------------------------------------------ */

static const struct xlat_entry fcntl_cmd_names[] = {
	XLAT_ENTRY(F_DUPFD), XLAT_ENTRY(F_GETFD), XLAT_ENTRY(F_SETFD),
	XLAT_ENTRY(F_GETFL), XLAT_ENTRY(F_SETFL), XLAT_PAIR(5, "F_GETLK"),
	XLAT_PAIR(6, "F_SETLK"), XLAT_PAIR(7, "F_SETLKW"),
	XLAT_ENTRY(F_SETOWN), XLAT_ENTRY(F_GETOWN), XLAT_ENTRY(F_SETSIG),
	XLAT_ENTRY(F_GETSIG), XLAT_PAIR(12, "F_GETLK64"),
	XLAT_PAIR(13, "F_SETLK64"), XLAT_PAIR(14, "F_SETLKW64"),
	XLAT_ENTRY(F_SETOWN_EX), XLAT_ENTRY(F_GETOWN_EX),
	XLAT_ENTRY(F_OFD_GETLK),
	XLAT_ENTRY(F_OFD_SETLK), XLAT_ENTRY(F_OFD_SETLKW),
	XLAT_ENTRY(F_SETLEASE), XLAT_ENTRY(F_GETLEASE), XLAT_ENTRY(F_NOTIFY),
	XLAT_ENTRY(F_DUPFD_CLOEXEC), XLAT_ENTRY(F_SETPIPE_SZ),
	XLAT_ENTRY(F_GETPIPE_SZ), XLAT_ENTRY(F_ADD_SEALS),
	XLAT_ENTRY(F_GET_SEALS), XLAT_ENTRY(F_GET_RW_HINT),
	XLAT_ENTRY(F_SET_RW_HINT), XLAT_ENTRY(F_GET_FILE_RW_HINT),
	XLAT_ENTRY(F_SET_FILE_RW_HINT),
};
static const struct xlat fcntl_cmds = XLAT_TABLE(fcntl_cmd_names);

static const struct xlat_entry fd_flag_names[] = { XLAT_ENTRY(FD_CLOEXEC) };
static const struct xlat fd_flags = XLAT_TABLE(fd_flag_names);

static const struct xlat_entry lock_type_names[] = {
	XLAT_ENTRY(F_RDLCK), XLAT_ENTRY(F_WRLCK), XLAT_ENTRY(F_UNLCK),
	XLAT_ENTRY(F_EXLCK), XLAT_ENTRY(F_SHLCK),
};
static const struct xlat lock_types = XLAT_TABLE(lock_type_names);

static const struct xlat_entry notify_names[] = {
	XLAT_ENTRY(DN_ACCESS), XLAT_ENTRY(DN_MODIFY), XLAT_ENTRY(DN_CREATE),
	XLAT_ENTRY(DN_DELETE), XLAT_ENTRY(DN_RENAME), XLAT_ENTRY(DN_ATTRIB),
	XLAT_ENTRY(DN_MULTISHOT),
};
static const struct xlat notify_flags = XLAT_TABLE(notify_names);

static const struct xlat_entry seal_names[] = {
	XLAT_ENTRY(F_SEAL_SEAL), XLAT_ENTRY(F_SEAL_SHRINK),
	XLAT_ENTRY(F_SEAL_GROW), XLAT_ENTRY(F_SEAL_WRITE),
	XLAT_PAIR(0x10, "F_SEAL_FUTURE_WRITE"),
};
static const struct xlat seal_flags = XLAT_TABLE(seal_names);

static const struct xlat_entry owner_type_names[] = {
	XLAT_ENTRY(F_OWNER_TID), XLAT_ENTRY(F_OWNER_PID),
	XLAT_ENTRY(F_OWNER_PGRP),
};
static const struct xlat owner_types = XLAT_TABLE(owner_type_names);

/*
 * struct flock as the kernel reads it: the 64-bit one (also i386's
 * flock64 of F_GETLK64..F_SETLKW64, 12..14, packed: l_start at offset 4),
 * or i386's compat_flock with 32-bit offsets.
 */
static bool
fetch_flock(struct sc_ctx *c, uint64_t addr, int16_t tw[2], int64_t se[2],
	    int32_t *pid)
{
	unsigned char b[32];
	uint64_t cmd = dec_arg(c, 1);
	int32_t w[3];

	if (c->entry->wordsize == 8) {
		if (umem_read(c->tid, addr, b, 32) < 0)
			return false;
		memcpy(tw, b, 4);
		memcpy(se, b + 8, 16);
		memcpy(pid, b + 24, 4);
	} else if (cmd >= 12 && cmd <= 14) {
		if (umem_read(c->tid, addr, b, 24) < 0)
			return false;
		memcpy(tw, b, 4);
		memcpy(se, b + 4, 16);
		memcpy(pid, b + 20, 4);
	} else {
		if (umem_read(c->tid, addr, b, 16) < 0)
			return false;
		memcpy(tw, b, 4);
		memcpy(w, b + 4, 12);
		se[0] = w[0];
		se[1] = w[1];
		*pid = w[2];
	}
	return true;
}

static void
print_flock(struct sc_ctx *c, uint64_t addr, bool with_pid)
{
	int16_t tw[2];
	int64_t se[2];
	int32_t pid;

	if (!fetch_flock(c, addr, tw, se, &pid)) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{l_type=", 8);
	dec_print_xval(&lock_types, (uint16_t)tw[0], "%#llx", "F_???");
	out_write(", l_whence=", 11);
	dec_print_xval(&whence, (uint16_t)tw[1], "%#llx", "SEEK_???");
	out_printf(", l_start=%lld, l_len=%lld", (long long)se[0],
		   (long long)se[1]);
	if (with_pid)
		out_printf(", l_pid=%d", pid);
	out_write("}", 1);
}

static void
print_owner_ex(struct sc_ctx *c, uint64_t addr)
{
	struct f_owner_ex o;

	if (!dec_fetch(c, addr, &o, sizeof(o)))
		return;
	out_write("{type=", 6);
	dec_print_xval(&owner_types, (uint32_t)o.type, "%#llx", "F_OWNER_???");
	out_printf(", pid=%d}", o.pid);
}

static void
rval_fd_flags(struct sc_ctx *c)
{
	if (!c->rval) {
		out_write("= 0", 3);
		return;
	}
	out_printf("= %#llx (flags ", (unsigned long long)c->rval);
	dec_print_flags(&fd_flags, (uint64_t)c->rval, "0");
	out_write(")", 1);
}

/* F_DUPFD*: a new fd, with its path under -y */
static void
rval_fd(struct sc_ctx *c)
{
	out_write("= ", 2);
	dec_print_fd(c, (int)c->rval);
}

static void
rval_fl_flags(struct sc_ctx *c)
{
	unsigned xmode = opts.xmode;

	/* strace leaves F_GETFL's comment in names under -X raw */
	out_printf("= %#llx (flags ", (unsigned long long)c->rval);
	if (xmode == XMODE_RAW)
		opts.xmode = XMODE_ABBREV;
	dec_print_open_flags(c, (uint64_t)c->rval);
	opts.xmode = xmode;
	out_write(")", 1);
}

static void
rval_lease(struct sc_ctx *c)
{
	out_printf("= %lld (", (long long)c->rval);
	dec_print_xval(&lock_types, (uint64_t)c->rval, "%#llx", "F_???");
	out_write(")", 1);
}

static void
rval_seals(struct sc_ctx *c)
{
	if (!c->rval) {
		out_write("= 0", 3);
		return;
	}
	out_printf("= %#llx (seals ", (unsigned long long)c->rval);
	dec_print_flags(&seal_flags, (uint64_t)c->rval, "0");
	out_write(")", 1);
}

enum dec_status
dec_fcntl(struct sc_ctx *c)
{
	uint32_t cmd = (uint32_t)dec_arg(c, 1);
	uint64_t arg = dec_arg(c, 2);

	if (c->exiting) {
		switch (cmd) {
		case F_GETFD:
			c->print_rval = rval_fd_flags;
			break;
		case F_GETFL:
			c->print_rval = rval_fl_flags;
			break;
		case F_GETLEASE:
			c->print_rval = rval_lease;
			break;
		case F_GET_SEALS:
			c->print_rval = rval_seals;
			break;
		case F_DUPFD:
		case F_DUPFD_CLOEXEC:
			c->print_rval = rval_fd;
			break;
		}
		if (c->args_done)
			return DEC_DONE;
		if (c->is_error)
			dec_print_ptr(arg);
		else if (cmd == F_GETOWN_EX)
			print_owner_ex(c, arg);
		else
			print_flock(c, arg, true);
		return DEC_DONE;
	}
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_xval(&fcntl_cmds, cmd, "%#llx", "F_???");
	switch (cmd) {
	case F_GETFD:
	case F_GETFL:
	case F_GETOWN:
	case F_GETSIG:
	case F_GETLEASE:
	case F_GETPIPE_SZ:
	case F_GET_SEALS:
		return DEC_DONE;
	case F_GETLK:
	case F_OFD_GETLK:
	case F_GETOWN_EX:
	case 12: /* F_GETLK64 */
		out_write(", ", 2);
		return DEC_MORE;
	}
	out_write(", ", 2);
	switch (cmd) {
	case F_DUPFD:
	case F_DUPFD_CLOEXEC:
	case F_SETOWN:
	case F_SETPIPE_SZ:
		out_printf("%d", (int)arg);
		break;
	case F_SETFD:
		dec_print_flags_cmt(&fd_flags, (uint32_t)arg, "0", "FD_???");
		break;
	case F_SETFL:
		dec_print_open_flags(c, (uint32_t)arg);
		break;
	case F_SETLK:
	case F_SETLKW:
	case F_OFD_SETLK:
	case F_OFD_SETLKW:
	case 13: /* F_SETLK64 */
	case 14: /* F_SETLKW64 */
		print_flock(c, arg, false);
		break;
	case F_SETOWN_EX:
		print_owner_ex(c, arg);
		break;
	case F_SETSIG:
		if (arg)
			dec_print_signame((int)arg);
		else
			out_write("0", 1);
		break;
	case F_SETLEASE:
		dec_print_xval(&lock_types, (uint32_t)arg, "%#llx", "F_???");
		break;
	case F_NOTIFY:
		dec_print_flags_cmt(&notify_flags, (uint32_t)arg, "0", "DN_???");
		break;
	case F_ADD_SEALS:
		dec_print_flags_cmt(&seal_flags, (uint32_t)arg, "0", "F_SEAL_???");
		break;
	default:
		out_printf("%#llx", (unsigned long long)arg);
		break;
	}
	return DEC_DONE;
}

/* ---- dup3, pipe, close_range, flock ---------------------------------- */

/*
 * dup2, dup3: newfd now names what oldfd does.  Drop its -y cache entry
 * before the result prints, or "= 20<pipe:[...]>" shows its old meaning.
 */
enum dec_status
dec_dup3(struct sc_ctx *c)
{
	if (c->exiting) {
		if (!c->is_error && c->proc && c->proc->fds)
			fdcache_forget(c->proc->fds, (int)dec_arg(c, 1));
		return DEC_DONE;
	}
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_kind(c, 1, 'f');
	if (c->ent->nargs > 2) {
		out_write(", ", 2);
		dec_print_fd_flags(c, (uint32_t)dec_arg(c, 2));
	}
	return DEC_DONE;
}

static void
print_fd_pair(struct sc_ctx *c, uint64_t addr)
{
	int fds[2];

	if (!dec_fetch_out(c, addr, fds, sizeof(fds)))
		return;
	out_write("[", 1);
	dec_print_fd(c, fds[0]);
	out_write(", ", 2);
	dec_print_fd(c, fds[1]);
	out_write("]", 1);
}

/* pipe(fds) and pipe2(fds, flags): the fds are known at exit only. */
enum dec_status
dec_pipe(struct sc_ctx *c)
{
	if (!c->exiting)
		return DEC_MORE;
	if (c->args_done)
		return DEC_DONE;
	print_fd_pair(c, dec_arg(c, 0));
	if (c->ent->nargs > 1) {
		out_write(", ", 2);
		dec_print_fd_flags(c, (uint32_t)dec_arg(c, 1));
	}
	return DEC_DONE;
}

static const struct xlat_entry close_range_names[] = {
	XLAT_ENTRY(CLOSE_RANGE_UNSHARE), XLAT_ENTRY(CLOSE_RANGE_CLOEXEC),
};
static const struct xlat close_range_flags = XLAT_TABLE(close_range_names);

enum dec_status
dec_close_range(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%u, %u, ", (unsigned)dec_arg(c, 0), (unsigned)dec_arg(c, 1));
	dec_print_flags_cmt(&close_range_flags, (uint32_t)dec_arg(c, 2), "0",
			    "CLOSE_RANGE_???");
	return DEC_DONE;
}

static const struct xlat_entry flock_op_names[] = {
	XLAT_ENTRY(LOCK_SH), XLAT_ENTRY(LOCK_EX), XLAT_ENTRY(LOCK_NB),
	XLAT_ENTRY(LOCK_UN), XLAT_PAIR(32, "LOCK_MAND"),
	XLAT_PAIR(64, "LOCK_READ"), XLAT_PAIR(128, "LOCK_WRITE"),
};
static const struct xlat flock_ops = XLAT_TABLE(flock_op_names);

enum dec_status
dec_flock(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_flags_cmt(&flock_ops, (uint32_t)dec_arg(c, 1), "0", "LOCK_???");
	return DEC_DONE;
}

/* ---- flags-only fd creators --------------------------------------------- */

static const struct xlat_entry efd_names[] = {
	XLAT_ENTRY(EFD_SEMAPHORE), XLAT_ENTRY(EFD_CLOEXEC),
	XLAT_ENTRY(EFD_NONBLOCK),
};
static const struct xlat efd_flags = XLAT_TABLE(efd_names);

enum dec_status
dec_eventfd2(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%u, ", (unsigned)dec_arg(c, 0));
	dec_print_flags_cmt(&efd_flags, (uint32_t)dec_arg(c, 1), "0", "EFD_???");
	return DEC_DONE;
}

static const struct xlat_entry in_init_names[] = {
	XLAT_ENTRY(IN_NONBLOCK), XLAT_ENTRY(IN_CLOEXEC),
};
static const struct xlat in_init_flags = XLAT_TABLE(in_init_names);

enum dec_status
dec_inotify_init1(struct sc_ctx *c)
{
	if (!c->exiting)
		dec_print_flags_cmt(&in_init_flags, (uint32_t)dec_arg(c, 0),
				    "0", "IN_???");
	return DEC_DONE;
}

static const struct xlat_entry epoll_create_names[] = {
	XLAT_ENTRY(EPOLL_CLOEXEC),
};
static const struct xlat epoll_create_flags = XLAT_TABLE(epoll_create_names);

enum dec_status
dec_epoll_create1(struct sc_ctx *c)
{
	if (!c->exiting)
		dec_print_flags_cmt(&epoll_create_flags,
				    (uint32_t)dec_arg(c, 0), "0", "EPOLL_???");
	return DEC_DONE;
}

/* ---- sendfile, copy_file_range --------------------------------------------- */

/* An in/out offset: "[0]" at entry; strace adds nothing at exit. */
static void
print_off_ptr(struct sc_ctx *c, uint64_t addr)
{
	int64_t off;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (!dec_fetch(c, addr, &off, sizeof(off)))
		return;
	if (c->entry->wordsize == 4 && c->ent->args[0] == 'f' &&
	    c->ent->nargs == 4)
		off = (int32_t)off;	/* sendfile's off_t is a long */
	out_printf("[%lld]", (long long)off);
}

/*
 * sendfile(out, in, offset, count): a moved offset shows at exit as
 * "[5] => [15]", so with an offset the line splits after it.
 */
enum dec_status
dec_sendfile(struct sc_ctx *c)
{
	uint64_t offp = dec_arg(c, 2);

	if (c->exiting) {
		if (c->args_done)
			return DEC_DONE;
		if (!c->is_error) {
			out_write(" => ", 4);
			print_off_ptr(c, offp);
		}
		out_printf(", %llu", (unsigned long long)dec_arg(c, 3));
		return DEC_DONE;
	}
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_kind(c, 1, 'f');
	out_write(", ", 2);
	print_off_ptr(c, offp);
	if (offp)
		return DEC_MORE;
	out_printf(", %llu", (unsigned long long)dec_arg(c, 3));
	return DEC_DONE;
}

enum dec_status
dec_copy_file_range(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	print_off_ptr(c, dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_kind(c, 2, 'f');
	out_write(", ", 2);
	print_off_ptr(c, dec_arg(c, 3));
	out_printf(", %llu, %u", (unsigned long long)dec_arg(c, 4),
		   (unsigned)dec_arg(c, 5));
	return DEC_DONE;
}

/* ---- iovec arrays -------------------------------------------------------- */

static const struct xlat_entry rwf_names[] = {
	XLAT_PAIR(1, "RWF_HIPRI"), XLAT_PAIR(2, "RWF_DSYNC"),
	XLAT_PAIR(4, "RWF_SYNC"), XLAT_PAIR(8, "RWF_NOWAIT"),
	XLAT_PAIR(16, "RWF_APPEND"),
};
static const struct xlat rwf_flags = XLAT_TABLE(rwf_names);

/* The arguments after the iovec: count, and offset and flags if any. */
static void
print_iov_tail(struct sc_ctx *c)
{
	unsigned n = c->ent->nargs;

	out_printf(", %llu", (unsigned long long)dec_arg(c, 2));
	if (n > 3) {
		out_write(", ", 2);
		dec_print_kind(c, 3, 'L');
	}
	if (n > 5) {
		out_write(", ", 2);
		dec_print_flags_cmt(&rwf_flags, (uint32_t)dec_arg(c, 5), "0", "RWF_???");
	}
}

/* writev, pwritev, pwritev2: everything at entry. */
enum dec_status
dec_writev(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_iovec(c, dec_arg(c, 1), dec_arg(c, 2), UINT64_MAX, NULL);
	print_iov_tail(c);
	return DEC_DONE;
}

/* readv, preadv, preadv2: the buffers at exit, up to the result. */
enum dec_status
dec_readv(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_kind(c, 0, 'f');
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		dec_print_iovec(c, dec_arg(c, 1), dec_arg(c, 2), (uint64_t)c->rval, NULL);
	print_iov_tail(c);
	return DEC_DONE;
}

/* ---- fadvise64 ---------------------------------------------------------- */

static const struct xlat_entry fadv_names[] = {
	XLAT_ENTRY(POSIX_FADV_NORMAL), XLAT_ENTRY(POSIX_FADV_RANDOM),
	XLAT_ENTRY(POSIX_FADV_SEQUENTIAL), XLAT_ENTRY(POSIX_FADV_WILLNEED),
	XLAT_ENTRY(POSIX_FADV_DONTNEED), XLAT_ENTRY(POSIX_FADV_NOREUSE),
};
static const struct xlat fadv = XLAT_TABLE(fadv_names);

/* fadvise64(fd, offset, len, advice) */
enum dec_status
dec_fadvise64(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_kind(c, 1, 'L');
	out_write(", ", 2);
	/* fadvise64's len is a size_t, fadvise64_64's a loff_t */
	dec_print_kind(c, 2, c->ent->args[2]);
	out_write(", ", 2);
	dec_print_xval(&fadv, (uint32_t)dec_arg(c, 3), "%#llx",
		       "POSIX_FADV_???");
	return DEC_DONE;
}

/* ---- trailing flags: fallocate, sync_file_range, splice, tee ---------------- */

static const struct xlat_entry falloc_names[] = {
	XLAT_PAIR(0x01, "FALLOC_FL_KEEP_SIZE"),
	XLAT_PAIR(0x02, "FALLOC_FL_PUNCH_HOLE"),
	XLAT_PAIR(0x04, "FALLOC_FL_NO_HIDE_STALE"),
	XLAT_PAIR(0x08, "FALLOC_FL_COLLAPSE_RANGE"),
	XLAT_PAIR(0x10, "FALLOC_FL_ZERO_RANGE"),
	XLAT_PAIR(0x20, "FALLOC_FL_INSERT_RANGE"),
	XLAT_PAIR(0x40, "FALLOC_FL_UNSHARE_RANGE"),
};
static const struct xlat falloc_flags = XLAT_TABLE(falloc_names);

/* fallocate(fd, mode, offset, len) */
enum dec_status
dec_fallocate(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'f');
	out_write(", ", 2);
	dec_print_flags_cmt(&falloc_flags, (uint32_t)dec_arg(c, 1), "0",
			    "FALLOC_FL_???");
	out_write(", ", 2);
	dec_print_kind(c, 2, 'L');
	out_write(", ", 2);
	dec_print_kind(c, 3, 'L');
	return DEC_DONE;
}

static const struct xlat_entry sfr_names[] = {
	XLAT_PAIR(1, "SYNC_FILE_RANGE_WAIT_BEFORE"),
	XLAT_PAIR(2, "SYNC_FILE_RANGE_WRITE"),
	XLAT_PAIR(4, "SYNC_FILE_RANGE_WAIT_AFTER"),
};
static const struct xlat sfr_flags = XLAT_TABLE(sfr_names);

static const struct xlat_entry splice_names[] = {
	XLAT_PAIR(1, "SPLICE_F_MOVE"), XLAT_PAIR(2, "SPLICE_F_NONBLOCK"),
	XLAT_PAIR(4, "SPLICE_F_MORE"), XLAT_PAIR(8, "SPLICE_F_GIFT"),
};
static const struct xlat splice_flags = XLAT_TABLE(splice_names);

/*
 * Every argument by its letter but the last, which is a flags word:
 * sync_file_range, splice (offsets as "[N]"), tee, vmsplice (its iovec).
 */
enum dec_status
dec_flags_last(struct sc_ctx *c)
{
	const char *k = c->ent->args;
	unsigned n = c->ent->nargs, i;
	bool splice = strcmp(c->ent->name, "splice") == 0;

	if (c->exiting || n == 0)
		return DEC_DONE;
	for (i = 0; i + 1 < n; i++) {
		if (splice && (i == 1 || i == 3))
			print_off_ptr(c, dec_arg(c, i));
		else if (k[0] == 'f' && n == 4 && k[1] == 'p' && i == 1)
			dec_print_iovec(c, dec_arg(c, 1), dec_arg(c, 2), UINT64_MAX, NULL);
		else
			dec_print_kind(c, i, k[i]);
		out_write(", ", 2);
	}
	if (strcmp(c->ent->name, "sync_file_range") == 0)
		dec_print_flags_cmt(&sfr_flags, (uint32_t)dec_arg(c, n - 1),
				    "0", "SYNC_FILE_RANGE_???");
	else
		dec_print_flags_cmt(&splice_flags, (uint32_t)dec_arg(c, n - 1),
				    "0", "SPLICE_F_???");
	return DEC_DONE;
}
