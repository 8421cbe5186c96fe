#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# DPDK source compatibility: DPDK 22.11's own examples, compiled unmodified
# against libsluice and run with their output checked (peer.py plays the
# network side of those on net_tap ports).
#
#   compat.sh build BUILDDIR uninstalled|installed|static
#       compile the three examples with the flags of the uninstalled
#       libsluice-uninstalled.pc, of libsluice.pc after "meson install
#       --destdir", or of "pkg-config --static" against libsluice.a; run
#       helloworld on two lcores
#   compat.sh helloworld BUILDDIR nohuge|huge
#   compat.sh fwd BUILDDIR basicfwd|l2fwd|l2fwd-event|rxtx_callbacks|packet_ordering|l2fwd-jobstats|
#                          dma|sluice-skeleton|sluice-l2fwd|testpmd-MODE
#       forward between two net_af_packet ports on veth pairs in a private
#       network namespace; frames injected on one side must come out of the
#       other byte for byte and in order (l2fwd, l2fwd-jobstats, testpmd
#       mac/macswap: with their MAC rewrite); MODE is io, mac or macswap;
#       packet_ordering's and l2fwd-jobstats' own counters are checked too
#   compat.sh icmpecho BUILDDIR
#       the kernel pings sluice-icmpecho and gets a UDP datagram echoed
#   compat.sh lsi BUILDDIR
#       link_status_interrupt on two net_tap ports: frames forwarded with
#       its MAC rewrite both ways, and its LSC callback reports the link of
#       port 0 going down and up when the kernel side of the tap is set
#       down and up
#   compat.sh ipfrag BUILDDIR
#       ip_fragmentation on two net_tap ports cuts a 4028-byte datagram
#       into three fragments, checked header and data; ip_reassembly, fed
#       those fragments last first, sends out the original byte for byte
#   compat.sh qos_meter BUILDDIR
#       qos_meter (srTCM, colour blind) between two net_tap ports: every
#       frame comes out coloured green or red, the first of each flow
#       green, no more green bytes than CBS + CIR * elapsed time, some red
#   compat.sh ipv4_multicast BUILDDIR
#       ipv4_multicast on two net_tap ports: a datagram to each group goes
#       out of exactly the ports of its group, with the group's MAC and the
#       datagram unchanged
#   compat.sh flow_filtering BUILDDIR
#       flow_filtering on a net_null port: its flow is refused with DPDK's
#       ENOSYS for a driver without flow support, one log line says why,
#       and it exits 1
#   compat.sh cmdline BUILDDIR
#       the cmdline example with commands piped in (add, a duplicate, del,
#       show, completion with TAB, help, an unknown command, a bad address):
#       each answer checked
#   compat.sh ethtool BUILDDIR
#       the ethtool example on two net_ring ports with its commands piped
#       in: drvinfo, link, macaddr get/set, validate; mtu, ringparam, regs,
#       eeprom and pause report "Operation not supported" (net_ring has none)
#   compat.sh timer BUILDDIR
#       the timer example on lcores 0-1 until timer0 (periodic, main lcore)
#       fired three times: timer1 must have fired on both lcores, moving to
#       the other lcore after each call
#   compat.sh keepalive BUILDDIR
#       l2fwd-keepalive forwarding between two net_af_packet ports (l2fwd's
#       MAC rewrite) on lcore 1, its keepalive timer on lcore 0: its worker
#       quits on purpose within 7 s, the keepalive monitor must report it
#       dead and the example restart it, frames must pass before and after;
#       its shared memory object must carry the relayed states and be gone
#       after it exits
#   compat.sh survey BUILDDIR
#       compile every example of DPDK's examples/meson.build list with the
#       sources and include folders its own meson.build names; print
#       "NAME: compiles" or "NAME: no: FIRST ERROR", then the count
#   compat.sh simple_mp BUILDDIR
#       multi_process/simple_mp as a primary and a secondary (other lcore
#       ids, --lcores on the same CPUs), a message sent each way through
#       their rings must be printed by the other's worker; both quit with 0
#   compat.sh hotplug_mp BUILDDIR
#       multi_process/hotplug_mp as a primary and a secondary: a net_null
#       port the secondary attaches is listed by the primary, its detach
#       removes it there; one the primary attaches is listed by the secondary
#   compat.sh symmetric_mp BUILDDIR
#       multi_process/symmetric_mp as a primary (proc 0) and a secondary
#       (proc 1), each forwarding its own queue of two net_null ports; a
#       secondary killed with SIGKILL leaves the primary forwarding and a new
#       one takes its queue; each prints, on SIGINT, counts that must show it
#       forwarded both ways with every packet received sent or dropped
#   compat.sh client_server_mp BUILDDIR
#       multi_process/client_server_mp: mp_server (primary) hands the frames
#       of two net_null ports to mp_client (secondary) through a ring, the
#       client sends them out on its own Tx queue; the server's counters must
#       show the client's traffic, the client killed with SIGKILL must leave
#       the server running, and a new client must carry on from there
#   compat.sh service_cores BUILDDIR
#       the service_cores example on six lcores placed on CPUs 0-1: in its
#       first profile lcores 1-5 each run their one service; its second
#       profile must leave three service lcores (1-3), and no return value
#       may surprise it
#   compat.sh l3fwd BUILDDIR LOOKUP [uninstalled|installed|static]
#       DPDK's l3fwd (built with the flags of that .pc, uninstalled by
#       default) between two net_tap ports, --lookup=LOOKUP (lpm, em, fib,
#       acl; lpm-file: lpm with route files instead of its built-in
#       table; acl with small rule files): l3fwd_peer.py's frames must come
#       out of the port of their route with the MAC rewrite (--eth-dest,
#       the port's MAC) and IPv4's TTL and checksum updated, byte for byte,
#       or be dropped; the ports' counters (sluice-proc-info) must agree;
#       LOOKUP-eventdev: the same in --mode=eventdev on event_sw0 (lpm
#       and fib: with em and acl DPDK's l3fwd 22.11 crashes in this mode,
#       on DPDK as well)
#
# Exit 77 (skipped) when a prerequisite of the machine is missing.
set -u

cmd=${1:-}
BUILD=$(cd "${2:-.}" && pwd)
ARG=${3:-}
EX=${DPDK_EXAMPLES:-/usr/share/dpdk/examples}
PKTIO=$BUILD/app/test/compat/sluice-compat-pktio
CC=${CC:-cc}

tmp=$(mktemp -d)
NS=sluicecompat$$
APP_PID=
BG_PIDS= # the multi-process examples' processes: none may outlive a failed test
cleanup() {
	if [ -n "$APP_PID" ]; then
		kill -INT "$APP_PID" 2>/dev/null
		sleep 0.5
		kill -KILL "$APP_PID" 2>/dev/null
	fi
	for p in $BG_PIDS; do
		kill -KILL "$p" 2>/dev/null
	done
	ip netns del "$NS" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }

[ -d "$EX" ] || skip "DPDK examples not found in $EX: install Debian's dpdk-doc (or set DPDK_EXAMPLES)"

