// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "clisession.h"

#include <QCommandLineParser>

#include "cli/clioutput.h"
#include "cli/clitoken.h"
#include "github/requestscheduler.h"
#include "lab/labconfig.h"
#include "lab/quitonsignals.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportreader.h"
#include "models/serverinstancesmodel.h"
#include "workflows/labhost.h"
#include "workflows/linkedservers.h"
#include "workflows/refreshjob.h"

#include <KLocalizedString>

#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#include <algorithm>
#include <cstdlib>

namespace Glc {
QString CliSession::builtInLabName()
{
    return QStringLiteral("lab");
}

CliSession::CliSession(const QString &storeLocation, const QString &connectionName, QObject *parent)
    : QObject(parent)
    , m_storeLocation(storeLocation.isEmpty() ? LicenseStore::defaultLocation() : storeLocation)
    , m_connectionName(connectionName)
{
    m_context.storeLocation = m_storeLocation;
    m_context.pollIntervalMs = 500;
}

CliSession::~CliSession() = default;

QCommandLineOption CliSession::timeoutOption()
{
    return QCommandLineOption(QStringLiteral("timeout"),
        i18nc("@info:shell",
            "With --wait: how long to wait for each confirmation, in seconds (default: 900). Then exit with code 1."),
        i18nc("@info:shell value name", "seconds"));
}

ExitCode CliSession::readUploadDays(int *days)
{
    const StoreResult<std::optional<int>> stored = m_store.uploadDays(connection().id);
    if (!stored.ok()) {
        CliOutput::error(stored.error.message, stored.error.nextStep());
        return ExitCode::Failure;
    }
    *days = stored.value.value_or(*days);
    return ExitCode::Ok;
}

ExitCode CliSession::applyTimeoutOption(const QCommandLineParser &parser, const QString &command)
{
    if (!parser.isSet(QStringLiteral("timeout"))) {
        return ExitCode::Ok;
    }
    bool ok = false;
    const int seconds = parser.value(QStringLiteral("timeout")).toInt(&ok);
    // Capped so the milliseconds fit an int (24 days).
    if (!ok || seconds < 1 || seconds > 2000000) {
        CliOutput::error(i18nc("@info:shell", "--timeout takes a number of seconds, at least 1."),
            i18nc("@info:shell", "See: ghe-license %1 --help", command));
        return ExitCode::Usage;
    }
    setAssistTimeout(seconds);
    return ExitCode::Ok;
}

ExitCode CliSession::openStore()
{
    if (const StoreError error = m_store.open(m_storeLocation); error.isError()) {
        CliOutput::error(error.message, error.nextStep());
        return ExitCode::Failure;
    }
    return ExitCode::Ok;
}

ExitCode CliSession::chooseConnection()
{
    const StoreResult<QList<Connection>> stored = m_store.connections();
    if (!stored.ok()) {
        CliOutput::error(stored.error.message, stored.error.nextStep());
        return ExitCode::Failure;
    }
    // The store may remember the built-in lab (a refresh saves its connection): that is no configured one.
    QList<Connection> connections;
    for (const Connection &c : stored.value) {
        if (c.id != builtInLabName()) {
            connections.append(c);
        }
    }
    const Connection *chosen = nullptr;
    if (m_connectionName.isEmpty()) {
        if (connections.size() > 1) {
            QStringList names;
            for (const Connection &c : connections) {
                names.append(c.name);
            }
            CliOutput::error(
                i18nc("@info:shell", "Several connections are configured: %1.", QLocale().createSeparatedList(names)),
                i18nc("@info:shell", "Choose one with --connection NAME."));
            return ExitCode::Usage;
        }
        chosen = connections.isEmpty() ? nullptr : &connections.constFirst();
    } else {
        for (const Connection &c : connections) {
            if (c.name == m_connectionName || c.id == m_connectionName) {
                chosen = &c;
                break;
            }
        }
        if (!chosen && m_connectionName != builtInLabName()) {
            CliOutput::error(i18nc("@info:shell", "There is no connection named %1.", m_connectionName),
                i18nc("@info:shell", "List the connections with: ghe-license connections list"));
            return ExitCode::Failure;
        }
    }
    if (chosen) {
        m_context.connection = *chosen;
    } else {
        if (m_connectionName.isEmpty() && !m_labNoteShown) {
            // A report of the lab's made-up enterprise must not pass for the real one (a new machine, a mistyped
            // --store): said on stderr, so the report itself stays as scripts read it.
            m_labNoteShown = true;
            CliOutput::error(i18nc("@info:shell",
                                 "No connection is configured in this store: this is the built-in license lab, a "
                                 "simulated enterprise."),
                i18nc("@info:shell %1 the lab's connection name",
                    "Add your enterprise with “ghe-license connections add”, or choose the lab with --connection %1 "
                    "and this note goes.",
                    builtInLabName()));
        }
        m_context.connection = Connection();
        m_context.connection.kind = Connection::Kind::Lab;
        m_context.connection.id = builtInLabName();
        m_context.connection.name = builtInLabName();
        m_context.connection.enterpriseSlug = LabConfig().enterpriseSlug; // what startBuiltInLab() serves
    }
    // A lab connection without a URL (the built-in one, or one stored under another name) is the in-process lab.
    m_inProcessLab = m_context.connection.kind == Connection::Kind::Lab && m_context.connection.labUrl.isEmpty();
    return ExitCode::Ok;
}

ExitCode CliSession::prepareConnection(CliToken::Missing *missingToken)
{
    if (const ExitCode code = chooseConnection(); code != ExitCode::Ok) {
        return code;
    }
    if (m_inProcessLab) {
        const Connection named = m_context.connection;
        const ExitCode code = startBuiltInLab();
        m_context.connection.id = named.id;
        m_context.connection.name = named.name;
        return code;
    }
    const Connection &chosen = m_context.connection;
    const CliToken::Lookup token = CliToken::find(chosen);
    if (token.token.isEmpty()) {
        const CliToken::Missing missing = CliToken::missing(chosen, token);
        if (missingToken) {
            *missingToken = missing;
            return ExitCode::Ok;
        }
        CliOutput::error(missing.message, missing.nextStep);
        return ExitCode::Failure;
    }
    m_context.token = token.token;
    m_context.labActions = false;
    if (chosen.kind == Connection::Kind::Lab) {
        probeLabActions();
    }
    return ExitCode::Ok;
}

QDateTime CliSession::now() const
{
    return QDateTime::currentDateTimeUtc().addSecs(m_labClockOffsetSecs);
}

ExitCode CliSession::startBuiltInLab()
{
    m_lab = std::make_unique<LabHost>();
    LabConfig config;
    config.seed = BuiltInLabSeed;
    config.syncDurationMs = 300;
    QString why;
    if (!m_lab->start(config, &why)) {
        m_lab.reset();
        CliOutput::error(i18nc("@info:shell", "Cannot start the built-in license lab: %1", why));
        return ExitCode::Failure;
    }
    m_context.connection = m_lab->connection();
    m_context.connection.id = builtInLabName();
    m_context.connection.name = builtInLabName();
    m_context.token = m_lab->token();
    m_context.labActions = true;
    // Started for this run only: its clock is this machine's (no time was let pass in it).
    m_labClockOffsetSecs = 0;
    return ExitCode::Ok;
}

void CliSession::probeLabActions()
{
    // An external lab may run in its GitHub-like mode (no action endpoints); its status page says so,
    // and gives the lab clock, by which the lab's sync dates are judged (see now()).
    m_context.labActions = true;
    RequestScheduler scheduler(m_context.clientOptions, m_context.token, m_context.connection.restBase());
    QUrl url = m_context.connection.restBase();
    url.setPath(QStringLiteral("/_lab/status"));
    QEventLoop loop;
    scheduler.submit(this, url, "GET", {}, [this, &loop](const HttpResult &result) {
        if (!result.error.isError()) {
            const QJsonObject status = QJsonDocument::fromJson(result.body).object();
            m_context.labActions = !status.value(QLatin1String("github_like")).toBool();
            const QDateTime labNow = QDateTime::fromString(status.value(QLatin1String("now")).toString(), Qt::ISODate);
            if (labNow.isValid()) {
                const qint64 offset = QDateTime::currentDateTimeUtc().secsTo(labNow);
                // Less than a minute apart is the request's own time and the date's whole seconds.
                m_labClockOffsetSecs = std::abs(offset) < 60 ? 0 : offset;
            }
        }
        loop.quit();
    });
    loop.exec();
}

ExitCode CliSession::runJob(WorkflowJob &job, Assist assist)
{
    QEventLoop loop;
    bool assisted = false;
    QElapsedTimer waiting;
    QString stage;
    connect(&job, &WorkflowJob::finished, &loop, &QEventLoop::quit);
    connect(&job, &WorkflowJob::stageChanged, &loop, [&stage](int, const QString &text) {
        stage = text;
        CliOutput::progress(text);
    });
    connect(&job, &WorkflowJob::progress, &loop, [&stage](qint64 done, qint64 total, qint64 items) {
        // One sentence per case, so a translation orders the parts as its language does.
        QString text = stage;
        if (total > 0 && items > 0) {
            text = i18ncp("@info:shell progress, %2 stage, %3 done of %4, %1 items", "%2 %3/%4 (%1 item)",
                "%2 %3/%4 (%1 items)", items, stage, done, total);
        } else if (total > 0) {
            text = i18nc("@info:shell progress, %1 stage, %2 done of %3", "%1 %2/%3", stage, done, total);
        } else if (items > 0) {
            text = i18ncp("@info:shell progress, %2 stage, %1 items", "%2 (%1 item)", "%2 (%1 items)", items, stage);
        }
        CliOutput::progress(text);
    });
    connect(&job, &WorkflowJob::assistRequired, &loop,
        [&job, &assisted, &waiting, assist](const QUrl &page, const QString &instructions) {
            CliOutput::endProgress();
            CliOutput::out(i18nc("@info:shell", "Action needed: open %1", page.toString()));
            CliOutput::out(CliOutput::plain(instructions));
            if (assist == Assist::Stop) {
                if (!assisted) {
                    // Later assistRequired signals of the same job (one per server) are still printed.
                    QTimer::singleShot(0, &job, [&job] { job.cancel(); });
                }
            } else if (!assisted) {
                waiting.start();
                CliOutput::err(i18nc("@info:shell", "Waiting for the action to be confirmed (Ctrl+C to stop)…"));
            }
            assisted = true;
        });
    // Ctrl+C, or SIGTERM from a cron or CI time limit: the job is cancelled, so what it started (a file being
    // written, an ssh process, a wait for a confirmation) ends cleanly and nothing half-done stays.
    const QuitOnSignals interrupt([&job] { job.cancel(); });
    job.start();
    if (!job.isFinished()) {
        loop.exec();
    }
    CliOutput::endProgress();
    switch (job.status()) {
    case WorkflowJob::Status::Succeeded:
        return ExitCode::Ok;
    case WorkflowJob::Status::Cancelled:
        if (assisted && assist == Assist::Stop) {
            CliOutput::err(i18nc("@info:shell",
                "This action needs an administrator in a browser. Do the steps above, or run again with --wait "
                "to confirm them."));
            return ExitCode::AssistNeeded;
        }
        CliOutput::error(job.errorText(), job.nextStep());
        return ExitCode::Failure;
    default:
        CliOutput::error(job.errorText(), job.nextStep());
        if (assisted && assist == Assist::Wait && waiting.isValid() && waiting.elapsed() >= m_context.assistTimeoutMs) {
            const int seconds = m_context.assistTimeoutMs / 1000;
            CliOutput::err(i18ncp("@info:shell",
                "No confirmation within %1 second. Check the page above, then run again, with a longer --timeout "
                "if needed.",
                "No confirmation within %1 seconds. Check the page above, then run again, with a longer --timeout "
                "if needed.",
                seconds));
        }
        return ExitCode::Failure;
    }
}

WorkflowContext CliSession::contextWithLinkedServers()
{
    WorkflowContext context = m_context;
    if (context.connection.kind != Connection::Kind::Server) {
        context.linkServers(m_store.connections().value);
    }
    return context;
}

ExitCode CliSession::refresh(LicenseSnapshot *snapshot)
{
    // The enterprise's servers that have a connection of their own are read through it (as the console does),
    // with its own token: never the GH_TOKEN meant for the enterprise.
    RefreshJob job(contextWithLinkedServers());
    const ExitCode code = runJob(job, Assist::Stop);
    if (code == ExitCode::Ok) {
        for (const QString &note : job.notes()) {
            CliOutput::err(i18nc("@info:shell %1 sentence", "Note: %1", note));
        }
    }
    if (code == ExitCode::Ok && snapshot) {
        *snapshot = job.snapshot();
    }
    return code;
}

ExitCode CliSession::reportSnapshot(
    const QCommandLineParser &parser, LicenseSnapshot *snapshot, const LicenseStore::LoadParts &parts)
{
    // optionNames(): what was given; isSet() of an option a command does not have would warn.
    if (parser.optionNames().contains(QStringLiteral("file"))) {
        if (parser.isSet(QStringLiteral("refresh"))) {
            CliOutput::error(i18nc("@info:shell", "--file and --refresh exclude each other."),
                i18nc("@info:shell", "A report comes from a file or from the store, not both."));
            return ExitCode::Usage;
        }
        return fileSnapshot(parser.value(QStringLiteral("file")), snapshot);
    }
    if (const ExitCode code = chooseConnection(); code != ExitCode::Ok) {
        return code;
    }
    const bool refreshFirst = parser.isSet(QStringLiteral("refresh"));
    // A stored snapshot is read without the network: no token is needed, no lab is started. Not so for an external
    // lab: its dates are judged by its clock (see now()), which only the lab itself tells.
    ExitCode code = ExitCode::Ok;
    bool found = false;
    if (!refreshFirst && (m_context.connection.kind != Connection::Kind::Lab || m_inProcessLab)) {
        code = storedSnapshot(snapshot, parts, &found);
    }
    if (code == ExitCode::Ok && !found) {
        code = prepareConnection();
        if (code == ExitCode::Ok) {
            code = latestSnapshot(snapshot, refreshFirst, parts);
        }
    }
    // One view across the cloud and its servers, as the console's: the licenses of servers with a connection
    // of their own.
    if (code == ExitCode::Ok && m_context.connection.kind != Connection::Kind::Server) {
        snapshot->serverLicenses =
            LinkedServers::merged(snapshot->serverLicenses, LinkedServers::read(m_store, *snapshot));
    }
    // The servers' uploads as the console's instances card shows them: one added from the console or by
    // add-server-usage since the snapshot counts before the next refresh.
    if (code == ExitCode::Ok && !snapshot->installations.isEmpty()) {
        const auto files = m_store.usageFiles(m_context.connection.id);
        if (!files.ok()) {
            CliOutput::error(files.error.message, files.error.nextStep());
            return ExitCode::Failure;
        }
        ServerInstancesModel::addConsoleUploads(snapshot->installations, files.value);
    }
    return code;
}

QHash<QString, QString> CliSession::serverProfileNames(const LicenseSnapshot &snapshot)
{
    const bool withAccounts = std::any_of(snapshot.installations.cbegin(), snapshot.installations.cend(),
        [](const EnterpriseServerInstallation &i) { return !i.userAccounts.isEmpty(); });
    if (withAccounts || snapshot.id <= 0) {
        return CountedTwiceAnalyzer::serverProfileNames(snapshot.installations);
    }
    return m_store.loadServerProfileNames(snapshot.id).value;
}

bool CliSession::packedSeats(const LicenseSnapshot &snapshot, CompactLicenseRows *rows)
{
    if (!snapshot.licenses.users.isEmpty() || snapshot.id <= 0) {
        *rows = CompactLicenseRows::fromLicenses(snapshot.licenses.users);
        return true;
    }
    StoreResult<CompactLicenseRows> loaded = m_store.loadCompactLicenses(snapshot.id);
    if (!loaded.ok()) {
        CliOutput::error(loaded.error.message, loaded.error.nextStep());
        return false;
    }
    *rows = std::move(loaded.value);
    return true;
}

bool CliSession::snapshotHistory(const LicenseSnapshot &snapshot, QList<SnapshotSummary> *history)
{
    StoreResult<QList<SnapshotSummary>> stored = m_store.snapshots(snapshot.connectionId);
    if (!stored.ok()) {
        CliOutput::error(stored.error.message, stored.error.nextStep());
        return false;
    }
    *history = std::move(stored.value);
    return true;
}

LicenseStore::LoadParts CliSession::serversOnly()
{
    LicenseStore::LoadParts parts;
    parts.users = false;
    parts.userAccounts = false;
    return parts;
}

ExitCode CliSession::fileSnapshot(const QString &path, LicenseSnapshot *snapshot)
{
    const LicenseReportReader::Result read = LicenseReportReader::readFile(path);
    if (!read.ok()) {
        CliOutput::error(read.error, read.nextStep);
        return ExitCode::Failure;
    }
    *snapshot = LicenseSnapshot();
    snapshot->takenAt = QFileInfo(path).lastModified().toUTC();
    snapshot->source = path;
    snapshot->licenses = read.report;
    return ExitCode::Ok;
}

ExitCode CliSession::storedSnapshot(LicenseSnapshot *snapshot, const LicenseStore::LoadParts &parts, bool *found)
{
    *found = false;
    const auto latest = m_store.latestSnapshot(m_context.connection.id);
    if (!latest.ok()) {
        CliOutput::error(latest.error.message, latest.error.nextStep());
        return ExitCode::Failure;
    }
    if (!latest.value) {
        return ExitCode::Ok;
    }
    const StoreResult<LicenseSnapshot> loaded = m_store.loadSnapshot(latest.value->id, parts);
    if (!loaded.ok()) {
        CliOutput::error(loaded.error.message, loaded.error.nextStep());
        return ExitCode::Failure;
    }
    *snapshot = loaded.value;
    *found = true;
    return ExitCode::Ok;
}

ExitCode CliSession::latestSnapshot(LicenseSnapshot *snapshot, bool refreshFirst, const LicenseStore::LoadParts &parts)
{
    if (!refreshFirst) {
        bool found = false;
        if (const ExitCode code = storedSnapshot(snapshot, parts, &found); code != ExitCode::Ok || found) {
            return code;
        }
    }
    // No snapshot yet (always so for a new store): take one now.
    return refresh(snapshot);
}
} // namespace Glc
