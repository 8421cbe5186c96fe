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
#      counters, rings of 32 entries gone round many times, jumbo frames (MTU 9000, scatter), checksum offloads refused
#      (a hub has no vnet headers), promiscuous/all-multicast through the
#      control queue, Rx interrupts, queue-pair limits, the link-status interrupt while the
#      host toggles the link of 03.0 (net0) from the QEMU monitor, close;
#   3. sluice-testpmd io forwarding with tx_first for 10 s: each port sends
#      exactly what the other received plus its tx_first burst, and the NIC
#      counters of the two sides of the wire agree;
#   4. the Linux stack on 05.0 pings examples/icmpecho on 03.0 and sends UDP
#      that must come back byte for byte (when icmpecho is built).
#
# virtio-mq boots two multi-queue virtio-net devices (mq=on,vectors=6) at
# 03.0 and 04.0 whose backends are host taps with two queues each (MTU
# 9000), joined by a host bridge the scenario creates (and removes): QEMU's
# hub gives one queue pair only. The taps' vnet headers give the devices
# the checksum offloads, so the pmd_virtio suite runs here too, with them
# (SLUICE_VIRTIO_CSUM=1). Then sluice-testpmd forwards with --rxq=2
# --txq=2 --tx-first for 10 s; while it runs, the host sends one frame of each of 32 UDP flows
# into the bridge. The tap backend picks the queue of a frame by its flow
# (virtio 1.1 5.1.6.5.5: without RSS the device chooses), so the tx_first
# flow ends up on one queue and the 32 flows on both; the checks are per
# queue: tx_first's 32 frames on each Tx queue, every queue forwarding
# exactly what its peer queue received, frames on both Rx queues of both
# ports (which needs VQ_PAIRS_SET: QEMU detaches tap queue 1 until then).
#
# virtio-packed-aw39 and virtio-packed-aw48 are the first two with packed=on
# on 03.0 and 04.0: the same checks on packed virtqueues (virtio 1.1 2.7),
# with VIRTIO_F_RING_PACKED (34) negotiated at every start, and the devarg
# packed_vq=0 falling back to split virtqueues. virtio-packed-mq is
# virtio-mq with packed=on: the control queue's VQ_PAIRS_SET, two queue
# pairs and the checksum offloads on packed virtqueues.
#
# Usage: virtio_scenarios.sh virtio-aw39|virtio-aw48|virtio-mq|virtio-packed-aw39|
#                            virtio-packed-aw48|virtio-packed-mq
# Environment: VM_DIR (cache folder), SLUICE_TEST, SLUICE_TESTPMD,
# SLUICE_DEVBIND, SLUICE_ICMPECHO (optional) — the binaries.

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: virtio_scenarios.sh virtio-aw39|virtio-aw48|virtio-mq|virtio-packed-aw39|virtio-packed-aw48|virtio-packed-mq}
sluice_test=${SLUICE_TEST:?SLUICE_TEST names the sluice-test binary}
testpmd=${SLUICE_TESTPMD:?SLUICE_TESTPMD names the sluice-testpmd binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}
icmpecho=${SLUICE_ICMPECHO:-}

case "$scenario" in
virtio-aw39) aw=39 ;;
virtio-aw48) aw=48 ;;
virtio-mq) aw=39 ;;
virtio-packed-aw39) aw=39 ;;
virtio-packed-aw48) aw=48 ;;
virtio-packed-mq) aw=39 ;;
*) echo "virtio_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

# --- host side of virtio-mq: two taps on a bridge, flows sent into it ------

mq_cleanup() {
	local i
	[ -z "${vm:-}" ] || kill "$vm" 2>/dev/null
	for i in "$tap0" "$tap1" "$br"; do
		ip link del "$i" 2>/dev/null || ip tuntap del dev "$i" mode tap multi_queue 2>/dev/null
	done
	rm -rf "$share" "$mon"
}

