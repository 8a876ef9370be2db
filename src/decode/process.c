/*
 * decode/process.c - process syscalls: execve, execveat, clone, clone3,
 * wait4, waitid, kill/tkill/tgkill, prctl, arch_prctl, rlimits, rusage,
 * scheduler calls, uname, getrandom and futex.
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
	dec_print_kind(c, 4, 'x');
	return DEC_DONE;
}

/* ---- helpers ---- */

/* A tracee word array of n words (wordsize 4 or 8) into 64-bit values. */
static int
read_words(struct sc_ctx *c, uint64_t addr, uint64_t *w, unsigned n)
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
static void
print_int_out(struct sc_ctx *c, uint64_t addr)
{
	int32_t v;

	if (!addr || c->is_error || umem_read(c->tid, addr, &v, 4) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("[%d]", v);
}

/* A value by name, else "0x63 / * PFX_??? * /" (strace's unknown form). */
static void
print_xval_hex(const struct xlat *x, uint64_t v, const char *unknown)
{
	dec_print_xval(x, v, "%#llx", unknown);
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
		print_int_out(c, dec_arg(c, 2));
	}
	if (fl & CL_SETTLS) {
		out_write(", tls=", 6);
		dec_print_ptr(tls);
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
	dec_print_flags(&clone3_flags, a->flags, NULL);
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
		dec_print_ptr(a->tls);
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
			print_int_out(c, c->scratch[2]);
			sep = ", ";
		}
		if (c->scratch[1] & CL_PARENT_SETTID) {
			out_printf("%sparent_tid=", sep);
			print_int_out(c, c->scratch[3]);
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
		dec_print_signame((s >> 8) & 0xff);
	} else if (s == 0xffff) {
		out_write("WIFCONTINUED(s)", 15);
		ev = 0;
	} else {
		out_write("WIFSIGNALED(s) && WTERMSIG(s) == ", 33);
		dec_print_signame(s & 0x7f);
		if (s & 0x80)
			out_write(" && WCOREDUMP(s)", 16);
		ev = 0;
	}
	out_write("}", 1);
	if (ev) {
		out_write("|", 1);
		print_xval_hex(&ptrace_events, (unsigned)ev, NULL);
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
	if (c->is_error || read_words(c, addr, w, 18) < 0) {
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
	dec_print_flags(&wait_opts, (uint32_t)dec_arg(c, 2), NULL);
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
		print_xval_hex(&idtypes, (uint32_t)dec_arg(c, 0), "P_???");
		out_printf(", %d, ", (int)dec_arg(c, 1));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (!ip)
		out_write("NULL", 4);
	else if (c->is_error || umem_read(c->tid, ip, &si, sizeof(si)) < 0)
		dec_print_ptr(ip);
	else if (!si.si_signo)
		out_write("{}", 2);
	else
		dec_print_siginfo(&si);
	out_write(", ", 2);
	dec_print_flags(&wait_opts, (uint32_t)dec_arg(c, 3), NULL);
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
	else if (v && v % 1024 == 0)
		out_printf("%llu*1024", (unsigned long long)(v / 1024));
	else
		out_printf("%llu", (unsigned long long)v);
}

/* -X raw: the plain number; -X verbose: the number and the name form */
static void
print_rlim_val(uint64_t v, uint64_t inf, const char *inf_name)
{
	bool named = v == inf || (v && v % 1024 == 0);

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
	if ((is64 ? umem_read(c->tid, addr, w, 16) : read_words(c, addr, w, 2)) < 0) {
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
		print_xval_hex(&rlimits, (uint32_t)dec_arg(c, 1), "RLIMIT_???");
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
		print_xval_hex(&rlimits, (uint32_t)dec_arg(c, 0), "RLIMIT_???");
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
		print_xval_hex(&rusage_who, (uint32_t)dec_arg(c, 0),
			       "RUSAGE_???");
		out_write(", ", 2);
		return DEC_MORE;
	}
	if (!c->args_done)
		print_rusage(c, dec_arg(c, 1));
	return DEC_DONE;
}

/* ---- sched_getaffinity, sched_setaffinity: "[0 1]" ---- */

static void
print_cpu_mask(struct sc_ctx *c, uint64_t addr, uint64_t len)
{
	static unsigned char mask[1024];
	size_t n = len > sizeof(mask) ? sizeof(mask) : (size_t)len;
	bool first = true;
	size_t i;

	if (!addr || umem_read(c->tid, addr, mask, n) < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_write("[", 1);
	for (i = 0; i < n * 8; i++) {
		if (mask[i / 8] & (1u << (i % 8))) {
			out_printf("%s%zu", first ? "" : " ", i);
			first = false;
		}
	}
	out_write("]", 1);
}

enum dec_status
dec_sched_getaffinity(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, %u, ", (int)dec_arg(c, 0),
			   (unsigned)dec_arg(c, 1));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 2));
	else
		print_cpu_mask(c, dec_arg(c, 2), (uint64_t)c->rval);
	return DEC_DONE;
}

