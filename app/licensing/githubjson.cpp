// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githubjson.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>
#include <algorithm>

namespace Glc {
namespace GitHubJson {
namespace {
// Small lenient accessors: each counts what it had to forgive.
QString readString(const QJsonValue &value, ReadStats *stats)
{
    switch (value.type()) {
    case QJsonValue::String:
        return value.toString();
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return {};
    case QJsonValue::Double:
        ++stats->toleratedValues;
        return QString::number(value.toDouble(), 'g', 17);
    case QJsonValue::Bool:
        ++stats->toleratedValues;
        return value.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    default:
        ++stats->toleratedValues;
        return {};
    }
}

int readInt(const QJsonValue &value, ReadStats *stats)
{
    switch (value.type()) {
    case QJsonValue::Double:
        return value.toInt(static_cast<int>(value.toDouble()));
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return 0;
    case QJsonValue::String: {
        ++stats->toleratedValues;
        bool ok = false;
        const int number = value.toString().trimmed().toInt(&ok);
        return ok ? number : 0;
    }
    default:
        ++stats->toleratedValues;
        return 0;
    }
}

TriState readTriState(const QJsonValue &value, ReadStats *stats)
{
    switch (value.type()) {
    case QJsonValue::Bool:
        return value.toBool() ? TriState::Yes : TriState::No;
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return TriState::Unknown;
    case QJsonValue::String: {
        ++stats->toleratedValues;
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true")) {
            return TriState::Yes;
        }
        if (text == QLatin1String("false")) {
            return TriState::No;
        }
        return TriState::Unknown;
    }
    case QJsonValue::Double:
        ++stats->toleratedValues;
        return value.toDouble() != 0 ? TriState::Yes : TriState::No;
    default:
        ++stats->toleratedValues;
        return TriState::Unknown;
    }
}

bool readBool(const QJsonValue &value, ReadStats *stats)
{
    return readTriState(value, stats) == TriState::Yes;
}

QStringList readStringList(const QJsonValue &value, ReadStats *stats)
{
    QStringList list;
    switch (value.type()) {
    case QJsonValue::Array: {
        const QJsonArray array = value.toArray();
        list.reserve(array.size());
        for (const QJsonValue &item : array) {
            if (item.isString()) {
                list.append(item.toString());
            } else {
                ++stats->toleratedValues;
                const QString text = readString(item, stats);
                if (!text.isEmpty()) {
                    list.append(text);
                }
            }
        }
        return list;
    }
    case QJsonValue::Null:
    case QJsonValue::Undefined:
        return list;
    case QJsonValue::String:
        // A single string where a list is declared: keep it unless empty.
        ++stats->toleratedValues;
        if (!value.toString().isEmpty()) {
            list.append(value.toString());
        }
        return list;
    default:
        ++stats->toleratedValues;
        return list;
    }
}

QDateTime readDate(const QJsonValue &value, ReadStats *stats)
{
    const QString text = readString(value, stats);
    if (text.isEmpty()) {
        return {};
    }
    const QDateTime date = parseGitHubDate(text);
    if (!date.isValid()) {
        ++stats->toleratedValues;
    }
    return date;
}

std::optional<int> readSeats(const QJsonValue &value, ReadStats *stats)
{
    if (value.isString()) {
        const QString text = value.toString().trimmed();
        if (text.compare(QLatin1String("unlimited"), Qt::CaseInsensitive) == 0) {
            return std::nullopt;
        }
        bool ok = false;
        const int number = text.toInt(&ok);
        ++stats->toleratedValues;
        return ok ? number : 0;
    }
    return readInt(value, stats);
}

QJsonObject readObject(const QJsonValue &value, ReadStats *stats)
{
    if (value.isObject()) {
        return value.toObject();
    }
    if (!value.isNull() && !value.isUndefined()) {
        ++stats->toleratedValues;
    }
    return {};
}

QJsonArray readArray(const QJsonValue &value, ReadStats *stats)
{
    if (value.isArray()) {
        return value.toArray();
    }
    if (!value.isNull() && !value.isUndefined()) {
        ++stats->toleratedValues;
    }
    return {};
}

template<typename T>
bool parseTopObject(const QByteArray &json, ReadResult<T> *result, QJsonObject *object)
{
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        result->error = ReadError::NotJson;
        result->errorDetail = parseError.errorString();
        return false;
    }
    if (!document.isObject()) {
        result->error = ReadError::WrongShape;
        return false;
    }
    *object = document.object();
    return true;
}

void countUnknown(const QJsonObject &object, std::initializer_list<QLatin1StringView> known, ReadStats *stats)
{
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        bool found = false;
        for (const QLatin1StringView &name : known) {
            if (key == name) {
                found = true;
                break;
            }
        }
        if (!found) {
            ++stats->unknownFields;
        }
    }
}

