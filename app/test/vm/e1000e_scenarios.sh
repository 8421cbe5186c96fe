#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_e1000_em in a QEMU guest (see vmrun.sh): two NICs of one model on one
# hub are bound to vfio-pci; a third stays on the guest kernel's driver.
# One boot per scenario runs:
#   1. the pmd_e1000e suite of sluice-test: frames both ways byte for byte,
#      counters, filters, Tx checksum offload, Rx checksum flags (good and
#      bad), jumbo chains, Rx interrupts
#      (82574L), the link-status interrupt while the host toggles the link
#      of port 0 through the QEMU monitor, close;
#   2. sluice-testpmd io forwarding with tx_first for 10 s: both ports
#      forward, their counters agree within the rings, no errors;
#   3. the kernel-driven peer pings examples/icmpecho on port 0 and sends
#      UDP that must come back byte for byte (when icmpecho is built);
#   4. DPDK's own examples/skeleton/basicfwd.c (Debian's dpdk-doc), built
#      unchanged against libsluice, forwards between the two ports: one
#      broadcast from the peer circulates through it, and the peer sees it
#      come back thousands of times.
#
# Usage: e1000e_scenarios.sh e1000e-aw39|e1000-aw48
# Environment: VM_DIR (cache folder), SLUICE_TEST, SLUICE_TESTPMD,
# SLUICE_DEVBIND, SLUICE_ICMPECHO (optional) — the binaries; SLUICE_BUILD_ROOT
# (optional) — the build folder whose libsluice builds basicfwd.c.

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: e1000e_scenarios.sh e1000e-aw39|e1000-aw48}
sluice_test=${SLUICE_TEST:?SLUICE_TEST names the sluice-test binary}
testpmd=${SLUICE_TESTPMD:?SLUICE_TESTPMD names the sluice-testpmd binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}
icmpecho=${SLUICE_ICMPECHO:-}

case "$scenario" in
e1000e-aw39) model=e1000e aw=39 ;;
e1000-aw48) model=e1000 aw=48 ;;
*) echo "e1000e_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

# --- host side: boot, and answer the guest's link requests ----------------

if [ "${2:-}" != --guest ]; then
	for b in "$sluice_test" "$testpmd" "$devbind"; do
		[ -x "$b" ] || { echo "e1000e_scenarios: $b is not built" >&2; exit 1; }
	done
	[ -n "$icmpecho" ] && [ ! -x "$icmpecho" ] && icmpecho=
	vm_dir=${VM_DIR:?VM_DIR names the cache folder}
	basicfwd=
	src=/usr/share/dpdk/examples/skeleton/basicfwd.c
	pc=${SLUICE_BUILD_ROOT:-}/meson-uninstalled
	if [ -f "$src" ] && [ -f "$pc/libsluice-uninstalled.pc" ] && command -v cc >/dev/null &&
	   cc -O2 -o "$vm_dir/basicfwd" "$src" $(PKG_CONFIG_PATH=$pc pkg-config --cflags --libs \
		libsluice) -Wl,-rpath,"$(readlink -f "$SLUICE_BUILD_ROOT")"; then
		basicfwd=$(readlink -f "$vm_dir/basicfwd")
	fi
	share=$vm_dir/$scenario.share
	mon=$vm_dir/$scenario.mon
	rm -rf "$share" "$mon"
	"$here/vmrun.sh" --dir "$vm_dir" --timeout 280 --iommu "$aw" \
		--nic "$model@03.0" --nic "$model@04.0" --nic "$model@05.0" \
		--share "$share" --monitor "$mon" -- \
		/usr/bin/env SLUICE_TEST="$(readlink -f "$sluice_test")" \
		SLUICE_TESTPMD="$(readlink -f "$testpmd")" \
		SLUICE_DEVBIND="$(readlink -f "$devbind")" \
		SLUICE_ICMPECHO="${icmpecho:+$(readlink -f "$icmpecho")}" SLUICE_BASICFWD="$basicfwd" \
		bash "$here/e1000e_scenarios.sh" "$scenario" --guest &
	vm=$!
	wait_file() {	# wait_file PATH [SECS]: until it exists, the guest is gone or SECS pass
		local n=$(( ${2:-100000} * 5 ))
		while [ ! -e "$1" ]; do
			kill -0 "$vm" 2>/dev/null || return 1
			n=$((n - 1))
			[ "$n" -gt 0 ] || return 1
			sleep 0.2
		done
	}
	# the link goes back on even when the guest missed the "off"
	if wait_file "$share/lsc-ready"; then
		"$here/vmmon.sh" "$mon" set_link net0 off
		wait_file "$share/lsc-down" 20
		"$here/vmmon.sh" "$mon" set_link net0 on
	fi
	wait "$vm"
	rc=$?
	rm -rf "$share" "$mon"
	exit $rc
fi

# --- guest side -------------------------------------------------------------

. "$here/../../common/tools_test_lib.sh"
p0=0000:00:03.0 p1=0000:00:04.0 peer=0000:00:05.0

run "$devbind" -b vfio-pci $p0 $p1
expect_rc 0

# 1. the suite: traffic, counters, filters, jumbo, Rx interrupts, LSC, close
run env SLUICE_E1000E_SHARE=/run/vmshare "$sluice_test" pmd_e1000e -l 0-1 -a $p0 -a $p1
expect_rc 0
expect_match "probed by net_e1000_em"
expect_line "  LSC callback on port 0 (eal-intr thread): link down"
expect_line "  LSC callback on port 0 (eal-intr thread): link up"
if [ "$model" = e1000e ]; then
	expect_match "suite pmd_e1000e: 9 passed, 0 failed, 0 skipped"
	# the 82574L model checks Rx checksums (RXCSUM); the 82540EM model does not
	expect_line "  40 frames with correct checksums, 40 flagged good by the receiver"
	expect_line "  30 frames: 10 intact flagged good, 10 with a bad IPv4 checksum flagged IP bad, 10 with a bad TCP/UDP checksum flagged L4 bad"
