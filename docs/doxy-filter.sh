#!/bin/sh
# SPDX-License-Identifier: BSD-3-Clause
# Doxygen input filter for the public headers: a C comment that starts a
# line documents what follows it (/* -> /**), a comment after code on the
# same line documents that member (/* -> /**<). The license line and
# include guards stay plain.
exec sed -E \
	-e '/SPDX-License-Identifier/b' \
	-e 's,^([[:space:]]*)/\*([^*]|$),\1/**\2,' \
	-e 's,([;,{][[:space:]]*)/\*([^*]),\1/**<\2,' \
	"$1"
