#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# DPDK 22.11's examples/l3fwd, the same source built once against Debian's
# libdpdk and once against libsluice (bench/same_source.sh: same -O3 and
# -march), forwarding between the same two net_tap ports on this host, in
# --lookup=lpm and --lookup=em. Runs alternate (Sluice first in odd rounds,
# DPDK first in even rounds); the medians are compared.
#
# Per run: l3fwd on lcore 1 alone (-l 1: DPDK's net_tap wants as many Tx
# queues as Rx queues, and l3fwd makes one Tx queue an lcore) between taps
# tp0 (port 0) and tp1 (port 1) in a private network namespace; a traffic
# source, dpdk-testpmd in txonly mode on a net_af_packet port on the kernel
# side of tp0 (on CPU 0, the same for both sides), sends 64-byte UDP
# datagrams 198.18.1.1:9 -> 198.18.1.0:9, which both tables route to port
# 1. The figure is what comes out of tp1 (the kernel's rx_packets of tp1)
# over SECONDS after a 2 s warm-up, in Mpps.
#
# Usage: bench/l3fwd.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-m "lpm em"]
# Prints "MODE sluice|dpdk MPPS" for each run, then "l3fwd MODE SLUICE DPDK
# RATIO" with the medians. Needs root, ip(8), dpdk-testpmd, libdpdk and
# DPDK's examples (dpdk-doc).
set -u

BUILD=build
ROUNDS=5
SECS=10
MODES="lpm em"
while getopts "b:r:t:m:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	m) MODES=$OPTARG ;;
	*) sed -n '3,23p' "$0"; exit 2 ;;
	esac
done
cd "$(dirname "$0")/.." || exit 1
EX=${DPDK_EXAMPLES:-/usr/share/dpdk/examples}
GEN=$(command -v dpdk-testpmd || true)
die() { echo "bench/l3fwd.sh: $*" >&2; exit 1; }
[ "$(id -u)" = 0 ] || die "needs root for a network namespace and tap devices"
[ -d "$EX/l3fwd" ] || die "no $EX/l3fwd: apt-get install dpdk-doc (or set DPDK_EXAMPLES)"
[ -n "$GEN" ] || die "dpdk-testpmd not found (the traffic source): apt-get install dpdk"

tmp=$(mktemp -d)
NS=sluicel3fwd$$
APP_PID=
GEN_PID=
cleanup() {
	[ -n "$GEN_PID" ] && proc_stop "$GEN_PID"
	[ -n "$APP_PID" ] && proc_stop "$APP_PID"
	ip netns del "$NS" 2>/dev/null
	rm -rf "$tmp" "/var/run/dpdk/$NS" "/var/run/dpdk/${NS}gen"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

. bench/same_source.sh
. bench/pmd_pair.sh
. bench/l3fwd_lib.sh
same_source_l3fwd "$EX" || die "l3fwd does not build: $(grep -m3 -E 'error|undefined' "$tmp/cc.log")"
echo "l3fwd built with $cflags against both" >&2

ip netns add "$NS" || die "cannot create a network namespace"
ip netns exec "$NS" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
rx1() { ip netns exec "$NS" cat /sys/class/net/tp1/statistics/rx_packets; }

# run_one SIDE MODE: one run; appends its Mpps to $tmp/MODE.SIDE
run_one() {
	local side=$1 mode=$2 a b v
	# EM's hash tables (4M entries each) need the 1 GiB
	ip netns exec "$NS" "$tmp/$side" -l 1 --no-huge -m 1024 --no-pci --file-prefix "$NS" \
		--vdev net_tap0,iface=tp0,mac=02:00:00:00:0f:00 \
		--vdev net_tap1,iface=tp1,mac=02:00:00:00:0f:01 -- -p 0x3 \
		--config="(0,0,1),(1,0,1)" --eth-dest=1,02:00:00:00:0d:01 --lookup="$mode" \
		>"$tmp/app.log" 2>&1 &
	APP_PID=$!
	# DPDK's EM start-up (two 4M-entry tables) can take over 10 s here
	for _ in $(seq 300); do
		grep -q "entering main loop" "$tmp/app.log" && break
		kill -0 "$APP_PID" 2>/dev/null || die "$side l3fwd exited: $(tail -3 "$tmp/app.log")"
		sleep 0.1
	done
	if ! grep -q "entering main loop" "$tmp/app.log"; then
		# a run that did not start is left out, not counted as 0
		echo "$mode $side left out: l3fwd not forwarding after 30 s: $(tail -2 "$tmp/app.log")" >&2
		proc_stop "$APP_PID"
		APP_PID=
		return
	fi
	for i in tp0 tp1; do ip -n "$NS" link set "$i" up; done
	ip netns exec "$NS" "$GEN" --lcores 0@0,1@0 --no-huge -m 256 --no-pci \
		--file-prefix "${NS}gen" --vdev net_af_packet0,iface=tp0 -- --forward-mode=txonly \
		--tx-ip=198.18.1.1,198.18.1.0 --nb-cores=1 --total-num-mbufs=8192 --stats-period=60 </dev/null \
		>"$tmp/gen.log" 2>&1 &
	GEN_PID=$!
	sleep 2
	a=$(rx1)
	sleep "$SECS"
	b=$(rx1)
	proc_stop "$GEN_PID"
	GEN_PID=
	proc_stop "$APP_PID"
	APP_PID=
	v=$(awk -v a="$a" -v b="$b" -v t="$SECS" 'BEGIN { printf "%.4f\n", (b - a) / t / 1e6 }')
	echo "$mode $side $v"
	echo "$v" >>"$tmp/$mode.$side"
}

l3fwd_rounds
# a mode without runs on a side shows nan; the other mode still counts
l3fwd_report "$tmp" l3fwd || true
