/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_vhost against a front-end that lies (hostile_vhost). The test speaks
 * vhost-user itself to a server port: on fresh connections, messages of
 * the wrong size, too many regions, regions of size 0, overlapping or
 * wrapping around, a region past its file, ring sizes of 0, not a power of
 * two or past 32768, ring indices past the device, fds missing, unknown
 * requests, a ring outside the memory: each refused, the connection closed
 * (or the ring kept down), no fd left open. Then on a good connection,
 * rings with an avail index past the ring, descriptors outside the memory,
 * lengths past it, loops, heads past the ring, a transmit chain the
 * back-end would write into: each counted, the port goes on with good
 * frames, and every mbuf comes back. Run it in the ASan build to see that
 * nothing is read or written outside.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include "hostile_vhost_frontend.h"
#include "test.h"

#define HV_PORT "net_vhost_hv"
#define HV_POOL_N 511

static char hv_sock[64];
static uint16_t hv_port;

static struct rte_mempool *
hv_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("hostile_vhost_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("hostile_vhost_mp", HV_POOL_N, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
hv_port_up_with(const char *extra)
{
	struct rte_eth_conf conf;
	char args[128];

	memset(&conf, 0, sizeof(conf));
	snprintf(hv_sock, sizeof(hv_sock), "/tmp/sluice-hostile-vhost-%d.sock", (int)getpid());
	snprintf(args, sizeof(args), "iface=%s%s", hv_sock, extra);
	if (rte_vdev_init(HV_PORT, args) != 0 ||
	    rte_eth_dev_get_port_by_name(HV_PORT, &hv_port) != 0 || hv_pool() == NULL ||
	    rte_eth_dev_configure(hv_port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(hv_port, 0, 0, SOCKET_ID_ANY, NULL, hv_pool()) != 0 ||
	    rte_eth_tx_queue_setup(hv_port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(hv_port) != 0)
		return -1;
	return 0;
}

static int
hv_port_up(void)
{
	return hv_port_up_with("");
}

static void
hv_port_down(void)
{
	rte_eth_dev_stop(hv_port);
	rte_vdev_uninit(HV_PORT);
	rte_mempool_free(rte_mempool_lookup("hostile_vhost_mp"));
}

static int
hv_link_is(int up, unsigned int ms)
{
	struct rte_eth_link link;

	for (unsigned int i = 0; i <= ms / 10; i++) {
		if (rte_eth_link_get_nowait(hv_port, &link) == 0 && link.link_status == up)
			return 1;
		rte_delay_us_sleep(10000);
	}
	return 0;
}

/* The link stays in state for ms (a message that must not bring it up). */
static int
hv_link_stays(int state, unsigned int ms)
{
	struct rte_eth_link link;

	for (unsigned int i = 0; i <= ms / 10; i++) {
		if (rte_eth_link_get_nowait(hv_port, &link) != 0 || link.link_status != state)
			return 0;
		rte_delay_us_sleep(10000);
	}
	return 1;
}

/* A front-end connects with extra_features and the link comes up; what says which test. */
static int
hv_connect(struct hv_frontend *fe, uint64_t extra_features, const char *what)
{
	if (hv_open(fe, hv_sock) != 0 || hv_setup(fe, extra_features) != 0 ||
	    !hv_link_is(RTE_ETH_LINK_UP, 3000)) {
		printf("%s setup: link not up\n", what);
		return -1;
	}
	return 0;
}

/* The front-end leaves: the link goes down and, when mbufs is set, every mbuf is back. */
static int
hv_leave(struct hv_frontend *fe, bool mbufs)
{
	hv_close(fe);
	if (!hv_link_is(RTE_ETH_LINK_DOWN, 3000)) {
		printf("link still up after the front-end left\n");
		return -1;
	}
	if (mbufs && rte_mempool_avail_count(hv_pool()) != HV_POOL_N) {
		printf("%u of %u mbufs back\n", rte_mempool_avail_count(hv_pool()), HV_POOL_N);
		return -1;
	}
	return 0;
}

static uint64_t
hv_xstat(const char *name)
{
	uint64_t id, v = 0;

	if (rte_eth_xstats_get_id_by_name(hv_port, name, &id) != 0 ||
	    rte_eth_xstats_get_by_id(hv_port, &id, &v, 1) != 1)
		return UINT64_MAX;
	return v;
}

/* A stopped receive ring: ten bursts bring nothing, and rx_ring_errors counts faults. */
static int
hv_rx_stopped(uint64_t faults)
{
	for (int i = 0; i < 10; i++) {
		struct rte_mbuf *m[8];

		if (rte_eth_rx_burst(hv_port, 0, m, RTE_DIM(m)) != 0) {
			printf("frames from a stopped ring\n");
			return -1;
		}
	}
	if (hv_xstat("rx_ring_errors") != faults) {
		printf("rx_ring_errors %ju, %ju faults\n", (uintmax_t)hv_xstat("rx_ring_errors"),
		       (uintmax_t)faults);
		return -1;
	}
	return 0;
}

/* One bad message on a fresh connection: the back-end must hang up. */
typedef int (*hv_bad_fn)(struct hv_frontend *fe);

static int
hv_msg_size(uint32_t nregions)
{
	return (int)(offsetof(struct vhost_user_memory, regions) +
		     nregions * sizeof(struct vhost_user_mem_region));
}

static int
hv_bad_oversized(struct hv_frontend *fe)
{
	static uint8_t big[4096];

	return hv_send(fe, VHOST_USER_SET_FEATURES, big, sizeof(big), NULL, 0);
}

static int
hv_bad_wrong_size(struct hv_frontend *fe)
{
	uint32_t v = HV_NUM;

	return hv_send(fe, VHOST_USER_SET_VRING_NUM, &v, sizeof(v), NULL, 0);
}

static int
hv_bad_nine_regions(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);
	int fds[9];

	m.nregions = 9;
	for (int i = 0; i < 9; i++)
		fds[i] = fe->memfd;
	return hv_send(fe, VHOST_USER_SET_MEM_TABLE, &m, hv_msg_size(8), fds, 9);
}

static int
hv_send_table(struct hv_frontend *fe, const struct vhost_user_memory *m)
{
	int fds[VHOST_USER_MEMORY_MAX_NREGIONS];

	for (uint32_t i = 0; i < m->nregions; i++)
		fds[i] = fe->memfd;
	return hv_send(fe, VHOST_USER_SET_MEM_TABLE, m, hv_msg_size(m->nregions), fds, m->nregions);
}

static int
hv_bad_region_size_0(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);

	m.regions[0].memory_size = 0;
	return hv_send_table(fe, &m);
}

static int
hv_bad_regions_overlap(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);

	m.nregions = 2;
	m.regions[1] = m.regions[0];
	m.regions[1].guest_phys_addr += 4096;
	m.regions[1].userspace_addr += HV_MEM_SIZE * 4;
	return hv_send_table(fe, &m);
}

