/* vec.c: sums and dot products of int vectors. */
#include "proj.h"

long
vec_sum(const int *v, size_t n)
{
	long sum = 0;

	for (size_t i = 0; i < n; i++)
		sum += v[i];
	return sum;
}

long
vec_dot(const int *a, const int *b, size_t n)
{
	long dot = 0;

	for (size_t i = 0; i < n; i++)
		dot += (long)a[i] * b[i];
	return dot;
}
