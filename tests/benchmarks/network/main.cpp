// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// glc-bench-network: the consumed-licenses fetch against the standalone ghe-license-lab, concurrent
// against a strictly sequential page walk, under a secondary rate limit, and the page reader's
// throughput beside jq. Not a timed test; --smoke is a tiny correctness run for ctest.
#include "github/consumedlicensesjob.h"
#include "github/githubclient.h"
#include "github/requestscheduler.h"
#include "licensing/githubjson.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <sys/resource.h>

#include <cstdio>
#include <memory>
#include <optional>

using namespace Glc;

namespace {
struct Settings
{
    int users = 100000;
    int latencyMs = 25;
    int concurrency = 8;
    QString secondary = QStringLiteral("120/10");
    int parseSeconds = 2;
    int jqRuns = 50;
    QString labProgram;
};

/// The standalone lab as a child process.
class LabProcess
{
public:
    bool start(const Settings &settings, const QString &secondary, QString *error)
    {
        QStringList args{QStringLiteral("--port"), QStringLiteral("0"), QStringLiteral("--users"),
            QString::number(settings.users), QStringLiteral("--servers"), QStringLiteral("0"),
            QStringLiteral("--plain-users"), QStringLiteral("--seed"), QStringLiteral("7"),
            QStringLiteral("--latency-ms"), QString::number(settings.latencyMs)};
        if (!secondary.isEmpty()) {
            args << QStringLiteral("--secondary-limit") << secondary;
        }
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("LANGUAGE"), QStringLiteral("en")); // its output is parsed
        m_process.setProcessEnvironment(env);
        m_process.start(settings.labProgram, args);
        if (!m_process.waitForStarted(10000)) {
            *error = m_process.errorString();
            return false;
        }
        QByteArray out;
        static const QRegularExpression url(QStringLiteral("URL: (\\S+)"));
        static const QRegularExpression token(QStringLiteral("Token: (\\S+)"));
        while (!out.contains("Consumed licenses:")) {
            if (!m_process.waitForReadyRead(120000)) {
                *error = QStringLiteral("the lab printed no URL: ") + QString::fromLocal8Bit(out) +
                    QString::fromLocal8Bit(m_process.readAllStandardError());
                return false;
            }
            out += m_process.readAllStandardOutput();
        }
        const QString text = QString::fromUtf8(out);
        m_url = QUrl(url.match(text).captured(1));
        m_token = token.match(text).captured(1);
        if (!m_url.isValid() || m_token.isEmpty()) {
            *error = QStringLiteral("cannot parse the lab's output: ") + text;
            return false;
        }
        return true;
    }
    ~LabProcess()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.terminate();
            if (!m_process.waitForFinished(5000)) {
                m_process.kill();
                m_process.waitForFinished(5000);
            }
        }
    }
    Connection connection() const
    {
        Connection connection;
        connection.id = QStringLiteral("bench");
        connection.kind = Connection::Kind::Lab;
        connection.enterpriseSlug = QStringLiteral("lab");
        connection.labUrl = m_url;
        return connection;
    }
    QString token() const { return m_token; }
    /// The lab's own counters (GET /_lab/status), e.g. sent_while_budget_spent; empty when unreadable.
    QJsonObject counters() const
    {
        QNetworkAccessManager manager;
        QUrl url = m_url;
        url.setPath(QStringLiteral("/_lab/status"));
        QNetworkRequest request(url);
        request.setRawHeader("Authorization", "Bearer " + m_token.toLatin1());
        std::unique_ptr<QNetworkReply> reply(manager.get(request));
        QEventLoop loop;
        QObject::connect(reply.get(), &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(10000, &loop, &QEventLoop::quit);
        if (!reply->isFinished()) {
            loop.exec();
        }
        return QJsonDocument::fromJson(reply->readAll()).object().value(QLatin1String("counters")).toObject();
    }

private:
    QProcess m_process;
    QUrl m_url;
    QString m_token;
};

struct FetchResult
{
    bool ok = false;
    QString error;
    qint64 ms = 0;
    qint64 users = 0;
    qint64 uniqueLogins = 0;
    qint64 requests = 0;
    qint64 retries = 0;
    qint64 sentWhileSpent = -1; ///< counted by the lab; -1: not read
};

void countUsers(const QList<ConsumedLicense> &users, FetchResult *result)
{
    QSet<QString> logins;
    logins.reserve(users.size());
    for (const ConsumedLicense &user : users) {
        if (!user.githubComLogin.isEmpty()) {
            logins.insert(user.githubComLogin);
        }
    }
    result->users = users.size();
    result->uniqueLogins = logins.size();
}

