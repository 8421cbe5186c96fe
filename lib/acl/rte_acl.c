/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_acl control path: named contexts, the rule store, build and reset,
 * and the choice of classify method. The tree is built in acl_build.c;
 * the classify methods are in acl_run_*.c.
 */
#include <errno.h>
#include <inttypes.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memory.h>
#include <rte_vect.h>

#include "acl_private.h"
#include "eal_private.h"

static TAILQ_HEAD(, rte_acl_ctx) acl_list = TAILQ_HEAD_INITIALIZER(acl_list);
static pthread_mutex_t acl_list_lock = PTHREAD_MUTEX_INITIALIZER;

/* Caller holds acl_list_lock. */
static struct rte_acl_ctx *
acl_list_lookup(const char *name)
{
	struct rte_acl_ctx *ctx;

	TAILQ_FOREACH(ctx, &acl_list, next)
	if (strcmp(ctx->name, name) == 0)
		return ctx;
	return NULL;
}

/* Fields a rule of rule_size bytes has; -1 when rule_size fits no rule type. */
static int
acl_rule_fields(uint32_t rule_size)
{
	uint32_t body;

	if (rule_size < sizeof(struct rte_acl_rule))
		return -1;
	body = rule_size - sizeof(struct rte_acl_rule);
	if (body % sizeof(struct rte_acl_field) != 0 ||
	    body / sizeof(struct rte_acl_field) > RTE_ACL_MAX_FIELDS)
		return -1;
	return (int)(body / sizeof(struct rte_acl_field));
}

static int
acl_param_check(const struct rte_acl_param *param)
{
	if (param == NULL || param->name == NULL) {
		RTE_LOG(ERR, ACL, "create: param and its name must not be NULL\n");
		return -EINVAL;
	}
	if (strnlen(param->name, RTE_ACL_NAMESIZE) >= RTE_ACL_NAMESIZE) {
		RTE_LOG(ERR, ACL, "create: name '%s' is too long; use at most %d characters\n",
			param->name, RTE_ACL_NAMESIZE - 1);
		return -EINVAL;
	}
	/* 0 is allowed as in DPDK: such a context takes no rules */
	if (param->rule_size != 0 && acl_rule_fields(param->rule_size) < 0) {
		RTE_LOG(ERR, ACL,
			"%s: rule_size %u is no rule size; use RTE_ACL_RULE_SZ(n) with n <= %d\n",
			param->name, param->rule_size, RTE_ACL_MAX_FIELDS);
		return -EINVAL;
	}
	if (param->socket_id != SOCKET_ID_ANY &&
	    (param->socket_id < 0 || param->socket_id >= RTE_MAX_NUMA_NODES)) {
		RTE_LOG(ERR, ACL, "%s: socket %d is invalid; use SOCKET_ID_ANY or a socket id\n",
			param->name, param->socket_id);
		return -EINVAL;
	}
	return 0;
}

static enum rte_acl_classify_alg acl_alg_best(void);

__rte_export struct rte_acl_ctx *
rte_acl_create(const struct rte_acl_param *param)
{
	struct rte_acl_ctx *ctx;
	int ret;

	ret = acl_param_check(param);
	if (ret < 0)
		goto out_err;
	pthread_mutex_lock(&acl_list_lock);
	/* DPDK hands back the context that has the name already */
	ctx = acl_list_lookup(param->name);
	if (ctx != NULL)
		goto out_unlock;
	ctx = rte_zmalloc_socket("ACL_CTX", sizeof(*ctx), RTE_CACHE_LINE_SIZE, param->socket_id);
	if (ctx == NULL) {
		pthread_mutex_unlock(&acl_list_lock);
		RTE_LOG(ERR, ACL, "%s: no memory on socket %d; give the EAL more memory\n",
			param->name, param->socket_id);
		ret = -ENOMEM;
		goto out_err;
	}
	strcpy(ctx->name, param->name); /* length checked above */
	ctx->socket_id = param->socket_id;
	ctx->rule_size = param->rule_size;
	ctx->max_rules = param->max_rule_num;
	ctx->alg = acl_alg_best();
	TAILQ_INSERT_TAIL(&acl_list, ctx, next);
out_unlock:
	pthread_mutex_unlock(&acl_list_lock);
	return ctx;
out_err:
	rte_errno = -ret;
	return NULL;
}

