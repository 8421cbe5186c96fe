/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em on two emulated NICs that share one hub, in a VM (see
 * app/test/vm/e1000e_scenarios.sh): "sluice-test pmd_e1000e -a P0 -a P1".
 * Frames go from port 0 to port 1 and back and are compared byte for byte;
 * counters, filters, Tx checksum offload and the Rx checksum flags (good and
 * bad), chained jumbo frames, the link-status interrupt (the
 * host toggles the link of port 0 when SLUICE_E1000E_SHARE names a folder
 * it watches) and Rx interrupts (82574L) are checked.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <unistd.h>
#include <sys/stat.h>

#include <rte_cycles.h>
#include <rte_epoll.h>
#include <rte_ethdev.h>
#include <rte_interrupts.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_tcp.h>
#include <rte_udp.h>

#include "test.h"

#define E_NB_DESC 256
#define E_ETHERTYPE 0x88B5	/* IEEE local experimental: nothing else sends it */
#define E_MAGIC 0x51C1

static struct rte_mempool *e_pool;
static uint16_t e_port[2];
static struct rte_ether_addr e_mac[2];
static bool e_ready;

static int
e_port_setup(uint16_t port, bool lsc, bool rxq_intr, uint16_t mtu)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	conf.intr_conf.lsc = lsc;
	conf.intr_conf.rxq = rxq_intr;
	if (mtu > RTE_ETHER_MTU)
		conf.rxmode.offloads = RTE_ETH_RX_OFFLOAD_SCATTER;
	conf.rxmode.offloads |= RTE_ETH_RX_OFFLOAD_CHECKSUM;
	conf.txmode.offloads = RTE_ETH_TX_OFFLOAD_MULTI_SEGS | RTE_ETH_TX_OFFLOAD_IPV4_CKSUM |
			       RTE_ETH_TX_OFFLOAD_UDP_CKSUM | RTE_ETH_TX_OFFLOAD_TCP_CKSUM;
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_set_mtu(port, mtu);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, E_NB_DESC, SOCKET_ID_ANY, NULL, e_pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, E_NB_DESC, SOCKET_ID_ANY, NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	return ret;
}

static int
e_link_wait(uint16_t port, uint8_t want, unsigned int ms)
{
	struct rte_eth_link link;

	for (unsigned int t = 0; t <= ms; t += 10) {
		if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == want)
			return 0;
		rte_delay_ms(10);
	}
	return -1;
}

/* A test frame of len bytes to dst: our ethertype, magic, sequence, pattern. */
static void
e_frame_fill(uint8_t *p, uint32_t len, const struct rte_ether_addr *dst,
	     const struct rte_ether_addr *src, uint16_t seq)
{
	memcpy(p, dst, 6);
	memcpy(p + 6, src, 6);
	p[12] = E_ETHERTYPE >> 8;
	p[13] = E_ETHERTYPE & 0xff;
	p[14] = E_MAGIC >> 8;
	p[15] = E_MAGIC & 0xff;
	p[16] = (uint8_t)(seq >> 8);
	p[17] = (uint8_t)seq;
	for (uint32_t i = 18; i < len; i++)
		p[i] = (uint8_t)(i * 7 + seq);
}

/* One frame of len bytes in segments of at most seg bytes. */
static struct rte_mbuf *
e_frame_alloc(uint32_t len, uint32_t seg, const struct rte_ether_addr *dst,
	      const struct rte_ether_addr *src, uint16_t seq)
{
	static uint8_t buf[16384];
	struct rte_mbuf *head = NULL;
	uint32_t off = 0;

	e_frame_fill(buf, len, dst, src, seq);
	while (off < len) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(e_pool);
		uint32_t n = RTE_MIN(seg, len - off);

		if (m == NULL) {
			rte_pktmbuf_free(head);
			return NULL;
		}
		memcpy(rte_pktmbuf_append(m, (uint16_t)n), buf + off, n);
		off += n;
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0) {
			rte_pktmbuf_free(m);
			rte_pktmbuf_free(head);
			return NULL;
		}
	}
	return head;
}

