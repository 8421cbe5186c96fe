/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio on two virtio-net devices that share one QEMU hub, in a VM
 * (app/test/vm/virtio_scenarios.sh): "sluice-test pmd_virtio -a P0 -a P1".
 * Frames cross from port 0 to port 1 and are compared byte for byte (single
 * segments with the header prepended, chains and shared mbufs through the
 * header table); jumbo frames both ways over merged Rx buffers; TCP/UDP
 * checksums left to the device (over a tap backend: SLUICE_VIRTIO_CSUM=1);
 * the control queue's promiscuous and all-multicast modes
 * are checked by what the device lets through; the link-status interrupt
 * (the host toggles port 0's link when SLUICE_VIRTIO_SHARE names a folder it
 * watches); Rx interrupts on a queue's MSI-X vector; a queue-pair count the
 * device does not have is refused; rings of 32 entries go round many times
 * (split indexes wrap, packed wrap counters flip, Tx chains straddle the
 * end of a packed ring).
 */
#include <errno.h>
#include <stdlib.h>

#include <rte_cycles.h>
#include <rte_epoll.h>
#include <rte_ethdev.h>
#include <rte_interrupts.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "test.h"

#define V_NB_DESC 256
#define V_ETHERTYPE 0x88B5	/* IEEE local experimental: nothing else sends it */

static struct rte_mempool *v_pool;
static uint16_t v_nb_desc = V_NB_DESC;	/* ring size of the queues set up from here on */
static uint16_t v_port[2];
static struct rte_ether_addr v_mac[2];
static bool v_ready;
static volatile int lsc_events, lsc_last_status = -1;

static int
v_port_start(uint16_t port, uint16_t nb_q, const struct rte_eth_conf *conf)
{
	int ret = rte_eth_dev_configure(port, nb_q, nb_q, conf);

	if (ret != 0)
		return ret;
	for (uint16_t q = 0; q < nb_q; q++) {
		ret = rte_eth_rx_queue_setup(port, q, v_nb_desc, SOCKET_ID_ANY, NULL, v_pool);
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, v_nb_desc, SOCKET_ID_ANY, NULL);
		if (ret != 0)
			return ret;
	}
	return rte_eth_dev_start(port);
}

static int
v_port_setup(uint16_t port, uint16_t nb_q, bool lsc, bool rxq_intr)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = lsc;
	conf.intr_conf.rxq = rxq_intr;
	return v_port_start(port, nb_q, &conf);
}

static int
v_link_wait(uint16_t port, int status, unsigned int ms)
{
	struct rte_eth_link link;

	for (unsigned int t = 0; t <= ms; t += 10) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == status)
			return 0;
		rte_delay_ms(10);
	}
	return -1;
}

static int
v_setup(void)
{
	if (v_ready)
		return TEST_SUCCESS;
	if (rte_eth_dev_count_avail() < 2) {
		printf("  needs two virtio-net ports (-a P0 -a P1)\n");
		return TEST_SKIPPED;
	}
	v_pool = rte_pktmbuf_pool_create("virtio_test", 4095, 256, 0,
					 RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(v_pool, "mbuf pool");
	for (int i = 0; i < 2; i++) {
		v_port[i] = (uint16_t)i;
		TEST_ASSERT_SUCCESS(v_port_setup(v_port[i], 1, i == 0, false), "port %d", i);
		TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(v_port[i]), "promisc");
		TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(v_port[i], &v_mac[i]), "mac");
		TEST_ASSERT_SUCCESS(v_link_wait(v_port[i], RTE_ETH_LINK_UP, 5000), "link %d", i);
	}
	v_ready = true;
	return TEST_SUCCESS;
}

/*
 * Stop both ports and start them again with conf[0] and conf[1] (NULL: the
 * defaults), promiscuous; port 0 keeps its link-status interrupt.
 */
static int
v_ports_restart(const struct rte_eth_conf *conf[2])
{
	for (int i = 0; i < 2; i++) {
		struct rte_eth_conf c;

		memset(&c, 0, sizeof(c));
		if (conf[i] != NULL)
			c = *conf[i];
		c.intr_conf.lsc = i == 0;
		TEST_ASSERT_SUCCESS(rte_eth_dev_stop(v_port[i]), "stop");
		TEST_ASSERT_SUCCESS(v_port_start(v_port[i], 1, &c), "port %d", i);
		TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(v_port[i]), "promisc");
		TEST_ASSERT_SUCCESS(v_link_wait(v_port[i], RTE_ETH_LINK_UP, 5000), "link %d", i);
	}
	return TEST_SUCCESS;
}

