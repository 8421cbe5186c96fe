#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_virtio in a QEMU guest (see vmrun.sh), one boot per IOMMU address
# width. Four virtio-net devices share one hub: 03.0 and 04.0 (with
# iommu_platform=on) are bound to vfio-pci for net_virtio, 05.0 stays on the
# guest kernel's virtio_net as an independent peer, 06.0 has no
# iommu_platform=on and is bound to vfio-pci only to be refused. The boot runs:
#   1. the refusal of 06.0: one error line that names iommu_platform=on;
#   2. the pmd_virtio suite of sluice-test: frames byte for byte and their
#      counters, promiscuous/all-multicast through the control queue, Rx
#      interrupts, queue-pair limits, the link-status interrupt while the
#      host toggles the link of 03.0 (net0) from the QEMU monitor, close;
#   3. sluice-testpmd io forwarding with tx_first for 10 s: each port sends
#      exactly what the other received plus its tx_first burst, and the NIC
#      counters of the two sides of the wire agree;
#   4. the Linux stack on 05.0 pings examples/icmpecho on 03.0 and sends UDP
#      that must come back byte for byte (when icmpecho is built).
#
# Usage: virtio_scenarios.sh virtio-aw39|virtio-aw48
# Environment: VM_DIR (cache folder), SLUICE_TEST, SLUICE_TESTPMD,
# SLUICE_DEVBIND, SLUICE_ICMPECHO (optional) — the binaries.

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: virtio_scenarios.sh virtio-aw39|virtio-aw48}
sluice_test=${SLUICE_TEST:?SLUICE_TEST names the sluice-test binary}
testpmd=${SLUICE_TESTPMD:?SLUICE_TESTPMD names the sluice-testpmd binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}
icmpecho=${SLUICE_ICMPECHO:-}

case "$scenario" in
virtio-aw39) aw=39 ;;
virtio-aw48) aw=48 ;;
*) echo "virtio_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

# --- host side: boot, and toggle the link when the guest asks -------------

if [ "${2:-}" != --guest ]; then
	for b in "$sluice_test" "$testpmd" "$devbind"; do
		[ -x "$b" ] || { echo "virtio_scenarios: $b is not built" >&2; exit 1; }
	done
	[ -n "$icmpecho" ] && [ ! -x "$icmpecho" ] && icmpecho=
	vm_dir=${VM_DIR:?VM_DIR names the cache folder}
	share=$vm_dir/$scenario.share
	mon=$vm_dir/$scenario.mon
	rm -rf "$share" "$mon"
	"$here/vmrun.sh" --dir "$vm_dir" --timeout 280 --iommu "$aw" \
		--nic virtio@03.0 --nic virtio@04.0 --nic virtio@05.0 --nic virtio-noiommu@06.0 \
		--share "$share" --monitor "$mon" -- \
		/usr/bin/env SLUICE_TEST="$(readlink -f "$sluice_test")" \
		SLUICE_TESTPMD="$(readlink -f "$testpmd")" \
		SLUICE_DEVBIND="$(readlink -f "$devbind")" \
		SLUICE_ICMPECHO="${icmpecho:+$(readlink -f "$icmpecho")}" \
		bash "$here/virtio_scenarios.sh" "$scenario" --guest &
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
		wait_file "$share/lsc-down" 25
		"$here/vmmon.sh" "$mon" set_link net0 on
	fi
	wait "$vm"
	rc=$?
	rm -rf "$share" "$mon"
	exit $rc
fi

# --- guest side -------------------------------------------------------------

. "$here/../../common/tools_test_lib.sh"
p0=0000:00:03.0 p1=0000:00:04.0 peer=0000:00:05.0 noiommu=0000:00:06.0

run "$devbind" -b vfio-pci $p0 $p1 $noiommu
expect_rc 0

# 1. a device that would bypass the IOMMU is refused, with the fix
run "$testpmd" -l 0-1 -a $noiommu -- --run-time=1
expect_rc nonzero
expect_line "net_virtio: $noiommu: the device does not offer VIRTIO_F_ACCESS_PLATFORM, so its DMA would bypass the IOMMU that VFIO programs; fix: give it iommu_platform=on (QEMU: -device virtio-net-pci,...,iommu_platform=on)"
n=$(printf '%s\n' "$out" | grep -c "^net_virtio:")
[ "$n" = 1 ] && pass "one net_virtio error line" || fail "$n net_virtio error lines"

# 2. the suite: bytes, counters, Rx mode, Rx interrupts, queues, LSC, close
run env SLUICE_VIRTIO_SHARE=/run/vmshare "$sluice_test" pmd_virtio -l 0-1 -a $p0 -a $p1
expect_rc 0
expect_match "probed by net_virtio"
expect_line "  LSC callback on port 0 (eal-intr thread): link down"
expect_line "  LSC callback on port 0 (eal-intr thread): link up"
expect_match "suite pmd_virtio: 6 passed, 0 failed, 0 skipped"

