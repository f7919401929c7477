#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build to a scratch prefix and uses it as a user would: builds
# examples/embed.c by hand with pkg-config (shared, then static through
# Requires.private), runs it and the installed relations tool, and checks
# that nothing installed points back into the build or source tree.
#
# Usage: test_install.sh BUILD_DIR SOURCE_DIR

# shellcheck disable=SC2317 # helpers are called through check, which shellcheck cannot see
set -euo pipefail

if [ $# -ne 2 ] || [ ! -f "$1/CMakeCache.txt" ] || [ ! -f "$2/examples/embed.c" ]; then
    echo "usage: $0 BUILD_DIR SOURCE_DIR (a configured and built build tree, and its source tree)" >&2
    exit 2
fi
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix

passed=0
failed=0

# check DESCRIPTION COMMAND...: counts a check that passes when COMMAND succeeds.
check() {
    local what=$1
    shift
    if "$@"; then
        passed=$((passed + 1))
    else
        failed=$((failed + 1))
        echo "FAIL: $what" >&2
    fi
}

# finish: prints the closing line and exits with the verdict.
finish() {
    echo "install: $passed passed, $failed failed"
    exit $((failed == 0 ? 0 : 1))
}

# stop DESCRIPTION: a failed check that the rest cannot do without.
stop() {
    failed=$((failed + 1))
    echo "FAIL: $1" >&2
    finish
}

contains() { case "$1" in *"$2"*) return 0 ;; *) return 1 ;; esac }
# names_dir FLAGS OPTION DIR: some OPTION<path> ("-I/x") among FLAGS is the folder DIR.
names_dir() {
    local f dir want
    want=$(cd "$3" && pwd -P) || return 1
    for f in $1; do
        case "$f" in
            "$2"*)
                dir=${f#"$2"}
                if [ -d "$dir" ] && [ "$(cd "$dir" && pwd -P)" = "$want" ]; then
                    return 0
                fi
                ;;
        esac
    done
    return 1
}
not_contains() { ! contains "$1" "$2"; }
file_has() { grep -Eq -- "$2" "$1"; }

# ---- install ----------------------------------------------------------------------

if cmake --install "$build" --prefix "$prefix" >"$tmp/install.log" 2>&1; then
    passed=$((passed + 1))
else
    sed 's/^/  /' "$tmp/install.log" >&2
    stop "cmake --install $build --prefix $prefix"
fi

pc=$(find "$prefix" -name relations.pc -path '*/pkgconfig/*' | head -n 1)
[ -n "$pc" ] || stop "no pkgconfig/relations.pc under $prefix"
pcdir=$(dirname "$pc")
libdir=$(dirname "$pcdir")
case "$libdir" in
    "$prefix"/lib | "$prefix"/lib64 | "$prefix"/lib/*) passed=$((passed + 1)) ;;
    *) stop "relations.pc is in $pcdir, not in lib/pkgconfig or lib/<multiarch>/pkgconfig" ;;
esac
export PKG_CONFIG_PATH=$pcdir

check "the header relations.h is installed" test -f "$prefix/include/relations.h"
for h in "$src"/include/relations/*.h; do
    name=$(basename "$h")
    check "the header relations/$name is installed" cmp -s "$h" "$prefix/include/relations/$name"
done
check "the shared library is installed" test -e "$libdir/librelations.so"
check "the static library is installed" test -f "$libdir/librelations.a"
major=$(sed -n 's/^#define REL_VERSION_MAJOR \([0-9]*\).*/\1/p' "$prefix/include/relations/version.h")
version=$(sed -n 's/^#define REL_VERSION_STRING "\([^"]*\)".*/\1/p' "$prefix/include/relations/version.h")
check "the shared library has its SONAME link librelations.so.$major" test -e "$libdir/librelations.so.$major"
check "the relations tool is installed" test -x "$prefix/bin/relations"

# ---- pkg-config ---------------------------------------------------------------------

flags=$(pkg-config --cflags --libs relations) || stop "pkg-config --cflags --libs relations"
static_flags=$(pkg-config --cflags --libs --static relations) || stop "pkg-config --static relations"
check "pkg-config --modversion is the header's version ($version)" \
    test "$(pkg-config --modversion relations)" = "$version"
