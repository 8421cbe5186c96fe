/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-doctor [DEVICE...]: check that this machine can run Sluice on
 * real devices through VFIO, and print the exact fix for what is missing.
 *
 * Each check prints one line, "ok", "warn" or "fail", and a failed or
 * warned check a "fix:" line below it. Exit status: 0 when a run would
 * work (warnings allowed), 1 when a check failed, 2 for bad usage.
 */
#include <dirent.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "pci_sysfs.h"

#define PROG "sluice-doctor"
#define DEVBIND "sluice-devbind"

/* VIRTIO_F_ACCESS_PLATFORM, virtio 1.1 section 6: the device's DMA goes
 * through the platform's IOMMU. */
#define VIRTIO_F_ACCESS_PLATFORM 33

enum level { LEVEL_OK, LEVEL_WARN, LEVEL_FAIL };

static unsigned int n_warn, n_fail;

/* Print one check; `fix` may be NULL for an ok line. */
__attribute__((format(printf, 3, 4))) static void report(enum level lvl, const char *fix, const char *fmt, ...)
{
	static const char *const tag[] = {"ok", "warn", "fail"};
	va_list ap;

	printf("%-4s  ", tag[lvl]);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	if (fix != NULL && lvl != LEVEL_OK)
		printf("      fix: %s\n", fix);
	if (lvl == LEVEL_WARN)
		n_warn++;
	else if (lvl == LEVEL_FAIL)
		n_fail++;
}

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [DEVICE...]\n"
		"\n"
		"Check that Sluice can drive the given PCI devices (DDDD:BB:DD.F or BB:DD.F)\n"
		"through VFIO: IOMMU, vfio modules and /dev/vfio, each device's driver and\n"
		"IOMMU group, hugepages and locked-memory limits. Without a device, the\n"
		"devices bound to vfio-pci are checked. Each failed check prints its fix.\n"
		"Exit status: 0 when a run would work, 1 when a check failed.\n"
		"\n"
		"Environment: " SYSFS_ROOT_ENV " is put in front of /sys, /proc and /dev\n"
		"(for tests on a fake tree).\n");
}

/* True when the word (a kernel option) is on the kernel command line. */
static bool cmdline_has(const char *opt)
{
	char path[PATH_MAX], line[4096], *tok, *save;

	if (pci_sysfs_read(pci_sysfs_path(path, sizeof(path), "/proc/cmdline"), line, sizeof(line)) < 0)
		return false;
	for (tok = strtok_r(line, " ", &save); tok != NULL; tok = strtok_r(NULL, " ", &save))
		if (strcmp(tok, opt) == 0)
			return true;
	return false;
}

/* Print what an Intel IOMMU's address width means for IOVAs. */
static void check_iommu_width(const char *unit)
{
	char path[PATH_MAX], buf[64], fix[256];
	unsigned int mgaw, sagaw;
	uint64_t cap;
	char *end;

	/* Only VT-d units have the capability register (AMD-Vi has no such file). */
	if (pci_sysfs_read(pci_sysfs_path(path, sizeof(path), "/sys/class/iommu/%s/intel-iommu/cap", unit), buf,
			   sizeof(buf)) < 0)
		return;
	cap = strtoull(buf, &end, 16);
	if (end == buf || *end != '\0') {
		report(LEVEL_WARN, "none needed to run; report the value", "IOMMU %s: unreadable capability '%s'",
		       unit, buf);
		return;
	}
	/* VT-d spec 11.4.2 Capability Register: MGAW is bits 21:16 (width
	 * minus one); SAGAW bits 12:8, bit 1 = 39-bit 3-level, bit 2 = 48-bit
	 * 4-level, bit 3 = 57-bit 5-level page tables. */
	mgaw = (unsigned int)((cap >> 16) & 0x3f) + 1;
	sagaw = (unsigned int)((cap >> 8) & 0x1f);
	if (mgaw < 39) {
		snprintf(fix, sizeof(fix),
			 "use an IOMMU with at least 39 address bits (QEMU: -device intel-iommu,aw-bits=48)");
		report(LEVEL_FAIL, fix, "IOMMU %s: %u-bit addresses (MGAW %u, SAGAW 0x%x): too few for Sluice's "
		       "memory", unit, mgaw, mgaw, sagaw);
	} else if (mgaw < 48) {
		report(LEVEL_OK, NULL,
		       "IOMMU %s: %u-bit addresses (MGAW %u, SAGAW 0x%x): IOVA must be below %" PRIu64
		       " GiB; Sluice places its memory low, so it fits",
		       unit, mgaw, mgaw, sagaw, (UINT64_C(1) << mgaw) >> 30);
	} else {
		report(LEVEL_OK, NULL,
		       "IOMMU %s: %u-bit addresses (MGAW %u, SAGAW 0x%x): IOVA below %" PRIu64
		       " TiB, any process address fits",
		       unit, mgaw, mgaw, sagaw, (UINT64_C(1) << mgaw) >> 40);
	}
}

