#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Secondary processes on VFIO ports, in a QEMU guest (see vmrun.sh): two
# NICs of one model (e1000e, or virtio-net for mp-vfio-virtio) on one hub
# are bound to vfio-pci and an interactive sluice-testpmd
# primary (--file-prefix) probes them. Then:
#   a. sluice-proc-info, a secondary, reads both ports' counters (BAR
#      registers through its own mapping) and they equal the primary's
#      "show port stats";
#   b. a secondary (sluice-test vfio_mp_port) sends 64 counted frames on
#      port 0's queue and receives them all on port 1's; port 0 counts
#      exactly 64 more sent frames;
#   c. while the primary forwards, a secondary reading the counters is
#      killed with SIGKILL: the primary forwards on, and keeps no fd it
#      handed out;
#   d. once the primary quits nothing is left in its runtime directory,
#      /dev/shm or /dev/hugepages, and the devices open again in a new
#      process;
#   e. a primary run with --no-pci does not answer for VFIO devices: the
#      secondary says so in one line and goes on with the primary's other
#      ports.
#
# Usage: mp_vfio_scenarios.sh mp-vfio|mp-vfio-virtio
# Environment: VM_DIR (cache folder), SLUICE_TEST, SLUICE_TESTPMD,
# SLUICE_PROC_INFO, SLUICE_DEVBIND (the binaries).

set -u
here=$(cd "$(dirname "$0")" && pwd)
scenario=${1:?usage: mp_vfio_scenarios.sh mp-vfio|mp-vfio-virtio}
sluice_test=${SLUICE_TEST:?SLUICE_TEST names the sluice-test binary}
testpmd=${SLUICE_TESTPMD:?SLUICE_TESTPMD names the sluice-testpmd binary}
proc_info=${SLUICE_PROC_INFO:?SLUICE_PROC_INFO names the sluice-proc-info binary}
devbind=${SLUICE_DEVBIND:?SLUICE_DEVBIND names the sluice-devbind binary}

case "$scenario" in
mp-vfio) model=e1000e id=8086:10d3 pmd=net_e1000_em ;;
mp-vfio-virtio) model=virtio id=1af4:1041 pmd=net_virtio ;;
*) echo "mp_vfio_scenarios: unknown scenario '$scenario'" >&2; exit 2 ;;
esac

if [ "${2:-}" != --guest ]; then
	for b in "$sluice_test" "$testpmd" "$proc_info" "$devbind"; do
		[ -x "$b" ] || { echo "mp_vfio_scenarios: $b is not built" >&2; exit 1; }
	done
	exec "$here/vmrun.sh" --dir "${VM_DIR:?VM_DIR names the cache folder}" --timeout 280 \
		--iommu 39 --nic $model@03.0 --nic $model@04.0 -- \
		/usr/bin/env SLUICE_TEST="$(readlink -f "$sluice_test")" \
		SLUICE_TESTPMD="$(readlink -f "$testpmd")" \
		SLUICE_PROC_INFO="$(readlink -f "$proc_info")" \
		SLUICE_DEVBIND="$(readlink -f "$devbind")" \
		bash "$here/mp_vfio_scenarios.sh" "$scenario" --guest
fi

# --- guest side -------------------------------------------------------------

. "$here/../../common/tools_test_lib.sh"
p0=0000:00:03.0 p1=0000:00:04.0
prefix=mpvfio
TPMD=$testpmd
. "$here/../../common/testpmd_primary_lib.sh"
# the secondaries' lcore 2 is not the primary's: mempool caches are per lcore id
SEC="--lcores 2@1 --proc-type=secondary --file-prefix $prefix"

