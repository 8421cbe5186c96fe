/* SPDX-License-Identifier: BSD-3-Clause */
/* UUID text forms and ordering. */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include <rte_uuid.h>

#include "eal_private.h"

/* Text positions of the hyphens that separate the five groups. */
static bool
uuid_is_hyphen_pos(size_t i)
{
	return i == 8 || i == 13 || i == 18 || i == 23;
}

static int
uuid_hex_value(char c)
{
	unsigned char u = (unsigned char)c;

	if (!isxdigit(u))
		return -1;
	return isdigit(u) ? u - '0' : tolower(u) - 'a' + 10;
}

__rte_export bool
rte_uuid_is_null(const rte_uuid_t uu)
{
	size_t i;

	for (i = 0; i < sizeof(rte_uuid_t); i++)
		if (uu[i] != 0)
			return false;
	return true;
}

__rte_export int
rte_uuid_compare(const rte_uuid_t a, const rte_uuid_t b)
{
	/* Bytes are stored most significant first: byte order is value order. */
	int r = memcmp(a, b, sizeof(rte_uuid_t));

	return r < 0 ? -1 : r > 0;
}

__rte_export int
rte_uuid_parse(const char *in, rte_uuid_t uu)
{
	rte_uuid_t out;
	size_t i, n = 0;

	if (in == NULL || strlen(in) != RTE_UUID_STRLEN - 1)
		return -1;
	for (i = 0; i < RTE_UUID_STRLEN - 1; i++) {
		int hi, lo;

		if (uuid_is_hyphen_pos(i)) {
			if (in[i] != '-')
				return -1;
			continue;
		}
		hi = uuid_hex_value(in[i]);
		lo = uuid_hex_value(in[i + 1]);
		if (hi < 0 || lo < 0 || uuid_is_hyphen_pos(i + 1))
			return -1;
		out[n++] = (unsigned char)(hi << 4 | lo);
		i++;
	}
	/* Written only when the whole text is valid. */
	rte_uuid_copy(uu, out);
	return 0;
}

__rte_export void
rte_uuid_unparse(const rte_uuid_t uu, char *out, size_t len)
{
	snprintf(out, len, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
		 uu[0], uu[1], uu[2], uu[3], uu[4], uu[5], uu[6], uu[7], uu[8], uu[9], uu[10],
		 uu[11], uu[12], uu[13], uu[14], uu[15]);
}
