#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-testpmd end to end: non-interactive runs with periodic statistics,
# stop on a signal, the prompt's commands and their errors, exact packet
# counts on net_ring ports, txonly packet lengths, bad options.
#
#   test_testpmd.sh PATH/TO/sluice-testpmd
set -u
TPMD=$1
. "$(dirname "$0")/testpmd_checks.sh"

echo "== non-interactive, --stats-period 1 --run-time 3"
out=$(timeout 30 "$TPMD" $EAL $NULL2 -- --stats-period 1 --run-time 3 </dev/null 2>&1)
rc=$?
[ $rc = 0 ] || fail "exit status $rc"
n=$(grep -c "^Port statistics ====" <<<"$out")
[ "$n" -ge 2 ] || fail "$n periodic statistics blocks, want >= 2"
expect "NIC statistics for port 1  ####" "port 1 block"
# After the first sample, rates are measured: some Rx-pps must be > 0.
grep -E "Rx-pps: +[1-9]" <<<"$out" >/dev/null || fail "no non-zero Rx-pps"
rx=$(acc RX-packets:)
tx=$(acc TX-packets:)
[ -n "$rx" ] && [ "$rx" -gt 1000000 ] || fail "accumulated RX-packets '$rx', want > 1e6"
[ "$rx" = "$tx" ] || fail "io forwarding on null ports: RX $rx != TX $tx"
expect "TX-dropped: 0 " "no drops on null ports"
expect "^Bye\.\.\.$" "clean exit"

echo "== SIGINT stops forwarding and prints the forward statistics"
log=$(mktemp)
"$TPMD" $EAL $NULL2 </dev/null >"$log" 2>&1 &
pid=$!
sleep 2
kill -INT $pid
wait $pid
rc=$?
out=$(cat "$log")
rm -f "$log"
[ $rc = 0 ] || fail "exit status $rc after SIGINT"
expect "Press enter to exit" "prompt to exit"
expect "Telling cores to stop" "stop message"
[ "$(acc RX-packets:)" -gt 0 ] 2>/dev/null || fail "nothing forwarded before SIGINT"
expect "Port 1 is closed" "ports closed"

echo "== interactive: rxonly, start tx_first on net_ring ports: exactly one burst per port"
out=$( (echo "set fwd rxonly"; echo "start tx_first"; sleep 0.5; echo stop; echo quit) |
	timeout 30 "$TPMD" $EAL $RING2 -- -i 2>&1)
expect "Set rxonly packet forwarding mode" "set fwd"
expect "rxonly packet forwarding - ports=2 - cores=1 - streams=2" "forwarding config"
expect "RX P=0/Q=0 \(socket 0\) -> TX P=1/Q=0 \(socket 0\) peer=02:00:00:00:00:01" "stream 0"
[ "$(acc RX-packets:)" = 64 ] || fail "accumulated RX $(acc RX-packets:), want 64"
[ "$(acc TX-packets:)" = 64 ] || fail "accumulated TX $(acc TX-packets:), want 64"
expect "Forward statistics for port 1  -+$" "port 1 forward statistics"

echo "== interactive: commands, errors and port control"
out=$( (echo "show config fwd"; echo "bogus"; echo "set fwd foo"; echo "show port stats 9";
	echo "set burst 0"; echo "set burst 64"; echo "set nbcore 2"; echo "port stop all";
	echo "start"; echo "port start 1"; echo "port start 0"; echo "show port info 0";
	echo "show port xstats 1"; echo "clear port stats all"; echo "stop"; echo "quit") |
	timeout 30 "$TPMD" $EAL $NULL2 -- -i 2>&1)
expect "Command not found: 'bogus'; type 'help'" "unknown command"
expect "Bad arguments: unknown forwarding mode 'foo'; use one of io mac macswap rxonly txonly flowgen 5tswap icmpecho csum noisy" "bad mode"
expect "Invalid port 9; valid ports: 0 1" "bad port"
expect "Bad arguments: '0' for 'set burst'; give a number in 1..512" "bad burst"
expect "Number of packets per burst set to 64" "burst set"
expect "Bad arguments: '2' for 'set nbcore'; give a number in 1..1" "too many cores"
expect "Port 0 is not started: run 'port start 0' first" "start with stopped ports"
expect "Infos for port 0 " "port info"
expect "Driver name: net_null" "driver name"
expect "NIC extended statistics for port 1" "xstats"
expect "NIC statistics for port 1 cleared" "clear"
expect "Packet forwarding not started" "stop when stopped"
expect "^testpmd> " "prompt"

echo "== display commands: DPDK's headings and values"
out=$( (echo "show port summary all"; echo "show port info 1"; echo "show rxq info 0 0";
	echo "show txq info 1 0"; echo "show rxq info 0 5"; echo "show device info all";
	echo "show config cores"; echo "show config txpkts"; echo "show config rxtx";
	echo "show fwd stats all"; echo "clear port xstats 0"; echo "clear fwd stats all";
	echo "dump_struct_sizes"; echo "dump_mempool mb_pool_0"; echo "dump_mempool nope";
	echo "dump_ring nope"; echo "dump_memzone"; echo "dump_log_types"; echo "dump_physmem";
	echo "show rxq info all 0"; echo "show config bogus"; echo "show port 0 rxq 0 desc 0 status";
	echo "show port 1 txq 0 desc 3 status"; echo "show port 0 rxq 0 desc used count";
	echo "show port 0 rxq 0 desc 1 bogus"; echo quit) |
	run_i $EAL $NULL2 -- -i --txpkts=64,36)
