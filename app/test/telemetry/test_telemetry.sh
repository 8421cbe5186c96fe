#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Telemetry end to end: sluice-testpmd with two net_null ports, queried by
# DPDK's own client (dpdk-telemetry.py, commands on stdin), every standard
# command checked against concrete values; then hostile clients; a second
# process with the same --file-prefix; --no-telemetry; cleanup.
#
#   test_telemetry.sh PATH/TO/sluice-testpmd PATH/TO/telemetry_hostile.py
set -u
TPMD=$1
HOSTILE=$2
CLIENT=${DPDK_TELEMETRY:-/usr/bin/dpdk-telemetry.py}
if [ ! -x "$CLIENT" ]; then
	echo "SKIP: $CLIENT not installed (Debian package dpdk)"
	exit 77
fi
PREFIX=sluice-tel-$$
EAL=(-l 0-1 --no-huge --file-prefix "$PREFIX" --vdev net_null0 --vdev net_null1)
# The directory as DPDK's EAL and dpdk-telemetry.py both compute it.
if [ -n "${RUNTIME_DIRECTORY:-}" ]; then
	RUNDIR=$RUNTIME_DIRECTORY/dpdk/$PREFIX
elif [ "$(id -u)" = 0 ]; then
	RUNDIR=/var/run/dpdk/$PREFIX
else
	RUNDIR=${XDG_RUNTIME_DIR:-/tmp}/dpdk/$PREFIX
fi
SOCK=$RUNDIR/dpdk_telemetry.v2
work=$(mktemp -d)
failures=0
pids=()

cleanup() {
	exec 3>&- 2>/dev/null
	for p in "${pids[@]}"; do kill "$p" 2>/dev/null; done
	rm -rf "$work"
	rmdir "$RUNDIR" 2>/dev/null
}
trap cleanup EXIT

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }

# tel [ARGS...] <<< "commands": DPDK's client, one JSON line per command.
tel() { timeout 20 python3 "$CLIENT" -f "$PREFIX" "$@"; }

# jq-like: JSON on stdin, a Python expression over it as 'r' (the reply value).
val() { python3 -c 'import json,sys; d=json.loads(sys.stdin.readline()); r=list(d.values())[0]; print(json.dumps(eval(sys.argv[1])))' "$1"; }

# check NAME GOT WANT
check() { [ "$2" = "$3" ] || fail "$1: got $2, want $3"; }

# Ask one command and print the reply line.
ask() { tel <<<"$1" | tail -1; }

wait_socket() {
	for _ in $(seq 100); do
		# connect, not just the file: bind comes a moment before listen
		python3 -c 'import socket,sys; s=socket.socket(socket.AF_UNIX,socket.SOCK_SEQPACKET); s.connect(sys.argv[1])' "$1" 2>/dev/null && return 0
		sleep 0.1
	done
	return 1
}

tp_wait_for() {
	for _ in $(seq 100); do
		grep -q -- "$1" "$work/tp.log" && return 0
		sleep 0.1
	done
	return 1
}

echo "== start sluice-testpmd --file-prefix $PREFIX (interactive)"
mkfifo "$work/in"
"$TPMD" "${EAL[@]}" -- -i --nb-cores=1 <"$work/in" >"$work/tp.log" 2>&1 &
tp=$!
pids+=("$tp")
exec 3>"$work/in"
wait_socket "$SOCK" || { fail "no telemetry socket at $SOCK"; cat "$work/tp.log"; exit 1; }

echo "== every standard command through $CLIENT"
out=$(tel <<'CMDS'
/
/info
/help
/help,/ethdev/stats
/eal/params
/eal/app_params
/eal/lcore/list
/eal/lcore/info,1
/ethdev/list
/ethdev/info,1
/ethdev/link_status,0
/mempool/list
/mempool/info,mb_pool_0
/ring/list
/ring/info,MP_mb_pool_0
/ethdev/stats,0
/ethdev/xstats,0
/nope
CMDS
)
echo "$out"
line() { sed -n "${1}p" <<<"$out"; }
check "/ lists every standard command" "$(line 1 | val 'sorted(set(r) & {"/", "/info", "/help", "/eal/params", "/eal/app_params", "/eal/lcore/list", "/eal/lcore/info", "/ethdev/list", "/ethdev/info", "/ethdev/stats", "/ethdev/xstats", "/ethdev/link_status", "/mempool/list", "/mempool/info", "/ring/list", "/ring/info"}) == sorted(r) or len(set(r)) >= 16')" "true"
check "/ count" "$(line 1 | val 'len(r)')" 16
check "/info pid" "$(line 2 | val 'r["pid"]')" "$tp"
check "/info max_output_len" "$(line 2 | val 'r["max_output_len"]')" 16384
check "/help" "$(line 3)" '{"/help": "Help text of a command. Parameter: the command"}'
check "/help,/ethdev/stats" "$(line 4)" '{"/help": {"/ethdev/stats": "Basic statistics of a port. Parameter: port id"}}'
check "/eal/params" "$(line 5 | val 'r')" "$(python3 -c 'import json,sys; print(json.dumps(sys.argv[1:]))' "$TPMD" "${EAL[@]}")"
check "/eal/app_params" "$(line 6)" '{"/eal/app_params": ["-i", "--nb-cores=1"]}'
check "/eal/lcore/list" "$(line 7)" '{"/eal/lcore/list": [0, 1]}'
check "/eal/lcore/info,1" "$(line 8 | val '[r["lcore_id"], r["role"], r["cpuset"]]')" '[1, "RTE", [1]]'
check "/ethdev/list" "$(line 9)" '{"/ethdev/list": [0, 1]}'
check "/ethdev/info,1" "$(line 10 | val '[r["name"], r["port_id"], r["nb_rx_queues"], r["nb_tx_queues"], r["dev_started"], r["dev_configured"], r["rxq_state"]]')" '["net_null1", 1, 1, 1, 1, 1, [1]]'
check "/ethdev/link_status,0" "$(line 11 | val 'r["status"]')" '"UP"'
check "/mempool/list" "$(line 12)" '{"/mempool/list": ["mb_pool_0"]}'
check "/mempool/info name" "$(line 13 | val '[r["name"], r["mz_name"], r["size"] == r["populated_size"] > 0]')" '["mb_pool_0", "MP_mb_pool_0", true]'
check "/ring/list" "$(line 14 | val '"MP_mb_pool_0" in r')" true
check "/ring/info" "$(line 15 | val '[r["name"], r["capacity"] >= 1, r["producer_type"], r["consumer_type"]]')" '["MP_mb_pool_0", true, "MP", "MC"]'
check "/ethdev/stats before start" "$(line 16 | val '[r["ipackets"], r["opackets"], len(r["q_ipackets"])]')" '[0, 0, 16]'
check "/ethdev/xstats before start" "$(line 17 | val 'r["rx_good_packets"]')" 0
check "/nope" "$(line 18)" '{"/nope": null}'

