/* SPDX-License-Identifier: BSD-3-Clause */
/* Kernel network interface ioctls shared by net_af_packet and net_tap. */
#include <errno.h>
#include <string.h>
#include <net/if_arp.h>
#include <sys/ioctl.h>

#include <rte_string_fns.h>

#include "linux_netif.h"

int
netif_ioctl(int fd, const char *ifname, unsigned long req, struct ifreq *ifr)
{
	strlcpy(ifr->ifr_name, ifname, sizeof(ifr->ifr_name));
	return ioctl(fd, req, ifr) < 0 ? -errno : 0;
}

int
netif_flags_update(int fd, const char *ifname, short set, short clear)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = netif_ioctl(fd, ifname, SIOCGIFFLAGS, &ifr);
	if (ret != 0)
		return ret;
	ifr.ifr_flags = (short)((ifr.ifr_flags | set) & ~clear);
	return netif_ioctl(fd, ifname, SIOCSIFFLAGS, &ifr);
}

int
netif_mtu_get(int fd, const char *ifname)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = netif_ioctl(fd, ifname, SIOCGIFMTU, &ifr);
	return ret != 0 ? ret : ifr.ifr_mtu;
}

int
netif_mtu_set(int fd, const char *ifname, int mtu)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_mtu = mtu;
	return netif_ioctl(fd, ifname, SIOCSIFMTU, &ifr);
}

int
netif_hwaddr_get(int fd, const char *ifname, struct rte_ether_addr *mac)
{
	struct ifreq ifr;
	int ret;

	memset(&ifr, 0, sizeof(ifr));
	ret = netif_ioctl(fd, ifname, SIOCGIFHWADDR, &ifr);
	if (ret != 0)
		return ret;
	memcpy(mac->addr_bytes, ifr.ifr_hwaddr.sa_data, RTE_ETHER_ADDR_LEN);
	return ifr.ifr_hwaddr.sa_family;
}

int
netif_hwaddr_set(int fd, const char *ifname, const struct rte_ether_addr *mac)
{
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	ifr.ifr_hwaddr.sa_family = ARPHRD_ETHER;
	memcpy(ifr.ifr_hwaddr.sa_data, mac->addr_bytes, RTE_ETHER_ADDR_LEN);
	return netif_ioctl(fd, ifname, SIOCSIFHWADDR, &ifr);
}

int
netif_link_update(struct rte_eth_dev *dev, int fd, const char *ifname)
{
	struct rte_eth_link link = {
		.link_speed = RTE_ETH_SPEED_NUM_10G,
		.link_duplex = RTE_ETH_LINK_FULL_DUPLEX,
		.link_autoneg = RTE_ETH_LINK_FIXED,
	};
	struct ifreq ifr;

	memset(&ifr, 0, sizeof(ifr));
	if (fd >= 0 && netif_ioctl(fd, ifname, SIOCGIFFLAGS, &ifr) == 0 &&
	    (ifr.ifr_flags & IFF_UP) && (ifr.ifr_flags & IFF_RUNNING))
		link.link_status = RTE_ETH_LINK_UP;
	return rte_eth_linkstatus_set(dev, &link);
}
