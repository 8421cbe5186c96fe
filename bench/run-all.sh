#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# Every comparison in bench/, Sluice against DPDK 22.11 (Debian's dpdk,
# dpdk-dev packages), on this machine, in one run:
#
#   ring      bench/ring.sh       ring_perf figures (cycles per element)
#   mempool   bench/mempool.sh    mempool_perf rates (one section, 1 core)
#             bench/mempool_same_source.sh: get+put through a cache of 512
#   lookup    bench/lookup.sh     hash, LPM and FIB cycles an add or a lookup
#                                 with 1M keys or routes (one source file
#                                 built against both; minutes a round)
#   acl       bench/acl.sh        ACL classify cycles a packet, 1000 and
#                                 10000 5-tuple rules (one source file)
#   testpmd   bench/testpmd.sh    io forwarding on net_null, net_ring, net_af_xdp and
#                                 net_af_packet ports, burst 32
#   burst     this script         io forwarding on two net_null ports,
#                                 burst 1, 4, 8, 16, 32, 64
#   capture   bench/capture.sh    the fraction of that forwarding rate kept
#                                 while sluice-dumpcap / dpdk-dumpcap capture
#                                 every packet with -s 64 to a tmpfs (root)
#   l3fwd     bench/l3fwd.sh      DPDK's l3fwd built against each, lpm and
#                                 em, between two net_tap ports (root)
#   startup   bench/startup.sh    EAL start-up time and max RSS at -m 256,
#                                 1024, 2048 with 2 MiB hugepages
#   pairs     bench/vhost.sh      net_vhost <-> net_virtio_user, split and packed,
#             bench/memif.sh      and net_memif <-> net_memif: two testpmds
#                                 back to back, 64 and 1500-byte frames
#   vm        bench/vm.sh         e1000e and virtio-net in a QEMU guest (when
#                                 the script exists; takes minutes; -n skips),
#             bench/l3fwd_vm.sh   and DPDK's l3fwd on two e1000e in the guest
#
# Each figure is the median of ROUNDS runs that alternate which side goes
# first. Writes OUTDIR/results.md (one table: each figure for Sluice and for
# DPDK, the ratio Sluice/DPDK, the machine and the date) and two plots made
# with gnuplot: OUTDIR/plot/burst.png (forwarding Mpps against burst size)
# and OUTDIR/plot/ring.png (ring cycles per element against bulk size).
# OUTDIR is bench/ unless -o names another folder; with -o nothing is
# written in the source tree.
#
# Installs what it needs with apt-get (as root) and builds Sluice in
# BUILDDIR when it is not built.
#
# usage: bench/run-all.sh [-b BUILDDIR] [-o OUTDIR] [-r ROUNDS] [-t SECONDS] [-n]
#                         [-s "ring mempool lookup acl testpmd burst capture l3fwd startup pairs vm"]
#   -b  build folder (default build in the source tree)
#   -o  folder for results.md and plot/ (default bench in the source tree)
#   -r  rounds of each comparison (default 5; mempool: MEMPOOL_ROUNDS, 3)
#   -t  seconds of each forwarding run (default 10; burst runs: half, 5 at least)
#   -n  skip the VM runs
#   -s  run only these comparisons
# Relative -b and -o folders are taken from the current folder.
# environment: MEMPOOL_SECTION (default nocache; see bench/mempool.sh),
#              MEMPOOL_ROUNDS (default 3: a DPDK round takes 5 minutes),
#              BURSTS (burst sizes of the sweep, default "1 4 8 16 32 64"),
#              STARTUP_SIZES (-m sizes of startup, default "256 1024 2048")
set -u

BUILD=build
OUTDIR=bench
ROUNDS=5
SECS=10
ONLY="ring mempool lookup acl testpmd burst capture l3fwd startup pairs vm"
# Folders given as options are relative to where the script was started.
abspath() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
while getopts "b:o:r:t:s:nh" o; do
	case $o in
	b) BUILD=$(abspath "$OPTARG") ;;
	o) OUTDIR=$(abspath "$OPTARG") ;;
	r) ROUNDS=$OPTARG ;;
	t) SECS=$OPTARG ;;
	s) ONLY=$OPTARG ;;
	n) NOVM=1 ;;
	*) sed -n '3,/^set -u$/{/^set -u$/!p}' "$0"; exit 2 ;;
	esac
