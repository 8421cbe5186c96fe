/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * CRC32-C (Castagnoli, reflected polynomial 0x82F63B78) as a hash: no
 * initial or final inversion, the caller's init_val is the starting state.
 * The SSE4.2 crc32 instruction computes it where the CPU has one; a
 * nibble-table loop gives the same values elsewhere.
 */
#ifndef _RTE_HASH_CRC_H_
#define _RTE_HASH_CRC_H_

#include <stdint.h>
#include <string.h>

#include <rte_common.h>
#include <rte_config.h>
#include <rte_cpuflags.h>
#include <rte_log.h>

#ifdef RTE_ARCH_X86
#include <nmmintrin.h>
#endif

#ifdef __cplusplus
extern "C" {
#endif

#define CRC32_SW (1U << 0)
#define CRC32_SSE42 (1U << 1)
#define CRC32_x64 (1U << 2)
#define CRC32_SSE42_x64 (CRC32_x64 | CRC32_SSE42)
#define CRC32_ARM64 (1U << 3)

/*
 * The algorithm in use. As in DPDK it is per compilation unit: each file
 * that includes this header picks the best one at start-up and
 * rte_hash_crc_set_alg() changes the caller's copy.
 */
static uint8_t crc32_alg = CRC32_SW;

/* CRC32-C of each 4-bit value: two lookups a byte. */
static const uint32_t rte_hash_crc32c_nibble[16] = {
	0x00000000, 0x105ec76f, 0x20bd8ede, 0x30e349b1, 0x417b1dbc, 0x5125dad3,
	0x61c69362, 0x7198540d, 0x82f63b78, 0x92a8fc17, 0xa24bb5a6, 0xb21572c9,
	0xc38d26c4, 0xd3d3e1ab, 0xe330a81a, 0xf36e6f75,
};

/* Software CRC32-C of the low nbytes of data (little-endian order). */
static inline uint32_t
rte_hash_crc32c_sw(uint64_t data, unsigned int nbytes, uint32_t crc)
{
	for (unsigned int i = 0; i < nbytes; i++) {
		crc ^= (uint32_t)(data & 0xff);
		data >>= 8;
		crc = (crc >> 4) ^ rte_hash_crc32c_nibble[crc & 0xf];
		crc = (crc >> 4) ^ rte_hash_crc32c_nibble[crc & 0xf];
	}
	return crc;
}

#ifdef RTE_ARCH_X86
/* Compiled for SSE4.2 whatever the caller's -march; called only when the CPU has it. */
static inline __attribute__((target("sse4.2"))) uint32_t
rte_hash_crc32c_hw(uint64_t data, unsigned int nbytes, uint32_t crc)
{
	switch (nbytes) {
	case 1:
		return _mm_crc32_u8(crc, (uint8_t)data);
	case 2:
		return _mm_crc32_u16(crc, (uint16_t)data);
	case 4:
		return _mm_crc32_u32(crc, (uint32_t)data);
	default:
		return (uint32_t)_mm_crc32_u64(crc, data);
	}
}

static inline int
rte_hash_crc32c_hw_usable(void)
{
	return rte_cpu_get_flag_enabled(RTE_CPUFLAG_SSE4_2) > 0;
}
#else
static inline uint32_t
rte_hash_crc32c_hw(uint64_t data, unsigned int nbytes, uint32_t crc)
{
	return rte_hash_crc32c_sw(data, nbytes, crc);
}

static inline int
rte_hash_crc32c_hw_usable(void)
{
	return 0;
}
#endif

/*
 * Choose the CRC implementation: CRC32_SW always works; CRC32_SSE42 uses
 * the 32-bit instruction, CRC32_SSE42_x64 also the 64-bit one. Without
 * SSE4.2 every request falls back to software with a warning.
 */
static inline void
rte_hash_crc_set_alg(uint8_t alg)
{
	crc32_alg = CRC32_SW;
	if (alg == CRC32_SW)
		return;
	if (!rte_hash_crc32c_hw_usable()) {
		RTE_LOG(WARNING, HASH, "CPU has no SSE4.2 crc32 instruction, using CRC32_SW\n");
		return;
	}
	/* As DPDK on x86: a request for another CPU's CRC (CRC32_ARM64)
	 * gets the best x86 one; only CRC32_SSE42 itself keeps to 32 bits. */
	if (!(alg & CRC32_SSE42_x64))
		RTE_LOG(WARNING, HASH,
			"CRC32 algorithm %#x is not for x86, using CRC32_SSE42_x64\n",
			(unsigned int)alg);
	crc32_alg = alg == CRC32_SSE42 ? CRC32_SSE42 : CRC32_SSE42_x64;
}

RTE_INIT(rte_hash_crc_init_alg)
{
	if (rte_hash_crc32c_hw_usable())
		crc32_alg = CRC32_SSE42_x64;
}

/* CRC of the low nbytes (1, 2 or 4) of data with the algorithm in use. */
static inline uint32_t
rte_hash_crc32c_bytes(uint64_t data, unsigned int nbytes, uint32_t crc)
{
	if (crc32_alg & CRC32_SSE42)
		return rte_hash_crc32c_hw(data, nbytes, crc);
	return rte_hash_crc32c_sw(data, nbytes, crc);
}

static inline uint32_t
rte_hash_crc_1byte(uint8_t data, uint32_t init_val)
{
	return rte_hash_crc32c_bytes(data, 1, init_val);
}

static inline uint32_t
rte_hash_crc_2byte(uint16_t data, uint32_t init_val)
{
	return rte_hash_crc32c_bytes(data, 2, init_val);
}

static inline uint32_t
rte_hash_crc_4byte(uint32_t data, uint32_t init_val)
{
	return rte_hash_crc32c_bytes(data, 4, init_val);
}

static inline uint32_t
rte_hash_crc_8byte(uint64_t data, uint32_t init_val)
{
	if (crc32_alg == CRC32_SSE42_x64)
		return rte_hash_crc32c_hw(data, 8, init_val);
	/* The 32-bit instruction or software, four bytes at a time. */
	init_val = rte_hash_crc32c_bytes((uint32_t)data, 4, init_val);
	return rte_hash_crc32c_bytes(data >> 32, 4, init_val);
}

/* CRC32-C of data_len bytes at data, from state init_val. */
static inline uint32_t
rte_hash_crc(const void *data, uint32_t data_len, uint32_t init_val)
{
	const uint8_t *p = (const uint8_t *)data;
	uint64_t v8;
	uint32_t v4;
	uint16_t v2;

	for (; data_len >= 8; data_len -= 8, p += 8) {
		memcpy(&v8, p, 8);
		init_val = rte_hash_crc_8byte(v8, init_val);
	}
	if (data_len & 4) {
		memcpy(&v4, p, 4);
		init_val = rte_hash_crc_4byte(v4, init_val);
		p += 4;
	}
	if (data_len & 2) {
		memcpy(&v2, p, 2);
		init_val = rte_hash_crc_2byte(v2, init_val);
		p += 2;
	}
	if (data_len & 1)
		init_val = rte_hash_crc_1byte(*p, init_val);
	return init_val;
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_HASH_CRC_H_ */
