#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_virtio_user against a vhost-user back-end in another process:
# sluice-testpmd's net_virtio_user against Debian's dpdk-testpmd's
# net_virtio_user, both facing the same back-end, Debian's dpdk-testpmd
# with net_vhost (-v sluice: sluice-testpmd's net_vhost, once it exists).
# The back-end listens, the front-end connects and puts the first burst in
# flight (--tx-first); both forward in io mode, so the packets go round.
# One forwarding lcore each, the back-end's pinned to CPU 0 and the
# front-end's to CPU 1. Split and packed rings (packed_vq=0|1), 64 and
# 1500-byte frames. Runs alternate (ours first in odd rounds, DPDK first
# in even rounds).
#
# Per ring kind and frame size it prints the front-end's forwarded Mpps:
# the median over a run of the per-second Tx-pps (the first two samples
# are warm-up), then the median over the runs (a crashed run is left out
# and shown as nan), and the ratio ours/DPDK.
#
# Usage: bench/virtio_user.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-s "64 1500"]
#                             [-k "split packed"] [-v dpdk|sluice]
set -u

BUILD=build
ROUNDS=3
SECS=8
SIZES="64 1500"
KINDS="split packed"
BACKEND=dpdk
while getopts "b:r:t:s:k:v:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	s) SIZES=$OPTARG ;;
	k) KINDS=$OPTARG ;;
	v) BACKEND=$OPTARG ;;
	*) sed -n '3,20p' "$0"; exit 2 ;;
	esac
done

. "$(dirname "$0")/pmd_pair.sh"
pair_apps virtio_user.sh "$BUILD"

case $BACKEND in
dpdk) VHOST=$DPDK ;;
sluice) VHOST=$OURS ;;
*) echo "bench/virtio_user.sh: -v dpdk or -v sluice" >&2; exit 2 ;;
esac

tmp=$(mktemp -d)
cleanup() {
	rm -rf "$tmp" /var/run/dpdk/sluicevu$$b /var/run/dpdk/sluicevu$$f
}
trap cleanup EXIT

# --no-flush-rx: the back-end starts forwarding when the front-end connects,
# and must not drain the burst the front-end sends first.
APP_COMMON="--forward-mode=io --port-topology=loop --burst=32 --nb-cores=1 --stats-period=1 --total-num-mbufs=8192 --no-flush-rx"

# run_one APP KIND SIZE OUT: a back-end and a front-end (APP) for SECS
# seconds; OUT.log is the front-end's. The front-end's memory is hugepages
# (memfds the back-end maps); DPDK's keeps no files (--in-memory) and needs
# --single-file-segments to fit its memory in one SET_MEM_TABLE.
run_one() {
	local app=$1 kind=$2 size=$3 out=$4 sock=$tmp/vhost.$RANDOM.sock packed=0 extra=
	[ "$kind" = packed ] && packed=1
	[ "$app" = "$DPDK" ] && extra="--in-memory --single-file-segments"
	timeout -s INT "$((SECS + 4))" "$VHOST" --lcores 0@0,1@0 --no-huge -m 512 --no-pci \
		--file-prefix=sluicevu$$b --vdev "net_vhost0,iface=$sock,queues=1" -- \
		$APP_COMMON </dev/null >"$out.backend.log" 2>&1 &
	local backend=$! w
	# the front-end connects: wait for the back-end's socket
	for w in $(seq 1 100); do
		[ -S "$sock" ] && break
		sleep 0.1
	done
	timeout -s INT "$((SECS + 2))" "$app" --lcores 0@1,1@1 -m 256 $extra --no-pci \
		--file-prefix=sluicevu$$f \
		--vdev "net_virtio_user0,path=$sock,queues=1,packed_vq=$packed,mrg_rxbuf=0" -- \
		$APP_COMMON --tx-first --txpkts="$size" </dev/null >"$out.log" 2>&1
	local frc=$? brc
	wait $backend 2>/dev/null
	brc=$?
	pair_crashed virtio_user.sh "$app" "$kind, $size bytes" back-end "$brc" front-end "$frc"
}

printf '%-7s %-6s %-6s %10s   %s\n' ring size app Mpps runs
for kind in $KINDS; do
for size in $SIZES; do
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
		for who in $order; do
			if [ $who = ours ]; then app=$OURS; else app=$DPDK; fi
			f=$tmp/$kind.$size.$who.$r
			if run_one "$app" "$kind" "$size" "$f" 2>>"$tmp/crashes"; then
				run_mpps "$f.log" >"$f.mpps"
			else
				echo nan >"$f.mpps"
			fi
		done
	done
	for who in ours dpdk; do
		mpps=$(cat "$tmp/$kind.$size.$who".*.mpps | grep -v nan | median)
		runs=$(cat "$tmp/$kind.$size.$who".*.mpps | tr '\n' ' ')
		printf '%-7s %-6s %-6s %10s   %s\n' "$kind" "$size" "$who" "$mpps" "$runs"
		eval "mpps_$who=$mpps"
	done
	[ -s "$tmp/crashes" ] && grep -v 'Segmentation fault' "$tmp/crashes" >&2
	rm -f "$tmp/crashes"
	# shellcheck disable=SC2154
	awk -v o="$mpps_ours" -v d="$mpps_dpdk" -v s="$size" -v k="$kind" 'BEGIN {
		if (d > 0) printf "%-7s %-6s ratio ours/dpdk (median Mpps): %.2f\n", k, s, o / d
		else printf "%-7s %-6s ratio: dpdk-testpmd forwarded nothing\n", k, s }'
done
done