/* Is m one of our frames, with the bytes e_frame_fill wrote? Returns its sequence or -1. */
static int
e_frame_check(struct rte_mbuf *m, uint32_t len)
{
	static uint8_t got[16384], want[16384];
	const uint8_t *p;
	uint16_t seq;

	if (m->pkt_len != len || len > sizeof(got))
		return -1;
	p = rte_pktmbuf_read(m, 0, len, got);
	if (p == NULL || ((p[12] << 8) | p[13]) != E_ETHERTYPE || ((p[14] << 8) | p[15]) != E_MAGIC)
		return -1;
	seq = (uint16_t)((p[16] << 8) | p[17]);
	e_frame_fill(want, len, (const struct rte_ether_addr *)p,
		     (const struct rte_ether_addr *)(p + 6), seq);
	return memcmp(p, want, len) == 0 ? seq : -1;
}

/* Receive on port until want of our frames of len bytes arrived (or 3 s); count them. */
static unsigned int
e_rx_ours(uint16_t port, uint32_t len, unsigned int want, unsigned int *others)
{
	struct rte_mbuf *pkts[32];
	unsigned int got = 0;
	uint64_t end = rte_get_timer_cycles() + 3 * rte_get_timer_hz();

	*others = 0;
	while (got < want && rte_get_timer_cycles() < end) {
		uint16_t n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			if (e_frame_check(pkts[i], len) >= 0)
				got++;
			else if (pkts[i]->pkt_len == len)
				(*others)++;	/* our size but wrong bytes: corruption */
			rte_pktmbuf_free(pkts[i]);
		}
	}
	/* anything more that arrives late would be a duplicate */
	rte_delay_ms(50);
	for (uint16_t n; (n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts))) > 0;)
		for (uint16_t i = 0; i < n; i++) {
			if (e_frame_check(pkts[i], len) >= 0)
				got++;
			rte_pktmbuf_free(pkts[i]);
		}
	return got;
}

static unsigned int
e_tx_frames(uint16_t port, const struct rte_ether_addr *dst, uint32_t len, uint32_t seg,
	    unsigned int count)
{
	unsigned int sent = 0;

	for (unsigned int i = 0; i < count; i++) {
		struct rte_mbuf *m = e_frame_alloc(len, seg, dst, &e_mac[port == e_port[0] ? 0 : 1],
						   (uint16_t)i);

		if (m == NULL)
			break;
		for (unsigned int tries = 0; rte_eth_tx_burst(port, 0, &m, 1) == 0; tries++) {
			if (tries > 1000) {
				rte_pktmbuf_free(m);
				return sent;
			}
			rte_delay_us(100);
		}
		sent++;
	}
	return sent;
}

static int
e_setup(void)
{
	struct rte_eth_dev_info info;
	uint16_t n = 0, pid;

	if (e_ready)
		return TEST_SUCCESS;
	RTE_ETH_FOREACH_DEV(pid) {
		if (n < 2)
			e_port[n] = pid;
		n++;
	}
	if (n == 0) {
		printf("  no ports: run in the VM with -a <bdf> -a <bdf> (e1000e_scenarios.sh)\n");
		return TEST_SKIPPED;
	}
	TEST_ASSERT_EQUAL(n, 2, "two ports expected");
	e_pool = rte_pktmbuf_pool_create("e1000e_test", 4095, 256, 0,
					 RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	TEST_ASSERT_NOT_NULL(e_pool, "mbuf pool");
	for (unsigned int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(e_port[i], &info), "info");
		TEST_ASSERT(strcmp(info.driver_name, "net_e1000_em") == 0, "driver %s",
			    info.driver_name);
		TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(e_port[i], &e_mac[i]), "mac");
		TEST_ASSERT(rte_is_valid_assigned_ether_addr(&e_mac[i]), "MAC from RAR0/EEPROM");
		TEST_ASSERT_SUCCESS(e_port_setup(e_port[i], true, false, RTE_ETHER_MTU), "start");
	}
	TEST_ASSERT(!rte_is_same_ether_addr(&e_mac[0], &e_mac[1]), "distinct MACs");
	for (unsigned int i = 0; i < 2; i++)
		TEST_ASSERT_SUCCESS(e_link_wait(e_port[i], RTE_ETH_LINK_UP, 5000),
				    "port %u link up", e_port[i]);
	e_ready = true;
	return TEST_SUCCESS;
}

