// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "requestscheduler.h"

#include "core/applicationinfo.h"
#include "core/dateformat.h"
#include "glc_debug.h"
#include "licensing/githubjson.h"

#include <KLocalizedString>
#include <QDateTime>
#include <QHttp1Configuration>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QNetworkAccessManager>
#include <QNetworkProxyFactory>
#include <QNetworkReply>
#include <QRandomGenerator>
#include <QSslCertificate>
#include <QSslError>
#include <QTimer>

#include <algorithm>

namespace Glc {
namespace {
bool sameOrigin(const QUrl &a, const QUrl &b)
{
    return a.scheme() == b.scheme() && a.host().compare(b.host(), Qt::CaseInsensitive) == 0 &&
        a.port(a.scheme() == QLatin1String("https") ? 443 : 80) ==
        b.port(b.scheme() == QLatin1String("https") ? 443 : 80);
}

/// A failure of the proxy rather than of the server behind it (Qt also reports a proxy's 407 with its status).
bool isProxyError(QNetworkReply::NetworkError error)
{
    switch (error) {
    case QNetworkReply::ProxyConnectionRefusedError:
    case QNetworkReply::ProxyConnectionClosedError:
    case QNetworkReply::ProxyNotFoundError:
    case QNetworkReply::ProxyTimeoutError:
    case QNetworkReply::ProxyAuthenticationRequiredError:
    case QNetworkReply::UnknownProxyError:
        return true;
    default:
        return false;
    }
}

/// The network's or the proxy's failure (Qt numbers them below its content, protocol and HTTP errors), also
/// when it came after the answer's status line.
bool isTransportError(QNetworkReply::NetworkError error)
{
    return error != QNetworkReply::NoError && error < QNetworkReply::ContentAccessDenied;
}

QString describeCertificate(const QList<QSslError> &errors)
{
    // What is wrong, once per certificate: a chain that is not trusted often brings several errors about the same
    // certificate, whose details then follow them once.
    QList<std::pair<QSslCertificate, QStringList>> byCertificate;
    for (const QSslError &error : errors) {
        auto it = std::find_if(byCertificate.begin(), byCertificate.end(),
            [&error](const auto &entry) { return entry.first == error.certificate(); });
        if (it == byCertificate.end()) {
            byCertificate.append({error.certificate(), {}});
            it = std::prev(byCertificate.end());
        }
        if (!it->second.contains(error.errorString())) {
            it->second.append(error.errorString());
        }
    }
    const QLocale locale;
    QStringList lines;
    for (const auto &[certificate, problems] : std::as_const(byCertificate)) {
        const QString what = problems.join(QLatin1String("; "));
        lines.append(certificate.isNull()
                ? what
                : i18nc("@info %1 what is wrong with the certificate, %2 subject, "
                        "%3 issuer, %4 and %5 dates, %6 fingerprint",
                      "%1 (subject: %2; issuer: %3; valid %4 to %5; SHA-256: %6)", what,
                      certificate.subjectDisplayName(), certificate.issuerDisplayName(),
                      DateFormat::toString(certificate.effectiveDate().toLocalTime(), locale),
                      DateFormat::toString(certificate.expiryDate().toLocalTime(), locale),
                      QString::fromLatin1(certificate.digest(QCryptographicHash::Sha256).toHex(':'))));
    }
    return lines.join(QLatin1String("; "));
}

/// An HTTP-date in its preferred form (RFC 9110's IMF-fixdate, "Sun, 06 Nov 1994 08:49:37 GMT"); invalid when it is
/// not one. Qt reads it as RFC 2822 once "GMT" is written as the offset it stands for.
QDateTime parseHttpDate(QByteArray text)
{
    text = text.trimmed();
    if (text.endsWith(" GMT")) {
        text.chop(3);
        text += "+0000";
    }
    return QDateTime::fromString(QString::fromLatin1(text), Qt::RFC2822Date);
}
} // namespace

RequestScheduler::RequestScheduler(
    const GitHubClientOptions &options, const QString &token, const QUrl &origin, QObject *parent)
    : QObject(parent)
    , m_options(options)
    , m_token(token)
    , m_origin(origin)
    , m_manager(new QNetworkAccessManager(this))
    , m_wakeUp(new QTimer(this))
    , m_ssl(QSslConfiguration::defaultConfiguration())
{
    m_options.concurrency = std::clamp(m_options.concurrency, 1, 16);
    if (m_options.proxy) {
        m_manager->setProxy(*m_options.proxy);
    }
    m_manager->setAutoDeleteReplies(false);
    m_wakeUp->setSingleShot(true);
    connect(m_wakeUp, &QTimer::timeout, this, &RequestScheduler::dispatch);
    connect(m_manager, &QNetworkAccessManager::finished, this, &RequestScheduler::onFinished);
}

RequestScheduler::~RequestScheduler()
{
    const auto replies = m_running.keys();
    m_running.clear();
    for (QNetworkReply *reply : replies) {
        reply->abort();
        delete reply;
    }
}

void RequestScheduler::submit(
    QObject *owner, const QUrl &url, const QByteArray &verb, const QByteArray &body, Callback callback)
{
    if (m_configurationError.isError()) {
        HttpResult result;
        result.url = url;
        result.error = m_configurationError;
        result.error.url = url.toString(QUrl::RemoveUserInfo | QUrl::RemoveQuery);
        answerLater(owner ? owner : this, std::move(callback), result);
        return;
    }
    Pending pending;
    pending.id = m_nextId++;
    pending.owner = owner;
    pending.url = url;
    pending.verb = verb;
    pending.body = body;
    pending.callback = std::move(callback);
    pending.sameOrigin = sameOrigin(url, m_origin);
    pending.resource = resourceOf(url);
    m_queue.push_back(std::move(pending));
    dispatch();
}

void RequestScheduler::answerLater(QObject *context, Callback callback, const HttpResult &result)
{
    // Later, as a reply would be (never from inside submit()), and not when the context is gone by then.
    QTimer::singleShot(0, context, [callback = std::move(callback), result] { callback(result); });
}

void RequestScheduler::cancel(QObject *owner)
{
    std::erase_if(m_queue, [owner](const Pending &pending) { return pending.owner == owner || !pending.owner; });
    for (auto it = m_retrying.begin(); it != m_retrying.end();) {
        if (it.value().owner == owner || !it.value().owner) {
            delete it.key(); // stops it: the retry is never sent
            it = m_retrying.erase(it);
        } else {
            ++it;
        }
    }
    QList<QNetworkReply *> toAbort;
    for (auto it = m_running.cbegin(); it != m_running.cend(); ++it) {
        if (it.value().owner == owner) {
            toAbort.append(it.key());
        }
    }
    for (QNetworkReply *reply : toAbort) {
        m_running.remove(reply);
        m_sslDetails.remove(reply); // a later reply may get the same address
        m_tooLarge.remove(reply);
        reply->abort();
        reply->deleteLater();
    }
    dispatch();
}

QString RequestScheduler::resourceOf(const QUrl &url)
{
    return url.path().endsWith(QLatin1String("graphql")) ? QStringLiteral("graphql") : QStringLiteral("core");
}

qint64 RequestScheduler::secondaryLimitWaitMs(qint64 minimumMs, int step, QRandomGenerator *random)
{
    const qint64 base = minimumMs << std::clamp(step, 0, 4);
    return base + random->bounded(base / 2 + 1);
}

int RequestScheduler::runningFor(const QString &resource) const
{
    return int(std::count_if(m_running.cbegin(), m_running.cend(),
        [&resource](const Pending &pending) { return pending.resource == resource; }));
}

qint64 RequestScheduler::blockedUntil(const QString &resource, qint64 nowMs) const
{
    if (nowMs < m_pausedUntil) {
        return m_pausedUntil;
    }
    // Requests in flight will consume budget too: stop before it is gone.
    const Budget budget = m_budgets.value(resource);
    if (budget.remaining >= 0 && nowMs < budget.resetAt && budget.remaining - runningFor(resource) <= 0) {
        return budget.resetAt;
    }
    return 0;
}

void RequestScheduler::dispatch()
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    qint64 wakeAt = 0;
    // In queue order, but a request whose budget is spent does not hold up those of another resource.
    for (auto it = m_queue.begin(); it != m_queue.end() && runningCount() < m_options.concurrency;) {
        if (!it->owner) {
            it = m_queue.erase(it);
            continue;
        }
        const qint64 until = blockedUntil(it->resource, now);
        if (until - now > m_options.maxWaitMs) {
            // A budget spent until later than any rate-limit wait may last: it fails as GitHub's refusal would.
            HttpResult result;
            result.url = it->url;
            result.error.kind = GitHubError::Kind::RateLimited;
            result.error.url = it->url.toDisplayString(QUrl::RemoveUserInfo);
            result.error.serverHost = m_serverHost;
            answerLater(it->owner, std::move(it->callback), result);
            it = m_queue.erase(it);
            continue;
        }
        if (until > 0) {
            wakeAt = wakeAt == 0 ? until : std::min(wakeAt, until);
            ++it;
            continue;
        }
        Pending pending = std::move(*it);
        it = m_queue.erase(it);
        start(std::move(pending));
    }
    if (wakeAt > 0) {
        m_wakeUp->start(int(std::clamp<qint64>(wakeAt - now + 50, 0, 24 * 3600 * 1000)));
    }
}

