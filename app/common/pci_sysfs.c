/* SPDX-License-Identifier: BSD-3-Clause */
#include "pci_sysfs.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

const char *pci_sysfs_path(char *buf, size_t len, const char *fmt, ...)
{
	const char *root = getenv(SYSFS_ROOT_ENV);
	size_t n = 0;
	va_list ap;

	if (root != NULL && root[0] != '\0')
		n = (size_t)snprintf(buf, len, "%s", root);
	if (n >= len)
		n = len - 1;
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
	return buf;
}

void pci_list_append(char *buf, size_t len, const char *sep, const char *fmt, ...)
{
	size_t n = strlen(buf);
	va_list ap;

	if (n > 0 && n + strlen(sep) < len) {
		strcpy(buf + n, sep);
		n += strlen(sep);
	}
	va_start(ap, fmt);
	vsnprintf(buf + n, len - n, fmt, ap);
	va_end(ap);
}

int pci_sysfs_read(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = read(fd, buf, len - 1);
	if (n < 0) {
		n = -errno;
		close(fd);
		return (int)n;
	}
	close(fd);
	while (n > 0 && (buf[n - 1] == '\n' || buf[n - 1] == ' '))
		n--;
	buf[n] = '\0';
	return 0;
}

int pci_sysfs_read_ulong(const char *path, unsigned long *val)
{
	char buf[64], *end;
	int ret;

	ret = pci_sysfs_read(path, buf, sizeof(buf));
	if (ret < 0)
		return ret;
	errno = 0;
	*val = strtoul(buf, &end, 0);
	if (errno != 0 || end == buf || *end != '\0')
		return -EINVAL;
	return 0;
}

int pci_sysfs_write(const char *path, const char *val)
{
	size_t len = strlen(val);
	ssize_t n;
	int fd;

	fd = open(path, O_WRONLY | O_TRUNC | O_CLOEXEC);
	if (fd < 0)
		return -errno;
	n = write(fd, val, len);
	if (n < 0) {
		n = -errno;
		close(fd);
		return (int)n;
	}
	close(fd);
	return (size_t)n == len ? 0 : -EIO;
}

static int hex_field(const char *s, int digits, unsigned int *val)
{
	char tmp[8];
	int i;

	for (i = 0; i < digits; i++)
		if (!isxdigit((unsigned char)s[i]))
			return -EINVAL;
	memcpy(tmp, s, (size_t)digits);
	tmp[digits] = '\0';
	*val = (unsigned int)strtoul(tmp, NULL, 16);
	return 0;
}

int pci_bdf_parse(const char *in, char out[PCI_BDF_LEN])
{
	unsigned int dom = 0, bus, dev, fn;
	size_t len = strlen(in);

	if (len == 12) {
		if (hex_field(in, 4, &dom) < 0 || in[4] != ':')
			return -EINVAL;
		in += 5;
	} else if (len != 7) {
		return -EINVAL;
	}
	/* BB:DD.F; the device number is 5 bits, the function 3. */
	if (hex_field(in, 2, &bus) < 0 || in[2] != ':' || hex_field(in + 3, 2, &dev) < 0 ||
	    in[5] != '.' || hex_field(in + 6, 1, &fn) < 0 || dev > 0x1f || fn > 7)
		return -EINVAL;
	snprintf(out, PCI_BDF_LEN, "%04x:%02x:%02x.%x", dom, bus, dev, fn);
	return 0;
}

static void link_basename(const char *path, char *buf, size_t len)
{
	char target[PATH_MAX];
	ssize_t n;

	buf[0] = '\0';
	n = readlink(path, target, sizeof(target) - 1);
	if (n <= 0)
		return;
	target[n] = '\0';
	if ((size_t)snprintf(buf, len, "%s", strrchr(target, '/') ? strrchr(target, '/') + 1 : target) >= len)
		buf[0] = '\0'; /* no sysfs name is that long */
}

