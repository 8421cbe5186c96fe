/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * What testpmd prints about ports, queues and devices (show port info|
 * summary, show rxq|txq info, show device info), field by field as DPDK's
 * testpmd prints them so that scripts written for one read the other.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_bus.h>
#include <rte_dev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_mempool.h>

#include "testpmd.h"

static const char info_border[] = "*********************";

static const char *
onoff(int v)
{
	return v == 1 ? "enabled" : "disabled";
}

static const char *
on_off(int v)
{
	return v ? "on" : "off";
}

static void
vlan_offload_display(uint16_t port_id)
{
	int v = rte_eth_dev_get_vlan_offload(port_id);

	if (v < 0)
		return;
	printf("VLAN offload: \n");
	printf("  strip %s, filter %s, extend %s, qinq strip %s\n",
	       on_off(v & RTE_ETH_VLAN_STRIP_OFFLOAD), on_off(v & RTE_ETH_VLAN_FILTER_OFFLOAD),
	       on_off(v & RTE_ETH_VLAN_EXTEND_OFFLOAD), on_off(v & RTE_ETH_QINQ_STRIP_OFFLOAD));
}

static void
dev_capabilities_display(uint64_t capa)
{
	printf("Device capabilities: 0x%" PRIx64 "(", capa);
	for (unsigned int bit = 0; bit < 64; bit++)
		if (capa & (1ull << bit))
			printf(" %s", rte_eth_dev_capability_name(1ull << bit));
	printf(" )\n");
}

static const char *
err_handle_mode_name(enum rte_eth_err_handle_mode mode)
{
	switch (mode) {
	case RTE_ETH_ERROR_HANDLE_MODE_NONE:
		return "none";
	case RTE_ETH_ERROR_HANDLE_MODE_PASSIVE:
		return "passive";
	case RTE_ETH_ERROR_HANDLE_MODE_PROACTIVE:
		return "proactive";
	default:
		return "unknown";
	}
}

/* The single-bit RSS types under the names testpmd's users type. */
static const struct {
	uint64_t flag;
	const char *name;
} rss_type_names[] = {
	{RTE_ETH_RSS_IPV4, "ipv4"},
	{RTE_ETH_RSS_FRAG_IPV4, "ipv4-frag"},
	{RTE_ETH_RSS_NONFRAG_IPV4_TCP, "ipv4-tcp"},
	{RTE_ETH_RSS_NONFRAG_IPV4_UDP, "ipv4-udp"},
	{RTE_ETH_RSS_NONFRAG_IPV4_SCTP, "ipv4-sctp"},
	{RTE_ETH_RSS_NONFRAG_IPV4_OTHER, "ipv4-other"},
	{RTE_ETH_RSS_IPV6, "ipv6"},
	{RTE_ETH_RSS_FRAG_IPV6, "ipv6-frag"},
	{RTE_ETH_RSS_NONFRAG_IPV6_TCP, "ipv6-tcp"},
	{RTE_ETH_RSS_NONFRAG_IPV6_UDP, "ipv6-udp"},
	{RTE_ETH_RSS_NONFRAG_IPV6_SCTP, "ipv6-sctp"},
	{RTE_ETH_RSS_NONFRAG_IPV6_OTHER, "ipv6-other"},
	{RTE_ETH_RSS_L2_PAYLOAD, "l2-payload"},
	{RTE_ETH_RSS_IPV6_EX, "ipv6-ex"},
	{RTE_ETH_RSS_IPV6_TCP_EX, "ipv6-tcp-ex"},
	{RTE_ETH_RSS_IPV6_UDP_EX, "ipv6-udp-ex"},
	{RTE_ETH_RSS_PORT, "port"},
	{RTE_ETH_RSS_VXLAN, "vxlan"},
	{RTE_ETH_RSS_GENEVE, "geneve"},
	{RTE_ETH_RSS_NVGRE, "nvgre"},
	{RTE_ETH_RSS_GTPU, "gtpu"},
	{RTE_ETH_RSS_ETH, "eth"},
	{RTE_ETH_RSS_S_VLAN, "s-vlan"},
	{RTE_ETH_RSS_C_VLAN, "c-vlan"},
	{RTE_ETH_RSS_ESP, "esp"},
	{RTE_ETH_RSS_AH, "ah"},
	{RTE_ETH_RSS_L2TPV3, "l2tpv3"},
	{RTE_ETH_RSS_PFCP, "pfcp"},
	{RTE_ETH_RSS_PPPOE, "pppoe"},
	{RTE_ETH_RSS_ECPRI, "ecpri"},
	{RTE_ETH_RSS_MPLS, "mpls"},
	{RTE_ETH_RSS_IPV4_CHKSUM, "ipv4-chksum"},
	{RTE_ETH_RSS_L4_CHKSUM, "l4-chksum"},
	{RTE_ETH_RSS_L2TPV2, "l2tpv2"},
	{RTE_ETH_RSS_L3_PRE96, "l3-pre96"},
	{RTE_ETH_RSS_L3_PRE64, "l3-pre64"},
	{RTE_ETH_RSS_L3_PRE56, "l3-pre56"},
	{RTE_ETH_RSS_L3_PRE48, "l3-pre48"},
	{RTE_ETH_RSS_L3_PRE40, "l3-pre40"},
	{RTE_ETH_RSS_L3_PRE32, "l3-pre32"},
	{RTE_ETH_RSS_L2_DST_ONLY, "l2-dst-only"},
	{RTE_ETH_RSS_L2_SRC_ONLY, "l2-src-only"},
	{RTE_ETH_RSS_L4_DST_ONLY, "l4-dst-only"},
	{RTE_ETH_RSS_L4_SRC_ONLY, "l4-src-only"},
	{RTE_ETH_RSS_L3_DST_ONLY, "l3-dst-only"},
	{RTE_ETH_RSS_L3_SRC_ONLY, "l3-src-only"},
};

