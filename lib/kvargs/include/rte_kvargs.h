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

/* Called for each matching pair; a negative return stops the walk. */
typedef int (*arg_handler_t)(const char *key, const char *value, void *opaque);

struct rte_kvargs_pair {
	char *key;
	char *value;
};

struct rte_kvargs {
	char *str;		/* private copy the pairs point into */
	unsigned count;
	struct rte_kvargs_pair pairs[RTE_KVARGS_MAX];
};

/*
 * Parse args. With valid_keys (a NULL-terminated array), a key not in it
 * makes the parse fail. Returns NULL on a malformed string, an unknown key,
 * too many pairs or no memory.
 */
struct rte_kvargs *rte_kvargs_parse(const char *args, const char *const valid_keys[]);

/* Like rte_kvargs_parse, but stop at the first character found in valid_ends. */
struct rte_kvargs *rte_kvargs_parse_delim(const char *args, const char *const valid_keys[],
					  const char *valid_ends);

void rte_kvargs_free(struct rte_kvargs *kvlist);

/* Value of the first pair with this key; NULL if absent (or given without value). */
const char *rte_kvargs_get(const struct rte_kvargs *kvlist, const char *key);

/* The key's value if it is value (or value is NULL); NULL otherwise. */
__rte_experimental
const char *rte_kvargs_get_with_value(const struct rte_kvargs *kvlist, const char *key,
				      const char *value);

/*
 * Call handler for each pair whose key is key_match (every pair if NULL).
 * Returns 0, or -1 if kvlist is NULL or a handler returned a negative value.
 */
int rte_kvargs_process(const struct rte_kvargs *kvlist, const char *key_match,
		       arg_handler_t handler, void *opaque_arg);

/* Number of pairs with key key_match (all pairs if NULL). */
unsigned rte_kvargs_count(const struct rte_kvargs *kvlist, const char *key_match);

#ifdef __cplusplus
}
#endif

#endif
