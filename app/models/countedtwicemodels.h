// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"

#include <QAbstractTableModel>

namespace Glc {

/// One suspected pair of accounts that GitHub counts as two seats, as a view shows it.
struct SuspectedPairRow
{
    QString serverAccount; ///< e.g. "ghes1.example.com:4 (jdoe@corp.example)"
    QString cloudAccount; ///< e.g. "jdoe-corp" or an email
    QString reason; ///< why they look like one person
    QString fix; ///< what makes GitHub count them once
    int seatsFreed = 0;
    double confidence = 0; ///< 0..1

    bool operator==(const SuspectedPairRow &) const = default;
};

/// A seat GitHub's own rules consume that admins often do not expect (a pending invitation only, a Visual Studio
/// subscriber without a matching github.com account), as a view shows it.
struct UnexpectedSeatRow
{
    QString seat; ///< the login, else the subscriber's e-mail
    QString kind; ///< why it counts, in a few words
    QString explanation; ///< the whole story with the next step

    bool operator==(const UnexpectedSeatRow &) const = default;
};

/// The roles both findings models answer besides Qt's own.
namespace CountedTwiceRoles {
enum Role {
    /// The row's number in the model: what a view's signals name, whatever order a proxy sorted the rows into.
    FindingRole = Qt::UserRole,
    /// What a column sorts by: numbers as numbers (seats, confidence), else the text shown.
    SortRole,
};
}

/// The suspected pairs of a counted-twice analysis, one row each, in the analysis' order (the best reason first).
/// A row's texts are made when a view asks for them: an analysis of 10,000 pairs costs a view only the rows it
/// shows. Rows can also be given as they are (setRows()), for findings that were never an analysis.
class SuspectedPairsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        ServerAccountColumn,
        CloudAccountColumn,
        ReasonColumn,
        FixColumn,
        SeatsColumn,
        ConfidenceColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    /// The pairs of @p result over the @p seats it analysed (both shared, not copied); pairs naming a seat
    /// that @p seats lacks are left out.
    void setAnalysis(const CountedTwiceResult &result, const CompactLicenseRows &seats);
    /// @p rows as they are; seats() knows no seats then.
    void setRows(const QList<SuspectedPairRow> &rows);
    void clear() { setRows({}); }

    /// Row @p row as the view shows it; an empty row out of range.
    SuspectedPairRow pair(int row) const;
    /// Every row, made now.
    QList<SuspectedPairRow> pairs() const;
    /// The rows of the analysed seats of pair @p row (server, cloud); -1 each when there is none.
    std::pair<int, int> seats(int row) const;
    int totalSeatsFreed() const { return m_totalSeatsFreed; }

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    const CountedTwicePair *analysed(int row) const;

    QList<SuspectedPairRow> m_given;
    QList<CountedTwicePair> m_analysed; ///< the analysis' pairs whose seats are in m_seats
    CompactLicenseRows m_seats;
    QString m_serverAccountPattern; ///< "%1 (%2)" in the interface's language: ids (e-mail)
    int m_totalSeatsFreed = 0;
};

/// The seats of a counted-twice analysis that GitHub's own rules count unexpectedly, one row each: the seat,
/// why it counts and what frees it. Rows made when asked for, or given (setRows()), like SuspectedPairsModel.
class UnexpectedSeatsModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        SeatColumn,
        KindColumn,
        ExplanationColumn,
        ColumnCount,
    };
    Q_ENUM(Column)

    using QAbstractTableModel::QAbstractTableModel;

    /// The unexpected seats of @p result over the @p seats it analysed; those naming a seat that @p seats lacks are
    /// left out.
    void setAnalysis(const CountedTwiceResult &result, const CompactLicenseRows &seats);
    void setRows(const QList<UnexpectedSeatRow> &rows);

    UnexpectedSeatRow seat(int row) const;
    QList<UnexpectedSeatRow> seats() const;
    /// The row of the analysed seat of row @p row; -1 when there is none.
    int seatRow(int row) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<UnexpectedSeatRow> m_given;
    QList<UnexpectedSeat> m_analysed; ///< the analysis' seats that are in m_seats
    CompactLicenseRows m_seats;
};

} // namespace Glc
