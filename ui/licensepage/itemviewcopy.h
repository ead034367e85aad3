// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QModelIndexList>
#include <QString>

#include <functional>

class QAbstractItemView;
class QAction;
class QMenu;

/// Copying what an item view shows: Copy (Ctrl+C) and a context menu (right click, the Menu key or
/// Shift+F10) put the selected rows on the clipboard as tab-separated text, which a spreadsheet, a mail
/// or a ticket takes as it is.
namespace ItemViewCopy {
enum class Titles {
    Without,
    With, ///< a first line of column titles
};

/// The first index of each selected row of @p view, in the order the view shows them (children after their
/// parent), whatever the selection behaviour.
QModelIndexList selectedRows(const QAbstractItemView *view);
/// The selected rows of @p view as tab-separated lines: the columns shown, in the order shown. Cells that a
/// spreadsheet would take for a formula are neutralised as in the CSV report; tabs and line breaks inside a
/// cell become spaces.
QString selectedRowsText(const QAbstractItemView *view, Titles titles);
/// Adds to @p menu an action named @p objectName that puts @p lines on the clipboard, each ending in a line break:
/// @p text says what it copies (with their count), @p noneText the same without a count when there is nothing to
/// copy (the action is off then).
QAction *addCopyLinesAction(
    QMenu *menu, const QString &objectName, const QStringList &lines, const QString &text, const QString &noneText);

/// Adds what concerns the row under the pointer (@p index; the current row when the menu came from the
/// keyboard; invalid over empty space) or the selected rows to the context menu, after the copy actions.
using MenuExtender = std::function<void(QMenu *menu, const QModelIndex &index)>;
/// Gives @p view Copy and Copy with Column Titles, by shortcut and in a context menu that @p extend adds to.
/// The menu is a child of the view while it shows (object name "itemViewMenu").
void install(QAbstractItemView *view, const MenuExtender &extend = {});
} // namespace ItemViewCopy
