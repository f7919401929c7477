#!/bin/sh
# SPDX-License-Identifier: MIT
# Runs the Python binding's tests against a freshly built library:
#
#     bindings/python/run-tests.sh BUILD_DIR
#
# uses BUILD_DIR/lib/librelations.so, and BUILD_DIR/examples/{relations,embed}
# when they were built (to compare with them). Needs the Debian python3 with
# pytest (apt-get install python3-pytest); set PYTHON to use another one.
# Writes nothing into the source tree. Exits non-zero if a test fails.
set -eu

if [ $# -ne 1 ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)
lib="$build/lib/librelations.so"
python=${PYTHON:-/usr/bin/python3}

if [ ! -f "$lib" ]; then
    echo "$0: no library at $lib (build it first)" >&2
    exit 2
fi
if ! "$python" -c "import pytest" 2>/dev/null; then
    echo "$0: $python has no pytest (apt-get install python3-pytest)" >&2
    exit 2
fi

# A library built with AddressSanitizer needs its runtime loaded first into
# the interpreter (only there: the tests run native programs without it), and
# the interpreter's own allocations are not ours to check for leaks.
sanitize=
if nm -D "$lib" 2>/dev/null | grep -q ' U __asan_init'; then
    asan=$(ldd "$lib" | awk '/libasan|libclang_rt\.asan/ { print $3; exit }')
    if [ -z "$asan" ]; then
        for cc in clang gcc; do
            command -v "$cc" >/dev/null 2>&1 || continue
            asan=$("$cc" -print-file-name="libclang_rt.asan-$(uname -m).so")
            [ -f "$asan" ] && break
            asan=
        done
    fi
    if [ -z "$asan" ] || [ ! -f "$asan" ]; then
        echo "$0: $lib needs the AddressSanitizer runtime, which was not found" >&2
        exit 2
    fi
    sanitize="LD_PRELOAD=$asan${LD_PRELOAD:+ $LD_PRELOAD} ASAN_OPTIONS=${ASAN_OPTIONS:+$ASAN_OPTIONS:}detect_leaks=0"
    sanitize="$sanitize RELATIONS_ASAN_RUNTIME=$asan"
fi

RELATIONS_LIBRARY=$lib
RELATIONS_BUILD_DIR=$build
PYTHONDONTWRITEBYTECODE=1
PYTHONPATH="$here${PYTHONPATH:+:$PYTHONPATH}"
export RELATIONS_LIBRARY RELATIONS_BUILD_DIR PYTHONDONTWRITEBYTECODE PYTHONPATH

# From a scratch directory, so that pytest's rootdir and any stray output stay out of the tree.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cd "$scratch"
# $sanitize is empty or assignments without spaces in their values (paths from ldd or the compiler).
# shellcheck disable=SC2086
env $sanitize "$python" -m pytest -q -p no:cacheprovider --rootdir="$scratch" "$here/tests"
