// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "historychart.h"

#include "uiformat.h"

#include <KLocalizedString>
#include <QEvent>
#include <QLocale>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

#include <cmath>

namespace {
/// A "nice" step (1, 2 or 5 times a power of ten) giving about @p ticks intervals up to @p max.
int niceStep(int max, int ticks)
{
    if (max <= 0) {
        return 1;
    }
    const double raw = double(max) / std::max(1, ticks);
    const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
    double step = magnitude;
    for (double factor : {1.0, 2.0, 5.0, 10.0}) {
        step = factor * magnitude;
        if (step >= raw) {
            break;
        }
    }
    return std::max(1, int(step));
}
} // namespace

HistoryChart::HistoryChart(QWidget *parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("historyChart"));
    setAccessibleName(i18nc("@label accessible name", "License history chart"));
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    updateDescription();
}

void HistoryChart::setHistory(const Series &consumed, const Series &purchased, const Series &forecast)
{
    auto sorted = [](Series s) {
        std::sort(s.begin(), s.end(), [](const auto &a, const auto &b) { return a.first < b.first; });
        s.erase(std::remove_if(s.begin(), s.end(), [](const auto &p) { return !p.first.isValid(); }), s.end());
        return s;
    };
    m_consumed = sorted(consumed);
    m_purchased = sorted(purchased);
    m_forecast = sorted(forecast);
    updateDescription();
    update();
}

void HistoryChart::clear()
{
    setHistory({}, {}, {});
}

QColor HistoryChart::consumedColor() const
{
    return palette().color(QPalette::Highlight);
}

QColor HistoryChart::purchasedColor() const
{
    return palette().color(QPalette::WindowText);
}

QString HistoryChart::emptyText() const
{
    return i18nc("@info empty history chart", "No history yet: refresh to take the first snapshot");
}

QSize HistoryChart::sizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.averageCharWidth() * 80, fm.height() * 16};
}

QSize HistoryChart::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.averageCharWidth() * 30, fm.height() * 10};
}

void HistoryChart::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange || event->type() == QEvent::FontChange) {
        update();
    }
    QWidget::changeEvent(event);
}

void HistoryChart::updateDescription()
{
    if (isEmpty()) {
        setAccessibleDescription(emptyText());
        setToolTip(QString());
        return;
    }
    QString text;
    if (!m_consumed.isEmpty()) {
        const auto &last = m_consumed.constLast();
        text = i18nc("@info chart summary", "%1 licenses consumed on %2", UiFormat::number(last.second),
            UiFormat::date(last.first));
    }
    if (!m_purchased.isEmpty()) {
        const QString purchased =
            i18nc("@info chart summary", "%1 purchased", UiFormat::number(m_purchased.constLast().second));
        text = text.isEmpty() ? purchased : i18nc("@info two chart summary parts", "%1; %2", text, purchased);
    }
    if (!m_forecast.isEmpty()) {
        const auto &last = m_forecast.constLast();
        text = i18nc("@info chart summary, forecast", "%1; forecast %2 on %3", text, UiFormat::number(last.second),
            UiFormat::date(last.first));
    }
    setAccessibleDescription(text);
    setToolTip(text);
}

