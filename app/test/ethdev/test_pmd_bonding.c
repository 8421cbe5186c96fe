/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding over net_ring slaves whose rings the test reads and writes:
 * exact round-robin counts, active-backup fail-over and fail-back with the
 * MAC moving, balance hashes recomputed here from their definition,
 * broadcast, Rx from every slave, summed stats, devargs and every user
 * error. Then a round-robin bond over two net_af_packet ports on veth pairs.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_eth_bond.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_ip.h>
#include <rte_mbuf.h>
#include <rte_ring.h>
#include <rte_udp.h>

#include "test.h"
#include "test_netns.h"

#define NB_MBUF 1023
#define MAX_SL 4

struct bond_env {
	unsigned int n;
	uint16_t port[MAX_SL];
	struct rte_ring *in[MAX_SL];  /* the test enqueues, the slave receives */
	struct rte_ring *out[MAX_SL]; /* the slave sends, the test dequeues */
	char name[MAX_SL][RTE_ETH_NAME_MAX_LEN];
	char bond[32];
	int bond_port;
};

static unsigned int env_seq;

static struct rte_mempool *
bond_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("pmd_bond_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("pmd_bond_mp", NB_MBUF, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
env_slaves(struct bond_env *e, unsigned int n)
{
	unsigned int i, s = env_seq++;

	memset(e, 0, sizeof(*e));
	e->bond_port = -1;
	snprintf(e->bond, sizeof(e->bond), "net_bonding_t%u", s);
	for (i = 0; i < n; i++) {
		char rn[32];
		int p;

		snprintf(rn, sizeof(rn), "bti%u_%u", s, i);
		e->in[i] = rte_ring_create(rn, 256, SOCKET_ID_ANY, 0);
		snprintf(rn, sizeof(rn), "bto%u_%u", s, i);
		e->out[i] = rte_ring_create(rn, 256, SOCKET_ID_ANY, 0);
		TEST_ASSERT(e->in[i] != NULL && e->out[i] != NULL, "rings");
		snprintf(rn, sizeof(rn), "bsl%u_%u", s, i);
		p = rte_eth_from_rings(rn, &e->in[i], 1, &e->out[i], 1, SOCKET_ID_ANY);
		TEST_ASSERT(p >= 0, "slave port %u", i);
		e->port[i] = (uint16_t)p;
		/* devargs name ports by their ethdev name */
		TEST_ASSERT_SUCCESS(rte_eth_dev_get_name_by_port(e->port[i], e->name[i]), "name");
		e->n++;
	}
	return TEST_SUCCESS;
}

static void
ring_drain(struct rte_ring *r)
{
	void *m;

	while (rte_ring_dequeue(r, &m) == 0)
		rte_pktmbuf_free(m);
}

static void
env_free(struct bond_env *e)
{
	unsigned int i;

	if (e->bond_port >= 0)
		rte_eth_bond_free(e->bond);
	for (i = 0; i < e->n; i++) {
		rte_eth_dev_stop(e->port[i]);
		rte_eth_dev_close(e->port[i]);
		ring_drain(e->in[i]);
		ring_drain(e->out[i]);
		rte_ring_free(e->in[i]);
		rte_ring_free(e->out[i]);
	}
}

static int
port_setup(uint16_t port, uint16_t nq)
{
	struct rte_eth_conf conf;
	uint16_t q;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, nq, nq, &conf);
	for (q = 0; ret == 0 && q < nq; q++) {
		ret = rte_eth_rx_queue_setup(port, q, 128, SOCKET_ID_ANY, NULL, bond_pool());
		if (ret == 0)
			ret = rte_eth_tx_queue_setup(port, q, 128, SOCKET_ID_ANY, NULL);
	}
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

/* A bond of mode over every slave of e, configured and started. */
static int
env_bond(struct bond_env *e, uint8_t mode)
{
	unsigned int i;

	e->bond_port = rte_eth_bond_create(e->bond, mode, 0);
	TEST_ASSERT(e->bond_port >= 0, "create %s", e->bond);
	for (i = 0; i < e->n; i++)
		TEST_ASSERT_SUCCESS(rte_eth_bond_slave_add(e->bond_port, e->port[i]), "add %u", i);
	TEST_ASSERT_SUCCESS(port_setup(e->bond_port, 1), "bond start");
	return TEST_SUCCESS;
}

/* An Ethernet frame; with ip, IPv4 (and UDP ports when sport is not 0). */
static struct rte_mbuf *
frame(uint8_t dst_last, uint8_t src_last, uint32_t sip, uint32_t dip, uint16_t sport,
      uint16_t dport)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(bond_pool());
	struct rte_ether_hdr *eh;
	struct rte_ipv4_hdr *ip;
	struct rte_udp_hdr *uh;

	if (m == NULL || rte_pktmbuf_append(m, 64) == NULL)
		return NULL;
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	memset(eh, 0, 64);
	memcpy(eh->dst_addr.addr_bytes, (uint8_t[]){0x02, 0x11, 0x22, 0x33, 0x44, dst_last}, 6);
	memcpy(eh->src_addr.addr_bytes, (uint8_t[]){0x02, 0x55, 0x66, 0x77, 0x88, src_last}, 6);
	eh->ether_type = rte_cpu_to_be_16(sip != 0 ? RTE_ETHER_TYPE_IPV4 : 0x88b5);
	ip = (struct rte_ipv4_hdr *)(eh + 1);
	ip->version_ihl = RTE_IPV4_VHL_DEF;
	ip->next_proto_id = IPPROTO_UDP;
	ip->src_addr = rte_cpu_to_be_32(sip);
	ip->dst_addr = rte_cpu_to_be_32(dip);
	uh = (struct rte_udp_hdr *)(ip + 1);
	uh->src_port = rte_cpu_to_be_16(sport);
	uh->dst_port = rte_cpu_to_be_16(dport);
	return m;
}

