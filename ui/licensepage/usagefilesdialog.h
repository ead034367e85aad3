// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "serverrecordsdialog.h"

class QMenu;
class QModelIndex;

namespace Glc {
class UsageFilesModel;
}

/// View > Usage Files: every license usage file exported from a server or uploaded to the enterprise
/// on the active connection (Glc::UsageFilesModel, read with the page data off the interface thread):
/// when, which server, its size and SHA-256, the outcome and, for an upload, GitHub's state of it.
/// Sortable by any column; one server or all; follows the model as exports and uploads add files and
/// uploads change state.
class UsageFilesDialog : public ServerRecordsDialog
{
    Q_OBJECT
public:
    explicit UsageFilesDialog(Glc::UsageFilesModel *model, QWidget *parent = nullptr);

    /// Shows the files of @p host; when none is on record, all servers' with a word about it.
    void setServer(const QString &host);

Q_SIGNALS:
    /// A row's Open Containing Folder: the folder the file was written to or uploaded from.
    void openFolderRequested(const QString &folder);
    /// A row's Add Server Usage: the selected exported files that are still there, for Add server usage.
    void addServerUsageRequested(const QStringList &files);

private:
    void updateSummary();
    void addFileActions(QMenu *menu, const QModelIndex &index);

    Glc::UsageFilesModel *const m_model;
    /// The server asked for by setServer() that has no files yet; cleared by another choice.
    QString m_missingServer;
};
