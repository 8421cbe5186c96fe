#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# VFIO scenarios in a QEMU guest (see vmrun.sh): sluice-devbind binds real
# devices, sluice-doctor checks a real kernel. Each scenario boots one
# guest; its checks run inside, as root, and print PASS/FAIL lines.
#
# Usage: vm_scenarios.sh SCENARIO
#   bind-aw39, bind-aw48  e1000e + virtio-net behind intel-iommu: doctor names
#                         the fix while they are on kernel drivers, devbind
#                         binds them to vfio-pci, doctor passes, devbind gives
#                         them back
#   no-iommu              no IOMMU: doctor fails and names intel_iommu=on,
#                         devbind refuses vfio-pci with the same fix
#   no-vfio               vfio modules not loaded: doctor names modprobe,
#                         devbind fails with one line and changes nothing
#   group                 two e1000 behind a PCI bridge share a group: doctor
#                         names the one left on e1000; --group fixes it
#   link                  the host turns a virtio-net's link off and on
#                         through the QEMU monitor (vmmon.sh); the guest sees
#                         both. (Linux's e1000e driver misses QEMU 7.2's e1000e
#                         link change, so the kernel-side check uses virtio.)
# Environment: VM_DIR (cache folder), SLUICE_DEVBIND, SLUICE_DOCTOR (the
# binaries to test).

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: vm_scenarios.sh SCENARIO}

devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}
doctor=${SLUICE_DOCTOR:?SLUICE_DOCTOR names the sluice-doctor binary}
# sluice-test, for the rte_eal_init checks (skipped when not given).
sluice_test=${SLUICE_TEST:-}

# --- host side: pick the machine, boot it, run this script inside ---------

if [ "${2:-}" != --guest ]; then
	case "$scenario" in
	bind-aw39) machine=(--iommu 39 --nic e1000e@03.0 --nic virtio@04.0) ;;
	bind-aw48) machine=(--iommu 48 --nic e1000e@03.0 --nic virtio@04.0) ;;
	no-iommu) machine=(--iommu none --nic e1000e@03.0) ;;
	no-vfio) machine=(--iommu 39 --no-vfio --nic e1000e@03.0) ;;
	group) machine=(--iommu 39 --bridge 05.0) ;;
	link) machine=(--iommu 39 --nic virtio@03.0) ;;
	*) echo "vm_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
	esac
	for b in "$devbind" "$doctor"; do
		[ -x "$b" ] || { echo "vm_scenarios: $b is not built" >&2; exit 1; }
	done
	vm_dir=${VM_DIR:?VM_DIR names the cache folder}
	guest=(/usr/bin/env SLUICE_DEVBIND="$(readlink -f "$devbind")"
		SLUICE_TEST="${sluice_test:+$(readlink -f "$sluice_test")}"
		SLUICE_DOCTOR="$(readlink -f "$doctor")" bash "$here/vm_scenarios.sh" "$scenario" --guest)
	if [ "$scenario" != link ]; then
		exec "$here/vmrun.sh" --dir "$vm_dir" --timeout 180 "${machine[@]}" -- "${guest[@]}"
	fi
	# The guest leaves a file in the share at each step; the host answers
	# through the monitor.
	share=$vm_dir/link.share
	mon=$vm_dir/link.mon
	rm -rf "$share" "$mon"
	"$here/vmrun.sh" --dir "$vm_dir" --timeout 180 "${machine[@]}" --share "$share" \
		--monitor "$mon" -- "${guest[@]}" &
	vm=$!
	wait_file() {
		local i
		for i in $(seq 600); do
			[ -e "$1" ] && return 0
			kill -0 "$vm" 2>/dev/null || return 1
			sleep 0.2
		done
		return 1
	}
	wait_file "$share/link-up" && "$here/vmmon.sh" "$mon" set_link net0 off &&
		wait_file "$share/link-down" && "$here/vmmon.sh" "$mon" set_link net0 on
	wait "$vm"
	exit $?
