/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CPU flags and SIMD width: flags agree with the kernel's view of the CPU
 * (/proc/cpuinfo), names map back to their flags, out-of-range flags are
 * refused, and the SIMD width limit takes only valid values.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/auxv.h>
#include <unistd.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_vect.h>

#include "test.h"

/* Flags whose /proc/cpuinfo name Linux takes straight from the same cpuid
 * bit (arch/x86/include/asm/cpufeatures.h) and does not clear on its own
 * for common boot options. Not RDSEED: Linux hides it on AMD CPUs whose
 * RDSEED is broken, while cpuid still reports it. */
static const struct {
	enum rte_cpu_flag_t flag;
	const char *linux_name;
} cpuinfo_names[] = {
	{ RTE_CPUFLAG_FPU, "fpu" },
	{ RTE_CPUFLAG_TSC, "tsc" },
	{ RTE_CPUFLAG_CX8, "cx8" },
	{ RTE_CPUFLAG_CMOV, "cmov" },
	{ RTE_CPUFLAG_CLFSH, "clflush" },
	{ RTE_CPUFLAG_MMX, "mmx" },
	{ RTE_CPUFLAG_FXSR, "fxsr" },
	{ RTE_CPUFLAG_SSE, "sse" },
	{ RTE_CPUFLAG_SSE2, "sse2" },
	{ RTE_CPUFLAG_SSE3, "pni" },
	{ RTE_CPUFLAG_PCLMULQDQ, "pclmulqdq" },
	{ RTE_CPUFLAG_SSSE3, "ssse3" },
	{ RTE_CPUFLAG_FMA, "fma" },
	{ RTE_CPUFLAG_CMPXCHG16B, "cx16" },
	{ RTE_CPUFLAG_SSE4_1, "sse4_1" },
	{ RTE_CPUFLAG_SSE4_2, "sse4_2" },
	{ RTE_CPUFLAG_MOVBE, "movbe" },
	{ RTE_CPUFLAG_POPCNT, "popcnt" },
	{ RTE_CPUFLAG_AES, "aes" },
	{ RTE_CPUFLAG_XSAVE, "xsave" },
	{ RTE_CPUFLAG_AVX, "avx" },
	{ RTE_CPUFLAG_F16C, "f16c" },
	{ RTE_CPUFLAG_RDRAND, "rdrand" },
	{ RTE_CPUFLAG_HYPERVISOR, "hypervisor" },
	{ RTE_CPUFLAG_FSGSBASE, "fsgsbase" },
	{ RTE_CPUFLAG_BMI1, "bmi1" },
	{ RTE_CPUFLAG_AVX2, "avx2" },
	{ RTE_CPUFLAG_BMI2, "bmi2" },
	{ RTE_CPUFLAG_ERMS, "erms" },
	{ RTE_CPUFLAG_AVX512F, "avx512f" },
	{ RTE_CPUFLAG_AVX512DQ, "avx512dq" },
	{ RTE_CPUFLAG_AVX512CD, "avx512cd" },
	{ RTE_CPUFLAG_AVX512BW, "avx512bw" },
	{ RTE_CPUFLAG_AVX512VL, "avx512vl" },
	{ RTE_CPUFLAG_GFNI, "gfni" },
	{ RTE_CPUFLAG_VAES, "vaes" },
	{ RTE_CPUFLAG_VPCLMULQDQ, "vpclmulqdq" },
	{ RTE_CPUFLAG_LAHF_SAHF, "lahf_lm" },
	{ RTE_CPUFLAG_LZCNT, "abm" },
	{ RTE_CPUFLAG_SYSCALL, "syscall" },
	{ RTE_CPUFLAG_XD, "nx" },
	{ RTE_CPUFLAG_1GB_PG, "pdpe1gb" },
	{ RTE_CPUFLAG_RDTSCP, "rdtscp" },
	{ RTE_CPUFLAG_EM64T, "lm" },
	{ RTE_CPUFLAG_WAITPKG, "waitpkg" },
};

