/*
 * options.c - getopt_long into struct options, with strace's option letters
 * and its wording for bad input ("ftrace-c: invalid -s argument: 'x'").
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attach.h"
#include "audit.h"
#include "error.h"
#include "filter.h"
#include "options.h"
#include "pathfilter.h"
#include "spawn.h"
#include "stats.h"
#include "timestamp.h"

/* The one parsed command line, read by every module. */
struct options opts;

static const char usage_text[] =
	"Usage: " FTRACE_NAME " [-fhinqrtTvVxyzZ] [-X STYLE] [-o FILE] [-s STRSIZE] [-P PATH]... [-p PID]...\n"
	"                { -p PID | PROG [ARGS] }\n"
	"\n"
	"Filtering:\n"
	"  -e trace=[!]SET, --trace=[!]SET\n"
	"                 trace only these syscalls: names, %class, /regex,\n"
	"                 all, none, ?name (no error if unknown)\n"
	"  -e abbrev=SET, -e verbose=SET, -e raw=SET\n"
	"                 abbreviate / dereference / print raw for these syscalls\n"
	"  -e signal=SET, --signal=SET\n"
	"                 print only the signals from SET\n"
	"  -e status=SET, --status=SET\n"
	"                 print only syscalls that ended so: successful, failed,\n"
	"                 unfinished, unavailable, detached\n"
	"  -P PATH, --trace-path=PATH\n"
	"                 trace accesses to PATH (repeatable)\n"
	"  -z, --successful-only\n"
	"                 print only syscalls that returned without an error\n"
	"  -Z, --failed-only\n"
	"                 print only syscalls that returned an error\n"
	"\n"
	"Startup:\n"
	"  -E VAR=VAL, --env=VAR=VAL\n"
	"                 put VAR=VAL in the environment for command\n"
	"  -E VAR, --env=VAR\n"
	"                 remove VAR from the environment for command\n"
	"  -p PID, --attach=PID\n"
	"                 trace the running process PID (repeatable; a list\n"
	"                 \"1,2\" or \"1 2\" works too); Ctrl-C detaches\n"
	"  --descendants  with -p: also trace every process below PID\n"
	"  -u USERNAME, --user=USERNAME\n"
	"                 run command as USERNAME handling setuid and/or setgid\n"
	"\n"
	"Tracing:\n"
	"  -b execve, --detach-on=execve\n"
	"                 detach on execve syscall\n"
	"  -f, --follow-forks\n"
	"                 follow forks, vforks and clones; every line gets a\n"
	"                 \"[pid N] \" prefix\n"
	"  --seccomp-bpf  with -f and -e trace=: stop the command only at the\n"
	"                 traced syscalls (a seccomp-bpf filter)\n"
	"  -ff, --follow-forks --output-separately\n"
	"                 follow forks with output into separate files\n"
	"\n"
	"Output format:\n"
	"  -i, --instruction-pointer\n"
	"                 print the instruction pointer of each syscall\n"
	"  -n, --syscall-number\n"
	"                 print syscall numbers\n"
	"  -t             time of day of each line; -tt with microseconds;\n"
	"                 -ttt as seconds since the epoch\n"
	"  --absolute-timestamps=[[format:]FORMAT[,[precision:]PRECISION]]\n"
	"                 FORMAT: none, time (default) or unix;\n"
	"                 PRECISION: s (default), ms, us or ns\n"
	"  -r, --relative-timestamps[=PRECISION]\n"
	"                 time since the previous line (default us)\n"
	"  -T, --syscall-times[=PRECISION]\n"
	"                 time spent in each syscall (default us)\n"
	"  -o FILE, --output=FILE\n"
	"                 send trace output to FILE instead of stderr;\n"
	"                 |COMMAND or !COMMAND pipes it to a shell command\n"
	"  --json         JSON Lines instead of text: one record per syscall and\n"
	"                 per event (docs/json.md)\n"
	"  --trace-events=FILE\n"
	"                 also write a Chrome/Perfetto trace-event file\n"
	"  -A, --output-append-mode\n"
	"                 open the file provided in the -o option in append mode\n"
	"  --output-separately\n"
	"                 output into separate files (by appending pid to file names)\n"
	"  -s STRSIZE, --string-limit=STRSIZE\n"
	"                 limit length of print strings to STRSIZE chars (default 32)\n"
	"  -v, --no-abbrev\n"
	"                 print structures, arrays and the environment in full\n"
	"  -x             print non-ASCII string bytes in hexadecimal\n"
	"  -xx            print every string byte in hexadecimal\n"
	"  -X raw|abbrev|verbose, --const-print-style=...\n"
	"                 named constants as numbers, names (default), or both\n"
	"  -y, --decode-fds\n"
	"                 print the path of every file descriptor: 3</etc/passwd>\n"
	"  -yy            also the protocol and addresses of sockets\n"
	"\n"
	"Statistics:\n"
	"  -c, --summary-only\n"
	"                 count time, calls, and errors for each syscall and\n"
	"                 report a summary instead of the trace\n"
	"  -C, --summary  like -c, but also print the trace\n"
	"  -S SORTBY, --summary-sort-by=SORTBY\n"
	"                 sort the summary by time (default), min-time, max-time,\n"
	"                 avg-time, calls, errors, name or nothing\n"
	"  -U COLUMNS, --summary-columns=COLUMNS\n"
	"                 summary columns: time-percent, total-time, min-time,\n"
	"                 max-time, avg-time, calls, errors, name\n"
	"  -w, --summary-wall-clock\n"
	"                 summarise wall-clock time instead of system time\n"
	"  --per-process  with -c/-C: one table per process, then the total\n"
	"\n"
	"Process-tree audit (reports at the end; FILE defaults to stderr):\n"
	"  --tree[=FILE]  every process: parent, execs, cwd, times, end, syscalls\n"
	"  --files[=FILE] every path: who opened it how, bytes read and written,\n"
	"                 failed lookups by errno\n"
	"  --files-sort=bytes|count|path\n"
	"                 order of the --files table (default bytes)\n"
	"  --timeline=FILE.svg\n"
	"                 an SVG Gantt chart of the process tree\n"
	"\n"
	"Miscellaneous:\n"
	"  -q, --quiet    suppress messages about attaching and detaching;\n"
	"                 -qq also about process exit status; -qqq all\n"
	"  -e quiet=SET, --quiet=SET\n"
	"                 suppress these messages: attach, exit, path-resolution,\n"
	"                 personality, thread-execve\n"
	"  -h, --help     print this help message\n"
	"  -V, --version  print version\n";