/* DPDK testpmd's largest hash key: longer keys a driver reports are refused. */
#define RSS_KEY_MAX 128

/* Lines of at most this many characters, as DPDK's testpmd wraps them. */
#define RSS_TYPES_LINE_CHARS 64

void
rss_types_display(uint64_t types)
{
	unsigned int col = 0;

	for (unsigned int bit = 0; bit < 64; bit++) {
		const char *name = NULL;
		char unnamed[32];
		unsigned int len;

		if (!(types & (1ull << bit)))
			continue;
		for (size_t i = 0; i < RTE_DIM(rss_type_names) && name == NULL; i++)
			if (rss_type_names[i].flag == 1ull << bit)
				name = rss_type_names[i].name;
		if (name == NULL) {
			snprintf(unnamed, sizeof(unnamed), "user-defined-%u", bit);
			name = unnamed;
		}
		len = (unsigned int)strlen(name) + 2;
		if (col + len >= RSS_TYPES_LINE_CHARS) {
			printf("\n");
			col = 0;
		}
		printf("  %s", name);
		col += len;
	}
	printf("\n");
}

void
port_infos_display(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	const struct rte_devargs *da;
	char name[RTE_ETH_NAME_MAX_LEN] = "";
	char mac[RTE_ETHER_ADDR_FMT_SIZE];
	char fw[64];
	struct rte_ether_addr addr;
	int socket = rte_eth_dev_socket_id(port_id);
	uint16_t mtu = 0;

	if (rte_eth_link_get_nowait(port_id, &link) != 0 ||
	    rte_eth_dev_info_get(port_id, &info) != 0) {
		printf("Cannot get the link or device info of port %u\n", port_id);
		return;
	}
	/* Like DPDK's testpmd, a port on no NUMA node is shown on socket 0. */
	if (socket < 0)
		socket = 0;
	printf("\n%s Infos for port %-2d %s\n", info_border, port_id, info_border);
	if (rte_eth_macaddr_get(port_id, &addr) == 0) {
		rte_ether_format_addr(mac, sizeof(mac), &addr);
		printf("MAC address: %s", mac);
	}
	rte_eth_dev_get_name_by_port(port_id, name);
	printf("\nDevice name: %s", name);
	printf("\nDriver name: %s", info.driver_name);
	printf("\nFirmware-version: %s",
	       rte_eth_dev_fw_version_get(port_id, fw, sizeof(fw)) == 0 ? fw : "not available");
	da = info.device != NULL ? rte_dev_devargs(info.device) : NULL;
	if (da != NULL && da->args != NULL)
		printf("\nDevargs: %s", da->args);
	printf("\nConnect to socket: %d", socket);
	printf("\nmemory allocation on the socket: %d", socket);
	printf("\nLink status: %s\n", link.link_status ? "up" : "down");
	printf("Link speed: %s\n", rte_eth_link_speed_to_str(link.link_speed));
	printf("Link duplex: %s\n",
	       link.link_duplex == RTE_ETH_LINK_FULL_DUPLEX ? "full-duplex" : "half-duplex");
	printf("Autoneg status: %s\n", link.link_autoneg == RTE_ETH_LINK_AUTONEG ? "On" : "Off");
	if (rte_eth_dev_get_mtu(port_id, &mtu) == 0)
		printf("MTU: %u\n", mtu);
	printf("Promiscuous mode: %s\n", onoff(rte_eth_promiscuous_get(port_id)));
	printf("Allmulticast mode: %s\n", onoff(rte_eth_allmulticast_get(port_id)));
	printf("Maximum number of MAC addresses: %u\n", info.max_mac_addrs);
	printf("Maximum number of MAC addresses of hash filtering: %u\n", info.max_hash_mac_addrs);
	vlan_offload_display(port_id);
	if (info.hash_key_size > 0)
		printf("Hash key size in bytes: %u\n", info.hash_key_size);
	if (info.reta_size > 0)
		printf("Redirection table size: %u\n", info.reta_size);
	if (info.flow_type_rss_offloads == 0)
		printf("No RSS offload flow type is supported.\n");
	else {
		printf("Supported RSS offload flow types:\n");
		rss_types_display(info.flow_type_rss_offloads);
	}
	printf("Minimum size of RX buffer: %u\n", info.min_rx_bufsize);
	printf("Maximum configurable length of RX packet: %u\n", info.max_rx_pktlen);
	printf("Maximum configurable size of LRO aggregated packet: %u\n", info.max_lro_pkt_size);
	if (info.max_vfs)
		printf("Maximum number of VFs: %u\n", info.max_vfs);
	if (info.max_vmdq_pools)
		printf("Maximum number of VMDq pools: %u\n", info.max_vmdq_pools);
	printf("Current number of RX queues: %u\n", info.nb_rx_queues);
	printf("Max possible RX queues: %u\n", info.max_rx_queues);
	printf("Max possible number of RXDs per queue: %u\n", info.rx_desc_lim.nb_max);
	printf("Min possible number of RXDs per queue: %u\n", info.rx_desc_lim.nb_min);
	printf("RXDs number alignment: %u\n", info.rx_desc_lim.nb_align);
	printf("Current number of TX queues: %u\n", info.nb_tx_queues);
	printf("Max possible TX queues: %u\n", info.max_tx_queues);
	printf("Max possible number of TXDs per queue: %u\n", info.tx_desc_lim.nb_max);
	printf("Min possible number of TXDs per queue: %u\n", info.tx_desc_lim.nb_min);
	printf("TXDs number alignment: %u\n", info.tx_desc_lim.nb_align);
	printf("Max segment number per packet: %u\n", info.tx_desc_lim.nb_seg_max);
	printf("Max segment number per MTU/TSO: %u\n", info.tx_desc_lim.nb_mtu_seg_max);
	dev_capabilities_display(info.dev_capa);
	printf("Device error handling mode: %s\n", err_handle_mode_name(info.err_handle_mode));
}

