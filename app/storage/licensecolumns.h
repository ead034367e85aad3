// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

namespace Glc {
/// The columns of consumed_licenses a read selects, in the order of a ConsumedLicense's fields:
/// 13 texts (lists joined by U+001F), then total user accounts, github.com user, Visual Studio
/// user, Enterprise Server user and two-factor (NULL: unknown). LicenseStore and SqliteRowReader
/// read them by position.
inline constexpr char LicenseSelectColumns[] =
    "github_com_login, github_com_name, github_com_profile, github_com_saml_name_id, license_type,"
    " visual_studio_license_status, visual_studio_subscription_email, enterprise_server_user_ids,"
    " enterprise_server_emails, github_com_verified_domain_emails, github_com_member_roles,"
    " github_com_enterprise_roles, github_com_orgs_with_pending_invites, total_user_accounts, github_com_user,"
    " visual_studio_subscription_user, enterprise_server_user, github_com_two_factor_auth";
} // namespace Glc
