/*
 * decode/prctl.c - prctl (its many options and special results),
 * arch_prctl and personality.  Split from process.c for size.
 */
#include <signal.h>
#include <string.h>

#include "decode.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

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
		dec_print_xval_hex(&arch_prctls, code, "ARCH_???");
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

/*
 * A task name (PR_SET_NAME, PR_GET_NAME): 16 bytes with their NUL.  With
 * no NUL in them strace shows 15 characters and "..."; when the 16 bytes
 * cannot be read, the address.
 */
static void
print_comm(struct sc_ctx *c, uint64_t addr)
{
	char comm[16];

	if (!addr || umem_read(c->tid, addr, comm, sizeof(comm)) < 0)
		dec_print_ptr(addr);
	else if (memchr(comm, '\0', sizeof(comm)) || opts.max_strlen < 15)
		dec_print_str(c->tid, addr);
	else {
		dec_print_buf(c->tid, addr, 15);
		out_write("...", 3);
	}
}

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
				print_comm(c, a1);
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
				dec_print_xval_hex(&tsc_modes, (uint32_t)m, "PR_TSC_???");
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
			dec_print_int_out(c, a1);
		}
		return DEC_DONE;
	}
	dec_print_xval_hex(&prctl_opts, opt, "PR_???");
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
		dec_print_xval_hex(&dumpable, a1, "SUID_DUMP_???");
		break;
	case 15: /* PR_SET_NAME */
		out_write(", ", 2);
		print_comm(c, a1);
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
		dec_print_flags_cmt(&secbits, a1, "0", "SECBIT_???");
		break;
	case 22: /* PR_SET_SECCOMP */
		out_write(", ", 2);
		dec_print_xval_hex(&seccomp_modes, a1, "SECCOMP_MODE_???");
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
		dec_print_xval_hex(&mce_ops, a1, "PR_MCE_KILL_???");
		out_write(", ", 2);
		if (a1 == 1)
			dec_print_xval_hex(&mce_policies, dec_arg(c, 2),
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
		dec_print_xval_hex(&tsc_modes, a1, "PR_TSC_???");
		break;
	case 47: /* PR_CAP_AMBIENT */
		out_write(", ", 2);
		dec_print_xval_hex(&cap_ambient_ops, a1, "PR_CAP_AMBIENT_???");
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
		dec_print_xval_hex(&spec_which, a1, "PR_SPEC_???");
		break;
	case 53: /* PR_SET_SPECULATION_CTRL */
		out_write(", ", 2);
		dec_print_xval_hex(&spec_which, a1, "PR_SPEC_???");
		out_write(", ", 2);
		/* a value here, not flags: 0x40000004 is PR_SPEC_??? */
		dec_print_xval_hex(&spec_flags, dec_arg(c, 2), "PR_SPEC_???");
		break;
	case 35: /* PR_SET_MM */
		out_write(", ", 2);
		dec_print_xval_hex(&set_mm_ops, a1, "PR_SET_MM_???");
		out_printf(", %#llx", (unsigned long long)dec_arg(c, 2));
		print_args_from(c, 3, "%llu");
		break;
	case 62: /* PR_SCHED_CORE */
		out_write(", ", 2);
		dec_print_xval_hex(&sched_core_ops, a1, "PR_SCHED_CORE_???");
		out_printf(", %d, ", (int)dec_arg(c, 2));
		/* strace: "0x1 / * PIDTYPE_TGID * /", the number alone with -X raw */
		out_printf("%#llx", (unsigned long long)dec_arg(c, 3));
		if (opts.xmode != XMODE_RAW)
			out_printf(" /* %s */", xlat_lookup(&pidtypes, dec_arg(c, 3))
				   ? xlat_lookup(&pidtypes, dec_arg(c, 3))
				   : "PIDTYPE_???");
		out_write(", ", 2);
		dec_print_ptr(dec_arg(c, 4));
		break;
	default:
		print_args_from(c, 1, "%#llx");
		break;
	}
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
	dec_print_xval_hex(&per_types, v & 0xff, "PER_???");
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
