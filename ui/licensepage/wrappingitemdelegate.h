// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QStyledItemDelegate>

class QTreeView;

/// Lets the text of one column of a tree view wrap onto several lines: QTreeView asks its rows'
/// heights without the column width, so long texts (a refusal's reason) would be cut off.
class WrappingItemDelegate : public QStyledItemDelegate
{
    Q_OBJECT
public:
    WrappingItemDelegate(QTreeView *view, int column);

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override;
    /// The room above and below a row's lines, in percent of a line's height.
    static constexpr int RowPadding = 20;

private:
    QTreeView *const m_view;
    const int m_column;
};