/* A frame of len bytes to dst with a pattern seeded by seq; split into segs segments. */
static struct rte_mbuf *
v_frame_from(struct rte_mempool *mp, const struct rte_ether_addr *dst, uint16_t len,
	     uint32_t seq, unsigned int segs)
{
	struct rte_mbuf *head = NULL, *last = NULL;
	uint16_t off = 0, chunk = (uint16_t)((len + segs - 1) / segs);

	for (unsigned int s = 0; s < segs; s++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
		uint16_t n = (uint16_t)RTE_MIN(chunk, len - off);
		uint8_t *p;

		if (m == NULL || (p = (uint8_t *)rte_pktmbuf_append(m, n)) == NULL) {
			rte_pktmbuf_free(m);
			rte_pktmbuf_free(head);
			return NULL;
		}
		for (uint16_t i = 0; i < n; i++)
			p[i] = (uint8_t)(seq * 7 + off + i);
		if (off == 0) {
			struct rte_ether_hdr *eh = (struct rte_ether_hdr *)p;

			eh->dst_addr = *dst;
			eh->src_addr = v_mac[0];
			eh->ether_type = rte_cpu_to_be_16(V_ETHERTYPE);
			memcpy(p + sizeof(*eh), &seq, sizeof(seq));
			head = m;
		} else {
			last->next = m;
			head->nb_segs++;
			head->pkt_len += n;
		}
		last = m;
		off = (uint16_t)(off + n);
	}
	return head;
}

static struct rte_mbuf *
v_frame(const struct rte_ether_addr *dst, uint16_t len, uint32_t seq, unsigned int segs)
{
	return v_frame_from(v_pool, dst, len, seq, segs);
}

/* Receive on port for up to ms; frames of other ethertypes are dropped. */
static unsigned int
v_collect_type(uint16_t port, uint16_t type, struct rte_mbuf **out, unsigned int max,
	       unsigned int ms)
{
	unsigned int got = 0;

	for (unsigned int t = 0; t < ms && got < max; t++) {
		struct rte_mbuf *b[32];
		uint16_t n = rte_eth_rx_burst(port, 0, b, 32);

		for (uint16_t i = 0; i < n; i++) {
			const struct rte_ether_hdr *eh = rte_pktmbuf_mtod(b[i], struct rte_ether_hdr *);

			if (got < max && eh->ether_type == rte_cpu_to_be_16(type))
				out[got++] = b[i];
			else
				rte_pktmbuf_free(b[i]);
		}
		if (n == 0)
			rte_delay_ms(1);
	}
	return got;
}

static unsigned int
v_collect_on(uint16_t port, struct rte_mbuf **out, unsigned int max, unsigned int ms)
{
	return v_collect_type(port, V_ETHERTYPE, out, max, ms);
}

static unsigned int
v_collect(struct rte_mbuf **out, unsigned int max, unsigned int ms)
{
	return v_collect_on(v_port[1], out, max, ms);
}

static int
v_send_on(uint16_t port, struct rte_mbuf **m, unsigned int n)
{
	unsigned int sent = 0;

	for (unsigned int tries = 0; sent < n && tries < 1000; tries++)
		sent += rte_eth_tx_burst(port, 0, m + sent, (uint16_t)(n - sent));
	return sent == n ? 0 : -1;
}

static int
v_send(struct rte_mbuf **m, unsigned int n)
{
	return v_send_on(v_port[0], m, n);
}

/* The pattern of v_frame(.., len, seq, ..) in m, segment by segment; -1 if all match. */
static long
v_pattern_mismatch(const struct rte_mbuf *m, uint32_t len, uint32_t seq)
{
	uint32_t off = 0, got;
	const void *p;

	for (const struct rte_mbuf *s = m; s != NULL; s = s->next) {
		const uint8_t *p = rte_pktmbuf_mtod(s, const uint8_t *);

		for (uint16_t i = 0; i < s->data_len; i++, off++)
			if (off >= RTE_ETHER_HDR_LEN + 4 && p[i] != (uint8_t)(seq * 7 + off))
				return off;
	}
	if (off != len || m->pkt_len != len)
		return len;
	p = rte_pktmbuf_read(m, RTE_ETHER_HDR_LEN, sizeof(got), &got);
	if (p == NULL)
		return RTE_ETHER_HDR_LEN;
	memcpy(&got, p, sizeof(got));
	return got == seq ? -1 : RTE_ETHER_HDR_LEN;
}

#define V_NB_FRAMES 300

