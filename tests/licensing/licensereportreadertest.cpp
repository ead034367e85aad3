// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/licensereportreader.h"
#include "licensing/licensereportwriter.h"

#include <QFile>
#include <QFileInfo>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace Glc;

namespace {
/// Three seats with what a CSV makes hard: commas, quotes and a line break in a name, Chinese, formulas, lists.
ConsumedLicensesReport sampleReport()
{
    ConsumedLicensesReport r;
    r.totalSeatsConsumed = 3;
    r.totalSeatsPurchased = 10;
    ConsumedLicense a;
    a.githubComLogin = QStringLiteral("mei");
    a.githubComName = QStringLiteral("林美玲, \"Mei\"\nSecond line");
    a.githubComProfile = QStringLiteral("https://github.com/mei");
    a.githubComVerifiedDomainEmails = {QStringLiteral("美玲@例子.公司"), QStringLiteral("mei@example.com")};
    a.githubComMemberRoles = {QStringLiteral("acme:Owner"), QStringLiteral("tools:Member")};
    a.githubComEnterpriseRoles = {QStringLiteral("owner")};
    a.githubComSamlNameId = QStringLiteral("mei@example.com");
    a.enterpriseServerUserIds = {QStringLiteral("ghes.example.com:7"), QStringLiteral("ghes-2.example.com:9")};
    a.enterpriseServerEmails = {QStringLiteral("mei@example.com")};
    a.licenseType = QStringLiteral("enterprise");
    a.githubComUser = true;
    a.enterpriseServerUser = TriState::Yes;
    a.githubComTwoFactorAuth = TriState::No;
    a.totalUserAccounts = 3;
    ConsumedLicense b;
    b.githubComName = QStringLiteral("=HYPERLINK(\"http://evil.example\")");
    b.enterpriseServerUserIds = {QStringLiteral("ghes.example.com:12")};
    b.enterpriseServerEmails = {QStringLiteral("-2+3@example.com")};
    b.enterpriseServerUser = TriState::Yes;
    b.licenseType = QStringLiteral("visual_studio");
    b.visualStudioSubscriptionUser = true;
    b.visualStudioLicenseStatus = QStringLiteral("unmatched");
    b.visualStudioSubscriptionEmail = QStringLiteral("vs@example.com");
    b.totalUserAccounts = 1;
    ConsumedLicense c;
    c.githubComLogin = QStringLiteral("invited");
    c.githubComOrgsWithPendingInvites = {QStringLiteral("acme")};
    c.githubComUser = true;
    c.licenseType = QStringLiteral("enterprise");
    c.githubComTwoFactorAuth = TriState::Yes;
    c.totalUserAccounts = 1;
    r.users = {a, b, c};
    return r;
}
} // namespace

class LicenseReportReaderTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void shouldReadBackWhatTheReportWriterWrites_data()
    {
        QTest::addColumn<bool>("bom");
        QTest::newRow("plain UTF-8, as GitHub's") << false;
        QTest::newRow("with a byte order mark, for spreadsheets") << true;
    }
    void shouldReadBackWhatTheReportWriterWrites()
    {
        QFETCH(bool, bom);
        const ConsumedLicensesReport report = sampleReport();
        const LicenseReportReader::Result csv = LicenseReportReader::read(LicenseReportWriter::toCsv(report, bom));
        QVERIFY2(csv.ok(), qPrintable(csv.error));
        QVERIFY(!csv.hasPurchased); // GitHub's CSV has no totals
        QCOMPARE(csv.report.totalSeatsConsumed, 3);
        QCOMPARE(csv.report.totalSeatsPurchased, 0);
        QCOMPARE(csv.report.users.size(), report.users.size());
        for (qsizetype i = 0; i < report.users.size(); ++i) {
            QCOMPARE(csv.report.users.at(i), report.users.at(i)); // a null name read back empty compares equal
        }
        // The JSON report, with its totals.
        const LicenseReportReader::Result json = LicenseReportReader::read(LicenseReportWriter::toJson(report));
        QVERIFY2(json.ok(), qPrintable(json.error));
        QVERIFY(json.hasPurchased);
        QCOMPARE(json.report.totalSeatsPurchased, 10);
        QCOMPARE(json.report.users, report.users);
    }

    void shouldReadColumnsInAnyOrderAndIgnoreUnknownOnes()
    {
        // GitHub's spelling of the types, upper-case booleans, a column the console does not know, CRLF.
        const QByteArray csv = "license_type,extra_column,enterprise_server_user_ids,github_com_login,"
                               "github_com_user,github_com_two_factor_auth,enterprise_server_primary_emails\r\n"
                               "Visual Studio subscription,x,,vs-user,TRUE,,\r\n"
                               "Enterprise,y,\"ghes.example.com:1, ghes.example.com:2\",,FALSE,,a@corp.example\r\n";
        const LicenseReportReader::Result read = LicenseReportReader::read(csv);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.report.users.size(), 2);
        const ConsumedLicense &vs = read.report.users.at(0);
        QCOMPARE(vs.githubComLogin, QStringLiteral("vs-user"));
        QCOMPARE(vs.licenseType, QStringLiteral("visual_studio"));
        QVERIFY(vs.githubComUser);
        QCOMPARE(vs.githubComTwoFactorAuth, TriState::Unknown);
        const ConsumedLicense &server = read.report.users.at(1);
        QVERIFY(server.isServerOnly());
        QCOMPARE(server.licenseType, QStringLiteral("enterprise"));
        QCOMPARE(server.enterpriseServerUserIds,
            (QStringList{QStringLiteral("ghes.example.com:1"), QStringLiteral("ghes.example.com:2")}));
        QCOMPARE(server.enterpriseServerEmails, QStringList{QStringLiteral("a@corp.example")});
        QCOMPARE(server.totalUserAccounts, 0); // no such column: defaulted
    }

    void shouldRefuseWhatIsNotAWholeReport_data()
    {
        QTest::addColumn<QByteArray>("bytes");
        QTest::addColumn<QString>("error");
        const QByteArray header = LicenseReportWriter::csvColumns().join(QLatin1Char(',')).toUtf8() + "\r\n";
        QTest::newRow("empty") << QByteArray("  \n") << QStringLiteral("The file is empty.");
        QTest::newRow("a sign-in page") << QByteArray("<!DOCTYPE html><html><body>Sign in</body></html>")
                                        << QStringLiteral("The file is a web page");
        QTest::newRow("another CSV") << QByteArray("name,email\nMei,mei@example.com\n")
                                     << QStringLiteral("it has no github_com_login column");
        QTest::newRow("JSON cut short") << QByteArray("{\"total_seats_consumed\": 3, \"users\": [{\"github_")
                                        << QStringLiteral("not valid JSON");
        QTest::newRow("other JSON") << QByteArray("[1, 2, 3]") << QStringLiteral("not a consumed-licenses report");
        QTest::newRow("a quote left open")
            << QByteArray(header + "mei,\"Mei\r\nLin,ghes.example.com:7\r\n") << QStringLiteral("Line 2 opens a quote");
        QTest::newRow("too many cells") << QByteArray(header + "mei,Mei\r\n" + QByteArray(30, ',') + "\r\n")
                                        << QStringLiteral("Line 3 has 31 cells, the header 19");
    }
    void shouldRefuseWhatIsNotAWholeReport()
    {
        QFETCH(QByteArray, bytes);
        QFETCH(QString, error);
        const LicenseReportReader::Result read = LicenseReportReader::read(bytes);
        QVERIFY(!read.ok());
        QVERIFY2(read.error.contains(error), qPrintable(read.error));
        QVERIFY(!read.nextStep.isEmpty());
        QVERIFY(read.report.users.isEmpty());
    }

    void shouldReadAFileAndSayWhyItCannot()
    {
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("许可证.csv"));
        QFile file(path);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(LicenseReportWriter::toCsv(sampleReport(), true));
        file.close();
        const LicenseReportReader::Result read = LicenseReportReader::readFile(path);
        QVERIFY2(read.ok(), qPrintable(read.error));
        QCOMPARE(read.report.users.size(), 3);
        const LicenseReportReader::Result missing = LicenseReportReader::readFile(dir.filePath(QStringLiteral("no")));
        QVERIFY(!missing.ok());
        QVERIFY2(missing.error.startsWith(QLatin1String("Cannot read ")), qPrintable(missing.error));
        // Larger than any enterprise's report: refused before it is read (a sparse file, no disk space taken).
        const QString huge = dir.filePath(QStringLiteral("huge.csv"));
        QFile big(huge);
        QVERIFY(big.open(QIODevice::WriteOnly));
        QVERIFY(big.resize(LicenseReportReader::MaxFileSize + 1));
        big.close();
        const LicenseReportReader::Result tooBig = LicenseReportReader::readFile(huge);
        QVERIFY(!tooBig.ok());
        QVERIFY2(tooBig.error.contains(QLatin1String("more than a license report")), qPrintable(tooBig.error));
        // A device or a pipe (`--file <(…)`) says size 0: endless input stops one byte past the limit.
        const LicenseReportReader::Result endless = LicenseReportReader::readFile(QStringLiteral("/dev/zero"), 4096);
        QVERIFY(!endless.ok());
        QVERIFY2(endless.error.contains(QLatin1String("more than a license report")), qPrintable(endless.error));
        QVERIFY2(endless.error.contains(QLocale().formattedDataSize(4097)), qPrintable(endless.error));
        // Within the limit, the same file read from a pipe is a report.
        QProcess cat;
        cat.start(QStringLiteral("sh"),
            {QStringLiteral("-c"), QStringLiteral("mkfifo \"$1\" && cat \"$2\" > \"$1\""), QStringLiteral("sh"),
                dir.filePath(QStringLiteral("pipe")), path});
        QTRY_VERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("pipe"))));
        const LicenseReportReader::Result piped = LicenseReportReader::readFile(dir.filePath(QStringLiteral("pipe")));
        QVERIFY2(piped.ok(), qPrintable(piped.error));
        QCOMPARE(piped.report.users.size(), 3);
        QVERIFY(cat.waitForFinished());
    }
};

QTEST_GUILESS_MAIN(LicenseReportReaderTest)
#include "licensereportreadertest.moc"