static int
hv_bad_region_wraps(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);

	m.regions[0].guest_phys_addr = UINT64_MAX - 4095;
	return hv_send_table(fe, &m);
}

static int
hv_bad_region_past_file(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);

	m.regions[0].mmap_offset = HV_MEM_SIZE / 2;
	return hv_send_table(fe, &m);
}

static int
hv_bad_table_no_fd(struct hv_frontend *fe)
{
	struct vhost_user_memory m = hv_mem_table(fe);

	return hv_send(fe, VHOST_USER_SET_MEM_TABLE, &m, hv_msg_size(1), NULL, 0);
}

static int
hv_send_num(struct hv_frontend *fe, uint32_t index, uint32_t num)
{
	struct vhost_user_vring_state st = {.index = index, .num = num};

	return hv_send(fe, VHOST_USER_SET_VRING_NUM, &st, sizeof(st), NULL, 0);
}

static int
hv_bad_num_0(struct hv_frontend *fe)
{
	return hv_send_num(fe, 0, 0);
}

static int
hv_bad_num_100(struct hv_frontend *fe)
{
	return hv_send_num(fe, 0, 100);
}

static int
hv_bad_num_65536(struct hv_frontend *fe)
{
	return hv_send_num(fe, 0, 65536);
}

/* bits 16-31 of a base are a packed ring's used half: a split ring has none */
static int
hv_bad_split_base(struct hv_frontend *fe)
{
	struct vhost_user_vring_state st = {.index = 0, .num = 1u << 16};

	return hv_send(fe, VHOST_USER_SET_VRING_BASE, &st, sizeof(st), NULL, 0);
}

