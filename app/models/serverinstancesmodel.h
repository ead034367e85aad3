// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"
#include "storage/storerecords.h"

#include <QAbstractTableModel>

#include <optional>

namespace Glc {
/// One row per Enterprise Server instance: host, version, connected, last sync (date, status,
/// error, stale after 7 days), last upload and its state, seats from its license.
class ServerInstancesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        HostnameColumn,
        CustomerColumn,
        VersionColumn,
        ConnectedColumn,
        LastSyncColumn,
        SyncStatusColumn,
        SyncErrorColumn,
        LastUploadColumn,
        UploadStateColumn,
        SeatsColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1,
        StaleRole, ///< bool: LicenseSyncStatus::isStale()
        ServerIdRole,
        SyncFailedRole, ///< bool
        UploadOverdueRole, ///< bool: see Instance::uploadOverdue()
    };
    Q_ENUM(Role)

    struct Instance
    {
        QString hostname;
        QString customerName;
        QString serverId;
        QString version;
        std::optional<bool> connected; ///< unknown when GraphQL did not list it
        LicenseSyncStatus sync;
        QString lastUploadName;
        QDateTime lastUploadAt;
        UploadSyncState uploadState = UploadSyncState::Unknown;
        std::optional<ServerLicenseInfo> license;

        /// EnterpriseServerInstallation::uploadOverdue() of a server GraphQL listed as not connected.
        bool uploadOverdue(const QDateTime &now, int days = LicenseCadence::Days) const
        {
            return connected == false && LicenseCadence::isOverdue(lastUploadAt, now, days);
        }
    };

    explicit ServerInstancesModel(QObject *parent = nullptr);

    /// Puts first in each installation's uploads the newer ones of @p files made from the console (or
    /// `ghe-license add-server-usage`), as the instances card shows them: an upload added since the snapshot counts
    /// before the next refresh. An upload the console never saw confirmed (state Unknown) does not hide a state
    /// GitHub reports. Exports among @p files and hosts GitHub does not list are left out.
    static void addConsoleUploads(
        QList<EnterpriseServerInstallation> &installations, const QList<UsageFileRecord> &files);

    /// Merges what a snapshot and the usage-file records know about each host.
    void setSnapshot(const LicenseSnapshot &snapshot, const QList<UsageFileRecord> &uploads, const QDateTime &now);
    void setInstances(const QList<Instance> &instances, const QDateTime &now);
    /// How often servers without GitHub Connect are to have their usage added (UploadOverdueRole); emits
    /// dataChanged for the upload column when it changes.
    void setUploadDays(int days);
    int uploadDays() const { return m_uploadDays; }
    /// Updates one server after a Sync now (or adds it); emits dataChanged for its sync columns.
    void updateSyncStatus(const LicenseSyncStatus &status);
    const Instance &instance(int row) const { return m_instances.at(row); }
    /// The server with that host name (any case), or nullptr.
    const Instance *instanceFor(const QString &hostname) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Instance> m_instances;
    QDateTime m_now;
    int m_uploadDays = LicenseCadence::Days;
};
} // namespace Glc
