/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Meter profiles and flow contexts: rates in bytes per second become
 * "bytes_per_period tokens every period TSC cycles", so the inline checks
 * in rte_meter.h only add, compare and divide integers.
 */
#include <errno.h>
#include <inttypes.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_log.h>
#include <rte_meter.h>

#include "eal_private.h"

/*
 * The shortest refill period, in cycles. A rate faster than one byte every
 * this many cycles adds several bytes a period instead: a shorter period
 * would round the rate too coarsely, since periods are whole cycles.
 */
#define METER_TB_PERIOD_MIN 100

struct meter_tb_rate {
	uint64_t period;
	uint64_t bytes_per_period;
};

/*
 * rate bytes per second at hz cycles per second. Exact integer arithmetic
 * (128-bit where products may pass 64 bits); a zero rate never refills.
 */
static struct meter_tb_rate
meter_tb_rate_of(uint64_t hz, uint64_t rate)
{
	struct meter_tb_rate r = {.period = METER_TB_PERIOD_MIN, .bytes_per_period = 0};
	unsigned __int128 bytes;

	if (rate == 0)
		return r;
	if ((unsigned __int128)rate * METER_TB_PERIOD_MIN <= hz) {
		r.period = hz / rate;
		r.bytes_per_period = 1;
		return r;
	}
	/* The fewest bytes whose period is at least METER_TB_PERIOD_MIN
	 * cycles: ceil(METER_TB_PERIOD_MIN * rate / hz). */
	bytes = ((unsigned __int128)rate * METER_TB_PERIOD_MIN + hz - 1) / hz;
	r.bytes_per_period = bytes > UINT64_MAX ? UINT64_MAX : (uint64_t)bytes;
	r.period = (uint64_t)((unsigned __int128)hz * r.bytes_per_period / rate);
	return r;
}

/* The TSC rate, or 0 with a log line when the EAL does not know it yet. */
static uint64_t
meter_tsc_hz(void)
{
	uint64_t hz = rte_get_tsc_hz();

	if (hz == 0)
		RTE_LOG(ERR, METER, "the TSC frequency is unknown; call rte_eal_init() first\n");
	return hz;
}

static int
meter_args_check(const void *p, const void *params)
{
	if (p == NULL || params == NULL) {
		RTE_LOG(ERR, METER, "profile config: %s is NULL; pass the caller's struct\n",
			p == NULL ? "profile" : "params");
		return -EINVAL;
	}
	return 0;
}

static int
meter_ctx_check(const void *m, const void *p)
{
	if (m == NULL || p == NULL) {
		RTE_LOG(ERR, METER, "meter config: %s is NULL; pass the caller's struct\n",
			m == NULL ? "meter" : "profile");
		return -EINVAL;
	}
	return 0;
}

__rte_export int
rte_meter_srtcm_profile_config(struct rte_meter_srtcm_profile *p,
			       struct rte_meter_srtcm_params *params)
{
	struct meter_tb_rate cir;
	uint64_t hz;

	if (meter_args_check(p, params) < 0)
		return -EINVAL;
	if (params->cir == 0 || (params->cbs == 0 && params->ebs == 0)) {
		RTE_LOG(ERR, METER,
			"srTCM profile: cir %" PRIu64 ", cbs %" PRIu64 ", ebs %" PRIu64
			"; cir and one of cbs, ebs must be > 0\n",
			params->cir, params->cbs, params->ebs);
		return -EINVAL;
	}
	hz = meter_tsc_hz();
	if (hz == 0)
		return -EINVAL;
	cir = meter_tb_rate_of(hz, params->cir);
	p->cbs = params->cbs;
	p->ebs = params->ebs;
	p->cir_period = cir.period;
	p->cir_bytes_per_period = cir.bytes_per_period;
	return 0;
}

__rte_export int
rte_meter_trtcm_profile_config(struct rte_meter_trtcm_profile *p,
			       struct rte_meter_trtcm_params *params)
{
	struct meter_tb_rate cir, pir;
	uint64_t hz;

	if (meter_args_check(p, params) < 0)
		return -EINVAL;
	if (params->cir == 0 || params->pir < params->cir || params->cbs == 0 || params->pbs == 0) {
		RTE_LOG(ERR, METER,
			"trTCM profile: cir %" PRIu64 ", pir %" PRIu64 ", cbs %" PRIu64
			", pbs %" PRIu64 "; all must be > 0 and pir >= cir\n",
			params->cir, params->pir, params->cbs, params->pbs);
		return -EINVAL;
	}
	hz = meter_tsc_hz();
	if (hz == 0)
		return -EINVAL;
	cir = meter_tb_rate_of(hz, params->cir);
	pir = meter_tb_rate_of(hz, params->pir);
	p->cbs = params->cbs;
	p->pbs = params->pbs;
	p->cir_period = cir.period;
	p->cir_bytes_per_period = cir.bytes_per_period;
	p->pir_period = pir.period;
	p->pir_bytes_per_period = pir.bytes_per_period;
	return 0;
}

__rte_export int
rte_meter_trtcm_rfc4115_profile_config(struct rte_meter_trtcm_rfc4115_profile *p,
				       struct rte_meter_trtcm_rfc4115_params *params)
{
	struct meter_tb_rate cir, eir;
	uint64_t hz;

	if (meter_args_check(p, params) < 0)
		return -EINVAL;
	if ((params->cir != 0 && params->cbs == 0) || (params->eir != 0 && params->ebs == 0)) {
		RTE_LOG(ERR, METER,
			"trTCM RFC 4115 profile: cir %" PRIu64 " with cbs %" PRIu64 ", eir %" PRIu64
			" with ebs %" PRIu64 "; a non-zero rate needs a non-zero burst size\n",
			params->cir, params->cbs, params->eir, params->ebs);
		return -EINVAL;
	}
	hz = meter_tsc_hz();
	if (hz == 0)
		return -EINVAL;
	cir = meter_tb_rate_of(hz, params->cir);
	eir = meter_tb_rate_of(hz, params->eir);
	p->cbs = params->cbs;
	p->ebs = params->ebs;
	p->cir_period = cir.period;
	p->cir_bytes_per_period = cir.bytes_per_period;
	p->eir_period = eir.period;
	p->eir_bytes_per_period = eir.bytes_per_period;
	return 0;
}

__rte_export int
rte_meter_srtcm_config(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p)
{
	if (meter_ctx_check(m, p) < 0)
		return -EINVAL;
	m->time = rte_get_tsc_cycles();
	m->tc = p->cbs;
	m->te = p->ebs;
	return 0;
}

__rte_export int
rte_meter_trtcm_config(struct rte_meter_trtcm *m, struct rte_meter_trtcm_profile *p)
{
	if (meter_ctx_check(m, p) < 0)
		return -EINVAL;
	m->time_tc = rte_get_tsc_cycles();
	m->time_tp = m->time_tc;
	m->tc = p->cbs;
	m->tp = p->pbs;
	return 0;
}

__rte_export int
rte_meter_trtcm_rfc4115_config(struct rte_meter_trtcm_rfc4115 *m,
			       struct rte_meter_trtcm_rfc4115_profile *p)
{
	if (meter_ctx_check(m, p) < 0)
		return -EINVAL;
	m->time_tc = rte_get_tsc_cycles();
	m->time_te = m->time_tc;
	m->tc = p->cbs;
	m->te = p->ebs;
	return 0;
}