# compile NAME SOURCE MODE [MORE SOURCES OR FLAGS]: writes $tmp/NAME, using
# libsluice's pkg-config flags
compile() {
	local name=$1 src=$2 mode=$3 cflags libs
	shift 3
	case $mode in
	uninstalled)
		export PKG_CONFIG_PATH=$BUILD/meson-uninstalled
		cflags=$(pkg-config --cflags libsluice-uninstalled) || return 1
		libs="$(pkg-config --libs libsluice-uninstalled) -Wl,-rpath,$BUILD"
		;;
	installed | static)
		local libdir
		libdir=$(dirname "$(find "$tmp/dest" -name libsluice.pc | head -1)")/..
		libdir=$(cd "$libdir" && pwd)
		export PKG_CONFIG_PATH=$libdir/pkgconfig
		local def="--define-variable=prefix=$tmp/dest/usr/local"
		cflags=$(pkg-config $def --cflags libsluice) || return 1
		if [ "$mode" = installed ]; then
			libs="$(pkg-config $def --libs libsluice) -Wl,-rpath,$libdir"
		else
			# libsluice.a rather than the .so, with the static flags.
			libs=$(pkg-config $def --static --libs libsluice | sed 's/-lsluice\b/-l:libsluice.a/')
		fi
		;;
	esac
	# shellcheck disable=SC2086
	$CC -O2 -o "$tmp/$name" "$src" "$@" $cflags $libs >"$tmp/$name.cc.log" 2>&1 || {
		echo "--- $CC $src ($mode):"
		grep -E 'error|undefined' "$tmp/$name.cc.log" | head -20
		return 1
	}
}

# install_dest: libsluice installed under $tmp/dest, for compile's
# installed and static modes
install_dest() {
	meson install -C "$BUILD" --destdir "$tmp/dest" --no-rebuild >"$tmp/install.log" 2>&1 ||
		fail "meson install --destdir failed: $(tail -3 "$tmp/install.log")"
}

hello_check() {
	local out
	out=$("$@" 2>&1)
	for c in 0 1; do
		grep -q "hello from core $c" <<<"$out" || fail "lcore $c did not greet: $out"
	done
	echo "helloworld: both lcores greeted"
}

# watch_app TRIES CHECK CMD...: run CMD (an example that loops forever)
# with its output in app.log until the function CHECK succeeds or TRIES
# tenths of a second pass, then kill it; fails when CMD exits first.
watch_app() {
	local tries=$1 check=$2
	shift 2
	stdbuf -oL "$@" >"$tmp/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 "$tries"); do
		"$check" && break
		kill -0 "$APP_PID" 2>/dev/null || fail "$(basename "$1") exited: $(tail -5 "$tmp/app.log")"
		sleep 0.1
	done
	kill -KILL "$APP_PID" 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	APP_PID=
}

# wait_line FILE TEXT PID: until FILE has a line with TEXT (grep -F); fails
# after 10 s or when PID exits first
wait_line() {
	for _ in $(seq 1 100); do
		grep -qF -- "$2" "$1" && return 0
		kill -0 "$3" 2>/dev/null || fail "no '$2' before the process exited: $(tail -5 "$1")"
		sleep 0.1
	done
	fail "no '$2' in 10 s: $(tail -5 "$1")"
}

# mp_start NAME FD CMD...: CMD in the background reading its commands from
# fd FD (a fifo), its output in NAME.log, its pid in ${NAME}_pid
mp_start() {
	local name=$1 fd=$2
	shift 2
	mkfifo "$tmp/$name.in"
	stdbuf -oL "$@" <"$tmp/$name.in" >"$tmp/$name.log" 2>&1 &
	eval "${name}_pid=$!"
	BG_PIDS="$BG_PIDS $!"
	eval "exec $fd>\"$tmp/$name.in\""
}

# mp_quit NAME FD: "quit" on its prompt; it must exit 0 within 5 s
mp_quit() {
	local pid
	pid=$(eval echo "\$${1}_pid")
	echo quit >&"$2"
	for _ in $(seq 1 50); do
		kill -0 "$pid" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$pid" 2>/dev/null && { kill -KILL "$pid"; fail "$1 did not quit: $(tail -5 "$tmp/$1.log")"; }
	wait "$pid" || fail "$1 exited with $?: $(tail -5 "$tmp/$1.log")"
}

mp_simple() {
	local d=$EX/multi_process/simple_mp pfx=sluicemp$$
	compile simple_mp "$d/main.c" uninstalled "$d/mp_commands.c" || fail "simple_mp does not compile"
	# lcores 0-1 and 2-3: the message pool has per-lcore caches, which
	# processes sharing an lcore id would share too
	mp_start pri 5 "$tmp/simple_mp" -l 0-1 --no-huge --file-prefix "$pfx" --proc-type=primary
	wait_line "$tmp/pri.log" "Finished Process Init" "$pri_pid"
	mp_start sec 6 "$tmp/simple_mp" --lcores 2@0,3@1 --file-prefix "$pfx" --proc-type=secondary
	wait_line "$tmp/sec.log" "Finished Process Init" "$sec_pid"
	echo "send hello_from_secondary" >&6
	wait_line "$tmp/pri.log" "core 1: Received 'hello_from_secondary'" "$pri_pid"
	echo "send hello_from_primary" >&5
	wait_line "$tmp/sec.log" "core 3: Received 'hello_from_primary'" "$sec_pid"
	[ "$(grep -c Received "$tmp/pri.log")" = 1 ] && [ "$(grep -c Received "$tmp/sec.log")" = 1 ] ||
		fail "a message received more than once"
	mp_quit sec 6
	mp_quit pri 5
	echo "simple_mp: a message each way between primary and secondary; both quit with 0"
}

# mp_say NAME FD CMD: CMD on its prompt; its answer in $out once the next
# prompt shows: from the line of the prompt that took CMD (the command is
# echoed after it) to the new prompt
mp_say() {
	local before
	before=$(wc -l <"$tmp/$1.log")
	echo "$3" >&"$2"
	for _ in $(seq 1 100); do
		out=$(tail -n +"$((before + 1))" "$tmp/$1.log")
		[ "$(grep -c '^example> ' <<<"$out")" -ge 2 ] && return 0
		sleep 0.1
	done
	fail "$1: no prompt after '$3': $(tail -5 "$tmp/$1.log")"
}

mp_hotplug() {
	local d=$EX/multi_process/hotplug_mp pfx=sluicehp$$
	compile hotplug_mp "$d/main.c" uninstalled "$d/commands.c" || fail "hotplug_mp does not compile"
	mp_start pri 5 "$tmp/hotplug_mp" -l 0 --no-huge --no-pci --file-prefix "$pfx" --proc-type=primary
	wait_line "$tmp/pri.log" "example> " "$pri_pid"
	mp_start sec 6 "$tmp/hotplug_mp" --lcores 1@1 --no-pci --file-prefix "$pfx" --proc-type=secondary
	wait_line "$tmp/sec.log" "example> " "$sec_pid"
	mp_say sec 6 "attach net_null0"
	grep -qx "attached device net_null0" <<<"$out" || fail "secondary's attach: $out"
	mp_say pri 5 list
	grep -qx $'0\tnet_null0' <<<"$out" || fail "the primary does not list net_null0: $out"
	mp_say sec 6 "detach net_null0"
	grep -qx "detached device net_null0" <<<"$out" || fail "secondary's detach: $out"
	mp_say pri 5 list
	grep -q "net_null0" <<<"$out" && fail "the primary still lists net_null0: $out"
	mp_say pri 5 "attach net_null1,size=128"
	grep -qx "attached device net_null1" <<<"$out" || fail "primary's attach: $out"
	mp_say sec 6 list
	grep -qx $'0\tnet_null1' <<<"$out" || fail "the secondary does not list net_null1: $out"
	mp_quit sec 6
	mp_quit pri 5
	echo "hotplug_mp: the secondary's attach and detach of net_null0 seen by the primary," \
		"the primary's attach of net_null1 by the secondary"
}

