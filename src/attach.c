/*
 * attach.c - attaching to running processes (-p) (include/attach.h).
 *
 * Detaching is done by the dispatcher (trace.c): a tracee can only be
 * detached from a ptrace-stop, so on SIGINT/TERM/HUP/QUIT attached
 * tracees get PTRACE_INTERRUPT and are detached at their next stop, with
 * a pending signal handed back to them.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "attach.h"
#include "error.h"
#include "filter.h"
#include "ftrace.h"
#include "ptrace_ops.h"
#include "tracee.h"

/*
 * strace's grammar: the list is cut at every single ',', ' ', '\t' or
 * '\n' (so "pidof" and "pgrep" output can be pasted) and each piece must
 * be a decimal number from 1 to INT_MAX; an empty piece is an invalid id
 * (",1", "1,,2", " "), except after the last separator ("1,").  The
 * message names the piece, not the whole argument.
 */
int
attach_parse_pids(const char *arg, pid_t *pids, unsigned max, unsigned *count)
{
	const char *p = arg;

	while (*p) {
		size_t len = strcspn(p, ", \t\n");
		char tok[32], *end;
		long v = -1;

		if (len < sizeof(tok)) {
			memcpy(tok, p, len);
			tok[len] = 0;
			errno = 0;
			v = strtol(tok, &end, 10);
			if (errno || end == tok || *end || v > 0x7fffffff)
				v = -1;
		}
		if (v <= 0) {
			error_msg("Invalid process id: '%.*s'", (int)len, p);
			return -1;
		}
		/* strace's own words for it */
		if (v == getpid()) {
			error_msg("I'm sorry, I can't let you do that, Dave.");
			return -1;
		}
		if (*count >= max) {
			error_msg("too many -p process ids");
			return -1;
		}
		pids[(*count)++] = (pid_t)v;
		p += len;
		if (*p)
			p++;
	}
	return 0;
}

/* Seize and interrupt one thread; 0, or -1 with errno. */
static int
seize_thread(pid_t tid, unsigned long options, struct proc *proc,
	     struct tracee **out)
{
	struct tracee *t;

	if (pt_seize(tid, options) < 0)
		return -1;
	/* The interrupt stop is the first stop the loop will see. */
	if (pt_interrupt(tid) < 0 && errno != ESRCH)
		return -1;
	t = tracee_add(tid, proc);
	t->attached = true;
	t->grabbed = true;
	*out = t;
	return 0;
}

int
attach_process(pid_t pid, unsigned long options)
{
	struct tracee *leader;
	unsigned nthreads = 1;
	char dir[64];
	bool found_new;

	if (tracee_find(pid)) {
		/* -p 1 -p 1, or a thread of a process already attached */
		return 0;
	}
	if (seize_thread(pid, options, NULL, &leader) < 0) {
		perror_msg("attach: ptrace(PTRACE_SEIZE, %d)", pid);
		return -1;
	}
	if (opts.follow_forks) {
		/* Threads can be born while we attach: scan until stable. */
		snprintf(dir, sizeof(dir), "/proc/%d/task", pid);
		do {
			DIR *d = opendir(dir);
			struct dirent *de;

			found_new = false;
			if (!d)
				break;
			while ((de = readdir(d))) {
				pid_t tid = (pid_t)atoi(de->d_name);
				struct tracee *t;

				if (tid <= 0 || tracee_find(tid))
					continue;
				if (seize_thread(tid, options, leader->proc, &t) == 0) {
					nthreads++;
					found_new = true;
				}
			}
			closedir(d);
		} while (found_new);
	}
	if (!(opts.quiet_set & QUIET_ATTACH)) {
		if (nthreads > 1)
			error_msg("Process %d attached with %u threads", pid,
				  nthreads);
		else
			error_msg("Process %d attached", pid);
	}
	return 0;
}

/* Children of every thread of pid, from /proc/PID/task/TID/children. */
static unsigned
read_children(pid_t pid, pid_t *kids, unsigned max)
{
	char path[300];
	unsigned n = 0;
	DIR *d;
	struct dirent *de;

	snprintf(path, sizeof(path), "/proc/%d/task", pid);
	d = opendir(path);
	if (!d)
		return 0;
	while ((de = readdir(d)) && n < max) {
		FILE *f;
		int kid;

		if (de->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/%d/task/%s/children", pid,
			 de->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		while (n < max && fscanf(f, "%d", &kid) == 1)
			kids[n++] = kid;
		fclose(f);
	}
	closedir(d);
	return n;
}

unsigned
attach_descendants(pid_t pid, unsigned long options)
{
	/* the tree, breadth first: a flat list that grows as it is walked */
	enum { TREE_MAX = 65536 };
	pid_t *tree = malloc(TREE_MAX * sizeof(*tree));
	unsigned attached = 0, n, i, k, nkids;
	pid_t kids[1024];
	bool found_new;

	if (!tree)
		die("out of memory");
	do {
		found_new = false;
		tree[0] = pid;
		n = 1;
		for (i = 0; i < n; i++) {
			nkids = read_children(tree[i], kids, 1024);
			for (k = 0; k < nkids && n < TREE_MAX; k++) {
				tree[n++] = kids[k];
				if (tracee_find(kids[k]))
					continue;
				if (attach_process(kids[k], options) == 0) {
					attached++;
					found_new = true;
				}
			}
		}
	} while (found_new);
	free(tree);
	return attached;
}
