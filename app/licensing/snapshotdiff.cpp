// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotdiff.h"

#include <KLocalizedString>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <numeric>

namespace Glc {
namespace {
/// Seats of both snapshots (before rows first, then after rows) grouped into people. A group
/// never holds two github.com seats of the same snapshot: GitHub never merges two github.com
/// accounts, so evidence that would join them (a shared e-mail, a server account that moved from
/// one to the other) is not enough.
class People
{
public:
    People(int beforeCount, int total)
        : m_parent(total)
        , m_cloudBefore(total, -1)
        , m_cloudAfter(total, -1)
        , m_beforeCount(beforeCount)
    {
        std::iota(m_parent.begin(), m_parent.end(), 0);
    }

    void setCloud(int node) { (node < m_beforeCount ? m_cloudBefore : m_cloudAfter)[node] = node; }

    int find(int x)
    {
        while (m_parent[x] != x) {
            m_parent[x] = m_parent[m_parent[x]];
            x = m_parent[x];
        }
        return x;
    }

    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a == b || (m_cloudBefore[a] >= 0 && m_cloudBefore[b] >= 0) ||
            (m_cloudAfter[a] >= 0 && m_cloudAfter[b] >= 0)) {
            return;
        }
        if (a > b) {
            std::swap(a, b);
        }
        m_parent[b] = a;
        m_cloudBefore[a] = qMax(m_cloudBefore[a], m_cloudBefore[b]);
        m_cloudAfter[a] = qMax(m_cloudAfter[a], m_cloudAfter[b]);
    }

private:
    QList<int> m_parent;
    QList<int> m_cloudBefore; ///< per root: its github.com seat in `before`, -1 when none
    QList<int> m_cloudAfter;
    int m_beforeCount;
};

QString loginKey(const ConsumedLicense &seat)
{
    return seat.githubComLogin.toLower();
}

/// "host:id" with the host in lower case (host names are case-insensitive, ids are not); empty
/// when either part is missing.
QString serverIdKey(const QString &id)
{
    const qsizetype colon = id.lastIndexOf(QLatin1Char(':'));
    if (colon <= 0 || colon == id.size() - 1) {
        return {};
    }
    const QStringView host = QStringView(id).left(colon);
    if (std::none_of(host.begin(), host.end(), [](QChar c) { return c.isUpper(); })) {
        return id; // the usual case: shared, no copy
    }
    return host.toString().toLower() + QStringView(id).sliced(colon);
}

QString emailKey(const QString &email)
{
    return email.contains(QLatin1Char('@')) ? email.toLower() : QString();
}

template<typename Keys>
void matchBy(const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after, People &people, Keys keys)
{
    const int beforeCount = static_cast<int>(before.size());
    QHash<QString, int> firstBefore;
    firstBefore.reserve(before.size());
    // Backwards, so that the first seat with a key keeps it.
    for (int row = beforeCount - 1; row >= 0; --row) {
        keys(before.at(row), [&](const QString &key) {
            if (!key.isEmpty()) {
                firstBefore.insert(key, row);
            }
        });
    }
    for (int row = 0; row < after.size(); ++row) {
        keys(after.at(row), [&](const QString &key) {
            const auto it = key.isEmpty() ? firstBefore.constEnd() : firstBefore.constFind(key);
            if (it != firstBefore.constEnd()) {
                people.unite(*it, beforeCount + row);
            }
        });
    }
}

QStringList environmentsOf(const QList<ConsumedLicense> &seats, const QList<int> &rows)
{
    if (rows.size() == 1) {
        return SnapshotDiff::environments(seats.at(rows.first()));
    }
    bool cloud = false;
    QStringList hosts;
    for (int row : rows) {
        const ConsumedLicense &seat = seats.at(row);
        cloud = cloud || !seat.isServerOnly();
        for (const QString &host : seat.serverHosts()) {
            if (!hosts.contains(host)) {
                hosts.append(host);
            }
        }
    }
    hosts.sort();
    if (cloud) {
        hosts.prepend(QStringLiteral("Cloud"));
    }
    return hosts;
}

int primaryRow(const QList<ConsumedLicense> &seats, const QList<int> &rows)
{
    for (int row : rows) {
        if (!seats.at(row).isServerOnly()) {
            return row;
        }
    }
    return rows.first();
}
} // namespace

QStringList SnapshotDiff::environments(const ConsumedLicense &seat)
{
    QStringList envs;
    if (!seat.isServerOnly()) {
        envs.append(QStringLiteral("Cloud"));
    }
    QStringList hosts = seat.serverHosts();
    hosts.sort();
    envs.append(hosts);
    return envs;
}

