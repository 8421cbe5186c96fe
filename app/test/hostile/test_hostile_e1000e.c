/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_e1000_em against a device that lies (hostile_e1000e_model.c): DD on
 * descriptors it does not own while the pool is empty, lengths of 0, past
 * the buffer and 65535, frame errors, endless chains, Tx write-backs early
 * and out of order. The port must drop and count, never write out of
 * bounds, leak an mbuf or stall for good, and forward good frames byte for
 * byte again once the device behaves.
 */
#include <errno.h>
#include <stdlib.h>

#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "hostile_e1000e_model.h"
#include "test.h"

#define H_NB_DESC 64
#define H_NB_MBUF 512
#define H_BURST 32
#define H_ETHERTYPE 0x88B5 /* IEEE local experimental */

static struct hem_dev h_dev;
static struct rte_mempool *h_pool;

/* A frame of len bytes to the port: our ethertype, then a pattern from seq. */
static void
h_frame_fill(uint8_t *p, uint32_t len, uint32_t seq)
{
	memset(p, 0xff, 6);
	memcpy(p + 6, (const uint8_t[]){0x02, 0, 0, 0x57, 0, 2}, 6);
	p[12] = H_ETHERTYPE >> 8;
	p[13] = H_ETHERTYPE & 0xff;
	for (uint32_t i = 14; i < len; i++)
		p[i] = (uint8_t)(seq * 7 + i);
}

static void
h_teardown(void)
{
	hem_port_destroy(&h_dev);
	rte_mempool_free(h_pool);
	h_pool = NULL;
}

/* A pool of n mbufs of room data bytes, no cache (counts are exact), and a port on it. */
static int
h_setup(uint16_t room, uint64_t rx_offloads)
{
	int ret;

	h_teardown(); /* what a failed case left */
	h_pool = rte_pktmbuf_pool_create("hostile_e1000e", H_NB_MBUF, 0, 0,
					 RTE_PKTMBUF_HEADROOM + room, SOCKET_ID_ANY);
	if (h_pool == NULL)
		return -rte_errno;
	ret = hem_port_create(&h_dev, "hostile_e1000e0");
	if (ret == 0)
		ret = hem_port_start(&h_dev, h_pool, H_NB_DESC, rx_offloads);
	if (ret != 0)
		printf("  port over the model: %s\n", strerror(-ret));
	return ret;
}

/* Stopped, the port holds no mbuf: every one is back in the pool exactly once. */
static int
h_stop_check_pool(void)
{
	TEST_ASSERT_SUCCESS(rte_eth_dev_stop(h_dev.port_id), "stop");
	TEST_ASSERT_EQUAL(hem_pool_count(h_pool), H_NB_MBUF, "mbufs leaked or freed twice");
	return TEST_SUCCESS;
}

/* Restart after a stop: the device forgot everything, as after a reset. */
static int
h_restart(void)
{
	TEST_ASSERT_SUCCESS(rte_eth_dev_start(h_dev.port_id), "start");
	TEST_ASSERT_SUCCESS(hem_rings_attach(&h_dev), "rings");
	return TEST_SUCCESS;
}

/* Every mbuf of a received chain is sane and the bytes are those of the frame. */
static int
h_rx_compare(struct rte_mbuf *m, const uint8_t *want, uint32_t len)
{
	static uint8_t got[16384];
	uint32_t sum = 0;

	TEST_ASSERT_EQUAL(m->pkt_len, len, "frame length");
	for (struct rte_mbuf *s = m; s != NULL; s = s->next) {
		TEST_ASSERT(s->data_off + s->data_len <= s->buf_len, "segment past its buffer");
		sum += s->data_len;
	}
	TEST_ASSERT_EQUAL(sum, len, "segments do not add up");
	TEST_ASSERT(rte_pktmbuf_read(m, 0, len, got) != NULL, "read");
	TEST_ASSERT(memcmp(rte_pktmbuf_read(m, 0, len, got), want, len) == 0, "payload differs");
	return TEST_SUCCESS;
}