void
options_usage(void)
{
	fputs(usage_text, stdout);
}

static void
usage_error(const char *fmt, const char *arg)
{
	char msg[256];

	snprintf(msg, sizeof(msg), fmt, arg);
	error_msg("%s\nTry '%s -h' for more information.", msg, FTRACE_NAME);
}

#define MAX_ATTACH 4096
static pid_t attach_pids[MAX_ATTACH];

/* -S and -U; opts.summary_cfg points here once one is given. */
static struct stats_config summary_cfg;

static struct stats_config *
summary_config(struct options *o)
{
	if (!o->summary_cfg)
		stats_config_default(&summary_cfg);
	o->summary_cfg = &summary_cfg;
	return &summary_cfg;
}

/*
 * What strace checks once every option is read, in its order (the -c/-C
 * conflict and a missing command are checked before these).
 */
static int
check_summary(struct options *o, bool sort_given, bool cols_given)
{
	static const char *const no_effect[] = {
		"-i/--instruction-pointer", "-n/--syscall-number",
		"-r/--relative-timestamps", "-t/--absolute-timestamps",
		"-T/--syscall-times", "-y/--decode-fds",
	};
	bool given[] = { o->iflag, o->nflag, o->rflag, o->tflag, o->Tflag, o->yflag };
	unsigned i;

	if (!o->summary) {
		if (o->summary_wall) {
			usage_error("%s", "-w/--summary-wall-clock must be given "
				    "with (-c/--summary-only or -C/--summary)");
			return -1;
		}
		if (cols_given) {
			usage_error("%s", "-U/--summary-columns must be given "
				    "with (-c/--summary-only or -C/--summary)");
			return -1;
		}
		if (sort_given)
			error_msg("-S/--summary-sort-by has no effect without "
				  "(-c/--summary-only or -C/--summary)");
		return 0;
	}
	if (o->summary != SUMMARY_ONLY)
		return 0;
	/* nothing of the trace is printed, so these would only cost time */
	for (i = 0; i < sizeof(given) / sizeof(given[0]); i++)
		if (given[i])
			error_msg("%s has no effect with -c/--summary-only", no_effect[i]);
	o->iflag = o->nflag = o->rflag = o->Tflag = false;
	o->tflag = o->yflag = 0;
	o->ts_format = 0;
	return 0;
}
/* -E VAR=VAL / -E VAR, in order; argv strings. */
#define MAX_ENV_OPS 4096
static char *env_ops[MAX_ENV_OPS];

