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
/// Lab, and a GitHub Enterprise Server connection with admin-shell settings (over ssh): automatic.
/// Otherwise assisted: the admin exports on the server and picks up the downloaded file.
class ExportUsageView : public ActionView
{
    Q_OBJECT
public:
    /// Asked before an existing file is replaced; returns true to replace. Tests replace the dialog.
    using OverwriteQuestion = std::function<bool(const QString &path)>;
    /// Asks for the file downloaded in the assisted flow; empty: none chosen. Tests replace the dialog.
    using DownloadChooser = std::function<QString(QWidget *parent)>;

    ExportUsageView(LicenseController *controller, QWidget *parent = nullptr);

    /// Chooses @p host when the view offers it (and suggests its file name).
    void setServer(const QString &host);
    QComboBox *serverCombo() const { return m_server; }
    QLineEdit *targetEdit() const { return m_target; }
    QLabel *summaryLabel() const { return m_summary; }
    QPushButton *pickDownloadButton() const { return m_pickDownload; }
    /// After an export: opens Add server usage with the exported file (hidden until one succeeds).
    QPushButton *addExportedButton() const { return m_addExported; }
    void setOverwriteQuestion(const OverwriteQuestion &question) { m_ask = question; }
    /// What pickDownloadButton() asks with (a file dialog in the Downloads folder by default).
    void setDownloadChooser(const DownloadChooser &chooser) { m_chooseDownload = chooser; }
    /// Assisted flow: hands the downloaded file to the running job, which checks it, writes it to the
    /// target atomically and records it.
    void provideDownloadedFile(const QString &path);

Q_SIGNALS:
    /// Add Server Usage: the file just exported, for Add server usage.
    void addServerUsageRequested(const QStringList &files);

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
    QPushButton *const m_addExported;
    QString m_exported; ///< the file of the last successful export
    OverwriteQuestion m_ask;
    DownloadChooser m_chooseDownload;
    QPointer<Glc::ExportUsageJob> m_running;
};
