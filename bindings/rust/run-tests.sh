#!/bin/sh
# SPDX-License-Identifier: MIT
#
# Builds and tests the Rust binding against a CMake build of librelations.
#
#   bindings/rust/run-tests.sh BUILD_DIR
#
# BUILD_DIR is a CMake build folder (holding lib/librelations.so). Cargo's
# output goes to BUILD_DIR/rust-target, never into the source tree. Runs,
# in order: check-bindings.sh (needs bindgen and rustfmt), cargo test
# (unit, layout, integration and doc tests, compile_fail included) and the
# claims example. Exits non-zero on the first failure.
set -eu

if [ $# -ne 1 ] || [ ! -d "$1" ]; then
    echo "usage: $0 BUILD_DIR" >&2
    exit 2
fi
build_dir=$(cd "$1" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

if ! [ -e "$build_dir/lib/librelations.so" ] && ! [ -e "$build_dir/lib/librelations.a" ]; then
    echo "run-tests: no librelations in $build_dir/lib; build the library first" >&2
    exit 1
fi

cargo=cargo
if ! command -v cargo >/dev/null 2>&1; then
    if [ -x "${HOME:-}/.cargo/bin/cargo" ]; then
        cargo=$HOME/.cargo/bin/cargo
        PATH=$HOME/.cargo/bin:$PATH   # for rustc and rustfmt too
        export PATH
    else
        echo "run-tests: cargo not found (on PATH or in \$HOME/.cargo/bin)" >&2
        exit 1
    fi
fi

RELATIONS_LIB_DIR=$build_dir/lib
LD_LIBRARY_PATH=$build_dir/lib${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
CARGO_TARGET_DIR=$build_dir/rust-target
export RELATIONS_LIB_DIR LD_LIBRARY_PATH CARGO_TARGET_DIR

echo "run-tests: checking the generated bindings"
"$here/check-bindings.sh"

cd "$here"
echo "run-tests: cargo test"
"$cargo" test --offline --workspace

echo "run-tests: cargo run --example claims"
"$cargo" run --offline --example claims >/dev/null

echo "run-tests: all passed"
