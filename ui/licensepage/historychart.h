// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "models/historymodel.h"

#include <QDateTime>
#include <QList>
#include <QLocale>
#include <QPair>
#include <QPointer>
#include <QWidget>

/// Consumed against purchased seats over time, with a dashed forecast of consumed seats. Painted
/// with QPainter in palette colours; axis labels use the locale's dates and numbers. Pointing at the
/// chart, or moving through it with the arrow keys, picks a snapshot and shows its figures.
class HistoryChart : public QWidget
{
    Q_OBJECT
public:
    using Series = QList<QPair<QDateTime, int>>;

    /// One labelled mark of the time axis.
    struct TimeTick
    {
        QDateTime when;
        QString label;
    };

    explicit HistoryChart(QWidget *parent = nullptr);

    /// Draws @p model's snapshots (consumed; purchased unless the license has no seat limit) and its
    /// forecast, again whenever the model changes. Not owned.
    void setModel(Glc::HistoryModel *model);
    Glc::HistoryModel *model() const { return m_model; }

    void setHistory(const Series &consumed, const Series &purchased, const Series &forecast = {});
    void clear();

    /// When the license expires (invalid: unknown). Marked on the time axis when it falls after the first
    /// snapshot and no later than a year after the newest (the forecast's horizon); the axis then
    /// reaches it.
    void setExpiry(const QDateTime &expiresAt);
    QDateTime expiry() const { return m_expiry; }
    /// Whether the expiry is marked at the current data.
    bool showsExpiry() const;
    /// Whether the expiry falls within the history (no later than the newest snapshot).
    bool expiredWithinHistory() const;
    QColor expiryColor() const;

    bool isEmpty() const { return m_consumed.isEmpty() && m_purchased.isEmpty(); }
    Series consumed() const { return m_consumed; }
    Series purchased() const { return m_purchased; }
    Series forecast() const { return m_forecast; }

    /// The snapshot (an index into consumed()) that the pointer or the keyboard picked, or -1.
    int currentSnapshot() const { return m_current; }
    void setCurrentSnapshot(int index);
    /// What the chart says about a snapshot: when it was taken, the seats consumed and purchased then,
    /// and the change since the snapshot before.
    QString snapshotText(int index) const;
    /// Where a snapshot's consumed point is drawn, in widget coordinates; null when nothing is drawn.
    QPointF snapshotPosition(int index) const;

    QColor consumedColor() const;
    QColor purchasedColor() const;
    QString emptyText() const;

    /// Marks for a time axis from @p first to @p last (local time), at most @p maxTicks + 1, at round
    /// steps: minutes or hours with times of day when the span is under two days (the date joins the
    /// time where the day changes), days, weeks or months with dates otherwise. Labels come from
    /// @p locale; two neighbours never read the same.
    static QList<TimeTick> timeTicks(
        const QDateTime &first, const QDateTime &last, int maxTicks, const QLocale &locale = QLocale());
    /// The marks the x axis shows at the current size (what paintEvent() draws).
    QList<TimeTick> xAxisTicks() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

Q_SIGNALS:
    void currentSnapshotChanged(int index);

protected:
    bool event(QEvent *event) override;
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;
    void mouseMoveEvent(QMouseEvent *event) override;
    void leaveEvent(QEvent *event) override;
    void keyPressEvent(QKeyEvent *event) override;
    void focusInEvent(QFocusEvent *event) override;
    void focusOutEvent(QFocusEvent *event) override;

private:
    void updateFromModel();
    void updateDescription();
    /// The axes' geometry for the current size and data.
    struct Layout
    {
        QDateTime first;
        QDateTime last;
        int yStep = 1;
        int yMax = 1;
        int yLabelWidth = 0;
        int legendBottom = 0; ///< y of the legend's last line
        QRect area; ///< the plot; empty when the widget is too small to draw it
        QList<TimeTick> xTicks;
    };
    Layout layout() const;
    static QPointF plotPoint(const Layout &layout, const QDateTime &when, int value);
    QStringList legendTexts() const;
    /// The lines' width: thicker with a larger font (HiDPI, accessibility).
    int penWidth() const;
    void paintCurrentSnapshot(QPainter &painter, const Layout &layout) const;

    Series m_consumed;
    Series m_purchased;
    Series m_forecast;
    QDateTime m_expiry;
    QPointer<Glc::HistoryModel> m_model;
    int m_current = -1;
};
