// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "countedtwicemodels.h"

#include <KLocalizedString>
#include <QLocale>

#include <algorithm>

namespace Glc {
namespace {
bool hasSeat(const CompactLicenseRows &seats, int row)
{
    return row >= 0 && row < seats.size();
}

/// The findings of @p all whose seats @p valid accepts: @p all itself (shared, not copied) when every one does, as
/// in every analysis of the seats it was given.
template<typename T, typename Valid>
QList<T> withSeats(const QList<T> &all, Valid valid)
{
    if (std::all_of(all.cbegin(), all.cend(), valid)) {
        return all;
    }
    QList<T> kept;
    std::copy_if(all.cbegin(), all.cend(), std::back_inserter(kept), valid);
    return kept;
}

QString percentText(double value)
{
    return i18nc("@item percentage, %1 is a number", "%1%", QLocale().toString(value, 'f', 0));
}
} // namespace

void SuspectedPairsModel::setAnalysis(const CountedTwiceResult &result, const CompactLicenseRows &seats)
{
    beginResetModel();
    m_given.clear();
    m_seats = seats;
    // Translated once here, not per cell: a sort asks for the column's text twice per comparison.
    m_serverAccountPattern = ki18nc("@item:intable %1 a server's user ids, %2 the user's e-mail", "%1 (%2)")
                                 .subs(QStringLiteral("%1"))
                                 .subs(QStringLiteral("%2"))
                                 .toString();
    m_analysed = withSeats(result.pairs, [&seats](const CountedTwicePair &pair) {
        return hasSeat(seats, pair.serverRow) && hasSeat(seats, pair.cloudRow);
    });
    m_totalSeatsFreed = 0;
    for (const CountedTwicePair &pair : std::as_const(m_analysed)) {
        m_totalSeatsFreed += pair.seatsFreed;
    }
    endResetModel();
}

void SuspectedPairsModel::setRows(const QList<SuspectedPairRow> &rows)
{
    beginResetModel();
    m_given = rows;
    m_analysed.clear();
    m_seats = {};
    m_totalSeatsFreed = 0;
    for (const SuspectedPairRow &row : rows) {
        m_totalSeatsFreed += row.seatsFreed;
    }
    endResetModel();
}

const CountedTwicePair *SuspectedPairsModel::analysed(int row) const
{
    return m_given.isEmpty() && row >= 0 && row < m_analysed.size() ? &m_analysed.at(row) : nullptr;
}

SuspectedPairRow SuspectedPairsModel::pair(int row) const
{
    if (!analysed(row)) {
        return row >= 0 && row < m_given.size() ? m_given.at(row) : SuspectedPairRow{};
    }
    const auto value = [this, row](int column, int role = Qt::DisplayRole) { return index(row, column).data(role); };
    return {value(ServerAccountColumn).toString(), value(CloudAccountColumn).toString(), value(ReasonColumn).toString(),
        value(FixColumn).toString(), value(SeatsColumn, CountedTwiceRoles::SortRole).toInt(),
        value(ConfidenceColumn, CountedTwiceRoles::SortRole).toDouble()};
}

QList<SuspectedPairRow> SuspectedPairsModel::pairs() const
{
    QList<SuspectedPairRow> all;
    all.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        all.append(pair(row));
    }
    return all;
}

std::pair<int, int> SuspectedPairsModel::seats(int row) const
{
    const CountedTwicePair *pair = analysed(row);
    return pair ? std::pair{pair->serverRow, pair->cloudRow} : std::pair{-1, -1};
}

int SuspectedPairsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_given.isEmpty() ? m_analysed.size() : m_given.size());
}

int SuspectedPairsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SuspectedPairsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    const int column = index.column();
    switch (role) {
    case CountedTwiceRoles::FindingRole:
        return index.row();
    case Qt::TextAlignmentRole:
        return column == SeatsColumn || column == ConfidenceColumn
            ? QVariant(Qt::Alignment(Qt::AlignRight | Qt::AlignVCenter))
            : QVariant();
    case Qt::DisplayRole:
    case Qt::ToolTipRole:
    case CountedTwiceRoles::SortRole:
        break;
    default:
        return {};
    }
    // The fix, the sentence the admin acts on, and the reason are whole in their tooltips where the columns cut them.
    if (role == Qt::ToolTipRole && column != ReasonColumn && column != FixColumn) {
        return {};
    }
    const int row = index.row();
    if (column == ReasonColumn || column == FixColumn || column == ServerAccountColumn) {
        // One column's text, not the whole row's: a sort asks for it twice per comparison.
        if (const CountedTwicePair *pair = analysed(row)) {
            return column == FixColumn ? pair->fix
                : column == ReasonColumn
                ? CountedTwicePair::reasonText(pair->reason)
                : m_serverAccountPattern.arg(
                      m_seats.list(pair->serverRow, CompactLicenseRows::List::ServerUserIds).join(QStringLiteral(", ")),
                      pair->serverEmail);
        }
        const SuspectedPairRow &given = m_given.at(row);
        return column == FixColumn ? given.fix : column == ReasonColumn ? given.reason : given.serverAccount;
    }
    const CountedTwicePair *pair = analysed(row);
    switch (column) {
    case CloudAccountColumn:
        return pair ? m_seats.text(pair->cloudRow, CompactLicenseRows::Text::Login) : m_given.at(row).cloudAccount;
    case SeatsColumn: {
        const int seats = pair ? pair->seatsFreed : m_given.at(row).seatsFreed;
        return role == CountedTwiceRoles::SortRole ? QVariant(seats) : QVariant(QLocale().toString(seats));
    }
    case ConfidenceColumn: {
        const double confidence = pair ? pair->confidence / 100.0 : m_given.at(row).confidence;
        return role == CountedTwiceRoles::SortRole ? QVariant(confidence) : QVariant(percentText(confidence * 100.0));
    }
    }
    return {};
}

QVariant SuspectedPairsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case ServerAccountColumn:
        return i18nc("@title:column", "Enterprise Server account");
    case CloudAccountColumn:
        return i18nc("@title:column", "GitHub.com account");
    case ReasonColumn:
        return i18nc("@title:column", "Reason");
    case FixColumn:
        return i18nc("@title:column", "Fix");
    case SeatsColumn:
        return i18nc("@title:column", "Seats freed");
    case ConfidenceColumn:
        return i18nc("@title:column", "Confidence");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}

void UnexpectedSeatsModel::setAnalysis(const CountedTwiceResult &result, const CompactLicenseRows &seats)
{
    beginResetModel();
    m_given.clear();
    m_seats = seats;
    m_analysed =
        withSeats(result.unexpected, [&seats](const UnexpectedSeat &seat) { return hasSeat(seats, seat.row); });
    endResetModel();
}

void UnexpectedSeatsModel::setRows(const QList<UnexpectedSeatRow> &rows)
{
    beginResetModel();
    m_given = rows;
    m_analysed.clear();
    m_seats = {};
    endResetModel();
}

UnexpectedSeatRow UnexpectedSeatsModel::seat(int row) const
{
    if (m_given.isEmpty() && row >= 0 && row < m_analysed.size()) {
        const UnexpectedSeat &seat = m_analysed.at(row);
        // A subscriber without a github.com account has no login: the subscription's e-mail names the seat.
        const QString login = m_seats.text(seat.row, CompactLicenseRows::Text::Login);
        return {
            login.isEmpty() ? m_seats.text(seat.row, CompactLicenseRows::Text::VisualStudioSubscriptionEmail) : login,
            UnexpectedSeat::kindText(seat.kind), seat.explanation};
    }
    return row >= 0 && row < m_given.size() ? m_given.at(row) : UnexpectedSeatRow{};
}

QList<UnexpectedSeatRow> UnexpectedSeatsModel::seats() const
{
    QList<UnexpectedSeatRow> all;
    all.reserve(rowCount());
    for (int row = 0; row < rowCount(); ++row) {
        all.append(seat(row));
    }
    return all;
}

int UnexpectedSeatsModel::seatRow(int row) const
{
    return m_given.isEmpty() && row >= 0 && row < m_analysed.size() ? m_analysed.at(row).row : -1;
}

int UnexpectedSeatsModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_given.isEmpty() ? m_analysed.size() : m_given.size());
}

int UnexpectedSeatsModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant UnexpectedSeatsModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid)) {
        return {};
    }
    if (role == CountedTwiceRoles::FindingRole) {
        return index.row();
    }
    const bool text = role == Qt::DisplayRole || role == CountedTwiceRoles::SortRole;
    if (!text && !(role == Qt::ToolTipRole && index.column() == ExplanationColumn)) {
        return {};
    }
    const UnexpectedSeatRow shown = seat(index.row());
    switch (index.column()) {
    case SeatColumn:
        return shown.seat;
    case KindColumn:
        return shown.kind;
    case ExplanationColumn:
        return shown.explanation;
    }
    return {};
}

QVariant UnexpectedSeatsModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole) {
        return QAbstractTableModel::headerData(section, orientation, role);
    }
    switch (section) {
    case SeatColumn:
        return i18nc("@title:column", "Seat");
    case KindColumn:
        return i18nc("@title:column why a seat counts", "Counts because");
    case ExplanationColumn:
        return i18nc("@title:column", "What to do");
    }
    return QAbstractTableModel::headerData(section, orientation, role);
}
} // namespace Glc
