// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverinstancesmodel.h"

#include "core/dateformat.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Glc {
ServerInstancesModel::ServerInstancesModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void ServerInstancesModel::setUploadDays(int days)
{
    days = LicenseCadence::boundedUploadDays(days);
    if (days == m_uploadDays) {
        return;
    }
    m_uploadDays = days;
    if (!m_instances.isEmpty()) {
        Q_EMIT dataChanged(index(0, LastUploadColumn), index(int(m_instances.size()) - 1, LastUploadColumn));
    }
}

namespace {
qsizetype hostIndex(const QList<EnterpriseServerInstallation> &installations, const QString &host)
{
    const auto it = std::find_if(installations.cbegin(), installations.cend(),
        [&host](const EnterpriseServerInstallation &i) { return i.hostName.compare(host, Qt::CaseInsensitive) == 0; });
    return it == installations.cend() ? -1 : it - installations.cbegin();
}

/// Whether the upload @p r outdates the last one known, made at @p lastAt in @p lastState.
bool isNewerUpload(const UsageFileRecord &r, const QDateTime &lastAt, UploadSyncState lastState)
{
    // An upload the console never saw confirmed does not hide the state GitHub reports.
    if (r.uploadState == UploadSyncState::Unknown && lastState != UploadSyncState::Unknown) {
        return false;
    }
    return !lastAt.isValid() || r.time > lastAt;
}
} // namespace

void ServerInstancesModel::addConsoleUploads(
    QList<EnterpriseServerInstallation> &installations, const QList<UsageFileRecord> &files)
{
    for (const UsageFileRecord &r : files) {
        const qsizetype index =
            r.direction == UsageFileRecord::Direction::Uploaded ? hostIndex(installations, r.hostName) : -1;
        if (index < 0) {
            continue;
        }
        EnterpriseServerInstallation &inst = installations[index];
        const UploadSyncState state =
            inst.uploads.isEmpty() ? UploadSyncState::Unknown : inst.uploads.first().syncState;
        if (isNewerUpload(r, inst.lastUploadAt(), state)) {
            UserAccountsUpload upload;
            upload.name = r.fileName;
            upload.syncState = r.uploadState;
            upload.createdAt = r.time;
            inst.uploads.prepend(upload);
        }
    }
}

void ServerInstancesModel::setSnapshot(
    const LicenseSnapshot &snapshot, const QList<UsageFileRecord> &uploads, const QDateTime &now)
{
    QList<Instance> list;
    auto find = [&list](const QString &host) -> Instance & {
        for (Instance &i : list) {
            if (i.hostname.compare(host, Qt::CaseInsensitive) == 0) {
                return i;
            }
        }
        list.append(Instance{});
        list.last().hostname = host;
        return list.last();
    };
    for (const LicenseSyncStatus &s : snapshot.syncStatus) {
        Instance &i = find(s.hostname);
        i.serverId = s.serverId;
        i.sync = s;
    }
    QList<EnterpriseServerInstallation> installations = snapshot.installations;
    addConsoleUploads(installations, uploads);
    for (const EnterpriseServerInstallation &inst : std::as_const(installations)) {
        Instance &i = find(inst.hostName);
        i.connected = inst.isConnected;
        i.customerName = inst.customerName;
        if (!inst.uploads.isEmpty()) {
            const UserAccountsUpload &u = inst.uploads.first();
            i.lastUploadName = u.name;
            i.lastUploadAt = inst.lastUploadAt();
            i.uploadState = u.syncState;
        }
    }
    for (const ServerLicenseInfo &l : snapshot.serverLicenses) {
        Instance &i = find(l.hostname);
        i.license = l;
        i.version = l.installedVersion;
    }
    // Uploads of servers GitHub does not list (yet): the newest of each.
    for (const UsageFileRecord &r : uploads) {
        if (r.direction != UsageFileRecord::Direction::Uploaded || hostIndex(installations, r.hostName) >= 0) {
            continue; // exports: below, for versions only
        }
        Instance &i = find(r.hostName);
        if (isNewerUpload(r, i.lastUploadAt, i.uploadState)) {
            i.lastUploadName = r.fileName;
            i.lastUploadAt = r.time;
            i.uploadState = r.uploadState;
        }
    }
    // Where the server's license does not name its version, its newest usage file (export or upload) does.
    for (Instance &i : list) {
        const UsageFileRecord *newest = nullptr;
        for (const UsageFileRecord &r : uploads) {
            if (i.version.isEmpty() && !r.version.isEmpty() &&
                i.hostname.compare(r.hostName, Qt::CaseInsensitive) == 0 && (!newest || r.time > newest->time)) {
                newest = &r;
            }
        }
        if (newest) {
            i.version = newest->version;
        }
    }
    setInstances(list, now);
}

const ServerInstancesModel::Instance *ServerInstancesModel::instanceFor(const QString &hostname) const
{
    for (const Instance &i : m_instances) {
        if (i.hostname.compare(hostname, Qt::CaseInsensitive) == 0) {
            return &i;
        }
    }
    return nullptr;
}