done
MEMPOOL_SECTION=${MEMPOOL_SECTION:-nocache}
MEMPOOL_ROUNDS=${MEMPOOL_ROUNDS:-3}
BURSTS=${BURSTS:-1 4 8 16 32 64}
STARTUP_SIZES=${STARTUP_SIZES:-256 1024 2048}

cd "$(dirname "$0")/.." || exit 1
# The build folder as the report names it: relative to the source tree.
build_name=${BUILD#"$PWD"/}
OUT=$OUTDIR/results.md
PLOTDIR=$OUTDIR/plot
mkdir -p "$PLOTDIR" || exit 1
want() { case " $ONLY " in *" $1 "*) return 0 ;; esac; return 1; }

# --- what the run needs -------------------------------------------------
pkgs=(meson ninja-build pkg-config gcc libc6-dev libnuma-dev iproute2 time
      dpdk dpdk-dev dpdk-doc gnuplot-nox tshark)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "run-all: missing packages: ${missing[*]}; run as root or: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	echo "run-all: installing ${missing[*]}" >&2
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null || exit 1
fi
if [ ! -f "$BUILD/build.ninja" ]; then
	meson setup "$BUILD" >/dev/null || { echo "run-all: meson setup $BUILD failed" >&2; exit 1; }
fi
ninja -C "$BUILD" >/dev/null || { echo "run-all: ninja -C $BUILD failed" >&2; exit 1; }
# The tree the binaries were built from (others may commit during the run).
# --no-optional-locks: do not refresh the index, nothing is written.
sluice_rev=$(git --no-optional-locks describe --always --dirty 2>/dev/null || echo unknown)

tmp=$(mktemp -d)
trap 'rm -rf "$tmp" "/var/run/dpdk/sluiceburst$$"' EXIT
trap 'exit 130' INT TERM
rows=$tmp/rows.tsv          # bench, figure, unit, better, ours, dpdk
notes=$tmp/notes.md         # runs that were skipped or failed
: >"$rows"
: >"$notes"
log() { echo "run-all: $*" >&2; }
note() { echo "- $*" >>"$notes"; log "$*"; }
# row BENCH FIGURE UNIT BETTER SLUICE DPDK: a figure with no number on one
# side (a run too short to give a sample) becomes a note, not a row.
row() {
	local n='^[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?$'
	if [[ $5 =~ $n && $6 =~ $n ]]; then
		printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$rows"
	else
		note "$1 $2: no figure (Sluice: ${5:-none}, DPDK: ${6:-none})"
	fi
}

median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) { print "nan"; exit }
		if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# --- ring ----------------------------------------------------------------
if want ring; then
	log "ring: bench/ring.sh, $ROUNDS rounds"
	if ROUNDS=$ROUNDS bash bench/ring.sh "$BUILD" >"$tmp/ring.out" 2>"$tmp/ring.err"; then
		# "figure ours DPDK ratio": the figure is all but the last three fields.
		awk '/^figure / { go = 1; next }
		     go && NF > 3 { f = $0; sub(/ +[0-9.]+ +[0-9.]+ +[0-9.n\/a]+ *$/, "", f)
			print f "\t" $(NF - 2) "\t" $(NF - 1) }' "$tmp/ring.out" |
		while IFS=$'\t' read -r f o d; do
			case $f in
			*"Total count"*) row ring "$f" "ops in 100 ms" higher "$o" "$d" ;;
			# ring_perf prints the two-lcore figures per element, the
			# one-lcore ones per loop (one enqueue and one dequeue call)
			*"two physical cores"*) row ring "$f" "cycles/elem" lower "$o" "$d" ;;
			*) row ring "$f" "cycles/loop" lower "$o" "$d" ;;
			esac
		done
	else
		note "ring: bench/ring.sh failed: $(tail -1 "$tmp/ring.err")"
	fi
fi

