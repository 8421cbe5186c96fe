/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Mode 4: LACP, IEEE 802.1AX-2008 clause 5 (formerly 802.3ad, 802.3
 * clause 43). The machines of each slave (receive 5.4.12, periodic 5.4.13,
 * selection 5.4.14, mux with coupled control 5.4.15, transmit 5.4.16) run
 * in one alarm every update_timeout_ms under the bond's lock. They meet the
 * data path through two rings a slave: the bond's Rx burst moves slow
 * protocol frames to rx_ring, the bond's Tx burst on queue 0 sends what the
 * machines put on tx_ring. So the application must call both bursts
 * regularly, as in DPDK, or LACPDUs stop and the partner times out.
 */
#include <assert.h>
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <rte_alarm.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_ring.h>

#include "bond_private.h"

static_assert(sizeof(struct port_params) == 14, "802.1AX 5.4.2.2 actor/partner fields");
static_assert(sizeof(struct lacpdu_actor_partner_params) == 20, "Actor_Information_Length");
static_assert(sizeof(struct lacpdu) == 110, "LACPDU without the Ethernet header");
static_assert(sizeof(struct marker) == 110, "marker PDU without the Ethernet header");
static_assert(sizeof(struct lacpdu_header) == 124, "LACPDU frame");

#define LACP_TLV_INFO_LEN 20
#define LACP_TLV_COLLECTOR_LEN 16
#define MARKER_TLV_INFO_LEN 16
#define LACP_VERSION 1
#define LACP_RING_SIZE 64
#define LACP_POOL_SIZE 511
#define LACP_RX_PER_TICK 32
/* Partner_Admin_Port_State: aggregatable, short timeouts, so a port
 * without a partner yet sends fast (5.4.13) and converges quickly. */
#define LACP_PARTNER_ADMIN_STATE (STATE_AGGREGATION | STATE_LACP_SHORT_TIMEOUT)

static const struct rte_ether_addr lacp_slow_mcast = {
	.addr_bytes = {0x01, 0x80, 0xc2, 0x00, 0x00, 0x02}};

void
bond_8023ad_conf_default(struct rte_eth_bond_8023ad_conf *conf)
{
	/* 802.1AX 5.4.4 constants, less a margin on the periods as DPDK does. */
	memset(conf, 0, sizeof(*conf));
	conf->fast_periodic_ms = 900;
	conf->slow_periodic_ms = 29000;
	conf->short_timeout_ms = 3000;
	conf->long_timeout_ms = 90000;
	conf->aggregate_wait_timeout_ms = 2000;
	conf->tx_period_ms = 500;
	conf->rx_marker_period_ms = 2000;
	conf->update_timeout_ms = 100;
	conf->agg_selection = AGG_STABLE;
}

/*
 * Actor key: ports aggregate only with equal keys, so the key is the link
 * speed's class and full duplex; an unknown speed gets class 0.
 */
static uint16_t
lacp_key(const struct rte_eth_link *link)
{
	static const uint32_t speeds[] = {
		RTE_ETH_SPEED_NUM_10M,	RTE_ETH_SPEED_NUM_100M, RTE_ETH_SPEED_NUM_1G,
		RTE_ETH_SPEED_NUM_2_5G, RTE_ETH_SPEED_NUM_5G,	RTE_ETH_SPEED_NUM_10G,
		RTE_ETH_SPEED_NUM_20G,	RTE_ETH_SPEED_NUM_25G,	RTE_ETH_SPEED_NUM_40G,
		RTE_ETH_SPEED_NUM_50G,	RTE_ETH_SPEED_NUM_56G,	RTE_ETH_SPEED_NUM_100G,
		RTE_ETH_SPEED_NUM_200G,
	};
	uint16_t cls = 0, i;

	for (i = 0; i < RTE_DIM(speeds); i++)
		if (link->link_speed == speeds[i])
			cls = (uint16_t)(i + 1);
	return rte_cpu_to_be_16((uint16_t)(cls << 1 | (link->link_duplex ? 1 : 0)));
}

static struct rte_ether_addr *
lacp_bond_mac(struct bond_private *priv)
{
	return &rte_eth_devices[priv->port_id].data->mac_addrs[0];
}

