/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The PCI bus on a fake sysfs tree: scan parsing, -a/-b filtering, id
 * matching, the "kernel driver, skipped" hint and the "no VFIO" error.
 * The bus's own functions are called in process, with the log captured.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/stat.h>

#include <bus_driver.h>
#include <bus_pci_driver.h>
#include <rte_bus_vdev.h>
#include <rte_devargs.h>
#include <rte_ethdev.h>
#include <rte_log.h>

#include "pci_private.h"
#include "test.h"

static char root[64];
static char logbuf[16384];

static int probed_count;
static struct rte_pci_device *probed_dev;

static int
fake_probe(struct rte_pci_driver *drv, struct rte_pci_device *dev)
{
	(void)drv;
	probed_count++;
	probed_dev = dev;
	return 0;
}

static int removed_count;

static int
fake_remove(struct rte_pci_device *dev)
{
	(void)dev;
	removed_count++;
	return 0;
}

/* Wants VFIO, like a real NIC driver. */
static const struct rte_pci_id vfio_ids[] = {
	{ RTE_PCI_DEVICE(0x8086, 0x10d3) },
	{ RTE_PCI_DEVICE(0x1af4, 0x1041) },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver drv_vfio = {
	.driver = { .name = "test_pci_vfio" },
	.id_table = vfio_ids,
	.probe = fake_probe,
	.remove = fake_remove,
	.drv_flags = RTE_PCI_DRV_NEED_MAPPING,
};

/* Needs no mapping: probed straight from the scan. */
static const struct rte_pci_id plain_ids[] = {
	{ .class_id = 0x020000, .vendor_id = 0x1234, .device_id = RTE_PCI_ANY_ID,
	  .subsystem_vendor_id = 0x1af4, .subsystem_device_id = RTE_PCI_ANY_ID },
	{ .vendor_id = 0 },
};

static struct rte_pci_driver drv_plain = {
	.driver = { .name = "test_pci_plain" },
	.id_table = plain_ids,
	.probe = fake_probe,
	.remove = fake_remove,
};

static int
write_file(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fputs(text, f);
	fclose(f);
	return 0;
}

struct fake_dev {
	const char *bdf, *vendor, *device, *subven, *class, *numa, *driver;
	int group;
};

static int
fake_dev_add(const struct fake_dev *d)
{
	char dir[256], path[512], target[256];
	unsigned char cfg[256] = { 0 };
	FILE *f;

	snprintf(dir, sizeof(dir), "%s/bus/pci/devices/%s", root, d->bdf);
	if (mkdir(dir, 0755) < 0)
		return -1;
	write_file(dir, "vendor", d->vendor);
	write_file(dir, "device", d->device);
	write_file(dir, "subsystem_vendor", d->subven);
	write_file(dir, "subsystem_device", "0x0001\n");
	write_file(dir, "class", d->class);
	write_file(dir, "numa_node", d->numa);
	/* BAR0 128 KiB memory, BAR2 32 bytes of I/O ports, the rest empty. */
	write_file(dir, "resource",
		   "0x00000000febc0000 0x00000000febdffff 0x0000000000040200\n"
		   "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"
		   "0x000000000000c000 0x000000000000c01f 0x0000000000040101\n"
		   "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"
		   "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"
		   "0x0000000000000000 0x0000000000000000 0x0000000000000000\n"
		   "0x00000000feb80000 0x00000000febbffff 0x0000000000046200\n");
	/* Config space starts with the vendor and device ids. */
	cfg[0] = 0x34;
	cfg[1] = 0x12;
	cfg[2] = 0xcd;
	cfg[3] = 0xab;
	snprintf(path, sizeof(path), "%s/config", dir);
	f = fopen(path, "w");
	if (f == NULL)
		return -1;
	fwrite(cfg, 1, sizeof(cfg), f);
	fclose(f);
	if (d->driver != NULL) {
		snprintf(path, sizeof(path), "%s/driver", dir);
		snprintf(target, sizeof(target), "../../../bus/pci/drivers/%s", d->driver);
		if (symlink(target, path) < 0)
			return -1;
	}
	if (d->group >= 0) {
		snprintf(path, sizeof(path), "%s/iommu_group", dir);
		snprintf(target, sizeof(target), "../../../kernel/iommu_groups/%d", d->group);
		if (symlink(target, path) < 0)
			return -1;
	}
	return 0;
}

static const struct fake_dev fake_devs[] = {
	{ "0000:00:03.0", "0x8086\n", "0x10d3\n", "0x8086\n", "0x020000\n", "-1\n", "e1000e", 3 },
	{ "0000:00:04.0", "0x1af4\n", "0x1041\n", "0x1af4\n", "0x020000\n", "0\n", "vfio-pci", 4 },
	{ "0000:00:05.0", "0x1234\n", "0x5678\n", "0x1af4\n", "0x020000\n", "1\n", NULL, -1 },
	{ "0000:00:06.0", "0x1234\n", "0x9999\n", "0x1af4\n", "0x010000\n", "0\n", NULL, -1 },
	{ "0000:00:07.0", "0xabcd\n", "0x0001\n", "0x1af4\n", "0x020000\n", "0\n", NULL, -1 },
	{ "0000:01:00.0", "0x8086\n", "0x10d3\n", "0x8086\n", "0x020000\n", "0\n", NULL, 5 },
};

static int
fake_tree_make(void)
{
	char dir[256];

	snprintf(root, sizeof(root), "/tmp/sluice-pci-XXXXXX");
	if (mkdtemp(root) == NULL)
		return -1;
	snprintf(dir, sizeof(dir), "%s/bus", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/bus/pci", root);
	mkdir(dir, 0755);
	snprintf(dir, sizeof(dir), "%s/bus/pci/devices", root);
	mkdir(dir, 0755);
	for (size_t i = 0; i < RTE_DIM(fake_devs); i++)
		if (fake_dev_add(&fake_devs[i]) < 0)
			return -1;
	return 0;
}

static void
fake_tree_remove(void)
{
	char cmd[128];

	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", root);
	if (system(cmd) != 0)
		printf("  could not remove %s\n", root);
}

/*
 * Scan and probe the fake tree with the given -a/-b entries (NULL-ended,
 * each prefixed "a:" or "b:"); the log goes to logbuf. Returns pci_probe's
 * result (or the scan's if it failed).
 */
static int
bus_run(const char *const entries[])
{
	FILE *f = fmemopen(logbuf, sizeof(logbuf) - 1, "w");
	FILE *old = rte_log_get_stream();
	uint32_t old_level = rte_log_get_global_level();
	char devdir[128];
	int ret;

	memset(logbuf, 0, sizeof(logbuf));
	for (size_t i = 0; entries != NULL && entries[i] != NULL; i++)
		rte_devargs_add(entries[i][0] == 'a' ? RTE_DEVTYPE_ALLOWED : RTE_DEVTYPE_BLOCKED,
				entries[i] + 2);
	probed_count = 0;
	removed_count = 0;
	probed_dev = NULL;
	snprintf(devdir, sizeof(devdir), "%s/dev/vfio", root);
	pci_sysfs_root_set(root);
	vfio_dev_dir_set(devdir);
	rte_openlog_stream(f);
	rte_log_set_global_level(RTE_LOG_INFO);
	pci_devices_free();
	ret = pci_scan();
	if (ret == 0)
		ret = pci_probe();
	fflush(f);
	rte_log_set_global_level(old_level);
	rte_openlog_stream(old);
	fclose(f);
	return ret;
}

/* Undo bus_run: remove drivers' devices, forget the scan and the devargs. */
static void
bus_reset(const char *const entries[])
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next)
		pci_remove_one(dev);
	pci_devices_free();
	for (size_t i = 0; entries != NULL && entries[i] != NULL; i++) {
		struct rte_devargs da = { 0 };

		snprintf(da.name, sizeof(da.name), "%s", entries[i] + 2);
		if (rte_devargs_parse(&da, entries[i] + 2) == 0) {
			struct rte_pci_addr a;

			if (rte_pci_addr_parse(da.name, &a) == 0)
				rte_pci_device_name(&a, da.name, sizeof(da.name));
			da.bus = rte_bus_find_by_name("pci");
			rte_devargs_remove(&da);
			rte_devargs_reset(&da);
		}
	}
	pci_sysfs_root_set(NULL);
	vfio_dev_dir_set(NULL);
}

