#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Mempool get+put rate with cache, Sluice against DPDK 22.11, from ONE source
# file (bench/src/mempool_rate.c) compiled against each: same loop, same
# lcore, alternating rounds, median. dpdk-test's own mempool_perf_autotest
# reaches its cache section only after ~30 minutes, which is why this exists.
#
# The fast path is inline, so it is compiled into each binary, with the
# same flags (bench/same_source.sh; KEEP=dir keeps the two binaries, e.g.
# for counting instructions with valgrind --tool=callgrind).
#
# Each figure is the rate of the median chunk of 128 rounds (see
# mempool_rate.c), which keeps out the time the lcore spent preempted on a
# shared machine; then the median over the rounds, which alternate which
# side goes first. The load average of each round goes to stderr.
#
#   bench/mempool_same_source.sh [build-dir]      ROUNDS=5 SECONDS_PER=1 KEEP=
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
SECONDS_PER=${SECONDS_PER:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. bench/same_source.sh
same_source_build bench/src/mempool_rate.c

run_side() {
	case $1 in
	sluice) "$tmp/sluice" -l 0 --no-huge --no-pci -- "$SECONDS_PER" ;;
	# --no-shconf: another DPDK process holding the default runtime
	# directory's lock would otherwise make this run print nothing.
	dpdk) "$tmp/dpdk" -l 0 --no-huge --no-pci --no-shconf --log-level=1 -- "$SECONDS_PER" ;;
	esac 2>/dev/null | sed -n "s/^cache /$1 /p" >>"$tmp/out"
}

for r in $(seq 1 "$ROUNDS"); do
	echo "round $r/$ROUNDS, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
	if [ $((r % 2)) -eq 1 ]; then
		run_side sluice
		run_side dpdk
	else
		run_side dpdk
		run_side sluice
	fi
done

printf "%-28s %14s %14s %7s\n" "mempool get+put, cache (1 lcore)" "Sluice/s" "DPDK/s" "ratio"
awk -v rounds="$ROUNDS" -v cflags="$cflags" '
function median(s,   n, a, i, j, t) {
	n = split(s, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	key = $2 " " $3; split($4, v, "="); vals[$1, key] = vals[$1, key] " " v[2]
	if (!(key in seen)) { seen[key] = 1; order[++n] = key }
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; s = median(vals["sluice", k]); d = median(vals["dpdk", k])
		printf "%-28s %14.0f %14.0f %7.2f\n", k, s, d, (d > 0 ? s / d : 0)
	}
	printf "median of %d alternating rounds, both built with %s\n", rounds, cflags
}' "$tmp/out"