/* Free every mbuf left on r. */
static void
lacp_ring_drain(struct rte_ring *r)
{
	void *m;

	while (r != NULL && rte_ring_dequeue(r, &m) == 0)
		rte_pktmbuf_free(m);
}

static struct rte_ring *
lacp_ring_make(struct bond_private *priv, uint16_t slave_port, char dir)
{
	char name[RTE_RING_NAMESIZE];
	struct rte_ring *r;

	snprintf(name, sizeof(name), "bond%u_lacp%c%u", priv->port_id, dir, slave_port);
	r = rte_ring_lookup(name);
	if (r == NULL)
		r = rte_ring_create(name, LACP_RING_SIZE,
				    rte_eth_devices[priv->port_id].data->numa_node, RING_F_SC_DEQ);
	if (r == NULL)
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: no memory for the LACP rings of slave %u (%s); "
			       "give the EAL more (-m)\n",
			       priv->port_id, slave_port, rte_strerror(rte_errno));
	return r;
}

/* Mux states: what each one does on entry (5.4.15, coupled control). */
static void
lacp_mux_enter(struct bond_lacp_port *p, enum bond_lacp_mux st, uint64_t now, uint32_t wait_ms)
{
	p->mux = st;
	p->ntt = true;
	switch (st) {
	case LACP_MUX_DETACHED:
	case LACP_MUX_WAITING:
		p->actor_state &= ~(STATE_SYNCHRONIZATION | STATE_COLLECTING | STATE_DISTRIBUTING);
		p->wait_while = now + wait_ms;
		break;
	case LACP_MUX_ATTACHED:
		p->actor_state |= STATE_SYNCHRONIZATION;
		p->actor_state &= ~(STATE_COLLECTING | STATE_DISTRIBUTING);
		break;
	case LACP_MUX_COLL_DIST:
		p->actor_state |= STATE_COLLECTING | STATE_DISTRIBUTING;
		break;
	}
	/* relaxed: a flag the data path reads per burst, nothing hangs on it */
	__atomic_store_n(&p->collecting, st == LACP_MUX_COLL_DIST, __ATOMIC_RELAXED);
}

/* recordDefault (5.4.9): the partner is the administrative one, never in sync. */
static void
lacp_record_default(struct bond_lacp_port *p)
{
	static const struct port_params none;

	if (memcmp(&p->partner, &none, sizeof(none)) != 0)
		p->selected = UNSELECTED; /* update_Default_Selected */
	p->partner = none;
	p->partner_state = LACP_PARTNER_ADMIN_STATE;
	p->actor_state |= STATE_DEFAULTED;
	p->actor_state &= ~STATE_EXPIRED;
}

/* Rx machine EXPIRED entry: the partner is out of sync and asked to hurry. */
static void
lacp_rx_expire(struct bond_lacp_port *p, uint64_t now, const struct rte_eth_bond_8023ad_conf *c)
{
	p->rx = LACP_RX_EXPIRED;
	p->partner_state &= ~STATE_SYNCHRONIZATION;
	p->partner_state |= STATE_LACP_SHORT_TIMEOUT;
	p->actor_state |= STATE_EXPIRED;
	p->current_while = now + c->short_timeout_ms;
}

static void
lacp_port_init(struct bond_private *priv, struct bond_lacp_port *p, uint16_t slave_port,
	       uint64_t now)
{
	struct rte_eth_link link;

	memset(&link, 0, sizeof(link));
	rte_eth_link_get_nowait(slave_port, &link);
	p->actor.system_priority = rte_cpu_to_be_16(0xffff);
	rte_ether_addr_copy(lacp_bond_mac(priv), &p->actor.system);
	p->actor.key = lacp_key(&link);
	p->actor.port_priority = rte_cpu_to_be_16(0x00ff);
	p->actor.port_number = rte_cpu_to_be_16((uint16_t)(slave_port + 1));
	p->actor_state = STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_AGGREGATION;
	p->selected = UNSELECTED;
	p->agg = slave_port;
	p->enabled = false;
	p->rx = LACP_RX_DISABLED;
	memset(p->tx_times, 0, sizeof(p->tx_times));
	p->periodic = now;
	lacp_record_default(p);
	lacp_mux_enter(p, LACP_MUX_DETACHED, now, 0);
}

