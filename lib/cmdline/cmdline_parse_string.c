/* SPDX-License-Identifier: BSD-3-Clause */
/* String tokens: one word, one of "a#b#c", or the rest of the line. */
#include <string.h>

#include <rte_string_fns.h>

#include "cmdline_private.h"
#include "cmdline_parse_string.h"

__rte_export struct cmdline_token_ops cmdline_token_string_ops = {
	.parse = cmdline_parse_string,
	.complete_get_nb = cmdline_complete_get_nb_string,
	.complete_get_elt = cmdline_complete_get_elt_string,
	.get_help = cmdline_get_help_string,
};

static const char *
string_token_str(cmdline_parse_token_hdr_t *tk)
{
	return ((struct cmdline_token_string *)tk)->string_data.str;
}

/* Length of the choice at s, up to the next '#'. */
static unsigned int
string_choice_len(const char *s)
{
	return strcspn(s, "#");
}

/* The choice after the one at s, or NULL after the last. */
static const char *
string_choice_next(const char *s)
{
	s += string_choice_len(s);
	return *s == '#' ? s + 1 : NULL;
}

/* Length of the choice of str that buf starts with as a whole word, or -1. */
static int
string_match_choice(const char *str, const char *buf)
{
	for (; str != NULL; str = string_choice_next(str)) {
		unsigned int len = string_choice_len(str);

		if (len >= STR_TOKEN_SIZE - 1)
			continue;
		if (strncmp(buf, str, len) == 0 && cmdline_isendoftoken(buf[len]))
			return (int)len;
	}
	return -1;
}

__rte_export int
cmdline_parse_string(cmdline_parse_token_hdr_t *tk, const char *buf, void *res,
		     unsigned int ressize)
{
	const char *str;
	unsigned int len = 0, max;
	int multi;

	if (res != NULL && ressize < STR_TOKEN_SIZE)
		return -1;
	if (tk == NULL || buf == NULL || *buf == '\0')
		return -1;
	str = string_token_str(tk);
	multi = str != NULL && str[0] == '\0';

	if (str != NULL && !multi) {
		int n = string_match_choice(str, buf);

		if (n < 0)
			return -1;
		len = n;
		max = STR_TOKEN_SIZE;
	} else if (multi) {
		if (res != NULL && ressize < STR_MULTI_TOKEN_SIZE)
			return -1;
		max = STR_MULTI_TOKEN_SIZE;
		while (len < max - 1 && !cmdline_isendofcommand(buf[len]))
			len++;
		if (len >= max - 1)
			return -1;
	} else {
		max = STR_TOKEN_SIZE;
		while (len < max - 1 && !cmdline_isendoftoken(buf[len]))
			len++;
		if (len >= max - 1)
			return -1;
	}
	if (res != NULL) {
		memcpy(res, buf, len);
		((char *)res)[len] = '\0';
	}
	return (int)len;
}

__rte_export int
cmdline_complete_get_nb_string(cmdline_parse_token_hdr_t *tk)
{
	const char *str;
	int n = 1;

	if (tk == NULL)
		return -1;
	str = string_token_str(tk);
	if (str == NULL)
		return 0;
	while ((str = string_choice_next(str)) != NULL)
		n++;
	return n;
}

__rte_export int
cmdline_complete_get_elt_string(cmdline_parse_token_hdr_t *tk, int idx, char *dstbuf,
				unsigned int size)
{
	const char *s;
	unsigned int len;

	if (tk == NULL || dstbuf == NULL || idx < 0 || size == 0)
		return -1;
	s = string_token_str(tk);
	while (idx-- > 0 && s != NULL)
		s = string_choice_next(s);
	if (s == NULL)
		return -1;
	len = string_choice_len(s);
	if (len > size - 1)
		return -1;
	memcpy(dstbuf, s, len);
	dstbuf[len] = '\0';
	return 0;
}

__rte_export int
cmdline_get_help_string(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	const char *s, *help;

	if (tk == NULL || dstbuf == NULL)
		return -1;
	s = string_token_str(tk);
	if (s == NULL)
		help = "Any STRING";
	else if (s[0] == '\0')
		help = "Any STRINGS";
	else if (string_choice_next(s) != NULL)
		help = "Mul-choice STRING";
	else
		help = "Fixed STRING";
	snprintf(dstbuf, size, "%s", help);
	return 0;
}
