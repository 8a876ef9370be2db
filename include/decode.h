/*
 * decode.h - the decoder interface: how a syscall's arguments are printed.
 *
 * A decoder gets a struct sc_ctx: the entry record (arguments), and at exit
 * the result.  It prints arguments only, through the dec_print_* helpers
 * here, which never fail: what cannot be read from the tracee prints as an
 * address.  Line punctuation ("name(", ") = ret") belongs to trace.c.
 */
#ifndef FTRACE_DECODE_H
#define FTRACE_DECODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <signal.h>
#include <sys/types.h>

#include "syscall_info.h"
#include "sysent.h"
#include "xlat.h"

struct tracee;

struct proc;

struct sc_ctx {
	pid_t tid;
	struct proc *proc;            /* the thread group (fd cache for -y) */
	const struct sysent *ent;
	const struct sc_rec *entry;   /* arguments (from the entry stop) */
	bool exiting;                 /* false at entry, true at exit */
	bool args_done;               /* exit: entry returned DEC_DONE */
	bool abbrev;                  /* abbreviate structs/arrays (no -v) */
	bool deref;                   /* decode pointed-to data (-e verbose) */
	bool raw;                     /* -e raw=: arguments as plain hex */
	/* restart_syscall: the call it resumes, when ftrace-c saw it cut */
	const struct sysent *interrupted;
	int64_t rval;                 /* exit only */
	bool is_error;                /* exit only */
	/*
	 * Kept from entry to exit for this syscall (e.g. a value read at
	 * entry that the kernel overwrites).  Zeroed at each entry.
	 */
	uint64_t *scratch;
	/*
	 * Set at exit to print a successful result in a special way (the
	 * "= " and what follows), e.g. "= 0x8002 (flags O_RDWR|O_LARGEFILE)".
	 */
	void (*print_rval)(struct sc_ctx *c);
};

#define DEC_SCRATCH_WORDS 4

/* Argument i as the tracee's word (already 32-bit for compat tracees). */
static inline uint64_t
dec_arg(const struct sc_ctx *c, unsigned i)
{
	return c->entry->args[i];
}

/* An fd, with "<path>" under -y (AT_FDCWD too, as the cwd). */
void dec_print_fd(struct sc_ctx *c, int fd);

/* Print argument i of kind letter k (see sysent.h) at entry or exit. */
void dec_print_kind(struct sc_ctx *c, unsigned i, char k);
/* Does kind letter k print at syscall exit? */
bool dec_kind_at_exit(char k);

void dec_print_ptr(uint64_t addr);
/* A path: the whole NUL-terminated string (PATH_MAX), or the address. */
void dec_print_path(pid_t tid, uint64_t addr);
/* A NUL-terminated string abbreviated at -s, or the address. */
void dec_print_str(pid_t tid, uint64_t addr);
/* len bytes abbreviated at -s, or the address. */
void dec_print_buf(pid_t tid, uint64_t addr, uint64_t len);
/* A NULL-terminated array of string pointers: ["a", "b"]. */
void dec_print_str_array(pid_t tid, uint64_t addr, unsigned wordsize);
/*
 * An iovec array: "[{iov_base="a", iov_len=1}, ...]".  The data shown
 * stops after limit bytes in all (readv: the return value), each buffer
 * abbreviated at -s, the array after -s elements.  payload prints one
 * buffer (NULL: as a string).
 */
void dec_print_iovec(struct sc_ctx *c, uint64_t addr, uint64_t count,
		     uint64_t limit,
		     void (*payload)(struct sc_ctx *c, uint64_t base, uint64_t n));
/*
 * Arrays of structs read element by element.  Before element i (readable:
 * it could be read) dec_array_elem prints "[" or ", ", and says whether
 * to print it (DEC_ELEM_PRINT), to stop ("..." after -s elements, ", ..."
 * at an unreadable one: DEC_ELEM_STOP), or that the array printed as its
 * address because not even the first element was readable
 * (DEC_ELEM_GONE: print nothing more).  dec_array_close ends it ("[]"
 * when nothing was opened).
 */
enum dec_elem { DEC_ELEM_PRINT, DEC_ELEM_STOP, DEC_ELEM_GONE };
enum dec_elem dec_array_elem(uint64_t addr, uint64_t i, bool readable,
			     bool *opened);
void dec_array_close(bool opened);