/* The LACPDU a slave sends now (5.4.2.2). */
static struct rte_mbuf *
lacp_pdu_build(struct bond_private *priv, const struct bond_slave *s,
	       const struct bond_lacp_port *p)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(priv->m4.pool);
	struct lacpdu_header *h;

	if (m == NULL)
		return NULL;
	h = rte_pktmbuf_mtod(m, struct lacpdu_header *);
	memset(h, 0, sizeof(*h));
	rte_ether_addr_copy(&lacp_slow_mcast, &h->eth_hdr.dst_addr);
	rte_ether_addr_copy(&s->own_mac, &h->eth_hdr.src_addr);
	h->eth_hdr.ether_type = rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW);
	h->lacpdu.subtype = SLOW_SUBTYPE_LACP;
	h->lacpdu.version_number = LACP_VERSION;
	h->lacpdu.actor.tlv_type_info = TLV_TYPE_ACTOR_INFORMATION;
	h->lacpdu.actor.info_length = LACP_TLV_INFO_LEN;
	h->lacpdu.actor.port_params = p->actor;
	h->lacpdu.actor.state = p->actor_state;
	h->lacpdu.partner.tlv_type_info = TLV_TYPE_PARTNER_INFORMATION;
	h->lacpdu.partner.info_length = LACP_TLV_INFO_LEN;
	h->lacpdu.partner.port_params = p->partner;
	h->lacpdu.partner.state = p->partner_state;
	h->lacpdu.tlv_type_collector_info = TLV_TYPE_COLLECTOR_INFORMATION;
	h->lacpdu.collector_info_length = LACP_TLV_COLLECTOR_LEN;
	h->lacpdu.tlv_type_terminator = TLV_TYPE_TERMINATOR_INFORMATION;
	m->data_len = sizeof(*h);
	m->pkt_len = sizeof(*h);
	return m;
}

/* Queue a frame for the slave's next Tx burst; false (and m freed) if full. */
static bool
lacp_tx_queue(struct bond_lacp_port *p, struct rte_mbuf *m)
{
	if (p->tx_ring != NULL && rte_ring_enqueue(p->tx_ring, m) == 0)
		return true;
	rte_pktmbuf_free(m);
	return false;
}

/* The receive machine on one LACPDU (5.4.12 CURRENT entry), read once from l. */
static void
lacp_rx_pdu(struct bond_private *priv, struct bond_lacp_port *p, const struct lacpdu *l,
	    uint64_t now)
{
	const struct rte_eth_bond_8023ad_conf *c = &priv->m4.conf;
	const uint8_t cmp = STATE_LACP_ACTIVE | STATE_LACP_SHORT_TIMEOUT | STATE_SYNCHRONIZATION |
			    STATE_AGGREGATION;
	struct port_params them = l->actor.port_params, us = l->partner.port_params;
	uint8_t their_state = l->actor.state, our_state_seen = l->partner.state;
	bool match;

	/* Our own LACPDU come back (two slaves cabled together): not a partner. */
	if (rte_is_same_ether_addr(&them.system, &p->actor.system))
		return;
	/* update_Selected: another partner (or its aggregatability) means reselecting. */
	if (memcmp(&them, &p->partner, sizeof(them)) != 0 ||
	    ((their_state ^ p->partner_state) & STATE_AGGREGATION) != 0)
		p->selected = UNSELECTED;
	/* update_NTT: the partner holds stale information about us. */
	match = memcmp(&us, &p->actor, sizeof(us)) == 0;
	if (!match || ((our_state_seen ^ p->actor_state) & cmp) != 0)
		p->ntt = true;
	/* recordPDU */
	p->partner = them;
	p->partner_state = their_state & ~STATE_SYNCHRONIZATION;
	if ((their_state & STATE_SYNCHRONIZATION) &&
	    ((match && ((our_state_seen ^ p->actor_state) & STATE_AGGREGATION) == 0) ||
	     !(their_state & STATE_AGGREGATION)))
		p->partner_state |= STATE_SYNCHRONIZATION;
	p->actor_state &= ~(STATE_DEFAULTED | STATE_EXPIRED);
	p->rx = LACP_RX_CURRENT;
	p->current_while = now + ((p->actor_state & STATE_LACP_SHORT_TIMEOUT) ? c->short_timeout_ms
									      : c->long_timeout_ms);
}

