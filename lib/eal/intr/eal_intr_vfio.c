/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Arming device interrupts through VFIO_DEVICE_SET_IRQS: each vector is
 * bound to an eventfd that the eal-intr thread (vector 0) or an Rx queue's
 * epoll (vectors 1..n) waits on.
 */
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <linux/vfio.h>

#include <rte_common.h>
#include <rte_interrupts.h>
#include <rte_log.h>

#include "eal_private.h"
#include "eal_intr_private.h"

static int
vfio_irq_index(const struct rte_intr_handle *h)
{
	switch (h->type) {
	case RTE_INTR_HANDLE_VFIO_LEGACY:
		return VFIO_PCI_INTX_IRQ_INDEX;
	case RTE_INTR_HANDLE_VFIO_MSI:
		return VFIO_PCI_MSI_IRQ_INDEX;
	case RTE_INTR_HANDLE_VFIO_MSIX:
		return VFIO_PCI_MSIX_IRQ_INDEX;
	default:
		return VFIO_PCI_REQ_IRQ_INDEX;
	}
}

static const char *
vfio_irq_name(int index)
{
	static const char *const names[] = { "INTx", "MSI", "MSI-X", "ERR", "REQ" };

	return index >= 0 && index < (int)RTE_DIM(names) ? names[index] : "?";
}

/* One VFIO_DEVICE_SET_IRQS call; count eventfds from fds (NULL: no data). */
static int
vfio_set_irqs(int dev_fd, int index, uint32_t flags, uint32_t count, const int *fds)
{
	size_t len = sizeof(struct vfio_irq_set) + (fds ? sizeof(int) * count : 0);
	struct vfio_irq_set *set = calloc(1, len);
	int ret;

	if (set == NULL)
		return -ENOMEM;
	set->argsz = (uint32_t)len;
	set->flags = flags;
	set->index = (uint32_t)index;
	set->start = 0;
	set->count = count;
	if (fds != NULL)
		memcpy(set->data, fds, sizeof(int) * count);
	ret = ioctl(dev_fd, VFIO_DEVICE_SET_IRQS, set);
	ret = ret < 0 ? -errno : 0;
	free(set);
	return ret;
}

void
eal_intr_vfio_fds_fill(const struct rte_intr_handle *h, int *fds, uint32_t count)
{
	/* -1 leaves a vector without a trigger; 0 would bind it to stdin. */
	for (uint32_t i = 0; i < count; i++)
		fds[i] = -1;
	if (count == 0)
		return;
	fds[RTE_INTR_VEC_ZERO_OFFSET] = h->fd;
	for (uint32_t i = 1; i < count && i - 1 < h->nb_efd && i - 1 < (uint32_t)h->nb_intr; i++)
		fds[i] = h->efds[i - 1];
}

int
eal_intr_vfio_enable(const struct rte_intr_handle *h)
{
	int index = vfio_irq_index(h);
	uint32_t count = 1;
	int *fds, ret;

	if (h->type == RTE_INTR_HANDLE_VFIO_MSIX && h->max_intr > 1)
		count = RTE_MIN(h->max_intr, (uint32_t)RTE_MAX_RXTX_INTR_VEC_ID + 1);
	fds = malloc(sizeof(*fds) * count);
	if (fds == NULL)
		return -1;
	eal_intr_vfio_fds_fill(h, fds, count);
	ret = vfio_set_irqs(h->dev_fd, index,
			    VFIO_IRQ_SET_DATA_EVENTFD | VFIO_IRQ_SET_ACTION_TRIGGER, count, fds);
	free(fds);
	if (ret < 0) {
		RTE_LOG(ERR, EAL, "cannot enable %u %s interrupt vector(s): %s\n", count,
			vfio_irq_name(index), strerror(-ret));
		return -1;
	}
	/* INTx starts masked after an interrupt; unmask it once now. */
	if (h->type == RTE_INTR_HANDLE_VFIO_LEGACY)
		return eal_intr_vfio_ack(h);
	return 0;
}

int
eal_intr_vfio_disable(const struct rte_intr_handle *h)
{
	int index = vfio_irq_index(h);
	int ret;

	if (h->type == RTE_INTR_HANDLE_VFIO_LEGACY)
		vfio_set_irqs(h->dev_fd, index, VFIO_IRQ_SET_DATA_NONE |
			      VFIO_IRQ_SET_ACTION_MASK, 1, NULL);
	/* DATA_NONE with count 0 tears down every vector of the index. */
	ret = vfio_set_irqs(h->dev_fd, index, VFIO_IRQ_SET_DATA_NONE |
			    VFIO_IRQ_SET_ACTION_TRIGGER, 0, NULL);
	if (ret < 0) {
		RTE_LOG(ERR, EAL, "cannot disable %s interrupts: %s\n", vfio_irq_name(index),
			strerror(-ret));
		return -1;
	}
	return 0;
}

int
eal_intr_vfio_ack(const struct rte_intr_handle *h)
{
	int ret = vfio_set_irqs(h->dev_fd, VFIO_PCI_INTX_IRQ_INDEX,
				VFIO_IRQ_SET_DATA_NONE | VFIO_IRQ_SET_ACTION_UNMASK, 1, NULL);

	if (ret < 0) {
		RTE_LOG(ERR, EAL, "cannot unmask INTx: %s\n", strerror(-ret));
		return -1;
	}
	return 0;
}
