/*
 * filetrack.c - --files: the fd tables and the per-path counters
 * (include/filetrack.h).  The report is written by filetrack_report.c.
 *
 * Paths are made absolute from the process's cwd (or the dirfd's path)
 * and normalized lexically: symlinks are not resolved, so a path counts
 * under the name the program used.  Paths that only /proc could tell
 * (fds from before the trace) are the kernel's resolved names.
 */
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <unistd.h>
#include <uthash.h>

#include "error.h"
#include "filetrack.h"
#include "sysent.h"
#include "tracee.h"
#include "umem.h"

#ifndef CLOSE_RANGE_UNSHARE
#define CLOSE_RANGE_UNSHARE (1U << 1)
#define CLOSE_RANGE_CLOEXEC (1U << 2)
#endif

enum fd_kind {
	FD_UNKNOWN = 0,  /* never seen: ask /proc at first use */
	FD_FILE,         /* a path: file points to its record */
	FD_OTHER,        /* pipe, socket, anon inode...: not reported */
};

struct ft_fd {
	uint8_t kind;
	bool cloexec;
	bool from_proc;  /* learnt from /proc: its close-on-exec bit unknown */
	struct filetrack_file *file;
};

/* An fd table; CLONE_FILES children share it. */
struct ft_fdtab {
	unsigned refs;
	unsigned size;
	struct ft_fd *fds;
};

struct ft_proc {
	struct ft_fdtab *tab;
	char *cwd;         /* NULL: ask /proc/TID/cwd when next needed */
	char *exec_path;   /* the path of the execve being entered */
};

struct file_node {
	struct filetrack_file f;
	UT_hash_handle hh;
};

static struct file_node *files;

static struct ft_fdtab *
tab_new(void)
{
	struct ft_fdtab *tab = xrealloc(NULL, sizeof(*tab));

	*tab = (struct ft_fdtab){ .refs = 1 };
	return tab;
}

static void
tab_put(struct ft_fdtab *tab)
{
	if (tab && --tab->refs == 0) {
		free(tab->fds);
		free(tab);
	}
}

static struct ft_fdtab *
tab_copy(const struct ft_fdtab *from)
{
	struct ft_fdtab *tab = tab_new();

	tab->size = from->size;
	tab->fds = xrealloc(NULL, from->size * sizeof(struct ft_fd));
	memcpy(tab->fds, from->fds, from->size * sizeof(struct ft_fd));
	return tab;
}

struct ft_proc *
filetrack_proc_new(void)
{
	struct ft_proc *p = xrealloc(NULL, sizeof(*p));

	*p = (struct ft_proc){ .tab = tab_new() };
	return p;
}

void
filetrack_proc_free(struct ft_proc *p)
{
	if (!p)
		return;
	tab_put(p->tab);
	free(p->cwd);
	free(p->exec_path);
	free(p);
}

/* ---- paths ---- */

void
filetrack_normalize(char *path)
{
	char *out = path, *in = path;

	/* out always ends without a slash, except for "/" itself */
	*out++ = '/';
	while (*in) {
		char *seg;
		size_t len;

		while (*in == '/')
			in++;
		seg = in;
		while (*in && *in != '/')
			in++;
		len = (size_t)(in - seg);
		if (!len || (len == 1 && seg[0] == '.'))
			continue;
		if (len == 2 && seg[0] == '.' && seg[1] == '.') {
			/* back to the previous slash, never above the root */
			while (out > path + 1 && out[-1] != '/')
				out--;
			if (out > path + 1)
				out--;
			continue;
		}
		if (out > path + 1)
			*out++ = '/';
		memmove(out, seg, len);
		out += len;
	}
	*out = '\0';
}

static struct filetrack_file *
file_get(const char *path)
{
	struct file_node *n;

	HASH_FIND_STR(files, path, n);
	if (n)
		return &n->f;
	n = xrealloc(NULL, sizeof(*n));
	memset(n, 0, sizeof(*n));
	n->f.path = xstrdup(path);
	HASH_ADD_KEYPTR(hh, files, n->f.path, strlen(n->f.path), n);
	return &n->f;
}

