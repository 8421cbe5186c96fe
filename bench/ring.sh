#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Ring benchmark, Sluice against DPDK 22.11 (Debian's dpdk-test), on the
# same lcores in the same run. Both print ring_perf_autotest's figures; the
# rounds alternate which one goes first, and the table shows the median of
# the rounds and the ratio ours/DPDK. Cycle figures: lower is better (ratio
# below 1 means Sluice is faster). "Total count" figures: operations done in
# 100 ms, higher is better.
#
# usage: bench/ring.sh [build-dir]     (default: build)
# environment: ROUNDS (default 5), LCORES (default 0-1)
set -euo pipefail

BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
LCORES=${LCORES:-0-1}
OURS="$BUILD/app/test/sluice-test"
DPDK_TEST=${DPDK_TEST_BIN:-dpdk-test}

if [ ! -x "$OURS" ]; then
	echo "ring.sh: $OURS not found; build first: meson setup $BUILD && ninja -C $BUILD" >&2
	exit 1
fi
if ! command -v "$DPDK_TEST" >/dev/null; then
	echo "ring.sh: $DPDK_TEST not found; install Debian's dpdk package (apt-get install dpdk)" >&2
	exit 1
fi

TMP=$(mktemp -d)
# dpdk-test keeps its runtime files under this prefix; remove them after.
PREFIX="ringbench$$"
if [ "$(id -u)" -eq 0 ]; then
	DPDK_RUNDIR="/var/run/dpdk/$PREFIX"
else
	DPDK_RUNDIR="${XDG_RUNTIME_DIR:-/tmp}/dpdk/$PREFIX"
fi
trap 'rm -rf "$TMP" "$DPDK_RUNDIR"' EXIT

run_ours() {
	"$OURS" ring_perf --no-huge -l "$LCORES" >"$TMP/ours.$1" 2>&1
}

run_dpdk() {
	DPDK_TEST=ring_perf_autotest "$DPDK_TEST" --no-huge --no-pci -l "$LCORES" \
		--file-prefix "$PREFIX" >"$TMP/dpdk.$1" 2>&1 </dev/null
}

# One "key<TAB>value" line per figure; the key carries the section, since
# some lines repeat in several sections (bulk size 8: single lcore, empty
# ring, two cores).
extract() {
	awk '
	/^### Testing / { sec = $0; sub(/^### Testing /, "", sec); sub(/ ###$/, "", sec) }
	/^(legacy|elem) APIs: / {
		v = $NF; k = $0; sub(/: [0-9.]+$/, "", k)
		printf "%s | %s\t%s\n", sec, k, v
	}
	/^Total count/ {
		v = $NF; k = $0; sub(/: [0-9]+$/, "", k)
		api = seen_elem ? "elem APIs: element size 16B" : "legacy APIs"
		printf "%s | %s: %s\t%s\n", sec, api, k, v
	}
	/^elem APIs: / { seen_elem = 1 }
	' "$1"
}

for i in $(seq 1 "$ROUNDS"); do
	if [ $((i % 2)) -eq 1 ]; then
		run_ours "$i" && run_dpdk "$i"
	else
		run_dpdk "$i" && run_ours "$i"
	fi || { echo "ring.sh: round $i failed; see the output below" >&2;
		cat "$TMP"/*."$i" >&2; exit 1; }
	grep -q "ok   test_ring_perf" "$TMP/ours.$i" || {
		echo "ring.sh: sluice ring_perf failed:" >&2; cat "$TMP/ours.$i" >&2; exit 1; }
	grep -q "Test OK" "$TMP/dpdk.$i" || {
		echo "ring.sh: dpdk-test ring_perf_autotest failed:" >&2; cat "$TMP/dpdk.$i" >&2; exit 1; }
	extract "$TMP/ours.$i" | sed 's/^/ours\t/' >>"$TMP/all"
	extract "$TMP/dpdk.$i" | sed 's/^/dpdk\t/' >>"$TMP/all"
	echo "round $i/$ROUNDS done" >&2
done

echo "ring_perf_autotest figures, median of $ROUNDS alternating rounds, lcores $LCORES"
echo "(cycles: lower is better; Total count: higher is better)"
awk -F '\t' '
function median(list,   a, n, t, i, j) {
	n = split(list, a, " ")
	for (i = 2; i <= n; i++)
		for (j = i; j > 1 && a[j - 1] + 0 > a[j] + 0; j--) {
			t = a[j]; a[j] = a[j - 1]; a[j - 1] = t
		}
	return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	if (!($2 in order)) { order[$2] = ++nkeys; keys[nkeys] = $2 }
	vals[$1, $2] = vals[$1, $2] " " $3
}
END {
	printf("%-86s %12s %12s %8s\n", "figure", "ours", "DPDK", "ratio")
	for (i = 1; i <= nkeys; i++) {
		k = keys[i]
		if (vals["ours", k] == "" || vals["dpdk", k] == "")
			continue
		o = median(vals["ours", k]); d = median(vals["dpdk", k])
		ratio = (d > 0) ? sprintf("%.2f", o / d) : "n/a"
		printf("%-86s %12.2f %12.2f %8s\n", k, o, d, ratio)
	}
}' "$TMP/all"
