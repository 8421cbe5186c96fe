/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * A Linux network interface, by name, through the SIOC* ioctls: flags, MTU,
 * hardware address, link state. For the drivers that sit on a kernel
 * interface (net_af_packet, net_tap); any socket fd carries the ioctls.
 * Internal to the library: never installed, symbols hidden.
 */
#ifndef _LINUX_NETIF_H_
#define _LINUX_NETIF_H_

#include <net/if.h>

#include <rte_ether.h>

#include <ethdev_driver.h>

/* Issue req for ifname on fd; ifr's name is filled in. Returns 0 or -errno. */
int netif_ioctl(int fd, const char *ifname, unsigned long req, struct ifreq *ifr);

/* Set the IFF_* flags in set, then clear those in clear. Returns 0 or -errno. */
int netif_flags_update(int fd, const char *ifname, short set, short clear);

/* The interface's MTU, or -errno. */
int netif_mtu_get(int fd, const char *ifname);

/* Returns 0 or -errno. */
int netif_mtu_set(int fd, const char *ifname, int mtu);

/* Read the hardware address into mac. Returns its ARPHRD_* type, or -errno. */
int netif_hwaddr_get(int fd, const char *ifname, struct rte_ether_addr *mac);

/* Set an Ethernet hardware address. Returns 0 or -errno. */
int netif_hwaddr_set(int fd, const char *ifname, const struct rte_ether_addr *mac);

/*
 * Set the port's link as a kernel interface has it: 10G full duplex, fixed,
 * up when the interface is IFF_UP and IFF_RUNNING. fd < 0: down, without
 * asking. Returns what rte_eth_linkstatus_set() returns.
 */
int netif_link_update(struct rte_eth_dev *dev, int fd, const char *ifname);

#endif /* _LINUX_NETIF_H_ */
