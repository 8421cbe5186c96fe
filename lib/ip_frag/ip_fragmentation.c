/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IPv4 and IPv6 fragmentation. Each fragment is a direct mbuf holding the
 * fragment's header, followed by the payload: indirect mbufs attached to
 * the input's segments, or (copy variant) the bytes themselves. The number
 * of fragments is worked out before anything is allocated, so a too small
 * output array fails without side effects, and a pool running dry frees
 * every fragment built so far.
 */
#include <errno.h>
#include <string.h>

#include <rte_common.h>
#include <rte_ether.h>
#include <rte_ip.h>
#include <rte_mbuf.h>

#include "eal_private.h"
#include "ip_frag_private.h"

/* Payload per fragment is a multiple of 8 bytes (RFC 791 section 2.3, RFC 8200 section 4.5). */
#define FRAG_ALIGN 8
#define IPV4_HDR_MAX_LEN (sizeof(struct rte_ipv4_hdr) + RTE_IPV4_HDR_OPT_MAX_LEN)

/* Where the next payload byte to place sits in the input packet. */
struct frag_cursor {
	struct rte_mbuf *seg;
	uint32_t pos;
};

/* Header bytes and payload bytes of the first and the other fragments. */
struct frag_plan {
	uint32_t hlen_first, hlen_rest;
	uint32_t chunk; /* payload bytes of all fragments but the last */
	uint32_t payload;
	uint32_t nb_frags;
};

/* Writes fragment idx's header (hlen bytes) at the start of out. */
typedef void (*frag_hdr_fill_t)(const void *ctx, struct rte_mbuf *out, uint32_t idx, uint32_t ofs,
				uint32_t len, int last);

/* Step the cursor past empty or used-up segments; 0, or -EINVAL at the chain's end. */
static int
frag_cursor_settle(struct frag_cursor *c)
{
	while (c->seg != NULL && c->pos >= c->seg->data_len) {
		c->seg = c->seg->next;
		c->pos = 0;
	}
	return c->seg == NULL ? -EINVAL : 0;
}

/* Append len payload bytes at the cursor to out as indirect segments. */
static int
frag_payload_attach(struct rte_mbuf *out, struct frag_cursor *c, uint32_t len,
		    struct rte_mempool *pool_indirect)
{
	struct rte_mbuf *tail = out, *seg;
	uint32_t n;

	while (len > 0) {
		if (frag_cursor_settle(c) != 0)
			return -EINVAL; /* pkt_len promised more than the chain holds */
		seg = rte_pktmbuf_alloc(pool_indirect);
		if (seg == NULL)
			return -ENOMEM;
		rte_pktmbuf_attach(seg, c->seg);
		n = RTE_MIN(len, c->seg->data_len - c->pos);
		seg->data_off = (uint16_t)(c->seg->data_off + c->pos);
		seg->data_len = (uint16_t)n;
		seg->pkt_len = n;
		tail->next = seg;
		tail = seg;
		out->nb_segs++;
		out->pkt_len += n;
		c->pos += n;
		len -= n;
	}
	return 0;
}

/* Copy len payload bytes at the cursor to the end of out's data. */
static int
frag_payload_copy(struct rte_mbuf *out, struct frag_cursor *c, uint32_t len)
{
	uint32_t n;

	while (len > 0) {
		if (frag_cursor_settle(c) != 0)
			return -EINVAL;
		n = RTE_MIN(len, c->seg->data_len - c->pos);
		memcpy(rte_pktmbuf_mtod_offset(out, char *, out->data_len),
		       rte_pktmbuf_mtod_offset(c->seg, char *, c->pos), n);
		out->data_len = (uint16_t)(out->data_len + n);
		out->pkt_len += n;
		c->pos += n;
		len -= n;
	}
	return 0;
}

