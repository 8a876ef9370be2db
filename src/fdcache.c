/*
 * fdcache.c - per-process fd cache: the -y decoration and the netlink
 * protocol of each fd (include/fdcache.h).
 */
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "fdcache.h"
#include "fmt.h"
#include "ftrace.h"
#include "sockinfo.h"

/* fds above this are not cached (read each time): tables stay small. */
#define FDCACHE_MAX 4096

struct fd_entry {
	char *deco;        /* "<...>" for -y; NULL: not read yet */
	/* netlink protocol + 1; 0: not looked up; FD_NOT_NETLINK: none */
	int netlink;
};

#define FD_NOT_NETLINK (-1)

struct fdcache {
	struct fd_entry *fds;   /* indexed by fd */
	unsigned cap;
	char *cwd;
};

static char *
read_link(pid_t tid, const char *what)
{
	char link[64], target[PATH_MAX];
	unsigned long ino;
	ssize_t n;
	int fd;
	char *s;

	snprintf(link, sizeof(link), "/proc/%d/%s", tid, what);
	n = readlink(link, target, sizeof(target) - 1);
	if (n < 0)
		return NULL;
	target[n] = '\0';
	/* -yy: "socket:[123]" becomes "TCP:[127.0.0.1:80->...]" */
	if (opts.yflag > 1 && sscanf(what, "fd/%d", &fd) == 1 &&
	    sscanf(target, "socket:[%lu]", &ino) == 1 &&
	    sockinfo_describe(tid, fd, ino, target, sizeof(target)) == 0) {
		char deco[PATH_MAX + 2];

		snprintf(deco, sizeof(deco), "<%.*s>", PATH_MAX - 1, target);
		s = strdup(deco);
	} else {
		/*
		 * A path: escaped like a string, without the quotes; a deleted
		 * file's mark goes after the brackets, as strace prints it.
		 */
		static const char del[] = " (deleted)";
		size_t dl = sizeof(del) - 1;
		bool deleted = (size_t)n > dl && strcmp(target + n - dl, del) == 0;
		char quoted[FDCACHE_DECO_SIZE(PATH_MAX)];

		if (deleted)
			n -= (ssize_t)dl;
		fdcache_decorate(quoted, target, (size_t)n, deleted);
		s = strdup(quoted);
	}
	if (!s)
		die("out of memory");
	return s;
}

void
fdcache_decorate(char *dst, const char *path, size_t len, bool deleted)
{
	/* "\"path\"" -> "<path>" */
	size_t q = fmt_quote(dst, path, len);

	dst[0] = '<';
	strcpy(dst + q - 1, deleted ? ">(deleted)" : ">");
}

static int
grow(struct fdcache *c, unsigned fd)
{
	unsigned cap = c->cap ? c->cap : 64;
	struct fd_entry *p;

	while (cap <= fd)
		cap *= 2;
	p = realloc(c->fds, cap * sizeof(*p));
	if (!p)
		die("out of memory");
	memset(p + c->cap, 0, (cap - c->cap) * sizeof(*p));
	c->fds = p;
	c->cap = cap;
	return 0;
}

static struct fdcache *
cache_of(struct fdcache **cache)
{
	if (!*cache) {
		*cache = calloc(1, sizeof(**cache));
		if (!*cache)
			die("out of memory");
	}
	return *cache;
}

const char *
fdcache_get(struct fdcache **cache, pid_t tid, int fd)
{
	static char *uncached;
	struct fdcache *c = cache_of(cache);
	char what[32];

	if (fd == AT_FDCWD) {
		if (!c->cwd)
			c->cwd = read_link(tid, "cwd");
		return c->cwd;
	}
	if (fd < 0)
		return NULL;
	snprintf(what, sizeof(what), "fd/%d", fd);
	if (fd >= FDCACHE_MAX) {
		free(uncached);
		uncached = read_link(tid, what);
		return uncached;
	}
	if ((unsigned)fd >= c->cap)
		grow(c, (unsigned)fd);
	if (!c->fds[fd].deco)
		c->fds[fd].deco = read_link(tid, what);
	return c->fds[fd].deco;
}

int
fdcache_netlink_proto(struct fdcache **cache, pid_t tid, int fd)
{
	struct fdcache *c = cache_of(cache);
	struct fd_entry *e;
	int proto;

	if (fd < 0 || fd >= FDCACHE_MAX)
		return sockinfo_netlink_proto(tid, fd);
	if ((unsigned)fd >= c->cap)
		grow(c, (unsigned)fd);
	e = &c->fds[fd];
	if (!e->netlink) {
		proto = sockinfo_netlink_proto(tid, fd);
		e->netlink = proto < 0 ? FD_NOT_NETLINK : proto + 1;
	}
	return e->netlink == FD_NOT_NETLINK ? -1 : e->netlink - 1;
}

static void
forget_entry(struct fd_entry *e)
{
	free(e->deco);
	*e = (struct fd_entry){ 0 };
}

void
fdcache_forget(struct fdcache *c, int fd)
{
	if (c && fd >= 0 && (unsigned)fd < c->cap)
		forget_entry(&c->fds[fd]);
}

void
fdcache_forget_range(struct fdcache *c, unsigned lo, unsigned hi)
{
	unsigned fd;

	if (!c)
		return;
	for (fd = lo; fd < c->cap && fd <= hi; fd++)
		forget_entry(&c->fds[fd]);
}

void
fdcache_forget_cwd(struct fdcache *c)
{
	if (c) {
		free(c->cwd);
		c->cwd = NULL;
	}
}

void
fdcache_forget_all(struct fdcache *c)
{
	if (c) {
		fdcache_forget_range(c, 0, c->cap);
		fdcache_forget_cwd(c);
	}
}

void
fdcache_free(struct fdcache *c)
{
	if (c) {
		fdcache_forget_all(c);
		free(c->fds);
		free(c);
	}
}
