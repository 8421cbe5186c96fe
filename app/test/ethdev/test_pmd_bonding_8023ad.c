/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_bonding mode 4 (802.3ad) over net_ring slaves. The test plays the
 * LACP partner with LACPDUs it builds by hand and checks every field of
 * the bond's LACPDUs byte by byte; two Sluice bonds cabled back to back
 * converge and pass traffic both ways; marker PDUs are answered; a silent
 * partner stops distribution; every user error of the API.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_eth_bond.h>
#include <rte_eth_bond_8023ad.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "test.h"

#define M4_SL 2
#define M4_WAIT_MS 3000

static const uint8_t slow_mcast[6] = {0x01, 0x80, 0xc2, 0x00, 0x00, 0x02};
static const struct rte_ether_addr partner_mac = {{0x02, 0x00, 0x00, 0x00, 0x00, 0x99}};

/* One side of a link: a bond over M4_SL ring ports. */
struct m4_side {
	uint16_t slave[M4_SL];
	struct rte_ring *rx[M4_SL];	  /* what the slave receives */
	struct rte_ring *tx[M4_SL];	  /* what the slave sends */
	struct rte_ether_addr mac[M4_SL]; /* its own, before the bond gives it the bond's */
	char bond[32];
	int port;
};

static unsigned int m4_seq;

static struct rte_mempool *
m4_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("m4_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("m4_mp", 2047, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					     SOCKET_ID_ANY);
	return mp;
}

/* Timers short enough for a unit test, in the ratios of the standard. */
static void
m4_conf_fast(struct rte_eth_bond_8023ad_conf *c)
{
	memset(c, 0, sizeof(*c));
	c->fast_periodic_ms = 50;
	c->slow_periodic_ms = 1000;
	c->short_timeout_ms = 300;
	c->long_timeout_ms = 3000;
	c->aggregate_wait_timeout_ms = 50;
	c->tx_period_ms = 50;
	c->rx_marker_period_ms = 100;
	c->update_timeout_ms = 10;
	c->agg_selection = AGG_STABLE;
}

static int
m4_start(uint16_t port)
{
	struct rte_eth_conf conf;
	int ret;

	memset(&conf, 0, sizeof(conf));
	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, 128, SOCKET_ID_ANY, NULL, m4_pool());
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, 128, SOCKET_ID_ANY, NULL);
	return ret != 0 ? ret : rte_eth_dev_start(port);
}

/*
 * A mode 4 bond over ring ports. With peer, the slaves are cabled to
 * peer's (each one's Tx ring is the other's Rx ring).
 */
static int
m4_side_make(struct m4_side *s, const struct m4_side *peer)
{
	struct rte_eth_bond_8023ad_conf c;
	unsigned int i, n = m4_seq++;

	memset(s, 0, sizeof(*s));
	s->port = -1;
	for (i = 0; i < M4_SL; i++) {
		char name[32];
		int p;

		if (peer != NULL) {
			s->rx[i] = peer->tx[i];
			s->tx[i] = peer->rx[i];
		} else {
			snprintf(name, sizeof(name), "m4r%u_%u", n, i);
			s->rx[i] = rte_ring_create(name, 512, SOCKET_ID_ANY, 0);
			snprintf(name, sizeof(name), "m4t%u_%u", n, i);
			s->tx[i] = rte_ring_create(name, 512, SOCKET_ID_ANY, 0);
		}
		TEST_ASSERT(s->rx[i] != NULL && s->tx[i] != NULL, "rings");
		snprintf(name, sizeof(name), "m4s%u_%u", n, i);
		p = rte_eth_from_rings(name, &s->rx[i], 1, &s->tx[i], 1, SOCKET_ID_ANY);
		TEST_ASSERT(p >= 0, "slave %u", i);
		s->slave[i] = (uint16_t)p;
		TEST_ASSERT_SUCCESS(rte_eth_macaddr_get(s->slave[i], &s->mac[i]), "mac");
	}
	snprintf(s->bond, sizeof(s->bond), "net_bonding_m4_%u", n);
	s->port = rte_eth_bond_create(s->bond, BONDING_MODE_8023AD, 0);
	TEST_ASSERT(s->port >= 0, "create %s", s->bond);
	for (i = 0; i < M4_SL; i++)
		TEST_ASSERT_SUCCESS(rte_eth_bond_slave_add(s->port, s->slave[i]), "add %u", i);
	m4_conf_fast(&c);
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_setup(s->port, &c), "setup");
	TEST_ASSERT_SUCCESS(m4_start(s->port), "start");
	return TEST_SUCCESS;
}

static void
m4_ring_flush(struct rte_ring *r)
{
	void *m;

	while (r != NULL && rte_ring_dequeue(r, &m) == 0)
		rte_pktmbuf_free(m);
}

