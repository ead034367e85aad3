// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/usagefile.h"
#include "textencodings.h"

#include <QCryptographicHash>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

// JSON written as tokens (moc does not read raw string literals with quotes).
#define GLC_JSON(...) QByteArray(#__VA_ARGS__)

using namespace Glc;

class UsageFileTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldReadNestedEncryptedExport()
    {
        const QByteArray json = GLC_JSON({
            "instance": {
                "server_id": "2a6b6c3e-0000-4000-8000-000000000001",
                "host_name": "ghes.example.com",
                "version": "3.15.2",
                "http_only": false,
                "license_hash": "abc",
                "public_key": "-----BEGIN PUBLIC KEY-----",
                "features": [{"name": "license_usage_sync", "enabled_at": "2025-01-01T00:00:00Z"}],
                "unknown": 1
            },
            "users": "aGVsbG8gd29ybGQ="
        });
        const auto result = UsageFile::read(json);
        QVERIFY(result.ok());
        QVERIFY(result.message().isEmpty());
        QCOMPARE(result.info.serverId, QStringLiteral("2a6b6c3e-0000-4000-8000-000000000001"));
        QCOMPARE(result.info.hostName, QStringLiteral("ghes.example.com"));
        QCOMPARE(result.info.version, QStringLiteral("3.15.2"));
        QVERIFY(result.info.usersEncrypted);
        QCOMPARE(result.info.userCount, -1);
        QCOMPARE(result.info.usersBlobSize, 11);
        QCOMPARE(result.info.features.size(), 1);
        QCOMPARE(
            result.sha256, QString::fromLatin1(QCryptographicHash::hash(json, QCryptographicHash::Sha256).toHex()));
    }

    void shouldReadFlatReadableExport()
    {
        const QByteArray json = GLC_JSON({
            "server_id": "s-1",
            "host_name": "h",
            "version": "3.11.0",
            "users": [{"login": "a", "user_id": "1", "emails": ["a@x", "a2@x"], "suspended": true}]
        });
        const auto result = UsageFile::read(json);
        QVERIFY(result.ok());
        QVERIFY(!result.info.usersEncrypted);
        QCOMPARE(result.info.userCount, 1);
        QCOMPARE(result.info.users.at(0).emails, (QStringList{QStringLiteral("a@x"), QStringLiteral("a2@x")}));
        QVERIFY(result.info.users.at(0).suspended);
        // The writer's shape reads back the same.
        const auto again = UsageFile::read(UsageFile::write(result.info));
        QVERIFY(again.ok());
        QCOMPARE(again.info.users, result.info.users);
        QCOMPARE(again.info.serverId, result.info.serverId);
    }

    void shouldRejectWithSpecificMessage_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<int>("validation");
        QTest::newRow("empty") << QByteArray() << int(UsageFile::Validation::Empty);
        QTest::newRow("blank") << QByteArray(" \n") << int(UsageFile::Validation::Empty);
        QTest::newRow("html") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>")
                              << int(UsageFile::Validation::HtmlPage);
        QTest::newRow("text") << QByteArray("hello") << int(UsageFile::Validation::NotJson);
        QTest::newRow("broken") << QByteArray("{\"a\": nope, \"b\": 1, \"c\": 2, \"d\": 3}")
                                << int(UsageFile::Validation::NotJson);
        QTest::newRow("truncated") << QByteArray(
                                          "{\"instance\":{\"server_id\":\"s\",\"host_name\":\"h\"},\"users\":\"aGVs")
                                   << int(UsageFile::Validation::Truncated);
        // Complete JSON with more after it is not a cut-off export.
        QTest::newRow("garbage at end") << QByteArray(R"({"instance":{"server_id":"s","host_name":"h"}}})")
                                        << int(UsageFile::Validation::NotJson);
        // "José" saved by an editor in Windows-1252.
        QTest::newRow("not utf-8") << QByteArray("{\"instance\":{\"server_id\":\"s\",\"host_name\":\"h\"},"
                                                 "\"users\":[{\"login\":\"Jos\xE9\"}]}")
                                   << int(UsageFile::Validation::NotUtf8);
        QTest::newRow("array") << QByteArray("[1,2]") << int(UsageFile::Validation::WrongShape);
        QTest::newRow("other json") << QByteArray(GLC_JSON({"total_seats_consumed": 1}))
                                    << int(UsageFile::Validation::WrongShape);
        QTest::newRow("too large") << QByteArray(2000, ' ') << int(UsageFile::Validation::TooLarge);
        const QByteArray json = R"({"instance":{"server_id":"s","host_name":"h"},"users":"aGVsbG8="})";
        const QByteArray utf16le = Glc::Test::utf16LittleEndianWithBom(json).sliced(2);
        QByteArray utf16be;
        for (qsizetype i = 0; i < utf16le.size(); i += 2) {
            utf16be.append(utf16le.at(i + 1)).append(utf16le.at(i));
        }
        QTest::newRow("utf-16le with bom")
            << Glc::Test::utf16LittleEndianWithBom(json) << int(UsageFile::Validation::Utf16Text);
        QTest::newRow("utf-16be with bom") << QByteArray("\xFE\xFF") + utf16be << int(UsageFile::Validation::Utf16Text);
        QTest::newRow("utf-16le without bom") << utf16le << int(UsageFile::Validation::Utf16Text);
        QTest::newRow("html after a utf-8 bom")
            << QByteArray("\xEF\xBB\xBF<html><body>Sign in</body></html>") << int(UsageFile::Validation::HtmlPage);
    }

    void shouldReadUtf8WithByteOrderMark()
    {
        const QByteArray json = R"({"instance":{"server_id":"s-1","host_name":"ghes.example"},"users":[]})";
        const QByteArray bytes = QByteArray("\xEF\xBB\xBF") + json;
        const auto result = UsageFile::read(bytes);
        QVERIFY2(result.ok(), qPrintable(result.message()));
        QCOMPARE(result.info.serverId, QStringLiteral("s-1"));
        QCOMPARE(result.info.hostName, QStringLiteral("ghes.example"));
        QCOMPARE(result.info.userCount, 0);
        // The hash is of the file as it is, so uploading it twice is still recognised.
        QCOMPARE(
            result.sha256, QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
        QCOMPARE(result.size, bytes.size());
    }

    void shouldRejectWithSpecificMessage()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(int, validation);
        const auto result = UsageFile::read(bytes, 1000);
        QCOMPARE(int(result.validation), validation);
        QVERIFY(!result.message().isEmpty());
    }

    void shouldReadNoMoreThanTheLimitFromAPipeOrDevice()
    {
        // A device (or a pipe: `add-server-usage <(ssh …)`) says size 0: endless input stops one byte past the
        // limit instead of filling the memory.
        QByteArray bytes("untouched");
        const UsageFile::Result endless = UsageFile::readFile(QStringLiteral("/dev/zero"), 4096, &bytes);
        QCOMPARE(endless.validation, UsageFile::Validation::TooLarge);
        QCOMPARE(endless.size, 4097);
        QVERIFY(bytes.isEmpty());
        QCOMPARE(UsageFile::readFile(QStringLiteral("/dev/null")).validation, UsageFile::Validation::Empty);
        // A regular file: the bytes judged are handed back, to be uploaded as they were checked.
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("export.json"));
        const QByteArray json = R"({"instance":{"server_id":"s-1","host_name":"ghes.example"},"users":"aGVsbG8="})";
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(json);
        file.close();
        const UsageFile::Result read = UsageFile::readFile(path, UsageFile::DefaultSizeLimit, &bytes);
        QVERIFY2(read.ok(), qPrintable(read.message()));
        QCOMPARE(bytes, json);
    }

    void shouldSayWhatToDoWithAFileThatIsNoExport()
    {
        // Each refusal ends with the next step; an unreadable file names the system's reason.
        for (const auto validation :
            {UsageFile::Validation::NotJson, UsageFile::Validation::TooLarge, UsageFile::Validation::WrongShape}) {
            const QString message = UsageFile::validationMessage(validation);
            QVERIFY2(message.contains(QLatin1String("ghe-license usage")), qPrintable(message));
        }
        QTemporaryDir dir;
        const UsageFile::Result missing = UsageFile::readFile(dir.filePath(QStringLiteral("gone.json")));
        QCOMPARE(missing.validation, UsageFile::Validation::Unreadable);
        QVERIFY(!missing.readError.isEmpty());
        QVERIFY2(missing.message().contains(missing.readError), qPrintable(missing.message()));
        QVERIFY2(
            missing.message().contains(QLatin1String("Check that it still exists")), qPrintable(missing.message()));
    }

    void shouldGiveEachFailureItsOwnMessage()
    {
        QStringList messages;
        for (int v = int(UsageFile::Validation::Empty); v <= int(UsageFile::Validation::Unreadable); ++v) {
            const QString message = UsageFile::validationMessage(UsageFile::Validation(v));
            QVERIFY(!message.isEmpty());
            QVERIFY(!messages.contains(message));
            messages.append(message);
        }
    }
};

QTEST_GUILESS_MAIN(UsageFileTest)
#include "usagefiletest.moc"
