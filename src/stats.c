/*
 * stats.c - -c / -C counters and strace's summary table (include/stats.h).
 *
 * What a syscall's time is, as in strace 6.1:
 *  - by default, the system CPU time the tracee's process used between the
 *    syscall's entry stop and its exit stop.  The kernel reports it with
 *    every wait4() status (the rusage of a stopped child, RUSAGE_BOTH: the
 *    whole thread group plus its reaped children), so it costs no extra
 *    system call; it has microsecond resolution;
 *  - with -w, the CLOCK_MONOTONIC time from the entry stop to the exit stop.
 * Only syscalls that return are counted: one that never does (exit_group,
 * a call cut by the process's death) has no exit stop, and strace leaves it
 * out of the table too.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>

#include "error.h"
#include "filter.h"
#include "ftrace.h"
#include "output.h"
#include "proctree.h"
#include "stats.h"
#include "sysent.h"
#include "syscall_info.h"

struct stats_cell {
	uint64_t calls, errors;
	uint64_t total_ns, min_ns, max_ns;
};

/* Numbers from FILTER_NR_MAX on (none in any table) are not counted. */
static struct stats_cell cells[SYSENT_NARCHES][FILTER_NR_MAX];
static bool arch_seen[SYSENT_NARCHES];

/*
 * -c --per-process: one process's counters.  The tracer's own arch gets
 * its array (as long as its table) when the process is created; another
 * arch's when the process first makes a syscall of it (an exec of a
 * program of the other arch: rare).
 */
struct stats_set {
	struct stats_cell *cells[SYSENT_NARCHES];
	unsigned len[SYSENT_NARCHES];
};
static struct rusage stop_rusage;

static const struct {
	const char *header;
	unsigned min_width;
} col_desc[STATS_COL_COUNT] = {
	[STATS_COL_PERCENT] = { "% time", 6 },
	[STATS_COL_TOTAL] = { "seconds", 11 },
	[STATS_COL_MIN] = { "shortest", 8 },
	[STATS_COL_MAX] = { "longest", 7 },
	[STATS_COL_AVG] = { "usecs/call", 11 },
	[STATS_COL_CALLS] = { "calls", 9 },
	[STATS_COL_ERRORS] = { "errors", 9 },
	[STATS_COL_NAME] = { "syscall", 16 },
};

/* -S values and -U column names with their aliases, as strace accepts them. */
static const struct {
	const char *name;
	enum stats_sort sort;
} sort_names[] = {
	{ "time", STATS_SORT_TIME },
	{ "time-percent", STATS_SORT_TIME },
	{ "time-total", STATS_SORT_TIME },
	{ "total-time", STATS_SORT_TIME },
	{ "min-time", STATS_SORT_MIN },
	{ "shortest", STATS_SORT_MIN },
	{ "time-min", STATS_SORT_MIN },
	{ "max-time", STATS_SORT_MAX },
	{ "longest", STATS_SORT_MAX },
	{ "time-max", STATS_SORT_MAX },
	{ "avg-time", STATS_SORT_AVG },
	{ "time-avg", STATS_SORT_AVG },
	{ "calls", STATS_SORT_CALLS },
	{ "count", STATS_SORT_CALLS },
	{ "errors", STATS_SORT_ERRORS },
	{ "error", STATS_SORT_ERRORS },
	{ "name", STATS_SORT_NAME },
	{ "syscall", STATS_SORT_NAME },
	{ "syscall-name", STATS_SORT_NAME },
	{ "nothing", STATS_SORT_NOTHING },
	{ "none", STATS_SORT_NOTHING },
};

