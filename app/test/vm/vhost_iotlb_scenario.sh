#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# vhost-iotlb-split, vhost-iotlb-packed: a guest's virtio-net (split or
# packed virtqueues) behind the vIOMMU, served by net_vhost's
# device IOTLB. The host runs sluice-testpmd on net_vhost0 with
# iommu-support=1, io forwarding with retry (what it receives goes back).
# The guest (vmrun.sh --vhost-user SOCK@SLOT,iommu: iommu_platform=on,ats=on
# on the device, intel-iommu with device-iotlb=on) binds the device to
# vfio-pci and runs its own sluice-testpmd on it twice, io forwarding with
# --tx-first: one burst goes round between the two forever. The second run
# starts on rings the back-end stopped, with its IOTLB emptied. Every ring and
# buffer address QEMU's vhost-user front-end gives is an IOVA of the guest's
# vfio mappings; the back-end asks QEMU for each mapping on the back-end
# channel. Checks: the features include VIRTIO_F_IOMMU_PLATFORM (bit 33),
# frames crossed both ways, the host received what the guest sent (less at
# most what was in flight when a guest run stopped), no ring error.
#
# The guest's device has no MSI-X (vmrun.sh --vhost-user: QEMU 7.2 under TCG
# crashes on a vhost-user MSI-X unmask), so the guest's testpmd runs with
# --no-lsc-interrupt: net_virtio wants an MSI-X vector for link interrupts.
#
# Usage: vhost_iotlb_scenario.sh vhost-iotlb-split|vhost-iotlb-packed
# Environment: VM_DIR (cache folder), SLUICE_TESTPMD, SLUICE_DEVBIND.

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: vhost_iotlb_scenario.sh vhost-iotlb-split|vhost-iotlb-packed}
case "$scenario" in
vhost-iotlb-split) flags=,iommu packed=0 ;;
vhost-iotlb-packed) flags=,iommu,packed packed=1 ;;
*) echo "vhost_iotlb_scenario: unknown scenario '$scenario'" >&2; exit 2 ;;
esac
slot=05.0
secs=10
# frames a stopped guest run may leave unread: its rings' worth
in_flight=512

. "$here/../../common/tools_test_lib.sh"

testpmd=${SLUICE_TESTPMD:?SLUICE_TESTPMD names the sluice-testpmd binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}
vm_dir=${VM_DIR:?VM_DIR names the cache folder}
[ -x "$testpmd" ] || { echo "vhost_iotlb_scenario: $testpmd is not built" >&2; exit 1; }
mkdir -p "$vm_dir"
vm_dir=$(cd "$vm_dir" && pwd)
sock=$vm_dir/$scenario.sock
log=$vm_dir/$scenario-host.log
rm -f "$sock"
host_pid=

cleanup() {
	[ -z "$host_pid" ] || kill -9 "$host_pid" 2>/dev/null
	rm -f "$sock"
}
trap cleanup EXIT

# acc WHAT TEXT: the accumulated RX-packets or TX-packets of each testpmd run in TEXT.
acc() {
	printf '%s\n' "$2" | sed -n '/Accumulated forward statistics/,/+++++$/p' |
		sed -n "s/^ *$1-packets: *\([0-9]*\).*/\1/p"
}

# A fresh ring's first buffers are not in the device IOTLB: the enqueue takes
# nothing until QEMU answers the miss (a round trip through a TCG guest's
# vIOMMU), so the host retries a burst for up to a second rather than
# dropping the one burst --tx-first started.
printf 'set fwd io retry\nset burst tx delay 1000 retry 1000\n' >"$vm_dir/$scenario-host.cmds"
"$testpmd" -l 0-1 --no-huge --no-pci --file-prefix "$scenario" --log-level=lib.vhost:info \
	--vdev "net_vhost0,iface=$sock,iommu-support=1" -- \
	--cmdline-file="$vm_dir/$scenario-host.cmds" --stats-period 5 >"$log" 2>&1 </dev/null &
host_pid=$!
for _ in $(seq 100); do
	[ -S "$sock" ] && break
	sleep 0.1
done
[ -S "$sock" ] || { cat "$log"; fail "host testpmd did not listen on $sock"; finish; }

guest_tp="timeout -s INT $secs $testpmd -l 0-1 -a 0000:00:$slot -- --forward-mode=io --tx-first --no-lsc-interrupt"
run "$here/vmrun.sh" --dir "$vm_dir" --timeout 280 --iommu 39 --vhost-user "$sock@$slot$flags" \
	-- sh -c "$devbind -b vfio-pci 0000:00:$slot && $guest_tp; $guest_tp; true"
guest=$out
kill -INT "$host_pid"
timeout 20 tail --pid="$host_pid" -f /dev/null || kill -9 "$host_pid"
wait "$host_pid"
host_pid=
host=$(cat "$log")

# the guest's two runs
read -r g_tx1 g_tx2 < <(acc TX "$guest" | tr '\n' ' ')
read -r g_rx1 g_rx2 < <(acc RX "$guest" | tr '\n' ' ')
h_rx=$(acc RX "$host")
h_tx=$(acc TX "$host")
echo "guest runs: RX ${g_rx1:-?} TX ${g_tx1:-?}, RX ${g_rx2:-?} TX ${g_tx2:-?}; host: RX ${h_rx:-?} TX ${h_tx:-?}"

features=$(printf '%s\n' "$host" | sed -n 's/.*device [0-9]* ready, .* features \(0x[0-9a-f]*\).*/\1/p' | head -n 1)
[ -n "$features" ] && [ $(((features >> 33) & 1)) = 1 ] &&
	pass "VIRTIO_F_IOMMU_PLATFORM negotiated (features $features)" ||
	fail "VIRTIO_F_IOMMU_PLATFORM not negotiated (features ${features:-none})"
[ -n "$features" ] && [ $(((features >> 34) & 1)) = $packed ] &&
	pass "VIRTIO_F_RING_PACKED: $packed" || fail "VIRTIO_F_RING_PACKED not $packed (features ${features:-none})"
# run_check N RX TX: guest run N moved frames both ways
run_check() {
	[ "$2" -gt 0 ] && [ "$3" -gt 0 ] && pass "guest run $1 received $2 and sent $3 frames" ||
		fail "guest run $1 received $2 and sent $3 frames"
}
run_check 1 "${g_rx1:-0}" "${g_tx1:-0}"
run_check 2 "${g_rx2:-0}" "${g_tx2:-0}"
sent=$((${g_tx1:-0} + ${g_tx2:-0}))
[ -n "$h_rx" ] && [ "$h_rx" -le "$sent" ] && [ "$h_rx" -ge $((sent - 2 * in_flight)) ] &&
	pass "host received $h_rx of the $sent frames the guest sent" ||
	fail "host received ${h_rx:-?} frames, the guest sent $sent"
got=$((${g_rx1:-0} + ${g_rx2:-0}))
[ "${h_tx:-0}" -ge "$got" ] && pass "host sent $h_tx frames, the guest received $got" ||
	fail "host sent ${h_tx:-?} frames, fewer than the guest received ($got)"
printf '%s\n' "$host" | grep "vhost: .*ring [0-9]*:" &&
	fail "ring errors in the host log" || pass "no ring error in the host log"
finish
