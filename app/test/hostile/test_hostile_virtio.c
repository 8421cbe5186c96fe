/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio against a device that breaks the rules (hostile_virtio): a
 * software device (hostile_virtio_model.c) drives the driver's own Rx, Tx
 * and control queues, split and packed, and answers with used entries for
 * buffers the driver does not own, ids out of range or repeated, lengths of
 * 0, past the buffer or 65535, num_buffers past anything in flight, flipped
 * wrap counters, completions out of order, while the mempool runs dry and
 * fills again; control commands answered late, twice, under the wrong
 * token or with a bad status. Each case checks that the port counts what it
 * drops, leaks no mbuf (the pool is full again after release) and passes
 * good frames byte for byte once the device behaves.
 */
#include <errno.h>
#include <pthread.h>
#include <unistd.h>

#include <rte_malloc.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "hostile_virtio_model.h"
#include "test.h"

#define HV_PORT_ID (RTE_MAX_ETHPORTS - 1) /* no real port is ever this one */
#define HV_QSIZE 64
#define HV_TX_QSIZE 16
#define HV_POOL_N 512
#define HV_ROOM RTE_MBUF_DEFAULT_BUF_SIZE
#define HV_BURST 64

static struct hv_port hv_p;
static struct hv_dev hv_d;
static struct rte_mempool *hv_pool;

static const bool hv_kinds[] = {false, true}; /* split, packed */
#define HV_KIND(packed) ((packed) ? "packed" : "split")

static struct virtio_rxq *
hv_rxq(void)
{
	return hv_p.rxq[0];
}

static uint64_t
hv_ierrors(void)
{
	struct rte_eth_stats st;

	memset(&st, 0, sizeof(st));
	virtio_stats_get(&hv_p.dev, &st);
	return st.ierrors;
}

static uint64_t
hv_oerrors(void)
{
	struct rte_eth_stats st;

	memset(&st, 0, sizeof(st));
	virtio_stats_get(&hv_p.dev, &st);
	return st.oerrors;
}

static void hv_ctrl_close(void);
static bool hv_ctrl_running;

/* What a failed case left behind: queues, the device thread, the pool. */
static void
hv_leftovers_free(void)
{
	if (hv_ctrl_running)
		hv_ctrl_close();
	if (hv_p.dev.data != NULL) {
		virtio_rx_queue_release(&hv_p.dev, 0);
		virtio_tx_queue_release(&hv_p.dev, 0);
		virtio_cvq_free(&hv_p.hw);
	}
	rte_mempool_free(hv_pool);
	hv_pool = NULL;
}

static int
hv_pool_open(void)
{
	hv_leftovers_free();
	/* no per-lcore cache: the pool's count is exact */
	hv_pool = rte_pktmbuf_pool_create("hv_pool", HV_POOL_N, 0, 0, HV_ROOM, SOCKET_ID_ANY);
	return hv_pool != NULL ? 0 : -ENOMEM;
}

/* An Rx queue of a started port, the device model on its ring. */
static int
hv_rx_open(bool packed, bool mrg)
{
	uint64_t features =
		VIRTIO_BIT(VIRTIO_F_VERSION_1) | (mrg ? VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) : 0);
	struct rte_eth_rxconf conf = {.offloads = mrg ? RTE_ETH_RX_OFFLOAD_SCATTER : 0};
	int ret;

	if (hv_pool_open() != 0)
		return -ENOMEM;
	hv_port_init(&hv_p, HV_PORT_ID, features, packed, HV_QSIZE);
	ret = virtio_rx_queue_setup(&hv_p.dev, 0, HV_QSIZE, SOCKET_ID_ANY, &conf, hv_pool);
	if (ret == 0)
		ret = virtio_rxq_start(&hv_p.dev, 0);
	if (ret != 0)
		return ret;
	hv_dev_attach(&hv_d, &hv_rxq()->vq);
	return 0;
}

/* Release the queue; 0 when every mbuf went back to the pool. */
static int
hv_close(void)
{
	unsigned int avail;

	virtio_rx_queue_release(&hv_p.dev, 0);
	virtio_tx_queue_release(&hv_p.dev, 0);
	virtio_cvq_free(&hv_p.hw);
	avail = rte_mempool_avail_count(hv_pool);
	rte_mempool_free(hv_pool);
	hv_pool = NULL;
	if (avail != HV_POOL_N) {
		printf("  %u mbufs of %u came back\n", avail, HV_POOL_N);
		return -1;
	}
	return 0;
}

