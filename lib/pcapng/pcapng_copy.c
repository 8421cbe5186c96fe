/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A packet becomes an mbuf chain that is a whole enhanced packet block
 * (4.3): the block header goes in the copy's headroom, the data follows,
 * then padding to 32 bits, the options and the trailing block length in
 * the last segment. Writing it is then one writev() of its segments.
 */
#include <errno.h>
#include <pthread.h>
#include <string.h>
#include <time.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_ether.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>
#include <rte_reciprocal.h>

#include "eal_private.h"
#include "pcapng_format.h"
#include "pcapng_private.h"

RTE_LOG_REGISTER(pcapng_logtype, lib.pcapng, INFO);

/* Set once by pcapng_clock_init(), read-only after: copies on several
 * lcores convert without sharing any written state. */
static struct {
	uint64_t ns;
	uint64_t cycles;
	uint64_t hz;
	struct rte_reciprocal_u64 hz_inv;
} pcapng_clock;
static pthread_once_t pcapng_clock_once = PTHREAD_ONCE_INIT;

static void
pcapng_clock_take(void)
{
	struct timespec ts;
	uint64_t before, after;

	/* the TSC halfway across the clock read is the best guess of when
	 * the wall clock was read */
	before = rte_get_tsc_cycles();
	clock_gettime(CLOCK_REALTIME, &ts);
	after = rte_get_tsc_cycles();
	pcapng_clock.cycles = before + (after - before) / 2;
	pcapng_clock.ns = (uint64_t)ts.tv_sec * NS_PER_S + (uint64_t)ts.tv_nsec;
	pcapng_clock.hz = rte_get_tsc_hz();
	if (pcapng_clock.hz == 0)
		pcapng_clock.hz = NS_PER_S; /* no EAL yet: keep the division defined */
	pcapng_clock.hz_inv = rte_reciprocal_value_u64(pcapng_clock.hz);
}

void
pcapng_clock_init(void)
{
	pthread_once(&pcapng_clock_once, pcapng_clock_take);
}

/* Whole seconds and the remainder apart: delta * 10^9 would overflow 64
 * bits after a few seconds, rem * 10^9 cannot while hz < 18 GHz. */
static uint64_t
pcapng_delta_to_ns(uint64_t delta)
{
	uint64_t secs = rte_reciprocal_divide_u64(delta, &pcapng_clock.hz_inv);
	uint64_t rem = delta - secs * pcapng_clock.hz;

	if (rem >= pcapng_clock.hz) { /* the reciprocal rounds down by one at most */
		secs++;
		rem -= pcapng_clock.hz;
	}
	return secs * NS_PER_S + rte_reciprocal_divide_u64(rem * NS_PER_S, &pcapng_clock.hz_inv);
}

uint64_t
pcapng_cycles_to_ns(uint64_t cycles)
{
	/* a stamp taken just before the base (another lcore) counts back */
	if ((int64_t)(cycles - pcapng_clock.cycles) < 0)
		return pcapng_clock.ns - pcapng_delta_to_ns(pcapng_clock.cycles - cycles);
	return pcapng_clock.ns + pcapng_delta_to_ns(cycles - pcapng_clock.cycles);
}

__rte_export uint32_t
rte_pcapng_mbuf_size(uint32_t length)
{
	/* block header and one VLAN tag in the headroom */
	static_assert(sizeof(struct pcapng_epb) + sizeof(struct rte_vlan_hdr) <=
			      RTE_PKTMBUF_HEADROOM,
		      "an enhanced packet block header fits in the headroom");

	return RTE_PKTMBUF_HEADROOM + RTE_ALIGN(length, sizeof(uint32_t)) +
	       pcapng_opt_size(sizeof(uint32_t)) /* flags */ +
	       pcapng_opt_size(sizeof(uint32_t)) /* queue */ + pcapng_opt_size(0) /* end */ +
	       sizeof(uint32_t) /* trailing block length */;
}

/* Put back a tag the NIC took off (Rx) or is to add (Tx): the MAC
 * addresses move down by 4 bytes, the tag goes in behind them. */
static int
pcapng_vlan_insert(struct rte_mbuf *mc, uint16_t tpid, uint16_t tci)
{
	struct rte_ether_hdr *eth;
	struct rte_vlan_hdr *vlan;

	if (rte_pktmbuf_data_len(mc) < 2 * RTE_ETHER_ADDR_LEN)
		return -EINVAL;
	eth = (struct rte_ether_hdr *)rte_pktmbuf_prepend(mc, sizeof(*vlan));
	if (eth == NULL)
		return -ENOSPC;
	memmove(eth, (uint8_t *)eth + sizeof(*vlan), 2 * RTE_ETHER_ADDR_LEN);
	eth->ether_type = rte_cpu_to_be_16(tpid);
	vlan = (struct rte_vlan_hdr *)(eth + 1);
	vlan->vlan_tci = rte_cpu_to_be_16(tci);
	return 0;
}

static int
pcapng_tags_insert(struct rte_mbuf *mc, const struct rte_mbuf *md,
		   enum rte_pcapng_direction direction)
{
	uint64_t vlan = direction == RTE_PCAPNG_DIRECTION_IN ? RTE_MBUF_F_RX_VLAN_STRIPPED
							     : RTE_MBUF_F_TX_VLAN;
	uint64_t qinq = direction == RTE_PCAPNG_DIRECTION_IN ? RTE_MBUF_F_RX_QINQ_STRIPPED
							     : RTE_MBUF_F_TX_QINQ;
	int ret;

