/* SPDX-License-Identifier: BSD-3-Clause */
/* RTE_ACL_CLASSIFY_SCALAR: one input at a time, any CPU. */
#include "acl_private.h"

int
acl_classify_scalar(const struct acl_rt *rt, const uint8_t **data, uint32_t *results, uint32_t num,
		    uint32_t categories)
{
	uint32_t i;

	for (i = 0; i < num; i++)
		acl_classify_one(rt, data[i], results + (size_t)i * categories, categories);
	return 0;
}
