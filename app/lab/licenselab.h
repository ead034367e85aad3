// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"
#include "lab/labenterprise.h"
#include "licensing/connection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QJsonObject>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

#include <chrono>
#include <deque>
#include <functional>
#include <map>
#include <memory>

class QHttpServerRequest;
class QHttpServerResponder;
class QTcpServer;
class QTemporaryDir;

namespace Glc {
class LabHttpServer;

/// The license lab: a local HTTP(S) server simulating one GitHub Enterprise (see design.md).
/// REST at "/" and "/api/v3", GraphQL at "/graphql" and "/api/graphql", lab actions under "/_lab/".
/// The lab has its own clock (now()): connected servers sync automatically once a week on it, as GHES
/// does with GitHub Connect's license sync; advanceClock() lets days pass in a test or a demo.
class LicenseLab : public QObject
{
    Q_OBJECT
public:
    /// What the lab saw, for tests and benchmarks.
    struct Counters
    {
        qint64 requests = 0;
        qint64 apiRequests = 0; ///< REST and GraphQL reads
        int inFlight = 0; ///< received, answer not yet sent (latency)
        int maxInFlight = 0;
        qint64 unauthorized = 0;
        qint64 withAuthorization = 0; ///< requests that carried any Authorization header
        qint64 primaryRejected = 0;
        qint64 secondaryRejected = 0;
        qint64 secondaryPenaltyWindows = 0; ///< windows in which the secondary limit was hit
        qint64 serverErrors = 0;
        /// API requests that arrived while the lab had announced the budget spent: after an answer with
        /// x-ratelimit-remaining 0 (per resource) until its reset; the same request again within the wait a
        /// secondary-limit answer (retry-after, else LabFaults::secondaryQuietMs) or a server error's
        /// retry-after asked for; any request later than ReactionGraceMs into that wait. A client that keeps the rules
        /// leaves it at 0. The lab has one token, so these are all the token's requests.
        qint64 sentWhileBudgetSpent = 0;
    };

    struct Job
    {
        QString id;
        QString kind; ///< "sync" or "upload"
        QString server; ///< host name
        QString state; ///< "running", "success", "failure"
        QString error;
        QString uploadName;
        bool automatic = false; ///< the weekly automatic sync, not "Sync now"
    };

    /// Requests arriving this soon after a secondary-limit answer may have left before the client read it.
    static constexpr int ReactionGraceMs = 250;
    /// GitHub Connect's license sync runs this often on a connected server.
    static constexpr int AutomaticSyncDays = 7;
    /// Where the lab clock's time comes from (before advanceClock()'s offset).
    using Clock = std::function<QDateTime()>;

    explicit LicenseLab(const LabConfig &config = {}, QObject *parent = nullptr);
    /// Translated list of the lab's own endpoints (under /_lab), for --help texts.
    static QString endpointsHelp();
    ~LicenseLab() override;

    /// Listens on config.address:config.port; false with a reason when it cannot.
    bool start(QString *error = nullptr);
    QUrl url() const;
    QString token() const { return m_token; }
    /// PEM file of the generated test CA (TLS only).
    QString caCertificateFile() const;
    /// A Lab connection pointing at this lab (with its CA file when TLS is on).
    Connection connection() const;

    const LabConfig &config() const { return m_config; }
    LabEnterprise &enterprise() { return m_enterprise; }
    const LabFaults &faults() const { return m_config.faults; }
    void setFaults(const LabFaults &faults);
    const Counters &counters() const { return m_counters; }
    void resetCounters();

    /// "Sync now" on a server: a job of config.syncDurationMs; fails with failWith when given, or when the
    /// server is not connected. Returns the job id, empty for an unknown server.
    QString startSync(const QString &server, const QString &failWith = {});
    /// "Export license usage": the real file shape; users as a lab-readable base64 blob (or a plain array).
    QByteArray exportUsage(const QString &server, bool readableUsers = false) const;
    /// "Add server usage": validates, records a PENDING upload, later SUCCESS or FAILURE. Returns the job id,
    /// or empty with a reason.
    QString uploadUsage(const QByteArray &file, const QString &fileName, QString *error = nullptr);
    Job job(const QString &id) const { return m_jobs.value(id); }

