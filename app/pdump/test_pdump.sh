#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-pdump against a running sluice-testpmd: two net_pcap ports read
# known frames from files and forward them to each other (io); the pcap
# files sluice-pdump writes for port 0 (Rx and Tx apart, port= and
# queue=*) and for port 1 (both directions in one file, device_id= and
# queue=0) must hold exactly those frames, byte for byte, as tshark reads
# them; SIGINT ends it with its counts. Then --multi, and the errors.
#
#   test_pdump.sh PATH/TO/sluice-pdump PATH/TO/sluice-testpmd
set -u
PDUMP=$1
TPMD=$2
. "$(dirname "$0")/../common/tools_test_lib.sh"
prefix=pdump$$
. "$(dirname "$0")/../common/testpmd_primary_lib.sh"

for t in tshark text2pcap; do
	command -v $t >/dev/null || { echo "$t (wireshark) is not installed: skipped"; exit 77; }
done
PD="$PDUMP --file-prefix $prefix --no-pci"
# the frames of the files are read once: "start" must not drain them
TPMD_ARGS=--no-flush-rx
# sizes that fit the primary's -m 256 (the defaults are dpdk-pdump's:
# 65535 mbufs of 2176 bytes)
SZ="ring-size=1024,total-num-mbufs=2048,mbuf-size=1600"
d=$tpmd_dir

# frames_pcap SIZES FILE: frames_hex.awk's frames of those sizes as a pcap
frames_pcap() {
	awk -v sizes="$1" -f "$(dirname "$0")/../test/frames_hex.awk" >"$2.txt"
	text2pcap -q "$2.txt" "$2" >/dev/null 2>&1
}
# frames FILE: tshark's hex dump of each frame, one line a frame
frames() { tshark -r "$1" -x 2>/dev/null | awk -v RS= '{ gsub(/\n/, " "); print }'; }

IN0="60 64 128 1514 601"
IN1="61 200 1000"
frames_pcap "$IN0" "$d/in0.pcap"
frames_pcap "$IN1" "$d/in1.pcap"

# pd_start ARGS...: sluice-pdump in the background ($pd), its output in pd.log;
# returns once it polls its rings
pd_start() {
	$PD "$@" >"$d/pd.log" 2>&1 &
	pd=$!
	for _ in $(seq 50); do
		grep -q "^ core (" "$d/pd.log" && break
		sleep 0.1
	done
	sleep 0.5
}

echo "== two --pdump: port 0 Rx and Tx apart, port 1 both ways in one file"
tpmd_start --vdev "net_pcap0,rx_pcap=$d/in0.pcap,tx_pcap=$d/out0.pcap" \
	--vdev "net_pcap1,rx_pcap=$d/in1.pcap,tx_pcap=$d/out1.pcap"
tpmd_cmd "set fwd io"
pd_start -- --pdump "port=0,queue=*,rx-dev=$d/p0rx.pcap,tx-dev=$d/p0tx.pcap,$SZ" \
	--pdump "device_id=net_pcap1,queue=0,rx-dev=$d/p1.pcap,tx-dev=$d/p1.pcap,$SZ"
out=$(cat "$d/pd.log")
expect_line " core (0), capture for (2) tuples"
expect_line " - port 0 device (net_pcap0) queue 65535"
expect_line " - port 1 device (net_pcap1) queue 0"
tpmd_cmd start
capture_interrupt $pd "$d/pd.log" "SIGINT"
[ "$(grep -c '^##### PDUMP DEBUG STATS #####$' <<<"$out")" = 2 ] &&
	pass "a statistics block for each --pdump" || fail "statistics blocks: $out"
[ "$(grep -E -c $'^ -packets (dequeued|transmitted to vdev|freed):\t+8$' <<<"$out")" = 6 ] &&
	pass "each --pdump dequeued, wrote and freed its 8 packets" || fail "counts: $out"
[ "$(frames "$d/p0rx.pcap")" = "$(frames "$d/in0.pcap")" ] &&
	pass "p0rx.pcap: the 5 frames port 0 read, in order, byte for byte" ||
	fail "p0rx.pcap holds: $(tshark -r "$d/p0rx.pcap" 2>/dev/null | head -3)"
[ "$(frames "$d/p0tx.pcap")" = "$(frames "$d/in1.pcap")" ] &&
	pass "p0tx.pcap: the 3 frames of port 1 sent out of port 0" ||
	fail "p0tx.pcap holds: $(tshark -r "$d/p0tx.pcap" 2>/dev/null | head -3)"