/* A NULL-terminated array as its address and count: 0x... plus "N vars". */
void dec_print_str_array_count(pid_t tid, uint64_t addr, unsigned wordsize);

/* Generic decoding from the sysent's argument letters. */
enum dec_status dec_generic(struct sc_ctx *c);
/* Unknown syscall numbers: six hex arguments. */
enum dec_status dec_unknown(struct sc_ctx *c);

/*
 * A value whose names come from several tables at once (open's access mode
 * plus flags, mmap's type plus flags, st_mode): names() prints them; -X
 * raw prints v in raw_fmt instead, -X verbose both.
 */
void dec_print_compound(uint64_t v, const char *raw_fmt,
			void (*names)(uint64_t v));

/*
 * Read n bytes of a struct at addr for printing.  When it cannot be shown
 * (addr NULL or unreadable) print the address as strace does ("NULL" or
 * 0x...) and return false.  dec_fetch_out is for what the kernel writes:
 * after a failed call it is not read, only its address printed.
 */
bool dec_fetch(struct sc_ctx *c, uint64_t addr, void *buf, size_t n);
bool dec_fetch_out(struct sc_ctx *c, uint64_t addr, void *buf, size_t n);

/* n tracee words (4 or 8 bytes each) at addr into 64-bit values; -1 if unreadable. */
int dec_read_words(struct sc_ctx *c, uint64_t addr, uint64_t *w, unsigned n);
/* "[N]": an int the kernel wrote at addr, or the address (also on error). */
void dec_print_int_out(struct sc_ctx *c, uint64_t addr);
/* A value by name, else strace's unknown form: 0x63 and the comment. */
void dec_print_xval_hex(const struct xlat *x, uint64_t v, const char *unknown);

/* A device number: makedev(0x1, 0x3); -X raw 0x103. */
void dec_print_makedev(uint64_t dev);

/* A constant that has a name: the name, or per -X raw_fmt / both. */
void dec_print_named(uint64_t v, const char *raw_fmt, const char *name);

/* Flags: "A|B|0x40" (unknown bits in hex); 0 prints as zero_name or "0". */
void dec_print_flags(const struct xlat *x, uint64_t v, const char *zero_name);
/* The same, but a non-zero v with no known flag prints as "0x10" with
 * the comment strace adds: unknown, e.g. "EFD_???" (src/decode/flags.c). */
void dec_print_flags_cmt(const struct xlat *x, uint64_t v,
			 const char *zero_name, const char *unknown);
/* A value by name, else the number (fmt_unknown, e.g. "%#llx") with the
 * comment strace adds: "0x7 / * SEEK_??? * /" (without the spaces). */
void dec_print_xval(const struct xlat *x, uint64_t v, const char *fmt_unknown,
		    const char *unknown_comment);

/*
 * Custom decoders named in src/syscalls.def, one section per family file
 * (src/decode/<family>.c).  Keep each section sorted.
 */

/* creds.c */
/* getgroups, getgroups32 */
/* compat.c: i386-only calls; socketcall is replaced by its subcall */
void compat_demux(struct tracee *t);
enum dec_status dec_llseek(struct sc_ctx *c);
enum dec_status dec_recv(struct sc_ctx *c);
enum dec_status dec_send(struct sc_ctx *c);
enum dec_status dec_set_thread_area(struct sc_ctx *c);
enum dec_status dec_sigreturn(struct sc_ctx *c);
/* clone's tls: a struct user_desc on i386, an address elsewhere */
void compat_print_tls(struct sc_ctx *c, uint64_t addr);

enum dec_status dec_getgroups(struct sc_ctx *c);
/* setgroups, setgroups32 */
enum dec_status dec_setgroups(struct sc_ctx *c);