void RequestScheduler::start(Pending pending)
{
    QNetworkRequest request(pending.url);
    request.setRawHeader("Accept", "application/vnd.github+json");
    request.setRawHeader("X-GitHub-Api-Version", "2022-11-28");
    request.setHeader(QNetworkRequest::UserAgentHeader, ApplicationInfo::userAgent());
    // The token goes only to the connection's own origin, never to a host a redirect points at.
    if (pending.sameOrigin && !m_token.isEmpty()) {
        request.setRawHeader("Authorization", "Bearer " + m_token.toUtf8());
    }
    if (!pending.body.isEmpty()) {
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    }
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setTransferTimeout(m_options.transferTimeoutMs);
    // Qt opens at most 6 HTTP/1.1 connections per host by default, which would silently cap a
    // configured concurrency above 6.
    QHttp1Configuration http1;
    http1.setNumberOfConnectionsPerHost(qsizetype(std::max(6, m_options.concurrency)));
    request.setHttp1Configuration(http1);
    if (pending.url.scheme() == QLatin1String("https")) {
        request.setSslConfiguration(m_ssl);
    }
    ++m_sent;
    qCDebug(GLC_CORE) << "GitHub request" << pending.verb << pending.url.toDisplayString(QUrl::RemoveUserInfo)
                      << "attempt" << pending.attempts + 1;
    QNetworkReply *reply = pending.verb == "POST" ? m_manager->post(request, pending.body)
                                                  : m_manager->sendCustomRequest(request, pending.verb, pending.body);
    connect(reply, &QNetworkReply::sslErrors, this, [this, reply](const QList<QSslError> &errors) {
        // Never ignored: only described, so the admin sees which certificate failed.
        m_sslDetails.insert(reply, describeCertificate(errors));
    });
    // Cut off as soon as the announced or received length passes the limit: abort() ends it in onFinished().
    connect(reply, &QNetworkReply::downloadProgress, this, [this, reply](qint64 received, qint64 total) {
        if (std::max(received, total) > m_options.maxResponseBytes && m_running.contains(reply) &&
            !m_tooLarge.contains(reply)) {
            m_tooLarge.insert(reply);
            reply->abort();
        }
    });
    m_running.insert(reply, std::move(pending));
}

