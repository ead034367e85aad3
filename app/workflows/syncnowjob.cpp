// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "syncnowjob.h"

#include "workflows/capability.h"

#include "github/githubclient.h"
#include "github/licensesyncstatusjob.h"
#include "storage/licensestore.h"

#include <KLocalizedString>
#include <QJsonDocument>
#include <QJsonObject>

namespace Glc {
SyncNowJob::SyncNowJob(const WorkflowContext &context, const QStringList &hosts, QObject *parent)
    : WorkflowJob(context, parent)
    , m_hosts(hosts)
{
    // A child, so it moves with the job to JobRunner's thread (a timer cannot be started from another thread).
    m_timer.setParent(this);
    m_timer.setSingleShot(true);
}

void SyncNowJob::run()
{
    if (const Capability capability = Capability::of(Capability::Action::SyncNow, context()); !capability.available()) {
        // The sync's outcome is only visible in GitHub Enterprise Cloud (license-sync-status): a connection
        // to the server itself cannot confirm it, so the action is unavailable here, with the way round it.
        fail(i18nc("@info", "Sync now cannot be run from a GitHub Enterprise Server connection."), capability.text);
        return;
    }
    setStage(Requesting, i18nc("@info:status", "Reading the current license sync status…"),
        i18nc("@info:status", "Read the current license sync status"));
    fetchStatus([this](const QList<LicenseSyncStatus> &statuses) {
        QStringList known;
        for (const LicenseSyncStatus &status : statuses) {
            known.append(status.hostname);
            m_baseline.insert(status.hostname, status.lastSyncDate);
        }
        if (m_hosts.isEmpty()) {
            m_hosts = known;
        }
        for (const QString &host : std::as_const(m_hosts)) {
            if (!known.contains(host)) {
                fail(i18nc("@info", "The enterprise has no Enterprise Server instance named %1.", host),
                    i18nc("@info", "Refresh to update the list of servers, then choose one of them."));
                return;
            }
        }
        if (m_hosts.isEmpty()) {
            fail(i18nc("@info", "The enterprise has no Enterprise Server instances to sync."),
                i18nc("@info", "Connect a server with GitHub Connect, or use Add server usage for an offline server."));
            return;
        }
        m_deadline = QDateTime::currentDateTimeUtc().addMSecs(context().assistTimeoutMs);
        if (context().labActions) {
            requestLabSyncs();
            return;
        }
        for (const QString &host : std::as_const(m_hosts)) {
            Q_EMIT assistRequired(context().serverLicensePage(host),
                i18nc("@info assisted sync, %1 host name",
                    "GitHub has no API to start a license sync. On %1, open Enterprise settings > License and "
                    "click <b>Sync now</b>. The console then confirms the sync by itself.",
                    host.toHtmlEscaped())); // rich text: the host comes from GitHub's answers
        }
        setStage(Confirming,
            i18ncp("@info:status", "Waiting for %1 server to report a new sync…",
                "Waiting for %1 servers to report a new sync…", m_hosts.size()),
            i18ncp("@info:status", "%1 server reported a new sync", "%1 servers reported a new sync", m_hosts.size()));
        connect(&m_timer, &QTimer::timeout, this, &SyncNowJob::poll);
        m_timer.start(context().pollIntervalMs);
    });
}

void SyncNowJob::fetchStatus(const std::function<void(const QList<LicenseSyncStatus> &)> &then)
{
    LicenseSyncStatusJob *job = client()->fetchLicenseSyncStatus();
    whenRead(job, [job, then] { then(job->result()); });
}

void SyncNowJob::requestLabSyncs()
{
    setStage(Requesting,
        i18ncp("@info:status", "Requesting a sync of %1 server…", "Requesting a sync of %1 servers…", m_hosts.size()),
        i18ncp("@info:status", "Requested a sync of %1 server", "Requested a sync of %1 servers", m_hosts.size()));
    auto pending = std::make_shared<int>(int(m_hosts.size()));
    for (const QString &host : std::as_const(m_hosts)) {
        labRequest(QStringLiteral("servers/%1/sync").arg(host), "POST", {},
            [this, host, pending](int status, const QByteArray &body, const GitHubError &error) {
                if (!isRunning()) {
                    return;
                }
                if (error.kind != GitHubError::Kind::None) {
                    fail(error);
                    return;
                }
                const QString id = QJsonDocument::fromJson(body).object().value(QLatin1String("job")).toString();
                if (status != 202 || id.isEmpty()) {
                    fail(i18nc("@info", "The license lab did not accept the sync request for %1.", host));
                    return;
                }
                m_labJobs.insert(host, id);
                if (--*pending == 0) {
                    setStage(WaitingForJob, i18nc("@info:status", "Waiting for the sync job to finish…"),
                        i18nc("@info:status", "The sync job finished"));
                    connect(&m_timer, &QTimer::timeout, this, &SyncNowJob::pollLabJobs);
                    m_timer.start(std::min(context().pollIntervalMs, 250));
                }
            });
    }
}

void SyncNowJob::pollLabJobs()
{
    auto pending = std::make_shared<int>(int(m_labJobs.size()));
    auto running = std::make_shared<bool>(false);
    for (auto it = m_labJobs.cbegin(); it != m_labJobs.cend(); ++it) {
        const QString host = it.key();
        labRequest(QStringLiteral("jobs/%1").arg(it.value()), "GET", {},
            [this, host, pending, running](int, const QByteArray &body, const GitHubError &error) {
                if (!isRunning()) {
                    return;
                }
                if (error.kind != GitHubError::Kind::None) {
                    fail(error);
                    return;
                }
                const QJsonObject job = QJsonDocument::fromJson(body).object();
                if (job.value(QLatin1String("state")).toString() == QLatin1String("running")) {
                    *running = true;
                } else {
                    m_labErrors.insert(host, job.value(QLatin1String("error")).toString());
                }
                if (--*pending > 0) {
                    return;
                }
                if (*running) {
                    if (QDateTime::currentDateTimeUtc() > m_deadline) {
                        fail(i18nc("@info", "The sync did not finish in time."),
                            i18nc("@info", "Check the server's License page, then try again."));
                        return;
                    }
                    m_timer.start(std::min(context().pollIntervalMs, 250));
                    return;
                }
                setStage(Confirming, i18nc("@info:status", "Confirming through license-sync-status…"),
                    i18nc("@info:status", "Confirmed through license-sync-status"));
                fetchStatus([this](const QList<LicenseSyncStatus> &statuses) { conclude(statuses); });
            });
    }
}

void SyncNowJob::poll()
{
    fetchStatus([this](const QList<LicenseSyncStatus> &statuses) {
        bool allAdvanced = true;
        for (const QString &host : std::as_const(m_hosts)) {
            const auto it = std::find_if(
                statuses.cbegin(), statuses.cend(), [&host](const LicenseSyncStatus &s) { return s.hostname == host; });
            if (it == statuses.cend() || !(it->lastSyncDate > m_baseline.value(host))) {
                allAdvanced = false;
            }
        }
        if (allAdvanced || QDateTime::currentDateTimeUtc() > m_deadline) {
            conclude(statuses);
            return;
        }
        m_timer.start(context().pollIntervalMs);
    });
}

void SyncNowJob::conclude(const QList<LicenseSyncStatus> &statuses)
{
    QList<LicenseSyncStatus> changed;
    int failures = 0;
    for (const QString &host : std::as_const(m_hosts)) {
        ServerResult result;
        result.hostname = host;
        const auto it = std::find_if(
            statuses.cbegin(), statuses.cend(), [&host](const LicenseSyncStatus &s) { return s.hostname == host; });
        if (it != statuses.cend()) {
            result.serverId = it->serverId;
            result.syncedAt = it->lastSyncDate;
            result.confirmed = it->lastSyncDate > m_baseline.value(host);
            result.success = result.confirmed && it->isSuccess();
            // GitHub's error text only of the sync this job saw: the one before it may have failed, and an
            // unconfirmed run must not take over its words.
            result.error = result.confirmed ? it->error : QString();
            changed.append(*it);
        }
        if (result.error.isEmpty()) {
            result.error = m_labErrors.value(host);
        }
        if (!result.confirmed && result.error.isEmpty()) {
            result.error = i18nc("@info", "The server did not report a new sync before the time limit.");
        }
        if (!result.success) {
            ++failures;
        }
        m_results.append(result);
    }
    if (LicenseStore *db = store()) {
        if (StoreError error = db->recordSyncStatus(context().connection.id, changed, QDateTime::currentDateTimeUtc());
            error.isError()) {
            fail(error);
            return;
        }
    } else {
        return;
    }
    if (failures == 0) {
        succeed();
        return;
    }
    const ServerResult &first =
        *std::find_if(m_results.cbegin(), m_results.cend(), [](const ServerResult &r) { return !r.success; });
    const QString error = failures == 1
        ? i18nc("@info %1 host, %2 GitHub's error text", "The sync of %1 failed: %2", first.hostname, first.error)
        : i18ncp("@info %2 first failed host, %3 GitHub's error text", "%1 sync failed, first %2: %3",
              "%1 syncs failed, first %2: %3", failures, first.hostname, first.error);
    fail(error, i18nc("@info", "Check GitHub Connect on the server, or export its license usage and add it by hand."));
}

void SyncNowJob::abort()
{
    m_timer.stop();
    cancelReads();
}
} // namespace Glc
