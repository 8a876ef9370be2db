/*
 * output.c - the trace destination (include/output.h).
 *
 * Trace text goes into a stream: a buffer, the descriptor it is flushed
 * to, the column of the current line and the tracee whose line is open.
 * There is one stream (stderr, the -o file, or the pipe to a -o |command)
 * unless -ff asks for one file per thread; then each tracee gets a stream
 * of its own at its first stop, FILE.TID, and gives it up (flushed,
 * closed, freed) when it goes away.  Selecting a tracee's stream is a
 * pointer assignment, so a stop costs no syscall more than with one file.
 *
 * -ff keeps one descriptor per live thread, as strace does, but at most
 * max_open of them: past that, the stream flushed least recently gives its
 * descriptor back and reopens its file in append mode at its next flush.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "error.h"
#include "ftrace.h"
#include "output.h"
#include "timestamp.h"
#include "tracee.h"

#define OUT_BUF_SIZE (128 * 1024)
#define SEP_BUF_SIZE (16 * 1024)     /* each -ff stream's buffer */
#define RESULT_COLUMN 40

struct out_stream {
	int fd;                      /* -1: given back, reopened on flush */
	bool line_buffered;
	bool failed;                 /* a write failed: drop further text */
	unsigned col;                /* column on the current line */
	const struct tracee *owner;  /* tracee whose line is open */
	char *buf;
	size_t used, size;
	pid_t tid;                   /* -ff: the file is FILE.TID */
	struct out_stream *prev, *next; /* -ff: most recently flushed first */
};

static char main_buf[OUT_BUF_SIZE];
static struct out_stream main_stream = {
	.fd = STDERR_FILENO, .line_buffered = true,
	.buf = main_buf, .size = OUT_BUF_SIZE,
};
static struct out_stream *cur = &main_stream;
static struct out_stage *staging;      /* -e status=: writes go here */
static struct out_stage *owner_stage;  /* the open line is held back there */
static struct out_stage *capture;      /* --json, --trace-events: a copy */
static bool capture_tee;               /* ...and to the output as well */
static void (*stream_init)(void);      /* -ff: a new file's first lines */
static const char *out_name;           /* the -o argument */
static bool prefix_on;
static bool separate;                  /* -ff with -o */
static struct out_stream *lru_head, *lru_tail;
static unsigned nopen, max_open;
static pid_t pipe_pid = -1;            /* -o |command */
static int main_errno;                 /* why main_stream's write failed */
static struct sigaction saved_sigpipe;
static bool sigpipe_changed;

/* The name write errors are reported under, as strace does. */
static void
stream_name(const struct out_stream *s, char *name, size_t size)
{
	if (s == &main_stream)
		snprintf(name, size, "%s", out_name ? out_name : "write");
	else
		snprintf(name, size, "%s.%d", out_name, s->tid);
}

static void
lru_unlink(struct out_stream *s)
{
	if (s->prev)
		s->prev->next = s->next;
	else if (lru_head == s)
		lru_head = s->next;
	if (s->next)
		s->next->prev = s->prev;
	else if (lru_tail == s)
		lru_tail = s->prev;
	s->prev = s->next = NULL;
}

static void
lru_push(struct out_stream *s)
{
	s->next = lru_head;
	s->prev = NULL;
	if (lru_head)
		lru_head->prev = s;
	lru_head = s;
	if (!lru_tail)
		lru_tail = s;
}

static void stream_flush(struct out_stream *s);

/* Give back the descriptor of the stream flushed least recently. */
static bool
evict_one(const struct out_stream *keep)
{
	struct out_stream *s;

	for (s = lru_tail; s; s = s->prev) {
		if (s == keep || s->fd < 0)
			continue;
		stream_flush(s);
		close(s->fd);
		s->fd = -1;
		nopen--;
		return true;
	}
	return false;
}

/* Open (first time: create or truncate; later: append) s's file. */
static void
stream_open(struct out_stream *s, bool first)
{
	int flags = O_WRONLY | O_CREAT | O_CLOEXEC;
	char name[4200];

	flags |= first && !opts.append ? O_TRUNC : O_APPEND;
	snprintf(name, sizeof(name), "%s.%d", out_name, s->tid);
	if (nopen >= max_open)
		evict_one(s);
	while ((s->fd = open(name, flags, 0666)) < 0) {
		if ((errno != EMFILE && errno != ENFILE) || !evict_one(s))
			die_perror("Can't fopen '%s'", name);
	}
	nopen++;
}

