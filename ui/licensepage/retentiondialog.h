// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "storage/storerecords.h"

#include <QDialog>

#include <optional>

class InlineMessage;
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QSpinBox;

/// Edits the snapshot retention setting: how many snapshots of each connection to keep and how old
/// they may get (0: no limit). Plain data in and out; RetentionCommand reads and stores it.
class RetentionDialog : public QDialog
{
    Q_OBJECT
public:
    explicit RetentionDialog(QWidget *parent = nullptr);

    void setPolicy(const Glc::RetentionPolicy &policy);
    /// What is stored now (each connection's snapshots, oldest first) and its size on disk, of which
    /// `unusedBytes` left by removed snapshots (-1: the store has no such figure, PostgreSQL): the
    /// dialog then says how many snapshots the limits being edited would remove, and offers to compact
    /// the database file where that can give space back.
    void setStored(const QList<QList<Glc::SnapshotSummary>> &snapshots, qint64 databaseBytes, qint64 unusedBytes = -1);
    Glc::RetentionPolicy policy() const;
    /// Whether OK also compacts the database file (Glc::RetentionJob::Compact).
    bool compact() const;
    /// While the setting is read or stored: the fields and OK are disabled.
    void setBusy(bool busy);
    /// While the setting is stored and old snapshots removed: Cancel, Esc and closing the window ask
    /// to stop the removal (cancelRequested()) instead of closing; the dialog closes when it stopped.
    void setStoring(bool storing);
    /// Removing old snapshots: `done` of `total` removed, in a progress bar.
    void setProgress(qint64 done, qint64 total);
    /// Compacting the database file after removing: a busy bar, saying so; Cancel still stops it.
    void setCompacting();
    void showError(const QString &text, const QString &nextStep);

    QProgressBar *progressBar() const { return m_progress; }

Q_SIGNALS:
    /// Cancel while storing (see setStoring()).
    void cancelRequested();

public Q_SLOTS:
    void reject() override;

    QSpinBox *keepNewestBox() const { return m_keepNewest; }
    QSpinBox *maxAgeDaysBox() const { return m_maxAgeDays; }
    QCheckBox *compactBox() const { return m_compact; }
    QDialogButtonBox *buttons() const { return m_buttons; }

private:
    void updateSummary();

    QLabel *const m_intro;
    QSpinBox *const m_keepNewest;
    QSpinBox *const m_maxAgeDays;
    QLabel *const m_summary;
    QLabel *const m_stored;
    QCheckBox *const m_compact;
    QProgressBar *const m_progress;
    InlineMessage *const m_error;
    QDialogButtonBox *const m_buttons;
    bool m_storing = false;
    std::optional<QList<QList<Glc::SnapshotSummary>>> m_snapshots; ///< once read
    qint64 m_databaseBytes = 0;
    qint64 m_unusedBytes = -1;
};
