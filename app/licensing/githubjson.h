// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Lenient readers and exact writers of GitHub's licensing JSON shapes (see github-licensing.md).
// Readers never crash: unknown fields are ignored, missing ones defaulted, wrong-typed values
// tolerated and counted. They fail only when the top level is not the expected object.
//
// A wrong-typed value gives the field its default, as if it were missing, and is counted; so is null
// where GitHub declares the field non-null (null where it may be null is a value: defaulted, not counted).
// Two coercions keep what the value plainly says (still counted): a numeric string for a number and
// "true"/"false" for a bool. An entry of a list that is not an object (or a string in a string list) is
// dropped and counted, never read as an empty entry.

#include "licensing/licensevalues.h"

#include <QByteArray>
#include <QJsonObject>

namespace Glc {
namespace GitHubJson {
/// What a lenient read had to forgive.
struct ReadStats
{
    int toleratedValues = 0; ///< values of an unexpected type (e.g. "" for a bool) that were coerced or dropped
    int unknownFields = 0; ///< keys the reader does not know (ignored)

    bool operator==(const ReadStats &) const = default;

    ReadStats &operator+=(const ReadStats &other)
    {
        toleratedValues += other.toleratedValues;
        unknownFields += other.unknownFields;
        return *this;
    }
};

enum class ReadError : qint8 {
    None,
    NotJson, ///< not parseable (also truncated bodies)
    WrongShape, ///< JSON, but the top level is not the expected object
    GraphQlError, ///< a GraphQL answer with `errors` (with or without data): graphQlErrorType says which
};

template<typename T>
struct ReadResult
{
    T value{};
    ReadError error = ReadError::None;
    QString errorDetail; ///< parser message or GraphQL error message, not translated
    QString graphQlErrorType; ///< GraphQlError: the first error's `type` (NOT_FOUND, ...), may be empty
    bool samlFailure = false; ///< GraphQlError: an error said `extensions.saml_failure` (SAML SSO not authorized)
    ReadStats stats;

    bool ok() const { return error == ReadError::None; }
};

/// One page of consumed licenses.
ReadResult<ConsumedLicensesReport> readConsumedLicenses(const QByteArray &json);
/// One user object (exposed for tables of wrong-typed fields).
ConsumedLicense readConsumedLicense(const QJsonObject &object, ReadStats *stats);
ReadResult<QList<LicenseSyncStatus>> readLicenseSyncStatus(const QByteArray &json);
/// GHES /enterprise/settings/license (installedVersion stays empty: it comes from /meta).
ReadResult<ServerLicenseInfo> readServerLicense(const QByteArray &json);
/// GHES /meta: installed_version.
ReadResult<QString> readMetaInstalledVersion(const QByteArray &json);
/// Both `YYYY/MM/DD hh:mm:ss -zzzz` and ISO 8601; invalid when neither.
QDateTime parseGitHubDate(const QString &text);

struct PageInfo
{
    bool hasNextPage = false;
    QString endCursor;

    bool operator==(const PageInfo &) const = default;
};

/// A user account whose emails did not all come with it (GitHub pages them like any connection): the rest
/// is read through node(id:) on the account, after emailsPageInfo.endCursor.
struct MoreEmails
{
    int installation = 0; ///< index in InstallationsPage::installations (0 in a UserAccountsPage)
    int account = 0; ///< index in that installation's userAccounts (in UserAccountsPage::userAccounts)
    QString accountId; ///< the EnterpriseServerUserAccount's node id
    PageInfo emailsPageInfo;

    bool operator==(const MoreEmails &) const = default;
};

/// GraphQL enterprise.ownerInfo.enterpriseServerInstallations page.
struct InstallationsPage
{
    QList<EnterpriseServerInstallation> installations;
    QList<PageInfo> userAccountsPageInfo; ///< one per installation, same order
    QList<PageInfo> uploadsPageInfo; ///< one per installation, same order
    QList<MoreEmails> moreEmails; ///< accounts with more emails than came with them
    PageInfo pageInfo;

