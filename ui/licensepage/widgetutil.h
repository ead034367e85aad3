// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QString>

class QFormLayout;
class QLayout;
class QLabel;
class QWidget;

/// Small helpers the License page widgets share.
namespace WidgetUtil {
/// Removes every item of @p layout and deletes the widgets and nested layouts it held.
void clearLayout(QLayout *layout);
/// A read-only label with an object name and an accessible name, selectable by keyboard and mouse.
QLabel *makeValueLabel(const QString &objectName, const QString &accessibleName, QWidget *parent);
/// The width of @p characters Latin letters in @p widget's font: a dialog width that is the same in
/// every language (a CJK font's average character width is about twice a Latin one's).
int latinTextWidth(const QWidget *widget, int characters);
/// Gives the label column of each form the width of the widest, so forms stacked in one dialog line up.
void alignLabelColumns(const QList<QFormLayout *> &forms);
/// Turns an arbitrary id (server id, host) into something safe inside an object name.
QString objectNameSuffix(const QString &id);
} // namespace WidgetUtil
