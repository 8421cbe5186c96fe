/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_vhost with iommu-support=1 against a front-end behind a vIOMMU
 * (vhost_iotlb). The test is the front-end: it negotiates
 * VIRTIO_F_IOMMU_PLATFORM and the back-end channel, addresses its rings and
 * buffers by IOVA (a window far from where its memory is), and maps them
 * with IOTLB UPDATEs. Frames pass both ways byte for byte, also through a
 * buffer whose two pages map to pages apart; an IOVA not mapped is asked
 * for on the back-end channel with its access, and the ring goes on after
 * the UPDATE; an INVALIDATE makes the next access ask again; rings wait for
 * their UPDATEs to start. Bad IOTLB messages are refused one by one and the
 * port goes on.
 */
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <sys/socket.h>

#include <rte_bus_vdev.h>
#include <rte_cycles.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>

#include <vhost_private.h>
#include <vhost_user_io.h>

#include "hostile_vhost_frontend.h"
#include "test.h"

#define IT_PORT "net_vhost_iotlb"
#define IT_POOL_N 511
/* the front-end's IOVA of byte off of its memory (unless mapped otherwise) */
#define IT_IOVA(off) (UINT64_C(0x40000000) + (off))
#define IT_RING_WINDOW 32768u  /* both rings' parts */
#define IT_HDR_LEN 12u	       /* virtio_net_hdr with VERSION_1 */
#define IT_SPLIT_IOVA 0x80000u /* two IOVA pages mapped to pages apart: */
#define IT_SPLIT_UA0 0x90000u  /* the first page's memory */
#define IT_SPLIT_UA1 0x88000u  /* the second page's memory */
/* pages past the bound of the IOTLB, at IOVA IT_IOVA(IT_FLOOD_OFF) on, all to one page */
#define IT_FLOOD_OFF UINT64_C(0x10000000)
#define IT_FLOOD_UOFF 0xc0000u

static char it_sock[64];
static uint16_t it_port;

struct it_fe {
	struct hv_frontend fe;
	int chan;     /* the front-end's end of the back-end channel */
	int spare[2]; /* a socketpair for bad SET_SLAVE_REQ_FDs */
};

static struct rte_mempool *
it_pool(void)
{
	struct rte_mempool *mp = rte_mempool_lookup("vhost_iotlb_mp");

	if (mp == NULL)
		mp = rte_pktmbuf_pool_create("vhost_iotlb_mp", IT_POOL_N, 0, 0,
					     RTE_MBUF_DEFAULT_BUF_SIZE, SOCKET_ID_ANY);
	return mp;
}

static int
it_port_up(void)
{
	struct rte_eth_conf conf;
	char args[128];

	memset(&conf, 0, sizeof(conf));
	snprintf(it_sock, sizeof(it_sock), "/tmp/sluice-vhost-iotlb-%d.sock", (int)getpid());
	snprintf(args, sizeof(args), "iface=%s,iommu-support=1", it_sock);
	if (rte_vdev_init(IT_PORT, args) != 0 ||
	    rte_eth_dev_get_port_by_name(IT_PORT, &it_port) != 0 || it_pool() == NULL ||
	    rte_eth_dev_configure(it_port, 1, 1, &conf) != 0 ||
	    rte_eth_rx_queue_setup(it_port, 0, 0, SOCKET_ID_ANY, NULL, it_pool()) != 0 ||
	    rte_eth_tx_queue_setup(it_port, 0, 0, SOCKET_ID_ANY, NULL) != 0 ||
	    rte_eth_dev_start(it_port) != 0)
		return -1;
	return 0;
}

static void
it_port_down(void)
{
	rte_eth_dev_stop(it_port);
	rte_vdev_uninit(IT_PORT);
	rte_mempool_free(rte_mempool_lookup("vhost_iotlb_mp"));
}

static int
it_link_is(int up, unsigned int ms)
{
	struct rte_eth_link link;

	for (unsigned int i = 0; i <= ms / 10; i++) {
		if (rte_eth_link_get_nowait(it_port, &link) == 0 && link.link_status == up)
			return 1;
		rte_delay_us_sleep(10000);
	}
	return 0;
}

static void
it_close(struct it_fe *f)
{
	hv_close(&f->fe);
	if (f->chan >= 0)
		close(f->chan);
	f->chan = -1;
	for (int i = 0; i < 2; i++) {
		if (f->spare[i] >= 0)
			close(f->spare[i]);
		f->spare[i] = -1;
	}
}

