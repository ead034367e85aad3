// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "wrappingitemdelegate.h"

#include <QHeaderView>
#include <QTreeView>

WrappingItemDelegate::WrappingItemDelegate(QTreeView *view, int column)
    : QStyledItemDelegate(view)
    , m_view(view)
    , m_column(column)
{
    m_view->setWordWrap(true);
    m_view->setUniformRowHeights(false);
    // Rows get their heights again when the column's width changes.
    connect(m_view->header(), &QHeaderView::sectionResized, m_view, [this](int section) {
        if (section == m_column) {
            m_view->doItemsLayout();
        }
    });
}

QSize WrappingItemDelegate::sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const
{
    QStyleOptionViewItem wrapped = option;
    const int width = index.column() == m_column ? m_view->columnWidth(m_column) : 0;
    if (width > 0) {
        // The style wraps only within a valid rectangle; the height it finds is what is asked here.
        wrapped.rect.setSize({width, std::max(wrapped.rect.height(), 1)});
    }
    QSize size = QStyledItemDelegate::sizeHint(wrapped, index);
    if (index.column() == m_column) {
        // Room above and below the lines, so that rows of several lines do not run into each other.
        size.rheight() += RowPadding * option.fontMetrics.height() / 100 * 2;
    }
    return size;
}
