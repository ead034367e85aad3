// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensecontroller.h"

#include "downloadreportcommand.h"
#include "github/keychaintokenstore.h"
#include "github/tokenstore.h"
#include "glc_ui_debug.h"
#include "licensepage/attentioncard.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/quicklinkscard.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/userlicensescard.h"
#include "licensetablecontroller.h"
#include "licensing/hostorder.h"
#include "licensing/licensereportwriter.h"
#include "models/consumedlicensesmodel.h"
#include "models/historymodel.h"
#include "models/serverinstancesmodel.h"
#include "models/synchistorymodel.h"
#include "models/usagefilesmodel.h"
#include "savefixlistcommand.h"
#include "savesummarycommand.h"
#include "workflows/connectionstorejob.h"
#include "workflows/jobrunner.h"
#include "workflows/labhistoryjob.h"
#include "workflows/labhost.h"
#include "workflows/refreshjob.h"
#include "workflows/uploaddaysjob.h"

#include <QScopeGuard>
#include <QSettings>
#include <QTreeView>

#include <KLocalizedString>
#include <QElapsedTimer>

#include <memory>

using namespace Glc;

LicenseController::LicenseController(LicensePage *page, const Options &options, QObject *parent)
    : QObject(parent)
    , m_page(page)
    , m_options(options)
    , m_runner(new JobRunner(this))
    , m_lab(new LabHost(this))
    , m_seats(new LicenseTableController(page, this))
    , m_report(new DownloadReportCommand(this, page, m_seats))
    , m_summary(new SaveSummaryCommand(this, page))
    , m_history(new HistoryModel(this))
    , m_usageFiles(new UsageFilesModel(this))
    , m_syncHistory(new SyncHistoryModel(this))
{
    m_page->historyChart()->setModel(m_history);
    connect(page, &LicensePage::refreshRequested, this, &LicenseController::refresh);
    connect(page, &LicensePage::cancelRefreshRequested, this, &LicenseController::cancelRefresh);
    connect(page->quickLinksCard(), &QuickLinksCard::exportRequested, this, [this] { Q_EMIT exportRequested({}); });
    connect(
        page->serverInstancesCard(), &ServerInstancesCard::exportRequested, this, &LicenseController::exportRequested);
    connect(
        page->serverInstancesCard(), &ServerInstancesCard::syncNowRequested, this, &LicenseController::syncRequested);
    connect(page->serverInstancesCard(), &ServerInstancesCard::addServerUsageRequested, this,
        &LicenseController::addServerUsageRequested);
    connect(page->quickLinksCard(), &QuickLinksCard::addServerUsageRequested, this,
        &LicenseController::addServerUsageRequested);
    connect(page->quickLinksCard(), &QuickLinksCard::downloadReportRequested, this, &LicenseController::downloadReport);
    connect(page->licenseSyncCard(), &LicenseSyncCard::syncNowRequested, this, [this](const QString &serverId) {
        for (const LicenseSyncStatus &status : std::as_const(m_data.snapshot.syncStatus)) {
            if (status.serverId == serverId || status.hostname == serverId) {
                Q_EMIT syncRequested(status.hostname);
                return;
            }
        }
        Q_EMIT syncRequested(serverId);
    });
    connect(
        page->licenseSyncCard(), &LicenseSyncCard::syncAllRequested, this, [this] { Q_EMIT syncRequested(QString()); });
    connect(page->countedTwicePanel(), &CountedTwicePanel::pairActivated, this, [this](int index) {
        const auto [server, cloud] = m_page->countedTwicePanel()->pairSeats(index);
        m_seats->showSeats({server, cloud});
    });
    connect(page->countedTwicePanel(), &CountedTwicePanel::unexpectedSeatActivated, this,
        [this](int index) { m_seats->showSeats({m_page->countedTwicePanel()->unexpectedSeat(index)}); });
    connect(page->attentionCard(), &AttentionCard::actionRequested, this,
        [this](AttentionCard::Action action, const QString &host) {
            switch (action) {
            case AttentionCard::Action::Refresh:
                refresh();
                break;
            case AttentionCard::Action::SyncNow:
                Q_EMIT syncRequested(host);
                break;
            case AttentionCard::Action::ExportUsage:
                Q_EMIT exportRequested(host);
                break;
            case AttentionCard::Action::ShowCountedTwice:
                m_page->reveal(m_page->countedTwicePanel()->view());
                break;
            case AttentionCard::Action::ShowUnexpectedSeats:
                m_page->reveal(m_page->countedTwicePanel()->unexpectedView());
                break;
            case AttentionCard::Action::ShowHistory:
                m_page->reveal(m_page->historyChart());
                break;
            }
        });
    connect(m_report, &DownloadReportCommand::statusMessage, this, &LicenseController::statusMessage);
    connect(m_report, &DownloadReportCommand::finished, this, &LicenseController::reportFinished);
    m_summary->setObjectName(QStringLiteral("saveSummaryCommand"));
    connect(m_summary, &SaveSummaryCommand::saved, this, [this](const QString &path) {
        Q_EMIT statusMessage(i18nc("@info:status %1 file", "Summary saved to %1.", path));
    });
    connect(m_summary, &SaveSummaryCommand::failed, m_page, &LicensePage::showError);
    auto *fixList = new SaveFixListCommand(page->countedTwicePanel(), m_runner, this);
    fixList->setObjectName(QStringLiteral("saveFixListCommand"));
    CountedTwicePanel *const panel = page->countedTwicePanel();
    connect(fixList, &SaveFixListCommand::saved, this, [this, panel](const QString &path, qsizetype findings) {
        panel->saveMessage()->dismiss(); // the failure of an earlier try
        Q_EMIT statusMessage(i18ncp("@info:status", "Fix list with %1 finding saved to %2.",
            "Fix list with %1 findings saved to %2.", findings, path));
    });
    // Said under the button pressed, not at the top of the page, far from it.
    connect(fixList, &SaveFixListCommand::failed, this, [this, panel](const QString &error, const QString &nextStep) {
        panel->saveMessage()->showMessage(InlineMessage::Type::Error, error, nextStep);
        m_page->scrollTo(panel->saveMessage());
    });
    connect(m_lab, &LabHost::started, this, &LicenseController::labStarted);
    connect(m_lab, &LabHost::failed, this, &LicenseController::labFailed);
}

