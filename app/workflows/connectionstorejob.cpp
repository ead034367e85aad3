// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connectionstorejob.h"

#include "storage/licensestore.h"

namespace Glc {
ConnectionStoreJob::ConnectionStoreJob(const WorkflowContext &context, bool save, const Connection &connection)
    : WorkflowJob(context)
    , m_save(save)
    , m_connection(connection)
{
}

ConnectionStoreJob *ConnectionStoreJob::save(const WorkflowContext &context, const Connection &connection)
{
    return new ConnectionStoreJob(context, true, connection);
}

ConnectionStoreJob *ConnectionStoreJob::load(const WorkflowContext &context, const QString &id)
{
    Connection wanted;
    wanted.id = id;
    return new ConnectionStoreJob(context, false, wanted);
}

ConnectionStoreJob *ConnectionStoreJob::list(const WorkflowContext &context)
{
    return load(context, {});
}

void ConnectionStoreJob::run()
{
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    if (m_save) {
        if (const StoreError error = db->saveConnection(m_connection); error.isError()) {
            fail(error);
            return;
        }
        succeed();
        return;
    }
    const StoreResult<QList<Connection>> stored = db->connections();
    if (!stored.ok()) {
        fail(stored.error);
        return;
    }
    m_connections = stored.value;
    std::sort(m_connections.begin(), m_connections.end(),
        [](const Connection &a, const Connection &b) { return a.name.localeAwareCompare(b.name) < 0; });
    for (const Connection &connection : std::as_const(m_connections)) {
        if (!m_connection.id.isEmpty() && connection.id == m_connection.id) {
            m_found = connection;
            break;
        }
    }
    succeed();
}
} // namespace Glc
