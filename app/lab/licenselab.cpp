// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licenselab.h"

#include "glc_debug.h"
#include "licensing/githubjson.h"
#include "licensing/usagefile.h"

#include <KLocalizedString>

#include <QAbstractHttpServer>
#include <QDateTime>
#include <QFile>
#include <QHttpHeaders>
#include <QHttpServerRequest>
#include <QHttpServerResponder>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>
#include <QLoggingCategory>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QSslKey>
#include <QSslServer>
#include <QTcpServer>
#include <QTemporaryDir>
#include <QTimer>
#include <QUrlQuery>

#include <cmath>

namespace Glc {
/// Routes every request to the lab itself (our own router: paths are matched with and without /api/v3).
class LabHttpServer : public QAbstractHttpServer
{
public:
    explicit LabHttpServer(LicenseLab *lab)
        : m_lab(lab)
    {
    }

protected:
    bool handleRequest(const QHttpServerRequest &request, QHttpServerResponder &responder) override
    {
        m_lab->handle(request, responder);
        return true;
    }
    void missingHandler(const QHttpServerRequest &, QHttpServerResponder &responder) override
    {
        responder.write(QHttpServerResponder::StatusCode::NotFound);
    }

private:
    LicenseLab *const m_lab;
};

namespace {
const QLatin1String s_docs("https://docs.github.com/rest");

QByteArray json(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QList<UsageFileUser> toFileUsers(const QList<LabEnterprise::ServerUser> &users)
{
    QList<UsageFileUser> result;
    result.reserve(users.size());
    for (const LabEnterprise::ServerUser &user : users) {
        result.append(UsageFileUser{
            user.login, QString::number(user.id), QStringList{user.primaryEmail} + user.otherEmails, user.suspended});
    }
    return result;
}

QList<LabEnterprise::ServerUser> fromFileUsers(const QList<UsageFileUser> &users)
{
    QList<LabEnterprise::ServerUser> result;
    result.reserve(users.size());
    for (const UsageFileUser &user : users) {
        LabEnterprise::ServerUser serverUser;
        serverUser.login = user.login;
        serverUser.id = user.userId.toInt();
        serverUser.primaryEmail = user.emails.value(0);
        serverUser.otherEmails = user.emails.mid(1);
        serverUser.suspended = user.suspended;
        result.append(serverUser);
    }
    return result;
}

/// An HTTP-date as RFC 9110 prefers it: "Sun, 06 Nov 1994 08:49:37 GMT".
QByteArray httpDate(const QDateTime &when)
{
    return QLocale::c().toString(when.toUTC(), QStringLiteral("ddd, dd MMM yyyy hh:mm:ss 'GMT'")).toLatin1();
}

QString cursorFor(int offset)
{
    return QString::fromLatin1(QByteArray("lab:" + QByteArray::number(offset)).toBase64());
}

int offsetFromCursor(const QString &cursor)
{
    const QByteArray decoded = QByteArray::fromBase64(cursor.toLatin1());
    return decoded.startsWith("lab:") ? decoded.mid(4).toInt() : 0;
}

/// The value of argument @p name of the first @p field in a GraphQL @p query, written in the query
/// (`enterprise(slug: "lab")`, `first: 5`, `connectedOnly: true`) or passed as a variable
/// (`enterprise(slug: $slug)`); undefined when the field has no such argument. Not a GraphQL parser:
/// enough for the queries of the console and of `gh api graphql` by hand.
QJsonValue graphQlArgument(const QString &query, const QJsonObject &variables, QLatin1String field, QLatin1String name)
{
    const QRegularExpression arguments(QStringLiteral("\\b%1\\s*\\(([^)]*)\\)").arg(field));
    const QString list = arguments.match(query).captured(1);
    const QRegularExpression argument(
        QStringLiteral("\\b%1\\s*:\\s*(?:\\$(\\w+)|\"((?:[^\"\\\\]|\\\\.)*)\"|(-?\\d+)|(true|false|null))").arg(name));
    const QRegularExpressionMatch match = argument.match(list);
    if (!match.hasMatch()) {
        return QJsonValue(QJsonValue::Undefined);
    }
    if (match.hasCaptured(1)) {
        return variables.value(match.captured(1));
    }
    if (match.hasCaptured(2)) {
        return QJsonDocument::fromJson(QStringLiteral("[\"%1\"]").arg(match.captured(2)).toUtf8()).array().at(0);
    }
    if (match.hasCaptured(3)) {
        return match.captured(3).toInt();
    }
    return match.captured(4) == QLatin1String("null") ? QJsonValue()
                                                      : QJsonValue(match.captured(4) == QLatin1String("true"));
}

QLoggingCategory::CategoryFilter s_previousLogFilter = nullptr;

/// Qt's HTTP server logs each request with all its headers at debug level, the Authorization header and
/// so the token included. The lab runs inside the console and ghe-license, where a token never appears in
/// a log line: those categories stay below warnings whatever the logging rules say.
void keepRequestHeadersOutOfLogs(QLoggingCategory *category)
{
    if (s_previousLogFilter) {
        s_previousLogFilter(category);
    }
    if (qstrncmp(category->categoryName(), "qt.httpserver", 13) == 0) {
        category->setEnabled(QtDebugMsg, false);
        category->setEnabled(QtInfoMsg, false);
    }
}

QString generatedToken(quint32 seed)
{
    QRandomGenerator rng(seed ^ 0x5eed1abu);
    QString token = QStringLiteral("ghp_lab");
    const QLatin1String alphabet("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789");
    for (int i = 0; i < 33; ++i) {
        token.append(alphabet.at(rng.bounded(int(alphabet.size()))));
    }
    return token;
}
} // namespace

LicenseLab::LicenseLab(const LabConfig &config, QObject *parent)
    : QObject(parent)
    , m_config(config)
    , m_enterprise(LabEnterprise::generate(config))
    , m_token(config.token.isEmpty() ? generatedToken(config.seed) : config.token)
    , m_faultRng(config.seed + 7)
{
    static const bool logFilterInstalled = [] {
        s_previousLogFilter = QLoggingCategory::installFilter(keepRequestHeadersOutOfLogs);
        return true;
    }();
    Q_UNUSED(logFilterInstalled)
    m_clock.start();
}

QString LicenseLab::endpointsHelp()
{
    return i18nc("@info:shell keep the paths, the JSON and the column layout",
        "Lab endpoints (under /_lab, with the same token):\n"
        "  GET  /_lab/status                     the enterprise, its servers and the lab clock\n"
        "  POST /_lab/servers/HOST/sync          Sync now (?fail=TEXT makes it fail)\n"
        "  GET  /_lab/servers/HOST/usage-export  Export license usage\n"
        "  POST /_lab/uploads?name=FILE          Add server usage (the file as the body)\n"
        "  GET  /_lab/jobs/ID                    state of a sync or upload job\n"
        "  POST /_lab/servers/HOST/connect       GitHub Connect on (/disconnect: off)\n"
        "  GET  /_lab/clock                      the lab clock\n"
        "  POST /_lab/clock/advance              let time pass, e.g. {\"days\": 7}; connected servers sync weekly\n"
        "  GET  /_lab/as-of/DATE/...             GitHub's reads as the enterprise was at DATE (ISO 8601)\n"
        "  GET  /_lab/ghes/HOST/api/v3/meta      a server's own reads (also enterprise/settings/license)\n"
        "  /_lab/browser/...                     the web pages' buttons, also with --github-like\n"
        "With --github-like, only status, jobs, clock, as-of, ghes, connect and disconnect remain.");
}

LicenseLab::~LicenseLab()
{
    // Unanswered responders must go while their connections still exist.
    m_pending.clear();
    m_http.reset();
}

bool LicenseLab::setUpTls(QString *error)
{
    m_tlsDir = std::make_unique<QTemporaryDir>();
    const QString dir = m_tlsDir->path();
    QFile ext(dir + QLatin1String("/ext.cnf"));
    if (!ext.open(QIODevice::WriteOnly)) {
        return false;
    }
    ext.write("basicConstraints=CA:FALSE\nsubjectAltName=DNS:localhost,IP:127.0.0.1,IP:127.0.0.2\n");
    ext.close();
    // EC keys: generated in milliseconds, unlike RSA.
    const QList<QStringList> steps = {
        {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
            QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"),
            QStringLiteral("-keyout"), QStringLiteral("ca.key"), QStringLiteral("-out"), QStringLiteral("ca.pem"),
            QStringLiteral("-days"), QStringLiteral("3650"), QStringLiteral("-subj"),
            QStringLiteral("/CN=GHE License Lab Test CA")},
        {QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
            QStringLiteral("ec_paramgen_curve:prime256v1"), QStringLiteral("-nodes"), QStringLiteral("-keyout"),
            QStringLiteral("server.key"), QStringLiteral("-out"), QStringLiteral("server.csr"), QStringLiteral("-subj"),
            QStringLiteral("/CN=localhost")},
        {QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), QStringLiteral("server.csr"),
            QStringLiteral("-CA"), QStringLiteral("ca.pem"), QStringLiteral("-CAkey"), QStringLiteral("ca.key"),
            QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), QStringLiteral("server.pem"),
            QStringLiteral("-days"), QStringLiteral("825"), QStringLiteral("-extfile"), QStringLiteral("ext.cnf")},
    };
    for (const QStringList &arguments : steps) {
        QProcess openssl;
        openssl.setWorkingDirectory(dir);
        openssl.start(QStringLiteral("openssl"), arguments);
        if (!openssl.waitForFinished(30000) || openssl.exitStatus() != QProcess::NormalExit ||
            openssl.exitCode() != 0) {
            if (error) {
                *error =
                    QStringLiteral("openssl failed: %1").arg(QString::fromLocal8Bit(openssl.readAllStandardError()));
            }
            return false;
        }
    }
    QFile certFile(dir + QLatin1String("/server.pem"));
    QFile keyFile(dir + QLatin1String("/server.key"));
    if (!certFile.open(QIODevice::ReadOnly) || !keyFile.open(QIODevice::ReadOnly)) {
        return false;
    }
    QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
    ssl.setLocalCertificate(QSslCertificate(certFile.readAll()));
    ssl.setPrivateKey(QSslKey(keyFile.readAll(), QSsl::Ec));
    auto *server = new QSslServer(this);
    server->setSslConfiguration(ssl);
    m_tcp = server;
    return true;
}