# smp_counts LOG: symmetric_mp's exit counts (Port P: RX - r, TX - t, Drop - d)
# must show both ports received, and every packet one port received was
# sent or dropped on the other, but for at most the one burst (32) the
# signal may have caught between its receive and its send
smp_counts() {
	local r0 t0 d0 r1 t1 d1
	read -r r0 t0 d0 < <(sed -n 's/^Port 0: RX - \([0-9]*\), TX - \([0-9]*\), Drop - \([0-9]*\)$/\1 \2 \3/p' "$1")
	read -r r1 t1 d1 < <(sed -n 's/^Port 1: RX - \([0-9]*\), TX - \([0-9]*\), Drop - \([0-9]*\)$/\1 \2 \3/p' "$1")
	[ -n "${r0:-}" ] && [ -n "${r1:-}" ] || fail "no exit counts in $(basename "$1"): $(tail -5 "$1")"
	[ "$r0" -gt 0 ] && [ "$r1" -gt 0 ] || fail "$(basename "$1"): a port received nothing ($r0, $r1)"
	local in_flight0=$((r0 - t1 - d1)) in_flight1=$((r1 - t0 - d0))
	[ "$in_flight0" -ge 0 ] && [ "$in_flight0" -le 32 ] && [ "$in_flight1" -ge 0 ] &&
		[ "$in_flight1" -le 32 ] ||
		fail "$(basename "$1"): received $r0/$r1, sent+dropped $((t1 + d1))/$((t0 + d0))"
	echo "$(basename "$1" .log): port 0 RX $r0 -> port 1 TX $t1 + drop $d1; port 1 RX $r1 -> port 0 TX $t0 + drop $d0"
}

# bg_stop NAME PID SIGNAL: SIGNAL to PID, which must exit 0 within 5 s
bg_stop() {
	kill -"$3" "$2"
	for _ in $(seq 1 50); do
		kill -0 "$2" 2>/dev/null || break
		sleep 0.1
	done
	kill -0 "$2" 2>/dev/null && { kill -KILL "$2"; fail "$1 did not exit on SIG$3"; }
	wait "$2" || fail "$1 exited with $? on SIG$3: $(tail -5 "$tmp/$1.log")"
}

# bg_start NAME TEXT CMD...: CMD in the background (output line-buffered in
# NAME.log, its pid in ${NAME}_pid and killed by the exit trap), until its
# log shows TEXT
bg_start() {
	local name=$1 text=$2
	shift 2
	stdbuf -oL "$@" >"$tmp/$name.log" 2>&1 &
	eval "${name}_pid=$!"
	BG_PIDS="$BG_PIDS $!"
	wait_line "$tmp/$name.log" "$text" "$!"
}

mp_symmetric() {
	local d=$EX/multi_process/symmetric_mp pfx=sluicesmp$$ p0_pid s1_pid s2_pid
	# the secondary learns the ports from the primary
	local sec=("$tmp/symmetric_mp" -l 1 --file-prefix "$pfx" --proc-type=secondary
		-- -p 3 --num-procs=2 --proc-id=1)
	compile symmetric_mp "$d/main.c" uninstalled || fail "symmetric_mp does not compile"
	bg_start p0 "Finished Process Init" "$tmp/symmetric_mp" -l 0 --no-huge -m 512 \
		--file-prefix "$pfx" --proc-type=primary --vdev net_null0 --vdev net_null1 \
		-- -p 3 --num-procs=2 --proc-id=0
	bg_start s1 "lcore 1 using queue 1 of each port" "${sec[@]}"
	sleep 1
	kill -KILL "$s1_pid"
	wait "$s1_pid" 2>/dev/null
	sleep 0.5
	kill -0 "$p0_pid" 2>/dev/null ||
		fail "the primary died with its killed secondary: $(tail -5 "$tmp/p0.log")"
	bg_start s2 "lcore 1 using queue 1 of each port" "${sec[@]}"
	sleep 1
	bg_stop s2 "$s2_pid" INT
	bg_stop p0 "$p0_pid" INT
	smp_counts "$tmp/s2.log"
	smp_counts "$tmp/p0.log"
	# the example exits from its signal handler, without rte_eal_cleanup()
	rm -rf "/var/run/dpdk/$pfx"
	echo "symmetric_mp: the primary and a secondary each forwarded their queue both ways;" \
		"a secondary killed with SIGKILL left the primary forwarding"
}

# cs_counts MORE_THAN: the server's screens (once a second, after 3 s):
# "Client  0 - rx: N, rx_drop: N" then "tx: N, tx_drop: N"; sets cl_rx and
# cl_tx from the last one, waiting up to 20 s for a tx count above MORE_THAN
cs_counts() {
	for _ in $(seq 1 200); do
		read -r cl_rx cl_tx < <(tr '\033' '\n' <"$tmp/server.log" | awk '
			/Client +0 - rx:/ { rx = $5; sub(",", "", rx); getline; tx = $2; sub(",", "", tx) }
			END { print rx + 0, tx + 0 }')
		[ "$cl_tx" -gt "$1" ] && return 0
		sleep 0.1
	done
}

mp_client_server() {
	local d=$EX/multi_process/client_server_mp server_pid client1_pid client2_pid tx1 tx2
	local pfx=sluicecs$$
	local client=("$tmp/mp_client" --lcores 2@1 --file-prefix "$pfx" --proc-type=secondary -- -n 0)
	compile mp_server "$d/mp_server/main.c" uninstalled "$d/mp_server/init.c" \
		"$d/mp_server/args.c" "-I$d/shared" || fail "mp_server does not compile"
	compile mp_client "$d/mp_client/client.c" uninstalled "-I$d/shared" ||
		fail "mp_client does not compile"
	bg_start server "Finished Process Init" "$tmp/mp_server" --lcores 0@0,1@1 --no-huge -m 512 \
		--file-prefix "$pfx" --vdev net_null0 --vdev net_null1 -- -p 3 -n 1
	bg_start client1 "Client process 0 handling packets" "${client[@]}"
	cs_counts 0
	[ "$cl_rx" -gt 0 ] && [ "$cl_tx" -gt 0 ] ||
		fail "the server shows the client received $cl_rx, sent $cl_tx"
	kill -KILL "$client1_pid"
	wait "$client1_pid" 2>/dev/null
	# two screens later the count is the dead client's last
	sleep 2.5
	kill -0 "$server_pid" 2>/dev/null || fail "the server died with its killed client: $(tail -5 "$tmp/server.log")"
	cs_counts -1
	tx1=$cl_tx
	bg_start client2 "Client process 0 handling packets" "${client[@]}"
	cs_counts "$tx1"
	[ "$cl_tx" -gt "$tx1" ] || fail "the new client sent nothing: $tx1 then $cl_tx"
	tx2=$cl_tx
	kill -KILL "$client2_pid"
	wait "$client2_pid" 2>/dev/null
	bg_stop server "$server_pid" INT
	# the example exits from its signal handler, without rte_eal_cleanup()
	rm -rf "/var/run/dpdk/$pfx"
	echo "client_server_mp: the client sent $tx1 frames the server handed it, the server" \
		"outlived the client's SIGKILL, a new client took over ($tx2 sent in all)"
}

case $cmd in
hotplug_mp)
	mp_hotplug
	exit 0
	;;
simple_mp)
	mp_simple
	exit 0
	;;
symmetric_mp)
	mp_symmetric
	exit 0
	;;
client_server_mp)
	mp_client_server
	exit 0
	;;
build)
	[ "$ARG" != uninstalled ] && install_dest
	for ex in helloworld/main.c skeleton/basicfwd.c l2fwd/main.c; do
		compile "$(dirname $ex)" "$EX/$ex" "$ARG" || fail "$ex does not compile against libsluice ($ARG)"
		echo "compiled $ex ($ARG)"
	done
	if [ "$ARG" = static ]; then
		ldd "$tmp/helloworld" | grep -q libsluice && fail "static helloworld still needs libsluice.so"
	fi
	hello_check "$tmp/helloworld" -l 0-1 --no-huge
	# The drivers came along (static: through the anchors in Libs.private).
	out=$(timeout -s KILL 5 stdbuf -oL "$tmp/skeleton" -l 0 --no-huge --vdev net_ring0 \
		--vdev net_ring1 2>&1)
	grep -q "Port 1 MAC" <<<"$out" || fail "basicfwd found no net_ring ports ($ARG): $out"
	echo "basicfwd: probed net_ring ports and started"
	;;
