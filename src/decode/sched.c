/*
 * decode/sched.c - scheduler calls: sched_{get,set}affinity, policies and
 * params, sched_{get,set}attr, sched_rr_get_interval, priorities, I/O
 * priorities and membarrier.  Split from process.c for size.
 */
#include <signal.h>
#include <string.h>

#include "decode.h"
#include "fmt.h"
#include "ftrace.h"
#include "output.h"
#include "umem.h"

/* ---- sched_getaffinity, sched_setaffinity: "[0 1]" ---- */

static void
print_cpu_mask(struct sc_ctx *c, uint64_t addr, uint64_t len)
{
	static unsigned char mask[1024];
	size_t n = len > sizeof(mask) ? sizeof(mask) : (size_t)len;
	bool first = true;
	size_t i;

	if (!dec_fetch(c, addr, mask, n))
		return;
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
		dec_print_xval_hex(&sched_policies, (uint32_t)dec_arg(c, 1),
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
		dec_print_xval_hex(&sched_policies, (uint32_t)dec_arg(c, 0),
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
		dec_print_timespec(c, dec_arg(c, 1),
				   c->ent != &sysent_table[SC_sched_rr_get_interval] ||
				   c->entry->wordsize == 8);
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
	if (c->is_error || dec_read_words(c, a, w, 4) < 0) {
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
	if (!dec_fetch_out(c, a, b, w32 ? 56 : 112))
		return DEC_DONE;
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
	dec_print_xval_hex(&prio_which, (uint32_t)dec_arg(c, 0), "PRIO_???");
	out_printf(", %d", (int)dec_arg(c, 1));
	if (c->ent->nargs > 2)
		out_printf(", %d", (int)dec_arg(c, 2));
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
	dec_print_xval_hex(&ioprio_classes, v >> 13, "IOPRIO_CLASS_???");
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
	dec_print_xval_hex(&ioprio_who, (uint32_t)dec_arg(c, 0), "IOPRIO_WHO_???");
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

	if (!dec_fetch(c, addr, &a, 48))
		return;
	n = len ? len : a.size;
	if (n >= 56)
		(void)umem_read(c->tid, addr, &a, 56);
	out_printf("{size=%u, sched_policy=", a.size);
	dec_print_xval_hex(&sched_policies, a.policy, "SCHED_???");
	out_write(", sched_flags=", 14);
	dec_print_flags_cmt(&sched_flags, a.flags, "0", "SCHED_FLAG_???");
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
		dec_print_xval_hex(&membarrier_cmds, cmd, "MEMBARRIER_CMD_???");
	out_printf(", %#x", (unsigned)dec_arg(c, 1));
	return DEC_DONE;
}
