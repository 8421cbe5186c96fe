/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The capturing secondary's side: checks a request, sends it to the
 * primary's "mp_pdump" action and turns the answer into DPDK's return
 * convention (-1 and rte_errno).
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_string_fns.h>

#include "eal_private.h"
#include "pdump_private.h"

/* The primary answers from its IPC thread; a disable waits for one burst. */
#define PDUMP_ANSWER_TIMEOUT_S 5

static int
pdump_fail(int err)
{
	rte_errno = err;
	return -1;
}

static int
pdump_flags_check(uint32_t flags)
{
	if ((flags & RTE_PDUMP_FLAG_RXTX) == 0) {
		PDUMP_LOG(ERR, "flags %#x capture nothing: give RTE_PDUMP_FLAG_RX, _TX or _RXTX",
			  flags);
		return pdump_fail(EINVAL);
	}
	if ((flags & ~(uint32_t)(RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG)) != 0) {
		PDUMP_LOG(ERR,
			  "unknown capture flags %#x: use RTE_PDUMP_FLAG_RX, _TX, _RXTX, "
			  "_PCAPNG",
			  flags & ~(uint32_t)(RTE_PDUMP_FLAG_RXTX | RTE_PDUMP_FLAG_PCAPNG));
		return pdump_fail(ENOTSUP);
	}
	return 0;
}

static int
pdump_ring_mp_check(const struct rte_ring *ring, const struct rte_mempool *mp)
{
	if (ring == NULL || mp == NULL) {
		PDUMP_LOG(ERR, "capture needs a ring and a mempool (NULL given)");
		return pdump_fail(EINVAL);
	}
	if (rte_ring_is_prod_single(ring) || rte_ring_is_cons_single(ring) ||
	    (mp->flags & (RTE_MEMPOOL_F_SP_PUT | RTE_MEMPOOL_F_SC_GET)) != 0) {
		PDUMP_LOG(ERR,
			  "ring '%s' and mempool '%s' must be multi-producer and "
			  "multi-consumer: the primary copies from several lcores",
			  ring->name, mp->name);
		return pdump_fail(EINVAL);
	}
	return 0;
}

static int
pdump_port_name(uint16_t port, char name[RTE_DEV_NAME_MAX_LEN])
{
	if (rte_eth_dev_get_name_by_port(port, name) != 0) {
		PDUMP_LOG(ERR,
			  "port %u is not a port of this process: capture a port "
			  "rte_eth_dev_count_avail() lists",
			  port);
		return pdump_fail(EINVAL);
	}
	return 0;
}

static int
pdump_request_send(const char *device, uint16_t queue, uint32_t flags, uint32_t snaplen,
		   enum pdump_op op, const struct rte_ring *ring, const struct rte_mempool *mp)
{
	struct timespec ts = {.tv_sec = PDUMP_ANSWER_TIMEOUT_S};
	struct pdump_request *req;
	struct rte_mp_reply reply;
	struct rte_mp_msg msg;
	struct pdump_response res;
	int err;

	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		PDUMP_LOG(ERR, "capture is asked from a secondary process; the primary only "
			       "calls rte_pdump_init()");
		return pdump_fail(EPERM);
	}
	if (device == NULL || strnlen(device, RTE_DEV_NAME_MAX_LEN) >= RTE_DEV_NAME_MAX_LEN) {
		PDUMP_LOG(ERR, "device name missing or longer than %d bytes",
			  RTE_DEV_NAME_MAX_LEN - 1);
		return pdump_fail(EINVAL);
	}
	memset(&msg, 0, sizeof(msg));
	req = (struct pdump_request *)msg.param;
	req->version = PDUMP_REQUEST_VERSION;
	req->op = op;
	req->flags = flags;
	req->queue = queue;
	req->snaplen = snaplen == 0 ? UINT32_MAX : snaplen;
	req->pid = (int32_t)getpid();
	strlcpy(req->device, device, sizeof(req->device));
	if (ring != NULL)
		strlcpy(req->ring, ring->name, sizeof(req->ring));
	if (mp != NULL)
		strlcpy(req->mempool, mp->name, sizeof(req->mempool));
	strlcpy(msg.name, PDUMP_MP_ACTION, sizeof(msg.name));
	msg.len_param = sizeof(*req);

	/* the reply's msgs array is ours to free whatever the outcome */
	if (rte_mp_request_sync(&msg, &reply, &ts) != 0 || reply.nb_received != 1) {
		err = reply.nb_received == 0 ? ETIMEDOUT : EPROTO;
		free(reply.msgs);
		PDUMP_LOG(ERR,
			  "the primary did not answer the capture request of '%s' in %d s: "
			  "does it call rte_pdump_init() (sluice-testpmd does)?",
			  device, PDUMP_ANSWER_TIMEOUT_S);
		return pdump_fail(err);
	}
	err = EINVAL;
	if (reply.msgs[0].len_param == (int)sizeof(res)) {
		memcpy(&res, reply.msgs[0].param, sizeof(res));
		err = res.err <= 0 && res.err > -4096 ? -res.err : EINVAL;
	}
	free(reply.msgs);
	if (err != 0) {
		PDUMP_LOG(ERR,
			  "the primary refused to %s the capture of '%s': %s (its log says "
			  "why)",
			  op == PDUMP_OP_ENABLE ? "start" : "stop", device, strerror(err));
		return pdump_fail(err);
	}
	return 0;
}

