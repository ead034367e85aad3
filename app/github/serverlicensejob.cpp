// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "serverlicensejob.h"

#include "github/requestscheduler.h"

namespace Glc {
ServerLicenseJob::ServerLicenseJob(
    RequestScheduler *scheduler, const QUrl &licenseUrl, const QUrl &metaUrl, const QString &host, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_licenseUrl(licenseUrl)
    , m_metaUrl(metaUrl)
{
    m_result.hostname = host;
}

void ServerLicenseJob::start()
{
    m_scheduler->submit(this, m_licenseUrl, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readServerLicense(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        const QString version = m_result.installedVersion;
        const QString host = m_result.hostname;
        m_result = read.value;
        m_result.installedVersion = version;
        m_result.hostname = host;
        Q_EMIT progress(++m_done, 2, 0);
        if (m_done == 2) {
            finish();
        }
    });
    m_scheduler->submit(this, m_metaUrl, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readMetaInstalledVersion(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        m_result.installedVersion = read.value;
        Q_EMIT progress(++m_done, 2, 0);
        if (m_done == 2) {
            finish();
        }
    });
}
} // namespace Glc
