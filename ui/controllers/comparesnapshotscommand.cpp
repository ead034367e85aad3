// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "comparesnapshotscommand.h"

#include "filedialogs.h"
#include "licensecontroller.h"
#include "licensepage/snapshotchangesdialog.h"
#include "licensing/snapshotchangeswriter.h"
#include "workflows/jobrunner.h"
#include "workflows/snapshotchangesjob.h"
#include "workflows/writefilejob.h"

#include <KLocalizedString>

CompareSnapshotsCommand::CompareSnapshotsCommand(LicenseController *controller, QWidget *parentWidget)
    : QObject(controller)
    , m_controller(controller)
    , m_dialog(new SnapshotChangesDialog(parentWidget))
{
    setObjectName(QStringLiteral("compareSnapshotsCommand"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &SnapshotChangesDialog::compareRequested, this, &CompareSnapshotsCommand::compare);
    connect(m_dialog, &SnapshotChangesDialog::saveRequested, this, [this] { save(); });
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
            m_from = job->from();
            m_to = job->to();
            m_before = job->before();
            m_after = job->after();
            m_diff = job->diff();
            m_dialog->setChanges(m_from, m_to, m_before, m_after, m_diff);
        } else {
            m_dialog->showError(job->errorText(), job->nextStep());
        }
        Q_EMIT compared(ok);
    });
    m_controller->runner()->start(job);
}

void CompareSnapshotsCommand::save(const QString &path)
{
    QString file = path;
    if (file.isEmpty() && m_chooser) {
        file = m_chooser(m_dialog);
    } else if (file.isEmpty()) {
        file = Glc::FileDialogs::saveCsvFileName(m_dialog, i18nc("@title:window", "Save List of Changes"),
            QStringLiteral("snapshot-changes-%1-to-%2.csv")
                .arg(m_from.takenAt.toLocalTime().date().toString(Qt::ISODate),
                    m_to.takenAt.toLocalTime().date().toString(Qt::ISODate)));
    }
    if (file.isEmpty()) {
        return;
    }
    // With a byte order mark, as spreadsheet programs need to read UTF-8 (names, Chinese texts).
    auto *job =
        new Glc::WriteFileJob(m_controller->context(), file, [before = m_before, after = m_after, diff = m_diff] {
            return Glc::SnapshotChangesWriter::toCsv(before, after, diff, true);
        });
    connect(job, &Glc::WorkflowJob::finished, m_dialog, [this, job] {
        const bool ok = job->status() == Glc::WorkflowJob::Status::Succeeded;
        if (ok) {
            m_dialog->showSaved(job->path());
        } else if (job->status() == Glc::WorkflowJob::Status::Failed) {
            m_dialog->showSaveError(job->errorText(), job->nextStep());
        }
        Q_EMIT saved(job->path(), ok);
    });
    m_controller->runner()->start(job);
}
