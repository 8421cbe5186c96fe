/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet Rx adapter for event devices without an internal port: a
 * service polls the added Rx queues round-robin and enqueues one NEW event
 * a packet through the adapter's own event port. Events the device refuses
 * (back-pressure) wait in the adapter and go first next time; meanwhile no
 * queue is polled, so packets stay in the NIC rather than being dropped.
 * The control path and the service share the queue list under a lock the
 * service only tries.
 */
#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_event_eth_rx_adapter.h>
#include <rte_malloc.h>
#include <rte_spinlock.h>
#include <rte_thash.h>

#include "eal_private.h"
#include "event_adapter_private.h"

#define RXA_BURST 32
#define RXA_BUF_SIZE (4 * RXA_BURST)

struct rxa_queue {
	uint16_t eth_port;
	uint16_t rxq;
	struct rte_event_eth_rx_adapter_queue_conf conf;
	struct rte_event_eth_rx_adapter_queue_stats stats;
};

struct rxa {
	struct evdev_adapter com; /* first: the part both adapters share */
	rte_event_eth_rx_adapter_conf_cb conf_cb;
	void *conf_arg;
	uint32_t max_nb_rx;
	struct rxa_queue *queues; /* com.nb_queues of them */
	unsigned int next;
	struct rte_event_eth_rx_adapter_stats stats;
	rte_event_eth_rx_adapter_cb_fn cb;
	void *cb_arg;
	uint16_t cb_port;
	uint16_t buf_n;
	struct rte_event buf[RXA_BUF_SIZE];
};

static struct evdev_adapter *rxa_table[RTE_EVENT_ETH_RX_ADAPTER_MAX_INSTANCE];
static const struct evdev_adapter_kind rxa_kind; /* defined below its functions */

/* The Rx adapter around its shared part (its first member). */
static_assert(offsetof(struct rxa, com) == 0, "rxa_of casts");
static struct rxa *
rxa_of(struct evdev_adapter *c)
{
	return (struct rxa *)c;
}

static struct rxa *
rxa_get(uint8_t id, const char *what)
{
	return rxa_of(evdev_adapter_get(&rxa_kind, id, what));
}

static int
rxa_default_conf_cb(uint8_t id __rte_unused, uint8_t dev_id,
		    struct rte_event_eth_rx_adapter_conf *conf, void *arg)
{
	struct rxa *a = arg;
	int ret = evdev_adapter_port_add(dev_id, &a->com.port_conf, &conf->event_port_id,
					 "rte_event_eth_rx_adapter_queue_add");

	conf->max_nb_rx = 128;
	return ret;
}

/* The Toeplitz key most NICs' RSS starts with (Microsoft's published one),
 * so a software hash spreads flows as the hardware would. */
static const uint8_t rxa_rss_key[40] = {
	0x6d, 0x5a, 0x56, 0xda, 0x25, 0x5b, 0x0e, 0xc2, 0x41, 0x67, 0x25, 0x3d, 0x43, 0xa3,
	0x8f, 0xb0, 0xd0, 0xca, 0x2b, 0xcb, 0xae, 0x7b, 0x30, 0xb4, 0x77, 0xcb, 0x2d, 0xa3,
	0x80, 0x30, 0xf2, 0x0c, 0x6a, 0x42, 0xb7, 0x3b, 0xbe, 0xac, 0x01, 0xfa,
};

/*
 * Toeplitz hash of an IPv4 or IPv6 packet's addresses (after one VLAN tag
 * at most) from its first segment; false when the frame is not IP or too
 * short to hold the header (it comes from the wire: every length checked).
 */
