#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# Mempool get/put rate, Sluice against DPDK 22.11 (Debian's dpdk-test), on
# the same lcores, in alternating rounds; prints the median of each figure.
#
#   bench/mempool.sh [build-dir]
#
# Environment:
#   SECTION  nocache | default | cache | user   (default: cache)
#   CORES    cores= value to compare: 1, 2     (default: 1)
#   ROUNDS   rounds of (Sluice, DPDK)           (default: 3)
#   LCORES   EAL -l list for both                (default: 0-1; DPDK's pool
#            sizes need 2 lcores for the 512-object cache)
#
# dpdk-test cannot run a subset of mempool_perf_autotest: it always runs
# the sections in order (without cache, default handler, with cache, user
# cache; 1, 2, all cores; 5 s a line). The script streams its output and
# stops it once the wanted lines are in. The "with cache" section starts
# about 30 minutes into a DPDK run (60 lines of 5 s per core count).
set -eu

BUILD=${1:-build}
SECTION=${SECTION:-cache}
CORES=${CORES:-1}
ROUNDS=${ROUNDS:-3}
LCORES=${LCORES:-0-1}
SLUICE_TEST=$BUILD/app/test/sluice-test
DPDK_TEST=$(command -v dpdk-test || true)

[ -x "$SLUICE_TEST" ] || { echo "no $SLUICE_TEST: build first (ninja -C $BUILD)" >&2; exit 1; }
[ -n "$DPDK_TEST" ] || { echo "dpdk-test not found: apt-get install dpdk" >&2; exit 1; }

case $SECTION in
nocache) HEADER='start performance test (without cache)' ;;
default) HEADER='start performance test for' ;;
cache) HEADER='start performance test (with cache)' ;;
user) HEADER='start performance test (with user-owned cache)' ;;
*) echo "SECTION must be nocache, default, cache or user" >&2; exit 1 ;;
esac

TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

# Lines of the wanted section and core count: "key rate" per line.
extract() {
	awk -v hdr="$HEADER" -v cores="cores=$CORES" '
		index($0, "start performance test") == 1 { insec = (index($0, hdr) == 1) }
		insec && /^mempool_autotest/ && index($0, " " cores " ") {
			key = ""
			for (i = 2; i <= NF; i++) {
				if ($i ~ /^rate_persec=/) { split($i, r, "="); rate = r[2] }
				else if ($i !~ /^cores=/) key = key (key == "" ? "" : ",") $i
			}
			print key, rate
		}' "$1"
}

run_sluice() {
	MEMPOOL_PERF_SECTIONS=$SECTION MEMPOOL_PERF_CORES=$CORES \
		"$SLUICE_TEST" mempool_perf --no-huge -m 512 -l "$LCORES" > "$TMP/s.out" 2>&1
	extract "$TMP/s.out" >> "$TMP/sluice.txt"
	extract "$TMP/s.out" | wc -l
}

run_dpdk() {
	want=$1
	: > "$TMP/d.out"
	DPDK_TEST=mempool_perf_autotest stdbuf -oL "$DPDK_TEST" --no-huge -m 512 \
		-l "$LCORES" --no-pci --log-level=lib.eal:error > "$TMP/d.out" 2>&1 &
	pid=$!
	while kill -0 "$pid" 2>/dev/null; do
		[ "$(extract "$TMP/d.out" | wc -l)" -ge "$want" ] && break
		sleep 2
	done
	kill "$pid" 2>/dev/null || true
	wait "$pid" 2>/dev/null || true
	extract "$TMP/d.out" | head -n "$want" >> "$TMP/dpdk.txt"
}

: > "$TMP/sluice.txt"
: > "$TMP/dpdk.txt"
r=1
while [ "$r" -le "$ROUNDS" ]; do
	echo "round $r/$ROUNDS: sluice" >&2
	n=$(run_sluice)
	[ "$n" -gt 0 ] || { echo "sluice-test printed no figures:" >&2; cat "$TMP/s.out" >&2; exit 1; }
	echo "round $r/$ROUNDS: dpdk-test (waits for $n lines of section '$SECTION')" >&2
	run_dpdk "$n"
	r=$((r + 1))
done

echo "mempool_perf section=$SECTION cores=$CORES lcores=$LCORES rounds=$ROUNDS (objects/s, median)"
awk '
	function median(list,   n, a, i, j, t) {
		n = split(list, a, " ")
		for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++)
			if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
		return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
	}
	FNR == 1 { side++ }
	{ if (!($1 in order)) { order[$1] = ++nkeys; keys[nkeys] = $1 }
	  v[side, $1] = v[side, $1] " " $2 }
	END {
		printf "%-58s %14s %14s %7s\n", "figure", "sluice", "dpdk", "ratio"
		for (k = 1; k <= nkeys; k++) {
			key = keys[k]
			if (v[1, key] == "" || v[2, key] == "") continue
			s = median(v[1, key]); d = median(v[2, key])
			printf "%-58s %14.0f %14.0f %7.2f\n", key, s, d, (d > 0 ? s / d : 0)
		}
	}' "$TMP/sluice.txt" "$TMP/dpdk.txt"