static void
hv_frame_fill(uint8_t *buf, uint32_t len, uint32_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		buf[i] = (uint8_t)(seed * 31 + i * 7 + (i >> 8));
}

/* Whether m holds exactly the frame of len bytes made from seed. */
static bool
hv_frame_is(const struct rte_mbuf *m, uint32_t len, uint32_t seed)
{
	static uint8_t want[16384], got[16384];
	const void *p;

	if (m->pkt_len != len || len > sizeof(want))
		return false;
	hv_frame_fill(want, len, seed);
	p = rte_pktmbuf_read(m, 0, len, got);
	return p != NULL && memcmp(p, want, len) == 0;
}

/* The device sends a frame of len bytes made from seed. */
static int
hv_send(uint32_t len, uint32_t seed, bool mrg)
{
	static uint8_t frame[16384];

	hv_frame_fill(frame, len, seed);
	return hv_dev_rx_frame(&hv_d, frame, len, mrg);
}

/* The burst function the port would use, for good-frame checks. */
static uint16_t
hv_recv(struct rte_mbuf **pkts, uint16_t n)
{
	return hv_p.hw.packed ? virtio_recv_pkts_packed(hv_rxq(), pkts, n)
			      : virtio_recv_pkts(hv_rxq(), pkts, n);
}

/*
 * The device sends n good frames (lengths from lens, in turn); the driver
 * must hand up exactly those, byte for byte, and count no error.
 */
static int
hv_rx_good(unsigned int n, const uint32_t *lens, unsigned int nb_lens, bool mrg)
{
	struct rte_mbuf *pkts[HV_BURST];
	uint64_t errors = hv_ierrors();
	unsigned int got = 0;

	for (unsigned int i = 0; i < n; i++) {
		/* the driver refills as it goes: one burst a frame keeps it fed */
		TEST_ASSERT(hv_send(lens[i % nb_lens], 1000 + i, mrg) > 0,
			    "the driver made no buffer available for frame %u", i);
		uint16_t nb = hv_recv(pkts, HV_BURST);

		for (uint16_t k = 0; k < nb; k++, got++) {
			bool same =
				got < n && hv_frame_is(pkts[k], lens[got % nb_lens], 1000 + got);

			rte_pktmbuf_free(pkts[k]);
			TEST_ASSERT(same, "frame %u differs from what the device sent", got);
		}
	}
	TEST_ASSERT_EQUAL(got, n, "frames handed up");
	TEST_ASSERT_EQUAL(hv_ierrors(), errors, "errors counted for good frames");
	return TEST_SUCCESS;
}

/* Whatever the driver hands up, freed: the number of frames. */
static uint16_t
hv_burst(void)
{
	struct rte_mbuf *pkts[HV_BURST];
	uint16_t nb = hv_recv(pkts, HV_BURST);

	rte_pktmbuf_free_bulk(pkts, nb);
	return nb;
}

static int
hv_rx_good_after(bool mrg)
{
	static const uint32_t lens[] = {60, 1514, 64, 999};

	/* twice round the ring: indexes and wrap counters go past their start */
	return hv_rx_good(2 * HV_QSIZE + 3, lens, RTE_DIM(lens), mrg);
}

/* --- Rx cases ---------------------------------------------------------------- */

static int
test_rx_good_frames(void)
{
	static const uint32_t lens[] = {60, 1514};
	static const uint32_t jumbo[] = {5000, 60, 9000};

	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], false), "queue setup");
		TEST_ASSERT_SUCCESS(hv_rx_good(3 * HV_QSIZE, lens, RTE_DIM(lens), false),
				    "good frames");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
		/* merged buffers: frames over several mbufs, handed up as chains */
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], true), "queue setup");
		TEST_ASSERT_SUCCESS(hv_rx_good(HV_QSIZE, jumbo, RTE_DIM(jumbo), true),
				    "merged frames");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* Ids past the ring, and ids of buffers the driver has taken back already. */
