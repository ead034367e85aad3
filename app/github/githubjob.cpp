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
    GitHubError failure(GitHubError::Kind::Malformed);
    failure.serverMessage = detail;
    finish(failure);
    return false;
}

GitHubError GitHubJob::graphQlError(
    const HttpResult &http, const QString &type, const QString &message, bool samlFailure)
{
    GitHubError error;
    error.httpStatus = http.status;
    error.url = http.url.toDisplayString(QUrl::RemoveUserInfo);
    error.serverMessage = message.isEmpty() ? type : message;
    const QByteArray sso = http.headers.value("x-github-sso");
    // GitHub also sends X-GitHub-SSO ("partial-results; organizations=...") beside other errors: only a
    // FORBIDDEN error, a saml_failure or a "required" header mean the token lacks the SSO authorization.
    if (samlFailure || sso.startsWith("required") || (!sso.isEmpty() && type == QLatin1String("FORBIDDEN"))) {
        error.kind = GitHubError::Kind::SsoRequired;
        error.ssoUrl = GitHubError::ssoUrlFromHeader(sso);
    } else if (type == QLatin1String("INSUFFICIENT_SCOPES") ||
        (type == QLatin1String("FORBIDDEN") && RequestScheduler::lacksScope(http.headers, error.serverMessage))) {
        error.kind = GitHubError::Kind::MissingScope;
        error.acceptedScopes = QString::fromLatin1(http.headers.value("x-accepted-oauth-scopes"));
    } else if (type == QLatin1String("FORBIDDEN")) {
        // Not about the token's scopes: an IP allow list or a policy, in GitHub's words (as REST's 403).
        error.kind = GitHubError::Kind::Forbidden;
    } else if (type == QLatin1String("NOT_FOUND")) {
        error.kind = GitHubError::Kind::NotFound;
    } else if (type == QLatin1String("RATE_LIMITED") || type == QLatin1String("RATE_LIMIT")) {
        // RATE_LIMITED is GitHub's documented type, RATE_LIMIT what some of its answers say.
        error.kind = GitHubError::Kind::RateLimited;
    } else {
        error.kind = GitHubError::Kind::GraphQl;
    }
    return error;
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
