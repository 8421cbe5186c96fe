#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Hash, LPM and FIB lookups (and hash adds), Sluice against DPDK 22.11, from
# ONE source file (bench/src/lookup.c) compiled against each: same loops,
# same data, same lcore, alternating rounds, median of TSC cycles an
# operation. The layout follows bench/mempool_same_source.sh.
#
# The lookup fast paths of LPM (rte_lpm_lookup_bulk, rte_lpm_lookupx4) are
# inline, so they are compiled into each binary, with the same flags (see
# bench/same_source.sh; KEEP=dir keeps the binaries). The tables are 1M
# entries: setting up LPM and FIB takes most of a run's time.
#
#   bench/lookup.sh [build-dir]      ROUNDS=5 PASSES=8 KEEP=
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
PASSES=${PASSES:-8}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

. bench/same_source.sh
same_source_build bench/src/lookup.c

# Tables of 1M entries need a few hundred MiB: DPDK's --no-huge gives 64
# MiB unless -m says more.
run() { # SIDE BINARY [EAL-ARGS...]
	local side=$1 bin=$2
	shift 2
	"$bin" -l 0 --no-huge --no-pci -m 1024 "$@" -- "$PASSES" 2>"$tmp/$side.err" |
		sed -n "s/^\([a-z]*\) \([a-z_0-9]*\) cycles=/$side \1 \2 cycles=/p" >>"$tmp/out" ||
		{ echo "$side run failed: $(tail -2 "$tmp/$side.err")" >&2; exit 1; }
}
for r in $(seq 1 "$ROUNDS"); do
	# --no-shconf: another DPDK process holding the default runtime
	# directory's lock would otherwise make this run print nothing.
	if [ $((r % 2)) = 1 ]; then
		run sluice "$tmp/sluice"
		run dpdk "$tmp/dpdk" --no-shconf --log-level=1
	else
		run dpdk "$tmp/dpdk" --no-shconf --log-level=1
		run sluice "$tmp/sluice"
	fi
done

printf "%-28s %14s %14s %7s\n" "cycles an operation (1 lcore)" "Sluice" "DPDK" "ratio"
awk -v rounds="$ROUNDS" -v passes="$PASSES" -v cflags="$cflags" '
function median(s,   n, a, i, j, t) {
	n = split(s, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	key = $2 " " $3; split($4, v, "="); vals[$1, key] = vals[$1, key] " " v[2]
	if (!(key in seen)) { seen[key] = 1; order[++n] = key }
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]; s = median(vals["sluice", k]); d = median(vals["dpdk", k])
		printf "%-28s %14.2f %14.2f %7.2f\n", k, s, d, (d > 0 ? s / d : 0)
	}
	printf "median of %d alternating rounds (%d passes of 1M lookups each), both built with %s\n", rounds, passes, cflags
}' "$tmp/out"
