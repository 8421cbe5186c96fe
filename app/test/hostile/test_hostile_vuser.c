/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_virtio_user against a vhost-user back-end that lies
 * (hostile_vuser_backend): replies that are short, that answer another
 * request, that lack the reply flag, features without VERSION_1, a queue
 * count of zero or 2^40, a back-end that hangs up mid-handshake: each
 * refuses the port with one line and leaves nothing behind. Then, on a
 * started port, the back-end writes used entries with ids past the ring,
 * lengths of a gigabyte and a used index a thousand ahead, on the Rx and
 * the Tx ring: the port counts each as an error, hands up nothing bad,
 * and the process lives. Run it in the ASan build.
 */
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "hostile_vuser_backend.h"
#include "test.h"

#define HVU_T_NAME "net_virtio_user_hostile"
#define HVU_T_QSIZE 64

/* 2.6.8 the used ring as the back-end writes it */
struct hvu_t_used_elem {
	uint32_t id;
	uint32_t len;
};
struct hvu_t_used {
	uint16_t flags;
	uint16_t idx;
	struct hvu_t_used_elem ring[];
};

static struct rte_mempool *
hvu_t_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("hostile_vuser_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("hostile_vuser_mp", 511, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
hvu_t_create(const struct hvu_backend *b)
{
	char args[200];

	snprintf(args, sizeof(args), "path=%s,queue_size=%u,packed_vq=0,mrg_rxbuf=0", b->path,
		 HVU_T_QSIZE);
	return rte_vdev_init(HVU_T_NAME, args);
}

static int
test_hvu_bad_handshake(void)
{
	static const enum hvu_fault faults[] = {
		HVU_SHORT_REPLY,   HVU_WRONG_REQUEST, HVU_NO_REPLY_FLAG, HVU_NO_VERSION_1,
		HVU_ABSURD_QUEUES, HVU_ZERO_QUEUES,   HVU_HANG_UP,
	};
	uint16_t before = rte_eth_dev_count_avail();

	for (unsigned int i = 0; i < RTE_DIM(faults); i++) {
		struct hvu_backend b;
		int ret;

		TEST_ASSERT_SUCCESS(hvu_start(&b, faults[i]), "back-end %u", i);
		ret = hvu_t_create(&b);
		if (ret == 0)
			rte_vdev_uninit(HVU_T_NAME);
		hvu_stop(&b);
		TEST_ASSERT(ret != 0, "fault %u: the port was created", faults[i]);
		TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), before, "fault %u left a port",
				  faults[i]);
	}
	return TEST_SUCCESS;
}

static int
hvu_t_wait_ready(struct hvu_backend *b)
{
	for (unsigned int i = 0; i < 500 && !atomic_load(&b->ready); i++)
		rte_delay_us_sleep(10000);
	return atomic_load(&b->ready) ? 0 : -1;
}

/* The back-end publishes n used entries on ring vr (release: entries before the index). */
static void
hvu_t_used_write(const struct hvu_vring *vr, const struct hvu_t_used_elem *e, uint16_t n,
		 uint16_t extra)
{
	struct hvu_t_used *u = (struct hvu_t_used *)(uintptr_t)vr->used;
	uint16_t idx = u->idx;

	for (uint16_t i = 0; i < n; i++)
		u->ring[(uint16_t)(idx + i) % vr->num] = e[i];
	__atomic_store_n(&u->idx, (uint16_t)(idx + n + extra), __ATOMIC_RELEASE);
}

