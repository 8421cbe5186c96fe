/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: net_memif's Rx and Tx bursts over rings a peer
 * writes. A server port is connected once to the hand-written client of
 * the hostile_memif suite; the input is a program of what that client
 * does in the shared region (ring indices, descriptor fields, frame
 * bytes, ring flags, raw bytes anywhere in the region), interleaved with
 * the port's Rx and Tx bursts and, at most once an input, the client
 * leaving. Every frame handed up must be a well-formed chain within
 * memif's length limit, and every mbuf must be back in the pool after
 * each input. The ring indices are brought back in step before each input
 * so that inputs do not depend on the ones before them.
 *
 * Built with the other targets (-Dfuzz=true, see fuzz/README.md).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "fuzz_rx.h"
#include "hostile_memif_peer.h"
#include "memif.h"

#define FZ_DEV_NAME "net_memif_fz"
#define FZ_POOL_N 1023
#define FZ_BURST_MAX 32
#define FZ_TX_MAX 8
/* memif buffers hold at most 16 bits of length; so does a frame */
#define FZ_FRAME_MAX UINT16_MAX

enum fz_op {
	FZ_C2S_PUT,	/* flags8, region8, offset32, length32: one descriptor, head moved */
	FZ_C2S_SEND,	/* n, len16: n good frames of len bytes */
	FZ_DESC,	/* ring:slot8, field8, value32: one descriptor field, in place */
	FZ_HEAD,	/* ring8, value16 */
	FZ_TAIL,	/* ring8, value16 */
	FZ_FLAGS,	/* ring8, value16: ring flags (MASK_INT) */
	FZ_BYTES,	/* off16, n, n bytes: anywhere in the region */
	FZ_RX_BURST,	/* n */
	FZ_TX_BURST,	/* n, then per packet len16, segs8 */
	FZ_S2C_POST,	/* n: the client posts n good buffers */
	FZ_POOL_DRAIN,	/* the port's pool runs dry */
	FZ_POOL_REFILL, /* and comes back */
	FZ_DISCONNECT,	/* the client leaves; the rest of the input runs unconnected */
	FZ_NB_OPS,
};

static struct rte_mempool *fz_pool;
static struct hm_peer fz_peer = {.sock = -1, .memfd = -1, .efd = {-1, -1}};
static char fz_sock_name[64];
static uint16_t fz_port;
static bool fz_connected;

static bool
fz_link_is(int up)
{
	struct rte_eth_link link;

	for (int i = 0; i < 5000; i++) {
		if (rte_eth_link_get_nowait(fz_port, &link) == 0 && link.link_status == up)
			return true;
		rte_delay_us_sleep(1000);
	}
	return false;
}

static struct memif_queue *
fz_queue(bool rx)
{
	struct rte_eth_dev_data *data = rte_eth_devices[fz_port].data;

	return rx ? data->rx_queues[0] : data->tx_queues[0];
}

/* The client connects (at start, and again after a FZ_DISCONNECT). */
static void
fz_connect(void)
{
	/*
	 * A loaded machine can miss one of the 5 s waits of a connection: try
	 * three times, saying which step failed, before calling it a hang of
	 * the port.
	 */
	for (int attempt = 1; attempt <= 3; attempt++) {
		const char *step = NULL;

		hm_peer_close(&fz_peer);
		if (hm_peer_open(&fz_peer, fz_sock_name, true) != 0)
			step = "HELLO/INIT";
		else if (hm_peer_connect(&fz_peer) != 0)
			step = "regions, rings or CONNECT";
		else if (!fz_link_is(1))
			step = "link up";
		if (step == NULL) {
			fz_connected = true;
			return;
		}
		fprintf(stderr, "fuzz_memif_rx: connection attempt %d failed at %s\n", attempt,
			step);
	}
	fprintf(stderr, "fuzz_memif_rx: the client could not connect\n");
	abort();
}