/* process.c */
enum dec_status dec_restart_syscall(struct sc_ctx *c);
enum dec_status dec_arch_prctl(struct sc_ctx *c);
/* clone, clone_backwards */
enum dec_status dec_clone(struct sc_ctx *c);
enum dec_status dec_clone3(struct sc_ctx *c);
enum dec_status dec_execve(struct sc_ctx *c);
enum dec_status dec_execveat(struct sc_ctx *c);
/* futex, futex_time64 */
enum dec_status dec_futex(struct sc_ctx *c);
enum dec_status dec_get_robust_list(struct sc_ctx *c);
enum dec_status dec_getrandom(struct sc_ctx *c);
/* getrlimit, ugetrlimit, setrlimit */
enum dec_status dec_getrlimit(struct sc_ctx *c);
enum dec_status dec_getrusage(struct sc_ctx *c);
/* kill, tkill, tgkill */
/* ioprio_get, ioprio_set */
enum dec_status dec_ioprio(struct sc_ctx *c);
enum dec_status dec_kill(struct sc_ctx *c);
enum dec_status dec_membarrier(struct sc_ctx *c);
enum dec_status dec_personality(struct sc_ctx *c);
enum dec_status dec_prctl(struct sc_ctx *c);
/* getpriority, setpriority */
enum dec_status dec_priority(struct sc_ctx *c);
enum dec_status dec_prlimit64(struct sc_ctx *c);
/* sched_get_priority_max, sched_get_priority_min */
enum dec_status dec_sched_get_priority(struct sc_ctx *c);
enum dec_status dec_sched_getaffinity(struct sc_ctx *c);
enum dec_status dec_sched_getattr(struct sc_ctx *c);
enum dec_status dec_sched_getparam(struct sc_ctx *c);
enum dec_status dec_sched_getscheduler(struct sc_ctx *c);
/* sched_rr_get_interval, sched_rr_get_interval_time64 */
enum dec_status dec_sched_rr_get_interval(struct sc_ctx *c);
enum dec_status dec_sched_setaffinity(struct sc_ctx *c);
enum dec_status dec_sched_setattr(struct sc_ctx *c);
/* sched_setscheduler, sched_setparam */
enum dec_status dec_sched_setscheduler(struct sc_ctx *c);
enum dec_status dec_setns(struct sc_ctx *c);
enum dec_status dec_sysinfo(struct sc_ctx *c);
enum dec_status dec_times(struct sc_ctx *c);
enum dec_status dec_uname(struct sc_ctx *c);
enum dec_status dec_unshare(struct sc_ctx *c);
enum dec_status dec_wait4(struct sc_ctx *c);
enum dec_status dec_waitid(struct sc_ctx *c);

/* file.c, desc.c, stat.c (and ioctl.c, poll.c) */
enum dec_status dec_access(struct sc_ctx *c);
enum dec_status dec_close_range(struct sc_ctx *c);
enum dec_status dec_copy_file_range(struct sc_ctx *c);
/* dup2, dup3 */
enum dec_status dec_dup3(struct sc_ctx *c);
enum dec_status dec_epoll_create1(struct sc_ctx *c);
enum dec_status dec_epoll_ctl(struct sc_ctx *c);
/* epoll_wait, epoll_pwait, epoll_pwait2 */
enum dec_status dec_epoll_wait(struct sc_ctx *c);
enum dec_status dec_eventfd2(struct sc_ctx *c);
/* faccessat, faccessat2 */
enum dec_status dec_faccessat(struct sc_ctx *c);
enum dec_status dec_fadvise64(struct sc_ctx *c);
enum dec_status dec_fallocate(struct sc_ctx *c);
enum dec_status dec_fchownat(struct sc_ctx *c);
enum dec_status dec_fcntl(struct sc_ctx *c);
/* sync_file_range, splice, tee, vmsplice: the last argument is flags */
enum dec_status dec_flags_last(struct sc_ctx *c);
enum dec_status dec_flock(struct sc_ctx *c);
/* getdents, getdents64 */
enum dec_status dec_getdents(struct sc_ctx *c);
enum dec_status dec_inotify_add_watch(struct sc_ctx *c);
enum dec_status dec_inotify_init1(struct sc_ctx *c);
enum dec_status dec_ioctl(struct sc_ctx *c);
enum dec_status dec_linkat(struct sc_ctx *c);
enum dec_status dec_lseek(struct sc_ctx *c);
enum dec_status dec_memfd_create(struct sc_ctx *c);
/* mknod, mknodat */
enum dec_status dec_mknod(struct sc_ctx *c);
enum dec_status dec_newfstatat(struct sc_ctx *c);
enum dec_status dec_open(struct sc_ctx *c);
enum dec_status dec_openat(struct sc_ctx *c);
enum dec_status dec_openat2(struct sc_ctx *c);
/* pipe, pipe2 */
enum dec_status dec_pipe(struct sc_ctx *c);
/* poll, ppoll */
enum dec_status dec_poll(struct sc_ctx *c);
/* readv, preadv, preadv2 */
enum dec_status dec_readv(struct sc_ctx *c);
enum dec_status dec_renameat2(struct sc_ctx *c);
/* select, pselect6 */
enum dec_status dec_select(struct sc_ctx *c);
enum dec_status dec_sendfile(struct sc_ctx *c);
/* setxattr, lsetxattr, fsetxattr */
enum dec_status dec_setxattr(struct sc_ctx *c);
/* stat, lstat, fstat */
enum dec_status dec_stat(struct sc_ctx *c);
/* statfs, fstatfs */
enum dec_status dec_statfs(struct sc_ctx *c);
enum dec_status dec_statfs64(struct sc_ctx *c);
enum dec_status dec_statx(struct sc_ctx *c);
enum dec_status dec_umask(struct sc_ctx *c);
enum dec_status dec_unlinkat(struct sc_ctx *c);
enum dec_status dec_utimensat(struct sc_ctx *c);
/* writev, pwritev, pwritev2 */
enum dec_status dec_writev(struct sc_ctx *c);
/* AT_SYMLINK_NOFOLLOW|AT_EMPTY_PATH...; 0 as "0" */
void dec_print_at_flags(uint64_t v);
/* O_CLOEXEC|O_NONBLOCK... without an access mode; 0 as "0" */
void dec_print_fd_flags(const struct sc_ctx *c, uint64_t v);
/* O_RDWR|O_CREAT...: the access mode, then the flags */
void dec_print_open_flags(const struct sc_ctx *c, uint64_t v);
/* open(2) flag names with the values of the record's arch */
const struct xlat *dec_open_flag_table(const struct sc_ctx *c);
/* "S_IFREG|0644" */
void dec_print_stat_mode(uint32_t mode);
/* The date comment strace puts after a time: 2026-11-20T08:18:21.3+0000 */
void dec_print_time_comment(int64_t sec, uint64_t nsec);

