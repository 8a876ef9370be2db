/*
 * fdcache.h - what each fd of a traced process refers to, for -y and
 * for the netlink decoder.
 *
 * Filled lazily: the first time fd N of a process is printed, its
 * /proc/TID/fd/N link is read once and kept.  Entries are dropped when the
 * number can change meaning: close, close_range, dup2/dup3 onto it, exec
 * (close-on-exec), and the whole table belongs to one thread group (a
 * forked child starts with an empty one).  So /proc is read once per fd,
 * not on every syscall.
 */
#ifndef FTRACE_FDCACHE_H
#define FTRACE_FDCACHE_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

#include "fmt.h"

struct fdcache;

/*
 * What -y prints after fd, brackets included ("</etc/passwd>",
 * "<pipe:[1234]>", "</tmp/x>(deleted)"), for the process of thread tid;
 * NULL if it cannot be known.  fd AT_FDCWD gives the cwd.
 */
const char *fdcache_get(struct fdcache **cache, pid_t tid, int fd);
/*
 * The netlink protocol (NETLINK_ROUTE, ...) of socket fd, or -1 when fd is
 * not a netlink socket: asked once per fd, so that decoding netlink data
 * on every send/recv costs nothing more.
 */
int fdcache_netlink_proto(struct fdcache **cache, pid_t tid, int fd);
void fdcache_forget(struct fdcache *cache, int fd);

/* Room for the decoration of a path of len bytes. */
#define FDCACHE_DECO_SIZE(len) (FMT_QUOTE_SIZE(len) + 16)
/*
 * The decoration of a path as fdcache_get returns it: "</etc/passwd>",
 * escaped like a string; "</tmp/x>(deleted)" for a deleted file.
 */
void fdcache_decorate(char *dst, const char *path, size_t len, bool deleted);
void fdcache_forget_range(struct fdcache *cache, unsigned lo, unsigned hi);
/* After exec (close-on-exec fds) or chdir (the cwd). */
void fdcache_forget_all(struct fdcache *cache);
void fdcache_forget_cwd(struct fdcache *cache);
void fdcache_free(struct fdcache *cache);

#endif /* FTRACE_FDCACHE_H */
