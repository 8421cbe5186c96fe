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
. "$(dirname "$0")/../common/testpmd_primary_lib.sh"

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
tpmd_out "show port stats 1"
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
tpmd_out "show port stats 0"
[ "$(field RX-packets 0)" = 0 ] && pass "the primary sees the reset" ||
	fail "testpmd RX-packets '$(field RX-packets 0)' after --stats-reset"
tpmd_quit && pass "the primary outlived the secondaries" || fail "testpmd exit status $?"

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