static int
test_rx_bad_ids(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		/* the used id of a packed ring has 16 bits, that of a split ring 32 */
		static const uint32_t bad_split[] = {HV_QSIZE, 0xFFFF, 0x10000, 0xFFFFFFFF};
		static const uint32_t bad_packed[] = {HV_QSIZE, HV_QSIZE + 1, 0x8000, 0xFFFF};
		const uint32_t *bad = hv_kinds[i] ? bad_packed : bad_split;
		const unsigned int nb_bad = RTE_DIM(bad_split);
		uint32_t done_id;

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], false), "queue setup");
		TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, HV_QSIZE), HV_QSIZE, "buffers posted");
		for (unsigned int k = 0; k < nb_bad; k++)
			hv_dev_complete_as(&hv_d, 0, bad[k], 100);
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frames from bad ids");
		TEST_ASSERT_EQUAL(hv_ierrors(), nb_bad, "errors for ids out of range");
		/* one good frame, then its id again: the driver no longer owns it */
		done_id = hv_d.held[0].id;
		TEST_ASSERT(hv_send(100, 1, false) == 1, "frame sent");
		TEST_ASSERT_EQUAL(hv_burst(), 1, "the good frame");
		hv_dev_complete_as(&hv_d, 0, done_id, 100);
		hv_dev_complete_as(&hv_d, 0, done_id, 100);
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frames from repeated ids");
		TEST_ASSERT_EQUAL(hv_ierrors(), nb_bad + 2, "errors for repeated ids");
		TEST_ASSERT_SUCCESS(hv_rx_good_after(false), "good frames after bad ids");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* Lengths no buffer can have: the buffer goes back, the frame is dropped. */
static int
test_rx_bad_lengths(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		const uint32_t buf_len = HV_ROOM - RTE_PKTMBUF_HEADROOM + VIRTIO_HDR_SIZE;
		const uint32_t bad[] = {0, 1, VIRTIO_HDR_SIZE, buf_len + 1, 65535, 0xFFFFFFFF};
		uint16_t nb_free;

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], false), "queue setup");
		TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, HV_QSIZE), HV_QSIZE, "buffers posted");
		nb_free = hv_rxq()->nb_free;
		for (unsigned int k = 0; k < RTE_DIM(bad); k++)
			hv_dev_complete(&hv_d, 0, bad[k]);
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frames of bad lengths");
		TEST_ASSERT_EQUAL(hv_ierrors(), RTE_DIM(bad), "errors for bad lengths");
		TEST_ASSERT_EQUAL(hv_rxq()->nb_free, nb_free + RTE_DIM(bad),
				  "the buffers of bad lengths are the driver's again");
		/* the longest length a buffer can take is a frame */
		TEST_ASSERT(hv_send(buf_len - VIRTIO_HDR_SIZE, 7, false) == 1, "frame sent");
		{
			struct rte_mbuf *m;

			TEST_ASSERT_EQUAL(hv_recv(&m, 1), 1, "full-buffer frame");
			TEST_ASSERT(hv_frame_is(m, buf_len - VIRTIO_HDR_SIZE, 7), "its bytes");
			rte_pktmbuf_free(m);
		}
		TEST_ASSERT_SUCCESS(hv_rx_good_after(false), "good frames after bad lengths");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* 5.1.6.4.2 num_buffers from the device: 0, more than in flight, a bad buffer inside. */
static int
test_rx_bad_num_buffers(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		static const uint16_t bad[] = {0, HV_QSIZE + 1, 0xFFFF};
		struct virtio_net_hdr hdr = {0};
		struct rte_mbuf *m;

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], true), "queue setup");
		TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, HV_QSIZE), HV_QSIZE, "buffers posted");
		for (unsigned int k = 0; k < RTE_DIM(bad); k++) {
			hdr.num_buffers = bad[k];
			hv_dev_buf_write(&hv_d, 0, 0, &hdr, sizeof(hdr));
			hv_dev_complete(&hv_d, 0, 200);
		}
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frames with bad num_buffers");
		TEST_ASSERT_EQUAL(hv_ierrors(), RTE_DIM(bad), "errors for bad num_buffers");
		/* a frame of 3 buffers whose second names an id out of range */
		hdr.num_buffers = 3;
		hv_dev_buf_write(&hv_d, 0, 0, &hdr, sizeof(hdr));
		hv_dev_complete(&hv_d, 0, 200);
		hv_dev_complete_as(&hv_d, 0, 0xFFFF, 100);
		hv_dev_complete(&hv_d, 0, 100);
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frame with a bad buffer inside");
		TEST_ASSERT_EQUAL(hv_ierrors(), RTE_DIM(bad) + 1, "error for the bad frame");
		/* the frame of 2 buffers is taken only once both are back */
		hdr.num_buffers = 2;
		{
			uint8_t data[2 * HV_ROOM];
			uint32_t first = hv_d.held[0].first_len - VIRTIO_HDR_SIZE;

			hv_frame_fill(data, first + 300, 77);
			hv_dev_buf_write(&hv_d, 0, 0, &hdr, sizeof(hdr));
			hv_dev_buf_write(&hv_d, 0, VIRTIO_HDR_SIZE, data, first);
			hv_dev_buf_write(&hv_d, 1, 0, data + first, 300);
			hv_dev_complete(&hv_d, 0, VIRTIO_HDR_SIZE + first);
			TEST_ASSERT_EQUAL(hv_recv(&m, 1), 0, "half a frame handed up");
			hv_dev_complete(&hv_d, 0, 300);
			TEST_ASSERT_EQUAL(hv_recv(&m, 1), 1, "the whole frame");
			TEST_ASSERT_EQUAL(m->nb_segs, 2, "segments");
			TEST_ASSERT(hv_frame_is(m, first + 300, 77), "its bytes");
			rte_pktmbuf_free(m);
		}
		TEST_ASSERT_EQUAL(hv_ierrors(), RTE_DIM(bad) + 1, "no error for a split frame");
		TEST_ASSERT_SUCCESS(hv_rx_good_after(true), "good frames after bad num_buffers");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* Completions in another order than the buffers went out. */
