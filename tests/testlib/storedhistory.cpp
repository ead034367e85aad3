// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "storedhistory.h"

#include "storage/licensestore.h"

#include <QDebug>

namespace Glc::StoredHistory {
Connection builtInLab()
{
    Connection lab;
    lab.kind = Connection::Kind::Lab;
    lab.id = QStringLiteral("lab");
    lab.name = QStringLiteral("lab");
    return lab;
}

ConsumedLicense seat(const QString &login, const QStringList &serverUserIds)
{
    ConsumedLicense s;
    s.githubComLogin = login;
    s.githubComUser = !login.isEmpty();
    s.enterpriseServerUserIds = serverUserIds;
    s.licenseType = QStringLiteral("enterprise");
    s.totalUserAccounts = int(serverUserIds.size()) + (login.isEmpty() ? 0 : 1);
    return s;
}

namespace {
/// Saves `connection` and writes `snapshots` (their connection set to it) into the store at `location`.
QList<qint64> writeSnapshots(const QString &location, const Connection &connection, QList<LicenseSnapshot> snapshots)
{
    LicenseStore store;
    if (const StoreError error = store.open(location); error.isError()) {
        qWarning() << "cannot open the store:" << error.message << error.detail;
        return {};
    }
    if (const StoreError error = store.saveConnection(connection); error.isError()) {
        qWarning() << "cannot save the connection:" << error.message << error.detail;
        return {};
    }
    QList<qint64> ids;
    for (LicenseSnapshot &snapshot : snapshots) {
        snapshot.connectionId = connection.id;
        snapshot.source = connection.snapshotSource();
        const StoreResult<qint64> written = store.writeSnapshot(snapshot);
        if (!written.ok()) {
            qWarning() << "cannot write a snapshot:" << written.error.message << written.error.detail;
            return {};
        }
        ids.append(written.value);
    }
    return ids;
}
} // namespace

QList<qint64> write(const QString &location, const Connection &connection, const QList<Entry> &entries)
{
    QList<LicenseSnapshot> snapshots;
    for (const Entry &entry : entries) {
        LicenseSnapshot snapshot;
        snapshot.takenAt = QDateTime::currentDateTimeUtc().addDays(-entry.daysAgo);
        snapshot.licenses.users = entry.seats;
        snapshot.licenses.totalSeatsConsumed = int(entry.seats.size());
        snapshot.licenses.totalSeatsPurchased = entry.purchased;
        snapshots.append(snapshot);
    }
    return writeSnapshots(location, connection, snapshots);
}

qint64 writeServerLicense(const QString &location, const QString &id, const QString &host, ServerLicenseInfo license)
{
    Connection server;
    server.id = id;
    server.name = id;
    server.kind = Connection::Kind::Server;
    server.serverHost = host;
    license.hostname = host;
    LicenseSnapshot snapshot;
    snapshot.takenAt = QDateTime::currentDateTimeUtc();
    snapshot.serverLicenses = {license};
    snapshot.licenses.totalSeatsConsumed = license.seatsUsed;
    snapshot.licenses.totalSeatsPurchased = license.seats.value_or(0);
    return writeSnapshots(location, server, {snapshot}).value(0);
}
} // namespace Glc::StoredHistory