LicenseController::~LicenseController()
{
    for (Glc::WorkflowJob *job : {m_refresh.data(), m_pageData.data()}) {
        if (job) {
            JobRunner::cancel(job);
        }
    }
}

namespace {
/// The id of the last connection used; the connection itself lives in the store.
const QLatin1String LastConnectionKey("Connections/last");
/// Older versions kept the last connection's fields themselves in the settings: `Connection/*`.
const QLatin1String LegacyConnectionGroup("Connection");
/// The built-in lab's id (also what a refresh stores for it).
const QLatin1String BuiltInLabId("lab");
} // namespace

QTableView *LicenseController::table() const
{
    return m_seats->table();
}

ConsumedLicensesModel *LicenseController::licensesModel() const
{
    return m_seats->model();
}

ConsumedLicensesFilterModel *LicenseController::filterModel() const
{
    return m_seats->filterModel();
}

WorkflowContext LicenseController::storeContext() const
{
    WorkflowContext context;
    context.storeLocation = m_options.storeLocation;
    return context;
}

bool LicenseController::start()
{
    // The stored snapshot is read at once in the worker thread; the lab generates its enterprise in its
    // own thread once the page shows the snapshot (or at once when a refresh or an action needs it), so
    // on two cores it does not compete with the page's loading and analysis threads. See startLab().
    QSettings settings;
    if (!settings.contains(LastConnectionKey) && settings.contains(QStringLiteral("Connection/kind"))) {
        // Upgrading: the last connection was kept in the settings. Move it into the store, once.
        settings.beginGroup(LegacyConnectionGroup);
        Connection legacy;
        legacy.kind = Connection::Kind(settings.value(QStringLiteral("kind"), int(Connection::Kind::Lab)).toInt());
        legacy.id = settings.value(QStringLiteral("id")).toString();
        legacy.name = settings.value(QStringLiteral("name")).toString();
        legacy.gheComSubdomain = settings.value(QStringLiteral("gheComSubdomain")).toString();
        legacy.enterpriseSlug = settings.value(QStringLiteral("enterpriseSlug")).toString();
        legacy.serverHost = settings.value(QStringLiteral("serverHost")).toString();
        legacy.caFile = settings.value(QStringLiteral("caFile")).toString();
        settings.endGroup();
        if ((legacy.kind == Connection::Kind::Cloud || legacy.kind == Connection::Kind::Server) &&
            !legacy.id.isEmpty() && legacy.id != BuiltInLabId) {
            saveConnection(legacy); // the old settings go once it is in the store
            activate(legacy, {});
            return true;
        }
        // Those versions kept only Cloud and Server connections: anything else was the built-in lab.
        settings.remove(LegacyConnectionGroup);
    }
    const QString id = settings.value(LastConnectionKey).toString();
    if (id.isEmpty() || id == BuiltInLabId) {
        activate(Connection{}, {});
        listConnections(); // behind the page's data in the worker thread
        return true;
    }
    // Refresh, actions and whenReady() wait until the connection is read (m_connectionPending).
    m_connectionPending = true;
    auto *job = ConnectionStoreJob::load(storeContext(), id);
    connect(job, &WorkflowJob::finished, this, [this, job] {
        if (!m_connectionPending) {
            return; // another connection was chosen meanwhile
        }
        if (job->status() == WorkflowJob::Status::Succeeded && !job->found()) {
            qCDebug(GLC_UI) << "the last connection is not in the store; using the built-in lab";
        }
        // A store that cannot be read says so when the page loads (PageDataJob); the lab still works.
        setStoredConnections(job->connections());
        activateLoaded(job->found().value_or(Connection{}));
    });
    m_runner->start(job);
    return true;
}

