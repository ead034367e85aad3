// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/githubjson.h"
#include "github/consumedlicensesjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>
#include <limits>

#include <limits>
#include <tuple>

// JSON written as tokens (moc does not read raw string literals with quotes).
#define GLC_JSON(...) QByteArray(#__VA_ARGS__)

using namespace Glc;
using namespace Glc::GitHubJson;

namespace {
/// @p node with the value at @p path ("a/0/b") replaced.
QJsonValue replaced(const QJsonValue &node, QStringList path, const QJsonValue &value)
{
    if (path.isEmpty()) {
        return value;
    }
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        array[key.toInt()] = replaced(array.at(key.toInt()), path, value);
        return array;
    }
    QJsonObject object = node.toObject();
    object[key] = replaced(object.value(key), path, value);
    return object;
}

/// @p node without the value at @p path (a key removed, or an entry of a list).
QJsonValue removed(const QJsonValue &node, QStringList path)
{
    const QString key = path.takeFirst();
    if (node.isArray()) {
        QJsonArray array = node.toArray();
        if (path.isEmpty()) {
            array.removeAt(key.toInt());
        } else {
            array[key.toInt()] = removed(array.at(key.toInt()), path);
        }
        return array;
    }
    QJsonObject object = node.toObject();
    if (path.isEmpty()) {
        object.remove(key);
    } else {
        object[key] = removed(object.value(key), path);
    }
    return object;
}

QJsonValue valueAt(const QJsonValue &node, const QStringList &path)
{
    QJsonValue value = node;
    for (const QString &key : path) {
        value = value.isArray() ? value.toArray().at(key.toInt()) : value.toObject().value(key);
    }
    return value;
}

/// Every path in @p node ("users/0/github_com_login"), parents before their children.
void collectPaths(const QJsonValue &node, const QStringList &prefix, QList<QStringList> *paths)
{
    if (node.isObject()) {
        const QJsonObject object = node.toObject();
        for (auto it = object.constBegin(); it != object.constEnd(); ++it) {
            const QStringList path = prefix + QStringList{it.key()};
            paths->append(path);
            collectPaths(it.value(), path, paths);
        }
    } else if (node.isArray()) {
        const QJsonArray array = node.toArray();
        for (int i = 0; i < array.size(); ++i) {
            const QStringList path = prefix + QStringList{QString::number(i)};
            paths->append(path);
            collectPaths(array.at(i), path, paths);
        }
    }
}

/// The paths of @p object with every list entry as entry 0.
QSet<QString> pathSet(const QJsonObject &object)
{
    QList<QStringList> paths;
    collectPaths(object, {}, &paths);
    QSet<QString> set;
    for (QStringList path : std::as_const(paths)) {
        for (QString &key : path) {
            bool index = false;
            key.toInt(&index);
            if (index) {
                key = QStringLiteral("0");
            }
        }
        set.insert(path.join(QLatin1Char('/')));
    }
    return set;
}

/// Where GitHub declares null a value of the field (REST "string|null", a nullable GraphQL type): null there
/// gives the default without being counted. Anywhere else null is a wrong type.
bool isNullable(const QStringList &path)
{
    bool index = false;
    path.last().toInt(&index);
    if (index) {
        return path.value(path.size() - 2) == QLatin1String("nodes"); // GraphQL lists of nullable nodes
    }
    static const QSet<QString> nullable = {// consumed-licenses
        QStringLiteral("github_com_name"), QStringLiteral("enterprise_server_user"),
        QStringLiteral("github_com_profile"), QStringLiteral("github_com_saml_name_id"),
        QStringLiteral("github_com_two_factor_auth"), QStringLiteral("visual_studio_license_status"),
        QStringLiteral("visual_studio_subscription_email"), QStringLiteral("github_com_enterprise_role"),
        // license-sync-status: a server that never synced, a sync without an error
        QStringLiteral("last_sync"), QStringLiteral("date"), QStringLiteral("error"),
        // GraphQL
        QStringLiteral("enterprise"), QStringLiteral("ownerInfo"), QStringLiteral("node"), QStringLiteral("nodes"),
        QStringLiteral("endCursor"), QStringLiteral("profileName")};
    return nullable.contains(path.last());
}

struct ReaderSample
{
    const char *reader;
    QByteArray json; ///< every field the reader reads, each with a value other than its default
};

