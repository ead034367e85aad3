// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The four user actions end to end against the in-process lab, over real sockets, with a real store.

#include "ghesstandin.h"
#include "github/githuberror.h"
#include "lab/licenselab.h"
#include "labbrowser.h"
#include "storage/licensestore.h"
#include "testkeychain.h"
#include "workflows/addserverusagejob.h"
#include "workflows/capability.h"
#include "workflows/connectiontestjob.h"
#include "workflows/exportusagejob.h"
#include "workflows/jobrunner.h"
#include "workflows/labhistoryjob.h"
#include "workflows/labhost.h"
#include "workflows/pagedatajob.h"
#include "workflows/refreshjob.h"
#include "workflows/syncnowjob.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSignalSpy>
#include <QSqlDatabase>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <optional>

using namespace Glc;
using namespace Qt::Literals::StringLiterals;

namespace {
/// Work that does not return to the event loop until it is done or told to stop (a snapshot written, a
/// database compacted): at most 30 s.
class BlockingJob : public WorkflowJob
{
public:
    BlockingJob(std::atomic_bool *running, std::atomic_bool *sawCancel)
        : WorkflowJob(WorkflowContext{})
        , m_running(running)
        , m_sawCancel(sawCancel)
    {
    }

protected:
    void run() override
    {
        *m_running = true;
        QElapsedTimer timer;
        timer.start();
        while (!cancelRequested() && timer.elapsed() < 30000) {
            QThread::msleep(5);
        }
        *m_sawCancel = cancelRequested();
        succeed();
    }

private:
    std::atomic_bool *m_running;
    std::atomic_bool *m_sawCancel;
};
} // namespace

class WorkflowsTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    std::unique_ptr<LabHost> m_lab;

    WorkflowContext startLab(const LabConfig &config)
    {
        m_lab = std::make_unique<LabHost>();
        QString error;
        [&] { QVERIFY2(m_lab->start(config, &error), qPrintable(error)); }();
        WorkflowContext context;
        context.connection = m_lab->connection();
        context.connection.id = QStringLiteral("lab-test");
        context.token = m_lab->token();
        context.storeLocation =
            m_dir.filePath(QString::fromLatin1(QTest::currentTestFunction()) + QStringLiteral(".sqlite"));
        context.labActions = !config.githubLike;
        context.pollIntervalMs = 50;
        context.assistTimeoutMs = 20000;
        return context;
    }

    static LabConfig smallLab()
    {
        LabConfig config;
        config.users = 150;
        config.servers = 3;
        config.syncDurationMs = 100;
        return config;
    }

    static bool runToEnd(WorkflowJob *job, int timeoutMs = 30000)
    {
        QSignalSpy finished(job, &WorkflowJob::finished);
        job->start();
        return finished.count() == 1 || finished.wait(timeoutMs);
    }

    QList<LabEnterprise::Server> servers()
    {
        QList<LabEnterprise::Server> result;
        m_lab->runInLab([&result](LicenseLab *lab) { result = lab->enterprise().servers(); });
        return result;
    }

    /// The first server whose GitHub Connect is `connected` (on or off), empty when none.
    QString hostConnected(bool connected)
    {
        for (const auto &server : servers()) {
            if (server.connected == connected) {
                return server.hostname;
            }
        }
        return {};
    }
    QString connectedHost() { return hostConnected(true); }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QVERIFY(m_dir.isValid());
    }

    void cleanup() { m_lab.reset(); }

    void shouldRefreshIntoAStoredSnapshot()
    {
        const WorkflowContext context = startLab(smallLab());
        int labSeats = 0;
        m_lab->runInLab(
            [&labSeats](LicenseLab *lab) { labSeats = lab->enterprise().consumedLicenses().totalSeatsConsumed; });
        RefreshJob job(context);
        QSignalSpy progress(&job, &WorkflowJob::progress);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QVERIFY(job.snapshot().id > 0);
        QCOMPARE(job.snapshot().licenses.totalSeatsConsumed, labSeats);
        QCOMPARE(job.snapshot().licenses.users.size(), labSeats);
        QCOMPARE(job.snapshot().syncStatus.size(), servers().size() > 0 ? job.snapshot().syncStatus.size() : 0);
        QVERIFY(!job.snapshot().installations.isEmpty());
        QVERIFY(!progress.isEmpty());
        // Every lab server read as a GHES connection to it would: its version and its own active users, in
        // host order, the air-gapped one (no sync status) too.
        QList<LabEnterprise::Server> labServers;
        m_lab->runInLab([&labServers](LicenseLab *lab) { labServers = lab->enterprise().servers(); });
        QVERIFY(labServers.size() > 1);
        const QList<ServerLicenseInfo> licenses = job.snapshot().serverLicenses;
        QCOMPARE(licenses.size(), labServers.size());
        for (qsizetype i = 0; i < labServers.size(); ++i) {
            QCOMPARE(licenses.at(i).hostname, labServers.at(i).hostname);
            QCOMPARE(licenses.at(i).installedVersion, labServers.at(i).version);
            QCOMPARE(licenses.at(i).seatsUsed, LabEnterprise::activeUsers(labServers.at(i)));
            QVERIFY(licenses.at(i).expireAt.isValid());
        }

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto latest = store.latestSnapshot(context.connection.id);
        QVERIFY(latest.ok() && latest.value);
        QCOMPARE(latest.value->id, job.snapshot().id);
        QCOMPARE(latest.value->totalSeatsConsumed, labSeats);
        const auto users = store.loadConsumedLicenses(latest.value->id);
        QCOMPARE(users.value, job.snapshot().licenses.users);
        const auto stored = store.loadSnapshot(latest.value->id);
        QCOMPARE(stored.value.serverLicenses.size(), labServers.size());
        QCOMPARE(stored.value.serverLicenses.first().installedVersion, labServers.first().version);
    }

    void shouldReadEachServerThroughItsOwnConnection()
    {
        // A second lab on 127.0.0.1, behind its test CA, answers as the GitHub Enterprise Server of the
        // enterprise's first server, which the enterprise names "127.0.0.1". Without servers of its own its
        // version is the lab's default, not the enterprise's first server's.
        Test::GhesStandIn ghes;
        QString error;
        QVERIFY2(ghes.start(&error), qPrintable(error));
        const int ghesSeats = ghes.seatsUsed();
        LabConfig config = smallLab();
        config.serverHostnames = {QStringLiteral("127.0.0.1"), QStringLiteral("localhost")};
        WorkflowContext context = startLab(config);
        const QList<LabEnterprise::Server> labServers = servers();
        const Connection own = ghes.connection(QStringLiteral("ghes-own"));
        // The second server's connection points at a port nobody listens on.
        Connection gone = own;
        gone.id = QStringLiteral("ghes-gone");
        gone.name = QStringLiteral("GHES gone");
        gone.serverHost = QStringLiteral("localhost:1");
        // A server the enterprise does not name: its token is not asked for.
        Connection elsewhere = own;
        elsewhere.id = QStringLiteral("ghes-elsewhere");
        elsewhere.serverHost = QStringLiteral("ghes.elsewhere.example");
        context.linkedServers = {own, gone, elsewhere};
        context.clientOptions.backoffBaseMs = 50;
        // The servers' tokens are in the keychain, as the console's connection dialog saved them.
        Test::TestKeychain keychain;
        keychain.write(own.id, ghes.token());
        keychain.write(gone.id, QStringLiteral("gone-token"));
        keychain.write(elsewhere.id, QStringLiteral("elsewhere-token"));

        RefreshJob job(context);
        QVERIFY(runToEnd(&job, 60000));
        QStringList asked = keychain.reads();
        asked.sort();
        QCOMPARE(asked, (QStringList{gone.id, own.id}));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QHash<QString, ServerLicenseInfo> byHost;
        for (const ServerLicenseInfo &license : job.snapshot().serverLicenses) {
            byHost.insert(license.hostname, license);
        }
        // Read through its own connection (the enterprise's name for it, without the port)...
        QVERIFY(byHost.contains(QStringLiteral("127.0.0.1")));
        QCOMPARE(byHost.value(QStringLiteral("127.0.0.1")).seatsUsed, ghesSeats);
        QCOMPARE(byHost.value(QStringLiteral("127.0.0.1")).installedVersion, Test::GhesStandIn::Version);
        QVERIFY(labServers.first().version != Test::GhesStandIn::Version);
        // ...the unreachable one is a note beside the snapshot, not a failed refresh...
        QVERIFY(!byHost.contains(QStringLiteral("localhost")));
        QCOMPARE(job.serverNotes().size(), 1);
        QVERIFY2(job.serverNotes().first().contains(QLatin1String("The license of localhost could not be read through "
                                                                  "its connection GHES gone")),
            qPrintable(job.serverNotes().first()));
        QVERIFY(job.notes().contains(job.serverNotes().first()));
        // ...and the lab's third server, without a connection of its own, through the lab's view of it.
        QCOMPARE(byHost.value(labServers.at(2).hostname).installedVersion, labServers.at(2).version);
        QCOMPARE(job.snapshot().serverLicenses.size(), 2);

        // A server whose connection has no token is not asked without one (nor with the enterprise's): a note.
        keychain.remove(own.id);
        RefreshJob without(context);
        QVERIFY(runToEnd(&without, 60000));
        QCOMPARE(without.status(), WorkflowJob::Status::Succeeded);
        QCOMPARE(without.serverNotes().size(), 2);
        QVERIFY2(without.serverNotes().contains(
                     QStringLiteral("The license of 127.0.0.1 could not be read: its connection %1 has no token "
                                    "(GH_ENTERPRISE_TOKEN is not set, and the keychain has none for it).")
                         .arg(own.name)),
            qPrintable(without.serverNotes().join(QLatin1Char('\n'))));
        for (const ServerLicenseInfo &license : without.snapshot().serverLicenses) {
            QVERIFY(license.hostname != QLatin1String("127.0.0.1"));
        }
    }

    void shouldKeepThePreviousSnapshotWhenARefreshIsCancelled()
    {
        LabConfig config = smallLab();
        config.users = 3000;
        config.faults.latencyMs = 40;
        WorkflowContext context = startLab(config);
        context.clientOptions.concurrency = 2;
        {
            RefreshJob first(context);
            QVERIFY(runToEnd(&first, 60000));
            QCOMPARE(first.status(), WorkflowJob::Status::Succeeded);
        }
        m_lab->runInLab([](LicenseLab *lab) {
            lab->enterprise().setServerUserSuspended(lab->enterprise().servers().first().hostname,
                lab->enterprise().servers().first().users.first().login, true);
        });
        RefreshJob second(context);
        QSignalSpy progress(&second, &WorkflowJob::progress);
        QSignalSpy finished(&second, &WorkflowJob::finished);
        second.start();
        QVERIFY(progress.wait(10000));
        second.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(second.status(), WorkflowJob::Status::Cancelled);

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto all = store.snapshots(context.connection.id);
        QCOMPARE(all.value.size(), 1);
        QCOMPARE(store.loadConsumedLicenses(all.value.first().id).value.size(), all.value.first().userCount);
    }

    void shouldStopWritingASnapshotWhenCancelledFromAnotherThread()
    {
        // The console runs jobs in a worker thread; writing a snapshot does not return to its event loop, so
        // the cancel has to reach the write itself. The cancel comes as the write begins.
        const WorkflowContext context = startLab(smallLab());
        {
            RefreshJob first(context);
            QVERIFY(runToEnd(&first));
            QCOMPARE(first.status(), WorkflowJob::Status::Succeeded);
        }
        JobRunner runner;
        auto *job = new RefreshJob(context);
        std::optional<WorkflowJob::Status> status;
        QString errorText;
        connect(
            job, &WorkflowJob::stageChanged, job,
            [job](int stage) {
                if (stage == RefreshJob::Saving) {
                    QVERIFY(QThread::currentThread() != qApp->thread());
                    JobRunner::cancel(job); // from the worker thread, as the write starts
                }
            },
            Qt::DirectConnection);
        connect(job, &WorkflowJob::finished, this, [&] {
            status = job->status();
            errorText = job->errorText();
        });
        runner.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 30000);
        QCOMPARE(*status, WorkflowJob::Status::Cancelled);
        QCOMPARE(errorText, QStringLiteral("Cancelled."));
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.snapshots(context.connection.id).value.size(), 1);
    }

    void shouldStopAPageLoadWhenCancelled()
    {
        // The console closes while its page loads: the job ends once the rows are read, without the analysis.
        const WorkflowContext context = startLab(smallLab());
        {
            RefreshJob first(context);
            QVERIFY(runToEnd(&first));
        }
        JobRunner runner;
        auto *job = new PageDataJob(context);
        std::optional<WorkflowJob::Status> status;
        connect(
            job, &PageDataJob::rowsReady, job, [job](const CompactLicenseRows &) { JobRunner::cancel(job); },
            Qt::DirectConnection);
        connect(job, &WorkflowJob::finished, this, [&] {
            status = job->status();
            QVERIFY(job->data().countedTwice.pairs.isEmpty()); // stopped before the analysis
        });
        runner.start(job);
        QTRY_VERIFY_WITH_TIMEOUT(status.has_value(), 30000);
        QCOMPARE(*status, WorkflowJob::Status::Cancelled);
        // Uncancelled, the same load finds the pairs.
        PageDataJob whole(context);
        QVERIFY(runToEnd(&whole));
        QCOMPARE(whole.status(), WorkflowJob::Status::Succeeded);
        QVERIFY(!whole.data().countedTwice.pairs.isEmpty());
    }

    void shouldStopAStepsWriteWhenItsJobIsCancelled()
    {
        // The lab's past is taken by refreshes that are steps (children) of a LabHistoryJob: a cancel of that
        // job from another thread has to stop a step's write as well (quitting the console waits for it).
        const WorkflowContext context = startLab(smallLab());
        LabHistoryJob history(context, 4);
        auto *step = new RefreshJob(context, &history);
        QSignalSpy stages(step, &WorkflowJob::stageChanged);
        connect(step, &WorkflowJob::stageChanged, step, [&history](int stage) {
            if (stage == RefreshJob::Saving) {
                history.requestCancel(); // what JobRunner::cancel(&history) does at once
            }
        });
        QVERIFY(runToEnd(step));
        QCOMPARE(step->status(), WorkflowJob::Status::Cancelled);
        QCOMPARE(stages.constLast().at(0).toInt(), int(RefreshJob::Saving)); // it got as far as the write
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.snapshots(context.connection.id).value.size(), 0);
    }

    void shouldSyncAServerAutomaticallyOnTheLab()
    {
        const WorkflowContext context = startLab(smallLab());
        const QString host = connectedHost();
        QVERIFY(!host.isEmpty());
        SyncNowJob job(context, {host});
        QSignalSpy stages(&job, &WorkflowJob::stageChanged);
        QSignalSpy assisted(&job, &WorkflowJob::assistRequired);
        QVERIFY(runToEnd(&job));
        QVERIFY2(job.status() == WorkflowJob::Status::Succeeded, qPrintable(job.errorText()));
        QCOMPARE(assisted.count(), 0);
        QCOMPARE(job.results().size(), 1);
        QVERIFY(job.results().first().confirmed);
        QVERIFY(job.results().first().success);
        QList<int> seen;
        for (const auto &stage : stages) {
            seen.append(stage.at(0).toInt());
        }
        QVERIFY(seen.contains(SyncNowJob::Requesting));
        QVERIFY(seen.contains(SyncNowJob::WaitingForJob));
        QVERIFY(seen.contains(SyncNowJob::Confirming));

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto history = store.syncStatusHistory(context.connection.id);
        QVERIFY(history.ok());
        QVERIFY(std::any_of(history.value.cbegin(), history.value.cend(),
            [&](const SyncStatusRecord &r) { return r.status.hostname == host && r.status.isSuccess(); }));
    }

    void shouldReportAFailedSyncWithTheServersError()
    {
        const WorkflowContext context = startLab(smallLab());
        const QString host = connectedHost();
        const QString githubError = QStringLiteral("Unable to reach GitHub Enterprise Cloud: connection timed out");
        m_lab->runInLab([&githubError](LicenseLab *lab) {
            LabFaults faults = lab->faults();
            faults.syncError = githubError;
            lab->setFaults(faults);
        });
        SyncNowJob job(context, {host});
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY2(job.errorText().contains(githubError), qPrintable(job.errorText()));
        QVERIFY(!job.nextStep().isEmpty());
        QCOMPARE(job.results().size(), 1);
        QVERIFY(!job.results().first().success);
        QCOMPARE(job.results().first().error, githubError);

        // The failure lands in the sync history.
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto history = store.syncStatusHistory(context.connection.id);
        QVERIFY(std::any_of(history.value.cbegin(), history.value.cend(), [&](const SyncStatusRecord &r) {
            return r.status.hostname == host && !r.status.isSuccess() && r.status.error == githubError;
        }));
    }

    void shouldRefuseToSyncAServerTheEnterpriseDoesNotKnow()
    {
        const WorkflowContext context = startLab(smallLab());
        SyncNowJob job(context, {QStringLiteral("nowhere.example.com")});
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY(job.errorText().contains(QLatin1String("nowhere.example.com")));
    }

    void shouldTellEachActionsCapabilityPerConnection_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<bool>("labActions");
        QTest::addColumn<bool>("adminShell");
        QTest::addColumn<int>("action");
        QTest::addColumn<int>("expected");
        QTest::addColumn<QString>("words");
        using A = Capability::Action;
        using K = Capability::Kind;
        const int lab = int(Connection::Kind::Lab);
        const int cloud = int(Connection::Kind::Cloud);
        const int server = int(Connection::Kind::Server);
        QTest::newRow("lab sync") << lab << true << false << int(A::SyncNow) << int(K::Automatic) << u"lab"_s;
        QTest::newRow("github-like lab sync")
            << lab << false << false << int(A::SyncNow) << int(K::Assisted) << u"no API to start a sync"_s;
        QTest::newRow("cloud sync") << cloud << false << false << int(A::SyncNow) << int(K::Assisted)
                                    << u"confirms the new sync"_s;
        QTest::newRow("server sync") << server << false << true << int(A::SyncNow) << int(K::Unavailable)
                                     << u"GitHub Enterprise Cloud connection"_s;
        QTest::newRow("lab export") << lab << true << false << int(A::ExportUsage) << int(K::Automatic) << u"lab"_s;
        QTest::newRow("server export over ssh") << server << false << true << int(A::ExportUsage) << int(K::Automatic)
                                                << u"ssh -p 122 admin@ghe.example.com"_s;
        QTest::newRow("server export without shell")
            << server << false << false << int(A::ExportUsage) << int(K::Assisted) << u"Turn on admin-shell access"_s;
        QTest::newRow("cloud export") << cloud << false << false << int(A::ExportUsage) << int(K::Assisted)
                                      << u"pick the downloaded file"_s;
        QTest::newRow("lab upload") << lab << true << false << int(A::AddServerUsage) << int(K::Automatic) << u"lab"_s;
        QTest::newRow("cloud upload") << cloud << false << false << int(A::AddServerUsage) << int(K::Assisted)
                                      << u"confirms the upload"_s;
        QTest::newRow("server upload") << server << false << true << int(A::AddServerUsage) << int(K::Unavailable)
                                       << u"added in GitHub Enterprise Cloud"_s;
    }

    void shouldTellEachActionsCapabilityPerConnection()
    {
        QFETCH(int, kind);
        QFETCH(bool, labActions);
        QFETCH(bool, adminShell);
        QFETCH(int, action);
        QFETCH(int, expected);
        QFETCH(QString, words);
        WorkflowContext context;
        context.connection.kind = Connection::Kind(kind);
        context.connection.serverHost = QStringLiteral("ghe.example.com");
        context.connection.adminShell.enabled = adminShell;
        context.labActions = labActions;
        const Capability capability = Capability::of(Capability::Action(action), context);
        QCOMPARE(int(capability.kind), expected);
        QCOMPARE(capability.available(), expected != int(Capability::Kind::Unavailable));
        QVERIFY2(capability.text.contains(words), qPrintable(capability.text));
    }

    void shouldRefuseToUploadFromAServerConnection()
    {
        WorkflowContext context = startLab(smallLab());
        context.connection.kind = Connection::Kind::Server;
        context.connection.serverHost = context.connection.labUrl.authority();
        const QString file = m_dir.filePath(QStringLiteral("any.json"));
        QFile out(file);
        QVERIFY(out.open(QIODevice::WriteOnly));
        out.write(R"({"instance":{"server_id":"s","host_name":"h"},"users":[]})");
        out.close();
        AddServerUsageJob job(context, {file}, AddServerUsageJob::Mode::Upload);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY2(
            job.nextStep().contains(QLatin1String("added in GitHub Enterprise Cloud")), qPrintable(job.nextStep()));
        QVERIFY(job.results().isEmpty()); // nothing checked, nothing sent
    }

    void shouldSaySyncNowIsUnavailableOnAServerConnection()
    {
        WorkflowContext context = startLab(smallLab());
        context.connection.kind = Connection::Kind::Server;
        context.connection.serverHost = context.connection.labUrl.authority();
        SyncNowJob job(context, {connectedHost()});
        QSignalSpy assisted(&job, &WorkflowJob::assistRequired);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY2(job.errorText().contains(QLatin1String("GitHub Enterprise Server connection")),
            qPrintable(job.errorText()));
        QVERIFY2(
            job.nextStep().contains(QLatin1String("GitHub Enterprise Cloud connection")), qPrintable(job.nextStep()));
        QCOMPARE(assisted.count(), 0);
    }

    void shouldConfirmAnAssistedSyncByPolling()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        const WorkflowContext context = startLab(config);
        const QString host = connectedHost();
        SyncNowJob job(context, {host});
        QUrl opened;
        LabBrowser browser(m_lab->url(), m_lab->token());
        connect(&job, &WorkflowJob::assistRequired, this, [&](const QUrl &page, const QString &) {
            opened = page;
            // The admin's click on "Sync now" in the browser, over HTTP; the job only sees it by polling.
            browser.clickSyncNow(host);
        });
        QVERIFY(runToEnd(&job));
        QVERIFY2(job.status() == WorkflowJob::Status::Succeeded, qPrintable(job.errorText()));
        QCOMPARE(opened.host(), host);
        QVERIFY(job.results().first().confirmed);
        QCOMPARE(browser.answers(), QList<int>{202});
        QCOMPARE(browser.answeredPaths(), QStringList{QStringLiteral("/_lab/browser/servers/%1/sync").arg(host)});
    }

    void shouldOpenAServersOwnLicensePageWhenItHasAConnection()
    {
        // GitHub-like: each server's License settings page is opened. One server has a Server connection of its own
        // (its web port, the enterprise's slug there): its page, not the server's list of enterprises.
        LabConfig config = smallLab();
        config.githubLike = true;
        WorkflowContext context = startLab(config);
        context.assistTimeoutMs = 200;
        QStringList hosts;
        for (const LabEnterprise::Server &server : servers()) {
            if (server.connected) {
                hosts.append(server.hostname);
            }
        }
        QVERIFY(hosts.size() >= 2);
        Connection own;
        own.kind = Connection::Kind::Server;
        own.serverHost = hosts.first().toUpper() + QStringLiteral(":8443");
        own.enterpriseSlug = QStringLiteral("acme");
        context.linkedServers = {own};
        SyncNowJob job(context, hosts.mid(0, 2));
        QList<QUrl> pages;
        connect(&job, &WorkflowJob::assistRequired, this, [&pages](const QUrl &page) { pages.append(page); });
        QVERIFY(runToEnd(&job));
        QCOMPARE(pages,
            (QList<QUrl>{QUrl(QStringLiteral("https://%1:8443/enterprises/acme/settings/license").arg(hosts.at(0))),
                QUrl(QStringLiteral("https://%1/enterprises").arg(hosts.at(1)))}));
        // The assisted export opens the same page.
        ExportUsageJob exportJob(context, hosts.first(), m_dir.filePath(QStringLiteral("own-page.json")));
        QUrl exportPage;
        connect(&exportJob, &WorkflowJob::assistRequired, this, [&](const QUrl &page) {
            exportPage = page;
            exportJob.cancel();
        });
        QVERIFY(runToEnd(&exportJob));
        QCOMPARE(exportPage, pages.first());
    }

    void shouldTimeOutAnAssistedSyncNobodyClicked()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        WorkflowContext context = startLab(config);
        context.assistTimeoutMs = 300;
        // The server's last sync, a day ago, failed: nobody's click leaves that failure where it was, and the
        // job says it saw no new sync, not the old sync's error.
        const QString host = connectedHost();
        const QString oldError = QStringLiteral("The license sync job failed: upstream is unavailable");
        m_lab->runInLab([&host, &oldError](LicenseLab *lab) {
            const QList<LabEnterprise::Server> labServers = lab->enterprise().servers();
            for (int i = 0; i < labServers.size(); ++i) {
                if (labServers.at(i).hostname == host) {
                    lab->enterprise().recordSyncFailure(i, lab->now().addDays(-1), oldError);
                }
            }
        });
        SyncNowJob job(context, {host});
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QVERIFY(!job.results().first().confirmed);
        QCOMPARE(
            job.results().first().error, QStringLiteral("The server did not report a new sync before the time limit."));
        QVERIFY2(!job.errorText().contains(oldError), qPrintable(job.errorText()));
    }

    void shouldExportAndNeverOverwriteSilently()
    {
        const WorkflowContext context = startLab(smallLab());
        const QString host = servers().first().hostname;
        const QString target = m_dir.filePath(ExportUsageJob::defaultFileName(host, QDate(2026, 11, 21)));
        QCOMPARE(QFileInfo(target).fileName(), QStringLiteral("%1-license-usage-2026-11-21.json").arg(host));
        ExportUsageJob job(context, host, target);
        QVERIFY(runToEnd(&job));
        QVERIFY2(job.status() == WorkflowJob::Status::Succeeded, qPrintable(job.errorText()));
        QCOMPARE(job.summary().info.hostName, host);
        QVERIFY(!job.summary().info.serverId.isEmpty());
        QFile written(target);
        QVERIFY(written.open(QIODevice::ReadOnly));
        const QByteArray first = written.readAll();
        QVERIFY(UsageFile::read(first).ok());

        ExportUsageJob again(context, host, target);
        QVERIFY(runToEnd(&again));
        QCOMPARE(again.status(), WorkflowJob::Status::Failed);
        QVERIFY(again.targetExists());
        written.seek(0);
        QCOMPARE(written.readAll(), first);

        // Allowed to replace it, an export that fails (a server the lab does not know) leaves it as it was.
        ExportUsageJob failing(context, QStringLiteral("no-such-server.lab.example"), target, true);
        QVERIFY(runToEnd(&failing));
        QCOMPARE(failing.status(), WorkflowJob::Status::Failed);
        QVERIFY2(
            failing.errorText().contains(QLatin1String("no-such-server.lab.example")), qPrintable(failing.errorText()));
        written.seek(0);
        QCOMPARE(written.readAll(), first);
        const QString name = QFileInfo(target).fileName();
        QCOMPARE(QDir(m_dir.path()).entryList({name + QLatin1Char('*')}, QDir::Files | QDir::Hidden),
            QStringList{name}); // no temporary file left beside it

        ExportUsageJob replace(context, host, target, true);
        QVERIFY(runToEnd(&replace));
        QCOMPARE(replace.status(), WorkflowJob::Status::Succeeded);

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto files = store.usageFiles(context.connection.id);
        // Both exports are recorded (the refused one is not); two exports within one clock tick have no
        // defined order, so compare them as a set.
        QCOMPARE(files.value.size(), 2);
        QStringList recorded{files.value.at(0).sha256, files.value.at(1).sha256};
        QStringList expected{job.summary().sha256, replace.summary().sha256};
        recorded.sort();
        expected.sort();
        QCOMPARE(recorded, expected);
    }

    void shouldCheckThenUploadAndReachSuccess()
    {
        const WorkflowContext context = startLab(smallLab());
        {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
        }
        QString host = hostConnected(false); // an air-gapped server: its usage arrives by file
        if (host.isEmpty()) {
            host = servers().first().hostname;
        }
        const QString file = m_dir.filePath(QStringLiteral("upload-%1.json").arg(host));
        {
            ExportUsageJob exportJob(context, host, file, true);
            QVERIFY(runToEnd(&exportJob));
            QCOMPARE(exportJob.status(), WorkflowJob::Status::Succeeded);
        }
        const QString empty = m_dir.filePath(QStringLiteral("empty.json"));
        QFile(empty).open(QIODevice::WriteOnly);

        AddServerUsageJob check(context, {file, empty}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&check));
        QCOMPARE(check.results().size(), 2);
        QVERIFY2(check.results().at(0).check.ok(), qPrintable(check.results().at(0).check.message));
        QCOMPARE(check.results().at(1).check.problem, UsageFileCheck::Problem::InvalidFile);
        QVERIFY(!check.results().at(1).check.message.isEmpty());

        AddServerUsageJob upload(context, {file}, AddServerUsageJob::Mode::Upload);
        QSignalSpy fileFinished(&upload, &AddServerUsageJob::fileFinished);
        QVERIFY(runToEnd(&upload));
        QVERIFY2(upload.status() == WorkflowJob::Status::Succeeded, qPrintable(upload.errorText()));
        QCOMPARE(upload.results().first().state, UploadSyncState::Success);
        QVERIFY(fileFinished.count() >= 2); // PENDING, then SUCCESS
        // Each signal carries the file's result as it was then (a receiver in another thread reads no shared list).
        using FileResult = AddServerUsageJob::FileResult;
        QCOMPARE(fileFinished.first().at(1).value<FileResult>().state, UploadSyncState::Pending);
        QCOMPARE(fileFinished.last().at(1).value<FileResult>().state, UploadSyncState::Success);
        QCOMPARE(fileFinished.last().at(1).value<FileResult>().check.path, file);

        AddServerUsageJob twice(context, {file}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&twice));
        QCOMPARE(twice.results().first().check.problem, UsageFileCheck::Problem::AlreadyUploaded);
    }

    void shouldUploadOnlyTheNewestFileOfAServerInOneBatch()
    {
        const WorkflowContext context = startLab(smallLab());
        {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
        }
        const QString host = hostConnected(false);
        QVERIFY(!host.isEmpty());
        const QString exported = m_dir.filePath(QStringLiteral("batch-export.json"));
        {
            ExportUsageJob exportJob(context, host, exported, true);
            QVERIFY(runToEnd(&exportJob));
            QCOMPARE(exportJob.status(), WorkflowJob::Status::Succeeded);
        }
        QFile exportedFile(exported);
        QVERIFY(exportedFile.open(QIODevice::ReadOnly));
        const QJsonObject read = QJsonDocument::fromJson(exportedFile.readAll()).object();
        QVERIFY(!read.isEmpty());
        // Two exports of the one server, two days apart, both after its last upload: each alone is fine.
        const auto writeExport = [this, &read](const QString &name, const QDateTime &exportedAt) {
            QJsonObject copy = read;
            copy.insert(QStringLiteral("exported_at"), exportedAt.toString(Qt::ISODate));
            const QString path = m_dir.filePath(name);
            QFile out(path);
            return out.open(QIODevice::WriteOnly) && out.write(QJsonDocument(copy).toJson()) > 0 ? path : QString();
        };
        const QDateTime now = QDateTime::currentDateTimeUtc();
        const QString older = writeExport(QStringLiteral("earlier.json"), now.addDays(-2));
        const QString newer = writeExport(QStringLiteral("today.json"), now.addSecs(-60));
        QVERIFY(!older.isEmpty() && !newer.isEmpty());
        // In either order, the older one is refused, naming the newer one; the newer one is ready.
        for (const QStringList &batch : {QStringList{older, newer}, QStringList{newer, older}}) {
            AddServerUsageJob check(context, batch, AddServerUsageJob::Mode::CheckOnly);
            QSignalSpy checked(&check, &AddServerUsageJob::fileChecked);
            QVERIFY(runToEnd(&check));
            QCOMPARE(checked.count(), 2);
            const int o = int(batch.indexOf(older));
            const UsageFileCheck::Outcome &refused = check.results().at(o).check;
            QCOMPARE(refused.problem, UsageFileCheck::Problem::OlderThanLastUpload);
            QVERIFY2(refused.message.contains(QLatin1String("before today.json of the same server in this batch")),
                qPrintable(refused.message));
            QVERIFY2(check.results().at(1 - o).check.ok(), qPrintable(check.results().at(1 - o).check.message));
        }
        // Uploaded with the older one last: only the newer one goes up; the older one is reported as not added.
        AddServerUsageJob upload(context, {newer, older}, AddServerUsageJob::Mode::Upload);
        QVERIFY(runToEnd(&upload));
        QCOMPARE(upload.status(), WorkflowJob::Status::Failed);
        QVERIFY2(upload.errorText().contains(QLatin1String("1 file was not added")), qPrintable(upload.errorText()));
        QCOMPARE(upload.results().at(0).state, UploadSyncState::Success);
        QVERIFY(!upload.results().at(1).uploaded);
        QCOMPARE(upload.results().at(1).check.problem, UsageFileCheck::Problem::OlderThanLastUpload);
        // The older one stays refused afterwards, now by the server's last upload.
        AddServerUsageJob again(context, {older}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&again));
        QCOMPARE(again.results().first().check.problem, UsageFileCheck::Problem::OlderThanLastUpload);
    }

    /// Exports the usage of the first server without GitHub Connect into @p name, after a refresh.
    QString exportOfflineServer(const WorkflowContext &context, const QString &name)
    {
        RefreshJob refresh(context);
        if (!runToEnd(&refresh) || refresh.status() != WorkflowJob::Status::Succeeded) {
            return {};
        }
        const QString host = hostConnected(false);
        const QString file = m_dir.filePath(name);
        ExportUsageJob exportJob(context, host, file, true);
        return !host.isEmpty() && runToEnd(&exportJob) && exportJob.status() == WorkflowJob::Status::Succeeded
            ? file
            : QString();
    }

    void shouldUploadTheBytesThatWereChecked()
    {
        const WorkflowContext context = startLab(smallLab());
        const QString file = exportOfflineServer(context, QStringLiteral("replaced.json"));
        QVERIFY(!file.isEmpty());
        QFile original(file);
        QVERIFY(original.open(QIODevice::ReadOnly));
        const QByteArray checked = original.readAll();
        // Between the check and the upload, a browser's download of a sign-in page lands on the same name.
        AddServerUsageJob upload(context, {file}, AddServerUsageJob::Mode::Upload);
        connect(
            &upload, &AddServerUsageJob::fileChecked, &upload,
            [&file] {
                QFile page(file);
                if (page.open(QIODevice::WriteOnly | QIODevice::Truncate)) {
                    page.write("<!DOCTYPE html><html><body>Sign in</body></html>");
                }
            },
            Qt::DirectConnection);
        QVERIFY(runToEnd(&upload));
        QVERIFY2(upload.status() == WorkflowJob::Status::Succeeded, qPrintable(upload.errorText()));
        QCOMPARE(upload.results().first().state, UploadSyncState::Success);
        // What went up is what was checked and recorded.
        QCOMPARE(upload.results().first().check.file.sha256,
            QString::fromLatin1(QCryptographicHash::hash(checked, QCryptographicHash::Sha256).toHex()));
        QFile now(file);
        QVERIFY(now.open(QIODevice::ReadOnly));
        QVERIFY(now.readAll().startsWith("<!DOCTYPE html>"));
    }

    void shouldCancelItsJobsWhenTheRunnerGoes()
    {
        // The window closes mid-job: the runner (the controller's) cancels what runs instead of waiting it out.
        std::atomic_bool running = false;
        std::atomic_bool sawCancel = false;
        QElapsedTimer gone;
        {
            JobRunner runner;
            runner.start(new BlockingJob(&running, &sawCancel));
            QTRY_VERIFY_WITH_TIMEOUT(running, 10000);
            gone.start();
        }
        QVERIFY2(gone.elapsed() < 10000, qPrintable(QString::number(gone.elapsed())));
        QVERIFY(sawCancel);
    }

    void shouldStopWaitingForAnUploadAtTheTimeLimit()
    {
        LabConfig config = smallLab();
        config.syncDurationMs = 60000; // the lab takes a minute over each upload
        WorkflowContext context = startLab(config);
        context.assistTimeoutMs = 300;
        const QString file = exportOfflineServer(context, QStringLiteral("slow.json"));
        QVERIFY(!file.isEmpty());
        AddServerUsageJob upload(context, {file}, AddServerUsageJob::Mode::Upload);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(runToEnd(&upload, 20000));
        QVERIFY2(timer.elapsed() < 20000, qPrintable(QString::number(timer.elapsed())));
        QCOMPARE(upload.status(), WorkflowJob::Status::Failed);
        QVERIFY(upload.results().first().uploaded);
        QCOMPARE(upload.results().first().state, UploadSyncState::Pending); // GitHub's state as it last was
        QVERIFY2(upload.results().first().error.contains(QLatin1String("time limit")),
            qPrintable(upload.results().first().error));
    }

    void shouldStopTheCheckWhenTheStoreCannotSayWhatWasUploaded()
    {
        const WorkflowContext context = startLab(smallLab());
        const QString file = exportOfflineServer(context, QStringLiteral("again.json"));
        QVERIFY(!file.isEmpty());
        {
            AddServerUsageJob upload(context, {file}, AddServerUsageJob::Mode::Upload);
            QVERIFY(runToEnd(&upload));
            QCOMPARE(upload.status(), WorkflowJob::Status::Succeeded);
        }
        // The uploads' table cannot be read (a damaged store): the same file must not pass as new.
        {
            QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("damage"));
            db.setDatabaseName(context.storeLocation);
            QVERIFY(db.open());
            QSqlQuery rename(db);
            QVERIFY2(rename.exec(QStringLiteral("ALTER TABLE usage_files RENAME TO usage_files_gone")),
                qPrintable(rename.lastError().text()));
            rename.finish();
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("damage"));
        AddServerUsageJob check(context, {file}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&check));
        QCOMPARE(check.status(), WorkflowJob::Status::Failed);
        QVERIFY(check.results().isEmpty());
        QVERIFY(!check.errorText().isEmpty());
    }

    void shouldConfirmAnAssistedUploadThroughGraphQl()
    {
        LabConfig config = smallLab();
        config.githubLike = true;
        const WorkflowContext context = startLab(config);
        {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
        }
        const QString host = servers().first().hostname;
        // The admin exports the usage on the server and uploads the file on the enterprise's License
        // page, both in the browser (over HTTP); the job confirms the upload through GraphQL.
        LabBrowser browser(m_lab->url(), m_lab->token());
        const QByteArray bytes = browser.exportUsage(host);
        QVERIFY(UsageFile::read(bytes).ok());
        // A file name with markup in it: the instructions (rich text) show it as it is, never as markup.
        const QString file = m_dir.filePath(QStringLiteral("assisted <b>1 & co.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        AddServerUsageJob job(context, {file}, AddServerUsageJob::Mode::Upload);
        QString instructions;
        connect(&job, &WorkflowJob::assistRequired, this, [&](const QUrl &, const QString &text) {
            instructions = text;
            browser.upload(bytes, QStringLiteral("assisted.json"));
        });
        QVERIFY(runToEnd(&job));
        QVERIFY2(instructions.contains(QStringLiteral("assisted &lt;b&gt;1 &amp; co.json")) &&
                !instructions.contains(QLatin1String("<b>1")),
            qPrintable(instructions));
        QVERIFY2(job.status() == WorkflowJob::Status::Succeeded, qPrintable(job.errorText()));
        QCOMPARE(job.results().first().state, UploadSyncState::Success);
        QCOMPARE(browser.answers(), QList<int>{202});
    }

    void shouldTakeTheLabsPastWeekByWeek()
    {
        LabConfig config = smallLab();
        config.users = 400;
        const WorkflowContext context = startLab(config);
        // As a first start does it: today's snapshot, then the weeks before it.
        RefreshJob now(context);
        QVERIFY(runToEnd(&now));
        QCOMPARE(now.status(), WorkflowJob::Status::Succeeded);
        const QDateTime present = now.snapshot().takenAt.toUTC();
        const QDateTime presentSecond = present.addMSecs(-present.time().msec());
        // The lab clock's second moves on: the weeks still count back from the snapshot, not from it.
        QTRY_VERIFY(QDateTime::currentDateTimeUtc() >= presentSecond.addSecs(1));
        LabHistoryJob history(context, 4);
        history.setPresent(now.snapshot().takenAt);
        QSignalSpy stages(&history, &WorkflowJob::stageChanged);
        QVERIFY(runToEnd(&history));
        QVERIFY2(history.status() == WorkflowJob::Status::Succeeded, qPrintable(history.errorText()));
        QCOMPARE(history.takenAt().size(), 4);
        QCOMPARE(stages.count(), 4);

        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const QList<SnapshotSummary> snapshots = store.snapshots(context.connection.id).value;
        QCOMPARE(snapshots.size(), 5);
        for (int i = 0; i < snapshots.size(); ++i) {
            const SnapshotSummary &snapshot = snapshots.at(i);
            if (i > 0) {
                // Listed by date, a week apart; the past was written oldest first.
                QVERIFY(snapshot.takenAt > snapshots.at(i - 1).takenAt);
                QVERIFY(i == 4 || snapshot.id > snapshots.at(i - 1).id);
                QVERIFY(snapshot.totalSeatsConsumed >= snapshots.at(i - 1).totalSeatsConsumed);
            }
            if (i < 4) {
                QCOMPARE(snapshot.takenAt, history.takenAt().at(i));
                QCOMPARE(snapshot.takenAt, presentSecond.addDays(-7LL * (4 - i)));
            }
            // Each is the lab's enterprise as it was then: its members who had joined by that date.
            int seats = 0;
            m_lab->runInLab([&seats, when = snapshot.takenAt](LicenseLab *lab) {
                seats = lab->enterprise().asOf(when).consumedLicenses().totalSeatsConsumed;
            });
            QCOMPARE(snapshot.totalSeatsConsumed, seats);
            const auto users = store.loadConsumedLicenses(snapshot.id);
            QCOMPARE(users.value.size(), seats);
        }
        QVERIFY2(snapshots.first().totalSeatsConsumed < snapshots.last().totalSeatsConsumed,
            qPrintable(QStringLiteral("%1 then %2")
                    .arg(snapshots.first().totalSeatsConsumed)
                    .arg(snapshots.last().totalSeatsConsumed)));
        // The servers' sync status as of the oldest: their weekly syncs before it, and now their latest.
        LicenseStore::LoadParts parts;
        parts.users = false;
        parts.newestSyncStatus = false;
        const auto oldest = store.loadSnapshot(snapshots.first().id, parts);
        QVERIFY(oldest.ok() && !oldest.value.syncStatus.isEmpty());
        for (const LicenseSyncStatus &status : oldest.value.syncStatus) {
            QVERIFY(status.lastSyncDate <= snapshots.first().takenAt);
            QVERIFY(status.lastSyncDate > snapshots.first().takenAt.addDays(-7));
        }
        parts.newestSyncStatus = true;
        const auto newest = store.loadSnapshot(snapshots.last().id, parts);
        QCOMPARE(newest.value.syncStatus.size(), oldest.value.syncStatus.size());
        for (const LicenseSyncStatus &status : newest.value.syncStatus) {
            QVERIFY(status.lastSyncDate > snapshots.at(3).takenAt); // what the refresh of now stored last
        }
    }

    void shouldCountThePastBackByTheLabClock()
    {
        const WorkflowContext context = startLab(smallLab());
        // The lab's clock was moved on three days: the snapshot on the page shows the lab at its now.
        m_lab->runInLab([](LicenseLab *lab) { lab->advanceClock(std::chrono::days(3)); });
        RefreshJob now(context);
        QVERIFY(runToEnd(&now));
        QCOMPARE(now.status(), WorkflowJob::Status::Succeeded);
        LabHistoryJob history(context, 2);
        history.setPresent(now.snapshot().takenAt);
        QVERIFY(runToEnd(&history));
        QVERIFY2(history.status() == WorkflowJob::Status::Succeeded, qPrintable(history.errorText()));
        const QDateTime present = now.snapshot().takenAt.toUTC();
        const QDateTime labPresent = present.addMSecs(-present.time().msec()).addDays(3);
        QCOMPARE(history.takenAt(), (QList<QDateTime>{labPresent.addDays(-14), labPresent.addDays(-7)}));
        // Without a present snapshot the weeks count back from the lab's now.
        LabHistoryJob fromNow(context, 1);
        QVERIFY(runToEnd(&fromNow));
        QCOMPARE(fromNow.status(), WorkflowJob::Status::Succeeded);
        QDateTime labNow;
        m_lab->runInLab([&labNow](LicenseLab *lab) { labNow = lab->now(); });
        QVERIFY(qAbs(fromNow.takenAt().value(0).secsTo(labNow.addDays(-7))) <= 5);
    }

    void shouldLeaveNoHalfHistoryWhenCancelled()
    {
        LabConfig config = smallLab();
        config.faults.latencyMs = 40;
        const WorkflowContext context = startLab(config);
        LabHistoryJob history(context, 8);
        QSignalSpy finished(&history, &WorkflowJob::finished);
        history.start();
        QTRY_VERIFY_WITH_TIMEOUT(history.takenAt().size() >= 2, 30000);
        history.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(history.status(), WorkflowJob::Status::Cancelled);
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        QCOMPARE(store.snapshots(context.connection.id).value.size(), 0);
    }

    void shouldKnowAServerTheStoreOnlyListsAmongTheInstallations()
    {
        const WorkflowContext context = startLab(smallLab());
        qint64 snapshotId = 0;
        {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
            snapshotId = refresh.snapshot().id;
        }
        // A server GitHub reports no license sync for (never connected): only the installations list it.
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        LicenseStore::LoadParts parts;
        parts.users = false;
        parts.userAccounts = false;
        const auto servers = store.loadSnapshot(snapshotId, parts);
        QVERIFY(servers.ok());
        QVERIFY(servers.value.licenses.users.isEmpty());
        QString host;
        for (const EnterpriseServerInstallation &installation : servers.value.installations) {
            QVERIFY(installation.userAccounts.isEmpty());
            const bool syncs = std::any_of(servers.value.syncStatus.cbegin(), servers.value.syncStatus.cend(),
                [&](const LicenseSyncStatus &s) { return s.hostname == installation.hostName; });
            if (!syncs) {
                host = installation.hostName;
            }
        }
        QVERIFY2(!host.isEmpty(), "the lab has a server without license sync");
        QByteArray bytes;
        m_lab->runInLab([&](LicenseLab *lab) { bytes = lab->exportUsage(host); });
        const QString file = m_dir.filePath(QStringLiteral("installations-only.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(bytes);
        }
        AddServerUsageJob job(context, {file}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        QVERIFY2(job.results().first().check.ok(), qPrintable(job.results().first().check.message));
    }

    void shouldPassAConnectionTestReadingOnlyTheFirstPages()
    {
        WorkflowContext context = startLab(smallLab());
        // Ten seats a page: reading every page of consumed-licenses would take 15+ requests.
        context.clientOptions.perPage = 10;
        m_lab->runInLab([](LicenseLab *lab) { lab->resetCounters(); });
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QVERIFY2(job.status() == WorkflowJob::Status::Succeeded, qPrintable(job.errorText()));
        const QStringList expected{QStringLiteral("The server is reachable"), QStringLiteral("The token is valid"),
            QStringLiteral("The token has the read:enterprise scope"),
            QStringLiteral("The token is authorized for SAML single sign-on"),
            QStringLiteral("GitHub lets the token in from here (IP allow list, policies)"),
            QStringLiteral("The token belongs to an enterprise owner"), QStringLiteral("Endpoint: consumed-licenses"),
            QStringLiteral("Endpoint: license-sync-status"),
            QStringLiteral("Endpoint: GraphQL Enterprise Server installations")};
        QStringList seen;
        for (const ConnectionTestJob::Check &check : job.checks()) {
            seen.append(check.what);
            QVERIFY2(check.ok, qPrintable(check.what + QStringLiteral(": ") + check.detail));
            QVERIFY(check.fix.isEmpty());
        }
        QCOMPARE(seen, expected);
        qint64 requests = 0;
        m_lab->runInLab([&requests](LicenseLab *lab) { requests = lab->counters().apiRequests; });
        // The access check, one page of one seat, the sync status, the installations (and their pages).
        QVERIFY2(requests <= 6, qPrintable(QString::number(requests)));
    }

    void shouldNotPassTokenChecksOnAnAnswerThatIsNotAboutTheToken_data()
    {
        QTest::addColumn<int>("forcedStatus");
        QTest::addColumn<double>("serverErrorRate");
        QTest::addColumn<QString>("words"); ///< what the detail must say
        QTest::newRow("server error") << 0 << 1.0 << QStringLiteral("GitHub had a server error (HTTP 502).");
        QTest::newRow("API version retired")
            << 410 << 0.0 << GitHubError{GitHubError::Kind::ApiVersionRetired}.message();
        QTest::newRow("validation failed")
            << 422 << 0.0 << QStringLiteral("GitHub rejected the request as invalid: Validation Failed");
    }

    void shouldNotPassTokenChecksOnAnAnswerThatIsNotAboutTheToken()
    {
        QFETCH(int, forcedStatus);
        QFETCH(double, serverErrorRate);
        QFETCH(QString, words);
        LabConfig config = smallLab();
        config.faults.forcedStatus = forcedStatus;
        config.faults.serverErrorRate = serverErrorRate;
        WorkflowContext context = startLab(config);
        context.clientOptions.maxRetries = 1; // the retries of a 5xx, kept short
        context.clientOptions.backoffBaseMs = 10;
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        // Reached, and then nothing about the token claimed: it was never judged.
        const QList<ConnectionTestJob::Check> &checks = job.checks();
        QCOMPARE(checks.size(), 2);
        QVERIFY(checks.at(0).ok);
        QCOMPARE(checks.at(0).what, QStringLiteral("The server is reachable"));
        QCOMPARE(checks.at(1).what, QStringLiteral("The server answers the request"));
        QVERIFY(!checks.at(1).ok);
        QCOMPARE(checks.at(1).detail, words);
        QVERIFY(!checks.at(1).fix.isEmpty());
    }

    void shouldNameTheVariableThatGivesThisConnectionAToken()
    {
        // No token: the one check fails, and its fix names what the environment would give this connection.
        WorkflowContext context;
        context.connection.kind = Connection::Kind::Lab;
        context.connection.labUrl = QUrl(QStringLiteral("https://lab.example.net:8443"));
        ConnectionTestJob remote(context);
        QVERIFY(runToEnd(&remote));
        QCOMPARE(remote.status(), WorkflowJob::Status::Failed);
        QCOMPARE(remote.checks().size(), 1);
        QCOMPARE(remote.checks().first().what, QStringLiteral("A token is available"));
        QCOMPARE(remote.checks().first().fix,
            QStringLiteral("Save the lab's token for this connection, or set GLC_LAB_TOKEN."));
        context.connection.labUrl = QUrl(QStringLiteral("http://127.0.0.1:8080"));
        ConnectionTestJob local(context);
        QVERIFY(runToEnd(&local));
        QCOMPARE(local.checks().first().fix,
            QStringLiteral("Save a token with the read:enterprise scope, or set GH_TOKEN."));
        // A server is never given GH_TOKEN (a github.com token): its own variable.
        context.connection.kind = Connection::Kind::Server;
        context.connection.serverHost = QStringLiteral("ghes.example.com");
        ConnectionTestJob server(context);
        QVERIFY(runToEnd(&server));
        QCOMPARE(server.checks().first().fix,
            QStringLiteral("Save a site administrator's token for this server, or set GH_ENTERPRISE_TOKEN."));
    }

    void shouldTellAnIpAllowListFromAMissingScope()
    {
        LabConfig config = smallLab();
        config.faults.forcedStatus = 403; // the lab's IP allow list, to a token with read:enterprise
        WorkflowContext context = startLab(config);
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        const QList<ConnectionTestJob::Check> &checks = job.checks();
        QCOMPARE(checks.size(), 5);
        for (int i = 0; i < 4; ++i) {
            QVERIFY2(checks.at(i).ok, qPrintable(checks.at(i).what)); // the scope check passed: it has the scope
        }
        QCOMPARE(checks.last().what, QStringLiteral("GitHub lets the token in from here (IP allow list, policies)"));
        QVERIFY2(checks.last().detail.contains(QLatin1String("IP allow list")), qPrintable(checks.last().detail));
        QVERIFY(!checks.last().fix.isEmpty());
    }

    void shouldAskAServerConnectionForASiteAdministrator()
    {
        LabConfig config = smallLab();
        config.tls = true;
        config.faults.forcedStatus = 404; // what a server answers an account that is no site administrator
        WorkflowContext context = startLab(config);
        Connection server;
        server.id = context.connection.id;
        server.kind = Connection::Kind::Server;
        server.serverHost = QStringLiteral("localhost:%1").arg(m_lab->url().port());
        server.caFile = context.connection.caFile;
        context.connection = server;
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        const QList<ConnectionTestJob::Check> &checks = job.checks();
        QCOMPARE(checks.size(), 6);
        // The check and its explanation speak of the same thing: a site administrator, not an owner or a slug.
        QCOMPARE(checks.last().what, QStringLiteral("The token belongs to a site administrator"));
        const QString admin = QStringLiteral("site administrator of %1").arg(server.serverHost);
        QVERIFY2(checks.last().detail.contains(admin), qPrintable(checks.last().detail));
        QVERIFY2(checks.last().fix.contains(admin), qPrintable(checks.last().fix));
        QVERIFY2(
            !checks.last().fix.contains(QLatin1String("Check the enterprise slug")), qPrintable(checks.last().fix));
    }

    void shouldFailAConnectionTestAtReachableWhenTheCaFileIsUnusable()
    {
        WorkflowContext context = startLab(smallLab());
        context.connection.caFile = QStringLiteral("/nonexistent/ca.pem");
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        QCOMPARE(job.checks().size(), 1);
        QCOMPARE(job.checks().at(0).what, QStringLiteral("The server is reachable"));
        QVERIFY(!job.checks().at(0).ok);
    }

    void shouldTellWhichCheckFailsAndItsFix_data()
    {
        QTest::addColumn<int>("token");
        QTest::addColumn<QString>("slug");
        QTest::addColumn<int>("failedCheck");
        QTest::addColumn<QString>("what");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("words"); ///< what the detail must say, in plain words
        QTest::newRow("bad token") << int(LabFaults::Token::Bad) << QString() << 1
                                   << QStringLiteral("The token is valid") << int(GitHubError::Kind::BadToken)
                                   << QStringLiteral("it is wrong, expired or revoked");
        QTest::newRow("missing scope") << int(LabFaults::Token::MissingScope) << QString() << 2
                                       << QStringLiteral("The token has the read:enterprise scope")
                                       << int(GitHubError::Kind::MissingScope)
                                       << QStringLiteral("lacks the read:enterprise scope");
        QTest::newRow("sso") << int(LabFaults::Token::SsoRequired) << QString() << 3
                             << QStringLiteral("The token is authorized for SAML single sign-on")
                             << int(GitHubError::Kind::SsoRequired) << QStringLiteral("SAML single sign-on");
        QTest::newRow("wrong slug") << int(LabFaults::Token::Valid) << QStringLiteral("not-our-enterprise") << 5
                                    << QStringLiteral("The token belongs to an enterprise owner")
                                    << int(GitHubError::Kind::NotFound)
                                    << QStringLiteral(
                                           "not an owner of this enterprise, or the enterprise slug is wrong");
    }

    void shouldTellWhichCheckFailsAndItsFix()
    {
        QFETCH(int, token);
        QFETCH(QString, slug);
        QFETCH(int, failedCheck);
        QFETCH(QString, what);
        QFETCH(int, kind);
        QFETCH(QString, words);
        LabConfig config = smallLab();
        config.faults.token = LabFaults::Token(token);
        WorkflowContext context = startLab(config);
        if (!slug.isEmpty()) {
            context.connection.enterpriseSlug = slug;
        }
        ConnectionTestJob job(context);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        // The checks before the failing one passed; none runs after it.
        const QList<ConnectionTestJob::Check> &checks = job.checks();
        QCOMPARE(checks.size(), failedCheck + 1);
        for (int i = 0; i < failedCheck; ++i) {
            QVERIFY2(checks.at(i).ok, qPrintable(checks.at(i).what));
        }
        const ConnectionTestJob::Check &failed = checks.last();
        QCOMPARE(failed.what, what);
        QVERIFY(!failed.ok);
        // GitHub's error as the rest of the console words it, and what to do about it.
        const GitHubError expected{GitHubError::Kind(kind)};
        QCOMPARE(failed.detail, expected.message());
        QVERIFY2(failed.detail.contains(words), qPrintable(failed.detail));
        QVERIFY(!failed.fix.isEmpty());
        if (GitHubError::Kind(kind) == GitHubError::Kind::SsoRequired) {
            // The lab's X-GitHub-SSO header names the page that authorizes the token.
            QVERIFY2(failed.fix.contains(QLatin1String("/enterprises/lab/sso?authorization_request=LAB123")),
                qPrintable(failed.fix));
        } else {
            QCOMPARE(failed.fix, expected.nextStep());
        }
        QCOMPARE(job.errorText(), QStringLiteral("%1: no. %2").arg(what, failed.detail));
        QCOMPARE(job.nextStep(), failed.fix);
    }

    void shouldCountWhatARefreshReadLeniently()
    {
        LabConfig config = smallLab();
        config.faults.emptyTwoFactorEvery = 7;
        RefreshJob job(startLab(config));
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Succeeded);
        const int seats = int(job.snapshot().licenses.users.size());
        QCOMPARE(job.readStats().toleratedValues, (seats + 6) / 7);
        // Read as unknown, not as "off": the 2FA filter does not count them.
        int unknown = 0;
        for (const ConsumedLicense &seat : job.snapshot().licenses.users) {
            unknown += seat.githubComTwoFactorAuth == TriState::Unknown;
        }
        QVERIFY(unknown >= (seats + 6) / 7);
        QVERIFY(RefreshJob::toleratedText(job.readStats()).contains(QString::number((seats + 6) / 7)));
        QVERIFY(RefreshJob::toleratedText({}).isEmpty());
    }

    void shouldFailARefreshWithGitHubsErrorNotAsCancelled()
    {
        // The first part refused stops the others; their cancellation must not hide GitHub's answer.
        LabConfig config = smallLab();
        config.faults.token = LabFaults::Token::Bad;
        RefreshJob job(startLab(config));
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.status(), WorkflowJob::Status::Failed);
        const GitHubError expected{GitHubError::Kind::BadToken};
        QCOMPARE(job.errorText(), expected.message());
        QCOMPARE(job.nextStep(), expected.nextStep());
    }

    void shouldKeepThePreviousSnapshotWhenARefreshFails_data()
    {
        QTest::addColumn<int>("fault");
        QTest::addColumn<int>("kind");
        QTest::newRow("expired token") << 0 << int(GitHubError::Kind::BadToken);
        QTest::newRow("missing scope") << 1 << int(GitHubError::Kind::MissingScope);
        QTest::newRow("SSO not authorized") << 2 << int(GitHubError::Kind::SsoRequired);
        QTest::newRow("truncated JSON") << 3 << int(GitHubError::Kind::Malformed);
        QTest::newRow("server errors") << 4 << int(GitHubError::Kind::ServerError);
        QTest::newRow("rate limit") << 5 << int(GitHubError::Kind::RateLimited);
        QTest::newRow("not an owner") << 6 << int(GitHubError::Kind::NotFound);
    }
    void shouldKeepThePreviousSnapshotWhenARefreshFails()
    {
        QFETCH(int, fault);
        QFETCH(int, kind);
        WorkflowContext context = startLab(smallLab());
        context.storeLocation = m_dir.filePath(QStringLiteral("refresh-fails-%1.sqlite").arg(fault)); // one a row
        context.clientOptions.backoffBaseMs = 10;
        context.clientOptions.maxRetries = 1;
        context.clientOptions.maxWaitMs = 200; // a limit that resets later than this fails at once
        LicenseSnapshot before;
        {
            RefreshJob first(context);
            QVERIFY(runToEnd(&first));
            QCOMPARE(first.status(), WorkflowJob::Status::Succeeded);
            before = first.snapshot();
        }
        // The enterprise changes, then the next refresh fails: nothing of the change may land.
        m_lab->runInLab([fault](LicenseLab *lab) {
            lab->enterprise().setServerUserSuspended(lab->enterprise().servers().first().hostname,
                lab->enterprise().servers().first().users.first().login, true);
            LabFaults faults = lab->faults();
            switch (fault) {
            case 0:
                faults.token = LabFaults::Token::Bad;
                break;
            case 1:
                faults.token = LabFaults::Token::MissingScope;
                break;
            case 2:
                faults.token = LabFaults::Token::SsoRequired;
                break;
            case 3:
                faults.truncatedBodyRate = 1.0;
                break;
            case 4:
                faults.failNextRequests = 1000;
                faults.failStatus = 502;
                break;
            case 5:
                faults.primaryLimit = 1;
                faults.primaryWindowSeconds = 3600;
                break;
            case 6:
                faults.forcedStatus = 404;
                break;
            }
            lab->setFaults(faults);
        });
        RefreshJob second(context);
        QVERIFY(runToEnd(&second, 60000));
        QCOMPARE(second.status(), WorkflowJob::Status::Failed);
        const GitHubError expected{GitHubError::Kind(kind)};
        QVERIFY2(second.errorText().startsWith(expected.message().left(24)), qPrintable(second.errorText()));
        QVERIFY2(!second.nextStep().isEmpty(), qPrintable(second.errorText()));

        // The store holds the first snapshot alone, every seat as it was read.
        LicenseStore store;
        QVERIFY(!store.open(context.storeLocation).isError());
        const auto all = store.snapshots(context.connection.id);
        QCOMPARE(all.value.size(), 1);
        QCOMPARE(all.value.first().id, before.id);
        QCOMPARE(store.loadConsumedLicenses(before.id).value, before.licenses.users);
        const auto latest = store.latestSnapshot(context.connection.id);
        QVERIFY(latest.ok() && latest.value);
        QCOMPARE(latest.value->id, before.id);
    }

    void shouldEndAConnectionTestAtOnceWhenCancelled()
    {
        LabConfig config = smallLab();
        config.faults.latencyMs = 1500;
        ConnectionTestJob job(startLab(config));
        QSignalSpy checked(&job, &ConnectionTestJob::checked);
        QSignalSpy finished(&job, &WorkflowJob::finished);
        job.start();
        // The access check answered (six checks); the first endpoint's read is in flight.
        QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 6, 10000);
        QElapsedTimer timer;
        timer.start();
        job.cancel();
        QCOMPARE(finished.count(), 1);
        QCOMPARE(job.status(), WorkflowJob::Status::Cancelled);
        QVERIFY(timer.elapsed() < config.faults.latencyMs); // it did not wait for the read in flight
        QCOMPARE(job.checks().size(), 6);
    }

    void shouldRejectAFileOfAnUnknownServer()
    {
        const WorkflowContext context = startLab(smallLab());
        {
            RefreshJob refresh(context);
            QVERIFY(runToEnd(&refresh));
        }
        UsageFileInfo info;
        info.serverId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        info.hostName = QStringLiteral("elsewhere.example.com");
        info.version = QStringLiteral("3.15.0");
        const QString file = m_dir.filePath(QStringLiteral("unknown.json"));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(UsageFile::write(info, QByteArrayLiteral("c2VjcmV0")));
        }
        AddServerUsageJob job(context, {file}, AddServerUsageJob::Mode::CheckOnly);
        QVERIFY(runToEnd(&job));
        QCOMPARE(job.results().first().check.problem, UsageFileCheck::Problem::UnknownServer);
        QVERIFY(job.results().first().check.message.contains(QLatin1String("elsewhere.example.com")));
    }

    void shouldJudgeTheAgeOfAnExportThatDoesNotSayIt_data()
    {
        QTest::addColumn<int>("savedDaysAgo");
        QTest::addColumn<bool>("older");
        QTest::newRow("saved before the last upload") << 20 << true;
        QTest::newRow("saved after it") << 0 << false;
    }

    void shouldJudgeTheAgeOfAnExportThatDoesNotSayIt()
    {
        // GitHub lists an upload of the server made 9 days ago (in the browser, not by this console); the
        // file, GitHub-shaped, has no export date: its modification time tells its age.
        QFETCH(int, savedDaysAgo);
        QFETCH(bool, older);
        UsageFileCheck::Known known;
        EnterpriseServerInstallation installation;
        installation.hostName = QStringLiteral("ghes.example.com");
        installation.uploads = {UserAccountsUpload{QStringLiteral("earlier.json"), UploadSyncState::Success,
            QDateTime::currentDateTimeUtc().addDays(-9), QDateTime::currentDateTimeUtc().addDays(-9)}};
        known.installations = {installation};
        UsageFileInfo info;
        info.serverId = QStringLiteral("5f1e7b1a-0000-4000-8000-000000000001");
        info.hostName = installation.hostName;
        QVERIFY(!info.exportedAt.isValid());
        const QString file = m_dir.filePath(QStringLiteral("undated-%1.json").arg(savedDaysAgo));
        {
            QFile out(file);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(UsageFile::write(info, QByteArrayLiteral("c2VjcmV0")));
            QVERIFY(out.flush()); // written now: a later write would move the time again
            QVERIFY(out.setFileTime(
                QDateTime::currentDateTimeUtc().addDays(-savedDaysAgo), QFileDevice::FileModificationTime));
        }
        const UsageFileCheck::Outcome outcome = UsageFileCheck::checkFile(file, known);
        QCOMPARE(outcome.problem, older ? UsageFileCheck::Problem::OlderThanLastUpload : UsageFileCheck::Problem::None);
        if (older) {
            QVERIFY2(outcome.message.startsWith(QLatin1String("The file was saved on")), qPrintable(outcome.message));
        }
        // A failed upload does not count as the last one.
        known.installations.first().uploads.first().syncState = UploadSyncState::Failure;
        QCOMPARE(UsageFileCheck::checkFile(file, known).problem, UsageFileCheck::Problem::None);
    }
};

QTEST_GUILESS_MAIN(WorkflowsTest)
#include "workflowstest.moc"
