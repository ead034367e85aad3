// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QList>
#include <QString>

class QEvent;
class QFormLayout;
class QHeaderView;
class QLayout;
class QLabel;
class QSize;
class QTableView;
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
/// Resizes the window @p window to @p size, but to no more than 90 % of its screen's available area (a laptop at
/// 1366 x 768, a small screen at 200 %) and no less than its minimum size.
void resizeWithinScreen(QWidget *window, const QSize &size);
/// Gives the label column of each form the width of the widest, so forms stacked in one dialog line up.
/// A form in @p nested sits inside a box (a group box) that spans a row of one of @p forms: its labels are
/// narrowed by the box's inner margin, so its fields start where the others' do.
void alignLabelColumns(const QList<QFormLayout *> &forms, const QList<QFormLayout *> &nested = {});
/// Turns an arbitrary id (server id, host) into something safe inside an object name.
QString objectNameSuffix(const QString &id);
/// Keeps @p window as tall as its layout needs at its width, word-wrapped texts included, whenever its
/// contents change (Qt keeps a window only as tall as its layout's minimum, which leaves them out).
void fitHeightToWrappedTexts(QWidget *window);
/// Widens every section of @p header that is narrower than its title (with the sort indicator of a
/// sorting view): a header never cuts its titles.
void fitSectionsToTitles(QHeaderView *header);
/// Widens @p column of @p view to show each of @p texts whole: for a column of a few fixed words.
void fitColumnToTexts(QTableView *view, int column, const QStringList &texts);
/// @p event asks for pixmaps made anew: another style or palette (icon themes follow it), or a screen of
/// another scale.
bool changesIconPixmaps(const QEvent *event);
} // namespace WidgetUtil
