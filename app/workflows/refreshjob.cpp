// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "refreshjob.h"

#include "github/consumedlicensesjob.h"
#include "github/githubclient.h"
#include "github/installationsjob.h"
#include "github/licensesyncstatusjob.h"
#include "github/serverlicensejob.h"
#include "licensing/hostorder.h"
#include "storage/licensestore.h"

#include <KLocalizedString>

#include <algorithm>

namespace Glc {
RefreshJob::RefreshJob(const WorkflowContext &context, QObject *parent)
    : WorkflowJob(context, parent)
{
}

void RefreshJob::run()
{
    const Connection &connection = context().connection;
    m_snapshot.connectionId = connection.id;
    m_snapshot.source = connection.snapshotSource();
    setStage(Fetching,
        i18nc("@info:status", "Fetching license data from %1…",
            Connection::sourceText(connection.kind, m_snapshot.source)));

    GitHubClient *github = client();
    if (connection.kind == Connection::Kind::Server) {
        ServerLicenseJob *license = github->fetchServerLicense();
        track(license, [this, license] {
            m_snapshot.serverLicenses = {license->result()};
            m_snapshot.licenses.totalSeatsConsumed = license->result().seatsUsed;
            m_snapshot.licenses.totalSeatsPurchased = license->result().seats.value_or(0);
        });
        return;
    }

    ConsumedLicensesJob *licenses = github->fetchConsumedLicenses();
    connect(licenses, &GitHubJob::progress, this, [this](int done, int total, qint64 users) {
        m_pagesDone = done;
        m_pagesTotal = total;
        m_users = users;
        reportProgress();
    });
    track(licenses, [this, licenses] { m_snapshot.licenses = licenses->result(); });
    // The servers are read once both lists have named them.
    m_serverListsPending = 2;
    LicenseSyncStatusJob *sync = github->fetchLicenseSyncStatus();
    track(sync, [this, sync] {
        m_snapshot.syncStatus = sync->result();
        fetchServers();
    });
    InstallationsJob *installations = github->fetchInstallations();
    track(installations, [this, installations] {
        m_snapshot.installations = installations->result();
        fetchServers();
    });
}

void RefreshJob::track(
    GitHubJob *job, const std::function<void()> &onSuccess, const std::function<void(const GitHubError &)> &onError)
{
    ++m_partsRunning;
    m_jobs.append(job);
    connect(job, &GitHubJob::finished, this, [this, job, onSuccess, onError] {
        m_readStats += job->readStats();
        // After abort() the other parts finish as cancelled: the first failure is the job's error.
        if (!isRunning() || m_cancelRequested) {
            return;
        }
        if (job->error().kind != GitHubError::Kind::None) {
            const GitHubError error = job->error();
            if (onError) {
                onError(error);
                partDone();
                return;
            }
            abort();
            fail(error);
            return;
        }
        onSuccess();
        partDone();
    });
}

void RefreshJob::fetchServers()
{
    if (m_serverListsPending == 0 || --m_serverListsPending > 0) {
        return;
    }
    QStringList hosts;
    auto add = [&hosts](const QString &host) {
        if (!host.isEmpty() && !hosts.contains(host, Qt::CaseInsensitive)) {
            hosts.append(host);
        }
    };
    for (const LicenseSyncStatus &status : std::as_const(m_snapshot.syncStatus)) {
        add(status.hostname);
    }
    for (const EnterpriseServerInstallation &installation : std::as_const(m_snapshot.installations)) {
        add(installation.hostName);
    }
    HostOrder::sort(hosts);
    // In host order whatever order the answers come in.
    m_serverReads.resize(hosts.size());
    const bool lab = context().connection.kind == Connection::Kind::Lab;
    QList<Connection> linked; // of hosts.at(linkedAt.at(n))
    QList<qsizetype> linkedAt;
    for (qsizetype i = 0; i < hosts.size(); ++i) {
        const QString &host = hosts.at(i);
        const auto own = std::find_if(
            context().linkedServers.cbegin(), context().linkedServers.cend(), [&host](const Connection &server) {
                return server.kind == Connection::Kind::Server &&
                    server.serverHost.section(QLatin1Char(':'), 0, 0).compare(host, Qt::CaseInsensitive) == 0;
            });
        if (own != context().linkedServers.cend()) {
            linked.append(*own);
            linkedAt.append(i);
        } else if (lab) {
            ServerLicenseJob *license = client()->fetchLabServerLicense(host);
            track(license, [this, license, i] { m_serverReads[i] = license->result(); });
        }
    }
    if (linked.isEmpty()) {
        return;
    }
    // Only the tokens of the servers the enterprise names are asked for (a keychain may prompt for each).
    ++m_partsRunning;
    TokenStore::readLinkedServerTokens(linked).then(
        this, [this, linked, linkedAt, hosts](const TokenStore::Lookups &tokens) {
            if (!isRunning() || m_cancelRequested) {
                return;
            }
            for (qsizetype n = 0; n < linked.size(); ++n) {
                readServer(linked.at(n), tokens.value(linked.at(n).id), hosts.at(linkedAt.at(n)), linkedAt.at(n));
            }
            partDone();
        });
}

void RefreshJob::readServer(
    const Connection &connection, const TokenStore::Lookup &token, const QString &host, qsizetype index)
{
    if (token.token.isEmpty()) {
        // Never the enterprise's token instead: a server must not see what was meant for another host.
        m_serverNotes.append(token.error.isEmpty()
                ? i18nc("@info %1 host, %2 connection name",
                      "The license of %1 could not be read: its connection %2 has no token (GH_ENTERPRISE_TOKEN is "
                      "not set, and the keychain has none for it).",
                      host, connection.name)
                : i18nc("@info %1 host, %2 connection name, %3 the keychain's error",
                      "The license of %1 could not be read: its connection %2 has no token (GH_ENTERPRISE_TOKEN is "
                      "not set, and the keychain could not be read: %3).",
                      host, connection.name, token.error));
        return;
    }
    // Its own connection: its host, CA and token. A server out of reach (a VPN down) is a note, and it is not
    // waited for as long as the enterprise is.
    GitHubClientOptions options = context().clientOptions;
    options.maxRetries = std::min(options.maxRetries, 1);
    options.maxRateLimitRetries = std::min(options.maxRateLimitRetries, 2);
    options.transferTimeoutMs = std::min(options.transferTimeoutMs, 15000);
    options.maxWaitMs = std::min(options.maxWaitMs, 60000);
    auto *client = new GitHubClient(connection, token.token, options, this);
    ServerLicenseJob *license = client->fetchServerLicense();
    track(
        license,
        [this, license, host, index] {
            m_serverReads[index] = license->result();
            m_serverReads[index].hostname = host; // as the enterprise names it, without a port
        },
        [this, host, name = connection.name](const GitHubError &error) {
            m_serverNotes.append(i18nc("@info %1 host, %2 connection name, %3 error, %4 its next step",
                "The license of %1 could not be read through its connection %2: %3 %4", host, name, error.message(),
                error.nextStep()));
        });
}

QString RefreshJob::toleratedText(const GitHubJson::ReadStats &stats)
{
    if (stats.toleratedValues == 0) {
        return {};
    }
    return i18ncp("@info",
        "GitHub's answers had %1 value of an unexpected type (for example an empty text for yes or no); it was read "
        "leniently and the snapshot is complete.",
        "GitHub's answers had %1 values of an unexpected type (for example an empty text for yes or no); they were "
        "read leniently and the snapshot is complete.",
        stats.toleratedValues);
}

QStringList RefreshJob::notes() const
{
    QStringList notes;
    if (const QString tolerated = toleratedText(m_readStats); !tolerated.isEmpty()) {
        notes.append(tolerated);
    }
    notes += m_serverNotes;
    if (m_removed > 0) {
        notes.append(i18ncp("@info", "The snapshot retention setting removed %1 older snapshot.",
            "The snapshot retention setting removed %1 older snapshots.", m_removed));
    }
    if (m_retentionError.isError()) {
        notes.append(i18nc("@info %1 the store's error",
            "The snapshot is stored, but older snapshots could not be removed as the snapshot retention setting asks; "
            "the next refresh tries again. %1",
            m_retentionError.message));
    }
    return notes;
}

void RefreshJob::reportProgress()
{
    Q_EMIT progress(m_pagesDone, m_pagesTotal, m_users);
}

void RefreshJob::partDone()
{
    if (--m_partsRunning == 0 && isRunning()) {
        if (!m_serverReads.isEmpty()) {
            m_serverReads.removeIf([](const ServerLicenseInfo &read) { return read.hostname.isEmpty(); });
            m_snapshot.serverLicenses = std::exchange(m_serverReads, {});
        }
        HostOrder::sortServers(m_snapshot); // as the store gives it back
        m_fetched = true;
        Q_EMIT fetched();
        if (isRunning() && (!m_saveWhenAsked || m_saveAsked)) {
            save();
        }
    }
}

void RefreshJob::saveNow()
{
    m_saveAsked = true;
    if (m_fetched && isRunning()) {
        save();
    }
}

void RefreshJob::save()
{
    setStage(Saving,
        i18ncp("@info:status", "Saving snapshot of %1 seat…", "Saving snapshot of %1 seats…",
            int(m_snapshot.licenses.users.size())));
    // A snapshot of the lab's past is dated when it shows the enterprise.
    m_snapshot.takenAt = context().labAsOf.isValid() ? context().labAsOf.toUTC() : QDateTime::currentDateTimeUtc();
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    if (StoreError error = db->saveConnection(context().connection); error.isError()) {
        fail(error);
        return;
    }
    const StoreResult<qint64> written =
        db->writeSnapshot(m_snapshot, [this] { return m_cancelRequested || cancelRequested(); });
    if (!written.ok()) {
        fail(written.error);
        return;
    }
    m_snapshot.id = written.value;
    // The snapshot is safe now: what goes wrong below is said beside the success, not as a failure.
    const StoreResult<RetentionPolicy> retention = db->retentionPolicy();
    m_retentionError = retention.error;
    const RetentionPolicy policy = retention.ok() ? retention.value : RetentionPolicy{};
    if (policy.keepNewest > 0 || policy.maxAgeDays > 0) {
        const StoreResult<int> removed = db->applyRetention(m_snapshot.connectionId, policy, m_snapshot.takenAt);
        m_removed = removed.ok() ? removed.value : 0;
        m_retentionError = removed.error;
    }
    succeed();
}

void RefreshJob::abort()
{
    m_cancelRequested = true;
    for (QObject *job : std::as_const(m_jobs)) {
        if (auto *githubJob = qobject_cast<GitHubJob *>(job); githubJob && !githubJob->isFinished()) {
            githubJob->cancel();
        }
    }
}
} // namespace Glc