enum dec_status
dec_sched_setaffinity(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, %u, ", (int)dec_arg(c, 0), (unsigned)dec_arg(c, 1));
	print_cpu_mask(c, dec_arg(c, 2), (uint32_t)dec_arg(c, 1));
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
	if (c->is_error || !addr || umem_read(c->tid, addr, buf, sizeof(buf)) < 0) {
		dec_print_ptr(addr);
		return DEC_DONE;
	}
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
	dec_print_flags(&grnd, (uint32_t)dec_arg(c, 2), NULL);
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

/* A struct timespec (64-bit fields for futex_time64 and x86_64). */
static void
print_timespec(struct sc_ctx *c, uint64_t addr, bool is64)
{
	uint64_t w[2];
	bool w32 = !is64 && c->entry->wordsize == 4;
	int rc;

	if (!addr) {
		out_write("NULL", 4);
		return;
	}
	rc = is64 ? umem_read(c->tid, addr, w, 16) : read_words(c, addr, w, 2);
	if (rc < 0) {
		dec_print_ptr(addr);
		return;
	}
	out_printf("{tv_sec=%lld, tv_nsec=%lld}",
		   (long long)(w32 ? (int32_t)w[0] : (int64_t)w[0]),
		   (long long)(w32 ? (int32_t)w[1] : (int64_t)w[1]));
}

/* FUTEX_WAKE_OP's encoded operation: op<<28|oparg<<12|cmp<<24|cmparg */
static void
print_futex_wake_op(uint32_t v)
{
	if (v & (8U << 28))
		out_write("FUTEX_OP_OPARG_SHIFT<<28|", 25);
	print_xval_hex(&futex_ops, (v >> 28) & 7, NULL);
	out_printf("<<28|%#x<<12|", (v >> 12) & 0xfff);
	print_xval_hex(&futex_cmps, (v >> 24) & 0xf, NULL);
	out_printf("<<24|%#x", v & 0xfff);
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
	if (cmd < sizeof(futex_cmds) / sizeof(futex_cmds[0])) {
		out_puts(futex_cmds[cmd]);
		if (op & 128)
			out_write("_PRIVATE", 8);
		if (op & 256)
			out_write("|FUTEX_CLOCK_REALTIME", 21);
	} else {
		out_printf("%#x /* FUTEX_??? */", op);
		out_printf(", %u, %#llx, %#llx, %#x", val,
			   (unsigned long long)a3, (unsigned long long)a4,
			   val3);
		return DEC_DONE;
	}
	switch (cmd) {
	case FX_WAIT:
		out_printf(", %u, ", val);
		print_timespec(c, a3, t64);
		break;
	case FX_WAIT_BITSET:
		out_printf(", %u, ", val);
		print_timespec(c, a3, t64);
		if (val3 == 0xffffffffU)
			out_write(", FUTEX_BITSET_MATCH_ANY", 24);
		else
			out_printf(", %#x", val3);
		break;
	case FX_WAKE:
	case FX_FD:
		out_printf(", %u", val);
		break;
	case FX_WAKE_BITSET:
		out_printf(", %u, ", val);
		if (val3 == 0xffffffffU)
			out_write("FUTEX_BITSET_MATCH_ANY", 22);
		else
			out_printf("%#x", val3);
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
		print_timespec(c, a3, t64);
		break;
	case FX_WAIT_REQUEUE_PI:
		out_printf(", %u, ", val);
		print_timespec(c, a3, t64);
		out_write(", ", 2);
		dec_print_ptr(a4);
		break;
	default: /* UNLOCK_PI, TRYLOCK_PI */
		break;
	}
	return DEC_DONE;
}

/* ---- arch_prctl ---- */

static const struct xlat_entry arch_prctl_names[] = {
	XLAT_PAIR(0x1001, "ARCH_SET_GS"), XLAT_PAIR(0x1002, "ARCH_SET_FS"),
	XLAT_PAIR(0x1003, "ARCH_GET_FS"), XLAT_PAIR(0x1004, "ARCH_GET_GS"),
	XLAT_PAIR(0x1011, "ARCH_GET_CPUID"),
	XLAT_PAIR(0x1012, "ARCH_SET_CPUID"),
	XLAT_PAIR(0x1021, "ARCH_GET_XCOMP_SUPP"),
	XLAT_PAIR(0x1022, "ARCH_GET_XCOMP_PERM"),
	XLAT_PAIR(0x1023, "ARCH_REQ_XCOMP_PERM"),
	XLAT_PAIR(0x1024, "ARCH_GET_XCOMP_GUEST_PERM"),
	XLAT_PAIR(0x1025, "ARCH_REQ_XCOMP_GUEST_PERM"),
	XLAT_PAIR(0x2001, "ARCH_MAP_VDSO_X32"),
	XLAT_PAIR(0x2002, "ARCH_MAP_VDSO_32"),
	XLAT_PAIR(0x2003, "ARCH_MAP_VDSO_64"),
};
static const struct xlat arch_prctls = XLAT_TABLE(arch_prctl_names);

/* ARCH_GET_FS/GS write the base through the pointer: "[0x7f...]". */
enum dec_status
dec_arch_prctl(struct sc_ctx *c)
{
	uint32_t code = (uint32_t)dec_arg(c, 0);
	uint64_t a = dec_arg(c, 1), v;

	if (!c->exiting) {
		print_xval_hex(&arch_prctls, code, "ARCH_???");
		if (code == 0x1011)
			return DEC_DONE;
		out_write(", ", 2);
		if (code == 0x1003 || code == 0x1004)
			return DEC_MORE;
		out_printf("%#llx", (unsigned long long)a);
		return DEC_DONE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error || !a || umem_read_word(c->tid, a, 8, &v) < 0) {
		dec_print_ptr(a);
		return DEC_DONE;
	}
	out_write("[", 1);
	dec_print_ptr(v);
	out_write("]", 1);
	return DEC_DONE;
}

/* ---- prctl ---- */

#define PRN(n, v) XLAT_PAIR(v, "PR_" #n)
static const struct xlat_entry prctl_names[] = {
	PRN(SET_PDEATHSIG, 1), PRN(GET_PDEATHSIG, 2), PRN(GET_DUMPABLE, 3),
	PRN(SET_DUMPABLE, 4), PRN(GET_UNALIGN, 5), PRN(SET_UNALIGN, 6),
	PRN(GET_KEEPCAPS, 7), PRN(SET_KEEPCAPS, 8), PRN(GET_FPEMU, 9),
	PRN(SET_FPEMU, 10), PRN(GET_FPEXC, 11), PRN(SET_FPEXC, 12),
	PRN(GET_TIMING, 13), PRN(SET_TIMING, 14), PRN(SET_NAME, 15),
	PRN(GET_NAME, 16), PRN(GET_ENDIAN, 19), PRN(SET_ENDIAN, 20),
	PRN(GET_SECCOMP, 21), PRN(SET_SECCOMP, 22), PRN(CAPBSET_READ, 23),
	PRN(CAPBSET_DROP, 24), PRN(GET_TSC, 25), PRN(SET_TSC, 26),
	PRN(GET_SECUREBITS, 27), PRN(SET_SECUREBITS, 28),
	PRN(SET_TIMERSLACK, 29), PRN(GET_TIMERSLACK, 30),
	PRN(TASK_PERF_EVENTS_DISABLE, 31), PRN(TASK_PERF_EVENTS_ENABLE, 32),
	PRN(MCE_KILL, 33), PRN(MCE_KILL_GET, 34), PRN(SET_MM, 35),
	PRN(SET_CHILD_SUBREAPER, 36), PRN(GET_CHILD_SUBREAPER, 37),
	PRN(SET_NO_NEW_PRIVS, 38), PRN(GET_NO_NEW_PRIVS, 39),
	PRN(GET_TID_ADDRESS, 40), PRN(SET_THP_DISABLE, 41),
	PRN(GET_THP_DISABLE, 42), PRN(MPX_ENABLE_MANAGEMENT, 43),
	PRN(MPX_DISABLE_MANAGEMENT, 44), PRN(SET_FP_MODE, 45),
	PRN(GET_FP_MODE, 46), PRN(CAP_AMBIENT, 47), PRN(SVE_SET_VL, 50),
	PRN(SVE_GET_VL, 51), PRN(GET_SPECULATION_CTRL, 52),
	PRN(SET_SPECULATION_CTRL, 53), PRN(PAC_RESET_KEYS, 54),
	PRN(SET_TAGGED_ADDR_CTRL, 55), PRN(GET_TAGGED_ADDR_CTRL, 56),
	PRN(SET_IO_FLUSHER, 57), PRN(GET_IO_FLUSHER, 58),
	PRN(SET_SYSCALL_USER_DISPATCH, 59), PRN(PAC_SET_ENABLED_KEYS, 60),
	PRN(PAC_GET_ENABLED_KEYS, 61), PRN(SCHED_CORE, 62),
	PRN(SET_PTRACER, 0x59616d61), PRN(SET_VMA, 0x53564d41),
};
static const struct xlat prctl_opts = XLAT_TABLE(prctl_names);

static const char *const cap_names[] = {
	"CAP_CHOWN", "CAP_DAC_OVERRIDE", "CAP_DAC_READ_SEARCH", "CAP_FOWNER",
	"CAP_FSETID", "CAP_KILL", "CAP_SETGID", "CAP_SETUID", "CAP_SETPCAP",
	"CAP_LINUX_IMMUTABLE", "CAP_NET_BIND_SERVICE", "CAP_NET_BROADCAST",
	"CAP_NET_ADMIN", "CAP_NET_RAW", "CAP_IPC_LOCK", "CAP_IPC_OWNER",
	"CAP_SYS_MODULE", "CAP_SYS_RAWIO", "CAP_SYS_CHROOT", "CAP_SYS_PTRACE",
	"CAP_SYS_PACCT", "CAP_SYS_ADMIN", "CAP_SYS_BOOT", "CAP_SYS_NICE",
	"CAP_SYS_RESOURCE", "CAP_SYS_TIME", "CAP_SYS_TTY_CONFIG", "CAP_MKNOD",
	"CAP_LEASE", "CAP_AUDIT_WRITE", "CAP_AUDIT_CONTROL", "CAP_SETFCAP",
	"CAP_MAC_OVERRIDE", "CAP_MAC_ADMIN", "CAP_SYSLOG", "CAP_WAKE_ALARM",
	"CAP_BLOCK_SUSPEND", "CAP_AUDIT_READ", "CAP_PERFMON", "CAP_BPF",
	"CAP_CHECKPOINT_RESTORE",
};

static const struct xlat_entry dumpable_names[] = {
	XLAT_PAIR(0, "SUID_DUMP_DISABLE"), XLAT_PAIR(1, "SUID_DUMP_USER"),
	XLAT_PAIR(2, "SUID_DUMP_ROOT"),
};
static const struct xlat dumpable = XLAT_TABLE(dumpable_names);

static const struct xlat_entry secbit_names[] = {
	XLAT_PAIR(0x1, "SECBIT_NOROOT"), XLAT_PAIR(0x2, "SECBIT_NOROOT_LOCKED"),
	XLAT_PAIR(0x4, "SECBIT_NO_SETUID_FIXUP"),
	XLAT_PAIR(0x8, "SECBIT_NO_SETUID_FIXUP_LOCKED"),
	XLAT_PAIR(0x10, "SECBIT_KEEP_CAPS"),
	XLAT_PAIR(0x20, "SECBIT_KEEP_CAPS_LOCKED"),
	XLAT_PAIR(0x40, "SECBIT_NO_CAP_AMBIENT_RAISE"),
	XLAT_PAIR(0x80, "SECBIT_NO_CAP_AMBIENT_RAISE_LOCKED"),
};
static const struct xlat secbits = XLAT_TABLE(secbit_names);

static const struct xlat_entry seccomp_mode_names[] = {
	XLAT_PAIR(0, "SECCOMP_MODE_DISABLED"), XLAT_PAIR(1, "SECCOMP_MODE_STRICT"),
	XLAT_PAIR(2, "SECCOMP_MODE_FILTER"),
};
static const struct xlat seccomp_modes = XLAT_TABLE(seccomp_mode_names);

static const struct xlat_entry mce_names[] = {
	XLAT_PAIR(0, "PR_MCE_KILL_CLEAR"), XLAT_PAIR(1, "PR_MCE_KILL_SET"),
};
static const struct xlat mce_ops = XLAT_TABLE(mce_names);

static const struct xlat_entry mce_policy_names[] = {
	XLAT_PAIR(0, "PR_MCE_KILL_LATE"), XLAT_PAIR(1, "PR_MCE_KILL_EARLY"),
	XLAT_PAIR(2, "PR_MCE_KILL_DEFAULT"),
};
static const struct xlat mce_policies = XLAT_TABLE(mce_policy_names);

static const struct xlat_entry cap_ambient_names[] = {
	XLAT_PAIR(1, "PR_CAP_AMBIENT_IS_SET"), XLAT_PAIR(2, "PR_CAP_AMBIENT_RAISE"),
	XLAT_PAIR(3, "PR_CAP_AMBIENT_LOWER"),
	XLAT_PAIR(4, "PR_CAP_AMBIENT_CLEAR_ALL"),
};
static const struct xlat cap_ambient_ops = XLAT_TABLE(cap_ambient_names);

static const struct xlat_entry spec_which_names[] = {
	XLAT_PAIR(0, "PR_SPEC_STORE_BYPASS"),
	XLAT_PAIR(1, "PR_SPEC_INDIRECT_BRANCH"),
	XLAT_PAIR(2, "PR_SPEC_L1D_FLUSH"),
};
static const struct xlat spec_which = XLAT_TABLE(spec_which_names);

static const struct xlat_entry spec_flag_names[] = {
	XLAT_PAIR(1, "PR_SPEC_PRCTL"), XLAT_PAIR(2, "PR_SPEC_ENABLE"),
	XLAT_PAIR(4, "PR_SPEC_DISABLE"), XLAT_PAIR(8, "PR_SPEC_FORCE_DISABLE"),
	XLAT_PAIR(0x10, "PR_SPEC_DISABLE_NOEXEC"),
};
static const struct xlat spec_flags = XLAT_TABLE(spec_flag_names);

static const struct xlat_entry set_mm_names[] = {
	XLAT_PAIR(1, "PR_SET_MM_START_CODE"), XLAT_PAIR(2, "PR_SET_MM_END_CODE"),
	XLAT_PAIR(3, "PR_SET_MM_START_DATA"), XLAT_PAIR(4, "PR_SET_MM_END_DATA"),
	XLAT_PAIR(5, "PR_SET_MM_START_STACK"),
	XLAT_PAIR(6, "PR_SET_MM_START_BRK"), XLAT_PAIR(7, "PR_SET_MM_BRK"),
	XLAT_PAIR(8, "PR_SET_MM_ARG_START"), XLAT_PAIR(9, "PR_SET_MM_ARG_END"),
	XLAT_PAIR(10, "PR_SET_MM_ENV_START"), XLAT_PAIR(11, "PR_SET_MM_ENV_END"),
	XLAT_PAIR(12, "PR_SET_MM_AUXV"), XLAT_PAIR(13, "PR_SET_MM_EXE_FILE"),
	XLAT_PAIR(14, "PR_SET_MM_MAP"), XLAT_PAIR(15, "PR_SET_MM_MAP_SIZE"),
};
static const struct xlat set_mm_ops = XLAT_TABLE(set_mm_names);

static const struct xlat_entry tsc_names[] = {
	XLAT_PAIR(1, "PR_TSC_ENABLE"), XLAT_PAIR(2, "PR_TSC_SIGSEGV"),
};
static const struct xlat tsc_modes = XLAT_TABLE(tsc_names);

static const struct xlat_entry sched_core_names[] = {
	XLAT_PAIR(0, "PR_SCHED_CORE_GET"), XLAT_PAIR(1, "PR_SCHED_CORE_CREATE"),
	XLAT_PAIR(2, "PR_SCHED_CORE_SHARE_TO"),
	XLAT_PAIR(3, "PR_SCHED_CORE_SHARE_FROM"),
};
static const struct xlat sched_core_ops = XLAT_TABLE(sched_core_names);

static const struct xlat_entry pidtype_names[] = {
	XLAT_PAIR(0, "PIDTYPE_PID"), XLAT_PAIR(1, "PIDTYPE_TGID"),
	XLAT_PAIR(2, "PIDTYPE_PGID"),
};
static const struct xlat pidtypes = XLAT_TABLE(pidtype_names);

static void
print_cap(uint64_t v)
{
	if (v < sizeof(cap_names) / sizeof(cap_names[0]))
		out_puts(cap_names[v]);
	else
		out_printf("%#llx /* CAP_??? */", (unsigned long long)v);
}

static void
rval_dumpable(struct sc_ctx *c)
{
	const char *n = xlat_lookup(&dumpable, (uint64_t)c->rval);

	out_printf("= %lld", (long long)c->rval);
	if (n)
		out_printf(" (%s)", n);
}

static void
rval_mce_policy(struct sc_ctx *c)
{
	const char *n = xlat_lookup(&mce_policies, (uint64_t)c->rval);

	out_printf("= %lld", (long long)c->rval);
	if (n)
		out_printf(" (%s)", n);
}

static void
rval_spec(struct sc_ctx *c)
{
	if (!c->rval) {
		out_write("= 0 (PR_SPEC_NOT_AFFECTED)", 26);
		return;
	}
	out_printf("= %#llx (", (unsigned long long)c->rval);
	dec_print_flags(&spec_flags, (uint64_t)c->rval, NULL);
	out_write(")", 1);
}

static void
rval_secbits(struct sc_ctx *c)
{
	if (!c->rval) {
		out_write("= 0", 3);
		return;
	}
	out_printf("= %#llx (", (unsigned long long)c->rval);
	dec_print_flags(&secbits, (uint64_t)c->rval, NULL);
	out_write(")", 1);
}

static void
print_args_from(struct sc_ctx *c, unsigned first, const char *fmt)
{
	unsigned i;

	for (i = first; i < 5; i++) {
		out_write(", ", 2);
		out_printf(fmt, (unsigned long long)dec_arg(c, i));
	}
}

enum dec_status
dec_prctl(struct sc_ctx *c)
{
	uint32_t opt = (uint32_t)dec_arg(c, 0);
	uint64_t a1 = dec_arg(c, 1);

	if (c->exiting) {
		if (opt == 3)
			c->print_rval = rval_dumpable;
		else if (opt == 27)
			c->print_rval = rval_secbits;
		else if (opt == 34)
			c->print_rval = rval_mce_policy;
		else if (opt == 52)
			c->print_rval = rval_spec;
		if (c->args_done)
			return DEC_DONE;
		if (opt == 16) { /* PR_GET_NAME */
			if (c->is_error)
				dec_print_ptr(a1);
			else
				dec_print_str(c->tid, a1);
		} else if (opt == 2) { /* PR_GET_PDEATHSIG */
			int32_t s;

			if (c->is_error || umem_read(c->tid, a1, &s, 4) < 0) {
				dec_print_ptr(a1);
			} else {
				out_write("[", 1);
				dec_print_signame(s);
				out_write("]", 1);
			}
		} else if (opt == 25) { /* PR_GET_TSC */
			int32_t m;

			if (c->is_error || umem_read(c->tid, a1, &m, 4) < 0) {
				dec_print_ptr(a1);
			} else {
				out_write("[", 1);
				print_xval_hex(&tsc_modes, (uint32_t)m, "PR_TSC_???");
				out_write("]", 1);
			}
		} else if (opt == 40) { /* PR_GET_TID_ADDRESS */
			uint64_t v;

			if (c->is_error || umem_read_word(c->tid, a1,
					c->entry->wordsize, &v) < 0) {
				dec_print_ptr(a1);
			} else {
				out_write("[", 1);
				dec_print_ptr(v);
				out_write("]", 1);
			}
		} else {
			print_int_out(c, a1);
		}
		return DEC_DONE;
	}
	print_xval_hex(&prctl_opts, opt, "PR_???");
	switch (opt) {
	case 3: case 7: case 13: case 21: case 27: case 30: case 31: case 32:
	case 46:
		/* no argument: PR_GET_DUMPABLE, PR_GET_TIMERSLACK... */
		return DEC_DONE;
	case 2: case 5: case 9: case 11: case 16: case 19: case 25: case 37:
	case 40:
		/* the kernel writes through arg2 */
		out_write(", ", 2);
		return DEC_MORE;
	case 1: /* PR_SET_PDEATHSIG */
		out_write(", ", 2);
		dec_print_signame((int)a1);
		break;
	case 4: /* PR_SET_DUMPABLE */
		out_write(", ", 2);
		print_xval_hex(&dumpable, a1, "SUID_DUMP_???");
		break;
	case 15: /* PR_SET_NAME */
		out_write(", ", 2);
		dec_print_str(c->tid, a1);
		break;
	case 23: case 24: /* PR_CAPBSET_READ/DROP */
		out_write(", ", 2);
		print_cap(a1);
		break;
	case 8: case 14: case 29: case 36: /* one number */
		out_printf(", %llu", (unsigned long long)a1);
		break;
	case 28: /* PR_SET_SECUREBITS */
		out_write(", ", 2);
		dec_print_flags(&secbits, a1, "0");
		break;
	case 22: /* PR_SET_SECCOMP */
		out_write(", ", 2);
		print_xval_hex(&seccomp_modes, a1, "SECCOMP_MODE_???");
		if (a1 == 1)
			break;
		if (a1 == 2) {
			out_write(", ", 2);
			dec_print_ptr(dec_arg(c, 2));
			break;
		}
		print_args_from(c, 2, "%#llx");
		break;
	case 0x59616d61: /* PR_SET_PTRACER */
		if ((int64_t)a1 == -1 || (uint32_t)a1 == 0xffffffffU)
			out_write(", PR_SET_PTRACER_ANY", 20);
		else
			out_printf(", %d", (int)a1);
		break;
	case 33: /* PR_MCE_KILL */
		out_write(", ", 2);
		print_xval_hex(&mce_ops, a1, "PR_MCE_KILL_???");
		out_write(", ", 2);
		if (a1 == 1)
			print_xval_hex(&mce_policies, dec_arg(c, 2),
				       "PR_MCE_KILL_???");
		else
			out_printf("%#llx", (unsigned long long)dec_arg(c, 2));
		print_args_from(c, 3, "%llu");
		break;
	case 0x53564d41: /* PR_SET_VMA */
		if (a1 != 0) {
			out_printf(", %#llx /* PR_SET_VMA_??? */",
				   (unsigned long long)a1);
			print_args_from(c, 2, "%#llx");
			break;
		}
		out_write(", PR_SET_VMA_ANON_NAME, ", 24);
		dec_print_ptr(dec_arg(c, 2));
		out_printf(", %llu, ", (unsigned long long)dec_arg(c, 3));
		dec_print_str(c->tid, dec_arg(c, 4));
		break;
	case 34: case 38: case 39: case 41: case 42: case 57: case 58:
		/* four numbers */
		print_args_from(c, 1, "%llu");
		break;
	case 26: /* PR_SET_TSC */
		out_write(", ", 2);
		print_xval_hex(&tsc_modes, a1, "PR_TSC_???");
		break;
	case 47: /* PR_CAP_AMBIENT */
		out_write(", ", 2);
		print_xval_hex(&cap_ambient_ops, a1, "PR_CAP_AMBIENT_???");
		if (a1 >= 1 && a1 <= 3) {
			out_write(", ", 2);
			print_cap(dec_arg(c, 2));
			print_args_from(c, 3, "%llu");
		} else {
			print_args_from(c, 2, "%#llx");
		}
		break;
	case 52: /* PR_GET_SPECULATION_CTRL */
		out_write(", ", 2);
		print_xval_hex(&spec_which, a1, "PR_SPEC_???");
		break;
	case 53: /* PR_SET_SPECULATION_CTRL */
		out_write(", ", 2);
		print_xval_hex(&spec_which, a1, "PR_SPEC_???");
		out_write(", ", 2);
		dec_print_flags(&spec_flags, dec_arg(c, 2), "0");
		break;
	case 35: /* PR_SET_MM */
		out_write(", ", 2);
		print_xval_hex(&set_mm_ops, a1, "PR_SET_MM_???");
		out_printf(", %#llx", (unsigned long long)dec_arg(c, 2));
		print_args_from(c, 3, "%llu");
		break;
	case 62: /* PR_SCHED_CORE */
		out_write(", ", 2);
		print_xval_hex(&sched_core_ops, a1, "PR_SCHED_CORE_???");
		out_printf(", %d, %llu", (int)dec_arg(c, 2),
			   (unsigned long long)dec_arg(c, 3));
		if (xlat_lookup(&pidtypes, dec_arg(c, 3)))
			out_printf(" /* %s */", xlat_lookup(&pidtypes, dec_arg(c, 3)));
		out_write(", ", 2);
		dec_print_ptr(dec_arg(c, 4));
		break;
	default:
		print_args_from(c, 1, "%#llx");
		break;
	}
	return DEC_DONE;
}

/* ---- sched_{get,set}scheduler, sched_{get,set}param ---- */

static const struct xlat_entry sched_policy_names[] = {
	XLAT_PAIR(0, "SCHED_OTHER"), XLAT_PAIR(1, "SCHED_FIFO"),
	XLAT_PAIR(2, "SCHED_RR"), XLAT_PAIR(3, "SCHED_BATCH"),
	XLAT_PAIR(4, "SCHED_ISO"), XLAT_PAIR(5, "SCHED_IDLE"),
	XLAT_PAIR(6, "SCHED_DEADLINE"),
};
static const struct xlat sched_policies = XLAT_TABLE(sched_policy_names);

static void
rval_sched_policy(struct sc_ctx *c)
{
	const char *n = xlat_lookup(&sched_policies, (uint64_t)c->rval);

	out_printf("= %lld", (long long)c->rval);
	if (n)
		out_printf(" (%s)", n);
}

enum dec_status
dec_sched_getscheduler(struct sc_ctx *c)
{
	if (!c->exiting)
		out_printf("%d", (int)dec_arg(c, 0));
	else
		c->print_rval = rval_sched_policy;
	return DEC_DONE;
}

static void
print_sched_param(struct sc_ctx *c, uint64_t addr)
{
	int32_t prio;

	if (!addr || umem_read(c->tid, addr, &prio, 4) < 0)
		dec_print_ptr(addr);
	else
		out_printf("[%d]", prio);
}

/* sched_setscheduler(pid, policy, param), sched_setparam(pid, param) */
enum dec_status
dec_sched_setscheduler(struct sc_ctx *c)
{
	unsigned p = c->ent->nargs - 1;

	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	if (p == 2) {
		print_xval_hex(&sched_policies, (uint32_t)dec_arg(c, 1),
			       "SCHED_???");
		out_write(", ", 2);
	}
	print_sched_param(c, dec_arg(c, p));
	return DEC_DONE;
}

enum dec_status
dec_sched_getparam(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_sched_param(c, dec_arg(c, 1));
	return DEC_DONE;
}

enum dec_status
dec_sched_get_priority(struct sc_ctx *c)
{
	if (!c->exiting)
		print_xval_hex(&sched_policies, (uint32_t)dec_arg(c, 0),
			       "SCHED_???");
	return DEC_DONE;
}

/* sched_rr_get_interval(pid, tp) and its _time64 twin */
enum dec_status
dec_sched_rr_get_interval(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_timespec(c, dec_arg(c, 1),
			       c->ent != &sysent_table[SC_sched_rr_get_interval]);
	return DEC_DONE;
}

/* get_robust_list(pid, &head, &len): "[0x...], [24]" */
enum dec_status
dec_get_robust_list(struct sc_ctx *c)
{
	uint64_t h = dec_arg(c, 1), l = dec_arg(c, 2), v;
	unsigned ws = c->entry->wordsize == 4 ? 4 : 8;

	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error || umem_read_word(c->tid, h, ws, &v) < 0) {
		dec_print_ptr(h);
	} else {
		out_write("[", 1);
		dec_print_ptr(v);
		out_write("]", 1);
	}
	out_write(", ", 2);
	if (c->is_error || umem_read_word(c->tid, l, ws, &v) < 0)
		dec_print_ptr(l);
	else
		out_printf("[%llu]", (unsigned long long)v);
	return DEC_DONE;
}

