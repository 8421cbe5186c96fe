/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dma_skeleton: a DMA device done by the CPU, as DPDK's of the same name,
 * for applications and tests without DMA hardware. One vchan, memory to
 * memory: copies and fills are queued on a descriptor ring and carried
 * out when they are submitted, each address translated from its IOVA
 * and checked to be backed, end to end, by EAL memory.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_common.h>
#include <rte_dmadev.h>
#include <rte_malloc.h>
#include <rte_memory.h>

#include <bus_vdev_driver.h>
#include <dmadev_driver.h>

#define SKEL_MIN_DESC 32
#define SKEL_MAX_DESC 8192

enum skel_op { SKEL_OP_COPY, SKEL_OP_FILL };

struct skel_desc {
	uint8_t op;
	uint8_t status; /* enum rte_dma_status_code, set when carried out */
	uint32_t len;
	rte_iova_t src;
	rte_iova_t dst;
	uint64_t pattern;
};

/* Ring indices count up and wrap at 2^16; a slot is index & mask. */
struct skel_private {
	uint16_t nb_desc;
	uint16_t mask;
	uint16_t enq;  /* index the next operation gets */
	uint16_t sub;  /* first operation not submitted */
	uint16_t done; /* first operation not reported */
	struct skel_desc *ring;
	uint64_t submitted;
	uint64_t completed;
	uint64_t errors;
};

/* The virtual address of [iova, iova + len), or NULL when EAL memory does
 * not back it contiguously. */
static void *
skel_iova_to_va(rte_iova_t iova, uint32_t len)
{
	char *va = rte_mem_iova2virt(iova);

	/* with IOVA as VA any number translates: the memsegs tell what is backed */
	if (va == NULL || iova + len < iova || rte_mem_iova2virt(iova + len - 1) != va + len - 1 ||
	    rte_mem_virt2memseg(va, NULL) == NULL ||
	    rte_mem_virt2memseg(va + len - 1, NULL) == NULL)
		return NULL;
	return va;
}

static void
skel_run(struct skel_desc *d)
{
	char *dst = skel_iova_to_va(d->dst, d->len);
	uint32_t i;

	if (dst == NULL) {
		d->status = RTE_DMA_STATUS_INVALID_DST_ADDR;
		return;
	}
	if (d->op == SKEL_OP_COPY) {
		const char *src = skel_iova_to_va(d->src, d->len);

		if (src == NULL) {
			d->status = RTE_DMA_STATUS_INVALID_SRC_ADDR;
			return;
		}
		memmove(dst, src, d->len);
	} else {
		/* the pattern's bytes in memory order, repeated */
		for (i = 0; i < d->len; i++)
			dst[i] = ((const char *)&d->pattern)[i % sizeof(d->pattern)];
	}
	d->status = RTE_DMA_STATUS_SUCCESSFUL;
}

static int
skel_submit(void *dev_private, uint16_t vchan __rte_unused)
{
	struct skel_private *p = dev_private;

	for (; p->sub != p->enq; p->sub++) {
		skel_run(&p->ring[p->sub & p->mask]);
		p->submitted++;
	}
	return 0;
}

static int
skel_enqueue(struct skel_private *p, const struct skel_desc *d, uint64_t flags)
{
	uint16_t idx;

	if ((uint16_t)(p->enq - p->done) == p->nb_desc)
		return -ENOSPC;
	idx = p->enq++;
	p->ring[idx & p->mask] = *d;
	if (flags & RTE_DMA_OP_FLAG_SUBMIT)
		skel_submit(p, 0);
	return idx;
}

static int
skel_copy(void *dev_private, uint16_t vchan __rte_unused, rte_iova_t src, rte_iova_t dst,
	  uint32_t length, uint64_t flags)
{
	struct skel_desc d = {.op = SKEL_OP_COPY, .len = length, .src = src, .dst = dst};

	return skel_enqueue(dev_private, &d, flags);
}

static int
skel_fill(void *dev_private, uint16_t vchan __rte_unused, uint64_t pattern, rte_iova_t dst,
	  uint32_t length, uint64_t flags)
{
	struct skel_desc d = {.op = SKEL_OP_FILL, .len = length, .dst = dst, .pattern = pattern};

	return skel_enqueue(dev_private, &d, flags);
}

static uint16_t
skel_completed(void *dev_private, uint16_t vchan __rte_unused, const uint16_t nb_cpls,
	       uint16_t *last_idx, bool *has_error)
{
	struct skel_private *p = dev_private;
	uint16_t n = 0;

	/* successes only: a failed operation stays for rte_dma_completed_status */
	while (n < nb_cpls && p->done != p->sub) {
		if (p->ring[p->done & p->mask].status != RTE_DMA_STATUS_SUCCESSFUL) {
			*has_error = true;
			break;
		}
		p->done++;
		n++;
	}
	p->completed += n;
	*last_idx = (uint16_t)(p->done - 1);
	return n;
}

static uint16_t
skel_completed_status(void *dev_private, uint16_t vchan __rte_unused, const uint16_t nb_cpls,
		      uint16_t *last_idx, enum rte_dma_status_code *status)
{
	struct skel_private *p = dev_private;
	uint16_t n = 0;

	while (n < nb_cpls && p->done != p->sub) {
		status[n] = p->ring[p->done & p->mask].status;
		if (status[n] == RTE_DMA_STATUS_SUCCESSFUL)
			p->completed++;
		else
			p->errors++;
		p->done++;
		n++;
	}
	*last_idx = (uint16_t)(p->done - 1);
	return n;
}