expect "^Number of available ports: 2$" "summary count"
expect "^Port MAC Address       Name         Driver         Status   Link$" "summary header"
expect "^1    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null1    net_null       up       10 Gbps$" "summary row"
expect "^\*{21} Infos for port 1  \*{21}$" "port info heading"
expect "^Firmware-version: not available$" "port info firmware"
expect "^memory allocation on the socket: 0$" "port info socket"
expect "^  strip off, filter off, extend off, qinq strip off$" "port info vlan offload"
expect "^  ipv4  ipv4-frag  ipv4-tcp  ipv4-udp  ipv4-sctp  ipv4-other$" "port info RSS types, wrapped"
expect "^Max segment number per MTU/TSO: 65535$" "port info tx segments"
expect "^Device capabilities: 0x0\( \)$" "port info capabilities"
expect "^Device error handling mode: none$" "port info error handling"
expect "^\*{21} Infos for port 0 , RX queue 0  \*{21}$" "rxq info heading"
expect "^Mempool: mb_pool_0$" "rxq info mempool"
expect "^Rx queue state: started$" "rxq info state"
expect "^\*{21} Infos for port 1 , TX queue 0  \*{21}$" "txq info heading"
expect "^Tx queue state: started$" "txq info state"
expect "^Failed to retrieve information for port: 0, RX queue: 5$" "rxq info, bad queue"
expect "^error desc: Invalid argument\(-22\)$" "rxq info, bad queue errno"
expect "^\*{21} Infos for device net_null1 \*{21}$" "device info heading"
expect "^Bus name: vdev$" "device info bus"
expect "^	Port id: 1 $" "device info port"
expect "^	Device speed capability: 10 Gbps  $" "device info speed"
expect "^List of forwarding lcores:  1$" "config cores"
expect "^Number of segments: 2$" "config txpkts count"
expect "^Segment sizes: 64,36$" "config txpkts sizes"
expect "^Split packet: off$" "config txpkts split"
expect "^  port 1: RX queue number: 1 Tx queue number: 1$" "config rxtx"
expect "Accumulated forward statistics for all ports" "show fwd stats"
expect "^  NIC statistics for port 0 cleared$" "clear xstats"
expect "^sizeof\(struct rte_mbuf\) = 128$" "dump_struct_sizes"
expect "^mempool <mb_pool_0>@0x" "dump_mempool NAME"
expect "^Cannot find mempool$" "dump_mempool, unknown name"
expect "^Cannot find ring$" "dump_ring, unknown name"
# As in DPDK, the ports' shared data is the first memzone, the pool the next.
expect "^Zone 0: name:<rte_eth_dev_data>" "dump_memzone, port data"
expect "^Zone 1: name:<MP_mb_pool_0>" "dump_memzone, pool"
expect "^id 0: lib.eal, level is" "dump_log_types"
expect "^Segment 0-0: IOVA:0x" "dump_physmem"
expect "^Bad arguments: give one port, not 'all'$" "rxq info for all ports"
expect "^Bad arguments: unknown 'bogus'; use rxtx, cores, fwd or txpkts$" "show config, bad"
# net_null has no descriptors to report: DPDK's answers for a driver without them.
expect "^Invalid input: queue id = 0, desc id = 0$" "rx descriptor status"
expect "^Invalid input: queue id = 0, desc id = 3$" "tx descriptor status"
expect "^Invalid queueid = 0$" "rx used count"
expect "^Bad arguments: try 'show port P rxq\|txq Q desc D status'" "descriptor status, bad"

echo "== port control: queues, MTU, modes, link, MAC addresses, close"
out=$( (echo "port config all rxq 2"; echo "port stop all"; echo "port config all rxq 2";
	echo "port config all txq 2"; echo "port config all rxd 512"; echo "port config all txq 2000";
	echo "port config all txd 0"; echo "port start all"; echo "show port info 0";
	echo "show rxq info 0 1"; echo "port config mtu 1 1400"; echo "port config mtu 0 10";
	echo "set promisc all off"; echo "set allmulti 1 on"; echo "show port info 1";
	echo "set link-down port 1"; echo "show port summary 1"; echo "set link-up port 1";
	echo "mac_addr set 0 02:00:00:00:00:08"; echo "mac_addr add 0 02:00:00:00:00:09";
	echo "mac_addr remove 0 02:00:00:00:00:08"; echo "mac_addr add 0 zz";
	echo "set promisc 0 maybe"; echo "port start 0"; echo "port close 1"; echo "port stop 1";
	echo "port close 1"; echo "show port summary all"; echo quit) |
	run_i $EAL $NULL2 -- -i)
expect "^Please stop all ports first$" "queues while started"
expect "^Current number of RX queues: 2$" "rxq 2 after restart"
expect "^Current number of TX queues: 2$" "txq 2 after restart"
expect "^\*{21} Infos for port 0 , RX queue 1  \*{21}$" "queue 1 exists after restart"
reject "Fail: input rxd" "rxd 512 accepted"
expect "^Bad arguments: '2000' for 'txq'; give a number in 1..64$" "too many queues"
expect "^Bad arguments: '0' for 'txd'; give a number in 1..65535$" "zero descriptors"
expect "^MTU: 1400$" "mtu set"
expect "^MTU \(10\) < device min MTU \(46\) for port_id 0$" "mtu too small"
expect "^Promiscuous mode: disabled$" "promisc off"
expect "^Allmulticast mode: enabled$" "allmulti on"
expect "^1    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null1    net_null       down " "link down"
expect "^0    02:00:00:00:00:08 net_null0 " "mac_addr set"
expect "^mac_addr_cmd error: \(Address already in use\)$" "remove the default address"
expect "^Bad arguments: 'zz' is not a MAC address like 02:00:00:00:00:01$" "bad MAC"
expect "^Bad arguments: try 'set promisc all\|N on\|off'$" "bad promisc mode"
expect "^Port 0 is now not stopped$" "start a started port"
expect "^Please stop the ports first$" "start a started port, hint"
expect "^Cannot close started device \(port 1\): run 'port stop 1' first$" "close a started port"
expect "^Port 1 is closed$" "close"
n=$(grep -c "^Number of available ports: 1$" <<<"$out")
[ "$n" = 1 ] || fail "one port left after close: $n"

