# SPDX-License-Identifier: BSD-3-Clause
# Sourced by the comparisons that build ONE DPDK-API program against
# Debian's DPDK and against Sluice (mempool_same_source.sh, lookup.sh,
# l3fwd.sh, l3fwd_vm.sh).
#
# same_source_build SRC [MORE SOURCES AND FLAGS]: with BUILD (Sluice's
# build folder) and tmp set, checks that both libraries are there, builds
# BUILD, and writes $tmp/dpdk and $tmp/sluice from SRC (and the rest: a
# program of several files, such as DPDK's l3fwd, with its -I folders);
# both get the same -O3 and the -march that libdpdk's pkg-config asks for
# (x86-64-v2, Sluice's default, if it names none; Sluice's own pkg-config
# -march is overridden), so only the code differs, not the flags. Sets cflags to what they were built with.
# KEEP=dir keeps the two binaries there (dir/dpdk, dir/sluice), e.g. for
# perf record or valgrind --tool=callgrind.
same_source_build() {
	local src=$1 march
	shift
	pkg-config --exists libdpdk || { echo "libdpdk not found: apt-get install dpdk-dev" >&2; exit 1; }
	[ -f "$BUILD/meson-uninstalled/libsluice-uninstalled.pc" ] ||
		{ echo "no $BUILD: meson setup $BUILD && ninja -C $BUILD" >&2; exit 1; }
	ninja -C "$BUILD" >/dev/null
	march=$(pkg-config --cflags libdpdk | tr ' ' '\n' | grep -- '^-march=' | tail -n 1 || true)
	cflags="-O3 ${march:--march=x86-64-v2}"
	cc -o "$tmp/dpdk" "$src" "$@" $(pkg-config --cflags --libs libdpdk) $cflags
	cc -o "$tmp/sluice" "$src" "$@" \
		$(PKG_CONFIG_PATH="$BUILD/meson-uninstalled" pkg-config --cflags --libs libsluice-uninstalled) \
		$cflags -Wl,-rpath,"$PWD/$BUILD"
	if [ -n "${KEEP:-}" ]; then
		mkdir -p "$KEEP" && cp "$tmp/dpdk" "$tmp/sluice" "$KEEP/"
	fi
}

# same_source_l3fwd EXAMPLES: DPDK's examples/l3fwd from the folder of
# DPDK's examples (EXAMPLES/l3fwd, the sources its own meson.build lists)
# through same_source_build; the log goes to $tmp/cc.log.
same_source_l3fwd() {
	local ex=$1 srcs
	mapfile -t srcs < <(grep -o "'[^']*\.c'" "$ex/l3fwd/meson.build" | tr -d "'" | sed "s|^|$ex/l3fwd/|")
	same_source_build "${srcs[@]}" -I"$ex/l3fwd" -I"$ex/common" -DALLOW_EXPERIMENTAL_API \
		>"$tmp/cc.log" 2>&1
}