static uint32_t
port_flags(uint16_t port)
{
	struct rte_eth_dev_info info;

	if (rte_eth_dev_info_get(port, &info) != 0 || info.dev_flags == NULL)
		return UINT32_MAX;
	return *info.dev_flags;
}

static unsigned int
ring_take(struct rte_ring *r)
{
	void *m[64];
	unsigned int n, total = 0;

	while ((n = rte_ring_dequeue_burst(r, m, 64, NULL)) > 0) {
		rte_pktmbuf_free_bulk((struct rte_mbuf **)m, n);
		total += n;
	}
	return total;
}

static int
send_plain(uint16_t port, unsigned int n)
{
	struct rte_mbuf *m[128];
	unsigned int i;

	TEST_ASSERT(n <= RTE_DIM(m), "at most %zu", RTE_DIM(m));
	for (i = 0; i < n; i++) {
		m[i] = frame((uint8_t)i, 1, 0, 0, 0, 0);
		TEST_ASSERT(m[i] != NULL, "mbuf");
	}
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(port, 0, m, (uint16_t)n), n, "sent %u", n);
	return TEST_SUCCESS;
}

static int
test_bond_round_robin(void)
{
	struct bond_env e;
	struct rte_mbuf *rx[32];
	struct rte_eth_stats st;
	unsigned int i;
	uint16_t act[MAX_SL];

	TEST_ASSERT_SUCCESS(env_slaves(&e, 3), "slaves");
	TEST_ASSERT_SUCCESS(env_bond(&e, BONDING_MODE_ROUND_ROBIN), "bond");
	TEST_ASSERT_EQUAL(rte_eth_bond_active_slaves_get(e.bond_port, act, MAX_SL), 3, "active");
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 10), "10");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 4, "slave 0 gets 1st, 4th, 7th, 10th");
	TEST_ASSERT_EQUAL(ring_take(e.out[1]), 3, "slave 1");
	TEST_ASSERT_EQUAL(ring_take(e.out[2]), 3, "slave 2");
	/* The next burst goes on where the last stopped. */
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 2), "2");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 0, "slave 0 had its turn");
	TEST_ASSERT_EQUAL(ring_take(e.out[1]), 1, "slave 1");
	TEST_ASSERT_EQUAL(ring_take(e.out[2]), 1, "slave 2");
	/* A burst longer than the driver's internal chunk goes out whole. */
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 99), "99");
	for (i = 0; i < 3; i++)
		TEST_ASSERT_EQUAL(ring_take(e.out[i]), 33, "slave %u gets a third", i);

	/* Rx from every active slave. */
	for (i = 0; i < 3; i++) {
		struct rte_mbuf *m[2] = {frame(1, 2, 0, 0, 0, 0), frame(1, 2, 0, 0, 0, 0)};

		TEST_ASSERT_EQUAL(rte_ring_enqueue_bulk(e.in[i], (void **)m, 2, NULL), 2, "in");
	}
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(e.bond_port, 0, rx, 32), 6, "6 from 3 slaves");
	rte_pktmbuf_free_bulk(rx, 6);

	TEST_ASSERT_SUCCESS(rte_eth_stats_get(e.bond_port, &st), "stats");
	TEST_ASSERT_EQUAL(st.opackets, 111, "opackets summed");
	TEST_ASSERT_EQUAL(st.ipackets, 6, "ipackets summed");
	TEST_ASSERT_SUCCESS(rte_eth_stats_reset(e.bond_port), "reset");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(e.port[1], &st), "slave stats");
	TEST_ASSERT_EQUAL(st.opackets, 0, "reset reaches the slaves");

	/* promiscuous mode follows the bond */
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_enable(e.bond_port), "promisc");
	for (i = 0; i < 3; i++)
		TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(e.port[i]), 1, "slave %u promisc", i);
	TEST_ASSERT_SUCCESS(rte_eth_promiscuous_disable(e.bond_port), "promisc off");
	TEST_ASSERT_EQUAL(rte_eth_promiscuous_get(e.port[2]), 0, "slave promisc off");
	env_free(&e);
	return TEST_SUCCESS;
}