# 3. io forwarding with tx_first for 10 s, then the NIC counters of both ports
run sh -c "(echo 'start tx_first'; sleep 10; echo stop; echo 'show port stats all'; echo quit) |
	timeout 60 '$testpmd' -l 0-1 -a $p0 -a $p1 -- -i --forward-mode=io"
expect_rc 0
fwd=$(printf '%s\n' "$out" | awk '/Forward statistics for port/ { p = $6 }
	/RX-packets:/ && p != "" { rx[p] = $2 } /TX-packets:/ && p != "" { tx[p] = $2; p = "" }
	END { print rx[0]+0, tx[0]+0, rx[1]+0, tx[1]+0 }')
read -r rx0 tx0 rx1 tx1 <<<"$fwd"
echo "forwarded: port 0 rx $rx0 tx $tx0, port 1 rx $rx1 tx $tx1"
[ "$rx0" -gt 10000 ] && [ "$rx1" -gt 10000 ] && pass "both ports forward (rx $rx0, $rx1)" ||
	fail "too little forwarded: rx $rx0, $rx1"
# io mode: a port sends what the other received, plus its tx_first burst of 32
[ "$tx1" = $((rx0 + 32)) ] && [ "$tx0" = $((rx1 + 32)) ] &&
	pass "tx = peer rx + 32 on both ports" || fail "tx/rx mismatch: $fwd"
nic=$(printf '%s\n' "$out" | awk '/NIC statistics for port/ { p = $(NF - 1) }
	/RX-packets:/ && p != "" { rp[p] = $2; rb[p] = $6 }
	/TX-packets:/ && p != "" { tp[p] = $2; tb[p] = $6 }
	END { print rp[0]+0, rb[0]+0, tp[0]+0, tb[0]+0, rp[1]+0, rb[1]+0, tp[1]+0, tb[1]+0 }')
read -r rp0 rb0 tp0 tb0 rp1 rb1 tp1 tb1 <<<"$nic"
echo "NIC: port 0 rx $rp0/$rb0 tx $tp0/$tb0, port 1 rx $rp1/$rb1 tx $tp1/$tb1"
[ "$rp0" = "$rx0" ] && [ "$tp1" = "$tx1" ] && [ "$rp1" = "$rx1" ] && [ "$tp0" = "$tx0" ] &&
	pass "NIC counters equal the forwarding counters" || fail "NIC $nic vs forwarding $fwd"
# the wire: each side received what the other sent, less at most the frames in flight
d0=$((tp0 - rp1)) d1=$((tp1 - rp0))
[ "$d0" -ge 0 ] && [ "$d0" -le 64 ] && [ "$d1" -ge 0 ] && [ "$d1" -le 64 ] &&
	[ $((tb0 * rp1)) = $((rb1 * tp0)) ] && [ $((tb1 * rp0)) = $((rb0 * tp1)) ] &&
	pass "the wire: sent - received = $d0, $d1 frames in flight, same frame length" ||
	fail "wire mismatch: $nic"
expect_no_match "RX-errors: *[1-9]|TX-errors: *[1-9]|RX-dropped: *[1-9]"

# 4. the Linux stack on the kernel-driven peer talks to icmpecho on port 0
if [ -n "$icmpecho" ]; then
	ifc=$(ls /sys/bus/pci/devices/$peer/virtio*/net 2>/dev/null | head -n 1)
	ip addr add 192.0.2.1/24 dev "$ifc" && ip link set "$ifc" up
	"$icmpecho" -l 0-1 -a $p0 -- --ip 192.0.2.2 >/tmp/icmpecho.log 2>&1 &
	echo_pid=$!
	sleep 3
	run busybox ping -c 20 -i 0.2 -W 2 -s 200 192.0.2.2
	expect_match "20 packets transmitted, 20 packets received, 0% packet loss"
	run /usr/bin/python3 -c "
import socket, sys
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM); s.settimeout(2)
ok = nbytes = 0
for i in range(10):
    msg = (sys.argv[1] * (i + 1)).encode()
    s.sendto(msg, ('192.0.2.2', 7))
    try:
        data, _ = s.recvfrom(4096)
    except socket.timeout:
        continue
    ok += data == msg
    nbytes += len(data) if data == msg else 0
print('udp echoed intact: %d/10, %d bytes' % (ok, nbytes))" "virtio-udp-0123456789abcdef"
	expect_line "udp echoed intact: 10/10, 1485 bytes"
	kill -INT $echo_pid
	wait $echo_pid
	cat /tmp/icmpecho.log
else
	echo "SKIP: examples/icmpecho not built"
fi

finish