flow_filtering)
	FF=$EX/flow_filtering
	compile flow_filtering "$FF/main.c" uninstalled -I"$FF" || fail "flow_filtering does not compile"
	out=$(timeout -s KILL 20 "$tmp/flow_filtering" -l 0 --no-huge --vdev net_null0 2>&1)
	rc=$?
	[ "$rc" = 1 ] || fail "flow_filtering exited with $rc, not 1: $out"
	grep -q "^:: initializing port: 0 done" <<<"$out" || fail "port 0 not initialized: $out"
	[ "$(grep -c "Port 0: the driver has no flow API" <<<"$out")" = 1 ] ||
		fail "not one log line naming the cause: $out"
	grep -q "^Flow can't be created 1 message: Function not implemented" <<<"$out" ||
		fail "no ENOSYS (error type 1, unspecified) for its flow: $out"
	echo "flow_filtering: its flow refused with ENOSYS, the cause logged once, exit status 1"
	exit 0
	;;
cmdline)
	compile cmdline "$EX/cmdline/main.c" uninstalled "$EX/cmdline/commands.c" \
		"$EX/cmdline/parse_obj_list.c" -I"$EX/cmdline" || fail "cmdline does not compile"
	# "sh<TAB>o<TAB>" completes to "show o2 " (o1 is gone by then)
	printf '%s\n' "add o1 10.0.0.1" "add o1 10.9.9.9" "add o2 2001:db8::2" "show o1" \
		"del o1" "show o1" "$(printf 'sh\to\t')" help bogus "add o3 300.1.1.1" |
		timeout -s KILL 20 "$tmp/cmdline" -l 0 --no-huge >"$tmp/out" 2>/dev/null
	rc=$?
	out=$(tr -d '\r' <"$tmp/out" | grep -v '^example> ')
	[ "$rc" = 0 ] || fail "cmdline exited with $rc at the end of its input: $out"
	want="Object o1 added, ip=10.0.0.1
Object o1 already exist
Object o2 added, ip=2001:0db8:0000:0000:0000:0000:0000:0002
Object o1, ip=10.0.0.1
Object o1 removed, ip=10.0.0.1
Bad arguments
Object o2, ip=2001:0db8:0000:0000:0000:0000:0000:0002"
	[ "$(head -7 <<<"$out")" = "$want" ] || fail "cmdline answered:
$out
instead of:
$want"
	grep -q "^- show obj_name$" <<<"$out" || fail "no help text: $out"
	[ "$(tail -2 <<<"$out")" = "Command not found
Bad arguments" ] || fail "unknown command or bad address: $(tail -2 <<<"$out")"
	echo "cmdline: add, duplicate, show, del, TAB completion, help, unknown command and bad address answered"
	exit 0
	;;
ethtool)
	ET=$EX/ethtool
	compile ethtool "$ET/ethtool-app/main.c" uninstalled "$ET/ethtool-app/ethapp.c" \
		"$ET/lib/rte_ethtool.c" -I"$ET/lib" -I"$ET/ethtool-app" || fail "ethtool does not compile"
	# -m 800: its pool is sized for 131582 mbufs
	printf '%s\n' drvinfo link "macaddr 0" "macaddr 1 02:00:00:00:11:11" "macaddr 1" \
		"mtu 0 1400" "validate 01:00:00:00:00:01" "validate 02:00:00:00:00:01" "ringparam 0" \
		"regs 0 $tmp/regs" "eeprom 0 $tmp/eeprom" "pause 0" "portstats 0" quit |
		timeout -s KILL 20 "$tmp/ethtool" -l 0-1 --no-huge -m 800 --vdev net_ring0 \
			--vdev net_ring1 >"$tmp/out" 2>/dev/null
	rc=$?
	out=$(tr -d '\r' <"$tmp/out")
	[ "$rc" = 0 ] || fail "ethtool exited with $rc after quit: $out"
	for l in "Number of NICs: 2" "Port 0 driver: net_ring (ver: DPDK 22.11" "bus-info: net_ring1" \
		"Port 0: Up" "Port 1: Up" "Port 0 MAC Address: " "MAC address changed" \
		"Port 1 MAC Address: 02:00:00:00:11:11" "Address is not unicast" "Address is unicast" \
		"  Err: 0" "Closing port 1... Done"; do
		grep -qF -- "$l" <<<"$out" || fail "ethtool: no '$l' in: $out"
	done
	# mtu, ringparam, regs, eeprom, pause: net_ring has none of them
	[ "$(grep -c "^Port 0: Operation not supported$" <<<"$out")" = 5 ] ||
		fail "not 5 'Operation not supported': $out"
	[ -e "$tmp/regs" ] || [ -e "$tmp/eeprom" ] && fail "a dump file was left for an unsupported op"
	echo "ethtool: drvinfo, link, macaddr get/set, validate answered; mtu, ringparam, regs, eeprom, pause not supported"
	exit 0
	;;
survey)
	n=0
	ok=0
	list=$(sed -n "/^all_examples = \[/,/^\]/p" "$EX/meson.build" | grep -o "'[^']*'" | tr -d "'")
	[ -n "$list" ] || fail "no all_examples list in $EX/meson.build"
	for ex in $list; do
		d=$EX/$ex
		# the .c files and include folders its meson.build names (the
		# x86 variant where it picks one by architecture)
		srcs=$(grep -o "'[^']*\.c'" "$d/meson.build" | tr -d "'" | grep -v '_nop\.c$' | sed "s|^|$d/|")
		incs="-I$d -I$EX/common"
		for i in $(sed -n 's/.*include_directories(\(.*\)).*/\1/p' "$d/meson.build" | grep -o "'[^']*'" | tr -d "'"); do
			incs="$incs -I$d/$i"
		done
		n=$((n + 1))
		# shellcheck disable=SC2086
		set -- $srcs
		main=$1
		shift
		# shellcheck disable=SC2086
		if compile "$(basename "$ex")" "$main" uninstalled "$@" $incs -DALLOW_EXPERIMENTAL_API -lrt >/dev/null; then
			ok=$((ok + 1))
			echo "$ex: compiles"
		else
			first=$(grep -m1 -E 'fatal error|error:|undefined reference' "$tmp/$(basename "$ex").cc.log" |
				sed -E 's/^[^ ]*(error|warning): //; s/^.*undefined reference to/undefined reference to/')
			echo "$ex: no: $first"
		fi
	done
	echo "$ok of $n examples compile"
	exit 0
	;;
helloworld)
	compile helloworld "$EX/helloworld/main.c" uninstalled || fail "helloworld does not compile"
	if [ "$ARG" = huge ]; then
		free=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
		[ "$free" -ge 64 ] || skip "fewer than 64 free 2 MiB hugepages ($free)"
		hello_check "$tmp/helloworld" -l 0-1
	else
		hello_check "$tmp/helloworld" -l 0-1 --no-huge
	fi
	;;
fwd | icmpecho | keepalive)
	[ "$(id -u)" = 0 ] || skip "needs root for network namespaces and AF_PACKET"
	command -v ip >/dev/null || skip "needs ip(8) (iproute2)"
	ip netns add "$NS" 2>/dev/null || skip "cannot create a network namespace"
	# a0 <-> a1 and b0 <-> b1; the program owns a1 (port 0) and b1 (port 1).
	for p in a b; do
		ip -n "$NS" link add ${p}0 type veth peer name ${p}1 || fail "cannot create veth ${p}0"
		for i in ${p}0 ${p}1; do
			ip netns exec "$NS" sysctl -qw net.ipv6.conf.$i.disable_ipv6=1
			ip -n "$NS" link set $i up
		done
	done
	mac() { ip -n "$NS" -br link show "$1" | awk '{ print $3 }'; }
	vdevs="--vdev net_af_packet0,iface=a1 --vdev net_af_packet1,iface=b1"
	;;
