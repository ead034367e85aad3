// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Typed values of GitHub Enterprise licensing, shared by every layer. Plain data: no I/O, no QObject.
// Field names follow GitHub's JSON (see ../shared/docs/github-licensing.md), camel-cased.

#include <QDateTime>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

#include <optional>

namespace Glc {
/// A JSON bool that GitHub may send as true, false, null or "" (the last two are Unknown).
enum class TriState : qint8 {
    Unknown = -1,
    No = 0,
    Yes = 1,
};

/// One row of `GET /enterprises/{enterprise}/consumed-licenses`: one consumed seat.
struct ConsumedLicense
{
    QString githubComLogin; ///< empty for a person known only from Enterprise Server
    QString githubComName;
    QString githubComProfile;
    QString githubComSamlNameId;
    QString licenseType; ///< e.g. "enterprise", "visual_studio"
    QString visualStudioLicenseStatus;
    QString visualStudioSubscriptionEmail;
    QStringList enterpriseServerUserIds; ///< each "<host>:<user id>"
    QStringList enterpriseServerEmails;
    QStringList githubComVerifiedDomainEmails;
    QStringList githubComMemberRoles; ///< each "<org>:<Role>"
    QStringList githubComEnterpriseRoles;
    QStringList githubComOrgsWithPendingInvites;
    int totalUserAccounts = 0;
    bool githubComUser = false;
    bool visualStudioSubscriptionUser = false;
    TriState enterpriseServerUser = TriState::Unknown;
    TriState githubComTwoFactorAuth = TriState::Unknown;

    /// Hosts of the Enterprise Server accounts, in order, without duplicates.
    QStringList serverHosts() const;
    /// True when this seat exists only because of Enterprise Server accounts (no github.com login).
    bool isServerOnly() const { return githubComLogin.isEmpty(); }
    /// True when GitHub counts this seat only because of a pending invitation to a github.com
    /// organization: a github.com user with such an invitation and nothing else that consumes a
    /// seat - no organization membership, no enterprise role (outside collaborators consume one),
    /// no Enterprise Server account and no Visual Studio subscription. Cancelling the invitation
    /// frees the seat. The one definition the table's filter and the analysis share.
    bool isPendingInvitationOnly() const;
    /// The rule of isPendingInvitationOnly() over a seat's counts (for rows kept packed).
    static bool isPendingInvitationOnly(bool serverOnly, qsizetype pendingInvites, qsizetype memberRoles,
        qsizetype enterpriseRoles, qsizetype serverUserIds, bool visualStudioSubscriptionUser);

    bool operator==(const ConsumedLicense &) const = default;
};

/// The whole consumed-licenses answer (all pages merged).
struct ConsumedLicensesReport
{
    int totalSeatsConsumed = 0;
    int totalSeatsPurchased = 0;
    QList<ConsumedLicense> users;

    /// seatUsePercent() of the totals.
    double usedPercent() const;

    bool operator==(const ConsumedLicensesReport &) const = default;
};

/// Consumed seats as a share of purchased, in percent to one decimal, as the License page, the summary and
/// the command line print it: rounded, but never up to 90 or 100 before the seats reach it (89.96 % reads
/// 89.9 %, 99.97 % reads 99.9 %), so the number agrees with the meter's colour (amber from 90 %, red at 100 %).
/// 100 when seats are consumed and none purchased, 0 when neither.
double seatUsePercent(qint64 consumed, qint64 purchased);

/// GitHub's weekly cadence of license usage: a server with GitHub Connect syncs it every week; one without
/// is due an uploaded usage file as often. The one rule of "stale" syncs and "overdue" uploads.
namespace LicenseCadence {
inline constexpr int Days = 7;
/// Whole days from @p then to @p now (rounded down); -1 when @p then is invalid.
int wholeDaysSince(const QDateTime &then, const QDateTime &now);
/// Nothing on record (@p last invalid), or more than @p days before @p now.
bool isOverdue(const QDateTime &last, const QDateTime &now, int days = Days);
/// The upload interval an admin may set for servers without GitHub Connect (an air-gapped server added
/// to monthly): from 1 day to a year; anything else is taken as the nearest of the two.
inline constexpr int MinUploadDays = 1;
inline constexpr int MaxUploadDays = 365;
int boundedUploadDays(int days);
} // namespace LicenseCadence

/// One server of `GET /enterprises/{enterprise}/license-sync-status`.
struct LicenseSyncStatus
{
    QString serverId;
    QString hostname;
    QDateTime lastSyncDate; ///< invalid when the server never synced
    QString status; ///< "success" or anything else (a failure)
    QString error;
    /// Not GitHub's: when the last sync failed, the newest successful one in the console's history of this
    /// server (invalid when none is on record). GitHub reports only the last attempt.
    QDateTime lastSuccessDate;

