#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# net_pcap end to end with Wireshark's reader as the peer: text2pcap writes
# in.pcap (five frame sizes, a 9000-byte jumbo among them), editcap makes a
# pcapng copy, sluice-testpmd forwards each in io mode from rx_pcap to
# tx_pcap, and tshark reads out.pcap: same count, same lengths, same bytes.
# Then infinite_rx as a packet source, and a missing file.
#
#   test_pmd_pcap_tshark.sh PATH/TO/sluice-testpmd
set -u
TPMD=$1
EAL="-l 0-1 --no-huge"
for t in tshark text2pcap editcap; do
	command -v "$t" >/dev/null || { echo "SKIP: $t is not installed (scripts/deps.sh)"; exit 77; }
done
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
failures=0
fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
acc() { awk -v f="$1" '/Accumulated forward statistics/ { a = 1 } a && $1 == f { print $2; exit }' <<<"$out"; }
# tshark warns when run as root; only its data matters here
tsk() { tshark "$@" 2>/dev/null; }

# 4 rounds of 60, 64, 128, 1514 and 9000 bytes as text2pcap's hex dump
awk -v sizes="$(for r in 1 2 3 4; do printf '60 64 128 1514 9000 '; done)" \
	-f "$(dirname "$0")/../frames_hex.awk" >"$dir/in.txt"
text2pcap -q "$dir/in.txt" "$dir/in.pcap" || fail "text2pcap"
editcap -F pcapng "$dir/in.pcap" "$dir/in.pcapng" || fail "editcap"
want_len=$(tsk -r "$dir/in.pcap" -T fields -e frame.len | tr '\n' ' ')
want_hex=$(tsk -r "$dir/in.pcap" -x | md5sum)
[ "$want_len" = "60 64 128 1514 9000 60 64 128 1514 9000 60 64 128 1514 9000 60 64 128 1514 9000 " ] ||
	fail "text2pcap wrote lengths '$want_len'"

for in in in.pcap in.pcapng; do
	echo "== io forwarding $in -> out.pcap, read back by tshark"
	rm -f "$dir/out.pcap"
	out=$(timeout 30 "$TPMD" $EAL --vdev "net_pcap0,rx_pcap=$dir/$in,tx_pcap=$dir/out.pcap" -- \
		--forward-mode=io --no-flush-rx --run-time 2 </dev/null 2>&1)
	[ $? = 0 ] || fail "$in: testpmd exit status: $(tail -5 <<<"$out")"
	[ "$(acc RX-packets:)" = 20 ] || fail "$in: RX-packets $(acc RX-packets:), want 20"
	[ "$(acc TX-packets:)" = 20 ] || fail "$in: TX-packets $(acc TX-packets:), want 20"
	got_len=$(tsk -r "$dir/out.pcap" -T fields -e frame.len | tr '\n' ' ')
	[ "$got_len" = "$want_len" ] || fail "$in: tshark reads lengths '$got_len', want '$want_len'"
	[ "$(tsk -r "$dir/out.pcap" -x | md5sum)" = "$want_hex" ] || fail "$in: frame bytes differ"
	capinfos -t "$dir/out.pcap" 2>/dev/null | grep -q "nanosecond pcap" ||
		fail "$in: out.pcap is not a nanosecond pcap file"
done

echo "== infinite_rx: more packets than the file holds, Tx dropped"
out=$(timeout 30 "$TPMD" $EAL --vdev "net_pcap0,rx_pcap=$dir/in.pcap,infinite_rx=1" -- \
	--forward-mode=io --run-time 2 --mbuf-size=9216 </dev/null 2>&1)
[ $? = 0 ] || fail "infinite_rx: testpmd exit status: $(tail -5 <<<"$out")"
rx=$(acc RX-packets:)
[ -n "$rx" ] && [ "$rx" -gt 1000 ] || fail "infinite_rx: RX-packets '$rx', want > 1000"

echo "== a missing file: one line naming it and the fix, nothing created"
out=$(timeout 30 "$TPMD" $EAL --vdev "net_pcap0,rx_pcap=$dir/none.pcap,tx_pcap=$dir/x.pcap" -- \
	--forward-mode=io --run-time 1 </dev/null 2>&1)
[ $? != 0 ] || fail "missing file: testpmd started"
grep -qF "net_pcap0: rx_pcap file '$dir/none.pcap' not found: give the path of an existing pcap file" \
	<<<"$out" || fail "missing file: no clear line in: $(head -5 <<<"$out")"
[ ! -e "$dir/x.pcap" ] || fail "missing file: tx_pcap file created anyway"

[ $failures = 0 ] && echo "PASS" || echo "$failures failure(s)"
[ $failures = 0 ]
