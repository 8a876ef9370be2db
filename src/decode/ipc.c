/*
 * decode/ipc.c - System V IPC (shmget, shmat, shmctl, semget, semop,
 * semtimedop, semctl, msgget, msgsnd, msgrcv, msgctl) and POSIX message
 * queues (mq_open, mq_timedsend, mq_timedreceive, mq_getsetattr,
 * mq_notify).
 *
 * The *_ds structures are decoded for native 64-bit tracees only: their
 * layout differs for compat tracees, which get the address instead.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/ipc.h>
#include <sys/msg.h>
#include <sys/sem.h>
#include <sys/shm.h>

#include "decode.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

#ifndef IPC_64
#define IPC_64 0x0100
#endif

static const struct xlat_entry shmget_flag_names[] = {
	XLAT_ENTRY(IPC_CREAT), XLAT_ENTRY(IPC_EXCL),
	XLAT_ENTRY(SHM_HUGETLB), XLAT_ENTRY(SHM_NORESERVE),
};
static const struct xlat shmget_flags = XLAT_TABLE(shmget_flag_names);

static const struct xlat_entry resource_flag_names[] = {
	XLAT_ENTRY(IPC_CREAT), XLAT_ENTRY(IPC_EXCL), XLAT_ENTRY(IPC_NOWAIT),
};
static const struct xlat resource_flags = XLAT_TABLE(resource_flag_names);

static const struct xlat_entry shmat_flag_names[] = {
	XLAT_ENTRY(SHM_RDONLY), XLAT_ENTRY(SHM_RND), XLAT_ENTRY(SHM_REMAP),
	XLAT_ENTRY(SHM_EXEC),
};
static const struct xlat shmat_flags = XLAT_TABLE(shmat_flag_names);

static const struct xlat_entry msg_flag_names[] = {
	XLAT_ENTRY(MSG_NOERROR), XLAT_ENTRY(MSG_EXCEPT), XLAT_ENTRY(MSG_COPY),
	XLAT_ENTRY(IPC_NOWAIT),
};
static const struct xlat msg_flags = XLAT_TABLE(msg_flag_names);

static const struct xlat_entry sem_flag_names[] = {
	XLAT_ENTRY(SEM_UNDO), XLAT_ENTRY(IPC_NOWAIT),
};
static const struct xlat sem_flags = XLAT_TABLE(sem_flag_names);

static const struct xlat_entry shmctl_cmd_names[] = {
	XLAT_ENTRY(IPC_RMID), XLAT_ENTRY(IPC_SET), XLAT_ENTRY(IPC_STAT),
	XLAT_ENTRY(IPC_INFO), XLAT_ENTRY(SHM_LOCK), XLAT_ENTRY(SHM_UNLOCK),
	XLAT_ENTRY(SHM_STAT), XLAT_ENTRY(SHM_INFO), XLAT_PAIR(15, "SHM_STAT_ANY"),
};
static const struct xlat shmctl_cmds = XLAT_TABLE(shmctl_cmd_names);

static const struct xlat_entry semctl_cmd_names[] = {
	XLAT_ENTRY(IPC_RMID), XLAT_ENTRY(IPC_SET), XLAT_ENTRY(IPC_STAT),
	XLAT_ENTRY(IPC_INFO), XLAT_ENTRY(GETPID), XLAT_ENTRY(GETVAL),
	XLAT_ENTRY(GETALL), XLAT_ENTRY(GETNCNT), XLAT_ENTRY(GETZCNT),
	XLAT_ENTRY(SETVAL), XLAT_ENTRY(SETALL), XLAT_ENTRY(SEM_STAT),
	XLAT_ENTRY(SEM_INFO), XLAT_PAIR(20, "SEM_STAT_ANY"),
};
static const struct xlat semctl_cmds = XLAT_TABLE(semctl_cmd_names);

static const struct xlat_entry msgctl_cmd_names[] = {
	XLAT_ENTRY(IPC_RMID), XLAT_ENTRY(IPC_SET), XLAT_ENTRY(IPC_STAT),
	XLAT_ENTRY(IPC_INFO), XLAT_ENTRY(MSG_STAT), XLAT_ENTRY(MSG_INFO),
	XLAT_PAIR(13, "MSG_STAT_ANY"),
};
static const struct xlat msgctl_cmds = XLAT_TABLE(msgctl_cmd_names);

/*
 * mq_open flags beyond the access mode, with each kernel's values (arm64
 * moved O_DIRECTORY, O_NOFOLLOW, O_DIRECT, O_LARGEFILE); the record's
 * arch picks the table.
 */
