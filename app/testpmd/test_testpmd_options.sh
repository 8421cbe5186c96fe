#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd's DPDK options beyond the basic ones, each by what it
# changes in the output: offloads and queue thresholds (show config rxtx,
# show port N rx_offload|tx_offload ...), --coremask/--portlist (show
# config fwd), --disable-rss, events (--print-event/--mask-event),
# --display-xstats, --mlockall, txonly/flowgen packet contents (--tx-ip,
# --tx-udp, --txonly-multi-flow, --flowgen-*), the noisy forwarding mode,
# and DPDK's refusal of each bad value.
#
#   test_testpmd_options.sh PATH/TO/sluice-testpmd
set -u
TPMD=$1
PKTS="python3 $(dirname "$0")/pcap_pkts.py"
. "$(dirname "$0")/testpmd_checks.sh"

acc_dropped() { awk '/Accumulated forward statistics/ { a = 1 } a && $1 == "TX-packets:" { print $4; exit }' <<<"$out"; }

echo "== --tx-offloads and the queue thresholds reach the ports"
out=$(printf '%s\n' "show port 0 tx_offload capabilities" "show port 0 tx_offload configuration" \
	"show port 1 rx_offload configuration" "show config rxtx" quit |
	run_i $EAL $NULL2 -- -i --tx-offloads=0x8000 --rxfreet=16 --rxpt=1 --rxht=2 --rxwt=3 \
		--txfreet=20 --txpt=4 --txht=5 --txwt=6 --txrst=7)
expect "^Tx Offloading Capabilities of port 0 :$" "tx capabilities heading"
expect "^  Per Queue : MT_LOCKFREE MULTI_SEGS$" "net_null's tx offloads, all per queue"
expect "^Tx Offloading Configuration of port 0 :$" "tx configuration heading"
expect "^  Port : MULTI_SEGS$" "port tx offload"
expect "^  Queue\[ 0\] : MULTI_SEGS$" "queue tx offload"
expect "^Rx Offloading Configuration of port 1 :$" "rx configuration heading"
expect "^  Port :$" "no rx offload"
expect "^    Rx offloads=0x0 Tx offloads=0x8000$" "show config rxtx offloads"
expect "^      RX desc=[0-9]+ - RX free threshold=16$" "rxfreet"
expect "^      RX threshold registers: pthresh=1 hthresh=2  wthresh=3$" "rxpt rxht rxwt"
expect "^      TX desc=[0-9]+ - TX free threshold=20$" "txfreet"
expect "^      TX threshold registers: pthresh=4 hthresh=5  wthresh=6$" "txpt txht txwt"
expect "^      TX offloads=0x8000 - TX RS bit threshold=7$" "txrst"

echo "== offloads a port lacks: DPDK's line from rte_eth_dev_configure"
out=$( (echo "show port 0 rx_offload capabilities"; echo quit) |
	run_i $EAL --vdev net_null0 -- -i --rx-offloads=0x2)
expect "^Ethdev port_id=0 requested Rx offloads 0x2 doesn't match Rx offloads capabilities 0x0 in rte_eth_dev_configure\(\)$" "rx offloads refused"
expect "^Fail to configure port 0: see 'show port 0 rx_offload capabilities'" "the fix"
expect "^  Per Queue :$" "net_null has no rx offload"
check_bad "requested Tx offloads 0x1 doesn't match Tx offloads capabilities 0x8000 in rte_eth_dev_configure" \
	$EAL --vdev net_ring0 -- --tx-offloads=0x1
check_bad "invalid --rx-offloads 'zz': give a hexadecimal mask" $EAL $NULL2 -- --rx-offloads=zz
check_bad "rxfreet must be >= 0: invalid --rxfreet '-1', give a number in 0..65535" \
	$EAL $NULL2 -- --rxfreet=-1
check_bad "txpt must be >= 0: invalid --txpt '256', give a number in 0..255" $EAL $NULL2 -- --txpt=256

