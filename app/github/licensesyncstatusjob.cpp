// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensesyncstatusjob.h"

#include "github/requestscheduler.h"

namespace Glc {
LicenseSyncStatusJob::LicenseSyncStatusJob(RequestScheduler *scheduler, const QUrl &url, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_url(url)
{
}

void LicenseSyncStatusJob::start()
{
    m_scheduler->submit(this, m_url, "GET", {}, [this](const HttpResult &result) {
        if (!acceptHttp(result)) {
            return;
        }
        auto read = GitHubJson::readLicenseSyncStatus(result.body);
        if (!acceptRead(read.error, read.errorDetail, read.stats)) {
            return;
        }
        m_result = std::move(read.value);
        Q_EMIT progress(1, 1, 0);
        finish();
    });
}
} // namespace Glc