const QList<ReaderSample> &readerSamples()
{
    static const QList<ReaderSample> samples = {
        {"consumed", GLC_JSON({
             "total_seats_consumed": 2,
             "total_seats_purchased": 10,
             "users": [{
                 "github_com_login": "monalisa",
                 "github_com_name": "Mona",
                 "enterprise_server_user_ids": ["ghes.example.com:42"],
                 "github_com_user": true,
                 "enterprise_server_user": true,
                 "visual_studio_subscription_user": true,
                 "license_type": "enterprise",
                 "github_com_profile": "https://github.com/monalisa",
                 "github_com_member_roles": ["octo:Owner"],
                 "github_com_enterprise_roles": ["owner"],
                 "github_com_verified_domain_emails": ["mona@example.com"],
                 "github_com_saml_name_id": "mona",
                 "github_com_orgs_with_pending_invites": ["octo-2"],
                 "github_com_two_factor_auth": true,
                 "enterprise_server_emails": ["mona@example.com"],
                 "visual_studio_license_status": "matched",
                 "visual_studio_subscription_email": "mona@vs.example.com",
                 "total_user_accounts": 2
             }]
         })},
        {"consumed, legacy names", GLC_JSON({
             "users": [{
                 "github_com_login": "octo",
                 "github_com_enterprise_role": "owner",
                 "enterprise_server_primary_emails": ["octo@example.com"]
             }]
         })},
        {"sync", GLC_JSON({
             "server_instances": [{
                 "server_id": "u-1",
                 "hostname": "ghes.local",
                 "last_sync": {"date": "2026-01-02T03:04:05Z", "status": "failure", "error": "boom"}
             }]
         })},
        {"license", GLC_JSON({
             "seats": 100,
             "seats_used": 12,
             "seats_available": 88,
             "kind": "standard",
             "days_until_expiration": 30,
             "expire_at": "2026-02-01T07:59:59Z"
         })},
        {"meta", GLC_JSON({"installed_version": "3.15.2"})},
        {"installations", GLC_JSON({
             "data": {
                 "enterprise": {
                     "ownerInfo": {
                         "enterpriseServerInstallations": {
                             "nodes": [{
                                 "id": "ESI_1",
                                 "hostName": "ghes.local",
                                 "customerName": "Octo Corp",
                                 "isConnected": true,
                                 "createdAt": "2025-01-01T00:00:00Z",
                                 "updatedAt": "2025-02-01T00:00:00Z",
                                 "userAccountsUploads": {
                                     "nodes": [{
                                         "name": "f.json",
                                         "syncState": "SUCCESS",
                                         "createdAt": "2025-03-01T00:00:00Z",
                                         "updatedAt": "2025-03-02T00:00:00Z"
                                     }],
                                     "pageInfo": {"hasNextPage": true, "endCursor": "u1"}
                                 },
                                 "userAccounts": {
                                     "totalCount": 7,
                                     "nodes": [{
                                         "id": "ESUA_1",
                                         "login": "u",
                                         "remoteUserId": 7,
                                         "isSiteAdmin": true,
                                         "profileName": "U Ser",
                                         "remoteCreatedAt": "2024-06-01T00:00:00Z",
                                         "emails": {
                                             "nodes": [{"email": "u@x", "isPrimary": true}],
                                             "pageInfo": {"hasNextPage": true, "endCursor": "e1"}
                                         }
                                     }],
                                     "pageInfo": {"hasNextPage": true, "endCursor": "a1"}
                                 }
                             }],
                             "pageInfo": {"hasNextPage": true, "endCursor": "i1"}
                         }
                     }
                 }
             }
         })},
        {"accounts", GLC_JSON({
             "data": {
                 "node": {
                     "userAccounts": {
                         "totalCount": 7,
                         "nodes": [{
                             "id": "ESUA_2",
                             "login": "v",
                             "remoteUserId": 8,
                             "isSiteAdmin": true,
                             "profileName": "V Ser",
                             "remoteCreatedAt": "2024-06-02T00:00:00Z",
                             "emails": {
                                 "nodes": [{"email": "v@x", "isPrimary": true}],
                                 "pageInfo": {"hasNextPage": true, "endCursor": "e2"}
                             }
                         }],
                         "pageInfo": {"hasNextPage": true, "endCursor": "a2"}
                     }
                 }
             }
         })},
        {"uploads", GLC_JSON({
             "data": {
                 "node": {
                     "userAccountsUploads": {
                         "nodes": [{
                             "name": "g.json",
                             "syncState": "FAILURE",
                             "createdAt": "2025-02-01T00:00:00Z",
                             "updatedAt": "2025-02-02T00:00:00Z"
                         }],
                         "pageInfo": {"hasNextPage": true, "endCursor": "u2"}
                     }
                 }
             }
         })},
        {"emails", GLC_JSON({
             "data": {
                 "node": {
                     "emails": {
                         "nodes": [{"email": "w@x", "isPrimary": true}],
                         "pageInfo": {"hasNextPage": true, "endCursor": "e3"}
                     }
                 }
             }
         })},
    };
    return samples;
}

QJsonObject sampleDocument(const QString &reader)
{
    for (const ReaderSample &sample : readerSamples()) {
        if (reader == QLatin1String(sample.reader)) {
            return QJsonDocument::fromJson(sample.json).object();
        }
    }
    return {};
}

struct WrongValue
{
    const char *kind;
    QJsonValue value;
};

/// One value of each JSON type ("" too: GitHub sends it for bools).
const QList<WrongValue> &wrongValues()
{
    static const QList<WrongValue> values = {{"string", QStringLiteral("x")}, {"empty string", QStringLiteral("")},
        {"number", 7}, {"bool", true}, {"null", QJsonValue()}, {"array", QJsonArray{QStringLiteral("x")}},
        {"object", QJsonObject{{QStringLiteral("x"), 1}}}};
    return values;
}

/// The sample of @p reader with the value at @p pathText replaced as @p kind says reads like the sample
/// without that value (the field gets its default, every other field is read) and counts one more
/// tolerated value (none for a null the field may have); a date in GHES's format reads like the sample.
template<typename T>
void checkWrongType(
    ReadResult<T> (*read)(const QByteArray &), const QString &reader, const QString &pathText, const QString &kind)
{
    const QJsonObject document = sampleDocument(reader);
    const QStringList path = pathText.split(QLatin1Char('/'));
    QJsonValue wrong;
    if (kind == QLatin1String("not a date")) {
        wrong = QStringLiteral("last tuesday");
    } else if (kind == QLatin1String("GHES date")) {
        const QDateTime date = GitHubJson::parseGitHubDate(valueAt(document, path).toString());
        wrong = QString(
            date.toOffsetFromUtc(-8 * 3600).toString(QStringLiteral("yyyy/MM/dd HH:mm:ss")) + QLatin1String(" -0800"));
    } else {
        for (const WrongValue &value : wrongValues()) {
            if (kind == QLatin1String(value.kind)) {
                wrong = value.value;
            }
        }
    }
    const QByteArray json = QJsonDocument(replaced(document, path, wrong).toObject()).toJson(QJsonDocument::Compact);
    const auto withWrong = read(json);
    QVERIFY2(withWrong.ok(), json.constData());
    if (kind == QLatin1String("GHES date")) {
        const auto full = read(QJsonDocument(document).toJson());
        QVERIFY2(withWrong.value == full.value, json.constData());
        QCOMPARE(withWrong.stats, full.stats);
        return;
    }
    const auto without = read(QJsonDocument(removed(document, path).toObject()).toJson());
    QVERIFY(without.ok());
    QVERIFY2(withWrong.value == without.value, json.constData());
    const bool mayBeNull = wrong.isNull() && isNullable(path);
    QCOMPARE(withWrong.stats.toleratedValues, without.stats.toleratedValues + (mayBeNull ? 0 : 1));
    QCOMPARE(withWrong.stats.unknownFields, without.stats.unknownFields);
}

