#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# What a capture costs the forwarding: sluice-testpmd forwarding (io, two
# net_null ports, one forwarding lcore) without a capture and while
# sluice-dumpcap captures every packet with -s 64 to a tmpfs; the same for
# Debian's dpdk-testpmd with its dpdk-dumpcap, in the same run. Rounds
# alternate which side goes first; each figure is the median over the
# rounds. Both captures take port 0,
# Rx and Tx: every packet forwarded crosses it once (one -i, as Debian's
# dpdk-dumpcap 22.11 keeps only the last of several).
#
# Both primaries get the same arguments: -l 0-1 (main lcore 0, forwarding
# lcore 1), -m 256 on 2 MiB hugepages of a hugetlbfs this script mounts
# (a DPDK secondary cannot join a --no-huge primary), burst 32. The capture
# process is the EAL's default main lcore, CPU 0, for both.
#
# Per side it prints:
#   base_Mpps   forwarded packets a second without a capture (median of the
#               per-second Tx-pps sums of both ports, first two dropped)
#   cap_Mpps    the same while the capture runs (its first second dropped)
#   kept        cap_Mpps / base_Mpps: the fraction of the forwarding rate
#               the application keeps while every packet is captured
#   written     packets a second in the capture file (capinfos), over the
#               capture's run; the tools' own "received" counts differ
#               (dpdk-dumpcap's counts copies the ring then refused)
#
# Usage: bench/capture.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS]
set -u

