// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDateTime>
#include <QList>

namespace Glc {
struct LicenseSnapshot;

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
        NoSeatLimit, ///< the license has no seat limit (an Enterprise Server's "unlimited"); the trend still holds
    };

    Outcome outcome = Outcome::InsufficientData;
    QDateTime date; ///< for ReachedOn
    double seatsPerDay = 0; ///< slope of the trend

    static SeatForecast compute(const QList<Point> &history, int purchased);
    /// The same for a license without a seat limit: the trend, and NoSeatLimit once there is one.
    static SeatForecast computeWithoutLimit(const QList<Point> &history);
    /// The forecast for @p latest, the newest snapshot of @p history: against its purchased seats, or
    /// without a limit when its license has none.
    static SeatForecast forLatest(const QList<Point> &history, const LicenseSnapshot &latest);

    /// The forecast in one sentence for the admin (translated; the locale's dates and numbers), given
    /// the seats purchased now.
    QString text(int purchased) const;
    /// The same, followed when the seats run out at the trend and the license has not expired at @p now by
    /// how that day stands to @p expiresAt: so many days before the license expires, or after it (the
    /// renewal then being the time to add seats). Renewal is when admins buy seats.
    QString text(int purchased, const QDateTime &expiresAt, const QDateTime &now) const;
    /// That second sentence alone; empty when it does not apply.
    QString renewalText(const QDateTime &expiresAt, const QDateTime &now) const;
};
} // namespace Glc
