/*
 * proj.h: the small library built by tests/integration/proj/Makefile.  The
 * project only exists to be compiled under ftrace-c -f (make -j2 spawns
 * cc, cc1, as, ar, collect2 and ld); its output only has to be stable.
 */
#ifndef PROJ_H
#define PROJ_H

#include <stddef.h>
#include <stdint.h>

uint32_t
hash_str(const char *s);

long
vec_sum(const int *v, size_t n);
long
vec_dot(const int *a, const int *b, size_t n);

size_t
str_count_char(const char *s, char c);
void
str_reverse(char *s);

double
stats_mean(const int *v, size_t n);
int
stats_max(const int *v, size_t n);

#endif /* PROJ_H */
