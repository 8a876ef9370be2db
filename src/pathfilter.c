/*
 * pathfilter.c - -P PATH (include/pathfilter.h).
 *
 * As strace 6.1 does it: a path argument matches when its string is one
 * of the -P paths exactly as given, or the resolved form of one (so "-P
 * link" also shows calls that name "/dir/file", but "-P /dir/file" does
 * not show open("file")); an fd argument matches when the descriptor's
 * /proc/TID/fd/N link is one of them.  That link comes from the process's
 * fd cache (fdcache.c, the one -y uses), kept right across close, dup2,
 * close_range, exec and fork, so /proc is read once per fd, not at every
 * entry; the -P paths are compared in the cache's "<path>" form.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "fdcache.h"
#include "ftrace.h"
#include "filter.h"
#include "pathfilter.h"
#include "tracee.h"
#include "umem.h"

#define PATHS_MAX 256

static const char *paths[PATHS_MAX];
static unsigned npaths, ngiven;
static char *resolved[PATHS_MAX];
static char *decorated[PATHS_MAX];   /* paths[i] as the fd cache has it */

void
pathfilter_reset(void)
{
	unsigned i;

	for (i = 0; i < ngiven; i++) {
		free(resolved[i]);
		resolved[i] = NULL;
	}
	for (i = 0; i < npaths; i++) {
		free(decorated[i]);
		decorated[i] = NULL;
	}
	npaths = ngiven = 0;
}

int
pathfilter_add(const char *path)
{
	unsigned i;

	for (i = 0; i < ngiven; i++)
		if (strcmp(paths[i], path) == 0)
			return 0;
	if (ngiven >= PATHS_MAX / 2) {
		error_msg("too many -P paths");
		return -1;
	}
	paths[ngiven++] = path;
	return 0;
}

const char **
pathfilter_paths(unsigned *count)
{
	unsigned i, j;

	npaths = ngiven;
	for (i = 0; i < ngiven; i++) {
		char *r = realpath(paths[i], NULL);
		bool known = false;

		if (!r || strcmp(r, paths[i]) == 0) {
			free(r);
			continue;
		}
		for (j = 0; j < npaths; j++)
			known |= strcmp(paths[j], r) == 0;
		if (!(opts.quiet_set & QUIET_PATH_RESOLUTION))
			error_msg("Requested path \"%s\" resolved into \"%s\"",
				  paths[i], r);
		if (known) {
			free(r);
			continue;
		}
		resolved[i] = r;
		paths[npaths++] = r;
	}
	for (i = 0; i < npaths; i++) {
		size_t len = strlen(paths[i]);

		free(decorated[i]);
		decorated[i] = malloc(FDCACHE_DECO_SIZE(len));
		if (!decorated[i])
			die("out of memory");
		fdcache_decorate(decorated[i], paths[i], len, false);
	}
	*count = npaths;
	return npaths ? paths : NULL;
}

bool
pathfilter_has(const char *path)
{
	unsigned i;

	for (i = 0; i < npaths; i++)
		if (strcmp(paths[i], path) == 0)
			return true;
	return false;
}

static bool
match_str(pid_t tid, uint64_t addr)
{
	char buf[PATH_MAX];
	bool terminated = false;

	return addr && umem_read_str(tid, addr, buf, sizeof(buf), &terminated) >= 0 &&
	       terminated && pathfilter_has(buf);
}

static bool
match_fd(struct proc *proc, pid_t tid, int fd)
{
	const char *deco;
	unsigned i;

	if (fd < 0)
		return false;
	deco = fdcache_get(&proc->fds, tid, fd);
	for (i = 0; deco && i < npaths; i++)
		if (strcmp(decorated[i], deco) == 0)
			return true;
	return false;
}

/* poll/ppoll: every fd of the struct pollfd array (8 bytes each). */
static bool
match_pollfds(struct proc *proc, pid_t tid, uint64_t addr, uint64_t nfds)
{
	int32_t pfd[2];
	uint64_t i;

	for (i = 0; i < nfds && i < 1024; i++) {
		if (umem_read(tid, addr + i * 8, pfd, sizeof(pfd)) < 0)
			return false;
		if (match_fd(proc, tid, pfd[0]))
			return true;
	}
	return false;
}

bool
pathfilter_match(struct proc *proc, pid_t tid, const struct sysent *ent,
		 const struct sc_rec *rec)
{
	unsigned i = 0;

	if (!ent)
		return false;
	switch (ent - sysent_table) {
	case SC_poll:
	case SC_ppoll:
		return match_pollfds(proc, tid, rec->args[0], rec->args[1]);
	case SC_symlink:
	case SC_symlinkat:
		i = 1;	/* the target is only text; the new link is the path */
		break;
	default:
		break;
	}
	for (; i < ent->nargs; i++) {
		switch (ent->args[i]) {
		case 's':
			if (match_str(tid, rec->args[i]))
				return true;
			break;
		case 'f':
		case 'a':
			if (match_fd(proc, tid, (int)rec->args[i]))
				return true;
			break;
		default:
			break;
		}
	}
	return false;
}
