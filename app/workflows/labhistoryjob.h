// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

#include <QDateTime>
#include <QPointer>

namespace Glc {
class RefreshJob;

/// A first start on a lab: a history to show at once. Reads the lab clock (GET /_lab/clock), then takes
/// one snapshot of the lab's enterprise as it was each week over the past `weeks` weeks, oldest first,
/// each dated then: a RefreshJob through the lab's /_lab/as-of/DATE/ view of GitHub's endpoints
/// (WorkflowContext::labAsOf). A few weeks are fetched at once, written oldest first; the store orders
/// snapshots and sync-status history by date, so this may follow today's snapshot. Cancelled or failed,
/// it removes the snapshots it wrote; done, it says so in the store's setting pastTakenKey().
class LabHistoryJob : public WorkflowJob
{
    Q_OBJECT
public:
    LabHistoryJob(const WorkflowContext &context, int weeks, QObject *parent = nullptr);

    /// The snapshot the page shows already (its takenAt): the weeks count back from it, so the newest of
    /// the past is exactly a week before it. Without one they count back from the lab's now.
    void setPresent(const QDateTime &takenAt) { m_present = takenAt; }
    /// The store setting that says a connection's past was taken (its value: the lab's now then).
    static QString pastTakenKey(const QString &connectionId);
    /// The dates of the snapshots written, oldest first.
    const QList<QDateTime> &takenAt() const { return m_takenAt; }

protected:
    void run() override;
    void abort() override;

private:
    /// Starts the next weeks' fetches, a few at a time.
    void startSteps();
    /// Writes the oldest fetched week when every older one is written.
    void saveInOrder();
    void stepFinished(RefreshJob *step);
    /// Cancels the weeks still running.
    void abortSteps();
    /// Removes what this job wrote (cancel, failure): no half history is left behind.
    void removeWritten();

    /// Weeks fetched at once: the lab answers one request at a time, but most of a refresh's time is
    /// the round trips of its page walks.
    static constexpr int Concurrency = 4;
    const int m_weeks;
    QDateTime m_present;
    QDateTime m_labNow;
    QDateTime m_anchor; ///< the weeks count back from here (lab time, whole seconds)
    QList<QDateTime> m_takenAt;
    QList<qint64> m_written;
    QList<QPointer<RefreshJob>> m_steps; ///< one per week, oldest first (null once finished)
    int m_started = 0;
    qsizetype m_askedToSave = -1; ///< the week saveInOrder() asked to write last
    bool m_cancelRequested = false;
};
} // namespace Glc
