/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Dynamic mbuf fields and flags: features register a named field (bytes
 * in mbuf->dynfield1) or flag (a free bit of ol_flags) at run time and use
 * the returned offset or bit. Registering the same name with the same
 * parameters again returns the same offset, so independent modules can
 * share one field (e.g. the Rx timestamp).
 */
#ifndef _RTE_MBUF_DYN_H_
#define _RTE_MBUF_DYN_H_

#include <stdio.h>
#include <stdint.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#define RTE_MBUF_DYN_NAMESIZE 64

struct rte_mbuf_dynfield {
	char name[RTE_MBUF_DYN_NAMESIZE];
	size_t size;		/* bytes to reserve */
	size_t align;		/* a power of two */
	unsigned int flags;	/* must be 0 */
};

struct rte_mbuf_dynflag {
	char name[RTE_MBUF_DYN_NAMESIZE];
	unsigned int flags;	/* must be 0 */
};

/*
 * Reserve a field; returns its offset in struct rte_mbuf, or -1 with
 * rte_errno EINVAL (NULL params, bad size/align/flags/name), EEXIST (name
 * registered with other parameters), ENOENT (no room or field slot left).
 */
int rte_mbuf_dynfield_register(const struct rte_mbuf_dynfield *params);
/*
 * The same at a given offset: -1 with rte_errno as above, EINVAL also for an offset not
 * aligned or past the mbuf, EEXIST for a name registered at another offset, EBUSY when
 * the bytes are taken or outside dynfield1.
 */
int rte_mbuf_dynfield_register_offset(const struct rte_mbuf_dynfield *params, size_t offset);
/*
 * Offset of a registered field (params filled if not NULL), or -1 with rte_errno
 * ENOENT (not registered) or EINVAL (NULL name).
 */
int rte_mbuf_dynfield_lookup(const char *name, struct rte_mbuf_dynfield *params);

/*
 * Reserve an ol_flags bit; returns its number, or -1 with rte_errno EINVAL (NULL
 * params, bad name, flags not 0) or ENOENT (no free bit).
 */
int rte_mbuf_dynflag_register(const struct rte_mbuf_dynflag *params);
/*
 * The same for bit bitnum: -1 with rte_errno EINVAL (also bitnum outside 23..40),
 * EEXIST (name registered at another bit), EBUSY (bit taken).
 */
int rte_mbuf_dynflag_register_bitnum(const struct rte_mbuf_dynflag *params,
				     unsigned int bitnum);
/*
 * Bit number of a registered flag (params filled if not NULL), or -1 with rte_errno
 * ENOENT (not registered) or EINVAL (NULL name).
 */
int rte_mbuf_dynflag_lookup(const char *name, struct rte_mbuf_dynflag *params);

/* Address of a dynamic field of type 'type' at 'offset' in mbuf m. */
#define RTE_MBUF_DYNFIELD(m, offset, type) ((type)((uintptr_t)(m) + (offset)))

/* Print the registered fields and flags to out. Returns nothing; no rte_errno. */
void rte_mbuf_dyn_dump(FILE *out);

#define RTE_MBUF_DYNFIELD_METADATA_NAME "rte_flow_dynfield_metadata"
#define RTE_MBUF_DYNFLAG_METADATA_NAME "rte_flow_dynflag_metadata"

#define RTE_MBUF_DYNFIELD_TIMESTAMP_NAME "rte_dynfield_timestamp"
typedef uint64_t rte_mbuf_timestamp_t;
#define RTE_MBUF_DYNFLAG_RX_TIMESTAMP_NAME "rte_dynflag_rx_timestamp"
#define RTE_MBUF_DYNFLAG_TX_TIMESTAMP_NAME "rte_dynflag_tx_timestamp"

/*
 * Register the shared timestamp field and the Rx (or Tx) flag, storing the offset and
 * flag mask where not NULL. Returns 0, or -1 with rte_errno of the failed registration.
 */
int rte_mbuf_dyn_rx_timestamp_register(int *field_offset, uint64_t *rx_flag);
/* The same with the Tx flag: 0, or -1 with rte_errno of the failed registration. */
int rte_mbuf_dyn_tx_timestamp_register(int *field_offset, uint64_t *tx_flag);

#define RTE_MBUF_DYNFIELD_IP_REASSEMBLY_NAME "rte_dynfield_ip_reassembly"
#define RTE_MBUF_DYNFLAG_IP_REASSEMBLY_INCOMPLETE_NAME "rte_dynflag_ip_reassembly_incomplete"

#ifdef __cplusplus
}
#endif

#endif
