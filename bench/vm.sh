#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd against Debian's dpdk-testpmd on the same two emulated
# ports of one QEMU hub, bound to vfio-pci in one guest boot
# (app/test/vm/vmrun.sh): e1000e (82574L), e1000 (82540EM) or virtio
# (virtio-net-pci, modern only, with iommu_platform=on behind intel-iommu).
# Each tool runs interactively with the same arguments
# (-l 0-1 -a P0 -a P1 -- -i --forward-mode=io). Commands go in through a
# FIFO only once the tool shows its first "testpmd> " prompt, that is after
# its EAL, port start and link check: "start tx_first", SECONDS of
# forwarding, "stop", "quit". Under TCG the start-up alone can take longer
# than a run (dpdk-testpmd took 36 s to 76 s to reach its prompt on a
# loaded 2-core host, sluice-testpmd 2 s to 6 s), so commands sent on a
# fixed schedule reached DPDK still starting and it ran "stop" right after
# "start": a few dozen packets, which looked like a driver that cannot
# forward. The time to the prompt is printed (init_s); it is not part of
# the measured SECONDS.
# Rounds alternate which tool goes first; on e1000e and e1000 each tool has
# a short warm-up run before each measured one. Printed per run and as the
# sum over the rounds (a round where one tool stalled, under a tenth of the
# other, is left out and said so):
#   packets  forwarded packets, both ports (the Accumulated TX-packets line)
#   pps      packets / SECONDS
# the ratio sluice / DPDK of each round, of the sums and the median of the
# round ratios. Figures depend on the machine (TCG) and on whatever else
# runs on it: on a shared 2-core host the same tool was measured from
# 94 kpps to 212 kpps within minutes, so compare only within one run and
# prefer the median of the round ratios, each from two neighbouring runs.
#
# Devices: vmrun.sh's models unchanged, the same for both tools: QEMU's
# defaults for virtio-net (256-entry queues, tx=bh, every feature offered,
# EVENT_IDX among them); each driver negotiates what it supports, as on a
# cloud VM. No devargs: each driver picks its own default paths.
#
# Usage: bench/vm.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-m e1000e|e1000|virtio]
set -u

BUILD=build
ROUNDS=2
SECS=20
MODEL=e1000e
while getopts "b:r:t:m:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	m) MODEL=$OPTARG ;;
	*) sed -n '3,36p' "$0"; exit 2 ;;
	esac
done
here=$(cd "$(dirname "$0")/.." && pwd)

