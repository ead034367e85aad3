// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license sync-history: every license sync of the connection's servers on record, newest first, from the
// store alone (GitHub reports only each server's last sync).
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "core/dateformat.h"
#include "models/synchistorymodel.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>

namespace Glc {
namespace {
class SyncHistoryCommand : public StoreListCommand
{
public:
    QString name() const override { return QStringLiteral("sync-history"); }
    QString summary() const override
    {
        return i18nc(
            "@info:shell", "Every license sync of the servers on record, newest first, failures with their error.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "GitHub reports only each server's last sync; every refresh and every Sync now keeps what changed. Read "
            "from the store: no token is needed.");
    }

protected:
    QString serverHelp() const override
    {
        return i18nc("@info:shell", "Only this server's syncs (its host name or server id).");
    }
    ExitCode list(CliSession &session, const QString &server, bool json) override
    {
        const auto history = session.store().syncStatusHistory(session.connection().id);
        if (!history.ok()) {
            CliOutput::error(history.error.message, history.error.nextStep());
            return ExitCode::Failure;
        }
        QList<SyncStatusRecord> records;
        for (const SyncStatusRecord &record : history.value) {
            if (server.isEmpty() || CliOutput::namesServer(server, record.status.hostname, record.status.serverId)) {
                records.append(record);
            }
        }
        if (!server.isEmpty() && records.isEmpty() && !history.value.isEmpty()) {
            CliOutput::error(i18nc("@info:shell", "No sync of %1 is on record.", server),
                i18nc("@info:shell", "Leave --server out to see every server's syncs."));
            return ExitCode::Failure;
        }
        // Newest first, in the order the console's Sync History shows.
        SyncHistoryModel model;
        model.setRecords(records);
        if (json) {
            QJsonArray syncs;
            for (int row = 0; row < model.rowCount(); ++row) {
                const SyncStatusRecord &r = model.record(row);
                syncs.append(QJsonObject{
                    {QStringLiteral("hostname"), r.status.hostname},
                    {QStringLiteral("server_id"), r.status.serverId},
                    {QStringLiteral("last_sync_date"), CliOutput::isoDate(r.status.lastSyncDate)},
                    {QStringLiteral("status"), r.status.status},
                    {QStringLiteral("error"), r.status.error},
                    {QStringLiteral("seen_at"), CliOutput::isoDate(r.recordedAt)},
                });
            }
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("connection"), session.connection().name},
                {QStringLiteral("syncs"), syncs},
            }));
            return ExitCode::Ok;
        }
        if (model.rowCount() == 0) {
            CliOutput::out(i18nc("@info:shell",
                "No license sync is on record for %1 yet: each refresh records the syncs of every server.",
                session.connection().name));
            return ExitCode::Ok;
        }
        const QLocale locale;
        const auto date = [&locale](const QDateTime &when) { return DateFormat::toString(when.toLocalTime(), locale); };
        for (int row = 0; row < model.rowCount(); ++row) {
            const SyncStatusRecord &r = model.record(row);
            const LicenseSyncStatus &s = r.status;
            if (!s.lastSyncDate.isValid() && s.status.isEmpty()) {
                CliOutput::out(i18nc("@info:shell %1 host, %2 when the console saw it", "%1: never synced (seen %2)",
                    s.hostname, date(r.recordedAt)));
            } else if (s.isSuccess()) {
                CliOutput::out(i18nc("@info:shell %1 host, %2 sync date, %3 when the console saw it",
                    "%1: synced %2 (seen %3)", s.hostname, date(s.lastSyncDate), date(r.recordedAt)));
            } else {
                CliOutput::out(i18nc("@info:shell %1 host, %2 sync date, %3 when the console saw it, %4 GitHub's error",
                    "%1: sync of %2 failed (seen %3): %4", s.hostname, date(s.lastSyncDate), date(r.recordedAt),
                    s.error));
            }
        }
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeSyncHistoryCommand()
{
    return std::make_unique<SyncHistoryCommand>();
}
} // namespace Glc