bool LicenseLab::start(QString *error)
{
    if (m_config.tls) {
        if (!setUpTls(error)) {
            return false;
        }
    } else {
        m_tcp = new QTcpServer(this);
    }
    if (!m_tcp->listen(m_config.address, m_config.port)) {
        if (error) {
            *error = m_tcp->errorString();
        }
        return false;
    }
    m_http = std::make_unique<LabHttpServer>(this);
    if (!m_http->bind(m_tcp)) {
        if (error) {
            *error = QStringLiteral("cannot bind the HTTP server");
        }
        return false;
    }
    qCDebug(GLC_CORE) << "license lab listening on" << url();
    return true;
}

QUrl LicenseLab::url() const
{
    QUrl url;
    url.setScheme(m_config.tls ? QStringLiteral("https") : QStringLiteral("http"));
    url.setHost(m_config.address == QHostAddress(QHostAddress::LocalHost) && m_config.tls
            ? QStringLiteral("localhost")
            : m_config.address.toString());
    url.setPort(m_tcp ? m_tcp->serverPort() : m_config.port);
    return url;
}

QString LicenseLab::caCertificateFile() const
{
    return m_tlsDir ? m_tlsDir->path() + QLatin1String("/ca.pem") : QString();
}

Connection LicenseLab::connection() const
{
    Connection connection;
    connection.kind = Connection::Kind::Lab;
    connection.name = QStringLiteral("License lab");
    connection.labUrl = url();
    connection.enterpriseSlug = m_enterprise.slug();
    connection.caFile = caCertificateFile();
    return connection;
}

void LicenseLab::setFaults(const LabFaults &faults)
{
    m_config.faults = faults;
}

void LicenseLab::resetCounters()
{
    const int inFlight = m_counters.inFlight;
    m_counters = Counters();
    m_counters.inFlight = inFlight;
}

LicenseLab::Reply LicenseLab::error(int status, const QString &message)
{
    Reply reply;
    reply.status = status;
    QJsonObject body{{QStringLiteral("message"), message}, {QStringLiteral("documentation_url"), s_docs},
        {QStringLiteral("status"), QString::number(status)}};
    reply.body = json(body);
    return reply;
}

void LicenseLab::handle(const QHttpServerRequest &request, QHttpServerResponder &responder)
{
    ++m_counters.requests;
    ++m_counters.inFlight;
    Q_EMIT requestReceived(request.url().path());
    // The weekly automatic sync happens whenever the lab clock passed it, also between two requests.
    runDueSyncs();
    m_counters.maxInFlight = std::max(m_counters.maxInFlight, m_counters.inFlight);
    QString path = request.url().path();
    if (path.startsWith(QLatin1String("/api/v3/")) || path == QLatin1String("/api/v3")) {
        path = path.mid(7);
    }
    bool isApi = false;
    Reply reply = route(request, path, &isApi);
    const double truncatedRate = m_config.faults.truncatedBodyRate;
    if (isApi && reply.status == 200 && truncatedRate > 0 &&
        (truncatedRate >= 1 || m_faultRng.generateDouble() < truncatedRate)) {
        reply.body.truncate(reply.body.size() / 2);
    }
    QHttpHeaders headers;
    headers.append(QHttpHeaders::WellKnownHeader::ContentType, "application/json; charset=utf-8");
    headers.append("X-GitHub-Api-Version-Selected", "2022-11-28");
    // The lab clock, so a client can judge sync dates by the lab's time after advanceClock().
    const QDateTime date = now();
    headers.append(QHttpHeaders::WellKnownHeader::Date, httpDate(date));
    if (reply.retryAfterSeconds > 0) {
        // Either form GitHub may use; a date counts from the Date header, which carries the same lab clock.
        headers.append("retry-after",
            m_config.faults.retryAfterDate ? httpDate(date.addSecs(reply.retryAfterSeconds))
                                           : QByteArray::number(reply.retryAfterSeconds));
    }
    for (const auto &header : std::as_const(reply.headers)) {
        headers.append(header.first, header.second);
    }
    const quint64 key = m_nextPending++;
    m_pending.emplace(key, std::make_unique<QHttpServerResponder>(std::move(responder)));
    Reply announced; // what the answer tells about the budget counts from when it is sent
    announced.spentResource = reply.spentResource;
    announced.spentUntilMs = reply.spentUntilMs;
    announced.rejectedRequest = reply.rejectedRequest;
    announced.rejectedWaitMs = reply.rejectedWaitMs;
    auto send = [this, key, status = reply.status, body = std::move(reply.body), headers, announced]() {
        --m_counters.inFlight;
        noteAnnouncement(announced, QDateTime::currentMSecsSinceEpoch());
        auto it = m_pending.find(key);
        if (it != m_pending.end()) {
            it->second->write(body, headers, QHttpServerResponder::StatusCode(status));
            m_pending.erase(it);
        }
    };
    if (m_config.faults.latencyMs > 0) {
        QTimer::singleShot(m_config.faults.latencyMs, this, send);
    } else {
        send();
    }
}

QByteArray LicenseLab::requestKey(const QHttpServerRequest &request)
{
    return QByteArray::number(int(request.method())) + ' ' +
        request.url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority) + ' ' + request.body();
}

void LicenseLab::countSentWhileSpent(const QString &resource, const QByteArray &key)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const SpentWindow primary = m_primarySpent.value(resource);
    const bool primarySpent = now >= primary.from && now < primary.until;
    const bool retriedTooSoon = m_rejectedUntil.value(key) > now;
    const bool insideWait = now >= m_secondaryWait.from + ReactionGraceMs && now < m_secondaryWait.until;
    if (primarySpent || retriedTooSoon || insideWait) {
        ++m_counters.sentWhileBudgetSpent;
    }
}

