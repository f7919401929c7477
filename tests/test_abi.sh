#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Compares the shared library's ABI with the checked-in baseline
# (tests/abi/librelations.abi): additions pass, an incompatible change
# (a removed function, a changed signature or public struct) fails unless
# the major version, and so the SONAME, changed with it.
#
# Usage: test_abi.sh LIBRARY INCLUDE_DIR BASELINE
set -uo pipefail

lib=$1
include=$2
baseline=$3
abidiff --headers-dir1 "$include" --headers-dir2 "$include" "$baseline" "$lib" >/tmp/abidiff.$$ 2>&1
rc=$?
report=$(cat /tmp/abidiff.$$)
rm -f /tmp/abidiff.$$
soname_of() { grep -o "soname='[^']*'" "$1" | head -n 1 | sed "s/soname='\(.*\)'/\1/"; }
old_soname=$(soname_of "$baseline")
new_soname=$(readelf -d "$lib" | sed -n 's/.*Library soname: \[\(.*\)\]/\1/p')

if [ $((rc & 3)) -ne 0 ]; then
    echo "$report"
    echo "abidiff could not compare (status $rc)"
    echo "abi: 0 passed, 1 failed"
    exit 1
fi
if [ $((rc & 8)) -ne 0 ]; then
    echo "$report"
    if [ "$old_soname" = "$new_soname" ]; then
        echo "incompatible ABI change while the SONAME stays $new_soname: raise REL_VERSION_MAJOR"
        echo "abi: 0 passed, 1 failed"
        exit 1
    fi
    echo "incompatible ABI change with a new SONAME ($old_soname -> $new_soname): update the baseline"
elif [ $((rc & 4)) -ne 0 ]; then
    echo "$report"
    echo "compatible ABI change: run tests/abi/update-baseline.sh to record it"
fi
echo "abi: 1 passed, 0 failed"
