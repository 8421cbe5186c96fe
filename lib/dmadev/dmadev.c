/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * DMA device registry and control path. Every argument an application
 * gives is checked here, once, so that drivers see only valid calls; the
 * fast path is the driver's own, reached through rte_dma_fp_objs, which
 * holds failing stubs for every device that is not started.
 */
#include <errno.h>
#include <inttypes.h>
#include <string.h>

#include <rte_dmadev.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_string_fns.h>

#include "dmadev_driver.h"
#include "eal_private.h"

RTE_LOG_REGISTER(dma_logtype, lib.dmadev, INFO);
#define DMA_LOG(level, ...) rte_log(RTE_LOG_##level, dma_logtype, "DMA: " __VA_ARGS__)

static struct rte_dma_dev dma_devices[RTE_DMADEV_DEFAULT_MAX];
static size_t dma_dev_max = RTE_DMADEV_DEFAULT_MAX;

static int
dma_stub_copy(void *p __rte_unused, uint16_t v __rte_unused, rte_iova_t s __rte_unused,
	      rte_iova_t d __rte_unused, uint32_t l __rte_unused, uint64_t f __rte_unused)
{
	return -EINVAL; /* not started */
}

static int
dma_stub_submit(void *p __rte_unused, uint16_t v __rte_unused)
{
	return -EINVAL;
}

static uint16_t
dma_stub_completed(void *p __rte_unused, uint16_t v __rte_unused, const uint16_t n __rte_unused,
		   uint16_t *last __rte_unused, bool *err __rte_unused)
{
	return 0;
}

static uint16_t
dma_stub_completed_status(void *p __rte_unused, uint16_t v __rte_unused,
			  const uint16_t n __rte_unused, uint16_t *last __rte_unused,
			  enum rte_dma_status_code *st __rte_unused)
{
	return 0;
}

static const struct rte_dma_fp_object dma_fp_stub = {
	.copy = dma_stub_copy,
	.submit = dma_stub_submit,
	.completed = dma_stub_completed,
	.completed_status = dma_stub_completed_status,
};

static struct rte_dma_fp_object dma_fp_table[RTE_DMADEV_DEFAULT_MAX] = {
	[0 ... RTE_DMADEV_DEFAULT_MAX - 1] =
		{
			.copy = dma_stub_copy,
			.submit = dma_stub_submit,
			.completed = dma_stub_completed,
			.completed_status = dma_stub_completed_status,
		},
};
__rte_export struct rte_dma_fp_object *rte_dma_fp_objs = dma_fp_table;

/* The device with this id, or NULL (logged). */
static struct rte_dma_dev *
dma_dev_get(int16_t dev_id, const char *what)
{
	if (dev_id < 0 || (size_t)dev_id >= dma_dev_max || !dma_devices[dev_id].used) {
		DMA_LOG(ERR, "%s: no DMA device %d (list them with RTE_DMA_FOREACH_DEV)\n", what,
			dev_id);
		return NULL;
	}
	return &dma_devices[dev_id];
}

__rte_export int
rte_dma_dev_max(size_t dev_max)
{
	if (dev_max == 0 || dev_max > RTE_DMADEV_DEFAULT_MAX) {
		DMA_LOG(ERR, "rte_dma_dev_max: %zu devices: 1..%d are possible\n", dev_max,
			RTE_DMADEV_DEFAULT_MAX);
		return -EINVAL;
	}
	if (rte_dma_count_avail() > 0)
		return -EBUSY;
	dma_dev_max = dev_max;
	return 0;
}

__rte_export bool
rte_dma_is_valid(int16_t dev_id)
{
	return dev_id >= 0 && (size_t)dev_id < dma_dev_max && dma_devices[dev_id].used;
}

__rte_export uint16_t
rte_dma_count_avail(void)
{
	uint16_t n = 0;
	size_t i;

	for (i = 0; i < dma_dev_max; i++)
		n += dma_devices[i].used;
	return n;
}

__rte_export int16_t
rte_dma_next_dev(int16_t start_dev_id)
{
	int16_t i;

	for (i = RTE_MAX(start_dev_id, (int16_t)0); (size_t)i < dma_dev_max; i++)
		if (dma_devices[i].used)
			return i;
	return -1;
}

__rte_export int
rte_dma_get_dev_id_by_name(const char *name)
{
	size_t i;

	for (i = 0; name != NULL && i < dma_dev_max; i++)
		if (dma_devices[i].used && strcmp(dma_devices[i].name, name) == 0)
			return (int)i;
	return -EINVAL;
}

