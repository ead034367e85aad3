// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/licensevalues.h"

#include <QList>
#include <QSet>

namespace Glc {
/// Unique people across github.com and every server by GitHub's matching rules: a server account's
/// e-mail is compared with the SAML identity (NameID) first when SAML is in use, then with the
/// verified e-mails of github.com accounts; suspended server accounts do not count.
class MergedView
{
public:
    struct Options
    {
        bool samlInUse = false;
        QSet<QString> suspendedServerUserIds; ///< "<host>:<user id>"
    };

    struct Person
    {
        QList<int> rows; ///< seats of this person in the analysed list
        int cloudRow = -1; ///< the github.com seat, -1 for a server-only person
    };

    /// What the console knows of a snapshot: SAML is in use when a github.com seat has a NameID.
    static Options optionsFor(const QList<ConsumedLicense> &seats);
    static Options optionsFor(const CompactLicenseRows &seats);
    static MergedView build(const QList<ConsumedLicense> &seats, const Options &options);
    /// The same over packed rows (the License page's), decoding only the fields the rules read.
    static MergedView build(const CompactLicenseRows &seats, const Options &options);
    static MergedView build(const QList<ConsumedLicense> &seats) { return build(seats, Options{}); }

    const QList<Person> &people() const { return m_people; }
    int uniqueUsers() const { return static_cast<int>(m_people.size()); }
    int cloudOnly() const { return m_cloudOnly; }
    int serverOnly() const { return m_serverOnly; }
    int both() const { return m_both; }
    /// Seats that consume nothing by these rules (e.g. only suspended server accounts).
    int excludedSeats() const { return m_excluded; }
    /// The unique-user count once every given pair is fixed.
    int predictedAfter(const QList<CountedTwicePair> &fixes) const;

    /// The totals explained: GitHub's seats as people, and what fixing changes.
    struct Totals
    {
        int seats = 0; ///< rows analysed (what GitHub reports as consumed)
        int people = 0;
        int cloudOnly = 0;
        int serverOnly = 0;
        int both = 0;
        int excluded = 0;
        /// Server-only seats whose e-mail already matches by GitHub's rules: they become one seat
        /// with their github.com account at the next license sync.
        int mergeAtNextSync = 0;
        int afterFixes = 0; ///< people once every given pair is fixed as well

        bool operator==(const Totals &) const = default;
    };
    Totals totals(const QList<CountedTwicePair> &fixes) const;

private:
    template<typename Seats>
    static MergedView buildOver(const Seats &seats, const Options &options);

    QList<Person> m_people;
    QList<int> m_personOfRow; ///< row → index in m_people, -1 when excluded
    int m_cloudOnly = 0;
    int m_serverOnly = 0;
    int m_both = 0;
    int m_excluded = 0;
};
} // namespace Glc