static struct rte_pci_device *
find_dev(const char *bdf)
{
	struct rte_pci_device *dev;

	TAILQ_FOREACH(dev, &pci_device_list, next)
		if (strcmp(dev->name, bdf) == 0)
			return dev;
	return NULL;
}

static int
count_devs(void)
{
	struct rte_pci_device *dev;
	int n = 0;

	TAILQ_FOREACH(dev, &pci_device_list, next)
		n++;
	return n;
}

static int
setup(void)
{
	if (fake_tree_make() < 0)
		return -1;
	/* Ahead of any real driver matching the same ids. */
	TAILQ_INSERT_HEAD(&pci_driver_list, &drv_plain, next);
	TAILQ_INSERT_HEAD(&pci_driver_list, &drv_vfio, next);
	return 0;
}

static void
teardown(void)
{
	rte_pci_unregister(&drv_vfio);
	rte_pci_unregister(&drv_plain);
	fake_tree_remove();
}

static int
count_fds(void)
{
	char path[64];
	int n = 0;

	for (int fd = 0; fd < 1024; fd++) {
		snprintf(path, sizeof(path), "/proc/self/fd/%d", fd);
		n += access(path, F_OK) == 0;
	}
	return n;
}

/* Lines the bus logged. */
static int
count_lines(void)
{
	int n = 0;

	for (const char *c = logbuf; *c != '\0'; c++)
		n += *c == '\n';
	return n;
}

