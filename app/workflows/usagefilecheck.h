// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"
#include "licensing/usagefile.h"
#include "storage/storerecords.h"

namespace Glc {
/// Checks a usage file before "Add server usage": the file itself (UsageFile) and its fit with what
/// the enterprise knows - the server, the last upload of that server, files uploaded before.
/// Shared by the console's drop zone and `ghe-license add-server-usage`.
namespace UsageFileCheck {
enum class Problem : qint8 {
    None,
    InvalidFile, ///< see result.validation
    UnknownServer, ///< GitHub lists no such server yet: wrong enterprise, or the server's first upload
    OlderThanLastUpload,
    AlreadyUploaded,
};

struct Known
{
    QList<LicenseSyncStatus> servers;
    QList<EnterpriseServerInstallation> installations;
    QList<UsageFileRecord> uploads; ///< earlier uploads of this connection
};

struct Outcome
{
    QString path;
    UsageFile::Result file;
    Problem problem = Problem::None;
    QString message; ///< translated; empty when the file may be uploaded

    bool ok() const { return problem == Problem::None; }
    /// May be uploaded: ok(), or a server the enterprise does not list yet when new servers are allowed
    /// (an offline server becomes known to GitHub with its first upload).
    bool uploadable(bool allowNewServers) const
    {
        return ok() || (allowNewServers && problem == Problem::UnknownServer);
    }
};

/// @p savedAt: when the file was saved, the sign of its age when it does not say when it was exported.
Outcome check(const QString &path, const UsageFile::Result &file, const Known &known, const QDateTime &savedAt = {});
/// check() of the file at @p path, with its modification time as savedAt.
/// @p bytes: see UsageFile::readFile().
Outcome checkFile(const QString &path, const Known &known, QByteArray *bytes = nullptr);
} // namespace UsageFileCheck
} // namespace Glc
