// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "historychart.h"

#include "statuscolors.h"
#include "uiformat.h"

#include <KLocalizedString>
#include <QEvent>
#include <QKeyEvent>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QTimeZone>

#include <cmath>
#include <optional>

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
    // Pointing or the arrow keys pick a snapshot; Tab reaches the chart like any other control.
    setMouseTracking(true);
    setFocusPolicy(Qt::StrongFocus);
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
    if (m_current >= m_consumed.size()) {
        m_current = -1;
        Q_EMIT currentSnapshotChanged(m_current);
    }
    updateDescription();
    update();
}

void HistoryChart::setExpiry(const QDateTime &expiresAt)
{
    if (m_expiry == expiresAt) {
        return;
    }
    m_expiry = expiresAt;
    updateDescription();
    update();
}

bool HistoryChart::showsExpiry() const
{
    if (!m_expiry.isValid() || m_consumed.isEmpty()) {
        return false;
    }
    return m_expiry > m_consumed.constFirst().first && m_expiry <= m_consumed.constLast().first.addDays(365);
}

bool HistoryChart::expiredWithinHistory() const
{
    return !m_consumed.isEmpty() && m_expiry.isValid() && m_expiry <= m_consumed.constLast().first;
}

QColor HistoryChart::expiryColor() const
{
    return StatusColors::text(StatusColors::Role::Warning, palette());
}

void HistoryChart::setCurrentSnapshot(int index)
{
    if (index < 0 || index >= m_consumed.size()) {
        index = -1;
    }
    if (index == m_current) {
        return;
    }
    m_current = index;
    updateDescription();
    update();
    Q_EMIT currentSnapshotChanged(m_current);
}

QString HistoryChart::snapshotText(int index) const
{
    if (index < 0 || index >= m_consumed.size()) {
        return {};
    }
    const auto &[when, consumed] = m_consumed.at(index);
    // The purchased seats then: the latest purchased figure up to that moment.
    std::optional<int> purchased;
    for (const auto &point : m_purchased) {
        if (point.first > when) {
            break;
        }
        purchased = point.second;
    }
    QStringList lines{UiFormat::dateTime(when)};
    lines.append(purchased ? i18nc("@info consumed of purchased licenses", "%1 of %2 consumed",
                                 UiFormat::number(consumed), UiFormat::number(*purchased))
                           : i18ncp("@info chart point", "%2 seat consumed", "%2 seats consumed", consumed,
                                 UiFormat::number(consumed)));
    if (index > 0) {
        const int change = consumed - m_consumed.at(index - 1).second;
        if (change > 0) {
            lines.append(i18ncp("@info chart point", "%2 seat more than the snapshot before",
                "%2 seats more than the snapshot before", change, UiFormat::number(change)));
        } else if (change < 0) {
            lines.append(i18ncp("@info chart point", "%2 seat fewer than the snapshot before",
                "%2 seats fewer than the snapshot before", -change, UiFormat::number(-change)));
        } else {
            lines.append(i18nc("@info chart point", "As many seats as the snapshot before"));
        }
    }
    return lines.join(QLatin1Char('\n'));
}

QPointF HistoryChart::snapshotPosition(int index) const
{
    const Layout l = layout();
    if (index < 0 || index >= m_consumed.size() || l.area.isEmpty()) {
        return {};
    }
    return plotPoint(l, m_consumed.at(index).first, m_consumed.at(index).second);
}

QPointF HistoryChart::plotPoint(const Layout &l, const QDateTime &when, int value)
{
    const qint64 t0 = l.first.toMSecsSinceEpoch();
    const qint64 span = std::max<qint64>(1, l.last.toMSecsSinceEpoch() - t0);
    const double x = l.area.left() + double(when.toMSecsSinceEpoch() - t0) / double(span) * l.area.width();
    const double y = l.area.bottom() - double(value) / l.yMax * l.area.height();
    return {x, y};
}

bool HistoryChart::event(QEvent *event)
{
    // While a snapshot is picked its figures are drawn beside it: no summary tooltip on top of them.
    if (event->type() == QEvent::ToolTip && m_current >= 0) {
        return true;
    }
    return QWidget::event(event);
}

