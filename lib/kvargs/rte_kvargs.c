/* SPDX-License-Identifier: BSD-3-Clause */
#include <errno.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>
#include <rte_kvargs.h>

#include "eal_private.h"

/*
 * Split kvlist->str in place into pairs, as DPDK 22.11 does:
 * - a token ends at '=', at ',' outside [...], or at the end;
 * - '=' ends a key (a later '=' in the same pair starts a new key, so
 *   "a=b=c" is the pair b=c); the key may be empty ("=2" is ""=2);
 * - ',' or the end closes the pair: what follows '=' is its value (maybe
 *   ""), a pair without '=' is a key with a NULL value;
 * - '[' opens a list whose commas belong to the value until ']'; brackets
 *   do not nest and need not balance ("foo=[1,2" is foo="[1,2");
 * - an empty pair (",,", a leading ',') is skipped.
 * Returns 0, or -1 for more than RTE_KVARGS_MAX pairs.
 */
static int
kvargs_tokenize(struct rte_kvargs *kvlist)
{
	char *p = kvlist->str;
	char *start = p;
	bool in_list = false, has_key = false;

	for (;; p++) {
		char c = *p;
		bool pair_end = c == '\0' || (c == ',' && !in_list);

		if (c == '[')
			in_list = true;
		else if (c == ']')
			in_list = false;
		if (c != '=' && !pair_end)
			continue;

		if (kvlist->count >= RTE_KVARGS_MAX)
			return -1;
		*p = '\0';
		if (c == '=') {
			kvlist->pairs[kvlist->count].key = start;
			has_key = true;
		} else if (has_key) {
			kvlist->pairs[kvlist->count++].value = start;
			has_key = false;
		} else if (p != start) {
			kvlist->pairs[kvlist->count].key = start;
			kvlist->pairs[kvlist->count++].value = NULL;
		}
		if (c == '\0')
			return 0;
		start = p + 1;
	}
}

static bool
kvargs_key_is_valid(const char *key, const char *const valid_keys[])
{
	for (; *valid_keys != NULL; valid_keys++)
		if (strcmp(key, *valid_keys) == 0)
			return true;
	return false;
}

static struct rte_kvargs *
kvargs_parse_len(const char *args, size_t len, const char *const valid_keys[])
{
	struct rte_kvargs *kvlist;
	unsigned int i;

	if (args == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	kvlist = calloc(1, sizeof(*kvlist));
	if (kvlist == NULL)
		goto err_nomem;
	kvlist->str = strndup(args, len);
	if (kvlist->str == NULL) {
		free(kvlist);
		goto err_nomem;
	}
	if (kvargs_tokenize(kvlist) < 0)
		goto err_inval;
	if (valid_keys != NULL)
		for (i = 0; i < kvlist->count; i++)
			if (!kvargs_key_is_valid(kvlist->pairs[i].key, valid_keys))
				goto err_inval;
	return kvlist;

err_inval:
	rte_kvargs_free(kvlist);
	rte_errno = EINVAL;
	return NULL;
err_nomem:
	rte_errno = ENOMEM;
	return NULL;
}

__rte_export struct rte_kvargs *
rte_kvargs_parse(const char *args, const char *const valid_keys[])
{
	return kvargs_parse_len(args, args != NULL ? strlen(args) : 0, valid_keys);
}

__rte_export struct rte_kvargs *
rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
		       const char *valid_ends)
{
	if (args == NULL || valid_ends == NULL)
		return rte_kvargs_parse(args, valid_keys);
	return kvargs_parse_len(args, strcspn(args, valid_ends), valid_keys);
}

__rte_export void
rte_kvargs_free(struct rte_kvargs *kvlist)
{
	if (kvlist == NULL)
		return;
	free(kvlist->str);
	free(kvlist);
}

__rte_export const char *
rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key)
{
	if (key == NULL)
		return NULL;
	return rte_kvargs_get_with_value(kvlist, key, NULL);
}

__rte_export const char *
rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
			  const char *value)
{
	unsigned int i;

	if (kvlist == NULL)
		return NULL;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *pair = &kvlist->pairs[i];

		if (key != NULL && strcmp(pair->key, key) != 0)
			continue;
		if (value == NULL ||
		    (pair->value != NULL && strcmp(pair->value, value) == 0))
			return pair->value;
	}
	return NULL;
}

__rte_export int
rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		   arg_handler_t handler, void *opaque_arg)
{
	unsigned int i;

	/* As in DPDK 22.11, an absent list is not an error: nothing to do. */
	if (kvlist == NULL)
		return 0;
	if (handler == NULL)
		return -1;
	for (i = 0; i < kvlist->count; i++) {
		const struct rte_kvargs_pair *pair = &kvlist->pairs[i];

		if (key_match != NULL && strcmp(pair->key, key_match) != 0)
			continue;
		if (handler(pair->key, pair->value, opaque_arg) < 0)
			return -1;
	}
	return 0;
}

__rte_export unsigned
rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match)
{
	unsigned int i, n = 0;

	if (kvlist == NULL)
		return 0;
	for (i = 0; i < kvlist->count; i++)
		if (key_match == NULL || strcmp(kvlist->pairs[i].key, key_match) == 0)
			n++;
	return n;
}
