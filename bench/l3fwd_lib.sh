# SPDX-License-Identifier: BSD-3-Clause
#
# Sourced by the l3fwd comparisons (l3fwd.sh on net_tap, l3fwd_vm.sh in a
# guest): the alternating rounds, the medians and the summary line.
# Needs median (bench/pmd_pair.sh).

# proc_stop PID: SIGINT, then SIGKILL after 10 s
proc_stop() {
	kill -INT "$1" 2>/dev/null
	for _ in $(seq 100); do kill -0 "$1" 2>/dev/null || break; sleep 0.1; done
	kill -KILL "$1" 2>/dev/null
	wait "$1" 2>/dev/null
}

# l3fwd_rounds: ROUNDS rounds over MODES, Sluice first in odd rounds and
# DPDK first in even ones, each run by the caller's run_one SIDE MODE,
# which appends its Mpps to the file MODE.SIDE of the results folder
l3fwd_rounds() {
	local r mode side order
	for r in $(seq 1 "$ROUNDS"); do
		order="sluice dpdk"
		[ $((r % 2)) = 0 ] && order="dpdk sluice"
		for mode in $MODES; do
			for side in $order; do
				run_one "$side" "$mode"
			done
		done
	done
}

# l3fwd_report DIR TAG: "TAG MODE SLUICE DPDK RATIO" for each of MODES, the
# medians of DIR/MODE.sluice and DIR/MODE.dpdk; fails when a side of a
# mode has no run
l3fwd_report() {
	local dir=$1 tag=$2 mode s d rc=0
	for mode in $MODES; do
		s=$(cat "$dir/$mode.sluice" 2>/dev/null | median)
		d=$(cat "$dir/$mode.dpdk" 2>/dev/null | median)
		[ "$s" != nan ] && [ "$d" != nan ] || rc=1
		awk -v t="$tag" -v m="$mode" -v s="$s" -v d="$d" 'BEGIN {
			printf "%s %s %s %s %s\n", t, m, s, d, (d > 0 ? sprintf("%.2f", s / d) : "n/a") }'
	done
	return $rc
}
