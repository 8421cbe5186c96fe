/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * libFuzzer target: the net_virtio Rx burst, split and packed, against a
 * device that does whatever the input says (the device model of the
 * hostile_virtio suite). The first byte picks the ring kind and features,
 * the rest is a program of device actions and bursts. After each input
 * every mbuf must be back in the pool once the queue is released, and
 * every frame handed up must be a well-formed mbuf chain.
 *
 * Built with the other targets (-Dfuzz=true, see fuzz/README.md).
 */
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_mbuf.h>
#include <rte_mempool.h>

#include "fuzz_rx.h"
#include "hostile_virtio_model.h"

#define FZ_PORT_ID (RTE_MAX_ETHPORTS - 1)
#define FZ_POOL_N 1024
#define FZ_BURST_MAX 32

/* mode byte */
#define FZ_MODE_PACKED 0x01
#define FZ_MODE_MRG 0x02
#define FZ_MODE_CSUM 0x04
#define FZ_MODE_SIZE_SHIFT 3 /* 2 bits: ring of 8 << n entries */

enum fz_op {
	FZ_FETCH,	/* n */
	FZ_FRAME,	/* len16, then frame bytes from the input */
	FZ_COMPLETE,	/* k, len32 */
	FZ_COMPLETE_AS, /* k, id32, len32 */
	FZ_USED_RAW,	/* id32, len32, adv, flip */
	FZ_HDR,		/* k, 12 header bytes */
	FZ_DATA,	/* k, off16, n, n bytes */
	FZ_BURST,	/* n */
	FZ_POOL_DRAIN,
	FZ_POOL_REFILL,
	FZ_COMPLETE_TWICE, /* k, len32 */
	FZ_USED_IDX,	   /* idx16: split used->idx moved by the device */
	FZ_NB_OPS,
};

static struct rte_mempool *fz_pool;
static struct hv_port fz_port;
static struct hv_dev fz_dev;

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *eal_args[] = {(*argv)[0], "--no-huge", "--no-pci",    "-l", "0",
			    "-m",	"256",	     "--log-level", "1"};

	(void)argc;
	if (rte_eal_init((int)RTE_DIM(eal_args), eal_args) < 0)
		abort();
	fz_pool = rte_pktmbuf_pool_create("fz_pool", FZ_POOL_N, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
					  SOCKET_ID_ANY);
	if (fz_pool == NULL)
		abort();
	return 0;
}

static uint16_t
fz_burst(uint16_t n)
{
	struct rte_mbuf *pkts[FZ_BURST_MAX];
	struct virtio_rxq *rxq = fz_port.rxq[0];
	uint16_t nb;

	n = (uint16_t)RTE_MIN(RTE_MAX(n, 1), FZ_BURST_MAX);
	nb = fz_port.hw.packed ? virtio_recv_pkts_packed(rxq, pkts, n)
			       : virtio_recv_pkts(rxq, pkts, n);
	if (nb > n)
		abort();
	for (uint16_t i = 0; i < nb; i++)
		fuzz_mbuf_check(pkts[i]);
	rte_pktmbuf_free_bulk(pkts, nb);
	return nb;
}

