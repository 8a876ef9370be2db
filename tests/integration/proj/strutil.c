/* strutil.c: small string helpers. */
#include <string.h>

#include "proj.h"

size_t
str_count_char(const char *s, char c)
{
	size_t n = 0;

	for (; *s; s++)
		if (*s == c)
			n++;
	return n;
}

void
str_reverse(char *s)
{
	size_t len = strlen(s);

	for (size_t i = 0; i < len / 2; i++) {
		char t = s[i];

		s[i] = s[len - 1 - i];
		s[len - 1 - i] = t;
	}
}
