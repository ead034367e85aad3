// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "addserverusagejob.h"

#include "core/dateformat.h"
#include "github/githubclient.h"
#include "github/installationsjob.h"
#include "storage/licensestore.h"
#include "workflows/capability.h"

#include <KLocalizedString>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <utility>

namespace Glc {
namespace {
QString uploadKey(const QString &host, const UserAccountsUpload &upload)
{
    return host + QLatin1Char('|') + upload.name + QLatin1Char('|') + upload.createdAt.toString(Qt::ISODate);
}

/// Both files are usage of the same server.
bool sameServer(const UsageFileInfo &a, const UsageFileInfo &b)
{
    return (!a.serverId.isEmpty() && a.serverId == b.serverId) || (!a.hostName.isEmpty() && a.hostName == b.hostName);
}

/// How old the usage in the file is: its export date, or when the file was saved when it does not say.
QDateTime usageDate(const UsageFileCheck::Outcome &check, bool *exported)
{
    *exported = check.file.info.exportedAt.isValid();
    return *exported ? check.file.info.exportedAt : QFileInfo(check.path).lastModified();
}
} // namespace

AddServerUsageJob::AddServerUsageJob(
    const WorkflowContext &context, const QStringList &files, Mode mode, QObject *parent)
    : WorkflowJob(context, parent)
    , m_files(files)
    , m_mode(mode)
{
    // A child, so it moves with the job to JobRunner's thread (a timer cannot be started from another thread).
    m_timer.setParent(this);
    m_timer.setSingleShot(true);
}

void AddServerUsageJob::run()
{
    if (const Capability capability = Capability::of(Capability::Action::AddServerUsage, context());
        m_mode == Mode::Upload && !capability.available()) {
        fail(i18nc("@info", "Server usage cannot be added from a GitHub Enterprise Server connection."),
            capability.text);
        return;
    }
    setStage(Checking, i18ncp("@info:status", "Checking %1 file…", "Checking %1 files…", m_files.size()),
        i18ncp("@info:status", "Checked %1 file", "Checked %1 files", m_files.size()));
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    // Without what the store knows, a file uploaded before would pass as new: the checks need all of it.
    UsageFileCheck::Known known;
    const auto latest = db->latestSnapshot(context().connection.id);
    if (!latest.ok()) {
        fail(latest.error);
        return;
    }
    if (latest.value) {
        // Only the servers: neither the consumed-license rows nor the servers' user accounts.
        LicenseStore::LoadParts parts;
        parts.users = false;
        parts.userAccounts = false;
        const StoreResult<LicenseSnapshot> snapshot = db->loadSnapshot(latest.value->id, parts);
        if (!snapshot.ok()) {
            fail(snapshot.error);
            return;
        }
        known.servers = snapshot.value.syncStatus;
        known.installations = snapshot.value.installations;
    }
    const auto files = db->usageFiles(context().connection.id);
    if (!files.ok()) {
        fail(files.error);
        return;
    }
    known.uploads = files.value;
    // The lab's upload sends the bytes that were checked: the file may change, or (a pipe) be gone, by then.
    const bool keepBytes = m_mode == Mode::Upload && context().labActions;
    for (int i = 0; i < m_files.size(); ++i) {
        FileResult result;
        QByteArray bytes;
        result.check = UsageFileCheck::checkFile(m_files.at(i), known, keepBytes ? &bytes : nullptr);
        // Two identical files dropped together are one upload (also a new server's, which may be allowed).
        for (const FileResult &earlier : std::as_const(m_results)) {
            if (result.check.uploadable(true) && earlier.check.uploadable(true) &&
                earlier.check.file.sha256 == result.check.file.sha256) {
                result.check.problem = UsageFileCheck::Problem::AlreadyUploaded;
                result.check.message = i18nc("@info", "The same file is already in this batch.");
            }
        }
        m_results.append(result);
        m_bytes.append(result.check.uploadable(true) ? bytes : QByteArray());
        Q_EMIT progress(i + 1, m_files.size(), 0);
    }
    refuseOlderInBatch();
    for (int i = 0; i < m_results.size(); ++i) {
        Q_EMIT fileChecked(i, m_results.at(i));
    }
    if (m_mode == Mode::CheckOnly) {
        succeed();
        return;
    }
    uploadNext();
}

void AddServerUsageJob::refuseOlderInBatch()
{
    // Whatever the order of the files, one that would go up might be older than another of its server:
    // uploaded after it, it would replace newer usage with older usage. Only the newest one goes up.
    const QLocale locale;
    for (int i = 0; i < m_results.size(); ++i) {
        UsageFileCheck::Outcome &older = m_results[i].check;
        // A new server's files too: the admin may still allow them.
        if (!older.uploadable(true)) {
            continue;
        }
        bool olderExported = false;
        const QDateTime olderDate = usageDate(older, &olderExported);
        const UsageFileCheck::Outcome *newest = nullptr;
        QDateTime newestDate = olderDate;
        for (int j = 0; j < m_results.size() && olderDate.isValid(); ++j) {
            const UsageFileCheck::Outcome &other = m_results.at(j).check;
            if (j == i || !other.uploadable(true) || !sameServer(older.file.info, other.file.info)) {
                continue;
            }
            bool exported = false;
            if (const QDateTime date = usageDate(other, &exported); date.isValid() && date > newestDate) {
                newest = &other;
                newestDate = date;
            }
        }
        if (!newest) {
            continue;
        }
        older.problem = UsageFileCheck::Problem::OlderThanLastUpload;
        const QString name = QFileInfo(newest->path).fileName();
        const QString olderText = DateFormat::toString(olderDate.toLocalTime(), locale);
        const QString newerText = DateFormat::toString(newestDate.toLocalTime(), locale);
        older.message = olderExported
            ? i18nc("@info %1 export date, %2 file name, %3 its date",
                  "The file was exported on %1, before %2 of the same server in this batch (%3); uploading it "
                  "after that file would replace newer usage with older usage. Only the newer file is uploaded.",
                  olderText, name, newerText)
            : i18nc("@info %1 file date, %2 file name, %3 its date",
                  "The file was saved on %1, before %2 of the same server in this batch (%3), so it probably holds "
                  "older usage. Only the newer file is uploaded.",
                  olderText, name, newerText);
    }
}

void AddServerUsageJob::uploadNext()
{
    do {
        ++m_current;
    } while (m_current < m_results.size() && !uploadable(m_results.at(m_current)));
    if (m_current >= m_results.size()) {
        int failed = 0;
        int uploaded = 0;
        for (const FileResult &result : std::as_const(m_results)) {
            if (uploadable(result) && result.state == UploadSyncState::Success) {
                ++uploaded;
            } else {
                ++failed;
            }
        }
        if (failed == 0) {
            succeed();
        } else {
            fail(i18ncp("@info", "%1 file was not added.", "%1 files were not added.", failed),
                uploaded > 0 ? i18ncp("@info", "%1 file was added; see each file's result.",
                                   "%1 files were added; see each file's result.", uploaded)
                             : i18nc("@info", "See each file's result."));
        }
        return;
    }
    const QString path = m_results.at(m_current).check.path;
    Q_EMIT progress(m_current, m_results.size(), 0);
    if (context().labActions) {
        uploadToLab(m_current, std::exchange(m_bytes[m_current], QByteArray()));
        return;
    }
    // Assisted: remember the uploads that exist now, so the admin's new one can be recognised.
    setStage(WaitingForUpload, i18nc("@info:status", "Waiting for the upload of %1…", QFileInfo(path).fileName()),
        i18nc("@info:status", "GitHub received %1", QFileInfo(path).fileName()));
    const int index = m_current;
    InstallationsJob *job = client()->fetchInstallations();
    whenRead(job, [this, job, index, path] {
        for (const EnterpriseServerInstallation &installation : job->result()) {
            for (const UserAccountsUpload &upload : installation.uploads) {
                m_baselineUploads.insert(uploadKey(installation.hostName, upload));
            }
        }
        m_deadline = QDateTime::currentDateTimeUtc().addMSecs(context().assistTimeoutMs);
        Q_EMIT assistRequired(context().connection.enterpriseLicensePage(),
            i18nc("@info assisted upload, %1 file path",
                "GitHub has no API to add server usage. On the enterprise's License page, click <b>Add server "
                "usage</b> and upload %1. The console then confirms the upload by itself.",
                path.toHtmlEscaped())); // rich text: a file name may hold < or &
        m_timer.disconnect(this);
        connect(&m_timer, &QTimer::timeout, this, [this, index] { pollInstallations(index); });
        m_timer.start(context().pollIntervalMs);
    });
}

void AddServerUsageJob::uploadToLab(int index, const QByteArray &bytes)
{
    const QString name = QFileInfo(m_results.at(index).check.path).fileName();
    setStage(Uploading, i18nc("@info:status", "Uploading %1…", name), i18nc("@info:status", "Uploaded %1", name));
    labRequest(QStringLiteral("uploads"), "POST", bytes,
        [this, index](int status, const QByteArray &body, const GitHubError &error) {
            if (!isRunning()) {
                return;
            }
            if (error.kind != GitHubError::Kind::None && status != 422) {
                fail(error);
                return;
            }
            const QJsonObject answer = QJsonDocument::fromJson(body).object();
            if (status != 202) {
                finishFile(index, UploadSyncState::Failure, answer.value(QLatin1String("message")).toString());
                return;
            }
            m_results[index].uploaded = true;
            m_results[index].state = UploadSyncState::Pending;
            Q_EMIT fileFinished(index, m_results.at(index)); // PENDING is visible at once
            setStage(Confirming, i18nc("@info:status", "Upload received; waiting for GitHub to process it…"),
                i18nc("@info:status", "GitHub processed the upload"));
            m_deadline = QDateTime::currentDateTimeUtc().addMSecs(context().assistTimeoutMs);
            const QString jobId = answer.value(QLatin1String("job")).toString();
            m_timer.disconnect(this);
            connect(&m_timer, &QTimer::timeout, this, [this, index, jobId] { pollLab(index, jobId); });
            m_timer.start(std::min(context().pollIntervalMs, 250));
        },
        {{QStringLiteral("name"), name}});
}

void AddServerUsageJob::pollLab(int index, const QString &jobId)
{
    labRequest(QStringLiteral("jobs/%1").arg(jobId), "GET", {},
        [this, index](int, const QByteArray &body, const GitHubError &error) {
            if (!isRunning()) {
                return;
            }
            if (error.kind != GitHubError::Kind::None) {
                fail(error);
                return;
            }
            const QJsonObject job = QJsonDocument::fromJson(body).object();
            const QString state = job.value(QLatin1String("state")).toString();
            if (state == QLatin1String("running")) {
                if (QDateTime::currentDateTimeUtc() > m_deadline) {
                    // As with GitHub's PENDING past the time limit: unconfirmed, shown with its state at the next
                    // refresh.
                    finishFile(index, UploadSyncState::Pending,
                        i18nc("@info", "The upload was still being processed when the time limit passed."));
                    return;
                }
                m_timer.start(std::min(context().pollIntervalMs, 250));
                return;
            }
            finishFile(index, state == QLatin1String("success") ? UploadSyncState::Success : UploadSyncState::Failure,
                job.value(QLatin1String("error")).toString());
        });
}

void AddServerUsageJob::pollInstallations(int index)
{
    InstallationsJob *job = client()->fetchInstallations();
    whenRead(job, [this, job, index] {
        const QString host = m_results.at(index).check.file.info.hostName;
        for (const EnterpriseServerInstallation &installation : job->result()) {
            if (!host.isEmpty() && installation.hostName != host) {
                continue;
            }
            for (const UserAccountsUpload &upload : installation.uploads) {
                if (m_baselineUploads.contains(uploadKey(installation.hostName, upload))) {
                    continue;
                }
                if (upload.syncState == UploadSyncState::Pending) {
                    if (m_results.at(index).state != UploadSyncState::Pending) {
                        m_results[index].uploaded = true;
                        m_results[index].state = UploadSyncState::Pending;
                        setStage(Confirming, i18nc("@info:status", "Upload seen; waiting for GitHub to process it…"),
                            i18nc("@info:status", "GitHub processed the upload"));
                        Q_EMIT fileFinished(index, m_results.at(index));
                    }
                    continue;
                }
                m_results[index].uploaded = true;
                finishFile(index, upload.syncState,
                    upload.syncState == UploadSyncState::Failure
                        ? i18nc("@info", "GitHub could not process the upload %1.", upload.name)
                        : QString());
                return;
            }
        }
        if (QDateTime::currentDateTimeUtc() > m_deadline) {
            // Not a failure GitHub reported: unconfirmed. An upload made later shows with its own state
            // at the next refresh, and the file may be added again.
            finishFile(
                index, UploadSyncState::Unknown, i18nc("@info", "No new upload appeared before the time limit."));
            return;
        }
        m_timer.start(context().pollIntervalMs);
    });
}

void AddServerUsageJob::finishFile(int index, UploadSyncState state, const QString &error)
{
    FileResult &result = m_results[index];
    result.state = state;
    result.error = error;
    if (LicenseStore *db = store()) {
        UsageFileRecord record;
        record.connectionId = context().connection.id;
        record.direction = UsageFileRecord::Direction::Uploaded;
        record.fileName = result.check.path;
        record.sha256 = result.check.file.sha256;
        record.serverId = result.check.file.info.serverId;
        record.hostName = result.check.file.info.hostName;
        record.version = result.check.file.info.version;
        record.size = result.check.file.size;
        record.time = QDateTime::currentDateTimeUtc();
        record.outcome = error.isEmpty() ? QStringLiteral("ok") : error;
        record.uploadState = state;
        record.uploadStateChangedAt = record.time;
        if (const auto added = db->addUsageFile(record); !added.ok()) {
            fail(added.error);
            return;
        }
    } else {
        return;
    }
    Q_EMIT fileFinished(index, m_results.at(index));
    uploadNext();
}

void AddServerUsageJob::abort()
{
    m_timer.stop();
    cancelReads();
}
} // namespace Glc
