// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license lab: serves the license lab until SIGINT or SIGTERM.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "lab/laboptions.h"
#include "lab/licenselab.h"

#include <KLocalizedString>

#include <QCoreApplication>
#include <QSocketNotifier>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

namespace Glc {
namespace {
int s_signalPipe[2] = {-1, -1};

void onSignal(int)
{
    // Only async-signal-safe work here: wake the event loop through the pipe.
    const char byte = 1;
    [[maybe_unused]] const ssize_t written = ::write(s_signalPipe[1], &byte, 1);
}

class LabCommand : public CliCommand
{
    /// The built-in lab's seed unless --seed says otherwise, so both give the same enterprise.
    static LabConfig defaults()
    {
        LabConfig config;
        config.seed = CliSession::BuiltInLabSeed;
        return config;
    }

public:
    QString name() const override { return QStringLiteral("lab"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Serve the license lab (a simulated GitHub Enterprise) until interrupted.");
    }
    QString details() const override { return LicenseLab::endpointsHelp(); }
    bool needsSession() const override { return false; }
    void addOptions(QCommandLineParser &parser) override { LabOptions::addOptions(parser, defaults()); }
    ExitCode run(CliSession &, const QCommandLineParser &parser) override
    {
        LabConfig config = defaults();
        QString why;
        if (!LabOptions::apply(parser, &config, &why)) {
            CliOutput::error(why, i18nc("@info:shell", "See: ghe-license lab --help"));
            return ExitCode::Usage;
        }
        LicenseLab lab(config);
        if (!lab.start(&why)) {
            CliOutput::error(i18nc("@info:shell", "Cannot start the lab: %1", why));
            return ExitCode::Failure;
        }
        if (::socketpair(AF_UNIX, SOCK_STREAM, 0, s_signalPipe) != 0) {
            return ExitCode::Failure;
        }
        QSocketNotifier notifier(s_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(
            &notifier, &QSocketNotifier::activated, QCoreApplication::instance(), [] { QCoreApplication::quit(); });
        std::signal(SIGINT, onSignal);
        std::signal(SIGTERM, onSignal);
        // Same lines as ghe-license-lab, so scripts can parse either.
        for (const QString &line : LabOptions::startedLines(lab)) {
            CliOutput::out(line);
        }
        CliOutput::err(i18nc("@info:shell",
            "Use it from another terminal: ghe-license connections add NAME --kind lab --url URL, with GH_TOKEN set "
            "to the token. Stop with Ctrl+C."));
        QCoreApplication::exec();
        std::signal(SIGINT, SIG_DFL);
        std::signal(SIGTERM, SIG_DFL);
        ::close(s_signalPipe[0]);
        ::close(s_signalPipe[1]);
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeLabCommand()
{
    return std::make_unique<LabCommand>();
}
} // namespace Glc