    /// The lab clock: the system clock (UTC), or the one given to setClock(), plus clockOffset(). Sync
    /// dates, uploads and exports use it; so does the weekly automatic sync.
    QDateTime now() const;
    /// Replaces the system clock (e.g. a fixed or test-driven time); runs the syncs that fall due.
    void setClock(const Clock &clock);
    /// Lets time pass on the lab clock (never backwards): every connected server whose last sync is
    /// AutomaticSyncDays or more before the new now() syncs, dated when it fell due. Returns the ids of
    /// those sync jobs (already finished, Job::automatic set). Also POST /_lab/clock/advance.
    QStringList advanceClock(std::chrono::seconds by);
    /// How far advanceClock() has moved the lab clock in total.
    std::chrono::seconds clockOffset() const { return m_clockOffset; }
    /// Runs the automatic syncs that are due at now() (the lab also checks before every request).
    /// A connected server that never synced syncs at once; a disconnected one never does, so its
    /// last sync goes stale. With LabFaults::syncError set, the automatic syncs fail with it too.
    QStringList runDueSyncs();
    /// Turns GitHub Connect on or off for a server (also POST /_lab/servers/{server}/connect and
    /// /disconnect). A disconnected server that synced before stays in license-sync-status with its
    /// last sync; switched back on after a week or more (or never synced), it syncs at once, dated now().
    /// False for an unknown server.
    bool setServerConnected(const QString &server, bool connected);

Q_SIGNALS:
    void jobFinished(const QString &id);
    /// advanceClock() moved the lab clock: clockOffset() is now `offsetSeconds`.
    void clockAdvanced(qint64 offsetSeconds);
    /// Any request arrived (before it is answered), e.g. to see that none comes.
    void requestReceived(const QString &path);

private:
    friend class LabHttpServer;
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
        QString spentResource; ///< the answer says this resource's budget is spent...
        qint64 spentUntilMs = 0; ///< ...until its reset (epoch ms)
        QByteArray rejectedRequest; ///< a secondary-limit answer to this request (requestKey())...
        qint64 rejectedWaitMs = 0; ///< ...asking for this long a wait
        qint64 retryAfterSeconds = 0; ///< above 0: a retry-after header (LabFaults::retryAfterDate says its form)
    };
    struct SpentWindow
    {
        qint64 from = 0; ///< epoch ms
        qint64 until = 0;
    };
    struct PrimaryWindow
    {
        qint64 start = 0; ///< m_clock ms
        int used = 0;
    };
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply route(const QHttpServerRequest &request, const QString &path, bool *isApi);
    /// GitHub's REST reads of `enterprise` (the lab's, or its past), dated `when`; `segments` without /api/v3.
    /// With `server`: that Enterprise Server instance's own reads (its license and version).
    Reply restRead(const QHttpServerRequest &request, const QStringList &segments, const LabEnterprise &enterprise,
        const QDateTime &when, const LabEnterprise::Server *server = nullptr);
    Reply graphql(const QHttpServerRequest &request, const LabEnterprise &enterprise);
    Reply labAction(const QHttpServerRequest &request, const QStringList &segments);
    Reply clockAction(const QHttpServerRequest &request, const QStringList &rest);
    bool applyRateLimits(Reply *reply, const QString &resource, const QByteArray &key);
    static QByteArray requestKey(const QHttpServerRequest &request);
    void countSentWhileSpent(const QString &resource, const QByteArray &key);
    void noteAnnouncement(const Reply &reply, qint64 writtenAt);
    static Reply error(int status, const QString &message);
    /// A GraphQL error as GitHub sends it (HTTP 200); with @p root, data carries that field as null.
    static QJsonObject graphQlErrorObject(const QString &type, const QString &message, const QString &root);
    static Reply graphQlError(
        const QString &type, const QString &message, const QString &root = {}, const QJsonObject &extensions = {});
    bool setUpTls(QString *error);
    /// The enterprise as of `when`, computed once for the last MaxPastViews dates asked.
    const LabEnterprise &pastEnterprise(const QDateTime &when);
    static constexpr int MaxPastViews = 8;
    void finishJob(const QString &id, bool success, const QString &error);
    /// One weekly sync of a connected server, finished at once and dated @p when; returns the job id.
    QString automaticSync(int index, const QDateTime &when);

    LabConfig m_config;
    LabEnterprise m_enterprise;
    /// m_enterprise.asOf() of the dates asked last (ms since the epoch), for /_lab/as-of/DATE/.
    std::deque<std::pair<qint64, LabEnterprise>> m_past;
    QString m_token;
    std::unique_ptr<LabHttpServer> m_http;
    std::map<quint64, std::unique_ptr<QHttpServerResponder>> m_pending; ///< answers waiting for their latency
    quint64 m_nextPending = 1;
    QTcpServer *m_tcp = nullptr;
    std::unique_ptr<QTemporaryDir> m_tlsDir;
    QHash<QString, Job> m_jobs;
    int m_nextJob = 1;
    Counters m_counters;
    QRandomGenerator m_faultRng;
    QElapsedTimer m_clock; ///< real time, for the rate limit windows
    Clock m_labClock; ///< empty: the system clock
    std::chrono::seconds m_clockOffset{0};
    QHash<QString, PrimaryWindow> m_primary; ///< by x-ratelimit-resource
    QHash<QString, SpentWindow> m_primarySpent; ///< announced remaining 0, by resource
    SpentWindow m_secondaryWait; ///< the waits secondary-limit answers asked for
    QHash<QByteArray, qint64> m_rejectedUntil; ///< requestKey() -> end of the wait its rejection asked for
    qint64 m_secondaryWindowStart = 0;
    int m_secondaryUsed = 0;
    bool m_secondaryPenalty = false;
};
} // namespace Glc
