/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What Ethernet drivers implement and call. Installed for out-of-tree
 * drivers; applications never include it.
 */
#ifndef _ETHDEV_DRIVER_H_
#define _ETHDEV_DRIVER_H_

#include <dev_driver.h>
#include <rte_compat.h>
#include <rte_ethdev.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One Rx or Tx callback of a queue; a singly linked list per queue. */
struct rte_eth_rxtx_callback {
	struct rte_eth_rxtx_callback *next;
	union {
		rte_rx_callback_fn rx;
		rte_tx_callback_fn tx;
	} fn;
	void *param;
};

struct rte_intr_handle;

struct rte_eth_dev {
	eth_rx_burst_t rx_pkt_burst;	/* copied to rte_eth_fp_ops at start */
	eth_tx_burst_t tx_pkt_burst;
	eth_tx_prep_t tx_pkt_prepare;
	eth_rx_queue_count_t rx_queue_count;
	eth_rx_descriptor_status_t rx_descriptor_status;
	eth_tx_descriptor_status_t tx_descriptor_status;
	struct rte_eth_dev_data *data;
	void *process_private;
	const struct eth_dev_ops *dev_ops;
	struct rte_device *device;
	struct rte_intr_handle *intr_handle;
	struct rte_eth_dev_cb_list link_intr_cbs;	/* application event callbacks */
	struct rte_eth_rxtx_callback *post_rx_burst_cbs[RTE_MAX_QUEUES_PER_PORT];
	struct rte_eth_rxtx_callback *pre_tx_burst_cbs[RTE_MAX_QUEUES_PER_PORT];
	enum rte_eth_dev_state state;
	void *security_ctx;
} __rte_cache_aligned;

struct rte_eth_dev_data {
	char name[RTE_ETH_NAME_MAX_LEN];
	void **rx_queues;		/* driver queue pointers, nb_rx_queues of them */
	void **tx_queues;
	uint16_t nb_rx_queues;
	uint16_t nb_tx_queues;
	struct rte_eth_dev_sriov sriov;
	void *dev_private;		/* rte_free'd by rte_eth_dev_release_port */
	struct rte_eth_link dev_link;	/* use rte_eth_linkstatus_set/get */
	struct rte_eth_conf dev_conf;
	uint16_t mtu;
	uint32_t min_rx_buf_size;
	uint64_t rx_mbuf_alloc_failed;
	struct rte_ether_addr *mac_addrs;	/* [0] is the default; rte_free'd on release */
	uint64_t mac_pool_sel[RTE_ETH_NUM_RECEIVE_MAC_ADDR];
	struct rte_ether_addr *hash_mac_addrs;
	uint16_t port_id;
	__extension__
	uint8_t promiscuous : 1,
		scattered_rx : 1,
		all_multicast : 1,
		dev_started : 1,
		lro : 1,
		dev_configured : 1,
		flow_configured : 1;
	uint8_t rx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint8_t tx_queue_state[RTE_MAX_QUEUES_PER_PORT];
	uint32_t dev_flags;		/* RTE_ETH_DEV_* */
	int numa_node;
	struct rte_vlan_filter_conf vlan_filter_conf;
	struct rte_eth_dev_owner owner;
	uint16_t representor_id;
	uint16_t backer_port_id;
} __rte_cache_aligned;

extern struct rte_eth_dev rte_eth_devices[];

/* Driver operations; any may be NULL (the API then returns -ENOTSUP). */
typedef int (*eth_dev_configure_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_start_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_stop_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_up_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_set_link_down_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_close_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_is_removed_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_promiscuous_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_allmulticast_disable_t)(struct rte_eth_dev *dev);
/* 0 if the link status changed, -1 if not (see rte_eth_linkstatus_set). */
typedef int (*eth_link_update_t)(struct rte_eth_dev *dev, int wait_to_complete);
typedef int (*eth_stats_get_t)(struct rte_eth_dev *dev, struct rte_eth_stats *stats);
typedef int (*eth_stats_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_xstats_get_t)(struct rte_eth_dev *dev, struct rte_eth_xstat *stats,
				unsigned int n);
typedef int (*eth_xstats_reset_t)(struct rte_eth_dev *dev);
typedef int (*eth_xstats_get_names_t)(struct rte_eth_dev *dev,
				      struct rte_eth_xstat_name *xstats_names, unsigned int size);