/* The device behaves: nb frames of the given lengths arrive intact, in order. */
static int
h_rx_forwards(uint32_t nb, uint32_t min_len, uint32_t max_len)
{
	static uint8_t frame[16384];
	struct rte_mbuf *pkts[H_BURST];

	for (uint32_t seq = 0; seq < nb; seq++) {
		uint32_t len = min_len + (seq * 97) % (max_len - min_len + 1);
		uint16_t n;

		h_frame_fill(frame, len, seq);
		TEST_ASSERT_SUCCESS(hem_rx_deliver(&h_dev, frame, len), "deliver frame %u", seq);
		n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);
		TEST_ASSERT_EQUAL(n, 1, "frame %u", seq);
		if (h_rx_compare(pkts[0], frame, len) != TEST_SUCCESS) {
			rte_pktmbuf_free(pkts[0]);
			return TEST_FAILED;
		}
		rte_pktmbuf_free(pkts[0]);
	}
	return TEST_SUCCESS;
}

/* The device behaves: nb frames sent through the port come out intact. */
static int
h_tx_forwards(uint32_t nb)
{
	static uint8_t frame[2048], out[2048];

	for (uint32_t seq = 0; seq < nb; seq++) {
		uint32_t len = 60 + (seq * 131) % 1455;
		struct rte_mbuf *m = rte_pktmbuf_alloc(h_pool);
		char *p = m != NULL ? rte_pktmbuf_append(m, (uint16_t)len) : NULL;

		TEST_ASSERT_NOT_NULL(p, "mbuf for frame %u", seq);
		h_frame_fill(frame, len, seq);
		memcpy(p, frame, len);
		TEST_ASSERT_EQUAL(rte_eth_tx_burst(h_dev.port_id, 0, &m, 1), 1, "send %u", seq);
		TEST_ASSERT_EQUAL(hem_tx_transmit(&h_dev, out, sizeof(out)), (int)len, "wire %u",
				  seq);
		TEST_ASSERT(memcmp(out, frame, len) == 0, "frame %u differs on the wire", seq);
	}
	return TEST_SUCCESS;
}

/*
 * DD on every descriptor, again and again, while the pool is empty: the
 * port takes what the device owned (nb_desc - 1) and nothing more, and
 * refills when the pool has mbufs again.
 */
static int
test_hostile_rx_dd_unowned_empty_pool(void)
{
	static void *held[H_NB_MBUF];
	struct rte_mbuf *pkts[H_BURST];
	unsigned int nb_held = 0, got = 0;
	struct rte_eth_stats st;

	TEST_ASSERT_SUCCESS(h_setup(2048, 0), "setup");
	nb_held = hem_pool_take(h_pool, held, H_NB_MBUF);
	TEST_ASSERT_EQUAL(nb_held, H_NB_MBUF - H_NB_DESC, "the ring holds nb_desc mbufs");
	for (int round = 0; round < 8; round++) {
		for (uint16_t i = 0; i < H_NB_DESC; i++)
			hem_rx_forge(&h_dev, i, 64, E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
		for (int b = 0; b < 4; b++) {
			uint16_t n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);

			got += n;
			/* what the application frees, the rest of the process takes at once */
			rte_pktmbuf_free_bulk(pkts, n);
			nb_held += hem_pool_take(h_pool, &held[nb_held], H_NB_MBUF - nb_held);
			TEST_ASSERT(hem_rxq(&h_dev)->nb_hold < H_NB_DESC,
				    "round %d: %u descriptors wait for buffers in a ring of %u",
				    round, hem_rxq(&h_dev)->nb_hold, H_NB_DESC);
		}
	}
	TEST_ASSERT_EQUAL(got, H_NB_DESC - 1, "frames taken from descriptors the device owned");
	rte_mempool_put_bulk(h_pool, held, nb_held);
	/* the pool is back: the next bursts refill the ring and the port goes on */
	for (int b = 0; b < 4; b++) {
		uint16_t n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);

		rte_pktmbuf_free_bulk(pkts, n);
	}
	/* refilled; the descriptor kept back may still show the forged DD and be taken */
	TEST_ASSERT(hem_rxq(&h_dev)->nb_hold <= 1, "ring refilled (%u wait)",
		    hem_rxq(&h_dev)->nb_hold);
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT(st.rx_nombuf > 0, "refills that found the pool empty are counted");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	TEST_ASSERT_SUCCESS(h_restart(), "restart");
	TEST_ASSERT_SUCCESS(h_rx_forwards(3 * H_NB_DESC, 60, 1514), "forwarding");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