/*
 * The failed write raised a SIGPIPE, held pending by the blocked mask:
 * take it, so that restoring the mask later (to wait for a detached
 * command) does not kill ftrace-c with it.  What a broken pipe means is
 * decided by the loop through out_failed_signal().
 */
static void
drop_sigpipe(void)
{
	const struct timespec now = { 0, 0 };
	sigset_t pipe_set;

	sigemptyset(&pipe_set);
	sigaddset(&pipe_set, SIGPIPE);
	sigtimedwait(&pipe_set, NULL, &now);
}

static void
stream_flush(struct out_stream *s)
{
	size_t off = 0;

	if (!s->used)
		return;
	if (s->fd < 0 && !s->failed)
		stream_open(s, false);
	if (s != &main_stream && s != lru_head) {
		lru_unlink(s);
		lru_push(s);
	}
	while (off < s->used && !s->failed) {
		ssize_t n = write(s->fd, s->buf + off, s->used - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			char name[4200];
			int err = n < 0 ? errno : 0;

			s->failed = true;
			if (s == &main_stream)
				main_errno = err;
			stream_name(s, name, sizeof(name));
			/* Report once, on stderr, never through a stream. */
			fprintf(stderr, "ftrace-c: %s: %s\n", name,
				n < 0 ? strerror(err) : "short write");
			/* after the message: on a broken stderr it raises one too */
			if (err == EPIPE || errno == EPIPE)
				drop_sigpipe();
			break;
		}
		off += (size_t)n;
	}
	s->used = 0;
}

static struct out_stream *
stream_new(pid_t tid)
{
	struct out_stream *s = calloc(1, sizeof(*s));

	if (!s || !(s->buf = malloc(SEP_BUF_SIZE)))
		die("out of memory");
	s->size = SEP_BUF_SIZE;
	s->tid = tid;
	stream_open(s, true);
	lru_push(s);
	return s;
}

static void
stream_free(struct out_stream *s)
{
	stream_flush(s);
	if (s->fd >= 0) {
		close(s->fd);
		nopen--;
	}
	lru_unlink(s);
	if (cur == s)
		cur = &main_stream;
	free(s->buf);
	free(s);
}

/* -o |command: the trace goes to /bin/sh -c command's stdin. */
static int
open_pipe(const char *command)
{
	struct sigaction ign = { .sa_handler = SIG_IGN };
	int fds[2];

	if (pipe2(fds, O_CLOEXEC) < 0)
		die_perror("pipe");
	pipe_pid = fork();
	if (pipe_pid < 0)
		die_perror("fork");
	if (pipe_pid == 0) {
		if (dup2(fds[0], STDIN_FILENO) < 0)
			_exit(127);
		execl("/bin/sh", "sh", "-c", command, (char *)NULL);
		_exit(127);
	}
	close(fds[0]);
	/*
	 * A command that stops reading must not kill the tracer and with it
	 * (EXITKILL) the traced program: the write fails with EPIPE, which
	 * is reported once.  The traced command gets the old disposition
	 * back (out_child_reset).
	 */
	sigaction(SIGPIPE, &ign, &saved_sigpipe);
	sigpipe_changed = true;
	return fds[1];
}

void
out_open(const char *path)
{
	out_name = path;
	if (path && opts.output_separately) {
		struct rlimit rl;

		/* Leave room for ftrace-c's own descriptors (-y, -yy). */
		separate = true;
		max_open = 64;
		if (getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur > 128)
			max_open = rl.rlim_cur > 65536 + 64 ? 65536 :
				   (unsigned)rl.rlim_cur - 64;
		main_stream.line_buffered = false;
		return;
	}
	if (path && (path[0] == '|' || path[0] == '!')) {
		main_stream.fd = open_pipe(path + 1);
	} else if (path) {
		main_stream.fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC |
				      (opts.append ? O_APPEND : O_TRUNC), 0666);
		if (main_stream.fd < 0)
			die_perror("Can't fopen '%s'", path);
	}
	/*
	 * A file (-o) gets large blocks; stderr gets each line as it
	 * completes, terminal or pipe, so that the trace stays in order with
	 * what the program and ftrace-c itself write there.
	 */
	main_stream.line_buffered = !path || isatty(main_stream.fd);
}

void
out_child_reset(void)
{
	if (sigpipe_changed)
		sigaction(SIGPIPE, &saved_sigpipe, NULL);
}

void
out_flush(void)
{
	stream_flush(&main_stream);
	if (cur != &main_stream)
		stream_flush(cur);
}

