/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Matching a line against a command table, and completion.
 *
 * A command matches a line when its tokens, in order, each parse the next
 * word and nothing but blanks or a '#' comment follows the last one. A
 * command whose first tokens match but not all of them makes the line
 * "bad arguments"; two commands matching it make it ambiguous.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_private.h"

/* Longest completion candidate considered, with its trailing blank. */
#define CMDLINE_CHOICE_SIZE 64

static int
cmdline_isendofline(char c)
{
	return c == '\n' || c == '\r';
}

static int
cmdline_iscomment(char c)
{
	return c == '#';
}

__rte_export int
cmdline_isendoftoken(char c)
{
	return c == '\0' || cmdline_iscomment(c) || cmdline_isblank(c) || cmdline_isendofline(c);
}

/* declared in cmdline_parse.h but, as in DPDK, not exported */
int
cmdline_isendofcommand(char c)
{
	return c == '\0' || cmdline_iscomment(c) || cmdline_isendofline(c);
}

int
cmdline_token_copy(const char *buf, char *word, unsigned int max)
{
	unsigned int len = 0;

	while (len < max && !cmdline_isendoftoken(buf[len]))
		len++;
	if (len >= max)
		return -1;
	memcpy(word, buf, len);
	word[len] = '\0';
	return (int)len;
}

static const char *
cmdline_skip_blanks(const char *s)
{
	while (cmdline_isblank(*s))
		s++;
	return s;
}

/* Token idx of inst, or NULL past the last. Commands with tokens[0] NULL
 * and a function build their tokens on demand (see cmdline_parse.h). */
static cmdline_parse_token_hdr_t *
cmdline_inst_token(cmdline_parse_inst_t *inst, unsigned int idx)
{
	cmdline_parse_token_hdr_t *tk = NULL;

	if (inst->tokens[0] != NULL || inst->f == NULL)
		return inst->tokens[idx];
	inst->f(&tk, NULL, &inst->tokens[idx]);
	return tk;
}

/*
 * Parse buf with the tokens of inst: all of them (want == 0), or the first
 * want. Values go to res when it is not NULL.
 * Returns 0 when that many tokens matched (and, for all of them, only
 * blanks or a comment follow), the number that matched otherwise, and -1
 * when not even the first one did (or a token's offset is past res).
 */
static int
cmdline_inst_match(cmdline_parse_inst_t *inst, const char *buf, unsigned int want, void *res,
		   unsigned int ressize)
{
	cmdline_parse_token_hdr_t *tk = NULL;
	size_t left = strlen(buf);
	unsigned int i = 0;

	if (res != NULL)
		memset(res, 0, ressize);
	while (want == 0 || i < want) {
		const char *word;
		int n;

		tk = cmdline_inst_token(inst, i);
		if (tk == NULL)
			break;
		word = cmdline_skip_blanks(buf);
		left -= word - buf;
		buf = word;
		if (cmdline_isendofline(*buf) || cmdline_iscomment(*buf))
			break;
		if (res == NULL) {
			n = tk->ops->parse(tk, buf, NULL, 0);
		} else {
			if (tk->offset > ressize) {
				printf("Parse error: token offset %u is beyond the %u-byte result"
				       " buffer\n",
				       tk->offset, ressize);
				return -1;
			}
			n = tk->ops->parse(tk, buf, (char *)res + tk->offset, ressize - tk->offset);
		}
		/* a token cannot claim more than the line has */
		if (n < 0 || (size_t)n > left)
			break;
		buf += n;
		left -= n;
		i++;
	}
	if (i == 0)
		return -1;
	if (want != 0)
		return i == want ? 0 : (int)i;
	if (tk != NULL)
		return i; /* a token did not match */
	buf = cmdline_skip_blanks(buf);
	if (cmdline_isendofline(*buf) || cmdline_iscomment(*buf))
		return 0;
	return i; /* words after the last token */
}

