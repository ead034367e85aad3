// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "organizationbreakdown.h"

#include "licensing/compactlicenserows.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Glc {
namespace {
struct Seat
{
    QStringList roles;
    QStringList pendingInvites;
    TriState twoFactor = TriState::Unknown;
};

/// `seatAt(i)` gives the i-th seat's roles, invitations and 2FA.
template<typename SeatAt>
OrganizationBreakdown breakdown(qsizetype count, SeatAt seatAt)
{
    using Organization = OrganizationBreakdown::Organization;
    OrganizationBreakdown result;
    QHash<QString, Organization> orgs;
    QSet<QString> seen;
    for (qsizetype i = 0; i < count; ++i) {
        const Seat s = seatAt(i);
        seen.clear();
        for (const QString &role : s.roles) {
            const QString org = OrganizationBreakdown::organizationOf(role).toString();
            Organization &o = orgs[org];
            o.name = org;
            if (!seen.contains(org)) {
                seen.insert(org);
                ++o.members;
                if (s.twoFactor == TriState::No) {
                    ++o.withoutTwoFactor;
                }
            }
            if (org.size() < role.size() && role.endsWith(QLatin1String(":Owner"), Qt::CaseInsensitive)) {
                ++o.owners;
            }
        }
        for (const QString &org : s.pendingInvites) {
            Organization &o = orgs[org];
            o.name = org;
            ++o.pendingInvites;
        }
        if (s.roles.isEmpty() && s.pendingInvites.isEmpty()) {
            ++result.seatsWithoutOrganization;
        }
    }
    result.organizations = orgs.values();
    std::sort(
        result.organizations.begin(), result.organizations.end(), [](const Organization &a, const Organization &b) {
            return a.members != b.members ? a.members > b.members : a.name < b.name;
        });
    return result;
}
} // namespace

OrganizationBreakdown OrganizationBreakdown::compute(const QList<ConsumedLicense> &seats)
{
    return breakdown(seats.size(), [&seats](qsizetype i) {
        const ConsumedLicense &s = seats.at(i);
        return Seat{s.githubComMemberRoles, s.githubComOrgsWithPendingInvites, s.githubComTwoFactorAuth};
    });
}

OrganizationBreakdown OrganizationBreakdown::compute(const CompactLicenseRows &seats)
{
    return breakdown(seats.size(), [&seats](qsizetype i) {
        return Seat{seats.list(i, CompactLicenseRows::List::MemberRoles),
            seats.list(i, CompactLicenseRows::List::OrgsWithPendingInvites), seats.githubComTwoFactorAuth(i)};
    });
}

QStringView OrganizationBreakdown::organizationOf(QStringView role)
{
    const qsizetype colon = role.lastIndexOf(QLatin1Char(':'));
    return colon > 0 ? role.left(colon) : role;
}

bool OrganizationBreakdown::involves(
    const QStringList &memberRoles, const QStringList &pendingInvites, QStringView organization)
{
    return std::any_of(memberRoles.cbegin(), memberRoles.cend(),
               [organization](const QString &role) { return organizationOf(role) == organization; }) ||
        std::any_of(pendingInvites.cbegin(), pendingInvites.cend(),
            [organization](const QString &org) { return QStringView(org) == organization; });
}
} // namespace Glc
