// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"
#include "workflows/workflowjob.h"

#include <QDateTime>
#include <QTimer>

namespace Glc {
/// "Sync now" for one Enterprise Server instance or all of them.
/// Automatic with the lab's action endpoint; assisted against real GitHub (the admin clicks Sync now on
/// the server's License page) - either way the outcome is confirmed by polling license-sync-status
/// until the server's last sync date advances, and recorded in the sync history.
class SyncNowJob : public WorkflowJob
{
    Q_OBJECT
public:
    enum Stage {
        Requesting,
        WaitingForJob,
        Confirming,
    };

    struct ServerResult
    {
        QString hostname;
        QString serverId;
        bool confirmed = false; ///< the server's last sync date advanced
        bool success = false; ///< ... and its status is success
        QString error; ///< GitHub's (or the lab's) error text on failure
        QDateTime syncedAt;
    };

    /// `hosts`: servers to sync by host name; empty: every server of the enterprise.
    SyncNowJob(const WorkflowContext &context, const QStringList &hosts, QObject *parent = nullptr);

    const QList<ServerResult> &results() const { return m_results; }

protected:
    void run() override;
    void abort() override;

private:
    void fetchStatus(const std::function<void(const QList<LicenseSyncStatus> &)> &then);
    void requestLabSyncs();
    void pollLabJobs();
    void poll();
    void conclude(const QList<LicenseSyncStatus> &statuses);

    QStringList m_hosts;
    QHash<QString, QDateTime> m_baseline; ///< host -> last sync date before the action
    QHash<QString, QString> m_labJobs; ///< host -> lab job id
    QHash<QString, QString> m_labErrors; ///< host -> the lab job's error text
    QList<ServerResult> m_results;
    QTimer m_timer;
    QDateTime m_deadline;
};
} // namespace Glc