static int
test_rx_out_of_order(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		static const uint32_t order[] = {2, 0, 0}; /* held positions, shifting */
		uint8_t frame[256];
		struct rte_mbuf *pkts[4];

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], false), "queue setup");
		TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, 3), 3, "buffers posted");
		for (uint32_t k = 0; k < 3; k++) {
			struct virtio_net_hdr hdr = {.num_buffers = 1};

			hv_frame_fill(frame, 100 + k, k);
			hv_dev_buf_write(&hv_d, k, 0, &hdr, sizeof(hdr));
			hv_dev_buf_write(&hv_d, k, VIRTIO_HDR_SIZE, frame, 100 + k);
		}
		/* held 2 (frame 2), then held 0 (frame 0), then what is left (frame 1) */
		hv_dev_complete(&hv_d, order[0], VIRTIO_HDR_SIZE + 102);
		hv_dev_complete(&hv_d, order[1], VIRTIO_HDR_SIZE + 100);
		hv_dev_complete(&hv_d, order[2], VIRTIO_HDR_SIZE + 101);
		TEST_ASSERT_EQUAL(hv_recv(pkts, 4), 3, "frames out of order");
		TEST_ASSERT(hv_frame_is(pkts[0], 102, 2) && hv_frame_is(pkts[1], 100, 0) &&
				    hv_frame_is(pkts[2], 101, 1),
			    "frames in completion order");
		rte_pktmbuf_free_bulk(pkts, 3);
		TEST_ASSERT_EQUAL(hv_ierrors(), 0, "errors");
		TEST_ASSERT_SUCCESS(hv_rx_good_after(false), "good frames after");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* 2.7.1: a used descriptor written for the wrong lap is not used. */
static int
test_rx_packed_wrap_flipped(void)
{
	struct virtio_net_hdr hdr = {.num_buffers = 1};
	uint8_t frame[128];
	struct rte_mbuf *m;

	TEST_ASSERT_SUCCESS(hv_rx_open(true, false), "queue setup");
	TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, HV_QSIZE), HV_QSIZE, "buffers posted");
	hv_frame_fill(frame, sizeof(frame), 5);
	hv_dev_buf_write(&hv_d, 0, 0, &hdr, sizeof(hdr));
	hv_dev_buf_write(&hv_d, 0, VIRTIO_HDR_SIZE, frame, sizeof(frame));
	hv_dev_used_write(&hv_d, hv_d.held[0].id, VIRTIO_HDR_SIZE + sizeof(frame), 1, true);
	TEST_ASSERT_EQUAL(hv_recv(&m, 1), 0, "frame from the wrong lap");
	TEST_ASSERT_EQUAL(hv_rxq()->vq.used_cons, 0, "the driver moved on");
	hv_dev_complete(&hv_d, 0, VIRTIO_HDR_SIZE + sizeof(frame));
	TEST_ASSERT_EQUAL(hv_recv(&m, 1), 1, "frame once the lap is right");
	TEST_ASSERT(hv_frame_is(m, sizeof(frame), 5), "its bytes");
	rte_pktmbuf_free(m);
	TEST_ASSERT_SUCCESS(hv_rx_good_after(false), "good frames after");
	TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	return TEST_SUCCESS;
}

