// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "usagefilecheck.h"

#include "core/dateformat.h"

#include <KLocalizedString>
#include <QFileInfo>
#include <QLocale>

namespace Glc::UsageFileCheck {
namespace {
/// An upload GitHub took: neither one it failed nor one never confirmed (the admin may not have made it).
bool isUpload(const UsageFileRecord &record)
{
    return record.uploadState != UploadSyncState::Failure && record.uploadState != UploadSyncState::Unknown;
}
} // namespace

Outcome check(const QString &path, const UsageFile::Result &file, const Known &known, const QDateTime &savedAt)
{
    Outcome outcome;
    outcome.path = path;
    outcome.file = file;
    if (!file.ok()) {
        outcome.problem = Problem::InvalidFile;
        outcome.message = file.message();
        return outcome;
    }
    // The same bytes went up before: that says more than anything about the server.
    for (const UsageFileRecord &record : known.uploads) {
        if (record.direction == UsageFileRecord::Direction::Uploaded && isUpload(record) &&
            record.sha256 == file.sha256) {
            outcome.problem = Problem::AlreadyUploaded;
            outcome.message = i18nc("@info %1 date", "This exact file was already uploaded on %1.",
                DateFormat::toString(record.time.toLocalTime()));
            return outcome;
        }
    }
    const UsageFileInfo &info = file.info;
    const bool knownServer = std::any_of(known.servers.cbegin(), known.servers.cend(),
                                 [&info](const LicenseSyncStatus &s) {
                                     return (!info.serverId.isEmpty() && s.serverId == info.serverId) ||
                                         (!info.hostName.isEmpty() && s.hostname == info.hostName);
                                 }) ||
        std::any_of(
            known.installations.cbegin(), known.installations.cend(), [&info](const EnterpriseServerInstallation &i) {
                return !info.hostName.isEmpty() && i.hostName == info.hostName;
            });
    if (!knownServer) {
        outcome.problem = Problem::UnknownServer;
        outcome.message = i18nc("@info %1 host, %2 server id",
            "The file belongs to %1 (server ID %2), which this enterprise does not list yet. If this is the "
            "server's first upload, allow new servers and GitHub adds it; otherwise check that you chose the "
            "right enterprise.",
            info.hostName.isEmpty() ? i18nc("@info unknown host", "an unnamed server") : info.hostName,
            info.serverId.isEmpty() ? i18nc("@info unknown id", "none") : info.serverId);
        return outcome;
    }
    // The last upload of this server: the console's own, and the ones GitHub lists (made in the browser,
    // by a colleague, by another tool).
    QDateTime lastUpload;
    const auto later = [&lastUpload](const QDateTime &when) {
        if (when.isValid() && (!lastUpload.isValid() || when > lastUpload)) {
            lastUpload = when;
        }
    };
    for (const UsageFileRecord &record : known.uploads) {
        if (record.direction != UsageFileRecord::Direction::Uploaded || !isUpload(record)) {
            continue;
        }
        if ((!info.serverId.isEmpty() && record.serverId == info.serverId) ||
            (!info.hostName.isEmpty() && record.hostName == info.hostName)) {
            later(record.time);
        }
    }
    for (const EnterpriseServerInstallation &installation : known.installations) {
        if (info.hostName.isEmpty() || installation.hostName != info.hostName) {
            continue;
        }
        for (const UserAccountsUpload &upload : installation.uploads) {
            if (upload.syncState != UploadSyncState::Failure) {
                later(upload.createdAt);
            }
        }
    }
    if (!lastUpload.isValid()) {
        return outcome;
    }
    const QLocale locale;
    if (info.exportedAt.isValid() && info.exportedAt < lastUpload) {
        outcome.problem = Problem::OlderThanLastUpload;
        outcome.message = i18nc("@info %1 export date, %2 upload date",
            "The file was exported on %1, before the last upload of this server on %2; uploading it would "
            "replace newer usage with older usage. Export the usage again.",
            DateFormat::toString(info.exportedAt.toLocalTime(), locale),
            DateFormat::toString(lastUpload.toLocalTime(), locale));
    } else if (!info.exportedAt.isValid() && savedAt.isValid() && savedAt < lastUpload) {
        // The export does not say when it was made (GitHub's file often does not): when the file was saved
        // is the best sign of its age.
        outcome.problem = Problem::OlderThanLastUpload;
        outcome.message = i18nc("@info %1 file date, %2 upload date",
            "The file was saved on %1, before the last upload of this server on %2, so it probably holds older "
            "usage. Export the usage again.",
            DateFormat::toString(savedAt.toLocalTime(), locale),
            DateFormat::toString(lastUpload.toLocalTime(), locale));
    }
    return outcome;
}

Outcome checkFile(const QString &path, const Known &known, QByteArray *bytes)
{
    return check(
        path, UsageFile::readFile(path, UsageFile::DefaultSizeLimit, bytes), known, QFileInfo(path).lastModified());
}
} // namespace Glc::UsageFileCheck
