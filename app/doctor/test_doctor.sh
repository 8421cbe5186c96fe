#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Host tests of sluice-doctor on a fake sysfs tree: every check's ok, warn
# and fail lines with their fixes, and the exit status. The same checks
# run on a real guest kernel in app/test/vm.
#
# Usage: test_doctor.sh PATH/TO/sluice-doctor

set -u
doctor=$1
. "$(dirname "$0")/../common/tools_test_lib.sh"

# VT-d capability register: MGAW (bits 21:16) is the width minus one,
# SAGAW (bits 12:8) the page-table depths.
cap39=$(printf '%x' $(((38 << 16) | (0x2 << 8))))
cap48=$(printf '%x' $(((47 << 16) | (0x6 << 8))))

# features: 64 '0'/'1' characters, bit 0 first; $1 is bit 33's value.
virtio_features() {
	printf '%033d%s%030d' 0 "$1" 0 | sed 's/^0/1/'
}

fake_root
fake_iommu "$cap39"
fake_vfio
fake_hugepages 2048 256 256
echo "hugetlbfs /dev/hugepages hugetlbfs rw,relatime,pagesize=2M 0 0" >"$root/proc/mounts"
fake_dev 0000:00:03.0 8086 10d3 020000 vfio-pci 3
: >"$root/dev/vfio/3"

echo "== a machine where a run works"
run "$doctor" 00:03.0
expect_rc 0
expect_line "ok    IOMMU: dmar0 enabled"
expect_line "ok    IOMMU dmar0: 39-bit addresses (MGAW 39, SAGAW 0x2): IOVA must be below 512 GiB; Sluice places its memory low, so it fits"
expect_line "ok    module vfio loaded"
expect_line "ok    module vfio_iommu_type1 loaded"
expect_line "ok    module vfio_pci loaded"
expect_line "ok    /dev/vfio/vfio (VFIO container): read/write access"
expect_line "ok    0000:00:03.0 (8086:10d3): bound to vfio-pci"
expect_line "ok    0000:00:03.0: IOMMU group 3 is viable (1 device)"
expect_line "ok    /dev/vfio/3 (IOMMU group): read/write access"
expect_line "ok    hugepages 2048 kB: 256 total, 256 free (node0 256/256 free)"
expect_line "ok    hugetlbfs mounted on /dev/hugepages (pagesize=2M)"
expect_line "ok    locked memory: running as root, not limited"
expect_line "sluice-doctor: all checks passed (0 warnings)"
expect_no_match "^(warn|fail)"

echo "== without a device, those on vfio-pci are checked"
run "$doctor"
expect_rc 0
expect_line "ok    0000:00:03.0 (8086:10d3): bound to vfio-pci"

echo "== a 48-bit IOMMU"
fake_iommu "$cap48"
run "$doctor" 00:03.0
expect_rc 0
expect_line "ok    IOMMU dmar0: 48-bit addresses (MGAW 48, SAGAW 0x6): IOVA below 256 TiB, any process address fits"

echo "== no IOMMU: the fix names the kernel option"
rm -rf "$root/sys/class/iommu/dmar0"
run "$doctor" 00:03.0
expect_rc 1
expect_line "fail  IOMMU: none enabled (/sys/class/iommu is empty)"
expect_line "      fix: add intel_iommu=on (Intel) or amd_iommu=on (AMD) to the kernel command line (GRUB_CMDLINE_LINUX in /etc/default/grub, update-grub) and reboot; in QEMU also add -device intel-iommu"
expect_match "^sluice-doctor: [0-9]+ checks? failed"
echo "BOOT_IMAGE=/vmlinuz intel_iommu=on" >"$root/proc/cmdline"
run "$doctor" 00:03.0
expect_line "fail  IOMMU: none present (/sys/class/iommu is empty)"
expect_line "      fix: the kernel has the IOMMU option but found no IOMMU: enable VT-d (Intel) or AMD-Vi in the firmware setup; in QEMU add -device intel-iommu to a q35 machine"
fake_iommu "$cap39"

echo "== a device on its kernel driver: the fix is the devbind command"
fake_dev 0000:00:04.0 8086 10d3 020000 e1000e 4 eth1
run "$doctor" 00:04.0
expect_rc 1
expect_line "fail  0000:00:04.0 (8086:10d3): on kernel driver e1000e, not vfio-pci"
expect_line "      fix: sluice-devbind -b vfio-pci 0000:00:04.0"
fake_dev 0000:00:06.0 8086 10d3 020000 - 6
run "$doctor" 00:06.0
expect_line "fail  0000:00:06.0 (8086:10d3): bound to no driver, not vfio-pci"

