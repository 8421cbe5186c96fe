#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd against Debian's dpdk-testpmd, in the same run, on the same
# lcores (-l 0-1: main lcore 0, one forwarding lcore 1), io forwarding,
# burst 32, identical arguments. Runs alternate (ours first in odd rounds,
# DPDK first in even rounds) and the medians are compared.
#
# Per scenario it prints:
#   Mpps     forwarded packets per second, both ports together: the median
#            over a run of the per-second Tx-pps sums (the first two samples
#            are warm-up), then the median over the runs
#   RSS      maximum resident set size (/usr/bin/time -v), median, MiB
#   first    time from exec to the line printed just before the forwarding
#            lcores are launched ("... packet forwarding - ports="), median, ms
#
# Scenarios: null (two net_null ports), ring (two net_ring ports looping
# their own tx into rx, primed with --tx-first), afp (net_af_packet on the
# two ends of a veth pair in a private network namespace, --tx-first; needs
# root and ip(8)), af_xdp (net_af_xdp the same way: the two ports forward
# each other's --tx-first burst through the veth's XDP hooks, so both
# testpmds get the same traffic source).
#
# Usage: bench/testpmd.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-s "null ring afp af_xdp"]
set -u

BUILD=build
ROUNDS=5
SECS=10
SCENARIOS="null ring afp"
while getopts "b:r:t:s:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	s) SCENARIOS=$OPTARG ;;
	*) sed -n '3,28p' "$0"; exit 2 ;;
	esac
done

here=$(cd "$(dirname "$0")/.." && pwd)
OURS=$here/$BUILD/app/testpmd/sluice-testpmd
[ -x "$OURS" ] || OURS=$BUILD/app/testpmd/sluice-testpmd
DPDK=$(command -v dpdk-testpmd || true)
if [ ! -x "$OURS" ]; then
	echo "bench/testpmd.sh: $OURS not found: build first (ninja -C $BUILD) or pass -b BUILDDIR" >&2
	exit 1
fi
if [ -z "$DPDK" ]; then
	echo "bench/testpmd.sh: dpdk-testpmd not found: install Debian's dpdk package (apt-get install dpdk)" >&2
	exit 1
fi
for t in /usr/bin/time stdbuf timeout; do
	if ! command -v $t >/dev/null; then
		echo "bench/testpmd.sh: $t not found: install it (apt-get install time coreutils)" >&2
		exit 1
	fi
done

tmp=$(mktemp -d)
NS=sluicebench$$
cleanup() {
	ip netns del "$NS" 2>/dev/null
	rm -rf "$tmp" "/var/run/dpdk/sluicebench$$"
}
trap cleanup EXIT

# Same EAL options for both: the default memory without hugepages (64 MiB in
# DPDK), a private file prefix; 8192 mbufs fit in it.
EAL_COMMON="-l 0-1 --no-huge --no-pci --file-prefix=sluicebench$$"
APP_COMMON="--forward-mode=io --burst=32 --nb-cores=1 --stats-period=1 --total-num-mbufs=8192"

. "$here/bench/stats.sh"

# run_one APP SCENARIO OUT: one timed run; writes OUT.log, OUT.time, OUT.first
run_one() {
	local app=$1 sc=$2 out=$3 vdevs extra="" prefix=""
	case $sc in
	null) vdevs="--vdev net_null0 --vdev net_null1" ;;
	ring) vdevs="--vdev net_ring0 --vdev net_ring1"; extra="--tx-first" ;;
	afp) vdevs="--vdev net_af_packet0,iface=sbv0 --vdev net_af_packet1,iface=sbv1"
	     extra="--tx-first"; prefix="ip netns exec $NS" ;;
	af_xdp) vdevs="--vdev net_af_xdp0,iface=sbv0 --vdev net_af_xdp1,iface=sbv1"
		extra="--tx-first"; prefix="ip netns exec $NS" ;;
	esac
	local t0=$EPOCHREALTIME
	# stdbuf: line-buffered stdout so that the start line is seen at once.
	$prefix timeout -s INT "$((SECS + 3))" /usr/bin/time -v -o "$out.time" \
		stdbuf -oL "$app" $EAL_COMMON $vdevs -- $APP_COMMON $extra </dev/null 2>&1 |
	while IFS= read -r line; do
		if [[ $line == *"packet forwarding - ports="* && ! -e $out.first ]]; then
			t1=$EPOCHREALTIME
			awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f\n", (b - a) * 1000 }' >"$out.first"
		fi
		printf '%s\n' "$line"
	done >"$out.log"
}

# Median forwarded Mpps of one run: sum Tx-pps over the ports of each sample.
run_mpps() {
	fwd_samples "$1" 2 | median
}

run_rss_mib() {
	awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$1"
}

afp_setup() {
	ip netns add "$NS" || return 1
	ip -n "$NS" link add sbv0 type veth peer name sbv1 || return 1
	for i in sbv0 sbv1; do
		ip netns exec "$NS" sysctl -qw net.ipv6.conf.$i.disable_ipv6=1
		ip -n "$NS" link set $i up
	done
}

printf '%-6s %-7s %10s %10s %10s %8s\n' scen app Mpps RSS_MiB first_ms runs
for sc in $SCENARIOS; do
	if [ "$sc" = afp ] || [ "$sc" = af_xdp ]; then
		if ! afp_setup 2>"$tmp/afp.err"; then
			echo "$sc: skipped: cannot create a veth pair in a network namespace" \
			     "(run as root with ip(8)): $(head -1 "$tmp/afp.err")"
			continue
		fi
	fi
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
		for who in $order; do
			if [ $who = ours ]; then app=$OURS; else app=$DPDK; fi
			run_one "$app" "$sc" "$tmp/$sc.$who.$r"
			run_mpps "$tmp/$sc.$who.$r.log" >"$tmp/$sc.$who.$r.mpps"
		done
	done
	for who in ours dpdk; do
		mpps=$(cat "$tmp/$sc.$who".*.mpps | grep -v nan | median)
		rss=$(for f in "$tmp/$sc.$who".*.time; do run_rss_mib "$f"; done | median)
		first=$(cat "$tmp/$sc.$who".*.first 2>/dev/null | median)
		runs=$(cat "$tmp/$sc.$who".*.mpps | tr '\n' ' ')
		printf '%-6s %-7s %10s %10s %10s   %s\n' "$sc" "$who" "$mpps" "$rss" "$first" "$runs"
		eval "mpps_$who=$mpps"
	done
	# shellcheck disable=SC2154
	awk -v o="$mpps_ours" -v d="$mpps_dpdk" -v s="$sc" 'BEGIN {
		if (d > 0) printf "%-6s ratio ours/dpdk (median Mpps): %.2f\n", s, o / d
		else printf "%-6s ratio: dpdk-testpmd forwarded nothing\n", s }'
	if [ "$sc" = afp ] || [ "$sc" = af_xdp ]; then
		ip netns del "$NS" 2>/dev/null
	fi
done
