/* SPDX-License-Identifier: BSD-3-Clause */
/* Device arguments built from a printf format, for applications that assemble them at run time. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#include <rte_devargs.h>
#include <rte_log.h>

#include "eal_private.h"

__rte_export int
rte_devargs_parsef(struct rte_devargs *da, const char *format, ...)
{
	va_list ap;
	char *dev;
	int len;
	int ret;

	if (da == NULL || format == NULL) {
		RTE_LOG(ERR, EAL, "rte_devargs_parsef: %s is NULL; pass a devargs and a format\n",
			da == NULL ? "da" : "format");
		return -EINVAL;
	}
	/* Measure first so that arguments of any length are formatted whole, never cut. */
	va_start(ap, format);
	len = vsnprintf(NULL, 0, format, ap);
	va_end(ap);
	if (len < 0) {
		RTE_LOG(ERR, EAL, "rte_devargs_parsef: format \"%s\" cannot be expanded\n", format);
		return -EINVAL;
	}
	dev = malloc((size_t)len + 1);
	if (dev == NULL) {
		RTE_LOG(ERR, EAL, "rte_devargs_parsef: no memory for %d bytes of device string\n",
			len + 1);
		return -ENOMEM;
	}
	va_start(ap, format);
	vsnprintf(dev, (size_t)len + 1, format, ap);
	va_end(ap);
	ret = rte_devargs_parse(da, dev);
	free(dev);
	return ret;
}