static bool
rxa_soft_rss(const struct rte_mbuf *m, uint32_t *hash)
{
	const uint8_t *d = rte_pktmbuf_mtod(m, const uint8_t *);
	uint32_t len = rte_pktmbuf_data_len(m);
	uint32_t off = sizeof(struct rte_ether_hdr);
	union rte_thash_tuple t;
	uint16_t type;

	if (len < off)
		return false;
	memcpy(&type, d + off - 2, sizeof(type));
	if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_VLAN)) {
		off += sizeof(struct rte_vlan_hdr);
		if (len < off)
			return false;
		memcpy(&type, d + off - 2, sizeof(type));
	}
	if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) &&
	    len >= off + sizeof(struct rte_ipv4_hdr)) {
		struct rte_ipv4_hdr ip;

		memcpy(&ip, d + off, sizeof(ip));
		t.v4.src_addr = rte_be_to_cpu_32(ip.src_addr);
		t.v4.dst_addr = rte_be_to_cpu_32(ip.dst_addr);
		*hash = rte_softrss((uint32_t *)&t, RTE_THASH_V4_L3_LEN, rxa_rss_key);
		return true;
	}
	if (type == rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV6) &&
	    len >= off + sizeof(struct rte_ipv6_hdr)) {
		struct rte_ipv6_hdr ip;

		memcpy(&ip, d + off, sizeof(ip));
		rte_thash_load_v6_addrs(&ip, &t);
		*hash = rte_softrss((uint32_t *)&t, RTE_THASH_V6_L3_LEN, rxa_rss_key);
		return true;
	}
	return false;
}

/* Flow id of a packet without a configured one: the NIC's RSS hash when
 * it gave one, else the same hash computed here (as DPDK's adapter does),
 * so that atomic queues keep each connection in order and spread the rest. */
static uint32_t
rxa_flow_id(const struct rte_mbuf *m, const struct rxa_queue *q)
{
	uint32_t hash;

	if (q->conf.rx_queue_flags & RTE_EVENT_ETH_RX_ADAPTER_QUEUE_FLOW_ID_VALID)
		return q->conf.ev.flow_id;
	if (m->ol_flags & RTE_MBUF_F_RX_RSS_HASH)
		return m->hash.rss;
	if (rxa_soft_rss(m, &hash))
		return hash;
	return ((uint32_t)q->eth_port << 8) ^ q->rxq;
}

/* Hand what waits in the buffer to the device; true if it is empty. */
static bool
rxa_flush(struct rxa *a)
{
	uint16_t n;

	if (a->buf_n == 0)
		return true;
	n = rte_event_enqueue_new_burst(a->com.dev_id, a->com.event_port, a->buf, a->buf_n);
	a->stats.rx_enq_count += n;
	if (n < a->buf_n) {
		a->stats.rx_enq_retry++;
		memmove(a->buf, a->buf + n, (size_t)(a->buf_n - n) * sizeof(a->buf[0]));
	}
	a->buf_n = (uint16_t)(a->buf_n - n);
	return a->buf_n == 0;
}

static uint32_t
rxa_poll_queue(struct rxa *a, struct rxa_queue *q)
{
	struct rte_mbuf *pkts[RXA_BURST];
	uint16_t n = rte_eth_rx_burst(q->eth_port, q->rxq, pkts, RXA_BURST);
	struct rte_event *ev = &a->buf[a->buf_n];

	q->stats.rx_poll_count++;
	a->stats.rx_poll_count++;
	for (uint16_t i = 0; i < n; i++) {
		ev[i] = q->conf.ev;
		ev[i].op = RTE_EVENT_OP_NEW;
		ev[i].event_type = RTE_EVENT_TYPE_ETHDEV;
		ev[i].flow_id = rxa_flow_id(pkts[i], q) & 0xfffff;
		ev[i].mbuf = pkts[i];
	}
	if (n > 0 && a->cb != NULL && a->cb_port == q->eth_port) {
		uint16_t dropped = 0;
		uint16_t kept = a->cb(q->eth_port, q->rxq, RXA_BUF_SIZE, a->buf_n, ev, n, a->cb_arg,
				      &dropped);

		a->stats.rx_dropped += dropped;
		q->stats.rx_dropped += dropped;
		n = RTE_MIN(kept, n);
	}
	a->buf_n = (uint16_t)(a->buf_n + n);
	q->stats.rx_packets += n;
	a->stats.rx_packets += n;
	return n;
}

