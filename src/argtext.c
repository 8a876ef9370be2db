/*
 * argtext.c - decoded argument text to JSON values (include/argtext.h).
 *
 * A recursive-descent reader of the text the decoders print.  Each
 * function takes the position to read from and returns the position after
 * what it read, or NULL if the text is not of that shape.  With a NULL
 * writer nothing is written (a "dry" read); where the JSON shape depends
 * on what follows (a flag set, "A => B", a struct whose members are all
 * named), a dry read goes first, so nothing is ever written that has to
 * be taken back.  Nesting deeper than MAX_NEST is "not readable".
 *
 * The mapping (docs/json.md):
 *   {a=1, b=X|Y, ...}   -> {"a":1,"b":["X","Y"],"...":true}
 *   {1, 2} (unnamed)    -> [1,2]; {...} -> {"...":true}; in a struct with named members an
 *                          unnamed one is keyed "_N" (its position)
 *   [a, b] / [INT TERM] -> ["a","b"] / ["INT","TERM"]
 *   ~[INT]              -> {"complement":["INT"]}
 *   A|B|0x10            -> ["A","B",16]
 *   "str"  "str"...     -> the string, escapes decoded
 *   f(x, y)             -> {"call":"f","args":[x,y]}
 *   3</path>            -> {"fd":3,"path":"/path"}
 *   A => B              -> {"in":A,"out":B}
 *   numbers (dec, 0x hex, 0 octal) -> JSON numbers; NULL -> null;
 *   other names -> strings; an element that is none of these -> its text.
 */
#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "argtext.h"
#include "jsonw.h"

#define MAX_NEST 32

struct rd {
	const char *end;
	struct jsonw *w;    /* NULL: read only */
	unsigned nest;
};

static const char *value(struct rd *r, const char *p);

static bool
is_ident_start(char c)
{
	return isalpha((unsigned char)c) || c == '_' || c == '&';
}

static bool
is_ident_char(char c)
{
	return isalnum((unsigned char)c) || c == '_' || c == '?' || c == '.';
}

/* Spaces and comments. */
static const char *
skip_ws(const struct rd *r, const char *p)
{
	for (;;) {
		while (p < r->end && (*p == ' ' || *p == '\t' || *p == '\n'))
			p++;
		if (r->end - p >= 2 && p[0] == '/' && p[1] == '*') {
			const char *c = memmem(p + 2, (size_t)(r->end - p - 2), "*/", 2);

			if (!c)
				return r->end;
			p = c + 2;
			continue;
		}
		return p;
	}
}

/* After the opening quote: the position after the closing one. */
static const char *
skip_string(const char *p, const char *end)
{
	for (; p < end; p++) {
		if (*p == '\\' && p + 1 < end)
			p++;
		else if (*p == '"')
			return p + 1;
	}
	return NULL;
}

/*
 * Scan to the end of one element: the first ',' or closer (')', ']',
 * '}') not inside quotes, brackets or comments, or the end.  A '<' right
 * after a digit opens -y's "N<...>" (a path may hold commas).  Returns
 * NULL if the text is unbalanced.
 */
static const char *
scan_element(const char *p, const char *end)
{
	const char *start = p;
	char stack[MAX_NEST];
	unsigned depth = 0;

	while (p < end) {
		char c = *p;

		if (c == '"') {
			p = skip_string(p + 1, end);
			if (!p)
				return NULL;
			continue;
		}
		if (c == '/' && p + 1 < end && p[1] == '*') {
			const char *e = memmem(p + 2, (size_t)(end - p - 2), "*/", 2);

			p = e ? e + 2 : end;
			continue;
		}
		if (c == '<' && p > start && isdigit((unsigned char)p[-1])) {
			const char *e = memchr(p, '>', (size_t)(end - p));

			if (!e)
				return NULL;
			p = e + 1;
			continue;
		}
		if (c == '(' || c == '[' || c == '{') {
			if (depth == MAX_NEST)
				return NULL;
			stack[depth++] = c == '(' ? ')' : c == '[' ? ']' : '}';
		} else if (c == ')' || c == ']' || c == '}') {
			if (!depth)
				return p;
			if (stack[--depth] != c)
				return NULL;
		} else if (c == ',' && !depth) {
			return p;
		}
		p++;
	}
	return depth ? NULL : p;
}

