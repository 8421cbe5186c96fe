/* SPDX-License-Identifier: BSD-3-Clause */
/* Macros and helpers of rte_common.h, byte order, strings, PCI addresses. */
#include <errno.h>
#include <string.h>

#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_errno.h>
#include <rte_pci.h>
#include <rte_prefetch.h>
#include <rte_string_fns.h>

#include "test.h"

struct aligned_thing {
	char c;
} __rte_cache_aligned;

static int
test_common_macros(void)
{
	int arr[7];

	TEST_ASSERT_EQUAL(RTE_MIN(3, 9), 3, "min");
	TEST_ASSERT_EQUAL(RTE_MAX(3, 9), 9, "max");
	TEST_ASSERT_EQUAL(RTE_DIM(arr), 7, "dim");
	TEST_ASSERT_EQUAL(RTE_ALIGN(13, 8), 16, "align up");
	TEST_ASSERT_EQUAL(RTE_ALIGN_FLOOR(13, 8), 8, "align down");
	TEST_ASSERT_EQUAL(RTE_ALIGN_MUL_CEIL(10, 3), 12, "mul ceil");
	TEST_ASSERT_EQUAL(sizeof(struct aligned_thing), RTE_CACHE_LINE_SIZE, "cache aligned");
	TEST_ASSERT_EQUAL(rte_align32pow2(33), 64, "pow2 up");
	TEST_ASSERT_EQUAL(rte_align32prevpow2(33), 32, "pow2 down");
	TEST_ASSERT_EQUAL(rte_align64pow2(1ULL << 40), 1ULL << 40, "pow2 exact");
	TEST_ASSERT(rte_is_power_of_2(64) && !rte_is_power_of_2(65) && !rte_is_power_of_2(0),
		    "is pow2");
	TEST_ASSERT_EQUAL(rte_log2_u32(1024), 10, "log2");
	TEST_ASSERT_EQUAL(rte_bsf32(0x50), 4, "bsf");
	TEST_ASSERT_EQUAL(rte_fls_u32(0x50), 7, "fls");
	TEST_ASSERT_EQUAL(rte_str_to_size("2M"), 2 << 20, "size M");
	TEST_ASSERT_EQUAL(rte_str_to_size("1G"), 1 << 30, "size G");
	TEST_ASSERT_EQUAL(rte_str_to_size("4096"), 4096, "size plain");
	return TEST_SUCCESS;
}

static int
test_common_byteorder(void)
{
	uint8_t b[4];
	uint32_t be = rte_cpu_to_be_32(0x01020304);

	memcpy(b, &be, 4);
	TEST_ASSERT(b[0] == 1 && b[3] == 4, "big endian layout");
	TEST_ASSERT_EQUAL(rte_be_to_cpu_16(RTE_BE16(0x1234)), 0x1234, "16-bit round trip");
	TEST_ASSERT_EQUAL(rte_bswap64(0x0102030405060708ULL), 0x0807060504030201ULL, "bswap64");
	return TEST_SUCCESS;
}

static int
test_common_strings(void)
{
	char s[] = "a,b,,c";
	char *tok[8];
	char small[4];

	TEST_ASSERT_EQUAL(rte_strsplit(s, sizeof(s), tok, 8, ','), 4, "4 tokens");
	TEST_ASSERT(strcmp(tok[0], "a") == 0 && strcmp(tok[2], "") == 0 &&
		    strcmp(tok[3], "c") == 0, "token text");
	TEST_ASSERT_EQUAL(rte_strlcpy(small, "hello", sizeof(small)), 5, "strlcpy length");
	TEST_ASSERT(strcmp(small, "hel") == 0, "truncated");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_strscpy(small, "hello", sizeof(small)), -E2BIG, "strscpy");
	TEST_ASSERT_EQUAL(rte_errno, E2BIG, "strscpy sets rte_errno when it truncates");
	TEST_ASSERT(strcmp(small, "hel") == 0, "strscpy keeps what fits");
	rte_errno = 0;
	TEST_ASSERT_EQUAL(rte_strscpy(small, "hi", sizeof(small)), 2, "strscpy length");
	TEST_ASSERT_EQUAL(rte_errno, 0, "strscpy leaves rte_errno alone when it fits");
	TEST_ASSERT_EQUAL(rte_strscpy(small, "", 0), -E2BIG, "strscpy into 0 bytes");
	TEST_ASSERT_EQUAL(rte_errno, E2BIG, "strscpy into 0 bytes sets rte_errno");
	errno = 0;
	TEST_ASSERT_EQUAL(rte_strsplit(NULL, 4, tok, 8, ','), -1, "strsplit NULL string");
	TEST_ASSERT_EQUAL(errno, EINVAL, "strsplit sets errno");
	TEST_ASSERT(strcmp(rte_strerror(EINVAL), "Invalid argument") == 0, "strerror");
	TEST_ASSERT(strcmp(rte_strerror(E_RTE_SECONDARY),
			   "Invalid call in secondary process") == 0, "rte errno");
	return TEST_SUCCESS;
}