/* clock ticks, with seconds in a comment when not zero (USER_HZ 100) */
static void
print_clock_t(const char *name, uint64_t v, bool first)
{
	out_printf("%s%s=%llu", first ? "" : ", ", name, (unsigned long long)v);
	if (v)
		out_printf(" /* %llu.%02llu s */", (unsigned long long)(v / 100),
			   (unsigned long long)(v % 100));
}

enum dec_status
dec_times(struct sc_ctx *c)
{
	uint64_t a = dec_arg(c, 0), w[4];

	if (!c->exiting)
		return DEC_MORE;
	if (c->args_done)
		return DEC_DONE;
	if (!a) {
		out_write("NULL", 4);
		return DEC_DONE;
	}
	if (c->is_error || read_words(c, a, w, 4) < 0) {
		dec_print_ptr(a);
		return DEC_DONE;
	}
	out_write("{", 1);
	print_clock_t("tms_utime", w[0], true);
	print_clock_t("tms_stime", w[1], false);
	print_clock_t("tms_cutime", w[2], false);
	print_clock_t("tms_cstime", w[3], false);
	out_write("}", 1);
	return DEC_DONE;
}

/* times() returns clock ticks: unsigned, like strace shows them. */

enum dec_status
dec_sysinfo(struct sc_ctx *c)
{
	static const char *const ul[] = {
		"totalram", "freeram", "sharedram", "bufferram", "totalswap",
		"freeswap",
	};
	unsigned char b[112];
	uint64_t a = dec_arg(c, 0), w[14];
	bool w32 = c->entry->wordsize == 4;
	unsigned ws = w32 ? 4 : 8, i;
	uint16_t procs;
	uint32_t unit;

	if (!c->exiting)
		return DEC_MORE;
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error || !a || umem_read(c->tid, a, b, w32 ? 56 : 112) < 0) {
		dec_print_ptr(a);
		return DEC_DONE;
	}
	for (i = 0; i < 10; i++) {
		uint32_t v32;

		if (w32) {
			memcpy(&v32, b + i * 4, 4);
			w[i] = v32;
		} else {
			memcpy(&w[i], b + i * 8, 8);
		}
	}
	memcpy(&procs, b + 10 * ws, 2);
	for (i = 0; i < 2; i++) {
		uint32_t v32;
		size_t off = (w32 ? 44 : 88) + i * ws;

		if (w32) {
			memcpy(&v32, b + off, 4);
			w[10 + i] = v32;
		} else {
			memcpy(&w[10 + i], b + off, 8);
		}
	}
	memcpy(&unit, b + (w32 ? 52 : 104), 4);
	out_printf("{uptime=%lld, loads=[%llu, %llu, %llu]",
		   (long long)(w32 ? (int32_t)w[0] : (int64_t)w[0]),
		   (unsigned long long)w[1], (unsigned long long)w[2],
		   (unsigned long long)w[3]);
	for (i = 0; i < 6; i++)
		out_printf(", %s=%llu", ul[i], (unsigned long long)w[4 + i]);
	out_printf(", procs=%u, totalhigh=%llu, freehigh=%llu, mem_unit=%u}",
		   procs, (unsigned long long)w[10], (unsigned long long)w[11],
		   unit);
	return DEC_DONE;
}