PageInfo readPageInfo(const QJsonValue &value, ReadStats *stats)
{
    const QJsonObject object = readObject(value, stats);
    return PageInfo{readBool(object.value(QLatin1String("hasNextPage")), stats),
        readString(object.value(QLatin1String("endCursor")), stats)};
}

UploadSyncState readSyncState(const QString &text)
{
    if (text.compare(QLatin1String("PENDING"), Qt::CaseInsensitive) == 0) {
        return UploadSyncState::Pending;
    }
    if (text.compare(QLatin1String("SUCCESS"), Qt::CaseInsensitive) == 0) {
        return UploadSyncState::Success;
    }
    if (text.compare(QLatin1String("FAILURE"), Qt::CaseInsensitive) == 0) {
        return UploadSyncState::Failure;
    }
    return UploadSyncState::Unknown;
}

ServerUserAccount readUserAccount(const QJsonObject &object, ReadStats *stats)
{
    ServerUserAccount account;
    account.login = readString(object.value(QLatin1String("login")), stats);
    account.remoteUserId = readString(object.value(QLatin1String("remoteUserId")), stats);
    account.profileName = readString(object.value(QLatin1String("profileName")), stats);
    account.remoteCreatedAt = readDate(object.value(QLatin1String("remoteCreatedAt")), stats);
    account.isSiteAdmin = readBool(object.value(QLatin1String("isSiteAdmin")), stats);
    const QJsonArray emails =
        readArray(readObject(object.value(QLatin1String("emails")), stats).value(QLatin1String("nodes")), stats);
    for (const QJsonValue &emailValue : emails) {
        const QJsonObject email = readObject(emailValue, stats);
        account.emails.append(ServerUserEmail{readString(email.value(QLatin1String("email")), stats),
            readBool(email.value(QLatin1String("isPrimary")), stats)});
    }
    return account;
}

// GraphQL answers come with HTTP 200 and say what failed in `errors`, usually beside data whose root field
// is null (a wrong slug: {"data":{"enterprise":null},"errors":[{"type":"NOT_FOUND",...}]}). Any error
// fails the read: partial data (e.g. installations hidden by SAML SSO) would read as a complete answer.
template<typename T>
bool graphQlData(const QByteArray &json, ReadResult<T> *result, QJsonObject *data)
{
    QJsonObject top;
    if (!parseTopObject(json, result, &top)) {
        return false;
    }
    const QJsonValue errors = top.value(QLatin1String("errors"));
    const bool failed = errors.isArray() ? !errors.toArray().isEmpty() : !errors.isUndefined() && !errors.isNull();
    if (failed) {
        const QJsonArray list = errors.isArray() ? errors.toArray() : QJsonArray{errors};
        const QJsonObject first = list.first().toObject();
        result->error = ReadError::GraphQlError;
        result->graphQlErrorType = first.value(QLatin1String("type")).toString();
        result->errorDetail = first.value(QLatin1String("message")).toString();
        for (const QJsonValue &error : list) {
            if (error.toObject()
                    .value(QLatin1String("extensions"))
                    .toObject()
                    .value(QLatin1String("saml_failure"))
                    .toBool()) {
                result->samlFailure = true;
            }
        }
        return false;
    }
    if (!top.value(QLatin1String("data")).isObject()) {
        result->error = ReadError::WrongShape;
        return false;
    }
    *data = top.value(QLatin1String("data")).toObject();
    return true;
}
} // namespace

