// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "retentionjob.h"

#include "storage/licensestore.h"

#include <KLocalizedString>
#include <QDateTime>

#include <algorithm>

namespace Glc {
RetentionJob::RetentionJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

RetentionJob::RetentionJob(
    const WorkflowContext &context, const RetentionPolicy &policy, Compact compact, QObject *parent)
    : WorkflowJob(context, parent)
    , m_change(policy)
    , m_compact(compact)
{
}

bool RetentionJob::compactStore()
{
    LicenseStore *db = store();
    const StoreResult<qint64> unused = db->unusedSize();
    const StoreResult<qint64> before = db->databaseSize();
    if (!unused.ok() || !before.ok()) {
        fail(unused.ok() ? before.error : unused.error);
        return false;
    }
    if (unused.value <= 0) {
        return true; // nothing to give back, or nothing the store can (PostgreSQL)
    }
    setStage(Compacting, i18nc("@info:progress", "Compacting the database file…"));
    if (StoreError error = db->compact([this] { return cancelRequested(); }); error.isError()) {
        if (error.code == StoreError::Code::Cancelled) {
            m_compactingCancelled = true;
            cancel();
        } else {
            fail(error);
        }
        return false;
    }
    const StoreResult<qint64> after = db->databaseSize();
    if (!after.ok()) {
        fail(after.error);
        return false;
    }
    m_freedBytes = std::max<qint64>(0, before.value - after.value);
    return true;
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
        const StoreResult<qint64> unused = db->unusedSize();
        if (!unused.ok()) {
            fail(unused.error);
            return;
        }
        m_databaseBytes = size.value;
        m_unusedBytes = unused.value;
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
        setStage(Removing, i18nc("@info:progress", "Removing older snapshots…"));
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
    if (m_compact == Compact::Yes && !compactStore()) {
        return;
    }
    succeed();
}
} // namespace Glc
