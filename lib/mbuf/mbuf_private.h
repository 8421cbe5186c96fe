/* SPDX-License-Identifier: BSD-3-Clause */
/* mbuf internals shared by its source files. Never installed. */
#ifndef _MBUF_PRIVATE_H_
#define _MBUF_PRIVATE_H_

#include <rte_log.h>

/* Exported from libsluice; everything else is hidden. */
#define __rte_export __attribute__((visibility("default")))

#define MBUF_LOG(level, ...) RTE_LOG(level, MBUF, __VA_ARGS__)

#endif