/* The first "flags" line of /proc/cpuinfo, with a space at both ends. */
static int
cpuinfo_flags(char *buf, size_t len)
{
	FILE *f = fopen("/proc/cpuinfo", "r");
	char *line = NULL;
	size_t cap = 0;
	int ret = -1;

	if (f == NULL)
		return -1;
	while (getline(&line, &cap, f) > 0) {
		char *colon = strchr(line, ':');

		if (strncmp(line, "flags", 5) != 0 || colon == NULL)
			continue;
		colon[strcspn(colon, "\n")] = '\0';
		snprintf(buf, len, "%s ", colon + 1);
		ret = 0;
		break;
	}
	free(line);
	fclose(f);
	return ret;
}

static int
test_flags_match_cpuinfo(void)
{
	static char flags[8192];
	char word[64];

	if (cpuinfo_flags(flags, sizeof(flags)) != 0)
		return TEST_SKIPPED;
	for (unsigned int i = 0; i < RTE_DIM(cpuinfo_names); i++) {
		int want, got;

		snprintf(word, sizeof(word), " %s ", cpuinfo_names[i].linux_name);
		want = strstr(flags, word) != NULL;
		got = rte_cpu_get_flag_enabled(cpuinfo_names[i].flag);
		TEST_ASSERT_EQUAL(got, want, "%s (%s in /proc/cpuinfo)",
				  rte_cpu_get_flag_name(cpuinfo_names[i].flag),
				  cpuinfo_names[i].linux_name);
	}
	/* This machine has what the -march of the build needs. */
	TEST_ASSERT_EQUAL(rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2), 1, "x86-64-v2 has SSE4.2");
	return TEST_SUCCESS;
}

static int
test_names_round_trip(void)
{
	/* DPDK's values, which applications may have compiled in. */
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_SSE3, 0, "first");
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_FPU, 30, "leaf 1 EDX starts");
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_AVX2, 71, "AVX2");
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_INVTSC, 86, "INVTSC");
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_WAITPKG, 104, "WAITPKG");
	TEST_ASSERT_EQUAL(RTE_CPUFLAG_NUMFLAGS, 105, "number of flags");

	for (int f = 0; f < RTE_CPUFLAG_NUMFLAGS; f++) {
		const char *name = rte_cpu_get_flag_name(f);
		int found = -1;

		TEST_ASSERT_NOT_NULL(name, "flag %d has a name", f);
		TEST_ASSERT(name[0] != '\0', "flag %d: empty name", f);
		for (int g = 0; g < RTE_CPUFLAG_NUMFLAGS; g++)
			if (strcmp(rte_cpu_get_flag_name(g), name) == 0) {
				TEST_ASSERT_EQUAL(found, -1, "%s names two flags", name);
				found = g;
			}
		TEST_ASSERT_EQUAL(found, f, "%s maps back to its flag", name);
		TEST_ASSERT(rte_cpu_get_flag_enabled(f) == 0 || rte_cpu_get_flag_enabled(f) == 1,
			    "%s is 0 or 1", name);
	}
	TEST_ASSERT(strcmp(rte_cpu_get_flag_name(RTE_CPUFLAG_SSE4_2), "SSE4_2") == 0, "SSE4_2");
	TEST_ASSERT(strcmp(rte_cpu_get_flag_name(RTE_CPUFLAG_1GB_PG), "1GB_PG") == 0, "1GB_PG");
	TEST_ASSERT(strcmp(rte_cpu_get_flag_name(RTE_CPUFLAG_AVX512VP2INTERSECT),
			   "AVX512VP2INTERSECT") == 0, "AVX512VP2INTERSECT");
	return TEST_SUCCESS;
}

static int
test_unknown_flag(void)
{
	TEST_ASSERT_EQUAL(rte_cpu_get_flag_enabled(RTE_CPUFLAG_NUMFLAGS), -ENOENT, "NUMFLAGS");
	TEST_ASSERT_EQUAL(rte_cpu_get_flag_enabled((enum rte_cpu_flag_t)1000), -ENOENT, "1000");
	TEST_ASSERT_EQUAL(rte_cpu_get_flag_enabled((enum rte_cpu_flag_t)-1), -ENOENT, "-1");
	TEST_ASSERT_NULL(rte_cpu_get_flag_name(RTE_CPUFLAG_NUMFLAGS), "no name past the end");
	TEST_ASSERT_NULL(rte_cpu_get_flag_name((enum rte_cpu_flag_t)-1), "no name for -1");
	return TEST_SUCCESS;
}