/* Lengths 60..1514, every third a two-segment chain, every fifth shared (refcnt 2). */
static int
test_virtio_bytes(void)
{
	static struct rte_mbuf *tx[V_NB_FRAMES], *keep[V_NB_FRAMES], *rx[V_NB_FRAMES];
	struct rte_eth_stats s0, s1;
	uint64_t bytes = 0;
	unsigned int got;
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	rte_eth_stats_reset(v_port[0]);
	rte_eth_stats_reset(v_port[1]);
	for (uint32_t i = 0; i < V_NB_FRAMES; i++) {
		uint16_t len = (uint16_t)(60 + (i * 97) % (1514 - 60 + 1));

		tx[i] = v_frame(&v_mac[1], len, i, i % 3 == 1 ? 2 : 1);
		TEST_ASSERT_NOT_NULL(tx[i], "frame %u", i);
		keep[i] = NULL;
		if (i % 5 == 0) {
			rte_mbuf_refcnt_update(tx[i], 1);
			keep[i] = tx[i];
		}
		bytes += len;
	}
	/* in bursts of 50, so that the 256-entry Rx ring of port 1 never runs dry */
	for (unsigned int b = 0; b < V_NB_FRAMES; b += 50) {
		TEST_ASSERT_SUCCESS(v_send(tx + b, 50), "tx");
		TEST_ASSERT_EQUAL(v_collect(rx + b, 50, 5000), 50, "frames %u.. received", b);
	}
	got = V_NB_FRAMES;
	for (uint32_t i = 0; i < got; i++) {
		uint16_t len = (uint16_t)(60 + (i * 97) % (1514 - 60 + 1));
		const uint8_t *p = rte_pktmbuf_mtod(rx[i], const uint8_t *);
		uint32_t seq;

		TEST_ASSERT_EQUAL(rx[i]->pkt_len, len, "frame %u length", i);
		TEST_ASSERT_EQUAL(rx[i]->nb_segs, 1, "one segment");
		memcpy(&seq, p + RTE_ETHER_HDR_LEN, sizeof(seq));
		TEST_ASSERT_EQUAL(seq, i, "order");
		for (uint16_t k = RTE_ETHER_HDR_LEN + 4; k < len; k++)
			TEST_ASSERT_EQUAL(p[k], (uint8_t)(i * 7 + k), "frame %u byte %u", i, k);
		/* a shared mbuf went out through the header table: its data is untouched */
		if (keep[i] != NULL) {
			TEST_ASSERT_EQUAL(rte_pktmbuf_mtod(keep[i], uint8_t *)[0],
					  v_mac[1].addr_bytes[0], "shared frame left intact");
			rte_pktmbuf_free(keep[i]);
		}
		rte_pktmbuf_free(rx[i]);
	}
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(v_port[0], &s0), "stats");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(v_port[1], &s1), "stats");
	printf("  %u frames, %" PRIu64 " bytes; port 1 ipackets %" PRIu64 " ibytes %" PRIu64 "\n",
	       V_NB_FRAMES, bytes, s1.ipackets, s1.ibytes);
	TEST_ASSERT_EQUAL(s0.opackets, V_NB_FRAMES, "port 0 opackets");
	TEST_ASSERT_EQUAL(s0.obytes, bytes, "port 0 obytes");
	TEST_ASSERT_EQUAL(s0.q_opackets[0], V_NB_FRAMES, "queue 0 opackets");
	TEST_ASSERT_EQUAL(s1.ipackets, V_NB_FRAMES, "port 1 ipackets");
	TEST_ASSERT_EQUAL(s1.ibytes, bytes, "port 1 ibytes");
	TEST_ASSERT_EQUAL(s1.ierrors + s0.oerrors, 0, "errors");
	return TEST_SUCCESS;
}

#define V_WRAP_RING 32
#define V_WRAP_BURST 12
#define V_WRAP_ROUNDS 25

/*
 * Rings of 32 entries on both ports and 300 frames in bursts of 12: one,
 * two (shared mbuf: header from the table) or three (two segments)
 * descriptors a frame on Tx, so the rings go round about ten times and
 * chains cross their end (virtio 1.1 2.6.6 index wrap, 2.7.1 wrap
 * counters). Every frame arrives in order, byte for byte, and the counters
 * match with no errors.
 */
static int
test_virtio_ring_wrap(void)
{
	const struct rte_eth_conf *conf[2] = { NULL, NULL };
	struct rte_mbuf *tx[V_WRAP_BURST], *rx[V_WRAP_BURST], *keep[V_WRAP_BURST];
	struct rte_eth_stats s0, s1;
	uint64_t bytes = 0;
	uint32_t seq = 0;
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	v_nb_desc = V_WRAP_RING;
	ret = v_ports_restart(conf);
	v_nb_desc = V_NB_DESC;
	TEST_ASSERT_SUCCESS(ret, "rings of %u", V_WRAP_RING);
	rte_eth_stats_reset(v_port[0]);
	rte_eth_stats_reset(v_port[1]);
	for (unsigned int r = 0; r < V_WRAP_ROUNDS; r++) {
		for (unsigned int i = 0; i < V_WRAP_BURST; i++, seq++) {
			uint16_t len = (uint16_t)(60 + (seq * 131) % (1514 - 60 + 1));

			tx[i] = v_frame(&v_mac[1], len, seq, seq % 3 == 1 ? 2 : 1);
			TEST_ASSERT_NOT_NULL(tx[i], "frame %u", seq);
			keep[i] = NULL;
			if (seq % 3 == 2) {
				rte_mbuf_refcnt_update(tx[i], 1);
				keep[i] = tx[i];
			}
			bytes += len;
		}
		TEST_ASSERT_SUCCESS(v_send(tx, V_WRAP_BURST), "round %u sent", r);
		TEST_ASSERT_EQUAL(v_collect(rx, V_WRAP_BURST, 5000), V_WRAP_BURST,
				  "round %u received", r);
		for (unsigned int i = 0; i < V_WRAP_BURST; i++) {
			uint32_t n = seq - V_WRAP_BURST + i;
			uint16_t len = (uint16_t)(60 + (n * 131) % (1514 - 60 + 1));
			long bad = v_pattern_mismatch(rx[i], len, n);

			TEST_ASSERT_EQUAL(bad, -1, "frame %u differs at byte %ld", n, bad);
			rte_pktmbuf_free(rx[i]);
			rte_pktmbuf_free(keep[i]);
		}
	}
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(v_port[0], &s0), "stats");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(v_port[1], &s1), "stats");
	printf("  %u frames through rings of %u, %" PRIu64 " bytes; port 1 ipackets %" PRIu64
	       " ibytes %" PRIu64 "\n", seq, V_WRAP_RING, bytes, s1.ipackets, s1.ibytes);
	TEST_ASSERT_EQUAL(s0.opackets, seq, "port 0 opackets");
	TEST_ASSERT_EQUAL(s0.obytes, bytes, "port 0 obytes");
	TEST_ASSERT_EQUAL(s1.ipackets, seq, "port 1 ipackets");
	TEST_ASSERT_EQUAL(s1.ibytes, bytes, "port 1 ibytes");
	TEST_ASSERT_EQUAL(s1.ierrors + s0.oerrors, 0, "errors");
	return v_ports_restart(conf);	/* back to rings of V_NB_DESC */
}