QDateTime parseGitHubDate(const QString &text)
{
    const QString trimmed = text.trimmed();
    QDateTime date = QDateTime::fromString(trimmed, Qt::ISODateWithMs);
    if (date.isValid()) {
        return date;
    }
    // GHES: "2026/01/31 23:59:59 -0800"
    const QStringList parts = trimmed.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (parts.size() >= 2) {
        const QDateTime local =
            QDateTime::fromString(parts.at(0) + QLatin1Char(' ') + parts.at(1), QStringLiteral("yyyy/MM/dd HH:mm:ss"));
        if (local.isValid()) {
            int offsetSeconds = 0;
            if (parts.size() >= 3) {
                const QString zone = parts.at(2);
                if (zone.size() == 5 && (zone.at(0) == QLatin1Char('+') || zone.at(0) == QLatin1Char('-'))) {
                    const int sign = zone.at(0) == QLatin1Char('-') ? -1 : 1;
                    offsetSeconds = sign * (zone.mid(1, 2).toInt() * 3600 + zone.mid(3, 2).toInt() * 60);
                }
            }
            QDateTime result(local.date(), local.time(), QTimeZone::fromSecondsAheadOfUtc(offsetSeconds));
            return result.toUTC();
        }
    }
    return {};
}

ConsumedLicense readConsumedLicense(const QJsonObject &object, ReadStats *stats)
{
    ConsumedLicense license;
    for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
        const QString key = it.key();
        const QJsonValue value = it.value();
        if (key == QLatin1String("github_com_login")) {
            license.githubComLogin = readString(value, stats);
        } else if (key == QLatin1String("github_com_name")) {
            license.githubComName = readString(value, stats);
        } else if (key == QLatin1String("enterprise_server_user_ids")) {
            license.enterpriseServerUserIds = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_user")) {
            license.githubComUser = readBool(value, stats);
        } else if (key == QLatin1String("enterprise_server_user")) {
            license.enterpriseServerUser = readTriState(value, stats);
        } else if (key == QLatin1String("visual_studio_subscription_user")) {
            license.visualStudioSubscriptionUser = readBool(value, stats);
        } else if (key == QLatin1String("license_type")) {
            license.licenseType = readString(value, stats);
        } else if (key == QLatin1String("github_com_profile")) {
            license.githubComProfile = readString(value, stats);
        } else if (key == QLatin1String("github_com_member_roles")) {
            license.githubComMemberRoles = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_enterprise_roles")) {
            license.githubComEnterpriseRoles += readStringList(value, stats);
        } else if (key == QLatin1String("github_com_enterprise_role")) {
            // Legacy singular form seen in GitHub's own examples.
            const QString role = readString(value, stats);
            if (!role.isEmpty() && !license.githubComEnterpriseRoles.contains(role)) {
                license.githubComEnterpriseRoles.append(role);
            }
        } else if (key == QLatin1String("github_com_verified_domain_emails")) {
            license.githubComVerifiedDomainEmails = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_saml_name_id")) {
            license.githubComSamlNameId = readString(value, stats);
        } else if (key == QLatin1String("github_com_orgs_with_pending_invites")) {
            license.githubComOrgsWithPendingInvites = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_two_factor_auth")) {
            license.githubComTwoFactorAuth = readTriState(value, stats);
        } else if (key == QLatin1String("enterprise_server_emails") ||
            key == QLatin1String("enterprise_server_primary_emails")) {
            // The second name is the license report's (CSV) spelling, used by some exports of it.
            license.enterpriseServerEmails = readStringList(value, stats);
        } else if (key == QLatin1String("visual_studio_license_status")) {
            license.visualStudioLicenseStatus = readString(value, stats);
        } else if (key == QLatin1String("visual_studio_subscription_email")) {
            license.visualStudioSubscriptionEmail = readString(value, stats);
        } else if (key == QLatin1String("total_user_accounts")) {
            license.totalUserAccounts = readInt(value, stats);
        } else {
            ++stats->unknownFields;
        }
    }
    return license;
}