/*
 * An honest device and a pool that runs dry: the ring empties, the device
 * has nowhere to put frames (it misses them), and once the pool has mbufs
 * again the next burst refills the ring and frames flow, without a restart.
 */
static int
test_hostile_rx_empty_pool_recovers(void)
{
	static void *held[H_NB_MBUF];
	static uint8_t frame[64];
	struct rte_mbuf *pkts[H_BURST];
	unsigned int nb_held, got = 0, sent = 0;
	struct rte_eth_stats st;

	TEST_ASSERT_SUCCESS(h_setup(2048, 0), "setup");
	nb_held = hem_pool_take(h_pool, held, H_NB_MBUF);
	h_frame_fill(frame, sizeof(frame), 0);
	while (hem_rx_deliver(&h_dev, frame, sizeof(frame)) == 0)
		sent++;
	TEST_ASSERT_EQUAL(sent, H_NB_DESC - 1, "frames the ring had room for");
	for (int b = 0; b < 4; b++) {
		uint16_t n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);

		got += n;
		rte_pktmbuf_free_bulk(pkts, n);
		nb_held += hem_pool_take(h_pool, &held[nb_held], H_NB_MBUF - nb_held);
	}
	TEST_ASSERT_EQUAL(got, sent, "every frame the device wrote");
	TEST_ASSERT_EQUAL(hem_rx_deliver(&h_dev, frame, sizeof(frame)), -ENOBUFS,
			  "no buffer for the device while the pool is empty");
	rte_mempool_put_bulk(h_pool, held, nb_held);
	TEST_ASSERT_EQUAL(rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST), 0, "refill only");
	TEST_ASSERT_SUCCESS(h_rx_forwards(3 * H_NB_DESC, 60, 1514), "forwarding after the refill");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT(st.rx_nombuf > 0, "refills that found the pool empty are counted");
	TEST_ASSERT_EQUAL(st.ierrors, 0, "nothing was wrong with the frames");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

/* One forged write-back a descriptor, in ring order from index 0 on. */
struct h_wb {
	uint16_t len;
	uint8_t status;
	uint8_t errors;
};

#define H_DD_EOP (E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP)

/* Lengths 0, past the buffer and 65535, frame errors, a chain the port did not ask for. */
static int
test_hostile_rx_lengths_and_errors(void)
{
	static const struct h_wb wb[] = {
		{0, H_DD_EOP, 0},
		{2049, H_DD_EOP, 0},
		{65535, H_DD_EOP, 0},
		{64, H_DD_EOP, E1000_RXD_ERR_CE},
		{64, H_DD_EOP, E1000_RXD_ERR_RXE},
		{64, H_DD_EOP, E1000_RXD_ERR_SE | E1000_RXD_ERR_SEQ | E1000_RXD_ERR_CXE},
		/* a frame over two buffers without RTE_ETH_RX_OFFLOAD_SCATTER: one error */
		{1000, E1000_RXD_STAT_DD, 0},
		{1000, H_DD_EOP, 0},
		/* checksum errors are flags on a delivered frame, not drops */
		{60, H_DD_EOP | E1000_RXD_STAT_IPCS | E1000_RXD_STAT_TCPCS,
		 E1000_RXD_ERR_IPE | E1000_RXD_ERR_TCPE},
		{60, H_DD_EOP | E1000_RXD_STAT_VP, 0},
		/* lengths at the edge are good */
		{1, H_DD_EOP, 0},
		{2048, H_DD_EOP, 0},
	};
	struct rte_mbuf *pkts[H_BURST];
	struct rte_eth_stats st;
	uint16_t n;

	TEST_ASSERT_SUCCESS(h_setup(2048, RTE_ETH_RX_OFFLOAD_CHECKSUM), "setup");
	for (uint16_t i = 0; i < RTE_DIM(wb); i++)
		hem_rx_forge(&h_dev, i, wb[i].len, wb[i].status, wb[i].errors);
	n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);
	TEST_ASSERT_EQUAL(n, 4, "the good frames");
	TEST_ASSERT_EQUAL(pkts[0]->pkt_len, 60, "csum frame");
	TEST_ASSERT_EQUAL(pkts[0]->ol_flags &
				  (RTE_MBUF_F_RX_IP_CKSUM_MASK | RTE_MBUF_F_RX_L4_CKSUM_MASK),
			  RTE_MBUF_F_RX_IP_CKSUM_BAD | RTE_MBUF_F_RX_L4_CKSUM_BAD, "csum flags");
	TEST_ASSERT(pkts[1]->ol_flags & RTE_MBUF_F_RX_VLAN, "VLAN flag");
	TEST_ASSERT_EQUAL(pkts[1]->vlan_tci, 0x0123, "VLAN tag");
	TEST_ASSERT_EQUAL(pkts[2]->pkt_len, 1, "1 byte");
	TEST_ASSERT_EQUAL(pkts[3]->pkt_len, 2048, "a full buffer");
	for (uint16_t i = 0; i < n; i++)
		TEST_ASSERT_EQUAL(pkts[i]->nb_segs, 1, "one segment");
	rte_pktmbuf_free_bulk(pkts, n);
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT_EQUAL(st.ierrors, 7, "one error a bad frame");
	TEST_ASSERT_EQUAL(st.q_errors[0], 7, "queue errors");
	TEST_ASSERT_EQUAL(st.q_ipackets[0], 4, "queue packets");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	TEST_ASSERT_SUCCESS(h_restart(), "restart");
	TEST_ASSERT_SUCCESS(h_rx_forwards(2 * H_NB_DESC, 60, 2048), "forwarding");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