static int
test_supported_and_intrinsics(void)
{
	struct rte_cpu_intrinsics in;
	int waitpkg = rte_cpu_get_flag_enabled(RTE_CPUFLAG_WAITPKG);

	TEST_ASSERT_EQUAL(rte_cpu_is_supported(), 1, "the CPU runs what the library was built for");
	memset(&in, 0xff, sizeof(in));
	rte_cpu_get_intrinsics_support(&in);
	TEST_ASSERT_EQUAL(in.power_monitor, waitpkg, "monitor follows WAITPKG");
	TEST_ASSERT_EQUAL(in.power_pause, waitpkg, "pause follows WAITPKG");
	TEST_ASSERT_EQUAL(in.power_monitor_multi,
			  waitpkg && rte_cpu_get_flag_enabled(RTE_CPUFLAG_RTM) == 1,
			  "multi-monitor needs WAITPKG and RTM");
	return TEST_SUCCESS;
}

static int
test_auxval(void)
{
	TEST_ASSERT_EQUAL(rte_cpu_getauxval(AT_PAGESZ), sysconf(_SC_PAGESIZE), "AT_PAGESZ");
	TEST_ASSERT_EQUAL(rte_cpu_strcmp_auxval(AT_PLATFORM, "x86_64"), 0, "platform x86_64");
	TEST_ASSERT_EQUAL(rte_cpu_strcmp_auxval(AT_PLATFORM, "aarch64"), 1, "not aarch64");
	return TEST_SUCCESS;
}

static int
test_simd_bitwidth(void)
{
	rte_xmm_t x = { .u32 = { 1, 2, 3, 4 } };

	TEST_ASSERT_EQUAL(sizeof(rte_xmm_t), 16, "xmm is 128 bits");
	TEST_ASSERT_EQUAL(x.u8[4], 2, "lanes are little-endian");
	TEST_ASSERT_EQUAL(rte_vect_get_max_simd_bitwidth(), RTE_VECT_DEFAULT_SIMD_BITWIDTH,
			  "starts at the default");
	TEST_ASSERT_EQUAL(RTE_VECT_DEFAULT_SIMD_BITWIDTH, 256, "x86 default");
	TEST_ASSERT_SUCCESS(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_128), "128");
	TEST_ASSERT_EQUAL(rte_vect_get_max_simd_bitwidth(), 128, "now 128");
	TEST_ASSERT_EQUAL(rte_vect_set_max_simd_bitwidth(32), -EINVAL, "below 64");
	TEST_ASSERT_EQUAL(rte_vect_set_max_simd_bitwidth(384), -EINVAL, "not a power of 2");
	TEST_ASSERT_EQUAL(rte_vect_set_max_simd_bitwidth(0), -EINVAL, "0");
	TEST_ASSERT_EQUAL(rte_vect_get_max_simd_bitwidth(), 128, "refusals change nothing");
	TEST_ASSERT_SUCCESS(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_MAX), "no limit");
	TEST_ASSERT_EQUAL(rte_vect_get_max_simd_bitwidth(), 32768, "MAX");
	TEST_ASSERT_SUCCESS(rte_vect_set_max_simd_bitwidth(RTE_VECT_SIMD_DISABLED), "scalar");
	TEST_ASSERT_EQUAL(rte_vect_get_max_simd_bitwidth(), 64, "DISABLED");
	TEST_ASSERT_SUCCESS(rte_vect_set_max_simd_bitwidth(RTE_VECT_DEFAULT_SIMD_BITWIDTH),
			    "back to the default");
	return TEST_SUCCESS;
}

static const struct test_case cpuflags_cases[] = {
	TEST_CASE(test_flags_match_cpuinfo),
	TEST_CASE(test_names_round_trip),
	TEST_CASE(test_unknown_flag),
	TEST_CASE(test_supported_and_intrinsics),
	TEST_CASE(test_auxval),
	TEST_CASE(test_simd_bitwidth),
	TEST_CASES_END()
};

REGISTER_TEST_SUITE(cpuflags, TEST_SUITE_EAL, cpuflags_cases)