/// The console's fetch: GitHubClient with the given concurrency.
FetchResult fetchConcurrent(const LabProcess &lab, int concurrency)
{
    GitHubClientOptions options;
    options.concurrency = concurrency;
    GitHubClient client(lab.connection(), lab.token(), options);
    QElapsedTimer clock;
    clock.start();
    std::unique_ptr<ConsumedLicensesJob> job(client.fetchConsumedLicenses());
    QEventLoop loop;
    QObject::connect(job.get(), &GitHubJob::finished, &loop, &QEventLoop::quit);
    if (!job->isFinished()) {
        loop.exec();
    }
    FetchResult result;
    result.ms = clock.elapsed();
    result.ok = !job->error().isError();
    result.error = job->error().message();
    countUsers(job->result().users, &result);
    result.requests = client.scheduler()->requestsSent();
    result.retries = client.scheduler()->retries();
    // Measured where it can fail: the lab counts requests that arrive while it has announced the budget
    // spent (after x-ratelimit-remaining 0 until the reset, inside a secondary limit's retry-after).
    result.sentWhileSpent = lab.counters().value(QLatin1String("sent_while_budget_spent")).toInteger(-1);
    return result;
}

QUrl firstPage(const LabProcess &lab)
{
    QUrl url = lab.connection().restBase();
    url.setPath(QStringLiteral("/enterprises/lab/consumed-licenses"));
    url.setQuery(QStringLiteral("per_page=100&page=1"));
    return url;
}

/// The baseline: one request at a time, each page's Link "next" naming the following one.
FetchResult fetchSequential(const LabProcess &lab, QByteArray *samplePage = nullptr)
{
    GitHubClientOptions options;
    options.concurrency = 1;
    RequestScheduler scheduler(options, lab.token(), lab.connection().restBase());
    QObject owner;
    QEventLoop loop;
    QList<ConsumedLicense> users;
    FetchResult result;
    std::function<void(const HttpResult &)> onPage = [&](const HttpResult &http) {
        if (http.error.isError()) {
            result.error = http.error.message();
            loop.quit();
            return;
        }
        if (samplePage && samplePage->isEmpty()) {
            *samplePage = http.body;
        }
        auto read = GitHubJson::readConsumedLicenses(http.body);
        users.append(std::move(read.value.users));
        const auto links = ConsumedLicensesJob::parseLinkHeader(http.headers.value("link"));
        if (!links.contains("next")) {
            result.ok = true;
            loop.quit();
            return;
        }
        scheduler.submit(&owner, links.value("next"), "GET", {}, onPage);
    };
    QElapsedTimer clock;
    clock.start();
    scheduler.submit(&owner, firstPage(lab), "GET", {}, onPage);
    loop.exec();
    result.ms = clock.elapsed();
    countUsers(users, &result);
    result.requests = scheduler.requestsSent();
    return result;
}

qint64 peakRssKiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss; // KiB on Linux
}

struct Row
{
    QString what;
    QString value;
};
QList<Row> s_rows;
void row(const QString &what, const QString &value)
{
    s_rows.append({what, value});
    std::printf("  %-58s %s\n", qPrintable(what), qPrintable(value));
    std::fflush(stdout);
}

QString seconds(qint64 ms)
{
    return QString::number(ms / 1000.0, 'f', 2) + QStringLiteral(" s");
}