/* The bond freed, its slaves closed; rings freed once (owner frees them). */
static void
m4_side_free(struct m4_side *s, bool own_rings)
{
	unsigned int i;

	/* The bond's LACPDUs on the rings go back to its pool before it goes. */
	for (i = 0; i < M4_SL && own_rings; i++) {
		m4_ring_flush(s->rx[i]);
		m4_ring_flush(s->tx[i]);
	}
	if (s->port >= 0) {
		rte_eth_dev_stop((uint16_t)s->port);
		rte_eth_bond_free(s->bond);
	}
	for (i = 0; i < M4_SL; i++) {
		rte_eth_dev_stop(s->slave[i]);
		rte_eth_dev_close(s->slave[i]);
		if (own_rings) {
			m4_ring_flush(s->rx[i]);
			m4_ring_flush(s->tx[i]);
			rte_ring_free(s->rx[i]);
			rte_ring_free(s->tx[i]);
		}
	}
}

/* Run the bond's bursts (as an application does) for ms; data frames received are counted. */
static unsigned int
m4_pump(int port, unsigned int ms)
{
	uint64_t end = rte_get_timer_cycles() + rte_get_timer_hz() * ms / 1000;
	struct rte_mbuf *m[32];
	unsigned int got = 0;

	do {
		uint16_t n = rte_eth_rx_burst((uint16_t)port, 0, m, RTE_DIM(m));

		got += n;
		rte_pktmbuf_free_bulk(m, n);
		rte_eth_tx_burst((uint16_t)port, 0, m, 0);
		rte_delay_us_sleep(1000);
	} while (rte_get_timer_cycles() < end);
	return got;
}

static uint32_t m4_last_len; /* frame length of the last LACPDU m4_take saw */

/* Empties r; the last LACPDU on it lands in pdu. Returns the other frames' count. */
static unsigned int
m4_take(struct rte_ring *r, struct lacpdu_header *pdu, unsigned int *pdus)
{
	unsigned int data = 0;
	void *o;

	*pdus = 0;
	while (rte_ring_dequeue(r, &o) == 0) {
		struct rte_mbuf *m = o;
		const struct lacpdu_header *h = rte_pktmbuf_mtod(m, const struct lacpdu_header *);

		if (h->eth_hdr.ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW) &&
		    h->lacpdu.subtype == SLOW_SUBTYPE_LACP &&
		    rte_pktmbuf_data_len(m) >= sizeof(*h)) {
			memcpy(pdu, h, sizeof(*h));
			m4_last_len = rte_pktmbuf_pkt_len(m);
			(*pdus)++;
		} else {
			data++;
		}
		rte_pktmbuf_free(m);
	}
	return data;
}

/* Pump until slave's actor state has all the bits of want, or M4_WAIT_MS passed. */
static int
m4_wait_state(int port, uint16_t slave, uint8_t want)
{
	struct rte_eth_bond_8023ad_slave_info info;
	unsigned int t;

	for (t = 0; t < M4_WAIT_MS; t += 20) {
		m4_pump(port, 20);
		if (rte_eth_bond_8023ad_slave_info((uint16_t)port, slave, &info) == 0 &&
		    (info.actor_state & want) == want)
			return 0;
	}
	return -1;
}

/* A zeroed slow protocols frame from the partner, of LACPDU (= marker) size. */
static struct rte_mbuf *
m4_slow_frame(uint8_t subtype)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(m4_pool());
	struct slow_protocol_frame *f;

	if (m == NULL || rte_pktmbuf_append(m, sizeof(*f)) == NULL) {
		rte_pktmbuf_free(m);
		return NULL;
	}
	f = rte_pktmbuf_mtod(m, struct slow_protocol_frame *);
	memset(f, 0, sizeof(*f));
	memcpy(f->eth_hdr.dst_addr.addr_bytes, slow_mcast, 6);
	f->eth_hdr.src_addr = partner_mac;
	f->eth_hdr.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW);
	f->slow_protocol.subtype = subtype;
	return m;
}

/* The partner's LACPDU: its actor fields, and what it knows of us (ours). */
static struct rte_mbuf *
m4_partner_pdu_from(const struct rte_ether_addr *sys, uint16_t port_number, uint8_t state,
		    const struct lacpdu_header *ours)
{
	struct rte_mbuf *m = m4_slow_frame(SLOW_SUBTYPE_LACP);
	struct lacpdu_header *h;

	if (m == NULL)
		return NULL;
	h = rte_pktmbuf_mtod(m, struct lacpdu_header *);
	h->lacpdu.version_number = 1;
	h->lacpdu.actor.tlv_type_info = TLV_TYPE_ACTOR_INFORMATION;
	h->lacpdu.actor.info_length = 20;
	h->lacpdu.actor.port_params.system_priority = rte_cpu_to_be_16(0x8000);
	h->lacpdu.actor.port_params.system = *sys;
	h->lacpdu.actor.port_params.key = rte_cpu_to_be_16(0x0021);
	h->lacpdu.actor.port_params.port_priority = rte_cpu_to_be_16(0x00ff);
	h->lacpdu.actor.port_params.port_number = rte_cpu_to_be_16(port_number);
	h->lacpdu.actor.state = state;
	h->lacpdu.partner.tlv_type_info = TLV_TYPE_PARTNER_INFORMATION;
	h->lacpdu.partner.info_length = 20;
	h->lacpdu.partner.port_params = ours->lacpdu.actor.port_params;
	h->lacpdu.partner.state = ours->lacpdu.actor.state;
	h->lacpdu.tlv_type_collector_info = TLV_TYPE_COLLECTOR_INFORMATION;
	h->lacpdu.collector_info_length = 16;
	return m;
}