echo "== load FILE and --cmdline-file FILE"
cmdf=$(mktemp)
printf 'set burst 17\nshow config txpkts\nquit\nset burst 19\n' >"$cmdf"
out=$( (echo "load $cmdf"; echo "load /nonexistent/x"; echo "set nbcore 1"; echo quit) |
	run_i $EAL $NULL2 -- -i)
expect "^Number of packets per burst set to 17$" "load runs the file"
reject "burst set to 19" "quit ends the file"
expect "^Read CLI commands from $cmdf$" "load done"
expect "^Failed to create file based cmdline context: /nonexistent/x" "load, missing file"
expect "^Number of forwarding cores set to 1$" "quit in a file does not quit testpmd"
printf 'load %s\n' "$cmdf" >"$cmdf.self"
printf 'load %s.self\n' "$cmdf" >>"$cmdf.self"
out=$(echo quit | timeout 30 "$TPMD" $EAL $NULL2 -- -i --cmdline-file="$cmdf.self" 2>&1)
expect "^Number of packets per burst set to 17$" "--cmdline-file runs the file"
expect "files loaded 8 deep; does a file load itself\?" "a file that loads itself"
expect "^Read CLI commands from $cmdf.self$" "--cmdline-file done"
rm -f "$cmdf" "$cmdf.self"

echo "== set verbose, record-burst-stats, --record-core-cycles on net_ring ports"
out=$( (echo "set verbose 3"; echo "set record-burst-stats on"; echo "start tx_first"; sleep 0.5;
	echo "set record-burst-stats off"; echo stop; echo "set verbose 0"; echo "set verbose x";
	echo "set record-core-cycles maybe"; echo quit) |
	run_i $EAL $RING2 -- -i --burst=4 --forward-mode=rxonly --record-core-cycles)
expect "^Change verbose level from 0 to 3$" "verbose level"
expect "^Change verbose level from 3 to 0$" "verbose back to 0"
n=$(grep -c "^port 1/queue 0: sent 4 packets$" <<<"$out")
[ "$n" = 1 ] || fail "one tx_first burst dumped on port 1, saw $n"
n=$(grep -c "^port 0/queue 0: received 4 packets$" <<<"$out")
[ "$n" = 1 ] || fail "one burst received on port 0, saw $n"
n=$(grep -cE "^  src=([0-9A-F]{2}:){5}[0-9A-F]{2} - dst=02:00:00:00:00:01 - pool=mb_pool_0 - type=0x0800 - length=64 - nb_segs=1 - sw ptype: L2_ETHER L3_IPV4 L4_UDP  - l2_len=14 - l3_len=20 - l4_len=8 - Receive queue=0x0$" <<<"$out")
[ "$n" = 4 ] || fail "four received packets dumped on port 1 in DPDK's format, saw $n"
expect "^  ol_flags: RTE_MBUF_F_TX_L4_NO_CKSUM $" "tx flags line"
expect "^Please stop forwarding first$" "record-burst-stats while forwarding"
expect "^  RX-bursts : [0-9]+ \[[0-9]+% of 0 pkts \+ [0-9]+% of 4 pkts\]$" "burst spread"
expect "^  CPU cycles/packet=[0-9]+\.[0-9]{2} \(total cycles=[0-9]+ / total rxonly packets=8\) at [0-9]+ MHz Clock$" "core cycles"
expect "^Bad arguments: 'x' for 'set verbose'; give a number in 0..65535$" "bad verbose"
expect "^Bad arguments: try 'set record-core-cycles on\|off'$" "bad record-core-cycles"

echo "== verbose callbacks follow the queues through reconfigurations"
out=$( (echo "set verbose 1"; echo "port stop all"; echo "port config all rxq 4";
	echo "port config all txq 4"; echo "port start all"; echo "port stop all";
	echo "port config all rxq 1"; echo "port config all txq 1"; echo "port start all";
	echo "port stop all"; echo "port config all rxq 2"; echo "port config all txq 2";
	echo "port start all"; echo "start tx_first"; sleep 1; echo stop; echo quit) |
	run_i $EAL $RING2 -- -i --burst=8 --forward-mode=rxonly)
n=$(grep -c "^port 0/queue 1: received 8 packets$" <<<"$out")
[ "$n" = 1 ] || fail "queue 1 of port 0: one burst dumped once, saw $n dumps"

echo "== streams > ports: DPDK's per-stream forward statistics; start tx_first N"
out=$( (echo "start tx_first x"; echo "start tx_first 2"; sleep 1; echo stop; echo quit) |
	run_i $EAL $RING2 -- -i --rxq=2 --txq=2 --burst=8 --forward-mode=rxonly)
expect "^  ------- Forward Stats for RX Port= 1/Queue= 1 -> TX Port= 0/Queue= 1 -------$" "stream heading"
n=$(grep -c "^  RX-packets: 16             TX-packets: 16             TX-dropped: 0 *$" <<<"$out")
[ "$n" = 4 ] || fail "four streams each with 2 bursts of 8 received and sent, saw $n"
expect "^Bad arguments: 'x' for 'start tx_first'; give a number in 0..65535$" "start tx_first x"

