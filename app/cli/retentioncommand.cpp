// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license retention: show or change how many stored snapshots are kept (the same setting as the
// console's File > Snapshot Retention).
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "workflows/retentionjob.h"

#include <KLocalizedString>

#include <QJsonObject>
#include <QLocale>

namespace Glc {
namespace {
const QString keepOption = QStringLiteral("keep");
const QString maxAgeOption = QStringLiteral("max-age-days");
const QString compactOption = QStringLiteral("compact");

class RetentionCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("retention"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Show or change how many snapshots the store keeps.");
    }
    QString details() const override
    {
        return i18nc("@info:shell",
            "With --keep or --max-age-days the setting changes and older snapshots of every connection are "
            "removed at once; every refresh applies it again. The newest snapshot of a connection is always "
            "kept. 0 means no limit. --compact then gives the space the removed snapshots took back to the "
            "disk (SQLite; a PostgreSQL server reuses it by itself).");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(keepOption,
            i18nc("@info:shell", "Keep at most this many snapshots per connection (0: no limit)."),
            i18nc("@info:shell value name", "count")));
        parser.addOption(QCommandLineOption(maxAgeOption,
            i18nc("@info:shell", "Remove snapshots older than this many days (0: no limit)."),
            i18nc("@info:shell value name", "days")));
        parser.addOption(QCommandLineOption(compactOption,
            i18nc("@info:shell", "Compact the database file afterwards, giving unused space back to the disk.")));
        parser.addOption(SnapshotJson::formatOption(SnapshotJson::Formats::TextOrJson));
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QString format = parser.value(QStringLiteral("format"));
        if (!SnapshotJson::checkFormat(format, SnapshotJson::Formats::TextOrJson)) {
            return ExitCode::Usage;
        }
        WorkflowContext context = session.context();
        std::unique_ptr<RetentionJob> job;
        const auto compact = parser.isSet(compactOption) ? RetentionJob::Compact::Yes : RetentionJob::Compact::No;
        if (parser.isSet(keepOption) || parser.isSet(maxAgeOption) || compact == RetentionJob::Compact::Yes) {
            // Read the current setting first: an option left out keeps its value.
            RetentionJob read(context);
            if (const ExitCode code = session.runJob(read, CliSession::Assist::Stop); code != ExitCode::Ok) {
                return code;
            }
            RetentionPolicy policy = read.policy();
            if (!readLimit(parser, keepOption, &policy.keepNewest) ||
                !readLimit(parser, maxAgeOption, &policy.maxAgeDays)) {
                return ExitCode::Usage;
            }
            job = std::make_unique<RetentionJob>(context, policy, compact);
        } else {
            job = std::make_unique<RetentionJob>(context);
        }
        if (const ExitCode code = session.runJob(*job, CliSession::Assist::Stop); code != ExitCode::Ok) {
            return code;
        }
        const RetentionPolicy policy = job->policy();
        // What is stored now, after the change: read again.
        RetentionJob stored(context);
        if (const ExitCode code = session.runJob(stored, CliSession::Assist::Stop); code != ExitCode::Ok) {
            return code;
        }
        qsizetype snapshots = 0;
        for (const QList<SnapshotSummary> &connection : stored.storedSnapshots()) {
            snapshots += connection.size();
        }
        if (format == QLatin1String("json")) {
            CliOutput::outBytes(CliOutput::json(QJsonObject{
                {QStringLiteral("keep_newest"), policy.keepNewest},
                {QStringLiteral("max_age_days"), policy.maxAgeDays},
                {QStringLiteral("removed_snapshots"), job->removedSnapshots()},
                {QStringLiteral("stored_snapshots"), qint64(snapshots)},
                {QStringLiteral("database_bytes"), stored.databaseBytes()},
                {QStringLiteral("unused_bytes"), stored.unusedBytes() < 0 ? QJsonValue() : stored.unusedBytes()},
                {QStringLiteral("freed_bytes"), job->freedBytes()},
            }));
            return ExitCode::Ok;
        }
        CliOutput::out(policy.keepNewest > 0 ? i18ncp("@info:shell", "Snapshots kept per connection: the newest %1.",
                                                   "Snapshots kept per connection: the newest %1.", policy.keepNewest)
                                             : i18nc("@info:shell", "Snapshots kept per connection: no limit."));
        CliOutput::out(policy.maxAgeDays > 0 ? i18ncp("@info:shell", "Snapshots older than %1 day are removed.",
                                                   "Snapshots older than %1 days are removed.", policy.maxAgeDays)
                                             : i18nc("@info:shell", "Snapshots are kept whatever their age."));
        if (job->removedSnapshots() > 0) {
            CliOutput::out(
                i18ncp("@info:shell", "Removed %1 snapshot.", "Removed %1 snapshots.", job->removedSnapshots()));
        }
        CliOutput::out(i18ncp("@info:shell %2 is \"N connections\", %3 a size on disk",
            "Stored now: %1 snapshot of %2, taking %3.", "Stored now: %1 snapshots of %2, taking %3.", int(snapshots),
            i18ncp("@info:shell part of a sentence", "%1 connection", "%1 connections",
                int(stored.storedSnapshots().size())),
            QLocale().formattedDataSize(stored.databaseBytes())));
        if (compact == RetentionJob::Compact::Yes) {
            CliOutput::out(job->freedBytes() > 0
                    ? i18nc("@info:shell %1 a size on disk", "Compacting gave %1 back to the disk.",
                          QLocale().formattedDataSize(job->freedBytes()))
                    : stored.unusedBytes() < 0
                    ? i18nc("@info:shell", "A PostgreSQL store needs no compacting: its server reuses the space.")
                    : i18nc("@info:shell", "The database file had no unused space to give back."));
        } else if (stored.unusedBytes() > 0) {
            CliOutput::out(i18nc("@info:shell %1 a size on disk",
                "%1 of it is unused, left by removed snapshots: --compact gives it back to the disk.",
                QLocale().formattedDataSize(stored.unusedBytes())));
        }
        return ExitCode::Ok;
    }

private:
    static bool readLimit(const QCommandLineParser &parser, const QString &option, int *limit)
    {
        if (!parser.isSet(option)) {
            return true;
        }
        bool ok = false;
        const int value = parser.value(option).toInt(&ok);
        if (!ok || value < 0) {
            CliOutput::error(i18nc("@info:shell %1 option, %2 value",
                                 "--%1 must be 0 or a positive whole number, not %2.", option, parser.value(option)),
                i18nc("@info:shell", "See: ghe-license retention --help"));
            return false;
        }
        *limit = value;
        return true;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeRetentionCommand()
{
    return std::make_unique<RetentionCommand>();
}
} // namespace Glc
