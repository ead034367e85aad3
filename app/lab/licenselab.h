// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"
#include "lab/labenterprise.h"
#include "licensing/connection.h"

#include <QElapsedTimer>
#include <QHash>
#include <QObject>
#include <QRandomGenerator>
#include <QUrl>

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
    };

    struct Job
    {
        QString id;
        QString kind; ///< "sync" or "upload"
        QString server; ///< host name
        QString state; ///< "running", "success", "failure"
        QString error;
        QString uploadName;
    };

    explicit LicenseLab(const LabConfig &config = {}, QObject *parent = nullptr);
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

Q_SIGNALS:
    void jobFinished(const QString &id);

private:
    friend class LabHttpServer;
    struct Reply
    {
        int status = 200;
        QByteArray body;
        QList<QPair<QByteArray, QByteArray>> headers;
    };
    void handle(const QHttpServerRequest &request, QHttpServerResponder &responder);
    Reply route(const QHttpServerRequest &request, const QString &path, bool *isApi);
    Reply restRead(const QHttpServerRequest &request, const QString &path, const QStringList &segments);
    Reply graphql(const QHttpServerRequest &request);
    Reply labAction(const QHttpServerRequest &request, const QStringList &segments);
    bool applyRateLimits(Reply *reply);
    static Reply error(int status, const QString &message);
    bool setUpTls(QString *error);
    void finishJob(const QString &id, bool success, const QString &error);

    LabConfig m_config;
    LabEnterprise m_enterprise;
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
    QElapsedTimer m_clock;
    qint64 m_primaryWindowStart = 0;
    int m_primaryUsed = 0;
    qint64 m_secondaryWindowStart = 0;
    int m_secondaryUsed = 0;
    bool m_secondaryPenalty = false;
};
} // namespace Glc