unsigned
argtext_split(const char *s, size_t n, struct argtext_span *out, unsigned max)
{
	const char *p = s, *end = s + n;
	unsigned k = 0;

	while (p < end && *p == ' ')
		p++;
	if (p == end || !max)
		return 0;
	while (k < max) {
		const char *e = k + 1 < max ? scan_element(p, end) : end;

		/* unbalanced text, or a stray closer: the rest is one argument */
		if (!e || (e < end && *e != ','))
			e = end;
		out[k].s = p;
		out[k].n = (size_t)(e - p);
		/* "-1, " of a call cut at its entry (it never returned): no third */
		if (out[k].n || e < end)
			k++;
		if (e == end)
			break;
		p = e + 1;
		while (p < end && *p == ' ')
			p++;
	}
	return k;
}

/* Decode a C string's escapes and write it in pieces. */
static void
emit_cstring(struct jsonw *w, const char *p, const char *end)
{
	char buf[256];
	size_t k = 0;

	jsonw_str_begin(w);
	while (p < end) {
		unsigned char c = (unsigned char)*p++;

		if (c == '\\' && p < end) {
			char e = *p++;
			unsigned v = 0, i;

			switch (e) {
			case 'n': c = '\n'; break;
			case 't': c = '\t'; break;
			case 'r': c = '\r'; break;
			case 'v': c = '\v'; break;
			case 'f': c = '\f'; break;
			case 'a': c = '\a'; break;
			case 'b': c = '\b'; break;
			case 'x':
				for (i = 0; i < 2 && p < end && isxdigit((unsigned char)*p); i++, p++)
					v = v * 16 + (unsigned)(isdigit((unsigned char)*p) ?
						*p - '0' : (tolower((unsigned char)*p) - 'a' + 10));
				c = (unsigned char)v;
				break;
			default:
				if (e >= '0' && e <= '7') {
					v = (unsigned)(e - '0');
					for (i = 1; i < 3 && p < end && *p >= '0' && *p <= '7'; i++, p++)
						v = v * 8 + (unsigned)(*p - '0');
					c = (unsigned char)v;
				} else {
					c = (unsigned char)e;
				}
				break;
			}
		}
		buf[k++] = (char)c;
		if (k == sizeof(buf)) {
			jsonw_str_part(w, buf, k);
			k = 0;
		}
	}
	jsonw_str_part(w, buf, k);
	jsonw_str_end(w);
}

/* A number: decimal, 0x hex or 0 octal, or a decimal fraction. */
static const char *
number(struct rd *r, const char *p)
{
	const char *q = p;
	bool neg = false;
	uint64_t v;
	char tmp[32];
	char *e;
	size_t len;

	if (q < r->end && *q == '-') {
		neg = true;
		q++;
	}
	while (q < r->end && (isalnum((unsigned char)*q) || *q == '.'))
		q++;
	len = (size_t)(q - p);
	if (len >= sizeof(tmp) || len == (size_t)neg)
		return NULL;
	memcpy(tmp, p, len);
	tmp[len] = 0;
	if (strchr(tmp, '.')) {
		/* fractions print as "1.5": only plain decimals pass */
		const char *d = tmp + neg;

		if (strspn(d, "0123456789.") != strlen(d) || d[0] == '.' ||
		    tmp[len - 1] == '.' || strchr(strchr(d, '.') + 1, '.'))
			return NULL;
		if (r->w)
			jsonw_raw(r->w, tmp, len);
		return q;
	}
	errno = 0;
	v = strtoull(tmp + neg, &e, 0);
	if (*e || errno)
		return NULL;
	if (r->w) {
		if (neg)
			jsonw_int(r->w, -(int64_t)v);
		else
			jsonw_uint(r->w, v);
	}
	return q;
}

/* Elements up to the closer, after an opener: arrays, call arguments. */
static const char *element(struct rd *r, const char *p, char closer);

static const char *
list(struct rd *r, const char *p, char closer)
{
	p = skip_ws(r, p);
	while (p < r->end && *p != closer) {
		const char *q = element(r, p, closer);

		if (!q)
			return NULL;
		p = skip_ws(r, q);
		if (p < r->end && *p == ',')
			p = skip_ws(r, p + 1);
		else if (p == q && p < r->end && *p != closer)
			return NULL;	/* neither separator nor space */
	}
	return p < r->end ? p + 1 : NULL;
}

/* Is p at "name=" (not "==" or "=>")?  Returns the '=' position. */
static const char *
member_key(const struct rd *r, const char *p)
{
	const char *q = p;

	if (q >= r->end || !is_ident_start(*q))
		return NULL;
	while (q < r->end && is_ident_char(*q))
		q++;
	if (q + 1 < r->end && *q == '=' && q[1] != '=' && q[1] != '>')
		return q;
	return NULL;
}

