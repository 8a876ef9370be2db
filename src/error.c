/*
 * error.c - ftrace-c's own diagnostics.  Trace output is flushed before a
 * message is written, so the two streams stay in order when they share a
 * terminal.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "error.h"
#include "ftrace.h"
#include "output.h"

static void (*cleanup_hook)(void);

void
error_set_cleanup(void (*fn)(void))
{
	cleanup_hook = fn;
}

static void
vmsg(int err, const char *fmt, va_list ap)
{
	char line[1024];
	int n = vsnprintf(line, sizeof(line), fmt, ap);

	if (n < 0)
		line[0] = '\0';
	out_flush();
	if (err)
		fprintf(stderr, "%s: %s: %s\n", FTRACE_NAME, line, strerror(err));
	else
		fprintf(stderr, "%s: %s\n", FTRACE_NAME, line);
}

void
error_msg(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
}

void
perror_msg(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(err, fmt, ap);
	va_end(ap);
}

static void __attribute__((noreturn))
die_now(void)
{
	if (cleanup_hook) {
		void (*fn)(void) = cleanup_hook;

		cleanup_hook = NULL; /* a failure inside cleanup must not recurse */
		fn();
	}
	exit(1);
}

void
die(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vmsg(0, fmt, ap);
	va_end(ap);
	die_now();
}

void
die_perror(const char *fmt, ...)
{
	int err = errno;
	va_list ap;

	va_start(ap, fmt);
	vmsg(err, fmt, ap);
	va_end(ap);
	die_now();
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (!p)
		die("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t size)
{
	p = realloc(p, size ? size : 1);
	if (!p)
		die("out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	char *d = strdup(s);

	if (!d)
		die("out of memory");
	return d;
}