static int
test_e1000e_probe(void)
{
	struct rte_eth_link link;
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	for (unsigned int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(e_port[i], &link), "link");
		printf("  port %u " RTE_ETHER_ADDR_PRT_FMT " link %s %u Mb/s %s\n", e_port[i],
		       RTE_ETHER_ADDR_BYTES(&e_mac[i]), link.link_status ? "up" : "down",
		       link.link_speed, link.link_duplex ? "full-duplex" : "half-duplex");
		TEST_ASSERT_EQUAL(link.link_speed, RTE_ETH_SPEED_NUM_1G, "1 Gb/s");
		TEST_ASSERT_EQUAL(link.link_duplex, RTE_ETH_LINK_FULL_DUPLEX, "full duplex");
	}
	TEST_ASSERT(rte_eth_xstats_get_names(e_port[0], NULL, 0) >= 40, "xstats");
	return TEST_SUCCESS;
}

/* Frames both ways, byte for byte, and the counters that saw them. */
static int
test_e1000e_traffic(void)
{
	static const uint32_t lens[] = { 60, 64, 128, 1000, 1514 };
	struct rte_eth_stats st[2];
	unsigned int others;
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	for (unsigned int i = 0; i < 2; i++)
		TEST_ASSERT_SUCCESS(rte_eth_stats_reset(e_port[i]), "reset");
	for (unsigned int k = 0; k < RTE_DIM(lens); k++) {
		for (unsigned int dir = 0; dir < 2; dir++) {
			uint16_t tx = e_port[dir], rx = e_port[1 - dir];
			unsigned int sent = 0, got = 0, bad = 0;

			/*
			 * 300 frames, more than the ring, so refill and Tx cleanup both
			 * run; in chunks of 50 received as they come, as a device drops
			 * (MPC) what finds no descriptor.
			 */
			for (unsigned int c = 0; c < 6; c++) {
				sent += e_tx_frames(tx, &e_mac[1 - dir], lens[k], 2048, 50);
				got += e_rx_ours(rx, lens[k], 50, &others);
				bad += others;
			}
			others = bad;

			TEST_ASSERT_EQUAL(sent, 300, "sent %u-byte frames", lens[k]);
			TEST_ASSERT_EQUAL(got, 300, "port %u received %u-byte frames intact", rx,
					  lens[k]);
			TEST_ASSERT_EQUAL(others, 0, "corrupted %u-byte frames", lens[k]);
		}
	}
	/* chains: 1514 bytes in 100-byte segments (16 descriptors a frame) */
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &e_mac[1], 1514, 100, 50), 50, "chains sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 1514, 50, &others), 50, "chains received");
	for (unsigned int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_stats_get(e_port[i], &st[i]), "stats");
		printf("  port %u: ipackets %" PRIu64 " opackets %" PRIu64 " ibytes %" PRIu64
		       " obytes %" PRIu64 " ierrors %" PRIu64 " imissed %" PRIu64 "\n", e_port[i],
		       st[i].ipackets, st[i].opackets, st[i].ibytes, st[i].obytes, st[i].ierrors,
		       st[i].imissed);
		TEST_ASSERT_EQUAL(st[i].ierrors, 0, "no Rx errors");
		TEST_ASSERT_EQUAL(st[i].oerrors, 0, "no Tx errors");
		TEST_ASSERT_EQUAL(st[i].imissed, 0, "no missed frames");
	}
	/* GPTC counts what each port sent: 5 x 300 (+50 chains on port 0) */
	TEST_ASSERT_EQUAL(st[0].opackets, 1550, "port 0 GPTC");
	TEST_ASSERT_EQUAL(st[1].opackets, 1500, "port 1 GPTC");
	/* GPRC also counts broadcasts from the hub's other peers: at least ours */
	TEST_ASSERT(st[1].ipackets >= 1550, "port 1 GPRC %" PRIu64, st[1].ipackets);
	TEST_ASSERT(st[0].ipackets >= 1500, "port 0 GPRC %" PRIu64, st[0].ipackets);
	TEST_ASSERT_EQUAL(st[0].q_opackets[0], 1550, "port 0 queue counter");
	return TEST_SUCCESS;
}

