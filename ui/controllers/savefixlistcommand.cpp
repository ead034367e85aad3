// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "savefixlistcommand.h"

#include "filedialogs.h"
#include "licensepage/countedtwicepanel.h"
#include "workflows/fixlistjob.h"
#include "workflows/jobrunner.h"

#include <KLocalizedString>
#include <QDate>

SaveFixListCommand::SaveFixListCommand(CountedTwicePanel *panel, Glc::JobRunner *runner, QObject *parent)
    : QObject(parent)
    , m_panel(panel)
    , m_runner(runner)
{
    connect(panel, &CountedTwicePanel::saveFixListRequested, this, [this] { start(); });
}

QString SaveFixListCommand::chooseFile()
{
    if (m_chooser) {
        return m_chooser(m_panel->window());
    }
    return Glc::FileDialogs::saveCsvFileName(m_panel->window(), i18nc("@title:window", "Save Fix List"),
        QStringLiteral("counted-twice-%1.csv").arg(QDate::currentDate().toString(Qt::ISODate)));
}

void SaveFixListCommand::start(const QString &path)
{
    const QString file = path.isEmpty() ? chooseFile() : path;
    if (file.isEmpty()) {
        return;
    }
    if (m_job) {
        Glc::JobRunner::cancel(m_job); // superseded by this file
    }
    // With a byte order mark, as spreadsheet programs need to read UTF-8 (names, Chinese texts).
    auto *job = new Glc::FixListJob({}, file, m_panel->seats(), m_panel->result(), true);
    m_job = job;
    connect(job, &Glc::WorkflowJob::finished, this, [this, job] {
        if (job->status() == Glc::WorkflowJob::Status::Succeeded) {
            Q_EMIT saved(job->path(), job->findings());
        } else if (job->status() == Glc::WorkflowJob::Status::Failed) {
            Q_EMIT failed(job->errorText(), job->nextStep());
        }
    });
    m_runner->start(job);
}