    bool operator==(const InstallationsPage &) const = default;
};
ReadResult<InstallationsPage> readInstallationsPage(const QByteArray &json);

/// GraphQL node(id:) { ... on EnterpriseServerInstallation { userAccounts } } page.
struct UserAccountsPage
{
    QList<ServerUserAccount> userAccounts;
    int totalCount = 0;
    QList<MoreEmails> moreEmails; ///< accounts with more emails than came with them (installation 0)
    PageInfo pageInfo;
    bool gone = false; ///< the installation is gone (GitHub answered NOT_FOUND for its node)

    bool operator==(const UserAccountsPage &) const = default;
};
ReadResult<UserAccountsPage> readUserAccountsPage(const QByteArray &json);

/// GraphQL node(id:) { ... on EnterpriseServerInstallation { userAccountsUploads } } page.
struct UserAccountsUploadsPage
{
    QList<UserAccountsUpload> uploads; ///< newest first
    PageInfo pageInfo;
    bool gone = false; ///< the installation is gone (GitHub answered NOT_FOUND for its node)

    bool operator==(const UserAccountsUploadsPage &) const = default;
};
ReadResult<UserAccountsUploadsPage> readUserAccountsUploadsPage(const QByteArray &json);
/// Newest first (GitHub's default order is oldest first): the first one is the server's last upload.
void sortNewestFirst(QList<UserAccountsUpload> *uploads);

/// GraphQL node(id:) { ... on EnterpriseServerUserAccount { emails } } page.
struct UserAccountEmailsPage
{
    QList<ServerUserEmail> emails;
    PageInfo pageInfo;
    bool gone = false; ///< the account is gone (deleted since it was listed: GitHub answered NOT_FOUND)

    bool operator==(const UserAccountEmailsPage &) const = default;
};
ReadResult<UserAccountEmailsPage> readUserAccountEmailsPage(const QByteArray &json);
/// The same for several accounts in one query, one aliased node(id:) each (`a0: node(id: $id0) { ... }`): a
/// page per alias, in the order given. An account deleted since it was listed is a page marked `gone`
/// (GitHub answers the others and names it in a NOT_FOUND error), not an error of the whole answer.
ReadResult<QList<UserAccountEmailsPage>> readUserAccountEmailsPages(const QByteArray &json, const QStringList &aliases);
/// Whether a GraphQL answer says the query did not fit the primary rate limit: an error of type RATE_LIMITED
/// (GitHub's documented type) or RATE_LIMIT (seen in GitHub's answers), sent with HTTP 200 and possibly while
/// x-ratelimit-remaining is above 0 (the query costs more points than remain).
bool isGraphQlRateLimited(const QByteArray &json);

// Writers: GitHub's exact shapes (used by the lab and by tests).
QJsonObject consumedLicenseToJson(const ConsumedLicense &license);
QByteArray writeConsumedLicenses(int totalConsumed, int totalPurchased, const QList<ConsumedLicense> &users);
QByteArray writeLicenseSyncStatus(const QList<LicenseSyncStatus> &servers);
/// seats/seatsAvailable nullopt are written as "unlimited"; expire_at in GHES's slash format.
QByteArray writeServerLicense(const ServerLicenseInfo &info);
QByteArray writeMeta(const QString &installedVersion);
QJsonObject installationToJson(const EnterpriseServerInstallation &installation, const PageInfo &userAccountsPageInfo,
    const PageInfo &uploadsPageInfo = {});
/// A userAccountsUploads connection: its nodes and @p pageInfo.
QJsonObject uploadsToJson(const QList<UserAccountsUpload> &uploads, const PageInfo &pageInfo);
/// @p id (the account's node id) is written when not empty; emails with @p emailsPageInfo.
QJsonObject userAccountToJson(
    const ServerUserAccount &account, const QString &id = {}, const PageInfo &emailsPageInfo = {});
QJsonObject pageInfoToJson(const PageInfo &pageInfo);
QString syncStateName(UploadSyncState state);
QString formatGitHubDate(const QDateTime &dateTime); ///< ISO 8601 UTC with Z
} // namespace GitHubJson
} // namespace Glc