	if (direction == RTE_PCAPNG_DIRECTION_UNKNOWN)
		return 0;
	/* inner tag first: the outer one then goes in front of it */
	if (md->ol_flags & vlan) {
		ret = pcapng_vlan_insert(mc, RTE_ETHER_TYPE_VLAN, md->vlan_tci);
		if (ret < 0)
			return ret;
	}
	if (md->ol_flags & qinq)
		return pcapng_vlan_insert(mc, RTE_ETHER_TYPE_QINQ, md->vlan_tci_outer);
	return 0;
}

/* len contiguous bytes at the end of mc: in its last segment, or in one
 * more segment from mp when that one is full. */
static void *
pcapng_tail_reserve(struct rte_mbuf *mc, struct rte_mempool *mp, uint16_t len)
{
	struct rte_mbuf *seg;
	void *tail;

	tail = rte_pktmbuf_append(mc, len);
	if (tail != NULL)
		return tail;
	seg = rte_pktmbuf_alloc(mp);
	if (seg == NULL) {
		rte_errno = ENOBUFS;
		return NULL;
	}
	tail = rte_pktmbuf_append(seg, len);
	if (tail == NULL || rte_pktmbuf_chain(mc, seg) != 0) {
		rte_pktmbuf_free(seg);
		rte_errno = ENOSPC;
		return NULL;
	}
	return tail;
}

static uint8_t *
pcapng_opt_u32_put(uint8_t *p, uint16_t code, uint32_t value)
{
	struct pcapng_opt opt = {.code = code, .len = sizeof(value)};

	memcpy(p, &opt, sizeof(opt));
	memcpy(p + sizeof(opt), &value, sizeof(value));
	return p + pcapng_opt_size(sizeof(value));
}

__rte_export struct rte_mbuf *
rte_pcapng_copy(uint16_t port_id, uint32_t queue, const struct rte_mbuf *md, struct rte_mempool *mp,
		uint32_t length, uint64_t cycles, enum rte_pcapng_direction direction)
{
	const struct pcapng_opt end = {.code = PCAPNG_OPT_END, .len = 0};
	struct pcapng_epb *epb;
	struct rte_mbuf *mc;
	uint32_t cap_len, pad, block_len, tag_len;
	uint16_t trailer;
	uint8_t *tail;
	uint64_t ns;
	int ret;

	if ((unsigned int)direction > RTE_PCAPNG_DIRECTION_OUT) {
		PCAPNG_LOG(ERR, "copy: direction %u is not one of enum rte_pcapng_direction",
			   (unsigned int)direction);
		rte_errno = EINVAL;
		return NULL;
	}
	pcapng_clock_init();

	/* rte_pktmbuf_copy() wants at least one byte to copy */
	if (md->pkt_len == 0 || length == 0)
		mc = rte_pktmbuf_alloc(mp);
	else
		mc = rte_pktmbuf_copy(md, mp, 0, length);
	if (mc == NULL) {
		rte_errno = ENOBUFS;
		return NULL;
	}
	tag_len = rte_pktmbuf_pkt_len(mc);
	ret = pcapng_tags_insert(mc, md, direction);
	if (ret < 0) {
		rte_errno = -ret;
		goto out_free;
	}
	cap_len = rte_pktmbuf_pkt_len(mc);
	tag_len = cap_len - tag_len;
	pad = RTE_ALIGN(cap_len, sizeof(uint32_t)) - cap_len;
	trailer = (uint16_t)(pad + 2 * pcapng_opt_size(sizeof(uint32_t)) + pcapng_opt_size(0) +
			     sizeof(uint32_t));
	tail = pcapng_tail_reserve(mc, mp, trailer);
	if (tail == NULL)
		goto out_free;
	epb = (struct pcapng_epb *)rte_pktmbuf_prepend(mc, sizeof(*epb));
	if (epb == NULL) {
		rte_errno = ENOSPC;
		goto out_free;
	}

	memset(tail, 0, pad);
	tail += pad;
	/* the flags word's low two bits are the direction (4.3.1) */
	tail = pcapng_opt_u32_put(tail, PCAPNG_EPB_FLAGS, (uint32_t)direction);
	tail = pcapng_opt_u32_put(tail, PCAPNG_EPB_QUEUE, queue);
	memcpy(tail, &end, sizeof(end));
	tail += sizeof(end);
	block_len = rte_pktmbuf_pkt_len(mc);
	memcpy(tail, &block_len, sizeof(block_len));

	ns = pcapng_cycles_to_ns(cycles);
	*epb = (struct pcapng_epb){
		.type = PCAPNG_BLOCK_ENHANCED_PACKET,
		.total_len = block_len,
		.interface_id = 0, /* the file's index of port_id, set when written */
		.ts_high = (uint32_t)(ns >> 32),
		.ts_low = (uint32_t)ns,
		.captured_len = cap_len,
		/* the tags put back were on the wire too */
		.original_len = rte_pktmbuf_pkt_len(md) + tag_len,
	};
	mc->port = port_id;
	return mc;

out_free:
	rte_pktmbuf_free(mc);
	return NULL;
}
