// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "installationsjob.h"

#include "github/requestscheduler.h"
#include "glc_debug.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace Glc {
namespace {
const QLatin1String s_emailFields("nodes { email isPrimary } pageInfo { hasNextPage endCursor }");

// GitHub lists an account's emails by address (EMAIL ASC), so its primary one may come after the first page.
QString accountFields()
{
    return QLatin1String("totalCount nodes { id login remoteUserId isSiteAdmin profileName remoteCreatedAt "
                         "emails(first: $emailsFirst) { ") +
        s_emailFields + QLatin1String(" } } pageInfo { hasNextPage endCursor }");
}

// Newest first, so that the first page holds the server's last upload (GitHub's default order is oldest first).
QString uploadsField(QLatin1String arguments)
{
    return QLatin1String("userAccountsUploads(") + arguments +
        QLatin1String(", orderBy: {field: CREATED_AT, direction: DESC}) { nodes { name syncState createdAt updatedAt "
                      "} pageInfo { hasNextPage endCursor } }");
}

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
        QLatin1String("query($slug: String!, $first: Int!, $after: String, $uploadsFirst: Int!, $accountsFirst: Int!, "
                      "$emailsFirst: Int!, $connectedOnly: Boolean) { enterprise(slug: $slug) { ownerInfo { "
                      "enterpriseServerInstallations(first: $first, after: $after, connectedOnly: $connectedOnly) { "
                      "nodes { id hostName customerName isConnected createdAt updatedAt ") +
        uploadsField(QLatin1String("first: $uploadsFirst")) + QLatin1String(" userAccounts(first: $accountsFirst) { ") +
        accountFields() + QLatin1String(" } } pageInfo { hasNextPage endCursor } } } } }");
    QJsonObject variables{{QStringLiteral("slug"), m_slug}, {QStringLiteral("first"), InstallationsPerPage},
        {QStringLiteral("uploadsFirst"), UploadsPerInstallation}, {QStringLiteral("accountsFirst"), AccountsPerPage},
        {QStringLiteral("emailsFirst"), EmailsPerAccount}, {QStringLiteral("connectedOnly"), m_connectedOnly}};
    if (!after.isEmpty()) {
        variables.insert(QStringLiteral("after"), after);
    }
    m_scheduler->submit(this, m_url, "POST", graphQlBody(query, variables), [this, after](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readInstallationsPage(result.body);
        if (!acceptGraphQl(result, read)) {
            return;
        }
        ++m_pagesDone;
        const int base = int(m_result.size());
        for (int i = 0; i < read.value.installations.size(); ++i) {
            m_users += read.value.installations.at(i).userAccounts.size();
            m_result.append(read.value.installations.at(i));
        }
        for (int i = 0; i < read.value.installations.size(); ++i) {
            const GitHubJson::PageInfo accounts = read.value.userAccountsPageInfo.value(i);
            const GitHubJson::PageInfo uploads = read.value.uploadsPageInfo.value(i);
            if (!acceptNextPage(accounts, {}, QStringLiteral("userAccounts")) ||
                !acceptNextPage(uploads, {}, QStringLiteral("userAccountsUploads"))) {
                return;
            }
            if (accounts.hasNextPage) {
                requestAccounts(base + i, accounts.endCursor);
            }
            if (uploads.hasNextPage) {
                requestUploads(base + i, uploads.endCursor);
            }
        }
        followEmails(read.value.moreEmails, base, 0);
        if (isFinished() || !acceptNextPage(read.value.pageInfo, after, QStringLiteral("installations"))) {
            return;
        }
        reportProgress();
        if (read.value.pageInfo.hasNextPage) {
            requestInstallations(read.value.pageInfo.endCursor);
        } else {
            m_installationsDone = true;
            checkDone();
        }
    });
}

