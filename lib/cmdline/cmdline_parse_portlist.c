/* SPDX-License-Identifier: BSD-3-Clause */
/* Port list tokens: "all", or comma-separated ports and ranges "a-b", each
 * below 32, into a bitmap. */
#include <stdbool.h>
#include <string.h>

#include "cmdline_private.h"
#include "cmdline_parse_portlist.h"

__rte_export struct cmdline_token_ops cmdline_token_portlist_ops = {
	.parse = cmdline_parse_portlist,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_portlist,
};

#define PORTLIST_PORTS 32

/* A decimal port number at *s (advanced past it), or -1. Stops counting
 * digits once past the limit, so long inputs cannot overflow. */
static int
portlist_port(const char **s)
{
	const char *p = *s;
	unsigned int v = 0;

	if (*p < '0' || *p > '9')
		return -1;
	for (; *p >= '0' && *p <= '9'; p++) {
		v = v * 10 + (unsigned int)(*p - '0');
		if (v >= PORTLIST_PORTS)
			return -1;
	}
	*s = p;
	return (int)v;
}

/* Bitmap of a list in s ("1,3-5"), or false when malformed. */
static bool
portlist_map(const char *s, uint32_t *map)
{
	*map = 0;
	for (;;) {
		int lo, hi;

		lo = portlist_port(&s);
		if (lo < 0)
			return false;
		hi = lo;
		if (*s == '-') {
			s++;
			hi = portlist_port(&s);
			if (hi < lo)
				return false;
		}
		for (; lo <= hi; lo++)
			*map |= UINT32_C(1) << lo;
		if (*s == '\0')
			return true;
		if (*s != ',')
			return false;
		s++;
	}
}

__rte_export int
cmdline_parse_portlist(__rte_unused cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		       unsigned int ressize)
{
	char word[PORTLIST_TOKEN_SIZE + 1];
	int len;
	uint32_t map;

	if (buf == NULL || *buf == '\0')
		return -1;
	if (res != NULL && ressize < sizeof(cmdline_portlist_t))
		return -1;
	len = cmdline_token_copy(buf, word, PORTLIST_TOKEN_SIZE);
	if (len < 0)
		return -1;
	/* matching only: the list is checked when it is stored (as DPDK) */
	if (res == NULL)
		return len;
	if (strcmp(word, "all") == 0)
		map = UINT32_MAX;
	else if (!portlist_map(word, &map))
		return -1;
	((cmdline_portlist_t *)res)->map = map;
	return len;
}

__rte_export int
cmdline_get_help_portlist(__rte_unused cmdline_parse_token_hdr_t *tk, char *dstbuf,
			  unsigned int size)
{
	if (dstbuf == NULL)
		return -1;
	snprintf(dstbuf, size, "range of ports as 3,4-6,8-19,20");
	return 0;
}
