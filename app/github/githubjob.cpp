// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githubjob.h"

#include "github/requestscheduler.h"

#include <QTimer>

namespace Glc {
GitHubJob::GitHubJob(RequestScheduler *scheduler, QObject *parent)
    : QObject(parent)
    , m_scheduler(scheduler)
{
}

GitHubJob::~GitHubJob()
{
    if (m_scheduler) {
        m_scheduler->cancel(this);
    }
}

void GitHubJob::cancel()
{
    if (m_finished) {
        return;
    }
    finish(GitHubError(GitHubError::Kind::Cancelled));
}

bool GitHubJob::acceptHttp(const HttpResult &result)
{
    if (m_finished) {
        return false;
    }
    if (result.error.isError()) {
        finish(result.error);
        return false;
    }
    return true;
}

bool GitHubJob::acceptRead(GitHubJson::ReadError error, const QString &detail, const GitHubJson::ReadStats &stats)
{
    m_stats += stats;
    if (error == GitHubJson::ReadError::None) {
        return true;
    }
    GitHubError failure(
        error == GitHubJson::ReadError::GraphQlError ? GitHubError::Kind::NotFound : GitHubError::Kind::Malformed);
    failure.serverMessage = detail;
    finish(failure);
    return false;
}

void GitHubJob::finish(const GitHubError &error)
{
    if (m_finished) {
        return;
    }
    m_finished = true;
    m_error = error;
    if (m_scheduler) {
        m_scheduler->cancel(this);
    }
    Q_EMIT finished();
}
} // namespace Glc