void LicenseLab::noteAnnouncement(const Reply &reply, qint64 writtenAt)
{
    if (reply.spentUntilMs > writtenAt) {
        SpentWindow &window = m_primarySpent[reply.spentResource];
        if (writtenAt >= window.until) {
            window.from = writtenAt;
        }
        window.until = std::max(window.until, reply.spentUntilMs);
    }
    if (!reply.rejectedRequest.isEmpty()) {
        m_rejectedUntil.removeIf([writtenAt](const auto &entry) { return entry.value() <= writtenAt; });
        const qint64 until = writtenAt + reply.rejectedWaitMs;
        qint64 &known = m_rejectedUntil[reply.rejectedRequest];
        known = std::max(known, until);
        if (writtenAt >= m_secondaryWait.until) {
            m_secondaryWait.from = writtenAt;
        }
        m_secondaryWait.until = std::max(m_secondaryWait.until, until);
    }
}

bool LicenseLab::applyRateLimits(Reply *reply, const QString &resource, const QByteArray &key)
{
    LabFaults &faults = m_config.faults;
    const qint64 now = m_clock.elapsed();
    const qint64 epochNow = QDateTime::currentMSecsSinceEpoch();
    // Primary budget: a fixed window per resource (core, graphql), announced in x-ratelimit-* on every answer.
    const int limit = faults.primaryLimit > 0 ? faults.primaryLimit : 5000;
    const qint64 window = (faults.primaryLimit > 0 ? faults.primaryWindowSeconds : 3600) * 1000LL;
    PrimaryWindow &primary = m_primary[resource];
    if (now - primary.start >= window) {
        primary.start = now;
        primary.used = 0;
    }
    const qint64 resetEpoch = (epochNow + (primary.start + window - now) + 999) / 1000;
    // The header says it on the lab's clock, as its Date does (a GitHub whose clock is ahead of the client's).
    const qint64 labAheadSeconds = (this->now().toMSecsSinceEpoch() - epochNow) / 1000;
    // Another client of the token has spent this window's graphql budget (all of it, or all but points too
    // few for the query).
    const bool spentElsewhere = resource == QLatin1String("graphql") && faults.graphQlRateLimitedRequests > 0;
    if (spentElsewhere) {
        --faults.graphQlRateLimitedRequests;
        primary.used = std::max(primary.used, limit - std::clamp(faults.graphQlRateLimitedRemaining, 0, limit));
    }
    const bool primaryExceeded = spentElsewhere || (faults.primaryLimit > 0 && primary.used >= limit);
    if (!primaryExceeded) {
        ++primary.used;
    }
    const int remaining = std::max(0, limit - primary.used);
    reply->headers = {{"x-ratelimit-limit", QByteArray::number(limit)},
        {"x-ratelimit-remaining", QByteArray::number(remaining)},
        {"x-ratelimit-used", QByteArray::number(primary.used)},
        {"x-ratelimit-reset", QByteArray::number(resetEpoch + labAheadSeconds)},
        {"x-ratelimit-resource", resource.toLatin1()}};
    if (primaryExceeded || remaining == 0) {
        // Announced spent until the reset once this answer is sent (a refused query: whatever remains).
        reply->spentResource = resource;
        reply->spentUntilMs = resetEpoch * 1000;
    }
    if (primaryExceeded) {
        ++m_counters.primaryRejected;
        const Reply announced = *reply;
        // GraphQL says it with HTTP 200 and an error of its own; REST with 403.
        *reply = resource == QLatin1String("graphql")
            ? graphQlError(spentElsewhere ? faults.graphQlRateLimitedType : QStringLiteral("RATE_LIMITED"),
                  QStringLiteral("API rate limit already exceeded for user ID 1."))
            : error(403, QStringLiteral("API rate limit exceeded for user ID 1."));
        reply->headers = announced.headers;
        reply->spentResource = announced.spentResource;
        reply->spentUntilMs = announced.spentUntilMs;
        return false;
    }
    if (faults.secondaryLimit > 0) {
        const qint64 secondaryWindow = faults.secondaryWindowSeconds * 1000LL;
        if (now - m_secondaryWindowStart >= secondaryWindow) {
            m_secondaryWindowStart = now;
            m_secondaryUsed = 0;
            m_secondaryPenalty = false;
        }
        if (++m_secondaryUsed > faults.secondaryLimit) {
            ++m_counters.secondaryRejected;
            if (!m_secondaryPenalty) {
                m_secondaryPenalty = true;
                ++m_counters.secondaryPenaltyWindows;
            }
            const qint64 wait = std::max<qint64>(1, (m_secondaryWindowStart + secondaryWindow - now + 999) / 1000);
            const Reply announced = *reply;
            *reply = error(faults.secondaryStatus == 429 ? 429 : 403,
                QStringLiteral("You have exceeded a secondary rate limit. Please wait a few minutes before "
                               "you try again."));
            reply->headers = announced.headers;
            reply->spentResource = announced.spentResource;
            reply->spentUntilMs = announced.spentUntilMs;
            reply->rejectedRequest = key;
            if (faults.secondaryRetryAfter) {
                reply->retryAfterSeconds = wait;
                reply->rejectedWaitMs = wait * 1000;
            } else {
                reply->rejectedWaitMs = faults.secondaryQuietMs; // GitHub: wait at least a minute
            }
            return false;
        }
    }
    return true;
}

