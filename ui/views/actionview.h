// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/capability.h"
#include "workflows/workflowjob.h"

#include <QDialog>
#include <QPointer>
#include <QUrl>

#include <functional>

class LabelScrollArea;
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QVBoxLayout;
class InlineMessage;
class LicenseController;

namespace Glc {
class WorkflowJob;
}

/// Common frame of the three action views (Sync now, Export license usage, Add server usage): a form,
/// a stage list that fills as the job reports stages, a progress bar, the assisted-flow panel (each
/// page's instructions with its link, e.g. one per server; open the GitHub page again), an inline
/// result, and Start / Cancel / Close buttons.
class ActionView : public QDialog
{
    Q_OBJECT
public:
    ActionView(LicenseController *controller, QWidget *parent);
    ~ActionView() override;

    QPushButton *startButton() const { return m_start; }
    QPushButton *cancelButton() const { return m_cancel; }
    InlineMessage *resultMessage() const { return m_result; }
    QLabel *stagesLabel() const { return m_stages; }
    QLabel *assistLabel() const { return m_assist; }
    /// How the action runs on the active connection, or why it cannot (then Start stays disabled).
    QLabel *capabilityLabel() const { return m_capability; }
    const Glc::Capability &capability() const { return m_capabilityValue; }
    bool isBusy() const { return m_job != nullptr; }

Q_SIGNALS:
    /// The running job finished (success or not); for tests and the main window.
    void jobFinished(bool success);

protected:
    QVBoxLayout *formLayout() const { return m_form; }
    /// The room a taller window has goes to the form (what grows in it, by its stretch) instead of below the
    /// results.
    void giveFormTheRoom();
    /// Shows how @p action runs on the active connection under the view's introduction (the form's first
    /// item); an unavailable one keeps Start disabled. Call in the view's constructor, after the form.
    void showCapability(Glc::Capability::Action action);
    bool isActionAvailable() const { return m_capabilityValue.available(); }
    LicenseController *controller() const { return m_controller; }
    /// Tab goes through the view in reading order: @p controls (the view's own, top to bottom), then
    /// the instructions' links and their button, the result, and the buttons (Start, Close, Cancel in
    /// the order the platform shows them). The first control has the focus when the view opens. Call
    /// at the end of the view's constructor.
    void setReadingTabOrder(const QList<QWidget *> &controls);
    /// Connects the job's stages, progress, assistance and end to the frame, then starts it.
    void runJob(Glc::WorkflowJob *job);
    /// Called in the UI thread after the job finished, before it is deleted.
    virtual void jobDone(Glc::WorkflowJob *job) = 0;
    virtual void startRequested() = 0;
    /// What a view opens beside an assisted flow's page, e.g. the folder of the file the admin uploads
    /// there, and the sentence that says so under the instructions (plain text).
    struct AssistCompanion
    {
        QUrl url;
        QString note;
    };
    /// Asked each time the running job asks for help; nothing by default.
    virtual AssistCompanion assistCompanion() const { return {}; }
    void reject() override;

private:
    /// The stages so far: done ones ticked; the last one marked by how the job stands (running,
    /// succeeded, failed or cancelled).
    void showStages(Glc::WorkflowJob::Status status);

    LicenseController *const m_controller;
    QVBoxLayout *const m_form;
    QLabel *const m_stages;
    QProgressBar *const m_progress;
    QLabel *const m_assist;
    LabelScrollArea *const m_assistArea; ///< m_assist, scrolling when the steps for many servers are long
    QLabel *const m_capability;
    Glc::Capability m_capabilityValue{Glc::Capability::Kind::Automatic, {}};
    QPushButton *const m_openPage;
    InlineMessage *const m_result;
    QDialogButtonBox *const m_buttons;
    QPushButton *const m_start;
    QPushButton *const m_cancel;
    QPointer<Glc::WorkflowJob> m_job;
    struct Assist
    {
        QUrl page;
        QString instructions;
    };
    QList<Assist> m_assists; ///< what the running job asked the admin to do, one per page (e.g. per server)
    struct Stage
    {
        QString text; ///< under way
        QString doneText; ///< once done (empty: text)
    };
    QList<Stage> m_steps; ///< the running job's stages so far
};
