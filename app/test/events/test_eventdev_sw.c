/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * event_sw: the guarantees of each schedule type under load with two
 * worker lcores and the scheduler on a service lcore (atomic: a flow at
 * one worker at a time, in order; ordered: the original order after the
 * workers; parallel: everything delivered), back-pressure, and the errors
 * of bad configurations. Run with lcores 1 and 2 as workers and 3 as the
 * service lcore (meson gives --lcores 0@0,1@1,2@0,3@1 -S 3).
 */
#include <errno.h>
#include <sched.h>
#include <stdatomic.h>
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_errno.h>
#include <rte_eth_ring.h>
#include <rte_ethdev.h>
#include <rte_event_eth_rx_adapter.h>
#include <rte_event_eth_tx_adapter.h>
#include <rte_eventdev.h>
#include <rte_lcore.h>
#include <rte_launch.h>
#include <rte_mbuf.h>
#include <rte_ring.h>
#include <rte_service.h>

#include "test.h"

#define EVSW_NAME "event_sw_test0"
#define WORKER_A 1
#define WORKER_B 2
#define SERVICE_LCORE 3
#define NB_FLOWS 64
#define NB_EVENTS 4096

static uint8_t evdev;
static uint32_t sched_service;

/* What the workers share with the checks. */
static _Atomic int flow_owner[NB_FLOWS];
static _Atomic uint32_t flow_next[NB_FLOWS];
static _Atomic uint32_t violations;
static _Atomic uint32_t order_errors;
static _Atomic uint32_t delivered[RTE_MAX_LCORE];
static _Atomic uint64_t value_sum;
static _Atomic bool workers_stop;

static bool
enough_lcores(void)
{
	return rte_lcore_is_enabled(WORKER_A) && rte_lcore_is_enabled(WORKER_B) &&
	       rte_lcore_has_role(SERVICE_LCORE, ROLE_SERVICE);
}

static int
evsw_create(void)
{
	TEST_ASSERT_SUCCESS(rte_vdev_init(EVSW_NAME, NULL), "create " EVSW_NAME);
	TEST_ASSERT(rte_event_dev_get_dev_id(EVSW_NAME) >= 0, "find " EVSW_NAME);
	evdev = (uint8_t)rte_event_dev_get_dev_id(EVSW_NAME);
	TEST_ASSERT_SUCCESS(rte_event_dev_service_id_get(evdev, &sched_service), "service id");
	return 0;
}

static void
evsw_destroy(void)
{
	rte_event_dev_stop(evdev);
	rte_service_map_lcore_set(sched_service, SERVICE_LCORE, 0);
	rte_vdev_uninit(EVSW_NAME);
}

static int
evsw_configure(uint8_t nb_queues, uint8_t nb_ports, int32_t limit)
{
	struct rte_event_dev_config c = {
		.nb_event_queues = nb_queues,
		.nb_event_ports = nb_ports,
		.nb_events_limit = limit,
		.nb_event_queue_flows = 1024,
		.nb_event_port_dequeue_depth = 32,
		.nb_event_port_enqueue_depth = 64,
		.nb_single_link_event_port_queues = 1,
	};

	return rte_event_dev_configure(evdev, &c);
}

static int
evsw_queue(uint8_t q, uint8_t sched_type, uint32_t cfg)
{
	struct rte_event_queue_conf qc = {
		.nb_atomic_flows = 1024,
		.nb_atomic_order_sequences = 1024,
		.schedule_type = sched_type,
		.priority = RTE_EVENT_DEV_PRIORITY_NORMAL,
		.event_queue_cfg = cfg,
	};

	return rte_event_queue_setup(evdev, q, &qc);
}

static int
evsw_port(uint8_t p, int32_t threshold)
{
	struct rte_event_port_conf pc = {
		.new_event_threshold = threshold,
		.dequeue_depth = 32,
		.enqueue_depth = 64,
	};

	return rte_event_port_setup(evdev, p, &pc);
}

static int
evsw_link(uint8_t port, uint8_t queue)
{
	return rte_event_port_link(evdev, port, &queue, NULL, 1) == 1 ? 0 : -1;
}

/* Start the device with the scheduler on the service lcore. */
static int
evsw_start(void)
{
	TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(sched_service, SERVICE_LCORE, 1), "map");
	TEST_ASSERT_SUCCESS(rte_service_runstate_set(sched_service, 1), "service on");
	TEST_ASSERT_SUCCESS(rte_event_dev_start(evdev), "start");
	return 0;
}

static void
shared_reset(void)
{
	for (unsigned int f = 0; f < NB_FLOWS; f++) {
		atomic_store(&flow_owner[f], -1);
		atomic_store(&flow_next[f], 0);
	}
	for (unsigned int l = 0; l < RTE_MAX_LCORE; l++)
		atomic_store(&delivered[l], 0);
	atomic_store(&violations, 0);
	atomic_store(&order_errors, 0);
	atomic_store(&value_sum, 0);
	atomic_store(&workers_stop, false);
}

