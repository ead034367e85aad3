// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "github/githubclient.h"
#include "core/dateformat.h"
#include "github/consumedlicensesjob.h"
#include "github/installationsjob.h"
#include "github/licensesyncstatusjob.h"
#include "github/requestscheduler.h"
#include "github/serverlicensejob.h"
#include "glc_version.h"
#include "lab/licenselab.h"
#include "licensing/usagefile.h"
#include "workflows/exportusagejob.h"
#include "workflows/labhost.h"

#include <KLocalizedString>

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QLocale>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

#include <algorithm>
#include <clocale>
#include <functional>
#include <memory>
#include <optional>

using namespace Glc;

namespace {
QStringList s_logLines;
void captureMessages(QtMsgType, const QMessageLogContext &, const QString &message)
{
    s_logLines.append(message);
}

LabConfig plainConfig(int users)
{
    LabConfig config;
    config.users = users;
    config.servers = 0;
    config.visualStudioShare = 0;
    return config;
}

GitHubClientOptions fastOptions()
{
    GitHubClientOptions options;
    options.backoffBaseMs = 10;
    options.transferTimeoutMs = 5000;
    return options;
}

LicenseLab::Counters countersOf(LabHost &host)
{
    LicenseLab::Counters counters;
    host.runInLab([&counters](LicenseLab *lab) { counters = lab->counters(); });
    return counters;
}

bool hasChinese(const QString &text)
{
    return std::any_of(
        text.cbegin(), text.cend(), [](QChar c) { return c.unicode() >= 0x4e00 && c.unicode() <= 0x9fff; });
}

/// Empty when the error tells the admin what happened and what to do next, in English and in the
/// build tree's zh_CN catalog (so both strings really go through Ki18n); otherwise what is missing.
QString explanationProblem(const GitHubError &error)
{
    if (error.message().isEmpty() || error.nextStep().isEmpty()) {
        return QStringLiteral("no message or no next step for kind %1").arg(int(error.kind));
    }
    KLocalizedString::setLanguages({QStringLiteral("zh_CN")});
    const QString message = error.message();
    const QString nextStep = error.nextStep();
    KLocalizedString::setLanguages({QStringLiteral("en_US")});
    if (!hasChinese(message) || !hasChinese(nextStep)) {
        return QStringLiteral("not translated: %1 / %2").arg(message, nextStep);
    }
    return {};
}

/// A GHES-shaped connection (https://HOST/api/v3 and /api/graphql) to a TLS lab, trusting its test CA.
Connection serverConnection(LicenseLab &lab)
{
    Connection server;
    server.kind = Connection::Kind::Server;
    server.serverHost = QStringLiteral("localhost:%1").arg(lab.url().port());
    server.enterpriseSlug = lab.enterprise().slug();
    server.caFile = lab.caCertificateFile();
    return server;
}

/// A bare HTTP/1.1 server for what the lab would never send: @p answer writes the answer to each request on
/// its socket once the request's head is in.
void answerEveryRequest(QTcpServer &server, const std::function<void(QTcpSocket *)> &answer)
{
    QObject::connect(&server, &QTcpServer::newConnection, &server, [&server, answer] {
        QTcpSocket *socket = server.nextPendingConnection();
        auto head = std::make_shared<QByteArray>();
        QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, answer, head] {
            *head += socket->readAll();
            if (head->contains("\r\n\r\n")) {
                head->clear();
                answer(socket);
            }
        });
    });
}

bool waitFinished(GitHubJob *job, int timeout = 30000)
{
    if (job->isFinished()) {
        return true;
    }
    QSignalSpy spy(job, &GitHubJob::finished);
    return spy.wait(timeout);
}
} // namespace

class GitHubClientTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        // gettext ignores the language Ki18n asks for under the C locale (the default under ctest).
        QVERIFY2(std::setlocale(LC_MESSAGES, "en_US.UTF-8"), "the en_US.UTF-8 locale is needed");
        KLocalizedString::addDomainLocaleDir(TRANSLATION_DOMAIN, QStringLiteral(GLC_BUILD_LOCALE_DIR));
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
    }

    void shouldExplainEveryErrorKind()
    {
        for (int kind = int(GitHubError::Kind::BadToken); kind <= int(GitHubError::Kind::TooLarge); ++kind) {
            GitHubError error(static_cast<GitHubError::Kind>(kind));
            error.httpStatus = 500;
            error.serverMessage = QStringLiteral("detail");
            error.ssoUrl = QStringLiteral("https://github.com/enterprises/lab/sso?authorization_request=X");
            if (error.kind == GitHubError::Kind::Cancelled) {
                QVERIFY(!error.message().isEmpty());
                QVERIFY(error.nextStep().isEmpty()); // nothing to do after one's own cancel
                continue;
            }
            const QString problem = explanationProblem(error);
            QVERIFY2(problem.isEmpty(), qPrintable(problem));
        }
        QVERIFY(GitHubError().message().isEmpty());
    }

    void shouldFetchEveryPage_data()
    {
        QTest::addColumn<int>("users");
        QTest::addColumn<int>("pages");
        QTest::addColumn<int>("pageLinks");
        const int numbered = int(LabFaults::PageLinks::Numbered);
        QTest::newRow("0") << 0 << 1 << numbered;
        QTest::newRow("1") << 1 << 1 << numbered;
        QTest::newRow("100") << 100 << 1 << numbered;
        QTest::newRow("101") << 101 << 2 << numbered;
        QTest::newRow("100000") << 100000 << 1000 << numbered;
        // Without a numbered "last" the pages come one after another along "next"; a "last" that names no
        // page says nothing about how many follow.
        QTest::newRow("no last, 250") << 250 << 3 << int(LabFaults::PageLinks::NoLast);
        QTest::newRow("no last, 1000") << 1000 << 10 << int(LabFaults::PageLinks::NoLast);
        QTest::newRow("cursors, 250") << 250 << 3 << int(LabFaults::PageLinks::Cursors);
        QTest::newRow("cursors, 1000") << 1000 << 10 << int(LabFaults::PageLinks::Cursors);
    }

    void shouldFetchEveryPage()
    {
        QFETCH(int, users);
        QFETCH(int, pages);
        QFETCH(int, pageLinks);
        LabConfig config = plainConfig(users);
        config.faults.pageLinks = LabFaults::PageLinks(pageLinks);
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QSignalSpy progress(job.get(), &GitHubJob::progress);
        QVERIFY(waitFinished(job.get(), 120000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), users);
        QCOMPARE(job->result().totalSeatsConsumed, users);
        QSet<QString> logins;
        for (const ConsumedLicense &user : job->result().users) {
            logins.insert(user.githubComLogin);
        }
        QCOMPARE(logins.size(), users); // each exactly once
        // Every name as the lab has it, those beyond ASCII (王芳, José Álvarez, Nguyễn Thị Hà …) too.
        QHash<QString, QString> names;
        for (const LabEnterprise::Member &member : lab.enterprise().members()) {
            names.insert(member.login, member.name);
        }
        int beyondAscii = 0;
        for (const ConsumedLicense &user : job->result().users) {
            QCOMPARE(user.githubComName, names.value(user.githubComLogin));
            const bool ascii = std::all_of(
                user.githubComName.cbegin(), user.githubComName.cend(), [](QChar c) { return c.unicode() < 128; });
            beyondAscii += ascii ? 0 : 1;
        }
        QCOMPARE(beyondAscii, users / 4);
        QCOMPARE(lab.counters().apiRequests, pages);
        QCOMPARE(progress.last().at(0).toInt(), pages);
        QCOMPARE(progress.last().at(1).toInt(), pages);
        QCOMPARE(progress.last().at(2).toLongLong(), qint64(users));
        QVERIFY(lab.counters().maxInFlight <= 4);
        QCOMPARE(job->readStats().toleratedValues, 0);
    }

    void shouldFetchPagesConcurrentlyUpToTheLimit_data()
    {
        QTest::addColumn<int>("concurrency");
        QTest::addColumn<int>("expected");
        QTest::newRow("default") << 0 << 4;
        QTest::newRow("1") << 1 << 1;
        QTest::newRow("16") << 16 << 16; // above Qt's 6 connections per host
        QTest::newRow("40 clamped") << 40 << 16;
    }

    void shouldFetchPagesConcurrentlyUpToTheLimit()
    {
        QFETCH(int, concurrency);
        QFETCH(int, expected);
        LabConfig config = plainConfig(2000); // 20 pages
        config.faults.latencyMs = 100; // long enough for every permitted request to overlap at the lab
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        if (concurrency > 0) {
            options.concurrency = concurrency;
        }
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 60000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 2000);
        QCOMPARE(lab.counters().maxInFlight, expected);
    }

    void shouldReadSyncStatusLicenseAndInstallations()
    {
        LabConfig config;
        config.users = 300;
        config.servers = 3;
        config.serverUserShare = 0.9;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<LicenseSyncStatusJob> sync(client.fetchLicenseSyncStatus());
        std::unique_ptr<ServerLicenseJob> license(client.fetchServerLicense());
        std::unique_ptr<InstallationsJob> installations(client.fetchInstallations());
        QVERIFY(waitFinished(sync.get()));
        QVERIFY(waitFinished(license.get()));
        QVERIFY(waitFinished(installations.get()));
        QCOMPARE(sync->error().kind, GitHubError::Kind::None);
        QCOMPARE(sync->result().size(), 2); // the air-gapped server does not sync
        QVERIFY(sync->result().first().isSuccess());
        QCOMPARE(license->error().kind, GitHubError::Kind::None);
        QCOMPARE(license->result().seats.value_or(-1), lab.enterprise().seatsPurchased());
        QCOMPARE(license->result().installedVersion, lab.enterprise().servers().first().version);
        QCOMPARE(installations->error().kind, GitHubError::Kind::None);
        QCOMPARE(installations->result().size(), 3);
        for (int i = 0; i < 3; ++i) {
            const auto &installation = installations->result().at(i);
            QCOMPARE(installation.userAccounts.size(), lab.enterprise().servers().at(i).knownUsers.size());
            QVERIFY(installation.userAccounts.size() > 100); // needed a second page by cursor
            QCOMPARE(installation.userAccountsTotal, installation.userAccounts.size());
            QVERIFY(!installation.userAccounts.last().emails.isEmpty());
        }
        QCOMPARE(installations->result().at(2).uploads.first().syncState, UploadSyncState::Success);
    }

    void shouldTypeEveryError_data()
    {
        QTest::addColumn<int>("token");
        QTest::addColumn<int>("forcedStatus");
        QTest::addColumn<int>("failNext");
        QTest::addColumn<bool>("truncate");
        QTest::addColumn<QString>("rateLimit"); ///< empty, or how a rate limit never clears in time
        QTest::addColumn<int>("kind");
        QTest::newRow("401") << int(LabFaults::Token::Bad) << 0 << 0 << false << QString()
                             << int(GitHubError::Kind::BadToken);
        QTest::newRow("sso") << int(LabFaults::Token::SsoRequired) << 0 << 0 << false << QString()
                             << int(GitHubError::Kind::SsoRequired);
        QTest::newRow("scope") << int(LabFaults::Token::MissingScope) << 0 << 0 << false << QString()
                               << int(GitHubError::Kind::MissingScope);
        // A 403 to a token that has the scope (an IP allow list): GitHub's words, not "missing scope".
        QTest::newRow("403 ip allow list") << 0 << 403 << 0 << false << QString() << int(GitHubError::Kind::Forbidden);
        // The right slug, but the token's account is no owner of the enterprise: GitHub answers 404 as well.
        QTest::newRow("404 not an owner") << 0 << 404 << 0 << false << QString() << int(GitHubError::Kind::NotFound);
        QTest::newRow("410") << 0 << 410 << 0 << false << QString() << int(GitHubError::Kind::ApiVersionRetired);
        QTest::newRow("422") << 0 << 422 << 0 << false << QString() << int(GitHubError::Kind::Validation);
        QTest::newRow("5xx") << 0 << 0 << 100 << false << QString() << int(GitHubError::Kind::ServerError);
        QTest::newRow("truncated") << 0 << 0 << 0 << true << QString() << int(GitHubError::Kind::Malformed);
        // Rate limits that do not clear within the client's longest wait (2 s here) or its retries (2 here).
        QTest::newRow("primary spent, reset in an hour")
            << 0 << 0 << 0 << false << QStringLiteral("primary") << int(GitHubError::Kind::RateLimited);
        QTest::newRow("primary spent by another client, 403")
            << 0 << 0 << 0 << false << QStringLiteral("primary elsewhere") << int(GitHubError::Kind::RateLimited);
        QTest::newRow("secondary, retry-after of an hour")
            << 0 << 0 << 0 << false << QStringLiteral("secondary") << int(GitHubError::Kind::RateLimited);
        QTest::newRow("secondary that never clears, no retry-after")
            << 0 << 0 << 0 << false << QStringLiteral("secondary quiet") << int(GitHubError::Kind::RateLimited);
    }

    void shouldTypeEveryError()
    {
        QFETCH(int, token);
        QFETCH(int, forcedStatus);
        QFETCH(int, failNext);
        QFETCH(bool, truncate);
        QFETCH(QString, rateLimit);
        QFETCH(int, kind);
        LicenseLab lab(plainConfig(rateLimit.isEmpty() ? 10 : 250)); // rate limits: three pages
        QVERIFY(lab.start());
        LabFaults faults;
        faults.token = LabFaults::Token(token);
        faults.forcedStatus = forcedStatus;
        faults.failNextRequests = failNext;
        faults.truncatedBodyRate = truncate ? 1 : 0;
        if (rateLimit.startsWith(QLatin1String("primary"))) {
            faults.primaryLimit = 1; // the first page spends it until the reset, an hour later
            faults.primaryWindowSeconds = 3600;
        } else if (rateLimit.startsWith(QLatin1String("secondary"))) {
            faults.secondaryLimit = 1; // the first page passes, the others are limited for an hour
            faults.secondaryWindowSeconds = 3600;
            faults.secondaryRetryAfter = rateLimit == QLatin1String("secondary");
            faults.secondaryQuietMs = 100; // the client's own wait below: a retry sooner counts as too soon
        }
        lab.setFaults(faults);
        if (rateLimit == QLatin1String("primary elsewhere")) {
            GitHubClient other(lab.connection(), lab.token(), fastOptions());
            std::unique_ptr<LicenseSyncStatusJob> spending(other.fetchLicenseSyncStatus());
            QVERIFY(waitFinished(spending.get()));
            QCOMPARE(spending->error().kind, GitHubError::Kind::None);
        }
        GitHubClientOptions options = fastOptions();
        options.maxWaitMs = 2000;
        options.maxRateLimitRetries = 2;
        options.secondaryMinimumWaitMs = 100;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(int(job->error().kind), kind);
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (kind == int(GitHubError::Kind::SsoRequired)) {
            // The URL of the X-GitHub-SSO header, whole and nothing else ("required; url=" stays behind).
            QCOMPARE(job->error().ssoUrl,
                lab.url().toString() +
                    QStringLiteral("/enterprises/%1/sso?authorization_request=LAB123")
                        .arg(lab.connection().enterpriseSlug));
            QVERIFY(job->error().nextStep().contains(job->error().ssoUrl));
        }
        if (kind == int(GitHubError::Kind::NotFound)) {
            QCOMPARE(job->error().httpStatus, 404);
            QVERIFY2(job->error().message().contains(QLatin1String("not an owner of this enterprise")),
                qPrintable(job->error().message()));
        }
        if (kind == int(GitHubError::Kind::ServerError)) {
            QCOMPARE(lab.counters().serverErrors, 1 + fastOptions().maxRetries); // bounded retries
        }
        if (kind == int(GitHubError::Kind::Forbidden)) {
            QVERIFY2(
                job->error().message().contains(QLatin1String("IP allow list")), qPrintable(job->error().message()));
        }
        if (kind == int(GitHubError::Kind::RateLimited)) {
            QCOMPARE(job->error().message(), GitHubError(GitHubError::Kind::RateLimited).message());
            QCOMPARE(job->error().nextStep(), GitHubError(GitHubError::Kind::RateLimited).nextStep());
            // Gave up rather than ask again too soon (the first request of a client that could not know aside).
            const bool elsewhere = rateLimit == QLatin1String("primary elsewhere");
            QCOMPARE(lab.counters().sentWhileBudgetSpent, elsewhere ? 1 : 0);
            // Bounded: the first page once, each other page at most once plus its retries.
            const qint64 sent = client.scheduler()->requestsSent();
            QVERIFY2(sent <= 1 + 2 * (1 + options.maxRateLimitRetries), qPrintable(QString::number(sent)));
            if (rateLimit.startsWith(QLatin1String("primary"))) {
                // Nothing is sent while the budget is known spent: the refusal of another client's spending
                // aside, the lab refused nothing.
                QCOMPARE(lab.counters().primaryRejected, elsewhere ? 1 : 0);
                QCOMPARE(sent, 1);
            }
        }
    }

    void shouldTellAMissingScopeFromOtherRefusals_data()
    {
        QTest::addColumn<QByteArray>("granted"); ///< X-OAuth-Scopes; "-" for none sent
        QTest::addColumn<QByteArray>("accepted"); ///< X-Accepted-OAuth-Scopes
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("lacksScope");
        QTest::newRow("classic token without it") << QByteArray("repo, read:org") << QByteArray("read:enterprise")
                                                  << QStringLiteral("Must have admin rights") << true;
        QTest::newRow("classic token with it") << QByteArray("read:enterprise") << QByteArray("read:enterprise")
                                               << QStringLiteral("IP allow list enabled") << false;
        QTest::newRow("admin:enterprise covers read")
            << QByteArray("admin:enterprise, repo") << QByteArray("read:enterprise") << QString() << false;
        QTest::newRow("nothing accepted named") << QByteArray("repo") << QByteArray() << QString() << true;
        QTest::newRow("fine-grained token")
            << QByteArray("-") << QByteArray() << QStringLiteral("Resource not accessible by personal access token")
            << true;
        QTest::newRow("policy, no scope headers")
            << QByteArray("-") << QByteArray() << QStringLiteral("Cross-enterprise access is not allowed") << false;
    }

    void shouldTellAMissingScopeFromOtherRefusals()
    {
        QFETCH(QByteArray, granted);
        QFETCH(QByteArray, accepted);
        QFETCH(QString, message);
        QFETCH(bool, lacksScope);
        QHash<QByteArray, QByteArray> headers;
        if (granted != "-") {
            headers.insert("x-oauth-scopes", granted);
        }
        if (!accepted.isEmpty()) {
            headers.insert("x-accepted-oauth-scopes", accepted);
        }
        QCOMPARE(RequestScheduler::lacksScope(headers, message), lacksScope);
    }

    void shouldRetryTransientServerErrorsWaitingLongerEachTime()
    {
        // Three 502s in a row, then the answers: the waits between the attempts double (100, 200, 400 ms and up to
        // half as much again of jitter), so the pages come no sooner than 700 ms after the first attempt. Waits
        // that did not grow would be done within 450 ms.
        LicenseLab lab(plainConfig(150));
        QVERIFY(lab.start());
        LabFaults faults;
        faults.failNextRequests = 3;
        lab.setFaults(faults);
        GitHubClientOptions options = fastOptions();
        options.backoffBaseMs = 100;
        options.maxRetries = 3;
        GitHubClient client(lab.connection(), lab.token(), options);
        QElapsedTimer clock;
        clock.start();
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        const qint64 elapsed = clock.elapsed();
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 150);
        QCOMPARE(lab.counters().serverErrors, 3);
        QVERIFY2(elapsed >= 700, qPrintable(QStringLiteral("%1 ms").arg(elapsed)));
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldTakeTheSsoUrlFromItsHeader_data()
    {
        QTest::addColumn<QByteArray>("header");
        QTest::addColumn<QString>("url");
        QTest::newRow("required")
            << QByteArrayLiteral("required; url=https://github.com/enterprises/acme/sso?authorization_request=AB12CD")
            << QStringLiteral("https://github.com/enterprises/acme/sso?authorization_request=AB12CD");
        QTest::newRow("trailing space") << QByteArrayLiteral("required; url=https://ghe.example/sso?a=1 \r")
                                        << QStringLiteral("https://ghe.example/sso?a=1");
        // Beside other answers GitHub lists the organizations whose results it left out: no URL to open.
        QTest::newRow("partial results") << QByteArrayLiteral("partial-results; organizations=21955855,20582480")
                                         << QString();
        QTest::newRow("empty") << QByteArray() << QString();
    }

    void shouldTakeTheSsoUrlFromItsHeader()
    {
        QFETCH(QByteArray, header);
        QFETCH(QString, url);
        QCOMPARE(GitHubError::ssoUrlFromHeader(header), url);
    }

    void shouldReportNotFoundForWrongSlug()
    {
        LicenseLab lab(plainConfig(3));
        QVERIFY(lab.start());
        Connection connection = lab.connection();
        connection.enterpriseSlug = QStringLiteral("nope");
        GitHubClient client(connection, lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::NotFound);
        QCOMPARE(job->error().httpStatus, 404);
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QVERIFY(job->error().nextStep().contains(QLatin1String("slug")));
    }

    void shouldExplainANotFoundOnAServerAsNoSiteAdministrator()
    {
        // GHES answers /enterprise/settings/license with 404 when the token's account is no site administrator;
        // a server has no enterprise slug there, so the Cloud explanation (owner, slug) would mislead.
        LabConfig config = plainConfig(3);
        config.tls = true;
        config.faults.forcedStatus = 404;
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        const Connection server = serverConnection(lab);
        GitHubClient client(server, lab.token(), fastOptions());
        std::unique_ptr<ServerLicenseJob> job(client.fetchServerLicense());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::NotFound);
        QCOMPARE(job->error().httpStatus, 404);
        QCOMPARE(job->error().serverHost, server.serverHost);
        const QString message = job->error().message();
        const QString nextStep = job->error().nextStep();
        QCOMPARE(message,
            i18nc("@info %1 host", "Not found: the token's account is not a site administrator of %1.",
                server.serverHost));
        QVERIFY2(nextStep.contains(QLatin1String("site administrator of ") + server.serverHost), qPrintable(nextStep));
        QVERIFY2(!nextStep.contains(QLatin1String("Check the enterprise slug")), qPrintable(nextStep));
        QVERIFY2(!message.contains(QLatin1String("owner")) && !nextStep.contains(QLatin1String("owner")),
            qPrintable(message + QLatin1Char(' ') + nextStep));
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void shouldTypeGraphQlErrors_data()
    {
        QTest::addColumn<QString>("slug");
        QTest::addColumn<int>("token");
        QTest::addColumn<QString>("graphQlError");
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("serverMessage");
        // The lab answers as GitHub does: HTTP 200, {"data": {"enterprise": null}, "errors": [{"type": ...}]}.
        QTest::newRow("wrong slug") << QStringLiteral("nope") << int(LabFaults::Token::Valid) << QString()
                                    << int(GitHubError::Kind::NotFound)
                                    << QStringLiteral("Could not resolve to an Enterprise with the slug of 'nope'.");
        QTest::newRow("scope") << QString() << int(LabFaults::Token::MissingScope) << QString()
                               << int(GitHubError::Kind::MissingScope)
                               << QStringLiteral("Your token has not been granted the required scopes");
        QTest::newRow("sso") << QString() << int(LabFaults::Token::SsoRequired) << QString()
                             << int(GitHubError::Kind::SsoRequired)
                             << QStringLiteral("Resource protected by enterprise SAML enforcement");
        QTest::newRow("other") << QString() << int(LabFaults::Token::Valid)
                               << QStringLiteral("Something went wrong while executing your query.")
                               << int(GitHubError::Kind::GraphQl)
                               << QStringLiteral("Something went wrong while executing your query.");
        // FORBIDDEN to a token that has read:enterprise: not a scope to add, GitHub's words say why.
        QTest::newRow("ip allow list") << QString() << int(LabFaults::Token::Valid) << QStringLiteral("403")
                                       << int(GitHubError::Kind::Forbidden)
                                       << QStringLiteral("Although you appear to have the correct authorization");
    }

    void shouldTypeGraphQlErrors()
    {
        QFETCH(QString, slug);
        QFETCH(int, token);
        QFETCH(QString, graphQlError);
        QFETCH(int, kind);
        QFETCH(QString, serverMessage);
        LabConfig config = plainConfig(10);
        config.servers = 2;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        LabFaults faults;
        faults.token = LabFaults::Token(token);
        if (graphQlError == QLatin1String("403")) {
            faults.forcedStatus = 403; // the lab's IP allow list
        } else {
            faults.graphQlError = graphQlError;
        }
        lab.setFaults(faults);
        Connection connection = lab.connection();
        if (!slug.isEmpty()) {
            connection.enterpriseSlug = slug;
        }
        GitHubClient client(connection, lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(int(job->error().kind), kind);
        QVERIFY(job->result().isEmpty());
        QCOMPARE(job->error().httpStatus, 200);
        QVERIFY2(job->error().serverMessage.startsWith(serverMessage), qPrintable(job->error().serverMessage));
        QCOMPARE(job->error().url, connection.graphqlUrl().toString());
        QCOMPARE(client.scheduler()->requestsSent(), 1); // a GraphQL error is an answer, not retried
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        if (job->error().kind == GitHubError::Kind::SsoRequired) {
            QVERIFY(job->error().ssoUrl.contains(QLatin1String("/sso?authorization_request=")));
            QVERIFY(job->error().nextStep().contains(job->error().ssoUrl));
        }
        if (job->error().kind == GitHubError::Kind::NotFound) {
            QVERIFY(job->error().nextStep().contains(QLatin1String("slug")));
        }
        if (job->error().kind == GitHubError::Kind::GraphQl || job->error().kind == GitHubError::Kind::Forbidden) {
            QVERIFY(job->error().message().contains(serverMessage));
        }
    }

    void shouldTypeNetworkErrors()
    {
        QTcpServer closed;
        QVERIFY(closed.listen(QHostAddress::LocalHost));
        const quint16 port = closed.serverPort();
        closed.close();
        Connection connection;
        connection.kind = Connection::Kind::Lab;
        connection.enterpriseSlug = QStringLiteral("lab");
        connection.labUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        {
            GitHubClient client(connection, QStringLiteral("t"), fastOptions());
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get()));
            QCOMPARE(job->error().kind, GitHubError::Kind::ConnectionRefused);
            QVERIFY2(explanationProblem(job->error()).isEmpty(), qPrintable(explanationProblem(job->error())));
        }
        {
            // DNS: .invalid never resolves (RFC 6761). A slow resolver must still end as "host not found".
            GitHubClientOptions options = fastOptions();
            options.transferTimeoutMs = 60000;
            Connection unresolvable = connection;
            unresolvable.labUrl = QUrl(QStringLiteral("http://ghes.no-such-host.invalid"));
            GitHubClient client(unresolvable, QStringLiteral("t"), options);
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get(), 90000));
            QCOMPARE(job->error().kind, GitHubError::Kind::HostNotFound);
            QVERIFY(job->error().url.contains(QLatin1String("ghes.no-such-host.invalid")));
            QCOMPARE(client.scheduler()->requestsSent(), 1); // not retried: DNS does not heal in a second
            QVERIFY(!job->error().isTransient());
            QCOMPARE(job->error().message(), i18nc("@info", "The server's name could not be resolved (DNS)."));
            QVERIFY(job->error().nextStep().contains(QLatin1String("host name")));
            QVERIFY2(explanationProblem(job->error()).isEmpty(), qPrintable(explanationProblem(job->error())));
        }
        {
            GitHubClientOptions options = fastOptions();
            options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), port);
            connection.labUrl = QUrl(QStringLiteral("http://lab.example:1"));
            GitHubClient client(connection, QStringLiteral("t"), options);
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get()));
            QCOMPARE(job->error().kind, GitHubError::Kind::Proxy);
            QVERIFY2(explanationProblem(job->error()).isEmpty(), qPrintable(explanationProblem(job->error())));
        }
        {
            LabConfig config = plainConfig(3);
            config.faults.latencyMs = 2000;
            LicenseLab lab(config);
            QVERIFY(lab.start());
            GitHubClientOptions options = fastOptions();
            options.transferTimeoutMs = 200;
            options.maxRetries = 1;
            GitHubClient client(lab.connection(), lab.token(), options);
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get()));
            QCOMPARE(job->error().kind, GitHubError::Kind::Timeout);
            QCOMPARE(client.scheduler()->requestsSent(), 2);
            QVERIFY2(explanationProblem(job->error()).isEmpty(), qPrintable(explanationProblem(job->error())));
        }
    }

    void shouldTypeAProxysOwnAnswerAsAProxyError_data()
    {
        QTest::addColumn<QByteArray>("status"); ///< the stand-in proxy's answer to every request
        QTest::addColumn<bool>("https"); ///< through a CONNECT tunnel, else a plain HTTP request to the proxy
        QTest::newRow("407, plain HTTP") << QByteArray("407 Proxy Authentication Required") << false;
        QTest::newRow("407 to CONNECT") << QByteArray("407 Proxy Authentication Required") << true;
        QTest::newRow("502 to CONNECT") << QByteArray("502 Bad Gateway") << true;
    }

    void shouldTypeAProxysOwnAnswerAsAProxyError()
    {
        QFETCH(QByteArray, status);
        QFETCH(bool, https);
        // A stand-in HTTP proxy that wants credentials, or cannot reach the server, and says so itself.
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        int requests = 0;
        answerEveryRequest(proxy, [&requests, status](QTcpSocket *socket) {
            ++requests;
            const QByteArray body = "The proxy says no.";
            socket->write("HTTP/1.1 " + status +
                "\r\nProxy-Authenticate: Basic realm=\"lab proxy\"\r\nContent-Type: text/plain\r\n"
                "Connection: close\r\nContent-Length: " +
                QByteArray::number(body.size()) + "\r\n\r\n" + body);
            socket->disconnectFromHost();
        });
        Connection connection;
        if (https) {
            connection.kind = Connection::Kind::Server;
            connection.serverHost = QStringLiteral("ghes.example.com");
        } else {
            connection.kind = Connection::Kind::Lab;
            connection.enterpriseSlug = QStringLiteral("lab");
            connection.labUrl = QUrl(QStringLiteral("http://lab.example:8080"));
        }
        GitHubClientOptions options = fastOptions();
        options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.serverPort());
        GitHubClient client(connection, QStringLiteral("t"), options);
        std::unique_ptr<LicenseSyncStatusJob> job(client.fetchLicenseSyncStatus());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(requests, 1);
        QVERIFY2(job->error().kind == GitHubError::Kind::Proxy, qPrintable(job->error().message()));
        QCOMPARE(job->error().nextStep(), GitHubError(GitHubError::Kind::Proxy).nextStep());
        QVERIFY2(!job->error().message().contains(QLatin1String("GitHub")), qPrintable(job->error().message()));
        QCOMPARE(client.scheduler()->requestsSent(), 1); // the proxy's refusal is not retried like a 5xx
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
    }

    void shouldTrustOnlyTheGivenCa()
    {
        LabConfig config = plainConfig(5);
        config.tls = true;
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        {
            GitHubClient client(lab.connection(), lab.token(), fastOptions());
            QVERIFY(client.caFileLoaded());
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get()));
            QCOMPARE(job->error().kind, GitHubError::Kind::None);
            QCOMPARE(job->result().users.size(), 5);
        }
        Connection withoutCa = lab.connection();
        withoutCa.caFile.clear();
        GitHubClient client(withoutCa, lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::Tls);
        QVERIFY2(explanationProblem(job->error()).isEmpty(), qPrintable(explanationProblem(job->error())));
        QVERIFY(job->error().message().contains(job->error().certificateDetails));
        QVERIFY2(job->error().certificateDetails.contains(QLatin1String("GHE License Lab Test CA")),
            qPrintable(job->error().certificateDetails));
        // An untrusted chain brings several errors about the one certificate: its details follow them once.
        QCOMPARE(job->error().certificateDetails.count(QLatin1String("SHA-256: ")), 1);
        // The certificate's dates as the reader's locale writes them, in the reader's language.
        const QList<QSslCertificate> served =
            QSslCertificate::fromPath(QFileInfo(lab.caCertificateFile()).dir().filePath(QStringLiteral("server.pem")));
        QCOMPARE(served.size(), 1);
        const auto datesProblem = [&served](const QString &details, const QLocale &locale) -> QString {
            for (const QDateTime &date : {served.first().effectiveDate(), served.first().expiryDate()}) {
                const QString shown = DateFormat::toString(date.toLocalTime(), locale);
                if (!details.contains(shown)) {
                    return shown + QLatin1String(" not in: ") + details;
                }
            }
            static const QRegularExpression isoTimestamp(QStringLiteral("\\d{4}-\\d\\d-\\d\\dT\\d\\d:"));
            return details.contains(isoTimestamp) ? QLatin1String("an ISO timestamp in: ") + details : QString();
        };
        const QString problem = datesProblem(job->error().certificateDetails, QLocale());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        const QLocale previous;
        KLocalizedString::setLanguages({QStringLiteral("zh_CN")});
        QLocale::setDefault(QLocale(QLocale::Chinese, QLocale::China));
        std::unique_ptr<ConsumedLicensesJob> chinese(client.fetchConsumedLicenses());
        const bool finished = waitFinished(chinese.get());
        QLocale::setDefault(previous);
        KLocalizedString::setLanguages({QStringLiteral("en_US")});
        QVERIFY(finished);
        QCOMPARE(chinese->error().kind, GitHubError::Kind::Tls);
        const QString details = chinese->error().certificateDetails;
        QVERIFY2(hasChinese(details), qPrintable(details));
        const QString chineseProblem = datesProblem(details, QLocale(QLocale::Chinese, QLocale::China));
        QVERIFY2(chineseProblem.isEmpty(), qPrintable(chineseProblem));
    }

    void shouldRefuseAnUnusableCaFileWithoutSendingAnything_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QByteArray>("content"); // written when not empty
        QTest::addColumn<QString>("why");
        QTest::newRow("missing") << QStringLiteral("missing-ca.pem") << QByteArray()
                                 << QStringLiteral("does not exist");
        QTest::newRow("not PEM") << QStringLiteral("not-a-ca.pem") << QByteArray("just some text\n")
                                 << QStringLiteral("holds no PEM certificate");
    }
    void shouldRefuseAnUnusableCaFileWithoutSendingAnything()
    {
        QFETCH(QString, file);
        QFETCH(QByteArray, content);
        QFETCH(QString, why);
        QTemporaryDir dir;
        const QString path = dir.filePath(file);
        if (!content.isEmpty()) {
            QFile out(path);
            QVERIFY(out.open(QIODevice::WriteOnly));
            out.write(content);
        }
        LabConfig config = plainConfig(5);
        config.tls = true;
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        QSignalSpy arrivals(&lab, &LicenseLab::requestReceived);
        Connection connection = lab.connection();
        connection.caFile = path;
        QVERIFY(GitHubClient::caFileProblem(path).contains(why));
        QVERIFY(GitHubClient::caFileProblem(lab.caCertificateFile()).isEmpty());
        GitHubClient client(connection, lab.token(), fastOptions());
        QVERIFY(!client.caFileLoaded());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::CaFile);
        QVERIFY2(job->error().message().contains(path), qPrintable(job->error().message()));
        QVERIFY2(job->error().message().contains(why), qPrintable(job->error().message()));
        QVERIFY(!job->error().nextStep().isEmpty());
        QCOMPARE(arrivals.count(), 0);
    }

    void shouldReadEveryUploadOfAServerWithMany_data()
    {
        QTest::addColumn<int>("uploads");
        QTest::newRow("12") << 12; // ten with the installation, the rest on one more page
        QTest::newRow("23") << 23;
        QTest::newRow("150") << 150; // ten, then pages of 100 and the rest
    }

    void shouldReadEveryUploadOfAServerWithMany()
    {
        // GitHub lists uploads oldest first unless asked otherwise, a page at a time: the newest first shows the
        // server's last upload (and the one an assisted upload waits for), the further pages every earlier one
        // (an upload the console would make again if it did not see it).
        QFETCH(int, uploads);
        LabConfig config = plainConfig(10);
        config.servers = 2;
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        QString airGapped;
        for (const LabEnterprise::Server &server : lab.enterprise().servers()) {
            if (!server.connected) {
                airGapped = server.hostname;
            }
        }
        QVERIFY(!airGapped.isEmpty());
        const UsageFileInfo info = UsageFile::read(lab.exportUsage(airGapped, true)).info;
        QString last;
        for (int i = 1; i <= uploads; ++i) {
            last = QStringLiteral("upload-%1.json").arg(i, 3, 10, QLatin1Char('0'));
            QVERIFY2(!lab.uploadUsage(UsageFile::write(info), last, &error).isEmpty(), qPrintable(error));
        }
        const LabEnterprise::Server &server = lab.enterprise().servers().at(lab.enterprise().serverIndex(airGapped));
        QVERIFY(server.uploads.size() >= uploads);
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QVERIFY(waitFinished(job.get()));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        const auto found = std::find_if(job->result().cbegin(), job->result().cend(),
            [&airGapped](const EnterpriseServerInstallation &i) { return i.hostName == airGapped; });
        QVERIFY(found != job->result().cend());
        QCOMPARE(found->uploads.size(), server.uploads.size());
        QCOMPARE(found->uploads.constFirst().name, last);
        QSet<QString> names;
        for (int i = 0; i < found->uploads.size(); ++i) {
            QCOMPARE(found->uploads.at(i).name, server.uploads.at(i).name); // newest first, each once
            names.insert(found->uploads.at(i).name);
        }
        QCOMPARE(names.size(), found->uploads.size());
    }

    void shouldReadEveryEmailOfAccountsWithMany_data()
    {
        QTest::addColumn<int>("extraEmails");
        QTest::newRow("23 emails") << 22; // ten with the account, thirteen on one more page
        QTest::newRow("151 emails") << 150; // ten, then pages of 100 and 41
    }

    void shouldReadEveryEmailOfAccountsWithMany()
    {
        // GitHub sends ten emails with each account, ordered by address: the rest, here the primary one too,
        // only comes by paging the account's emails.
        QFETCH(int, extraEmails);
        LabConfig config = plainConfig(150);
        config.servers = 2;
        config.serverUserShare = 0.9; // over 100 accounts each: some come with a second page of accounts
        config.extraEmailsEvery = 3; // dozens of such accounts on one page of accounts
        config.extraEmails = extraEmails;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        const qint64 requestsBefore = lab.counters().apiRequests;
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QVERIFY(waitFinished(job.get()));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QCOMPARE(job->result().size(), 2);
        int many = 0;
        bool onASecondAccountsPage = false;
        for (int i = 0; i < 2; ++i) {
            const QList<LabEnterprise::ServerUser> &users = lab.enterprise().servers().at(i).knownUsers;
            const QList<ServerUserAccount> &accounts = job->result().at(i).userAccounts;
            QCOMPARE(accounts.size(), users.size());
            for (int j = 0; j < accounts.size(); ++j) {
                const LabEnterprise::ServerUser &user = users.at(j);
                QCOMPARE(accounts.at(j).login, user.login);
                QStringList expected = QStringList{user.primaryEmail} + user.otherEmails;
                std::sort(expected.begin(), expected.end());
                QStringList emails;
                QStringList primary;
                for (const ServerUserEmail &email : accounts.at(j).emails) {
                    emails.append(email.email);
                    if (email.isPrimary) {
                        primary.append(email.email);
                    }
                }
                QCOMPARE(emails, expected); // all of them, each once
                QCOMPARE(primary, QStringList{user.primaryEmail});
                if (!user.otherEmails.isEmpty()) {
                    ++many;
                    QCOMPARE(emails.size(), extraEmails + 1);
                    QCOMPARE(emails.constLast(), user.primaryEmail); // last by address
                    onASecondAccountsPage = onASecondAccountsPage || j >= InstallationsJob::AccountsPerPage;
                }
            }
        }
        QVERIFY2(many >= 2 * InstallationsJob::EmailAccountsPerRequest, qPrintable(QString::number(many)));
        QVERIFY(onASecondAccountsPage);
        // One query asks for the further emails of up to EmailAccountsPerRequest accounts of a page.
        const int rounds =
            (extraEmails + 1 - InstallationsJob::EmailsPerAccount + InstallationsJob::EmailsPerPage - 1) /
            InstallationsJob::EmailsPerPage;
        const auto batches = [](qsizetype accounts) {
            return (accounts + InstallationsJob::EmailAccountsPerRequest - 1) /
                InstallationsJob::EmailAccountsPerRequest;
        };
        const auto withMore = [](const QList<LabEnterprise::ServerUser> &users) {
            return std::count_if(users.cbegin(), users.cend(),
                [](const LabEnterprise::ServerUser &user) { return !user.otherEmails.isEmpty(); });
        };
        // Both installations come on one page, with their first accounts: those accounts are asked for together.
        qsizetype onFirstPage = 0;
        qint64 expected = 1;
        for (int i = 0; i < 2; ++i) {
            const QList<LabEnterprise::ServerUser> &users = lab.enterprise().servers().at(i).knownUsers;
            onFirstPage += withMore(users.mid(0, InstallationsJob::AccountsPerPage));
            for (qsizetype from = InstallationsJob::AccountsPerPage; from < users.size();
                from += InstallationsJob::AccountsPerPage) {
                expected += 1 + rounds * batches(withMore(users.mid(from, InstallationsJob::AccountsPerPage)));
            }
        }
        expected += rounds * batches(onFirstPage);
        QCOMPARE(lab.counters().apiRequests - requestsBefore, expected);
        qInfo("%d accounts with %d emails each: %lld queries (one per account and page of emails: %lld)", int(many),
            extraEmails + 1, expected, 3 + qint64(many) * rounds);
        QVERIFY(expected < 1 + 2 + qint64(many) * rounds); // fewer than one query per account and page
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldGoOnWhenAnAccountIsDeletedDuringTheRefresh()
    {
        // A sync between the page that lists an account and the question for its further e-mails: GitHub answers
        // the others and NOT_FOUND for it. The refresh goes on; the account keeps the e-mails it came with.
        LabConfig config = plainConfig(150);
        config.servers = 1;
        config.serverUserShare = 0.5;
        config.extraEmailsEvery = 3;
        config.extraEmails = 22;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        LabEnterprise &enterprise = lab.enterprise();
        const QList<LabEnterprise::ServerUser> listed = enterprise.servers().at(0).knownUsers;
        QStringList deleted;
        for (const LabEnterprise::ServerUser &user : listed) {
            if (!user.otherEmails.isEmpty() && deleted.size() < 2) {
                deleted.append(user.login);
            }
        }
        QCOMPARE(deleted.size(), 2);
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        bool synced = false;
        // The first progress comes once the installations page is read and the e-mail questions are on their
        // way; the lab, in this thread, answers them only after this.
        connect(job.get(), &InstallationsJob::progress, this, [&] {
            if (!synced) {
                synced = true;
                const QString host = enterprise.servers().at(0).hostname;
                for (const QString &login : std::as_const(deleted)) {
                    QVERIFY(enterprise.removeServerUser(host, login));
                }
                enterprise.applySync(0, lab.now());
            }
        });
        QVERIFY(waitFinished(job.get()));
        QVERIFY(synced);
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QCOMPARE(job->accountsGone(), 2);
        const QList<ServerUserAccount> &accounts = job->result().at(0).userAccounts;
        QCOMPARE(accounts.size(), listed.size()); // as listed, before the sync
        int complete = 0;
        for (int j = 0; j < accounts.size(); ++j) {
            const LabEnterprise::ServerUser &user = listed.at(j);
            QCOMPARE(accounts.at(j).login, user.login);
            const qsizetype all = 1 + user.otherEmails.size();
            if (deleted.contains(user.login)) {
                QCOMPARE(accounts.at(j).emails.size(), qsizetype(InstallationsJob::EmailsPerAccount));
            } else {
                QCOMPARE(accounts.at(j).emails.size(), all);
                complete += user.otherEmails.isEmpty() ? 0 : 1;
            }
        }
        QVERIFY(complete > 0); // other accounts' further e-mails were read in the same queries
    }

    void shouldReadEveryInstallationOfManyPagesExactlyOnce_data()
    {
        QTest::addColumn<bool>("connectedOnly");
        QTest::newRow("all") << false;
        QTest::newRow("connected only") << true;
    }

    void shouldReadEveryInstallationOfManyPagesExactlyOnce()
    {
        QFETCH(bool, connectedOnly);
        LabConfig config = plainConfig(120);
        config.servers = 2 * InstallationsJob::InstallationsPerPage + 3; // three pages of installations
        config.serverUserShare = 0.9; // over 100 accounts each: two pages of accounts per installation
        config.extraEmailsEvery = 50; // and a few accounts with a second page of emails
        config.syncDurationMs = 600000; // the uploads stay as they are while the test reads them
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        // Uploads on installations of each page (the last server is the one not connected).
        for (const int index :
            {0, InstallationsJob::InstallationsPerPage + 1, config.servers - 2, config.servers - 1}) {
            const QString host = lab.enterprise().servers().at(index).hostname;
            const UsageFileInfo info = UsageFile::read(lab.exportUsage(host, true)).info;
            for (int i = 1; i <= 2; ++i) {
                QVERIFY2(!lab.uploadUsage(UsageFile::write(info), QStringLiteral("%1-%2.json").arg(host).arg(i), &error)
                             .isEmpty(),
                    qPrintable(error));
            }
        }
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations(connectedOnly));
        QVERIFY(waitFinished(job.get()));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QList<LabEnterprise::Server> servers = lab.enterprise().servers();
        if (connectedOnly) {
            servers.removeIf([](const LabEnterprise::Server &server) { return !server.connected; });
        }
        QCOMPARE(job->result().size(), servers.size());
        for (int i = 0; i < servers.size(); ++i) {
            const EnterpriseServerInstallation &installation = job->result().at(i);
            const LabEnterprise::Server &server = servers.at(i);
            QCOMPARE(installation.id, server.installationId); // each once, in GitHub's order
            QCOMPARE(installation.hostName, server.hostname);
            QCOMPARE(installation.isConnected, server.connected);
            QStringList uploads;
            for (const UserAccountsUpload &upload : installation.uploads) {
                uploads.append(upload.name);
            }
            QStringList expectedUploads;
            for (const UserAccountsUpload &upload : server.uploads) {
                expectedUploads.append(upload.name);
            }
            QCOMPARE(uploads, expectedUploads);
            QVERIFY(server.knownUsers.size() > InstallationsJob::AccountsPerPage);
            QCOMPARE(installation.userAccountsTotal, server.knownUsers.size());
            QCOMPARE(installation.userAccounts.size(), server.knownUsers.size());
            for (int j = 0; j < server.knownUsers.size(); ++j) {
                QCOMPARE(installation.userAccounts.at(j).login, server.knownUsers.at(j).login);
                QCOMPARE(installation.userAccounts.at(j).emails.size(), 1 + server.knownUsers.at(j).otherEmails.size());
            }
        }
        QCOMPARE(job->readStats(), GitHubJson::ReadStats()); // the lab answers as GitHub declares
    }

    void shouldReadEveryEndpointOfAServerOverHttps()
    {
        // A GHES-shaped connection (https://HOST/api/v3 and /api/graphql) to the lab behind its test CA.
        LabConfig config;
        config.users = 50;
        config.servers = 3;
        config.tls = true;
        LicenseLab lab(config);
        QString error;
        QVERIFY2(lab.start(&error), qPrintable(error));
        const Connection server = serverConnection(lab);
        QCOMPARE(server.restBase().path(), QStringLiteral("/api/v3"));
        GitHubClient client(server, lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> licenses(client.fetchConsumedLicenses());
        std::unique_ptr<LicenseSyncStatusJob> sync(client.fetchLicenseSyncStatus());
        std::unique_ptr<ServerLicenseJob> license(client.fetchServerLicense());
        std::unique_ptr<InstallationsJob> installations(client.fetchInstallations());
        for (GitHubJob *job :
            std::initializer_list<GitHubJob *>{licenses.get(), sync.get(), license.get(), installations.get()}) {
            QVERIFY(waitFinished(job));
            QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        }
        QCOMPARE(licenses->result().users.size(), lab.enterprise().consumedLicenses().users.size());
        QCOMPARE(sync->result().size(), 2);
        QCOMPARE(license->result().seats.value_or(-1), lab.enterprise().seatsPurchased());
        QCOMPARE(license->result().installedVersion, lab.enterprise().servers().first().version);
        QCOMPARE(license->result().hostname, server.serverHost);
        QCOMPARE(installations->result().size(), 3);
        QCOMPARE(lab.counters().unauthorized, 0);
    }

    /// A lab connection to a bare socket on 127.0.0.1, which answers as a test scripts it.
    static Connection bareSocketConnection(quint16 port)
    {
        Connection connection;
        connection.kind = Connection::Kind::Lab;
        connection.enterpriseSlug = QStringLiteral("lab");
        connection.labUrl = QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port));
        return connection;
    }

    void shouldRetryAnAnswerThatStallsAfterItsHeaders()
    {
        // A proxy or server that sends the status line and headers, then part of the body, then nothing: the
        // transfer times out with the status already 200. That is a timeout to retry, not a malformed answer.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int connections = 0;
        connect(&server, &QTcpServer::newConnection, this, [&server, &connections] {
            QTcpSocket *socket = server.nextPendingConnection();
            const bool stall = ++connections == 1;
            connect(socket, &QTcpSocket::readyRead, socket, [socket, stall] {
                if (!socket->readAll().contains("\r\n\r\n")) {
                    return;
                }
                const QByteArray body = R"({"server_instances": []})";
                socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " +
                    QByteArray::number(body.size()) + "\r\n\r\n" + (stall ? body.left(10) : body));
                if (!stall) {
                    socket->disconnectFromHost();
                }
            });
        });
        const Connection connection = bareSocketConnection(server.serverPort());
        GitHubClientOptions options = fastOptions();
        options.transferTimeoutMs = 300;
        options.maxRetries = 1;
        GitHubClient client(connection, QStringLiteral("t"), options);
        std::unique_ptr<LicenseSyncStatusJob> job(client.fetchLicenseSyncStatus());
        QVERIFY(waitFinished(job.get()));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QCOMPARE(client.scheduler()->requestsSent(), 2);
        QCOMPARE(connections, 2);
    }

    void shouldCutOffAnAnswerLongerThanTheLimit_data()
    {
        QTest::addColumn<int>("bodyBytes");
        QTest::addColumn<bool>("announced"); ///< Content-Length given, or the body ends with the connection
        QTest::addColumn<bool>("cutOff");
        QTest::newRow("announced, too long") << 200000 << true << true;
        QTest::newRow("unannounced, too long") << 200000 << false << true;
        QTest::newRow("just within the limit") << 16000 << false << false;
    }

    void shouldCutOffAnAnswerLongerThanTheLimit()
    {
        QFETCH(int, bodyBytes);
        QFETCH(bool, announced);
        QFETCH(bool, cutOff);
        // A wrong URL or a broken server streaming without end: the answer is cut off at the limit and fails
        // with its own error, not read into memory to the last byte, and not asked for again.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        int answered = 0;
        answerEveryRequest(server, [&](QTcpSocket *socket) {
            ++answered;
            const QByteArray head = "{\"server_instances\": [], \"padding\": \"";
            const QByteArray tail = "\"}";
            const QByteArray body = head + QByteArray(bodyBytes - head.size() - tail.size(), 'x') + tail;
            socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n" +
                (announced ? "Content-Length: " + QByteArray::number(body.size()) + "\r\n"
                           : QByteArray("Connection: close\r\n")) +
                "\r\n" + body);
            if (!announced) {
                socket->disconnectFromHost();
            }
        });
        GitHubClientOptions options = fastOptions();
        options.maxResponseBytes = 16384;
        GitHubClient client(bareSocketConnection(server.serverPort()), QStringLiteral("t"), options);
        std::unique_ptr<LicenseSyncStatusJob> job(client.fetchLicenseSyncStatus());
        QVERIFY(waitFinished(job.get()));
        if (!cutOff) {
            QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
            return;
        }
        QCOMPARE(job->error().kind, GitHubError::Kind::TooLarge);
        QCOMPARE(job->error().serverMessage, QLocale().formattedDataSize(16384, 0));
        QVERIFY2(job->error().message().contains(job->error().serverMessage), qPrintable(job->error().message()));
        QCOMPARE(client.scheduler()->requestsSent(), 1);
        QCOMPARE(answered, 1);
    }

    void shouldStopAtLinksThatNameEndlessPages_data()
    {
        QTest::addColumn<QByteArray>("link"); ///< the Link header of every answer
        QTest::addColumn<int>("requests"); ///< how many the job sends before it gives up
        QTest::newRow("a last page no enterprise has")
            << QByteArray("<%1?page=2>; rel=\"next\", <%1?page=2147483647>; rel=\"last\"") << 1;
        QTest::newRow("next back to the first page") << QByteArray("<%1?after=a>; rel=\"next\"") << 2;
    }

    void shouldStopAtLinksThatNameEndlessPages()
    {
        QFETCH(QByteArray, link);
        QFETCH(int, requests);
        // A broken or hostile server (or a proxy rewriting links): the job fails as a malformed answer instead of
        // queueing two billion requests or walking a loop for ever.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QByteArray base =
            "http://127.0.0.1:" + QByteArray::number(server.serverPort()) + "/enterprises/lab/consumed-licenses";
        int answered = 0;
        answerEveryRequest(server, [&](QTcpSocket *socket) {
            ++answered;
            const QByteArray body = R"({"total_seats_consumed": 1, "total_seats_purchased": 1, "users": []})";
            socket->write(
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nLink: " + QByteArray(link).replace("%1", base) +
                "\r\nContent-Length: " + QByteArray::number(body.size()) + "\r\n\r\n" + body);
        });
        const Connection connection = bareSocketConnection(server.serverPort());
        GitHubClient client(connection, QStringLiteral("t"), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::Malformed);
        QVERIFY2(job->error().serverMessage.startsWith(QLatin1String("Link header")),
            qPrintable(job->error().serverMessage));
        QCOMPARE(client.scheduler()->requestsSent(), requests);
        QCOMPARE(answered, requests);
    }

    void shouldSendGitHubsHeaders()
    {
        // A bare socket instead of the lab: what goes over the wire, byte for byte.
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        QByteArray request;
        connect(&server, &QTcpServer::newConnection, this, [&server, &request] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, &request] {
                request += socket->readAll();
                if (request.contains("\r\n\r\n")) {
                    const QByteArray body = R"({"server_instances": []})";
                    socket->write("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n"
                                  "Content-Length: " +
                        QByteArray::number(body.size()) + "\r\n\r\n" + body);
                    socket->disconnectFromHost();
                }
            });
        });
        const Connection connection = bareSocketConnection(server.serverPort());
        GitHubClient client(connection, QStringLiteral("test-token"), fastOptions());
        std::unique_ptr<LicenseSyncStatusJob> job(client.fetchLicenseSyncStatus());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        const QList<QByteArray> lines = request.left(request.indexOf("\r\n\r\n")).split('\n');
        QCOMPARE(lines.first().trimmed(), QByteArray("GET /enterprises/lab/license-sync-status HTTP/1.1"));
        QHash<QByteArray, QByteArray> headers;
        for (const QByteArray &line : lines.mid(1)) {
            const qsizetype colon = line.indexOf(':');
            headers.insert(line.left(colon).trimmed().toLower(), line.mid(colon + 1).trimmed());
        }
        QCOMPARE(headers.value("accept"), QByteArray("application/vnd.github+json"));
        QCOMPARE(headers.value("x-github-api-version"), QByteArray("2022-11-28"));
        QCOMPARE(headers.value("authorization"), QByteArray("Bearer test-token"));
        QVERIFY2(headers.value("user-agent").startsWith("ghe-license-console/" GLC_VERSION_STRING),
            headers.value("user-agent").constData());
    }

    void shouldAddressEachKindOfConnection_data()
    {
        QTest::addColumn<int>("kind");
        QTest::addColumn<QString>("subdomainOrHost");
        QTest::addColumn<QByteArray>("connect");
        QTest::addColumn<QString>("restBase");
        QTest::addColumn<QString>("graphql");
        QTest::newRow("github.com") << int(Connection::Kind::Cloud) << QString()
                                    << QByteArray("CONNECT api.github.com:443")
                                    << QStringLiteral("https://api.github.com")
                                    << QStringLiteral("https://api.github.com/graphql");
        QTest::newRow("GHE.com") << int(Connection::Kind::Cloud) << QStringLiteral("acme")
                                 << QByteArray("CONNECT api.acme.ghe.com:443")
                                 << QStringLiteral("https://api.acme.ghe.com")
                                 << QStringLiteral("https://api.acme.ghe.com/graphql");
        QTest::newRow("GHES") << int(Connection::Kind::Server) << QStringLiteral("ghes.example.com")
                              << QByteArray("CONNECT ghes.example.com:443")
                              << QStringLiteral("https://ghes.example.com/api/v3")
                              << QStringLiteral("https://ghes.example.com/api/graphql");
    }

    void shouldTakeTheHostNameOfAServersHostAndPort_data()
    {
        QTest::addColumn<QString>("hostAndPort");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("fileName");
        QTest::newRow("host") << QStringLiteral("ghes.example.com") << QStringLiteral("ghes.example.com")
                              << QStringLiteral("ghes.example.com-license-usage-2026-12-02.json");
        QTest::newRow("host:port") << QStringLiteral("ghes.example.com:8443") << QStringLiteral("ghes.example.com")
                                   << QStringLiteral("ghes.example.com-license-usage-2026-12-02.json");
        QTest::newRow("IPv4:port") << QStringLiteral("10.0.0.5:8443") << QStringLiteral("10.0.0.5")
                                   << QStringLiteral("10.0.0.5-license-usage-2026-12-02.json");
        QTest::newRow("[IPv6]:port") << QStringLiteral("[fd00::5]:8443") << QStringLiteral("fd00::5")
                                     << QStringLiteral("fd00::5-license-usage-2026-12-02.json");
    }

    void shouldTakeTheHostNameOfAServersHostAndPort()
    {
        // What ssh reaches, what a usage file names and what an export's file name carries: no web port.
        QFETCH(QString, hostAndPort);
        QFETCH(QString, host);
        QFETCH(QString, fileName);
        QCOMPARE(Connection::hostName(hostAndPort), host);
        QCOMPARE(ExportUsageJob::defaultFileName(hostAndPort, QDate(2026, 12, 2)), fileName);
        // The License page is on the web port.
        QCOMPARE(Connection::serverLicensePage(hostAndPort, QStringLiteral("acme")).port(-1),
            hostAndPort.endsWith(QLatin1String(":8443")) ? 8443 : -1);
    }

    void shouldAddressEachKindOfConnection()
    {
        QFETCH(int, kind);
        QFETCH(QString, subdomainOrHost);
        QFETCH(QByteArray, connect);
        QFETCH(QString, restBase);
        QFETCH(QString, graphql);
        Connection connection;
        connection.kind = Connection::Kind(kind);
        connection.enterpriseSlug = QStringLiteral("acme");
        if (connection.kind == Connection::Kind::Cloud) {
            connection.gheComSubdomain = subdomainOrHost;
        } else {
            connection.serverHost = subdomainOrHost;
        }
        QCOMPARE(connection.restBase().toString(), restBase);
        QCOMPARE(connection.graphqlUrl().toString(), graphql);
        // A stand-in proxy sees where each read goes (HTTPS: a CONNECT to the host), without any DNS.
        QTcpServer proxy;
        QVERIFY(proxy.listen(QHostAddress::LocalHost, 0));
        QByteArrayList requestLines;
        QObject::connect(&proxy, &QTcpServer::newConnection, this, [&proxy, &requestLines] {
            QTcpSocket *socket = proxy.nextPendingConnection();
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [socket, &requestLines] {
                requestLines.append(socket->readAll().split('\r').first());
                socket->abort();
            });
        });
        GitHubClientOptions options = fastOptions();
        options.proxy = QNetworkProxy(QNetworkProxy::HttpProxy, QStringLiteral("127.0.0.1"), proxy.serverPort());
        GitHubClient client(connection, QStringLiteral("t"), options);
        std::unique_ptr<ConsumedLicensesJob> rest(client.fetchConsumedLicenses());
        std::unique_ptr<InstallationsJob> graph(client.fetchInstallations());
        QVERIFY(waitFinished(rest.get()));
        QVERIFY(waitFinished(graph.get()));
        QCOMPARE(rest->error().kind, GitHubError::Kind::Proxy);
        QVERIFY2(rest->error().url.startsWith(restBase + QLatin1String("/enterprises/acme/consumed-licenses")),
            qPrintable(rest->error().url));
        QCOMPARE(graph->error().url, graphql);
        QVERIFY(!requestLines.isEmpty());
        for (const QByteArray &line : std::as_const(requestLines)) {
            QVERIFY2(line.startsWith(QByteArray(connect + ' ')), line.constData());
        }
    }

    void shouldCancelWithNoRequestLeft()
    {
        LabConfig config = plainConfig(5000);
        config.faults.latencyMs = 50;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QSignalSpy progress(job.get(), &GitHubJob::progress);
        QTRY_VERIFY(progress.count() >= 3);
        QVERIFY(client.scheduler()->runningCount() > 0);
        job->cancel();
        QVERIFY(job->isFinished());
        QCOMPARE(job->error().kind, GitHubError::Kind::Cancelled);
        QCOMPARE(client.scheduler()->runningCount(), 0);
        QCOMPARE(client.scheduler()->queuedCount(), 0);
        const qint64 sent = client.scheduler()->requestsSent();
        QTRY_COMPARE(lab.counters().inFlight, 0);
        QCOMPARE(client.scheduler()->requestsSent(), sent);
        QVERIFY(sent < 50);
    }

    void shouldSendNothingMoreAfterCancelWhileARetryWaits_data()
    {
        QTest::addColumn<int>("failNext");
        QTest::addColumn<int>("secondaryLimit");
        QTest::addColumn<int>("quietMs"); // longer than the wait the client was told or chose
        QTest::newRow("5xx backoff") << 1 << 0 << 1500; // retried after 300-450 ms
        QTest::newRow("secondary limit, retry-after") << 0 << 1 << 2500; // retry-after: 1
    }

    void shouldSendNothingMoreAfterCancelWhileARetryWaits()
    {
        QFETCH(int, failNext);
        QFETCH(int, secondaryLimit);
        QFETCH(int, quietMs);
        LabConfig config = plainConfig(300); // 3 pages
        config.faults.failNextRequests = failNext;
        config.faults.secondaryLimit = secondaryLimit;
        config.faults.secondaryWindowSeconds = 1;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        options.backoffBaseMs = 300;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        // Every request answered, at least one of them held back for a later attempt.
        QTRY_VERIFY(client.scheduler()->retries() >= 1 && client.scheduler()->runningCount() == 0 &&
            lab.counters().inFlight == 0);
        QCOMPARE(lab.counters().serverErrors, failNext);
        QVERIFY(lab.counters().secondaryRejected >= secondaryLimit);
        QVERIFY(!job->isFinished());
        const qint64 received = lab.counters().requests;
        job->cancel();
        QCOMPARE(job->error().kind, GitHubError::Kind::Cancelled);
        QCOMPARE(client.scheduler()->retryingCount(), 0);
        QCOMPARE(client.scheduler()->queuedCount(), 0);
        QSignalSpy arrivals(&lab, &LicenseLab::requestReceived);
        QVERIFY2(!arrivals.wait(quietMs), "the cancelled job's retry reached the lab");
        QCOMPARE(lab.counters().requests, received);
    }

    void shouldNeverLogTheToken()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("org.ghelicenseconsole.*=true"));
        s_logLines.clear();
        const QtMessageHandler previous = qInstallMessageHandler(captureMessages);
        {
            LicenseLab lab(plainConfig(250));
            QVERIFY(lab.start());
            GitHubClient client(lab.connection(), lab.token(), fastOptions());
            std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(job.get()));
            LabFaults faults;
            faults.token = LabFaults::Token::Bad;
            lab.setFaults(faults);
            std::unique_ptr<ConsumedLicensesJob> failing(client.fetchConsumedLicenses());
            QVERIFY(waitFinished(failing.get()));
            qInstallMessageHandler(previous);
            QVERIFY(s_logLines.size() >= 3);
            for (const QString &line : std::as_const(s_logLines)) {
                QVERIFY2(!line.contains(lab.token()), qPrintable(line));
            }
            QVERIFY(!failing->error().message().contains(lab.token()));
        }
        QLoggingCategory::setFilterRules(QString());
    }

    void shouldNotCarryTheTokenToAnotherHost()
    {
        LabConfig otherConfig = plainConfig(3);
        otherConfig.address = QHostAddress(QStringLiteral("127.0.0.2"));
        otherConfig.token = QStringLiteral("other-token");
        LicenseLab other(otherConfig);
        QVERIFY(other.start());
        LicenseLab lab(plainConfig(3));
        QVERIFY(lab.start());
        LabFaults faults;
        faults.redirectTo = other.url();
        lab.setFaults(faults);
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get()));
        QCOMPARE(other.counters().requests, 1);
        QCOMPARE(other.counters().withAuthorization, 0);
        QCOMPARE(job->error().kind, GitHubError::Kind::BadToken);
    }

    void shouldNotSendAnUploadToAnotherHostOnRedirect()
    {
        // Where the upload (a usage file with the server's accounts) is redirected to another host, nothing goes.
        QTcpServer other;
        QVERIFY(other.listen(QHostAddress(QStringLiteral("127.0.0.2")), 0));
        int reachedOther = 0;
        connect(&other, &QTcpServer::newConnection, this, [&other, &reachedOther] {
            ++reachedOther;
            other.nextPendingConnection()->abort();
        });
        QTcpServer server;
        QVERIFY(server.listen(QHostAddress::LocalHost, 0));
        const QByteArray location = "http://127.0.0.2:" + QByteArray::number(other.serverPort()) + "/_lab/uploads";
        connect(&server, &QTcpServer::newConnection, this, [&server, location] {
            QTcpSocket *socket = server.nextPendingConnection();
            connect(socket, &QTcpSocket::readyRead, socket, [socket, location] {
                socket->readAll();
                socket->write("HTTP/1.1 307 Temporary Redirect\r\nLocation: " + location +
                    "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                socket->disconnectFromHost();
            });
        });
        const Connection connection = bareSocketConnection(server.serverPort());
        GitHubClient client(connection, QStringLiteral("t"), fastOptions());
        std::optional<HttpResult> answer;
        client.scheduler()->submit(this,
            QUrl(QStringLiteral("http://127.0.0.1:%1/_lab/uploads?name=u.json").arg(server.serverPort())), "POST",
            R"({"users": [{"login": "a", "emails": ["a@corp.example"]}]})",
            [&answer](const HttpResult &result) { answer = result; });
        QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), 10000);
        QCOMPARE(answer->status, 307);
        QVERIFY(answer->error.kind != GitHubError::Kind::None);
        QCOMPARE(client.scheduler()->requestsSent(), 1);
        QCOMPARE(reachedOther, 0);
    }

    void shouldStopWhileThePrimaryBudgetIsSpent_data()
    {
        QTest::addColumn<int>("githubAheadHours");
        QTest::newRow("clocks agree") << 0;
        // GitHub's clock an hour ahead of this machine's (or this one behind, on an air-gapped network): the reset
        // GitHub names is an hour away by this clock, but a second away by the answer's Date. The client waits the
        // second, not the hour (which is past its bound and would fail the read).
        QTest::newRow("GitHub an hour ahead") << 1;
    }
    void shouldStopWhileThePrimaryBudgetIsSpent()
    {
        QFETCH(int, githubAheadHours);
        LabConfig config = plainConfig(1000); // 10 pages
        config.faults.primaryLimit = 4;
        config.faults.primaryWindowSeconds = 1;
        // In a thread of its own, the lab sees a request when it is sent, not when this thread has time.
        LabHost lab;
        QString error;
        QVERIFY2(lab.start(config, &error), qPrintable(error));
        lab.runInLab([githubAheadHours](LicenseLab *l) { l->advanceClock(std::chrono::hours(githubAheadHours)); });
        const GitHubClientOptions options = fastOptions();
        QVERIFY(options.maxWaitMs < 3600 * 1000);
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 60000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 1000);
        // Counted by the lab: requests arriving after it answered x-ratelimit-remaining 0, before the reset.
        const LicenseLab::Counters counters = countersOf(lab);
        QCOMPARE(counters.sentWhileBudgetSpent, 0);
        QVERIFY2(counters.primaryRejected <= 1, qPrintable(QString::number(counters.primaryRejected)));
    }

    void shouldObeySecondaryLimit()
    {
        LabConfig config = plainConfig(1200); // 12 pages
        // 8 requests in a window of 4 s: even a slow machine (sanitizers, a shared CPU) sends the ninth inside
        // the first window, 4 at a time; in a window of 1 s a machine that slow never met the limit.
        config.faults.secondaryLimit = 8;
        config.faults.secondaryWindowSeconds = 4;
        LabHost lab; // in a thread of its own, as above
        QString error;
        QVERIFY2(lab.start(config, &error), qPrintable(error));
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 60000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 1200);
        const LicenseLab::Counters counters = countersOf(lab);
        QVERIFY(counters.secondaryRejected > 0);
        // Only requests already in flight when the limit was announced may be rejected too.
        QVERIFY(counters.secondaryRejected <= counters.secondaryPenaltyWindows * 4);
        QCOMPARE(counters.sentWhileBudgetSpent, 0); // nothing retried or sent inside a retry-after
    }

    void shouldWaitAfterASecondaryLimit_data()
    {
        QTest::addColumn<int>("status");
        QTest::addColumn<bool>("retryAfter");
        QTest::newRow("403 without retry-after") << 403 << false;
        QTest::newRow("429 without retry-after") << 429 << false;
        QTest::newRow("429 with retry-after") << 429 << true;
    }

    void shouldWaitAfterASecondaryLimit()
    {
        QFETCH(int, status);
        QFETCH(bool, retryAfter);
        constexpr int minimumWaitMs = 400; // stands for GitHub's minute
        LabConfig config = plainConfig(500); // 5 pages
        config.faults.secondaryLimit = 3;
        config.faults.secondaryWindowSeconds = 1;
        config.faults.secondaryStatus = status;
        config.faults.secondaryRetryAfter = retryAfter;
        config.faults.secondaryQuietMs = minimumWaitMs; // a retry sooner counts as sent while spent
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        options.secondaryMinimumWaitMs = minimumWaitMs;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 20000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 500);
        QVERIFY(lab.counters().secondaryRejected > 0);
        QVERIFY(client.scheduler()->retries() > 0);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldWaitLongerAfterEachSecondaryLimitWithoutRetryAfter()
    {
        // One request per 2 s and no retry-after: the client's waits double from 100 ms (100, 200, 400, 800 …
        // and up to half as much again), so page 2 is refused at most five times before the window ends. Waits
        // that did not grow would be refused a dozen times or more.
        LabConfig config = plainConfig(150); // 2 pages
        config.faults.secondaryLimit = 1;
        config.faults.secondaryWindowSeconds = 2;
        config.faults.secondaryRetryAfter = false;
        config.faults.secondaryQuietMs = 100; // a retry sooner counts as sent while spent
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        options.secondaryMinimumWaitMs = 100;
        options.maxRateLimitRetries = 10;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 30000));
        QCOMPARE(job->error().kind, GitHubError::Kind::None);
        QCOMPARE(job->result().users.size(), 150);
        const qint64 refused = lab.counters().secondaryRejected;
        QVERIFY2(refused >= 1 && refused <= 5, qPrintable(QString::number(refused)));
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldReadRetryAfterInBothForms_data()
    {
        QTest::addColumn<QByteArray>("retryAfter");
        QTest::addColumn<QByteArray>("date"); ///< the answer's Date header; empty: none
        QTest::addColumn<qint64>("waitMs");
        const QByteArray date = "Wed, 21 Oct 2015 07:28:00 GMT";
        QTest::newRow("seconds") << QByteArray("120") << date << qint64(120000);
        QTest::newRow("HTTP-date, from the answer's Date")
            << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << date << qint64(30000);
        // Without a Date header, from this machine's clock (nowMs below is that date plus ten seconds).
        QTest::newRow("HTTP-date, no Date header")
            << QByteArray("Wed, 21 Oct 2015 07:28:30 GMT") << QByteArray() << qint64(20000);
        QTest::newRow("HTTP-date in the past") << QByteArray("Wed, 21 Oct 2015 07:27:00 GMT") << date << qint64(0);
        QTest::newRow("zero") << QByteArray("0") << date << qint64(0);
        QTest::newRow("negative") << QByteArray("-5") << date << qint64(-1);
        QTest::newRow("not a wait") << QByteArray("soon") << date << qint64(-1);
        QTest::newRow("none") << QByteArray() << date << qint64(-1);
    }

    void shouldReadRetryAfterInBothForms()
    {
        QFETCH(QByteArray, retryAfter);
        QFETCH(QByteArray, date);
        QFETCH(qint64, waitMs);
        QHash<QByteArray, QByteArray> headers;
        if (!retryAfter.isEmpty()) {
            headers.insert("retry-after", retryAfter);
        }
        if (!date.isEmpty()) {
            headers.insert("date", date);
        }
        const qint64 nowMs = QDateTime(QDate(2015, 10, 21), QTime(7, 28, 10), QTimeZone::UTC).toMSecsSinceEpoch();
        QCOMPARE(RequestScheduler::retryAfterMs(headers, nowMs), waitMs);
    }

    void shouldWaitAsLongAsRetryAfterSays_data()
    {
        QTest::addColumn<int>("failNext"); ///< server errors (503) with retry-after
        QTest::addColumn<int>("secondaryStatus"); ///< a secondary limit with retry-after; 0: none
        QTest::addColumn<bool>("date"); ///< retry-after as an HTTP-date, else seconds
        QTest::addColumn<int>("waitMs"); ///< at least, in all
        QTest::newRow("503, seconds") << 1 << 0 << false << 2000;
        QTest::newRow("503 twice, HTTP-date") << 2 << 0 << true << 4000;
        QTest::newRow("429, HTTP-date") << 0 << 429 << true << 2000;
        QTest::newRow("403, HTTP-date") << 0 << 403 << true << 2000;
    }

    void shouldWaitAsLongAsRetryAfterSays()
    {
        QFETCH(int, failNext);
        QFETCH(int, secondaryStatus);
        QFETCH(bool, date);
        QFETCH(int, waitMs);
        LabConfig config = plainConfig(200); // 2 pages, one after the other (the second waits for the first)
        config.faults.failNextRequests = failNext;
        config.faults.failStatus = 503;
        config.faults.serverErrorRetryAfterSeconds = 2;
        config.faults.secondaryLimit = secondaryStatus > 0 ? 1 : 0; // the first page passes, the second waits
        config.faults.secondaryWindowSeconds = 2;
        config.faults.secondaryStatus = secondaryStatus;
        config.faults.retryAfterDate = date;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        QElapsedTimer elapsed;
        elapsed.start();
        GitHubClient client(lab.connection(), lab.token(), fastOptions()); // backoff: 10 ms
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 30000));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QCOMPARE(job->result().users.size(), 200);
        // Nothing asked again (this request or another) before the time retry-after named: no burst.
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
        QVERIFY2(elapsed.elapsed() >= waitMs, qPrintable(QString::number(elapsed.elapsed())));
        QCOMPARE(lab.counters().secondaryRejected, secondaryStatus > 0 ? 1 : 0);
        QCOMPARE(lab.counters().apiRequests, 2 + failNext + lab.counters().secondaryRejected);
    }

    void shouldGiveUpAtOnceWhenA5xxRetryAfterIsTooLong()
    {
        LabConfig config = plainConfig(10);
        config.faults.failNextRequests = 1;
        config.faults.failStatus = 503;
        config.faults.serverErrorRetryAfterSeconds = 3600;
        config.faults.retryAfterDate = true;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        options.maxWaitMs = 1000;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(job.get(), 10000));
        QCOMPARE(job->error().kind, GitHubError::Kind::ServerError);
        QCOMPARE(job->error().httpStatus, 503);
        QCOMPARE(client.scheduler()->requestsSent(), 1);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldJitterTheWaitAfterASecondaryLimit()
    {
        QRandomGenerator random(42);
        for (int step = 0; step <= 6; ++step) {
            const qint64 base = qint64(60000) << std::min(step, 4);
            QSet<qint64> waits;
            for (int i = 0; i < 20; ++i) {
                const qint64 wait = RequestScheduler::secondaryLimitWaitMs(60000, step, &random);
                QVERIFY2(wait >= base && wait <= base + base / 2, qPrintable(QString::number(wait)));
                waits.insert(wait);
            }
            QVERIFY2(waits.size() > 10, "no jitter"); // clients limited together must not retry together
        }
        // Never below GitHub's minute, whatever the step.
        QVERIFY(RequestScheduler::secondaryLimitWaitMs(60000, -1, &random) >= 60000);
    }

    void shouldKeepOneBudgetPerResource()
    {
        LabConfig config = plainConfig(90);
        config.servers = 1;
        config.serverUserShare = 0.1; // one GraphQL page of accounts
        config.faults.primaryLimit = 2; // per resource, as GitHub's core and graphql budgets
        config.faults.primaryWindowSeconds = 60;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        for (int i = 0; i < 2; ++i) { // spends the graphql budget: remaining 0 for a minute
            std::unique_ptr<InstallationsJob> installations(client.fetchInstallations());
            QVERIFY(waitFinished(installations.get()));
            QCOMPARE(installations->error().kind, GitHubError::Kind::None);
        }
        QCOMPARE(lab.counters().apiRequests, 2);
        std::unique_ptr<InstallationsJob> waiting(client.fetchInstallations());
        std::unique_ptr<ConsumedLicensesJob> rest(client.fetchConsumedLicenses());
        QVERIFY(waitFinished(rest.get(), 10000)); // not held back until the graphql reset
        QCOMPARE(rest->error().kind, GitHubError::Kind::None);
        QCOMPARE(rest->result().users.size(), lab.enterprise().consumedLicenses().users.size());
        QVERIFY(rest->result().users.size() <= 100); // one REST request
        QVERIFY(!waiting->isFinished()); // the spent graphql budget still holds its request back
        QCOMPARE(client.scheduler()->queuedCount(), 1);
        QCOMPARE(lab.counters().apiRequests, 3);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
        QCOMPARE(lab.counters().primaryRejected, 0);
        waiting->cancel();
    }

    void shouldWaitOutGraphQlsPrimaryLimit_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<int>("remaining");
        QTest::newRow("RATE_LIMITED") << QStringLiteral("RATE_LIMITED") << 0;
        QTest::newRow("RATE_LIMIT") << QStringLiteral("RATE_LIMIT") << 0;
        // GitHub also refuses a query that costs more points than remain; the headers still say some remain.
        QTest::newRow("query costs more than remains") << QStringLiteral("RATE_LIMITED") << 2;
    }

    void shouldWaitOutGraphQlsPrimaryLimit()
    {
        // GitHub answers a GraphQL query over the primary limit with HTTP 200, a RATE_LIMITED error and
        // x-ratelimit-*: the client waits until the reset and asks again, and nothing goes out before.
        QFETCH(QString, type);
        QFETCH(int, remaining);
        LabConfig config = plainConfig(150);
        config.servers = 2;
        config.serverUserShare = 0.9; // further queries after the wait: accounts and emails
        config.extraEmailsEvery = 60;
        config.faults.primaryLimit = 100;
        config.faults.primaryWindowSeconds = 2;
        config.faults.graphQlRateLimitedRequests = 1; // another client of the token spent this window's budget
        config.faults.graphQlRateLimitedType = type;
        config.faults.graphQlRateLimitedRemaining = remaining;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QVERIFY(waitFinished(job.get(), 20000));
        QVERIFY2(job->error().kind == GitHubError::Kind::None, qPrintable(job->error().message()));
        QCOMPARE(job->result().size(), 2);
        for (int i = 0; i < 2; ++i) {
            QCOMPARE(job->result().at(i).userAccounts.size(), lab.enterprise().servers().at(i).knownUsers.size());
        }
        QCOMPARE(lab.counters().primaryRejected, 1);
        QCOMPARE(client.scheduler()->retries(), 1);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldGiveUpOnGraphQlsPrimaryLimitWithinBounds_data()
    {
        QTest::addColumn<int>("windowSeconds");
        QTest::addColumn<int>("limitedRequests");
        QTest::addColumn<int>("maxWaitMs");
        QTest::addColumn<int>("maxRetries");
        QTest::addColumn<int>("sent");
        QTest::newRow("reset later than the longest wait") << 60 << 1 << 1000 << 8 << 1;
        QTest::newRow("retries used up") << 1 << 100 << 60000 << 2 << 3;
    }

    void shouldGiveUpOnGraphQlsPrimaryLimitWithinBounds()
    {
        QFETCH(int, windowSeconds);
        QFETCH(int, limitedRequests);
        QFETCH(int, maxWaitMs);
        QFETCH(int, maxRetries);
        QFETCH(int, sent);
        LabConfig config = plainConfig(10);
        config.servers = 1;
        config.faults.primaryLimit = 100;
        config.faults.primaryWindowSeconds = windowSeconds;
        config.faults.graphQlRateLimitedRequests = limitedRequests;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClientOptions options = fastOptions();
        options.maxWaitMs = maxWaitMs;
        options.maxRateLimitRetries = maxRetries;
        GitHubClient client(lab.connection(), lab.token(), options);
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QVERIFY(waitFinished(job.get(), 20000));
        QCOMPARE(job->error().kind, GitHubError::Kind::RateLimited);
        QCOMPARE(job->error().httpStatus, 200);
        QVERIFY(job->result().isEmpty());
        const QString problem = explanationProblem(job->error());
        QVERIFY2(problem.isEmpty(), qPrintable(problem));
        QCOMPARE(client.scheduler()->requestsSent(), sent);
        QCOMPARE(lab.counters().primaryRejected, sent);
        QCOMPARE(lab.counters().sentWhileBudgetSpent, 0);
    }

    void shouldSendNothingAfterCancelDuringAGraphQlLimitWait()
    {
        LabConfig config = plainConfig(10);
        config.servers = 1;
        config.faults.primaryLimit = 100;
        config.faults.primaryWindowSeconds = 2;
        config.faults.graphQlRateLimitedRequests = 1;
        LicenseLab lab(config);
        QVERIFY(lab.start());
        GitHubClient client(lab.connection(), lab.token(), fastOptions());
        std::unique_ptr<InstallationsJob> job(client.fetchInstallations());
        QTRY_VERIFY(lab.counters().primaryRejected == 1 && client.scheduler()->runningCount() == 0 &&
            client.scheduler()->queuedCount() == 1); // waiting for the reset
        QVERIFY(!job->isFinished());
        job->cancel();
        QCOMPARE(job->error().kind, GitHubError::Kind::Cancelled);
        QCOMPARE(client.scheduler()->queuedCount(), 0);
        QSignalSpy arrivals(&lab, &LicenseLab::requestReceived);
        QVERIFY2(!arrivals.wait(3500), "the cancelled query reached the lab after the reset"); // reset: <= 3 s
        QCOMPARE(lab.counters().requests, 1);
    }
};

QTEST_GUILESS_MAIN(GitHubClientTest)
#include "githubclienttest.moc"
