#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-2.0-or-later
# SPDX-FileCopyrightText: 2026 GHE License Console authors
#
# Runs a command with a toolchain that has Qt >= 6.5 and KDE Frameworks 6.
#
#   packaging/buildroot.sh COMMAND [ARGS...]
#
# When the machine has a native KF6 toolchain (Debian 13, Ubuntu 24.04+, Fedora, Arch) the command
# simply runs here. Otherwise (Debian 12) a Debian 13 root is created with debootstrap in a cache
# outside the checkout, provisioned from packaging/buildroot-packages.txt, and the command runs
# inside it with the checkout at the same path. Mounts live in a private mount namespace, so they
# disappear when the command ends, however it ends (failure, Ctrl-C, kill).
#
# Environment:
#   GLC_BUILDROOT        where the root lives (default: ${XDG_CACHE_HOME:-~/.cache}/ghe-license-console/trixie)
#   GLC_BUILDROOT_MODE   auto (default), always (use the root even with a native toolchain), never
#   GLC_DEBIAN_MIRROR    Debian mirror (default: http://deb.debian.org/debian)
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
top=$(cd "$here/.." && pwd)
pkglist="$here/buildroot-packages.txt"
root=${GLC_BUILDROOT:-${XDG_CACHE_HOME:-$HOME/.cache}/ghe-license-console/trixie}
mode=${GLC_BUILDROOT_MODE:-auto}
mirror=${GLC_DEBIAN_MIRROR:-http://deb.debian.org/debian}

say() { printf '\033[1m[buildroot]\033[0m %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }

[ $# -gt 0 ] || die "usage: $0 COMMAND [ARGS...]"

native_toolchain() {
    command -v cmake >/dev/null 2>&1 || return 1
    command -v ninja >/dev/null 2>&1 || return 1
    local d
    for d in /usr/lib/*/cmake /usr/lib64/cmake /usr/lib/cmake /usr/local/lib/cmake; do
        [ -f "$d/KF6I18n/KF6I18nConfig.cmake" ] && [ -d "$d/Qt6HttpServer" ] && return 0
    done
    return 1
}

if [ "$mode" = never ] || { [ "$mode" = auto ] && native_toolchain; }; then
    exec "$@"
fi

[ "$(id -u)" = 0 ] || die "creating and entering the build root needs root (debootstrap, mount, chroot); run as root or install the native packages listed in README.md"

packages() { sed -e 's/#.*//' -e '/^[[:space:]]*$/d' "$pkglist" | tr -s '[:space:]' ' '; }
wanted=$( { packages; echo "mirror=$mirror"; } | sha256sum | cut -d' ' -f1)
stamp="$root/.glc-provisioned"

mkdir -p "$(dirname "$root")"
# One provisioning at a time; concurrent commands wait here, then share the finished root.
exec 9>"$root.lock"
flock 9

if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$wanted" ]; then
    start=$(date +%s)
    if [ ! -x "$root/usr/bin/apt-get" ] || [ ! -f "$root/.glc-bootstrapped" ]; then
        if ! command -v debootstrap >/dev/null 2>&1; then
            say "installing debootstrap on the host"
            command -v apt-get >/dev/null 2>&1 || die "debootstrap is missing and this is not a Debian-like host"
            DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null ||
                { apt-get update -q >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -q debootstrap >/dev/null; } ||
                die "could not install debootstrap"
        fi
        say "creating a Debian 13 (trixie) root in $root (about 20 s)"
        rm -rf "$root"
        debootstrap --variant=minbase trixie "$root" "$mirror" > "$root.debootstrap.log" 2>&1 ||
            die "debootstrap failed; see $root.debootstrap.log"
        touch "$root/.glc-bootstrapped"
    fi
    say "installing $(packages | wc -w) packages from packaging/buildroot-packages.txt (about a minute)"
    cp /etc/resolv.conf "$root/etc/resolv.conf"
    printf 'APT::Install-Recommends "false";\nAPT::Install-Suggests "false";\nAcquire::Languages "none";\n' \
        > "$root/etc/apt/apt.conf.d/90glc"
    # Services must not start inside the root while installing (postgresql, ssh).
    printf '#!/bin/sh\nexit 101\n' > "$root/usr/sbin/policy-rc.d"; chmod +x "$root/usr/sbin/policy-rc.d"
    # shellcheck disable=SC2046
    unshare -m --propagation private bash -c '
        set -e
        mount -t proc proc "$1/proc"
        mount --rbind /dev "$1/dev"
        shift
        chroot "$@"
    ' _ "$root" "$root" /usr/bin/env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin DEBIAN_FRONTEND=noninteractive bash -c '
        set -e
        apt-get update -q >/dev/null
        apt-get install -y -q $0 >/tmp/glc-apt.log 2>&1 || { tail -n 30 /tmp/glc-apt.log; exit 1; }
        sed -i -e "s/^# *\(en_US.UTF-8 UTF-8\)/\1/" -e "s/^# *\(zh_CN.UTF-8 UTF-8\)/\1/" /etc/locale.gen
        locale-gen >/dev/null
        apt-get clean
    ' "$(packages)" || die "installing packages failed (log inside the root at /tmp/glc-apt.log)"
    echo "$wanted" > "$stamp"
    say "build root ready in $(( $(date +%s) - start )) s"
fi
flock -u 9

# Run the command: private mount namespace, so every mount ends with it.
pass_env=(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin HOME="${HOME:-/root}"
          TERM="${TERM:-dumb}" LANG="${LANG:-C.UTF-8}" GLC_IN_BUILDROOT=1)
for v in LANGUAGE LC_ALL DISPLAY CTEST_PARALLEL_LEVEL CTEST_OUTPUT_ON_FAILURE GLC_BUILD_DIR GLC_PRESET \
         GH_TOKEN GITHUB_TOKEN GH_ENTERPRISE_TOKEN QT_QPA_PLATFORM QT_SCALE_FACTOR CMAKE_BUILD_PARALLEL_LEVEL; do
    [ -n "${!v:-}" ] && pass_env+=("$v=${!v}")
done
cwd=$(pwd)
exec unshare -m --propagation private bash -c '
    set -e
    r=$1 top=$2 cwd=$3; shift 3
    mount -t proc proc "$r/proc"
    mount --rbind /dev "$r/dev"
    mkdir -p "$r/tmp/.X11-unix" "$r$top" "$r${HOME:-/root}"
    mount --bind "$top" "$r$top"
    [ -d /tmp/.X11-unix ] && mount --bind /tmp/.X11-unix "$r/tmp/.X11-unix"
    cp /etc/resolv.conf "$r/etc/resolv.conf" 2>/dev/null || true
    exec chroot "$r" /usr/bin/env -i "$@"
' _ "$root" "$top" "$cwd" "${pass_env[@]}" bash -c 'cd "$0" && exec "$@"' "$cwd" "$@"
