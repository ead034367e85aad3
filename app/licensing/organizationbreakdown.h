// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "licensing/licensevalues.h"

#include <QList>
#include <QString>

namespace Glc {
class CompactLicenseRows;

/// Seats per github.com organization, from the member roles ("<org>:<Role>") and pending invites.
struct OrganizationBreakdown
{
    struct Organization
    {
        QString name;
        int members = 0; ///< seats with any role in the org
        int owners = 0; ///< of which with the Owner role
        int pendingInvites = 0;
        int withoutTwoFactor = 0;

        bool operator==(const Organization &) const = default;
    };

    QList<Organization> organizations; ///< most members first, then by name
    int seatsWithoutOrganization = 0; ///< no role and no invitation (server-only, enterprise-only, …)

    static OrganizationBreakdown compute(const QList<ConsumedLicense> &seats);
    /// The same over packed rows (the License page's), decoding only the roles and invitations.
    static OrganizationBreakdown compute(const CompactLicenseRows &seats);
    /// The organization of a member role ("<org>:<Role>"; a role without a colon is the organization).
    static QStringView organizationOf(QStringView role);
    /// Whether a seat with these member roles and pending invitations counts in @p organization
    /// (a member or an invitee): what the table's and `ghe-license users`' organization filter keep.
    static bool involves(const QStringList &memberRoles, const QStringList &pendingInvites, QStringView organization);
    /// The same for a packed row, without decoding it.
    static bool involves(const CompactLicenseRows &seats, qsizetype row, QStringView organization);
};
} // namespace Glc