static bool check_iommu(void)
{
	char path[PATH_MAX], units[256] = "", *unit, *save;
	struct dirent *de;
	int count = 0;
	DIR *d;

	d = opendir(pci_sysfs_path(path, sizeof(path), "/sys/class/iommu"));
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		pci_list_append(units, sizeof(units), " ", "%s", de->d_name);
		count++;
	}
	if (d != NULL)
		closedir(d);
	if (count == 0) {
		if (cmdline_has("intel_iommu=on") || cmdline_has("amd_iommu=on"))
			report(LEVEL_FAIL,
			       "the kernel has the IOMMU option but found no IOMMU: enable VT-d (Intel) or "
			       "AMD-Vi in the firmware setup; in QEMU add -device intel-iommu to a q35 machine",
			       "IOMMU: none present (/sys/class/iommu is empty)");
		else
			report(LEVEL_FAIL,
			       "add intel_iommu=on (Intel) or amd_iommu=on (AMD) to the kernel command line "
			       "(GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub) and reboot; in QEMU also "
			       "add -device intel-iommu",
			       "IOMMU: none enabled (/sys/class/iommu is empty)");
		return false;
	}
	report(LEVEL_OK, NULL, "IOMMU: %s enabled", units);
	for (unit = strtok_r(units, " ", &save); unit != NULL; unit = strtok_r(NULL, " ", &save))
		check_iommu_width(unit);
	return true;
}

/* /dev/vfio/NAME exists and this user can open it for reading and writing. */
static void check_dev_node(const char *name, const char *what)
{
	char path[PATH_MAX], fix[PATH_MAX + 128];
	struct stat st;

	pci_sysfs_path(path, sizeof(path), "/dev/vfio/%s", name);
	if (stat(path, &st) < 0) {
		report(LEVEL_FAIL,
		       strcmp(name, "vfio") == 0 ? "modprobe vfio-pci (and mount devtmpfs on /dev)"
						 : "bind the device to vfio-pci: " DEVBIND " -b vfio-pci DEVICE",
		       "/dev/vfio/%s (%s): missing", name, what);
		return;
	}
	if (access(path, R_OK | W_OK) < 0) {
		snprintf(fix, sizeof(fix),
			 "run as root, or give this user the device: chown %s /dev/vfio/%s (a udev rule "
			 "makes it last)",
			 getenv("USER") ? getenv("USER") : "$USER", name);
		report(LEVEL_FAIL, fix, "/dev/vfio/%s (%s): no read/write access (mode %03o, owner %u)", name, what,
		       st.st_mode & 0777, (unsigned int)st.st_uid);
		return;
	}
	report(LEVEL_OK, NULL, "/dev/vfio/%s (%s): read/write access", name, what);
}

static bool check_vfio(void)
{
	static const char *const mods[][2] = {
		{"vfio", "modprobe vfio"},
		{"vfio_iommu_type1", "modprobe vfio_iommu_type1"},
		{"vfio_pci", "modprobe vfio-pci"},
	};
	bool all = true;
	size_t i;

	for (i = 0; i < sizeof(mods) / sizeof(mods[0]); i++) {
		if (pci_module_loaded(mods[i][0])) {
			report(LEVEL_OK, NULL, "module %s loaded", mods[i][0]);
		} else {
			report(LEVEL_FAIL, mods[i][1], "module %s not loaded", mods[i][0]);
			all = false;
		}
	}
	check_dev_node("vfio", "VFIO container");
	return all;
}

/* Drivers a group member may have without making the group unusable. */
static bool viable_driver(const char *drv)
{
	return drv[0] == '\0' || strcmp(drv, "vfio-pci") == 0 || strcmp(drv, "pci-stub") == 0;
}

