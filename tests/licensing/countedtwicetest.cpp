// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/countedtwice.h"
#include "licensing/fixlistwriter.h"
#include "snapshotgenerator.h"

#include <QElapsedTimer>
#include <QStandardPaths>
#include <QTest>

using namespace Glc;

namespace {
ConsumedLicense cloud(const QString &login, const QString &name, const QStringList &verified, const QString &saml = {})
{
    ConsumedLicense c;
    c.githubComLogin = login;
    c.githubComName = name;
    c.githubComVerifiedDomainEmails = verified;
    c.githubComSamlNameId = saml;
    c.githubComUser = true;
    c.githubComMemberRoles = {QStringLiteral("acme:Member")};
    c.licenseType = QStringLiteral("enterprise");
    return c;
}

ConsumedLicense serverOnly(const QString &email, const QString &id = QStringLiteral("ghes.example.com:17"))
{
    ConsumedLicense s;
    s.enterpriseServerEmails = {email};
    s.enterpriseServerUserIds = {id};
    s.enterpriseServerUser = TriState::Yes;
    s.licenseType = QStringLiteral("enterprise");
    return s;
}
} // namespace

Q_DECLARE_METATYPE(QList<Glc::ConsumedLicense>)
Q_DECLARE_METATYPE(Glc::CountedTwicePair::Reason)

class CountedTwiceTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldPairOnlySpecificEvidence_data()
    {
        QTest::addColumn<QList<ConsumedLicense>>("seats");
        QTest::addColumn<int>("expectedCloudRow"); // -1: must not pair
        QTest::addColumn<CountedTwicePair::Reason>("expectedReason");

        using R = CountedTwicePair::Reason;
        const auto alice =
            cloud(QStringLiteral("alice-gh"), QStringLiteral("Alice Liddell"), {QStringLiteral("alice@example.com")});
        QTest::newRow("same local part, other domain")
            << QList<ConsumedLicense>{alice, serverOnly(QStringLiteral("alice@corp.example.net"))} << 0
            << R::SameLocalPartOtherDomain;
        QTest::newRow("plus tag and case ignored")
            << QList<ConsumedLicense>{alice, serverOnly(QStringLiteral("Alice+ghes@Corp.Example.net"))} << 0
            << R::SameLocalPartOtherDomain;
        QTest::newRow("local part is login")
            << QList<ConsumedLicense>{cloud(QStringLiteral("bwayne"), QStringLiteral("Bruce Wayne"),
                                          {QStringLiteral("bruce@example.com")}),
                   serverOnly(QStringLiteral("bwayne@corp.example.net"))}
            << 0 << R::LocalPartIsLogin;
        QTest::newRow("local part is SAML NameID")
            << QList<ConsumedLicense>{cloud(QStringLiteral("ck-gh"), QStringLiteral("Clark Kent"),
                                          {QStringLiteral("clark.kent@example.com")}, QStringLiteral("ckent")),
                   serverOnly(QStringLiteral("ckent@corp.example.net"))}
            << 0 << R::LocalPartIsSamlNameId;
        QTest::newRow("SAML NameID e-mail local part")
            << QList<ConsumedLicense>{cloud(QStringLiteral("dp-gh"), QStringLiteral("Diana Prince"), {},
                                          QStringLiteral("diana@example.com")),
                   serverOnly(QStringLiteral("diana@corp.example.net"))}
            << 0 << R::SameLocalPartOtherDomain;
        QTest::newRow("local part spells the name")
            << QList<ConsumedLicense>{serverOnly(QStringLiteral("anna.muller@corp.example.net")),
                   cloud(QStringLiteral("amx"), QStringLiteral("Anna Müller"), {QStringLiteral("a.m@example.com")})}
            << 1 << R::MatchingName;
        QTest::newRow("name with capitals, comma and digits spells the local part")
            << QList<ConsumedLicense>{serverOnly(QStringLiteral("john.smith@corp.example.net")),
                   cloud(QStringLiteral("jsx"), QStringLiteral("SMITH, John (2)"), {QStringLiteral("js@example.com")})}
            << 1 << R::MatchingName;
        QTest::newRow("a third word in the name does not pair")
            << QList<ConsumedLicense>{serverOnly(QStringLiteral("john.smith@corp.example.net")),
                   cloud(QStringLiteral("jsx"), QStringLiteral("John Smith-Jones"), {QStringLiteral("js@example.com")})}
            << -1 << R::MatchingName;
        QTest::newRow("the same letters in other words do not pair")
            << QList<ConsumedLicense>{serverOnly(QStringLiteral("anna.mueller@corp.example.net")),
                   cloud(QStringLiteral("amx"), QStringLiteral("Ann Amueller"), {QStringLiteral("a.m@example.com")})}
            << -1 << R::MatchingName;
        QTest::newRow("a name two people share, one spelled with an accent")
            << QList<ConsumedLicense>{serverOnly(QStringLiteral("anna.muller@corp.example.net")),
                   cloud(QStringLiteral("amx"), QStringLiteral("Anna Muller"), {QStringLiteral("a.m@example.com")}),
                   cloud(QStringLiteral("amy"), QStringLiteral("Anna Müller"), {QStringLiteral("a.y@example.com")})}
            << -1 << R::MatchingName;
        QTest::newRow("Chinese e-mail and name")
            << QList<ConsumedLicense>{cloud(QStringLiteral("wangwei"), QStringLiteral("王伟"),
                                          {QStringLiteral("王伟@例子.公司")}),
                   serverOnly(QStringLiteral("王伟@公司.中国"))}
            << 0 << R::SameLocalPartOtherDomain;
        // Near misses: must not pair.
        QTest::newRow("generic mailbox admin")
            << QList<ConsumedLicense>{cloud(QStringLiteral("admin"), QStringLiteral("Site Admin"),
                                          {QStringLiteral("admin@example.com")}),
                   serverOnly(QStringLiteral("admin@corp.example.net"))}
            << -1 << R::SameLocalPartOtherDomain;
        QTest::newRow("generic mailbox info")
            << QList<ConsumedLicense>{cloud(QStringLiteral("info-gh"), QStringLiteral("Info Desk"),
                                          {QStringLiteral("info@example.com")}),
                   serverOnly(QStringLiteral("info@corp.example.net"))}
            << -1 << R::SameLocalPartOtherDomain;
        QTest::newRow("one letter different")
            << QList<ConsumedLicense>{cloud(QStringLiteral("asmith"), QStringLiteral("Anna Smith"),
                                          {QStringLiteral("anna.smith@example.com")}),
                   serverOnly(QStringLiteral("anna.smyth@corp.example.net"))}
            << -1 << R::SameLocalPartOtherDomain;
        QTest::newRow("too short") << QList<ConsumedLicense>{cloud(QStringLiteral("jo"), QStringLiteral("Jo Lee"),
                                                                 {QStringLiteral("jo@example.com")}),
                                          serverOnly(QStringLiteral("jo@corp.example.net"))}
                                   << -1 << R::SameLocalPartOtherDomain;
        QTest::newRow("two people share the local part")
            << QList<ConsumedLicense>{cloud(QStringLiteral("jdoe1"), QStringLiteral("John Doe"),
                                          {QStringLiteral("jdoe@example.com")}),
                   cloud(QStringLiteral("jdoe2"), QStringLiteral("Jane Doe"), {QStringLiteral("jdoe@example.org")}),
                   serverOnly(QStringLiteral("jdoe@corp.example.net"))}
            << -1 << R::SameLocalPartOtherDomain;
        QTest::newRow("name shared by two people")
            << QList<ConsumedLicense>{cloud(QStringLiteral("ww1"), QStringLiteral("Wei Wang"),
                                          {QStringLiteral("w1@example.com")}),
                   cloud(QStringLiteral("ww2"), QStringLiteral("Wang Wei"), {QStringLiteral("w2@example.com")}),
                   serverOnly(QStringLiteral("wei.wang@corp.example.net"))}
            << -1 << R::MatchingName;
        QTest::newRow("same name, different local part")
            << QList<ConsumedLicense>{cloud(QStringLiteral("psmith"), QStringLiteral("Peter Smith"),
                                          {QStringLiteral("peter.smith@example.com")}),
                   serverOnly(QStringLiteral("pete.s@corp.example.net"))}
            << -1 << R::MatchingName;
        QTest::newRow("single-word name does not pair")
            << QList<ConsumedLicense>{cloud(QStringLiteral("x1"), QStringLiteral("Madonna"),
                                          {QStringLiteral("m@example.com")}),
                   serverOnly(QStringLiteral("madonna@corp.example.net"))}
            << -1 << R::MatchingName;
        QTest::newRow("exact e-mail is GitHub's own match")
            << QList<ConsumedLicense>{cloud(QStringLiteral("eve-gh"), QStringLiteral("Eve Moneypenny"),
                                          {QStringLiteral("eve@example.com")}),
                   serverOnly(QStringLiteral("eve@example.com"))}
            << -1 << R::SameLocalPartOtherDomain;
        // Lowering that changes byte lengths: the Kelvin sign lowers to "k" (3 bytes to 1), the
        // dotted capital I to "i" and a combining dot (2 bytes to 3).
        QTest::newRow("login lowers shorter")
            << QList<ConsumedLicense>{cloud(QStringLiteral("\u212Aelvin"), QStringLiteral("Kay Elvin"), {}),
                   serverOnly(QStringLiteral("kelvin@corp.example.net"))}
            << 0 << R::LocalPartIsLogin;
        QTest::newRow("login shorter, name longer, same total")
            << QList<ConsumedLicense>{cloud(QStringLiteral("\u212Aelvin"), QStringLiteral("\u0130\u0130 Elvin"), {}),
                   serverOnly(QStringLiteral("kelvin@corp.example.net"))}
            << 0 << R::LocalPartIsLogin;
        QTest::newRow("dotted capital I in both e-mails")
            << QList<ConsumedLicense>{cloud(QStringLiteral("irem-gh"), QStringLiteral("Irem Yilmaz"),
                                          {QStringLiteral("\u0130rem@example.com")}),
                   serverOnly(QStringLiteral("\u0130REM@corp.example.net"))}
            << 0 << R::SameLocalPartOtherDomain;
    }

    void shouldPairOnlySpecificEvidence()
    {
        QFETCH(QList<ConsumedLicense>, seats);
        QFETCH(int, expectedCloudRow);
        QFETCH(CountedTwicePair::Reason, expectedReason);
        const CountedTwiceResult result = CountedTwiceAnalyzer::analyze(seats);
        if (expectedCloudRow < 0) {
            QVERIFY2(result.pairs.isEmpty(), qPrintable(result.pairs.value(0).fix));
            QCOMPARE(result.seatsFreed, 0);
            return;
        }
        QCOMPARE(result.pairs.size(), 1);
        const CountedTwicePair &p = result.pairs.first();
        QCOMPARE(p.cloudRow, expectedCloudRow);
        QVERIFY(seats.at(p.serverRow).isServerOnly());
        QCOMPARE(p.reason, expectedReason);
        QVERIFY(p.confidence >= 60 && p.confidence <= 100);
        QCOMPARE(p.seatsFreed, 1);
        QCOMPARE(result.seatsFreed, 1);
        QVERIFY(p.fix.contains(p.serverEmail));
        QVERIFY(p.fix.contains(seats.at(p.cloudRow).githubComLogin));
        QVERIFY(!CountedTwicePair::reasonText(p.reason).isEmpty());
    }

    void shouldNameWhereToFixAndWhichDomain()
    {
        const QList<ConsumedLicense> seats = {
            cloud(QStringLiteral("alice-gh"), QStringLiteral("Alice"), {QStringLiteral("alice@example.com")}),
            serverOnly(QStringLiteral("alice@corp.example.net"), QStringLiteral("ghes-2.example.com:5"))};
        const auto result = CountedTwiceAnalyzer::analyze(seats);
        QCOMPARE(result.pairs.size(), 1);
        const QString fix = result.pairs.first().fix;
        QVERIFY2(fix.contains(QLatin1String("ghes-2.example.com")), qPrintable(fix));
        QVERIFY(fix.contains(QLatin1String("alice@example.com")));
        QVERIFY(fix.contains(QLatin1String("corp.example.net")));
        QCOMPARE(result.pairs.first().cloudEmail, QStringLiteral("alice@example.com"));
    }

    void shouldUseServerProfileNames()
    {
        const QList<ConsumedLicense> seats = {
            cloud(QStringLiteral("fz"), QStringLiteral("Frank Zappa"), {QStringLiteral("frank@example.com")}),
            serverOnly(QStringLiteral("fz1234@corp.example.net"), QStringLiteral("ghes.example.com:99"))};
        QCOMPARE(CountedTwiceAnalyzer::analyze(seats).pairs.size(), 0);
        EnterpriseServerInstallation inst;
        inst.hostName = QStringLiteral("ghes.example.com");
        inst.userAccounts.append(ServerUserAccount{
            QStringLiteral("fz1234"), QStringLiteral("99"), QStringLiteral("Zappa, Frank"), {}, false, {}});
        const auto result = CountedTwiceAnalyzer::analyze(seats, CountedTwiceAnalyzer::serverProfileNames({inst}));
        QCOMPARE(result.pairs.size(), 1);
        QCOMPARE(result.pairs.first().reason, CountedTwicePair::Reason::MatchingName);

        // A server account without any e-mail, paired by its profile name: the fix gives it one.
        ConsumedLicense noEmail = serverOnly({}, QStringLiteral("ghes.example.com:99"));
        noEmail.enterpriseServerEmails.clear();
        const auto bare =
            CountedTwiceAnalyzer::analyze({seats.first(), noEmail}, CountedTwiceAnalyzer::serverProfileNames({inst}));
        QCOMPARE(bare.pairs.size(), 1);
        const QString fix = bare.pairs.first().fix;
        QVERIFY2(fix.contains(QLatin1String("ghes.example.com:99")) &&
                fix.contains(QLatin1String("frank@example.com")) && fix.contains(QLatin1String("has none")) &&
                !fix.contains(QLatin1String("  ")),
            qPrintable(fix));
    }

    void shouldFlagUnexpectedSeats()
    {
        ConsumedLicense pending = cloud(QStringLiteral("invitee"), QStringLiteral("In Vitee"), {});
        pending.githubComMemberRoles.clear();
        pending.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
        ConsumedLicense vs;
        vs.visualStudioSubscriptionUser = true;
        vs.visualStudioSubscriptionEmail = QStringLiteral("dev@partner.example");
        vs.licenseType = QStringLiteral("visual_studio");
        ConsumedLicense member = cloud(QStringLiteral("member"), QStringLiteral("Mem Ber"), {});
        member.githubComOrgsWithPendingInvites = {QStringLiteral("research")}; // also a member: expected
        const auto result = CountedTwiceAnalyzer::analyze({pending, vs, member});
        QCOMPARE(result.unexpected.size(), 2);
        QCOMPARE(result.unexpected.at(0).row, 0);
        QCOMPARE(result.unexpected.at(0).kind, UnexpectedSeat::Kind::PendingInvitationOnly);
        QVERIFY(result.unexpected.at(0).explanation.contains(QLatin1String("research")));
        QCOMPARE(result.unexpected.at(1).row, 1);
        QCOMPARE(result.unexpected.at(1).kind, UnexpectedSeat::Kind::UnmatchedVisualStudioSubscriber);
        QVERIFY(result.unexpected.at(1).explanation.contains(QLatin1String("dev@partner.example")));
    }

    void shouldListFindingsForASpreadsheet()
    {
        // A pair, then the seats that count unexpectedly; a subscriber known by an e-mail a spreadsheet would
        // run as a formula.
        ConsumedLicense pending = cloud(QStringLiteral("invitee"), QStringLiteral("In Vitee"), {});
        pending.githubComMemberRoles.clear();
        pending.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
        ConsumedLicense vs;
        vs.visualStudioSubscriptionUser = true;
        vs.visualStudioSubscriptionEmail = QStringLiteral("=1+1@partner.example");
        vs.licenseType = QStringLiteral("visual_studio");
        const QList<ConsumedLicense> seats = {
            cloud(QStringLiteral("alice"), QStringLiteral("Alice Liddell"), {QStringLiteral("alice@example.com")}),
            serverOnly(QStringLiteral("alice@corp.example"), QStringLiteral("ghes.example.com:17")), pending, vs};
        const CompactLicenseRows rows = CompactLicenseRows::fromLicenses(seats);
        const CountedTwiceResult result = CountedTwiceAnalyzer::analyze(rows);
        QCOMPARE(result.pairs.size(), 1);
        QCOMPARE(result.unexpected.size(), 2);

        const QByteArray csv = FixListWriter::toCsv(rows, result, false);
        const QStringList lines = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
        QCOMPARE(lines.size(), 5); // the titles, three findings, and nothing after the last line break
        QCOMPARE(lines.at(0), FixListWriter::columns().join(QLatin1Char(',')));
        const CountedTwicePair &pair = result.pairs.first();
        QCOMPARE(lines.at(1),
            QStringLiteral(
                "Counted twice,ghes.example.com:17,alice@corp.example,alice,alice@example.com,%1,\"%2\",1,%3")
                .arg(CountedTwicePair::reasonText(pair.reason),
                    QString(pair.fix).replace(QLatin1Char('"'), QLatin1String("\"\"")))
                .arg(pair.confidence));
        QVERIFY2(
            lines.at(2).startsWith(QLatin1String("A pending invitation only,,,invitee,,,")), qPrintable(lines.at(2)));
        QVERIFY(lines.at(2).contains(QLatin1String("research")));
        QVERIFY2(lines.at(3).startsWith(
                     QLatin1String("Visual Studio subscriber without a github.com account,,'=1+1@partner.example,,,,")),
            qPrintable(lines.at(3)));
        QVERIFY(lines.at(3).endsWith(QLatin1String(",,")));
        QCOMPARE(lines.at(4), QString());
        QVERIFY(!csv.startsWith("\xEF\xBB\xBF"));
        QCOMPARE(FixListWriter::toCsv(rows, result, true), QByteArray("\xEF\xBB\xBF") + csv);
    }

    void shouldFindGeneratedMismatches()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 5000;
        o.servers = 5;
        o.mismatchedShare = 0.1;
        const auto snapshot = GlcTest::SnapshotGenerator::generate(o);
        int serverOnlyRows = 0;
        for (const auto &u : snapshot.licenses.users) {
            serverOnlyRows += u.isServerOnly() ? 1 : 0;
        }
        QVERIFY(serverOnlyRows > 100);
        const auto result = CountedTwiceAnalyzer::analyze(snapshot.licenses.users);
        QCOMPARE(int(result.pairs.size()), serverOnlyRows);
        for (const auto &p : result.pairs) {
            QCOMPARE(p.reason, CountedTwicePair::Reason::SameLocalPartOtherDomain);
            QCOMPARE(CountedTwiceAnalyzer::localPart(
                         snapshot.licenses.users.at(p.cloudRow).githubComVerifiedDomainEmails.first()),
                CountedTwiceAnalyzer::localPart(p.serverEmail));
        }
    }

    void shouldNormalizeNames_data()
    {
        QTest::addColumn<QString>("name");
        QTest::addColumn<QString>("key");
        QTest::newRow("order and accents") << QStringLiteral("Müller, Anna") << QStringLiteral("anna muller");
        QTest::newRow("dots") << QStringLiteral("anna.muller") << QStringLiteral("anna muller");
        QTest::newRow("digits dropped") << QStringLiteral("anna.muller2") << QStringLiteral("anna muller");
        QTest::newRow("single word") << QStringLiteral("Madonna") << QString();
        QTest::newRow("chinese") << QStringLiteral("王伟") << QStringLiteral("王伟");
        QTest::newRow("one han character") << QStringLiteral("伟") << QString();
    }

    void shouldNormalizeNames()
    {
        QFETCH(QString, name);
        QFETCH(QString, key);
        QCOMPARE(CountedTwiceAnalyzer::nameKey(name), key);
    }
};

QTEST_GUILESS_MAIN(CountedTwiceTest)
#include "countedtwicetest.moc"