void
port_summary_header_display(void)
{
	printf("Number of available ports: %i\n", rte_eth_dev_count_avail());
	printf("%-4s %-17s %-12s %-14s %-8s %s\n", "Port", "MAC Address", "Name", "Driver",
	       "Status", "Link");
}

void
port_summary_display(uint16_t port_id)
{
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	struct rte_ether_addr addr;
	char name[RTE_ETH_NAME_MAX_LEN];
	char mac[RTE_ETHER_ADDR_FMT_SIZE];

	if (rte_eth_link_get_nowait(port_id, &link) != 0 ||
	    rte_eth_dev_info_get(port_id, &info) != 0 ||
	    rte_eth_dev_get_name_by_port(port_id, name) != 0 ||
	    rte_eth_macaddr_get(port_id, &addr) != 0) {
		printf("Cannot read the link, info or MAC address of port %u\n", port_id);
		return;
	}
	rte_ether_format_addr(mac, sizeof(mac), &addr);
	printf("%-4d %s %-12s %-14s %-8s %s\n", port_id, mac, name, info.driver_name,
	       link.link_status ? "up" : "down", rte_eth_link_speed_to_str(link.link_speed));
}

static const char *
queue_state_name(uint8_t state)
{
	switch (state) {
	case RTE_ETH_QUEUE_STATE_STOPPED:
		return "stopped";
	case RTE_ETH_QUEUE_STATE_STARTED:
		return "started";
	case RTE_ETH_QUEUE_STATE_HAIRPIN:
		return "hairpin";
	default:
		return "unknown";
	}
}

