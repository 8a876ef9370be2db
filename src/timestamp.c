/*
 * timestamp.c - the time columns of a trace line (include/timestamp.h).
 *
 * Parsing follows strace 6.1's --absolute-timestamps, --relative-timestamps
 * and --syscall-times arguments word for word; formatting truncates (never
 * rounds) the nanoseconds to the requested number of decimals, as strace
 * does, so a line never shows a time later than the stop it was taken at.
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "timestamp.h"

static const struct {
	const char *word;
	int digits;
} precisions[] = {
	{ "s", 0 }, { "ms", 3 }, { "us", 6 }, { "ns", 9 },
};

static const struct {
	const char *word;
	enum timestamp_format format;
} formats[] = {
	{ "none", TIMESTAMP_NONE }, { "time", TIMESTAMP_TIME },
	{ "unix", TIMESTAMP_UNIX },
};

#define ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

int
timestamp_parse_precision(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(precisions); i++)
		if (strcasecmp(word, precisions[i].word) == 0)
			return precisions[i].digits;
	return -1;
}

static int
parse_format(const char *word)
{
	size_t i;

	for (i = 0; i < ARRAY_LEN(formats); i++)
		if (strcasecmp(word, formats[i].word) == 0)
			return (int)formats[i].format;
	return -1;
}

/* "format:" or "precision:" in front of a word, any case. */
static const char *
skip_key(const char *word, const char *key)
{
	size_t n = strlen(key);

	return strncasecmp(word, key, n) == 0 ? word + n : NULL;
}

int
timestamp_parse_absolute(const char *arg, enum timestamp_format *format,
			 int *digits)
{
	enum timestamp_format f = *format;
	int d = *digits;
	char copy[256], *word, *save = NULL;

	if (!arg) {
		*format = TIMESTAMP_TIME;
		return 0;
	}
	if (snprintf(copy, sizeof(copy), "%s", arg) >= (int)sizeof(copy))
		return -1;
	if (f == TIMESTAMP_NONE)
		f = TIMESTAMP_TIME;
	/* strtok_r would merge empty words; strace accepts them anyway. */
	for (word = strtok_r(copy, ",", &save); word;
	     word = strtok_r(NULL, ",", &save)) {
		const char *v;
		int x;

		if ((v = skip_key(word, "format:"))) {
			if ((x = parse_format(v)) < 0)
				return -1;
			f = (enum timestamp_format)x;
		} else if ((v = skip_key(word, "precision:"))) {
			if ((x = timestamp_parse_precision(v)) < 0)
				return -1;
			d = x;
		} else if ((x = parse_format(word)) >= 0) {
			f = (enum timestamp_format)x;
		} else if ((x = timestamp_parse_precision(word)) >= 0) {
			d = x;
		} else {
			return -1;
		}
	}
	*format = f;
	*digits = d;
	return 0;
}

static long
truncate_nsec(long nsec, int digits)
{
	long div = 1;
	int i;

	for (i = digits; i < 9; i++)
		div *= 10;
	return nsec / div;
}

size_t
timestamp_format_absolute(char *buf, size_t size,
			  const struct timespec *realtime,
			  enum timestamp_format format, int digits)
{
	char whole[32];
	int n;

	if (!size)
		return 0;
	buf[0] = '\0';
	if (format == TIMESTAMP_NONE)
		return 0;
	if (format == TIMESTAMP_UNIX) {
		snprintf(whole, sizeof(whole), "%lld",
			 (long long)realtime->tv_sec);
	} else {
		struct tm tm;

		localtime_r(&realtime->tv_sec, &tm);
		strftime(whole, sizeof(whole), "%H:%M:%S", &tm);
	}
	if (digits)
		n = snprintf(buf, size, "%s.%0*ld", whole, digits,
			     truncate_nsec(realtime->tv_nsec, digits));
	else
		n = snprintf(buf, size, "%s", whole);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

size_t
timestamp_format_duration(char *buf, size_t size, const struct timespec *d,
			  int width, int digits)
{
	int n;

	if (!size)
		return 0;
	if (digits)
		n = snprintf(buf, size, "%*lld.%0*ld", width,
			     (long long)d->tv_sec, digits,
			     truncate_nsec(d->tv_nsec, digits));
	else
		n = snprintf(buf, size, "%*lld", width, (long long)d->tv_sec);
	return n < 0 ? 0 : (size_t)n < size ? (size_t)n : size - 1;
}

struct timespec
timestamp_sub(const struct timespec *a, const struct timespec *b)
{
	struct timespec d = {
		.tv_sec = a->tv_sec - b->tv_sec,
		.tv_nsec = a->tv_nsec - b->tv_nsec,
	};

	if (d.tv_nsec < 0) {
		d.tv_sec--;
		d.tv_nsec += 1000000000L;
	}
	return d;
}