/* ---- getpriority, setpriority ---- */

static const struct xlat_entry prio_which_names[] = {
	XLAT_PAIR(0, "PRIO_PROCESS"), XLAT_PAIR(1, "PRIO_PGRP"),
	XLAT_PAIR(2, "PRIO_USER"),
};
static const struct xlat prio_which = XLAT_TABLE(prio_which_names);

/* getpriority(which, who), setpriority(which, who, prio) */
enum dec_status
dec_priority(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	print_xval_hex(&prio_which, (uint32_t)dec_arg(c, 0), "PRIO_???");
	out_printf(", %d", (int)dec_arg(c, 1));
	if (c->ent->nargs > 2)
		out_printf(", %d", (int)dec_arg(c, 2));
	return DEC_DONE;
}

/* ---- personality ---- */

static const struct xlat_entry per_type_names[] = {
	XLAT_PAIR(0x00, "PER_LINUX"), XLAT_PAIR(0x01, "PER_SVR4"),
	XLAT_PAIR(0x02, "PER_SVR3"), XLAT_PAIR(0x03, "PER_SCOSVR3"),
	XLAT_PAIR(0x04, "PER_WYSEV386"), XLAT_PAIR(0x05, "PER_ISCR4"),
	XLAT_PAIR(0x06, "PER_BSD"), XLAT_PAIR(0x07, "PER_XENIX"),
	XLAT_PAIR(0x08, "PER_LINUX32"), XLAT_PAIR(0x09, "PER_IRIX32"),
	XLAT_PAIR(0x0a, "PER_IRIXN32"), XLAT_PAIR(0x0b, "PER_IRIX64"),
	XLAT_PAIR(0x0c, "PER_RISCOS"), XLAT_PAIR(0x0d, "PER_SOLARIS"),
	XLAT_PAIR(0x0e, "PER_UW7"), XLAT_PAIR(0x0f, "PER_OSF4"),
	XLAT_PAIR(0x10, "PER_HPUX"),
};
static const struct xlat per_types = XLAT_TABLE(per_type_names);

