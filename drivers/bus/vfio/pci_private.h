/* SPDX-License-Identifier: BSD-3-Clause */
/* Internals of the PCI bus over VFIO. Never installed. */
#ifndef _PCI_PRIVATE_H_
#define _PCI_PRIVATE_H_

#include <stdbool.h>
#include <stdint.h>
#include <sys/queue.h>
#include <linux/vfio.h>

#include <bus_pci_driver.h>
#include <rte_eal.h>
#include <rte_log.h>

/* Public API of the bus; everything else stays hidden in the library. */
#ifndef __rte_export
#define __rte_export __attribute__((visibility("default")))
#endif

#define PCI_LOG(level, ...) rte_log(RTE_LOG_##level, RTE_LOGTYPE_EAL, "PCI: " __VA_ARGS__)
#define VFIO_LOG(level, ...) rte_log(RTE_LOG_##level, RTE_LOGTYPE_EAL, "VFIO: " __VA_ARGS__)

/* Sparse-mmap areas kept per BAR (the MSI-X table splits a BAR in two or three). */
#define PCI_BAR_MAX_AREAS 4

struct vfio_group;

/* A scanned device: the public part first, then what the bus keeps. */
struct pci_dev_priv {
	struct rte_pci_device pdev;
	char kdrv_name[64];		/* kernel driver bound now, "" if none */
	int iommu_group;		/* -1 if the device is in none */
	uint64_t bar_flags[PCI_MAX_RESOURCE];	/* from sysfs "resource" */
	struct rte_devargs *devargs;	/* -a entry naming it, if any */

	/* VFIO state while the device is open. */
	int dev_fd;			/* -1 when closed */
	struct vfio_group *group;
	struct vfio_region_info regions[VFIO_PCI_NUM_REGIONS];
	void *bar_va[PCI_MAX_RESOURCE];	/* reserved VA of each mapped BAR */
	size_t bar_va_len[PCI_MAX_RESOURCE];
	uint32_t msix_count;		/* vectors in the MSI-X table */
	bool reset_ok;			/* VFIO_DEVICE_FLAGS_RESET */
};

static inline struct pci_dev_priv *
pci_priv(const struct rte_pci_device *dev)
{
	return container_of(dev, struct pci_dev_priv, pdev);
}

TAILQ_HEAD(pci_device_list, rte_pci_device);
TAILQ_HEAD(pci_driver_list, rte_pci_driver);
extern struct pci_device_list pci_device_list;
extern struct pci_driver_list pci_driver_list;

/* pci_scan.c */
/*
 * vsnprintf under another name: paths built from sysfs names may be cut,
 * which the callers tolerate (the open then fails and says so).
 */
