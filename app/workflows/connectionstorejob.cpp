// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connectionstorejob.h"

#include "storage/licensestore.h"

namespace Glc {
ConnectionStoreJob::ConnectionStoreJob(
    const WorkflowContext &context, Operation operation, const Connection &connection)
    : WorkflowJob(context)
    , m_operation(operation)
    , m_connection(connection)
{
}

ConnectionStoreJob *ConnectionStoreJob::save(const WorkflowContext &context, const Connection &connection)
{
    return new ConnectionStoreJob(context, Operation::Save, connection);
}

ConnectionStoreJob *ConnectionStoreJob::load(const WorkflowContext &context, const QString &id)
{
    Connection wanted;
    wanted.id = id;
    return new ConnectionStoreJob(context, Operation::Load, wanted);
}

ConnectionStoreJob *ConnectionStoreJob::list(const WorkflowContext &context)
{
    return load(context, {});
}

ConnectionStoreJob *ConnectionStoreJob::remove(const WorkflowContext &context, const QString &id)
{
    Connection gone;
    gone.id = id;
    return new ConnectionStoreJob(context, Operation::Remove, gone);
}

void ConnectionStoreJob::run()
{
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    if (m_operation != Operation::Load) {
        const StoreError error =
            m_operation == Operation::Save ? db->saveConnection(m_connection) : db->removeConnection(m_connection.id);
        if (error.isError()) {
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
