#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# DPDK 22.11's examples/l3fwd in a QEMU guest (app/test/vm/vmrun.sh, one
# boot), the same source built on this host once against Debian's libdpdk
# and once against libsluice (bench/same_source.sh: the same -O3 and the
# -march libdpdk asks for, corei7, which the guest's CPU model has; never
# -march=native, which dies with SIGILL there), forwarding between two
# e1000e (82574L) ports on QEMU's hub, bound to vfio-pci, in --lookup=lpm
# and --lookup=em. Runs alternate (Sluice first in odd rounds, DPDK first
# in even rounds); the medians are compared.
#
# The hub: 00:03.0 is l3fwd's port 0, 00:04.0 its port 1, 00:05.0 the
# traffic source, all e1000e. l3fwd runs alone on CPU 1 (-l 1, no -P: a
# port takes only frames to its own MAC) with --eth-dest=1,<port 0's MAC>,
# so what it sends out of port 1 comes back into port 0 over the hub, and
# 198.18.1.0, which both of its tables route to port 1, goes round and
# round (l3fwd decrements the TTL but drops nothing for it). The source,
# Debian's dpdk-testpmd on 00:05.0, puts 512 64-byte UDP datagrams
# 198.18.1.1:9 -> 198.18.1.0:9 to port 0's MAC into that loop (--tx-first
# --burst=512, fewer than l3fwd's 1024 Rx descriptors, so none is dropped)
# and exits; from then on l3fwd's Rx queue always holds frames and its own
# speed sets the rate. A source that keeps sending does not work here: QEMU
# emulates the NICs of the hub under one lock, and with a txonly source on
# the other vCPU l3fwd forwarded 17-20 % of what the source sent, on either
# library, so both figures followed the source's rate (0.3 to 0.8 Mpps as
# the host's load changed), not l3fwd's speed. Neither PMD reports IPv4
# packet types on this device (its legacy descriptors carry none), so both
# l3fwd builds parse them in software (--parse-ptype).
#
# On a hub every NIC sees every frame, so the figure is not taken from a
# receiver but from l3fwd's port 1 itself: the device's TPT register
# (total packets transmitted, clear on read; 82574 datasheet, statistics
# registers), read through the QEMU monitor at the start and the end of
# SECONDS of forwarding after a 2 s warm-up, the time taken on the host at
# each read; neither l3fwd nor either PMD reads it while l3fwd runs. The
# source's TPT is read at the same moments and must not move (it has
# exited).
#
# Usage: bench/l3fwd_vm.sh [-b BUILDDIR] [-r ROUNDS] [-t SECONDS] [-m "lpm em"]
# Prints "MODE sluice|dpdk MPPS" for each run, then
# "l3fwd-vm MODE SLUICE DPDK RATIO" with the medians. Needs what vmrun.sh
# needs, dpdk-testpmd, libdpdk and DPDK's examples (dpdk-doc).
set -u

BUILD=build
ROUNDS=3
SECS=10
MODES="lpm em"
while getopts "b:r:t:m:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	m) MODES=$OPTARG ;;
	*) sed -n '3,43p' "$0"; exit 2 ;;
	esac
done
here=$(cd "$(dirname "$0")/.." && pwd)
die() { echo "bench/l3fwd_vm.sh: $*" >&2; exit 1; }
. "$here/bench/pmd_pair.sh"
. "$here/bench/l3fwd_lib.sh"

# --- host side: build, boot, and read the counters the guest asks for -------

