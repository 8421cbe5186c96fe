#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# A program that calls rte_eal_cleanup is valgrind-clean: no invalid
# access, no leak, no fd left open. Usage: valgrind_check.sh PROGRAM ARGS...
set -u
command -v valgrind >/dev/null || { echo "valgrind is not installed: skipped"; exit 77; }
case " $* " in
*" -m "*)
	free=$(cat /sys/kernel/mm/hugepages/hugepages-2048kB/free_hugepages 2>/dev/null || echo 0)
	[ "$free" -ge 64 ] || { echo "fewer than 64 free 2 MiB hugepages: skipped"; exit 77; }
	;;
esac
log=$(mktemp)
trap 'rm -f "$log"' EXIT
valgrind --error-exitcode=99 --leak-check=full --show-leak-kinds=definite,indirect,possible \
	--errors-for-leak-kinds=definite,indirect,possible --track-fds=yes \
	--log-file="$log" "$@"
rc=$?
cat "$log"
if [ "$rc" -ne 0 ]; then
	echo "FAIL: exit status $rc"
	exit 1
fi
grep -q "ERROR SUMMARY: 0 errors" "$log" || { echo "FAIL: valgrind found errors"; exit 1; }
# Only the three standard descriptors (and valgrind's log) may stay open.
open=$(sed -n 's/.*FILE DESCRIPTORS: \([0-9]*\) open.*/\1/p' "$log" | tail -1)
if [ -n "$open" ] && [ "$open" -gt 4 ]; then
	echo "FAIL: $open file descriptors open at exit"
	exit 1
fi
echo "PASS: valgrind-clean"
