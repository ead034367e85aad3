// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "seatforecast.h"

#include <algorithm>
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
} // namespace Glc
