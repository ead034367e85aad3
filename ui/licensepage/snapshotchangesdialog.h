// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/snapshotdiff.h"
#include "storage/storerecords.h"

#include <QDialog>

class InlineMessage;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTreeWidget;

/// Compare Snapshots: who came, who went and who changed environment between two snapshots of the
/// connection. Plain data in (the snapshots to choose from, then a comparison), the choice out through
/// compareRequested(); CompareSnapshotsCommand runs the comparison.
class SnapshotChangesDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SnapshotChangesDialog(QWidget *parent = nullptr);

    /// Oldest first (as the history has them); the two newest are chosen.
    void setSnapshots(const QList<Glc::SnapshotSummary> &snapshots);
    void setBusy(bool busy);
    void showError(const QString &text, const QString &nextStep);
    void setChanges(const Glc::SnapshotSummary &from, const Glc::SnapshotSummary &to,
        const Glc::CompactLicenseRows &before, const Glc::CompactLicenseRows &after, const Glc::SnapshotDiff &diff);

    qint64 fromId() const;
    qint64 toId() const;
    QComboBox *fromBox() const { return m_from; }
    QComboBox *toBox() const { return m_to; }
    QTreeWidget *tree() const { return m_tree; }
    /// Save List…: enabled while a comparison is shown.
    QPushButton *saveButton() const { return m_save; }
    /// The list of the comparison shown was written to `path` / was not (the comparison stays).
    void showSaved(const QString &path);
    void showSaveError(const QString &text, const QString &nextStep);
    QString summaryText() const;

Q_SIGNALS:
    void compareRequested(qint64 fromId, qint64 toId);
    /// Save List… was clicked: the comparison shown, as a CSV file.
    void saveRequested();

private:
    void requestComparison();

    QComboBox *const m_from;
    QComboBox *const m_to;
    QLabel *const m_summary;
    QProgressBar *const m_busy; ///< moves while two large snapshots are compared
    InlineMessage *const m_error;
    QTreeWidget *const m_tree;
    QDialogButtonBox *const m_buttons;
    QPushButton *const m_save;
};
