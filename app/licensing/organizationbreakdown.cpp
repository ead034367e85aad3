// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "organizationbreakdown.h"

#include "licensing/compactlicenserows.h"

#include <QHash>

#include <algorithm>

namespace Glc {
OrganizationBreakdown OrganizationBreakdown::compute(const QList<ConsumedLicense> &seats)
{
    // One counting rule: the packed rows' (the License page's).
    return compute(CompactLicenseRows::fromLicenses(seats));
}

OrganizationBreakdown OrganizationBreakdown::compute(const CompactLicenseRows &seats)
{
    // Over the shared table's indexes: each distinct role or organization string is looked at once.
    OrganizationBreakdown result;
    QHash<QString, int> byName;
    QList<Organization> orgs;
    auto organization = [&byName, &orgs](QStringView name) {
        const QString key = name.toString();
        auto it = byName.constFind(key);
        if (it == byName.cend()) {
            it = byName.insert(key, int(orgs.size()));
            orgs.append(Organization{key});
        }
        return it.value();
    };
    struct RoleOf
    {
        int organization = -1;
        bool owner = false;
    };
    const QStringList &strings = seats.sharedStrings();
    QHash<quint32, RoleOf> roles; // by string index
    QHash<quint32, int> invites; // by string index
    QVarLengthArray<int, 4> seen;
    for (qsizetype row = 0; row < seats.size(); ++row) {
        const CompactLicenseRows::Memberships m = seats.memberships(row);
        if (m.memberRoles.isEmpty() && m.pendingInviteOrgs.isEmpty()) {
            ++result.seatsWithoutOrganization;
            continue;
        }
        seen.clear();
        bool twoFactorKnown = false;
        bool withoutTwoFactor = false;
        for (const quint32 index : m.memberRoles) {
            auto role = roles.constFind(index);
            if (role == roles.cend()) {
                const QString &text = strings.at(index);
                const QStringView name = organizationOf(text);
                role = roles.insert(index,
                    RoleOf{organization(name),
                        name.size() < text.size() && text.endsWith(QLatin1String(":Owner"), Qt::CaseInsensitive)});
            }
            Organization &o = orgs[role->organization];
            if (!seen.contains(role->organization)) {
                seen.append(role->organization);
                ++o.members;
                if (!twoFactorKnown) {
                    withoutTwoFactor = seats.githubComTwoFactorAuth(row) == TriState::No;
                    twoFactorKnown = true;
                }
                o.withoutTwoFactor += withoutTwoFactor ? 1 : 0;
            }
            o.owners += role->owner ? 1 : 0;
        }
        for (const quint32 index : m.pendingInviteOrgs) {
            auto invite = invites.constFind(index);
            if (invite == invites.cend()) {
                invite = invites.insert(index, organization(strings.at(index)));
            }
            ++orgs[*invite].pendingInvites;
        }
    }
    result.organizations = std::move(orgs);
    std::sort(
        result.organizations.begin(), result.organizations.end(), [](const Organization &a, const Organization &b) {
            return a.members != b.members ? a.members > b.members : a.name < b.name;
        });
    return result;
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

bool OrganizationBreakdown::involves(const CompactLicenseRows &seats, qsizetype row, QStringView organization)
{
    const CompactLicenseRows::Memberships m = seats.memberships(row);
    const QStringList &strings = seats.sharedStrings();
    return std::any_of(m.memberRoles.cbegin(), m.memberRoles.cend(),
               [&](quint32 index) { return organizationOf(strings.at(index)) == organization; }) ||
        std::any_of(m.pendingInviteOrgs.cbegin(), m.pendingInviteOrgs.cend(),
            [&](quint32 index) { return QStringView(strings.at(index)) == organization; });
}
} // namespace Glc