static int
cmdline_parse_line(struct cmdline *cl, const char *buf, bool run)
{
	/* results are built in one buffer; once a command matched, the
	 * others are tried in the second so the first result is kept */
	union {
		char buf[CMDLINE_PARSE_RESULT_BUFSIZE];
		long double align;
	} result, scratch;
	void (*f)(void *, struct cmdline *, void *) = NULL;
	void *data = NULL;
	char *res = result.buf;
	int err = CMDLINE_PARSE_NOMATCH;
	bool has_words = false, in_comment = false;
	unsigned int i;
	int linelen = 0;

	if (cl == NULL || buf == NULL)
		return CMDLINE_PARSE_BAD_ARGS;

	/* a complete line? anything but blanks and a comment in it? */
	for (; !cmdline_isendofline(buf[linelen]); linelen++) {
		char c = buf[linelen];

		if (c == '\0')
			return 0;
		if (cmdline_iscomment(c))
			in_comment = true;
		if (!in_comment && !cmdline_isblank(c))
			has_words = true;
	}
	while (cmdline_isendofline(buf[linelen]))
		linelen++;
	if (!has_words)
		return linelen;

	for (i = 0; cl->ctx[i] != NULL; i++) {
		cmdline_parse_inst_t *inst = cl->ctx[i];
		int tok = cmdline_inst_match(inst, buf, 0, res, CMDLINE_PARSE_RESULT_BUFSIZE);

		if (tok > 0) {
			err = CMDLINE_PARSE_BAD_ARGS;
		} else if (tok == 0) {
			if (f != NULL)
				return CMDLINE_PARSE_AMBIGUOUS;
			f = inst->f;
			data = inst->data;
			res = scratch.buf;
		}
	}
	if (f == NULL)
		return err;
	if (run)
		f(result.buf, cl, data);
	return linelen;
}

__rte_export int
cmdline_parse(struct cmdline *cl, const char *buf)
{
	return cmdline_parse_line(cl, buf, true);
}

__rte_export int
cmdline_parse_check(struct cmdline *cl, const char *buf)
{
	return cmdline_parse_line(cl, buf, false);
}

/* What completion works on: the words already typed and the last one. */
struct cmdline_comp_ctx {
	const char *buf;
	unsigned int nb_token; /* complete words before the partial one */
	const char *partial;   /* the word being typed (maybe "") */
	unsigned int partial_len;
};

/* The token that would parse the word being typed, when the words before
 * it match inst; *tk NULL when inst has no token there. */
static bool
cmdline_comp_token(const struct cmdline_comp_ctx *cc, cmdline_parse_inst_t *inst,
		   cmdline_parse_token_hdr_t **tk)
{
	if (cc->nb_token != 0 && cmdline_inst_match(inst, cc->buf, cc->nb_token, NULL, 0) != 0)
		return false;
	*tk = cmdline_inst_token(inst, cc->nb_token);
	return true;
}

/* Number of completions of tk, 0 when it has none. */
static int
cmdline_comp_nb(cmdline_parse_token_hdr_t *tk)
{
	if (tk == NULL || tk->ops->complete_get_nb == NULL || tk->ops->complete_get_elt == NULL)
		return 0;
	return tk->ops->complete_get_nb(tk);
}

/* Candidate idx of tk with a blank after it, when it extends the word
 * being typed. */
static bool
cmdline_comp_choice(const struct cmdline_comp_ctx *cc, cmdline_parse_token_hdr_t *tk, int idx,
		    char *choice)
{
	size_t len;

	if (tk->ops->complete_get_elt(tk, idx, choice, CMDLINE_CHOICE_SIZE) < 0)
		return false;
	choice[CMDLINE_CHOICE_SIZE - 1] = '\0';
	len = strlen(choice);
	if (len < CMDLINE_CHOICE_SIZE - 1) {
		choice[len] = ' ';
		choice[len + 1] = '\0';
	}
	return strncmp(cc->partial, choice, cc->partial_len) == 0;
}

/* First pass: the common continuation of every candidate into common.
 * Returns false when no command has anything to offer. */