void HistoryChart::mouseMoveEvent(QMouseEvent *event)
{
    const Layout l = layout();
    const QPointF pos = event->position();
    const int reach = fontMetrics().horizontalAdvance(QLatin1Char('x')) * 3;
    int nearest = -1;
    qreal nearestDistance = 0;
    if (!l.area.isEmpty() && l.area.adjusted(-reach, -reach, reach, reach).contains(pos.toPoint())) {
        for (int i = 0; i < m_consumed.size(); ++i) {
            const qreal distance =
                std::abs(plotPoint(l, m_consumed.at(i).first, m_consumed.at(i).second).x() - pos.x());
            if (nearest < 0 || distance < nearestDistance) {
                nearest = i;
                nearestDistance = distance;
            }
        }
    }
    setCurrentSnapshot(nearest);
    QWidget::mouseMoveEvent(event);
}

void HistoryChart::leaveEvent(QEvent *event)
{
    if (!hasFocus()) {
        setCurrentSnapshot(-1);
    }
    QWidget::leaveEvent(event);
}

void HistoryChart::keyPressEvent(QKeyEvent *event)
{
    const int last = int(m_consumed.size()) - 1;
    int index = m_current < 0 ? last : m_current;
    switch (event->key()) {
    case Qt::Key_Left:
        index = std::max(0, index - 1);
        break;
    case Qt::Key_Right:
        index = std::min(last, index + 1);
        break;
    case Qt::Key_Home:
        index = 0;
        break;
    case Qt::Key_End:
        index = last;
        break;
    default:
        QWidget::keyPressEvent(event);
        return;
    }
    setCurrentSnapshot(index);
    event->accept();
}

void HistoryChart::focusInEvent(QFocusEvent *event)
{
    if (m_current < 0) {
        setCurrentSnapshot(int(m_consumed.size()) - 1);
    }
    QWidget::focusInEvent(event);
}

void HistoryChart::focusOutEvent(QFocusEvent *event)
{
    // The pointer picks again as soon as it moves.
    setCurrentSnapshot(-1);
    QWidget::focusOutEvent(event);
}

void HistoryChart::setModel(Glc::HistoryModel *model)
{
    if (m_model) {
        disconnect(m_model, nullptr, this, nullptr);
    }
    m_model = model;
    if (model) {
        connect(model, &QAbstractItemModel::modelReset, this, &HistoryChart::updateFromModel);
        connect(model, &QAbstractItemModel::rowsInserted, this, &HistoryChart::updateFromModel);
        connect(model, &QAbstractItemModel::rowsRemoved, this, &HistoryChart::updateFromModel);
        connect(model, &QAbstractItemModel::dataChanged, this, &HistoryChart::updateFromModel);
        connect(model, &QAbstractItemModel::layoutChanged, this, &HistoryChart::updateFromModel);
    }
    updateFromModel();
}

void HistoryChart::updateFromModel()
{
    Series consumed;
    Series purchased;
    Series forecast;
    const QList<Glc::SnapshotSummary> history = m_model ? m_model->history() : QList<Glc::SnapshotSummary>();
    for (const Glc::SnapshotSummary &point : history) {
        consumed.append({point.takenAt, point.totalSeatsConsumed});
        // No purchased line at 0 for a license without a seat limit.
        if (!m_model->unlimitedSeats()) {
            purchased.append({point.takenAt, point.totalSeatsPurchased});
        }
    }
    if (!history.isEmpty()) {
        using Outcome = Glc::SeatForecast::Outcome;
        const Glc::SeatForecast trend = m_model->forecast();
        const Glc::SnapshotSummary &last = history.constLast();
        if (trend.outcome == Outcome::ReachedOn) {
            forecast = {{last.takenAt, last.totalSeatsConsumed}, {trend.date, last.totalSeatsPurchased}};
        } else if (trend.outcome == Outcome::NotWithinYear || trend.outcome == Outcome::NoSeatLimit) {
            // The trend a year on, also for a license without a seat limit.
            forecast = {{last.takenAt, last.totalSeatsConsumed},
                {last.takenAt.addDays(365), int(last.totalSeatsConsumed + std::max(0.0, trend.seatsPerDay) * 365)}};
        }
    }
    setHistory(consumed, purchased, forecast);
}

