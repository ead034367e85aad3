// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/mergedview.h"
#include "models/countedtwicemodels.h"

#include <QGroupBox>

class InlineMessage;
class QLabel;
class QLineEdit;
class QPushButton;
class QTreeView;

/// "Counted twice": suspected pairs with reason, fix and seats each would free, under a header
/// that sums what fixing them all would free; then the seats that count unexpectedly. Both lists sort by any column
/// (click its title; numbers as numbers). Enter, a double click or Show in Table of the context menu asks for a
/// row's seats in the table, whatever the order.
class CountedTwicePanel : public QGroupBox
{
    Q_OBJECT
public:
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
    void setPairs(const QList<Glc::SuspectedPairRow> &pairs);
    void setUnexpectedSeats(const QList<Glc::UnexpectedSeatRow> &seats);
    /// Every unexpected seat as the list shows it (made now).
    QList<Glc::UnexpectedSeatRow> unexpectedSeats() const { return m_unexpectedModel->seats(); }
    /// The seats as people by GitHub's matching rules, and the count once every pair is fixed.
    void setTotals(const Glc::MergedView::Totals &totals);
    Glc::MergedView::Totals totals() const { return m_totals; }
    /// Every pair as the list shows it (made now).
    QList<Glc::SuspectedPairRow> pairs() const { return m_pairsModel->pairs(); }
    int totalSeatsFreed() const { return m_pairsModel->totalSeatsFreed(); }
    /// The pairs, in the order the analysis gives them until the user sorts them.
    QTreeView *view() const { return m_view; }
    QTreeView *unexpectedView() const { return m_unexpectedView; }
    /// Narrows the pairs shown to those with a text containing what is typed (any column, any case).
    QLineEdit *searchField() const { return m_search; }
    /// What showAnalysis() was given: the findings and the seats they index (empty after setPairs()).
    const Glc::CountedTwiceResult &result() const { return m_result; }
    const Glc::CompactLicenseRows &seats() const { return m_seats; }
    /// Why Save Fix List… failed, under the button the user pressed (hidden until then).
    InlineMessage *saveMessage() const { return m_saveMessage; }

Q_SIGNALS:
    /// The user picked a pair (index into the rows given to setPairs).
    void pairActivated(int index);
    /// The user asked for an unexpected seat (index into the rows given to setUnexpectedSeats).
    void unexpectedSeatActivated(int index);
    /// Save Fix List…: the user wants result() as a file.
    void saveFixListRequested();

private:
    /// Labels, visibility and column widths after the pairs' model changed.
    void pairsChanged();
    void unexpectedSeatsChanged();
    void showDetail();

    Glc::SuspectedPairsModel *const m_pairsModel;
    Glc::UnexpectedSeatsModel *const m_unexpectedModel;
    QLabel *const m_peopleLabel;
    QLabel *const m_countLabel;
    QLabel *const m_seatsLabel;
    QLabel *const m_emptyLabel;
    QLineEdit *const m_search;
    QTreeView *const m_view;
    QLabel *const m_detailLabel;
    QLabel *const m_unexpectedLabel;
    QTreeView *const m_unexpectedView;
    QPushButton *const m_saveButton;
    InlineMessage *const m_saveMessage;
    bool m_showInTable = true;
    Glc::CountedTwiceResult m_result;
    Glc::CompactLicenseRows m_seats;
    Glc::MergedView::Totals m_totals;
};