echo "== icmpecho and 5tswap answer packets from a pcap file"
pdir=$(mktemp -d)
PKTS="python3 $(dirname "$0")/pcap_pkts.py"
$PKTS make "$pdir/in.pcap"
# net_pcap is built only where libpcap is found.
if grep -q sluice_pmd_anchor_net_pcap "$TPMD"; then
	pcap_run() {
		rm -f "$pdir/out.pcap"
		out=$( (echo "set fwd $1"; echo start; sleep 0.5; echo stop; echo quit) |
			run_i $EAL --vdev "net_pcap0,rx_pcap=$pdir/in.pcap,tx_pcap=$pdir/out.pcap" -- -i \
				--no-flush-rx)
		pkts=$($PKTS dump "$pdir/out.pcap")
	}
	pcap_run icmpecho
	[ "$(acc RX-packets:)" = 4 ] || fail "icmpecho: RX $(acc RX-packets:), want 4"
	[ "$(acc TX-packets:)" = 2 ] || fail "icmpecho: TX $(acc TX-packets:), want 2 (ARP and ICMP replies)"
	# ARP reply: to the asker, from the port, opcode 2, the asked address answers.
	grep -qE "^0200000000aa([0-9a-f]{12})08060001080006040002\1(0a000002)0200000000aa0a000001$" <<<"$pkts" ||
		fail "icmpecho: no ARP reply in $pkts"
	# Echo reply: MACs and addresses swapped, type 0, checksum still valid.
	grep -q "^0200000000aa0200000000bb08004500002000010000400166da0a0000020a0000010000[0-9a-f]\{4\}0001000161626364$" <<<"$pkts" ||
		fail "icmpecho: no echo reply in $pkts"
	grep -q "^icmp-cksum-ok$" <<<"$pkts" || fail "icmpecho: echo reply checksum wrong"
	[ "$(wc -l <<<"$pkts")" = 3 ] || fail "icmpecho: UDP and runt must be dropped: $pkts"
	pcap_run 5tswap
	[ "$(acc TX-packets:)" = 4 ] || fail "5tswap: TX $(acc TX-packets:), want 4"
	grep -q "^0200000000aa0200000000bb08004500002000010000401166ca0a0000020a00000107d003e8000c00007778797a$" <<<"$pkts" ||
		fail "5tswap: UDP datagram not swapped (MACs, addresses, ports): $pkts"
	grep -q "^0200000000aaffffffffffff0806" <<<"$pkts" || fail "5tswap: ARP MACs not swapped: $pkts"
	grep -q "^01010101010101010101$" <<<"$pkts" || fail "5tswap: the runt must go out untouched: $pkts"
	# csum: wrong IPv4, UDP and TCP checksums come out right, MACs as mac mode.
	$PKTS make-csum "$pdir/in.pcap"
	pcap_run csum
	expect "^  Bad-ipcsum: 0              Bad-l4csum: 0             Bad-outer-l4csum: 0 +$" "csum counters"
	expect "^  Bad-outer-ipcsum: 0 +$" "csum outer IP counter"
	[ "$(grep -c "^020000000000([0-9a-f]{12})0800" -E <<<"$pkts")" = 2 ] ||
		fail "csum: two packets to the peer 02:00:00:00:00:00: $pkts"
	[ "$(grep -c "^ip-cksum-ok$" <<<"$pkts")" = 2 ] || fail "csum: IPv4 checksums not fixed: $pkts"
	[ "$(grep -c "^l4-cksum-ok$" <<<"$pkts")" = 2 ] || fail "csum: UDP/TCP checksums not fixed: $pkts"
else
	echo "skip: no net_pcap in this build"
fi
rm -rf "$pdir"

echo "== set nbport, set eth-peer"
out=$( (echo "set nbport 3"; echo "set nbport 1"; echo "set eth-peer 0 02:00:00:00:00:77";
	echo "set eth-peer 0 zz"; echo "set fwd"; echo "show config fwd"; echo quit) |
	run_i $EAL $NULL2 -- -i)
expect "^nb fwd ports 3 > 2 \(number of configured ports\) - ignored$" "nbport too large"
expect "^Number of forwarding ports set to 1$" "nbport"
expect "^Error: Invalid ethernet address: zz$" "bad eth-peer"
expect "^Bad arguments: try 'set fwd MODE \[retry\]' with a mode of io mac" "set fwd without a mode"
expect "^io packet forwarding - ports=1 - cores=1 - streams=1 " "one port forwarding"
expect "^  RX P=0/Q=0 \(socket 0\) -> TX P=0/Q=0 \(socket 0\) peer=02:00:00:00:00:77$" "eth-peer"

echo "== --portmask, --max-pkt-len, --mbcache"
out=$( (echo "show config fwd"; echo "show port info 2"; echo "dump_mempool mb_pool_0"; echo quit) |
	run_i $EAL $NULL2 --vdev net_null2 -- -i --portmask=0x5 --max-pkt-len=9018 --mbcache=0)
expect "^io packet forwarding - ports=2 - cores=1 - streams=2 " "portmask: two ports"
expect "^  RX P=0/Q=0 \(socket 0\) -> TX P=2/Q=0 \(socket 0\) peer=02:00:00:00:00:02$" "portmask: 0 with 2"
reject "RX P=1/" "portmask: port 1 not forwarding"
expect "^MTU: 9000$" "max-pkt-len sets the MTU (less 18 bytes of overhead)"
expect "^    cache_size=0$" "mbcache 0"

echo "== txonly --txpkts=100: every packet is 100 bytes"
out=$( (echo start; sleep 1; echo stop; echo "show port stats 0"; echo quit) |
	timeout 30 "$TPMD" $EAL $NULL2 -- -i --forward-mode=txonly --txpkts=100 2>&1)
expect "packet len=100 - nb packet segments=1" "txonly config"
read -r pk by < <(awk '/NIC statistics for port 0/ { s = 1 } s && /TX-packets:/ { print $2, $6; exit }' <<<"$out")
[ -n "${pk:-}" ] && [ "$pk" -gt 0 ] || fail "txonly sent nothing"
[ "$by" = $((pk * 100)) ] || fail "TX-bytes $by for $pk packets, want $((pk * 100))"

echo "== piped input: a line with a NUL byte or too long is refused, the next ones run"
out=$( (printf 'set burst 1\0junk\nset burst 7\n'; head -c 3000 /dev/zero | tr '\0' x;
	echo "set burst 9"; echo "set burst 11"; echo quit; echo "set burst 13") |
	timeout 30 "$TPMD" $EAL $NULL2 -- -i 2>&1)