__rte_export struct rte_dma_dev *
rte_dma_pmd_allocate(const char *name, int numa_node, size_t private_data_size)
{
	struct rte_dma_dev *dev = NULL;
	size_t i;

	if (name == NULL || strlen(name) >= RTE_DEV_NAME_MAX_LEN_DMA ||
	    rte_dma_get_dev_id_by_name(name) >= 0) {
		DMA_LOG(ERR, "cannot create DMA device '%s': no name, too long or taken\n",
			name != NULL ? name : "");
		return NULL;
	}
	for (i = 0; i < dma_dev_max && dev == NULL; i++)
		if (!dma_devices[i].used)
			dev = &dma_devices[i];
	if (dev == NULL) {
		DMA_LOG(ERR,
			"cannot create DMA device '%s': all %zu ids are used "
			"(rte_dma_dev_max)\n",
			name, dma_dev_max);
		return NULL;
	}
	memset(dev, 0, sizeof(*dev));
	dev->dev_private = rte_zmalloc_socket(name, RTE_MAX(private_data_size, (size_t)1),
					      RTE_CACHE_LINE_SIZE, numa_node);
	if (dev->dev_private == NULL) {
		DMA_LOG(ERR, "cannot create DMA device '%s': out of memory\n", name);
		return NULL;
	}
	strlcpy(dev->name, name, sizeof(dev->name));
	dev->dev_id = (int16_t)(dev - dma_devices);
	dev->numa_node = numa_node;
	dev->used = true;
	return dev;
}

__rte_export int
rte_dma_pmd_release(const char *name)
{
	int id = rte_dma_get_dev_id_by_name(name);
	struct rte_dma_dev *dev;

	if (id < 0)
		return -EINVAL;
	dev = &dma_devices[id];
	if (dev->started && dev->dev_ops->dev_stop != NULL)
		dev->dev_ops->dev_stop(dev);
	dma_fp_table[id] = dma_fp_stub;
	rte_free(dev->dev_private);
	memset(dev, 0, sizeof(*dev));
	return 0;
}

__rte_export int
rte_dma_info_get(int16_t dev_id, struct rte_dma_info *dev_info)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_info_get");
	int ret;

	if (dev == NULL || dev_info == NULL)
		return -EINVAL;
	memset(dev_info, 0, sizeof(*dev_info));
	ret = dev->dev_ops->dev_info_get(dev, dev_info);
	if (ret != 0)
		return ret;
	dev_info->dev_name = dev->name;
	dev_info->numa_node = (int16_t)dev->numa_node;
	dev_info->nb_vchans = dev->conf.nb_vchans;
	return 0;
}

__rte_export int
rte_dma_configure(int16_t dev_id, const struct rte_dma_conf *dev_conf)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_configure");
	struct rte_dma_info info;
	int ret;

	if (dev == NULL || dev_conf == NULL)
		return -EINVAL;
	if (dev->started) {
		DMA_LOG(ERR, "%s: configure while started: rte_dma_stop() it first\n", dev->name);
		return -EBUSY;
	}
	ret = rte_dma_info_get(dev_id, &info);
	if (ret != 0)
		return ret;
	if (dev_conf->nb_vchans == 0 || dev_conf->nb_vchans > info.max_vchans) {
		DMA_LOG(ERR, "%s: %u vchans: 1..%u are possible\n", dev->name, dev_conf->nb_vchans,
			info.max_vchans);
		return -EINVAL;
	}
	if (dev_conf->enable_silent && !(info.dev_capa & RTE_DMA_CAPA_SILENT)) {
		DMA_LOG(ERR, "%s: silent mode is not supported (no RTE_DMA_CAPA_SILENT)\n",
			dev->name);
		return -EINVAL;
	}
	ret = dev->dev_ops->dev_configure(dev, dev_conf);
	if (ret != 0)
		return ret;
	dev->conf = *dev_conf;
	dev->vchans_set = 0;
	dev->configured = true;
	return 0;
}

__rte_export int
rte_dma_vchan_setup(int16_t dev_id, uint16_t vchan, const struct rte_dma_vchan_conf *conf)
{
	static const uint64_t dir_capa[] = {
		[RTE_DMA_DIR_MEM_TO_MEM] = RTE_DMA_CAPA_MEM_TO_MEM,
		[RTE_DMA_DIR_MEM_TO_DEV] = RTE_DMA_CAPA_MEM_TO_DEV,
		[RTE_DMA_DIR_DEV_TO_MEM] = RTE_DMA_CAPA_DEV_TO_MEM,
		[RTE_DMA_DIR_DEV_TO_DEV] = RTE_DMA_CAPA_DEV_TO_DEV,
	};
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_vchan_setup");
	struct rte_dma_info info;
	int ret;

	if (dev == NULL || conf == NULL)
		return -EINVAL;
	if (dev->started) {
		DMA_LOG(ERR, "%s: vchan setup while started: rte_dma_stop() it first\n", dev->name);
		return -EBUSY;
	}
	if (!dev->configured || vchan >= dev->conf.nb_vchans) {
		DMA_LOG(ERR, "%s: vchan %u: configure the device with more vchans first\n",
			dev->name, vchan);
		return -EINVAL;
	}
	ret = rte_dma_info_get(dev_id, &info);
	if (ret != 0)
		return ret;
	if ((unsigned int)conf->direction >= RTE_DIM(dir_capa) ||
	    !(info.dev_capa & dir_capa[conf->direction])) {
		DMA_LOG(ERR, "%s: direction %d is not supported\n", dev->name,
			(int)conf->direction);
		return -EINVAL;
	}
	if (conf->nb_desc < info.min_desc || conf->nb_desc > info.max_desc) {
		DMA_LOG(ERR, "%s: %u descriptors: %u..%u are possible\n", dev->name, conf->nb_desc,
			info.min_desc, info.max_desc);
		return -EINVAL;
	}
	ret = dev->dev_ops->vchan_setup(dev, vchan, conf);
	if (ret != 0)
		return ret;
	dev->vchans_set |= RTE_BIT64(vchan);
	return 0;
}