mq_host() {	# mq_host MODEL
	local i rc
	# unique names (at most 15 characters), gone again at the end
	tap0=slq$$t0 tap1=slq$$t1 br=slq$$br vm=
	[ "$(id -u)" = 0 ] && [ -c /dev/net/tun ] && command -v ip >/dev/null &&
		command -v python3 >/dev/null ||
		{ echo "virtio_scenarios: SKIP: needs root, /dev/net/tun, ip and python3" >&2; exit 77; }
	trap mq_cleanup EXIT
	trap 'exit 143' TERM INT HUP
	ip link add "$br" type bridge &&
		ip tuntap add dev "$tap0" mode tap multi_queue &&
		ip tuntap add dev "$tap1" mode tap multi_queue ||
		{ echo "virtio_scenarios: SKIP: cannot create a bridge and taps" >&2; exit 77; }
	for i in "$br" "$tap0" "$tap1"; do
		# no IPv6 of the host's own (router solicitations, MLD) on the wire
		[ ! -e "/proc/sys/net/ipv6/conf/$i/disable_ipv6" ] ||
			echo 1 >"/proc/sys/net/ipv6/conf/$i/disable_ipv6"
	done
	for i in "$tap0" "$tap1"; do
		# io forwarding sends each port's frames back with the other's source
		# address: without learning the bridge floods every frame to the other tap;
		# MTU 9000 lets the jumbo frames of pmd_virtio through
		ip link set "$i" mtu 9000 && ip link set "$i" master "$br" &&
			ip link set "$i" type bridge_slave learning off &&
			ip link set "$i" up || { echo "virtio_scenarios: cannot set up $i" >&2; exit 1; }
	done
	ip link set "$br" up || exit 1
	"$here/vmrun.sh" --dir "$vm_dir" --timeout 320 --iommu "$aw" \
		--tap-nic "$1@03.0=$tap0" --tap-nic "$1@04.0=$tap1" --share "$share" -- \
		/usr/bin/env SLUICE_TEST="$(readlink -f "$sluice_test")" \
		SLUICE_TESTPMD="$(readlink -f "$testpmd")" \
		SLUICE_DEVBIND="$(readlink -f "$devbind")" \
		bash "$here/virtio_scenarios.sh" "$scenario" --guest &
	vm=$!
	n=0
	while [ ! -e "$share/mq-forwarding" ] && kill -0 "$vm" 2>/dev/null && [ $n -lt 1000 ]; do
		sleep 0.2
		n=$((n + 1))
	done
	if [ -e "$share/mq-forwarding" ]; then
		# one UDP frame for each of 32 flows (source ports 1024..1055) into the
		# bridge, which floods it to both taps; io forwarding keeps them going
		python3 - "$br" <<'PY' && touch "$share/mq-sent"
import socket, struct, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[1], 0))
def csum(b):
    n = sum(struct.unpack('!%dH' % (len(b) // 2), b))
    n = (n >> 16) + (n & 0xffff)
    return ~(n + (n >> 16)) & 0xffff
for i in range(32):
    payload = bytes(18)
    udp = struct.pack('!HHHH', 1024 + i, 9, 8 + len(payload), 0) + payload
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(udp), 0, 0, 64, 17, 0,
                     bytes([198, 18, 1, 1]), bytes([198, 18, 1, 2]))
    ip = ip[:10] + struct.pack('!H', csum(ip)) + ip[12:]
    eth = bytes.fromhex('020000000098' '020000000099') + struct.pack('!H', 0x0800)
    s.send(eth + ip + udp)
PY
	fi
	wait "$vm"
	rc=$?
	vm=
	return $rc
}

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
	case "$scenario" in
	virtio-mq) mq_host virtio-mq; exit $? ;;
	virtio-packed-mq) mq_host virtio-packed-mq; exit $? ;;
	esac
	model=virtio
	case "$scenario" in virtio-packed-*) model=virtio-packed ;; esac
	"$here/vmrun.sh" --dir "$vm_dir" --timeout 280 --iommu "$aw" \
		--nic $model@03.0 --nic $model@04.0 --nic virtio@05.0 --nic virtio-noiommu@06.0 \
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
packed=0
case "$scenario" in virtio-packed-*) packed=1 ;; esac

# xstat NAME of port P from the last run's "show port xstats all"
xstat() {
	printf '%s\n' "$out" | awk -v p="$1" -v n="$2:" '/NIC extended statistics for port/ { q = $NF }
		q == p && $1 == n { print $2; exit }'
}

# features_check all|some|N BIT...: of the last run's "features 0x..
# negotiated" lines (net_virtio at info level, one per port start), all, at
# least one, or exactly N have every BIT
features_check() {
	local mode=$1 f n=0 hits=0 b ok good
	shift
	for f in $(printf '%s\n' "$out" | sed -n 's/.*: features \(0x[0-9a-f]*\) negotiated$/\1/p'); do
		n=$((n + 1))
		ok=1
		for b in "$@"; do
			[ $(( (f >> b) & 1 )) = 1 ] || ok=0
		done
		hits=$((hits + ok))
	done
	case $mode in
	all) [ "$hits" = "$n" ] ;;
	some) [ "$hits" -gt 0 ] ;;
	*) [ "$hits" = "$mode" ] ;;
	esac
	good=$?
	if [ "$n" -gt 0 ] && [ $good = 0 ]; then
		pass "feature bits $* negotiated in $mode of $n starts ($hits)"
	else
		fail "feature bits $* negotiated in $hits of $n starts, wanted $mode"
	fi
}

