/*
 * stats.h - -c / -C: per-syscall counts, errors and times, and strace's
 * summary table (-S sort order, -U columns, -w wall-clock times).
 *
 * Counters live in one static array per architecture, indexed by syscall
 * number, so counting a syscall is a few additions: nothing is allocated
 * while tracing.  The table is built and sorted once, at the end.
 */
#ifndef FTRACE_STATS_H
#define FTRACE_STATS_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

struct rusage;
struct sc_rec;
struct stats_set;

/* opts.summary */
enum stats_summary {
	SUMMARY_OFF = 0,
	SUMMARY_ONLY,   /* -c: the table and nothing else of the trace */
	SUMMARY_ALSO,   /* -C: the trace, then the table */
};

/* -S: how the rows are ordered (ties: by syscall number). */
enum stats_sort {
	STATS_SORT_TIME = 0,  /* total time, largest first (default) */
	STATS_SORT_MIN,
	STATS_SORT_MAX,
	STATS_SORT_AVG,
	STATS_SORT_CALLS,
	STATS_SORT_ERRORS,
	STATS_SORT_NAME,      /* alphabetical */
	STATS_SORT_NOTHING,   /* syscall number order */
};

/* -U: the columns, in the order given. */
enum stats_col {
	STATS_COL_PERCENT = 0, /* "% time" */
	STATS_COL_TOTAL,       /* "seconds" */
	STATS_COL_MIN,         /* "shortest" */
	STATS_COL_MAX,         /* "longest" */
	STATS_COL_AVG,         /* "usecs/call" */
	STATS_COL_CALLS,       /* "calls" */
	STATS_COL_ERRORS,      /* "errors" */
	STATS_COL_NAME,        /* "syscall" */
	STATS_COL_COUNT
};

struct stats_config {
	enum stats_sort sort;
	unsigned ncols;
	enum stats_col cols[STATS_COL_COUNT];
};

/* One line of the table: one syscall of one architecture. */
struct stats_row {
	const char *name;
	uint64_t nr;          /* tie-breaker: equal rows keep number order */
	uint64_t calls, errors;
	uint64_t total_ns, min_ns, max_ns;
};

/* strace's default: sort by time; % time, seconds, usecs/call, calls, errors, syscall. */
void stats_config_default(struct stats_config *cfg);

/*
 * -S and -U arguments, with strace's names and aliases ('-' and '_' are
 * the same).  On error write strace's message (without the "ftrace-c: "
 * prefix) to err and return -1.
 */
int stats_parse_sort(struct stats_config *cfg, const char *arg, char *err,
		     size_t errlen);
int stats_parse_columns(struct stats_config *cfg, const char *arg, char *err,
			size_t errlen);

/* Called with each piece of the table's text. */
typedef void (*stats_emit_fn)(const char *s, size_t n, void *arg);

/*
 * Sort rows (in place) as cfg says and write the table: header, dashes,
 * one line per row, dashes, the "total" line.  Nothing for no rows.
 */
void stats_format(const struct stats_config *cfg, struct stats_row *rows,
		  size_t nrows, stats_emit_fn emit, void *arg);

/*
 * wait4() fills this with the reaped tracee's resource usage when -c or -C
 * measure system CPU time (no -w); NULL when no rusage is needed.
 */
struct rusage *stats_rusage_slot(void);

/*
 * The measure of the stop being handled, in ns: the tracee's system CPU
 * time (from the last wait4's rusage) or, with -w, CLOCK_MONOTONIC (mono).
 * Save it at a counted syscall's entry and hand it to stats_count().
 */
uint64_t stats_stop_clock(const struct timespec *mono);

/*
 * A counted syscall returned: one call, maybe an error, its time; counted
 * in the process's set also (-c --per-process) unless that is NULL.
 */
void stats_count(const struct sc_rec *entry, bool is_error, uint64_t mark,
		 const struct timespec *mono, struct stats_set *also);

/* -c --per-process: a process's own counters (proctree.h records). */
struct stats_set *stats_set_new(void);
void stats_set_free(struct stats_set *set);
/* from's counts added to into's (a record that was a thread after all) */
void stats_set_add(struct stats_set *into, const struct stats_set *from);

/*
 * Write the tables (one per architecture seen) to the trace output; with
 * --per-process first one "--- pid N (comm) ---" section per process, then
 * "--- total ---".
 */
void stats_print(void);

/* Forget every count (tests). */
void stats_reset(void);

#endif /* FTRACE_STATS_H */
