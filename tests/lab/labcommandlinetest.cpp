// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// The lab's command line through the real executables: ghe-license-lab and `ghe-license lab` are
// started with options, their printed URL and token are read, and real HTTP requests show what
// each option does; bad values end the process with exit code 2 and a message naming the option.
#include "github/consumedlicensesjob.h"
#include "github/requestscheduler.h"
#include "lab/labenterprise.h"

#include <QElapsedTimer>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QTest>
#include <QUrlQuery>

#include <memory>
#include <optional>

using namespace Glc;

namespace {
const QString s_labExe = QStringLiteral(GHE_LICENSE_LAB_EXE);
const QString s_cliExe = QStringLiteral(GHE_LICENSE_EXE);

/// One of the two executables that serve the lab, and the arguments that come before the options.
struct Program
{
    QString path;
    QStringList prefix;
};

Program standalone()
{
    return {s_labExe, {}};
}

Program cli()
{
    return {s_cliExe, {QStringLiteral("lab")}};
}

QProcessEnvironment environment()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en")); // the output is parsed
    return env;
}

/// A running lab process and what it printed.
struct Lab
{
    std::unique_ptr<QProcess> process = std::make_unique<QProcess>();
    QString out;
    QUrl url;
    QString token;
    QString enterprise;
    int consumed = -1;
    QString caFile;

    Lab() = default;
    Lab(Lab &&) = default;
    Lab &operator=(Lab &&) = default;
    ~Lab()
    {
        if (process && process->state() != QProcess::NotRunning) {
            process->terminate();
            if (!process->waitForFinished(10000)) {
                process->kill();
                process->waitForFinished();
            }
        }
    }
    bool started() const { return url.isValid() && !token.isEmpty() && consumed >= 0; }
};

Lab startLab(
    const QStringList &options, const Program &program = standalone(), const QProcessEnvironment &env = environment())
{
    Lab lab;
    lab.process->setProcessEnvironment(env);
    lab.process->start(
        program.path, program.prefix + QStringList{QStringLiteral("--port"), QStringLiteral("0")} + options);
    const QLatin1String last(options.contains(QLatin1String("--tls")) ? "CA certificate:" : "Consumed licenses:");
    while (!(lab.out.contains(last) && lab.out.endsWith(QLatin1Char('\n'))) && lab.process->waitForReadyRead(30000)) {
        lab.out += QString::fromUtf8(lab.process->readAllStandardOutput());
    }
    const auto line = [&lab](const char *label) {
        return QRegularExpression(QLatin1String(label) + QLatin1String(": (.+)")).match(lab.out).captured(1).trimmed();
    };
    lab.url = QUrl(line("URL"));
    lab.token = line("Token");
    lab.enterprise = line("Enterprise");
    bool ok = false;
    lab.consumed = line("Consumed licenses").toInt(&ok);
    if (!ok) {
        lab.consumed = -1;
    }
    lab.caFile = line("CA certificate");
    return lab;
}

/// An HTTP answer as a client sees it (redirects are not followed).
struct Answer
{
    int status = 0;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
    QHash<QByteArray, QByteArray> headers; ///< lower-case names
    qint64 elapsedMs = 0;

    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

struct Call
{
    QByteArray verb = "GET";
    QString path;
    QString query;
    QByteArray body;
    std::optional<QString> token; ///< default: the lab's
    QString caFile; ///< TLS: trust only this CA
};

Answer call(const Lab &lab, const Call &what)
{
    QUrl url = lab.url;
    url.setPath(what.path);
    url.setQuery(what.query);
    QNetworkRequest request(url);
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setRawHeader("Authorization", "Bearer " + what.token.value_or(lab.token).toUtf8());
    if (!what.body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    if (!what.caFile.isEmpty()) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(QSslCertificate::fromPath(what.caFile));
        request.setSslConfiguration(ssl);
    }
    QNetworkAccessManager network;
    QElapsedTimer timer;
    timer.start();
    std::unique_ptr<QNetworkReply> reply(network.sendCustomRequest(request, what.verb, what.body));
    QSignalSpy done(reply.get(), &QNetworkReply::finished);
    if (!reply->isFinished()) {
        done.wait(30000);
    }
    Answer answer;
    answer.elapsedMs = timer.elapsed();
    answer.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    answer.error = reply->error();
    answer.body = reply->readAll();
    for (const auto &[name, value] : reply->rawHeaderPairs()) {
        answer.headers.insert(name.toLower(), value);
    }
    return answer;
}

Answer get(const Lab &lab, const QString &path, const QString &query = {})
{
    return call(lab, {"GET", path, query, {}, std::nullopt, {}});
}

Answer consumedLicenses(const Lab &lab, int page = 1)
{
    return get(lab, QStringLiteral("/enterprises/%1/consumed-licenses").arg(lab.enterprise),
        QStringLiteral("per_page=100&page=%1").arg(page));
}

QByteArray installationsQuery(const QString &slug)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("query"),
                                         QStringLiteral("query($slug: String!) { enterprise(slug: $slug) { ownerInfo { "
                                                        "enterpriseServerInstallations { nodes { id } } } } }")},
                             {QStringLiteral("variables"), QJsonObject{{QStringLiteral("slug"), slug}}}})
        .toJson(QJsonDocument::Compact);
}

