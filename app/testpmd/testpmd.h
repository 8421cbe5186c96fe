/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-testpmd: a throughput tool with the command line, commands and
 * output of DPDK's testpmd for its common subset.
 *
 * Model: the forwarding configuration is a list of streams (rx port/queue
 * -> tx port/queue); each forwarding lcore polls a contiguous slice of the
 * streams with the current engine until told to stop. Everything else
 * (ports, stats, commands) runs on the main lcore.
 */
#ifndef _TESTPMD_H_
#define _TESTPMD_H_

#include <stdatomic.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include <rte_common.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#define TESTPMD_MAX_BURST 512
#define TESTPMD_DEF_BURST 32
#define TESTPMD_MAX_TXSEGS 8
#define TESTPMD_MBUF_CACHE 250
#define TESTPMD_DEF_MBUF_DATA_SIZE RTE_MBUF_DEFAULT_BUF_SIZE
#define TESTPMD_MAX_QUEUES 64

enum port_topology {
	TOPO_PAIRED,
	TOPO_CHAINED,
	TOPO_LOOP,
};

/* How many bursts had each size, 0..TESTPMD_MAX_BURST (--record-burst-stats). */
struct fwd_burst_stats {
	uint32_t rx[TESTPMD_MAX_BURST + 1];
	uint32_t tx[TESTPMD_MAX_BURST + 1];
};

/* One rx queue polled by one lcore, and where its packets go. */
struct fwd_stream {
	uint16_t rx_port;
	uint16_t rx_queue;
	uint16_t tx_port;
	uint16_t tx_queue;
	uint32_t flow_next;	/* flowgen: next flow index; txonly: --txonly-multi-flow */
	void *engine_data;	/* the engine's per-stream state (noisy), or NULL */
	/* Written only by the owning lcore; read after it stopped. */
	uint64_t rx_packets;
	uint64_t tx_packets;
	uint64_t fwd_dropped;
	uint64_t core_cycles;	/* --record-core-cycles */
	/* csum: packets the port flagged with a bad checksum */
	uint64_t rx_bad_ip_csum;
	uint64_t rx_bad_l4_csum;
	uint64_t rx_bad_outer_l4_csum;
	uint64_t rx_bad_outer_ip_csum;
	struct fwd_burst_stats *bursts;	/* NULL unless --record-burst-stats */
} __rte_cache_aligned;

/* A forwarding lcore and its slice of the stream list. */
struct fwd_lcore {
	unsigned int lcore_id;
	uint16_t stream_first;
	uint16_t stream_nb;
	/* Set by the main lcore to end the loop; read relaxed by the worker. */
	atomic_bool stopped;
} __rte_cache_aligned;

/* A forwarding engine: one lcore loop over its streams. */
struct fwd_engine {
	const char *name;
	int (*lcore_loop)(void *fwd_lcore);
	/* Called once per port before forwarding starts (may be NULL). */
	int (*port_begin)(uint16_t port_id);
	/* Called once per stream before the lcores start, and after they stopped. */
	int (*stream_begin)(struct fwd_stream *fs);
	void (*stream_end)(struct fwd_stream *fs);
};

struct port_state {
	bool configured;
	bool started;
	struct rte_ether_addr mac;
	/* Port counters when forwarding started ("Forward statistics"). */
	struct rte_eth_stats fwd_base;
	/* Last "show port stats" sample, for the pps/bps since then. */
	uint64_t prev_ipackets, prev_opackets, prev_ibytes, prev_obytes;
	uint64_t prev_ns;
	/* The queue settings given to every queue of the port (DPDK shows them). */
	struct rte_eth_rxconf rxconf;
	struct rte_eth_txconf txconf;
	/* port config N rx_offload|tx_offload NAME on|off, over the command line's */
	uint64_t rx_offloads_on, rx_offloads_off;
	uint64_t tx_offloads_on, tx_offloads_off;
	/* --display-xstats: ids of the names the port has, and their last values */
	uint64_t *xstats_ids;
	uint64_t *xstats_prev;
	unsigned int nb_xstats_ids;
	uint64_t xstats_prev_ns;
};