# --- mempool -------------------------------------------------------------
if want mempool; then
	log "mempool: bench/mempool.sh, section $MEMPOOL_SECTION, cores=1, $MEMPOOL_ROUNDS rounds (minutes)"
	if SECTION=$MEMPOOL_SECTION CORES=1 ROUNDS=$MEMPOOL_ROUNDS LCORES=0-1 \
		sh bench/mempool.sh "$BUILD" >"$tmp/mempool.out" 2>"$tmp/mempool.err"; then
		awk 'NR > 2 && NF == 4 { print $1 "\t" $2 "\t" $3 }' "$tmp/mempool.out" |
		while IFS=$'\t' read -r f o d; do
			row mempool "$MEMPOOL_SECTION cores=1 $f" "objs/s" higher "$o" "$d"
		done
	else
		note "mempool: bench/mempool.sh failed: $(tail -1 "$tmp/mempool.err")"
	fi
	log "mempool: bench/mempool_same_source.sh, cache 512, $ROUNDS rounds"
	if ROUNDS=$ROUNDS bash bench/mempool_same_source.sh "$BUILD" >"$tmp/mpcache.out" 2>"$tmp/mpcache.err"; then
		# "bulk=N keep=K sluice dpdk ratio" lines
		awk 'NF == 5 && $1 ~ /^bulk=/ { print $1 "," $2 "\t" $3 "\t" $4 }' "$tmp/mpcache.out" |
		while IFS=$'\t' read -r f o d; do
			row mempool "cache=512 cores=1 get+put $f (one source)" "objs/s" higher "$o" "$d"
		done
	else
		note "mempool: bench/mempool_same_source.sh failed: $(tail -1 "$tmp/mpcache.err")"
	fi
fi

# --- lookup: hash, LPM, FIB ----------------------------------------------
if want lookup; then
	log "lookup: bench/lookup.sh, $ROUNDS rounds (minutes: tables of 1M entries)"
	if ROUNDS=$ROUNDS bash bench/lookup.sh "$BUILD" >"$tmp/lookup.out" 2>"$tmp/lookup.err"; then
		# "LIB OPERATION ours DPDK ratio" after the header line
		awk 'NR > 1 && NF == 5 { print $1 " " $2 "\t" $3 "\t" $4 }' "$tmp/lookup.out" |
		while IFS=$'\t' read -r f o d; do
			row lookup "$f" "cycles/op" lower "$o" "$d"
		done
	else
		note "lookup: bench/lookup.sh failed: $(tail -1 "$tmp/lookup.err")"
	fi
fi

# --- acl: classify ------------------------------------------------------
if want acl; then
	log "acl: bench/acl.sh, $ROUNDS rounds"
	if ROUNDS=$ROUNDS bash bench/acl.sh "$BUILD" >"$tmp/acl.out" 2>"$tmp/acl.err"; then
		# "N rules ours DPDK ratio build-ours build-DPDK" after the header line
		awk 'NR > 1 && $2 == "rules" { print $1 " rules\t" $3 "\t" $4 }' "$tmp/acl.out" |
		while IFS=$'\t' read -r f o d; do
			row acl "classify, burst 64, $f" "cycles/pkt" lower "$o" "$d"
		done
	else
		# a difference in results is reported on stdout, other failures on stderr
		note "acl: bench/acl.sh failed: $(cat "$tmp/acl.out" "$tmp/acl.err" | grep -m 1 'differ\|not found\|no ' || tail -1 "$tmp/acl.err")"
	fi
fi

# --- testpmd, burst 32, three kinds of port -----------------------------
if want testpmd; then
	log "testpmd: bench/testpmd.sh, $ROUNDS rounds of ${SECS} s"
	if bash bench/testpmd.sh -b "$BUILD" -r "$ROUNDS" -t "$SECS" >"$tmp/testpmd.out" 2>"$tmp/testpmd.err"; then
		awk '($2 == "ours" || $2 == "dpdk") && NF >= 5 { print $1, $2, $3, $4, $5 }' \
			"$tmp/testpmd.out" >"$tmp/testpmd.rows"
		for sc in null ring afp af_xdp; do
			o=$(awk -v s=$sc '$1 == s && $2 == "ours"' "$tmp/testpmd.rows")
			d=$(awk -v s=$sc '$1 == s && $2 == "dpdk"' "$tmp/testpmd.rows")
			if [ -z "$o" ] || [ -z "$d" ]; then
				note "testpmd $sc: $(grep "^$sc" "$tmp/testpmd.out" | head -1)"
				continue
			fi
			set -- $o; om=$3 orss=$4 ofirst=$5
			set -- $d; dm=$3 drss=$4 dfirst=$5
			row testpmd "$sc: io forwarding, burst 32" Mpps higher "$om" "$dm"
			row testpmd "$sc: max RSS" MiB lower "$orss" "$drss"
			row testpmd "$sc: exec to forwarding start" ms lower "$ofirst" "$dfirst"
		done
	else
		note "testpmd: bench/testpmd.sh failed: $(tail -1 "$tmp/testpmd.err")"
	fi
