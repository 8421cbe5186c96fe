/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Split string at delim into at most maxtokens tokens, in place. */
int rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim);

/* Copy with truncation, always NUL-terminated; returns strlen(src). */
static inline size_t
rte_strlcpy(char *dst, const char *src, size_t size)
{
	size_t len = strlen(src);

	if (size != 0) {
		size_t n = len < size - 1 ? len : size - 1;

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}

static inline size_t
rte_strlcat(char *dst, const char *src, size_t size)
{
	size_t l = strnlen(dst, size);

	if (l < size)
		return l + rte_strlcpy(&dst[l], src, size - l);
	return l + strlen(src);
}

#ifndef strlcpy
#define strlcpy(dst, src, size) rte_strlcpy(dst, src, size)
#endif
#ifndef strlcat
#define strlcat(dst, src, size) rte_strlcat(dst, src, size)
#endif

/* Copy at most dsize-1 bytes; -E2BIG when truncated, else the length. */
ssize_t rte_strscpy(char *dst, const char *src, size_t dsize);

const char *rte_str_skip_leading_spaces(const char *src);

#ifdef __cplusplus
}
#endif

#endif
