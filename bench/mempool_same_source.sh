#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Mempool get+put rate with cache, Sluice against DPDK 22.11, from ONE source
# file (bench/src/mempool_rate.c) compiled against each: same loop, same
# lcore, alternating rounds, median. dpdk-test's own mempool_perf_autotest
# reaches its cache section only after ~30 minutes, which is why this exists.
#
# The fast path is inline, so it is compiled into each binary: both get the
# same -O3 and the -march that libdpdk's pkg-config asks for (x86-64-v2,
# Sluice's default, if it names none; Sluice's own pkg-config -march is
# overridden), so only the code differs, not the flags.
# KEEP=dir keeps the two binaries there (dir/dpdk, dir/sluice), e.g. for
# counting instructions with valgrind --tool=callgrind.
#
#   bench/mempool_same_source.sh [build-dir]      ROUNDS=5 SECONDS_PER=1 KEEP=
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD=${1:-build}
ROUNDS=${ROUNDS:-5}
SECONDS_PER=${SECONDS_PER:-1}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

pkg-config --exists libdpdk || { echo "libdpdk not found: apt-get install dpdk-dev" >&2; exit 1; }
[ -f "$BUILD/meson-uninstalled/libsluice-uninstalled.pc" ] ||
	{ echo "no $BUILD: meson setup $BUILD && ninja -C $BUILD" >&2; exit 1; }
ninja -C "$BUILD" >/dev/null

src=bench/src/mempool_rate.c
march=$(pkg-config --cflags libdpdk | tr ' ' '\n' | grep -- '^-march=' | tail -n 1 || true)
cflags="-O3 ${march:--march=x86-64-v2}"
cc -o "$tmp/dpdk" "$src" $(pkg-config --cflags --libs libdpdk) $cflags
cc -o "$tmp/sluice" "$src" \
	$(PKG_CONFIG_PATH="$BUILD/meson-uninstalled" pkg-config --cflags --libs libsluice-uninstalled) \
	$cflags -Wl,-rpath,"$PWD/$BUILD"
if [ -n "${KEEP:-}" ]; then
	mkdir -p "$KEEP" && cp "$tmp/dpdk" "$tmp/sluice" "$KEEP/"
fi

for r in $(seq 1 "$ROUNDS"); do
	"$tmp/sluice" -l 0 --no-huge --no-pci -- "$SECONDS_PER" 2>/dev/null |
		sed -n 's/^cache /sluice /p' >>"$tmp/out"
	# --no-shconf: another DPDK process holding the default runtime
	# directory's lock would otherwise make this run print nothing.
	"$tmp/dpdk" -l 0 --no-huge --no-pci --no-shconf --log-level=1 -- "$SECONDS_PER" 2>/dev/null |
		sed -n 's/^cache /dpdk /p' >>"$tmp/out"
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