timer)
	compile timer "$EX/timer/main.c" uninstalled || fail "timer does not compile"
	# It loops forever: watch its output, then kill it (cleanup on exit).
	fired3() { [ "$(grep -c '^timer0_cb() on lcore' "$tmp/app.log")" -ge 3 ]; }
	watch_app 300 fired3 "$tmp/timer" -l 0-1 --no-huge
	t0=$(grep '^timer0_cb() on lcore' "$tmp/app.log")
	[ "$(grep -c . <<<"$t0")" -ge 3 ] || fail "timer0 did not fire 3 times in 30 s: $(tail -5 "$tmp/app.log")"
	grep -qv '^timer0_cb() on lcore 0$' <<<"$t0" && fail "timer0 ran off the main lcore: $t0"
	# timer1 re-arms itself on the next lcore: 1, 0, 1, 0, ...
	t1=$(grep '^timer1_cb() on lcore' "$tmp/app.log" | awk '{ print $4 }' | tr '\n' ' ')
	want=1
	for l in $t1; do
		[ "$l" = "$want" ] || fail "timer1 ran on lcores $t1, not alternating 1 0 1 0"
		want=$((1 - want))
	done
	[ "$(wc -w <<<"$t1")" -ge 2 ] || fail "timer1 fired fewer than twice: $t1"
	echo "timer: timer0 fired $(grep -c . <<<"$t0") times on lcore 0, timer1 alternated on lcores $t1"
	exit 0
	;;
service_cores)
	[ "$(nproc)" -ge 2 ] || skip "needs two CPUs"
	compile service_cores "$EX/service_cores/main.c" uninstalled || fail "service_cores does not compile"
	# Its first profile makes lcores 1-5 service lcores, one service each,
	# and needs six lcores: --lcores places them on CPUs 0 and 1. It cycles
	# through its profiles forever: watch its dumps, then kill it.
	second() { sed -n '/Profile: Mid-High Performance/,$p' "$tmp/app.log"; }
	second3() { second | grep -q '^Service lcores: 3'; }
	watch_app 600 second3 "$tmp/service_cores" --lcores 0@0,1@1,2@0,3@1,4@0,5@1 --no-huge
	second | grep -q '^Service lcores: 3' ||
		fail "no dump of its second profile with 3 service lcores in 60 s: $(tail -5 "$tmp/app.log")"
	# it prints a line for each return value it did not expect
	grep -E 'added ret|start ret|failed to map|lcore set =|lcore stop =|lcore del =|insufficent' \
		"$tmp/app.log" && fail "service_cores got return values it did not expect"
	first=$(sed -n '/Profile: High Performance/,/Profile: Mid-High/p' "$tmp/app.log")
	for i in 1 2 3 4 5; do
		line=$(grep "^  lcore $i: started" <<<"$first" | tail -1)
		grep -q " service_$i=[1-9]" <<<"$line" ||
			fail "lcore $i did not run service_$i in the first profile: $line"
		[ "$(grep -o '=[1-9]' <<<"$line" | wc -l)" = 1 ] ||
			fail "lcore $i ran services not mapped to it: $line"
	done
	second | grep -qE '^  lcore [45]:' && fail "lcores 4-5 are still service lcores in profile 2"
	echo "service_cores: lcores 1-5 each ran their own service; the next profile kept lcores 1-3"
	exit 0
	;;
lsi | ipfrag | qos_meter | ipv4_multicast | l3fwd)
	[ "$(id -u)" = 0 ] || skip "needs root for network namespaces and tap devices"
	command -v ip >/dev/null || skip "needs ip(8) (iproute2)"
	[ -c /dev/net/tun ] || skip "no /dev/net/tun"
	ip netns add "$NS" 2>/dev/null || skip "cannot create a network namespace"
	# no IPv6 on the taps net_tap creates: only the test's frames cross them
	ip netns exec "$NS" sysctl -qw net.ipv6.conf.default.disable_ipv6=1
	mac() { ip -n "$NS" -br link show "$1" | awk '{ print $3 }'; }
	;;
*)
	sed -n '3,/^# Exit 77/p' "$0"
	exit 2
	;;
esac

# start_app READY_TEXT CMD...: run in the namespace until it prints READY_TEXT
start_app() {
	local ready=$1
	shift
	: >"$tmp/app.log"
	# Line-buffered, so that READY_TEXT shows up as soon as it is printed.
	ip netns exec "$NS" stdbuf -oL "$@" >"$tmp/app.log" 2>&1 &
	APP_PID=$!
	for _ in $(seq 1 100); do
		grep -q "$ready" "$tmp/app.log" && return 0
		kill -0 "$APP_PID" 2>/dev/null || fail "$1 exited early: $(cat "$tmp/app.log")"
		sleep 0.1
	done
	fail "$1 did not get ready in 10 s: $(cat "$tmp/app.log")"
}

# stop_app [SIGNAL]: SIGINT by default; SIGTERM for an example without a
# handler (a background job ignores SIGINT)
stop_app() {
	kill "-${1:-INT}" "$APP_PID" 2>/dev/null
	for _ in $(seq 1 50); do
		kill -0 "$APP_PID" 2>/dev/null || break
		sleep 0.1
	done
	kill -KILL "$APP_PID" 2>/dev/null
	wait "$APP_PID" 2>/dev/null
	local rc=$?
	APP_PID=
	return $rc
}

# Pinned to one CPU: frames a sender injects from two CPUs land in two
# backlog queues and may reach the port out of order (a Linux property,
# not the application's), which would fail the in-order comparison.
pktio() { ip netns exec "$NS" taskset -c 0 "$PKTIO" "$@" || fail "frames through $ARG: $* ($(tail -${TAIL:-5} "$tmp/app.log"))"; }

