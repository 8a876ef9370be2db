/*
 * jsonw.c - the streaming JSON writer (include/jsonw.h).
 *
 * Runs of bytes that need no escape go to the sink in one piece; a
 * 256-entry table says which bytes those are, so escaping a string is one
 * table load per byte.
 */
#include <string.h>

#include "jsonw.h"

/* 0: copied as is; 1: needs an escape */
static const unsigned char needs_escape[256] = {
	[0x00 ... 0x1f] = 1,
	['"'] = 1,
	['\\'] = 1,
	[0x7f ... 0xff] = 1,
};

void
jsonw_escape(jsonw_sink_fn *sink, void *ctx, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, start = 0;

	for (; i < n; i++) {
		char esc[6];
		size_t k = 2;

		if (!needs_escape[p[i]])
			continue;
		if (i > start)
			sink(ctx, s + start, i - start);
		start = i + 1;
		esc[0] = '\\';
		switch (p[i]) {
		case '"':  esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\t': esc[1] = 't'; break;
		case '\r': esc[1] = 'r'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			/* control bytes, DEL and 0x80..0xff (as Latin-1) */
			memcpy(esc + 1, "u00", 3);
			esc[4] = hex[p[i] >> 4];
			esc[5] = hex[p[i] & 15];
			k = 6;
			break;
		}
		sink(ctx, esc, k);
	}
	if (i > start)
		sink(ctx, s + start, i - start);
}

void
jsonw_init(struct jsonw *w, jsonw_sink_fn *sink, void *ctx)
{
	w->sink = sink;
	w->ctx = ctx;
	w->depth = 0;
	w->after_key = false;
	w->has_item[0] = false;
}

/* Before any value or key: the comma, unless it follows its key. */
static void
sep(struct jsonw *w)
{
	if (w->after_key) {
		w->after_key = false;
		return;
	}
	if (w->has_item[w->depth])
		w->sink(w->ctx, ",", 1);
	w->has_item[w->depth] = true;
}

static void
open_level(struct jsonw *w, const char *c)
{
	sep(w);
	w->sink(w->ctx, c, 1);
	/* deeper than the table: still valid JSON, commas from the last level */
	if (w->depth + 1 < JSONW_MAX_DEPTH)
		w->depth++;
	w->has_item[w->depth] = false;
}

static void
close_level(struct jsonw *w, const char *c)
{
	w->sink(w->ctx, c, 1);
	if (w->depth)
		w->depth--;
}

void
jsonw_obj_begin(struct jsonw *w)
{
	open_level(w, "{");
}

void
jsonw_obj_end(struct jsonw *w)
{
	close_level(w, "}");
}

void
jsonw_arr_begin(struct jsonw *w)
{
	open_level(w, "[");
}

void
jsonw_arr_end(struct jsonw *w)
{
	close_level(w, "]");
}

void
jsonw_keyn(struct jsonw *w, const char *key, size_t n)
{
	sep(w);
	w->sink(w->ctx, "\"", 1);
	jsonw_escape(w->sink, w->ctx, key, n);
	w->sink(w->ctx, "\":", 2);
	w->after_key = true;
}

void
jsonw_key(struct jsonw *w, const char *key)
{
	jsonw_keyn(w, key, strlen(key));
}

void
jsonw_strn(struct jsonw *w, const char *s, size_t n)
{
	sep(w);
	w->sink(w->ctx, "\"", 1);
	jsonw_escape(w->sink, w->ctx, s, n);
	w->sink(w->ctx, "\"", 1);
}

void
jsonw_str_begin(struct jsonw *w)
{
	sep(w);
	w->sink(w->ctx, "\"", 1);
}

void
jsonw_str_part(struct jsonw *w, const char *s, size_t n)
{
	jsonw_escape(w->sink, w->ctx, s, n);
}

void
jsonw_str_end(struct jsonw *w)
{
	w->sink(w->ctx, "\"", 1);
}

void
jsonw_str(struct jsonw *w, const char *s)
{
	jsonw_strn(w, s, strlen(s));
}

void
jsonw_raw(struct jsonw *w, const char *s, size_t n)
{
	sep(w);
	w->sink(w->ctx, s, n);
}

/* Digits written backwards into the end of a small buffer: no printf. */
static void
put_u64(struct jsonw *w, uint64_t v, bool neg)
{
	char buf[24];
	char *p = buf + sizeof(buf);

	do {
		*--p = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	if (neg)
		*--p = '-';
	jsonw_raw(w, p, (size_t)(buf + sizeof(buf) - p));
}

void
jsonw_int(struct jsonw *w, int64_t v)
{
	if (v < 0)
		put_u64(w, -(uint64_t)v, true);
	else
		put_u64(w, (uint64_t)v, false);
}

void
jsonw_uint(struct jsonw *w, uint64_t v)
{
	put_u64(w, v, false);
}

void
jsonw_bool(struct jsonw *w, bool v)
{
	jsonw_raw(w, v ? "true" : "false", v ? 4 : 5);
}

void
jsonw_null(struct jsonw *w)
{
	jsonw_raw(w, "null", 4);
}

void
jsonw_kstr(struct jsonw *w, const char *key, const char *s)
{
	jsonw_key(w, key);
	jsonw_str(w, s);
}

void
jsonw_kint(struct jsonw *w, const char *key, int64_t v)
{
	jsonw_key(w, key);
	jsonw_int(w, v);
}

void
jsonw_kuint(struct jsonw *w, const char *key, uint64_t v)
{
	jsonw_key(w, key);
	jsonw_uint(w, v);
}

void
jsonw_kbool(struct jsonw *w, const char *key, bool v)
{
	jsonw_key(w, key);
	jsonw_bool(w, v);
}
