/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Key/value argument lists, as given to devices: "size=64,copy=1".
 * A value may be a bracketed list that keeps its commas: "queues=[0,2]".
 * A key given without '=' has a NULL value.
 */
#ifndef _RTE_KVARGS_H_
#define _RTE_KVARGS_H_

#include <rte_compat.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Most pairs one list holds; a longer string fails to parse. */
#define RTE_KVARGS_MAX 32
#define RTE_KVARGS_PAIRS_DELIM ","
#define RTE_KVARGS_KV_DELIM "="

/*
 * Called by rte_kvargs_process for each matching pair, with its key, its value
 * (NULL for a key given without '=') and the caller's opaque pointer. A
 * negative return stops the walk.
 */
typedef int (*arg_handler_t)(const char *key, const char *value, void *opaque);

/* One key=value pair; both point into the list's private copy. */
struct rte_kvargs_pair {
	char *key;
	char *value;
};

/* A parsed list of pairs, in the order given. */
struct rte_kvargs {
	char *str;		/* private copy the pairs point into */
	unsigned count;
	struct rte_kvargs_pair pairs[RTE_KVARGS_MAX];
};

/*
 * Parse args into a new list (free it with rte_kvargs_free). With valid_keys
 * (a NULL-terminated array), a key not in it makes the parse fail; NULL
 * accepts any key. Returns the list (empty for ""), or NULL with rte_errno
 * EINVAL (args NULL, an empty key, unbalanced brackets, an unknown key, more
 * than RTE_KVARGS_MAX pairs) or ENOMEM. DPDK 22.11 returns NULL without
 * promising an rte_errno value, and takes an empty key or unbalanced brackets
 * as they come; Sluice refuses those on purpose, as a typo in a device
 * argument should not pass silently.
 */
struct rte_kvargs *rte_kvargs_parse(const char *args, const char *const valid_keys[]);

/*
 * As rte_kvargs_parse, on the part of args before the first character found
 * in valid_ends (all of args when valid_ends is NULL). Same returns.
 */
struct rte_kvargs *rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
					  const char *valid_ends);

/* Free kvlist and its strings; NULL is a no-op. Returns nothing; no rte_errno. */
void rte_kvargs_free(struct rte_kvargs *kvlist);

/*
 * The value of the first pair with key, a string owned by kvlist; NULL when
 * kvlist or key is NULL, key is absent, or it was given without '='.
 * rte_errno is not set.
 */
const char *rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key);

/*
 * The value of the first pair whose key is key (any key when key is NULL)
 * and whose value is value (any value when value is NULL); NULL when kvlist
 * is NULL or no pair matches. rte_errno is not set.
 */
__rte_experimental
const char *rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
				      const char *value);

/*
 * Call handler(key, value, opaque_arg) for each pair whose key is key_match
 * (every pair if key_match is NULL), in order. Returns 0 (also when kvlist
 * is NULL: nothing to do, as in DPDK 22.11), or -1 when handler is NULL or
 * returned a negative value, which stops the walk. rte_errno is not set by
 * this function (the handler may set it).
 */
int rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		       arg_handler_t handler, void *opaque_arg);

/*
 * The number of pairs whose key is key_match (all pairs if key_match is
 * NULL); 0 when kvlist is NULL. rte_errno is not set.
 */
unsigned rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match);

#ifdef __cplusplus
}
#endif

#endif