static void
burst_mode_display(int ret, const struct rte_eth_burst_mode *mode)
{
	if (ret == 0)
		printf("\nBurst mode: %s%s", mode->info,
		       (mode->flags & RTE_ETH_BURST_FLAG_PER_QUEUE) ? " (per queue)" : "");
	printf("\n");
}

void
rx_queue_infos_display(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_burst_mode mode;
	struct rte_eth_rxq_info q;
	int ret = rte_eth_rx_queue_info_get(port_id, queue_id, &q);

	if (ret != 0) {
		printf("Failed to retrieve information for port: %u, RX queue: %u\n"
		       "error desc: %s(%d)\n",
		       port_id, queue_id, strerror(-ret), ret);
		return;
	}
	printf("\n%s Infos for port %-2u, RX queue %-2u %s", info_border, port_id, queue_id,
	       info_border);
	printf("\nMempool: %s", q.mp == NULL ? "NULL" : q.mp->name);
	printf("\nRX prefetch threshold: %u", q.conf.rx_thresh.pthresh);
	printf("\nRX host threshold: %u", q.conf.rx_thresh.hthresh);
	printf("\nRX writeback threshold: %u", q.conf.rx_thresh.wthresh);
	printf("\nRX free threshold: %u", q.conf.rx_free_thresh);
	printf("\nRX drop packets: %s", on_off(q.conf.rx_drop_en));
	printf("\nRX deferred start: %s", on_off(q.conf.rx_deferred_start));
	printf("\nRX scattered packets: %s", on_off(q.scattered_rx));
	printf("\nRx queue state: %s", queue_state_name(q.queue_state));
	if (q.rx_buf_size != 0)
		printf("\nRX buffer size: %u", q.rx_buf_size);
	printf("\nNumber of RXDs: %u", q.nb_desc);
	burst_mode_display(rte_eth_rx_burst_mode_get(port_id, queue_id, &mode), &mode);
}

void
tx_queue_infos_display(uint16_t port_id, uint16_t queue_id)
{
	struct rte_eth_burst_mode mode;
	struct rte_eth_txq_info q;
	int ret = rte_eth_tx_queue_info_get(port_id, queue_id, &q);

	if (ret != 0) {
		printf("Failed to retrieve information for port: %u, TX queue: %u\n"
		       "error desc: %s(%d)\n",
		       port_id, queue_id, strerror(-ret), ret);
		return;
	}
	printf("\n%s Infos for port %-2u, TX queue %-2u %s", info_border, port_id, queue_id,
	       info_border);
	printf("\nTX prefetch threshold: %u", q.conf.tx_thresh.pthresh);
	printf("\nTX host threshold: %u", q.conf.tx_thresh.hthresh);
	printf("\nTX writeback threshold: %u", q.conf.tx_thresh.wthresh);
	printf("\nTX RS threshold: %u", q.conf.tx_rs_thresh);
	printf("\nTX free threshold: %u", q.conf.tx_free_thresh);
	printf("\nTX deferred start: %s", on_off(q.conf.tx_deferred_start));
	printf("\nNumber of TXDs: %u", q.nb_desc);
	printf("\nTx queue state: %s", queue_state_name(q.queue_state));
	burst_mode_display(rte_eth_tx_burst_mode_get(port_id, queue_id, &mode), &mode);
}