/* A Marker Information PDU is answered at once with a Marker Response (5.5.3). */
static void
lacp_marker_reply(const struct bond_slave *s, struct bond_lacp_port *p, struct rte_mbuf *m)
{
	struct marker_header *h = rte_pktmbuf_mtod(m, struct marker_header *);

	if (rte_pktmbuf_data_len(m) < sizeof(*h) ||
	    h->marker.tlv_type_marker != MARKER_TLV_TYPE_INFO ||
	    h->marker.info_length != MARKER_TLV_INFO_LEN) {
		rte_pktmbuf_free(m);
		return;
	}
	h->marker.tlv_type_marker = MARKER_TLV_TYPE_RESP;
	rte_ether_addr_copy(&lacp_slow_mcast, &h->eth_hdr.dst_addr);
	rte_ether_addr_copy(&s->own_mac, &h->eth_hdr.src_addr);
	rte_pktmbuf_trim(m, (uint16_t)(rte_pktmbuf_pkt_len(m) - sizeof(*h)));
	lacp_tx_queue(p, m);
}

/* A well-formed LACPDU: its TLVs where the standard puts them. */
static bool
lacp_pdu_valid(const struct rte_mbuf *m)
{
	const struct lacpdu_header *h = rte_pktmbuf_mtod(m, const struct lacpdu_header *);

	return rte_pktmbuf_data_len(m) >= sizeof(*h) &&
	       h->lacpdu.actor.tlv_type_info == TLV_TYPE_ACTOR_INFORMATION &&
	       h->lacpdu.actor.info_length == LACP_TLV_INFO_LEN &&
	       h->lacpdu.partner.tlv_type_info == TLV_TYPE_PARTNER_INFORMATION &&
	       h->lacpdu.partner.info_length == LACP_TLV_INFO_LEN;
}

/* Everything the Rx bursts queued for this slave since the last tick. */
static void
lacp_rx_drain(struct bond_private *priv, const struct bond_slave *s, struct bond_lacp_port *p,
	      uint64_t now)
{
	rte_eth_bond_8023ad_ext_slowrx_fn ext = priv->m4.conf.slowrx_cb;
	void *objs[LACP_RX_PER_TICK];
	unsigned int n, i;

	n = p->rx_ring == NULL ? 0
			       : rte_ring_dequeue_burst(p->rx_ring, objs, LACP_RX_PER_TICK, NULL);
	for (i = 0; i < n; i++) {
		struct rte_mbuf *m = objs[i];
		/* bond_8023ad_slow_rx checked the length of the subtype */
		uint8_t subtype = rte_pktmbuf_mtod(m, const struct slow_protocol_frame *)
					  ->slow_protocol.subtype;

		if (subtype == SLOW_SUBTYPE_MARKER) {
			lacp_marker_reply(s, p, m);
			continue;
		}
		if (!lacp_pdu_valid(m)) {
			rte_pktmbuf_free(m);
			continue;
		}
		if (ext != NULL) {
			ext(s->port_id, m); /* the callback owns it */
			continue;
		}
		if (p->enabled)
			lacp_rx_pdu(priv, p,
				    &rte_pktmbuf_mtod(m, const struct lacpdu_header *)->lacpdu,
				    now);
		rte_pktmbuf_free(m);
	}
}