void
out_close(void)
{
	while (lru_head)
		stream_free(lru_head);
	stream_flush(&main_stream);
	if (main_stream.fd != STDERR_FILENO)
		close(main_stream.fd);
	main_stream.fd = STDERR_FILENO;
	/* As pclose(3): the command has the whole trace; wait for it. */
	if (pipe_pid > 0) {
		while (waitpid(pipe_pid, NULL, 0) < 0 && errno == EINTR)
			;
		pipe_pid = -1;
	}
}

bool
out_failed(void)
{
	return main_stream.failed || cur->failed;
}

/*
 * A trace on stderr whose reader is gone (ftrace-c ... 2>&1 | head -1):
 * strace 6.1 takes the SIGPIPE as it takes SIGINT (the command gets it,
 * the tracer dies of it), and so does ftrace-c.  Any other failed output
 * (a full -o file, an -o pipe) only detaches: 0.
 */
int
out_failed_signal(void)
{
	return main_stream.failed && !out_name && main_errno == EPIPE ?
	       SIGPIPE : 0;
}

void
out_select(struct tracee *t)
{
	if (!separate)
		return;
	if (!t->out) {
		t->out = stream_new(t->tid);
		cur = t->out;
		if (stream_init)
			stream_init();
	}
	cur = t->out;
}

void
out_set_stream_init(void (*fn)(void))
{
	stream_init = fn;
}

void
out_capture(struct out_stage *s, bool tee)
{
	capture = s;
	capture_tee = tee;
}

void
out_exec_takeover(struct tracee *execer, struct tracee *leader)
{
	struct out_stream *old = execer->out;

	if (!separate)
		return;
	/* Its execve line ends in its own file, as strace ends it. */
	if (old) {
		if (old->owner || old->col) {
			char tail[64];
			int n = snprintf(tail, sizeof(tail),
					 " <pid changed to %d ...>\n", leader->tid);

			cur = old;
			out_write(tail, (size_t)n);
		}
		stream_free(old);
	}
	execer->out = leader->out;
	leader->out = NULL;
	out_select(execer);
	cur->owner = NULL;
}

/* Append to a held line; it grows by doubling, so rarely. */
static void
stage_write(struct out_stage *s, const char *p, size_t n)
{
	const char *nl = memrchr(p, '\n', n);

	if (s->len + n > s->cap) {
		size_t cap = s->cap ? s->cap : 1024;
		char *d;

		while (cap < s->len + n)
			cap *= 2;
		d = realloc(s->data, cap);
		if (!d)
			die("out of memory");
		s->data = d;
		s->cap = cap;
	}
	memcpy(s->data + s->len, p, n);
	s->len += n;
	s->col = nl ? (unsigned)(p + n - nl - 1) : s->col + (unsigned)n;
}

void
out_stage_to(struct out_stage *s)
{
	staging = s;
}

void
out_stage_release(struct out_stage *s, bool keep)
{
	struct out_stage *was = staging;

	if (owner_stage == s) {
		cur->owner = NULL;
		owner_stage = NULL;
	}
	staging = NULL;
	if (keep && s->len) {
		out_write(s->data, s->len);
		if (cur->line_buffered)
			stream_flush(cur);
	}
	staging = was == s ? NULL : was;
	s->len = 0;
	s->col = 0;
}

void
out_write(const char *s, size_t n)
{
	struct out_stream *o = cur;
	const char *nl;

	if (capture) {
		stage_write(capture, s, n);
		if (!capture_tee)
			return;
	}
	if (staging) {
		stage_write(staging, s, n);
		return;
	}
	nl = memrchr(s, '\n', n);
	o->col = nl ? (unsigned)(s + n - nl - 1) : o->col + (unsigned)n;
	while (n) {
		size_t room = o->size - o->used;
		size_t k = n < room ? n : room;

		memcpy(o->buf + o->used, s, k);
		o->used += k;
		s += k;
		n -= k;
		if (o->used == o->size)
			stream_flush(o);
	}
}

void
out_puts(const char *s)
{
	out_write(s, strlen(s));
}

void
out_printf(const char *fmt, ...)
{
	char tmp[512];
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	out_write(tmp, (size_t)n < sizeof(tmp) ? (size_t)n : sizeof(tmp) - 1);
}

void
out_set_prefix(bool on)
{
	prefix_on = on;
}

static struct timespec stop_real, stop_mono, last_mono;
static bool have_last_mono;

