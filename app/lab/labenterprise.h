// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

#include "lab/labconfig.h"
#include "licensing/licensevalues.h"

#include <QHash>

namespace Glc {
/// The lab's simulated enterprise: github.com members, GHES instances and their users, and the
/// consumed licenses COMPUTED from them by GitHub's matching rules (github-licensing.md).
class LabEnterprise
{
public:
    struct Member
    {
        QString login;
        QString name;
        QStringList verifiedEmails; ///< all verified emails of the github.com account
        QStringList verifiedDomainEmails; ///< those in the enterprise's verified domain
        QString samlNameId;
        QStringList memberRoles; ///< "<org>:<Role>"; empty for someone only invited
        QStringList enterpriseRoles;
        QStringList pendingInviteOrgs;
        TriState twoFactor = TriState::Unknown;
        QString visualStudioEmail; ///< subscription's User Primary Name, empty when none
        QDateTime joinedAt; ///< when the member joined the enterprise
    };

    struct ServerUser
    {
        QString login;
        int id = 0;
        QString primaryEmail;
        QStringList otherEmails;
        bool suspended = false;
        bool siteAdmin = false;
        QDateTime createdAt;
    };

    struct Server
    {
        QString serverId; ///< UUID
        QString installationId; ///< GraphQL node id
        QString hostname;
        QString version;
        bool connected = false;
        QDateTime createdAt;
        QList<ServerUser> users; ///< the instance's own users, as now
        QList<ServerUser> knownUsers; ///< what GitHub Enterprise Cloud got with the last sync or upload
        LicenseSyncStatus syncStatus; ///< only meaningful for connected servers
        QList<UserAccountsUpload> uploads; ///< newest first
    };

    /// Generated deterministically from the config's seed and sizes.
    static LabEnterprise generate(const LabConfig &config);

    QString slug() const { return m_slug; }
    int seatsPurchased() const { return m_seatsPurchased; }
    /// When the enterprise's license ends: the date each server's license file carries.
    QDateTime licenseExpiresAt() const { return m_licenseExpiresAt; }
    /// A server's users that take a seat of its own license: those not suspended.
    static int activeUsers(const Server &server);
    const QList<Member> &members() const { return m_members; }
    const QList<Server> &servers() const { return m_servers; }
    /// The enterprise as GitHub Enterprise Cloud saw it at `when` (not after now): the members who had
    /// joined by then; the servers that existed, each with the users it had at its last weekly sync (or
    /// at `when` when it does not sync) and the uploads made by then; consumed licenses computed from
    /// that by the same rules. What is changed later (e.g. an email) is seen as it is now.
    LabEnterprise asOf(const QDateTime &when) const;
    /// Index by host name, server id or installation id; -1 when unknown.
    int serverIndex(const QString &key) const;

    /// Computed by the matching rules; sorted: github.com logins first, then server-only people.
    const ConsumedLicensesReport &consumedLicenses() const { return m_report; }
    /// Visual Studio subscriptions nobody on github.com matches (each consumes a seat).
    const QStringList &unmatchedVisualStudioEmails() const { return m_unmatchedVisualStudio; }

    /// Changes a user's primary email on the server itself (takes effect at the next sync/upload).
    bool setServerUserEmail(const QString &server, const QString &login, const QString &email);
    bool setServerUserSuspended(const QString &server, const QString &login, bool suspended);
    /// Deletes a user account on the server (what GitHub knows changes with the next sync or upload).
    bool removeServerUser(const QString &server, const QString &login);
    /// GitHub Connect on or off; what GitHub Enterprise Cloud knows of the server stays as it is.
    bool setServerConnected(const QString &server, bool connected);
    /// What a successful sync does: GitHub Enterprise Cloud now knows the server's users.
    void applySync(int serverIndex, const QDateTime &when);
    void recordSyncFailure(int serverIndex, const QDateTime &when, const QString &error);
    /// What a processed upload does (users of the file replace what was known of that server).
    void applyUpload(int serverIndex, const QList<ServerUser> &users);
    void addUpload(int serverIndex, const UserAccountsUpload &upload);
    /// An offline server GitHub learns of with its first upload (no GitHub Connect, no sync); its index.
    int addOfflineServer(
        const QString &serverId, const QString &hostname, const QString &version, const QDateTime &when);
    void updateUpload(int serverIndex, const QString &name, UploadSyncState state, const QDateTime &when);
    /// The members a server's users could be counted against (for troubleshooting tests).
    QString memberLoginForEmail(const QString &email) const;

    void recompute();

private:
    QString m_slug;
    int m_seatsPurchased = 0;
    int m_configuredSeats = -1;
    QDateTime m_licenseExpiresAt;
    QList<Member> m_members;
    QList<Server> m_servers;
    QHash<QString, int> m_memberByEmail; ///< lower-case email -> member index
    QStringList m_unmatchedVisualStudio;
    ConsumedLicensesReport m_report;
};
} // namespace Glc