typedef int (*eth_queue_stats_mapping_set_t)(struct rte_eth_dev *dev, uint16_t queue_id,
					     uint8_t stat_idx, uint8_t is_rx);
typedef int (*eth_dev_infos_get_t)(struct rte_eth_dev *dev, struct rte_eth_dev_info *dev_info);
/* Array ending with RTE_PTYPE_UNKNOWN. */
typedef const uint32_t *(*eth_dev_supported_ptypes_get_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_ptypes_set_t)(struct rte_eth_dev *dev, uint32_t ptype_mask);
typedef int (*eth_queue_start_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef int (*eth_queue_stop_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef int (*eth_rx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
				    uint16_t nb_rx_desc, unsigned int socket_id,
				    const struct rte_eth_rxconf *rx_conf,
				    struct rte_mempool *mb_pool);
typedef int (*eth_tx_queue_setup_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
				    uint16_t nb_tx_desc, unsigned int socket_id,
				    const struct rte_eth_txconf *tx_conf);
typedef int (*eth_rx_enable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
typedef int (*eth_rx_disable_intr_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id);
typedef void (*eth_queue_release_t)(struct rte_eth_dev *dev, uint16_t queue_id);
typedef int (*eth_fw_version_get_t)(struct rte_eth_dev *dev, char *fw_version, size_t fw_size);
typedef int (*eth_tx_done_cleanup_t)(void *txq, uint32_t free_cnt);
typedef void (*eth_rxq_info_get_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id,
				   struct rte_eth_rxq_info *qinfo);
typedef void (*eth_txq_info_get_t)(struct rte_eth_dev *dev, uint16_t tx_queue_id,
				   struct rte_eth_txq_info *qinfo);
typedef int (*eth_burst_mode_get_t)(struct rte_eth_dev *dev, uint16_t queue_id,
				    struct rte_eth_burst_mode *mode);
typedef int (*mtu_set_t)(struct rte_eth_dev *dev, uint16_t mtu);
typedef int (*vlan_filter_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
typedef int (*vlan_offload_set_t)(struct rte_eth_dev *dev, int mask);
typedef int (*eth_dev_led_on_t)(struct rte_eth_dev *dev);
typedef int (*eth_dev_led_off_t)(struct rte_eth_dev *dev);
typedef int (*flow_ctrl_get_t)(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
typedef int (*flow_ctrl_set_t)(struct rte_eth_dev *dev, struct rte_eth_fc_conf *fc_conf);
typedef void (*eth_mac_addr_remove_t)(struct rte_eth_dev *dev, uint32_t index);
typedef int (*eth_mac_addr_add_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr,
				  uint32_t index, uint32_t vmdq);
typedef int (*eth_mac_addr_set_t)(struct rte_eth_dev *dev, struct rte_ether_addr *mac_addr);
typedef int (*eth_set_mc_addr_list_t)(struct rte_eth_dev *dev,
				      struct rte_ether_addr *mc_addr_set, uint32_t nb_mc_addr);
typedef int (*reta_update_t)(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
			     uint16_t reta_size);
typedef int (*reta_query_t)(struct rte_eth_dev *dev, struct rte_eth_rss_reta_entry64 *reta_conf,
			    uint16_t reta_size);
typedef int (*rss_hash_update_t)(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
typedef int (*rss_hash_conf_get_t)(struct rte_eth_dev *dev, struct rte_eth_rss_conf *rss_conf);
typedef int (*eth_pool_ops_supported_t)(struct rte_eth_dev *dev, const char *pool);
typedef int (*vlan_pvid_set_t)(struct rte_eth_dev *dev, uint16_t vlan_id, int on);
typedef void (*vlan_strip_queue_set_t)(struct rte_eth_dev *dev, uint16_t rx_queue_id, int on);
typedef int (*vlan_tpid_set_t)(struct rte_eth_dev *dev, enum rte_vlan_type type, uint16_t tpid);
typedef int (*eth_timesync_enable_t)(struct rte_eth_dev *dev);
typedef int (*eth_timesync_disable_t)(struct rte_eth_dev *dev);
typedef int (*eth_timesync_read_rx_timestamp_t)(struct rte_eth_dev *dev,
						struct timespec *timestamp, uint32_t flags);
typedef int (*eth_timesync_read_tx_timestamp_t)(struct rte_eth_dev *dev,
						struct timespec *timestamp);
typedef int (*eth_timesync_adjust_time)(struct rte_eth_dev *dev, int64_t delta);
typedef int (*eth_timesync_read_time)(struct rte_eth_dev *dev, struct timespec *timestamp);
typedef int (*eth_timesync_write_time)(struct rte_eth_dev *dev,
				       const struct timespec *timestamp);
typedef int (*eth_read_clock)(struct rte_eth_dev *dev, uint64_t *timestamp);
typedef int (*eth_get_reg_t)(struct rte_eth_dev *dev, struct rte_dev_reg_info *info);
typedef int (*eth_get_eeprom_length_t)(struct rte_eth_dev *dev);
typedef int (*eth_get_eeprom_t)(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);
typedef int (*eth_set_eeprom_t)(struct rte_eth_dev *dev, struct rte_dev_eeprom_info *info);
typedef int (*eth_get_module_info_t)(struct rte_eth_dev *dev,
				     struct rte_eth_dev_module_info *modinfo);
typedef int (*eth_get_module_eeprom_t)(struct rte_eth_dev *dev,
				       struct rte_dev_eeprom_info *info);
struct rte_flow_ops;
/* 0 with *ops set (NULL: this device has no flow support), or a negative errno. */
typedef int (*eth_flow_ops_get_t)(struct rte_eth_dev *dev, const struct rte_flow_ops **ops);

struct eth_dev_ops {
	eth_dev_configure_t dev_configure;
	eth_dev_start_t dev_start;
	eth_dev_stop_t dev_stop;
	eth_dev_set_link_up_t dev_set_link_up;
	eth_dev_set_link_down_t dev_set_link_down;
	eth_dev_close_t dev_close;
	eth_dev_reset_t dev_reset;
	eth_link_update_t link_update;
	eth_is_removed_t is_removed;

	eth_promiscuous_enable_t promiscuous_enable;
	eth_promiscuous_disable_t promiscuous_disable;
	eth_allmulticast_enable_t allmulticast_enable;
	eth_allmulticast_disable_t allmulticast_disable;
	eth_mac_addr_remove_t mac_addr_remove;
	eth_mac_addr_add_t mac_addr_add;
	eth_mac_addr_set_t mac_addr_set;
	eth_set_mc_addr_list_t set_mc_addr_list;
	mtu_set_t mtu_set;

	eth_stats_get_t stats_get;
	eth_stats_reset_t stats_reset;
	eth_xstats_get_t xstats_get;
	eth_xstats_reset_t xstats_reset;
	eth_xstats_get_names_t xstats_get_names;
	eth_queue_stats_mapping_set_t queue_stats_mapping_set;

	eth_dev_infos_get_t dev_infos_get;
	eth_rxq_info_get_t rxq_info_get;
	eth_txq_info_get_t txq_info_get;
	eth_burst_mode_get_t rx_burst_mode_get;
	eth_burst_mode_get_t tx_burst_mode_get;
	eth_fw_version_get_t fw_version_get;
	eth_dev_supported_ptypes_get_t dev_supported_ptypes_get;
	eth_dev_ptypes_set_t dev_ptypes_set;

	vlan_filter_set_t vlan_filter_set;
	vlan_offload_set_t vlan_offload_set;
	vlan_pvid_set_t vlan_pvid_set;
	vlan_strip_queue_set_t vlan_strip_queue_set;
	vlan_tpid_set_t vlan_tpid_set;

	eth_queue_start_t rx_queue_start;
	eth_queue_stop_t rx_queue_stop;
	eth_queue_start_t tx_queue_start;
	eth_queue_stop_t tx_queue_stop;
	eth_rx_queue_setup_t rx_queue_setup;
	eth_queue_release_t rx_queue_release;
	eth_rx_enable_intr_t rx_queue_intr_enable;
	eth_rx_disable_intr_t rx_queue_intr_disable;
	eth_tx_queue_setup_t tx_queue_setup;
	eth_queue_release_t tx_queue_release;
	eth_tx_done_cleanup_t tx_done_cleanup;

	eth_dev_led_on_t dev_led_on;
	eth_dev_led_off_t dev_led_off;
	flow_ctrl_get_t flow_ctrl_get;
	flow_ctrl_set_t flow_ctrl_set;

	rss_hash_update_t rss_hash_update;
	rss_hash_conf_get_t rss_hash_conf_get;
	reta_update_t reta_update;
	reta_query_t reta_query;

	eth_pool_ops_supported_t pool_ops_supported;

	eth_timesync_enable_t timesync_enable;
	eth_timesync_disable_t timesync_disable;
	eth_timesync_read_rx_timestamp_t timesync_read_rx_timestamp;
	eth_timesync_read_tx_timestamp_t timesync_read_tx_timestamp;
	eth_timesync_adjust_time timesync_adjust_time;
	eth_timesync_read_time timesync_read_time;
	eth_timesync_write_time timesync_write_time;
	eth_read_clock read_clock;

	eth_get_reg_t get_reg;
	eth_get_eeprom_length_t get_eeprom_length;
	eth_get_eeprom_t get_eeprom;
	eth_set_eeprom_t set_eeprom;
	eth_get_module_info_t get_module_info;
	eth_get_module_eeprom_t get_module_eeprom;

	eth_flow_ops_get_t flow_ops_get;
};

/* The port named name, or NULL. */
struct rte_eth_dev *rte_eth_dev_allocated(const char *name);
/*
 * In a secondary process: the port the primary allocated under name, bound
 * to its shared data (the driver then sets its ops and burst functions and
 * calls rte_eth_dev_probing_finish). NULL, with one line logged, if the
 * primary has no such port.
 */
struct rte_eth_dev *rte_eth_dev_attach_secondary(const char *name);
/*
 * A free port, zeroed, with this name (unique): state RTE_ETH_DEV_UNUSED
 * until rte_eth_dev_probing_finish. NULL with rte_errno EEXIST or ENOSPC.
 */
struct rte_eth_dev *rte_eth_dev_allocate(const char *name);
/* Send RTE_ETH_EVENT_DESTROY, rte_free dev_private and mac_addrs, free the port. */
int rte_eth_dev_release_port(struct rte_eth_dev *eth_dev);
/* Mark the port attached and send RTE_ETH_EVENT_NEW. */
void rte_eth_dev_probing_finish(struct rte_eth_dev *dev);
/* Run the application callbacks for event (from the interrupt thread, usually). */
int rte_eth_dev_callback_process(struct rte_eth_dev *dev, enum rte_eth_event_type event,
				 void *ret_param);
/* Drop queues and configuration so that the application must configure again. */
void rte_eth_dev_internal_reset(struct rte_eth_dev *dev);
/* Burst function for ports that are not started: returns 0. */
uint16_t rte_eth_pkt_burst_dummy(void *queue, struct rte_mbuf **pkts, uint16_t nb_pkts);

/*
 * Set the link atomically; 0 if link_status changed, -1 if not. The link
 * fits 8 bytes, so readers on other threads see old or new, never a mix.
 */
static inline int
rte_eth_linkstatus_set(struct rte_eth_dev *dev, const struct rte_eth_link *new_link)
{
	union {
		uint64_t val64;
		struct rte_eth_link link;
	} old, upd;

	RTE_BUILD_BUG_ON(sizeof(*new_link) != sizeof(uint64_t));
	upd.link = *new_link;
	/* seq_cst: pairs with the load in rte_eth_linkstatus_get */
	old.val64 = __atomic_exchange_n((uint64_t *)(void *)&dev->data->dev_link, upd.val64,
					__ATOMIC_SEQ_CST);
	return old.link.link_status == new_link->link_status ? -1 : 0;
}

/*
 * Mark every configured Rx and Tx queue of the port started or stopped
 * (RTE_ETH_QUEUE_STATE_*), as a PMD without per-queue start does in its
 * dev_start and dev_stop.
 */
static inline void
eth_dev_queue_states_set(struct rte_eth_dev *dev, uint8_t state)
{
	uint16_t q;

	for (q = 0; q < dev->data->nb_rx_queues; q++)
		dev->data->rx_queue_state[q] = state;
	for (q = 0; q < dev->data->nb_tx_queues; q++)
		dev->data->tx_queue_state[q] = state;
}

static inline void
rte_eth_linkstatus_get(const struct rte_eth_dev *dev, struct rte_eth_link *link)
{
	union {
		uint64_t val64;
		struct rte_eth_link link;
	} cur;

	/* seq_cst: pairs with the exchange in rte_eth_linkstatus_set */
	cur.val64 = __atomic_load_n((const uint64_t *)(const void *)&dev->data->dev_link,
				    __ATOMIC_SEQ_CST);
	*link = cur.link;
}

#ifdef __cplusplus
}
#endif

#endif