    bool isSuccess() const { return status.compare(QLatin1String("success"), Qt::CaseInsensitive) == 0; }
    /// The newest successful sync known: the last sync when it succeeded, else lastSuccessDate.
    QDateTime lastSuccessfulSync() const { return isSuccess() ? lastSyncDate : lastSuccessDate; }
    /// No successful sync within LicenseCadence::Days, or none known at all: a server that tries every day
    /// and fails every day is stale too.
    bool isStale(const QDateTime &now) const { return LicenseCadence::isOverdue(lastSuccessfulSync(), now); }

    bool operator==(const LicenseSyncStatus &) const = default;
};

/// GHES `GET /enterprise/settings/license` plus the installed version from `GET /meta`.
struct ServerLicenseInfo
{
    QString hostname;
    std::optional<int> seats; ///< nullopt: "unlimited"
    int seatsUsed = 0;
    std::optional<int> seatsAvailable; ///< nullopt: "unlimited"
    QString kind; ///< "standard", "evaluation", ...
    int daysUntilExpiration = 0;
    QDateTime expireAt;
    QString installedVersion;

    /// Seats used of the license's seats, in a few words for a table cell ("480 of 500", "480 of unlimited").
    QString seatsText() const;
    /// Whole days from `now` until expireAt, negative once it passed. Unlike daysUntilExpiration (GitHub's
    /// count when the snapshot was taken) it does not age with the snapshot.
    int daysLeft(const QDateTime &now) const;
    /// Calendar days in local time from `now`'s date to the expiry date, as the License page counts the days
    /// left beside a date (an expiry at 09:00 tomorrow is 1 day away at 18:00 today, where daysLeft() says 0).
    int calendarDaysLeft(const QDateTime &now) const;
    /// The license among `licenses` that ends first (all of an enterprise's license files end when its
    /// license does, GitHub Enterprise Cloud does not tell the date); nullptr when none has a date.
    static const ServerLicenseInfo *soonestExpiry(const QList<ServerLicenseInfo> &licenses);
    /// This license has a date, and it falls on the (local) day that `soonest` ends: the date said once for
    /// the enterprise covers it, it needs no line of its own.
    bool expiresWith(const ServerLicenseInfo *soonest) const;

    bool operator==(const ServerLicenseInfo &) const = default;
};

/// `syncState` of a GraphQL `userAccountsUploads` node.
enum class UploadSyncState : qint8 {
    Unknown,
    Pending,
    Success,
    Failure,
};
/// The state in the words of the console ("Processed" for SUCCESS); empty for Unknown.
QString uploadSyncStateText(UploadSyncState state);

struct UserAccountsUpload
{
    QString name;
    UploadSyncState syncState = UploadSyncState::Unknown;
    QDateTime createdAt;
    QDateTime updatedAt;

    bool operator==(const UserAccountsUpload &) const = default;
};

struct ServerUserEmail
{
    QString email;
    bool isPrimary = false;