fi

# --- burst sweep on net_null ------------------------------------------
# Same command lines as bench/testpmd.sh's null scenario, with --burst=N.
burst_run() {
	local app=$1 b=$2 out=$3
	timeout -s INT "$((BSECS + 3))" stdbuf -oL "$app" -l 0-1 --no-huge --no-pci \
		--file-prefix=sluiceburst$$ --vdev net_null0 --vdev net_null1 -- \
		--forward-mode=io --burst="$b" --nb-cores=1 --stats-period=1 \
		--total-num-mbufs=8192 </dev/null >"$out" 2>&1
	# Median of the per-second Tx-pps sums of both ports, first two dropped.
	awk '/^Port statistics/ { if (n++ >= 2 && have) print sum / 1e6; sum = 0; have = 0 }
	     /Tx-pps:/ { sum += $2; have = 1 }' "$out" | median
}
if want burst; then
	BSECS=$(((SECS + 1) / 2))
	[ "$BSECS" -lt 5 ] && BSECS=5
	log "burst: net_null io forwarding, bursts $BURSTS, $ROUNDS rounds of $BSECS s"
	OURS_PMD=$BUILD/app/testpmd/sluice-testpmd
	DPDK_PMD=$(command -v dpdk-testpmd)
	for r in $(seq 1 "$ROUNDS"); do
		if [ $((r % 2)) = 1 ]; then order="ours dpdk"; else order="dpdk ours"; fi
		for b in $BURSTS; do
			for who in $order; do
				if [ $who = ours ]; then app=$OURS_PMD; else app=$DPDK_PMD; fi
				burst_run "$app" "$b" "$tmp/burst.$who.$b.$r.log" >>"$tmp/burst.$who.$b"
			done
		done
		log "burst: round $r/$ROUNDS done"
	done
	: >"$tmp/burst.dat"
	for b in $BURSTS; do
		o=$(grep -v nan "$tmp/burst.ours.$b" | median)
		d=$(grep -v nan "$tmp/burst.dpdk.$b" | median)
		row burst "null: io forwarding, burst $b" Mpps higher "$o" "$d"
		[ "$o" = nan ] || [ "$d" = nan ] || echo "$b $o $d" >>"$tmp/burst.dat"
	done
fi

# --- capture: the forwarding kept while every packet is captured ----------
if want capture; then
	log "capture: bench/capture.sh, $ROUNDS rounds of ${SECS} s"
	if bash bench/capture.sh -b "$BUILD" -r "$ROUNDS" -t "$SECS" >"$tmp/capture.out" \
		2>"$tmp/capture.err"; then
		# "app base_Mpps cap_Mpps kept written_Mpps ..." after the header
		o=$(awk '$1 == "ours"' "$tmp/capture.out")
		d=$(awk '$1 == "dpdk"' "$tmp/capture.out")
		set -- $o; okept=${4:-} owr=${5:-}
		set -- $d; dkept=${4:-} dwr=${5:-}
		row capture "null, io: forwarding kept while capturing every packet (-s 64)" \
			fraction higher "$okept" "$dkept"
		row capture "null, io: packets written by the capture" Mpps higher "$owr" "$dwr"
	else
		note "capture: bench/capture.sh failed: $(tail -1 "$tmp/capture.err")"
	fi
fi

