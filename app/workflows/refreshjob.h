// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/tokenstore.h"
#include "licensing/githubjson.h"
#include "licensing/licensevalues.h"
#include "storage/storeerror.h"
#include "workflows/workflowjob.h"

namespace Glc {
/// Refresh: pulls everything the connection offers into a new snapshot, written in one transaction.
/// Cloud and lab: consumed licenses (all pages), license sync status, Enterprise Server installations, and
/// the license and version of each server they name that has a GitHub Enterprise Server connection of its
/// own (the lab: of every server, through its view of it, unless it has one). Server: its license and version. A failed
/// or cancelled refresh leaves the previous snapshot intact.
class RefreshJob : public WorkflowJob
{
    Q_OBJECT
public:
    enum Stage {
        Fetching,
        Saving,
    };

    explicit RefreshJob(const WorkflowContext &context, QObject *parent = nullptr);

    /// After success: the stored snapshot (id set).
    const LicenseSnapshot &snapshot() const { return m_snapshot; }
    /// What the lenient readers forgave in GitHub's answers (values of an unexpected type, unknown
    /// fields), over every part of the refresh.
    const GitHubJson::ReadStats &readStats() const { return m_readStats; }
    /// One translated sentence about readStats().toleratedValues for the admin; empty when none.
    static QString toleratedText(const GitHubJson::ReadStats &stats);
    /// Snapshots removed by the retention setting after this one was written.
    int removedByRetention() const { return m_removed; }
    /// After success: translated sentences for the admin beside it - what the lenient readers forgave,
    /// the snapshots the retention setting removed, or why it could not remove them.
    QStringList notes() const;
    /// Translated, also among notes(): the servers whose own connection could not be read.
    QStringList serverNotes() const { return m_serverNotes; }
    /// Fetch, then wait for saveNow() before writing (several refreshes fetch at once and are written
    /// in order); call before start().
    void setSaveWhenAsked(bool wait) { m_saveWhenAsked = wait; }
    /// Writes the snapshot once fetched (at once when it already is).
    void saveNow();

Q_SIGNALS:
    /// Everything is fetched; with setSaveWhenAsked(), the job waits for saveNow().
    void fetched();

protected:
    void run() override;
    void abort() override;

private:
    /// Follows a part of the refresh: once it succeeded `onSuccess` runs; its error fails the job, or with
    /// `onError` is handed to that and the refresh goes on.
    void track(GitHubJob *job, const std::function<void()> &onSuccess,
        const std::function<void(const GitHubError &)> &onError = {});
    /// Once the sync status and the installations are in: reads the license and version of every server they
    /// name that has a connection of its own (context().linkedServers), or else, on the lab, its view of it.
    void fetchServers();
    /// One server named by the enterprise, through its own connection with its own token.
    void readServer(
        const Connection &connection, const TokenStore::Lookup &token, const QString &host, qsizetype index);
    void partDone();
    void save();
    void reportProgress();

    LicenseSnapshot m_snapshot;
    int m_partsRunning = 0;
    int m_serverListsPending = 0; ///< sync status and installations still to come
    /// Of the servers named, in host order; an empty host name where none was read.
    QList<ServerLicenseInfo> m_serverReads;
    QStringList m_serverNotes; ///< translated: servers whose own connection could not be read
    int m_pagesDone = 0;
    int m_pagesTotal = 0;
    qint64 m_users = 0;
    int m_removed = 0;
    StoreError m_retentionError;
    bool m_cancelRequested = false;
    bool m_saveWhenAsked = false;
    bool m_saveAsked = false;
    bool m_fetched = false;
    QList<QObject *> m_jobs;
    GitHubJson::ReadStats m_readStats;
};
} // namespace Glc