bool check(bool condition, const QString &what, int *failures)
{
    if (!condition) {
        std::fprintf(stderr, "FAIL: %s\n", qPrintable(what));
        ++*failures;
    }
    return condition;
}
} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    QCommandLineParser parser;
    parser.addHelpOption();
    const QCommandLineOption smoke(
        QStringLiteral("smoke"), QStringLiteral("Tiny correctness run (1,000 users, no latency, 5/2 secondary)."));
    const QCommandLineOption users(QStringLiteral("users"), QStringLiteral("Users in the lab."), QStringLiteral("n"));
    const QCommandLineOption latency(
        QStringLiteral("latency-ms"), QStringLiteral("Lab latency per request."), QStringLiteral("ms"));
    const QCommandLineOption concurrency(
        QStringLiteral("concurrency"), QStringLiteral("Client concurrency (1..16)."), QStringLiteral("n"));
    const QCommandLineOption secondary(QStringLiteral("secondary-limit"),
        QStringLiteral("Lab secondary limit N/S for the third run; 'off' skips it."), QStringLiteral("N/S"));
    const QCommandLineOption lab(
        QStringLiteral("lab"), QStringLiteral("ghe-license-lab executable."), QStringLiteral("path"));
    parser.addOptions({smoke, users, latency, concurrency, secondary, lab});
    parser.process(app);

    Settings settings;
    if (parser.isSet(smoke)) {
        settings.users = 1000;
        settings.latencyMs = 0;
        settings.secondary = QStringLiteral("5/2");
        settings.parseSeconds = 0;
        settings.jqRuns = 3;
    }
    if (parser.isSet(users)) {
        settings.users = parser.value(users).toInt();
    }
    if (parser.isSet(latency)) {
        settings.latencyMs = parser.value(latency).toInt();
    }
    if (parser.isSet(concurrency)) {
        settings.concurrency = std::clamp(parser.value(concurrency).toInt(), 1, 16);
    }
    if (parser.isSet(secondary)) {
        settings.secondary = parser.value(secondary);
    }
    settings.labProgram = parser.isSet(lab)
        ? parser.value(lab)
        : QCoreApplication::applicationDirPath() + QStringLiteral("/ghe-license-lab");
    const int pages = (settings.users + 99) / 100;
    int failures = 0;

    std::printf("glc-bench-network: %d users (%d pages of 100), %d ms latency per request, concurrency %d\n\n",
        settings.users, pages, settings.latencyMs, settings.concurrency);

    // 1. Concurrent fetch against a strictly sequential walk, over the same lab process.
    QString error;
    FetchResult sequential;
    FetchResult concurrent;
    QByteArray page;
    {
        LabProcess process;
        if (!process.start(settings, QString(), &error)) {
            std::fprintf(stderr, "FAIL: cannot start %s: %s\n", qPrintable(settings.labProgram), qPrintable(error));
            return 1;
        }
        concurrent = fetchConcurrent(process, settings.concurrency);
        const qint64 rssAfterConcurrent = peakRssKiB();
        sequential = fetchSequential(process, &page);
        check(concurrent.ok, QStringLiteral("concurrent fetch: ") + concurrent.error, &failures);
        check(sequential.ok, QStringLiteral("sequential walk: ") + sequential.error, &failures);
        check(concurrent.users == settings.users && concurrent.uniqueLogins == settings.users,
            QStringLiteral("concurrent fetch: every user exactly once"), &failures);
        check(sequential.users == settings.users && sequential.uniqueLogins == settings.users,
            QStringLiteral("sequential walk: every user exactly once"), &failures);
        const double speedUp = concurrent.ms > 0 ? double(sequential.ms) / double(concurrent.ms) : 0;
        const double ideal = double(sequential.ms) / settings.concurrency;
        const double ofIdeal = concurrent.ms > 0 ? 100.0 * ideal / double(concurrent.ms) : 0;
        row(QStringLiteral("Sequential walk (concurrency 1, Link next)"),
            seconds(sequential.ms) + QStringLiteral(", %1 requests").arg(sequential.requests));
        row(QStringLiteral("Concurrent fetch (GitHubClient, concurrency %1)").arg(settings.concurrency),
            seconds(concurrent.ms) + QStringLiteral(", %1 requests").arg(concurrent.requests));
        row(QStringLiteral("Speed-up (target >= 6x)"), QString::number(speedUp, 'f', 2) + QStringLiteral("x"));
        row(QStringLiteral("Share of ideal = (sequential / %1) / concurrent (target >= 85%)").arg(settings.concurrency),
            QString::number(ofIdeal, 'f', 1) + QStringLiteral(" %"));
        row(QStringLiteral("Users (total / unique logins), concurrent"),
            QStringLiteral("%1 / %2").arg(concurrent.users).arg(concurrent.uniqueLogins));
        row(QStringLiteral("Users (total / unique logins), sequential"),
            QStringLiteral("%1 / %2").arg(sequential.users).arg(sequential.uniqueLogins));
        row(QStringLiteral("Peak RSS after the concurrent fetch"),
            QString::number(rssAfterConcurrent / 1024.0, 'f', 1) + QStringLiteral(" MiB"));
        if (!parser.isSet(smoke) && settings.latencyMs > 0) {
            check(speedUp >= 6.0, QStringLiteral("speed-up below 6x"), &failures);
            check(ofIdeal >= 85.0, QStringLiteral("below 85% of ideal"), &failures);
        }
    }

    // 2. The same fetch under the lab's secondary rate limit.
    if (settings.secondary != QLatin1String("off")) {
        LabProcess process;
        if (!process.start(settings, settings.secondary, &error)) {
            std::fprintf(stderr, "FAIL: cannot start the lab: %s\n", qPrintable(error));
            return 1;
        }
        const FetchResult limited = fetchConcurrent(process, settings.concurrency);
        check(limited.ok, QStringLiteral("secondary-limit fetch: ") + limited.error, &failures);
        check(limited.users == settings.users && limited.uniqueLogins == settings.users,
            QStringLiteral("secondary-limit fetch: every user exactly once"), &failures);
        check(limited.sentWhileSpent == 0,
            QStringLiteral("the lab received %1 requests while the budget was known spent").arg(limited.sentWhileSpent),
            &failures);
        check(limited.retries > 0 || pages <= settings.secondary.section(QLatin1Char('/'), 0, 0).toInt(),
            QStringLiteral("the secondary limit was never hit"), &failures);
        row(QStringLiteral("Concurrent fetch, secondary limit %1").arg(settings.secondary),
            seconds(limited.ms) +
                QStringLiteral(", %1 requests, %2 retried").arg(limited.requests).arg(limited.retries));
        row(QStringLiteral("  users (total / unique), sent while budget spent (lab's count)"),
            QStringLiteral("%1 / %2, %3").arg(limited.users).arg(limited.uniqueLogins).arg(limited.sentWhileSpent));
    }

    // 3. Reading one 100-user page into typed values, beside jq on the same bytes.
    if (check(!page.isEmpty(), QStringLiteral("no sample page"), &failures)) {
        qint64 reps = 0;
        qint64 parsedUsers = 0;
        QElapsedTimer clock;
        clock.start();
        do {
            const auto read = GitHubJson::readConsumedLicenses(page);
            parsedUsers += read.value.users.size();
            ++reps;
        } while (clock.elapsed() < settings.parseSeconds * 1000LL || reps < 10);
        const double secs = clock.nsecsElapsed() / 1e9;
        check(parsedUsers == reps * 100 || settings.users < 100, QStringLiteral("page reader lost users"), &failures);
        const double mbps = double(page.size()) * reps / secs / 1e6;
        row(QStringLiteral("Page size"), QStringLiteral("%1 bytes, 100 users").arg(page.size()));
        row(QStringLiteral("GitHubJson::readConsumedLicenses"),
            QStringLiteral("%1 MB/s (%2 us per page, %3 pages)")
                .arg(mbps, 0, 'f', 1)
                .arg(secs * 1e6 / reps, 0, 'f', 1)
                .arg(reps));

        QTemporaryDir dir;
        const QString single = dir.filePath(QStringLiteral("page.json"));
        const QString stream = dir.filePath(QStringLiteral("pages.json"));
        QFile file(single);
        QFile many(stream);
        const int streamPages = std::max<qint64>(10, std::min<qint64>(reps, 2000));
        if (check(file.open(QIODevice::WriteOnly) && many.open(QIODevice::WriteOnly), QStringLiteral("temp files"),
                &failures)) {
            file.write(page);
            file.close();
            for (int i = 0; i < streamPages; ++i) {
                many.write(page);
                many.write("\n");
            }
            many.close();
            const QString jq = QStandardPaths::findExecutable(QStringLiteral("jq"));
            if (check(!jq.isEmpty(), QStringLiteral("jq is not installed"), &failures)) {
                auto runJq = [&jq](const QString &input) {
                    QProcess process;
                    process.setStandardOutputFile(QProcess::nullDevice());
                    process.start(jq, {QStringLiteral("-c"), QStringLiteral(".users[]"), input});
                    return process.waitForFinished(60000) && process.exitCode() == 0;
                };
                clock.restart();
                bool jqOk = true;
                for (int i = 0; i < settings.jqRuns; ++i) {
                    jqOk = runJq(single) && jqOk;
                }
                const double jqSecs = clock.nsecsElapsed() / 1e9;
                clock.restart();
                jqOk = runJq(stream) && jqOk;
                const double streamSecs = clock.nsecsElapsed() / 1e9;
                check(jqOk, QStringLiteral("jq failed"), &failures);
                row(QStringLiteral("jq -c '.users[]' page.json, one process per page"),
                    QStringLiteral("%1 MB/s (%2 ms per run, %3 runs)")
                        .arg(double(page.size()) * settings.jqRuns / jqSecs / 1e6, 0, 'f', 1)
                        .arg(jqSecs * 1e3 / settings.jqRuns, 0, 'f', 2)
                        .arg(settings.jqRuns));
                row(QStringLiteral("jq -c '.users[]' on %1 pages in one process").arg(streamPages),
                    QStringLiteral("%1 MB/s (%2 us per page)")
                        .arg(double(page.size()) * streamPages / streamSecs / 1e6, 0, 'f', 1)
                        .arg(streamSecs * 1e6 / streamPages, 0, 'f', 1));
            }
        }
    }
    row(QStringLiteral("Peak RSS of the benchmark (whole run)"),
        QString::number(peakRssKiB() / 1024.0, 'f', 1) + QStringLiteral(" MiB"));

    std::printf("\n%s\n", failures == 0 ? "RESULT: ok" : "RESULT: FAILED");
    return failures == 0 ? 0 : 1;
}
