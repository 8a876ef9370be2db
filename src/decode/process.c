/*
 * decode/process.c - process syscalls: execve, execveat, clone, clone3,
 * wait4, waitid, kill/tkill/tgkill, rlimits, rusage, uname, getrandom,
 * futex, unshare/setns.  prctl.c and sched.c hold the rest of the family.
 *
 * Many of these print some arguments only at syscall exit (what the kernel
 * wrote), and strace shows only the fields the flags say are used.
 */
#include <signal.h>
#include <string.h>

#include "decode.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/*
 * execve(path, argv, envp): everything is printed at entry, because after
 * a successful exec the old memory image is gone.  envp is summarised as
 * its address and count, as strace does without -v (in full with -v).
 */
/*
 * With -v (no abbreviation) strace prints every element of argv and envp;
 * dec_print_str_array() stops after -s elements, as strace does without.
 */
static void
print_str_array_all(pid_t tid, uint64_t addr, unsigned ws)
{
	unsigned i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	for (i = 0;; i++) {
		uint64_t elem;

		if (umem_read_word(tid, addr + (uint64_t)i * ws, ws, &elem) < 0) {
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
		dec_print_str(tid, elem);
	}
	if (i == 0)
		out_write("[", 1);
	out_write("]", 1);
}

static void
print_exec_args(struct sc_ctx *c, unsigned first)
{
	unsigned ws = c->entry->wordsize;

	dec_print_path(c->tid, dec_arg(c, first));
	out_write(", ", 2);
	if (c->abbrev)
		dec_print_str_array(c->tid, dec_arg(c, first + 1), ws);
	else
		print_str_array_all(c->tid, dec_arg(c, first + 1), ws);
	out_write(", ", 2);
	/* -v: the environment in full, like argv */
	if (c->abbrev)
		dec_print_str_array_count(c->tid, dec_arg(c, first + 2), ws);
	else
		print_str_array_all(c->tid, dec_arg(c, first + 2), ws);
}

enum dec_status
dec_execve(struct sc_ctx *c)
{
	if (!c->exiting)
		print_exec_args(c, 0);
	return DEC_DONE;
}

enum dec_status
dec_execveat(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_kind(c, 0, 'a');
	out_write(", ", 2);
	print_exec_args(c, 1);
	out_write(", ", 2);
	dec_print_at_flags(dec_arg(c, 4));
	return DEC_DONE;
}

/* ---- clone, clone3 ---- */

static const struct xlat_entry clone_flag_names[] = {
	XLAT_PAIR(0x100, "CLONE_VM"), XLAT_PAIR(0x200, "CLONE_FS"),
	XLAT_PAIR(0x400, "CLONE_FILES"), XLAT_PAIR(0x800, "CLONE_SIGHAND"),
	XLAT_PAIR(0x1000, "CLONE_PIDFD"), XLAT_PAIR(0x2000, "CLONE_PTRACE"),
	XLAT_PAIR(0x4000, "CLONE_VFORK"), XLAT_PAIR(0x8000, "CLONE_PARENT"),
	XLAT_PAIR(0x10000, "CLONE_THREAD"), XLAT_PAIR(0x20000, "CLONE_NEWNS"),
	XLAT_PAIR(0x40000, "CLONE_SYSVSEM"),
	XLAT_PAIR(0x80000, "CLONE_SETTLS"),
	XLAT_PAIR(0x100000, "CLONE_PARENT_SETTID"),
	XLAT_PAIR(0x200000, "CLONE_CHILD_CLEARTID"),
	XLAT_PAIR(0x800000, "CLONE_UNTRACED"),
	XLAT_PAIR(0x1000000, "CLONE_CHILD_SETTID"),
	XLAT_PAIR(0x2000000, "CLONE_NEWCGROUP"),
	XLAT_PAIR(0x4000000, "CLONE_NEWUTS"),
	XLAT_PAIR(0x8000000, "CLONE_NEWIPC"),
	XLAT_PAIR(0x10000000, "CLONE_NEWUSER"),
	XLAT_PAIR(0x20000000, "CLONE_NEWPID"),
	XLAT_PAIR(0x40000000, "CLONE_NEWNET"),
	XLAT_PAIR(0x80000000, "CLONE_IO"),
	/* clone3 only: in clone these bits are the exit signal */
	XLAT_PAIR(0x80, "CLONE_NEWTIME"),
	XLAT_PAIR(0x100000000ULL, "CLONE_CLEAR_SIGHAND"),
	XLAT_PAIR(0x200000000ULL, "CLONE_INTO_CGROUP"),
};
static const struct xlat clone3_flags = XLAT_TABLE(clone_flag_names);
/* clone() names only the bits below CLONE_NEWTIME: the rest are new */
static const struct xlat clone_flags = {
	clone_flag_names, sizeof(clone_flag_names) / sizeof(clone_flag_names[0]) - 3
};

#define CL_PIDFD 0x1000ULL
#define CL_SETTLS 0x80000ULL
#define CL_PARENT_SETTID 0x100000ULL
#define CL_CHILD_CLEARTID 0x200000ULL
#define CL_CHILD_SETTID 0x1000000ULL
#define CL_INTO_CGROUP 0x200000000ULL

/*
 * clone(flags, stack, parent_tid, child_tid, tls) on x86_64;
 * clone_backwards (i386) swaps tls and child_tid.  The pointer fields
 * show only when a flag says the kernel uses them, after the call.
 */
enum dec_status
dec_clone(struct sc_ctx *c)
{
	uint64_t fl = dec_arg(c, 0);
	bool bw = c->ent == &sysent_table[SC_clone_backwards];
	uint64_t tls = dec_arg(c, bw ? 3 : 4), ctid = dec_arg(c, bw ? 4 : 3);
	uint64_t rest = fl & ~0xffULL;
	int sig = (int)(fl & 0xff);

	if (!c->exiting) {
		out_write("child_stack=", 12);
		dec_print_ptr(dec_arg(c, 1));
		out_write(", flags=", 8);
		if (rest)
			dec_print_flags(&clone_flags, rest, NULL);
		if (sig) {
			if (rest)
				out_write("|", 1);
			dec_print_signame(sig);
		}
		if (!fl)
			out_write("0", 1);
		if (fl & (CL_PARENT_SETTID | CL_PIDFD | CL_SETTLS |
			  CL_CHILD_SETTID | CL_CHILD_CLEARTID))
			return DEC_MORE;
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (fl & (CL_PARENT_SETTID | CL_PIDFD)) {
		out_write(", parent_tid=", 13);
		dec_print_int_out(c, dec_arg(c, 2));
	}
	if (fl & CL_SETTLS) {
		out_write(", tls=", 6);
		compat_print_tls(c, tls);
	}
	if (fl & (CL_CHILD_SETTID | CL_CHILD_CLEARTID)) {
		out_write(", child_tidptr=", 15);
		dec_print_ptr(ctid);
	}
	return DEC_DONE;
}

struct clone_args64 {
	uint64_t flags, pidfd, child_tid, parent_tid, exit_signal, stack,
		stack_size, tls, set_tid, set_tid_size, cgroup;
};

static void
print_clone3_args(struct sc_ctx *c, const struct clone_args64 *a,
		  uint64_t size)
{
	out_write("{flags=", 7);
	dec_print_flags_cmt(&clone3_flags, a->flags, "0", "CLONE_???");
	if (a->flags & CL_PIDFD) {
		out_write(", pidfd=", 8);
		dec_print_ptr(a->pidfd);
	}
	if (a->flags & (CL_CHILD_SETTID | CL_CHILD_CLEARTID)) {
		out_write(", child_tid=", 12);
		dec_print_ptr(a->child_tid);
	}
	if (a->flags & CL_PARENT_SETTID) {
		out_write(", parent_tid=", 13);
		dec_print_ptr(a->parent_tid);
	}
	out_write(", exit_signal=", 14);
	if (a->exit_signal > 0 && a->exit_signal < 128)
		dec_print_signame((int)a->exit_signal);
	else
		out_printf("%llu", (unsigned long long)a->exit_signal);
	out_write(", stack=", 8);
	dec_print_ptr(a->stack);
	out_printf(", stack_size=%#llx", (unsigned long long)a->stack_size);
	if (a->flags & CL_SETTLS) {
		out_write(", tls=", 6);
		compat_print_tls(c, a->tls);
	}
	if (size >= 80 && (a->set_tid || a->set_tid_size)) {
		int32_t tids[32];
		uint64_t n = a->set_tid_size;

		out_write(", set_tid=", 10);
		if (n > 32 || !a->set_tid ||
		    umem_read(c->tid, a->set_tid, tids, n * 4) < 0) {
			dec_print_ptr(a->set_tid);
		} else {
			out_write("[", 1);
			for (unsigned i = 0; i < n; i++)
				out_printf("%s%d", i ? ", " : "", tids[i]);
			out_write("]", 1);
		}
		out_printf(", set_tid_size=%llu",
			   (unsigned long long)a->set_tid_size);
	}
	if (size >= 88 && (a->flags & CL_INTO_CGROUP))
		out_printf(", cgroup=%llu", (unsigned long long)a->cgroup);
	out_write("}", 1);
}

/*
 * clone3(args, size): the struct at entry; the pidfd and parent tid the
 * kernel stored show after the call as " => {pidfd=[N], parent_tid=[N]}".
 * scratch[0] remembers whether entry read the struct.
 */
enum dec_status
dec_clone3(struct sc_ctx *c)
{
	struct clone_args64 a = { 0 };
	uint64_t addr = dec_arg(c, 0), size = dec_arg(c, 1);
	size_t n = size > sizeof(a) ? sizeof(a) : (size_t)size;

	if (!c->exiting) {
		if (size < 64 || umem_read(c->tid, addr, &a, n) < 0) {
			dec_print_ptr(addr);
		} else {
			print_clone3_args(c, &a, size);
			if (a.flags & (CL_PIDFD | CL_PARENT_SETTID)) {
				c->scratch[0] = 1;
				c->scratch[1] = a.flags;
				c->scratch[2] = a.pidfd;
				c->scratch[3] = a.parent_tid;
				return DEC_MORE;
			}
		}
		out_printf(", %llu", (unsigned long long)size);
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (!c->is_error) {
		const char *sep = "";

		out_write(" => {", 5);
		if (c->scratch[1] & CL_PIDFD) {
			out_write("pidfd=", 6);
			dec_print_int_out(c, c->scratch[2]);
			sep = ", ";
		}
		if (c->scratch[1] & CL_PARENT_SETTID) {
			out_printf("%sparent_tid=", sep);
			dec_print_int_out(c, c->scratch[3]);
		}
		out_write("}", 1);
	}
	out_printf(", %llu", (unsigned long long)size);
	return DEC_DONE;
}

/* ---- wait4, waitid ---- */

static const struct xlat_entry wait_opt_names[] = {
	XLAT_PAIR(0x1, "WNOHANG"), XLAT_PAIR(0x4, "WEXITED"),
	XLAT_PAIR(0x2, "WSTOPPED"), XLAT_PAIR(0x8, "WCONTINUED"),
	XLAT_PAIR(0x1000000, "WNOWAIT"), XLAT_PAIR(0x20000000, "__WNOTHREAD"),
	XLAT_PAIR(0x40000000, "__WALL"), XLAT_PAIR(0x80000000, "__WCLONE"),
};
static const struct xlat wait_opts = XLAT_TABLE(wait_opt_names);

static const struct xlat_entry ptrace_event_names[] = {
	XLAT_PAIR(1, "PTRACE_EVENT_FORK"), XLAT_PAIR(2, "PTRACE_EVENT_VFORK"),
	XLAT_PAIR(3, "PTRACE_EVENT_CLONE"), XLAT_PAIR(4, "PTRACE_EVENT_EXEC"),
	XLAT_PAIR(5, "PTRACE_EVENT_VFORK_DONE"),
	XLAT_PAIR(6, "PTRACE_EVENT_EXIT"), XLAT_PAIR(7, "PTRACE_EVENT_SECCOMP"),
	XLAT_PAIR(128, "PTRACE_EVENT_STOP"),
};
static const struct xlat ptrace_events = XLAT_TABLE(ptrace_event_names);

static void
print_wait_status(int s)
{
	int ev = (unsigned)s >> 16;

	out_write("[{", 2);
	if ((s & 0x7f) == 0) {
		out_printf("WIFEXITED(s) && WEXITSTATUS(s) == %d",
			   (s >> 8) & 0xff);
		ev = 0;
	} else if ((s & 0xff) == 0x7f) {
		out_write("WIFSTOPPED(s) && WSTOPSIG(s) == ", 32);
		dec_print_signame_plain((s >> 8) & 0xff);
	} else if (s == 0xffff) {
		out_write("WIFCONTINUED(s)", 15);
		ev = 0;
	} else {
		out_write("WIFSIGNALED(s) && WTERMSIG(s) == ", 33);
		dec_print_signame_plain(s & 0x7f);
		if (s & 0x80)
			out_write(" && WCOREDUMP(s)", 16);
		ev = 0;
	}
	out_write("}", 1);
	if (ev) {
		out_write("|", 1);
		dec_print_xval_hex(&ptrace_events, (unsigned)ev, NULL);
		out_write("<<16", 4);
	}
	out_write("]", 1);
}

static void
print_timeval_words(const uint64_t *w, bool w32)
{
	int64_t sec = w32 ? (int32_t)w[0] : (int64_t)w[0];
	int64_t usec = w32 ? (int32_t)w[1] : (int64_t)w[1];

	out_printf("{tv_sec=%lld, tv_usec=%lld}", (long long)sec,
		   (long long)usec);
}

static const char *const rusage_longs[] = {
	"ru_maxrss", "ru_ixrss", "ru_idrss", "ru_isrss", "ru_minflt",
	"ru_majflt", "ru_nswap", "ru_inblock", "ru_oublock", "ru_msgsnd",
	"ru_msgrcv", "ru_nsignals", "ru_nvcsw", "ru_nivcsw",
};

static void
print_rusage(struct sc_ctx *c, uint64_t addr)
{
	uint64_t w[18];
	bool w32 = c->entry->wordsize == 4;
	unsigned i;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if (c->is_error || dec_read_words(c, addr, w, 18) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{ru_utime=", 10);
	print_timeval_words(w, w32);
	out_write(", ru_stime=", 11);
	print_timeval_words(w + 2, w32);
	if (c->abbrev) {
		out_write(", ...}", 6);
		return;
	}
	for (i = 0; i < 14; i++)
		out_printf(", %s=%lld", rusage_longs[i],
			   (long long)(w32 ? (int32_t)w[4 + i]
					   : (int64_t)w[4 + i]));
	out_write("}", 1);
}

/* wait4(pid, status, options, rusage): all but pid print at exit. */
enum dec_status
dec_wait4(struct sc_ctx *c)
{
	uint64_t st = dec_arg(c, 1);
	int32_t s;

	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (!st)
		out_write("NULL", 4);
	else if (c->is_error || c->rval == 0 ||
		 umem_read(c->tid, st, &s, 4) < 0)
		dec_print_ptr(st);
	else
		print_wait_status(s);
	out_write(", ", 2);
	dec_print_flags_cmt(&wait_opts, (uint32_t)dec_arg(c, 2), "0", "W???");
	if (c->ent->nargs > 3) {
		out_write(", ", 2);
		print_rusage(c, dec_arg(c, 3));
	}
	return DEC_DONE;
}

static const struct xlat_entry idtype_names[] = {
	XLAT_PAIR(0, "P_ALL"), XLAT_PAIR(1, "P_PID"), XLAT_PAIR(2, "P_PGID"),
	XLAT_PAIR(3, "P_PIDFD"),
};
static const struct xlat idtypes = XLAT_TABLE(idtype_names);

/* waitid(idtype, id, infop, options, rusage) */
enum dec_status
dec_waitid(struct sc_ctx *c)
{
	uint64_t ip = dec_arg(c, 2);
	siginfo_t si;

	if (!c->exiting) {
		dec_print_xval_hex(&idtypes, (uint32_t)dec_arg(c, 0), "P_???");
		out_printf(", %d, ", (int)dec_arg(c, 1));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (!ip)
		out_write("NULL", 4);
	else if (c->is_error || !dec_fetch_siginfo(c, ip, &si))
		dec_print_ptr(ip);
	else if (!si.si_signo)
		out_write("{}", 2);
	else
		dec_print_siginfo(&si);
	out_write(", ", 2);
	dec_print_flags_cmt(&wait_opts, (uint32_t)dec_arg(c, 3), "0", "W???");
	out_write(", ", 2);
	print_rusage(c, dec_arg(c, 4));
	return DEC_DONE;
}

/* ---- kill, tkill, tgkill: ids, then the signal ---- */

enum dec_status
dec_kill(struct sc_ctx *c)
{
	unsigned i, n = c->ent->nargs;

	if (c->exiting || n == 0)
		return DEC_DONE;
	for (i = 0; i + 1 < n; i++)
		out_printf("%d, ", (int)dec_arg(c, i));
	dec_print_signame((int)dec_arg(c, n - 1));
	return DEC_DONE;
}

/* ---- rlimits ---- */

static const struct xlat_entry rlimit_names[] = {
	XLAT_PAIR(0, "RLIMIT_CPU"), XLAT_PAIR(1, "RLIMIT_FSIZE"),
	XLAT_PAIR(2, "RLIMIT_DATA"), XLAT_PAIR(3, "RLIMIT_STACK"),
	XLAT_PAIR(4, "RLIMIT_CORE"), XLAT_PAIR(5, "RLIMIT_RSS"),
	XLAT_PAIR(6, "RLIMIT_NPROC"), XLAT_PAIR(7, "RLIMIT_NOFILE"),
	XLAT_PAIR(8, "RLIMIT_MEMLOCK"), XLAT_PAIR(9, "RLIMIT_AS"),
	XLAT_PAIR(10, "RLIMIT_LOCKS"), XLAT_PAIR(11, "RLIMIT_SIGPENDING"),
	XLAT_PAIR(12, "RLIMIT_MSGQUEUE"), XLAT_PAIR(13, "RLIMIT_NICE"),
	XLAT_PAIR(14, "RLIMIT_RTPRIO"), XLAT_PAIR(15, "RLIMIT_RTTIME"),
};
static const struct xlat rlimits = XLAT_TABLE(rlimit_names);

static void
print_rlim_name(uint64_t v, uint64_t inf, const char *inf_name)
{
	if (v == inf)
		out_puts(inf_name);
	else if (v > 1024 && v % 1024 == 0)
		out_printf("%llu*1024", (unsigned long long)(v / 1024));
	else
		out_printf("%llu", (unsigned long long)v);
}

/* -X raw: the plain number; -X verbose: the number and the name form */
static void
print_rlim_val(uint64_t v, uint64_t inf, const char *inf_name)
{
	bool named = v == inf || (v > 1024 && v % 1024 == 0);

	if (opts.xmode == XMODE_ABBREV || !named) {
		print_rlim_name(v, inf, inf_name);
		return;
	}
	out_printf("%llu", (unsigned long long)v);
	if (opts.xmode == XMODE_VERBOSE) {
		out_write(" /* ", 4);
		print_rlim_name(v, inf, inf_name);
		out_write(" */", 3);
	}
}

/* A struct rlimit: 64-bit fields (prlimit64) or the tracee's longs. */
static void
print_rlimit(struct sc_ctx *c, uint64_t addr, bool is64)
{
	uint64_t w[2];
	bool w32 = !is64 && c->entry->wordsize == 4;
	uint64_t inf = w32 ? 0xffffffffULL : ~0ULL;
	const char *name = is64 ? "RLIM64_INFINITY" : "RLIM_INFINITY";

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	if ((is64 ? umem_read(c->tid, addr, w, 16) : dec_read_words(c, addr, w, 2)) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("{rlim_cur=", 10);
	print_rlim_val(w[0], inf, name);
	out_write(", rlim_max=", 11);
	print_rlim_val(w[1], inf, name);
	out_write("}", 1);
}

/* prlimit64(pid, resource, new, old): old prints at exit. */
enum dec_status
dec_prlimit64(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		dec_print_xval_hex(&rlimits, (uint32_t)dec_arg(c, 1), "RLIMIT_???");
		out_write(", ", 2);
		print_rlimit(c, dec_arg(c, 2), true);
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 3));
	else
		print_rlimit(c, dec_arg(c, 3), true);
	return DEC_DONE;
}

/* getrlimit/ugetrlimit (output at exit), setrlimit (input) */
enum dec_status
dec_getrlimit(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_xval_hex(&rlimits, (uint32_t)dec_arg(c, 0), "RLIMIT_???");
		out_write(", ", 2);
		if (c->ent != &sysent_table[SC_setrlimit])
			return DEC_MORE;
		print_rlimit(c, dec_arg(c, 1), false);
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_rlimit(c, dec_arg(c, 1), false);
	return DEC_DONE;
}

/* ---- getrusage ---- */

static const struct xlat_entry rusage_who_names[] = {
	XLAT_PAIR(0, "RUSAGE_SELF"), XLAT_PAIR(0xffffffffULL, "RUSAGE_CHILDREN"),
	XLAT_PAIR(1, "RUSAGE_THREAD"),
};
static const struct xlat rusage_who = XLAT_TABLE(rusage_who_names);

enum dec_status
dec_getrusage(struct sc_ctx *c)
{
	if (!c->exiting) {
		dec_print_xval_hex(&rusage_who, (uint32_t)dec_arg(c, 0),
			       "RUSAGE_???");
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (!c->args_done)
		print_rusage(c, dec_arg(c, 1));
	return DEC_DONE;
}

/* ---- uname ---- */

enum dec_status
dec_uname(struct sc_ctx *c)
{
	static const char *const fields[] = {
		"sysname", "nodename", "release", "version", "machine",
		"domainname",
	};
	static char buf[6 * 65];
	uint64_t addr = dec_arg(c, 0);
	unsigned i, n = c->abbrev ? 2 : 6;

	if (!c->exiting)
		return DEC_MORE;
	if (c->args_done)
		return DEC_DONE;
	if (!dec_fetch_out(c, addr, buf, sizeof(buf)))
		return DEC_DONE;
	for (i = 0; i < n; i++) {
		out_printf("%s%s=", i ? ", " : "{", fields[i]);
		dec_print_path(c->tid, addr + i * 65);
	}
	out_write(c->abbrev ? ", ...}" : "}", c->abbrev ? 6 : 1);
	return DEC_DONE;
}

/* ---- getrandom: the bytes are random, so always in hex ---- */

static const struct xlat_entry grnd_names[] = {
	XLAT_PAIR(1, "GRND_NONBLOCK"), XLAT_PAIR(2, "GRND_RANDOM"),
	XLAT_PAIR(4, "GRND_INSECURE"),
};
static const struct xlat grnd = XLAT_TABLE(grnd_names);

enum dec_status
dec_getrandom(struct sc_ctx *c)
{
	static char raw[4096];
	static char q[FMT_QUOTE_SIZE(4096)];
	uint64_t addr = dec_arg(c, 0), len = (uint64_t)c->rval;
	unsigned max = opts.max_strlen < sizeof(raw) ? opts.max_strlen
						      : sizeof(raw);
	size_t n;

	if (!c->exiting)
		return DEC_MORE;
	if (c->args_done)
		return DEC_DONE;
	n = len < max ? (size_t)len : max;
	if (c->is_error || (n && umem_read(c->tid, addr, raw, n) < 0)) {
		dec_print_ptr(addr);
	} else {
		out_write(q, fmt_quote_hex(q, raw, n));
		if (len > n)
			out_write("...", 3);
	}
	out_printf(", %llu, ", (unsigned long long)dec_arg(c, 1));
	dec_print_flags_cmt(&grnd, (uint32_t)dec_arg(c, 2), "0", "GRND_???");
	return DEC_DONE;
}

/* ---- futex ---- */

enum {
	FX_WAIT, FX_WAKE, FX_FD, FX_REQUEUE, FX_CMP_REQUEUE, FX_WAKE_OP,
	FX_LOCK_PI, FX_UNLOCK_PI, FX_TRYLOCK_PI, FX_WAIT_BITSET,
	FX_WAKE_BITSET, FX_WAIT_REQUEUE_PI, FX_CMP_REQUEUE_PI, FX_LOCK_PI2,
};

static const char *const futex_cmds[] = {
	[FX_WAIT] = "FUTEX_WAIT", [FX_WAKE] = "FUTEX_WAKE",
	[FX_FD] = "FUTEX_FD", [FX_REQUEUE] = "FUTEX_REQUEUE",
	[FX_CMP_REQUEUE] = "FUTEX_CMP_REQUEUE", [FX_WAKE_OP] = "FUTEX_WAKE_OP",
	[FX_LOCK_PI] = "FUTEX_LOCK_PI", [FX_UNLOCK_PI] = "FUTEX_UNLOCK_PI",
	[FX_TRYLOCK_PI] = "FUTEX_TRYLOCK_PI",
	[FX_WAIT_BITSET] = "FUTEX_WAIT_BITSET",
	[FX_WAKE_BITSET] = "FUTEX_WAKE_BITSET",
	[FX_WAIT_REQUEUE_PI] = "FUTEX_WAIT_REQUEUE_PI",
	[FX_CMP_REQUEUE_PI] = "FUTEX_CMP_REQUEUE_PI",
	[FX_LOCK_PI2] = "FUTEX_LOCK_PI2",
};

static const struct xlat_entry futex_op_names[] = {
	XLAT_PAIR(0, "FUTEX_OP_SET"), XLAT_PAIR(1, "FUTEX_OP_ADD"),
	XLAT_PAIR(2, "FUTEX_OP_OR"), XLAT_PAIR(3, "FUTEX_OP_ANDN"),
	XLAT_PAIR(4, "FUTEX_OP_XOR"),
};
static const struct xlat futex_ops = XLAT_TABLE(futex_op_names);

static const struct xlat_entry futex_cmp_names[] = {
	XLAT_PAIR(0, "FUTEX_OP_CMP_EQ"), XLAT_PAIR(1, "FUTEX_OP_CMP_NE"),
	XLAT_PAIR(2, "FUTEX_OP_CMP_LT"), XLAT_PAIR(3, "FUTEX_OP_CMP_LE"),
	XLAT_PAIR(4, "FUTEX_OP_CMP_GT"), XLAT_PAIR(5, "FUTEX_OP_CMP_GE"),
};
static const struct xlat futex_cmps = XLAT_TABLE(futex_cmp_names);

static const struct xlat_entry futex_bitset_names[] = {
	XLAT_PAIR(0xffffffffU, "FUTEX_BITSET_MATCH_ANY"),
};
static const struct xlat futex_bitset = XLAT_TABLE(futex_bitset_names);

/* The operation's name (dec_print_compound's names): FUTEX_WAIT_PRIVATE. */
static void
print_futex_cmd(uint64_t op)
{
	out_puts(futex_cmds[op & ~(128U | 256U)]);
	if (op & 128)
		out_write("_PRIVATE", 8);
	if (op & 256)
		out_write("|FUTEX_CLOCK_REALTIME", 21);
}

/* FUTEX_WAKE_OP's encoded operation: op<<28|oparg<<12|cmp<<24|cmparg */
static void
print_futex_wake_op(uint32_t v)
{
	if (v & (8U << 28))
		out_write("FUTEX_OP_OPARG_SHIFT<<28|", 25);
	/* strace keeps the unknown comments even under -X raw */
	if (xlat_lookup(&futex_ops, (v >> 28) & 7))
		dec_print_xval_hex(&futex_ops, (v >> 28) & 7, NULL);
	else
		out_printf("%#x<<28 /* FUTEX_OP_??? */", (v >> 28) & 7);
	if (!xlat_lookup(&futex_ops, (v >> 28) & 7))
		out_printf("|%#x<<12|", (v >> 12) & 0xfff);
	else
		out_printf("<<28|%#x<<12|", (v >> 12) & 0xfff);
	if (xlat_lookup(&futex_cmps, (v >> 24) & 0xf)) {
		dec_print_xval_hex(&futex_cmps, (v >> 24) & 0xf, NULL);
		out_printf("<<24|%#x", v & 0xfff);
	} else {
		out_printf("%#x<<24 /* FUTEX_OP_CMP_??? */|%#x",
			   (v >> 24) & 0xf, v & 0xfff);
	}
}

/*
 * futex(uaddr, op, val, timeout/val2, uaddr2, val3): strace shows only the
 * arguments the operation uses.
 */
enum dec_status
dec_futex(struct sc_ctx *c)
{
	uint32_t op = (uint32_t)dec_arg(c, 1), cmd = op & ~(128U | 256U);
	uint32_t val = (uint32_t)dec_arg(c, 2);
	uint32_t val3 = (uint32_t)dec_arg(c, 5);
	uint64_t a3 = dec_arg(c, 3), a4 = dec_arg(c, 4);
	bool t64 = c->ent == &sysent_table[SC_futex_time64];

	if (c->exiting)
		return DEC_DONE;
	dec_print_ptr(dec_arg(c, 0));
	out_write(", ", 2);
	if (cmd < sizeof(futex_cmds) / sizeof(futex_cmds[0]) &&
	    futex_cmds[cmd]) {
		dec_print_compound(op, "%#llx", print_futex_cmd);
	} else {
		out_printf(opts.xmode == XMODE_RAW ? "%#x" : "%#x /* FUTEX_??? */",
			   op);
		out_printf(", %u, ", val);
		dec_print_ptr(a3);
		out_write(", ", 2);
		dec_print_ptr(a4);
		out_printf(", %#x", val3);
		return DEC_DONE;
	}
	switch (cmd) {
	case FX_WAIT:
		out_printf(", %u, ", val);
		dec_print_timespec(c, a3, t64 || c->entry->wordsize == 8);
		break;
	case FX_WAIT_BITSET:
		out_printf(", %u, ", val);
		dec_print_timespec(c, a3, t64 || c->entry->wordsize == 8);
		out_write(", ", 2);
		dec_print_xval_hex(&futex_bitset, val3, NULL);
		break;
	case FX_WAKE:
	case FX_FD:
		out_printf(", %u", val);
		break;
	case FX_WAKE_BITSET:
		out_printf(", %u, ", val);
		dec_print_xval_hex(&futex_bitset, val3, NULL);
		break;
	case FX_REQUEUE:
		out_printf(", %u, %u, ", val, (uint32_t)a3);
		dec_print_ptr(a4);
		break;
	case FX_CMP_REQUEUE:
	case FX_CMP_REQUEUE_PI:
		out_printf(", %u, %u, ", val, (uint32_t)a3);
		dec_print_ptr(a4);
		out_printf(", %u", val3);
		break;
	case FX_WAKE_OP:
		out_printf(", %u, %u, ", val, (uint32_t)a3);
		dec_print_ptr(a4);
		out_write(", ", 2);
		print_futex_wake_op(val3);
		break;
	case FX_LOCK_PI:
	case FX_LOCK_PI2:
		out_write(", ", 2);
		dec_print_timespec(c, a3, t64 || c->entry->wordsize == 8);
		break;
	case FX_WAIT_REQUEUE_PI:
		out_printf(", %u, ", val);
		dec_print_timespec(c, a3, t64 || c->entry->wordsize == 8);
		out_write(", ", 2);
		dec_print_ptr(a4);
		break;
	default: /* UNLOCK_PI, TRYLOCK_PI */
		break;
	}
	return DEC_DONE;
}

/* ---- unshare, setns: namespace flags are clone flags ---- */

enum dec_status
dec_unshare(struct sc_ctx *c)
{
	if (!c->exiting)
		dec_print_flags_cmt(&clone3_flags, (uint32_t)dec_arg(c, 0), "0",
				    "CLONE_???");
	return DEC_DONE;
}

enum dec_status
dec_setns(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_flags_cmt(&clone3_flags, (uint32_t)dec_arg(c, 1), "0",
			    "CLONE_NEW???");
	return DEC_DONE;
}

/*
 * restart_syscall(): strace names the call it resumes.  Known when
 * ftrace-c saw that call end with ERESTART_RESTARTBLOCK; not after -p.
 */
enum dec_status
dec_restart_syscall(struct sc_ctx *c)
{
	if (!c->exiting && c->interrupted)
		out_printf("<... resuming interrupted %s ...>", c->interrupted->name);
	return DEC_DONE;
}
