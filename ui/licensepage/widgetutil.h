// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QString>

class QLayout;
class QLabel;
class QWidget;

/// Small helpers the License page widgets share.
namespace WidgetUtil {
/// Removes every item of @p layout and deletes the widgets and nested layouts it held.
void clearLayout(QLayout *layout);
/// A read-only label with an object name and an accessible name, selectable by keyboard and mouse.
QLabel *makeValueLabel(const QString &objectName, const QString &accessibleName, QWidget *parent);
/// Turns an arbitrary id (server id, host) into something safe inside an object name.
QString objectNameSuffix(const QString &id);
} // namespace WidgetUtil
