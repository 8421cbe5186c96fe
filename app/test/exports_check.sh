#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# libsluice.so exports DPDK's names only: rte_* and the few other names
# that DPDK 22.11's lib/*/version.map export (the allow-list file, one a
# line). Anything else is an internal helper that leaked out of the
# hidden-by-default build. Usage: exports_check.sh LIBSLUICE_SO ALLOW_LIST
set -u
command -v nm >/dev/null || { echo "nm (binutils) is not installed: skipped"; exit 77; }
lib=$1
allow=$2
syms=$(nm -D --defined-only "$lib" | awk 'NF >= 3 { print $3 }') || exit 1
# An empty or foreign list would pass every check below.
printf '%s\n' "$syms" | grep -qx 'rte_eal_init' || {
	echo "FAIL: $lib does not export rte_eal_init: not libsluice?"
	exit 1
}
# __odr_asan.<name>: what -fsanitize=address adds beside each exported variable.
bad=$(printf '%s\n' "$syms" | grep -v -e '^rte_' -e '^__odr_asan[._]' | grep -vxF -f "$allow" |
	sort)
if [ -n "$bad" ]; then
	echo "FAIL: $lib exports names that are neither rte_* nor in $allow:"
	printf '  %s\n' $bad
	echo "Give each an rte_ name if drivers outside the tree need it, else drop __rte_export."
	exit 1
fi
echo "$(printf '%s\n' "$syms" | wc -l) exported symbols, all rte_* or DPDK's own"