/* RCTL.UPE: a frame for another MAC only with promiscuous mode (SDM 13.4.22). */
static int
test_e1000e_promiscuous(void)
{
	const struct rte_ether_addr other = { { 0x02, 0x00, 0x00, 0x12, 0x34, 0x56 } };
	unsigned int others;
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(e_port[1]), "promisc off");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &other, 200, 2048, 20), 20, "sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 200, 20, &others), 0, "filtered without UPE");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(e_port[1]), "promisc on");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &other, 200, 2048, 20), 20, "sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 200, 20, &others), 20, "received with UPE");
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(e_port[1]), "promisc off");
	/* a second exact filter (RAR1) lets the same frames in */
	TEST_ASSERT_SUCCESS(rte_eth_dev_mac_addr_add(e_port[1], (struct rte_ether_addr *)&other,
						     0), "mac add");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &other, 200, 2048, 20), 20, "sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 200, 20, &others), 20, "received through RAR1");
	TEST_ASSERT_SUCCESS(rte_eth_dev_mac_addr_remove(e_port[1],
							(struct rte_ether_addr *)&other), "rm");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &other, 200, 2048, 20), 20, "sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 200, 20, &others), 0, "filtered again");
	return TEST_SUCCESS;
}

static int
e_jumbo_frames(void)
{
	unsigned int others;

	for (unsigned int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_stop(e_port[i]), "stop");
		TEST_ASSERT_SUCCESS(e_port_setup(e_port[i], true, false, 9000), "jumbo start");
	}
	for (unsigned int i = 0; i < 2; i++)
		TEST_ASSERT_SUCCESS(e_link_wait(e_port[i], RTE_ETH_LINK_UP, 5000), "link");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &e_mac[1], 9014, 2048, 40), 40, "sent");
	TEST_ASSERT_EQUAL(e_rx_ours(e_port[1], 9014, 40, &others), 40, "9014-byte frames");
	TEST_ASSERT_EQUAL(others, 0, "corrupted jumbo frames");
	return TEST_SUCCESS;
}

/* Back to MTU 1500 and started, whatever state a failed case left. */
static int
e_ports_restore(void)
{
	for (unsigned int i = 0; i < 2; i++) {
		rte_eth_dev_stop(e_port[i]);
		TEST_ASSERT_SUCCESS(e_port_setup(e_port[i], true, false, RTE_ETHER_MTU), "start");
	}
	for (unsigned int i = 0; i < 2; i++)
		TEST_ASSERT_SUCCESS(e_link_wait(e_port[i], RTE_ETH_LINK_UP, 5000), "link");
	return TEST_SUCCESS;
}

/* MTU 9000 with LPE: 9014-byte frames in chained 2 KiB buffers (scattered Rx). */
static int
test_e1000e_jumbo(void)
{
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	ret = e_jumbo_frames();
	if (e_ports_restore() != TEST_SUCCESS)
		return TEST_FAILED;
	return ret;
}

