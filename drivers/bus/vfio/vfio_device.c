/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * One device through VFIO: regions, BARs mmapped (around the MSI-X table,
 * which the kernel keeps for itself), config space, interrupts as
 * eventfds, reset. Closing gives everything back so the device (and its
 * group) can be opened again.
 */
#include <errno.h>
#include <fcntl.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>

#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_string_fns.h>

#include "pci_private.h"
#include "bus_vfio_driver.h"

#define PCI_COMMAND 0x04
#define PCI_COMMAND_MEMORY 0x2
#define PCI_COMMAND_MASTER 0x4
#define PCI_COMMAND_INTX_DISABLE 0x400
#define PCI_EXT_CAP_START 0x100
#define PCI_CFG_SPACE_EXP_SIZE 4096

/*
 * The mmappable areas of region i: its sparse-mmap capability when the
 * kernel gives one (the MSI-X table cut out), else the whole region. full
 * is allocated here when there is a chain; the caller frees it.
 */
static int
bar_areas_get(struct pci_dev_priv *p, int i, struct vfio_region_info **full,
	      const struct vfio_region_sparse_mmap_area **areas, uint32_t *n_areas)
{
	const struct vfio_region_info *ri = &p->regions[i];
	const struct vfio_region_info_cap_sparse_mmap *sp;
	uint32_t argsz = ri->argsz;

	*full = NULL;
	if (!(ri->flags & VFIO_REGION_INFO_FLAG_CAPS) || argsz <= sizeof(**full))
		return 0;
	*full = calloc(1, argsz);
	if (*full == NULL)
		return -ENOMEM;
	(*full)->argsz = argsz;
	(*full)->index = (uint32_t)i;
	if (ioctl(p->dev_fd, VFIO_DEVICE_GET_REGION_INFO, *full) < 0 ||
	    !((*full)->flags & VFIO_REGION_INFO_FLAG_CAPS))
		return 0;
	/* argsz is our buffer's size, whatever the second answer says it needs. */
	sp = (const void *)vfio_info_cap_find(*full, argsz, (*full)->cap_offset,
					      VFIO_REGION_INFO_CAP_SPARSE_MMAP, sizeof(*sp));
	if (sp == NULL)
		return 0;
	*areas = sp->areas;
	*n_areas = vfio_cap_entries_fit(*full, argsz, sp, sizeof(*sp), sizeof(sp->areas[0]),
					sp->nr_areas);
	return 0;
}

/*
 * Map BAR i: reserve its whole length PROT_NONE, then map each area the
 * kernel allows (VFIO_REGION_INFO_CAP_SPARSE_MMAP) at its offset inside.
 */
/*
 * The PROT_NONE reservation of BAR i: anywhere in a primary; in a secondary
 * at the primary's address (want), since the port's shared state holds
 * pointers into the BARs (register addresses of queues, notify areas).
 */
static void *
bar_reserve(struct pci_dev_priv *p, int i, uint64_t size, uint64_t want, uint64_t want_len)
{
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	void *base;

	if (want == 0) {
		base = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1,
			    0);
		return base == MAP_FAILED ? NULL : base;
	}
	if (want_len != size || want % page != 0 || want + size < want) {
		VFIO_LOG(ERR, "%s: the primary process reports BAR%d at %#" PRIx64 ", %#" PRIx64
			 " bytes, but the device's BAR is %#" PRIx64 " bytes: not attaching\n",
			 p->pdev.name, i, want, want_len, size);
		errno = EPROTO;
		return NULL;
	}
	base = mmap((void *)(uintptr_t)want, size, PROT_NONE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE | MAP_FIXED_NOREPLACE, -1, 0);
	if (base != MAP_FAILED && base != (void *)(uintptr_t)want) {
		/* a kernel older than 4.17 took the address as a hint */
		munmap(base, size);
		base = MAP_FAILED;
		errno = EEXIST;
	}
	if (base == MAP_FAILED) {
		int err = errno;

		VFIO_LOG(ERR, "%s: BAR%d must be mapped at %#" PRIx64 " as in the primary "
			 "process, but %s; fix: run the secondary as the same program as the "
			 "primary, or both with address randomization off (setarch -R)\n",
			 p->pdev.name, i, want, err == EEXIST ? "something else is mapped there" :
			 strerror(err));
		errno = err;
		return NULL;
	}
	return base;
}