echo "== a group that is not viable names the other device and its driver"
fake_dev 0000:00:07.0 8086 100e 020000 vfio-pci 7
fake_dev 0000:00:07.1 8086 100e 020000 e1000 7
fake_dev 0000:00:07.2 8086 1234 060400 pcieport 7
: >"$root/dev/vfio/7"
run "$doctor" 00:07.0
expect_rc 1
expect_line "ok    0000:00:07.0 (8086:100e): bound to vfio-pci"
expect_line "fail  0000:00:07.0: IOMMU group 7 is not viable: 0000:00:07.1 (8086:100e) is bound to e1000"
expect_line "      fix: bind the whole group: sluice-devbind --group -b vfio-pci 0000:00:07.0 (or sluice-devbind -b vfio-pci 0000:00:07.1)"
rm "$root/sys/bus/pci/devices/0000:00:07.1/driver"
run "$doctor" 00:07.0
expect_rc 0
expect_line "ok    0000:00:07.0: IOMMU group 7 is viable (3 devices)"

echo "== virtio: VIRTIO_F_ACCESS_PLATFORM from the features the driver shows"
fake_dev 0000:00:05.0 1af4 1041 020000 virtio-pci 5
mkdir -p "$root/sys/bus/pci/devices/0000:00:05.0/virtio1"
virtio_features 1 >"$root/sys/bus/pci/devices/0000:00:05.0/virtio1/features"
run "$doctor" 00:05.0
expect_line "ok    0000:00:05.0: virtio device offers VIRTIO_F_ACCESS_PLATFORM (DMA goes through the IOMMU)"
virtio_features 0 >"$root/sys/bus/pci/devices/0000:00:05.0/virtio1/features"
run "$doctor" 00:05.0
expect_rc 1
expect_line "fail  0000:00:05.0: virtio device does not offer VIRTIO_F_ACCESS_PLATFORM"
expect_line "      fix: give the device VIRTIO_F_ACCESS_PLATFORM (QEMU: -device virtio-net-pci,iommu_platform=on,disable-legacy=on); without it its DMA bypasses the IOMMU"
fake_dev 0000:00:08.0 1af4 1041 020000 vfio-pci 8
: >"$root/dev/vfio/8"
run "$doctor" 00:08.0
expect_rc 0
expect_line "warn  0000:00:08.0: virtio features cannot be read while on vfio-pci (only the virtio driver shows them)"
expect_line "sluice-doctor: all checks passed (1 warning)"

echo "== bad device names"
run "$doctor" zz 00:09.0
expect_rc 1
expect_line "fail  'zz' is not a PCI address"
expect_line "fail  0000:00:09.0: no such PCI device"
run "$doctor" --bogus
expect_rc 2
expect_line "sluice-doctor: error: unknown option '--bogus'; see sluice-doctor --help"

echo "== vfio modules missing"
rm -rf "$root/sys/module/vfio_pci" "$root/dev/vfio/vfio"
run "$doctor" 00:03.0
expect_rc 1
expect_line "fail  module vfio_pci not loaded"
expect_line "      fix: modprobe vfio-pci"
expect_line "fail  /dev/vfio/vfio (VFIO container): missing"
fake_vfio

echo "== hugepages: none free, no hugetlbfs mount"
fake_hugepages 2048 256 0
: >"$root/proc/mounts"
run "$doctor" 00:03.0
expect_rc 1
expect_line "warn  hugepages 2048 kB: 256 total, 0 free (node0 0/256 free)"
expect_line "fail  hugepages: none free"
expect_line "      fix: echo 256 > /sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages (or hugepages=256 on the kernel command line), or run with --no-huge"
expect_line "warn  hugetlbfs: not mounted"
fake_hugepages 2048 256 256

if [ "$(id -u)" = 0 ] && command -v setpriv >/dev/null && command -v prlimit >/dev/null; then
	echo "== a user without root: locked-memory limit and /dev/vfio access"
	run env USER=nobody prlimit --memlock=65536:65536 \
		setpriv --reuid=65534 --regid=65534 --clear-groups "$doctor" 00:03.0
	expect_rc 1
	expect_line "fail  locked memory: limit 64 KiB is below the 524288 KiB of hugepages VFIO must pin (RLIMIT_MEMLOCK)"
	expect_line "      fix: ulimit -l unlimited, or 'nobody hard memlock unlimited' in /etc/security/limits.conf (LimitMEMLOCK=infinity for a service)"
	expect_line "fail  /dev/vfio/vfio (VFIO container): no read/write access (mode 600, owner 0)"
	expect_line "      fix: run as root, or give this user the device: chown nobody /dev/vfio/vfio (a udev rule makes it last)"
fi

finish