/* mem.c */
enum dec_status dec_madvise(struct sc_ctx *c);
enum dec_status dec_mlock2(struct sc_ctx *c);
enum dec_status dec_mlockall(struct sc_ctx *c);
enum dec_status dec_mmap(struct sc_ctx *c);
enum dec_status dec_mmap2(struct sc_ctx *c);
/* mprotect, pkey_mprotect */
enum dec_status dec_mprotect(struct sc_ctx *c);
enum dec_status dec_mremap(struct sc_ctx *c);
enum dec_status dec_msync(struct sc_ctx *c);
enum dec_status dec_old_mmap(struct sc_ctx *c);
/* PROT_READ|PROT_WRITE; 0 as PROT_NONE */
void dec_print_prot(uint64_t prot);

/* signal.c, time.c */
/* struct sigevent (timer_create, mq_notify), or its address */
void dec_print_sigevent(struct sc_ctx *c, uint64_t addr);
enum dec_status dec_clock_gettime(struct sc_ctx *c);
enum dec_status dec_clock_nanosleep(struct sc_ctx *c);
enum dec_status dec_clock_settime(struct sc_ctx *c);
enum dec_status dec_getitimer(struct sc_ctx *c);
enum dec_status dec_gettimeofday(struct sc_ctx *c);
enum dec_status dec_nanosleep(struct sc_ctx *c);
enum dec_status dec_rt_sigaction(struct sc_ctx *c);
enum dec_status dec_rt_sigpending(struct sc_ctx *c);
enum dec_status dec_rt_sigprocmask(struct sc_ctx *c);
enum dec_status dec_rt_sigqueueinfo(struct sc_ctx *c);
enum dec_status dec_rt_sigreturn(struct sc_ctx *c);
enum dec_status dec_rt_sigsuspend(struct sc_ctx *c);
/* rt_sigtimedwait, rt_sigtimedwait_time64 */
enum dec_status dec_rt_sigtimedwait(struct sc_ctx *c);
enum dec_status dec_rt_tgsigqueueinfo(struct sc_ctx *c);
enum dec_status dec_setitimer(struct sc_ctx *c);
enum dec_status dec_settimeofday(struct sc_ctx *c);
enum dec_status dec_sigaltstack(struct sc_ctx *c);
/* signalfd, signalfd4 */
enum dec_status dec_signalfd(struct sc_ctx *c);
enum dec_status dec_time(struct sc_ctx *c);
enum dec_status dec_timer_create(struct sc_ctx *c);
enum dec_status dec_timer_gettime(struct sc_ctx *c);
enum dec_status dec_timer_settime(struct sc_ctx *c);
enum dec_status dec_timerfd_create(struct sc_ctx *c);
enum dec_status dec_timerfd_gettime(struct sc_ctx *c);
enum dec_status dec_timerfd_settime(struct sc_ctx *c);
/* A sigset of size bytes: "[INT TERM]", "~[RTMIN RT_1]"; sizes other
 * than 8 (x86_64's, strace's rule) print as the address. */