void LicenseController::listConnections()
{
    auto *job = ConnectionStoreJob::list(storeContext());
    connect(job, &WorkflowJob::finished, this, [this, job] {
        if (job->status() == WorkflowJob::Status::Succeeded) {
            setStoredConnections(job->connections());
        }
    });
    m_runner->start(job);
}

void LicenseController::setStoredConnections(QList<Connection> connections)
{
    // `ghe-license` keeps its built-in lab under the lab's id: the menu has the built-in lab already.
    connections.removeIf([](const Connection &c) { return c.id == BuiltInLabId || usesBuiltInLab(c); });
    m_storedConnections = connections;
    Q_EMIT connectionsListed();
}

void LicenseController::removeConnection(const Connection &connection)
{
    if (usesBuiltInLab(connection) || connection.id.isEmpty()) {
        return; // nothing stored
    }
    const bool active = !usesBuiltInLab(m_connection) && m_connection.id == connection.id;
    if (active) {
        switchConnection(Connection{}); // off it first: its refresh is cancelled, the page shows the lab
    }
    auto *job = ConnectionStoreJob::remove(storeContext(), connection.id);
    connect(job, &WorkflowJob::finished, this, [this, job, connection] {
        const bool removed = job->status() == WorkflowJob::Status::Succeeded;
        if (removed) {
            std::shared_ptr<TokenStore> keychain = TokenStore::createDefault();
            // The keychain may answer later (it can ask the user); the failure stays on the page until dismissed.
            keychain->removeToken(connection.id, [keychain, self = QPointer(this), connection](const QString &error) {
                if (error.isEmpty() || !self) {
                    return;
                }
                self->m_page->showError(i18nc("@info %1 connection name, %2 the keychain's error",
                                            "The connection %1 was removed, but its token is still in the "
                                            "keychain: %2",
                                            connection.name, error),
                    i18nc("@info %1 keychain service, %2 entry",
                        "Delete the entry %2 of %1 in the system's keychain (for example KWallet or GNOME "
                        "Keyring) by hand.",
                        QString(KeychainTokenStore::ServiceName), connection.id));
            });
            Q_EMIT statusMessage(i18nc("@info:status %1 connection name", "Connection %1 removed.", connection.name));
            listConnections();
        } else {
            m_page->showError(
                i18nc("@info", "The connection could not be removed: %1", job->errorText()), job->nextStep());
        }
        Q_EMIT connectionRemoved(removed);
    });
    m_runner->start(job);
}

void LicenseController::switchConnection(const Connection &connection)
{
    if (isRefreshing()) {
        cancelRefresh(); // it was the previous connection's
    }
    QSettings().setValue(LastConnectionKey, usesBuiltInLab(connection) ? QString(BuiltInLabId) : connection.id);
    if (std::exchange(m_connectionPending, false)) {
        activateLoaded(connection, {});
    } else {
        activate(connection, {});
    }
}

void LicenseController::activateLoaded(const Connection &connection, const QString &token)
{
    m_connectionPending = false;
    activate(connection, token);
    flush(m_waitingForConnection, [this](const Waiting &entry) { whenReady(entry.receiver, entry.function); });
    if (std::exchange(m_refreshQueued, false)) {
        refresh(); // on the lab: queued behind its start now
    }
}

void LicenseController::flush(QList<Waiting> &list, const std::function<void(const Waiting &)> &handle)
{
    const QList<Waiting> waiting = std::exchange(list, {});
    for (const Waiting &entry : waiting) {
        if (entry.receiver) {
            handle(entry);
        }
    }
}

bool LicenseController::usesBuiltInLab(const Connection &connection)
{
    return connection.kind == Connection::Kind::Lab && connection.labUrl.isEmpty();
}

void LicenseController::whenLabReady(
    QObject *receiver, const std::function<void()> &function, const std::function<void(const QString &)> &failed)
{
    if (m_lab->isRunning()) {
        function();
        return;
    }
    if (m_lab->state() == LabHost::State::Failed) {
        labFailed(m_lab->errorText());
        if (failed) {
            failed(m_lab->errorText());
        }
        return;
    }
    if (m_lab->state() == LabHost::State::Stopped) {
        m_lab->startAsync(m_options.labConfig);
    }
    m_waitingForLab.append({QPointer<QObject>(receiver), function, failed});
}