static int
test_common_pci_addr(void)
{
	struct rte_pci_addr a, b;
	char name[PCI_PRI_STR_SIZE];

	TEST_ASSERT_SUCCESS(rte_pci_addr_parse("0000:00:03.0", &a), "full");
	TEST_ASSERT(a.domain == 0 && a.bus == 0 && a.devid == 3 && a.function == 0, "fields");
	TEST_ASSERT_SUCCESS(rte_pci_addr_parse("3b:1f.7", &b), "short");
	TEST_ASSERT_EQUAL(rte_pci_addr_cmp(&a, &b), -1, "lower bus compares below");
	TEST_ASSERT_EQUAL(rte_pci_addr_cmp(&b, &a), 1, "higher bus compares above");
	TEST_ASSERT_EQUAL(rte_pci_addr_cmp(&a, &a), 0, "equal");
	TEST_ASSERT_EQUAL(rte_pci_addr_cmp(NULL, &a), -1, "NULL compares as an error");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse(NULL, &a), -EINVAL, "NULL string");
	TEST_ASSERT(b.bus == 0x3b && b.devid == 0x1f && b.function == 7, "short fields");
	rte_pci_device_name(&b, name, sizeof(name));
	TEST_ASSERT(strcmp(name, "0000:3b:1f.7") == 0, "formatted %s", name);
	TEST_ASSERT(rte_pci_addr_cmp(&a, &b) < 0, "ordering");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse("00:20.0", &a), -EINVAL, "device > 31");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse("00:03.8", &a), -EINVAL, "function > 7");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse("00:03", &a), -EINVAL, "no function");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse("0000:00:03.0x", &a), -EINVAL, "trailing");
	TEST_ASSERT_EQUAL(rte_pci_addr_parse("", &a), -EINVAL, "empty");
	return TEST_SUCCESS;
}

/* RTE_ALIGN_MUL_NEAR, rte_bsf64_safe, unaligned integers, write prefetches. */
static int
test_common_dpdk_extras(void)
{
	uint8_t bytes[16] = { 0 };
	unaligned_uint32_t *u32 = (unaligned_uint32_t *)(bytes + 1);
	unaligned_uint64_t *u64 = (unaligned_uint64_t *)(bytes + 5);
	unaligned_uint16_t *u16 = (unaligned_uint16_t *)(bytes + 13);
	uint32_t pos = 99;

	TEST_ASSERT_EQUAL(RTE_ALIGN_MUL_NEAR(10, 4), 12, "halfway rounds up");
	TEST_ASSERT_EQUAL(RTE_ALIGN_MUL_NEAR(9, 4), 8, "nearer below");
	TEST_ASSERT_EQUAL(RTE_ALIGN_MUL_NEAR(11, 4), 12, "nearer above");
	TEST_ASSERT_EQUAL(RTE_ALIGN_MUL_NEAR(12, 4), 12, "a multiple stays");
	TEST_ASSERT_EQUAL(rte_bsf64_safe(0, &pos), 0, "no bit in 0");
	TEST_ASSERT_EQUAL(pos, 99, "pos untouched for 0");
	TEST_ASSERT_EQUAL(rte_bsf64_safe(1ULL << 40 | 1ULL << 63, &pos), 1, "a bit");
	TEST_ASSERT_EQUAL(pos, 40, "lowest set bit above 32");
	*u32 = 0x11223344;
	*u64 = 0x0102030405060708ULL;
	*u16 = 0xabcd;
	TEST_ASSERT_EQUAL(*u32, 0x11223344, "unaligned 32-bit");
	TEST_ASSERT_EQUAL(*u64, 0x0102030405060708ULL, "unaligned 64-bit");
	TEST_ASSERT_EQUAL(*u16, 0xabcd, "unaligned 16-bit");
	TEST_ASSERT_EQUAL(bytes[1], 0x44, "little-endian store at the odd address");
	rte_prefetch1_write(bytes);
	rte_prefetch2_write(bytes);
	return TEST_SUCCESS;
}

static const struct test_case common_cases[] = {
	TEST_CASE(test_common_dpdk_extras),
	TEST_CASE(test_common_macros),
	TEST_CASE(test_common_byteorder),
	TEST_CASE(test_common_strings),
	TEST_CASE(test_common_pci_addr),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(common, TEST_SUITE_NO_EAL, common_cases)
