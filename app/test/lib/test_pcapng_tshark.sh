#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# A pcapng file written by lib/pcapng (sluice-test's pcapng_file suite, two
# net_null ports) read by Wireshark's tshark and capinfos: interface names
# and descriptions, direction flags, queues, lengths, every byte, packet
# count, data size, nanosecond resolution and the statistics block.
#
#   test_pcapng_tshark.sh PATH/TO/sluice-test
set -u
TEST=$1
for t in tshark capinfos text2pcap; do
	command -v "$t" >/dev/null || { echo "SKIP: $t is not installed (scripts/deps.sh)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
# tshark warns when run as root; only its data matters here
tsk() { tshark "$@" 2>/dev/null; }

out=$(PCAPNG_OUT=$dir/cap.pcapng "$TEST" pcapng_file --no-huge -l 0-1 2>&1)
[ $? = 0 ] && grep -q "1 passed" <<<"$out" || { echo "FAIL: writer: $(tail -5 <<<"$out")"; exit 1; }

echo "== tshark: interface, direction, queue, lengths of each packet"
want=$'net_null_pcapng0\tport 0 (net_null)\t0x00000001\t1\t60\t60
net_null_pcapng0\tport 0 (net_null)\t0x00000001\t1\t61\t61
net_null_pcapng0\tport 0 (net_null)\t0x00000001\t1\t1514\t1514
net_null_pcapng1\tport 1 (net_null)\t0x00000002\t0\t128\t128
net_null_pcapng1\tport 1 (net_null)\t0x00000002\t0\t601\t601
net_null_pcapng0\tport 0 (net_null)\t0x00000000\t2\t1000\t200'
got=$(tsk -r "$dir/cap.pcapng" -T fields -e frame.interface_name -e frame.interface_description \
	-e frame.packet_flags_direction -e frame.interface_queue -e frame.len -e frame.cap_len)
[ "$got" = "$want" ] || fail "tshark reads:"$'\n'"$got"$'\n'"want:"$'\n'"$want"
dirs=$(tsk -r "$dir/cap.pcapng" -T fields -e frame.p2p_dir | tr '\n' ' ')
[ "$dirs" = "1 1 1 0 0  " ] || fail "p2p directions '$dirs', want '1 1 1 0 0  '"

echo "== tshark: the bytes of each packet"
# the writer's packets as a text2pcap hex dump: packet seq's byte i is
# (seq * 31 + i * 7) mod 256, the last one cut at 200 bytes
awk -v sizes="60 61 1514 128 601 200" -f "$(dirname "$0")/../frames_hex.awk" >"$dir/want.txt"
text2pcap -q "$dir/want.txt" "$dir/want.pcap" || fail "text2pcap"
[ "$(tsk -r "$dir/cap.pcapng" -x | md5sum)" = "$(tsk -r "$dir/want.pcap" -x | md5sum)" ] ||
	fail "packet bytes differ from what was captured"

echo "== capinfos: count, size, interfaces, resolution, statistics"
info=$(capinfos "$dir/cap.pcapng" 2>/dev/null)
expect() { grep -qE "$1" <<<"$info" || fail "capinfos has no line '$1'"; }
expect "File type: +Wireshark/\.\.\. - pcapng"
expect "Number of packets: +6$"
expect "Data size: +3364 bytes"
expect "File timestamp precision: +nanoseconds \(9\)"
expect "Strict time order: +True"
expect "Capture application: +sluice-test pcapng_file"
expect "Capture oper-sys: +Linux"
expect "Number of interfaces in file: 2"
expect "Name = net_null_pcapng0"
expect "Name = net_null_pcapng1"
expect "Hardware = vdev-net_null_pcapng0"
[ "$(grep -c "Time precision = nanoseconds (9)" <<<"$info")" = 2 ] ||
	fail "not both interfaces in nanoseconds"
[ "$(grep -c "Speed = 10000000000" <<<"$info")" = 2 ] || fail "link speeds not 10G"
[ "$(grep "Number of stat entries" <<<"$info" | tr -s ' ' | tr '\n' ';')" = \
	" Number of stat entries = 1; Number of stat entries = 0;" ] ||
	fail "statistics block not on interface 0 alone"

[ $failures = 0 ] && echo "PASS" || echo "$failures failure(s)"
[ $failures = 0 ]
