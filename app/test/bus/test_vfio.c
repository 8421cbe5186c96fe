/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PCI bus on real VFIO (inside a guest with an IOMMU): a test-only
 * driver for e1000e (8086:10d3), e1000 (8086:100e) and virtio-net
 * (1af4:1041) is probed through rte_eal_init -a BDF, reads a register
 * through the mapped BAR, checks the DMA mappings with the kernel, closes
 * and re-opens the device in the same process, and cleans up.
 *
 *   SLUICE_VFIO_BDF=0000:00:03.0 sluice-test vfio [EAL options]
 *   SLUICE_VFIO_KERNEL_BDF=BDF   also: -a of a device left on its kernel
 *                                driver must fail rte_eal_init with the hint
 * Without SLUICE_VFIO_BDF the suite is skipped (exit 77).
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include <bus_pci_driver.h>
#include <bus_vfio_driver.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_io.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include "pci_private.h"
#include "test.h"

#define E1000_STATUS 0x08
#define PCI_CAP_PTR 0x34
#define PCI_CAP_ID_VNDR 0x09
#define VIRTIO_PCI_CAP_COMMON_CFG 1
#define VIRTIO_COMMON_NUM_QUEUES 0x12

static const char *bdf;
static bool eal_up;
static int probes, removes;
static struct rte_pci_device *vdev;

static int
vfio_test_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	(void)drv;
	probes++;
	vdev = dev;
	return 0;
}

static int
vfio_test_remove(struct rte_pci_device *dev)
{
	(void)dev;
	removes++;
	return 0;
}