static bool ready;

#define SETUP() do { \
	if (!ready) { \
		TEST_ASSERT_SUCCESS(setup(), "cannot build the fake sysfs tree"); \
		ready = true; \
	} \
} while (0)

static int
test_pci_scan_parse(void)
{
	static const char *const block[] = { "b:0000:00:04.0", "b:01:00.0", NULL };
	struct rte_pci_device *dev;
	struct pci_dev_priv *p;
	uint32_t v = 0;
	int ret;

	SETUP();
	ret = bus_run(block);
	TEST_ASSERT_EQUAL(ret, 0, "log:\n%s", logbuf);
	TEST_ASSERT_EQUAL(count_devs(), 4, "blocked devices are not scanned");
	TEST_ASSERT_NULL(find_dev("0000:00:04.0"), "-b 0000:00:04.0");
	TEST_ASSERT_NULL(find_dev("0000:01:00.0"), "-b 01:00.0 (short form)");
	dev = TAILQ_FIRST(&pci_device_list);
	TEST_ASSERT(strcmp(dev->name, "0000:00:03.0") == 0, "sorted, first %s", dev->name);
	p = pci_priv(dev);
	TEST_ASSERT_EQUAL(dev->id.vendor_id, 0x8086, "vendor");
	TEST_ASSERT_EQUAL(dev->id.device_id, 0x10d3, "device");
	TEST_ASSERT_EQUAL(dev->id.subsystem_vendor_id, 0x8086, "subsystem vendor");
	TEST_ASSERT_EQUAL(dev->id.subsystem_device_id, 0x0001, "subsystem device");
	TEST_ASSERT_EQUAL(dev->id.class_id, 0x020000, "class");
	TEST_ASSERT_EQUAL(dev->device.numa_node, -1, "numa -1 = unknown");
	TEST_ASSERT_EQUAL(dev->kdrv, RTE_PCI_KDRV_UNKNOWN, "kernel driver");
	TEST_ASSERT(strcmp(p->kdrv_name, "e1000e") == 0, "driver name %s", p->kdrv_name);
	TEST_ASSERT_EQUAL(p->iommu_group, 3, "group");
	TEST_ASSERT_EQUAL(dev->mem_resource[0].phys_addr, 0xfebc0000, "BAR0 address");
	TEST_ASSERT_EQUAL(dev->mem_resource[0].len, 0x20000, "BAR0 128 KiB");
	TEST_ASSERT_EQUAL(dev->mem_resource[1].len, 0, "BAR1 absent");
	TEST_ASSERT_EQUAL(dev->mem_resource[2].len, 0x20, "BAR2 32 I/O ports");
	TEST_ASSERT_NULL(dev->mem_resource[0].addr, "not mapped");
	TEST_ASSERT_NULL(dev->driver, "kernel-owned: not probed");
	TEST_ASSERT_STR_CONTAINS(logbuf, "PCI: 0000:00:03.0 (8086:10d3) is on kernel driver "
				 "e1000e, skipped; to use it with test_pci_vfio: "
				 "sluice-devbind --bind=vfio-pci 0000:00:03.0\n", "devbind hint");

	dev = find_dev("0000:00:05.0");
	TEST_ASSERT_NOT_NULL(dev, "05.0 scanned");
	TEST_ASSERT_EQUAL(dev->kdrv, RTE_PCI_KDRV_NONE, "no driver");
	TEST_ASSERT_EQUAL(pci_priv(dev)->iommu_group, -1, "no group");
	TEST_ASSERT_EQUAL(dev->device.numa_node, 1, "numa 1");
	/* Only 05.0 matches drv_plain: 06.0 has another class, 07.0 another vendor. */
	TEST_ASSERT_EQUAL(probed_count, 1, "one device probed");
	TEST_ASSERT(probed_dev == dev, "05.0 probed");
	TEST_ASSERT(dev->driver == &drv_plain, "driver recorded");
	TEST_ASSERT(strcmp(dev->device.driver->name, "test_pci_plain") == 0, "rte_driver");
	TEST_ASSERT_NULL(find_dev("0000:00:06.0")->driver, "class mismatch");
	TEST_ASSERT_NULL(find_dev("0000:00:07.0")->driver, "vendor mismatch");
	TEST_ASSERT_EQUAL(rte_pci_read_config(dev, &v, sizeof(v), 0), 4, "config read");
	TEST_ASSERT_EQUAL(v, 0xabcd1234, "vendor/device from config space");
	bus_reset(block);
	TEST_ASSERT_EQUAL(removed_count, 1, "remove called at reset");
	return TEST_SUCCESS;
}