/* Some work, different on each worker so that they finish out of step. */
static void
pretend_work(unsigned int lcore, unsigned int i)
{
	rte_delay_us_block(((i * 7 + lcore * 3) % 5 == 0) ? 20 : 1);
}

/* Atomic worker: owns each flow it holds until its next dequeue; the flow
 * must never be held by the other worker meanwhile, and must arrive in the
 * order it was sent. */
static int
atomic_worker(void *arg)
{
	uint8_t port = (uint8_t)(uintptr_t)arg;
	int self = (int)rte_lcore_id();
	struct rte_event ev[16];
	uint8_t held[16];
	uint16_t nb_held = 0;

	while (!atomic_load(&workers_stop)) {
		uint16_t n;

		/* give up ownership before the dequeue releases the flows */
		for (uint16_t i = 0; i < nb_held; i++)
			atomic_store(&flow_owner[held[i]], -1);
		nb_held = 0;
		n = rte_event_dequeue_burst(evdev, port, ev, RTE_DIM(ev), 0);
		if (n == 0)
			sched_yield();
		for (uint16_t i = 0; i < n; i++) {
			uint32_t flow = ev[i].flow_id % NB_FLOWS;
			uint32_t seq = (uint32_t)ev[i].u64;
			int prev = atomic_exchange(&flow_owner[flow], self);

			if (prev != -1 && prev != self)
				atomic_fetch_add(&violations, 1);
			if (atomic_load(&flow_next[flow]) != seq)
				atomic_fetch_add(&order_errors, 1);
			atomic_store(&flow_next[flow], seq + 1);
			held[nb_held++] = (uint8_t)flow;
			pretend_work((unsigned int)self, seq);
		}
		atomic_fetch_add(&delivered[self], n);
	}
	return 0;
}

/* Enqueue all of ev from port, retrying what back-pressure refuses. */
static int
enqueue_all(uint8_t port, struct rte_event *ev, unsigned int n)
{
	uint64_t deadline = rte_get_timer_cycles() + 60 * rte_get_timer_hz();
	unsigned int done = 0;

	while (done < n) {
		uint16_t k = rte_event_enqueue_burst(evdev, port, ev + done,
						     (uint16_t)RTE_MIN(n - done, 32u));

		/* lcores share the two CPUs: let the one that can make room run */
		if (k == 0)
			sched_yield();
		done += k;
		if (rte_get_timer_cycles() > deadline)
			return -1;
	}
	return 0;
}

static uint32_t
delivered_total(void)
{
	return atomic_load(&delivered[WORKER_A]) + atomic_load(&delivered[WORKER_B]);
}

static int
wait_delivered(uint32_t want)
{
	uint64_t deadline = rte_get_timer_cycles() + 60 * rte_get_timer_hz();

	while (delivered_total() < want && rte_get_timer_cycles() < deadline)
		rte_delay_us_sleep(1000);
	return delivered_total() >= want ? 0 : -1;
}

static void
workers_join(void)
{
	atomic_store(&workers_stop, true);
	rte_eal_wait_lcore(WORKER_A);
	rte_eal_wait_lcore(WORKER_B);
}

/* One stage of sched_type: producer port 0, workers on ports 1 and 2. */
static int
setup_one_stage(uint8_t sched_type)
{
	TEST_ASSERT_SUCCESS(evsw_configure(1, 3, 4096), "configure");
	TEST_ASSERT_SUCCESS(evsw_queue(0, sched_type, 0), "queue 0");
	for (uint8_t p = 0; p < 3; p++)
		TEST_ASSERT_SUCCESS(evsw_port(p, 1024), "port %u", p);
	TEST_ASSERT_SUCCESS(evsw_link(1, 0), "link 1");
	TEST_ASSERT_SUCCESS(evsw_link(2, 0), "link 2");
	return evsw_start();
}

static int
produce_flows(uint8_t sched_type)
{
	static struct rte_event ev[NB_EVENTS];
	uint32_t seq[NB_FLOWS] = {0};

	for (unsigned int i = 0; i < NB_EVENTS; i++) {
		uint32_t flow = (i * 13) % NB_FLOWS;

		memset(&ev[i], 0, sizeof(ev[i]));
		ev[i].op = RTE_EVENT_OP_NEW;
		ev[i].queue_id = 0;
		ev[i].sched_type = sched_type;
		ev[i].event_type = RTE_EVENT_TYPE_CPU;
		ev[i].flow_id = flow;
		ev[i].u64 = seq[flow]++;
		atomic_fetch_add(&value_sum, ev[i].u64);
	}
	return enqueue_all(0, ev, NB_EVENTS);
}

/* One stage of sched_type with two workers running worker_fn on ports 1
 * and 2; 0 once they got every event. */
