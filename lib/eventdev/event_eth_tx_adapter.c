/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Ethernet Tx adapter for event devices without an internal port: a
 * service dequeues from the adapter's event port (which the application
 * links to its Tx event queue) and sends each mbuf on port mbuf->port,
 * queue rte_event_eth_tx_adapter_txq_get(mbuf), if that queue was added.
 * Packets for queues not added, or that the port does not take after a few
 * tries, are freed and counted as dropped.
 */
#include <assert.h>
#include <errno.h>
#include <stddef.h>
#include <string.h>

#include <rte_ethdev.h>
#include <rte_event_eth_tx_adapter.h>
#include <rte_malloc.h>
#include <rte_spinlock.h>

#include "eal_private.h"
#include "event_adapter_private.h"

#define TXA_BURST 32
#define TXA_RETRIES 4
#define TXA_MAX_INSTANCE RTE_EVENT_ETH_TX_ADAPTER_MAX_INSTANCE
/* queues a port can have added one by one; -1 adds all of them */
#define TXA_QUEUE_BITS 64

struct txa {
	struct evdev_adapter com; /* first: the part both adapters share */
	rte_event_eth_tx_adapter_conf_cb conf_cb;
	void *conf_arg;
	uint32_t max_nb_tx;
	uint64_t txq_added[RTE_MAX_ETHPORTS]; /* bit q: queue q of the port */
	struct rte_event_eth_tx_adapter_stats stats;
};

static struct evdev_adapter *txa_table[TXA_MAX_INSTANCE];
static const struct evdev_adapter_kind txa_kind; /* defined below its functions */

/* The Tx adapter around its shared part (its first member). */
static_assert(offsetof(struct txa, com) == 0, "txa_of casts");
static struct txa *
txa_of(struct evdev_adapter *c)
{
	return (struct txa *)c;
}

static struct txa *
txa_get(uint8_t id, const char *what)
{
	return txa_of(evdev_adapter_get(&txa_kind, id, what));
}

static int
txa_default_conf_cb(uint8_t id __rte_unused, uint8_t dev_id,
		    struct rte_event_eth_tx_adapter_conf *conf, void *arg)
{
	struct txa *a = arg;

	conf->max_nb_tx = 128;
	return evdev_adapter_port_add(dev_id, &a->com.port_conf, &conf->event_port_id,
				      "rte_event_eth_tx_adapter_queue_add");
}

static bool
txa_queue_added(const struct txa *a, uint16_t port, uint16_t q)
{
	return port < RTE_MAX_ETHPORTS && q < TXA_QUEUE_BITS && (a->txq_added[port] >> q) & 1;
}

/* Send pkts (all for one port and queue); what is not taken is dropped. */
static void
txa_send(struct txa *a, uint16_t port, uint16_t q, struct rte_mbuf **pkts, uint16_t n)
{
	uint16_t sent = 0;

	for (int tries = 0; tries < TXA_RETRIES && sent < n; tries++) {
		if (tries > 0)
			a->stats.tx_retry++;
		sent += rte_eth_tx_burst(port, q, pkts + sent, (uint16_t)(n - sent));
	}
	a->stats.tx_packets += sent;
	a->stats.tx_dropped += (uint64_t)(n - sent);
	rte_pktmbuf_free_bulk(pkts + sent, (unsigned int)(n - sent));
}

