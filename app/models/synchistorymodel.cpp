// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "synchistorymodel.h"

#include "core/dateformat.h"
#include "licensing/hostorder.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Glc {
SyncHistoryModel::SyncHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

void SyncHistoryModel::setRecords(const QList<SyncStatusRecord> &records)
{
    beginResetModel();
    m_records = records;
    // Newest first: by when the console saw the change, then by the sync's own date.
    std::stable_sort(m_records.begin(), m_records.end(), [](const SyncStatusRecord &a, const SyncStatusRecord &b) {
        if (a.recordedAt != b.recordedAt) {
            return a.recordedAt > b.recordedAt;
        }
        return a.id > b.id;
    });
    endResetModel();
}

QStringList SyncHistoryModel::hosts() const
{
    QStringList hosts;
    for (const SyncStatusRecord &r : m_records) {
        if (!r.status.hostname.isEmpty() && !hosts.contains(r.status.hostname)) {
            hosts.append(r.status.hostname);
        }
    }
    HostOrder::sort(hosts);
    return hosts;
}

QString SyncHistoryModel::statusText(const LicenseSyncStatus &status)
{
    if (!status.lastSyncDate.isValid() && status.status.isEmpty()) {
        return i18nc("@item:intable sync status", "Never synced");
    }
    return status.isSuccess() ? i18nc("@item:intable sync status", "Succeeded")
                              : i18nc("@item:intable sync status", "Failed");
}

int SyncHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_records.size());
}

int SyncHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SyncHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SyncStatusRecord &r = m_records.at(index.row());
    const auto dateText = [](const QDateTime &date) {
        return date.isValid() ? DateFormat::toString(date.toLocalTime()) : QString();
    };
    switch (role) {
    case RawValueRole:
        switch (index.column()) {
        case LastSyncColumn:
            return r.status.lastSyncDate;
        case ServerColumn:
            return r.status.hostname;
        case StatusColumn:
            return r.status.isSuccess();
        case ErrorColumn:
            return r.status.error;
        case SeenColumn:
            return r.recordedAt;
        }
        return {};
    case Qt::DisplayRole:
        switch (index.column()) {
        case LastSyncColumn:
            return r.status.lastSyncDate.isValid() ? dateText(r.status.lastSyncDate)
                                                   : i18nc("@item:intable last sync", "Never");
        case ServerColumn:
            return r.status.hostname;
        case StatusColumn:
            return statusText(r.status);
        case ErrorColumn:
            return r.status.error;
        case SeenColumn:
            return dateText(r.recordedAt);
        }
        return {};
    case Qt::ToolTipRole:
        return index.column() == ErrorColumn && !r.status.error.isEmpty() ? QVariant(r.status.error) : QVariant();
    }
    return {};
}

QVariant SyncHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case LastSyncColumn:
        return i18nc("@title:column when the server synced", "Synced");
    case ServerColumn:
        return i18nc("@title:column", "Server");
    case StatusColumn:
        return i18nc("@title:column", "Status");
    case ErrorColumn:
        return i18nc("@title:column", "Error");
    case SeenColumn:
        return i18nc("@title:column when the console saw the sync", "Recorded");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
} // namespace Glc