QString SnapshotDiff::environmentsText(const QStringList &environments)
{
    QStringList words;
    words.reserve(environments.size());
    for (const QString &environment : environments) {
        words.append(environment == QLatin1String("Cloud") ? i18nc("@item:intable environment", "Cloud") : environment);
    }
    return QLocale().createSeparatedList(words);
}

QString SnapshotDiff::personText(const ConsumedLicense &seat)
{
    if (seat.githubComLogin.isEmpty()) {
        return QLocale().createSeparatedList(seat.enterpriseServerUserIds);
    }
    return seat.githubComName.isEmpty()
        ? seat.githubComLogin
        : i18nc("@item:intable %1 login, %2 name", "%1 (%2)", seat.githubComLogin, seat.githubComName);
}

SnapshotDiff SnapshotDiff::compute(const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after)
{
    const int beforeCount = static_cast<int>(before.size());
    const int total = beforeCount + static_cast<int>(after.size());
    People people(beforeCount, total);
    for (int node = 0; node < total; ++node) {
        const ConsumedLicense &seat = node < beforeCount ? before.at(node) : after.at(node - beforeCount);
        if (!seat.isServerOnly()) {
            people.setCloud(node);
        }
    }

    // Strongest evidence first, so that a login keeps its person before weaker evidence could
    // give that person another github.com account.
    matchBy(before, after, people, [](const ConsumedLicense &seat, const auto &add) {
        if (!seat.isServerOnly()) {
            add(loginKey(seat));
        }
    });
    matchBy(before, after, people, [](const ConsumedLicense &seat, const auto &add) {
        for (const QString &id : seat.enterpriseServerUserIds) {
            add(serverIdKey(id));
        }
    });
    matchBy(before, after, people, [](const ConsumedLicense &seat, const auto &add) {
        for (const QString &email : seat.enterpriseServerEmails) {
            add(emailKey(email));
        }
        for (const QString &email : seat.githubComVerifiedDomainEmails) {
            add(emailKey(email));
        }
        add(emailKey(seat.visualStudioSubscriptionEmail));
    });

    // The seats of each person, in row order, without a container per person: a counting sort of
    // the seats by their person's root.
    QList<int> root(total);
    QList<int> start(total + 1, 0);
    for (int node = 0; node < total; ++node) {
        root[node] = people.find(node);
        ++start[root[node] + 1];
    }
    std::partial_sum(start.begin(), start.end(), start.begin());
    QList<int> seats(total);
    {
        QList<int> next(start.begin(), start.end() - 1);
        for (int node = 0; node < total; ++node) {
            seats[next[root[node]]++] = node;
        }
    }

    SnapshotDiff diff;
    QList<int> beforeRows;
    QList<int> afterRows;
    for (int r = 0; r < total; ++r) {
        if (start[r] == start[r + 1]) {
            continue;
        }
        beforeRows.clear();
        afterRows.clear();
        for (int i = start[r]; i < start[r + 1]; ++i) {
            const int node = seats[i];
            if (node < beforeCount) {
                beforeRows.append(node);
            } else {
                afterRows.append(node - beforeCount);
            }
        }
        if (beforeRows.isEmpty()) {
            diff.came.append(afterRows);
            continue;
        }
        if (afterRows.isEmpty()) {
            diff.went.append(beforeRows);
            continue;
        }
        if (beforeRows.size() == 1 && afterRows.size() == 1) {
            // Most people: one seat on each side, unchanged - decided without building lists.
            const ConsumedLicense &b = before.at(beforeRows.first());
            const ConsumedLicense &a = after.at(afterRows.first());
            if (b.isServerOnly() == a.isServerOnly() && b.enterpriseServerUserIds == a.enterpriseServerUserIds) {
                continue;
            }
        }
        QStringList envBefore = environmentsOf(before, beforeRows);
        QStringList envAfter = environmentsOf(after, afterRows);
        if (envBefore != envAfter || beforeRows.size() != afterRows.size()) {
            diff.changedEnvironment.append(Change{primaryRow(before, beforeRows), primaryRow(after, afterRows),
                std::move(envBefore), std::move(envAfter), beforeRows, afterRows});
        }
    }
    std::sort(diff.came.begin(), diff.came.end());
    std::sort(diff.went.begin(), diff.went.end());
    std::sort(diff.changedEnvironment.begin(), diff.changedEnvironment.end(),
        [](const Change &a, const Change &b) { return a.afterRow < b.afterRow; });
    return diff;
}
} // namespace Glc