void HistoryChart::clear()
{
    setHistory({}, {}, {});
}

int HistoryChart::penWidth() const
{
    return std::max(2, fontMetrics().height() / 8);
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
    return {fm.horizontalAdvance(QLatin1Char('x')) * 80, fm.height() * 16};
}

QSize HistoryChart::minimumSizeHint() const
{
    const QFontMetrics fm = fontMetrics();
    return {fm.horizontalAdvance(QLatin1Char('x')) * 30, fm.height() * 10};
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
    if (m_current >= 0) {
        setAccessibleDescription(snapshotText(m_current));
        return;
    }
    QString text;
    if (!m_consumed.isEmpty()) {
        const auto &last = m_consumed.constLast();
        text = i18ncp("@info chart summary, %2 date", "%1 license consumed on %2", "%1 licenses consumed on %2",
            last.second, UiFormat::date(last.first));
    }
    if (!m_purchased.isEmpty()) {
        const QString purchased = i18ncp(
            "@info chart summary", "%1 license purchased", "%1 licenses purchased", m_purchased.constLast().second);
        text = text.isEmpty() ? purchased : i18nc("@info two chart summary parts", "%1; %2", text, purchased);
    }
    if (!m_forecast.isEmpty()) {
        const auto &last = m_forecast.constLast();
        text = i18ncp("@info chart summary, %2 the summary so far, %1 seats, %3 date", "%2; forecast %1 seat on %3",
            "%2; forecast %1 seats on %3", last.second, text, UiFormat::date(last.first));
    }
    if (showsExpiry()) {
        text = expiredWithinHistory() ? i18nc("@info chart summary, %1 the summary so far, %2 date",
                                            "%1; the license expired on %2", text, UiFormat::date(m_expiry))
                                      : i18nc("@info chart summary, %1 the summary so far, %2 date",
                                            "%1; the license expires on %2", text, UiFormat::date(m_expiry));
    }
    setAccessibleDescription(text);
    setToolTip(text);
}

QList<HistoryChart::TimeTick> HistoryChart::timeTicks(
    const QDateTime &first, const QDateTime &last, int maxTicks, const QLocale &locale)
{
    QList<TimeTick> ticks;
    if (!first.isValid() || !last.isValid() || last < first) {
        return ticks;
    }
    const QDateTime from = first.toLocalTime();
    const QDateTime to = last.toLocalTime();
    maxTicks = std::max(1, maxTicks);
    const qint64 spanSecs = from.secsTo(to);
    constexpr qint64 Day = 24 * 3600;
    auto add = [&ticks](const QDateTime &when, const QString &label) {
        // A safety net: neighbours never repeat a label.
        if (ticks.isEmpty() || ticks.constLast().label != label) {
            ticks.append({when, label});
        }
    };

    if (spanSecs < 2 * Day) {
        // Times of day, at a round number of minutes counted from local midnight.
        static constexpr int StepsMinutes[] = {1, 2, 5, 10, 15, 20, 30, 60, 120, 180, 240, 360, 480, 720, 1440};
        qint64 step = 1440;
        for (const int minutes : StepsMinutes) {
            if (spanSecs / (minutes * 60) <= maxTicks) {
                step = minutes * 60;
                break;
            }
        }
        const QDateTime midnight(from.date(), QTime(0, 0), from.timeZone());
        const qint64 offset = midnight.secsTo(from);
        QDateTime when = midnight.addSecs((offset + step - 1) / step * step);
        QDate previousDate;
        for (; when <= to; when = when.addSecs(step)) {
            // The date joins the time where the day changes, so 10:00 on two days never reads the same.
            const bool newDay = previousDate.isValid() && when.date() != previousDate;
            add(when,
                newDay ? locale.toString(when, QLocale::ShortFormat)
                       : locale.toString(when.time(), QLocale::ShortFormat));
            previousDate = when.date();
        }
        if (ticks.isEmpty()) {
            add(from, locale.toString(from.time(), QLocale::ShortFormat));
        }
        return ticks;
    }

    // Dates: every n days from the first midnight, or the first of every n months.
    const QDate firstDay = from.time() == QTime(0, 0) ? from.date() : from.date().addDays(1);
    const qint64 days = firstDay.daysTo(to.date());
    static constexpr int StepsDays[] = {1, 2, 7, 14};
    int dayStep = 0;
    for (const int step : StepsDays) {
        if (days / step <= maxTicks) {
            dayStep = step;
            break;
        }
    }
    auto dateTick = [&](const QDate &date) {
        add(QDateTime(date, QTime(0, 0), from.timeZone()), locale.toString(date, QLocale::ShortFormat));
    };
    if (dayStep > 0) {
        for (QDate date = firstDay; date <= to.date(); date = date.addDays(dayStep)) {
            dateTick(date);
        }
        return ticks;
    }
    static constexpr int StepsMonths[] = {1, 2, 3, 6, 12, 24, 60, 120};
    const QDate firstMonth = firstDay.day() == 1 ? firstDay : QDate(firstDay.year(), firstDay.month(), 1).addMonths(1);
    const int months = (to.date().year() - firstMonth.year()) * 12 + to.date().month() - firstMonth.month();
    int monthStep = StepsMonths[std::size(StepsMonths) - 1];
    for (const int step : StepsMonths) {
        if (months / step <= maxTicks) {
            monthStep = step;
            break;
        }
    }
    for (QDate date = firstMonth; date <= to.date(); date = date.addMonths(monthStep)) {
        dateTick(date);
    }
    return ticks;
}

