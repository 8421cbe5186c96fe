/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Generic flow API: match packets with a pattern of items and apply a list
 * of actions. Only the common items and actions are declared; their enum
 * values follow DPDK 22.11's order so rules built by applications keep the
 * same numeric meaning. The rules themselves are the driver's business
 * (struct rte_flow_ops in rte_flow_driver.h).
 */
#ifndef _RTE_FLOW_H_
#define _RTE_FLOW_H_

#include <stddef.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_byteorder.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Which packets a rule applies to and where it sits among the others. */
struct rte_flow_attr {
	uint32_t group;
	uint32_t priority; /* lower value wins inside a group */
	uint32_t ingress : 1;
	uint32_t egress : 1;
	uint32_t transfer : 1;
	uint32_t reserved : 29; /* zero */
};

/* Values are positional in DPDK 22.11: never reorder or insert. */
enum rte_flow_item_type {
	RTE_FLOW_ITEM_TYPE_END,
	RTE_FLOW_ITEM_TYPE_VOID,
	RTE_FLOW_ITEM_TYPE_INVERT,
	RTE_FLOW_ITEM_TYPE_ANY,
	RTE_FLOW_ITEM_TYPE_PORT_ID,
	RTE_FLOW_ITEM_TYPE_RAW,
	RTE_FLOW_ITEM_TYPE_ETH,
	RTE_FLOW_ITEM_TYPE_VLAN,
	RTE_FLOW_ITEM_TYPE_IPV4,
	RTE_FLOW_ITEM_TYPE_IPV6,
	RTE_FLOW_ITEM_TYPE_ICMP,
	RTE_FLOW_ITEM_TYPE_UDP,
	RTE_FLOW_ITEM_TYPE_TCP,
	RTE_FLOW_ITEM_TYPE_SCTP,
	RTE_FLOW_ITEM_TYPE_VXLAN,
};

/* One pattern element: spec, last (range end) and mask may each be NULL. */
struct rte_flow_item {
	enum rte_flow_item_type type;
	const void *spec;
	const void *last;
	const void *mask;
};

struct rte_flow_item_eth {
	union {
		struct {
			struct rte_ether_addr dst;
			struct rte_ether_addr src;
			rte_be16_t type;
		};
		struct rte_ether_hdr hdr;
	};
	uint32_t has_vlan : 1;
	uint32_t reserved : 31;
};

struct rte_flow_item_vlan {
	union {
		struct {
			rte_be16_t tci;
			rte_be16_t inner_type;
		};
		struct rte_vlan_hdr hdr;
	};
	uint32_t has_more_vlan : 1;
	uint32_t reserved : 31;
};

struct rte_flow_item_ipv4 {
	struct rte_ipv4_hdr hdr;
};

struct rte_flow_item_ipv6 {
	struct rte_ipv6_hdr hdr;
	uint32_t has_hop_ext : 1;
	uint32_t has_route_ext : 1;
	uint32_t has_frag_ext : 1;
	uint32_t has_auth_ext : 1;
	uint32_t has_esp_ext : 1;
	uint32_t has_dest_ext : 1;
	uint32_t has_mobil_ext : 1;
	uint32_t has_hip_ext : 1;
	uint32_t has_shim6_ext : 1;
	uint32_t reserved : 23;
};

struct rte_flow_item_udp {
	struct rte_udp_hdr hdr;
};

struct rte_flow_item_tcp {
	struct rte_tcp_hdr hdr;
};

struct rte_flow_item_icmp {
	struct rte_icmp_hdr hdr;
};

/* Default masks: what an item matches when the application gives no mask. */
#ifndef __cplusplus
static const struct rte_flow_item_eth rte_flow_item_eth_mask = {
	.hdr.dst_addr.addr_bytes = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	.hdr.src_addr.addr_bytes = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff},
	.hdr.ether_type = RTE_BE16(0),
};

static const struct rte_flow_item_vlan rte_flow_item_vlan_mask = {
	.hdr.vlan_tci = RTE_BE16(0x0fff), /* the VLAN id, not PCP/DEI */
	.hdr.eth_proto = RTE_BE16(0),
};

static const struct rte_flow_item_ipv4 rte_flow_item_ipv4_mask = {
	.hdr.src_addr = RTE_BE32(0xffffffff),
	.hdr.dst_addr = RTE_BE32(0xffffffff),
};

static const struct rte_flow_item_ipv6 rte_flow_item_ipv6_mask = {
	.hdr.src_addr = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			 0xff, 0xff, 0xff, 0xff},
	.hdr.dst_addr = {0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff,
			 0xff, 0xff, 0xff, 0xff},
};

static const struct rte_flow_item_udp rte_flow_item_udp_mask = {
	.hdr.src_port = RTE_BE16(0xffff),
	.hdr.dst_port = RTE_BE16(0xffff),
};

static const struct rte_flow_item_tcp rte_flow_item_tcp_mask = {
	.hdr.src_port = RTE_BE16(0xffff),
	.hdr.dst_port = RTE_BE16(0xffff),
};

static const struct rte_flow_item_icmp rte_flow_item_icmp_mask = {
	.hdr.icmp_type = 0xff,
	.hdr.icmp_code = 0xff,
};
#endif