static int
run_one_stage(uint8_t sched_type, lcore_function_t *worker_fn)
{
	shared_reset();
	if (evsw_create() != 0 || setup_one_stage(sched_type) != 0)
		return -1;
	rte_eal_remote_launch(worker_fn, (void *)1, WORKER_A);
	rte_eal_remote_launch(worker_fn, (void *)2, WORKER_B);
	if (produce_flows(sched_type) != 0 || wait_delivered(NB_EVENTS) != 0) {
		printf("%u of %d delivered\n", delivered_total(), NB_EVENTS);
		rte_event_dev_dump(evdev, stdout);
		workers_join();
		return -1;
	}
	workers_join();
	return 0;
}

/* Whether each worker got a share, so that the schedule was really spread. */
static bool
both_workers_served(void)
{
	return atomic_load(&delivered[WORKER_A]) > 0 && atomic_load(&delivered[WORKER_B]) > 0;
}

/* The test of one stage: it passes when the stage ran, every event was
 * delivered, both workers had some and verdict (which reports what the
 * stage's schedule type promises) agrees. */
static int
test_one_stage(uint8_t sched_type, lcore_function_t *worker_fn, bool (*verdict)(void))
{
	int ret = TEST_FAILED;

	if (!enough_lcores())
		return TEST_SKIPPED;
	if (run_one_stage(sched_type, worker_fn) == 0 && verdict() &&
	    delivered_total() == NB_EVENTS && both_workers_served())
		ret = TEST_SUCCESS;
	evsw_destroy();
	return ret;
}

static bool
atomic_verdict(void)
{
	printf("atomic: worker A %u, worker B %u events, %u overlaps, %u out of order\n",
	       atomic_load(&delivered[WORKER_A]), atomic_load(&delivered[WORKER_B]),
	       atomic_load(&violations), atomic_load(&order_errors));
	return atomic_load(&violations) == 0 && atomic_load(&order_errors) == 0;
}

static int
test_evsw_atomic(void)
{
	return test_one_stage(RTE_SCHED_TYPE_ATOMIC, atomic_worker, atomic_verdict);
}

/* Parallel and ordered worker: forward each event to queue 1 (ordered
 * test) or consume it (parallel test). */
static int
spray_worker(void *arg)
{
	uint8_t port = (uint8_t)(uintptr_t)arg;
	unsigned int self = rte_lcore_id();
	bool forward = port >= 10;
	struct rte_event ev[16];

	port %= 10;
	while (!atomic_load(&workers_stop)) {
		uint16_t n = rte_event_dequeue_burst(evdev, port, ev, RTE_DIM(ev), 0);

		if (n == 0)
			sched_yield();
		for (uint16_t i = 0; i < n; i++) {
			pretend_work(self, (uint32_t)ev[i].u64);
			atomic_fetch_sub(&value_sum, ev[i].u64);
			ev[i].op = RTE_EVENT_OP_FORWARD;
			ev[i].queue_id = 1;
		}
		if (forward && enqueue_all(port, ev, n) != 0)
			atomic_fetch_add(&violations, 1);
		atomic_fetch_add(&delivered[self], n);
	}
	return 0;
}

static bool
parallel_verdict(void)
{
	printf("parallel: worker A %u, worker B %u events\n", atomic_load(&delivered[WORKER_A]),
	       atomic_load(&delivered[WORKER_B]));
	/* every event once: the count, and the sum of their values back to 0 */
	return atomic_load(&value_sum) == 0;
}

static int
test_evsw_parallel(void)
{
	return test_one_stage(RTE_SCHED_TYPE_PARALLEL, spray_worker, parallel_verdict);
}

/* Ordered queue 0 to both workers, which forward to single-link queue 1,
 * read back on port 0: the sequence must come out as it went in. */
static int
test_evsw_ordered(void)
{
	static struct rte_event ev[NB_EVENTS];
	uint32_t next_out = 0, next_in = 0, reordered = 0;
	uint64_t deadline;
	int ret = TEST_FAILED;

	if (!enough_lcores())
		return TEST_SKIPPED;
	shared_reset();
	if (evsw_create() != 0 || evsw_configure(2, 3, 4096) != 0 ||
	    evsw_queue(0, RTE_SCHED_TYPE_ORDERED, 0) != 0 ||
	    evsw_queue(1, 0, RTE_EVENT_QUEUE_CFG_SINGLE_LINK) != 0)
		goto out;
	for (uint8_t p = 0; p < 3; p++)
		if (evsw_port(p, 1024) != 0)
			goto out;
	if (evsw_link(0, 1) != 0 || evsw_link(1, 0) != 0 || evsw_link(2, 0) != 0 ||
	    evsw_start() != 0)
		goto out;
	for (uint32_t i = 0; i < NB_EVENTS; i++) {
		memset(&ev[i], 0, sizeof(ev[i]));
		ev[i].op = RTE_EVENT_OP_NEW;
		ev[i].sched_type = RTE_SCHED_TYPE_ORDERED;
		ev[i].flow_id = i % NB_FLOWS;
		ev[i].u64 = i;
	}
	rte_eal_remote_launch(spray_worker, (void *)11, WORKER_A);
	rte_eal_remote_launch(spray_worker, (void *)12, WORKER_B);
	deadline = rte_get_timer_cycles() + 60 * rte_get_timer_hz();
	while (next_out < NB_EVENTS && rte_get_timer_cycles() < deadline) {
		struct rte_event out[32];
		uint16_t n;

		if (next_in < NB_EVENTS)
			next_in += rte_event_enqueue_burst(
				evdev, 0, ev + next_in,
				(uint16_t)RTE_MIN(NB_EVENTS - next_in, 32u));
		n = rte_event_dequeue_burst(evdev, 0, out, RTE_DIM(out), 0);
		if (n == 0)
			sched_yield();
		for (uint16_t i = 0; i < n; i++, next_out++)
			if (out[i].u64 != next_out || out[i].queue_id != 1)
				reordered++;
	}
	workers_join();
	printf("ordered: %u of %d out, %u out of order; worker A %u, worker B %u\n", next_out,
	       NB_EVENTS, reordered, atomic_load(&delivered[WORKER_A]),
	       atomic_load(&delivered[WORKER_B]));
	if (next_out == NB_EVENTS && reordered == 0 && atomic_load(&violations) == 0 &&
	    both_workers_served())
		ret = TEST_SUCCESS;
out:
	evsw_destroy();
	return ret;
}