/* Everything the command line and the commands set. */
struct testpmd_cfg {
	bool interactive;
	bool auto_start;
	bool tx_first;
	bool no_flush_rx;
	bool no_link_check; /* --disable-link-check */
	bool record_core_cycles;
	bool record_burst_stats;
	bool rx_cksum;	/* --enable-rx-cksum: RTE_ETH_RX_OFFLOAD_CHECKSUM on every port */
	bool tx_retry;	/* "set fwd MODE retry": retry what the tx queue did not take */
	bool xstats_hide_zero;	/* "set xstats-hide-zero on": show port xstats skips zeros */
	uint32_t tx_retry_num;	/* retries a burst (set burst tx delay D retry R) */
	uint32_t tx_retry_delay_us;	/* between retries */
	uint16_t nb_rxq;
	uint16_t nb_txq;
	uint16_t nb_rxd;
	uint16_t nb_txd;
	uint16_t burst;
	uint16_t nb_fwd_lcores;
	uint16_t nb_fwd_ports;	/* 0: all available */
	uint16_t txpkts[TESTPMD_MAX_TXSEGS];
	uint16_t nb_txsegs;
	uint32_t tx_pkt_len;	/* sum of txpkts */
	uint16_t mbuf_data_size;
	uint16_t mbuf_cache;	/* --mbcache: per-lcore mbuf cache */
	uint32_t max_pkt_len;	/* --max-pkt-len: 0 keeps the port's MTU */
	uint64_t portmask;	/* --portmask: forwarding ports, 0: all */
	uint32_t total_num_mbufs;	/* 0: computed */
	uint32_t stats_period;	/* seconds, 0: none */
	uint32_t run_time;	/* seconds, 0: until a signal or "quit" */
	enum port_topology topology;
	uint64_t rss_hf;
	const char *cmdline_file;	/* run after the ports start, or NULL */
	bool numa;	/* --numa (default) / --no-numa: a pool per socket of the ports */
	bool no_lsc_intr;	/* --no-lsc-interrupt */
	bool no_rmv_intr;	/* --no-rmv-interrupt */
	bool mlockall;	/* --mlockall */
	uint64_t rx_offloads;	/* --rx-offloads, asked of every port */
	uint64_t tx_offloads;	/* --tx-offloads */
	uint16_t nb_hairpinq;	/* --hairpinq */
	uint32_t link_speeds;	/* --eth-link-speed: RTE_ETH_LINK_SPEED_* | FIXED, 0: auto */
	/* --rxpt/--rxht/--rxwt/--rxfreet/--txpt/--txht/--txwt/--txfreet/--txrst; -1: driver's */
	int32_t rx_pthresh, rx_hthresh, rx_wthresh, rx_free_thresh;
	int32_t tx_pthresh, tx_hthresh, tx_wthresh, tx_free_thresh, tx_rs_thresh;
	uint32_t event_print_mask;	/* 1 << RTE_ETH_EVENT_*: the events printed */
	/* txonly/flowgen addresses (host order), --tx-ip / --tx-udp */
	uint32_t tx_ip_src, tx_ip_dst;
	uint16_t tx_udp_src, tx_udp_dst;
	bool txonly_multi_flow;
	uint32_t flowgen_flows;	/* --flowgen-flows */
	uint16_t flowgen_clones;	/* --flowgen-clones */
	/* --noisy-*: DPDK's noisy_vnf parameters */
	uint32_t noisy_tx_sw_bufsz;	/* packets held before sending; 0: none */
	uint32_t noisy_flush_ms;	/* flush the held packets after this idle time */
	uint32_t noisy_lkup_mem_mb;	/* memory the lookups touch */
	uint32_t noisy_lkup_writes, noisy_lkup_reads, noisy_lkup_reads_writes;
	/* --display-xstats: names shown under each port's periodic statistics */
	char **xstats_display;
	unsigned int nb_xstats_display;
	const struct fwd_engine *engine;
};

extern struct testpmd_cfg cfg;
extern struct port_state ports[RTE_MAX_ETHPORTS];
extern struct rte_ether_addr peer_addr[RTE_MAX_ETHPORTS];
extern struct rte_mempool *mbuf_pool;

/* Forwarding ports in use, in order. */
extern uint16_t fwd_ports[RTE_MAX_ETHPORTS];
extern uint16_t nb_fwd_ports;

/* The current forwarding configuration (rebuilt at each start). */
extern struct fwd_stream *fwd_streams;
extern uint16_t nb_fwd_streams;
extern struct fwd_lcore fwd_lcores[RTE_MAX_LCORE];
extern uint16_t nb_fwd_lcores;
/* Every lcore that may forward (all enabled lcores but the main one). */
extern unsigned int fwd_lcore_ids[RTE_MAX_LCORE];
extern unsigned int nb_avail_fwd_lcores;

extern atomic_bool force_quit;

