// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "views/actionview.h"
#include "workflows/usagefilecheck.h"

#include <QHash>
#include <QPointer>

class QCheckBox;
class QLabel;
class UsageFileDropZone;

namespace Glc {
class AddServerUsageJob;
}

/// Add server usage: drop (or choose, or paste) license usage files; each is checked at once with a
/// specific message, previewed, then uploaded one by one with a result per file.
class AddServerUsageView : public ActionView
{
    Q_OBJECT
public:
    AddServerUsageView(LicenseController *controller, QWidget *parent = nullptr);

    UsageFileDropZone *dropZone() const { return m_dropZone; }
    QLabel *previewLabel() const { return m_preview; }
    /// Shown when a file belongs to a server the enterprise does not list yet: ticked, such files are
    /// uploaded too (an offline server's first upload).
    QCheckBox *allowNewServersCheck() const { return m_allowNewServers; }
    QStringList files() const { return m_files; }
    /// Adds files to the list as if they were dropped (one listed already is not listed twice) and checks
    /// the list again; after a finished upload they start a new list. Nothing while an upload runs (the drop
    /// zone says so).
    void addFiles(const QStringList &paths);
    /// Takes files off the list (Delete in the drop zone's list); nothing while an upload runs.
    void removeFiles(const QStringList &paths);
    /// A check of dropped files is running (Upload waits for it).
    bool isChecking() const;

Q_SIGNALS:
    void filesChecked();

protected:
    void startRequested() override;
    void jobDone(Glc::WorkflowJob *job) override;
    /// Assisted upload: the folder of the file GitHub's page asks for, to drag it into the browser.
    AssistCompanion assistCompanion() const override;

private:
    UsageFileDropZone *const m_dropZone;
    /// Checks @p paths, replacing the files and the check before (a running one is cancelled and its
    /// results are ignored).
    void checkFiles(const QStringList &paths);
    void updateUploadable();

    QLabel *const m_preview;
    QCheckBox *const m_allowNewServers;
    QStringList m_files;
    bool m_filesUploaded = false; ///< m_files went up: the next files start a new list
    /// Of each file by its path, as last checked: what the preview shows when it is chosen in the list (whose rows
    /// are the checked files, then the uploaded ones).
    QHash<QString, QString> m_previews;
    QList<Glc::UsageFileCheck::Outcome> m_checks; ///< of m_files, as last checked
    QPointer<Glc::AddServerUsageJob> m_check; ///< the running check of m_files
    bool m_checkFailed = false; ///< the last check's error is shown above
    quint64 m_checkGeneration = 0; ///< counts checks; only the latest one's results are shown
    QStringList m_uploadable;
    qsizetype m_uploading = 0; ///< index in m_uploadable of the file being uploaded (one after another)
};
