// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "views/actionview.h"

#include <functional>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace Glc {
class ExportUsageJob;
}

/// Export license usage: choose the server and the target file, then a summary of what was exported.
/// Lab: automatic. Otherwise assisted: the admin exports on the server and picks up the downloaded file.
class ExportUsageView : public ActionView
{
    Q_OBJECT
public:
    /// Asked before an existing file is replaced; returns true to replace. Tests replace the dialog.
    using OverwriteQuestion = std::function<bool(const QString &path)>;

    ExportUsageView(LicenseController *controller, QWidget *parent = nullptr);

    QComboBox *serverCombo() const { return m_server; }
    QLineEdit *targetEdit() const { return m_target; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *pickDownloadButton() const { return m_pickDownload; }
    void setOverwriteQuestion(const OverwriteQuestion &question) { m_ask = question; }
    /// Assisted flow: hands the downloaded file to the running job.
    void provideDownloadedFile(const QString &path);

protected:
    void startRequested() override;
    void jobDone(Glc::WorkflowJob *job) override;

private:
    void suggestTarget();

    QComboBox *const m_server;
    QLineEdit *const m_target;
    QPushButton *const m_browse;
    QPushButton *const m_pickDownload;
    QLabel *const m_summary;
    OverwriteQuestion m_ask;
    QPointer<Glc::ExportUsageJob> m_running;
};
