/*
 * output.c - the trace destination (include/output.h).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "error.h"
#include "ftrace.h"
#include "output.h"
#include "tracee.h"

#define OUT_BUF_SIZE (128 * 1024)
#define RESULT_COLUMN 40

static char buf[OUT_BUF_SIZE];
static size_t used;
static int out_fd = STDERR_FILENO;
static bool line_buffered = true;
static bool prefix_on;
static bool write_failed;
static unsigned col;                   /* column on the current line */
static const struct tracee *owner;     /* tracee whose line is open */
static struct out_stage *staging;      /* -e status=: writes go here */
static struct out_stage *owner_stage;  /* the open line is held back there */

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
		owner = NULL;
		owner_stage = NULL;
	}
	staging = NULL;
	if (keep && s->len) {
		out_write(s->data, s->len);
		if (line_buffered)
			out_flush();
	}
	staging = was == s ? NULL : was;
	s->len = 0;
	s->col = 0;
}

void
out_open(const char *path)
{
	if (path) {
		out_fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0666);
		if (out_fd < 0)
			die_perror("Can't fopen '%s'", path);
	}
	/*
	 * A file (-o) gets large blocks; stderr gets each line as it
	 * completes, terminal or pipe, so that the trace stays in order with
	 * what the program and ftrace-c itself write there.
	 */
	line_buffered = !path || isatty(out_fd);
}

void
out_flush(void)
{
	size_t off = 0;

	while (off < used && !write_failed) {
		ssize_t n = write(out_fd, buf + off, used - off);

		if (n < 0 && errno == EINTR)
			continue;
		if (n <= 0) {
			write_failed = true;
			/* Report once, on stderr, never through this buffer. */
			fprintf(stderr, "ftrace-c: write: %s\n",
				n < 0 ? strerror(errno) : "short write");
			break;
		}
		off += (size_t)n;
	}
	used = 0;
}

void
out_close(void)
{
	out_flush();
	if (out_fd != STDERR_FILENO)
		close(out_fd);
	out_fd = STDERR_FILENO;
}

bool
out_failed(void)
{
	return write_failed;
}

void
out_write(const char *s, size_t n)
{
	const char *nl;

	if (staging) {
		stage_write(staging, s, n);
		return;
	}
	nl = memrchr(s, '\n', n);
	col = nl ? (unsigned)(s + n - nl - 1) : col + (unsigned)n;
	while (n) {
		size_t room = sizeof(buf) - used;
		size_t k = n < room ? n : room;

		memcpy(buf + used, s, k);
		used += k;
		s += k;
		n -= k;
		if (used == sizeof(buf))
			out_flush();
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
out_set_stop_time(const struct timespec *realtime,
		  const struct timespec *monotonic)
{
	stop_real = *realtime;
	stop_mono = *monotonic;
}

static void
print_time(void)
{
	if (opts.rflag) {
		/* since the previous line's stop (strace's -r) */
		struct timespec d = { 0, 0 };

		if (have_last_mono) {
			d.tv_sec = stop_mono.tv_sec - last_mono.tv_sec;
			d.tv_nsec = stop_mono.tv_nsec - last_mono.tv_nsec;
			if (d.tv_nsec < 0) {
				d.tv_sec--;
				d.tv_nsec += 1000000000L;
			}
		}
		last_mono = stop_mono;
		have_last_mono = true;
		out_printf("%6ld.%06ld ", (long)d.tv_sec, d.tv_nsec / 1000);
	} else if (opts.tflag >= 3) {
		out_printf("%lld.%06ld ", (long long)stop_real.tv_sec,
			   stop_real.tv_nsec / 1000);
	} else if (opts.tflag) {
		struct tm tm;
		char hms[16];

		localtime_r(&stop_real.tv_sec, &tm);
		strftime(hms, sizeof(hms), "%H:%M:%S", &tm);
		if (opts.tflag == 2)
			out_printf("%s.%06ld ", hms, stop_real.tv_nsec / 1000);
		else
			out_printf("%s ", hms);
	}
}

static void
line_start(struct tracee *t, bool ip_known)
{
	if (staging) {
		/* a held line cuts nothing: it is printed whole, later */
	} else if (owner_stage) {
		/* cut the held open line, in its own buffer */
		if (owner_stage->col)
			stage_write(owner_stage, " <unfinished ...>\n", 18);
	} else if (owner || col) {
		out_puts(" <unfinished ...>\n");
		owner = NULL;
	}
	owner_stage = staging;
	if (prefix_on)
		out_printf("[pid %5d] ", t->tid);
	if (opts.tflag || opts.rflag)
		print_time();
	if (opts.nflag)
		out_printf("[%4llu] ", (unsigned long long)t->entry.nr);
	if (opts.iflag) {
		if (ip_known)
			out_printf("[%016llx] ", (unsigned long long)t->entry.ip);
		else
			out_puts("[????????????????] ");
	}
	owner = t;
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
		owner = NULL;
		owner_stage = NULL;
	}
	if (line_buffered && !staging)
		out_flush();
}

bool
out_line_owner_is(const struct tracee *t)
{
	return owner == t;
}

void
out_line_forget(const struct tracee *t)
{
	if (owner == t) {
		owner = NULL;
		owner_stage = NULL;
	}
}

void
out_tab_result(void)
{
	static const char spaces[RESULT_COLUMN] = { [0 ... RESULT_COLUMN - 1] = ' ' };
	unsigned c = staging ? staging->col : col;
	unsigned pad = c < RESULT_COLUMN ? RESULT_COLUMN - c : 1;

	out_write(spaces, pad);
}
