/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * IOMMU groups, opened on demand and shared by the devices in them. A
 * group is usable only when every device in it is on vfio-pci or on no
 * driver (VFIO_GROUP_FLAGS_VIABLE); otherwise we name the ones in the way.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

#include "pci_private.h"

static TAILQ_HEAD(, vfio_group) group_list = TAILQ_HEAD_INITIALIZER(group_list);
/* The list changes on the main thread and is read by the secondaries' requests. */
static pthread_mutex_t group_lock = PTHREAD_MUTEX_INITIALIZER;

/* "0000:00:05.1 on e1000e, 0000:00:05.2 on no driver" for the group's other devices. */
static void
group_list_blockers(int num, const char *self, char *out, size_t len, char *fix, size_t fixlen)
{
	char path[PATH_MAX];
	struct dirent *e;
	size_t used = 0, fused = 0;
	DIR *d;

	out[0] = '\0';
	fix[0] = '\0';
	pci_fmt(path, sizeof(path), "%s/kernel/iommu_groups/%d/devices", pci_sysfs_root(), num);
	d = opendir(path);
	if (d == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		char link[PATH_MAX], target[PATH_MAX], drv[64] = "no driver";
		ssize_t n;

		if (e->d_name[0] == '.' || strcmp(e->d_name, self) == 0)
			continue;
		pci_fmt(link, sizeof(link), "%s/%s/driver", path, e->d_name);
		n = readlink(link, target, sizeof(target) - 1);
		if (n > 0) {
			target[n] = '\0';
			pci_fmt(drv, sizeof(drv), "%s", strrchr(target, '/') ?
				 strrchr(target, '/') + 1 : target);
		}
		if (used < len)
			used += (size_t)pci_fmt(out + used, len - used, "%s%s on %s",
						 used ? ", " : "", e->d_name, drv);
		if (n > 0 && strcmp(drv, "vfio-pci") != 0 && fused < fixlen)
			fused += (size_t)pci_fmt(fix + fused, fixlen - fused, " %s", e->d_name);
	}
	closedir(d);
}

static int
group_open(struct pci_dev_priv *p, int *fd_out)
{
	struct vfio_group_status st = { .argsz = sizeof(st) };
	const char *bdf = p->pdev.name;
	char path[300];
	int fd, err;

	pci_fmt(path, sizeof(path), "%s/%d", vfio_dev_dir_get(), p->iommu_group);
	fd = open(path, O_RDWR | O_CLOEXEC);
	if (fd < 0) {
		err = errno;
		if (err == ENOENT)
			VFIO_LOG(ERR, "%s: %s is missing: the device is not bound to vfio-pci; "
				 "fix: sluice-devbind --bind=vfio-pci %s\n", bdf, path, bdf);
		else if (err == EBUSY)
			VFIO_LOG(ERR, "%s: IOMMU group %d is in use by another process: stop it "
				 "first\n", bdf, p->iommu_group);
		else if (err == EACCES || err == EPERM)
			VFIO_LOG(ERR, "%s: no permission to open %s: run as root\n", bdf, path);
		else
			VFIO_LOG(ERR, "%s: cannot open %s: %s\n", bdf, path, strerror(err));
		return -err;
	}
	if (ioctl(fd, VFIO_GROUP_GET_STATUS, &st) < 0) {
		err = errno;
		close(fd);
		VFIO_LOG(ERR, "%s: cannot read the status of IOMMU group %d: %s\n", bdf,
			 p->iommu_group, strerror(err));
		return -err;
	}
	if (!(st.flags & VFIO_GROUP_FLAGS_VIABLE)) {
		char others[512], fix[256];

		close(fd);
		group_list_blockers(p->iommu_group, bdf, others, sizeof(others), fix, sizeof(fix));
		VFIO_LOG(ERR, "%s: IOMMU group %d is not viable: every device in it must be on "
			 "vfio-pci or on no driver; others in the group: %s; fix: "
			 "sluice-devbind --bind=vfio-pci%s\n", bdf, p->iommu_group,
			 others[0] ? others : "(unknown)", fix[0] ? fix : " <each of them>");
		return -EPERM;
	}
	*fd_out = fd;
	return 0;
}

/* The listed group num with one more user, or NULL. */
static struct vfio_group *
group_find_use(int num)
{
	struct vfio_group *g;

	TAILQ_FOREACH(g, &group_list, next) {
		if (g->num == num) {
			g->users++;
			return g;
		}
	}
	return NULL;
}

/* A group for fd (closed on failure, errno set), not listed yet. */
static struct vfio_group *
group_new(int num, int fd)
{
	struct vfio_group *g = calloc(1, sizeof(*g));

	if (g == NULL) {
		close(fd);
		errno = ENOMEM;
		return NULL;
	}
	g->num = num;
	g->fd = fd;
	g->users = 1;
	return g;
}

static struct vfio_group *
group_list_add(struct vfio_group *g)
{
	pthread_mutex_lock(&group_lock);
	TAILQ_INSERT_TAIL(&group_list, g, next);
	pthread_mutex_unlock(&group_lock);
	return g;
}

struct vfio_group *
vfio_group_get(struct pci_dev_priv *p)
{
	struct vfio_group *g = group_find_use(p->iommu_group);
	int fd, ret;

	if (g != NULL)
		return g;
	/* The container first: its absence is the clearer message. */
	ret = vfio_container_fd();
	if (ret < 0) {
		errno = -ret;
		return NULL;
	}
	ret = group_open(p, &fd);
	if (ret < 0) {
		errno = -ret;
		return NULL;
	}
	g = group_new(p->iommu_group, fd);
	if (g == NULL)
		return NULL;
	ret = vfio_container_attach(g);
	if (ret < 0) {
		close(fd);
		free(g);
		errno = -ret;
		return NULL;
	}
	return group_list_add(g);
}

struct vfio_group *
vfio_group_adopt(int num, int fd)
{
	struct vfio_group *g = group_find_use(num);

	if (g != NULL) {
		/* the same open file as the copy kept already */
		close(fd);
		return g;
	}
	g = group_new(num, fd);
	return g != NULL ? group_list_add(g) : NULL;
}

int
vfio_group_fd_dup(int num)
{
	struct vfio_group *g;
	int fd = -ENOENT;

	pthread_mutex_lock(&group_lock);
	TAILQ_FOREACH(g, &group_list, next) {
		if (g->num == num) {
			fd = fcntl(g->fd, F_DUPFD_CLOEXEC, 0);
			if (fd < 0)
				fd = -errno;
			break;
		}
	}
	pthread_mutex_unlock(&group_lock);
	return fd;
}

void
vfio_group_put(struct vfio_group *g)
{
	if (g == NULL || --g->users > 0)
		return;
	/* Last device closed: give the group back so it can be opened again. */
	pthread_mutex_lock(&group_lock);
	TAILQ_REMOVE(&group_list, g, next);
	pthread_mutex_unlock(&group_lock);
	/* a secondary's fd is the primary's group: taking it out would cut the primary off */
	if (rte_eal_process_type() != RTE_PROC_SECONDARY)
		vfio_container_detach(g);
	close(g->fd);
	free(g);
}

unsigned int
vfio_group_count(void)
{
	struct vfio_group *g;
	unsigned int n = 0;

	TAILQ_FOREACH(g, &group_list, next)
		n++;
	return n;
}

int
vfio_group_fd_of(struct vfio_group *g)
{
	return g->fd;
}