static void
speed_capa_display(uint32_t capa)
{
	static const struct {
		uint32_t flag;
		const char *text;
	} speeds[] = {
		{RTE_ETH_LINK_SPEED_FIXED, " Disable autonegotiate (fixed speed)  "},
		{RTE_ETH_LINK_SPEED_10M_HD, " 10 Mbps half-duplex  "},
		{RTE_ETH_LINK_SPEED_10M, " 10 Mbps full-duplex  "},
		{RTE_ETH_LINK_SPEED_100M_HD, " 100 Mbps half-duplex  "},
		{RTE_ETH_LINK_SPEED_100M, " 100 Mbps full-duplex  "},
		{RTE_ETH_LINK_SPEED_1G, " 1 Gbps  "},
		{RTE_ETH_LINK_SPEED_2_5G, " 2.5 Gbps  "},
		{RTE_ETH_LINK_SPEED_5G, " 5 Gbps  "},
		{RTE_ETH_LINK_SPEED_10G, " 10 Gbps  "},
		{RTE_ETH_LINK_SPEED_20G, " 20 Gbps  "},
		{RTE_ETH_LINK_SPEED_25G, " 25 Gbps  "},
		{RTE_ETH_LINK_SPEED_40G, " 40 Gbps  "},
		{RTE_ETH_LINK_SPEED_50G, " 50 Gbps  "},
		{RTE_ETH_LINK_SPEED_56G, " 56 Gbps  "},
		{RTE_ETH_LINK_SPEED_100G, " 100 Gbps  "},
		{RTE_ETH_LINK_SPEED_200G, " 200 Gbps  "},
	};

	printf("\n\tDevice speed capability:");
	if (capa == RTE_ETH_LINK_SPEED_AUTONEG)
		printf(" Autonegotiate (all speeds)");
	for (size_t i = 0; i < RTE_DIM(speeds); i++)
		if (capa & speeds[i].flag)
			printf("%s", speeds[i].text);
}

/*
 * One block a device, then its ports. Devices are found through their
 * ports, so a device without an ethdev port is not listed.
 */
void
device_infos_display(void)
{
	const struct rte_device *seen[RTE_MAX_ETHPORTS];
	unsigned int nb_seen = 0;
	uint16_t pid, p;

	RTE_ETH_FOREACH_DEV(pid)
	{
		struct rte_eth_dev_info info;
		const struct rte_device *dev;
		const struct rte_devargs *da;
		const char *bus_info;
		bool dup = false;

		if (rte_eth_dev_info_get(pid, &info) != 0 || info.device == NULL)
			continue;
		dev = info.device;
		for (unsigned int i = 0; i < nb_seen; i++)
			dup = dup || seen[i] == dev;
		if (dup)
			continue;
		seen[nb_seen++] = dev;
		bus_info = rte_dev_bus_info(dev);
		da = rte_dev_devargs(dev);
		printf("\n%s Infos for device %s %s\n", info_border, rte_dev_name(dev),
		       info_border);
		printf("Bus name: %s", rte_bus_name(rte_dev_bus(dev)));
		printf("\nBus information: %s", bus_info != NULL ? bus_info : "");
		printf("\nDriver name: %s", rte_driver_name(rte_dev_driver(dev)));
		printf("\nDevargs: %s", da != NULL && da->args != NULL ? da->args : "");
		printf("\nConnect to socket: %d", rte_dev_numa_node(dev));
		printf("\n");
		RTE_ETH_FOREACH_DEV_OF(p, dev)
		{
			char name[RTE_ETH_NAME_MAX_LEN];
			char mac[RTE_ETHER_ADDR_FMT_SIZE];
			struct rte_ether_addr addr;
			struct rte_eth_dev_info pinfo;

			printf("\n\tPort id: %-2d", p);
			if (rte_eth_macaddr_get(p, &addr) == 0) {
				rte_ether_format_addr(mac, sizeof(mac), &addr);
				printf("\n\tMAC address: %s", mac);
			}
			if (rte_eth_dev_get_name_by_port(p, name) == 0)
				printf("\n\tDevice name: %s", name);
			if (rte_eth_dev_info_get(p, &pinfo) == 0)
				speed_capa_display(pinfo.speed_capa);
			printf("\n");
		}
	}
}

