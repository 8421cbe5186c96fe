/* SPDX-License-Identifier: BSD-3-Clause */
/* rte_hexdump() and rte_memdump(). */
#include <stdio.h>

#include <rte_hexdump.h>

#include "eal_private.h"

#define HEXDUMP_BYTES_PER_LINE 16

__rte_export void
rte_hexdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const unsigned char *data = buf;
	unsigned int ofs, i;

	fprintf(f, "%s at [%p], len=%u\n", title != NULL ? title : "  Dump data", buf, len);
	for (ofs = 0; ofs < len; ofs += HEXDUMP_BYTES_PER_LINE) {
		unsigned int n =
			len - ofs < HEXDUMP_BYTES_PER_LINE ? len - ofs : HEXDUMP_BYTES_PER_LINE;

		fprintf(f, "%08X:", ofs);
		for (i = 0; i < HEXDUMP_BYTES_PER_LINE; i++) {
			if (i < n)
				fprintf(f, " %02X", data[ofs + i]);
			else
				fputs("   ", f);
		}
		fputs(" | ", f);
		for (i = 0; i < n; i++) {
			unsigned char c = data[ofs + i];

			fputc(c >= ' ' && c <= '~' ? c : '.', f);
		}
		fputc('\n', f);
	}
	fflush(f);
}

__rte_export void
rte_memdump(FILE *f, const char *title, const void *buf, unsigned int len)
{
	const unsigned char *data = buf;
	unsigned int i;

	if (title != NULL)
		fprintf(f, "%s: ", title);
	for (i = 0; i < len; i++)
		fprintf(f, i + 1 < len ? "%02x:" : "%02x", data[i]);
	fputc('\n', f);
	fflush(f);
}