static void
fz_op_run(struct fuzz_in *in, enum fz_op op)
{
	uint8_t buf[2048];
	struct hv_dev *d = &fz_dev;
	uint32_t k, id, len, n;

	switch (op) {
	case FZ_FETCH:
		hv_dev_fetch(d, fuzz_take(in, 1));
		break;
	case FZ_FRAME:
		len = fuzz_take(in, 2) % (4 * sizeof(buf));
		n = (uint32_t)RTE_MIN(in->left, RTE_MIN(len, sizeof(buf)));
		memset(buf, 0, sizeof(buf));
		memcpy(buf, in->p, n);
		in->p += n;
		in->left -= n;
		{
			static uint8_t frame[4 * sizeof(buf)];

			for (uint32_t off = 0; off < len; off += sizeof(buf))
				memcpy(frame + off, buf, RTE_MIN(sizeof(buf), len - off));
			hv_dev_rx_frame(d, frame, len,
					fz_port.hw.features & VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF));
		}
		break;
	case FZ_COMPLETE:
		k = fuzz_take(in, 1);
		hv_dev_complete(d, k, fuzz_take(in, 4));
		break;
	case FZ_COMPLETE_AS:
		k = fuzz_take(in, 1);
		id = fuzz_take(in, 4);
		hv_dev_complete_as(d, k, id, fuzz_take(in, 4));
		break;
	case FZ_USED_RAW:
		id = fuzz_take(in, 4);
		len = fuzz_take(in, 4);
		n = fuzz_take(in, 1);
		hv_dev_used_write(d, id, len, (uint16_t)(n & 0x7F), (n & 0x80) != 0);
		break;
	case FZ_HDR:
		k = fuzz_take(in, 1);
		for (unsigned int i = 0; i < sizeof(struct virtio_net_hdr); i++)
			buf[i] = (uint8_t)fuzz_take(in, 1);
		if (k < d->nb_held)
			hv_dev_buf_write(d, k, 0, buf, sizeof(struct virtio_net_hdr));
		break;
	case FZ_DATA:
		k = fuzz_take(in, 1);
		len = fuzz_take(in, 2);
		n = fuzz_take(in, 1);
		for (unsigned int i = 0; i < n; i++)
			buf[i] = (uint8_t)fuzz_take(in, 1);
		if (k < d->nb_held)
			hv_dev_buf_write(d, k, len, buf, n);
		break;
	case FZ_BURST:
		fz_burst((uint16_t)fuzz_take(in, 1));
		break;
	case FZ_POOL_DRAIN:
		fuzz_pool_drain(fz_pool);
		break;
	case FZ_POOL_REFILL:
		fuzz_pool_refill(fz_pool);
		break;
	case FZ_COMPLETE_TWICE:
		k = fuzz_take(in, 1);
		hv_dev_complete_twice(d, k, fuzz_take(in, 4));
		break;
	case FZ_USED_IDX:
		n = fuzz_take(in, 2);
		if (!d->vq->packed) {
			d->used_idx = (uint16_t)n;
			__atomic_store_n(&d->vq->used->idx, d->used_idx, __ATOMIC_RELEASE);
		}
		break;
	default:
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fuzz_in in = {data, size};
	uint8_t mode = (uint8_t)fuzz_take(&in, 1);
	bool packed = mode & FZ_MODE_PACKED, mrg = mode & FZ_MODE_MRG, csum = mode & FZ_MODE_CSUM;
	uint16_t qsize = (uint16_t)(8u << ((mode >> FZ_MODE_SIZE_SHIFT) & 3));
	uint64_t features = VIRTIO_BIT(VIRTIO_F_VERSION_1) |
			    (mrg ? VIRTIO_BIT(VIRTIO_NET_F_MRG_RXBUF) : 0) |
			    (csum ? VIRTIO_BIT(VIRTIO_NET_F_GUEST_CSUM) : 0);
	struct rte_eth_rxconf conf = {
		.offloads = (mrg ? RTE_ETH_RX_OFFLOAD_SCATTER : 0) |
			    (csum && (mode & 0x20) ? VIRTIO_RX_L4_CKSUM : 0),
	};

	hv_port_init(&fz_port, FZ_PORT_ID, features, packed, qsize);
	if (virtio_rx_queue_setup(&fz_port.dev, 0, qsize, SOCKET_ID_ANY, &conf, fz_pool) != 0 ||
	    virtio_rxq_start(&fz_port.dev, 0) != 0)
		abort();
	hv_dev_attach(&fz_dev, &((struct virtio_rxq *)fz_port.rxq[0])->vq);
	for (unsigned int steps = 0; in.left > 0 && steps < 4096; steps++)
		fz_op_run(&in, (enum fz_op)(fuzz_take(&in, 1) % FZ_NB_OPS));
	/* the device behaves from here: whatever it still holds goes back at release */
	fuzz_pool_refill(fz_pool);
	for (int i = 0; i < 4 && fz_burst(FZ_BURST_MAX) != 0; i++)
		;
	virtio_rx_queue_release(&fz_port.dev, 0);
	if (rte_mempool_avail_count(fz_pool) != FZ_POOL_N)
		abort(); /* an mbuf leaked */
	return 0;
}
