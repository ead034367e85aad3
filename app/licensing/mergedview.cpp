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

namespace {
/// The fields the matching rules read, from a list of seats or from packed rows.
struct ListSeats
{
    const QList<ConsumedLicense> &seats;
    qsizetype size() const { return seats.size(); }
    bool serverOnly(qsizetype row) const { return seats.at(row).isServerOnly(); }
    QString samlNameId(qsizetype row) const { return seats.at(row).githubComSamlNameId; }
    QStringList verifiedEmails(qsizetype row) const { return seats.at(row).githubComVerifiedDomainEmails; }
    QString visualStudioEmail(qsizetype row) const { return seats.at(row).visualStudioSubscriptionEmail; }
    QStringList serverUserIds(qsizetype row) const { return seats.at(row).enterpriseServerUserIds; }
    QStringList serverEmails(qsizetype row) const { return seats.at(row).enterpriseServerEmails; }
};

struct PackedSeats
{
    using Text = CompactLicenseRows::Text;
    using List = CompactLicenseRows::List;
    const CompactLicenseRows &seats;
    qsizetype size() const { return seats.size(); }
    bool serverOnly(qsizetype row) const { return seats.isServerOnly(row); }
    QString samlNameId(qsizetype row) const { return seats.text(row, Text::SamlNameId); }
    QStringList verifiedEmails(qsizetype row) const { return seats.list(row, List::VerifiedDomainEmails); }
    QString visualStudioEmail(qsizetype row) const { return seats.text(row, Text::VisualStudioSubscriptionEmail); }
    QStringList serverUserIds(qsizetype row) const { return seats.list(row, List::ServerUserIds); }
    QStringList serverEmails(qsizetype row) const { return seats.list(row, List::ServerEmails); }
};

template<typename Seats>
bool samlInUse(const Seats &seats)
{
    for (qsizetype row = 0; row < seats.size(); ++row) {
        if (!seats.serverOnly(row) && !seats.samlNameId(row).isEmpty()) {
            return true;
        }
    }
    return false;
}
} // namespace

MergedView::Options MergedView::optionsFor(const QList<ConsumedLicense> &seats)
{
    Options options;
    options.samlInUse = samlInUse(ListSeats{seats});
    return options;
}

MergedView::Options MergedView::optionsFor(const CompactLicenseRows &seats)
{
    Options options;
    options.samlInUse = samlInUse(PackedSeats{seats});
    return options;
}

MergedView MergedView::build(const QList<ConsumedLicense> &seats, const Options &options)
{
    return buildOver(ListSeats{seats}, options);
}

MergedView MergedView::build(const CompactLicenseRows &seats, const Options &options)
{
    return buildOver(PackedSeats{seats}, options);
}

template<typename Seats>
MergedView MergedView::buildOver(const Seats &seats, const Options &options)
{
    MergedView view;
    const int n = static_cast<int>(seats.size());
    QList<bool> serverOnly(n);
    // Keyed on a hash of the lower-cased identity, not on a copy of it (300k members' e-mails would
    // be tens of MB); a hit is confirmed against the row's own values, so a collision never merges.
    QMultiHash<size_t, int> bySaml;
    QMultiHash<size_t, int> byVerified;
    const auto key = [](const QString &text) { return qHash(text.toLower()); };
    for (int row = 0; row < n; ++row) {
        serverOnly[row] = seats.serverOnly(row);
        if (serverOnly[row]) {
            continue;
        }
        if (const QString saml = seats.samlNameId(row); !saml.isEmpty()) {
            bySaml.insert(key(saml), row);
        }
        for (const QString &e : seats.verifiedEmails(row)) {
            byVerified.insert(key(e), row);
        }
        if (const QString vs = seats.visualStudioEmail(row); !vs.isEmpty()) {
            byVerified.insert(key(vs), row);
        }
    }
    const auto sameText = [](const QString &a, const QString &b) { return a.compare(b, Qt::CaseInsensitive) == 0; };
    // The newest row with that identity, as a plain hash's last insert would give.
    const auto find = [&](const QMultiHash<size_t, int> &index, const QString &email, bool saml) {
        for (auto it = index.constFind(key(email)); it != index.cend() && it.key() == key(email); ++it) {
            const int candidate = it.value();
            if (saml) {
                if (sameText(seats.samlNameId(candidate), email)) {
                    return candidate;
                }
                continue;
            }
            const QStringList verified = seats.verifiedEmails(candidate);
            if (sameText(seats.visualStudioEmail(candidate), email) ||
                std::any_of(verified.cbegin(), verified.cend(), [&](const QString &e) { return sameText(e, email); })) {
                return candidate;
            }
        }
        return -1;
    };
    UnionFind uf(n);
    QList<bool> counts(n, true);
    QList<bool> onServer(n, false);
    for (int row = 0; row < n; ++row) {
        const QStringList serverIds = seats.serverUserIds(row);
        onServer[row] = !serverIds.isEmpty();
        if (!serverIds.isEmpty() && serverOnly[row] && !options.suspendedServerUserIds.isEmpty()) {
            counts[row] = std::any_of(serverIds.cbegin(), serverIds.cend(),
                [&](const QString &id) { return !options.suspendedServerUserIds.contains(id); });
        }
        for (const QString &email : seats.serverEmails(row)) {
            int match = -1;
            if (options.samlInUse) {
                match = find(bySaml, email, true);
            }
            if (match < 0) {
                match = find(byVerified, email, false);
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
        if (!serverOnly[row] && p.cloudRow < 0) {
            p.cloudRow = row;
        }
        view.m_personOfRow[row] = *it;
    }
    for (const Person &p : std::as_const(view.m_people)) {
        const bool server = std::any_of(p.rows.cbegin(), p.rows.cend(), [&onServer](int row) { return onServer[row]; });
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
