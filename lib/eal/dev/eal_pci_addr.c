/* SPDX-License-Identifier: BSD-3-Clause */
/* PCI addresses: "DDDD:BB:DD.F", shared by the bus, devargs and the tools. */
#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_pci.h>

#include "eal_private.h"

static int
parse_hex(const char **p, unsigned long max, unsigned long *out, char stop)
{
	const char *s = *p;
	char *end;
	unsigned long v;

	if (!isxdigit((unsigned char)*s))
		return -1;
	errno = 0;
	v = strtoul(s, &end, 16);
	if (errno != 0 || v > max || *end != stop)
		return -1;
	*out = v;
	*p = stop != '\0' ? end + 1 : end;
	return 0;
}

__rte_export int
rte_pci_addr_parse(const char *str, struct rte_pci_addr *addr)
{
	unsigned long dom = 0, bus, dev, fn;
	const char *p = str;
	int colons = 0;

	if (str == NULL || addr == NULL)
		return -EINVAL;
	for (const char *c = str; *c != '\0'; c++)
		colons += *c == ':';
	if (colons == 2) {
		if (parse_hex(&p, 0xffffffffUL, &dom, ':') < 0)
			return -EINVAL;
	} else if (colons != 1) {
		return -EINVAL;
	}
	if (parse_hex(&p, 0xff, &bus, ':') < 0 ||
	    parse_hex(&p, 0x1f, &dev, '.') < 0 ||
	    parse_hex(&p, 0x7, &fn, '\0') < 0 || *p != '\0')
		return -EINVAL;
	addr->domain = (uint32_t)dom;
	addr->bus = (uint8_t)bus;
	addr->devid = (uint8_t)dev;
	addr->function = (uint8_t)fn;
	return 0;
}

__rte_export void
rte_pci_device_name(const struct rte_pci_addr *addr, char *output, size_t size)
{
	snprintf(output, size, PCI_PRI_FMT, addr->domain, addr->bus, addr->devid,
		 addr->function);
}

__rte_export int
rte_pci_addr_cmp(const struct rte_pci_addr *a, const struct rte_pci_addr *b)
{
	uint64_t x, y;

	if (a == NULL || b == NULL)
		return -1;
	x = ((uint64_t)a->domain << 24) | (a->bus << 16) | (a->devid << 8) | a->function;
	y = ((uint64_t)b->domain << 24) | (b->bus << 16) | (b->devid << 8) | b->function;

	return x < y ? -1 : x > y ? 1 : 0;
}
