/* SPDX-License-Identifier: BSD-3-Clause */
#ifndef _RTE_STRING_FNS_H_
#define _RTE_STRING_FNS_H_

#include <stdio.h>
#include <string.h>
#include <sys/types.h>

#include <rte_common.h>

#ifdef __cplusplus
extern "C" {
#endif

/*
 * Split the first stringlen bytes of string (stopping at a NUL) at delim, in
 * place: each delim becomes a NUL and tokens[] receives a pointer to the
 * start of each token, at most maxtokens of them. Returns the number of
 * tokens, or -1 with errno (not rte_errno) EINVAL when string or tokens is
 * NULL.
 */
int rte_strsplit(char *string, int stringlen, char **tokens, int maxtokens, char delim);

/*
 * Copy src into dst of size bytes, cut to fit and NUL-terminated (dst is
 * untouched when size is 0). Returns strlen(src): truncation happened if that
 * is >= size. Cannot fail; rte_errno is not set.
 */
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

/*
 * Append src to the NUL-terminated string in dst of size bytes, cut to fit
 * and NUL-terminated. Returns the length the full result would have
 * (strnlen(dst, size) + strlen(src)): truncation happened if that is >= size.
 * Cannot fail; rte_errno is not set.
 */
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

/*
 * Copy src into dst of dsize bytes, NUL-terminated. Returns the length copied
 * (without the NUL); when src does not fit, dst holds its first dsize - 1
 * bytes (nothing when dsize is 0) and the return is -E2BIG with rte_errno
 * E2BIG.
 */
ssize_t rte_strscpy(char *dst, const char *src, size_t dsize);

/* The first character of src that is not white space (isspace). No rte_errno. */
const char *rte_str_skip_leading_spaces(const char *src);

#ifdef __cplusplus
}
#endif

#endif