/* Wait (1 s at most) until the bond's poll shows want active slaves. */
static int
active_wait(int bond, int want)
{
	uint16_t act[MAX_SL];
	int i;

	for (i = 0; i < 200; i++) {
		if (rte_eth_bond_active_slaves_get((uint16_t)bond, act, MAX_SL) == want)
			return 0;
		rte_delay_us_sleep(5000);
	}
	return -1;
}

static int lsc_events;

static int
lsc_count(uint16_t port __rte_unused, enum rte_eth_event_type ev __rte_unused,
	  void *arg __rte_unused, void *ret __rte_unused)
{
	__atomic_fetch_add(&lsc_events, 1, __ATOMIC_RELAXED);
	return 0;
}

static int
test_bond_active_backup(void)
{
	struct rte_ether_addr bmac, m0, m1, own0, own1;
	struct rte_mbuf *rx[8], *m;
	struct rte_eth_link link;
	struct bond_env e;
	int i;

	TEST_ASSERT_SUCCESS(env_slaves(&e, 2), "slaves");
	rte_eth_macaddr_get(e.port[0], &own0);
	rte_eth_macaddr_get(e.port[1], &own1);
	TEST_ASSERT_SUCCESS(env_bond(&e, BONDING_MODE_ACTIVE_BACKUP), "bond");
	TEST_ASSERT_SUCCESS(rte_eth_bond_primary_set(e.bond_port, e.port[0]), "primary");
	TEST_ASSERT_SUCCESS(rte_eth_bond_link_monitoring_set(e.bond_port, 5), "poll 5 ms");
	rte_eth_dev_callback_register(e.bond_port, RTE_ETH_EVENT_INTR_LSC, lsc_count, NULL);
	rte_eth_macaddr_get(e.bond_port, &bmac);
	TEST_ASSERT(rte_is_same_ether_addr(&bmac, &own0), "bond MAC is the first slave's");

	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 8), "8");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 8, "all on the primary");
	TEST_ASSERT_EQUAL(ring_take(e.out[1]), 0, "none on the backup");
	/* Rx only from the primary */
	m = frame(1, 2, 0, 0, 0, 0);
	TEST_ASSERT_EQUAL(rte_ring_enqueue(e.in[1], m), 0, "in");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(e.bond_port, 0, rx, 8), 0, "backup not polled");

	TEST_ASSERT_SUCCESS(rte_eth_dev_set_link_down(e.port[0]), "primary link down");
	TEST_ASSERT_SUCCESS(active_wait(e.bond_port, 1), "the poll sees the primary down");
	TEST_ASSERT_EQUAL(rte_eth_bond_primary_get(e.bond_port), e.port[1], "backup carries");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(e.bond_port, 0, rx, 8), 1, "backup polled now");
	rte_pktmbuf_free(rx[0]);
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 8), "8");
	TEST_ASSERT_EQUAL(ring_take(e.out[1]), 8, "all on the backup");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 0, "none on the failed primary");
	rte_eth_macaddr_get(e.port[0], &m0);
	rte_eth_macaddr_get(e.port[1], &m1);
	TEST_ASSERT(rte_is_same_ether_addr(&m1, &bmac), "the bond's MAC moved to the backup");
	TEST_ASSERT(rte_is_same_ether_addr(&m0, &own0), "the old primary has its own back");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(e.bond_port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_UP, "bond still up");

	TEST_ASSERT_SUCCESS(rte_eth_dev_set_link_up(e.port[0]), "primary link up");
	TEST_ASSERT_SUCCESS(active_wait(e.bond_port, 2), "the poll sees it up");
	TEST_ASSERT_EQUAL(rte_eth_bond_primary_get(e.bond_port), e.port[0], "primary back");
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 8), "8");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 8, "all on the primary again");
	rte_eth_macaddr_get(e.port[1], &m1);
	TEST_ASSERT(rte_is_same_ether_addr(&m1, &own1), "the backup has its own MAC back");

	/* Both down: the bond's link goes down and the application hears of it. */
	__atomic_store_n(&lsc_events, 0, __ATOMIC_RELAXED);
	rte_eth_dev_set_link_down(e.port[0]);
	rte_eth_dev_set_link_down(e.port[1]);
	TEST_ASSERT_SUCCESS(active_wait(e.bond_port, 0), "no slave up");
	for (i = 0; i < 200 && __atomic_load_n(&lsc_events, __ATOMIC_RELAXED) == 0; i++)
		rte_delay_us_sleep(5000);
	TEST_ASSERT_EQUAL(__atomic_load_n(&lsc_events, __ATOMIC_RELAXED), 1, "one LSC event");
	TEST_ASSERT_SUCCESS(rte_eth_link_get_nowait(e.bond_port, &link), "link");
	TEST_ASSERT_EQUAL(link.link_status, RTE_ETH_LINK_DOWN, "bond down");
	m = frame(1, 2, 0, 0, 0, 0);
	TEST_ASSERT_EQUAL(rte_eth_tx_burst(e.bond_port, 0, &m, 1), 0, "nothing to send on");
	rte_pktmbuf_free(m);
	rte_eth_dev_callback_unregister(e.bond_port, RTE_ETH_EVENT_INTR_LSC, lsc_count, NULL);
	env_free(&e);
	return TEST_SUCCESS;
}