/* Values are positional in DPDK 22.11: never reorder or insert. */
enum rte_flow_action_type {
	RTE_FLOW_ACTION_TYPE_END,
	RTE_FLOW_ACTION_TYPE_VOID,
	RTE_FLOW_ACTION_TYPE_PASSTHRU,
	RTE_FLOW_ACTION_TYPE_JUMP,
	RTE_FLOW_ACTION_TYPE_MARK,
	RTE_FLOW_ACTION_TYPE_FLAG,
	RTE_FLOW_ACTION_TYPE_QUEUE,
	RTE_FLOW_ACTION_TYPE_DROP,
	RTE_FLOW_ACTION_TYPE_COUNT,
	RTE_FLOW_ACTION_TYPE_RSS,
	RTE_FLOW_ACTION_TYPE_PF,
	RTE_FLOW_ACTION_TYPE_VF,
	RTE_FLOW_ACTION_TYPE_PORT_ID,
	RTE_FLOW_ACTION_TYPE_METER,
};

/* One action; conf points at the type's configuration struct or is NULL. */
struct rte_flow_action {
	enum rte_flow_action_type type;
	const void *conf;
};

struct rte_flow_action_queue {
	uint16_t index;
};

struct rte_flow_action_mark {
	uint32_t id; /* delivered in the mbuf's FDIR id */
};

struct rte_flow_action_count {
	uint32_t id;
};

enum rte_eth_hash_function {
	RTE_ETH_HASH_FUNCTION_DEFAULT = 0,
	RTE_ETH_HASH_FUNCTION_TOEPLITZ,
	RTE_ETH_HASH_FUNCTION_SIMPLE_XOR,
	RTE_ETH_HASH_FUNCTION_SYMMETRIC_TOEPLITZ,
	RTE_ETH_HASH_FUNCTION_MAX,
};

struct rte_flow_action_rss {
	enum rte_eth_hash_function func;
	uint32_t level; /* encapsulation level; 0 lets the driver choose */
	uint64_t types; /* RTE_ETH_RSS_* */
	uint32_t key_len;
	uint32_t queue_num;
	const uint8_t *key;
	const uint16_t *queue;
};

/* Data filled by rte_flow_query for RTE_FLOW_ACTION_TYPE_COUNT. */
struct rte_flow_query_count {
	uint32_t reset : 1;	/* in: zero the counters after reading */
	uint32_t hits_set : 1;	/* out: hits is valid */
	uint32_t bytes_set : 1; /* out: bytes is valid */
	uint32_t reserved : 29;
	uint64_t hits;
	uint64_t bytes;
};

/* Which part of the request caused an error (DPDK 22.11 order). */
enum rte_flow_error_type {
	RTE_FLOW_ERROR_TYPE_NONE,
	RTE_FLOW_ERROR_TYPE_UNSPECIFIED,
	RTE_FLOW_ERROR_TYPE_HANDLE,
	RTE_FLOW_ERROR_TYPE_ATTR_GROUP,
	RTE_FLOW_ERROR_TYPE_ATTR_PRIORITY,
	RTE_FLOW_ERROR_TYPE_ATTR_INGRESS,
	RTE_FLOW_ERROR_TYPE_ATTR_EGRESS,
	RTE_FLOW_ERROR_TYPE_ATTR_TRANSFER,
	RTE_FLOW_ERROR_TYPE_ATTR,
	RTE_FLOW_ERROR_TYPE_ITEM_NUM,
	RTE_FLOW_ERROR_TYPE_ITEM_SPEC,
	RTE_FLOW_ERROR_TYPE_ITEM_LAST,
	RTE_FLOW_ERROR_TYPE_ITEM_MASK,
	RTE_FLOW_ERROR_TYPE_ITEM,
	RTE_FLOW_ERROR_TYPE_ACTION_NUM,
	RTE_FLOW_ERROR_TYPE_ACTION_CONF,
	RTE_FLOW_ERROR_TYPE_ACTION,
	RTE_FLOW_ERROR_TYPE_STATE,
};

/* Filled on failure when the caller passes one; message is static text. */
struct rte_flow_error {
	enum rte_flow_error_type type;
	const void *cause; /* the offending object, or NULL */
	const char *message;
};

/* Opaque rule handle owned by the driver. */
struct rte_flow;

/*
 * All of these fail with a negative errno, set rte_errno to its opposite and
 * fill *error when error is not NULL:
 *   ENODEV  port_id is not a valid port;
 *   ENOSYS  the port's driver has no flow support, or not this operation;
 *   EINVAL  transfer combined with ingress or egress (validate);
 *   others  from the driver (ENOTSUP, EEXIST, ENOMEM, EBUSY, EIO...).
 */
int rte_flow_validate(uint16_t port_id, const struct rte_flow_attr *attr,
		      const struct rte_flow_item pattern[], const struct rte_flow_action actions[],
		      struct rte_flow_error *error);
/* The rule, or NULL with rte_errno set (see above). */
struct rte_flow *rte_flow_create(uint16_t port_id, const struct rte_flow_attr *attr,
				 const struct rte_flow_item pattern[],
				 const struct rte_flow_action actions[],
				 struct rte_flow_error *error);
int rte_flow_destroy(uint16_t port_id, struct rte_flow *flow, struct rte_flow_error *error);
int rte_flow_flush(uint16_t port_id, struct rte_flow_error *error);
int rte_flow_query(uint16_t port_id, struct rte_flow *flow, const struct rte_flow_action *action,
		   void *data, struct rte_flow_error *error);
/* set != 0: only packets matching rules reach the application. */
int rte_flow_isolate(uint16_t port_id, int set, struct rte_flow_error *error);

/* Fill *error (if not NULL), set rte_errno to code; returns -code. */
int rte_flow_error_set(struct rte_flow_error *error, int code, enum rte_flow_error_type type,
		       const void *cause, const char *message);

#ifdef __cplusplus
}
#endif

#endif
