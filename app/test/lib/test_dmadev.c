/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * dmadev with the dma_skeleton device: copies and fills land byte for byte
 * once submitted (not before), completions come back in ring-index order,
 * a bad address is reported by its status and stops rte_dma_completed,
 * a full ring says -ENOSPC, the counters add up; control calls in the
 * wrong state or with bad arguments fail with EINVAL or EBUSY.
 */
#include <string.h>

#include <rte_bus_vdev.h>
#include <rte_dmadev.h>
#include <rte_malloc.h>

#include "test.h"

#define NB_DESC 64
#define BUF_LEN 4096

static int
dma_body(int16_t id, uint8_t *src, uint8_t *dst)
{
	struct rte_dma_conf conf = {.nb_vchans = 1};
	struct rte_dma_vchan_conf vconf = {.direction = RTE_DMA_DIR_MEM_TO_MEM, .nb_desc = 48};
	rte_iova_t s = rte_malloc_virt2iova(src), d = rte_malloc_virt2iova(dst);
	enum rte_dma_status_code st[4];
	struct rte_dma_stats stats;
	struct rte_dma_info info;
	uint16_t last = 0, i;
	bool err = false;
	int idx;

	TEST_ASSERT_SUCCESS(rte_dma_info_get(id, &info), "info");
	TEST_ASSERT(strcmp(info.dev_name, "dma_skeleton0") == 0, "name %s", info.dev_name);
	TEST_ASSERT(info.dev_capa & RTE_DMA_CAPA_OPS_COPY, "copy capa");
	TEST_ASSERT_EQUAL(rte_dma_start(id), -EINVAL, "start before configure");
	conf.nb_vchans = 2;
	TEST_ASSERT_EQUAL(rte_dma_configure(id, &conf), -EINVAL, "2 vchans");
	conf.nb_vchans = 1;
	TEST_ASSERT_SUCCESS(rte_dma_configure(id, &conf), "configure");
	TEST_ASSERT_EQUAL(rte_dma_vchan_setup(id, 0, &vconf), -EINVAL, "48 descriptors");
	vconf.nb_desc = NB_DESC;
	vconf.direction = RTE_DMA_DIR_MEM_TO_DEV;
	TEST_ASSERT_EQUAL(rte_dma_vchan_setup(id, 0, &vconf), -EINVAL, "mem to dev");
	vconf.direction = RTE_DMA_DIR_MEM_TO_MEM;
	TEST_ASSERT_SUCCESS(rte_dma_vchan_setup(id, 0, &vconf), "vchan");
	TEST_ASSERT_EQUAL(rte_dma_copy(id, 0, s, d, 8, 0), -EINVAL, "copy before start");
	TEST_ASSERT_SUCCESS(rte_dma_start(id), "start");
	TEST_ASSERT_EQUAL(rte_dma_configure(id, &conf), -EBUSY, "configure while started");

	/* a copy, then a fill: nothing happens before the submit */
	for (i = 0; i < BUF_LEN; i++)
		src[i] = (uint8_t)(i * 7 + 1);
	memset(dst, 0, BUF_LEN);
	TEST_ASSERT_EQUAL(rte_dma_copy(id, 0, s, d, 3000, 0), 0, "first index 0");
	TEST_ASSERT_EQUAL(rte_dma_fill(id, 0, 0x0807060504030201ull, d + 3000, 1000, 0), 1, "fill");
	TEST_ASSERT_EQUAL(dst[0], 0, "copied before submit");
	TEST_ASSERT_EQUAL(rte_dma_completed(id, 0, 4, &last, &err), 0, "nothing done yet");
	TEST_ASSERT_SUCCESS(rte_dma_submit(id, 0), "submit");
	TEST_ASSERT_EQUAL(rte_dma_completed(id, 0, 4, &last, &err), 2, "two done");
	TEST_ASSERT(!err && last == 1, "last index %u, error %d", last, err);
	TEST_ASSERT(memcmp(dst, src, 3000) == 0, "copied bytes");
	for (i = 0; i < 1000; i++)
		TEST_ASSERT_EQUAL(dst[3000 + i], i % 8 + 1, "fill byte %u", i);
	TEST_ASSERT_EQUAL(dst[4000], 0, "past the fill");

	/* an unbacked source address: status, and rte_dma_completed stops at it */
	idx = rte_dma_copy(id, 0, 0x10, d, 64, 0);
	TEST_ASSERT_EQUAL(idx, 2, "index 2");
	TEST_ASSERT_EQUAL(rte_dma_copy(id, 0, s, d, 64, RTE_DMA_OP_FLAG_SUBMIT), 3, "index 3");
	TEST_ASSERT_EQUAL(rte_dma_completed(id, 0, 4, &last, &err), 0, "stops at the error");
	TEST_ASSERT(err, "has_error");
	TEST_ASSERT_EQUAL(rte_dma_completed_status(id, 0, 4, &last, st), 2, "statuses");
	TEST_ASSERT(st[0] == RTE_DMA_STATUS_INVALID_SRC_ADDR && st[1] == RTE_DMA_STATUS_SUCCESSFUL,
		    "statuses %d %d", st[0], st[1]);
	TEST_ASSERT_EQUAL(last, 3, "last index 3");

	/* a full ring */
	TEST_ASSERT_EQUAL(rte_dma_burst_capacity(id, 0), NB_DESC, "capacity");
	for (i = 0; i < NB_DESC; i++)
		TEST_ASSERT_EQUAL(rte_dma_copy(id, 0, s, d, 16, 0), 4 + i, "copy %u", i);
	TEST_ASSERT_EQUAL(rte_dma_copy(id, 0, s, d, 16, 0), -ENOSPC, "ring full");
	TEST_ASSERT_SUCCESS(rte_dma_submit(id, 0), "submit");
	TEST_ASSERT_EQUAL(rte_dma_completed(id, 0, NB_DESC, &last, NULL), NB_DESC, "all done");
	TEST_ASSERT_EQUAL(last, 4 + NB_DESC - 1, "last index");

	TEST_ASSERT_SUCCESS(rte_dma_stats_get(id, RTE_DMA_ALL_VCHAN, &stats), "stats");
	TEST_ASSERT(stats.submitted == 4 + NB_DESC && stats.completed == 3 + NB_DESC &&
			    stats.errors == 1,
		    "stats %" PRIu64 " %" PRIu64 " %" PRIu64, stats.submitted, stats.completed,
		    stats.errors);
	TEST_ASSERT_EQUAL(rte_dma_stats_get(id, 1, &stats), -EINVAL, "vchan 1");
	TEST_ASSERT_SUCCESS(rte_dma_stop(id), "stop");
	TEST_ASSERT_EQUAL(rte_dma_submit(id, 0), -EINVAL, "submit after stop");
	return TEST_SUCCESS;
}

