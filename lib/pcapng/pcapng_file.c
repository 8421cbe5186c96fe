/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The capture file: section header (4.1), one interface description per
 * ethdev port (4.2), interface statistics (4.6), and the enhanced packet
 * blocks rte_pcapng_copy() made, written as they are.
 */
#include <errno.h>
#include <limits.h>
#include <net/if.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

#include <rte_bus.h>
#include <rte_common.h>
#include <rte_cycles.h>
#include <rte_dev.h>
#include <rte_errno.h>
#include <rte_ethdev.h>
#include <rte_mbuf.h>
#include <rte_pcapng.h>

#include "eal_private.h"
#include "pcapng_format.h"
#include "pcapng_private.h"

#define PCAPNG_PORT_NONE UINT32_MAX

struct rte_pcapng {
	int fd;
	/* interface index in the file of each ethdev port, PCAPNG_PORT_NONE
	 * for a port that did not exist at open */
	uint32_t port_index[RTE_MAX_ETHPORTS];
};

/*
 * A block is built twice by the same code: first with buf NULL to count
 * its length, then into a buffer of that length.
 */
struct pcapng_block {
	uint8_t *buf;
	uint32_t len;
};

static void
pcapng_block_put(struct pcapng_block *b, const void *data, uint32_t len)
{
	if (b->buf != NULL && len > 0)
		memcpy(b->buf + b->len, data, len);
	b->len += len;
}

static void
pcapng_block_opt(struct pcapng_block *b, uint16_t code, const void *data, uint16_t len)
{
	static const uint8_t zero[3];
	struct pcapng_opt opt = {.code = code, .len = len};

	pcapng_block_put(b, &opt, sizeof(opt));
	pcapng_block_put(b, data, len);
	pcapng_block_put(b, zero, pcapng_opt_size(len) - sizeof(opt) - len);
}

/* A string option; NULL leaves it out. */
static void
pcapng_block_str(struct pcapng_block *b, uint16_t code, const char *s)
{
	/* Every string here is NUL-terminated; an option holds at most 65535
	 * bytes (strnlen with that bound trips gcc's -Wstringop-overread when
	 * the string is a small local buffer). */
	size_t len = s != NULL ? strlen(s) : 0;

	if (len > 0)
		pcapng_block_opt(b, code, s, (uint16_t)RTE_MIN(len, (size_t)UINT16_MAX));
}

/* Finish a block whose header is at the start: total length in the header
 * and after the body (3.1). */
static void
pcapng_block_end(struct pcapng_block *b)
{
	uint32_t total = b->len + (uint32_t)sizeof(uint32_t);

	if (b->buf != NULL)
		memcpy(b->buf + sizeof(uint32_t), &total, sizeof(total));
	pcapng_block_put(b, &total, sizeof(total));
}

/* Every byte of iov[0..cnt), through short writes and signals. */
static ssize_t
pcapng_writev_all(int fd, struct iovec *iov, int cnt)
{
	ssize_t total = 0, n;

	while (cnt > 0) {
		n = writev(fd, iov, cnt);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rte_errno = errno;
			return -1;
		}
		total += n;
		while (cnt > 0 && (size_t)n >= iov->iov_len) {
			n -= (ssize_t)iov->iov_len;
			iov++;
			cnt--;
		}
		if (cnt > 0) {
			iov->iov_base = (uint8_t *)iov->iov_base + n;
			iov->iov_len -= (size_t)n;
		}
	}
	return total;
}

/* Build a block with fill (twice, see struct pcapng_block) and write it. */
static ssize_t
pcapng_block_write(int fd, void (*fill)(struct pcapng_block *, const void *), const void *arg)
{
	struct pcapng_block b = {.buf = NULL, .len = 0};
	struct iovec iov;
	ssize_t ret;

	fill(&b, arg);
	iov.iov_len = b.len;
	b = (struct pcapng_block){.buf = calloc(1, iov.iov_len), .len = 0};
	if (b.buf == NULL) {
		rte_errno = ENOMEM;
		return -1;
	}
	fill(&b, arg);
	iov.iov_base = b.buf;
	ret = pcapng_writev_all(fd, &iov, 1);
	free(b.buf);
	return ret;
}

