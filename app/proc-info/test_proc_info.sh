#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# sluice-proc-info against a running sluice-testpmd: the counters it reads
# are the primary's (equal to testpmd's own after "stop"), stats reset
# reaches the primary, mempools and rings are the primary's, net_null and
# net_ring ports both attach, and without a primary it fails in one line.
#
#   test_proc_info.sh PATH/TO/sluice-proc-info PATH/TO/sluice-testpmd
set -u
PINFO=$1
TPMD=$2
. "$(dirname "$0")/../common/tools_test_lib.sh"

prefix=pinfo$$
dir=$(mktemp -d "${TMPDIR:-/tmp}/sluice-proc-info.XXXXXX")
fifo=$dir/in
log=$dir/testpmd.log
mkfifo "$fifo"
tpmd_pid=

# tpmd_start PORTS...: an interactive primary whose prompt reads $fifo.
tpmd_start() {
	: >"$log"
	"$TPMD" -l 0-1 --no-huge --no-pci --file-prefix "$prefix" "$@" -- -i <"$fifo" >"$log" 2>&1 &
	tpmd_pid=$!
	exec 3>"$fifo"
	# the prompt answers once the ports are up
	echo "show port info all" >&3
	for _ in $(seq 50); do
		grep -q "Infos for port" "$log" && return 0
		sleep 0.2
	done
	fail "sluice-testpmd did not come up: $(tail -5 "$log")"
}

# tpmd_cmd CMD: one prompt command; waits for its answer to be written.
tpmd_cmd() {
	echo "$1" >&3
	sleep 0.5
}

tpmd_quit() {
	echo quit >&3
	exec 3>&-
	wait "$tpmd_pid"
}

cleanup() {
	[ -n "$tpmd_pid" ] && kill "$tpmd_pid" 2>/dev/null
	rm -rf "$dir"
}
trap cleanup EXIT

# field NAME PORT: the value after "NAME:" in port PORT's block of $out.
field() {
	awk -v f="$1:" -v p="$2" '/NIC statistics for port/ { cur = $(NF - 1) }
		cur == p { for (i = 1; i < NF; i++) if ($i == f) { print $(i + 1); exit } }' <<<"$out"
}

PI="$PINFO --no-pci --file-prefix $prefix"

echo "== no primary: one line, nonzero exit"
run $PINFO --file-prefix "none$$" -- --stats
expect_rc nonzero
expect_lines 1
expect_match "no primary process runs with --file-prefix none$$"

echo "== net_null ports forwarding: the counters are the primary's"
tpmd_start --vdev net_null0 --vdev net_null1
tpmd_cmd start
sleep 1
run $PI -- --stats
expect_rc 0
expect_match "^  ######################## NIC statistics for port 1  ########################$"
rx_running=$(field RX-packets 0)
[ "${rx_running:-0}" -gt 0 ] && pass "port 0 RX-packets $rx_running > 0 while forwarding" ||
	fail "port 0 RX-packets '$rx_running' while forwarding"
tpmd_cmd stop
run $PI -- --stats -p 2
expect_no_match "NIC statistics for port 0 "
pi_rx=$(field RX-packets 1)
pi_tx=$(field TX-packets 1)
[ "${pi_rx:-0}" -ge "${rx_running:-0}" ] && pass "counters only grew" || fail "RX $pi_rx < $rx_running"
: >"$log"
tpmd_cmd "show port stats 1"
out=$(cat "$log")
[ "$(field RX-packets 1)" = "$pi_rx" ] && pass "RX-packets $pi_rx as testpmd shows" ||
	fail "RX-packets: proc-info $pi_rx, testpmd $(field RX-packets 1)"
[ "$(field TX-packets 1)" = "$pi_tx" ] && pass "TX-packets $pi_tx as testpmd shows" ||
	fail "TX-packets: proc-info $pi_tx, testpmd $(field TX-packets 1)"

run $PI -- --xstats -p 1
expect_match "^###### NIC extended statistics for port 0  #########$"
expect_match "^rx_good_packets: [1-9][0-9]*$"

run $PI -- --show-mempool
expect_match "^========== show - MEMPOOL ==========$"
expect_match "^mempool <mb_pool_0>@"
run $PI -- --show-mempool=mb_pool_0
expect_match "^  - Name: mb_pool_0 on socket 0$"
expect_match "^  - ops_index [0-9]+ ops_name ring_mp_mc$"
run $PI -- --show-ring
expect_match "^========== show - RING ==========$"
expect_match "^ring <MP_mb_pool_0>@"
run $PI -- --show-port
expect_match "^===== Port 1 =====$"
expect_match "^	  -- driver net_null device net_null1 socket 0$"

run $PI -- --stats-reset
expect_line "  NIC statistics for port 1 cleared"
: >"$log"
tpmd_cmd "show port stats 0"
out=$(cat "$log")
[ "$(field RX-packets 0)" = 0 ] && pass "the primary sees the reset" ||
	fail "testpmd RX-packets '$(field RX-packets 0)' after --stats-reset"
tpmd_quit
expect_rc_tpmd=$?
[ "$expect_rc_tpmd" = 0 ] && pass "the primary outlived the secondaries" ||
	fail "testpmd exit status $expect_rc_tpmd"

echo "== net_ring ports: one burst of 32 a port, seen by the secondary"
tpmd_start --vdev net_ring0 --vdev net_ring1
tpmd_cmd "set fwd rxonly"
tpmd_cmd "start tx_first"
tpmd_cmd stop
run $PI -- --stats
expect_rc 0
[ "$(field RX-packets 0)" = 32 ] && pass "port 0 RX-packets 32" ||
	fail "port 0 RX-packets '$(field RX-packets 0)', want 32"
[ "$(field TX-packets 1)" = 32 ] && pass "port 1 TX-packets 32" ||
	fail "port 1 TX-packets '$(field TX-packets 1)', want 32"
tpmd_quit

echo "== bad options"
tpmd_start --vdev net_null0
run $PI -- -p zz
expect_rc nonzero
expect_line "Invalid portmask 'zz': give a nonzero hexadecimal mask, e.g. -p 3"
run $PI -- --show-ring=nosuchring
expect_line "  no ring named 'nosuchring'; every ring:"
tpmd_quit

finish
