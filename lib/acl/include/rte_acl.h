/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_acl: classify byte strings (packet headers) against rule sets of up
 * to RTE_ACL_MAX_FIELDS fields, DPDK 22.11's API. A rule matches an input
 * when every field does; per category the result is the userdata of the
 * matching rule with the highest priority, 0 when none matches.
 *
 * Field values are read from the input in network byte order (most
 * significant byte first); rule values and masks are in host order.
 */
#ifndef _RTE_ACL_H_
#define _RTE_ACL_H_

#include <limits.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_acl_osdep.h>
#include <rte_common.h>
/* SOCKET_ID_ANY for rte_acl_param, as DPDK's header gives it */
#include <rte_memory.h>
#include <rte_vect.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ACL_MAX_CATEGORIES 16

/* classify()'s categories argument is 1 or a multiple of this. */
#define RTE_ACL_RESULTS_MULTIPLIER (XMM_SIZE / sizeof(uint32_t))

#define RTE_ACL_MAX_LEVELS 64
#define RTE_ACL_MAX_FIELDS 64

union rte_acl_field_types {
	uint8_t u8;
	uint16_t u16;
	uint32_t u32;
	uint64_t u64;
};

enum {
	/* value/prefix length: the top mask_range bits equal value's */
	RTE_ACL_FIELD_TYPE_MASK = 0,
	/* value <= input <= mask_range */
	RTE_ACL_FIELD_TYPE_RANGE,
	/* (input & mask_range) == (value & mask_range) */
	RTE_ACL_FIELD_TYPE_BITMASK
};

/* Where a field is in the input and how it is compared. */
struct rte_acl_field_def {
	uint8_t type;	     /* RTE_ACL_FIELD_TYPE_* */
	uint8_t size;	     /* 1, 2, 4 or 8 bytes */
	uint8_t field_index; /* index of the field in a rule */
	uint8_t input_index; /* 32-bit input word the field is in */
	uint32_t offset;     /* byte offset in the input */
};

struct rte_acl_config {
	uint32_t num_categories; /* 1 to RTE_ACL_MAX_CATEGORIES */
	uint32_t num_fields;	 /* 1 to RTE_ACL_MAX_FIELDS */
	struct rte_acl_field_def defs[RTE_ACL_MAX_FIELDS];
	size_t max_size; /* bytes the run-time tables may take, 0: no limit */
};

struct rte_acl_field {
	union rte_acl_field_types value;
	/* prefix length (MASK), upper bound (RANGE) or bit mask (BITMASK) */
	union rte_acl_field_types mask_range;
};

enum {
	RTE_ACL_TYPE_SHIFT = 29,
	RTE_ACL_MAX_INDEX = RTE_LEN2MASK(RTE_ACL_TYPE_SHIFT, uint32_t),
	RTE_ACL_MAX_PRIORITY = RTE_ACL_MAX_INDEX,
	RTE_ACL_MIN_PRIORITY = 1,
};

/* The mask of a prefix of v bits in a field of s bytes. */
#define RTE_ACL_MASKLEN_TO_BITMASK(v, s) \
	((v) == 0 ? (v) : (typeof(v))((uint64_t)-1 << ((s)*CHAR_BIT - (v))))

struct rte_acl_rule_data {
	uint32_t category_mask; /* categories the rule belongs to */
	int32_t priority;	/* RTE_ACL_MIN_PRIORITY..RTE_ACL_MAX_PRIORITY */
	uint32_t userdata;	/* the result when the rule wins */
};

/* A rule type of fld_num fields. */
#define RTE_ACL_RULE_DEF(name, fld_num)              \
	struct name {                                \
		struct rte_acl_rule_data data;       \
		struct rte_acl_field field[fld_num]; \
	}

RTE_ACL_RULE_DEF(rte_acl_rule, );

#define RTE_ACL_RULE_SZ(fld_num) \
	(sizeof(struct rte_acl_rule) + sizeof(struct rte_acl_field) * (fld_num))

#define RTE_ACL_NAMESIZE 32

struct rte_acl_param {
	const char *name;
	int socket_id;
	uint32_t rule_size;    /* RTE_ACL_RULE_SZ(number of fields) */
	uint32_t max_rule_num; /* most rules the context holds */
};

struct rte_acl_ctx;

/*
 * A new context, or the existing one of that name. NULL with rte_errno
 * EINVAL (param or name NULL, name too long, bad rule_size or socket) or
 * ENOMEM.
 */
struct rte_acl_ctx *rte_acl_create(const struct rte_acl_param *param);

/* The context of that name, or NULL with rte_errno ENOENT (EINVAL: name NULL). */
struct rte_acl_ctx *rte_acl_find_existing(const char *name);

void rte_acl_free(struct rte_acl_ctx *ctx);

/*
 * Append num rules of the context's rule_size. -EINVAL: NULL argument or
 * a rule with no category in the first RTE_ACL_MAX_CATEGORIES or with a
 * priority out of range; -ENOMEM: more than max_rule_num rules.
 */
int rte_acl_add_rules(struct rte_acl_ctx *ctx, const struct rte_acl_rule *rules, uint32_t num);

/* Drop the rules; what was built stays usable until the next build. */
void rte_acl_reset_rules(struct rte_acl_ctx *ctx);

/*
 * Build the run-time tables from the rules. -EINVAL: bad config;
 * -ENOMEM: out of memory; -ERANGE: the tables need more than max_size.
 */
int rte_acl_build(struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg);

/* Drop the rules and the run-time tables. */
void rte_acl_reset(struct rte_acl_ctx *ctx);

enum rte_acl_classify_alg {
	RTE_ACL_CLASSIFY_DEFAULT = 0,
	RTE_ACL_CLASSIFY_SCALAR = 1,
	RTE_ACL_CLASSIFY_SSE = 2,  /* needs SSE4.1 */
	RTE_ACL_CLASSIFY_AVX2 = 3, /* needs AVX2 */
	RTE_ACL_CLASSIFY_NEON = 4,
	RTE_ACL_CLASSIFY_ALTIVEC = 5,
	RTE_ACL_CLASSIFY_AVX512X16 = 6,
	RTE_ACL_CLASSIFY_AVX512X32 = 7,
};

/*
 * Classify num inputs; results holds num * categories values, input i's
 * result of category c at results[i * categories + c]. -EINVAL: bad
 * categories (not 1 nor a multiple of RTE_ACL_RESULTS_MULTIPLIER, or above
 * RTE_ACL_MAX_CATEGORIES) or NULL arguments.
 */
int rte_acl_classify(const struct rte_acl_ctx *ctx, const uint8_t **data, uint32_t *results,
		     uint32_t num, uint32_t categories);

/* As rte_acl_classify() with the given method; -ENOTSUP when this CPU lacks it. */
int rte_acl_classify_alg(const struct rte_acl_ctx *ctx, const uint8_t **data, uint32_t *results,
			 uint32_t num, uint32_t categories, enum rte_acl_classify_alg alg);

/* The method rte_acl_classify() uses; -EINVAL unknown, -ENOTSUP unsupported here. */
int rte_acl_set_ctx_classify(struct rte_acl_ctx *ctx, enum rte_acl_classify_alg alg);

void rte_acl_dump(const struct rte_acl_ctx *ctx);

void rte_acl_list_dump(void);

#ifdef __cplusplus
}
#endif

#endif /* _RTE_ACL_H_ */