void LicenseController::startLab()
{
    if (usesBuiltInLab(m_connection) && m_lab->state() == LabHost::State::Stopped) {
        m_lab->startAsync(m_options.labConfig);
    }
}

void LicenseController::whenReady(QObject *receiver, const std::function<void()> &function)
{
    if (m_connectionPending) {
        m_waitingForConnection.append({QPointer<QObject>(receiver), function, {}});
        return;
    }
    if (m_tokenPending) {
        m_waitingForToken.append({QPointer<QObject>(receiver), function, {}});
        return;
    }
    if (!usesBuiltInLab(m_connection)) {
        function();
        return;
    }
    whenLabReady(receiver, function);
}

void LicenseController::labStarted()
{
    if (usesBuiltInLab(m_connection)) {
        m_context = contextFor(m_connection, {});
    }
    qCDebug(GLC_UI) << "license lab running";
    flush(m_waitingForLab, [](const Waiting &entry) { entry.function(); });
}

void LicenseController::labFailed(const QString &error)
{
    flush(m_waitingForLab, [&error](const Waiting &entry) {
        if (entry.failed) {
            entry.failed(error);
        }
    });
    m_page->showError(i18nc("@info", "The built-in license lab could not start: %1", error),
        i18nc("@info", "Check that the machine allows listening on 127.0.0.1, then restart the console."));
    m_takeHistory = false;
    if (m_refreshQueued) {
        m_refreshQueued = false;
        m_page->setRefreshing(false);
        Q_EMIT refreshFinished(false);
    }
}

WorkflowContext LicenseController::contextFor(const Connection &connection, const QString &token) const
{
    WorkflowContext context;
    context.storeLocation = m_options.storeLocation;
    context.clientOptions.concurrency = std::clamp(m_options.concurrency, 1, GitHubClientOptions::MaxConcurrency);
    if (usesBuiltInLab(connection)) {
        // Until the lab runs, only the store may be used: its URL and token come with started().
        context.connection = m_lab->isRunning() ? m_lab->connection() : Connection{};
        context.connection.id = QStringLiteral("lab");
        context.connection.name = i18nc("@item connection name", "License lab");
        context.token = m_lab->token();
        context.labActions = !m_lab->githubLike();
        return context;
    }
    context.connection = connection;
    context.token = token.isEmpty() ? TokenStore::environmentToken(connection) : token;
    context.labActions = connection.kind == Connection::Kind::Lab;
    return context;
}

void LicenseController::resolveContext(const Connection &connection, const QString &token, QObject *receiver,
    const std::function<void(const WorkflowContext &, const QString &)> &ready) const
{
    WorkflowContext context = contextFor(connection, token);
    if (!context.token.isEmpty() || usesBuiltInLab(connection)) {
        ready(context, {});
        return;
    }
    // Neither typed nor in the environment: the keychain's, under the connection's id.
    std::shared_ptr<TokenStore> keychain = TokenStore::createDefault();
    keychain->readToken(connection.id,
        [keychain, receiver = QPointer<QObject>(receiver), context, ready](
            const QString &stored, const QString &error) mutable {
            if (!receiver) {
                return;
            }
            context.token = stored;
            ready(context, error);
        });
}

void LicenseController::setConnection(const Connection &connection, const QString &token)
{
    // Any start of an older connection still being read is overtaken by this one.
    const bool wasPending = std::exchange(m_connectionPending, false);
    saveConnection(connection);
    if (!token.isEmpty() && !usesBuiltInLab(connection)) {
        std::shared_ptr<TokenStore> keychain = TokenStore::createDefault();
        keychain->writeToken(connection.id, token, [this, keychain](const QString &error) {
            if (!error.isEmpty()) {
                m_page->showError(error, i18nc("@info", "The token is used for this session only."));
            }
        });
    }
    // A refresh of the connection before is cancelled; this one's follows once that has ended (as Cancel
    // would, it keeps the previous snapshot of the other connection).
    const bool running = m_refresh != nullptr;
    if (isRefreshing()) {
        cancelRefresh();
    }
    if (wasPending) {
        activateLoaded(connection, token);
    } else {
        activate(connection, token);
    }
    if (running) {
        m_refreshWhenDone = true;
    } else {
        refresh();
    }
}

void LicenseController::saveConnection(const Connection &connection)
{
    if (usesBuiltInLab(connection)) {
        // Nothing to store: the lab is made anew at each start.
        QSettings settings;
        settings.setValue(LastConnectionKey, QString(BuiltInLabId));
        settings.remove(LegacyConnectionGroup);
        Q_EMIT connectionSaved(true);
        return;
    }
    auto *job = ConnectionStoreJob::save(storeContext(), connection);
    connect(job, &WorkflowJob::finished, this, [this, job, id = connection.id] {
        const bool saved = job->status() == WorkflowJob::Status::Succeeded;
        if (saved) {
            QSettings settings;
            settings.setValue(LastConnectionKey, id);
            settings.remove(LegacyConnectionGroup);
            listConnections();
        } else {
            m_page->showError(i18nc("@info", "The connection could not be saved: %1", job->errorText()),
                job->nextStep().isEmpty() ? i18nc("@info", "It is used until the console closes.") : job->nextStep());
        }
        Q_EMIT connectionSaved(saved);
    });
    m_runner->start(job);
}