static int
bar_map(struct pci_dev_priv *p, int i, uint64_t want, uint64_t want_len)
{
	const struct vfio_region_info *ri = &p->regions[i];
	struct vfio_region_sparse_mmap_area whole = { .offset = 0, .size = ri->size };
	const struct vfio_region_sparse_mmap_area *areas = &whole;
	uint64_t page = (uint64_t)sysconf(_SC_PAGESIZE);
	struct vfio_region_info *full;
	uint32_t n_areas = 1;
	void *base;
	int ret;

	if (ri->size == 0 || !(ri->flags & VFIO_REGION_INFO_FLAG_MMAP))
		return 0;	/* absent, or I/O ports: pread/pwrite only */
	if (rte_eal_process_type() == RTE_PROC_SECONDARY && want == 0)
		return 0;	/* not mapped in the primary: the driver does not use it */
	ret = bar_areas_get(p, i, &full, &areas, &n_areas);
	if (ret < 0)
		return ret;
	for (uint32_t a = 0; a < n_areas; a++) {
		if (!vfio_sparse_area_fits(ri->size, areas[a].offset, areas[a].size, page)) {
			VFIO_LOG(ERR, "%s: VFIO describes mmappable area %u of BAR%d at offset "
				 "%#" PRIx64 ", %#" PRIx64 " bytes, outside the BAR's %#llx bytes "
				 "or not page-aligned; not mapping the device\n", p->pdev.name, a, i,
				 (uint64_t)areas[a].offset, (uint64_t)areas[a].size,
				 (unsigned long long)ri->size);
			free(full);
			return -EINVAL;
		}
	}
	base = bar_reserve(p, i, ri->size, want, want_len);
	if (base == NULL) {
		ret = -errno;
		free(full);
		return ret;
	}
	for (uint32_t a = 0; a < n_areas; a++) {
		void *m = mmap((char *)base + areas[a].offset, areas[a].size,
			       PROT_READ | PROT_WRITE, MAP_SHARED | MAP_FIXED, p->dev_fd,
			       (off_t)(ri->offset + areas[a].offset));

		if (m == MAP_FAILED) {
			int err = errno;

			munmap(base, ri->size);
			free(full);
			VFIO_LOG(ERR, "%s: cannot mmap BAR%d: %s\n", p->pdev.name, i, strerror(err));
			return -err;
		}
	}
	free(full);
	p->bar_va[i] = base;
	p->bar_va_len[i] = ri->size;
	p->pdev.mem_resource[i].addr = base;
	return 0;
}

static void
bars_unmap(struct pci_dev_priv *p)
{
	for (int i = 0; i < PCI_MAX_RESOURCE; i++) {
		if (p->bar_va[i] != NULL)
			munmap(p->bar_va[i], p->bar_va_len[i]);
		p->bar_va[i] = NULL;
		p->bar_va_len[i] = 0;
		p->pdev.mem_resource[i].addr = NULL;
	}
}

/* Pick MSI-X, else MSI, else INTx, and give vector 0 an eventfd (not armed yet). */
static int
irq_setup(struct pci_dev_priv *p)
{
	static const struct {
		int index;
		enum rte_intr_handle_type type;
	} order[] = {
		{ VFIO_PCI_MSIX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSIX },
		{ VFIO_PCI_MSI_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_MSI },
		{ VFIO_PCI_INTX_IRQ_INDEX, RTE_INTR_HANDLE_VFIO_LEGACY },
	};
	struct rte_intr_handle *h = p->pdev.intr_handle;

	for (size_t i = 0; i < RTE_DIM(order); i++) {
		struct vfio_irq_info irq = { .argsz = sizeof(irq), .index = (uint32_t)order[i].index };
		int fd;

		if (ioctl(p->dev_fd, VFIO_DEVICE_GET_IRQ_INFO, &irq) < 0 || irq.count == 0 ||
		    !(irq.flags & VFIO_IRQ_INFO_EVENTFD))
			continue;
		fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);
		if (fd < 0)
			return -errno;
		if (order[i].index == VFIO_PCI_MSIX_IRQ_INDEX)
			p->msix_count = irq.count;
		rte_intr_fd_set(h, fd);
		rte_intr_dev_fd_set(h, p->dev_fd);
		rte_intr_type_set(h, order[i].type);
		return 0;
	}
	/* No interrupts at all: polling still works. */
	rte_intr_fd_set(h, -1);
	rte_intr_dev_fd_set(h, p->dev_fd);
	rte_intr_type_set(h, RTE_INTR_HANDLE_UNKNOWN);
	return 0;
}