/*
 * One message with NEED_REPLY: the back-end's answer (0 done, else
 * refused), or -1 when none came.
 */
static int
it_ask(struct it_fe *f, uint32_t request, const void *payload, uint32_t size, const int *fds,
       unsigned int nfds)
{
	struct vhost_user_msg hdr = {
		.request = request,
		.flags = VHOST_USER_VERSION | VHOST_USER_NEED_REPLY,
		.size = size,
	};
	uint64_t ack = UINT64_MAX;

	if (vhost_user_msg_send(f->fe.sock, &hdr, payload, size, fds, nfds) != 0 ||
	    hv_recv(&f->fe, &ack, sizeof(ack)) != sizeof(ack))
		return -1;
	return ack == 0 ? 0 : 1;
}

static int
it_iotlb(struct it_fe *f, uint8_t type, uint64_t iova, uint64_t size, uint64_t uaddr, uint8_t perm)
{
	struct vhost_user_iotlb m = {
		.iova = iova, .size = size, .uaddr = uaddr, .perm = perm, .type = type};

	return it_ask(f, VHOST_USER_IOTLB_MSG, &m, sizeof(m), NULL, 0);
}

/* Map IOVA IT_IOVA(off) .. + size to the front-end's memory at uoff: 0 when accepted. */
static int
it_map(struct it_fe *f, uint64_t off, uint64_t size, uint64_t uoff, uint8_t perm)
{
	return it_iotlb(f, VHOST_USER_IOTLB_UPDATE, IT_IOVA(off), size, hv_gpa(&f->fe, uoff), perm);
}

static int
it_unmap(struct it_fe *f, uint64_t off, uint64_t size)
{
	return it_iotlb(f, VHOST_USER_IOTLB_INVALIDATE, IT_IOVA(off), size, 0, 0);
}

static int
it_u64(struct it_fe *f, uint32_t request, uint64_t v, const int *fds, unsigned int nfds)
{
	return hv_send(&f->fe, request, &v, sizeof(v), fds, nfds);
}

static int
it_state(struct it_fe *f, uint32_t request, uint32_t index, uint32_t num)
{
	struct vhost_user_vring_state st = {.index = index, .num = num};

	return hv_send(&f->fe, request, &st, sizeof(st), NULL, 0);
}

/* Both rings, fresh, addressed by IOVA and enabled: 0 or -1. */
static int
it_rings_start(struct it_fe *f)
{
	int ret = 0;

	for (unsigned int r = 0; r < 2; r++) {
		/* the parts at the offsets hv_open() put them, as IOVAs */
		struct vhost_user_vring_addr a = {
			.index = r,
			.desc_user_addr = IT_IOVA((uint64_t)r * 16384),
			.avail_user_addr = IT_IOVA((uint64_t)r * 16384 + 4096),
			.used_user_addr = IT_IOVA((uint64_t)r * 16384 + 8192),
		};

		memset((uint8_t *)f->fe.ring[r].desc, 0, 16384);
		f->fe.ring[r].desc_next = 0;
		ret |= it_state(f, VHOST_USER_SET_VRING_NUM, r, HV_NUM);
		ret |= it_state(f, VHOST_USER_SET_VRING_BASE, r, 0);
		ret |= hv_send(&f->fe, VHOST_USER_SET_VRING_ADDR, &a, sizeof(a), NULL, 0);
		ret |= it_u64(f, VHOST_USER_SET_VRING_CALL, r, &f->fe.callfd[r], 1);
		ret |= it_u64(f, VHOST_USER_SET_VRING_KICK, r, &f->fe.kickfd[r], 1);
		ret |= it_state(f, VHOST_USER_SET_VRING_ENABLE, r, 1);
	}
	return ret != 0 ? -1 : 0;
}

/* Both rings stopped (GET_VRING_BASE, each answered): 0 or -1. */
static int
it_rings_stop(struct it_fe *f)
{
	struct vhost_user_vring_state st;

	for (unsigned int r = 0; r < 2; r++)
		if (it_state(f, VHOST_USER_GET_VRING_BASE, r, 0) != 0 ||
		    hv_recv(&f->fe, &st, sizeof(st)) != sizeof(st))
			return -1;
	return 0;
}