# --- l3fwd on net_tap --------------------------------------------------
if want l3fwd; then
	log "l3fwd: bench/l3fwd.sh, $ROUNDS rounds of ${SECS} s, lpm and em"
	if bash bench/l3fwd.sh -b "$build_name" -r "$ROUNDS" -t "$SECS" >"$tmp/l3fwd.out" 2>"$tmp/l3fwd.err"; then
		# "l3fwd MODE SLUICE DPDK RATIO"
		awk '$1 == "l3fwd" && NF == 5 { print $2 "\t" $3 "\t" $4 }' "$tmp/l3fwd.out" |
		while IFS=$'\t' read -r m o d; do
			row l3fwd "$m: DPDK's l3fwd between two net_tap ports, 64-byte UDP" Mpps higher "$o" "$d"
		done
	else
		note "l3fwd: bench/l3fwd.sh failed: $(tail -1 "$tmp/l3fwd.err")"
	fi
fi

# --- start-up --------------------------------------------------------------
if want startup; then
	log "startup: bench/startup.sh, $ROUNDS rounds"
	if bash bench/startup.sh -b "$BUILD" -r "$ROUNDS" -m "$STARTUP_SIZES" \
		>"$tmp/startup.out" 2>"$tmp/startup.err"; then
		grep skipped "$tmp/startup.out" | while read -r l; do note "startup $l"; done
		for m in $STARTUP_SIZES; do
			o=$(awk -v m=$m '$1 == m && $2 == "ours"' "$tmp/startup.out")
			d=$(awk -v m=$m '$1 == m && $2 == "dpdk"' "$tmp/startup.out")
			[ -n "$o" ] && [ -n "$d" ] || continue
			set -- $o; oms=$3 orss=$4
			set -- $d; dms=$3 drss=$4
			row startup "helloworld -m $m: exec to exit" ms lower "$oms" "$dms"
			row startup "helloworld -m $m: max RSS (without hugepages)" MiB lower "$orss" "$drss"
		done
	else
		note "startup: bench/startup.sh failed: $(tail -1 "$tmp/startup.err")"
	fi
fi

# --- vhost-user / virtio-user and memif pairs --------------------------
# bench/vhost.sh and bench/memif.sh: two testpmds back to back, io
# forwarding with --tx-first, one forwarding lcore each (CPU 0 and 1).
# vhost.sh prints "SIZE PACKED PAIR MPPS RUNS..." (pairs sluice, dpdk and
# mixed: Sluice's back-end with DPDK's front-end), memif.sh "SIZE WHO MPPS
# RUNS..." (ours, dpdk). The Sluice and DPDK pairs go in the table, and
# all, the mixed pairs too, in a section of their own.
pairs_out=$tmp/pairs.out
: >"$pairs_out"
if want pairs; then
	log "pairs: bench/vhost.sh and bench/memif.sh, $ROUNDS rounds of ${SECS} s"
	load_before=$(cut -d ' ' -f 1-3 /proc/loadavg)
	bash bench/vhost.sh -b "$BUILD" -r "$ROUNDS" -t "$SECS" >"$tmp/vhost.out" 2>"$tmp/vhost.err" ||
		note "pairs: bench/vhost.sh failed: $(tail -1 "$tmp/vhost.err")"
	bash bench/memif.sh -b "$BUILD" -r "$ROUNDS" -t "$SECS" >"$tmp/memif.out" 2>"$tmp/memif.err" ||
		note "pairs: bench/memif.sh failed: $(tail -1 "$tmp/memif.err")"
	awk '$2 ~ /^[01]$/ && $3 ~ /^(sluice|dpdk|mixed)$/ && NF >= 4 {
		m[$1 " " $2, $3] = $4; k[$1 " " $2] = 1 }
	     END { for (x in k) { split(x, a, " ")
		print "vhost", a[1], (a[2] ? "packed" : "split"), m[x, "sluice"], m[x, "dpdk"], m[x, "mixed"] } }' \
		"$tmp/vhost.out" | sort -k3,3r -k2,2n >"$tmp/pairs.rows"
	awk '$2 ~ /^(ours|dpdk)$/ && NF >= 3 { m[$1, $2] = $3; k[$1] = 1 }
	     END { for (s in k) print "memif", s, "-", m[s, "ours"], m[s, "dpdk"], "-" }' \
		"$tmp/memif.out" | sort -k2,2n >>"$tmp/pairs.rows"
	while read -r kind size layout o d mixed; do
		what=$kind; [ "$layout" != - ] && what="$kind $layout"
		row pairs "$what, $size B: io forwarding between two processes" Mpps higher "$o" "$d"
	done <"$tmp/pairs.rows"
	{
		echo "| pair | size | layout | Sluice pair Mpps | DPDK pair Mpps | ratio | mixed Mpps |"
		echo "|---|---:|---|---:|---:|---:|---:|"
		awk '{ r = ($5 + 0 > 0) ? sprintf("%.2f", $4 / $5) : "n/a"
		       printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, $2, $3, $4, $5, r, $6 }' \
			"$tmp/pairs.rows"
		echo
		echo "Load average before and after: $load_before; $(cut -d ' ' -f 1-3 /proc/loadavg)."
		echo "Mixed: Sluice's net_vhost with DPDK's net_virtio_user (information)."
		echo
		echo '```'
		echo "\$ bench/vhost.sh -b $build_name -r $ROUNDS -t $SECS"
		cat "$tmp/vhost.out"
		echo "\$ bench/memif.sh -b $build_name -r $ROUNDS -t $SECS"
		cat "$tmp/memif.out"
		echo '```'
	} >"$pairs_out"
