/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * PCI devices as sysfs shows them, for the command-line tools
 * (sluice-devbind, sluice-doctor).
 *
 * Every path the tools read or write (/sys, /proc, /dev, /lib/modules,
 * /usr/share/misc/pci.ids) goes through pci_sysfs_path(), which puts the
 * folder named by the environment variable SLUICE_SYSFS_ROOT in front when
 * it is set: the tools' tests build a fake tree there.
 *
 * Functions returning int give 0 (or a count) on success and a negative
 * errno on failure.
 */
#ifndef SLUICE_PCI_SYSFS_H
#define SLUICE_PCI_SYSFS_H

#include <stdbool.h>
#include <stddef.h>

/* "0000:00:03.0" and its terminating NUL. */
#define PCI_BDF_LEN 13
#define PCI_NAME_LEN 64

#define PCI_CLASS_NETWORK 0x02	     /* base class of 24-bit class code */
#define PCI_CLASS_BRIDGE_PCI 0x0604  /* base and sub class */
#define PCI_VENDOR_VIRTIO 0x1af4

#define SYSFS_ROOT_ENV "SLUICE_SYSFS_ROOT"

struct pci_dev {
	char bdf[PCI_BDF_LEN];
	unsigned int vendor;
	unsigned int device;
	unsigned int class_code;    /* 24 bits: base class, sub class, prog-if */
	char driver[PCI_NAME_LEN];  /* "" when no driver is bound */
	int iommu_group;	    /* -1 when the device is in none */
};

/* Format a path and put the test root in front; returns buf. */
const char *pci_sysfs_path(char *buf, size_t len, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/*
 * Append formatted text to the string in buf, with `sep` in front when buf
 * is not empty; text past the end of buf is cut.
 */
void pci_list_append(char *buf, size_t len, const char *sep, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* Read a whole small file without its trailing newline; -errno. */
int pci_sysfs_read(const char *path, char *buf, size_t len);

/* Read a number written in decimal or 0x-hex; -errno or -EINVAL. */
int pci_sysfs_read_ulong(const char *path, unsigned long *val);

/* Write a string to a sysfs attribute; -errno. */
int pci_sysfs_write(const char *path, const char *val);

/*
 * Accept "DDDD:BB:DD.F" or "BB:DD.F" (domain 0000), any case, and write
 * the canonical lower-case "DDDD:BB:DD.F"; -EINVAL when it is not one.
 */
int pci_bdf_parse(const char *in, char out[PCI_BDF_LEN]);

/* Fill dev from /sys/bus/pci/devices/BDF; -ENOENT when no such device. */
int pci_dev_read(const char *bdf, struct pci_dev *dev);

/* All PCI devices in address order; *devs is malloc'd. Returns the count. */
int pci_dev_scan(struct pci_dev **devs);

/* The devices of IOMMU group `group`, in address order; *devs is malloc'd. */
int pci_group_scan(int group, struct pci_dev **devs);

/* True when the device's base class is network. */
bool pci_dev_is_network(const struct pci_dev *dev);

/* True when the device is a PCI-to-PCI bridge. */
bool pci_dev_is_bridge(const struct pci_dev *dev);

/*
 * Names of the network interfaces of the device (also those of a virtio
 * device below it), comma separated; "" when none. Returns the count.
 */
int pci_dev_ifaces(const char *bdf, char *buf, size_t len);

/* True when an interface of the comma-separated list has an IPv4 route. */
bool pci_ifaces_have_route(const char *ifaces);

/* Vendor's device name from pci.ids; -ENOENT when not known. */
int pci_ids_name(unsigned int vendor, unsigned int device, char *buf, size_t len);

/* True when /sys/bus/pci/drivers/NAME exists. */
bool pci_driver_exists(const char *name);

/* True when the kernel module NAME ('-' or '_') is loaded or built in. */
bool pci_module_loaded(const char *name);

/*
 * Kernel modules whose alias matches the device's modalias (from
 * /lib/modules/$(uname -r)/modules.alias), comma separated, with `skip`
 * left out; "" when none or no alias file. Returns the count.
 */
int pci_dev_modules(const char *bdf, const char *skip, char *buf, size_t len);

#endif