static uint16_t
skel_burst_capacity(const void *dev_private, uint16_t vchan __rte_unused)
{
	const struct skel_private *p = dev_private;

	return (uint16_t)(p->nb_desc - (uint16_t)(p->enq - p->done));
}

static int
skel_info_get(const struct rte_dma_dev *dev __rte_unused, struct rte_dma_info *info)
{
	info->dev_capa = RTE_DMA_CAPA_MEM_TO_MEM | RTE_DMA_CAPA_OPS_COPY | RTE_DMA_CAPA_OPS_FILL;
	info->max_vchans = 1;
	info->min_desc = SKEL_MIN_DESC;
	info->max_desc = SKEL_MAX_DESC;
	return 0;
}

static int
skel_configure(struct rte_dma_dev *dev __rte_unused, const struct rte_dma_conf *conf __rte_unused)
{
	return 0;
}

static int
skel_vchan_setup(struct rte_dma_dev *dev, uint16_t vchan __rte_unused,
		 const struct rte_dma_vchan_conf *conf)
{
	struct skel_private *p = dev->dev_private;
	struct skel_desc *ring;

	if (!rte_is_power_of_2(conf->nb_desc)) {
		RTE_LOG(ERR, PMD, "%s: %u descriptors: a power of 2 is needed\n", dev->name,
			conf->nb_desc);
		return -EINVAL;
	}
	ring = rte_zmalloc_socket(dev->name, conf->nb_desc * sizeof(*ring), RTE_CACHE_LINE_SIZE,
				  dev->numa_node);
	if (ring == NULL)
		return -ENOMEM;
	rte_free(p->ring);
	memset(p, 0, sizeof(*p));
	p->ring = ring;
	p->nb_desc = conf->nb_desc;
	p->mask = (uint16_t)(conf->nb_desc - 1);
	return 0;
}

static int
skel_start(struct rte_dma_dev *dev __rte_unused)
{
	return 0;
}

static int
skel_stop(struct rte_dma_dev *dev)
{
	struct skel_private *p = dev->dev_private;

	/* what was submitted is done; the rest is dropped, indices go on */
	p->enq = p->sub;
	return 0;
}

static int
skel_close(struct rte_dma_dev *dev)
{
	struct skel_private *p = dev->dev_private;

	rte_free(p->ring);
	p->ring = NULL;
	return 0;
}

static int
skel_stats_get(const struct rte_dma_dev *dev, uint16_t vchan __rte_unused,
	       struct rte_dma_stats *stats)
{
	const struct skel_private *p = dev->dev_private;

	stats->submitted = p->submitted;
	stats->completed = p->completed;
	stats->errors = p->errors;
	return 0;
}

static int
skel_stats_reset(struct rte_dma_dev *dev, uint16_t vchan __rte_unused)
{
	struct skel_private *p = dev->dev_private;

	p->submitted = p->completed = p->errors = 0;
	return 0;
}

static int
skel_vchan_status(const struct rte_dma_dev *dev, uint16_t vchan __rte_unused,
		  enum rte_dma_vchan_status *status)
{
	(void)dev;
	*status = RTE_DMA_VCHAN_IDLE; /* work is done at submit, never pending */
	return 0;
}

static int
skel_dump(const struct rte_dma_dev *dev, FILE *f)
{
	const struct skel_private *p = dev->dev_private;

	fprintf(f,
		"  dma_skeleton: %u descriptors, next index %u, %u not submitted, %u not "
		"reported\n",
		p->nb_desc, p->enq, (uint16_t)(p->enq - p->sub), (uint16_t)(p->sub - p->done));
	return 0;
}

static const struct rte_dma_dev_ops skel_ops = {
	.dev_info_get = skel_info_get,
	.dev_configure = skel_configure,
	.dev_start = skel_start,
	.dev_stop = skel_stop,
	.dev_close = skel_close,
	.vchan_setup = skel_vchan_setup,
	.stats_get = skel_stats_get,
	.stats_reset = skel_stats_reset,
	.vchan_status = skel_vchan_status,
	.dev_dump = skel_dump,
};

static int
skel_probe(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	const char *args = rte_vdev_device_args(vdev);
	struct rte_dma_dev *dev;

	if (args != NULL && args[0] != '\0') {
		RTE_LOG(ERR, PMD, "%s: takes no arguments ('%s')\n", name, args);
		return -EINVAL;
	}
	dev = rte_dma_pmd_allocate(name, vdev->device.numa_node, sizeof(struct skel_private));
	if (dev == NULL)
		return -ENOMEM;
	dev->dev_ops = &skel_ops;
	dev->fp.copy = skel_copy;
	dev->fp.fill = skel_fill;
	dev->fp.submit = skel_submit;
	dev->fp.completed = skel_completed;
	dev->fp.completed_status = skel_completed_status;
	dev->fp.burst_capacity = skel_burst_capacity;
	return 0;
}

static int
skel_remove(struct rte_vdev_device *vdev)
{
	const char *name = rte_vdev_device_name(vdev);
	int id = rte_dma_get_dev_id_by_name(name);

	if (id < 0)
		return -EINVAL;
	rte_dma_stop((int16_t)id);
	return rte_dma_close((int16_t)id);
}

static struct rte_vdev_driver skel_pmd_drv = {
	.probe = skel_probe,
	.remove = skel_remove,
};

RTE_PMD_REGISTER_VDEV(dma_skeleton, skel_pmd_drv);