static struct ft_fd *
fd_slot(struct ft_fdtab *tab, int fd)
{
	unsigned n;

	if (fd < 0 || fd > 1 << 24)
		return NULL;
	if ((unsigned)fd >= tab->size) {
		n = tab->size ? tab->size : 16;
		while (n <= (unsigned)fd)
			n *= 2;
		tab->fds = xrealloc(tab->fds, n * sizeof(struct ft_fd));
		memset(tab->fds + tab->size, 0,
		       (n - tab->size) * sizeof(struct ft_fd));
		tab->size = n;
	}
	return &tab->fds[fd];
}

/*
 * What fd refers to.  An fd never seen is looked up in /proc once: an fd
 * inherited from before the trace, or made by a syscall not modelled.
 */
static struct ft_fd *
fd_lookup(struct tracee *t, int fd)
{
	struct ft_fd *e = fd_slot(t->proc->files->tab, fd);
	char link[64], buf[4096];
	ssize_t n;

	if (!e || e->kind != FD_UNKNOWN)
		return e;
	snprintf(link, sizeof(link), "/proc/%d/fd/%d", t->tid, fd);
	n = readlink(link, buf, sizeof(buf) - 1);
	if (n < 0)
		return NULL;
	buf[n] = '\0';
	e->from_proc = true;
	e->cloexec = false;
	if (buf[0] == '/') {
		e->kind = FD_FILE;
		e->file = file_get(buf);
	} else {
		e->kind = FD_OTHER;
		e->file = NULL;
	}
	return e;
}

static void
fd_put(struct tracee *t, int fd, struct filetrack_file *file, bool cloexec)
{
	struct ft_fd *e = fd_slot(t->proc->files->tab, fd);

	if (e)
		*e = (struct ft_fd){ .kind = file ? FD_FILE : FD_OTHER,
				     .cloexec = cloexec, .file = file };
}

static void
fd_forget(struct tracee *t, int fd)
{
	struct ft_fdtab *tab = t->proc->files->tab;

	if (fd >= 0 && (unsigned)fd < tab->size)
		memset(&tab->fds[fd], 0, sizeof(tab->fds[fd]));
}

static const char *
proc_cwd(struct tracee *t)
{
	struct ft_proc *p = t->proc->files;
	char link[64], buf[4096];
	ssize_t n;

	if (!p->cwd) {
		snprintf(link, sizeof(link), "/proc/%d/cwd", t->tid);
		n = readlink(link, buf, sizeof(buf) - 1);
		if (n < 0)
			return NULL;
		buf[n] = '\0';
		p->cwd = xstrdup(buf);
	}
	return p->cwd;
}

/*
 * The absolute form of path argument arg (dirfd argument dirarg, or -1)
 * into out; false when it cannot be known.
 */
static bool
resolve(struct tracee *t, int dirarg, int arg, char *out, size_t size)
{
	const uint64_t *a = t->entry.args;
	char path[4096];
	const char *base = NULL;
	bool term = false;
	struct ft_fd *e;
	int n, dirfd = dirarg >= 0 ? (int)a[dirarg] : AT_FDCWD;

	if (umem_read_str(t->tid, a[arg], path, sizeof(path), &term) < 0 ||
	    !term)
		return false;
	if (path[0] != '/') {
		if (dirfd == AT_FDCWD) {
			base = proc_cwd(t);
		} else {
			e = fd_lookup(t, dirfd);
			base = e && e->kind == FD_FILE ? e->file->path : NULL;
		}
		if (!base)
			return false;
	}
	n = base ? snprintf(out, size, "%s/%s", base, path) :
		   snprintf(out, size, "%s", path);
	if (n < 0 || (size_t)n >= size)
		return false;
	filetrack_normalize(out);
	return true;
}

/* The argument that is a path (first 's' kind), and its dirfd ('a'). */
static int
path_arg(const struct sysent *ent, int *dirarg)
{
	const char *s = strchr(ent->args, 's');
	int i;

	if (!s)
		return -1;
	i = (int)(s - ent->args);
	*dirarg = i > 0 && ent->args[i - 1] == 'a' ? i - 1 : -1;
	return i;
}