/* An IPv4 UDP or TCP frame with both checksums left to the device. */
static struct rte_mbuf *
e_l4_frame_alloc(bool tcp, uint16_t seq)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(e_pool);
	uint16_t l4_len = tcp ? sizeof(struct rte_tcp_hdr) : sizeof(struct rte_udp_hdr);
	uint16_t len = RTE_ETHER_HDR_LEN + sizeof(struct rte_ipv4_hdr) + l4_len + 100;
	struct rte_ether_hdr *eth;
	struct rte_ipv4_hdr *ip;
	uint8_t *p;

	if (m == NULL)
		return NULL;
	p = (uint8_t *)rte_pktmbuf_append(m, len);
	memset(p, 0, len);
	eth = (struct rte_ether_hdr *)p;
	eth->dst_addr = e_mac[1];
	eth->src_addr = e_mac[0];
	eth->ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4);
	ip = (struct rte_ipv4_hdr *)(eth + 1);
	ip->version_ihl = 0x45;
	ip->total_length = rte_cpu_to_be_16((uint16_t)(len - RTE_ETHER_HDR_LEN));
	ip->packet_id = rte_cpu_to_be_16(seq);
	ip->time_to_live = 64;
	ip->next_proto_id = tcp ? IPPROTO_TCP : IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(RTE_IPV4(198, 51, 100, 1));
	ip->dst_addr = rte_cpu_to_be_32(RTE_IPV4(198, 51, 100, 2));
	for (uint16_t i = 0; i < 100; i++)
		p[len - 100 + i] = (uint8_t)(i + seq);
	m->l2_len = RTE_ETHER_HDR_LEN;
	m->l3_len = sizeof(*ip);
	m->ol_flags = RTE_MBUF_F_TX_IPV4 | RTE_MBUF_F_TX_IP_CKSUM |
		      (tcp ? RTE_MBUF_F_TX_TCP_CKSUM : RTE_MBUF_F_TX_UDP_CKSUM);
	if (tcp) {
		struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(ip + 1);

		th->src_port = rte_cpu_to_be_16(1000);
		th->dst_port = rte_cpu_to_be_16(2000);
		th->data_off = 0x50;
		th->cksum = rte_ipv4_phdr_cksum(ip, m->ol_flags);
	} else {
		struct rte_udp_hdr *uh = (struct rte_udp_hdr *)(ip + 1);

		uh->src_port = rte_cpu_to_be_16(1000);
		uh->dst_port = rte_cpu_to_be_16(2000);
		uh->dgram_len = rte_cpu_to_be_16((uint16_t)(l4_len + 100));
		uh->dgram_cksum = rte_ipv4_phdr_cksum(ip, m->ol_flags);
	}
	return m;
}

/*
 * Tx checksum offload through context descriptors (UDP and TCP frames
 * alternate, so each needs a new context): the receiver finds both
 * checksums right in the bytes, and the Rx flags never say bad.
 */
static int
test_e1000e_tx_csum(void)
{
	unsigned int sent = 0, good = 0, flagged = 0;
	struct rte_mbuf *pkts[32];
	uint64_t end;
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	for (uint16_t i = 0; i < 40; i++) {
		struct rte_mbuf *m = e_l4_frame_alloc(i % 2 == 1, i);

		TEST_ASSERT_NOT_NULL(m, "mbuf");
		if (rte_eth_tx_burst(e_port[0], 0, &m, 1) == 1)
			sent++;
		else
			rte_pktmbuf_free(m);
	}
	TEST_ASSERT_EQUAL(sent, 40, "sent");
	end = rte_get_timer_cycles() + 3 * rte_get_timer_hz();
	while (good < 40 && rte_get_timer_cycles() < end) {
		uint16_t n = rte_eth_rx_burst(e_port[1], 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];
			const struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, void *);
			const struct rte_ipv4_hdr *ip = (const void *)(eth + 1);

			if (eth->ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
			    ip->src_addr != rte_cpu_to_be_32(RTE_IPV4(198, 51, 100, 1))) {
				rte_pktmbuf_free(m);
				continue;
			}
			TEST_ASSERT(ip->hdr_checksum != 0, "IPv4 checksum inserted");
			TEST_ASSERT_EQUAL(rte_raw_cksum(ip, sizeof(*ip)), 0xffff, "IPv4 checksum");
			TEST_ASSERT_SUCCESS(rte_ipv4_udptcp_cksum_verify(ip, ip + 1),
					    "%s checksum", ip->next_proto_id == IPPROTO_TCP ?
					    "TCP" : "UDP");
			TEST_ASSERT(!(m->ol_flags & (RTE_MBUF_F_RX_IP_CKSUM_BAD |
						     RTE_MBUF_F_RX_L4_CKSUM_BAD)), "Rx flags bad");
			flagged += (m->ol_flags & RTE_MBUF_F_RX_IP_CKSUM_GOOD) &&
				   (m->ol_flags & RTE_MBUF_F_RX_L4_CKSUM_GOOD);
			good++;
			rte_pktmbuf_free(m);
		}
	}
	printf("  %u frames with correct checksums, %u flagged good by the receiver\n", good,
	       flagged);
	TEST_ASSERT_EQUAL(good, 40, "checksummed frames received");
	return TEST_SUCCESS;
}

