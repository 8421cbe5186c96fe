/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * flow validate|create|destroy|flush|list|query|isolate: the rules go
 * through the ethdev flow API; the rules created are kept per port with
 * DPDK testpmd's ids (one above the newest) so that list, query and
 * destroy can name them. Failures are reported as DPDK's testpmd does.
 */
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_errno.h>

#include "flow_parse.h"
#include "testpmd.h"

struct testpmd_flow {
	struct testpmd_flow *next;
	uint32_t id;
	struct rte_flow *flow;
	struct flow_rule_desc *desc;
};

/* Newest first, as DPDK's testpmd keeps them. */
static struct testpmd_flow *port_flows[RTE_MAX_ETHPORTS];

static int
flow_complain(const struct rte_flow_error *error)
{
	static const char *const type_names[] = {
		[RTE_FLOW_ERROR_TYPE_NONE] = "no error",
		[RTE_FLOW_ERROR_TYPE_UNSPECIFIED] = "cause unspecified",
		[RTE_FLOW_ERROR_TYPE_HANDLE] = "flow rule (handle)",
		[RTE_FLOW_ERROR_TYPE_ATTR_GROUP] = "group field",
		[RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY] = "priority field",
		[RTE_FLOW_ERROR_TYPE_ATTR_INGRESS] = "ingress field",
		[RTE_FLOW_ERROR_TYPE_ATTR_EGRESS] = "egress field",
		[RTE_FLOW_ERROR_TYPE_ATTR_TRANSFER] = "transfer field",
		[RTE_FLOW_ERROR_TYPE_ATTR] = "attributes structure",
		[RTE_FLOW_ERROR_TYPE_ITEM_NUM] = "pattern length",
		[RTE_FLOW_ERROR_TYPE_ITEM_SPEC] = "item specification",
		[RTE_FLOW_ERROR_TYPE_ITEM_LAST] = "item specification range",
		[RTE_FLOW_ERROR_TYPE_ITEM_MASK] = "item specification mask",
		[RTE_FLOW_ERROR_TYPE_ITEM] = "specific pattern item",
		[RTE_FLOW_ERROR_TYPE_ACTION_NUM] = "number of actions",
		[RTE_FLOW_ERROR_TYPE_ACTION_CONF] = "action configuration",
		[RTE_FLOW_ERROR_TYPE_ACTION] = "specific action",
	};
	int err = rte_errno;
	const char *type_name = "unknown type";
	char cause[32] = "";

	if ((unsigned int)error->type < RTE_DIM(type_names) && type_names[error->type] != NULL)
		type_name = type_names[error->type];
	if (error->cause != NULL)
		snprintf(cause, sizeof(cause), "cause: %p, ", error->cause);
	/* The function name is part of DPDK's line; scripts match on it. */
	printf("port_flow_complain(): Caught PMD error type %d (%s): %s%s: %s\n", error->type,
	       type_name, cause, error->message != NULL ? error->message : "(no stated reason)",
	       rte_strerror(err));
	return -err;
}

static struct testpmd_flow *
flow_find(uint16_t port_id, uint32_t id)
{
	struct testpmd_flow *f;

	for (f = port_flows[port_id]; f != NULL; f = f->next)
		if (f->id == id)
			break;
	return f;
}

/* "flow validate|create P ATTR... pattern ... actions ..." */
static int
flow_validate_create(uint16_t port_id, bool create, char **tok, int n)
{
	struct rte_flow_error error = {0};
	struct flow_rule_desc *desc;
	struct testpmd_flow *f = NULL;
	uint32_t id = 0;
	int ret = 0;

	desc = malloc(sizeof(*desc));
	if (desc == NULL) {
		printf("Cannot allocate a flow rule: out of memory\n");
		return -1;
	}
	if (flow_rule_parse(tok, n, desc) < 0) {
		ret = -1;
		goto out_free;
	}
	if (!create) {
		if (rte_flow_validate(port_id, &desc->attr, desc->items, desc->actions, &error))
			ret = flow_complain(&error);
		else
			printf("Flow rule validated\n");
		goto out_free;
	}
	if (port_flows[port_id] != NULL) {
		if (port_flows[port_id]->id == UINT32_MAX) {
			printf("Highest rule ID is already assigned, delete it first\n");
			ret = -1;
			goto out_free;
		}
		id = port_flows[port_id]->id + 1;
	}
	f = calloc(1, sizeof(*f));
	if (f == NULL) {
		printf("Cannot allocate a flow rule: out of memory\n");
		ret = -1;
		goto out_free;
	}
	f->flow = rte_flow_create(port_id, &desc->attr, desc->items, desc->actions, &error);
	if (f->flow == NULL) {
		ret = flow_complain(&error);
		goto out_free;
	}
	f->id = id;
	f->desc = desc;
	f->next = port_flows[port_id];
	port_flows[port_id] = f;
	printf("Flow rule #%u created\n", id);
	return 0;
out_free:
	free(f);
	free(desc);
	return ret;
}