static const struct {
	const char *name;
	enum stats_col col;
} col_names[] = {
	{ "time-percent", STATS_COL_PERCENT },
	{ "time", STATS_COL_PERCENT },
	{ "total-time", STATS_COL_TOTAL },
	{ "time-total", STATS_COL_TOTAL },
	{ "min-time", STATS_COL_MIN },
	{ "shortest", STATS_COL_MIN },
	{ "time-min", STATS_COL_MIN },
	{ "max-time", STATS_COL_MAX },
	{ "longest", STATS_COL_MAX },
	{ "time-max", STATS_COL_MAX },
	{ "avg-time", STATS_COL_AVG },
	{ "time-avg", STATS_COL_AVG },
	{ "calls", STATS_COL_CALLS },
	{ "count", STATS_COL_CALLS },
	{ "errors", STATS_COL_ERRORS },
	{ "error", STATS_COL_ERRORS },
	{ "name", STATS_COL_NAME },
	{ "syscall", STATS_COL_NAME },
	{ "syscall-name", STATS_COL_NAME },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* The tracer's own architecture: its table comes first, without a heading. */
#if defined(__x86_64__)
#define NATIVE_ARCH ARCH_X86_64
#elif defined(__aarch64__)
#define NATIVE_ARCH ARCH_AARCH64
#else
#define NATIVE_ARCH ARCH_I386
#endif

void
stats_config_default(struct stats_config *cfg)
{
	static const enum stats_col def[] = {
		STATS_COL_PERCENT, STATS_COL_TOTAL, STATS_COL_AVG,
		STATS_COL_CALLS, STATS_COL_ERRORS, STATS_COL_NAME,
	};

	cfg->sort = STATS_SORT_TIME;
	cfg->ncols = ARRAY_LEN(def);
	memcpy(cfg->cols, def, sizeof(def));
}

/* strace compares these names with '-' and '_' as the same character. */
static bool
name_eq(const char *a, size_t alen, const char *b)
{
	size_t i;

	for (i = 0; i < alen; i++) {
		char x = a[i] == '_' ? '-' : a[i];

		if (!b[i] || x != b[i])
			return false;
	}
	return !b[i];
}

int
stats_parse_sort(struct stats_config *cfg, const char *arg, char *err,
		 size_t errlen)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(sort_names); i++) {
		if (name_eq(arg, strlen(arg), sort_names[i].name)) {
			cfg->sort = sort_names[i].sort;
			return 0;
		}
	}
	snprintf(err, errlen, "invalid sortby: '%s'", arg);
	return -1;
}

int
stats_parse_columns(struct stats_config *cfg, const char *arg, char *err,
		    size_t errlen)
{
	bool used[STATS_COL_COUNT] = { false };
	const char *tok = arg;
	unsigned n = 0;

	for (;;) {
		size_t len = strcspn(tok, ",");
		size_t i;

		for (i = 0; i < ARRAY_LEN(col_names); i++)
			if (name_eq(tok, len, col_names[i].name))
				break;
		if (i == ARRAY_LEN(col_names)) {
			snprintf(err, errlen, "unknown column name: '%.*s'",
				 (int)len, tok);
			return -1;
		}
		if (used[col_names[i].col]) {
			snprintf(err, errlen,
				 "call summary column has been provided more "
				 "than once: '%.*s' (-U option residual: '%s')",
				 (int)len, tok, tok);
			return -1;
		}
		used[col_names[i].col] = true;
		cfg->cols[n++] = col_names[i].col;
		if (!tok[len])
			break;
		tok += len + 1;
	}
	/* the name column is always there, last unless placed elsewhere */
	if (!used[STATS_COL_NAME])
		cfg->cols[n++] = STATS_COL_NAME;
	cfg->ncols = n;
	return 0;
}

/* ---- counting (hot path) ---- */

struct rusage *
stats_rusage_slot(void)
{
	return opts.summary && !opts.summary_wall ? &stop_rusage : NULL;
}

uint64_t
stats_stop_clock(const struct timespec *mono)
{
	if (opts.summary_wall)
		return (uint64_t)mono->tv_sec * 1000000000u + (uint64_t)mono->tv_nsec;
	return (uint64_t)stop_rusage.ru_stime.tv_sec * 1000000000u +
	       (uint64_t)stop_rusage.ru_stime.tv_usec * 1000u;
}

static int
arch_index(uint32_t arch)
{
	int a;

	for (a = 0; a < SYSENT_NARCHES; a++)
		if (sysent_arches[a] == arch)
			return a;
	return -1;
}

static void
cell_add(struct stats_cell *c, uint64_t calls, uint64_t errors, uint64_t ns,
	 uint64_t min_ns, uint64_t max_ns)
{
	if (!calls)
		return;
	if (!c->calls || min_ns < c->min_ns)
		c->min_ns = min_ns;
	if (max_ns > c->max_ns)
		c->max_ns = max_ns;
	c->calls += calls;
	c->errors += errors;
	c->total_ns += ns;
}

