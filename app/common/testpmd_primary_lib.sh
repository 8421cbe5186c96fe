# SPDX-License-Identifier: BSD-3-Clause
#
# Shell helpers for the tests of the secondary-process tools: a
# sluice-testpmd primary whose prompt reads a fifo. Sourced after
# tools_test_lib.sh; the caller sets TPMD (the binary) and prefix (the
# --file-prefix).

tpmd_dir=$(mktemp -d "${TMPDIR:-/tmp}/sluice-primary.XXXXXX")
tpmd_fifo=$tpmd_dir/in
tpmd_log=$tpmd_dir/testpmd.log
mkfifo "$tpmd_fifo"
tpmd_pid=

# tpmd_start EAL-ARGS...: an interactive primary (with TPMD_ARGS, more of
# testpmd's own options; TPMD_MEM, its memory and bus options, by default
# "--no-huge -m 256 --no-pci"); returns once its ports are up.
tpmd_start() {
	: >"$tpmd_log"
	# shellcheck disable=SC2086
	"$TPMD" -l 0-1 ${TPMD_MEM---no-huge -m 256 --no-pci} --file-prefix "$prefix" "$@" -- -i \
		${TPMD_ARGS:-} \
		<"$tpmd_fifo" >"$tpmd_log" 2>&1 &
	tpmd_pid=$!
	exec 3>"$tpmd_fifo"
	echo "show port info all" >&3
	for _ in $(seq 50); do
		grep -q "Infos for port" "$tpmd_log" && return 0
		sleep 0.2
	done
	fail "sluice-testpmd did not come up: $(tail -5 "$tpmd_log")"
}

# capture_wait_file LOG: returns once the capture writing LOG (sluice-dumpcap's
# output) has its file open, and its ports hooked half a second later.
capture_wait_file() {
	for _ in $(seq 50); do
		grep -q "^File: " "$1" && break
		sleep 0.1
	done
	sleep 0.5
}

# capture_interrupt PID LOG WHAT: SIGINT to the capture PID after 1.5 s; it
# must exit 0. Its output (LOG) in $out.
capture_interrupt() {
	local rc
	sleep 1.5
	kill -INT "$1"
	wait "$1"
	rc=$?
	out=$(cat "$2")
	[ $rc = 0 ] && pass "$3: exit 0" || fail "$3: exit status $rc: $out"
}

# tpmd_cmd CMD: one prompt command; waits for its answer to be written.
tpmd_cmd() {
	echo "$1" >&3
	sleep 0.5
}

# tpmd_out CMD: one prompt command; its answer in $out.
tpmd_out() {
	: >"$tpmd_log"
	tpmd_cmd "$1"
	out=$(cat "$tpmd_log")
}

# tpmd_quit: quit the prompt; the primary's exit status is the return value.
tpmd_quit() {
	echo quit >&3
	exec 3>&-
	wait "$tpmd_pid"
	local rc=$?
	tpmd_pid=
	return $rc
}

tpmd_cleanup() {
	[ -n "$tpmd_pid" ] && kill "$tpmd_pid" 2>/dev/null
	rm -rf "$tpmd_dir"
}
trap tpmd_cleanup EXIT

# field NAME PORT: the value after "NAME:" in port PORT's statistics block
# of $out (testpmd's "show port stats" and proc-info's --stats alike).
field() {
	awk -v f="$1:" -v p="$2" '/NIC statistics for port/ { cur = $(NF - 1) }
		cur == p { for (i = 1; i < NF; i++) if ($i == f) { print $(i + 1); exit } }' <<<"$out"
}