if [ "$cmd" = fwd ]; then
	case $ARG in
	basicfwd | l2fwd | rxtx_callbacks | packet_ordering | l2fwd-jobstats | dma)
		src=$EX/$ARG/main.c
		[ "$ARG" = basicfwd ] && src=$EX/skeleton/basicfwd.c
		[ "$ARG" = dma ] && src=$EX/dma/dmafwd.c
		compile "$ARG" "$src" uninstalled || fail "$ARG does not compile"
		prog=$tmp/$ARG ;;
	l2fwd-event)
		compile "$ARG" "$EX/$ARG/main.c" uninstalled "$EX/$ARG/l2fwd_common.c" \
			"$EX/$ARG/l2fwd_event.c" "$EX/$ARG/l2fwd_event_generic.c" \
			"$EX/$ARG/l2fwd_event_internal_port.c" "$EX/$ARG/l2fwd_poll.c" ||
			fail "$ARG does not compile"
		prog=$tmp/$ARG ;;
	sluice-skeleton | sluice-l2fwd)
		prog=$BUILD/examples/${ARG#sluice-}/$ARG ;;
	testpmd-io | testpmd-mac | testpmd-macswap)
		prog=$BUILD/app/testpmd/sluice-testpmd ;;
	*) fail "unknown program $ARG" ;;
	esac
	case $ARG in
	basicfwd | rxtx_callbacks)
		# rxtx_callbacks is basicfwd with an Rx callback stamping each
		# mbuf's dynamic timestamp field and a Tx callback reading it
		start_app "forwarding packets" "$prog" -l 0 --no-huge $vdevs
		pktio a0 b0 200 128
		pktio b0 a0 200 60 ;;
	sluice-skeleton)
		start_app "Forwarding on lcore" "$prog" -l 0 --no-huge $vdevs
		pktio a0 b0 200 128
		pktio b0 a0 200 60 ;;
	l2fwd | sluice-l2fwd)
		# The l2fwd rewrite: src = tx port's MAC, dst = 02:00:00:00:00:<tx port>.
		ready="L2FWD"
		[ "$ARG" = l2fwd ] && ready="entering main loop on lcore 1"
		start_app "$ready" "$prog" -l 0-1 --no-huge $vdevs -- -p 0x3 -q 1 -T 0
		pktio a0 b0 200 128 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
		pktio b0 a0 200 1514 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)" ;;
	l2fwd-event)
		# l2fwd's rewrite through event_sw: the Rx adapter, one worker
		# (lcore 1) on an atomic queue, the Tx adapter; the scheduler and
		# the adapters' services on service lcore 2
		start_app "entering eventdev main loop on lcore 1" "$prog" --lcores 0@0,1@1,2@0 -s 0x4 \
			--no-huge $vdevs --vdev event_sw0 -- -p 0x3 -q 1 -T 0 --mode=eventdev \
			--eventq-sched=atomic
		pktio a0 b0 200 128 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
		pktio b0 a0 200 1514 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)" ;;
	testpmd-io)
		start_app "packet forwarding - ports=" "$prog" -l 0-1 --no-huge $vdevs -- \
			--forward-mode=io --stats-period=60
		pktio a0 b0 200 128
		pktio b0 a0 200 1514 ;;
	testpmd-mac)
		# src = tx port's MAC, dst = its --eth-peer
		start_app "packet forwarding - ports=" "$prog" -l 0-1 --no-huge $vdevs -- \
			--forward-mode=mac --eth-peer=1,02:00:00:00:01:01 --stats-period=60
		pktio a0 b0 200 128 --expect-dst 02:00:00:00:01:01 --expect-src "$(mac b1)"
		pktio b0 a0 200 60 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)" ;;
	testpmd-macswap)
		start_app "packet forwarding - ports=" "$prog" -l 0-1 --no-huge $vdevs -- \
			--forward-mode=macswap --stats-period=60
		pktio a0 b0 200 128 --expect-dst 02:00:00:00:00:bb --expect-src 02:00:00:00:00:aa ;;
	packet_ordering)
		# Rx on lcore 0, two workers (1, 2), Tx and the reorder buffer on
		# lcore 3; workers on both CPUs may finish bursts out of order.
		# It sends through Tx buffers it never flushes: only whole
		# bursts of 32 leave, hence 192 frames a way.
		start_app "send_thread() started" "$prog" --lcores 0@0,1@1,2@0,3@1 --no-huge $vdevs -- -p 0x3
		pktio a0 b0 192 128
		pktio b0 a0 192 1514
		# its SIGINT handler prints what each stage counted
		stop_app
		for c in "Pkts rxd:" "Pkts enqd to workers ring:" "Pkts deqd from tx ring:" \
			"Ro Pkts transmitted:"; do
			n=$(grep -m1 -- "- $c" "$tmp/app.log" | awk '{ print $NF }')
			[ "$n" = 384 ] || fail "packet_ordering: '$c' $n, not 384: $(grep -- ' - ' "$tmp/app.log")"
		done
		echo "packet_ordering: 384 frames through two workers and its reorder buffer, in order"
		exit 0 ;;
	dma)
		# dmafwd with DMA copies (-c hw): each frame is copied by a
		# dma_skeleton device, one a port, into a new mbuf that goes
		# back out of the port it came from, with the MAC rewrite
		# (dst 02:00:00:00:00:<port>, src the port's MAC); main lcore
		# for its statistics, lcore 1 receives, copies and sends
		start_app "Entering main rx and tx loop" "$prog" -l 0-1 --no-huge $vdevs \
			--vdev dma_skeleton0 --vdev dma_skeleton1 -- -p 0x3 -c hw -i 1
		pktio a0 a0 200 128 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)"
		pktio b0 b0 200 1514 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
		sleep 1.2
		stop_app
		# its last report, per DMA channel: 200 copies submitted and
		# completed each, none failed
		for c in submitted completed failed; do
			n=$(grep -P "^\t Total $c ops: " "$tmp/app.log" | tail -2 | awk '{ print $4 }' | tr '\n' ' ')
			want="200 200 "
			[ $c = failed ] && want="0 0 "
			[ "$n" = "$want" ] || fail "dma: $c ops per channel: $n, not $want"
		done
		echo "dma: 400 frames copied by two dma_skeleton devices and sent back with the MAC rewrite; each channel submitted and completed 200 copies"
		exit 0 ;;
	l2fwd-jobstats)
		# l2fwd's rewrite, each port a job on its lcore; its report every
		# second. Its flush job skips a port whose flush time has come (the
		# test is the wrong way round in 22.11) and never flushes: only
		# whole bursts of 32 leave, hence 192 frames a way.
		start_app "entering main loop on lcore 1" "$prog" -l 0-1 --no-huge $vdevs -- -p 0x3 -q 1 -T 1
		pktio a0 b0 192 128 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
		pktio b0 a0 192 1514 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)"
		report() { grep -c "Total packets sent: *384$" "$tmp/app.log"; }
		for _ in $(seq 1 30); do [ "$(report)" -ge 1 ] && break; sleep 0.1; done
		stop_app TERM
		[ "$(report)" -ge 1 ] || fail "no report of 384 packets sent: $(tail -30 "$tmp/app.log")"
		# its last counters: each port received and sent 192, dropped
		# none; and each port's forward job ran
		for p in 0 1; do
			grep -A3 "Statistics for port $p " "$tmp/app.log" | tail -3 | tr -s ' ' | tr '\n' ' ' |
				grep -q "Packets sent: 192 Packets received: 192 Packets dropped: 0" ||
				fail "port $p counters: $(grep -A3 "Statistics for port $p " "$tmp/app.log" | tail -3)"
			grep -A1 "^Job [0-9]*: port $p fwd" "$tmp/app.log" | grep -q "Exec count: *[1-9]" ||
				fail "no run of the forward job of port $p: $(grep -A2 '^Job' "$tmp/app.log" | tail -6)"
		done
		echo "l2fwd-jobstats: 384 frames with l2fwd's rewrite; its report: 192 in and out a port, none dropped, both jobs ran"
		exit 0 ;;
	esac
	stop_app
	echo "$ARG: forwarded every frame unchanged (or with the expected MAC rewrite)"
	exit 0
fi

