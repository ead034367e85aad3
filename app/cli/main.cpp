// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license: the console's work without a window, for cron and CI.
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "github/githubclientoptions.h"

#include <KLocalizedString>

#include <QCoreApplication>

#include <csignal>

using namespace Glc;

namespace {
QCommandLineOption storeOption()
{
    return QCommandLineOption(QStringLiteral("store"),
        i18nc("@info:shell", "The console's store: an SQLite file or a postgresql:// URL (default: %1).",
            LicenseStore::defaultLocation()),
        i18nc("@info:shell value name", "location"));
}

QCommandLineOption concurrencyOption()
{
    return QCommandLineOption(QStringLiteral("concurrency"),
        i18nc("@info:shell, %1 default, %2 most", "Requests to GitHub at once, 1 to %2 (default: %1).",
            GitHubClientOptions::DefaultConcurrency, GitHubClientOptions::MaxConcurrency),
        i18nc("@info:shell value name", "n"));
}

QCommandLineOption connectionOption()
{
    return QCommandLineOption(QStringLiteral("connection"),
        i18nc("@info:shell", "The connection to use (default: the only one configured, else the built-in lab)."),
        i18nc("@info:shell value name", "name"));
}

/// Our own -h/--help: QCommandLineParser::addHelpOption() also adds --help-all ("generic Qt options"),
/// whose text Qt's catalog leaves in English and whose Qt options mean nothing to a console tool.
QCommandLineOption helpOption()
{
    return QCommandLineOption({QStringLiteral("h"), QStringLiteral("help")}, i18nc("@info:shell", "Show this help."));
}

/// Tokens in arguments end up in shell history and process lists: refused before anything else is done.
bool hasTokenArgument(const QStringList &arguments)
{
    for (const QString &argument : arguments) {
        if (argument == QLatin1String("--token") || argument.startsWith(QLatin1String("--token="))) {
            return true;
        }
    }
    return false;
}

QString mainHelp(const QCommandLineParser &parser, const std::vector<std::unique_ptr<CliCommand>> &commands)
{
    QString text = parser.helpText();
    text += QLatin1Char('\n') + i18nc("@info:shell", "Commands:") + QLatin1Char('\n');
    for (const auto &command : commands) {
        text += QStringLiteral("  %1%2\n").arg(command->name(), -20).arg(command->summary());
    }
    text += QLatin1Char('\n') + i18nc("@info:shell", "Run “ghe-license COMMAND --help” for the options of a command.");
    text += QLatin1Char('\n') +
        i18nc("@info:shell",
            "Exit codes: 0 ok, 1 failure, 2 usage error, 3 threshold crossed or something needs attention, 4 assisted "
            "action needed.");
    text += QLatin1Char('\n') +
        i18nc("@info:shell",
            "Tokens come from GH_ENTERPRISE_TOKEN, GH_TOKEN or GITHUB_TOKEN, or the keychain; never from an "
            "argument.");
    return text;
}
/// Parses the arguments and runs the command they name; returns its exit code.
int runCommand()
{
    const QStringList arguments = QCoreApplication::arguments();
    const auto refuseToken = [] {
        CliOutput::error(i18nc("@info:shell", "ghe-license does not accept a token on the command line."),
            i18nc("@info:shell",
                "A token in an argument shows in the process list and the shell history. Set GH_TOKEN (or "
                "GH_ENTERPRISE_TOKEN) in the environment, or save the token in the keychain with the console."));
        return int(ExitCode::Usage);
    };

    const auto commands = cliCommands();
    QCommandLineParser global;
    global.setApplicationDescription(
        i18nc("@info:shell", "Reports and actions of GHE License Console, without a window."));
    const QCommandLineOption help = helpOption();
    global.addOption(help);
    const QCommandLineOption version = global.addVersionOption();
    const QCommandLineOption store = storeOption();
    const QCommandLineOption connection = connectionOption();
    const QCommandLineOption concurrency = concurrencyOption();
    global.addOptions({store, connection, concurrency});
    global.addPositionalArgument(QStringLiteral("command"), i18nc("@info:shell", "The command to run."),
        i18nc("@info:shell", "COMMAND [options]"));
    global.setOptionsAfterPositionalArgumentsMode(QCommandLineParser::ParseAsPositionalArguments);
    if (!global.parse(arguments)) {
        if (hasTokenArgument(arguments)) {
            return refuseToken();
        }
        CliOutput::error(global.errorText(), i18nc("@info:shell", "See: ghe-license --help"));
        return int(ExitCode::Usage);
    }
    if (global.isSet(version)) {
        CliOutput::out(QStringLiteral("ghe-license %1").arg(QCoreApplication::applicationVersion()));
        return int(ExitCode::Ok);
    }
    const QStringList positional = global.positionalArguments();
    // Except `lab --token`: the token the lab itself accepts, a test token it prints anyway.
    if (hasTokenArgument(positional) && positional.constFirst() != QLatin1String("lab")) {
        return refuseToken();
    }
    if (global.isSet(help) || positional.isEmpty()) {
        if (positional.isEmpty() && !global.isSet(help)) {
            CliOutput::err(mainHelp(global, commands));
            return int(ExitCode::Usage);
        }
        CliOutput::out(mainHelp(global, commands));
        return int(ExitCode::Ok);
    }
    CliCommand *command = nullptr;
    for (const auto &candidate : commands) {
        if (candidate->name() == positional.constFirst()) {
            command = candidate.get();
        }
    }
    if (!command) {
        CliOutput::error(i18nc("@info:shell", "Unknown command: %1", positional.constFirst()),
            i18nc("@info:shell", "See: ghe-license --help"));
        return int(ExitCode::Usage);
    }

    QCommandLineParser parser;
    const QString details = command->details();
    parser.setApplicationDescription(
        details.isEmpty() ? command->summary() : command->summary() + QLatin1String("\n\n") + details);
    const QCommandLineOption commandHelp = helpOption();
    parser.addOption(commandHelp);
    if (command->needsSession()) {
        parser.addOptions({store, connection, concurrency});
    }
    command->addOptions(parser);
    parser.addPositionalArgument(command->name(), command->summary(),
        command->syntax().isEmpty() ? command->name() : command->name() + QLatin1Char(' ') + command->syntax());
    QStringList commandArguments = positional;
    commandArguments.first() = arguments.constFirst();
    if (!parser.parse(commandArguments)) {
        CliOutput::error(parser.errorText(), i18nc("@info:shell", "See: ghe-license %1 --help", command->name()));
        return int(ExitCode::Usage);
    }
    if (parser.isSet(commandHelp)) {
        CliOutput::out(parser.helpText());
        return int(ExitCode::Ok);
    }
    // `check 95` is not `check --max-used-percent 95`: a word a command takes no word for is refused, not ignored.
    if (command->syntax().isEmpty() && !parser.positionalArguments().isEmpty()) {
        CliOutput::error(
            i18nc("@info:shell %1 command, %2 what was given", "%1 takes no arguments, only options: “%2”.",
                command->name(), parser.positionalArguments().join(QLatin1Char(' '))),
            i18nc("@info:shell", "See: ghe-license %1 --help", command->name()));
        return int(ExitCode::Usage);
    }
    const QString storeLocation =
        command->needsSession() && parser.isSet(store) ? parser.value(store) : global.value(store);
    const QString connectionName =
        command->needsSession() && parser.isSet(connection) ? parser.value(connection) : global.value(connection);
    CliSession session(storeLocation, connectionName);
    const bool commandConcurrency = command->needsSession() && parser.isSet(concurrency);
    if (commandConcurrency || global.isSet(concurrency)) {
        const QString text = commandConcurrency ? parser.value(concurrency) : global.value(concurrency);
        bool ok = false;
        const int n = text.toInt(&ok);
        if (!ok || n < 1 || n > GitHubClientOptions::MaxConcurrency) {
            CliOutput::error(i18nc("@info:shell %1 value, %2 most", "--concurrency takes 1 to %2, not “%1”.", text,
                                 GitHubClientOptions::MaxConcurrency),
                i18nc("@info:shell", "See: ghe-license --help"));
            return int(ExitCode::Usage);
        }
        session.setConcurrency(n);
    }
    if (command->needsSession()) {
        if (const ExitCode code = session.openStore(); code != ExitCode::Ok) {
            return int(code);
        }
    }
    return int(command->run(session, parser));
}
} // namespace

int main(int argc, char **argv)
{
    // A reader that went away (`ghe-license users | head`) makes a write fail with EPIPE, which finish() tells
    // apart, rather than kill the process half-way; Qt's sockets ignore SIGPIPE anyway once one is used.
    std::signal(SIGPIPE, SIG_IGN);
    QCoreApplication app(argc, argv);
    Localization::setup(&app);
    // The console's names, kept: they place the store, the settings and the keychain entries that
    // ghe-license shares with it.
    ApplicationInfo::apply();
    return CliOutput::finish(runCommand());
}
