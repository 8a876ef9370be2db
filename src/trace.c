/*
 * trace.c - the per-stop dispatcher.
 *
 * For every wait status: classify it (stop.c), let the state machine pick
 * the next state (tracee.c), do what the stop means (print a syscall half,
 * register a child, re-key an exec'ing thread, print a signal or an exit)
 * and resume the tracee.  A syscall stop costs exactly two ptrace calls:
 * PTRACE_GET_SYSCALL_INFO and the PTRACE_SYSCALL that resumes it.
 */
#include <errno.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "decode.h"
#include "error.h"
#include "filetrack.h"
#include "filter.h"
#include "ftrace.h"
#include "json_out.h"
#include "output.h"
#include "pathfilter.h"
#include "personality.h"
#include "proctree.h"
#include "status_filter.h"
#include "ptrace_ops.h"
#include "seccomp.h"
#include "stats.h"
#include "stop.h"
#include "sysent.h"
#include "timestamp.h"
#include "trace.h"
#include "tracee.h"
#include "umem.h"
#include "xlat.h"

/* Kernel-internal errnos that mean "the syscall will be restarted". */
static const char *const restart_text[] = {
	[512 - 512] = "To be restarted if SA_RESTART is set",
	[513 - 512] = "To be restarted",
	[514 - 512] = "To be restarted if no handler",
	[516 - 512] = "Interrupted by signal",
};

static pid_t main_pid;
static struct timespec now_real, now_mono;   /* of the stop being handled */
static int main_status;
static bool main_done;
static bool detach_all;   /* every tracee, also new ones, is to be let go */
/*
 * The trace could not be written (sig 0) while a command's trace goes to
 * -o: no "Process N detached" per thread, as strace is quiet about
 * attach/detach in that mode; the one write error line says it all.
 */
static bool detach_quiet;

/*
 * The first word of the union of the last PTRACE_GET_SYSCALL_INFO answer
 * (entry.nr, or exit.rval: they share the offset), and its arch.  See
 * name_resumed_call().
 */
static uint64_t info_word;
#if defined(__aarch64__)
static uint32_t info_arch = ARCH_AARCH64;
#elif defined(__i386__)
static uint32_t info_arch = ARCH_I386;
#else
static uint32_t info_arch = ARCH_X86_64;
#endif

void
trace_set_main_pid(pid_t pid)
{
	main_pid = pid;
}

bool
trace_main_status(int *wait_status)
{
	*wait_status = main_status;
	return main_done;
}

static const char *
sc_name(const struct tracee *t, char *tmp, size_t size)
{
	if (t->ent)
		return t->ent->name;
	snprintf(tmp, size, "syscall_%#llx", (unsigned long long)t->entry.nr);
	return tmp;
}

/* --json/--trace-events: the syscall's record (exit NULL: it never returned). */
static void
record_syscall(struct tracee *t, const struct sc_rec *exit, size_t args_end)
{
	char tmp[40];

	json_out_syscall(t, sc_name(t, tmp, sizeof(tmp)), exit, args_end);
}

static void ctx_init(struct sc_ctx *c, struct tracee *t, bool exiting);

/* -T: " <0.000123>", from the entry stop to this exit stop. */
static void
print_syscall_time(const struct tracee *t)
{
	struct timespec d = timestamp_sub(&now_mono, &t->entry_time);
	char tmp[48];
	size_t n = timestamp_format_duration(tmp, sizeof(tmp), &d, 0,
					     opts.dur_digits);

	out_write(" <", 2);
	out_write(tmp, n);
	out_write(">", 1);
}

static void
print_result(struct tracee *t, int64_t rval, bool is_error)
{
	const char *name;

	out_tab_result();
	if (is_error) {
		long err = (long)-rval;

		name = xlat_errno_name((int)err);
		if (err >= 512 && err <= 516 && restart_text[err - 512])
			out_printf("= ? %s (%s)", name, restart_text[err - 512]);
		else if (name)
			out_printf("= -1 %s (%s)", name, strerror((int)err));
		else
			out_printf("= -1 (errno %ld)", err);
		return;
	}
	switch (t->ent ? t->ent->ret : RET_DEC) {
	case RET_HEX:
		out_printf("= %#llx", (unsigned long long)rval);
		break;
	case RET_OCT:
		out_printf("= %#03llo", (unsigned long long)rval);
		break;
	case RET_UDEC:
		out_printf("= %llu", (unsigned long long)rval);
		break;
	case RET_FD: {
		struct sc_ctx c;

		ctx_init(&c, t, true);
		out_write("= ", 2);
		dec_print_fd(&c, (int)rval);
		break;
	}
	default:
		out_write("= ", 2);
		out_dec((long long)rval);
		break;
	}
}