fi

# --- VM --------------------------------------------------------------------
# bench/vm.sh prints one line per round and tool ("ROUND TOOL PACKETS PPS
# ...") and "round N left out: ..." for a round where one tool stalled; the
# table takes the median pps over the other rounds. Models its usage line
# does not name (its -m option) are skipped with a note.
vm_out=$tmp/vm.out
: >"$vm_out"
if want vm; then
	if [ -n "${NOVM:-}" ]; then
		note "vm: skipped (-n)"
	elif [ ! -f bench/vm.sh ]; then
		note "vm: skipped: bench/vm.sh does not exist yet"
	else
		for model in e1000e virtio; do
			if ! grep '^# Usage:' bench/vm.sh | grep -qw -- "$model"; then
				note "vm $model: skipped: bench/vm.sh does not offer -m $model yet"
				continue
			fi
			log "vm $model: bench/vm.sh, $ROUNDS rounds (minutes)"
			bash bench/vm.sh -b "$BUILD" -r "$ROUNDS" -m "$model" >"$tmp/vm.$model" 2>&1
			st=$?
			# the report keeps the figures, not the guest kernel's download
			{
				echo "\$ bench/vm.sh -b $build_name -r $ROUNDS -m $model"
				grep -vE '^(vmrun: downloading|Get:[0-9]|Fetched |Hit:[0-9]|Ign:[0-9])' "$tmp/vm.$model"
				echo
			} >>"$vm_out"
			vm_pps() {
				awk -v t="$1" 'NR == FNR { if ($1 == "round" && $3 == "left") out[$2] = 1; next }
					$1 ~ /^[0-9]+$/ && !($1 in out) && $2 == t { print $4 }' \
					"$tmp/vm.$model" "$tmp/vm.$model" | median
			}
			o=$(vm_pps sluice-testpmd)
			d=$(vm_pps dpdk-testpmd)
			if [ $st -ne 0 ] || [ "$o" = nan ] || [ "$d" = nan ]; then
				note "vm $model: bench/vm.sh failed (status $st): $(tail -1 "$tmp/vm.$model")"
				continue
			fi
			row vm "$model pair in a TCG guest, io forwarding" pps higher "$o" "$d"
		done
	fi
fi