/*
 * Fill in chunk and nb_frags; -EINVAL when no payload fits a fragment. The
 * chunk comes from the first (longest) header and serves every fragment,
 * as DPDK sizes them: later fragments, with fewer options, end up shorter
 * than the MTU.
 */
static int
frag_plan_count(struct frag_plan *plan, uint16_t mtu_size)
{
	if (mtu_size < plan->hlen_first + FRAG_ALIGN)
		return -EINVAL;
	plan->chunk = RTE_ALIGN_FLOOR(mtu_size - plan->hlen_first, FRAG_ALIGN);
	plan->nb_frags = plan->payload == 0 ? 1 : (plan->payload + plan->chunk - 1) / plan->chunk;
	return 0;
}

/*
 * Build plan->nb_frags fragments of pkt_in (whose payload starts in_hlen
 * bytes in) into pkts_out; pool_indirect NULL means copy the payload.
 * Returns the count or a negative errno, with nothing left allocated.
 */
static int32_t
frag_build(struct rte_mbuf *pkt_in, uint32_t in_hlen, const struct frag_plan *plan,
	   struct rte_mbuf **pkts_out, struct rte_mempool *pool_direct,
	   struct rte_mempool *pool_indirect, frag_hdr_fill_t fill, const void *ctx)
{
	struct frag_cursor cur = {.seg = pkt_in, .pos = in_hlen};
	uint32_t i, j, ofs = 0, hlen, len;
	struct rte_mbuf *out;
	int ret;

	for (i = 0; i < plan->nb_frags; i++) {
		hlen = i == 0 ? plan->hlen_first : plan->hlen_rest;
		len = RTE_MIN(plan->chunk, plan->payload - ofs);
		out = rte_pktmbuf_alloc(pool_direct);
		if (out == NULL) {
			ret = -ENOMEM;
			goto out_free;
		}
		if (rte_pktmbuf_tailroom(out) < hlen + (pool_indirect == NULL ? len : 0)) {
			rte_pktmbuf_free(out);
			ret = -EINVAL;
			goto out_free;
		}
		out->data_len = (uint16_t)hlen;
		out->pkt_len = hlen;
		if (pool_indirect != NULL)
			ret = frag_payload_attach(out, &cur, len, pool_indirect);
		else
			ret = frag_payload_copy(out, &cur, len);
		if (ret != 0) {
			rte_pktmbuf_free(out);
			goto out_free;
		}
		fill(ctx, out, i, ofs, len, i + 1 == plan->nb_frags);
		pkts_out[i] = out;
		ofs += len;
	}
	return (int32_t)plan->nb_frags;

out_free:
	for (j = 0; j < i; j++)
		rte_pktmbuf_free(pkts_out[j]);
	return ret;
}

struct ipv4_frag_ctx {
	const struct rte_ipv4_hdr *in_hdr; /* header of the first fragment */
	uint16_t in_flags;		   /* the input's offset and MF, host order */
	uint32_t hlen_first, hlen_rest;
	uint8_t hdr_rest[IPV4_HDR_MAX_LEN]; /* header of the others */
};

/*
 * Header for the fragments after the first: the options whose copied flag
 * is set (RFC 791 section 3.1), padded with EOL to a 4-byte multiple. A
 * malformed option ends the walk, as it would for a receiver.
 */
static uint32_t
ipv4_frag_hdr_rest_build(uint8_t *dst, const uint8_t *in, uint32_t in_hlen)
{
	uint32_t i = sizeof(struct rte_ipv4_hdr), n = sizeof(struct rte_ipv4_hdr), olen;
	struct rte_ipv4_hdr *h = (struct rte_ipv4_hdr *)dst;

	memcpy(dst, in, sizeof(*h));
	while (i < in_hlen) {
		if (in[i] == RTE_IPV4_HDR_OPT_EOL)
			break;
		if (in[i] == RTE_IPV4_HDR_OPT_NOP) {
			i++;
			continue;
		}
		if (i + 1 >= in_hlen)
			break;
		olen = in[i + 1];
		if (olen < 2 || olen > in_hlen - i)
			break;
		if (RTE_IPV4_HDR_OPT_COPIED(in[i])) {
			memcpy(dst + n, in + i, olen);
			n += olen;
		}
		i += olen;
	}
	while (n % RTE_IPV4_IHL_MULTIPLIER)
		dst[n++] = RTE_IPV4_HDR_OPT_EOL;
	h->version_ihl = (uint8_t)((h->version_ihl & ~RTE_IPV4_HDR_IHL_MASK) |
				   (n / RTE_IPV4_IHL_MULTIPLIER));
	return n;
}