Answer graphql(const Lab &lab)
{
    return call(lab, {"POST", QStringLiteral("/graphql"), {}, installationsQuery(lab.enterprise), std::nullopt, {}});
}

/// A field of the first GraphQL error of an answer.
QString firstGraphQlError(const Answer &answer, const char *field)
{
    return answer.json()
        .value(QLatin1String("errors"))
        .toArray()
        .at(0)
        .toObject()
        .value(QLatin1String(field))
        .toString();
}

/// The lab's own status (/_lab/status).
QJsonObject labStatus(const Lab &lab)
{
    return get(lab, QStringLiteral("/_lab/status")).json();
}
} // namespace

class LabCommandLineTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void shouldPrintItsLinesTheSameInEveryLanguage()
    {
        // Scripts read URL: and Token: - also where the console and the CLI speak Chinese.
        QProcessEnvironment zh = environment();
        zh.insert(QStringLiteral("LANG"), QStringLiteral("zh_CN.UTF-8"));
        zh.insert(QStringLiteral("LANGUAGE"), QStringLiteral("zh_CN"));
        zh.insert(QStringLiteral("LC_ALL"), QString());
        for (const Program &program : {standalone(), cli()}) {
            const Lab lab = startLab({QStringLiteral("--users"), QStringLiteral("1500"), QStringLiteral("--servers"),
                                         QStringLiteral("1"), QStringLiteral("--tls")},
                program, zh);
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QVERIFY(lab.consumed >= 1000); // no digit grouping either
            QVERIFY2(QFile::exists(lab.caFile), qPrintable(lab.out));
            QCOMPARE(lab.url.scheme(), QStringLiteral("https"));
        }
    }

    void shouldServeTheEnterpriseTheSizesAndSharesDescribe()
    {
        // The same seed and sizes as computed in this process; each share changes the seats as computed.
        struct Setting
        {
            double mismatched;
            double visualStudio;
            int consumed = 0;
            int visualStudioUsers = 0;
        };
        QList<Setting> settings{{0, 0}, {0.4, 0}, {0, 0.3}};
        for (Setting &setting : settings) {
            LabConfig config;
            config.seed = 5;
            config.users = 300;
            config.servers = 2;
            config.mismatchedEmailShare = setting.mismatched;
            config.visualStudioShare = setting.visualStudio;
            const LabEnterprise computed = LabEnterprise::generate(config);
            int computedVisualStudio = 0;
            for (const ConsumedLicense &license : computed.consumedLicenses().users) {
                computedVisualStudio += license.visualStudioSubscriptionUser ? 1 : 0;
            }

            const Lab lab = startLab({QStringLiteral("--seed"), QStringLiteral("5"), QStringLiteral("--users"),
                QStringLiteral("300"), QStringLiteral("--servers"), QStringLiteral("2"),
                QStringLiteral("--mismatched-share"), QString::number(setting.mismatched), QStringLiteral("--vs-share"),
                QString::number(setting.visualStudio)});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(lab.consumed, computed.consumedLicenses().totalSeatsConsumed);
            int pages = 0;
            int users = 0;
            for (int page = 1; page < 10; ++page) {
                const Answer answer = consumedLicenses(lab, page);
                QCOMPARE(answer.status, 200);
                QCOMPARE(answer.json().value(QLatin1String("total_seats_consumed")).toInt(), lab.consumed);
                const QJsonArray rows = answer.json().value(QLatin1String("users")).toArray();
                for (const QJsonValue &row : rows) {
                    setting.visualStudioUsers +=
                        row.toObject().value(QLatin1String("visual_studio_subscription_user")).toBool() ? 1 : 0;
                }
                users += int(rows.size());
                pages = page;
                if (!answer.headers.value("link").contains("rel=\"next\"")) {
                    break;
                }
            }
            QVERIFY(pages > 1);
            QCOMPARE(users, lab.consumed);
            QCOMPARE(setting.visualStudioUsers, computedVisualStudio);
            QCOMPARE(labStatus(lab).value(QLatin1String("servers")).toArray().size(), 2);
            setting.consumed = lab.consumed;
        }
        // Mismatched emails make server accounts count as seats of their own.
        QVERIFY2(settings.at(1).consumed > settings.at(0).consumed + 10,
            qPrintable(QStringLiteral("%1 vs %2").arg(settings.at(1).consumed).arg(settings.at(0).consumed)));
        QCOMPARE(settings.at(0).visualStudioUsers, 0);
        QVERIFY(settings.at(2).visualStudioUsers > 50);
    }

    void shouldAcceptItsOwnTokenEnterpriseAndSeats_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("ghe-license-lab") << s_labExe;
        QTest::newRow("ghe-license lab") << s_cliExe;
    }
    void shouldAcceptItsOwnTokenEnterpriseAndSeats()
    {
        QFETCH(QString, program);
        const Program which = program == s_labExe ? standalone() : cli();
        const Lab generated = startLab({}, which);
        QVERIFY2(generated.started(), qPrintable(generated.out));
        // `ghe-license lab` takes --token: the lab's own test token, not one for GitHub.
        const Lab lab =
            startLab({QStringLiteral("--token"), QStringLiteral("ghp_optionsTestToken42"),
                         QStringLiteral("--enterprise"), QStringLiteral("acme-corp"), QStringLiteral("--seats"),
                         QStringLiteral("4321"), QStringLiteral("--address"), QStringLiteral("127.0.0.2")},
                which);
        QVERIFY2(lab.started(), qPrintable(lab.out + QString::fromUtf8(lab.process->readAllStandardError())));
        QCOMPARE(lab.token, QStringLiteral("ghp_optionsTestToken42"));
        QCOMPARE(lab.enterprise, QStringLiteral("acme-corp"));
        QCOMPARE(lab.url.host(), QStringLiteral("127.0.0.2"));
        const Answer answer = consumedLicenses(lab);
        QCOMPARE(answer.status, 200);
        QCOMPARE(answer.json().value(QLatin1String("total_seats_purchased")).toInt(), 4321);
        QCOMPARE(
            call(lab, {"GET", QStringLiteral("/enterprises/acme-corp/consumed-licenses"), {}, {}, generated.token, {}})
                .status,
            401);
        QCOMPARE(get(lab, QStringLiteral("/enterprises/lab/consumed-licenses")).status, 404);
    }

    void shouldRefuseTheTokenAsGitHubDoes_data()
    {
        QTest::addColumn<QString>("fault");
        QTest::addColumn<int>("restStatus");
        QTest::newRow("bad") << QStringLiteral("bad") << 401;
        QTest::newRow("expired") << QStringLiteral("expired") << 401;
        QTest::newRow("sso") << QStringLiteral("sso") << 403;
        QTest::newRow("missing-scope") << QStringLiteral("missing-scope") << 403;
    }
    void shouldRefuseTheTokenAsGitHubDoes()
    {
        QFETCH(QString, fault);
        QFETCH(int, restStatus);
        const Lab lab = startLab({QStringLiteral("--token-fault"), fault});
        QVERIFY2(lab.started(), qPrintable(lab.out));
        const Answer rest = consumedLicenses(lab);
        QCOMPARE(rest.status, restStatus);
        const QString message = rest.json().value(QLatin1String("message")).toString();
        const Answer query = graphql(lab);
        if (restStatus == 401) {
            QCOMPARE(message, QStringLiteral("Bad credentials"));
            QCOMPARE(query.status, 401);
            QVERIFY(!rest.headers.contains("x-github-sso"));
        } else if (fault == QLatin1String("sso")) {
            QVERIFY2(message.contains(QLatin1String("SAML enforcement")), qPrintable(message));
            const QByteArray sso = rest.headers.value("x-github-sso");
            const QByteArray page = "required; url=" + lab.url.toString().toLatin1() + "/enterprises/lab/sso?";
            QVERIFY2(sso.startsWith(page), sso.constData());
            // GraphQL: HTTP 200, a FORBIDDEN error marked saml_failure, and the same header.
            QCOMPARE(query.status, 200);
            const QJsonObject error = query.json().value(QLatin1String("errors")).toArray().at(0).toObject();
            QCOMPARE(error.value(QLatin1String("type")).toString(), QStringLiteral("FORBIDDEN"));
            QVERIFY(error.value(QLatin1String("extensions")).toObject().value(QLatin1String("saml_failure")).toBool());
            QCOMPARE(query.headers.value("x-github-sso"), sso);
        } else {
            QCOMPARE(message, QStringLiteral("Resource not accessible by personal access token"));
            QCOMPARE(rest.headers.value("x-accepted-oauth-scopes"), QByteArray("read:enterprise"));
            QCOMPARE(rest.headers.value("x-oauth-scopes"), QByteArray("repo"));
            QCOMPARE(query.status, 200);
            QCOMPARE(query.json()
                         .value(QLatin1String("errors"))
                         .toArray()
                         .at(0)
                         .toObject()
                         .value(QLatin1String("type"))
                         .toString(),
                QStringLiteral("INSUFFICIENT_SCOPES"));
        }
    }

    void shouldEnforceTheRateLimitsGiven()
    {
        {
            const Lab lab = startLab({QStringLiteral("--primary-limit"), QStringLiteral("2/60")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(consumedLicenses(lab).headers.value("x-ratelimit-limit"), QByteArray("2"));
            QCOMPARE(consumedLicenses(lab).headers.value("x-ratelimit-remaining"), QByteArray("0"));
            const Answer spent = consumedLicenses(lab);
            QCOMPARE(spent.status, 403);
            QVERIFY(spent.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .startsWith(QLatin1String("API rate limit exceeded")));
            QVERIFY(spent.headers.value("x-ratelimit-reset").toLongLong() > QDateTime::currentSecsSinceEpoch());
            QCOMPARE(graphql(lab).status, 200); // its own budget per resource
        }
        {
            const Lab lab = startLab({QStringLiteral("--secondary-limit"), QStringLiteral("1/60")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(consumedLicenses(lab).status, 200);
            const Answer limited = consumedLicenses(lab);
            QCOMPARE(limited.status, 403);
            QVERIFY(limited.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("secondary rate limit")));
            QVERIFY(limited.headers.value("retry-after").toInt() > 0);
        }
        {
            const Lab lab = startLab({QStringLiteral("--secondary-limit"), QStringLiteral("2/60"),
                QStringLiteral("--secondary-status"), QStringLiteral("429"), QStringLiteral("--no-retry-after")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(consumedLicenses(lab).status, 200);
            QCOMPARE(graphql(lab).status, 200);
            const Answer limited = consumedLicenses(lab);
            QCOMPARE(limited.status, 429);
            QVERIFY(limited.json()
                    .value(QLatin1String("message"))
                    .toString()
                    .contains(QLatin1String("secondary rate limit")));
            QVERIFY(!limited.headers.contains("retry-after"));
        }
    }

    void shouldTruncateTheShareOfBodiesGiven()
    {
        {
            const Lab lab = startLab({QStringLiteral("--truncated-rate"), QStringLiteral("1")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer answer = consumedLicenses(lab);
            QCOMPARE(answer.status, 200);
            QJsonParseError error;
            QJsonDocument::fromJson(answer.body, &error);
            QVERIFY(error.error != QJsonParseError::NoError);
            QVERIFY(answer.body.startsWith("{\"total_seats_consumed\""));
            QVERIFY(labStatus(lab).contains(QLatin1String("servers"))); // the lab's own answers stay whole
        }
        const Lab lab = startLab({QStringLiteral("--truncated-rate"), QStringLiteral("0.5")});
        QVERIFY2(lab.started(), qPrintable(lab.out));
        int truncated = 0;
        for (int i = 0; i < 30; ++i) {
            const Answer answer = consumedLicenses(lab);
            QCOMPARE(answer.status, 200);
            truncated += QJsonDocument::fromJson(answer.body).isNull() ? 1 : 0;
        }
        QVERIFY2(truncated >= 5 && truncated <= 25, qPrintable(QString::number(truncated)));
    }

    void shouldFailRequestsAsToldTo()
    {
        {
            const Lab lab = startLab({QStringLiteral("--error-rate"), QStringLiteral("1"),
                QStringLiteral("--error-status"), QStringLiteral("503")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(consumedLicenses(lab).status, 503);
            QCOMPARE(graphql(lab).status, 503);
            QCOMPARE(labStatus(lab)
                         .value(QLatin1String("counters"))
                         .toObject()
                         .value(QLatin1String("server_errors"))
                         .toInt(),
                2);
        }
        {
            const Lab lab = startLab({QStringLiteral("--fail-next"), QStringLiteral("2")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QCOMPARE(consumedLicenses(lab).status, 502);
            QCOMPARE(consumedLicenses(lab).status, 502);
            QCOMPARE(consumedLicenses(lab).status, 200);
        }
        {
            const Lab lab = startLab({QStringLiteral("--fail-next"), QStringLiteral("1"),
                QStringLiteral("--error-status"), QStringLiteral("503"), QStringLiteral("--error-retry-after"),
                QStringLiteral("5"), QStringLiteral("--retry-after-date")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer busy = consumedLicenses(lab);
            QCOMPARE(busy.status, 503);
            QVERIFY2(busy.headers.value("retry-after").endsWith(" GMT"), busy.headers.value("retry-after").constData());
            QCOMPARE(RequestScheduler::retryAfterMs(busy.headers, 0), 5000); // counted from the Date header
            QCOMPARE(consumedLicenses(lab).status, 200);
        }
        {
            const Lab lab = startLab({QStringLiteral("--forced-status"), QStringLiteral("410")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer retired = consumedLicenses(lab);
            QCOMPARE(retired.status, 410);
            QCOMPARE(retired.json().value(QLatin1String("message")).toString(), QStringLiteral("API version retired"));
        }
        {
            const Lab lab = startLab({QStringLiteral("--graphql-error"), QStringLiteral("Something went wrong")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer query = graphql(lab);
            QCOMPARE(query.status, 200);
            QCOMPARE(firstGraphQlError(query, "message"), QStringLiteral("Something went wrong"));
            QCOMPARE(consumedLicenses(lab).status, 200);
        }
    }

    void shouldLimitGraphQlAndPageEmailsAndKeepAPastAsToldTo()
    {
        {
            // GitHub's GraphQL rate limit: HTTP 200 and a RATE_LIMITED error, then the budget is back.
            const Lab lab = startLab({QStringLiteral("--graphql-rate-limited"), QStringLiteral("1")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer limited = graphql(lab);
            QCOMPARE(limited.status, 200);
            QCOMPARE(firstGraphQlError(limited, "type"), QStringLiteral("RATE_LIMITED"));
            QCOMPARE(limited.headers.value("x-ratelimit-remaining"), QByteArray("0"));
            const Answer next = graphql(lab);
            QCOMPARE(next.status, 200);
            QVERIFY(next.json().value(QLatin1String("errors")).isUndefined());
        }
        // Accounts' emails beyond the first page: only with --extra-emails-every.
        const auto accountsWithMoreEmails = [](const Answer &answer) {
            int more = 0;
            const QJsonArray installations = answer.json()
                                                 .value(QLatin1String("data"))
                                                 .toObject()
                                                 .value(QLatin1String("enterprise"))
                                                 .toObject()
                                                 .value(QLatin1String("ownerInfo"))
                                                 .toObject()
                                                 .value(QLatin1String("enterpriseServerInstallations"))
                                                 .toObject()
                                                 .value(QLatin1String("nodes"))
                                                 .toArray();
            for (const QJsonValue &installation : installations) {
                const QJsonArray accounts = installation.toObject()
                                                .value(QLatin1String("userAccounts"))
                                                .toObject()
                                                .value(QLatin1String("nodes"))
                                                .toArray();
                for (const QJsonValue &account : accounts) {
                    more += account.toObject()
                                .value(QLatin1String("emails"))
                                .toObject()
                                .value(QLatin1String("pageInfo"))
                                .toObject()
                                .value(QLatin1String("hasNextPage"))
                                .toBool();
                }
            }
            return more;
        };
        {
            const Lab plain = startLab({});
            QVERIFY2(plain.started(), qPrintable(plain.out));
            QCOMPARE(accountsWithMoreEmails(graphql(plain)), 0);
            const Lab lab = startLab({QStringLiteral("--extra-emails-every"), QStringLiteral("2")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QVERIFY(accountsWithMoreEmails(graphql(lab)) > 0);
        }
        // The enterprise's past: a month ago it had fewer seats when many joined recently, the same
        // when nobody did.
        const auto seatsAMonthAgo = [](const Lab &lab) {
            const QDateTime now =
                QDateTime::fromString(labStatus(lab).value(QLatin1String("now")).toString(), Qt::ISODate);
            const Answer past = get(lab,
                QStringLiteral("/_lab/as-of/%1/enterprises/%2/consumed-licenses")
                    .arg(now.addDays(-30).toString(Qt::ISODate), lab.enterprise),
                QStringLiteral("per_page=1"));
            return std::pair{past.status, past.json().value(QLatin1String("total_seats_consumed")).toInt()};
        };
        for (const auto &[share, fewer] :
            {std::pair{QStringLiteral("0"), false}, std::pair{QStringLiteral("0.5"), true}}) {
            const Lab lab = startLab(
                {QStringLiteral("--recent-join-share"), share, QStringLiteral("--history-days"), QStringLiteral("60")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const int now = consumedLicenses(lab).json().value(QLatin1String("total_seats_consumed")).toInt();
            const auto [status, then] = seatsAMonthAgo(lab);
            QCOMPARE(status, 200);
            QVERIFY(now > 0);
            if (fewer) {
                QVERIFY2(then < now, qPrintable(QStringLiteral("%1 then, %2 now").arg(then).arg(now)));
            } else {
                QCOMPARE(then, now);
            }
        }
    }

    void shouldLinkPagesAsToldTo()
    {
        const QStringList users{QStringLiteral("--users"), QStringLiteral("250"), QStringLiteral("--servers"),
            QStringLiteral("0"), QStringLiteral("--plain-users"), QStringLiteral("--page-links")};
        {
            const Lab lab = startLab(users + QStringList{QStringLiteral("no-last")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const auto links = ConsumedLicensesJob::parseLinkHeader(consumedLicenses(lab).headers.value("link"));
            QCOMPARE(QUrlQuery(links.value("next")).queryItemValue(QStringLiteral("page")), QStringLiteral("2"));
            QVERIFY(!links.contains("last"));
        }
        const Lab lab = startLab(users + QStringList{QStringLiteral("cursors")});
        QVERIFY2(lab.started(), qPrintable(lab.out));
        // Along "next" by its cursor: every user once, and "last" never names a page.
        QSet<QString> logins;
        QUrl next = lab.url;
        next.setPath(QStringLiteral("/enterprises/%1/consumed-licenses").arg(lab.enterprise));
        next.setQuery(QStringLiteral("per_page=100"));
        for (int page = 1; page <= 3; ++page) {
            const Answer answer = get(lab, next.path(), next.query());
            QCOMPARE(answer.status, 200);
            for (const QJsonValue &user : answer.json().value(QLatin1String("users")).toArray()) {
                logins.insert(user.toObject().value(QLatin1String("github_com_login")).toString());
            }
            const auto links = ConsumedLicensesJob::parseLinkHeader(answer.headers.value("link"));
            QCOMPARE(links.contains("next"), page < 3);
            QCOMPARE(links.contains("last"), page < 3);
            QVERIFY(!QUrlQuery(links.value("last")).hasQueryItem(QStringLiteral("page")));
            if (page < 3) {
                QVERIFY(QUrlQuery(links.value("next")).hasQueryItem(QStringLiteral("after")));
                next = links.value("next");
            }
        }
        QCOMPARE(logins.size(), 250);
    }

    void shouldCleanUpWhenTerminated()
    {
        // SIGTERM (as from a service manager or the test harness) ends the lab cleanly in both
        // executables: exit code 0 and its temporary CA folder removed.
        for (const Program &program : {standalone(), cli()}) {
            Lab lab = startLab({QStringLiteral("--tls")}, program);
            QVERIFY2(lab.started(), qPrintable(lab.out));
            QVERIFY2(QFileInfo::exists(lab.caFile), qPrintable(lab.caFile));
            lab.process->terminate();
            QVERIFY(lab.process->waitForFinished(10000));
            QCOMPARE(lab.process->exitStatus(), QProcess::NormalExit);
            QCOMPARE(lab.process->exitCode(), 0);
            QVERIFY2(!QFileInfo::exists(lab.caFile), qPrintable(lab.caFile));
            QVERIFY(!QFileInfo::exists(QFileInfo(lab.caFile).absolutePath()));
        }
    }

    void shouldRedirectAndDelayAsToldTo()
    {
        {
            const Lab lab = startLab({QStringLiteral("--redirect-to"), QStringLiteral("http://127.0.0.2:9")});
            QVERIFY2(lab.started(), qPrintable(lab.out));
            const Answer moved = consumedLicenses(lab);
            QCOMPARE(moved.status, 302);
            QCOMPARE(moved.headers.value("location"),
                QByteArray("http://127.0.0.2:9/enterprises/lab/consumed-licenses?per_page=100&page=1"));
        }
        const Lab lab = startLab({QStringLiteral("--latency-ms"), QStringLiteral("400")});
        QVERIFY2(lab.started(), qPrintable(lab.out));
        const Answer slow = consumedLicenses(lab);
        QCOMPARE(slow.status, 200);
        QVERIFY2(slow.elapsedMs >= 390, qPrintable(QString::number(slow.elapsedMs)));
    }

    void shouldFailSyncsAndHideActionsAsToldTo()
    {
        const Lab lab = startLab({QStringLiteral("--sync-error"), QStringLiteral("License sync failed: 500"),
            QStringLiteral("--sync-duration-ms"), QStringLiteral("0")});
        QVERIFY2(lab.started(), qPrintable(lab.out));
        const Answer sync =
            call(lab, {"POST", QStringLiteral("/_lab/servers/ghes-1.lab.example/sync"), {}, {}, std::nullopt, {}});
        QCOMPARE(sync.status, 202);
        const QString job = sync.json().value(QLatin1String("job")).toString();
        QJsonObject state;
        QTRY_VERIFY_WITH_TIMEOUT(
            (state = get(lab, QStringLiteral("/_lab/jobs/") + job).json()).value(QLatin1String("state")).toString() !=
                QLatin1String("running"),
            10000);
        QCOMPARE(state.value(QLatin1String("state")).toString(), QStringLiteral("failure"));
        QCOMPARE(state.value(QLatin1String("error")).toString(), QStringLiteral("License sync failed: 500"));

        const Lab githubLike = startLab({QStringLiteral("--github-like")});
        QVERIFY2(githubLike.started(), qPrintable(githubLike.out));
        QCOMPARE(call(githubLike,
                     {"POST", QStringLiteral("/_lab/servers/ghes-1.lab.example/sync"), {}, {}, std::nullopt, {}})
                     .status,
            404);
        QCOMPARE(
            call(githubLike,
                {"POST", QStringLiteral("/_lab/browser/servers/ghes-1.lab.example/sync"), {}, {}, std::nullopt, {}})
                .status,
            202);
    }

    void shouldServeHttpsWithThePrintedCa_data()
    {
        QTest::addColumn<QString>("program");
        QTest::newRow("ghe-license-lab") << s_labExe;
        QTest::newRow("ghe-license lab") << s_cliExe;
    }
    void shouldServeHttpsWithThePrintedCa()
    {
        QFETCH(QString, program);
        const Lab lab = startLab({QStringLiteral("--tls")}, program == s_labExe ? standalone() : cli());
        QVERIFY2(lab.started(), qPrintable(lab.out));
        QCOMPARE(lab.url.scheme(), QStringLiteral("https"));
        QVERIFY(QFile::exists(lab.caFile));
        const QString path = QStringLiteral("/enterprises/lab/consumed-licenses");
        const Answer trusted = call(lab, {"GET", path, {}, {}, std::nullopt, lab.caFile});
        QCOMPARE(trusted.error, QNetworkReply::NoError);
        QCOMPARE(trusted.status, 200);
        // Not trusted without the printed CA.
        const Answer untrusted = get(lab, path);
        QCOMPARE(untrusted.error, QNetworkReply::SslHandshakeFailedError);
    }

    void shouldRefuseBadValues_data()
    {
        QTest::addColumn<QStringList>("args");
        QTest::addColumn<QString>("message");
        const auto row = [](const char *name, const QStringList &args, const QString &message) {
            QTest::newRow(name) << args << message;
        };
        row("share above 1", {QStringLiteral("--mismatched-share"), QStringLiteral("1.5")},
            QStringLiteral("--mismatched-share takes a share from 0 to 1, such as 0.05, not “1.5”."));
        row("negative share", {QStringLiteral("--vs-share"), QStringLiteral("-0.1")},
            QStringLiteral("--vs-share takes a share from 0 to 1, such as 0.05, not “-0.1”."));
        row("share with a comma", {QStringLiteral("--truncated-rate"), QStringLiteral("0,5")},
            QStringLiteral("--truncated-rate takes a share from 0 to 1"));
        row("rate per 0 seconds", {QStringLiteral("--secondary-limit"), QStringLiteral("x/0")},
            QStringLiteral("--secondary-limit takes N/S: at least 1 request per at least 1 second, such as 120/10, "
                           "not “x/0”."));
        row("rate of 0", {QStringLiteral("--primary-limit"), QStringLiteral("0/10")},
            QStringLiteral("--primary-limit takes N/S"));
        row("negative users", {QStringLiteral("--users"), QStringLiteral("-1")},
            QStringLiteral("--users takes a whole number from 0 to 1000000, not “-1”."));
        row("too many servers", {QStringLiteral("--servers"), QStringLiteral("5000")},
            QStringLiteral("--servers takes a whole number from 0 to 100, not “5000”."));
        row("server name with a space", {QStringLiteral("--server-names"), QStringLiteral("ghes.example,bad host")},
            QStringLiteral("--server-names takes distinct host names separated by commas, such as "
                           "ghes.example.com,127.0.0.1, not “bad host”."));
        row("same server name twice", {QStringLiteral("--server-names"), QStringLiteral("a.example,A.example")},
            QStringLiteral("not “A.example”."));
        row("more names than servers",
            {QStringLiteral("--servers"), QStringLiteral("1"), QStringLiteral("--server-names"),
                QStringLiteral("a.example,b.example")},
            QStringLiteral("--server-names names 2 servers, but the lab has 1 server."));
        row("port out of range", {QStringLiteral("--port"), QStringLiteral("70000")},
            QStringLiteral("--port takes a whole number from 0 to 65535"));
        row("seed not a number", {QStringLiteral("--seed"), QStringLiteral("abc")},
            QStringLiteral("--seed takes a whole number from 0 to 4294967295"));
        row("unknown token fault", {QStringLiteral("--token-fault"), QStringLiteral("maybe")},
            QStringLiteral("--token-fault takes one of bad, expired, sso, missing-scope, not “maybe”."));
        row("unknown page links", {QStringLiteral("--page-links"), QStringLiteral("pages")},
            QStringLiteral("--page-links takes one of numbered, no-last, cursors, not “pages”."));
        row("secondary status",
            {QStringLiteral("--secondary-limit"), QStringLiteral("5/10"), QStringLiteral("--secondary-status"),
                QStringLiteral("500")},
            QStringLiteral("--secondary-status takes one of 403, 429, not “500”."));
        row("retry-after alone", {QStringLiteral("--no-retry-after")},
            QStringLiteral("--no-retry-after only works together with --secondary-limit."));
        row("error retry-after alone", {QStringLiteral("--error-retry-after"), QStringLiteral("5")},
            QStringLiteral("--error-retry-after only works together with --error-rate or --fail-next."));
        row("retry-after date alone", {QStringLiteral("--retry-after-date")},
            QStringLiteral("--retry-after-date only works together with --secondary-limit or --error-retry-after."));
        row("error status alone", {QStringLiteral("--error-status"), QStringLiteral("503")},
            QStringLiteral("--error-status only works together with --error-rate or --fail-next."));
        row("error status not 5xx",
            {QStringLiteral("--error-rate"), QStringLiteral("0.1"), QStringLiteral("--error-status"),
                QStringLiteral("404")},
            QStringLiteral("--error-status takes a whole number from 500 to 599, not “404”."));
        row("forced 200", {QStringLiteral("--forced-status"), QStringLiteral("200")},
            QStringLiteral("--forced-status takes a whole number from 400 to 599"));
        row("address", {QStringLiteral("--address"), QStringLiteral("nowhere")},
            QStringLiteral("--address takes an IP address such as 127.0.0.1, not “nowhere”."));
        row("redirect", {QStringLiteral("--redirect-to"), QStringLiteral("ftp://example.com")},
            QStringLiteral("--redirect-to takes an http:// or https:// URL with a host"));
        row("enterprise", {QStringLiteral("--enterprise"), QStringLiteral("two words")},
            QStringLiteral("--enterprise takes letters, digits and inner hyphens"));
        row("token with a space", {QStringLiteral("--token"), QStringLiteral("a b")},
            QStringLiteral("--token takes printable ASCII characters without spaces."));
        row("empty sync error", {QStringLiteral("--sync-error"), QStringLiteral(" ")},
            QStringLiteral("--sync-error takes a text that is not empty."));
        row("history of no days", {QStringLiteral("--history-days"), QStringLiteral("0")},
            QStringLiteral("--history-days takes a whole number from 1 to 3660"));
        row("negative extra emails", {QStringLiteral("--extra-emails-every"), QStringLiteral("-2")},
            QStringLiteral("--extra-emails-every takes a whole number from 0"));
        row("unknown option", {QStringLiteral("--bogus")}, QStringLiteral("bogus"));
    }
    void shouldRefuseBadValues()
    {
        QFETCH(QStringList, args);
        QFETCH(QString, message);
        for (const Program &program : {standalone(), cli()}) {
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(program.path, program.prefix + args);
            QVERIFY(process.waitForFinished(30000));
            const QString out = QString::fromUtf8(process.readAllStandardOutput());
            const QString err = QString::fromUtf8(process.readAllStandardError());
            QCOMPARE(process.exitStatus(), QProcess::NormalExit);
            QCOMPARE(process.exitCode(), 2); // a usage error, also for the standalone lab
            QVERIFY2(err.contains(message), qPrintable(program.path + QLatin1String(": ") + err));
            QVERIFY2(err.contains(QLatin1String("--help")), qPrintable(err));
            QVERIFY2(!out.contains(QLatin1String("URL:")), qPrintable(out));
        }
    }

    void shouldListEveryOptionInTheHelp()
    {
        for (const Program &program : {standalone(), cli()}) {
            QProcess process;
            process.setProcessEnvironment(environment());
            process.start(program.path, program.prefix + QStringList{QStringLiteral("--help")});
            QVERIFY(process.waitForFinished(30000));
            QCOMPARE(process.exitCode(), 0);
            const QString help = QString::fromUtf8(process.readAllStandardOutput());
            for (const char *option :
                {"--port", "--address", "--tls", "--token", "--enterprise", "--github-like", "--seed", "--users",
                    "--servers", "--seats", "--mismatched-share", "--vs-share", "--server-user-share",
                    "--server-only-share", "--pending-invite-share", "--suspended-share", "--plain-users",
                    "--sync-duration-ms", "--latency-ms", "--error-rate", "--fail-next", "--error-status",
                    "--error-retry-after", "--retry-after-date", "--primary-limit", "--secondary-limit",
                    "--secondary-status", "--no-retry-after", "--truncated-rate", "--token-fault", "--forced-status",
                    "--page-links", "--redirect-to", "--sync-error", "--graphql-error", "--graphql-rate-limited",
                    "--extra-emails-every", "--history-days", "--recent-join-share", "/_lab/status"}) {
                QVERIFY2(help.contains(QLatin1String(option)), option);
            }
            QVERIFY2(help.contains(QLatin1String("(default: 0.05)")), qPrintable(help));
        }
    }
};

QTEST_GUILESS_MAIN(LabCommandLineTest)
#include "labcommandlinetest.moc"