# --- l3fwd in the VM -------------------------------------------------------
# bench/l3fwd_vm.sh: DPDK's l3fwd on two e1000e in one guest boot, fed by
# dpdk-testpmd txonly on a third NIC of the hub; with the other VM runs
# (-n skips it). It prints "l3fwd-vm MODE SLUICE DPDK RATIO".
if want vm && [ -z "${NOVM:-}" ] && [ -f bench/l3fwd_vm.sh ]; then
	log "l3fwd-vm: bench/l3fwd_vm.sh, $ROUNDS rounds of ${SECS} s, lpm and em (minutes)"
	bash bench/l3fwd_vm.sh -b "$build_name" -r "$ROUNDS" -t "$SECS" >"$tmp/l3fwd_vm.out" 2>&1
	st=$?
	{
		echo "\$ bench/l3fwd_vm.sh -b $build_name -r $ROUNDS -t $SECS"
		grep -vE '^(vmrun: downloading|Get:[0-9]|Fetched |Hit:[0-9]|Ign:[0-9])' "$tmp/l3fwd_vm.out"
		echo
	} >>"$vm_out"
	[ $st -eq 0 ] || note "l3fwd-vm: bench/l3fwd_vm.sh failed (status $st): $(tail -1 "$tmp/l3fwd_vm.out")"
	awk '$1 == "l3fwd-vm" && NF == 5 && $3 != "nan" && $4 != "nan" { print $2 "\t" $3 "\t" $4 }' \
		"$tmp/l3fwd_vm.out" |
	while IFS=$'\t' read -r m o d; do
		row l3fwd-vm "$m: DPDK's l3fwd between two e1000e in a TCG guest, 64-byte UDP" Mpps higher "$o" "$d"
	done
fi

# --- plots -------------------------------------------------------------
plots=()
if [ -s "$tmp/burst.dat" ]; then
	gnuplot -e "datafile='$tmp/burst.dat'; outfile='$PLOTDIR/burst.png'; rounds=$ROUNDS" \
		bench/plot/burst.gp && plots+=(burst)
fi
# Ring: single element (bulk 1) and bulk 8, 32, legacy API, SP/SC and MP/MC.
awk -F '\t' '$1 == "ring" {
	if ($2 ~ /^single element enq\/deq \| legacy APIs: (SP\/SC|MP\/MC): single$/) b = 1
	else if ($2 ~ /^bulk enq\/deq \| legacy APIs: (SP\/SC|MP\/MC): bulk \(size: [0-9]+\)$/) {
		b = $2; sub(/.*size: /, "", b); sub(/\)$/, "", b) }
	else next
	m = ($2 ~ /SP\/SC/) ? "sp" : "mp"
	v[b, m, "o"] = $5; v[b, m, "d"] = $6; bs[b] = 1 }
	END { for (b in bs) print b, v[b, "sp", "o"], v[b, "sp", "d"], v[b, "mp", "o"], v[b, "mp", "d"] }' \
	"$rows" | sort -n >"$tmp/ring.dat"
if [ -s "$tmp/ring.dat" ]; then
	gnuplot -e "datafile='$tmp/ring.dat'; outfile='$PLOTDIR/ring.png'; rounds=$ROUNDS" \
		bench/plot/ring.gp && plots+=(ring)
fi