static void check_group(const struct pci_dev *dev)
{
	char fix[512], offenders[512] = "", name[32];
	struct pci_dev *members;
	int i, n, bad = 0;

	if (dev->iommu_group < 0) {
		report(LEVEL_FAIL, "enable the IOMMU (see the IOMMU check above)", "%s: in no IOMMU group", dev->bdf);
		return;
	}
	n = pci_group_scan(dev->iommu_group, &members);
	if (n < 0) {
		report(LEVEL_FAIL, "enable the IOMMU (see the IOMMU check above)", "%s: IOMMU group %d unreadable: %s",
		       dev->bdf, dev->iommu_group, strerror(-n));
		return;
	}
	for (i = 0; i < n; i++) {
		const struct pci_dev *m = &members[i];

		/* Bridges stay with their kernel driver (pcieport): VFIO accepts them. */
		if (strcmp(m->bdf, dev->bdf) == 0 || pci_dev_is_bridge(m) || viable_driver(m->driver))
			continue;
		pci_list_append(offenders, sizeof(offenders), ", ", "%s (%04x:%04x) is bound to %s", m->bdf,
				m->vendor, m->device, m->driver);
		if (bad++ == 0)
			snprintf(fix, sizeof(fix),
				 "bind the whole group: " DEVBIND " --group -b vfio-pci %s (or " DEVBIND
				 " -b vfio-pci %s)",
				 dev->bdf, m->bdf);
	}
	free(members);
	if (bad) {
		report(LEVEL_FAIL, fix, "%s: IOMMU group %d is not viable: %s", dev->bdf, dev->iommu_group,
		       offenders);
		return;
	}
	report(LEVEL_OK, NULL, "%s: IOMMU group %d is viable (%d device%s)", dev->bdf, dev->iommu_group, n,
	       n == 1 ? "" : "s");
	if (strcmp(dev->driver, "vfio-pci") == 0) {
		snprintf(name, sizeof(name), "%d", dev->iommu_group);
		check_dev_node(name, "IOMMU group");
	}
}

