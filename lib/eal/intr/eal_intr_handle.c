/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_intr_handle: allocation, accessors, Rx vector eventfds. */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/eventfd.h>

#include <rte_errno.h>
#include <rte_interrupts.h>
#include <rte_log.h>
#include <rte_malloc.h>

#include "eal_private.h"
#include "eal_intr_private.h"

/* Vector 0 is kept for causes other than Rx (link status). */
#define NB_OTHER_INTR 1

static void *
intr_zalloc(uint32_t flags, size_t size)
{
	if (flags & RTE_INTR_INSTANCE_F_SHARED)
		return rte_zmalloc(NULL, size, 0);
	return calloc(1, size);
}

static void
intr_free(uint32_t flags, void *p)
{
	if (flags & RTE_INTR_INSTANCE_F_SHARED)
		rte_free(p);
	else
		free(p);
}

static int
intr_tables_alloc(struct rte_intr_handle *h, int size)
{
	int *efds = intr_zalloc(h->alloc_flags, sizeof(*efds) * (size_t)size);
	struct rte_epoll_event *elist =
		intr_zalloc(h->alloc_flags, sizeof(*elist) * (size_t)size);

	if (efds == NULL || elist == NULL) {
		intr_free(h->alloc_flags, efds);
		intr_free(h->alloc_flags, elist);
		return -ENOMEM;
	}
	for (int i = 0; i < size; i++)
		efds[i] = -1;
	intr_free(h->alloc_flags, h->efds);
	intr_free(h->alloc_flags, h->elist);
	h->efds = efds;
	h->elist = elist;
	h->nb_intr = size;
	return 0;
}

__rte_export struct rte_intr_handle *
rte_intr_instance_alloc(uint32_t flags)
{
	struct rte_intr_handle *h;

	if (flags & ~RTE_INTR_INSTANCE_F_SHARED) {
		RTE_LOG(ERR, EAL, "rte_intr_instance_alloc: unknown flags 0x%x: use "
			"RTE_INTR_INSTANCE_F_PRIVATE or RTE_INTR_INSTANCE_F_SHARED\n", flags);
		rte_errno = EINVAL;
		return NULL;
	}
	h = intr_zalloc(flags, sizeof(*h));
	if (h == NULL) {
		rte_errno = ENOMEM;
		return NULL;
	}
	h->alloc_flags = flags;
	h->fd = -1;
	h->dev_fd = -1;
	if (intr_tables_alloc(h, RTE_MAX_RXTX_INTR_VEC_ID) < 0) {
		intr_free(flags, h);
		rte_errno = ENOMEM;
		return NULL;
	}
	return h;
}

__rte_export struct rte_intr_handle *
rte_intr_instance_dup(const struct rte_intr_handle *src)
{
	struct rte_intr_handle *h;

	if (src == NULL) {
		rte_errno = EINVAL;
		return NULL;
	}
	h = rte_intr_instance_alloc(src->alloc_flags);
	if (h == NULL)
		return NULL;
	if (src->nb_intr != h->nb_intr && intr_tables_alloc(h, src->nb_intr) < 0) {
		rte_intr_instance_free(h);
		rte_errno = ENOMEM;
		return NULL;
	}
	h->fd = src->fd;
	h->dev_fd = src->dev_fd;
	h->type = src->type;
	h->max_intr = src->max_intr;
	h->nb_efd = src->nb_efd;
	h->efd_counter_size = src->efd_counter_size;
	memcpy(h->efds, src->efds, sizeof(*h->efds) * (size_t)src->nb_intr);
	memcpy(h->elist, src->elist, sizeof(*h->elist) * (size_t)src->nb_intr);
	return h;
}

__rte_export void
rte_intr_instance_free(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	free(h->intr_vec);
	intr_free(h->alloc_flags, h->efds);
	intr_free(h->alloc_flags, h->elist);
	intr_free(h->alloc_flags, h);
}

#define CHECK_HANDLE(h, ret) do { \
	if ((h) == NULL) { \
		rte_errno = EINVAL; \
		return ret; \
	} \
} while (0)