/* Buffers of a frame of len bytes with merged 2048-byte buffers: the first also holds the header. */
static uint16_t
v_rx_segs(uint32_t len)
{
	const uint32_t room = RTE_MBUF_DEFAULT_BUF_SIZE - RTE_PKTMBUF_HEADROOM;
	const uint32_t hdr = 12;	/* virtio 1.1 5.1.6: struct virtio_net_hdr */

	return (uint16_t)((len + hdr + room + hdr - 1) / (room + hdr));
}

#define V_JUMBO_MTU 9000
#define V_NB_JUMBO 12

/* Send V_NB_JUMBO frames of lens[] from port src to port dst and check them and the counters. */
static int
v_jumbo_run(uint16_t src, uint16_t dst, const uint16_t *lens, struct rte_mempool *big)
{
	struct rte_mbuf *tx[V_NB_JUMBO], *rx[V_NB_JUMBO];
	struct rte_eth_stats so, si;
	uint64_t bytes = 0;
	unsigned int got;

	rte_eth_stats_reset(src);
	rte_eth_stats_reset(dst);
	for (uint32_t i = 0; i < V_NB_JUMBO; i++) {
		/* chains of 2 to 5 segments, every fourth one segment from the big pool */
		if (i % 4 == 3)
			tx[i] = v_frame_from(big, &v_mac[dst], lens[i], i, 1);
		else
			tx[i] = v_frame(&v_mac[dst], lens[i], i, (lens[i] + 2047) / 2048);
		TEST_ASSERT_NOT_NULL(tx[i], "frame %u", i);
		bytes += lens[i];
	}
	TEST_ASSERT_SUCCESS(v_send_on(src, tx, V_NB_JUMBO), "tx");
	got = v_collect_on(dst, rx, V_NB_JUMBO, 5000);
	TEST_ASSERT_EQUAL(got, V_NB_JUMBO, "jumbo frames received on port %u", dst);
	for (uint32_t i = 0; i < got; i++) {
		long bad = v_pattern_mismatch(rx[i], lens[i], i);

		TEST_ASSERT_EQUAL(rx[i]->pkt_len, lens[i], "frame %u length", i);
		TEST_ASSERT_EQUAL(rx[i]->nb_segs, v_rx_segs(lens[i]), "frame %u of %u bytes: segments",
				  i, lens[i]);
		TEST_ASSERT_EQUAL(bad, -1, "frame %u differs at byte %ld", i, bad);
		rte_pktmbuf_free(rx[i]);
	}
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(src, &so), "stats");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(dst, &si), "stats");
	printf("  port %u -> %u: %u jumbo frames, %" PRIu64 " bytes; ipackets %" PRIu64
	       " ibytes %" PRIu64 "\n", src, dst, V_NB_JUMBO, bytes, si.ipackets, si.ibytes);
	TEST_ASSERT_EQUAL(so.opackets, V_NB_JUMBO, "opackets");
	TEST_ASSERT_EQUAL(so.obytes, bytes, "obytes");
	TEST_ASSERT_EQUAL(si.ipackets, V_NB_JUMBO, "ipackets");
	TEST_ASSERT_EQUAL(si.ibytes, bytes, "ibytes");
	TEST_ASSERT_EQUAL(si.ierrors + so.oerrors, 0, "errors");
	return TEST_SUCCESS;
}

/*
 * MTU 9000 with 2 KiB mbufs: refused without the scatter offload; with it
 * (merged Rx buffers, 5.1.6.4) frames up to 9014 bytes cross both ways as
 * chains, byte for byte.
 */