echo "== interactive: the client on a terminal (prompt, pretty JSON)"
if command -v script >/dev/null; then
	out=$( (sleep 1; echo /ethdev/list; sleep 0.5; echo quit) |
		timeout 20 script -qec "python3 $CLIENT -f $PREFIX" /dev/null | tr -d '\r')
	grep -q 'Connected to application: "sluice-testpmd"' <<<"$out" || fail "tty: $out"
	grep -q -- '--> /ethdev/list' <<<"$out" || fail "tty: no prompt: $out"
	tr -d ' \n' <<<"$out" | grep -q '{"/ethdev/list":\[0,1\]}' || fail "tty: $out"
else
	echo "   (no 'script' command: skipped)"
fi

echo "== /ethdev/stats grows while forwarding and matches 'show port stats'"
echo start >&3
sleep 1
s1=$(ask /ethdev/stats,0 | val 'r["ipackets"]')
sleep 0.5
s2=$(ask /ethdev/stats,0 | val 'r["ipackets"]')
[ "$s1" -gt 0 ] && [ "$s2" -gt "$s1" ] || fail "ipackets does not grow: $s1 then $s2"
echo stop >&3
tp_wait_for "Done." || fail "testpmd did not stop"
echo "show port stats 0" >&3
tp_wait_for "NIC statistics for port 0" || fail "no 'show port stats' output"
sleep 0.3
shown=$(awk '/NIC statistics for port 0/ { s = 1 } s && /RX-packets:/ { v = $2 } END { print v }' "$work/tp.log")
got=$(ask /ethdev/stats,0)
check "ipackets vs show port stats" "$(val 'r["ipackets"]' <<<"$got")" "$shown"
check "ipackets = q_ipackets[0]" "$(val 'r["ipackets"] == r["q_ipackets"][0]' <<<"$got")" true
check "xstats rx_good_packets" "$(ask /ethdev/xstats,0 | val 'r["rx_good_packets"]')" "$shown"
echo "   ipackets $s1 -> $s2 while forwarding, $shown after stop (testpmd shows $shown)"

echo "== hostile clients"
python3 "$HOSTILE" "$SOCK" || fail "hostile clients (see above)"
kill -0 "$tp" 2>/dev/null || fail "testpmd died"
check "still answering" "$(ask /ethdev/list)" '{"/ethdev/list": [0, 1]}'

echo "== a second process with the same --file-prefix leaves the first one's socket alone"
"$TPMD" "${EAL[@]}" -- --run-time 4 </dev/null >"$work/tp2.log" 2>&1 &
tp2=$!
pids+=("$tp2")
wait_socket "$SOCK:1" || fail "second process: no $SOCK:1"
check "plain name: first pid" "$(ask /info | val 'r["pid"]')" "$tp"
check "instance 1: second pid" "$(tel -i 1 <<<"/info" | val 'r["pid"]')" "$tp2"
grep -q "used by another process with the same --file-prefix; this one answers on $SOCK:1" "$work/tp2.log" ||
	fail "second process did not say why it uses :1: $(grep -i telemetry "$work/tp2.log")"
wait "$tp2"
[ -e "$SOCK:1" ] && fail "$SOCK:1 left behind by the second process"
check "first still answers" "$(ask /ethdev/list)" '{"/ethdev/list": [0, 1]}'

echo "== quit: socket removed, clean exit"
echo quit >&3
exec 3>&-
wait "$tp"
rc=$?
[ $rc = 0 ] || fail "testpmd exit status $rc"
[ -e "$SOCK" ] && fail "$SOCK left behind after exit"
grep -i "telemetry" "$work/tp.log" && fail "telemetry logged something on the happy path"

echo "== --no-telemetry: no socket"
"$TPMD" "${EAL[@]}" --no-telemetry -- --run-time 2 </dev/null >"$work/tp3.log" 2>&1 &
tp3=$!
pids+=("$tp3")
sleep 1.5
[ -e "$SOCK" ] && fail "--no-telemetry still made $SOCK"
wait "$tp3" || fail "--no-telemetry run failed: $(tail -3 "$work/tp3.log")"

if [ $failures -gt 0 ]; then
	echo "$failures failure(s)"
	exit 1
fi
echo "all telemetry checks passed"
