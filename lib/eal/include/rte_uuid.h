/* SPDX-License-Identifier: BSD-3-Clause */
/* Universally unique identifiers (RFC 4122): 16 bytes, most significant first. */
#ifndef _RTE_UUID_H_
#define _RTE_UUID_H_

#include <stdbool.h>
#include <stddef.h>
#include <string.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef unsigned char rte_uuid_t[16];

/* Bytes of the UUID a-b-c-d-e (32, 16, 16, 16 and 48 bits), for static tables. */
#define RTE_UUID_INIT(a, b, c, d, e)                                                         \
	{                                                                                    \
		((a) >> 24) & 0xff, ((a) >> 16) & 0xff, ((a) >> 8) & 0xff, (a)&0xff,         \
			((b) >> 8) & 0xff, (b)&0xff, ((c) >> 8) & 0xff, (c)&0xff,            \
			((d) >> 8) & 0xff, (d)&0xff, ((e) >> 40) & 0xff, ((e) >> 32) & 0xff, \
			((e) >> 24) & 0xff, ((e) >> 16) & 0xff, ((e) >> 8) & 0xff, (e)&0xff  \
	}

/* "xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx" and its NUL. */
#define RTE_UUID_STRLEN (36 + 1)

/* true if every byte of uu is 0. */
bool rte_uuid_is_null(const rte_uuid_t uu);

static inline void
rte_uuid_copy(rte_uuid_t dst, const rte_uuid_t src)
{
	memcpy(dst, src, sizeof(rte_uuid_t));
}

/* -1, 0 or 1 as a sorts before, with or after b. */
int rte_uuid_compare(const rte_uuid_t a, const rte_uuid_t b);
/* Parse the 36-character text form (hex digits of either case): 0, or -1 if malformed. */
int rte_uuid_parse(const char *in, rte_uuid_t uu);
/* Write the lower-case text form into out, cut to len bytes with its NUL. */
void rte_uuid_unparse(const rte_uuid_t uu, char *out, size_t len);

#ifdef __cplusplus
}
#endif

#endif
