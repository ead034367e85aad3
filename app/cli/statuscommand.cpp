// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license status: seats, expiry and per-server sync state of the latest snapshot.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Glc {
namespace {
class StatusCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("status"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Seats consumed, purchased and available, expiry, and each server's sync state.");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(SnapshotJson::formatOption(false));
        parser.addOption(SnapshotJson::refreshOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QString format = parser.value(QStringLiteral("format"));
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            CliOutput::error(i18nc("@info:shell", "Unknown format: %1", format),
                i18nc("@info:shell", "Use --format text or --format json."));
            return ExitCode::Usage;
        }
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.reportSnapshot(parser, &snapshot); code != ExitCode::Ok) {
            return code;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QJsonObject status = SnapshotJson::status(session.connection(), snapshot, now);
        if (format == QLatin1String("json")) {
            CliOutput::outBytes(CliOutput::json(status));
            return ExitCode::Ok;
        }
        const QLocale locale;
        const int consumed = snapshot.licenses.totalSeatsConsumed;
        const int purchased = snapshot.licenses.totalSeatsPurchased;
        CliOutput::out(i18nc("@info:shell", "Connection: %1", session.connection().name));
        CliOutput::out(i18nc(
            "@info:shell", "Snapshot: %1", locale.toString(snapshot.takenAt.toLocalTime(), QLocale::ShortFormat)));
        CliOutput::out(i18nc("@info:shell", "Seats consumed: %1 of %2 purchased (%3%)", locale.toString(consumed),
            locale.toString(purchased), locale.toString(SnapshotJson::usedPercent(snapshot), 'f', 1)));
        CliOutput::out(i18nc("@info:shell", "Seats available: %1", locale.toString(purchased - consumed)));
        for (const ServerLicenseInfo &license : std::as_const(snapshot.serverLicenses)) {
            CliOutput::out(i18nc("@info:shell %1 host, %2 date, %3 days", "License of %1 expires on %2 (in %3 days)",
                license.hostname, locale.toString(license.expireAt.toLocalTime(), QLocale::ShortFormat),
                license.daysUntilExpiration));
        }
        if (snapshot.syncStatus.isEmpty()) {
            CliOutput::out(i18nc("@info:shell", "No Enterprise Server instances."));
        }
        for (const LicenseSyncStatus &server : std::as_const(snapshot.syncStatus)) {
            const QString when = server.lastSyncDate.isValid()
                ? locale.toString(server.lastSyncDate.toLocalTime(), QLocale::ShortFormat)
                : i18nc("@info:shell never synced", "never");
            QString state = server.isSuccess() ? i18nc("@info:shell sync state", "success")
                                               : i18nc("@info:shell sync state", "failed: %1", server.error);
            if (server.isStale(now)) {
                state += QLatin1String(", ") + i18nc("@info:shell", "stale");
            }
            CliOutput::out(i18nc("@info:shell %1 host, %2 date, %3 state", "Server %1: last sync %2 (%3)",
                server.hostname, when, state));
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
