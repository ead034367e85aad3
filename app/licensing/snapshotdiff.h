// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/licensevalues.h"

#include <QList>

namespace Glc {
/// Who came, who went and who changed environment between two snapshots, person by person.
///
/// A person is matched across the snapshots the way GitHub matches accounts: seats are the same
/// person when they share a github.com login (case-insensitive), an Enterprise Server account
/// ("<host>:<user id>", which belongs to exactly one person) or an e-mail address (server e-mails,
/// verified domain e-mails and the Visual Studio subscription e-mail, case-insensitive). Logins are
/// matched first, then server accounts, then e-mails, and a person never holds two different
/// github.com accounts of one snapshot: an e-mail or server account shared by two github.com users
/// does not make them one person. So a server-only person who gains a second server, or whose
/// counted-twice pair is fixed (two seats become one), "changed environment" instead of "went" and
/// "came". Linear in the number of seats (hash maps and a union-find).
struct SnapshotDiff
{
    /// A person in both snapshots whose environments or number of seats differ.
    struct Change
    {
        int beforeRow = -1; ///< the person's github.com seat in `before`, else their first seat
        int afterRow = -1; ///< likewise in `after`
        QStringList environmentsBefore; ///< "Cloud" first, then server hosts, over all the person's seats
        QStringList environmentsAfter;
        QList<int> beforeRows; ///< every seat of the person in `before` (two when counted twice)
        QList<int> afterRows;

        bool operator==(const Change &) const = default;
    };

    QList<int> came; ///< rows of `after`, ascending
    QList<int> went; ///< rows of `before`, ascending
    QList<Change> changedEnvironment; ///< ordered by afterRow

    bool operator==(const SnapshotDiff &) const = default;

    static SnapshotDiff compute(const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after);
    /// The same over packed rows (as LicenseStore::loadCompactLicenses() gives them): keyed on the
    /// rows' own lower-case search items and server user IDs, it decodes only the hosts of the
    /// people who changed. One implementation reads either input.
    static SnapshotDiff compute(const CompactLicenseRows &before, const CompactLicenseRows &after);
    /// "Cloud" (untranslated marker) when the seat has a github.com login, then its server hosts, sorted.
    static QStringList environments(const ConsumedLicense &seat);
    /// environments() as words: "Cloud" translated, hosts as they are.
    static QStringList environmentWords(const QStringList &environments);
    /// environmentWords() for people, joined the locale's way.
    static QString environmentsText(const QStringList &environments);
    /// Who a seat is, for people: the login (with the name), else its server accounts.
    static QString personText(const ConsumedLicense &seat);
};
} // namespace Glc