void
out_stop_time(struct timespec *realtime, struct timespec *monotonic)
{
	*realtime = stop_real;
	*monotonic = stop_mono;
}

void
out_set_stop_time(const struct timespec *realtime,
		  const struct timespec *monotonic)
{
	stop_real = *realtime;
	stop_mono = *monotonic;
}

/*
 * The absolute time, then -r's time since the previous line; with both,
 * strace writes "09:54:29 (+     0.000715) ".
 */
static void
print_time(void)
{
	char tmp[64];
	size_t n;

	if (opts.ts_format) {
		n = timestamp_format_absolute(tmp, sizeof(tmp), &stop_real,
					      (enum timestamp_format)opts.ts_format,
					      opts.ts_digits);
		out_write(tmp, n);
		out_write(opts.rflag ? " (+" : " ", opts.rflag ? 3 : 1);
	}
	if (opts.rflag) {
		struct timespec d = { 0, 0 };

		if (have_last_mono)
			d = timestamp_sub(&stop_mono, &last_mono);
		last_mono = stop_mono;
		have_last_mono = true;
		n = timestamp_format_duration(tmp, sizeof(tmp), &d, 6,
					      opts.rel_digits);
		out_write(tmp, n);
		out_write(opts.ts_format ? ") " : " ", opts.ts_format ? 2 : 1);
	}
}

/*
 * Decimal, right-aligned in width columns (as "%*lld"), without printf:
 * the line prefix and most results go through here, once or twice per
 * stop, and vsnprintf costs ten times as many instructions.
 */
static void
put_dec(long long v, unsigned width)
{
	char tmp[24], *end = tmp + sizeof(tmp), *p = end;
	unsigned long long u = v < 0 ? -(unsigned long long)v
				     : (unsigned long long)v;

	do {
		*--p = (char)('0' + u % 10);
		u /= 10;
	} while (u);
	if (v < 0)
		*--p = '-';
	while ((size_t)(end - p) < width && p > tmp)
		*--p = ' ';
	out_write(p, (size_t)(end - p));
}

void
out_dec(long long v)
{
	put_dec(v, 0);
}

static void
line_start(struct tracee *t, bool ip_known)
{
	out_select(t);
	if (staging) {
		/* a held line cuts nothing: it is printed whole, later */
	} else if (owner_stage) {
		/* cut the held open line, in its own buffer */
		if (owner_stage->col)
			stage_write(owner_stage, " <unfinished ...>\n", 18);
	} else if (cur->owner || cur->col) {
		out_puts(" <unfinished ...>\n");
		cur->owner = NULL;
	}
	owner_stage = staging;
	/* -ff files carry the pid in their name, not on each line */
	if (prefix_on && !separate) {
		out_write("[pid ", 5);
		put_dec(t->tid, 5);
		out_write("] ", 2);
	}
	if (opts.ts_format || opts.rflag)
		print_time();
	if (opts.nflag)
		out_printf("[%4llu] ", (unsigned long long)t->entry.nr);
	if (opts.iflag) {
		if (ip_known)
			out_printf("[%016llx] ", (unsigned long long)t->entry.ip);
		else
			out_puts("[????????????????] ");
	}
	cur->owner = t;
}

void
out_line_start(struct tracee *t)
{
	line_start(t, true);
}

void
out_line_start_exit(struct tracee *t)
{
	line_start(t, false);
}

void
out_line_end(void)
{
	out_write("\n", 1);
	/* a held line that ends leaves another tracee's open line open */
	if (!staging || owner_stage == staging) {
		cur->owner = NULL;
		owner_stage = NULL;
	}
	if (cur->line_buffered && !staging)
		stream_flush(cur);
}

bool
out_line_owner_is(const struct tracee *t)
{
	const struct out_stream *s = separate ? t->out : &main_stream;

	return s && s->owner == t;
}

void
out_line_forget(struct tracee *t)
{
	if (main_stream.owner == t) {
		main_stream.owner = NULL;
		owner_stage = NULL;
	}
	/* -ff: its file is complete */
	if (t->out) {
		stream_free(t->out);
		t->out = NULL;
	}
}

void
out_tab_result(void)
{
	static const char spaces[RESULT_COLUMN] = { [0 ... RESULT_COLUMN - 1] = ' ' };
	unsigned c = staging ? staging->col : cur->col;
	unsigned pad = c < RESULT_COLUMN ? RESULT_COLUMN - c : 1;

	out_write(spaces, pad);
}
