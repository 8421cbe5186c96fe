#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host tests of sluice-devbind on a fake sysfs tree: parsing, --status,
# --dry-run, --group and the error messages. Real binding is tested in the
# QEMU guest (app/test/vm).
#
# Usage: test_devbind.sh PATH/TO/sluice-devbind

set -u
devbind=$1
. "$(dirname "$0")/../common/tools_test_lib.sh"

fake_root
fake_vfio
fake_dev 0000:00:03.0 8086 10d3 020000 e1000e 3 eth0
fake_route eth0
fake_dev 0000:00:04.0 1af4 1041 020000 vfio-pci 4
fake_dev 0000:00:05.0 8086 100e 020000 - 5
fake_dev 0000:00:06.0 8086 1234 020000 - 6
fake_dev 0000:00:07.0 8086 100e 020000 e1000 7
fake_dev 0000:00:07.1 8086 100e 020000 e1000 7
fake_dev 0000:00:07.2 8086 1234 060400 - 7
fake_dev 0000:00:1f.0 8086 2918 060100 lpc_ich 8
aliases=$root/lib/modules/$(uname -r)
mkdir -p "$aliases"
cat >"$aliases/modules.alias" <<'EOF'
alias pci:v00008086d000010D3sv*sd*bc*sc*i* e1000e
alias pci:v00008086d0000100Esv*sd*bc*sc*i* e1000
alias pci:v00001AF4d*sv*sd*bc*sc*i* virtio_pci
alias vfio_pci:v*d*sv*sd*bc*sc*i* vfio_pci
EOF

echo "== --status groups network devices as dpdk-devbind does"
run "$devbind" --status
expect_rc 0
expected="
Network devices using DPDK-compatible driver
============================================
0000:00:04.0 'Virtio 1.0 network device 1041' drv=vfio-pci unused=virtio_pci

Network devices using kernel driver
===================================
0000:00:03.0 '82574L Gigabit Network Connection 10d3' if=eth0 drv=e1000e unused=vfio-pci *Active*
0000:00:07.0 '82540EM Gigabit Ethernet Controller 100e' if= drv=e1000 unused=vfio-pci
0000:00:07.1 '82540EM Gigabit Ethernet Controller 100e' if= drv=e1000 unused=vfio-pci

Other Network devices
=====================
0000:00:05.0 '82540EM Gigabit Ethernet Controller 100e' unused=e1000,vfio-pci
0000:00:06.0 'Device 1234 1234' unused=vfio-pci"
[ "$out" = "$expected" ] && pass "--status output" || fail "--status output differs"

echo "== without pci.ids, names are ids"
mv "$root/usr/share/misc/pci.ids" "$root/pci.ids.saved"
run "$devbind" -s
expect_line "0000:00:03.0 'Device 10d3 10d3' if=eth0 drv=e1000e unused=vfio-pci *Active*"
mv "$root/pci.ids.saved" "$root/usr/share/misc/pci.ids"

echo "== an active device is refused without --force, nothing changes"
run "$devbind" -b vfio-pci 00:03.0
expect_rc 1
expect_line "sluice-devbind: error: 0000:00:03.0 (eth0) is active: its interface has routes; take it down first (ip link set eth0 down) or pass --force"
expect_lines 1
expect_file "$root/sys/bus/pci/devices/0000:00:03.0/driver_override" "(null)"
expect_file "$root/sys/bus/pci/drivers/e1000e/unbind" ""

echo "== --dry-run --force prints each change and makes none"
run "$devbind" --dry-run --force -b vfio-pci 00:03.0
expect_rc 0
expect_line "0000:00:03.0: would unbind from e1000e"
expect_line "0000:00:03.0: would bind to vfio-pci"
expect_lines 2
expect_file "$root/sys/bus/pci/devices/0000:00:03.0/driver_override" "(null)"
expect_file "$root/sys/bus/pci/drivers/e1000e/unbind" ""
expect_file "$root/sys/bus/pci/drivers_probe" ""

echo "== an interface name stands for its device"
run "$devbind" -n --force --bind=vfio-pci eth0
expect_rc 0
expect_line "0000:00:03.0: would bind to vfio-pci"

echo "== a device already on the driver is skipped"
run "$devbind" -n -b vfio-pci 0000:00:04.0
expect_rc 0
expect_line "0000:00:04.0: already bound to vfio-pci, skipping"

echo "== --group takes every device of the IOMMU group but bridges"
run "$devbind" -n --group -b vfio-pci 00:07.0
expect_rc 0
expect_line "0000:00:07.0: would unbind from e1000"
expect_line "0000:00:07.0: would bind to vfio-pci"
expect_line "0000:00:07.1: would unbind from e1000"
expect_line "0000:00:07.1: would bind to vfio-pci"
expect_lines 4

echo "== bad addresses: one line with the fix, nothing changed"
run "$devbind" -b vfio-pci 00:3.0
expect_rc 1
expect_line "sluice-devbind: error: '00:3.0' is not a PCI address (DDDD:BB:DD.F or BB:DD.F) nor a network interface; see sluice-devbind --status"
expect_lines 1
run "$devbind" -b vfio-pci 00:20.0
expect_rc 1
expect_line "sluice-devbind: error: '00:20.0' is not a PCI address (DDDD:BB:DD.F or BB:DD.F) nor a network interface; see sluice-devbind --status"
run "$devbind" -b vfio-pci 00:0A.0 00:05.0
expect_rc 1
expect_line "sluice-devbind: error: no PCI device 0000:00:0a.0; see sluice-devbind --status for the devices"
expect_lines 1
expect_file "$root/sys/bus/pci/devices/0000:00:05.0/driver_override" "(null)"
expect_file "$root/sys/bus/pci/drivers_probe" ""

