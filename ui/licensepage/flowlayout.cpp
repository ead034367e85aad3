// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "flowlayout.h"

#include <QStyle>
#include <QWidget>

#include <algorithm>

FlowLayout::FlowLayout(QWidget *parent)
    : QLayout(parent)
{
}

FlowLayout::~FlowLayout()
{
    while (QLayoutItem *item = takeAt(0)) {
        delete item;
    }
}

void FlowLayout::addLayout(QLayout *layout)
{
    addChildLayout(layout);
    addItem(layout);
}

void FlowLayout::addItem(QLayoutItem *item)
{
    m_items.append(item);
    invalidate();
}

int FlowLayout::count() const
{
    return int(m_items.size());
}

QLayoutItem *FlowLayout::itemAt(int index) const
{
    return m_items.value(index);
}

QLayoutItem *FlowLayout::takeAt(int index)
{
    if (index < 0 || index >= m_items.size()) {
        return nullptr;
    }
    QLayoutItem *item = m_items.takeAt(index);
    invalidate();
    return item;
}

Qt::Orientations FlowLayout::expandingDirections() const
{
    return {};
}

bool FlowLayout::hasHeightForWidth() const
{
    return true;
}

int FlowLayout::heightForWidth(int width) const
{
    return arrange(QRect(0, 0, width, 0), false);
}

QSize FlowLayout::minimumSize() const
{
    // As narrow as the widest item; as short as one line (the height for a width comes from heightForWidth()).
    QSize size;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty()) {
            size = size.expandedTo(item->minimumSize());
        }
    }
    const QMargins margins = contentsMargins();
    return size + QSize(margins.left() + margins.right(), margins.top() + margins.bottom());
}

QSize FlowLayout::sizeHint() const
{
    // Everything on one line.
    int width = 0;
    int height = 0;
    for (const QLayoutItem *item : m_items) {
        if (!item->isEmpty()) {
            width += (width > 0 ? spacingAlong(Qt::Horizontal) : 0) + item->sizeHint().width();
            height = std::max(height, item->sizeHint().height());
        }
    }
    const QMargins margins = contentsMargins();
    return {width + margins.left() + margins.right(), height + margins.top() + margins.bottom()};
}

void FlowLayout::setGeometry(const QRect &rect)
{
    QLayout::setGeometry(rect);
    arrange(rect, true);
}

int FlowLayout::arrange(const QRect &rect, bool apply) const
{
    const QMargins margins = contentsMargins();
    const QRect area = rect.marginsRemoved(margins);
    const int hSpace = spacingAlong(Qt::Horizontal);
    const int vSpace = spacingAlong(Qt::Vertical);
    const Qt::LayoutDirection direction = parentWidget() ? parentWidget()->layoutDirection() : Qt::LeftToRight;
    QList<QLayoutItem *> items;
    std::copy_if(m_items.cbegin(), m_items.cend(), std::back_inserter(items),
        [](const QLayoutItem *item) { return !item->isEmpty(); });
    const auto widthOf = [&area](const QLayoutItem *item) {
        return std::max(std::min(item->sizeHint().width(), area.width()), item->minimumSize().width());
    };

    int y = area.y();
    for (qsizetype first = 0; first < items.size();) {
        // One line: as many items as fit, at least one.
        qsizetype end = first;
        int used = 0;
        int expanding = 0;
        int lineHeight = 0;
        while (end < items.size()) {
            const int width = widthOf(items.at(end));
            const int next = end == first ? width : used + hSpace + width;
            if (end > first && next > area.width()) {
                break;
            }
            used = next;
            expanding += items.at(end)->expandingDirections().testFlag(Qt::Horizontal) ? 1 : 0;
            lineHeight = std::max(lineHeight, items.at(end)->sizeHint().height());
            ++end;
        }
        if (apply) {
            // The room left over goes to the expanding items of the line, the last one taking the remainder.
            int extra = std::max(0, area.width() - used);
            int x = area.x();
            for (qsizetype i = first; i < end; ++i) {
                QLayoutItem *item = items.at(i);
                int width = widthOf(item);
                if (expanding > 0 && item->expandingDirections().testFlag(Qt::Horizontal)) {
                    const int share = extra / expanding;
                    width += expanding == 1 ? extra : share;
                    extra -= share;
                    --expanding;
                }
                const int height = std::min(lineHeight, item->maximumSize().height());
                // Right to left in a right-to-left language.
                item->setGeometry(
                    QStyle::visualRect(direction, area, QRect(x, y + (lineHeight - height) / 2, width, height)));
                x += width + hSpace;
            }
        }
        y += lineHeight;
        first = end;
        if (first < items.size()) {
            y += vSpace;
        }
    }
    return y - rect.y() + margins.bottom();
}

int FlowLayout::spacingAlong(Qt::Orientation orientation) const
{
    if (spacing() >= 0) {
        return spacing(); // set, or a parent layout's
    }
    const QWidget *widget = parentWidget();
    return widget ? widget->style()->layoutSpacing(
                        QSizePolicy::DefaultType, QSizePolicy::DefaultType, orientation, nullptr, widget)
                  : 6;
}