LicenseLab::Reply LicenseLab::route(const QHttpServerRequest &request, const QString &path, bool *isApi)
{
    const QStringList segments = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    // Authentication first, like GitHub.
    const QByteArray authorization = request.value("authorization");
    if (!authorization.isEmpty()) {
        ++m_counters.withAuthorization;
    }
    const QByteArray expected = "Bearer " + m_token.toLatin1();
    const QByteArray legacy = "token " + m_token.toLatin1();
    if ((authorization != expected && authorization != legacy) || m_config.faults.token == LabFaults::Token::Bad) {
        ++m_counters.unauthorized;
        return error(401, QStringLiteral("Bad credentials"));
    }
    // GitHub's reads as the enterprise was at a past date (the lab's history; in every mode, like the clock).
    QStringList apiSegments = segments;
    const LabEnterprise *enterprise = &m_enterprise;
    QDateTime when = now();
    if (segments.value(0) == QLatin1String("_lab") && segments.value(1) == QLatin1String("as-of")) {
        when = QDateTime::fromString(segments.value(2), Qt::ISODate);
        if (!when.isValid() || when > now()) {
            return error(422, QStringLiteral("The date must be ISO 8601 and not after the lab clock's now."));
        }
        enterprise = &pastEnterprise(when);
        apiSegments = segments.mid(3);
    } else if (segments.value(0) == QLatin1String("_lab") && segments.value(1) != QLatin1String("ghes")) {
        return labAction(request, segments);
    }
    // Each simulated Enterprise Server answers its own reads under /_lab/ghes/HOST/[api/v3/], also in the
    // past: what the console would read from a GHES connection to that host (in every mode, like as-of).
    const LabEnterprise::Server *server = nullptr;
    if (apiSegments.value(0) == QLatin1String("_lab") && apiSegments.value(1) == QLatin1String("ghes")) {
        const int index = enterprise->serverIndex(apiSegments.value(2));
        if (index < 0) {
            return error(404, QStringLiteral("Not Found"));
        }
        server = &enterprise->servers().at(index);
        apiSegments = apiSegments.mid(3);
        if (apiSegments.value(0) == QLatin1String("api") && apiSegments.value(1) == QLatin1String("v3")) {
            apiSegments = apiSegments.mid(2);
        }
    }
    *isApi = true;
    ++m_counters.apiRequests;
    const LabFaults &faults = m_config.faults;
    const bool graphQl = !server &&
        (apiSegments.value(0) == QLatin1String("graphql") ||
            (apiSegments.value(0) == QLatin1String("api") && apiSegments.value(1) == QLatin1String("graphql")));
    if (faults.token == LabFaults::Token::SsoRequired) {
        const QString message = QStringLiteral(
            "Resource protected by enterprise SAML enforcement. You must grant your Personal Access token access "
            "to this enterprise.");
        // GraphQL says it with HTTP 200, a FORBIDDEN error marked saml_failure and the same header.
        Reply reply = graphQl ? graphQlError(QStringLiteral("FORBIDDEN"), message, QStringLiteral("enterprise"),
                                    QJsonObject{{QStringLiteral("saml_failure"), true}})
                              : error(403, message);
        const QUrl base = url();
        reply.headers.emplaceBack("X-GitHub-SSO",
            "required; url=" + base.toString().toLatin1() + "/enterprises/" + m_enterprise.slug().toLatin1() +
                "/sso?authorization_request=LAB123");
        return reply;
    }
    if (faults.token == LabFaults::Token::MissingScope) {
        Reply reply = graphQl
            ? graphQlError(QStringLiteral("INSUFFICIENT_SCOPES"),
                  QStringLiteral("Your token has not been granted the required scopes to execute this query. The "
                                 "'enterprise' field requires one of the following scopes: ['read:enterprise'], but "
                                 "your token has only been granted the: ['repo'] scopes. Please modify your token's "
                                 "scopes at: https://github.com/settings/tokens."))
            : error(403, QStringLiteral("Resource not accessible by personal access token"));
        if (!graphQl) {
            reply.headers.emplaceBack("X-Accepted-OAuth-Scopes", "read:enterprise");
        }
        reply.headers.emplaceBack("X-OAuth-Scopes", "repo");
        return reply;
    }
    const QString resource = graphQl ? QStringLiteral("graphql") : QStringLiteral("core");
    const QByteArray key = requestKey(request);
    countSentWhileSpent(resource, key);
    Reply limits;
    if (!applyRateLimits(&limits, resource, key)) {
        return limits;
    }
    Reply reply;
    if (faults.redirectTo.isValid()) {
        QUrl target = faults.redirectTo;
        target.setPath(request.url().path());
        target.setQuery(request.url().query());
        reply.status = 302;
        reply.headers.emplaceBack("Location", target.toEncoded());
    } else if (faults.forcedStatus == 403) {
        // What an enterprise's IP allow list answers a classic token that has the right scope; GraphQL says it
        // with HTTP 200 and a FORBIDDEN error, the type it also gives a missing scope.
        const QString message =
            QStringLiteral("Although you appear to have the correct authorization credentials, the `%1` enterprise has "
                           "an IP allow list enabled, and your IP address is not permitted to access this resource.")
                .arg(m_enterprise.slug());
        reply = graphQl ? graphQlError(QStringLiteral("FORBIDDEN"), message, QStringLiteral("enterprise"))
                        : error(403, message);
        reply.headers.emplaceBack("X-OAuth-Scopes", "read:enterprise, repo");
        reply.headers.emplaceBack("X-Accepted-OAuth-Scopes", "read:enterprise");
    } else if (faults.forcedStatus > 0) {
        reply = error(faults.forcedStatus,
            faults.forcedStatus == 410       ? QStringLiteral("API version retired")
                : faults.forcedStatus == 404 ? QStringLiteral("Not Found")
                                             : QStringLiteral("Validation Failed"));
    } else if (m_config.faults.failNextRequests > 0 || m_faultRng.generateDouble() < faults.serverErrorRate) {
        if (m_config.faults.failNextRequests > 0) {
            --m_config.faults.failNextRequests;
        }
        ++m_counters.serverErrors;
        reply = error(faults.failStatus, QStringLiteral("Server Error"));
        if (const int wait = faults.serverErrorRetryAfterSeconds; wait > 0) {
            reply.retryAfterSeconds = wait;
            reply.rejectedRequest = key; // a request sooner counts as sent while the budget is spent
            reply.rejectedWaitMs = wait * 1000LL;
        }
    } else if (graphQl) {
        reply = graphql(request, *enterprise);
    } else {
        reply = restRead(request, apiSegments, *enterprise, when, server);
    }
    reply.headers += limits.headers;
    reply.spentResource = limits.spentResource;
    reply.spentUntilMs = limits.spentUntilMs;
    return reply;
}

LicenseLab::Reply LicenseLab::restRead(const QHttpServerRequest &request, const QStringList &segments,
    const LabEnterprise &enterprise, const QDateTime &when, const LabEnterprise::Server *server)
{
    if (request.method() != QHttpServerRequest::Method::Get) {
        return error(404, QStringLiteral("Not Found"));
    }
    if (server && segments.value(0) != QLatin1String("enterprise") && segments.value(0) != QLatin1String("meta")) {
        return error(404, QStringLiteral("Not Found")); // an Enterprise Server has no enterprise account's reads
    }
    if (segments.size() == 3 && segments.at(0) == QLatin1String("enterprises")) {
        if (segments.at(1) != enterprise.slug()) {
            return error(404, QStringLiteral("Not Found"));
        }
        if (segments.at(2) == QLatin1String("consumed-licenses")) {
            const QUrlQuery query(request.url());
            const int perPage = std::clamp(query.hasQueryItem(QStringLiteral("per_page"))
                    ? query.queryItemValue(QStringLiteral("per_page")).toInt()
                    : 30,
                1, 100);
            const int page = std::max(1,
                query.hasQueryItem(QStringLiteral("page")) ? query.queryItemValue(QStringLiteral("page")).toInt() : 1);
            const ConsumedLicensesReport &report = enterprise.consumedLicenses();
            const int total = int(report.users.size());
            const int lastPage = std::max(1, (total + perPage - 1) / perPage);
            int from = std::min(total, (page - 1) * perPage);
            if (query.hasQueryItem(QStringLiteral("after"))) {
                from = std::clamp(offsetFromCursor(query.queryItemValue(QStringLiteral("after"))), 0, total);
            } else if (query.hasQueryItem(QStringLiteral("before"))) {
                // The page that ends at the cursor; an empty one: the last page.
                const QString before = query.queryItemValue(QStringLiteral("before"));
                from =
                    std::max(0, (before.isEmpty() ? total : std::clamp(offsetFromCursor(before), 0, total)) - perPage);
            }
            const int to = std::min(total, from + perPage);
            Reply reply;
            reply.body = GitHubJson::writeConsumedLicenses(
                report.totalSeatsConsumed, report.totalSeatsPurchased, report.users.mid(from, to - from));
            if (const int every = m_config.faults.emptyTwoFactorEvery; every > 0) {
                QJsonObject body = QJsonDocument::fromJson(reply.body).object();
                QJsonArray users = body.value(QLatin1String("users")).toArray();
                for (int i = 0; i < users.size(); ++i) {
                    if ((from + i) % every == 0) {
                        QJsonObject user = users.at(i).toObject();
                        user.insert(QStringLiteral("github_com_two_factor_auth"), QString());
                        users[i] = user;
                    }
                }
                body.insert(QStringLiteral("users"), users);
                reply.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
            }
            if (lastPage > 1) {
                // <URL?per_page=N&KEY=VALUE>; rel="REL", KEY "page" or a cursor's "after"/"before"; none: first.
                auto link = [&request, perPage](const QString &key, const QString &value, const char *rel) {
                    QUrl url = request.url();
                    QUrlQuery query;
                    query.addQueryItem(QStringLiteral("per_page"), QString::number(perPage));
                    if (!key.isEmpty()) {
                        query.addQueryItem(key, value);
                    }
                    url.setQuery(query);
                    return "<" + url.toEncoded() + ">; rel=\"" + QByteArray(rel) + "\"";
                };
                const QString pageKey = QStringLiteral("page");
                QByteArrayList links;
                if (m_config.faults.pageLinks == LabFaults::PageLinks::Cursors) {
                    if (from > 0) {
                        links.append(link(QStringLiteral("before"), cursorFor(from), "prev"));
                    }
                    if (to < total) {
                        links.append(link(QStringLiteral("after"), cursorFor(to), "next"));
                        links.append(link(QStringLiteral("before"), QString(), "last"));
                    }
                    if (from > 0) {
                        links.append(link({}, {}, "first"));
                    }
                } else {
                    if (page > 1) {
                        links.append(link(pageKey, QString::number(page - 1), "prev"));
                    }
                    if (page < lastPage) {
                        links.append(link(pageKey, QString::number(page + 1), "next"));
                        if (m_config.faults.pageLinks == LabFaults::PageLinks::Numbered) {
                            links.append(link(pageKey, QString::number(lastPage), "last"));
                        }
                    }
                    if (page > 1) {
                        links.append(link(pageKey, QStringLiteral("1"), "first"));
                    }
                }
                reply.headers.emplaceBack("Link", links.join(", "));
            }
            return reply;
        }
        if (segments.at(2) == QLatin1String("license-sync-status")) {
            QList<LicenseSyncStatus> statuses;
            for (const LabEnterprise::Server &server : enterprise.servers()) {
                // A server disconnected after syncing keeps its (aging) last sync.
                if (server.connected || server.syncStatus.lastSyncDate.isValid()) {
                    statuses.append(server.syncStatus);
                }
            }
            Reply reply;
            reply.body = GitHubJson::writeLicenseSyncStatus(statuses);
            return reply;
        }
    }
    if (segments == QStringList{QStringLiteral("enterprise"), QStringLiteral("settings"), QStringLiteral("license")}) {
        // One license file for the whole enterprise; a server counts its own active users against it.
        ServerLicenseInfo info;
        info.seatsUsed =
            server ? LabEnterprise::activeUsers(*server) : enterprise.consumedLicenses().totalSeatsConsumed;
        if (!m_config.unlimitedServerSeats) {
            info.seats = enterprise.seatsPurchased();
            info.seatsAvailable = std::max(0, *info.seats - info.seatsUsed);
        }
        info.kind = QStringLiteral("standard");
        info.expireAt = enterprise.licenseExpiresAt();
        info.daysUntilExpiration = int(when.daysTo(info.expireAt));
        Reply reply;
        reply.body = GitHubJson::writeServerLicense(info);
        return reply;
    }
    if (segments == QStringList{QStringLiteral("meta")}) {
        Reply reply;
        reply.body = GitHubJson::writeMeta(server ? server->version
                : enterprise.servers().isEmpty()  ? QStringLiteral("3.15.2")
                                                  : enterprise.servers().first().version);
        return reply;
    }
    return error(404, QStringLiteral("Not Found"));
}