static int
test_pci_allow_list(void)
{
	static const char *const allow[] = { "a:00:05.0", NULL };
	int ret;

	SETUP();
	ret = bus_run(allow);
	TEST_ASSERT_EQUAL(ret, 0, "log:\n%s", logbuf);
	TEST_ASSERT_EQUAL(count_devs(), 1, "only the -a device is scanned");
	TEST_ASSERT_EQUAL(probed_count, 1, "and probed");
	TEST_ASSERT_NULL(strstr(logbuf, "skipped"), "no hint for devices not asked for");
	bus_reset(allow);
	return TEST_SUCCESS;
}

static int
test_pci_allow_kernel_owned(void)
{
	static const char *const allow[] = { "a:0000:00:03.0", NULL };
	int ret;

	SETUP();
	ret = bus_run(allow);
	TEST_ASSERT_EQUAL(ret, -ENODEV, "log:\n%s", logbuf);
	TEST_ASSERT_STR_CONTAINS(logbuf, "PCI: 0000:00:03.0 (8086:10d3) is on kernel driver "
				 "e1000e, not vfio-pci, so test_pci_vfio cannot use it; fix: "
				 "sluice-devbind --bind=vfio-pci 0000:00:03.0\n", "the reason");
	TEST_ASSERT_EQUAL(count_lines(), 1, "one line:\n%s", logbuf);
	TEST_ASSERT_EQUAL(probed_count, 0, "not probed");
	bus_reset(allow);
	return TEST_SUCCESS;
}

static int
test_pci_allow_missing(void)
{
	static const char *const allow[] = { "a:0000:00:1f.0", NULL };
	static const char *const unmatched[] = { "a:00:06.0", NULL };

	SETUP();
	/* Both carry on, as in DPDK (eal_flags_a_opt), with one warning. */
	TEST_ASSERT_EQUAL(bus_run(allow), 0, "log:\n%s", logbuf);
	TEST_ASSERT_STR_CONTAINS(logbuf, "PCI: -a 0000:00:1f.0: no such PCI device: ignored; "
				 "list them with sluice-devbind --status\n", "missing device");
	TEST_ASSERT_EQUAL(count_lines(), 1, "one line:\n%s", logbuf);
	TEST_ASSERT_EQUAL(probed_count, 0, "nothing probed");
	bus_reset(allow);
	TEST_ASSERT_EQUAL(bus_run(unmatched), 0, "log:\n%s", logbuf);
	TEST_ASSERT_STR_CONTAINS(logbuf, "PCI: 0000:00:06.0 (1234:9999, class 010000) was given "
				 "with -a but no driver supports it: ignored; remove -a 0000:00:06.0\n",
				 "unsupported device");
	TEST_ASSERT_EQUAL(probed_count, 0, "nothing probed");
	bus_reset(unmatched);
	return TEST_SUCCESS;
}

