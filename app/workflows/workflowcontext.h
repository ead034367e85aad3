// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubclientoptions.h"
#include "licensing/connection.h"

#include <QDateTime>
#include <QList>
#include <QString>

#include <algorithm>

namespace Glc {
/// What a workflow job needs to know: where to connect, with which token, and where the store is.
/// Copied into each job; the job opens its own store connection and client in its own thread.
struct WorkflowContext
{
    Connection connection; ///< for the lab: restBase() must point at the running lab
    QString token; ///< never logged, never stored by a job
    GitHubClientOptions clientOptions;
    QString storeLocation; ///< SQLite path or postgresql:// URL; empty: LicenseStore::defaultLocation()
    /// The lab's own action endpoints (/_lab/...) may be used: Sync now, export and upload are automatic.
    /// False for real GitHub and for the lab in its GitHub-like mode: those actions are assisted.
    bool labActions = false;
    int pollIntervalMs = 2000; ///< how often assisted and lab jobs poll for their outcome
    int assistTimeoutMs = 15 * 60 * 1000; ///< how long an assisted action waits for the admin
    /// Lab only: read the lab's enterprise as it was at this (lab clock) time, through its
    /// /_lab/as-of/DATE/ view of GitHub's endpoints; a refresh dates its snapshot so. Invalid: now.
    QDateTime labAsOf;
    /// Cloud and lab: the Server connections a refresh reads the servers it names through (matched by host
    /// name, port aside); a server that cannot be read is a note beside the refreshed snapshot. Their tokens
    /// are asked for (TokenStore::readLinkedServerTokens) only for the servers the enterprise names.
    QList<Connection> linkedServers;

    /// Takes the Server connections among `stored` as linkedServers (not for a Server connection, which reads
    /// only itself): a refresh reads the servers the enterprise names through them, Sync now and export open
    /// their pages.
    void linkServers(const QList<Connection> &stored)
    {
        linkedServers.clear();
        if (connection.kind == Connection::Kind::Server) {
            return;
        }
        for (const Connection &server : stored) {
            if (server.kind == Connection::Kind::Server) {
                linkedServers.append(server);
            }
        }
    }

    /// The License settings page of the server `host` names (Sync now, Export license usage): through its own
    /// Server connection when there is one (its web port and the enterprise's slug on it), else the server's
    /// enterprise list, where the admin picks the enterprise.
    QUrl serverLicensePage(const QString &host) const
    {
        const auto isThatServer = [name = Connection::hostName(host)](const Connection &server) {
            return server.kind == Connection::Kind::Server &&
                Connection::hostName(server.serverHost).compare(name, Qt::CaseInsensitive) == 0;
        };
        if (isThatServer(connection)) {
            return Connection::serverLicensePage(connection.serverHost, connection.enterpriseSlug);
        }
        const auto own = std::find_if(linkedServers.cbegin(), linkedServers.cend(), isThatServer);
        return own != linkedServers.cend() ? Connection::serverLicensePage(own->serverHost, own->enterpriseSlug)
                                           : Connection::serverLicensePage(host);
    }
};
} // namespace Glc
