/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdlib.h>

#include "driver_args.h"

int
driver_arg_uint(const char *s, unsigned long max, unsigned long *out)
{
	unsigned long v;
	char *end;

	/* strtoul would take a sign or leading blanks */
	if (s == NULL || *s < '0' || *s > '9')
		return -EINVAL;
	errno = 0;
	v = strtoul(s, &end, 10);
	if (errno != 0 || *end != '\0' || v > max)
		return -EINVAL;
	*out = v;
	return 0;
}
