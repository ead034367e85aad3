// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license export: "Export license usage" of one server into a file.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "workflows/exportusagejob.h"

#include <KLocalizedString>

#include <QDate>
#include <QFileInfo>
#include <QTimer>

namespace Glc {
namespace {
class ExportCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("export"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Export the license usage of an Enterprise Server instance into a file.");
    }
    QString syntax() const override { return QStringLiteral("SERVER"); }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption({QStringLiteral("o"), QStringLiteral("output")},
            i18nc("@info:shell", "The file to write (default: HOST-license-usage-DATE.json)."),
            i18nc("@info:shell value name", "file")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("force"), i18nc("@info:shell", "Replace the file when it exists.")));
        parser.addOption(QCommandLineOption(QStringLiteral("from"),
            i18nc("@info:shell", "Assisted export: the file the administrator downloaded from the server."),
            i18nc("@info:shell value name", "file")));
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QStringList positional = parser.positionalArguments();
        if (positional.size() != 1) {
            CliOutput::error(i18nc("@info:shell", "Name exactly one server to export."),
                i18nc("@info:shell", "See: ghe-license export --help"));
            return ExitCode::Usage;
        }
        const QString host = positional.constFirst();
        const QString target = parser.isSet(QStringLiteral("output"))
            ? parser.value(QStringLiteral("output"))
            : ExportUsageJob::defaultFileName(host, QDate::currentDate());
        if (const ExitCode code = session.prepareConnection(); code != ExitCode::Ok) {
            return code;
        }
        ExportUsageJob job(session.contextWithLinkedServers(), host, target, parser.isSet(QStringLiteral("force")));
        const QString from = parser.value(QStringLiteral("from"));
        QObject guard;
        if (!from.isEmpty()) {
            // The admin already downloaded the file: hand it over as soon as the job asks for it.
            QObject::connect(&job, &WorkflowJob::assistRequired, &guard,
                [&job, from] { QTimer::singleShot(0, &job, [&job, from] { job.provideDownloadedFile(from); }); });
        }
        const ExitCode code = session.runJob(job, from.isEmpty() ? CliSession::Assist::Stop : CliSession::Assist::Wait);
        if (code == ExitCode::AssistNeeded) {
            CliOutput::err(i18nc("@info:shell", "Then run again with --from DOWNLOADED-FILE to check and save it."));
        }
        if (code != ExitCode::Ok) {
            if (job.targetExists()) {
                CliOutput::err(i18nc("@info:shell", "Use --force to replace it."));
            }
            return code;
        }
        const UsageFileInfo &info = job.summary().info;
        CliOutput::out(i18nc("@info:shell %1 file, %2 host, %3 version", "Exported %2 (version %3) to %1.",
            job.targetPath(), info.hostName, info.version));
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeExportCommand()
{
    return std::make_unique<ExportCommand>();
}
} // namespace Glc