static struct stats_cell *
set_cells(struct stats_set *set, int a)
{
	if (!set->cells[a]) {
		set->len[a] = sysent_arch_nr_count(sysent_arches[a]);
		set->cells[a] = calloc(set->len[a] ? set->len[a] : 1,
				       sizeof(struct stats_cell));
		if (!set->cells[a])
			die("out of memory");
	}
	return set->cells[a];
}

void
stats_count(const struct sc_rec *entry, bool is_error, uint64_t mark,
	    const struct timespec *mono, struct stats_set *also)
{
	uint64_t now = stats_stop_clock(mono);
	uint64_t ns = now > mark ? now - mark : 0;
	int a = arch_index(entry->arch);

	if (a < 0 || entry->nr >= FILTER_NR_MAX)
		return;
	arch_seen[a] = true;
	cell_add(&cells[a][entry->nr], 1, is_error, ns, ns, ns);
	if (also && entry->nr < sysent_arch_nr_count(entry->arch))
		cell_add(&set_cells(also, a)[entry->nr], 1, is_error, ns, ns, ns);
}

struct stats_set *
stats_set_new(void)
{
	struct stats_set *set = calloc(1, sizeof(*set));
	int a;

	if (!set)
		die("out of memory");
	a = arch_index(NATIVE_ARCH);
	if (a >= 0)
		set_cells(set, a);
	return set;
}

void
stats_set_free(struct stats_set *set)
{
	int a;

	if (!set)
		return;
	for (a = 0; a < SYSENT_NARCHES; a++)
		free(set->cells[a]);
	free(set);
}

void
stats_set_add(struct stats_set *into, const struct stats_set *from)
{
	int a;
	unsigned nr;

	if (!into || !from)
		return;
	for (a = 0; a < SYSENT_NARCHES; a++) {
		const struct stats_cell *c = from->cells[a];

		for (nr = 0; c && nr < from->len[a]; nr++)
			cell_add(&set_cells(into, a)[nr], c[nr].calls,
				 c[nr].errors, c[nr].total_ns, c[nr].min_ns,
				 c[nr].max_ns);
	}
}

void
stats_reset(void)
{
	memset(cells, 0, sizeof(cells));
	memset(arch_seen, 0, sizeof(arch_seen));
}

/* ---- the table ---- */

/* qsort's comparator has no context argument: the order being applied */
static const struct stats_config *sort_cfg;

static uint64_t
sort_key(const struct stats_row *r)
{
	switch (sort_cfg->sort) {
	case STATS_SORT_TIME:
		return r->total_ns;
	case STATS_SORT_MIN:
		return r->min_ns;
	case STATS_SORT_MAX:
		return r->max_ns;
	case STATS_SORT_AVG:
		return r->calls ? r->total_ns / r->calls : 0;
	case STATS_SORT_CALLS:
		return r->calls;
	case STATS_SORT_ERRORS:
		return r->errors;
	default:
		return 0;
	}
}

/* Largest first, names A to Z; equal rows in syscall number order. */
static int
row_cmp(const void *pa, const void *pb)
{
	const struct stats_row *a = pa, *b = pb;
	uint64_t ka, kb;
	int c;

	if (sort_cfg->sort == STATS_SORT_NAME) {
		c = strcmp(a->name, b->name);
		if (c)
			return c;
	} else {
		ka = sort_key(a);
		kb = sort_key(b);
		if (ka != kb)
			return ka > kb ? -1 : 1;
	}
	return a->nr < b->nr ? -1 : a->nr > b->nr;
}

static int
fmt_seconds(char *buf, size_t size, uint64_t ns)
{
	return snprintf(buf, size, "%.6f", (double)ns / 1e9);
}