/* QEMU's 82574L model checks Rx checksums (RXCSUM); its 82540EM model never does. */
static bool
e_checks_rx_csum(uint16_t port)
{
	struct rte_eth_dev_info info;
	unsigned int id = 0;
	char path[128];
	FILE *f;

	if (rte_eth_dev_info_get(port, &info) != 0 || info.device == NULL)
		return false;
	snprintf(path, sizeof(path), "/sys/bus/pci/devices/%s/device", rte_dev_name(info.device));
	f = fopen(path, "r");
	if (f == NULL)
		return false;
	if (fscanf(f, "%x", &id) != 1)
		id = 0;
	fclose(f);
	return id == 0x10d3;
}

enum e_csum_kind { E_CSUM_INTACT, E_CSUM_IP_BAD, E_CSUM_L4_BAD, E_CSUM_KINDS };

/*
 * A UDP or TCP frame with both checksums computed here, not offloaded, and
 * then one of them spoilt as KIND says: the IPv4 header checksum changed,
 * or a payload byte changed after the TCP/UDP checksum was taken.
 */
static struct rte_mbuf *
e_csum_frame_alloc(bool tcp, uint16_t seq, enum e_csum_kind kind)
{
	struct rte_mbuf *m = e_l4_frame_alloc(tcp, seq);
	struct rte_ipv4_hdr *ip;
	uint8_t *last;

	if (m == NULL)
		return NULL;
	m->ol_flags = 0;
	ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, RTE_ETHER_HDR_LEN);
	if (tcp) {
		struct rte_tcp_hdr *th = (struct rte_tcp_hdr *)(ip + 1);

		th->cksum = 0;
		th->cksum = rte_ipv4_udptcp_cksum(ip, th);
	} else {
		struct rte_udp_hdr *uh = (struct rte_udp_hdr *)(ip + 1);

		uh->dgram_cksum = 0;
		uh->dgram_cksum = rte_ipv4_udptcp_cksum(ip, uh);
	}
	ip->hdr_checksum = rte_ipv4_cksum(ip);
	last = rte_pktmbuf_mtod_offset(m, uint8_t *, m->data_len - 1);
	if (kind == E_CSUM_IP_BAD)
		ip->hdr_checksum ^= rte_cpu_to_be_16(0x00ff);
	else if (kind == E_CSUM_L4_BAD)
		*last ^= 0xff;	/* any one-byte change moves a ones' complement sum */
	return m;
}

/*
 * Rx checksum offload (RXCSUM IPOFL/TUOFL, DS 10.2.5.3): of frames sent
 * with correct checksums, with a bad IPv4 header checksum and with a bad
 * TCP/UDP checksum, each is flagged exactly so (GOOD/BAD for IP and L4),
 * and none is dropped for it.
 */