static void
ctx_init(struct sc_ctx *c, struct tracee *t, bool exiting)
{
	*c = (struct sc_ctx){
		.tid = t->tid,
		.proc = t->proc,
		.ent = t->ent,
		.entry = &t->entry,
		.exiting = exiting,
		.args_done = t->args_done,
		.scratch = t->dec_scratch,
		.interrupted = t->interrupted,
	};
	/* -e abbrev= / verbose= / raw= for this syscall (one bit test each) */
	c->abbrev = !opts.abbrev || sc_set_has(opts.abbrev, t->entry.arch, t->entry.nr);
	c->deref = !opts.deref || sc_set_has(opts.deref, t->entry.arch, t->entry.nr);
	c->raw = opts.raw && sc_set_has(opts.raw, t->entry.arch, t->entry.nr);
}

static enum dec_status
run_decoder(struct sc_ctx *c)
{
	if (c->raw) {
		unsigned i;

		for (i = 0; !c->exiting && c->ent && i < c->ent->nargs; i++)
			out_printf("%s%#llx", i ? ", " : "",
				   (unsigned long long)dec_arg(c, i));
		return DEC_DONE;
	}
	if (!c->ent)
		return c->exiting ? DEC_DONE : dec_unknown(c);
	return c->ent->decode ? c->ent->decode(c) : dec_generic(c);
}

static void
on_syscall_entry(struct tracee *t, const struct sc_rec *rec)
{
	char tmp[40];
	struct sc_ctx c;

	t->entry = *rec;
	t->entry_time = now_mono;
	t->ent = sysent_lookup(rec->arch, rec->nr);
	compat_demux(t);
	t->entry_shown = false;
	t->args_done = false;
	memset(t->dec_scratch, 0, sizeof(t->dec_scratch));
	personality_note(t, rec);

	if (t->hidden) {
		/* ftrace-c's own start-up code runs until the command's exec. */
		if (!t->ent || !(t->ent->flags & SF_EXEC))
			return;
		t->hidden = false;
		t->first_exec = true;
	}
	/* --tree, --files...: counted whatever -e trace= shows */
	if (t->proc->rec)
		proctree_on_entry(t, rec);
	if (t->proc->files)
		filetrack_on_entry(t, rec);
	/* -e trace= leaves it out; unknown numbers always show, as in strace */
	if (opts.trace && t->ent &&
	    !sc_set_has(opts.trace, rec->arch, t->entry.nr))
		return;
	if (opts.paths && !pathfilter_match(t->proc, t->tid, t->ent,
					     &t->entry))
		return;	/* -P: touches none of the paths */
	if (opts.summary) {
		t->stats_mark = stats_stop_clock(&now_mono);
		/* -c: counted at its exit, never decoded nor printed */
		t->entry_shown = opts.summary == SUMMARY_ONLY;
		if (t->entry_shown)
			return;
	}
	if (opts.status)
		status_filter_hold(t);
	if (!opts.json) {
		out_line_start(t);
		out_puts(sc_name(t, tmp, sizeof(tmp)));
		out_write("(", 1);
	}
	if (opts.records) {
		/* --json/--trace-events: a copy of the text (only it with --json) */
		t->rec.len = 0;
		out_capture(&t->rec, !opts.json);
	}
	ctx_init(&c, t, false);
	t->args_done = run_decoder(&c) == DEC_DONE;
	if (opts.records)
		out_capture(NULL, false);
	t->entry_shown = true;
	if (opts.status)
		status_filter_pause();
}

