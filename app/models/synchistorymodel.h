// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "storage/storerecords.h"

#include <QAbstractTableModel>

namespace Glc {
/// The license syncs of a connection's servers as the console saw them, newest first: each change of a
/// server's `license-sync-status` a refresh or a Sync now recorded (GitHub itself reports only the last one).
class SyncHistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { LastSyncColumn, ServerColumn, StatusColumn, ErrorColumn, SeenColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< QDateTime, QString; for the status: bool succeeded
    };
    Q_ENUM(Role)

    explicit SyncHistoryModel(QObject *parent = nullptr);

    /// Takes @p records in any order (LicenseStore::syncStatusHistory() gives them oldest first).
    void setRecords(const QList<SyncStatusRecord> &records);
    const SyncStatusRecord &record(int row) const { return m_records.at(row); }
    /// Every host in the history, in alphabetical order.
    QStringList hosts() const;
    static QString statusText(const LicenseSyncStatus &status);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SyncStatusRecord> m_records;
};
} // namespace Glc
