// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QScrollArea>

class QLabel;

/// A word-wrapped label as tall as its text up to a number of lines, then scrolling: a long text (a GitHub page and
/// its steps for each of a dozen servers) keeps its window on the screen with all of it reachable. Call
/// updateGeometry() after the label's text changes.
class LabelScrollArea : public QScrollArea
{
    Q_OBJECT
public:
    LabelScrollArea(QLabel *label, int maxLines, QWidget *parent = nullptr);

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void resizeEvent(QResizeEvent *event) override;

private:
    /// The height the label's text takes at the width it has (or would have) in the area.
    int textHeight() const;

    QLabel *const m_label;
    const int m_maxLines;
};
