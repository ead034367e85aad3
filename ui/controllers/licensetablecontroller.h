// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensepage/licensefilterbar.h"

#include <QObject>
#include <QSettings>

#include <optional>

class LicensePage;
class QMenu;
class QModelIndex;
class QTableView;

namespace Glc {
class CompactLicenseRows;
class ConsumedLicensesFilterModel;
class ConsumedLicensesModel;
struct PageData;
} // namespace Glc

/// The License page's consumed-licenses table: the model of the seats, the filter proxy the filter bar
/// drives, the view with its context menu (logins, e-mail addresses, the profile), and the seats the
/// counted-twice panel points at selected and shown.
class LicenseTableController : public QObject
{
    Q_OBJECT
public:
    LicenseTableController(LicensePage *page, QObject *parent = nullptr);

    QTableView *table() const { return m_table; }
    Glc::ConsumedLicensesModel *model() const { return m_model; }
    Glc::ConsumedLicensesFilterModel *filterModel() const { return m_filter; }

    /// The seats of a snapshot; nothing to do when the model holds these very rows already (a page load
    /// delivers them first, then again with the rest of its data).
    void setRows(const Glc::CompactLicenseRows &rows);
    /// The filter bar's choices for `data` (environments: Cloud, server only and each of `hosts`; license
    /// types; organizations by name), then the bar's filter applied.
    void setFilterChoices(const Glc::PageData &data, const QStringList &hosts);
    /// Applies what changed in the filter bar to the proxy.
    void applyFilter();
    /// Selects the seats of the model's `rows` in the table (the filters off when they hide one), shows it
    /// and gives it the focus.
    void showSeats(const QList<int> &rows);
    /// The model's rows in the order the table shows them; none when it shows every row in the model's
    /// own order.
    std::optional<QList<int>> shownRows() const;

    /// The columns as actions that show or hide each, in the table's order (the last shown one cannot be
    /// hidden), then Reset Columns: what the header's and the table's context menus offer.
    void addColumnActions(QMenu *menu);
    /// Every column shown, in the model's order, at the width it starts with; the sort stays.
    void resetColumns();

private:
    /// The table's context menu: the logins and e-mail addresses of the selected seats, the profile of
    /// the one under the pointer (`index`).
    void addSeatActions(QMenu *menu, const QModelIndex &index);
    /// The widths a column starts with: every title whole, the license type's words too.
    void fitColumns();
    /// The order, visibility and widths of the columns (not the sort: the rows come sorted by login), in
    /// the settings, so the next start shows the table as it was left (each column at least as wide as
    /// its title).
    void saveColumns();
    void restoreColumns();
    int shownColumns() const;

    LicensePage *const m_page;
    Glc::ConsumedLicensesModel *const m_model;
    Glc::ConsumedLicensesFilterModel *const m_filter;
    QTableView *const m_table;
    FilterState m_appliedFilter; ///< what the proxy filters by (its defaults at first)
    QSettings m_settings; ///< where saveColumns() writes (kept: a drag of a column writes at every step)
};
