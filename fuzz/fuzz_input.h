/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Helpers the fuzz targets share: the fuzz input as a NUL-terminated
 * string, or split into words.
 */
#ifndef _FUZZ_INPUT_H_
#define _FUZZ_INPUT_H_

#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* A private, NUL-terminated copy of the input (it may hold NULs itself). */
static inline char *
fuzz_input_str(const uint8_t *data, size_t size)
{
	char *s = malloc(size + 1);

	if (s == NULL)
		return NULL;
	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/*
 * Split buf (size bytes, writable) in place at NUL and newline bytes into
 * at most max words; returns their number. Empty words are kept (an empty
 * argument is an input too), but not the one after a final separator.
 */
static inline int
fuzz_input_split(char *buf, size_t size, char **words, int max)
{
	int n = 0;
	size_t start = 0;

	for (size_t i = 0; i <= size && n < max; i++) {
		if (i == size && start == size && size > 0)
			break;
		if (i == size || buf[i] == '\0' || buf[i] == '\n') {
			buf[i] = '\0';
			words[n++] = &buf[start];
			start = i + 1;
		}
	}
	return n;
}

#endif