static int
test_e1000e_rx_csum(void)
{
	static const uint64_t want[E_CSUM_KINDS] = {
		[E_CSUM_INTACT] = RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		[E_CSUM_IP_BAD] = RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_GOOD,
		[E_CSUM_L4_BAD] = RTE_MBUF_F_RX_IP_CKSUM_GOOD | RTE_MBUF_F_RX_L4_CKSUM_BAD,
	};
	const uint64_t mask = RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK;
	const uint16_t base = 1000, nb = 30;
	unsigned int got[E_CSUM_KINDS] = { 0 }, received = 0, wrong = 0;
	struct rte_mbuf *pkts[32];
	uint64_t end;
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	if (!e_checks_rx_csum(e_port[1])) {
		printf("  this model does not check Rx checksums\n");
		return TEST_SKIPPED;
	}
	for (uint16_t i = 0; i < nb; i++) {
		struct rte_mbuf *m = e_csum_frame_alloc(i % 2 == 1, (uint16_t)(base + i),
							(enum e_csum_kind)(i % E_CSUM_KINDS));

		TEST_ASSERT_NOT_NULL(m, "mbuf");
		if (rte_eth_tx_burst(e_port[0], 0, &m, 1) != 1) {
			rte_pktmbuf_free(m);
			TEST_ASSERT(false, "frame %u not sent", i);
		}
	}
	end = rte_get_timer_cycles() + 3 * rte_get_timer_hz();
	while (received < nb && rte_get_timer_cycles() < end) {
		uint16_t n = rte_eth_rx_burst(e_port[1], 0, pkts, RTE_DIM(pkts));

		for (uint16_t i = 0; i < n; i++) {
			struct rte_mbuf *m = pkts[i];
			const struct rte_ipv4_hdr *ip =
				rte_pktmbuf_mtod_offset(m, void *, RTE_ETHER_HDR_LEN);
			uint16_t seq = rte_be_to_cpu_16(ip->packet_id);
			uint64_t flags = m->ol_flags & mask;
			enum e_csum_kind kind = (enum e_csum_kind)((seq - base) % E_CSUM_KINDS);

			if (m->pkt_len < RTE_ETHER_HDR_LEN + sizeof(*ip) ||
			    ip->src_addr != rte_cpu_to_be_32(RTE_IPV4(198, 51, 100, 1)) ||
			    seq < base || seq >= base + nb) {
				rte_pktmbuf_free(m);
				continue;
			}
			rte_pktmbuf_free(m);
			/* the burst is freed in full before any verdict: close counts the pool */
			if (flags != want[kind] && wrong++ == 0)
				printf("  frame %u (kind %d): Rx flags 0x%" PRIx64 ", want 0x%" PRIx64
				       "\n", seq - base, kind, flags, want[kind]);
			got[kind] += flags == want[kind];
			received++;
		}
	}
	printf("  %u frames: %u intact flagged good, %u with a bad IPv4 checksum flagged IP bad, "
	       "%u with a bad TCP/UDP checksum flagged L4 bad\n",
	       received, got[E_CSUM_INTACT], got[E_CSUM_IP_BAD], got[E_CSUM_L4_BAD]);
	TEST_ASSERT_EQUAL(received, nb, "frames received");
	TEST_ASSERT_EQUAL(wrong, 0, "frames with wrong Rx checksum flags");
	return TEST_SUCCESS;
}

static volatile int lsc_events;
static volatile int lsc_last_status = -1;