# --- results.md --------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -1)
{
	echo "<!-- SPDX-License-Identifier: BSD-3-Clause -->"
	echo "# Benchmark results: Sluice and DPDK 22.11"
	echo
	echo "Written by \`bench/run-all.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC')."
	echo
	echo "| machine | |"
	echo "|---|---|"
	echo "| CPU | ${cpu:-unknown} |"
	echo "| cores | $(nproc) online ($(grep -c ^processor /proc/cpuinfo) listed) |"
	echo "| kernel | $(uname -sr) |"
	echo "| OS | $(. /etc/os-release 2>/dev/null && echo "$PRETTY_NAME") |"
	echo "| DPDK | Debian's dpdk $(dpkg-query -W -f='${Version}' dpdk 2>/dev/null) (\`dpdk-test\`, \`dpdk-testpmd\`, libdpdk) |"
	echo "| Sluice | $sluice_rev, build folder \`$build_name\` ($(meson introspect --buildoptions "$BUILD" 2>/dev/null | python3 -c 'import json,sys; print(next(o["value"] for o in json.load(sys.stdin) if o["name"] == "buildtype"))' 2>/dev/null || echo ?)) |"
	echo
	echo "Each figure is the median of $ROUNDS rounds (mempool: $MEMPOOL_ROUNDS) in which"
	echo "Sluice and DPDK alternate going first, on the same lcores (\`-l 0-1\`) with the"
	echo "same arguments. The ratio is Sluice/DPDK: for \"higher\" figures above 1 means"
	echo "Sluice is faster, for \"lower\" figures below 1 means Sluice is faster."
	echo "Figures depend on the machine and on what else runs on it; compare only within"
	echo "one run."
	echo
	echo "| bench | figure | unit | better | Sluice | DPDK 22.11 | ratio |"
	echo "|---|---|---|---|---:|---:|---:|"
	awk -F '\t' '{
		r = ($6 + 0 > 0) ? sprintf("%.2f", $5 / $6) : "n/a"
		f = $2; gsub(/\|/, "\\|", f)
		printf "| %s | %s | %s | %s | %s | %s | %s |\n", $1, f, $3, $4, $5, $6, r }' "$rows"
	echo
	echo "Where the figures come from: ring: \`sluice-test ring_perf\` and \`dpdk-test\`"
	echo "ring_perf_autotest (\`bench/ring.sh\`); mempool: \`sluice-test mempool_perf\` and"
	echo "mempool_perf_autotest, section $MEMPOOL_SECTION, 1 core (\`bench/mempool.sh\`);"
	echo "mempool cache=512: \`bench/src/mempool_rate.c\` built against each (\`bench/mempool_same_source.sh\`);"
	echo "lookup: \`bench/src/lookup.c\` built against each, median TSC cycles an operation"
	echo "over chunks of 4096, 1M keys or routes, 1 lcore (\`bench/lookup.sh\`);"
	echo "acl: \`bench/src/acl_classify.c\` built against each, thread CPU time in TSC"
	echo "cycles a packet over a seeded trace of 65536, bursts of 64 (\`bench/acl.sh\`);"
	echo "testpmd: \`sluice-testpmd\` and \`dpdk-testpmd\`, \`-l 0-1 --no-huge --no-pci\`,"
	echo "io forwarding on one lcore, ${SECS} s a run (\`bench/testpmd.sh\`); burst: the same"
	echo "on two net_null ports with \`--burst=N\`, $(((SECS + 1) / 2 < 5 ? 5 : (SECS + 1) / 2)) s a run; capture: the same"
	echo "forwarding (\`-m 256\` on hugepages) with and without sluice-dumpcap or dpdk-dumpcap"
	echo "\`-i 0 -s 64\` writing to a tmpfs, the rate with over the rate without"
	echo "(\`bench/capture.sh\`; dpdk-dumpcap gets the mempool driver dpdk-testpmd links"
	echo "preloaded, or their mempool ops differ and every copy fails); startup: helloworld with"
	echo "\`-l 0-1 -m SIZE --in-memory --no-pci\` on 2 MiB hugepages (\`bench/startup.sh\`);"
	echo "l3fwd: DPDK's examples/l3fwd built against each with the same flags, on lcore 1"
	echo "between two net_tap ports, fed by dpdk-testpmd txonly on the kernel side of one,"
	echo "counted on the kernel side of the other, ${SECS} s a run (\`bench/l3fwd.sh\`)."
	if [ ${#plots[@]} -gt 0 ]; then
		echo
		echo "## Plots"
		for p in "${plots[@]}"; do
			case $p in
			burst) echo; echo "io forwarding on two net_null ports against burst size:"; echo; echo "![burst](plot/burst.png)" ;;
			ring) echo; echo "ring cycles per element against bulk size (legacy API; 1 is the single-element call):"; echo; echo "![ring](plot/ring.png)" ;;
			esac
		done
	fi
	if [ -s "$pairs_out" ]; then
		echo
		echo "## vhost-user, virtio-user and memif pairs"
		echo
		cat "$pairs_out"
	fi
	if [ -s "$vm_out" ]; then
		echo
		echo "## VM runs (bench/vm.sh, bench/l3fwd_vm.sh)"
		echo
		echo '```'
		cat "$vm_out"
		echo '```'
	fi
	if [ -s "$notes" ]; then
		echo
		echo "## Not measured in this run"
		echo
		cat "$notes"
	fi
} | sed "s|$PWD/||g" >"$OUT"   # paths inside the source tree, as relative ones
log "wrote $OUT ($(wc -l <"$rows") figures) and ${#plots[@]} plot(s) in $PLOTDIR"
