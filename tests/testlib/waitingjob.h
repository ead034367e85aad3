// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/workflowjob.h"

#include <QSemaphore>

#include <memory>

/// Holds the worker thread of a Glc::JobRunner until `release` is released (at most 30 s): a job started
/// behind it waits its turn, as one does behind a snapshot being written. It shares the semaphore, which
/// may outlive the test that made it.
class WaitingJob : public Glc::WorkflowJob
{
public:
    explicit WaitingJob(std::shared_ptr<QSemaphore> release)
        : Glc::WorkflowJob(Glc::WorkflowContext{})
        , m_release(std::move(release))
    {
    }

protected:
    void run() override
    {
        m_release->tryAcquire(1, 30000);
        succeed();
    }

private:
    std::shared_ptr<QSemaphore> m_release;
};