expect "Bad line: it holds a NUL byte; skipped" "NUL line refused"
reject "burst set to 1$" "the head of the NUL line must not run"
expect "Number of packets per burst set to 7" "the line after the NUL line runs"
expect "Bad line: longer than 1023 characters; skipped" "long line refused"
reject "burst set to 9|Command not found" "the tail of the long line must not run"
expect "Number of packets per burst set to 11" "the line after the long line runs"
expect "^Bye\.\.\.$" "quit after them ends the run"
reject "burst set to 13" "nothing runs after quit"

echo "== --help: exit status 0, nothing left in --huge-dir"
out=$("$TPMD" -h $EAL 2>&1)
rc=$?
[ $rc = 0 ] || fail "EAL -h: exit status $rc, want 0"
reject "Cannot init EAL" "EAL -h is not a failure"
free=$(awk '/HugePages_Free/ { print $2 }' /proc/meminfo)
if [ "$(id -u)" = 0 ] && [ "${free:-0}" -ge 8 ]; then
	hdir=$(mktemp -d)
	if mount -t hugetlbfs nodev "$hdir" 2>/dev/null; then
		out=$("$TPMD" -l 0-1 --huge-dir "$hdir" -m 8 $NULL2 -- --help 2>&1)
		rc=$?
		[ $rc = 0 ] || fail "--help: exit status $rc, want 0"
		expect "--txpkts=X" "usage printed"
		left=$(ls -A "$hdir")
		[ -z "$left" ] || fail "--help left hugepage files behind: $left"
		umount "$hdir"
	else
		echo "skip: cannot mount hugetlbfs"
	fi
	rmdir "$hdir"
else
	echo "skip: --huge-dir check needs root and 8 free hugepages"
fi

echo "== flow: DPDK's grammar, the flow API's answer on ports without flow support"
out=$(printf '%s\n' "flow list 0" \
	"flow validate 0 ingress pattern eth / ipv4 src is 10.0.0.1 / udp dst is 53 / end actions queue index 0 / end" \
	"flow create 0 group 1 priority 2 ingress pattern eth type is 0x0800 / vlan tci is 5 / ipv6 dst spec ::1 dst mask ffff:: / tcp src last 90 src is 80 / icmp type is 8 / end actions mark id 3 / rss queues 0 1 end / count / passthru / void / drop / end" \
	"flow validate 1 pattern ipv4 src is 10.0.0.0 src prefix 8 / end actions end" \
	"flow isolate 0 1" "flow destroy 0 rule 0" "flow flush 0" "flow query 0 0 count" \
	"flow isolate 0 2" "flow list 5" "flow bogus 0" "flow destroy 0 rule" \
	"flow create 0 pattern eth dst is zz / end actions drop / end" \
	"flow create 0 pattern eth / end actions queue index 70000 / end" \
	"flow create 0 pattern eth foo is 1 / end actions drop / end" \
	"flow create 0 pattern eth / end actions drop" \
	"flow create 0 pattern eth / end actions drop / end extra" \
	"flow create 0 pattern foo / end actions drop / end" \
	"flow create 0 pattern eth / end actions jump / end" \
	"flow create 0 pattern ipv4 src prefix 33 / end actions end" \
	"flow create 0 pattern udp src / end actions end" "quit" |
	run_i $EAL $NULL2 -- -i)
n=$(grep -c "^port_flow_complain(): Caught PMD error type 1 (cause unspecified): Function not implemented: Function not implemented$" <<<"$out")
[ "$n" = 4 ] || fail "flow: $n port_flow_complain lines for validate x2, create, isolate; want 4"
reject "^ID	Group" "flow list of an empty port prints nothing"
reject "^Flow rule (#[0-9]+ (created|destroyed)|validated)$" "no rule created, destroyed or validated"
expect "^Flow rule #0 not found$" "flow query of a missing rule"
expect "^Bad arguments: '2' for 'flow isolate'; give a number in 0\.\.1$" "flow isolate 2"
expect "^Invalid port 5; valid ports: 0 1$" "flow list of a bad port"
expect "^Bad arguments: 'flow bogus'; try 'flow validate\|create\|destroy" "flow bogus"
expect "^Bad arguments: try 'flow destroy P rule N \[rule N\]\.\.\.'" "flow destroy without id"
expect "^Bad arguments: not a MAC address: 'zz'; use XX:XX:XX:XX:XX:XX$" "bad MAC"
expect "^Bad arguments: '70000' for queue index; give a number in 0\.\.65535$" "queue index range"
expect "^Bad arguments: item 'eth' has no field 'foo'; its fields are dst src type$" "bad field"
expect "^Bad arguments: actions end without 'end'; close them with '/ end'$" "actions without end"
expect "^Bad arguments: unexpected 'extra'; nothing goes after the actions' end$" "words after end"
expect "^Bad arguments: unknown pattern item 'foo'; use eth, vlan, ipv4, ipv6, udp, tcp, icmp or end$" "bad item"
expect "^Bad arguments: unknown action 'jump'; use queue, drop, mark, rss, count, passthru, void or end$" "bad action"
expect "^Bad arguments: '33' for prefix; give a number in 0\.\.32$" "prefix range"
expect "^Bad arguments: unknown operator '/'; use is, spec, last, mask or prefix$" "field without operator"

echo "== vlan offloads, VLAN filter and EEPROM on ports whose driver has none"
out=$(printf '%s\n' "show port 0 eeprom" "show port 1 module_eeprom" "show port all eeprom" \
	"vlan set strip on 0" "vlan set filter on 1" "vlan set qinq_strip off 0" "vlan set qinq on 0" \
	"vlan set extend maybe 0" "rx_vlan add 5 0" "rx_vlan rm 5 1" "rx_vlan add 4096 0" \
	"vlan set strip on 9" "quit" | run_i $EAL $NULL2 -- -i)
