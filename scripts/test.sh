#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Every test: the unit suites with and without hugepages, the tools, the
# DPDK example compatibility tests, the VM suite and a short run of the
# benchmark report (bench/run-all.sh) in a release build;
# the unit suites again under ASan+UBSan, with gcc and with clang (which
# also checks that clang builds the tree with -Werror); the ring stress
# test under TSan; every fuzz target for FUZZ_SECONDS (default 60) each
# in a libFuzzer build.
# Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."

bash scripts/deps.sh || exit 1

passed=0
failed=0
skipped=0

# Add the counts of one "meson test" run (its summary lines) to the totals.
count() {
	local log=$1 ok fail to skip
	ok=$(sed -n 's/^Ok: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	fail=$(sed -n 's/^Fail: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	to=$(sed -n 's/^Timeout: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	skip=$(sed -n 's/^Skipped: *\([0-9]*\).*/\1/p' "$log" | tail -1)
	passed=$((passed + ${ok:-0}))
	failed=$((failed + ${fail:-0} + ${to:-0}))
	skipped=$((skipped + ${skip:-0}))
}

# build DIR [meson options...]: configure once, then build; a failed build
# counts as one failure.
build() {
	local dir=$1
	shift
	if [ ! -f "$dir/build.ninja" ]; then
		meson setup "$dir" "$@" >"$dir.setup.log" 2>&1 ||
			{ cat "$dir.setup.log"; return 1; }
	fi
	ninja -C "$dir" >"$dir.build.log" 2>&1 || { tail -50 "$dir.build.log"; return 1; }
}

# run DIR SUITE...: meson test for these suites, output kept in a log.
run() {
	local dir=$1 log
	shift
	log=$(mktemp)
	local args=()
	for s in "$@"; do args+=(--suite "$s"); done
	meson test -C "$dir" --print-errorlogs "${args[@]}" 2>&1 | tee "$log" |
		grep -E "^ *[0-9]+/[0-9]+ |^(Ok|Fail|Skipped|Timeout):"
	count "$log"
	rm -f "$log"
}

if build build; then
	run build unit huge tools testpmd telemetry compat vm bench conformance
else
	failed=$((failed + 1))
fi

if build build-asan -Db_sanitize=address,undefined -Db_lundef=false -Dbuildtype=debug; then
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		run build-asan unit
else
	failed=$((failed + 1))
fi

if CC=clang build build-clang -Db_sanitize=address,undefined -Db_lundef=false \
	-Dbuildtype=debug; then
	ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
		run build-clang unit
else
	failed=$((failed + 1))
fi

if build build-tsan -Db_sanitize=thread -Db_lundef=false -Dbuildtype=debugoptimized; then
	run build-tsan tsan
else
	failed=$((failed + 1))
fi

# Bounded: FUZZ_SECONDS for each target (7 targets: about 4 minutes).
if CC=clang build build-fuzz -Dfuzz=true -Db_sanitize=address,undefined -Db_lundef=false \
	-Dbuildtype=debugoptimized; then
	FUZZ_SECONDS=${FUZZ_SECONDS:-60} run build-fuzz fuzz
	# executions per target, from fuzz/run.sh
	grep -E "^(ok|FAIL) +fuzz_" build-fuzz/meson-logs/testlog.txt
else
	failed=$((failed + 1))
fi

echo "${skipped} skipped"
echo "${passed} passed, ${failed} failed"
[ "$failed" -eq 0 ]