static bool
cmdline_comp_common(struct cmdline *cl, const struct cmdline_comp_ctx *cc, char *common,
		    int *common_len)
{
	char choice[CMDLINE_CHOICE_SIZE];
	unsigned int i, nb_offers = 0;

	*common_len = -1;
	for (i = 0; cl->ctx[i] != NULL; i++) {
		cmdline_parse_token_hdr_t *tk;
		int n, j;

		if (!cmdline_comp_token(cc, cl->ctx[i], &tk))
			continue;
		n = cmdline_comp_nb(tk);
		if (n <= 0) {
			nb_offers++; /* help or [RETURN] */
			continue;
		}
		for (j = 0; j < n; j++) {
			const char *rest;
			int k;

			if (!cmdline_comp_choice(cc, tk, j, choice))
				continue;
			nb_offers++;
			rest = choice + strnlen(choice, cc->partial_len);
			if (*common_len < 0) {
				*common_len = strlcpy(common, rest, CMDLINE_CHOICE_SIZE);
				continue;
			}
			for (k = 0; k < *common_len && common[k] == rest[k]; k++)
				;
			*common_len = k;
			common[k] = '\0';
		}
	}
	return nb_offers != 0;
}

/* Write the help line of token tk of inst after prefix. */
static void
cmdline_comp_help(cmdline_parse_inst_t *inst, cmdline_parse_token_hdr_t *tk, const char *prefix,
		  char *dst, unsigned int size)
{
	char help[CMDLINE_CHOICE_SIZE];

	if (tk == NULL || (tk->ops->get_help == NULL && prefix[0] == '\0')) {
		snprintf(dst, size, "[RETURN]");
		return;
	}
	if (tk->ops->get_help == NULL) {
		snprintf(dst, size, "%s", prefix);
		return;
	}
	help[0] = '\0';
	tk->ops->get_help(tk, help, sizeof(help));
	help[sizeof(help) - 1] = '\0';
	snprintf(dst, size, "%s[%s]: %s", prefix, help,
		 inst->help_str != NULL ? inst->help_str : "No help");
}

__rte_export int
cmdline_complete(struct cmdline *cl, const char *buf, int *state, char *dst, unsigned int size)
{
	struct cmdline_comp_ctx cc = {.buf = buf, .partial = buf};
	char choice[CMDLINE_CHOICE_SIZE];
	int skip, i;

	if (cl == NULL || buf == NULL || state == NULL || dst == NULL)
		return -1;
	for (i = 0; buf[i] != '\0'; i++) {
		if (!cmdline_isblank(buf[i]) && cmdline_isblank(buf[i + 1]))
			cc.nb_token++;
		if (cmdline_isblank(buf[i]) && !cmdline_isblank(buf[i + 1]))
			cc.partial = buf + i + 1;
	}
	cc.partial_len = strnlen(cc.partial, RDLINE_BUF_SIZE);

	if (*state <= 0) {
		char common[CMDLINE_CHOICE_SIZE];
		int common_len;

		if (!cmdline_comp_common(cl, &cc, common, &common_len))
			return CMDLINE_PARSE_COMPLETE_FINISHED;
		if (*state == 0 && cc.partial_len > 0 && common_len > 0) {
			if ((unsigned int)common_len + 1 > size)
				return CMDLINE_PARSE_COMPLETE_FINISHED;
			strlcpy(dst, common, size);
			return CMDLINE_PARSE_COMPLETED_BUFFER;
		}
	}
	if (*state < 0)
		*state = 0;

	/* list the offers one a call: skip the *state given before */
	skip = *state;
	for (i = 0; cl->ctx[i] != NULL; i++) {
		cmdline_parse_inst_t *inst = cl->ctx[i];
		cmdline_parse_token_hdr_t *tk;
		int n, j;

		if (!cmdline_comp_token(&cc, inst, &tk))
			continue;
		n = cmdline_comp_nb(tk);
		if (n <= 0) {
			if (skip-- > 0)
				continue;
			(*state)++;
			cmdline_comp_help(inst, tk, "", dst, size);
			return CMDLINE_PARSE_COMPLETE_AGAIN;
		}
		for (j = 0; j < n; j++) {
			if (!cmdline_comp_choice(&cc, tk, j, choice))
				continue;
			if (skip-- > 0)
				continue;
			(*state)++;
			cmdline_comp_help(inst, tk, choice, dst, size);
			return CMDLINE_PARSE_COMPLETE_AGAIN;
		}
	}
	return CMDLINE_PARSE_COMPLETE_FINISHED;
}
