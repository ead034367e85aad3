// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "snapshotdiff.h"

#include "hostorder.h"

#include <KLocalizedString>
#include <QHash>
#include <QLocale>

#include <algorithm>
#include <list>
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

bool hasUpper(QStringView host)
{
    return std::any_of(host.begin(), host.end(), [](QChar c) { return c.isUpper(); });
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
    if (!hasUpper(host)) {
        return id; // the usual case: shared, no copy
    }
    return host.toString().toLower() + QStringView(id).sliced(colon);
}

QString emailKey(const QString &email)
{
    return email.contains(QLatin1Char('@')) ? email.toLower() : QString();
}

// The fields the matching reads, from a list of seats or from packed rows. Each gives a seat's
// keys of one kind of evidence to `add`, none empty, in the same order: the order decides which
// of two conflicting unions happens (People::unite()).

/// Keys are lower-case strings.
struct ListSeats
{
    using TextKey = QString;
    using ServerIdKey = QString;

    const QList<ConsumedLicense> &seats;
    qsizetype size() const { return seats.size(); }
    bool serverOnly(qsizetype row) const { return seats.at(row).isServerOnly(); }
    QStringList serverHosts(qsizetype row) const { return seats.at(row).serverHosts(); }
    bool sameServerUserIds(qsizetype row, const ListSeats &other, qsizetype otherRow) const
    {
        return seats.at(row).enterpriseServerUserIds == other.seats.at(otherRow).enterpriseServerUserIds;
    }

    template<typename Add>
    void loginKeys(qsizetype row, QByteArray &, const Add &add) const
    {
        if (const ConsumedLicense &seat = seats.at(row); !seat.isServerOnly()) {
            add(seat.githubComLogin.toLower());
        }
    }
    template<typename Add>
    void serverIdKeys(qsizetype row, QByteArray &, const Add &add) const
    {
        for (const QString &id : seats.at(row).enterpriseServerUserIds) {
            if (const QString key = serverIdKey(id); !key.isEmpty()) {
                add(key);
            }
        }
    }
    template<typename Add>
    void emailKeys(qsizetype row, QByteArray &, const Add &add) const
    {
        const ConsumedLicense &seat = seats.at(row);
        auto addEmail = [&add](const QString &email) {
            if (const QString key = emailKey(email); !key.isEmpty()) {
                add(key);
            }
        };
        for (const QString &email : seat.enterpriseServerEmails) {
            addEmail(email);
        }
        for (const QString &email : seat.githubComVerifiedDomainEmails) {
            addEmail(email);
        }
        addEmail(seat.visualStudioSubscriptionEmail);
    }
};

/// serverIdKey() of a packed server user ID: its host's number in lower case (shared by both
/// snapshots) and its ":<user id>" bytes.
struct PackedServerIdKey
{
    int host = -1;
    QByteArrayView suffix;

    friend bool operator==(const PackedServerIdKey &a, const PackedServerIdKey &b)
    {
        return a.host == b.host && a.suffix == b.suffix;
    }
};

size_t qHash(const PackedServerIdKey &key, size_t seed = 0)
{
    return qHashMulti(seed, key.host, key.suffix);
}

/// Keys are views into the rows' own lower-case search items and server user IDs, nothing copied:
/// they compare the way the list's lower-case strings do. A seat decodes nothing but its hosts,
/// and only when it changed.
struct PackedSeats
{
    using TextKey = QByteArrayView;
    using ServerIdKey = PackedServerIdKey;

    const CompactLicenseRows &seats;
    QList<int> lowerHosts; ///< hosts() index → number of the host in lower case

    qsizetype size() const { return seats.size(); }
    bool serverOnly(qsizetype row) const { return seats.isServerOnly(row); }
    QStringList serverHosts(qsizetype row) const { return seats.serverHosts(row); }
    bool sameServerUserIds(qsizetype row, const PackedSeats &other, qsizetype otherRow) const
    {
        const auto mine = seats.serverUserIds(row);
        const auto theirs = other.seats.serverUserIds(otherRow);
        return std::equal(mine.cbegin(), mine.cend(), theirs.cbegin(), theirs.cend(),
            [&](const CompactLicenseRows::ServerUserId &a, const CompactLicenseRows::ServerUserId &b) {
                return a.suffix == b.suffix && seats.hosts().at(a.host) == other.seats.hosts().at(b.host);
            });
    }

    /// `scratch` holds the items of the rare row whose lowering changed an item's length.
    template<typename Add>
    void loginKeys(qsizetype row, QByteArray &scratch, const Add &add) const
    {
        if (const QByteArrayView login = seats.searchItems(row, scratch).login; !login.isEmpty()) {
            add(login); // else a server-only seat
        }
    }
    template<typename Add>
    void serverIdKeys(qsizetype row, QByteArray &, const Add &add) const
    {
        for (const CompactLicenseRows::ServerUserId &id : seats.serverUserIds(row)) {
            // Without a host or a user ID the suffix is "" or ":" (serverIdKey() is empty then).
            if (id.suffix.size() > 1) {
                add(PackedServerIdKey{lowerHosts.at(id.host), id.suffix});
            }
        }
    }
    template<typename Add>
    void emailKeys(qsizetype row, QByteArray &scratch, const Add &add) const
    {
        const CompactLicenseRows::SearchItems items = seats.searchItems(row, scratch);
        auto addEmail = [&add](QByteArrayView email) {
            if (email.contains('@')) {
                add(email);
            }
        };
        for (const QByteArrayView email : items.serverEmails) {
            addEmail(email);
        }
        for (const QByteArrayView email : items.verifiedEmails) {
            addEmail(email);
        }
        addEmail(items.visualStudioEmail);
    }
};

