#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the fuzz targets for longer than their ctests do, and reports what
# they found.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET...]
#
# BUILD_DIR is a build configured with -DRELATIONS_FUZZ=ON and built.
# SECONDS is the time each target runs (default 300); TARGETs are json,
# time, normalise, builder, snapshot (default all). FUZZ_JOBS targets run at once
# (default: the number of cores). Each target fuzzes a scratch copy of its
# seed corpus under FUZZ_OUT (default: a new /tmp/relations-fuzz.XXXXXX),
# which keeps the grown corpus, the log and any crash, leak or timeout
# input; nothing is written into the source tree. The exit status is 1 if
# any target found something.
set -euo pipefail

usage="usage: $0 BUILD_DIR [SECONDS] [TARGET...]"
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:?$usage}" && pwd)
secs=${2:-300}
shift $(($# < 2 ? $# : 2))
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(json time normalise builder snapshot)
jobs=${FUZZ_JOBS:-$(nproc)}
out=${FUZZ_OUT:-$(mktemp -d /tmp/relations-fuzz.XXXXXX)}
case $secs in '' | *[!0-9]*) echo "$usage" >&2; exit 2 ;; esac

# The longest input worth trying, per target.
max_len() {
    case $1 in
        json) echo 20480 ;;
        time) echo 256 ;;
        normalise) echo 1024 ;;
        builder) echo 4096 ;;
        snapshot) echo 16384 ;;
        *) echo 4096 ;;
    esac
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}

run_one() {
    local t=$1 bin=$build/tests/fuzz/fuzz_$1 dir=$out/$1 dict=()
    if [ ! -x "$bin" ]; then
        echo "fuzz_$t: no $bin (configure with -DRELATIONS_FUZZ=ON and build)" >"$dir.log"
        echo 127 >"$dir.status"
        return
    fi
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp -n "$here/corpus/$t/"* "$dir/corpus/"
    [ -f "$here/$t.dict" ] && dict=(-dict="$here/$t.dict")
    set +e
    "$bin" -max_total_time="$secs" -max_len="$(max_len "$t")" -timeout=25 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$dir/artifacts/" "${dict[@]}" "$dir/corpus" >"$dir.log" 2>&1
    echo $? >"$dir.status"
    set -e
}

echo "fuzzing ${targets[*]} for ${secs} s each, $jobs at a time, in $out"
mkdir -p "$out"
running=0
for t in "${targets[@]}"; do
    if [ "$running" -ge "$jobs" ]; then
        wait -n || true
        running=$((running - 1))
    fi
    run_one "$t" &
    running=$((running + 1))
done
wait

found=0
printf '%-16s %8s %12s %10s %8s  %s\n' target status executions exec/s corpus found
for t in "${targets[@]}"; do
    dir=$out/$t
    status=$(cat "$dir.status" 2>/dev/null || echo '?')
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$dir.log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$dir.log" | tail -1)
    corpus=$(find "$dir/corpus" -type f 2>/dev/null | wc -l)
    artifacts=$(find "$dir/artifacts" -type f 2>/dev/null | sort | tr '\n' ' ')
    printf '%-16s %8s %12s %10s %8s  %s\n' "fuzz_$t" "$status" "${execs:-?}" "${rate:-?}" "$corpus" "${artifacts:-nothing}"
    if [ "$status" != 0 ] || [ -n "$artifacts" ]; then
        found=1
        echo "--- the end of $dir.log:"
        grep -v '^#' "$dir.log" | tail -25
        echo "---"
    fi
done
if [ "$found" -ne 0 ]; then
    echo "reproduce one input: BUILD_DIR/tests/fuzz/fuzz_TARGET FILE; shrink it: add -minimize_crash=1 -runs=10000"
fi
exit "$found"
