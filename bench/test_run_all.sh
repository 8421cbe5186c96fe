#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Self-check of the report generator: bench/run-all.sh, one short round of
# the quick comparisons (ring, testpmd with 2 s runs, a two-size burst
# sweep, start-up at -m 256), written into a folder of the build tree. Checks what the report
# must hold, not how fast anything is:
#   - results.md with the machine rows (CPU, cores, kernel), the date and
#     the table header;
#   - for each comparison that ran, at least one row with numbers in the
#     Sluice, DPDK and ratio columns, and no row without them (start-up
#     may instead be listed as skipped when the machine has no free
#     hugepages);
#   - plot/burst.png and plot/ring.png, nonempty PNG files;
#   - nothing written into bench/ of the source tree.
# The mempool comparison is left out: a DPDK round of it takes minutes.
#
# usage: test_run_all.sh BUILDDIR OUTDIR
set -uo pipefail

build=$1
out=$2
src=$(cd "$(dirname "$0")/.." && pwd)
fail=0
bad() { echo "FAIL: $*"; fail=1; }

rm -rf "$out"
mkdir -p "$out"
stamp=$out/.stamp
touch "$stamp"
sleep 1

BURSTS="1 32" STARTUP_SIZES=256 bash "$src/bench/run-all.sh" -b "$build" -o "$out" \
	-r 1 -t 2 -n -s "ring testpmd burst startup" 2>"$out/run-all.err"
st=$?
if [ $st -ne 0 ]; then
	bad "run-all.sh exited with status $st"
	cat "$out/run-all.err"
fi

md=$out/results.md
if [ ! -s "$md" ]; then
	bad "$md was not written"
	cat "$out/run-all.err"
	exit 1
fi

# Machine rows and the date.
grep -Eq '^\| CPU \| .+ \|$' "$md" || bad "no CPU row"
grep -Eq '^\| cores \| [0-9]+ online' "$md" || bad "no cores row"
grep -Eq "^\| kernel \| $(uname -s) [^ ]+ \|$" "$md" || bad "no kernel row"
grep -Eq '^Written by `bench/run-all.sh` on [0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2} UTC\.$' "$md" ||
	bad "no date line"
grep -Fxq '| bench | figure | unit | better | Sluice | DPDK 22.11 | ratio |' "$md" ||
	bad "no table header"

# Rows with numbers in the last three columns: | bench | ... | S | D | ratio |
num='[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?'
rows() { grep -Ec "^\| $1 \| .* \| $num \| $num \| $num \|$" "$md"; }
for b in ring testpmd burst; do
	n=$(rows $b)
	[ "$n" -ge 1 ] || bad "no numeric $b row"
	echo "$b: $n rows"
done
# Every row of the figure table (from its header to the blank line after).
awk '/^\| bench \| figure \|/ { t = 1; getline; next } t && !NF { exit } t' "$md" \
	>"$out/table.txt"
holes=$(grep -Ev "\| $num \| $num \| $num \|$" "$out/table.txt")
[ -z "$holes" ] || bad "rows without a number in each of the last three columns: $holes"
[ "$(rows burst)" -eq 2 ] || bad "burst: $(rows burst) rows, 2 expected (bursts 1 and 32)"
n=$(rows startup)
echo "startup: $n rows"
if [ "$n" -eq 0 ]; then
	grep -q '^- startup 256: skipped: ' "$md" ||
		bad "no startup row and no note that says why"
fi

# Both plots: PNG signature, nonzero size, linked from the report.
for p in burst ring; do
	f=$out/plot/$p.png
	if [ ! -s "$f" ]; then
		bad "$f missing or empty"
		continue
	fi
	sig=$(head -c 8 "$f" | od -An -tx1 | tr -d ' \n')
	[ "$sig" = 89504e470d0a1a0a ] || bad "$f is not a PNG (starts with $sig)"
	grep -Fq "](plot/$p.png)" "$md" || bad "results.md does not show plot/$p.png"
done

# With -o the source tree's report and plots stay untouched.
changed=$(find "$src/bench/results.md" "$src/bench/plot" -newer "$stamp" 2>/dev/null)
[ -z "$changed" ] || bad "written in the source tree: $changed"

[ $fail -eq 0 ] && echo "run-all: report checked in $md"
exit $fail
