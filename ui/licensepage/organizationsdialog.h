// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/organizationbreakdown.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTreeWidget;

/// View > Seats by Organization: the seats of the snapshot on the page per github.com organization
/// (Glc::OrganizationBreakdown, computed with the page data off the interface thread), sortable by any
/// column. Show Seats (or Enter, or a double click on a row) asks for the consumed-licenses table
/// filtered to the chosen organization.
class OrganizationsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit OrganizationsDialog(QWidget *parent = nullptr);

    /// The breakdown of the snapshot on the page; without a snapshot, says so instead.
    void setBreakdown(const Glc::OrganizationBreakdown &breakdown, bool hasSnapshot = true);
    /// The organization of the current row, empty when none.
    QString currentOrganization() const;

    QTreeWidget *list() const { return m_list; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *showSeatsButton() const { return m_showSeats; }

    /// The columns of list().
    enum Column {
        NameColumn,
        MembersColumn,
        OwnersColumn,
        PendingColumn,
        WithoutTwoFactorColumn,
    };

Q_SIGNALS:
    void showSeatsRequested(const QString &organization);

private:
    void requestSeats();

    QLabel *const m_summary;
    QTreeWidget *const m_list;
    QPushButton *const m_showSeats;
    QDialogButtonBox *const m_buttons;
};
