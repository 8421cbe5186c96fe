#!/bin/bash
# SPDX-License-Identifier: BSD-3-Clause
#
# DPDK 22.11's own autotests (app/test), compiled unmodified against
# libsluice and, as the control, against Debian's DPDK (pkg-config
# libdpdk), with runner.c in place of DPDK's test.c; each autotest of
# autotests.list runs on both. One line an autotest, then a summary.
#
#   conformance.sh BUILDDIR
#
# DPDK's source comes from Debian at test time ("apt-get source dpdk" of
# the installed version, a deb-src entry added when the machine has none)
# into BUILDDIR/dpdk-conformance, and is kept there for the next run.
#
# Fails when an autotest that passes on DPDK does not pass on Sluice,
# unless known-failing.txt (API not provided yet) or expected-different.txt
# (a deliberate difference) names it with its cause; and fails when a test
# so named passes on Sluice, so that both lists stay true.
# CONFORMANCE_SLOW=1 also runs the "slow" class (minutes each);
# CONFORMANCE_ONLY="name..." runs only these autotests;
# CONFORMANCE_NO_HUGE=1 runs as on a machine without hugepages.
# Exit 77 (skipped) when DPDK's packages or source cannot be had.
set -u

BUILD=$(cd "${1:?usage: conformance.sh BUILDDIR}" && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
WORK=$BUILD/dpdk-conformance
CC=${CC:-cc}
TIMEOUT=${CONFORMANCE_TIMEOUT:-120}

skip() { echo "SKIP: $*"; exit 77; }

mkdir -p "$WORK" || exit 1
pkg-config --exists libdpdk || skip "Debian's dpdk-dev is not installed (scripts/deps.sh installs it)"

# Is there a deb-src entry? If not, add one for the suites of the deb one.
have_deb_src() {
	grep -qsE '^[[:space:]]*deb-src[[:space:]]' /etc/apt/sources.list /etc/apt/sources.list.d/*.list ||
		grep -qsiE '^Types:.*\bdeb-src\b' /etc/apt/sources.list.d/*.sources
}

add_deb_src() {
	local f
	# Debian 12 keeps its entries in debian.sources (deb822)
	for f in /etc/apt/sources.list.d/debian.sources /etc/apt/sources.list.d/*.sources; do
		[ -f "$f" ] || continue
		# deb822: the same stanzas with "Types: deb-src"
		sed -E 's/^(Types:[[:space:]]*)deb[[:space:]]*$/\1deb-src/I' "$f" \
			>/etc/apt/sources.list.d/sluice-deb-src.sources
		return 0
	done
	if [ -f /etc/apt/sources.list ] && grep -qE '^[[:space:]]*deb[[:space:]]' /etc/apt/sources.list; then
		sed -nE 's/^[[:space:]]*deb([[:space:]])/deb-src\1/p' /etc/apt/sources.list \
			>/etc/apt/sources.list.d/sluice-deb-src.list
		return 0
	fi
	return 1
}

fetch_source() {
	local ver
	SRC=$(find "$WORK/src" -maxdepth 4 -path '*/app/test/test_ring.c' 2>/dev/null | head -1)
	if [ -n "$SRC" ]; then
		SRC=$(dirname "$(dirname "$(dirname "$SRC")")")
		return 0
	fi
	[ "$(id -u)" = 0 ] || skip "DPDK's source is not in $WORK/src and getting it needs root (apt-get source)"
	if ! have_deb_src; then
		add_deb_src || skip "no deb line in the apt sources to derive a deb-src line from"
		echo "added a deb-src entry for the suites of the deb entry"
	fi
	apt-get update -qq >"$WORK/apt.log" 2>&1 || skip "apt-get update failed: $(tail -2 "$WORK/apt.log")"
	rm -rf "$WORK/src" && mkdir -p "$WORK/src"
	ver=$(dpkg-query -W -f='${Version}' dpdk 2>/dev/null)
	(cd "$WORK/src" && { apt-get source -qq "dpdk${ver:+=$ver}" || apt-get source -qq dpdk; }) \
		>>"$WORK/apt.log" 2>&1 || skip "apt-get source dpdk failed: $(tail -2 "$WORK/apt.log")"
	SRC=$(find "$WORK/src" -maxdepth 4 -path '*/app/test/test_ring.c' | head -1)
	[ -n "$SRC" ] || skip "apt-get source dpdk gave no app/test/test_ring.c"
	SRC=$(dirname "$(dirname "$(dirname "$SRC")")")
}
fetch_source
case $(cat "$SRC/VERSION" 2>/dev/null) in
22.11*) ;;
*) skip "$SRC is DPDK $(cat "$SRC/VERSION" 2>/dev/null), not 22.11" ;;
esac