echo "== port config N rx_offload|tx_offload NAME on|off, port config all thresholds, max-pkt-len"
out=$(printf '%s\n' "port config 0 rx_offload vlan_strip on" "port stop all" \
	"port config 0 rx_offload bogus on" "port config 0 rx_offload vlan_strip on" \
	"port config 0 tx_offload multi_segs on" "port config 1 tx_offload multi_segs off" \
	"port config all rxfreet 8" "port config all txrst 9" "port config all max-pkt-len 60" \
	"port config all max-pkt-len 1400" "port start all" "show port 0 rx_offload configuration" \
	"show port 1 tx_offload configuration" "show config rxtx" "show port info 1" quit |
	run_i $EAL --vdev net_af_packet0,iface=lo --vdev net_ring1 -- -i --tx-offloads=0x8000)
expect "^Error: Can't config offload when Port 0 is not stopped$" "offload on a started port"
expect "^Unknown offload name: bogus$" "unknown offload"
expect "^max-pkt-len can not be less than 64$" "max-pkt-len too small"
expect "^  Port : VLAN_STRIP$" "rx_offload vlan_strip on"
expect "^    Rx offloads=0x1 Tx offloads=0x8000$" "port 0: vlan_strip, and multi_segs of --tx-offloads"
expect "^    Rx offloads=0x0 Tx offloads=0x0$" "port 1: multi_segs off over --tx-offloads"
n=$(grep -c "^      RX desc=[0-9]* - RX free threshold=8$" <<<"$out")
[ "$n" = 2 ] || fail "port config all rxfreet 8: $n queues with it, want 2"
n=$(grep -c "^      TX offloads=0x[0-9a-f]* - TX RS bit threshold=9$" <<<"$out")
[ "$n" = 2 ] || fail "port config all txrst 9: $n queues with it, want 2"
expect "^MTU: 1382$" "max-pkt-len 1400 less net_ring's 18 bytes of overhead"
out=$(printf '%s\n' "port config all rxfreet 8" "port config all bogus 1" quit | run_i $EAL $NULL2 -- -i)
expect "^Please stop all ports first$" "thresholds on started ports"
expect "^Unknown parameter 'bogus'; use rxq, txq, rxd, txd, rxfreet, txfreet, txrst, max-pkt-len or burst$" \
	"unknown port config all name"

echo "== show port N flow_ctrl|macs, port config all burst"
out=$(printf '%s\n' "show port 0 flow_ctrl" "show port 0 macs" "mac_addr add 0 02:00:00:00:00:99" \
	"show port 0 macs" "port config all burst 16" "port stop all" "port config all burst 0" \
	"port config all burst 16" "show config rxtx" quit | run_i $EAL --vdev net_null0 -- -i)
expect "^Failed to get current flow ctrl information: err = -95$" "flow_ctrl on a port without it"
expect "^Number of MAC address added: 1$" "one address"
expect "^Number of MAC address added: 2$" "an address added"
expect "^  02:00:00:00:00:99$" "the added address listed"
expect "^Please stop all ports first$" "burst on started ports"
expect "^burst must be >= 1 && <= 512$" "burst 0"
expect "^  io packet forwarding packets/burst=16$" "port config all burst 16"

echo "== show port N ptypes, set xstats-hide-zero"
out=$(printf '%s\n' "show port 0 ptypes" "set xstats-hide-zero on" "show port xstats 0" \
	"set xstats-hide-zero off" "show port xstats 0" quit | run_i $EAL --vdev net_null0 -- -i)
expect "^L2 ptypes unsupported$" "net_null recognizes no packet type"
expect "^Inner L4 ptypes unsupported$" "every layer"
n=$(grep -c "^rx_good_packets: 0$" <<<"$out")
[ "$n" = 1 ] || fail "xstats-hide-zero: $n 'rx_good_packets: 0' lines, want 1 (hidden, then shown)"

echo "== --coremask, --portlist, --no-numa, --disable-rss"
out=$(printf '%s\n' "show config fwd" "show port 0 rss-hash" quit |
	run_i --no-huge --lcores 0@0,1@1,2@1 $NULL2 --vdev net_null2 -- -i --coremask=0x4 \
		--portlist=0,2 --no-numa --rxq=2 --txq=2 --disable-rss)
expect "^io packet forwarding - ports=2 - cores=1 - streams=4 - NUMA support disabled" "portlist and no-numa"
expect "^Logical Core 2 \(socket 0\) forwards packets on 4 streams:$" "coremask picks lcore 2"
expect "^  RX P=0/Q=0 \(socket 0\) -> TX P=2/Q=0 \(socket 0\)" "ports 0 and 2 paired"
reject "RX P=1/" "port 1 is not in the list"
expect "^RSS disabled$" "disable-rss"
expect "^testpmd: create a new mbuf pool <mb_pool_0>: n=[0-9]+, size=2176, socket=0$" "one pool"
out=$(printf '%s\n' "show config fwd" "show port 0 rss-hash" quit |
	run_i $EAL $NULL2 -- -i --numa --rxq=2 --txq=2)