    bool operator==(const ServerUserEmail &) const = default;
};

/// A GHES user as GitHub Enterprise Cloud sees it (GraphQL `userAccounts`).
struct ServerUserAccount
{
    QString login;
    QString remoteUserId;
    QString profileName;
    QDateTime remoteCreatedAt;
    bool isSiteAdmin = false;
    QList<ServerUserEmail> emails;

    bool operator==(const ServerUserAccount &) const = default;
};

/// A GraphQL `enterpriseServerInstallations` node.
struct EnterpriseServerInstallation
{
    QString id;
    QString hostName;
    QString customerName;
    bool isConnected = false;
    QDateTime createdAt;
    QDateTime updatedAt;
    QList<UserAccountsUpload> uploads; ///< newest first
    QList<ServerUserAccount> userAccounts;
    int userAccountsTotal = 0;

    /// When the newest usage file was uploaded (its last change of state); invalid when none was.
    QDateTime lastUploadAt() const
    {
        return uploads.isEmpty()
            ? QDateTime()
            : (uploads.first().updatedAt.isValid() ? uploads.first().updatedAt : uploads.first().createdAt);
    }
    /// Without GitHub Connect its seats reach the enterprise only as uploaded usage files: none uploaded, or
    /// the newest older than @p days (the weekly cadence of a sync unless the admin set another), is as
    /// overdue as a sync would be stale.
    bool uploadOverdue(const QDateTime &now, int days = LicenseCadence::Days) const
    {
        return !isConnected && LicenseCadence::isOverdue(lastUploadAt(), now, days);
    }

    bool operator==(const EnterpriseServerInstallation &) const = default;
};

/// A Connect feature listed in a usage file's instance metadata.
struct UsageFileFeature
{
    QString name;
    QDateTime enabledAt;

    bool operator==(const UsageFileFeature &) const = default;
};

/// A user listed in a usage file, when the file's users are readable (not encrypted).
struct UsageFileUser
{
    QString login;
    QString userId;
    QStringList emails; ///< primary first
    bool suspended = false;

    bool operator==(const UsageFileUser &) const = default;
};

/// What a license usage export ("Export license usage" JSON) says about itself.
struct UsageFileInfo
{
    QString serverId; ///< UUID
    QString hostName;
    QString version;
    bool httpOnly = false;
    QString licenseHash;
    QString publicKey;
    QList<UsageFileFeature> features;
    QDateTime exportedAt; ///< invalid when the file does not say
    bool usersEncrypted = true;
    int userCount = -1; ///< -1 when the users are encrypted
    qint64 usersBlobSize = 0; ///< bytes of the encrypted users blob
    QList<UsageFileUser> users; ///< only when readable

    bool operator==(const UsageFileInfo &) const = default;
};

/// Everything one refresh of a connection learned: stored as one snapshot.
struct LicenseSnapshot
{
    qint64 id = 0; ///< 0 until stored
    QString connectionId;
    QDateTime takenAt;
    QString source; ///< human-readable origin, e.g. "lab 127.0.0.1:4123" or "api.github.com/enterprises/acme"
    ConsumedLicensesReport licenses;
    QList<LicenseSyncStatus> syncStatus;
    QList<ServerLicenseInfo> serverLicenses;
    QList<EnterpriseServerInstallation> installations;

    /// An Enterprise Server whose license has no seat limit (its API says `"seats": "unlimited"`): the
    /// purchased total (0) and anything computed from it mean nothing then.
    bool unlimitedSeats() const
    {
        return serverLicenses.size() == 1 && !serverLicenses.constFirst().seats && licenses.totalSeatsPurchased <= 0;
    }
};
} // namespace Glc

Q_DECLARE_METATYPE(Glc::ConsumedLicense)
Q_DECLARE_METATYPE(Glc::LicenseSyncStatus)
Q_DECLARE_METATYPE(Glc::UsageFileInfo)
Q_DECLARE_METATYPE(Glc::LicenseSnapshot)
