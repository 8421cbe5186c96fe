/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DPDK testpmd's flow rule grammar for the common items and actions.
 * Each item field is a (name, offset, size, kind) entry: one value parser
 * serves every field, and "is", "spec", "last", "mask" and "prefix" only
 * differ in which of the item's three copies they write.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "flow_parse.h"

enum flow_field_kind {
	FIELD_UINT, /* big-endian integer of size bytes */
	FIELD_MAC,
	FIELD_IPV4,
	FIELD_IPV6,
};

struct flow_field {
	const char *name;
	uint16_t offset;
	uint8_t size;
	enum flow_field_kind kind;
};

struct flow_item_desc {
	const char *word;
	const char *name; /* as rte_flow_conv names it */
	enum rte_flow_item_type type;
	const struct flow_field *fields;
	unsigned int nb_fields;
};

#define FIELD(st, member, n, k)                                                                 \
	{                                                                                       \
		.name = (n), .offset = offsetof(st, member), .size = sizeof(((st *)0)->member), \
		.kind = (k)                                                                     \
	}

static const struct flow_field eth_fields[] = {
	FIELD(struct rte_flow_item_eth, dst, "dst", FIELD_MAC),
	FIELD(struct rte_flow_item_eth, src, "src", FIELD_MAC),
	FIELD(struct rte_flow_item_eth, type, "type", FIELD_UINT),
};

static const struct flow_field vlan_fields[] = {
	FIELD(struct rte_flow_item_vlan, tci, "tci", FIELD_UINT),
	FIELD(struct rte_flow_item_vlan, inner_type, "inner_type", FIELD_UINT),
};

static const struct flow_field ipv4_fields[] = {
	FIELD(struct rte_flow_item_ipv4, hdr.type_of_service, "tos", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv4, hdr.packet_id, "packet_id", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv4, hdr.fragment_offset, "fragment_offset", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv4, hdr.time_to_live, "ttl", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv4, hdr.next_proto_id, "proto", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv4, hdr.src_addr, "src", FIELD_IPV4),
	FIELD(struct rte_flow_item_ipv4, hdr.dst_addr, "dst", FIELD_IPV4),
};

static const struct flow_field ipv6_fields[] = {
	FIELD(struct rte_flow_item_ipv6, hdr.proto, "proto", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv6, hdr.hop_limits, "hop", FIELD_UINT),
	FIELD(struct rte_flow_item_ipv6, hdr.src_addr, "src", FIELD_IPV6),
	FIELD(struct rte_flow_item_ipv6, hdr.dst_addr, "dst", FIELD_IPV6),
};

static const struct flow_field udp_fields[] = {
	FIELD(struct rte_flow_item_udp, hdr.src_port, "src", FIELD_UINT),
	FIELD(struct rte_flow_item_udp, hdr.dst_port, "dst", FIELD_UINT),
};

static const struct flow_field tcp_fields[] = {
	FIELD(struct rte_flow_item_tcp, hdr.src_port, "src", FIELD_UINT),
	FIELD(struct rte_flow_item_tcp, hdr.dst_port, "dst", FIELD_UINT),
	FIELD(struct rte_flow_item_tcp, hdr.tcp_flags, "flags", FIELD_UINT),
};

static const struct flow_field icmp_fields[] = {
	FIELD(struct rte_flow_item_icmp, hdr.icmp_type, "type", FIELD_UINT),
	FIELD(struct rte_flow_item_icmp, hdr.icmp_code, "code", FIELD_UINT),
	FIELD(struct rte_flow_item_icmp, hdr.icmp_ident, "ident", FIELD_UINT),
	FIELD(struct rte_flow_item_icmp, hdr.icmp_seq_nb, "seq", FIELD_UINT),
};

#define ITEM(w, n, t, f)                                                                      \
	{                                                                                     \
		.word = (w), .name = (n), .type = (t), .fields = (f), .nb_fields = RTE_DIM(f) \
	}

static const struct flow_item_desc flow_items[] = {
	ITEM("eth", "ETH", RTE_FLOW_ITEM_TYPE_ETH, eth_fields),
	ITEM("vlan", "VLAN", RTE_FLOW_ITEM_TYPE_VLAN, vlan_fields),
	ITEM("ipv4", "IPV4", RTE_FLOW_ITEM_TYPE_IPV4, ipv4_fields),
	ITEM("ipv6", "IPV6", RTE_FLOW_ITEM_TYPE_IPV6, ipv6_fields),
	ITEM("udp", "UDP", RTE_FLOW_ITEM_TYPE_UDP, udp_fields),
	ITEM("tcp", "TCP", RTE_FLOW_ITEM_TYPE_TCP, tcp_fields),
	ITEM("icmp", "ICMP", RTE_FLOW_ITEM_TYPE_ICMP, icmp_fields),
};