fi

# --- guest side -----------------------------------------------------------

. "$here/../../common/tools_test_lib.sh"

# QEMU's TCG CPU lacks AVX-512 and more: a build for the host's CPU dies
# here with SIGILL. Say so once instead of failing every check.
for b in "$doctor" "$devbind --status"; do
	rc=0
	$b >/dev/null 2>&1 || rc=$?
	if [ "$rc" = 132 ]; then
		echo "vm: ${b%% *} died of an illegal instruction in the guest: build with" \
			"-Dcpu_instruction_set=x86-64-v2 (QEMU's CPU model lacks the host's extensions)"
		exit 1
	fi
done

driver_of() {
	basename "$(readlink "/sys/bus/pci/devices/$1/driver" 2>/dev/null)" 2>/dev/null
}

group_of() {
	basename "$(readlink "/sys/bus/pci/devices/$1/iommu_group")"
}

expect_driver() {
	local d
	d=$(driver_of "$1")
	[ "$d" = "$2" ] && pass "$1 is on ${2:-no driver}" || fail "$1 is on '$d', wanted '$2'"
}

# bind AW: e1000e at 00:03.0 and virtio-net at 00:04.0, IOMMU of AW bits.
scenario_bind() {
	local aw=$1 e=0000:00:03.0 v=0000:00:04.0 g ifc

	echo "== on kernel drivers: doctor fails and names the devbind command"
	expect_driver $e e1000e
	expect_driver $v virtio-pci
	run "$doctor" 00:03.0 00:04.0
	expect_rc 1
	expect_line "fail  $e (8086:10d3): on kernel driver e1000e, not vfio-pci"
	expect_line "      fix: sluice-devbind -b vfio-pci $e"
	expect_line "fail  $v (1af4:1041): on kernel driver virtio-pci, not vfio-pci"
	expect_line "      fix: sluice-devbind -b vfio-pci $v"
	expect_line "ok    $v: virtio device offers VIRTIO_F_ACCESS_PLATFORM (DMA goes through the IOMMU)"

	echo "== --status lists them on their kernel drivers"
	run "$devbind" --status
	expect_rc 0
	expect_match "^$e '82574L Gigabit Network Connection 10d3' if=[a-z0-9]+ drv=e1000e unused=vfio-pci$"
	expect_match "^$v 'Virtio 1.0 network device 1041' if=[a-z0-9]+ drv=virtio-pci unused=vfio-pci$"

	echo "== an interface with a route is active: refused without --force"
	ifc=$(ls /sys/bus/pci/devices/$e/net)
	# No IPv6 chatter on the hub; the route is in a documentation range
	# and nothing is sent to it.
	echo 1 >"/proc/sys/net/ipv6/conf/$ifc/disable_ipv6"
	ip link set dev "$ifc" up
	ip route add 198.51.100.0/24 dev "$ifc"
	run "$devbind" --status
	expect_line "$e '82574L Gigabit Network Connection 10d3' if=$ifc drv=e1000e unused=vfio-pci *Active*"
	run "$devbind" -b vfio-pci $e
	expect_rc 1
	expect_line "sluice-devbind: error: $e ($ifc) is active: its interface has routes; take it down first (ip link set $ifc down) or pass --force"
	expect_lines 1
	expect_driver $e e1000e
	ip link set dev "$ifc" down
	ip route del 198.51.100.0/24 dev "$ifc" 2>/dev/null

	echo "== bind both to vfio-pci"
	run "$devbind" -b vfio-pci 00:03.0 00:04.0
	expect_rc 0
	expect_line "$e: unbound from e1000e"
	expect_line "$e: bound to vfio-pci (IOMMU group $(group_of $e), /dev/vfio/$(group_of $e))"
	expect_line "$v: unbound from virtio-pci"
	expect_line "$v: bound to vfio-pci (IOMMU group $(group_of $v), /dev/vfio/$(group_of $v))"
	for d in $e $v; do
		expect_driver $d vfio-pci
		g=$(group_of $d)
		[ -c "/dev/vfio/$g" ] && pass "/dev/vfio/$g appeared" || fail "/dev/vfio/$g is missing"
	done

	echo "== doctor passes"
	run "$doctor" $e $v
	expect_rc 0
	expect_line "ok    IOMMU: dmar0 enabled"
	if [ "$aw" = 39 ]; then
		expect_line "ok    IOMMU dmar0: 39-bit addresses (MGAW 39, SAGAW 0x2): IOVA must be below 512 GiB; Sluice places its memory low, so it fits"
	else
		expect_line "ok    IOMMU dmar0: 48-bit addresses (MGAW 48, SAGAW 0x6): IOVA below 256 TiB, any process address fits"
	fi
	expect_line "ok    module vfio_pci loaded"
	expect_line "ok    /dev/vfio/vfio (VFIO container): read/write access"
	expect_line "ok    $e (8086:10d3): bound to vfio-pci"
	expect_line "ok    $e: IOMMU group $(group_of $e) is viable (1 device)"
	expect_line "ok    /dev/vfio/$(group_of $e) (IOMMU group): read/write access"
	expect_line "ok    $v (1af4:1041): bound to vfio-pci"
	expect_line "warn  $v: virtio features cannot be read while on vfio-pci (only the virtio driver shows them)"
	expect_line "ok    hugepages 2048 kB: 256 total, 256 free (node0 256/256 free)"
	expect_line "ok    hugetlbfs mounted on /dev/hugepages (pagesize=2M)"
	expect_line "sluice-doctor: all checks passed (1 warning)"

	echo "== --status shows them on the DPDK-compatible driver"
	run "$devbind" -s
	expect_match "^$e '82574L Gigabit Network Connection 10d3' drv=vfio-pci unused=$"
	expect_match "^$v 'Virtio 1.0 network device 1041' drv=vfio-pci unused=$"

	echo "== give them back to the kernel"
	run "$devbind" -b e1000e $e
	expect_rc 0
	expect_line "$e: unbound from vfio-pci"
	expect_line "$e: bound to e1000e"
	expect_driver $e e1000e
	run "$devbind" -u $v
	expect_rc 0
	expect_line "$v: unbound from vfio-pci"
	expect_line "$v: driver_override cleared (was vfio-pci)"
	expect_driver $v ""
}

