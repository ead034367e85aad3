// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>

class QWidget;

/// Saves pictures of widgets for the README and for reviewing translations.
class Screenshot
{
public:
    /// Grabs @p widget (laid out and polished first) into DIR/NAME.png, creating DIR.
    /// Returns the file path, or an empty string when it could not be written.
    static QString save(QWidget *widget, const QString &directory, const QString &name);
};