if [ "$cmd" = icmpecho ]; then
	command -v python3 >/dev/null || skip "needs python3 for the ICMP and UDP peer"
	ip -n "$NS" addr add 198.51.100.2/24 dev a0
	start_app "answers for" "$BUILD/examples/icmpecho/sluice-icmpecho" -l 0 --no-huge \
		--vdev net_af_packet0,iface=a1 -- --ip 198.51.100.1 --udp-port 7007
	# The kernel resolves 198.51.100.1 with ARP first, then pings three
	# times (identifier 0x5a5a, sequence 1..3, 56 payload bytes) and sends a
	# 768-byte datagram to the echo port; every answer is checked.
	out=$(ip netns exec "$NS" python3 -c '
import socket, struct

def csum(b):
    if len(b) % 2:
        b += b"\0"
    s = sum(struct.unpack("!%dH" % (len(b) // 2), b))
    while s >> 16:
        s = (s & 0xffff) + (s >> 16)
    return ~s & 0xffff

ic = socket.socket(socket.AF_INET, socket.SOCK_RAW, socket.IPPROTO_ICMP)
ic.settimeout(3)
for seq in (1, 2, 3):
    payload = bytes((seq + i) & 0xff for i in range(56))
    hdr = struct.pack("!BBHHH", 8, 0, 0, 0x5a5a, seq)
    pkt = struct.pack("!BBHHH", 8, 0, csum(hdr + payload), 0x5a5a, seq) + payload
    ic.sendto(pkt, ("198.51.100.1", 0))
    while True:
        data, peer = ic.recvfrom(2048)
        icmp = data[(data[0] & 15) * 4:]
        if icmp[0] == 0:
            break
    want = struct.pack("!BBHHH", 0, 0, csum(b"\0\0\0\0" + pkt[4:]), 0x5a5a, seq) + payload
    if peer[0] != "198.51.100.1" or icmp != want:
        print("bad icmp reply %r" % icmp[:16]); raise SystemExit
s = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
s.settimeout(3)
s.bind(("198.51.100.2", 40000))
msg = bytes(range(256)) * 3
s.sendto(msg, ("198.51.100.1", 7007))
data, peer = s.recvfrom(2048)
print("ok" if data == msg and peer == ("198.51.100.1", 7007) else "bad %r %r" % (peer, data[:16]))
' 2>&1)
	[ "$out" = ok ] || fail "udp echo: $out"
	stop_app
	grep -q "arp replies [1-9][0-9]*, icmp echo replies 3, udp echoes 1" "$tmp/app.log" ||
		fail "icmpecho counters: $(tail -2 "$tmp/app.log")"
	echo "icmpecho: ARP resolved, 3 pings answered, 768-byte UDP datagram echoed"
fi

if [ "$cmd" = lsi ]; then
	compile lsi "$EX/link_status_interrupt/main.c" uninstalled ||
		fail "link_status_interrupt does not compile"
	start_app "entering main loop on lcore 1" "$tmp/lsi" -l 0-1 --no-huge \
		--vdev net_tap0,iface=lsi0 --vdev net_tap1,iface=lsi1 -- -p 0x3 -T 0
	# its rewrite: dst 02:00:00:00:00:<tx port>, src the tx port's MAC
	pktio lsi0 lsi1 200 128 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac lsi1)"
	pktio lsi1 lsi0 200 1514 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac lsi0)"
	# count_events TEXT: how many times the callback printed "TEXT"
	count_events() { grep -c "^Port 0 Link $1" "$tmp/app.log"; }
	ups=$(count_events up)
	ip -n "$NS" link set lsi0 down
	for _ in $(seq 1 50); do [ "$(count_events down)" -ge 1 ] && break; sleep 0.1; done
	[ "$(count_events down)" = 1 ] || fail "no 'Port 0 Link down' from the LSC callback: $(tail -5 "$tmp/app.log")"
	ip -n "$NS" link set lsi0 up
	for _ in $(seq 1 50); do [ "$(count_events up)" -gt "$ups" ] && break; sleep 0.1; done
	[ "$(count_events up)" -gt "$ups" ] || fail "no 'Port 0 Link up' after the link came back: $(tail -5 "$tmp/app.log")"
	# the example has no signal handler: it ends with the signal
	stop_app
	echo "link_status_interrupt: 400 frames forwarded with its MAC rewrite, LSC down and up reported"
fi

if [ "$cmd" = keepalive ]; then
	KA=$EX/l2fwd-keepalive
	# Its own name, from its shm.h; /dev/shm is not private to the namespace.
	SHM=/dev/shm/dpdk_keepalive_shm_name
	[ -e "$SHM" ] && skip "$SHM exists: another l2fwd-keepalive is running"
	compile keepalive "$KA/main.c" uninstalled "$KA/shm.c" -lrt || fail "l2fwd-keepalive does not compile"
	# -q 2: both ports on lcore 1, so that -l 0-1 is enough (one queue a
	# port per lcore would need lcores 0-2); -K 10: a ping every 10 ms;
	# -T 0: no statistics screen.
	start_app "entering main loop on lcore 1" "$tmp/keepalive" -l 0-1 --no-huge $vdevs -- \
		-p 0x3 -q 2 -K 10 -T 0
	pktio a0 b0 200 128 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
	pktio b0 a0 200 1514 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)"
	# Its relay callback writes each lcore's state into the object: after
	# the semaphore (32 bytes), one 32-bit enum an lcore. Lcore 0 is not
	# monitored (UNUSED, 0); lcore 1 is in the cycle (1 ALIVE, 2 DEAD, 3 GONE,
	# 4 MISSING).
	[ -e "$SHM" ] || fail "no $SHM while it runs"
	read -r s0 s1 < <(od -An -t u4 -j 32 -N 8 "$SHM")
	[ "$s0" = 0 ] && [ "$s1" -ge 1 ] && [ "$s1" -le 4 ] ||
		fail "relayed states of lcores 0 and 1: $s0 $s1, not 0 and 1..4"
	# A restart the example did is a "Dead core" line not followed by its
	# "..false positive!" (a busy machine may keep lcore 1 off its CPU
	# for longer than two pings).
	restarts() {
		awk '/^Dead core 1 - restarting/ { n++; last = NR }
		     /^\.\.false positive!/ && NR == last + 1 { n-- }
		     END { print n + 0 }' "$tmp/app.log"
	}
	loops() { grep -c "entering main loop on lcore 1" "$tmp/app.log"; }
	for _ in $(seq 1 300); do
		[ "$(restarts)" -ge 1 ] && [ "$(loops)" -ge 2 ] && break
		kill -0 "$APP_PID" 2>/dev/null || fail "l2fwd-keepalive exited: $(tail -5 "$tmp/app.log")"
		sleep 0.1
	done
	[ "$(restarts)" -ge 1 ] || fail "no restart of lcore 1 in 30 s: $(tail -5 "$tmp/app.log")"
	[ "$(loops)" -ge 2 ] || fail "lcore 1 did not enter its loop again: $(tail -5 "$tmp/app.log")"
	grep -q "keepalive: lcore 1 is dead" "$tmp/app.log" || fail "the monitor did not log the death"
	pktio a0 b0 100 60 --expect-dst 02:00:00:00:00:01 --expect-src "$(mac b1)"
	pktio b0 a0 100 1000 --expect-dst 02:00:00:00:00:00 --expect-src "$(mac a1)"
	# SIGINT: it stops its loops, unlinks the object and cleans up the EAL.
	stop_app
	rc=$?
	[ "$rc" = 0 ] || fail "l2fwd-keepalive exited with $rc after SIGINT (137: killed, still" \
		"running 5 s after it): $(tail -5 "$tmp/app.log")"
	[ -e "$SHM" ] && fail "$SHM left behind"
	echo "l2fwd-keepalive: 600 frames forwarded with its MAC rewrite, lcore 1 restarted" \
		"$(restarts) time(s) after the monitor found it dead, states relayed, nothing left"
fi

# tap_start EXAMPLE READY_TEXT EAL_LCORES APP_ARGS...: the example (in
# $tmp) between taps tp0 (port 0) and tp1 (port 1), until READY_TEXT
tap_start() {
	local ex=$1 ready=$2 lcores=$3
	shift 3
	# shellcheck disable=SC2086
	start_app "$ready" "$tmp/$ex" $lcores --no-huge \
		--vdev net_tap0,iface=tp0,mac=02:00:00:00:0f:00 \
		--vdev net_tap1,iface=tp1,mac=02:00:00:00:0f:01 -- "$@"
	# room on the kernel's side for what the examples send whole
	for i in tp0 tp1; do ip -n "$NS" link set $i mtu 9000 up; done
}
# peer STEP ARGS...: peer.py's STEP against the running example
peer() {
	ip netns exec "$NS" python3 "$(dirname "$0")/peer.py" "$@" ||
		fail "$1: $(tail -5 "$tmp/app.log")"
}
case $cmd in
ipfrag | qos_meter | ipv4_multicast)
	command -v python3 >/dev/null || skip "needs python3 for the peer"
	for ex in ${cmd/ipfrag/ip_fragmentation ip_reassembly}; do
		compile $ex "$EX/$ex/main.c" uninstalled || fail "$ex does not compile"
	done
	;;
