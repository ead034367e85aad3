// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license lab: serves the license lab until SIGINT or SIGTERM.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "lab/laboptions.h"
#include "lab/licenselab.h"
#include "lab/quitonsignals.h"

#include <KLocalizedString>

#include <QCoreApplication>

namespace Glc {
namespace {
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
        const QuitOnSignals quitOnSignals;
        // Same lines as ghe-license-lab, so scripts can parse either.
        for (const QString &line : LabOptions::startedLines(lab)) {
            CliOutput::out(line);
        }
        CliOutput::err(i18nc("@info:shell",
            "Use it from another terminal: ghe-license connections add NAME --kind lab --url URL, with GH_TOKEN set "
            "to the token. Stop with Ctrl+C."));
        QCoreApplication::exec();
        return ExitCode::Ok;
    }
};
} // namespace

std::unique_ptr<CliCommand> makeLabCommand()
{
    return std::make_unique<LabCommand>();
}
} // namespace Glc