/*
 * The balance hashes, from DPDK's definition: 16-bit words of the MACs
 * XORed; IPv4 addresses and UDP ports XORed as 32/16-bit words in network
 * order; L2 folds once by 8, L23 and L34 by 16 then 8; modulo the count.
 */
static unsigned int
expect_slave(const struct rte_mbuf *m, uint8_t policy, unsigned int n)
{
	const uint8_t *p = rte_pktmbuf_mtod(m, const uint8_t *);
	uint32_t l2 = 0, l3 = 0, l4 = 0, h;
	unsigned int off = 14;
	uint16_t w1, w2;
	uint32_t a, b;
	int i;

	for (i = 0; i < 12; i += 2) {
		memcpy(&w1, p + i, 2);
		l2 ^= w1;
	}
	if (p[12] == 0x81 && p[13] == 0x00) /* one VLAN tag */
		off += 4;
	if (p[off - 2] == 0x08 && p[off - 1] == 0x00) {
		memcpy(&a, p + off + 12, 4);
		memcpy(&b, p + off + 16, 4);
		l3 = a ^ b;
		memcpy(&w1, p + off + 20, 2);
		memcpy(&w2, p + off + 22, 2);
		l4 = (uint32_t)(w1 ^ w2);
	}
	if (policy == BALANCE_XMIT_POLICY_LAYER2)
		return ((l2 ^ (l2 >> 8)) % n);
	h = policy == BALANCE_XMIT_POLICY_LAYER23 ? l2 ^ l3 : l3 ^ l4;
	h ^= h >> 16;
	h ^= h >> 8;
	return h % n;
}

/* Put a VLAN tag (TPID 0x8100) after the MAC addresses. */
static void
vlan_insert(struct rte_mbuf *m, uint16_t vid)
{
	uint8_t *p = (uint8_t *)rte_pktmbuf_prepend(m, 4);

	if (p == NULL)
		return; /* no headroom: the frame stays untagged */
	memmove(p, p + 4, 12);
	p[12] = 0x81;
	p[13] = 0x00;
	p[14] = (uint8_t)(vid >> 8);
	p[15] = (uint8_t)vid;
}

static int
test_bond_balance(void)
{
	static const uint8_t policies[] = {BALANCE_XMIT_POLICY_LAYER2, BALANCE_XMIT_POLICY_LAYER23,
					   BALANCE_XMIT_POLICY_LAYER34};
	unsigned int pi, i, s, hits[MAX_SL];
	struct bond_env e;

	TEST_ASSERT_SUCCESS(env_slaves(&e, 3), "slaves");
	TEST_ASSERT_SUCCESS(env_bond(&e, BONDING_MODE_BALANCE), "bond");
	TEST_ASSERT_EQUAL(rte_eth_bond_xmit_policy_get(e.bond_port), BALANCE_XMIT_POLICY_LAYER2,
			  "l2 by default");
	for (pi = 0; pi < RTE_DIM(policies); pi++) {
		TEST_ASSERT_SUCCESS(rte_eth_bond_xmit_policy_set(e.bond_port, policies[pi]),
				    "policy");
		memset(hits, 0, sizeof(hits));
		for (i = 0; i < 40; i++) {
			struct rte_mbuf *m = frame((uint8_t)(i * 7), (uint8_t)(i * 13),
						   0x0a000001 + i * 0x01010101u, 0xc0a80001 + i * 3,
						   (uint16_t)(1000 + i * 17), (uint16_t)(80 + i));
			unsigned int want;

			TEST_ASSERT(m != NULL, "mbuf");
			if (i % 4 == 3) /* a non-IP frame now and then */
				rte_pktmbuf_mtod(m, struct rte_ether_hdr *)->ether_type =
					rte_cpu_to_be_16(0x88b5);
			if (i % 4 == 2) /* and a VLAN-tagged one: the tag is skipped */
				vlan_insert(m, (uint16_t)(100 + i));
			want = expect_slave(m, policies[pi], 3);
			TEST_ASSERT_EQUAL(rte_eth_tx_burst(e.bond_port, 0, &m, 1), 1, "sent");
			for (s = 0; s < 3; s++) {
				unsigned int got = ring_take(e.out[s]);

				TEST_ASSERT_EQUAL(
					got, s == want ? 1u : 0u,
					"policy %u frame %u: slave %u got %u, want slave %u",
					policies[pi], i, s, got, want);
				hits[s] += got;
			}
		}
		for (s = 0; s < 3; s++)
			TEST_ASSERT(hits[s] > 0, "policy %u uses slave %u", policies[pi], s);
	}
	env_free(&e);
	return TEST_SUCCESS;
}