static struct rte_mbuf *
m4_partner_pdu(uint16_t port_number, uint8_t state, const struct lacpdu_header *ours)
{
	return m4_partner_pdu_from(&partner_mac, port_number, state, ours);
}

static struct rte_mbuf *
m4_data_frame(uint8_t dst_last, uint16_t src_last)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(m4_pool());
	struct rte_ether_hdr *eh;

	if (m == NULL || rte_pktmbuf_append(m, 64) == NULL)
		return NULL;
	eh = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
	memset(eh, 0, 64);
	memcpy(eh->dst_addr.addr_bytes, (uint8_t[]){0x02, 0, 0, 0, 1, dst_last}, 6);
	memcpy(eh->src_addr.addr_bytes, (uint8_t[]){0x02, 0, 0, 0, 2, (uint8_t)src_last}, 6);
	eh->ether_type = rte_cpu_to_be_16(0x88b5);
	return m;
}

/* n data frames from the bond; how many it took. */
static uint16_t
m4_send(int port, unsigned int n)
{
	struct rte_mbuf *m[64];
	uint16_t i, sent;

	for (i = 0; i < n && i < RTE_DIM(m); i++)
		m[i] = m4_data_frame((uint8_t)i, 0);
	sent = rte_eth_tx_burst((uint16_t)port, 0, m, i);
	rte_pktmbuf_free_bulk(m + sent, i - sent);
	return sent;
}

/* Every byte of a LACPDU of slave (port id) of bond, partner not heard yet. */
static int
m4_check_first_pdu(const struct lacpdu_header *h, const struct m4_side *s, unsigned int i)
{
	const struct lacpdu_actor_partner_params *a = &h->lacpdu.actor;
	static const uint8_t zero[50];
	struct rte_ether_addr bond_mac;
	uint16_t slave = s->slave[i];

	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get((uint16_t)s->port, &bond_mac), "bond mac");
	TEST_ASSERT_EQUAL(m4_last_len, 124, "LACPDU frame length");
	TEST_ASSERT(memcmp(h->eth_hdr.dst_addr.addr_bytes, slow_mcast, 6) == 0, "dst");
	TEST_ASSERT(rte_is_same_ether_addr(&h->eth_hdr.src_addr, &s->mac[i]),
		    "src: the slave's own MAC");
	TEST_ASSERT_EQUAL(h->eth_hdr.ether_type, rte_cpu_to_be_16(0x8809), "slow protocols");
	TEST_ASSERT_EQUAL(h->lacpdu.subtype, 1, "LACP");
	TEST_ASSERT_EQUAL(h->lacpdu.version_number, 1, "version");
	TEST_ASSERT_EQUAL(a->tlv_type_info, 1, "actor TLV");
	TEST_ASSERT_EQUAL(a->info_length, 20, "actor length");
	TEST_ASSERT_EQUAL(a->port_params.system_priority, rte_cpu_to_be_16(0xffff), "sys prio");
	TEST_ASSERT(rte_is_same_ether_addr(&a->port_params.system, &bond_mac), "system = bond");
	/* net_ring: 10G (class 6 of the key), full duplex */
	TEST_ASSERT_EQUAL(a->port_params.key, rte_cpu_to_be_16(6 << 1 | 1), "key");
	TEST_ASSERT_EQUAL(a->port_params.port_priority, rte_cpu_to_be_16(0x00ff), "port prio");
	TEST_ASSERT_EQUAL(a->port_params.port_number, rte_cpu_to_be_16(slave + 1), "port number");
	/*
	 * Partner admin values (defaulted) and still waiting for a first
	 * LACPDU (expired, 300 ms); attached to its own aggregator, so in sync.
	 */
	TEST_ASSERT_EQUAL(a->state,
			  STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_AGGREGATION |
				  STATE_SYNCHRONIZATION | STATE_DEFAULTED | STATE_EXPIRED,
			  "actor state %#x", a->state);
	TEST_ASSERT_EQUAL(h->lacpdu.partner.tlv_type_info, 2, "partner TLV");
	TEST_ASSERT_EQUAL(h->lacpdu.partner.info_length, 20, "partner length");
	TEST_ASSERT(memcmp(&h->lacpdu.partner.port_params, zero, sizeof(struct port_params)) == 0,
		    "no partner yet");
	TEST_ASSERT_EQUAL(h->lacpdu.partner.state, STATE_AGGREGATION | STATE_LACP_SHORT_TIMEOUT,
			  "partner admin state");
	TEST_ASSERT_EQUAL(h->lacpdu.tlv_type_collector_info, 3, "collector TLV");
	TEST_ASSERT_EQUAL(h->lacpdu.collector_info_length, 16, "collector length");
	TEST_ASSERT_EQUAL(h->lacpdu.collector_max_delay, 0, "max delay");
	TEST_ASSERT_EQUAL(h->lacpdu.tlv_type_terminator, 0, "terminator");
	TEST_ASSERT_EQUAL(h->lacpdu.terminator_length, 0, "terminator length");
	TEST_ASSERT(memcmp(h->lacpdu.reserved_50, zero, 50) == 0, "padding");
	return TEST_SUCCESS;
}