/* The sets -e fills; opts points at them once they are given. */
static struct sc_set trace_set, abbrev_set, deref_set, raw_set;
static struct sig_set signal_set;
static bool quiet_given;   /* -e quiet= / --quiet=SET: clashes with -q */
static int status_opt;     /* the last of -z / -Z, for strace's warning */

enum qual_kind { Q_SYSCALLS, Q_SIGNAL, Q_STATUS, Q_QUIET, Q_UNSUPPORTED };

/*
 * -e [QUALIFIER=][!]VALUE[,VALUE...]: trace (the default), abbrev,
 * verbose, raw, signal, status, quiet, with strace's short forms.  A
 * qualifier given again replaces its earlier value, as in strace 6.1.
 */
static int
parse_qualifier(const char *expr, struct options *o)
{
	static const struct {
		const char *name;
		enum qual_kind kind;
		struct sc_set *set;
	} quals[] = {
		{ "trace", Q_SYSCALLS, &trace_set }, { "t", Q_SYSCALLS, &trace_set },
		{ "abbrev", Q_SYSCALLS, &abbrev_set }, { "a", Q_SYSCALLS, &abbrev_set },
		{ "verbose", Q_SYSCALLS, &deref_set }, { "v", Q_SYSCALLS, &deref_set },
		{ "raw", Q_SYSCALLS, &raw_set }, { "x", Q_SYSCALLS, &raw_set },
		{ "signal", Q_SIGNAL, NULL }, { "signals", Q_SIGNAL, NULL },
		{ "s", Q_SIGNAL, NULL },
		{ "status", Q_STATUS, NULL },
		{ "quiet", Q_QUIET, NULL }, { "silent", Q_QUIET, NULL },
		{ "silence", Q_QUIET, NULL }, { "q", Q_QUIET, NULL },
		/*
		 * strace 6.1 qualifiers ftrace-c does not implement: refused
		 * by name, not read as a syscall called "read=3".
		 */
		{ "read", Q_UNSUPPORTED, NULL }, { "reads", Q_UNSUPPORTED, NULL },
		{ "r", Q_UNSUPPORTED, NULL }, { "write", Q_UNSUPPORTED, NULL },
		{ "writes", Q_UNSUPPORTED, NULL }, { "w", Q_UNSUPPORTED, NULL },
		{ "fault", Q_UNSUPPORTED, NULL }, { "inject", Q_UNSUPPORTED, NULL },
		{ "kvm", Q_UNSUPPORTED, NULL },
		{ "decode-fd", Q_UNSUPPORTED, NULL },
		{ "decode-fds", Q_UNSUPPORTED, NULL },
		{ "decode-pid", Q_UNSUPPORTED, NULL },
		{ "decode-pids", Q_UNSUPPORTED, NULL },
	};
	const char *eq = strchr(expr, '='), *spec = expr;
	enum qual_kind kind = Q_SYSCALLS;
	struct sc_set *set = &trace_set;
	char err[1024];
	unsigned i;
	int rc;

	if (eq) {
		for (i = 0; i < sizeof(quals) / sizeof(quals[0]); i++) {
			size_t n = strlen(quals[i].name);

			if ((size_t)(eq - expr) == n &&
			    strncmp(expr, quals[i].name, n) == 0) {
				kind = quals[i].kind;
				set = quals[i].set;
				spec = eq + 1;
				break;
			}
		}
	}
	switch (kind) {
	case Q_UNSUPPORTED:
		error_msg("-e %.*s= is not supported", (int)(eq - expr), expr);
		return -1;
	case Q_SIGNAL:
		rc = sig_set_parse(&signal_set, spec, err, sizeof(err));
		o->signals = &signal_set;
		break;
	case Q_STATUS:
		rc = filter_parse_status(&o->status, spec, err, sizeof(err));
		status_opt = 0;
		break;
	case Q_QUIET:
		rc = filter_parse_quiet(&o->quiet_set, spec, err, sizeof(err));
		quiet_given = true;
		break;
	default:
		rc = sc_set_parse(set, spec, err, sizeof(err));
		if (set == &trace_set)
			o->trace = set;
		else if (set == &abbrev_set)
			o->abbrev = set;
		else if (set == &deref_set)
			o->deref = set;
		else
			o->raw = set;
		break;
	}
	if (rc < 0) {
		error_msg("%s", err);
		return -1;
	}
	return 0;
}