if [ "${GUEST:-}" != 1 ]; then
	case $BUILD in /*) ;; *) BUILD=$here/$BUILD ;; esac
	for b in app/testpmd/sluice-testpmd app/devbind/sluice-devbind; do
		[ -x "$BUILD/$b" ] || { echo "bench/vm.sh: $BUILD/$b not built (ninja -C $BUILD)" >&2; exit 1; }
	done
	command -v dpdk-testpmd >/dev/null ||
		{ echo "bench/vm.sh: dpdk-testpmd not found: apt-get install dpdk" >&2; exit 1; }
	exec "$here/app/test/vm/vmrun.sh" --dir "$BUILD/vm" --iommu 39 \
		--timeout $(( ROUNDS * 2 * (SECS + 300) + 60 )) \
		--nic "$MODEL@03.0" --nic "$MODEL@04.0" -- \
		/usr/bin/env GUEST=1 bash "$here/bench/vm.sh" -b "$BUILD" -r "$ROUNDS" -t "$SECS" -m "$MODEL"
fi

# --- guest side -------------------------------------------------------------

p0=0000:00:03.0 p1=0000:00:04.0
"$BUILD/app/devbind/sluice-devbind" -b vfio-pci $p0 $p1 >/dev/null ||
	{ echo "bench/vm.sh: cannot bind $p0 $p1 to vfio-pci" >&2; exit 1; }
ours=$BUILD/app/testpmd/sluice-testpmd
dpdk=$(command -v dpdk-testpmd)
# a tool that died early must not kill this script through its FIFO
trap '' PIPE

. "$here/bench/pmd_pair.sh"	# wait_for

# one_run TOOL [SECS]: prints "PACKETS INIT_SECONDS" (PACKETS, forwarded
# packets from the Accumulated TX-packets line, is 0 when the run failed)
one_run() {
	local log fifo pid t0 t1 secs=${2:-$SECS}
	log=$(mktemp)
	fifo=$(mktemp -u)
	mkfifo "$fifo"
	t0=$(date +%s.%N)
	timeout $((secs + 360)) "$1" -l 0-1 -a $p0 -a $p1 -- -i --forward-mode=io \
		<"$fifo" >"$log" 2>&1 &
	pid=$!
	exec 3>"$fifo"
	if wait_for "$log" "testpmd> " 300 $pid; then
		t1=$(date +%s.%N)
		{
			echo "start tx_first" >&3
			sleep "$secs"
			echo "stop" >&3
			sleep 1
			echo "quit" >&3
		} 2>/dev/null
	else
		t1=$t0
	fi
	exec 3>&-
	wait $pid
	rm -f "$fifo"
	awk -v t0="$t0" -v t1="$t1" '
		/Accumulated forward statistics/ { acc = 1 }
		acc && /TX-packets:/ { n = $2; exit }
		END { printf "%d %.1f\n", n, t1 - t0 }' "$log"
	grep -q "Accumulated forward statistics" "$log" || sed 's/^/    | /' "$log" >&2
	rm -f "$log"
}

sum_ours=0 sum_dpdk=0 used=0 ratios=
printf '%-6s %-14s %12s %10s %7s\n' round tool packets pps init_s
for r in $(seq 1 "$ROUNDS"); do
	if [ $((r % 2)) = 1 ]; then order="sluice dpdk"; else order="dpdk sluice"; fi
	r_ours=0 r_dpdk=0
	for t in $order; do
		if [ $t = sluice ]; then tool=$ours name=sluice-testpmd; else tool=$dpdk name=dpdk-testpmd; fi
		# Warm-up, not counted: the same short run for each tool before
		# its measured one (on QEMU 7.2's e1000e, Debian's net_e1000_em
		# was seen to forward nothing in its first run after another
		# driver had the device). virtio-net needs none, and DPDK's slow
		# start-up would put minutes between the two runs of a round.
		[ "$MODEL" = virtio ] || one_run "$tool" 3 >/dev/null 2>&1
		read -r n init <<<"$(one_run "$tool")"
		if [ $t = sluice ]; then r_ours=$n; else r_dpdk=$n; fi
		printf '%-6s %-14s %12d %10d %7s\n' "$r" $name "$n" $((n / SECS)) "$init"
	done
	# a run that stalled (under a tenth of the other tool's) says nothing about speed
	if [ $((r_ours * 10)) -lt "$r_dpdk" ] || [ $((r_dpdk * 10)) -lt "$r_ours" ]; then
		echo "round $r left out: one tool stalled"
		continue
	fi
	sum_ours=$((sum_ours + r_ours)) sum_dpdk=$((sum_dpdk + r_dpdk)) used=$((used + 1))
	ratios="$ratios $(awk -v a="$r_ours" -v b="$r_dpdk" 'BEGIN { printf "%.3f", a / b }')"
	echo "round $r ratio sluice/DPDK ${ratios##* }"
done
[ "$used" -gt 0 ] || { echo "bench/vm.sh: every round had a stalled run" >&2; exit 1; }
echo
printf '%-20s %12s %10s\n' "total ($used x ${SECS}s)" packets pps
printf '%-20s %12d %10d\n' sluice-testpmd "$sum_ours" $((sum_ours / (used * SECS)))
printf '%-20s %12d %10d\n' dpdk-testpmd "$sum_dpdk" $((sum_dpdk / (used * SECS)))
if [ "$sum_dpdk" -gt 0 ]; then
	awk -v a="$sum_ours" -v b="$sum_dpdk" 'BEGIN { printf "ratio sluice/DPDK: %.3f\n", a / b }'
	# the two runs of a round are next to each other in time, so their
	# ratio is the figure least moved by a load that changes during the run
	echo $ratios | tr ' ' '\n' | sort -n |
		awk '{ v[NR] = $1 } END { printf "median of the round ratios: %.3f\n",
			NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
fi
[ "$sum_ours" -gt 0 ] && [ "$sum_dpdk" -gt 0 ]