#define MQ_OFLAG_TABLE(dir, nofollow, direct, largefile) { \
	XLAT_PAIR(0100, "O_CREAT"), XLAT_PAIR(0200, "O_EXCL"), \
	XLAT_PAIR(0400, "O_NOCTTY"), XLAT_PAIR(01000, "O_TRUNC"), \
	XLAT_PAIR(02000, "O_APPEND"), XLAT_PAIR(04000, "O_NONBLOCK"), \
	XLAT_PAIR(010000, "O_DSYNC"), XLAT_PAIR(020000, "O_ASYNC"), \
	XLAT_PAIR(direct, "O_DIRECT"), XLAT_PAIR(largefile, "O_LARGEFILE"), \
	XLAT_PAIR(dir, "O_DIRECTORY"), XLAT_PAIR(nofollow, "O_NOFOLLOW"), \
	XLAT_PAIR(01000000, "O_NOATIME"), XLAT_PAIR(02000000, "O_CLOEXEC"), \
}

static const struct xlat_entry mq_oflag_names[] =
	MQ_OFLAG_TABLE(0200000, 0400000, 040000, 0100000);
static const struct xlat mq_oflags = XLAT_TABLE(mq_oflag_names);
static const struct xlat_entry mq_oflag_arm64_names[] =
	MQ_OFLAG_TABLE(040000, 0100000, 0200000, 0400000);
static const struct xlat mq_oflags_arm64 = XLAT_TABLE(mq_oflag_arm64_names);

static const struct xlat_entry mq_attr_flag_names[] = {
	XLAT_ENTRY(O_NONBLOCK),
};
static const struct xlat mq_attr_flags = XLAT_TABLE(mq_attr_flag_names);


/* ---- helpers ---------------------------------------------------------- */

static void
print_key(uint64_t key)
{
	if ((int32_t)key == IPC_PRIVATE)
		out_write("IPC_PRIVATE", 11);
	else
		out_printf("%#x", (uint32_t)key);
}

/*
 * "IPC_CREAT|0600": named flags, unknown bits, then the mode in octal.
 * strace puts the "|" before the mode only after a name (or under -X
 * raw): msgget(0x1234, 0x800000000600) is what it prints, so we do too.
 */
static void
print_ipc_flags(const struct xlat *x, uint64_t v)
{
	uint32_t flags = (uint32_t)v & ~0777U;
	bool named = opts.xmode == XMODE_RAW;
	unsigned i;

	for (i = 0; i < x->count; i++)
		if (x->entries[i].val && (flags & x->entries[i].val) ==
					 x->entries[i].val)
			named = true;
	if (flags) {
		dec_print_flags(x, flags, NULL);
		if (named)
			out_write("|", 1);
	}
	out_printf("%#03o", (uint32_t)v & 0777);
}

/* shmget: flags, the huge page size as "21<<SHM_HUGE_SHIFT", the mode. */
#define SHM_HUGE_SHIFT_ 26
#define SHM_HUGE_MASK_ 0x3fU

static void
print_shmget_flags(uint64_t v)
{
	uint32_t huge = ((uint32_t)v >> SHM_HUGE_SHIFT_) & SHM_HUGE_MASK_;
	uint32_t flags = (uint32_t)v & ~0777U &
			 ~(SHM_HUGE_MASK_ << SHM_HUGE_SHIFT_);

	if (flags) {
		dec_print_flags(&shmget_flags, flags, NULL);
		out_write("|", 1);
	}
	if (huge && opts.xmode == XMODE_ABBREV)
		out_printf("%u<<SHM_HUGE_SHIFT|", huge);
	else if (huge)
		out_printf(opts.xmode == XMODE_RAW ? "%u<<%u|" :
			   "%u<<%u /* SHM_HUGE_SHIFT */|", huge,
			   SHM_HUGE_SHIFT_);
	out_printf("%#03o", (uint32_t)v & 0777);
}

/* A ctl command: "IPC_64|IPC_STAT", "0x63 / * SHM_??? * /". */
static void
print_ctl_cmd(const struct xlat *x, uint64_t v, const char *unknown)
{
	uint32_t cmd = (uint32_t)v;

	if ((cmd & IPC_64) && xlat_lookup(x, cmd & ~IPC_64)) {
		out_write("IPC_64|", 7);
		cmd &= ~IPC_64;
	}
	dec_print_xval(x, cmd, "%#llx", unknown);
}

static bool
native(const struct sc_ctx *c)
{
	return c->entry->wordsize == 8;
}