if [ "${GUEST:-}" != 1 ]; then
	cd "$here" || exit 1
	EX=${DPDK_EXAMPLES:-/usr/share/dpdk/examples}
	[ -d "$EX/l3fwd" ] || die "no $EX/l3fwd: apt-get install dpdk-doc (or set DPDK_EXAMPLES)"
	command -v dpdk-testpmd >/dev/null || die "dpdk-testpmd not found (the traffic source): apt-get install dpdk"
	[ -x "$BUILD/app/devbind/sluice-devbind" ] || die "$BUILD/app/devbind/sluice-devbind not built (ninja -C $BUILD)"
	tmp=$(mktemp -d)
	vm=
	trap '[ -n "$vm" ] && kill "$vm" 2>/dev/null; rm -rf "$tmp"' EXIT
	trap 'exit 130' INT TERM
	. bench/same_source.sh
	# in the build tree: the guest sees the host's / but not its /tmp
	KEEP=$here/$BUILD/vm/l3fwd same_source_l3fwd "$EX" ||
		die "l3fwd does not build: $(grep -m3 -E 'error|undefined' "$tmp/cc.log")"
	echo "l3fwd built with $cflags against both" >&2
	abs=$(cd "$BUILD" && pwd)
	share=$abs/vm/l3fwd.share
	mon=$abs/vm/l3fwd.mon
	rm -rf "$share" "$mon"
	nmodes=$(echo $MODES | wc -w)
	# 640 hugepages: DPDK's EM tables (two of 4M entries) take about 600 MiB
	"$here/app/test/vm/vmrun.sh" --dir "$abs/vm" --iommu 39 --hugepages 640 \
		--timeout $((120 + ROUNDS * nmodes * 2 * (SECS + 150))) \
		--nic e1000e@03.0 --nic e1000e@04.0 --nic e1000e@05.0 \
		--share "$share" --monitor "$mon" -- \
		/usr/bin/env GUEST=1 bash "$here/bench/l3fwd_vm.sh" -b "$abs" -r "$ROUNDS" \
		-t "$SECS" -m "$MODES" &
	vm=$!
	# A request "$share/req.N" holds the guest-physical addresses of the
	# registers to read; the answer "$share/ans.N" is "HOST_SECONDS VALUE...".
	while kill -0 "$vm" 2>/dev/null; do
		for req in "$share"/req.*; do
			[ -f "$req" ] || continue
			ans=$share/ans.${req##*.}
			[ -e "$ans" ] && continue
			cmds=$(for a in $(cat "$req"); do echo "xp /1wx $a"; done)
			t=$(date +%s.%N)
			vals=
			for h in $("$here/app/test/vm/vmmon.sh" "$mon" "$cmds" | awk '/: 0x/ { print $NF }'); do
				vals="$vals $((h))"
			done
			echo "$t$vals" >"$ans.tmp" && mv "$ans.tmp" "$ans"
		done
		sleep 0.1
	done
	wait "$vm"
	rc=$?
	vm=
	rm -rf "$share" "$mon"
	exit $rc
fi

# --- guest side -------------------------------------------------------------

p0=0000:00:03.0 p1=0000:00:04.0 gen=0000:00:05.0
L3=$BUILD/vm/l3fwd
share=/run/vmshare
mac_of() { cat /sys/bus/pci/devices/"$1"/net/*/address; }
mac0=$(mac_of $p0) || die "no MAC for $p0"
"$BUILD/app/devbind/sluice-devbind" -b vfio-pci $p0 $p1 $gen >/dev/null ||
	die "cannot bind $p0 $p1 $gen to vfio-pci"
# BAR 0 (the registers) of a device, from the first line of its resource file
bar0() { awk 'NR == 1 { print $1 }' /sys/bus/pci/devices/"$1"/resource; }
TPT=0x40d4
tpt_l3=$(printf '0x%x' $(($(bar0 $p1) + TPT)))
tpt_gen=$(printf '0x%x' $(($(bar0 $gen) + TPT)))

APP_PID=
trap '[ -n "$APP_PID" ] && proc_stop "$APP_PID"' EXIT

# sample: SAMPLE="HOST_SECONDS L3FWD_TPT SOURCE_TPT", the registers as the
# host read them (not in a subshell: nreq numbers the requests)
nreq=0
sample() {
	local i
	nreq=$((nreq + 1))
	echo "$tpt_l3 $tpt_gen" >"$share/tmp.$nreq" && mv "$share/tmp.$nreq" "$share/req.$nreq"
	for i in $(seq 150); do
		if [ -f "$share/ans.$nreq" ]; then
			SAMPLE=$(cat "$share/ans.$nreq")
			return 0
		fi
		sleep 0.2
	done
	die "the host did not read the counters in 30 s"
}

# seed: the source puts 512 frames for port 1's route into port 0 and exits
seed() {
	local pid
	# stdbuf: the line waited for is on stdout, which nothing flushes in rxonly mode
	stdbuf -oL dpdk-testpmd --lcores 0@0,1@0 --in-memory -a $gen -- --forward-mode=rxonly \
		--tx-first --burst=512 --txd=1024 --tx-ip=198.18.1.1,198.18.1.0 \
		--eth-peer=0,"$mac0" --nb-cores=1 --total-num-mbufs=4096 --stats-period=3600 \
		</dev/null >/tmp/gen.log 2>&1 &
	pid=$!
	if ! wait_for /tmp/gen.log "start packet forwarding" 300 $pid; then
		proc_stop $pid
		cat /tmp/gen.log >&2
		return 1
	fi
	sleep 1
	proc_stop $pid
}

# run_one SIDE MODE: one run; appends its Mpps to /tmp/MODE.SIDE
run_one() {
	local side=$1 mode=$2 a b v t0 t1 fwd src
	"$L3/$side" -l 1 --in-memory -a $p0 -a $p1 -- -p 0x3 --config="(0,0,1),(1,0,1)" \
		--eth-dest=1,"$mac0" --lookup="$mode" --parse-ptype >/tmp/app.log 2>&1 &
	APP_PID=$!
	if ! wait_for /tmp/app.log "entering main loop" 300 $APP_PID; then
		# a run that did not start is left out, not counted as 0
		echo "$mode $side left out: l3fwd not forwarding: $(tail -2 /tmp/app.log)" >&2
		proc_stop "$APP_PID"
		APP_PID=
		return
	fi
	seed || die "the traffic source did not start"
	sleep 2
	sample
	a=$SAMPLE
	sleep "$SECS"
	sample
	b=$SAMPLE
	proc_stop "$APP_PID"
	APP_PID=
	# TPT was cleared by the first read: the second is the count over the window
	read -r t0 _ _ t1 fwd src <<<"$a $b"
	[ "$src" = 0 ] || die "the source sent $src frames during the window"
	v=$(awk -v t0="$t0" -v t1="$t1" -v n="$fwd" 'BEGIN { printf "%.4f\n", n / (t1 - t0) / 1e6 }')
	echo "$mode $side $v"
	echo "$v" >>"/tmp/$mode.$side"
}

l3fwd_rounds
l3fwd_report /tmp l3fwd-vm
