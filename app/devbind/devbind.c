/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * sluice-devbind: show PCI network devices and bind them to vfio-pci (or
 * back to a kernel driver), with the common flags of dpdk-devbind.py.
 *
 * Binding goes through driver_override and drivers_probe, so it works for
 * any device id without new_id. Every check runs before the first change:
 * a refused request changes nothing.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "pci_sysfs.h"

#define PROG "sluice-devbind"

struct options {
	bool status;
	bool unbind;
	bool force;
	bool dry_run;
	bool group;
	const char *driver; /* -b DRIVER */
};

/* Drivers that hand the device to userspace, as dpdk-devbind lists them. */
static const char *const dpdk_drivers[] = {"vfio-pci", "uio_pci_generic", "igb_uio"};

static void usage(FILE *out)
{
	fprintf(out,
		"Usage: " PROG " [options] [DEVICE...]\n"
		"\n"
		"Show network devices and bind them to vfio-pci for Sluice (or back).\n"
		"A DEVICE is a PCI address, DDDD:BB:DD.F or BB:DD.F, or an interface name.\n"
		"\n"
		"  -s, --status          show network devices and the drivers they use\n"
		"  -b, --bind DRIVER     bind the devices to DRIVER (vfio-pci, or a kernel\n"
		"                        driver such as e1000e to give them back)\n"
		"  -u, --unbind          unbind the devices from their driver\n"
		"      --group           also bind or unbind every other device of their\n"
		"                        IOMMU groups (VFIO needs the whole group)\n"
		"      --force           bind even a device whose interface has routes\n"
		"  -n, --dry-run         print what would change, change nothing\n"
		"  -h, --help            this text\n"
		"\n"
		"Examples:\n"
		"  " PROG " --status\n"
		"  " PROG " -b vfio-pci 0000:03:00.0 0000:03:00.1\n"
		"  " PROG " -b e1000e 03:00.0\n"
		"\n"
		"Environment: " SYSFS_ROOT_ENV " is put in front of /sys, /proc and /dev\n"
		"(for tests on a fake tree).\n");
}

static bool is_dpdk_driver(const char *drv)
{
	size_t i;

	for (i = 0; i < sizeof(dpdk_drivers) / sizeof(dpdk_drivers[0]); i++)
		if (strcmp(drv, dpdk_drivers[i]) == 0)
			return true;
	return false;
}

/*
 * The kernel's module names: letters, digits, '_' and '-', shorter than
 * MODULE_NAME_LEN (56). Anything else could name a path under
 * /sys/bus/pci/drivers or reach modprobe as an option ("-r").
 */
#define DRIVER_NAME_MAX 55