# DPDK's app/test beside our files, without its test.h: "test.h" in a test
# file must find ours, and the compiler looks in the file's own folder first.
STAGE=$WORK/stage
mkdir -p "$STAGE"
for f in "$SRC"/app/test/*.c "$SRC"/app/test/*.h; do
	[ "$(basename "$f")" = test.h ] && continue
	cmp -s "$f" "$STAGE/$(basename "$f")" || cp "$f" "$STAGE/"
done
for f in test.h runner.c suite_runner.c ring_stress_variant.c; do
	cmp -s "$HERE/$f" "$STAGE/$f" || cp "$HERE/$f" "$STAGE/"
done

export PKG_CONFIG_PATH=$BUILD/meson-uninstalled${PKG_CONFIG_PATH:+:$PKG_CONFIG_PATH}
SL_CFLAGS=$(pkg-config --cflags libsluice-uninstalled) || exit 1
# the library-private headers some tests include (telemetry_data.h), as
# for DPDK below: from the source tree, after the public ones
SL_CFLAGS+=" -idirafter $(cd "$HERE/../../.." && pwd)/lib/telemetry"
SL_LIBS="$(pkg-config --libs libsluice-uninstalled) -Wl,-rpath,$BUILD"
# DPDK's tests are built inside its tree: the headers Debian does not
# install (rte_test.h, bus_driver.h, malloc_elem.h...) come from the
# source, after the installed ones.
DP_CFLAGS="$(pkg-config --cflags libdpdk) -idirafter $SRC/lib/eal/include"
DP_CFLAGS+=" -idirafter $SRC/lib/eal/common -idirafter $SRC/lib/eal/linux/include"
DP_CFLAGS+=" -idirafter $SRC/lib/eal/x86/include -idirafter $SRC/lib/ethdev"
DP_CFLAGS+=" -idirafter $SRC/drivers/bus/vdev -idirafter $SRC/drivers/bus/pci"
DP_CFLAGS+=" -idirafter $SRC/lib/telemetry"
# the drivers DPDK's tests call by their own API are linked, as in its meson
DP_LIBS="$(pkg-config --libs libdpdk) -lrte_net_ring -lrte_bus_vdev"
# DPDK builds everything with _GNU_SOURCE (IOV_MAX, CPU_SET... need it)
TEST_CFLAGS="-O1 -g -w -fno-strict-aliasing -D_GNU_SOURCE -DALLOW_INTERNAL_API -I$STAGE"
# test_pcapng.c reads its file back with libpcap, as DPDK's meson links it
if [ -e /usr/include/pcap/pcap.h ]; then
	SL_LIBS+=" -lpcap"
	DP_LIBS+=" -lpcap"
fi

# autotests.list without comments: NAME MEMORY CLASS SOURCES...
mapfile -t TESTS < <(grep -vE '^[[:space:]]*(#|$)' "$HERE/autotests.list")
if [ -n "${CONFORMANCE_ONLY:-}" ]; then
	mapfile -t TESTS < <(printf '%s\n' "${TESTS[@]}" | grep -wE "^($(tr ' ' '|' <<<"$CONFORMANCE_ONLY"))")
fi

# One ninja file builds every runner for both sides, in parallel, and only
# what changed since the last run (objects depend on the headers they use).
obj() { # SIDE SOURCE -> object path
	case $2 in
	variant:*) echo "$1/rsv_${2#variant:}.o" ;;
	*) echo "$1/${2%.c}.o" ;;
	esac
}
{
	echo "cc_sluice = $CC $TEST_CFLAGS $SL_CFLAGS"
	echo "cc_dpdk = $CC $TEST_CFLAGS $DP_CFLAGS"
	echo "libs_sluice = $SL_LIBS"
	echo "libs_dpdk = $DP_LIBS"
	for side in sluice dpdk; do
		echo "rule cc_$side"
		echo "  command = \$cc_$side \$defs -MD -MF \$out.d -c \$in -o \$out > \$out.log 2>&1 || { cat \$out.log; exit 1; }"
		echo "  depfile = \$out.d"
		echo "  deps = gcc"
		echo "  description = CC $side \$out"
		echo "rule ld_$side"
		echo "  command = $CC -o \$out \$in \$libs_$side -lpthread -lm > \$out.log 2>&1 || { cat \$out.log; exit 1; }"
		echo "  description = LINK $side \$out"
	done
	declare -A seen=()
	for line in "${TESTS[@]}"; do
		read -r name _ _ srcs <<<"$line"
		for side in sluice dpdk; do
			objs="$side/runner.o $side/suite_runner.o"
			for s in $srcs; do
				[ "${s#eal:}" != "$s" ] && continue
				o=$(obj "$side" "$s")
				objs+=" $o"
				[ -n "${seen[$o]:-}" ] && continue
				seen[$o]=1
				case $s in
				variant:*)
					echo "build $o: cc_$side $STAGE/ring_stress_variant.c"
					echo "  defs = -DSTRESS_VARIANT=${s#variant:} -DSTRESS_COMMAND=$name"
					v=${s#variant:}
					o2=$side/${v}.o
					objs+=" $o2"
					if [ -z "${seen[$o2]:-}" ]; then
						seen[$o2]=1
						echo "build $o2: cc_$side $STAGE/${v}.c"
					fi
					;;
				*) echo "build $o: cc_$side $STAGE/$s" ;;
				esac
			done
			echo "build $side/bin/$name: ld_$side $objs"
		done
	done
	for side in sluice dpdk; do
		for f in runner suite_runner; do
			echo "build $side/$f.o: cc_$side $STAGE/$f.c"
		done
	done
} >"$WORK/build.ninja.new"
cmp -s "$WORK/build.ninja.new" "$WORK/build.ninja" || mv "$WORK/build.ninja.new" "$WORK/build.ninja"
rm -f "$WORK/build.ninja.new"
ninja -C "$WORK" -k 0 >"$WORK/ninja.log" 2>&1
echo "built in $WORK (log: $WORK/ninja.log)"

free_huge=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
# like has_hugepage.py: any free hugepage lets the tests use them
HUGE=0
[ "$free_huge" -gt 0 ] && [ "${CONFORMANCE_NO_HUGE:-0}" != 1 ] && HUGE=1
# DPDK finds hugepages through a mounted hugetlbfs (Sluice does not need
# one): mount one for the run when the machine has none.
HUGEMNT=
cleanup() {
	[ -n "$HUGEMNT" ] && umount "$HUGEMNT" 2>/dev/null && rmdir "$HUGEMNT"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
# one left by a run that was killed: ours to unmount at the end
if mountpoint -q "$WORK/hugetlbfs" 2>/dev/null; then
	HUGEMNT=$WORK/hugetlbfs
elif [ "$HUGE" = 1 ] && ! grep -q ' hugetlbfs ' /proc/mounts; then
	mkdir -p "$WORK/hugetlbfs"
	if mount -t hugetlbfs nodev "$WORK/hugetlbfs" 2>/dev/null; then
		HUGEMNT=$WORK/hugetlbfs
	else
		echo "no hugetlbfs mounted and none can be: both run without hugepages"
		HUGE=0
	fi
fi
echo "hugepages: $([ "$HUGE" = 1 ] && echo "$free_huge free 2 MiB pages" || echo "none, --no-huge -m 2048")"

# run SIDE NAME MEMORY CLASS [EAL ARGS...] -> prints pass|fail|skip|timeout|compile-error|no-hugepages
run_one() {
	local side=$1 name=$2 mem=$3 class=$4 bin rc args=() limit=$TIMEOUT
	shift 4
	bin=$WORK/$side/bin/$name
	[ -x "$bin" ] || { echo compile-error; return; }
	# Without hugepages DPDK's meson runs only the fast tests that allow it,
	# with --no-huge -m 2048; the others here get the same so that both
	# sides still run.
	if [ "$HUGE" = 0 ]; then
		[ "$class" = fast ] && [ "$mem" = huge ] && { echo no-hugepages; return; }
		args+=(--no-huge -m 2048)
	fi
	# a private runtime directory a run: other EAL programs may be running
	local prefix=conf_${name}_$$
	args+=("--file-prefix=$prefix" "$@")
	# a ring stress variant runs two cases of a minute each; mempool_perf
	# measures 12 pool/core setups x 60 cases for 5 s each: an hour
	[ "$class" = slow ] && limit=${CONFORMANCE_SLOW_TIMEOUT:-4000}
	DPDK_TEST=$name timeout -s KILL "$limit" "$bin" "${args[@]}" \
		>"$WORK/$side/$name.out" 2>&1 </dev/null
	rc=$?
	# DPDK keeps its runtime directory and hugepage files (PREFIXmap_N)
	# after exit, each file holding a hugepage (Sluice keeps none)
	rm -rf "/var/run/dpdk/$prefix" "${XDG_RUNTIME_DIR:-/tmp}/dpdk/$prefix"
	local mnt
	while read -r mnt; do
		rm -f "$mnt/${prefix}map_"*
	done < <(awk '$3 == "hugetlbfs" { print $2 }' /proc/mounts)
	case $rc in
	0) echo pass ;;
	77) echo skip ;;
	137) echo timeout ;;
	*) echo fail ;;
	esac
}

# why SIDE NAME -> the first error its compile or link logged
why() {
	local side=$1 name=$2 line srcs s
	line=$(grep -F " $name " <<<" $(printf '%s\n' "${TESTS[@]}" | awk -v n="$name" '$1 == n')")
	read -r _ _ _ srcs <<<"$line"
	for s in runner.c suite_runner.c $srcs; do
		[ "${s#eal:}" != "$s" ] && continue
		s=${s#variant:}
		s=${s%.c}
		for f in "$WORK/$side/$s.o.log" "$WORK/$side/rsv_$s.o.log"; do
			[ -s "$f" ] && grep -m1 -E 'error|undefined reference' "$f" && return
		done
	done
	grep -m1 -E 'error|undefined reference' "$WORK/$side/bin/$name.log" 2>/dev/null
}

# list NAME FILE -> the reason given for NAME in FILE, or nothing
reason() { awk -v n="$1" '$1 == n { $1 = ""; sub(/^ +/, ""); print; exit }' "$HERE/$2"; }

n_ok=0 n_known=0 n_diff=0 n_dpdkfail=0 n_optin=0 n_bad=0
bad=()
printf '%-34s %-14s %-14s %-9s %s\n' autotest sluice dpdk time verdict
for line in "${TESTS[@]}"; do
	read -r name mem class srcs <<<"$line"
	eal=()
	for s in $srcs; do
		[ "${s#eal:}" != "$s" ] && eal+=("${s#eal:}")
	done
	known=$(reason "$name" known-failing.txt)
	diff=$(reason "$name" expected-different.txt)
	if [ "$class" = slow ] && [ "${CONFORMANCE_SLOW:-0}" != 1 ]; then
		s=not-run d=not-run
		[ -x "$WORK/sluice/bin/$name" ] || s=compile-error
		[ -x "$WORK/dpdk/bin/$name" ] || d=compile-error
		verdict="opt-in (CONFORMANCE_SLOW=1)"
		times=-
		n_optin=$((n_optin + 1))
	else
		t0=$SECONDS
		s=$(run_one sluice "$name" "$mem" "$class" "${eal[@]}")
		t1=$SECONDS
		d=$(run_one dpdk "$name" "$mem" "$class" "${eal[@]}")
		times="$((t1 - t0))s/$((SECONDS - t1))s"
		if [ "$d" = no-hugepages ]; then
			verdict="not run: needs hugepages"
			n_optin=$((n_optin + 1))
		elif [ -n "$diff" ]; then
			if [ "$s" = pass ]; then
				verdict="FAIL: passes now, drop it from expected-different.txt"
				n_bad=$((n_bad + 1)) bad+=("$name")
			else
				verdict="expected-different"
				n_diff=$((n_diff + 1))
			fi
		elif [ -n "$known" ]; then
			if [ "$s" = pass ]; then
				verdict="FAIL: passes now, drop it from known-failing.txt"
				n_bad=$((n_bad + 1)) bad+=("$name")
			else
				verdict="known-failing"
				n_known=$((n_known + 1))
			fi
		elif [ "$s" = pass ]; then
			verdict=ok
			n_ok=$((n_ok + 1))
		elif [ "$d" = pass ]; then
			verdict="FAIL: passes on DPDK (output: $WORK/sluice/$name.out)"
			n_bad=$((n_bad + 1)) bad+=("$name")
		else
			verdict="not compared: DPDK does not pass it here"
			n_dpdkfail=$((n_dpdkfail + 1))
		fi
	fi
	printf '%-34s %-14s %-14s %-9s %s\n' "$name" "$s" "$d" "$times" "$verdict"
	if [ "$s" = compile-error ] && [ -n "${CONFORMANCE_VERBOSE:-}" ]; then
		echo "    sluice: $(why sluice "$name" | sed "s|$STAGE/||" | cut -c1-200)"
	fi
done
echo "conformance: ${#TESTS[@]} autotests: $n_ok pass on Sluice, $n_known known failing" \
	"(not yet provided), $n_diff expected-different, $n_dpdkfail not passing on DPDK either," \
	"$n_optin not run (opt-in or no hugepages), $n_bad failed${bad[*]:+ (${bad[*]})}"
[ "$n_bad" -eq 0 ]
