/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * meter: the colours srTCM, trTCM and trTCM RFC 4115 give to known bursts
 * of packets at explicit TSC times (never the wall clock), refills after
 * an exact number of periods, colour-aware marking, the rate-to-period
 * conversion, parameter errors, and the struct sizes applications rely on.
 */
#include <errno.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_meter.h>

#include "test.h"

/* Applications allocate these; DPDK-built code sees the same layout. */
_Static_assert(sizeof(struct rte_meter_srtcm) == 24, "srtcm layout");
_Static_assert(sizeof(struct rte_meter_srtcm_profile) == 32, "srtcm profile layout");
_Static_assert(sizeof(struct rte_meter_trtcm) == 32, "trtcm layout");
_Static_assert(sizeof(struct rte_meter_trtcm_profile) == 48, "trtcm profile layout");
_Static_assert(sizeof(struct rte_meter_trtcm_rfc4115) == 32, "rfc4115 layout");
_Static_assert(sizeof(struct rte_meter_trtcm_rfc4115_profile) == 48, "rfc4115 profile layout");

#define MB 1000000ull
#define PKT 1000u

/* Colours of n PKT-byte packets through an srTCM at time t, as a string. */
static const char *
test_meter_srtcm_run(struct rte_meter_srtcm *m, struct rte_meter_srtcm_profile *p, uint64_t t,
		     unsigned int n, char *out)
{
	static const char letter[] = {'G', 'Y', 'R'};
	unsigned int i;

	for (i = 0; i < n; i++)
		out[i] = letter[rte_meter_srtcm_color_blind_check(m, p, t, PKT)];
	out[n] = '\0';
	return out;
}

/* 1 MB/s is one byte every hz / 10^6 cycles on any TSC faster than 100 MHz. */
static int
test_meter_rate_conversion(void)
{
	uint64_t hz = rte_get_tsc_hz();
	struct rte_meter_srtcm_params sp = {.cir = MB, .cbs = 1, .ebs = 0};
	struct rte_meter_srtcm_profile p;
	struct rte_meter_trtcm_rfc4115_params rp = {.cir = 0, .eir = hz / 10, .cbs = 0, .ebs = 1};
	struct rte_meter_trtcm_rfc4115_profile rpp;

	if (hz < 100 * MB)
		return TEST_SKIPPED;
	TEST_ASSERT_SUCCESS(rte_meter_srtcm_profile_config(&p, &sp), "1 MB/s profile");
	TEST_ASSERT_EQUAL(p.cir_period, hz / MB, "one byte every hz/1e6 cycles");
	TEST_ASSERT_EQUAL(p.cir_bytes_per_period, 1, "one byte a period");

	/* A byte every 10 cycles is faster than the shortest period (100
	 * cycles): ten bytes every 100 cycles instead. A zero rate never
	 * refills. */
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_profile_config(&rpp, &rp), "rfc4115");
	TEST_ASSERT_EQUAL(rpp.eir_bytes_per_period, 10, "bytes a period at hz/10 B/s");
	TEST_ASSERT_EQUAL(rpp.eir_period, hz * 10 / (hz / 10), "period at hz/10 B/s");
	TEST_ASSERT(rpp.eir_period >= 100 && rpp.eir_period < 101, "period %lu",
		    (unsigned long)rpp.eir_period);
	TEST_ASSERT_EQUAL(rpp.cir_bytes_per_period, 0, "zero CIR adds nothing");
	TEST_ASSERT_EQUAL(rpp.cir_period, 100, "zero CIR period");
	return TEST_SUCCESS;
}

/*
 * srTCM at 1 MB/s, CBS 3000, EBS 2000: a burst of 1000-byte packets is
 * green for 3, yellow for 2 more, then red; the buckets refill one byte a
 * period, C first, its overflow into E.
 */
static int
test_meter_srtcm_burst(void)
{
	struct rte_meter_srtcm_params params = {.cir = MB, .cbs = 3000, .ebs = 2000};
	struct rte_meter_srtcm_profile p;
	struct rte_meter_srtcm m;
	uint64_t t0, per;
	char c[16];

	TEST_ASSERT_SUCCESS(rte_meter_srtcm_profile_config(&p, &params), "profile");
	TEST_ASSERT_SUCCESS(rte_meter_srtcm_config(&m, &p), "config");
	TEST_ASSERT_EQUAL(m.tc, 3000, "C starts full");
	TEST_ASSERT_EQUAL(m.te, 2000, "E starts full");
	TEST_ASSERT_EQUAL(p.cir_bytes_per_period, 1, "slow rate: a byte a period");
	t0 = m.time;
	per = p.cir_period;

	TEST_ASSERT(strcmp(test_meter_srtcm_run(&m, &p, t0, 7, c), "GGGYYRR") == 0, "%s", c);
	TEST_ASSERT_EQUAL(m.tc, 0, "C empty");
	TEST_ASSERT_EQUAL(m.te, 0, "E empty");

	/* 999 periods (and most of another) refill 999 bytes: still red. */
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_blind_check(&m, &p, t0 + 1000 * per - 1, PKT),
			  RTE_COLOR_RED, "999 bytes of tokens");
	TEST_ASSERT_EQUAL(m.tc, 999, "C after 999 periods");
	TEST_ASSERT_EQUAL(m.time, t0 + 999 * per, "time advances by whole periods");
	/* The 1000th period completes the packet's worth. */
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_blind_check(&m, &p, t0 + 1000 * per, PKT),
			  RTE_COLOR_GREEN, "1000 bytes of tokens");
	TEST_ASSERT_EQUAL(m.tc, 0, "C spent");

	/* 4000 more periods: C fills to 3000, 1000 spill into E. */
	TEST_ASSERT(strcmp(test_meter_srtcm_run(&m, &p, t0 + 5000 * per, 5, c), "GGGYR") == 0, "%s",
		    c);
	/* A long idle time caps both buckets at their sizes. */
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_blind_check(&m, &p, t0 + 1000000 * per, PKT),
			  RTE_COLOR_GREEN, "after idle");
	TEST_ASSERT_EQUAL(m.tc, 2000, "C capped at CBS then charged");
	TEST_ASSERT_EQUAL(m.te, 2000, "E capped at EBS");
	return TEST_SUCCESS;
}

