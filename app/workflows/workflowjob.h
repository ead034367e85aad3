// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githuberror.h"
#include "workflows/workflowcontext.h"

#include <QObject>
#include <QUrl>

#include <atomic>
#include <functional>
#include <memory>

namespace Glc {
class GitHubClient;
class GitHubJob;
class LicenseStore;
struct StoreError;

/// One user action (refresh, Sync now, export, add server usage, test connection) as a job with
/// stages, progress, cancel and a result. A job may be moved to a worker thread before start():
/// it creates its client and store connection lazily, in the thread it runs in.
class WorkflowJob : public QObject
{
    Q_OBJECT
public:
    enum class Status : qint8 {
        NotStarted,
        Running,
        Succeeded,
        Failed,
        Cancelled,
    };
    Q_ENUM(Status)

    explicit WorkflowJob(const WorkflowContext &context, QObject *parent = nullptr);
    ~WorkflowJob() override;

    /// Starts the work; call in the thread the job lives in (JobRunner does that). A job whose cancel was
    /// requested before (it waited behind another one) finishes as Cancelled without running.
    void start();
    /// Stops everything the job is doing and finishes it as Cancelled. Safe to call at any moment, in
    /// the job's thread (JobRunner::cancel() from any other).
    void cancel();
    /// Thread-safe: tells work that runs without returning to the event loop (a snapshot being written,
    /// old snapshots being removed) to stop at its next check; cancel() has to follow in the job's thread.
    void requestCancel() { m_cancelRequested.store(true, std::memory_order_relaxed); }

    Status status() const { return m_status; }
    bool isFinished() const { return m_status != Status::Running && m_status != Status::NotStarted; }
    /// Translated: what went wrong, and what the admin can do about it.
    QString errorText() const { return m_errorText; }
    QString nextStep() const { return m_nextStep; }
    const WorkflowContext &context() const { return m_context; }

Q_SIGNALS:
    /// A new stage began (job-specific numbering) with a translated description of it under way, and one for
    /// when it is done ("Exporting …" / "Exported …"; empty: the same text).
    void stageChanged(int stage, const QString &text, const QString &doneText);
    void progress(qint64 done, qint64 total, qint64 items);
    /// Real GitHub has no API for this action: open `page` and follow `instructions`; the job then
    /// confirms the outcome by itself.
    void assistRequired(const QUrl &page, const QString &instructions);
    /// Emitted exactly once.
    void finished();

protected:
    virtual void run() = 0;
    /// Stop timers and requests; the base class then finishes the job as Cancelled.
    virtual void abort() { }

    GitHubClient *client();
    /// Follows `job`, a GitHub read this job started: when it finishes while this job still runs, its
    /// error fails this job, or else `then` runs. It is deleted afterwards.
    void whenRead(GitHubJob *job, const std::function<void()> &then);
    /// Cancels every read that whenRead() follows and that has not finished (for abort()).
    void cancelReads();
    /// A request to the lab's own action endpoints (/_lab/...), through the client's scheduler.
    void labRequest(const QString &path, const QByteArray &verb, const QByteArray &body,
        const std::function<void(int status, const QByteArray &body, const GitHubError &error)> &callback,
        const QList<std::pair<QString, QString>> &query = {});
    /// The store, opened on first use; nullptr (and the job failed) when it cannot be opened.
    LicenseStore *store();
    void setStage(int stage, const QString &text, const QString &doneText = {});
    void succeed();
    void fail(const QString &errorText, const QString &nextStep = {});
    void fail(const GitHubError &error);
    void fail(const StoreError &error);
    bool isRunning() const { return m_status == Status::Running; }
    /// requestCancel() or cancel() was called, on this job or on the job it is a step of (its parent):
    /// long synchronous work stops at its next check.
    bool cancelRequested() const;

private:
    void finishWith(Status status);

    WorkflowContext m_context;
    Status m_status = Status::NotStarted;
    QString m_errorText;
    QString m_nextStep;
    GitHubClient *m_client = nullptr;
    std::unique_ptr<LicenseStore> m_store;
    QList<GitHubJob *> m_reads;
    std::atomic_bool m_cancelRequested = false;
};
} // namespace Glc
