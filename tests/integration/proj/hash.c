/* hash.c: FNV-1a string hash. */
#include "proj.h"

uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;

	while (*s) {
		h ^= (unsigned char)*s++;
		h *= 16777619u;
	}
	return h;
}