static const struct {
	const char *word;
	const char *name;
	enum rte_flow_action_type type;
} flow_actions[] = {
	{"void", "VOID", RTE_FLOW_ACTION_TYPE_VOID},
	{"passthru", "PASSTHRU", RTE_FLOW_ACTION_TYPE_PASSTHRU},
	{"mark", "MARK", RTE_FLOW_ACTION_TYPE_MARK},
	{"queue", "QUEUE", RTE_FLOW_ACTION_TYPE_QUEUE},
	{"drop", "DROP", RTE_FLOW_ACTION_TYPE_DROP},
	{"count", "COUNT", RTE_FLOW_ACTION_TYPE_COUNT},
	{"rss", "RSS", RTE_FLOW_ACTION_TYPE_RSS},
};

const char *
flow_item_name(enum rte_flow_item_type type)
{
	for (size_t i = 0; i < RTE_DIM(flow_items); i++)
		if (flow_items[i].type == type)
			return flow_items[i].name;
	return "[UNKNOWN]";
}

const char *
flow_action_name(enum rte_flow_action_type type)
{
	for (size_t i = 0; i < RTE_DIM(flow_actions); i++)
		if (flow_actions[i].type == type)
			return flow_actions[i].name;
	return "[UNKNOWN]";
}

int
flow_action_type_find(const char *word)
{
	for (size_t i = 0; i < RTE_DIM(flow_actions); i++)
		if (strcmp(flow_actions[i].word, word) == 0)
			return (int)flow_actions[i].type;
	return -1;
}

/* The words of the rule and the next one to read. */
struct flow_cursor {
	char **tok;
	int n;
	int i;
};

static const char *
cursor_next(struct flow_cursor *c)
{
	return c->i < c->n ? c->tok[c->i++] : NULL;
}

static int
parse_fail(const char *cause, const char *word, const char *fix)
{
	printf("Bad arguments: %s '%s'; %s\n", cause, word != NULL ? word : "(nothing)", fix);
	return -1;
}

static int
parse_u32(const char *what, const char *word, uint32_t max, uint32_t *val)
{
	unsigned long long v;
	char *end;

	if (word == NULL || word[0] == '-' || word[0] == '+')
		goto bad;
	errno = 0;
	v = strtoull(word, &end, 0);
	if (errno != 0 || end == word || *end != '\0' || v > max)
		goto bad;
	*val = (uint32_t)v;
	return 0;
bad:
	printf("Bad arguments: '%s' for %s; give a number in 0..%u\n",
	       word != NULL ? word : "(nothing)", what, max);
	return -1;
}

/* Write the value of one field, in network order, at out (field->size bytes). */
static int
field_value_parse(const struct flow_field *f, const char *word, uint8_t *out)
{
	struct rte_ether_addr mac;
	uint32_t v;

	if (word == NULL)
		return parse_fail("missing value of field", f->name, "give one after the operator");
	switch (f->kind) {
	case FIELD_MAC:
		if (rte_ether_unformat_addr(word, &mac) != 0)
			return parse_fail("not a MAC address:", word, "use XX:XX:XX:XX:XX:XX");
		memcpy(out, mac.addr_bytes, RTE_ETHER_ADDR_LEN);
		return 0;
	case FIELD_IPV4:
		if (inet_pton(AF_INET, word, out) != 1)
			return parse_fail("not an IPv4 address:", word, "use A.B.C.D");
		return 0;
	case FIELD_IPV6:
		if (inet_pton(AF_INET6, word, out) != 1)
			return parse_fail("not an IPv6 address:", word, "use the form 2001:db8::1");
		return 0;
	case FIELD_UINT:
		if (parse_u32(f->name, word, (uint32_t)(((uint64_t)1 << (8 * f->size)) - 1), &v) <
		    0)
			return -1;
		for (int b = f->size - 1; b >= 0; b--, v >>= 8)
			out[b] = (uint8_t)v;
		return 0;
	}
	return -1;
}

/* The first bits leading ones over the field's bytes: "src prefix 24". */
static int
field_prefix_set(const struct flow_field *f, const char *word, uint8_t *out)
{
	uint32_t bits;

	if (parse_u32("prefix", word, 8u * f->size, &bits) < 0)
		return -1;
	for (unsigned int b = 0; b<f->size; b++, bits = bits> 8 ? bits - 8 : 0)
		out[b] = bits >= 8 ? 0xff : (uint8_t)(0xff00 >> bits);
	return 0;
}

