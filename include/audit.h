/*
 * audit.h - the process-tree audit options (--tree, --files, --files-sort,
 * --timeline, --per-process): parsing, set-up before the trace and the
 * reports after it.  The data lives in proctree.c and filetrack.c.
 */
#ifndef FTRACE_AUDIT_H
#define FTRACE_AUDIT_H

#include <sys/types.h>

#include "ftrace.h"

/* getopt codes of the long options (options.c's table uses them). */
enum audit_opt {
	AUDIT_OPT_TREE = 0x1100,
	AUDIT_OPT_FILES,
	AUDIT_OPT_FILES_SORT,
	AUDIT_OPT_TIMELINE,
	AUDIT_OPT_PER_PROCESS,
};

#define AUDIT_LONGOPTS \
	{ "tree", optional_argument, NULL, AUDIT_OPT_TREE }, \
	{ "files", optional_argument, NULL, AUDIT_OPT_FILES }, \
	{ "files-sort", required_argument, NULL, AUDIT_OPT_FILES_SORT }, \
	{ "timeline", required_argument, NULL, AUDIT_OPT_TIMELINE }, \
	{ "per-process", no_argument, NULL, AUDIT_OPT_PER_PROCESS }

/* One of those options; -1 after printing the error. */
int audit_option(int code, const char *arg, struct options *o);
/* Once every option is read; -1 after printing the error. */
int audit_check(const struct options *o);
/* Before the trace: enable the records, open the report files (or die). */
void audit_setup(const struct options *o);
/* After the trace (and after the -c tables): write the reports. */
void audit_report(const struct options *o);

#endif /* FTRACE_AUDIT_H */
