/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap fast path: records in, records out. Every record libpcap hands
 * over is bounded again here (zero length, longer than any Ethernet
 * snapshot) before a byte of it is copied.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>
#include <time.h>

#include <rte_cycles.h>

#include "pcap_private.h"

/* Copy len bytes into head and as many more mbufs from mp as they need. */
static int
pcap_mbuf_fill(struct rte_mempool *mp, struct rte_mbuf *head, const uint8_t *data, uint32_t len)
{
	struct rte_mbuf *m = head;
	uint32_t off = 0;

	for (;;) {
		uint32_t n = RTE_MIN(len - off, (uint32_t)rte_pktmbuf_tailroom(m));

		if (n == 0)
			return -EINVAL; /* a pool whose mbufs hold no data */
		memcpy(rte_pktmbuf_mtod(m, uint8_t *), data + off, n);
		m->data_len = (uint16_t)n;
		off += n;
		if (off == len)
			break;
		m->next = rte_pktmbuf_alloc(mp);
		if (m->next == NULL)
			return -ENOBUFS;
		m = m->next;
		head->nb_segs++;
	}
	head->pkt_len = len;
	return 0;
}

static void
pcap_rx_fail(struct pcap_rx_queue *rxq)
{
	rxq->errs++;
	rxq->failed = true;
	PCAP_LOG(ERR,
		 "%s: reading '%s' failed after %" PRIu64 " packets: %s; nothing "
		 "more is read from it until the port restarts\n",
		 rxq->dev_name, rxq->name, rxq->pkts, pcap_geterr(rxq->pcap));
}

int
pcap_rx_one(struct pcap_rx_queue *rxq, struct rte_mbuf **out)
{
	struct pcap_pkthdr *hdr;
	const u_char *data;
	struct rte_mbuf *m;
	uint32_t caplen;
	int ret;

	ret = pcap_next_ex(rxq->pcap, &hdr, &data);
	if (ret != 1) {
		/* 0: nothing captured yet; PCAP_ERROR_BREAK: end of the file */
		if (ret == PCAP_ERROR)
			pcap_rx_fail(rxq);
		return 0;
	}
	caplen = hdr->caplen;
	if (caplen == 0 || caplen > PCAP_RX_MAX_LEN) {
		rxq->errs++;
		return -1;
	}
	m = rte_pktmbuf_alloc(rxq->mb_pool);
	if (m == NULL) {
		rxq->nombuf++;
		return 0;
	}
	ret = pcap_mbuf_fill(rxq->mb_pool, m, data, caplen);
	if (ret != 0) {
		rte_pktmbuf_free(m);
		if (ret == -ENOBUFS)
			rxq->nombuf++;
		else
			rxq->errs++;
		return 0;
	}
	m->port = rxq->port_id;
	if (rxq->ts_offset >= 0) {
		*RTE_MBUF_DYNFIELD(m, rxq->ts_offset, rte_mbuf_timestamp_t *) =
			(uint64_t)hdr->ts.tv_sec * NS_PER_S +
			(uint64_t)hdr->ts.tv_usec * rxq->ts_scale;
		m->ol_flags |= rxq->ts_flag;
	}
	*out = m;
	return 1;
}

uint16_t
pcap_rx_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_rx_queue *rxq = queue;
	uint16_t n = 0;
	int ret;

	if (rxq->pcap == NULL || rxq->failed)
		return 0;
	while (n < nb_pkts) {
		ret = pcap_rx_one(rxq, &bufs[n]);
		if (ret == 0)
			break;
		if (ret < 0)
			continue; /* a bad record, counted; the next may be fine */
		/* counted as they come: a failure's log line says how far it got */
		rxq->pkts++;
		rxq->bytes += bufs[n]->pkt_len;
		n++;
	}
	return n;
}

/* infinite_rx: copies of the file's packets, round and round. */
uint16_t
pcap_rx_loop_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_rx_queue *rxq = queue;
	uint64_t bytes = 0;
	uint16_t i;

	if (rxq->loop_cnt == 0 || nb_pkts == 0)
		return 0;
	if (rte_pktmbuf_alloc_bulk(rxq->mb_pool, bufs, nb_pkts) != 0) {
		rxq->nombuf += nb_pkts;
		return 0;
	}
	for (i = 0; i < nb_pkts; i++) {
		const struct rte_mbuf *src = rxq->loop[rxq->loop_idx];

		/* loading checked that each packet fits one mbuf */
		memcpy(rte_pktmbuf_mtod(bufs[i], void *), rte_pktmbuf_mtod(src, const void *),
		       src->data_len);
		bufs[i]->data_len = src->data_len;
		bufs[i]->pkt_len = src->data_len;
		bufs[i]->port = rxq->port_id;
		bytes += src->data_len;
		if (++rxq->loop_idx == rxq->loop_cnt)
			rxq->loop_idx = 0;
	}
	rxq->pkts += nb_pkts;
	rxq->bytes += bytes;
	return nb_pkts;
}