else
	expect_match "suite pmd_e1000e: 7 passed, 0 failed, 2 skipped"
fi

# 2. io forwarding between the two ports for 10 s
run timeout 60 "$testpmd" -l 0-1 -a $p0 -a $p1 -- --forward-mode=io --tx-first \
	--stats-period=5 --run-time=10
expect_rc 0
fwd=$(printf '%s\n' "$out" | awk '/Forward statistics for port/ { p = $6 }
	/RX-packets:/ && p != "" { rx[p] = $2 } /TX-packets:/ && p != "" { tx[p] = $2; p = "" }
	END { print rx[0]+0, tx[0]+0, rx[1]+0, tx[1]+0 }')
read -r rx0 tx0 rx1 tx1 <<<"$fwd"
echo "forwarded: port 0 rx $rx0 tx $tx0, port 1 rx $rx1 tx $tx1"
[ "$rx0" -gt 10000 ] && [ "$rx1" -gt 10000 ] && pass "both ports forward (rx $rx0, $rx1)" ||
	fail "too little forwarded: rx $rx0, $rx1"
# io mode: what port 0 receives port 1 sends; the gap is what the rings hold
d=$(( rx0 > tx1 ? rx0 - tx1 : tx1 - rx0 ))
d2=$(( rx1 > tx0 ? rx1 - tx0 : tx0 - rx1 ))
[ "$d" -le 1024 ] && [ "$d2" -le 1024 ] && pass "rx and tx agree within the rings ($d, $d2)" ||
	fail "rx/tx differ by $d, $d2"
expect_no_match "RX-errors: *[1-9]|TX-dropped: *[1-9]"
# the smallest rings (32 descriptors) still refill and clean up
run timeout 60 "$testpmd" -l 0-1 -a $p0 -a $p1 -- --forward-mode=io --tx-first \
	--rxd=32 --txd=32 --run-time=3
expect_rc 0
small=$(printf '%s\n' "$out" | awk '/Accumulated forward statistics/ { a = 1 }
	a && /RX-packets:/ { print $2; exit }')
[ "${small:-0}" -gt 1000 ] && pass "32-descriptor rings forward ($small packets)" ||
	fail "32-descriptor rings forwarded ${small:-0} packets"

# 3. the Linux stack on the third NIC talks to icmpecho on port 0
if [ -n "$icmpecho" ]; then
	ifc=$(ls /sys/bus/pci/devices/$peer/net 2>/dev/null | head -n 1)
	ip addr add 192.0.2.1/24 dev "$ifc" && ip link set "$ifc" up
	"$icmpecho" -l 0-1 -a $p0 -- --ip 192.0.2.2 >/tmp/icmpecho.log 2>&1 &
	echo_pid=$!
	sleep 3
	run busybox ping -c 20 -i 0.2 -W 2 192.0.2.2
	expect_match " 0% packet loss"
	payload="sluice-udp-echo-$(date +%s)-0123456789abcdefghijklmnopqrstuvwxyz"
	run /usr/bin/python3 -c "
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2)
ok = 0
for i in range(10):
    msg = ('%s-%d' % (sys.argv[1], i)).encode()
    s.sendto(msg, ('192.0.2.2', 7))
    try:
        data, _ = s.recvfrom(2048)
    except socket.timeout:
        continue
    ok += data == msg
print('udp echoed intact: %d/10' % ok)" "$payload"
	expect_line "udp echoed intact: 10/10"
	kill -INT $echo_pid
	wait $echo_pid
	cat /tmp/icmpecho.log
else
	echo "SKIP: examples/icmpecho not built"
fi

# 4. DPDK's basicfwd.c on libsluice: the peer's one ARP broadcast reaches both
# ports and goes round port 1 -> hub -> port 0 -> basicfwd -> port 1 ...
if [ -n "${SLUICE_BASICFWD:-}" ]; then
	ifc=$(ls /sys/bus/pci/devices/$peer/net 2>/dev/null | head -n 1)
	ip link set "$ifc" up
	"$SLUICE_BASICFWD" -l 0-1 -a $p0 -a $p1 >/tmp/basicfwd.log 2>&1 &
	fwd_pid=$!
	sleep 4
	before=$(cat /sys/class/net/$ifc/statistics/rx_packets)
	busybox arping -c 1 -w 1 -I "$ifc" 192.0.2.99 >/dev/null 2>&1
	sleep 3
	after=$(cat /sys/class/net/$ifc/statistics/rx_packets)
	# basicfwd.c has no way to stop but a signal, and no flush on one
	kill -0 $fwd_pid 2>/dev/null && pass "basicfwd initialized and kept running" ||
		{ fail "basicfwd exited early"; cat /tmp/basicfwd.log; }
	kill -9 $fwd_pid
	wait $fwd_pid 2>/dev/null
	n=$((after - before))
	[ "$n" -gt 1000 ] && pass "basicfwd forwards: the peer saw its broadcast $n times" ||
		fail "basicfwd: the peer saw $n frames"
else
	echo "SKIP: basicfwd.c not built (needs dpdk-doc, cc and SLUICE_BUILD_ROOT)"
fi

finish