static const struct xlat_entry per_flag_names[] = {
	XLAT_PAIR(0x0020000, "UNAME26"),
	XLAT_PAIR(0x0040000, "ADDR_NO_RANDOMIZE"),
	XLAT_PAIR(0x0080000, "FDPIC_FUNCPTRS"),
	XLAT_PAIR(0x0100000, "MMAP_PAGE_ZERO"),
	XLAT_PAIR(0x0200000, "ADDR_COMPAT_LAYOUT"),
	XLAT_PAIR(0x0400000, "READ_IMPLIES_EXEC"),
	XLAT_PAIR(0x0800000, "ADDR_LIMIT_32BIT"),
	XLAT_PAIR(0x1000000, "SHORT_INODE"),
	XLAT_PAIR(0x2000000, "WHOLE_SECONDS"),
	XLAT_PAIR(0x4000000, "STICKY_TIMEOUTS"),
	XLAT_PAIR(0x8000000, "ADDR_LIMIT_3GB"),
};
static const struct xlat per_flags = XLAT_TABLE(per_flag_names);

/* "PER_LINUX|ADDR_NO_RANDOMIZE"; 0xffffffff (a query) as the number */
static void
print_personality(uint32_t v)
{
	uint32_t rest = v & ~0xffU;

	if (v == 0xffffffffU) {
		out_write("0xffffffff", 10);
		return;
	}
	print_xval_hex(&per_types, v & 0xff, "PER_???");
	if (rest) {
		out_write("|", 1);
		dec_print_flags(&per_flags, rest, NULL);
	}
}

