/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A tiny IPv4 host on every port: it answers ARP requests for its address,
 * ICMP echo requests to it (ping), and sends UDP datagrams to its echo port
 * back to their sender with the same payload. Everything else is dropped.
 * A Linux peer can ping it and talk to it with nc -u.
 *
 * Run: sluice-icmpecho -l 0 --vdev net_af_packet0,iface=veth1 -- --ip 192.0.2.1 --udp-port 7
 * Options (after --): --ip A.B.C.D (default 192.0.2.1), --udp-port N
 * (default 7, the echo service), -p PORTMASK (default: all ports).
 * On SIGINT/SIGTERM it prints its counters and each port's statistics.
 */
#include <arpa/inet.h>
#include <errno.h>
#include <getopt.h>
#include <inttypes.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_arp.h>
#include <rte_byteorder.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_ethdev.h>
#include <rte_ether.h>
#include <rte_icmp.h>
#include <rte_ip.h>
#include <rte_lcore.h>
#include <rte_mbuf.h>
#include <rte_udp.h>

#define BURST 32
#define NB_MBUF 8191
#define NB_DESC 512

static volatile sig_atomic_t quit;
static rte_be32_t my_ip;
static rte_be16_t my_udp_port;
static uint32_t portmask = UINT32_MAX;
static struct rte_ether_addr port_mac[RTE_MAX_ETHPORTS];
static uint64_t n_arp, n_icmp, n_udp, n_dropped;

static void
on_signal(int sig)
{
	(void)sig;
	quit = 1;
}

static void
eth_reply(struct rte_ether_hdr *eth, uint16_t port)
{
	rte_ether_addr_copy(&eth->src_addr, &eth->dst_addr);
	rte_ether_addr_copy(&port_mac[port], &eth->src_addr);
}

/* ARP request for my_ip -> turn it into the reply in place (RFC 826). */
static bool
arp_answer(struct rte_mbuf *m, struct rte_ether_hdr *eth, uint16_t port)
{
	struct rte_arp_hdr *arp = (struct rte_arp_hdr *)(eth + 1);

	if (m->data_len < sizeof(*eth) + sizeof(*arp) ||
	    arp->arp_hardware != rte_cpu_to_be_16(RTE_ARP_HRD_ETHER) ||
	    arp->arp_protocol != rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4) ||
	    arp->arp_opcode != rte_cpu_to_be_16(RTE_ARP_OP_REQUEST) ||
	    arp->arp_data.arp_tip != my_ip)
		return false;
	arp->arp_opcode = rte_cpu_to_be_16(RTE_ARP_OP_REPLY);
	arp->arp_data.arp_tha = arp->arp_data.arp_sha;
	arp->arp_data.arp_tip = arp->arp_data.arp_sip;
	rte_ether_addr_copy(&port_mac[port], &arp->arp_data.arp_sha);
	arp->arp_data.arp_sip = my_ip;
	eth_reply(eth, port);
	n_arp++;
	return true;
}

/* Send back to the source, with a fresh TTL and header checksum. */
static void
ip_reply(struct rte_ipv4_hdr *ip)
{
	ip->dst_addr = ip->src_addr;
	ip->src_addr = my_ip;
	ip->time_to_live = 64;
	ip->hdr_checksum = 0;
	ip->hdr_checksum = rte_ipv4_cksum(ip);
}

