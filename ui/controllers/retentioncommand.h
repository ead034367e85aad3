// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QObject>
#include <QPointer>

class LicenseController;
class RetentionDialog;
namespace Glc {
class RetentionJob;
}
class QWidget;

/// File > Snapshot Retention: opens RetentionDialog with the stored setting (read in the worker
/// thread), stores the new one through Glc::RetentionJob (which removes the snapshots it no longer
/// keeps, with progress; Cancel stops the removal between two snapshots) and compacts the database file
/// when the dialog says so, then reloads the page and says how many snapshots went and what compacting
/// gave back. Deletes itself when done.
class RetentionCommand : public QObject
{
    Q_OBJECT
public:
    RetentionCommand(LicenseController *controller, QWidget *parentWidget);

    void start();
    RetentionDialog *dialog() const;

Q_SIGNALS:
    /// The setting was stored (or not: the dialog shows why and stays open).
    void finished(bool stored);
    /// What the status bar should say once stored (how many snapshots went).
    void statusMessage(const QString &text);

private:
    void store();

    LicenseController *const m_controller;
    QPointer<RetentionDialog> m_dialog;
    Glc::RetentionJob *m_job = nullptr; ///< storing; cleared when it finished
};
