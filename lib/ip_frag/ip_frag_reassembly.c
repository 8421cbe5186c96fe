/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 and IPv6 reassembly. Every field of a fragment is untrusted: its
 * lengths are checked against the mbuf before anything is trimmed or
 * chained, a fragment that overlaps another, reaches past 64 KiB, is one
 * too many, or disagrees with the known end of the datagram drops its whole
 * flow, and a datagram is only built from fragments that tile it exactly.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "eal_private.h"
#include "ip_frag_private.h"

/* What one fragment says about itself, once checked against its mbuf. */
struct ip_frag_info {
	uint32_t ofs;	    /* payload offset in bytes */
	uint32_t len;	    /* payload bytes */
	int more;	    /* MF / M flag */
	uint32_t max_total; /* most payload bytes the datagram may have */
	uint32_t l3_limit;  /* most total_size + l3_len of the first fragment */
};

/*
 * Check that mb holds its headers in its first segment and at least the
 * payload the header announces, and trim link-layer padding after it.
 * Returns 0, or -EINVAL when the fragment is malformed.
 */
static int
ip_frag_mbuf_fit(struct rte_mbuf *mb, uint32_t min_l3_len, uint32_t l3_total)
{
	uint32_t hdrs = (uint32_t)mb->l2_len + mb->l3_len;
	uint32_t want;

	if (mb->l3_len < min_l3_len || hdrs > mb->data_len || l3_total <= mb->l3_len)
		return -EINVAL;
	want = (uint32_t)mb->l2_len + l3_total;
	if (mb->pkt_len < want)
		return -EINVAL; /* truncated: less data than the header says */
	/* padding longer than the last segment: not from a NIC */
	if (mb->pkt_len - want > rte_pktmbuf_lastseg(mb)->data_len ||
	    rte_pktmbuf_trim(mb, (uint16_t)(mb->pkt_len - want)) != 0)
		return -EINVAL;
	return 0;
}

/* 1 when [ofs, ofs + len) meets a fragment the flow holds. */
static int
ip_frag_flow_overlaps(const struct ip_frag_flow *flow, uint32_t ofs, uint32_t len)
{
	uint32_t i;

	for (i = 0; i < flow->nb_pieces; i++) {
		const struct ip_frag_piece *p = &flow->pieces[i];

		if (ofs < (uint32_t)p->ofs + p->len && p->ofs < ofs + len)
			return 1;
	}
	return 0;
}

/*
 * Take the fragment into the flow. Returns 0 when it was kept, -EINVAL
 * when it makes the flow impossible to complete (the caller drops both).
 */
static int
ip_frag_flow_add(struct ip_frag_flow *flow, struct rte_mbuf *mb, const struct ip_frag_info *fi)
{
	uint32_t end = fi->ofs + fi->len;
	struct ip_frag_piece *p;

	if (flow->nb_pieces == RTE_DIM(flow->pieces) || end > fi->max_total ||
	    ip_frag_flow_overlaps(flow, fi->ofs, fi->len))
		return -EINVAL;
	/* only the last fragment may end off the 8-byte grid offsets use */
	if (fi->more && (fi->len % 8) != 0)
		return -EINVAL;
	if (!fi->more) {
		/* a second end, or data already held past this end */
		if (flow->total_size != IP_FRAG_SIZE_UNKNOWN || flow->max_end > end)
			return -EINVAL;
		flow->total_size = end;
	} else if (end >= flow->total_size) {
		/* more fragments said to follow the last one */
		return -EINVAL;
	}
	p = &flow->pieces[flow->nb_pieces++];
	p->ofs = (uint16_t)fi->ofs;
	p->len = (uint16_t)fi->len;
	p->mb = mb;
	flow->frag_size += fi->len;
	flow->max_end = RTE_MAX(flow->max_end, end);
	return 0;
}

/*
 * Chain the flow's fragments in offset order behind the first one. The
 * pieces were checked not to overlap and to add up to total_size, so
 * sorted they tile [0, total_size). Returns the first fragment's mbuf, or
 * NULL (nothing changed) when the first fragment's headers and the payload
 * would not fit the length field (l3_limit) or the chain would hold too
 * many segments.
 */