QList<HistoryChart::TimeTick> HistoryChart::xAxisTicks() const
{
    return layout().xTicks;
}

HistoryChart::Layout HistoryChart::layout() const
{
    Layout l;
    // Ranges over every series, so the forecast stays inside the frame.
    int maxValue = 0;
    for (const Series *series : {&m_consumed, &m_purchased, &m_forecast}) {
        for (const auto &point : *series) {
            if (!l.first.isValid() || point.first < l.first) {
                l.first = point.first;
            }
            if (!l.last.isValid() || point.first > l.last) {
                l.last = point.first;
            }
            maxValue = std::max(maxValue, point.second);
        }
    }
    if (!l.first.isValid()) {
        return l;
    }
    if (showsExpiry() && m_expiry > l.last) {
        l.last = m_expiry;
    }
    if (l.first == l.last) {
        l.first = l.first.addDays(-1);
        l.last = l.last.addDays(1);
    }
    l.yStep = niceStep(std::max(1, int(maxValue * 1.1)), 5);
    l.yMax = std::max(l.yStep, int(std::ceil(maxValue * 1.1 / l.yStep)) * l.yStep);

    const QLocale locale;
    const QFontMetrics fm = fontMetrics();
    for (int v = 0; v <= l.yMax; v += l.yStep) {
        l.yLabelWidth = std::max(l.yLabelWidth, fm.horizontalAdvance(locale.toString(v)));
    }
    const int pad = fm.horizontalAdvance(QLatin1Char('x'));
    int legendX = pad;
    l.legendBottom = pad;
    for (const QString &text : legendTexts()) {
        const int entryWidth = fm.height() * 2 + pad + fm.horizontalAdvance(text) + pad * 3;
        if (legendX + entryWidth > width() && legendX > pad) {
            legendX = pad;
            l.legendBottom += fm.height() + pad / 2;
        }
        legendX += entryWidth;
    }

    QRect area(pad * 2 + l.yLabelWidth, l.legendBottom + fm.height() * 2, 0, 0);
    area.setRight(width() - pad * 3);
    area.setBottom(height() - fm.height() * 2 - pad);
    if (area.width() < fm.horizontalAdvance(QLatin1Char('x')) * 5 || area.height() < fm.height() * 2) {
        return l;
    }
    l.area = area;
    // As many marks as fit side by side with the widest label this span can get.
    const bool times = l.first.secsTo(l.last) < 2 * 24 * 3600;
    const QDateTime sampleWhen = l.last.toLocalTime();
    const QString sample = times ? locale.toString(sampleWhen, QLocale::ShortFormat)
                                 : locale.toString(sampleWhen.date(), QLocale::ShortFormat);
    const int labelWidth = fm.horizontalAdvance(sample) + pad * 4;
    l.xTicks = timeTicks(l.first, l.last, std::clamp(area.width() / std::max(1, labelWidth), 1, 12), locale);
    return l;
}