/* An option holds at most 65535 bytes: a longer string is a mistake. */
static int
pcapng_str_check(const char *what, const char *s)
{
	size_t len = s != NULL ? strlen(s) : 0;

	if (len > UINT16_MAX) {
		PCAPNG_LOG(ERR, "%s is %zu bytes, a pcapng option holds at most %u: shorten it",
			   what, len, UINT16_MAX);
		return -EINVAL;
	}
	return 0;
}

struct pcapng_shb_args {
	const char *os, *hw, *app, *comment;
};

static void
pcapng_shb_fill(struct pcapng_block *b, const void *arg)
{
	const struct pcapng_shb_args *a = arg;
	const struct pcapng_shb shb = {
		.type = PCAPNG_BLOCK_SECTION,
		.magic = PCAPNG_BYTE_ORDER_MAGIC,
		.major = 1,
		.minor = 0,
		.section_len = UINT64_MAX,
	};

	pcapng_block_put(b, &shb, sizeof(shb));
	pcapng_block_str(b, PCAPNG_OPT_COMMENT, a->comment);
	pcapng_block_str(b, PCAPNG_SHB_HARDWARE, a->hw);
	pcapng_block_str(b, PCAPNG_SHB_OS, a->os);
	pcapng_block_str(b, PCAPNG_SHB_USERAPPL, a->app);
	pcapng_block_opt(b, PCAPNG_OPT_END, NULL, 0);
	pcapng_block_end(b);
}

struct pcapng_idb_args {
	char name[RTE_ETH_NAME_MAX_LEN + IF_NAMESIZE]; /* either of the two */
	char descr[RTE_ETH_NAME_MAX_LEN + 32];
	char hw[2 * RTE_ETH_NAME_MAX_LEN + 2];
	struct rte_ether_addr mac;
	bool has_mac;
	uint64_t speed; /* bits a second; 0: unknown */
};

static void
pcapng_idb_fill(struct pcapng_block *b, const void *arg)
{
	const struct pcapng_idb_args *a = arg;
	const struct pcapng_idb idb = {
		.type = PCAPNG_BLOCK_INTERFACE,
		.linktype = PCAPNG_LINKTYPE_ETHERNET,
		.snaplen = 0,
	};
	const uint8_t tsresol = PCAPNG_TSRESOL_NS;

	pcapng_block_put(b, &idb, sizeof(idb));
	pcapng_block_str(b, PCAPNG_IF_NAME, a->name);
	pcapng_block_str(b, PCAPNG_IF_DESCRIPTION, a->descr);
	if (a->has_mac)
		pcapng_block_opt(b, PCAPNG_IF_MACADDR, &a->mac, RTE_ETHER_ADDR_LEN);
	if (a->speed != 0)
		pcapng_block_opt(b, PCAPNG_IF_SPEED, &a->speed, sizeof(a->speed));
	pcapng_block_opt(b, PCAPNG_IF_TSRESOL, &tsresol, sizeof(tsresol));
	pcapng_block_str(b, PCAPNG_IF_HARDWARE, a->hw);
	pcapng_block_opt(b, PCAPNG_OPT_END, NULL, 0);
	pcapng_block_end(b);
}

/* What a reader shows of a port: the kernel's name of the interface when
 * it has one (af_packet, tap), else the ethdev name (net_null0, 0000:00:03.0). */