/* Port enabling, the Rx machine's timers and the periodic machine. */
static void
lacp_port_timers(struct bond_private *priv, struct bond_lacp_port *p, bool enabled, uint64_t now)
{
	const struct rte_eth_bond_8023ad_conf *c = &priv->m4.conf;
	uint64_t period;

	if (!enabled) {
		if (p->enabled) { /* PORT_DISABLED */
			p->enabled = false;
			p->rx = LACP_RX_DISABLED;
			p->partner_state &= ~STATE_SYNCHRONIZATION;
			p->selected = UNSELECTED;
		}
		return;
	}
	if (!p->enabled) {
		p->enabled = true;
		lacp_rx_expire(p, now, c);
	} else if (now >= p->current_while && p->rx == LACP_RX_CURRENT) {
		lacp_rx_expire(p, now, c);
	} else if (now >= p->current_while && p->rx == LACP_RX_EXPIRED) {
		p->rx = LACP_RX_DEFAULTED;
		lacp_record_default(p);
	}
	period = (p->partner_state & STATE_LACP_SHORT_TIMEOUT) ? c->fast_periodic_ms
							       : c->slow_periodic_ms;
	if (now >= p->periodic) {
		p->ntt = true;
		p->periodic = now + period;
	} else if (p->periodic > now + period) {
		p->periodic = now + period; /* the partner now wants short timeouts */
	}
}

/* Two ports may share an aggregator: same key, same partner, both aggregatable. */
static bool
lacp_same_agg(const struct bond_lacp_port *a, const struct bond_lacp_port *b)
{
	return a->actor.key == b->actor.key &&
	       a->partner.system_priority == b->partner.system_priority &&
	       rte_is_same_ether_addr(&a->partner.system, &b->partner.system) &&
	       a->partner.key == b->partner.key && (a->partner_state & STATE_AGGREGATION) &&
	       (b->partner_state & STATE_AGGREGATION);
}

/* The aggregator for the bond's traffic, by the agg_selection policy. */
static uint16_t
lacp_active_agg(struct bond_private *priv)
{
	struct bond_8023ad *m4 = &priv->m4;
	uint64_t score[BOND_MAX_SLAVES] = {0}, best_score = 0;
	uint16_t best = RTE_MAX_ETHPORTS;
	unsigned int i, j;

	for (i = 0; i < priv->slaves_n; i++) {
		const struct bond_lacp_port *p = &m4->port[priv->slaves[i].port_id];

		int k = bond_slave_find(priv, p->agg);

		if (p->selected == UNSELECTED || k < 0)
			continue;
		j = (unsigned int)k;
		if (m4->conf.agg_selection == AGG_BANDWIDTH)
			score[j] += p->speed;
		else
			score[j] += 1;
		/* An aggregator with a real partner beats one without. */
		if (!(p->actor_state & STATE_DEFAULTED))
			score[j] |= UINT64_C(1) << 62;
	}
	for (i = 0; i < priv->slaves_n; i++) {
		uint16_t port = priv->slaves[i].port_id;

		if (m4->conf.agg_selection == AGG_STABLE && port == m4->active_agg &&
		    score[i] >= (UINT64_C(1) << 62))
			return port;
		if (score[i] > best_score) {
			best_score = score[i];
			best = port;
		}
	}
	return best;
}

/*
 * Selection logic (5.4.14): an unselected, enabled port joins the first
 * port's aggregator it can share, else its own. Ports of the aggregator
 * the bond uses are SELECTED, those of any other STANDBY.
 */
static void
lacp_select(struct bond_private *priv)
{
	struct bond_8023ad *m4 = &priv->m4;
	unsigned int i, j;

	for (i = 0; i < priv->slaves_n; i++) {
		uint16_t port = priv->slaves[i].port_id;
		struct bond_lacp_port *p = &m4->port[port];

		if (p->selected != UNSELECTED && bond_slave_find(priv, p->agg) < 0)
			p->selected = UNSELECTED; /* its aggregator's port left the bond */
		if (!p->enabled || p->selected != UNSELECTED)
			continue;
		p->agg = port;
		for (j = 0; j < i; j++) {
			const struct bond_lacp_port *q = &m4->port[priv->slaves[j].port_id];

			if (q->enabled && q->selected != UNSELECTED && lacp_same_agg(p, q)) {
				p->agg = q->agg;
				break;
			}
		}
		p->selected = STANDBY;
	}
	m4->active_agg = lacp_active_agg(priv);
	for (i = 0; i < priv->slaves_n; i++) {
		struct bond_lacp_port *p = &m4->port[priv->slaves[i].port_id];

		if (p->selected != UNSELECTED)
			p->selected = p->agg == m4->active_agg ? SELECTED : STANDBY;
	}
}

