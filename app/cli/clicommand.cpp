// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clicommand.h"

#include "cli/clisession.h"
#include "cli/snapshotjson.h"
#include "licensing/licensevalues.h"

#include <KLocalizedString>

namespace Glc {
void ReportCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption(SnapshotJson::formatOption(formats()));
    parser.addOption(SnapshotJson::refreshOption());
    if (readsReportFiles()) {
        parser.addOption(SnapshotJson::fileOption());
    }
}

ExitCode ReportCommand::run(CliSession &session, const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (!SnapshotJson::checkFormat(format, formats())) {
        return ExitCode::Usage;
    }
    if (const ExitCode code = checkOptions(parser, format); code != ExitCode::Ok) {
        return code;
    }
    LicenseSnapshot snapshot;
    if (const ExitCode code = session.reportSnapshot(parser, &snapshot, parts()); code != ExitCode::Ok) {
        return code;
    }
    return report(session, snapshot, format, parser);
}

void StoreListCommand::addOptions(QCommandLineParser &parser)
{
    parser.addOption(
        QCommandLineOption(QStringLiteral("server"), serverHelp(), i18nc("@info:shell value name", "server")));
    parser.addOption(SnapshotJson::formatOption(SnapshotJson::Formats::TextOrJson));
}

ExitCode StoreListCommand::run(CliSession &session, const QCommandLineParser &parser)
{
    const QString format = parser.value(QStringLiteral("format"));
    if (!SnapshotJson::checkFormat(format, SnapshotJson::Formats::TextOrJson)) {
        return ExitCode::Usage;
    }
    if (const ExitCode code = session.chooseConnection(); code != ExitCode::Ok) {
        return code;
    }
    return list(session, parser.value(QStringLiteral("server")), format == QLatin1String("json"));
}

std::vector<std::unique_ptr<CliCommand>> cliCommands()
{
    std::vector<std::unique_ptr<CliCommand>> commands;
    commands.push_back(makeConnectionsCommand());
    commands.push_back(makeRefreshCommand());
    commands.push_back(makeStatusCommand());
    commands.push_back(makeAttentionCommand());
    commands.push_back(makeSummaryCommand());
    commands.push_back(makeUsersCommand());
    commands.push_back(makeCountedTwiceCommand());
    commands.push_back(makeChangesCommand());
    commands.push_back(makeOrganizationsCommand());
    commands.push_back(makeSyncNowCommand());
    commands.push_back(makeSyncHistoryCommand());
    commands.push_back(makeExportCommand());
    commands.push_back(makeAddServerUsageCommand());
    commands.push_back(makeUsageFilesCommand());
    commands.push_back(makeLabCommand());
    commands.push_back(makeCheckCommand());
    commands.push_back(makeRetentionCommand());
    return commands;
}
} // namespace Glc
