// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "linkedservers.h"

#include "licensing/hostorder.h"
#include "storage/licensestore.h"

#include <QSet>

#include <algorithm>

namespace Glc {
QList<ServerLicenseInfo> LinkedServers::read(LicenseStore &db, const LicenseSnapshot &snapshot)
{
    QList<ServerLicenseInfo> linked;
    QSet<QString> hosts;
    for (const LicenseSyncStatus &status : snapshot.syncStatus) {
        hosts.insert(status.hostname.toLower());
    }
    for (const EnterpriseServerInstallation &installation : snapshot.installations) {
        hosts.insert(installation.hostName.toLower());
    }
    if (hosts.isEmpty()) {
        return linked;
    }
    const auto connections = db.connections();
    if (!connections.ok()) {
        return linked;
    }
    for (const Connection &connection : connections.value) {
        const QString host = connection.serverHost.section(QLatin1Char(':'), 0, 0).toLower();
        if (connection.kind != Connection::Kind::Server || connection.id == snapshot.connectionId ||
            !hosts.contains(host)) {
            continue;
        }
        const auto latest = db.latestSnapshot(connection.id);
        if (!latest.ok() || !latest.value) {
            continue;
        }
        // The snapshot read the server through this connection itself, later than the connection's own snapshot.
        const bool readSince = latest.value->takenAt <= snapshot.takenAt &&
            std::any_of(snapshot.serverLicenses.cbegin(), snapshot.serverLicenses.cend(),
                [&host](const ServerLicenseInfo &l) { return l.hostname.compare(host, Qt::CaseInsensitive) == 0; });
        if (readSince) {
            continue;
        }
        LicenseStore::LoadParts parts;
        parts.users = false;
        parts.userAccounts = false;
        const auto own = db.loadSnapshot(latest.value->id, parts);
        if (!own.ok()) {
            continue;
        }
        for (ServerLicenseInfo license : own.value.serverLicenses) {
            if (license.hostname.isEmpty()) {
                license.hostname = host;
            }
            linked.append(license);
        }
    }
    return linked;
}

QList<ServerLicenseInfo> LinkedServers::merged(
    const QList<ServerLicenseInfo> &own, const QList<ServerLicenseInfo> &linked)
{
    QList<ServerLicenseInfo> all;
    for (const ServerLicenseInfo &license : own) {
        const bool hasItsOwn = std::any_of(linked.cbegin(), linked.cend(), [&license](const ServerLicenseInfo &l) {
            return l.hostname.compare(license.hostname, Qt::CaseInsensitive) == 0;
        });
        if (!hasItsOwn) {
            all.append(license);
        }
    }
    all += linked;
    HostOrder::sortBy(all, [](const ServerLicenseInfo &license) { return license.hostname; });
    return all;
}
} // namespace Glc