/* One cell's text, unpadded; errors is empty for 0, as strace prints it. */
static int
fmt_cell(char *buf, size_t size, enum stats_col col,
	 const struct stats_row *r, uint64_t all_ns, bool total)
{
	switch (col) {
	case STATS_COL_PERCENT:
		return snprintf(buf, size, "%.2f", total ? 100.0 :
				all_ns ? 100.0 * (double)r->total_ns / (double)all_ns : 0.0);
	case STATS_COL_TOTAL:
		return fmt_seconds(buf, size, r->total_ns);
	case STATS_COL_MIN:
		return fmt_seconds(buf, size, r->min_ns);
	case STATS_COL_MAX:
		return fmt_seconds(buf, size, r->max_ns);
	case STATS_COL_AVG:
		return snprintf(buf, size, "%llu",
				(unsigned long long)(r->calls ? r->total_ns / r->calls / 1000 : 0));
	case STATS_COL_CALLS:
		return snprintf(buf, size, "%llu", (unsigned long long)r->calls);
	case STATS_COL_ERRORS:
		return r->errors ? snprintf(buf, size, "%llu",
					    (unsigned long long)r->errors) :
				   (buf[0] = '\0', 0);
	case STATS_COL_NAME:
	default:
		return snprintf(buf, size, "%s", r->name);
	}
}

/* Cells are padded to width with spaces: numbers right, names left. */
static void
emit_line(const struct stats_config *cfg, const unsigned *width,
	  const char *const *text, stats_emit_fn emit, void *arg)
{
	static const char spaces[64] = { [0 ... 63] = ' ' };
	char line[1024];
	size_t used = 0;
	unsigned i;

	for (i = 0; i < cfg->ncols; i++) {
		enum stats_col col = cfg->cols[i];
		size_t len = strlen(text[i]);
		size_t pad = width[col] > len ? width[col] - len : 0;
		bool last = i + 1 == cfg->ncols;

		if (pad > sizeof(spaces))
			pad = sizeof(spaces);
		if (i)
			line[used++] = ' ';
		if (col != STATS_COL_NAME) {
			memcpy(line + used, spaces, pad);
			used += pad;
		}
		memcpy(line + used, text[i], len);
		used += len;
		/* the name is padded unless it ends the line */
		if (col == STATS_COL_NAME && !last) {
			memcpy(line + used, spaces, pad);
			used += pad;
		}
	}
	line[used++] = '\n';
	emit(line, used, arg);
}

static void
emit_dashes(const struct stats_config *cfg, const unsigned *width,
	    stats_emit_fn emit, void *arg)
{
	char cell[STATS_COL_COUNT][64];
	const char *text[STATS_COL_COUNT];
	unsigned i;

	/* a cell of dashes exactly as wide as its column */
	for (i = 0; i < cfg->ncols; i++) {
		unsigned w = width[cfg->cols[i]];

		if (w >= sizeof(cell[i]))
			w = sizeof(cell[i]) - 1;
		memset(cell[i], '-', w);
		cell[i][w] = '\0';
		text[i] = cell[i];
	}
	emit_line(cfg, width, text, emit, arg);
}

void
stats_format(const struct stats_config *cfg, struct stats_row *rows,
	     size_t nrows, stats_emit_fn emit, void *arg)
{
	char cells_text[STATS_COL_COUNT][64];
	const char *text[STATS_COL_COUNT];
	unsigned width[STATS_COL_COUNT];
	struct stats_row total = { .name = "total" };
	size_t r;
	unsigned i;

	if (!nrows)
		return;
	for (r = 0; r < nrows; r++) {
		if (!r || rows[r].min_ns < total.min_ns)
			total.min_ns = rows[r].min_ns;
		if (rows[r].max_ns > total.max_ns)
			total.max_ns = rows[r].max_ns;
		total.calls += rows[r].calls;
		total.errors += rows[r].errors;
		total.total_ns += rows[r].total_ns;
	}
	sort_cfg = cfg;
	qsort(rows, nrows, sizeof(rows[0]), row_cmp);

	/* Columns grow with their widest value (the name: plus one space). */
	for (i = 0; i < STATS_COL_COUNT; i++)
		width[i] = col_desc[i].min_width;
	for (r = 0; r <= nrows; r++) {
		const struct stats_row *row = r < nrows ? &rows[r] : &total;

		for (i = 0; i < cfg->ncols; i++) {
			enum stats_col col = cfg->cols[i];
			unsigned len = (unsigned)fmt_cell(cells_text[0], sizeof(cells_text[0]),
							  col, row, total.total_ns, r == nrows);

			if (col == STATS_COL_NAME && r < nrows)
				len++;
			if (len > width[col])
				width[col] = len;
		}
	}

	for (i = 0; i < cfg->ncols; i++)
		text[i] = col_desc[cfg->cols[i]].header;
	emit_line(cfg, width, text, emit, arg);
	emit_dashes(cfg, width, emit, arg);
	for (r = 0; r <= nrows; r++) {
		const struct stats_row *row = r < nrows ? &rows[r] : &total;

		if (r == nrows)
			emit_dashes(cfg, width, emit, arg);
		for (i = 0; i < cfg->ncols; i++) {
			fmt_cell(cells_text[i], sizeof(cells_text[i]), cfg->cols[i],
				 row, total.total_ns, r == nrows);
			text[i] = cells_text[i];
		}
		emit_line(cfg, width, text, emit, arg);
	}
}