/*
 * The test is the partner of slave 0 only: slave 0 converges and carries
 * all data, slave 1 (no partner) neither collects nor distributes. Then
 * the partner goes quiet and slave 0 stops too.
 */
static int
test_lacp_hand_partner(void)
{
	const uint8_t in_sync = STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_AGGREGATION |
				STATE_SYNCHRONIZATION | STATE_COLLECTING | STATE_DISTRIBUTING;
	struct rte_eth_bond_8023ad_slave_info info;
	struct lacpdu_header pdu;
	struct rte_mbuf *m;
	struct m4_side s;
	unsigned int pdus, data, t;

	TEST_ASSERT_SUCCESS(m4_side_make(&s, NULL), "bond");
	m4_pump(s.port, 150);
	data = m4_take(s.tx[0], &pdu, &pdus);
	TEST_ASSERT(pdus >= 1, "slave 0 sends LACPDUs without a partner (%u)", pdus);
	TEST_ASSERT_EQUAL(data, 0, "and nothing else");
	TEST_ASSERT_SUCCESS(m4_check_first_pdu(&pdu, &s, 0), "fields");
	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 0, "no distributing slave: nothing sent");

	/* A data frame before the partner is in sync is not collected. */
	m = m4_data_frame(1, 1);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(s.rx[0], m), "data in");
	TEST_ASSERT_EQUAL(m4_pump(s.port, 20), 0, "not collecting: dropped");

	/* The partner answers with what it saw of us, then in sync. */
	for (t = 0; t < M4_WAIT_MS; t += 20) {
		m4_take(s.tx[0], &pdu, &pdus);
		m = m4_partner_pdu(7, in_sync, &pdu);
		TEST_ASSERT(m != NULL, "pdu");
		TEST_ASSERT_SUCCESS(rte_ring_enqueue(s.rx[0], m), "pdu in");
		m4_pump(s.port, 20);
		if (rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[0], &info) == 0 &&
		    (info.actor_state & STATE_DISTRIBUTING))
			break;
	}
	TEST_ASSERT(info.actor_state & STATE_DISTRIBUTING, "slave 0 distributing (%#x)",
		    info.actor_state);
	TEST_ASSERT_EQUAL(info.selected, SELECTED, "selected");
	TEST_ASSERT_EQUAL(info.agg_port_id, s.slave[0], "its own aggregator");
	TEST_ASSERT(rte_is_same_ether_addr(&info.partner.system, &partner_mac), "partner system");
	TEST_ASSERT_EQUAL(info.partner.port_number, rte_cpu_to_be_16(7), "partner port");
	TEST_ASSERT_EQUAL(info.partner.key, rte_cpu_to_be_16(0x0021), "partner key");
	TEST_ASSERT_EQUAL(info.partner_state, in_sync, "partner state recorded");

	/* Our next LACPDU tells the partner we are in sync and echoes it. */
	m4_pump(s.port, 100);
	m4_take(s.tx[0], &pdu, &pdus);
	TEST_ASSERT(pdus >= 1, "LACPDUs go on");
	TEST_ASSERT_EQUAL(pdu.lacpdu.actor.state, in_sync, "actor state %#x",
			  pdu.lacpdu.actor.state);
	TEST_ASSERT(rte_is_same_ether_addr(&pdu.lacpdu.partner.port_params.system, &partner_mac),
		    "partner echoed");
	TEST_ASSERT_EQUAL(pdu.lacpdu.partner.port_params.port_number, rte_cpu_to_be_16(7), "port");
	TEST_ASSERT_EQUAL(pdu.lacpdu.partner.state, in_sync, "partner state echoed");

	/* Slave 1 hears nobody: defaulted, never distributing. */
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[1], &info),
			    "info 1");
	TEST_ASSERT(info.actor_state & STATE_DEFAULTED, "slave 1 defaulted (%#x)",
		    info.actor_state);
	TEST_ASSERT_EQUAL(info.actor_state & (STATE_COLLECTING | STATE_DISTRIBUTING), 0,
			  "slave 1 idle");
	m4_take(s.tx[1], &pdu, &pdus);

	/* Data: all on slave 0, and slave 0 delivers what it receives. */
	TEST_ASSERT_EQUAL(m4_send(s.port, 16), 16, "sent");
	TEST_ASSERT_EQUAL(m4_take(s.tx[0], &pdu, &pdus), 16, "16 frames on slave 0");
	TEST_ASSERT_EQUAL(m4_take(s.tx[1], &pdu, &pdus), 0, "none on slave 1");
	m = m4_data_frame(1, 2);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(s.rx[0], m), "data in");
	TEST_ASSERT_EQUAL(m4_pump(s.port, 20), 1, "collected");

	/* The partner goes quiet: after the short timeout (twice) it is gone. */
	TEST_ASSERT_SUCCESS(m4_wait_state(s.port, s.slave[0], STATE_DEFAULTED), "defaulted");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[0], &info),
			    "info");
	TEST_ASSERT_EQUAL(info.actor_state & STATE_DISTRIBUTING, 0, "no longer distributing");
	m4_take(s.tx[0], &pdu, &pdus);
	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 0, "nothing to send on");
	m4_side_free(&s, true);
	return TEST_SUCCESS;
}

