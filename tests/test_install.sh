#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs the build to a scratch prefix and uses it as a user would: builds
# every installed example three ways (by hand with pkg-config, shared and
# static through Requires.private, and as a CMake project with
# find_package), runs them, runs the installed relations tool, and checks
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

# A packager's staged install: DESTDIR prefixes every path, the prefix stays what it says.
if DESTDIR=$tmp/stage cmake --install "$build" --prefix /opt/relations >"$tmp/stage.log" 2>&1; then
    check "DESTDIR stages the headers under DESTDIR/prefix" test -f "$tmp/stage/opt/relations/include/relations.h"
    check "DESTDIR stages the relations tool under DESTDIR/prefix" test -x "$tmp/stage/opt/relations/bin/relations"
    check "DESTDIR writes nothing into the prefix itself" test ! -e /opt/relations/include/relations.h
else
    sed 's/^/  /' "$tmp/stage.log" >&2
    failed=$((failed + 1))
    echo "FAIL: DESTDIR=... cmake --install" >&2
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
elif grep -q 'RELATIONS_TSAN:BOOL=ON' "$build/CMakeCache.txt"; then
    sanitize=("-fsanitize=thread")
elif grep -q 'RELATIONS_COVERAGE:BOOL=ON' "$build/CMakeCache.txt"; then
    sanitize=("--coverage")
fi
if [ ${#sanitize[@]} -gt 0 ]; then
    cc=$(sed -n 's/^CMAKE_C_COMPILER:[A-Z]*=//p' "$build/CMakeCache.txt")
    cc=${cc:-cc}
fi

examples=(embed timeline compare)
docdir=$prefix/share/doc/relations/examples
for ex in "${examples[@]}"; do
    check "examples/$ex.c is installed under share/doc" cmp -s "$src/examples/$ex.c" "$docdir/$ex.c"
done

# run NAME PROGRAM: runs an example (compare gets two versions), output in $tmp/NAME.out.
run_example() {
    local status=0 args=()
    [ "$(basename "$2" | sed 's/_static$//; s/-.*//')" = compare ] && args=(000 002)
    LD_LIBRARY_PATH=$libdir "$2" "${args[@]}" >"$tmp/$1.out" 2>"$tmp/$1.err" || status=$?
    check "$1 exits 0 (status $status)" test "$status" -eq 0
    check "$1 writes nothing on stderr" test ! -s "$tmp/$1.err"
}

# Way 1 and 2: by hand with pkg-config, shared and static (Requires.private
# must bring in what the library itself needs).
for ex in "${examples[@]}"; do
    # shellcheck disable=SC2086 # the pkg-config flags are meant to split
    if "$cc" "${sanitize[@]}" "$docdir/$ex.c" $flags -o "$tmp/$ex" 2>"$tmp/cc.log"; then
        passed=$((passed + 1))
        run_example "$ex" "$tmp/$ex"
    else
        sed 's/^/  /' "$tmp/cc.log" >&2
        stop "$cc $ex.c \$(pkg-config --cflags --libs relations)"
    fi
    # shellcheck disable=SC2086
    if "$cc" "${sanitize[@]}" "$docdir/$ex.c" ${static_flags/-lrelations/"$libdir/librelations.a"} \
        -o "$tmp/$ex-static" 2>"$tmp/cc-static.log"; then
        passed=$((passed + 1))
        run_example "$ex-static" "$tmp/$ex-static"
        check "$ex linked with librelations.a prints as the shared one" cmp -s "$tmp/$ex.out" "$tmp/$ex-static.out"
    else
        sed 's/^/  /' "$tmp/cc-static.log" >&2
        failed=$((failed + 1))
        echo "FAIL: $cc $ex.c with librelations.a and \$(pkg-config --static --libs relations)" >&2
    fi
done

check "embed shows who states the nuclear claim in 002" \
    file_has "$tmp/embed.out" '^  in 002: reported by Some media reports$'
check "embed quotes evidence" file_has "$tmp/embed.out" '^    ".+"$'
check "embed quotes the nuclear claim from 002" \
    file_has "$tmp/embed.out" '^    "Some media reports claim this cooperation extends to nuclear cooperation"$'
check "timeline reads early October 1980 honestly" file_has "$tmp/timeline.out" ' early October 1980  \("early October 1980"\)$'
check "compare shows the rewording of picked up to improved" \
    file_has "$tmp/compare.out" '^    after:  "Diplomatic relations improved following'
if command -v ldd >/dev/null; then
    check "embed loads the installed library" \
        file_has <(LD_LIBRARY_PATH=$libdir ldd "$tmp/embed") "librelations\\.so\\.$major => $libdir/"
fi

# Way 3: a CMake project with find_package(relations CONFIG).
for f in "$libdir"/cmake/relations/*.cmake; do
    check "$(basename "$f") does not point into the build tree" not_contains "$(cat "$f")" "$build"
    check "$(basename "$f") does not point into the source tree" not_contains "$(cat "$f")" "$src"
done
if cmake -S "$src/tests/cmake-consumer" -B "$tmp/consumer" -DCMAKE_PREFIX_PATH="$prefix" \
    -DEXAMPLES_DIR="$docdir" -DCMAKE_C_COMPILER="$cc" -DCMAKE_C_FLAGS="${sanitize[*]}" \
    -DCMAKE_EXE_LINKER_FLAGS="${sanitize[*]}" >"$tmp/consumer.log" 2>&1 &&
    cmake --build "$tmp/consumer" >>"$tmp/consumer.log" 2>&1; then
    passed=$((passed + 1))
    for ex in "${examples[@]}"; do
        for kind in "" _static; do
            run_example "cmake-$ex$kind" "$tmp/consumer/$ex$kind"
            check "$ex$kind built by find_package prints as the pkg-config one" \
                cmp -s "$tmp/$ex.out" "$tmp/cmake-$ex$kind.out"
        done
    done
    check "the CMake build did not use the build tree" not_contains "$(cat "$tmp/consumer/CMakeCache.txt")" "$build/"
else
    sed 's/^/  /' "$tmp/consumer.log" >&2
    failed=$((failed + 1))
    echo "FAIL: a CMake project with find_package(relations CONFIG)" >&2
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