static void
rval_personality(struct sc_ctx *c)
{
	out_printf("= %#llx (", (unsigned long long)c->rval);
	print_personality((uint32_t)c->rval);
	out_write(")", 1);
}

enum dec_status
dec_personality(struct sc_ctx *c)
{
	if (!c->exiting)
		print_personality((uint32_t)dec_arg(c, 0));
	else
		c->print_rval = rval_personality;
	return DEC_DONE;
}

/* ---- unshare, setns: namespace flags are clone flags ---- */

enum dec_status
dec_unshare(struct sc_ctx *c)
{
	if (!c->exiting)
		dec_print_flags(&clone3_flags, (uint32_t)dec_arg(c, 0), "0");
	return DEC_DONE;
}

enum dec_status
dec_setns(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	dec_print_fd(c, (int)dec_arg(c, 0));
	out_write(", ", 2);
	dec_print_flags(&clone3_flags, (uint32_t)dec_arg(c, 1), "0");
	return DEC_DONE;
}

/* ---- ioprio_get, ioprio_set ---- */

static const struct xlat_entry ioprio_who_names[] = {
	XLAT_PAIR(1, "IOPRIO_WHO_PROCESS"), XLAT_PAIR(2, "IOPRIO_WHO_PGRP"),
	XLAT_PAIR(3, "IOPRIO_WHO_USER"),
};
static const struct xlat ioprio_who = XLAT_TABLE(ioprio_who_names);