template<typename T>
bool InstallationsJob::acceptInstallationPage(const HttpResult &result, const GitHubJson::ReadResult<T> &read)
{
    if (!acceptGraphQl(result, read)) {
        return false;
    }
    ++m_pagesDone;
    if (read.value.gone) {
        // Removed from the enterprise since it was listed: what was read of it stays.
        qCInfo(GLC_CORE) << "an Enterprise Server installation was removed during the refresh";
        return false;
    }
    return true;
}

void InstallationsJob::requestAccounts(int installation, const QString &after)
{
    const QString query = QLatin1String("query($id: ID!, $after: String, $accountsFirst: Int!, $emailsFirst: Int!) { "
                                        "node(id: $id) { ... on EnterpriseServerInstallation { userAccounts(first: "
                                        "$accountsFirst, after: $after) { ") +
        accountFields() + QLatin1String(" } } } }");
    const QJsonObject variables{{QStringLiteral("id"), m_result.at(installation).id}, {QStringLiteral("after"), after},
        {QStringLiteral("accountsFirst"), AccountsPerPage}, {QStringLiteral("emailsFirst"), EmailsPerAccount}};
    submitFollowUp(graphQlBody(query, variables), [this, installation, after](const HttpResult &result) {
        auto read = GitHubJson::readUserAccountsPage(result.body);
        if (!acceptInstallationPage(result, read)) {
            return;
        }
        QList<ServerUserAccount> &accounts = m_result[installation].userAccounts;
        const int base = int(accounts.size());
        m_users += read.value.userAccounts.size();
        accounts.append(read.value.userAccounts);
        followEmails(read.value.moreEmails, installation, base);
        if (isFinished() || !acceptNextPage(read.value.pageInfo, after, QStringLiteral("userAccounts"))) {
            return;
        }
        if (read.value.pageInfo.hasNextPage) {
            requestAccounts(installation, read.value.pageInfo.endCursor);
        }
    });
}

void InstallationsJob::requestUploads(int installation, const QString &after)
{
    const QString query = QLatin1String("query($id: ID!, $after: String, $uploadsFirst: Int!) { node(id: $id) { ... on "
                                        "EnterpriseServerInstallation { ") +
        uploadsField(QLatin1String("first: $uploadsFirst, after: $after")) + QLatin1String(" } } }");
    const QJsonObject variables{{QStringLiteral("id"), m_result.at(installation).id}, {QStringLiteral("after"), after},
        {QStringLiteral("uploadsFirst"), UploadsPerPage}};
    submitFollowUp(graphQlBody(query, variables), [this, installation, after](const HttpResult &result) {
        auto read = GitHubJson::readUserAccountsUploadsPage(result.body);
        if (!acceptInstallationPage(result, read)) {
            return;
        }
        QList<UserAccountsUpload> &uploads = m_result[installation].uploads;
        uploads.append(read.value.uploads);
        GitHubJson::sortNewestFirst(&uploads);
        if (!acceptNextPage(read.value.pageInfo, after, QStringLiteral("userAccountsUploads"))) {
            return;
        }
        if (read.value.pageInfo.hasNextPage) {
            requestUploads(installation, read.value.pageInfo.endCursor);
        }
    });
}

void InstallationsJob::followEmails(
    const QList<GitHubJson::MoreEmails> &moreEmails, int installationBase, int accountBase)
{
    for (const GitHubJson::MoreEmails &more : moreEmails) {
        if (more.accountId.isEmpty()) {
            // Without the account's node id its further emails cannot be asked for.
            GitHubError error(GitHubError::Kind::Malformed);
            error.url = m_url.toDisplayString(QUrl::RemoveUserInfo);
            error.serverMessage = QStringLiteral("a user account with more emails came without its id");
            finish(error);
            return;
        }
        if (!acceptNextPage(more.emailsPageInfo, {}, QStringLiteral("emails"))) {
            return;
        }
        m_emailsToFetch.append({installationBase + more.installation, accountBase + more.account, more.accountId,
            more.emailsPageInfo.endCursor});
    }
    requestPendingEmails();
}