static bool driver_name_valid(const char *name)
{
	size_t len = strlen(name);

	if (len == 0 || len > DRIVER_NAME_MAX || name[0] == '-')
		return false;
	return strspn(name, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_-") == len;
}

static void device_name(const struct pci_dev *dev, char *buf, size_t len)
{
	if (pci_ids_name(dev->vendor, dev->device, buf, len) < 0)
		snprintf(buf, len, "Device %04x", dev->device);
}

/* Modules that could drive the device other than its current driver. */
static void unused_drivers(const struct pci_dev *dev, char *buf, size_t len)
{
	pci_dev_modules(dev->bdf, dev->driver, buf, len);
	if (strcmp(dev->driver, "vfio-pci") != 0 && (pci_driver_exists("vfio-pci") || pci_module_loaded("vfio_pci")))
		pci_list_append(buf, len, ",", "vfio-pci");
}

static void print_section(const char *title, const struct pci_dev *devs, int count, int kind)
{
	char name[256], unused[256], ifaces[256];
	int i, shown = 0;

	printf("\n%s\n", title);
	for (i = 0; title[i] != '\0'; i++)
		putchar('=');
	putchar('\n');
	for (i = 0; i < count; i++) {
		const struct pci_dev *d = &devs[i];
		int dev_kind = d->driver[0] == '\0' ? 2 : is_dpdk_driver(d->driver) ? 0 : 1;

		if (!pci_dev_is_network(d) || dev_kind != kind)
			continue;
		device_name(d, name, sizeof(name));
		unused_drivers(d, unused, sizeof(unused));
		printf("%s '%s %04x'", d->bdf, name, d->device);
		if (kind == 0) {
			printf(" drv=%s unused=%s\n", d->driver, unused);
		} else if (kind == 1) {
			pci_dev_ifaces(d->bdf, ifaces, sizeof(ifaces));
			printf(" if=%s drv=%s unused=%s%s\n", ifaces, d->driver, unused,
			       pci_ifaces_have_route(ifaces) ? " *Active*" : "");
		} else {
			printf(" unused=%s\n", unused);
		}
		shown++;
	}
	if (shown == 0)
		printf("<none>\n");
}

static int show_status(void)
{
	struct pci_dev *devs;
	int count;

	count = pci_dev_scan(&devs);
	if (count < 0) {
		fprintf(stderr, PROG ": error: cannot list PCI devices: %s (is sysfs mounted on /sys?)\n",
			strerror(-count));
		return 1;
	}
	print_section("Network devices using DPDK-compatible driver", devs, count, 0);
	print_section("Network devices using kernel driver", devs, count, 1);
	print_section("Other Network devices", devs, count, 2);
	free(devs);
	return 0;
}

/* A device argument: a PCI address, or the name of a network interface. */
static int resolve_device(const char *arg, struct pci_dev *dev)
{
	char bdf[PCI_BDF_LEN], path[PATH_MAX], target[PATH_MAX];
	ssize_t n;

	if (pci_bdf_parse(arg, bdf) < 0) {
		n = readlink(pci_sysfs_path(path, sizeof(path), "/sys/class/net/%s/device", arg), target,
			     sizeof(target) - 1);
		if (n <= 0 || strchr(arg, '/') != NULL) {
			fprintf(stderr,
				PROG ": error: '%s' is not a PCI address (DDDD:BB:DD.F or BB:DD.F) nor a "
				     "network interface; see " PROG " --status\n",
				arg);
			return -EINVAL;
		}
		target[n] = '\0';
		if (pci_bdf_parse(strrchr(target, '/') ? strrchr(target, '/') + 1 : target, bdf) < 0) {
			fprintf(stderr, PROG ": error: interface '%s' is not a PCI device\n", arg);
			return -EINVAL;
		}
	}
	if (pci_dev_read(bdf, dev) < 0) {
		fprintf(stderr, PROG ": error: no PCI device %s; see " PROG " --status for the devices\n", bdf);
		return -ENOENT;
	}
	return 0;
}

static bool listed(const struct pci_dev *devs, int count, const char *bdf)
{
	int i;

	for (i = 0; i < count; i++)
		if (strcmp(devs[i].bdf, bdf) == 0)
			return true;
	return false;
}

/* VFIO and --group need every device in an IOMMU group. */
static int check_groups(const struct pci_dev *devs, int count)
{
	int i;

	for (i = 0; i < count; i++) {
		if (devs[i].iommu_group < 0) {
			fprintf(stderr,
				PROG ": error: %s is in no IOMMU group: the IOMMU is off; add intel_iommu=on "
				     "(or amd_iommu=on) to the kernel command line and reboot\n",
				devs[i].bdf);
			return -ENODEV;
		}
	}
	return 0;
}

/* Add the other devices of each device's IOMMU group (bridges excepted). */
static int add_group_members(struct pci_dev **devs, int *count)
{
	int i, j, n, start_count = *count;
	struct pci_dev *members, *grown;

	for (i = 0; i < start_count; i++) {
		n = pci_group_scan((*devs)[i].iommu_group, &members);
		if (n < 0)
			continue;
		for (j = 0; j < n; j++) {
			if (pci_dev_is_bridge(&members[j]) || listed(*devs, *count, members[j].bdf))
				continue;
			grown = realloc(*devs, (size_t)(*count + 1) * sizeof(**devs));
			if (grown == NULL) {
				free(members);
				return -ENOMEM;
			}
			*devs = grown;
			(*devs)[(*count)++] = members[j];
		}
		free(members);
	}
	return 0;
}

/* modprobe the driver's module; 0 when the driver is there afterwards. */
static int load_driver(const char *driver)
{
	pid_t pid;
	int st;

	pid = fork();
	if (pid < 0)
		return -errno;
	if (pid == 0) {
		execlp("modprobe", "modprobe", "-q", driver, (char *)NULL);
		_exit(127);
	}
	if (waitpid(pid, &st, 0) < 0)
		return -errno;
	if (!WIFEXITED(st))
		return -EIO;
	if (WEXITSTATUS(st) == 127)
		return -ENOENT;
	return pci_driver_exists(driver) ? 0 : -ENODEV;
}

static int check_driver(const struct options *o)
{
	int ret;

	if (pci_driver_exists(o->driver))
		return 0;
	if (o->dry_run) {
		printf("would load module %s (modprobe %s)\n", o->driver, o->driver);
		return 0;
	}
	ret = load_driver(o->driver);
	if (ret == 0) {
		printf("loaded module %s\n", o->driver);
		return 0;
	}
	if (ret == -ENOENT)
		fprintf(stderr,
			PROG ": error: driver %s is not loaded and modprobe is not installed; load it "
			     "with 'modprobe %s' (package kmod)\n",
			o->driver, o->driver);
	else if (strcmp(o->driver, "vfio-pci") == 0)
		fprintf(stderr,
			PROG ": error: vfio-pci is not loaded and 'modprobe vfio-pci' failed: install the "
			     "running kernel's modules, or build it with CONFIG_VFIO_PCI\n");
	else
		fprintf(stderr,
			PROG ": error: unknown driver '%s': it is not loaded and 'modprobe %s' failed; "
			     "use vfio-pci, or the name of a kernel driver from " PROG " --status\n",
			o->driver, o->driver);
	return -ENODEV;
}

static const char *dev_path(char *buf, size_t len, const struct pci_dev *dev, const char *attr)
{
	return pci_sysfs_path(buf, len, "/sys/bus/pci/devices/%s/%s", dev->bdf, attr);
}

static int write_attr(const char *path, const char *val, const struct pci_dev *dev)
{
	int ret = pci_sysfs_write(path, val);

	if (ret < 0)
		fprintf(stderr, PROG ": error: %s: writing '%s' to %s failed: %s\n", dev->bdf, val, path,
			strerror(-ret));
	return ret;
}

static int unbind_one(const struct pci_dev *dev, const struct options *o)
{
	char path[PATH_MAX];
	int ret;

	if (o->dry_run) {
		printf("%s: would unbind from %s\n", dev->bdf, dev->driver);
		return 0;
	}
	ret = write_attr(dev_path(path, sizeof(path), dev, "driver/unbind"), dev->bdf, dev);
	if (ret == 0)
		printf("%s: unbound from %s\n", dev->bdf, dev->driver);
	return ret;
}

/* Clear driver_override so the kernel picks the driver by id again. */
static void clear_override(const struct pci_dev *dev)
{
	char path[PATH_MAX], val[PCI_NAME_LEN];

	if (pci_sysfs_read(dev_path(path, sizeof(path), dev, "driver_override"), val, sizeof(val)) == 0 &&
	    strcmp(val, "(null)") != 0 && val[0] != '\0' && pci_sysfs_write(path, "\n") == 0)
		printf("%s: driver_override cleared (was %s)\n", dev->bdf, val);
}

static int probe(const struct pci_dev *dev)
{
	char path[PATH_MAX];

	return write_attr(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/drivers_probe"), dev->bdf, dev);
}

static int bind_one(const struct pci_dev *dev, const struct options *o)
{
	char path[PATH_MAX], vfio[PATH_MAX];
	struct pci_dev now;
	struct stat st;
	int ret;

	if (strcmp(dev->driver, o->driver) == 0) {
		printf("%s: already bound to %s, skipping\n", dev->bdf, o->driver);
		return 0;
	}
	if (o->dry_run) {
		if (dev->driver[0] != '\0')
			printf("%s: would unbind from %s\n", dev->bdf, dev->driver);
		printf("%s: would bind to %s\n", dev->bdf, o->driver);
		return 0;
	}
	if (dev->driver[0] != '\0' && unbind_one(dev, o) < 0)
		return -EIO;
	ret = write_attr(dev_path(path, sizeof(path), dev, "driver_override"), o->driver, dev);
	if (ret == 0)
		ret = probe(dev);
	if (ret == 0 && (pci_dev_read(dev->bdf, &now) < 0 || strcmp(now.driver, o->driver) != 0)) {
		fprintf(stderr, PROG ": error: %s: %s did not take the device (see dmesg)\n", dev->bdf, o->driver);
		ret = -EIO;
	}
	if (ret < 0) {
		/* Give the device back to the driver it had. */
		clear_override(dev);
		if (dev->driver[0] != '\0' && probe(dev) == 0 && pci_dev_read(dev->bdf, &now) == 0 &&
		    now.driver[0] != '\0')
			printf("%s: rebound to %s\n", dev->bdf, now.driver);
		return ret;
	}
	printf("%s: bound to %s", dev->bdf, o->driver);
	if (strcmp(o->driver, "vfio-pci") == 0 && now.iommu_group >= 0) {
		pci_sysfs_path(vfio, sizeof(vfio), "/dev/vfio/%d", now.iommu_group);
		printf(" (IOMMU group %d, /dev/vfio/%d%s)", now.iommu_group, now.iommu_group,
		       stat(vfio, &st) == 0 ? "" : " not present yet");
	}
	printf("\n");
	return 0;
}

static int unbind_device(const struct pci_dev *dev, const struct options *o)
{
	int ret;

	if (dev->driver[0] == '\0') {
		printf("%s: not bound to any driver, skipping\n", dev->bdf);
		return 0;
	}
	ret = unbind_one(dev, o);
	if (ret == 0 && !o->dry_run)
		clear_override(dev);
	return ret;
}

/* Checks that need no change: a device busy in the kernel's stack. */
static int check_active(const struct pci_dev *devs, int count, const struct options *o)
{
	char ifaces[256];
	int i;

	if (o->force)
		return 0;
	for (i = 0; i < count; i++) {
		if (o->driver != NULL && strcmp(devs[i].driver, o->driver) == 0)
			continue;
		pci_dev_ifaces(devs[i].bdf, ifaces, sizeof(ifaces));
		if (pci_ifaces_have_route(ifaces)) {
			fprintf(stderr,
				PROG ": error: %s (%s) is active: its interface has routes; take it down "
				     "first (ip link set %.*s down) or pass --force\n",
				devs[i].bdf, ifaces, (int)strcspn(ifaces, ","), ifaces);
			return -EBUSY;
		}
	}
	return 0;
}

static int change_devices(char **args, int nargs, const struct options *o)
{
	struct pci_dev *devs;
	int i, count = 0, ret = 0;

	devs = calloc((size_t)nargs, sizeof(*devs));
	if (devs == NULL)
		return -ENOMEM;
	for (i = 0; i < nargs && ret == 0; i++) {
		ret = resolve_device(args[i], &devs[count]);
		if (ret == 0 && !listed(devs, count, devs[count].bdf))
			count++;
	}
	if (ret == 0 && (o->group || (o->driver != NULL && strcmp(o->driver, "vfio-pci") == 0)))
		ret = check_groups(devs, count);
	if (ret == 0 && o->group)
		ret = add_group_members(&devs, &count);
	if (ret == 0 && !o->dry_run && geteuid() != 0) {
		fprintf(stderr, PROG ": error: changing drivers needs root; run it with sudo (or --dry-run)\n");
		ret = -EPERM;
	}
	if (ret == 0 && o->driver != NULL)
		ret = check_driver(o);
	if (ret == 0)
		ret = check_active(devs, count, o);
	for (i = 0; i < count && ret == 0; i++)
		ret = o->driver != NULL ? bind_one(&devs[i], o) : unbind_device(&devs[i], o);
	free(devs);
	return ret;
}

int main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"status", no_argument, NULL, 's'}, {"bind", required_argument, NULL, 'b'},
		{"unbind", no_argument, NULL, 'u'}, {"force", no_argument, NULL, 'F'},
		{"dry-run", no_argument, NULL, 'n'}, {"group", no_argument, NULL, 'g'},
		{"help", no_argument, NULL, 'h'},   {NULL, 0, NULL, 0},
	};
	struct options o = {0};
	int c, ret = 0;

	opterr = 0; /* one line of our own for each mistake */
	while ((c = getopt_long(argc, argv, ":sb:unh", longopts, NULL)) != -1) {
		switch (c) {
		case 's': o.status = true; break;
		case 'b': o.driver = optarg; break;
		case 'u': o.unbind = true; break;
		case 'F': o.force = true; break;
		case 'n': o.dry_run = true; break;
		case 'g': o.group = true; break;
		case 'h': usage(stdout); return 0;
		case ':':
			fprintf(stderr, PROG ": error: option '%s' needs a value; see " PROG " --help\n",
				argv[optind - 1]);
			return 2;
		default:
			/* inside "-sX", optind still names the word before */
			if (optopt > 0 && optopt < 128)
				fprintf(stderr, PROG ": error: unknown option '-%c'; see " PROG " --help\n",
					optopt);
			else
				fprintf(stderr, PROG ": error: unknown option '%s'; see " PROG " --help\n",
					argv[optind - 1]);
			return 2;
		}
	}
	if (o.driver != NULL && !driver_name_valid(o.driver)) {
		fprintf(stderr,
			PROG ": error: invalid driver name '%s': give a kernel module name (letters, "
			     "digits, '_' and '-', not starting with '-', at most %d), e.g. -b vfio-pci\n",
			o.driver, DRIVER_NAME_MAX);
		return 2;
	}
	if (o.driver != NULL && o.unbind) {
		fprintf(stderr, PROG ": error: --bind and --unbind exclude each other; pick one\n");
		return 2;
	}
	if ((o.driver != NULL || o.unbind) && optind == argc) {
		fprintf(stderr, PROG ": error: no device given; name PCI addresses, see " PROG " --status\n");
		return 2;
	}
	if (o.driver == NULL && !o.unbind && !o.status) {
		if (optind < argc)
			fprintf(stderr, PROG ": error: devices given without --bind or --unbind\n");
		else
			usage(stderr);
		return 2;
	}
	if (o.driver != NULL || o.unbind)
		ret = change_devices(argv + optind, argc - optind, &o) < 0 ? 1 : 0;
	if (o.status && ret == 0)
		ret = show_status();
	return ret;
}