static int32_t
txa_service(void *arg)
{
	struct txa *a = arg;
	struct rte_event ev[TXA_BURST];
	struct rte_mbuf *run[TXA_BURST];
	uint16_t n, nb_run = 0, run_port = 0, run_q = 0;

	if (!rte_spinlock_trylock(&a->com.lock))
		return -EAGAIN;
	if (!a->com.started) {
		rte_spinlock_unlock(&a->com.lock);
		return -EAGAIN;
	}
	n = rte_event_dequeue_burst(a->com.dev_id, a->com.event_port, ev, TXA_BURST, 0);
	for (uint16_t i = 0; i < n; i++) {
		struct rte_mbuf *m = ev[i].mbuf;
		uint16_t q = rte_event_eth_tx_adapter_txq_get(m);

		if (!txa_queue_added(a, m->port, q)) {
			a->stats.tx_dropped++;
			rte_pktmbuf_free(m);
			continue;
		}
		/* consecutive packets for one queue go in one burst */
		if (nb_run > 0 && (m->port != run_port || q != run_q)) {
			txa_send(a, run_port, run_q, run, nb_run);
			nb_run = 0;
		}
		run_port = m->port;
		run_q = q;
		run[nb_run++] = m;
	}
	if (nb_run > 0)
		txa_send(a, run_port, run_q, run, nb_run);
	rte_spinlock_unlock(&a->com.lock);
	return n > 0 ? 0 : -EAGAIN;
}

__rte_export int
rte_event_eth_tx_adapter_create_ext(uint8_t id, uint8_t dev_id,
				    rte_event_eth_tx_adapter_conf_cb conf_cb, void *conf_arg)
{
	struct evdev_adapter *c;
	int ret = evdev_adapter_create(&txa_kind, id, dev_id, conf_cb != NULL, &c);

	if (ret == 0) {
		txa_of(c)->conf_cb = conf_cb;
		txa_of(c)->conf_arg = conf_arg;
	}
	return ret;
}

__rte_export int
rte_event_eth_tx_adapter_create(uint8_t id, uint8_t dev_id, struct rte_event_port_conf *port_config)
{
	struct evdev_adapter *c;
	int ret;

	if (port_config == NULL)
		return -EINVAL;
	ret = evdev_adapter_create(&txa_kind, id, dev_id, true, &c);
	if (ret == 0) {
		c->port_conf = *port_config;
		txa_of(c)->conf_cb = txa_default_conf_cb;
		txa_of(c)->conf_arg = txa_of(c);
	}
	return ret;
}

__rte_export int
rte_event_eth_tx_adapter_free(uint8_t id)
{
	return evdev_adapter_free(&txa_kind, id);
}

/* Ask the application's callback for the event port, at the first queue added. */
static int
txa_conf_get(struct evdev_adapter *c)
{
	struct txa *a = txa_of(c);
	struct rte_event_eth_tx_adapter_conf conf = {0};
	int ret = a->conf_cb(c->id, c->dev_id, &conf, a->conf_arg);

	if (ret < 0)
		return ret;
	c->event_port = conf.event_port_id;
	a->max_nb_tx = conf.max_nb_tx;
	return 0;
}

static const struct evdev_adapter_kind txa_kind = {
	.api = "rte_event_eth_tx_adapter",
	.label = "Tx",
	.size = sizeof(struct txa),
	.table = txa_table,
	.max_instance = TXA_MAX_INSTANCE,
	.service = txa_service,
	.conf_get = txa_conf_get,
};

/* The queues of port that queue names: one, or all with -1; 0 if none. */
static uint64_t
txa_queue_mask(uint16_t port, int32_t queue, const char *what)
{
	struct rte_eth_dev_info info;
	uint16_t nb;

	if (!rte_eth_dev_is_valid_port(port) || rte_eth_dev_info_get(port, &info) != 0) {
		EVDEV_LOG(ERR, "%s: no ethdev port %u\n", what, port);
		return 0;
	}
	nb = RTE_MIN(info.nb_tx_queues, (uint16_t)TXA_QUEUE_BITS);
	if (queue == -1)
		return nb == TXA_QUEUE_BITS ? UINT64_MAX : (UINT64_C(1) << nb) - 1;
	if (queue < 0 || queue >= nb) {
		EVDEV_LOG(ERR, "%s: port %u has %u Tx queues, not %d (-1: all)\n", what, port, nb,
			  queue);
		return 0;
	}
	return UINT64_C(1) << queue;
}

