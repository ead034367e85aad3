// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/licensereportwriter.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

#include <csignal>

#include <sys/resource.h>

using namespace Glc;

namespace {
ConsumedLicensesReport sampleReport()
{
    ConsumedLicensesReport r;
    r.totalSeatsConsumed = 2;
    r.totalSeatsPurchased = 10;
    ConsumedLicense a;
    a.githubComLogin = QStringLiteral("mei");
    a.githubComName = QStringLiteral("林美玲, \"Mei\"");
    a.githubComProfile = QStringLiteral("https://github.com/mei");
    a.githubComVerifiedDomainEmails = {QStringLiteral("美玲@例子.公司"), QStringLiteral("mei@example.com")};
    a.githubComMemberRoles = {QStringLiteral("acme:Owner")};
    a.enterpriseServerUserIds = {QStringLiteral("ghes.example.com:7")};
    a.enterpriseServerEmails = {QStringLiteral("mei@example.com")};
    a.licenseType = QStringLiteral("enterprise");
    a.githubComUser = true;
    a.enterpriseServerUser = TriState::Yes;
    a.githubComTwoFactorAuth = TriState::Yes;
    a.totalUserAccounts = 2;
    ConsumedLicense b;
    b.githubComName = QStringLiteral("=HYPERLINK(\"http://evil.example\")");
    b.enterpriseServerEmails = {QStringLiteral("-2+3@example.com")};
    b.licenseType = QStringLiteral("visual_studio");
    b.visualStudioSubscriptionUser = true;
    b.totalUserAccounts = 1;
    r.users = {a, b};
    return r;
}

/// Enough seats (each a little different) for a report of several megabytes: several of the
/// writer's chunks.
ConsumedLicensesReport manySeats()
{
    ConsumedLicensesReport r = sampleReport();
    const QList<ConsumedLicense> two = r.users;
    r.users.clear();
    for (int i = 0; i < 20000; ++i) {
        ConsumedLicense seat = two.at(i % 2);
        seat.githubComLogin += QString::number(i);
        seat.enterpriseServerUserIds.append(QString::number(i));
        r.users.append(seat);
    }
    r.totalSeatsConsumed = 20000;
    return r;
}

enum class Failure : qint8 {
    DiskFull,
    DiskFullMidway,
    FolderInTheWay,
    FileForFolder,
};

/// Lowers this process's file size limit (RLIMIT_FSIZE, binding for root too) for its lifetime;
/// a write beyond it fails with EFBIG instead of raising SIGXFSZ.
class FileSizeLimit
{
public:
    explicit FileSizeLimit(rlim_t bytes)
    {
        m_previousHandler = std::signal(SIGXFSZ, SIG_IGN);
        if (::getrlimit(RLIMIT_FSIZE, &m_previous) == 0) {
            rlimit limited = m_previous;
            limited.rlim_cur = bytes;
            m_set = ::setrlimit(RLIMIT_FSIZE, &limited) == 0;
        }
    }
    ~FileSizeLimit()
    {
        if (m_set) {
            ::setrlimit(RLIMIT_FSIZE, &m_previous);
        }
        std::signal(SIGXFSZ, m_previousHandler);
    }
    FileSizeLimit(const FileSizeLimit &) = delete;
    FileSizeLimit &operator=(const FileSizeLimit &) = delete;
    bool isSet() const { return m_set; }

private:
    rlimit m_previous{};
    void (*m_previousHandler)(int) = nullptr;
    bool m_set = false;
};
} // namespace

class LicenseReportWriterTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldNeutraliseFormulas_data()
    {
        QTest::addColumn<QString>("value");
        QTest::addColumn<QString>("cell");
        QTest::newRow("equals") << QStringLiteral("=1+2") << QStringLiteral("'=1+2");
        QTest::newRow("plus") << QStringLiteral("+1") << QStringLiteral("'+1");
        QTest::newRow("minus") << QStringLiteral("-1") << QStringLiteral("'-1");
        QTest::newRow("at") << QStringLiteral("@SUM(A1)") << QStringLiteral("'@SUM(A1)");
        QTest::newRow("tab") << QStringLiteral("\tx") << QStringLiteral("'\tx");
        QTest::newRow("carriage return") << QStringLiteral("\rx") << QStringLiteral("\"'\rx\"");
        QTest::newRow("formula with comma") << QStringLiteral("=A1,B1") << QStringLiteral("\"'=A1,B1\"");
        QTest::newRow("quotes") << QStringLiteral("say \"hi\"") << QStringLiteral("\"say \"\"hi\"\"\"");
        QTest::newRow("inner equals is fine") << QStringLiteral("a=b") << QStringLiteral("a=b");
        QTest::newRow("e-mail") << QStringLiteral("a@example.com") << QStringLiteral("a@example.com");
        QTest::newRow("chinese") << QStringLiteral("王伟") << QStringLiteral("王伟");
        QTest::newRow("empty") << QString() << QString();
    }

    void shouldNeutraliseFormulas()
    {
        QFETCH(QString, value);
        QFETCH(QString, cell);
        QCOMPARE(LicenseReportWriter::csvCell(value), cell);
    }

    void shouldWriteGitHubColumns()
    {
        const QByteArray csv = LicenseReportWriter::toCsv(sampleReport());
        const QList<QByteArray> lines = csv.split('\n');
        QCOMPARE(lines.first(),
            QByteArray(
                "github_com_login,github_com_name,enterprise_server_user_ids,github_com_user,enterprise_server_user,"
                "visual_studio_subscription_user,license_type,github_com_profile,github_com_member_roles,github_com_"
                "enterprise_roles,"
                "github_com_verified_domain_emails,github_com_saml_name_id,github_com_orgs_with_pending_invites,github_"
                "com_two_factor_auth,github_com_two_factor_auth_required_by_date,"
                "enterprise_server_primary_emails,visual_studio_license_status,visual_studio_subscription_email,total_"
                "user_"
                "accounts\r"));
        QCOMPARE(QString::fromUtf8(lines.at(1)),
            QStringLiteral(
                "mei,\"林美玲, "
                "\"\"Mei\"\"\",ghes.example.com:7,true,true,false,Enterprise,https://github.com/mei,acme:Owner,,"
                "\"美玲@例子.公司,mei@example.com\",,,true,,mei@example.com,,,2\r"));
        QCOMPARE(QString::fromUtf8(lines.at(2)),
            QStringLiteral(",\"'=HYPERLINK(\"\"http://evil.example\"\")\",,false,,true,Visual Studio "
                           "subscription,,,,,,,,,'-2+3@example.com,,,1\r"));
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
        QVERIFY(LicenseReportWriter::toCsv(sampleReport(), true)
                .startsWith("\xEF\xBB\xBF"
                            "github_com_login,"));
    }

    void shouldWriteJsonAsQJsonDocumentWouldOneSeatAtATime_data()
    {
        QTest::addColumn<ConsumedLicensesReport>("report");
        QTest::newRow("sample") << sampleReport();
        QTest::newRow("no seats") << ConsumedLicensesReport{7, 9, {}};
        ConsumedLicensesReport one = sampleReport();
        one.users.removeLast();
        QTest::newRow("one seat") << one;
        ConsumedLicensesReport empty;
        empty.users.append(ConsumedLicense{});
        QTest::newRow("a seat with nothing") << empty;
        QTest::newRow("several megabytes") << manySeats();
    }

    void shouldWriteJsonAsQJsonDocumentWouldOneSeatAtATime()
    {
        QFETCH(ConsumedLicensesReport, report);
        QJsonArray users;
        for (const ConsumedLicense &seat : std::as_const(report.users)) {
            users.append(LicenseReportWriter::userJson(seat));
        }
        const QJsonObject root{{QStringLiteral("total_seats_consumed"), report.totalSeatsConsumed},
            {QStringLiteral("total_seats_purchased"), report.totalSeatsPurchased}, {QStringLiteral("users"), users}};
        QCOMPARE(LicenseReportWriter::toJson(report), QJsonDocument(root).toJson(QJsonDocument::Indented));
    }

    void shouldWriteJsonInRestShape()
    {
        const QJsonObject root = QJsonDocument::fromJson(LicenseReportWriter::toJson(sampleReport())).object();
        QCOMPARE(root.value(QLatin1String("total_seats_consumed")).toInt(), 2);
        QCOMPARE(root.value(QLatin1String("total_seats_purchased")).toInt(), 10);
        const QJsonArray users = root.value(QLatin1String("users")).toArray();
        QCOMPARE(users.size(), 2);
        const QJsonObject a = users.at(0).toObject();
        QCOMPARE(a.size(), 18);
        QCOMPARE(a.value(QLatin1String("github_com_name")).toString(), QStringLiteral("林美玲, \"Mei\""));
        QCOMPARE(a.value(QLatin1String("github_com_verified_domain_emails")).toArray().at(0).toString(),
            QStringLiteral("美玲@例子.公司"));
        const QJsonObject b = users.at(1).toObject();
        QVERIFY(b.value(QLatin1String("github_com_two_factor_auth")).isNull());
        QVERIFY(b.value(QLatin1String("github_com_saml_name_id")).isNull());
        QCOMPARE(b.value(QLatin1String("github_com_name")).toString(),
            QStringLiteral("=HYPERLINK(\"http://evil.example\")")); // JSON is data, kept verbatim
    }

    void shouldWriteEachSeatsCsvLineTheSameInAReportOfManyChunks()
    {
        const ConsumedLicensesReport report = manySeats();
        QByteArray expected = LicenseReportWriter::toCsv(ConsumedLicensesReport{}, true);
        for (const ConsumedLicense &seat : report.users) {
            ConsumedLicensesReport one;
            one.users = {seat};
            const QByteArray alone = LicenseReportWriter::toCsv(one);
            expected += alone.mid(alone.indexOf("\r\n") + 2);
        }
        const QByteArray csv = LicenseReportWriter::toCsv(report, true);
        QVERIFY2(csv.size() > 2 * 1024 * 1024, qPrintable(QString::number(csv.size()))); // more than one chunk
        QCOMPARE(csv, expected);
        QCOMPARE(csv.count("\r\n"), 20001);
    }

    void shouldWriteAtomicallyAndReportFailure()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("报告.csv"));
        LicenseReportWriter::Options options;
        options.utf8Bom = true;
        QVERIFY(LicenseReportWriter::write(path, sampleReport(), options).ok());
        QFile f(path);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), LicenseReportWriter::toCsv(sampleReport(), true));
        f.close();
        options.format = LicenseReportWriter::Format::Json;
        const QString jsonPath = dir.filePath(QStringLiteral("report.json"));
        QVERIFY(LicenseReportWriter::write(jsonPath, sampleReport(), options).ok());
        QVERIFY(QJsonDocument::fromJson([&] {
            QFile j(jsonPath);
            j.open(QIODevice::ReadOnly);
            return j.readAll();
        }())
                .isObject());

        // A target whose folder does not exist: clear error, nothing created.
        const QString missing = dir.filePath(QStringLiteral("no/such/folder/r.csv"));
        const auto failed = LicenseReportWriter::write(missing, sampleReport(), {});
        QVERIFY(!failed.ok());
        QVERIFY(failed.errorMessage.contains(missing));
        QVERIFY(!QFile::exists(missing));
    }

    void shouldKeepTheOldReportWhenWritingFails_data()
    {
        QTest::addColumn<int>("failure");
        // Each fails for root too (the tests run as root, who ignores permissions).
        QTest::newRow("disk full while writing") << int(Failure::DiskFull);
        QTest::newRow("disk full after the first megabytes") << int(Failure::DiskFullMidway);
        QTest::newRow("a folder where the report should be") << int(Failure::FolderInTheWay);
        QTest::newRow("a file where a folder should be") << int(Failure::FileForFolder);
    }

    void shouldKeepTheOldReportWhenWritingFails()
    {
        QFETCH(int, failure);
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        const QString old = dir.filePath(QStringLiteral("report.csv"));
        const QByteArray oldBytes = LicenseReportWriter::toCsv(ConsumedLicensesReport{}, true) + "old report\n";
        {
            QFile f(old);
            QVERIFY(f.open(QIODevice::WriteOnly));
            QCOMPARE(f.write(oldBytes), oldBytes.size());
        }
        QString target = old;
        LicenseReportWriter::Result result;
        switch (static_cast<Failure>(failure)) {
        case Failure::DiskFull: {
            // The file size limit applies to root as well: the new report cannot be written in full.
            const FileSizeLimit limit(16);
            QVERIFY(limit.isSet());
            result = LicenseReportWriter::write(target, sampleReport(), {});
            break;
        }
        case Failure::DiskFullMidway: {
            // A report of several chunks, the limit hit after the first ones went into the file.
            const FileSizeLimit limit(1536 * 1024);
            QVERIFY(limit.isSet());
            QVERIFY(LicenseReportWriter::toCsv(manySeats()).size() > 2 * 1024 * 1024);
            result = LicenseReportWriter::write(target, manySeats(), {});
            break;
        }
        case Failure::FolderInTheWay:
            target = dir.filePath(QStringLiteral("folder.csv"));
            QVERIFY(QDir(dir.path()).mkdir(QStringLiteral("folder.csv")));
            result = LicenseReportWriter::write(target, sampleReport(), {});
            break;
        case Failure::FileForFolder:
            target = old + QStringLiteral("/report.csv");
            result = LicenseReportWriter::write(target, sampleReport(), {});
            break;
        }
        QVERIFY(!result.ok());
        QVERIFY2(result.errorMessage.contains(target), qPrintable(result.errorMessage));
        QFile f(old);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), oldBytes);
        // No half-written temporary file is left beside it.
        QStringList expected = {QStringLiteral("report.csv")};
        if (static_cast<Failure>(failure) == Failure::FolderInTheWay) {
            expected.append(QStringLiteral("folder.csv"));
            QVERIFY(QDir(target).isEmpty());
        }
        expected.sort();
        QCOMPARE(
            QDir(dir.path()).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden, QDir::Name), expected);
    }
};

QTEST_GUILESS_MAIN(LicenseReportWriterTest)
#include "licensereportwritertest.moc"
