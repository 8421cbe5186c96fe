/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Traffic metering with token buckets: the single rate three colour marker
 * (srTCM, RFC 2697) and the two rate three colour markers of RFC 2698 and
 * RFC 4115.
 *
 * A profile (rates and bucket sizes, in bytes and bytes per second) is set
 * up once and shared by many flows; each flow has a small run-time context
 * holding its buckets. Rates become "so many bytes every so many TSC
 * cycles", so the per-packet check is integer only. Profiles and contexts
 * are public structs: applications allocate them in arrays, as in DPDK.
 *
 * Rates and burst sizes count the bytes of IP packets, without link-level
 * headers. None of these functions lock: one lcore owns a context.
 */
#ifndef _RTE_METER_H_
#define _RTE_METER_H_

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

enum rte_color {
	RTE_COLOR_GREEN = 0,
	RTE_COLOR_YELLOW,
	RTE_COLOR_RED,
	RTE_COLORS /* how many colours there are */
};

/* srTCM: one rate (cir) fills the committed bucket (cbs); what overflows
 * it fills the excess bucket (ebs). cir > 0, and cbs or ebs > 0. */
struct rte_meter_srtcm_params {
	uint64_t cir; /* committed information rate, bytes per second */
	uint64_t cbs; /* committed burst size, bytes */
	uint64_t ebs; /* excess burst size, bytes */
};

/* trTCM (RFC 2698): committed and peak buckets, each with its own rate.
 * All four > 0 and pir >= cir. */
struct rte_meter_trtcm_params {
	uint64_t cir; /* committed information rate, bytes per second */
	uint64_t pir; /* peak information rate, bytes per second */
	uint64_t cbs; /* committed burst size, bytes */
	uint64_t pbs; /* peak burst size, bytes */
};

/* trTCM (RFC 4115): committed and excess buckets with independent rates.
 * A rate of 0 disables its bucket; a non-zero rate needs a non-zero size. */
struct rte_meter_trtcm_rfc4115_params {
	uint64_t cir; /* committed information rate, bytes per second */
	uint64_t eir; /* excess information rate, bytes per second */
	uint64_t cbs; /* committed burst size, bytes */
	uint64_t ebs; /* excess burst size, bytes */
};

/* A rate as the meters use it: bytes_per_period tokens every period cycles. */
struct rte_meter_srtcm_profile {
	uint64_t cbs;
	uint64_t ebs;
	uint64_t cir_period;	       /* TSC cycles between two refills of C */
	uint64_t cir_bytes_per_period; /* tokens added to C at each refill */
};

struct rte_meter_srtcm {
	uint64_t time; /* TSC time of the last refill */
	uint64_t tc;   /* tokens (bytes) in the committed bucket */
	uint64_t te;   /* tokens (bytes) in the excess bucket */
};

struct rte_meter_trtcm_profile {
	uint64_t cbs;
	uint64_t pbs;
	uint64_t cir_period;
	uint64_t cir_bytes_per_period;
	uint64_t pir_period;
	uint64_t pir_bytes_per_period;
};

struct rte_meter_trtcm {
	uint64_t time_tc; /* TSC time of the last refill of C */
	uint64_t time_tp; /* TSC time of the last refill of P */
	uint64_t tc;
	uint64_t tp;
};

struct rte_meter_trtcm_rfc4115_profile {
	uint64_t cbs;
	uint64_t ebs;
	uint64_t cir_period;
	uint64_t cir_bytes_per_period;
	uint64_t eir_period;
	uint64_t eir_bytes_per_period;
};

struct rte_meter_trtcm_rfc4115 {
	uint64_t time_tc; /* TSC time of the last refill of C */
	uint64_t time_te; /* TSC time of the last refill of E */
	uint64_t tc;
	uint64_t te;
};

/*
 * Fill profile p from params, converting rates with rte_get_tsc_hz().
 * Returns 0, or -EINVAL (with a log line) when p or params is NULL or the
 * parameters break the rules given with each params struct.
 */
int rte_meter_srtcm_profile_config(struct rte_meter_srtcm_profile *p,
				   struct rte_meter_srtcm_params *params);
int rte_meter_trtcm_profile_config(struct rte_meter_trtcm_profile *p,
				   struct rte_meter_trtcm_params *params);
int rte_meter_trtcm_rfc4115_profile_config(struct rte_meter_trtcm_rfc4115_profile *p,
					   struct rte_meter_trtcm_rfc4115_params *params);

/*
 * Start flow context m on profile p: buckets full, last refill now
 * (rte_get_tsc_cycles()). Returns 0, or -EINVAL when m or p is NULL.
 */
int rte_meter_srtcm_config(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p);
int rte_meter_trtcm_config(struct rte_meter_trtcm *m, struct rte_meter_trtcm_profile *p);
int rte_meter_trtcm_rfc4115_config(struct rte_meter_trtcm_rfc4115 *m,
				   struct rte_meter_trtcm_rfc4115_profile *p);

/*
 * Per-packet checks. time is the current TSC value (never older than the
 * time the context was configured or last checked with), pkt_len the IP
 * length in bytes. The blind checks colour by the buckets alone; the aware
 * checks never return a colour better than pkt_color. The buckets are
 * charged for the colour returned.
 */