/*
 * Connect as a front-end behind a vIOMMU: IOMMU_PLATFORM, REPLY_ACK and
 * BACKEND_REQ negotiated, the back-end channel given, the memory table,
 * then both rings addressed by IOVA (mapped first when map_rings) and
 * enabled. 0, or -1 with what went wrong printed.
 */
static int
it_connect(struct it_fe *f, bool map_rings)
{
	const uint64_t want = VIRTIO_BIT(VIRTIO_F_VERSION_1) |
			      VIRTIO_BIT(VIRTIO_F_ACCESS_PLATFORM) |
			      VIRTIO_BIT(VHOST_USER_F_PROTOCOL_FEATURES);
	const uint64_t want_proto = VIRTIO_BIT(VHOST_USER_PROTOCOL_F_REPLY_ACK) |
				    VIRTIO_BIT(VHOST_USER_PROTOCOL_F_SLAVE_REQ);
	struct vhost_user_memory m;
	uint64_t features = 0, proto = 0;
	int sv[2], ret = 0;

	f->chan = -1;
	if (hv_open(&f->fe, it_sock) != 0)
		return -1;
	m = hv_mem_table(&f->fe);
	if (hv_send(&f->fe, VHOST_USER_GET_FEATURES, NULL, 0, NULL, 0) != 0 ||
	    hv_recv(&f->fe, &features, sizeof(features)) != sizeof(features) ||
	    hv_send(&f->fe, VHOST_USER_GET_PROTOCOL_FEATURES, NULL, 0, NULL, 0) != 0 ||
	    hv_recv(&f->fe, &proto, sizeof(proto)) != sizeof(proto)) {
		printf("no feature replies\n");
		return -1;
	}
	if ((features & want) != want || (proto & want_proto) != want_proto) {
		printf("features 0x%jx, protocol 0x%jx: IOMMU_PLATFORM or BACKEND_REQ not "
		       "offered\n",
		       (uintmax_t)features, (uintmax_t)proto);
		return -1;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0)
		return -1;
	f->chan = sv[0];
	ret |= it_u64(f, VHOST_USER_SET_FEATURES, want, NULL, 0);
	ret |= it_u64(f, VHOST_USER_SET_PROTOCOL_FEATURES, want_proto, NULL, 0);
	ret |= hv_send(&f->fe, VHOST_USER_SET_SLAVE_REQ_FD, NULL, 0, &sv[1], 1);
	close(sv[1]);
	ret |= hv_send(&f->fe, VHOST_USER_SET_OWNER, NULL, 0, NULL, 0);
	ret |= hv_send(&f->fe, VHOST_USER_SET_MEM_TABLE, &m,
		       offsetof(struct vhost_user_memory, regions) + sizeof(m.regions[0]),
		       &f->fe.memfd, 1);
	if (ret != 0)
		return -1;
	if (map_rings && it_map(f, 0, IT_RING_WINDOW, 0, VHOST_USER_ACCESS_RW) != 0) {
		printf("ring window UPDATE refused\n");
		return -1;
	}
	return it_rings_start(f);
}

/* The next message on the back-end channel within ms: 1 with its IOTLB payload, else 0. */
static int
it_chan_msg(struct it_fe *f, unsigned int ms, struct vhost_user_iotlb *out)
{
	struct pollfd p = {.fd = f->chan, .events = POLLIN};
	struct vhost_user_msg msg;

	if (poll(&p, 1, (int)ms) <= 0 || vhost_user_msg_recv(f->chan, &msg, NULL, NULL) != 1)
		return 0;
	if (msg.request != VHOST_USER_BACKEND_IOTLB_MSG || msg.size != sizeof(*out) ||
	    (msg.flags & VHOST_USER_VERSION_MASK) != VHOST_USER_VERSION) {
		printf("back-end channel: request %u flags 0x%x size %u\n", msg.request, msg.flags,
		       msg.size);
		return 0;
	}
	memcpy(out, &msg.payload.iotlb, sizeof(*out));
	return 1;
}