n=$(grep -c "^operation not supported by device$" <<<"$out")
[ "$n" = 2 ] || fail "eeprom: $n 'operation not supported by device' lines, want 2"
expect "^Bad arguments: give one port, not 'all'$" "eeprom of all ports"
expect "^rx_vlan_strip_set\(port_pi=0, on=1\) failed diag=-95$" "vlan strip refused"
expect "^rx_vlan_filter_set\(port_pi=1, on=1\) failed diag=-95$" "vlan filter refused"
reject "^rx_vlan_qinq_strip_set" "turning off an offload that is off succeeds"
expect "^Bad arguments: unknown 'qinq'; use strip, filter, qinq_strip or extend$" "qinq word"
expect "^Bad arguments: 'maybe'; give on or off$" "on/off"
expect "^rte_eth_dev_vlan_filter\(port_pi=0, vlan_id=5, on=1\) failed diag=-38$" "rx_vlan add refused"
expect "^rte_eth_dev_vlan_filter\(port_pi=1, vlan_id=5, on=0\) failed diag=-38$" "rx_vlan rm refused"
expect "^Bad arguments: '4096' for 'rx_vlan'; give a number in 0\.\.4095$" "VLAN id range"
expect "^Invalid port 9; valid ports: 0 1$" "vlan set on a bad port"

echo "== port reset: refused while started, the driver's answer when stopped"
out=$(printf '%s\n' "port reset 0" "port stop all" "port reset all" "port start all" "quit" |
	run_i $EAL $NULL2 -- -i)
expect "^Can not reset port\(s\), please stop port\(s\) first\.$" "reset of a started port"
expect "^Failed to reset port 0\. diag=-95$" "net_null has no reset (port 0)"
expect "^Failed to reset port 1\. diag=-95$" "net_null has no reset (port 1)"
n=$(grep -c "^Resetting ports\.\.\.$" <<<"$out")
[ "$n" = 1 ] || fail "port reset: $n 'Resetting ports...' lines, want 1"

echo "== RSS hash types: port config all rss, show port N rss-hash [key]"
out=$(printf '%s\n' "show port 0 rss-hash" "port config all rss udp" "show port 0 rss-hash key" \
	"port config all rss none" "show port 1 rss-hash" "port config all rss bogus" "quit" |
	run_i $EAL $NULL2 -- -i --rxq=2 --txq=2)
expect "^rss_hf 0x20820$" "rss udp set"
expect "^RSS functions:$" "rss-hash heading"
expect "^  ipv4-udp  ipv6-udp  ipv6-udp-ex$" "rss-hash types"
expect "^RSS key:$" "rss-hash key heading"
expect "^[0-9A-F]{80}$" "40-byte key in hex"
expect "^rss_hf 0$" "rss none"
# Two rx queues: the ports were configured with RSS on the IP types (--rss-ip, the default).
expect "^  ipv4  ipv4-frag  ipv4-other  ipv6  ipv6-frag  ipv6-other$" "rss-hash of the configuration"
n=$(grep -c "^RSS disabled$" <<<"$out")
[ "$n" = 1 ] || fail "rss-hash: $n 'RSS disabled' lines (after none), want 1"
expect "^Unknown parameter 'bogus'; use all, ip, udp, tcp or none$" "bad rss word"
out=$(printf '%s\n' "port config all rss ip" "quit" | run_i $EAL $NULL2 -- -i)
expect "^Configuration of RSS hash at ethernet port 1 failed with error \(95\): Operation not supported\.$" \
	"one queue: no RSS mode"
reject "^rss_hf" "a refused update leaves rss_hf"

echo "== set txpkts, set txsplit"
out=$(printf '%s\n' "set txpkts 64,100,200" "show config txpkts" "set txpkts 10" "set txpkts 64,3000" \
	"set txpkts 64,x" "set txsplit on" "set txsplit off" "set txsplit foo" "set fwd txonly" \
	"start" "set txpkts 64" "stop" "quit" | run_i $EAL $NULL2 -- -i)
expect "^Segment sizes: 64,100,200$" "txpkts set"
expect "^Bad arguments: set txpkts '10': the first segment must hold the 42 bytes" "short first segment"
expect "^Bad arguments: set txpkts: length\[1\]=3000 > mbuf data room 2048 " "segment over the mbuf room"
expect "^Bad arguments: set txpkts 'x': expected a number in 1\.\.65535$" "not a number"
expect "^set txsplit on is not supported: .*use 'set txsplit off'$" "txsplit on refused"
expect "^unknown value: \"foo\"$" "txsplit word"
expect "^  packet len=364 - nb packet segments=3$" "txonly uses the new segments"
expect "^Please stop forwarding first$" "set txpkts while forwarding"

echo "== set fwd MODE retry, set burst tx delay D retry R"
out=$(printf '%s\n' "set fwd mac retry" "set burst tx delay 5 retry 10" "show config fwd" \
	"show config rxtx" "set fwd rxonly retry" "set burst tx delay x retry 1" "set fwd io" \
	"show config fwd" "quit" | run_i $EAL $NULL2 -- -i)
expect "^Set mac packet forwarding mode with retry$" "set fwd retry"
expect "^mac packet forwarding with retry - ports=2 - cores=1 - streams=2 - " "fwd config with retry"
expect "^TX retry num: 10, delay between TX retries: 5us$" "retry pace"
expect "^  mac packet forwarding with retry packets/burst=32$" "rxtx config with retry"
expect "^Bad arguments: rxonly sends nothing to retry; use 'set fwd rxonly'$" "rxonly retry"
expect "^Bad arguments: 'x' for 'set burst tx delay'; give a number in 0\.\.4294967295$" "bad delay"
expect "^io packet forwarding - ports=2 " "plain set fwd turns retry off"
n=$(grep -c "^TX retry num" <<<"$out")
[ "$n" = 1 ] || fail "retry: $n 'TX retry num' lines, want 1 (none after 'set fwd io')"

