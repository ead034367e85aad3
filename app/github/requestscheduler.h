// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubclientoptions.h"
#include "github/githuberror.h"

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QNetworkProxy>
#include <QObject>
#include <QPointer>
#include <QRandomGenerator>
#include <QSet>
#include <QSslConfiguration>
#include <QUrl>

#include <deque>
#include <functional>

class QNetworkAccessManager;
class QNetworkReply;
class QTimer;

namespace Glc {
/// An HTTP answer after retries: status, body, lower-case headers, or an error.
struct HttpResult
{
    QUrl url; ///< the URL answered (after redirects)
    int status = 0;
    QByteArray body;
    QHash<QByteArray, QByteArray> headers;
    GitHubError error;
};

/// Sends GitHub requests within the concurrency limit and the rate budgets: x-ratelimit-* per resource (never
/// sends while a resource's budget is known spent, resumes at its reset; the other resources go on; a reset
/// later than maxWaitMs fails the request with RateLimited), GraphQL's primary limit (HTTP 200 with a
/// RATE_LIMITED error: that budget is spent until its reset, whatever remains), retry-after (seconds or an
/// HTTP-date, on rate limits and 5xx alike), secondary limits (403 or 429) without it with a wait of at least a
/// minute, doubled with jitter, bounded retries of idempotent requests on 5xx and timeouts, manual redirects
/// that drop the token when the host changes, and cancellation of every request of one owner.
class RequestScheduler : public QObject
{
    Q_OBJECT
public:
    /// A 403 that says the token lacks a scope (rather than an IP allow list or a policy).
    static bool lacksScope(const QHash<QByteArray, QByteArray> &headers, const QString &message);
    using Callback = std::function<void(const HttpResult &)>;

    RequestScheduler(
        const GitHubClientOptions &options, const QString &token, const QUrl &origin, QObject *parent = nullptr);
    ~RequestScheduler() override;

    /// Queues a request; the callback runs once, unless the owner is cancelled or destroyed.
    void submit(QObject *owner, const QUrl &url, const QByteArray &verb, const QByteArray &body, Callback callback);
    /// Aborts the owner's running requests and drops its queued ones and those waiting to be retried.
    void cancel(QObject *owner);

    int runningCount() const { return int(m_running.size()); }
    int queuedCount() const { return int(m_queue.size()); }
    /// Requests waiting out a backoff before they are sent again (5xx, timeouts).
    int retryingCount() const { return int(m_retrying.size()); }
    qint64 requestsSent() const { return m_sent; }
    qint64 retries() const { return m_retries; }
    /// The wait after the @p step-th secondary limit in a row without retry-after: minimumMs doubled per step
    /// (at most 16 times), plus up to half of it as jitter, so clients that were limited together spread out.
    static qint64 secondaryLimitWaitMs(qint64 minimumMs, int step, QRandomGenerator *random);
    /// The wait a retry-after header asks for in ms: delay-seconds, or an HTTP-date measured from the answer's
    /// Date header (else from @p nowMs); never negative; -1 without a readable retry-after.
    static qint64 retryAfterMs(const QHash<QByteArray, QByteArray> &headers, qint64 nowMs);
    /// The x-ratelimit-resource a request to @p url spends: "graphql" or "core".
    static QString resourceOf(const QUrl &url);
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }
    /// A GitHub Enterprise Server connection to @p host: its HTTP errors name it (GitHubError::serverHost).
    void setServerHost(const QString &host) { m_serverHost = host; }
    /// Every request fails at once with `error` (nothing is sent), e.g. an unusable CA certificate file.
    void setConfigurationError(const GitHubError &error) { m_configurationError = error; }

private:
    struct Pending
    {
        quint64 id = 0;
        QPointer<QObject> owner;
        QUrl url;
        QByteArray verb;
        QByteArray body;
        Callback callback;
        int attempts = 0;
        int rateRetries = 0;
        int redirects = 0;
        bool sameOrigin = true;
        QString resource; ///< resourceOf(url)
    };
    /// One primary budget, as the answers for one x-ratelimit-resource announce it.
    struct Budget
    {
        int remaining = -1; ///< -1: unknown
        qint64 resetAt = 0; ///< epoch ms on this machine's clock
        qint64 window = -1; ///< x-ratelimit-reset as GitHub said it (its clock): which window the budget is of
    };
    void dispatch();
    void start(Pending pending);
    void onFinished(QNetworkReply *reply);
    void retryLater(Pending pending, qint64 delayMs);
    void answerLater(QObject *context, Callback callback, const HttpResult &result);
    void pauseUntil(qint64 epochMs);
    /// When a request spending @p resource may be sent (epoch ms), 0 when now.
    qint64 blockedUntil(const QString &resource, qint64 nowMs) const;
    int runningFor(const QString &resource) const;
    void updateBudget(const QHash<QByteArray, QByteArray> &headers, const QString &resource, qint64 nowMs);
    GitHubError httpError(const HttpResult &result, const QUrl &url) const;
    /// Whether a request to @p url goes through an HTTP or SOCKS proxy (the one given, or the system's).
    bool throughProxy(const QUrl &url) const;

    GitHubClientOptions m_options;
    QString m_token;
    QUrl m_origin;
    QString m_serverHost;
    GitHubError m_configurationError;
    QNetworkAccessManager *const m_manager;
    QTimer *const m_wakeUp;
    QSslConfiguration m_ssl;
    std::deque<Pending> m_queue;
    QHash<QNetworkReply *, Pending> m_running;
    QHash<QTimer *, Pending> m_retrying; ///< each with its own single-shot timer
    QHash<QNetworkReply *, QString> m_sslDetails;
    QSet<QNetworkReply *> m_tooLarge; ///< cut off for passing maxResponseBytes
    quint64 m_nextId = 1;
    qint64 m_pausedUntil = 0; ///< epoch ms: a secondary limit pauses every request
    QHash<QString, Budget> m_budgets; ///< by x-ratelimit-resource (core, graphql, ...)
    qint64 m_sent = 0;
    qint64 m_retries = 0;
    int m_backoffStep = 0; ///< 5xx and timeouts
    int m_secondaryStep = 0; ///< secondary limits without retry-after in a row
};
} // namespace Glc