template<typename Key, typename Seats, typename Keys>
void matchBy(const Seats &before, const Seats &after, People &people, Keys keys)
{
    const int beforeCount = static_cast<int>(before.size());
    QHash<Key, int> firstBefore;
    firstBefore.reserve(before.size());
    // Keys that point into a row's scratch rather than into the rows themselves (packed rows).
    std::list<QByteArray> held;
    // Backwards, so that the first seat with a key keeps it.
    for (int row = beforeCount - 1; row >= 0; --row) {
        QByteArray scratch;
        keys(before, row, scratch, [&](const Key &key) { firstBefore.insert(key, row); });
        if (!scratch.isEmpty()) {
            held.push_back(std::move(scratch));
        }
    }
    for (int row = 0; row < after.size(); ++row) {
        QByteArray scratch;
        keys(after, row, scratch, [&](const Key &key) {
            const auto it = firstBefore.constFind(key);
            if (it != firstBefore.constEnd()) {
                people.unite(*it, beforeCount + row);
            }
        });
    }
}

template<typename Seats>
QStringList environmentsOf(const Seats &seats, const QList<int> &rows)
{
    bool cloud = false;
    QStringList hosts;
    for (int row : rows) {
        cloud = cloud || !seats.serverOnly(row);
        for (const QString &host : seats.serverHosts(row)) {
            if (!hosts.contains(host)) {
                hosts.append(host);
            }
        }
    }
    HostOrder::sort(hosts);
    if (cloud) {
        hosts.prepend(QStringLiteral("Cloud"));
    }
    return hosts;
}

template<typename Seats>
int primaryRow(const Seats &seats, const QList<int> &rows)
{
    for (int row : rows) {
        if (!seats.serverOnly(row)) {
            return row;
        }
    }
    return rows.first();
}

template<typename Seats>
SnapshotDiff compareSeats(const Seats &before, const Seats &after)
{
    using Change = SnapshotDiff::Change;
    const int beforeCount = static_cast<int>(before.size());
    const int total = beforeCount + static_cast<int>(after.size());
    People people(beforeCount, total);
    QList<bool> serverOnly(total); // read once: packed rows decode a record for it
    for (int node = 0; node < total; ++node) {
        serverOnly[node] = node < beforeCount ? before.serverOnly(node) : after.serverOnly(node - beforeCount);
        if (!serverOnly[node]) {
            people.setCloud(node);
        }
    }

    // Strongest evidence first, so that a login keeps its person before weaker evidence could
    // give that person another github.com account.
    matchBy<typename Seats::TextKey>(before, after, people,
        [](const Seats &seats, int row, QByteArray &scratch, const auto &add) { seats.loginKeys(row, scratch, add); });
    matchBy<typename Seats::ServerIdKey>(
        before, after, people, [](const Seats &seats, int row, QByteArray &scratch, const auto &add) {
            seats.serverIdKeys(row, scratch, add);
        });
    matchBy<typename Seats::TextKey>(before, after, people,
        [](const Seats &seats, int row, QByteArray &scratch, const auto &add) { seats.emailKeys(row, scratch, add); });

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
            const int b = beforeRows.first();
            const int a = afterRows.first();
            if (serverOnly[b] == serverOnly[beforeCount + a] && before.sameServerUserIds(b, after, a)) {
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
} // namespace

QStringList SnapshotDiff::environments(const ConsumedLicense &seat)
{
    QStringList envs;
    if (!seat.isServerOnly()) {
        envs.append(QStringLiteral("Cloud"));
    }
    QStringList hosts = seat.serverHosts();
    HostOrder::sort(hosts);
    envs.append(hosts);
    return envs;
}

QStringList SnapshotDiff::environmentWords(const QStringList &environments)
{
    QStringList words;
    words.reserve(environments.size());
    for (const QString &environment : environments) {
        words.append(environment == QLatin1String("Cloud") ? i18nc("@item:intable environment", "Cloud") : environment);
    }
    return words;
}

QString SnapshotDiff::environmentsText(const QStringList &environments)
{
    return QLocale().createSeparatedList(environmentWords(environments));
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
    return compareSeats(ListSeats{before}, ListSeats{after});
}

SnapshotDiff SnapshotDiff::compute(const CompactLicenseRows &before, const CompactLicenseRows &after)
{
    // Host names are case-insensitive: one number per lower-case spelling, across both snapshots.
    QHash<QString, int> numbers;
    auto lowerHosts = [&numbers](const CompactLicenseRows &rows) {
        QList<int> out;
        out.reserve(rows.hosts().size());
        for (const QString &host : rows.hosts()) {
            // Lowered the way serverIdKey() lowers it.
            const QString lower = hasUpper(host) ? host.toLower() : host;
            auto it = numbers.constFind(lower);
            if (it == numbers.constEnd()) {
                it = numbers.insert(lower, static_cast<int>(numbers.size()));
            }
            out.append(*it);
        }
        return out;
    };
    return compareSeats(PackedSeats{before, lowerHosts(before)}, PackedSeats{after, lowerHosts(after)});
}
} // namespace Glc