bool RequestScheduler::throughProxy(const QUrl &url) const
{
    const QNetworkProxy proxy = m_options.proxy && m_options.proxy->type() != QNetworkProxy::DefaultProxy
        ? *m_options.proxy
        : QNetworkProxyFactory::proxyForQuery(QNetworkProxyQuery(url)).value(0);
    return proxy.type() == QNetworkProxy::HttpProxy || proxy.type() == QNetworkProxy::Socks5Proxy;
}

void RequestScheduler::retryLater(Pending pending, qint64 delayMs)
{
    ++m_retries;
    // Kept by the scheduler, not in a lambda, so that cancel() can drop it before it is sent again.
    auto *timer = new QTimer(this);
    timer->setSingleShot(true);
    connect(timer, &QTimer::timeout, this, [this, timer]() {
        Pending pending = m_retrying.take(timer);
        timer->deleteLater();
        if (!pending.owner) {
            return;
        }
        m_queue.push_front(std::move(pending));
        dispatch();
    });
    m_retrying.insert(timer, std::move(pending));
    timer->start(int(delayMs));
}

void RequestScheduler::pauseUntil(qint64 epochMs)
{
    m_pausedUntil = std::max(m_pausedUntil, epochMs);
}

void RequestScheduler::updateBudget(const QHash<QByteArray, QByteArray> &headers, const QString &resource, qint64 nowMs)
{
    bool okRemaining = false;
    bool okReset = false;
    const int remaining = headers.value("x-ratelimit-remaining").toInt(&okRemaining);
    const qint64 resetSeconds = headers.value("x-ratelimit-reset").toLongLong(&okReset);
    // Epoch seconds: anything past the year 5000 is not a reset time (and would overflow as milliseconds).
    if (!okRemaining || !okReset || resetSeconds < 0 || resetSeconds > 100'000'000'000LL) {
        return;
    }
    // The reset is on GitHub's clock: measured from the answer's own Date, a clock here that is minutes off
    // (an air-gapped network's) neither stretches the wait past its bound nor sends into a spent budget.
    // Date counts whole seconds, so the wait is at most a second longer than GitHub's.
    const QDateTime sent = parseHttpDate(headers.value("date"));
    const qint64 resetAt = resetSeconds * 1000 - (sent.isValid() ? sent.toMSecsSinceEpoch() - nowMs : 0);
    // GitHub keeps one budget per resource (core for REST, graphql, ...) and names it on each answer.
    const QByteArray named = headers.value("x-ratelimit-resource");
    Budget &budget = m_budgets[named.isEmpty() ? resource : QString::fromLatin1(named)];
    // Answers arrive out of order: within one window (GitHub's reset as said) the smallest remaining is the truth.
    if (resetSeconds > budget.window) {
        budget.window = resetSeconds;
        budget.resetAt = resetAt;
        budget.remaining = remaining;
    } else if (resetSeconds == budget.window) {
        budget.remaining = budget.remaining < 0 ? remaining : std::min(budget.remaining, remaining);
    }
}