if [ "$scenario" = virtio-mq ] || [ "$scenario" = virtio-packed-mq ]; then
	run "$devbind" -b vfio-pci $p0 $p1
	expect_rc 0
	# the pmd_virtio suite over taps, whose vnet headers give the devices the
	# checksum offloads (VIRTIO_NET_F_CSUM, VIRTIO_NET_F_GUEST_CSUM) a hub lacks;
	# nobody toggles the link here, so the LSC case skips
	run env SLUICE_VIRTIO_CSUM=1 "$sluice_test" pmd_virtio -l 0-1 -a $p0 -a $p1 \
		--log-level=pmd.net.virtio:info
	expect_rc 0
	# EVENT_IDX (29) always; CSUM (0), GUEST_CSUM (1) and MRG_RXBUF (15, with
	# the scatter offload: the jumbo case's two starts, no other) when asked
	features_check all 29
	features_check 2 15
	[ $packed = 0 ] || features_check all 34
	features_check some 0
	features_check some 1
	expect_match "16 TCP/UDP frames, checksum by the device, left open for port 1 \\(RX_L4_CKSUM_NONE\\)"
	expect_match "16 TCP/UDP frames, checksum by the device, filled in and verified"
	expect_match "suite pmd_virtio: 8 passed, 0 failed, 1 skipped"
	# the host sends its 32 flows once forwarding runs, then says so; frames
	# the taps still held from the suite are forwarded, not flushed, so that
	# the per-queue counters below count every frame a queue received
	run sh -c "(echo 'start tx_first'; sleep 2; touch /run/vmshare/mq-forwarding
		for i in \$(seq 40); do [ -e /run/vmshare/mq-sent ] && break; sleep 0.2; done
		sleep 6; echo stop; echo 'show port xstats all'; echo quit) |
		timeout 60 '$testpmd' -l 0-1 -a $p0 -a $p1 --log-level=pmd.net.virtio:info -- -i \
		--forward-mode=io --rxq=2 --txq=2 --no-flush-rx"
	expect_rc 0
	[ $packed = 0 ] || features_check all 34
	for d in $p0 $p1; do
		expect_match "^net_virtio: $d: virtio-net, MAC [0-9a-f:]+, 2 queue pair\\(s\\)"
	done
	[ -e /run/vmshare/mq-sent ] && pass "the host sent 32 flows into the bridge" ||
		fail "the host did not send its flows"
	for p in 0 1; do
		for k in rx_good_packets tx_good_packets rx_q0_packets rx_q1_packets tx_q0_packets \
			tx_q1_packets; do
			eval "${k}_$p=\$(xstat $p $k)"
			eval "v=\${${k}_$p}"
			[ -n "$v" ] || { fail "no xstat $k on port $p"; eval "${k}_$p=0"; }
		done
	done
	echo "port 0: rx q0 $rx_q0_packets_0 q1 $rx_q1_packets_0, tx q0 $tx_q0_packets_0 q1 $tx_q1_packets_0"
	echo "port 1: rx q0 $rx_q0_packets_1 q1 $rx_q1_packets_1, tx q0 $tx_q0_packets_1 q1 $tx_q1_packets_1"
	[ "$rx_good_packets_0" -gt 10000 ] && [ "$rx_good_packets_1" -gt 10000 ] &&
		pass "both ports forward (rx $rx_good_packets_0, $rx_good_packets_1)" ||
		fail "too little forwarded: rx $rx_good_packets_0, $rx_good_packets_1"
	ok=1
	for p in 0 1; do
		eval "[ \$((rx_q0_packets_$p + rx_q1_packets_$p)) = \$rx_good_packets_$p ] &&
			[ \$((tx_q0_packets_$p + tx_q1_packets_$p)) = \$tx_good_packets_$p ]" || ok=0
	done
	[ $ok = 1 ] && pass "per-queue counters add up to the port's" || fail "per-queue sums differ"
	# stream (port p, queue q) sends on queue q of the other port: each Tx
	# queue carries its tx_first burst of 32 plus what the peer's queue got
	ok=1
	for q in 0 1; do
		eval "[ \$tx_q${q}_packets_1 = \$((rx_q${q}_packets_0 + 32)) ] &&
			[ \$tx_q${q}_packets_0 = \$((rx_q${q}_packets_1 + 32)) ]" || ok=0
	done
	[ $ok = 1 ] && pass "tx queue q = peer rx queue q + 32 on both queues of both ports" ||
		fail "per-queue forwarding mismatch"
	[ "$rx_q0_packets_0" -gt 0 ] && [ "$rx_q1_packets_0" -gt 0 ] &&
		[ "$rx_q0_packets_1" -gt 0 ] && [ "$rx_q1_packets_1" -gt 0 ] &&
		pass "frames on both Rx queues of both ports" || fail "an Rx queue got nothing"
	# the wire: each port received what the other sent plus the host's 32,
	# less the frames in flight (tx_first's 128 and the host's 64 circulate)
	d0=$((tx_good_packets_0 + 32 - rx_good_packets_1))
	d1=$((tx_good_packets_1 + 32 - rx_good_packets_0))
	[ "$d0" -ge 0 ] && [ "$d0" -le 192 ] && [ "$d1" -ge 0 ] && [ "$d1" -le 192 ] &&
		pass "the wire: sent + 32 - received = $d0, $d1 frames in flight" ||
		fail "wire mismatch: tx $tx_good_packets_0/$tx_good_packets_1 rx $rx_good_packets_0/$rx_good_packets_1"
	expect_no_match "rx_q[01]_(errors|nombuf): [1-9]|tx_q[01]_errors: [1-9]"
	finish