void dec_print_sigset(pid_t tid, uint64_t addr, uint64_t size);
/* The same for a tracee of that word size (4: sizes 4..8 are decoded). */
void dec_print_sigset_ws(pid_t tid, uint64_t addr, uint64_t size,
			 unsigned wordsize);
/* A clock id: "CLOCK_MONOTONIC", or "0xc / * CLOCK_??? * /". */
void dec_print_clockid(uint64_t id);
/* "{tv_sec=1, tv_nsec=2}" from the tracee (ts64: 64-bit fields), NULL,
 * or the address when unreadable. */
void dec_print_timespec(struct sc_ctx *c, uint64_t addr, bool ts64);

/* net.c, ipc.c */
enum dec_status dec_accept4(struct sc_ctx *c);
enum dec_status dec_getsockopt(struct sc_ctx *c);
enum dec_status dec_mq_getsetattr(struct sc_ctx *c);
enum dec_status dec_mq_notify(struct sc_ctx *c);
enum dec_status dec_mq_open(struct sc_ctx *c);
enum dec_status dec_mq_timedreceive(struct sc_ctx *c);
enum dec_status dec_mq_timedsend(struct sc_ctx *c);
enum dec_status dec_msgctl(struct sc_ctx *c);
enum dec_status dec_msgget(struct sc_ctx *c);
enum dec_status dec_msgrcv(struct sc_ctx *c);
enum dec_status dec_msgsnd(struct sc_ctx *c);
enum dec_status dec_recvfrom(struct sc_ctx *c);
enum dec_status dec_recvmmsg(struct sc_ctx *c);
enum dec_status dec_recvmsg(struct sc_ctx *c);
enum dec_status dec_semctl(struct sc_ctx *c);
enum dec_status dec_semget(struct sc_ctx *c);
/* semop, semtimedop (a timeout when the entry has a 4th argument) */
enum dec_status dec_semop(struct sc_ctx *c);
enum dec_status dec_sendmmsg(struct sc_ctx *c);
enum dec_status dec_sendmsg(struct sc_ctx *c);
enum dec_status dec_sendto(struct sc_ctx *c);
enum dec_status dec_setsockopt(struct sc_ctx *c);
enum dec_status dec_shmat(struct sc_ctx *c);
enum dec_status dec_shmctl(struct sc_ctx *c);
enum dec_status dec_shmget(struct sc_ctx *c);
enum dec_status dec_shutdown(struct sc_ctx *c);
/* bind, connect: an input sockaddr and its length */
enum dec_status dec_sockaddr_in(struct sc_ctx *c);
/* accept, getsockname, getpeername: an output sockaddr, in/out length */
enum dec_status dec_sockaddr_out(struct sc_ctx *c);
enum dec_status dec_socket(struct sc_ctx *c);
enum dec_status dec_socketpair(struct sc_ctx *c);
/* netlink.c (for the socket decoders): is fd a NETLINK_ROUTE socket
 * (the fd cache knows); print the netlink messages in len bytes */
bool dec_netlink_is_route(struct sc_ctx *c, int fd);
void dec_print_netlink(struct sc_ctx *c, uint64_t addr, uint64_t len);

/* "{si_signo=SIGCHLD, si_code=CLD_EXITED, ...}" */
void dec_print_siginfo(const siginfo_t *si);
/* Read a siginfo of the record's layout (compat i386 too) as native. */
bool dec_fetch_siginfo(const struct sc_ctx *c, uint64_t addr, siginfo_t *si);
/* "SIGINT", or the number when it has no name. */
void dec_print_signame(int sig);
/* The name whatever -X says (trace lines, wait statuses), else the number. */
void dec_print_signame_plain(int sig);

#endif /* FTRACE_DECODE_H */
