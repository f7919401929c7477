#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the README's snippets, so that what a reader copies works: each
# fenced block after a "<!-- readme-test: KIND -->" marker is extracted and
# built against an installed copy of the library (c: by hand with
# pkg-config; cmake: a project with find_package around the c snippet;
# python: with the ctypes binding; rust: a cargo project on the crate).
#
# Usage: test_readme.sh BUILD_DIR SOURCE_DIR
set -euo pipefail

build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
passed=0
failed=0

fail() {
    failed=$((failed + 1))
    echo "FAIL: $1" >&2
    [ -f "${2:-}" ] && sed 's/^/  /' "$2" | tail -30 >&2
    return 0
}
pass() { passed=$((passed + 1)); }

# snippet KIND: the fenced block following the README's marker for KIND.
snippet() {
    awk -v kind="$1" '
        $0 == "<!-- readme-test: " kind " -->" { armed = 1; next }
        armed && /^```/ && !inside { inside = 1; next }
        inside && /^```/ { exit }
        inside { print }' "$src/README.md"
}

cmake --install "$build" --prefix "$tmp/prefix" >/dev/null
pcdir=$(dirname "$(find "$tmp/prefix" -name relations.pc | head -n 1)")
libdir=$(dirname "$pcdir")
export PKG_CONFIG_PATH=$pcdir LD_LIBRARY_PATH=$libdir
cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
sanitize=()
grep -q 'RELATIONS_SANITIZE:BOOL=ON' "$build/CMakeCache.txt" && sanitize=(-fsanitize=address,undefined)
grep -q 'RELATIONS_TSAN:BOOL=ON' "$build/CMakeCache.txt" && sanitize=(-fsanitize=thread)
grep -q 'RELATIONS_COVERAGE:BOOL=ON' "$build/CMakeCache.txt" && sanitize=(--coverage)

# ---- C with pkg-config --------------------------------------------------------------
mkdir -p "$tmp/c"
snippet c >"$tmp/c/main.c"
if [ ! -s "$tmp/c/main.c" ]; then
    fail "README has no c snippet"
else
    # shellcheck disable=SC2046 # pkg-config output is meant to split
    if "$cc" "${sanitize[@]}" -std=c11 -Wall -Wextra -Werror "$tmp/c/main.c" $(pkg-config --cflags --libs relations) \
        -o "$tmp/c/main" >"$tmp/c/log" 2>&1 && "$tmp/c/main" >"$tmp/c/out" 2>&1 && [ -s "$tmp/c/out" ]; then
        pass
    else
        fail "the README's C snippet builds with pkg-config and runs" "$tmp/c/log"
    fi
fi

# ---- C with CMake ------------------------------------------------------------------------
mkdir -p "$tmp/cmake"
snippet cmake >"$tmp/cmake/CMakeLists.txt"
cp "$tmp/c/main.c" "$tmp/cmake/main.c"
if [ ! -s "$tmp/cmake/CMakeLists.txt" ]; then
    fail "README has no cmake snippet"
elif cmake -S "$tmp/cmake" -B "$tmp/cmake/build" -DCMAKE_PREFIX_PATH="$tmp/prefix" -DCMAKE_C_COMPILER="$cc" \
    -DCMAKE_C_FLAGS="${sanitize[*]}" -DCMAKE_EXE_LINKER_FLAGS="${sanitize[*]}" >"$tmp/cmake/log" 2>&1 &&
    cmake --build "$tmp/cmake/build" >>"$tmp/cmake/log" 2>&1 &&
    "$tmp/cmake/build/myapp" >"$tmp/cmake/out" 2>&1 && cmp -s "$tmp/c/out" "$tmp/cmake/out"; then
    pass
else
    fail "the README's CMake snippet builds the C snippet with find_package, which prints the same" "$tmp/cmake/log"
fi

# ---- Python --------------------------------------------------------------------------------
if grep -q '<!-- readme-test: python -->' "$src/README.md"; then
    snippet python >"$tmp/snippet.py"
    if [ ${#sanitize[@]} -gt 0 ]; then
        pass # Python cannot load a library built with sanitizers; the other configurations run it
    elif PYTHONPATH=$src/bindings/python RELATIONS_LIBRARY=$libdir/librelations.so PYTHONDONTWRITEBYTECODE=1 \
        /usr/bin/python3 "$tmp/snippet.py" >"$tmp/py.out" 2>&1 && [ -s "$tmp/py.out" ]; then
        pass
    else
        fail "the README's Python snippet runs" "$tmp/py.out"
    fi
fi

# ---- Rust ------------------------------------------------------------------------------------
if grep -q '<!-- readme-test: rust -->' "$src/README.md"; then
    cargo=$(command -v cargo || echo "$HOME/.cargo/bin/cargo")
    mkdir -p "$tmp/rust/src"
    snippet rust >"$tmp/rust/src/main.rs"
    cat >"$tmp/rust/Cargo.toml" <<TOML
[package]
name = "readme"
version = "0.1.0"
edition = "2021"

[dependencies]
relations = { path = "$src/bindings/rust/relations" }
TOML
    if [ ${#sanitize[@]} -gt 0 ]; then
        pass # the Rust toolchain links without the sanitizer runtime; the other configurations run it
    elif RELATIONS_LIB_DIR=$libdir CARGO_TARGET_DIR=$build/readme-cargo "$cargo" run --offline -q \
        --manifest-path "$tmp/rust/Cargo.toml" >"$tmp/rust.out" 2>&1 && [ -s "$tmp/rust.out" ]; then
        pass
    else
        fail "the README's Rust snippet builds and runs" "$tmp/rust.out"
    fi
fi

echo "readme: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