static const struct xlat_entry ioprio_class_names[] = {
	XLAT_PAIR(0, "IOPRIO_CLASS_NONE"), XLAT_PAIR(1, "IOPRIO_CLASS_RT"),
	XLAT_PAIR(2, "IOPRIO_CLASS_BE"), XLAT_PAIR(3, "IOPRIO_CLASS_IDLE"),
};
static const struct xlat ioprio_classes = XLAT_TABLE(ioprio_class_names);

/* IOPRIO_PRIO_VALUE(IOPRIO_CLASS_BE, 4): class in bits 13+, data below */
static void
print_ioprio(uint32_t v)
{
	out_write("IOPRIO_PRIO_VALUE(", 18);
	print_xval_hex(&ioprio_classes, v >> 13, "IOPRIO_CLASS_???");
	out_printf(", %u)", v & 0x1fff);
}

static void
rval_ioprio(struct sc_ctx *c)
{
	out_printf("= %lld (", (long long)c->rval);
	print_ioprio((uint32_t)c->rval);
	out_write(")", 1);
}

/* ioprio_get(which, who), ioprio_set(which, who, ioprio) */
enum dec_status
dec_ioprio(struct sc_ctx *c)
{
	if (c->exiting) {
		if (c->ent->nargs == 2)
			c->print_rval = rval_ioprio;
		return DEC_DONE;
	}
	print_xval_hex(&ioprio_who, (uint32_t)dec_arg(c, 0), "IOPRIO_WHO_???");
	out_printf(", %d", (int)dec_arg(c, 1));
	if (c->ent->nargs > 2) {
		out_write(", ", 2);
		print_ioprio((uint32_t)dec_arg(c, 2));
	}
	return DEC_DONE;
}