/* The pool runs dry with frames arriving, then fills again. */
static int
test_rx_pool_exhausted(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		static void *stolen[HV_POOL_N];
		struct rte_mbuf *kept[HV_QSIZE];
		unsigned int nb_stolen = 0, nb_kept = 0;
		struct rte_eth_stats st;

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_rx_open(hv_kinds[i], false), "queue setup");
		while (rte_mempool_get(hv_pool, &stolen[nb_stolen]) == 0)
			nb_stolen++;
		/* every posted buffer gets a frame the application keeps */
		while (nb_kept < HV_QSIZE) {
			struct rte_mbuf *m;

			if (hv_send(60, nb_kept, false) != 1)
				break;
			TEST_ASSERT_EQUAL(hv_recv(&m, 1), 1, "frame while the pool is dry");
			TEST_ASSERT(hv_frame_is(m, 60, nb_kept), "its bytes");
			kept[nb_kept++] = m;
		}
		TEST_ASSERT_EQUAL(nb_kept, HV_QSIZE, "frames before the ring ran empty");
		TEST_ASSERT_EQUAL(hv_send(60, 0, false), -1, "a buffer with an empty pool");
		TEST_ASSERT_EQUAL(hv_burst(), 0, "frames from an empty ring");
		memset(&st, 0, sizeof(st));
		virtio_stats_get(&hv_p.dev, &st);
		TEST_ASSERT(st.rx_nombuf > 0, "refills that failed are counted");
		TEST_ASSERT_EQUAL(st.ierrors, 0, "errors");
		rte_mempool_put_bulk(hv_pool, stolen, nb_stolen);
		rte_pktmbuf_free_bulk(kept, nb_kept);
		TEST_ASSERT_EQUAL(hv_burst(), 0, "refill burst");
		TEST_ASSERT_SUCCESS(hv_rx_good_after(false), "good frames once the pool is back");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* --- Tx ---------------------------------------------------------------------- */

static int
hv_tx_open(bool packed)
{
	struct rte_eth_txconf conf = {0};
	int ret;

	if (hv_pool_open() != 0)
		return -ENOMEM;
	hv_port_init(&hv_p, HV_PORT_ID, VIRTIO_BIT(VIRTIO_F_VERSION_1), packed, HV_TX_QSIZE);
	ret = virtio_tx_queue_setup(&hv_p.dev, 0, HV_TX_QSIZE, SOCKET_ID_ANY, &conf);
	if (ret != 0)
		return ret;
	virtio_txq_start(&hv_p.dev, 0);
	hv_dev_attach(&hv_d, &((struct virtio_txq *)hv_p.txq[0])->vq);
	return 0;
}

static uint16_t
hv_xmit(struct rte_mbuf **pkts, uint16_t n)
{
	return hv_p.hw.packed ? virtio_xmit_pkts_packed(hv_p.txq[0], pkts, n)
			      : virtio_xmit_pkts(hv_p.txq[0], pkts, n);
}

/* A frame of len bytes from seed, in one mbuf or (chain) two. */
static struct rte_mbuf *
hv_tx_frame(uint32_t len, uint32_t seed, bool chain)
{
	uint8_t data[2048];
	struct rte_mbuf *m = rte_pktmbuf_alloc(hv_pool), *m2;
	uint32_t first = chain ? len / 2 : len;

	if (m == NULL)
		return NULL;
	hv_frame_fill(data, len, seed);
	memcpy(rte_pktmbuf_append(m, (uint16_t)first), data, first);
	if (chain) {
		m2 = rte_pktmbuf_alloc(hv_pool);
		if (m2 == NULL) {
			rte_pktmbuf_free(m);
			return NULL;
		}
		memcpy(rte_pktmbuf_append(m2, (uint16_t)(len - first)), data + first, len - first);
		rte_pktmbuf_chain(m, m2);
	}
	return m;
}

/* The device takes n frames and checks each (header, then bytes) against seed0 on. */
static int
hv_tx_check(unsigned int n, uint32_t len, uint32_t seed0)
{
	static uint8_t got[4096], want[4096];

	TEST_ASSERT_EQUAL(hv_dev_fetch(&hv_d, n), n, "frames the device sees");
	for (unsigned int k = 0; k < n; k++) {
		uint32_t l = hv_dev_buf_read(&hv_d, hv_d.nb_held - n + k, got, sizeof(got));

		hv_frame_fill(want, len, seed0 + k);
		TEST_ASSERT_EQUAL(l, VIRTIO_HDR_SIZE + len, "bytes of frame %u", k);
		TEST_ASSERT(memcmp(got + VIRTIO_HDR_SIZE, want, len) == 0, "frame %u bytes", k);
	}
	return TEST_SUCCESS;
}