/* Mux machine, coupled control (5.4.15): steps until it rests. */
static void
lacp_mux(struct bond_private *priv, struct bond_lacp_port *p, uint64_t now)
{
	uint32_t wait = priv->m4.conf.aggregate_wait_timeout_ms;
	bool sync = (p->partner_state & STATE_SYNCHRONIZATION) != 0;
	int steps;

	for (steps = 0; steps < 4; steps++) {
		enum bond_lacp_mux was = p->mux;

		switch (p->mux) {
		case LACP_MUX_DETACHED:
			if (p->selected != UNSELECTED)
				lacp_mux_enter(p, LACP_MUX_WAITING, now, wait);
			break;
		case LACP_MUX_WAITING:
			if (p->selected == UNSELECTED)
				lacp_mux_enter(p, LACP_MUX_DETACHED, now, 0);
			else if (p->selected == SELECTED && now >= p->wait_while)
				lacp_mux_enter(p, LACP_MUX_ATTACHED, now, 0);
			break;
		case LACP_MUX_ATTACHED:
			if (p->selected != SELECTED)
				lacp_mux_enter(p, LACP_MUX_DETACHED, now, 0);
			else if (sync)
				lacp_mux_enter(p, LACP_MUX_COLL_DIST, now, 0);
			break;
		case LACP_MUX_COLL_DIST:
			if (p->selected != SELECTED || !sync)
				lacp_mux_enter(p, LACP_MUX_ATTACHED, now, 0);
			break;
		}
		if (p->mux == was)
			break;
	}
}

/* Transmit machine (5.4.16): NTT sends one LACPDU, at most 3 a fast period. */
static void
lacp_tx(struct bond_private *priv, const struct bond_slave *s, struct bond_lacp_port *p,
	uint64_t now)
{
	struct rte_mbuf *m;

	if (!p->ntt || !p->enabled || now < p->tx_times[0] + priv->m4.conf.fast_periodic_ms)
		return;
	m = lacp_pdu_build(priv, s, p);
	if (m == NULL || !lacp_tx_queue(p, m))
		return; /* NTT stays: the next tick tries again */
	p->ntt = false;
	memmove(p->tx_times, p->tx_times + 1, sizeof(p->tx_times) - sizeof(p->tx_times[0]));
	p->tx_times[RTE_DIM(p->tx_times) - 1] = now;
}

/* Publish the distributing slaves: shrink, fill, then the count (release). */
static void
lacp_dist_publish(struct bond_private *priv)
{
	struct bond_8023ad *m4 = &priv->m4;
	uint16_t dist[BOND_MAX_SLAVES], n = 0;
	unsigned int i;

	for (i = 0; priv->started && priv->mode == BONDING_MODE_8023AD && i < priv->slaves_n; i++) {
		uint16_t port = priv->slaves[i].port_id;
		const struct bond_lacp_port *p = &m4->port[port];

		if (p->enabled && (p->actor_state & STATE_DISTRIBUTING))
			dist[n++] = port;
	}
	if (n < m4->dist_n)
		__atomic_store_n(&m4->dist_n, n, __ATOMIC_RELEASE);
	memcpy(m4->dist, dist, n * sizeof(dist[0]));
	/* release: pairs with the acquire in bond_tx_burst's snapshot */
	__atomic_store_n(&m4->dist_n, n, __ATOMIC_RELEASE);
}

static bool
lacp_link_enabled(const struct bond_private *priv, uint16_t port)
{
	uint16_t i;

	for (i = 0; i < priv->active_n; i++)
		if (priv->active[i] == port)
			return true;
	return false;
}

