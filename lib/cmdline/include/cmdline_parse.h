/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Command tables. An application describes each command as an instance
 * (cmdline_parse_inst_t): a NULL-terminated list of tokens, each parsing
 * one word into a field of the command's result structure at the token's
 * offset, and the function called with that structure once every token
 * matched. A context is a NULL-terminated array of instances.
 */
#ifndef _CMDLINE_PARSE_H_
#define _CMDLINE_PARSE_H_

#include <stddef.h>

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifndef offsetof
#define offsetof(type, field) ((size_t) & (((type *)0)->field))
#endif

/* cmdline_parse() results */
#define CMDLINE_PARSE_SUCCESS 0
#define CMDLINE_PARSE_AMBIGUOUS -1
#define CMDLINE_PARSE_NOMATCH -2
#define CMDLINE_PARSE_BAD_ARGS -3

/* cmdline_complete() results */
#define CMDLINE_PARSE_COMPLETE_FINISHED 0
#define CMDLINE_PARSE_COMPLETE_AGAIN 1
#define CMDLINE_PARSE_COMPLETED_BUFFER 2

/* Room for a command's result structure. */
#define CMDLINE_PARSE_RESULT_BUFSIZE 8192

/* The header every token type starts with. */
struct cmdline_token_hdr {
	struct cmdline_token_ops *ops;
	unsigned int offset; /**< where the parsed value goes in the result */
};
typedef struct cmdline_token_hdr cmdline_parse_token_hdr_t;

/*
 * What a token type does:
 * - parse(token, buf, res, ressize): match the start of buf; return the
 *   characters used, or negative when it does not match. res is NULL when
 *   only matching is asked.
 * - complete_get_nb(token): how many completions the token has (0: none).
 * - complete_get_elt(token, idx, dst, size): completion idx into dst;
 *   negative when idx is out of range or dst too small.
 * - get_help(token, dst, size): a short description of what it accepts.
 */
struct cmdline_token_ops {
	int (*parse)(cmdline_parse_token_hdr_t *, const char *, void *, unsigned int);
	int (*complete_get_nb)(cmdline_parse_token_hdr_t *);
	int (*complete_get_elt)(cmdline_parse_token_hdr_t *, int, char *, unsigned int);
	int (*get_help)(cmdline_parse_token_hdr_t *, char *, unsigned int);
};

struct cmdline;

/*
 * One command. f(result, cl, data) runs when a line matches all tokens.
 * When tokens[0] is NULL and f is set, tokens are built on demand: the
 * parser calls f(&token, NULL, &tokens[i]) and f stores the token for
 * position i, or NULL past the last one.
 */
struct cmdline_inst {
	void (*f)(void *, struct cmdline *, void *);
	void *data;
	const char *help_str;
	cmdline_parse_token_hdr_t *tokens[];
};
typedef struct cmdline_inst cmdline_parse_inst_t;

/* A NULL-terminated array of commands. */
typedef cmdline_parse_inst_t *cmdline_parse_ctx_t;

/**
 * Match the first line of buf against cl's commands and run the one that
 * matches.
 * @return the length of the line consumed (with its end-of-line
 * characters), 0 when buf holds no complete line yet, or
 * CMDLINE_PARSE_AMBIGUOUS (several commands match), CMDLINE_PARSE_NOMATCH
 * (no command's first token matches), CMDLINE_PARSE_BAD_ARGS (a command
 * matched its first tokens only, or cl or buf is NULL).
 */
int cmdline_parse(struct cmdline *cl, const char *buf);

/** cmdline_parse() without running the command. */
__rte_experimental int cmdline_parse_check(struct cmdline *cl, const char *buf);

/**
 * Complete the last word of buf.
 * With *state 0: when the candidates share a common prefix longer than the
 * word, write the missing characters to dst and return
 * CMDLINE_PARSE_COMPLETED_BUFFER. Otherwise (or with *state -1 to skip
 * that step), each call writes one candidate with its help line
 * ("word [help]: command help") to dst, advances *state and returns
 * CMDLINE_PARSE_COMPLETE_AGAIN, until CMDLINE_PARSE_COMPLETE_FINISHED.
 * @return -1 when an argument is NULL.
 */
int cmdline_complete(struct cmdline *cl, const char *buf, int *state, char *dst, unsigned int size);

/** Non-zero when c ends a token: NUL, '#', blank or end of line. */
int cmdline_isendoftoken(char c);

/** Non-zero when c ends a command: NUL, '#' or end of line. */
int cmdline_isendofcommand(char c);

#ifdef __cplusplus
}
#endif

#endif /* _CMDLINE_PARSE_H_ */