static int
test_tx_bad_completions(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		bool packed = hv_kinds[i];
		struct rte_mbuf *pkts[HV_TX_QSIZE];
		unsigned int n = HV_TX_QSIZE / 2 + 2; /* leaves fewer free than the threshold */

		printf("  %s\n", HV_KIND(packed));
		TEST_ASSERT_SUCCESS(hv_tx_open(packed), "queue setup");
		for (unsigned int k = 0; k < n; k++)
			pkts[k] = hv_tx_frame(200, k, k < n / 2 ? k % 2 == 1 : k == n / 2);
		TEST_ASSERT_EQUAL(hv_xmit(pkts, (uint16_t)(n / 2)), n / 2, "frames sent");
		TEST_ASSERT_SUCCESS(hv_tx_check(n / 2, 200, 0), "what the device got");
		/* one right, then one repeated and one past the ring */
		uint32_t id = hv_d.held[0].id;

		hv_dev_complete(&hv_d, 0, 0);
		hv_dev_complete_as(&hv_d, 0, id, 0);
		hv_dev_complete_as(&hv_d, 0, 0xFFFF, 0);
		TEST_ASSERT_EQUAL(hv_xmit(pkts + n / 2, (uint16_t)(n - n / 2)), n - n / 2,
				  "frames sent");
		TEST_ASSERT(hv_oerrors() >= 1, "bad completions counted");
		if (!packed) {
			/* split ring: the rest still comes back and the queue goes on */
			TEST_ASSERT_EQUAL(hv_oerrors(), 2, "bad completions counted");
			TEST_ASSERT_SUCCESS(hv_tx_check(n - n / 2, 200, n / 2), "later frames");
			while (hv_d.nb_held > 0)
				hv_dev_complete(&hv_d, 0, 0);
			for (unsigned int k = 0; k < n; k++)
				pkts[k] = hv_tx_frame(300, 50 + k, k == 0);
			TEST_ASSERT_EQUAL(hv_xmit(pkts, (uint16_t)n), n, "frames after");
			TEST_ASSERT_SUCCESS(hv_tx_check(n, 300, 50), "frames after, bytes");
		}
		/* whatever the device still holds goes back at release */
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* --- control queue ------------------------------------------------------------ */

enum hv_ctrl_mode {
	HV_CTRL_SILENT, /* take commands, answer none */
	HV_CTRL_OK,
	HV_CTRL_ERR,	   /* answer with VIRTIO_NET_ERR */
	HV_CTRL_TWICE,	   /* answer OK, then the same command again */
	HV_CTRL_BAD_TOKEN, /* answer OK under another token */
};

/* The device side of the control queue, on a thread of its own as a device would be. */
static struct {
	pthread_t thread;
	int mode; /* enum hv_ctrl_mode; atomics: the test thread sets it */
	int stop;
	unsigned int answered;
} hv_ctrl;

static void
hv_ctrl_answer(uint8_t ack, int mode)
{
	struct hv_buf b = hv_d.held[0];
	uint8_t *p = rte_mem_iova2virt(b.last_addr);

	if (p != NULL)
		*(volatile uint8_t *)p = ack;
	if (mode == HV_CTRL_TWICE)
		hv_dev_complete_twice(&hv_d, 0, 1);
	else
		hv_dev_complete(&hv_d, 0, 1);
	__atomic_add_fetch(&hv_ctrl.answered, 1, __ATOMIC_RELEASE);
}

static void *
hv_ctrl_device(void *arg __rte_unused)
{
	while (!__atomic_load_n(&hv_ctrl.stop, __ATOMIC_ACQUIRE)) {
		int mode = __atomic_load_n(&hv_ctrl.mode, __ATOMIC_ACQUIRE);

		hv_dev_fetch(&hv_d, 1);
		if (hv_d.nb_held > 0) {
			switch (mode) {
			case HV_CTRL_OK:
			case HV_CTRL_TWICE:
				hv_ctrl_answer(VIRTIO_NET_OK, mode);
				break;
			case HV_CTRL_ERR:
				hv_ctrl_answer(VIRTIO_NET_ERR, mode);
				break;
			case HV_CTRL_BAD_TOKEN:
				hv_d.held[0].id = (uint16_t)(hv_d.held[0].id + 1);
				hv_ctrl_answer(VIRTIO_NET_OK, mode);
				break;
			default:
				break;
			}
		}
		usleep(50);
	}
	return NULL;
}

static void
hv_ctrl_mode_set(enum hv_ctrl_mode mode)
{
	__atomic_store_n(&hv_ctrl.mode, mode, __ATOMIC_RELEASE);
}

static int
hv_ctrl_send(void)
{
	uint8_t on = 1;

	return virtio_ctrl_send(&hv_p.dev, VIRTIO_NET_CTRL_RX, VIRTIO_NET_CTRL_RX_PROMISC, &on, 1);
}

/* Wait (up to a second) until the device has answered n commands in all. */
static bool
hv_ctrl_answered(unsigned int n)
{
	for (int t = 0; t < 1000; t++) {
		if (__atomic_load_n(&hv_ctrl.answered, __ATOMIC_ACQUIRE) >= n)
			return true;
		usleep(1000);
	}
	return false;
}

static int
hv_ctrl_open(bool packed)
{
	uint64_t features = VIRTIO_BIT(VIRTIO_F_VERSION_1) | VIRTIO_BIT(VIRTIO_NET_F_CTRL_VQ) |
			    VIRTIO_BIT(VIRTIO_NET_F_CTRL_RX);

	if (hv_pool_open() != 0)
		return -ENOMEM;
	hv_port_init(&hv_p, HV_PORT_ID, features, packed, HV_QSIZE);
	if (virtio_cvq_alloc(&hv_p.dev, 2, HV_QSIZE) != 0)
		return -ENOMEM;
	virtio_cvq_reset(&hv_p.hw);
	hv_p.hw.ctrl_timeout_us = 20000; /* a late answer in tens of ms, not seconds */
	hv_dev_attach(&hv_d, hv_p.hw.cvq);
	hv_ctrl.mode = HV_CTRL_OK;
	hv_ctrl.stop = 0;
	hv_ctrl.answered = 0;
	if (pthread_create(&hv_ctrl.thread, NULL, hv_ctrl_device, NULL) != 0)
		return -EAGAIN;
	hv_ctrl_running = true;
	return 0;
}

static void
hv_ctrl_close(void)
{
	__atomic_store_n(&hv_ctrl.stop, 1, __ATOMIC_RELEASE);
	pthread_join(hv_ctrl.thread, NULL);
	hv_ctrl_running = false;
}

/* The port starts again: device and queue reset, the model with them. */
static void
hv_ctrl_restart(void)
{
	hv_ctrl_close();
	virtio_cvq_reset(&hv_p.hw);
	hv_dev_attach(&hv_d, hv_p.hw.cvq);
	hv_ctrl.stop = 0;
	hv_ctrl.answered = 0;
	hv_ctrl_running = pthread_create(&hv_ctrl.thread, NULL, hv_ctrl_device, NULL) == 0;
}

static int
hv_ctrl_case(bool packed)
{
	TEST_ASSERT_SUCCESS(hv_ctrl_open(packed), "control queue setup");
	hv_ctrl_mode_set(HV_CTRL_OK);
	for (int k = 0; k < 2 * HV_QSIZE; k++)
		TEST_ASSERT_SUCCESS(hv_ctrl_send(), "command %d answered OK", k);
	hv_ctrl_mode_set(HV_CTRL_ERR);
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EIO, "command answered ERR");
	/* late: no answer in time, then the answer comes while nothing else waits */
	hv_ctrl_mode_set(HV_CTRL_SILENT);
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -ETIMEDOUT, "command with no answer");
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EBUSY, "command while the late one is out");
	unsigned int answered = __atomic_load_n(&hv_ctrl.answered, __ATOMIC_ACQUIRE);

	hv_ctrl_mode_set(HV_CTRL_OK);
	TEST_ASSERT(hv_ctrl_answered(answered + 1), "the late answer");
	/* the next command's status is its own, not the late one's OK */
	hv_ctrl_mode_set(HV_CTRL_ERR);
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EIO, "command after a late answer");
	hv_ctrl_mode_set(HV_CTRL_OK);
	TEST_ASSERT_SUCCESS(hv_ctrl_send(), "command after a late answer");
	/* twice: the second answer is no answer to the next command */
	hv_ctrl_mode_set(HV_CTRL_TWICE);
	TEST_ASSERT_SUCCESS(hv_ctrl_send(), "command answered twice");
	hv_ctrl_mode_set(HV_CTRL_SILENT);
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EIO, "command after a double answer");
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EIO, "the queue stays off until reset");
	hv_ctrl_restart();
	hv_ctrl_mode_set(HV_CTRL_OK);
	TEST_ASSERT_SUCCESS(hv_ctrl_send(), "command after reset");
	hv_ctrl_mode_set(HV_CTRL_BAD_TOKEN);
	TEST_ASSERT_EQUAL(hv_ctrl_send(), -EIO, "answer under another token");
	hv_ctrl_restart();
	hv_ctrl_mode_set(HV_CTRL_OK);
	TEST_ASSERT_SUCCESS(hv_ctrl_send(), "command after reset");
	hv_ctrl_close();
	TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	return TEST_SUCCESS;
}