void LicenseController::setUploadDays(int days)
{
    WorkflowContext context = storeContext();
    context.connection = connection(); // the store only: no lab, no token
    auto *job = new UploadDaysJob(context, days);
    connect(job, &WorkflowJob::finished, this, [this, job, id = context.connection.id] {
        if (job->status() != WorkflowJob::Status::Succeeded) {
            m_page->showError(
                i18nc("@info", "The upload interval could not be saved: %1", job->errorText()), job->nextStep());
            return;
        }
        if (connection().id != id) {
            return; // stored for the connection it was set on; another one is shown now
        }
        m_data.uploadDays = job->days();
        m_page->serverInstancesCard()->setUploadDays(job->days());
        updateAttention();
        Q_EMIT statusMessage(
            i18ncp("@info:status", "Servers without GitHub Connect are now due to have their usage added every day.",
                "Servers without GitHub Connect are now due to have their usage added every %1 days.", job->days()));
    });
    m_runner->start(job);
}

void LicenseController::activate(const Connection &connection, const QString &token)
{
    m_connection = connection;
    m_context = contextFor(connection, token);
    if (!m_context.token.isEmpty() || usesBuiltInLab(connection)) {
        tokenKnown();
        reload();
        return;
    }
    // Not in the environment: ask the keychain (asynchronously), then load.
    m_tokenPending = true;
    resolveContext(connection, token, this, [this](const WorkflowContext &context, const QString &error) {
        if (m_context.connection.id != context.connection.id) {
            return; // another connection's activation took over, with its own token
        }
        m_context.token = context.token;
        if (context.token.isEmpty()) {
            m_page->showError(i18nc("@info", "No token for this connection."),
                error.isEmpty() ? tokenHint(context.connection) : error);
        }
        reload();
        tokenKnown();
    });
}

void LicenseController::tokenKnown()
{
    const bool waited = std::exchange(m_tokenPending, false);
    // Through whenReady() again: the built-in lab may still be starting.
    flush(m_waitingForToken, [this](const Waiting &entry) { whenReady(entry.receiver, entry.function); });
    if (waited && std::exchange(m_refreshQueued, false)) {
        refresh(); // queued while the keychain was asked
    }
}

void LicenseController::whenTokenStoredKnown(
    const Connection &connection, QObject *receiver, const std::function<void(bool stored)> &function)
{
    if (usesBuiltInLab(connection) || connection.id.isEmpty()) {
        return;
    }
    std::shared_ptr<TokenStore> keychain = TokenStore::createDefault();
    keychain->readToken(connection.id,
        [keychain, guard = QPointer<QObject>(receiver), function](const QString &token, const QString &) {
            if (guard) {
                function(!token.isEmpty());
            }
        });
}

QString LicenseController::tokenHint(const Connection &connection)
{
    // The menu's own words (same messages as MainWindow's menu), so every language names it as shown.
    const QString menu = KLocalizedString::removeAcceleratorMarker(i18nc("@title:menu", "&File"));
    const QString item = KLocalizedString::removeAcceleratorMarker(i18nc("@action:inmenu", "&Connection…"));
    if (connection.kind == Connection::Kind::Lab && !TokenStore::isLocalLab(connection)) {
        // GH_TOKEN is not given to a lab on another host (TokenStore::environmentToken()).
        return i18nc("@info %1 the File menu, %2 its Connection item",
            "Enter a token in %1 > %2, or set GLC_LAB_TOKEN.", menu, item);
    }
    if (connection.kind == Connection::Kind::Server) {
        // Nor is GH_TOKEN given to a server: it holds a github.com token.
        return i18nc("@info %1 the File menu, %2 its Connection item",
            "Enter a token in %1 > %2, or set GH_ENTERPRISE_TOKEN.", menu, item);
    }
    return i18nc(
        "@info %1 the File menu, %2 its Connection item", "Enter a token in %1 > %2, or set GH_TOKEN.", menu, item);
}

QStringList LicenseController::exportHosts() const
{
    QStringList hosts = serverHosts();
    if (m_connection.kind == Connection::Kind::Server && !m_connection.serverHost.isEmpty() &&
        !hosts.contains(m_connection.serverHost)) {
        hosts.prepend(m_connection.serverHost);
    }
    return hosts;
}

QStringList LicenseController::syncHosts() const
{
    QStringList hosts;
    for (const LicenseSyncStatus &status : m_data.snapshot.syncStatus) {
        hosts.append(status.hostname);
    }
    return hosts;
}