static int
e_lsc_cb(uint16_t port, enum rte_eth_event_type type, void *arg __rte_unused,
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
e_share_touch(const char *dir, const char *name)
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
e_lsc_wait(int events, int status)
{
	for (unsigned int ms = 0; ms < 15000; ms += 10) {
		if (lsc_events >= events && lsc_last_status == status)
			return 0;
		rte_delay_ms(10);
	}
	return -1;
}

/* The host runs "set_link net0 off", then "on" (vmmon.sh); the callback sees both. */
static int
test_e1000e_lsc(void)
{
	const char *share = getenv("SLUICE_E1000E_SHARE");
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	if (share == NULL) {
		printf("  SLUICE_E1000E_SHARE not set: nobody toggles the link\n");
		return TEST_SKIPPED;
	}
	TEST_ASSERT_SUCCESS(rte_eth_dev_callback_register(e_port[0], RTE_ETH_EVENT_INTR_LSC,
							  e_lsc_cb, NULL), "register");
	TEST_ASSERT_SUCCESS(e_share_touch(share, "lsc-ready"), "share");
	TEST_ASSERT_SUCCESS(e_lsc_wait(1, RTE_ETH_LINK_DOWN), "LSC callback with link down");
	TEST_ASSERT_SUCCESS(e_share_touch(share, "lsc-down"), "share");
	TEST_ASSERT_SUCCESS(e_lsc_wait(2, RTE_ETH_LINK_UP), "LSC callback with link up");
	printf("  LSC events: %d\n", lsc_events);
	rte_eth_dev_callback_unregister(e_port[0], RTE_ETH_EVENT_INTR_LSC, e_lsc_cb, NULL);
	return TEST_SUCCESS;
}

static int e_rx_intr_wake(void);

/* 82574L: the Rx vector's eventfd wakes rte_epoll_wait on a packet, not before. */
static int
test_e1000e_rx_intr(void)
{
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	ret = e_rx_intr_wake();
	if (e_ports_restore() != TEST_SUCCESS)
		return TEST_FAILED;
	return ret;
}

static int
e_rx_intr_wake(void)
{
	struct rte_epoll_event ev;
	struct rte_mbuf *pkts[32];
	unsigned int others;
	uint16_t p1 = e_port[1];
	int ret;

	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(p1), "stop");
	ret = e_port_setup(p1, true, true, RTE_ETHER_MTU);
	if (ret == -ENOTSUP) {
		printf("  no Rx interrupts on this model (MSI-X only)\n");
		return TEST_SKIPPED;
	}
	TEST_ASSERT_SUCCESS(ret, "start with intr_conf.rxq");
	TEST_ASSERT_SUCCESS(e_link_wait(p1, RTE_ETH_LINK_UP, 5000), "link");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_ctl_q(p1, 0, RTE_EPOLL_PER_THREAD,
						      RTE_INTR_EVENT_ADD, NULL), "ctl");
	while (rte_eth_rx_burst(p1, 0, pkts, RTE_DIM(pkts)) > 0)
		;
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_enable(p1, 0), "enable");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 200), 0,
			  "no wake-up without a packet");
	TEST_ASSERT_EQUAL(e_tx_frames(e_port[0], &e_mac[1], 100, 2048, 1), 1, "sent");
	TEST_ASSERT_EQUAL(rte_epoll_wait(RTE_EPOLL_PER_THREAD, &ev, 1, 3000), 1,
			  "woken by the packet");
	TEST_ASSERT_SUCCESS(rte_eth_dev_rx_intr_disable(p1, 0), "disable");
	TEST_ASSERT_EQUAL(e_rx_ours(p1, 100, 1, &others), 1, "the packet");
	return TEST_SUCCESS;
}

static int
test_e1000e_close(void)
{
	int ret = e_setup();

	if (ret != TEST_SUCCESS)
		return ret;
	for (unsigned int i = 0; i < 2; i++) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_stop(e_port[i]), "stop");
		TEST_ASSERT_SUCCESS(rte_eth_dev_close(e_port[i]), "close");
		TEST_ASSERT(!rte_eth_dev_is_valid_port(e_port[i]), "port released");
	}
	/* every mbuf the rings held is back in the pool */
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(e_pool), 4095, "mbufs returned");
	e_ready = false;
	return TEST_SUCCESS;
}

static const struct test_case e1000e_cases[] = {
	TEST_CASE(test_e1000e_probe),
	TEST_CASE(test_e1000e_traffic),
	TEST_CASE(test_e1000e_promiscuous),
	TEST_CASE(test_e1000e_tx_csum),
	TEST_CASE(test_e1000e_rx_csum),
	TEST_CASE(test_e1000e_jumbo),
	TEST_CASE(test_e1000e_rx_intr),
	TEST_CASE(test_e1000e_lsc),
	TEST_CASE(test_e1000e_close),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(pmd_e1000e, TEST_SUITE_EAL, e1000e_cases);