/* One "FIELD OP VALUE" of item k. */
static int
item_field_parse(struct flow_cursor *c, const struct flow_item_desc *item, const char *name,
		 struct flow_rule_desc *d, unsigned int k)
{
	const struct flow_field *f = NULL;
	const char *op, *val;
	uint8_t *spec = (uint8_t *)&d->spec[k], *last = (uint8_t *)&d->last[k];
	uint8_t *mask = (uint8_t *)&d->mask[k];

	for (unsigned int j = 0; j < item->nb_fields; j++)
		if (strcmp(item->fields[j].name, name) == 0)
			f = &item->fields[j];
	if (f == NULL) {
		printf("Bad arguments: item '%s' has no field '%s'; its fields are", item->word,
		       name);
		for (unsigned int j = 0; j < item->nb_fields; j++)
			printf(" %s", item->fields[j].name);
		printf("\n");
		return -1;
	}
	op = cursor_next(c);
	val = cursor_next(c);
	if (op == NULL)
		return parse_fail("missing operator after field", name,
				  "use is, spec, last, mask or prefix");
	if (strcmp(op, "is") == 0) {
		if (field_value_parse(f, val, spec + f->offset) < 0)
			return -1;
		memset(mask + f->offset, 0xff, f->size);
		d->items[k].spec = spec;
		d->items[k].mask = mask;
	} else if (strcmp(op, "spec") == 0) {
		if (field_value_parse(f, val, spec + f->offset) < 0)
			return -1;
		d->items[k].spec = spec;
	} else if (strcmp(op, "last") == 0) {
		if (field_value_parse(f, val, last + f->offset) < 0)
			return -1;
		d->items[k].last = last;
	} else if (strcmp(op, "mask") == 0) {
		if (field_value_parse(f, val, mask + f->offset) < 0)
			return -1;
		d->items[k].mask = mask;
	} else if (strcmp(op, "prefix") == 0) {
		if (field_prefix_set(f, val, mask + f->offset) < 0)
			return -1;
		d->items[k].mask = mask;
	} else {
		return parse_fail("unknown operator", op, "use is, spec, last, mask or prefix");
	}
	return 0;
}

/* "pattern ITEM [FIELD OP VALUE]... / ... / end" */
static int
pattern_parse(struct flow_cursor *c, struct flow_rule_desc *d)
{
	unsigned int k = 0;
	const char *w = cursor_next(c);

	while (w != NULL && strcmp(w, "end") != 0) {
		const struct flow_item_desc *item = NULL;

		for (size_t j = 0; j < RTE_DIM(flow_items); j++)
			if (strcmp(flow_items[j].word, w) == 0)
				item = &flow_items[j];
		if (item == NULL)
			return parse_fail("unknown pattern item", w,
					  "use eth, vlan, ipv4, ipv6, udp, tcp, icmp or end");
		if (k == FLOW_MAX_ITEMS) {
			printf("Bad arguments: more than %d pattern items\n", FLOW_MAX_ITEMS);
			return -1;
		}
		d->items[k].type = item->type;
		for (w = cursor_next(c); w != NULL && strcmp(w, "/") != 0 && strcmp(w, "end") != 0;
		     w = cursor_next(c))
			if (item_field_parse(c, item, w, d, k) < 0)
				return -1;
		k++;
		if (w != NULL && strcmp(w, "/") == 0)
			w = cursor_next(c);
	}
	if (w == NULL)
		return parse_fail("pattern ends without", "end", "close it with '/ end'");
	d->items[k].type = RTE_FLOW_ITEM_TYPE_END;
	return 0;
}

/* "rss [queues Q... end]": the queues go to the rule's one queue array. */
static int
rss_parse(struct flow_cursor *c, struct flow_rule_desc *d, struct rte_flow_action_rss *rss)
{
	const char *w;

	if (rss->queue != NULL) {
		printf("Bad arguments: one rss action a rule\n");
		return -1;
	}
	rss->queue = d->rss_queues;
	if (c->i >= c->n || strcmp(c->tok[c->i], "queues") != 0)
		return 0;
	c->i++;
	while ((w = cursor_next(c)) != NULL && strcmp(w, "end") != 0) {
		uint32_t q;

		if (rss->queue_num == TESTPMD_MAX_QUEUES) {
			printf("Bad arguments: more than %d rss queues\n", TESTPMD_MAX_QUEUES);
			return -1;
		}
		if (parse_u32("rss queue", w, UINT16_MAX, &q) < 0)
			return -1;
		d->rss_queues[rss->queue_num++] = (uint16_t)q;
	}
	if (w == NULL)
		return parse_fail("rss queues end without", "end", "close the list with 'end'");
	return 0;
}

