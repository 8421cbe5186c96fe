/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Engines that generate packets: txonly sends one UDP flow (--tx-ip and
 * --tx-udp, by default 198.18.0.1:9 -> 198.18.0.2:9 like DPDK's testpmd;
 * --txonly-multi-flow varies the source address), flowgen spreads the
 * destination address over --flowgen-flows flows, each packet sent
 * --flowgen-clones more times, and drops what it receives. Packet lengths
 * and segments come from --txpkts.
 */
#include <string.h>

#include <rte_byteorder.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_udp.h>

#include "fwd_loop.h"
#include "testpmd.h"

#define TX_NO_FLOW UINT32_MAX

struct tx_hdr {
	struct rte_ether_hdr eth;
	struct rte_ipv4_hdr ip;
	struct rte_udp_hdr udp;
};
/* Headers back to back, as on the wire (rte_ipv4_hdr is packed). */
_Static_assert(sizeof(struct tx_hdr) == 42, "tx_hdr must be 14 + 20 + 8 bytes");

static void
tx_hdr_fill(struct tx_hdr *h, uint16_t tx_port, uint32_t flow)
{
	uint32_t len = cfg.tx_pkt_len;

	rte_ether_addr_copy(&peer_addr[tx_port], &h->eth.dst_addr);
	rte_ether_addr_copy(&ports[tx_port].mac, &h->eth.src_addr);
	h->eth.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	memset(&h->ip, 0, sizeof(h->ip));
	h->ip.version_ihl = RTE_IPV4_VHL_DEF;
	h->ip.time_to_live = 64;
	h->ip.next_proto_id = IPPROTO_UDP;
	h->ip.total_length = rte_cpu_to_be_16((uint16_t)(len - sizeof(struct rte_ether_hdr)));
	h->ip.src_addr = rte_cpu_to_be_32(cfg.tx_ip_src);
	h->ip.dst_addr = rte_cpu_to_be_32(flow == TX_NO_FLOW ? cfg.tx_ip_dst : cfg.tx_ip_dst + flow);
	h->ip.hdr_checksum = rte_ipv4_cksum(&h->ip);
	h->udp.src_port = rte_cpu_to_be_16(cfg.tx_udp_src);
	h->udp.dst_port = rte_cpu_to_be_16(cfg.tx_udp_dst);
	h->udp.dgram_len = rte_cpu_to_be_16((uint16_t)(len - sizeof(struct rte_ether_hdr) -
						       sizeof(struct rte_ipv4_hdr)));
	h->udp.dgram_cksum = 0;
}

/* Lay out one packet of cfg.txpkts segments from head (and more mbufs). */
static int
tx_pkt_build(struct rte_mbuf *head, const struct tx_hdr *h)
{
	struct rte_mbuf *prev = head;

	head->data_len = cfg.txpkts[0];
	head->pkt_len = cfg.tx_pkt_len;
	head->nb_segs = cfg.nb_txsegs;
	memcpy(rte_pktmbuf_mtod(head, void *), h, sizeof(*h));
	for (uint16_t s = 1; s < cfg.nb_txsegs; s++) {
		struct rte_mbuf *seg = rte_pktmbuf_alloc(mbuf_pool);

		if (seg == NULL) {
			rte_pktmbuf_free(head);
			return -1;
		}
		seg->data_len = cfg.txpkts[s];
		prev->next = seg;
		prev = seg;
	}
	return 0;
}

static void
tx_hdr_ip_src_set(struct tx_hdr *h, uint32_t addr)
{
	h->ip.src_addr = rte_cpu_to_be_32(addr);
	h->ip.hdr_checksum = 0;
	h->ip.hdr_checksum = rte_ipv4_cksum(&h->ip);
}

static void
tx_hdr_ip_dst_set(struct tx_hdr *h, uint32_t addr)
{
	h->ip.dst_addr = rte_cpu_to_be_32(addr);
	h->ip.hdr_checksum = 0;
	h->ip.hdr_checksum = rte_ipv4_cksum(&h->ip);
}

/*
 * Allocate and fill n packets for tx_port; flow TX_NO_FLOW gives txonly's
 * single flow, else flowgen's flows from index flow on, each flow in
 * 1 + --flowgen-clones packets in a row. vary (txonly --txonly-multi-flow,
 * else NULL) is the stream's counter of source addresses. Returns how many
 * were made (fewer when the pool runs dry).
 */
static int
tx_pkts_make(struct rte_mbuf **pkts, uint16_t n, uint16_t tx_port, uint32_t flow,
	     uint32_t *vary)
{
	const uint32_t per_flow = (uint32_t)cfg.flowgen_clones + 1;
	struct tx_hdr h;
	uint16_t i, made = 0;

	if (rte_pktmbuf_alloc_bulk(mbuf_pool, pkts, n) != 0)
		return 0;
	tx_hdr_fill(&h, tx_port, flow);
	for (i = 0; i < n; i++) {
		if (flow != TX_NO_FLOW && i % per_flow == 0)
			tx_hdr_ip_dst_set(&h, cfg.tx_ip_dst +
						      (flow + i / per_flow) % cfg.flowgen_flows);
		/* DPDK's multi-flow sources: the destination with a varying third byte. */
		if (vary != NULL)
			tx_hdr_ip_src_set(&h, (cfg.tx_ip_dst | (uint8_t)(*vary)++ << 8) +
						      rte_lcore_id());
		if (tx_pkt_build(pkts[i], &h) < 0) {
			if (i + 1 < n)
				rte_pktmbuf_free_bulk(&pkts[i + 1], n - i - 1);
			break;
		}
		pkts[made++] = pkts[i];
	}
	return made;
}

int
tx_pkts_alloc(struct rte_mbuf **pkts, uint16_t n, uint16_t tx_port, uint32_t flow)
{
	return tx_pkts_make(pkts, n, tx_port, flow, NULL);
}

static inline uint16_t
txonly_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb;

	nb = (uint16_t)tx_pkts_make(pkts, burst, fs->tx_port, TX_NO_FLOW,
				    cfg.txonly_multi_flow ? &fs->flow_next : NULL);
	if (nb == 0)
		return 0;
	fwd_tx_burst(fs, pkts, nb);
	return nb;
}
FWD_LCORE_LOOP(txonly_lcore_loop, txonly_step)

static inline uint16_t
flowgen_step(struct fwd_stream *fs, uint16_t burst)
{
	struct rte_mbuf *pkts[TESTPMD_MAX_BURST];
	uint16_t nb_rx, nb;

	/* flowgen drops whatever comes in, so that its rx queue never fills up. */
	nb_rx = fwd_rx_burst(fs, pkts, burst);
	rte_pktmbuf_free_bulk(pkts, nb_rx);
	nb = (uint16_t)tx_pkts_alloc(pkts, burst, fs->tx_port, fs->flow_next);
	if (nb == 0)
		return nb_rx;
	fs->flow_next = (fs->flow_next + (nb + cfg.flowgen_clones) / (cfg.flowgen_clones + 1u)) %
			cfg.flowgen_flows;
	fwd_tx_burst(fs, pkts, nb);
	return (uint16_t)(nb_rx + nb);
}
FWD_LCORE_LOOP(flowgen_lcore_loop, flowgen_step)

const struct fwd_engine txonly_engine = {
	.name = "txonly", .lcore_loop = txonly_lcore_loop };
const struct fwd_engine flowgen_engine = {
	.name = "flowgen", .lcore_loop = flowgen_lcore_loop };