/* Start (or continue) t's line for the second half of its syscall. */
static void
resume_line(struct tracee *t)
{
	char tmp[40];

	if (opts.status) {
		/* a held line just goes on, as in strace */
		status_filter_hold(t);
		if (!status_filter_was_cut(t))
			return;
	} else if (out_line_owner_is(t)) {
		return;
	}
	out_line_start(t);
	out_printf("<... %s resumed>", sc_name(t, tmp, sizeof(tmp)));
}

/*
 * Keep the -y cache right: drop the entries of fds whose meaning the
 * syscall that just succeeded changed.  An fd a syscall creates needs
 * nothing: its number was free, so it was dropped when it was closed.
 */
static void
track_fds(struct tracee *t)
{
	struct fdcache *fds = t->proc->fds;
	const uint64_t *a = t->entry.args;

	if (!fds || !t->ent)
		return;
	switch (t->ent - sysent_table) {
	case SC_close:
		fdcache_forget(fds, (int)a[0]);
		break;
	case SC_dup2:
	case SC_dup3:
		fdcache_forget(fds, (int)a[1]);
		break;
	case SC_close_range:
		fdcache_forget_range(fds, (unsigned)a[0], (unsigned)a[1]);
		break;
	case SC_chdir:
	case SC_fchdir:
		fdcache_forget_cwd(fds);
		break;
	case SC_bind:
	case SC_connect:
	case SC_listen:
	case SC_shutdown:
		/* -yy shows a socket's addresses: they just changed */
		fdcache_forget(fds, (int)a[0]);
		break;
	default:
		break;
	}
}

static void
on_syscall_exit(struct tracee *t, const struct sc_rec *rec,
		enum tracee_state from)
{
	struct sc_ctx c;
	bool hide_after = false, shown = t->entry_shown;
	bool counted = !t->hidden;	/* its entry went to the audit hooks */
	size_t args_end = 0;

	/*
	 * The command's exec failed: what follows is ftrace-c's child
	 * reporting it and exiting, not the program; only the exit shows.
	 * Decided here, before the -e trace= test, which may leave the
	 * execve out of the trace.
	 */
	if (t->first_exec && from == TS_IN_SYSCALL) {
		t->first_exec = false;
		t->hidden = rec->is_error;
	}
	/* An exit without a seen entry: a new child's fork return, etc. */
	if (from != TS_IN_SYSCALL)
		return;
	/*
	 * Bookkeeping for every syscall, shown or left out by -e trace=:
	 * the command's own exec, restarts and the -y cache must not depend
	 * on what is printed.
	 */
	if (t->first_exec) {
		/*
		 * The command's exec failed: what follows is ftrace-c's child
		 * reporting it and exiting, not the program; only the exit
		 * shows.
		 */
		t->first_exec = false;
		hide_after = rec->is_error;
	}
	/* The kernel resumes this call with restart_syscall after a signal. */
	if (!rec->is_error || rec->rval != -516)
		t->interrupted = NULL;
	else if (t->ent != &sysent_table[SC_restart_syscall])
		t->interrupted = t->ent;	/* a cut restart keeps the name */
	/* before the result: "dup2(3, 20) = 20</new/path>" under -y */
	if (!rec->is_error)
		track_fds(t);
	if (counted && t->proc->rec)
		proctree_on_exit(t, rec);
	if (counted && t->proc->files)
		filetrack_on_exit(t, rec);
	if (!t->entry_shown)
		goto done;
	if (opts.summary) {
		stats_count(&t->entry, rec->is_error, t->stats_mark, &now_mono,
			    t->proc->rec ? t->proc->rec->stats : NULL);
		if (opts.summary == SUMMARY_ONLY)
			goto done;
	}
	if (!opts.json)
		resume_line(t);
	if (opts.records)
		out_capture(&t->rec, !opts.json);
	/* Called even when every argument is out: it may decode the result. */
	ctx_init(&c, t, true);
	c.rval = rec->rval;
	c.is_error = rec->is_error;
	run_decoder(&c);
	args_end = t->rec.len;
	out_write(")", 1);
	if (c.print_rval && !rec->is_error) {
		out_tab_result();
		c.print_rval(&c);
	} else {
		print_result(t, rec->rval, rec->is_error);
	}
	if (opts.records) {
		out_capture(NULL, false);
		record_syscall(t, rec, args_end);
		if (opts.json)
			goto done;
	}
	if (opts.Tflag)
		print_syscall_time(t);
	out_line_end();
done:
	t->entry_shown = false;
	t->hidden = t->hidden || hide_after;
	if (shown && opts.status)
		status_filter_release(t, status_filter_outcome(rec->is_error));
}

