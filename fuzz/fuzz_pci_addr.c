/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_pci_addr_parse and friends: whatever parses must print back to a
 * string that parses to the same address.
 */
#include <stdio.h>
#include <stdlib.h>

#include <rte_pci.h>

#include "fuzz_input.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct rte_pci_addr addr, again;
	char name[PCI_PRI_STR_SIZE];
	char *s = fuzz_input_str(data, size);

	if (s == NULL)
		return 0;
	if (rte_pci_addr_parse(s, &addr) == 0) {
		rte_pci_device_name(&addr, name, sizeof(name));
		if (rte_pci_addr_parse(name, &again) != 0 || rte_pci_addr_cmp(&addr, &again) != 0) {
			fprintf(stderr, "'%s' parsed, but its name '%s' does not parse back\n", s,
				name);
			abort();
		}
	}
	free(s);
	return 0;
}
