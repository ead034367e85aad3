// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/githubjson.h"
#include "github/consumedlicensesjob.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

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

    void shouldTolerateEveryWrongTypedField_data()
    {
        QTest::addColumn<QString>("field");
        QTest::addColumn<QByteArray>("value");
        const char *fields[] = {"github_com_login", "github_com_name", "enterprise_server_user_ids", "github_com_user",
            "enterprise_server_user", "visual_studio_subscription_user", "license_type", "github_com_profile",
            "github_com_member_roles", "github_com_enterprise_roles", "github_com_enterprise_role",
            "github_com_verified_domain_emails", "github_com_saml_name_id", "github_com_orgs_with_pending_invites",
            "github_com_two_factor_auth", "enterprise_server_emails", "visual_studio_license_status",
            "visual_studio_subscription_email", "total_user_accounts"};
        // Each field receives values of every type it is not declared as.
        const QByteArray wrong[] = {"{}", "[1,{}]", "12.5", "true", "\"\"", "\"x\""};
        for (const char *field : fields) {
            for (const QByteArray &value : wrong) {
                QTest::addRow("%s=%s", field, value.constData()) << QString::fromLatin1(field) << value;
            }
        }
    }

    void shouldTolerateEveryWrongTypedField()
    {
        QFETCH(QString, field);
        QFETCH(QByteArray, value);
        const QByteArray sentinel = field == QLatin1String("total_user_accounts") ? "" : ",\"total_user_accounts\":1";
        const QByteArray json = "{\"total_seats_consumed\":1,\"users\":[{\"github_com_login\":\"keep\",\"" +
            field.toLatin1() + "\":" + value + sentinel + "}]}";
        const auto result = readConsumedLicenses(json);
        QVERIFY(result.ok());
        QCOMPARE(result.value.users.size(), 1);
        const ConsumedLicense &user = result.value.users.at(0);
        if (field != QLatin1String("github_com_login")) {
            QCOMPARE(user.githubComLogin, QStringLiteral("keep"));
        }
        if (field != QLatin1String("total_user_accounts")) {
            QCOMPARE(user.totalUserAccounts, 1);
        }
        // A value of the declared type is not "tolerated"; all of these are wrong for some fields.
        const bool declaredString = value.startsWith('"') && !field.endsWith(QLatin1String("_ids")) &&
            !field.endsWith(QLatin1String("_roles")) && !field.endsWith(QLatin1String("_emails")) &&
            !field.endsWith(QLatin1String("_invites")) && field != QLatin1String("github_com_user") &&
            field != QLatin1String("enterprise_server_user") &&
            field != QLatin1String("visual_studio_subscription_user") &&
            field != QLatin1String("github_com_two_factor_auth") && field != QLatin1String("total_user_accounts");
        const bool declaredBool = value == "true" &&
            (field == QLatin1String("github_com_user") || field == QLatin1String("enterprise_server_user") ||
                field == QLatin1String("visual_studio_subscription_user") ||
                field == QLatin1String("github_com_two_factor_auth"));
        const bool declaredNumber = value == "12.5" && field == QLatin1String("total_user_accounts");
        if (!declaredString && !declaredBool && !declaredNumber) {
            QVERIFY2(result.stats.toleratedValues >= 1, qPrintable(field));
        }
        QCOMPARE(result.stats.unknownFields, 0);
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

    void shouldTolerateWrongTypesInTheOtherReads_data()
    {
        QTest::addColumn<QString>("reader");
        QTest::addColumn<QString>("path");
        QTest::addColumn<QByteArray>("value");
        // Values of every type each field is not declared as (the declared one is left out).
        const QList<QByteArray> notString = {"{}", "[1]", "12.5", "true"};
        const QList<QByteArray> notInt = {"{}", "[1]", "true", "\"x\""};
        const QList<QByteArray> notBool = {"{}", "[1]", "12.5", "\"\""};
        const QList<QByteArray> notObject = {"[1]", "12.5", "true", "\"x\""};
        const QList<QByteArray> notDate = {"{}", "[1]", "12.5", "true", "\"last tuesday\""};
        const struct
        {
            const char *reader;
            const char *path;
            QList<QByteArray> values;
        } rows[] = {
            {"sync", "server_instances/0/server_id", notString},
            {"sync", "server_instances/0/hostname", notString},
            {"sync", "server_instances/0/last_sync", notObject},
            {"sync", "server_instances/0/last_sync/date", notDate},
            {"sync", "server_instances/0/last_sync/status", notString},
            {"sync", "server_instances/0/last_sync/error", notString},
            {"license", "seats", notInt},
            {"license", "seats_used", notInt},
            {"license", "seats_available", notInt},
            {"license", "kind", notString},
            {"license", "days_until_expiration", notInt},
            {"license", "expire_at", notDate},
            {"meta", "installed_version", notString},
            {"installations", "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/id", notString},
            {"installations", "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/isConnected", notBool},
            {"installations", "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/createdAt", notDate},
            {"installations",
                "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccountsUploads/nodes/0/name",
                notString},
            {"installations",
                "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccountsUploads/nodes/0/updatedAt",
                notDate},
            {"installations", "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccounts/totalCount",
                notInt},
            {"installations",
                "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccounts/nodes/0/login",
                notString},
            {"installations",
                "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccounts/nodes/0/isSiteAdmin",
                notBool},
            {"installations",
                "data/enterprise/ownerInfo/enterpriseServerInstallations/nodes/0/userAccounts/nodes/0/emails/nodes/0/"
                "isPrimary",
                notBool},
        };
        for (const auto &row : rows) {
            for (const QByteArray &value : row.values) {
                QTest::addRow(
                    "%s %s=%s", row.reader, QByteArray(row.path).split('/').last().constData(), value.constData())
                    << QString::fromLatin1(row.reader) << QString::fromLatin1(row.path) << value;
            }
        }
    }

    void shouldTolerateWrongTypesInTheOtherReads()
    {
        QFETCH(QString, reader);
        QFETCH(QString, path);
        QFETCH(QByteArray, value);
        QByteArray base;
        if (reader == QLatin1String("sync")) {
            base = GLC_JSON({
                "server_instances": [{
                    "server_id": "u-1",
                    "hostname": "h",
                    "last_sync": {"date": "2026-01-02T03:04:05Z", "status": "success", "error": ""}
                }]
            });
        } else if (reader == QLatin1String("license")) {
            base = GLC_JSON({
                "seats": 100,
                "seats_used": 12,
                "seats_available": 88,
                "kind": "standard",
                "days_until_expiration": 30,
                "expire_at": "2026-02-01T07:59:59Z"
            });
        } else if (reader == QLatin1String("meta")) {
            base = GLC_JSON({"installed_version": "3.15.2"});
        } else {
            base = installationsPage();
        }
        const QJsonValue wrong = QJsonDocument::fromJson("[" + value + "]").array().at(0);
        const QByteArray json = QJsonDocument(
            replaced(QJsonDocument::fromJson(base).object(), path.split(QLatin1Char('/')), wrong).toObject())
                                    .toJson();
        const QString field = path.section(QLatin1Char('/'), -1);
        ReadStats stats;
        // Never an error, the other fields kept, the wrong value counted.
        if (reader == QLatin1String("sync")) {
            const auto result = readLicenseSyncStatus(json);
            QVERIFY(result.ok());
            QCOMPARE(result.value.size(), 1);
            if (field != QLatin1String("hostname")) {
                QCOMPARE(result.value.first().hostname, QStringLiteral("h"));
            }
            if (field != QLatin1String("server_id")) {
                QCOMPARE(result.value.first().serverId, QStringLiteral("u-1"));
            }
            stats = result.stats;
        } else if (reader == QLatin1String("license")) {
            const auto result = readServerLicense(json);
            QVERIFY(result.ok());
            if (field != QLatin1String("seats_used")) {
                QCOMPARE(result.value.seatsUsed, 12);
            }
            if (field != QLatin1String("kind")) {
                QCOMPARE(result.value.kind, QStringLiteral("standard"));
            }
            stats = result.stats;
        } else if (reader == QLatin1String("meta")) {
            const auto result = readMetaInstalledVersion(json);
            QVERIFY(result.ok()); // a scalar may be kept as text; objects and arrays give an empty version
            QVERIFY(result.value.isEmpty() || (!value.startsWith('{') && !value.startsWith('[')));
            stats = result.stats;
        } else {
            const auto result = readInstallationsPage(json);
            QVERIFY(result.ok());
            QCOMPARE(result.value.installations.size(), 1);
            const EnterpriseServerInstallation &installation = result.value.installations.first();
            QCOMPARE(installation.hostName, QStringLiteral("ghes.local"));
            QCOMPARE(installation.uploads.size(), 1);
            QCOMPARE(installation.userAccounts.size(), 1);
            if (field != QLatin1String("login")) {
                QCOMPARE(installation.userAccounts.first().login, QStringLiteral("u"));
            }
            stats = result.stats;
        }
        QVERIFY2(stats.toleratedValues >= 1, qPrintable(QString::fromLatin1(json)));
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
        for (const auto &[error, errorType, detail, samlFailure, count] :
            {std::tuple{installations.error, installations.graphQlErrorType, installations.errorDetail,
                 installations.samlFailure, installations.value.installations.size()},
                std::tuple{accounts.error, accounts.graphQlErrorType, accounts.errorDetail, accounts.samlFailure,
                    accounts.value.userAccounts.size()}}) {
            QCOMPARE(error, ReadError::GraphQlError);
            QCOMPARE(errorType, type);
            QCOMPARE(detail, message);
            QCOMPARE(samlFailure, saml);
            QCOMPARE(count, 0);
        }
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
