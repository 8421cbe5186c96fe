#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Run every fuzz target built in BUILD (a -Dfuzz=true build) for SECONDS
# each (default $FUZZ_SECONDS or 60), one at a time, each from a copy of
# its committed corpus (the corpus in the tree is never written). Prints
# the executions per target; fails if any target crashed, leaked or hung,
# and keeps the input that did it.
#
#   fuzz/run.sh BUILD [SECONDS]
set -uo pipefail
build=${1:?usage: run.sh BUILD [SECONDS]}
seconds=${2:-${FUZZ_SECONDS:-60}}
# The build directory or its fuzz/ folder.
[ -d "$build/fuzz" ] && build=$build/fuzz
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=0
ran=0

for bin in "$build"/fuzz_*; do
	[ -x "$bin" ] && [ -f "$bin" ] || continue
	name=$(basename "$bin")
	ran=$((ran + 1))
	mkdir -p "$work/$name/corpus" "$work/$name/crash"
	if [ -d "$here/corpus/$name" ]; then
		cp -r "$here/corpus/$name/." "$work/$name/corpus/"
	fi
	# stdout and stderr of the code under test are noise here; libFuzzer
	# keeps its own report (and the sanitizers') on a copy of stderr.
	# UBSan only prints by default: make undefined behaviour a failure too.
	UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1} \
	"$bin" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=512 \
		-close_fd_mask=3 -print_final_stats=1 \
		-artifact_prefix="$work/$name/crash/" "$work/$name/corpus" \
		>"$work/$name/log" 2>&1
	rc=$?
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$name/log")
	if [ $rc -ne 0 ]; then
		failed=$((failed + 1))
		echo "FAIL $name: exit status $rc after ${execs:-?} executions"
		grep -E "ERROR|SUMMARY|runtime error|#[0-9]+ 0x" "$work/$name/log" | head -30
		for a in "$work/$name/crash"/*; do
			[ -f "$a" ] || continue
			keep="$build/$(basename "$a")-$name"
			cp "$a" "$keep"
			echo "  input kept in $keep; replay: $bin $keep"
		done
	else
		echo "ok   $name: ${execs:-?} executions in ${seconds}s"
	fi
done

if [ $ran -eq 0 ]; then
	echo "no fuzz targets in $build: configure it with -Dfuzz=true (CC=clang)"
	exit 1
fi
echo "$ran target(s), $failed failed"
[ $failed -eq 0 ]
