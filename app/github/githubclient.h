// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubclientoptions.h"
#include "licensing/connection.h"

#include <QObject>

namespace Glc {
class ConsumedLicensesJob;
class InstallationsJob;
class LicenseSyncStatusJob;
class RequestScheduler;
class ServerLicenseJob;

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
    /// Only the first page, with one seat (per_page=1): tells that the endpoint answers as expected
    /// without reading the enterprise's seats (Test connection).
    ConsumedLicensesJob *probeConsumedLicenses();
    LicenseSyncStatusJob *fetchLicenseSyncStatus();
    ServerLicenseJob *fetchServerLicense();
    /// Lab only: the license and version of the lab's Enterprise Server instance `host`, as a GHES
    /// connection to it would read them (the lab's /_lab/ghes/HOST/ view).
    ServerLicenseJob *fetchLabServerLicense(const QString &host);
    InstallationsJob *fetchInstallations(bool connectedOnly = false);

    RequestScheduler *scheduler() const { return m_scheduler; }
    const Connection &connection() const { return m_connection; }
    /// False when options/connection named a CA file that could not be read: then every request fails
    /// with GitHubError::Kind::CaFile and nothing is sent.
    bool caFileLoaded() const { return m_caLoaded; }
    /// Why a CA certificate file cannot be used (missing, unreadable, no PEM certificate), translated;
    /// empty when it can. Also for checking the file where it is entered (dialog, CLI).
    static QString caFileProblem(const QString &path);

private:
    QUrl restUrl(const QString &path) const;
    /// A ServerLicenseJob for the license and meta reads under `prefix` of the REST base.
    ServerLicenseJob *startServerLicense(const QString &prefix, const QString &host);
    Connection m_connection;
    GitHubClientOptions m_options;
    RequestScheduler *m_scheduler = nullptr;
    bool m_caLoaded = true;
};
} // namespace Glc