__rte_export struct rte_acl_ctx *
rte_acl_find_existing(const char *name)
{
	struct rte_acl_ctx *ctx;

	if (name == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	pthread_mutex_lock(&acl_list_lock);
	ctx = acl_list_lookup(name);
	pthread_mutex_unlock(&acl_list_lock);
	if (ctx == NULL)
		rte_errno = ENOENT;
	return ctx;
}

__rte_export void
rte_acl_free(struct rte_acl_ctx *ctx)
{
	if (ctx == NULL)
		return;
	pthread_mutex_lock(&acl_list_lock);
	TAILQ_REMOVE(&acl_list, ctx, next);
	pthread_mutex_unlock(&acl_list_lock);
	acl_rt_free(ctx->rt);
	rte_free(ctx->rules);
	rte_free(ctx);
}

static int
acl_rule_check(const struct rte_acl_ctx *ctx, const struct rte_acl_rule *r, uint32_t i)
{
	if ((r->data.category_mask & RTE_LEN2MASK(RTE_ACL_MAX_CATEGORIES, uint32_t)) == 0) {
		RTE_LOG(ERR, ACL,
			"%s: rule %u has category_mask 0x%x; set one of its low %d bits\n",
			ctx->name, i, r->data.category_mask, RTE_ACL_MAX_CATEGORIES);
		return -EINVAL;
	}
	if (r->data.priority < RTE_ACL_MIN_PRIORITY || r->data.priority > RTE_ACL_MAX_PRIORITY) {
		RTE_LOG(ERR, ACL, "%s: rule %u has priority %d; use %d to %d\n", ctx->name, i,
			r->data.priority, RTE_ACL_MIN_PRIORITY, RTE_ACL_MAX_PRIORITY);
		return -EINVAL;
	}
	return 0;
}

/* Room for need rules in the store, which grows by doubling up to max_rules. */
static int
acl_rules_reserve(struct rte_acl_ctx *ctx, uint32_t need)
{
	uint32_t cap = ctx->rules_cap < 64 ? 64 : ctx->rules_cap;
	uint8_t *p;

	if (need <= ctx->rules_cap)
		return 0;
	while (cap < need)
		cap = cap > UINT32_MAX / 2 ? UINT32_MAX : cap * 2;
	cap = RTE_MIN(cap, ctx->max_rules);
	p = rte_realloc_socket(ctx->rules, (size_t)cap * ctx->rule_size, 0, ctx->socket_id);
	if (p == NULL) {
		RTE_LOG(ERR, ACL, "%s: no memory for %u rules; give the EAL more memory\n",
			ctx->name, cap);
		return -ENOMEM;
	}
	ctx->rules = p;
	ctx->rules_cap = cap;
	return 0;
}

__rte_export int
rte_acl_add_rules(struct rte_acl_ctx *ctx, const struct rte_acl_rule *rules, uint32_t num)
{
	uint32_t i;
	int ret;

	if (ctx == NULL || rules == NULL) {
		RTE_LOG(ERR, ACL, "add rules: ctx and rules must not be NULL\n");
		return -EINVAL;
	}
	if (ctx->rule_size == 0) {
		RTE_LOG(ERR, ACL,
			"%s: created with rule_size 0; create it with RTE_ACL_RULE_SZ(n)\n",
			ctx->name);
		return -EINVAL;
	}
	for (i = 0; i < num; i++) {
		ret = acl_rule_check(
			ctx, (const void *)((const uint8_t *)rules + (size_t)i * ctx->rule_size),
			i);
		if (ret < 0)
			return ret;
	}
	if (num > ctx->max_rules - ctx->num_rules) {
		RTE_LOG(ERR, ACL, "%s: %u rules do not fit, %u of max_rule_num %u are taken\n",
			ctx->name, num, ctx->num_rules, ctx->max_rules);
		return -ENOMEM;
	}
	if (num == 0)
		return 0;
	ret = acl_rules_reserve(ctx, ctx->num_rules + num);
	if (ret < 0)
		return ret;
	memcpy(ctx->rules + (size_t)ctx->num_rules * ctx->rule_size, rules,
	       (size_t)num * ctx->rule_size);
	ctx->num_rules += num;
	return 0;
}

__rte_export void
rte_acl_reset_rules(struct rte_acl_ctx *ctx)
{
	if (ctx != NULL)
		ctx->num_rules = 0;
}

__rte_export void
rte_acl_reset(struct rte_acl_ctx *ctx)
{
	if (ctx == NULL)
		return;
	rte_acl_reset_rules(ctx);
	acl_rt_free(ctx->rt);
	ctx->rt = NULL;
}

static int
acl_config_check(const struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg)
{
	int rule_fields = acl_rule_fields(ctx->rule_size);
	uint32_t i;

	if (cfg->num_categories == 0 || cfg->num_categories > RTE_ACL_MAX_CATEGORIES) {
		RTE_LOG(ERR, ACL, "%s: num_categories %u is invalid; use 1 to %d\n", ctx->name,
			cfg->num_categories, RTE_ACL_MAX_CATEGORIES);
		return -EINVAL;
	}
	if (cfg->num_fields == 0 || cfg->num_fields > RTE_ACL_MAX_FIELDS) {
		RTE_LOG(ERR, ACL, "%s: num_fields %u is invalid; use 1 to %d\n", ctx->name,
			cfg->num_fields, RTE_ACL_MAX_FIELDS);
		return -EINVAL;
	}
	for (i = 0; i < cfg->num_fields; i++) {
		const struct rte_acl_field_def *d = &cfg->defs[i];

		if (d->type > RTE_ACL_FIELD_TYPE_BITMASK) {
			RTE_LOG(ERR, ACL,
				"%s: field def %u has type %u; use RTE_ACL_FIELD_TYPE_*\n",
				ctx->name, i, d->type);
			return -EINVAL;
		}
		if (d->size != 1 && d->size != 2 && d->size != 4 && d->size != 8) {
			RTE_LOG(ERR, ACL, "%s: field def %u has size %u; use 1, 2, 4 or 8\n",
				ctx->name, i, d->size);
			return -EINVAL;
		}
		if ((int)d->field_index >= rule_fields) {
			RTE_LOG(ERR, ACL,
				"%s: field def %u has field_index %u but rules have %d fields; "
				"create the context with a larger rule_size\n",
				ctx->name, i, d->field_index, RTE_MAX(rule_fields, 0));
			return -EINVAL;
		}
	}
	return 0;
}

__rte_export int
rte_acl_build(struct rte_acl_ctx *ctx, const struct rte_acl_config *cfg)
{
	struct acl_rt *rt;
	int ret;

	if (ctx == NULL || cfg == NULL) {
		RTE_LOG(ERR, ACL, "build: ctx and cfg must not be NULL\n");
		return -EINVAL;
	}
	ret = acl_config_check(ctx, cfg);
	if (ret < 0)
		return ret;
	/* as in DPDK, a failed build leaves the context without tables */
	acl_rt_free(ctx->rt);
	ctx->rt = NULL;
	ret = acl_rt_build(ctx, cfg, &rt);
	if (ret < 0)
		return ret;
	ctx->rt = rt;
	ctx->config = *cfg;
	return 0;
}

static const acl_classify_fn acl_classify_fns[] = {
	[RTE_ACL_CLASSIFY_SCALAR] = acl_classify_scalar,
	[RTE_ACL_CLASSIFY_SSE] = acl_classify_sse,
	[RTE_ACL_CLASSIFY_AVX2] = acl_classify_avx2,
};

/* The CPU's SSE4.1 and AVX2 flags, read once: CPUID is slow (a VM exit in a guest). */
static pthread_once_t acl_cpu_once = PTHREAD_ONCE_INIT;
static int acl_cpu_sse41;
static int acl_cpu_avx2;

static void
acl_cpu_probe(void)
{
	acl_cpu_sse41 = rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_1) > 0;
	acl_cpu_avx2 = rte_cpu_get_flag_enabled(RTE_CPUFLAG_AVX2) > 0;
}