ReadResult<ConsumedLicensesReport> readConsumedLicenses(const QByteArray &json)
{
    ReadResult<ConsumedLicensesReport> result;
    QJsonObject top;
    if (!parseTopObject(json, &result, &top)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    countUnknown(top,
        {QLatin1StringView("total_seats_consumed"), QLatin1StringView("total_seats_purchased"),
            QLatin1StringView("users")},
        stats);
    result.value.totalSeatsConsumed = readInt(top.value(QLatin1String("total_seats_consumed")), stats);
    result.value.totalSeatsPurchased = readInt(top.value(QLatin1String("total_seats_purchased")), stats);
    const QJsonArray users = readArray(top.value(QLatin1String("users")), stats);
    result.value.users.reserve(users.size());
    for (const QJsonValue &user : users) {
        if (!user.isObject()) {
            ++stats->toleratedValues;
            continue;
        }
        result.value.users.append(readConsumedLicense(user.toObject(), stats));
    }
    return result;
}

ReadResult<QList<LicenseSyncStatus>> readLicenseSyncStatus(const QByteArray &json)
{
    ReadResult<QList<LicenseSyncStatus>> result;
    QJsonObject top;
    if (!parseTopObject(json, &result, &top)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    countUnknown(top, {QLatin1StringView("server_instances")}, stats);
    const QJsonArray servers = readArray(top.value(QLatin1String("server_instances")), stats);
    for (const QJsonValue &serverValue : servers) {
        const QJsonObject server = readObject(serverValue, stats);
        countUnknown(server,
            {QLatin1StringView("server_id"), QLatin1StringView("hostname"), QLatin1StringView("last_sync")}, stats);
        LicenseSyncStatus status;
        status.serverId = readString(server.value(QLatin1String("server_id")), stats);
        status.hostname = readString(server.value(QLatin1String("hostname")), stats);
        const QJsonObject lastSync = readObject(server.value(QLatin1String("last_sync")), stats);
        status.lastSyncDate = readDate(lastSync.value(QLatin1String("date")), stats);
        status.status = readString(lastSync.value(QLatin1String("status")), stats);
        status.error = readString(lastSync.value(QLatin1String("error")), stats);
        result.value.append(status);
    }
    return result;
}

ReadResult<ServerLicenseInfo> readServerLicense(const QByteArray &json)
{
    ReadResult<ServerLicenseInfo> result;
    QJsonObject top;
    if (!parseTopObject(json, &result, &top)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    countUnknown(top,
        {QLatin1StringView("seats"), QLatin1StringView("seats_used"), QLatin1StringView("seats_available"),
            QLatin1StringView("kind"), QLatin1StringView("days_until_expiration"), QLatin1StringView("expire_at")},
        stats);
    ServerLicenseInfo &info = result.value;
    info.seats = readSeats(top.value(QLatin1String("seats")), stats);
    info.seatsUsed = readInt(top.value(QLatin1String("seats_used")), stats);
    info.seatsAvailable = readSeats(top.value(QLatin1String("seats_available")), stats);
    info.kind = readString(top.value(QLatin1String("kind")), stats);
    info.daysUntilExpiration = readInt(top.value(QLatin1String("days_until_expiration")), stats);
    info.expireAt = readDate(top.value(QLatin1String("expire_at")), stats);
    return result;
}

ReadResult<QString> readMetaInstalledVersion(const QByteArray &json)
{
    ReadResult<QString> result;
    QJsonObject top;
    if (!parseTopObject(json, &result, &top)) {
        return result;
    }
    // /meta has many other keys (hooks, ssh keys...): they are not "unknown" to us, just unused.
    result.value = readString(top.value(QLatin1String("installed_version")), &result.stats);
    return result;
}

ReadResult<InstallationsPage> readInstallationsPage(const QByteArray &json)
{
    ReadResult<InstallationsPage> result;
    QJsonObject data;
    if (!graphQlData(json, &result, &data)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    const QJsonObject enterprise = readObject(data.value(QLatin1String("enterprise")), stats);
    const QJsonObject connection = readObject(readObject(enterprise.value(QLatin1String("ownerInfo")), stats)
                                                  .value(QLatin1String("enterpriseServerInstallations")),
        stats);
    result.value.pageInfo = readPageInfo(connection.value(QLatin1String("pageInfo")), stats);
    const QJsonArray nodes = readArray(connection.value(QLatin1String("nodes")), stats);
    for (const QJsonValue &nodeValue : nodes) {
        const QJsonObject node = readObject(nodeValue, stats);
        EnterpriseServerInstallation installation;
        installation.id = readString(node.value(QLatin1String("id")), stats);
        installation.hostName = readString(node.value(QLatin1String("hostName")), stats);
        installation.customerName = readString(node.value(QLatin1String("customerName")), stats);
        installation.isConnected = readBool(node.value(QLatin1String("isConnected")), stats);
        installation.createdAt = readDate(node.value(QLatin1String("createdAt")), stats);
        installation.updatedAt = readDate(node.value(QLatin1String("updatedAt")), stats);
        const QJsonArray uploads = readArray(
            readObject(node.value(QLatin1String("userAccountsUploads")), stats).value(QLatin1String("nodes")), stats);
        for (const QJsonValue &uploadValue : uploads) {
            const QJsonObject upload = readObject(uploadValue, stats);
            installation.uploads.append(UserAccountsUpload{readString(upload.value(QLatin1String("name")), stats),
                readSyncState(readString(upload.value(QLatin1String("syncState")), stats)),
                readDate(upload.value(QLatin1String("createdAt")), stats),
                readDate(upload.value(QLatin1String("updatedAt")), stats)});
        }
        // Newest first, whatever order the answer had (GitHub's default is oldest first): the first one
        // is the server's last upload.
        std::stable_sort(installation.uploads.begin(), installation.uploads.end(),
            [](const UserAccountsUpload &a, const UserAccountsUpload &b) { return a.createdAt > b.createdAt; });
        const QJsonObject accounts = readObject(node.value(QLatin1String("userAccounts")), stats);
        installation.userAccountsTotal = readInt(accounts.value(QLatin1String("totalCount")), stats);
        const QJsonArray accountNodes = readArray(accounts.value(QLatin1String("nodes")), stats);
        installation.userAccounts.reserve(accountNodes.size());
        for (const QJsonValue &accountValue : accountNodes) {
            installation.userAccounts.append(readUserAccount(readObject(accountValue, stats), stats));
        }
        result.value.userAccountsPageInfo.append(readPageInfo(accounts.value(QLatin1String("pageInfo")), stats));
        result.value.installations.append(installation);
    }
    return result;
}

ReadResult<UserAccountsPage> readUserAccountsPage(const QByteArray &json)
{
    ReadResult<UserAccountsPage> result;
    QJsonObject data;
    if (!graphQlData(json, &result, &data)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    const QJsonObject accounts =
        readObject(readObject(data.value(QLatin1String("node")), stats).value(QLatin1String("userAccounts")), stats);
    result.value.totalCount = readInt(accounts.value(QLatin1String("totalCount")), stats);
    result.value.pageInfo = readPageInfo(accounts.value(QLatin1String("pageInfo")), stats);
    const QJsonArray nodes = readArray(accounts.value(QLatin1String("nodes")), stats);
    result.value.userAccounts.reserve(nodes.size());
    for (const QJsonValue &accountValue : nodes) {
        result.value.userAccounts.append(readUserAccount(readObject(accountValue, stats), stats));
    }
    return result;
}

namespace {
QJsonValue stringOrNull(const QString &text)
{
    return text.isEmpty() ? QJsonValue(QJsonValue::Null) : QJsonValue(text);
}

QJsonValue triStateValue(TriState value)
{
    switch (value) {
    case TriState::Yes:
        return true;
    case TriState::No:
        return false;
    case TriState::Unknown:
        break;
    }
    return QJsonValue(QJsonValue::Null);
}
} // namespace

QString formatGitHubDate(const QDateTime &dateTime)
{
    return dateTime.toUTC().toString(Qt::ISODate);
}

QJsonObject consumedLicenseToJson(const ConsumedLicense &license)
{
    QJsonObject object;
    object.insert(QLatin1String("github_com_login"), license.githubComLogin);
    object.insert(QLatin1String("github_com_name"), stringOrNull(license.githubComName));
    object.insert(
        QLatin1String("enterprise_server_user_ids"), QJsonArray::fromStringList(license.enterpriseServerUserIds));
    object.insert(QLatin1String("github_com_user"), license.githubComUser);
    object.insert(QLatin1String("enterprise_server_user"), triStateValue(license.enterpriseServerUser));
    object.insert(QLatin1String("visual_studio_subscription_user"), license.visualStudioSubscriptionUser);
    object.insert(QLatin1String("license_type"), license.licenseType);
    object.insert(QLatin1String("github_com_profile"), stringOrNull(license.githubComProfile));
    object.insert(QLatin1String("github_com_member_roles"), QJsonArray::fromStringList(license.githubComMemberRoles));
    object.insert(
        QLatin1String("github_com_enterprise_roles"), QJsonArray::fromStringList(license.githubComEnterpriseRoles));
    object.insert(QLatin1String("github_com_verified_domain_emails"),
        QJsonArray::fromStringList(license.githubComVerifiedDomainEmails));
    object.insert(QLatin1String("github_com_saml_name_id"), stringOrNull(license.githubComSamlNameId));
    object.insert(QLatin1String("github_com_orgs_with_pending_invites"),
        QJsonArray::fromStringList(license.githubComOrgsWithPendingInvites));
    object.insert(QLatin1String("github_com_two_factor_auth"), triStateValue(license.githubComTwoFactorAuth));
    object.insert(
        QLatin1String("enterprise_server_emails"), QJsonArray::fromStringList(license.enterpriseServerEmails));
    object.insert(QLatin1String("visual_studio_license_status"), stringOrNull(license.visualStudioLicenseStatus));
    object.insert(
        QLatin1String("visual_studio_subscription_email"), stringOrNull(license.visualStudioSubscriptionEmail));
    object.insert(QLatin1String("total_user_accounts"), license.totalUserAccounts);
    return object;
}

QByteArray writeConsumedLicenses(int totalConsumed, int totalPurchased, const QList<ConsumedLicense> &users)
{
    QJsonArray array;
    for (const ConsumedLicense &user : users) {
        array.append(consumedLicenseToJson(user));
    }
    QJsonObject top;
    top.insert(QLatin1String("total_seats_consumed"), totalConsumed);
    top.insert(QLatin1String("total_seats_purchased"), totalPurchased);
    top.insert(QLatin1String("users"), array);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QByteArray writeLicenseSyncStatus(const QList<LicenseSyncStatus> &servers)
{
    QJsonArray array;
    for (const LicenseSyncStatus &server : servers) {
        QJsonObject lastSync;
        lastSync.insert(QLatin1String("date"),
            server.lastSyncDate.isValid() ? QJsonValue(formatGitHubDate(server.lastSyncDate))
                                          : QJsonValue(QJsonValue::Null));
        lastSync.insert(QLatin1String("status"), server.status);
        lastSync.insert(QLatin1String("error"), server.error);
        QJsonObject object;
        object.insert(QLatin1String("server_id"), server.serverId);
        object.insert(QLatin1String("hostname"), server.hostname);
        object.insert(QLatin1String("last_sync"), lastSync);
        array.append(object);
    }
    QJsonObject top;
    top.insert(QLatin1String("server_instances"), array);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QByteArray writeServerLicense(const ServerLicenseInfo &info)
{
    QJsonObject top;
    top.insert(QLatin1String("seats"), info.seats ? QJsonValue(*info.seats) : QJsonValue(QStringLiteral("unlimited")));
    top.insert(QLatin1String("seats_used"), info.seatsUsed);
    top.insert(QLatin1String("seats_available"),
        info.seatsAvailable ? QJsonValue(*info.seatsAvailable) : QJsonValue(QStringLiteral("unlimited")));
    top.insert(QLatin1String("kind"), info.kind);
    top.insert(QLatin1String("days_until_expiration"), info.daysUntilExpiration);
    top.insert(QLatin1String("expire_at"),
        QString(info.expireAt.toUTC().toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")) + QLatin1String(" +0000")));
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QByteArray writeMeta(const QString &installedVersion)
{
    QJsonObject top;
    top.insert(QLatin1String("verifiable_password_authentication"), true);
    top.insert(QLatin1String("installed_version"), installedVersion);
    return QJsonDocument(top).toJson(QJsonDocument::Compact);
}

QString syncStateName(UploadSyncState state)
{
    switch (state) {
    case UploadSyncState::Pending:
        return QStringLiteral("PENDING");
    case UploadSyncState::Success:
        return QStringLiteral("SUCCESS");
    case UploadSyncState::Failure:
        return QStringLiteral("FAILURE");
    case UploadSyncState::Unknown:
        break;
    }
    return QString();
}

QJsonObject userAccountToJson(const ServerUserAccount &account)
{
    QJsonArray emails;
    for (const ServerUserEmail &email : account.emails) {
        emails.append(
            QJsonObject{{QLatin1String("email"), email.email}, {QLatin1String("isPrimary"), email.isPrimary}});
    }
    QJsonObject object;
    object.insert(QLatin1String("login"), account.login);
    object.insert(QLatin1String("remoteUserId"), account.remoteUserId);
    object.insert(QLatin1String("isSiteAdmin"), account.isSiteAdmin);
    object.insert(QLatin1String("profileName"), stringOrNull(account.profileName));
    object.insert(QLatin1String("remoteCreatedAt"), formatGitHubDate(account.remoteCreatedAt));
    object.insert(QLatin1String("emails"), QJsonObject{{QLatin1String("nodes"), emails}});
    return object;
}

QJsonObject installationToJson(const EnterpriseServerInstallation &installation, const PageInfo &userAccountsPageInfo)
{
    QJsonArray uploads;
    for (const UserAccountsUpload &upload : installation.uploads) {
        uploads.append(QJsonObject{{QLatin1String("name"), upload.name},
            {QLatin1String("syncState"), syncStateName(upload.syncState)},
            {QLatin1String("createdAt"), formatGitHubDate(upload.createdAt)},
            {QLatin1String("updatedAt"), formatGitHubDate(upload.updatedAt)}});
    }
    QJsonArray accounts;
    for (const ServerUserAccount &account : installation.userAccounts) {
        accounts.append(userAccountToJson(account));
    }
    QJsonObject object;
    object.insert(QLatin1String("id"), installation.id);
    object.insert(QLatin1String("hostName"), installation.hostName);
    object.insert(QLatin1String("customerName"), installation.customerName);
    object.insert(QLatin1String("isConnected"), installation.isConnected);
    object.insert(QLatin1String("createdAt"), formatGitHubDate(installation.createdAt));
    object.insert(QLatin1String("updatedAt"), formatGitHubDate(installation.updatedAt));
    object.insert(QLatin1String("userAccountsUploads"), QJsonObject{{QLatin1String("nodes"), uploads}});
    object.insert(QLatin1String("userAccounts"),
        QJsonObject{{QLatin1String("nodes"), accounts}, {QLatin1String("totalCount"), installation.userAccountsTotal},
            {QLatin1String("pageInfo"),
                QJsonObject{{QLatin1String("hasNextPage"), userAccountsPageInfo.hasNextPage},
                    {QLatin1String("endCursor"), stringOrNull(userAccountsPageInfo.endCursor)}}}});
    return object;
}
} // namespace GitHubJson
} // namespace Glc
