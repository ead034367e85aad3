// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "statuscolors.h"

#include <QPalette>

bool StatusColors::isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor StatusColors::text(Role role, const QPalette &palette)
{
    // Contrast of at least 4.5:1 against white (light) or #202020 (dark).
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Positive:
        return dark ? QColor(0x6c, 0xd4, 0x83) : QColor(0x1b, 0x6e, 0x2c);
    case Role::Warning:
        return dark ? QColor(0xf5, 0xbd, 0x4f) : QColor(0x8a, 0x52, 0x00);
    case Role::Negative:
        return dark ? QColor(0xff, 0x7b, 0x72) : QColor(0xb3, 0x26, 0x1e);
    }
    return palette.color(QPalette::WindowText);
}

QColor StatusColors::fill(Role role, const QPalette &palette)
{
    const bool dark = isDark(palette);
    switch (role) {
    case Role::Positive:
        return dark ? QColor(0x3f, 0xb9, 0x50) : QColor(0x2d, 0xa4, 0x4e);
    case Role::Warning:
        return dark ? QColor(0xe3, 0xa3, 0x1c) : QColor(0xe0, 0x94, 0x00);
    case Role::Negative:
        return dark ? QColor(0xf8, 0x51, 0x49) : QColor(0xcf, 0x22, 0x2e);
    }
    return palette.color(QPalette::Highlight);
}