static int
test_pci_no_vfio(void)
{
	static const char *const allow[] = { "a:0000:00:04.0", NULL };
	char want[256];
	int fds = count_fds(), ret;

	SETUP();
	ret = bus_run(allow);
	TEST_ASSERT_EQUAL(ret, -ENOENT, "log:\n%s", logbuf);
	snprintf(want, sizeof(want), "VFIO: %s/dev/vfio/vfio is missing: VFIO is not loaded; "
		 "fix: modprobe vfio-pci (and boot with intel_iommu=on so that devices have an "
		 "IOMMU)\n", root);
	TEST_ASSERT_STR_CONTAINS(logbuf, want, "names the fix");
	TEST_ASSERT_EQUAL(count_lines(), 1, "one line:\n%s", logbuf);
	TEST_ASSERT_EQUAL(probed_count, 0, "not probed");
	TEST_ASSERT_NULL(find_dev("0000:00:04.0")->intr_handle, "nothing left allocated");
	bus_reset(allow);
	TEST_ASSERT_EQUAL(count_fds(), fds, "no fd left open");
	return TEST_SUCCESS;
}

static int
test_pci_id_match(void)
{
	struct rte_pci_device dev = { .id = { .class_id = 0x020000, .vendor_id = 0x1234,
					      .device_id = 0x42, .subsystem_vendor_id = 0x1af4,
					      .subsystem_device_id = 7 } };
	static const struct rte_pci_id exact[] = {
		{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1234, .device_id = 0x42,
		  .subsystem_vendor_id = 0x1af4, .subsystem_device_id = 7 },
		{ .vendor_id = 0 } };
	static const struct rte_pci_id other_sub[] = {
		{ .class_id = RTE_CLASS_ANY_ID, .vendor_id = 0x1234, .device_id = 0x42,
		  .subsystem_vendor_id = 0x1af4, .subsystem_device_id = 8 },
		{ .vendor_id = 0 } };
	static const struct rte_pci_id second[] = {
		{ RTE_PCI_DEVICE(0x8086, 0x10d3) }, { RTE_PCI_DEVICE(0x1234, 0x42) },
		{ .vendor_id = 0 } };
	static const struct rte_pci_id empty[] = { { .vendor_id = 0 } };
	struct rte_pci_driver d = { .id_table = exact };

	TEST_ASSERT_EQUAL(pci_match(&d, &dev), 1, "exact ids");
	d.id_table = other_sub;
	TEST_ASSERT_EQUAL(pci_match(&d, &dev), 0, "other subsystem device");
	d.id_table = second;
	TEST_ASSERT_EQUAL(pci_match(&d, &dev), 1, "second entry, wildcards");
	d.id_table = empty;
	TEST_ASSERT_EQUAL(pci_match(&d, &dev), 0, "sentinel only");
	return TEST_SUCCESS;
}

/* Point fake device bdf's "driver" link at kdrv (NULL: unbind it). */
static int
fake_dev_rebind(const char *bdf, const char *kdrv)
{
	char path[256], target[256];

	snprintf(path, sizeof(path), "%s/bus/pci/devices/%s/driver", root, bdf);
	unlink(path);
	if (kdrv == NULL)
		return 0;
	snprintf(target, sizeof(target), "../../../bus/pci/drivers/%s", kdrv);
	return symlink(target, path);
}

/*
 * rte_bus_scan from the application after init: the probed device stays
 * the same object with its driver (a rescan that rebuilt the list freed
 * it under the driver's feet), an unprobed one sees its new kernel
 * driver, and only the new device gets probed.
 */
