/*
 * jsonw.h - a tiny streaming JSON writer.
 *
 * Nothing is built in memory: each call writes its piece through the
 * writer's sink (the trace output, or the trace-event file), so a record
 * costs no allocation.  Commas are placed by the writer, which keeps one
 * "a value was written at this depth" bit per nesting level.
 *
 * Strings are arbitrary bytes (tracee data, paths): every byte that is not
 * printable ASCII is escaped, control bytes and DEL as \u00XX (or \n, \t...),
 * and each byte 0x80..0xff as \u0080..\u00ff, i.e. the bytes are read as
 * Latin-1.  So every output is valid JSON (and pure ASCII) whatever the
 * input, and the original bytes come back by encoding the decoded string
 * as Latin-1.
 */
#ifndef FTRACE_JSONW_H
#define FTRACE_JSONW_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define JSONW_MAX_DEPTH 64

typedef void jsonw_sink_fn(void *ctx, const char *s, size_t n);

struct jsonw {
	jsonw_sink_fn *sink;
	void *ctx;
	unsigned depth;
	bool after_key;                   /* the next value follows a key */
	bool has_item[JSONW_MAX_DEPTH];   /* a value was written at this level */
};

void jsonw_init(struct jsonw *w, jsonw_sink_fn *sink, void *ctx);

void jsonw_obj_begin(struct jsonw *w);
void jsonw_obj_end(struct jsonw *w);
void jsonw_arr_begin(struct jsonw *w);
void jsonw_arr_end(struct jsonw *w);
/* An object's key (a NUL-terminated ASCII name; escaped anyway). */
void jsonw_key(struct jsonw *w, const char *key);
void jsonw_keyn(struct jsonw *w, const char *key, size_t n);

void jsonw_str(struct jsonw *w, const char *s);
void jsonw_strn(struct jsonw *w, const char *s, size_t n);
void jsonw_int(struct jsonw *w, int64_t v);
void jsonw_uint(struct jsonw *w, uint64_t v);
void jsonw_bool(struct jsonw *w, bool v);
void jsonw_null(struct jsonw *w);
/*
 * A string written in pieces: begin, any number of parts (escaped like
 * jsonw_strn), end.
 */
void jsonw_str_begin(struct jsonw *w);
void jsonw_str_part(struct jsonw *w, const char *s, size_t n);
void jsonw_str_end(struct jsonw *w);
/* A value the caller has already formatted as valid JSON (a number). */
void jsonw_raw(struct jsonw *w, const char *s, size_t n);

/* key + value in one call */
void jsonw_kstr(struct jsonw *w, const char *key, const char *s);
void jsonw_kint(struct jsonw *w, const char *key, int64_t v);
void jsonw_kuint(struct jsonw *w, const char *key, uint64_t v);
void jsonw_kbool(struct jsonw *w, const char *key, bool v);

/*
 * Write s[0..n) escaped for use inside a JSON string (no quotes) through
 * sink: the part the writer and other modules share.
 */
void jsonw_escape(jsonw_sink_fn *sink, void *ctx, const char *s, size_t n);

#endif /* FTRACE_JSONW_H */