static void
irq_teardown(struct pci_dev_priv *p)
{
	struct rte_intr_handle *h = p->pdev.intr_handle;
	int fd;

	if (h == NULL)
		return;
	fd = rte_intr_fd_get(h);
	if (fd >= 0) {
		struct vfio_irq_set set = {
			.argsz = sizeof(set),
			.flags = VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_TRIGGER,
			.count = 0,
		};

		/* Quietly disarm every index; ones never armed just say EINVAL. */
		for (uint32_t idx = VFIO_PCI_INTX_IRQ_INDEX; idx <= VFIO_PCI_MSIX_IRQ_INDEX; idx++) {
			set.index = idx;
			ioctl(p->dev_fd, VFIO_DEVICE_SET_IRQS, &set);
		}
		rte_intr_efd_disable(h);
		close(fd);
	}
	rte_intr_vec_list_free(h);
	rte_intr_instance_free(h);
	p->pdev.intr_handle = NULL;
}

static int
cfg_command_update(struct pci_dev_priv *p, uint16_t set, uint16_t clear)
{
	uint16_t cmd;
	off_t off = (off_t)p->regions[VFIO_PCI_CONFIG_REGION_INDEX].offset + PCI_COMMAND;

	if (pread(p->dev_fd, &cmd, sizeof(cmd), off) != sizeof(cmd))
		return -EIO;
	cmd = (uint16_t)((cmd | set) & ~clear);
	if (pwrite(p->dev_fd, &cmd, sizeof(cmd), off) != sizeof(cmd))
		return -EIO;
	return 0;
}

/*
 * Secondary: the group comes from the primary, with where the primary
 * mapped the BARs (into bars). -ENOENT for a device the primary has not
 * open: it is not one of its ports.
 */
static int
group_from_primary(struct pci_dev_priv *p, struct vfio_mp_rep *bars)
{
	struct vfio_mp_req q = { .op = VFIO_MP_OP_DEVICE, .group = p->iommu_group };
	int fd, ret;

	strlcpy(q.dev, p->pdev.name, sizeof(q.dev));
	ret = vfio_mp_request(&q, bars, &fd);
	if (ret == -ENOENT) {
		VFIO_LOG(INFO, "%s: the primary process does not use it: not attached here\n",
			 p->pdev.name);
		return ret;
	}
	if (ret < 0) {
		if (ret != -ENOTCONN && ret != -EPROTO)
			VFIO_LOG(ERR, "%s: the primary process refused its VFIO group %d: %s\n",
				 p->pdev.name, p->iommu_group, strerror(-ret));
		return ret;
	}
	/* the container too, as the primary's: set up already, so not touched here */
	ret = vfio_container_fd();
	if (ret < 0) {
		close(fd);
		return ret;
	}
	p->group = vfio_group_adopt(p->iommu_group, fd);
	return p->group == NULL ? -errno : 0;
}