static int
test_bond_broadcast(void)
{
	struct rte_mempool *mp = bond_pool();
	unsigned int avail = rte_mempool_avail_count(mp), s;
	struct bond_env e;

	TEST_ASSERT_SUCCESS(env_slaves(&e, 3), "slaves");
	TEST_ASSERT_SUCCESS(env_bond(&e, BONDING_MODE_BROADCAST), "bond");
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 5), "5");
	for (s = 0; s < 3; s++)
		TEST_ASSERT_EQUAL(ring_take(e.out[s]), 5, "slave %u gets every frame", s);
	TEST_ASSERT_EQUAL(rte_mempool_avail_count(mp), avail, "every reference dropped");
	env_free(&e);
	return TEST_SUCCESS;
}

/* Frames on r from src; the count of those, all others freed. */
static unsigned int
ring_take_from(struct rte_ring *r, const struct rte_ether_addr *src)
{
	unsigned int n = 0;
	void *m;

	while (rte_ring_dequeue(r, &m) == 0) {
		n += rte_is_same_ether_addr(
			&rte_pktmbuf_mtod((struct rte_mbuf *)m, struct rte_ether_hdr *)->src_addr,
			src);
		rte_pktmbuf_free(m);
	}
	return n;
}

/*
 * TLB: each burst goes whole to the least loaded slave, sent from that
 * slave's own MAC; spaced bursts reach both; only the primary receives.
 */
static int
test_bond_tlb(void)
{
	struct rte_ether_addr bmac = {{0x02, 0xbb, 0, 0, 0, 0x05}};
	struct rte_ether_addr own[2];
	unsigned int i, got[2] = {0, 0};
	struct rte_mbuf *m[4];
	struct bond_env e;

	TEST_ASSERT_SUCCESS(env_slaves(&e, 2), "slaves");
	for (i = 0; i < 2; i++)
		rte_eth_macaddr_get(e.port[i], &own[i]);
	TEST_ASSERT_SUCCESS(env_bond(&e, BONDING_MODE_TLB), "bond");
	TEST_ASSERT_SUCCESS(rte_eth_bond_mac_address_set(e.bond_port, &bmac), "mac");
	for (i = 0; i < 10; i++) {
		unsigned int k, a, b;

		for (k = 0; k < RTE_DIM(m); k++) {
			m[k] = frame((uint8_t)k, 1, 0, 0, 0, 0);
			TEST_ASSERT(m[k] != NULL, "mbuf");
			rte_pktmbuf_mtod(m[k], struct rte_ether_hdr *)->src_addr = bmac;
		}
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(e.bond_port, 0, m, 4), 4, "sent");
		a = ring_take_from(e.out[0], &own[0]);
		b = ring_take_from(e.out[1], &own[1]);
		TEST_ASSERT(a + b == 4 && (a == 0 || b == 0),
			    "burst %u whole on one slave from its own MAC (%u, %u)", i, a, b);
		got[0] += a;
		got[1] += b;
		rte_delay_us_sleep(20000); /* a few reorders (every 10 ms) */
	}
	TEST_ASSERT(got[0] > 0 && got[1] > 0, "both slaves carried bursts (%u, %u)", got[0],
		    got[1]);
	m[0] = frame(1, 2, 0, 0, 0, 0);
	m[1] = frame(1, 3, 0, 0, 0, 0);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(e.in[0], m[0]), "in 0");
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(e.in[1], m[1]), "in 1");
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(e.bond_port, 0, m, 4), 1, "the primary receives");
	rte_pktmbuf_free(m[0]);
	TEST_ASSERT_EQUAL(rte_ring_count(e.in[1]), 1, "the other slave is not polled");
	env_free(&e);
	return TEST_SUCCESS;
}