static int
pcapng_idb_write(rte_pcapng_t *self, uint16_t port)
{
	struct pcapng_idb_args a;
	struct rte_eth_dev_info info;
	struct rte_eth_link link;
	char ethname[RTE_ETH_NAME_MAX_LEN];
	int ret;

	memset(&a, 0, sizeof(a));
	ret = rte_eth_dev_info_get(port, &info);
	if (ret < 0)
		return ret;
	if (rte_eth_dev_get_name_by_port(port, ethname) != 0)
		snprintf(ethname, sizeof(ethname), "port%u", port);
	if (info.if_index == 0 || if_indextoname(info.if_index, a.name) == NULL)
		snprintf(a.name, sizeof(a.name), "%s", ethname);
	snprintf(a.descr, sizeof(a.descr), "port %u (%s)", port,
		 info.driver_name != NULL ? info.driver_name : "unknown driver");
	if (info.device != NULL && rte_dev_bus(info.device) != NULL)
		snprintf(a.hw, sizeof(a.hw), "%s-%s", rte_bus_name(rte_dev_bus(info.device)),
			 rte_dev_name(info.device));
	a.has_mac = rte_eth_macaddr_get(port, &a.mac) == 0;
	/* no wait for a link that is still coming up: opening stays quick */
	if (rte_eth_link_get_nowait(port, &link) == 0 && link.link_status == RTE_ETH_LINK_UP &&
	    link.link_speed != RTE_ETH_SPEED_NUM_UNKNOWN)
		a.speed = (uint64_t)link.link_speed * 1000000u; /* Mbps to bps */
	return pcapng_block_write(self->fd, pcapng_idb_fill, &a) < 0 ? -rte_errno : 0;
}

