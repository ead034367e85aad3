// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "seatforecast.h"

#include "core/dateformat.h"

#include "licensevalues.h"

#include <KLocalizedString>
#include <QLocale>

#include <algorithm>
#include <climits>
#include <cmath>

namespace Glc {
SeatForecast SeatForecast::compute(const QList<Point> &history, int purchased)
{
    SeatForecast f;
    QList<Point> points;
    for (const Point &p : history) {
        if (p.when.isValid()) {
            points.append(p);
        }
    }
    if (points.isEmpty()) {
        return f;
    }
    std::sort(points.begin(), points.end(), [](const Point &a, const Point &b) { return a.when < b.when; });
    const Point &latest = points.constLast();
    if (latest.consumed >= purchased) {
        f.outcome = Outcome::AlreadyReached;
        return f;
    }
    // Days relative to the latest snapshot keep the numbers small and exact enough.
    double sx = 0, sy = 0, sxx = 0, sxy = 0;
    const double n = static_cast<double>(points.size());
    for (const Point &p : std::as_const(points)) {
        const double x = static_cast<double>(latest.when.msecsTo(p.when)) / 86400000.0;
        sx += x;
        sy += p.consumed;
        sxx += x * x;
        sxy += x * p.consumed;
    }
    const double denominator = n * sxx - sx * sx;
    if (points.size() < 2 || std::abs(denominator) < 1e-9) {
        return f;
    }
    const double slope = (n * sxy - sx * sy) / denominator;
    const double intercept = (sy - slope * sx) / n; // fitted value at the latest snapshot
    f.seatsPerDay = slope;
    if (slope <= 1e-9) {
        f.outcome = Outcome::NotWithinYear;
        return f;
    }
    const double days = (purchased - intercept) / slope;
    if (days > 365.0) {
        f.outcome = Outcome::NotWithinYear;
        return f;
    }
    f.outcome = Outcome::ReachedOn;
    f.date = latest.when.addMSecs(static_cast<qint64>(std::max(0.0, days) * 86400000.0));
    return f;
}

SeatForecast SeatForecast::computeWithoutLimit(const QList<Point> &history)
{
    SeatForecast f = compute(history, INT_MAX);
    if (f.outcome != Outcome::InsufficientData) {
        f.outcome = Outcome::NoSeatLimit;
        f.date = {};
    }
    return f;
}

SeatForecast SeatForecast::forLatest(const QList<Point> &history, const LicenseSnapshot &latest)
{
    return latest.unlimitedSeats() ? computeWithoutLimit(history)
                                   : compute(history, latest.licenses.totalSeatsPurchased);
}

QString SeatForecast::text(int purchased) const
{
    const QLocale locale;
    const double perWeek = seatsPerDay * 7;
    const QString trend = locale.toString(std::abs(perWeek), 'f', 1);
    switch (outcome) {
    case Outcome::InsufficientData:
        return i18nc("@info forecast", "No forecast yet: it needs two snapshots taken at different times.");
    case Outcome::AlreadyReached:
        return i18nc("@info forecast", "Every purchased seat is in use.");
    case Outcome::ReachedOn:
        return i18nc("@info forecast, %1 seats a week (may have a decimal), %2 purchased seats, %3 date",
            "At the current trend of %1 more seats a week, all %2 purchased seats are in use by %3.", trend,
            locale.toString(purchased), DateFormat::toString(date.toLocalTime().date(), locale));
    case Outcome::NotWithinYear:
        if (perWeek >= 0.05) {
            return i18nc("@info forecast, %1 seats a week (may have a decimal)",
                "At the current trend of %1 more seats a week, the purchased seats last beyond a year.", trend);
        }
        if (perWeek <= -0.05) {
            return i18nc("@info forecast, %1 seats a week (may have a decimal)",
                "Seat use is falling by %1 seats a week: the purchased seats last beyond a year.", trend);
        }
        return i18nc("@info forecast", "Seat use is flat: the purchased seats last beyond a year.");
    case Outcome::NoSeatLimit:
        return perWeek >= 0 ? i18nc("@info forecast, %1 seats a week (may have a decimal)",
                                  "The license has no seat limit; seat use grows by %1 seats a week.", trend)
                            : i18nc("@info forecast, %1 seats a week (may have a decimal)",
                                  "The license has no seat limit; seat use falls by %1 seats a week.", trend);
    }
    return {};
}

QString SeatForecast::text(int purchased, const QDateTime &expiresAt, const QDateTime &now) const
{
    const QString renewal = renewalText(expiresAt, now);
    return renewal.isEmpty() ? text(purchased) : i18nc("@info two sentences", "%1 %2", text(purchased), renewal);
}

QString SeatForecast::renewalText(const QDateTime &expiresAt, const QDateTime &now) const
{
    if (outcome != Outcome::ReachedOn || !date.isValid() || !expiresAt.isValid() || expiresAt < now) {
        return {};
    }
    const QDate expiry = expiresAt.toLocalTime().date();
    const QString expiryText = DateFormat::toString(expiry);
    const qint64 days = date.toLocalTime().date().daysTo(expiry);
    if (days > 0) {
        return i18ncp("@info forecast, %1 days, %2 date", "That is %1 day before the license expires on %2.",
            "That is %1 days before the license expires on %2.", days, expiryText);
    }
    return i18nc("@info forecast, %1 date", "The license expires first, on %1: its renewal is the time to add seats.",
        expiryText);
}
} // namespace Glc
