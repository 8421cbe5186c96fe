#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# Install what building and testing Sluice needs (Debian 12, as root), and
# reserve 2 MiB hugepages when the machine allows it.
set -euo pipefail

# clang and llvm (llvm-symbolizer for sanitizer reports) build the clang
# and fuzz trees; libclang-rt-14-dev holds the sanitizer and libFuzzer
# runtimes (-fsanitize=fuzzer).
pkgs=(meson ninja-build pkg-config gcc libc6-dev libnuma-dev libedit-dev
      clang llvm libclang-rt-14-dev
      iproute2 iputils-ping procps time valgrind python3
      dpdk dpdk-dev dpdk-doc
      qemu-system-x86 busybox-static cpio gnuplot-nox libpcap-dev tshark libxdp-dev libbpf-dev)
missing=()
for p in "${pkgs[@]}"; do
	dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" ||
		missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
	if [ "$(id -u)" -ne 0 ]; then
		echo "deps: missing packages: ${missing[*]}; run as root or: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

# Hugepages: ask for 512 x 2 MiB; fine if the kernel gives fewer or none
# (tests then run their hugepage variants as skipped, and --no-huge always).
nr=/sys/kernel/mm/hugepages/hugepages-2048kB/nr_hugepages
if [ -w "$nr" ] && [ "$(cat "$nr")" -lt 512 ]; then
	echo 512 > "$nr" 2>/dev/null || true
fi
if [ -r "$nr" ]; then
	echo "deps: $(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages) free 2 MiB hugepages"
fi