qint64 RequestScheduler::retryAfterMs(const QHash<QByteArray, QByteArray> &headers, qint64 nowMs)
{
    const QByteArray value = headers.value("retry-after").trimmed();
    if (value.isEmpty()) {
        return -1;
    }
    bool isNumber = false;
    const qint64 seconds = value.toLongLong(&isNumber);
    if (isNumber) {
        return seconds >= 0 ? std::min<qint64>(seconds, 365LL * 24 * 3600) * 1000 : -1;
    }
    // An HTTP-date is measured from the answer's own Date: a clock here that is off does not change the wait.
    const QDateTime at = parseHttpDate(value);
    if (!at.isValid()) {
        return -1;
    }
    const QDateTime sent = parseHttpDate(headers.value("date"));
    return std::max<qint64>(0, at.toMSecsSinceEpoch() - (sent.isValid() ? sent.toMSecsSinceEpoch() : nowMs));
}

bool RequestScheduler::lacksScope(const QHash<QByteArray, QByteArray> &headers, const QString &message)
{
    const auto scopes = [&headers](const QByteArray &name) {
        QSet<QByteArray> set;
        for (const QByteArray &scope : headers.value(name).split(',')) {
            if (!scope.trimmed().isEmpty()) {
                set.insert(scope.trimmed());
            }
        }
        return set;
    };
    // A classic token lists its scopes on every answer: then the question is only whether it has one
    // the endpoint accepts (admin:enterprise includes read:enterprise).
    if (headers.contains("x-oauth-scopes")) {
        QSet<QByteArray> granted = scopes("x-oauth-scopes");
        if (granted.contains("admin:enterprise")) {
            granted.insert("read:enterprise");
        }
        QSet<QByteArray> accepted = scopes("x-accepted-oauth-scopes");
        if (accepted.isEmpty()) {
            accepted = {"read:enterprise", "admin:enterprise"};
        }
        return !granted.intersects(accepted);
    }
    // Other tokens list nothing: GitHub's words tell a permission problem from the rest.
    return message.contains(QLatin1String("scope"), Qt::CaseInsensitive) ||
        message.contains(QLatin1String("not accessible by"), Qt::CaseInsensitive);
}

GitHubError RequestScheduler::httpError(const HttpResult &result, const QUrl &url) const
{
    GitHubError error;
    error.httpStatus = result.status;
    error.url = url.toDisplayString(QUrl::RemoveUserInfo);
    error.serverHost = m_serverHost;
    error.serverMessage = QJsonDocument::fromJson(result.body).object().value(QLatin1String("message")).toString();
    const QByteArray sso = result.headers.value("x-github-sso");
    switch (result.status) {
    case 401:
        error.kind = GitHubError::Kind::BadToken;
        break;
    case 403:
        if (!sso.isEmpty()) {
            error.kind = GitHubError::Kind::SsoRequired;
            error.ssoUrl = GitHubError::ssoUrlFromHeader(sso);
        } else if (lacksScope(result.headers, error.serverMessage)) {
            error.kind = GitHubError::Kind::MissingScope;
            error.acceptedScopes = QString::fromLatin1(result.headers.value("x-accepted-oauth-scopes"));
        } else {
            error.kind = GitHubError::Kind::Forbidden;
        }
        break;
    case 404:
        error.kind = GitHubError::Kind::NotFound;
        break;
    case 410:
        error.kind = GitHubError::Kind::ApiVersionRetired;
        break;
    case 422:
        error.kind = GitHubError::Kind::Validation;
        break;
    case 429:
        error.kind = GitHubError::Kind::RateLimited;
        break;
    default:
        error.kind = result.status >= 500 ? GitHubError::Kind::ServerError : GitHubError::Kind::OtherHttp;
        break;
    }
    return error;
}

