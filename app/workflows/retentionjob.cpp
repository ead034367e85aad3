// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "retentionjob.h"

#include "storage/licensestore.h"

#include <QDateTime>

namespace Glc {
RetentionJob::RetentionJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

RetentionJob::RetentionJob(const WorkflowContext &context, const RetentionPolicy &policy, QObject *parent)
    : WorkflowJob(context, parent)
    , m_change(policy)
{
}

void RetentionJob::run()
{
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    if (!m_change) {
        const StoreResult<RetentionPolicy> read = db->retentionPolicy();
        if (!read.ok()) {
            fail(read.error);
            return;
        }
        m_policy = read.value;
        // What is stored now, for the dialog to say what the limits would remove.
        const StoreResult<QList<Connection>> connections = db->connections();
        const StoreResult<qint64> size = db->databaseSize();
        if (!connections.ok() || !size.ok()) {
            fail(connections.ok() ? size.error : connections.error);
            return;
        }
        for (const Connection &connection : connections.value) {
            const StoreResult<QList<SnapshotSummary>> stored = db->snapshots(connection.id);
            if (!stored.ok()) {
                fail(stored.error);
                return;
            }
            if (!stored.value.isEmpty()) {
                m_stored.append(stored.value);
            }
        }
        m_databaseBytes = size.value;
        succeed();
        return;
    }
    if (StoreError error = db->setRetentionPolicy(*m_change); error.isError()) {
        fail(error);
        return;
    }
    m_policy = *m_change;
    if (m_policy.keepNewest > 0 || m_policy.maxAgeDays > 0) {
        const StoreResult<QList<Connection>> connections = db->connections();
        if (!connections.ok()) {
            fail(connections.error);
            return;
        }
        const QDateTime now = QDateTime::currentDateTimeUtc();
        QList<qint64> doomed;
        for (const Connection &connection : connections.value) {
            const StoreResult<QList<qint64>> beyond = db->snapshotsBeyondRetention(connection.id, m_policy, now);
            if (!beyond.ok()) {
                fail(beyond.error);
                return;
            }
            doomed.append(beyond.value);
        }
        // One at a time (a few hundred milliseconds each with 300k seats): progress, and a cancel stops
        // between two. What is removed stays removed; the next refresh removes the rest.
        Q_EMIT progress(0, doomed.size(), 0);
        for (qint64 id : std::as_const(doomed)) {
            if (cancelRequested()) {
                cancel();
                return;
            }
            if (StoreError error = db->removeSnapshot(id); error.isError()) {
                fail(error);
                return;
            }
            ++m_removed;
            Q_EMIT progress(m_removed, doomed.size(), m_removed);
        }
    }
    succeed();
}
} // namespace Glc