static int
test_dmadev_skeleton(void)
{
	uint8_t *src, *dst;
	int16_t id;
	int ret;

	TEST_ASSERT_SUCCESS(rte_vdev_init("dma_skeleton0", NULL), "vdev");
	id = (int16_t)rte_dma_get_dev_id_by_name("dma_skeleton0");
	TEST_ASSERT(rte_dma_is_valid(id), "id %d", id);
	TEST_ASSERT_EQUAL(rte_dma_count_avail(), 1, "one device");
	TEST_ASSERT_EQUAL(rte_dma_next_dev(0), id, "next");
	src = rte_malloc(NULL, BUF_LEN, 64);
	dst = rte_malloc(NULL, BUF_LEN, 64);
	ret = (src == NULL || dst == NULL) ? TEST_FAILED : dma_body(id, src, dst);
	rte_free(src);
	rte_free(dst);
	TEST_ASSERT_SUCCESS(rte_vdev_uninit("dma_skeleton0"), "uninit");
	TEST_ASSERT(!rte_dma_is_valid(id), "gone");
	TEST_ASSERT_EQUAL(rte_dma_count_avail(), 0, "no device");
	TEST_ASSERT_EQUAL(rte_vdev_init("dma_skeleton0", "x=1"), -EINVAL, "arguments refused");
	return ret;
}

static const struct test_case test_dmadev_cases[] = {
	TEST_CASE(test_dmadev_skeleton),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(dmadev, TEST_SUITE_EAL, test_dmadev_cases);