echo "== set flow_ctrl on ports without pause-frame control"
out=$(printf '%s\n' "set flow_ctrl rx on 0" \
	"set flow_ctrl rx on tx off 10 5 100 1 mac_ctrl_frame_fwd off autoneg on 1" \
	"set flow_ctrl rx maybe 0" "set flow_ctrl bogus 1 0" \
	"set flow_ctrl rx on tx off 10 5 99999 1 mac_ctrl_frame_fwd off autoneg on 0" "quit" |
	run_i $EAL $NULL2 -- -i)
expect "^cannot get current flow ctrl parameters, return code = -95$" "one field: the port is asked first"
expect "^bad flow control parameter, return code = -95$" "full form: the driver refuses"
expect "^Bad arguments: 'maybe'; give on or off$" "on/off"
expect "^Bad arguments: unknown 'bogus'; try 'set flow_ctrl rx on\|off" "unknown field"
expect "^Bad arguments: '99999' for 'pause_time'; give a number in 0\.\.65535$" "pause time range"
n=$(grep -c "return code = -95" <<<"$out")
[ "$n" = 2 ] || fail "flow_ctrl: $n driver answers, want 2 (bad words never reach the port)"

echo "== port attach, port detach with net_null and net_ring vdevs"
out=$(printf '%s\n' "port attach net_null2" "show port summary all" "port detach 2" "port detach 0" \
	"port stop 1" "port detach 1" "port attach vdev:net_ring5" "port attach pci:0000:00:01.0" \
	"port attach net_bogus9" "show port summary all" "quit" | run_i $EAL $NULL2 -- -i)
expect "^Port 2 is attached\. Now total ports is 3$" "net_null2 attached"
expect "^2    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_null2    net_null " "attached port listed"
expect "^Now total ports is 2$" "detach of a port never started"
expect "^Port not stopped$" "detach of a started port"
expect "^Port was not closed$" "detach of a stopped port"
expect "^Now total ports is 1$" "port 1 detached"
expect "^Port 1 is attached\. Now total ports is 2$" "net_ring5 takes the free id"
expect "^1    ([0-9A-F]{2}:){5}[0-9A-F]{2} net_ring5    net_ring " "net_ring5 listed"
expect "^Invalid parameters are specified: 'pci:0000:00:01\.0'; give a virtual device" "other bus"
expect "^Failed to attach port net_bogus9$" "unknown driver"

echo "== set portlist"
out=$(printf '%s\n' "set portlist 1" "show config fwd" "set portlist 0,5" "set portlist x" "quit" |
	run_i $EAL $NULL2 -- -i)
expect "^io packet forwarding - ports=1 - cores=1 - streams=1 " "one forwarding port"
expect "^  RX P=1/Q=0 \(socket 0\) -> TX P=1/Q=0 \(socket 0\)" "port 1 alone"
expect "^Invalid port 5 in 'set portlist'$" "port not there"
expect "^Bad arguments: 'x' for 'set portlist'; give a number in 0\.\.63$" "not a number"

echo "== RSS redirection table and hash key; DPDK's refusals where the port has none"
key=0102$(printf 'ab%.0s' $(seq 38))
out=$(printf '%s\n' "port config 0 rss reta (0,1),(5,0)" "show port 0 rss reta 128 (0x21,0x0)" \
	"port config 0 rss reta (200,1)" "show port 0 rss reta 300 (0x1)" \
	"show port 0 rss reta 128 (0x1)" "port config 0 rss-hash-key ipv4 0011" \
	"port config 0 rss-hash-key ipv4 zz${key:2}" "port config 0 rss-hash-key ipv4-udp $key" \
	"show port 0 rss-hash key" "port config 2 rss reta (0,0)" "show port 2 rss reta 4 (0xf)" \
	"port config 2 rss-hash-key ipv4 00" "quit" |
	run_i $EAL $NULL2 --vdev net_ring0 -- -i --rxq=2 --txq=2)
expect "^The reta size of port 0 is 128$" "reta size"
expect "^RSS RETA configuration: hash index=0, queue=1$" "entry 0 set to queue 1"
expect "^RSS RETA configuration: hash index=5, queue=0$" "entry 5 set to queue 0"
n=$(grep -c "^RSS RETA configuration" <<<"$out")
[ "$n" = 2 ] || fail "$n RETA entries shown, want the 2 of mask 0x21"
expect "^Invalid RETA hash index=200$" "index past the table"
expect "^Invalid RSS Redirection Table config entered$" "bad reta refused"
expect "^Invalid redirection table size: 300 \(1-128\)$" "show size too large"
expect "^Invalid string: \(0x1\) for reta masks$" "one mask for two groups"
expect "^key length: 4 invalid - key must be a string of 80 hexa-decimal numbers$" "short key"
expect "^invalid key: character z at position 0 is not a valid hexa-decimal digit$" "bad digit"
expect "^${key^^}$" "key set"
expect "^Redirection table size is 0 which is invalid for RSS$" "net_ring: no RETA to set"
expect "^Invalid redirection table size: 4 \(1-0\)$" "net_ring: no RETA to show"
expect "^dev_info did not provide a valid hash key size$" "net_ring: no hash key"

echo "== set corelist: the forwarding lcores and their order; DPDK's refusals"
out=$(printf '%s\n' "set corelist 0" "set corelist 5" "set corelist 2,1" "show config fwd" \
	"set corelist 2" "show config fwd" "quit" |
	run_i --lcores 0@0,1@1,2@1 --no-huge $NULL2 --vdev net_null2 --vdev net_null3 -- -i \
		--nb-cores=2)
