// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "githubjson.h"

#include <QJsonArray>

#include <QJsonDocument>
#include <QJsonParseError>
#include <QTimeZone>

#include <algorithm>
#include <cmath>
#include <limits>

namespace Glc {
namespace GitHubJson {
namespace {
// Small lenient accessors: each counts what it had to forgive (see the rules in githubjson.h).

/// Whether null is a value of the field (GitHub declares it "string|null", a nullable GraphQL type) or a
/// wrong type (a non-null field). Either way the field gets its default; only a wrong type is counted.
enum class Nullable : bool {
    No,
    Yes,
};

/// True when @p value is missing or null (the caller returns the default); counts a null that may not be.
bool isAbsent(const QJsonValue &value, Nullable nullable, ReadStats *stats)
{
    if (value.isUndefined()) {
        return true;
    }
    if (value.isNull()) {
        if (nullable == Nullable::No) {
            ++stats->toleratedValues;
        }
        return true;
    }
    return false;
}

QString readString(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return {};
    }
    if (value.isString()) {
        return value.toString();
    }
    ++stats->toleratedValues;
    return {};
}

int readInt(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return 0;
    }
    if (value.isDouble()) {
        const double number = value.toDouble();
        constexpr double Lowest = std::numeric_limits<int>::lowest();
        constexpr double Highest = std::numeric_limits<int>::max();
        if (number == std::floor(number) && number >= Lowest && number <= Highest) {
            return int(number);
        }
        // A fraction, or a count no int holds (converting it would be undefined): the nearest whole number.
        ++stats->toleratedValues;
        return int(std::clamp(std::trunc(number), Lowest, Highest));
    }
    ++stats->toleratedValues;
    if (value.isString()) {
        bool ok = false;
        const int number = value.toString().trimmed().toInt(&ok);
        return ok ? number : 0;
    }
    return 0;
}

/// A GraphQL Int! id (remoteUserId) as text; a numeric string is kept (counted).
QString readIntegerText(const QJsonValue &value, ReadStats *stats)
{
    if (isAbsent(value, Nullable::No, stats)) {
        return {};
    }
    // Only what a qint64 holds exactly enough (past that, converting is undefined).
    if (value.isDouble() && value.toDouble() == std::floor(value.toDouble()) && std::abs(value.toDouble()) < 9.0e18) {
        return QString::number(qint64(value.toDouble()));
    }
    ++stats->toleratedValues;
    if (value.isString()) {
        bool ok = false;
        const qint64 number = value.toString().trimmed().toLongLong(&ok);
        return ok ? QString::number(number) : QString();
    }
    return {};
}

TriState readTriState(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return TriState::Unknown;
    }
    if (value.isBool()) {
        return value.toBool() ? TriState::Yes : TriState::No;
    }
    ++stats->toleratedValues;
    if (value.isString()) {
        // "" (seen in GitHub's own examples) and any other text say nothing.
        const QString text = value.toString().trimmed().toLower();
        if (text == QLatin1String("true")) {
            return TriState::Yes;
        }
        if (text == QLatin1String("false")) {
            return TriState::No;
        }
    }
    return TriState::Unknown;
}

bool readBool(const QJsonValue &value, ReadStats *stats)
{
    return readTriState(value, stats) == TriState::Yes;
}

QStringList readStringList(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    QStringList list;
    if (isAbsent(value, nullable, stats)) {
        return list;
    }
    if (!value.isArray()) {
        ++stats->toleratedValues;
        return list;
    }
    const QJsonArray array = value.toArray();
    list.reserve(array.size());
    for (const QJsonValue &item : array) {
        if (item.isString()) {
            list.append(item.toString());
        } else {
            ++stats->toleratedValues;
        }
    }
    return list;
}

QDateTime readDate(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return {};
    }
    const QString text = readString(value, stats);
    if (text.isEmpty()) {
        if (value.isString()) {
            ++stats->toleratedValues; // "" is no date
        }
        return {};
    }
    const QDateTime date = parseGitHubDate(text);
    if (!date.isValid()) {
        ++stats->toleratedValues;
    }
    return date;
}

/// GHES seats: a number or "unlimited" (nullopt).
std::optional<int> readSeats(const QJsonValue &value, ReadStats *stats)
{
    if (value.isString() && value.toString().trimmed().compare(QLatin1String("unlimited"), Qt::CaseInsensitive) == 0) {
        return std::nullopt;
    }
    return readInt(value, stats);
}

QJsonObject readObject(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return {};
    }
    if (value.isObject()) {
        return value.toObject();
    }
    ++stats->toleratedValues;
    return {};
}

