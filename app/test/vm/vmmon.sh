#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
#
# vmmon.sh SOCKET COMMAND...: send one command to the QEMU monitor that
# vmrun.sh --monitor SOCKET opened, and print its answer. For example
#   vmmon.sh build/vm/mon.sock set_link net0 off
set -eu
[ $# -ge 2 ] || { echo "usage: vmmon.sh SOCKET COMMAND..." >&2; exit 2; }
sock=$1
shift
[ -S "$sock" ] || { echo "vmmon: no monitor socket $sock (vmrun.sh --monitor)" >&2; exit 1; }
command -v socat >/dev/null || { echo "vmmon: socat is missing (apt-get install socat)" >&2; exit 1; }
# The monitor greets, then answers each line; the short wait lets it answer
# before socat closes the connection.
printf '%s\n' "$*" | socat -t 1 - "UNIX-CONNECT:$sock" | tr -d '\r' |
	grep -v -e '^QEMU [0-9.]* monitor' -e '^(qemu)' || true
