// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license status: seats, expiry and per-server sync state of the latest snapshot.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "core/dateformat.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

#include <algorithm>

namespace Glc {
namespace {
/// One whole sentence per state, so a translation can order the parts its own way.
QString serverLine(const LicenseSyncStatus &server, const QDateTime &now, const QLocale &locale)
{
    if (!server.lastSyncDate.isValid()) {
        return server.error.isEmpty()
            ? i18nc("@info:shell %1 host", "Server %1: never synced (stale).", server.hostname)
            : i18nc("@info:shell %1 host, %2 error", "Server %1: never synced (stale); the last attempt failed: %2",
                  server.hostname, server.error);
    }
    const QString when = DateFormat::toString(server.lastSyncDate.toLocalTime(), locale);
    const int days = std::max(0, LicenseCadence::wholeDaysSince(server.lastSyncDate, now));
    const bool stale = server.isStale(now);
    if (server.isSuccess()) {
        return stale
            ? i18ncp("@info:shell %2 host, %3 date, %1 days", "Server %2: last sync %3, %1 day ago (success, stale).",
                  "Server %2: last sync %3, %1 days ago (success, stale).", days, server.hostname, when)
            : i18ncp("@info:shell %2 host, %3 date, %1 days", "Server %2: last sync %3, %1 day ago (success).",
                  "Server %2: last sync %3, %1 days ago (success).", days, server.hostname, when);
    }
    return stale
        ? i18ncp("@info:shell %2 host, %3 date, %1 days, %4 error",
              "Server %2: last sync %3, %1 day ago (failed, stale): %4",
              "Server %2: last sync %3, %1 days ago (failed, stale): %4", days, server.hostname, when, server.error)
        : i18ncp("@info:shell %2 host, %3 date, %1 days, %4 error", "Server %2: last sync %3, %1 day ago (failed): %4",
              "Server %2: last sync %3, %1 days ago (failed): %4", days, server.hostname, when, server.error);
}

class StatusCommand : public ReportCommand
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Seats consumed, purchased and available, expiry, and each server's sync state.");
    }

protected:
    LicenseStore::LoadParts parts() const override { return CliSession::serversOnly(); }
    ExitCode report(CliSession &session, const LicenseSnapshot &snapshot, const QString &format,
        const QCommandLineParser &) override
    {
        const bool json = format == QLatin1String("json");
        const QDateTime now = session.now();
        QList<SnapshotSummary> history;
        if (!session.snapshotHistory(snapshot, &history)) {
            return ExitCode::Failure;
        }
        // The seats themselves are not read (parts()): their stored count.
        qsizetype users = snapshot.licenses.users.size();
        for (const SnapshotSummary &summary : history) {
            if (summary.id == snapshot.id) {
                users = summary.userCount;
            }
        }
        const SeatForecast forecast = SeatForecast::forLatest(SnapshotSummary::forecastPoints(history), snapshot);
        // An upload interval set in the console (Upload Interval…) judges the servers without GitHub Connect.
        int uploadDays = LicenseCadence::Days;
        if (const ExitCode code = session.readUploadDays(&uploadDays); code != ExitCode::Ok) {
            return code;
        }
        const QJsonObject status =
            SnapshotJson::status(session.connection(), snapshot, users, forecast, now, uploadDays);
        if (json) {
            CliOutput::outBytes(CliOutput::json(status));
            return ExitCode::Ok;
        }
        const QLocale locale;
        const int consumed = snapshot.licenses.totalSeatsConsumed;
        const int purchased = snapshot.licenses.totalSeatsPurchased;
        CliOutput::out(i18nc("@info:shell", "Connection: %1", session.connection().name));
        CliOutput::out(
            i18nc("@info:shell", "Snapshot: %1", DateFormat::toString(snapshot.takenAt.toLocalTime(), locale)));
        if (snapshot.unlimitedSeats()) {
            CliOutput::out(
                i18nc("@info:shell", "Seats consumed: %1 (the license has no seat limit)", locale.toString(consumed)));
        } else {
            CliOutput::out(i18nc("@info:shell", "Seats consumed: %1 of %2 purchased (%3%)", locale.toString(consumed),
                locale.toString(purchased), locale.toString(snapshot.licenses.usedPercent(), 'f', 1)));
            CliOutput::out(i18nc("@info:shell", "Seats available: %1", locale.toString(purchased - consumed)));
        }
        // The license's expiry once (every license file of the enterprise ends with it), a server whose file
        // says otherwise on its own line.
        const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(snapshot.serverLicenses);
        CliOutput::out(i18nc("@info:shell %1 a sentence", "Forecast: %1",
            forecast.text(purchased, soonest ? soonest->expireAt : QDateTime(), now)));
        if (soonest) {
            const QString date = DateFormat::toString(soonest->expireAt.toLocalTime(), locale);
            const int days = soonest->daysLeft(now);
            CliOutput::out(days < 0 ? i18ncp("@info:shell %2 date", "License expired on %2 (%1 day ago)",
                                          "License expired on %2 (%1 days ago)", -days, date)
                                    : i18ncp("@info:shell %2 date", "License expires on %2 (in %1 day)",
                                          "License expires on %2 (in %1 days)", days, date));
        } else {
            CliOutput::out(i18nc("@info:shell",
                "License expiry: unknown (GitHub Enterprise Cloud does not report it; the license file of a GitHub "
                "Enterprise Server connection does)"));
        }
        for (const ServerLicenseInfo &license : std::as_const(snapshot.serverLicenses)) {
            if (license.expiresWith(soonest)) {
                continue;
            }
            const QString date = DateFormat::toString(license.expireAt.toLocalTime(), locale);
            if (!license.expireAt.isValid()) {
                // GitHub left expire_at out or gave a date that could not be read.
                CliOutput::out(i18nc("@info:shell %1 host", "License of %1: expiry date unknown", license.hostname));
            } else if (const int days = license.daysLeft(now); days < 0) {
                CliOutput::out(
                    i18ncp("@info:shell %2 host, %3 date, %1 days", "License of %2 expired on %3 (%1 day ago)",
                        "License of %2 expired on %3 (%1 days ago)", -days, license.hostname, date));
            } else {
                CliOutput::out(
                    i18ncp("@info:shell %2 host, %3 date, %1 days", "License of %2 expires on %3 (in %1 day)",
                        "License of %2 expires on %3 (in %1 days)", days, license.hostname, date));
            }
        }
        // Each server's own count of its seats and its version, where its license was read.
        for (const ServerLicenseInfo &license : std::as_const(snapshot.serverLicenses)) {
            CliOutput::out(license.installedVersion.isEmpty()
                    ? i18nc("@info:shell %1 host, %2 seats such as 480 of 500", "Seats on %1: %2", license.hostname,
                          license.seatsText())
                    : i18nc("@info:shell %1 host, %2 seats such as 480 of 500, %3 version",
                          "Seats on %1: %2 (GitHub Enterprise Server %3)", license.hostname, license.seatsText(),
                          license.installedVersion));
        }
        if (snapshot.syncStatus.isEmpty() && snapshot.installations.isEmpty()) {
            CliOutput::out(i18nc("@info:shell", "No Enterprise Server instances."));
        }
        for (const LicenseSyncStatus &server : std::as_const(snapshot.syncStatus)) {
            CliOutput::out(serverLine(server, now, locale));
        }
        for (const EnterpriseServerInstallation &server : std::as_const(snapshot.installations)) {
            if (server.isConnected) {
                continue;
            }
            // No GitHub Connect, no sync: its seats reach the enterprise as uploaded usage files.
            const QDateTime uploaded = server.lastUploadAt();
            if (!uploaded.isValid()) {
                CliOutput::out(i18nc("@info:shell %1 host",
                    "Server %1 (without GitHub Connect): no license usage upload on record (overdue).",
                    server.hostName));
                continue;
            }
            const int days = std::max(0, LicenseCadence::wholeDaysSince(uploaded, now));
            const QString when = DateFormat::toString(uploaded.toLocalTime(), locale);
            CliOutput::out(server.uploadOverdue(now, uploadDays)
                    ? i18ncp("@info:shell %2 host, %3 date, %1 days",
                          "Server %2 (without GitHub Connect): last usage upload %3, %1 day ago (overdue).",
                          "Server %2 (without GitHub Connect): last usage upload %3, %1 days ago (overdue).", days,
                          server.hostName, when)
                    : i18ncp("@info:shell %2 host, %3 date, %1 days",
                          "Server %2 (without GitHub Connect): last usage upload %3, %1 day ago.",
                          "Server %2 (without GitHub Connect): last usage upload %3, %1 days ago.", days,
                          server.hostName, when));
        }
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeStatusCommand()
{
    return std::make_unique<StatusCommand>();
}
} // namespace Glc
