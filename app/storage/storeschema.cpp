// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "storeschema.h"

using namespace Qt::StringLiterals;

namespace Glc {
const QList<StoreSchema::Migration> &StoreSchema::migrations()
{
    static const QList<Migration> list = {
        {1,
            {
                u"CREATE TABLE connections (id TEXT PRIMARY KEY, name TEXT NOT NULL, kind INTEGER NOT NULL,"
                " ghe_com_subdomain TEXT, enterprise_slug TEXT, server_host TEXT, ca_file TEXT,"
                " admin_shell_enabled INTEGER NOT NULL DEFAULT 0, admin_shell_user TEXT, admin_shell_port INTEGER,"
                " admin_shell_identity_file TEXT, admin_shell_command TEXT, lab_url TEXT)"_s,
                u"CREATE TABLE snapshots (id %ID%, connection_id TEXT NOT NULL, taken_at BIGINT, source TEXT,"
                " total_seats_consumed INTEGER NOT NULL, total_seats_purchased INTEGER NOT NULL, user_count INTEGER NOT NULL)"_s,
                u"CREATE INDEX snapshots_connection ON snapshots (connection_id, taken_at)"_s,
                u"CREATE TABLE consumed_licenses (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE "
                u"CASCADE,"
                " row_index INTEGER NOT NULL, github_com_login TEXT, github_com_name TEXT, github_com_profile TEXT,"
                " github_com_saml_name_id TEXT, license_type TEXT, visual_studio_license_status TEXT,"
                " visual_studio_subscription_email TEXT, enterprise_server_user_ids TEXT, enterprise_server_emails "
                "TEXT,"
                " github_com_verified_domain_emails TEXT, github_com_member_roles TEXT, github_com_enterprise_roles "
                "TEXT,"
                " github_com_orgs_with_pending_invites TEXT, total_user_accounts INTEGER, github_com_user INTEGER,"
                " visual_studio_subscription_user INTEGER, enterprise_server_user INTEGER, github_com_two_factor_auth "
                "INTEGER,"
                " PRIMARY KEY (snapshot_id, row_index))"_s,
                u"CREATE TABLE sync_status (id %ID%, connection_id TEXT NOT NULL,"
                " snapshot_id BIGINT REFERENCES snapshots (id) ON DELETE SET NULL, recorded_at BIGINT NOT NULL,"
                " server_id TEXT NOT NULL, hostname TEXT, last_sync_date BIGINT, status TEXT, error TEXT)"_s,
                u"CREATE TABLE server_licenses (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE "
                u"CASCADE,"
                " hostname TEXT NOT NULL, seats INTEGER, seats_used INTEGER, seats_available INTEGER, kind TEXT,"
                " days_until_expiration INTEGER, expire_at BIGINT, installed_version TEXT)"_s,
                u"CREATE TABLE installations (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,"
                " position INTEGER NOT NULL, installation_id TEXT, host_name TEXT, customer_name TEXT, is_connected "
                "INTEGER,"
                " created_at BIGINT, updated_at BIGINT, user_accounts_total INTEGER, user_accounts TEXT)"_s,
                u"CREATE TABLE uploads (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id) ON DELETE CASCADE,"
                " installation_position INTEGER NOT NULL, position INTEGER NOT NULL, name TEXT, sync_state INTEGER,"
                " created_at BIGINT, updated_at BIGINT)"_s,
                u"CREATE TABLE usage_files (id %ID%, connection_id TEXT, direction INTEGER NOT NULL, file_name TEXT,"
                " sha256 TEXT, server_id TEXT, host_name TEXT, version TEXT, size BIGINT, time BIGINT, outcome TEXT)"_s,
            }},
        {2,
            {
                // Uploads are confirmed later by polling userAccountsUploads.syncState.
                u"ALTER TABLE usage_files ADD COLUMN upload_state INTEGER NOT NULL DEFAULT 0"_s,
                u"ALTER TABLE usage_files ADD COLUMN upload_state_changed_at BIGINT"_s,
                u"CREATE TABLE settings (key TEXT PRIMARY KEY, value TEXT)"_s,
                u"CREATE INDEX sync_status_server ON sync_status (connection_id, server_id, id)"_s,
            }},
        {3,
            {
                // The accounts' profile names on their own: all the License page reads of them. A table,
                // not a column after user_accounts, which SQLite would walk through to reach it.
                u"CREATE TABLE installation_profile_names (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id)"
                " ON DELETE CASCADE, position INTEGER NOT NULL, names TEXT NOT NULL, PRIMARY KEY (snapshot_id, position))"_s,
            }},
        {4,
            {
                // The servers GitHub's license-sync-status listed at each snapshot: the history keeps only
                // changes, so without it a server removed from the enterprise would stay on the page forever.
                u"CREATE TABLE snapshot_servers (snapshot_id BIGINT NOT NULL REFERENCES snapshots (id)"
                " ON DELETE CASCADE, server_id TEXT NOT NULL, PRIMARY KEY (snapshot_id, server_id))"_s,
                // Snapshots written before: every server on record up to them, as they were read until now.
                u"INSERT INTO snapshot_servers (snapshot_id, server_id) SELECT DISTINCT sn.id, ss.server_id"
                " FROM snapshots sn JOIN sync_status ss ON ss.connection_id = sn.connection_id"
                " AND ss.recorded_at <= sn.taken_at"_s,
            }},
        {5, {},
            // SQLite: nothing. Its check of a seat's snapshot is a lookup in the snapshots' own index, and dropping
            // the key would mean copying every row into a new table (4 s and twice the file a million rows).
            {},
            {
                // PostgreSQL checked every seat against its snapshot by a trigger after each COPY: 1.2 s of the
                // 2.2 s writing 300,000 took. The store writes a snapshot and its seats in one transaction and
                // removes the seats with their snapshot (LicenseStore::removeSnapshot, removeConnection).
                // The name PostgreSQL gave the key of version 1.
                u"ALTER TABLE consumed_licenses DROP CONSTRAINT consumed_licenses_snapshot_id_fkey"_s,
            }},
    };
    return list;
}
} // namespace Glc
