/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_ether_unformat_addr: an accepted string formats back to the same
 * address, and the formatted string parses again.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_ether.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_ether_addr ea, again;
	char txt[RTE_ETHER_ADDR_FMT_SIZE];
	char *s = fuzz_input_str(data, size);

	if (s == NULL)
		return 0;
	if (rte_ether_unformat_addr(s, &ea) == 0) {
		rte_ether_format_addr(txt, sizeof(txt), &ea);
		if (rte_ether_unformat_addr(txt, &again) != 0 ||
		    !rte_is_same_ether_addr(&ea, &again)) {
			fprintf(stderr, "'%s' parsed, but '%s' does not parse back\n", s, txt);
			abort();
		}
	}
	free(s);
	return 0;
}
