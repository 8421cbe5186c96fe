/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet ports: the DPDK 22.11 ethdev API. Types and control functions
 * are here; the burst fast path is in rte_ethdev_fp.h (included at the end).
 *
 * Control functions return 0 or a negative errno: -ENODEV for a port id
 * that is not in use, -EINVAL for a bad argument or queue id, -EBUSY for a
 * call the port's current state forbids, -ENOTSUP when the driver lacks it;
 * a driver's own negative errno is passed on as is. They leave rte_errno
 * alone unless their comment says otherwise.
 */
#ifndef _RTE_ETHDEV_H_
#define _RTE_ETHDEV_H_

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <sys/queue.h>
#include <time.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_config.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_ether.h>
/* DPDK's rte_ethdev.h brings rte_flow.h (through rte_eth_ctrl.h), and with
 * it the protocol headers applications use without including them. */
#include <rte_flow.h>
/* DPDK's brings it through rte_trace_point.h; applications rely on its strlcpy */
#include <rte_string_fns.h>
#include <rte_dev_info.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_ETHDEV_HAS_LRO_SUPPORT

#ifndef RTE_BIT32
#define RTE_BIT32(nr) (UINT32_C(1) << (nr))
#endif
#ifndef RTE_BIT64
#define RTE_BIT64(nr) (UINT64_C(1) << (nr))
#endif