/* engines (fwd_*.c) */
extern const struct fwd_engine io_engine;
extern const struct fwd_engine mac_engine;
extern const struct fwd_engine macswap_engine;
extern const struct fwd_engine rxonly_engine;
extern const struct fwd_engine txonly_engine;
extern const struct fwd_engine flowgen_engine;
extern const struct fwd_engine five_tuple_swap_engine;
extern const struct fwd_engine icmpecho_engine;
extern const struct fwd_engine csum_engine;
extern const struct fwd_engine noisy_engine;
extern const struct fwd_engine *const fwd_engines[];
const struct fwd_engine *fwd_engine_find(const char *name);
/* Print the engine names separated by spaces (for error messages). */
const char *fwd_engine_names(void);

/* txonly/flowgen packet template (fwd_txonly.c) */
int tx_pkts_alloc(struct rte_mbuf **pkts, uint16_t n, uint16_t tx_port, uint32_t flow);

/* txpkts.c: "X[,Y]*" segment lengths of --txpkts and "set txpkts" */
struct txpkts {
	uint16_t len[TESTPMD_MAX_TXSEGS];
	uint16_t nb;
	uint32_t total;
};
/* Each prints one line starting with prefix to out and returns -1 on a bad value. */
int txpkts_parse(const char *arg, FILE *out, const char *prefix, struct txpkts *t);
int txpkts_fit(const struct txpkts *t, uint16_t mbuf_data_size, FILE *out, const char *prefix);
void txpkts_apply(const struct txpkts *t);

/* parameters.c: 0 to go on, 1 after --help, -1 on a bad option (one line) */
int testpmd_parse_args(int argc, char **argv);
void testpmd_args_free(void);

/* param_values.c: option values; each prints one line and returns -1 if bad */
int opt_offloads_parse(const char *opt, const char *arg, uint64_t *offloads);
int opt_coremask_parse(const char *arg);
int opt_link_speed_parse(const char *arg);
int opt_event_parse(const char *arg, bool print);
int opt_xstats_names_parse(const char *arg);
int opt_tx_ip_parse(const char *arg);
int opt_tx_udp_parse(const char *arg);

/* cmd_set.c: the lists of "set portlist|corelist", --portlist and --coremask */
int fwd_portlist_set(const char *what, char *list);
int fwd_coremask_set(uint64_t mask);

/* port_events.c: ethdev events printed as DPDK's testpmd (--print-event, --mask-event) */
#define EVENT_PRINT_DEFAULT                                                                     \
	(UINT32_C(1) << RTE_ETH_EVENT_UNKNOWN | UINT32_C(1) << RTE_ETH_EVENT_INTR_LSC |          \
	 UINT32_C(1) << RTE_ETH_EVENT_QUEUE_STATE | UINT32_C(1) << RTE_ETH_EVENT_INTR_RESET |    \
	 UINT32_C(1) << RTE_ETH_EVENT_IPSEC | UINT32_C(1) << RTE_ETH_EVENT_MACSEC |              \
	 UINT32_C(1) << RTE_ETH_EVENT_INTR_RMV | UINT32_C(1) << RTE_ETH_EVENT_FLOW_AGED |        \
	 UINT32_C(1) << RTE_ETH_EVENT_ERR_RECOVERING |                                          \
	 UINT32_C(1) << RTE_ETH_EVENT_RECOVERY_SUCCESS |                                        \
	 UINT32_C(1) << RTE_ETH_EVENT_RECOVERY_FAILED)
/* One event name of --print-event/--mask-event to its mask bits; -1 if unknown. */
int event_mask_parse(const char *name, uint32_t *mask);
int port_events_register(void);
void port_events_unregister(void);

/* testpmd.c */
void cfg_defaults(void);
int mbuf_pool_create(uint16_t nb_ports);
void mbuf_pools_free(void);
/* Free what a port's state holds and zero it (the port is closed or detached). */
void port_state_reset(uint16_t port_id);
void ports_close(void);
/* Every worker lcore may forward: fill fwd_lcore_ids. */
void fwd_lcores_find(void);
int ports_start(uint16_t port_id);	/* RTE_MAX_ETHPORTS: all */
int ports_stop(uint16_t port_id);
int ports_close_one(uint16_t port_id);	/* PORT_ALL: all */
/* The next start configures the ports again (new queue counts, ...). */
void ports_reconfig(void);
bool ports_all_stopped(void);
/* Send tx_first_bursts bursts on every stream before the lcores start. */
int fwd_start(unsigned int tx_first_bursts);
int fwd_stop(void);
bool fwd_running(void);
void fwd_config_setup(void);
void fwd_streams_free(void);

