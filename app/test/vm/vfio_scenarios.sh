#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# The PCI bus on real VFIO in a QEMU guest (see vmrun.sh): sluice-devbind
# binds an e1000e and a virtio-net to vfio-pci, then the "vfio" suite of
# sluice-test probes each through rte_eal_init -a, reads a register through
# the mapped BAR, checks the DMA mappings with the kernel, re-opens the
# device in the same process and cleans up. A third NIC stays on e1000e:
# -a of it must fail rte_eal_init with the devbind command.
#
# Usage: vfio_scenarios.sh probe-aw39|probe-aw48
# Environment: VM_DIR (cache folder), SLUICE_TEST, SLUICE_DEVBIND (the
# binaries; built with -Dcpu_instruction_set=x86-64-v2 or lower, since the
# guest's CPU is QEMU's, not the host's).

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: vfio_scenarios.sh probe-aw39|probe-aw48}
sluice_test=${SLUICE_TEST:?SLUICE_TEST names the sluice-test binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}

if [ "${2:-}" != --guest ]; then
	case "$scenario" in
	probe-aw39) aw=39 ;;
	probe-aw48) aw=48 ;;
	*) echo "vfio_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
	esac
	for b in "$sluice_test" "$devbind"; do
		[ -x "$b" ] || { echo "vfio_scenarios: $b is not built" >&2; exit 1; }
	done
	exec "$here/vmrun.sh" --dir "${VM_DIR:?VM_DIR names the cache folder}" --timeout 240 \
		--iommu "$aw" --nic e1000e@03.0 --nic virtio@04.0 --nic e1000e@05.0 -- \
		/usr/bin/env SLUICE_TEST="$(readlink -f "$sluice_test")" \
		SLUICE_DEVBIND="$(readlink -f "$devbind")" \
		bash "$here/vfio_scenarios.sh" "$scenario" --guest
fi

# --- guest side -----------------------------------------------------------

failed=0
check() {	# check FILE FIXED-STRING
	if grep -qF -- "$2" "$1"; then
		echo "PASS $2"
	else
		echo "FAIL missing: $2"
		failed=1
	fi
}

"$devbind" -b vfio-pci 0000:00:03.0 0000:00:04.0 || { echo "FAIL devbind"; exit 1; }

out=$(mktemp)
# e1000e without hugepages and with the kernel-owned check; virtio with hugepages.
SLUICE_VFIO_BDF=0000:00:03.0 SLUICE_VFIO_KERNEL_BDF=0000:00:05.0 \
	"$sluice_test" vfio -l 0-1 --no-huge >"$out" 2>&1
rc=$?
cat "$out"
[ $rc = 0 ] && echo "PASS e1000e suite exit 0" || { echo "FAIL e1000e suite exit $rc"; failed=1; }
check "$out" "PCI: 0000:00:03.0 (8086:10d3) probed by test_vfio"
check "$out" "VFIO: IOMMU type1v2, usable IOVA up to"
check "$out" "suite vfio: 6 passed, 0 failed, 0 skipped"

# The same device again in a new process of the same boot: the first one
# left the group and the device reusable.
SLUICE_VFIO_BDF=0000:00:03.0 "$sluice_test" vfio -l 0-1 --no-huge >"$out" 2>&1
rc=$?
[ $rc = 0 ] && echo "PASS e1000e suite again in the same boot" ||
	{ cat "$out"; echo "FAIL e1000e suite again: exit $rc"; failed=1; }
check "$out" "PCI: 0000:00:03.0 (8086:10d3) probed by test_vfio"

SLUICE_VFIO_BDF=0000:00:04.0 "$sluice_test" vfio -l 0-1 >"$out" 2>&1
rc=$?
cat "$out"
[ $rc = 0 ] && echo "PASS virtio suite exit 0" || { echo "FAIL virtio suite exit $rc"; failed=1; }
check "$out" "PCI: 0000:00:04.0 (1af4:1041) probed by test_vfio"
check "$out" "suite vfio: 5 passed, 0 failed, 1 skipped"
rm -f "$out"
exit $failed