static int
test_virtio_jumbo(void)
{
	static const uint16_t lens[V_NB_JUMBO] = {
		V_JUMBO_MTU + RTE_ETHER_HDR_LEN, 9000, 2048, 2049, 4108, 4109, 60, 8000,
		1514, 6000, 3000, V_JUMBO_MTU + RTE_ETHER_HDR_LEN,
	};
	struct rte_mempool *big;
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(v_port[1], &info), "info");
	printf("  max_rx_pktlen %u, max_mtu %u, min_rx_bufsize %u\n", info.max_rx_pktlen,
	       info.max_mtu, info.min_rx_bufsize);
	/* no host_mtu here: the driver's own limit, DPDK's 9728-byte frame */
	TEST_ASSERT_EQUAL(info.max_rx_pktlen, 9728, "max_rx_pktlen");
	TEST_ASSERT_EQUAL(info.max_mtu, 9728 - RTE_ETHER_HDR_LEN - RTE_VLAN_HLEN, "max_mtu");
	TEST_ASSERT(info.rx_offload_capa & RTE_ETH_RX_OFFLOAD_SCATTER, "scatter offered");
	TEST_ASSERT(info.tx_offload_capa & RTE_ETH_TX_OFFLOAD_MULTI_SEGS, "multi-segment Tx");
	big = rte_pktmbuf_pool_create("virtio_big", 63, 0, 0, RTE_PKTMBUF_HEADROOM + 9216,
				      SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(big, "pool of 9 KiB mbufs");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(v_port[1]), "stop");
	memset(&conf, 0, sizeof(conf));
	conf.rxmode.mtu = V_JUMBO_MTU;
	TEST_ASSERT_EQUAL(v_port_start(v_port[1], 1, &conf), -EINVAL,
			  "MTU 9000 in 2 KiB mbufs without RTE_ETH_RX_OFFLOAD_SCATTER");
	conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS;
	ret = v_ports_restart((const struct rte_eth_conf *[2]){ &conf, &conf });
	if (ret == TEST_SUCCESS)
		ret = v_jumbo_run(v_port[0], v_port[1], lens, big);
	if (ret == TEST_SUCCESS)
		ret = v_jumbo_run(v_port[1], v_port[0], lens, big);
	if (ret == TEST_SUCCESS)
		ret = v_ports_restart((const struct rte_eth_conf *[2]){ NULL, NULL });
	/* only now: stopping the ports freed the big mbufs their Tx rings still held */
	if (ret == TEST_SUCCESS)
		rte_mempool_free(big);
	return ret;
}

#define V_NB_CSUM 16
#define V_CSUM_MAX_LEN 1514
#define V_L4_OFF (RTE_ETHER_HDR_LEN + sizeof(struct rte_ipv4_hdr))

/*
 * Frame i: IPv4 to port 1, UDP for even i and TCP for odd i, the L4
 * checksum left to the NIC (the pseudo-header sum in the field, l2_len and
 * l3_len set); every fourth a two-segment chain. want gets the frame as it
 * must arrive once the checksum is filled in, computed here.
 */
static struct rte_mbuf *
v_l4_frame(uint32_t i, uint16_t len, uint8_t *want)
{
	struct rte_mbuf *m = v_frame(&v_mac[1], len, i, i % 4 == 1 ? 2 : 1);
	uint8_t *p;
	struct rte_ipv4_hdr *ip;
	bool tcp = i % 2 == 1;
	uint32_t field = V_L4_OFF + (tcp ? offsetof(struct rte_tcp_hdr, cksum) :
				     offsetof(struct rte_udp_hdr, dgram_cksum));
	uint16_t sum = 0;

	if (m == NULL)
		return NULL;
	p = rte_pktmbuf_mtod(m, uint8_t *);
	((struct rte_ether_hdr *)p)->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(p + RTE_ETHER_HDR_LEN);
	memset(ip, 0, sizeof(*ip));
	ip->version_ihl = 0x45;
	ip->total_length = rte_cpu_to_be_16((uint16_t)(len - RTE_ETHER_HDR_LEN));
	ip->packet_id = rte_cpu_to_be_16((uint16_t)i);
	ip->time_to_live = 64;
	ip->next_proto_id = tcp ? IPPROTO_TCP : IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(0xC6120001);	/* 198.18.0.1 -> .2 (RFC 2544) */
	ip->dst_addr = rte_cpu_to_be_32(0xC6120002);
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	m->l2_len = RTE_ETHER_HDR_LEN;
	m->l3_len = sizeof(*ip);
	if (tcp) {
		struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(p + V_L4_OFF);

		memset(th, 0, sizeof(*th));
		th->src_port = rte_cpu_to_be_16((uint16_t)(5000 + i));
		th->dst_port = rte_cpu_to_be_16(9);
		th->sent_seq = rte_cpu_to_be_32(i);
		th->data_off = 5 << 4;
		th->tcp_flags = RTE_TCP_ACK_FLAG;
		th->rx_win = rte_cpu_to_be_16(1024);
		m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_TCP_CKSUM;
	} else {
		struct rte_udp_hdr *uh = (struct rte_udp_hdr *)(p + V_L4_OFF);

		uh->src_port = rte_cpu_to_be_16((uint16_t)(5000 + i));
		uh->dst_port = rte_cpu_to_be_16(9);
		uh->dgram_len = rte_cpu_to_be_16((uint16_t)(len - V_L4_OFF));
		m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_UDP_CKSUM;
	}
	memcpy(p + field, &sum, sizeof(sum));
	if (rte_pktmbuf_read(m, 0, len, want) != want)
		memcpy(want, p, len);	/* one segment: already flat */
	sum = rte_ipv4_udptcp_cksum((const struct rte_ipv4_hdr *)(want + RTE_ETHER_HDR_LEN),
				    want + V_L4_OFF);
	memcpy(want + field, &sum, sizeof(sum));
	sum = rte_ipv4_phdr_cksum(ip, m->ol_flags);
	memcpy(p + field, &sum, sizeof(sum));
	return m;
}