/* The port on back-end b, one queue pair, started, the rings with the back-end. */
static int
hvu_t_port_up(struct hvu_backend *b, uint16_t *port)
{
	struct rte_eth_conf conf;

	memset(&conf, 0, sizeof(conf));
	if (hvu_t_create(b) != 0 || rte_eth_dev_get_port_by_name(HVU_T_NAME, port) != 0 ||
	    rte_eth_dev_configure(*port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(*port, 0, HVU_T_QSIZE, SOCKET_ID_ANY, NULL, hvu_t_pool()) != 0 ||
	    rte_eth_tx_queue_setup(*port, 0, HVU_T_QSIZE, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(*port) != 0)
		return -1;
	return hvu_t_wait_ready(b);
}

static int
test_hvu_bad_used_entries(void)
{
	const struct hvu_t_used_elem bad_rx[] = {{9999, 64}, {3, 1u << 30}};
	const struct hvu_t_used_elem bad_tx[] = {{9999, 0}, {HVU_T_QSIZE, 0}};
	struct rte_mbuf *pkts[HVU_T_QSIZE], *m;
	struct rte_eth_stats st;
	struct hvu_backend b;
	uint16_t port, n, sent = 0;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hvu_start(&b, HVU_GOOD), "back-end");
	if (hvu_t_port_up(&b, &port) != 0) {
		printf("the port did not start with a good back-end\n");
		goto out;
	}
	/* Rx: an id past the ring, a gigabyte into a 2 KiB buffer, then the index runs ahead */
	hvu_t_used_write(&b.vr[0], bad_rx, RTE_DIM(bad_rx), 0);
	n = rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts));
	rte_pktmbuf_free_bulk(pkts, n);
	hvu_t_used_write(&b.vr[0], NULL, 0, 1000);
	n += rte_eth_rx_burst(port, 0, pkts, RTE_DIM(pkts));
	rte_pktmbuf_free_bulk(pkts, n);
	if (n != 0) {
		printf("%u frames handed up from bad used entries\n", n);
		goto out_port;
	}
	/* Tx: fill the ring, then completions that name no chain the back-end holds */
	for (unsigned int i = 0; i < 2 * HVU_T_QSIZE; i++) {
		m = rte_pktmbuf_alloc(hvu_t_pool());
		if (m == NULL || rte_pktmbuf_append(m, 60) == NULL ||
		    rte_eth_tx_burst(port, 0, &m, 1) != 1) {
			rte_pktmbuf_free(m);
			break;
		}
		sent++;
	}
	hvu_t_used_write(&b.vr[1], bad_tx, RTE_DIM(bad_tx), 0);
	m = rte_pktmbuf_alloc(hvu_t_pool());
	if (m != NULL && rte_eth_tx_burst(port, 0, &m, 1) != 1)
		rte_pktmbuf_free(m);
	if (rte_eth_stats_get(port, &st) != 0) {
		printf("stats\n");
		goto out_port;
	}
	printf("sent %u, ipackets %" PRIu64 ", ierrors %" PRIu64 ", oerrors %" PRIu64 "\n", sent,
	       st.ipackets, st.ierrors, st.oerrors);
	if (st.ipackets != 0 || st.ierrors < 3 || st.oerrors < 2) {
		printf("the bad entries were not all counted\n");
		goto out_port;
	}
	ret = TEST_SUCCESS;
out_port:
	rte_eth_dev_stop(port);
	/* stopping asked the back-end for each ring back */
	if (ret == TEST_SUCCESS && atomic_load(&b.get_vring_base) < 2) {
		printf("stop did not take the rings back (GET_VRING_BASE)\n");
		ret = TEST_FAILED;
	}
out:
	rte_vdev_uninit(HVU_T_NAME);
	hvu_stop(&b);
	rte_mempool_free(rte_mempool_lookup("hostile_vuser_mp"));
	return ret;
}

static int
hvu_t_close_on_lsc(uint16_t port, enum rte_eth_event_type type __rte_unused, void *arg __rte_unused,
		   void *ret_param __rte_unused)
{
	rte_eth_dev_stop(port);
	rte_eth_dev_close(port);
	return 0;
}

/*
 * The application closes the port from its LSC callback when the back-end
 * goes: the connection watch that raised the event must not touch the
 * port's state afterwards (ASan sees it if it does).
 */
static int
test_hvu_close_from_lsc(void)
{
	struct hvu_backend b;
	uint16_t port;
	unsigned int i;

	TEST_ASSERT_SUCCESS(hvu_start(&b, HVU_GOOD), "back-end");
	if (hvu_t_port_up(&b, &port) != 0 ||
	    rte_eth_dev_callback_register(port, RTE_ETH_EVENT_INTR_LSC, hvu_t_close_on_lsc, NULL) !=
		    0) {
		rte_vdev_uninit(HVU_T_NAME);
		hvu_stop(&b);
		return TEST_FAILED;
	}
	hvu_stop(&b); /* the back-end hangs up */
	for (i = 0; i < 300 && rte_eth_dev_is_valid_port(port); i++)
		rte_delay_us_sleep(10000);
	rte_delay_us_sleep(300000); /* a watch still armed would run by now */
	rte_vdev_uninit(HVU_T_NAME);
	rte_mempool_free(rte_mempool_lookup("hostile_vuser_mp"));
	TEST_ASSERT(i < 300, "the port was not closed from its LSC callback");
	return TEST_SUCCESS;
}

static const struct test_case hostile_vuser_cases[] = {
	TEST_CASE(test_hvu_bad_handshake),
	TEST_CASE(test_hvu_bad_used_entries),
	TEST_CASE(test_hvu_close_from_lsc),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hostile_vuser, TEST_SUITE_EAL, hostile_vuser_cases);