LicenseLab::Reply LicenseLab::graphql(const QHttpServerRequest &request, const LabEnterprise &enterprise)
{
    // A small matcher for the two queries the console sends, not a GraphQL parser.
    const QJsonObject body = QJsonDocument::fromJson(request.body()).object();
    const QString query = body.value(QLatin1String("query")).toString();
    const QJsonObject variables = body.value(QLatin1String("variables")).toObject();
    if (!m_config.faults.graphQlError.isEmpty()) {
        Reply reply; // GitHub's answer when a query fails inside: no type, HTTP 200
        reply.body = json(QJsonObject{{QStringLiteral("data"), QJsonValue()},
            {QStringLiteral("errors"),
                QJsonArray{QJsonObject{{QStringLiteral("message"), m_config.faults.graphQlError}}}}});
        return reply;
    }
    auto argument = [&query, &variables](const char *field, const char *name) {
        return graphQlArgument(query, variables, QLatin1String(field), QLatin1String(name));
    };
    const int accountsFirst = std::clamp(argument("userAccounts", "first").toInt(100), 1, 100);
    const int emailsFirst = std::clamp(argument("emails", "first").toInt(10), 1, 100);
    const int uploadsFirst = std::clamp(argument("userAccountsUploads", "first").toInt(10), 1, 100);
    static const QRegularExpression uploadsNewestFirst(
        QStringLiteral("userAccountsUploads\\([^)]*orderBy:\\s*\\{\\s*field:\\s*CREATED_AT,\\s*direction:\\s*DESC"));
    static const QRegularExpression onUserAccount(QStringLiteral("\\bon\\s+EnterpriseServerUserAccount\\s*\\{"));
    const bool newestUploadsFirst = uploadsNewestFirst.match(query).hasMatch();
    // A slice of a connection by cursor, with its pageInfo.
    auto slice = [](qsizetype size, const QString &after, int first, GitHubJson::PageInfo *info) {
        const int offset = std::clamp(offsetFromCursor(after), 0, int(size));
        const int to = std::min(int(size), offset + first);
        info->hasNextPage = to < size;
        info->endCursor = to > offset ? cursorFor(to) : QString();
        return std::pair{offset, to};
    };
    // An account's emails as GitHub lists them: by address (EMAIL ASC), so the primary one may come late.
    auto emailsPage = [&slice](const LabEnterprise::ServerUser &user, const QString &after, int first,
                          GitHubJson::PageInfo *info) {
        QList<ServerUserEmail> emails{ServerUserEmail{user.primaryEmail, true}};
        for (const QString &email : user.otherEmails) {
            emails.append(ServerUserEmail{email, false});
        }
        std::sort(emails.begin(), emails.end(),
            [](const ServerUserEmail &a, const ServerUserEmail &b) { return a.email < b.email; });
        const auto [from, to] = slice(emails.size(), after, first, info);
        return emails.mid(from, to - from);
    };
    auto accountId = [](const LabEnterprise::Server &server, const LabEnterprise::ServerUser &user) {
        return server.installationId + QLatin1String("_UA_") + QString::number(user.id);
    };
    // An installation node: its uploads from the cursor @p uploadsAfter, its accounts from the cursor @p after,
    // each with its first emailsFirst emails.
    auto installationNode = [&](const LabEnterprise::Server &server, const QString &after,
                                const QString &uploadsAfter = {}) {
        EnterpriseServerInstallation installation;
        installation.id = server.installationId;
        installation.hostName = server.hostname;
        installation.customerName = QStringLiteral("Lab Customer");
        installation.isConnected = server.connected;
        installation.createdAt = server.createdAt;
        installation.updatedAt =
            server.syncStatus.lastSyncDate.isValid() ? server.syncStatus.lastSyncDate : server.createdAt;
        // Like GitHub: the oldest first unless the query orders by CREATED_AT DESC (the lab keeps them
        // newest first), uploadsFirst of that order at a time.
        const QList<UserAccountsUpload> uploads = newestUploadsFirst
            ? server.uploads
            : QList<UserAccountsUpload>(server.uploads.crbegin(), server.uploads.crend());
        GitHubJson::PageInfo uploadsInfo;
        const auto [uploadsFrom, uploadsTo] = slice(uploads.size(), uploadsAfter, uploadsFirst, &uploadsInfo);
        installation.uploads = uploads.mid(uploadsFrom, uploadsTo - uploadsFrom);
        installation.userAccountsTotal = int(server.knownUsers.size());
        GitHubJson::PageInfo accountsInfo;
        const auto [from, to] = slice(server.knownUsers.size(), after, accountsFirst, &accountsInfo);
        QJsonArray accounts;
        for (int i = from; i < to; ++i) {
            const LabEnterprise::ServerUser &user = server.knownUsers.at(i);
            ServerUserAccount account;
            account.login = user.login;
            account.remoteUserId = QString::number(user.id);
            account.isSiteAdmin = user.siteAdmin;
            account.remoteCreatedAt = user.createdAt;
            GitHubJson::PageInfo emailsInfo;
            account.emails = emailsPage(user, {}, emailsFirst, &emailsInfo);
            accounts.append(GitHubJson::userAccountToJson(account, accountId(server, user), emailsInfo));
        }
        QJsonObject node = GitHubJson::installationToJson(installation, accountsInfo, uploadsInfo);
        QJsonObject connection = node.value(QLatin1String("userAccounts")).toObject();
        connection.insert(QStringLiteral("nodes"), accounts);
        node.insert(QStringLiteral("userAccounts"), connection);
        return node;
    };
    auto dataReply = [](const QJsonObject &data) {
        Reply reply;
        reply.body = json(QJsonObject{{QStringLiteral("data"), data}});
        return reply;
    };
    auto notFoundMessage = [](const QString &id) {
        return QStringLiteral("Could not resolve to a node with the global id of '%1'.").arg(id);
    };
    if (query.contains(QLatin1String("enterpriseServerInstallations"))) {
        const QString slug = argument("enterprise", "slug").toString();
        if (slug != enterprise.slug()) {
            return graphQlError(QStringLiteral("NOT_FOUND"),
                QStringLiteral("Could not resolve to an Enterprise with the slug of '%1'.").arg(slug),
                QStringLiteral("enterprise"));
        }
        const int first = std::clamp(argument("enterpriseServerInstallations", "first").toInt(10), 1, 100);
        const bool connectedOnly = argument("enterpriseServerInstallations", "connectedOnly").toBool();
        QList<int> indexes;
        for (int i = 0; i < enterprise.servers().size(); ++i) {
            if (!connectedOnly || enterprise.servers().at(i).connected) {
                indexes.append(i);
            }
        }
        GitHubJson::PageInfo info;
        const auto [from, to] =
            slice(indexes.size(), argument("enterpriseServerInstallations", "after").toString(), first, &info);
        QJsonArray nodes;
        for (int i = from; i < to; ++i) {
            nodes.append(installationNode(enterprise.servers().at(indexes.at(i)), {}));
        }
        const QJsonObject connection{
            {QStringLiteral("nodes"), nodes}, {QStringLiteral("pageInfo"), GitHubJson::pageInfoToJson(info)}};
        return dataReply(QJsonObject{{QStringLiteral("enterprise"),
            QJsonObject{{QStringLiteral("ownerInfo"),
                QJsonObject{{QStringLiteral("enterpriseServerInstallations"), connection}}}}}});
    }
    if (query.contains(QLatin1String("node(")) && onUserAccount.match(query).hasMatch()) {
        // node(id:) on accounts: their emails from the cursor; several in one query under aliases
        // (a0: node(id: $id0) { ... } a1: ...), each answered by its alias, an unaliased one as "node".
        static const QRegularExpression accountNode(
            QStringLiteral("(?:(\\w+)\\s*:\\s*)?node\\(id:\\s*\\$(\\w+)\\)\\s*\\{\\s*\\.\\.\\.\\s*on\\s+"
                           "EnterpriseServerUserAccount\\s*\\{\\s*emails\\(([^)]*)\\)"));
        static const QRegularExpression afterArgument(QStringLiteral("after:\\s*\\$(\\w+)"));
        QJsonObject data;
        QJsonArray errors;
        for (const QRegularExpressionMatch &match : accountNode.globalMatch(query)) {
            const QString alias = match.captured(1).isEmpty() ? QStringLiteral("node") : match.captured(1);
            const QString id = variables.value(match.captured(2)).toString();
            const QStringList parts = id.split(QLatin1String("_UA_"));
            const int index = parts.size() == 2 ? enterprise.serverIndex(parts.at(0)) : -1;
            const QList<LabEnterprise::ServerUser> &users =
                index >= 0 ? enterprise.servers().at(index).knownUsers : QList<LabEnterprise::ServerUser>{};
            const auto user = std::find_if(users.cbegin(), users.cend(),
                [&parts](const LabEnterprise::ServerUser &u) { return QString::number(u.id) == parts.value(1); });
            if (user == users.cend()) {
                // Like GitHub: the others are answered, the missing one is null and named in an error.
                data.insert(alias, QJsonValue());
                errors.append(graphQlErrorObject(QStringLiteral("NOT_FOUND"), notFoundMessage(id), alias));
                continue;
            }
            const QString after = variables.value(afterArgument.match(match.captured(3)).captured(1)).toString();
            GitHubJson::PageInfo info;
            QJsonArray emails;
            for (const ServerUserEmail &email : emailsPage(*user, after, emailsFirst, &info)) {
                emails.append(QJsonObject{
                    {QStringLiteral("email"), email.email}, {QStringLiteral("isPrimary"), email.isPrimary}});
            }
            data.insert(alias,
                QJsonObject{{QStringLiteral("emails"),
                    QJsonObject{{QStringLiteral("nodes"), emails},
                        {QStringLiteral("pageInfo"), GitHubJson::pageInfoToJson(info)}}}});
        }
        if (data.isEmpty()) {
            return graphQlError(
                QStringLiteral("UNSUPPORTED"), QStringLiteral("The lab does not understand this query."));
        }
        Reply reply = dataReply(data);
        if (!errors.isEmpty()) {
            reply.body = json(QJsonObject{{QStringLiteral("data"), data}, {QStringLiteral("errors"), errors}});
        }
        return reply;
    }
    if (query.contains(QLatin1String("node(")) && query.contains(QLatin1String("userAccounts"))) {
        // node(id:) on an installation: its further uploads, or its further accounts, from the cursor.
        const int index = enterprise.serverIndex(variables.value(QLatin1String("id")).toString());
        if (index < 0) {
            return graphQlError(QStringLiteral("NOT_FOUND"),
                notFoundMessage(variables.value(QLatin1String("id")).toString()), QStringLiteral("node"));
        }
        const QString after = variables.value(QLatin1String("after")).toString();
        const QString field = query.contains(QLatin1String("userAccountsUploads("))
            ? QStringLiteral("userAccountsUploads")
            : QStringLiteral("userAccounts");
        const QJsonObject node = field == QLatin1String("userAccounts")
            ? installationNode(enterprise.servers().at(index), after)
            : installationNode(enterprise.servers().at(index), {}, after);
        return dataReply(QJsonObject{{QStringLiteral("node"), QJsonObject{{field, node.value(field)}}}});
    }
    return graphQlError(QStringLiteral("UNSUPPORTED"), QStringLiteral("The lab does not understand this query."));
}

