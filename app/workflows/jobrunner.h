// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include <QObject>
#include <QSet>

class QThread;

namespace Glc {
class WorkflowJob;

/// Runs workflow jobs in a worker thread, so network and database work never block the interface.
/// Signals of a job reach receivers in other threads queued; cancel with cancel(job).
class JobRunner : public QObject
{
    Q_OBJECT
public:
    explicit JobRunner(QObject *parent = nullptr);
    /// Cancels the jobs still running (the window closing mid-refresh, mid-export, mid-compaction), then
    /// stops the worker thread once they have had their cancel.
    ~JobRunner() override;

    /// Moves the job (which must have no parent) to the worker thread and starts it there. The job is
    /// deleted after the caller's slots connected to finished() (connect them before calling this) ran.
    void start(WorkflowJob *job);
    /// Thread-safe cancel of a running job.
    static void cancel(WorkflowJob *job);

private:
    QThread *const m_thread;
    QObject *const m_inThread; ///< lives in the worker thread: what is queued to it runs after earlier events
    QSet<WorkflowJob *> m_live; ///< started and not yet finished (touched in this object's thread only)
};
} // namespace Glc