static int
hv_bad_ring_index(struct hv_frontend *fe)
{
	return hv_send_num(fe, 200, HV_NUM);
}

static int
hv_bad_kick_no_fd(struct hv_frontend *fe)
{
	uint64_t v = 0; /* ring 0, and no "no fd" bit */

	return hv_send(fe, VHOST_USER_SET_VRING_KICK, &v, sizeof(v), NULL, 0);
}

static int
hv_bad_unknown(struct hv_frontend *fe)
{
	return hv_send(fe, 99, NULL, 0, NULL, 0);
}

static const struct {
	const char *what;
	hv_bad_fn send;
} hv_bad_msgs[] = {
	{"oversized payload", hv_bad_oversized},
	{"payload of the wrong size", hv_bad_wrong_size},
	{"9 regions", hv_bad_nine_regions},
	{"region of size 0", hv_bad_region_size_0},
	{"overlapping regions", hv_bad_regions_overlap},
	{"region wrapping around", hv_bad_region_wraps},
	{"region past its file", hv_bad_region_past_file},
	{"memory table without fds", hv_bad_table_no_fd},
	{"ring size 0", hv_bad_num_0},
	{"ring size 100", hv_bad_num_100},
	{"ring size 65536", hv_bad_num_65536},
	{"ring index 200", hv_bad_ring_index},
	{"split ring base past 65535", hv_bad_split_base},
	{"kick without its fd", hv_bad_kick_no_fd},
	{"unknown request", hv_bad_unknown},
};

