// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/githubjson.h"
#include "licensing/licensevalues.h"
#include "storage/storeerror.h"
#include "workflows/workflowjob.h"

namespace Glc {
/// Refresh: pulls everything the connection offers into a new snapshot, written in one transaction.
/// Cloud and lab: consumed licenses (all pages), license sync status, Enterprise Server installations;
/// the lab also each of its servers' license and version (as a GHES connection to it would read them).
/// Server: its license and version. A failed or cancelled refresh leaves the previous snapshot intact.
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
    /// Follows a part of the refresh: its error fails the job, or else `onSuccess` runs.
    void track(GitHubJob *job, const std::function<void()> &onSuccess);
    /// Lab: reads every server that the sync status and the installations name.
    void fetchLabServers();
    void partDone();
    void save();
    void reportProgress();

    LicenseSnapshot m_snapshot;
    int m_partsRunning = 0;
    int m_serverListsPending = 0; ///< lab: sync status and installations still to come
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
