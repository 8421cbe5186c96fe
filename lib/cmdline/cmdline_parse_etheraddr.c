/* SPDX-License-Identifier: BSD-3-Clause */
/* Ethernet address tokens, in the forms rte_ether_unformat_addr() takes. */
#include <string.h>

#include <rte_ether.h>

#include "cmdline_private.h"
#include "cmdline_parse_etheraddr.h"

__rte_export struct cmdline_token_ops cmdline_token_etheraddr_ops = {
	.parse = cmdline_parse_etheraddr,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_etheraddr,
};

__rte_export int
cmdline_parse_etheraddr(__rte_unused cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
			unsigned int ressize)
{
	char word[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_ether_addr ea;
	int len;

	if (res != NULL && ressize < sizeof(ea))
		return -1;
	if (buf == NULL || *buf == '\0')
		return -1;
	/* longer than "xx:xx:xx:xx:xx:xx": not an address */
	len = cmdline_token_copy(buf, word, sizeof(word));
	if (len < 0)
		return -1;
	if (rte_ether_unformat_addr(word, &ea) < 0)
		return -1;
	if (res != NULL)
		memcpy(res, &ea, sizeof(ea));
	return len;
}

__rte_export int
cmdline_get_help_etheraddr(__rte_unused cmdline_parse_token_hdr_t *tk, char *dstbuf,
			   unsigned int size)
{
	if (dstbuf == NULL)
		return -1;
	snprintf(dstbuf, size, "Ethernet address");
	return 0;
}