static const struct rte_pci_id vfio_test_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x10d3) },
	{ RTE_PCI_DEVICE(0x8086, 0x100e) },
	{ RTE_PCI_DEVICE(0x1af4, 0x1041) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver vfio_test_drv = {
	.driver = { .name = "test_vfio" },
	.id_table = vfio_test_ids,
	.probe = vfio_test_probe,
	.remove = vfio_test_remove,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING | RTE_PCI_DRV_INTR_LSC,
};

/*
 * Registered only when a VM scenario names a device, and ahead of the real
 * PMDs for the same ids, also in the "eal_init_only" child processes.
 */
static void __attribute__((constructor))
vfio_test_drv_register(void)
{
	if (getenv("SLUICE_VFIO_BDF") != NULL || getenv("SLUICE_VFIO_KERNEL_BDF") != NULL)
		TAILQ_INSERT_HEAD(&pci_driver_list, &vfio_test_drv, next);
}

static int
vfio_fds_open(void)
{
	DIR *d = opendir("/proc/self/fd");
	struct dirent *e;
	int n = 0;

	if (d == NULL)
		return -1;
	while ((e = readdir(d)) != NULL) {
		char path[300], target[256];
		ssize_t len;

		snprintf(path, sizeof(path), "/proc/self/fd/%s", e->d_name);
		len = readlink(path, target, sizeof(target) - 1);
		if (len <= 0)
			continue;
		target[len] = '\0';
		n += strncmp(target, "/dev/vfio", 9) == 0 || strstr(target, "vfio-device") != NULL;
	}
	closedir(d);
	return n;
}

/* Read one register the device must answer through BAR mmap. */
static int
check_bar(struct rte_pci_device *dev)
{
	size_t len = 0;
	uint8_t *bar;

	if (dev->id.vendor_id == 0x8086) {
		uint32_t status;

		bar = rte_pci_vfio_bar_get(dev, 0, &len);
		TEST_ASSERT_NOT_NULL(bar, "BAR0 not mapped (rte_errno %d)", rte_errno);
		TEST_ASSERT(len >= 0x20000, "BAR0 is %zu bytes", len);
		TEST_ASSERT(dev->mem_resource[0].addr == bar, "mem_resource[0].addr");
		status = rte_read32(bar + E1000_STATUS);
		printf("  %s BAR0 %zu KiB, STATUS=0x%08x\n", dev->name, len >> 10, status);
		TEST_ASSERT(status != 0xffffffff, "STATUS reads all ones: BAR not reaching device");
		return TEST_SUCCESS;
	}
	/* virtio 1.1 section 4.1.4: walk the vendor capabilities to the common config. */
	for (uint8_t pos = 0, ttl = 48; ttl-- > 0;) {
		uint8_t cap[16];

		if (pos == 0) {
			TEST_ASSERT_EQUAL(rte_pci_read_config(dev, &pos, 1, PCI_CAP_PTR), 1, "cap ptr");
		}
		pos &= 0xfc;
		if (pos < 0x40)
			break;
		TEST_ASSERT_EQUAL(rte_pci_read_config(dev, cap, sizeof(cap), pos), sizeof(cap),
				  "capability at %#x", pos);
		if (cap[0] == PCI_CAP_ID_VNDR && cap[3] == VIRTIO_PCI_CAP_COMMON_CFG && cap[4] < 6) {
			uint32_t off;
			uint16_t nq;

			memcpy(&off, &cap[8], sizeof(off));
			bar = rte_pci_vfio_bar_get(dev, cap[4], &len);
			TEST_ASSERT_NOT_NULL(bar, "BAR%u not mapped", cap[4]);
			TEST_ASSERT(off + VIRTIO_COMMON_NUM_QUEUES + 2 <= len, "common cfg in BAR");
			nq = rte_read16(bar + off + VIRTIO_COMMON_NUM_QUEUES);
			printf("  %s BAR%u common config: num_queues=%u\n", dev->name, cap[4], nq);
			TEST_ASSERT(nq > 0 && nq != 0xffff, "num_queues %u", nq);
			return TEST_SUCCESS;
		}
		pos = cap[1];
	}
	TEST_ASSERT(false, "no virtio common config capability");
	return TEST_FAILED;
}

static int
test_vfio_probe(void)
{
	char *argv[64];
	int argc = 0, ret;

	bdf = getenv("SLUICE_VFIO_BDF");
	if (bdf == NULL) {
		printf("  SLUICE_VFIO_BDF is not set: no device bound to vfio-pci to test\n");
		return TEST_SKIPPED;
	}
	for (int i = 0; i < test_eal_argc && argc < 60; i++)
		argv[argc++] = test_eal_argv[i];
	argv[argc++] = (char *)(uintptr_t)"-a";
	argv[argc++] = (char *)(uintptr_t)bdf;
	argv[argc] = NULL;
	ret = rte_eal_init(argc, argv);
	TEST_ASSERT(ret >= 0, "rte_eal_init -a %s failed: %s", bdf, rte_strerror(rte_errno));
	eal_up = true;
	TEST_ASSERT_EQUAL(probes, 1, "the test driver probed one device");
	TEST_ASSERT(strcmp(vdev->name, bdf) == 0, "probed %s", vdev->name);
	TEST_ASSERT(vdev->driver == &vfio_test_drv, "driver recorded");
	TEST_ASSERT_EQUAL(vdev->kdrv, RTE_PCI_KDRV_VFIO, "on vfio-pci");
	TEST_ASSERT_EQUAL(vfio_group_count(), 1, "one group open");
	TEST_ASSERT_NOT_NULL(vdev->intr_handle, "interrupt handle");
	TEST_ASSERT(rte_intr_fd_get(vdev->intr_handle) >= 0, "vector 0 eventfd");
	return check_bar(vdev);
}

static int
test_vfio_config_and_msix(void)
{
	uint16_t ids[2];
	unsigned int n;

	if (!eal_up)
		return TEST_SKIPPED;
	TEST_ASSERT_EQUAL(rte_pci_read_config(vdev, ids, sizeof(ids), 0), 4, "config read");
	TEST_ASSERT_EQUAL(ids[0], vdev->id.vendor_id, "vendor through VFIO config region");
	TEST_ASSERT_EQUAL(ids[1], vdev->id.device_id, "device id");
	n = rte_pci_vfio_msix_count(vdev);
	printf("  %s: %u MSI-X vectors, interrupt type %d\n", vdev->name, n,
	       rte_intr_type_get(vdev->intr_handle));
	if (n < 2)
		return TEST_SUCCESS;	/* e1000 (82540EM) has INTx only */
	TEST_ASSERT_SUCCESS(rte_pci_vfio_msix_enable(vdev, 2), "enable 2 vectors");
	TEST_ASSERT_EQUAL(rte_intr_nb_efd_get(vdev->intr_handle), 1, "one Rx eventfd");
	TEST_ASSERT(rte_intr_efds_index_get(vdev->intr_handle, 0) >= 0, "Rx eventfd");
	TEST_ASSERT_EQUAL(rte_pci_vfio_msix_enable(vdev, n + 1), -EINVAL, "past the table");
	rte_pci_vfio_msix_disable(vdev);
	TEST_ASSERT_EQUAL(rte_intr_nb_efd_get(vdev->intr_handle), 0, "disabled");
	return TEST_SUCCESS;
}

/* VFIO refuses a second map of a mapped IOVA with EEXIST: the kernel's own word. */
static int
kernel_has_mapping(uint64_t va, uint64_t iova, uint64_t len)
{
	struct vfio_iommu_type1_dma_map m = {
		.argsz = sizeof(m),
		.flags = VFIO_DMA_MAP_FLAG_READ | VFIO_DMA_MAP_FLAG_WRITE,
		.vaddr = va, .iova = iova, .size = len,
	};

	if (ioctl(vfio_container_fd(), VFIO_IOMMU_MAP_DMA, &m) == 0) {
		struct vfio_iommu_type1_dma_unmap u = { .argsz = sizeof(u), .iova = iova,
							.size = len };

		ioctl(vfio_container_fd(), VFIO_IOMMU_UNMAP_DMA, &u);
		return 0;
	}
	return errno == EEXIST;
}

static int
first_seg(const struct rte_memseg_list *msl, const struct rte_memseg *ms, void *arg)
{
	(void)msl;
	*(const struct rte_memseg **)arg = ms;
	return 1;
}

static void *big;
static uint64_t big_iova;

/*
 * Memory grows on demand, so at probe there may be none: a large
 * allocation raises a memory event that must map it; the re-open test
 * then checks that container setup maps what exists.
 */
static int
test_vfio_dma(void)
{
	const struct rte_memseg *ms = NULL;
	unsigned int before;

	if (!eal_up)
		return TEST_SKIPPED;
	before = vfio_dma_map_count();
	big = rte_malloc("vfio_test", 96 << 20, 0);
	TEST_ASSERT_NOT_NULL(big, "96 MiB");
	big_iova = rte_mem_virt2iova(big);
	printf("  %u DMA mappings at setup, %u after a 96 MiB allocation\n", before,
	       vfio_dma_map_count());
	TEST_ASSERT(vfio_dma_map_count() > 0, "no DMA mapping after memory grew");
	TEST_ASSERT(vfio_dma_is_mapped(big_iova, 4096), "new memory not mapped");
	TEST_ASSERT(kernel_has_mapping((uint64_t)(uintptr_t)big & ~4095ULL, big_iova & ~4095ULL,
				       4096), "the kernel lacks IOVA %#" PRIx64, big_iova);
	TEST_ASSERT_EQUAL(rte_memseg_walk(first_seg, &ms), 1, "a memseg exists");
	TEST_ASSERT(vfio_dma_is_mapped(ms->iova, ms->len), "first memseg not mapped");
	return TEST_SUCCESS;
}

static int
test_vfio_reopen(void)
{
	int fds;

	if (!eal_up)
		return TEST_SKIPPED;
	TEST_ASSERT_SUCCESS(pci_remove_one(vdev), "remove through the bus");
	TEST_ASSERT_EQUAL(removes, 1, "driver's remove called");
	TEST_ASSERT_NULL(vdev->mem_resource[0].addr, "BAR unmapped");
	TEST_ASSERT_NULL(vdev->intr_handle, "interrupts released");
	TEST_ASSERT_EQUAL(vfio_group_count(), 0, "group closed");
	TEST_ASSERT_EQUAL(vfio_dma_map_count(), 0, "DMA unmapped with the last group");
	fds = vfio_fds_open();
	TEST_ASSERT_EQUAL(fds, 1, "only the container stays open (%d vfio fds)", fds);

	TEST_ASSERT_SUCCESS(pci_probe_one(vdev), "probe again in the same process");
	TEST_ASSERT_EQUAL(probes, 2, "probed twice");
	TEST_ASSERT_EQUAL(vfio_group_count(), 1, "group opened again");
	TEST_ASSERT(vfio_dma_map_count() > 0, "container setup mapped existing memory");
	TEST_ASSERT(kernel_has_mapping((uint64_t)(uintptr_t)big & ~4095ULL, big_iova & ~4095ULL,
				       4096), "the kernel lacks IOVA %#" PRIx64 " after re-open",
		    big_iova);
	return check_bar(vdev);
}

static int
test_vfio_cleanup(void)
{
	if (!eal_up)
		return TEST_SKIPPED;
	rte_free(big);
	TEST_ASSERT_SUCCESS(rte_eal_cleanup(), "cleanup");
	eal_up = false;
	TEST_ASSERT_EQUAL(removes, 2, "removed at cleanup");
	TEST_ASSERT_EQUAL(vfio_group_count(), 0, "no group");
	TEST_ASSERT_EQUAL(vfio_fds_open(), 0, "no VFIO fd left open");
	return TEST_SUCCESS;
}

/* A device left on its kernel driver, named with -a: init fails with the fix. */
static int
test_vfio_kernel_owned(void)
{
	const char *kbdf = getenv("SLUICE_VFIO_KERNEL_BDF");
	const char *argv[] = { "eal_init_only", "--no-huge", "-a", kbdf, NULL };
	char out[8192], want[128];
	int rc;

	if (kbdf == NULL)
		return TEST_SKIPPED;
	rc = test_run_self(argv, out, sizeof(out));
	TEST_ASSERT_EQUAL(rc, 1, "init must fail:\n%s", out);
	TEST_ASSERT_STR_CONTAINS(out, "is on kernel driver", "names the driver");
	snprintf(want, sizeof(want), "fix: sluice-devbind --bind=vfio-pci %s\n", kbdf);
	TEST_ASSERT_STR_CONTAINS(out, want, "names the command");
	TEST_ASSERT_STR_CONTAINS(out, "init=-1", "rte_eal_init returned -1");
	return TEST_SUCCESS;
}

static const struct test_case vfio_cases[] = {
	TEST_CASE(test_vfio_probe),
	TEST_CASE(test_vfio_config_and_msix),
	TEST_CASE(test_vfio_dma),
	TEST_CASE(test_vfio_reopen),
	TEST_CASE(test_vfio_cleanup),
	TEST_CASE(test_vfio_kernel_owned),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(vfio, TEST_SUITE_NO_EAL, vfio_cases);