/* config.c: displays in the shape of DPDK's testpmd */
void nic_stats_display(uint16_t port_id);
void nic_stats_clear(uint16_t port_id);
void nic_xstats_display(uint16_t port_id);
void port_infos_display(uint16_t port_id);
void port_macs_display(uint16_t port_id);
void port_ptypes_display(uint16_t port_id);
void fwd_config_display(void);
void rxtx_config_display(void);
void fwd_stats_display(void);
void fwd_stats_reset(void);
void periodic_stats_display(void);
uint64_t now_ns(void);
void port_summary_header_display(void);
void port_summary_display(uint16_t port_id);
void rx_queue_infos_display(uint16_t port_id, uint16_t queue_id);
void tx_queue_infos_display(uint16_t port_id, uint16_t queue_id);
void device_infos_display(void);
void fwd_lcores_config_display(void);
void tx_pkt_segments_display(void);
void nic_xstats_clear(uint16_t port_id);
/* xstats_display.c: --display-xstats */
void port_xstats_display_init(uint16_t port_id);
void port_xstats_display(uint16_t port_id);
void port_xstats_display_free(uint16_t port_id);
/* cmd_offload.c: show port N rx_offload|tx_offload capabilities|configuration */
int cmd_show_port_offload(char **tok, int n);
int cmd_port_config_offload(char **tok, int n);
/* Hash types, wrapped at 64 characters as DPDK's testpmd (port_info.c). */
void rss_types_display(uint64_t types);
int port_rss_hash_display(uint16_t port_id, bool show_key);

/* verbose.c: "set verbose N" per-packet lines */
void verbose_level_set(uint16_t level);
uint16_t verbose_level_get(void);
void verbose_callbacks_apply(uint16_t port_id);
void verbose_callbacks_remove(uint16_t port_id);
void verbose_callbacks_free_retired(void);

/* cmdline.c */
int cmdline_run(void);
/* Run one command line; returns 1 when it was "quit". */
int cmdline_exec(char *line);
/* Run the commands of a file ("load", --cmdline-file); -1 if unreadable. */
int cmdline_file_exec(const char *path);
/* The fuzz target turns "load" off: it must not read the machine's files. */
extern bool cmdline_load_allowed;
extern unsigned long tx_first_max;

/* Argument helpers of the commands; each prints one line on a bad value. */
#define PORT_ALL RTE_MAX_ETHPORTS
/* "all" -> PORT_ALL, a valid port id -> itself, else -1. */
int cmd_port_arg(const char *arg);
/* A valid port id, else -1 ("all" included). */
int cmd_one_port_arg(const char *arg);
int cmd_number_arg(const char *what, const char *arg, unsigned long min, unsigned long max,
		   unsigned long *val);
/* Call fn for one port, or for every port with PORT_ALL. */
void cmd_for_ports(int port, void (*fn)(uint16_t));

/* cmd_show.c: show, clear and dump_* */
int cmd_show(char **tok, int n);
int cmd_clear(char **tok, int n);
int cmd_dump(char **tok, int n);

/* cmd_set.c: set fwd|burst|nbcore|nbport|eth-peer|verbose|record-* (then cmd_set_port) */
int cmd_set(char **tok, int n);

/* cmd_port.c: port, set promisc|allmulti|link-up|link-down, mac_addr */
int cmd_port(char **tok, int n);
/* Returns 1 when tok is not one of its "set" commands. */
int cmd_set_port(char **tok, int n);
int cmd_mac_addr(char **tok, int n);

/* cmd_rss.c: port config N rss reta|rss-hash-key, show port N rss reta */
int cmd_port_rss(char **tok, int n);
int cmd_show_port_reta(char **tok, int n);

/* cmd_vlan.c: vlan set, rx_vlan, and the EEPROM dumps of "show port" */
int cmd_vlan(char **tok, int n);
int cmd_rx_vlan(char **tok, int n);
int port_eeprom_display(uint16_t port_id, bool module);

/* cmd_hotplug.c: port attach|detach */
int port_attach(const char *devargs);
/*
 * NULL, or the one driver "port attach" may probe: the fuzz target keeps it
 * to net_null, whose devices touch nothing of the machine (net_pcap could
 * write files, net_tap create interfaces).
 */
extern const char *port_attach_only;
int port_detach(uint16_t port_id);

/* cmd_flow_ctrl.c: set flow_ctrl, show port N flow_ctrl */
int cmd_set_flow_ctrl(char **tok, int n);
int cmd_show_port_flow_ctrl(char **tok, int n);

/* cmd_flow.c: flow validate|create|destroy|flush|list|query|isolate */
int cmd_flow(char **tok, int n);
/* Forget the port's rules (it is closed or detached). */
void flow_rules_release(uint16_t port_id);

#endif