/* Commands from two threads at once each get their own answer. */
static void *
hv_ctrl_sender(void *arg)
{
	int *failures = arg;

	for (int k = 0; k < 200; k++)
		if (hv_ctrl_send() != 0)
			(*failures)++;
	return NULL;
}

static int
test_ctrl_queue(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		printf("  %s\n", HV_KIND(hv_kinds[i]));
		if (hv_ctrl_case(hv_kinds[i]) != TEST_SUCCESS)
			return TEST_FAILED;
	}
	return TEST_SUCCESS;
}

static int
test_ctrl_concurrent(void)
{
	for (unsigned int i = 0; i < RTE_DIM(hv_kinds); i++) {
		pthread_t other;
		int failures[2] = {0, 0};

		printf("  %s\n", HV_KIND(hv_kinds[i]));
		TEST_ASSERT_SUCCESS(hv_ctrl_open(hv_kinds[i]), "control queue setup");
		hv_p.hw.ctrl_timeout_us = 1000000; /* only a lost command would take this */
		TEST_ASSERT_SUCCESS(pthread_create(&other, NULL, hv_ctrl_sender, &failures[1]),
				    "thread");
		hv_ctrl_sender(&failures[0]);
		pthread_join(other, NULL);
		hv_ctrl_close();
		TEST_ASSERT_EQUAL(failures[0] + failures[1], 0, "commands that failed");
		TEST_ASSERT_EQUAL(hv_ctrl.answered, 400, "commands the device answered");
		TEST_ASSERT_SUCCESS(hv_close(), "mbufs leaked");
	}
	return TEST_SUCCESS;
}