/* The arguments of action k, after its word. */
static int
action_conf_parse(struct flow_cursor *c, struct flow_rule_desc *d, unsigned int k)
{
	union flow_action_conf *conf = &d->conf[k];
	const char *w;
	uint32_t v;

	switch (d->actions[k].type) {
	case RTE_FLOW_ACTION_TYPE_QUEUE:
		w = cursor_next(c);
		if (w == NULL || strcmp(w, "index") != 0)
			return parse_fail("queue takes", w, "write 'queue index N'");
		if (parse_u32("queue index", cursor_next(c), UINT16_MAX, &v) < 0)
			return -1;
		conf->queue.index = (uint16_t)v;
		break;
	case RTE_FLOW_ACTION_TYPE_MARK:
		w = cursor_next(c);
		if (w == NULL || strcmp(w, "id") != 0)
			return parse_fail("mark takes", w, "write 'mark id N'");
		if (parse_u32("mark id", cursor_next(c), UINT32_MAX, &v) < 0)
			return -1;
		conf->mark.id = v;
		break;
	case RTE_FLOW_ACTION_TYPE_RSS:
		if (rss_parse(c, d, &conf->rss) < 0)
			return -1;
		break;
	case RTE_FLOW_ACTION_TYPE_COUNT:
		break;
	default:
		/* void, passthru, drop: nothing to configure */
		return 0;
	}
	d->actions[k].conf = conf;
	return 0;
}

/* "actions ACTION [ARGS] / ... / end" */
static int
actions_parse(struct flow_cursor *c, struct flow_rule_desc *d)
{
	unsigned int k = 0;
	const char *w = cursor_next(c);

	while (w != NULL && strcmp(w, "end") != 0) {
		int type = flow_action_type_find(w);

		if (type < 0)
			return parse_fail(
				"unknown action", w,
				"use queue, drop, mark, rss, count, passthru, void or end");
		if (k == FLOW_MAX_ACTIONS) {
			printf("Bad arguments: more than %d actions\n", FLOW_MAX_ACTIONS);
			return -1;
		}
		d->actions[k].type = (enum rte_flow_action_type)type;
		if (action_conf_parse(c, d, k) < 0)
			return -1;
		k++;
		w = cursor_next(c);
		if (w != NULL && strcmp(w, "/") == 0)
			w = cursor_next(c);
		else if (w != NULL && strcmp(w, "end") != 0)
			return parse_fail("unexpected", w, "separate actions with '/'");
	}
	if (w == NULL)
		return parse_fail("actions end without", "end", "close them with '/ end'");
	d->actions[k].type = RTE_FLOW_ACTION_TYPE_END;
	return 0;
}

/* "group N", "priority N", "ingress", "egress", "transfer" up to "pattern". */
static int
attr_parse(struct flow_cursor *c, struct rte_flow_attr *attr)
{
	const char *w;
	uint32_t v;

	while ((w = cursor_next(c)) != NULL && strcmp(w, "pattern") != 0) {
		if (strcmp(w, "ingress") == 0) {
			attr->ingress = 1;
		} else if (strcmp(w, "egress") == 0) {
			attr->egress = 1;
		} else if (strcmp(w, "transfer") == 0) {
			attr->transfer = 1;
		} else if (strcmp(w, "group") == 0) {
			if (parse_u32("group", cursor_next(c), UINT32_MAX, &v) < 0)
				return -1;
			attr->group = v;
		} else if (strcmp(w, "priority") == 0) {
			if (parse_u32("priority", cursor_next(c), UINT32_MAX, &v) < 0)
				return -1;
			attr->priority = v;
		} else {
			return parse_fail("unknown attribute", w,
					  "use group N, priority N, ingress, egress, transfer, "
					  "then pattern");
		}
	}
	if (w == NULL)
		return parse_fail("no", "pattern", "give 'pattern ITEM / ... / end'");
	return 0;
}

int
flow_rule_parse(char **tok, int n, struct flow_rule_desc *desc)
{
	struct flow_cursor c = {.tok = tok, .n = n, .i = 0};
	const char *w;

	memset(desc, 0, sizeof(*desc));
	if (attr_parse(&c, &desc->attr) < 0 || pattern_parse(&c, desc) < 0)
		return -1;
	w = cursor_next(&c);
	if (w == NULL || strcmp(w, "actions") != 0)
		return parse_fail("expected 'actions' after the pattern, not", w,
				  "give 'actions ACTION / ... / end'");
	if (actions_parse(&c, desc) < 0)
		return -1;
	if (c.i < c.n)
		return parse_fail("unexpected", c.tok[c.i], "nothing goes after the actions' end");
	return 0;
}
