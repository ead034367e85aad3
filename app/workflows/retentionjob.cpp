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
        for (const Connection &connection : connections.value) {
            const StoreResult<int> removed = db->applyRetention(connection.id, m_policy, now);
            if (!removed.ok()) {
                fail(removed.error);
                return;
            }
            m_removed += removed.value;
        }
    }
    succeed();
}
} // namespace Glc