int
vfio_device_open(struct pci_dev_priv *p)
{
	struct vfio_device_info info = { .argsz = sizeof(info) };
	bool secondary = rte_eal_process_type() == RTE_PROC_SECONDARY;
	struct vfio_mp_rep bars;
	const char *bdf = p->pdev.name;
	int ret;

	if (p->dev_fd >= 0)
		return 0;
	if (p->iommu_group < 0) {
		VFIO_LOG(ERR, "%s is in no IOMMU group: the IOMMU is off; fix: boot with "
			 "intel_iommu=on (AMD: amd_iommu=on)\n", bdf);
		return -ENODEV;
	}
	memset(&bars, 0, sizeof(bars));
	if (secondary) {
		ret = group_from_primary(p, &bars);
		if (ret < 0)
			return ret;
	} else {
		p->group = vfio_group_get(p);
		if (p->group == NULL)
			return -errno;
	}
	p->dev_fd = ioctl(vfio_group_fd_of(p->group), VFIO_GROUP_GET_DEVICE_FD, bdf);
	if (p->dev_fd < 0) {
		ret = -errno;
		VFIO_LOG(ERR, "%s: cannot get the device from IOMMU group %d: %s\n", bdf,
			 p->iommu_group, strerror(-ret));
		goto fail;
	}
	if (ioctl(p->dev_fd, VFIO_DEVICE_GET_INFO, &info) < 0 ||
	    !(info.flags & VFIO_DEVICE_FLAGS_PCI) || info.num_regions <= VFIO_PCI_CONFIG_REGION_INDEX) {
		ret = -ENODEV;
		VFIO_LOG(ERR, "%s: VFIO does not describe it as a PCI device\n", bdf);
		goto fail;
	}
	p->reset_ok = info.flags & VFIO_DEVICE_FLAGS_RESET;
	for (uint32_t i = 0; i <= VFIO_PCI_CONFIG_REGION_INDEX; i++) {
		struct vfio_region_info *ri = &p->regions[i];

		memset(ri, 0, sizeof(*ri));
		ri->argsz = sizeof(*ri);
		ri->index = i;
		if (ioctl(p->dev_fd, VFIO_DEVICE_GET_REGION_INFO, ri) < 0)
			ri->size = 0;
	}
	/* Start from a known state, as a kernel driver's probe does (the primary's job). */
	if (!secondary && p->reset_ok && ioctl(p->dev_fd, VFIO_DEVICE_RESET) < 0)
		VFIO_LOG(DEBUG, "%s: reset failed: %s\n", bdf, strerror(errno));
	for (int i = 0; i < PCI_MAX_RESOURCE; i++) {
		ret = bar_map(p, i, bars.bar_va[i], bars.bar_len[i]);
		if (ret < 0)
			goto fail;
	}
	p->pdev.intr_handle = rte_intr_instance_alloc(RTE_INTR_INSTANCE_F_PRIVATE);
	if (p->pdev.intr_handle == NULL) {
		ret = -ENOMEM;
		goto fail;
	}
	if (secondary) {
		/* the vectors are the primary's: a secondary polls */
		rte_intr_fd_set(p->pdev.intr_handle, -1);
		rte_intr_dev_fd_set(p->pdev.intr_handle, p->dev_fd);
		rte_intr_type_set(p->pdev.intr_handle, RTE_INTR_HANDLE_UNKNOWN);
		return 0;
	}
	ret = irq_setup(p);
	if (ret < 0)
		goto fail;
	ret = cfg_command_update(p, PCI_COMMAND_MEMORY | PCI_COMMAND_MASTER, 0);
	if (ret < 0) {
		VFIO_LOG(ERR, "%s: cannot enable bus mastering in config space\n", bdf);
		goto fail;
	}
	return 0;

fail:
	vfio_device_close(p);
	return ret;
}

void
vfio_device_close(struct pci_dev_priv *p)
{
	if (p->dev_fd >= 0) {
		irq_teardown(p);
		/* Stop DMA before the IOVAs go away; a secondary's device runs on. */
		if (rte_eal_process_type() != RTE_PROC_SECONDARY) {
			cfg_command_update(p, 0, PCI_COMMAND_MASTER);
			if (p->reset_ok)
				ioctl(p->dev_fd, VFIO_DEVICE_RESET);
		}
		bars_unmap(p);
		close(p->dev_fd);
		p->dev_fd = -1;
	} else {
		rte_intr_instance_free(p->pdev.intr_handle);
		p->pdev.intr_handle = NULL;
	}
	vfio_group_put(p->group);
	p->group = NULL;
	p->msix_count = 0;
}

/* --- config space, I/O ports, bus master ------------------------------ */

