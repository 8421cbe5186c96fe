#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd against the kernel through a net_tap port (needs root):
# csum mode counts the bad IPv4 and L4 checksums of frames the kernel side
# injects, icmpecho answers the kernel's ping, and the link changes of the
# interface are printed as DPDK's events unless --no-lsc-interrupt.
#
#   test_testpmd_tap.sh PATH/TO/sluice-testpmd
set -u
TPMD=$1
failures=0
out=

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() { grep -qE -- "$1" <<<"$out" || fail "$2: no /$1/ in output:
$(tail -40 <<<"$out")"; }

if [ "$(id -u)" != 0 ] || [ ! -c /dev/net/tun ] || ! command -v python3 >/dev/null; then
	echo "skip: needs root, /dev/net/tun and python3"
	exit 77
fi

work=$(mktemp -d)
tp_pid=
iface=
tp_stop() {
	[ -n "$tp_pid" ] && { exec 3>&-; wait "$tp_pid"; }
	tp_pid=
}
cleanup() {
	tp_stop
	rm -rf "$work"
}
trap cleanup EXIT

# Start an interactive sluice-testpmd on one net_tap port named $1 whose
# prompt reads fd 3; bring the kernel side up with address $2.
tp_start() {
	iface=$1
	rm -f "$work/in"
	mkfifo "$work/in"
	timeout -k 5 60 "$TPMD" -l 0-1 --no-huge --file-prefix "tp$$" --vdev "net_tap0,iface=$iface" \
		-- -i --port-topology=loop --enable-rx-cksum <"$work/in" >"$work/log" 2>&1 &
	tp_pid=$!
	exec 3>"$work/in"
	for _ in $(seq 50); do
		ip link show "$iface" >/dev/null 2>&1 && break
		sleep 0.2
	done
	sysctl -qw "net.ipv6.conf.$iface.disable_ipv6=1"
	ip addr add "$2" dev "$iface" && ip link set "$iface" up
}
tp_cmd() { printf '%s\n' "$@" >&3; }
tp_out() { out=$(sed -E 's/^(testpmd> )+//' "$work/log"); }

echo "== csum: the kernel injects good and bad IPv4, UDP and TCP checksums"
tp_start sltpc0 10.231.8.1/24
tp_cmd "set fwd csum" "start"
sleep 1
# Each frame: (protocol, corrupt the IPv4 header sum, corrupt the L4 sum).
# The Internet checksum is peer.py's (the compat suite's net_tap peer).
python3 - sltpc0 "$(dirname "$0")/../test/compat" <<'EOF' || fail "inject"
import socket, struct, sys

sys.path.insert(0, sys.argv[2])
from peer import csum

def frame(proto, bad_ip, bad_l4):
    src, dst = socket.inet_aton("10.231.8.1"), socket.inet_aton("10.231.8.2")
    payload = b"sluice-csum" * 3
    if proto == 17:
        l4 = struct.pack("!HHHH", 1024, 9, 8 + len(payload), 0) + payload
        off = 6
    else:
        l4 = struct.pack("!HHIIBBHHH", 1024, 9, 1, 0, 5 << 4, 0x18, 512, 0, 0) + payload
        off = 16
    pseudo = src + dst + struct.pack("!BBH", 0, proto, len(l4))
    s = csum(pseudo + l4) ^ (0x5555 if bad_l4 else 0)
    l4 = l4[:off] + struct.pack("!H", s) + l4[off + 2:]
    ip = struct.pack("!BBHHHBBH4s4s", 0x45, 0, 20 + len(l4), 1, 0, 64, proto, 0, src, dst)
    s = csum(ip) ^ (0x0f0f if bad_ip else 0)
    ip = ip[:10] + struct.pack("!H", s) + ip[12:]
    eth = b"\xff" * 6 + bytes.fromhex("020000000099") + b"\x08\x00"
    return eth + ip + l4

sock = socket.socket(socket.AF_PACKET, socket.SOCK_RAW)
sock.bind((sys.argv[1], 0))
cases = [(17, 0, 0), (17, 0, 1), (17, 0, 1), (6, 0, 0), (6, 0, 1),
         (17, 1, 0), (6, 1, 0), (17, 1, 0)]
for c in cases:
    sock.send(frame(*c))
EOF
sleep 1
tp_cmd "show fwd stats all" "stop" "quit"
tp_stop
tp_out
# 8 frames: 3 with a bad IPv4 header sum, 3 with a bad UDP/TCP sum.
expect "^  RX-packets: 8 " "8 frames received"
expect "^  Bad-ipcsum: 3 +Bad-l4csum: 3 +Bad-outer-l4csum: 0" "bad checksums counted"
n=$(grep -cE "^  Bad-ipcsum: 3 +Bad-l4csum: 3 " <<<"$out")
[ "$n" -ge 2 ] || fail "'show fwd stats all' and stop: $n blocks with the counts, want 2"

echo "== icmpecho: the kernel's ping is answered"
if command -v ping >/dev/null; then
	tp_start sltpe0 10.231.9.1/24
	tp_cmd "set fwd icmpecho" "start"
	sleep 1
	# icmpecho answers the kernel's ARP request for 10.231.9.2, then the echoes.
	pout=$(ping -c 3 -i 0.3 -W 2 10.231.9.2 2>&1)
	tp_cmd "stop" "quit"
	tp_stop
	grep -q "3 packets transmitted, 3 received" <<<"$pout" || fail "ping: $pout"
	tp_out
	expect "^Bye\.\.\.$" "clean exit"
else
	echo "skip: no ping"
fi

echo "== show port N ptypes: the packet types net_tap recognizes"
out=$(printf '%s\n' "show port 0 ptypes" quit | timeout -k 5 30 "$TPMD" -l 0-1 --no-huge \
	--file-prefix "tp$$" --vdev net_tap0,iface=sltpp0 -- -i 2>&1 | sed -E 's/^(testpmd> )+//')
expect "^Supported L2 ptypes:$" "L2 heading"
expect "^L4_UDP ?$" "net_tap's L4 types"
expect "^Tunnel ptypes unsupported$" "no tunnel types"

echo "== link state change events, --no-lsc-interrupt"
lsc_run() {
	out=$( (sleep 1; echo "set link-down port 0"; sleep 1; echo "set link-up port 0"; sleep 1;
		echo quit) | timeout -k 5 30 "$TPMD" -l 0-1 --no-huge --file-prefix "tp$$" \
		--vdev net_tap0,iface=sltpl0 -- -i "$@" 2>&1)
}
lsc_run
n=$(grep -c "^Port 0: link state change event$" <<<"$out")
[ "$n" -ge 2 ] || fail "link down and up: $n link state change events, want >= 2"
lsc_run --no-lsc-interrupt
n=$(grep -c "link state change event" <<<"$out")
[ "$n" = 0 ] || fail "--no-lsc-interrupt: $n link state change events, want 0"
lsc_run --mask-event=intr_lsc
n=$(grep -c "link state change event" <<<"$out")
[ "$n" = 0 ] || fail "--mask-event=intr_lsc: $n link state change events printed, want 0"

if [ $failures -ne 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "all testpmd tap checks passed"