/*
 * t's syscall will never return (death, or its thread vanished in an
 * exec): finish its line with "= ?", as strace does.
 */
static void
end_syscall_unreturned(struct tracee *t)
{
	if (!t->entry_shown)
		return;
	t->entry_shown = false;
	/* -c: uncounted, as in strace: such a call has no time */
	if (opts.summary == SUMMARY_ONLY)
		return;
	if (opts.records) {
		record_syscall(t, NULL, t->rec.len);
		if (opts.json)
			return;
	}
	resume_line(t);
	if (!t->args_done)
		out_puts(" <unfinished ...>");
	out_write(")", 1);
	out_tab_result();
	out_write("= ?", 3);
	out_line_end();
	if (opts.status)
		status_filter_release(t, STATUS_UNFINISHED);
}

/* The flags of the parent's clone/clone3 (0 if they cannot be read). */
static uint64_t
clone_flags(const struct tracee *parent)
{
	uint64_t flags;

	if (!parent->ent)
		return 0;
	switch (parent->ent - sysent_table) {
	case SC_clone:
	case SC_clone_backwards:
		/* Every clone layout has the flags first. */
		return parent->entry.args[0];
	case SC_clone3:
		/* struct clone_args starts with a u64 flags field. */
		return umem_read(parent->tid, parent->entry.args[0], &flags, 8) == 0 ?
		       flags : 0;
	default:
		return 0;
	}
}

static void
on_new_child(struct tracee *parent, enum stop_kind kind)
{
	unsigned long msg = 0;
	struct tracee *child;
	struct proc *proc = NULL;
	uint64_t flags = 0;

	if (pt_geteventmsg(parent->tid, &msg) < 0)
		return;
	if (kind == STOP_CLONE)
		flags = clone_flags(parent);
	if (flags & CLONE_THREAD)
		proc = parent->proc;
	child = tracee_find((pid_t)msg);
	if (!child) {
		child = tracee_add((pid_t)msg, proc);
	} else if (proc) {
		/* Its first stop came first and made it a process of its own. */
		tracee_set_proc(child, proc);
	}
	child->spawned = parent->spawned;
	child->attached = parent->attached;
	personality_inherit(child, parent);
	if (parent->proc->rec)
		proctree_on_child(parent, child, proc != NULL);
	if (parent->proc->files)
		filetrack_on_child(parent, child, flags);
	if (opts.records)
		json_out_spawn(parent, child, kind == STOP_FORK ? "fork" :
			       kind == STOP_VFORK ? "vfork" : "clone");
	if (!(opts.quiet_set & QUIET_ATTACH) && !opts.outfile)
		error_msg("Process %d attached", child->tid);
}

/*
 * PTRACE_EVENT_EXEC.  After an exec from a non-leader thread, the exec'ing
 * thread continues under the leader's TID, and the old leader vanishes
 * without an exit status of its own (ptrace(2), "execve(2) under ptrace").
 * Returns the tracee that now owns tid.
 */
static struct tracee *
on_exec(struct tracee *t)
{
	unsigned long old = 0;
	struct tracee *execer;
	pid_t leader = t->tid;

	/* close-on-exec fds are gone: refill the -y cache lazily */
	fdcache_forget_all(t->proc->fds);
	if (pt_geteventmsg(t->tid, &old) < 0 || (pid_t)old == t->tid)
		return t;
	execer = tracee_find((pid_t)old);
	if (!execer)
		return t;
	if (t->state == TS_IN_SYSCALL)
		end_syscall_unreturned(t);
	if (opts.status && !opts.json && execer->entry_shown)
		status_filter_cut(execer);
	if (!t->hidden && opts.summary != SUMMARY_ONLY && !opts.json &&
	    !(opts.quiet_set & QUIET_THREAD_EXECVE)) {
		out_line_start(t);
		out_printf("+++ superseded by execve in pid %lu +++", old);
		out_line_end();
	}
	tracee_set_proc(execer, t->proc);
	out_exec_takeover(execer, t);
	out_line_forget(t);
	tracee_remove(t);
	tracee_rekey(execer, leader);
	return execer;
}

