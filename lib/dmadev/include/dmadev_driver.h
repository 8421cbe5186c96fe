/* SPDX-License-Identifier: BSD-3-Clause */
/* What a DMA driver provides and gets: its ops, and device allocation. */
#ifndef _DMADEV_DRIVER_H_
#define _DMADEV_DRIVER_H_

#include <stdbool.h>
#include <stdio.h>

#include <rte_dmadev.h>

#define RTE_DEV_NAME_MAX_LEN_DMA 64

struct rte_dma_dev;

/* Each gets a device the library checked: its id valid, vchan below the
 * configured count, the state right for the call. */
struct rte_dma_dev_ops {
	int (*dev_info_get)(const struct rte_dma_dev *dev, struct rte_dma_info *info);
	int (*dev_configure)(struct rte_dma_dev *dev, const struct rte_dma_conf *conf);
	int (*dev_start)(struct rte_dma_dev *dev);
	int (*dev_stop)(struct rte_dma_dev *dev);
	int (*dev_close)(struct rte_dma_dev *dev);
	int (*vchan_setup)(struct rte_dma_dev *dev, uint16_t vchan,
			   const struct rte_dma_vchan_conf *conf);
	int (*stats_get)(const struct rte_dma_dev *dev, uint16_t vchan,
			 struct rte_dma_stats *stats);
	int (*stats_reset)(struct rte_dma_dev *dev, uint16_t vchan);
	int (*vchan_status)(const struct rte_dma_dev *dev, uint16_t vchan,
			    enum rte_dma_vchan_status *status);
	int (*dev_dump)(const struct rte_dma_dev *dev, FILE *f);
};

struct rte_dma_dev {
	char name[RTE_DEV_NAME_MAX_LEN_DMA];
	int16_t dev_id;
	int numa_node;
	void *dev_private;
	const struct rte_dma_dev_ops *dev_ops;
	/* the driver's fast path; installed in rte_dma_fp_objs while started */
	struct rte_dma_fp_object fp;
	/* the library's own */
	struct rte_dma_conf conf;
	uint64_t vchans_set; /* bit v: vchan v set up since the last configure */
	bool used;
	bool configured;
	bool started;
};

/* A device called name with private_data_size zeroed bytes (dev_private);
 * NULL when the name is taken or no id or memory is left (logged). */
struct rte_dma_dev *rte_dma_pmd_allocate(const char *name, int numa_node, size_t private_data_size);
/* Free the device called name (stopping it first). 0 or -EINVAL. */
int rte_dma_pmd_release(const char *name);

#endif /* _DMADEV_DRIVER_H_ */
