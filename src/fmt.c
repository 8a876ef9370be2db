/*
 * fmt.c - quoting and pointer notation (include/fmt.h).  All output
 * punctuation that is not line structure lives here or in the decoders.
 */
#include <stdbool.h>
#include <stdio.h>

#include "fmt.h"

static const char hexdig[] = "0123456789abcdef";

size_t
fmt_quote(char *dst, const char *src, size_t len)
{
	char *o = dst;
	size_t i;

	*o++ = '"';
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		switch (c) {
		case '"':  *o++ = '\\'; *o++ = '"'; continue;
		case '\\': *o++ = '\\'; *o++ = '\\'; continue;
		case '\t': *o++ = '\\'; *o++ = 't'; continue;
		case '\n': *o++ = '\\'; *o++ = 'n'; continue;
		case '\v': *o++ = '\\'; *o++ = 'v'; continue;
		case '\f': *o++ = '\\'; *o++ = 'f'; continue;
		case '\r': *o++ = '\\'; *o++ = 'r'; continue;
		default:
			break;
		}
		if (c >= ' ' && c < 0x7f) {
			*o++ = (char)c;
			continue;
		}
		*o++ = '\\';
		/* Short octal unless an octal digit follows and would join it. */
		if (i + 1 < len && src[i + 1] >= '0' && src[i + 1] <= '7') {
			*o++ = (char)('0' + (c >> 6));
			*o++ = (char)('0' + ((c >> 3) & 7));
		} else {
			if (c >> 6)
				*o++ = (char)('0' + (c >> 6));
			if (c >> 3)
				*o++ = (char)('0' + ((c >> 3) & 7));
		}
		*o++ = (char)('0' + (c & 7));
	}
	*o++ = '"';
	*o = '\0';
	return (size_t)(o - dst);
}

size_t
fmt_quote_hex(char *dst, const char *src, size_t len)
{
	char *o = dst;
	size_t i;

	*o++ = '"';
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		*o++ = '\\';
		*o++ = 'x';
		*o++ = hexdig[c >> 4];
		*o++ = hexdig[c & 15];
	}
	*o++ = '"';
	*o = '\0';
	return (size_t)(o - dst);
}

size_t
fmt_ptr(char *dst, size_t size, uint64_t addr)
{
	int n;

	if (!addr)
		n = snprintf(dst, size, "NULL");
	else
		n = snprintf(dst, size, "%#llx", (unsigned long long)addr);
	return n < 0 ? 0 : (size_t)n;
}

bool
fmt_needs_escape(const char *src, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		if ((c < ' ' || c >= 0x7f) && c != '\t' && c != '\n' &&
		    c != '\v' && c != '\f' && c != '\r')
			return true;
	}
	return false;
}