__rte_export int
rte_event_eth_tx_adapter_queue_add(uint8_t id, uint16_t eth_dev_id, int32_t queue)
{
	const char *what = "rte_event_eth_tx_adapter_queue_add";
	struct txa *a = txa_get(id, what);
	uint64_t mask = a != NULL ? txa_queue_mask(eth_dev_id, queue, what) : 0;
	int ret;

	if (mask == 0)
		return -EINVAL;
	ret = evdev_adapter_service_init(&txa_kind, &a->com);
	if (ret < 0)
		return ret;
	rte_spinlock_lock(&a->com.lock);
	a->com.nb_queues -= (unsigned int)__builtin_popcountll(a->txq_added[eth_dev_id]);
	a->txq_added[eth_dev_id] |= mask;
	a->com.nb_queues += (unsigned int)__builtin_popcountll(a->txq_added[eth_dev_id]);
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_tx_adapter_queue_del(uint8_t id, uint16_t eth_dev_id, int32_t queue)
{
	const char *what = "rte_event_eth_tx_adapter_queue_del";
	struct txa *a = txa_get(id, what);
	uint64_t mask = a != NULL ? txa_queue_mask(eth_dev_id, queue, what) : 0;

	if (mask == 0)
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	a->com.nb_queues -= (unsigned int)__builtin_popcountll(a->txq_added[eth_dev_id]);
	a->txq_added[eth_dev_id] &= ~mask;
	a->com.nb_queues += (unsigned int)__builtin_popcountll(a->txq_added[eth_dev_id]);
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_tx_adapter_start(uint8_t id)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_start");

	return a != NULL ? evdev_adapter_started_set(&a->com, true) : -EINVAL;
}

__rte_export int
rte_event_eth_tx_adapter_stop(uint8_t id)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_stop");

	return a != NULL ? evdev_adapter_started_set(&a->com, false) : -EINVAL;
}

__rte_export int
rte_event_eth_tx_adapter_event_port_get(uint8_t id, uint8_t *event_port_id)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_event_port_get");

	return a != NULL ? evdev_adapter_event_port(&a->com, event_port_id) : -EINVAL;
}

__rte_export int
rte_event_eth_tx_adapter_stats_get(uint8_t id, struct rte_event_eth_tx_adapter_stats *stats)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_stats_get");

	if (a == NULL || stats == NULL)
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	*stats = a->stats;
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_tx_adapter_stats_reset(uint8_t id)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_stats_reset");

	if (a == NULL)
		return -EINVAL;
	rte_spinlock_lock(&a->com.lock);
	memset(&a->stats, 0, sizeof(a->stats));
	rte_spinlock_unlock(&a->com.lock);
	return 0;
}

__rte_export int
rte_event_eth_tx_adapter_service_id_get(uint8_t id, uint32_t *service_id)
{
	struct txa *a = txa_get(id, "rte_event_eth_tx_adapter_service_id_get");

	return a != NULL ? evdev_adapter_service_id(&a->com, service_id) : -EINVAL;
}

__rte_export int
rte_event_eth_tx_adapter_instance_get(uint16_t eth_dev_id, uint16_t tx_queue_id,
				      uint8_t *txa_inst_id)
{
	if (txa_inst_id == NULL)
		return -EINVAL;
	for (uint8_t id = 0; id < TXA_MAX_INSTANCE; id++)
		if (txa_table[id] != NULL &&
		    txa_queue_added(txa_of(txa_table[id]), eth_dev_id, tx_queue_id)) {
			*txa_inst_id = id;
			return 0;
		}
	return -EINVAL;
}

/* Queues of this adapter are always sent on; these only check the queue. */
static int
txa_queue_check(uint16_t eth_dev_id, uint16_t tx_queue_id)
{
	uint8_t id;

	return rte_event_eth_tx_adapter_instance_get(eth_dev_id, tx_queue_id, &id);
}

__rte_export int
rte_event_eth_tx_adapter_queue_start(uint16_t eth_dev_id, uint16_t tx_queue_id)
{
	return txa_queue_check(eth_dev_id, tx_queue_id);
}

__rte_export int
rte_event_eth_tx_adapter_queue_stop(uint16_t eth_dev_id, uint16_t tx_queue_id)
{
	return txa_queue_check(eth_dev_id, tx_queue_id);
}
