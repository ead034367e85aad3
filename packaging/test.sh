#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# SPDX-FileCopyrightText: 2026 GHE License Console authors
#
# Builds everything (preset "dev", warnings are errors) and runs the whole test suite with CTest.
# Screenshot tests get a virtual X display; everything else runs offscreen.
#
#   packaging/test.sh [CTEST ARGS...]      e.g. packaging/test.sh -R storage
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${GLC_PRESET:-dev}
exec "$top/packaging/buildroot.sh" bash -c '
    set -euo pipefail
    preset=$1; shift
    # One build and test run per build folder at a time: a second invocation waits for the first.
    mkdir -p build
    exec 9>"build/.$preset.lock"
    flock -n 9 || { echo "Waiting for another build or test run in build/$preset…" >&2; flock 9; }
    [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset"
    cmake --build --preset "$preset"
    exec xvfb-run -a -s "-screen 0 1600x1000x24" ctest --preset "$preset" -j "$(nproc)" "$@"
' _ "$preset" "$@"
