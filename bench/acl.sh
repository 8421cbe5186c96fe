#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# ACL classify cost, Sluice against DPDK 22.11, from ONE source file
# (bench/src/acl_classify.c) compiled against each, as
# bench/mempool_same_source.sh does: same -O3 and -march (libdpdk's, or
# x86-64-v2), alternating rounds, median. Both sides classify the same
# seeded trace of 65536 packets against the same seeded 5-tuple rules in
# bursts of 64, each with its library's default method; cycles a packet
# are the thread's CPU time times the TSC rate. The script stops when the
# two sides' results differ (a checksum of every packet's result).
#
#   bench/acl.sh [build-dir]      ROUNDS=5 SECONDS_PER=1 RULES="1000 10000"
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
SECONDS_PER=${SECONDS_PER:-1}
RULES=${RULES:-1000 10000}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pkg-config --exists libdpdk || { echo "libdpdk not found: apt-get install dpdk-dev" >&2; exit 1; }
[ -f "$BUILD/meson-uninstalled/libsluice-uninstalled.pc" ] ||
	{ echo "no $BUILD: meson setup $BUILD && ninja -C $BUILD" >&2; exit 1; }
ninja -C "$BUILD" >/dev/null

src=bench/src/acl_classify.c
march=$(pkg-config --cflags libdpdk | tr ' ' '\n' | grep -- '^-march=' | tail -n 1 || true)
cflags="-O3 ${march:--march=x86-64-v2}"
cc -o "$tmp/dpdk" "$src" $(pkg-config --cflags --libs libdpdk) $cflags
cc -o "$tmp/sluice" "$src" \
	$(PKG_CONFIG_PATH="$BUILD/meson-uninstalled" pkg-config --cflags --libs libsluice-uninstalled) \
	$cflags -Wl,-rpath,"$PWD/$BUILD"

for r in $(seq 1 "$ROUNDS"); do
	# shellcheck disable=SC2086 # RULES is a list
	"$tmp/sluice" -l 0 --no-huge --no-pci -- "$SECONDS_PER" $RULES 2>/dev/null |
		sed -n 's/^acl /sluice /p' >>"$tmp/out"
	# shellcheck disable=SC2086
	"$tmp/dpdk" -l 0 --no-huge --no-pci --no-shconf --log-level=1 -- "$SECONDS_PER" $RULES \
		2>/dev/null | sed -n 's/^acl /dpdk /p' >>"$tmp/out"
done

printf "%-22s %12s %12s %7s %14s %14s\n" "acl classify, burst 64" "Sluice c/pkt" "DPDK c/pkt" \
	"ratio" "Sluice bld ms" "DPDK bld ms"
awk -v rounds="$ROUNDS" -v cflags="$cflags" '
function median(s,   n, a, i, j, t) {
	n = split(s, a, " ")
	for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] < a[i]) { t = a[i]; a[i] = a[j]; a[j] = t }
	return (n % 2) ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
}
{
	for (i = 2; i <= NF; i++) { split($i, kv, "="); f[kv[1]] = kv[2] }
	k = f["rules"] " rules"
	cpp[$1, k] = cpp[$1, k] " " f["cycles_per_pkt"]
	bld[$1, k] = bld[$1, k] " " f["build_ms"]
	if (($1, k) in sum && sum[$1, k] != f["sum"]) bad = 1
	sum[$1, k] = f["sum"]
	if (!(k in seen)) { seen[k] = 1; order[++n] = k }
}
END {
	for (i = 1; i <= n; i++) {
		k = order[i]
		if (sum["sluice", k] != sum["dpdk", k]) {
			printf "%s: results differ (sum %s on Sluice, %s on DPDK)\n", k, sum["sluice", k], sum["dpdk", k]
			bad = 1
		}
		s = median(cpp["sluice", k]); d = median(cpp["dpdk", k])
		printf "%-22s %12.1f %12.1f %7.2f %14.1f %14.1f\n", k, s, d, (d > 0 ? s / d : 0),
			median(bld["sluice", k]), median(bld["dpdk", k])
	}
	printf "median of %d alternating rounds, both built with %s; ratio = Sluice/DPDK cycles (lower is better)\n", rounds, cflags
	exit bad
}' "$tmp/out"
