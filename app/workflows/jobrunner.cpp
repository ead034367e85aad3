// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "jobrunner.h"

#include "workflows/workflowjob.h"

#include <QThread>

namespace Glc {
JobRunner::JobRunner(QObject *parent)
    : QObject(parent)
    , m_thread(new QThread(this))
    , m_inThread(new QObject)
{
    m_thread->setObjectName(QStringLiteral("glc-workflows"));
    m_inThread->moveToThread(m_thread);
    connect(m_thread, &QThread::finished, m_inThread, &QObject::deleteLater);
    m_thread->start();
}

JobRunner::~JobRunner()
{
    // Work that does not return to the event loop (a snapshot written, a database compacted) stops at its next
    // check; the cancels queued behind the running work abort requests and ssh, and only then does the thread
    // quit. Without them the thread's loop would quit with the jobs' requests and processes left running.
    for (WorkflowJob *job : std::as_const(m_live)) {
        cancel(job);
    }
    QMetaObject::invokeMethod(m_inThread, [thread = m_thread] { thread->quit(); }, Qt::QueuedConnection);
    m_thread->wait();
}

void JobRunner::start(WorkflowJob *job)
{
    job->moveToThread(m_thread);
    // Deleted only after the receivers in this (the caller's) thread have read its results: their queued
    // slots were connected before this one, so they run first. Deleting in the worker thread right after
    // finished() would free the job while the caller still reads it.
    m_live.insert(job);
    connect(job, &WorkflowJob::finished, this, [this, job] {
        m_live.remove(job);
        job->deleteLater();
    });
    QMetaObject::invokeMethod(job, &WorkflowJob::start, Qt::QueuedConnection);
}

void JobRunner::cancel(WorkflowJob *job)
{
    // At once, for work that does not return to the event loop until it is done (the job's thread may be
    // writing a snapshot); the cancel itself runs in the job's thread.
    job->requestCancel();
    QMetaObject::invokeMethod(job, &WorkflowJob::cancel, Qt::QueuedConnection);
}
} // namespace Glc