static void
on_signal(struct tracee *t, int sig)
{
	siginfo_t si;

	if (t->hidden || opts.summary == SUMMARY_ONLY ||
	    (opts.signals && !sig_set_has(opts.signals, sig)))
		return;	/* -e signal= leaves it out */
	if (opts.records) {
		json_out_signal(t, sig);
		if (opts.json)
			return;
	}
	out_line_start(t);
	out_write("--- ", 4);
	dec_print_signame_plain(sig);
	if (pt_getsiginfo(t->tid, &si) == 0) {
		out_write(" ", 1);
		dec_print_siginfo(&si);
	}
	out_write(" ---", 4);
	out_line_end();
}

static void
on_group_stop(struct tracee *t, int sig)
{
	if (t->hidden || opts.summary == SUMMARY_ONLY ||
	    (opts.signals && !sig_set_has(opts.signals, sig)))
		return;
	if (opts.records) {
		json_out_group_stop(t, sig);
		if (opts.json)
			return;
	}
	out_line_start(t);
	out_write("--- stopped by ", 15);
	dec_print_signame_plain(sig);
	out_write(" ---", 4);
	out_line_end();
}

static void
on_death(struct tracee *t, const struct stop *st, enum tracee_state from,
	 int status)
{
	if (from == TS_IN_SYSCALL || from == TS_EXITING)
		end_syscall_unreturned(t);
	/* --json: every end is a record (-q and -e signal= shape the text) */
	if (opts.records)
		json_out_death(t, st);
	/*
	 * quiet=exit (-qq) hides normal exits; -e signal= hides deaths by
	 * the signals it leaves out, as strace 6.1 does.
	 */
	if (opts.summary != SUMMARY_ONLY && !opts.json &&
	    (st->kind == STOP_EXITED ? !(opts.quiet_set & QUIET_EXIT) :
	     !opts.signals || sig_set_has(opts.signals, st->sig))) {
		out_line_start_exit(t);
		if (st->kind == STOP_EXITED) {
			out_printf("+++ exited with %d +++", st->code);
		} else {
			out_write("+++ killed by ", 14);
			dec_print_signame_plain(st->sig);
			out_puts(st->core ? " (core dumped) +++" : " +++");
		}
		out_line_end();
	}
	if (t->tid == main_pid) {
		main_status = status;
		main_done = true;
	}
	if (t->proc->rec)
		proctree_on_death(t, status);
}

/*
 * The attach stop of a -p thread.  If the thread was asleep, the attach
 * cut that call, and it goes on with restart_syscall
 * (ERESTART_RESTARTBLOCK), whose line names the call it resumes: unknown
 * here.  strace names, as that call, the syscall number it reads at this
 * stop with PTRACE_GET_SYSCALL_INFO; at an interrupt stop the kernel
 * fills only the header (op NONE, ptrace(2) "PTRACE_GET_SYSCALL_INFO"),
 * so the number is the one left over in strace's buffer by the previous
 * answer (0, "read" on x86_64, for the first).  The same rule gives the
 * same line.
 */
static void
name_resumed_call(struct tracee *t)
{
	t->grabbed = false;
	if (opts.records)
		json_out_attach(t);
	if (!t->interrupted)
		t->interrupted = sysent_lookup(info_arch, info_word);
}

/*
 * -p: the first stop of a seized thread.  It is usually the interrupt
 * stop attach.c asked for, but any trap that comes first (the exec of a
 * process seized inside execve, a signal, a group-stop, its death)
 * clears the kernel's pending interrupt, and no interrupt stop follows.
 * So the attach is recorded at whichever stop is first.
 */
static void
on_first_stop_after_attach(struct tracee *t, enum stop_kind kind)
{
	if (t->proc->rec)
		proctree_on_attach(t, kind != STOP_EXEC &&
				      kind != STOP_EXITED &&
				      kind != STOP_KILLED);
	name_resumed_call(t);
}

