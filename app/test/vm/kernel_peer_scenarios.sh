#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Sluice's software ports against the guest kernel's own drivers, in a
# QEMU guest (vmrun.sh), with examples/icmpecho answering the kernel's
# pings. One boot per scenario:
#   bond-lacp: the host kernel has no bonding driver, the guest's Debian
#      kernel does. Two veth pairs join the guest's root namespace
#      (net_af_packet ports, enslaved by a net_bonding port) to a namespace
#      where the kernel's bond0 has the other ends as members. bond0 in
#      802.3ad, lacp_rate fast, Sluice in mode 4: LACP converges (the
#      kernel's /proc/net/bonding/bond0 shows Sluice's bond MAC as the
#      partner of both members in one aggregator) and every ping through the
#      aggregate is answered; then both sides in active-backup: the active
#      member's link goes down and the pings go on over the other.
#   af-xdp-native: two virtio-net NICs on one QEMU hub, both on the guest
#      kernel's virtio_net driver; net_af_xdp on the first attaches its
#      program at the driver's (native) XDP hook, the second, in a
#      namespace, pings icmpecho through AF_XDP.
#
# Usage: kernel_peer_scenarios.sh bond-lacp|af-xdp-native
# Environment: VM_DIR (cache folder), SLUICE_ICMPECHO — the binary.

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: kernel_peer_scenarios.sh bond-lacp|af-xdp-native}
icmpecho=${SLUICE_ICMPECHO:?SLUICE_ICMPECHO names the sluice-icmpecho binary}

case "$scenario" in
bond-lacp) nics=() ;;
# virtio-net without iommu_platform: no IOMMU here, the kernel drives both
af-xdp-native) nics=(--nic virtio-noiommu@03.0 --nic virtio-noiommu@04.0) ;;
*) echo "kernel_peer_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

if [ "${2:-}" != --guest ]; then
	[ -x "$icmpecho" ] || { echo "kernel_peer_scenarios: $icmpecho is not built" >&2; exit 1; }
	exec "$here/vmrun.sh" --dir "${VM_DIR:?VM_DIR names the cache folder}" --timeout 280 \
		--iommu none --no-vfio "${nics[@]}" -- \
		/usr/bin/env SLUICE_ICMPECHO="$(readlink -f "$icmpecho")" \
		bash "$here/kernel_peer_scenarios.sh" "$scenario" --guest
fi

# --- guest side -------------------------------------------------------------

. "$here/../../common/tools_test_lib.sh"
ns=kpeer
bond_mac=02:5b:00:00:00:01
sluice_ip=192.0.2.2
nsx() { ip netns exec $ns "$@"; }
step() { echo "[${SECONDS}s] $*"; }

# peer MODE...: the kernel's bond0 in the namespace over kb0 and kb1, fresh.
peer() {
	nsx ip link del bond0 2>/dev/null
	nsx ip link add bond0 type bond "$@" miimon 100
	for i in 0 1; do
		nsx ip link set kb$i down
		nsx ip link set kb$i master bond0
	done
	nsx ip addr add 192.0.2.1/24 dev bond0
	nsx ip link set bond0 up
}

# echo_start MODE: icmpecho on a net_bonding port in MODE over the Sluice ends.
echo_start() {
	"$icmpecho" -l 0-1 --no-pci --vdev net_af_packet0,iface=sb0 \
		--vdev net_af_packet1,iface=sb1 \
		--vdev "net_bonding0,mode=$1,slave=net_af_packet0,slave=net_af_packet1,mac=$bond_mac" \
		-- --ip $sluice_ip -p 0x4 >/tmp/icmpecho.log 2>&1 &
	echo_pid=$!
}

# echo_stop MIN: stop icmpecho; its counters show at least MIN echo replies.
echo_stop() {
	kill -INT "$echo_pid"
	timeout 20 tail --pid="$echo_pid" -f /dev/null ||
		{ fail "icmpecho did not stop on SIGINT"; kill -9 "$echo_pid"; }
	wait "$echo_pid"
	run cat /tmp/icmpecho.log
	n=$(printf '%s\n' "$out" | sed -n 's/.*icmp echo replies \([0-9]*\).*/\1/p')
	[ "${n:-0}" -ge "$1" ] && pass "icmpecho counted $n echo replies" ||
		fail "icmpecho counted ${n:-0} echo replies, wanted $1 or more"
}