static bool
is_ellipsis(const struct rd *r, const char *p)
{
	return r->end - p >= 3 && !memcmp(p, "...", 3);
}

static const char *
structure(struct rd *r, const char *p)
{
	struct rd dry = { r->end, NULL, r->nest };
	const char *q = skip_ws(r, p + 1);
	bool any_named = false, all_unnamed = true;
	unsigned pos = 0;

	/* first pass: the shape (and whether it reads at all) */
	while (q < r->end && *q != '}') {
		const char *eq = member_key(r, q);

		if (eq) {
			any_named = true;
			all_unnamed = false;
			q = element(&dry, eq + 1, '}');
		} else if (is_ellipsis(r, q)) {
			all_unnamed = false;
			q += 3;
		} else {
			q = element(&dry, q, '}');
		}
		if (!q)
			return NULL;
		q = skip_ws(r, q);
		if (q < r->end && *q == ',')
			q = skip_ws(r, q + 1);
		else if (q < r->end && *q != '}')
			return NULL;
	}
	if (q >= r->end)
		return NULL;
	if (!r->w)
		return q + 1;
	/* "{...}" alone, or only unnamed members: an array */
	if (!any_named && all_unnamed) {
		jsonw_arr_begin(r->w);
		list(r, p + 1, '}');
		jsonw_arr_end(r->w);
		return q + 1;
	}
	jsonw_obj_begin(r->w);
	p = skip_ws(r, p + 1);
	while (p < r->end && *p != '}') {
		const char *eq = member_key(r, p);

		if (eq) {
			jsonw_keyn(r->w, p, (size_t)(eq - p));
			p = element(r, eq + 1, '}');
		} else if (is_ellipsis(r, p)) {
			jsonw_kbool(r->w, "...", true);
			p += 3;
		} else {
			char key[16];
			int n = snprintf(key, sizeof(key), "_%u", pos);

			jsonw_keyn(r->w, key, (size_t)n);
			p = element(r, p, '}');
		}
		pos++;
		p = skip_ws(r, p);
		if (p < r->end && *p == ',')
			p = skip_ws(r, p + 1);
	}
	jsonw_obj_end(r->w);
	return q + 1;
}

/* One term: everything but a flag set. */
static const char *
term(struct rd *r, const char *p)
{
	const char *q;

	if (p >= r->end)
		return NULL;
	switch (*p) {
	case '{':
		return structure(r, p);
	case '[':
		if (r->w)
			jsonw_arr_begin(r->w);
		q = list(r, p + 1, ']');
		if (r->w)
			jsonw_arr_end(r->w);
		return q;
	case '~':
		if (p + 1 >= r->end || p[1] != '[')
			return NULL;
		if (r->w) {
			jsonw_obj_begin(r->w);
			jsonw_key(r->w, "complement");
		}
		q = term(r, p + 1);
		if (r->w)
			jsonw_obj_end(r->w);
		return q;
	case '"':
		q = skip_string(p + 1, r->end);
		if (!q)
			return NULL;
		if (r->w)
			emit_cstring(r->w, p + 1, q - 1);
		/* -s cut it: "abc"... */
		return is_ellipsis(r, q) ? q + 3 : q;
	default:
		break;
	}
	if (is_ellipsis(r, p)) {
		if (r->w)
			jsonw_str(r->w, "...");
		return p + 3;
	}
	if (isdigit((unsigned char)*p) || (*p == '-' && p + 1 < r->end &&
					   isdigit((unsigned char)p[1]))) {
		const char *e;

		q = p;
		while (q < r->end && (isalnum((unsigned char)*q) || *q == '.' || *q == '-'))
			q++;
		if (q < r->end && *q == '<') {
			/* -y: 3</path> */
			e = memchr(q, '>', (size_t)(r->end - q));
			if (!e)
				return NULL;
			if (r->w) {
				struct rd num = { q, r->w, r->nest };

				jsonw_obj_begin(r->w);
				jsonw_key(r->w, "fd");
				if (number(&num, p) != q)
					jsonw_strn(r->w, p, (size_t)(q - p));
				jsonw_key(r->w, "path");
				jsonw_strn(r->w, q + 1, (size_t)(e - q - 1));
				jsonw_obj_end(r->w);
			}
			return e + 1;
		}
		return number(r, p);
	}
	if (!is_ident_start(*p))
		return NULL;
	q = p + 1;
	while (q < r->end && is_ident_char(*q))
		q++;
	if (q < r->end && *q == '(') {
		const char *e;
		struct rd dry = { r->end, NULL, r->nest };

		if (!list(&dry, q + 1, ')'))
			return NULL;
		if (r->w) {
			jsonw_obj_begin(r->w);
			jsonw_key(r->w, "call");
			jsonw_strn(r->w, p, (size_t)(q - p));
			jsonw_key(r->w, "args");
			jsonw_arr_begin(r->w);
		}
		e = list(r, q + 1, ')');
		if (r->w) {
			jsonw_arr_end(r->w);
			jsonw_obj_end(r->w);
		}
		return e;
	}
	if (r->w) {
		if (q - p == 4 && !memcmp(p, "NULL", 4))
			jsonw_null(r->w);
		else
			jsonw_strn(r->w, p, (size_t)(q - p));
	}
	return q;
}