expect "NUMA support enabled" "numa"
expect "^  ipv4  ipv4-frag  ipv4-other  ipv6  ipv6-frag  ipv6-other$" "RSS on with two rx queues"
check_bad "lcore 0 cannot be masked on for running packet forwarding, which is the main lcore" \
	$EAL $NULL2 -- --coremask=0x1
check_bad "coremask is not valid: --coremask '0x4'" $EAL $NULL2 -- --coremask=0x4
check_bad "lcore 2 not enabled" $EAL $NULL2 -- --coremask=0x4
check_bad "invalid --portlist '5': give ports that exist" $EAL $NULL2 -- --portlist=5

echo "== -h after --: the option list, as --help"
out=$(timeout 30 "$TPMD" $EAL $NULL2 -- -h 2>&1)
rc=$?
[ $rc = 0 ] || fail "-h: exit status $rc, want 0"
expect "^  --coremask=0xMASK +forwarding lcores" "-h prints the options"
reject "Bye" "-h starts nothing"

echo "== --hairpinq: no driver has hairpin queues"
check_bad "^Fail: input hairpin \(2\) can't be greater than max_hairpin_queues \(0\) of port 0$" \
	$EAL $NULL2 -- --hairpinq=2
expect "no Sluice driver has hairpin queues; leave out --hairpinq" "hairpinq fix"
out=$(echo quit | run_i $EAL $NULL2 -- -i --hairpinq=0)
expect "^Port 1: " "hairpinq=0 is no hairpin queue"

echo "== events: --print-event, --mask-event"
out=$(printf '%s\n' "port attach net_null5" "port detach 2" quit | run_i $EAL $NULL2 -- -i)
reject "device probed event" "probe events are not printed by default (as DPDK)"
out=$(printf '%s\n' "port attach net_null5" "port detach 2" quit |
	run_i $EAL $NULL2 -- -i --print-event=dev_probed --print-event=dev_released)
expect "^Port 2: device probed event$" "print-event dev_probed"
expect "^Port 2: device released event$" "print-event dev_released"
out=$(printf '%s\n' "port attach net_null5" quit |
	run_i $EAL $NULL2 -- -i --print-event=all --mask-event=dev_probed)
reject "device probed event" "mask-event dev_probed"
check_bad "^Invalid event: foo$" $EAL $NULL2 -- --print-event=foo
expect "invalid print-event argument: use unknown, intr_lsc" "print-event names"
check_bad "invalid mask-event argument" $EAL $NULL2 -- --mask-event=lsc

echo "== --display-xstats under the port statistics"
out=$( (echo start; sleep 0.3; echo "show port stats 0"; sleep 0.3; echo "show port stats 0";
	echo stop; echo quit) | run_i $EAL $NULL2 -- -i --display-xstats=rx_good_packets,nonexistent,tx_good_bytes)
expect "^No xstat 'nonexistent' on port 0 - skip it 1$" "a name the port lacks"
expect "^ {31}Value {12}Rate \(since last show\)$" "xstats heading"
expect "^  rx_good_packets +[1-9][0-9]* +[0-9]+$" "rx_good_packets line"
expect "^  tx_good_bytes +[1-9][0-9]* +[1-9][0-9]*$" "tx_good_bytes with a rate the second time"
check_bad "Failed to parse display-xstats argument" $EAL $NULL2 -- --display-xstats=a,,b

echo "== --mlockall locks the process' memory"
vmlck() {
	local log pid
	log=$(mktemp)
	"$TPMD" $EAL $NULL2 -- "$@" </dev/null >"$log" 2>&1 &
	pid=$!
	for _ in $(seq 150); do grep -q "Press enter" "$log" && break; sleep 0.1; done
	# Where the locked memory limit is too low, testpmd says so and goes on.
	if grep -q "mlockall() failed with error" "$log"; then
		echo refused
	else
		awk '$1 == "VmLck:" { print $2 }' /proc/$pid/status
	fi
	kill -INT $pid
	wait $pid
	rm -f "$log"
}
# AddressSanitizer makes mlockall() a no-op that succeeds.
if grep -qa __asan_init "$TPMD"; then
	locked=skip