static void
print_perm(const struct ipc_perm *p, bool full)
{
	out_printf("{uid=%u, gid=%u, mode=%#o", p->uid, p->gid,
		   (unsigned)p->mode & 0777);
	if (full)
		out_printf(", key=%d, cuid=%u, cgid=%u", (int)p->__key,
			   p->cuid, p->cgid);
	out_write("}", 1);
}

static void
print_timespec(struct sc_ctx *c, uint64_t addr)
{
	int64_t ts[2];

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	/* compat tracees: 32-bit fields, except in the *_time64 calls */
	if (!native(c) && !strstr(c->ent->name, "_time64")) {
		int32_t t[2];

		if (!dec_fetch(c, addr, t, sizeof(t)))
			return;
		ts[0] = t[0];
		ts[1] = t[1];
	} else if (umem_read(c->tid, addr, ts, sizeof(ts)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("{tv_sec=%lld, tv_nsec=%lld}", (long long)ts[0],
		   (long long)ts[1]);
}

/* ---- shared memory ------------------------------------------------------- */

enum dec_status
dec_shmget(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_key(dec_arg(c, 0));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	print_shmget_flags(dec_arg(c, 2));
	return DEC_DONE;
}

enum dec_status
dec_shmat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	dec_print_ptr(dec_arg(c, 1));
	out_write(", ", 2);
	dec_print_flags_cmt(&shmat_flags, (uint32_t)dec_arg(c, 2), "0", "SHM_???");
	return DEC_DONE;
}

static void
print_shmid_ds(struct sc_ctx *c, uint64_t addr, bool set)
{
	struct shmid_ds ds;

	if (!addr || !native(c) || umem_read(c->tid, addr, &ds, sizeof(ds)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{shm_perm=", 10);
	print_perm(&ds.shm_perm, !set);
	if (set) {
		out_write("}", 1);
		return;
	}
	out_printf(", shm_segsz=%llu, shm_cpid=%d, shm_lpid=%d, shm_nattch=%llu"
		   ", shm_atime=%lld, shm_dtime=%lld, shm_ctime=%lld}",
		   (unsigned long long)ds.shm_segsz, (int)ds.shm_cpid,
		   (int)ds.shm_lpid, (unsigned long long)ds.shm_nattch,
		   (long long)ds.shm_atime, (long long)ds.shm_dtime,
		   (long long)ds.shm_ctime);
}

static bool
is_stat_cmd(uint32_t cmd, uint32_t stat, uint32_t stat_any)
{
	return cmd == IPC_STAT || cmd == stat || cmd == stat_any;
}

/*
 * shmctl/msgctl(id, cmd, buf): the same shape, with their own command
 * names and *_ds printer.  buf is what the kernel fills for the STAT
 * commands (printed at exit), the new settings for IPC_SET (at entry),
 * and unused (an address) otherwise.
 */
static enum dec_status
decode_ctl(struct sc_ctx *c, const struct xlat *cmds, const char *unknown,
	   uint32_t stat, uint32_t stat_any,
	   void (*print_ds)(struct sc_ctx *c, uint64_t addr, bool set))
{
	uint32_t cmd = (uint32_t)dec_arg(c, 1) & ~IPC_64;
	uint64_t buf = dec_arg(c, 2);

	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		print_ctl_cmd(cmds, dec_arg(c, 1), unknown);
		out_write(", ", 2);
		if (is_stat_cmd(cmd, stat, stat_any))
			return DEC_MORE;
		if (cmd == IPC_SET)
			print_ds(c, buf, true);
		else
			dec_print_ptr(buf);
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(buf);
	else
		print_ds(c, buf, false);
	return DEC_DONE;
}

enum dec_status
dec_shmctl(struct sc_ctx *c)
{
	return decode_ctl(c, &shmctl_cmds, "SHM_???", SHM_STAT, 15,
			  print_shmid_ds);
}

/* ---- semaphores ------------------------------------------------------------ */

enum dec_status
dec_semget(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_key(dec_arg(c, 0));
	out_printf(", %d, ", (int)dec_arg(c, 1));
	print_ipc_flags(&resource_flags, dec_arg(c, 2));
	return DEC_DONE;
}

/* "[{sem_num=0, sem_op=1, sem_flg=SEM_UNDO}, ...]" */
static void
print_sembufs(struct sc_ctx *c, uint64_t addr, uint64_t n)
{
	bool opened = false;
	enum dec_elem e;
	uint64_t i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	for (i = 0; i < n; i++) {
		struct sembuf sb;

		e = dec_array_elem(addr, i, umem_read(c->tid, addr + i * sizeof(sb),
						      &sb, sizeof(sb)) == 0,
				   &opened);
		if (e == DEC_ELEM_GONE)
			return;
		if (e == DEC_ELEM_STOP)
			break;
		out_printf("{sem_num=%u, sem_op=%d, sem_flg=", sb.sem_num,
			   sb.sem_op);
		dec_print_flags_cmt(&sem_flags, (uint16_t)sb.sem_flg, "0",
				    "SEM_???");
		out_write("}", 1);
	}
	dec_array_close(opened);
}

enum dec_status
dec_semop(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	print_sembufs(c, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %u", (unsigned)dec_arg(c, 2));
	if (c->ent->nargs > 3) {	/* semtimedop */
		out_write(", ", 2);
		print_timespec(c, dec_arg(c, 3));
	}
	return DEC_DONE;
}

static void
print_semid_ds(struct sc_ctx *c, uint64_t addr, bool set)
{
	struct semid_ds ds;

	if (!addr || !native(c) || umem_read(c->tid, addr, &ds, sizeof(ds)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{sem_perm=", 10);
	print_perm(&ds.sem_perm, !set);
	if (set) {
		out_write("}", 1);
		return;
	}
	out_printf(", sem_otime=%lld, sem_ctime=%lld, sem_nsems=%llu}",
		   (long long)ds.sem_otime, (long long)ds.sem_ctime,
		   (unsigned long long)ds.sem_nsems);
}

enum dec_status
dec_semctl(struct sc_ctx *c)
{
	uint32_t cmd = (uint32_t)dec_arg(c, 2) & ~IPC_64;
	uint64_t arg = dec_arg(c, 3);

	if (!c->exiting) {
		out_printf("%d, %d, ", (int)dec_arg(c, 0), (int)dec_arg(c, 1));
		print_ctl_cmd(&semctl_cmds, dec_arg(c, 2), "SEM_???");
		out_write(", ", 2);
		if (is_stat_cmd(cmd, SEM_STAT, 20))
			return DEC_MORE;
		if (cmd == IPC_SET)
			print_semid_ds(c, arg, true);
		else
			dec_print_ptr(arg);	/* a union: strace shows the word */
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(arg);
	else
		print_semid_ds(c, arg, false);
	return DEC_DONE;
}

/* ---- message queues (System V) ------------------------------------------------ */

enum dec_status
dec_msgget(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_key(dec_arg(c, 0));
	out_write(", ", 2);
	print_ipc_flags(&resource_flags, dec_arg(c, 1));
	return DEC_DONE;
}

/* "{mtype=1, mtext="..."}" with size bytes of text. */
static void
print_msgbuf(struct sc_ctx *c, uint64_t addr, uint64_t size)
{
	uint64_t type;
	unsigned ws = c->entry->wordsize;

	if (!addr || umem_read_word(c->tid, addr, ws, &type) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("{mtype=%lld, mtext=", ws == 4 ? (long long)(int32_t)type
						   : (long long)type);
	dec_print_buf(c->tid, addr + ws, size);
	out_write("}", 1);
}

enum dec_status
dec_msgsnd(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	print_msgbuf(c, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	dec_print_flags_cmt(&msg_flags, (uint32_t)dec_arg(c, 3), "0", "MSG_???");
	return DEC_DONE;
}

enum dec_status
dec_msgrcv(struct sc_ctx *c)
{
	int64_t type = (int64_t)dec_arg(c, 3);

	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_msgbuf(c, dec_arg(c, 1), dec_arg(c, 2));
	if (c->entry->wordsize == 4)
		type = (int32_t)type;
	out_printf(", %llu, %lld, ", (unsigned long long)dec_arg(c, 2),
		   (long long)type);
	dec_print_flags_cmt(&msg_flags, (uint32_t)dec_arg(c, 4), "0", "MSG_???");
	return DEC_DONE;
}

static void
print_msqid_ds(struct sc_ctx *c, uint64_t addr, bool set)
{
	struct msqid_ds ds;

	if (!addr || !native(c) || umem_read(c->tid, addr, &ds, sizeof(ds)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{msg_perm=", 10);
	print_perm(&ds.msg_perm, !set);
	if (set) {
		out_printf(", msg_qbytes=%llu}",
			   (unsigned long long)ds.msg_qbytes);
		return;
	}
	out_printf(", msg_stime=%lld, msg_rtime=%lld, msg_ctime=%lld"
		   ", msg_qnum=%llu, msg_qbytes=%llu, msg_lspid=%d"
		   ", msg_lrpid=%d}",
		   (long long)ds.msg_stime, (long long)ds.msg_rtime,
		   (long long)ds.msg_ctime, (unsigned long long)ds.msg_qnum,
		   (unsigned long long)ds.msg_qbytes, (int)ds.msg_lspid,
		   (int)ds.msg_lrpid);
}

enum dec_status
dec_msgctl(struct sc_ctx *c)
{
	return decode_ctl(c, &msgctl_cmds, "MSG_???", MSG_STAT, 13,
			  print_msqid_ds);
}

/* ---- POSIX message queues ---------------------------------------------------- */

/* mq_open shows mq_flags as a number (opened): strace names them only
 * for mq_getsetattr. */
static void
print_mq_attr(struct sc_ctx *c, uint64_t addr, bool opened)
{
	unsigned ws = c->entry->wordsize;
	uint64_t v[4];
	unsigned i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	for (i = 0; i < 4; i++) {
		if (umem_read_word(c->tid, addr + i * ws, ws, &v[i]) < 0) {
			dec_print_ptr(addr);
			return;
		}
		if (ws == 4)
			v[i] = (uint64_t)(int64_t)(int32_t)v[i];
	}
	out_write("{mq_flags=", 10);
	if (opened)
		out_printf("%#llx", (unsigned long long)v[0]);
	else
		dec_print_flags_cmt(&mq_attr_flags, ws == 4 ? (uint32_t)v[0] : v[0],
				    "0", "O_???");
	out_printf(", mq_maxmsg=%lld, mq_msgsize=%lld, mq_curmsgs=%lld}",
		   (long long)v[1], (long long)v[2], (long long)v[3]);
}

/* dec_print_compound's printer takes no context: the table of this call */
static const struct xlat *mq_tab = &mq_oflags;

static void
print_open_flags(uint64_t v)
{
	static const char *const acc[] = { "O_RDONLY", "O_WRONLY", "O_RDWR",
					   "O_ACCMODE" };
	uint32_t rest = (uint32_t)v & ~(uint32_t)O_ACCMODE;

	out_puts(acc[v & O_ACCMODE]);
	if (rest) {
		out_write("|", 1);
		dec_print_flags(mq_tab, rest, NULL);
	}
}

enum dec_status
dec_mq_open(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_path(c->tid, dec_arg(c, 0));
	out_write(", ", 2);
	mq_tab = c->entry->arch == ARCH_AARCH64 ? &mq_oflags_arm64 : &mq_oflags;
	dec_print_compound((uint32_t)dec_arg(c, 1), "%#llx", print_open_flags);
	/* mode and attributes only matter, and are only shown, with O_CREAT */
	if (dec_arg(c, 1) & O_CREAT) {
		out_printf(", %#03llo, ", (unsigned long long)dec_arg(c, 2));
		print_mq_attr(c, dec_arg(c, 3), true);
	}
	return DEC_DONE;
}

enum dec_status
dec_mq_timedsend(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_buf(c->tid, dec_arg(c, 1), dec_arg(c, 2));
	out_printf(", %llu, %u, ", (unsigned long long)dec_arg(c, 2),
		   (unsigned)dec_arg(c, 3));
	print_timespec(c, dec_arg(c, 4));
	return DEC_DONE;
}

enum dec_status
dec_mq_timedreceive(struct sc_ctx *c)
{
	uint64_t prio = dec_arg(c, 3);
	unsigned p;

	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		dec_print_buf(c->tid, dec_arg(c, 1), (uint64_t)c->rval);
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 2));
	if (!c->is_error && prio && umem_read(c->tid, prio, &p, sizeof(p)) == 0)
		out_printf("[%u]", p);
	else
		dec_print_ptr(prio);
	out_write(", ", 2);
	print_timespec(c, dec_arg(c, 4));
	return DEC_DONE;
}

enum dec_status
dec_mq_getsetattr(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_fd(c, (int)dec_arg(c, 0));
		out_write(", ", 2);
		print_mq_attr(c, dec_arg(c, 1), false);
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 2));
	else
		print_mq_attr(c, dec_arg(c, 2), false);
	return DEC_DONE;
}

enum dec_status
dec_mq_notify(struct sc_ctx *c)
{
	uint64_t addr = dec_arg(c, 1);

	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	/* timer_create's printer: the same struct, the same notation */
	dec_print_sigevent(c, addr);
	return DEC_DONE;
}
