// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"
#include "licensing/seatforecast.h"

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace Glc {
/// One thing on the License page that wants an administrator's action: the page's "Needs attention" list.
struct AttentionItem
{
    /// In the order the list shows them within a level.
    enum class Kind : qint8 {
        SnapshotOld, ///< the newest snapshot is older than LicenseCadence::Days: everything else is judged on old data
        LicenseExpiry, ///< the license expired, or expires within Attention::ExpiryWarningDays
        Seats, ///< Attention::SeatsWarningPercent or more of the purchased seats in use
        SyncFailed, ///< a server's last license sync failed
        SyncStale, ///< a server has not synced successfully for LicenseCadence::Days, or never
        UploadFailed, ///< GitHub could not process the newest usage upload of a server without GitHub Connect
        UploadOverdue, ///< a server without GitHub Connect is due a usage upload
        CountedTwice, ///< people probably counted twice
        PendingInvitations, ///< seats that count only for a pending invitation
        UnmatchedVisualStudio, ///< Visual Studio subscribers without a matching github.com account
        Forecast, ///< at the trend, every purchased seat is in use within Attention::ForecastWarningDays
    };
    enum class Level : qint8 {
        Critical, ///< acts against the admin now: an expired license, no seat left
        Warning,
    };

    Kind kind = Kind::Seats;
    Level level = Level::Warning;
    QString text; ///< translated, one or two sentences
    QStringList hosts; ///< the servers it is about, when any (in the order of the input)

    bool operator==(const AttentionItem &) const = default;

    /// The kind as a stable snake_case word (`ghe-license attention --format json`).
    static const char *key(Kind kind);
};

/// What needs attention, judged from values the page already has: plain C++, no I/O.
namespace Attention {
inline constexpr int SeatsWarningPercent = 90; ///< the usage meter turns amber here
inline constexpr int ExpiryWarningDays = 90; ///< GitHub's first renewal reminder
inline constexpr int ForecastWarningDays = 90;

/// A server listed without GitHub Connect: its seats reach the enterprise only as uploaded usage files.
struct OfflineServer
{
    QString hostname;
    QDateTime lastUploadAt; ///< the newest upload, GitHub's or the console's; invalid: none on record
    bool lastUploadFailed = false; ///< GitHub could not process it (its state FAILURE)
};

struct Input
{
    QDateTime snapshotTakenAt; ///< when the newest snapshot was taken (invalid: not judged)
    int consumed = 0;
    int purchased = 0;
    bool unlimited = false; ///< no seat limit: no seat or forecast item
    QList<LicenseSyncStatus> syncStatus;
    QList<OfflineServer> offlineServers;
    int uploadDays = LicenseCadence::Days; ///< how often offline servers are to have their usage added
    QList<ServerLicenseInfo> serverLicenses; ///< the soonest expiry among them is the license's
    int countedTwicePeople = 0;
    int seatsFreed = 0; ///< if every pair is fixed
    int pendingInvitationSeats = 0;
    int unmatchedVisualStudioSeats = 0;
    SeatForecast forecast;
    QDateTime now;
};

/// The input from a snapshot (its seats, syncs and server licenses; the servers GitHub lists without GitHub
/// Connect with GitHub's record of their last upload), the counted-twice analysis of its seats and the
/// forecast of its history: what the summary and the License page judge.
Input inputFrom(const LicenseSnapshot &snapshot, const CountedTwiceResult &countedTwice, const SeatForecast &forecast,
    int uploadDays, const QDateTime &now);

/// Every item, critical ones first, then in the order of AttentionItem::Kind; empty when nothing needs
/// attention. Several servers with the same trouble make one item that names them all.
QList<AttentionItem> collect(const Input &input);
} // namespace Attention
} // namespace Glc