void RequestScheduler::onFinished(QNetworkReply *reply)
{
    if (!m_running.contains(reply)) {
        return; // cancelled: already removed and scheduled for deletion
    }
    Pending pending = m_running.take(reply);
    const QString sslDetails = m_sslDetails.take(reply);
    reply->deleteLater();
    HttpResult result;
    result.url = pending.url;
    result.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    for (const auto &pair : reply->rawHeaderPairs()) {
        result.headers.insert(pair.first.toLower(), pair.second);
    }
    if (m_tooLarge.remove(reply)) {
        // Not retried: the same URL would send the same flood again.
        result.error.kind = GitHubError::Kind::TooLarge;
        result.error.url = pending.url.toDisplayString(QUrl::RemoveUserInfo);
        result.error.httpStatus = result.status;
        result.error.serverHost = m_serverHost;
        result.error.serverMessage = QLocale().formattedDataSize(m_options.maxResponseBytes, 0);
        qCDebug(GLC_CORE) << "answer longer than" << m_options.maxResponseBytes << "bytes cut off:" << result.error.url;
        if (pending.owner && pending.callback) {
            pending.callback(result);
        }
        dispatch();
        return;
    }
    result.body = reply->readAll();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    updateBudget(result.headers, pending.resource, now);
    const bool idempotent = pending.verb == "GET" || pending.url.path().endsWith(QLatin1String("graphql"));
    // GraphQL answers its primary rate limit with HTTP 200 and a RATE_LIMITED error (GitHub's "Rate limits and
    // query limits for the GraphQL API"), to be retried after x-ratelimit-reset.
    const bool graphQlLimited = result.status == 200 && pending.resource == QLatin1String("graphql") &&
        GitHubJson::isGraphQlRateLimited(result.body);
    auto backoff = [this]() {
        const qint64 base = qint64(m_options.backoffBaseMs) << std::min(m_backoffStep++, 6);
        return base + QRandomGenerator::global()->bounded(qint64(base / 2 + 1)); // jitter
    };

    // The proxy's own answers (407, or a refused CONNECT) are the proxy's failures, not GitHub's answers; and a
    // transfer that broke off or stalled after the headers (the status already known) is a network failure too.
    if (isTransportError(reply->error()) || (result.status == 0 && reply->error() != QNetworkReply::NoError)) {
        GitHubError error;
        error.url = pending.url.toDisplayString(QUrl::RemoveUserInfo);
        error.httpStatus = result.status;
        error.serverMessage = reply->errorString();
        // Qt reports some of a proxy's answers to CONNECT (a 502, say) only as an unknown network error.
        const bool proxyFailed = isProxyError(reply->error()) ||
            (reply->error() == QNetworkReply::UnknownNetworkError && throughProxy(pending.url));
        switch (proxyFailed ? QNetworkReply::UnknownProxyError : reply->error()) {
        case QNetworkReply::HostNotFoundError:
            error.kind = GitHubError::Kind::HostNotFound;
            break;
        case QNetworkReply::ConnectionRefusedError:
            error.kind = GitHubError::Kind::ConnectionRefused;
            break;
        case QNetworkReply::SslHandshakeFailedError:
            error.kind = GitHubError::Kind::Tls;
            error.certificateDetails = sslDetails.isEmpty() ? reply->errorString() : sslDetails;
            break;
        case QNetworkReply::OperationCanceledError:
        case QNetworkReply::TimeoutError:
            error.kind = GitHubError::Kind::Timeout; // our aborts never reach here (cancel removes the reply)
            break;
        case QNetworkReply::UnknownProxyError: // and every other proxy failure
            error.kind = GitHubError::Kind::Proxy;
            break;
        default:
            error.kind = GitHubError::Kind::Network;
            break;
        }
        if (error.kind == GitHubError::Kind::Timeout && idempotent && pending.attempts < m_options.maxRetries) {
            ++pending.attempts;
            retryLater(std::move(pending), backoff());
            dispatch();
            return;
        }
        result.error = error;
    } else if (result.status >= 300 && result.status < 400 && result.headers.contains("location")) {
        const QUrl target = pending.url.resolved(QUrl::fromEncoded(result.headers.value("location")));
        // A request that changes something (an upload with its users' accounts) goes to no other host than the
        // one it was meant for; the token never does (sameOrigin below).
        if (pending.redirects >= 5 || (!idempotent && !sameOrigin(target, pending.url))) {
            result.error = httpError(result, pending.url);
        } else {
            ++pending.redirects;
            pending.url = target;
            pending.sameOrigin = pending.sameOrigin && sameOrigin(pending.url, m_origin);
            pending.resource = resourceOf(pending.url);
            m_queue.push_front(std::move(pending));
            dispatch();
            return;
        }
    } else if (result.status == 403 || result.status == 429 || graphQlLimited) {
        const QByteArray named = result.headers.value("x-ratelimit-resource");
        const QString resource = named.isEmpty() ? pending.resource : QString::fromLatin1(named);
        // A query GraphQL refused for its cost spends the budget until the announced reset, whatever remains.
        const bool graphQlSpent = graphQlLimited && m_budgets.value(resource).resetAt > now;
        if (graphQlSpent) {
            m_budgets[resource].remaining = 0;
        }
        const bool primary = result.headers.value("x-ratelimit-remaining") == "0" || graphQlSpent;
        // 429 is always a rate limit; a 403 only when it says so; a GraphQL one without a reset waits like a
        // secondary limit.
        const bool secondary = !primary &&
            (result.status == 429 || graphQlLimited || result.headers.contains("retry-after") ||
                result.body.contains("secondary rate limit"));
        if ((primary || secondary) && pending.rateRetries < m_options.maxRateLimitRetries) {
            qint64 until = now;
            bool pauseAll = true;
            if (const qint64 retryAfter = retryAfterMs(result.headers, now); retryAfter >= 0) {
                until = now + retryAfter;
            } else if (primary) {
                pauseAll = false; // that resource's budget holds its requests back until its reset
                until = m_budgets.value(resource).resetAt;
                if (until <= now) {
                    // A reset already past by this clock (one ahead of GitHub's): not again at once, but after
                    // a growing pause, until the budget is back.
                    pauseAll = true;
                    until = now + backoff();
                }
            } else if (now < m_pausedUntil) {
                until = m_pausedUntil; // sent before the pause began: the same episode, no longer wait
            } else {
                // GitHub: at least a minute, then exponentially longer while it persists.
                until = now +
                    secondaryLimitWaitMs(
                        m_options.secondaryMinimumWaitMs, m_secondaryStep++, QRandomGenerator::global());
            }
            if (until - now <= m_options.maxWaitMs) {
                qCDebug(GLC_CORE) << "rate limited; waiting" << (until - now) << "ms";
                ++pending.rateRetries;
                if (pauseAll) {
                    pauseUntil(until);
                }
                ++m_retries;
                m_queue.push_front(std::move(pending));
                dispatch();
                return;
            }
        }
        // A GraphQL answer goes to its job as it came: the job types its RATE_LIMITED error.
        if (!graphQlLimited) {
            result.error = httpError(result, pending.url);
            if (primary || secondary) {
                result.error.kind = GitHubError::Kind::RateLimited;
            }
        }
    } else if (result.status >= 500) {
        // A retry-after (a 503's especially) says when to come back: nothing is sent before, and a wait longer
        // than a rate-limit wait may last ends the request now.
        const qint64 retryAfter = retryAfterMs(result.headers, now);
        if (idempotent && pending.attempts < m_options.maxRetries && retryAfter <= m_options.maxWaitMs) {
            ++pending.attempts;
            if (retryAfter >= 0) {
                pauseUntil(now + retryAfter);
            }
            retryLater(std::move(pending), std::max(backoff(), retryAfter));
            dispatch();
            return;
        }
        result.error = httpError(result, pending.url);
    } else if (result.status >= 400) {
        result.error = httpError(result, pending.url);
    } else {
        m_backoffStep = 0;
        if (now >= m_pausedUntil) {
            m_secondaryStep = 0; // an answer that left before the pause does not end the episode
        }
    }
    if (pending.owner && pending.callback) {
        pending.callback(result);
    }
    dispatch();
}
} // namespace Glc