int pci_fmt(char *buf, size_t len, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Prefix for /sys (tests point it at a fake tree); NULL restores "/sys". */
void pci_sysfs_root_set(const char *root);
const char *pci_sysfs_root(void);
int pci_scan(void);
void pci_devices_free(void);
/* The devargs entry naming addr, or NULL. */
struct rte_devargs *pci_devargs_lookup(const struct rte_pci_addr *addr);

/* pci_bus.c */
int pci_probe(void);
/* Probe or remove one device through the bus (the vfio suite re-opens with them). */
int pci_probe_one(struct rte_pci_device *dev);
int pci_remove_one(struct rte_pci_device *dev);
int pci_cleanup(void);
/* 1 when drv's id table matches dev. */
int pci_match(const struct rte_pci_driver *drv, const struct rte_pci_device *dev);

/* vfio_container.c: the one container of the process. */
int vfio_container_fd(void);		/* opens it; <0 after one logged line */
int vfio_container_attach(struct vfio_group *g);	/* SET_CONTAINER, IOMMU, DMA */
void vfio_container_detach(struct vfio_group *g);
void vfio_container_close(void);
/* A copy of the container fd in *fd; -ENODEV when none is open. */
int vfio_container_fd_dup(int *fd);
/* 1 if [iova, iova+len) is mapped through VFIO_IOMMU_MAP_DMA (for tests). */
int vfio_dma_is_mapped(uint64_t iova, uint64_t len);
unsigned int vfio_dma_map_count(void);
/* Test hook: folder of the VFIO character devices (NULL: /dev/vfio). */
void vfio_dev_dir_set(const char *dir);
const char *vfio_dev_dir_get(void);

/* vfio_caps.c: capability chains of VFIO info answers, bounded by argsz. */
/*
 * The first capability id of at least cap_len bytes in the chain that
 * starts at offset first of info (argsz bytes), or NULL. Offsets must be
 * 8-aligned and move forward; anything else ends the walk.
 */
const struct vfio_info_cap_header *vfio_info_cap_find(const void *info, uint32_t argsz,
						      uint32_t first, uint16_t id, size_t cap_len);
/* How many of count entry_len-byte entries after cap's head_len bytes fit in argsz. */
uint32_t vfio_cap_entries_fit(const void *info, uint32_t argsz, const void *cap,
			      size_t head_len, size_t entry_len, uint32_t count);
/*
 * 1 if a sparse-mmap area lies inside a region of region_size bytes, is not
 * empty and starts on a page (page_size 0: no alignment check); no sum wraps.
 */
bool vfio_sparse_area_fits(uint64_t region_size, uint64_t offset, uint64_t size,
			   uint64_t page_size);

/* vfio_group.c */
struct vfio_group {
	TAILQ_ENTRY(vfio_group) next;
	int num;
	int fd;
	unsigned int users;		/* open devices in it */
};
struct vfio_group *vfio_group_get(struct pci_dev_priv *p);
void vfio_group_put(struct vfio_group *g);
unsigned int vfio_group_count(void);
int vfio_group_fd_of(struct vfio_group *g);
/* A copy of the fd of open group num (for a secondary), or -ENOENT. */
int vfio_group_fd_dup(int num);
/* Secondary: take the group fd the primary sent (closed if the group is known). */
struct vfio_group *vfio_group_adopt(int num, int fd);

/* vfio_mp.c: the primary hands VFIO fds to secondaries. */
enum vfio_mp_op {
	VFIO_MP_OP_CONTAINER = 1,	/* the container fd */
	VFIO_MP_OP_DEVICE = 2,		/* the group fd of an open device, its BAR addresses */
};

struct vfio_mp_req {
	uint32_t op;			/* enum vfio_mp_op */
	int32_t group;
	char dev[PCI_PRI_STR_SIZE + 1];	/* "0000:00:03.0" */
};

struct vfio_mp_rep {
	int32_t result;			/* 0 (one fd sent) or a negative errno (none) */
	uint32_t pad;
	uint64_t bar_va[PCI_MAX_RESOURCE];	/* where the primary mapped each BAR, 0: not */
	uint64_t bar_len[PCI_MAX_RESOURCE];
};

/* Primary: answer secondaries' requests from now on / no more (and forget a silent primary). */
void vfio_mp_serve(void);
void vfio_mp_unserve(void);
/*
 * The primary's answer to msg (fds in msg are closed): result -EINVAL for
 * a malformed request, -ENOENT for a device the primary does not have open,
 * -ENODEV when it has no container; fds in reply are copies to close.
 */
void vfio_mp_answer_build(const struct rte_mp_msg *msg, struct rte_mp_msg *reply);
/*
 * Secondary: ask the primary; 0 with *fd, or the primary's negative errno,
 * or -ENOTCONN / -EPROTO (no or a malformed answer, one line logged).
 */
int vfio_mp_request(const struct vfio_mp_req *q, struct vfio_mp_rep *r, int *fd);

/* vfio_device.c */
int vfio_device_open(struct pci_dev_priv *p);
void vfio_device_close(struct pci_dev_priv *p);

#endif