__rte_export rte_pcapng_t *
rte_pcapng_fdopen(int fd, const char *osname, const char *hardware, const char *appname,
		  const char *comment)
{
	const struct pcapng_shb_args shb = {osname, hardware, appname, comment};
	rte_pcapng_t *self;
	uint32_t index = 0;
	uint16_t port;
	int ret;

	if (pcapng_str_check("osname", osname) < 0 || pcapng_str_check("hardware", hardware) < 0 ||
	    pcapng_str_check("appname", appname) < 0 || pcapng_str_check("comment", comment) < 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	self = malloc(sizeof(*self));
	if (self == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	self->fd = fd;
	for (port = 0; port < RTE_MAX_ETHPORTS; port++)
		self->port_index[port] = PCAPNG_PORT_NONE;
	pcapng_clock_init();

	if (pcapng_block_write(fd, pcapng_shb_fill, &shb) < 0)
		goto out_write;
	/* interface ids are the order of the blocks: 0, 1, ... without gaps */
	RTE_ETH_FOREACH_DEV(port)
	{
		ret = pcapng_idb_write(self, port);
		if (ret < 0) {
			rte_errno = -ret;
			goto out_write;
		}
		self->port_index[port] = index++;
	}
	return self;

out_write:
	ret = rte_errno;
	PCAPNG_LOG(ERR, "cannot write the file header to fd %d: %s", fd, strerror(ret));
	free(self);
	rte_errno = ret;
	return NULL;
}

__rte_export void
rte_pcapng_close(rte_pcapng_t *self)
{
	if (self == NULL)
		return;
	close(self->fd);
	free(self);
}

struct pcapng_isb_args {
	uint32_t interface_id;
	const char *comment;
	uint64_t start, end, recv, drop;
};

static void
pcapng_isb_fill(struct pcapng_block *b, const void *arg)
{
	const struct pcapng_isb_args *a = arg;
	uint64_t ns = pcapng_cycles_to_ns(rte_get_tsc_cycles());
	const struct pcapng_isb isb = {
		.type = PCAPNG_BLOCK_INTERFACE_STATS,
		.interface_id = a->interface_id,
		.ts_high = (uint32_t)(ns >> 32),
		.ts_low = (uint32_t)ns,
	};
	uint32_t start = b->len;

	pcapng_block_put(b, &isb, sizeof(isb));
	pcapng_block_str(b, PCAPNG_OPT_COMMENT, a->comment);
	if (a->start != 0)
		pcapng_block_opt(b, PCAPNG_ISB_STARTTIME, &a->start, sizeof(a->start));
	if (a->end != 0)
		pcapng_block_opt(b, PCAPNG_ISB_ENDTIME, &a->end, sizeof(a->end));
	if (a->recv != UINT64_MAX)
		pcapng_block_opt(b, PCAPNG_ISB_IFRECV, &a->recv, sizeof(a->recv));
	if (a->drop != UINT64_MAX)
		pcapng_block_opt(b, PCAPNG_ISB_IFDROP, &a->drop, sizeof(a->drop));
	/* the end marker only closes a list that has options */
	if (b->len != start + sizeof(isb))
		pcapng_block_opt(b, PCAPNG_OPT_END, NULL, 0);
	pcapng_block_end(b);
}

/* The file's interface of port, or PCAPNG_PORT_NONE with one line why. */
static uint32_t
pcapng_port_index(const rte_pcapng_t *self, uint16_t port, const char *what)
{
	if (port >= RTE_MAX_ETHPORTS || self->port_index[port] == PCAPNG_PORT_NONE) {
		PCAPNG_LOG(ERR,
			   "%s: port %u has no interface in this file (only ports that "
			   "exist at rte_pcapng_fdopen() have one): open the file after "
			   "the port is probed",
			   what, port);
		return PCAPNG_PORT_NONE;
	}
	return self->port_index[port];
}

__rte_export ssize_t
rte_pcapng_write_stats(rte_pcapng_t *self, uint16_t port, const char *comment, uint64_t start_time,
		       uint64_t end_time, uint64_t ifrecv, uint64_t ifdrop)
{
	struct pcapng_isb_args a = {
		.interface_id = pcapng_port_index(self, port, "write_stats"),
		.comment = comment,
		.start = start_time,
		.end = end_time,
		.recv = ifrecv,
		.drop = ifdrop,
	};

	if (a.interface_id == PCAPNG_PORT_NONE || pcapng_str_check("comment", comment) < 0)
		return -EINVAL;
	return pcapng_block_write(self->fd, pcapng_isb_fill, &a);
}

/* A copy made by rte_pcapng_copy(): its block header is whole in the first
 * segment and its length is the packet's. Sets the file's interface id. */
static int
pcapng_epb_check(const rte_pcapng_t *self, struct rte_mbuf *m)
{
	struct pcapng_epb *epb = rte_pktmbuf_mtod(m, struct pcapng_epb *);
	uint32_t index;

	if (rte_pktmbuf_data_len(m) < sizeof(*epb) || epb->type != PCAPNG_BLOCK_ENHANCED_PACKET ||
	    epb->total_len != rte_pktmbuf_pkt_len(m)) {
		PCAPNG_LOG(ERR, "write_packets: an mbuf is not an rte_pcapng_copy() of a packet: "
				"pass only such copies");
		return -EINVAL;
	}
	index = pcapng_port_index(self, m->port, "write_packets");
	if (index == PCAPNG_PORT_NONE)
		return -EINVAL;
	epb->interface_id = index;
	return 0;
}

__rte_export ssize_t
rte_pcapng_write_packets(rte_pcapng_t *self, struct rte_mbuf *pkts[], uint16_t nb_pkts)
{
	struct iovec iov[IOV_MAX];
	const struct rte_mbuf *seg;
	ssize_t total = 0, n;
	int cnt = 0;
	uint16_t i;

	/* all or nothing: a bad mbuf found half way would leave a torn file */
	for (i = 0; i < nb_pkts; i++) {
		if (pcapng_epb_check(self, pkts[i]) < 0) {
			rte_errno = EINVAL;
			return -1;
		}
	}
	for (i = 0; i < nb_pkts; i++) {
		for (seg = pkts[i]; seg != NULL; seg = seg->next) {
			if (cnt == IOV_MAX) {
				n = pcapng_writev_all(self->fd, iov, cnt);
				if (n < 0)
					return -1;
				total += n;
				cnt = 0;
			}
			iov[cnt].iov_base = rte_pktmbuf_mtod(seg, void *);
			iov[cnt].iov_len = rte_pktmbuf_data_len(seg);
			cnt++;
		}
	}
	n = pcapng_writev_all(self->fd, iov, cnt);
	if (n < 0)
		return -1;
	return total + n;
}
