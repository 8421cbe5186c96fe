#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Build Sluice and run sluice-testpmd: io forwarding between two net_null
# ports for 10 seconds (needs no NIC), with hugepages when the machine has
# them and --no-huge otherwise. Extra arguments go to testpmd after "--".
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh
[ -f build/build.ninja ] || meson setup build >/dev/null
ninja -C build >/dev/null

mem=(--no-huge)
free=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
if [ "$free" -ge 128 ]; then
	mem=(-m 256)
fi
exec ./build/app/testpmd/sluice-testpmd -l 0-1 "${mem[@]}" \
	--vdev net_null0 --vdev net_null1 -- --forward-mode=io --stats-period 2 --run-time 10 "$@"
