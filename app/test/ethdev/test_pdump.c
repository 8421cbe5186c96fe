/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * pdump in one process (the capture itself runs in the tools suite, with a
 * secondary): rte_pdump_init once, statistics of a port before any
 * capture, and each argument error of the secondary's calls, which are
 * refused before anything is sent, then the primary's own refusal.
 */
#include <errno.h>
#include <stdint.h>
#include <string.h>

#include <bus_vdev_driver.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pdump.h>
#include <rte_ring.h>

#include "test.h"

#define PORT_NAME "net_null_pdump0"

struct pdump_fixture {
	uint16_t port;
	struct rte_ring *ring;
	struct rte_ring *ring_sp;
	struct rte_mempool *mp;
};

static int
test_pdump_fixture_make(struct pdump_fixture *f)
{
	TEST_ASSERT_SUCCESS(rte_vdev_init(PORT_NAME, NULL), "create %s", PORT_NAME);
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(PORT_NAME, &f->port), "port id");
	f->ring = rte_ring_create("pdump_t_ring", 64, SOCKET_ID_ANY, 0);
	f->ring_sp = rte_ring_create("pdump_t_ring_sp", 64, SOCKET_ID_ANY, RING_F_SP_ENQ);
	f->mp = rte_pktmbuf_pool_create("pdump_t_pool", 63, 0, 0, 256, SOCKET_ID_ANY);
	TEST_ASSERT(f->ring != NULL && f->ring_sp != NULL && f->mp != NULL, "ring and pool: %s",
		    rte_strerror(rte_errno));
	return TEST_SUCCESS;
}

static void
test_pdump_fixture_free(struct pdump_fixture *f)
{
	rte_mempool_free(f->mp);
	rte_ring_free(f->ring_sp);
	rte_ring_free(f->ring);
	rte_vdev_uninit(PORT_NAME);
}

/* ret must be -1 with rte_errno err. */
#define ASSERT_REFUSED(ret, err, what)                                                             \
	do {                                                                                       \
		rte_errno = 0;                                                                     \
		int ret_ = (ret);                                                                  \
		TEST_ASSERT(ret_ == -1 && rte_errno == (err), "%s: %d, rte_errno %d, want -1, %d", \
			    what, ret_, rte_errno, err);                                           \
	} while (0)

static int
test_pdump_api_check(const struct pdump_fixture *f_)
{
	const struct pdump_fixture f = *f_;
	struct rte_pdump_stats st;

	/* statistics need the primary's table */
	ASSERT_REFUSED(rte_pdump_stats(f.port, &st), EINVAL, "stats before init");
	TEST_ASSERT_SUCCESS(rte_pdump_init(), "init: %s", rte_strerror(rte_errno));
	ASSERT_REFUSED(rte_pdump_init(), EEXIST, "second init");
	memset(&st, 0xff, sizeof(st));
	TEST_ASSERT_SUCCESS(rte_pdump_stats(f.port, &st), "stats");
	TEST_ASSERT(st.accepted == 0 && st.nombuf == 0 && st.ringfull == 0, "nothing captured");
	TEST_ASSERT(rte_pdump_stats(RTE_MAX_ETHPORTS - 1, &st) < 0, "stats of no port");

	/* argument errors come before the request */
	ASSERT_REFUSED(
		rte_pdump_enable(RTE_MAX_ETHPORTS - 1, 0, RTE_PDUMP_FLAG_RX, f.ring, f.mp, NULL),
		EINVAL, "no such port");
	ASSERT_REFUSED(rte_pdump_enable(f.port, 0, RTE_PDUMP_FLAG_RX, NULL, f.mp, NULL), EINVAL,
		       "NULL ring");
	ASSERT_REFUSED(rte_pdump_enable(f.port, 0, RTE_PDUMP_FLAG_RX, f.ring_sp, f.mp, NULL),
		       EINVAL, "single-producer ring");
	ASSERT_REFUSED(rte_pdump_enable(f.port, 0, RTE_PDUMP_FLAG_PCAPNG, f.ring, f.mp, NULL),
		       EINVAL, "no direction");
	ASSERT_REFUSED(rte_pdump_enable(f.port, 0, RTE_PDUMP_FLAG_RX | 0x80, f.ring, f.mp, NULL),
		       ENOTSUP, "unknown flag");
	ASSERT_REFUSED(rte_pdump_enable_bpf(f.port, 0, RTE_PDUMP_FLAG_RX, 0, f.ring, f.mp,
					    (const struct rte_bpf_prm *)&st),
		       ENOTSUP, "a BPF program");
	ASSERT_REFUSED(rte_pdump_disable_by_deviceid((char *)PORT_NAME, 0, 0), EINVAL,
		       "disable, no direction");
	/* well formed, but this is the primary: it serves captures, it does not ask */
	ASSERT_REFUSED(rte_pdump_enable(f.port, 0, RTE_PDUMP_FLAG_RXTX, f.ring, f.mp, NULL), EPERM,
		       "enable in the primary");
	ASSERT_REFUSED(rte_pdump_enable_by_deviceid((char *)PORT_NAME, RTE_PDUMP_ALL_QUEUES,
						    RTE_PDUMP_FLAG_TX, f.ring, f.mp, NULL),
		       EPERM, "enable by name in the primary");
	ASSERT_REFUSED(rte_pdump_disable(f.port, 0, RTE_PDUMP_FLAG_RX), EPERM,
		       "disable in the primary");

	TEST_ASSERT_SUCCESS(rte_pdump_uninit(), "uninit");
	ASSERT_REFUSED(rte_pdump_stats(f.port, &st), EINVAL, "stats after uninit");
	TEST_ASSERT_SUCCESS(rte_pdump_uninit(), "second uninit is harmless");
	return TEST_SUCCESS;
}

static int
test_pdump_api(void)
{
	struct pdump_fixture f = {0};
	int ret;

	ret = test_pdump_fixture_make(&f);
	if (ret == TEST_SUCCESS)
		ret = test_pdump_api_check(&f);
	/* a failed check leaves no state behind for the next suite */
	rte_pdump_uninit();
	test_pdump_fixture_free(&f);
	return ret;
}

static const struct test_case test_pdump_cases[] = {
	TEST_CASE(test_pdump_api),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(pdump, TEST_SUITE_EAL, test_pdump_cases);