void ServerInstancesModel::setInstances(const QList<Instance> &instances, const QDateTime &now)
{
    beginResetModel();
    m_instances = instances;
    m_now = now;
    endResetModel();
}

void ServerInstancesModel::updateSyncStatus(const LicenseSyncStatus &status)
{
    for (int row = 0; row < m_instances.size(); ++row) {
        Instance &i = m_instances[row];
        if ((!status.serverId.isEmpty() && i.serverId == status.serverId) ||
            i.hostname.compare(status.hostname, Qt::CaseInsensitive) == 0) {
            i.sync = status;
            i.serverId = status.serverId;
            Q_EMIT dataChanged(index(row, LastSyncColumn), index(row, SyncErrorColumn),
                {Qt::DisplayRole, Qt::ToolTipRole, RawValueRole, StaleRole, SyncFailedRole});
            return;
        }
    }
    const int row = int(m_instances.size());
    beginInsertRows({}, row, row);
    Instance i;
    i.hostname = status.hostname;
    i.serverId = status.serverId;
    i.sync = status;
    m_instances.append(i);
    endInsertRows();
}

int ServerInstancesModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_instances.size());
}

int ServerInstancesModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ServerInstancesModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const Instance &i = m_instances.at(index.row());
    const bool stale = i.sync.isStale(m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc());
    const bool failed = !i.sync.status.isEmpty() && !i.sync.isSuccess();
    switch (role) {
    case StaleRole:
        return stale;
    case SyncFailedRole:
        return failed;
    case UploadOverdueRole:
        return i.uploadOverdue(m_now.isValid() ? m_now : QDateTime::currentDateTimeUtc(), m_uploadDays);
    case ServerIdRole:
        return i.serverId;
    case RawValueRole:
        switch (index.column()) {
        case HostnameColumn:
            return i.hostname;
        case CustomerColumn:
            return i.customerName;
        case VersionColumn:
            return i.version;
        case ConnectedColumn:
            return i.connected ? QVariant(*i.connected) : QVariant();
        case LastSyncColumn:
            return i.sync.lastSyncDate;
        case SyncStatusColumn:
            return i.sync.status;
        case SyncErrorColumn:
            return i.sync.error;
        case LastUploadColumn:
            return i.lastUploadAt;
        case UploadStateColumn:
            return int(i.uploadState);
        case SeatsColumn:
            return i.license && i.license->seats ? QVariant(*i.license->seats) : QVariant();
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case HostnameColumn:
            return i.hostname;
        case CustomerColumn:
            return i.customerName;
        case VersionColumn:
            return i.version;
        case ConnectedColumn:
            return !i.connected
                ? QString()
                : (*i.connected ? i18nc("@item:intable", "Connected") : i18nc("@item:intable", "Not connected"));
        case LastSyncColumn:
            if (!i.sync.lastSyncDate.isValid()) {
                return i18nc("@item:intable last sync", "Never");
            }
            return stale ? i18nc("@item:intable last sync, %1 a date", "%1 (stale)",
                               DateFormat::toString(i.sync.lastSyncDate.toLocalTime()))
                         : DateFormat::toString(i.sync.lastSyncDate.toLocalTime());
        case SyncStatusColumn:
            if (i.sync.status.isEmpty()) {
                return QString();
            }
            return failed ? i18nc("@item:intable sync status", "Failed")
                          : i18nc("@item:intable sync status", "Succeeded");
        case SyncErrorColumn:
            return i.sync.error;
        case LastUploadColumn:
            return i.lastUploadAt.isValid() ? DateFormat::toString(i.lastUploadAt.toLocalTime()) : QString();
        case UploadStateColumn:
            return uploadSyncStateText(i.uploadState);
        case SeatsColumn:
            return i.license ? i.license->seatsText() : QString();
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == SyncErrorColumn || index.column() == SyncStatusColumn ? QVariant(i.sync.error)
                                                                                       : QVariant();
    default:
        return {};
    }
}

QVariant ServerInstancesModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case HostnameColumn:
        return i18nc("@title:column", "Server");
    case CustomerColumn:
        return i18nc("@title:column the customer a GHES license is issued to", "Customer");
    case VersionColumn:
        return i18nc("@title:column", "Version");
    case ConnectedColumn:
        return i18nc("@title:column", "GitHub Connect");
    case LastSyncColumn:
        return i18nc("@title:column", "Last sync");
    case SyncStatusColumn:
        return i18nc("@title:column", "Sync status");
    case SyncErrorColumn:
        return i18nc("@title:column", "Sync error");
    case LastUploadColumn:
        return i18nc("@title:column", "Last upload");
    case UploadStateColumn:
        return i18nc("@title:column", "Upload state");
    case SeatsColumn:
        return i18nc("@title:column", "Seats");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
} // namespace Glc