extern int rte_eth_dev_logtype;
#define RTE_ETHDEV_LOG(level, ...) \
	rte_log(RTE_LOG_ ## level, rte_eth_dev_logtype, "" __VA_ARGS__)

struct rte_mbuf;
struct rte_mempool;

/* Basic statistics; q_* only for the first RTE_ETHDEV_QUEUE_STAT_CNTRS queues. */
struct rte_eth_stats {
	uint64_t ipackets;
	uint64_t opackets;
	uint64_t ibytes;
	uint64_t obytes;
	uint64_t imissed;
	uint64_t ierrors;
	uint64_t oerrors;
	uint64_t rx_nombuf;
	uint64_t q_ipackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_opackets[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_ibytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_obytes[RTE_ETHDEV_QUEUE_STAT_CNTRS];
	uint64_t q_errors[RTE_ETHDEV_QUEUE_STAT_CNTRS];
};

/* Link speed capability and request bits (speed_capa, link_speeds). */
#define RTE_ETH_LINK_SPEED_AUTONEG 0
#define RTE_ETH_LINK_SPEED_FIXED RTE_BIT32(0)
#define RTE_ETH_LINK_SPEED_10M_HD RTE_BIT32(1)
#define RTE_ETH_LINK_SPEED_10M RTE_BIT32(2)
#define RTE_ETH_LINK_SPEED_100M_HD RTE_BIT32(3)
#define RTE_ETH_LINK_SPEED_100M RTE_BIT32(4)
#define RTE_ETH_LINK_SPEED_1G RTE_BIT32(5)
#define RTE_ETH_LINK_SPEED_2_5G RTE_BIT32(6)
#define RTE_ETH_LINK_SPEED_5G RTE_BIT32(7)
#define RTE_ETH_LINK_SPEED_10G RTE_BIT32(8)
#define RTE_ETH_LINK_SPEED_20G RTE_BIT32(9)
#define RTE_ETH_LINK_SPEED_25G RTE_BIT32(10)
#define RTE_ETH_LINK_SPEED_40G RTE_BIT32(11)
#define RTE_ETH_LINK_SPEED_50G RTE_BIT32(12)
#define RTE_ETH_LINK_SPEED_56G RTE_BIT32(13)
#define RTE_ETH_LINK_SPEED_100G RTE_BIT32(14)
#define RTE_ETH_LINK_SPEED_200G RTE_BIT32(15)

/* Link speeds in Mbps. */
#define RTE_ETH_SPEED_NUM_NONE 0
#define RTE_ETH_SPEED_NUM_10M 10
#define RTE_ETH_SPEED_NUM_100M 100
#define RTE_ETH_SPEED_NUM_1G 1000
#define RTE_ETH_SPEED_NUM_2_5G 2500
#define RTE_ETH_SPEED_NUM_5G 5000
#define RTE_ETH_SPEED_NUM_10G 10000
#define RTE_ETH_SPEED_NUM_20G 20000
#define RTE_ETH_SPEED_NUM_25G 25000
#define RTE_ETH_SPEED_NUM_40G 40000
#define RTE_ETH_SPEED_NUM_50G 50000
#define RTE_ETH_SPEED_NUM_56G 56000
#define RTE_ETH_SPEED_NUM_100G 100000
#define RTE_ETH_SPEED_NUM_200G 200000
#define RTE_ETH_SPEED_NUM_UNKNOWN UINT32_MAX

/* 8 bytes so that drivers can update it with one atomic store. */
__extension__
struct rte_eth_link {
	uint32_t link_speed;
	uint16_t link_duplex : 1;
	uint16_t link_autoneg : 1;
	uint16_t link_status : 1;
} __rte_aligned(8);

#define RTE_ETH_LINK_HALF_DUPLEX 0
#define RTE_ETH_LINK_FULL_DUPLEX 1
#define RTE_ETH_LINK_DOWN 0
#define RTE_ETH_LINK_UP 1
#define RTE_ETH_LINK_FIXED 0
#define RTE_ETH_LINK_AUTONEG 1
#define RTE_ETH_LINK_MAX_STR_LEN 40

struct rte_eth_thresh {
	uint8_t pthresh;
	uint8_t hthresh;
	uint8_t wthresh;
};

#define RTE_ETH_MQ_RX_RSS_FLAG RTE_BIT32(0)
#define RTE_ETH_MQ_RX_DCB_FLAG RTE_BIT32(1)
#define RTE_ETH_MQ_RX_VMDQ_FLAG RTE_BIT32(2)

enum rte_eth_rx_mq_mode {
	RTE_ETH_MQ_RX_NONE = 0,
	RTE_ETH_MQ_RX_RSS = RTE_ETH_MQ_RX_RSS_FLAG,
	RTE_ETH_MQ_RX_DCB = RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_ONLY = RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_VMDQ_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB = RTE_ETH_MQ_RX_VMDQ_FLAG | RTE_ETH_MQ_RX_DCB_FLAG,
	RTE_ETH_MQ_RX_VMDQ_DCB_RSS = RTE_ETH_MQ_RX_RSS_FLAG | RTE_ETH_MQ_RX_DCB_FLAG |
				     RTE_ETH_MQ_RX_VMDQ_FLAG,
};

enum rte_eth_tx_mq_mode {
	RTE_ETH_MQ_TX_NONE = 0,
	RTE_ETH_MQ_TX_DCB,
	RTE_ETH_MQ_TX_VMDQ_DCB,
	RTE_ETH_MQ_TX_VMDQ_ONLY,
};

struct rte_eth_rxmode {
	enum rte_eth_rx_mq_mode mq_mode;
	uint32_t mtu;			/* 0: the driver's default (1500) */
	uint32_t max_lro_pkt_size;
	uint64_t offloads;		/* RTE_ETH_RX_OFFLOAD_* */
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

enum rte_vlan_type {
	RTE_ETH_VLAN_TYPE_UNKNOWN = 0,
	RTE_ETH_VLAN_TYPE_INNER,
	RTE_ETH_VLAN_TYPE_OUTER,
	RTE_ETH_VLAN_TYPE_MAX,
};

struct rte_vlan_filter_conf {
	uint64_t ids[64];
};

struct rte_eth_rss_conf {
	uint8_t *rss_key;	/* NULL: keep the current key */
	uint8_t rss_key_len;
	uint64_t rss_hf;	/* RTE_ETH_RSS_* */
};

#include <rte_ethdev_rss.h>

struct rte_eth_rss_reta_entry64 {
	uint64_t mask;		/* which of reta[] to read or write */
	uint16_t reta[RTE_ETH_RETA_GROUP_SIZE];
};

enum rte_eth_nb_tcs {
	RTE_ETH_4_TCS = 4,
	RTE_ETH_8_TCS = 8
};

enum rte_eth_nb_pools {
	RTE_ETH_8_POOLS = 8,
	RTE_ETH_16_POOLS = 16,
	RTE_ETH_32_POOLS = 32,
	RTE_ETH_64_POOLS = 64
};

#define RTE_ETH_VMDQ_MAX_VLAN_FILTERS 64
#define RTE_ETH_DCB_NUM_USER_PRIORITIES 8
#define RTE_ETH_VMDQ_DCB_NUM_QUEUES 128
#define RTE_ETH_DCB_NUM_QUEUES 128
#define RTE_ETH_DCB_PG_SUPPORT RTE_BIT32(0)
#define RTE_ETH_DCB_PFC_SUPPORT RTE_BIT32(1)

#define RTE_ETH_VLAN_STRIP_OFFLOAD 0x0001
#define RTE_ETH_VLAN_FILTER_OFFLOAD 0x0002
#define RTE_ETH_VLAN_EXTEND_OFFLOAD 0x0004
#define RTE_ETH_QINQ_STRIP_OFFLOAD 0x0008
#define RTE_ETH_VLAN_STRIP_MASK 0x0001
#define RTE_ETH_VLAN_FILTER_MASK 0x0002
#define RTE_ETH_VLAN_EXTEND_MASK 0x0004
#define RTE_ETH_QINQ_STRIP_MASK 0x0008
#define RTE_ETH_VLAN_ID_MAX 0x0FFF

#define RTE_ETH_NUM_RECEIVE_MAC_ADDR 128
#define RTE_ETH_VMDQ_NUM_UC_HASH_ARRAY 128
#define RTE_ETH_VMDQ_ACCEPT_UNTAG RTE_BIT32(0)
#define RTE_ETH_VMDQ_ACCEPT_HASH_MC RTE_BIT32(1)
#define RTE_ETH_VMDQ_ACCEPT_HASH_UC RTE_BIT32(2)
#define RTE_ETH_VMDQ_ACCEPT_BROADCAST RTE_BIT32(3)
#define RTE_ETH_VMDQ_ACCEPT_MULTICAST RTE_BIT32(4)

struct rte_eth_dcb_rx_conf {
	enum rte_eth_nb_tcs nb_tcs;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_dcb_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_dcb_tx_conf {
	enum rte_eth_nb_tcs nb_tcs;
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_tx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
};

struct rte_eth_vmdq_dcb_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t enable_default_pool;
	uint8_t default_pool;
	uint8_t nb_pool_maps;
	struct {
		uint16_t vlan_id;
		uint64_t pools;
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS];
	uint8_t dcb_tc[RTE_ETH_DCB_NUM_USER_PRIORITIES];
};

struct rte_eth_vmdq_rx_conf {
	enum rte_eth_nb_pools nb_queue_pools;
	uint8_t enable_default_pool;
	uint8_t default_pool;
	uint8_t enable_loop_back;
	uint8_t nb_pool_maps;
	uint32_t rx_mode;
	struct {
		uint16_t vlan_id;
		uint64_t pools;
	} pool_map[RTE_ETH_VMDQ_MAX_VLAN_FILTERS];
};

struct rte_eth_txmode {
	enum rte_eth_tx_mq_mode mq_mode;
	uint64_t offloads;		/* RTE_ETH_TX_OFFLOAD_* */
	uint16_t pvid;
	__extension__
	uint8_t hw_vlan_reject_tagged : 1,
		hw_vlan_reject_untagged : 1,
		hw_vlan_insert_pvid : 1;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

struct rte_eth_rxseg_split {
	struct rte_mempool *mp;
	uint16_t length;
	uint16_t offset;
	uint32_t proto_hdr;
};

union rte_eth_rxseg {
	struct rte_eth_rxseg_split split;
};

struct rte_eth_rxconf {
	struct rte_eth_thresh rx_thresh;
	uint16_t rx_free_thresh;
	uint8_t rx_drop_en;
	uint8_t rx_deferred_start;
	uint16_t rx_nseg;
	uint16_t share_group;
	uint16_t share_qid;
	uint64_t offloads;
	union rte_eth_rxseg *rx_seg;
	struct rte_mempool **rx_mempools;
	uint16_t rx_nmempool;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

struct rte_eth_txconf {
	struct rte_eth_thresh tx_thresh;
	uint16_t tx_rs_thresh;
	uint16_t tx_free_thresh;
	uint8_t tx_deferred_start;
	uint64_t offloads;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

struct rte_eth_desc_lim {
	uint16_t nb_max;
	uint16_t nb_min;
	uint16_t nb_align;
	uint16_t nb_seg_max;
	uint16_t nb_mtu_seg_max;
};

enum rte_eth_fc_mode {
	RTE_ETH_FC_NONE = 0,
	RTE_ETH_FC_RX_PAUSE,
	RTE_ETH_FC_TX_PAUSE,
	RTE_ETH_FC_FULL
};

struct rte_eth_fc_conf {
	uint32_t high_water;
	uint32_t low_water;
	uint16_t pause_time;
	uint16_t send_xon;
	enum rte_eth_fc_mode mode;
	uint8_t mac_ctrl_frame_fwd;
	uint8_t autoneg;
};

struct rte_eth_intr_conf {
	uint32_t lsc:1;		/* link status change interrupts */
	uint32_t rxq:1;		/* Rx queue interrupts */
	uint32_t rmv:1;		/* device removal interrupts */
};
#define rte_intr_conf rte_eth_intr_conf

struct rte_eth_conf {
	uint32_t link_speeds;		/* RTE_ETH_LINK_SPEED_*; 0 = autoneg */
	struct rte_eth_rxmode rxmode;
	struct rte_eth_txmode txmode;
	uint32_t lpbk_mode;
	struct {
		struct rte_eth_rss_conf rss_conf;
		struct rte_eth_vmdq_dcb_conf vmdq_dcb_conf;
		struct rte_eth_dcb_rx_conf dcb_rx_conf;
		struct rte_eth_vmdq_rx_conf vmdq_rx_conf;
	} rx_adv_conf;
	union {
		struct rte_eth_vmdq_dcb_tx_conf vmdq_dcb_tx_conf;
		struct rte_eth_dcb_tx_conf dcb_tx_conf;
		struct rte_eth_vmdq_tx_conf vmdq_tx_conf;
	} tx_adv_conf;
	uint32_t dcb_capability_en;
	struct rte_eth_intr_conf intr_conf;
};

#include <rte_ethdev_offload.h>

struct rte_eth_dev_portconf {
	uint16_t burst_size;
	uint16_t ring_size;
	uint16_t nb_queues;
};

#define RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID (UINT16_MAX)

struct rte_eth_switch_info {
	const char *name;
	uint16_t domain_id;
	uint16_t port_id;
	uint16_t rx_domain;
};

struct rte_eth_rxseg_capa {
	__extension__
	uint32_t multi_pools:1;
	uint32_t offset_allowed:1;
	uint32_t offset_align_log2:4;
	uint16_t max_nseg;
	uint16_t reserved;
};

enum rte_eth_err_handle_mode {
	RTE_ETH_ERROR_HANDLE_MODE_NONE,
	RTE_ETH_ERROR_HANDLE_MODE_PASSIVE,
	RTE_ETH_ERROR_HANDLE_MODE_PROACTIVE,
};

struct rte_eth_dev_info {
	struct rte_device *device;
	const char *driver_name;
	unsigned int if_index;
	uint16_t min_mtu;
	uint16_t max_mtu;
	const uint32_t *dev_flags;
	uint32_t min_rx_bufsize;
	uint32_t max_rx_pktlen;
	uint32_t max_lro_pkt_size;
	uint16_t max_rx_queues;
	uint16_t max_tx_queues;
	uint32_t max_mac_addrs;
	uint32_t max_hash_mac_addrs;
	uint16_t max_vfs;
	uint16_t max_vmdq_pools;
	struct rte_eth_rxseg_capa rx_seg_capa;
	uint64_t rx_offload_capa;
	uint64_t tx_offload_capa;
	uint64_t rx_queue_offload_capa;
	uint64_t tx_queue_offload_capa;
	uint16_t reta_size;
	uint8_t hash_key_size;
	uint64_t flow_type_rss_offloads;
	struct rte_eth_rxconf default_rxconf;
	struct rte_eth_txconf default_txconf;
	uint16_t vmdq_queue_base;
	uint16_t vmdq_queue_num;
	uint16_t vmdq_pool_base;
	struct rte_eth_desc_lim rx_desc_lim;
	struct rte_eth_desc_lim tx_desc_lim;
	uint32_t speed_capa;
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
	uint16_t max_rx_mempools;
	struct rte_eth_dev_portconf default_rxportconf;
	struct rte_eth_dev_portconf default_txportconf;
	uint64_t dev_capa;
	struct rte_eth_switch_info switch_info;
	enum rte_eth_err_handle_mode err_handle_mode;
	uint64_t reserved_64s[2];
	void *reserved_ptrs[2];
};

#define RTE_ETH_QUEUE_STATE_STOPPED 0
#define RTE_ETH_QUEUE_STATE_STARTED 1
#define RTE_ETH_QUEUE_STATE_HAIRPIN 2

struct rte_eth_rxq_info {
	struct rte_mempool *mp;
	struct rte_eth_rxconf conf;
	uint8_t scattered_rx;
	uint8_t queue_state;
	uint16_t nb_desc;
	uint16_t rx_buf_size;
	uint8_t avail_thresh;
} __rte_cache_min_aligned;

struct rte_eth_txq_info {
	struct rte_eth_txconf conf;
	uint16_t nb_desc;
	uint8_t queue_state;
} __rte_cache_min_aligned;

#define RTE_ETH_BURST_FLAG_PER_QUEUE RTE_BIT64(0)
#define RTE_ETH_BURST_MODE_INFO_SIZE 1024
struct rte_eth_burst_mode {
	uint64_t flags;
	char info[RTE_ETH_BURST_MODE_INFO_SIZE];
};

#define RTE_ETH_XSTATS_NAME_SIZE 64
struct rte_eth_xstat {
	uint64_t id;		/* index into the names array */
	uint64_t value;
};
struct rte_eth_xstat_name {
	char name[RTE_ETH_XSTATS_NAME_SIZE];
};

#define RTE_ETH_ALL RTE_MAX_ETHPORTS

#define RTE_ETH_VALID_PORTID_OR_ERR_RET(port_id, retval) do { \
	if (!rte_eth_dev_is_valid_port(port_id)) { \
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
		return retval; \
	} \
} while (0)

#define RTE_ETH_VALID_PORTID_OR_RET(port_id) do { \
	if (!rte_eth_dev_is_valid_port(port_id)) { \
		RTE_ETHDEV_LOG(ERR, "Invalid port_id=%u\n", port_id); \
		return; \
	} \
} while (0)

/* Rx callbacks may drop packets (return fewer); max_pkts is the array size. */
typedef uint16_t (*rte_rx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, uint16_t max_pkts, void *user_param);
typedef uint16_t (*rte_tx_callback_fn)(uint16_t port_id, uint16_t queue,
	struct rte_mbuf *pkts[], uint16_t nb_pkts, void *user_param);

enum rte_eth_dev_state {
	RTE_ETH_DEV_UNUSED = 0,
	RTE_ETH_DEV_ATTACHED,
	RTE_ETH_DEV_REMOVED,
};

struct rte_eth_dev_sriov {
	uint8_t active;
	uint8_t nb_q_per_pool;
	uint16_t def_vmdq_idx;
	uint16_t def_pool_q_idx;
};
#define RTE_ETH_DEV_SRIOV(dev) ((dev)->data->sriov)

#define RTE_ETH_NAME_MAX_LEN RTE_DEV_NAME_MAX_LEN

#define RTE_ETH_DEV_NO_OWNER 0
#define RTE_ETH_MAX_OWNER_NAME_LEN 64
struct rte_eth_dev_owner {
	uint64_t id;
	char name[RTE_ETH_MAX_OWNER_NAME_LEN];
};

/* rte_eth_dev_data.dev_flags */
#define RTE_ETH_DEV_FLOW_OPS_THREAD_SAFE RTE_BIT32(0)
#define RTE_ETH_DEV_INTR_LSC RTE_BIT32(1)
#define RTE_ETH_DEV_BONDED_SLAVE RTE_BIT32(2)
#define RTE_ETH_DEV_INTR_RMV RTE_BIT32(3)
#define RTE_ETH_DEV_REPRESENTOR RTE_BIT32(4)
#define RTE_ETH_DEV_NOLIVE_MAC_ADDR RTE_BIT32(5)
#define RTE_ETH_DEV_AUTOFILL_QUEUE_XSTATS RTE_BIT32(6)

/* Ports: the next valid port at or after port_id; RTE_MAX_ETHPORTS when none. */
/* Next port owned by owner_id (RTE_ETH_DEV_NO_OWNER: unowned), or RTE_MAX_ETHPORTS. */
uint64_t rte_eth_find_next_owned_by(uint16_t port_id, const uint64_t owner_id);
/* Next port in use (attached or removed), or RTE_MAX_ETHPORTS. */
uint16_t rte_eth_find_next(uint16_t port_id);
/* Next port whose rte_device is parent, or RTE_MAX_ETHPORTS. */
uint16_t rte_eth_find_next_of(uint16_t port_id_start, const struct rte_device *parent);
/* Next port on ref_port_id's rte_device; RTE_MAX_ETHPORTS if none or ref_port_id is invalid. */
uint16_t rte_eth_find_next_sibling(uint16_t port_id_start, uint16_t ref_port_id);

#define RTE_ETH_FOREACH_DEV_OWNED_BY(p, o) \
	for (p = rte_eth_find_next_owned_by(0, o); \
	     (unsigned int)p < (unsigned int)RTE_MAX_ETHPORTS; \
	     p = rte_eth_find_next_owned_by(p + 1, o))

#define RTE_ETH_FOREACH_DEV(p) RTE_ETH_FOREACH_DEV_OWNED_BY(p, RTE_ETH_DEV_NO_OWNER)

/*
 * Walk the ports matching devargs: "NAME[,args]" (port or device name) or
 * "class=eth[,mac=XX:XX:XX:XX:XX:XX]". init returns 0, -EINVAL (NULL
 * argument, empty name, bad MAC), -ENOTSUP (bus filters, other class keys)
 * or -ENOMEM; after a failed init next returns RTE_MAX_ETHPORTS at once.
 * next returns the next port, or RTE_MAX_ETHPORTS when done (and cleans
 * up); cleanup is needed only when the walk stops early.
 */
int rte_eth_iterator_init(struct rte_dev_iterator *iter, const char *devargs);
uint16_t rte_eth_iterator_next(struct rte_dev_iterator *iter);
void rte_eth_iterator_cleanup(struct rte_dev_iterator *iter);

#define RTE_ETH_FOREACH_MATCHING_DEV(id, devargs, iter) \
	for (rte_eth_iterator_init(iter, devargs), id = rte_eth_iterator_next(iter); \
	     id != RTE_MAX_ETHPORTS; id = rte_eth_iterator_next(iter))

#define RTE_ETH_FOREACH_DEV_OF(port_id, parent) \
	for (port_id = rte_eth_find_next_of(0, parent); \
	     port_id < RTE_MAX_ETHPORTS; \
	     port_id = rte_eth_find_next_of(port_id + 1, parent))

#define RTE_ETH_FOREACH_DEV_SIBLING(port_id, ref_port_id) \
	for (port_id = rte_eth_find_next_sibling(0, ref_port_id); \
	     port_id < RTE_MAX_ETHPORTS; \
	     port_id = rte_eth_find_next_sibling(port_id + 1, ref_port_id))

/* New owner id in *owner_id. Returns 0, or -EINVAL if owner_id is NULL. */
int rte_eth_dev_owner_new(uint64_t *owner_id);
/*
 * Returns 0; -ENODEV, -EINVAL (NULL owner, or an id not from rte_eth_dev_owner_new),
 * -EPERM (the port has another owner).
 */
int rte_eth_dev_owner_set(const uint16_t port_id, const struct rte_eth_dev_owner *owner);
/* Returns 0; -ENODEV, -EINVAL (owner_id not valid), -EPERM (port not owned by owner_id). */
int rte_eth_dev_owner_unset(const uint16_t port_id, const uint64_t owner_id);
/* Unown every port of owner_id. Returns 0, or -EINVAL if owner_id is not valid. */
int rte_eth_dev_owner_delete(const uint64_t owner_id);
/* Returns 0; -ENODEV, -EINVAL (NULL owner). */
int rte_eth_dev_owner_get(const uint16_t port_id, struct rte_eth_dev_owner *owner);
/* Number of ports in use that have no owner. */
uint16_t rte_eth_dev_count_avail(void);
/* Number of ports in use, owned or not. */
uint16_t rte_eth_dev_count_total(void);
/* 1 if port_id is in use (attached or removed), else 0. */
int rte_eth_dev_is_valid_port(uint16_t port_id);
/*
 * The port's NUMA node, SOCKET_ID_ANY (-1) if unknown, with rte_errno 0;
 * -1 with rte_errno EINVAL for an invalid port_id.
 */
int rte_eth_dev_socket_id(uint16_t port_id);
/* Returns 0 with the port in *port_id; -EINVAL (NULL argument), -ENODEV (no such name). */
int rte_eth_dev_get_port_by_name(const char *name, uint16_t *port_id);
/*
 * Copies the name (RTE_ETH_NAME_MAX_LEN bytes at most). Returns 0; -ENODEV, -EINVAL (NULL name).
 */
int rte_eth_dev_get_name_by_port(uint16_t port_id, char *name);
/*
 * Non-zero (1, or the driver's is_removed() value) if the device is gone; 0 if not,
 * and for an invalid port_id.
 */
int rte_eth_dev_is_removed(uint16_t port_id);

/* The RTE_ETH_LINK_SPEED_* bit for speed (Mbps) and duplex; 0 for an unknown speed. */
uint32_t rte_eth_speed_bitflag(uint32_t speed, int duplex);
/* Name of one RTE_ETH_RX_OFFLOAD_* bit without the prefix; "UNKNOWN" otherwise, never NULL. */
const char *rte_eth_dev_rx_offload_name(uint64_t offload);
/* Name of one RTE_ETH_TX_OFFLOAD_* bit without the prefix; "UNKNOWN" otherwise, never NULL. */
const char *rte_eth_dev_tx_offload_name(uint64_t offload);
/* Name of one RTE_ETH_DEV_CAPA_* bit without the prefix; "UNKNOWN" otherwise, never NULL. */
__rte_experimental
const char *rte_eth_dev_capability_name(uint64_t capability);

/* Configuration and state. */
/*
 * 0 Rx and 0 Tx queues take the driver's defaults. Returns 0; -ENODEV, -ENOTSUP, -EBUSY
 * (started), -EINVAL (NULL conf, too many queues, MTU out of min_mtu..max_mtu or its frame
 * outside 64..max_rx_pktlen, bad max_lro_pkt_size, unsupported offloads, RSS types
 * (whatever mq_mode is) or interrupts, a requested offload the driver's configure turned
 * off), -ENOMEM, or the driver's error. Any failure past -EBUSY leaves the port
 * unconfigured (rte_eth_dev_start then fails), as in DPDK; after the checks the old
 * configuration is restored and the queues are released.
 */
int rte_eth_dev_configure(uint16_t port_id, uint16_t nb_rx_queue, uint16_t nb_tx_queue,
			  const struct rte_eth_conf *eth_conf);
/* Copy the port's configuration. Returns 0; -ENODEV, -EINVAL (NULL dev_conf). */
__rte_experimental
int rte_eth_dev_conf_get(uint16_t port_id, struct rte_eth_conf *dev_conf);
/*
 * nb_rx_desc 0: the driver's default. Exactly one of mb_pool, rx_conf->rx_seg (buffer
 * split) or rx_conf->rx_mempools gives the buffers. Returns 0; -ENODEV, -ENOTSUP (also:
 * split segments the device cannot take), -ENOSPC (a mempool that is not a pktmbuf
 * pool), -EINVAL (queue id not configured, no or several buffer sources, mbufs too small,
 * descriptor count outside rx_desc_lim, unsupported queue offloads, share_group without
 * RTE_ETH_DEV_CAPA_RXQ_SHARE, bad max_lro_pkt_size), -EBUSY (started, no runtime
 * setup), or the driver's error.
 */
int rte_eth_rx_queue_setup(uint16_t port_id, uint16_t rx_queue_id, uint16_t nb_rx_desc,
			   unsigned int socket_id, const struct rte_eth_rxconf *rx_conf,
			   struct rte_mempool *mb_pool);
/*
 * nb_tx_desc 0: the driver's default. Returns 0; -ENODEV, -ENOTSUP, -EINVAL (queue id not
 * configured, descriptor count outside tx_desc_lim, unsupported queue offloads),
 * -EBUSY (started, no runtime setup), or the driver's error.
 */
int rte_eth_tx_queue_setup(uint16_t port_id, uint16_t tx_queue_id, uint16_t nb_tx_desc,
			   unsigned int socket_id, const struct rte_eth_txconf *tx_conf);
/*
 * Fit the counts (either may be NULL) to the driver's limits. Returns 0; -ENODEV, -ENOTSUP
 * (no dev_infos_get), or the driver's error.
 */
int rte_eth_dev_adjust_nb_rx_tx_desc(uint16_t port_id, uint16_t *nb_rx_desc,
				     uint16_t *nb_tx_desc);
/*
 * Returns 0, also if already started; -ENODEV, -EINVAL (port stopped, checked first; queue
 * not set up), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_rx_queue_start(uint16_t port_id, uint16_t rx_queue_id);
/*
 * Returns 0, also if already stopped (the port may be stopped); -ENODEV, -EINVAL (queue
 * not set up), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_rx_queue_stop(uint16_t port_id, uint16_t rx_queue_id);
/*
 * Returns 0, also if already started; -ENODEV, -EINVAL (port stopped, checked first; queue
 * not set up), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_tx_queue_start(uint16_t port_id, uint16_t tx_queue_id);
/*
 * Returns 0, also if already stopped (the port may be stopped); -ENODEV, -EINVAL (queue
 * not set up), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_tx_queue_stop(uint16_t port_id, uint16_t tx_queue_id);
/*
 * Returns 0, also if already started; -ENODEV, -ENOTSUP, -EINVAL (not configured, or a
 * queue not set up: DPDK does not check the queues), the error of rte_eth_dev_info_get(),
 * the driver's start error, or the driver's error re-applying promiscuous or
 * all-multicast mode (-ENOTSUP there is ignored; the port is stopped again). A driver
 * without link_update still starts (DPDK returns -ENOTSUP then, the port half started).
 */
int rte_eth_dev_start(uint16_t port_id);
/*
 * Returns 0, also if already stopped; -ENODEV, -ENOTSUP, or the driver's error (the port
 * then stays started).
 */
int rte_eth_dev_stop(uint16_t port_id);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_dev_set_link_up(uint16_t port_id);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_dev_set_link_down(uint16_t port_id);
/*
 * Close and release the port. Returns 0; -ENODEV, -EINVAL (port started), -ENOTSUP (no
 * dev_close: the port stays), or the driver's close error (the port is released all the
 * same).
 */
int rte_eth_dev_close(uint16_t port_id);
/*
 * Stop the port, then reset the device; a failed stop is logged and the reset goes on,
 * as in DPDK. Returns 0; -ENODEV, -ENOTSUP, or the driver's reset error.
 */
int rte_eth_dev_reset(uint16_t port_id);
/*
 * Returns 0; -ENODEV, -EINVAL (NULL dev_info), -ENOTSUP, or the driver's error (dev_info is
 * then zeroed). Where the driver sets none: min_mtu 46, max_mtu UINT16_MAX, switch_info
 * domain_id RTE_ETH_DEV_SWITCH_DOMAIN_ID_INVALID.
 */
int rte_eth_dev_info_get(uint16_t port_id, struct rte_eth_dev_info *dev_info);
/*
 * Returns the driver's result (0, or the size needed when fw_size is too small); -ENODEV,
 * -EINVAL (NULL fw_version with fw_size > 0), -ENOTSUP.
 */
int rte_eth_dev_fw_version_get(uint16_t port_id, char *fw_version, size_t fw_size);
/* Returns 0; -ENODEV, -EINVAL (queue not set up, NULL qinfo), -ENOTSUP. */
int rte_eth_rx_queue_info_get(uint16_t port_id, uint16_t queue_id,
			      struct rte_eth_rxq_info *qinfo);
/* Returns 0; -ENODEV, -EINVAL (queue not set up, NULL qinfo), -ENOTSUP. */
int rte_eth_tx_queue_info_get(uint16_t port_id, uint16_t queue_id,
			      struct rte_eth_txq_info *qinfo);
/*
 * Returns 0; -ENODEV, -EINVAL (queue not set up, NULL mode), -ENOTSUP, or the driver's error.
 */
int rte_eth_rx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
			      struct rte_eth_burst_mode *mode);
/*
 * Returns 0; -ENODEV, -EINVAL (queue not set up, NULL mode), -ENOTSUP, or the driver's error.
 */
int rte_eth_tx_burst_mode_get(uint16_t port_id, uint16_t queue_id,
			      struct rte_eth_burst_mode *mode);
/*
 * Free up to free_cnt sent mbufs (0: all). Returns the driver's count freed; -ENODEV,
 * -EINVAL (queue not set up), -ENOTSUP, or the driver's error.
 */
int rte_eth_tx_done_cleanup(uint16_t port_id, uint16_t queue_id, uint32_t free_cnt);
/*
 * Returns 1 when the driver has no preference, else its answer (0 best, 1 supported,
 * -ENOTSUP not supported); -ENODEV, -EINVAL (NULL pool).
 */
int rte_eth_dev_pool_ops_supported(uint16_t port_id, const char *pool);

/* Rx modes, addresses, MTU, VLAN, flow control. */
/* Returns 0, also if already on; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_promiscuous_enable(uint16_t port_id);
/* Returns 0, also if already off; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_promiscuous_disable(uint16_t port_id);
/* 1 if promiscuous, 0 if not; -ENODEV. */
int rte_eth_promiscuous_get(uint16_t port_id);
/* Returns 0, also if already on; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_allmulticast_enable(uint16_t port_id);
/* Returns 0, also if already off; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_allmulticast_disable(uint16_t port_id);
/* 1 if all-multicast, 0 if not; -ENODEV. */
int rte_eth_allmulticast_get(uint16_t port_id);
/*
 * The default MAC (all zero if the port has none). Returns 0; -ENODEV, -EINVAL (NULL mac_addr).
 */
int rte_eth_macaddr_get(uint16_t port_id, struct rte_ether_addr *mac_addr);
/*
 * Copy up to num MAC address slots (free ones are zero). Returns the number copied;
 * -ENODEV, -EINVAL (NULL ma).
 */
__rte_experimental
int rte_eth_macaddrs_get(uint16_t port_id, struct rte_ether_addr *ma, unsigned int num);
/*
 * Returns 0; -ENODEV, -EINVAL (NULL, multicast or zero address), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_default_mac_addr_set(uint16_t port_id, struct rte_ether_addr *mac_addr);
/*
 * Returns 0, also if already in that pool; -ENODEV, -EINVAL (NULL address; then, if the
 * driver has the op, a zero address or pool >= RTE_ETH_64_POOLS), -ENOTSUP, -ENOSPC (no
 * free slot), or the driver's error.
 */
int rte_eth_dev_mac_addr_add(uint16_t port_id, struct rte_ether_addr *mac_addr,
			     uint32_t pool);
/*
 * Returns 0, also if the address is not there; -ENODEV, -EINVAL (NULL), -ENOTSUP,
 * -EADDRINUSE (the default address).
 */
int rte_eth_dev_mac_addr_remove(uint16_t port_id, struct rte_ether_addr *mac_addr);
/*
 * Replace the multicast list (0 entries: flush). Returns 0; -ENODEV, -EINVAL (NULL list,
 * nb_mc_addr > 0), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_set_mc_addr_list(uint16_t port_id, struct rte_ether_addr *mc_addr_set,
				 uint32_t nb_mc_addr);
/* Returns 0; -ENODEV, -EINVAL (NULL mtu). */
int rte_eth_dev_get_mtu(uint16_t port_id, uint16_t *mtu);
/*
 * Returns 0; -ENODEV, -ENOTSUP, -EINVAL (outside min_mtu..max_mtu or its frame outside
 * 64..max_rx_pktlen, checked only if the driver has dev_infos_get; port not configured),
 * the error of rte_eth_dev_info_get(), or the driver's error. Sets the port's MTU only,
 * not dev_conf.rxmode.mtu, as in DPDK.
 */
int rte_eth_dev_set_mtu(uint16_t port_id, uint16_t mtu);
/*
 * Returns 0; -ENODEV, -ENOSYS (RTE_ETH_RX_OFFLOAD_VLAN_FILTER off), -EINVAL (vlan_id above
 * 4095), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_vlan_filter(uint16_t port_id, uint16_t vlan_id, int on);
/*
 * Set the RTE_ETH_*_OFFLOAD bits in offload_mask. Returns 0, also if nothing changes;
 * -ENODEV, -ENOTSUP (a bit the port lacks, or no driver op), or the driver's error (the
 * old settings are then restored).
 */
int rte_eth_dev_set_vlan_offload(uint16_t port_id, int offload_mask);
/* The RTE_ETH_*_OFFLOAD bits enabled (VLAN strip, filter, extend, QinQ strip); -ENODEV. */
int rte_eth_dev_get_vlan_offload(uint16_t port_id);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_dev_set_vlan_pvid(uint16_t port_id, uint16_t pvid, int on);
/* Returns 0; -ENODEV, -EINVAL (queue id not configured), -ENOTSUP. */
int rte_eth_dev_set_vlan_strip_on_queue(uint16_t port_id, uint16_t rx_queue_id, int on);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_dev_set_vlan_ether_type(uint16_t port_id, enum rte_vlan_type vlan_type,
				    uint16_t tag_type);
/* Returns 0; -ENODEV, -EINVAL (NULL fc_conf), -ENOTSUP, or the driver's error. */
int rte_eth_dev_flow_ctrl_get(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);
/* Returns 0; -ENODEV, -EINVAL (NULL fc_conf, bad mode), -ENOTSUP, or the driver's error. */
int rte_eth_dev_flow_ctrl_set(uint16_t port_id, struct rte_eth_fc_conf *fc_conf);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_led_on(uint16_t port_id);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_led_off(uint16_t port_id);

/* IEEE 1588 / 802.1AS time stamping, and the device clock. */
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_timesync_enable(uint16_t port_id);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_timesync_disable(uint16_t port_id);
/* Returns 0; -ENODEV, -EINVAL (NULL timestamp), -ENOTSUP, or the driver's error. */
int rte_eth_timesync_read_rx_timestamp(uint16_t port_id, struct timespec *timestamp,
				       uint32_t flags);
/* Returns 0; -ENODEV, -EINVAL (NULL timestamp), -ENOTSUP, or the driver's error. */
int rte_eth_timesync_read_tx_timestamp(uint16_t port_id, struct timespec *timestamp);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_timesync_adjust_time(uint16_t port_id, int64_t delta);
/* Returns 0; -ENODEV, -EINVAL (NULL time), -ENOTSUP, or the driver's error. */
int rte_eth_timesync_read_time(uint16_t port_id, struct timespec *time);
/* Returns 0; -ENODEV, -EINVAL (NULL time), -ENOTSUP, or the driver's error. */
int rte_eth_timesync_write_time(uint16_t port_id, const struct timespec *time);
/* Returns 0; -ENODEV, -EINVAL (NULL clock), -ENOTSUP, or the driver's error. */
__rte_experimental
int rte_eth_read_clock(uint16_t port_id, uint64_t *clock);

/* Packet types (RTE_PTYPE_* from rte_mbuf_ptype.h). */
/*
 * Returns how many supported ptypes match ptype_mask (only num are stored), 0 if the driver
 * has no list; -ENODEV, -EINVAL (NULL ptypes with num > 0).
 */
int rte_eth_dev_get_supported_ptypes(uint16_t port_id, uint32_t ptype_mask,
				     uint32_t *ptypes, int num);
/*
 * Returns 0 (without driver support only set_ptypes[0] = RTE_PTYPE_UNKNOWN is stored);
 * -ENODEV, -EINVAL (NULL set_ptypes with num > 0), or the driver's error.
 */
int rte_eth_dev_set_ptypes(uint16_t port_id, uint32_t ptype_mask,
			   uint32_t *set_ptypes, unsigned int num);

/* RSS. */
/*
 * Returns 0; -ENODEV, -EINVAL (NULL reta_conf, reta_size 0, an entry beyond nb_rx_queues),
 * -ENOTSUP (mq_mode without RSS, or no driver op), or the driver's error.
 */
int rte_eth_dev_rss_reta_update(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
				uint16_t reta_size);
/*
 * Returns 0; -ENODEV, -EINVAL (NULL reta_conf, reta_size 0), -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_rss_reta_query(uint16_t port_id, struct rte_eth_rss_reta_entry64 *reta_conf,
			       uint16_t reta_size);
/*
 * Returns 0; -ENODEV, -EINVAL (NULL rss_conf, unsupported rss_hf, key length not
 * hash_key_size), -ENOTSUP (mq_mode without RSS, or no driver op), or the driver's error.
 */
int rte_eth_dev_rss_hash_update(uint16_t port_id, struct rte_eth_rss_conf *rss_conf);
/* Returns 0; -ENODEV, -EINVAL (NULL rss_conf), -ENOTSUP, or the driver's error. */
int rte_eth_dev_rss_hash_conf_get(uint16_t port_id, struct rte_eth_rss_conf *rss_conf);

/* Link. */
/*
 * Returns 0, waiting for the driver's link update; -ENODEV, -EINVAL (NULL link), -ENOTSUP
 * (no link_update op, unless LSC interrupts keep the status current).
 */
int rte_eth_link_get(uint16_t port_id, struct rte_eth_link *link);
/* As rte_eth_link_get() without waiting. Returns 0; -ENODEV, -EINVAL (NULL link), -ENOTSUP. */
int rte_eth_link_get_nowait(uint16_t port_id, struct rte_eth_link *link);
/*
 * "10 Gbps" and so on, "None", "Unknown" (RTE_ETH_SPEED_NUM_UNKNOWN), or "Invalid"; never NULL.
 */
__rte_experimental
const char *rte_eth_link_speed_to_str(uint32_t link_speed);
/*
 * Returns what snprintf() returns (the length needed); -EINVAL (NULL str or eth_link, len 0).
 */
__rte_experimental
int rte_eth_link_to_str(char *str, size_t len, const struct rte_eth_link *eth_link);

/* Statistics. */
/* Returns 0; -ENODEV, -EINVAL (NULL stats), -ENOTSUP (stats zeroed), or the driver's error. */
int rte_eth_stats_get(uint16_t port_id, struct rte_eth_stats *stats);
/* Returns 0; -ENODEV, -ENOTSUP, or the driver's error. */
int rte_eth_stats_reset(uint16_t port_id);
/*
 * Returns the number of names written; with xstats_names NULL or size too small, the
 * number needed (nothing written); -ENODEV, or the driver's error.
 */
int rte_eth_xstats_get_names(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
			     unsigned int size);
/*
 * Returns the number of values written; with n too small (or xstats NULL and n 0), the
 * number needed (nothing written); -ENODEV, -EINVAL (xstats NULL, n > 0), -ENOTSUP (no
 * stats_get), or the driver's error.
 */
int rte_eth_xstats_get(uint16_t port_id, struct rte_eth_xstat *xstats, unsigned int n);
/*
 * With ids NULL, as rte_eth_xstats_get_names(): the number needed when xstats_names is
 * NULL or size too small. Else returns size; -ENODEV, -EINVAL (NULL xstats_names, an id
 * out of range: DPDK returns -1 there), -ENOMEM, or the driver's error.
 */
int rte_eth_xstats_get_names_by_id(uint16_t port_id, struct rte_eth_xstat_name *xstats_names,
				   unsigned int size, uint64_t *ids);
/*
 * With ids NULL: the number of xstats, all written to values unless values is NULL or
 * size is too small (then only the number needed). Else returns size (when every id is
 * a generic one, the driver's xstats are not read); -ENODEV, -EINVAL (NULL values, an id
 * out of range: DPDK returns -1 there), -ENOMEM, or the driver's error.
 */
int rte_eth_xstats_get_by_id(uint16_t port_id, const uint64_t *ids, uint64_t *values,
			     unsigned int size);
/*
 * Returns 0 with the id in *id; -ENODEV, -ENOMEM (NULL xstat_name or id, as DPDK
 * documents; or out of memory), -EINVAL (no xstat of that name), or the driver's error.
 */
int rte_eth_xstats_get_id_by_name(uint16_t port_id, const char *xstat_name, uint64_t *id);
/*
 * The driver's xstats_reset if it has one (nothing else), else rte_eth_stats_reset().
 * Returns 0; -ENODEV, -ENOTSUP, or the driver's error.
 */
int rte_eth_xstats_reset(uint16_t port_id);
/*
 * Returns 0; -ENODEV, -EINVAL (queue id not configured, stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS),
 * -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_set_tx_queue_stats_mapping(uint16_t port_id, uint16_t tx_queue_id,
					   uint8_t stat_idx);
/*
 * Returns 0; -ENODEV, -EINVAL (queue id not configured, stat_idx >= RTE_ETHDEV_QUEUE_STAT_CNTRS),
 * -ENOTSUP, or the driver's error.
 */
int rte_eth_dev_set_rx_queue_stats_mapping(uint16_t port_id, uint16_t rx_queue_id,
					   uint8_t stat_idx);

/* Events. */
enum rte_eth_event_type {
	RTE_ETH_EVENT_UNKNOWN,
	RTE_ETH_EVENT_INTR_LSC,		/* link status changed */
	RTE_ETH_EVENT_QUEUE_STATE,
	RTE_ETH_EVENT_INTR_RESET,
	RTE_ETH_EVENT_VF_MBOX,
	RTE_ETH_EVENT_MACSEC,
	RTE_ETH_EVENT_INTR_RMV,		/* device removed */
	RTE_ETH_EVENT_NEW,		/* port probed (port_id may be RTE_ETH_ALL) */
	RTE_ETH_EVENT_DESTROY,		/* port released */
	RTE_ETH_EVENT_IPSEC,
	RTE_ETH_EVENT_FLOW_AGED,
	RTE_ETH_EVENT_RX_AVAIL_THRESH,
	RTE_ETH_EVENT_ERR_RECOVERING,
	RTE_ETH_EVENT_RECOVERY_SUCCESS,
	RTE_ETH_EVENT_RECOVERY_FAILED,
	RTE_ETH_EVENT_MAX
};

typedef int (*rte_eth_dev_cb_fn)(uint16_t port_id, enum rte_eth_event_type event,
				 void *cb_arg, void *ret_param);

/*
 * port_id RTE_ETH_ALL registers for every port, present and future. Returns 0, also
 * if already registered; -EINVAL (NULL cb_fn, bad event, invalid port_id), -ENOMEM.
 */
int rte_eth_dev_callback_register(uint16_t port_id, enum rte_eth_event_type event,
				  rte_eth_dev_cb_fn cb_fn, void *cb_arg);
/*
 * cb_arg (void *)-1 matches any argument. Returns 0, also if nothing matched; -EINVAL
 * (NULL cb_fn, bad event, invalid port_id), -EAGAIN (a match is running: not removed).
 */
int rte_eth_dev_callback_unregister(uint16_t port_id, enum rte_eth_event_type event,
				    rte_eth_dev_cb_fn cb_fn, void *cb_arg);

/* Rx queue interrupts. */
/* Returns 0; -ENODEV, -EINVAL (queue not set up), -ENOTSUP, or the driver's error. */
int rte_eth_dev_rx_intr_enable(uint16_t port_id, uint16_t queue_id);
/* Returns 0; -ENODEV, -EINVAL (queue not set up), -ENOTSUP, or the driver's error. */
int rte_eth_dev_rx_intr_disable(uint16_t port_id, uint16_t queue_id);
/*
 * Add (op RTE_INTR_EVENT_ADD) or remove every Rx queue's interrupt to epfd. Returns 0,
 * also when a queue fails (logged); -ENODEV, -ENOTSUP (no Rx interrupts: intr_conf.rxq
 * unset or no interrupt handle), or -ERANGE with rte_errno ERANGE (no vector for a queue).
 */
int rte_eth_dev_rx_intr_ctl(uint16_t port_id, int epfd, int op, void *data);
/*
 * Returns 0; -ENODEV, -EINVAL (queue not set up), -ENOTSUP (no Rx interrupts), -ERANGE
 * with rte_errno ERANGE (no vector), or the error of rte_intr_rx_ctl() (-EPERM, -EEXIST...).
 */
int rte_eth_dev_rx_intr_ctl_q(uint16_t port_id, uint16_t queue_id, int epfd, int op,
			      void *data);
/*
 * The queue's event fd; -1 for a bad port or queue, no Rx interrupts or no vector
 * (rte_errno ERANGE); -EINVAL with rte_errno EINVAL if the vector has no event fd.
 */
int rte_eth_dev_rx_intr_ctl_q_get_fd(uint16_t port_id, uint16_t queue_id);

/* Rx/Tx callbacks, run inside rte_eth_rx_burst / rte_eth_tx_burst. */
struct rte_eth_rxtx_callback;
/*
 * Returns the callback; NULL with rte_errno EINVAL (invalid port, NULL fn, queue id not
 * configured) or ENOMEM. (DPDK's ENOTSUP without RTE_ETHDEV_RXTX_CALLBACKS cannot
 * happen: the callbacks are always built.)
 */
const struct rte_eth_rxtx_callback *
rte_eth_add_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
			void *user_param);
/*
 * As rte_eth_add_rx_callback(), at the head of the list. NULL with rte_errno EINVAL
 * (invalid port, NULL fn, queue id not configured) or ENOMEM.
 */
const struct rte_eth_rxtx_callback *
rte_eth_add_first_rx_callback(uint16_t port_id, uint16_t queue_id, rte_rx_callback_fn fn,
			      void *user_param);
/*
 * Returns the callback; NULL with rte_errno EINVAL (invalid port, NULL fn, queue id not
 * configured) or ENOMEM.
 */
const struct rte_eth_rxtx_callback *
rte_eth_add_tx_callback(uint16_t port_id, uint16_t queue_id, rte_tx_callback_fn fn,
			void *user_param);
/*
 * Unlink a callback. Its memory is not freed: a burst may still be running
 * it on another lcore. The caller frees it (rte_free) once that is over.
 * Returns 0; -ENODEV, -EINVAL (NULL user_cb, bad queue id, not on that queue).
 */
int rte_eth_remove_rx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb);
/* As rte_eth_remove_rx_callback() for Tx. Returns 0; -ENODEV, -EINVAL. */
int rte_eth_remove_tx_callback(uint16_t port_id, uint16_t queue_id,
			       const struct rte_eth_rxtx_callback *user_cb);

/* Tx buffering: collect packets one by one, send them in bursts. */
typedef void (*buffer_tx_error_fn)(struct rte_mbuf **unsent, uint16_t count, void *userdata);

struct rte_eth_dev_tx_buffer {
	buffer_tx_error_fn error_callback;
	void *error_userdata;
	uint16_t size;		/* capacity of pkts[] */
	uint16_t length;	/* packets buffered now */
	struct rte_mbuf *pkts[];
};

#define RTE_ETH_TX_BUFFER_SIZE(sz) \
	(sizeof(struct rte_eth_dev_tx_buffer) + (sz) * sizeof(struct rte_mbuf *))

/*
 * Sets the drop callback (unsent packets are freed) unless one is set. Returns 0, or
 * -EINVAL (NULL buffer, or size 0, which DPDK accepts).
 */
int rte_eth_tx_buffer_init(struct rte_eth_dev_tx_buffer *buffer, uint16_t size);
/* Returns 0, or -EINVAL (NULL buffer). */
int rte_eth_tx_buffer_set_err_callback(struct rte_eth_dev_tx_buffer *buffer,
				       buffer_tx_error_fn callback, void *userdata);
/* Frees the unsent packets. */
void rte_eth_tx_buffer_drop_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata);
/* Frees them and adds their number to *(uint64_t *)userdata. */
void rte_eth_tx_buffer_count_callback(struct rte_mbuf **pkts, uint16_t unsent, void *userdata);

/*
 * Device dumps (rte_dev_info.h). Each returns 0 (get_eeprom_length: the size
 * in bytes), -ENODEV (bad port), -EINVAL (NULL argument; for the module EEPROM
 * also a NULL data or a zero length), -ENOTSUP (the driver cannot), or the
 * driver's error (-EIO...). A NULL info->data for get_reg_info asks only for
 * length and width.
 */
int rte_eth_dev_get_reg_info(uint16_t port_id, struct rte_dev_reg_info *info);
int rte_eth_dev_get_eeprom_length(uint16_t port_id);
int rte_eth_dev_get_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
int rte_eth_dev_set_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);
int rte_eth_dev_get_module_info(uint16_t port_id, struct rte_eth_dev_module_info *modinfo);
int rte_eth_dev_get_module_eeprom(uint16_t port_id, struct rte_dev_eeprom_info *info);

#include <rte_ethdev_core.h>
#include <rte_ethdev_fp.h>

#ifdef __cplusplus
}
#endif

#endif