expect "^lcore 0 cannot be masked on for running packet forwarding, which is the main lcore and reserved for command line parsing only$" "main lcore refused"
expect "^lcore 5 not enabled$" "lcore not in -l"
expect "^Logical Core 2 \(socket 0\) forwards packets on 2 streams:" "lcore 2 first"
lcs=$(grep -o "^Logical Core [0-9]" <<<"$out" | tr -d '\n')
[ "$lcs" = "Logical Core 2Logical Core 1Logical Core 2" ] || fail "forwarding lcores '$lcs', want 2,1 then 2"
expect "^previous number of forwarding cores 2 - changed to number of configured cores 1$" "nbcore follows"
expect "^Logical Core 2 \(socket 0\) forwards packets on 4 streams:" "lcore 2 alone"

echo "== --record-core-cycles: CPU cycles/packet agrees with the forwarding lcore's cycles"
# A forwarding lcore polls all the time it forwards: its cycles are the time
# from "start" to "stop" (this script's clock) at the CPU's clock, over the
# packets forwarded, measured apart from testpmd's own count. Wall time, not
# the thread's CPU time: the TSC that testpmd reads also runs on while a
# loaded machine preempts the thread. Within 2x.
cyc=$(mktemp -d)
mkfifo "$cyc/in"
"$TPMD" $EAL --file-prefix "cyc$$" $NULL2 -- -i --record-core-cycles <"$cyc/in" >"$cyc/log" 2>&1 &
pid=$!
exec 3>"$cyc/in"
for _ in $(seq 100); do
	grep -q "^Done" "$cyc/log" && break
	sleep 0.1
done
tid=$(grep -l "^rte-worker-1$" /proc/$pid/task/*/comm 2>/dev/null | cut -d/ -f5)
if [ -n "$tid" ]; then
	t0=$(date +%s%N)
	echo start >&3
	sleep 3
	echo stop >&3
	t1=$(date +%s%N)
	for _ in $(seq 50); do
		grep -q "CPU cycles/packet" "$cyc/log" && break
		sleep 0.1
	done
fi
echo quit >&3
exec 3>&-
wait $pid
out=$(cat "$cyc/log")
rm -rf "$cyc"
mhz=$(awk -F: '/^cpu MHz/ { print $2; exit }' /proc/cpuinfo)
[ -n "$mhz" ] || mhz=$(sed -nE 's/.* at ([0-9]+) MHz Clock$/\1/p' <<<"$out")
printed=$(sed -nE 's/^  CPU cycles\/packet=([0-9.]+) .*/\1/p' <<<"$out")
pkts=$(acc RX-packets:)
if [ -z "$tid" ] || [ -z "$printed" ] || [ -z "$pkts" ] || [ "$pkts" = 0 ]; then
	fail "record-core-cycles: thread '$tid', cycles/packet '$printed', packets '$pkts'"
else
	awk -v t=$((t1 - t0)) -v mhz="$mhz" -v n="$pkts" -v p="$printed" \
		'BEGIN { m = t / 1e9 * mhz * 1e6 / n; printf "measured %.2f, printed %.2f\n", m, p;
			exit !(p <= 2 * m && m <= 2 * p) }' ||
		fail "CPU cycles/packet $printed not within 2x of the measured value"
fi

echo "== bad options: one clear line, exit status 1"
check_bad "invalid --burst '0': expected a number in 1..512" $EAL $NULL2 -- --burst=0
check_bad "invalid --forward-mode 'foo': use one of io mac" $EAL $NULL2 -- --forward-mode=foo
check_bad "unknown option '--bogus'" $EAL $NULL2 -- --bogus
check_bad "option --stats-period needs a value" $EAL $NULL2 -- --stats-period
check_bad "invalid --port-topology 'ring': use paired, chained or loop" $EAL $NULL2 -- --port-topology=ring
check_bad "invalid --eth-peer '0,zz'" $EAL $NULL2 -- --eth-peer=0,zz
check_bad "no forwarding lcore.*-l 0-1" -l 0 --no-huge $NULL2
check_bad "no ports to forward on: add some, e.g. --vdev net_null0" $EAL
check_bad "--nb-cores=2 but only 1 forwarding lcore" $EAL $NULL2 -- --nb-cores=2
check_bad "invalid --txpkts: length\[0\]=65535 > mbuf data room 2048 .* give up" \
	$EAL --vdev net_null0,copy=1 -- --forward-mode=txonly --txpkts=65535
check_bad "invalid --txpkts: length\[1\]=4000 > mbuf data room 3968" \
	$EAL --vdev net_null0,copy=1 -- --txpkts=64,4000 --mbuf-size=4096
check_bad "invalid --txpkts '64,,64': an empty length; give lengths like 64 or 64,64" \
	$EAL $NULL2 -- --txpkts=64,,64
check_bad "invalid --txpkts '0{20}\.\.\.': longer than 127 characters" \
	$EAL $NULL2 -- --txpkts=$(printf '0%.0s' $(seq 130))64
check_bad "invalid --portmask '0': expected a non-zero hexadecimal mask" $EAL $NULL2 -- --portmask=0
check_bad "invalid --portmask 'zz'" $EAL $NULL2 -- --portmask=zz
check_bad "invalid --mbcache '600': expected a number in 0..512" $EAL $NULL2 -- --mbcache=600
check_bad "invalid --max-pkt-len '10': expected a number in 64.." $EAL $NULL2 -- --max-pkt-len=10
check_bad "Fail to configure port 0: --max-pkt-len=99999 gives an MTU outside 46..65535" \
	$EAL $NULL2 -- --max-pkt-len=99999
check_bad "invalid --cmdline-file '/nonexistent/x': No such file or directory" \
	$EAL $NULL2 -- --cmdline-file=/nonexistent/x
check_bad "invalid --txpkts: total packet length=130000 > 65535" \
	$EAL --vdev net_null0,copy=1 -- --mbuf-size=65535 --txpkts=65000,65000

checks_done "all testpmd checks passed"