/*
 * Each slave reaches another partner system: two aggregators. The first
 * (stable policy) carries the traffic, the other slave stands by; when the
 * first partner goes quiet, the bond moves to the other aggregator.
 */
static int
test_lacp_two_partners(void)
{
	const uint8_t in_sync = STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_AGGREGATION |
				STATE_SYNCHRONIZATION | STATE_COLLECTING | STATE_DISTRIBUTING;
	const struct rte_ether_addr other = {{0x02, 0x00, 0x00, 0x00, 0x00, 0xaa}};
	struct rte_eth_bond_8023ad_slave_info i0, i1;
	struct lacpdu_header pdu[M4_SL];
	unsigned int pdus, t, k;
	struct m4_side s;

	TEST_ASSERT_SUCCESS(m4_side_make(&s, NULL), "bond");
	memset(pdu, 0, sizeof(pdu));
	for (t = 0; t < 1000; t += 20) {
		for (k = 0; k < M4_SL; k++) {
			struct rte_mbuf *m;

			m4_take(s.tx[k], &pdu[k], &pdus);
			m = m4_partner_pdu_from(k == 0 ? &partner_mac : &other, 1, in_sync,
						&pdu[k]);
			TEST_ASSERT(m != NULL && rte_ring_enqueue(s.rx[k], m) == 0, "pdu %u", k);
		}
		m4_pump(s.port, 20);
	}
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[0], &i0), "0");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[1], &i1), "1");
	TEST_ASSERT_EQUAL(i0.selected, SELECTED, "slave 0's aggregator carries traffic");
	TEST_ASSERT_EQUAL(i1.selected, STANDBY, "slave 1 stands by");
	TEST_ASSERT_EQUAL(i1.agg_port_id, s.slave[1], "in an aggregator of its own");
	TEST_ASSERT(i0.actor_state & STATE_DISTRIBUTING, "slave 0 distributes");
	TEST_ASSERT_EQUAL(i1.actor_state & (STATE_SYNCHRONIZATION | STATE_DISTRIBUTING), 0,
			  "slave 1 neither in sync nor distributing (%#x)", i1.actor_state);
	m4_take(s.tx[0], &pdu[0], &pdus);
	m4_take(s.tx[1], &pdu[1], &pdus);
	TEST_ASSERT_EQUAL(m4_send(s.port, 8), 8, "sent");
	TEST_ASSERT_EQUAL(m4_take(s.tx[0], &pdu[0], &pdus), 8, "all on slave 0");
	TEST_ASSERT_EQUAL(m4_take(s.tx[1], &pdu[1], &pdus), 0, "none on slave 1");

	/* Only the second partner speaks on: the bond moves to its aggregator. */
	for (t = 0; t < M4_WAIT_MS; t += 20) {
		struct rte_mbuf *m;

		m4_take(s.tx[1], &pdu[1], &pdus);
		m = m4_partner_pdu_from(&other, 1, in_sync, &pdu[1]);
		TEST_ASSERT(m != NULL && rte_ring_enqueue(s.rx[1], m) == 0, "pdu");
		m4_pump(s.port, 20);
		rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[1], &i1);
		if (i1.actor_state & STATE_DISTRIBUTING)
			break;
	}
	TEST_ASSERT(t < M4_WAIT_MS, "slave 1 took over");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, s.slave[0], &i0), "0");
	TEST_ASSERT(i0.actor_state & STATE_DEFAULTED, "slave 0's partner gone (%#x)",
		    i0.actor_state);
	TEST_ASSERT_EQUAL(i1.selected, SELECTED, "slave 1 selected");
	m4_take(s.tx[0], &pdu[0], &pdus);
	m4_take(s.tx[1], &pdu[1], &pdus);
	TEST_ASSERT_EQUAL(m4_send(s.port, 8), 8, "sent");
	TEST_ASSERT_EQUAL(m4_take(s.tx[1], &pdu[1], &pdus), 8, "all on slave 1");
	m4_side_free(&s, true);
	return TEST_SUCCESS;
}

