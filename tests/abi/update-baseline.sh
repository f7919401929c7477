#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Rewrites the ABI baseline from a gcc Debug build: run it when the API
# grows (a compatible change), and with a new major version after an
# incompatible one.
#
# Usage: tests/abi/update-baseline.sh BUILD_DIR
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
src=$(cd "$here/../.." && pwd)
# Source paths are kept relative, so the baseline does not depend on where the tree was built.
abidw --headers-dir "$src/include" --drop-private-types --no-corpus-path --no-comp-dir-path \
    --no-show-locs "$1/lib/librelations.so" | sed "s|path='$src/|path='|" >"$here/librelations.abi"
echo "wrote $here/librelations.abi"
