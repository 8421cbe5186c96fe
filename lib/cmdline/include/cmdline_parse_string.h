/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * String tokens. The token's str says what matches:
 * - NULL: any one word (up to STR_TOKEN_SIZE - 2 characters);
 * - "a#b#c": one of the words a, b or c (completable);
 * - TOKEN_STRING_MULTI (""): the rest of the line up to a '#' comment,
 *   into a cmdline_multi_string_t.
 */
#ifndef _PARSE_STRING_H_
#define _PARSE_STRING_H_

#include <cmdline_parse.h>

#ifdef __cplusplus
extern "C" {
#endif

#define STR_TOKEN_SIZE 128
#define STR_MULTI_TOKEN_SIZE 4096

typedef char cmdline_fixed_string_t[STR_TOKEN_SIZE];
typedef char cmdline_multi_string_t[STR_MULTI_TOKEN_SIZE];

struct cmdline_token_string_data {
	const char *str;
};

struct cmdline_token_string {
	struct cmdline_token_hdr hdr;
	struct cmdline_token_string_data string_data;
};
typedef struct cmdline_token_string cmdline_parse_token_string_t;

extern struct cmdline_token_ops cmdline_token_string_ops;

/** Match a word (see above), copied NUL-terminated into res. */
int cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *srcbuf, void *res,
			 unsigned int ressize);
/** Number of choices of a "a#b#c" token; 0 for any-word tokens. */
int cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk);
/** Choice idx of the token into dstbuf. */
int cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx, char *dstbuf,
				    unsigned int size);
/** "Fixed STRING", "Mul-choice STRING", "Any STRING" or "Any STRINGS". */
int cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size);

/* The rest of the line; the field must be a cmdline_multi_string_t. */
#define TOKEN_STRING_MULTI ""

/* clang-format off */
#define TOKEN_STRING_INITIALIZER(structure, field, string) \
	{{&cmdline_token_string_ops, offsetof(structure, field)}, {string}}
/* clang-format on */

#ifdef __cplusplus
}
#endif

#endif /* _PARSE_STRING_H_ */
