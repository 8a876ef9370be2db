/* Tiny program used as the make workload of the differential test. */
#include <stdio.h>
#include "calc.h"

int
main(void)
{
	printf("%d %d\n", calc_add(2, 3), calc_mul(4, 5));
	return 0;
}