# bond0_wait PATTERN SECS: until /proc/net/bonding/bond0 matches PATTERN.
bond0_wait() {
	local n=$(($2 * 2))
	while [ $n -gt 0 ]; do
		nsx grep -Eq "$1" /proc/net/bonding/bond0 && return 0
		sleep 0.5
		n=$((n - 1))
	done
	return 1
}

# pings N: N pings from the namespace to icmpecho; passes when all come back.
pings() {
	run timeout 30 ip netns exec $ns busybox ping -c "$1" -i 0.2 -W 2 $sluice_ip
	expect_match "$1 packets transmitted, $1 packets received, 0% packet loss"
}

bond_lacp() {
	step "start"
	ip netns add $ns
	for i in 0 1; do
		ip link add sb$i type veth peer name kb$i
		ip link set kb$i netns $ns
		ip link set sb$i up
	done
	nsx ip link set lo up

	# 1. 802.3ad: Linux's LACP against Sluice's
	step "802.3ad"
	peer mode 802.3ad lacp_rate fast
	echo_start 4
	if bond0_wait "Partner Mac Address: $bond_mac" 30 &&
	   bond0_wait "Number of ports: 2" 15; then
		step "converged"
		pass "LACP converged: the kernel's partner is the Sluice bond ($bond_mac), 2 ports"
	else
		fail "LACP did not converge in 45 s"
	fi
	run nsx cat /proc/net/bonding/bond0
	expect_match "Bonding Mode: IEEE 802.3ad Dynamic link aggregation"
	expect_match "LACP (rate|active)"
	# each member's partner is Sluice's bond, and it is in the active aggregator
	n=$(printf '%s\n' "$out" | grep -c "system mac address: $bond_mac")
	[ "$n" -ge 2 ] && pass "both members see $bond_mac as their partner system" ||
		fail "$n members see $bond_mac as their partner system"
	pings 20
	echo_stop 20

	# 2. active-backup on both sides: a member goes down, traffic goes on
	step "active-backup"
	peer mode active-backup
	step "kernel bond0 in active-backup"
	echo_start 1
	sleep 3
	step "icmpecho started"
	pings 10
	active=$(nsx sed -n 's/^Currently Active Slave: //p' /proc/net/bonding/bond0)
	down=sb${active#kb}
	ip link set "$down" down
	echo "link of $down (peer of the kernel's active $active) set down"
	if bond0_wait "Currently Active Slave: kb[01]" 5 &&
	   ! nsx grep -q "Currently Active Slave: $active" /proc/net/bonding/bond0; then
		pass "the kernel failed over from $active"
	else
		fail "the kernel's bond stayed on $active"
	fi
	sleep 2
	# The kernel now sends on kb1 only; icmpecho answers only if the Sluice
	# bond (which receives on its active slave only) moved to sb1 as well.
	step "after the fail-over"
	pings 10
	echo_stop 20
	ip link set "$down" up

}

# AF_XDP on a virtio-net NIC in native mode; the other NIC is the peer.
af_xdp_native() {
	local dev=/sys/bus/pci/devices
	local ifa ifb
	ifa=$(ls $dev/0000:00:03.0/virtio*/net | head -n 1)
	ifb=$(ls $dev/0000:00:04.0/virtio*/net | head -n 1)
	step "start: AF_XDP on $ifa, the peer on $ifb"
	ip netns add $ns
	ip link set "$ifb" netns $ns
	nsx ip addr add 192.0.2.1/24 dev "$ifb"
	nsx ip link set "$ifb" up
	ip link set "$ifa" up
	"$icmpecho" -l 0-1 --no-pci --log-level=pmd.net.af_xdp:info \
		--vdev "net_af_xdp0,iface=$ifa" -- --ip $sluice_ip \
		>/tmp/icmpecho.log 2>&1 &
	echo_pid=$!
	n=120
	while [ $n -gt 0 ] && ! grep -q "answers for" /tmp/icmpecho.log; do
		sleep 0.5
		n=$((n - 1))
	done
	step "icmpecho started"
	run ip link show dev "$ifa"
	# native: "xdp" (the driver's hook); generic would read "xdpgeneric"
	expect_match "[0-9]+: $ifa: .* xdp "
	expect_no_match "xdpgeneric"
	pings 20
	echo_stop 20
	expect_match "$ifa queues 0-0, driver XDP hook"
	run ip link show dev "$ifa"
	expect_no_match " xdp|prog/xdp"
}

case "$scenario" in
bond-lacp) bond_lacp ;;
af-xdp-native) af_xdp_native ;;
esac
finish
