#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs relations-bench at a small scale and checks its output: the header,
# then exactly one well-formed line per figure of docs/performance.md, and
# nothing else on stdout. (A run whose two sides disagree fails by itself.)
#
# Usage: test_bench_output.sh PATH/TO/relations-bench [ARGS...]
set -euo pipefail

if [ $# -lt 1 ] || [ ! -x "$1" ]; then
    echo "usage: $0 PATH/TO/relations-bench [ARGS...]" >&2
    exit 2
fi
bench=$1
shift
[ $# -gt 0 ] || set -- --scale 0.01 --queries 200
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$bench" --dir "$tmp/files" "$@" >"$tmp/out" 2>"$tmp/err" || {
    echo "relations-bench failed:" >&2
    cat "$tmp/err" >&2
    exit 1
}

names=()
for q in query_a query_b_exact query_b_normalised query_c query_d query_d_busiest; do
    names+=("$q" "${q}_p99")
done
names+=(open_snapshot import_json memory)

failed=0
fail() {
    echo "FAIL: $*" >&2
    failed=1
}

head -n 1 "$tmp/out" | grep -q '^# relations-bench scale=' || fail "no header line first"
num='-?[0-9]+(\.[0-9]+)?'
for n in "${names[@]}"; do
    count=$(grep -cE "^bench: $n relations=$num sqlite=$num ratio=($num|inf)\$" "$tmp/out" || true)
    [ "$count" -eq 1 ] || fail "expected one line for $n, found $count"
done
lines=$(grep -c '^bench: ' "$tmp/out" || true)
[ "$lines" -eq "${#names[@]}" ] || fail "expected ${#names[@]} bench: lines, found $lines"
others=$(grep -vcE '^(bench: |# )' "$tmp/out" || true)
[ "$others" -eq 0 ] || fail "$others other lines on stdout"
for f in kb.json kb.snapshot kb.sqlite; do
    [ -s "$tmp/files/$f" ] || fail "--dir does not hold $f"
done

# Usage errors fail with status 2 and a message.
rc=0
"$bench" --no-such-option >/dev/null 2>"$tmp/err" || rc=$?
[ "$rc" -eq 2 ] && [ -s "$tmp/err" ] || fail "an unknown option gives status $rc"
"$bench" --help | grep -q '^usage: relations-bench' || fail "--help prints no usage"

if [ "$failed" -ne 0 ]; then
    cat "$tmp/out" >&2
    exit 1
fi
echo "relations-bench: ${#names[@]} figures, all well-formed"