/* NEW events beyond the port's new_event_threshold are refused (ENOSPC)
 * until the scheduler sees releases. */
static int
test_evsw_backpressure(void)
{
	struct rte_event ev[64], out[32];
	unsigned int id;
	uint16_t n, total = 0;
	int ret = TEST_FAILED;

	memset(ev, 0, sizeof(ev));
	for (unsigned int i = 0; i < RTE_DIM(ev); i++) {
		ev[i].op = RTE_EVENT_OP_NEW;
		ev[i].sched_type = RTE_SCHED_TYPE_PARALLEL;
	}
	if (evsw_create() != 0 || rte_service_runstate_set(sched_service, 1) != 0 ||
	    evsw_configure(1, 1, 4096) != 0 || evsw_queue(0, RTE_SCHED_TYPE_PARALLEL, 0) != 0 ||
	    evsw_port(0, 40) != 0 || evsw_link(0, 0) != 0 || rte_event_dev_start(evdev) != 0)
		goto out;
	rte_errno = 0;
	n = rte_event_enqueue_burst(evdev, 0, ev, 64);
	if (n != 40 || rte_errno != ENOSPC) {
		printf("backpressure: %u of 64 taken (rte_errno %d), want 40 and ENOSPC\n", n,
		       rte_errno);
		goto out;
	}
	if (rte_event_enqueue_burst(evdev, 0, ev, 1) != 0) {
		printf("backpressure: a NEW event past the threshold was taken\n");
		goto out;
	}
	if (rte_event_dev_xstats_by_name_get(evdev, "port_0_enq_refused", &id) != 2) {
		printf("backpressure: port_0_enq_refused is not 2\n");
		goto out;
	}
	/* the scheduler runs here: hand out, then see the releases */
	for (int round = 0; round < 10 && total < 40; round++) {
		rte_service_run_iter_on_app_lcore(sched_service, 1);
		total += rte_event_dequeue_burst(evdev, 0, out, RTE_DIM(out), 0);
	}
	rte_event_dequeue_burst(evdev, 0, out, RTE_DIM(out), 0); /* releases the last burst */
	rte_service_run_iter_on_app_lcore(sched_service, 1);
	if (total != 40 || rte_event_dev_xstats_by_name_get(evdev, "dev_inflight", NULL) != 0) {
		printf("backpressure: %u of 40 dequeued, inflight %" PRIu64 "\n", total,
		       rte_event_dev_xstats_by_name_get(evdev, "dev_inflight", NULL));
		goto out;
	}
	if (rte_event_enqueue_burst(evdev, 0, ev, 30) != 30) {
		printf("backpressure: credits did not come back after the releases\n");
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	evsw_destroy();
	return ret;
}

static int
test_evsw_bad_config(void)
{
	struct rte_event_dev_info info;
	struct rte_event_port_conf pc;
	uint8_t q = 7;
	int ret = TEST_FAILED;

	TEST_ASSERT_EQUAL(rte_event_dev_info_get(RTE_EVENT_MAX_DEVS - 1, &info), -EINVAL,
			  "no such device");
	if (evsw_create() != 0)
		goto out;
	rte_event_dev_info_get(evdev, &info);
	if (strcmp(info.driver_name, "event_sw") != 0 || evsw_configure(0, 1, 4096) != -EINVAL ||
	    evsw_configure(1, (uint8_t)(info.max_event_ports + 1), 4096) != -EINVAL ||
	    evsw_configure(1, 1, info.max_num_events + 1) != -EINVAL) {
		printf("bad_config: a bad configuration was taken\n");
		goto out;
	}
	if (evsw_configure(2, 2, 128) != 0 || evsw_queue(0, RTE_SCHED_TYPE_ATOMIC, 0) != 0 ||
	    evsw_queue(1, 0, RTE_EVENT_QUEUE_CFG_SINGLE_LINK) != 0 || evsw_port(0, 64) != 0)
		goto out;
	if (evsw_queue(2, RTE_SCHED_TYPE_ATOMIC, 0) != -EINVAL || evsw_queue(0, 9, 0) != -EINVAL ||
	    evsw_port(1, 129) != -EINVAL || evsw_port(2, 64) != -EINVAL) {
		printf("bad_config: a bad queue or port was taken\n");
		goto out;
	}
	/* port 1 not set up yet: start refuses */
	if (rte_event_dev_start(evdev) != -ESTALE)
		goto out;
	if (evsw_port(1, 64) != 0)
		goto out;
	rte_errno = 0;
	if (rte_event_port_link(evdev, 0, &q, NULL, 1) != 0 || rte_errno != EINVAL) {
		printf("bad_config: link to unknown queue 7 not refused with EINVAL\n");
		goto out;
	}
	if (evsw_link(0, 1) != 0)
		goto out;
	q = 1;
	rte_errno = 0;
	if (rte_event_port_link(evdev, 1, &q, NULL, 1) != 0 || rte_errno != EDQUOT) {
		printf("bad_config: a second link to a single-link queue not refused\n");
		goto out;
	}
	rte_event_port_default_conf_get(evdev, 0, &pc);
	if (pc.new_event_threshold != 1024 || pc.dequeue_depth != 16)
		goto out;
	if (rte_event_dev_start(evdev) != 0 || evsw_configure(1, 1, 128) != -EBUSY ||
	    evsw_port(0, 64) != -EBUSY || rte_event_dev_close(evdev) != -EBUSY)
		goto out;
	ret = TEST_SUCCESS;
out:
	evsw_destroy();
	return ret;
}

#define ADAPTER_FRAMES 500
#define ADAPTER_WAIT_S 20

static uint16_t adapter_eth_port;
#define FRAME_LEN 64

/* Adapter worker: mark the frame (first byte inverted) and forward it to
 * the Tx queue 1 for the port it came from. */
static int
adapter_worker(void *arg)
{
	uint8_t port = (uint8_t)(uintptr_t)arg;
	struct rte_event ev[16];

	while (!atomic_load(&workers_stop)) {
		uint16_t n = rte_event_dequeue_burst(evdev, port, ev, RTE_DIM(ev), 0);

		if (n == 0)
			sched_yield();
		for (uint16_t i = 0; i < n; i++) {
			uint8_t *d = rte_pktmbuf_mtod(ev[i].mbuf, uint8_t *);

			d[0] ^= 0xff;
			/* the Tx adapter sends on mbuf->port, as in DPDK */
			ev[i].mbuf->port = adapter_eth_port;
			rte_event_eth_tx_adapter_txq_set(ev[i].mbuf, 0);
			ev[i].op = RTE_EVENT_OP_FORWARD;
			ev[i].queue_id = 1;
		}
		if (enqueue_all(port, ev, n) != 0)
			atomic_fetch_add(&violations, 1);
		atomic_fetch_add(&delivered[rte_lcore_id()], n);
	}
	return 0;
}

static int
adapter_services_run(uint32_t rx_service, uint32_t tx_service)
{
	const uint32_t ids[] = {sched_service, rx_service, tx_service};

	for (unsigned int i = 0; i < RTE_DIM(ids); i++) {
		TEST_ASSERT_SUCCESS(rte_service_map_lcore_set(ids[i], SERVICE_LCORE, 1), "map");
		TEST_ASSERT_SUCCESS(rte_service_runstate_set(ids[i], 1), "run");
	}
	return 0;
}

/* Event device with the worker queue 0 (atomic) and the Tx queue 1, worker
 * ports 0 and 1; the adapters add their own ports. */
static int
adapter_evdev_setup(uint16_t eth_port, uint32_t *rx_service, uint32_t *tx_service)
{
	struct rte_event_eth_rx_adapter_queue_conf qc = {0};
	struct rte_event_port_conf pc = {
		.new_event_threshold = 1024, .dequeue_depth = 32, .enqueue_depth = 64};
	uint32_t caps = 1;
	uint8_t tx_port;

	TEST_ASSERT_SUCCESS(evsw_configure(2, 2, 4096), "configure");
	TEST_ASSERT_SUCCESS(evsw_queue(0, RTE_SCHED_TYPE_ATOMIC, 0), "queue 0");
	TEST_ASSERT_SUCCESS(evsw_queue(1, 0, RTE_EVENT_QUEUE_CFG_SINGLE_LINK), "queue 1");
	for (uint8_t p = 0; p < 2; p++) {
		TEST_ASSERT_SUCCESS(evsw_port(p, 1024), "port %u", p);
		TEST_ASSERT_SUCCESS(evsw_link(p, 0), "link %u", p);
	}
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_caps_get(evdev, eth_port, &caps), "caps");
	TEST_ASSERT_EQUAL(caps, 0u, "a software device has no internal port");
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_create(0, evdev, &pc), "rx adapter");
	TEST_ASSERT_EQUAL(rte_event_eth_rx_adapter_service_id_get(0, rx_service), -ESRCH,
			  "no service before a queue");
	qc.ev.queue_id = 0;
	qc.ev.sched_type = RTE_SCHED_TYPE_ATOMIC;
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_queue_add(0, eth_port, -1, &qc), "rx queue");
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_service_id_get(0, rx_service), "rx service");
	TEST_ASSERT_SUCCESS(rte_event_eth_tx_adapter_create(0, evdev, &pc), "tx adapter");
	TEST_ASSERT_SUCCESS(rte_event_eth_tx_adapter_queue_add(0, eth_port, -1), "tx queue");
	/* the lifecycle both adapters share refuses what would break the running ones */
	TEST_ASSERT_EQUAL(rte_event_eth_rx_adapter_create(0, evdev, &pc), -EEXIST, "rx twice");
	TEST_ASSERT_EQUAL(rte_event_eth_tx_adapter_create_ext(1, evdev, NULL, NULL), -EINVAL,
			  "tx without a callback");
	TEST_ASSERT_EQUAL(rte_event_eth_rx_adapter_free(1), -EINVAL, "rx 1 never created");
	TEST_ASSERT_EQUAL(rte_event_eth_rx_adapter_free(0), -EBUSY, "rx with queues");
	TEST_ASSERT_EQUAL(rte_event_eth_tx_adapter_free(0), -EBUSY, "tx with queues");
	TEST_ASSERT_SUCCESS(rte_event_eth_tx_adapter_service_id_get(0, tx_service), "tx service");
	TEST_ASSERT_SUCCESS(rte_event_eth_tx_adapter_event_port_get(0, &tx_port), "tx port");
	TEST_ASSERT_EQUAL(tx_port, 3, "the adapters added ports 2 and 3");
	TEST_ASSERT_SUCCESS(evsw_link(tx_port, 1), "link the Tx adapter");
	TEST_ASSERT_SUCCESS(
		rte_event_port_links_get(evdev, 0, (uint8_t[RTE_EVENT_MAX_QUEUES_PER_DEV]){0},
					 (uint8_t[RTE_EVENT_MAX_QUEUES_PER_DEV]){0}) == 1
			? 0
			: -1,
		"worker links kept across the adapters' reconfigurations");
	TEST_ASSERT_SUCCESS(adapter_services_run(*rx_service, *tx_service), "services");
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_start(0), "rx start");
	TEST_ASSERT_SUCCESS(rte_event_eth_tx_adapter_start(0), "tx start");
	TEST_ASSERT_SUCCESS(rte_event_dev_start(evdev), "start");
	return 0;
}