static int
test_hostile_vhost_messages(void)
{
	struct hv_frontend fe;
	int fds, ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	fds = test_dir_entries("/proc/self/fd");
	for (unsigned int i = 0; i < RTE_DIM(hv_bad_msgs); i++) {
		if (hv_open(&fe, hv_sock) != 0 || hv_bad_msgs[i].send(&fe) != 0) {
			printf("cannot send: %s\n", hv_bad_msgs[i].what);
			hv_close(&fe);
			goto out;
		}
		if (!hv_closed_by_peer(&fe, 3000)) {
			printf("the back-end kept the connection after: %s\n", hv_bad_msgs[i].what);
			hv_close(&fe);
			goto out;
		}
		hv_close(&fe);
	}
	/* a ring outside the memory: the connection stays, the link does not come up */
	if (hv_open(&fe, hv_sock) != 0)
		goto out;
	{
		struct vhost_user_vring_addr a = {.index = 1,
						  .desc_user_addr = hv_gpa(&fe, HV_MEM_SIZE - 512),
						  .avail_user_addr = hv_gpa(&fe, 0),
						  .used_user_addr = hv_gpa(&fe, 4096)};

		if (hv_setup(&fe, 0) != 0 ||
		    hv_send(&fe, VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0) != 0) {
			hv_close(&fe);
			goto out;
		}
	}
	rte_delay_us_sleep(300000);
	if (!hv_link_is(RTE_ETH_LINK_DOWN, 0)) {
		printf("link up with ring 1 outside the memory\n");
		hv_close(&fe);
		goto out;
	}
	hv_close(&fe);
	rte_delay_us_sleep(200000);
	if (test_dir_entries("/proc/self/fd") != fds) {
		printf("%d fds before, %d after\n", fds, test_dir_entries("/proc/self/fd"));
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	hv_port_down();
	return ret;
}

/* A frame the front-end transmits: header then len bytes of value seed, at buffer slot. */
static struct vring_desc
hv_tx_frame(struct hv_frontend *fe, unsigned int slot, uint32_t len, uint8_t seed)
{
	uint8_t *buf = fe->mem + HV_BUF_OFF + slot * HV_BUF_SIZE;

	memset(buf, 0, sizeof(struct virtio_net_hdr));
	for (uint32_t i = 0; i < len; i++)
		buf[sizeof(struct virtio_net_hdr) + i] = (uint8_t)(seed + i);
	return (struct vring_desc){.addr = hv_gpa(fe, HV_BUF_OFF + slot * HV_BUF_SIZE),
				   .len = (uint32_t)sizeof(struct virtio_net_hdr) + len};
}

/* Receive what the port has now; 0 when it is one frame of len bytes from seed. */
static int
hv_rx_check(uint32_t len, uint8_t seed, unsigned int *count)
{
	struct rte_mbuf *m[8];
	uint16_t n = 0;
	int bad = 0;

	for (int i = 0; i < 50 && n == 0; i++) {
		n = rte_eth_rx_burst(hv_port, 0, m, RTE_DIM(m));
		if (n == 0)
			rte_delay_us_sleep(1000);
	}
	*count = n;
	for (uint16_t i = 0; i < n; i++) {
		const uint8_t *p = rte_pktmbuf_mtod(m[i], const uint8_t *);

		bad |= m[i]->pkt_len != len || m[i]->nb_segs != 1;
		for (uint32_t k = 0; !bad && k < len; k++)
			bad |= p[k] != (uint8_t)(seed + k);
	}
	rte_pktmbuf_free_bulk(m, n);
	return n == 1 && !bad ? 0 : -1;
}

static int
test_hostile_vhost_rings(void)
{
	struct hv_frontend fe;
	struct vring_desc d[2];
	unsigned int n;
	uint16_t head;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	if (hv_connect(&fe, 0, "good") != 0)
		goto out;
	/* a good frame first */
	d[0] = hv_tx_frame(&fe, 0, 64, 1);
	hv_post(&fe, 1, d, 1, false);
	if (hv_rx_check(64, 1, &n) != 0) {
		printf("good frame: %u received or changed\n", n);
		goto out;
	}
	/* descriptor outside the memory, length past it, a loop, written by the back-end */
	d[0] = (struct vring_desc){.addr = 0xdead00000000ull, .len = 76};
	hv_post(&fe, 1, d, 1, false);
	d[0] = (struct vring_desc){.addr = hv_gpa(&fe, HV_MEM_SIZE - 16), .len = 4096};
	hv_post(&fe, 1, d, 1, false);
	head = fe.ring[1].desc_next % HV_NUM;
	d[0] = hv_tx_frame(&fe, 1, 64, 2);
	d[0].flags = VRING_DESC_F_NEXT;
	d[0].next = (uint16_t)((head + 1) % HV_NUM);
	d[1] = d[0];
	d[1].next = head;
	hv_post(&fe, 1, d, 2, true);
	d[0] = hv_tx_frame(&fe, 2, 64, 3);
	d[0].flags = VRING_DESC_F_WRITE;
	hv_post(&fe, 1, d, 1, false);
	/* then a good frame gets through */
	d[0] = hv_tx_frame(&fe, 3, 100, 4);
	hv_post(&fe, 1, d, 1, false);
	if (hv_rx_check(100, 4, &n) != 0) {
		printf("good frame after bad ones: %u received or changed\n", n);
		goto out;
	}
	if (hv_xstat("rx_ring_errors") != 4) {
		printf("rx_ring_errors %ju, 4 bad chains\n", (uintmax_t)hv_xstat("rx_ring_errors"));
		goto out;
	}
	/* the front-end's receive ring: a buffer outside the memory, then a good one */
	{
		struct rte_mbuf *m = rte_pktmbuf_alloc(hv_pool());
		struct vring_used_elem e;
		uint8_t *buf = fe.mem + HV_BUF_OFF + 10 * HV_BUF_SIZE;

		d[0] = (struct vring_desc){
			.addr = UINT64_MAX - 100, .len = 2048, .flags = VRING_DESC_F_WRITE};
		hv_post(&fe, 0, d, 1, false);
		d[0] = (struct vring_desc){.addr = hv_gpa(&fe, HV_BUF_OFF + 10 * HV_BUF_SIZE),
					   .len = HV_BUF_SIZE,
					   .flags = VRING_DESC_F_WRITE};
		hv_post(&fe, 0, d, 1, false);
		if (m == NULL)
			goto out;
		memset(rte_pktmbuf_append(m, 80), 0x5a, 80);
		if (rte_eth_tx_burst(hv_port, 0, &m, 1) != 1) {
			rte_pktmbuf_free(m);
			printf("the port did not send into the good buffer\n");
			goto out;
		}
		e = fe.ring[0].used->ring[1];
		if (fe.ring[0].used->idx != 2 || e.len != sizeof(struct virtio_net_hdr) + 80 ||
		    buf[sizeof(struct virtio_net_hdr)] != 0x5a ||
		    fe.ring[0].used->ring[0].len != 0) {
			printf("used: idx %u, len %u\n", fe.ring[0].used->idx, e.len);
			goto out;
		}
		if (hv_xstat("tx_ring_errors") != 1)
			goto out;
	}
	/* a head past the ring, then the avail index far past the ring: the ring stops */
	fe.ring[1].avail->ring[fe.ring[1].avail->idx % HV_NUM] = 500;
	fe.ring[1].avail->idx++;
	rte_eth_rx_burst(hv_port, 0, (struct rte_mbuf *[8]){0}, 8);
	fe.ring[1].avail->idx += 300;
	if (hv_rx_stopped(6) != 0 || hv_leave(&fe, true) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

/* A frame of len bytes from seed in buffer slot, made available on the packed transmit ring as id.
 */
static void
hv_tx_packed(struct hv_frontend *fe, unsigned int slot, uint32_t len, uint8_t seed, uint16_t id)
{
	struct vring_desc d = hv_tx_frame(fe, slot, len, seed);
	struct vring_packed_desc pd = {.addr = d.addr, .len = d.len};

	hv_post_packed(fe, 1, &pd, 1, id);
}

/* One burst of up to 8 frames: how many, and 0 when each is 64 bytes from seeds[i]. */
static int
hv_rx_seeds(const uint8_t *seeds, uint16_t *count)
{
	struct rte_mbuf *m[8];
	uint16_t n = rte_eth_rx_burst(hv_port, 0, m, RTE_DIM(m));
	int bad = 0;

	*count = n;
	for (uint16_t i = 0; i < n; i++)
		bad |= m[i]->pkt_len != 64 || *rte_pktmbuf_mtod(m[i], uint8_t *) != seeds[i];
	rte_pktmbuf_free_bulk(m, n);
	return bad ? -1 : 0;
}

/*
 * A pool shorter than the burst: the frames it has mbufs for come up, the
 * next stays available (not used, not lost) until mbufs are back, and no
 * mbuf is kept.
 */
static int
test_hostile_vhost_short_pool(void)
{
	static struct rte_mbuf *hoard[HV_POOL_N];
	static const uint8_t seeds[] = {10, 20, 30};
	struct hv_frontend fe;
	unsigned int held = 0;
	uint16_t n = 0;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	if (hv_connect(&fe, 0, "short pool") != 0)
		goto out;
	for (unsigned int i = 0; i < RTE_DIM(seeds); i++) {
		struct vring_desc d = hv_tx_frame(&fe, i, 64, seeds[i]);

		hv_post(&fe, 1, &d, 1, false);
	}
	while (rte_mempool_avail_count(hv_pool()) > 2)
		hoard[held++] = rte_pktmbuf_alloc(hv_pool());
	for (int i = 0; i < 50 && n == 0; i++) {
		if (hv_rx_seeds(seeds, &n) != 0)
			break;
		if (n == 0)
			rte_delay_us_sleep(1000);
	}
	if (n != 2 || fe.ring[1].used->idx != 2) {
		printf("2 mbufs for 3 frames: %u frames, used idx %u\n", n, fe.ring[1].used->idx);
		goto out_free;
	}
	/* the two came back to the pool with the frames: the third one now */
	if (hv_rx_seeds(seeds + 2, &n) != 0 || n != 1 || fe.ring[1].used->idx != 3) {
		printf("third frame: %u frames, used idx %u\n", n, fe.ring[1].used->idx);
		goto out_free;
	}
	rte_pktmbuf_free_bulk(hoard, held);
	held = 0;
	if (hv_leave(&fe, true) != 0)
		goto out;
	ret = TEST_SUCCESS;
out_free:
	rte_pktmbuf_free_bulk(hoard, held);
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

/*
 * Packed rings: a good frame each way, then a descriptor outside the
 * memory, which stops the ring (counted) while the process lives.
 */
static int
test_hostile_vhost_packed(void)
{
	struct hv_frontend fe;
	struct vhost_user_vring_state st;
	struct vring_packed_desc pd;
	struct rte_mbuf *m;
	unsigned int n;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	if (hv_connect(&fe, VIRTIO_BIT(VIRTIO_F_RING_PACKED), "packed") != 0)
		goto out;
	hv_tx_packed(&fe, 0, 200, 7, 5);
	if (hv_rx_check(200, 7, &n) != 0) {
		printf("packed frame: %u received or changed\n", n);
		goto out;
	}
	/* the used descriptor: buffer id 5, both flags as the wrap counter (1) */
	pd = ((struct vring_packed_desc *)fe.ring[1].desc)[0];
	if (pd.id != 5 || (pd.flags & (VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED)) !=
				  (VRING_PACKED_DESC_F_AVAIL | VRING_PACKED_DESC_F_USED)) {
		printf("used descriptor: id %u flags 0x%x\n", pd.id, pd.flags);
		goto out;
	}
	pd = (struct vring_packed_desc){
		.addr = hv_gpa(&fe, HV_BUF_OFF), .len = HV_BUF_SIZE, .flags = VRING_DESC_F_WRITE};
	hv_post_packed(&fe, 0, &pd, 1, 9);
	m = rte_pktmbuf_alloc(hv_pool());
	if (m == NULL)
		goto out;
	memset(rte_pktmbuf_append(m, 60), 0x33, 60);
	if (rte_eth_tx_burst(hv_port, 0, &m, 1) != 1) {
		rte_pktmbuf_free(m);
		printf("the port did not send into the packed ring\n");
		goto out;
	}
	pd = ((struct vring_packed_desc *)fe.ring[0].desc)[0];
	if (pd.id != 9 || pd.len != sizeof(struct virtio_net_hdr) + 60) {
		printf("receive used descriptor: id %u len %u\n", pd.id, pd.len);
		goto out;
	}
	/* outside the memory: the ring stops */
	pd = (struct vring_packed_desc){.addr = 0xdead00000000ull, .len = 100};
	hv_post_packed(&fe, 1, &pd, 1, 6);
	hv_tx_packed(&fe, 1, 64, 8, 7);
	if (hv_rx_stopped(1) != 0)
		goto out;
	/* the receive ring stops at position 1, wrap counters 1: both halves, as QEMU reads them */
	st = (struct vhost_user_vring_state){.index = 0};
	if (hv_send(&fe, VHOST_USER_GET_VRING_BASE, &st, sizeof(st), NULL, 0) != 0 ||
	    hv_recv(&fe, &st, sizeof(st)) != sizeof(st) || st.num != 0x80018001u) {
		printf("GET_VRING_BASE of the packed receive ring: 0x%x, wanted 0x80018001\n",
		       st.num);
		goto out;
	}
	if (hv_leave(&fe, true) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

/*
 * Ring r stopped (GET_VRING_BASE) and started again at base, with the same
 * addresses and fds, on the same connection: what a front-end does when it
 * resumes a ring. 0 when every message went.
 */
static int
hv_ring_resume(struct hv_frontend *fe, unsigned int r, uint32_t base)
{
	struct vhost_user_vring_state st = {.index = r};
	uint64_t desc = hv_gpa(fe, (uint64_t)((uint8_t *)fe->ring[r].desc - fe->mem));
	struct vhost_user_vring_addr a = {
		.index = r,
		.desc_user_addr = desc,
		.avail_user_addr = desc + 4096,
		.used_user_addr = desc + 8192,
	};
	uint64_t idx = r;
	int ret = 0;

	if (hv_send(fe, VHOST_USER_GET_VRING_BASE, &st, sizeof(st), NULL, 0) != 0 ||
	    hv_recv(fe, &st, sizeof(st)) != sizeof(st))
		return -1;
	st = (struct vhost_user_vring_state){.index = r, .num = base};
	ret |= hv_send(fe, VHOST_USER_SET_VRING_BASE, &st, sizeof(st), NULL, 0);
	ret |= hv_send(fe, VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0);
	ret |= hv_send(fe, VHOST_USER_SET_VRING_CALL, &idx, sizeof(idx), &fe->callfd[r], 1);
	ret |= hv_send(fe, VHOST_USER_SET_VRING_KICK, &idx, sizeof(idx), &fe->kickfd[r], 1);
	return ret;
}

/*
 * A packed ring resumed at a stale base, as QEMU resends the start
 * position after a back-end restart: the descriptor there is a used one
 * of this lap, so the ring stays down (no frame, link down) instead of
 * waiting at a position the driver left; resumed at its true position
 * (1, wrap 1 for both halves) it carries the frame posted meanwhile.
 */
static int
test_hostile_vhost_packed_resume(void)
{
	struct hv_frontend fe;
	unsigned int n;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	if (hv_connect(&fe, VIRTIO_BIT(VIRTIO_F_RING_PACKED), "packed resume") != 0)
		goto out;
	hv_tx_packed(&fe, 0, 100, 3, 1);
	if (hv_rx_check(100, 3, &n) != 0) {
		printf("first frame: %u received or changed\n", n);
		goto out;
	}
	if (hv_ring_resume(&fe, 1, 1u << 15 | 1u << 31) != 0 ||
	    !hv_link_stays(RTE_ETH_LINK_DOWN, 1000)) {
		printf("a packed ring resumed at a used position came up\n");
		goto out;
	}
	hv_tx_packed(&fe, 1, 80, 4, 2);
	if (hv_rx_stopped(0) != 0)
		goto out;
	if (hv_ring_resume(&fe, 1, 0x80018001u) != 0 || !hv_link_is(RTE_ETH_LINK_UP, 3000) ||
	    hv_rx_check(80, 4, &n) != 0) {
		printf("the ring resumed at its true position: link or frame missing (%u)\n", n);
		goto out;
	}
	if (hv_leave(&fe, true) != 0)
		goto out;
	ret = TEST_SUCCESS;
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

/* The count the back-end wrote on the front-end's call eventfd of ring r since the last read. */
static uint64_t
hv_calls(struct hv_frontend *fe, unsigned int r)
{
	uint64_t v = 0;

	if (read(fe->callfd[r], &v, sizeof(v)) != sizeof(v))
		return 0;
	return v;
}

/* Send one 60-byte frame into the front-end's receive ring: 0 when it went. */
static int
hv_send_one(struct hv_frontend *fe, unsigned int slot)
{
	struct rte_mbuf *m = rte_pktmbuf_alloc(hv_pool());
	struct vring_desc d = {.addr = hv_gpa(fe, HV_BUF_OFF + slot * HV_BUF_SIZE),
			       .len = HV_BUF_SIZE,
			       .flags = VRING_DESC_F_WRITE};

	if (m == NULL)
		return -1;
	hv_post(fe, 0, &d, 1, false);
	memset(rte_pktmbuf_append(m, 60), 0x11, 60);
	if (rte_eth_tx_burst(hv_port, 0, &m, 1) != 1) {
		rte_pktmbuf_free(m);
		return -1;
	}
	return 0;
}

/*
 * The call eventfd only when the front-end wants it (2.6.7): without
 * EVENT_IDX, not while avail->flags says NO_INTERRUPT; with it, only when
 * the used index passes used_event.
 */
static int
test_hostile_vhost_calls(void)
{
	struct hv_frontend fe;
	volatile uint16_t *used_event;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up(), "port");
	for (int event_idx = 0; event_idx < 2; event_idx++) {
		uint64_t extra = event_idx ? VIRTIO_BIT(VIRTIO_F_RING_EVENT_IDX) : 0;

		if (hv_connect(&fe, extra, "calls") != 0)
			goto out;
		fcntl(fe.callfd[0], F_SETFL, O_NONBLOCK);
		hv_calls(&fe, 0);
		used_event = &fe.ring[0].avail->ring[HV_NUM];
		if (!event_idx) {
			fe.ring[0].avail->flags = VRING_AVAIL_F_NO_INTERRUPT;
			if (hv_send_one(&fe, 0) != 0 || hv_calls(&fe, 0) != 0) {
				printf("called with NO_INTERRUPT\n");
				goto out;
			}
			fe.ring[0].avail->flags = 0;
			if (hv_send_one(&fe, 1) != 0 || hv_calls(&fe, 0) != 1) {
				printf("not called without NO_INTERRUPT\n");
				goto out;
			}
		} else {
			/* wanted after the used entry 2 (the third): not for the first two */
			*used_event = 2;
			if (hv_send_one(&fe, 0) != 0 || hv_send_one(&fe, 1) != 0 ||
			    hv_calls(&fe, 0) != 0) {
				printf("called before used_event\n");
				goto out;
			}
			if (hv_send_one(&fe, 2) != 0 || hv_calls(&fe, 0) != 1) {
				printf("not called at used_event\n");
				goto out;
			}
			if (hv_send_one(&fe, 3) != 0 || hv_calls(&fe, 0) != 0) {
				printf("called again past used_event\n");
				goto out;
			}
		}
		if (hv_leave(&fe, false) != 0)
			goto out;
	}
	ret = TEST_SUCCESS;
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

/* linear-buffer=1: a frame longer than one mbuf is dropped and counted, the next passes. */
static int
test_hostile_vhost_linear(void)
{
	struct hv_frontend fe;
	struct vring_desc d;
	unsigned int n;
	int ret = TEST_FAILED;

	TEST_ASSERT_SUCCESS(hv_port_up_with(",linear-buffer=1"), "port");
	if (hv_connect(&fe, 0, "linear-buffer") != 0)
		goto out;
	/* 3000 bytes over two buffer slots, then 64 bytes */
	d = hv_tx_frame(&fe, 0, 3000, 1);
	hv_post(&fe, 1, &d, 1, false);
	d = hv_tx_frame(&fe, 2, 64, 2);
	hv_post(&fe, 1, &d, 1, false);
	if (hv_rx_check(64, 2, &n) != 0 || hv_xstat("rx_ring_errors") != 1) {
		printf("%u received, rx_ring_errors %ju\n", n,
		       (uintmax_t)hv_xstat("rx_ring_errors"));
		goto out;
	}
	ret = TEST_SUCCESS;
out:
	hv_close(&fe);
	hv_port_down();
	return ret;
}

static const struct test_case hostile_vhost_cases[] = {
	TEST_CASE(test_hostile_vhost_messages),
	TEST_CASE(test_hostile_vhost_rings),
	TEST_CASE(test_hostile_vhost_packed),
	TEST_CASE(test_hostile_vhost_packed_resume),
	TEST_CASE(test_hostile_vhost_linear),
	TEST_CASE(test_hostile_vhost_calls),
	TEST_CASE(test_hostile_vhost_short_pool),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hostile_vhost, TEST_SUITE_EAL, hostile_vhost_cases);
