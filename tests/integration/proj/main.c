/* main.c: prints a few results computed by libproj.a. */
#include <stdio.h>

#include "proj.h"

int
main(void)
{
	static const int a[] = { 3, 1, 4, 1, 5, 9, 2, 6 };
	static const int b[] = { 2, 7, 1, 8, 2, 8, 1, 8 };
	size_t n = sizeof(a) / sizeof(a[0]);
	char word[] = "ftrace-c traces make";

	printf("sum %ld dot %ld mean %.3f max %d\n", vec_sum(a, n),
	       vec_dot(a, b, n), stats_mean(b, n), stats_max(a, n));
	str_reverse(word);
	printf("reversed '%s' has %zu 'e' hash %08x\n", word,
	       str_count_char(word, 'e'), hash_str(word));
	return 0;
}
