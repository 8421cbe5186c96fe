/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The net_e1000_em Rx burst against a device that writes back whatever
 * the input says (the model of app/test/hostile_e1000e_model.c over a fake
 * BAR 0). The input is a list of steps: honest frames, forged write-backs
 * at any index with any length, status and errors, the pool emptied and
 * given back, bursts of any size. After each burst every mbuf handed up
 * must be sane; at the end, with the ring drained, every mbuf must be back
 * in its pool exactly once. Two ports: 2048-byte buffers without scatter,
 * and 512-byte buffers with chains.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "hostile_e1000e_model.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#define FZ_NB_MBUF 256

struct fz_port {
	struct hem_dev dev;
	struct rte_mempool *mp;
};

static struct fz_port fz_ports[2];
static void *fz_held[FZ_NB_MBUF];
static uint8_t fz_frame[4096];
static uint8_t fz_copy[E1000E_RX_MAX_SEGS * 16384]; /* the longest chain */

/* The input, consumed a byte at a time; 0 once it is used up. */
struct fz_in {
	const uint8_t *p;
	size_t n;
};

static uint8_t
fz_u8(struct fz_in *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

static uint16_t
fz_u16(struct fz_in *in)
{
	uint16_t lo = fz_u8(in);

	return (uint16_t)(lo | fz_u8(in) << 8);
}

/* What a sane received frame looks like; anything else is a driver bug. */
static void
fz_rx_check(const struct fz_port *fp, struct rte_mbuf *m)
{
	uint16_t bsize = hem_rx_buf_size(&fp->dev);
	uint32_t sum = 0;
	uint16_t segs = 0;

	for (struct rte_mbuf *s = m; s != NULL; s = s->next) {
		if (s->data_len == 0 || s->data_len > bsize || s->pool != fp->mp ||
		    s->data_off + s->data_len > s->buf_len || rte_mbuf_refcnt_read(s) != 1)
			abort();
		sum += s->data_len;
		segs++;
	}
	if (sum != m->pkt_len || segs != m->nb_segs || segs > E1000E_RX_MAX_SEGS ||
	    m->port != fp->dev.port_id || m->pkt_len > sizeof(fz_copy))
		abort();
	/* touch every byte: a length past the buffer shows up here under ASan */
	if (rte_pktmbuf_read(m, 0, m->pkt_len, fz_copy) == NULL)
		abort();
}

static void
fz_burst(struct fz_port *fp, uint16_t nb)
{
	struct rte_mbuf *pkts[64];
	struct e1000e_rx_queue *rxq = hem_rxq(&fp->dev);
	uint16_t n = rte_eth_rx_burst(fp->dev.port_id, 0, pkts, RTE_MIN(nb, RTE_DIM(pkts)));

	if (n > nb || rxq->nb_hold >= rxq->nb_desc || rxq->tail >= rxq->nb_desc)
		abort();
	for (uint16_t i = 0; i < n; i++) {
		fz_rx_check(fp, pkts[i]);
		rte_pktmbuf_free(pkts[i]);
	}
}

static unsigned int
fz_give(struct fz_port *fp, unsigned int held, unsigned int n)
{
	n = RTE_MIN(n, held);
	rte_mempool_put_bulk(fp->mp, &fz_held[held - n], n);
	return held - n;
}

/* A fresh ring, as after start: every descriptor armed, RDT = N - 1, RDH = 0. */
static void
fz_ring_reset(struct fz_port *fp)
{
	struct e1000e_rx_queue *rxq = hem_rxq(&fp->dev);

	e1000e_rx_ring_drain(rxq);
	if (e1000e_rx_ring_fill(rxq) != 0)
		abort();
	*(volatile uint32_t *)(fp->dev.bar + E1000_RDH) = 0;
	*(volatile uint32_t *)(fp->dev.bar + E1000_RDT) = rxq->nb_desc - 1u;
	if (hem_rings_attach(&fp->dev) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_in in = {data, size};
	struct fz_port *fp;
	unsigned int held = 0;
	uint16_t n;

	if (size == 0)
		return 0;
	fp = &fz_ports[fz_u8(&in) & 1];
	fz_ring_reset(fp);
	n = fp->dev.rx_n;
	while (in.n > 0) {
		uint8_t op = fz_u8(&in), idx, status, errors, count;
		uint16_t len;

		switch (op % 8) {
		case 0: /* an honest frame of 1 to 4096 bytes */
			len = (uint16_t)(fz_u16(&in) % sizeof(fz_frame) + 1);
			memset(fz_frame, op, len);
			(void)hem_rx_deliver(&fp->dev, fz_frame, len);
			break;
		case 1: /* one forged write-back anywhere */
			idx = fz_u8(&in);
			len = fz_u16(&in);
			status = fz_u8(&in);
			errors = fz_u8(&in);
			hem_rx_forge(&fp->dev, idx, len, status, errors);
			break;
		case 2: /* a run of DD, EOP on the last, from an index on */
			idx = fz_u8(&in);
			count = (uint8_t)(fz_u8(&in) % n + 1);
			len = fz_u16(&in);
			errors = fz_u8(&in);
			for (uint16_t i = 0; i < count; i++)
				hem_rx_forge(&fp->dev, (uint16_t)(idx + i), len,
					     (uint8_t)(E1000_RXD_STAT_DD |
						       (i + 1 == count ? E1000_RXD_STAT_EOP : 0)),
					     errors);
			break;
		case 3: /* the rest of the process takes what the pool has */
			held += hem_pool_take(fp->mp, &fz_held[held], FZ_NB_MBUF - held);
			break;
		case 4: /* and gives some back */
			held = fz_give(fp, held, fz_u8(&in));
			break;
		case 5: /* DD and EOP on every descriptor */
			len = fz_u16(&in);
			for (uint16_t i = 0; i < n; i++)
				hem_rx_forge(&fp->dev, i, len,
					     E1000_RXD_STAT_DD | E1000_RXD_STAT_EOP, 0);
			break;
		default:
			fz_burst(fp, (uint16_t)(fz_u8(&in) % 64 + 1));
			break;
		}
	}
	held = fz_give(fp, held, held);
	for (int i = 0; i < 4; i++)
		fz_burst(fp, 64);
	e1000e_rx_ring_drain(hem_rxq(&fp->dev));
	if (hem_pool_count(fp->mp) != FZ_NB_MBUF)
		abort(); /* an mbuf leaked or went back twice */
	return 0;
}

static int
fz_port_init(struct fz_port *fp, const char *name, uint16_t room, uint16_t nb_desc,
	     uint64_t offloads)
{
	fp->mp = rte_pktmbuf_pool_create(name, FZ_NB_MBUF, 0, 0, RTE_PKTMBUF_HEADROOM + room,
					 SOCKET_ID_ANY);
	if (fp->mp == NULL || hem_port_create(&fp->dev, name) != 0)
		return -1;
	return hem_port_start(&fp->dev, fp->mp, nb_desc, offloads);
}

/* At exit: nothing left for LeakSanitizer to report. */
static void
fz_exit(void)
{
	for (unsigned int i = 0; i < RTE_DIM(fz_ports); i++) {
		hem_port_destroy(&fz_ports[i].dev);
		rte_mempool_free(fz_ports[i].mp);
	}
	rte_eal_cleanup();
}

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	char *eal_args[] = {"fuzz_e1000e_rx", "--no-huge", "--no-pci", "-l", "0",
			    "--log-level",    "*:error",   NULL};

	(void)argc;
	(void)argv;
	if (rte_eal_init((int)RTE_DIM(eal_args) - 1, eal_args) < 0) {
		fprintf(stderr, "fuzz_e1000e_rx: EAL did not start\n");
		exit(1);
	}
	if (fz_port_init(&fz_ports[0], "fz_e1000e_plain", 2048, 32, 0) != 0 ||
	    fz_port_init(&fz_ports[1], "fz_e1000e_chain", 512, 64,
			 RTE_ETH_RX_OFFLOAD_SCATTER | RTE_ETH_RX_OFFLOAD_CHECKSUM) != 0) {
		fprintf(stderr, "fuzz_e1000e_rx: ports over the model did not start\n");
		exit(1);
	}
	atexit(fz_exit);
	return 0;
}