/* Colour-aware: a packet never comes out better than it went in. */
static int
test_meter_srtcm_aware(void)
{
	struct rte_meter_srtcm_params params = {.cir = MB, .cbs = 1000, .ebs = 1000};
	struct rte_meter_srtcm_profile p;
	struct rte_meter_srtcm m;
	uint64_t t0;

	TEST_ASSERT_SUCCESS(rte_meter_srtcm_profile_config(&p, &params), "profile");
	TEST_ASSERT_SUCCESS(rte_meter_srtcm_config(&m, &p), "config");
	t0 = m.time;
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_RED),
			  RTE_COLOR_RED, "red stays red");
	TEST_ASSERT_EQUAL(m.tc + m.te, 2000, "red takes no tokens");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_YELLOW),
			  RTE_COLOR_YELLOW, "yellow with C full");
	TEST_ASSERT_EQUAL(m.tc, 1000, "yellow leaves C");
	TEST_ASSERT_EQUAL(m.te, 0, "yellow takes from E");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_YELLOW),
			  RTE_COLOR_RED, "yellow with E empty");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_GREEN),
			  RTE_COLOR_GREEN, "green with C full");
	return TEST_SUCCESS;
}

/*
 * trTCM (RFC 2698) at CIR 1 MB/s, PIR 2 MB/s, CBS 2000, PBS 3000: green
 * while both buckets hold the packet, yellow while only P does, then red.
 */
static int
test_meter_trtcm(void)
{
	struct rte_meter_trtcm_params params = {.cir = MB, .pir = 2 * MB, .cbs = 2000, .pbs = 3000};
	struct rte_meter_trtcm_profile p;
	struct rte_meter_trtcm m;
	uint64_t t0, t1;

	TEST_ASSERT_SUCCESS(rte_meter_trtcm_profile_config(&p, &params), "profile");
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_config(&m, &p), "config");
	t0 = m.time_tc;
	TEST_ASSERT_EQUAL(m.time_tp, t0, "both buckets start together");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_blind_check(&m, &p, t0, PKT), RTE_COLOR_GREEN, "1");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_blind_check(&m, &p, t0, PKT), RTE_COLOR_GREEN, "2");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_blind_check(&m, &p, t0, PKT), RTE_COLOR_YELLOW,
			  "3: C empty, P holds 1000");
	TEST_ASSERT_EQUAL(m.tp, 0, "yellow takes from P");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_blind_check(&m, &p, t0, PKT), RTE_COLOR_RED, "4");
	TEST_ASSERT_EQUAL(m.tc, 0, "red takes nothing");

	/* 1000 P periods: P holds 1000 bytes, C (half the rate) about 500. */
	t1 = t0 + 1000 * p.pir_period;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_blind_check(&m, &p, t1, PKT), RTE_COLOR_YELLOW,
			  "P refilled first");
	TEST_ASSERT_EQUAL(m.tc, (t1 - t0) / p.cir_period, "C refilled at its own rate");
	TEST_ASSERT_EQUAL(m.tp, 0, "P spent");

	/* Colour-aware: yellow in stays yellow though C could pay. */
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_config(&m, &p), "config again");
	t0 = m.time_tc;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_YELLOW),
			  RTE_COLOR_YELLOW, "yellow in");
	TEST_ASSERT_EQUAL(m.tc, 2000, "yellow leaves C");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_color_aware_check(&m, &p, t0, PKT, RTE_COLOR_RED),
			  RTE_COLOR_RED, "red in");
	TEST_ASSERT_EQUAL(m.tp, 2000, "red leaves P");
	return TEST_SUCCESS;
}

/*
 * trTCM RFC 4115: C and E refill at their own rates and nothing spills
 * from C into E; a zero EIR leaves E as configured, never refilled.
 */