/*
 * Add the tokens of the whole periods elapsed since *last to a bucket
 * holding tokens, capped at size; *last advances by those periods only, so
 * no fraction of a period is lost. Returns the new token count; *overflow
 * (if not NULL) receives what the cap cut off.
 */
static inline uint64_t
__rte_meter_bucket_refill(uint64_t *last, uint64_t now, uint64_t period, uint64_t bytes_per_period,
			  uint64_t tokens, uint64_t size, uint64_t *overflow)
{
	uint64_t n = (now - *last) / period;

	*last += n * period;
	tokens += n * bytes_per_period;
	if (overflow != NULL)
		*overflow = tokens > size ? tokens - size : 0;
	return tokens > size ? size : tokens;
}

/*
 * RFC 2697 and RFC 4115 share their colour decision: green takes from C,
 * yellow from E, red takes nothing.
 */
static inline enum rte_color
__rte_meter_ce_mark(uint64_t *tc, uint64_t *te, uint32_t pkt_len, enum rte_color pkt_color)
{
	if (pkt_color == RTE_COLOR_GREEN && *tc >= pkt_len) {
		*tc -= pkt_len;
		return RTE_COLOR_GREEN;
	}
	if (pkt_color != RTE_COLOR_RED && *te >= pkt_len) {
		*te -= pkt_len;
		return RTE_COLOR_YELLOW;
	}
	return RTE_COLOR_RED;
}

static inline enum rte_color
rte_meter_srtcm_color_aware_check(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p,
				  uint64_t time, uint32_t pkt_len, enum rte_color pkt_color)
{
	uint64_t spill, tc, te;

	/* One rate feeds C; what C cannot hold spills into E (RFC 2697 3.1). */
	tc = __rte_meter_bucket_refill(&m->time, time, p->cir_period, p->cir_bytes_per_period,
				       m->tc, p->cbs, &spill);
	te = m->te + spill;
	if (te > p->ebs)
		te = p->ebs;
	pkt_color = __rte_meter_ce_mark(&tc, &te, pkt_len, pkt_color);
	m->tc = tc;
	m->te = te;
	return pkt_color;
}

static inline enum rte_color
rte_meter_srtcm_color_blind_check(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p,
				  uint64_t time, uint32_t pkt_len)
{
	/* Colour-blind is colour-aware with every packet arriving green. */
	return rte_meter_srtcm_color_aware_check(m, p, time, pkt_len, RTE_COLOR_GREEN);
}

static inline enum rte_color
rte_meter_trtcm_color_aware_check(struct rte_meter_trtcm *m, struct rte_meter_trtcm_profile *p,
				  uint64_t time, uint32_t pkt_len, enum rte_color pkt_color)
{
	uint64_t tc, tp;

	tc = __rte_meter_bucket_refill(&m->time_tc, time, p->cir_period, p->cir_bytes_per_period,
				       m->tc, p->cbs, NULL);
	tp = __rte_meter_bucket_refill(&m->time_tp, time, p->pir_period, p->pir_bytes_per_period,
				       m->tp, p->pbs, NULL);
	/* RFC 2698 3.1: red if over the peak rate, else yellow if over the
	 * committed rate; a green packet takes from both buckets. */
	if (pkt_color == RTE_COLOR_RED || tp < pkt_len) {
		pkt_color = RTE_COLOR_RED;
	} else if (pkt_color == RTE_COLOR_YELLOW || tc < pkt_len) {
		tp -= pkt_len;
		pkt_color = RTE_COLOR_YELLOW;
	} else {
		tc -= pkt_len;
		tp -= pkt_len;
		pkt_color = RTE_COLOR_GREEN;
	}
	m->tc = tc;
	m->tp = tp;
	return pkt_color;
}

static inline enum rte_color
rte_meter_trtcm_color_blind_check(struct rte_meter_trtcm *m, struct rte_meter_trtcm_profile *p,
				  uint64_t time, uint32_t pkt_len)
{
	return rte_meter_trtcm_color_aware_check(m, p, time, pkt_len, RTE_COLOR_GREEN);
}

static inline enum rte_color
rte_meter_trtcm_rfc4115_color_aware_check(struct rte_meter_trtcm_rfc4115 *m,
					  struct rte_meter_trtcm_rfc4115_profile *p, uint64_t time,
					  uint32_t pkt_len, enum rte_color pkt_color)
{
	uint64_t tc, te;

	/* RFC 4115: C and E refill independently; nothing spills over. */
	tc = __rte_meter_bucket_refill(&m->time_tc, time, p->cir_period, p->cir_bytes_per_period,
				       m->tc, p->cbs, NULL);
	te = __rte_meter_bucket_refill(&m->time_te, time, p->eir_period, p->eir_bytes_per_period,
				       m->te, p->ebs, NULL);
	pkt_color = __rte_meter_ce_mark(&tc, &te, pkt_len, pkt_color);
	m->tc = tc;
	m->te = te;
	return pkt_color;
}

static inline enum rte_color
rte_meter_trtcm_rfc4115_color_blind_check(struct rte_meter_trtcm_rfc4115 *m,
					  struct rte_meter_trtcm_rfc4115_profile *p, uint64_t time,
					  uint32_t pkt_len)
{
	return rte_meter_trtcm_rfc4115_color_aware_check(m, p, time, pkt_len, RTE_COLOR_GREEN);
}

#ifdef __cplusplus
}
#endif

#endif
