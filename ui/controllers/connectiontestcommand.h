// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/connection.h"
#include "workflows/workflowcontext.h"

#include <QObject>
#include <QPointer>

class ConnectionDialog;
class LicenseController;

namespace Glc {
class ConnectionTestJob;
class WorkflowJob;
} // namespace Glc

/// Test connection in File > Connection…: answers the dialog's testRequested() with a
/// Glc::ConnectionTestJob in the worker thread, for the connection as it would be used - the typed
/// token, else the environment's, else the keychain's; the built-in lab once it runs - and shows its
/// report in the dialog. The dialog's Cancel Test stops a running test, and so does closing the dialog.
class ConnectionTestCommand : public QObject
{
    Q_OBJECT
public:
    /// A child of `dialog`: it lives as long as the dialog.
    ConnectionTestCommand(LicenseController *controller, ConnectionDialog *dialog);
    ~ConnectionTestCommand() override;

    /// The test's job while it runs (tests watch it), else nullptr.
    Glc::WorkflowJob *runningJob() const;

private:
    void test(const Glc::Connection &connection, const QString &token);
    void run(const Glc::WorkflowContext &context);
    void cancel();

    LicenseController *const m_controller;
    ConnectionDialog *const m_dialog;
    QPointer<Glc::ConnectionTestJob> m_job;
    /// Counts the tests asked for: a keychain or lab answer for an older one is dropped.
    int m_request = 0;
};
