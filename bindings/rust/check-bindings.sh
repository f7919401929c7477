#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Fails when relations-sys/src/bindings.rs is not what generate.sh makes from
# the current headers, so that a header change without regenerating the
# Rust bindings fails CI.
#
#   check-bindings.sh [INCLUDE_DIR]     (default: the repository's include/)
set -eu

here=$(cd "$(dirname "$0")" && pwd)
include_dir=${1:-$here/../../include}
checked_in=$here/relations-sys/src/bindings.rs

tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT INT TERM

"$here/relations-sys/generate.sh" "$include_dir" >"$tmp"
if ! cmp -s "$tmp" "$checked_in"; then
    echo "check-bindings: $checked_in is stale; differences:" >&2
    diff -u "$checked_in" "$tmp" >&2 || true
    echo "check-bindings: regenerate with" >&2
    echo "    (cd $here && relations-sys/generate.sh $include_dir > relations-sys/src/bindings.rs)" >&2
    exit 1
fi
echo "check-bindings: relations-sys/src/bindings.rs matches $include_dir"
