/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * Integer tokens. Forms: decimal ("12"), negative decimal ("-12", signed
 * types only), hex ("0x1f"), binary ("0b101"), octal ("017"). Digits
 * accumulate in 64 bits with an overflow check on every step, so no input
 * length wraps the value; the result must then fit the token's type.
 */
#include <inttypes.h>
#include <stdbool.h>
#include <string.h>

#include "cmdline_private.h"
#include "cmdline_parse_num.h"

/* Longest number token, as DPDK: 127 characters. */
#define NUM_TOKEN_MAX 127

__rte_export struct cmdline_token_ops cmdline_token_num_ops = {
	.parse = cmdline_parse_num,
	.complete_get_nb = NULL,
	.complete_get_elt = NULL,
	.get_help = cmdline_get_help_num,
};

static const char *const num_type_names[] = {
	[RTE_UINT8] = "UINT8",	 [RTE_UINT16] = "UINT16", [RTE_UINT32] = "UINT32",
	[RTE_UINT64] = "UINT64", [RTE_INT8] = "INT8",	  [RTE_INT16] = "INT16",
	[RTE_INT32] = "INT32",	 [RTE_INT64] = "INT64",
};

/* Bytes of the type, or 0 for a type out of the enum. */
static unsigned int
num_type_size(enum cmdline_numtype type)
{
	switch (type) {
	case RTE_UINT8:
	case RTE_INT8:
		return 1;
	case RTE_UINT16:
	case RTE_INT16:
		return 2;
	case RTE_UINT32:
	case RTE_INT32:
		return 4;
	case RTE_UINT64:
	case RTE_INT64:
		return 8;
	}
	return 0;
}

/* Value of digit c in base, or -1. */
static int
num_digit(char c, unsigned int base)
{
	int d;

	if (c >= '0' && c <= '9')
		d = c - '0';
	else if (c >= 'a' && c <= 'f')
		d = c - 'a' + 10;
	else if (c >= 'A' && c <= 'F')
		d = c - 'A' + 10;
	else
		return -1;
	return d < (int)base ? d : -1;
}

/*
 * The magnitude and sign of the number at the start of buf; its length,
 * or -1 when it is not a well-formed number that fits 64 bits.
 */
static int
num_scan(const char *buf, uint64_t *mag, bool *neg)
{
	unsigned int base = 10, i = 0, ndigits = 0;

	*mag = 0;
	*neg = false;
	if (buf[0] == '-') {
		*neg = true;
		i = 1;
	} else if (buf[0] == '0' && (buf[1] == 'x' || buf[1] == 'b')) {
		base = buf[1] == 'x' ? 16 : 2;
		i = 2;
	} else if (buf[0] == '0') {
		base = 8;
		i = 1;
		ndigits = 1; /* "0" alone is a number */
	}
	for (; !cmdline_isendoftoken(buf[i]); i++) {
		int d = num_digit(buf[i], base);

		/* signed decimals only: "-0x10" is not a number */
		if (d < 0 || i >= NUM_TOKEN_MAX)
			return -1;
		if (*mag > (UINT64_MAX - (unsigned int)d) / base)
			return -1;
		*mag = *mag * base + (unsigned int)d;
		ndigits++;
	}
	return ndigits != 0 ? (int)i : -1;
}

/* Store mag (negated when neg) as type into res; false when out of range. */
static bool
num_store(enum cmdline_numtype type, uint64_t mag, bool neg, void *res)
{
	uint64_t max;
	uint64_t v;

	switch (type) {
	case RTE_UINT8:
		max = UINT8_MAX;
		break;
	case RTE_UINT16:
		max = UINT16_MAX;
		break;
	case RTE_UINT32:
		max = UINT32_MAX;
		break;
	case RTE_UINT64:
		max = UINT64_MAX;
		break;
	case RTE_INT8:
		max = (uint64_t)INT8_MAX + neg;
		break;
	case RTE_INT16:
		max = (uint64_t)INT16_MAX + neg;
		break;
	case RTE_INT32:
		max = (uint64_t)INT32_MAX + neg;
		break;
	case RTE_INT64:
		max = (uint64_t)INT64_MAX + neg;
		break;
	default:
		return false;
	}
	if (neg && type <= RTE_UINT64)
		return false;
	if (mag > max)
		return false;
	if (res == NULL)
		return true;
	/* two's complement negation, then the low bytes of the type */
	v = neg ? (uint64_t)0 - mag : mag;
	switch (num_type_size(type)) {
	case 1: {
		uint8_t x = (uint8_t)v;
		memcpy(res, &x, 1);
		break;
	}
	case 2: {
		uint16_t x = (uint16_t)v;
		memcpy(res, &x, 2);
		break;
	}
	case 4: {
		uint32_t x = (uint32_t)v;
		memcpy(res, &x, 4);
		break;
	}
	default:
		memcpy(res, &v, 8);
		break;
	}
	return true;
}

__rte_export int
cmdline_parse_num(cmdline_parse_token_hdr_t *tk, const char *srcbuf, void *res,
		  unsigned int ressize)
{
	enum cmdline_numtype type;
	uint64_t mag;
	bool neg;
	int len;

	if (tk == NULL || srcbuf == NULL || *srcbuf == '\0')
		return -1;
	type = ((struct cmdline_token_num *)tk)->num_data.type;
	if (num_type_size(type) == 0)
		return -1;
	if (res != NULL && ressize < num_type_size(type))
		return -1;
	len = num_scan(srcbuf, &mag, &neg);
	if (len < 0 || !num_store(type, mag, neg, res))
		return -1;
	return len;
}

__rte_export int
cmdline_get_help_num(cmdline_parse_token_hdr_t *tk, char *dstbuf, unsigned int size)
{
	enum cmdline_numtype type;

	if (tk == NULL || dstbuf == NULL || size == 0)
		return -1;
	type = ((struct cmdline_token_num *)tk)->num_data.type;
	if (num_type_size(type) == 0)
		return -1;
	snprintf(dstbuf, size, "%s", num_type_names[type]);
	return 0;
}