/* One round of every machine of every slave; priv->lock held. */
static void
lacp_run(struct bond_private *priv)
{
	struct bond_8023ad *m4 = &priv->m4;
	uint64_t now = bond_ms_now();
	bool ext = m4->conf.slowrx_cb != NULL;
	unsigned int i;

	for (i = 0; i < priv->slaves_n; i++) {
		const struct bond_slave *s = &priv->slaves[i];
		struct bond_lacp_port *p = &m4->port[s->port_id];
		struct rte_eth_link link;

		memset(&link, 0, sizeof(link));
		rte_eth_link_get_nowait(s->port_id, &link);
		p->speed = link.link_speed;
		/* A new speed or bond MAC changes what we tell the partner. */
		if (lacp_key(&link) != p->actor.key && link.link_status == RTE_ETH_LINK_UP) {
			p->actor.key = lacp_key(&link);
			p->selected = UNSELECTED;
			p->ntt = true;
		}
		if (!rte_is_same_ether_addr(&p->actor.system, lacp_bond_mac(priv))) {
			rte_ether_addr_copy(lacp_bond_mac(priv), &p->actor.system);
			p->ntt = true;
		}
		lacp_port_timers(priv, p, lacp_link_enabled(priv, s->port_id), now);
		lacp_rx_drain(priv, s, p, now);
	}
	if (!ext) {
		lacp_select(priv);
		for (i = 0; i < priv->slaves_n; i++) {
			const struct bond_slave *s = &priv->slaves[i];
			struct bond_lacp_port *p = &m4->port[s->port_id];

			lacp_mux(priv, p, now);
			lacp_tx(priv, s, p, now);
		}
	}
	lacp_dist_publish(priv);
}

/* Armed by dev_start in every mode: it acts only while the bond is in mode 4. */
void
bond_8023ad_tick(void *arg)
{
	struct bond_private *priv = arg;

	/* bond_stop clears started, then cancels; see bond_8023ad_alarm_cancel */
	if (!__atomic_load_n(&priv->started, __ATOMIC_RELAXED))
		return;
	/* Never wait on the interrupt thread: a busy lock skips one round. */
	if (rte_spinlock_trylock(&priv->lock)) {
		if (priv->mode == BONDING_MODE_8023AD && priv->m4.pool != NULL)
			lacp_run(priv);
		rte_spinlock_unlock(&priv->lock);
	}
	rte_eal_alarm_set((uint64_t)priv->m4.conf.update_timeout_ms * 1000, bond_8023ad_tick, priv);
}

void
bond_8023ad_alarm_cancel(struct bond_private *priv)
{
	/* Twice: a tick running during the first cancel may have re-armed itself. */
	rte_eal_alarm_cancel(bond_8023ad_tick, priv);
	rte_eal_alarm_cancel(bond_8023ad_tick, priv);
}

int
bond_8023ad_slave_activate(struct bond_private *priv, uint16_t slave_port)
{
	struct bond_lacp_port *p = &priv->m4.port[slave_port];

	if (p->rx_ring == NULL)
		p->rx_ring = lacp_ring_make(priv, slave_port, 'r');
	if (p->tx_ring == NULL)
		p->tx_ring = lacp_ring_make(priv, slave_port, 't');
	if (p->rx_ring == NULL || p->tx_ring == NULL)
		return -ENOMEM;
	lacp_port_init(priv, p, slave_port, bond_ms_now());
	/* LACPDUs go to a multicast address: best effort, net_ring has no filter. */
	rte_eth_allmulticast_enable(slave_port);
	return 0;
}

void
bond_8023ad_slave_deactivate(struct bond_private *priv, uint16_t slave_port)
{
	struct bond_lacp_port *p = &priv->m4.port[slave_port];

	p->selected = UNSELECTED;
	p->enabled = false;
	lacp_mux_enter(p, LACP_MUX_DETACHED, 0, 0);
	lacp_dist_publish(priv);
	lacp_ring_drain(p->rx_ring);
	lacp_ring_drain(p->tx_ring);
}

int
bond_8023ad_start(struct bond_private *priv)
{
	struct bond_8023ad *m4 = &priv->m4;
	unsigned int i;
	int ret = 0;

	if (m4->pool == NULL) {
		char name[RTE_MEMPOOL_NAMESIZE];

		snprintf(name, sizeof(name), "bond%u_lacp", priv->port_id);
		m4->pool = rte_mempool_lookup(name); /* left by a closed bond, see below */
		if (m4->pool == NULL)
			m4->pool = rte_pktmbuf_pool_create(
				name, LACP_POOL_SIZE, 0, 0,
				RTE_PKTMBUF_HEADROOM + sizeof(struct slow_protocol_frame),
				rte_eth_devices[priv->port_id].data->numa_node);
	}
	if (m4->pool == NULL) {
		RTE_ETHDEV_LOG(ERR,
			       "bond port %u: no memory for the LACPDU pool (%s); give the EAL "
			       "more (-m)\n",
			       priv->port_id, rte_strerror(rte_errno));
		return -ENOMEM;
	}
	m4->active_agg = RTE_MAX_ETHPORTS;
	for (i = 0; ret == 0 && i < priv->slaves_n; i++)
		ret = bond_8023ad_slave_activate(priv, priv->slaves[i].port_id);
	lacp_dist_publish(priv);
	return ret;
}