/* These MISSes arrive on the back-end channel, in any order, and nothing else. */
static int
it_expect_misses(struct it_fe *f, const struct vhost_user_iotlb *want, unsigned int n)
{
	bool seen[8] = {false};
	struct vhost_user_iotlb m;

	for (unsigned int i = 0; i < n && i < RTE_DIM(seen); i++) {
		unsigned int j;

		if (!it_chan_msg(f, 1000, &m)) {
			printf("%u of %u MISSes came\n", i, n);
			return -1;
		}
		for (j = 0; j < n; j++)
			if (!seen[j] && m.type == VHOST_USER_IOTLB_MISS && m.iova == want[j].iova &&
			    m.perm == want[j].perm)
				break;
		if (j == n) {
			printf("request type %u IOVA 0x%jx perm %u: not one expected\n", m.type,
			       (uintmax_t)m.iova, m.perm);
			return -1;
		}
		seen[j] = true;
	}
	if (it_chan_msg(f, 50, &m)) {
		printf("one more request: IOVA 0x%jx perm %u\n", (uintmax_t)m.iova, m.perm);
		return -1;
	}
	return 0;
}

static int
it_expect_miss(struct it_fe *f, uint64_t iova, uint8_t perm)
{
	struct vhost_user_iotlb m = {.iova = iova, .perm = perm};

	return it_expect_misses(f, &m, 1);
}

static int
it_chan_quiet(struct it_fe *f)
{
	struct vhost_user_iotlb m;

	if (it_chan_msg(f, 50, &m)) {
		printf("unexpected request: IOVA 0x%jx perm %u\n", (uintmax_t)m.iova, m.perm);
		return -1;
	}
	return 0;
}

static void
it_pattern(uint8_t *p, uint32_t len, uint8_t seed)
{
	for (uint32_t i = 0; i < len; i++)
		p[i] = (uint8_t)(seed + i * 7);
}

static uint8_t *
it_ua(struct it_fe *f, uint64_t uoff)
{
	return f->fe.mem + uoff;
}

/*
 * Copy len bytes between a frame and the memory behind IOVA
 * IT_IOVA(iova_off): the same offset, or the split pair's two pages.
 */
static void
it_copy(struct it_fe *f, uint64_t iova_off, uint8_t *frame, uint32_t len, bool to_mem)
{
	uint8_t *p0 = it_ua(f, iova_off), *p1 = NULL;
	uint32_t first = len;

	if (iova_off >= IT_FLOOD_OFF) {
		p0 = it_ua(f, IT_FLOOD_UOFF + (iova_off - IT_FLOOD_OFF) % 4096);
	} else if (iova_off >= IT_SPLIT_IOVA && iova_off < IT_SPLIT_IOVA + 4096) {
		p0 = it_ua(f, IT_SPLIT_UA0 + (iova_off - IT_SPLIT_IOVA));
		p1 = it_ua(f, IT_SPLIT_UA1);
		first = (uint32_t)RTE_MIN((uint64_t)len, IT_SPLIT_IOVA + 4096 - iova_off);
	}
	if (to_mem) {
		memcpy(p0, frame, first);
		if (p1 != NULL)
			memcpy(p1, frame + first, len - first);
	} else {
		memcpy(frame, p0, first);
		if (p1 != NULL)
			memcpy(frame + first, p1, len - first);
	}
}

/* Within 20 polls, want frames (0 or 1) arrive: len bytes of pattern seed. */
static int
it_rx_check(unsigned int want, uint32_t len, uint8_t seed)
{
	uint8_t frame[2048];
	struct rte_mbuf *m[4];
	unsigned int n = 0;
	int ret = 0;

	for (int i = 0; i < 20 && n == 0; i++)
		n = rte_eth_rx_burst(it_port, 0, m, RTE_DIM(m));
	it_pattern(frame, len, seed);
	if (n != want) {
		printf("%u frames received, %u expected\n", n, want);
		ret = -1;
	} else if (n == 1 && (m[0]->pkt_len != len || m[0]->nb_segs != 1 ||
			      memcmp(rte_pktmbuf_mtod(m[0], uint8_t *), frame, len) != 0)) {
		printf("a frame of %u bytes arrived as %u bytes, or other bytes\n", len,
		       m[0]->pkt_len);
		ret = -1;
	}
	rte_pktmbuf_free_bulk(m, n);
	return ret;
}