static int
pdump_enable_device(const char *device, uint16_t queue, uint32_t flags, uint32_t snaplen,
		    struct rte_ring *ring, struct rte_mempool *mp, const struct rte_bpf_prm *prm)
{
	if (prm != NULL) {
		PDUMP_LOG(ERR, "BPF capture filters are not supported: capture everything (NULL "
			       "program) and filter the file afterwards");
		return pdump_fail(ENOTSUP);
	}
	if (pdump_ring_mp_check(ring, mp) != 0 || pdump_flags_check(flags) != 0)
		return -1;
	return pdump_request_send(device, queue, flags, snaplen, PDUMP_OP_ENABLE, ring, mp);
}

static int
pdump_enable_port(uint16_t port, uint16_t queue, uint32_t flags, uint32_t snaplen,
		  struct rte_ring *ring, struct rte_mempool *mp, const struct rte_bpf_prm *prm)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	if (pdump_port_name(port, name) != 0)
		return -1;
	return pdump_enable_device(name, queue, flags, snaplen, ring, mp, prm);
}

__rte_export int
rte_pdump_enable(uint16_t port, uint16_t queue, uint32_t flags, struct rte_ring *ring,
		 struct rte_mempool *mp, void *filter __rte_unused)
{
	return pdump_enable_port(port, queue, flags, 0, ring, mp, NULL);
}

__rte_export int
rte_pdump_enable_bpf(uint16_t port_id, uint16_t queue, uint32_t flags, uint32_t snaplen,
		     struct rte_ring *ring, struct rte_mempool *mp, const struct rte_bpf_prm *prm)
{
	return pdump_enable_port(port_id, queue, flags, snaplen, ring, mp, prm);
}

__rte_export int
rte_pdump_enable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags, struct rte_ring *ring,
			     struct rte_mempool *mp, void *filter __rte_unused)
{
	return pdump_enable_device(device_id, queue, flags, 0, ring, mp, NULL);
}

__rte_export int
rte_pdump_enable_bpf_by_deviceid(const char *device_id, uint16_t queue, uint32_t flags,
				 uint32_t snaplen, struct rte_ring *ring, struct rte_mempool *mp,
				 const struct rte_bpf_prm *filter)
{
	return pdump_enable_device(device_id, queue, flags, snaplen, ring, mp, filter);
}

__rte_export int
rte_pdump_disable(uint16_t port, uint16_t queue, uint32_t flags)
{
	char name[RTE_DEV_NAME_MAX_LEN];

	if (pdump_port_name(port, name) != 0 || pdump_flags_check(flags) != 0)
		return -1;
	return pdump_request_send(name, queue, flags, 0, PDUMP_OP_DISABLE, NULL, NULL);
}

__rte_export int
rte_pdump_disable_by_deviceid(char *device_id, uint16_t queue, uint32_t flags)
{
	if (pdump_flags_check(flags) != 0)
		return -1;
	return pdump_request_send(device_id, queue, flags, 0, PDUMP_OP_DISABLE, NULL, NULL);
}

static void
pdump_stats_add(struct rte_pdump_stats *sum, const struct rte_pdump_stats *q)
{
	sum->accepted += __atomic_load_n(&q->accepted, __ATOMIC_RELAXED);
	sum->filtered += __atomic_load_n(&q->filtered, __ATOMIC_RELAXED);
	sum->nombuf += __atomic_load_n(&q->nombuf, __ATOMIC_RELAXED);
	sum->ringfull += __atomic_load_n(&q->ringfull, __ATOMIC_RELAXED);
}

__rte_export int
rte_pdump_stats(uint16_t port_id, struct rte_pdump_stats *stats)
{
	const struct pdump_stats_table *table;
	struct rte_eth_dev_info info;
	uint16_t q;
	int ret;

	if (stats == NULL)
		return -EINVAL;
	memset(stats, 0, sizeof(*stats));
	ret = rte_eth_dev_info_get(port_id, &info);
	if (ret != 0) {
		PDUMP_LOG(ERR, "capture statistics of port %u: %s", port_id, strerror(-ret));
		return ret;
	}
	table = pdump_stats_table_get();
	if (table == NULL) {
		PDUMP_LOG(ERR, "no capture statistics: the primary has not called "
			       "rte_pdump_init()");
		return pdump_fail(EINVAL);
	}
	for (q = 0; q < info.nb_rx_queues && q < RTE_MAX_QUEUES_PER_PORT; q++)
		pdump_stats_add(stats, &table->rx[port_id][q]);
	for (q = 0; q < info.nb_tx_queues && q < RTE_MAX_QUEUES_PER_PORT; q++)
		pdump_stats_add(stats, &table->tx[port_id][q]);
	return 0;
}