/* Resume t as its step says; true when it is running again. */
static bool
resume(struct tracee *t, const struct tracee_step *step)
{
	int r = 0;

	switch (step->action) {
	case ACT_RESUME:
		r = seccomp_resume_cont(t) ? pt_cont(t->tid, step->sig)
					   : pt_syscall(t->tid, step->sig);
		if (t->state == TS_SIGNAL_STOP)
			t->state = TS_RUNNING;
		break;
	case ACT_LISTEN:
		r = pt_listen(t->tid);
		break;
	case ACT_FORGET:
		out_line_forget(t);
		tracee_remove(t);
		return false;
	case ACT_NONE:
		return false;
	}
	/* ESRCH: killed meanwhile; its exit status is on its way. */
	if (r < 0 && errno != ESRCH)
		perror_msg("ptrace resume %d", t->tid);
	return r == 0 && step->action == ACT_RESUME;
}

/*
 * Let a tracee go from the ptrace-stop it is in.  A signal that was about
 * to be delivered (signal-delivery-stop) goes back to it with
 * PTRACE_DETACH's data argument; a group-stopped one stays stopped, since
 * the kernel puts a detached thread of a stopped group back into
 * group-stop (ptrace(2), "Detaching of the tracee").  At a fork, vfork or
 * clone event stop the new child is already traced (auto-attached, ptrace(2)
 * "PTRACE_O_TRACEFORK") but may not have stopped yet: it is registered as
 * detaching so that the loop waits for it and lets it go too, instead of
 * exiting and leaving it to the kernel (which would SIGKILL it under
 * PTRACE_O_EXITKILL).
 */
static void
detach_now(struct tracee *t, const struct stop *st)
{
	int sig = st->kind == STOP_SIGNAL ? st->sig : 0;
	unsigned long msg;

	if ((st->kind == STOP_FORK || st->kind == STOP_VFORK ||
	     st->kind == STOP_CLONE) && pt_geteventmsg(t->tid, &msg) == 0 &&
	    !tracee_find((pid_t)msg))
		tracee_add((pid_t)msg, NULL)->detaching = true;
	if (pt_detach(t->tid, sig) < 0 && errno != ESRCH)
		perror_msg("PTRACE_DETACH %d", t->tid);
	/*
	 * -b execve: strace is quiet about it when a command's trace goes to
	 * -o.  (Detaching on a signal to ftrace-c always says so: strace
	 * ignores those signals then, so there is no text to match.)
	 */
	if (!(opts.quiet_set & QUIET_ATTACH) && !detach_quiet &&
	    !(st->kind == STOP_EXEC && opts.outfile && opts.command))
		error_msg("Process %d detached", t->tid);
	if (t->proc->rec)
		proctree_on_detach(t);
	if (opts.records) {
		if (opts.json && t->entry_shown && opts.summary != SUMMARY_ONLY)
			record_syscall(t, NULL, t->rec.len);
		json_out_detach(t);
	}
	if (opts.json) {
		/* no text: the records say it */
	} else if (opts.status && t->entry_shown) {
		status_filter_hold(t);
		out_puts(" <detached ...>");
		out_line_end();
		status_filter_release(t, STATUS_DETACHED);
	} else if (out_line_owner_is(t)) {
		out_puts(" <detached ...>");
		out_line_end();
	}
	out_line_forget(t);
	tracee_remove(t);
}

