// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "lab/licenselab.h"
#include "licensing/githubjson.h"
#include "licensing/usagefile.h"

#include <QElapsedTimer>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTest>

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

    void shouldGenerateDeterministicallyAndFast()
    {
        LabConfig config;
        config.users = 100000;
        QElapsedTimer timer;
        timer.start();
        const LabEnterprise a = LabEnterprise::generate(config);
        const qint64 elapsed = timer.elapsed();
        const LabEnterprise b = LabEnterprise::generate(config);
        QCOMPARE(a.consumedLicenses().users, b.consumedLicenses().users);
        QCOMPARE(a.servers().first().serverId, b.servers().first().serverId);
        QVERIFY2(elapsed < 5000, qPrintable(QString::number(elapsed)));
        qInfo() << "generated 100k users in" << elapsed << "ms";
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
};

QTEST_GUILESS_MAIN(LicenseLabTest)
#include "licenselabtest.moc"