static int32_t
rxa_service(void *arg)
{
	struct rxa *a = arg;
	uint32_t got = 0;

	if (!rte_spinlock_trylock(&a->com.lock))
		return -EAGAIN;
	if (!a->com.started || !rxa_flush(a)) {
		rte_spinlock_unlock(&a->com.lock);
		return -EAGAIN;
	}
	for (unsigned int k = 0; k < a->com.nb_queues && got < a->max_nb_rx; k++) {
		struct rxa_queue *q = &a->queues[a->next];

		a->next = (a->next + 1) % a->com.nb_queues;
		if (a->buf_n + RXA_BURST > RXA_BUF_SIZE && !rxa_flush(a))
			break;
		got += rxa_poll_queue(a, q);
	}
	rxa_flush(a);
	rte_spinlock_unlock(&a->com.lock);
	return got > 0 ? 0 : -EAGAIN;
}

__rte_export int
rte_event_eth_rx_adapter_create_ext(uint8_t id, uint8_t dev_id,
				    rte_event_eth_rx_adapter_conf_cb conf_cb, void *conf_arg)
{
	struct evdev_adapter *c;
	int ret = evdev_adapter_create(&rxa_kind, id, dev_id, conf_cb != NULL, &c);

	if (ret == 0) {
		rxa_of(c)->conf_cb = conf_cb;
		rxa_of(c)->conf_arg = conf_arg;
	}
	return ret;
}

__rte_export int
rte_event_eth_rx_adapter_create(uint8_t id, uint8_t dev_id, struct rte_event_port_conf *port_config)
{
	struct evdev_adapter *c;
	int ret;

	if (port_config == NULL)
		return -EINVAL;
	ret = evdev_adapter_create(&rxa_kind, id, dev_id, true, &c);
	if (ret == 0) {
		c->port_conf = *port_config;
		rxa_of(c)->conf_cb = rxa_default_conf_cb;
		rxa_of(c)->conf_arg = rxa_of(c);
	}
	return ret;
}

__rte_export int
rte_event_eth_rx_adapter_create_with_params(uint8_t id, uint8_t dev_id,
					    struct rte_event_port_conf *port_config,
					    struct rte_event_eth_rx_adapter_params *params)
{
	/* the adapter's buffer has a fixed size; params only need to be sane */
	if (params != NULL && params->use_queue_event_buf && params->event_buf_size != 0)
		return -EINVAL;
	return rte_event_eth_rx_adapter_create(id, dev_id, port_config);
}

__rte_export int
rte_event_eth_rx_adapter_free(uint8_t id)
{
	return evdev_adapter_free(&rxa_kind, id);
}

/* Ask the application's callback for the event port, at the first queue added. */
static int
rxa_conf_get(struct evdev_adapter *c)
{
	struct rxa *a = rxa_of(c);
	struct rte_event_eth_rx_adapter_conf conf = {0};
	int ret = a->conf_cb(c->id, c->dev_id, &conf, a->conf_arg);

	if (ret < 0)
		return ret;
	c->event_port = conf.event_port_id;
	a->max_nb_rx = conf.max_nb_rx != 0 ? conf.max_nb_rx : UINT32_MAX;
	return 0;
}

static void
rxa_fini(struct evdev_adapter *c)
{
	rte_free(rxa_of(c)->queues);
}

static const struct evdev_adapter_kind rxa_kind = {
	.api = "rte_event_eth_rx_adapter",
	.label = "Rx",
	.size = sizeof(struct rxa),
	.table = rxa_table,
	.max_instance = RTE_EVENT_ETH_RX_ADAPTER_MAX_INSTANCE,
	.service = rxa_service,
	.conf_get = rxa_conf_get,
	.fini = rxa_fini,
};

static int
rxa_queue_find(const struct rxa *a, uint16_t port, uint16_t rxq)
{
	for (unsigned int i = 0; i < a->com.nb_queues; i++)
		if (a->queues[i].eth_port == port && a->queues[i].rxq == rxq)
			return (int)i;
	return -1;
}

