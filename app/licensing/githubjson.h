// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#pragma once

// Lenient readers and exact writers of GitHub's licensing JSON shapes (see github-licensing.md).
// Readers never crash: unknown fields are ignored, missing ones defaulted, wrong-typed values
// tolerated and counted. They fail only when the top level is not the expected object.

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
};

/// GraphQL enterprise.ownerInfo.enterpriseServerInstallations page.
struct InstallationsPage
{
    QList<EnterpriseServerInstallation> installations;
    QList<PageInfo> userAccountsPageInfo; ///< one per installation, same order
    PageInfo pageInfo;
};
ReadResult<InstallationsPage> readInstallationsPage(const QByteArray &json);

/// GraphQL node(id:) { ... on EnterpriseServerInstallation { userAccounts } } page.
struct UserAccountsPage
{
    QList<ServerUserAccount> userAccounts;
    int totalCount = 0;
    PageInfo pageInfo;
};
ReadResult<UserAccountsPage> readUserAccountsPage(const QByteArray &json);

// Writers: GitHub's exact shapes (used by the lab and by tests).
QJsonObject consumedLicenseToJson(const ConsumedLicense &license);
QByteArray writeConsumedLicenses(int totalConsumed, int totalPurchased, const QList<ConsumedLicense> &users);
QByteArray writeLicenseSyncStatus(const QList<LicenseSyncStatus> &servers);
/// seats/seatsAvailable nullopt are written as "unlimited"; expire_at in GHES's slash format.
QByteArray writeServerLicense(const ServerLicenseInfo &info);
QByteArray writeMeta(const QString &installedVersion);
QJsonObject installationToJson(const EnterpriseServerInstallation &installation, const PageInfo &userAccountsPageInfo);
QJsonObject userAccountToJson(const ServerUserAccount &account);
QString syncStateName(UploadSyncState state);
QString formatGitHubDate(const QDateTime &dateTime); ///< ISO 8601 UTC with Z
} // namespace GitHubJson
} // namespace Glc
