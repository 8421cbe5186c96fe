/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The system and EAL headers rte_acl.h brings along, as DPDK's does:
 * applications (l3fwd's ACL, LPM, EM and FIB code) rely on getting
 * rte_zmalloc(), rte_free() and isspace() through rte_acl.h alone, and
 * without them the C compiler guesses int-returning functions, which
 * truncates the pointers rte_zmalloc() returns.
 */
#ifndef _RTE_ACL_OSDEP_H_
#define _RTE_ACL_OSDEP_H_

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <limits.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/queue.h>

#include <rte_branch_prediction.h>
#include <rte_byteorder.h>
#include <rte_common.h>
#include <rte_cpuflags.h>
#include <rte_debug.h>
#include <rte_eal.h>
#include <rte_errno.h>
#include <rte_log.h>
#include <rte_malloc.h>
#include <rte_memcpy.h>
#include <rte_memory.h>
#include <rte_per_lcore.h>
#include <rte_prefetch.h>
#include <rte_string_fns.h>
#include <rte_vect.h>

#endif /* _RTE_ACL_OSDEP_H_ */