check "pkg-config flags name the installed include dir ($flags)" names_dir "$flags" -I "$prefix/include"
check "pkg-config flags name the installed lib dir ($flags)" names_dir "$flags" -L "$libdir"
check "pkg-config flags do not point into the build tree ($flags)" not_contains "$static_flags" "$build"
check "pkg-config flags do not point into the source tree ($flags)" not_contains "$static_flags" "$src"
check "relations.pc does not point into the build tree" not_contains "$(cat "$pc")" "$build"
check "relations.pc does not point into the source tree" not_contains "$(cat "$pc")" "$src"

# ---- embed.c, built by hand -------------------------------------------------------

# A build with sanitizers needs them in the program too, from the same
# compiler (gcc's and clang's runtimes do not mix); otherwise plain cc.
cc=cc
sanitize=()
if grep -q 'RELATIONS_SANITIZE:BOOL=ON' "$build/CMakeCache.txt"; then
    sanitize=("-fsanitize=address,undefined")
    cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
    cc=${cc:-cc}
fi

# shellcheck disable=SC2086 # the pkg-config flags are meant to split
if "$cc" "${sanitize[@]}" "$src/examples/embed.c" $flags -o "$tmp/embed" 2>"$tmp/cc.log"; then
    passed=$((passed + 1))
else
    sed 's/^/  /' "$tmp/cc.log" >&2
    stop "$cc embed.c \$(pkg-config --cflags --libs relations)"
fi

status=0
LD_LIBRARY_PATH=$libdir "$tmp/embed" >"$tmp/embed.out" 2>"$tmp/embed.err" || status=$?
check "embed exits 0 (status $status)" test "$status" -eq 0
check "embed writes nothing on stderr" test ! -s "$tmp/embed.err"
check "embed shows who states the nuclear claim in 002" \
    file_has "$tmp/embed.out" '^  in 002: reported by Some media reports$'
check "embed quotes evidence" file_has "$tmp/embed.out" '^    ".+"$'
check "embed quotes the nuclear claim from 002" \
    file_has "$tmp/embed.out" '^    "Some media reports claim this cooperation extends to nuclear cooperation"$'
if command -v ldd >/dev/null; then
    check "embed loads the installed library" \
        file_has <(LD_LIBRARY_PATH=$libdir ldd "$tmp/embed") "librelations\\.so\\.$major => $libdir/"
fi

# Static: Requires.private must bring in what the library itself needs.
# shellcheck disable=SC2086
if "$cc" "${sanitize[@]}" "$src/examples/embed.c" ${static_flags/-lrelations/"$libdir/librelations.a"} \
    -o "$tmp/embed-static" 2>"$tmp/cc-static.log"; then
    passed=$((passed + 1))
    status=0
    "$tmp/embed-static" >"$tmp/embed-static.out" 2>&1 || status=$?
    check "embed linked with librelations.a exits 0 (status $status)" test "$status" -eq 0
    check "embed linked with librelations.a prints as the shared one" cmp -s "$tmp/embed.out" "$tmp/embed-static.out"
else
    sed 's/^/  /' "$tmp/cc-static.log" >&2
    failed=$((failed + 1))
    echo "FAIL: $cc embed.c with librelations.a and \$(pkg-config --static --libs relations)" >&2
fi

# ---- the installed tool -------------------------------------------------------------

status=0
LD_LIBRARY_PATH=$libdir "$prefix/bin/relations" summary >"$tmp/summary.out" 2>"$tmp/summary.err" || status=$?
check "the installed relations summary exits 0 (status $status)" test "$status" -eq 0
check "the installed relations summary counts 3 sources" file_has "$tmp/summary.out" '^ *sources +3$'
status=0
LD_LIBRARY_PATH=$libdir "$prefix/bin/relations" --version >"$tmp/version.out" 2>&1 || status=$?
check "the installed relations --version reports $version" file_has "$tmp/version.out" "library $version\\)"

finish