__rte_export int
rte_intr_event_list_update(struct rte_intr_handle *h, int size)
{
	CHECK_HANDLE(h, -EINVAL);
	if (size <= 0) {
		rte_errno = EINVAL;
		return -EINVAL;
	}
	if (intr_tables_alloc(h, size) < 0) {
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	return 0;
}

__rte_export int
rte_intr_fd_set(struct rte_intr_handle *h, int fd)
{
	CHECK_HANDLE(h, -EINVAL);
	h->fd = fd;
	return 0;
}

__rte_export int
rte_intr_fd_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -1);
	return h->fd;
}

__rte_export int
rte_intr_type_set(struct rte_intr_handle *h, enum rte_intr_handle_type type)
{
	CHECK_HANDLE(h, -EINVAL);
	h->type = type;
	return 0;
}

__rte_export enum rte_intr_handle_type
rte_intr_type_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, RTE_INTR_HANDLE_UNKNOWN);
	return h->type;
}

__rte_export int
rte_intr_dev_fd_set(struct rte_intr_handle *h, int fd)
{
	CHECK_HANDLE(h, -EINVAL);
	h->dev_fd = fd;
	return 0;
}

__rte_export int
rte_intr_dev_fd_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -1);
	return h->dev_fd;
}

__rte_export int
rte_intr_max_intr_set(struct rte_intr_handle *h, int max_intr)
{
	CHECK_HANDLE(h, -EINVAL);
	if (max_intr < 0 || max_intr > h->nb_intr) {
		RTE_LOG(DEBUG, EAL, "max_intr %d is out of range 0..%d\n", max_intr, h->nb_intr);
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->max_intr = (uint32_t)max_intr;
	return 0;
}

__rte_export int
rte_intr_max_intr_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -EINVAL);
	return (int)h->max_intr;
}

__rte_export int
rte_intr_nb_efd_set(struct rte_intr_handle *h, int nb_efd)
{
	CHECK_HANDLE(h, -EINVAL);
	if (nb_efd < 0 || nb_efd > h->nb_intr) {
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->nb_efd = (uint32_t)nb_efd;
	return 0;
}

__rte_export int
rte_intr_nb_efd_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -EINVAL);
	return (int)h->nb_efd;
}

__rte_export int
rte_intr_nb_intr_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -EINVAL);
	return h->nb_intr;
}

__rte_export int
rte_intr_efd_counter_size_set(struct rte_intr_handle *h, uint8_t efd_counter_size)
{
	CHECK_HANDLE(h, -EINVAL);
	h->efd_counter_size = efd_counter_size;
	return 0;
}

__rte_export int
rte_intr_efd_counter_size_get(const struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, -EINVAL);
	return h->efd_counter_size;
}

