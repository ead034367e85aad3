// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QColor>

#include <optional>

class QPalette;
class QWidget;

/// Status colours (ok, warning, error) chosen for the current palette: darker tones on light
/// backgrounds and lighter ones on dark backgrounds so both keep a readable contrast.
class StatusColors
{
public:
    enum class Role {
        Positive,
        Warning,
        Negative,
    };

    static bool isDark(const QPalette &palette);
    /// For text and thin lines on the window background.
    static QColor text(Role role, const QPalette &palette);
    /// For filled areas (meter bars, badges) that carry no text.
    static QColor fill(Role role, const QPalette &palette);

    /// Colours @p widget's text (QPalette::WindowText) for @p role, or gives it back the inherited
    /// colour (no role). The colour follows the palette: a switch between light and dark while the
    /// console runs picks the variant for the new background.
    static void setTextRole(QWidget *widget, std::optional<Role> role);
};