__rte_export int
rte_dma_start(int16_t dev_id)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_start");
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (!dev->configured || dev->vchans_set != RTE_LEN2MASK(dev->conf.nb_vchans, uint64_t)) {
		DMA_LOG(ERR,
			"%s: start before rte_dma_configure() and rte_dma_vchan_setup() of "
			"every vchan\n",
			dev->name);
		return -EINVAL;
	}
	if (dev->started)
		return 0;
	ret = dev->dev_ops->dev_start(dev);
	if (ret != 0)
		return ret;
	dma_fp_table[dev_id] = dev->fp;
	dma_fp_table[dev_id].dev_private = dev->dev_private;
	dev->started = true;
	return 0;
}

__rte_export int
rte_dma_stop(int16_t dev_id)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_stop");
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (!dev->started)
		return 0;
	ret = dev->dev_ops->dev_stop(dev);
	if (ret != 0)
		return ret;
	dma_fp_table[dev_id] = dma_fp_stub;
	dev->started = false;
	return 0;
}

__rte_export int
rte_dma_close(int16_t dev_id)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_close");
	int ret;

	if (dev == NULL)
		return -EINVAL;
	if (dev->started) {
		DMA_LOG(ERR, "%s: close while started: rte_dma_stop() it first\n", dev->name);
		return -EBUSY;
	}
	ret = dev->dev_ops->dev_close(dev);
	if (ret != 0)
		return ret;
	return rte_dma_pmd_release(dev->name);
}

/* dev_id and vchan valid for a stats call (vchan may be RTE_DMA_ALL_VCHAN). */
static struct rte_dma_dev *
dma_stats_dev(int16_t dev_id, uint16_t vchan, const char *what)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, what);

	if (dev == NULL)
		return NULL;
	if (vchan != RTE_DMA_ALL_VCHAN && (!dev->configured || vchan >= dev->conf.nb_vchans)) {
		DMA_LOG(ERR, "%s: %s: no vchan %u\n", what, dev->name, vchan);
		return NULL;
	}
	return dev;
}

__rte_export int
rte_dma_stats_get(int16_t dev_id, uint16_t vchan, struct rte_dma_stats *stats)
{
	struct rte_dma_dev *dev = dma_stats_dev(dev_id, vchan, "rte_dma_stats_get");

	if (dev == NULL || stats == NULL)
		return -EINVAL;
	memset(stats, 0, sizeof(*stats));
	return dev->dev_ops->stats_get(dev, vchan, stats);
}

__rte_export int
rte_dma_stats_reset(int16_t dev_id, uint16_t vchan)
{
	struct rte_dma_dev *dev = dma_stats_dev(dev_id, vchan, "rte_dma_stats_reset");

	if (dev == NULL)
		return -EINVAL;
	return dev->dev_ops->stats_reset(dev, vchan);
}

__rte_export int
rte_dma_vchan_status(int16_t dev_id, uint16_t vchan, enum rte_dma_vchan_status *status)
{
	struct rte_dma_dev *dev = dma_stats_dev(dev_id, vchan, "rte_dma_vchan_status");

	if (dev == NULL || status == NULL || vchan == RTE_DMA_ALL_VCHAN)
		return -EINVAL;
	if (dev->dev_ops->vchan_status == NULL)
		return -ENOTSUP;
	return dev->dev_ops->vchan_status(dev, vchan, status);
}

__rte_export int
rte_dma_dump(int16_t dev_id, FILE *f)
{
	struct rte_dma_dev *dev = dma_dev_get(dev_id, "rte_dma_dump");
	struct rte_dma_info info;

	if (dev == NULL || f == NULL || rte_dma_info_get(dev_id, &info) != 0)
		return -EINVAL;
	fprintf(f,
		"DMA device %d: %s\n  numa_node %d, %s, %u of %u vchans configured\n"
		"  capabilities 0x%" PRIx64 ", descriptors %u..%u, %u sges\n",
		dev_id, dev->name, dev->numa_node, dev->started ? "started" : "stopped",
		dev->conf.nb_vchans, info.max_vchans, info.dev_capa, info.min_desc, info.max_desc,
		info.max_sges);
	if (dev->dev_ops->dev_dump != NULL)
		return dev->dev_ops->dev_dump(dev, f);
	return 0;
}