static struct rte_mbuf *
ip_frag_flow_chain(struct ip_frag_flow *flow, uint32_t l3_limit)
{
	struct ip_frag_piece tmp, *p = flow->pieces;
	uint32_t i, j, segs = 0;
	struct rte_mbuf *head;

	for (i = 1; i < flow->nb_pieces; i++) {
		tmp = p[i];
		for (j = i; j > 0 && p[j - 1].ofs > tmp.ofs; j--)
			p[j] = p[j - 1];
		p[j] = tmp;
	}
	/* options may make the first header longer than the one checked on arrival */
	if (flow->total_size + p[0].mb->l3_len > l3_limit)
		return NULL;
	for (i = 0; i < flow->nb_pieces; i++)
		segs += p[i].mb->nb_segs;
	if (segs > RTE_MBUF_MAX_NB_SEGS)
		return NULL;

	head = p[0].mb;
	for (i = 1; i < flow->nb_pieces; i++) {
		struct rte_mbuf *m = p[i].mb;

		/* headers fit the first segment: checked on arrival */
		rte_pktmbuf_adj(m, (uint16_t)(m->l2_len + m->l3_len));
		rte_pktmbuf_chain(head, m);
	}
	return head;
}

/*
 * Account the fragment to its flow and, when the flow is complete, build
 * the datagram with finish(). Returns the datagram or NULL.
 */
static struct rte_mbuf *
ip_frag_flow_process(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
		     struct ip_frag_flow *flow, struct rte_mbuf *mb, const struct ip_frag_info *fi,
		     void (*finish)(struct rte_mbuf *m, uint32_t total_size))
{
	struct rte_mbuf *head;

	if (ip_frag_flow_add(flow, mb, fi) != 0) {
		tbl->stat.bad_num++;
		ip_frag_dr_put(dr, mb);
		ip_frag_flow_drop(tbl, dr, flow);
		return NULL;
	}
	if (flow->frag_size < flow->total_size)
		return NULL;
	/* Without overlaps, all the bytes of [0, total_size) are here: no hole. */
	head = ip_frag_flow_chain(flow, fi->l3_limit);
	if (head == NULL) {
		tbl->stat.bad_num++;
		ip_frag_flow_drop(tbl, dr, flow);
		return NULL;
	}
	finish(head, flow->total_size);
	ip_frag_flow_release(tbl, flow);
	return head;
}

static void
ipv4_frag_finish(struct rte_mbuf *m, uint32_t total_size)
{
	struct rte_ipv4_hdr *ip = rte_pktmbuf_mtod_offset(m, struct rte_ipv4_hdr *, m->l2_len);

	ip->total_length = rte_cpu_to_be_16((uint16_t)(total_size + m->l3_len));
	ip->fragment_offset &= rte_cpu_to_be_16(RTE_IPV4_HDR_DF_FLAG);
	ip->hdr_checksum = 0;
}

static void
ipv6_frag_finish(struct rte_mbuf *m, uint32_t total_size)
{
	char *start = rte_pktmbuf_mtod(m, char *);
	struct rte_ipv6_hdr *ip = (struct rte_ipv6_hdr *)(start + m->l2_len);
	struct rte_ipv6_fragment_ext *fh = (struct rte_ipv6_fragment_ext *)(ip + 1);

	ip->proto = fh->next_header;
	ip->payload_len = rte_cpu_to_be_16((uint16_t)total_size);
	/* Close the gap of the fragment header: move L2 and IPv6 headers up. */
	memmove(start + sizeof(*fh), start, m->l2_len + sizeof(*ip));
	rte_pktmbuf_adj(m, sizeof(*fh));
	m->l3_len = (uint16_t)(m->l3_len - sizeof(*fh));
}

static struct rte_mbuf *
ip_frag_reassemble(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
		   struct rte_mbuf *mb, uint64_t tms, const struct ip_frag_key *key,
		   const struct ip_frag_info *fi,
		   void (*finish)(struct rte_mbuf *m, uint32_t total_size))
{
	struct ip_frag_flow *flow;

	flow = ip_frag_flow_find(tbl, dr, key, tms);
	if (flow == NULL) {
		ip_frag_dr_put(dr, mb);
		return NULL;
	}
	return ip_frag_flow_process(tbl, dr, flow, mb, fi, finish);
}

