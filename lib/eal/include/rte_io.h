/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * MMIO accessors for device registers (DPDK 22.11 API). The _relaxed forms
 * are single volatile accesses with no ordering; the plain forms order a
 * read before later memory reads (rte_io_rmb after it) and a write after
 * earlier memory writes (rte_io_wmb before it), so that a doorbell write
 * follows the descriptors it publishes.
 */
#ifndef _RTE_IO_H_
#define _RTE_IO_H_

#include <stdint.h>

#include <rte_common.h>
#include <rte_compat.h>
#include <rte_atomic.h>

#ifdef __cplusplus
extern "C" {
#endif

/* One 8-bit load from the register at addr, not ordered. Returns the value read. */
static __rte_always_inline uint8_t
rte_read8_relaxed(const volatile void *addr)
{
	return *(const volatile uint8_t *)addr;
}

/* One 16-bit load from the register at addr, not ordered. Returns the value read. */
static __rte_always_inline uint16_t
rte_read16_relaxed(const volatile void *addr)
{
	return *(const volatile uint16_t *)addr;
}

/* One 32-bit load from the register at addr, not ordered. Returns the value read. */
static __rte_always_inline uint32_t
rte_read32_relaxed(const volatile void *addr)
{
	return *(const volatile uint32_t *)addr;
}

/* One 64-bit load from the register at addr, not ordered. Returns the value read. */
static __rte_always_inline uint64_t
rte_read64_relaxed(const volatile void *addr)
{
	return *(const volatile uint64_t *)addr;
}

/* One 8-bit store of value to the register at addr, not ordered. Returns nothing. */
static __rte_always_inline void
rte_write8_relaxed(uint8_t value, volatile void *addr)
{
	*(volatile uint8_t *)addr = value;
}

/* One 16-bit store of value to the register at addr, not ordered. Returns nothing. */
static __rte_always_inline void
rte_write16_relaxed(uint16_t value, volatile void *addr)
{
	*(volatile uint16_t *)addr = value;
}

/* One 32-bit store of value to the register at addr, not ordered. Returns nothing. */
static __rte_always_inline void
rte_write32_relaxed(uint32_t value, volatile void *addr)
{
	*(volatile uint32_t *)addr = value;
}

/* One 64-bit store of value to the register at addr, not ordered. Returns nothing. */
static __rte_always_inline void
rte_write64_relaxed(uint64_t value, volatile void *addr)
{
	*(volatile uint64_t *)addr = value;
}

/* A 8-bit register load ordered before later loads. Returns the value read. */
static __rte_always_inline uint8_t
rte_read8(const volatile void *addr)
{
	uint8_t val = rte_read8_relaxed(addr);

	rte_io_rmb();
	return val;
}

/* A 16-bit register load ordered before later loads. Returns the value read. */
static __rte_always_inline uint16_t
rte_read16(const volatile void *addr)
{
	uint16_t val = rte_read16_relaxed(addr);

	rte_io_rmb();
	return val;
}

/* A 32-bit register load ordered before later loads. Returns the value read. */
static __rte_always_inline uint32_t
rte_read32(const volatile void *addr)
{
	uint32_t val = rte_read32_relaxed(addr);

	rte_io_rmb();
	return val;
}

/* A 64-bit register load ordered before later loads. Returns the value read. */
static __rte_always_inline uint64_t
rte_read64(const volatile void *addr)
{
	uint64_t val = rte_read64_relaxed(addr);

	rte_io_rmb();
	return val;
}

/* A 8-bit register store ordered after earlier stores. Returns nothing. */
static __rte_always_inline void
rte_write8(uint8_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write8_relaxed(value, addr);
}

/* A 16-bit register store ordered after earlier stores. Returns nothing. */
static __rte_always_inline void
rte_write16(uint16_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write16_relaxed(value, addr);
}

/* A 32-bit register store ordered after earlier stores. Returns nothing. */
static __rte_always_inline void
rte_write32(uint32_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write32_relaxed(value, addr);
}

/* A 64-bit register store ordered after earlier stores. Returns nothing. */
static __rte_always_inline void
rte_write64(uint64_t value, volatile void *addr)
{
	rte_io_wmb();
	rte_write64_relaxed(value, addr);
}

/*
 * Write-combining store of value to addr, not ordered; a plain store here
 * (BARs are mapped uncached). Returns nothing.
 */
__rte_experimental
static __rte_always_inline void
rte_write32_wc_relaxed(uint32_t value, volatile void *addr)
{
	rte_write32_relaxed(value, addr);
}

/* As rte_write32_wc_relaxed, ordered after earlier stores. Returns nothing. */
__rte_experimental
static __rte_always_inline void
rte_write32_wc(uint32_t value, volatile void *addr)
{
	rte_write32(value, addr);
}

#ifdef __cplusplus
}
#endif

#endif /* _RTE_IO_H_ */