/* A term, or terms joined by '|' (a flag set: an array). */
static const char *
value(struct rd *r, const char *p)
{
	struct rd dry = { r->end, NULL, r->nest };
	const char *q;
	bool flags;

	if (r->nest >= MAX_NEST)
		return NULL;
	dry.nest = ++r->nest;
	q = term(&dry, p);
	flags = q && q < r->end && *q == '|';
	while (q && q < r->end && *q == '|')
		q = term(&dry, q + 1);
	if (!q || !r->w) {
		r->nest--;
		return q;
	}
	if (flags) {
		jsonw_arr_begin(r->w);
		q = term(r, p);
		while (q < r->end && *q == '|')
			q = term(r, q + 1);
		jsonw_arr_end(r->w);
	} else {
		q = term(r, p);
	}
	r->nest--;
	return q;
}

/*
 * One element of a list or struct: a value, or "A => B", or (when it is
 * neither) its text.  It must end at a separator, the closer, or (in an
 * array: "[INT TERM]") a space before the next element.
 */
static const char *
element(struct rd *r, const char *p, char closer)
{
	struct rd dry = { r->end, NULL, r->nest };
	const char *a = value(&dry, p), *b = NULL, *e;

	e = a ? skip_ws(r, a) : NULL;
	if (e && r->end - e >= 2 && e[0] == '=' && e[1] == '>') {
		b = value(&dry, skip_ws(r, e + 2));
		e = b ? skip_ws(r, b) : NULL;
	}
	if (e && !(e < r->end && (*e == ',' || *e == closer)) &&
	    !(closer == ']' && e > (b ? b : a)))
		e = NULL;
	if (!e) {
		/* not a value: the element's text, trimmed */
		const char *t = scan_element(p, r->end);

		if (!t || t == p)
			return NULL;
		e = t;
		while (e > p && e[-1] == ' ')
			e--;
		if (r->w)
			jsonw_strn(r->w, p, (size_t)(e - p));
		return t;
	}
	if (!r->w)
		return b ? b : a;
	if (b) {
		jsonw_obj_begin(r->w);
		jsonw_key(r->w, "in");
		value(r, p);
		jsonw_key(r->w, "out");
		value(r, skip_ws(r, skip_ws(r, a) + 2));
		jsonw_obj_end(r->w);
		return b;
	}
	return value(r, p);
}

enum argtext_kind
argtext_kind(const char *s, size_t n)
{
	struct rd r = { s + n, NULL, 0 };
	const char *p = skip_ws(&r, s), *q;

	q = value(&r, p);
	if (!q || skip_ws(&r, q) != r.end)
		return ARGTEXT_NONE;
	/* a bare number or name: the text and the raw value say it all */
	if (p == q)
		return ARGTEXT_NONE;
	if ((isdigit((unsigned char)*p) || *p == '-' || is_ident_start(*p)) &&
	    !memchr(p, '(', (size_t)(q - p)) && !memchr(p, '|', (size_t)(q - p)) &&
	    !memchr(p, '<', (size_t)(q - p)))
		return ARGTEXT_SCALAR;
	return ARGTEXT_STRUCTURED;
}

/* The writing pass, for a text already known to read as one value. */
static void
write_value(struct jsonw *w, const char *s, size_t n)
{
	struct rd r = { s + n, w, 0 };

	value(&r, skip_ws(&r, s));
}

bool
argtext_value(struct jsonw *w, const char *s, size_t n)
{
	struct rd r = { s + n, NULL, 0 };
	const char *p = skip_ws(&r, s), *q;

	q = value(&r, p);
	if (!q || skip_ws(&r, q) != r.end)
		return false;
	write_value(w, s, n);
	return true;
}

bool
argtext_kvalue(struct jsonw *w, const char *key, const char *s, size_t n)
{
	if (argtext_kind(s, n) != ARGTEXT_STRUCTURED)
		return false;
	jsonw_key(w, key);
	write_value(w, s, n);
	return true;
}