echo "== an unknown driver: one line with the fix, nothing changed"
stub=$root/stub-bin
mkdir -p "$stub"
printf '#!/bin/sh\nexit 1\n' >"$stub/modprobe"
chmod 755 "$stub/modprobe"
run env PATH="$stub" "$devbind" -b nosuchdrv 00:05.0
expect_rc 1
expect_line "sluice-devbind: error: unknown driver 'nosuchdrv': it is not loaded and 'modprobe nosuchdrv' failed; use vfio-pci, or the name of a kernel driver from sluice-devbind --status"
expect_lines 1
run env PATH=/nonexistent "$devbind" -b nosuchdrv 00:05.0
expect_rc 1
expect_line "sluice-devbind: error: driver nosuchdrv is not loaded and modprobe is not installed; load it with 'modprobe nosuchdrv' (package kmod)"
expect_file "$root/sys/bus/pci/devices/0000:00:05.0/driver_override" "(null)"
expect_file "$root/sys/bus/pci/drivers_probe" ""

echo "== vfio-pci missing and modprobe failing: one line with the fix"
mv "$root/sys/bus/pci/drivers/vfio-pci" "$root/vfio-pci.saved"
run env PATH="$stub" "$devbind" -b vfio-pci 00:05.0
expect_rc 1
expect_line "sluice-devbind: error: vfio-pci is not loaded and 'modprobe vfio-pci' failed: install the running kernel's modules, or build it with CONFIG_VFIO_PCI"
expect_lines 1
mv "$root/vfio-pci.saved" "$root/sys/bus/pci/drivers/vfio-pci"

echo "== vfio-pci needs an IOMMU group"
fake_dev 0000:00:09.0 8086 10d3 020000 e1000e -
run "$devbind" -b vfio-pci 00:09.0
expect_rc 1
expect_line "sluice-devbind: error: 0000:00:09.0 is in no IOMMU group: the IOMMU is off; add intel_iommu=on (or amd_iommu=on) to the kernel command line and reboot"
expect_lines 1
expect_file "$root/sys/bus/pci/drivers/e1000e/unbind" ""
run "$devbind" -n -b e1000 00:09.0
expect_rc 0
expect_line "0000:00:09.0: would bind to e1000"

echo "== usage errors"
run "$devbind"
expect_rc 2
expect_match "^Usage: sluice-devbind"
run "$devbind" -b vfio-pci
expect_rc 2
expect_line "sluice-devbind: error: no device given; name PCI addresses, see sluice-devbind --status"
run "$devbind" -b vfio-pci -u 00:05.0
expect_rc 2
expect_line "sluice-devbind: error: --bind and --unbind exclude each other; pick one"
for bad in "" "-r" "../devices" "vfio-pci/../../x" "e1000e x" "$(printf 'a%.0s' $(seq 56))"; do
	run env PATH="$stub" "$devbind" -b "$bad" 00:05.0
	expect_rc 2
	expect_line "sluice-devbind: error: invalid driver name '$bad': give a kernel module name (letters, digits, '_' and '-', not starting with '-', at most 55), e.g. -b vfio-pci"
	expect_lines 1
	expect_file "$root/sys/bus/pci/devices/0000:00:05.0/driver_override" "(null)"
done
run "$devbind" --bogus 00:05.0
expect_rc 2
expect_line "sluice-devbind: error: unknown option '--bogus'; see sluice-devbind --help"
expect_lines 1
run "$devbind" -sX
expect_rc 2
expect_line "sluice-devbind: error: unknown option '-X'; see sluice-devbind --help"
expect_lines 1
run "$devbind" -b
expect_rc 2
expect_line "sluice-devbind: error: option '-b' needs a value; see sluice-devbind --help"
expect_lines 1
run "$devbind" --help
expect_rc 0
expect_match "^  -b, --bind DRIVER"

if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null; then
	echo "== a user without root: one line with the fix, nothing changed"
	run setpriv --reuid=65534 --regid=65534 --clear-groups "$devbind" -b vfio-pci 00:05.0
	expect_rc 1
	expect_line "sluice-devbind: error: changing drivers needs root; run it with sudo (or --dry-run)"
	expect_lines 1
	expect_file "$root/sys/bus/pci/devices/0000:00:05.0/driver_override" "(null)"
fi

echo "== unbinding writes the address to the driver's unbind file"
run "$devbind" -u 00:04.0 00:05.0
expect_rc 0
expect_line "0000:00:04.0: unbound from vfio-pci"
expect_line "0000:00:05.0: not bound to any driver, skipping"
expect_file "$root/sys/bus/pci/drivers/vfio-pci/unbind" "0000:00:04.0"

echo "== binding writes driver_override and drivers_probe, and undoes them when no driver took the device"
run "$devbind" -b vfio-pci 00:05.0
expect_rc 1
expect_line "sluice-devbind: error: 0000:00:05.0: vfio-pci did not take the device (see dmesg)"
expect_line "0000:00:05.0: driver_override cleared (was vfio-pci)"
expect_file "$root/sys/bus/pci/drivers_probe" "0000:00:05.0"
expect_file "$root/sys/bus/pci/devices/0000:00:05.0/driver_override" ""

finish