fi

run "$devbind" -b vfio-pci $p0 $p1 $noiommu
expect_rc 0

# 1. a device that would bypass the IOMMU is refused, with the fix
run "$testpmd" -l 0-1 -a $noiommu -- --run-time=1
expect_rc nonzero
expect_line "net_virtio: $noiommu: the device does not offer VIRTIO_F_ACCESS_PLATFORM, so its DMA would bypass the IOMMU that VFIO programs; fix: give it iommu_platform=on (QEMU: -device virtio-net-pci,...,iommu_platform=on)"
n=$(printf '%s\n' "$out" | grep -c "^net_virtio:")
[ "$n" = 1 ] && pass "one net_virtio error line" || fail "$n net_virtio error lines"

# 2. the suite: bytes, counters, Rx mode, Rx interrupts, queues, LSC, close
run env SLUICE_VIRTIO_SHARE=/run/vmshare "$sluice_test" pmd_virtio -l 0-1 -a $p0 -a $p1 \
	--log-level=pmd.net.virtio:info
expect_rc 0
# VIRTIO_F_EVENT_IDX (29) on every start, VIRTIO_F_RING_PACKED (34) too on
# packed devices; VIRTIO_NET_F_MRG_RXBUF (15) on the starts with the scatter
# offload (the jumbo case's two starts) and on no other
features_check 2 15
if [ $packed = 1 ]; then
	features_check all 29 34
	for d in $p0 $p1; do
		expect_match "^net_virtio: $d: virtio-net, MAC [0-9a-f:]+, 1 queue pair\\(s\\), features 0x[0-9a-f]+, packed virtqueues"
	done
else
	features_check all 29
fi
expect_match "probed by net_virtio"
expect_line "  LSC callback on port 0 (eal-intr thread): link down"
expect_line "  LSC callback on port 0 (eal-intr thread): link up"
expect_match "suite pmd_virtio: 9 passed, 0 failed, 0 skipped"

# the devarg packed_vq=0 keeps 03.0 on split virtqueues next to a packed 04.0
if [ $packed = 1 ]; then
	run "$testpmd" -l 0-1 -a $p0,packed_vq=0 -a $p1 --log-level=pmd.net.virtio:info -- \
		--run-time=1
	expect_rc 0
	expect_match "^net_virtio: $p0: virtio-net, MAC [0-9a-f:]+, 1 queue pair\\(s\\), features 0x[0-9a-f]+, split virtqueues"
	expect_match "^net_virtio: $p1: virtio-net, MAC [0-9a-f:]+, 1 queue pair\\(s\\), features 0x[0-9a-f]+, packed virtqueues"
	features_check some 34
	run "$testpmd" -l 0-1 -a $p0,packed_vq=2 -- --run-time=1
	expect_rc nonzero
	expect_match "net_virtio: $p0: packed_vq=2: give packed_vq=0 or packed_vq=1"
fi

# 3. io forwarding with tx_first for 10 s, then the NIC counters of both ports
run sh -c "(echo 'start tx_first'; sleep 10; echo stop; echo 'show port stats all'; echo quit) |
	timeout 60 '$testpmd' -l 0-1 -a $p0 -a $p1 --log-level=pmd.net.virtio:info -- -i \
	--forward-mode=io"
expect_rc 0
[ $packed = 0 ] || features_check all 34
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
