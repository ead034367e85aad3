// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "comparesnapshotscommand.h"

#include "licensecontroller.h"
#include "licensepage/snapshotchangesdialog.h"
#include "workflows/jobrunner.h"
#include "workflows/snapshotchangesjob.h"

#include <KLocalizedString>

CompareSnapshotsCommand::CompareSnapshotsCommand(LicenseController *controller, QWidget *parentWidget)
    : QObject(controller)
    , m_controller(controller)
    , m_dialog(new SnapshotChangesDialog(parentWidget))
{
    setObjectName(QStringLiteral("compareSnapshotsCommand"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &SnapshotChangesDialog::compareRequested, this, &CompareSnapshotsCommand::compare);
    connect(m_dialog, &QObject::destroyed, this, [this] {
        if (m_job) {
            Glc::JobRunner::cancel(m_job); // closed while comparing
        }
        deleteLater();
    });
}

SnapshotChangesDialog *CompareSnapshotsCommand::dialog() const
{
    return m_dialog;
}

void CompareSnapshotsCommand::start()
{
    const QList<Glc::SnapshotSummary> &history = m_controller->data().history;
    m_dialog->setSnapshots(history);
    m_dialog->show();
    if (history.size() < 2) {
        m_dialog->setBusy(true);
        m_dialog->showError(
            i18ncp("@info", "Only %1 snapshot of this connection is stored; a comparison needs two.",
                "Only %1 snapshots of this connection are stored; a comparison needs two.", int(history.size())),
            i18nc("@info", "Refresh again later: every refresh stores a snapshot."));
        Q_EMIT compared(false);
        return;
    }
    compare(m_dialog->fromId(), m_dialog->toId());
}

void CompareSnapshotsCommand::compare(qint64 fromId, qint64 toId)
{
    // Only the newest request's answer is shown when the choice changes while comparing.
    const int generation = ++m_generation;
    m_dialog->setBusy(true);
    if (m_job) {
        Glc::JobRunner::cancel(m_job); // superseded: the worker is free for this one sooner
    }
    auto *job = new Glc::SnapshotChangesJob(m_controller->context(), fromId, toId);
    m_job = job;
    connect(job, &Glc::WorkflowJob::finished, m_dialog, [this, job, generation] {
        if (m_job == job) {
            m_job = nullptr;
        }
        if (generation != m_generation) {
            return;
        }
        m_dialog->setBusy(false);
        const bool ok = job->status() == Glc::WorkflowJob::Status::Succeeded;
        if (ok) {
            m_dialog->setChanges(job->from(), job->to(), job->before(), job->after(), job->diff());
        } else {
            m_dialog->showError(job->errorText(), job->nextStep());
        }
        Q_EMIT compared(ok);
    });
    m_controller->runner()->start(job);
}
