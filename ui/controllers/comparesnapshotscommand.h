// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/snapshotdiff.h"
#include "storage/storerecords.h"

#include <QObject>
#include <QPointer>

#include <functional>

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
    /// Saves the comparison shown as CSV to `path` (the dialog's Save List…); empty: asks for a file
    /// first (nothing happens when the admin cancels that).
    void save(const QString &path = {});
    /// How a file is chosen (the console's save dialog); tests answer in its place.
    using Chooser = std::function<QString(QWidget *parent)>;
    void setChooser(const Chooser &chooser) { m_chooser = chooser; }

Q_SIGNALS:
    /// A comparison was shown (or its error).
    void compared(bool success);
    /// The list was written to `path` (true), or not (the dialog says why).
    void saved(const QString &path, bool success);

private:
    void compare(qint64 fromId, qint64 toId);

    LicenseController *const m_controller;
    QPointer<SnapshotChangesDialog> m_dialog;
    Glc::SnapshotChangesJob *m_job = nullptr; ///< the newest comparison while it runs
    int m_generation = 0;
    /// The comparison shown, for Save List… (shared copies).
    Glc::SnapshotSummary m_from;
    Glc::SnapshotSummary m_to;
    Glc::CompactLicenseRows m_before;
    Glc::CompactLicenseRows m_after;
    Glc::SnapshotDiff m_diff;
    Chooser m_chooser;
};
