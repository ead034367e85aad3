// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubjob.h"

namespace Glc {
class RequestScheduler;

/// GET /enterprises/{slug}/license-sync-status.
class LicenseSyncStatusJob : public GitHubJob
{
    Q_OBJECT
public:
    LicenseSyncStatusJob(RequestScheduler *scheduler, const QUrl &url, QObject *parent);
    const QList<LicenseSyncStatus> &result() const { return m_result; }
    void start();

private:
    QUrl m_url;
    QList<LicenseSyncStatus> m_result;
};
} // namespace Glc
