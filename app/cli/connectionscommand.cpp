// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license connections list|add|remove|test
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "cli/clitoken.h"
#include "cli/snapshotjson.h"
#include "github/githubclient.h"
#include "github/keychaintokenstore.h"
#include "workflows/connectiontestjob.h"

#include <KLocalizedString>

#include <QFileInfo>

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace Glc {
namespace {
QString kindName(Connection::Kind kind)
{
    switch (kind) {
    case Connection::Kind::Lab:
        return QStringLiteral("lab");
    case Connection::Kind::Cloud:
        return QStringLiteral("cloud");
    case Connection::Kind::Server:
        return QStringLiteral("server");
    }
    return {};
}

QJsonValue adminShellJson(const Connection &c)
{
    if (c.kind != Connection::Kind::Server || !c.adminShell.enabled) {
        return QJsonValue::Null;
    }
    return QJsonObject{{QStringLiteral("user"), c.adminShell.user}, {QStringLiteral("port"), c.adminShell.port},
        {QStringLiteral("identity_file"), c.adminShell.identityFile},
        {QStringLiteral("command"), c.adminShell.command}};
}

const Connection *findConnection(const QList<Connection> &connections, const QString &name)
{
    for (const Connection &c : connections) {
        if (c.id != CliSession::builtInLabName() && (c.name == name || c.id == name)) {
            return &c;
        }
    }
    return nullptr;
}

class ConnectionsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("connections"); }
    QString summary() const override { return i18nc("@info:shell", "List, add, remove and test connections."); }
    QString syntax() const override
    {
        return QStringLiteral("list|add NAME|remove NAME|test [NAME]|set-token NAME|upload-interval NAME [DAYS]");
    }
    void addOptions(QCommandLineParser &parser) override
    {
        parser.addOption(QCommandLineOption(QStringLiteral("kind"), i18nc("@info:shell", "add: cloud, server or lab."),
            i18nc("@info:shell value name", "kind"), QStringLiteral("cloud")));
        parser.addOption(QCommandLineOption(QStringLiteral("enterprise"),
            i18nc("@info:shell", "add: the enterprise slug (Cloud, lab)."), i18nc("@info:shell value name", "slug")));
        parser.addOption(QCommandLineOption(QStringLiteral("subdomain"),
            i18nc("@info:shell", "add: the GHE.com subdomain (Cloud with data residency)."),
            i18nc("@info:shell value name", "subdomain")));
        parser.addOption(QCommandLineOption(QStringLiteral("host"),
            i18nc("@info:shell", "add: the Enterprise Server host name."), i18nc("@info:shell value name", "host")));
        parser.addOption(QCommandLineOption(QStringLiteral("url"),
            i18nc("@info:shell", "add: the URL of a lab started with “ghe-license lab”."),
            i18nc("@info:shell value name", "url")));
        parser.addOption(QCommandLineOption(QStringLiteral("ca-file"),
            i18nc("@info:shell", "add: an extra CA certificate (PEM) for a private CA."),
            i18nc("@info:shell value name", "file")));
        parser.addOption(QCommandLineOption(QStringLiteral("token-stdin"),
            i18nc("@info:shell",
                "add: read the token from standard input and save it in the keychain (set-token always does).")));
        parser.addOption(QCommandLineOption(QStringLiteral("admin-shell"),
            i18nc("@info:shell",
                "add, Server: export license usage over the admin shell (ssh -p 122 admin@HOST ghe-license usage).")));
        parser.addOption(QCommandLineOption(QStringLiteral("admin-shell-user"),
            i18nc("@info:shell", "add, Server: the admin shell user (default: admin); implies --admin-shell."),
            i18nc("@info:shell value name", "user")));
        parser.addOption(QCommandLineOption(QStringLiteral("admin-shell-port"),
            i18nc("@info:shell", "add, Server: the admin shell port (default: 122); implies --admin-shell."),
            i18nc("@info:shell value name", "port")));
        parser.addOption(QCommandLineOption(QStringLiteral("admin-shell-identity"),
            i18nc("@info:shell",
                "add, Server: the ssh private key (default: your keys and agent); implies --admin-shell."),
            i18nc("@info:shell value name", "file")));
        parser.addOption(QCommandLineOption(QStringLiteral("admin-shell-command"),
            i18nc("@info:shell",
                "add, Server: the remote command (default: chosen from the server's version, ghe-license usage or "
                "ghe-license-usage); implies --admin-shell."),
            i18nc("@info:shell value name", "command")));
        parser.addOption(SnapshotFormat());
    }
    static QCommandLineOption SnapshotFormat()
    {
        return QCommandLineOption(QStringLiteral("format"), i18nc("@info:shell", "list: text or json."),
            i18nc("@info:shell value name", "format"), QStringLiteral("text"));
    }
    ExitCode run(CliSession &session, const QCommandLineParser &parser) override
    {
        const QStringList args = parser.positionalArguments();
        const QString action = args.value(0);
        if (action == QLatin1String("list") && args.size() == 1) {
            return list(session, parser.value(QStringLiteral("format")));
        }
        if (action == QLatin1String("add") && args.size() == 2) {
            return add(session, parser, args.at(1));
        }
        if (action == QLatin1String("remove") && args.size() == 2) {
            return remove(session, args.at(1));
        }
        if (action == QLatin1String("test") && args.size() <= 2) {
            return test(session, args.value(1));
        }
        if (action == QLatin1String("set-token") && args.size() == 2) {
            return setToken(session, args.at(1));
        }
        if (action == QLatin1String("upload-interval") && (args.size() == 2 || args.size() == 3)) {
            return uploadInterval(session, args.at(1), args.value(2));
        }
        CliOutput::error(i18nc("@info:shell",
                             "Use: connections list, add NAME, remove NAME, test [NAME], set-token NAME or "
                             "upload-interval NAME [DAYS]."),
            i18nc("@info:shell", "See: ghe-license connections --help"));
        return ExitCode::Usage;
    }

private:
    ExitCode list(CliSession &session, const QString &format)
    {
        if (!SnapshotJson::checkFormat(format, SnapshotJson::Formats::TextOrJson)) {
            return ExitCode::Usage;
        }
        const StoreResult<QList<Connection>> connections = session.store().connections();
        if (!connections.ok()) {
            CliOutput::error(connections.error.message, connections.error.nextStep());
            return ExitCode::Failure;
        }
        if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const Connection &c : connections.value) {
                if (c.id == CliSession::builtInLabName()) {
                    continue;
                }
                const StoreResult<std::optional<int>> uploadDays = session.store().uploadDays(c.id);
                if (!uploadDays.ok()) {
                    CliOutput::error(uploadDays.error.message, uploadDays.error.nextStep());
                    return ExitCode::Failure;
                }
                array.append(QJsonObject{
                    {QStringLiteral("upload_days"), uploadDays.value ? QJsonValue(*uploadDays.value) : QJsonValue()},
                    {QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name},
                    {QStringLiteral("kind"), kindName(c.kind)}, {QStringLiteral("enterprise"), c.enterpriseSlug},
                    {QStringLiteral("subdomain"), c.gheComSubdomain}, {QStringLiteral("host"), c.serverHost},
                    {QStringLiteral("url"), c.restBase().toString()},
                    {QStringLiteral("admin_shell"), adminShellJson(c)}});
            }
            CliOutput::outBytes(CliOutput::json(array));
            return ExitCode::Ok;
        }
        if (std::none_of(connections.value.cbegin(), connections.value.cend(),
                [](const Connection &c) { return c.id != CliSession::builtInLabName(); })) {
            CliOutput::out(i18nc("@info:shell", "No connections: commands use the built-in lab."));
        }
        for (const Connection &c : connections.value) {
            if (c.id == CliSession::builtInLabName()) {
                continue;
            }
            CliOutput::out(QStringLiteral("%1\t%2\t%3").arg(c.name, kindName(c.kind), c.restBase().toString()));
        }
        return ExitCode::Ok;
    }

    ExitCode add(CliSession &session, const QCommandLineParser &parser, const QString &name)
    {
        Connection connection;
        connection.id = QUuid::createUuid().toString(QUuid::WithoutBraces);
        connection.name = name;
        const QString kind = parser.value(QStringLiteral("kind"));
        connection.enterpriseSlug = parser.value(QStringLiteral("enterprise"));
        connection.caFile = parser.value(QStringLiteral("ca-file"));
        if (!connection.caFile.isEmpty()) {
            connection.caFile = QFileInfo(connection.caFile).absoluteFilePath(); // used from any folder later
            if (const QString problem = GitHubClient::caFileProblem(connection.caFile); !problem.isEmpty()) {
                CliOutput::error(
                    problem, i18nc("@info:shell", "Give --ca-file a readable PEM file with the CA certificate."));
                return ExitCode::Failure;
            }
        }
        if (kind == QLatin1String("cloud")) {
            connection.kind = Connection::Kind::Cloud;
            connection.gheComSubdomain = parser.value(QStringLiteral("subdomain"));
            if (connection.enterpriseSlug.isEmpty()) {
                CliOutput::error(i18nc("@info:shell", "A Cloud connection needs --enterprise SLUG."));
                return ExitCode::Usage;
            }
        } else if (kind == QLatin1String("server")) {
            connection.kind = Connection::Kind::Server;
            connection.serverHost = parser.value(QStringLiteral("host"));
            if (connection.serverHost.isEmpty()) {
                CliOutput::error(i18nc("@info:shell", "A Server connection needs --host HOST."));
                return ExitCode::Usage;
            }
            if (const ExitCode code = readAdminShell(parser, &connection.adminShell); code != ExitCode::Ok) {
                return code;
            }
        } else if (kind == QLatin1String("lab")) {
            connection.kind = Connection::Kind::Lab;
            connection.labUrl = QUrl(parser.value(QStringLiteral("url")));
            if (connection.enterpriseSlug.isEmpty()) {
                connection.enterpriseSlug = QStringLiteral("lab");
            }
            if (!connection.labUrl.isEmpty() && !connection.labUrl.isValid()) {
                CliOutput::error(i18nc("@info:shell", "Not a valid URL: %1", parser.value(QStringLiteral("url"))));
                return ExitCode::Usage;
            }
        } else {
            CliOutput::error(i18nc("@info:shell", "Unknown kind: %1", kind),
                i18nc("@info:shell", "Use --kind cloud, server or lab."));
            return ExitCode::Usage;
        }
        if (connection.kind != Connection::Kind::Server && hasAdminShellOption(parser)) {
            CliOutput::error(
                i18nc("@info:shell", "The admin shell options are for Server connections (--kind server)."));
            return ExitCode::Usage;
        }
        const bool withToken = parser.isSet(QStringLiteral("token-stdin"));
        if (withToken && connection.kind == Connection::Kind::Lab && connection.labUrl.isEmpty()) {
            CliOutput::error(
                i18nc("@info:shell", "The built-in lab needs no token; --token-stdin is for a lab with --url."));
            return ExitCode::Usage;
        }
        const StoreResult<QList<Connection>> existing = session.store().connections();
        if (!existing.ok()) {
            CliOutput::error(existing.error.message, existing.error.nextStep());
            return ExitCode::Failure;
        }
        for (const Connection &c : existing.value) {
            if (c.name == name) {
                CliOutput::error(i18nc("@info:shell", "A connection named %1 already exists.", name));
                return ExitCode::Failure;
            }
        }
        // The token first: when the keychain refuses it, nothing is added and the command can simply be rerun.
        if (withToken) {
            if (const ExitCode code = storeToken(connection, false); code != ExitCode::Ok) {
                return code;
            }
        }
        if (const StoreError error = session.store().saveConnection(connection); error.isError()) {
            if (withToken) {
                CliToken::remove(connection.id);
            }
            CliOutput::error(error.message, error.nextStep());
            return ExitCode::Failure;
        }
        CliOutput::out(i18nc("@info:shell", "Added the connection %1.", name));
        return ExitCode::Ok;
    }

    static bool hasAdminShellOption(const QCommandLineParser &parser)
    {
        for (const char *option :
            {"admin-shell", "admin-shell-user", "admin-shell-port", "admin-shell-identity", "admin-shell-command"}) {
            if (parser.isSet(QLatin1String(option))) {
                return true;
            }
        }
        return false;
    }

    /// The console's admin-shell settings from --admin-shell*; any of them turns the admin shell on.
    static ExitCode readAdminShell(const QCommandLineParser &parser, Connection::AdminShell *shell)
    {
        shell->enabled = hasAdminShellOption(parser);
        if (parser.isSet(QStringLiteral("admin-shell-user"))) {
            shell->user = parser.value(QStringLiteral("admin-shell-user"));
        }
        if (parser.isSet(QStringLiteral("admin-shell-port"))) {
            bool ok = false;
            shell->port = parser.value(QStringLiteral("admin-shell-port")).toInt(&ok);
            if (!ok || shell->port < 1 || shell->port > 65535) {
                CliOutput::error(i18nc("@info:shell", "--admin-shell-port takes a port number from 1 to 65535."),
                    i18nc("@info:shell", "See: ghe-license connections --help"));
                return ExitCode::Usage;
            }
        }
        shell->identityFile = parser.value(QStringLiteral("admin-shell-identity"));
        shell->command = parser.value(QStringLiteral("admin-shell-command"));
        if (shell->user.isEmpty()) {
            CliOutput::error(i18nc("@info:shell", "--admin-shell-user must not be empty."),
                i18nc("@info:shell", "See: ghe-license connections --help"));
            return ExitCode::Usage;
        }
        return ExitCode::Ok;
    }

    /// Reads the token from standard input and saves it in the keychain under the connection's id.
    static ExitCode storeToken(const Connection &connection, bool replacing)
    {
        const QString token = CliToken::readStandardInput();
        if (token.isEmpty()) {
            CliOutput::error(i18nc("@info:shell", "No token on standard input."),
                i18nc("@info:shell",
                    "Pass the token on standard input, for example: ghe-license connections "
                    "set-token NAME < FILE-WITH-TOKEN"));
            return ExitCode::Usage;
        }
        if (const QString error = CliToken::save(connection.id, token); !error.isEmpty()) {
            CliOutput::error(replacing
                    ? i18nc("@info:shell", "The token of %1 was not saved in the keychain.", connection.name)
                    : i18nc("@info:shell",
                          "The token of %1 was not saved in the keychain, so the connection was "
                          "not added.",
                          connection.name),
                error + QLatin1Char('\n') +
                    (replacing ? i18nc("@info:shell",
                                     "Without a keychain, set GH_TOKEN (or GH_ENTERPRISE_TOKEN for an Enterprise "
                                     "Server) in the environment of ghe-license instead.")
                               : i18nc("@info:shell",
                                     "Without a keychain, add the connection without --token-stdin and set GH_TOKEN "
                                     "(or GH_ENTERPRISE_TOKEN for an Enterprise Server) in the environment of "
                                     "ghe-license.")));
            return ExitCode::Failure;
        }
        return ExitCode::Ok;
    }

    ExitCode setToken(CliSession &session, const QString &name)
    {
        const StoreResult<QList<Connection>> existing = session.store().connections();
        if (!existing.ok()) {
            CliOutput::error(existing.error.message, existing.error.nextStep());
            return ExitCode::Failure;
        }
        const Connection *connection = findConnection(existing.value, name);
        if (!connection) {
            CliOutput::error(i18nc("@info:shell", "There is no connection named %1.", name),
                i18nc("@info:shell", "List the connections with: ghe-license connections list"));
            return ExitCode::Failure;
        }
        if (connection->kind == Connection::Kind::Lab && connection->labUrl.isEmpty()) {
            CliOutput::error(
                i18nc("@info:shell", "The built-in lab needs no token; --token-stdin is for a lab with --url."));
            return ExitCode::Usage;
        }
        if (const ExitCode code = storeToken(*connection, true); code != ExitCode::Ok) {
            return code;
        }
        CliOutput::out(i18nc("@info:shell", "Saved the token of %1 in the keychain.", connection->name));
        return ExitCode::Ok;
    }

    ExitCode remove(CliSession &session, const QString &name)
    {
        const StoreResult<QList<Connection>> existing = session.store().connections();
        if (!existing.ok()) {
            CliOutput::error(existing.error.message, existing.error.nextStep());
            return ExitCode::Failure;
        }
        // Also the stored built-in lab (name "lab"), to drop its snapshots.
        const auto it = std::find_if(existing.value.cbegin(), existing.value.cend(),
            [&name](const Connection &c) { return c.name == name || c.id == name; });
        if (it != existing.value.cend()) {
            const Connection *c = &*it;
            if (const StoreError error = session.store().removeConnection(c->id); error.isError()) {
                CliOutput::error(error.message, error.nextStep());
                return ExitCode::Failure;
            }
            CliOutput::out(i18nc("@info:shell", "Removed the connection %1 with its snapshots.", c->name));
            // Its keychain entry goes too; without a keychain there is nothing to remove, so that stays quiet.
            if (c->id != CliSession::builtInLabName()) {
                const QString error = CliToken::remove(c->id);
                if (!error.isEmpty() && error != KeychainTokenStore::noKeychainMessage()) {
                    CliOutput::err(i18nc("@info:shell", "The token of %1 stays in the keychain: %2", c->name, error));
                }
            }
            return ExitCode::Ok;
        }
        CliOutput::error(i18nc("@info:shell", "There is no connection named %1.", name),
            i18nc("@info:shell", "List the connections with: ghe-license connections list"));
        return ExitCode::Failure;
    }

    /// Shows the upload interval of a connection's servers without GitHub Connect (the console's Upload
    /// Interval…), or sets it to @p days.
    ExitCode uploadInterval(CliSession &session, const QString &name, const QString &days)
    {
        session.setConnectionName(name);
        if (const ExitCode code = session.chooseConnection(); code != ExitCode::Ok) {
            return code;
        }
        const Connection &connection = session.connection();
        if (!days.isEmpty()) {
            bool number = false;
            const int value = days.toInt(&number);
            if (!number || value < LicenseCadence::MinUploadDays || value > LicenseCadence::MaxUploadDays) {
                CliOutput::error(i18nc("@info:shell", "Not an upload interval: %1", days),
                    i18nc("@info:shell", "Give a number of days from %1 to %2.", LicenseCadence::MinUploadDays,
                        LicenseCadence::MaxUploadDays));
                return ExitCode::Usage;
            }
            if (const StoreError error = session.store().setUploadDays(connection.id, value); error.isError()) {
                CliOutput::error(error.message, error.nextStep());
                return ExitCode::Failure;
            }
            CliOutput::out(
                i18ncp("@info:shell", "%2: the usage of a server without GitHub Connect is now overdue after %1 day.",
                    "%2: the usage of a server without GitHub Connect is now overdue after %1 days.", value,
                    connection.name));
            return ExitCode::Ok;
        }
        const StoreResult<std::optional<int>> stored = session.store().uploadDays(connection.id);
        if (!stored.ok()) {
            CliOutput::error(stored.error.message, stored.error.nextStep());
            return ExitCode::Failure;
        }
        if (stored.value) {
            CliOutput::out(
                i18ncp("@info:shell", "%2: the usage of a server without GitHub Connect is overdue after %1 day.",
                    "%2: the usage of a server without GitHub Connect is overdue after %1 days.", *stored.value,
                    connection.name));
        } else {
            CliOutput::out(i18ncp("@info:shell",
                "%2: the usage of a server without GitHub Connect is overdue after %1 day (the default).",
                "%2: the usage of a server without GitHub Connect is overdue after %1 days (the default).",
                LicenseCadence::Days, connection.name));
        }
        return ExitCode::Ok;
    }

    /// `[ok] what - detail` or `[FAILED] …`, the fix indented below (each of its lines).
    static void printCheck(const ConnectionTestJob::Check &check)
    {
        const QString mark =
            check.ok ? i18nc("@info:shell check passed", "ok") : i18nc("@info:shell check failed", "FAILED");
        CliOutput::out(QStringLiteral("[%1] %2%3")
                .arg(mark, check.what, check.detail.isEmpty() ? QString() : QStringLiteral(" - ") + check.detail));
        if (!check.fix.isEmpty()) {
            const QString indent = QStringLiteral("       ");
            CliOutput::out(indent + QString(check.fix).replace(QLatin1Char('\n'), QLatin1Char('\n') + indent));
        }
    }

    ExitCode test(CliSession &session, const QString &name)
    {
        // The connection to test is the positional NAME, else --connection (before or after the
        // command), else the default one; the store and --concurrency are the session's.
        if (!name.isEmpty()) {
            session.setConnectionName(name);
        }
        // No token is a failed check like any other, with the reason the command line knows (which variable,
        // an unreadable keychain), not an error instead of the list.
        CliToken::Missing missing;
        if (const ExitCode code = session.prepareConnection(&missing); code != ExitCode::Ok) {
            return code;
        }
        if (session.context().token.isEmpty()) {
            printCheck(ConnectionTestJob::missingToken(missing.message, missing.nextStep));
            return ExitCode::Failure;
        }
        ConnectionTestJob job(session.context());
        QObject guard;
        QObject::connect(
            &job, &ConnectionTestJob::checked, &guard, [&job](int index) { printCheck(job.checks().at(index)); });
        return session.runJob(job, CliSession::Assist::Stop);
    }
};
} // namespace

std::unique_ptr<CliCommand> makeConnectionsCommand()
{
    return std::make_unique<ConnectionsCommand>();
}
} // namespace Glc
