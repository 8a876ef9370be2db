/* stats.c: mean and maximum of int vectors. */
#include "proj.h"

double
stats_mean(const int *v, size_t n)
{
	return n ? (double)vec_sum(v, n) / (double)n : 0.0;
}

int
stats_max(const int *v, size_t n)
{
	int max = n ? v[0] : 0;

	for (size_t i = 1; i < n; i++)
		if (v[i] > max)
			max = v[i];
	return max;
}