/* The guest sends a frame of len bytes from IOVA IT_IOVA(iova_off); want as it_rx_check. */
static int
it_guest_tx(struct it_fe *f, uint64_t iova_off, uint32_t len, uint8_t seed, unsigned int want)
{
	uint8_t frame[IT_HDR_LEN + 2048];
	struct vring_desc d = {.addr = IT_IOVA(iova_off), .len = IT_HDR_LEN + len};

	memset(frame, 0, IT_HDR_LEN);
	it_pattern(frame + IT_HDR_LEN, len, seed);
	it_copy(f, iova_off, frame, d.len, true);
	hv_post(&f->fe, 1, &d, 1, false);
	return it_rx_check(want, len, seed);
}

/*
 * The host sends a frame of len bytes into the guest's next receive buffer,
 * at IOVA IT_IOVA(iova_off) (posted first when post): with want 1 it lands
 * byte for byte; with want 0 the burst takes nothing.
 */
static int
it_host_tx(struct it_fe *f, uint64_t iova_off, uint32_t len, uint8_t seed, bool post,
	   unsigned int want)
{
	struct vring_desc d = {.addr = IT_IOVA(iova_off), .len = 2048, .flags = VRING_DESC_F_WRITE};
	volatile struct vring_used *used = f->fe.ring[0].used;
	uint16_t before = used->idx;
	struct rte_mbuf *m = rte_pktmbuf_alloc(it_pool());
	uint8_t got[IT_HDR_LEN + 2048], frame[2048];
	uint16_t sent;

	if (m == NULL)
		return -1;
	it_pattern((uint8_t *)rte_pktmbuf_append(m, (uint16_t)len), len, seed);
	if (post)
		hv_post(&f->fe, 0, &d, 1, false);
	sent = rte_eth_tx_burst(it_port, 0, &m, 1);
	if (sent == 0)
		rte_pktmbuf_free(m);
	if (sent != want) {
		printf("host frame to IOVA 0x%jx: %u sent, %u expected\n", (uintmax_t)d.addr, sent,
		       want);
		return -1;
	}
	if (!want)
		return 0;
	if ((uint16_t)(used->idx - before) != 1 ||
	    used->ring[before % HV_NUM].len != IT_HDR_LEN + len) {
		printf("used entry: idx %u (was %u), len %u\n", used->idx, before,
		       used->ring[before % HV_NUM].len);
		return -1;
	}
	it_copy(f, iova_off, got, IT_HDR_LEN + len, false);
	it_pattern(frame, len, seed);
	if (memcmp(got + IT_HDR_LEN, frame, len) != 0) {
		printf("host frame of %u bytes landed with other bytes\n", len);
		return -1;
	}
	return 0;
}

/* The parts of both rings, as the back-end asks for them: descriptors, avail, used. */
static const struct vhost_user_iotlb it_ring_parts[] = {
	{.iova = IT_IOVA(0), .perm = VHOST_USER_ACCESS_RO},
	{.iova = IT_IOVA(4096), .perm = VHOST_USER_ACCESS_RO},
	{.iova = IT_IOVA(8192), .perm = VHOST_USER_ACCESS_WO},
	{.iova = IT_IOVA(16384), .perm = VHOST_USER_ACCESS_RO},
	{.iova = IT_IOVA(16384 + 4096), .perm = VHOST_USER_ACCESS_RO},
	{.iova = IT_IOVA(16384 + 8192), .perm = VHOST_USER_ACCESS_WO},
};

/* Buffers at IOVA IT_IOVA(off) = the same offset of the memory, from 64 KiB on, 2 KiB each. */
#define IT_BUF(i) (HV_BUF_OFF + (uint64_t)(i)*HV_BUF_SIZE)

static int
it_up(struct it_fe *f, bool map_rings)
{
	if (it_connect(f, map_rings) != 0 || !it_link_is(RTE_ETH_LINK_UP, 3000)) {
		printf("link not up\n");
		return -1;
	}
	return 0;
}