QJsonObject LicenseLab::graphQlErrorObject(const QString &type, const QString &message, const QString &root)
{
    QJsonObject error{{QStringLiteral("type"), type}, {QStringLiteral("message"), message},
        {QStringLiteral("locations"),
            QJsonArray{QJsonObject{{QStringLiteral("line"), 1}, {QStringLiteral("column"), 1}}}}};
    if (!root.isEmpty()) {
        error.insert(QStringLiteral("path"), QJsonArray{root});
    }
    return error;
}

LicenseLab::Reply LicenseLab::graphQlError(
    const QString &type, const QString &message, const QString &root, const QJsonObject &extensions)
{
    // GitHub answers GraphQL errors with HTTP 200; a field that failed is null in data, its path in the error.
    QJsonObject error = graphQlErrorObject(type, message, root);
    QJsonObject top;
    if (!root.isEmpty()) {
        top.insert(QStringLiteral("data"), QJsonObject{{root, QJsonValue()}});
    }
    if (!extensions.isEmpty()) {
        error.insert(QStringLiteral("extensions"), extensions);
    }
    top.insert(QStringLiteral("errors"), QJsonArray{error});
    Reply reply;
    reply.body = json(top);
    return reply;
}

LicenseLab::Reply LicenseLab::labAction(const QHttpServerRequest &request, const QStringList &segments)
{
    // /_lab/browser/... plays the admin's clicks in a browser; it exists in every mode.
    const bool browser = segments.value(1) == QLatin1String("browser");
    const QStringList rest = segments.mid(browser ? 2 : 1);
    // The clock and GitHub Connect's switch are the simulated world, not GitHub's actions: in every mode.
    const bool connectSwitch = rest.value(0) == QLatin1String("servers") && rest.size() == 3 &&
        (rest.at(2) == QLatin1String("connect") || rest.at(2) == QLatin1String("disconnect"));
    if (m_config.githubLike && !browser && rest.value(0) != QLatin1String("jobs") &&
        rest.value(0) != QLatin1String("status") && rest.value(0) != QLatin1String("clock") && !connectSwitch) {
        return error(404, QStringLiteral("Not Found"));
    }
    const bool post = request.method() == QHttpServerRequest::Method::Post;
    if (rest.value(0) == QLatin1String("clock")) {
        return clockAction(request, rest);
    }
    if (rest.value(0) == QLatin1String("status")) {
        QJsonArray servers;
        for (const LabEnterprise::Server &server : m_enterprise.servers()) {
            const QDateTime last = server.syncStatus.lastSyncDate;
            const QDateTime next = !server.connected ? QDateTime()
                : last.isValid()                     ? last.addDays(AutomaticSyncDays)
                                                     : now();
            servers.append(QJsonObject{{QStringLiteral("hostname"), server.hostname},
                {QStringLiteral("server_id"), server.serverId}, {QStringLiteral("version"), server.version},
                {QStringLiteral("connected"), server.connected}, {QStringLiteral("users"), int(server.users.size())},
                {QStringLiteral("last_sync"), last.isValid() ? QJsonValue(last.toString(Qt::ISODate)) : QJsonValue()},
                {QStringLiteral("next_automatic_sync"),
                    next.isValid() ? QJsonValue(next.toString(Qt::ISODate)) : QJsonValue()}});
        }
        Reply reply;
        reply.body = json(QJsonObject{{QStringLiteral("enterprise"), m_enterprise.slug()},
            {QStringLiteral("github_like"), m_config.githubLike}, {QStringLiteral("now"), now().toString(Qt::ISODate)},
            {QStringLiteral("total_seats_consumed"), m_enterprise.consumedLicenses().totalSeatsConsumed},
            {QStringLiteral("servers"), servers},
            {QStringLiteral("counters"),
                QJsonObject{{QStringLiteral("api_requests"), m_counters.apiRequests},
                    {QStringLiteral("primary_rejected"), m_counters.primaryRejected},
                    {QStringLiteral("secondary_rejected"), m_counters.secondaryRejected},
                    {QStringLiteral("server_errors"), m_counters.serverErrors},
                    {QStringLiteral("unauthorized"), m_counters.unauthorized},
                    {QStringLiteral("with_authorization"), m_counters.withAuthorization},
                    {QStringLiteral("sent_while_budget_spent"), m_counters.sentWhileBudgetSpent},
                    {QStringLiteral("max_in_flight"), m_counters.maxInFlight}}}});
        return reply;
    }
    if (rest.value(0) == QLatin1String("jobs") && rest.size() == 2) {
        if (!m_jobs.contains(rest.at(1))) {
            return error(404, QStringLiteral("Not Found"));
        }
        const Job job = m_jobs.value(rest.at(1));
        Reply reply;
        reply.body = json(QJsonObject{{QStringLiteral("id"), job.id}, {QStringLiteral("kind"), job.kind},
            {QStringLiteral("server"), job.server}, {QStringLiteral("state"), job.state},
            {QStringLiteral("error"), job.error}, {QStringLiteral("upload_name"), job.uploadName},
            {QStringLiteral("automatic"), job.automatic}});
        return reply;
    }
    if (rest.value(0) == QLatin1String("servers") && rest.size() == 3) {
        if (m_enterprise.serverIndex(rest.at(1)) < 0) {
            return error(404, QStringLiteral("Not Found"));
        }
        if (rest.at(2) == QLatin1String("sync") && post) {
            const QString failWith = QUrlQuery(request.url()).queryItemValue(QStringLiteral("fail"));
            const QString id = startSync(rest.at(1), failWith);
            Reply reply;
            reply.status = 202;
            reply.body = json(QJsonObject{{QStringLiteral("job"), id}});
            return reply;
        }
        if (connectSwitch && post) {
            setServerConnected(rest.at(1), rest.at(2) == QLatin1String("connect"));
            const LabEnterprise::Server &server = m_enterprise.servers().at(m_enterprise.serverIndex(rest.at(1)));
            Reply reply;
            reply.body = json(QJsonObject{
                {QStringLiteral("hostname"), server.hostname}, {QStringLiteral("connected"), server.connected}});
            return reply;
        }
        if (rest.at(2) == QLatin1String("usage-export")) {
            Reply reply;
            reply.body = exportUsage(rest.at(1), QUrlQuery(request.url()).hasQueryItem(QStringLiteral("readable")));
            reply.headers.emplaceBack("Content-Disposition", "attachment; filename=\"license-usage.json\"");
            return reply;
        }
    }
    if (rest.value(0) == QLatin1String("uploads") && post) {
        QString why;
        const QString name = QUrlQuery(request.url()).queryItemValue(QStringLiteral("name"));
        const QString id =
            uploadUsage(request.body(), name.isEmpty() ? QStringLiteral("license-usage.json") : name, &why);
        if (id.isEmpty()) {
            return error(422, why);
        }
        Reply reply;
        reply.status = 202;
        reply.body = json(
            QJsonObject{{QStringLiteral("job"), id}, {QStringLiteral("upload_name"), m_jobs.value(id).uploadName}});
        return reply;
    }
    if (rest.value(0) == QLatin1String("redirect") && !request.url().path().isEmpty()) {
        // Same-host redirect target for tests: /_lab/redirect?to=/path
        Reply reply;
        reply.status = 302;
        reply.headers.emplaceBack("Location", QUrlQuery(request.url()).queryItemValue(QStringLiteral("to")).toLatin1());
        return reply;
    }
    return error(404, QStringLiteral("Not Found"));
}