static int
rxa_queue_add_one(struct rxa *a, uint16_t port, uint16_t rxq,
		  const struct rte_event_eth_rx_adapter_queue_conf *conf)
{
	int i = rxa_queue_find(a, port, rxq);
	struct rxa_queue *q;

	if (i < 0) {
		q = rte_realloc(a->queues, (a->com.nb_queues + 1) * sizeof(*q), 0);
		if (q == NULL)
			return -ENOMEM;
		a->queues = q;
		i = (int)a->com.nb_queues++;
	}
	q = &a->queues[i];
	memset(q, 0, sizeof(*q));
	q->eth_port = port;
	q->rxq = rxq;
	q->conf = *conf;
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_queue_add(uint8_t id, uint16_t eth_dev_id, int32_t rx_queue_id,
				   const struct rte_event_eth_rx_adapter_queue_conf *conf)
{
	const char *what = "rte_event_eth_rx_adapter_queue_add";
	struct rxa *a = rxa_get(id, what);
	struct rte_eventdev *dev;
	struct rte_eth_dev_info info;
	int ret = 0;

	if (a == NULL || conf == NULL || !rte_eth_dev_is_valid_port(eth_dev_id) ||
	    rte_eth_dev_info_get(eth_dev_id, &info) != 0)
		return -EINVAL;
	dev = evdev_get(a->com.dev_id, what);
	if (rx_queue_id >= (int32_t)info.nb_rx_queues || rx_queue_id < -1) {
		EVDEV_LOG(ERR, "%s: port %u has %u Rx queues, not %d (-1: all)\n", what, eth_dev_id,
			  info.nb_rx_queues, rx_queue_id);
		return -EINVAL;
	}
	if (dev == NULL || !dev->configured || conf->ev.queue_id >= dev->conf.nb_event_queues ||
	    conf->ev.sched_type > RTE_SCHED_TYPE_PARALLEL) {
		EVDEV_LOG(ERR, "%s: event queue %u or schedule type %u is not valid\n", what,
			  conf->ev.queue_id, conf->ev.sched_type);
		return -EINVAL;
	}
	if (conf->rx_queue_flags & RTE_EVENT_ETH_RX_ADAPTER_QUEUE_EVENT_VECTOR) {
		EVDEV_LOG(ERR,
			  "%s: event vectors need RTE_EVENT_ETH_RX_ADAPTER_CAP_EVENT_VECTOR, "
			  "which no Sluice event device has\n",
			  what);
		return -EINVAL;
	}
	ret = evdev_adapter_service_init(&rxa_kind, &a->com);
	if (ret < 0)
		return ret;
	rte_spinlock_lock(&a->com.lock);
	for (uint16_t q = 0; q < info.nb_rx_queues && ret == 0; q++)
		if (rx_queue_id < 0 || q == rx_queue_id)
			ret = rxa_queue_add_one(a, eth_dev_id, q, conf);
	rte_spinlock_unlock(&a->com.lock);
	return ret;
}

__rte_export int
rte_event_eth_rx_adapter_queue_del(uint8_t id, uint16_t eth_dev_id, int32_t rx_queue_id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_queue_del");
	unsigned int kept = 0;

	if (a == NULL || !rte_eth_dev_is_valid_port(eth_dev_id))
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	for (unsigned int i = 0; i < a->com.nb_queues; i++) {
		const struct rxa_queue *q = &a->queues[i];

		if (q->eth_port == eth_dev_id && (rx_queue_id < 0 || q->rxq == rx_queue_id))
			continue;
		a->queues[kept++] = *q;
	}
	a->com.nb_queues = kept;
	a->next = 0;
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_start(uint8_t id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_start");

	return a != NULL ? evdev_adapter_started_set(&a->com, true) : -EINVAL;
}

__rte_export int
rte_event_eth_rx_adapter_stop(uint8_t id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_stop");

	return a != NULL ? evdev_adapter_started_set(&a->com, false) : -EINVAL;
}

__rte_export int
rte_event_eth_rx_adapter_stats_get(uint8_t id, struct rte_event_eth_rx_adapter_stats *stats)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_stats_get");

	if (a == NULL || stats == NULL)
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	*stats = a->stats;
	stats->rx_event_buf_count = a->buf_n;
	stats->rx_event_buf_size = RXA_BUF_SIZE;
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_stats_reset(uint8_t id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_stats_reset");

	if (a == NULL)
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	memset(&a->stats, 0, sizeof(a->stats));
	for (unsigned int i = 0; i < a->com.nb_queues; i++)
		memset(&a->queues[i].stats, 0, sizeof(a->queues[i].stats));
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_service_id_get(uint8_t id, uint32_t *service_id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_service_id_get");

	return a != NULL ? evdev_adapter_service_id(&a->com, service_id) : -EINVAL;
}

__rte_export int
rte_event_eth_rx_adapter_event_port_get(uint8_t id, uint8_t *event_port_id)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_event_port_get");

	return a != NULL ? evdev_adapter_event_port(&a->com, event_port_id) : -EINVAL;
}

__rte_export int
rte_event_eth_rx_adapter_cb_register(uint8_t id, uint16_t eth_dev_id,
				     rte_event_eth_rx_adapter_cb_fn cb_fn, void *cb_arg)
{
	struct rxa *a = rxa_get(id, "rte_event_eth_rx_adapter_cb_register");

	if (a == NULL || !rte_eth_dev_is_valid_port(eth_dev_id))
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	a->cb = cb_fn;
	a->cb_arg = cb_arg;
	a->cb_port = eth_dev_id;
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_vector_limits_get(uint8_t dev_id, uint16_t eth_port_id,
					   struct rte_event_eth_rx_adapter_vector_limits *limits)
{
	if (evdev_get(dev_id, "rte_event_eth_rx_adapter_vector_limits_get") == NULL ||
	    !rte_eth_dev_is_valid_port(eth_port_id) || limits == NULL)
		return -EINVAL;
	return -ENOTSUP; /* no event vectors */
}

/* The added queue (port, rxq) of adapter id, or NULL. */
static struct rxa_queue *
rxa_queue_get(uint8_t id, uint16_t port, uint16_t rxq, const char *what)
{
	struct rxa *a = rxa_get(id, what);
	int i = a != NULL ? rxa_queue_find(a, port, rxq) : -1;

	return i >= 0 ? &a->queues[i] : NULL;
}

__rte_export int
rte_event_eth_rx_adapter_queue_conf_get(uint8_t id, uint16_t eth_dev_id, uint16_t rx_queue_id,
					struct rte_event_eth_rx_adapter_queue_conf *queue_conf)
{
	struct rxa_queue *q = rxa_queue_get(id, eth_dev_id, rx_queue_id,
					    "rte_event_eth_rx_adapter_queue_conf_get");

	if (q == NULL || queue_conf == NULL)
		return -EINVAL;
	*queue_conf = q->conf;
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_queue_stats_get(uint8_t id, uint16_t eth_dev_id, uint16_t rx_queue_id,
					 struct rte_event_eth_rx_adapter_queue_stats *stats)
{
	struct rxa_queue *q = rxa_queue_get(id, eth_dev_id, rx_queue_id,
					    "rte_event_eth_rx_adapter_queue_stats_get");

	if (q == NULL || stats == NULL)
		return -EINVAL;
	*stats = q->stats;
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_queue_stats_reset(uint8_t id, uint16_t eth_dev_id, uint16_t rx_queue_id)
{
	struct rxa_queue *q = rxa_queue_get(id, eth_dev_id, rx_queue_id,
					    "rte_event_eth_rx_adapter_queue_stats_reset");

	if (q == NULL)
		return -EINVAL;
	memset(&q->stats, 0, sizeof(q->stats));
	return 0;
}

__rte_export int
rte_event_eth_rx_adapter_instance_get(uint16_t eth_dev_id, uint16_t rx_queue_id,
				      uint8_t *rxa_inst_id)
{
	if (rxa_inst_id == NULL)
		return -EINVAL;
	for (uint8_t id = 0; id < RTE_EVENT_ETH_RX_ADAPTER_MAX_INSTANCE; id++)
		if (rxa_table[id] != NULL &&
		    rxa_queue_find(rxa_of(rxa_table[id]), eth_dev_id, rx_queue_id) >= 0) {
			*rxa_inst_id = id;
			return 0;
		}
	return -EINVAL;
}
