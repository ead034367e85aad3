// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license usage-files: every license usage file exported from a server or uploaded to the enterprise on the
// connection, newest first, from the store alone: the console's View > Usage Files.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/githubjson.h"
#include "models/usagefilesmodel.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>

namespace Glc {
namespace {
class UsageFilesCommand : public StoreListCommand
{
public:
    QString name() const override { return QStringLiteral("usage-files"); }
    QString summary() const override
    {
        return i18nc("@info:shell",
            "Every license usage file exported or uploaded on record, newest first, with its SHA-256 and outcome.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "export and add-server-usage (and the console's Export license usage and Add server usage) record each "
            "file: when, which server, its size and SHA-256, the outcome and, for an upload, GitHub's state of it. "
            "Read from the store: no token is needed.");
    }

protected:
    QString serverHelp() const override
    {
        return i18nc("@info:shell", "Only this server's files (its host name or server id).");
    }
    ExitCode list(CliSession &session, const QString &server, bool json) override
    {
        const auto stored = session.store().usageFiles(session.connection().id);
        if (!stored.ok()) {
            CliOutput::error(stored.error.message, stored.error.nextStep());
            return ExitCode::Failure;
        }
        QList<UsageFileRecord> files;
        for (const UsageFileRecord &file : stored.value) {
            if (server.isEmpty() || CliOutput::namesServer(server, file.hostName, file.serverId)) {
                files.append(file);
            }
        }
        if (!server.isEmpty() && files.isEmpty() && !stored.value.isEmpty()) {
            CliOutput::error(i18nc("@info:shell", "No usage file of %1 is on record.", server),
                i18nc("@info:shell", "Leave --server out to see every server's files."));
            return ExitCode::Failure;
        }
        // Newest first, as the store gives them and the console's Usage Files shows them.
        UsageFilesModel model;
        model.setFiles(files);
        if (json) {
            QJsonArray list;
            for (int row = 0; row < model.rowCount(); ++row) {
                const UsageFileRecord &f = model.file(row);
                const bool uploaded = f.direction == UsageFileRecord::Direction::Uploaded;
                const QString state = uploaded ? GitHubJson::syncStateName(f.uploadState) : QString();
                list.append(QJsonObject{
                    {QStringLiteral("time"), CliOutput::isoDate(f.time)},
                    {QStringLiteral("direction"), uploaded ? QStringLiteral("uploaded") : QStringLiteral("exported")},
                    {QStringLiteral("file_name"), f.fileName},
                    {QStringLiteral("hostname"), f.hostName},
                    {QStringLiteral("server_id"), f.serverId},
                    {QStringLiteral("version"), f.version},
                    {QStringLiteral("size"), f.size},
                    {QStringLiteral("sha256"), f.sha256},
                    {QStringLiteral("outcome"), f.outcome},
                    {QStringLiteral("upload_state"),
                        state.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(state)},
                    {QStringLiteral("upload_state_changed_at"),
                        uploaded ? CliOutput::isoDate(f.uploadStateChangedAt) : QJsonValue(QJsonValue::Null)},
                });
            }
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("connection"), session.connection().name},
                {QStringLiteral("files"), list},
            }));
            return ExitCode::Ok;
        }
        if (model.rowCount() == 0) {
            CliOutput::out(i18nc("@info:shell",
                "No usage file is on record for %1 yet: export and add-server-usage record each file they write "
                "or upload.",
                session.connection().name));
            return ExitCode::Ok;
        }
        // The console's words for each cell: time, size, outcome, upload state.
        const auto cell = [&model](int row, int column) { return model.index(row, column).data().toString(); };
        using Column = UsageFilesModel::Column;
        for (int row = 0; row < model.rowCount(); ++row) {
            const UsageFileRecord &f = model.file(row);
            const QString time = cell(row, Column::TimeColumn);
            const QString host = f.hostName.isEmpty() ? f.serverId : f.hostName;
            const QString size = cell(row, Column::SizeColumn);
            const QString outcome = cell(row, Column::OutcomeColumn);
            if (f.direction == UsageFileRecord::Direction::Exported) {
                CliOutput::out(i18nc("@info:shell %1 time, %2 host, %3 file, %4 size, %5 SHA-256, %6 outcome",
                    "%1: exported from %2 into %3 (%4, SHA-256 %5): %6", time, host, f.fileName, size, f.sha256,
                    outcome));
                continue;
            }
            const QString state = cell(row, Column::UploadStateColumn);
            CliOutput::out(state.isEmpty()
                    ? i18nc("@info:shell %1 time, %2 host, %3 file, %4 size, %5 SHA-256, %6 outcome",
                          "%1: uploaded %3 of %2 (%4, SHA-256 %5): %6", time, host, f.fileName, size, f.sha256, outcome)
                    : i18nc("@info:shell %1 time, %2 host, %3 file, %4 size, %5 SHA-256, %6 outcome, %7 GitHub's "
                            "state of the upload",
                          "%1: uploaded %3 of %2 (%4, SHA-256 %5): %6; GitHub: %7", time, host, f.fileName, size,
                          f.sha256, outcome, state));
        }
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeUsageFilesCommand()
{
    return std::make_unique<UsageFilesCommand>();
}
} // namespace Glc