static bool
is_long(const char *arg)
{
	return arg[0] == '-' && arg[1] == '-' && arg[2];
}

/* "--output=x" -> "--output" */
static const char *
long_name(const char *arg)
{
	static char name[128];

	snprintf(name, sizeof(name), "%.*s", (int)strcspn(arg, "="), arg);
	return name;
}

/*
 * "--out=x" matching several long options: glibc's getopt words it
 * (we run it with opterr = 0), listing them in table order.  Candidates
 * that behave the same are not ambiguous, as in glibc.
 */
static bool
report_ambiguous(const struct option *opts_tab, const char *arg)
{
	const char *name = arg + 2;
	size_t len = strcspn(name, "=");
	const struct option *first = NULL, *p;
	char list[1024] = "";
	size_t used = 0;
	bool ambiguous = false;

	for (p = opts_tab; p->name; p++) {
		if (strncmp(p->name, name, len) != 0)
			continue;
		if (!first)
			first = p;
		else if (p->has_arg != first->has_arg || p->flag != first->flag ||
			 p->val != first->val)
			ambiguous = true;
	}
	if (!ambiguous)
		return false;
	for (p = opts_tab; p->name; p++) {
		if (strncmp(p->name, name, len) != 0 || used >= sizeof(list))
			continue;
		if (p != first && p->has_arg == first->has_arg &&
		    p->flag == first->flag && p->val == first->val)
			continue;
		used += (size_t)snprintf(list + used, sizeof(list) - used,
					 " '--%s'", p->name);
	}
	error_msg("option '%s' is ambiguous; possibilities:%s\nTry '%s -h' for more information.",
		  arg, list, FTRACE_NAME);
	return true;
}

/* A non-negative int, the whole string, as strace's -s accepts. */
static int
parse_uint(const char *s, unsigned *out)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno || end == s || *end || v < 0 || v > INT_MAX)
		return -1;
	*out = (unsigned)v;
	return 0;
}

/* Codes of long options without a short letter (above any char). */
enum {
	OPT_ABS_TS = 0x1000,
	OPT_TIMESTAMPS,
	OPT_REL_TS,
	OPT_SYSCALL_TIMES,
	OPT_OUTPUT_SEPARATELY,
	OPT_JSON,
	OPT_TRACE_EVENTS,
	OPT_STRING_LIMIT,
};

/* -r/-T precision: "invalid --relative-timestamps argument: 'x'". */
static int
parse_digits(const char *name, const char *arg, int *digits)
{
	int d = arg ? timestamp_parse_precision(arg) : 6;

	if (d < 0) {
		char fmt[96];

		snprintf(fmt, sizeof(fmt), "invalid --%s argument: '%%s'", name);
		usage_error(fmt, arg);
		return -1;
	}
	*digits = d;
	return 0;
}

/*
 * Checks strace makes once the whole line is read, in its order; also
 * turns -t/-tt/-ttt into a format and precision.
 */
static int
check_routing(struct options *o, bool long_ts, bool sep_given)
{
	if (o->tflag && long_ts) {
		error_msg("-t and --absolute-timestamps cannot be provided simultaneously");
		return -1;
	}
	if (o->tflag) {
		o->ts_format = o->tflag >= 3 ? TIMESTAMP_UNIX : TIMESTAMP_TIME;
		o->ts_digits = o->tflag >= 2 ? 6 : 0;
	}
	if (o->username && spawn_set_user(o->username) < 0)
		return -1;
	if (!o->outfile) {
		if (sep_given)
			error_msg("--output-separately has no effect without -o/--output");
		if (o->append)
			error_msg("-A/--output-append-mode has no effect without -o/--output");
		o->output_separately = false;
	} else if (o->output_separately &&
		   (o->outfile[0] == '|' || o->outfile[0] == '!')) {
		usage_error("%s", "piping the output and -ff/--output-separately are mutually exclusive");
		return -1;
	}
	return 0;
}

