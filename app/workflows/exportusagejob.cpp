// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "exportusagejob.h"

#include "github/adminshellexport.h"
#include "github/githubclient.h"
#include "github/serverlicensejob.h"
#include "storage/licensestore.h"

#include <KLocalizedString>
#include <QFileInfo>
#include <QSaveFile>

namespace Glc {
ExportUsageJob::ExportUsageJob(
    const WorkflowContext &context, const QString &host, const QString &targetPath, bool overwrite, QObject *parent)
    : WorkflowJob(context, parent)
    , m_host(host)
    , m_target(targetPath)
    , m_overwrite(overwrite)
{
}

QString ExportUsageJob::defaultFileName(const QString &host, const QDate &date)
{
    // The host without a port: no ':' in a file name that travels by mail.
    return QStringLiteral("%1-license-usage-%2.json").arg(Connection::hostName(host), date.toString(Qt::ISODate));
}

void ExportUsageJob::run()
{
    if (QFileInfo::exists(m_target) && !m_overwrite) {
        m_targetExists = true;
        fail(i18nc("@info", "%1 already exists.", m_target),
            i18nc("@info", "Choose another file name, or confirm that the existing file may be replaced."));
        return;
    }
    if (context().labActions) {
        setStage(Exporting, i18nc("@info:status", "Exporting license usage of %1…", m_host),
            i18nc("@info:status", "Exported license usage of %1", m_host));
        labRequest(QStringLiteral("servers/%1/usage-export").arg(m_host), "GET", {},
            [this](int status, const QByteArray &body, const GitHubError &error) {
                if (!isRunning()) {
                    return;
                }
                if (error.kind == GitHubError::Kind::NotFound) {
                    // The lab's answer for a server it does not have, not GitHub's word on the token.
                    fail(i18nc("@info", "The enterprise has no Enterprise Server instance named %1.", m_host),
                        i18nc("@info", "Refresh to update the list of servers, then choose one of them."));
                    return;
                }
                if (error.kind != GitHubError::Kind::None) {
                    fail(error);
                    return;
                }
                if (status != 200) {
                    fail(i18nc("@info", "The license lab did not export %1 (HTTP %2).", m_host, status));
                    return;
                }
                accept(body);
            });
        return;
    }
    const Connection &connection = context().connection;
    if (connection.kind == Connection::Kind::Server && connection.adminShell.enabled) {
        exportOverAdminShell();
        return;
    }
    setStage(WaitingForDownload, i18nc("@info:status", "Waiting for the downloaded file…"),
        i18nc("@info:status", "Found the downloaded file"));
    Q_EMIT assistRequired(context().serverLicensePage(m_host),
        i18nc("@info assisted export, %1 host name",
            "On %1, open Enterprise settings > License and click <b>Export license usage</b>. "
            "Then choose the downloaded file here; the console checks it and saves it under the chosen name.",
            m_host.toHtmlEscaped())); // rich text
}

void ExportUsageJob::exportOverAdminShell()
{
    // The command depends on the installed version (ghe-license usage after 3.12), so read it first.
    setStage(Exporting, i18nc("@info:status", "Reading the version of %1…", m_host),
        i18nc("@info:status", "Read the version of %1", m_host));
    ServerLicenseJob *version = client()->fetchServerLicense();
    connect(version, &GitHubJob::finished, this, [this, version] {
        version->deleteLater();
        if (!isRunning()) {
            return;
        }
        const QString installed =
            version->error().kind == GitHubError::Kind::None ? version->result().installedVersion : QString();
        setStage(Exporting, i18nc("@info:status", "Exporting license usage of %1 over the admin shell…", m_host),
            i18nc("@info:status", "Exported license usage of %1 over the admin shell", m_host));
        // ssh reaches the host itself; the web port of a `host:port` is not the admin shell's (adminShell.port).
        auto *shell =
            new AdminShellExport(Connection::hostName(m_host), context().connection.adminShell, installed, {}, this);
        m_shell = shell;
        connect(shell, &AdminShellExport::finished, this, [this, shell] {
            shell->deleteLater();
            m_shell = nullptr;
            if (!isRunning()) {
                return;
            }
            if (shell->error() != AdminShellExport::Error::None) {
                fail(shell->errorMessage(), shell->nextStep());
                return;
            }
            accept(shell->bytes());
        });
        shell->start();
    });
}

void ExportUsageJob::abort()
{
    if (m_shell) {
        m_shell->cancel();
    }
}

void ExportUsageJob::provideDownloadedFile(const QString &path)
{
    if (!isRunning()) {
        return;
    }
    // Read as Add server usage reads a file: at most the size limit, with the system's reason when it cannot.
    QByteArray bytes;
    const UsageFile::Result read = UsageFile::readFile(path, UsageFile::DefaultSizeLimit, &bytes);
    if (read.validation == UsageFile::Validation::Unreadable) {
        fail(i18nc("@info", "Cannot read %1: %2", path, read.readError),
            i18nc("@info", "Check that the downloaded file is still there and readable, then choose it again."));
        return;
    }
    if (read.validation == UsageFile::Validation::TooLarge) {
        fail(read.message());
        return;
    }
    accept(bytes);
}

void ExportUsageJob::accept(const QByteArray &bytes)
{
    setStage(Writing, i18nc("@info:status", "Checking and writing %1…", QFileInfo(m_target).fileName()),
        i18nc("@info:status", "Checked and wrote %1", QFileInfo(m_target).fileName()));
    m_summary = UsageFile::read(bytes);
    if (!m_summary.ok()) {
        fail(m_summary.message(),
            i18nc("@info", "Export the license usage again; the file must be the JSON the server produces."));
        return;
    }
    // A server's file names its host without the port its web interface may use.
    if (!m_summary.info.hostName.isEmpty() &&
        m_summary.info.hostName.compare(Connection::hostName(m_host), Qt::CaseInsensitive) != 0) {
        fail(i18nc("@info", "The file is the license usage of %1, not of %2.", m_summary.info.hostName, m_host),
            i18nc("@info", "Export the usage on the right server."));
        return;
    }
    // Checked again right before writing: the file may have appeared while the export ran.
    if (QFileInfo::exists(m_target) && !m_overwrite) {
        m_targetExists = true;
        fail(i18nc("@info", "%1 already exists.", m_target),
            i18nc("@info", "Choose another file name, or confirm that the existing file may be replaced."));
        return;
    }
    QSaveFile out(m_target);
    if (!out.open(QIODevice::WriteOnly) || out.write(bytes) != bytes.size() || !out.commit()) {
        fail(i18nc("@info", "Cannot write %1: %2", m_target, out.errorString()),
            i18nc("@info", "Choose a folder you can write to, with enough free space."));
        return;
    }
    LicenseStore *db = store();
    if (!db) {
        return;
    }
    UsageFileRecord record;
    record.connectionId = context().connection.id;
    record.direction = UsageFileRecord::Direction::Exported;
    record.fileName = m_target;
    record.sha256 = m_summary.sha256;
    record.serverId = m_summary.info.serverId;
    record.hostName = m_summary.info.hostName.isEmpty() ? Connection::hostName(m_host) : m_summary.info.hostName;
    record.version = m_summary.info.version;
    record.size = m_summary.size;
    record.time = QDateTime::currentDateTimeUtc();
    record.outcome = QStringLiteral("ok");
    if (const StoreResult<qint64> added = db->addUsageFile(record); !added.ok()) {
        fail(added.error);
        return;
    }
    succeed();
}
} // namespace Glc