scenario_no_iommu() {
	local e=0000:00:03.0

	run "$doctor" $e
	expect_rc 1
	expect_line "fail  IOMMU: none enabled (/sys/class/iommu is empty)"
	expect_line "      fix: add intel_iommu=on (Intel) or amd_iommu=on (AMD) to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub) and reboot; in QEMU also add -device intel-iommu"
	expect_line "fail  $e: in no IOMMU group"
	for opt in "" --group; do
		run "$devbind" $opt -b vfio-pci $e
		expect_rc 1
		expect_line "sluice-devbind: error: $e is in no IOMMU group: the IOMMU is off; add intel_iommu=on (or amd_iommu=on) to the kernel command line and reboot"
		expect_lines 1
		expect_driver $e e1000e
	done
	if [ -n "$sluice_test" ]; then
		echo "== rte_eal_init -a on a device without an IOMMU names the fix"
		run "$sluice_test" eal_init_only --no-huge -l 0 -a $e
		expect_rc 1
		expect_line "init=-1 errno=19"
		expect_match "^PCI: $e \\(8086:10d3\\) is on kernel driver e1000e, not vfio-pci, so [a-z_0-9]+ cannot use it; the IOMMU is off \\(it is in no IOMMU group\\); fix: boot with intel_iommu=on \\(AMD: amd_iommu=on\\), then sluice-devbind --bind=vfio-pci $e\$"
	fi
}

