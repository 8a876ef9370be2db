/*
 * audit.c - the audit options and their reports (include/audit.h,
 * docs/audit.md).  Report files are opened before the trace, so that a
 * bad path fails at once, as -o does, and written after it.
 */
#include <stdio.h>
#include <string.h>

#include "audit.h"
#include "error.h"
#include "filetrack.h"
#include "json_out.h"
#include "proctree.h"
#include "timeline.h"

static FILE *tree_out, *files_out, *timeline_out;

static void
usage_error(const char *msg, const char *arg)
{
	char buf[256];

	snprintf(buf, sizeof(buf), msg, arg);
	error_msg("%s\nTry '%s -h' for more information.", buf, FTRACE_NAME);
}

int
audit_option(int code, const char *arg, struct options *o)
{
	switch (code) {
	case AUDIT_OPT_TREE:
		o->tree = true;
		o->tree_file = arg;
		break;
	case AUDIT_OPT_FILES:
		o->files = true;
		o->files_file = arg;
		break;
	case AUDIT_OPT_FILES_SORT:
		if (strcmp(arg, "bytes") == 0) {
			o->files_sort = FILES_SORT_BYTES;
		} else if (strcmp(arg, "count") == 0 || strcmp(arg, "calls") == 0) {
			o->files_sort = FILES_SORT_COUNT;
		} else if (strcmp(arg, "path") == 0 || strcmp(arg, "name") == 0) {
			o->files_sort = FILES_SORT_PATH;
		} else {
			usage_error("invalid --files-sort argument: '%s'", arg);
			return -1;
		}
		break;
	case AUDIT_OPT_TIMELINE:
		if (!*arg) {
			usage_error("%s", "--timeline needs a file name");
			return -1;
		}
		o->timeline_file = arg;
		break;
	case AUDIT_OPT_PER_PROCESS:
		o->per_process = true;
		break;
	}
	return 0;
}

int
audit_check(const struct options *o)
{
	if (o->per_process && !o->summary) {
		usage_error("%s", "--per-process must be given with "
			    "(-c/--summary-only or -C/--summary)");
		return -1;
	}
	return 0;
}

static FILE *
open_report(const char *path)
{
	FILE *f;

	if (!path || !*path)
		return stderr;
	f = fopen(path, "w");
	if (!f)
		die_perror("Can't fopen '%s'", path);
	return f;
}

void
audit_setup(const struct options *o)
{
	/* --json ends with the tree's "process" records */
	if (o->tree || o->timeline_file || o->per_process || o->json)
		proctree_enable(o->per_process);
	if (o->tree)
		tree_out = open_report(o->tree_file);
	if (o->files)
		files_out = open_report(o->files_file);
	if (o->timeline_file)
		timeline_out = open_report(o->timeline_file);
}

static void
close_report(FILE *f)
{
	if (f && f != stderr && fclose(f) != 0)
		perror_msg("write error");
}

void
audit_report(const struct options *o)
{
	proctree_finish();
	if (o->json)
		proctree_for_each(json_out_process, NULL);
	if (tree_out)
		proctree_print(tree_out);
	if (files_out)
		filetrack_print(files_out, (enum files_sort)o->files_sort);
	if (timeline_out)
		timeline_write(timeline_out);
	close_report(tree_out);
	close_report(files_out);
	close_report(timeline_out);
	tree_out = files_out = timeline_out = NULL;
}
