/* SPDX-License-Identifier: BSD-3-Clause */
/* Dumps of raw memory for debugging: a canonical hex+ASCII view and a one-line form. */
#ifndef _RTE_HEXDUMP_H_
#define _RTE_HEXDUMP_H_

#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Write to f a header line "<title> at [<address>], len=<len>" (title
 * NULL: "  Dump data"), then one line per 16 bytes: the offset as 8 hex
 * digits and a colon, the bytes in upper-case hex, " | " and the bytes as
 * ASCII ('.' for what is not printable). Cannot fail; a write error is
 * left in f's error indicator. rte_errno is not set.
 */
void rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len);

/*
 * Write to f "<title>: " (nothing when title is NULL), then the len bytes
 * in lower-case hex separated by ':' on one line. Cannot fail; rte_errno
 * is not set.
 */
void rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len);

#ifdef __cplusplus
}
#endif

#endif
