# SPDX-License-Identifier: BSD-3-Clause
#
# Shell helpers for the tests of sluice-devbind and sluice-doctor: checks
# on a command's output, and a fake /sys, /proc and /dev tree for the
# tools' SLUICE_SYSFS_ROOT. Sourced by the test scripts (host and guest).

failures=0
checks=0

# pass/fail MESSAGE: count one check.
pass() {
	checks=$((checks + 1))
	echo "PASS: $*"
}

fail() {
	checks=$((checks + 1))
	failures=$((failures + 1))
	echo "FAIL: $*"
}

# run CMD...: run it, keep its output (stdout and stderr) in $out and its
# exit status in $rc, and show both.
run() {
	rc=0
	out=$("$@" 2>&1) || rc=$?
	echo "\$ $* (exit $rc)"
	printf '%s\n' "$out" | sed 's/^/    /'
}

# expect_rc N: the last run exited with N ("nonzero" for any failure).
expect_rc() {
	if [ "$1" = nonzero ]; then
		[ "$rc" != 0 ] && pass "exit status $rc is nonzero" || fail "exit status 0, wanted nonzero"
	else
		[ "$rc" = "$1" ] && pass "exit status $1" || fail "exit status $rc, wanted $1"
	fi
}

# expect_line LINE: the last run printed exactly this line.
expect_line() {
	if printf '%s\n' "$out" | grep -Fxq -- "$1"; then
		pass "line: $1"
	else
		fail "no line: $1"
	fi
}

# expect_match REGEX: a line of the last run's output matches (grep -E).
expect_match() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then
		pass "match: $1"
	else
		fail "no match: $1"
	fi
}

# expect_no_match REGEX: no line of the last run's output matches.
expect_no_match() {
	if printf '%s\n' "$out" | grep -Eq -- "$1"; then
		fail "unexpected match: $1"
	else
		pass "no match: $1"
	fi
}

# expect_lines N: the last run printed exactly N lines.
expect_lines() {
	local n
	n=$(printf '%s\n' "$out" | wc -l)
	[ "$n" = "$1" ] && pass "$1 output line(s)" || fail "$n output lines, wanted $1"
}

# expect_file FILE CONTENT: FILE holds exactly CONTENT (one line).
expect_file() {
	if [ "$(cat "$1" 2>/dev/null)" = "$2" ]; then
		pass "$1 holds '$2'"
	else
		fail "$1 holds '$(cat "$1" 2>/dev/null)', wanted '$2'"
	fi
}

# finish: print the totals and exit 0 only when every check passed.
finish() {
	echo "$((checks - failures)) passed, $failures failed"
	[ "$failures" = 0 ]
	exit $?
}

# --- a fake tree -----------------------------------------------------------

# fake_root: make an empty tree (readable by any user) in $root.
fake_root() {
	root=$(mktemp -d "${TMPDIR:-/tmp}/sluice-sysfs.XXXXXX")
	chmod 755 "$root"
	trap 'rm -rf "$root"' EXIT
	mkdir -p "$root/sys/bus/pci/devices" "$root/sys/bus/pci/drivers" \
		"$root/sys/kernel/iommu_groups" "$root/sys/class/iommu" \
		"$root/sys/class/net" "$root/sys/module" "$root/proc/net" \
		"$root/dev" "$root/usr/share/misc"
	: >"$root/sys/bus/pci/drivers_probe"
	echo "BOOT_IMAGE=/vmlinuz root=/dev/vda ro" >"$root/proc/cmdline"
	echo "Iface	Destination	Gateway 	Flags	RefCnt	Use	Metric	Mask		MTU	Window	IRTT" \
		>"$root/proc/net/route"
	: >"$root/proc/mounts"
	cat >"$root/usr/share/misc/pci.ids" <<'EOF'
# A few lines in the format of pci.ids
1af4  Red Hat, Inc.
	1041  Virtio 1.0 network device
8086  Intel Corporation
	100e  82540EM Gigabit Ethernet Controller
		8086 001e  PRO/1000 MT Desktop Adapter
	10d3  82574L Gigabit Network Connection
C 02  Network controller
EOF
	export SLUICE_SYSFS_ROOT=$root
}

# fake_driver NAME: a PCI driver (its bind/unbind files take writes).
fake_driver() {
	mkdir -p "$root/sys/bus/pci/drivers/$1"
	: >"$root/sys/bus/pci/drivers/$1/unbind"
	: >"$root/sys/bus/pci/drivers/$1/bind"
}

# fake_dev BDF VENDOR DEVICE CLASS DRIVER|- GROUP|- [IFACE]
fake_dev() {
	local d=$root/sys/bus/pci/devices/$1
	mkdir -p "$d"
	echo "0x$2" >"$d/vendor"
	echo "0x$3" >"$d/device"
	echo "0x$4" >"$d/class"
	echo "(null)" >"$d/driver_override"
	printf 'pci:v0000%sd0000%ssv00008086sd00000000bc%ssc%si00\n' \
		"$(echo "$2" | tr a-f A-F)" "$(echo "$3" | tr a-f A-F)" \
		"$(echo "$4" | cut -c1-2)" "$(echo "$4" | cut -c3-4)" >"$d/modalias"
	if [ "$5" != - ]; then
		fake_driver "$5"
		ln -s "$root/sys/bus/pci/drivers/$5" "$d/driver"
	fi
	if [ "$6" != - ]; then
		mkdir -p "$root/sys/kernel/iommu_groups/$6/devices"
		ln -s "$d" "$root/sys/kernel/iommu_groups/$6/devices/$1"
		ln -s "$root/sys/kernel/iommu_groups/$6" "$d/iommu_group"
	fi
	if [ -n "${7:-}" ]; then
		mkdir -p "$d/net/$7"
		mkdir -p "$root/sys/class/net/$7"
		ln -s "$d" "$root/sys/class/net/$7/device"
	fi
}

# fake_route IFACE: give the interface an IPv4 route (it is "active").
fake_route() {
	printf '%s\t0002A8C0\t00000000\t0001\t0\t0\t0\t00FFFFFF\t0\t0\t0\n' "$1" \
		>>"$root/proc/net/route"
}

# fake_iommu CAP: an Intel IOMMU unit dmar0 with this capability register.
fake_iommu() {
	mkdir -p "$root/sys/class/iommu/dmar0/intel-iommu"
	echo "$1" >"$root/sys/class/iommu/dmar0/intel-iommu/cap"
}

# fake_vfio: vfio modules loaded and /dev/vfio/vfio present.
fake_vfio() {
	mkdir -p "$root/sys/module/vfio" "$root/sys/module/vfio_pci" \
		"$root/sys/module/vfio_iommu_type1" "$root/dev/vfio"
	fake_driver vfio-pci
	: >"$root/dev/vfio/vfio"
	chmod 600 "$root/dev/vfio/vfio"
}

# fake_hugepages SIZE_KB TOTAL FREE: one hugepage size, all on node0.
fake_hugepages() {
	local h=$root/sys/kernel/mm/hugepages/hugepages-${1}kB
	local n=$root/sys/devices/system/node/node0/hugepages/hugepages-${1}kB
	mkdir -p "$h" "$n"
	echo "$2" >"$h/nr_hugepages"
	echo "$3" >"$h/free_hugepages"
	echo "$2" >"$n/nr_hugepages"
	echo "$3" >"$n/free_hugepages"
}