QStringList HistoryChart::legendTexts() const
{
    QStringList texts;
    if (!m_consumed.isEmpty()) {
        texts.append(i18nc("@label chart legend", "Consumed"));
    }
    if (!m_purchased.isEmpty()) {
        texts.append(i18nc("@label chart legend", "Purchased"));
    }
    if (!m_forecast.isEmpty()) {
        texts.append(i18nc("@label chart legend", "Forecast"));
    }
    return texts;
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

    const Layout l = layout();
    const QLocale locale;
    const int pad = fm.horizontalAdvance(QLatin1Char('x'));
    const int lineWidth = penWidth();

    // Legend on top: swatch + label for each series present, wrapping when the text is long.
    struct LegendEntry
    {
        QString text;
        QColor color;
        Qt::PenStyle style;
    };
    QList<LegendEntry> legend;
    const QStringList texts = legendTexts();
    int index = 0;
    if (!m_consumed.isEmpty()) {
        legend.append({texts.at(index++), consumedColor(), Qt::SolidLine});
    }
    if (!m_purchased.isEmpty()) {
        legend.append({texts.at(index++), purchasedColor(), Qt::SolidLine});
    }
    if (!m_forecast.isEmpty()) {
        legend.append({texts.at(index++), consumedColor(), Qt::DashLine});
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

    const QRect area = l.area;
    if (area.isEmpty()) {
        return;
    }
    const int yMax = l.yMax;
    auto toPoint = [&l](const QDateTime &when, int value) { return plotPoint(l, when, value); };

    // Grid and y axis labels.
    QColor grid = pal.color(QPalette::Text);
    grid.setAlphaF(0.15);
    for (int v = 0; v <= yMax; v += l.yStep) {
        const qreal y = toPoint(l.first, v).y();
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(area.left(), y), QPointF(area.right(), y));
        p.setPen(pal.color(QPalette::Text));
        p.drawText(QRectF(pad, y - fm.height() / 2.0, l.yLabelWidth, fm.height()), Qt::AlignRight | Qt::AlignVCenter,
            locale.toString(v));
    }
    // X axis: round times or dates (timeTicks()), labels kept inside the widget.
    for (const TimeTick &tick : l.xTicks) {
        const qreal x = toPoint(tick.when, 0).x();
        p.setPen(QPen(grid, 1));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        p.setPen(pal.color(QPalette::Text));
        const int labelWidth = fm.horizontalAdvance(tick.label) + pad;
        QRectF labelRect(x - labelWidth / 2.0, area.bottom() + pad / 2.0, labelWidth, fm.height());
        if (labelRect.left() < 0) {
            labelRect.moveLeft(0);
        } else if (labelRect.right() > width()) {
            labelRect.moveRight(width());
        }
        p.drawText(labelRect, Qt::AlignHCenter | Qt::AlignTop, tick.label);
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
    // The seats purchased today, dotted on through the forecast: the forecast's end meets it on the
    // day the trend uses the last seat, marked with a ring.
    if (!m_purchased.isEmpty() && !m_forecast.isEmpty() &&
        m_forecast.constLast().first > m_purchased.constLast().first) {
        const auto &bought = m_purchased.constLast();
        const QPointF from = toPoint(bought.first, bought.second);
        const QPointF to = toPoint(m_forecast.constLast().first, bought.second);
        p.setPen(QPen(purchasedColor(), lineWidth, Qt::DotLine, Qt::FlatCap));
        p.drawLine(from, to);
    }
    drawSeries(m_consumed, consumedColor(), Qt::SolidLine, nullptr);
    // The forecast continues from the last measured point.
    if (!m_forecast.isEmpty()) {
        std::optional<QPointF> start;
        if (!m_consumed.isEmpty()) {
            start = toPoint(m_consumed.constLast().first, m_consumed.constLast().second);
        }
        drawSeries(m_forecast, consumedColor(), Qt::DashLine, start ? &*start : nullptr);
        const auto &end = m_forecast.constLast();
        if (!m_purchased.isEmpty() && end.second >= m_purchased.constLast().second) {
            p.setPen(QPen(purchasedColor(), lineWidth));
            p.setBrush(pal.color(QPalette::Base));
            const qreal radius = lineWidth * 2.5;
            p.drawEllipse(toPoint(end.first, end.second), radius, radius);
        }
    }
    if (showsExpiry()) {
        // The day the license ends: a dashed upright in the warning colour, named beside its top.
        // On whole pixels, so that the line keeps its colour rather than blending into the next columns.
        const qreal x = std::round(toPoint(m_expiry, 0).x()) + (lineWidth % 2 ? 0.5 : 0.0);
        p.setPen(QPen(expiryColor(), lineWidth, Qt::DashLine, Qt::FlatCap));
        p.drawLine(QPointF(x, area.top()), QPointF(x, area.bottom()));
        // Within the history (a license that ran out while snapshots were taken) it is a thing of the past.
        const QString label = expiredWithinHistory()
            ? i18nc("@label chart, a mark on the time axis", "License expired")
            : i18nc("@label chart, a mark on the time axis", "License expires");
        const int labelWidth = fm.horizontalAdvance(label) + pad;
        QRectF labelRect(x + pad / 2.0, area.top() + pad / 2.0, labelWidth, fm.height());
        if (labelRect.right() > width()) {
            labelRect.moveRight(x - pad / 2.0);
        }
        p.setPen(expiryColor());
        p.drawText(labelRect, Qt::AlignLeft | Qt::AlignVCenter, label);
    }
    paintCurrentSnapshot(p, l);
}

void HistoryChart::paintCurrentSnapshot(QPainter &p, const Layout &l) const
{
    if (m_current < 0 || l.area.isEmpty()) {
        return;
    }
    const QPalette pal = palette();
    const QFontMetrics fm = fontMetrics();
    const int pad = fm.horizontalAdvance(QLatin1Char('x'));
    const QPointF point = plotPoint(l, m_consumed.at(m_current).first, m_consumed.at(m_current).second);
    // A marker through the snapshot, its point ringed, and its figures in a box beside it inside the plot.
    QColor marker = pal.color(QPalette::Text);
    marker.setAlphaF(0.45);
    p.setPen(QPen(marker, 1, Qt::DotLine));
    p.drawLine(QPointF(point.x(), l.area.top()), QPointF(point.x(), l.area.bottom()));
    const qreal radius = penWidth() * 2.5;
    p.setPen(QPen(consumedColor(), penWidth()));
    p.setBrush(pal.color(QPalette::Base));
    p.drawEllipse(point, radius, radius);

    const QString text = snapshotText(m_current);
    const QRect textRect = fm.boundingRect(QRect(0, 0, l.area.width(), l.area.height()), Qt::AlignLeft, text);
    QRectF box(0, l.area.top() + pad, textRect.width() + pad * 2, textRect.height() + pad);
    box.moveLeft(point.x() + pad * 2);
    if (box.right() > l.area.right()) {
        box.moveRight(point.x() - pad * 2);
    }
    box.moveLeft(std::max<qreal>(box.left(), 0));
    p.setPen(QPen(pal.color(QPalette::Mid), 1));
    p.setBrush(pal.color(QPalette::ToolTipBase));
    p.drawRoundedRect(box, pad / 2.0, pad / 2.0);
    p.setPen(pal.color(QPalette::ToolTipText));
    p.drawText(box.adjusted(pad, pad / 2.0, -pad, -pad / 2.0), Qt::AlignLeft | Qt::AlignTop, text);
}
