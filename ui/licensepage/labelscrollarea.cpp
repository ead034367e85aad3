// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "labelscrollarea.h"

#include <QLabel>
#include <QResizeEvent>
#include <QScrollBar>

#include <algorithm>

LabelScrollArea::LabelScrollArea(QLabel *label, int maxLines, QWidget *parent)
    : QScrollArea(parent)
    , m_label(label)
    , m_maxLines(maxLines)
{
    setFrameShape(QFrame::NoFrame);
    setWidgetResizable(true);
    setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff); // the text wraps
    setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Maximum);
    label->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    setWidget(label);
    // The window's background, not a view's.
    setBackgroundRole(QPalette::Window);
    viewport()->setAutoFillBackground(false);
    label->setAutoFillBackground(false);
    // A stop for the keyboard (arrows and Page Down scroll it) only while there is something to scroll.
    setFocusPolicy(Qt::NoFocus);
    connect(verticalScrollBar(), &QScrollBar::rangeChanged, this,
        [this](int, int maximum) { setFocusPolicy(maximum > 0 ? Qt::StrongFocus : Qt::NoFocus); });
}

int LabelScrollArea::textHeight() const
{
    int width = viewport()->width();
    if (width <= 0 || !isVisible()) {
        width = m_label->sizeHint().width(); // not laid out yet: as the label would like to be
    }
    return m_label->hasHeightForWidth() ? m_label->heightForWidth(width) : m_label->sizeHint().height();
}

QSize LabelScrollArea::sizeHint() const
{
    const int most = fontMetrics().lineSpacing() * m_maxLines;
    return {m_label->sizeHint().width(), std::min(textHeight(), most) + 2 * frameWidth()};
}

QSize LabelScrollArea::minimumSizeHint() const
{
    // A few lines at least, or all of a shorter text.
    const int few = fontMetrics().lineSpacing() * std::min(m_maxLines, 4);
    return {fontMetrics().averageCharWidth() * 20, std::min(textHeight(), few) + 2 * frameWidth()};
}

void LabelScrollArea::resizeEvent(QResizeEvent *event)
{
    QScrollArea::resizeEvent(event);
    if (event->size().width() != event->oldSize().width()) {
        updateGeometry(); // the text wraps to another number of lines
    }
}