static struct filetrack_user *
user_get(struct filetrack_file *f, pid_t pid)
{
	unsigned i;

	for (i = 0; i < f->nusers; i++)
		if (f->users[i].pid == pid)
			return &f->users[i];
	f->users = xrealloc(f->users, (f->nusers + 1) * sizeof(*f->users));
	f->users[f->nusers] = (struct filetrack_user){ .pid = pid };
	return &f->users[f->nusers++];
}

static void
note_access(struct filetrack_file *f, pid_t pid, unsigned access, bool open)
{
	struct filetrack_user *u = user_get(f, pid);

	u->access |= access;
	u->opens += open;
	f->access |= access;
	f->opens += open;
}

static void
note_error(struct filetrack_file *f, int err)
{
	unsigned i;

	f->failed++;
	for (i = 0; i < f->nerrs; i++)
		if (f->errs[i].err == err) {
			f->errs[i].count++;
			return;
		}
	f->errs = xrealloc(f->errs, (f->nerrs + 1) * sizeof(*f->errs));
	f->errs[f->nerrs++] = (struct filetrack_err){ .err = err, .count = 1 };
}

static unsigned
open_access(uint64_t flags)
{
	unsigned acc = 0;

	if ((flags & O_PATH) == 0) {
		switch (flags & O_ACCMODE) {
		case O_RDONLY:
			acc = FT_READ;
			break;
		case O_WRONLY:
			acc = FT_WRITE;
			break;
		default:
			acc = FT_READ | FT_WRITE;
			break;
		}
	}
	if (flags & O_CREAT)
		acc |= FT_CREATE;
	if (flags & O_TRUNC)
		acc |= FT_TRUNC;
	return acc;
}

/* ---- the hooks ---- */

void
filetrack_on_entry(struct tracee *t, const struct sc_rec *rec)
{
	struct ft_proc *p = t->proc->files;
	char path[4096];
	int arg, dirarg;

	(void)rec;
	/* The new program replaces the path's memory: read it now. */
	if (!t->ent || !(t->ent->flags & SF_EXEC))
		return;
	free(p->exec_path);
	p->exec_path = NULL;
	arg = path_arg(t->ent, &dirarg);
	if (arg >= 0 && resolve(t, dirarg, arg, path, sizeof(path)))
		p->exec_path = xstrdup(path);
}

static void
count_io(struct tracee *t, int fd, int64_t bytes, bool write)
{
	struct ft_fd *e = fd_lookup(t, fd);

	if (!e || e->kind != FD_FILE)
		return;
	if (write) {
		e->file->writes++;
		e->file->write_bytes += (uint64_t)bytes;
	} else {
		e->file->reads++;
		e->file->read_bytes += (uint64_t)bytes;
	}
}

static void
on_open(struct tracee *t, const struct sc_rec *rec, int dirarg, int arg,
	uint64_t flags)
{
	char path[4096];
	struct filetrack_file *f;

	if (!resolve(t, dirarg, arg, path, sizeof(path)))
		return;
	f = file_get(path);
	if (rec->is_error) {
		note_error(f, (int)-rec->rval);
		return;
	}
	note_access(f, t->proc->tgid, open_access(flags), true);
	fd_put(t, (int)rec->rval, f, flags & O_CLOEXEC);
}

static void
on_dup(struct tracee *t, int oldfd, int newfd, bool cloexec)
{
	struct ft_fd *e = fd_lookup(t, oldfd), *n, copy;

	if (!e) {
		fd_forget(t, newfd);
		return;
	}
	copy = *e;	/* fd_slot may move the array */
	n = fd_slot(t->proc->files->tab, newfd);
	if (n) {
		*n = copy;
		n->cloexec = cloexec;
		n->from_proc = false;
	}
}

/* pipe, pipe2, socketpair: two new fds (not files) in tracee memory */
static void
on_fd_pair(struct tracee *t, uint64_t addr, bool cloexec)
{
	int fds[2];

	if (umem_read(t->tid, addr, fds, sizeof(fds)) < 0)
		return;
	fd_put(t, fds[0], NULL, cloexec);
	fd_put(t, fds[1], NULL, cloexec);
}

