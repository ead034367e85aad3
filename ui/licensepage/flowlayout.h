// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QLayout>
#include <QList>

/// Lays its items out left to right and starts a new line where the next one no longer fits, as text
/// wraps: a row of filters that stays one line in a wide window and becomes two or three in a narrow
/// one (half a laptop's screen) instead of widening the page. Within a line the items that expand
/// horizontally (a search field) share the room left over; items are centred vertically in their line;
/// right to left in a right-to-left language.
/// Items may be layouts (a label and its combo box in a QHBoxLayout stay together).
class FlowLayout : public QLayout
{
public:
    explicit FlowLayout(QWidget *parent = nullptr);
    ~FlowLayout() override;

    /// Adds @p layout as one item (it moves to a new line as a whole).
    void addLayout(QLayout *layout);

    void addItem(QLayoutItem *item) override;
    int count() const override;
    QLayoutItem *itemAt(int index) const override;
    QLayoutItem *takeAt(int index) override;

    Qt::Orientations expandingDirections() const override;
    bool hasHeightForWidth() const override;
    int heightForWidth(int width) const override;
    QSize minimumSize() const override;
    QSize sizeHint() const override;
    void setGeometry(const QRect &rect) override;

private:
    /// Places the items in @p rect (when @p apply) and returns the height they need at its width.
    int arrange(const QRect &rect, bool apply) const;
    /// The room between two items side by side (Qt::Horizontal) or between two lines.
    int spacingAlong(Qt::Orientation orientation) const;

    QList<QLayoutItem *> m_items;
};
