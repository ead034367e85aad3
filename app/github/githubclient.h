// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubclientoptions.h"
#include "github/githubjob.h"
#include "licensing/connection.h"

#include <QObject>

namespace Glc {
class RequestScheduler;

/// GET /enterprises/{slug}/consumed-licenses, every page (per_page=100); pages fetched concurrently
/// once the Link header names the last one.
class ConsumedLicensesJob : public GitHubJob
{
    Q_OBJECT
public:
    ConsumedLicensesJob(RequestScheduler *scheduler, const QUrl &firstPage, QObject *parent);
    /// All pages merged, in page order (valid after a successful finished()).
    const ConsumedLicensesReport &result() const { return m_report; }
    void start();

private:
    void onPage(int page, const struct HttpResult &result);
    QUrl pageUrl(int page) const;
    QUrl m_firstPage;
    QList<QList<ConsumedLicense>> m_pages;
    int m_pagesDone = 0;
    int m_pagesTotal = 1;
    qint64 m_users = 0;
    bool m_sequential = false;
    ConsumedLicensesReport m_report;
};

/// GET /enterprises/{slug}/license-sync-status.
class LicenseSyncStatusJob : public GitHubJob
{
    Q_OBJECT
public:
    LicenseSyncStatusJob(RequestScheduler *scheduler, const QUrl &url, QObject *parent);
    const QList<LicenseSyncStatus> &result() const { return m_result; }
    void start();

private:
    QUrl m_url;
    QList<LicenseSyncStatus> m_result;
};

/// GHES GET /enterprise/settings/license and GET /meta (installed version).
class ServerLicenseJob : public GitHubJob
{
    Q_OBJECT
public:
    ServerLicenseJob(
        RequestScheduler *scheduler, const QUrl &licenseUrl, const QUrl &metaUrl, const QString &host, QObject *parent);
    const ServerLicenseInfo &result() const { return m_result; }
    void start();

private:
    QUrl m_licenseUrl;
    QUrl m_metaUrl;
    int m_done = 0;
    ServerLicenseInfo m_result;
};

/// GraphQL enterpriseServerInstallations with uploads and every user account (with emails), all pages.
class InstallationsJob : public GitHubJob
{
    Q_OBJECT
public:
    InstallationsJob(
        RequestScheduler *scheduler, const QUrl &url, const QString &slug, bool connectedOnly, QObject *parent);
    const QList<EnterpriseServerInstallation> &result() const { return m_result; }
    void start();

private:
    void requestInstallations(const QString &after);
    void requestAccounts(int index, const QString &after);
    void checkDone();
    QUrl m_url;
    QString m_slug;
    bool m_connectedOnly = false;
    bool m_installationsDone = false;
    int m_accountPagesRunning = 0;
    int m_pagesDone = 0;
    qint64 m_users = 0;
    QList<EnterpriseServerInstallation> m_result;
};

/// Reads GitHub Enterprise license data over REST and GraphQL. Jobs run concurrently through one
/// RequestScheduler (shared concurrency and rate budget). Never logs the token.
class GitHubClient : public QObject
{
    Q_OBJECT
public:
    GitHubClient(const Connection &connection, const QString &token, const GitHubClientOptions &options = {},
        QObject *parent = nullptr);
    ~GitHubClient() override;

    /// Each job starts at once; connect to finished() and delete the job when done.
    ConsumedLicensesJob *fetchConsumedLicenses();
    LicenseSyncStatusJob *fetchLicenseSyncStatus();
    ServerLicenseJob *fetchServerLicense();
    InstallationsJob *fetchInstallations(bool connectedOnly = false);

    RequestScheduler *scheduler() const { return m_scheduler; }
    const Connection &connection() const { return m_connection; }
    /// False when options/connection named a CA file that could not be read.
    bool caFileLoaded() const { return m_caLoaded; }

private:
    QUrl restUrl(const QString &path) const;
    Connection m_connection;
    GitHubClientOptions m_options;
    RequestScheduler *m_scheduler = nullptr;
    bool m_caLoaded = true;
};
} // namespace Glc
