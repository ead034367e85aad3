// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "storage/storerecords.h"

#include <QAbstractTableModel>

namespace Glc {
/// Usage files exported from servers and uploaded to the enterprise, newest first.
class UsageFilesModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        TimeColumn,
        DirectionColumn,
        FileNameColumn,
        HostColumn,
        VersionColumn,
        ServerIdColumn,
        SizeColumn,
        Sha256Column,
        OutcomeColumn,
        UploadStateColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1,
        IdRole, ///< qint64 record id
    };
    Q_ENUM(Role)

    explicit UsageFilesModel(QObject *parent = nullptr);

    void setFiles(const QList<UsageFileRecord> &files);
    /// Adds a new record at the top.
    void addFile(const UsageFileRecord &file);
    /// After polling userAccountsUploads: emits dataChanged for the state (and outcome) cells.
    bool setUploadState(qint64 id, UploadSyncState state, const QDateTime &when, const QString &outcome = {});
    const UsageFileRecord &file(int row) const { return m_files.at(row); }
    /// Every server host a file names, in alphabetical order.
    QStringList hosts() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<UsageFileRecord> m_files;
};
} // namespace Glc