LicenseLab::Reply LicenseLab::clockAction(const QHttpServerRequest &request, const QStringList &rest)
{
    QJsonArray automatic;
    if (rest.size() == 2 && rest.at(1) == QLatin1String("advance") &&
        request.method() == QHttpServerRequest::Method::Post) {
        // {"days": 7} (also "hours", "seconds"; whole numbers, may be combined)
        const QJsonDocument document = QJsonDocument::fromJson(request.body());
        if (!document.isObject()) {
            return error(422, QStringLiteral("Expected a JSON object such as {\"days\": 7}."));
        }
        const QJsonObject body = document.object();
        qint64 seconds = 0;
        for (const auto &[key, unit] : {std::pair{QLatin1String("days"), 86400LL},
                 std::pair{QLatin1String("hours"), 3600LL}, std::pair{QLatin1String("seconds"), 1LL}}) {
            if (!body.contains(key)) {
                continue;
            }
            const double value = body.value(key).toDouble(-1);
            if (!body.value(key).isDouble() || value < 0 || value > 36500 || value != std::floor(value)) {
                return error(422, QStringLiteral("\"%1\" must be a whole number from 0 to 36500.").arg(key));
            }
            seconds += qint64(value) * unit;
        }
        for (const QString &id : advanceClock(std::chrono::seconds(seconds))) {
            const Job job = m_jobs.value(id);
            automatic.append(QJsonObject{{QStringLiteral("job"), job.id}, {QStringLiteral("server"), job.server},
                {QStringLiteral("state"), job.state}, {QStringLiteral("error"), job.error}});
        }
    } else if (rest.size() != 1 || request.method() != QHttpServerRequest::Method::Get) {
        return error(404, QStringLiteral("Not Found"));
    }
    Reply reply;
    reply.body = json(QJsonObject{{QStringLiteral("now"), now().toString(Qt::ISODate)},
        {QStringLiteral("offset_seconds"), qint64(m_clockOffset.count())},
        {QStringLiteral("automatic_sync_days"), AutomaticSyncDays}, {QStringLiteral("automatic_syncs"), automatic}});
    return reply;
}

const LabEnterprise &LicenseLab::pastEnterprise(const QDateTime &when)
{
    const qint64 key = when.toMSecsSinceEpoch();
    for (const auto &[at, past] : m_past) {
        if (at == key) {
            return past;
        }
    }
    // A few dates are asked at once (a history fetched week by week in parallel), each page by page.
    if (m_past.size() >= MaxPastViews) {
        m_past.pop_front();
    }
    m_past.emplace_back(key, m_enterprise.asOf(when));
    return m_past.back().second;
}

