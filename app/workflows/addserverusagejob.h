// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "workflows/usagefilecheck.h"
#include "workflows/workflowjob.h"

#include <QTimer>

namespace Glc {
/// "Add server usage": checks each file (UsageFileCheck) and, unless only checking, uploads the
/// valid ones one by one. Lab: automatic upload, then its state PENDING -> SUCCESS/FAILURE.
/// Real GitHub: assisted - the admin uploads the file on the enterprise's License page, and the job
/// confirms through GraphQL userAccountsUploads until the new upload leaves PENDING.
class AddServerUsageJob : public WorkflowJob
{
    Q_OBJECT
public:
    enum class Mode : qint8 {
        CheckOnly,
        Upload,
    };
    enum Stage {
        Checking,
        Uploading,
        WaitingForUpload,
        Confirming,
    };

    struct FileResult
    {
        UsageFileCheck::Outcome check;
        bool uploaded = false;
        UploadSyncState state = UploadSyncState::Unknown;
        QString error;
    };

    AddServerUsageJob(const WorkflowContext &context, const QStringList &files, Mode mode, QObject *parent = nullptr);

    const QList<FileResult> &results() const { return m_results; }
    /// Also uploads files of servers the enterprise does not list yet (UsageFileCheck::Problem::
    /// UnknownServer): an offline server's first upload. Off by default.
    void setAllowNewServers(bool allow) { m_allowNewServers = allow; }
    bool uploadable(const FileResult &result) const { return result.check.uploadable(m_allowNewServers); }

Q_SIGNALS:
    /// Each carries the file's result as it is then: the job runs in a worker thread, where results()
    /// changes while a queued receiver in another thread would read it.
    void fileChecked(int index, const Glc::AddServerUsageJob::FileResult &result);
    void fileFinished(int index, const Glc::AddServerUsageJob::FileResult &result);

protected:
    void run() override;
    void abort() override;

private:
    /// Of several files of one server in the batch, only the newest one may go up: the others are refused
    /// as older (OlderThanLastUpload), naming the newer file.
    void refuseOlderInBatch();
    void uploadNext();
    void uploadToLab(int index, const QByteArray &bytes);
    void pollLab(int index, const QString &jobId);
    void pollInstallations(int index);
    void finishFile(int index, UploadSyncState state, const QString &error);

    QStringList m_files;
    Mode m_mode;
    QList<FileResult> m_results;
    QList<QByteArray> m_bytes; ///< per file: the bytes checked, kept for the lab's upload of an uploadable one
    bool m_allowNewServers = false;
    int m_current = -1;
    QTimer m_timer;
    QDateTime m_deadline;
    QSet<QString> m_baselineUploads; ///< host|name|createdAt of uploads that existed before
};
} // namespace Glc