__rte_export struct rte_mbuf *
rte_ipv4_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
				struct rte_mbuf *mb, uint64_t tms, struct rte_ipv4_hdr *ip_hdr)
{
	uint16_t flag_offset = rte_be_to_cpu_16(ip_hdr->fragment_offset);
	uint32_t l3_total = rte_be_to_cpu_16(ip_hdr->total_length);
	struct ip_frag_info fi;
	struct ip_frag_key key;

	if (ip_frag_mbuf_fit(mb, sizeof(*ip_hdr), l3_total) != 0) {
		tbl->stat.bad_num++;
		ip_frag_dr_put(dr, mb);
		return NULL;
	}
	memset(&key, 0, sizeof(key));
	memcpy(&key.src_dst[0], &ip_hdr->src_addr, 2 * sizeof(ip_hdr->src_addr));
	key.id = ip_hdr->packet_id;
	key.key_len = IP_FRAG_KEY_LEN_V4;

	fi.ofs = (uint32_t)(flag_offset & RTE_IPV4_HDR_OFFSET_MASK) * RTE_IPV4_HDR_OFFSET_UNITS;
	fi.len = l3_total - mb->l3_len;
	fi.more = (flag_offset & RTE_IPV4_HDR_MF_FLAG) != 0;
	/* the datagram, header included, fits total_length's 16 bits */
	fi.max_total = RTE_IPV4_MAX_PKT_LEN - mb->l3_len;
	fi.l3_limit = RTE_IPV4_MAX_PKT_LEN;
	return ip_frag_reassemble(tbl, dr, mb, tms, &key, &fi, ipv4_frag_finish);
}

__rte_export struct rte_mbuf *
rte_ipv6_frag_reassemble_packet(struct rte_ip_frag_tbl *tbl, struct rte_ip_frag_death_row *dr,
				struct rte_mbuf *mb, uint64_t tms, struct rte_ipv6_hdr *ip_hdr,
				struct rte_ipv6_fragment_ext *frag_hdr)
{
	uint32_t l3_total = sizeof(*ip_hdr) + rte_be_to_cpu_16(ip_hdr->payload_len);
	uint16_t frag_data = rte_be_to_cpu_16(frag_hdr->frag_data);
	struct ip_frag_info fi;
	struct ip_frag_key key;

	/*
	 * The fragment header is removed from where it is: right after ip_hdr,
	 * the only place rte_ipv6_frag_get_ipv6_fragment_header finds it, and
	 * the whole L3 header of a fragment.
	 */
	if ((char *)frag_hdr != (char *)(ip_hdr + 1) ||
	    mb->l3_len != sizeof(*ip_hdr) + sizeof(*frag_hdr) ||
	    (char *)ip_hdr != rte_pktmbuf_mtod_offset(mb, char *, mb->l2_len) ||
	    ip_frag_mbuf_fit(mb, sizeof(*ip_hdr) + sizeof(*frag_hdr), l3_total) != 0) {
		tbl->stat.bad_num++;
		ip_frag_dr_put(dr, mb);
		return NULL;
	}
	memcpy(&key.src_dst[0], ip_hdr->src_addr, sizeof(ip_hdr->src_addr));
	memcpy(&key.src_dst[2], ip_hdr->dst_addr, sizeof(ip_hdr->dst_addr));
	key.id = frag_hdr->id;
	key.key_len = IP_FRAG_KEY_LEN_V6;

	fi.ofs = frag_data & RTE_IPV6_EHDR_FO_MASK;
	fi.len = l3_total - mb->l3_len;
	fi.more = RTE_IPV6_GET_MF(frag_data);
	/* payload_len, once the fragment header is gone, fits 16 bits */
	fi.max_total = UINT16_MAX;
	fi.l3_limit = UINT16_MAX + sizeof(*ip_hdr) + sizeof(*frag_hdr);
	return ip_frag_reassemble(tbl, dr, mb, tms, &key, &fi, ipv6_frag_finish);
}
