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

    /// `unlimitedSeats`: the license has no seat limit (an Enterprise Server's "unlimited"), so the
    /// purchased seats of the snapshots mean nothing.
    void setHistory(const QList<SnapshotSummary> &snapshots, bool unlimitedSeats = false);
    /// Adds a snapshot in date order (a refresh just finished, or the lab's past added behind it).
    void append(const SnapshotSummary &snapshot);
    const QList<SnapshotSummary> &history() const { return m_snapshots; }
    bool unlimitedSeats() const { return m_unlimitedSeats; }
    /// The forecast over the whole history against the newest snapshot's purchased seats, or without a
    /// limit when the license has none (SeatForecast::forLatest()).
    SeatForecast forecast() const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<SnapshotSummary> m_snapshots;
    bool m_unlimitedSeats = false;
};
} // namespace Glc