static void
on_close_range(struct tracee *t, unsigned lo, unsigned hi, unsigned flags)
{
	struct ft_proc *p = t->proc->files;
	unsigned fd;

	if ((flags & CLOSE_RANGE_UNSHARE) && p->tab->refs > 1) {
		struct ft_fdtab *own = tab_copy(p->tab);

		tab_put(p->tab);
		p->tab = own;
	}
	for (fd = lo; fd <= hi && fd < p->tab->size; fd++) {
		if (flags & CLOSE_RANGE_CLOEXEC)
			p->tab->fds[fd].cloexec = true;
		else
			memset(&p->tab->fds[fd], 0, sizeof(p->tab->fds[fd]));
		if (fd == ~0u)
			break;
	}
}

/* A successful syscall that names a path but opens nothing (stat...). */
static void
on_path_call(struct tracee *t, const struct sc_rec *rec)
{
	char path[4096];
	int arg, dirarg;
	struct filetrack_file *f;

	arg = path_arg(t->ent, &dirarg);
	if (arg < 0 || !resolve(t, dirarg, arg, path, sizeof(path)))
		return;
	f = file_get(path);
	if (rec->is_error)
		note_error(f, (int)-rec->rval);
	else
		f->other++;
}

void
filetrack_on_exit(struct tracee *t, const struct sc_rec *rec)
{
	const uint64_t *a = t->entry.args;
	struct ft_proc *p = t->proc->files;
	bool ok = !rec->is_error;
	int64_t rv = rec->rval;
	uint64_t how;

	if (!t->ent)
		return;
	switch (t->ent - sysent_table) {
	case SC_open:
		on_open(t, rec, -1, 0, a[1]);
		return;
	case SC_openat:
		on_open(t, rec, 0, 1, a[2]);
		return;
	case SC_creat:
		on_open(t, rec, -1, 0, O_CREAT | O_WRONLY | O_TRUNC);
		return;
	case SC_openat2:
		/* struct open_how starts with the u64 flags */
		if (umem_read(t->tid, a[2], &how, sizeof(how)) < 0)
			how = 0;
		on_open(t, rec, 0, 1, how);
		return;
	case SC_read:
	case SC_pread64:
	case SC_readv:
	case SC_preadv:
	case SC_preadv2:
		if (ok)
			count_io(t, (int)a[0], rv, false);
		return;
	case SC_write:
	case SC_pwrite64:
	case SC_writev:
	case SC_pwritev:
	case SC_pwritev2:
		if (ok)
			count_io(t, (int)a[0], rv, true);
		return;
	case SC_sendfile:
	case SC_sendfile64:
		if (ok) {
			count_io(t, (int)a[1], rv, false);
			count_io(t, (int)a[0], rv, true);
		}
		return;
	case SC_copy_file_range:
	case SC_splice:
		if (ok) {
			count_io(t, (int)a[0], rv, false);
			count_io(t, (int)a[2], rv, true);
		}
		return;
	case SC_close:
		if (ok)
			fd_forget(t, (int)a[0]);
		return;
	case SC_dup:
		if (ok)
			on_dup(t, (int)a[0], (int)rv, false);
		return;
	case SC_dup2:
	case SC_dup3:
		if (ok && a[0] != a[1])
			on_dup(t, (int)a[0], (int)a[1],
			       t->ent == &sysent_table[SC_dup3] &&
			       (a[2] & O_CLOEXEC));
		return;
	case SC_fcntl:
	case SC_fcntl64:
		if (!ok)
			return;
		if ((int)a[1] == F_DUPFD || (int)a[1] == F_DUPFD_CLOEXEC)
			on_dup(t, (int)a[0], (int)rv, (int)a[1] == F_DUPFD_CLOEXEC);
		else if ((int)a[1] == F_SETFD && (uint64_t)a[0] < p->tab->size)
			p->tab->fds[a[0]].cloexec = a[2] & FD_CLOEXEC;
		return;
	case SC_pipe:
		if (ok)
			on_fd_pair(t, a[0], false);
		return;
	case SC_pipe2:
		if (ok)
			on_fd_pair(t, a[0], a[1] & O_CLOEXEC);
		return;
	case SC_socketpair:
		if (ok)
			on_fd_pair(t, a[3], a[1] & SOCK_CLOEXEC);
		return;
	case SC_close_range:
		if (ok)
			on_close_range(t, (unsigned)a[0], (unsigned)a[1],
				       (unsigned)a[2]);
		return;
	case SC_chdir:
	case SC_fchdir:
		/* the path is relative to the old cwd: count it first */
		if (t->ent == &sysent_table[SC_chdir])
			on_path_call(t, rec);
		if (ok) {
			free(p->cwd);
			p->cwd = NULL;
		}
		return;
	default:
		break;
	}
	if (t->ent->flags & SF_EXEC) {
		/* success shows at the exec event; a failure is counted here */
		if (!ok) {
			on_path_call(t, rec);
			free(p->exec_path);
			p->exec_path = NULL;
		}
		return;
	}
	if ((t->ent->flags & CLS_FILE) && strchr(t->ent->args, 's')) {
		on_path_call(t, rec);
		return;
	}
	/* any other new fd (socket, eventfd, memfd...): /proc if it is used */
	if (ok && t->ent->ret == RET_FD)
		fd_forget(t, (int)rv);
}