static void
ipv4_frag_hdr_fill(const void *arg, struct rte_mbuf *out, uint32_t idx, uint32_t ofs, uint32_t len,
		   int last)
{
	const struct ipv4_frag_ctx *ctx = arg;
	uint32_t hlen = idx == 0 ? ctx->hlen_first : ctx->hlen_rest;
	struct rte_ipv4_hdr *h = rte_pktmbuf_mtod(out, struct rte_ipv4_hdr *);
	uint16_t fo = (uint16_t)((ctx->in_flags & RTE_IPV4_HDR_OFFSET_MASK) + ofs / FRAG_ALIGN);
	uint16_t mf = (!last || (ctx->in_flags & RTE_IPV4_HDR_MF_FLAG)) ? RTE_IPV4_HDR_MF_FLAG : 0;

	memcpy(h, idx == 0 ? (const void *)ctx->in_hdr : (const void *)ctx->hdr_rest, hlen);
	h->fragment_offset = rte_cpu_to_be_16((uint16_t)(fo | mf));
	h->total_length = rte_cpu_to_be_16((uint16_t)(hlen + len));
	h->hdr_checksum = 0;
	out->l3_len = hlen;
}

/* Check pkt_in and plan its IPv4 fragments; 0 or a negative errno. */
static int
ipv4_frag_prepare(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out, uint16_t nb_pkts_out,
		  uint16_t mtu_size, struct rte_mempool *pool_direct, struct ipv4_frag_ctx *ctx,
		  struct frag_plan *plan)
{
	uint32_t hlen;

	if (pkt_in == NULL || pkts_out == NULL || nb_pkts_out == 0 || pool_direct == NULL ||
	    mtu_size < RTE_ETHER_MIN_MTU)
		return -EINVAL;
	if (pkt_in->data_len < sizeof(struct rte_ipv4_hdr))
		return -EINVAL;
	ctx->in_hdr = rte_pktmbuf_mtod(pkt_in, const struct rte_ipv4_hdr *);
	hlen = rte_ipv4_hdr_len(ctx->in_hdr);
	if (hlen < sizeof(struct rte_ipv4_hdr) || pkt_in->data_len < hlen || mtu_size < hlen)
		return -EINVAL;
	ctx->in_flags = rte_be_to_cpu_16(ctx->in_hdr->fragment_offset);
	if (ctx->in_flags & RTE_IPV4_HDR_DF_FLAG)
		return -ENOTSUP;

	ctx->hlen_first = hlen;
	ctx->hlen_rest =
		ipv4_frag_hdr_rest_build(ctx->hdr_rest, (const uint8_t *)ctx->in_hdr, hlen);
	plan->hlen_first = ctx->hlen_first;
	plan->hlen_rest = ctx->hlen_rest;
	plan->payload = pkt_in->pkt_len - hlen;
	/* every fragment's offset must fit the 13-bit field, the datagram 64 KiB */
	if ((ctx->in_flags & RTE_IPV4_HDR_OFFSET_MASK) * FRAG_ALIGN + plan->payload + hlen >
	    RTE_IPV4_MAX_PKT_LEN)
		return -EINVAL;
	if (frag_plan_count(plan, mtu_size) != 0 || plan->nb_frags > nb_pkts_out)
		return -EINVAL;
	return 0;
}