enum options_result
options_parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "attach", required_argument, NULL, 'p' },
		{ "descendants", no_argument, NULL, 'D' + 256 },
		{ "absolute-timestamps", optional_argument, NULL, OPT_ABS_TS },
		/* strace's order: it shows in "ambiguous; possibilities:" */
		{ "output-append-mode", no_argument, NULL, 'A' },
		{ "output-separately", no_argument, NULL, OPT_OUTPUT_SEPARATELY },
		{ "output", required_argument, NULL, 'o' },
		{ "json", no_argument, NULL, OPT_JSON },
		{ "trace-events", required_argument, NULL, OPT_TRACE_EVENTS },
		{ "string-limit", required_argument, NULL, OPT_STRING_LIMIT },
		{ "quiet", optional_argument, NULL, 'q' },
		{ "signal", required_argument, NULL, 's' + 256 },
		{ "status", required_argument, NULL, 'S' + 256 },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "trace-path", required_argument, NULL, 'P' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "detach-on", required_argument, NULL, 'b' },
		{ "decode-fds", no_argument, NULL, 'y' },
		{ "const-print-style", required_argument, NULL, 'X' },
		{ "instruction-pointer", no_argument, NULL, 'i' },
		{ "syscall-number", no_argument, NULL, 'n' },
		{ "relative-timestamps", optional_argument, NULL, OPT_REL_TS },
		{ "syscall-times", optional_argument, NULL, OPT_SYSCALL_TIMES },
		{ "timestamps", optional_argument, NULL, OPT_TIMESTAMPS },
		{ "user", required_argument, NULL, 'u' },
		{ "env", required_argument, NULL, 'E' },
		{ "trace", required_argument, NULL, 'T' + 256 },
		{ "abbrev", required_argument, NULL, 'a' + 256 },
		{ "verbose", required_argument, NULL, 'v' + 256 },
		{ "raw", required_argument, NULL, 'x' + 256 },
		{ "seccomp-bpf", no_argument, NULL, 'B' + 256 },
		{ "summary-only", no_argument, NULL, 'c' },
		{ "summary", no_argument, NULL, 'C' },
		{ "summary-wall-clock", no_argument, NULL, 'w' },
		{ "summary-sort-by", required_argument, NULL, 'S' },
		{ "summary-columns", required_argument, NULL, 'U' },
		AUDIT_LONGOPTS,
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	bool sort_given = false, cols_given = false, both_summaries = false;
	char err[256];
	bool long_ts = false, sep_given = false;
	int c;

	*o = (struct options){ .max_strlen = 32, .rel_digits = 6,
			       .dur_digits = 6 };
	quiet_given = false;
	status_opt = 0;
	pathfilter_reset();
	/* '+': options end at the command; ':': we word the errors. */
	opterr = 0;
	/*
	 * 0, not 1: glibc then forgets where it was inside a cluster of
	 * short options ("-Vv" stops at V), which would otherwise be read
	 * from the previous call's argv (found by tests/fuzz/fuzz_options).
	 */
	optind = 0;
	while ((c = getopt_long(argc, argv,
				"+:Ab:cCe:E:fino:p:P:rs:S:tTqu:U:vwxX:yzZhV",
				longopts, NULL)) != -1) {
		switch (c) {
		case 'e':
			if (parse_qualifier(optarg, o) < 0)
				return OPTIONS_ERROR;
			break;
		case 'T' + 256:
		case 'a' + 256:
		case 'v' + 256:
		case 'x' + 256:
		case 's' + 256:
		case 'S' + 256: {
			char expr[1100];

			snprintf(expr, sizeof(expr), "%s=%s",
				 c == 'T' + 256 ? "trace" : c == 'a' + 256 ? "abbrev" :
				 c == 'v' + 256 ? "verbose" : c == 'x' + 256 ? "raw" :
				 c == 's' + 256 ? "signal" : "status", optarg);
			if (parse_qualifier(expr, o) < 0)
				return OPTIONS_ERROR;
			break;
		}
		case 'D' + 256:
			o->descendants = true;
			break;
		case AUDIT_OPT_TREE:
		case AUDIT_OPT_FILES:
		case AUDIT_OPT_FILES_SORT:
		case AUDIT_OPT_TIMELINE:
		case AUDIT_OPT_PER_PROCESS:
			if (audit_option(c, optarg, o) < 0)
				return OPTIONS_ERROR;
			break;
		case 'B' + 256:
			o->seccomp_bpf = true;
			break;
		case 'c':
		case 'C':
			if (o->summary && o->summary != (c == 'c' ? SUMMARY_ONLY : SUMMARY_ALSO))
				both_summaries = true;
			o->summary = c == 'c' ? SUMMARY_ONLY : SUMMARY_ALSO;
			break;
		case 'w':
			o->summary_wall = true;
			break;
		case 'S':
			if (stats_parse_sort(summary_config(o), optarg, err, sizeof(err)) < 0) {
				usage_error("%s", err);
				return OPTIONS_ERROR;
			}
			sort_given = true;
			break;
		case 'U':
			if (stats_parse_columns(summary_config(o), optarg, err, sizeof(err)) < 0) {
				usage_error("%s", err);
				return OPTIONS_ERROR;
			}
			cols_given = true;
			break;
		case 'z':
		case 'Z':
			/* strace warns once per -z/-Z after the first */
			if (status_opt)
				error_msg("Only the last of -z/--successful-only/"
					  "-Z/--failed-only options will take effect. "
					  "See status qualifier for more complex filters.");
			status_opt = c;
			o->status = c == 'z' ? STATUS_SUCCESSFUL : STATUS_FAILED;
			break;
		case 'P':
			if (pathfilter_add(optarg) < 0)
				return OPTIONS_ERROR;
			break;
		case 'f':
			/* -ff: one file per thread (strace's followfork >= 2) */
			if (o->follow_forks)
				o->output_separately = true;
			o->follow_forks = true;
			break;
		case OPT_JSON:
			o->json = true;
			break;
		case OPT_TRACE_EVENTS:
			o->trace_events = optarg;
			break;
		case OPT_OUTPUT_SEPARATELY:
			o->output_separately = sep_given = true;
			break;
		case 'A':
			o->append = true;
			break;
		case 'b':
			if (strcmp(optarg, "execve") != 0) {
				error_msg("Syscall '%s' for -b isn't supported", optarg);
				return OPTIONS_ERROR;
			}
			o->detach_on_execve = true;
			break;
		case 'u':
			o->username = optarg;
			break;
		case 'E':
			if (o->env_count >= MAX_ENV_OPS) {
				error_msg("too many -E options");
				return OPTIONS_ERROR;
			}
			o->env_ops = env_ops;
			env_ops[o->env_count++] = optarg;
			break;
		case OPT_ABS_TS:
		case OPT_TIMESTAMPS: {
			enum timestamp_format f = (enum timestamp_format)o->ts_format;

			if (timestamp_parse_absolute(optarg, &f, &o->ts_digits) < 0) {
				usage_error(c == OPT_ABS_TS ?
					    "invalid --absolute-timestamps argument: '%s'" :
					    "invalid --timestamps argument: '%s'", optarg);
				return OPTIONS_ERROR;
			}
			o->ts_format = (int)f;
			long_ts = true;
			break;
		}
		case OPT_REL_TS:
			if (parse_digits("relative-timestamps", optarg, &o->rel_digits) < 0)
				return OPTIONS_ERROR;
			o->rflag = true;
			break;
		case OPT_SYSCALL_TIMES:
			if (parse_digits("syscall-times", optarg, &o->dur_digits) < 0)
				return OPTIONS_ERROR;
			o->Tflag = true;
			break;
		case 'i':
			o->iflag = true;
			break;
		case 'p':
			o->attach_pids = attach_pids;
			if (attach_parse_pids(optarg, attach_pids, MAX_ATTACH,
					      &o->attach_count) < 0)
				return OPTIONS_ERROR;
			break;
		case 'n':
			o->nflag = true;
			break;
		case 'r':
			o->rflag = true;
			o->rel_digits = 6;
			break;
		case 't':
			o->tflag++;
			break;
		case 'T':
			o->Tflag = true;
			o->dur_digits = 6;
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 's':
		case OPT_STRING_LIMIT:
			if (parse_uint(optarg, &o->max_strlen) < 0) {
				/* strace names the option as it was spelled */
				usage_error(c == 's' ? "invalid -s argument: '%s'" :
					    "invalid --string-limit argument: '%s'",
					    optarg);
				return OPTIONS_ERROR;
			}
			break;
		case 'q':
			if (optarg) {
				char expr[1100];

				snprintf(expr, sizeof(expr), "quiet=%s", optarg);
				if (parse_qualifier(expr, o) < 0)
					return OPTIONS_ERROR;
			} else {
				o->quiet++;
			}
			break;
		case 'v':
			/* -v is -e abbrev=none */
			o->verbose = true;
			sc_set_fill(&abbrev_set, false);
			o->abbrev = &abbrev_set;
			break;
		case 'x':
			o->xflag++;
			break;
		case 'X':
			if (strcmp(optarg, "raw") == 0) {
				o->xmode = XMODE_RAW;
			} else if (strcmp(optarg, "abbrev") == 0) {
				o->xmode = XMODE_ABBREV;
			} else if (strcmp(optarg, "verbose") == 0) {
				o->xmode = XMODE_VERBOSE;
			} else {
				usage_error("invalid -X argument: '%s'", optarg);
				return OPTIONS_ERROR;
			}
			break;
		case 'y':
			o->yflag++;
			break;
		case 'h':
			return OPTIONS_HELP;
		case 'V':
			return OPTIONS_VERSION;
		case ':':
			if (is_long(argv[optind - 1])) {
				usage_error("option '%s' requires an argument",
					    long_name(argv[optind - 1]));
			} else {
				char opt[2] = { (char)optopt, 0 };

				usage_error("option requires an argument -- '%s'", opt);
			}
			return OPTIONS_ERROR;
		default:
			/* getopt_long sets optopt for known long options too */
			if (is_long(argv[optind - 1]) && optopt) {
				usage_error("option '%s' doesn't allow an argument",
					    long_name(argv[optind - 1]));
			} else if (is_long(argv[optind - 1]) &&
				   report_ambiguous(longopts, argv[optind - 1])) {
				return OPTIONS_ERROR;
			} else if (is_long(argv[optind - 1])) {
				usage_error("unrecognized option '%s'",
					    argv[optind - 1]);
			} else {
				char opt[2] = { (char)optopt, 0 };

				usage_error("invalid option -- '%s'", opt);
			}
			return OPTIONS_ERROR;
		}
	}
	if (both_summaries) {
		usage_error("%s", "-c/--summary-only and -C/--summary are "
			    "mutually exclusive");
		return OPTIONS_ERROR;
	}
	if (o->summary && o->output_separately) {
		usage_error("%s", "(-c/--summary-only or -C/--summary) and "
			    "-ff/--output-separately are mutually exclusive");
		return OPTIONS_ERROR;
	}
	/* --json replaces the text the summary table would be printed in */
	if ((o->json && o->summary) ||
	    (o->trace_events && o->summary == SUMMARY_ONLY)) {
		usage_error("%s", o->json ?
			    "--json and (-c/--summary-only or -C/--summary) are mutually exclusive" :
			    "--trace-events and -c/--summary-only are mutually exclusive");
		return OPTIONS_ERROR;
	}
	o->records = o->json || o->trace_events;
	/* -q, -qq, -qqq as strace 6.1 spells them out in its help */
	if (o->quiet && quiet_given) {
		error_msg("-q and -e quiet/--quiet cannot be provided simultaneously");
		return OPTIONS_ERROR;
	}
	if (o->quiet)
		o->quiet_set = o->quiet >= 3 ? QUIET_ALL :
			       o->quiet == 2 ? QUIET_ATTACH | QUIET_PERSONALITY | QUIET_EXIT :
			       QUIET_ATTACH | QUIET_PERSONALITY;
	o->paths = pathfilter_paths(&o->path_count);
	if (optind >= argc && !o->attach_count) {
		usage_error("%s", "must have PROG [ARGS] or -p PID");
		return OPTIONS_ERROR;
	}
	if (check_summary(o, sort_given, cols_given) < 0 || audit_check(o) < 0)
		return OPTIONS_ERROR;
	o->command = optind < argc ? argv + optind : NULL;
	if (check_routing(o, long_ts, sep_given) < 0)
		return OPTIONS_ERROR;
	return OPTIONS_RUN;
}
