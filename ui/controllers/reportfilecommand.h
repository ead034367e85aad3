// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QObject>
#include <QPointer>

#include <functional>

class LicenseController;
class ReportFileDialog;
class QWidget;
namespace Glc {
class ReportFileJob;
}

/// File > Check a License Report File: opens ReportFileDialog and judges the chosen file through
/// Glc::ReportFileJob in the worker thread. Deletes itself with the dialog.
class ReportFileCommand : public QObject
{
    Q_OBJECT
public:
    ReportFileCommand(LicenseController *controller, QWidget *parentWidget);

    /// Checks @p path; empty: asks for a file first (nothing happens when the admin cancels that).
    void start(const QString &path = {});
    ReportFileDialog *dialog() const;
    /// How a file is chosen (the console's file dialog); tests answer in its place.
    using Chooser = std::function<QString(QWidget *parent)>;
    void setChooser(const Chooser &chooser) { m_chooser = chooser; }

Q_SIGNALS:
    /// The file was judged, or its error shown.
    void checked(bool success);

private:
    QString chooseFile();

    LicenseController *const m_controller;
    QPointer<ReportFileDialog> m_dialog;
    Glc::ReportFileJob *m_job = nullptr;
    Chooser m_chooser;
};