void
bond_8023ad_stop(struct bond_private *priv)
{
	unsigned int i;

	for (i = 0; i < priv->slaves_n; i++)
		bond_8023ad_slave_deactivate(priv, priv->slaves[i].port_id);
	priv->m4.dist_n = 0;
}

void
bond_8023ad_free(struct bond_private *priv)
{
	unsigned int i;

	for (i = 0; i < RTE_DIM(priv->m4.port); i++) {
		struct bond_lacp_port *p = &priv->m4.port[i];

		lacp_ring_drain(p->rx_ring);
		lacp_ring_drain(p->tx_ring);
		rte_ring_free(p->rx_ring);
		rte_ring_free(p->tx_ring);
		p->rx_ring = p->tx_ring = NULL;
	}
	/*
	 * LACPDUs may still sit in a slave's Tx queue or a peer's ring: the
	 * pool goes only when all its mbufs are back, else the next mode 4
	 * start of a bond on this port id finds it by name (bond_8023ad_start).
	 */
	if (priv->m4.pool != NULL && rte_mempool_full(priv->m4.pool))
		rte_mempool_free(priv->m4.pool);
	priv->m4.pool = NULL;
}

bool
bond_8023ad_slow_rx(struct bond_private *priv, uint16_t slave_port, struct rte_mbuf *m)
{
	const struct slow_protocol_frame *f =
		rte_pktmbuf_mtod(m, const struct slow_protocol_frame *);
	struct rte_ring *r;

	if (rte_pktmbuf_data_len(m) < sizeof(f->eth_hdr) + 1 ||
	    f->eth_hdr.ether_type != rte_cpu_to_be_16(RTE_ETHER_TYPE_SLOW) ||
	    (f->slow_protocol.subtype != SLOW_SUBTYPE_LACP &&
	     f->slow_protocol.subtype != SLOW_SUBTYPE_MARKER))
		return false;
	r = priv->m4.port[slave_port].rx_ring;
	if (r == NULL || rte_ring_enqueue(r, m) != 0)
		rte_pktmbuf_free(m);
	return true;
}

/* A slave's collecting flag, for the Rx burst. */
bool
bond_8023ad_collecting(struct bond_private *priv, uint16_t slave_port)
{
	return __atomic_load_n(&priv->m4.port[slave_port].collecting, __ATOMIC_RELAXED);
}

/* Send what the machines queued for the slave; on Tx queue 0 only (one consumer). */
void
bond_8023ad_slow_tx(struct bond_private *priv, uint16_t slave_port, uint16_t queue_id)
{
	struct rte_ring *r = priv->m4.port[slave_port].tx_ring;
	struct rte_mbuf *pkts[8];
	unsigned int n;
	uint16_t k;

	if (queue_id != 0 || r == NULL)
		return;
	n = rte_ring_dequeue_burst(r, (void **)pkts, RTE_DIM(pkts), NULL);
	k = rte_eth_tx_burst(slave_port, 0, pkts, (uint16_t)n);
	/* A full slave drops its LACPDU; the periodic machine sends another. */
	for (; k < n; k++)
		rte_pktmbuf_free(pkts[k]);
}

void
bond_8023ad_ext_set(struct bond_private *priv, uint16_t slave_port, uint8_t bit, bool on)
{
	struct bond_lacp_port *p = &priv->m4.port[slave_port];

	if (on)
		p->actor_state |= bit;
	else
		p->actor_state &= (uint8_t)~bit;
	if (bit == STATE_COLLECTING)
		__atomic_store_n(&p->collecting, on, __ATOMIC_RELAXED);
	lacp_dist_publish(priv);
}