else
	locked=$(vmlck --mlockall)
fi
if [ "$locked" = skip ]; then
	echo "skip: mlockall() does not lock under AddressSanitizer"
elif [ "$locked" = refused ]; then
	echo "skip: mlockall() refused here (locked memory limit)"
else
	[ -n "$locked" ] && [ "$locked" -gt 1024 ] || fail "--mlockall: VmLck ${locked:-?} kB, want > 1024"
fi
locked=$(vmlck --mlockall --no-mlockall)
[ "$locked" = 0 ] || fail "--no-mlockall: VmLck ${locked:-?} kB, want 0"

echo "== --eth-link-speed, --flowgen-*, --txonly-multi-flow values"
out=$(echo quit | run_i $EAL $NULL2 -- -i --eth-link-speed=10000)
expect "^Port 1: " "a fixed speed DPDK knows"
check_bad "^Unsupported fixed speed: --eth-link-speed '100'; give 1000, 10000" \
	$EAL $NULL2 -- --eth-link-speed=100
check_bad "flows must be >= 1: invalid --flowgen-flows '0'" $EAL $NULL2 -- --flowgen-flows=0
check_bad "clones must be >= 0 and <= current burst: --flowgen-clones=8 with --burst=8" \
	$EAL $NULL2 -- --burst=8 --flowgen-clones=8
check_bad "^Invalid tx-ip: 10.0.0.1: give --tx-ip=SRC,DST" $EAL $NULL2 -- --tx-ip=10.0.0.1
check_bad "^Invalid destination IP address: 10.0.0.x$" $EAL $NULL2 -- --tx-ip=10.0.0.1,10.0.0.x
check_bad "^Invalid UDP port: 70000: give --tx-udp=SRC\[,DST\]" $EAL $NULL2 -- --tx-udp=70000
check_bad "^Invalid destination UDP port: x$" $EAL $NULL2 -- --tx-udp=1,x

# net_pcap is built only where libpcap is found.
if grep -q sluice_pmd_anchor_net_pcap "$TPMD"; then
	pdir=$(mktemp -d)
	$PKTS make "$pdir/in.pcap"
	gen_run() {
		rm -f "$pdir/out.pcap"
		out=$( (echo "start"; sleep 1; echo stop; echo quit) |
			run_i $EAL --vdev "net_pcap0,rx_pcap=$pdir/in.pcap,tx_pcap=$pdir/out.pcap" -- -i \
				--burst=8 "$@")
		$PKTS dump "$pdir/out.pcap" >"$pdir/dump"
		pkts=$(grep -v "ok$" "$pdir/dump" | head -64)
	}
	# eth(14) | ver/ihl..ttl,proto(10) csum(2) | src dst | sport dport
	hdr='^[0-9a-f]{24}0800[0-9a-f]{20}[0-9a-f]{4}'
	echo "== set flush_rx on|off: the packets waiting in the rx queue at start"
	flush_run() {
		out=$( (echo "set fwd rxonly"; echo "set flush_rx $1"; echo start; sleep 0.5; echo stop;
			echo quit) | run_i $EAL --vdev "net_pcap0,rx_pcap=$pdir/in.pcap,tx_pcap=$pdir/out.pcap" -- -i)
	}
	flush_run off
	[ "$(acc RX-packets:)" = 4 ] || fail "set flush_rx off: RX $(acc RX-packets:), want the 4 of the file"
	flush_run on
	[ "$(acc RX-packets:)" = 0 ] || fail "set flush_rx on: RX $(acc RX-packets:), want 0 (drained)"
	echo "== txonly: --tx-ip and --tx-udp in the packets"
	gen_run --forward-mode=txonly --tx-ip=10.1.2.3,10.4.5.6 --tx-udp=1000,2000
	n=$(grep -cE "${hdr}0a0102030a04050603e807d0" <<<"$pkts")
	[ "$n" = 64 ] || fail "txonly: $n of 64 packets from 10.1.2.3:1000 to 10.4.5.6:2000: $(head -2 <<<"$pkts")"
	gen_run --forward-mode=txonly --tx-udp=7
	n=$(grep -cE "${hdr}c6120001c612000200070007" <<<"$pkts")
	[ "$n" = 64 ] || fail "txonly --tx-udp=7: $n of 64 packets 198.18.0.1:7 -> 198.18.0.2:7"
	echo "== txonly --txonly-multi-flow: DPDK's varying sources"
	gen_run --forward-mode=txonly --tx-ip=10.1.2.3,10.4.0.6 --txonly-multi-flow
	# lcore 1: (10.4.0.6 | var << 8) + 1, var counting up from 0 a packet
	grep -qE "${hdr}0a0400070a040006" <<<"$pkts" || fail "multi-flow: no source 10.4.0.7"
	grep -qE "${hdr}0a0401070a040006" <<<"$pkts" || fail "multi-flow: no source 10.4.1.7"
	n=$(cut -c 53-60 <<<"$pkts" | sort -u | wc -l)
	[ "$n" = 64 ] || fail "multi-flow: $n sources in 64 packets, want 64"
	echo "== flowgen: --flowgen-flows and --flowgen-clones"
	gen_run --forward-mode=flowgen --flowgen-flows=3 --flowgen-clones=1
	n=$(cut -c 61-68 <<<"$pkts" | sort -u | tr '\n' ' ')
	[ "$n" = "c6120002 c6120003 c6120004 " ] || fail "flowgen: destinations '$n', want 198.18.0.2-4"
	# Each flow twice in a row: packet pairs (1,2), (3,4) ... are the same.
	pairs=$(awk 'NR % 2 { p = $0; next } $0 != p { bad++ } END { print bad + 0 }' <<<"$pkts")
	[ "$pairs" = 0 ] || fail "flowgen clones: $pairs pairs differ"
	rm -rf "$pdir"