uint16_t
pcap_rx_none_burst(void *queue __rte_unused, struct rte_mbuf **bufs __rte_unused,
		   uint16_t nb_pkts __rte_unused)
{
	return 0;
}

/*
 * The first len bytes of m in one piece (a chain is copied into the
 * queue's buffer), or NULL for an empty packet or one whose pkt_len runs
 * past its segments: then m is freed and counted as an error.
 */
static const void *
pcap_tx_flat(struct pcap_tx_queue *txq, struct rte_mbuf *m, uint32_t len)
{
	const void *data = len != 0 ? rte_pktmbuf_read(m, 0, len, txq->linear) : NULL;

	if (data == NULL) {
		txq->errs++;
		rte_pktmbuf_free(m);
	}
	return data;
}

/*
 * Tx to a file: one record a packet, a chain flattened into one record.
 * The file header says nanoseconds, so tv_usec carries them; the stamp is
 * the time of writing, as DPDK's.
 */
uint16_t
pcap_tx_dump_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *txq = queue;
	uint64_t bytes = 0;
	uint16_t i, done = 0;

	if (txq->dumper == NULL)
		return 0;
	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		uint32_t len = rte_pktmbuf_pkt_len(m);
		uint32_t caplen = RTE_MIN(len, PCAP_FILE_SNAPLEN);
		struct pcap_pkthdr hdr = {.len = len, .caplen = caplen};
		const void *data = pcap_tx_flat(txq, m, caplen);
		struct timespec now;

		if (data == NULL)
			continue;
		clock_gettime(CLOCK_REALTIME, &now);
		hdr.ts.tv_sec = now.tv_sec;
		hdr.ts.tv_usec = now.tv_nsec;
		pcap_dump((u_char *)txq->dumper, &hdr, data);
		bytes += caplen;
		done++;
		rte_pktmbuf_free(m);
	}
	/* no hook runs when forwarding stops: each burst reaches the file */
	if (pcap_dump_flush(txq->dumper) != 0) {
		if (!txq->flush_failed)
			PCAP_LOG(ERR,
				 "%s: writing '%s' failed: %s; free space on its file "
				 "system\n",
				 txq->dev_name, txq->name, strerror(errno));
		txq->flush_failed = true;
		txq->errs += done;
		return nb_pkts;
	}
	txq->pkts += done;
	txq->bytes += bytes;
	return nb_pkts;
}

/* Tx on an interface: a full socket buffer stops the burst for a retry. */
uint16_t
pcap_tx_iface_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *txq = queue;
	uint64_t bytes = 0;
	uint16_t i, done = 0;

	if (txq->pcap == NULL)
		return 0;
	for (i = 0; i < nb_pkts; i++) {
		struct rte_mbuf *m = bufs[i];
		uint32_t len = rte_pktmbuf_pkt_len(m);
		/* a frame is sent whole or not at all */
		const void *data = pcap_tx_flat(txq, m, len <= PCAP_FILE_SNAPLEN ? len : 0);

		if (data == NULL)
			continue;
		errno = 0;
		if (pcap_sendpacket(txq->pcap, data, (int)len) != 0) {
			if (errno == ENOBUFS || errno == EAGAIN)
				break;
			txq->errs++; /* longer than the MTU, link gone: not retried */
			rte_pktmbuf_free(m);
			continue;
		}
		bytes += len;
		done++;
		rte_pktmbuf_free(m);
	}
	txq->pkts += done;
	txq->bytes += bytes;
	return i;
}

uint16_t
pcap_tx_drop_burst(void *queue, struct rte_mbuf **bufs, uint16_t nb_pkts)
{
	struct pcap_tx_queue *txq = queue;
	uint64_t bytes = 0;
	uint16_t i;

	for (i = 0; i < nb_pkts; i++) {
		bytes += rte_pktmbuf_pkt_len(bufs[i]);
		rte_pktmbuf_free(bufs[i]);
	}
	txq->pkts += nb_pkts;
	txq->bytes += bytes;
	return nb_pkts;
}