/* 0 when this CPU runs alg, -ENOTSUP when not, -EINVAL for no method. */
static int
acl_alg_check(enum rte_acl_classify_alg alg)
{
	pthread_once(&acl_cpu_once, acl_cpu_probe);
	switch (alg) {
	case RTE_ACL_CLASSIFY_SCALAR:
		return 0;
	case RTE_ACL_CLASSIFY_SSE:
		return acl_cpu_sse41 && rte_vect_get_max_simd_bitwidth() >= RTE_VECT_SIMD_128
			       ? 0
			       : -ENOTSUP;
	case RTE_ACL_CLASSIFY_AVX2:
		return acl_cpu_avx2 && rte_vect_get_max_simd_bitwidth() >= RTE_VECT_SIMD_256
			       ? 0
			       : -ENOTSUP;
	case RTE_ACL_CLASSIFY_NEON:
	case RTE_ACL_CLASSIFY_ALTIVEC:
	case RTE_ACL_CLASSIFY_AVX512X16:
	case RTE_ACL_CLASSIFY_AVX512X32:
		return -ENOTSUP;
	default:
		return -EINVAL;
	}
}

static enum rte_acl_classify_alg
acl_alg_best(void)
{
	static const enum rte_acl_classify_alg pref[] = {
		RTE_ACL_CLASSIFY_AVX2,
		RTE_ACL_CLASSIFY_SSE,
	};
	uint32_t i;

	for (i = 0; i < RTE_DIM(pref); i++)
		if (acl_alg_check(pref[i]) == 0)
			return pref[i];
	return RTE_ACL_CLASSIFY_SCALAR;
}

