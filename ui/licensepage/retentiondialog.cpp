// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "retentiondialog.h"

#include "inlinemessage.h"
#include "storage/licensestore.h"
#include "widgetutil.h"

#include <KLocalizedString>
#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

RetentionDialog::RetentionDialog(QWidget *parent)
    : QDialog(parent)
    , m_intro(new QLabel(this))
    , m_keepNewest(new QSpinBox(this))
    , m_maxAgeDays(new QSpinBox(this))
    , m_summary(new QLabel(this))
    , m_stored(new QLabel(this))
    , m_compact(new QCheckBox(
          i18nc("@option:check", "Co&mpact the database file, giving unused space back to the disk"), this))
    , m_progress(new QProgressBar(this))
    , m_error(new InlineMessage(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("retentionDialog"));
    setWindowTitle(i18nc("@title:window", "Snapshot Retention"));
    m_intro->setObjectName(QStringLiteral("retentionIntro"));
    m_intro->setWordWrap(true);
    m_intro->setText(i18nc("@info",
        "Every refresh stores a snapshot, and the history chart and the forecast are drawn from them. Limit how "
        "many are kept; the newest snapshot of each connection is always kept."));

    m_keepNewest->setObjectName(QStringLiteral("keepNewestBox"));
    m_keepNewest->setRange(0, 100000);
    m_keepNewest->setSpecialValueText(i18nc("@item:inrange spin box at 0", "No limit"));
    m_keepNewest->setAccessibleName(i18nc("@label accessible name", "Snapshots kept per connection"));
    m_keepNewest->setToolTip(i18nc("@info:tooltip", "0: keep every snapshot"));
    m_maxAgeDays->setObjectName(QStringLiteral("maxAgeDaysBox"));
    m_maxAgeDays->setRange(0, 36500);
    m_maxAgeDays->setSpecialValueText(i18nc("@item:inrange spin box at 0", "No limit"));
    m_maxAgeDays->setAccessibleName(i18nc("@label accessible name", "Oldest snapshot kept, in days"));
    m_maxAgeDays->setToolTip(i18nc("@info:tooltip", "0: keep snapshots whatever their age"));
    m_summary->setObjectName(QStringLiteral("retentionSummary"));
    m_summary->setAccessibleName(i18nc("@label accessible name", "What is kept"));
    m_summary->setWordWrap(true);
    m_stored->setObjectName(QStringLiteral("retentionStored"));
    m_stored->setAccessibleName(i18nc("@label accessible name", "What is stored now"));
    m_stored->setWordWrap(true);
    m_stored->hide(); // until the store was read
    m_compact->setObjectName(QStringLiteral("compactBox"));
    m_compact->setChecked(true);
    m_compact->setAccessibleDescription(i18nc("@info accessible description",
        "After removing, rewrite the database file without the space removed snapshots took. A large store "
        "takes a while; Cancel stops it and leaves the file as it was."));
    m_compact->setToolTip(m_compact->accessibleDescription());
    m_compact->hide(); // until the store was read, and only where compacting gives space back (SQLite)
    m_progress->setObjectName(QStringLiteral("retentionProgress"));
    m_progress->setAccessibleName(i18nc("@label accessible name", "Older snapshots removed"));
    m_progress->setTextVisible(true);
    m_progress->hide();
    m_error->setObjectName(QStringLiteral("retentionError"));
    m_buttons->setObjectName(QStringLiteral("buttonBox"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("ok"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleDescription(i18nc("@info accessible description",
            "Keep these limits and remove the snapshots beyond them from every connection now"));
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancel"));

    auto *form = new QFormLayout;
    form->addRow(i18nc("@label:spinbox", "&Keep the newest:"), m_keepNewest);
    form->addRow(i18nc("@label:spinbox", "&Remove after (days):"), m_maxAgeDays);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addLayout(form);
    layout->addWidget(m_summary);
    layout->addWidget(m_stored);
    layout->addWidget(m_compact);
    layout->addWidget(m_progress);
    layout->addWidget(m_error);
    layout->addStretch();
    layout->addWidget(m_buttons);
    setMinimumWidth(WidgetUtil::latinTextWidth(this, 70));
    WidgetUtil::fitHeightToWrappedTexts(this); // the count of stored snapshots comes later

    // Tab follows the creation order (the reading order); the first limit has the focus when it opens.
    m_keepNewest->setFocus(Qt::OtherFocusReason);

    connect(m_keepNewest, &QSpinBox::valueChanged, this, &RetentionDialog::updateSummary);
    connect(m_maxAgeDays, &QSpinBox::valueChanged, this, &RetentionDialog::updateSummary);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateSummary();
}

void RetentionDialog::setPolicy(const Glc::RetentionPolicy &policy)
{
    m_keepNewest->setValue(policy.keepNewest);
    m_maxAgeDays->setValue(policy.maxAgeDays);
    updateSummary();
}

Glc::RetentionPolicy RetentionDialog::policy() const
{
    Glc::RetentionPolicy policy;
    policy.keepNewest = m_keepNewest->value();
    policy.maxAgeDays = m_maxAgeDays->value();
    return policy;
}

bool RetentionDialog::compact() const
{
    return m_unusedBytes >= 0 && m_compact->isChecked();
}

void RetentionDialog::setStored(
    const QList<QList<Glc::SnapshotSummary>> &snapshots, qint64 databaseBytes, qint64 unusedBytes)
{
    m_snapshots = snapshots;
    m_databaseBytes = databaseBytes;
    m_unusedBytes = unusedBytes;
    m_compact->setVisible(unusedBytes >= 0);
    updateSummary();
}

void RetentionDialog::setBusy(bool busy)
{
    m_keepNewest->setEnabled(!busy);
    m_maxAgeDays->setEnabled(!busy);
    m_compact->setEnabled(!busy);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!busy);
}

void RetentionDialog::setStoring(bool storing)
{
    m_storing = storing;
    if (!storing) {
        m_progress->hide();
    }
}

void RetentionDialog::setProgress(qint64 done, qint64 total)
{
    m_progress->setRange(0, int(qMax<qint64>(total, 1)));
    m_progress->setValue(int(qMin(done, total)));
    m_progress->setFormat(i18nc("@info:progress %1 of %2 snapshots", "Removing older snapshots: %1 of %2 removed",
        QLocale().toString(done), QLocale().toString(total)));
    m_progress->setVisible(m_storing && total > 0);
}

void RetentionDialog::setCompacting()
{
    // A busy bar draws no text: the line above it says what happens.
    m_stored->setText(i18nc("@info:progress", "Compacting the database file…"));
    m_stored->show();
    m_progress->setRange(0, 0);
    m_progress->setAccessibleName(m_stored->text());
    m_progress->setVisible(m_storing);
}

void RetentionDialog::reject()
{
    if (m_storing) {
        Q_EMIT cancelRequested();
        return;
    }
    QDialog::reject();
}

void RetentionDialog::showError(const QString &text, const QString &nextStep)
{
    m_error->showMessage(InlineMessage::Type::Error, text, nextStep);
}

void RetentionDialog::updateSummary()
{
    const Glc::RetentionPolicy p = policy();
    if (m_snapshots) {
        qsizetype stored = 0;
        qsizetype removed = 0;
        const QDateTime now = QDateTime::currentDateTimeUtc();
        for (const QList<Glc::SnapshotSummary> &connection : std::as_const(*m_snapshots)) {
            stored += connection.size();
            removed += Glc::LicenseStore::beyondRetention(connection, p, now).size();
        }
        const QString what = i18ncp("@info %2 is \"N connections\", %3 a size on disk",
            "Stored now: %1 snapshot of %2, taking %3.", "Stored now: %1 snapshots of %2, taking %3.", int(stored),
            i18ncp("@info part of a sentence", "%1 connection", "%1 connections", int(m_snapshots->size())),
            QLocale().formattedDataSize(m_databaseBytes));
        const QString effect = removed > 0
            ? i18ncp("@info", "OK removes %1 of them now.", "OK removes %1 of them now.", int(removed))
            : i18nc("@info", "OK removes none of them now.");
        const QString unused = m_unusedBytes > 0
            ? i18nc("@info %1 a size on disk", "%1 of the file is unused, left by removed snapshots.",
                  QLocale().formattedDataSize(m_unusedBytes))
            : QString();
        m_stored->setText(unused.isEmpty() ? i18nc("@info two sentences", "%1 %2", what, effect)
                                           : i18nc("@info three sentences", "%1 %2 %3", what, unused, effect));
        m_stored->show();
    }
    if (p.keepNewest == 0 && p.maxAgeDays == 0) {
        m_summary->setText(i18nc("@info", "Every snapshot is kept."));
    } else if (p.maxAgeDays == 0) {
        m_summary->setText(i18ncp("@info", "Only the newest snapshot of each connection is kept.",
            "The newest %1 snapshots of each connection are kept.", p.keepNewest));
    } else if (p.keepNewest == 0) {
        m_summary->setText(i18ncp("@info", "Snapshots older than %1 day are removed.",
            "Snapshots older than %1 days are removed.", p.maxAgeDays));
    } else {
        m_summary->setText(i18ncp("@info %1 snapshots, %2 days (already a phrase)",
            "Only the newest snapshot of each connection is kept, and none older than %2.",
            "The newest %1 snapshots of each connection are kept, and none older than %2.", p.keepNewest,
            i18ncp("@info part of a sentence", "%1 day", "%1 days", p.maxAgeDays)));
    }
}
