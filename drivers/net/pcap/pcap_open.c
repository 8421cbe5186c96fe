/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * net_pcap: open the files and interfaces the devargs name. Each failure
 * logs one line that names the device, the file or interface and the fix,
 * and leaves nothing open.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>
#include <net/if.h>
#include <sys/stat.h>

#include "pcap_private.h"

int
pcap_rx_file_open(const char *dev_name, const char *path, pcap_t **out)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	struct stat st;
	FILE *fp;
	pcap_t *p;
	int fd, ret;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		ret = -errno;
		if (ret == -ENOENT)
			PCAP_LOG(ERR,
				 "%s: rx_pcap file '%s' not found: give the path of an "
				 "existing pcap file\n",
				 dev_name, path);
		else
			PCAP_LOG(ERR,
				 "%s: cannot read rx_pcap file '%s': %s; make it readable "
				 "or give another file\n",
				 dev_name, path, strerror(-ret));
		return ret;
	}
	if (fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(fd);
		PCAP_LOG(ERR, "%s: rx_pcap '%s' is a directory: give a pcap file\n", dev_name,
			 path);
		return -EISDIR;
	}
	fp = fdopen(fd, "r");
	if (fp == NULL) {
		ret = -errno;
		close(fd);
		PCAP_LOG(ERR, "%s: cannot read rx_pcap file '%s': %s\n", dev_name, path,
			 strerror(-ret));
		return ret;
	}
	/* nanosecond stamps whatever the file holds: nothing of them is lost */
	p = pcap_fopen_offline_with_tstamp_precision(fp, PCAP_TSTAMP_PRECISION_NANO, errbuf);
	if (p == NULL) {
		fclose(fp);
		PCAP_LOG(ERR,
			 "%s: rx_pcap file '%s' is not a pcap or pcapng capture (%s): "
			 "give one written by tcpdump, tshark or tx_pcap\n",
			 dev_name, path, errbuf);
		return -EINVAL;
	}
	if (pcap_datalink(p) != DLT_EN10MB)
		PCAP_LOG(WARNING,
			 "%s: rx_pcap file '%s' holds %s frames, not Ethernet; they "
			 "are received as they are\n",
			 dev_name, path,
			 pcap_datalink_val_to_name(pcap_datalink(p)) != NULL
				 ? pcap_datalink_val_to_name(pcap_datalink(p))
				 : "unknown");
	*out = p;
	return 0;
}

int
pcap_iface_open(const char *dev_name, const char *key, const char *iface, bool in_only,
		pcap_t **out)
{
	char errbuf[PCAP_ERRBUF_SIZE] = "";
	pcap_t *p;
	int ret;

	if (iface[0] == '\0' || strlen(iface) >= IFNAMSIZ || if_nametoindex(iface) == 0) {
		PCAP_LOG(ERR,
			 "%s: %s: interface '%s' not found: give an existing one (see "
			 "'ip link')\n",
			 dev_name, key, iface);
		return -ENODEV;
	}
	p = pcap_create(iface, errbuf);
	if (p == NULL) {
		PCAP_LOG(ERR, "%s: %s: cannot open interface '%s': %s\n", dev_name, key, iface,
			 errbuf);
		return -ENODEV;
	}
	/* immediate mode: each frame is handed over at once, not a block later */
	pcap_set_snaplen(p, PCAP_IFACE_SNAPLEN);
	pcap_set_promisc(p, 1);
	pcap_set_immediate_mode(p, 1);
	pcap_set_tstamp_precision(p, PCAP_TSTAMP_PRECISION_NANO);
	ret = pcap_activate(p);
	if (ret < 0) {
		if (ret == PCAP_ERROR_PERM_DENIED)
			PCAP_LOG(ERR,
				 "%s: %s: no permission to capture on '%s': run as root or "
				 "with CAP_NET_RAW\n",
				 dev_name, key, iface);
		else
			PCAP_LOG(ERR, "%s: %s: cannot capture on '%s': %s\n", dev_name, key, iface,
				 pcap_geterr(p));
		pcap_close(p);
		return ret == PCAP_ERROR_PERM_DENIED ? -EPERM : -EIO;
	}
	if (pcap_setnonblock(p, 1, errbuf) != 0 ||
	    (in_only && pcap_setdirection(p, PCAP_D_IN) != 0)) {
		PCAP_LOG(ERR, "%s: %s: cannot set up capture on '%s': %s\n", dev_name, key, iface,
			 errbuf[0] != '\0' ? errbuf : pcap_geterr(p));
		pcap_close(p);
		return -EIO;
	}
	*out = p;
	return 0;
}

int
pcap_tx_file_open(const char *dev_name, const char *path, pcap_dumper_t **out)
{
	pcap_dumper_t *d = NULL;
	pcap_t *dead;
	FILE *fp;
	int fd, ret;

	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
	if (fd < 0) {
		ret = -errno;
		PCAP_LOG(ERR,
			 "%s: cannot create tx_pcap file '%s': %s; give a path in a "
			 "writable directory\n",
			 dev_name, path, strerror(-ret));
		return ret;
	}
	fp = fdopen(fd, "w");
	if (fp == NULL) {
		ret = -errno;
		close(fd);
		PCAP_LOG(ERR, "%s: cannot write tx_pcap file '%s': %s\n", dev_name, path,
			 strerror(-ret));
		return ret;
	}
	/* the file header: Ethernet, nanosecond stamps, as DPDK writes it */
	dead = pcap_open_dead_with_tstamp_precision(DLT_EN10MB, PCAP_FILE_SNAPLEN,
						    PCAP_TSTAMP_PRECISION_NANO);
	if (dead != NULL) {
		d = pcap_dump_fopen(dead, fp);
		if (d == NULL)
			PCAP_LOG(ERR, "%s: cannot write tx_pcap file '%s': %s\n", dev_name, path,
				 pcap_geterr(dead));
		pcap_close(dead);
	} else {
		PCAP_LOG(ERR, "%s: out of memory for tx_pcap file '%s'\n", dev_name, path);
	}
	if (d == NULL) {
		fclose(fp);
		return -EIO;
	}
	*out = d;
	return 0;
}
