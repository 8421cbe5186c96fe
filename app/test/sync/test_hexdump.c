/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_hexdump(), rte_memdump() and rte_version(): exact output. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <rte_hexdump.h>
#include <rte_version.h>

#include "test.h"

/* What fn wrote to a memory stream, as a string to free(). */
static char *
hexdump_capture(void (*fn)(FILE *, const char *, const void *, unsigned int), const char *title,
		const void *buf, unsigned int len)
{
	char *out = NULL;
	size_t sz = 0;
	FILE *f = open_memstream(&out, &sz);

	if (f == NULL)
		return NULL;
	fn(f, title, buf, len);
	fclose(f);
	return out;
}

static int
test_hexdump_lines(void)
{
	const unsigned char data[18] = "ABCDEFGHIJKLMNO\n\x7f"
				       "z";
	char head[64];
	char *out;
	int ok;

	out = hexdump_capture(rte_hexdump, "blk", data, sizeof(data));
	TEST_ASSERT_NOT_NULL(out, "capture");
	snprintf(head, sizeof(head), "blk at [%p], len=18\n", (const void *)data);
	ok = strncmp(out, head, strlen(head)) == 0 &&
	     strcmp(out + strlen(head),
		    "00000000: 41 42 43 44 45 46 47 48 49 4A 4B 4C 4D 4E 4F 0A | ABCDEFGHIJKLMNO.\n"
		    "00000010: 7F 7A                                           | .z\n") == 0;
	if (!ok)
		printf("got:\n%s", out);
	free(out);
	TEST_ASSERT(ok, "hexdump output differs");

	out = hexdump_capture(rte_hexdump, NULL, data, 0);
	TEST_ASSERT_NOT_NULL(out, "capture");
	ok = strncmp(out, "  Dump data at [", 16) == 0 && strstr(out, "], len=0\n") != NULL &&
	     strchr(out, '\n')[1] == '\0';
	free(out);
	TEST_ASSERT(ok, "empty hexdump is the header only");
	return TEST_SUCCESS;
}

static int
test_hexdump_memdump(void)
{
	const unsigned char data[3] = {0x00, 0xab, 0x7f};
	char *out;
	int ok;

	out = hexdump_capture(rte_memdump, "key", data, sizeof(data));
	TEST_ASSERT_NOT_NULL(out, "capture");
	ok = strcmp(out, "key: 00:ab:7f\n") == 0;
	free(out);
	TEST_ASSERT(ok, "memdump with a title");

	out = hexdump_capture(rte_memdump, NULL, data, 1);
	TEST_ASSERT_NOT_NULL(out, "capture");
	ok = strcmp(out, "00\n") == 0;
	free(out);
	TEST_ASSERT(ok, "memdump without a title");
	return TEST_SUCCESS;
}

static int
test_hexdump_version(void)
{
	const char *v = rte_version();

	TEST_ASSERT_EQUAL(strncmp(v, RTE_VER_PREFIX, strlen(RTE_VER_PREFIX)), 0, "%s", v);
	TEST_ASSERT(strncmp(v, "DPDK 22.11.0", 12) == 0, "%s", v);
	TEST_ASSERT(strstr(v, "Sluice") != NULL, "%s", v);
	TEST_ASSERT(RTE_VERSION >= RTE_VERSION_NUM(22, 11, 0, 0), "API level");
	TEST_ASSERT(RTE_VERSION < RTE_VERSION_NUM(22, 11, 1, 0), "API level");
	TEST_ASSERT_EQUAL(rte_version_year(), 22, "year");
	TEST_ASSERT_EQUAL(rte_version_month(), 11, "month");
	TEST_ASSERT_EQUAL(rte_version_minor(), 0, "minor");
	TEST_ASSERT_EQUAL(rte_version_release(), 99, "release");
	TEST_ASSERT_EQUAL(strcmp(rte_version_suffix(), ""), 0, "suffix");
	TEST_ASSERT_EQUAL(strcmp(rte_version_prefix(), "DPDK"), 0, "prefix");
	return TEST_SUCCESS;
}

static const struct test_case hexdump_cases[] = {
	TEST_CASE(test_hexdump_lines),
	TEST_CASE(test_hexdump_memdump),
	TEST_CASE(test_hexdump_version),
	TEST_CASES_END(),
};

REGISTER_TEST_SUITE(hexdump, TEST_SUITE_NO_EAL, hexdump_cases)
