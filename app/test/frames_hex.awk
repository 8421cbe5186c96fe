# SPDX-License-Identifier: BSD-3-Clause
#
# Test frames as a text2pcap hex dump: frame seq (0, 1, ...) is as long as
# the seq-th number of -v sizes="60 64 ...", and its byte i is
# (seq * 31 + i * 7) mod 256, as the C tests build them.
BEGIN {
	n = split(sizes, size, " ")
	for (seq = 0; seq < n; seq++) {
		for (i = 0; i < size[seq + 1]; i++) {
			if (i % 16 == 0)
				printf("%s%06x", i ? "\n" : "", i)
			printf(" %02x", (seq * 31 + i * 7) % 256)
		}
		printf("\n\n")
	}
}
