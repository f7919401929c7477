#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The shared library exports exactly the functions the public headers
# declare with REL_API, no more (hidden visibility keeps internals in) and
# no fewer (every declared function has a body).
#
# Usage: test_symbols.sh LIBRARY INCLUDE_DIR
set -euo pipefail

lib=$1
include=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Declared: "REL_API <type> name(" in the headers, the name being the last word before "(".
grep -h -A3 '^REL_API ' "$include"/relations/*.h | tr '\n' ' ' | grep -o 'REL_API[^;]*' |
    sed -E 's/\(.*//; s/.*[ *]([a-z_0-9]+)$/\1/' | sort -u >"$tmp/declared"
# Exported: defined, global functions in the dynamic symbol table.
nm -D --defined-only "$lib" | awk '$2 == "T" { print $3 }' | sort -u >"$tmp/exported"

passed=0
failed=0
if ! cmp -s "$tmp/declared" "$tmp/exported"; then
    echo "exported symbols differ from the documented API (< declared only, > exported only):" >&2
    diff "$tmp/declared" "$tmp/exported" >&2 || true
    failed=$((failed + 1))
else
    passed=$((passed + 1))
fi
# Nothing but rel_ functions: no helper or third-party symbol leaks out.
if grep -v '^rel_' "$tmp/exported" >&2; then
    echo "symbols above are exported without the rel_ prefix" >&2
    failed=$((failed + 1))
else
    passed=$((passed + 1))
fi
if nm -D --defined-only "$lib" | awk '$2 ~ /^[BDR]$/ { print $3 }' | grep . >&2; then
    echo "data symbols above are exported: the API has functions only" >&2
    failed=$((failed + 1))
else
    passed=$((passed + 1))
fi
echo "symbols: $(wc -l <"$tmp/exported") exported functions"
echo "symbols: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