QStringList LicenseController::serverHosts() const
{
    QStringList hosts;
    for (const LicenseSyncStatus &status : m_data.snapshot.syncStatus) {
        hosts.append(status.hostname);
    }
    for (const EnterpriseServerInstallation &installation : m_data.snapshot.installations) {
        if (!hosts.contains(installation.hostName)) {
            hosts.append(installation.hostName);
        }
    }
    HostOrder::sort(hosts); // the offline ones among the others
    return hosts;
}

void LicenseController::reload()
{
    reloadThen({});
}

void LicenseController::reloadThen(const std::function<void()> &done)
{
    auto *job = new PageDataJob(m_context);
    m_pageData = job;
    connect(job, &PageDataJob::rowsReady, this, [this](const CompactLicenseRows &rows) { m_seats->setRows(rows); });
    connect(job, &WorkflowJob::finished, this, [this, job, done] {
        const auto finish = qScopeGuard([&done] {
            if (done) {
                done();
            }
        });
        if (job->status() == WorkflowJob::Status::Cancelled) {
            return; // the console is closing
        }
        if (job->status() != WorkflowJob::Status::Succeeded) {
            m_page->showError(job->errorText(), job->nextStep());
            startLab();
            return;
        }
        const PageData data = job->data();
        apply(data);
        startLab();
        takeLabPastIfMissing(data);
        if (!data.hasSnapshot && m_options.refreshWhenEmpty) {
            m_options.refreshWhenEmpty = false;
            m_takeHistory = usesBuiltInLab(m_connection);
            refresh();
        }
    });
    m_runner->start(job);
}

void LicenseController::refresh()
{
    if (m_refresh || m_refreshQueued) {
        return;
    }
    m_page->clearError();
    m_page->setRefreshing(true);
    m_page->setRefreshProgress(0, 0, 0);
    if (m_connectionPending || m_tokenPending) {
        // Queued until start() has read the connection (activateLoaded()), or the keychain has answered with
        // its token (tokenKnown()); Cancel drops it.
        m_refreshQueued = true;
        return;
    }
    if (usesBuiltInLab(m_connection) && !m_lab->isRunning()) {
        // Queued behind the lab's start; Cancel drops it, a failed start ends it.
        m_refreshQueued = true;
        if (m_lab->state() != LabHost::State::Failed) {
            Q_EMIT statusMessage(i18nc("@info:status", "Starting the built-in license lab…"));
        }
        whenLabReady(this, [this] {
            if (m_refreshQueued) {
                m_refreshQueued = false;
                startRefresh();
            }
        });
        return;
    }
    startRefresh();
}

int LicenseController::firstStartHistoryWeeks(const Options &options)
{
    return std::clamp(historyRowBudget / std::max(1, options.labConfig.users), 0, std::max(0, options.historyWeeks));
}

void LicenseController::takeLabPastIfMissing(const PageData &data)
{
    // A first start closed before the lab's past was in leaves one snapshot: take the past now.
    const int weeks = firstStartHistoryWeeks(m_options);
    if (weeks == 0 || m_pastTried || !data.hasSnapshot || data.history.size() != 1 || data.labPastTaken ||
        !usesBuiltInLab(m_connection) || isRefreshing()) {
        return;
    }
    m_page->clearError();
    m_page->setRefreshing(true);
    m_page->setRefreshProgress(0, 0, 0);
    if (!m_lab->isRunning()) {
        // Queued behind the lab's start like a refresh; Cancel drops it, a failed start ends it.
        m_refreshQueued = true;
        whenLabReady(this, [this, weeks, present = data.snapshot.takenAt] {
            if (std::exchange(m_refreshQueued, false)) {
                startHistory(weeks, present);
            }
        });
        return;
    }
    startHistory(weeks, data.snapshot.takenAt);
}

void LicenseController::startHistory(int weeks, const QDateTime &present)
{
    m_pastTried = true; // once per run, whatever comes of it (while queued, isRefreshing() guards)
    // Today's snapshot is on the page already; the page stays busy while the past comes in (several
    // weeks fetch at once) and the status bar names the week being written.
    auto *job = new LabHistoryJob(m_context, weeks);
    job->setPresent(present); // the newest past week is a week before the snapshot on the page
    m_refresh = job;
    connect(job, &WorkflowJob::stageChanged, this, [this](int, const QString &text) { Q_EMIT statusMessage(text); });
    connect(job, &WorkflowJob::finished, this, [this, job] {
        qCDebug(GLC_UI) << "first start: lab history" << job->status() << job->takenAt().size() << "snapshots";
        m_refresh = nullptr; // ended: F5 may start the next one while the page reloads
        const auto finished = [this] {
            refreshEnded(true); // today's snapshot is in, with or without its past
        };
        if (job->status() == WorkflowJob::Status::Succeeded) {
            Q_EMIT statusMessage(i18ncp("@info:status", "Added %1 weekly snapshot of the license lab's history.",
                "Added %1 weekly snapshots of the license lab's history.", int(job->takenAt().size())));
            reloadThen(finished); // finished once the page shows the past too
            return;
        }
        refreshFailed(job); // today's snapshot stays; only the past is missing
        finished();
    });
    m_runner->start(job);
}

