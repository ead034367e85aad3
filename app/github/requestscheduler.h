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

/// Sends GitHub requests within the concurrency limit and the rate budget: x-ratelimit-* (never sends
/// while the budget is known spent, resumes at reset), retry-after, secondary limits with exponential
/// backoff and jitter, bounded retries of idempotent requests on 5xx and timeouts, manual redirects
/// that drop the token when the host changes, and cancellation of every request of one owner.
class RequestScheduler : public QObject
{
    Q_OBJECT
public:
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
    /// Requests sent while the client knew the budget was spent (must stay 0).
    qint64 sentWhileBudgetSpent() const { return m_sentWhileSpent; }
    qint64 retries() const { return m_retries; }
    void setSslConfiguration(const QSslConfiguration &configuration) { m_ssl = configuration; }

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
    };
    void dispatch();
    void start(Pending pending);
    void onFinished(QNetworkReply *reply);
    void retryLater(Pending pending, qint64 delayMs);
    void pauseUntil(qint64 epochMs);
    bool budgetSpent(qint64 nowMs) const;
    void updateBudget(const QHash<QByteArray, QByteArray> &headers);
    GitHubError httpError(const HttpResult &result, const QUrl &url) const;

    GitHubClientOptions m_options;
    QString m_token;
    QUrl m_origin;
    QNetworkAccessManager *const m_manager;
    QTimer *const m_wakeUp;
    QSslConfiguration m_ssl;
    std::deque<Pending> m_queue;
    QHash<QNetworkReply *, Pending> m_running;
    QHash<QTimer *, Pending> m_retrying; ///< each with its own single-shot timer
    QHash<QNetworkReply *, QString> m_sslDetails;
    quint64 m_nextId = 1;
    qint64 m_pausedUntil = 0; ///< epoch ms
    int m_remaining = -1; ///< -1: unknown
    qint64 m_resetAt = 0; ///< epoch ms
    qint64 m_sent = 0;
    qint64 m_sentWhileSpent = 0;
    qint64 m_retries = 0;
    int m_backoffStep = 0;
};
} // namespace Glc