/* "show port N rss-hash [key]": the hash types in use, and the key. */
int
port_rss_hash_display(uint16_t port_id, bool show_key)
{
	uint8_t key[RSS_KEY_MAX];
	struct rte_eth_rss_conf conf = {0};
	struct rte_eth_dev_info info;
	int diag;

	if (rte_eth_dev_info_get(port_id, &info) != 0)
		return -1;
	if (info.hash_key_size == 0 || info.hash_key_size > sizeof(key)) {
		printf("dev_info did not provide a valid hash key size\n");
		return -1;
	}
	conf.rss_key = show_key ? key : NULL;
	conf.rss_key_len = info.hash_key_size;
	diag = rte_eth_dev_rss_hash_conf_get(port_id, &conf);
	if (diag == -ENODEV)
		printf("port index %u invalid\n", port_id);
	else if (diag == -ENOTSUP)
		printf("operation not supported by device\n");
	else if (diag != 0)
		printf("operation failed - diag=%d\n", diag);
	if (diag != 0)
		return diag;
	if (conf.rss_hf == 0) {
		printf("RSS disabled\n");
		return 0;
	}
	printf("RSS functions:\n");
	rss_types_display(conf.rss_hf);
	if (!show_key)
		return 0;
	printf("RSS key:\n");
	for (unsigned int i = 0; i < info.hash_key_size; i++)
		printf("%02X", key[i]);
	printf("\n");
	return 0;
}

/* show port N macs: the port's addresses, the unused (zero) slots left out, as DPDK. */
void
port_macs_display(uint16_t port_id)
{
	char buf[RTE_ETHER_ADDR_FMT_SIZE];
	struct rte_eth_dev_info info;
	struct rte_ether_addr *addrs;
	int nb, used = 0;

	nb = rte_eth_dev_info_get(port_id, &info);
	addrs = nb == 0 ? calloc(RTE_MAX(info.max_mac_addrs, 1u), sizeof(*addrs)) : NULL;
	if (addrs != NULL)
		nb = rte_eth_macaddrs_get(port_id, addrs, info.max_mac_addrs);
	if (addrs == NULL || nb < 0) {
		printf("Cannot read the MAC addresses of port %u: %s\n", port_id,
		       strerror(nb < 0 ? -nb : ENOMEM));
		free(addrs);
		return;
	}
	for (int i = 0; i < nb; i++)
		used += !rte_is_zero_ether_addr(&addrs[i]);
	printf("Number of MAC address added: %d\n", used);
	for (int i = 0; i < nb; i++) {
		if (rte_is_zero_ether_addr(&addrs[i]))
			continue;
		rte_ether_format_addr(buf, sizeof(buf), &addrs[i]);
		printf("  %s\n", buf);
	}
	free(addrs);
}

/*
 * show port N ptypes: the packet types the port recognizes, layer by layer
 * in DPDK's words; nothing at all when the driver cannot say, as DPDK.
 */
void
port_ptypes_display(uint16_t port_id)
{
	static const struct {
		uint32_t mask;
		const char *name;
	} layers[] = {
		{RTE_PTYPE_L2_MASK, "L2"},
		{RTE_PTYPE_L3_MASK, "L3"},
		{RTE_PTYPE_L4_MASK, "L4"},
		{RTE_PTYPE_TUNNEL_MASK, "Tunnel"},
		{RTE_PTYPE_INNER_L2_MASK, "Inner L2"},
		{RTE_PTYPE_INNER_L3_MASK, "Inner L3"},
		{RTE_PTYPE_INNER_L4_MASK, "Inner L4"},
	};
	uint32_t ptypes[16];
	char name[256];

	if (rte_eth_dev_get_supported_ptypes(port_id, RTE_PTYPE_L2_MASK, NULL, 0) < 0)
		return;
	for (size_t l = 0; l < RTE_DIM(layers); l++) {
		int nb = rte_eth_dev_get_supported_ptypes(port_id, layers[l].mask, ptypes,
							  RTE_DIM(ptypes));

		if (nb > 0)
			printf("Supported %s ptypes:\n", layers[l].name);
		else
			printf("%s ptypes unsupported\n", layers[l].name);
		/* The count may exceed the array: only what it holds is printed. */
		for (int i = 0; i < RTE_MIN(nb, (int)RTE_DIM(ptypes)); i++) {
			rte_get_ptype_name(ptypes[i], name, sizeof(name));
			printf("%s\n", name);
		}
	}
}