void
filetrack_on_child(struct tracee *parent, struct tracee *child,
		   uint64_t clone_flags)
{
	struct ft_proc *pp = parent->proc->files, *cp = child->proc->files;

	if (!pp || !cp || pp == cp)
		return;
	tab_put(cp->tab);
	if (clone_flags & CLONE_FILES) {
		cp->tab = pp->tab;
		pp->tab->refs++;
	} else {
		cp->tab = tab_copy(pp->tab);
	}
	free(cp->cwd);
	cp->cwd = pp->cwd ? xstrdup(pp->cwd) : NULL;
}

void
filetrack_on_exec(struct tracee *t)
{
	struct ft_proc *p = t->proc->files;
	unsigned fd;

	if (!p)
		return;
	/* exec unshares a CLONE_FILES table, then closes close-on-exec fds */
	if (p->tab->refs > 1) {
		struct ft_fdtab *own = tab_copy(p->tab);

		tab_put(p->tab);
		p->tab = own;
	}
	for (fd = 0; fd < p->tab->size; fd++) {
		struct ft_fd *e = &p->tab->fds[fd];

		/* an fd learnt from /proc: its flag is unknown, ask again */
		if (e->cloexec || e->from_proc)
			memset(e, 0, sizeof(*e));
	}
	if (p->exec_path) {
		note_access(file_get(p->exec_path), t->proc->tgid, FT_EXEC,
			    false);
		free(p->exec_path);
		p->exec_path = NULL;
	}
}

/* ---- the report's data ---- */

static enum files_sort cur_sort;

static int
file_cmp(const void *pa, const void *pb)
{
	const struct filetrack_file *a = *(const struct filetrack_file *const *)pa;
	const struct filetrack_file *b = *(const struct filetrack_file *const *)pb;
	uint64_t ka = 0, kb = 0;

	switch (cur_sort) {
	case FILES_SORT_BYTES:
		ka = a->read_bytes + a->write_bytes;
		kb = b->read_bytes + b->write_bytes;
		break;
	case FILES_SORT_COUNT:
		ka = a->opens + a->reads + a->writes + a->other + a->failed;
		kb = b->opens + b->reads + b->writes + b->other + b->failed;
		break;
	default:
		break;
	}
	if (ka != kb)
		return ka > kb ? -1 : 1;
	return strcmp(a->path, b->path);
}

unsigned
filetrack_sorted(const struct filetrack_file ***out, enum files_sort sort)
{
	unsigned n = HASH_COUNT(files), i = 0;
	const struct filetrack_file **v = xrealloc(NULL, n * sizeof(*v));
	struct file_node *f, *tmp;

	HASH_ITER(hh, files, f, tmp)
		v[i++] = &f->f;
	cur_sort = sort;
	qsort(v, n, sizeof(*v), file_cmp);
	*out = v;
	return n;
}

void
filetrack_reset(void)
{
	struct file_node *f, *tmp;

	HASH_ITER(hh, files, f, tmp) {
		HASH_DEL(files, f);
		free((char *)f->f.path);
		free(f->f.users);
		free(f->f.errs);
		free(f);
	}
}