static int
adapter_frames_send(struct rte_mempool *mp, struct rte_ring *in)
{
	for (uint32_t i = 0; i < ADAPTER_FRAMES; i++) {
		struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
		uint8_t *d;

		TEST_ASSERT_NOT_NULL(m, "mbuf %u", i);
		d = (uint8_t *)rte_pktmbuf_append(m, FRAME_LEN);
		for (unsigned int b = 0; b < FRAME_LEN; b++)
			d[b] = (uint8_t)(i + b);
		memcpy(d + 4, &i, sizeof(i));
		TEST_ASSERT_SUCCESS(rte_ring_enqueue(in, m), "frame %u: the Rx ring is full", i);
	}
	return 0;
}

/* Every frame out once, in order (one flow through an atomic queue),
 * marked by the worker and otherwise as sent. */
static int
adapter_frames_check(struct rte_ring *out)
{
	uint64_t deadline = rte_get_timer_cycles() + ADAPTER_WAIT_S * rte_get_timer_hz();
	uint32_t got = 0;

	while (got < ADAPTER_FRAMES && rte_get_timer_cycles() < deadline) {
		struct rte_mbuf *m;
		const uint8_t *d;
		uint32_t seq;

		if (rte_ring_dequeue(out, (void **)&m) != 0) {
			sched_yield();
			continue;
		}
		d = rte_pktmbuf_mtod(m, const uint8_t *);
		memcpy(&seq, d + 4, sizeof(seq));
		TEST_ASSERT_EQUAL(seq, got, "frame %u out as frame %u", seq, got);
		TEST_ASSERT_EQUAL(rte_pktmbuf_pkt_len(m), (uint32_t)FRAME_LEN, "length");
		TEST_ASSERT_EQUAL(d[0], (uint8_t) ~(uint8_t)seq, "frame %u not marked", seq);
		for (unsigned int b = 8; b < FRAME_LEN; b++)
			TEST_ASSERT_EQUAL(d[b], (uint8_t)(seq + b), "frame %u byte %u", seq, b);
		rte_pktmbuf_free(m);
		got++;
	}
	TEST_ASSERT_EQUAL(got, (uint32_t)ADAPTER_FRAMES, "frames out");
	return 0;
}

