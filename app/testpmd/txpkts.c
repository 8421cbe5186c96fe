/* SPDX-License-Identifier: BSD-3-Clause */
/*
 * The txonly/flowgen segment lengths "X[,Y]*", from --txpkts and from
 * "set txpkts": one parser and one fit check, each printing one line that
 * starts with the caller's prefix, so both places refuse the same way.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "testpmd.h"

int
txpkts_parse(const char *arg, FILE *out, const char *prefix, struct txpkts *t)
{
	char buf[128], *rest = buf, *tok;

	memset(t, 0, sizeof(*t));
	if (strlen(arg) >= sizeof(buf)) {
		fprintf(out, "%s '%.20s...': longer than %zu characters\n", prefix, arg,
			sizeof(buf) - 1);
		return -1;
	}
	snprintf(buf, sizeof(buf), "%s", arg);
	/* strsep, not strtok: "64,,64" has an empty length, not two. */
	while ((tok = strsep(&rest, ",")) != NULL) {
		unsigned long v;
		char *end;

		if (t->nb == TESTPMD_MAX_TXSEGS) {
			fprintf(out, "%s '%s': at most %d segments\n", prefix, arg,
				TESTPMD_MAX_TXSEGS);
			return -1;
		}
		if (*tok == '\0') {
			fprintf(out, "%s '%s': an empty length; give lengths like 64 or 64,64\n",
				prefix, arg);
			return -1;
		}
		errno = 0;
		v = strtoul(tok, &end, 10);
		if (errno != 0 || *end != '\0' || tok[0] == '-' || v < 1 || v > UINT16_MAX) {
			fprintf(out, "%s '%s': expected a number in 1..%u\n", prefix, tok,
				UINT16_MAX);
			return -1;
		}
		t->len[t->nb++] = (uint16_t)v;
		t->total += v;
	}
	/* Ether + IPv4 + UDP headers must fit in the first segment. */
	if (t->len[0] < sizeof(struct rte_ether_hdr) + 20 + 8) {
		fprintf(out,
			"%s '%s': the first segment must hold the 42 bytes of Ether/IPv4/UDP "
			"headers\n",
			prefix, arg);
		return -1;
	}
	return 0;
}

/*
 * Each segment is written into one mbuf after its headroom, and the IPv4
 * and UDP length fields are 16 bits: refuse what would not fit, as
 * DPDK's testpmd does, instead of writing past the buffer.
 */
int
txpkts_fit(const struct txpkts *t, uint16_t mbuf_data_size, FILE *out, const char *prefix)
{
	uint16_t room = (uint16_t)(mbuf_data_size - RTE_PKTMBUF_HEADROOM);

	for (uint16_t i = 0; i < t->nb; i++) {
		if (t->len[i] > room) {
			fprintf(out,
				"%s: length[%u]=%u > mbuf data room %u (--mbuf-size=%u less %u "
				"of headroom) - give up; give shorter segments or a larger "
				"--mbuf-size\n",
				prefix, i, t->len[i], room, mbuf_data_size, RTE_PKTMBUF_HEADROOM);
			return -1;
		}
	}
	if (t->total > UINT16_MAX) {
		fprintf(out, "%s: total packet length=%u > %u - give up\n", prefix, t->total,
			UINT16_MAX);
		return -1;
	}
	return 0;
}

void
txpkts_apply(const struct txpkts *t)
{
	memcpy(cfg.txpkts, t->len, sizeof(cfg.txpkts));
	cfg.nb_txsegs = t->nb;
	cfg.tx_pkt_len = t->total;
}