static void
emit_out(const char *s, size_t n, void *arg)
{
	(void)arg;
	out_write(s, n);
}

/* strace's names for the personalities of a tracee */
static const char *
personality_name(uint32_t arch)
{
	switch (arch) {
	case ARCH_I386:
		return "32 bit";
	case ARCH_X86_64:
		return "64 bit";
	default:
		return sysent_arch_name(arch);
	}
}

static void
print_arch(int a, const struct stats_cell *cells_a, unsigned len,
	   const struct stats_config *cfg)
{
	static struct stats_row rows[FILTER_NR_MAX];
	static char unknown_names[FILTER_NR_MAX][24];
	size_t n = 0;
	uint64_t nr;

	for (nr = 0; nr < len; nr++) {
		const struct stats_cell *c = &cells_a[nr];
		const struct sysent *ent;

		if (!c->calls)
			continue;
		ent = sysent_lookup(sysent_arches[a], nr);
		/* as a trace line names it (strace 6.1 -c crashes on these) */
		if (!ent)
			snprintf(unknown_names[nr], sizeof(unknown_names[nr]),
				 "syscall_%#llx", (unsigned long long)nr);
		rows[n++] = (struct stats_row){
			.name = ent ? ent->name : unknown_names[nr],
			.nr = nr,
			.calls = c->calls,
			.errors = c->errors,
			.total_ns = c->total_ns,
			.min_ns = c->min_ns,
			.max_ns = c->max_ns,
		};
	}
	if (sysent_arches[a] != NATIVE_ARCH)
		out_printf("System call usage summary for %s mode:\n",
			   personality_name(sysent_arches[a]));
	stats_format(cfg, rows, n, emit_out, NULL);
}

static bool
set_has_calls(const struct stats_set *set, int a)
{
	unsigned nr;

	for (nr = 0; set->cells[a] && nr < set->len[a]; nr++)
		if (set->cells[a][nr].calls)
			return true;
	return false;
}

/* --per-process: "--- pid 1234 (make) ---", its table(s), a blank line */
static void
print_process(const struct proctree_rec *r, void *arg)
{
	const struct stats_config *cfg = arg;
	int a, native = arch_index(NATIVE_ARCH);
	bool any = false;

	if (!r->stats)
		return;
	for (a = 0; a < SYSENT_NARCHES; a++)
		any = any || set_has_calls(r->stats, a);
	if (!any)
		return;
	out_printf("--- pid %d (%s) ---\n", r->pid, proctree_comm_base(r));
	if (native >= 0 && set_has_calls(r->stats, native))
		print_arch(native, r->stats->cells[native], r->stats->len[native],
			   cfg);
	for (a = 0; a < SYSENT_NARCHES; a++)
		if (a != native && set_has_calls(r->stats, a))
			print_arch(a, r->stats->cells[a], r->stats->len[a], cfg);
	out_write("\n", 1);
}

void
stats_print(void)
{
	const struct stats_config *cfg = opts.summary_cfg;
	struct stats_config def;
	int a, native = arch_index(NATIVE_ARCH);

	if (!cfg) {
		stats_config_default(&def);
		cfg = &def;
	}
	if (opts.per_process) {
		proctree_for_each(print_process, (void *)cfg);
		out_printf("--- total ---\n");
	}
	if (native >= 0 && arch_seen[native])
		print_arch(native, cells[native], FILTER_NR_MAX, cfg);
	for (a = 0; a < SYSENT_NARCHES; a++)
		if (a != native && arch_seen[a])
			print_arch(a, cells[a], FILTER_NR_MAX, cfg);
	out_flush();
}