int pci_dev_read(const char *bdf, struct pci_dev *dev)
{
	char path[PATH_MAX], name[PCI_NAME_LEN];
	unsigned long v;
	int ret;

	memset(dev, 0, sizeof(*dev));
	snprintf(dev->bdf, sizeof(dev->bdf), "%s", bdf);
	ret = pci_sysfs_read_ulong(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/vendor", bdf), &v);
	if (ret < 0)
		return ret;
	dev->vendor = (unsigned int)v;
	if (pci_sysfs_read_ulong(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/device", bdf), &v) == 0)
		dev->device = (unsigned int)v;
	if (pci_sysfs_read_ulong(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/class", bdf), &v) == 0)
		dev->class_code = (unsigned int)v;
	link_basename(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/driver", bdf), dev->driver,
		      sizeof(dev->driver));
	link_basename(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/iommu_group", bdf), name,
		      sizeof(name));
	dev->iommu_group = name[0] != '\0' ? atoi(name) : -1;
	return 0;
}

static int bdf_cmp(const void *a, const void *b)
{
	return strcmp(((const struct pci_dev *)a)->bdf, ((const struct pci_dev *)b)->bdf);
}

/* Read every device named in folder `dir` (entries are BDFs). */
static int scan_folder(const char *dir, struct pci_dev **devs)
{
	struct pci_dev *list = NULL, *grown;
	size_t count = 0, cap = 0;
	struct dirent *de;
	DIR *d;

	*devs = NULL;
	d = opendir(dir);
	if (d == NULL)
		return -errno;
	while ((de = readdir(d)) != NULL) {
		char bdf[PCI_BDF_LEN];

		if (pci_bdf_parse(de->d_name, bdf) < 0)
			continue;
		if (count == cap) {
			cap = cap ? 2 * cap : 32;
			grown = realloc(list, cap * sizeof(*list));
			if (grown == NULL) {
				free(list);
				closedir(d);
				return -ENOMEM;
			}
			list = grown;
		}
		if (pci_dev_read(bdf, &list[count]) == 0)
			count++;
	}
	closedir(d);
	if (count > 1)
		qsort(list, count, sizeof(*list), bdf_cmp);
	*devs = list;
	return (int)count;
}

int pci_dev_scan(struct pci_dev **devs)
{
	char path[PATH_MAX];

	return scan_folder(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices"), devs);
}

int pci_group_scan(int group, struct pci_dev **devs)
{
	char path[PATH_MAX];

	return scan_folder(pci_sysfs_path(path, sizeof(path), "/sys/kernel/iommu_groups/%d/devices", group), devs);
}

bool pci_dev_is_network(const struct pci_dev *dev)
{
	return dev->class_code >> 16 == PCI_CLASS_NETWORK;
}

bool pci_dev_is_bridge(const struct pci_dev *dev)
{
	return dev->class_code >> 8 == PCI_CLASS_BRIDGE_PCI;
}

/* Module names: '-' and '_' are the same character (vfio-pci, vfio_pci). */
static bool module_names_equal(const char *a, const char *b, size_t blen)
{
	size_t i;

	for (i = 0; i < blen; i++) {
		char ca = a[i] == '-' ? '_' : a[i], cb = b[i] == '-' ? '_' : b[i];

		if (ca != cb || ca == '\0')
			return false;
	}
	return a[blen] == '\0';
}

/* True when the comma-separated list holds item. */
static bool list_has(const char *list, const char *item)
{
	while (*list != '\0') {
		size_t n = strcspn(list, ",");

		if (module_names_equal(item, list, n))
			return true;
		list += n + (list[n] == ',');
	}
	return false;
}


/* Append the entries of folder `dir` to the list; returns how many. */
static int append_entries(const char *dir, char *buf, size_t len)
{
	struct dirent *de;
	int count = 0;
	DIR *d;

	d = opendir(dir);
	if (d == NULL)
		return 0;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		pci_list_append(buf, len, ",", "%s", de->d_name);
		count++;
	}
	closedir(d);
	return count;
}

int pci_dev_ifaces(const char *bdf, char *buf, size_t len)
{
	char path[PATH_MAX], sub[PATH_MAX];
	struct dirent *de;
	int count;
	DIR *d;

	buf[0] = '\0';
	count = append_entries(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/net", bdf), buf, len);
	/* virtio-pci puts the interface below its virtioN child device. */
	d = opendir(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s", bdf));
	if (d == NULL)
		return count;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, "virtio", 6) != 0)
			continue;
		if ((size_t)snprintf(sub, sizeof(sub), "%s/%s/net", path, de->d_name) < sizeof(sub))
			count += append_entries(sub, buf, len);
	}
	closedir(d);
	return count;
}

bool pci_ifaces_have_route(const char *ifaces)
{
	char path[PATH_MAX], line[512], name[64];
	bool found = false;
	FILE *f;

	if (ifaces[0] == '\0')
		return false;
	f = fopen(pci_sysfs_path(path, sizeof(path), "/proc/net/route"), "re");
	if (f == NULL)
		return false;
	while (!found && fgets(line, sizeof(line), f) != NULL) {
		/* First column is the interface; the header line says "Iface". */
		if (sscanf(line, "%63s", name) != 1 || strcmp(name, "Iface") == 0)
			continue;
		found = list_has(ifaces, name);
	}
	fclose(f);
	return found;
}

/*
 * pci.ids: vendor lines start with 4 hex digits, their devices follow on
 * lines starting with one tab; two tabs are subsystems.
 */
int pci_ids_name(unsigned int vendor, unsigned int device, char *buf, size_t len)
{
	char path[PATH_MAX], line[512];
	bool in_vendor = false;
	unsigned int id;
	int ret = -ENOENT;
	FILE *f;

	f = fopen(pci_sysfs_path(path, sizeof(path), "/usr/share/misc/pci.ids"), "re");
	if (f == NULL)
		return -errno;
	while (fgets(line, sizeof(line), f) != NULL) {
		line[strcspn(line, "\n")] = '\0';
		if (line[0] == '#' || line[0] == '\0')
			continue;
		if (line[0] != '\t') {
			if (in_vendor || line[0] == 'C')
				break; /* past our vendor, or into the class list */
			in_vendor = hex_field(line, 4, &id) == 0 && id == vendor;
			continue;
		}
		if (!in_vendor || line[1] == '\t')
			continue;
		if (hex_field(line + 1, 4, &id) == 0 && id == device) {
			const char *name = line + 5;

			while (*name == ' ')
				name++;
			snprintf(buf, len, "%s", name);
			ret = 0;
			break;
		}
	}
	fclose(f);
	return ret;
}

bool pci_driver_exists(const char *name)
{
	char path[PATH_MAX];
	struct stat st;

	return stat(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/drivers/%s", name), &st) == 0;
}

bool pci_module_loaded(const char *name)
{
	char path[PATH_MAX], mod[PCI_NAME_LEN];
	struct stat st;
	size_t i;

	snprintf(mod, sizeof(mod), "%s", name);
	for (i = 0; mod[i] != '\0'; i++)
		if (mod[i] == '-')
			mod[i] = '_';
	return stat(pci_sysfs_path(path, sizeof(path), "/sys/module/%s", mod), &st) == 0;
}

int pci_dev_modules(const char *bdf, const char *skip, char *buf, size_t len)
{
	char path[PATH_MAX], modalias[256], line[512], pattern[256], module[PCI_NAME_LEN];
	struct utsname uts;
	int count = 0;
	FILE *f;

	buf[0] = '\0';
	if (pci_sysfs_read(pci_sysfs_path(path, sizeof(path), "/sys/bus/pci/devices/%s/modalias", bdf),
			   modalias, sizeof(modalias)) < 0 ||
	    uname(&uts) < 0)
		return 0;
	f = fopen(pci_sysfs_path(path, sizeof(path), "/lib/modules/%s/modules.alias", uts.release), "re");
	if (f == NULL)
		return 0;
	while (fgets(line, sizeof(line), f) != NULL) {
		if (sscanf(line, "alias %255s %63s", pattern, module) != 2 || strncmp(pattern, "pci:", 4) != 0 ||
		    fnmatch(pattern, modalias, 0) != 0)
			continue;
		if ((skip != NULL && module_names_equal(module, skip, strlen(skip))) || list_has(buf, module))
			continue;
		pci_list_append(buf, len, ",", "%s", module);
		count++;
	}
	fclose(f);
	return count;
}
