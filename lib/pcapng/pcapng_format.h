/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The pcapng blocks this library writes, in host byte order (a reader
 * learns the order from the section header's magic). Section numbers are
 * those of draft-ietf-opsawg-pcapng.
 */
#ifndef _PCAPNG_FORMAT_H_
#define _PCAPNG_FORMAT_H_

#include <assert.h>
#include <stdint.h>

/* Block types (4.1, 4.2, 4.3, 4.6). */
#define PCAPNG_BLOCK_SECTION 0x0A0D0D0Au
#define PCAPNG_BLOCK_INTERFACE 1u
#define PCAPNG_BLOCK_INTERFACE_STATS 5u
#define PCAPNG_BLOCK_ENHANCED_PACKET 6u

#define PCAPNG_BYTE_ORDER_MAGIC 0x1A2B3C4Du
#define PCAPNG_LINKTYPE_ETHERNET 1u

/* Options (3.5): code, length of the value, value padded to 32 bits. */
struct pcapng_opt {
	uint16_t code;
	uint16_t len;
};
static_assert(sizeof(struct pcapng_opt) == 4, "option header is 4 bytes");

#define PCAPNG_OPT_END 0
#define PCAPNG_OPT_COMMENT 1
/* section header options (4.1) */
#define PCAPNG_SHB_HARDWARE 2
#define PCAPNG_SHB_OS 3
#define PCAPNG_SHB_USERAPPL 4
/* interface description options (4.2) */
#define PCAPNG_IF_NAME 2
#define PCAPNG_IF_DESCRIPTION 3
#define PCAPNG_IF_MACADDR 6
#define PCAPNG_IF_SPEED 8
#define PCAPNG_IF_TSRESOL 9
#define PCAPNG_IF_HARDWARE 15
/* enhanced packet options (4.3.1) */
#define PCAPNG_EPB_FLAGS 2
#define PCAPNG_EPB_QUEUE 6
/* interface statistics options (4.6) */
#define PCAPNG_ISB_STARTTIME 2
#define PCAPNG_ISB_ENDTIME 3
#define PCAPNG_ISB_IFRECV 4
#define PCAPNG_ISB_IFDROP 5

/* if_tsresol 9: timestamps count 10^-9 s */
#define PCAPNG_TSRESOL_NS 9

struct pcapng_shb {
	uint32_t type;
	uint32_t total_len;
	uint32_t magic;
	uint16_t major;
	uint16_t minor;
	uint64_t section_len; /* -1: not given, the file is written as a stream */
} __attribute__((packed));
static_assert(sizeof(struct pcapng_shb) == 24, "section header block layout");

struct pcapng_idb {
	uint32_t type;
	uint32_t total_len;
	uint16_t linktype;
	uint16_t reserved;
	uint32_t snaplen; /* 0: no limit */
};
static_assert(sizeof(struct pcapng_idb) == 16, "interface description block layout");

struct pcapng_epb {
	uint32_t type;
	uint32_t total_len;
	uint32_t interface_id;
	uint32_t ts_high;
	uint32_t ts_low;
	uint32_t captured_len;
	uint32_t original_len;
};
static_assert(sizeof(struct pcapng_epb) == 28, "enhanced packet block layout");

struct pcapng_isb {
	uint32_t type;
	uint32_t total_len;
	uint32_t interface_id;
	uint32_t ts_high;
	uint32_t ts_low;
};
static_assert(sizeof(struct pcapng_isb) == 20, "interface statistics block layout");

/* Bytes an option with a value of len bytes takes. */
static inline uint32_t
pcapng_opt_size(uint32_t len)
{
	return (uint32_t)sizeof(struct pcapng_opt) + ((len + 3u) & ~3u);
}

#endif /* _PCAPNG_FORMAT_H_ */