# stats_of "PORT FIELD ..." from $out: the values, space-separated
stats_of() {
	local v=
	for pf in "$@"; do
		v="$v $(field "${pf#* }" "${pf% *}")"
	done
	echo $v
}
STATS="0 RX-packets|0 TX-packets|1 RX-packets|1 TX-packets"

run "$devbind" -b vfio-pci $p0 $p1
expect_rc 0
shm_before=$(ls -A /dev/shm 2>/dev/null | sort | tr '\n' ' ')

# the primary with hugepages and the PCI bus, its ports started and idle
TPMD_MEM= tpmd_start -a $p0 -a $p1
for _ in $(seq 50); do
	grep -q "Infos for port 1" "$tpmd_log" && break
	sleep 0.2
done
grep -q "Infos for port 1" "$tpmd_log" && pass "the primary has both ports" ||
	{ fail "the primary lacks port 1: $(tail -20 "$tpmd_log")"; finish; }
tpmd_cmd "start tx_first"
sleep 2
tpmd_cmd stop
sleep 1
fds_before=$(ls /proc/$tpmd_pid/fd | wc -l)

echo "== a. sluice-proc-info reads the primary's counters through its BAR mapping"
run "$proc_info" $SEC -- --stats
expect_rc 0
expect_match "PCI: 0000:00:03.0 \($id\) probed by $pmd"
expect_match "NIC statistics for port 1 "
IFS='|' read -ra fields <<<"$STATS"
pi=$(stats_of "${fields[@]}")
tpmd_out "show port stats all"
tp=$(stats_of "${fields[@]}")
echo "proc-info: $pi; testpmd: $tp"
read -r rx0 tx0 rx1 tx1 <<<"$pi"
[ "${rx0:-0}" -gt 0 ] && [ "${rx1:-0}" -gt 0 ] && pass "forwarded frames counted ($rx0, $rx1)" ||
	fail "no frames counted: $pi"
[ -n "$pi" ] && [ "$pi" = "$tp" ] && pass "the secondary's counters are the primary's ($pi)" ||
	fail "proc-info $pi, testpmd $tp"

echo "== b. a secondary sends and receives on the VFIO ports' queues"
run env SLUICE_VFIO_MP_PMD=$pmd "$sluice_test" vfio_mp_port $SEC
expect_rc 0
expect_line "  port 0: $pmd on $p0"
expect_line "  64 frames sent on port 0 queue 0, 64 received on port 1 queue 0, 0 bad"
expect_match "interrupts are not supported in a secondary process"
expect_match "suite vfio_mp_port: 1 passed, 0 failed, 1 skipped"
tpmd_out "show port stats all"
read -r rx0b tx0b rx1b tx1b <<<"$(stats_of "${fields[@]}")"
# net_virtio counts what is polled, so port 1 RX also has what the
# secondary drained of the primary's last forwarding; e1000e counts arrivals
[ "$((tx0b - tx0))" = 64 ] && [ "$((rx1b - rx1))" -ge 64 ] &&
	pass "the primary counts the 64 frames: port 0 TX +64, port 1 RX +$((rx1b - rx1))" ||
	fail "port 0 TX +$((tx0b - tx0)), port 1 RX +$((rx1b - rx1)), want +64 and at least +64"
[ "$rx0b" = "$rx0" ] && [ "$tx1b" = "$tx1" ] && pass "nothing went the other way" ||
	fail "port 0 RX $rx0 -> $rx0b, port 1 TX $tx1 -> $tx1b"

echo "== c. a secondary killed with SIGKILL leaves the primary forwarding"
tpmd_cmd "start tx_first"
hold_log=$(mktemp)
SLUICE_VFIO_MP_HOLD=1 SLUICE_VFIO_MP_PMD=$pmd "$sluice_test" vfio_mp_port $SEC >"$hold_log" 2>&1 &
hold=$!
for _ in $(seq 100); do
	grep -q "holding the ports" "$hold_log" && break
	sleep 0.1
done
grep -q "holding the ports" "$hold_log" && pass "the secondary holds the ports" ||
	fail "the secondary did not attach: $(tail -5 "$hold_log")"
sleep 1
kill -KILL $hold
wait $hold 2>/dev/null
tpmd_out "show port stats 0"
r1=$(field RX-packets 0)
sleep 2
tpmd_out "show port stats 0"
r2=$(field RX-packets 0)
[ "${r2:-0}" -gt "${r1:-0}" ] && pass "the primary forwards on ($r1 -> $r2)" ||
	fail "port 0 RX-packets $r1 -> $r2 after the kill"
tpmd_cmd stop
fds_after=$(ls /proc/$tpmd_pid/fd | wc -l)
[ "$fds_after" = "$fds_before" ] && pass "the primary holds $fds_after fds, as before the secondaries" ||
	fail "the primary held $fds_before fds, now $fds_after"

echo "== d. nothing left once the primary quits"
tpmd_quit && pass "the primary quit with status 0" || fail "testpmd exit status $?"
left=$(ls -A /var/run/dpdk/$prefix 2>/dev/null | tr '\n' ' ')
[ -z "$left" ] && pass "nothing in /var/run/dpdk/$prefix" || fail "left in /var/run/dpdk/$prefix: $left"
if [ -d /dev/shm ]; then
	shm_after=$(ls -A /dev/shm | sort | tr '\n' ' ')
	[ "$shm_after" = "$shm_before" ] && pass "nothing new in /dev/shm" ||
		fail "/dev/shm was '$shm_before', now '$shm_after'"
else
	echo "(this guest has no /dev/shm)"
fi
huge=$(ls -A /dev/hugepages | tr '\n' ' ')
[ -z "$huge" ] && pass "no hugepage file left" || fail "left in /dev/hugepages: $huge"
run timeout 60 "$TPMD" -l 0-1 --file-prefix $prefix -a $p0 -a $p1 -- --forward-mode=io \
	--tx-first --run-time=2
expect_rc 0
expect_match "probed by $pmd"
run "$proc_info" $SEC -- --stats
expect_rc nonzero
expect_match "no primary process runs with --file-prefix $prefix"

echo "== e. a primary without PCI: the secondary leaves the VFIO ports out, in one line"
TPMD_MEM=--no-pci tpmd_start --vdev net_null0
run "$proc_info" $SEC -- --stats
expect_rc 0
expect_match "NIC statistics for port 0 "
expect_no_match "NIC statistics for port 1 "
n=$(grep -c "did not answer for its VFIO devices" <<<"$out")
[ "$n" = 1 ] && pass "one line for both devices" || fail "$n lines about the silent primary"
expect_match "fix: give the device to the primary \(-a BDF\), or start this process with --no-pci"
tpmd_quit && pass "the primary quit with status 0" || fail "testpmd exit status $?"
finish
