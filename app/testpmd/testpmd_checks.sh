# SPDX-License-Identifier: BSD-3-Clause
#
# What the sluice-testpmd transcript tests share; sourced after they set
# TPMD (the binary). Each check reads the last output from $out.
EAL="-l 0-1 --no-huge"
NULL2="--vdev net_null0 --vdev net_null1"
RING2="--vdev net_ring0 --vdev net_ring1"
failures=0
out=

fail() { echo "FAIL: $*"; failures=$((failures + 1)); }
expect() { grep -qE -- "$1" <<<"$out" || fail "$2: no /$1/ in output:
$(tail -40 <<<"$out")"; }
reject() { grep -qE -- "$1" <<<"$out" && fail "$2: unexpected /$1/ in output"; }

# Piped commands to the prompt; the prompts are taken out of the output so
# that each answer starts its line.
run_i() { timeout -k 5 30 "$TPMD" "$@" 2>&1 | sed -E 's/^(testpmd> )+//'; }

# Accumulated totals: "RX-packets: N ... " lines after "Accumulated".
acc() { awk -v f="$1" '/Accumulated forward statistics/ { a = 1 } a && $1 == f { print $2; exit }' <<<"$out"; }

# A bad option: one clear line, exit status 1, nothing started.
check_bad() {
	local want=$1
	shift
	out=$(timeout 30 "$TPMD" "$@" </dev/null 2>&1)
	local rc=$?
	[ $rc = 1 ] || fail "$*: exit status $rc, want 1"
	expect "$want" "$*"
	reject "Bye" "$*: must not start forwarding"
}

# The end of a test script: its verdict and exit status.
checks_done() {
	if [ $failures -ne 0 ]; then
		echo "$failures failure(s)"
		exit 1
	fi
	echo "$1"
}
