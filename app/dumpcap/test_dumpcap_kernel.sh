#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-dumpcap on frames from a kernel peer: sluice-testpmd forwards (io)
# between two net_af_packet ports on veth pairs in a private network
# namespace, the test injects known frames from the kernel's side of each
# pair, and the capture file must hold exactly those frames, byte for byte:
# each one received on the port it entered and sent on the other, with the
# direction and the kernel interface name of each, and the link (10G) the
# secondary reads through a socket of its own.
#
#   test_dumpcap_kernel.sh PATH/TO/sluice-dumpcap PATH/TO/sluice-testpmd
set -u
DUMPCAP=$1
REAL_TPMD=$2
. "$(dirname "$0")/../common/tools_test_lib.sh"

[ "$(id -u)" = 0 ] || { echo "needs root for a network namespace and AF_PACKET: skipped"; exit 77; }
for t in ip tshark capinfos text2pcap python3; do
	command -v $t >/dev/null || { echo "$t is not installed: skipped"; exit 77; }
done
NS=sluicedc$$
ip netns add "$NS" 2>/dev/null || { echo "cannot create a network namespace: skipped"; exit 77; }

prefix=dumpcapk$$
TPMD=$(mktemp "${TMPDIR:-/tmp}/sluice-tpmd-ns.XXXXXX")
. "$(dirname "$0")/../common/testpmd_primary_lib.sh"
trap 'tpmd_cleanup; ip netns del "$NS" 2>/dev/null; rm -f "$TPMD"' EXIT
# the primary in the namespace, through the helpers' "$TPMD"
printf '#!/bin/sh\nexec ip netns exec %s %s "$@"\n' "$NS" "$REAL_TPMD" >"$TPMD"
chmod +x "$TPMD"
DC="ip netns exec $NS $DUMPCAP --file-prefix $prefix"
file=$tpmd_dir/cap.pcapng

# a0 <-> a1 (port 0) and b0 <-> b1 (port 1); nothing of the kernel's own
# (IPv6 is off) crosses them
for p in a b; do
	ip -n "$NS" link add ${p}0 type veth peer name ${p}1
	for i in ${p}0 ${p}1; do
		ip netns exec "$NS" sysctl -qw net.ipv6.conf.$i.disable_ipv6=1
		ip -n "$NS" link set $i up
	done
done

# frames_send IFACE SIZES: frame seq (0, 1, ...) of each size, byte i =
# (seq * 31 + i * 7) mod 256 (frames_hex.awk's pattern), sent on IFACE
frames_send() {
	ip netns exec "$NS" python3 - "$1" "$2" <<'PY'
import socket, sys
s = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
s.bind((sys.argv[1], 0))
for seq, size in enumerate(int(x) for x in sys.argv[2].split()):
    s.send(bytes((seq * 31 + i * 7) % 256 for i in range(size)))
PY
}
# hexdump_of SIZES: tshark's -x dump of those frames, as the file should hold them
hexdump_of() {
	awk -v sizes="$1" -f "$(dirname "$0")/../test/frames_hex.awk" >"$tpmd_dir/want.txt"
	text2pcap -q "$tpmd_dir/want.txt" "$tpmd_dir/want.pcap" >/dev/null 2>&1
	tshark -r "$tpmd_dir/want.pcap" -x 2>/dev/null
}
# captured IFACE DIR: tshark's -x dump of the frames of the file seen on
# interface IFACE in direction DIR (1 in, 2 out; tshark prints them 0x00000001, 0x00000002)
captured() {
	tshark -r "$file" -x -Y "frame.interface_name == \"$1\" && frame.packet_flags_direction == $2" \
		2>/dev/null
}

A="60 64 128 1514 601 99"	# from a0: in on port 0 (a1), out of port 1 (b1)
B="61 200 1000 77"		# from b0: in on port 1 (b1), out of port 0 (a1)

echo "== the primary forwards a1 <-> b1; the capture is a secondary"
tpmd_start --vdev net_af_packet0,iface=a1 --vdev net_af_packet1,iface=b1
tpmd_cmd "set fwd io"
tpmd_cmd start
$DC -i net_af_packet0 -i 1 -q -w "$file" >"$tpmd_dir/dc.log" 2>&1 &
dc=$!
capture_wait_file "$tpmd_dir/dc.log"
frames_send a0 "$A"
sleep 0.5
frames_send b0 "$B"
capture_interrupt $dc "$tpmd_dir/dc.log" "SIGINT after the frames"
expect_line "Capturing on 'net_af_packet0'"
expect_line "Capturing on 'net_af_packet1'"
expect_line "Packets received/dropped on interface 'net_af_packet0': 10/0 (100.0)"
expect_line "Packets received/dropped on interface 'net_af_packet1': 10/0 (100.0)"

tpmd_out "show port stats all" 2>/dev/null
[ "$(field RX-packets 0)/$(field TX-packets 1)" = 6/6 ] &&
	[ "$(field RX-packets 1)/$(field TX-packets 0)" = 4/4 ] &&
	pass "the primary forwarded 6 frames a1 -> b1 and 4 b1 -> a1" ||
	fail "primary's counters: $out"

echo "== the file read back by capinfos and tshark"
info=$(capinfos "$file" 2>/dev/null)
grep -qE "Number of packets: +20$" <<<"$info" && pass "capinfos: 20 packets" ||
	fail "capinfos: $(grep 'Number of packets' <<<"$info")"
for n in a1 b1; do
	grep -q "Name = $n$" <<<"$info" && pass "interface $n in the file" || fail "no interface $n: $info"
done
[ "$(grep -c "Speed = 10000000000" <<<"$info")" = 2 ] && pass "both links up at 10G" ||
	fail "link speeds: $(grep -E 'Speed|Name =' <<<"$info")"
out=$(tshark -r "$file" -T fields -e frame.interface_name -e frame.packet_flags_direction \
	2>/dev/null | sort | uniq -c | awk '{ print $1, $2, $3 }')
expect_line "6 a1 0x00000001"
expect_line "6 b1 0x00000002"
expect_line "4 b1 0x00000001"
expect_line "4 a1 0x00000002"
want=$(hexdump_of "$A")
[ "$(captured a1 1)" = "$want" ] && pass "in on a1: the 6 frames of a0, byte for byte" ||
	fail "frames in on a1 differ from those sent on a0"
[ "$(captured b1 2)" = "$want" ] && pass "out of b1: the same 6 frames" ||
	fail "frames out of b1 differ from those sent on a0"
want=$(hexdump_of "$B")
[ "$(captured b1 1)" = "$want" ] && pass "in on b1: the 4 frames of b0, byte for byte" ||
	fail "frames in on b1 differ from those sent on b0"
[ "$(captured a1 2)" = "$want" ] && pass "out of a1: the same 4 frames" ||
	fail "frames out of a1 differ from those sent on b0"

tpmd_out "show port info 0" 2>/dev/null
expect_line "Link status: up"
tpmd_cmd stop
tpmd_quit && pass "primary exits cleanly after the capture" || fail "primary exit status $?"
finish
