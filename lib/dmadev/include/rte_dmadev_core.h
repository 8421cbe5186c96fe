/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The fast-path table behind rte_dma_copy() and friends: one entry a
 * device id, filled by the library when the device starts and reset to
 * failing stubs when it stops. Not for applications to use directly.
 */
#ifndef _RTE_DMADEV_CORE_H_
#define _RTE_DMADEV_CORE_H_

#include <stdbool.h>
#include <stdint.h>

#include <rte_common.h>
#include <rte_memory.h>

struct rte_dma_sge;
enum rte_dma_status_code;

typedef int (*rte_dma_copy_t)(void *dev_private, uint16_t vchan, rte_iova_t src, rte_iova_t dst,
			      uint32_t length, uint64_t flags);
typedef int (*rte_dma_copy_sg_t)(void *dev_private, uint16_t vchan, const struct rte_dma_sge *src,
				 const struct rte_dma_sge *dst, uint16_t nb_src, uint16_t nb_dst,
				 uint64_t flags);
typedef int (*rte_dma_fill_t)(void *dev_private, uint16_t vchan, uint64_t pattern, rte_iova_t dst,
			      uint32_t length, uint64_t flags);
typedef int (*rte_dma_submit_t)(void *dev_private, uint16_t vchan);
typedef uint16_t (*rte_dma_completed_t)(void *dev_private, uint16_t vchan, const uint16_t nb_cpls,
					uint16_t *last_idx, bool *has_error);
typedef uint16_t (*rte_dma_completed_status_t)(void *dev_private, uint16_t vchan,
					       const uint16_t nb_cpls, uint16_t *last_idx,
					       enum rte_dma_status_code *status);
typedef uint16_t (*rte_dma_burst_capacity_t)(const void *dev_private, uint16_t vchan);

struct rte_dma_fp_object {
	void *dev_private;
	rte_dma_copy_t copy;
	rte_dma_copy_sg_t copy_sg;
	rte_dma_fill_t fill;
	rte_dma_submit_t submit;
	rte_dma_completed_t completed;
	rte_dma_completed_status_t completed_status;
	rte_dma_burst_capacity_t burst_capacity;
} __rte_cache_aligned;

extern struct rte_dma_fp_object *rte_dma_fp_objs;

#endif /* _RTE_DMADEV_CORE_H_ */
