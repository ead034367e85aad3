// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license sync-now: "Sync now" for servers; automatic on the lab, assisted elsewhere.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "core/dateformat.h"
#include "workflows/syncnowjob.h"

#include <KLocalizedString>

#include <QLocale>

namespace Glc {
namespace {
class SyncNowCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("sync-now"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Sync the license usage of Enterprise Server instances now.");
    }
    QString syntax() const override { return QStringLiteral("SERVER...|--all"); }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("all"), i18nc("@info:shell", "Sync every server.")));
        parser.addOption(QCommandLineOption(QStringLiteral("wait"),
            i18nc("@info:shell", "When an administrator must act in a browser, wait and confirm by polling.")));
        parser.addOption(CliSession::timeoutOption());
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QStringList hosts = parser.positionalArguments();
        const bool all = parser.isSet(QStringLiteral("all"));
        if (hosts.isEmpty() == !all) {
            CliOutput::error(i18nc("@info:shell", "Name the servers to sync, or use --all."),
                i18nc("@info:shell", "See: ghe-license sync-now --help"));
            return ExitCode::Usage;
        }
        if (const ExitCode code = session.applyTimeoutOption(parser, name()); code != ExitCode::Ok) {
            return code;
        }
        if (const ExitCode code = session.prepareConnection(); code != ExitCode::Ok) {
            return code;
        }
        SyncNowJob job(session.contextWithLinkedServers(), hosts);
        const ExitCode code = session.runJob(
            job, parser.isSet(QStringLiteral("wait")) ? CliSession::Assist::Wait : CliSession::Assist::Stop);
        const QLocale locale;
        bool allSucceeded = true;
        for (const SyncNowJob::ServerResult &result : job.results()) {
            if (result.success) {
                CliOutput::out(i18nc("@info:shell %1 host, %2 date", "%1: synced at %2", result.hostname,
                    DateFormat::toString(result.syncedAt.toLocalTime(), locale)));
            } else {
                allSucceeded = false;
                CliOutput::err(i18nc("@info:shell %1 host, %2 error", "%1: the sync failed: %2", result.hostname,
                    result.error.isEmpty() ? i18nc("@info:shell", "not confirmed") : result.error));
            }
        }
        if (code == ExitCode::Ok && !allSucceeded) {
            return ExitCode::Failure;
        }
        return code;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeSyncNowCommand()
{
    return std::make_unique<SyncNowCommand>();
}
} // namespace Glc