else
	echo "skip: no net_pcap in this build"
fi

echo "== noisy: the FIFO holds packets until it fills up or the flush time"
noisy_run() {
	local bursts=$1
	shift
	out=$( (echo "set fwd noisy"; echo "start tx_first $bursts"; sleep 0.5; echo stop; echo quit) |
		run_i $EAL $RING2 -- -i "$@")
}
noisy_run 1 --noisy-tx-sw-buffer-size=128
expect "^Set noisy packet forwarding mode$" "set fwd noisy"
[ "$(acc RX-packets:)" = 64 ] || fail "noisy held: RX $(acc RX-packets:), want the 64 of tx_first"
[ "$(acc TX-packets:)" = 64 ] || fail "noisy held: TX $(acc TX-packets:), want 64"
[ "$(acc_dropped)" = 64 ] || fail "noisy held: TX-dropped $(acc_dropped), want the 64 held at stop"
noisy_run 1 --noisy-tx-sw-buffer-size=128 --noisy-tx-sw-buffer-flushtime=10
rx=$(acc RX-packets:)
[ "$rx" -gt 256 ] && [ "$rx" -lt 100000 ] || fail "noisy flushed every 10 ms: RX $rx, want 256..100000"
# Two bursts of 32 a stream into 48 places: the second pushes the first out, and so on.
noisy_run 2 --noisy-tx-sw-buffer-size=48
[ "$(acc RX-packets:)" -gt 100000 ] || fail "noisy FIFO of 48 < 64 packets: the full FIFO must send"
noisy_run 1 --noisy-lkup-memory=1 --noisy-lkup-num-writes=2 --noisy-lkup-num-reads=2 \
	--noisy-lkup-num-reads-writes=2
[ "$(acc RX-packets:)" -gt 1000 ] || fail "noisy with lookups forwards"
noisy_run 1 --noisy-lkup-num-reads=1
expect "^--noisy-lkup-memory-size must be > 0: the lookups of --noisy-lkup-num-\* need memory" \
	"lookups without memory"
expect "^Cannot start noisy forwarding on stream 0: Invalid argument$" "start refused"
check_bad "noisy-tx-sw-buffer-size must be >= 0: invalid --noisy-tx-sw-buffer-size '-1'" \
	$EAL $NULL2 -- --noisy-tx-sw-buffer-size=-1
check_bad "noisy-lkup-memory must be >= 0: invalid --noisy-lkup-memory 'x'" \
	$EAL $NULL2 -- --noisy-lkup-memory=x

checks_done "all testpmd option checks passed"
