/*
 * argtext.h - structure from decoded argument text.
 *
 * The decoders print strace's text: "3, {st_mode=S_IFREG|0644, ...},
 * [INT TERM], "a,b\"c"...".  Rather than teach every decoder a second
 * output, --json and --trace-events split that text at its top-level
 * commas (respecting quotes, escapes, brackets, braces, parentheses,
 * -y's "N<path>" and comments) and turn structs, arrays, flag sets,
 * strings and calls into JSON values with one generic parser.  The
 * parser never fails: an element it cannot read becomes its text as a
 * string, and an argument it cannot read at all has no value (docs/json.md
 * lists the mapping).
 */
#ifndef FTRACE_ARGTEXT_H
#define FTRACE_ARGTEXT_H

#include <stdbool.h>
#include <stddef.h>

struct jsonw;

struct argtext_span {
	const char *s;
	size_t n;
};

/*
 * Split an argument list at its top-level ", " into at most max spans
 * (the last one takes the rest).  Returns the number of spans; 0 for an
 * empty list.
 */
unsigned argtext_split(const char *s, size_t n, struct argtext_span *out,
		       unsigned max);

enum argtext_kind {
	ARGTEXT_NONE,        /* not readable as a value: text only */
	ARGTEXT_SCALAR,      /* a number, a name, NULL: the text says it all */
	ARGTEXT_STRUCTURED,  /* struct, array, flag set, string, call, fd<path> */
};

/* What argtext_value would make of s (no output). */
enum argtext_kind argtext_kind(const char *s, size_t n);
/*
 * Write s as one JSON value to w.  Returns false (and writes nothing) if
 * s is not readable as a value.
 */
bool argtext_value(struct jsonw *w, const char *s, size_t n);
/*
 * KEY and s's value, written to w only when s is ARGTEXT_STRUCTURED (one
 * reading pass and one writing pass); returns whether it wrote.
 */
bool argtext_kvalue(struct jsonw *w, const char *key, const char *s, size_t n);

#endif /* FTRACE_ARGTEXT_H */
