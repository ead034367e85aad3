// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/compactlicenserows.h"
#include "snapshotgenerator.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>

using namespace Glc;

namespace {
ConsumedLicense fullSeat()
{
    ConsumedLicense l;
    l.githubComLogin = QStringLiteral("Octo-Cat");
    l.githubComName = QStringLiteral("Mona Lisa Octocat");
    l.githubComProfile = QStringLiteral("https://github.com/Octo-Cat");
    l.githubComSamlNameId = QStringLiteral("Mona.Lisa@Example.COM");
    l.licenseType = QStringLiteral("visual_studio");
    l.visualStudioLicenseStatus = QStringLiteral("Active");
    l.visualStudioSubscriptionEmail = QStringLiteral("mona@vs.example.com");
    l.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:42"), QStringLiteral("ghes-2.example.com:7")};
    l.enterpriseServerEmails = {QStringLiteral("mona@corp.example.net"), QStringLiteral("MONA@old.example.net")};
    l.githubComVerifiedDomainEmails = {QStringLiteral("mona@example.com")};
    l.githubComMemberRoles = {QStringLiteral("acme:Owner"), QStringLiteral("research:Member")};
    l.githubComEnterpriseRoles = {QStringLiteral("Owner")};
    l.githubComOrgsWithPendingInvites = {QStringLiteral("octo-labs")};
    l.totalUserAccounts = 3;
    l.githubComUser = true;
    l.visualStudioSubscriptionUser = true;
    l.enterpriseServerUser = TriState::Yes;
    l.githubComTwoFactorAuth = TriState::No;
    return l;
}

QList<ConsumedLicense> tableSeats()
{
    QList<ConsumedLicense> seats;
    seats.append(fullSeat());

    ConsumedLicense chinese;
    chinese.githubComLogin = QStringLiteral("王伟");
    chinese.githubComName = QStringLiteral("王伟（研发部）");
    chinese.githubComProfile = QStringLiteral("https://github.com/王伟");
    chinese.githubComSamlNameId = QStringLiteral("王伟@例子.公司");
    chinese.githubComVerifiedDomainEmails = {QStringLiteral("王伟@例子.公司"), QStringLiteral("wei.wang@例子.公司")};
    chinese.enterpriseServerUserIds = {QStringLiteral("服务器.例子.公司:12")};
    chinese.enterpriseServerEmails = {QStringLiteral("王伟@服务器.例子.公司")};
    chinese.githubComMemberRoles = {QStringLiteral("研发:Member")};
    chinese.licenseType = QStringLiteral("enterprise");
    chinese.totalUserAccounts = 2;
    chinese.githubComUser = true;
    chinese.enterpriseServerUser = TriState::Yes;
    chinese.githubComTwoFactorAuth = TriState::Yes;
    seats.append(chinese);

    // Upper-case letters outside ASCII; lowering keeps their UTF-8 length (patched back).
    ConsumedLicense accented;
    accented.githubComLogin = QStringLiteral("zoe-gh");
    accented.githubComName = QStringLiteral("ZOË ÅNGSTRÖM Øster");
    accented.githubComVerifiedDomainEmails = {QStringLiteral("ÅSA@Exämple.COM")};
    accented.licenseType = QStringLiteral("enterprise");
    seats.append(accented);

    // Lowering changes the UTF-8 length (ẞ -> ß, Kelvin sign -> k): the original is kept whole.
    ConsumedLicense lengthChanging;
    lengthChanging.githubComLogin = QStringLiteral("strasse");
    lengthChanging.githubComName = QStringLiteral("GROẞE \u212Aelvin");
    lengthChanging.githubComSamlNameId = QStringLiteral("Große@Example.com");
    lengthChanging.githubComProfile = QStringLiteral("https://example.org/people/42");
    lengthChanging.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:9")};
    seats.append(lengthChanging);

    // Nothing at all: every string empty, every list empty, TriStates unknown.
    seats.append(ConsumedLicense{});

    // Empty items inside lists, and a server-only seat.
    ConsumedLicense emptyItems;
    emptyItems.githubComVerifiedDomainEmails = {QString(), QString()};
    emptyItems.enterpriseServerEmails = {QString()};
    emptyItems.githubComMemberRoles = {QString()};
    emptyItems.enterpriseServerUserIds = {QString()};
    emptyItems.enterpriseServerUser = TriState::No;
    emptyItems.totalUserAccounts = -5;
    seats.append(emptyItems);

    // Many e-mails and long text: counts and lengths beyond one varint byte.
    ConsumedLicense many;
    many.githubComLogin = QStringLiteral("many-mails");
    many.githubComName = QString(300, QChar(u'名'));
    for (int i = 0; i < 200; ++i) {
        many.githubComVerifiedDomainEmails.append(QStringLiteral("Person.%1@Example%2.com").arg(i).arg(i % 7));
    }
    for (int i = 0; i < 150; ++i) {
        many.enterpriseServerEmails.append(QStringLiteral("用户%1@服务器.com").arg(i));
        many.enterpriseServerUserIds.append(QStringLiteral("ghes-%1.example.com:%2").arg(i % 70).arg(1000 + i));
    }
    many.totalUserAccounts = 100000;
    many.enterpriseServerUser = TriState::Yes;
    seats.append(many);

    // Surrogate pairs, a value with the search separator in it, odd server user IDs.
    ConsumedLicense odd;
    odd.githubComLogin = QStringLiteral("emoji");
    odd.githubComName = QStringLiteral("Dev 😀 𠀀 Ünicode");
    odd.githubComSamlNameId = QStringLiteral("a") + QChar(0x1f) + QStringLiteral("b");
    odd.githubComProfile = QStringLiteral("emoji"); // equal to the login: not a "<site>/<login>" profile
    odd.enterpriseServerUserIds = {QStringLiteral("no-colon.example.com"), QStringLiteral(":7"),
        QStringLiteral("host:with:colons:5"), QStringLiteral("ghes-1.example.com:")};
    odd.githubComEnterpriseRoles = {QStringLiteral("Billing manager"), QStringLiteral("Owner")};
    odd.githubComTwoFactorAuth = TriState::Unknown;
    odd.enterpriseServerUser = TriState::No;
    seats.append(odd);

    // A GHE.com profile: a second profile prefix in the shared table.
    ConsumedLicense gheCom = fullSeat();
    gheCom.githubComLogin = QStringLiteral("octo_acme");
    gheCom.githubComProfile = QStringLiteral("https://acme.ghe.com/octo_acme");
    gheCom.githubComTwoFactorAuth = TriState::Unknown;
    gheCom.enterpriseServerUser = TriState::Unknown;
    seats.append(gheCom);
    return seats;
}

QString searchItems(const ConsumedLicense &l)
{
    QStringList items{l.githubComLogin, l.githubComName};
    items += l.githubComVerifiedDomainEmails;
    items += l.enterpriseServerEmails;
    items << l.githubComSamlNameId << l.visualStudioSubscriptionEmail;
    return items.join(QChar(0x1f));
}

/// The seat as the store keeps it: a list is its items joined by the separator (an empty text
/// being no items), so an only empty item is lost and an item holding the separator splits.
ConsumedLicense storedForm(ConsumedLicense l)
{
    for (QStringList *list : {&l.enterpriseServerUserIds, &l.enterpriseServerEmails, &l.githubComVerifiedDomainEmails,
             &l.githubComMemberRoles, &l.githubComEnterpriseRoles, &l.githubComOrgsWithPendingInvites}) {
        const QString joined = list->join(QChar(u'\x1f'));
        *list = joined.isEmpty() ? QStringList() : joined.split(QChar(u'\x1f'));
    }
    return l;
}

/// The seat as SQLite hands it to the store: UTF-8 views into `keep`.
CompactLicenseRows::Utf8Row utf8Row(const ConsumedLicense &l, QList<QByteArray> &keep)
{
    const auto text = [&keep](const QString &s) {
        keep.append(s.toUtf8());
        return QByteArrayView(keep.constLast());
    };
    const auto list = [&text](const QStringList &items) { return text(items.join(QChar(u'\x1f'))); };
    CompactLicenseRows::Utf8Row row;
    row.login = text(l.githubComLogin);
    row.name = text(l.githubComName);
    row.profile = text(l.githubComProfile);
    row.samlNameId = text(l.githubComSamlNameId);
    row.licenseType = text(l.licenseType);
    row.visualStudioLicenseStatus = text(l.visualStudioLicenseStatus);
    row.visualStudioSubscriptionEmail = text(l.visualStudioSubscriptionEmail);
    row.serverUserIds = list(l.enterpriseServerUserIds);
    row.serverEmails = list(l.enterpriseServerEmails);
    row.verifiedDomainEmails = list(l.githubComVerifiedDomainEmails);
    row.memberRoles = list(l.githubComMemberRoles);
    row.enterpriseRoles = list(l.githubComEnterpriseRoles);
    row.orgsWithPendingInvites = list(l.githubComOrgsWithPendingInvites);
    row.totalUserAccounts = l.totalUserAccounts;
    row.githubComUser = l.githubComUser;
    row.visualStudioSubscriptionUser = l.visualStudioSubscriptionUser;
    row.enterpriseServerUser = l.enterpriseServerUser;
    row.githubComTwoFactorAuth = l.githubComTwoFactorAuth;
    return row;
}

void compareSeat(const ConsumedLicense &actual, const ConsumedLicense &expected)
{
    QCOMPARE(actual.githubComLogin, expected.githubComLogin);
    QCOMPARE(actual.githubComName, expected.githubComName);
    QCOMPARE(actual.githubComProfile, expected.githubComProfile);
    QCOMPARE(actual.githubComSamlNameId, expected.githubComSamlNameId);
    QCOMPARE(actual.licenseType, expected.licenseType);
    QCOMPARE(actual.visualStudioLicenseStatus, expected.visualStudioLicenseStatus);
    QCOMPARE(actual.visualStudioSubscriptionEmail, expected.visualStudioSubscriptionEmail);
    QCOMPARE(actual.enterpriseServerUserIds, expected.enterpriseServerUserIds);
    QCOMPARE(actual.enterpriseServerEmails, expected.enterpriseServerEmails);
    QCOMPARE(actual.githubComVerifiedDomainEmails, expected.githubComVerifiedDomainEmails);
    QCOMPARE(actual.githubComMemberRoles, expected.githubComMemberRoles);
    QCOMPARE(actual.githubComEnterpriseRoles, expected.githubComEnterpriseRoles);
    QCOMPARE(actual.githubComOrgsWithPendingInvites, expected.githubComOrgsWithPendingInvites);
    QCOMPARE(actual.totalUserAccounts, expected.totalUserAccounts);
    QCOMPARE(actual.githubComUser, expected.githubComUser);
    QCOMPARE(actual.visualStudioSubscriptionUser, expected.visualStudioSubscriptionUser);
    QCOMPARE(actual.enterpriseServerUser, expected.enterpriseServerUser);
    QCOMPARE(actual.githubComTwoFactorAuth, expected.githubComTwoFactorAuth);
    QVERIFY(actual == expected);
}
} // namespace

class CompactLicenseRowsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldRoundTripEveryField_data()
    {
        QTest::addColumn<int>("index");
        const QList<ConsumedLicense> seats = tableSeats();
        const char *const names[] = {"every field, ASCII", "Chinese login, name and e-mails", "non-ASCII upper case",
            "lowering changes length", "all empty", "empty list items", "many e-mails, long name",
            "surrogates, separator, odd IDs", "GHE.com profile"};
        QCOMPARE(std::size(names), size_t(seats.size()));
        for (int i = 0; i < seats.size(); ++i) {
            QTest::newRow(names[i]) << i;
        }
    }

    void shouldRoundTripEveryField()
    {
        QFETCH(int, index);
        const QList<ConsumedLicense> seats = tableSeats();
        // All rows in one store, so shared tables and neighbouring records are exercised too.
        CompactLicenseRows rows;
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        rows.squeeze();
        QCOMPARE(rows.size(), seats.size());
        const ConsumedLicense &expected = seats.at(index);
        compareSeat(rows.license(index), expected);
        if (QTest::currentTestFailed()) {
            return;
        }
        using Text = CompactLicenseRows::Text;
        using List = CompactLicenseRows::List;
        QCOMPARE(rows.text(index, Text::Login), expected.githubComLogin);
        QCOMPARE(rows.text(index, Text::Name), expected.githubComName);
        QCOMPARE(rows.text(index, Text::Profile), expected.githubComProfile);
        QCOMPARE(rows.text(index, Text::SamlNameId), expected.githubComSamlNameId);
        QCOMPARE(rows.text(index, Text::VisualStudioSubscriptionEmail), expected.visualStudioSubscriptionEmail);
        QCOMPARE(rows.list(index, List::ServerUserIds), expected.enterpriseServerUserIds);
        QCOMPARE(rows.list(index, List::VerifiedDomainEmails), expected.githubComVerifiedDomainEmails);
        QCOMPARE(rows.licenseType(index), expected.licenseType);
        QCOMPARE(rows.totalUserAccounts(index), expected.totalUserAccounts);
        QCOMPARE(rows.githubComTwoFactorAuth(index), expected.githubComTwoFactorAuth);
        QCOMPARE(rows.enterpriseServerUser(index), expected.enterpriseServerUser);
        QCOMPARE(rows.serverHosts(index), expected.serverHosts());
        // Undecoded server user IDs: a host of hosts() and the rest of the ID as UTF-8.
        QStringList ids;
        for (const CompactLicenseRows::ServerUserId &id : rows.serverUserIds(index)) {
            ids.append(rows.hosts().at(id.host) + QString::fromUtf8(id.suffix));
        }
        QCOMPARE(ids, expected.enterpriseServerUserIds);
        // The search text is every searchable item lower-cased, joined by the separator.
        QCOMPARE(rows.searchText(index).toByteArray(), searchItems(expected).toLower().toUtf8());
    }

    void shouldPackUtf8RowsLikeTheirSeats()
    {
        // Every kind of seat twice over, appended from UTF-8 alone and alternating with seats,
        // so the shared tables and the last-hit caches of both kinds meet.
        QList<ConsumedLicense> seats = tableSeats();
        seats += tableSeats();
        CompactLicenseRows expected;
        CompactLicenseRows fromUtf8;
        CompactLicenseRows mixed;
        QList<QByteArray> keep;
        for (qsizetype i = 0; i < seats.size(); ++i) {
            const ConsumedLicense stored = storedForm(seats.at(i));
            expected.append(stored);
            keep.clear();
            const CompactLicenseRows::Utf8Row row = utf8Row(seats.at(i), keep);
            fromUtf8.append(row);
            if (i % 2) {
                mixed.append(row);
            } else {
                mixed.append(stored);
            }
        }
        fromUtf8.squeeze();
        QCOMPARE(fromUtf8.size(), seats.size());
        for (qsizetype i = 0; i < seats.size(); ++i) {
            compareSeat(fromUtf8.license(i), storedForm(seats.at(i)));
            if (QTest::currentTestFailed()) {
                qWarning() << "seat" << i;
                return;
            }
            QCOMPARE(fromUtf8.searchText(i), expected.searchText(i));
            QCOMPARE(mixed.searchText(i), expected.searchText(i));
            QVERIFY(mixed.license(i) == storedForm(seats.at(i)));
        }
        QCOMPARE(fromUtf8.hosts(), expected.hosts());
        QCOMPARE(fromUtf8.sharedStrings(), expected.sharedStrings());
        QCOMPARE(mixed.hosts(), expected.hosts());
        QCOMPARE(mixed.sharedStrings(), expected.sharedStrings());
        // The separator: an empty text is no item, two separators three items.
        keep.clear();
        CompactLicenseRows::Utf8Row row;
        row.memberRoles = "\x1f\x1f";
        row.serverEmails = "";
        CompactLicenseRows one;
        one.append(row);
        QCOMPARE(one.license(0).githubComMemberRoles, QStringList({QString(), QString(), QString()}));
        QCOMPARE(one.license(0).enterpriseServerEmails, QStringList());
    }

    void shouldLowerEveryCodePointFromUtf8LikeQString()
    {
        // Every code point past ASCII (no surrogates), 256 to a name between upper-case ASCII:
        // the UTF-8 path copies caseless scripts as they are and lowers the rest as QString does.
        CompactLicenseRows fromSeats;
        CompactLicenseRows fromUtf8;
        QList<ConsumedLicense> seats;
        QList<QByteArray> keep;
        for (char32_t first = 0x80; first <= 0x10ffff; first += 256) {
            QString name = QStringLiteral("AB ");
            for (char32_t c = first; c < first + 256 && c <= 0x10ffff; ++c) {
                if (!QChar::isSurrogate(c)) {
                    name += QString::fromUcs4(&c, 1);
                }
            }
            name += QStringLiteral(" CD");
            ConsumedLicense seat;
            seat.githubComLogin = QStringLiteral("U+%1").arg(quint32(first), 4, 16, QLatin1Char('0'));
            seat.githubComName = name;
            seat.githubComVerifiedDomainEmails = {name + QStringLiteral("@Example.COM")};
            fromSeats.append(seat);
            keep.clear();
            fromUtf8.append(utf8Row(seat, keep));
            seats.append(seat);
        }
        for (qsizetype i = 0; i < seats.size(); ++i) {
            QVERIFY2(fromUtf8.searchText(i) == fromSeats.searchText(i), qPrintable(seats.at(i).githubComLogin));
            QVERIFY2(fromUtf8.license(i) == seats.at(i), qPrintable(seats.at(i).githubComLogin));
        }
    }

    void shouldFindLowerCaseNeedles_data()
    {
        QTest::addColumn<int>("index");
        QTest::addColumn<QString>("typed");
        QTest::newRow("ASCII login, other case") << 0 << QStringLiteral("OCTO-cat");
        QTest::newRow("SAML NameID") << 0 << QStringLiteral("mona.lisa@example.com");
        QTest::newRow("second server e-mail") << 0 << QStringLiteral("mona@OLD");
        QTest::newRow("Chinese e-mail") << 1 << QStringLiteral("王伟@例子");
        QTest::newRow("Chinese server e-mail") << 1 << QStringLiteral("服务器.例子");
        QTest::newRow("Å as å") << 2 << QStringLiteral("ångström");
        QTest::newRow("Ø as ø") << 2 << QStringLiteral("øster");
        QTest::newRow("ẞ as ß") << 3 << QStringLiteral("große");
        QTest::newRow("Kelvin sign as k") << 3 << QStringLiteral("kelvin");
        QTest::newRow("200th e-mail") << 6 << QStringLiteral("person.199@example3");
        QTest::newRow("astral plane") << 7 << QStringLiteral("𠀀 ü");
    }

    void shouldFindLowerCaseNeedles()
    {
        QFETCH(int, index);
        QFETCH(QString, typed);
        CompactLicenseRows rows;
        const QList<ConsumedLicense> seats = tableSeats();
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        const QByteArray needle = typed.toLower().toUtf8();
        QVERIFY(rows.searchText(index).contains(needle));
        // Exactly the rows whose items hold the text match.
        for (qsizetype i = 0; i < rows.size(); ++i) {
            const bool expected = searchItems(seats.at(i)).toLower().contains(typed.toLower());
            QCOMPARE(rows.searchText(i).contains(needle), expected);
        }
    }

    void shouldNotMatchAcrossItems()
    {
        CompactLicenseRows rows;
        ConsumedLicense l;
        l.githubComLogin = QStringLiteral("alpha");
        l.githubComName = QStringLiteral("beta");
        rows.append(l);
        QVERIFY(rows.searchText(0).contains(QByteArrayView("alpha")));
        QVERIFY(!rows.searchText(0).contains(QByteArrayView("alphabeta")));
        QVERIFY(!rows.searchText(0).contains(QByteArrayView("alpha beta")));
    }

    void shouldShareOneHostTable()
    {
        CompactLicenseRows rows;
        for (const ConsumedLicense &l : tableSeats()) {
            rows.append(l);
        }
        const QStringList hosts = rows.hosts();
        QCOMPARE(hosts.mid(0, 3),
            (QStringList{QStringLiteral("ghes-1.example.com"), QStringLiteral("ghes-2.example.com"),
                QStringLiteral("服务器.例子.公司")}));
        QCOMPARE(hosts.count(QStringLiteral("ghes-1.example.com")), 1);
        QCOMPARE(rows.hostIndexes(0), (QList<int>{0, 1}));
        QCOMPARE(rows.hostIndexes(3), (QList<int>{0}));
        QCOMPARE(rows.hostIndexes(4), QList<int>{});
        const QList<int> odd = rows.hostIndexes(7);
        QCOMPARE(odd.size(), 4);
        QCOMPARE(hosts.at(odd.at(0)), QStringLiteral("no-colon.example.com"));
        QCOMPARE(hosts.at(odd.at(1)), QStringLiteral(":7"));
        QCOMPARE(hosts.at(odd.at(2)), QStringLiteral("host:with:colons"));
        QCOMPARE(odd.at(3), 0);
    }

    void shouldRoundTripGeneratedSnapshotCompactly()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 5000;
        o.servers = 20;
        o.mismatchedShare = 0.05;
        const LicenseSnapshot snapshot = GlcTest::SnapshotGenerator::generate(o);
        const QList<ConsumedLicense> &seats = snapshot.licenses.users;
        CompactLicenseRows rows;
        rows.reserve(seats.size());
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        rows.squeeze();
        QCOMPARE(rows.size(), seats.size());
        for (qsizetype i = 0; i < seats.size(); ++i) {
            if (!(rows.license(i) == seats.at(i))) {
                compareSeat(rows.license(i), seats.at(i));
                QFAIL(qPrintable(QStringLiteral("row %1 differs").arg(i)));
            }
        }
        QCOMPARE(rows.hosts().size(), 20);
        // The point of the layout: well under 200 bytes per seat (a QList<ConsumedLicense> row
        // is over 1 kB).
        const double perRow = double(rows.recordBytes()) / double(rows.size());
        QVERIFY2(perRow < 200, qPrintable(QString::number(perRow)));
    }

    void shouldGiveTheLowerCaseItemsOneByOne()
    {
        QList<ConsumedLicense> seats = tableSeats();
        // One item lowers shorter, another longer, by as much: the whole text keeps its length.
        ConsumedLicense compensating;
        compensating.githubComLogin = QStringLiteral("\u212Aelvin");
        compensating.githubComName = QStringLiteral("\u0130\u0130 Elvin");
        compensating.githubComVerifiedDomainEmails = {QStringLiteral("Kelvin@Example.com")};
        seats.append(compensating);
        CompactLicenseRows rows;
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        auto lower = [](const QString &s) { return s.toLower().toUtf8(); };
        for (qsizetype i = 0; i < seats.size(); ++i) {
            const ConsumedLicense &l = seats.at(i);
            QByteArray scratch;
            const CompactLicenseRows::SearchItems items = rows.searchItems(i, scratch);
            QCOMPARE(items.login.toByteArray(), lower(l.githubComLogin));
            QCOMPARE(items.name.toByteArray(), lower(l.githubComName));
            QCOMPARE(items.samlNameId.toByteArray(), lower(l.githubComSamlNameId));
            QCOMPARE(items.visualStudioEmail.toByteArray(), lower(l.visualStudioSubscriptionEmail));
            QCOMPARE(items.verifiedEmails.size(), l.githubComVerifiedDomainEmails.size());
            for (qsizetype e = 0; e < items.verifiedEmails.size(); ++e) {
                QCOMPARE(items.verifiedEmails.at(e).toByteArray(), lower(l.githubComVerifiedDomainEmails.at(e)));
            }
            QCOMPARE(items.serverEmails.size(), l.enterpriseServerEmails.size());
            for (qsizetype e = 0; e < items.serverEmails.size(); ++e) {
                QCOMPARE(items.serverEmails.at(e).toByteArray(), lower(l.enterpriseServerEmails.at(e)));
            }
            // Views into the search text itself, unless lowering changed an item's length.
            const bool sameLengths = lower(l.githubComLogin).size() == l.githubComLogin.toUtf8().size() &&
                lower(l.githubComName).size() == l.githubComName.toUtf8().size() &&
                lower(l.githubComSamlNameId).size() == l.githubComSamlNameId.toUtf8().size();
            QCOMPARE(items.inScratch, !sameLengths);
            if (!items.inScratch) {
                QVERIFY(items.login.data() == rows.searchText(i).data());
            }
        }
        compareSeat(rows.license(seats.size() - 1), compensating);
    }

    void shouldJudgeServerOnlyAndPendingInvitationLikeTheSeat()
    {
        QList<ConsumedLicense> seats = tableSeats();
        ConsumedLicense pending;
        pending.githubComLogin = QStringLiteral("invitee");
        pending.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
        seats.append(pending);
        // Each thing that makes the seat count for itself, one at a time.
        for (int variant = 0; variant < 5; ++variant) {
            ConsumedLicense other = pending;
            switch (variant) {
            case 0:
                other.githubComMemberRoles = {QStringLiteral("acme:Member")};
                break;
            case 1:
                other.githubComEnterpriseRoles = {QStringLiteral("outside_collaborator")};
                break;
            case 2:
                other.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:3")};
                break;
            case 3:
                other.visualStudioSubscriptionUser = true;
                break;
            case 4:
                other.githubComLogin.clear();
                break;
            }
            seats.append(other);
        }
        CompactLicenseRows rows;
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        int pendingOnly = 0;
        for (qsizetype i = 0; i < seats.size(); ++i) {
            QCOMPARE(rows.isServerOnly(i), seats.at(i).isServerOnly());
            QCOMPARE(rows.isPendingInvitationOnly(i), seats.at(i).isPendingInvitationOnly());
            pendingOnly += rows.isPendingInvitationOnly(i) ? 1 : 0;
        }
        QCOMPARE(pendingOnly, 1);
    }

    void shouldReorderTheRecordsThemselves()
    {
        const QList<ConsumedLicense> seats = tableSeats();
        CompactLicenseRows rows;
        for (const ConsumedLicense &l : seats) {
            rows.append(l);
        }
        const qsizetype bytes = rows.recordBytes();
        const CompactLicenseRows before = rows;
        // A shuffle.
        QList<qsizetype> order;
        for (qsizetype i = 0; i < seats.size(); ++i) {
            order.append((i * 4 + 3) % seats.size());
        }
        QCOMPARE(QSet<qsizetype>(order.cbegin(), order.cend()).size(), seats.size());
        rows.reorder(order);
        QCOMPARE(rows.size(), seats.size());
        for (qsizetype i = 0; i < seats.size(); ++i) {
            compareSeat(rows.license(i), seats.at(order.at(i)));
            QCOMPARE(rows.searchText(i).toByteArray(), searchItems(seats.at(order.at(i))).toLower().toUtf8());
            QCOMPARE(rows.hostIndexes(i), before.hostIndexes(order.at(i)));
        }
        // Moved, not copied beside the old ones; the copy taken before keeps its order.
        QVERIFY(rows.recordBytes() <= bytes);
        QVERIFY(!rows.isSharedWith(before));
        compareSeat(before.license(0), seats.at(0));
        // Still appendable, and the next reorder sees every record whole.
        rows.append(fullSeat());
        QList<qsizetype> reversed;
        for (qsizetype i = rows.size() - 1; i >= 0; --i) {
            reversed.append(i);
        }
        rows.reorder(reversed);
        compareSeat(rows.license(0), fullSeat());
        compareSeat(rows.license(rows.size() - 1), seats.at(order.at(0)));
    }

    void shouldStartOverAfterClear()
    {
        CompactLicenseRows rows;
        rows.append(fullSeat());
        rows.clear();
        QVERIFY(rows.isEmpty());
        QVERIFY(rows.hosts().isEmpty());
        ConsumedLicense other;
        other.githubComLogin = QStringLiteral("after-clear");
        other.enterpriseServerUserIds = {QStringLiteral("ghes-9.example.com:1")};
        rows.append(other);
        compareSeat(rows.license(0), other);
        QCOMPARE(rows.hosts(), QStringList{QStringLiteral("ghes-9.example.com")});
    }
};

QTEST_GUILESS_MAIN(CompactLicenseRowsTest)
#include "compactlicenserowstest.moc"
