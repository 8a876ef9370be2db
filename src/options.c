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

#include "error.h"
#include "options.h"

/* The one parsed command line, read by every module. */
struct options opts;

static const char usage_text[] =
	"Usage: " FTRACE_NAME " [-fhqvVxy] [-o FILE] [-s STRSIZE] PROG [ARGS]\n"
	"\n"
	"Tracing:\n"
	"  -f, --follow-forks\n"
	"                 follow forks, vforks and clones; every line gets a\n"
	"                 \"[pid N] \" prefix\n"
	"\n"
	"Output format:\n"
	"  -o FILE, --output=FILE\n"
	"                 send trace output to FILE instead of stderr\n"
	"  -s STRSIZE, --string-limit=STRSIZE\n"
	"                 limit length of print strings to STRSIZE chars (default 32)\n"
	"  -v, --no-abbrev\n"
	"                 print structures, arrays and the environment in full\n"
	"  -x             print non-ASCII string bytes in hexadecimal\n"
	"  -xx            print every string byte in hexadecimal\n"
	"  -y, --decode-fds\n"
	"                 print the path of every file descriptor: 3</etc/passwd>\n"
	"  -yy            also the protocol and addresses of sockets\n"
	"\n"
	"Miscellaneous:\n"
	"  -q, --quiet    suppress messages about attaching and detaching;\n"
	"                 -qq also about process exit status\n"
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
		{ "output", required_argument, NULL, 'o' },
		{ "string-limit", required_argument, NULL, 's' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "no-abbrev", no_argument, NULL, 'v' },
		{ "decode-fds", no_argument, NULL, 'y' },
		{ "help", no_argument, NULL, 'h' },
		{ "version", no_argument, NULL, 'V' },
		{ NULL, 0, NULL, 0 },
	};
	int c;

	*o = (struct options){ .max_strlen = 32 };
	/* '+': options end at the command; ':': we word the errors. */
	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, "+:fo:s:qvxyhV", longopts, NULL)) != -1) {
		switch (c) {
		case 'f':
			o->follow_forks = true;
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
			o->quiet++;
			break;
		case 'v':
			o->verbose = true;
			break;
		case 'x':
			o->xflag++;
			break;
		case 'y':
			o->yflag++;
			break;
		case 'h':
			return OPTIONS_HELP;
		case 'V':
			return OPTIONS_VERSION;
		case ':':
			if (optopt) {
				char opt[2] = { (char)optopt, 0 };

				usage_error("option requires an argument -- '%s'", opt);
			} else {
				usage_error("option '%s' requires an argument",
					    argv[optind - 1]);
			}
			return OPTIONS_ERROR;
		default:
			if (optopt) {
				char opt[2] = { (char)optopt, 0 };

				usage_error("invalid option -- '%s'", opt);
			} else {
				usage_error("unrecognized option '%s'",
					    argv[optind - 1]);
			}
			return OPTIONS_ERROR;
		}
	}
	if (optind >= argc) {
		usage_error("%s", "must have PROG [ARGS]");
		return OPTIONS_ERROR;
	}
	o->command = argv + optind;
	return OPTIONS_RUN;
}
