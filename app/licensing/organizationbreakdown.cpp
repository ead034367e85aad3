// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "organizationbreakdown.h"

#include <QHash>
#include <QSet>

#include <algorithm>

namespace Glc {
OrganizationBreakdown OrganizationBreakdown::compute(const QList<ConsumedLicense> &seats)
{
    OrganizationBreakdown result;
    QHash<QString, Organization> orgs;
    for (const ConsumedLicense &s : seats) {
        QSet<QString> seen;
        for (const QString &role : s.githubComMemberRoles) {
            const qsizetype colon = role.lastIndexOf(QLatin1Char(':'));
            const QString org = colon > 0 ? role.left(colon) : role;
            const QString roleName = colon > 0 ? role.mid(colon + 1) : QString();
            Organization &o = orgs[org];
            o.name = org;
            if (!seen.contains(org)) {
                seen.insert(org);
                ++o.members;
                if (s.githubComTwoFactorAuth == TriState::No) {
                    ++o.withoutTwoFactor;
                }
            }
            if (roleName.compare(QLatin1String("Owner"), Qt::CaseInsensitive) == 0) {
                ++o.owners;
            }
        }
        for (const QString &org : s.githubComOrgsWithPendingInvites) {
            Organization &o = orgs[org];
            o.name = org;
            ++o.pendingInvites;
        }
        if (s.githubComMemberRoles.isEmpty() && s.githubComOrgsWithPendingInvites.isEmpty()) {
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
} // namespace Glc