static unsigned int ext_rx_count;
static uint16_t ext_rx_slave;

static void
m4_ext_slowrx(uint16_t slave_id, struct rte_mbuf *lacp_pkt)
{
	ext_rx_count++;
	ext_rx_slave = slave_id;
	rte_pktmbuf_free(lacp_pkt);
}

/*
 * External LACP: with a slowrx_cb the machines stand still; LACPDUs go to
 * the callback, the application chooses who collects and distributes and
 * sends its own LACPDUs.
 */
static int
test_lacp_external(void)
{
	struct rte_eth_bond_8023ad_conf c;
	struct lacpdu_header pdu, ours;
	struct rte_mbuf *m;
	unsigned int pdus;
	struct m4_side s;

	TEST_ASSERT_SUCCESS(m4_side_make(&s, NULL), "bond");
	m4_conf_fast(&c);
	c.slowrx_cb = m4_ext_slowrx;
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_setup((uint16_t)s.port, &c), "external");
	m4_pump(s.port, 50);
	m4_take(s.tx[1], &pdu, &pdus);
	m4_take(s.tx[0], &pdu, &pdus);
	TEST_ASSERT_EQUAL(pdus, 0, "the machines send nothing");

	memset(&ours, 0, sizeof(ours));
	m = m4_partner_pdu(3, STATE_LACP_ACTIVE, &ours);
	TEST_ASSERT(m != NULL && rte_ring_enqueue(s.rx[1], m) == 0, "pdu in");
	ext_rx_count = 0;
	m4_pump(s.port, 50);
	TEST_ASSERT_EQUAL(ext_rx_count, 1, "the callback got the LACPDU");
	TEST_ASSERT_EQUAL(ext_rx_slave, s.slave[1], "from slave 1");

	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 0, "nobody distributes yet");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_ext_distrib((uint16_t)s.port, s.slave[1], 1), "on");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_ext_distrib_get((uint16_t)s.port, s.slave[1]), 1,
			  "distributing");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_ext_collect_get((uint16_t)s.port, s.slave[1]), 0,
			  "not collecting");
	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 4, "sent");
	TEST_ASSERT_EQUAL(m4_take(s.tx[1], &pdu, &pdus), 4, "on slave 1");
	m = m4_data_frame(1, 1);
	TEST_ASSERT(m != NULL && rte_ring_enqueue(s.rx[1], m) == 0, "data in");
	TEST_ASSERT_EQUAL(m4_pump(s.port, 20), 0, "not collecting: dropped");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_ext_collect((uint16_t)s.port, s.slave[1], 1), "on");
	m = m4_data_frame(1, 1);
	TEST_ASSERT(m != NULL && rte_ring_enqueue(s.rx[1], m) == 0, "data in");
	TEST_ASSERT_EQUAL(m4_pump(s.port, 20), 1, "collected");

	m = m4_partner_pdu(9, STATE_LACP_ACTIVE, &ours);
	TEST_ASSERT(m != NULL, "our pdu");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_ext_slowtx((uint16_t)s.port, s.slave[0], m), "tx");
	m4_pump(s.port, 20);
	m4_take(s.tx[0], &pdu, &pdus);
	TEST_ASSERT_EQUAL(pdus, 1, "the application's LACPDU went out on slave 0");
	TEST_ASSERT_EQUAL(pdu.lacpdu.actor.port_params.port_number, rte_cpu_to_be_16(9),
			  "as built");
	m4_side_free(&s, true);
	return TEST_SUCCESS;
}

/* A marker PDU is answered on the slave it came from, as a response. */
static int
test_lacp_marker(void)
{
	struct marker_header *h;
	struct rte_mbuf *m;
	struct m4_side s;
	void *o;
	bool seen = false;

	TEST_ASSERT_SUCCESS(m4_side_make(&s, NULL), "bond");
	m = m4_slow_frame(SLOW_SUBTYPE_MARKER);
	TEST_ASSERT(m != NULL, "mbuf");
	h = rte_pktmbuf_mtod(m, struct marker_header *);
	h->marker.version_number = 1;
	h->marker.tlv_type_marker = MARKER_TLV_TYPE_INFO;
	h->marker.info_length = 16;
	h->marker.requester_port = rte_cpu_to_be_16(3);
	h->marker.requester_system = partner_mac;
	h->marker.requester_transaction_id = rte_cpu_to_be_32(0xabcd1234);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(s.rx[1], m), "marker in");
	TEST_ASSERT_EQUAL(m4_pump(s.port, 60), 0, "not handed to the application");
	while (rte_ring_dequeue(s.tx[1], &o) == 0) {
		m = o;
		h = rte_pktmbuf_mtod(m, struct marker_header *);
		if (h->marker.subtype == SLOW_SUBTYPE_MARKER) {
			TEST_ASSERT_EQUAL(rte_pktmbuf_data_len(m), sizeof(*h), "length");
			TEST_ASSERT_EQUAL(h->marker.tlv_type_marker, MARKER_TLV_TYPE_RESP,
					  "response");
			TEST_ASSERT_EQUAL(h->marker.requester_transaction_id,
					  rte_cpu_to_be_32(0xabcd1234), "transaction kept");
			TEST_ASSERT_EQUAL(h->marker.requester_port, rte_cpu_to_be_16(3), "port");
			TEST_ASSERT(rte_is_same_ether_addr(&h->eth_hdr.src_addr, &s.mac[1]), "src");
			seen = true;
		}
		rte_pktmbuf_free(m);
	}
	TEST_ASSERT(seen, "marker response sent on slave 1");
	m4_side_free(&s, true);
	return TEST_SUCCESS;
}

