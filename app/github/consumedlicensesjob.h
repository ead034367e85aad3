// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "github/githubjob.h"

#include <QSet>
#include <QUrl>

namespace Glc {
class RequestScheduler;
struct HttpResult;

/// GET /enterprises/{slug}/consumed-licenses, every page (per_page=100); pages fetched concurrently
/// once the Link header names the last one by its number; otherwise one after another along "next".
class ConsumedLicensesJob : public GitHubJob
{
    Q_OBJECT
public:
    ConsumedLicensesJob(RequestScheduler *scheduler, const QUrl &firstPage, QObject *parent);
    /// All pages merged, in page order (valid after a successful finished()).
    const ConsumedLicensesReport &result() const { return m_report; }
    /// Only the first page is read (the Link header's other pages are not): enough to tell that the
    /// endpoint answers. Call before start().
    void setFirstPageOnly(bool firstPageOnly) { m_firstPageOnly = firstPageOnly; }
    void start();
    /// The relations of a `Link` header (`<url>; rel="next", <url>; rel="last"`) by name.
    static QHash<QByteArray, QUrl> parseLinkHeader(const QByteArray &header);

private:
    void onPage(int page, const HttpResult &result);
    QUrl pageUrl(int page) const;
    QUrl m_firstPage;
    QList<QList<ConsumedLicense>> m_pages;
    int m_pagesDone = 0;
    int m_pagesTotal = 1;
    qint64 m_users = 0;
    bool m_sequential = false;
    QSet<QUrl> m_walked; ///< the "next" links followed: one seen again is a loop, not another page
    bool m_firstPageOnly = false;
    ConsumedLicensesReport m_report;
};
} // namespace Glc