/* Forge count write-backs from index at on, the last with status last, then take them. */
static uint16_t
h_forge_run(uint16_t at, uint16_t count, uint16_t len, uint8_t last)
{
	struct rte_mbuf *pkts[H_BURST];
	uint16_t got = 0, n;

	for (uint16_t i = 0; i < count; i++)
		hem_rx_forge(&h_dev, (uint16_t)(at + i), len,
			     i + 1 == count ? last : E1000_RXD_STAT_DD, 0);
	do {
		n = rte_eth_rx_burst(h_dev.port_id, 0, pkts, H_BURST);
		got += n;
		rte_pktmbuf_free_bulk(pkts, n);
	} while (n > 0);
	return got;
}

/*
 * Scattered Rx (512-byte buffers): a chain longer than E1000E_RX_MAX_SEGS
 * and one with a bad length in its middle are dropped whole, once each;
 * honest chained frames arrive intact.
 */
static int
test_hostile_rx_chains(void)
{
	struct rte_eth_stats st;
	uint16_t at = 0;

	TEST_ASSERT_SUCCESS(h_setup(512, RTE_ETH_RX_OFFLOAD_SCATTER), "setup");
	/* 80 descriptors without EOP, then EOP: the driver refills between the runs */
	TEST_ASSERT_EQUAL(h_forge_run(at, 40, 512, E1000_RXD_STAT_DD), 0, "no frame yet");
	at += 40;
	TEST_ASSERT_EQUAL(h_forge_run(at, 41, 512, H_DD_EOP), 0, "too long: dropped");
	at += 41;
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT_EQUAL(st.ierrors, 1, "one error for the long chain");
	/* a chain whose third buffer claims 65535 bytes */
	hem_rx_forge(&h_dev, at, 512, E1000_RXD_STAT_DD, 0);
	hem_rx_forge(&h_dev, (uint16_t)(at + 1), 512, E1000_RXD_STAT_DD, 0);
	hem_rx_forge(&h_dev, (uint16_t)(at + 2), 65535, E1000_RXD_STAT_DD, 0);
	TEST_ASSERT_EQUAL(h_forge_run((uint16_t)(at + 3), 2, 512, H_DD_EOP), 0, "dropped");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT_EQUAL(st.ierrors, 2, "one error for the bad chain");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	TEST_ASSERT_SUCCESS(h_restart(), "restart");
	TEST_ASSERT_SUCCESS(h_rx_forwards(2 * H_NB_DESC, 60, 1518), "chained frames");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

/* Queue single-segment frames until the port takes no more; returns how many it took. */
static unsigned int
h_tx_fill(void)
{
	unsigned int sent = 0;

	for (;;) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(h_pool);

		if (m == NULL || rte_pktmbuf_append(m, 60) == NULL) {
			rte_pktmbuf_free(m);
			return sent;
		}
		if (rte_eth_tx_burst(h_dev.port_id, 0, &m, 1) != 1) {
			rte_pktmbuf_free(m);
			return sent;
		}
		sent++;
	}
}

/*
 * Tx write-backs the device had no right to: DD on descriptors not handed
 * over, DD on a later batch before an earlier one, a collision error.
 */