/* Two Sluice bonds cabled back to back: both sides converge, traffic flows both ways. */
static int
test_lacp_two_bonds(void)
{
	const uint8_t cd = STATE_SYNCHRONIZATION | STATE_COLLECTING | STATE_DISTRIBUTING;
	struct rte_eth_bond_8023ad_slave_info info;
	struct lacpdu_header pdu;
	struct m4_side a, b;
	unsigned int i, t, pdus, got = 0;
	struct rte_ether_addr amac;

	TEST_ASSERT_SUCCESS(m4_side_make(&a, NULL), "a");
	TEST_ASSERT_SUCCESS(m4_side_make(&b, &a), "b");
	TEST_ASSERT_SUCCESS(rte_eth_macaddr_get((uint16_t)a.port, &amac), "a mac");
	for (t = 0; t < M4_WAIT_MS; t += 20) {
		bool all = true;

		m4_pump(a.port, 10);
		m4_pump(b.port, 10);
		for (i = 0; i < M4_SL; i++) {
			rte_eth_bond_8023ad_slave_info((uint16_t)a.port, a.slave[i], &info);
			all = all && (info.actor_state & cd) == cd;
			rte_eth_bond_8023ad_slave_info((uint16_t)b.port, b.slave[i], &info);
			all = all && (info.actor_state & cd) == cd;
		}
		if (all)
			break;
	}
	TEST_ASSERT(t < M4_WAIT_MS, "both bonds converged on both slaves");
	for (i = 0; i < M4_SL; i++) {
		TEST_ASSERT_SUCCESS(
			rte_eth_bond_8023ad_slave_info((uint16_t)b.port, b.slave[i], &info),
			"info");
		TEST_ASSERT(rte_is_same_ether_addr(&info.partner.system, &amac),
			    "b's partner is a's MAC");
		TEST_ASSERT_EQUAL(info.agg_port_id, b.slave[0], "one aggregator");
		TEST_ASSERT_EQUAL(info.selected, SELECTED, "selected");
	}
	/* 32 frames each way, balanced (L2) over both slaves, all received. */
	TEST_ASSERT_EQUAL(m4_send(a.port, 32), 32, "a sends");
	TEST_ASSERT(rte_ring_count(a.tx[0]) > 0 && rte_ring_count(a.tx[1]) > 0, "both slaves used");
	for (t = 0; t < 50 && got < 32; t++)
		got += m4_pump(b.port, 2);
	TEST_ASSERT_EQUAL(got, 32, "b received a's 32");
	TEST_ASSERT_EQUAL(m4_send(b.port, 32), 32, "b sends");
	for (got = 0, t = 0; t < 50 && got < 32; t++)
		got += m4_pump(a.port, 2);
	TEST_ASSERT_EQUAL(got, 32, "a received b's 32");

	/* A slave removed from a: b's peer slave loses its partner, a's other carries all. */
	TEST_ASSERT_SUCCESS(rte_eth_bond_slave_remove((uint16_t)a.port, a.slave[1]), "remove");
	m4_ring_flush(a.tx[0]);
	m4_ring_flush(a.tx[1]);
	TEST_ASSERT_EQUAL(m4_send(a.port, 8), 8, "a sends on one slave");
	TEST_ASSERT_EQUAL(m4_take(a.tx[0], &pdu, &pdus), 8, "all 8 on the slave left");
	TEST_ASSERT_EQUAL(m4_take(a.tx[1], &pdu, &pdus), 0, "none on the removed one");
	m4_side_free(&b, false);
	m4_side_free(&a, true);
	return TEST_SUCCESS;
}

