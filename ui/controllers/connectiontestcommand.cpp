// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "connectiontestcommand.h"

#include "controllers/licensecontroller.h"
#include "licensepage/connectiondialog.h"
#include "workflows/connectiontestjob.h"
#include "workflows/jobrunner.h"

#include <KLocalizedString>

using namespace Glc;

ConnectionTestCommand::ConnectionTestCommand(LicenseController *controller, ConnectionDialog *dialog)
    : QObject(dialog)
    , m_controller(controller)
    , m_dialog(dialog)
{
    connect(dialog, &ConnectionDialog::testRequested, this, &ConnectionTestCommand::test);
    // Cancel Test: the job stops, the dialog stays open with its edits.
    connect(dialog, &ConnectionDialog::testCancelRequested, this, &ConnectionTestCommand::cancel);
    // Closed (OK, Cancel or the window's close button): nobody reads the report any more.
    connect(dialog, &QDialog::finished, this, &ConnectionTestCommand::cancel);
}

ConnectionTestCommand::~ConnectionTestCommand()
{
    cancel();
}

WorkflowJob *ConnectionTestCommand::runningJob() const
{
    return m_job.data();
}

void ConnectionTestCommand::cancel()
{
    ++m_request; // a keychain or lab answer still on its way starts nothing
    if (m_job) {
        JobRunner::cancel(m_job);
        m_job = nullptr;
    }
}

void ConnectionTestCommand::test(const Connection &connection, const QString &token)
{
    cancel(); // a new test replaces one still running
    const int request = m_request;
    m_dialog->setTestRunning(true);
    if (LicenseController::usesBuiltInLab(connection)) {
        m_controller->whenLabReady(
            this,
            [this, request, connection] {
                if (request == m_request) {
                    run(m_controller->contextFor(connection, {}));
                }
            },
            [this, request](const QString &error) {
                if (request != m_request) {
                    return;
                }
                m_dialog->setTestRunning(false);
                m_dialog->setTestReport({{i18nc("@item connection name", "License lab"), false,
                    i18nc("@info", "The built-in license lab could not start: %1", error),
                    i18nc(
                        "@info", "Check that the machine allows listening on 127.0.0.1, then restart the console.")}});
            });
        return;
    }
    m_controller->resolveContext(
        connection, token, this, [this, request](const WorkflowContext &context, const QString &keychainError) {
            if (request != m_request) {
                return;
            }
            if (context.token.isEmpty() && !keychainError.isEmpty()) {
                // The keychain could not be asked (no Secret Service, locked, refused): say so, not "no token".
                m_dialog->setTestRunning(false);
                const ConnectionTestJob::Check token =
                    ConnectionTestJob::missingToken(keychainError, LicenseController::tokenHint(context.connection));
                m_dialog->setTestReport({{token.what, false, token.detail, token.fix}});
                return;
            }
            run(context);
        });
}

void ConnectionTestCommand::run(const WorkflowContext &context)
{
    auto *job = new ConnectionTestJob(context);
    m_job = job;
    connect(job, &WorkflowJob::finished, this, [this, job] {
        if (m_job == job) {
            m_job = nullptr;
        }
        if (job->status() == WorkflowJob::Status::Cancelled) {
            return;
        }
        QList<TestCheck> report;
        for (const ConnectionTestJob::Check &check : job->checks()) {
            report.append({check.what, check.ok, check.detail, check.fix});
        }
        m_dialog->setTestRunning(false);
        m_dialog->setTestReport(report);
    });
    m_controller->runner()->start(job);
}