static int
test_bond_devargs(void)
{
	struct rte_ether_addr mac, want = {{0x02, 0, 0, 0, 0, 0x42}};
	uint16_t port, sl[MAX_SL];
	struct bond_env e;
	char args[1024];

	TEST_ASSERT_SUCCESS(env_slaves(&e, 2), "slaves");
	snprintf(args, sizeof(args),
		 "mode=2,slave=%s,slave=%s,primary=%s,xmit_policy=l34,lsc_poll_period_ms=7,"
		 "up_delay=3,down_delay=4,mac=02:00:00:00:00:42",
		 e.name[0], e.name[1], e.name[1]);
	TEST_ASSERT_SUCCESS(rte_vdev_init(e.bond, args), "bond from devargs");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(e.bond, &port), "port");
	e.bond_port = port;
	TEST_ASSERT_EQUAL(rte_eth_bond_mode_get(port), BONDING_MODE_BALANCE, "mode");
	TEST_ASSERT_EQUAL(rte_eth_bond_xmit_policy_get(port), BALANCE_XMIT_POLICY_LAYER34, "l34");
	TEST_ASSERT_EQUAL(rte_eth_bond_link_monitoring_get(port), 7, "poll");
	TEST_ASSERT_EQUAL(rte_eth_bond_link_up_prop_delay_get(port), 3, "up delay");
	TEST_ASSERT_EQUAL(rte_eth_bond_link_down_prop_delay_get(port), 4, "down delay");
	TEST_ASSERT_SUCCESS(port_setup(port, 1), "configure adds the slaves");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(port, sl, MAX_SL), 2, "2 slaves");
	TEST_ASSERT_EQUAL(rte_eth_bond_primary_get(port), e.port[1], "primary");
	rte_eth_macaddr_get(port, &mac);
	TEST_ASSERT(rte_is_same_ether_addr(&mac, &want), "mac=");
	rte_eth_macaddr_get(e.port[0], &mac);
	TEST_ASSERT(rte_is_same_ether_addr(&mac, &want), "slave carries the bond's MAC");
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(port), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_bond_mac_address_reset(port), "mac reset");
	rte_eth_macaddr_get(port, &mac);
	TEST_ASSERT(!rte_is_same_ether_addr(&mac, &want), "own MAC of the primary again");

	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=6") < 0, "ALB refused");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=9") < 0, "no mode 9");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "slave=x") < 0, "mode= needed");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=1,mode=2") < 0, "mode= once");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=2,xmit_policy=l5") < 0, "policy");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=1,mac=zz") < 0, "mac");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=1,lsc_poll_period_ms=0") < 0, "poll 0");
	TEST_ASSERT(rte_vdev_init("net_bonding_bad0", "mode=1,agg_mode=1") < 0, "agg_mode");
	TEST_ASSERT(rte_eth_dev_get_port_by_name("net_bonding_bad0", &port) != 0, "no port left");
	/* A slave that does not exist: configure fails, nothing enslaved. */
	snprintf(args, sizeof(args), "mode=0,slave=%s,slave=nosuchport", e.name[0]);
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_bonding_bad1", args),
			    "probe (slaves resolved later)");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_bonding_bad1", &port), "port");
	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_remove(e.bond_port, e.port[0]), "free slave 0");
	TEST_ASSERT_EQUAL(port_setup(port, 1), -ENODEV, "unknown slave");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(port, sl, MAX_SL), 0, "none left enslaved");
	TEST_ASSERT_EQUAL(port_flags(e.port[0]) & RTE_ETH_DEV_BONDED_SLAVE, 0,
			  "slave 0 released again");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_bonding_bad1"), "free");
	env_free(&e);
	return TEST_SUCCESS;
}

