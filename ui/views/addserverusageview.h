// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "views/actionview.h"

class QLabel;
class UsageFileDropZone;

/// Add server usage: drop (or choose, or paste) license usage files; each is checked at once with a
/// specific message, previewed, then uploaded one by one with a result per file.
class AddServerUsageView : public ActionView
{
    Q_OBJECT
public:
    AddServerUsageView(LicenseController *controller, QWidget *parent = nullptr);

    UsageFileDropZone *dropZone() const { return m_dropZone; }
    QLabel *previewLabel() const { return m_preview; }
    QStringList files() const { return m_files; }
    /// Checks files as if they were dropped.
    void addFiles(const QStringList &paths);

Q_SIGNALS:
    void filesChecked();

protected:
    void startRequested() override;
    void jobDone(Glc::WorkflowJob *job) override;
    /// Assisted upload: the folder of the file GitHub's page asks for, to drag it into the browser.
    AssistCompanion assistCompanion() const override;

private:
    UsageFileDropZone *const m_dropZone;
    QLabel *const m_preview;
    QStringList m_files;
    QStringList m_uploadable;
    qsizetype m_uploading = 0; ///< index in m_uploadable of the file being uploaded (one after another)
};