/* Without VFIO (not opened yet) config space comes from sysfs. */
static ssize_t
cfg_rw(const struct rte_pci_device *dev, void *buf, size_t len, off_t offset, bool write)
{
	struct pci_dev_priv *p = pci_priv(dev);
	char path[512];
	ssize_t n;
	int fd;

	if (p->dev_fd >= 0) {
		off_t base = (off_t)p->regions[VFIO_PCI_CONFIG_REGION_INDEX].offset;

		n = write ? pwrite(p->dev_fd, buf, len, base + offset) :
			pread(p->dev_fd, buf, len, base + offset);
		return n < 0 ? -errno : n;
	}
	pci_fmt(path, sizeof(path), "%s/bus/pci/devices/%s/config", pci_sysfs_root(), dev->name);
	fd = open(path, (write ? O_WRONLY : O_RDONLY) | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write ? pwrite(fd, buf, len, offset) : pread(fd, buf, len, offset);
	if (n < 0)
		n = -errno;
	close(fd);
	return n;
}

__rte_export int
rte_pci_read_config(const struct rte_pci_device *device, void *buf, size_t len, off_t offset)
{
	ssize_t n = cfg_rw(device, buf, len, offset, false);

	if (n < 0)
		PCI_LOG(ERR, "%s: cannot read config space at %#lx: %s\n", device->name,
			(long)offset, strerror((int)-n));
	return (int)n;
}

__rte_export int
rte_pci_write_config(const struct rte_pci_device *device, const void *buf, size_t len,
		     off_t offset)
{
	ssize_t n = cfg_rw(device, (void *)(uintptr_t)buf, len, offset, true);

	if (n < 0)
		PCI_LOG(ERR, "%s: cannot write config space at %#lx: %s\n", device->name,
			(long)offset, strerror((int)-n));
	return (int)n;
}

__rte_export off_t
rte_pci_find_ext_capability(struct rte_pci_device *dev, uint32_t cap)
{
	off_t pos = PCI_EXT_CAP_START;
	int ttl = (PCI_CFG_SPACE_EXP_SIZE - PCI_EXT_CAP_START) / 8;
	uint32_t header;

	/* The chain is device-written: bound the walk and check every offset. */
	while (ttl-- > 0) {
		if (rte_pci_read_config(dev, &header, sizeof(header), pos) != sizeof(header))
			return -1;
		if (header == 0 || header == 0xffffffff)
			return 0;
		if ((header & 0xffff) == cap)
			return pos;
		pos = (header >> 20) & 0xffc;
		if (pos < PCI_EXT_CAP_START)
			return 0;
	}
	return 0;
}

__rte_export int
rte_pci_set_bus_master(struct rte_pci_device *dev, bool enable)
{
	uint16_t cmd, old;

	if (rte_pci_read_config(dev, &cmd, sizeof(cmd), PCI_COMMAND) != sizeof(cmd))
		return -1;
	old = cmd;
	cmd = enable ? (uint16_t)(cmd | PCI_COMMAND_MASTER) : (uint16_t)(cmd & ~PCI_COMMAND_MASTER);
	if (cmd == old)
		return 0;
	return rte_pci_write_config(dev, &cmd, sizeof(cmd), PCI_COMMAND) == sizeof(cmd) ? 0 : -1;
}

__rte_export int
rte_pci_ioport_map(struct rte_pci_device *dev, int bar, struct rte_pci_ioport *p)
{
	struct pci_dev_priv *d = pci_priv(dev);

	if (bar < 0 || bar >= PCI_MAX_RESOURCE || d->dev_fd < 0 ||
	    d->regions[bar].size == 0) {
		PCI_LOG(ERR, "%s: BAR%d is not an open I/O region\n", dev->name, bar);
		return -1;
	}
	p->dev = dev;
	p->base = d->regions[bar].offset;
	p->len = d->regions[bar].size;
	return 0;
}

__rte_export int
rte_pci_ioport_unmap(struct rte_pci_ioport *p)
{
	p->dev = NULL;
	return 0;
}

__rte_export void
rte_pci_ioport_read(struct rte_pci_ioport *p, void *data, size_t len, off_t offset)
{
	struct pci_dev_priv *d = pci_priv(p->dev);

	if ((uint64_t)offset + len > p->len ||
	    pread(d->dev_fd, data, len, (off_t)p->base + offset) != (ssize_t)len)
		memset(data, 0xff, len);	/* what a read of nothing gives on PCI */
}

__rte_export void
rte_pci_ioport_write(struct rte_pci_ioport *p, const void *data, size_t len, off_t offset)
{
	struct pci_dev_priv *d = pci_priv(p->dev);

	if ((uint64_t)offset + len <= p->len &&
	    pwrite(d->dev_fd, data, len, (off_t)p->base + offset) != (ssize_t)len)
		PCI_LOG(ERR, "%s: I/O port write at %#lx failed\n", p->dev->name, (long)offset);
}

/* --- bus_vfio_driver.h ------------------------------------------------ */

__rte_export void *
rte_pci_vfio_bar_get(struct rte_pci_device *dev, int bar, size_t *len)
{
	struct pci_dev_priv *p = pci_priv(dev);

	if (p->dev_fd < 0) {
		rte_errno = ENODEV;
		return NULL;
	}
	if (bar < 0 || bar >= PCI_MAX_RESOURCE || p->regions[bar].size == 0) {
		rte_errno = EINVAL;
		return NULL;
	}
	if (p->bar_va[bar] == NULL) {
		rte_errno = ENOTSUP;
		return NULL;
	}
	if (len != NULL)
		*len = p->bar_va_len[bar];
	return p->bar_va[bar];
}

__rte_export unsigned int
rte_pci_vfio_msix_count(const struct rte_pci_device *dev)
{
	return pci_priv(dev)->msix_count;
}

__rte_export int
rte_pci_vfio_msix_enable(struct rte_pci_device *dev, unsigned int nb_vectors)
{
	struct pci_dev_priv *p = pci_priv(dev);
	struct rte_intr_handle *h = dev->intr_handle;
	int ret;

	if (p->dev_fd >= 0 && rte_eal_process_type() == RTE_PROC_SECONDARY) {
		PCI_LOG(ERR, "%s: interrupts are not supported in a secondary process (the "
			"vectors are the primary's); fix: poll, or use interrupts in the primary\n",
			dev->name);
		return -ENOTSUP;
	}
	if (p->dev_fd < 0 || rte_intr_type_get(h) != RTE_INTR_HANDLE_VFIO_MSIX) {
		PCI_LOG(ERR, "%s: no MSI-X (device not open, or it has none)\n", dev->name);
		return -ENOTSUP;
	}
	if (nb_vectors == 0 || nb_vectors > p->msix_count) {
		PCI_LOG(ERR, "%s: %u MSI-X vectors asked, the device has %u\n", dev->name,
			nb_vectors, p->msix_count);
		return -EINVAL;
	}
	rte_intr_efd_disable(h);
	if (nb_vectors > 1) {
		ret = rte_intr_efd_enable(h, nb_vectors - 1);
		if (ret < 0)
			return ret;
	}
	if (rte_intr_enable(h) < 0) {
		rte_intr_efd_disable(h);
		return -EIO;
	}
	return 0;
}

__rte_export void
rte_pci_vfio_msix_disable(struct rte_pci_device *dev)
{
	if (pci_priv(dev)->dev_fd < 0)
		return;
	rte_intr_disable(dev->intr_handle);
	rte_intr_efd_disable(dev->intr_handle);
}

__rte_export int
rte_pci_vfio_reset(struct rte_pci_device *dev)
{
	struct pci_dev_priv *p = pci_priv(dev);

	if (p->dev_fd < 0 || !p->reset_ok)
		return -ENOTSUP;
	if (rte_eal_process_type() == RTE_PROC_SECONDARY) {
		PCI_LOG(ERR, "%s: a secondary process may not reset the primary's device; fix: "
			"reset the port from the primary\n", dev->name);
		return -EPERM;
	}
	return ioctl(p->dev_fd, VFIO_DEVICE_RESET) < 0 ? -errno : 0;
}
