// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubjob.h"

namespace Glc {
class RequestScheduler;

/// GHES GET /enterprise/settings/license and GET /meta (installed version).
class ServerLicenseJob : public GitHubJob
{
    Q_OBJECT
public:
    ServerLicenseJob(
        RequestScheduler *scheduler, const QUrl &licenseUrl, const QUrl &metaUrl, const QString &host, QObject *parent);
    const ServerLicenseInfo &result() const { return m_result; }
    void start();

private:
    QUrl m_licenseUrl;
    QUrl m_metaUrl;
    int m_done = 0;
    ServerLicenseInfo m_result;
};
} // namespace Glc