static bool
ipv4_answer(struct rte_mbuf *m, struct rte_ether_hdr *eth, uint16_t port)
{
	struct rte_ipv4_hdr *ip = (struct rte_ipv4_hdr *)(eth + 1);
	uint32_t avail = m->data_len - (uint32_t)sizeof(*eth);
	uint32_t ihl, ip_len;

	if (m->nb_segs != 1 || avail < sizeof(*ip) || (ip->version_ihl >> 4) != 4 ||
	    ip->dst_addr != my_ip)
		return false;
	ihl = rte_ipv4_hdr_len(ip);
	ip_len = rte_be_to_cpu_16(ip->total_length);
	/* Untrusted lengths: the packet must hold what the header claims. */
	if (ihl < sizeof(*ip) || ip_len < ihl || ip_len > avail ||
	    (ip->fragment_offset & rte_cpu_to_be_16(RTE_IPV4_HDR_MF_FLAG |
						    RTE_IPV4_HDR_OFFSET_MASK)) != 0)
		return false;

	if (ip->next_proto_id == IPPROTO_ICMP) {
		struct rte_icmp_hdr *icmp = (struct rte_icmp_hdr *)((char *)ip + ihl);
		uint32_t sum;

		if (ip_len - ihl < sizeof(*icmp) || icmp->icmp_type != RTE_IP_ICMP_ECHO_REQUEST)
			return false;
		icmp->icmp_type = RTE_IP_ICMP_ECHO_REPLY;
		/* RFC 1624 incremental update: type 8 -> 0 adds 0x0800 back. */
		sum = (uint32_t)(uint16_t)~rte_be_to_cpu_16(icmp->icmp_cksum) + 0xf7ffu;
		sum = (sum & 0xffff) + (sum >> 16);
		sum = (sum & 0xffff) + (sum >> 16);
		icmp->icmp_cksum = rte_cpu_to_be_16((uint16_t)~sum);
		ip_reply(ip);
		eth_reply(eth, port);
		n_icmp++;
		return true;
	}
	if (ip->next_proto_id == IPPROTO_UDP) {
		struct rte_udp_hdr *udp = (struct rte_udp_hdr *)((char *)ip + ihl);
		rte_be16_t tmp;

		if (ip_len - ihl < sizeof(*udp) || udp->dst_port != my_udp_port ||
		    rte_be_to_cpu_16(udp->dgram_len) < sizeof(*udp) ||
		    rte_be_to_cpu_16(udp->dgram_len) > ip_len - ihl)
			return false;
		tmp = udp->src_port;
		udp->src_port = udp->dst_port;
		udp->dst_port = tmp;
		ip_reply(ip);
		if (udp->dgram_cksum != 0) {
			udp->dgram_cksum = 0;
			udp->dgram_cksum = rte_ipv4_udptcp_cksum(ip, udp);
		}
		eth_reply(eth, port);
		n_udp++;
		return true;
	}
	return false;
}

static int
parse_args(int argc, char **argv)
{
	static const struct option lopts[] = {
		{ "ip", required_argument, NULL, 'i' },
		{ "udp-port", required_argument, NULL, 'u' },
		{ NULL, 0, NULL, 0 },
	};
	struct in_addr a;
	char *end;
	unsigned long v;
	int opt;

	inet_pton(AF_INET, "192.0.2.1", &a);
	my_ip = a.s_addr;
	my_udp_port = rte_cpu_to_be_16(7);
	while ((opt = getopt_long(argc, argv, "p:", lopts, NULL)) != -1) {
		switch (opt) {
		case 'i':
			if (inet_pton(AF_INET, optarg, &a) != 1) {
				fprintf(stderr, "icmpecho: invalid --ip '%s': give an IPv4 address "
					"like 192.0.2.1\n", optarg);
				return -1;
			}
			my_ip = a.s_addr;
			break;
		case 'u':
			errno = 0;
			v = strtoul(optarg, &end, 10);
			if (errno != 0 || *end != '\0' || v == 0 || v > 65535) {
				fprintf(stderr, "icmpecho: invalid --udp-port '%s': give 1..65535\n",
					optarg);
				return -1;
			}
			my_udp_port = rte_cpu_to_be_16((uint16_t)v);
			break;
		case 'p':
			errno = 0;
			v = strtoul(optarg, &end, 16);
			if (errno != 0 || *end != '\0' || v == 0) {
				fprintf(stderr, "icmpecho: invalid -p '%s': give a hexadecimal port "
					"mask like 0x1\n", optarg);
				return -1;
			}
			portmask = (uint32_t)v;
			break;
		default:
			fprintf(stderr, "icmpecho: unknown option; use [--ip A.B.C.D] "
				"[--udp-port N] [-p PORTMASK]\n");
			return -1;
		}
	}
	return 0;
}

/* What crossed the port, as the driver counted it (a peer's test compares). */
static void
port_stats_print(uint16_t port)
{
	struct rte_eth_stats st;

	if (rte_eth_stats_get(port, &st) != 0)
		return;
	printf("port %u: ipackets %" PRIu64 ", opackets %" PRIu64 ", ierrors %" PRIu64
	       ", oerrors %" PRIu64 ", imissed %" PRIu64 "\n",
	       port, st.ipackets, st.opackets, st.ierrors, st.oerrors, st.imissed);
}