void LicenseController::refreshFailed(WorkflowJob *job)
{
    if (job->status() == WorkflowJob::Status::Cancelled) {
        Q_EMIT statusMessage(i18nc("@info:status", "Refresh cancelled; the previous snapshot is unchanged."));
    } else {
        m_page->showError(job->errorText(), job->nextStep());
    }
}

WorkflowContext LicenseController::context() const
{
    WorkflowContext context = m_context;
    context.linkServers(m_storedConnections);
    return context;
}

void LicenseController::startRefresh()
{
    auto *job = new RefreshJob(context());
    m_refresh = job;
    connect(job, &WorkflowJob::progress, this, [this](qint64 done, qint64 total, qint64 users) {
        m_page->setRefreshProgress(int(done), int(total), int(users));
    });
    connect(job, &WorkflowJob::stageChanged, this, [this](int, const QString &text) { Q_EMIT statusMessage(text); });
    connect(job, &WorkflowJob::finished, this, [this, job] {
        m_refresh = nullptr; // ended: F5 may start the next one while the page reloads
        const bool success = job->status() == WorkflowJob::Status::Succeeded;
        if (success) {
            const QString refreshed = i18ncp("@info:status", "Refreshed: %1 seat consumed.",
                "Refreshed: %1 seats consumed.", job->snapshot().licenses.totalSeatsConsumed);
            // What the lenient readers forgave and what retention did is said, not hidden: an admin may
            // want to tell GitHub, or wonder where last month went.
            QString message = refreshed;
            for (const QString &note : job->notes()) {
                message = i18nc("@info:status %1 refreshed, %2 a note about it", "%1 %2", message, note);
            }
            Q_EMIT statusMessage(message);
            if (const QStringList servers = job->serverNotes(); !servers.isEmpty()) {
                m_page->showWarning(servers.join(QLatin1Char(' ')),
                    i18nc("@info",
                        "The page shows what those connections read last; refresh again once they can "
                        "be reached."));
            }
            reload();
            // A first start on the lab: today's snapshot shows at once, then the lab's past weeks
            // are added behind it (the store orders history by date, not by when it was written).
            if (const int weeks = firstStartHistoryWeeks(m_options); weeks > 0 && std::exchange(m_takeHistory, false)) {
                startHistory(weeks, job->snapshot().takenAt);
                return;
            }
        } else {
            refreshFailed(job);
        }
        refreshEnded(success);
    });
    m_runner->start(job);
}

void LicenseController::refreshEnded(bool success)
{
    m_page->setRefreshing(false);
    Q_EMIT refreshFinished(success);
    if (std::exchange(m_refreshWhenDone, false)) {
        refresh();
    }
}

void LicenseController::cancelRefresh()
{
    m_takeHistory = false;
    m_refreshWhenDone = false;
    if (m_refreshQueued) {
        m_refreshQueued = false;
        m_page->setRefreshing(false);
        Q_EMIT statusMessage(i18nc("@info:status", "Refresh cancelled; the previous snapshot is unchanged."));
        Q_EMIT refreshFinished(false);
        return;
    }
    if (m_refresh) {
        JobRunner::cancel(m_refresh);
    }
}

qint64 LicenseController::serverClockOffset() const
{
    // The built-in lab dates syncs, uploads and expiry in lab time, and its clock can be moved on
    // (POST /_lab/clock/advance): judge its dates by that clock, or a week in the lab never looks stale.
    // The offset the lab reported when its clock moved: nothing here waits for the lab's thread.
    return usesBuiltInLab(m_connection) && m_lab->isRunning() ? m_lab->clockOffsetSeconds() : 0;
}

std::function<QDateTime()> LicenseController::serverClock() const
{
    const qint64 offset = serverClockOffset();
    return [offset] { return QDateTime::currentDateTimeUtc().addSecs(offset); };
}

