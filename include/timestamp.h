/*
 * timestamp.h - the time columns of a trace line (-t/-tt/-ttt,
 * --absolute-timestamps, -r, -T and their precisions): parsing the option
 * arguments and formatting the values.
 */
#ifndef FTRACE_TIMESTAMP_H
#define FTRACE_TIMESTAMP_H

#include <stdbool.h>
#include <stddef.h>
#include <time.h>

/* --absolute-timestamps=format: what the leading time looks like. */
enum timestamp_format {
	TIMESTAMP_NONE = 0,  /* no absolute time */
	TIMESTAMP_TIME,      /* time of day: 09:54:29 */
	TIMESTAMP_UNIX,      /* seconds since the epoch: 1795427669 */
};

/*
 * One precision word (s, ms, us, ns, any case) to the number of decimals
 * (0, 3, 6, 9); -1 if it is not one.
 */
int timestamp_parse_precision(const char *word);

/*
 * Apply one --absolute-timestamps argument (NULL when given bare) to
 * *format and *digits, as strace 6.1 does: a bare option means the time
 * of day; an argument is a comma-separated list of [format:]none|time|unix
 * and [precision:]s|ms|us|ns words (empty words are allowed), and a
 * format still "none" when the option is given becomes "time" first.
 * Returns -1, leaving both unchanged, on a word it does not know.
 */
int timestamp_parse_absolute(const char *arg, enum timestamp_format *format,
			     int *digits);

/* "09:54:29.493", "1795427669.512213", "" for TIMESTAMP_NONE. */
size_t timestamp_format_absolute(char *buf, size_t size,
				 const struct timespec *realtime,
				 enum timestamp_format format, int digits);

/*
 * A duration with `digits` decimals, the seconds right-aligned in `width`
 * columns: "     0.000715" (width 6, -r), "0.000021" (width 0, -T).
 */
size_t timestamp_format_duration(char *buf, size_t size,
				 const struct timespec *d, int width,
				 int digits);

/* a - b, normalized (b <= a is not required). */
struct timespec timestamp_sub(const struct timespec *a,
			      const struct timespec *b);

#endif /* FTRACE_TIMESTAMP_H */