static int
flow_id_arg(const char *arg, uint32_t *id)
{
	unsigned long v;

	if (cmd_number_arg("rule", arg, 0, UINT32_MAX, &v) < 0)
		return -1;
	*id = (uint32_t)v;
	return 0;
}

#define FLOW_DESTROY_MAX 64

/* "flow destroy P rule N [rule N]..." */
static int
flow_destroy(uint16_t port_id, char **tok, int n)
{
	uint32_t ids[FLOW_DESTROY_MAX];
	int nb_ids = 0, ret = 0;

	if (n == 0 || n % 2 != 0 || n / 2 > FLOW_DESTROY_MAX) {
		printf("Bad arguments: try 'flow destroy P rule N [rule N]...' (at most %d "
		       "rules)\n",
		       FLOW_DESTROY_MAX);
		return -1;
	}
	for (int i = 0; i < n; i += 2) {
		if (strcmp(tok[i], "rule") != 0) {
			printf("Bad arguments: '%s'; try 'flow destroy P rule N [rule N]...'\n",
			       tok[i]);
			return -1;
		}
		if (flow_id_arg(tok[i + 1], &ids[nb_ids++]) < 0)
			return -1;
	}
	/* As DPDK's testpmd: ids without a rule are passed over silently. */
	for (int i = 0; i < nb_ids; i++) {
		struct testpmd_flow **pp;

		for (pp = &port_flows[port_id]; *pp != NULL; pp = &(*pp)->next) {
			struct rte_flow_error error = {0};
			struct testpmd_flow *f = *pp;

			if (f->id != ids[i])
				continue;
			if (rte_flow_destroy(port_id, f->flow, &error)) {
				ret = flow_complain(&error);
				break;
			}
			printf("Flow rule #%u destroyed\n", f->id);
			*pp = f->next;
			free(f->desc);
			free(f);
			break;
		}
	}
	return ret;
}

static void
flow_rules_forget(uint16_t port_id)
{
	while (port_flows[port_id] != NULL) {
		struct testpmd_flow *f = port_flows[port_id];

		port_flows[port_id] = f->next;
		free(f->desc);
		free(f);
	}
}

/* Before a close, as DPDK's testpmd: the driver's rules go first, quietly. */
void
flow_rules_release(uint16_t port_id)
{
	if (port_flows[port_id] != NULL)
		rte_flow_flush(port_id, NULL);
	flow_rules_forget(port_id);
}

/* "flow flush P": the driver's rules go, and testpmd's records of them. */
static int
flow_flush(uint16_t port_id)
{
	struct rte_flow_error error = {0};
	int ret = 0;

	if (port_flows[port_id] == NULL)
		return 0;
	if (rte_flow_flush(port_id, &error))
		ret = flow_complain(&error);
	/* The driver's failure leaves its rules unknown: forget them all, as DPDK. */
	flow_rules_forget(port_id);
	return ret;
}