[ "$(frames "$d/p1.pcap" | sort)" = "$({ frames "$d/in0.pcap"; frames "$d/in1.pcap"; } | sort)" ] &&
	pass "p1.pcap: the 3 frames port 1 read and the 5 it sent" ||
	fail "p1.pcap holds $(tshark -r "$d/p1.pcap" 2>/dev/null | wc -l) frames"
[ "$(tshark -r "$d/p1.pcap" -T fields -e frame.encap_type 2>/dev/null | sort -u)" = 1 ] &&
	pass "pcap of Ethernet frames" || fail "encapsulation of p1.pcap"
tpmd_cmd stop
tpmd_quit && pass "the primary exits cleanly after the capture" || fail "primary exit status $?"

echo "== --multi: one lcore each"
tpmd_start --vdev "net_pcap0,rx_pcap=$d/in0.pcap,tx_pcap=$d/out0.pcap" \
	--vdev "net_pcap1,rx_pcap=$d/in1.pcap,tx_pcap=$d/out1.pcap"
tpmd_cmd "set fwd io"
run $PD -l 0-1 -- --multi --pdump "port=0,queue=*,rx-dev=$d/m0.pcap,$SZ" \
	--pdump "port=1,queue=*,rx-dev=$d/m1.pcap,$SZ"
expect_rc nonzero
expect_line "Insufficient cores to run parallel! (2 --pdump need 3 lcores with --multi: give more with -l)"
# three lcores on the machine's two CPUs
$PD --lcores 0@0,1@0,2@1 -- --multi --pdump "port=0,queue=*,rx-dev=$d/m0.pcap,$SZ" \
	--pdump "port=1,queue=*,rx-dev=$d/m1.pcap,$SZ" >"$d/pd.log" 2>&1 &
pd=$!
for _ in $(seq 50); do
	[ "$(grep -c "^ core (" "$d/pd.log")" = 2 ] && break
	sleep 0.1
done
out=$(cat "$d/pd.log")
expect_line " core (1); port 0 device (net_pcap0) queue 65535"
expect_line " core (2); port 1 device (net_pcap1) queue 65535"
sleep 0.5
tpmd_cmd start
capture_interrupt $pd "$d/pd.log" "--multi SIGINT"
[ "$(frames "$d/m0.pcap")" = "$(frames "$d/in0.pcap")" ] && [ "$(frames "$d/m1.pcap")" = "$(frames "$d/in1.pcap")" ] &&
	pass "--multi: each file holds what its port read" || fail "--multi files differ"
tpmd_cmd stop

echo "== errors: one line naming the cause"
# refused PDUMP-ARG LINE: sluice-pdump --pdump PDUMP-ARG exits nonzero with LINE
refused() {
	run $PD -- --pdump "$1"
	expect_rc nonzero
	expect_line "$2"
}
refused "port=0,rx-dev=$d/x.pcap" "--pdump=\"port=0,rx-dev=$d/x.pcap\": must have queue argument"
refused "port=7,queue=0,rx-dev=$d/x.pcap" \
	"--pdump=\"port=7,queue=0,rx-dev=$d/x.pcap\": the primary has no port 7: list them with sluice-dumpcap -D"
refused "device_id=net_null9,queue=0,tx-dev=$d/x.pcap" \
	"--pdump=\"device_id=net_null9,queue=0,tx-dev=$d/x.pcap\": no port named 'net_null9' in the primary: list them with sluice-dumpcap -D"
refused "port=0,queue=0" "--pdump=\"port=0,queue=0\": must have either rx-dev or tx-dev argument"
refused "port=0,queue=0,rx-dev=$d/x.pcap,ring-size=1000" \
	"--pdump=\"port=0,queue=0,rx-dev=$d/x.pcap,ring-size=1000\": ring-size 1000 is not a power of 2: use 1024"
refused "port=0,queue=0,rx-dev=lo" \
	"--pdump=\"port=0,queue=0,rx-dev=lo\": 'lo' is a network interface: sluice-pdump writes pcap files only; give a file name (./lo)"
refused "port=0,queue=0,rx-dev=/nonexistent/dir/x.pcap,$SZ" \
	"cannot open pcap file '/nonexistent/dir/x.pcap': /nonexistent/dir/x.pcap: No such file or directory"
tpmd_quit && pass "the primary exits cleanly" || fail "primary exit status $?"

run $PDUMP --file-prefix "none$$" -- --pdump "port=0,queue=0,rx-dev=$d/x.pcap"
expect_rc nonzero
expect_match "no primary process runs with --file-prefix none$$"
finish
