/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * rte_cpuflags.h on x86-64: each flag is one bit of one cpuid leaf (Intel
 * SDM vol. 2A, CPUID; AMD APM vol. 3, appendix E for the 0x8000000x leaves).
 */
#include <cpuid.h>
#include <errno.h>
#include <stdint.h>
#include <string.h>
#include <sys/auxv.h>

#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_log.h>

#include "eal_private.h"

enum cpuid_reg { REG_EAX, REG_EBX, REG_ECX, REG_EDX };

struct cpuflag_bit {
	const char *name;
	uint32_t leaf;
	uint32_t subleaf;
	enum cpuid_reg reg;
	uint8_t bit;
};

#define FLAG(n, leaf_, sub, reg_, bit_) \
	[RTE_CPUFLAG_##n] = { #n, leaf_, sub, REG_##reg_, bit_ }

static const struct cpuflag_bit cpuflag_bits[RTE_CPUFLAG_NUMFLAGS] = {
	FLAG(SSE3, 1, 0, ECX, 0),
	FLAG(PCLMULQDQ, 1, 0, ECX, 1),
	FLAG(DTES64, 1, 0, ECX, 2),
	FLAG(MONITOR, 1, 0, ECX, 3),
	FLAG(DS_CPL, 1, 0, ECX, 4),
	FLAG(VMX, 1, 0, ECX, 5),
	FLAG(SMX, 1, 0, ECX, 6),
	FLAG(EIST, 1, 0, ECX, 7),
	FLAG(TM2, 1, 0, ECX, 8),
	FLAG(SSSE3, 1, 0, ECX, 9),
	FLAG(CNXT_ID, 1, 0, ECX, 10),
	FLAG(FMA, 1, 0, ECX, 12),
	FLAG(CMPXCHG16B, 1, 0, ECX, 13),
	FLAG(XTPR, 1, 0, ECX, 14),
	FLAG(PDCM, 1, 0, ECX, 15),
	FLAG(PCID, 1, 0, ECX, 17),
	FLAG(DCA, 1, 0, ECX, 18),
	FLAG(SSE4_1, 1, 0, ECX, 19),
	FLAG(SSE4_2, 1, 0, ECX, 20),
	FLAG(X2APIC, 1, 0, ECX, 21),
	FLAG(MOVBE, 1, 0, ECX, 22),
	FLAG(POPCNT, 1, 0, ECX, 23),
	FLAG(TSC_DEADLINE, 1, 0, ECX, 24),
	FLAG(AES, 1, 0, ECX, 25),
	FLAG(XSAVE, 1, 0, ECX, 26),
	FLAG(OSXSAVE, 1, 0, ECX, 27),
	FLAG(AVX, 1, 0, ECX, 28),
	FLAG(F16C, 1, 0, ECX, 29),
	FLAG(RDRAND, 1, 0, ECX, 30),
	FLAG(HYPERVISOR, 1, 0, ECX, 31),

	FLAG(FPU, 1, 0, EDX, 0),
	FLAG(VME, 1, 0, EDX, 1),
	FLAG(DE, 1, 0, EDX, 2),
	FLAG(PSE, 1, 0, EDX, 3),
	FLAG(TSC, 1, 0, EDX, 4),
	FLAG(MSR, 1, 0, EDX, 5),
	FLAG(PAE, 1, 0, EDX, 6),
	FLAG(MCE, 1, 0, EDX, 7),
	FLAG(CX8, 1, 0, EDX, 8),
	FLAG(APIC, 1, 0, EDX, 9),
	FLAG(SEP, 1, 0, EDX, 11),
	FLAG(MTRR, 1, 0, EDX, 12),
	FLAG(PGE, 1, 0, EDX, 13),
	FLAG(MCA, 1, 0, EDX, 14),
	FLAG(CMOV, 1, 0, EDX, 15),
	FLAG(PAT, 1, 0, EDX, 16),
	FLAG(PSE36, 1, 0, EDX, 17),
	FLAG(PSN, 1, 0, EDX, 18),
	FLAG(CLFSH, 1, 0, EDX, 19),
	FLAG(DS, 1, 0, EDX, 21),
	FLAG(ACPI, 1, 0, EDX, 22),
	FLAG(MMX, 1, 0, EDX, 23),
	FLAG(FXSR, 1, 0, EDX, 24),
	FLAG(SSE, 1, 0, EDX, 25),
	FLAG(SSE2, 1, 0, EDX, 26),
	FLAG(SS, 1, 0, EDX, 27),
	FLAG(HTT, 1, 0, EDX, 28),
	FLAG(TM, 1, 0, EDX, 29),
	FLAG(PBE, 1, 0, EDX, 31),

	FLAG(DIGTEMP, 6, 0, EAX, 0),
	FLAG(TRBOBST, 6, 0, EAX, 1),
	FLAG(ARAT, 6, 0, EAX, 2),
	FLAG(PLN, 6, 0, EAX, 4),
	FLAG(ECMD, 6, 0, EAX, 5),
	FLAG(PTM, 6, 0, EAX, 6),

	FLAG(MPERF_APERF_MSR, 6, 0, ECX, 0),
	FLAG(ACNT2, 6, 0, ECX, 1),
	FLAG(ENERGY_EFF, 6, 0, ECX, 3),

	FLAG(FSGSBASE, 7, 0, EBX, 0),
	FLAG(BMI1, 7, 0, EBX, 3),
	FLAG(HLE, 7, 0, EBX, 4),
	FLAG(AVX2, 7, 0, EBX, 5),
	FLAG(SMEP, 7, 0, EBX, 7),
	FLAG(BMI2, 7, 0, EBX, 8),
	FLAG(ERMS, 7, 0, EBX, 9),
	FLAG(INVPCID, 7, 0, EBX, 10),
	FLAG(RTM, 7, 0, EBX, 11),
	FLAG(AVX512F, 7, 0, EBX, 16),
	FLAG(RDSEED, 7, 0, EBX, 18),

	FLAG(LAHF_SAHF, 0x80000001, 0, ECX, 0),
	/* LZCNT is bit 5 (ABM); bit 4 is AMD's AltMovCr8, which DPDK 22.11
	 * reads by mistake. */
	FLAG(LZCNT, 0x80000001, 0, ECX, 5),

	FLAG(SYSCALL, 0x80000001, 0, EDX, 11),
	FLAG(XD, 0x80000001, 0, EDX, 20),
	FLAG(1GB_PG, 0x80000001, 0, EDX, 26),
	FLAG(RDTSCP, 0x80000001, 0, EDX, 27),
	FLAG(EM64T, 0x80000001, 0, EDX, 29),

	FLAG(INVTSC, 0x80000007, 0, EDX, 8),

	FLAG(AVX512DQ, 7, 0, EBX, 17),
	FLAG(AVX512IFMA, 7, 0, EBX, 21),
	FLAG(AVX512CD, 7, 0, EBX, 28),
	FLAG(AVX512BW, 7, 0, EBX, 30),
	FLAG(AVX512VL, 7, 0, EBX, 31),
	FLAG(AVX512VBMI, 7, 0, ECX, 1),
	FLAG(AVX512VBMI2, 7, 0, ECX, 6),
	FLAG(GFNI, 7, 0, ECX, 8),
	FLAG(VAES, 7, 0, ECX, 9),
	FLAG(VPCLMULQDQ, 7, 0, ECX, 10),
	FLAG(AVX512VNNI, 7, 0, ECX, 11),
	FLAG(AVX512BITALG, 7, 0, ECX, 12),
	FLAG(AVX512VPOPCNTDQ, 7, 0, ECX, 14),
	FLAG(CLDEMOTE, 7, 0, ECX, 25),
	FLAG(MOVDIRI, 7, 0, ECX, 27),
	FLAG(MOVDIR64B, 7, 0, ECX, 28),
	FLAG(AVX512VP2INTERSECT, 7, 0, EDX, 8),

	FLAG(WAITPKG, 7, 0, ECX, 5),
};

/* The extensions this file was compiled for: the compiler defines one
 * macro for each that -march enables. */
static const enum rte_cpu_flag_t cpuflags_compiled_for[] = {
#ifdef __SSE__
	RTE_CPUFLAG_SSE,
#endif
#ifdef __SSE2__
	RTE_CPUFLAG_SSE2,
#endif
#ifdef __SSE3__
	RTE_CPUFLAG_SSE3,
#endif
#ifdef __SSSE3__
	RTE_CPUFLAG_SSSE3,
#endif
#ifdef __SSE4_1__
	RTE_CPUFLAG_SSE4_1,
#endif
#ifdef __SSE4_2__
	RTE_CPUFLAG_SSE4_2,
#endif
#ifdef __POPCNT__
	RTE_CPUFLAG_POPCNT,
#endif
#ifdef __GCC_HAVE_SYNC_COMPARE_AND_SWAP_16
	RTE_CPUFLAG_CMPXCHG16B,
#endif
#ifdef __PCLMUL__
	RTE_CPUFLAG_PCLMULQDQ,
#endif
#ifdef __AES__
	RTE_CPUFLAG_AES,
#endif
#ifdef __AVX__
	RTE_CPUFLAG_AVX,
#endif
#ifdef __F16C__
	RTE_CPUFLAG_F16C,
#endif
#ifdef __FMA__
	RTE_CPUFLAG_FMA,
#endif
#ifdef __RDRND__
	RTE_CPUFLAG_RDRAND,
#endif
#ifdef __MOVBE__
	RTE_CPUFLAG_MOVBE,
#endif
#ifdef __AVX2__
	RTE_CPUFLAG_AVX2,
#endif
#ifdef __BMI__
	RTE_CPUFLAG_BMI1,
#endif
#ifdef __BMI2__
	RTE_CPUFLAG_BMI2,
#endif
#ifdef __LZCNT__
	RTE_CPUFLAG_LZCNT,
#endif
#ifdef __RDSEED__
	RTE_CPUFLAG_RDSEED,
#endif
#ifdef __AVX512F__
	RTE_CPUFLAG_AVX512F,
#endif
#ifdef __AVX512DQ__
	RTE_CPUFLAG_AVX512DQ,
#endif
#ifdef __AVX512CD__
	RTE_CPUFLAG_AVX512CD,
#endif
#ifdef __AVX512BW__
	RTE_CPUFLAG_AVX512BW,
#endif
#ifdef __AVX512VL__
	RTE_CPUFLAG_AVX512VL,
#endif
#ifdef __AVX512IFMA__
	RTE_CPUFLAG_AVX512IFMA,
#endif
#ifdef __AVX512VBMI__
	RTE_CPUFLAG_AVX512VBMI,
#endif
#ifdef __GFNI__
	RTE_CPUFLAG_GFNI,
#endif
#ifdef __VAES__
	RTE_CPUFLAG_VAES,
#endif
#ifdef __VPCLMULQDQ__
	RTE_CPUFLAG_VPCLMULQDQ,
#endif
	/* every x86-64 CPU has it: keeps the array non-empty */
	RTE_CPUFLAG_EM64T,
};

__rte_export const char *
rte_cpu_get_flag_name(enum rte_cpu_flag_t feature)
{
	if ((unsigned int)feature >= RTE_CPUFLAG_NUMFLAGS)
		return NULL;
	return cpuflag_bits[feature].name;
}

__rte_export int
rte_cpu_get_flag_enabled(enum rte_cpu_flag_t feature)
{
	const struct cpuflag_bit *f;
	uint32_t regs[4];

	if ((unsigned int)feature >= RTE_CPUFLAG_NUMFLAGS)
		return -ENOENT;
	f = &cpuflag_bits[feature];
	/* A CPU without the leaf has none of its features (the cast: clang's
	 * __get_cpuid_max returns int, gcc's unsigned int). */
	if ((uint32_t)__get_cpuid_max(f->leaf & 0x80000000, NULL) < f->leaf)
		return 0;
	__cpuid_count(f->leaf, f->subleaf, regs[REG_EAX], regs[REG_EBX], regs[REG_ECX],
		      regs[REG_EDX]);
	return (regs[f->reg] >> f->bit) & 1;
}

__rte_export int
rte_cpu_is_supported(void)
{
	for (unsigned int i = 0; i < RTE_DIM(cpuflags_compiled_for); i++) {
		enum rte_cpu_flag_t f = cpuflags_compiled_for[i];

		if (rte_cpu_get_flag_enabled(f) != 1) {
			EAL_LOG(ERR, "this CPU has no %s, which the library was compiled for: "
				"rebuild Sluice with a lower -Dcpu_instruction_set\n",
				rte_cpu_get_flag_name(f));
			return 0;
		}
	}
	return 1;
}

__rte_export void
rte_cpu_get_intrinsics_support(struct rte_cpu_intrinsics *intrinsics)
{
	memset(intrinsics, 0, sizeof(*intrinsics));
	if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_WAITPKG) == 1) {
		intrinsics->power_monitor = 1;
		intrinsics->power_pause = 1;
		if (rte_cpu_get_flag_enabled(RTE_CPUFLAG_RTM) == 1)
			intrinsics->power_monitor_multi = 1;
	}
}

__rte_export unsigned long
rte_cpu_getauxval(unsigned long type)
{
	return getauxval(type);
}

__rte_export int
rte_cpu_strcmp_auxval(unsigned long type, const char *str)
{
	const char *val = (const char *)(uintptr_t)rte_cpu_getauxval(type);

	return val == NULL || strcmp(val, str) != 0;
}
