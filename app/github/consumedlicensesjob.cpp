// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "consumedlicensesjob.h"

#include "github/requestscheduler.h"

#include <QRegularExpression>
#include <QUrlQuery>

namespace Glc {
namespace {
/// 10 million seats at 100 per page: more pages than any enterprise has. A "last" link past it would make the
/// job queue billions of requests.
constexpr int MaxPages = 100'000;
} // namespace

ConsumedLicensesJob::ConsumedLicensesJob(RequestScheduler *scheduler, const QUrl &firstPage, QObject *parent)
    : GitHubJob(scheduler, parent)
    , m_firstPage(firstPage)
{
}

QUrl ConsumedLicensesJob::pageUrl(int page) const
{
    QUrl url = m_firstPage;
    QUrlQuery query(url);
    query.removeAllQueryItems(QStringLiteral("page"));
    query.addQueryItem(QStringLiteral("page"), QString::number(page));
    url.setQuery(query);
    return url;
}

QHash<QByteArray, QUrl> ConsumedLicensesJob::parseLinkHeader(const QByteArray &header)
{
    QHash<QByteArray, QUrl> links;
    static const QRegularExpression pattern(QStringLiteral("<([^>]*)>\\s*;\\s*rel=\"([^\"]+)\""));
    auto it = pattern.globalMatch(QString::fromLatin1(header));
    while (it.hasNext()) {
        const auto match = it.next();
        links.insert(match.captured(2).toLatin1(), QUrl(match.captured(1)));
    }
    return links;
}

void ConsumedLicensesJob::start()
{
    m_pages.resize(1);
    m_scheduler->submit(this, pageUrl(1), "GET", {}, [this](const HttpResult &result) { onPage(1, result); });
}

void ConsumedLicensesJob::onPage(int page, const HttpResult &result)
{
    if (!acceptHttp(result)) {
        return;
    }
    auto read = GitHubJson::readConsumedLicenses(result.body);
    if (!acceptRead(read.error, read.errorDetail, read.stats)) {
        return;
    }
    if (page == 1) {
        m_report.totalSeatsConsumed = read.value.totalSeatsConsumed;
        m_report.totalSeatsPurchased = read.value.totalSeatsPurchased;
        const auto links = parseLinkHeader(result.headers.value("link"));
        if (m_firstPageOnly) {
            m_report.users = std::move(read.value.users);
            Q_EMIT progress(1, 1, m_report.users.size());
            finish();
            return;
        }
        // A "last" link with a page number tells how many pages there are: they are read in parallel. Without
        // it (no "last", or cursor links whose "last" names no page), "next" is walked one page at a time.
        const int lastPage = QUrlQuery(links.value("last")).queryItemValue(QStringLiteral("page")).toInt();
        if (lastPage > MaxPages) {
            acceptRead(GitHubJson::ReadError::WrongShape,
                QStringLiteral("Link header: a last page of %1, more than %2").arg(lastPage).arg(MaxPages), {});
            return;
        }
        if (lastPage > 1) {
            m_pagesTotal = lastPage;
            m_pages.resize(m_pagesTotal);
            for (int next = 2; next <= m_pagesTotal; ++next) {
                m_scheduler->submit(
                    this, pageUrl(next), "GET", {}, [this, next](const HttpResult &r) { onPage(next, r); });
            }
        } else if (links.contains("next")) {
            m_sequential = true;
        }
    }
    m_users += read.value.users.size();
    if (page > m_pages.size()) {
        m_pages.resize(page);
    }
    m_pages[page - 1] = std::move(read.value.users);
    ++m_pagesDone;
    if (m_sequential) {
        // No numbered "last": walk "next" one page at a time.
        const auto links = parseLinkHeader(result.headers.value("link"));
        if (links.contains("next")) {
            if (m_walked.contains(links.value("next")) || page >= MaxPages) {
                acceptRead(GitHubJson::ReadError::WrongShape,
                    page >= MaxPages
                        ? QStringLiteral("Link header: a next page after page %1").arg(page)
                        : QStringLiteral("Link header: page %1 leads back to a page already read").arg(page),
                    {});
                return;
            }
            m_walked.insert(links.value("next"));
            m_pagesTotal = page + 1;
            const int next = page + 1;
            Q_EMIT progress(m_pagesDone, m_pagesTotal, m_users);
            m_scheduler->submit(
                this, links.value("next"), "GET", {}, [this, next](const HttpResult &r) { onPage(next, r); });
            return;
        }
        m_pagesTotal = page;
    }
    Q_EMIT progress(m_pagesDone, m_pagesTotal, m_users);
    if (m_pagesDone == m_pagesTotal) {
        m_report.users.reserve(m_users);
        for (QList<ConsumedLicense> &users : m_pages) {
            m_report.users.append(std::move(users));
        }
        m_pages.clear();
        finish();
    }
}
} // namespace Glc
