// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QDialog>

class QLabel;
class ServerFilterCombo;
class QSortFilterProxyModel;
class QTreeView;

namespace Glc {
class SyncHistoryModel;
}

/// View > Sync History: every license sync of the active connection's servers the console has on record
/// (Glc::SyncHistoryModel, read with the page data off the interface thread), newest first: when the server
/// synced, the outcome with GitHub's error text, and when the console saw it. One server or all; follows the
/// model as refreshes and Sync now record more.
class SyncHistoryDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SyncHistoryDialog(Glc::SyncHistoryModel *model, QWidget *parent = nullptr);

    QTreeView *view() const { return m_view; }
    QLabel *summaryLabel() const { return m_summary; }
    ServerFilterCombo *serverCombo() const { return m_server; }
    /// Shows the syncs of @p host, when the history has any (else all servers).
    void setServer(const QString &host);

private:
    void updateSummary();

    Glc::SyncHistoryModel *const m_model;
    QSortFilterProxyModel *const m_filtered;
    QLabel *const m_summary;
    ServerFilterCombo *const m_server;
    QTreeView *const m_view;
};
