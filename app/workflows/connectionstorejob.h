// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

#include <optional>

namespace Glc {
/// Saves a connection in the store, or reads one back by id, in the worker thread: the console keeps
/// its connections where `ghe-license` finds them (LicenseStore::connections()). No secret is stored.
class ConnectionStoreJob : public WorkflowJob
{
    Q_OBJECT
public:
    /// Inserts or updates `connection` (by id) in the context's store.
    static ConnectionStoreJob *save(const WorkflowContext &context, const Connection &connection);
    /// Reads the connection with `id`; found() tells whether the store has it.
    static ConnectionStoreJob *load(const WorkflowContext &context, const QString &id);
    /// Reads every stored connection (connections()).
    static ConnectionStoreJob *list(const WorkflowContext &context);
    /// Removes the connection with `id` with its snapshots and sync history (LicenseStore::removeConnection()).
    static ConnectionStoreJob *remove(const WorkflowContext &context, const QString &id);

    /// After a successful load: the stored connection, or nullopt when the store has none with that id.
    const std::optional<Connection> &found() const { return m_found; }
    /// After a successful load or list: every stored connection, by name.
    const QList<Connection> &connections() const { return m_connections; }

protected:
    void run() override;

private:
    enum class Operation : qint8 {
        Save,
        Load,
        Remove,
    };
    ConnectionStoreJob(const WorkflowContext &context, Operation operation, const Connection &connection);

    const Operation m_operation;
    const Connection m_connection; ///< to save, or (load) only its id
    std::optional<Connection> m_found;
    QList<Connection> m_connections;
};
} // namespace Glc