/* DEFAULT as the best method here; then as acl_alg_check(). */
static int
acl_alg_resolve(enum rte_acl_classify_alg *alg)
{
	if (*alg == RTE_ACL_CLASSIFY_DEFAULT)
		*alg = acl_alg_best();
	return acl_alg_check(*alg);
}

__rte_export int
rte_acl_set_ctx_classify(struct rte_acl_ctx *ctx, enum rte_acl_classify_alg alg)
{
	int ret;

	if (ctx == NULL)
		return -EINVAL;
	ret = acl_alg_resolve(&alg);
	if (ret < 0)
		return ret;
	ctx->alg = alg;
	return 0;
}

__rte_export int
rte_acl_classify_alg(const struct rte_acl_ctx *ctx, const uint8_t **data, uint32_t *results,
		     uint32_t num, uint32_t categories, enum rte_acl_classify_alg alg)
{
	int ret;

	if (ctx == NULL) {
		RTE_LOG(ERR, ACL, "classify: ctx is NULL\n");
		return -EINVAL;
	}
	if ((categories != 1 && categories % RTE_ACL_RESULTS_MULTIPLIER != 0) ||
	    categories > RTE_ACL_MAX_CATEGORIES) {
		RTE_LOG(ERR, ACL,
			"%s: classify for %u categories; use 1 or a multiple of %zu up to %d\n",
			ctx->name, categories, RTE_ACL_RESULTS_MULTIPLIER, RTE_ACL_MAX_CATEGORIES);
		return -EINVAL;
	}
	ret = acl_alg_resolve(&alg);
	if (ret < 0)
		return ret;
	if (num == 0 || categories == 0)
		return 0;
	if (data == NULL || results == NULL) {
		RTE_LOG(ERR, ACL, "%s: classify: data and results must not be NULL\n", ctx->name);
		return -EINVAL;
	}
	if (ctx->rt == NULL) {
		/* nothing built: no input matches */
		memset(results, 0, (size_t)num * categories * sizeof(*results));
		return 0;
	}
	return acl_classify_fns[alg](ctx->rt, data, results, num, categories);
}

__rte_export int
rte_acl_classify(const struct rte_acl_ctx *ctx, const uint8_t **data, uint32_t *results,
		 uint32_t num, uint32_t categories)
{
	if (ctx == NULL) {
		RTE_LOG(ERR, ACL, "classify: ctx is NULL\n");
		return -EINVAL;
	}
	return rte_acl_classify_alg(ctx, data, results, num, categories, ctx->alg);
}

__rte_export void
rte_acl_dump(const struct rte_acl_ctx *ctx)
{
	const struct acl_rt *rt;
	uint32_t t;

	if (ctx == NULL)
		return;
	rt = ctx->rt;
	printf("acl context <%s>@%p\n", ctx->name, (const void *)ctx);
	printf("  socket_id=%d\n", ctx->socket_id);
	printf("  alg=%d\n", (int)ctx->alg);
	printf("  max_rules=%u\n", ctx->max_rules);
	printf("  rule_size=%u\n", ctx->rule_size);
	printf("  num_rules=%u\n", ctx->num_rules);
	printf("  num_categories=%u\n", rt != NULL ? ctx->config.num_categories : 0);
	if (rt == NULL) {
		printf("  not built\n");
		return;
	}
	printf("  built_rules=%u nodes=%u leaves=%u leaf_entries=%u bytes=%zu\n", rt->num_crules,
	       rt->num_nodes, rt->num_leaves, rt->num_leaf_rules, rt->size);
	if (rt->snodes != NULL)
		printf("  super_nodes=%u\n", rt->num_snodes);
	for (t = 0; t < rt->num_trees; t++)
		printf("  tree %u: depth=%u\n", t, rt->depth[t]);
}

__rte_export void
rte_acl_list_dump(void)
{
	struct rte_acl_ctx *ctx;

	pthread_mutex_lock(&acl_list_lock);
	TAILQ_FOREACH(ctx, &acl_list, next)
	rte_acl_dump(ctx);
	pthread_mutex_unlock(&acl_list_lock);
}