/* Frames of five sizes both ways through IOVAs, also across two entries mapped apart. */
static int
it_frames(struct it_fe *f)
{
	static const uint32_t sizes[] = {60, 64, 500, 1500, 2000};

	if (it_up(f, true) != 0)
		return -1;
	if (it_map(f, HV_BUF_OFF, 0x10000, HV_BUF_OFF, VHOST_USER_ACCESS_RW) != 0 ||
	    it_map(f, IT_SPLIT_IOVA, 4096, IT_SPLIT_UA0, VHOST_USER_ACCESS_RW) != 0 ||
	    it_map(f, IT_SPLIT_IOVA + 4096, 4096, IT_SPLIT_UA1, VHOST_USER_ACCESS_RW) != 0) {
		printf("UPDATE refused\n");
		return -1;
	}
	for (unsigned int i = 0; i < RTE_DIM(sizes); i++) {
		if (it_guest_tx(f, IT_BUF(i), sizes[i], (uint8_t)i, 1) != 0 ||
		    it_host_tx(f, IT_BUF(8 + i), sizes[i], (uint8_t)(i + 100), true, 1) != 0)
			return -1;
	}
	/* 1024 bytes in the first page, the rest in the second, 32 KiB below it */
	if (it_guest_tx(f, IT_SPLIT_IOVA + 3072, 1500, 7, 1) != 0 ||
	    it_host_tx(f, IT_SPLIT_IOVA + 3072, 1500, 9, true, 1) != 0 || it_chan_quiet(f) != 0)
		return -1;
	return 0;
}

/*
 * A buffer whose IOVA is not mapped: the burst takes nothing, a MISS with
 * the access it needs (RO to read a frame, WO to write one, also where an
 * entry has only the other access) comes once, and after the UPDATE the
 * frame passes. An INVALIDATE of a buffer, then of the rings, asks again.
 */
static int
it_miss(struct it_fe *f)
{

	if (it_up(f, true) != 0)
		return -1;
	/* the guest's frame: read access asked for once, however often the ring is polled */
	if (it_guest_tx(f, IT_BUF(48), 100, 1, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(IT_BUF(48)), VHOST_USER_ACCESS_RO) != 0 ||
	    it_rx_check(0, 0, 0) != 0 || it_chan_quiet(f) != 0 ||
	    it_map(f, IT_BUF(48), 4096, IT_BUF(48), VHOST_USER_ACCESS_RO) != 0 ||
	    it_rx_check(1, 100, 1) != 0) {
		printf("read miss\n");
		return -1;
	}
	/* the host's frame into that read-only page: write access asked for */
	if (it_host_tx(f, IT_BUF(48), 200, 2, true, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(IT_BUF(48)), VHOST_USER_ACCESS_WO) != 0 ||
	    it_map(f, IT_BUF(48), 4096, IT_BUF(48), VHOST_USER_ACCESS_RW) != 0 ||
	    it_host_tx(f, IT_BUF(48), 200, 3, false, 1) != 0) {
		printf("write miss\n");
		return -1;
	}
	/* unmapped again: the next access asks again */
	if (it_unmap(f, IT_BUF(48), 4096) != 0 || it_guest_tx(f, IT_BUF(48), 80, 4, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(IT_BUF(48)), VHOST_USER_ACCESS_RO) != 0 ||
	    it_map(f, IT_BUF(48), 4096, IT_BUF(48), VHOST_USER_ACCESS_RW) != 0 ||
	    it_rx_check(1, 80, 4) != 0) {
		printf("invalidated buffer\n");
		return -1;
	}
	/* the rings unmapped: their parts are asked for, the link stays up */
	if (it_map(f, HV_BUF_OFF, 0x10000, HV_BUF_OFF, VHOST_USER_ACCESS_RW) != 0 ||
	    it_unmap(f, 0, IT_RING_WINDOW) != 0 || it_guest_tx(f, IT_BUF(1), 90, 5, 0) != 0 ||
	    it_expect_misses(f, it_ring_parts, RTE_DIM(it_ring_parts)) != 0 ||
	    !it_link_is(RTE_ETH_LINK_UP, 0) ||
	    it_map(f, 0, IT_RING_WINDOW, 0, VHOST_USER_ACCESS_RW) != 0 ||
	    it_rx_check(1, 90, 5) != 0) {
		printf("invalidated rings\n");
		return -1;
	}
	/* the rings stopped: nothing mapped before is used again, the restarted rings ask */
	if (it_rings_stop(f) != 0 || it_rings_start(f) != 0 ||
	    it_expect_misses(f, it_ring_parts, RTE_DIM(it_ring_parts)) != 0 ||
	    it_map(f, 0, IT_RING_WINDOW, 0, VHOST_USER_ACCESS_RW) != 0 ||
	    !it_link_is(RTE_ETH_LINK_UP, 3000) || it_guest_tx(f, IT_BUF(2), 70, 6, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(IT_BUF(2)), VHOST_USER_ACCESS_RO) != 0) {
		printf("rings restarted\n");
		return -1;
	}
	return 0;
}

