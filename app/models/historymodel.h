// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/seatforecast.h"
#include "storage/storerecords.h"

#include <QAbstractTableModel>

namespace Glc {
/// Seats consumed and purchased per snapshot, oldest first: the data of the history chart.
class HistoryModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column { TakenAtColumn, ConsumedColumn, PurchasedColumn, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        RawValueRole = Qt::UserRole + 1, ///< QDateTime or int
        SnapshotIdRole,
    };
    Q_ENUM(Role)

    explicit HistoryModel(QObject *parent = nullptr);

    void setHistory(const QList<SnapshotSummary> &snapshots);
    /// Appends a snapshot taken after the others (a refresh just finished).
    void append(const SnapshotSummary &snapshot);
    const QList<SnapshotSummary> &history() const { return m_snapshots; }
    /// The forecast over the whole history against the latest purchased seats.
    SeatForecast forecast() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SnapshotSummary> m_snapshots;
};
} // namespace Glc