__rte_export int
rte_intr_efds_index_set(struct rte_intr_handle *h, int index, int fd)
{
	CHECK_HANDLE(h, -EINVAL);
	if (index < 0 || index >= h->nb_intr) {
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->efds[index] = fd;
	return 0;
}

__rte_export int
rte_intr_efds_index_get(const struct rte_intr_handle *h, int index)
{
	CHECK_HANDLE(h, -EINVAL);
	if (index < 0 || index >= h->nb_intr) {
		rte_errno = EINVAL;
		return -EINVAL;
	}
	return h->efds[index];
}

__rte_export int
rte_intr_elist_index_set(struct rte_intr_handle *h, int index, struct rte_epoll_event elist)
{
	CHECK_HANDLE(h, -EINVAL);
	if (index < 0 || index >= h->nb_intr) {
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->elist[index] = elist;
	return 0;
}

__rte_export struct rte_epoll_event *
rte_intr_elist_index_get(struct rte_intr_handle *h, int index)
{
	CHECK_HANDLE(h, NULL);
	if (index < 0 || index >= h->nb_intr) {
		rte_errno = ERANGE;
		return NULL;
	}
	return &h->elist[index];
}

__rte_export int
rte_intr_vec_list_alloc(struct rte_intr_handle *h, const char *name, int size)
{
	(void)name;
	CHECK_HANDLE(h, -EINVAL);
	if (h->intr_vec != NULL)
		return 0;
	if (size <= 0 || size > h->nb_intr) {
		RTE_LOG(ERR, EAL, "interrupt vector list of %d entries: must be 1..%d\n",
			size, h->nb_intr);
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->intr_vec = calloc((size_t)size, sizeof(*h->intr_vec));
	if (h->intr_vec == NULL) {
		rte_errno = ENOMEM;
		return -ENOMEM;
	}
	h->vec_list_size = size;
	return 0;
}

__rte_export int
rte_intr_vec_list_index_set(struct rte_intr_handle *h, int index, int vec)
{
	CHECK_HANDLE(h, -EINVAL);
	if (h->intr_vec == NULL || index < 0 || index >= h->vec_list_size) {
		rte_errno = ERANGE;
		return -ERANGE;
	}
	h->intr_vec[index] = vec;
	return 0;
}

__rte_export int
rte_intr_vec_list_index_get(const struct rte_intr_handle *h, int index)
{
	CHECK_HANDLE(h, -EINVAL);
	if (h->intr_vec == NULL || index < 0 || index >= h->vec_list_size) {
		rte_errno = ERANGE;
		return -ERANGE;
	}
	return h->intr_vec[index];
}

__rte_export void
rte_intr_vec_list_free(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	free(h->intr_vec);
	h->intr_vec = NULL;
	h->vec_list_size = 0;
}

__rte_export void *
rte_intr_instance_windows_handle_get(struct rte_intr_handle *h)
{
	CHECK_HANDLE(h, NULL);
	return h->windows_handle;
}

__rte_export int
rte_intr_instance_windows_handle_set(struct rte_intr_handle *h, void *windows_handle)
{
	CHECK_HANDLE(h, -EINVAL);
	h->windows_handle = windows_handle;
	return 0;
}

__rte_export int
rte_intr_efd_enable(struct rte_intr_handle *h, uint32_t nb_efd)
{
	uint32_t n, i;

	CHECK_HANDLE(h, -EINVAL);
	if (nb_efd == 0) {
		rte_errno = EINVAL;
		return -EINVAL;
	}
	n = RTE_MIN(nb_efd, (uint32_t)RTE_MAX_RXTX_INTR_VEC_ID);
	n = RTE_MIN(n, (uint32_t)h->nb_intr);
	if (h->type == RTE_INTR_HANDLE_VFIO_MSIX) {
		for (i = 0; i < n; i++) {
			int fd = eventfd(0, EFD_NONBLOCK | EFD_CLOEXEC);

			if (fd < 0) {
				int err = errno;

				while (i-- > 0) {
					close(h->efds[i]);
					h->efds[i] = -1;
				}
				RTE_LOG(ERR, EAL, "cannot create an eventfd for Rx interrupt "
					"vector: %s\n", strerror(err));
				rte_errno = err;
				return -err;
			}
			h->efds[i] = fd;
		}
		h->nb_efd = n;
		h->max_intr = NB_OTHER_INTR + n;
	} else if (h->type == RTE_INTR_HANDLE_VDEV) {
		/* The vdev driver fills efds itself; only its read size is checked. */
		if (h->efd_counter_size > sizeof(uint64_t)) {
			RTE_LOG(ERR, EAL, "efd_counter_size %u is larger than 8 bytes\n",
				h->efd_counter_size);
			rte_errno = EINVAL;
			return -EINVAL;
		}
	} else {
		/* One vector for everything: Rx shares the handle's own fd. */
		h->efds[0] = h->fd;
		h->nb_efd = RTE_MIN(nb_efd, 1U);
		h->max_intr = NB_OTHER_INTR;
	}
	return 0;
}

__rte_export void
rte_intr_efd_disable(struct rte_intr_handle *h)
{
	if (h == NULL)
		return;
	rte_intr_free_epoll_fd(h);
	/* Only the MSI-X eventfds are ours; otherwise efds[0] is the handle's fd. */
	if (h->max_intr > h->nb_efd) {
		for (uint32_t i = 0; i < h->nb_efd; i++) {
			if (h->efds[i] >= 0)
				close(h->efds[i]);
			h->efds[i] = -1;
		}
	}
	h->nb_efd = 0;
	h->max_intr = 0;
}

__rte_export int
rte_intr_dp_is_en(struct rte_intr_handle *h)
{
	return h != NULL && h->nb_efd != 0;
}

__rte_export int
rte_intr_allow_others(struct rte_intr_handle *h)
{
	if (!rte_intr_dp_is_en(h))
		return 1;
	return !!(h->max_intr - h->nb_efd);
}

__rte_export int
rte_intr_cap_multiple(struct rte_intr_handle *h)
{
	if (h == NULL)
		return 0;
	return h->type == RTE_INTR_HANDLE_VFIO_MSIX || h->type == RTE_INTR_HANDLE_VDEV;
}
