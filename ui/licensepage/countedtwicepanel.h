// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/mergedview.h"

#include <QGroupBox>

class QLabel;
class QPushButton;
class QTreeWidget;

/// One suspected pair of accounts that GitHub counts as two seats, as the panel shows it. The
/// integrator maps the analyzer's findings to this.
struct SuspectedPairRow
{
    QString serverAccount; ///< e.g. "ghes1.example.com: jdoe (jdoe@corp.example)"
    QString cloudAccount; ///< e.g. "jdoe-corp" or an email
    QString reason; ///< why they look like one person
    QString fix; ///< what makes GitHub count them once
    int seatsFreed = 0;
    double confidence = 0; ///< 0..1

    bool operator==(const SuspectedPairRow &) const = default;
};

/// A seat GitHub's own rules consume that admins often do not expect (a pending invitation only, a Visual Studio
/// subscriber without a matching github.com account), as the panel shows it.
struct UnexpectedSeatRow
{
    QString seat; ///< the login, else the subscriber's e-mail
    QString kind; ///< why it counts, in a few words
    QString explanation; ///< the whole story with the next step

    bool operator==(const UnexpectedSeatRow &) const = default;
};

/// "Counted twice": suspected pairs with reason, fix and seats each would free, under a header
/// that sums what fixing them all would free; then the seats that count unexpectedly. Both lists sort by any column
/// (click its title; numbers as numbers). Enter, a double click or Show in Table of the context menu asks for a
/// row's seats in the table, whatever the order.
class CountedTwicePanel : public QGroupBox
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

    explicit CountedTwicePanel(QWidget *parent = nullptr);

    /// The analysis of @p seats: its pairs and unexpected seats as rows (pairSeats() and unexpectedSeat() tell
    /// their seats), and the people.
    void showAnalysis(const Glc::CountedTwiceResult &result, const Glc::CompactLicenseRows &seats,
        const Glc::MergedView::Totals &people);
    /// The rows of the seats given to showAnalysis() of pair @p index (server, cloud); -1 when there is none.
    std::pair<int, int> pairSeats(int index) const;
    /// The row of the seat given to showAnalysis() of unexpected seat @p index; -1 when there is none.
    int unexpectedSeat(int index) const;
    /// Offers Show in Table (on by default): off where there is no table of the seats.
    void setShowInTable(bool offered) { m_showInTable = offered; }
    void setPairs(const QList<SuspectedPairRow> &pairs);
    void setUnexpectedSeats(const QList<UnexpectedSeatRow> &seats);
    QList<UnexpectedSeatRow> unexpectedSeats() const { return m_unexpected; }
    /// The seats as people by GitHub's matching rules, and the count once every pair is fixed.
    void setTotals(const Glc::MergedView::Totals &totals);
    Glc::MergedView::Totals totals() const { return m_totals; }
    QList<SuspectedPairRow> pairs() const { return m_pairs; }
    int totalSeatsFreed() const;
    QTreeWidget *view() const { return m_view; }
    QTreeWidget *unexpectedView() const { return m_unexpectedView; }
    /// What showAnalysis() was given: the findings and the seats they index (empty after setPairs()).
    const Glc::CountedTwiceResult &result() const { return m_result; }
    const Glc::CompactLicenseRows &seats() const { return m_seats; }

Q_SIGNALS:
    /// The user picked a pair (index into the rows given to setPairs).
    void pairActivated(int index);
    /// The user asked for an unexpected seat (index into the rows given to setUnexpectedSeats).
    void unexpectedSeatActivated(int index);
    /// Save Fix List…: the user wants result() as a file.
    void saveFixListRequested();

private:
    void showDetail();

    QLabel *const m_peopleLabel;
    QLabel *const m_countLabel;
    QLabel *const m_seatsLabel;
    QLabel *const m_emptyLabel;
    QTreeWidget *const m_view;
    QLabel *const m_detailLabel;
    QLabel *const m_unexpectedLabel;
    QTreeWidget *const m_unexpectedView;
    QPushButton *const m_saveButton;
    QList<SuspectedPairRow> m_pairs;
    QList<UnexpectedSeatRow> m_unexpected;
    QList<std::pair<int, int>> m_pairSeats;
    QList<int> m_unexpectedSeats;
    bool m_showInTable = true;
    Glc::CountedTwiceResult m_result;
    Glc::CompactLicenseRows m_seats;
    Glc::MergedView::Totals m_totals;
};
