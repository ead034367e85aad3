// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "mergedview.h"

#include <QHash>

#include <algorithm>
#include <numeric>

namespace Glc {
namespace {
struct UnionFind
{
    explicit UnionFind(int n)
        : parent(n)
    {
        std::iota(parent.begin(), parent.end(), 0);
    }
    int find(int x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }
    void unite(int a, int b)
    {
        a = find(a);
        b = find(b);
        if (a != b) {
            parent[qMax(a, b)] = qMin(a, b);
        }
    }
    QList<int> parent;
};
} // namespace

MergedView::Options MergedView::optionsFor(const QList<ConsumedLicense> &seats)
{
    Options options;
    options.samlInUse = std::any_of(seats.cbegin(), seats.cend(),
        [](const ConsumedLicense &s) { return !s.isServerOnly() && !s.githubComSamlNameId.isEmpty(); });
    return options;
}

MergedView MergedView::build(const QList<ConsumedLicense> &seats, const Options &options)
{
    MergedView view;
    const int n = static_cast<int>(seats.size());
    QHash<QString, int> bySaml;
    QHash<QString, int> byVerified;
    for (int row = 0; row < n; ++row) {
        const ConsumedLicense &s = seats.at(row);
        if (s.isServerOnly()) {
            continue;
        }
        if (!s.githubComSamlNameId.isEmpty()) {
            bySaml.insert(s.githubComSamlNameId.toLower(), row);
        }
        for (const QString &e : s.githubComVerifiedDomainEmails) {
            byVerified.insert(e.toLower(), row);
        }
        if (!s.visualStudioSubscriptionEmail.isEmpty()) {
            byVerified.insert(s.visualStudioSubscriptionEmail.toLower(), row);
        }
    }
    UnionFind uf(n);
    QList<bool> counts(n, true);
    for (int row = 0; row < n; ++row) {
        const ConsumedLicense &s = seats.at(row);
        if (!s.enterpriseServerUserIds.isEmpty() && s.isServerOnly() && !options.suspendedServerUserIds.isEmpty()) {
            counts[row] = std::any_of(s.enterpriseServerUserIds.cbegin(), s.enterpriseServerUserIds.cend(),
                [&](const QString &id) { return !options.suspendedServerUserIds.contains(id); });
        }
        for (const QString &email : s.enterpriseServerEmails) {
            const QString key = email.toLower();
            int match = -1;
            if (options.samlInUse) {
                match = bySaml.value(key, -1);
            }
            if (match < 0) {
                match = byVerified.value(key, -1);
            }
            if (match >= 0 && match != row) {
                uf.unite(row, match);
                break;
            }
        }
    }
    QHash<int, int> personOfRoot;
    view.m_personOfRow.fill(-1, n);
    for (int row = 0; row < n; ++row) {
        if (!counts[row]) {
            ++view.m_excluded;
            continue;
        }
        const int root = uf.find(row);
        auto it = personOfRoot.find(root);
        if (it == personOfRoot.end()) {
            it = personOfRoot.insert(root, static_cast<int>(view.m_people.size()));
            view.m_people.append(Person{});
        }
        Person &p = view.m_people[*it];
        p.rows.append(row);
        if (!seats.at(row).isServerOnly() && p.cloudRow < 0) {
            p.cloudRow = row;
        }
        view.m_personOfRow[row] = *it;
    }
    for (const Person &p : std::as_const(view.m_people)) {
        bool server = false;
        for (int row : p.rows) {
            server = server || !seats.at(row).enterpriseServerUserIds.isEmpty();
        }
        if (p.cloudRow < 0) {
            ++view.m_serverOnly;
        } else if (server) {
            ++view.m_both;
        } else {
            ++view.m_cloudOnly;
        }
    }
    return view;
}

int MergedView::predictedAfter(const QList<CountedTwicePair> &fixes) const
{
    UnionFind uf(static_cast<int>(m_people.size()));
    int merged = 0;
    for (const CountedTwicePair &pair : fixes) {
        const int a = m_personOfRow.value(pair.serverRow, -1);
        const int b = m_personOfRow.value(pair.cloudRow, -1);
        if (a < 0 || b < 0) {
            continue;
        }
        if (uf.find(a) != uf.find(b)) {
            uf.unite(a, b);
            ++merged;
        }
    }
    return uniqueUsers() - merged;
}

MergedView::Totals MergedView::totals(const QList<CountedTwicePair> &fixes) const
{
    Totals t;
    t.seats = static_cast<int>(m_personOfRow.size());
    t.people = uniqueUsers();
    t.cloudOnly = m_cloudOnly;
    t.serverOnly = m_serverOnly;
    t.both = m_both;
    t.excluded = m_excluded;
    t.mergeAtNextSync = t.seats - t.excluded - t.people;
    t.afterFixes = predictedAfter(fixes);
    return t;
}
} // namespace Glc
