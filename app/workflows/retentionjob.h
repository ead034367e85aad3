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
/// says how many went. Compacting afterwards gives the space the store no longer uses back to the disk
/// (stage Compacting, no progress figures); cancelled, it leaves the file as it was.
class RetentionJob : public WorkflowJob
{
    Q_OBJECT
public:
    enum Stage {
        Removing = 1,
        Compacting,
    };
    enum class Compact : bool {
        No,
        Yes, ///< after removing, when the store has unused space (LicenseStore::compact())
    };

    /// Reads the setting (policy() once succeeded).
    explicit RetentionJob(const WorkflowContext &context, QObject *parent = nullptr);
    /// Stores `policy` and removes the snapshots it no longer keeps, then compacts the store if asked.
    RetentionJob(const WorkflowContext &context, const RetentionPolicy &policy, Compact compact = Compact::No,
        QObject *parent = nullptr);

    RetentionPolicy policy() const { return m_policy; }
    /// Read: every connection's stored snapshots (oldest first; connections without any left out).
    const QList<QList<SnapshotSummary>> &storedSnapshots() const { return m_stored; }
    /// Read: what the database takes on disk, in bytes.
    qint64 databaseBytes() const { return m_databaseBytes; }
    /// Read: the part of it that compacting would give back (-1: the store has no such figure,
    /// PostgreSQL; LicenseStore::unusedSize()).
    qint64 unusedBytes() const { return m_unusedBytes; }
    /// Compacted: how many bytes the database gave back to the disk (0 when it did not compact).
    qint64 freedBytes() const { return m_freedBytes; }
    /// The job was cancelled while compacting (the snapshots it removed before stay removed).
    bool compactingCancelled() const { return m_compactingCancelled; }
    /// Snapshots removed by the change (0 when only reading), also when it was cancelled.
    int removedSnapshots() const { return m_removed; }

protected:
    void run() override;

private:
    /// Compacts when the store has unused space; false when it failed (the job has failed too).
    bool compactStore();

    std::optional<RetentionPolicy> m_change;
    Compact m_compact = Compact::No;
    RetentionPolicy m_policy;
    int m_removed = 0;
    QList<QList<SnapshotSummary>> m_stored;
    qint64 m_databaseBytes = 0;
    qint64 m_unusedBytes = -1;
    qint64 m_freedBytes = 0;
    bool m_compactingCancelled = false;
};
} // namespace Glc