/* A virtio device must offer VIRTIO_F_ACCESS_PLATFORM or its DMA skips the IOMMU. */
static void check_virtio(const struct pci_dev *dev)
{
	static const char *const fix =
		"give the device VIRTIO_F_ACCESS_PLATFORM (QEMU: -device "
		"virtio-net-pci,iommu_platform=on,disable-legacy=on); without it its DMA bypasses the IOMMU";
	char path[PATH_MAX], features[256] = "";
	struct dirent *de;
	DIR *d;

	if (strcmp(dev->driver, "vfio-pci") == 0) {
		report(LEVEL_WARN, fix,
		       "%s: virtio features cannot be read while on vfio-pci (only the virtio driver shows "
		       "them)",
		       dev->bdf);
		return;
	}
	d = opendir(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s", dev->bdf));
	while (d != NULL && (de = readdir(d)) != NULL) {
		char sub[PATH_MAX];

		if (strncmp(de->d_name, "virtio", 6) != 0 ||
		    (size_t)snprintf(sub, sizeof(sub), "%s/%s/features", path, de->d_name) >= sizeof(sub))
			continue;
		if (pci_sysfs_read(sub, features, sizeof(features)) == 0)
			break;
	}
	if (d != NULL)
		closedir(d);
	/* The sysfs features file is one '0'/'1' character per bit, bit 0 first. */
	if (strlen(features) <= VIRTIO_F_ACCESS_PLATFORM) {
		report(LEVEL_WARN, fix, "%s: virtio features unknown (no virtio driver bound)", dev->bdf);
	} else if (features[VIRTIO_F_ACCESS_PLATFORM] == '1') {
		report(LEVEL_OK, NULL, "%s: virtio device offers VIRTIO_F_ACCESS_PLATFORM (DMA goes through the IOMMU)",
		       dev->bdf);
	} else {
		report(LEVEL_FAIL, fix, "%s: virtio device does not offer VIRTIO_F_ACCESS_PLATFORM", dev->bdf);
	}
}

static void check_device(const struct pci_dev *dev)
{
	char fix[128];

	snprintf(fix, sizeof(fix), DEVBIND " -b vfio-pci %s", dev->bdf);
	if (strcmp(dev->driver, "vfio-pci") == 0)
		report(LEVEL_OK, NULL, "%s (%04x:%04x): bound to vfio-pci", dev->bdf, dev->vendor, dev->device);
	else if (dev->driver[0] == '\0')
		report(LEVEL_FAIL, fix, "%s (%04x:%04x): bound to no driver, not vfio-pci", dev->bdf, dev->vendor,
		       dev->device);
	else
		report(LEVEL_FAIL, fix, "%s (%04x:%04x): on kernel driver %s, not vfio-pci", dev->bdf, dev->vendor,
		       dev->device, dev->driver);
	check_group(dev);
	if (dev->vendor == PCI_VENDOR_VIRTIO)
		check_virtio(dev);
}

/* Check the named devices, or those on vfio-pci when none are named. */
static void check_devices(char **args, int nargs)
{
	struct pci_dev dev, *all;
	char bdf[PCI_BDF_LEN];
	int i, n, found = 0;

	for (i = 0; i < nargs; i++) {
		if (pci_bdf_parse(args[i], bdf) < 0) {
			report(LEVEL_FAIL, "name devices as DDDD:BB:DD.F or BB:DD.F (" DEVBIND " --status lists them)",
			       "'%s' is not a PCI address", args[i]);
		} else if (pci_dev_read(bdf, &dev) < 0) {
			report(LEVEL_FAIL, DEVBIND " --status lists the network devices", "%s: no such PCI device",
			       bdf);
		} else {
			check_device(&dev);
		}
	}
	if (nargs > 0)
		return;
	n = pci_dev_scan(&all);
	for (i = 0; i < n; i++) {
		if (strcmp(all[i].driver, "vfio-pci") == 0) {
			check_device(&all[i]);
			found++;
		}
	}
	if (n > 0)
		free(all);
	if (found == 0)
		report(LEVEL_WARN, DEVBIND " -b vfio-pci DEVICE (see " DEVBIND " --status)",
		       "no device is bound to vfio-pci");
}

/* Per-node counts of one hugepage size, "node0 256/256 free, ..." */
static void node_counts(const char *size_dir, char *buf, size_t len)
{
	char path[PATH_MAX], sub[PATH_MAX];
	unsigned long total, free_pages;
	struct dirent *de;
	DIR *d;

	buf[0] = '\0';
	d = opendir(pci_sysfs_path(path, sizeof(path), "/sys/devices/system/node"));
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "node", 4) != 0 || de->d_name[4] < '0' || de->d_name[4] > '9')
			continue;
		pci_sysfs_path(sub, sizeof(sub), "/sys/devices/system/node/%s/hugepages/%s/nr_hugepages", de->d_name,
			       size_dir);
		if (pci_sysfs_read_ulong(sub, &total) < 0)
			continue;
		pci_sysfs_path(sub, sizeof(sub), "/sys/devices/system/node/%s/hugepages/%s/free_hugepages",
			       de->d_name, size_dir);
		if (pci_sysfs_read_ulong(sub, &free_pages) < 0)
			continue;
		pci_list_append(buf, len, ", ", "%s %lu/%lu free", de->d_name, free_pages, total);
	}
	if (d != NULL)
		closedir(d);
}

/* Returns the bytes of hugepages reserved, all sizes together. */
static uint64_t check_hugepages(void)
{
	char path[PATH_MAX], sub[PATH_MAX], nodes[512];
	unsigned long total, free_pages, kb;
	uint64_t bytes = 0, free_bytes = 0;
	struct dirent *de;
	DIR *d;

	d = opendir(pci_sysfs_path(path, sizeof(path), "/sys/kernel/mm/hugepages"));
	while (d != NULL && (de = readdir(d)) != NULL) {
		if (sscanf(de->d_name, "hugepages-%lukB", &kb) != 1)
			continue;
		pci_sysfs_path(sub, sizeof(sub), "/sys/kernel/mm/hugepages/%s/nr_hugepages", de->d_name);
		if (pci_sysfs_read_ulong(sub, &total) < 0)
			continue;
		pci_sysfs_path(sub, sizeof(sub), "/sys/kernel/mm/hugepages/%s/free_hugepages", de->d_name);
		if (pci_sysfs_read_ulong(sub, &free_pages) < 0)
			continue;
		bytes += (uint64_t)total * kb * 1024;
		free_bytes += (uint64_t)free_pages * kb * 1024;
		if (total == 0)
			continue;
		node_counts(de->d_name, nodes, sizeof(nodes));
		report(free_pages ? LEVEL_OK : LEVEL_WARN, "stop what uses them, or reserve more (see below)",
		       "hugepages %lu kB: %lu total, %lu free%s%s%s", kb, total, free_pages, nodes[0] ? " (" : "",
		       nodes, nodes[0] ? ")" : "");
	}
	if (d != NULL)
		closedir(d);
	if (free_bytes == 0)
		report(LEVEL_FAIL,
		       "echo 256 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages (or hugepages=256 on the "
		       "kernel command line), or run with --no-huge",
		       "hugepages: none free");
	return bytes;
}

