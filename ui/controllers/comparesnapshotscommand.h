// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QObject>
#include <QPointer>

class LicenseController;
namespace Glc {
class SnapshotChangesJob;
}
class SnapshotChangesDialog;
class QWidget;

/// View > Compare Snapshots: opens SnapshotChangesDialog on the connection's stored snapshots and
/// compares the chosen two through Glc::SnapshotChangesJob in the worker thread (the two newest at
/// first). Deletes itself with the dialog.
class CompareSnapshotsCommand : public QObject
{
    Q_OBJECT
public:
    CompareSnapshotsCommand(LicenseController *controller, QWidget *parentWidget);

    void start();
    SnapshotChangesDialog *dialog() const;

Q_SIGNALS:
    /// A comparison was shown (or its error).
    void compared(bool success);

private:
    void compare(qint64 fromId, qint64 toId);

    LicenseController *const m_controller;
    QPointer<SnapshotChangesDialog> m_dialog;
    Glc::SnapshotChangesJob *m_job = nullptr; ///< the newest comparison while it runs
    int m_generation = 0;
};
