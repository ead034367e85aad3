// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Plain records the store returns besides the shared licensing values.

#include "licensing/licensevalues.h"
#include "licensing/seatforecast.h"

#include <QDateTime>
#include <QString>

namespace Glc {
/// One stored snapshot without its rows (for lists, history and retention).
struct SnapshotSummary
{
    qint64 id = 0;
    QString connectionId;
    QDateTime takenAt;
    QString source;
    int totalSeatsConsumed = 0;
    int totalSeatsPurchased = 0;
    int userCount = 0;

    bool operator==(const SnapshotSummary &) const = default;

    /// The seats consumed at each snapshot of @p history, in its order: SeatForecast's points.
    static QList<SeatForecast::Point> forecastPoints(const QList<SnapshotSummary> &history)
    {
        QList<SeatForecast::Point> points;
        points.reserve(history.size());
        for (const SnapshotSummary &summary : history) {
            points.append({summary.takenAt, summary.totalSeatsConsumed});
        }
        return points;
    }
};

/// One row of a server's license-sync-status history (identical consecutive rows are stored once).
struct SyncStatusRecord
{
    qint64 id = 0;
    QString connectionId;
    qint64 snapshotId = 0; ///< 0 when that snapshot was removed by retention
    QDateTime recordedAt;
    LicenseSyncStatus status;

    bool operator==(const SyncStatusRecord &) const = default;
};

/// A usage file the console exported from a server or uploaded to the enterprise.
struct UsageFileRecord
{
    enum class Direction : qint8 {
        Exported,
        Uploaded,
    };

    qint64 id = 0; ///< 0 until stored
    QString connectionId;
    Direction direction = Direction::Exported;
    QString fileName;
    QString sha256; ///< lower-case hex
    QString serverId;
    QString hostName;
    QString version;
    qint64 size = 0;
    QDateTime time;
    QString outcome; ///< free text: "ok", an error message, ...
    UploadSyncState uploadState = UploadSyncState::Unknown;
    QDateTime uploadStateChangedAt;

    bool operator==(const UsageFileRecord &) const = default;
};

/// Which snapshots of a connection to keep. Both limits apply when set; the newest snapshot is
/// always kept.
struct RetentionPolicy
{
    int keepNewest = 0; ///< 0: no count limit
    int maxAgeDays = 0; ///< 0: no age limit
};
} // namespace Glc