BUILD=build
ROUNDS=3
SECS=6
while getopts "b:r:t:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	*) sed -n '3,27p' "$0"; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
case $BUILD in /*) ;; *) [ -d "$here/$BUILD" ] && BUILD=$here/$BUILD ;; esac
OURS_PMD=$BUILD/app/testpmd/sluice-testpmd
OURS_CAP=$BUILD/app/dumpcap/sluice-dumpcap
DPDK_PMD=$(command -v dpdk-testpmd || true)
DPDK_CAP=$(command -v dpdk-dumpcap || true)
die() { echo "bench/capture.sh: $*" >&2; exit 1; }
[ -x "$OURS_PMD" ] && [ -x "$OURS_CAP" ] ||
	die "sluice-testpmd or sluice-dumpcap not in $BUILD: build first (ninja -C $BUILD) or pass -b BUILDDIR"
[ -n "$DPDK_PMD" ] && [ -n "$DPDK_CAP" ] ||
	die "dpdk-testpmd or dpdk-dumpcap not found: install Debian's dpdk package (apt-get install dpdk)"
command -v capinfos >/dev/null || die "capinfos not found: apt-get install tshark"
[ "$(id -u)" = 0 ] || die "needs root to mount a hugetlbfs and a tmpfs"
free=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
[ "$free" -ge 160 ] ||
	die "needs 160 free 2 MiB hugepages for -m 256 and the capture's pool, $free free: echo 256 > /proc/sys/vm/nr_hugepages"

# Debian's dpdk-testpmd links mempool_dpaa; dpdk-dumpcap does not, and
# loads it with the other plugins later. Mempool ops are shared by index, so
# the primary would copy into the capture's pool with another driver's ops
# (it fails, and every copy is a drop). dpdk-dumpcap gets it preloaded, so
# that both register their ops in the same order.
DPDK_PRELOAD=
for lib in $(ldd "$DPDK_PMD" | awk '/librte_mempool_/ { print $3 }'); do
	DPDK_PRELOAD="LD_PRELOAD=${DPDK_PRELOAD#LD_PRELOAD=}${DPDK_PRELOAD:+:}$lib"
done

tmp=$(mktemp -d)
prefix=sluicecap$$
cleanup() {
	[ -n "${pmd_pid:-}" ] && kill -KILL "$pmd_pid" 2>/dev/null
	umount "$tmp/huge" "$tmp/out" 2>/dev/null
	rm -rf "$tmp" "/var/run/dpdk/$prefix"
}
trap cleanup EXIT
trap 'exit 130' INT TERM
mkdir "$tmp/huge" "$tmp/out"
mount -t hugetlbfs -o pagesize=2M nodev "$tmp/huge" || die "cannot mount a hugetlbfs"
# room for the capture of one run: at most about 100 bytes a packet
mount -t tmpfs -o size=4g sluice-capture "$tmp/out" || die "cannot mount a tmpfs"

EAL="-l 0-1 -m 256 --huge-dir $tmp/huge --no-pci --file-prefix=$prefix"
APP="--forward-mode=io --burst=32 --nb-cores=1 --stats-period=1 --total-num-mbufs=8192"

. "$here/bench/pmd_pair.sh"

# run_one WHO MODE OUT: one forwarding run (MODE base or cap); writes
# OUT.log (the primary), OUT.cap (the capture's report), OUT.mpps
run_one() {
	local who=$1 mode=$2 out=$3 pmd cap
	if [ "$who" = ours ]; then
		pmd=$OURS_PMD cap=$OURS_CAP preload=
	else
		pmd=$DPDK_PMD cap=$DPDK_CAP preload=$DPDK_PRELOAD
	fi
	: >"$out.log"
	# shellcheck disable=SC2086
	timeout -s INT "$((SECS + 4))" stdbuf -oL "$pmd" $EAL --vdev net_null0 --vdev net_null1 \
		-- $APP </dev/null >"$out.log" 2>&1 &
	pmd_pid=$!
	for _ in $(seq 100); do
		grep -q "packet forwarding - ports=" "$out.log" && break
		sleep 0.1
	done
	skip=2
	if [ "$mode" = cap ]; then
		# nearly to the primary's end; the first second's sample is dropped
		# too: the capture was starting
		timeout -s INT "$((SECS + 2))" env $preload "$cap" --file-prefix="$prefix" -i 0 \
			-s 64 -q -w "$tmp/out/cap.pcapng" >"$out.cap" 2>&1
		capinfos -c -M "$tmp/out/cap.pcapng" 2>/dev/null |
			awk -v s="$((SECS + 2))" '/Number of packets/ { printf "%.3f\n", $NF / s / 1e6 }' \
			>"$out.written"
		rm -f "$tmp/out/cap.pcapng"
		skip=3
	fi
	wait "$pmd_pid"
	pmd_pid=
	fwd_samples "$out.log" $skip | median >"$out.mpps"
	rm -rf "/var/run/dpdk/$prefix"
}

for r in $(seq 1 "$ROUNDS"); do
	if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
	for who in $order; do
		for mode in base cap; do
			run_one "$who" "$mode" "$tmp/$who.$mode.$r"
		done
	done
	echo "bench/capture.sh: round $r/$ROUNDS done" >&2
done

printf '%-6s %10s %10s %7s %12s   %s\n' app base_Mpps cap_Mpps kept written_Mpps "kept a round"
for who in ours dpdk; do
	for r in $(seq 1 "$ROUNDS"); do
		awk -v b="$(cat "$tmp/$who.base.$r.mpps")" -v c="$(cat "$tmp/$who.cap.$r.mpps")" \
			'BEGIN { if (b > 0) printf "%.3f\n", c / b; else print "nan" }'
	done >"$tmp/$who.kept"
	base=$(cat "$tmp/$who".base.*.mpps | grep -v nan | median)
	cap=$(cat "$tmp/$who".cap.*.mpps | grep -v nan | median)
	kept=$(grep -v nan "$tmp/$who.kept" | median)
	wmpps=$(cat "$tmp/$who".cap.*.written | median)
	printf '%-6s %10s %10s %7s %12s   %s\n' "$who" "$base" "$cap" "$kept" "$wmpps" \
		"$(tr '\n' ' ' <"$tmp/$who.kept")"
	if [ "$cap" = nan ]; then
		echo "$who: no sample while capturing: $(tail -3 "$tmp/$who.cap.1.cap" | tr '\n' ' ')" >&2
	fi
done