void HistoryChart::paintEvent(QPaintEvent *)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    p.fillRect(rect(), pal.color(QPalette::Base));

    if (isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        const int margin = fm.height();
        p.drawText(rect().adjusted(margin, margin, -margin, -margin), Qt::AlignCenter | Qt::TextWordWrap, emptyText());
        return;
    }

    // Ranges over every series, so the forecast stays inside the frame.
    QDateTime first;
    QDateTime last;
    int maxValue = 0;
    for (const Series *series : {&m_consumed, &m_purchased, &m_forecast}) {
        for (const auto &point : *series) {
            if (!first.isValid() || point.first < first) {
                first = point.first;
            }
            if (!last.isValid() || point.first > last) {
                last = point.first;
            }
            maxValue = std::max(maxValue, point.second);
        }
    }
    if (first == last) {
        first = first.addDays(-1);
        last = last.addDays(1);
    }
    const int yStep = niceStep(std::max(1, int(maxValue * 1.1)), 5);
    const int yMax = std::max(yStep, int(std::ceil(maxValue * 1.1 / yStep)) * yStep);

    const QLocale locale;
    int yLabelWidth = 0;
    for (int v = 0; v <= yMax; v += yStep) {
        yLabelWidth = std::max(yLabelWidth, fm.horizontalAdvance(locale.toString(v)));
    }
    const int pad = fm.averageCharWidth();
    const int lineWidth = std::max(2, fm.height() / 8);

    // Legend on top: swatch + label for each series present, wrapping when the text is long.
    struct LegendEntry
    {
        QString text;
        QColor color;
        Qt::PenStyle style;
    };
    QList<LegendEntry> legend;
    if (!m_consumed.isEmpty()) {
        legend.append({i18nc("@label chart legend", "Consumed"), consumedColor(), Qt::SolidLine});
    }
    if (!m_purchased.isEmpty()) {
        legend.append({i18nc("@label chart legend", "Purchased"), purchasedColor(), Qt::SolidLine});
    }
    if (!m_forecast.isEmpty()) {
        legend.append({i18nc("@label chart legend", "Forecast"), consumedColor(), Qt::DashLine});
    }
    const int swatch = fm.height() * 2;
    int legendX = pad;
    int legendY = pad;
    p.setPen(pal.color(QPalette::Text));
    for (const LegendEntry &entry : std::as_const(legend)) {
        const int entryWidth = swatch + pad + fm.horizontalAdvance(entry.text) + pad * 3;
        if (legendX + entryWidth > width() && legendX > pad) {
            legendX = pad;
            legendY += fm.height() + pad / 2;
        }
        const int midY = legendY + fm.height() / 2;
        QPen pen(entry.color, lineWidth, entry.style);
        p.setPen(pen);
        p.drawLine(legendX, midY, legendX + swatch, midY);
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRect(legendX + swatch + pad, legendY, fm.horizontalAdvance(entry.text) + pad, fm.height()),
            Qt::AlignLeft | Qt::AlignVCenter, entry.text);
        legendX += entryWidth;
    }

    const QRect plot(pad * 2 + yLabelWidth, legendY + fm.height() * 2, 0, 0);
    QRect area = plot;
    area.setRight(width() - pad * 3);
    area.setBottom(height() - fm.height() * 2 - pad);
    if (area.width() < fm.averageCharWidth() * 5 || area.height() < fm.height() * 2) {
        return;
    }

    const qint64 t0 = first.toMSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, last.toMSecsSinceEpoch() - t0);
    auto toPoint = [&](const QDateTime &when, int value) {
        const double x = area.left() + double(when.toMSecsSinceEpoch() - t0) / double(span) * area.width();
        const double y = area.bottom() - double(value) / yMax * area.height();
        return QPointF(x, y);
    };

    // Grid and y axis labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15);
    for (int v = 0; v <= yMax; v += yStep) {
        const qreal y = toPoint(first, v).y();
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(pad, y - fm.height() / 2.0, yLabelWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
            locale.toString(v));
    }
    // X axis labels: as many dates as fit without overlapping.
    const QString sample = UiFormat::date(last);
    const int labelWidth = fm.horizontalAdvance(sample) + pad * 4;
    const int xTicks = std::clamp(area.width() / std::max(1, labelWidth), 1, 8);
    for (int i = 0; i <= xTicks; ++i) {
        const QDateTime when = QDateTime::fromMSecsSinceEpoch(t0 + span * i / xTicks, first.timeZone());
        const qreal x = toPoint(when, 0).x();
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        p.setPen(pal.color(QPalette::Text));
        QRectF labelRect(x - labelWidth / 2.0, area.bottom() + pad / 2.0, labelWidth, fm.height());
        Qt::Alignment align = Qt::AlignHCenter;
        if (i == 0) {
            labelRect.moveLeft(x);
            align = Qt::AlignLeft;
        } else if (i == xTicks) {
            labelRect.moveRight(x);
            align = Qt::AlignRight;
        }
        p.drawText(labelRect, align | Qt::AlignTop, UiFormat::date(when));
    }
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.drawLine(area.bottomLeft(), area.bottomRight());
    p.drawLine(area.bottomLeft(), area.topLeft());

    auto drawSeries = [&](const Series &series, const QColor &color, Qt::PenStyle style, const QPointF *start) {
        if (series.isEmpty() && !start) {
            return;
        }
        QPainterPath path;
        bool begun = false;
        if (start) {
            path.moveTo(*start);
            begun = true;
        }
        for (const auto &point : series) {
            const QPointF pt = toPoint(point.first, point.second);
            if (!begun) {
                path.moveTo(pt);
                begun = true;
            } else {
                path.lineTo(pt);
            }
        }
        QPen pen(color, lineWidth, style, Qt::RoundCap, Qt::RoundJoin);
        p.setPen(pen);
        p.setBrush(Qt::NoBrush);
        p.drawPath(path);
        if (series.size() <= 60 && style == Qt::SolidLine) {
            p.setBrush(color);
            for (const auto &point : series) {
                p.drawEllipse(toPoint(point.first, point.second), lineWidth * 1.2, lineWidth * 1.2);
            }
        }
    };
    drawSeries(m_purchased, purchasedColor(), Qt::SolidLine, nullptr);
    drawSeries(m_consumed, consumedColor(), Qt::SolidLine, nullptr);
    // The forecast continues from the last measured point.
    if (!m_forecast.isEmpty()) {
        std::optional<QPointF> start;
        if (!m_consumed.isEmpty()) {
            start = toPoint(m_consumed.constLast().first, m_consumed.constLast().second);
        }
        drawSeries(m_forecast, consumedColor(), Qt::DashLine, start ? &*start : nullptr);
    }
}