/* Flow ids the Rx adapter gave, in order, seen by its callback. */
#define FLOW_FRAMES 4
static uint32_t seen_flow[FLOW_FRAMES];
static uint16_t seen_n;

static uint16_t
flow_id_record(uint16_t eth_dev_id, uint16_t queue_id, uint32_t buf_size, uint32_t buf_count,
	       struct rte_event *ev, uint16_t nb_event, void *arg, uint16_t *nb_dropped)
{
	uint16_t n = __atomic_load_n(&seen_n, __ATOMIC_RELAXED);

	RTE_SET_USED(eth_dev_id);
	RTE_SET_USED(queue_id);
	RTE_SET_USED(buf_size);
	RTE_SET_USED(buf_count);
	RTE_SET_USED(arg);
	for (uint16_t i = 0; i < nb_event && n < FLOW_FRAMES; i++)
		seen_flow[n++] = ev[i].flow_id;
	/* release: the ids are written before the count says so */
	__atomic_store_n(&seen_n, n, __ATOMIC_RELEASE);
	*nb_dropped = 0;
	return nb_event;
}

/* One frame into the Rx ring: Ethernet (+ a VLAN tag), then len bytes of hdr. */
static int
flow_frame_send(struct rte_mempool *mp, struct rte_ring *in, uint16_t type, bool vlan,
		const void *hdr, uint16_t len)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(mp);
	uint8_t *d;
	uint16_t off = 12;

	TEST_ASSERT_NOT_NULL(m, "mbuf");
	d = (uint8_t *)rte_pktmbuf_append(m, (uint16_t)(14 + (vlan ? 4 : 0) + len));
	memset(d, 0x22, 12);
	if (vlan) {
		const uint8_t tag[4] = {0x81, 0x00, 0x00, 0x07};

		memcpy(d + off, tag, sizeof(tag));
		off += 4;
	}
	d[off] = (uint8_t)(type >> 8);
	d[off + 1] = (uint8_t)type;
	memcpy(d + off + 2, hdr, len);
	TEST_ASSERT_SUCCESS(rte_ring_enqueue(in, m), "the Rx ring is full");
	return 0;
}