static int
test_bond_errors(void)
{
	struct bond_env e;
	uint16_t sl[MAX_SL], one;
	int other;

	TEST_ASSERT_SUCCESS(env_slaves(&e, 3), "slaves");
	TEST_ASSERT(rte_eth_bond_create("net_bonding_m6", BONDING_MODE_ALB, 0) < 0, "mode 6");
	e.bond_port = rte_eth_bond_create(e.bond, BONDING_MODE_ROUND_ROBIN, 0);
	TEST_ASSERT(e.bond_port >= 0, "create");
	TEST_ASSERT(rte_eth_bond_create(e.bond, 0, 0) < 0, "same name twice");
	TEST_ASSERT_EQUAL(rte_eth_bond_mode_set(e.bond_port, 7), -EINVAL, "mode 7");
	TEST_ASSERT_EQUAL(rte_eth_bond_mode_set(e.bond_port, BONDING_MODE_ALB), -EINVAL, "ALB");
	TEST_ASSERT_EQUAL(rte_eth_bond_mode_get(e.bond_port), 0, "mode kept");
	TEST_ASSERT_EQUAL(rte_eth_bond_xmit_policy_set(e.bond_port, 3), -EINVAL, "policy 3");
	TEST_ASSERT(rte_eth_bond_slave_add(e.bond_port, RTE_MAX_ETHPORTS - 1) < 0, "no port");
	TEST_ASSERT(rte_eth_bond_slave_add(e.port[0], e.port[1]) < 0, "not a bond");
	TEST_ASSERT(rte_eth_bond_mode_get(e.port[0]) < 0, "not a bond");
	TEST_ASSERT(rte_eth_bond_slave_add(e.bond_port, (uint16_t)e.bond_port) < 0, "itself");
	/* Configured for two queues, the bond refuses a slave with one. */
	TEST_ASSERT_SUCCESS(rte_eth_dev_configure(e.bond_port, 2, 2, &(struct rte_eth_conf){0}),
			    "2 queues");
	TEST_ASSERT_EQUAL(rte_eth_bond_slave_add(e.bond_port, e.port[0]), -EINVAL, "1 queue");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(e.bond_port, sl, MAX_SL), 0, "not added");
	TEST_ASSERT_EQUAL(port_flags(e.port[0]) & RTE_ETH_DEV_BONDED_SLAVE, 0, "not marked");
	TEST_ASSERT_EQUAL(port_setup(e.bond_port, 1), -EINVAL, "start without slaves");
	TEST_ASSERT(rte_eth_bond_primary_get(e.bond_port) < 0, "no primary without slaves");
	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_add(e.bond_port, e.port[0]), "add");
	TEST_ASSERT_EQUAL(rte_eth_bond_slave_add(e.bond_port, e.port[0]), -EBUSY, "twice");
	TEST_ASSERT(rte_eth_bond_primary_set(e.bond_port, e.port[1]) < 0, "primary not a slave");
	TEST_ASSERT(rte_eth_bond_slave_remove(e.bond_port, e.port[1]) < 0, "remove non-slave");
	TEST_ASSERT(rte_eth_bond_slaves_get(e.bond_port, sl, 0) < 0, "array too small");

	other = rte_eth_bond_create("net_bonding_other", BONDING_MODE_BROADCAST, 0);
	TEST_ASSERT(other >= 0, "second bond");
	TEST_ASSERT_EQUAL(rte_eth_bond_slave_add(other, e.port[0]), -EBUSY, "slave of another");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(other, sl, MAX_SL), 0, "nothing added");
	TEST_ASSERT_SUCCESS(rte_eth_bond_free("net_bonding_other"), "free second");

	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_add(e.bond_port, e.port[1]), "add 1");
	TEST_ASSERT(rte_eth_dev_configure(e.bond_port, 2, 2, &(struct rte_eth_conf){0}) < 0,
		    "ring slaves have one queue: the bond offers one");
	TEST_ASSERT_SUCCESS(port_setup(e.bond_port, 1), "start with one queue");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(e.bond_port, sl, MAX_SL), 2, "2 slaves");
	TEST_ASSERT(rte_eth_find_next_owned_by(e.port[0], RTE_ETH_DEV_NO_OWNER) != e.port[0],
		    "an enslaved port is hidden from RTE_ETH_FOREACH_DEV");

	/* A slave added to a started bond is started with it. */
	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_add(e.bond_port, e.port[2]), "add to started");
	TEST_ASSERT_SUCCESS(send_plain(e.bond_port, 3), "3");
	TEST_ASSERT_EQUAL(ring_take(e.out[2]), 1, "the new slave carries its share");
	ring_take(e.out[0]);
	ring_take(e.out[1]);

	/* Removed, a slave is an ordinary port again. */
	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_remove(e.bond_port, e.port[2]), "remove");
	TEST_ASSERT_EQUAL(rte_eth_find_next_owned_by(e.port[2], RTE_ETH_DEV_NO_OWNER), e.port[2],
			  "visible again");
	TEST_ASSERT_SUCCESS(port_setup(e.port[2], 1), "usable directly");
	TEST_ASSERT_SUCCESS(send_plain(e.port[2], 2), "its own traffic");
	TEST_ASSERT_EQUAL(ring_take(e.out[2]), 2, "sent");
	TEST_ASSERT_EQUAL(rte_eth_bond_slaves_get(e.bond_port, sl, MAX_SL), 2, "2 left");
	one = sl[0];
	TEST_ASSERT_EQUAL(one, e.port[0], "order kept");

	/* Freeing the bond leaves its slaves usable. */
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(e.bond_port), "stop");
	TEST_ASSERT_SUCCESS(rte_eth_bond_free(e.bond), "free");
	e.bond_port = -1;
	TEST_ASSERT_EQUAL(port_flags(e.port[0]) & RTE_ETH_DEV_BONDED_SLAVE, 0, "released");
	TEST_ASSERT_SUCCESS(port_setup(e.port[0], 1), "slave 0 usable");
	TEST_ASSERT_SUCCESS(send_plain(e.port[0], 1), "and sends");
	TEST_ASSERT_EQUAL(ring_take(e.out[0]), 1, "sent");
	env_free(&e);
	return TEST_SUCCESS;
}

#define AFP_A "slbond0"
#define AFP_B "slbond1"
#define PEER_A "slbondp0"
#define PEER_B "slbondp1"