static int
test_lacp_api(void)
{
	struct rte_eth_bond_8023ad_conf c, d;
	struct rte_eth_bond_8023ad_slave_info info;
	struct rte_mbuf *m;
	uint16_t agg;
	int rr;
	struct m4_side s;

	TEST_ASSERT(rte_eth_bond_create("net_bonding_m4alb", BONDING_MODE_ALB, 0) < 0, "ALB");
	rr = rte_eth_bond_create("net_bonding_m4rr", BONDING_MODE_ROUND_ROBIN, 0);
	TEST_ASSERT(rr >= 0, "rr bond");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_conf_get((uint16_t)rr, &c), "conf in any mode");
	TEST_ASSERT_EQUAL(c.fast_periodic_ms, 900, "fast");
	TEST_ASSERT_EQUAL(c.slow_periodic_ms, 29000, "slow");
	TEST_ASSERT_EQUAL(c.short_timeout_ms, 3000, "short");
	TEST_ASSERT_EQUAL(c.long_timeout_ms, 90000, "long");
	TEST_ASSERT_EQUAL(c.update_timeout_ms, 100, "update");
	TEST_ASSERT_EQUAL(c.agg_selection, AGG_STABLE, "stable");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_agg_selection_get((uint16_t)rr), -EINVAL, "mode 0");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_slave_info((uint16_t)rr, 0, &info), -EINVAL,
			  "mode 0");
	d = c;
	d.fast_periodic_ms = 0;
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_setup((uint16_t)rr, &d), -EINVAL, "zero timer");
	d = c;
	d.short_timeout_ms = d.fast_periodic_ms;
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_setup((uint16_t)rr, &d), -EINVAL, "period = timeout");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_dedicated_queues_enable((uint16_t)rr), -ENOTSUP,
			  "dedicated queues");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_dedicated_queues_disable((uint16_t)rr), "off");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_conf_get((uint16_t)rr, NULL), -EINVAL, "NULL");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_conf_get(RTE_MAX_ETHPORTS, &c), -EINVAL, "no port");
	TEST_ASSERT_SUCCESS(rte_eth_bond_free("net_bonding_m4rr"), "free rr");
	TEST_ASSERT_SUCCESS(rte_vdev_init("net_bonding_m4agg", "mode=4,agg_mode=count"),
			    "agg_mode");
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name("net_bonding_m4agg", &agg), "port");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_agg_selection_get(agg), AGG_COUNT, "agg_mode=count");
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("net_bonding_m4agg"), "free agg");
	TEST_ASSERT(rte_vdev_init("net_bonding_m4agg", "mode=4,agg_mode=most") < 0, "bad agg_mode");

	TEST_ASSERT_SUCCESS(m4_side_make(&s, NULL), "bond");
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_agg_selection_set((uint16_t)s.port, AGG_COUNT),
			    "count");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_agg_selection_get((uint16_t)s.port), AGG_COUNT,
			  "count kept");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_agg_selection_set((uint16_t)s.port, 9), -EINVAL, "9");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_slave_info((uint16_t)s.port, (uint16_t)s.port, &info),
			  -EINVAL, "not a slave");
	/* No slowrx_cb: the external interface is refused. */
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_ext_distrib((uint16_t)s.port, s.slave[0], 1), -EINVAL,
			  "ext without callback");
	m = m4_data_frame(1, 1);
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_ext_slowtx((uint16_t)s.port, s.slave[0], m), -EINVAL,
			  "not an LACPDU");
	rte_pktmbuf_free(m);
	/* setup while running restarts the machines; the policy goes back to stable. */
	m4_conf_fast(&c);
	TEST_ASSERT_SUCCESS(rte_eth_bond_8023ad_setup((uint16_t)s.port, &c), "setup running");
	TEST_ASSERT_EQUAL(rte_eth_bond_8023ad_agg_selection_get((uint16_t)s.port), AGG_STABLE,
			  "stable again, as DPDK");
	/* Mode 4 to 0 and back while started. */
	TEST_ASSERT_SUCCESS(rte_eth_bond_mode_set((uint16_t)s.port, 0), "to round robin");
	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 4, "round robin sends at once");
	TEST_ASSERT_SUCCESS(rte_eth_bond_mode_set((uint16_t)s.port, 4), "back to 802.3ad");
	TEST_ASSERT_EQUAL(m4_send(s.port, 4), 0, "no partner: nothing distributes");
	m4_side_free(&s, true);
	return TEST_SUCCESS;
}

static int
test_lacp_cleanup(void)
{
	rte_mempool_free(m4_pool());
	return TEST_SUCCESS;
}

/* clang-format off */
static const struct test_case pmd_bonding_8023ad_cases[] = {
	TEST_CASE(test_lacp_hand_partner),
	TEST_CASE(test_lacp_two_partners),
	TEST_CASE(test_lacp_external),
	TEST_CASE(test_lacp_marker),
	TEST_CASE(test_lacp_two_bonds),
	TEST_CASE(test_lacp_api),
	TEST_CASE(test_lacp_cleanup),
	TEST_CASES_END(),
};
/* clang-format on */

REGISTER_TEST_SUITE(pmd_bonding_8023ad, TEST_SUITE_EAL, pmd_bonding_8023ad_cases);
