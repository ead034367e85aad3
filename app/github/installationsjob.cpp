// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "installationsjob.h"

#include "github/requestscheduler.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Glc {
namespace {
const QLatin1String s_accountFields(
    "totalCount nodes { login remoteUserId isSiteAdmin profileName remoteCreatedAt emails(first: 10) { nodes { email "
    "isPrimary } } } pageInfo { hasNextPage endCursor }");

QByteArray graphQlBody(const QString &query, const QJsonObject &variables)
{
    return QJsonDocument(QJsonObject{{QStringLiteral("query"), query}, {QStringLiteral("variables"), variables}})
        .toJson(QJsonDocument::Compact);
}
} // namespace

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
                      "isConnected createdAt updatedAt userAccountsUploads(first: 10, orderBy: {field: CREATED_AT, "
                      "direction: DESC}) { nodes { name syncState "
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
        if (!acceptGraphQl(result, read)) {
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
        if (!acceptGraphQl(result, read)) {
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
} // namespace Glc
