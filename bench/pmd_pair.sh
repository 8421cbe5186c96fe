# SPDX-License-Identifier: BSD-3-Clause
#
# Sourced by the benchmarks that compare sluice-testpmd with dpdk-testpmd
# (testpmd.sh, memif.sh, virtio_user.sh, capture.sh, vm.sh; the l3fwd ones for
# median and wait_for): where the two testpmds are,
# medians, the forwarded Mpps of a run's log (Tx-pps summed over the ports
# of each sample), whether a run's processes crashed, and waiting for a
# line in a tool's log.

# pair_apps NAME BUILD: OURS (sluice-testpmd of BUILD) and DPDK (Debian's
# dpdk-testpmd), or a line naming the fix and exit 1.
pair_apps() {
	local name=$1 build=$2 here
	here=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
	OURS=$here/$build/app/testpmd/sluice-testpmd
	[ -x "$OURS" ] || OURS=$build/app/testpmd/sluice-testpmd
	DPDK=$(command -v dpdk-testpmd || true)
	if [ ! -x "$OURS" ]; then
		echo "bench/$name: $OURS not found: build first (ninja -C $build) or pass -b BUILDDIR" >&2
		exit 1
	fi
	if [ -z "$DPDK" ]; then
		echo "bench/$name: dpdk-testpmd not found: install Debian's dpdk package (apt-get install dpdk)" >&2
		exit 1
	fi
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# fwd_samples LOG SKIP: testpmd's per-second Tx-pps summed over the ports
# (--stats-period=1), in Mpps, one a line, after the first SKIP samples
fwd_samples() {
	awk -v skip="$2" '/^Port statistics/ { if (n++ >= skip && have) print sum / 1e6; sum = 0; have = 0 }
	     /Tx-pps:/ { sum += $2; have = 1 }' "$1"
}

# The median over a run of the per-second Tx-pps in log $1, in Mpps (the
# first two samples are warm-up).
run_mpps() {
	fwd_samples "$1" 2 | median
}

# pair_crashed NAME APP WHAT ROLE RC [ROLE RC]: 1 when a process died of a
# signal (124 and 130 are timeout's SIGINT), with a line on stderr; else 0.
pair_crashed() {
	local name=$1 app=$2 what=$3 crashed=0
	shift 3
	while [ $# -ge 2 ]; do
		if [ "$2" -gt 130 ]; then
			echo "bench/$name: $(basename "$app") $1 ($what) died with signal" \
			     "$(($2 - 128)); the run is left out" >&2
			crashed=1
		fi
		shift 2
	done
	return $crashed
}

# wait_for LOG PATTERN SECS PID: until LOG holds PATTERN (fixed string);
# fails when PID ended or SECS passed first
wait_for() {
	local i
	for i in $(seq 1 $(($3 * 5))); do
		grep -qF -- "$2" "$1" && return 0
		kill -0 "$4" 2>/dev/null || return 1
		sleep 0.2
	done
	return 1
}