QDateTime LicenseLab::now() const
{
    const QDateTime base = m_labClock ? m_labClock() : QDateTime::currentDateTimeUtc();
    return base.toUTC().addSecs(m_clockOffset.count());
}

void LicenseLab::setClock(const Clock &clock)
{
    m_labClock = clock;
    runDueSyncs();
}

QStringList LicenseLab::advanceClock(std::chrono::seconds by)
{
    m_clockOffset += std::max(std::chrono::seconds(0), by);
    Q_EMIT clockAdvanced(qint64(m_clockOffset.count()));
    return runDueSyncs();
}

bool LicenseLab::setServerConnected(const QString &server, bool connected)
{
    const int index = m_enterprise.serverIndex(server);
    if (index < 0) {
        return false;
    }
    const bool wasConnected = m_enterprise.servers().at(index).connected;
    m_enterprise.setServerConnected(server, connected);
    const QDateTime last = m_enterprise.servers().at(index).syncStatus.lastSyncDate;
    const QDateTime when = now();
    // Switched back on when a week or more has passed: GHES catches up at once.
    if (connected && !wasConnected && (!last.isValid() || last.secsTo(when) >= AutomaticSyncDays * 24LL * 3600)) {
        const QString id = automaticSync(index, when);
        Q_EMIT jobFinished(id);
    }
    return true;
}

QString LicenseLab::automaticSync(int index, const QDateTime &when)
{
    const QString failure = m_config.faults.syncError;
    Job job;
    job.id = QStringLiteral("job-%1").arg(m_nextJob++);
    job.kind = QStringLiteral("sync");
    job.server = m_enterprise.servers().at(index).hostname;
    job.state = failure.isEmpty() ? QStringLiteral("success") : QStringLiteral("failure");
    job.error = failure;
    job.automatic = true;
    m_jobs.insert(job.id, job);
    if (failure.isEmpty()) {
        m_enterprise.applySync(index, when);
    } else {
        m_enterprise.recordSyncFailure(index, when, failure);
    }
    qCDebug(GLC_CORE) << "lab: automatic sync of" << job.server << "dated" << when << job.state;
    return job.id;
}

QStringList LicenseLab::runDueSyncs()
{
    const QDateTime when = now();
    constexpr qint64 period = AutomaticSyncDays * 24LL * 3600;
    QStringList ran;
    for (int index = 0; index < m_enterprise.servers().size(); ++index) {
        const LabEnterprise::Server &server = m_enterprise.servers().at(index);
        if (!server.connected) {
            continue;
        }
        const QDateTime last = server.syncStatus.lastSyncDate;
        if (last.isValid() && last.secsTo(when) < period) {
            continue;
        }
        // Several missed weeks upload the same users each time: only the latest one shows.
        ran.append(automaticSync(index, last.isValid() ? last.addSecs(last.secsTo(when) / period * period) : when));
    }
    for (const QString &id : std::as_const(ran)) {
        Q_EMIT jobFinished(id);
    }
    return ran;
}

QString LicenseLab::startSync(const QString &server, const QString &failWith)
{
    const int index = m_enterprise.serverIndex(server);
    if (index < 0) {
        return {};
    }
    Job job;
    job.id = QStringLiteral("job-%1").arg(m_nextJob++);
    job.kind = QStringLiteral("sync");
    job.server = m_enterprise.servers().at(index).hostname;
    job.state = QStringLiteral("running");
    m_jobs.insert(job.id, job);
    QString error = failWith.isEmpty() ? m_config.faults.syncError : failWith;
    if (error.isEmpty() && !m_enterprise.servers().at(index).connected) {
        error = QStringLiteral("GitHub Connect is not enabled on this instance.");
    }
    QTimer::singleShot(m_config.syncDurationMs, this, [this, id = job.id, index, error]() {
        const QDateTime when = now();
        if (error.isEmpty()) {
            m_enterprise.applySync(index, when);
        } else if (m_enterprise.servers().at(index).connected) {
            m_enterprise.recordSyncFailure(index, when, error);
        }
        finishJob(id, error.isEmpty(), error);
    });
    return job.id;
}

void LicenseLab::finishJob(const QString &id, bool success, const QString &error)
{
    Job &job = m_jobs[id];
    job.state = success ? QStringLiteral("success") : QStringLiteral("failure");
    job.error = error;
    Q_EMIT jobFinished(id);
}

QByteArray LicenseLab::exportUsage(const QString &server, bool readableUsers) const
{
    const int index = m_enterprise.serverIndex(server);
    if (index < 0) {
        return {};
    }
    const LabEnterprise::Server &labServer = m_enterprise.servers().at(index);
    UsageFileInfo info;
    info.serverId = labServer.serverId;
    info.hostName = labServer.hostname;
    info.version = labServer.version;
    info.licenseHash = QString::fromLatin1(QByteArray("lab-license-" + m_enterprise.slug().toLatin1()).toHex());
    info.publicKey = QStringLiteral("-----BEGIN PUBLIC KEY-----\nLAB\n-----END PUBLIC KEY-----\n");
    info.features = {UsageFileFeature{QStringLiteral("license_usage_sync"), labServer.createdAt}};
    info.exportedAt = now();
    info.users = toFileUsers(labServer.users);
    if (readableUsers) {
        return UsageFile::write(info);
    }
    // Looks encrypted to everyone else; the lab reads it back: base64 of a readable export's users.
    const QJsonObject readable = QJsonDocument::fromJson(UsageFile::write(info)).object();
    const QByteArray blob =
        QJsonDocument(readable.value(QLatin1String("users")).toArray()).toJson(QJsonDocument::Compact).toBase64();
    return UsageFile::write(info, blob);
}

QString LicenseLab::uploadUsage(const QByteArray &file, const QString &fileName, QString *error)
{
    const UsageFile::Result result = UsageFile::read(file);
    if (!result.ok()) {
        if (error) {
            *error = result.message();
        }
        return {};
    }
    int index = m_enterprise.serverIndex(result.info.serverId);
    if (index < 0 && !result.info.serverId.isEmpty()) {
        // Like GitHub: an offline server's first upload adds it to the enterprise's instances.
        index = m_enterprise.addOfflineServer(result.info.serverId, result.info.hostName, result.info.version, now());
    }
    if (index < 0) {
        if (error) {
            *error = QStringLiteral("The file names no server ID.");
        }
        return {};
    }
    QList<UsageFileUser> users = result.info.users;
    bool readable = !result.info.usersEncrypted;
    if (!readable) {
        const QJsonDocument blob = QJsonDocument::fromJson(QByteArray::fromBase64(
            QJsonDocument::fromJson(file).object().value(QLatin1String("users")).toString().toLatin1()));
        if (blob.isArray()) {
            QJsonObject wrapper{
                {QStringLiteral("server_id"), result.info.serverId}, {QStringLiteral("users"), blob.array()}};
            users = UsageFile::read(QJsonDocument(wrapper).toJson()).info.users;
            readable = true;
        }
    }
    const QDateTime uploadedAt = now();
    Job job;
    job.id = QStringLiteral("job-%1").arg(m_nextJob++);
    job.kind = QStringLiteral("upload");
    job.server = m_enterprise.servers().at(index).hostname;
    job.state = QStringLiteral("running");
    job.uploadName = fileName;
    m_jobs.insert(job.id, job);
    m_enterprise.addUpload(index, UserAccountsUpload{fileName, UploadSyncState::Pending, uploadedAt, uploadedAt});
    QTimer::singleShot(m_config.syncDurationMs, this, [this, id = job.id, index, fileName, readable, users]() {
        const QDateTime when = now();
        if (readable) {
            m_enterprise.applyUpload(index, fromFileUsers(users));
            m_enterprise.updateUpload(index, fileName, UploadSyncState::Success, when);
            finishJob(id, true, {});
        } else {
            m_enterprise.updateUpload(index, fileName, UploadSyncState::Failure, when);
            finishJob(id, false, QStringLiteral("The users in the file could not be read."));
        }
    });
    return job.id;
}
} // namespace Glc