/* Round robin over two net_af_packet ports: the kernel peers see half each. */
static int
test_bond_af_packet(void)
{
	int orig_ns = -1, fd[2] = {-1, -1}, ret = TEST_FAILED;
	uint8_t buf[2048], peer_mac[6] = {0x02, 0, 0, 0, 0, 9};
	struct rte_ether_addr bmac;
	struct rte_mbuf *m[8];
	unsigned int i, got[2] = {0, 0};
	uint16_t a, b;
	int bond = -1;

	ret = test_netns_enter(&orig_ns, "two veth pairs");
	if (ret != TEST_SUCCESS)
		return ret;
	ret = TEST_FAILED;
	if (test_netns_ip("link", "add", AFP_A, "type", "veth", "peer", "name", PEER_A, NULL) ||
	    test_netns_ip("link", "add", AFP_B, "type", "veth", "peer", "name", PEER_B, NULL) ||
	    test_netns_ip("link", "set", AFP_A, "up", NULL) ||
	    test_netns_ip("link", "set", AFP_B, "up", NULL) ||
	    test_netns_ip("link", "set", PEER_A, "up", NULL) ||
	    test_netns_ip("link", "set", PEER_B, "up", NULL))
		goto out;
	fd[0] = test_netns_raw_open(PEER_A);
	fd[1] = test_netns_raw_open(PEER_B);
	if (fd[0] < 0 || fd[1] < 0)
		goto out;
	if (rte_vdev_init("net_af_packet_b0", "iface=" AFP_A) != 0 ||
	    rte_vdev_init("net_af_packet_b1", "iface=" AFP_B) != 0 ||
	    rte_eth_dev_get_port_by_name("net_af_packet_b0", &a) != 0 ||
	    rte_eth_dev_get_port_by_name("net_af_packet_b1", &b) != 0)
		goto out;
	bond = rte_eth_bond_create("net_bonding_afp", BONDING_MODE_ROUND_ROBIN, 0);
	if (bond < 0 || rte_eth_bond_slave_add(bond, a) != 0 ||
	    rte_eth_bond_slave_add(bond, b) != 0 || port_setup((uint16_t)bond, 1) != 0)
		goto out;
	rte_eth_macaddr_get((uint16_t)bond, &bmac);
	for (i = 0; i < 8; i++) {
		m[i] = rte_pktmbuf_alloc(bond_pool());
		if (m[i] == NULL || rte_pktmbuf_append(m[i], 100) == NULL)
			goto out;
		test_netns_frame_build(rte_pktmbuf_mtod(m[i], uint8_t *), 100, peer_mac,
				       bmac.addr_bytes, i);
	}
	if (rte_eth_tx_burst((uint16_t)bond, 0, m, 8) != 8)
		goto out;
	for (i = 0; i < 2; i++)
		while (test_netns_raw_recv(fd[i], buf, sizeof(buf), 300, 0) == 100 &&
		       memcmp(buf + 6, bmac.addr_bytes, 6) == 0)
			got[i]++;
	if (got[0] != 4 || got[1] != 4) {
		printf("peers got %u and %u frames, want 4 and 4\n", got[0], got[1]);
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	if (bond >= 0) {
		rte_eth_dev_stop((uint16_t)bond);
		rte_eth_bond_free("net_bonding_afp");
	}
	rte_vdev_uninit("net_af_packet_b0");
	rte_vdev_uninit("net_af_packet_b1");
	for (i = 0; i < 2; i++)
		if (fd[i] >= 0)
			close(fd[i]);
	test_netns_leave(orig_ns);
	return ret;
}

/*
 * Active-backup over two net_tap ports, which raise LSC events: with the
 * poll a minute apart, only the events can drive fail-over.
 */
static int
test_bond_tap_lsc(void)
{
	int orig_ns = -1, bond = -1, ret;
	uint16_t t0, t1;

	ret = test_netns_enter(&orig_ns, "two TAP devices");
	if (ret != TEST_SUCCESS)
		return ret;
	ret = TEST_FAILED;
	if (rte_vdev_init("net_tap_b0", "iface=slbt0") != 0 ||
	    rte_vdev_init("net_tap_b1", "iface=slbt1") != 0 ||
	    rte_eth_dev_get_port_by_name("net_tap_b0", &t0) != 0 ||
	    rte_eth_dev_get_port_by_name("net_tap_b1", &t1) != 0)
		goto out;
	bond = rte_eth_bond_create("net_bonding_tap", BONDING_MODE_ACTIVE_BACKUP, 0);
	if (bond < 0 || rte_eth_bond_slave_add(bond, t0) != 0 ||
	    rte_eth_bond_slave_add(bond, t1) != 0 || rte_eth_bond_primary_set(bond, t0) != 0 ||
	    rte_eth_bond_link_monitoring_set(bond, 60000) != 0 ||
	    port_setup((uint16_t)bond, 1) != 0)
		goto out;
	if (active_wait(bond, 2) != 0) {
		printf("the links coming up were not noticed\n");
		goto out;
	}
	if (rte_eth_bond_primary_get(bond) != t0 ||
	    test_netns_ip("link", "set", "slbt0", "down", NULL) != 0)
		goto out;
	if (active_wait(bond, 1) != 0 || rte_eth_bond_primary_get(bond) != t1) {
		printf("no fail-over on the primary's LSC event\n");
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	if (bond >= 0) {
		rte_eth_dev_stop((uint16_t)bond);
		rte_eth_bond_free("net_bonding_tap");
	}
	rte_vdev_uninit("net_tap_b0");
	rte_vdev_uninit("net_tap_b1");
	test_netns_leave(orig_ns);
	return ret;
}

static int
test_bond_cleanup(void)
{
	rte_mempool_free(bond_pool());
	return TEST_SUCCESS;
}

/* clang-format off */
static const struct test_case pmd_bonding_cases[] = {
	TEST_CASE(test_bond_round_robin),
	TEST_CASE(test_bond_active_backup),
	TEST_CASE(test_bond_balance),
	TEST_CASE(test_bond_broadcast),
	TEST_CASE(test_bond_tlb),
	TEST_CASE(test_bond_devargs),
	TEST_CASE(test_bond_errors),
	TEST_CASE(test_bond_af_packet),
	TEST_CASE(test_bond_tap_lsc),
	TEST_CASE(test_bond_cleanup),
	TEST_CASES_END(),
};
/* clang-format on */

REGISTER_TEST_SUITE(pmd_bonding, TEST_SUITE_EAL, pmd_bonding_cases);
