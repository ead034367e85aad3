// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "retentioncommand.h"

#include "licensecontroller.h"
#include "licensepage/retentiondialog.h"
#include "workflows/jobrunner.h"
#include "workflows/retentionjob.h"

#include <KLocalizedString>
#include <QDialogButtonBox>
#include <QLocale>

RetentionCommand::RetentionCommand(LicenseController *controller, QWidget *parentWidget)
    : QObject(controller)
    , m_controller(controller)
    , m_dialog(new RetentionDialog(parentWidget))
{
    setObjectName(QStringLiteral("retentionCommand"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    // OK stores first and closes only once stored, so an error stays next to the fields.
    disconnect(m_dialog->buttons(), &QDialogButtonBox::accepted, m_dialog, &QDialog::accept);
    connect(m_dialog->buttons(), &QDialogButtonBox::accepted, this, &RetentionCommand::store);
    connect(m_dialog, &QObject::destroyed, this, [this] {
        if (m_job) {
            Glc::JobRunner::cancel(m_job); // the window went (the console quits): stop between two snapshots
        }
        deleteLater();
    });
    connect(m_dialog, &RetentionDialog::cancelRequested, this, [this] {
        if (m_job) {
            Glc::JobRunner::cancel(m_job);
        }
    });
}

RetentionDialog *RetentionCommand::dialog() const
{
    return m_dialog;
}

void RetentionCommand::start()
{
    m_dialog->setBusy(true);
    m_dialog->show();
    auto *job = new Glc::RetentionJob(m_controller->context());
    connect(job, &Glc::WorkflowJob::finished, m_dialog, [this, job] {
        if (job->status() == Glc::WorkflowJob::Status::Succeeded) {
            m_dialog->setPolicy(job->policy());
            m_dialog->setStored(job->storedSnapshots(), job->databaseBytes(), job->unusedBytes());
            m_dialog->setBusy(false);
        } else {
            m_dialog->showError(job->errorText(), job->nextStep());
        }
    });
    m_controller->runner()->start(job);
}

void RetentionCommand::store()
{
    m_dialog->setBusy(true);
    m_dialog->setStoring(true);
    auto *job = new Glc::RetentionJob(m_controller->context(), m_dialog->policy(),
        m_dialog->compact() ? Glc::RetentionJob::Compact::Yes : Glc::RetentionJob::Compact::No);
    m_job = job;
    connect(job, &Glc::WorkflowJob::progress, m_dialog, &RetentionDialog::setProgress);
    connect(job, &Glc::WorkflowJob::stageChanged, m_dialog, [this](int stage) {
        if (stage == Glc::RetentionJob::Compacting) {
            m_dialog->setCompacting();
        }
    });
    connect(job, &Glc::WorkflowJob::finished, m_dialog, [this, job] {
        m_job = nullptr;
        m_dialog->setStoring(false);
        const Glc::WorkflowJob::Status status = job->status();
        const int removed = job->removedSnapshots();
        if (status == Glc::WorkflowJob::Status::Failed) {
            m_dialog->setBusy(false);
            m_dialog->showError(job->errorText(), job->nextStep());
            if (removed > 0) {
                m_controller->reload();
            }
            Q_EMIT finished(false);
            return;
        }
        // Cancelled while removing: the setting is stored, what went is gone, the next refresh removes the rest.
        if (status == Glc::WorkflowJob::Status::Cancelled && job->compactingCancelled()) {
            Q_EMIT statusMessage(i18ncp("@info:status",
                "Snapshot retention saved; %1 older snapshot removed. Compacting was stopped: the database file "
                "is as it was.",
                "Snapshot retention saved; %1 older snapshots removed. Compacting was stopped: the database file "
                "is as it was.",
                removed));
        } else if (status == Glc::WorkflowJob::Status::Cancelled) {
            Q_EMIT statusMessage(i18ncp("@info:status",
                "Snapshot retention saved; removing older snapshots stopped after %1 snapshot. The next "
                "refresh removes the rest.",
                "Snapshot retention saved; removing older snapshots stopped after %1 snapshots. The next "
                "refresh removes the rest.",
                removed));
        } else {
            const QString saved = removed > 0
                ? i18ncp("@info:status", "Snapshot retention saved; %1 older snapshot removed.",
                      "Snapshot retention saved; %1 older snapshots removed.", removed)
                : i18nc("@info:status", "Snapshot retention saved.");
            Q_EMIT statusMessage(job->freedBytes() > 0
                    ? i18nc("@info:status %1 a sentence, %2 a size on disk", "%1 Compacting gave %2 back to the disk.",
                          saved, QLocale().formattedDataSize(job->freedBytes()))
                    : saved);
        }
        if (removed > 0) {
            m_controller->reload();
        }
        Q_EMIT finished(true);
        m_dialog->accept();
    });
    m_controller->runner()->start(job);
}