static int
flow_order_cmp(const void *a, const void *b)
{
	const struct testpmd_flow *x = *(const struct testpmd_flow *const *)a;
	const struct testpmd_flow *y = *(const struct testpmd_flow *const *)b;

	if (x->desc->attr.group != y->desc->attr.group)
		return x->desc->attr.group < y->desc->attr.group ? -1 : 1;
	if (x->desc->attr.priority != y->desc->attr.priority)
		return x->desc->attr.priority < y->desc->attr.priority ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

static void
flow_line_print(const struct testpmd_flow *f)
{
	const struct rte_flow_attr *a = &f->desc->attr;

	printf("%" PRIu32 "\t%" PRIu32 "\t%" PRIu32 "\t%c%c%c\t", f->id, a->group, a->priority,
	       a->ingress ? 'i' : '-', a->egress ? 'e' : '-', a->transfer ? 't' : '-');
	for (const struct rte_flow_item *it = f->desc->items; it->type != RTE_FLOW_ITEM_TYPE_END;
	     it++)
		printf("%s ", flow_item_name(it->type));
	printf("=>");
	for (const struct rte_flow_action *ac = f->desc->actions;
	     ac->type != RTE_FLOW_ACTION_TYPE_END; ac++)
		if (ac->type != RTE_FLOW_ACTION_TYPE_VOID)
			printf(" %s", flow_action_name(ac->type));
	printf("\n");
}

/* "flow list P [group N]...": by group, priority, id; nothing when empty. */
static int
flow_list(uint16_t port_id, char **tok, int n)
{
	uint32_t groups[16];
	unsigned int nb_groups = 0, nb = 0;
	struct testpmd_flow **sorted, *f;

	if (n % 2 != 0 || n / 2 > (int)RTE_DIM(groups)) {
		printf("Bad arguments: try 'flow list P [group N]...' (at most %zu groups)\n",
		       RTE_DIM(groups));
		return -1;
	}
	for (int i = 0; i < n; i += 2) {
		if (strcmp(tok[i], "group") != 0) {
			printf("Bad arguments: '%s'; try 'flow list P [group N]...'\n", tok[i]);
			return -1;
		}
		if (flow_id_arg(tok[i + 1], &groups[nb_groups++]) < 0)
			return -1;
	}
	for (f = port_flows[port_id]; f != NULL; f = f->next)
		nb++;
	if (nb == 0)
		return 0;
	sorted = calloc(nb, sizeof(*sorted));
	if (sorted == NULL) {
		printf("Cannot list the flow rules: out of memory\n");
		return -1;
	}
	nb = 0;
	for (f = port_flows[port_id]; f != NULL; f = f->next) {
		unsigned int g;

		for (g = 0; g < nb_groups && groups[g] != f->desc->attr.group; g++)
			;
		if (nb_groups == 0 || g < nb_groups)
			sorted[nb++] = f;
	}
	qsort(sorted, nb, sizeof(*sorted), flow_order_cmp);
	printf("ID\tGroup\tPrio\tAttr\tRule\n");
	for (unsigned int i = 0; i < nb; i++)
		flow_line_print(sorted[i]);
	free(sorted);
	return 0;
}

/* "flow query P RULE ACTION": only count answers, as the drivers count. */
static int
flow_query(uint16_t port_id, char **tok, int n)
{
	struct rte_flow_error error = {0};
	struct rte_flow_query_count count = {0};
	struct rte_flow_action action = {0};
	struct testpmd_flow *f;
	uint32_t id;
	int type;

	if (n != 2) {
		printf("Bad arguments: try 'flow query P RULE count'\n");
		return -1;
	}
	if (flow_id_arg(tok[0], &id) < 0)
		return -1;
	type = flow_action_type_find(tok[1]);
	if (type < 0) {
		printf("Bad arguments: unknown action '%s'; try 'flow query P RULE count'\n",
		       tok[1]);
		return -1;
	}
	f = flow_find(port_id, id);
	if (f == NULL) {
		printf("Flow rule #%u not found\n", id);
		return -1;
	}
	action.type = (enum rte_flow_action_type)type;
	if (action.type != RTE_FLOW_ACTION_TYPE_COUNT) {
		printf("Cannot query action type %d (%s)\n", type, flow_action_name(action.type));
		return -1;
	}
	if (rte_flow_query(port_id, f->flow, &action, &count, &error))
		return flow_complain(&error);
	printf("COUNT:\n hits_set: %u\n bytes_set: %u\n hits: %" PRIu64 "\n bytes: %" PRIu64 "\n",
	       count.hits_set, count.bytes_set, count.hits, count.bytes);
	return 0;
}

/* "flow isolate P 0|1" */
static int
flow_isolate(uint16_t port_id, char **tok, int n)
{
	struct rte_flow_error error = {0};
	unsigned long set;

	if (n != 1) {
		printf("Bad arguments: try 'flow isolate P 0|1'\n");
		return -1;
	}
	if (cmd_number_arg("flow isolate", tok[0], 0, 1, &set) < 0)
		return -1;
	if (rte_flow_isolate(port_id, (int)set, &error))
		return flow_complain(&error);
	printf("Ingress traffic on port %u is %s to the defined flow rules\n", port_id,
	       set ? "now restricted" : "not restricted anymore");
	return 0;
}

int
cmd_flow(char **tok, int n)
{
	const char *sub = n >= 2 ? tok[1] : NULL;
	int port;

	if (sub == NULL || n < 3) {
		printf("Bad arguments: try 'flow validate|create|destroy|flush|list|query|isolate "
		       "P ...'\n");
		return -1;
	}
	port = cmd_one_port_arg(tok[2]);
	if (port < 0)
		return -1;
	tok += 3;
	n -= 3;
	if (strcmp(sub, "validate") == 0 || strcmp(sub, "create") == 0)
		return flow_validate_create((uint16_t)port, sub[0] == 'c', tok, n);
	if (strcmp(sub, "destroy") == 0)
		return flow_destroy((uint16_t)port, tok, n);
	if (strcmp(sub, "list") == 0)
		return flow_list((uint16_t)port, tok, n);
	if (strcmp(sub, "query") == 0)
		return flow_query((uint16_t)port, tok, n);
	if (strcmp(sub, "isolate") == 0)
		return flow_isolate((uint16_t)port, tok, n);
	if (strcmp(sub, "flush") == 0 && n == 0)
		return flow_flush((uint16_t)port);
	printf("Bad arguments: 'flow %s'; try 'flow validate|create|destroy|flush|list|query|"
	       "isolate P ...'\n",
	       sub);
	return -1;
}
