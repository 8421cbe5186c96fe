#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# vhost-user between two processes: a net_vhost back-end (the server) and
# a net_virtio_user front-end (the client, --tx-first puts the first burst
# in flight), both forwarding in io mode so the packets go round between
# them. Pairs (back-end + front-end):
#   sluice  sluice-testpmd + sluice-testpmd  (needs Sluice's net_virtio_user)
#   dpdk    dpdk-testpmd   + dpdk-testpmd
#   mixed   sluice-testpmd + dpdk-testpmd    (information)
# Each process has one forwarding lcore, the back-end's pinned to CPU 0 and
# the front-end's to CPU 1. Rounds alternate the order of the pairs.
#
# Per frame size and ring layout (packed_vq=0|1 on the front-end) it prints
# the back-end's forwarded Mpps: the median over a run of the per-second
# Tx-pps (the first two samples are warm-up), the median over the runs (a
# run where a process crashed is left out, shown as nan), and each pair's
# ratio to dpdk.
#
# Usage: bench/vhost.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-s "64 1500"]
#                       [-q "0 1"] [-p "sluice dpdk mixed"]
set -u

BUILD=build
ROUNDS=3
SECS=8
SIZES="64 1500"
PACKED="0 1"
PAIRS="sluice dpdk mixed"
while getopts "b:r:t:s:q:p:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	s) SIZES=$OPTARG ;;
	q) PACKED=$OPTARG ;;
	p) PAIRS=$OPTARG ;;
	*) sed -n '3,20p' "$0"; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
. "$here/bench/pmd_pair.sh"
pair_apps vhost.sh "$BUILD"
# the sluice pair needs Sluice's front-end
if [[ " $PAIRS " == *" sluice "* ]] && [ ! -d "$here/drivers/net/virtio/virtio_user" ]; then
	echo "bench/vhost.sh: this tree has no net_virtio_user yet: the sluice pair is left out" >&2
	PAIRS=${PAIRS//sluice/}
fi

tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp" /var/run/dpdk/sluicevhost$$b /var/run/dpdk/sluicevhost$$f
}
trap cleanup EXIT

# --no-flush-rx: the back-end starts forwarding when the front-end connects,
# and must not drain the burst the front-end sends first.
APP_COMMON="--forward-mode=io --port-topology=loop --burst=32 --nb-cores=1 --stats-period=1 --total-num-mbufs=8192 --no-flush-rx"

# run_one PAIR SIZE PACKED OUT: a back-end and a front-end for SECS seconds; OUT.log is the back-end's.
run_one() {
	local pair=$1 size=$2 packed=$3 out=$4 sock=$tmp/vhost.$RANDOM.sock back front
	case $pair in
	sluice) back=$OURS; front=$OURS ;;
	dpdk) back=$DPDK; front=$DPDK ;;
	mixed) back=$OURS; front=$DPDK ;;
	esac
	timeout -s INT "$((SECS + 4))" "$back" --lcores 0@0,1@0 --no-huge -m 512 --no-pci \
		--file-prefix=sluicevhost$$b --vdev "net_vhost0,iface=$sock" -- \
		$APP_COMMON </dev/null >"$out.log" 2>&1 &
	local bpid=$!
	# the front-end gives up at once when the socket is not there yet
	for _ in $(seq 100); do [ -S "$sock" ] && break; sleep 0.1; done
	sleep 0.5
	timeout -s INT "$((SECS + 2))" "$front" --lcores 0@1,1@1 --no-huge -m 512 --no-pci \
		--file-prefix=sluicevhost$$f --vdev "net_virtio_user0,path=$sock,packed_vq=$packed" -- \
		$APP_COMMON --tx-first --txpkts="$size" </dev/null >"$out.front.log" 2>&1
	local frc=$? brc
	wait $bpid 2>/dev/null
	brc=$?
	# 124 and 130: stopped by timeout's SIGINT; a signal above that is a crash,
	# and the run does not count
	local crashed=0
	for rc in "back-end $brc" "front-end $frc"; do
		set -- $rc
		if [ "$2" -gt 130 ]; then
			echo "bench/vhost.sh: $pair $1 ($size bytes, packed_vq=$packed) died with signal" \
			     "$(($2 - 128)); the run is left out" >&2
			crashed=1
		fi
	done
	return $crashed
}

printf '%-6s %-6s %-7s %10s   %s\n' size packed pair Mpps runs
for packed in $PACKED; do
	for size in $SIZES; do
		set -- $PAIRS
		for r in $(seq 1 "$ROUNDS"); do
			# rotate the pairs' order round by round
			local_order=$(printf '%s\n' "$@" | awk -v r="$r" '{ a[NR] = $0 } END {
				for (i = 0; i < NR; i++) print a[(i + r) % NR + 1] }')
			for pair in $local_order; do
				f=$tmp/$size.$packed.$pair.$r
				if run_one "$pair" "$size" "$packed" "$f" 2>>"$tmp/crashes"; then
					run_mpps "$f.log" >"$f.mpps"
				else
					echo nan >"$f.mpps"
				fi
			done
		done
		mpps_dpdk=nan
		for pair in $PAIRS; do
			mpps=$(cat "$tmp/$size.$packed.$pair".*.mpps | grep -v nan | median)
			runs=$(cat "$tmp/$size.$packed.$pair".*.mpps | tr '\n' ' ')
			printf '%-6s %-6s %-7s %10s   %s\n' "$size" "$packed" "$pair" "$mpps" "$runs"
			eval "mpps_$pair=$mpps"
		done
		[ -s "$tmp/crashes" ] && grep -v 'Segmentation fault' "$tmp/crashes" >&2
		rm -f "$tmp/crashes"
		for pair in $PAIRS; do
			[ "$pair" = dpdk ] && continue
			eval "o=\$mpps_$pair"
			awk -v o="$o" -v d="$mpps_dpdk" -v s="$size" -v q="$packed" -v p="$pair" 'BEGIN {
				if (d > 0) printf "%-6s %-6s ratio %s/dpdk (median Mpps): %.2f\n", s, q, p, o / d
				else printf "%-6s %-6s ratio: no dpdk pair figure\n", s, q }'
		done
	done
done