/* Rings addressed by IOVAs not mapped yet: asked for, and the device starts after the UPDATE. */
static int
it_ring_start(struct it_fe *f)
{

	if (it_connect(f, false) != 0 || it_expect_misses(f, it_ring_parts, 6) != 0 ||
	    it_link_is(RTE_ETH_LINK_UP, 200)) {
		printf("rings started without their UPDATE\n");
		return -1;
	}
	if (it_map(f, 0, IT_RING_WINDOW, 0, VHOST_USER_ACCESS_RW) != 0 ||
	    !it_link_is(RTE_ETH_LINK_UP, 3000) ||
	    it_map(f, HV_BUF_OFF, 0x10000, HV_BUF_OFF, VHOST_USER_ACCESS_RW) != 0 ||
	    it_guest_tx(f, IT_BUF(0), 64, 1, 1) != 0 ||
	    it_host_tx(f, IT_BUF(1), 64, 2, true, 1) != 0) {
		printf("no traffic after the rings' UPDATE\n");
		return -1;
	}
	return 0;
}

/*
 * Bad IOTLB messages, each refused (answered with a failure) while the
 * connection and the port go on; more entries than the bound: the oldest
 * go and are asked for again, the newest stay.
 */
static int
it_hostile(struct it_fe *f)
{
	const uint64_t ro = VHOST_USER_ACCESS_RO, up = VHOST_USER_IOTLB_UPDATE;
	uint64_t mem;

	if (it_up(f, true) != 0 ||
	    it_map(f, HV_BUF_OFF, 0x10000, HV_BUF_OFF, VHOST_USER_ACCESS_RW) != 0)
		return -1;
	mem = hv_gpa(&f->fe, 0);
	{
		const struct {
			const char *what;
			struct vhost_user_iotlb m;
		} bad[] = {
			{"size 0", {IT_IOVA(0x90000), 0, mem, ro, up}},
			{"IOVA range wraps", {UINT64_MAX - 4095, 8192, mem, ro, up}},
			{"IOVA range ends at 2^64", {UINT64_MAX - 4095, 4096, mem, ro, up}},
			{"uaddr range wraps", {IT_IOVA(0x90000), 8192, UINT64_MAX - 4095, ro, up}},
			{"uaddr outside every region",
			 {IT_IOVA(0x90000), 4096, mem + HV_MEM_SIZE, ro, up}},
			{"uaddr past the region's end",
			 {IT_IOVA(0x90000), 8192, mem + HV_MEM_SIZE - 4096, ro, up}},
			{"uaddr 0", {IT_IOVA(0x90000), 4096, 0, ro, up}},
			{"perm none", {IT_IOVA(0x90000), 4096, mem, 0, up}},
			{"perm 4", {IT_IOVA(0x90000), 4096, mem, 4, up}},
			{"MISS from the front-end",
			 {IT_IOVA(0x90000), 4096, mem, ro, VHOST_USER_IOTLB_MISS}},
			{"ACCESS_FAIL",
			 {IT_IOVA(0x90000), 4096, mem, ro, VHOST_USER_IOTLB_ACCESS_FAIL}},
			{"type 0", {IT_IOVA(0x90000), 4096, mem, ro, 0}},
			{"type 9", {IT_IOVA(0x90000), 4096, mem, ro, 9}},
		};

		for (unsigned int i = 0; i < RTE_DIM(bad); i++)
			if (it_ask(f, VHOST_USER_IOTLB_MSG, &bad[i].m, sizeof(bad[i].m), NULL, 0) !=
			    1) {
				printf("IOTLB message with %s not refused\n", bad[i].what);
				return -1;
			}
		/* a short payload */
		if (it_ask(f, VHOST_USER_IOTLB_MSG, &bad[0].m, 26, NULL, 0) != 1) {
			printf("IOTLB message of 26 bytes not refused\n");
			return -1;
		}
	}
	/* the back-end channel without an fd, or with two */
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, f->spare) != 0 ||
	    it_ask(f, VHOST_USER_SET_SLAVE_REQ_FD, NULL, 0, NULL, 0) != 1 ||
	    it_ask(f, VHOST_USER_SET_SLAVE_REQ_FD, NULL, 0, f->spare, 2) != 1) {
		printf("SET_SLAVE_REQ_FD without one fd not refused\n");
		return -1;
	}
	/* nothing refused was mapped: that IOVA is asked for; the port goes on */
	if (it_guest_tx(f, 0x90000, 64, 1, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(0x90000), VHOST_USER_ACCESS_RO) != 0 ||
	    it_map(f, 0x90000, 4096, 0x90000, VHOST_USER_ACCESS_RO) != 0 ||
	    it_rx_check(1, 64, 1) != 0 || it_host_tx(f, IT_BUF(2), 64, 2, true, 1) != 0) {
		printf("port stopped after the refusals\n");
		return -1;
	}
	/* past the bound: all accepted, the oldest asked for again, the newest there */
	for (unsigned int i = 0; i < VHOST_IOTLB_MAX_ENTRIES + 8; i++)
		if (it_map(f, IT_FLOOD_OFF + (uint64_t)i * 4096, 4096, IT_FLOOD_UOFF,
			   VHOST_USER_ACCESS_RO) != 0) {
			printf("UPDATE %u of the flood refused\n", i);
			return -1;
		}
	if (it_guest_tx(f, IT_FLOOD_OFF + (uint64_t)(VHOST_IOTLB_MAX_ENTRIES + 7) * 4096, 100, 3,
			1) != 0 ||
	    it_chan_quiet(f) != 0 || it_guest_tx(f, IT_FLOOD_OFF, 100, 4, 0) != 0 ||
	    it_expect_miss(f, IT_IOVA(IT_FLOOD_OFF), VHOST_USER_ACCESS_RO) != 0) {
		printf("IOTLB bound\n");
		return -1;
	}
	return 0;
}

