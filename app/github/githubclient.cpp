// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githubclient.h"

#include "github/requestscheduler.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkProxyFactory>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrlQuery>

namespace Glc {
namespace {
const QLatin1String s_accountFields(
    "totalCount nodes { login remoteUserId isSiteAdmin profileName remoteCreatedAt emails(first: 10) { nodes { email "
    "isPrimary } } } pageInfo { hasNextPage endCursor }");

QHash<QByteArray, QUrl> parseLinks(const QByteArray &header)
{
    // <url>; rel="next", <url>; rel="last"
    QHash<QByteArray, QUrl> links;
    static const QRegularExpression pattern(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\""));
    auto it = pattern.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto match = it.next();
        links.insert(match.captured(2).toLatin1(), QUrl(match.captured(1)));
    }
    return links;
}

QByteArray graphQlBody(const QString &query, const QJsonObject &variables)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("variables"), variables}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

ConsumedLicensesJob::ConsumedLicensesJob(RequestScheduler *scheduler, const QUrl &firstPage, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_firstPage(firstPage)
{
}

QUrl ConsumedLicensesJob::pageUrl(int page) const
{
    QUrl url = m_firstPage;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("page"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    url.setQuery(query);
    return url;
}

void ConsumedLicensesJob::start()
{
    m_pages.resize(1);
    m_scheduler->submit(this, pageUrl(1), "GET", {}, [this](const HttpResult &result) { onPage(1, result); });
}

void ConsumedLicensesJob::onPage(int page, const HttpResult &result)
{
    if (!acceptHttp(result)) {
        return;
    }
    auto read = GitHubJson::readConsumedLicenses(result.body);
    if (!acceptRead(read.error, read.errorDetail, read.stats)) {
        return;
    }
    if (page == 1) {
        m_report.totalSeatsConsumed = read.value.totalSeatsConsumed;
        m_report.totalSeatsPurchased = read.value.totalSeatsPurchased;
        const auto links = parseLinks(result.headers.value("link"));
        if (links.contains("last")) {
            m_pagesTotal = std::max(1, QUrlQuery(links.value("last")).queryItemValue(QStringLiteral("page")).toInt());
            m_pages.resize(m_pagesTotal);
            for (int next = 2; next <= m_pagesTotal; ++next) {
                m_scheduler->submit(
                    this, pageUrl(next), "GET", {}, [this, next](const HttpResult &r) { onPage(next, r); });
            }
        } else if (links.contains("next")) {
            m_sequential = true;
        }
    }
    m_users += read.value.users.size();
    if (page > m_pages.size()) {
        m_pages.resize(page);
    }
    m_pages[page - 1] = std::move(read.value.users);
    ++m_pagesDone;
    if (m_sequential) {
        // No "last": walk "next" one page at a time.
        const auto links = parseLinks(result.headers.value("link"));
        if (links.contains("next")) {
            m_pagesTotal = page + 1;
            const int next = page + 1;
            Q_EMIT progress(m_pagesDone, m_pagesTotal, m_users);
            m_scheduler->submit(
                this, links.value("next"), "GET", {}, [this, next](const HttpResult &r) { onPage(next, r); });
            return;
        }
        m_pagesTotal = page;
    }
    Q_EMIT progress(m_pagesDone, m_pagesTotal, m_users);
    if (m_pagesDone == m_pagesTotal) {
        m_report.users.reserve(m_users);
        for (QList<ConsumedLicense> &users : m_pages) {
            m_report.users.append(std::move(users));
        }
        m_pages.clear();
        finish();
    }
}

LicenseSyncStatusJob::LicenseSyncStatusJob(RequestScheduler *scheduler, const QUrl &url, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_url(url)
{
}

void LicenseSyncStatusJob::start()
{
    m_scheduler->submit(this, m_url, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readLicenseSyncStatus(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        m_result = std::move(read.value);
        Q_EMIT progress(1, 1, 0);
        finish();
    });
}

ServerLicenseJob::ServerLicenseJob(
    RequestScheduler *scheduler, const QUrl &licenseUrl, const QUrl &metaUrl, const QString &host, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_licenseUrl(licenseUrl)
    , m_metaUrl(metaUrl)
{
    m_result.hostname = host;
}

void ServerLicenseJob::start()
{
    m_scheduler->submit(this, m_licenseUrl, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readServerLicense(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        const QString version = m_result.installedVersion;
        const QString host = m_result.hostname;
        m_result = read.value;
        m_result.installedVersion = version;
        m_result.hostname = host;
        Q_EMIT progress(++m_done, 2, 0);
        if (m_done == 2) {
            finish();
        }
    });
    m_scheduler->submit(this, m_metaUrl, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readMetaInstalledVersion(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        m_result.installedVersion = read.value;
        Q_EMIT progress(++m_done, 2, 0);
        if (m_done == 2) {
            finish();
        }
    });
}

InstallationsJob::InstallationsJob(
    RequestScheduler *scheduler, const QUrl &url, const QString &slug, bool connectedOnly, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_url(url)
    , m_slug(slug)
    , m_connectedOnly(connectedOnly)
{
}

void InstallationsJob::start()
{
    requestInstallations({});
}

void InstallationsJob::requestInstallations(const QString &after)
{
    const QString query =
        QLatin1String("query($slug: String!, $first: Int!, $after: String, $accountsFirst: Int!, $connectedOnly: "
                      "Boolean) { enterprise(slug: $slug) { ownerInfo { enterpriseServerInstallations(first: "
                      "$first, after: $after, connectedOnly: $connectedOnly) { nodes { id hostName customerName "
                      "isConnected createdAt updatedAt userAccountsUploads(first: 10) { nodes { name syncState "
                      "createdAt updatedAt } } userAccounts(first: $accountsFirst) { ") +
        s_accountFields + QLatin1String(" } } pageInfo { hasNextPage endCursor } } } } }");
    QJsonObject variables{{QStringLiteral("slug"), m_slug}, {QStringLiteral("first"), 10},
        {QStringLiteral("accountsFirst"), 100}, {QStringLiteral("connectedOnly"), m_connectedOnly}};
    if (!after.isEmpty()) {
        variables.insert(QStringLiteral("after"), after);
    }
    m_scheduler->submit(this, m_url, "POST", graphQlBody(query, variables), [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readInstallationsPage(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        ++m_pagesDone;
        for (int i = 0; i < read.value.installations.size(); ++i) {
            const int index = int(m_result.size());
            m_users += read.value.installations.at(i).userAccounts.size();
            m_result.append(read.value.installations.at(i));
            const GitHubJson::PageInfo info = read.value.userAccountsPageInfo.value(i);
            if (info.hasNextPage) {
                requestAccounts(index, info.endCursor);
            }
        }
        Q_EMIT progress(m_pagesDone, m_pagesDone + m_accountPagesRunning, m_users);
        if (read.value.pageInfo.hasNextPage) {
            requestInstallations(read.value.pageInfo.endCursor);
        } else {
            m_installationsDone = true;
            checkDone();
        }
    });
}

void InstallationsJob::requestAccounts(int index, const QString &after)
{
    ++m_accountPagesRunning;
    const QString query = QLatin1String("query($id: ID!, $after: String, $accountsFirst: Int!) { node(id: $id) { ... "
                                        "on EnterpriseServerInstallation { userAccounts(first: $accountsFirst, after: "
                                        "$after) { ") +
        s_accountFields + QLatin1String(" } } } }");
    const QJsonObject variables{{QStringLiteral("id"), m_result.at(index).id}, {QStringLiteral("after"), after},
        {QStringLiteral("accountsFirst"), 100}};
    m_scheduler->submit(this, m_url, "POST", graphQlBody(query, variables), [this, index](const HttpResult &result) {
        --m_accountPagesRunning;
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readUserAccountsPage(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        ++m_pagesDone;
        m_users += read.value.userAccounts.size();
        m_result[index].userAccounts.append(read.value.userAccounts);
        if (read.value.pageInfo.hasNextPage) {
            requestAccounts(index, read.value.pageInfo.endCursor);
        }
        Q_EMIT progress(m_pagesDone, m_pagesDone + m_accountPagesRunning, m_users);
        checkDone();
    });
}

void InstallationsJob::checkDone()
{
    if (m_installationsDone && m_accountPagesRunning == 0) {
        finish();
    }
}

GitHubClient::GitHubClient(
    const Connection &connection, const QString &token, const GitHubClientOptions &options, QObject *parent)
    : QObject(parent)
    , m_connection(connection)
    , m_options(options)
{
    if (!m_options.proxy) {
        QNetworkProxyFactory::setUseSystemConfiguration(true);
    }
    m_scheduler = new RequestScheduler(m_options, token, connection.restBase(), this);
    const QString caFile = m_options.caFile.isEmpty() ? connection.caFile : m_options.caFile;
    if (!caFile.isEmpty()) {
        // Added to the system's CAs: a private CA is trusted, every other check stays on.
        const QList<QSslCertificate> certificates = QSslCertificate::fromPath(caFile, QSsl::Pem);
        m_caLoaded = !certificates.isEmpty();
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.addCaCertificates(certificates);
        m_scheduler->setSslConfiguration(ssl);
    }
}

GitHubClient::~GitHubClient() = default;

QUrl GitHubClient::restUrl(const QString &path) const
{
    QUrl url = m_connection.restBase();
    QString basePath = url.path();
    if (basePath.endsWith(QLatin1Char('/'))) {
        basePath.chop(1);
    }
    const qsizetype q = path.indexOf(QLatin1Char('?'));
    url.setPath(basePath + (q < 0 ? path : path.left(q)));
    if (q >= 0) {
        url.setQuery(path.mid(q + 1));
    }
    return url;
}

ConsumedLicensesJob *GitHubClient::fetchConsumedLicenses()
{
    auto *job = new ConsumedLicensesJob(m_scheduler,
        restUrl(QStringLiteral("/enterprises/%1/consumed-licenses?per_page=%2")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.enterpriseSlug)))
                .arg(m_options.perPage)),
        this);
    job->start();
    return job;
}

LicenseSyncStatusJob *GitHubClient::fetchLicenseSyncStatus()
{
    auto *job = new LicenseSyncStatusJob(m_scheduler,
        restUrl(QStringLiteral("/enterprises/%1/license-sync-status")
                .arg(QString::fromLatin1(QUrl::toPercentEncoding(m_connection.enterpriseSlug)))),
        this);
    job->start();
    return job;
}

ServerLicenseJob *GitHubClient::fetchServerLicense()
{
    auto *job = new ServerLicenseJob(m_scheduler, restUrl(QStringLiteral("/enterprise/settings/license")),
        restUrl(QStringLiteral("/meta")),
        m_connection.serverHost.isEmpty() ? m_connection.restBase().host() : m_connection.serverHost, this);
    job->start();
    return job;
}

InstallationsJob *GitHubClient::fetchInstallations(bool connectedOnly)
{
    auto *job =
        new InstallationsJob(m_scheduler, m_connection.graphqlUrl(), m_connection.enterpriseSlug, connectedOnly, this);
    job->start();
    return job;
}
} // namespace Glc