/*
 * Without an RSS hash from the port, the Rx adapter hashes IP addresses in
 * software with the usual Toeplitz key: Microsoft's published verification
 * flows give their published L3 hashes (20 bits of them, the flow id's
 * width), also behind a VLAN tag; a frame too short for its IP header gets
 * the per-queue id.
 */
static int
adapter_flow_ids_check(struct rte_mempool *mp, struct rte_ring *in, struct rte_ring *out,
		       uint16_t port)
{
	struct rte_ipv4_hdr ip4 = {
		.version_ihl = 0x45,
		.src_addr = rte_cpu_to_be_32(RTE_IPV4(66, 9, 149, 187)),
		.dst_addr = rte_cpu_to_be_32(RTE_IPV4(161, 142, 100, 80)),
	};
	struct rte_ipv6_hdr ip6 = {
		.vtc_flow = rte_cpu_to_be_32(6u << 28),
		.src_addr = {0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x1f, 0xff, 0, 0, 0, 0, 0, 0, 0,
			     7},
		.dst_addr = {0x3f, 0xfe, 0x25, 0x01, 0x02, 0x00, 0x00, 0x03, 0, 0, 0, 0, 0, 0, 0,
			     1},
	};
	const uint32_t want[FLOW_FRAMES] = {0x323e8fc2 & 0xfffff, 0x323e8fc2 & 0xfffff,
					    0x2cc18cd5 & 0xfffff, (uint32_t)port << 8};
	uint64_t deadline = rte_get_timer_cycles() + ADAPTER_WAIT_S * rte_get_timer_hz();
	unsigned int drained = 0;

	__atomic_store_n(&seen_n, 0, __ATOMIC_RELAXED);
	TEST_ASSERT_SUCCESS(rte_event_eth_rx_adapter_cb_register(0, port, flow_id_record, NULL),
			    "callback");
	if (flow_frame_send(mp, in, RTE_ETHER_TYPE_IPV4, false, &ip4, sizeof(ip4)) != 0 ||
	    flow_frame_send(mp, in, RTE_ETHER_TYPE_IPV4, true, &ip4, sizeof(ip4)) != 0 ||
	    flow_frame_send(mp, in, RTE_ETHER_TYPE_IPV6, false, &ip6, sizeof(ip6)) != 0 ||
	    flow_frame_send(mp, in, RTE_ETHER_TYPE_IPV4, false, &ip4, 8) != 0)
		return TEST_FAILED;
	while (drained < FLOW_FRAMES && rte_get_timer_cycles() < deadline) {
		struct rte_mbuf *m;

		if (rte_ring_dequeue(out, (void **)&m) != 0) {
			sched_yield();
			continue;
		}
		rte_pktmbuf_free(m);
		drained++;
	}
	TEST_ASSERT_EQUAL(drained, FLOW_FRAMES, "frames out");
	TEST_ASSERT_EQUAL(__atomic_load_n(&seen_n, __ATOMIC_ACQUIRE), FLOW_FRAMES, "ids seen");
	for (unsigned int i = 0; i < FLOW_FRAMES; i++)
		TEST_ASSERT_EQUAL(seen_flow[i], want[i], "frame %u: flow id %#x, want %#x", i,
				  seen_flow[i], want[i]);
	return 0;
}

