// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QList>

namespace Glc {
/// When consumed seats reach purchased seats at the current trend (least-squares line over the
/// history).
struct SeatForecast
{
    struct Point
    {
        QDateTime when;
        int consumed = 0;
    };

    enum class Outcome : qint8 {
        InsufficientData, ///< fewer than two snapshots at different times
        AlreadyReached, ///< the latest snapshot consumes all purchased seats
        ReachedOn, ///< see `date`
        NotWithinYear, ///< flat, falling, or later than a year after the latest snapshot
    };

    Outcome outcome = Outcome::InsufficientData;
    QDateTime date; ///< for ReachedOn
    double seatsPerDay = 0; ///< slope of the trend

    static SeatForecast compute(const QList<Point> &history, int purchased);
};
} // namespace Glc
