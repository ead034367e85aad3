// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license check: exit 3 when seat use, sync staleness, the age of a server's last usage upload or license expiry
// crosses a threshold (alerting).
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "core/dateformat.h"

#include <KLocalizedString>
#include <QLocale>

#include <cmath>

namespace Glc {
namespace {
class CheckCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("check"); }
    QString summary() const override
    {
        return i18nc("@info:shell",
            "Exit with code 3 when seat use, sync staleness, an overdue usage upload or license expiry crosses a "
            "threshold.");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("max-used-percent"),
            i18nc("@info:shell", "Highest acceptable share of purchased seats in use, in percent."),
            i18nc("@info:shell value name", "percent"), QStringLiteral("90")));
        parser.addOption(QCommandLineOption(QStringLiteral("max-stale-days"),
            i18nc("@info:shell",
                "Most days a server may go without a successful license sync (a server without GitHub Connect: "
                "without an upload of its license usage, unless --max-upload-days is given), and the newest "
                "snapshot without a refresh."),
            i18nc("@info:shell value name", "days"), QStringLiteral("8")));
        parser.addOption(QCommandLineOption(QStringLiteral("max-upload-days"),
            i18nc("@info:shell",
                "Most days a server without GitHub Connect may go without an upload of its license usage, when "
                "that differs from --max-stale-days (for example an air-gapped server whose usage is added "
                "monthly). Default: the upload interval set in the console, else --max-stale-days."),
            i18nc("@info:shell value name", "days")));
        parser.addOption(QCommandLineOption(QStringLiteral("min-days-left"),
            i18nc("@info:shell",
                "Fewest days the license may have left before it expires (the soonest of the servers' license "
                "files); not checked unless given."),
            i18nc("@info:shell value name", "days")));
        parser.addOption(SnapshotJson::refreshOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        bool okPercent = false;
        bool okDays = false;
        const double maxPercent = parser.value(QStringLiteral("max-used-percent")).toDouble(&okPercent);
        const int maxDays = parser.value(QStringLiteral("max-stale-days")).toInt(&okDays);
        bool okUpload = true;
        int maxUploadDays = parser.isSet(QStringLiteral("max-upload-days"))
            ? parser.value(QStringLiteral("max-upload-days")).toInt(&okUpload)
            : maxDays;
        const bool checkExpiry = parser.isSet(QStringLiteral("min-days-left"));
        bool okLeft = true;
        const int minDaysLeft = checkExpiry ? parser.value(QStringLiteral("min-days-left")).toInt(&okLeft) : 0;
        if (!okPercent || !std::isfinite(maxPercent) || maxPercent < 0 || !okDays || maxDays < 0 || !okUpload ||
            maxUploadDays < 0 || !okLeft || minDaysLeft < 0) {
            CliOutput::error(i18nc("@info:shell", "The thresholds must be non-negative numbers."),
                i18nc("@info:shell", "See: ghe-license check --help"));
            return ExitCode::Usage;
        }
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.reportSnapshot(parser, &snapshot, CliSession::serversOnly());
            code != ExitCode::Ok) {
            return code;
        }
        // Without --max-upload-days, an upload interval set in the console (Upload Interval…) is the threshold.
        if (!parser.isSet(QStringLiteral("max-upload-days"))) {
            if (const ExitCode code = session.readUploadDays(&maxUploadDays); code != ExitCode::Ok) {
                return code;
            }
        }
        const QLocale locale;
        const QDateTime now = session.now();
        bool crossed = false;
        // A threshold is crossed only when exceeded, judged by the numbers as printed (and as in
        // `status --format json`): the share of seats to one decimal, so 90.0 % in use passes
        // --max-used-percent 90 and 90.1 % crosses it; the sync age in whole days, so a server that last
        // synced 8 days and 23 hours ago passes --max-stale-days 8 and one 9 days ago crosses it.
        const bool unlimited = snapshot.unlimitedSeats();
        const double used = snapshot.licenses.usedPercent();
        if (!unlimited && used > maxPercent) {
            crossed = true;
            CliOutput::err(i18ncp("@info:shell %2 and %3 percent, %4 seats consumed, %1 seats purchased",
                "Seats: %2% of the purchased seats are in use, above %3% (%4 of %1 seat).",
                "Seats: %2% of the purchased seats are in use, above %3% (%4 of %1 seats).",
                snapshot.licenses.totalSeatsPurchased, locale.toString(used, 'f', 1), locale.toString(maxPercent),
                locale.toString(snapshot.licenses.totalSeatsConsumed)));
        }
        for (const LicenseSyncStatus &server : std::as_const(snapshot.syncStatus)) {
            // Judged by the last successful sync: a server that fails every day is not "synced".
            const QDateTime success = server.lastSuccessfulSync();
            const int days = LicenseCadence::wholeDaysSince(success, now);
            if (!server.lastSyncDate.isValid()) {
                crossed = true;
                CliOutput::err(i18nc("@info:shell", "Sync: %1 has never synced its license usage.", server.hostname));
            } else if (!success.isValid()) {
                crossed = true;
                CliOutput::err(i18nc("@info:shell %1 host, %2 error",
                    "Sync: %1 has no successful license sync on record; the last attempt failed: %2", server.hostname,
                    server.error));
            } else if (days > maxDays) {
                crossed = true;
                CliOutput::err(
                    i18ncp("@info:shell %2 host", "Sync: %2 last synced successfully %1 day ago, more than %3 allowed.",
                        "Sync: %2 last synced successfully %1 days ago, more than %3 allowed.", days, server.hostname,
                        maxDays));
            }
        }
        // Without --refresh the newest stored snapshot is judged: when nobody refreshed it for longer than a server
        // may go without a sync, its seats and sync dates are as stale as such a server's, and an OK would mislead.
        const int snapshotDays = LicenseCadence::wholeDaysSince(snapshot.takenAt, now);
        const QString snapshotDate =
            snapshot.takenAt.isValid() ? DateFormat::toString(snapshot.takenAt.toLocalTime(), locale) : QString();
        if (snapshotDays > maxDays) {
            crossed = true;
            CliOutput::err(i18ncp("@info:shell %2 date, %3 days",
                "Snapshot: the newest snapshot was taken on %2, %1 day ago, more than %3 allowed. Refresh it "
                "(ghe-license refresh, or check --refresh).",
                "Snapshot: the newest snapshot was taken on %2, %1 days ago, more than %3 allowed. Refresh it "
                "(ghe-license refresh, or check --refresh).",
                snapshotDays, snapshotDate, maxDays));
        }
        // A server without GitHub Connect does not sync: its seats reach the enterprise only as uploaded usage
        // files, due as often unless --max-upload-days says otherwise (GitHub's record of them, in the snapshot).
        int offlineServers = 0;
        for (const EnterpriseServerInstallation &server : std::as_const(snapshot.installations)) {
            if (server.isConnected) {
                continue;
            }
            ++offlineServers;
            const int days = LicenseCadence::wholeDaysSince(server.lastUploadAt(), now);
            if (days < 0) {
                crossed = true;
                CliOutput::err(i18nc("@info:shell %1 host",
                    "Upload: %1 does not sync by itself (GitHub Connect is off) and has no license usage upload on "
                    "record. Export its license usage and add it to the enterprise.",
                    server.hostName));
            } else if (days > maxUploadDays) {
                crossed = true;
                CliOutput::err(i18ncp("@info:shell %2 host",
                    "Upload: %2 does not sync by itself (GitHub Connect is off) and last added its license usage %1 "
                    "day ago, more than %3 allowed.",
                    "Upload: %2 does not sync by itself (GitHub Connect is off) and last added its license usage %1 "
                    "days ago, more than %3 allowed.",
                    days, server.hostName, maxUploadDays));
            }
        }
        // The license file a server carries ends when the enterprise's license does; GitHub Enterprise Cloud
        // does not tell that date, its servers do (their own connections, or the lab's servers).
        const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(snapshot.serverLicenses);
        if (checkExpiry && !soonest) {
            CliOutput::error(i18nc("@info:shell",
                                 "No license expiry date is known, so --min-days-left cannot be "
                                 "checked."),
                i18nc("@info:shell",
                    "GitHub Enterprise Cloud does not report it. Add a GitHub Enterprise Server connection for one "
                    "of the enterprise's servers (ghe-license connections add) and refresh it; its license file "
                    "carries the date."));
            return ExitCode::Failure;
        }
        const int daysLeft = soonest ? soonest->daysLeft(now) : 0;
        const QString expiryDate = soonest ? DateFormat::toString(soonest->expireAt.toLocalTime(), locale) : QString();
        if (checkExpiry && daysLeft < minDaysLeft) {
            crossed = true;
            CliOutput::err(daysLeft < 0
                    ? i18ncp("@info:shell %2 host, %3 date", "License: the license of %2 expired on %3, %1 day ago.",
                          "License: the license of %2 expired on %3, %1 days ago.", -daysLeft, soonest->hostname,
                          expiryDate)
                    : i18ncp("@info:shell %2 host, %3 date, %4 days",
                          "License: the license of %2 expires on %3, in %1 day, fewer than %4.",
                          "License: the license of %2 expires on %3, in %1 days, fewer than %4.", daysLeft,
                          soonest->hostname, expiryDate, minDaysLeft));
        }
        if (crossed) {
            return ExitCode::ThresholdCrossed;
        }
        CliOutput::out(unlimited
                ? i18nc("@info:shell", "OK: the license has no seat limit.")
                : i18nc("@info:shell %1 percent", "OK: %1% of the seats in use.", locale.toString(used, 'f', 1)));
        if (!snapshot.syncStatus.isEmpty()) {
            CliOutput::out(i18ncp("@info:shell %1 days", "OK: every server with GitHub Connect synced within %1 day.",
                "OK: every server with GitHub Connect synced within %1 days.", maxDays));
        }
        if (offlineServers > 0) {
            CliOutput::out(i18ncp("@info:shell %1 days",
                "OK: every server without GitHub Connect added its license usage within %1 day.",
                "OK: every server without GitHub Connect added its license usage within %1 days.", maxUploadDays));
        }
        if (checkExpiry) {
            CliOutput::out(i18ncp("@info:shell %2 date", "OK: the license expires on %2, in %1 day.",
                "OK: the license expires on %2, in %1 days.", daysLeft, expiryDate));
        }
        if (snapshotDays >= 0) {
            CliOutput::out(i18ncp("@info:shell %2 date", "OK: judged by the snapshot taken on %2, %1 day ago.",
                "OK: judged by the snapshot taken on %2, %1 days ago.", snapshotDays, snapshotDate));
        }
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeCheckCommand()
{
    return std::make_unique<CheckCommand>();
}
} // namespace Glc
