/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A secondary process on the VFIO ports of a primary (see
 * app/test/vm/mp_vfio_scenarios.sh): the primary has two ports of one PMD
 * (SLUICE_VFIO_MP_PMD, net_e1000_em by default) on one hub, started and
 * idle; this suite runs as
 *   sluice-test vfio_mp_port -l 1 --proc-type=secondary --file-prefix=P
 * checks what a secondary may not do (configure, Rx interrupts), sends
 * counted frames on port 0's queue and receives them on port 1's. With
 * SLUICE_VFIO_MP_HOLD set it then reads the counters until it is killed.
 * Skipped in a primary.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_cycles.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "test.h"

#define MPP_FRAMES 64
#define MPP_LEN 128
#define MPP_ETHERTYPE 0x88B5 /* IEEE local experimental */
#define MPP_MAGIC 0x5EC0

static struct rte_mempool *
mpp_pool(void)
{
	struct rte_mempool *mp;

	/* the primary's heap has room; else testpmd's pool (lcores differ) */
	mp = rte_pktmbuf_pool_create("vfio_mp_port", 511, 0, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     SOCKET_ID_ANY);
	return mp != NULL ? mp : rte_mempool_lookup("mb_pool_0");
}

static int
mpp_send(struct rte_mempool *mp, uint16_t port)
{
	struct rte_mbuf *m[MPP_FRAMES];
	uint16_t sent = 0;

	for (unsigned int i = 0; i < MPP_FRAMES; i++) {
		uint8_t *p;

		m[i] = rte_pktmbuf_alloc(mp);
		TEST_ASSERT_NOT_NULL(m[i], "no mbuf");
		p = (uint8_t *)rte_pktmbuf_append(m[i], MPP_LEN);
		TEST_ASSERT_NOT_NULL(p, "mbuf of %u bytes", MPP_LEN);
		memset(p, 0xff, 6);
		memset(p + 6, 0x02, 6);
		p[12] = MPP_ETHERTYPE >> 8;
		p[13] = MPP_ETHERTYPE & 0xff;
		p[14] = MPP_MAGIC >> 8;
		p[15] = MPP_MAGIC & 0xff;
		p[16] = (uint8_t)i;
		for (unsigned int b = 17; b < MPP_LEN; b++)
			p[b] = (uint8_t)(b + i);
	}
	for (unsigned int t = 0; t < 1000 && sent < MPP_FRAMES; t++) {
		sent += rte_eth_tx_burst(port, 0, m + sent, (uint16_t)(MPP_FRAMES - sent));
		rte_delay_us(100);
	}
	rte_pktmbuf_free_bulk(m + sent, MPP_FRAMES - sent);
	TEST_ASSERT_EQUAL(sent, MPP_FRAMES, "port %u queue 0 took %u of %u frames", port, sent,
			  MPP_FRAMES);
	return TEST_SUCCESS;
}

/* Frames of ours received on port within 3 s, each sequence number once. */
static unsigned int
mpp_receive(uint16_t port, unsigned int *bad)
{
	bool seen[MPP_FRAMES] = {false};
	unsigned int n = 0;

	*bad = 0;
	for (unsigned int t = 0; t < 3000 && n < MPP_FRAMES; t++) {
		struct rte_mbuf *m[32];
		uint16_t k = rte_eth_rx_burst(port, 0, m, RTE_DIM(m));

		for (uint16_t i = 0; i < k; i++) {
			const uint8_t *p = rte_pktmbuf_mtod(m[i], const uint8_t *);
			bool ours = m[i]->data_len >= MPP_LEN && p[12] == (MPP_ETHERTYPE >> 8) &&
				    p[13] == (MPP_ETHERTYPE & 0xff) && p[14] == (MPP_MAGIC >> 8) &&
				    p[15] == (MPP_MAGIC & 0xff);

			if (ours && p[16] < MPP_FRAMES && !seen[p[16]] &&
			    p[MPP_LEN - 1] == (uint8_t)(MPP_LEN - 1 + p[16])) {
				seen[p[16]] = true;
				n++;
			} else if (ours) {
				(*bad)++;
			}
			rte_pktmbuf_free(m[i]);
		}
		if (k == 0)
			rte_delay_ms(1);
	}
	return n;
}

static int
test_vfio_mp_port_traffic(void)
{
	struct rte_eth_dev_info info;
	struct rte_eth_conf conf;
	struct rte_mempool *mp;
	unsigned int got, bad;
	const char *pmd;
	uint16_t nb;

	if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
		printf("  not a secondary process: skipped\n");
		return TEST_SKIPPED;
	}
	/* while the primary forwards, its queues are its own */
	if (getenv("SLUICE_VFIO_MP_HOLD") != NULL)
		return TEST_SKIPPED;
	pmd = getenv("SLUICE_VFIO_MP_PMD") != NULL ? getenv("SLUICE_VFIO_MP_PMD") : "net_e1000_em";
	nb = rte_eth_dev_count_avail();
	TEST_ASSERT_EQUAL(nb, 2, "%u ports attached, want the primary's 2", nb);
	for (uint16_t port = 0; port < 2; port++) {
		TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info of port %u", port);
		TEST_ASSERT(strcmp(info.driver_name, pmd) == 0, "port %u driver %s, want %s", port,
			    info.driver_name, pmd);
		printf("  port %u: %s on %s\n", port, info.driver_name, rte_dev_name(info.device));
	}
	/* the device is the primary's to set up, and its vectors too */
	memset(&conf, 0, sizeof(conf));
	TEST_ASSERT_EQUAL(rte_eth_dev_configure(0, 1, 1, &conf), -ENOTSUP, "configure");
	TEST_ASSERT_EQUAL(rte_eth_dev_rx_intr_enable(1, 0), -ENOTSUP, "Rx interrupts");

	mp = mpp_pool();
	TEST_ASSERT_NOT_NULL(mp, "no mbuf pool in the secondary");
	/* what the idle primary left on port 1 is not ours */
	(void)mpp_receive(1, &bad);
	if (mpp_send(mp, 0) != TEST_SUCCESS)
		return TEST_FAILED;
	got = mpp_receive(1, &bad);
	printf("  %u frames sent on port 0 queue 0, %u received on port 1 queue 0, %u bad\n",
	       MPP_FRAMES, got, bad);
	TEST_ASSERT_EQUAL(got, MPP_FRAMES, "frames received");
	TEST_ASSERT_EQUAL(bad, 0u, "damaged or repeated frames");
	return TEST_SUCCESS;
}

/* Read the counters (BAR registers) until killed: the kill lands mid-access. */
static int
test_vfio_mp_port_hold(void)
{
	struct rte_eth_stats st;

	if (getenv("SLUICE_VFIO_MP_HOLD") == NULL || rte_eal_process_type() != RTE_PROC_SECONDARY)
		return TEST_SKIPPED;
	printf("  holding the ports\n");
	fflush(stdout);
	for (;;) {
		for (uint16_t port = 0; port < 2; port++)
			(void)rte_eth_stats_get(port, &st);
		rte_delay_ms(10);
	}
	return TEST_FAILED;
}

static const struct test_case vfio_mp_port_cases[] = {
	TEST_CASE(test_vfio_mp_port_traffic), TEST_CASE(test_vfio_mp_port_hold), TEST_CASES_END()};

REGISTER_TEST_SUITE(vfio_mp_port, TEST_SUITE_EAL, vfio_mp_port_cases);
