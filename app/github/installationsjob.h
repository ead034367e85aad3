// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubjob.h"

namespace Glc {
class RequestScheduler;

/// GraphQL enterpriseServerInstallations with uploads and every user account (with emails), all pages.
class InstallationsJob : public GitHubJob
{
    Q_OBJECT
public:
    InstallationsJob(
        RequestScheduler *scheduler, const QUrl &url, const QString &slug, bool connectedOnly, QObject *parent);
    const QList<EnterpriseServerInstallation> &result() const { return m_result; }
    void start();

private:
    void requestInstallations(const QString &after);
    void requestAccounts(int index, const QString &after);
    void checkDone();
    QUrl m_url;
    QString m_slug;
    bool m_connectedOnly = false;
    bool m_installationsDone = false;
    int m_accountPagesRunning = 0;
    int m_pagesDone = 0;
    qint64 m_users = 0;
    QList<EnterpriseServerInstallation> m_result;
};
} // namespace Glc
