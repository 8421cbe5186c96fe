#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_memif between two processes: sluice-testpmd <-> sluice-testpmd
# against Debian's dpdk-testpmd <-> dpdk-testpmd, the same arguments for
# both. One process is the memif server, the other the client (--tx-first
# puts the first burst in flight); both forward in io mode, so the packets
# go round between them. Each process has one forwarding lcore, the
# server's pinned to CPU 0 and the client's to CPU 1 (their main lcores
# share those CPUs and only print statistics). Runs alternate (ours first
# in odd rounds, DPDK first in even rounds).
#
# Per frame size it prints the server's forwarded Mpps: the median over a
# run of the per-second Tx-pps (the first two samples are warm-up), then
# the median over the runs (a run where a process crashed is left out and
# shown as nan), and the ratio ours/DPDK.
#
# Usage: bench/memif.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-s "64 1500"]
set -u

BUILD=build
ROUNDS=3
SECS=8
SIZES="64 1500"
while getopts "b:r:t:s:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	s) SIZES=$OPTARG ;;
	*) sed -n '3,18p' "$0"; exit 2 ;;
	esac
done

. "$(dirname "$0")/pmd_pair.sh"
pair_apps memif.sh "$BUILD"

tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp" /var/run/dpdk/sluicememif$$s /var/run/dpdk/sluicememif$$c
}
trap cleanup EXIT

# --no-flush-rx: the server starts forwarding when the client connects, and
# must not drain the burst the client sends first.
APP_COMMON="--forward-mode=io --port-topology=loop --burst=32 --nb-cores=1 --stats-period=1 --total-num-mbufs=8192 --no-flush-rx"

# run_one APP SIZE OUT: a server and a client for SECS seconds; OUT.log is the server's.
run_one() {
	local app=$1 size=$2 out=$3 sock=sluicememif$$.$RANDOM
	timeout -s INT "$((SECS + 4))" "$app" --lcores 0@0,1@0 --no-huge --no-pci \
		--file-prefix=sluicememif$$s --vdev "net_memif0,role=server,socket=$sock" -- \
		$APP_COMMON </dev/null >"$out.log" 2>&1 &
	local server=$!
	sleep 1
	timeout -s INT "$((SECS + 2))" "$app" --lcores 0@1,1@1 --no-huge --no-pci \
		--file-prefix=sluicememif$$c --vdev "net_memif0,role=client,socket=$sock" -- \
		$APP_COMMON --tx-first --txpkts="$size" </dev/null >"$out.client.log" 2>&1
	local crc=$? src
	wait $server 2>/dev/null
	src=$?
	pair_crashed memif.sh "$app" "$size bytes" server "$src" client "$crc"
}

printf '%-6s %-6s %10s   %s\n' size app Mpps runs
for size in $SIZES; do
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
		for who in $order; do
			if [ $who = ours ]; then app=$OURS; else app=$DPDK; fi
			if run_one "$app" "$size" "$tmp/$size.$who.$r" 2>>"$tmp/crashes"; then
				run_mpps "$tmp/$size.$who.$r.log" >"$tmp/$size.$who.$r.mpps"
			else
				echo nan >"$tmp/$size.$who.$r.mpps"
			fi
		done
	done
	for who in ours dpdk; do
		mpps=$(cat "$tmp/$size.$who".*.mpps | grep -v nan | median)
		runs=$(cat "$tmp/$size.$who".*.mpps | tr '\n' ' ')
		printf '%-6s %-6s %10s   %s\n' "$size" "$who" "$mpps" "$runs"
		eval "mpps_$who=$mpps"
	done
	[ -s "$tmp/crashes" ] && grep -v 'Segmentation fault' "$tmp/crashes" >&2
	rm -f "$tmp/crashes"
	# shellcheck disable=SC2154
	awk -v o="$mpps_ours" -v d="$mpps_dpdk" -v s="$size" 'BEGIN {
		if (d > 0) printf "%-6s ratio ours/dpdk (median Mpps): %.2f\n", s, o / d
		else printf "%-6s ratio: dpdk-testpmd forwarded nothing\n", s }'
done
