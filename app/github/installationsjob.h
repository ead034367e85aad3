// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubjob.h"

#include <functional>

namespace Glc {
class RequestScheduler;

/// GraphQL enterpriseServerInstallations with every upload and every user account with every email, all pages
/// by cursor: installations ten at a time, then each installation's further uploads and accounts through
/// node(id:), and the further emails of up to EmailAccountsPerRequest accounts per query (one aliased node(id:)
/// each).
class InstallationsJob : public GitHubJob
{
    Q_OBJECT
public:
    /// Installations per page (GitHub allows up to 100; each brings up to AccountsPerPage accounts with
    /// EmailsPerAccount emails each, which keeps a page far below GitHub's node limit).
    static constexpr int InstallationsPerPage = 10;
    static constexpr int AccountsPerPage = 100;
    /// Uploads that come with each installation (the newest); a server with more gets them in pages of
    /// UploadsPerPage.
    static constexpr int UploadsPerInstallation = 10;
    static constexpr int UploadsPerPage = 100;
    /// Emails that come with each account; an account with more gets them in pages of EmailsPerPage.
    static constexpr int EmailsPerAccount = 10;
    static constexpr int EmailsPerPage = 100;
    /// Accounts whose further emails one query asks for (at most EmailsPerPage each).
    static constexpr int EmailAccountsPerRequest = 25;

    InstallationsJob(
        RequestScheduler *scheduler, const QUrl &url, const QString &slug, bool connectedOnly, QObject *parent);
    const QList<EnterpriseServerInstallation> &result() const { return m_result; }
    /// Accounts deleted on GitHub while the job ran (listed, then NOT_FOUND when their further e-mails
    /// were asked for): they keep the e-mails read with them.
    int accountsGone() const { return m_accountsGone; }
    void start();

private:
    void requestInstallations(const QString &after);
    void requestAccounts(int installation, const QString &after);
    void requestUploads(int installation, const QString &after);
    /// acceptGraphQl() for a further page of an installation (node(id:)), counted; false also when the
    /// installation is gone since it was listed.
    template<typename T>
    bool acceptInstallationPage(const HttpResult &result, const GitHubJson::ReadResult<T> &read);
    /// An account whose next page of emails is still to be asked for.
    struct EmailsToFetch
    {
        int installation = 0;
        int account = 0;
        QString accountId;
        QString after;
    };
    /// Asks for the next emails of these accounts in one query.
    void requestEmails(const QList<EmailsToFetch> &accounts);
    /// Asks for m_emailsToFetch, EmailAccountsPerRequest accounts per query.
    void requestPendingEmails();
    /// Requests the further emails of the accounts of one page (indexes of that page, shifted by @p base).
    void followEmails(const QList<GitHubJson::MoreEmails> &moreEmails, int installationBase, int accountBase);
    /// False (and finished as Malformed) when a page says there is more without a usable cursor, which
    /// would read the same page again and again.
    bool acceptNextPage(const GitHubJson::PageInfo &info, const QString &after, const QString &what);
    void submitFollowUp(const QByteArray &body, std::function<void(const HttpResult &)> done);
    void reportProgress();
    void checkDone();
    QUrl m_url;
    QString m_slug;
    bool m_connectedOnly = false;
    bool m_installationsDone = false;
    int m_followUpsRunning = 0; ///< pages of accounts or emails asked for, not yet answered
    int m_pagesDone = 0;
    qint64 m_users = 0;
    int m_accountsGone = 0; ///< deleted between their listing and the question for their further e-mails
    QList<EnterpriseServerInstallation> m_result;
    QList<EmailsToFetch> m_emailsToFetch;
};
} // namespace Glc
