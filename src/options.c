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
#include "error.h"
#include "filter.h"
#include "options.h"
#include "pathfilter.h"

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
	"  -p PID, --attach=PID\n"
	"                 trace the running process PID (repeatable; a list\n"
	"                 \"1,2\" or \"1 2\" works too); Ctrl-C detaches\n"
	"\n"
	"Tracing:\n"
	"  -f, --follow-forks\n"
	"                 follow forks, vforks and clones; every line gets a\n"
	"                 \"[pid N] \" prefix\n"
	"\n"
	"Output format:\n"
	"  -i, --instruction-pointer\n"
	"                 print the instruction pointer of each syscall\n"
	"  -n, --syscall-number\n"
	"                 print syscall numbers\n"
	"  -t             time of day of each line; -tt with microseconds;\n"
	"                 -ttt as seconds since the epoch\n"
	"  -r, --relative-timestamps\n"
	"                 time since the previous line\n"
	"  -T, --syscall-times\n"
	"                 time spent in each syscall\n"
	"  -o FILE, --output=FILE\n"
	"                 send trace output to FILE instead of stderr\n"
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

/* The sets -e fills; opts points at them once they are given. */
static struct sc_set trace_set, abbrev_set, deref_set, raw_set;
static struct sig_set signal_set;
static bool quiet_given;   /* -e quiet= / --quiet=SET: clashes with -q */
static int status_opt;     /* the last of -z / -Z, for strace's warning */

enum qual_kind { Q_SYSCALLS, Q_SIGNAL, Q_STATUS, Q_QUIET };

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

enum options_result
options_parse(int argc, char **argv, struct options *o)
{
	static const struct option longopts[] = {
		{ "follow-forks", no_argument, NULL, 'f' },
		{ "attach", required_argument, NULL, 'p' },
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "quiet", optional_argument, NULL, 'q' },
		{ "signal", required_argument, NULL, 's' + 256 },
		{ "status", required_argument, NULL, 'S' + 256 },
		{ "successful-only", no_argument, NULL, 'z' },
		{ "failed-only", no_argument, NULL, 'Z' },
		{ "trace-path", required_argument, NULL, 'P' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "decode-fds", no_argument, NULL, 'y' },
		{ "const-print-style", required_argument, NULL, 'X' },
		{ "instruction-pointer", no_argument, NULL, 'i' },
		{ "syscall-number", no_argument, NULL, 'n' },
		{ "relative-timestamps", no_argument, NULL, 'r' },
		{ "syscall-times", no_argument, NULL, 'T' },
		{ "trace", required_argument, NULL, 'T' + 256 },
		{ "abbrev", required_argument, NULL, 'a' + 256 },
		{ "verbose", required_argument, NULL, 'v' + 256 },
		{ "raw", required_argument, NULL, 'x' + 256 },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ .max_strlen = 32 };
	quiet_given = false;
	status_opt = 0;
	pathfilter_reset();
	/* '+': options end at the command; ':': we word the errors. */
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+:e:fino:p:P:rs:tTqvxX:yzZhV", longopts, NULL)) != -1) {
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
			o->follow_forks = true;
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
			break;
		case 't':
			o->tflag++;
			break;
		case 'T':
			o->Tflag = true;
			break;
		case 'o':
			o->outfile = optarg;
			break;
		case 's':
			if (parse_uint(optarg, &o->max_strlen) < 0) {
				usage_error("invalid -s argument: '%s'", optarg);
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
	o->command = optind < argc ? argv + optind : NULL;
	return OPTIONS_RUN;
}
