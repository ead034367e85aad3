// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "serverrecordsdialog.h"

namespace Glc {
class SyncHistoryModel;
}

/// View > Sync History: every license sync of the active connection's servers the console has on record
/// (Glc::SyncHistoryModel, read with the page data off the interface thread), newest first: when the server
/// synced, the outcome with GitHub's error text, and when the console saw it. One server or all; follows the
/// model as refreshes and Sync now record more.
class SyncHistoryDialog : public ServerRecordsDialog
{
    Q_OBJECT
public:
    explicit SyncHistoryDialog(Glc::SyncHistoryModel *model, QWidget *parent = nullptr);

    /// Shows the syncs of @p host, when the history has any (else all servers).
    void setServer(const QString &host);

private:
    void updateSummary();

    Glc::SyncHistoryModel *const m_model;
};
