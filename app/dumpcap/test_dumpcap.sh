#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-dumpcap against a running sluice-testpmd (lib/pdump end to end):
# exact packet counts and interface names read back by capinfos/tshark,
# -c and -a duration stops, SIGINT's report, a missing port, and a capture
# killed midway that leaves the primary forwarding and its queues free for
# the next capture.
#
#   test_dumpcap.sh PATH/TO/sluice-dumpcap PATH/TO/sluice-testpmd
set -u
DUMPCAP=$1
TPMD=$2
. "$(dirname "$0")/../common/tools_test_lib.sh"
prefix=dumpcap$$
. "$(dirname "$0")/../common/testpmd_primary_lib.sh"

command -v tshark >/dev/null && command -v capinfos >/dev/null || {
	echo "tshark/capinfos (wireshark) are not installed: skipped"
	exit 77
}
DC="$DUMPCAP --file-prefix $prefix"
file=$tpmd_dir/cap.pcapng

# npackets FILE: the packet count capinfos reads.
npackets() { capinfos -c -M "$1" 2>/dev/null | awk '/Number of packets/ { print $NF }'; }
# per_iface FILE: "COUNT NAME" lines, one an interface.
per_iface() { tshark -r "$1" -T fields -e frame.interface_name 2>/dev/null | sort | uniq -c |
	awk '{ print $1, $2 }'; }

echo "== no primary: one line, nonzero exit"
run $DUMPCAP --file-prefix "none$$" -c 1 -w "$file"
expect_rc nonzero
expect_match "no primary process runs with --file-prefix none$$"
expect_line "EAL init failed: is primary process running?"

echo "== net_ring ports: one burst each way on each port, every copy in the file"
tpmd_start --vdev net_ring0 --vdev net_ring1
tpmd_cmd "set fwd rxonly"
run $DC -D
expect_rc 0
expect_line "0. net_ring0"
expect_line "1. net_ring1"
$DC -i net_ring0 -i 1 -c 128 -q -w "$file" >"$tpmd_dir/dc.log" 2>&1 &
dc=$!
for _ in $(seq 50); do
	grep -q "^File: " "$tpmd_dir/dc.log" && break
	sleep 0.1
done
sleep 0.5
tpmd_cmd "start tx_first"
if timeout 20 tail --pid=$dc -f /dev/null; then
	wait $dc
	rc=$?
	[ $rc = 0 ] && pass "dumpcap -c 128 exited 0" || fail "dumpcap exit status $rc"
else
	kill $dc
	fail "dumpcap -c 128 did not stop: $(cat "$tpmd_dir/dc.log")"
fi
out=$(cat "$tpmd_dir/dc.log")
expect_line "Capturing on 'net_ring0'"
expect_line "Capturing on 'net_ring1'"
expect_line "Packets received/dropped on interface 'net_ring0': 64/0 (100.0)"
expect_line "Packets received/dropped on interface 'net_ring1': 64/0 (100.0)"
[ "$(npackets "$file")" = 128 ] && pass "capinfos: 128 packets" ||
	fail "capinfos: '$(npackets "$file")' packets, want 128"
out=$(per_iface "$file")
expect_line "64 net_ring0"
expect_line "64 net_ring1"
out=$(tshark -r "$file" -T fields -e frame.len -e pkt_comment 2>/dev/null | sort -u)
expect_match "^64"
tpmd_cmd stop
tpmd_quit && pass "primary exits cleanly after a capture" || fail "primary exit status $?"

echo "== net_null ports forwarding: -c, -s, -a duration, SIGINT, a killed capture"
tpmd_start --vdev net_null0 --vdev net_null1
tpmd_cmd start
run timeout 20 $DC -i 0 -c 500 -s 40 -q -w "$file"
expect_rc 0
[ "$(npackets "$file")" = 500 ] && pass "-c 500: 500 packets" ||
	fail "-c 500: '$(npackets "$file")' packets"
out=$(tshark -r "$file" -T fields -e frame.cap_len -e frame.len 2>/dev/null | sort -u)
expect_line "40	64"

timeout 20 $DC -i 1 -c 50 -q -w - >"$file" 2>/dev/null
[ "$(npackets "$file")" = 50 ] && pass "-w -: a clean pcapng of 50 packets on stdout" ||
	fail "-w -: '$(npackets "$file")' packets read back"

run timeout 20 $DC -i net_null1 -a duration:1 -q -w "$file"
expect_rc 0
expect_match "^Packets received/dropped on interface 'net_null1': [1-9][0-9]*/"
[ "$(npackets "$file")" -gt 0 ] && pass "-a duration:1 captured" || fail "nothing captured"

$DC -i 0 -q -w "$file" >"$tpmd_dir/dc.log" 2>&1 &
dc=$!
sleep 1.5
kill -INT $dc
wait $dc
rc=$?
out=$(cat "$tpmd_dir/dc.log")
[ $rc = 0 ] && pass "SIGINT: exit 0" || fail "SIGINT: exit status $rc"
expect_match "^Packets received/dropped on interface 'net_null0': [1-9][0-9]*/[0-9]+ \([0-9.]+\)$"

$DC -i 0 -q -w "$file" >/dev/null 2>&1 &
dc=$!
sleep 1.5
kill -KILL $dc
wait $dc 2>/dev/null
tpmd_out "show port stats 0"
rx1=$(field RX-packets 0)
sleep 1
tpmd_out "show port stats 0"
rx2=$(field RX-packets 0)
[ "${rx2:-0}" -gt "${rx1:-0}" ] && pass "forwarding goes on after the capture was killed" ||
	fail "RX-packets $rx1 then $rx2 after dumpcap was killed"
run timeout 20 $DC -i 0 -c 100 -q -w "$file"
expect_rc 0
[ "$(npackets "$file")" = 100 ] && pass "a new capture takes over the killed one's queues" ||
	fail "capture after a killed one: '$(npackets "$file")' packets"

echo "== bad interfaces and options"
run $DC -i net_null7 -c 1 -w "$file"
expect_rc nonzero
expect_line "Invalid interface 'net_null7': no port of that name or index; list them with -D"
run $DC -i 9 -c 1 -w "$file"
expect_rc nonzero
expect_line "Invalid interface '9': no port of that name or index; list them with -D"
run $DC -f "tcp port 80" -w "$file"
expect_rc nonzero
expect_lines 1
run $DC -a size:3
expect_rc nonzero
expect_line "Unknown autostop parameter \"size\": use duration or packets"
tpmd_cmd stop
tpmd_quit && pass "primary exits cleanly" || fail "primary exit status $?"

finish