static int
port_init(uint16_t port, struct rte_mempool *pool)
{
	struct rte_eth_conf conf = { 0 };
	uint16_t nb_rxd = NB_DESC, nb_txd = NB_DESC;
	int ret;

	ret = rte_eth_dev_configure(port, 1, 1, &conf);
	if (ret == 0)
		ret = rte_eth_dev_adjust_nb_rx_tx_desc(port, &nb_rxd, &nb_txd);
	if (ret == 0)
		ret = rte_eth_rx_queue_setup(port, 0, nb_rxd, rte_eth_dev_socket_id(port), NULL,
					     pool);
	if (ret == 0)
		ret = rte_eth_tx_queue_setup(port, 0, nb_txd, rte_eth_dev_socket_id(port), NULL);
	if (ret == 0)
		ret = rte_eth_dev_start(port);
	if (ret != 0)
		return ret;
	rte_eth_macaddr_get(port, &port_mac[port]);
	return 0;
}

int
main(int argc, char **argv)
{
	char ipstr[INET_ADDRSTRLEN];
	struct rte_mempool *pool;
	uint16_t port;
	int ret;

	ret = rte_eal_init(argc, argv);
	if (ret < 0)
		rte_exit(EXIT_FAILURE, "cannot start the EAL (see the message above)\n");
	if (parse_args(argc - ret, argv + ret) < 0)
		rte_exit(EXIT_FAILURE, "invalid arguments (see above)\n");
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	if (rte_eth_dev_count_avail() == 0)
		rte_exit(EXIT_FAILURE, "no ports: add one, e.g. --vdev "
			 "net_af_packet0,iface=eth1\n");

	pool = rte_pktmbuf_pool_create("icmpecho_pool", NB_MBUF, 256, 0,
				       RTE_MBUF_DEFAULT_BUF_SIZE, (int)rte_socket_id());
	if (pool == NULL)
		rte_exit(EXIT_FAILURE, "cannot create the mbuf pool: %s\n",
			 rte_strerror(rte_errno));
	inet_ntop(AF_INET, &my_ip, ipstr, sizeof(ipstr));
	RTE_ETH_FOREACH_DEV(port) {
		if (!(portmask & (1u << port)))
			continue;
		if (port_init(port, pool) != 0)
			rte_exit(EXIT_FAILURE, "cannot start port %u\n", port);
		printf("Port %u: " RTE_ETHER_ADDR_PRT_FMT " answers for %s, UDP echo on port %u\n",
		       port, RTE_ETHER_ADDR_BYTES(&port_mac[port]), ipstr,
		       rte_be_to_cpu_16(my_udp_port));
	}
	fflush(stdout);

	while (!quit) {
		RTE_ETH_FOREACH_DEV(port) {
			struct rte_mbuf *in[BURST], *out[BURST];
			uint16_t nb, nb_out = 0, nb_tx;

			if (!(portmask & (1u << port)))
				continue;
			nb = rte_eth_rx_burst(port, 0, in, BURST);
			for (uint16_t i = 0; i < nb; i++) {
				struct rte_mbuf *m = in[i];
				struct rte_ether_hdr *eth = rte_pktmbuf_mtod(m, struct rte_ether_hdr *);
				bool reply = false;

				if (m->data_len >= sizeof(*eth)) {
					if (eth->ether_type == rte_cpu_to_be_16(RTE_ETHER_TYPE_ARP))
						reply = arp_answer(m, eth, port);
					else if (eth->ether_type ==
						 rte_cpu_to_be_16(RTE_ETHER_TYPE_IPV4))
						reply = ipv4_answer(m, eth, port);
				}
				if (reply) {
					out[nb_out++] = m;
				} else {
					n_dropped++;
					rte_pktmbuf_free(m);
				}
			}
			/*
			 * Even with nothing to send: a bonding port in 802.3ad mode
			 * sends its LACPDUs from Tx bursts.
			 */
			nb_tx = rte_eth_tx_burst(port, 0, out, nb_out);
			if (nb_tx < nb_out) {
				n_dropped += nb_out - nb_tx;
				rte_pktmbuf_free_bulk(&out[nb_tx], nb_out - nb_tx);
			}
		}
	}
	printf("arp replies %" PRIu64 ", icmp echo replies %" PRIu64 ", udp echoes %" PRIu64
	       ", dropped %" PRIu64 "\n", n_arp, n_icmp, n_udp, n_dropped);
	RTE_ETH_FOREACH_DEV(port) {
		if (portmask & (1u << port)) {
			port_stats_print(port);
			rte_eth_dev_stop(port);
			rte_eth_dev_close(port);
		}
	}
	rte_eal_cleanup();
	return 0;
}
