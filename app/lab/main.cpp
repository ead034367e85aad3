// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license-lab: the license lab as a process, for curl, gh api and the benchmarks; serves until
// SIGINT or SIGTERM.
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "lab/laboptions.h"
#include "lab/licenselab.h"
#include "lab/quitonsignals.h"

#include <KLocalizedString>

#include <QCommandLineParser>
#include <QCoreApplication>

#include <cstdio>

namespace {
void printError(const QString &message)
{
    const QString text =
        message + QLatin1Char('\n') + i18nc("@info:shell", "See: ghe-license-lab --help") + QLatin1Char('\n');
    std::fputs(text.toUtf8().constData(), stderr);
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    Glc::ApplicationInfo::apply();
    Glc::Localization::setup(&app);
    QCoreApplication::setApplicationName(QStringLiteral("ghe-license-lab"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        i18nc("@info:shell", "A simulated GitHub Enterprise for trying the console, curl and gh.") +
        QLatin1String("\n\n") + Glc::LicenseLab::endpointsHelp());
    // Our own --help, like ghe-license's: Qt's --help-all lists Qt options that mean nothing here.
    const QCommandLineOption help(
        {QStringLiteral("h"), QStringLiteral("help")}, i18nc("@info:shell", "Show this help."));
    parser.addOption(help);
    const QCommandLineOption version = parser.addVersionOption();
    Glc::LabOptions::addOptions(parser);
    if (!parser.parse(QCoreApplication::arguments())) {
        printError(parser.errorText());
        return 2;
    }
    if (parser.isSet(help)) {
        std::fputs(parser.helpText().toUtf8().constData(), stdout);
        return 0;
    }
    if (parser.isSet(version)) {
        parser.showVersion();
    }
    if (!parser.positionalArguments().isEmpty()) {
        printError(i18nc("@info:shell", "Unexpected argument: %1", parser.positionalArguments().constFirst()));
        return 2;
    }
    Glc::LabConfig config;
    QString error;
    if (!Glc::LabOptions::apply(parser, &config, &error)) {
        printError(error);
        return 2;
    }
    Glc::LicenseLab lab(config);
    if (!lab.start(&error)) {
        std::fputs(
            (i18nc("@info:shell", "Cannot start the lab: %1", error) + QLatin1Char('\n')).toUtf8().constData(), stderr);
        return 1;
    }
    // Ctrl+C and SIGTERM end the event loop, so the lab's destructor cleans up (the --tls CA folder);
    // set before the lines are printed, which tell a script that it may stop the lab.
    const Glc::QuitOnSignals quitOnSignals;
    std::fputs(
        (Glc::LabOptions::startedLines(lab).join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8().constData(), stdout);
    std::fflush(stdout);
    return app.exec();
}
