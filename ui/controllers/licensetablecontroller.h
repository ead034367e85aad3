// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensepage/licensefilterbar.h"

#include <QObject>

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

private:
    /// The table's context menu: the logins and e-mail addresses of the selected seats, the profile of
    /// the one under the pointer (`index`).
    void addSeatActions(QMenu *menu, const QModelIndex &index);

    LicensePage *const m_page;
    Glc::ConsumedLicensesModel *const m_model;
    Glc::ConsumedLicensesFilterModel *const m_filter;
    QTableView *const m_table;
    FilterState m_appliedFilter; ///< what the proxy filters by (its defaults at first)
};
