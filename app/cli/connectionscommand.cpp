// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// ghe-license connections list|add|remove|test
#include "cli/clicommand.h"
#include "cli/clioutput.h"
#include "cli/clisession.h"
#include "workflows/connectiontestjob.h"

#include <KLocalizedString>

#include <QJsonArray>
#include <QJsonObject>
#include <QUuid>

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

class ConnectionsCommand : public CliCommand
{
public:
    QString name() const override { return QStringLiteral("connections"); }
    QString summary() const override { return i18nc("@info:shell", "List, add, remove and test connections."); }
    QString syntax() const override { return QStringLiteral("list|add NAME|remove NAME|test [NAME]"); }
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
            return test(session, args.value(1), parser);
        }
        CliOutput::error(i18nc("@info:shell", "Use: connections list, add NAME, remove NAME or test [NAME]."),
            i18nc("@info:shell", "See: ghe-license connections --help"));
        return ExitCode::Usage;
    }

private:
    ExitCode list(CliSession &session, const QString &format)
    {
        if (format != QLatin1String("text") && format != QLatin1String("json")) {
            CliOutput::error(i18nc("@info:shell", "Unknown format: %1", format),
                i18nc("@info:shell", "Use --format text or --format json."));
            return ExitCode::Usage;
        }
        const StoreResult<QList<Connection>> connections = session.store().connections();
        if (!connections.ok()) {
            CliOutput::error(connections.error.message, connections.error.detail);
            return ExitCode::Failure;
        }
        if (format == QLatin1String("json")) {
            QJsonArray array;
            for (const Connection &c : connections.value) {
                if (c.id == CliSession::builtInLabName()) {
                    continue;
                }
                array.append(QJsonObject{{QStringLiteral("id"), c.id}, {QStringLiteral("name"), c.name},
                    {QStringLiteral("kind"), kindName(c.kind)}, {QStringLiteral("enterprise"), c.enterpriseSlug},
                    {QStringLiteral("subdomain"), c.gheComSubdomain}, {QStringLiteral("host"), c.serverHost},
                    {QStringLiteral("url"), c.restBase().toString()}});
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
        const StoreResult<QList<Connection>> existing = session.store().connections();
        for (const Connection &c : existing.value) {
            if (c.name == name) {
                CliOutput::error(i18nc("@info:shell", "A connection named %1 already exists.", name));
                return ExitCode::Failure;
            }
        }
        if (const StoreError error = session.store().saveConnection(connection); error.isError()) {
            CliOutput::error(error.message, error.detail);
            return ExitCode::Failure;
        }
        CliOutput::out(i18nc("@info:shell", "Added the connection %1.", name));
        return ExitCode::Ok;
    }

    ExitCode remove(CliSession &session, const QString &name)
    {
        const StoreResult<QList<Connection>> existing = session.store().connections();
        for (const Connection &c : existing.value) {
            if (c.name == name || c.id == name) {
                if (const StoreError error = session.store().removeConnection(c.id); error.isError()) {
                    CliOutput::error(error.message, error.detail);
                    return ExitCode::Failure;
                }
                CliOutput::out(i18nc("@info:shell", "Removed the connection %1 with its snapshots.", c.name));
                return ExitCode::Ok;
            }
        }
        CliOutput::error(i18nc("@info:shell", "There is no connection named %1.", name),
            i18nc("@info:shell", "List the connections with: ghe-license connections list"));
        return ExitCode::Failure;
    }

    ExitCode test(CliSession &, const QString &name, const QCommandLineParser &parser)
    {
        // The connection to test is the positional NAME, else --connection, else the default one.
        const QString chosen = name.isEmpty() ? parser.value(QStringLiteral("connection")) : name;
        CliSession session(parser.value(QStringLiteral("store")), chosen);
        if (const ExitCode code = session.openStore(); code != ExitCode::Ok) {
            return code;
        }
        if (const ExitCode code = session.prepareConnection(); code != ExitCode::Ok) {
            return code;
        }
        ConnectionTestJob job(session.context());
        QObject guard;
        QObject::connect(&job, &ConnectionTestJob::checked, &guard, [&job](int index) {
            const ConnectionTestJob::Check &check = job.checks().at(index);
            const QString mark =
                check.ok ? i18nc("@info:shell check passed", "ok") : i18nc("@info:shell check failed", "FAILED");
            CliOutput::out(QStringLiteral("[%1] %2%3")
                    .arg(mark, check.what, check.detail.isEmpty() ? QString() : QStringLiteral(" - ") + check.detail));
            if (!check.fix.isEmpty()) {
                CliOutput::out(QLatin1String("       ") + check.fix);
            }
        });
        return session.runJob(job, CliSession::Assist::Stop);
    }
};
} // namespace

std::unique_ptr<CliCommand> makeConnectionsCommand()
{
    return std::make_unique<ConnectionsCommand>();
}
} // namespace Glc