scenario_no_vfio() {
	local e=0000:00:03.0

	run "$doctor" $e
	expect_rc 1
	expect_line "fail  module vfio_pci not loaded"
	expect_line "      fix: modprobe vfio-pci"
	expect_line "fail  /dev/vfio/vfio (VFIO container): missing"
	run "$devbind" -b vfio-pci $e
	expect_rc 1
	# The guest runs the host's userland, with or without kmod, and the
	# guest kernel's modules are not below its /lib/modules.
	if command -v modprobe >/dev/null; then
		expect_line "sluice-devbind: error: vfio-pci is not loaded and 'modprobe vfio-pci' failed: install the running kernel's modules, or build it with CONFIG_VFIO_PCI"
	else
		expect_line "sluice-devbind: error: driver vfio-pci is not loaded and modprobe is not installed; load it with 'modprobe vfio-pci' (package kmod)"
	fi
	expect_lines 1
	expect_driver $e e1000e
}

# A PCI bridge at 00:05.0 with two e1000 behind it (bus 01).
scenario_group() {
	local a=0000:01:01.0 b=0000:01:02.0 g

	g=$(group_of $a)
	[ "$g" = "$(group_of $b)" ] && pass "both e1000 are in IOMMU group $g" ||
		fail "the e1000 are in groups $g and $(group_of $b)"
	run "$devbind" -b vfio-pci $a
	expect_rc 0
	expect_line "$a: unbound from e1000"
	expect_driver $a vfio-pci
	expect_driver $b e1000

	echo "== doctor names the device left on e1000"
	run "$doctor" $a
	expect_rc 1
	expect_line "fail  $a: IOMMU group $g is not viable: $b (8086:100e) is bound to e1000"
	expect_line "      fix: bind the whole group: sluice-devbind --group -b vfio-pci $a (or sluice-devbind -b vfio-pci $b)"

	if [ -n "$sluice_test" ]; then
		echo "== rte_eal_init -a on the bound one names the device left on e1000"
		run "$sluice_test" eal_init_only --no-huge -l 0 -a $a
		expect_rc 1
		expect_line "init=-1 errno=1"
		expect_match "^VFIO: $a: IOMMU group $g is not viable: .*$b .*e1000.*; fix: sluice-devbind --bind=vfio-pci.* $b"
	fi

	echo "== the fix works"
	run "$devbind" --group -b vfio-pci $a
	expect_rc 0
	expect_line "$a: already bound to vfio-pci, skipping"
	expect_line "$b: bound to vfio-pci (IOMMU group $g, /dev/vfio/$g)"
	run "$doctor" $a $b
	expect_rc 0
	expect_line "ok    $a: IOMMU group $g is viable (3 devices)"
	expect_line "ok    $b: IOMMU group $g is viable (3 devices)"
}

# wait_carrier IFACE 0|1: up to 30 s for the interface's carrier to be that.
wait_carrier() {
	local i
	for i in $(seq 150); do
		[ "$(cat "/sys/class/net/$1/carrier" 2>/dev/null)" = "$2" ] && return 0
		sleep 0.2
	done
	return 1
}

# A virtio-net at 00:03.0 on its kernel driver; the host toggles its link.
scenario_link() {
	local ifc
	ifc=$(ls /sys/bus/pci/devices/0000:00:03.0/virtio*/net)
	ip link set dev "$ifc" up
	wait_carrier "$ifc" 1 && pass "$ifc: link up at boot" || fail "$ifc: no link at boot"
	: >/run/vmshare/link-up
	wait_carrier "$ifc" 0 && pass "$ifc: link down after set_link net0 off" ||
		fail "$ifc: link still up after set_link net0 off"
	: >/run/vmshare/link-down
	wait_carrier "$ifc" 1 && pass "$ifc: link up after set_link net0 on" ||
		fail "$ifc: link still down after set_link net0 on"
}

case "$scenario" in
link) scenario_link ;;
bind-aw39) scenario_bind 39 ;;
bind-aw48) scenario_bind 48 ;;
no-iommu) scenario_no_iommu ;;
no-vfio) scenario_no_vfio ;;
group) scenario_group ;;
esac
finish
