/* SPDX-License-Identifier: BSD-3-Clause */
/* IP address and network tokens, through inet_pton(). */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>

#include "cmdline_private.h"
#include "cmdline_parse_ipaddr.h"

/* an address and "/128" */
#define IPADDR_TOKEN_MAX (INET6_ADDRSTRLEN + 4)

__rte_export struct cmdline_token_ops cmdline_token_ipaddr_ops = {
	.parse = cmdline_parse_ipaddr,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_ipaddr,
};

/* The prefix length after the last '/' of word (cut there), or -1. */
static long
ipaddr_cut_prefix(char *word)
{
	char *slash = strrchr(word, '/');
	char *end;
	long len;

	if (slash == NULL)
		return -1;
	*slash = '\0';
	if (slash[1] < '0' || slash[1] > '9')
		return -1;
	errno = 0;
	len = strtol(slash + 1, &end, 10);
	if (errno != 0 || *end != '\0' || len > 128)
		return -1;
	return len;
}

__rte_export int
cmdline_parse_ipaddr(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		     unsigned int ressize)
{
	char word[IPADDR_TOKEN_MAX + 1];
	cmdline_ipaddr_t ip;
	long prefixlen = 0;
	int len;
	uint8_t flags;

	if (res != NULL && ressize < sizeof(cmdline_ipaddr_t))
		return -1;
	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	flags = ((struct cmdline_token_ipaddr *)tk)->ipaddr_data.flags;
	len = cmdline_token_copy(buf, word, IPADDR_TOKEN_MAX);
	if (len < 0)
		return -1;

	memset(&ip, 0, sizeof(ip));
	if (flags & CMDLINE_IPADDR_NETWORK) {
		prefixlen = ipaddr_cut_prefix(word);
		if (prefixlen < 0)
			return -1;
	}
	ip.prefixlen = (unsigned int)prefixlen;
	if ((flags & CMDLINE_IPADDR_V4) && prefixlen <= 32 &&
	    inet_pton(AF_INET, word, &ip.addr.ipv4) == 1)
		ip.family = AF_INET;
	else if ((flags & CMDLINE_IPADDR_V6) && inet_pton(AF_INET6, word, &ip.addr.ipv6) == 1)
		ip.family = AF_INET6;
	else
		return -1;
	if (res != NULL)
		memcpy(res, &ip, sizeof(ip));
	return len;
}

__rte_export int
cmdline_get_help_ipaddr(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	const char *help;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	switch (((struct cmdline_token_ipaddr *)tk)->ipaddr_data.flags) {
	case CMDLINE_IPADDR_V4:
		help = "IPv4";
		break;
	case CMDLINE_IPADDR_V6:
		help = "IPv6";
		break;
	case CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6:
		help = "IPv4/IPv6";
		break;
	case CMDLINE_IPADDR_NETWORK | CMDLINE_IPADDR_V4:
		help = "IPv4 network";
		break;
	case CMDLINE_IPADDR_NETWORK | CMDLINE_IPADDR_V6:
		help = "IPv6 network";
		break;
	case CMDLINE_IPADDR_NETWORK | CMDLINE_IPADDR_V4 | CMDLINE_IPADDR_V6:
		help = "IPv4/IPv6 network";
		break;
	default:
		help = "IPaddr (bad flags)";
		break;
	}
	snprintf(dstbuf, size, "%s", help);
	return 0;
}
