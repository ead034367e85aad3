// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/usagefile.h"
#include "workflows/workflowjob.h"

namespace Glc {
class AdminShellExport;

/// "Export license usage" of one Enterprise Server instance into a JSON file.
/// Lab: automatic through its export endpoint. GHES with admin-shell access: automatic over ssh
/// (`ghe-license usage`). Otherwise assisted: the admin clicks Export license
/// usage on the server's License page and hands the downloaded file over (provideDownloadedFile()).
/// The file is validated, written atomically, never overwrites without permission, and recorded.
class ExportUsageJob : public WorkflowJob
{
    Q_OBJECT
public:
    enum Stage {
        Exporting,
        WaitingForDownload,
        Writing,
    };

    ExportUsageJob(const WorkflowContext &context, const QString &host, const QString &targetPath,
        bool overwrite = false, QObject *parent = nullptr);

    /// HOST-license-usage-YYYY-MM-DD.json
    static QString defaultFileName(const QString &host, const QDate &date);

    /// Assisted flow: the file the admin downloaded from the server's License page.
    void provideDownloadedFile(const QString &path);

    /// After success: what was exported.
    const UsageFile::Result &summary() const { return m_summary; }
    QString targetPath() const { return m_target; }
    /// The job failed because the target exists and overwrite was not allowed.
    bool targetExists() const { return m_targetExists; }

protected:
    void run() override;
    void abort() override;

private:
    void accept(const QByteArray &bytes);
    void exportOverAdminShell();

    QString m_host;
    QString m_target;
    bool m_overwrite = false;
    bool m_targetExists = false;
    UsageFile::Result m_summary;
    AdminShellExport *m_shell = nullptr;
};
} // namespace Glc
