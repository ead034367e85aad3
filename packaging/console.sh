#!/usr/bin/env bash
# SPDX-License-Identifier: BSD-3-Clause
# SPDX-FileCopyrightText: 2026 GHE License Console authors
#
# Builds everything (preset "dev") and opens GHE License Console on its built-in license lab.
# Without a display the window opens on a virtual one (Xvfb); pass arguments through to the console.
#
#   packaging/console.sh [CONSOLE ARGS...]
set -euo pipefail
top=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
preset=${GLC_PRESET:-dev}
exec "$top/packaging/buildroot.sh" bash -c '
    set -euo pipefail
    preset=$1; shift
    [ -f "build/$preset/build.ninja" ] || cmake --preset "$preset"
    cmake --build --preset "$preset"
    console="build/$preset/bin/ghe-license-console"
    if [ -n "${DISPLAY:-}" ] && [ -e "/tmp/.X11-unix/X${DISPLAY#*:}" ] || [ -n "${DISPLAY:-}" -a -z "${GLC_IN_BUILDROOT:-}" ]; then
        exec "$console" "$@"
    fi
    echo "No display: opening the console on a virtual X display (Xvfb)." >&2
    exec xvfb-run -a -s "-screen 0 1600x1000x24" "$console" "$@"
' _ "$preset" "$@"
