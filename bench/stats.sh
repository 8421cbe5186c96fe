# SPDX-License-Identifier: BSD-3-Clause
#
# Shell helpers of the forwarding benchmarks, sourced by bench/testpmd.sh
# and bench/capture.sh.

# median: the median of the numbers on stdin, one a line ("nan" for none)
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# fwd_samples LOG SKIP: testpmd's per-second Tx-pps summed over the ports
# (--stats-period=1), in Mpps, one a line, after the first SKIP samples
fwd_samples() {
	awk -v skip="$2" '/^Port statistics/ { if (n++ >= skip && have) print sum / 1e6; sum = 0; have = 0 }
	     /Tx-pps:/ { sum += $2; have = 1 }' "$1"
}