/* Tx offloads on port 0, Rx offloads on port 1 */
static int
v_csum_ports(uint64_t tx_offloads, uint64_t rx_offloads)
{
	struct rte_eth_conf c0, c1;

	memset(&c0, 0, sizeof(c0));
	memset(&c1, 0, sizeof(c1));
	c0.txmode.offloads = tx_offloads;
	c1.rxmode.offloads = rx_offloads;
	return v_ports_restart((const struct rte_eth_conf *[2]){ &c0, &c1 });
}

/*
 * One round of V_NB_CSUM frames with the checksum left to port 0's device.
 * rx_offload: port 1 negotiated VIRTIO_NET_F_GUEST_CSUM, so frames arrive
 * as sent, checksum not filled in, RTE_MBUF_F_RX_L4_CKSUM_NONE; without it
 * they arrive with the checksum this test computed, no L4 flag.
 */
static int
v_csum_round(bool rx_offload)
{
	static uint8_t want[V_NB_CSUM][V_CSUM_MAX_LEN], got[V_CSUM_MAX_LEN];
	struct rte_mbuf *tx[V_NB_CSUM], *rx[V_NB_CSUM];
	uint16_t lens[V_NB_CSUM];
	unsigned int n;

	for (uint32_t i = 0; i < V_NB_CSUM; i++) {
		lens[i] = (uint16_t)(80 + (i * 331) % (V_CSUM_MAX_LEN - 80 + 1));
		tx[i] = v_l4_frame(i, lens[i], want[i]);
		TEST_ASSERT_NOT_NULL(tx[i], "frame %u", i);
		if (rx_offload) {	/* what arrives: the pseudo-header sum still in the field */
			const uint8_t *p = rte_pktmbuf_mtod(tx[i], const uint8_t *);
			uint32_t at = V_L4_OFF + (i % 2 ? offsetof(struct rte_tcp_hdr, cksum) :
						  offsetof(struct rte_udp_hdr, dgram_cksum));

			memcpy(want[i] + at, p + at, 2);
		}
	}
	TEST_ASSERT_SUCCESS(v_send(tx, V_NB_CSUM), "tx");
	n = v_collect_type(v_port[1], RTE_ETHER_TYPE_IPV4, rx, V_NB_CSUM, 5000);
	TEST_ASSERT_EQUAL(n, V_NB_CSUM, "frames received");
	for (uint32_t i = 0; i < n; i++) {
		const struct rte_ipv4_hdr *ip;
		const void *p;
		uint64_t l4 = rx[i]->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_MASK;
		uint32_t ptype = rx[i]->packet_type & RTE_PTYPE_L4_MASK;

		TEST_ASSERT_EQUAL(rx[i]->pkt_len, lens[i], "frame %u length", i);
		p = rte_pktmbuf_read(rx[i], 0, lens[i], got);
		TEST_ASSERT_NOT_NULL(p, "frame %u: read", i);
		if (p != got)
			memcpy(got, p, lens[i]);
		for (uint16_t k = 0; k < lens[i]; k++)
			TEST_ASSERT_EQUAL(got[k], want[i][k], "frame %u byte %u", i, k);
		ip = (const struct rte_ipv4_hdr *)(got + RTE_ETHER_HDR_LEN);
		if (rx_offload) {
			TEST_ASSERT_EQUAL(l4, RTE_MBUF_F_RX_L4_CKSUM_NONE, "frame %u: L4 flags %#" PRIx64,
					  i, l4);
			TEST_ASSERT_EQUAL(ptype, i % 2 ? RTE_PTYPE_L4_TCP : RTE_PTYPE_L4_UDP,
					  "frame %u: packet type %#x", i, rx[i]->packet_type);
		} else {
			TEST_ASSERT_EQUAL(l4, RTE_MBUF_F_RX_L4_CKSUM_UNKNOWN, "frame %u: L4 flags", i);
			TEST_ASSERT_SUCCESS(rte_ipv4_udptcp_cksum_verify(ip, got + V_L4_OFF),
					    "frame %u: the checksum the device filled in", i);
		}
		rte_pktmbuf_free(rx[i]);
	}
	printf("  %u TCP/UDP frames, checksum by the device, %s\n", n,
	       rx_offload ? "left open for port 1 (RX_L4_CKSUM_NONE)" : "filled in and verified");
	return TEST_SUCCESS;
}

/* A checksum request whose field lies past the frame's end is dropped and counted. */
static int
v_csum_bad_request(void)
{
	static uint8_t want[V_CSUM_MAX_LEN];
	struct rte_mbuf *m = v_l4_frame(0, 80, want), *rx[1];
	struct rte_eth_stats st;

	TEST_ASSERT_NOT_NULL(m, "frame");
	m->l3_len = 100;	/* csum_start 114 in an 80-byte frame */
	rte_eth_stats_reset(v_port[0]);
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(v_port[0], 0, &m, 1), 1, "taken (and dropped)");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(v_port[0], &st), "stats");
	TEST_ASSERT_EQUAL(st.oerrors, 1, "oerrors");
	TEST_ASSERT_EQUAL(st.opackets, 0, "opackets");
	TEST_ASSERT_EQUAL(v_collect_type(v_port[1], RTE_ETHER_TYPE_IPV4, rx, 1, 300), 0,
			  "nothing on the wire");
	return TEST_SUCCESS;
}