/* Both IPv4 variants: pool_indirect NULL copies the payload. */
static int32_t
ipv4_fragment(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out, uint16_t nb_pkts_out,
	      uint16_t mtu_size, struct rte_mempool *pool_direct, struct rte_mempool *pool_indirect)
{
	struct ipv4_frag_ctx ctx;
	struct frag_plan plan;
	int ret;

	ret = ipv4_frag_prepare(pkt_in, pkts_out, nb_pkts_out, mtu_size, pool_direct, &ctx, &plan);
	if (ret != 0)
		return ret;
	return frag_build(pkt_in, ctx.hlen_first, &plan, pkts_out, pool_direct, pool_indirect,
			  ipv4_frag_hdr_fill, &ctx);
}

__rte_export int32_t
rte_ipv4_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out, uint16_t nb_pkts_out,
			 uint16_t mtu_size, struct rte_mempool *pool_direct,
			 struct rte_mempool *pool_indirect)
{
	if (pool_indirect == NULL)
		return -EINVAL;
	return ipv4_fragment(pkt_in, pkts_out, nb_pkts_out, mtu_size, pool_direct, pool_indirect);
}

__rte_export int32_t
rte_ipv4_fragment_copy_nonseg_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out,
				     uint16_t nb_pkts_out, uint16_t mtu_size,
				     struct rte_mempool *pool_direct)
{
	return ipv4_fragment(pkt_in, pkts_out, nb_pkts_out, mtu_size, pool_direct, NULL);
}

static void
ipv6_frag_hdr_fill(const void *arg, struct rte_mbuf *out, uint32_t idx, uint32_t ofs, uint32_t len,
		   int last)
{
	const struct rte_ipv6_hdr *in = arg;
	struct rte_ipv6_hdr *h = rte_pktmbuf_mtod(out, struct rte_ipv6_hdr *);
	struct rte_ipv6_fragment_ext *fh = (struct rte_ipv6_fragment_ext *)(h + 1);

	RTE_SET_USED(idx);
	memcpy(h, in, sizeof(*h));
	h->payload_len = rte_cpu_to_be_16((uint16_t)(sizeof(*fh) + len));
	h->proto = IPPROTO_FRAGMENT;
	fh->next_header = in->proto;
	fh->reserved = 0;
	fh->frag_data = rte_cpu_to_be_16((uint16_t)RTE_IPV6_SET_FRAG_DATA(ofs, last ? 0 : 1));
	fh->id = 0;
}

__rte_export int32_t
rte_ipv6_fragment_packet(struct rte_mbuf *pkt_in, struct rte_mbuf **pkts_out, uint16_t nb_pkts_out,
			 uint16_t mtu_size, struct rte_mempool *pool_direct,
			 struct rte_mempool *pool_indirect)
{
	const uint32_t hlen = sizeof(struct rte_ipv6_hdr);
	struct frag_plan plan;

	if (pkt_in == NULL || pkts_out == NULL || nb_pkts_out == 0 || pool_direct == NULL ||
	    pool_indirect == NULL || mtu_size < RTE_IPV6_MIN_MTU || pkt_in->data_len < hlen)
		return -EINVAL;
	plan.hlen_first = hlen + sizeof(struct rte_ipv6_fragment_ext);
	plan.hlen_rest = plan.hlen_first;
	plan.payload = pkt_in->pkt_len - hlen;
	/* the last offset must fit the 13-bit field */
	if (plan.payload > UINT16_MAX)
		return -EINVAL;
	if (frag_plan_count(&plan, mtu_size) != 0 || plan.nb_frags > nb_pkts_out)
		return -EINVAL;
	return frag_build(pkt_in, hlen, &plan, pkts_out, pool_direct, pool_indirect,
			  ipv6_frag_hdr_fill,
			  rte_pktmbuf_mtod(pkt_in, const struct rte_ipv6_hdr *));
}
