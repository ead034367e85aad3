// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "attention.h"

#include "core/dateformat.h"

#include <KLocalizedString>
#include <QLocale>

#include <algorithm>

namespace Glc {
namespace {
/// Calendar days from @p now to @p then in local time, as the User licenses card counts the days left.
int calendarDaysTo(const QDateTime &now, const QDateTime &then)
{
    return int(now.toLocalTime().date().daysTo(then.toLocalTime().date()));
}

QString dateText(const QDateTime &when)
{
    return DateFormat::toString(when.toLocalTime().date());
}

AttentionItem item(
    AttentionItem::Kind kind, AttentionItem::Level level, const QString &text, const QStringList &hosts = {})
{
    AttentionItem i;
    i.kind = kind;
    i.level = level;
    i.text = text;
    i.hosts = hosts;
    return i;
}

/// The host names of @p servers (LicenseSyncStatus or Attention::OfflineServer), in their order.
template<typename Server>
QStringList hostsOf(const QList<const Server *> &servers)
{
    QStringList hosts;
    for (const Server *server : servers) {
        hosts.append(server->hostname);
    }
    return hosts;
}

void addSnapshotAge(const Attention::Input &in, QList<AttentionItem> &items)
{
    const int days = LicenseCadence::wholeDaysSince(in.snapshotTakenAt, in.now);
    if (days > LicenseCadence::Days) {
        items.append(item(AttentionItem::Kind::SnapshotOld, AttentionItem::Level::Warning,
            i18ncp("@info", "The newest snapshot is %1 day old: refresh to judge the seats as they are today.",
                "The newest snapshot is %1 days old: refresh to judge the seats as they are today.", days)));
    }
}

void addLicenseExpiry(const Attention::Input &in, QList<AttentionItem> &items)
{
    const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(in.serverLicenses);
    if (!soonest) {
        return;
    }
    const int days = calendarDaysTo(in.now, soonest->expireAt);
    const QString date = dateText(soonest->expireAt);
    if (in.now >= soonest->expireAt) {
        items.append(item(AttentionItem::Kind::LicenseExpiry, AttentionItem::Level::Critical,
            i18nc("@info %1 date",
                "The license expired on %1: renew it with GitHub, then upload the new license file to each "
                "Enterprise Server.",
                date),
            {soonest->hostname}));
    } else if (days <= Attention::ExpiryWarningDays) {
        items.append(item(AttentionItem::Kind::LicenseExpiry, AttentionItem::Level::Warning,
            i18ncp("@info %2 date", "The license expires on %2, in %1 day: time to renew it.",
                "The license expires on %2, in %1 days: time to renew it.", days, date),
            {soonest->hostname}));
    }
}

void addSeats(const Attention::Input &in, QList<AttentionItem> &items)
{
    if (in.unlimited || in.purchased <= 0) {
        return;
    }
    const QLocale locale;
    if (in.consumed > in.purchased) {
        items.append(item(AttentionItem::Kind::Seats, AttentionItem::Level::Critical,
            i18ncp("@info %2 seats consumed, %3 seats purchased", "%2 seats are in use, %1 more than the %3 purchased.",
                "%2 seats are in use, %1 more than the %3 purchased.", in.consumed - in.purchased,
                locale.toString(in.consumed), locale.toString(in.purchased))));
    } else if (in.consumed == in.purchased) {
        items.append(item(AttentionItem::Kind::Seats, AttentionItem::Level::Critical,
            i18ncp("@info", "The %1 purchased seat is in use: none is left.",
                "All %1 purchased seats are in use: none is left.", in.purchased)));
    } else if (qint64(in.consumed) * 100 >= qint64(in.purchased) * Attention::SeatsWarningPercent) {
        items.append(item(AttentionItem::Kind::Seats, AttentionItem::Level::Warning,
            i18ncp("@info %2 percent, %3 seats consumed, %4 seats purchased",
                "%3 of %4 seats are in use (%2%): %1 is left.", "%3 of %4 seats are in use (%2%): %1 are left.",
                in.purchased - in.consumed, locale.toString(seatUsePercent(in.consumed, in.purchased), 'f', 1),
                locale.toString(in.consumed), locale.toString(in.purchased))));
    }
}

void addSync(const Attention::Input &in, QList<AttentionItem> &items)
{
    QList<const LicenseSyncStatus *> failed;
    QList<const LicenseSyncStatus *> stale;
    const auto isOffline = [&in](const QString &host) {
        return std::any_of(in.offlineServers.cbegin(), in.offlineServers.cend(),
            [&host](const Attention::OfflineServer &s) { return s.hostname.compare(host, Qt::CaseInsensitive) == 0; });
    };
    for (const LicenseSyncStatus &server : in.syncStatus) {
        if (isOffline(server.hostname)) {
            // GitHub Connect went off: GitHub still lists its last sync, but only an upload brings its seats now
            // (the upload item says so; a Sync now cannot reach it).
            continue;
        }
        if (server.lastSyncDate.isValid() && !server.isSuccess()) {
            failed.append(&server);
        } else if (server.isStale(in.now)) {
            stale.append(&server);
        }
    }
    if (failed.size() == 1) {
        const LicenseSyncStatus &server = *failed.first();
        items.append(item(AttentionItem::Kind::SyncFailed, AttentionItem::Level::Warning,
            server.error.isEmpty() ? i18nc("@info %1 host", "The last license sync of %1 failed.", server.hostname)
                                   : i18nc("@info %1 host, %2 GitHub's error", "The last license sync of %1 failed: %2",
                                         server.hostname, server.error),
            {server.hostname}));
    } else if (!failed.isEmpty()) {
        const QStringList hosts = hostsOf(failed);
        items.append(item(AttentionItem::Kind::SyncFailed, AttentionItem::Level::Warning,
            i18ncp("@info %2 host names", "The last license sync of %1 server failed: %2.",
                "The last license sync of %1 servers failed: %2.", int(hosts.size()),
                QLocale().createSeparatedList(hosts)),
            hosts));
    }
    if (stale.size() == 1) {
        const LicenseSyncStatus &server = *stale.first();
        const int days = LicenseCadence::wholeDaysSince(server.lastSuccessfulSync(), in.now);
        items.append(item(AttentionItem::Kind::SyncStale, AttentionItem::Level::Warning,
            days < 0 ? i18nc("@info %1 host", "%1 has never synced its license usage.", server.hostname)
                     : i18ncp("@info %2 host", "%2 last synced its license usage %1 day ago.",
                           "%2 last synced its license usage %1 days ago.", days, server.hostname),
            {server.hostname}));
    } else if (!stale.isEmpty()) {
        const QStringList hosts = hostsOf(stale);
        items.append(item(AttentionItem::Kind::SyncStale, AttentionItem::Level::Warning,
            i18ncp("@info %2 host names, %3 days",
                "%1 server has not synced its license usage for more than %3 days: %2.",
                "%1 servers have not synced their license usage for more than %3 days: %2.", int(hosts.size()),
                QLocale().createSeparatedList(hosts), LicenseCadence::Days),
            hosts));
    }
}

void addUploads(const Attention::Input &in, QList<AttentionItem> &items)
{
    QList<const Attention::OfflineServer *> overdue;
    QStringList failed;
    for (const Attention::OfflineServer &server : in.offlineServers) {
        // A failed upload counts no seats, however recent: said as failed, not as overdue too.
        if (server.lastUploadAt.isValid() && server.lastUploadFailed) {
            failed.append(server.hostname);
        } else if (LicenseCadence::isOverdue(server.lastUploadAt, in.now, in.uploadDays)) {
            overdue.append(&server);
        }
    }
    if (failed.size() == 1) {
        items.append(item(AttentionItem::Kind::UploadFailed, AttentionItem::Level::Warning,
            i18nc("@info %1 host",
                "GitHub could not process the newest license usage upload of %1: its seats are not counted. Export "
                "its usage again and add it to the enterprise.",
                failed.first()),
            failed));
    } else if (!failed.isEmpty()) {
        items.append(item(AttentionItem::Kind::UploadFailed, AttentionItem::Level::Warning,
            i18ncp("@info %2 host names", "GitHub could not process the newest license usage upload of %1 server: %2.",
                "GitHub could not process the newest license usage upload of %1 servers: %2.", int(failed.size()),
                QLocale().createSeparatedList(failed)),
            failed));
    }
    if (overdue.size() == 1) {
        const Attention::OfflineServer &server = *overdue.first();
        const int days = LicenseCadence::wholeDaysSince(server.lastUploadAt, in.now);
        items.append(item(AttentionItem::Kind::UploadOverdue, AttentionItem::Level::Warning,
            days < 0 ? i18nc("@info %1 host",
                           "%1 does not sync by itself (GitHub Connect is off) and its license usage was never added "
                           "to the enterprise.",
                           server.hostname)
                     : i18ncp("@info %2 host",
                           "%2 does not sync by itself (GitHub Connect is off); its license usage was last added %1 "
                           "day ago.",
                           "%2 does not sync by itself (GitHub Connect is off); its license usage was last added %1 "
                           "days ago.",
                           days, server.hostname),
            {server.hostname}));
    } else if (!overdue.isEmpty()) {
        const QStringList hosts = hostsOf(overdue);
        items.append(item(AttentionItem::Kind::UploadOverdue, AttentionItem::Level::Warning,
            i18ncp("@info %2 host names", "%1 server without GitHub Connect is due a license usage upload: %2.",
                "%1 servers without GitHub Connect are due a license usage upload: %2.", int(hosts.size()),
                QLocale().createSeparatedList(hosts)),
            hosts));
    }
}

void addSeatFindings(const Attention::Input &in, QList<AttentionItem> &items)
{
    if (in.countedTwicePeople > 0) {
        items.append(item(AttentionItem::Kind::CountedTwice, AttentionItem::Level::Warning,
            i18nc("@info two sentences", "%1 %2",
                i18ncp("@info", "%1 person is probably counted twice.", "%1 people are probably counted twice.",
                    in.countedTwicePeople),
                i18ncp("@info", "Fixing their e-mail addresses frees %1 seat.",
                    "Fixing their e-mail addresses frees %1 seats.", in.seatsFreed))));
    }
    if (in.pendingInvitationSeats > 0) {
        items.append(item(AttentionItem::Kind::PendingInvitations, AttentionItem::Level::Warning,
            i18ncp("@info", "%1 seat counts only for a pending organization invitation.",
                "%1 seats count only for a pending organization invitation.", in.pendingInvitationSeats)));
    }
    if (in.unmatchedVisualStudioSeats > 0) {
        items.append(item(AttentionItem::Kind::UnmatchedVisualStudio, AttentionItem::Level::Warning,
            i18ncp("@info", "%1 Visual Studio subscriber has no matching github.com account.",
                "%1 Visual Studio subscribers have no matching github.com account.", in.unmatchedVisualStudioSeats)));
    }
}

void addForecast(const Attention::Input &in, QList<AttentionItem> &items)
{
    if (in.unlimited || in.consumed >= in.purchased || in.forecast.outcome != SeatForecast::Outcome::ReachedOn) {
        return;
    }
    const int days = calendarDaysTo(in.now, in.forecast.date);
    if (days < 0 || days > Attention::ForecastWarningDays) {
        return;
    }
    items.append(item(AttentionItem::Kind::Forecast, AttentionItem::Level::Warning,
        i18ncp("@info %2 date", "At the current trend every purchased seat is in use by %2, in %1 day.",
            "At the current trend every purchased seat is in use by %2, in %1 days.", days,
            dateText(in.forecast.date))));
}
} // namespace

const char *AttentionItem::key(Kind kind)
{
    switch (kind) {
    case Kind::SnapshotOld:
        return "snapshot_old";
    case Kind::LicenseExpiry:
        return "license_expiry";
    case Kind::Seats:
        return "seats";
    case Kind::SyncFailed:
        return "sync_failed";
    case Kind::SyncStale:
        return "sync_stale";
    case Kind::UploadFailed:
        return "upload_failed";
    case Kind::UploadOverdue:
        return "upload_overdue";
    case Kind::CountedTwice:
        return "counted_twice";
    case Kind::PendingInvitations:
        return "pending_invitations";
    case Kind::UnmatchedVisualStudio:
        return "unmatched_visual_studio";
    case Kind::Forecast:
        return "forecast";
    }
    return "";
}

Attention::Input Attention::inputFrom(const LicenseSnapshot &snapshot, const CountedTwiceResult &countedTwice,
    const SeatForecast &forecast, int uploadDays, const QDateTime &now)
{
    Input input;
    input.snapshotTakenAt = snapshot.takenAt;
    input.consumed = snapshot.licenses.totalSeatsConsumed;
    input.purchased = snapshot.licenses.totalSeatsPurchased;
    input.unlimited = snapshot.unlimitedSeats();
    input.syncStatus = snapshot.syncStatus;
    for (const EnterpriseServerInstallation &server : snapshot.installations) {
        if (!server.isConnected) {
            input.offlineServers.append({server.hostName, server.lastUploadAt(),
                !server.uploads.isEmpty() && server.uploads.first().syncState == UploadSyncState::Failure});
        }
    }
    input.uploadDays = uploadDays;
    input.serverLicenses = snapshot.serverLicenses;
    input.countedTwicePeople = int(countedTwice.pairs.size());
    input.seatsFreed = countedTwice.seatsFreed;
    for (const UnexpectedSeat &seat : countedTwice.unexpected) {
        ++(seat.kind == UnexpectedSeat::Kind::PendingInvitationOnly ? input.pendingInvitationSeats
                                                                    : input.unmatchedVisualStudioSeats);
    }
    input.forecast = forecast;
    input.now = now;
    return input;
}

QList<AttentionItem> Attention::collect(const Input &input)
{
    QList<AttentionItem> items;
    addSnapshotAge(input, items);
    addLicenseExpiry(input, items);
    addSeats(input, items);
    addSync(input, items);
    addUploads(input, items);
    addSeatFindings(input, items);
    addForecast(input, items);
    // Critical first; within a level, the order the additions made (AttentionItem::Kind's).
    std::stable_sort(
        items.begin(), items.end(), [](const AttentionItem &a, const AttentionItem &b) { return a.level < b.level; });
    return items;
}
} // namespace Glc