/* ---- sched_getattr, sched_setattr ---- */

static const struct xlat_entry sched_flag_names[] = {
	XLAT_PAIR(0x01, "SCHED_FLAG_RESET_ON_FORK"),
	XLAT_PAIR(0x02, "SCHED_FLAG_RECLAIM"),
	XLAT_PAIR(0x04, "SCHED_FLAG_DL_OVERRUN"),
	XLAT_PAIR(0x08, "SCHED_FLAG_KEEP_POLICY"),
	XLAT_PAIR(0x10, "SCHED_FLAG_KEEP_PARAMS"),
	XLAT_PAIR(0x20, "SCHED_FLAG_UTIL_CLAMP_MIN"),
	XLAT_PAIR(0x40, "SCHED_FLAG_UTIL_CLAMP_MAX"),
};
static const struct xlat sched_flags = XLAT_TABLE(sched_flag_names);

struct sched_attr56 {
	uint32_t size, policy;
	uint64_t flags;
	int32_t nice;
	uint32_t priority;
	uint64_t runtime, deadline, period;
	uint32_t util_min, util_max;
};

/* The struct, len bytes of it (0: as long as its size field says). */
static void
print_sched_attr(struct sc_ctx *c, uint64_t addr, uint32_t len)
{
	struct sched_attr56 a = { 0 };
	uint32_t n;

	if (!addr || umem_read(c->tid, addr, &a, 48) < 0) {
		dec_print_ptr(addr);
		return;
	}
	n = len ? len : a.size;
	if (n >= 56)
		(void)umem_read(c->tid, addr, &a, 56);
	out_printf("{size=%u, sched_policy=", a.size);
	print_xval_hex(&sched_policies, a.policy, "SCHED_???");
	out_write(", sched_flags=", 14);
	dec_print_flags(&sched_flags, a.flags, "0");
	out_printf(", sched_nice=%d, sched_priority=%u, sched_runtime=%llu, "
		   "sched_deadline=%llu, sched_period=%llu", a.nice,
		   a.priority, (unsigned long long)a.runtime,
		   (unsigned long long)a.deadline,
		   (unsigned long long)a.period);
	if (n >= 56)
		out_printf(", sched_util_min=%u, sched_util_max=%u",
			   a.util_min, a.util_max);
	out_write("}", 1);
}

/* sched_getattr(pid, attr, size, flags): the struct at exit */
enum dec_status
dec_sched_getattr(struct sc_ctx *c)
{
	if (!c->exiting) {
		out_printf("%d, ", (int)dec_arg(c, 0));
		return DEC_MORE;
	}
	if (c->args_done)
		return DEC_DONE;
	if (c->is_error)
		dec_print_ptr(dec_arg(c, 1));
	else
		print_sched_attr(c, dec_arg(c, 1), (uint32_t)dec_arg(c, 2));
	out_printf(", %u, %u", (unsigned)dec_arg(c, 2), (unsigned)dec_arg(c, 3));
	return DEC_DONE;
}

enum dec_status
dec_sched_setattr(struct sc_ctx *c)
{
	if (c->exiting)
		return DEC_DONE;
	out_printf("%d, ", (int)dec_arg(c, 0));
	print_sched_attr(c, dec_arg(c, 1), 0);
	out_printf(", %u", (unsigned)dec_arg(c, 2));
	return DEC_DONE;
}

/* ---- membarrier ---- */

static const struct xlat_entry membarrier_names[] = {
	XLAT_PAIR(0x1, "MEMBARRIER_CMD_GLOBAL"),
	XLAT_PAIR(0x2, "MEMBARRIER_CMD_GLOBAL_EXPEDITED"),
	XLAT_PAIR(0x4, "MEMBARRIER_CMD_REGISTER_GLOBAL_EXPEDITED"),
	XLAT_PAIR(0x8, "MEMBARRIER_CMD_PRIVATE_EXPEDITED"),
	XLAT_PAIR(0x10, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED"),
	XLAT_PAIR(0x20, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_PAIR(0x40, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_SYNC_CORE"),
	XLAT_PAIR(0x80, "MEMBARRIER_CMD_PRIVATE_EXPEDITED_RSEQ"),
	XLAT_PAIR(0x100, "MEMBARRIER_CMD_REGISTER_PRIVATE_EXPEDITED_RSEQ"),
};
static const struct xlat membarrier_cmds = XLAT_TABLE(membarrier_names);

static void
rval_membarrier(struct sc_ctx *c)
{
	if (!c->rval) {
		out_write("= 0", 3);
		return;
	}
	out_printf("= %#llx (", (unsigned long long)c->rval);
	dec_print_flags(&membarrier_cmds, (uint64_t)c->rval, NULL);
	out_write(")", 1);
}

/* membarrier(cmd, flags, cpu_id): strace shows cmd and flags */
enum dec_status
dec_membarrier(struct sc_ctx *c)
{
	uint32_t cmd = (uint32_t)dec_arg(c, 0);

	if (c->exiting) {
		if (cmd == 0)
			c->print_rval = rval_membarrier;
		return DEC_DONE;
	}
	if (cmd == 0)
		out_write("MEMBARRIER_CMD_QUERY", 20);
	else
		print_xval_hex(&membarrier_cmds, cmd, "MEMBARRIER_CMD_???");
	out_printf(", %#x", (unsigned)dec_arg(c, 1));
	return DEC_DONE;
}
