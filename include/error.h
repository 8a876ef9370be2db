/*
 * error.h - every message ftrace-c prints about itself, in one style:
 * one line on stderr, prefixed "ftrace-c: ".
 */
#ifndef FTRACE_ERROR_H
#define FTRACE_ERROR_H

#include <stddef.h>

#define ATTR_PRINTF(a, b) __attribute__((format(printf, a, b)))

/* "ftrace-c: MSG" */
void error_msg(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* "ftrace-c: MSG: strerror(errno)" */
void perror_msg(const char *fmt, ...) ATTR_PRINTF(1, 2);
/* error_msg, then the cleanup hook, then exit(1) */
void die(const char *fmt, ...) ATTR_PRINTF(1, 2) __attribute__((noreturn));
void die_perror(const char *fmt, ...) ATTR_PRINTF(1, 2) __attribute__((noreturn));

/* Allocation off the hot path (reports, set-up): die() when memory is out. */
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

/* Called by die() before exiting: flushes trace output, kills tracees. */
void error_set_cleanup(void (*fn)(void));

#endif /* FTRACE_ERROR_H */