/*
 * Tx checksum offload (VIRTIO_NET_F_CSUM) and Rx checksum flags
 * (VIRTIO_NET_F_GUEST_CSUM). SLUICE_VIRTIO_CSUM=1 says the devices offer
 * them (QEMU: a tap backend with vnet headers; a hub has none): then frames
 * go both with and without port 1's Rx offload; else the offloads must not
 * be offered and are refused.
 */
static int
test_virtio_csum(void)
{
	const uint64_t tx_ol = RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM;
	const uint64_t rx_ol = RTE_ETH_RX_OFFLOAD_UDP_CKSUM | RTE_ETH_RX_OFFLOAD_TCP_CKSUM;
	const char *env = getenv("SLUICE_VIRTIO_CSUM");
	bool offered = env != NULL && strcmp(env, "1") == 0;
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(v_port[0], &info), "info");
	TEST_ASSERT_EQUAL(info.tx_offload_capa & tx_ol, offered ? tx_ol : 0, "Tx checksum capa");
	TEST_ASSERT_EQUAL(info.rx_offload_capa & rx_ol, offered ? rx_ol : 0, "Rx checksum capa");
	if (!offered) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_stop(v_port[0]), "stop");
		memset(&conf, 0, sizeof(conf));
		conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_UDP_CKSUM;
		TEST_ASSERT_EQUAL(rte_eth_dev_configure(v_port[0], 1, 1, &conf), -EINVAL,
				  "Tx checksum offload without VIRTIO_NET_F_CSUM");
		return v_csum_ports(0, 0);
	}
	ret = v_csum_ports(tx_ol, rx_ol);
	if (ret == TEST_SUCCESS)
		ret = v_csum_round(true);
	if (ret == TEST_SUCCESS)
		ret = v_csum_bad_request();
	if (ret == TEST_SUCCESS)
		ret = v_csum_ports(tx_ol, 0);
	if (ret == TEST_SUCCESS)
		ret = v_csum_round(false);
	if (ret == TEST_SUCCESS)
		ret = v_csum_ports(0, 0);
	return ret;
}

/* Send n frames to dst from port 0; how many port 1 receives. */
static unsigned int
v_through(const struct rte_ether_addr *dst, unsigned int n)
{
	struct rte_mbuf *m[16], *rx[16];
	unsigned int got;

	for (unsigned int i = 0; i < n; i++)
		if ((m[i] = v_frame(dst, 64, i, 1)) == NULL)
			return 0;
	if (v_send(m, n) != 0)
		return 0;
	got = v_collect(rx, n, 300);
	for (unsigned int i = 0; i < got; i++)
		rte_pktmbuf_free(rx[i]);
	return got;
}

/* 5.1.6.5.1 through the control queue: the device filters what port 1 sees. */
static int
test_virtio_rx_mode(void)
{
	const struct rte_ether_addr other = { { 0x02, 0, 0, 0, 0, 0x99 } };
	const struct rte_ether_addr mcast = { { 0x01, 0, 0x5e, 0, 0, 0x42 } };
	uint16_t p1 = v_port[1];
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_EQUAL(v_through(&other, 8), 8, "promiscuous: any unicast");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(p1), "promisc off");
	TEST_ASSERT_SUCCESS(rte_eth_allmulticast_disable(p1), "allmulti off");
	TEST_ASSERT_EQUAL(v_through(&other, 8), 0, "filtered: unicast to another MAC");
	TEST_ASSERT_EQUAL(v_through(&v_mac[1], 8), 8, "filtered: unicast to the port");
	TEST_ASSERT_EQUAL(v_through(&mcast, 8), 0, "filtered: multicast");
	TEST_ASSERT_SUCCESS(rte_eth_allmulticast_enable(p1), "allmulti on");
	TEST_ASSERT_EQUAL(v_through(&mcast, 8), 8, "all-multicast: multicast");
	TEST_ASSERT_EQUAL(v_through(&other, 8), 0, "all-multicast: unicast to another MAC");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(p1), "promisc on");
	TEST_ASSERT_EQUAL(v_through(&other, 8), 8, "promiscuous again");
	return TEST_SUCCESS;
}

static int
v_lsc_cb(uint16_t port, enum rte_eth_event_type type, void *arg __rte_unused,
	 void *ret __rte_unused)
{
	struct rte_eth_link link;

	if (type != RTE_ETH_EVENT_INTR_LSC || rte_eth_link_get_nowait(port, &link) != 0)
		return 0;
	printf("  LSC callback on port %u (%s thread): link %s\n", port,
	       rte_thread_is_intr() ? "eal-intr" : "other", link.link_status ? "up" : "down");
	lsc_last_status = link.link_status;
	lsc_events++;
	return 0;
}

static int
v_share_touch(const char *dir, const char *name)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fclose(f);
	return 0;
}

static int
v_lsc_wait(int events, int status)
{
	for (unsigned int ms = 0; ms < 20000; ms += 10) {
		if (lsc_events >= events && lsc_last_status == status)
			return 0;
		rte_delay_ms(10);
	}
	return -1;
}

