/*
 * seccomp.c - --seccomp-bpf at run time: decide whether the filter can be
 * used (with strace 6.1's notes when not), build it once before the fork,
 * and load it in the spawned child.  The program itself comes from
 * seccomp_filter.c; the resume rule is seccomp_resume_cont() in seccomp.h.
 */
#include <errno.h>
#include <linux/seccomp.h>
#include <stddef.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>

#include "error.h"
#include "filter.h"
#include "seccomp.h"
#include "seccomp_filter.h"

bool seccomp_enabled;

/*
 * The architectures a tracee of this build can run as: the native one
 * first (nearly every syscall is checked against it first), then compat.
 * x32 needs nothing of its own: its calls come as x86_64 with bit 30 set
 * in nr, so they are >= 1024 and get the set's answer for numbers no
 * table knows (only "all"-like sets trace them), as without the filter.
 */
static const uint32_t filter_arches[] = {
#if defined(__x86_64__)
	ARCH_X86_64, ARCH_I386,
#elif defined(__i386__)
	ARCH_I386,
#elif defined(__aarch64__)
	ARCH_AARCH64,
#else
#error "--seccomp-bpf: which architectures can tracees of this build run as?"
#endif
};
#define NARCHES (sizeof(filter_arches) / sizeof(filter_arches[0]))

static struct sock_filter insns[SECCOMP_FILTER_MAX_INSNS];
static struct sock_fprog prog = { .len = 0, .filter = insns };

static unsigned
arch_index(uint32_t arch)
{
	unsigned a;

	for (a = 0; a < SYSENT_NARCHES && sysent_arches[a] != arch; a++)
		;
	return a;
}

/* Would the filter let nothing through?  Then it only costs. */
static bool
traces_everything(const struct sc_set *set)
{
	unsigned i;
	uint64_t nr;

	if (!set)
		return true;
	for (i = 0; i < NARCHES; i++) {
		unsigned n = sysent_arch_nr_count(filter_arches[i]);

		for (nr = 0; nr < n; nr++)
			if (!sc_set_has(set, filter_arches[i], nr))
				return false;
	}
	return true;
}

/*
 * The trace set plus execve and execveat, which always stop: the
 * spawned child's own exec ends ftrace-c's start-up hiding
 * (trace.c), and strace traces them whatever the set, too.
 */
static void
filter_set(const struct sc_set *trace, struct sc_set *out)
{
	unsigned i;
	uint64_t nr;

	*out = *trace;
	for (i = 0; i < NARCHES; i++) {
		unsigned a = arch_index(filter_arches[i]);
		unsigned n = sysent_arch_nr_count(filter_arches[i]);

		for (nr = 0; nr < n && nr < FILTER_NR_MAX; nr++) {
			const struct sysent *e =
				sysent_lookup(filter_arches[i], nr);

			if (e && (e->flags & SF_EXEC))
				out->bits[a][nr / 64] |= 1ULL << (nr % 64);
		}
	}
}

void
seccomp_setup(const struct options *o)
{
	struct sc_set set;
	int len;

	seccomp_enabled = false;
	if (!o->seccomp_bpf)
		return;
	/* strace 6.1's notes, in its order; strings unsplit, for grep */
	if (o->attach_count && !o->command)
		error_msg("--seccomp-bpf is not enabled for processes attached with -p");
	if (!o->follow_forks) {
		error_msg("--seccomp-bpf cannot be used without -f/--follow-forks, disabling");
		return;
	}
	if (traces_everything(o->trace)) {
		error_msg("Seccomp filter is requested but there are no syscalls to filter.  See -e trace to filter syscalls.");
		return;
	}
	filter_set(o->trace, &set);
	len = seccomp_filter_build(&set, filter_arches, NARCHES, insns,
				   SECCOMP_FILTER_MAX_INSNS);
	/*
	 * A kernel with seccomp filters fails a NULL program with EFAULT;
	 * one without them says EINVAL.
	 */
	if (len < 0 ||
	    (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, NULL, 0, 0) < 0 &&
	     errno == EINVAL)) {
		error_msg("seccomp filter is requested but unavailable");
		return;
	}
	prog.len = (unsigned short)len;
	seccomp_enabled = true;
}

unsigned long
seccomp_ptrace_options(void)
{
	return seccomp_enabled ? PTRACE_O_TRACESECCOMP : 0;
}

int
seccomp_install(void)
{
	if (prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0) == 0)
		return 0;
	if (errno != EACCES)
		return -1;
	/*
	 * Without CAP_SYS_ADMIN the kernel loads a filter only under
	 * no_new_privs, which stops set-user-ID programs from gaining
	 * privileges; so it is set only when needed (strace always sets it).
	 */
	if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0)
		return -1;
	return prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, &prog, 0, 0);
}