/* --- device registers ---------------------------------------------------------- */

/* 2.6 / 2.7: queue sizes the device reports are refused unless a ring can have them. */
static int
test_queue_size_bounds(void)
{
	static const struct {
		uint32_t size;
		bool split_ok, packed_ok;
	} cases[] = {
		{0, false, false},     {1, true, true},	      {256, true, true},
		{3000, false, true},   {32768, true, true},   {32769, false, false},
		{49152, false, false}, {65535, false, false},
	};

	for (unsigned int i = 0; i < RTE_DIM(cases); i++) {
		TEST_ASSERT_EQUAL(virtq_size_valid(cases[i].size, false), cases[i].split_ok,
				  "split size %u", cases[i].size);
		TEST_ASSERT_EQUAL(virtq_size_valid(cases[i].size, true), cases[i].packed_ok,
				  "packed size %u", cases[i].size);
	}
	/* through probe's reading of the common configuration */
	for (unsigned int i = 0; i < RTE_DIM(cases); i++) {
		for (unsigned int k = 0; k < RTE_DIM(hv_kinds); k++) {
			struct virtio_pci_common_cfg common;
			bool ok = hv_kinds[k] ? cases[i].packed_ok : cases[i].split_ok;
			int ret;

			memset(&common, 0, sizeof(common));
			common.queue_size = (uint16_t)cases[i].size;
			if (common.queue_size != cases[i].size)
				continue;
			hv_port_init(&hv_p, HV_PORT_ID, 0, hv_kinds[k], 0);
			hv_p.hw.common = &common;
			hv_p.hw.num_queues = 3;
			hv_p.hw.vq_max = NULL;
			ret = virtio_queue_sizes_read(&hv_p.dev, &hv_p.hw);
			rte_free(hv_p.hw.vq_max);
			TEST_ASSERT_EQUAL(ret, ok ? 0 : -ENODEV, "%s queue_size %u",
					  HV_KIND(hv_kinds[k]), cases[i].size);
		}
	}
	return TEST_SUCCESS;
}

static const struct test_case hostile_virtio_cases[] = {
	TEST_CASE(test_rx_good_frames),	   TEST_CASE(test_rx_bad_ids),
	TEST_CASE(test_rx_bad_lengths),	   TEST_CASE(test_rx_bad_num_buffers),
	TEST_CASE(test_rx_out_of_order),   TEST_CASE(test_rx_packed_wrap_flipped),
	TEST_CASE(test_rx_pool_exhausted), TEST_CASE(test_tx_bad_completions),
	TEST_CASE(test_ctrl_queue),	   TEST_CASE(test_ctrl_concurrent),
	TEST_CASE(test_queue_size_bounds), TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hostile_virtio, TEST_SUITE_EAL, hostile_virtio_cases);