static int
test_hostile_tx_write_backs(void)
{
	static uint8_t out[2048];
	struct rte_eth_stats st;
	unsigned int sent;
	int len;

	TEST_ASSERT_SUCCESS(h_setup(2048, 0), "setup");
	/* DD everywhere before anything was sent: the driver's writes clear it */
	for (uint16_t i = 0; i < H_NB_DESC; i++)
		hem_tx_forge(&h_dev, i, E1000_TXD_STAT_DD);
	sent = h_tx_fill();
	TEST_ASSERT_EQUAL(sent, H_NB_DESC - 1, "a full ring, less the one kept back");
	/* DD on everything but the first RS batch: in order, nothing can be freed */
	for (uint16_t i = 16; i < H_NB_DESC; i++)
		hem_tx_forge(&h_dev, i, E1000_TXD_STAT_DD);
	TEST_ASSERT_EQUAL(h_tx_fill(), 0, "the ring is still full");
	/*
	 * The first batch completes with a late collision: the three batches
	 * done (RS every 16 descriptors) free 48 descriptors, one error.
	 */
	hem_tx_forge(&h_dev, 15, E1000_TXD_STAT_DD | E1000_TXD_STAT_LC);
	sent = h_tx_fill();
	TEST_ASSERT_EQUAL(sent, 48, "ring freed in order");
	TEST_ASSERT_SUCCESS(rte_eth_stats_get(h_dev.port_id, &st), "stats");
	TEST_ASSERT_EQUAL(st.oerrors, 1, "the collision is counted");
	/* the device works honestly again (from where its own TDH was) */
	do
		len = hem_tx_transmit(&h_dev, out, sizeof(out));
	while (len > 0);
	TEST_ASSERT_EQUAL(len, 0, "no frame the device could not send");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	TEST_ASSERT_SUCCESS(h_restart(), "restart");
	TEST_ASSERT_SUCCESS(h_tx_forwards(3 * H_NB_DESC), "forwarding");
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

/*
 * Arming and disarming Rx interrupts, on the polling lcore, writes RXQ0
 * alone to IMS / IMC (write-1-to-set / -clear) and leaves the causes the
 * interrupt thread re-arms untouched: no read-modify-write to race with.
 */
static int
test_hostile_rxq_intr_writes_its_bit_only(void)
{
	const uint32_t other = E1000_ICR_LSC | E1000_ICR_OTHER;
	struct rte_eth_dev *dev;
	struct e1000e_hw *hw;

	TEST_ASSERT_SUCCESS(h_setup(2048, 0), "setup");
	dev = &rte_eth_devices[h_dev.port_id];
	hw = e1000e_dev_hw(dev);
	/* what MSI-X setup with intr_conf.lsc and .rxq leaves */
	atomic_store_explicit(&hw->ims, other, memory_order_relaxed);
	hw->rxq_intr = true;
	TEST_ASSERT_SUCCESS(e1000e_rx_queue_intr_enable(dev, 0), "enable");
	TEST_ASSERT_EQUAL(hem_reg(&h_dev, E1000_IMS), E1000_ICR_RXQ0, "IMS: the queue's bit");
	TEST_ASSERT_SUCCESS(e1000e_rx_queue_intr_disable(dev, 0), "disable");
	TEST_ASSERT_EQUAL(hem_reg(&h_dev, E1000_IMC), E1000_ICR_RXQ0, "IMC: the queue's bit");
	TEST_ASSERT_EQUAL(atomic_load_explicit(&hw->ims, memory_order_relaxed), other,
			  "the interrupt thread's causes");
	hw->rxq_intr = false;
	TEST_ASSERT_SUCCESS(h_stop_check_pool(), "pool");
	h_teardown();
	return TEST_SUCCESS;
}

static const struct test_case hostile_e1000e_cases[] = {
	TEST_CASE(test_hostile_rx_dd_unowned_empty_pool),
	TEST_CASE(test_hostile_rx_empty_pool_recovers),
	TEST_CASE(test_hostile_rx_lengths_and_errors),
	TEST_CASE(test_hostile_rx_chains),
	TEST_CASE(test_hostile_tx_write_backs),
	TEST_CASE(test_hostile_rxq_intr_writes_its_bit_only),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hostile_e1000e, TEST_SUITE_EAL, hostile_e1000e_cases);
