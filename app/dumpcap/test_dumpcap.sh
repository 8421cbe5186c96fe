#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-dumpcap against a running sluice-testpmd (lib/pdump end to end):
# exact packet counts and interface names read back by capinfos/tshark,
# -c and -a duration stops, SIGINT's report, a missing port, and a capture
# killed midway that leaves the primary forwarding and its queues free for
# the next capture, a -f filter that keeps only the frames it matches, and a
# full disk that stops the capture but not the forwarding.
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

# dc_start_bg ARGS...: a capture in the background ($dc), its output in dc.log.
dc_start_bg() {
	$DC "$@" >"$tpmd_dir/dc.log" 2>&1 &
	dc=$!
}
# dc_wait_file: returns once the capture has its file open and its ports hooked.
dc_wait_file() { capture_wait_file "$tpmd_dir/dc.log"; }
# dc_interrupt WHAT: SIGINT to the capture after 1.5 s; it must exit 0. Its output in $out.
dc_interrupt() { capture_interrupt $dc "$tpmd_dir/dc.log" "$1"; }
# forwarding_check WHAT: port 0's RX-packets still grow after WHAT.
forwarding_check() {
	local rx1 rx2
	tpmd_out "show port stats 0"
	rx1=$(field RX-packets 0)
	sleep 1
	tpmd_out "show port stats 0"
	rx2=$(field RX-packets 0)
	[ "${rx2:-0}" -gt "${rx1:-0}" ] && pass "forwarding goes on after $1" ||
		fail "RX-packets $rx1 then $rx2 after $1"
}

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
dc_start_bg -i net_ring0 -i 1 -c 128 -q -w "$file" && dc_wait_file
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

echo "== -f: only the frames the filter matches reach the file"
# mixed_pcap FILE: 30 UDP frames to port 9 and 20 TCP frames to port 80, interleaved
mixed_pcap() {
	python3 - "$1" <<'PY'
import struct, sys
def frame(proto, dport):
    l4 = struct.pack(">HHIIBBHHH", 1024, dport, 0, 0, 0x50, 0x02, 512, 0, 0) if proto == 6 \
        else struct.pack(">HHHH", 1024, dport, 8 + 18, 0) + bytes(18)
    ip = struct.pack(">BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 0, 0, 64, proto, 0,
                     bytes([10, 0, 0, 1]), bytes([10, 0, 0, 2]))
    return bytes([2, 0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 1]) + b"\x08\x00" + ip + l4
with open(sys.argv[1], "wb") as f:
    f.write(struct.pack("<IHHiIII", 0xa1b2c3d4, 2, 4, 0, 0, 65535, 1))
    for i in range(50):
        pkt = frame(17, 9) if i % 5 < 3 else frame(6, 80)
        f.write(struct.pack("<IIII", 1, i, len(pkt), len(pkt)) + pkt)
PY
}
mixed_pcap "$tpmd_dir/mixed.pcap"
tpmd_start --vdev "net_pcap0,rx_pcap=$tpmd_dir/mixed.pcap,tx_pcap=$tpmd_dir/tx.pcap"
tpmd_cmd "set fwd rxonly"
dc_start_bg -i net_pcap0 -f "udp port 9" -q -w "$file" && dc_wait_file
tpmd_cmd start
dc_interrupt "-f"
expect_line "Packets received/dropped on interface 'net_pcap0': 50/0 (100.0)"
[ "$(npackets "$file")" = 30 ] && pass "-f 'udp port 9': the 30 UDP frames of 50" ||
	fail "-f 'udp port 9': '$(npackets "$file")' packets, want 30"
out=$(tshark -r "$file" -Y "udp.dstport == 9" 2>/dev/null | wc -l)
[ "$out" = 30 ] && pass "tshark: all 30 are UDP to port 9" || fail "tshark: $out UDP frames to port 9"
tpmd_cmd stop
tpmd_quit && pass "primary exits cleanly" || fail "primary exit status $?"

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

dc_start_bg -i 0 -q -w "$file"
dc_interrupt "SIGINT"
expect_match "^Packets received/dropped on interface 'net_null0': [1-9][0-9]*/[0-9]+ \([0-9.]+\)$"

$DC -i 0 -q -w "$file" >/dev/null 2>&1 &
dc=$!
sleep 1.5
kill -KILL $dc
wait $dc 2>/dev/null
forwarding_check "the capture was killed"
run timeout 20 $DC -i 0 -c 100 -q -w "$file"
expect_rc 0
[ "$(npackets "$file")" = 100 ] && pass "a new capture takes over the killed one's queues" ||
	fail "capture after a killed one: '$(npackets "$file")' packets"

# a full disk: needs root to mount a small tmpfs
full=$tpmd_dir/full
if mkdir -p "$full" && mount -t tmpfs -o size=256k sluice-full "$full" 2>/dev/null; then
	run timeout 20 $DC -i 0 -q -w "$full/cap.pcapng"
	umount "$full"
	expect_rc nonzero
	expect_line "The disk of the output file is full (No space left on device): stopping; free space or write elsewhere (-w)"
	forwarding_check "the disk filled"
	run timeout 20 $DC -i 0 -c 100 -q -w "$file"
	expect_rc 0
	[ "$(npackets "$file")" = 100 ] && pass "the next capture to a good path works" ||
		fail "capture after a full disk: '$(npackets "$file")' packets"
else
	echo "cannot mount a tmpfs (not root): full-disk check skipped"
fi

echo "== bad interfaces and options"
run $DC -i net_null7 -c 1 -w "$file"
expect_rc nonzero
expect_line "Invalid interface 'net_null7': no port of that name or index; list them with -D"
run $DC -i 9 -c 1 -w "$file"
expect_rc nonzero
expect_line "Invalid interface '9': no port of that name or index; list them with -D"
run $DC -f "tcp port eighty" -w "$file"
expect_rc nonzero
expect_lines 1
expect_match "^Invalid capture filter \"tcp port eighty\": "
run $DC -a size:3
expect_rc nonzero
expect_line "Unknown autostop parameter \"size\": use duration or packets"
tpmd_cmd stop
tpmd_quit && pass "primary exits cleanly" || fail "primary exit status $?"

finish