static int
test_pci_rescan(void)
{
	static const struct fake_dev hotplugged = {
		"0000:00:08.0", "0x1234\n", "0x4242\n", "0x1af4\n", "0x020000\n", "0\n", NULL, -1
	};
	struct rte_pci_device *probed, *idle, *added;
	char dir[256], cmd[300];
	int n, ret;

	SETUP();
	TEST_ASSERT_EQUAL(bus_run(NULL), 0, "log:\n%s", logbuf);
	probed = find_dev("0000:00:05.0");
	idle = find_dev("0000:00:07.0");
	n = count_devs();
	TEST_ASSERT(probed != NULL && probed->driver == &drv_plain, "05.0 probed at init");
	TEST_ASSERT(idle != NULL && idle->kdrv == RTE_PCI_KDRV_NONE, "07.0 on no driver");
	TEST_ASSERT_SUCCESS(fake_dev_rebind("0000:00:07.0", "vfio-pci"), "rebind 07.0");
	TEST_ASSERT_SUCCESS(fake_dev_add(&hotplugged), "add 08.0");

	ret = rte_bus_scan();
	TEST_ASSERT_SUCCESS(ret, "rescan: %d", ret);
	/* Read through the old pointer first: ASan reports it if it was freed. */
	TEST_ASSERT(strcmp(probed->device.name, "0000:00:05.0") == 0, "name intact");
	TEST_ASSERT(probed->driver == &drv_plain, "still bound to its driver");
	TEST_ASSERT(find_dev("0000:00:05.0") == probed, "the probed device is kept");
	TEST_ASSERT(find_dev("0000:00:07.0") == idle, "the unprobed device is kept");
	TEST_ASSERT_EQUAL(idle->kdrv, RTE_PCI_KDRV_VFIO, "and sees its new kernel driver");
	added = find_dev("0000:00:08.0");
	TEST_ASSERT_NOT_NULL(added, "the new device is added");
	TEST_ASSERT_EQUAL(count_devs(), n + 1, "nothing else added or lost");
	ret = rte_bus_probe();
	TEST_ASSERT_SUCCESS(ret, "probe after rescan: %d", ret);
	TEST_ASSERT_EQUAL(probed_count, 2, "only the new device is probed");
	TEST_ASSERT(added->driver == &drv_plain, "08.0 probed");

	bus_reset(NULL);
	TEST_ASSERT_EQUAL(removed_count, 2, "both removed at reset");
	snprintf(dir, sizeof(dir), "%s/bus/pci/devices/%s", root, hotplugged.bdf);
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	TEST_ASSERT_SUCCESS(system(cmd), "remove 08.0");
	TEST_ASSERT_SUCCESS(fake_dev_rebind("0000:00:07.0", NULL), "unbind 07.0");
	return TEST_SUCCESS;
}

/* The same for a --vdev device: a rescan neither duplicates nor re-probes it. */
static int
test_vdev_rescan(void)
{
	static const char name[] = "net_null_rescan0";
	struct rte_devargs da = { .bus = rte_bus_find_by_name("vdev") };
	struct rte_eth_dev_info info;
	struct rte_device *before;
	uint16_t port, ports;
	int ret;

	TEST_ASSERT_SUCCESS(rte_devargs_add(RTE_DEVTYPE_VIRTUAL, name), "--vdev %s", name);
	ret = rte_bus_scan();
	if (ret == 0)
		ret = rte_bus_probe();
	TEST_ASSERT_SUCCESS(ret, "first scan and probe: %d", ret);
	TEST_ASSERT_SUCCESS(rte_eth_dev_get_port_by_name(name, &port), "port created");
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	before = info.device;
	ports = rte_eth_dev_count_avail();

	ret = rte_bus_scan();
	if (ret == 0)
		ret = rte_bus_probe();
	TEST_ASSERT_SUCCESS(ret, "rescan and probe: %d", ret);
	TEST_ASSERT_EQUAL(rte_eth_dev_count_avail(), ports, "no second port");
	TEST_ASSERT_SUCCESS(rte_eth_dev_info_get(port, &info), "info");
	TEST_ASSERT(info.device == before, "same device");
	TEST_ASSERT(strcmp(rte_dev_name(before), name) == 0, "name intact");

	TEST_ASSERT_SUCCESS(rte_vdev_uninit(name), "remove %s", name);
	snprintf(da.name, sizeof(da.name), "%s", name);
	TEST_ASSERT_SUCCESS(rte_devargs_remove(&da), "forget --vdev %s", name);
	return TEST_SUCCESS;
}

static int
test_pci_teardown(void)
{
	if (ready)
		teardown();
	ready = false;
	TEST_ASSERT(access(root, F_OK) != 0, "fake tree removed");
	return TEST_SUCCESS;
}

static const struct test_case pci_cases[] = {
	TEST_CASE(test_pci_id_match),
	TEST_CASE(test_pci_scan_parse),
	TEST_CASE(test_pci_allow_list),
	TEST_CASE(test_pci_allow_kernel_owned),
	TEST_CASE(test_pci_allow_missing),
	TEST_CASE(test_pci_no_vfio),
	TEST_CASE(test_pci_rescan),
	TEST_CASE(test_vdev_rescan),
	TEST_CASE(test_pci_teardown),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(pci, TEST_SUITE_EAL, pci_cases);
