// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/snapshotdiff.h"
#include "storage/storerecords.h"
#include "workflows/workflowjob.h"

namespace Glc {
/// Who came, who went and who changed environment between two stored snapshots of the context's
/// connection: reads both snapshots' seats packed as they are read, never as lists (comparing two
/// 300k-seat snapshots peaks near 110 MB instead of 640 MB), and compares them, in the worker
/// thread. Used by the console's Compare Snapshots dialog and by `ghe-license changes`.
class SnapshotChangesJob : public WorkflowJob
{
    Q_OBJECT
public:
    /// `toId` 0: the newest snapshot; `fromId` 0: the one before `to`.
    SnapshotChangesJob(const WorkflowContext &context, qint64 fromId = 0, qint64 toId = 0, QObject *parent = nullptr);

    /// Valid once succeeded.
    const SnapshotSummary &from() const { return m_from; }
    const SnapshotSummary &to() const { return m_to; }
    /// The rows the diff's row numbers index; decode the few shown with license().
    const CompactLicenseRows &before() const { return m_before; }
    const CompactLicenseRows &after() const { return m_after; }
    const SnapshotDiff &diff() const { return m_diff; }

protected:
    void run() override;

private:
    qint64 m_fromId;
    qint64 m_toId;
    SnapshotSummary m_from;
    SnapshotSummary m_to;
    CompactLicenseRows m_before;
    CompactLicenseRows m_after;
    SnapshotDiff m_diff;
};
} // namespace Glc
