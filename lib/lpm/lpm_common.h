/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What the IPv4 and IPv6 tables share: argument checks of create, the
 * pool of tbl8 groups, and the rule set.
 *
 * The rule set is an open-addressing
 * hash on (prefix, depth) with linear probing, sized to twice max_rules so
 * probes stay short, and a count a depth that lets the search for a
 * covering rule skip depths without rules. Prefixes are keys of 4 or 16
 * bytes in network order, masked to their depth.
 */
#ifndef _LPM_COMMON_H_
#define _LPM_COMMON_H_

#include <stdint.h>
#include <sys/queue.h>

/* Both tables use names of 32 bytes with the NUL (RTE_LPM_NAMESIZE, RTE_LPM6_NAMESIZE). */
#define LPM_NAMESIZE 32

enum lpm_kind {
	LPM_KIND_IPV4,
	LPM_KIND_IPV6,
};

/* A named table, in the list that find_existing searches; one kind's names are unique. */
struct lpm_name {
	TAILQ_ENTRY(lpm_name) next;
	enum lpm_kind kind;
	char name[LPM_NAMESIZE];
};

struct lpm_name *lpm_names_find(enum lpm_kind kind, const char *name);
/* Name n and list it; -EEXIST if a table of that kind has the name. */
int lpm_names_add(enum lpm_kind kind, struct lpm_name *n, const char *name);
void lpm_names_remove(struct lpm_name *n);
void lpm_names_log_exists(const char *kind, const char *name, const char *find_fn);

/* Check create's arguments; -EINVAL with a log line naming the bad one. */
int lpm_config_check(const char *kind, const char *name, int socket_id, const void *config,
		     uint32_t max_rules, uint32_t number_tbl8s, uint32_t max_tbl8s);

#define LPM_TBL8_GROUP_ENTRIES 256

/* tbl8 groups of 256 32-bit entries, and a stack of the free ones. */
struct lpm_tbl8_pool {
	uint32_t *entries; /* NULL when the pool has no groups */
	uint32_t *free;
	uint32_t free_count;
	uint32_t n;
};

int lpm_tbl8_pool_init(struct lpm_tbl8_pool *p, const char *name, uint32_t n, int socket_id);
void lpm_tbl8_pool_fini(struct lpm_tbl8_pool *p);
/* Zero every group and make all free, group 0 first to be handed out. */
void lpm_tbl8_pool_reset(struct lpm_tbl8_pool *p);
/* A free group (its entries zero), or -ENOSPC. */
int lpm_tbl8_pool_alloc(struct lpm_tbl8_pool *p, uint32_t *group);
/* Zero group g and make it free again. */
void lpm_tbl8_pool_free(struct lpm_tbl8_pool *p, uint32_t g);

static inline uint32_t *
lpm_tbl8_pool_group(const struct lpm_tbl8_pool *p, uint32_t g)
{
	return p->entries + (size_t)g * LPM_TBL8_GROUP_ENTRIES;
}

#define LPM_KEY_MAX 16
#define LPM_DEPTH_MAX 128

struct lpm_rule {
	uint32_t next_hop;
	uint8_t depth; /* 0 marks a free slot */
	uint8_t key[];
};

struct lpm_rules {
	uint8_t *slots;
	uint32_t stride; /* bytes a slot */
	uint32_t key_len;
	uint32_t mask; /* slot count - 1 */
	uint32_t max_rules;
	uint32_t count;
	uint32_t depth_count[LPM_DEPTH_MAX + 1];
};

/* Clear the bits of key beyond depth. */
void lpm_key_mask(uint8_t *key, unsigned int key_len, uint8_t depth);

int lpm_rules_init(struct lpm_rules *rs, unsigned int key_len, uint32_t max_rules, int socket_id);
void lpm_rules_fini(struct lpm_rules *rs);
void lpm_rules_clear(struct lpm_rules *rs);
/* The rule key/depth (key already masked), or NULL. */
struct lpm_rule *lpm_rules_find(const struct lpm_rules *rs, const uint8_t *key, uint8_t depth);
/* Insert a rule known to be absent; -ENOSPC when max_rules are present. */
int lpm_rules_insert(struct lpm_rules *rs, const uint8_t *key, uint8_t depth, uint32_t next_hop);
/* Remove a rule returned by lpm_rules_find. */
void lpm_rules_remove(struct lpm_rules *rs, struct lpm_rule *r);
/* The longest rule shorter than depth that covers key, or NULL. */
const struct lpm_rule *lpm_rules_find_cover(const struct lpm_rules *rs, const uint8_t *key,
					    uint8_t depth);

#endif /* _LPM_COMMON_H_ */