bool
trace_handle_status(pid_t pid, int status)
{
	struct tracee *t = tracee_find(pid);
	struct tracee_step step;
	struct sc_rec rec;
	struct stop st;
	int op = SC_OP_NONE;

	stop_classify(status, &st);
	/* One clock read per stop, and only when an option shows time. */
	if (opts.ts_format || opts.rflag || opts.Tflag || opts.summary_wall ||
	    opts.records) {
		clock_gettime(CLOCK_REALTIME, &now_real);
		clock_gettime(CLOCK_MONOTONIC, &now_mono);
		out_set_stop_time(&now_real, &now_mono);
	}
	if (!t) {
		/* Not ours (already forgotten): nothing to report or resume. */
		if (st.kind == STOP_EXITED || st.kind == STOP_KILLED) {
			/* the command, detached but still our child */
			if (pid == main_pid && !main_done) {
				main_status = status;
				main_done = true;
			}
			return false;
		}
		/* A new child whose first stop beat its parent's event. */
		t = tracee_add(pid, NULL);
	}
	out_select(t);
	if (t->grabbed)
		on_first_stop_after_attach(t, st.kind);
	if ((t->detaching || detach_all) && st.kind != STOP_EXITED &&
	    st.kind != STOP_KILLED && st.kind != STOP_UNKNOWN) {
		detach_now(t, &st);
		return false;
	}
	if (st.kind == STOP_SYSCALL || st.kind == STOP_SECCOMP) {
		if (syscall_info_get(pid, &rec) < 0) {
			if (errno != ESRCH)
				perror_msg("PTRACE_GET_SYSCALL_INFO %d", pid);
			return false;
		}
		op = rec.op;
		if (op == SC_OP_ENTRY || op == SC_OP_EXIT) {
			info_word = op == SC_OP_ENTRY ? rec.nr : (uint64_t)rec.rval;
			info_arch = rec.arch;
		}
	}

	step = tracee_transition(t, &st, op);
	switch (st.kind) {
	case STOP_SYSCALL:
		if (op == SC_OP_ENTRY)
			on_syscall_entry(t, &rec);
		else if (op == SC_OP_EXIT)
			on_syscall_exit(t, &rec, step.from);
		break;
	case STOP_SECCOMP:
		/*
		 * --seccomp-bpf: the filter's stop is the entry of a traced
		 * syscall.  A tracee resumed with PTRACE_SYSCALL (a new child
		 * before its fork event) had its entry stop just before it.
		 */
		if (op == SC_OP_SECCOMP && step.from != TS_IN_SYSCALL)
			on_syscall_entry(t, &rec);
		break;
	case STOP_FORK:
	case STOP_VFORK:
	case STOP_CLONE:
		on_new_child(t, st.kind);
		break;
	case STOP_EXEC:
		t = on_exec(t);
		if (t->proc->rec)
			proctree_on_exec(t);
		if (t->proc->files)
			filetrack_on_exec(t);
		if (opts.records)
			json_out_exec(t);
		/* -b execve: not the command's own first exec */
		if (opts.detach_on_execve && !t->first_exec) {
			detach_now(t, &st);
			return false;
		}
		break;
	case STOP_SIGNAL:
		on_signal(t, st.sig);
		break;
	case STOP_GROUP:
		on_group_stop(t, st.sig);
		break;
	case STOP_EXIT_EVENT:
		/* PTRACE_EVENT_EXIT: its exit/exit_group will not return */
		if (step.from == TS_IN_SYSCALL)
			end_syscall_unreturned(t);
		break;
	case STOP_EXITED:
	case STOP_KILLED:
		on_death(t, &st, step.from, status);
		break;
	default:
		break;
	}
	/* what the loop may skip its last wait4 for (loop.c) */
	return resume(t, &step) &&
	       (st.kind == STOP_SYSCALL || st.kind == STOP_SECCOMP);
}

static void
start_detach(struct tracee *t, void *arg)
{
	(void)arg;
	if (t->detaching)
		return;
	t->detaching = true;
	/*
	 * PTRACE_DETACH works only on a tracee in a ptrace-stop: make one.
	 * PTRACE_INTERRUPT stops a running thread, breaks a blocking syscall
	 * (which the kernel restarts after the detach) and makes a thread
	 * in group-stop (PTRACE_LISTEN) re-trap (ptrace(2), "PTRACE_INTERRUPT"
	 * and "PTRACE_LISTEN").  ESRCH: it is dying; its exit is on its way.
	 */
	if (pt_interrupt(t->tid) < 0 && errno != ESRCH)
		perror_msg("PTRACE_INTERRUPT %d", t->tid);
}

void
trace_detach_all(int sig)
{
	if (detach_all)
		return;	/* a second signal: the detach under way goes on */
	detach_all = true;
	detach_quiet = !sig && opts.outfile && opts.command;
	/*
	 * As strace: the command ftrace-c started gets the signal (and a
	 * SIGCONT, should it be stopped); every tracee, spawned or attached,
	 * is then detached and goes on untraced.
	 */
	if (sig && main_pid && !main_done) {
		kill(main_pid, SIGCONT);
		kill(main_pid, sig);
	}
	tracee_foreach(start_detach, NULL);
}
