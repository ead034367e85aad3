// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "historymodel.h"

#include "core/dateformat.h"

#include <KLocalizedString>

#include <QLocale>

#include <algorithm>

namespace Glc {
HistoryModel::HistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{
}

namespace {
bool takenBefore(const SnapshotSummary &a, const SnapshotSummary &b)
{
    return a.takenAt < b.takenAt;
}
} // namespace

void HistoryModel::setHistory(const QList<SnapshotSummary> &snapshots, bool unlimitedSeats)
{
    beginResetModel();
    m_unlimitedSeats = unlimitedSeats;
    m_snapshots = snapshots;
    std::stable_sort(m_snapshots.begin(), m_snapshots.end(), takenBefore);
    endResetModel();
}

void HistoryModel::append(const SnapshotSummary &snapshot)
{
    // After every snapshot taken at the same time or before: the order setHistory()'s stable sort gives.
    const auto at = std::upper_bound(m_snapshots.cbegin(), m_snapshots.cend(), snapshot, takenBefore);
    const int row = int(at - m_snapshots.cbegin());
    beginInsertRows({}, row, row);
    m_snapshots.insert(row, snapshot);
    endInsertRows();
}

SeatForecast HistoryModel::forecast() const
{
    const QList<SeatForecast::Point> points = SnapshotSummary::forecastPoints(m_snapshots);
    return m_unlimitedSeats
        ? SeatForecast::computeWithoutLimit(points)
        : SeatForecast::compute(points, m_snapshots.isEmpty() ? 0 : m_snapshots.constLast().totalSeatsPurchased);
}

int HistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_snapshots.size());
}

int HistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant HistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const SnapshotSummary &s = m_snapshots.at(index.row());
    if (role == SnapshotIdRole) {
        return s.id;
    }
    if (role == RawValueRole) {
        switch (index.column()) {
        case TakenAtColumn:
            return s.takenAt;
        case ConsumedColumn:
            return s.totalSeatsConsumed;
        case PurchasedColumn:
            return s.totalSeatsPurchased;
        }
        return {};
    }
    if (role == Qt::DisplayRole) {
        switch (index.column()) {
        case TakenAtColumn:
            return DateFormat::toString(s.takenAt.toLocalTime());
        case ConsumedColumn:
            return QLocale().toString(s.totalSeatsConsumed);
        case PurchasedColumn:
            return QLocale().toString(s.totalSeatsPurchased);
        }
    }
    return {};
}

QVariant HistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case TakenAtColumn:
        return i18nc("@title:column", "Snapshot");
    case ConsumedColumn:
        return i18nc("@title:column", "Seats consumed");
    case PurchasedColumn:
        return i18nc("@title:column", "Seats purchased");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
} // namespace Glc