QJsonArray readArray(const QJsonValue &value, ReadStats *stats, Nullable nullable = Nullable::No)
{
    if (isAbsent(value, nullable, stats)) {
        return {};
    }
    if (value.isArray()) {
        return value.toArray();
    }
    ++stats->toleratedValues;
    return {};
}

/// The entries of a list that are objects; any other entry is dropped (counted unless a null the list may
/// hold: GraphQL's `nodes` are lists of nullable nodes).
QList<QJsonObject> readObjects(const QJsonArray &array, ReadStats *stats, Nullable nullEntries)
{
    QList<QJsonObject> objects;
    objects.reserve(array.size());
    for (const QJsonValue &entry : array) {
        if (entry.isObject()) {
            objects.append(entry.toObject());
        } else if (!isAbsent(entry, nullEntries, stats)) {
            ++stats->toleratedValues;
        }
    }
    return objects;
}

/// A GraphQL connection's nodes (a nullable list of nullable nodes).
QList<QJsonObject> readNodes(const QJsonObject &connection, ReadStats *stats)
{
    return readObjects(readArray(connection.value(QLatin1String("nodes")), stats, Nullable::Yes), stats, Nullable::Yes);
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
    // endCursor is null when the page is empty.
    return PageInfo{readBool(object.value(QLatin1String("hasNextPage")), stats),
        readString(object.value(QLatin1String("endCursor")), stats, Nullable::Yes)};
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

/// Newest first, whatever order the answer had.
QList<UserAccountsUpload> readUploads(const QJsonObject &connection, ReadStats *stats)
{
    QList<UserAccountsUpload> uploads;
    for (const QJsonObject &upload : readNodes(connection, stats)) {
        uploads.append(UserAccountsUpload{readString(upload.value(QLatin1String("name")), stats),
            readSyncState(readString(upload.value(QLatin1String("syncState")), stats)),
            readDate(upload.value(QLatin1String("createdAt")), stats),
            readDate(upload.value(QLatin1String("updatedAt")), stats)});
    }
    sortNewestFirst(&uploads);
    return uploads;
}

QList<ServerUserEmail> readEmails(const QJsonObject &connection, ReadStats *stats)
{
    QList<ServerUserEmail> emails;
    for (const QJsonObject &email : readNodes(connection, stats)) {
        emails.append(ServerUserEmail{readString(email.value(QLatin1String("email")), stats),
            readBool(email.value(QLatin1String("isPrimary")), stats)});
    }
    return emails;
}

/// Appends the account nodes of a userAccounts connection to @p accounts; those whose emails go on beyond
/// the page to @p moreEmails (with @p installation).
void readUserAccounts(const QJsonObject &connection, int installation, QList<ServerUserAccount> *accounts,
    QList<MoreEmails> *moreEmails, ReadStats *stats)
{
    const QList<QJsonObject> nodes = readNodes(connection, stats);
    accounts->reserve(accounts->size() + nodes.size());
    for (const QJsonObject &object : nodes) {
        ServerUserAccount account;
        account.login = readString(object.value(QLatin1String("login")), stats);
        account.remoteUserId = readIntegerText(object.value(QLatin1String("remoteUserId")), stats);
        account.profileName = readString(object.value(QLatin1String("profileName")), stats, Nullable::Yes);
        account.remoteCreatedAt = readDate(object.value(QLatin1String("remoteCreatedAt")), stats);
        account.isSiteAdmin = readBool(object.value(QLatin1String("isSiteAdmin")), stats);
        const QJsonObject emails = readObject(object.value(QLatin1String("emails")), stats);
        account.emails = readEmails(emails, stats);
        const PageInfo emailsPageInfo = readPageInfo(emails.value(QLatin1String("pageInfo")), stats);
        const QString id = readString(object.value(QLatin1String("id")), stats);
        if (emailsPageInfo.hasNextPage) {
            moreEmails->append(MoreEmails{installation, int(accounts->size()), id, emailsPageInfo});
        }
        accounts->append(std::move(account));
    }
}

// GraphQL answers come with HTTP 200 and say what failed in `errors`, usually beside data whose root field
// is null (a wrong slug: {"data":{"enterprise":null},"errors":[{"type":"NOT_FOUND",...}]}). Any error
// fails the read: partial data (e.g. installations hidden by SAML SSO) would read as a complete answer.
// The one exception, `mayBeGone`: fields of nodes asked for by id that may have been deleted since they
// were listed. When every error is a NOT_FOUND of such a field (null or left out in data), the fields go to
// `notFound` and the rest of the answer is read.
template<typename T>
bool graphQlData(const QByteArray &json, ReadResult<T> *result, QJsonObject *data, const QStringList &mayBeGone = {},
    QStringList *notFound = nullptr)
{
    QJsonObject top;
    if (!parseTopObject(json, result, &top)) {
        return false;
    }
    const QJsonValue errors = top.value(QLatin1String("errors"));
    const bool failed = errors.isArray() ? !errors.toArray().isEmpty() : !errors.isUndefined() && !errors.isNull();
    if (failed) {
        const QJsonArray list = errors.isArray() ? errors.toArray() : QJsonArray{errors};
        // Nodes asked for by id that are gone (an account deleted since it was listed): GitHub answers
        // the others and names the missing ones' fields in errors of type NOT_FOUND.
        QStringList missing;
        for (const QJsonValue &error : list) {
            const QJsonObject object = error.toObject();
            const QJsonValue field = object.value(QLatin1String("path")).toArray().at(0);
            const QJsonValue answer = top.value(QLatin1String("data")).toObject().value(field.toString());
            if (object.value(QLatin1String("type")).toString() != QLatin1String("NOT_FOUND") || !field.isString() ||
                !mayBeGone.contains(field.toString()) || !(answer.isNull() || answer.isUndefined())) {
                missing.clear();
                break;
            }
            missing.append(field.toString());
        }
        if (notFound && !missing.isEmpty() && top.value(QLatin1String("data")).isObject()) {
            *notFound = missing;
            *data = top.value(QLatin1String("data")).toObject();
            return true;
        }
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

/// The connection @p field of a node asked for by id (`node(id: $id) { ... on T { FIELD } }`); false when the read
/// failed or the node is gone (deleted since it was listed: `gone` is set).
template<typename T>
bool readNodeConnection(const QByteArray &json, const QString &field, ReadResult<T> *result, QJsonObject *connection)
{
    QJsonObject data;
    QStringList notFound;
    if (!graphQlData(json, result, &data, {QStringLiteral("node")}, &notFound)) {
        return false;
    }
    if (notFound.contains(QLatin1String("node"))) {
        result->value.gone = true;
        return false;
    }
    *connection = readObject(
        readObject(data.value(QLatin1String("node")), &result->stats, Nullable::Yes).value(field), &result->stats);
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
            license.githubComName = readString(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("enterprise_server_user_ids")) {
            license.enterpriseServerUserIds = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_user")) {
            license.githubComUser = readBool(value, stats);
        } else if (key == QLatin1String("enterprise_server_user")) {
            license.enterpriseServerUser = readTriState(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("visual_studio_subscription_user")) {
            license.visualStudioSubscriptionUser = readBool(value, stats);
        } else if (key == QLatin1String("license_type")) {
            license.licenseType = readString(value, stats);
        } else if (key == QLatin1String("github_com_profile")) {
            license.githubComProfile = readString(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("github_com_member_roles")) {
            license.githubComMemberRoles = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_enterprise_roles")) {
            license.githubComEnterpriseRoles += readStringList(value, stats);
        } else if (key == QLatin1String("github_com_enterprise_role")) {
            // Legacy singular form seen in GitHub's own examples.
            const QString role = readString(value, stats, Nullable::Yes);
            if (!role.isEmpty() && !license.githubComEnterpriseRoles.contains(role)) {
                license.githubComEnterpriseRoles.append(role);
            }
        } else if (key == QLatin1String("github_com_verified_domain_emails")) {
            license.githubComVerifiedDomainEmails = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_saml_name_id")) {
            license.githubComSamlNameId = readString(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("github_com_orgs_with_pending_invites")) {
            license.githubComOrgsWithPendingInvites = readStringList(value, stats);
        } else if (key == QLatin1String("github_com_two_factor_auth")) {
            license.githubComTwoFactorAuth = readTriState(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("enterprise_server_emails") ||
            key == QLatin1String("enterprise_server_primary_emails")) {
            // The second name is the license report's (CSV) spelling, used by some exports of it.
            license.enterpriseServerEmails = readStringList(value, stats);
        } else if (key == QLatin1String("visual_studio_license_status")) {
            license.visualStudioLicenseStatus = readString(value, stats, Nullable::Yes);
        } else if (key == QLatin1String("visual_studio_subscription_email")) {
            license.visualStudioSubscriptionEmail = readString(value, stats, Nullable::Yes);
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
    const QList<QJsonObject> users =
        readObjects(readArray(top.value(QLatin1String("users")), stats), stats, Nullable::No);
    result.value.users.reserve(users.size());
    for (const QJsonObject &user : users) {
        result.value.users.append(readConsumedLicense(user, stats));
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
    const QList<QJsonObject> servers =
        readObjects(readArray(top.value(QLatin1String("server_instances")), stats), stats, Nullable::No);
    for (const QJsonObject &server : servers) {
        countUnknown(server,
            {QLatin1StringView("server_id"), QLatin1StringView("hostname"), QLatin1StringView("last_sync")}, stats);
        LicenseSyncStatus status;
        status.serverId = readString(server.value(QLatin1String("server_id")), stats);
        status.hostname = readString(server.value(QLatin1String("hostname")), stats);
        // A server that never synced may have no last sync, or one without a date; no error is no error.
        const QJsonObject lastSync = readObject(server.value(QLatin1String("last_sync")), stats, Nullable::Yes);
        status.lastSyncDate = readDate(lastSync.value(QLatin1String("date")), stats, Nullable::Yes);
        status.status = readString(lastSync.value(QLatin1String("status")), stats);
        status.error = readString(lastSync.value(QLatin1String("error")), stats, Nullable::Yes);
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
    // enterprise is null for a wrong slug, ownerInfo for someone who is not an owner (beside an error).
    const QJsonObject enterprise = readObject(data.value(QLatin1String("enterprise")), stats, Nullable::Yes);
    const QJsonObject connection =
        readObject(readObject(enterprise.value(QLatin1String("ownerInfo")), stats, Nullable::Yes)
                       .value(QLatin1String("enterpriseServerInstallations")),
            stats);
    result.value.pageInfo = readPageInfo(connection.value(QLatin1String("pageInfo")), stats);
    for (const QJsonObject &node : readNodes(connection, stats)) {
        EnterpriseServerInstallation installation;
        installation.id = readString(node.value(QLatin1String("id")), stats);
        installation.hostName = readString(node.value(QLatin1String("hostName")), stats);
        installation.customerName = readString(node.value(QLatin1String("customerName")), stats);
        installation.isConnected = readBool(node.value(QLatin1String("isConnected")), stats);
        installation.createdAt = readDate(node.value(QLatin1String("createdAt")), stats);
        installation.updatedAt = readDate(node.value(QLatin1String("updatedAt")), stats);
        const QJsonObject uploads = readObject(node.value(QLatin1String("userAccountsUploads")), stats);
        installation.uploads = readUploads(uploads, stats);
        result.value.uploadsPageInfo.append(readPageInfo(uploads.value(QLatin1String("pageInfo")), stats));
        const QJsonObject accounts = readObject(node.value(QLatin1String("userAccounts")), stats);
        installation.userAccountsTotal = readInt(accounts.value(QLatin1String("totalCount")), stats);
        readUserAccounts(accounts, int(result.value.installations.size()), &installation.userAccounts,
            &result.value.moreEmails, stats);
        result.value.userAccountsPageInfo.append(readPageInfo(accounts.value(QLatin1String("pageInfo")), stats));
        result.value.installations.append(installation);
    }
    return result;
}

ReadResult<UserAccountsPage> readUserAccountsPage(const QByteArray &json)
{
    ReadResult<UserAccountsPage> result;
    QJsonObject accounts;
    if (!readNodeConnection(json, QStringLiteral("userAccounts"), &result, &accounts)) {
        return result;
    }
    ReadStats *stats = &result.stats;
    result.value.totalCount = readInt(accounts.value(QLatin1String("totalCount")), stats);
    result.value.pageInfo = readPageInfo(accounts.value(QLatin1String("pageInfo")), stats);
    readUserAccounts(accounts, 0, &result.value.userAccounts, &result.value.moreEmails, stats);
    return result;
}

void sortNewestFirst(QList<UserAccountsUpload> *uploads)
{
    std::stable_sort(uploads->begin(), uploads->end(),
        [](const UserAccountsUpload &a, const UserAccountsUpload &b) { return a.createdAt > b.createdAt; });
}

ReadResult<UserAccountsUploadsPage> readUserAccountsUploadsPage(const QByteArray &json)
{
    ReadResult<UserAccountsUploadsPage> result;
    QJsonObject uploads;
    if (readNodeConnection(json, QStringLiteral("userAccountsUploads"), &result, &uploads)) {
        result.value.uploads = readUploads(uploads, &result.stats);
        result.value.pageInfo = readPageInfo(uploads.value(QLatin1String("pageInfo")), &result.stats);
    }
    return result;
}

namespace {
UserAccountEmailsPage readEmailsPageOf(const QJsonObject &data, const QString &alias, ReadStats *stats)
{
    const QJsonObject emails =
        readObject(readObject(data.value(alias), stats, Nullable::Yes).value(QLatin1String("emails")), stats);
    return UserAccountEmailsPage{
        readEmails(emails, stats), readPageInfo(emails.value(QLatin1String("pageInfo")), stats)};
}
} // namespace

ReadResult<UserAccountEmailsPage> readUserAccountEmailsPage(const QByteArray &json)
{
    ReadResult<UserAccountEmailsPage> result;
    QJsonObject data;
    if (graphQlData(json, &result, &data)) {
        result.value = readEmailsPageOf(data, QStringLiteral("node"), &result.stats);
    }
    return result;
}

ReadResult<QList<UserAccountEmailsPage>> readUserAccountEmailsPages(const QByteArray &json, const QStringList &aliases)
{
    ReadResult<QList<UserAccountEmailsPage>> result;
    QJsonObject data;
    QStringList notFound;
    if (!graphQlData(json, &result, &data, aliases, &notFound)) {
        return result;
    }
    result.value.reserve(aliases.size());
    for (const QString &alias : aliases) {
        if (notFound.contains(alias)) {
            UserAccountEmailsPage gone;
            gone.gone = true;
            result.value.append(gone);
        } else {
            result.value.append(readEmailsPageOf(data, alias, &result.stats));
        }
    }
    return result;
}

bool isGraphQlRateLimited(const QByteArray &json)
{
    if (!json.contains("RATE_LIMIT")) {
        return false; // the common case, without parsing
    }
    const QJsonArray errors = QJsonDocument::fromJson(json).object().value(QLatin1String("errors")).toArray();
    return std::any_of(errors.cbegin(), errors.cend(), [](const QJsonValue &error) {
        const QString type = error.toObject().value(QLatin1String("type")).toString();
        return type == QLatin1String("RATE_LIMITED") || type == QLatin1String("RATE_LIMIT");
    });
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

QJsonObject pageInfoToJson(const PageInfo &pageInfo)
{
    return QJsonObject{{QLatin1String("hasNextPage"), pageInfo.hasNextPage},
        {QLatin1String("endCursor"), stringOrNull(pageInfo.endCursor)}};
}

QJsonObject userAccountToJson(const ServerUserAccount &account, const QString &id, const PageInfo &emailsPageInfo)
{
    QJsonArray emails;
    for (const ServerUserEmail &email : account.emails) {
        emails.append(
            QJsonObject{{QLatin1String("email"), email.email}, {QLatin1String("isPrimary"), email.isPrimary}});
    }
    QJsonObject object;
    if (!id.isEmpty()) {
        object.insert(QLatin1String("id"), id);
    }
    object.insert(QLatin1String("login"), account.login);
    object.insert(QLatin1String("remoteUserId"), account.remoteUserId.toLongLong()); // GraphQL Int!
    object.insert(QLatin1String("isSiteAdmin"), account.isSiteAdmin);
    object.insert(QLatin1String("profileName"), stringOrNull(account.profileName));
    object.insert(QLatin1String("remoteCreatedAt"), formatGitHubDate(account.remoteCreatedAt));
    object.insert(QLatin1String("emails"),
        QJsonObject{{QLatin1String("nodes"), emails}, {QLatin1String("pageInfo"), pageInfoToJson(emailsPageInfo)}});
    return object;
}

QJsonObject uploadsToJson(const QList<UserAccountsUpload> &uploads, const PageInfo &pageInfo)
{
    QJsonArray nodes;
    for (const UserAccountsUpload &upload : uploads) {
        nodes.append(QJsonObject{{QLatin1String("name"), upload.name},
            {QLatin1String("syncState"), syncStateName(upload.syncState)},
            {QLatin1String("createdAt"), formatGitHubDate(upload.createdAt)},
            {QLatin1String("updatedAt"), formatGitHubDate(upload.updatedAt)}});
    }
    return QJsonObject{{QLatin1String("nodes"), nodes}, {QLatin1String("pageInfo"), pageInfoToJson(pageInfo)}};
}

QJsonObject installationToJson(const EnterpriseServerInstallation &installation, const PageInfo &userAccountsPageInfo,
    const PageInfo &uploadsPageInfo)
{
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
    object.insert(QLatin1String("userAccountsUploads"), uploadsToJson(installation.uploads, uploadsPageInfo));
    object.insert(QLatin1String("userAccounts"),
        QJsonObject{{QLatin1String("nodes"), accounts}, {QLatin1String("totalCount"), installation.userAccountsTotal},
            {QLatin1String("pageInfo"), pageInfoToJson(userAccountsPageInfo)}});
    return object;
}
} // namespace GitHubJson
} // namespace Glc
