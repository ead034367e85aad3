// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license add-server-usage: checks usage files like the console's drop zone, then uploads them.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "workflows/addserverusagejob.h"

#include <KLocalizedString>

namespace Glc {
namespace {
class AddServerUsageCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("add-server-usage"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Check license usage files of offline servers and add them to the enterprise.");
    }
    QString syntax() const override { return QStringLiteral("FILE..."); }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("wait"),
            i18nc("@info:shell", "When an administrator must upload in a browser, wait and confirm by polling.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("check-only"), i18nc("@info:shell", "Only check the files; upload nothing.")));
        parser.addOption(QCommandLineOption(QStringLiteral("new-server"),
            i18nc("@info:shell",
                "Also upload files of servers the enterprise does not list yet (an offline server's first upload).")));
        parser.addOption(CliSession::timeoutOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QStringList files = parser.positionalArguments();
        if (files.isEmpty()) {
            CliOutput::error(i18nc("@info:shell", "Name at least one usage file."),
                i18nc("@info:shell", "See: ghe-license add-server-usage --help"));
            return ExitCode::Usage;
        }
        if (const ExitCode code = session.applyTimeoutOption(parser, name()); code != ExitCode::Ok) {
            return code;
        }
        if (const ExitCode code = session.prepareConnection(); code != ExitCode::Ok) {
            return code;
        }
        // The checks compare with the servers of the latest snapshot: take one when there is none.
        LicenseSnapshot snapshot;
        if (const ExitCode code = session.latestSnapshot(&snapshot, false, CliSession::serversOnly());
            code != ExitCode::Ok) {
            return code;
        }
        const bool checkOnly = parser.isSet(QStringLiteral("check-only"));
        AddServerUsageJob job(
            session.context(), files, checkOnly ? AddServerUsageJob::Mode::CheckOnly : AddServerUsageJob::Mode::Upload);
        const bool newServers = parser.isSet(QStringLiteral("new-server"));
        job.setAllowNewServers(newServers);
        bool invalid = false;
        QObject guard;
        QObject::connect(&job, &AddServerUsageJob::fileChecked, &guard, [&job, &invalid, newServers](int index) {
            const UsageFileCheck::Outcome &check = job.results().at(index).check;
            if (check.problem == UsageFileCheck::Problem::UnknownServer && newServers) {
                CliOutput::err(i18nc("@info:shell %1 file, %2 host",
                    "%1: usage file of %2, a server the enterprise does not list yet (--new-server: its first upload)",
                    check.path, check.file.info.hostName));
            } else if (check.problem == UsageFileCheck::Problem::UnknownServer) {
                invalid = true;
                CliOutput::error(i18nc("@info:shell %1 file, %2 problem", "%1: %2", check.path, check.message),
                    i18nc("@info:shell", "Add --new-server if this is the server's first upload."));
            } else if (!check.ok()) {
                invalid = true;
                CliOutput::err(i18nc("@info:shell %1 file, %2 problem", "%1: %2", check.path, check.message));
            } else {
                CliOutput::err(i18nc("@info:shell %1 file, %2 host", "%1: valid usage file of %2", check.path,
                    check.file.info.hostName));
            }
        });
        ExitCode code = session.runJob(
            job, parser.isSet(QStringLiteral("wait")) ? CliSession::Assist::Wait : CliSession::Assist::Stop);
        bool stepsShown = false;
        for (const AddServerUsageJob::FileResult &result : job.results()) {
            if (!job.uploadable(result)) {
                continue;
            }
            if (result.state == UploadSyncState::Success) {
                CliOutput::out(i18nc("@info:shell %1 file", "%1: added", result.check.path));
            } else if (!result.error.isEmpty()) {
                CliOutput::err(
                    i18nc("@info:shell %1 file, %2 error", "%1: not added: %2", result.check.path, result.error));
            } else if (code == ExitCode::AssistNeeded) {
                // The job stops at the first file's steps; the others go the same way.
                if (stepsShown) {
                    CliOutput::out(i18nc("@info:shell %1 file", "Then upload %1 the same way.", result.check.path));
                }
                stepsShown = true;
            }
        }
        // The order scripts rely on (README, "Exit codes"): usage errors (2) come before anything is checked;
        // then any file that fails the checks or is not added (1) outweighs the browser steps for the
        // others (4); 0 only when every file was added (or, with --check-only, every file is valid).
        if (invalid) {
            return ExitCode::Failure;
        }
        if (checkOnly && code == ExitCode::Ok) {
            CliOutput::out(i18ncp("@info:shell", "%1 file can be added.", "%1 files can be added.", int(files.size())));
        }
        return code;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeAddServerUsageCommand()
{
    return std::make_unique<AddServerUsageCommand>();
}
} // namespace Glc
