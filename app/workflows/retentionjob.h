// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "storage/storerecords.h"
#include "workflows/workflowjob.h"

#include <optional>

namespace Glc {
/// Reads the snapshot retention setting, or changes it and applies it at once to the stored
/// snapshots of every connection (the newest snapshot of each is always kept). Every refresh applies
/// it again afterwards. Store work only, in the worker thread. Removing reports progress (snapshots
/// removed of those to remove) and stops between two snapshots when cancelled: removedSnapshots() then
/// says how many went.
class RetentionJob : public WorkflowJob
{
    Q_OBJECT
public:
    /// Reads the setting (policy() once succeeded).
    explicit RetentionJob(const WorkflowContext &context, QObject *parent = nullptr);
    /// Stores `policy` and removes the snapshots it no longer keeps.
    RetentionJob(const WorkflowContext &context, const RetentionPolicy &policy, QObject *parent = nullptr);

    RetentionPolicy policy() const { return m_policy; }
    /// Read: every connection's stored snapshots (oldest first; connections without any left out).
    const QList<QList<SnapshotSummary>> &storedSnapshots() const { return m_stored; }
    /// Read: what the database takes on disk, in bytes.
    qint64 databaseBytes() const { return m_databaseBytes; }
    /// Snapshots removed by the change (0 when only reading), also when it was cancelled.
    int removedSnapshots() const { return m_removed; }

protected:
    void run() override;

private:
    std::optional<RetentionPolicy> m_change;
    RetentionPolicy m_policy;
    int m_removed = 0;
    QList<QList<SnapshotSummary>> m_stored;
    qint64 m_databaseBytes = 0;
};
} // namespace Glc