/* The host runs "set_link net0 off", then "on"; the config-change vector raises LSC. */
static int
test_virtio_lsc(void)
{
	const char *share = getenv("SLUICE_VIRTIO_SHARE");
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	if (share == NULL) {
		printf("  SLUICE_VIRTIO_SHARE not set: nobody toggles the link\n");
		return TEST_SKIPPED;
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(v_port[0], RTE_ETH_EVENT_INTR_LSC,
							  v_lsc_cb, NULL), "register");
	TEST_ASSERT_SUCCESS(v_share_touch(share, "lsc-ready"), "share");
	TEST_ASSERT_SUCCESS(v_lsc_wait(1, RTE_ETH_LINK_DOWN), "LSC callback with link down");
	TEST_ASSERT_SUCCESS(v_share_touch(share, "lsc-down"), "share");
	TEST_ASSERT_SUCCESS(v_lsc_wait(2, RTE_ETH_LINK_UP), "LSC callback with link up");
	printf("  LSC events: %d\n", lsc_events);
	rte_eth_dev_callback_unregister(v_port[0], RTE_ETH_EVENT_INTR_LSC, v_lsc_cb, NULL);
	return TEST_SUCCESS;
}

/* Rx queue 0 of port 1 on MSI-X vector 1: its eventfd wakes epoll on a frame, not before. */
static int
test_virtio_rx_intr(void)
{
	struct rte_epoll_event ev;
	uint16_t p1 = v_port[1];
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(p1), "stop");
	TEST_ASSERT_SUCCESS(v_port_setup(p1, 1, false, true), "start with intr_conf.rxq");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(p1), "promisc");
	TEST_ASSERT_SUCCESS(v_link_wait(p1, RTE_ETH_LINK_UP, 5000), "link");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_ctl_q(p1, 0, RTE_EPOLL_PER_THREAD,
						      RTE_INTR_EVENT_ADD, NULL), "ctl");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_enable(p1, 0), "enable");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 200), 0,
			  "no frame, no wake-up");
	{
		struct rte_mbuf *m = v_frame(&v_mac[1], 100, 1, 1);

		TEST_ASSERT(m != NULL && v_send(&m, 1) == 0, "send");
	}
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 3000), 1,
			  "a frame wakes the queue's eventfd");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_disable(p1, 0), "disable");
	{
		struct rte_mbuf *rx[4];

		TEST_ASSERT_EQUAL(v_collect(rx, 1, 1000), 1, "the frame is there");
		rte_pktmbuf_free(rx[0]);
	}
	rte_eth_dev_rx_intr_ctl_q(p1, 0, RTE_EPOLL_PER_THREAD, RTE_INTR_EVENT_DEL, NULL);
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(p1), "stop");
	TEST_ASSERT_SUCCESS(v_port_setup(p1, 1, false, false), "back to polling");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(p1), "promisc");
	return TEST_SUCCESS;
}

/* More queue pairs than max_virtqueue_pairs: refused at configure; xstats per queue. */
static int
test_virtio_queues(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	struct rte_eth_xstat_name names[16];
	uint16_t p1 = v_port[1];
	int ret = v_setup(), n;

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(p1, &info), "info");
	printf("  port 1: %u queue pair(s), ring of %u\n", info.max_rx_queues,
	       info.rx_desc_lim.nb_max);
	n = rte_eth_xstats_get_names(p1, names, RTE_DIM(names));
	TEST_ASSERT(n >= 7 && n <= (int)RTE_DIM(names), "xstats: %d", n);
	/* the driver's seven come last, after ethdev's basic ones */
	TEST_ASSERT(strcmp(names[n - 7].name, "rx_q0_packets") == 0 &&
		    strcmp(names[n - 4].name, "rx_q0_nombuf") == 0 &&
		    strcmp(names[n - 1].name, "tx_q0_errors") == 0, "xstat names");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(p1), "stop");
	memset(&conf, 0, sizeof(conf));
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(p1, info.max_rx_queues + 1,
						info.max_tx_queues + 1, &conf), -EINVAL,
			  "more pairs than the device has");
	TEST_ASSERT_SUCCESS(v_port_setup(p1, 1, false, false), "one pair again");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(p1), "promisc");
	return TEST_SUCCESS;
}

/* Close releases the queues; a stop/start cycle in between keeps frames flowing. */
static int
test_virtio_close(void)
{
	int ret = v_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(v_port[0]), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(v_port[0]), "restart");
	TEST_ASSERT_SUCCESS(v_link_wait(v_port[0], RTE_ETH_LINK_UP, 5000), "link");
	TEST_ASSERT_EQUAL(v_through(&v_mac[1], 8), 8, "frames after a restart");
	for (int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_stop(v_port[i]), "stop");
		TEST_ASSERT_SUCCESS(rte_eth_dev_close(v_port[i]), "close");
	}
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), 0, "ports gone");
	v_ready = false;
	return TEST_SUCCESS;
}

static const struct test_case virtio_cases[] = {
	TEST_CASE(test_virtio_bytes),
	TEST_CASE(test_virtio_ring_wrap),
	TEST_CASE(test_virtio_jumbo),
	TEST_CASE(test_virtio_csum),
	TEST_CASE(test_virtio_rx_mode),
	TEST_CASE(test_virtio_rx_intr),
	TEST_CASE(test_virtio_queues),
	TEST_CASE(test_virtio_lsc),
	TEST_CASE(test_virtio_close),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pmd_virtio, TEST_SUITE_EAL, virtio_cases);
