// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "lab/licenselab.h"
#include "licensing/githubjson.h"
#include "licensing/usagefile.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

#include <chrono>
#include <cmath>

using namespace Glc;

class LicenseLabTest : public QObject
{
    Q_OBJECT
    QNetworkAccessManager m_manager;

    QNetworkReply *get(LicenseLab &lab, const QString &path, bool withToken = true)
    {
        QUrl url = lab.url();
        const qsizetype q = path.indexOf(QLatin1Char('?'));
        url.setPath(q < 0 ? path : path.left(q));
        if (q >= 0) {
            url.setQuery(path.mid(q + 1));
        }
        QNetworkRequest request(url);
        if (withToken) {
            request.setRawHeader("Authorization", "Bearer " + lab.token().toLatin1());
        }
        return m_manager.get(request);
    }

    QNetworkReply *post(LicenseLab &lab, const QString &path, const QByteArray &body)
    {
        QUrl url = lab.url();
        url.setPath(path);
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + lab.token().toLatin1());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        return m_manager.post(request, body);
    }

    /// license-sync-status as a client reads it, by host name.
    QHash<QString, LicenseSyncStatus> syncStatus(LicenseLab &lab)
    {
        std::unique_ptr<QNetworkReply> reply(get(lab, QStringLiteral("/enterprises/lab/license-sync-status")));
        QHash<QString, LicenseSyncStatus> byHost;
        if (!waitFor(reply.get()) || reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() != 200) {
            return byHost;
        }
        const auto read = GitHubJson::readLicenseSyncStatus(reply->readAll());
        for (const LicenseSyncStatus &status : read.value) {
            byHost.insert(status.hostname, status);
        }
        return byHost;
    }

    static LabConfig weeklyConfig()
    {
        LabConfig config;
        config.users = 40;
        config.servers = 3; // the first two connected, the last one air-gapped
        config.mismatchedEmailShare = 0;
        config.serverUserShare = 1;
        config.serverOnlyShare = 0;
        config.visualStudioShare = 0;
        config.suspendedShare = 0;
        config.pendingInviteShare = 0;
        return config;
    }

    static bool waitFor(QNetworkReply *reply)
    {
        if (reply->isFinished()) {
            return true;
        }
        QSignalSpy spy(reply, &QNetworkReply::finished);
        return spy.wait(10000);
    }

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldGenerateDeterministically()
    {
        // How fast it generates is the start-up benchmark's ("license lab with 100000 users ready in … ms"), not
        // a test's: a timed assertion fails on a busy machine.
        LabConfig config;
        config.users = 100000;
        const LabEnterprise a = LabEnterprise::generate(config);
        const LabEnterprise b = LabEnterprise::generate(config);
        QCOMPARE(a.consumedLicenses().users.size(), b.consumedLicenses().users.size());
        QVERIFY(a.consumedLicenses().users.size() >= config.users);
        QCOMPARE(a.consumedLicenses().users, b.consumedLicenses().users);
        QCOMPARE(a.servers().first().serverId, b.servers().first().serverId);
        config.seed = 2;
        QVERIFY(LabEnterprise::generate(config).servers().first().serverId != a.servers().first().serverId);
    }

    void shouldCountMismatchedEmailTwiceUntilFixed()
    {
        LabConfig config;
        config.users = 50;
        config.servers = 1;
        config.mismatchedEmailShare = 0;
        config.serverUserShare = 1;
        config.serverOnlyShare = 0;
        config.visualStudioShare = 0;
        config.suspendedShare = 0;
        config.seatsPurchased = 100;
        LabEnterprise enterprise = LabEnterprise::generate(config);
        QCOMPARE(enterprise.consumedLicenses().totalSeatsConsumed, 50);
        const QString host = enterprise.servers().first().hostname;
        QVERIFY(
            enterprise.setServerUserEmail(host, QStringLiteral("user000007"), QStringLiteral("u7@corp-alias.example")));
        enterprise.applySync(0, QDateTime::currentDateTimeUtc());
        QCOMPARE(enterprise.consumedLicenses().totalSeatsConsumed, 51);
        QCOMPARE(enterprise.consumedLicenses().users.last().enterpriseServerEmails,
            QStringList{QStringLiteral("u7@corp-alias.example")});
        QVERIFY(enterprise.setServerUserEmail(
            host, QStringLiteral("user000007"), QStringLiteral("user000007@lab.example")));
        enterprise.applySync(0, QDateTime::currentDateTimeUtc());
        QCOMPARE(enterprise.consumedLicenses().totalSeatsConsumed, 50);
        QVERIFY(enterprise.setServerUserSuspended(host, QStringLiteral("user000001"), true));
        enterprise.applySync(0, QDateTime::currentDateTimeUtc());
        QCOMPARE(enterprise.consumedLicenses().users.first().totalUserAccounts, 1);
    }

    void shouldServePagesWithLinkAndRateHeaders()
    {
        LabConfig config;
        config.users = 250;
        config.servers = 0;
        config.visualStudioShare = 0;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        std::unique_ptr<QNetworkReply> reply(
            get(lab, QStringLiteral("/api/v3/enterprises/lab/consumed-licenses?per_page=100&page=2")));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const auto page = GitHubJson::readConsumedLicenses(reply->readAll());
        QVERIFY(page.ok());
        QCOMPARE(page.value.users.size(), 100);
        QCOMPARE(page.value.users.first().githubComLogin, QStringLiteral("user000101"));
        const QByteArray link = reply->rawHeader("Link");
        QVERIFY2(link.contains("page=3>; rel=\"next\"") && link.contains("page=3>; rel=\"last\""), link.constData());
        QVERIFY(!reply->rawHeader("x-ratelimit-remaining").isEmpty());

        std::unique_ptr<QNetworkReply> anonymous(get(lab, QStringLiteral("/enterprises/lab/consumed-licenses"), false));
        QVERIFY(waitFor(anonymous.get()));
        QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        QVERIFY(anonymous->readAll().contains("Bad credentials"));
        std::unique_ptr<QNetworkReply> wrongSlug(get(lab, QStringLiteral("/enterprises/other/consumed-licenses")));
        QVERIFY(waitFor(wrongSlug.get()));
        QCOMPARE(wrongSlug->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
    }

    void shouldReadGraphQlArgumentsWrittenInTheQueryOrPassedAsVariables_data()
    {
        QTest::addColumn<QString>("query");
        QTest::addColumn<QJsonObject>("variables");
        QTest::addColumn<QStringList>("hosts"); // empty: NOT_FOUND
        QTest::addColumn<bool>("hasNextPage");
        const QString selection = QStringLiteral(
            " { nodes { hostName userAccounts(first: %1) { nodes { login } } } pageInfo { hasNextPage } } } } }");
        const QString hosts3[] = {QStringLiteral("ghes-1.lab.example"), QStringLiteral("ghes-2.lab.example"),
            QStringLiteral("ghes-3.lab.example")};
        // How `gh api graphql -f query=...` is usually written: every argument in the query.
        QTest::newRow("literals")
            << QStringLiteral(
                   "query { enterprise(slug: \"lab\") { ownerInfo { enterpriseServerInstallations(first: 2)") +
                selection.arg(1)
            << QJsonObject() << QStringList{hosts3[0], hosts3[1]} << true;
        QTest::newRow("literal connectedOnly")
            << QStringLiteral("{ enterprise(slug: \"lab\") { ownerInfo { enterpriseServerInstallations(first: 5, "
                              "connectedOnly: true)") +
                selection.arg(1)
            << QJsonObject() << QStringList{hosts3[0], hosts3[1]} << false;
        // How the console writes them: variables of any name.
        QTest::newRow("variables") << QStringLiteral(
                                          "query($e: String!, $n: Int!) { enterprise(slug: $e) { ownerInfo { "
                                          "enterpriseServerInstallations(first: $n)") +
                selection.arg(QStringLiteral("$accounts"))
                                   << QJsonObject{{QStringLiteral("e"), QStringLiteral("lab")},
                                          {QStringLiteral("n"), 1}, {QStringLiteral("accounts"), 1}}
                                   << QStringList{hosts3[0]} << true;
        QTest::newRow("another slug")
            << QStringLiteral("{ enterprise(slug: \"acme\") { ownerInfo { enterpriseServerInstallations(first: 5)") +
                selection.arg(1)
            << QJsonObject() << QStringList() << false;
        QTest::newRow("no slug") << QStringLiteral("{ enterprise { ownerInfo { enterpriseServerInstallations") +
                selection.arg(1) << QJsonObject()
                                 << QStringList() << false;
    }

    void shouldReadGraphQlArgumentsWrittenInTheQueryOrPassedAsVariables()
    {
        QFETCH(QString, query);
        QFETCH(QJsonObject, variables);
        QFETCH(QStringList, hosts);
        QFETCH(bool, hasNextPage);
        LabConfig config;
        config.users = 40;
        config.servers = 3; // the first two connected, the last one air-gapped
        LicenseLab lab(config);
        QVERIFY(lab.start());
        std::unique_ptr<QNetworkReply> reply(post(lab, QStringLiteral("/api/graphql"),
            QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("variables"), variables}})
                .toJson()));
        QVERIFY(waitFor(reply.get()));
        QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
        if (hosts.isEmpty()) {
            const QJsonObject error = answer.value(QLatin1String("errors")).toArray().at(0).toObject();
            QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("NOT_FOUND"));
            QVERIFY2(error.value(QLatin1String("message")).toString().contains(QLatin1String("slug")),
                qPrintable(error.value(QLatin1String("message")).toString()));
            return;
        }
        const QJsonObject installations = answer.value(QLatin1String("data"))
                                              .toObject()
                                              .value(QLatin1String("enterprise"))
                                              .toObject()
                                              .value(QLatin1String("ownerInfo"))
                                              .toObject()
                                              .value(QLatin1String("enterpriseServerInstallations"))
                                              .toObject();
        QStringList seen;
        for (const QJsonValue &node : installations.value(QLatin1String("nodes")).toArray()) {
            seen << node.toObject().value(QLatin1String("hostName")).toString();
            // userAccounts(first: 1): one account of the server's several.
            QCOMPARE(node.toObject()
                         .value(QLatin1String("userAccounts"))
                         .toObject()
                         .value(QLatin1String("nodes"))
                         .toArray()
                         .size(),
                1);
        }
        QCOMPARE(seen, hosts);
        QCOMPARE(installations.value(QLatin1String("pageInfo")).toObject().value(QLatin1String("hasNextPage")).toBool(),
            hasNextPage);
    }

    void shouldSyncExportAndUpload()
    {
        LabConfig config;
        config.users = 30;
        config.servers = 2;
        config.syncDurationMs = 50;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QString connected = lab.enterprise().servers().at(0).hostname;
        const QString airGapped = lab.enterprise().servers().at(1).hostname;
        QSignalSpy finished(&lab, &LicenseLab::jobFinished);
        const QString sync = lab.startSync(connected);
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(sync).state, QStringLiteral("success"));
        const QString failing = lab.startSync(connected, QStringLiteral("boom"));
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(failing).state, QStringLiteral("failure"));
        QCOMPARE(lab.enterprise().servers().at(0).syncStatus.error, QStringLiteral("boom"));

        // Export: real shape, users opaque to the console's reader, readable by the lab.
        const QByteArray file = lab.exportUsage(airGapped);
        const auto checked = UsageFile::read(file);
        QVERIFY(checked.ok());
        QVERIFY(checked.info.usersEncrypted);
        QCOMPARE(checked.info.hostName, airGapped);
        // Fix nobody, add one user on the air-gapped server: the upload brings a new server-only seat.
        const int before = lab.enterprise().consumedLicenses().totalSeatsConsumed;
        UsageFileInfo info = UsageFile::read(lab.exportUsage(airGapped, true)).info;
        info.users.append(UsageFileUser{
            QStringLiteral("newbie"), QStringLiteral("9999"), {QStringLiteral("newbie@x.example")}, false});
        const QString upload = lab.uploadUsage(UsageFile::write(info), QStringLiteral("f.json"));
        QVERIFY(!upload.isEmpty());
        QCOMPARE(lab.enterprise().servers().at(1).uploads.first().syncState, UploadSyncState::Pending);
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(upload).state, QStringLiteral("success"));
        QCOMPARE(lab.enterprise().servers().at(1).uploads.first().syncState, UploadSyncState::Success);
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, before + 1);
        QString why;
        QVERIFY(lab.uploadUsage("<html>", QStringLiteral("x"), &why).isEmpty());
        QVERIFY(!why.isEmpty());
    }

    void shouldSyncConnectedServersWeeklyOnTheLabClock()
    {
        LicenseLab lab(weeklyConfig());
        QVERIFY(lab.start());
        const QString connected = lab.enterprise().servers().at(0).hostname;
        const QString disconnected = lab.enterprise().servers().at(1).hostname;
        const QString airGapped = lab.enterprise().servers().at(2).hostname;
        // GitHub Connect switched off after the server synced: it stays listed and must go stale.
        QVERIFY(lab.setServerConnected(disconnected, false));
        QVERIFY(!lab.setServerConnected(QStringLiteral("nowhere.example"), false));
        // Server-side changes reach GitHub Enterprise Cloud only with a sync.
        QVERIFY(lab.enterprise().setServerUserEmail(
            connected, QStringLiteral("user000003"), QStringLiteral("u3@corp-alias.example")));
        QVERIFY(lab.enterprise().setServerUserEmail(
            disconnected, QStringLiteral("user000004"), QStringLiteral("u4@corp-alias.example")));
        const int seats = lab.enterprise().consumedLicenses().totalSeatsConsumed;
        const auto before = syncStatus(lab);
        QCOMPARE(before.size(), 2);
        QVERIFY(!before.contains(airGapped));
        const QDateTime lastSync = before.value(connected).lastSyncDate;
        QVERIFY(lastSync.isValid());
        QVERIFY(!before.value(connected).isStale(lab.now()));
        QSignalSpy finished(&lab, &LicenseLab::jobFinished);

        // Five days on: no sync has fallen due yet.
        QVERIFY(lab.advanceClock(std::chrono::days(5)).isEmpty());
        QCOMPARE(lab.clockOffset().count(), 5 * 86400);
        QCOMPARE(syncStatus(lab), before);
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, seats);
        QVERIFY(finished.isEmpty());

        // Seven days after the last sync: the connected server syncs by itself, the others never.
        const QStringList ran = lab.advanceClock(std::chrono::days(2));
        QCOMPARE(ran.size(), 1);
        const LicenseLab::Job job = lab.job(ran.first());
        QCOMPARE(job.server, connected);
        QCOMPARE(job.kind, QStringLiteral("sync"));
        QCOMPARE(job.state, QStringLiteral("success"));
        QVERIFY(job.automatic);
        QCOMPARE(finished.size(), 1);
        auto after = syncStatus(lab);
        QCOMPARE(after.size(), 2);
        QCOMPARE(after.value(connected).lastSyncDate, lastSync.addDays(7)); // dated when it fell due
        QVERIFY(after.value(connected).isSuccess());
        QVERIFY(!after.value(connected).isStale(lab.now()));
        QCOMPARE(after.value(disconnected), before.value(disconnected));
        QVERIFY(after.value(disconnected).isStale(lab.now()));
        // Like a triggered sync: the connected server's mismatched email is now counted twice, the
        // disconnected server's change never arrived.
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, seats + 1);

        // Three weeks at once: one sync, dated at the latest week that fell due.
        QCOMPARE(lab.advanceClock(std::chrono::days(21)).size(), 1);
        after = syncStatus(lab);
        QCOMPARE(after.value(connected).lastSyncDate, lastSync.addDays(28));
        QVERIFY(after.value(disconnected).isStale(lab.now()));

        // Switched back on four weeks later: it catches up at once.
        QVERIFY(lab.setServerConnected(disconnected, true));
        QCOMPARE(finished.size(), 3);
        QVERIFY(lab.job(finished.last().at(0).toString()).automatic);
        after = syncStatus(lab);
        QVERIFY(!after.value(disconnected).isStale(lab.now()));
        QVERIFY(std::abs(after.value(disconnected).lastSyncDate.secsTo(lab.now())) < 5);
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, seats + 2);
        QVERIFY(!after.contains(airGapped));
    }

    void shouldFailAutomaticSyncsWithTheInjectedError()
    {
        LabConfig config = weeklyConfig();
        config.faults.syncError = QStringLiteral("GitHub Connect could not reach github.com.");
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QString host = lab.enterprise().servers().at(0).hostname;
        const QDateTime lastSync = syncStatus(lab).value(host).lastSyncDate;
        const QStringList ran = lab.advanceClock(std::chrono::days(7));
        QCOMPARE(ran.size(), 2);
        const LicenseSyncStatus status = syncStatus(lab).value(host);
        QVERIFY(!status.isSuccess());
        QCOMPARE(status.error, config.faults.syncError);
        QCOMPARE(status.lastSyncDate, lastSync.addDays(7));
        QCOMPARE(lab.job(ran.first()).state, QStringLiteral("failure"));
    }

    void shouldFollowAnInjectedClock()
    {
        QDateTime fake = QDateTime::currentDateTimeUtc().addDays(3);
        LabConfig config = weeklyConfig();
        config.syncDurationMs = 50;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QString host = lab.enterprise().servers().at(0).hostname;
        const QDateTime lastSync = syncStatus(lab).value(host).lastSyncDate;
        lab.setClock([&fake] { return fake; });
        QCOMPARE(lab.now(), fake);
        QCOMPARE(syncStatus(lab).value(host).lastSyncDate, lastSync);
        // The injected clock moves on its own; the lab notices at the next request.
        fake = lastSync.addDays(7).addSecs(60);
        const LicenseSyncStatus status = syncStatus(lab).value(host);
        QCOMPARE(status.lastSyncDate, lastSync.addDays(7));
        QVERIFY(!status.isStale(lab.now()));
        // Sync now and uploads are dated by the lab clock too.
        const QString job = lab.startSync(host);
        QSignalSpy finished(&lab, &LicenseLab::jobFinished);
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(job).state, QStringLiteral("success"));
        QCOMPARE(lab.enterprise().servers().at(0).syncStatus.lastSyncDate, fake);
    }

    void shouldAdvanceTheClockOverHttp_data()
    {
        QTest::addColumn<bool>("githubLike");
        QTest::newRow("lab") << false;
        QTest::newRow("like GitHub") << true; // the clock is the simulated world, not a GitHub action
    }

    void shouldAdvanceTheClockOverHttp()
    {
        QFETCH(bool, githubLike);
        LabConfig config = weeklyConfig();
        config.githubLike = githubLike;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        std::unique_ptr<QNetworkReply> clock(get(lab, QStringLiteral("/_lab/clock")));
        QVERIFY(waitFor(clock.get()));
        QCOMPARE(clock->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QJsonObject body = QJsonDocument::fromJson(clock->readAll()).object();
        QCOMPARE(body.value(QLatin1String("offset_seconds")).toInteger(), 0);
        QCOMPARE(body.value(QLatin1String("automatic_sync_days")).toInt(), 7);

        std::unique_ptr<QNetworkReply> advance(post(lab, QStringLiteral("/_lab/clock/advance"), R"({"days": 7})"));
        QVERIFY(waitFor(advance.get()));
        QCOMPARE(advance->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        body = QJsonDocument::fromJson(advance->readAll()).object();
        QCOMPARE(body.value(QLatin1String("offset_seconds")).toInteger(), 7 * 86400);
        QCOMPARE(lab.clockOffset().count(), 7 * 86400);
        const QDateTime labNow = QDateTime::fromString(body.value(QLatin1String("now")).toString(), Qt::ISODate);
        QVERIFY(std::abs(labNow.secsTo(QDateTime::currentDateTimeUtc().addDays(7))) < 60);
        QStringList synced;
        for (const QJsonValue &sync : body.value(QLatin1String("automatic_syncs")).toArray()) {
            synced.append(sync.toObject().value(QLatin1String("server")).toString());
            QCOMPARE(sync.toObject().value(QLatin1String("state")).toString(), QStringLiteral("success"));
        }
        QCOMPARE(synced,
            QStringList({lab.enterprise().servers().at(0).hostname, lab.enterprise().servers().at(1).hostname}));
        // Every answer carries the lab clock in Date, so a client can judge sync dates by it.
        QDateTime date = QLocale::c().toDateTime(
            QString::fromLatin1(advance->rawHeader("Date")), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'"));
        date.setTimeZone(QTimeZone::UTC);
        QVERIFY2(date.isValid() && std::abs(date.secsTo(labNow)) < 60, advance->rawHeader("Date").constData());

        // The connect switch, in every mode.
        const QString air = lab.enterprise().servers().at(2).hostname;
        std::unique_ptr<QNetworkReply> connect(post(lab, QStringLiteral("/_lab/servers/%1/connect").arg(air), {}));
        QVERIFY(waitFor(connect.get()));
        QCOMPARE(connect->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(lab.enterprise().servers().at(2).connected);
        // Connected and never synced: it syncs at once and appears in license-sync-status.
        QVERIFY(syncStatus(lab).value(air).isSuccess());

        std::unique_ptr<QNetworkReply> status(get(lab, QStringLiteral("/_lab/status")));
        QVERIFY(waitFor(status.get()));
        const QJsonObject server = QJsonDocument::fromJson(status->readAll())
                                       .object()
                                       .value(QLatin1String("servers"))
                                       .toArray()
                                       .at(0)
                                       .toObject();
        const QDateTime last = QDateTime::fromString(server.value(QLatin1String("last_sync")).toString(), Qt::ISODate);
        QCOMPARE(QDateTime::fromString(server.value(QLatin1String("next_automatic_sync")).toString(), Qt::ISODate),
            last.addDays(7));

        const QList<QByteArray> rejected = {R"({"days": -1})", R"({"days": "7"})", R"({"days": 1.5})", "[7]", "seven"};
        for (const QByteArray &bad : rejected) {
            std::unique_ptr<QNetworkReply> reply(post(lab, QStringLiteral("/_lab/clock/advance"), bad));
            QVERIFY(waitFor(reply.get()));
            QCOMPARE(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 422);
            QVERIFY(reply->readAll().contains("\"message\""));
        }
        QCOMPARE(lab.clockOffset().count(), 7 * 86400); // nothing moved
        std::unique_ptr<QNetworkReply> hours(
            post(lab, QStringLiteral("/_lab/clock/advance"), R"({"hours": 12, "seconds": 30})"));
        QVERIFY(waitFor(hours.get()));
        QCOMPARE(lab.clockOffset().count(), 7 * 86400 + 12 * 3600 + 30);
    }

    void shouldFailAnUploadItCannotRead()
    {
        LabConfig config = weeklyConfig();
        config.syncDurationMs = 50;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QString airGapped = lab.enterprise().servers().at(2).hostname;
        const int seats = lab.enterprise().consumedLicenses().totalSeatsConsumed;
        const QList<LabEnterprise::ServerUser> known = lab.enterprise().servers().at(2).knownUsers;
        // The real shape with users encrypted for GitHub only: valid to upload, unreadable to the lab.
        UsageFileInfo info = UsageFile::read(lab.exportUsage(airGapped, true)).info;
        const QByteArray file = UsageFile::write(info, QByteArray("c2VhbGVkIGZvciBHaXRIdWIgb25seQ=="));
        QVERIFY(UsageFile::read(file).ok());
        QSignalSpy finished(&lab, &LicenseLab::jobFinished);
        const QString upload = lab.uploadUsage(file, QStringLiteral("sealed.json"));
        QVERIFY(!upload.isEmpty());
        QCOMPARE(lab.enterprise().servers().at(2).uploads.first().name, QStringLiteral("sealed.json"));
        QCOMPARE(lab.enterprise().servers().at(2).uploads.first().syncState, UploadSyncState::Pending);
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(upload).state, QStringLiteral("failure"));
        QVERIFY(!lab.job(upload).error.isEmpty());
        QCOMPARE(lab.enterprise().servers().at(2).uploads.first().syncState, UploadSyncState::Failure);
        // Nothing merged: the previous upload's users still count.
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, seats);
        QCOMPARE(lab.enterprise().servers().at(2).knownUsers.size(), known.size());
        // A server the enterprise does not list yet: its first upload adds it, as on GitHub (an offline
        // server has no other way in), and its users count from then on.
        const int servers = int(lab.enterprise().servers().size());
        UsageFileInfo offline = UsageFile::read(lab.exportUsage(airGapped, true)).info;
        offline.serverId = QStringLiteral("00000000-0000-4000-8000-000000000000");
        offline.hostName = QStringLiteral("new-offline.lab.example");
        offline.users = {UsageFileUser{
            QStringLiteral("only-here"), QStringLiteral("1"), {QStringLiteral("only-here@offline.example")}, false}};
        const QString first = lab.uploadUsage(UsageFile::write(offline), QStringLiteral("first.json"));
        QVERIFY(!first.isEmpty());
        QCOMPARE(lab.enterprise().servers().size(), servers + 1);
        const LabEnterprise::Server &added = lab.enterprise().servers().constLast();
        QCOMPARE(added.serverId, offline.serverId);
        QCOMPARE(added.hostname, offline.hostName);
        QVERIFY(!added.connected);
        QVERIFY(finished.wait());
        QCOMPARE(lab.job(first).state, QStringLiteral("success"));
        QCOMPARE(lab.enterprise().servers().constLast().uploads.first().syncState, UploadSyncState::Success);
        QCOMPARE(lab.enterprise().consumedLicenses().totalSeatsConsumed, seats + 1);
        // A file without a server ID names no server to add.
        offline.serverId.clear();
        QString why;
        QVERIFY(lab.uploadUsage(UsageFile::write(offline), QStringLiteral("nameless.json"), &why).isEmpty());
        QVERIFY2(why.contains(QLatin1String("server ID")), qPrintable(why));
    }

    void shouldCountRequestsSentWhileTheBudgetIsSpent()
    {
        // A client that ignores what the lab announced moves the count; every step waits for its answer, so
        // the client had read each announcement before the next request left.
        LabConfig config = weeklyConfig();
        config.faults.primaryLimit = 2;
        config.faults.primaryWindowSeconds = 60;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        auto status = [this](LicenseLab &lab, const QString &path, QByteArray *resource = nullptr,
                          QByteArray *remaining = nullptr) {
            std::unique_ptr<QNetworkReply> reply(get(lab, path));
            if (!waitFor(reply.get())) {
                return -1;
            }
            if (resource) {
                *resource = reply->rawHeader("x-ratelimit-resource");
            }
            if (remaining) {
                *remaining = reply->rawHeader("x-ratelimit-remaining");
            }
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QByteArray resource;
        QByteArray remaining;
        QCOMPARE(status(lab, QStringLiteral("/meta"), &resource, &remaining), 200);
        QCOMPARE(resource, QByteArray("core"));
        QCOMPARE(remaining, QByteArray("1"));
        QCOMPARE(status(lab, QStringLiteral("/meta"), nullptr, &remaining), 200);
        QCOMPARE(remaining, QByteArray("0")); // spent until the reset, a minute away
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
        QCOMPARE(status(lab, QStringLiteral("/meta")), 403);
        QCOMPARE(lab.counters().primaryRejected, 1);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 1);

        // GraphQL has a budget of its own.
        const QByteArray query = QJsonDocument(
            QJsonObject{{QStringLiteral("query"),
                            QStringLiteral("query { enterprise(slug: $slug) { ownerInfo { "
                                           "enterpriseServerInstallations { nodes { id } } } } }")},
                {QStringLiteral("variables"), QJsonObject{{QStringLiteral("slug"), QStringLiteral("lab")}}}})
                                     .toJson();
        std::unique_ptr<QNetworkReply> graphQl(post(lab, QStringLiteral("/graphql"), query));
        QVERIFY(waitFor(graphQl.get()));
        QCOMPARE(graphQl->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(graphQl->rawHeader("x-ratelimit-resource"), QByteArray("graphql"));
        QCOMPARE(graphQl->rawHeader("x-ratelimit-remaining"), QByteArray("1"));
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 1);
        graphQl.reset(post(lab, QStringLiteral("/graphql"), query));
        QVERIFY(waitFor(graphQl.get()));
        QCOMPARE(graphQl->rawHeader("x-ratelimit-remaining"), QByteArray("0"));
        // Over its limit GraphQL still answers HTTP 200, with GitHub's RATE_LIMITED error instead of data.
        graphQl.reset(post(lab, QStringLiteral("/graphql"), query));
        QVERIFY(waitFor(graphQl.get()));
        QCOMPARE(graphQl->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QCOMPARE(graphQl->rawHeader("x-ratelimit-remaining"), QByteArray("0"));
        QVERIFY(graphQl->rawHeader("x-ratelimit-reset").toLongLong() * 1000 > QDateTime::currentMSecsSinceEpoch());
        const QJsonObject refused = QJsonDocument::fromJson(graphQl->readAll()).object();
        QCOMPARE(refused.value(QLatin1String("errors")).toArray().at(0).toObject().value(QLatin1String("type")),
            QJsonValue(QStringLiteral("RATE_LIMITED")));
        QVERIFY(!refused.contains(QLatin1String("data")));
        QCOMPARE(lab.counters().primaryRejected, 2);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 2);

        // Secondary limit: the rejected request again within its retry-after counts, and so does any request
        // once the client has had time to read the answer.
        LabConfig limitedConfig = weeklyConfig();
        limitedConfig.faults.secondaryLimit = 1;
        limitedConfig.faults.secondaryWindowSeconds = 60;
        limitedConfig.faults.secondaryStatus = 429;
        LicenseLab limited(limitedConfig);
        QVERIFY(limited.start());
        QCOMPARE(status(limited, QStringLiteral("/enterprises/lab/license-sync-status")), 200);
        std::unique_ptr<QNetworkReply> rejected(get(limited, QStringLiteral("/meta")));
        QVERIFY(waitFor(rejected.get()));
        QCOMPARE(rejected->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 429);
        QVERIFY(rejected->rawHeader("retry-after").toInt() >= 59);
        QCOMPARE(limited.counters().sentWhileBudgetSpent, 0);
        QCOMPARE(status(limited, QStringLiteral("/meta")), 429); // the same request at once
        QCOMPARE(limited.counters().sentWhileBudgetSpent, 1);
        QCOMPARE(
            status(limited, QStringLiteral("/enterprise/settings/license")), 429); // another one, may have left before
        QCOMPARE(limited.counters().sentWhileBudgetSpent, 1);
        QTest::qWait(LicenseLab::ReactionGraceMs + 50); // time itself is the subject here
        QCOMPARE(status(limited, QStringLiteral("/enterprise/settings/license")), 429);
        QCOMPARE(limited.counters().sentWhileBudgetSpent, 2);

        // The standalone lab tells it in its status, for the benchmark and for curl.
        std::unique_ptr<QNetworkReply> labStatus(get(limited, QStringLiteral("/_lab/status")));
        QVERIFY(waitFor(labStatus.get()));
        const QJsonObject counters =
            QJsonDocument::fromJson(labStatus->readAll()).object().value(QLatin1String("counters")).toObject();
        QCOMPARE(counters.value(QLatin1String("sent_while_budget_spent")).toInteger(), 2);
        QCOMPARE(counters.value(QLatin1String("secondary_rejected")).toInteger(), 4);
        QCOMPARE(counters.value(QLatin1String("api_requests")).toInteger(), 5);
    }

    void shouldAskForAMinuteWithoutRetryAfter()
    {
        // Without retry-after GitHub expects at least a minute: a repeat within secondaryQuietMs counts.
        LabConfig config = weeklyConfig();
        config.faults.secondaryLimit = 1;
        config.faults.secondaryWindowSeconds = 60;
        config.faults.secondaryRetryAfter = false;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        std::unique_ptr<QNetworkReply> first(get(lab, QStringLiteral("/meta")));
        QVERIFY(waitFor(first.get()));
        std::unique_ptr<QNetworkReply> rejected(get(lab, QStringLiteral("/meta")));
        QVERIFY(waitFor(rejected.get()));
        QCOMPARE(rejected->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 403);
        QVERIFY(!rejected->hasRawHeader("retry-after"));
        QVERIFY(rejected->readAll().contains("secondary rate limit"));
        std::unique_ptr<QNetworkReply> again(get(lab, QStringLiteral("/meta")));
        QVERIFY(waitFor(again.get()));
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 1);
    }

    void shouldInjectServerErrorsAtASeededRate()
    {
        // The same seed gives the same failing requests, at about the configured share.
        QList<int> first;
        for (int run = 0; run < 2; ++run) {
            LabConfig config = weeklyConfig();
            config.faults.serverErrorRate = 0.3;
            LicenseLab lab(config);
            QVERIFY(lab.start());
            QList<int> statuses;
            for (int i = 0; i < 60; ++i) {
                std::unique_ptr<QNetworkReply> reply(get(lab, QStringLiteral("/meta")));
                QVERIFY(waitFor(reply.get()));
                statuses.append(reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt());
            }
            QCOMPARE(lab.counters().serverErrors, statuses.count(502));
            QVERIFY2(statuses.count(502) >= 8 && statuses.count(502) <= 30,
                qPrintable(QString::number(statuses.count(502))));
            QCOMPARE(statuses.count(502) + statuses.count(200), statuses.size());
            if (run == 0) {
                first = statuses;
            } else {
                QCOMPARE(statuses, first);
            }
        }
    }

    void shouldHideActionsInGitHubLikeMode()
    {
        LabConfig config;
        config.users = 5;
        config.servers = 1;
        config.githubLike = true;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QString host = lab.enterprise().servers().first().hostname;
        std::unique_ptr<QNetworkReply> action(get(lab, QStringLiteral("/_lab/servers/%1/usage-export").arg(host)));
        QVERIFY(waitFor(action.get()));
        QCOMPARE(action->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 404);
        std::unique_ptr<QNetworkReply> browser(
            get(lab, QStringLiteral("/_lab/browser/servers/%1/usage-export").arg(host)));
        QVERIFY(waitFor(browser.get()));
        QCOMPARE(browser->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 200);
        QVERIFY(UsageFile::read(browser->readAll()).ok());
    }

    void shouldServeEachServersOwnLicenseAndVersion()
    {
        LabConfig config = weeklyConfig();
        config.suspendedShare = 0.3;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        const QList<LabEnterprise::Server> servers = lab.enterprise().servers();
        QCOMPARE(servers.size(), 3);
        const QDateTime expiry = lab.enterprise().licenseExpiresAt();
        QVERIFY(expiry > lab.now().addDays(100));
        auto read = [this, &lab](const QString &path, QByteArray *body) {
            std::unique_ptr<QNetworkReply> reply(get(lab, path));
            if (!waitFor(reply.get())) {
                return 0;
            }
            *body = reply->readAll();
            return reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        };
        QSet<QString> versions;
        for (const LabEnterprise::Server &server : servers) {
            QByteArray body;
            // With and without /api/v3, as a GHES connection to that host would ask.
            QCOMPARE(read(QStringLiteral("/_lab/ghes/%1/api/v3/meta").arg(server.hostname), &body), 200);
            QCOMPARE(GitHubJson::readMetaInstalledVersion(body).value, server.version);
            versions.insert(server.version);
            QCOMPARE(
                read(QStringLiteral("/_lab/ghes/%1/enterprise/settings/license").arg(server.hostname), &body), 200);
            const auto license = GitHubJson::readServerLicense(body);
            QCOMPARE(license.error, GitHubJson::ReadError::None);
            int active = 0;
            for (const LabEnterprise::ServerUser &user : server.users) {
                active += user.suspended ? 0 : 1;
            }
            QVERIFY(active < server.users.size()); // some are suspended, and they take no seat
            QCOMPARE(license.value.seatsUsed, active);
            QCOMPARE(license.value.seats.value_or(-1), lab.enterprise().seatsPurchased());
            QCOMPARE(license.value.expireAt, expiry.addMSecs(-expiry.time().msec()));
            QCOMPARE(license.value.daysUntilExpiration, int(lab.now().daysTo(expiry)));
        }
        QVERIFY(versions.size() > 1); // each server its own, not the first one's
        QByteArray body;
        // The enterprise's license (the lab's root, like one GHES) ends on the same day.
        QCOMPARE(read(QStringLiteral("/api/v3/enterprise/settings/license"), &body), 200);
        QCOMPARE(GitHubJson::readServerLicense(body).value.expireAt, expiry.addMSecs(-expiry.time().msec()));
        // A server has no enterprise account's reads, an unknown host is not found, the token is checked.
        const QString host = servers.first().hostname;
        QCOMPARE(read(QStringLiteral("/_lab/ghes/%1/enterprises/lab/consumed-licenses").arg(host), &body), 404);
        QCOMPARE(read(QStringLiteral("/_lab/ghes/nowhere.example/meta"), &body), 404);
        std::unique_ptr<QNetworkReply> anonymous(get(lab, QStringLiteral("/_lab/ghes/%1/meta").arg(host), false));
        QVERIFY(waitFor(anonymous.get()));
        QCOMPARE(anonymous->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(), 401);
        // The past view has them too: a server that did not exist yet is not found.
        const QDateTime beforeFirst = servers.first().createdAt.addDays(-1);
        QCOMPARE(read(QStringLiteral("/_lab/as-of/%1/_lab/ghes/%2/meta").arg(beforeFirst.toString(Qt::ISODate), host),
                     &body),
            404);
        QCOMPARE(read(QStringLiteral("/_lab/as-of/%1/_lab/ghes/%2/meta")
                          .arg(lab.now().addDays(-1).toString(Qt::ISODate), host),
                     &body),
            200);
    }
};

QTEST_GUILESS_MAIN(LicenseLabTest)
#include "licenselabtest.moc"