/* Both rings empty and in step with the port, every slot in its own buffer. */
static void
fz_rings_reset(void)
{
	struct memif_ring *rings[2] = {fz_peer.c2s, fz_peer.s2c};
	uint16_t idx[2] = {fz_queue(true)->last, fz_queue(false)->last};

	for (unsigned int r = 0; r < 2; r++) {
		for (unsigned int j = 0; j < HM_SLOTS; j++) {
			struct memif_desc *d = &rings[r]->desc[j];

			d->flags = 0;
			d->region = 0;
			d->offset = HM_BUFS_OFF + (r * HM_SLOTS + j) * HM_BSIZE;
			d->length = HM_BSIZE;
		}
		rings[r]->cookie = MEMIF_COOKIE;
		rings[r]->flags = MEMIF_RING_MASK_INT;
		rings[r]->tail = idx[r];
		__atomic_store_n(&rings[r]->head, idx[r], __ATOMIC_RELEASE);
	}
	fz_peer.c2s_head = idx[0];
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *eal_args[] = {(*argv)[0], "--no-huge", "--no-pci",    "-l", "0",
			    "-m",	"256",	     "--log-level", "1"};
	struct rte_eth_conf conf;
	char args[128];

	(void)argc;
	if (rte_eal_init((int)RTE_DIM(eal_args), eal_args) < 0)
		abort();
	fz_pool = rte_pktmbuf_pool_create("fz_pool", FZ_POOL_N, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	snprintf(fz_sock_name, sizeof(fz_sock_name), "sluice-fuzz-memif-%d", (int)getpid());
	snprintf(args, sizeof(args), "role=server,socket=%s,rsize=%u", fz_sock_name, HM_LOG2);
	memset(&conf, 0, sizeof(conf));
	if (fz_pool == NULL || rte_vdev_init(FZ_DEV_NAME, args) != 0 ||
	    rte_eth_dev_get_port_by_name(FZ_DEV_NAME, &fz_port) != 0 ||
	    rte_eth_dev_configure(fz_port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(fz_port, 0, 0, SOCKET_ID_ANY, NULL, fz_pool) != 0 ||
	    rte_eth_tx_queue_setup(fz_port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(fz_port) != 0)
		abort();
	fz_connect();
	return 0;
}

/* Beyond a well-formed chain: within memif's length limit, from our port. */
static void
fz_frame_check(const struct rte_mbuf *m)
{
	if (m->pkt_len > FZ_FRAME_MAX || m->port != fz_port)
		abort();
	fuzz_mbuf_check(m);
}

static uint16_t
fz_rx(uint16_t n)
{
	struct rte_mbuf *pkts[FZ_BURST_MAX];
	uint16_t nb;

	n = (uint16_t)RTE_MIN(RTE_MAX(n, 1), FZ_BURST_MAX);
	nb = rte_eth_rx_burst(fz_port, 0, pkts, n);
	if (nb > n)
		abort();
	for (uint16_t i = 0; i < nb; i++)
		fz_frame_check(pkts[i]);
	rte_pktmbuf_free_bulk(pkts, nb);
	return nb;
}

/* One packet of len bytes in segs segments (fewer if the pool runs dry). */
static struct rte_mbuf *
fz_tx_pkt(uint32_t len, unsigned int segs)
{
	struct rte_mbuf *head = NULL;
	uint32_t left = len;

	for (unsigned int s = 0; s < segs; s++) {
		uint32_t part = s + 1 == segs ? left : len / segs;
		struct rte_mbuf *m = rte_pktmbuf_alloc(fz_pool);
		char *p;

		if (m == NULL)
			break;
		part = RTE_MIN(part, (uint32_t)rte_pktmbuf_tailroom(m));
		p = rte_pktmbuf_append(m, (uint16_t)part);
		if (p != NULL && part > 0)
			memset(p, (int)(s + 1), part);
		left -= part;
		if (head == NULL)
			head = m;
		else if (rte_pktmbuf_chain(head, m) != 0)
			rte_pktmbuf_free(m);
	}
	return head;
}

static void
fz_tx(struct fuzz_in *in)
{
	struct rte_mbuf *pkts[FZ_TX_MAX];
	unsigned int n = fuzz_take(in, 1) % (FZ_TX_MAX + 1), nb = 0;
	uint16_t sent;

	for (unsigned int i = 0; i < n; i++) {
		uint32_t len = fuzz_take(in, 2) % (4 * HM_BSIZE);
		unsigned int segs = fuzz_take(in, 1) % 4 + 1;
		struct rte_mbuf *m = fz_tx_pkt(len, segs);

		if (m != NULL)
			pkts[nb++] = m;
	}
	sent = rte_eth_tx_burst(fz_port, 0, pkts, (uint16_t)nb);
	if (sent > nb)
		abort();
	rte_pktmbuf_free_bulk(pkts + sent, nb - sent);
}

static void
fz_desc_write(struct fuzz_in *in)
{
	uint32_t sel = fuzz_take(in, 1), field = fuzz_take(in, 1), v = fuzz_take(in, 4);
	struct memif_ring *ring = sel & 0x80 ? fz_peer.s2c : fz_peer.c2s;
	struct memif_desc *d = &ring->desc[sel & (HM_SLOTS - 1)];

	switch (field % 4) {
	case 0:
		d->flags = (uint16_t)v;
		break;
	case 1:
		d->region = (uint16_t)v;
		break;
	case 2:
		d->offset = v;
		break;
	default:
		d->length = v;
		break;
	}
}

/* n good frames of len bytes each in their own slot's buffer. */
static void
fz_c2s_send(struct fuzz_in *in)
{
	uint32_t n = fuzz_take(in, 1) % (HM_SLOTS + 1), len = fuzz_take(in, 2) % (HM_BSIZE + 1);

	for (uint32_t i = 0; i < n; i++) {
		uint32_t off = HM_BUFS_OFF + (fz_peer.c2s_head & (HM_SLOTS - 1)) * HM_BSIZE;

		hm_c2s_put(&fz_peer, 0, 0, off, len);
	}
}

static void
fz_s2c_post(struct fuzz_in *in)
{
	uint16_t head = fz_peer.s2c->head;
	uint32_t n = fuzz_take(in, 1) % (HM_SLOTS + 1);

	for (uint32_t i = 0; i < n; i++, head++) {
		struct memif_desc *d = &fz_peer.s2c->desc[head & (HM_SLOTS - 1)];

		d->flags = 0;
		d->region = 0;
		d->offset = HM_BUFS_OFF + (HM_SLOTS + (head & (HM_SLOTS - 1))) * HM_BSIZE;
		d->length = HM_BSIZE;
	}
	__atomic_store_n(&fz_peer.s2c->head, head, __ATOMIC_RELEASE);
}

static void
fz_bytes_write(struct fuzz_in *in)
{
	uint32_t off = fuzz_take(in, 2) % HM_SIZE, n = fuzz_take(in, 1);

	for (uint32_t i = 0; i < n && off + i < HM_SIZE; i++)
		fz_peer.mem[off + i] = (uint8_t)fuzz_take(in, 1);
}

static void
fz_op_run(struct fuzz_in *in, enum fz_op op)
{
	struct memif_ring *ring;
	uint32_t a, b, c;

	/* once the client left only the port is there to drive */
	if (!fz_connected && op != FZ_RX_BURST && op != FZ_TX_BURST)
		return;
	switch (op) {
	case FZ_C2S_PUT:
		a = fuzz_take(in, 1);
		b = fuzz_take(in, 1);
		c = fuzz_take(in, 4);
		hm_c2s_put(&fz_peer, (uint16_t)a, (uint16_t)b, c, fuzz_take(in, 4));
		break;
	case FZ_C2S_SEND:
		fz_c2s_send(in);
		break;
	case FZ_DESC:
		fz_desc_write(in);
		break;
	case FZ_HEAD:
	case FZ_TAIL:
	case FZ_FLAGS:
		ring = fuzz_take(in, 1) & 1 ? fz_peer.s2c : fz_peer.c2s;
		a = fuzz_take(in, 2);
		if (op == FZ_HEAD) {
			__atomic_store_n(&ring->head, (uint16_t)a, __ATOMIC_RELEASE);
			if (ring == fz_peer.c2s)
				fz_peer.c2s_head = (uint16_t)a;
		} else if (op == FZ_TAIL) {
			__atomic_store_n(&ring->tail, (uint16_t)a, __ATOMIC_RELEASE);
		} else {
			ring->flags = (uint16_t)a;
		}
		break;
	case FZ_BYTES:
		fz_bytes_write(in);
		break;
	case FZ_RX_BURST:
		fz_rx((uint16_t)fuzz_take(in, 1));
		break;
	case FZ_TX_BURST:
		fz_tx(in);
		break;
	case FZ_S2C_POST:
		fz_s2c_post(in);
		break;
	case FZ_POOL_DRAIN:
		fuzz_pool_drain(fz_pool);
		break;
	case FZ_POOL_REFILL:
		fuzz_pool_refill(fz_pool);
		break;
	case FZ_DISCONNECT:
		hm_peer_close(&fz_peer);
		fz_connected = false;
		if (!fz_link_is(0))
			abort(); /* the port did not notice the client left */
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};

	if (!fz_connected)
		fz_connect();
	fz_rings_reset();
	for (unsigned int steps = 0; in.left > 0 && steps < 4096; steps++)
		fz_op_run(&in, (enum fz_op)(fuzz_take(&in, 1) % FZ_NB_OPS));
	fuzz_pool_refill(fz_pool);
	/* the port keeps no mbuf between bursts: all of them are home */
	if (rte_mempool_avail_count(fz_pool) != FZ_POOL_N)
		abort();
	return 0;
}
