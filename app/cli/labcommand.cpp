// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license lab: serves the license lab until SIGINT or SIGTERM.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
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
public:
    QString name() const override { return QStringLiteral("lab"); }
    QString summary() const override
    {
        return i18nc("@info:shell", "Serve the license lab (a simulated GitHub Enterprise) until interrupted.");
    }
    QString details() const override { return LicenseLab::endpointsHelp(); }
    bool needsSession() const override { return false; }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(
            QCommandLineOption(QStringLiteral("port"), i18nc("@info:shell", "Port to listen on (0: any free port)."),
                i18nc("@info:shell value name", "port"), QStringLiteral("0")));
        parser.addOption(QCommandLineOption(QStringLiteral("users"), i18nc("@info:shell", "Members on github.com."),
            i18nc("@info:shell value name", "count"), QStringLiteral("200")));
        parser.addOption(
            QCommandLineOption(QStringLiteral("servers"), i18nc("@info:shell", "Enterprise Server instances."),
                i18nc("@info:shell value name", "count"), QStringLiteral("3")));
        parser.addOption(QCommandLineOption(QStringLiteral("seed"), i18nc("@info:shell", "Seed of the generated data."),
            i18nc("@info:shell value name", "seed"), QString::number(CliSession::BuiltInLabSeed)));
        parser.addOption(
            QCommandLineOption(QStringLiteral("tls"), i18nc("@info:shell", "Serve HTTPS with a generated test CA.")));
        parser.addOption(QCommandLineOption(
            QStringLiteral("github-like"), i18nc("@info:shell", "No action endpoints, like real GitHub.")));
    }
    ExitCode run(CliSession &, const QCommandLineParser &parser) override
    {
        bool okPort = false;
        bool okUsers = false;
        bool okServers = false;
        bool okSeed = false;
        LabConfig config;
        const uint port = parser.value(QStringLiteral("port")).toUInt(&okPort);
        config.users = parser.value(QStringLiteral("users")).toInt(&okUsers);
        config.servers = parser.value(QStringLiteral("servers")).toInt(&okServers);
        config.seed = parser.value(QStringLiteral("seed")).toUInt(&okSeed);
        if (!okPort || port > 65535 || !okUsers || config.users < 0 || !okServers || config.servers < 0 || !okSeed) {
            CliOutput::error(i18nc("@info:shell", "--port, --users, --servers and --seed take non-negative numbers."),
                i18nc("@info:shell", "See: ghe-license lab --help"));
            return ExitCode::Usage;
        }
        config.port = quint16(port);
        config.tls = parser.isSet(QStringLiteral("tls"));
        config.githubLike = parser.isSet(QStringLiteral("github-like"));
        LicenseLab lab(config);
        QString why;
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
        CliOutput::out(i18nc("@info:shell", "URL: %1", lab.url().toString()));
        CliOutput::out(i18nc("@info:shell", "Token: %1", lab.token()));
        CliOutput::out(i18nc("@info:shell", "Enterprise: %1", lab.enterprise().slug()));
        CliOutput::out(
            i18nc("@info:shell", "Consumed licenses: %1", lab.enterprise().consumedLicenses().totalSeatsConsumed));
        if (config.tls) {
            CliOutput::out(i18nc("@info:shell", "CA certificate: %1", lab.caCertificateFile()));
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
