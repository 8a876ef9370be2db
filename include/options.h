/*
 * options.h - the command line, parsed into struct options (ftrace.h).
 */
#ifndef FTRACE_OPTIONS_H
#define FTRACE_OPTIONS_H

#include "ftrace.h"

enum options_result {
	OPTIONS_RUN,      /* trace opts->command */
	OPTIONS_HELP,     /* -h: usage printed to stdout, exit 0 */
	OPTIONS_VERSION,  /* -V: version printed to stdout, exit 0 */
	OPTIONS_ERROR,    /* message printed to stderr, exit 1 */
};

/*
 * Parse argv into *o (defaults first).  Never exits, so tests can call it;
 * main() turns the result into an exit status.
 */
enum options_result options_parse(int argc, char **argv, struct options *o);

void options_usage(void);

#endif /* FTRACE_OPTIONS_H */