static void check_hugetlbfs(void)
{
	char path[PATH_MAX], dev[256], dir[PATH_MAX], type[64], opts[512], mounts[1024] = "";
	FILE *f;

	f = fopen(pci_sysfs_path(path, sizeof(path), "/proc/mounts"), "re");
	while (f != NULL && fscanf(f, "%255s %4095s %63s %511s %*[^\n]", dev, dir, type, opts) == 4) {
		char *ps;

		if (strcmp(type, "hugetlbfs") != 0)
			continue;
		ps = strstr(opts, "pagesize=");
		pci_list_append(mounts, sizeof(mounts), ", ", "%s (%.*s)", dir, ps ? (int)strcspn(ps, ",") : 7,
				ps ? ps : "default");
	}
	if (f != NULL)
		fclose(f);
	if (mounts[0] != '\0')
		report(LEVEL_OK, NULL, "hugetlbfs mounted on %s", mounts);
	else
		report(LEVEL_WARN,
		       "mount -t hugetlbfs nodev /dev/hugepages (needed only for --huge-dir; Sluice takes "
		       "hugepages from memfd by default)",
		       "hugetlbfs: not mounted");
}

static void check_memlock(uint64_t huge_bytes)
{
	char fix[256];
	struct rlimit rl;

	/* Root has CAP_IPC_LOCK: vfio_iommu_type1 then pins without a limit. */
	if (geteuid() == 0) {
		report(LEVEL_OK, NULL, "locked memory: running as root, not limited");
		return;
	}
	if (getrlimit(RLIMIT_MEMLOCK, &rl) < 0 || rl.rlim_cur == RLIM_INFINITY) {
		report(LEVEL_OK, NULL, "locked memory: unlimited");
		return;
	}
	snprintf(fix, sizeof(fix),
		 "ulimit -l unlimited, or '%s hard memlock unlimited' in /etc/security/limits.conf "
		 "(LimitMEMLOCK=infinity for a service)",
		 getenv("USER") ? getenv("USER") : "$USER");
	if ((uint64_t)rl.rlim_cur < huge_bytes || huge_bytes == 0)
		report(LEVEL_FAIL, fix,
		       "locked memory: limit %" PRIu64 " KiB is below the %" PRIu64
		       " KiB of hugepages VFIO must pin (RLIMIT_MEMLOCK)",
		       (uint64_t)rl.rlim_cur >> 10, huge_bytes >> 10);
	else
		report(LEVEL_OK, NULL, "locked memory: limit %" PRIu64 " KiB covers the hugepages",
		       (uint64_t)rl.rlim_cur >> 10);
}

int main(int argc, char **argv)
{
	uint64_t huge_bytes;
	int i;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "-h") == 0 || strcmp(argv[i], "--help") == 0) {
			usage(stdout);
			return 0;
		}
		if (argv[i][0] == '-') {
			fprintf(stderr, PROG ": error: unknown option '%s'; see " PROG " --help\n", argv[i]);
			return 2;
		}
	}
	check_iommu();
	check_vfio();
	check_devices(argv + 1, argc - 1);
	huge_bytes = check_hugepages();
	check_hugetlbfs();
	check_memlock(huge_bytes);
	if (n_fail > 0) {
		printf("%s: %u check%s failed, %u warning%s: a run would not work; apply the fixes above\n", PROG,
		       n_fail, n_fail == 1 ? "" : "s", n_warn, n_warn == 1 ? "" : "s");
		return 1;
	}
	printf("%s: all checks passed (%u warning%s)\n", PROG, n_warn, n_warn == 1 ? "" : "s");
	return 0;
}
