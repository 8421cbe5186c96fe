#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd against Debian's dpdk-testpmd on two emulated e1000e
# (82574L) ports of one QEMU hub, bound to vfio-pci in one guest boot
# (app/test/vm/vmrun.sh). Each tool runs interactively with the same
# arguments (-l 0-1 -a P0 -a P1 -- -i --forward-mode=io), "start tx_first",
# forwards for SECONDS, "stop", "quit"; rounds alternate which tool goes
# first. Printed per run and as the sum over the rounds (a round where one
# tool stalled, under a tenth of the other, is left out and said so):
#   packets  forwarded packets, both ports (the Accumulated TX-packets line)
#   pps      packets / SECONDS
# and the ratio sluice / DPDK. Figures depend on the machine (TCG): compare
# them only within one run.
#
# Usage: bench/vm.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-m e1000e|e1000]
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
	*) sed -n '3,17p' "$0"; exit 2 ;;
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
		--timeout $(( ROUNDS * 2 * (SECS + 80) + 60 )) \
		--nic "$MODEL@03.0" --nic "$MODEL@04.0" -- \
		/usr/bin/env GUEST=1 bash "$here/bench/vm.sh" -b "$BUILD" -r "$ROUNDS" -t "$SECS" -m "$MODEL"
fi

# --- guest side -------------------------------------------------------------

p0=0000:00:03.0 p1=0000:00:04.0
"$BUILD/app/devbind/sluice-devbind" -b vfio-pci $p0 $p1 >/dev/null ||
	{ echo "bench/vm.sh: cannot bind $p0 $p1 to vfio-pci" >&2; exit 1; }
ours=$BUILD/app/testpmd/sluice-testpmd
dpdk=$(command -v dpdk-testpmd)

# one_run TOOL [SECS]: forwarded packets (Accumulated TX-packets), or 0
one_run() {
	local log secs=${2:-$SECS}
	log=$(mktemp)
	{ sleep 2; echo "start tx_first"; sleep "$secs"; echo "stop"; sleep 1; echo "quit"; } |
		timeout $((secs + 40)) "$1" -l 0-1 -a $p0 -a $p1 -- -i --forward-mode=io >"$log" 2>&1
	awk '/Accumulated forward statistics/ { acc = 1 }
		acc && /TX-packets:/ { print $2; found = 1; exit }
		END { if (!found) print 0 }' "$log"
	grep -q "Accumulated forward statistics" "$log" || sed 's/^/    | /' "$log" >&2
	rm -f "$log"
}

sum_ours=0 sum_dpdk=0 used=0
printf '%-6s %-14s %12s %10s\n' round tool packets pps
for r in $(seq 1 "$ROUNDS"); do
	if [ $((r % 2)) = 1 ]; then order="sluice dpdk"; else order="dpdk sluice"; fi
	r_ours=0 r_dpdk=0
	for t in $order; do
		# Warm-up, not counted: on QEMU 7.2's e1000e, Debian's net_e1000_em
		# often forwards nothing in its first run after another driver had
		# the device; each tool gets the same short run before it is measured.
		one_run "$([ $t = sluice ] && echo "$ours" || echo "$dpdk")" 3 >/dev/null 2>&1
		if [ $t = sluice ]; then n=$(one_run "$ours"); r_ours=$n
		else n=$(one_run "$dpdk"); r_dpdk=$n; fi
		printf '%-6s %-14s %12d %10d\n' "$r" "$([ $t = sluice ] && echo sluice-testpmd || echo dpdk-testpmd)" "$n" $((n / SECS))
	done
	# a run that stalled (under a tenth of the other tool's) says nothing about speed
	if [ $((r_ours * 10)) -lt "$r_dpdk" ] || [ $((r_dpdk * 10)) -lt "$r_ours" ]; then
		echo "round $r left out: one tool stalled"
		continue
	fi
	sum_ours=$((sum_ours + r_ours)) sum_dpdk=$((sum_dpdk + r_dpdk)) used=$((used + 1))
done
[ "$used" -gt 0 ] || { echo "bench/vm.sh: every round had a stalled run" >&2; exit 1; }
echo
printf '%-20s %12s %10s\n' "total ($used x ${SECS}s)" packets pps
printf '%-20s %12d %10d\n' sluice-testpmd "$sum_ours" $((sum_ours / (used * SECS)))
printf '%-20s %12d %10d\n' dpdk-testpmd "$sum_dpdk" $((sum_dpdk / (used * SECS)))
if [ "$sum_dpdk" -gt 0 ]; then
	awk -v a="$sum_ours" -v b="$sum_dpdk" 'BEGIN { printf "ratio sluice/DPDK: %.3f\n", a / b }'
fi
[ "$sum_ours" -gt 0 ] && [ "$sum_dpdk" -gt 0 ]
