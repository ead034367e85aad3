// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githuberror.h"
#include "licensing/githubjson.h"

#include <QObject>
#include <QPointer>

namespace Glc {
class RequestScheduler;
struct HttpResult;

/// One asynchronous read (possibly many requests). Emits finished() exactly once, also after cancel().
/// Created by GitHubClient, owned by the caller (delete it or deleteLater() after finished()).
class GitHubJob : public QObject
{
    Q_OBJECT
public:
    ~GitHubJob() override;

    bool isFinished() const { return m_finished; }
    /// Kind None on success; Cancelled after cancel().
    const GitHubError &error() const { return m_error; }
    /// What the lenient readers forgave across all pages.
    const GitHubJson::ReadStats &readStats() const { return m_stats; }
    /// Stops every request of this job at once and finishes with Cancelled.
    void cancel();

Q_SIGNALS:
    void progress(int pagesDone, int pagesTotal, qint64 usersFetched);
    void finished();

protected:
    GitHubJob(RequestScheduler *scheduler, QObject *parent);
    /// Parses an HTTP result; false (and finished with the error) when it failed.
    bool acceptHttp(const HttpResult &result);
    bool acceptRead(GitHubJson::ReadError error, const QString &detail, const GitHubJson::ReadStats &stats);
    /// acceptRead() for a GraphQL answer: its errors typed by their `type` and the X-GitHub-SSO header.
    template<typename T>
    bool acceptGraphQl(const HttpResult &http, const GitHubJson::ReadResult<T> &read)
    {
        if (read.error != GitHubJson::ReadError::GraphQlError) {
            return acceptRead(read.error, read.errorDetail, read.stats);
        }
        m_stats += read.stats;
        finish(graphQlError(http, read.graphQlErrorType, read.errorDetail, read.samlFailure));
        return false;
    }
    /// NOT_FOUND: not an owner or a wrong slug; INSUFFICIENT_SCOPES and FORBIDDEN: no read:enterprise; SAML
    /// SSO when X-GitHub-SSO or extensions.saml_failure says so; RATE_LIMITED or RATE_LIMIT (the scheduler waits
    /// for the reset first, this is when it could not); anything else: GraphQl.
    static GitHubError graphQlError(
        const HttpResult &http, const QString &type, const QString &message, bool samlFailure);
    void finish(const GitHubError &error = {});

    QPointer<RequestScheduler> m_scheduler;
    GitHubJson::ReadStats m_stats;

private:
    GitHubError m_error;
    bool m_finished = false;
};
} // namespace Glc
