// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDialog>

class QAbstractItemModel;
class QLabel;
class QMenu;
class QSortFilterProxyModel;
class QTreeView;
class ServerFilterCombo;

/// What the console keeps of each server, one record a row (Sync History, Usage Files): a summary line,
/// a Server filter, the records sorted by their raw values in a view whose columns fit their contents
/// (the last takes the room left), and Close. Subclasses choose the order, the actions and the summary.
class ServerRecordsDialog : public QDialog
{
    Q_OBJECT
public:
    /// The names of the dialog's parts: `prefix` + Dialog, Summary, Server, View and Buttons for the
    /// object names, and what the window, the summary and the view are called.
    struct Names
    {
        QString prefix;
        QString title;
        QString summary;
        QString view;
        QString viewDescription;
    };

    QTreeView *view() const { return m_view; }
    QLabel *summaryLabel() const { return m_summary; }
    ServerFilterCombo *serverCombo() const { return m_server; }

protected:
    /// @p model's rows filtered by the host in @p hostColumn and sorted by @p sortRole.
    ServerRecordsDialog(QAbstractItemModel *model, int hostColumn, int sortRole, const Names &names, QWidget *parent);

    /// The header's context menu: one checkable entry a column, shown or hidden. Call once the
    /// columns hidden at first are.
    void addColumnChoices();
    /// The same entries as a Columns submenu of @p menu (the list's context menu), for the keyboard: the
    /// header takes no focus.
    void addColumnsMenu(QMenu *menu);

    QSortFilterProxyModel *const m_proxy;
    QLabel *const m_summary;
    ServerFilterCombo *const m_server;
    QTreeView *const m_view;
};