static int
test_meter_trtcm_rfc4115(void)
{
	struct rte_meter_trtcm_rfc4115_params params = {
		.cir = MB, .eir = MB, .cbs = 1000, .ebs = 1000};
	struct rte_meter_trtcm_rfc4115_profile p;
	struct rte_meter_trtcm_rfc4115 m;
	uint64_t t0;

	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_profile_config(&p, &params), "profile");
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_config(&m, &p), "config");
	t0 = m.time_tc;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, PKT),
			  RTE_COLOR_GREEN, "C pays");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, PKT),
			  RTE_COLOR_YELLOW, "E pays");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, PKT), RTE_COLOR_RED,
			  "nobody pays");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(
				  &m, &p, t0 + 1000 * p.cir_period, 2 * PKT),
			  RTE_COLOR_RED, "each bucket holds 1000, neither 2000");
	TEST_ASSERT_EQUAL(m.tc, 1000, "C refilled");
	TEST_ASSERT_EQUAL(m.te, 1000, "E refilled on its own");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_aware_check(
				  &m, &p, t0 + 1000 * p.cir_period, PKT, RTE_COLOR_YELLOW),
			  RTE_COLOR_YELLOW, "yellow in takes from E");
	TEST_ASSERT_EQUAL(m.tc, 1000, "C untouched by yellow");

	params.eir = 0;
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_profile_config(&p, &params), "EIR 0");
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_config(&m, &p), "config");
	t0 = m.time_tc;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, 2 * PKT),
			  RTE_COLOR_RED, "neither holds 2000");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, PKT),
			  RTE_COLOR_GREEN, "C");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0, PKT),
			  RTE_COLOR_YELLOW, "E's initial tokens");
	TEST_ASSERT_EQUAL(
		rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0 + 5000 * p.cir_period, PKT),
		RTE_COLOR_GREEN, "C refills");
	TEST_ASSERT_EQUAL(
		rte_meter_trtcm_rfc4115_color_blind_check(&m, &p, t0 + 5000 * p.cir_period, PKT),
		RTE_COLOR_RED, "E never refills at EIR 0");
	return TEST_SUCCESS;
}

static int
test_meter_errors(void)
{
	struct rte_meter_srtcm_params sp = {.cir = MB, .cbs = 0, .ebs = 0};
	struct rte_meter_trtcm_params tp = {.cir = 2 * MB, .pir = MB, .cbs = 1, .pbs = 1};
	struct rte_meter_trtcm_rfc4115_params rp = {.cir = MB, .eir = 0, .cbs = 0, .ebs = 0};
	struct rte_meter_srtcm_profile spp;
	struct rte_meter_trtcm_profile tpp;
	struct rte_meter_trtcm_rfc4115_profile rpp;
	struct rte_meter_srtcm sm;

	TEST_ASSERT_EQUAL(rte_meter_srtcm_profile_config(&spp, &sp), -EINVAL, "cbs = ebs = 0");
	sp.cbs = 1;
	sp.cir = 0;
	TEST_ASSERT_EQUAL(rte_meter_srtcm_profile_config(&spp, &sp), -EINVAL, "cir 0");
	sp.cir = MB;
	TEST_ASSERT_EQUAL(rte_meter_srtcm_profile_config(NULL, &sp), -EINVAL, "NULL profile");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_profile_config(&spp, NULL), -EINVAL, "NULL params");
	TEST_ASSERT_SUCCESS(rte_meter_srtcm_profile_config(&spp, &sp), "cbs 1 alone");
	sp.cbs = 0;
	sp.ebs = 1;
	TEST_ASSERT_SUCCESS(rte_meter_srtcm_profile_config(&spp, &sp), "ebs 1 alone");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_config(NULL, &spp), -EINVAL, "NULL meter");
	TEST_ASSERT_EQUAL(rte_meter_srtcm_config(&sm, NULL), -EINVAL, "NULL profile");

	TEST_ASSERT_EQUAL(rte_meter_trtcm_profile_config(&tpp, &tp), -EINVAL, "pir < cir");
	tp.pir = 2 * MB;
	tp.pbs = 0;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_profile_config(&tpp, &tp), -EINVAL, "pbs 0");
	tp.pbs = 1;
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_profile_config(&tpp, &tp), "pir == cir");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_config(NULL, &tpp), -EINVAL, "NULL meter");

	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_profile_config(&rpp, &rp), -EINVAL,
			  "cir without cbs");
	rp.cbs = 1;
	rp.eir = MB;
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_profile_config(&rpp, &rp), -EINVAL,
			  "eir without ebs");
	rp.eir = 0;
	TEST_ASSERT_SUCCESS(rte_meter_trtcm_rfc4115_profile_config(&rpp, &rp), "eir 0, ebs 0");
	TEST_ASSERT_EQUAL(rte_meter_trtcm_rfc4115_config(NULL, &rpp), -EINVAL, "NULL meter");
	return TEST_SUCCESS;
}

static const struct test_case test_meter_cases[] = {
	TEST_CASE(test_meter_rate_conversion),
	TEST_CASE(test_meter_srtcm_burst),
	TEST_CASE(test_meter_srtcm_aware),
	TEST_CASE(test_meter_trtcm),
	TEST_CASE(test_meter_trtcm_rfc4115),
	TEST_CASE(test_meter_errors),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(meter, TEST_SUITE_EAL, test_meter_cases);