/// One connected installation with one upload in `state` and one account.
EnterpriseServerInstallation sampleInstallation(UploadSyncState state)
{
    EnterpriseServerInstallation installation;
    installation.id = QStringLiteral("ESI_1");
    installation.hostName = QStringLiteral("ghes.local");
    installation.isConnected = true;
    installation.createdAt = QDateTime(QDate(2025, 1, 1), QTime(0, 0), QTimeZone::UTC);
    installation.updatedAt = installation.createdAt;
    installation.uploads = {
        UserAccountsUpload{QStringLiteral("f.json"), state, installation.createdAt, installation.createdAt}};
    installation.userAccounts = {ServerUserAccount{QStringLiteral("u"), QStringLiteral("7"), QString(),
        installation.createdAt, true, {ServerUserEmail{QStringLiteral("u@x"), true}}}};
    installation.userAccountsTotal = 1;
    return installation;
}

QByteArray installationsPage()
{
    const EnterpriseServerInstallation installation = sampleInstallation(UploadSyncState::Success);
    const QJsonObject connection{{QStringLiteral("nodes"), QJsonArray{installationToJson(installation, {})}},
        {QStringLiteral("pageInfo"),
            QJsonObject{{QStringLiteral("hasNextPage"), false}, {QStringLiteral("endCursor"), QJsonValue()}}}};
    const QJsonObject data{{QStringLiteral("enterprise"),
        QJsonObject{{QStringLiteral("ownerInfo"),
            QJsonObject{{QStringLiteral("enterpriseServerInstallations"), connection}}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson();
}
} // namespace

class GitHubJsonTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldReadLinkHeaders()
    {
        const auto links = Glc::ConsumedLicensesJob::parseLinkHeader(
            "<https://api.github.com/enterprises/e/consumed-licenses?per_page=100&page=2>; rel=\"next\", "
            "<https://api.github.com/enterprises/e/consumed-licenses?per_page=100&page=1000>;rel=\"last\"");
        QCOMPARE(links.size(), 2);
        QCOMPARE(links.value("next").query(), QStringLiteral("per_page=100&page=2"));
        QCOMPARE(links.value("last").query(), QStringLiteral("per_page=100&page=1000"));
        QVERIFY(Glc::ConsumedLicensesJob::parseLinkHeader({}).isEmpty());
        QVERIFY(Glc::ConsumedLicensesJob::parseLinkHeader("https://example.com; rel=next").isEmpty());
    }

    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldReadGitHubsExampleUser()
    {
        const QByteArray json = GLC_JSON({
            "total_seats_consumed": 2,
            "total_seats_purchased": 10,
            "users": [
                {
                    "github_com_login": "monalisa",
                    "github_com_name": "Mona",
                    "enterprise_server_user_ids": ["ghes.example.com:42"],
                    "github_com_user": true,
                    "enterprise_server_user": true,
                    "visual_studio_subscription_user": false,
                    "license_type": "enterprise",
                    "github_com_profile": "https://github.com/monalisa",
                    "github_com_member_roles": ["octo:Owner"],
                    "github_com_enterprise_role": "owner",
                    "github_com_verified_domain_emails": ["mona@example.com"],
                    "github_com_saml_name_id": "mona",
                    "github_com_orgs_with_pending_invites": [],
                    "github_com_two_factor_auth": "",
                    "enterprise_server_emails": ["mona@example.com"],
                    "visual_studio_license_status": "",
                    "visual_studio_subscription_email": "",
                    "total_user_accounts": 2,
                    "brand_new_field": 1
                },
                {"github_com_login": "", "enterprise_server_user_ids": ["a:1", "b:2"]}
            ]
        });
        const auto result = readConsumedLicenses(json);
        QVERIFY(result.ok());
        QCOMPARE(result.value.totalSeatsConsumed, 2);
        QCOMPARE(result.value.totalSeatsPurchased, 10);
        QCOMPARE(result.value.users.size(), 2);
        const ConsumedLicense &mona = result.value.users.at(0);
        QCOMPARE(mona.githubComLogin, QStringLiteral("monalisa"));
        QCOMPARE(mona.githubComEnterpriseRoles, QStringList{QStringLiteral("owner")});
        QCOMPARE(mona.githubComTwoFactorAuth, TriState::Unknown);
        QCOMPARE(mona.enterpriseServerUser, TriState::Yes);
        QCOMPARE(mona.totalUserAccounts, 2);
        QCOMPARE(result.stats.toleratedValues, 1); // "" for the 2FA bool
        QCOMPARE(result.stats.unknownFields, 1);
        QVERIFY(result.value.users.at(1).isServerOnly());
        QCOMPARE(result.value.users.at(1).serverHosts(), (QStringList{QStringLiteral("a"), QStringLiteral("b")}));
    }

    void shouldFailOnlyWhenTopLevelIsWrong_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("error");
        QTest::newRow("array") << QByteArray("[]") << int(ReadError::WrongShape);
        QTest::newRow("truncated") << QByteArray("{\"users\":[{\"github_com_login\":\"a\"") << int(ReadError::NotJson);
        QTest::newRow("html") << QByteArray("<html></html>") << int(ReadError::NotJson);
        QTest::newRow("empty object") << QByteArray("{}") << int(ReadError::None);
        QTest::newRow("users not array") << QByteArray(GLC_JSON({"users": "x"})) << int(ReadError::None);
    }

    void shouldFailOnlyWhenTopLevelIsWrong()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, error);
        QCOMPARE(int(readConsumedLicenses(json).error), error);
    }

    void shouldRoundTripConsumedLicenses()
    {
        ConsumedLicense user;
        user.githubComLogin = QStringLiteral("octo");
        user.enterpriseServerUserIds = {QStringLiteral("h:1")};
        user.githubComTwoFactorAuth = TriState::No;
        user.githubComUser = true;
        user.totalUserAccounts = 3;
        user.githubComEnterpriseRoles = {QStringLiteral("owner")};
        const auto result = readConsumedLicenses(writeConsumedLicenses(1, 5, {user}));
        QVERIFY(result.ok());
        QCOMPARE(result.stats.toleratedValues, 0);
        QCOMPARE(result.stats.unknownFields, 0);
        QCOMPARE(result.value.users.value(0), user);
    }

    void shouldReadSyncStatus()
    {
        const QByteArray json = GLC_JSON({
            "server_instances": [
                {
                    "server_id": "u-1",
                    "hostname": "ghes.local",
                    "last_sync": {"date": "2026-01-02T03:04:05Z", "status": "success", "error": ""}
                },
                {"server_id": "u-2", "hostname": "b", "last_sync": null}
            ]
        });
        const auto result = readLicenseSyncStatus(json);
        QVERIFY(result.ok());
        QCOMPARE(result.value.size(), 2);
        QVERIFY(result.value.at(0).isSuccess());
        QCOMPARE(result.value.at(0).lastSyncDate, QDateTime(QDate(2026, 1, 2), QTime(3, 4, 5), QTimeZone::UTC));
        QVERIFY(!result.value.at(1).lastSyncDate.isValid());
        QCOMPARE(readLicenseSyncStatus(writeLicenseSyncStatus(result.value)).value, result.value);
    }

    void shouldReadServerLicense_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("seats");
        QTest::addColumn<QDateTime>("expireAt");
        const QDateTime expected(QDate(2026, 2, 1), QTime(7, 59, 59), QTimeZone::UTC);
        QTest::newRow("unlimited, slash date") << QByteArray(GLC_JSON({
            "seats": "unlimited",
            "seats_used": 12,
            "seats_available": "unlimited",
            "kind": "standard",
            "days_until_expiration": 30,
            "expire_at": "2026/01/31 23:59:59 -0800"
        })) << -1 << expected;
        QTest::newRow("numbers, iso date") << QByteArray(GLC_JSON({
            "seats": 100,
            "seats_used": 12,
            "seats_available": 88,
            "kind": "evaluation",
            "days_until_expiration": 30,
            "expire_at": "2026-02-01T07:59:59Z"
        })) << 100 << expected;
    }

    void shouldReadServerLicense()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, seats);
        QFETCH(QDateTime, expireAt);
        const auto result = readServerLicense(json);
        QVERIFY(result.ok());
        QCOMPARE(result.value.seats.value_or(-1), seats);
        QCOMPARE(result.value.seatsUsed, 12);
        QCOMPARE(result.value.expireAt, expireAt);
        QCOMPARE(result.value.daysUntilExpiration, 30);
        QCOMPARE(readServerLicense(writeServerLicense(result.value)).value, result.value);
    }

    void shouldReadMeta()
    {
        QCOMPARE(readMetaInstalledVersion(GLC_JSON({"installed_version": "3.15.2", "hooks": []})).value,
            QStringLiteral("3.15.2"));
    }

    void shouldGiveEveryWrongTypedFieldItsDefault_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QString>("kind");
        // Every path of each reader's complete sample (every field it reads, see
        // shouldHaveSamplesWithEveryFieldTheReadersRead), with every JSON type it is not declared as.
        for (const ReaderSample &sample : readerSamples()) {
            const QJsonObject document = QJsonDocument::fromJson(sample.json).object();
            QList<QStringList> paths;
            collectPaths(document, {}, &paths);
            for (const QStringList &path : std::as_const(paths)) {
                if (path == QStringList{QStringLiteral("data")}) {
                    continue; // GraphQL's top level: a read fails without it (shouldReadGraphQlWithoutErrors)
                }
                const QJsonValue declared = valueAt(document, path);
                for (const WrongValue &wrong : wrongValues()) {
                    if (wrong.value.type() != declared.type()) {
                        QTest::addRow("%s %s=%s", sample.reader, qPrintable(path.join(QLatin1Char('/'))), wrong.kind)
                            << QString::fromLatin1(sample.reader) << path.join(QLatin1Char('/'))
                            << QString::fromLatin1(wrong.kind);
                    }
                }
                if (declared.isString() && GitHubJson::parseGitHubDate(declared.toString()).isValid()) {
                    for (const char *kind : {"not a date", "GHES date"}) {
                        QTest::addRow("%s %s=%s", sample.reader, qPrintable(path.join(QLatin1Char('/'))), kind)
                            << QString::fromLatin1(sample.reader) << path.join(QLatin1Char('/'))
                            << QString::fromLatin1(kind);
                    }
                }
            }
        }
    }

    void shouldGiveEveryWrongTypedFieldItsDefault()
    {
        QFETCH(QString, reader);
        QFETCH(QString, path);
        QFETCH(QString, kind);
        if (reader == QLatin1String("consumed") || reader == QLatin1String("consumed, legacy names")) {
            checkWrongType(readConsumedLicenses, reader, path, kind);
        } else if (reader == QLatin1String("sync")) {
            checkWrongType(readLicenseSyncStatus, reader, path, kind);
        } else if (reader == QLatin1String("license")) {
            checkWrongType(readServerLicense, reader, path, kind);
        } else if (reader == QLatin1String("meta")) {
            checkWrongType(readMetaInstalledVersion, reader, path, kind);
        } else if (reader == QLatin1String("installations")) {
            checkWrongType(readInstallationsPage, reader, path, kind);
        } else if (reader == QLatin1String("accounts")) {
            checkWrongType(readUserAccountsPage, reader, path, kind);
        } else if (reader == QLatin1String("uploads")) {
            checkWrongType(readUserAccountsUploadsPage, reader, path, kind);
        } else if (reader == QLatin1String("emails")) {
            checkWrongType(readUserAccountEmailsPage, reader, path, kind);
        } else {
            QFAIL("unknown reader");
        }
    }

    void shouldHaveSamplesWithEveryFieldTheReadersRead()
    {
        // The samples are complete: read without anything forgiven, and every value in them is read (without it
        // the result differs), so each row above tests a field the reader reads.
        auto check = [](auto read, const QByteArray &json) {
            const auto full = read(json);
            QVERIFY(full.ok());
            QCOMPARE(full.stats, ReadStats());
            const QJsonObject document = QJsonDocument::fromJson(json).object();
            QList<QStringList> paths;
            collectPaths(document, {}, &paths);
            for (const QStringList &path : std::as_const(paths)) {
                const auto without = read(QJsonDocument(removed(document, path).toObject()).toJson());
                QVERIFY2(!(without.value == full.value),
                    qPrintable(path.join(QLatin1Char('/')) + QLatin1String(" is not read")));
            }
        };
        for (const ReaderSample &sample : readerSamples()) {
            const QLatin1String reader(sample.reader);
            if (reader == QLatin1String("consumed") || reader == QLatin1String("consumed, legacy names")) {
                check(readConsumedLicenses, sample.json);
            } else if (reader == QLatin1String("sync")) {
                check(readLicenseSyncStatus, sample.json);
            } else if (reader == QLatin1String("license")) {
                check(readServerLicense, sample.json);
            } else if (reader == QLatin1String("meta")) {
                check(readMetaInstalledVersion, sample.json);
            } else if (reader == QLatin1String("installations")) {
                check(readInstallationsPage, sample.json);
            } else if (reader == QLatin1String("accounts")) {
                check(readUserAccountsPage, sample.json);
            } else if (reader == QLatin1String("uploads")) {
                check(readUserAccountsUploadsPage, sample.json);
            } else if (reader == QLatin1String("emails")) {
                check(readUserAccountEmailsPage, sample.json);
            }
            if (QTest::currentTestFailed()) {
                qWarning() << "in the sample of" << reader;
                return;
            }
        }
        // And they hold every field of GitHub's shapes as the writers write them (the readers' counterparts).
        ConsumedLicense user;
        user.githubComName = QStringLiteral("n");
        const EnterpriseServerInstallation installation = sampleInstallation(UploadSyncState::Success);
        QJsonObject node = installationToJson(installation, {true, QStringLiteral("a")}, {true, QStringLiteral("u")});
        QJsonObject accounts = node.value(QLatin1String("userAccounts")).toObject();
        accounts.insert(QStringLiteral("nodes"),
            QJsonArray{userAccountToJson(installation.userAccounts.first(), QStringLiteral("ESUA_1"), {})});
        node.insert(QStringLiteral("userAccounts"), accounts);
        const QJsonObject installations{{QStringLiteral("data"),
            QJsonObject{{QStringLiteral("enterprise"),
                QJsonObject{{QStringLiteral("ownerInfo"),
                    QJsonObject{{QStringLiteral("enterpriseServerInstallations"),
                        QJsonObject{{QStringLiteral("nodes"), QJsonArray{node}},
                            {QStringLiteral("pageInfo"), pageInfoToJson({})}}}}}}}}}};
        ServerLicenseInfo license;
        license.seats = 1;
        const struct
        {
            const char *reader;
            QJsonObject written;
        } shapes[] = {
            {"consumed", QJsonDocument::fromJson(writeConsumedLicenses(1, 2, {user})).object()},
            {"sync",
                QJsonDocument::fromJson(writeLicenseSyncStatus({LicenseSyncStatus{QStringLiteral("u"),
                                            QStringLiteral("h"), QDateTime::currentDateTimeUtc(), {}, {}, {}}}))
                    .object()},
            {"license", QJsonDocument::fromJson(writeServerLicense(license)).object()},
            {"installations", installations},
        };
        for (const auto &shape : shapes) {
            const QSet<QString> sample = pathSet(sampleDocument(QLatin1String(shape.reader)));
            for (const QString &path : pathSet(shape.written)) {
                QVERIFY2(sample.contains(path), qPrintable(QLatin1String(shape.reader) + QLatin1Char(' ') + path));
            }
        }
    }

    void shouldKeepWhatACoercibleValueSaysAndCountIt()
    {
        const auto result = readConsumedLicenses(GLC_JSON({
            "total_seats_consumed": "12",
            "users": [{"github_com_user": "true", "enterprise_server_user": "false", "total_user_accounts": " 3 "}]
        }));
        QVERIFY(result.ok());
        QCOMPARE(result.value.totalSeatsConsumed, 12);
        QVERIFY(result.value.users.value(0).githubComUser);
        QCOMPARE(result.value.users.value(0).enterpriseServerUser, TriState::No);
        QCOMPARE(result.value.users.value(0).totalUserAccounts, 3);
        QCOMPARE(result.stats.toleratedValues, 4);
        const auto license = readServerLicense(GLC_JSON({"seats": "250", "seats_available": "UNLIMITED"}));
        QCOMPARE(license.value.seats.value_or(-1), 250);
        QVERIFY(!license.value.seatsAvailable); // "unlimited" is a value of the field, not a coercion
        QCOMPARE(license.stats.toleratedValues, 1);
        // GitHub declares remoteUserId an Int; a numeric string says the same.
        QByteArray page = installationsPage();
        QVERIFY(page.contains("\"remoteUserId\": 7"));
        const auto installations =
            readInstallationsPage(page.replace("\"remoteUserId\": 7", "\"remoteUserId\": \"7\""));
        QCOMPARE(installations.value.installations.value(0).userAccounts.value(0).remoteUserId, QStringLiteral("7"));
        QCOMPARE(installations.stats.toleratedValues, 1);
    }

    void shouldBoundNumbersNoIntHolds()
    {
        // Three billion seats, a fraction and a huge negative count: the nearest int, each one counted.
        const auto result = readConsumedLicenses(GLC_JSON({
            "total_seats_consumed": 3000000000,
            "total_seats_purchased": 12.7,
            "users": [{"github_com_login": "a", "total_user_accounts": -1e300}]
        }));
        QVERIFY(result.ok());
        QCOMPARE(result.value.totalSeatsConsumed, std::numeric_limits<int>::max());
        QCOMPARE(result.value.totalSeatsPurchased, 12);
        QCOMPARE(result.value.users.value(0).totalUserAccounts, std::numeric_limits<int>::lowest());
        QCOMPARE(result.stats.toleratedValues, 3);
        // An id past what a qint64 holds is not converted (undefined), but dropped and counted.
        QByteArray page = installationsPage();
        const auto installations = readInstallationsPage(page.replace("\"remoteUserId\": 7", "\"remoteUserId\": 1e30"));
        QVERIFY(installations.value.installations.value(0).userAccounts.value(0).remoteUserId.isEmpty());
        QCOMPARE(installations.stats.toleratedValues, 1);
    }

    void shouldReadInstallationsAndGraphQlErrors()
    {
        const EnterpriseServerInstallation installation = sampleInstallation(UploadSyncState::Pending);
        QJsonObject connection{{QStringLiteral("nodes"), QJsonArray{installationToJson(installation, {})}},
            {QStringLiteral("pageInfo"),
                QJsonObject{
                    {QStringLiteral("hasNextPage"), true}, {QStringLiteral("endCursor"), QStringLiteral("c1")}}}};
        QJsonObject data{{QStringLiteral("enterprise"),
            QJsonObject{{QStringLiteral("ownerInfo"),
                QJsonObject{{QStringLiteral("enterpriseServerInstallations"), connection}}}}}};
        const auto result = readInstallationsPage(QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson());
        QVERIFY(result.ok());
        QCOMPARE(result.value.installations.value(0), installation);
        QVERIFY(result.value.pageInfo.hasNextPage);
        QCOMPARE(result.value.pageInfo.endCursor, QStringLiteral("c1"));

        const auto failed =
            readInstallationsPage(GLC_JSON({"errors": [{"type": "NOT_FOUND", "message": "no enterprise"}]}));
        QCOMPARE(failed.error, ReadError::GraphQlError);
        QCOMPARE(failed.errorDetail, QStringLiteral("no enterprise"));
    }

    void shouldPutTheNewestUploadFirstWhateverTheOrderRead()
    {
        EnterpriseServerInstallation installation = sampleInstallation(UploadSyncState::Success);
        const QDateTime t = QDateTime(QDate(2026, 5, 1), QTime(9, 0), QTimeZone::UTC);
        installation.uploads = {{QStringLiteral("old.json"), UploadSyncState::Success, t, t},
            {QStringLiteral("newest.json"), UploadSyncState::Pending, t.addDays(9), t.addDays(9)},
            {QStringLiteral("middle.json"), UploadSyncState::Failure, t.addDays(3), t.addDays(3)}};
        QJsonObject connection{{QStringLiteral("nodes"), QJsonArray{installationToJson(installation, {})}}};
        QJsonObject data{{QStringLiteral("enterprise"),
            QJsonObject{{QStringLiteral("ownerInfo"),
                QJsonObject{{QStringLiteral("enterpriseServerInstallations"), connection}}}}}};
        const auto result = readInstallationsPage(QJsonDocument(QJsonObject{{QStringLiteral("data"), data}}).toJson());
        QVERIFY(result.ok());
        QStringList names;
        for (const UserAccountsUpload &upload : result.value.installations.value(0).uploads) {
            names.append(upload.name);
        }
        QCOMPARE(names,
            (QStringList{QStringLiteral("newest.json"), QStringLiteral("middle.json"), QStringLiteral("old.json")}));
    }

    void shouldFailOnEveryGraphQlErrorShape_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("message");
        QTest::addColumn<bool>("saml");
        // GitHub's usual wrong-slug answer: data with a null enterprise beside the error.
        QTest::newRow("wrong slug") << GLC_JSON({
            "data": {"enterprise": null},
            "errors": [{
                "type": "NOT_FOUND",
                "path": ["enterprise"],
                "locations": [{"line": 1, "column": 80}],
                "message": "Could not resolve to an Enterprise with the slug of 'x'."
            }]
        }) << QStringLiteral("NOT_FOUND")
                                    << QStringLiteral("Could not resolve to an Enterprise with the slug of 'x'.")
                                    << false;
        QTest::newRow("no data") << GLC_JSON({"errors": [{"type": "NOT_FOUND", "message": "m"}]})
                                 << QStringLiteral("NOT_FOUND") << QStringLiteral("m") << false;
        QTest::newRow("data null") << GLC_JSON({
            "data": null,
            "errors":
                [{"type": "INSUFFICIENT_SCOPES", "message": "Your token has not been granted the required scopes"}]
        }) << QStringLiteral("INSUFFICIENT_SCOPES")
                                   << QStringLiteral("Your token has not been granted the required scopes") << false;
        QTest::newRow("forbidden") << GLC_JSON({
            "data": {"enterprise": null},
            "errors": [{"type": "FORBIDDEN", "path": ["enterprise"], "message": "Resource not accessible"}]
        }) << QStringLiteral("FORBIDDEN")
                                   << QStringLiteral("Resource not accessible") << false;
        // SAML SSO hides part of an answer: the data that is there is not the whole truth.
        QTest::newRow("saml, partial data") << QByteArray(installationsPage())
                                                   .replace("\"data\"",
                                                       "\"errors\": [{\"type\": \"FORBIDDEN\", "
                                                       "\"extensions\": {\"saml_failure\": true}, "
                                                       "\"message\": \"SAML\"}], \"data\"")
                                            << QStringLiteral("FORBIDDEN") << QStringLiteral("SAML") << true;
        QTest::newRow("second of two is saml") << GLC_JSON({
            "errors": [
                {"type": "FORBIDDEN", "message": "a"},
                {"type": "FORBIDDEN", "message": "b", "extensions": {"saml_failure": true}}
            ]
        }) << QStringLiteral("FORBIDDEN") << QStringLiteral("a")
                                               << true;
        QTest::newRow("no type") << GLC_JSON({"data": null, "errors": [{"message": "Something went wrong"}]})
                                 << QString() << QStringLiteral("Something went wrong") << false;
        QTest::newRow("unknown type") << GLC_JSON({"errors": [{"type": "MAX_NODE_LIMIT_EXCEEDED", "message": "m"}]})
                                      << QStringLiteral("MAX_NODE_LIMIT_EXCEEDED") << QStringLiteral("m") << false;
        QTest::newRow("errors not an array")
            << GLC_JSON({"data": {}, "errors": {"message": "odd"}}) << QString() << QStringLiteral("odd") << false;
    }

    void shouldFailOnEveryGraphQlErrorShape()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, type);
        QFETCH(QString, message);
        QFETCH(bool, saml);
        QVERIFY(QJsonDocument::fromJson(json).isObject());
        const auto installations = readInstallationsPage(json);
        const auto accounts = readUserAccountsPage(json);
        const auto emails = readUserAccountEmailsPage(json);
        for (const auto &[error, errorType, detail, samlFailure, count] :
            {std::tuple{installations.error, installations.graphQlErrorType, installations.errorDetail,
                 installations.samlFailure, installations.value.installations.size()},
                std::tuple{accounts.error, accounts.graphQlErrorType, accounts.errorDetail, accounts.samlFailure,
                    accounts.value.userAccounts.size()},
                std::tuple{emails.error, emails.graphQlErrorType, emails.errorDetail, emails.samlFailure,
                    emails.value.emails.size()}}) {
            QCOMPARE(error, ReadError::GraphQlError);
            QCOMPARE(errorType, type);
            QCOMPARE(detail, message);
            QCOMPARE(samlFailure, saml);
            QCOMPARE(count, 0);
        }
    }

    void shouldReadTheEmailsOfSeveralAccountsByAlias()
    {
        const QByteArray json = GLC_JSON({
            "data": {
                "a1": {
                    "emails": {
                        "nodes": [{"email": "b@x.example", "isPrimary": true}],
                        "pageInfo": {"hasNextPage": false, "endCursor": "c1"}
                    }
                },
                "a0": {
                    "emails": {
                        "nodes": [
                            {"email": "a1@x.example", "isPrimary": false}, {"email": "a2@x.example", "isPrimary": true}
                        ],
                        "pageInfo": {"hasNextPage": true, "endCursor": "c0"}
                    }
                },
                "a2": null
            }
        });
        const auto pages =
            readUserAccountEmailsPages(json, {QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("a2")});
        QVERIFY(pages.ok());
        QCOMPARE(pages.value.size(), 3); // in the order asked, whatever the answer's order
        QCOMPARE(pages.value.at(0).emails,
            (QList<ServerUserEmail>{{QStringLiteral("a1@x.example"), false}, {QStringLiteral("a2@x.example"), true}}));
        QCOMPARE(pages.value.at(0).pageInfo.hasNextPage, true);
        QCOMPARE(pages.value.at(0).pageInfo.endCursor, QStringLiteral("c0"));
        QCOMPARE(pages.value.at(1).emails, (QList<ServerUserEmail>{{QStringLiteral("b@x.example"), true}}));
        QCOMPARE(pages.value.at(1).pageInfo.hasNextPage, false);
        QVERIFY(pages.value.at(2).emails.isEmpty()); // a null node reads as no emails, not a crash
        QVERIFY(!pages.value.at(2).pageInfo.hasNextPage);
        // The unaliased reader is the same thing under "node".
        const QByteArray single = GLC_JSON({
            "data": {
                "node": {
                    "emails":
                        {"nodes": [{"email": "n@x.example", "isPrimary": true}], "pageInfo": {"hasNextPage": false}}
                }
            }
        });
        QCOMPARE(readUserAccountEmailsPage(single).value,
            readUserAccountEmailsPages(single, {QStringLiteral("node")}).value.at(0));
        // An account deleted since it was listed: GitHub answers the others, the gone one is null and
        // named in a NOT_FOUND error. That account's page says so; the answer is not an error.
        const auto partly = readUserAccountEmailsPages(GLC_JSON({
            "data": {
                "a0": null,
                "a1": {"emails": {"nodes": [{"email": "b@x.example", "isPrimary": true}], "pageInfo": {}}},
                "a2": null
            },
            "errors": [
                {
                    "type": "NOT_FOUND",
                    "path": ["a0"],
                    "message": "Could not resolve to a node with the global id of 'x'."
                },
                {
                    "type": "NOT_FOUND",
                    "path": ["a2"],
                    "message": "Could not resolve to a node with the global id of 'y'."
                }
            ]
        }),
            {QStringLiteral("a0"), QStringLiteral("a1"), QStringLiteral("a2")});
        QVERIFY(partly.ok());
        QCOMPARE(partly.value.size(), 3);
        QVERIFY(partly.value.at(0).gone);
        QVERIFY(!partly.value.at(1).gone);
        QCOMPARE(partly.value.at(1).emails, (QList<ServerUserEmail>{{QStringLiteral("b@x.example"), true}}));
        QVERIFY(partly.value.at(2).gone);
        // The same when the gone account's field is left out of data rather than null.
        const auto leftOut = readUserAccountEmailsPages(
            GLC_JSON({"data": {}, "errors": [{"type": "NOT_FOUND", "path": ["a0"], "message": "gone"}]}),
            {QStringLiteral("a0")});
        QVERIFY(leftOut.ok());
        QVERIFY(leftOut.value.at(0).gone);
        // The unaliased reader keeps NOT_FOUND an error (it is asked for one known node).
        const QByteArray goneNode =
            GLC_JSON({"data": {"node": null}, "errors": [{"type": "NOT_FOUND", "path": ["node"], "message": "gone"}]});
        QCOMPARE(readUserAccountEmailsPage(goneNode).error, ReadError::GraphQlError);
        QVERIFY(readUserAccountEmailsPages(goneNode, {QStringLiteral("node")}).value.at(0).gone);
        // An installation removed before its further uploads were asked for.
        QVERIFY(readUserAccountsUploadsPage(goneNode).ok());
        QVERIFY(readUserAccountsUploadsPage(goneNode).value.gone);
    }

    void shouldFailAnswersWithOtherErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<QString>("type");
        QTest::newRow("not NOT_FOUND") << GLC_JSON({
            "data": {"a0": null},
            "errors": [{"type": "FORBIDDEN", "path": ["a0"], "message": "Resource not accessible"}]
        }) << QStringLiteral("FORBIDDEN");
        QTest::newRow("NOT_FOUND beside another error") << GLC_JSON({
            "data": {"a0": null, "a1": null},
            "errors": [
                {"type": "NOT_FOUND", "path": ["a0"], "message": "gone"},
                {"type": "RATE_LIMITED", "message": "API rate limit exceeded"}
            ]
        }) << QStringLiteral("NOT_FOUND");
        QTest::newRow("NOT_FOUND without a path")
            << GLC_JSON({"data": {"a0": null}, "errors": [{"type": "NOT_FOUND", "message": "gone"}]})
            << QStringLiteral("NOT_FOUND");
        QTest::newRow("NOT_FOUND but its field has data") << GLC_JSON({
            "data": {"a0": {"emails": {"nodes": []}}},
            "errors": [{"type": "NOT_FOUND", "path": ["a0"], "message": "gone"}]
        }) << QStringLiteral("NOT_FOUND");
        QTest::newRow("NOT_FOUND without data")
            << GLC_JSON({"errors": [{"type": "NOT_FOUND", "path": ["a0"], "message": "gone"}]})
            << QStringLiteral("NOT_FOUND");
        QTest::newRow("path of a field not asked for")
            << GLC_JSON(
                   {"data": {"a0": null}, "errors": [{"type": "NOT_FOUND", "path": ["enterprise"], "message": "gone"}]})
            << QStringLiteral("NOT_FOUND");
    }

    void shouldFailAnswersWithOtherErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(QString, type);
        const auto read = readUserAccountEmailsPages(json, {QStringLiteral("a0"), QStringLiteral("a1")});
        QCOMPARE(read.error, ReadError::GraphQlError);
        QCOMPARE(read.graphQlErrorType, type);
    }

    void shouldTellAGoneInstallationOnAnAccountsPage()
    {
        const auto gone = readUserAccountsPage(
            GLC_JSON({"data": {"node": null}, "errors": [{"type": "NOT_FOUND", "path": ["node"], "message": "gone"}]}));
        QVERIFY(gone.ok());
        QVERIFY(gone.value.gone);
        QVERIFY(gone.value.userAccounts.isEmpty());
        const auto there = readUserAccountsPage(GLC_JSON({"data": {"node": {"userAccounts": {"nodes": []}}}}));
        QVERIFY(there.ok());
        QVERIFY(!there.value.gone);
    }

    void shouldTellAGraphQlRateLimit_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<bool>("limited");
        QTest::newRow("documented type") << GLC_JSON({
            "errors": [{"type": "RATE_LIMITED", "message": "API rate limit already exceeded for user ID 1."}]
        }) << true;
        QTest::newRow("type seen in answers") << GLC_JSON({
            "errors": [{"type": "RATE_LIMIT", "code": "graphql_rate_limit", "message": "API rate limit exceeded"}]
        }) << true;
        QTest::newRow("second of two") << GLC_JSON({
            "data": null,
            "errors": [{"type": "NOT_FOUND", "message": "m"}, {"type": "RATE_LIMITED", "message": "n"}]
        }) << true;
        QTest::newRow("other type") << GLC_JSON({"errors": [{"type": "NOT_FOUND", "message": "RATE_LIMITED"}]})
                                    << false;
        QTest::newRow("in the data") << GLC_JSON({"data": {"node": {"login": "RATE_LIMITED"}}}) << false;
        QTest::newRow("not JSON") << QByteArray("RATE_LIMITED") << false;
    }

    void shouldTellAGraphQlRateLimit()
    {
        QFETCH(QByteArray, json);
        QFETCH(bool, limited);
        QCOMPARE(isGraphQlRateLimited(json), limited);
    }

    void shouldReadGraphQlWithoutErrors_data()
    {
        QTest::addColumn<QByteArray>("json");
        QTest::addColumn<int>("error");
        QTest::newRow("empty errors") << QByteArray(installationsPage()).replace("\"data\"", "\"errors\": [], \"data\"")
                                      << int(ReadError::None);
        QTest::newRow("null errors")
            << QByteArray(installationsPage()).replace("\"data\"", "\"errors\": null, \"data\"")
            << int(ReadError::None);
        QTest::newRow("no data, no errors") << GLC_JSON({}) << int(ReadError::WrongShape);
        QTest::newRow("data null, no errors") << GLC_JSON({"data": null}) << int(ReadError::WrongShape);
    }

    void shouldReadGraphQlWithoutErrors()
    {
        QFETCH(QByteArray, json);
        QFETCH(int, error);
        const auto read = readInstallationsPage(json);
        QCOMPARE(int(read.error), error);
        QCOMPARE(read.value.installations.size(), error == int(ReadError::None) ? 1 : 0);
    }
};

QTEST_GUILESS_MAIN(GitHubJsonTest)
#include "githubjsontest.moc"