/* net_ring frames -> Rx adapter -> two workers -> Tx adapter -> net_ring. */
static int
test_evsw_adapters(void)
{
	struct rte_event_eth_rx_adapter_stats rxs;
	struct rte_event_eth_tx_adapter_stats txs;
	struct rte_mempool *mp = NULL;
	struct rte_ring *in = NULL, *out = NULL;
	struct rte_eth_conf conf = {0};
	uint32_t rx_service = 0, tx_service = 0;
	int port = -1, ret = TEST_FAILED;

	if (!enough_lcores())
		return TEST_SKIPPED;
	shared_reset();
	mp = rte_pktmbuf_pool_create("evsw_mp", 1023, 32, 0, RTE_MBUF_DEFAULT_BUF_SIZE,
				     (int)rte_socket_id());
	in = rte_ring_create("evsw_in", 1024, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	out = rte_ring_create("evsw_out", 1024, SOCKET_ID_ANY, RING_F_SP_ENQ | RING_F_SC_DEQ);
	if (mp == NULL || in == NULL || out == NULL)
		goto out;
	port = rte_eth_from_rings("evsw_net", &in, 1, &out, 1, 0);
	if (port < 0 || rte_eth_dev_configure((uint16_t)port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup((uint16_t)port, 0, 0, SOCKET_ID_ANY, NULL, mp) != 0 ||
	    rte_eth_tx_queue_setup((uint16_t)port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start((uint16_t)port) != 0)
		goto out;
	if (evsw_create() != 0 ||
	    adapter_evdev_setup((uint16_t)port, &rx_service, &tx_service) != 0)
		goto out_adapters;
	rte_eal_remote_launch(adapter_worker, (void *)0, WORKER_A);
	rte_eal_remote_launch(adapter_worker, (void *)1, WORKER_B);
	if (adapter_frames_send(mp, in) != 0 || adapter_frames_check(out) != 0 ||
	    adapter_flow_ids_check(mp, in, out, (uint16_t)port) != 0) {
		rte_event_eth_rx_adapter_stats_get(0, &rxs);
		printf("adapters: rx adapter polled %" PRIu64 " times, %" PRIu64 " frames\n",
		       rxs.rx_poll_count, rxs.rx_packets);
		rte_event_dev_dump(evdev, stdout);
		workers_join();
		goto out_adapters;
	}
	workers_join();
	rte_event_eth_rx_adapter_stats_get(0, &rxs);
	rte_event_eth_tx_adapter_stats_get(0, &txs);
	printf("adapters: rx %" PRIu64 " enqueued %" PRIu64 ", tx %" PRIu64 " dropped %" PRIu64
	       "; worker A %u, worker B %u\n",
	       rxs.rx_packets, rxs.rx_enq_count, txs.tx_packets, txs.tx_dropped,
	       atomic_load(&delivered[WORKER_A]), atomic_load(&delivered[WORKER_B]));
	if (rxs.rx_packets == ADAPTER_FRAMES + FLOW_FRAMES &&
	    rxs.rx_enq_count == ADAPTER_FRAMES + FLOW_FRAMES &&
	    txs.tx_packets == ADAPTER_FRAMES + FLOW_FRAMES && txs.tx_dropped == 0 &&
	    atomic_load(&violations) == 0 && delivered_total() == ADAPTER_FRAMES + FLOW_FRAMES)
		ret = TEST_SUCCESS;
out_adapters:
	rte_event_eth_rx_adapter_stop(0);
	rte_event_eth_tx_adapter_stop(0);
	rte_event_eth_rx_adapter_queue_del(0, (uint16_t)port, -1);
	rte_event_eth_tx_adapter_queue_del(0, (uint16_t)port, -1);
	rte_event_eth_rx_adapter_free(0);
	rte_event_eth_tx_adapter_free(0);
	rte_service_map_lcore_set(rx_service, SERVICE_LCORE, 0);
	rte_service_map_lcore_set(tx_service, SERVICE_LCORE, 0);
	evsw_destroy();
out:
	if (port >= 0) {
		rte_eth_dev_stop((uint16_t)port);
		rte_eth_dev_close((uint16_t)port);
	}
	rte_ring_free(in);
	rte_ring_free(out);
	rte_mempool_free(mp);
	return ret;
}

static const struct test_case evsw_cases[] = {
	TEST_CASE(test_evsw_bad_config),
	TEST_CASE(test_evsw_backpressure),
	TEST_CASE(test_evsw_atomic),
	TEST_CASE(test_evsw_ordered),
	TEST_CASE(test_evsw_parallel),
	TEST_CASE(test_evsw_adapters),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(eventdev_sw, TEST_SUITE_EAL, evsw_cases);
