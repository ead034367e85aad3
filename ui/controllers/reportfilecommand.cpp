// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "reportfilecommand.h"

#include "filedialogs.h"
#include "licensecontroller.h"
#include "licensepage/inlinemessage.h"
#include "licensepage/reportfiledialog.h"
#include "savefixlistcommand.h"
#include "workflows/jobrunner.h"
#include "workflows/reportfilejob.h"

#include <KLocalizedString>

ReportFileCommand::ReportFileCommand(LicenseController *controller, QWidget *parentWidget)
    : QObject(controller)
    , m_controller(controller)
    , m_dialog(new ReportFileDialog(parentWidget))
{
    setObjectName(QStringLiteral("reportFileCommand"));
    m_dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(m_dialog, &ReportFileDialog::anotherFileRequested, this, [this] {
        const QString path = chooseFile();
        if (!path.isEmpty()) {
            start(path);
        }
    });
    auto *fixList = new SaveFixListCommand(m_dialog->panel(), controller->runner(), this);
    fixList->setObjectName(QStringLiteral("saveFixListCommand"));
    connect(fixList, &SaveFixListCommand::saved, m_dialog, [this](const QString &path, qsizetype findings) {
        m_dialog->errorMessage()->showMessage(InlineMessage::Type::Information,
            i18ncp("@info", "Fix list with %1 finding saved to %2.", "Fix list with %1 findings saved to %2.", findings,
                path));
        m_dialog->errorMessage()->show();
    });
    connect(fixList, &SaveFixListCommand::failed, m_dialog, [this](const QString &error, const QString &nextStep) {
        m_dialog->errorMessage()->showMessage(InlineMessage::Type::Error, error, nextStep);
        m_dialog->errorMessage()->show();
    });
    connect(m_dialog, &QObject::destroyed, this, [this] {
        if (m_job) {
            Glc::JobRunner::cancel(m_job); // closed while reading
        }
        deleteLater();
    });
}

ReportFileDialog *ReportFileCommand::dialog() const
{
    return m_dialog;
}

QString ReportFileCommand::chooseFile()
{
    QWidget *parent = m_dialog->isVisible() ? static_cast<QWidget *>(m_dialog) : m_dialog->parentWidget();
    if (m_chooser) {
        return m_chooser(parent);
    }
    return Glc::FileDialogs::openFileName(parent, i18nc("@title:window", "Check a License Report File"),
        Glc::FileDialogs::downloadsFolder(),
        i18nc("@item file dialog filter", "License reports (*.csv *.json);;All files (*)"));
}

void ReportFileCommand::start(const QString &path)
{
    const QString file = path.isEmpty() ? chooseFile() : path;
    if (file.isEmpty()) {
        if (!m_dialog->isVisible()) {
            m_dialog->deleteLater(); // the admin changed their mind before anything showed (the command goes too)
        }
        return;
    }
    if (m_job) {
        Glc::JobRunner::cancel(m_job); // superseded by this file
    }
    m_dialog->setBusy(file);
    m_dialog->show();
    m_dialog->raise();
    m_dialog->activateWindow();
    auto *job = new Glc::ReportFileJob(m_controller->context(), file);
    m_job = job;
    connect(job, &Glc::WorkflowJob::finished, m_dialog, [this, job] {
        if (m_job != job) {
            return; // superseded
        }
        m_job = nullptr;
        const bool ok = job->status() == Glc::WorkflowJob::Status::Succeeded;
        if (ok) {
            m_dialog->showReport(
                job->path(), job->totals(), job->hasPurchased(), job->seats(), job->countedTwice(), job->people());
        } else if (job->status() == Glc::WorkflowJob::Status::Failed) {
            m_dialog->showError(job->path(), job->errorText(), job->nextStep());
        }
        Q_EMIT checked(ok);
    });
    m_controller->runner()->start(job);
}