void LicenseController::apply(const PageData &data)
{
    QElapsedTimer timer;
    timer.start();
    m_data = data;
    const std::function<QDateTime()> clock = serverClock();
    m_page->userLicensesCard()->setClock(clock);
    m_page->licenseSyncCard()->setClock(clock);
    m_page->serverInstancesCard()->setClock(clock);
    const LicenseSnapshot &snapshot = data.snapshot;
    LicenseSummary summary;
    summary.consumed = snapshot.licenses.totalSeatsConsumed;
    summary.purchased = snapshot.licenses.totalSeatsPurchased;
    summary.unlimited = snapshot.unlimitedSeats();
    // An enterprise's user licenses, or a server's own license. GitHub Enterprise Cloud does not tell the
    // expiry date, the servers' license files do: the soonest of them is the one to act on.
    summary.kind = m_connection.kind == Connection::Kind::Server && !snapshot.serverLicenses.isEmpty()
        ? snapshot.serverLicenses.first().kind
        : QStringLiteral("enterprise");
    const QList<ServerLicenseInfo> serverLicenses = data.allServerLicenses();
    if (const ServerLicenseInfo *soonest = ServerLicenseInfo::soonestExpiry(serverLicenses)) {
        summary.expiresAt = soonest->expireAt;
        if (m_connection.kind != Connection::Kind::Server) {
            summary.expiryFrom = soonest->hostname;
        }
    }
    m_page->userLicensesCard()->setSummary(summary);
    m_page->historyChart()->setExpiry(summary.expiresAt);
    m_page->userLicensesCard()->setServerLicenses(serverLicenses);

    // Each server as GitHub lists it, with the licenses of linked GHES connections and the usage files
    // made here: the instances card's model, which also gives the sync card each server's version and
    // GitHub Connect state.
    LicenseSnapshot servers = snapshot;
    servers.serverLicenses = serverLicenses;
    m_page->serverInstancesCard()->setUploadDays(data.uploadDays);
    m_page->serverInstancesCard()->setSnapshot(servers, data.usageFiles);
    const ServerInstancesModel *instances = m_page->serverInstancesCard()->model();
    QList<ServerRow> rows;
    for (const LicenseSyncStatus &status : snapshot.syncStatus) {
        ServerRow row;
        row.sync = status;
        if (const ServerInstancesModel::Instance *instance = instances->instanceFor(status.hostname)) {
            row.version = instance->version;
            row.connected = instance->connected;
        }
        rows.append(row);
    }
    m_page->licenseSyncCard()->setServers(rows);
    m_page->licenseSyncCard()->setSyncEnabled(data.hasSnapshot);

    qCDebug(GLC_UI) << "apply: sync card after" << timer.elapsed() << "ms";
    const CompactLicenseRows &users = data.rows;
    m_page->countedTwicePanel()->showAnalysis(data.countedTwice, users, data.people);
    qCDebug(GLC_UI) << "apply: cards after" << timer.elapsed() << "ms";
    m_seats->setRows(users);
    // The model holds the rows now (the same shared buffers); the page data does not keep them too.
    m_data.rows = {};
    qCDebug(GLC_UI) << "apply: model filled after" << timer.elapsed() << "ms";
    m_seats->model()->setCountedTwiceRows(data.countedTwiceRows);
    qCDebug(GLC_UI) << "apply: counted-twice rows after" << timer.elapsed() << "ms";

    // The chart draws the history model (and its forecast) whenever it changes.
    m_history->setHistory(data.history, snapshot.unlimitedSeats());
    m_usageFiles->setFiles(data.usageFiles);
    m_syncHistory->setRecords(data.syncHistory);
    m_page->setForecastText(data.history.isEmpty()
            ? QString()
            : data.forecast.text(snapshot.licenses.totalSeatsPurchased, summary.expiresAt, clock()));

    if (data.hasSnapshot) {
        m_page->setLastRefreshed(snapshot.takenAt, Connection::sourceText(m_connection.kind, snapshot.source));
    }
    m_seats->setFilterChoices(data, serverHosts());
    m_page->attentionCard()->setClock(clock);
    updateAttention();
    qCDebug(GLC_UI) << "apply: done after" << timer.elapsed() << "ms";
    Q_EMIT dataLoaded();
}

void LicenseController::updateAttention()
{
    // The licenses as the page shows them, those of servers with a connection of their own too, and the servers
    // without GitHub Connect as the instances card judges them: by the newer of GitHub's last upload and one made
    // from the console.
    const LicenseSnapshot snapshot = m_data.shownSnapshot();
    Attention::Input input =
        Attention::inputFrom(snapshot, m_data.countedTwice, m_data.forecast, m_data.uploadDays, QDateTime());
    // The card judges by the server's clock (the built-in lab's may have moved on); a snapshot is dated by this
    // computer's clock, and was taken a moment ago in the lab's time: its time on the server's clock now.
    input.snapshotTakenAt = snapshot.takenAt.addSecs(serverClockOffset());
    // The card judges by the page's clock (`now` is its own).
    m_page->attentionCard()->setInput(input, m_data.hasSnapshot);
}

void LicenseController::downloadReport()
{
    m_report->start();
}

void LicenseController::writeReport(const QString &path, LicenseReportWriter::Format format, bool utf8Bom)
{
    m_report->write(path, format, utf8Bom);
}