void InstallationsJob::requestPendingEmails()
{
    while (!m_emailsToFetch.isEmpty()) {
        const qsizetype count = std::min<qsizetype>(m_emailsToFetch.size(), EmailAccountsPerRequest);
        requestEmails(m_emailsToFetch.first(count));
        m_emailsToFetch.remove(0, count);
    }
}

void InstallationsJob::requestEmails(const QList<EmailsToFetch> &accounts)
{
    // a0: node(id: $id0) { ... } a1: node(id: $id1) { ... }: GitHub answers each alias by its name.
    QString declarations = QStringLiteral("$emailsFirst: Int!");
    QString selections;
    QStringList aliases;
    QJsonObject variables{{QStringLiteral("emailsFirst"), EmailsPerPage}};
    for (qsizetype i = 0; i < accounts.size(); ++i) {
        const QString n = QString::number(i);
        aliases.append(QLatin1Char('a') + n);
        declarations += QStringLiteral(", $id%1: ID!, $after%1: String").arg(n);
        selections += QStringLiteral(" a%1: node(id: $id%1) { ... on EnterpriseServerUserAccount { emails(first: "
                                     "$emailsFirst, after: $after%1) { %2 } } }")
                          .arg(n, s_emailFields);
        variables.insert(QLatin1String("id") + n, accounts.at(i).accountId);
        variables.insert(QLatin1String("after") + n, accounts.at(i).after);
    }
    const QString query = QStringLiteral("query(%1) {%2 }").arg(declarations, selections);
    submitFollowUp(graphQlBody(query, variables), [this, accounts, aliases](const HttpResult &result) {
        auto read = GitHubJson::readUserAccountEmailsPages(result.body, aliases);
        if (!acceptGraphQl(result, read)) {
            return;
        }
        ++m_pagesDone;
        for (qsizetype i = 0; i < accounts.size(); ++i) {
            const EmailsToFetch &asked = accounts.at(i);
            const GitHubJson::UserAccountEmailsPage &page = read.value.at(i);
            if (page.gone) {
                // Deleted since it was listed (a sync or an upload in between): the e-mails read with the
                // account stay, the rest of the refresh goes on.
                ++m_accountsGone;
                qCInfo(GLC_CORE) << "a server account was deleted during the refresh";
                continue;
            }
            m_result[asked.installation].userAccounts[asked.account].emails.append(page.emails);
            if (!acceptNextPage(page.pageInfo, asked.after, QStringLiteral("emails"))) {
                return;
            }
            if (page.pageInfo.hasNextPage) {
                m_emailsToFetch.append({asked.installation, asked.account, asked.accountId, page.pageInfo.endCursor});
            }
        }
        requestPendingEmails();
    });
}

void InstallationsJob::submitFollowUp(const QByteArray &body, std::function<void(const HttpResult &)> done)
{
    ++m_followUpsRunning;
    m_scheduler->submit(this, m_url, "POST", body, [this, done = std::move(done)](const HttpResult &result) {
        --m_followUpsRunning;
        if (!acceptHttp(result)) {
            return;
        }
        done(result);
        if (isFinished()) {
            return;
        }
        reportProgress();
        checkDone();
    });
}

bool InstallationsJob::acceptNextPage(const GitHubJson::PageInfo &info, const QString &after, const QString &what)
{
    if (!info.hasNextPage || (!info.endCursor.isEmpty() && info.endCursor != after)) {
        return true;
    }
    GitHubError error(GitHubError::Kind::Malformed);
    error.url = m_url.toDisplayString(QUrl::RemoveUserInfo);
    error.serverMessage = QStringLiteral("%1: hasNextPage without a new endCursor").arg(what);
    finish(error);
    return false;
}

void InstallationsJob::reportProgress()
{
    Q_EMIT progress(m_pagesDone, m_pagesDone + m_followUpsRunning, m_users);
}

void InstallationsJob::checkDone()
{
    if (m_installationsDone && m_followUpsRunning == 0) {
        finish();
    }
}
} // namespace Glc