esac

if [ "$cmd" = ipfrag ]; then
	tap_start ip_fragmentation "entering main loop on lcore" "-l 0-1" -p 0x3
	peer frag tp0 tp1 "$tmp/frags"
	stop_app TERM
	# A table for 64 flows: its default (4096) sizes the pool for 780 MB.
	# On SIGINT its handler calls rte_exit() while lcore 1 still polls:
	# the cleanup takes the ports and memory away under it.
	tap_start ip_reassembly "entering main loop on lcore" "-l 0-1" -p 0x3 --maxflows=64
	peer reasm tp0 tp1 "$tmp/frags"
	stop_app
	exit 0
fi

if [ "$cmd" = qos_meter ]; then
	# one lcore only; it meters what port 0 receives and sends it out of port 1
	tap_start qos_meter "port RX = 0, port TX = 1" "-l 0" -p 0x3
	peer qos tp0 tp1
	stop_app TERM
	exit 0
fi

if [ "$cmd" = ipv4_multicast ]; then
	tap_start ipv4_multicast "entering main loop on lcore 0" "-l 0" -p 0x3 -q 2
	peer mcast tp0 tp1
	stop_app TERM
	exit 0
fi

# l3fwd_build MODE: DPDK's l3fwd, its sources as its meson.build lists
# them, into $tmp/l3fwd. Implicit declarations are errors: a header of
# ours that lacks an include DPDK's has would otherwise give l3fwd an
# int-returning rte_zmalloc() that truncates pointers.
l3fwd_build() {
	local d=$EX/l3fwd srcs
	mapfile -t srcs < <(grep -o "'[^']*\.c'" "$d/meson.build" | tr -d "'" | sed "s|^|$d/|")
	[ "$1" = uninstalled ] || install_dest
	compile l3fwd "${srcs[0]}" "$1" "${srcs[@]:1}" -I"$d" -I"$EX/common" -DALLOW_EXPERIMENTAL_API \
		-Werror=implicit-function-declaration -Werror=int-conversion ||
		fail "l3fwd does not compile against libsluice ($1)"
	if [ "$1" = static ]; then
		ldd "$tmp/l3fwd" | grep -q libsluice && fail "static l3fwd still needs libsluice.so"
	fi
}

# l3fwd_rules LOOKUP: the rule files of acl and lpm-file, as l3fwd_peer.py
# expects them; prints l3fwd's options naming them
l3fwd_rules() {
	case $1 in
	acl)
		# '@' denies, 'R' routes to the last number; the first line wins
		cat >"$tmp/acl4" <<-'RULES'
			# deny one host, then the two ports' /24s, then UDP to 7000-7999
			@0.0.0.0/0 198.18.1.66/32 0 : 65535 0 : 65535 0x0/0x0
			R0.0.0.0/0 198.18.0.0/24 0 : 65535 0 : 65535 0x0/0x0 0
			R0.0.0.0/0 198.18.1.0/24 0 : 65535 0 : 65535 0x0/0x0 1
			R0.0.0.0/0 10.1.0.0/16 0 : 65535 7000 : 7999 0x11/0xff 0
			R0.0.0.0/0 10.9.0.0/16 0 : 65535 7000 : 7999 0x11/0xff 1
		RULES
		cat >"$tmp/acl6" <<-'RULES'
			@0:0:0:0:0:0:0:0/0 2001:200:0:1:0:0:0:42/128 0 : 65535 0 : 65535 0x0/0x0
			R0:0:0:0:0:0:0:0/0 2001:200:0:1:0:0:0:0/64 0 : 65535 0 : 65535 0x0/0x0 1
		RULES
		echo "--rule_ipv4=$tmp/acl4 --rule_ipv6=$tmp/acl6" ;;
	lpm-file)
		printf '%s\n' "# routes of the test only" "R203.0.113.0/24 1" >"$tmp/lpm4"
		printf '%s\n' "R2001:0db8:0001:0000:0000:0000:0000:0000/48 1" >"$tmp/lpm6"
		echo "--rule_ipv4=$tmp/lpm4 --rule_ipv6=$tmp/lpm6" ;;
	esac
}

# l3fwd_port_stats COUNTS: the ports' counters, read by sluice-proc-info
# from the running l3fwd, against l3fwd_peer.py's "counts RX0 RX1 TX0 TX1"
l3fwd_port_stats() {
	local want=$1 got out
	out=$("$BUILD/app/proc-info/sluice-proc-info" --no-pci --file-prefix "$NS" -- --stats 2>&1) ||
		fail "sluice-proc-info: $out"
	stat() {
		awk -v f="$1:" -v p="$2" '/NIC statistics for port/ { cur = $(NF - 1) }
			cur == p { for (i = 1; i < NF; i++) if ($i == f) { print $(i + 1); exit } }' <<<"$out"
	}
	got="$(stat RX-packets 0) $(stat RX-packets 1) $(stat TX-packets 0) $(stat TX-packets 1)"
	[ "$got" = "$want" ] || fail "port counters RX0 RX1 TX0 TX1: $got, not $want: $out"
}

# l3fwd_test LOOKUP MODE: l3fwd on lcore 1 between taps tp0 and tp1
l3fwd_test() {
	local lookup=${1%-eventdev} opts mem="" eal="-l 0-1" ready="main loop on lcore 1" app out
	opts="--lookup=$lookup"
	[ "$lookup" = lpm-file ] && opts=--lookup=lpm
	# EM's two hash tables have 4M entries each whatever the routes
	[ "$lookup" = em ] && mem="-m 1024"
	# poll mode: both Rx queues on lcore 1
	app=("--config=(0,0,1),(1,0,1)")
	if [ "$1" != "$lookup" ]; then
		# workers on lcores 0 and 2, event_sw's scheduler and the
		# adapters on service lcore 1 (DPDK wants a service lcore to be
		# a CPU's); ordered scheduling gives the frames back in the
		# order they came
		eal="--lcores 0@0,1@1,2@0 -s 0x2 --vdev event_sw0"
		ready="[a-z]*_event_loop[a-z_]* on lcore 2"
		app=(--mode=eventdev --eventq-sched=ordered)
	fi
	l3fwd_build "$2"
	# shellcheck disable=SC2046
	tap_start l3fwd "entering $ready" "$eal $mem --file-prefix $NS" -p 0x3 "${app[@]}" \
		--eth-dest=0,02:00:00:00:0d:00 --eth-dest=1,02:00:00:00:0d:01 "$opts" $(l3fwd_rules "$lookup")
	out=$(ip netns exec "$NS" python3 "$(dirname "$0")/l3fwd_peer.py" "$1" tp0 tp1 \
		02:00:00:00:0f:00 02:00:00:00:0f:01 02:00:00:00:0d:00 02:00:00:00:0d:01) ||
		fail "l3fwd $1 ($2): $out ($(tail -5 "$tmp/app.log"))"
	l3fwd_port_stats "$(tail -1 <<<"$out" | sed 's/^counts //')"
	stop_app
	echo "l3fwd $1 ($2):$(head -1 <<<"$out" | cut -d: -f2-); port counters agree"
}

if [ "$cmd" = l3fwd ]; then
	command -v python3 >/dev/null || skip "needs python3 for the peer"
	l3fwd_test "$ARG" "${4:-uninstalled}"
	exit 0
fi
