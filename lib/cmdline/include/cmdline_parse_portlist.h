/* SPDX-License-Identifier: BSD-3-Clause */
/* Port list tokens: "all" or ranges like "0,2-4,7" into a 32-bit map. */
#ifndef _PARSE_PORTLIST_H_
#define _PARSE_PORTLIST_H_

#include <stdint.h>

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

#define PORTLIST_TOKEN_SIZE 128
#define PORTLIST_MAX_TOKENS 32

typedef struct cmdline_portlist {
	uint32_t map; /**< bit n set: port n listed */
} cmdline_portlist_t;

struct cmdline_token_portlist {
	struct cmdline_token_hdr hdr;
};
typedef struct cmdline_token_portlist cmdline_parse_token_portlist_t;

extern struct cmdline_token_ops cmdline_token_portlist_ops;

int cmdline_parse_portlist(cmdline_parse_token_hdr_t *tk, const char *srcbuf, void *res,
			   unsigned int ressize);
int cmdline_get_help_portlist(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size);

/* clang-format off */
#define TOKEN_PORTLIST_INITIALIZER(structure, field) \
	{{&cmdline_token_portlist_ops, offsetof(structure, field)}}
/* clang-format on */

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_PORTLIST_H_ */
