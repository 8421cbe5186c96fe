#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# EAL start-up time and maximum resident set size against memory size,
# Sluice against DPDK 22.11 (Debian's libdpdk), in alternating rounds.
#
# Both sides run the helloworld example: ours is build/examples/helloworld/
# sluice-helloworld; DPDK's is /usr/share/dpdk/examples/helloworld/main.c,
# compiled at bench time in a temporary folder with `pkg-config libdpdk`
# (it is never part of Sluice's build). Both get the same arguments:
#
#   -l 0-1 -m SIZE --in-memory --no-pci
#
# with 2 MiB hugepages (--in-memory: neither leaves a file behind, and
# neither needs a mounted hugetlbfs). helloworld starts the EAL, prints one
# line on each lcore and exits, so the wall time is the EAL's start-up and
# shut-down.
#
# One untimed warm-up run of each side comes first at every size.
# Per memory size and side it prints:
#   start_ms  wall time from exec to exit (date +%s%N around the run), median
#   rss_MiB   maximum resident set size (/usr/bin/time -v), median. Hugepage
#             memory is not counted in RSS by the kernel: this is the
#             memory the process uses besides its hugepages.
#
# Hugepages: the -m 2048 run needs 1024 free pages of 2 MiB. When fewer are
# reserved and the script runs as root, it raises nr_hugepages to 1200 and
# restores the old value on exit; sizes that still do not fit are skipped
# with a line that says so.
#
# usage: bench/startup.sh [-b BUILDDIR] [-r ROUNDS] [-m "256 1024 2048"]
set -u

BUILD=build
ROUNDS=5
SIZES="256 1024 2048"
while getopts "b:r:m:h" o; do
	case $o in
	b) BUILD=$OPTARG ;;
	r) ROUNDS=$OPTARG ;;
	m) SIZES=$OPTARG ;;
	*) sed -n '3,32p' "$0"; exit 2 ;;
	esac
done

OURS=$BUILD/examples/helloworld/sluice-helloworld
SRC=/usr/share/dpdk/examples/helloworld/main.c
if [ ! -x "$OURS" ]; then
	echo "bench/startup.sh: $OURS not found: build first (ninja -C $BUILD) or pass -b BUILDDIR" >&2
	exit 1
fi
if [ ! -r "$SRC" ] || ! pkg-config --exists libdpdk; then
	echo "bench/startup.sh: DPDK's helloworld source or libdpdk.pc is missing: apt-get install dpdk-dev dpdk-doc" >&2
	exit 1
fi
[ -x /usr/bin/time ] || { echo "bench/startup.sh: /usr/bin/time not found: apt-get install time" >&2; exit 1; }

tmp=$(mktemp -d)
HP=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
old_nr=$(cat "$HP" 2>/dev/null || echo 0)
cleanup() {
	if [ "$(cat "$HP" 2>/dev/null || echo 0)" != "$old_nr" ]; then
		echo "$old_nr" >"$HP" 2>/dev/null
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

DPDK=$tmp/dpdk-helloworld
# shellcheck disable=SC2046
if ! gcc -O2 -o "$DPDK" "$SRC" $(pkg-config --cflags --libs libdpdk) 2>"$tmp/cc.err"; then
	echo "bench/startup.sh: cannot build DPDK's helloworld:" >&2
	cat "$tmp/cc.err" >&2
	exit 1
fi

free_pages() { cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0; }
max_size=0
for m in $SIZES; do [ "$m" -gt "$max_size" ] && max_size=$m; done
need=$((max_size / 2))
if [ "$(free_pages)" -lt "$need" ] && [ -w "$HP" ]; then
	want=$((old_nr + need - $(free_pages) + 16))
	[ "$want" -lt 1200 ] && want=1200
	echo "$want" >"$HP" 2>/dev/null
fi

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# run_one APP SIZE OUT: writes OUT.ms and OUT.rss (MiB); fails when the
# program did not say hello from both lcores.
run_one() {
	local app=$1 m=$2 out=$3 t0 t1
	t0=$(date +%s%N)
	/usr/bin/time -v -o "$out.time" "$app" -l 0-1 -m "$m" --in-memory --no-pci \
		>"$out.log" 2>&1 </dev/null
	t1=$(date +%s%N)
	[ "$(grep -c '^hello from' "$out.log")" -eq 2 ] || return 1
	echo $(((t1 - t0) / 1000)) | awk '{ printf "%.1f\n", $1 / 1000 }' >"$out.ms"
	awk -F: '/Maximum resident set size/ { printf "%.1f\n", $2 / 1024 }' "$out.time" >"$out.rss"
}

echo "EAL start-up (helloworld, -l 0-1 -m SIZE --in-memory --no-pci, 2 MiB hugepages)," \
	"median of $ROUNDS alternating rounds"
printf '%-8s %-5s %10s %9s   %s\n' mem_MiB app start_ms rss_MiB "runs (ms)"
for m in $SIZES; do
	if [ "$(free_pages)" -lt $((m / 2)) ]; then
		echo "$m: skipped: $(free_pages) free 2 MiB hugepages, $((m / 2)) needed" \
			"(as root: echo 1200 > $HP)"
		continue
	fi
	# One untimed run of each first: the first mapping of freshly reserved
	# hugepages costs far more than the following ones.
	run_one "$OURS" "$m" "$tmp/warm.ours"
	run_one "$DPDK" "$m" "$tmp/warm.dpdk"
	ok=1
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
		for who in $order; do
			if [ $who = ours ]; then app=$OURS; else app=$DPDK; fi
			if ! run_one "$app" "$m" "$tmp/$m.$who.$r"; then
				echo "$m: $who failed:" >&2
				tail -5 "$tmp/$m.$who.$r.log" >&2
				ok=0
			fi
		done
	done
	[ $ok = 1 ] || continue
	for who in ours dpdk; do
		ms=$(cat "$tmp/$m.$who".*.ms | median)
		rss=$(cat "$tmp/$m.$who".*.rss | median)
		runs=$(cat "$tmp/$m.$who".*.ms | tr '\n' ' ')
		printf '%-8s %-5s %10s %9s   %s\n' "$m" "$who" "$ms" "$rss" "$runs"
		eval "ms_$who=$ms rss_$who=$rss"
	done
	# shellcheck disable=SC2154
	awk -v m="$m" -v a="$ms_ours" -v b="$ms_dpdk" -v c="$rss_ours" -v d="$rss_dpdk" 'BEGIN {
		printf "%-8s ratio ours/dpdk: start %.2f, rss %.2f\n", m, a / b, c / d }'
done