/*
 * A front-end that did not accept IOMMU_PLATFORM: its IOTLB message is
 * refused (and, as the specification wants, answered); the back-end
 * channel without BACKEND_REQ ends the connection.
 */
static int
it_no_feature(struct it_fe *f)
{
	struct vhost_user_iotlb m = {.iova = 0x1000,
				     .size = 4096,
				     .perm = VHOST_USER_ACCESS_RW,
				     .type = VHOST_USER_IOTLB_UPDATE};

	if (hv_open(&f->fe, it_sock) != 0 || hv_setup(&f->fe, 0) != 0 ||
	    !it_link_is(RTE_ETH_LINK_UP, 3000)) {
		printf("link not up\n");
		return -1;
	}
	m.uaddr = hv_gpa(&f->fe, 0);
	if (it_ask(f, VHOST_USER_IOTLB_MSG, &m, sizeof(m), NULL, 0) != 1) {
		printf("IOTLB message without IOMMU_PLATFORM not refused\n");
		return -1;
	}
	if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, f->spare) != 0 ||
	    hv_send(&f->fe, VHOST_USER_SET_SLAVE_REQ_FD, NULL, 0, &f->spare[1], 1) != 0 ||
	    !hv_closed_by_peer(&f->fe, 3000) || !it_link_is(RTE_ETH_LINK_DOWN, 3000)) {
		printf("SET_SLAVE_REQ_FD without BACKEND_REQ not refused\n");
		return -1;
	}
	return 0;
}

/* Each case: a fresh port, the body (which connects), then everything closed. */
static int
it_run(int (*body)(struct it_fe *f))
{
	struct it_fe f = {.chan = -1, .spare = {-1, -1}}; /* each body opens the front-end first */
	int ret;

	TEST_ASSERT_SUCCESS(it_port_up(), "port");
	ret = body(&f);
	it_close(&f);
	it_port_down();
	return ret == 0 ? TEST_SUCCESS : TEST_FAILED;
}

#define IT_CASE(name)                            \
	static int test_vhost_iotlb_##name(void) \
	{                                        \
		return it_run(it_##name);        \
	}
IT_CASE(frames)
IT_CASE(miss)
IT_CASE(ring_start)
IT_CASE(hostile)
IT_CASE(no_feature)

static const struct test_case vhost_iotlb_cases[] = {
	TEST_CASE(test_vhost_iotlb_frames),	TEST_CASE(test_vhost_iotlb_miss),
	TEST_CASE(test_vhost_iotlb_ring_start), TEST_CASE(test_vhost_iotlb_hostile),
	TEST_CASE(test_vhost_iotlb_no_feature), TEST_CASES_END(),
};

REGISTER_TEST_SUITE(vhost_iotlb, TEST_SUITE_EAL, vhost_iotlb_cases);
