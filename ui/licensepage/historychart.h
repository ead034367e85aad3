// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QList>
#include <QPair>
#include <QWidget>

/// Consumed against purchased seats over time, with a dashed forecast of consumed seats. Painted
/// with QPainter in palette colours; axis labels use the locale's dates and numbers.
class HistoryChart : public QWidget
{
    Q_OBJECT
public:
    using Series = QList<QPair<QDateTime, int>>;

    explicit HistoryChart(QWidget *parent = nullptr);

    void setHistory(const Series &consumed, const Series &purchased, const Series &forecast = {});
    void clear();

    bool isEmpty() const { return m_consumed.isEmpty() && m_purchased.isEmpty(); }
    Series consumed() const { return m_consumed; }
    Series purchased() const { return m_purchased; }
    Series forecast() const { return m_forecast; }

    QColor consumedColor() const;
    QColor purchasedColor() const;
    QString emptyText() const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void updateDescription();

    Series m_consumed;
    Series m_purchased;
    Series m_forecast;
};
