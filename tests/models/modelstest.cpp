// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/dateformat.h"
#include "licensing/countedtwice.h"
#include "licensing/organizationbreakdown.h"
#include "models/consumedlicensesfiltermodel.h"
#include "models/consumedlicensesmodel.h"
#include "models/countedtwicemodels.h"
#include "models/historymodel.h"
#include "models/serverinstancesmodel.h"
#include "models/synchistorymodel.h"
#include "models/usagefilesmodel.h"
#include "snapshotgenerator.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSortFilterProxyModel>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Glc;
using namespace Qt::StringLiterals;

namespace {
QList<ConsumedLicense> sampleSeats()
{
    ConsumedLicense a;
    a.githubComLogin = QStringLiteral("wangwei");
    a.githubComName = QStringLiteral("王伟");
    a.githubComVerifiedDomainEmails = {QStringLiteral("王伟@例子.公司")};
    a.githubComMemberRoles = {QStringLiteral("acme:Member")};
    a.enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:4")};
    a.enterpriseServerEmails = {QStringLiteral("王伟@例子.公司")};
    a.licenseType = QStringLiteral("enterprise");
    a.githubComTwoFactorAuth = TriState::Yes;
    a.totalUserAccounts = 2;
    ConsumedLicense b;
    b.githubComLogin = QStringLiteral("Zoe-GH");
    b.githubComName = QStringLiteral("Zoë Ångström");
    b.githubComVerifiedDomainEmails = {QStringLiteral("zoe@example.com")};
    b.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
    b.licenseType = QStringLiteral("visual_studio");
    b.visualStudioSubscriptionUser = true;
    b.githubComTwoFactorAuth = TriState::No;
    b.totalUserAccounts = 1;
    ConsumedLicense c;
    c.enterpriseServerUserIds = {QStringLiteral("ghes-2.example.com:9")};
    c.enterpriseServerEmails = {QStringLiteral("zoe@corp.example.net")};
    c.licenseType = QStringLiteral("enterprise");
    c.totalUserAccounts = 1;
    ConsumedLicense d;
    d.githubComLogin = QStringLiteral("admin-bob");
    d.githubComName = QStringLiteral("Bob Builder");
    d.githubComVerifiedDomainEmails = {QStringLiteral("bob@example.com")};
    d.githubComMemberRoles = {QStringLiteral("acme:Owner")};
    d.enterpriseServerUserIds = {QStringLiteral("ghes-2.example.com:1"), QStringLiteral("ghes-1.example.com:2")};
    d.licenseType = QStringLiteral("enterprise");
    d.totalUserAccounts = 3;
    return {a, b, c, d};
}

QStringList logins(const QAbstractItemModel &m)
{
    QStringList list;
    for (int r = 0; r < m.rowCount(); ++r) {
        list.append(
            m.index(r, ConsumedLicensesModel::LoginColumn).data(ConsumedLicensesModel::RawValueRole).toString());
    }
    return list;
}
} // namespace

class ModelsTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldShowEveryFieldAndDerivedColumns()
    {
        ConsumedLicensesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLicenses(sampleSeats());
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(ConsumedLicensesModel::ColumnCount));
        for (int c = 0; c < model.columnCount(); ++c) {
            QVERIFY2(!model.headerData(c, Qt::Horizontal).toString().isEmpty(), qPrintable(QString::number(c)));
        }
        auto cell = [&](int row, int column) { return model.index(row, column).data().toString(); };
        QCOMPARE(cell(0, ConsumedLicensesModel::NameColumn), QStringLiteral("王伟"));
        // Lists are joined the way the locale joins them (QLocale::createSeparatedList).
        const QLocale locale;
        QCOMPARE(cell(0, ConsumedLicensesModel::EnvironmentsColumn),
            locale.createSeparatedList({QStringLiteral("Cloud"), QStringLiteral("ghes-1.example.com")}));
        QCOMPARE(cell(2, ConsumedLicensesModel::EnvironmentsColumn), QStringLiteral("ghes-2.example.com"));
        // The servers in host order, whatever order GitHub lists the seat's accounts in.
        QCOMPARE(cell(3, ConsumedLicensesModel::EnvironmentsColumn),
            locale.createSeparatedList(
                {QStringLiteral("Cloud"), QStringLiteral("ghes-1.example.com"), QStringLiteral("ghes-2.example.com")}));
        QCOMPARE(cell(1, ConsumedLicensesModel::LicenseTypeColumn), QStringLiteral("Visual Studio subscription"));
        QCOMPARE(cell(1, ConsumedLicensesModel::TwoFactorColumn), QStringLiteral("No"));
        QCOMPARE(cell(2, ConsumedLicensesModel::TwoFactorColumn), QString());
        QCOMPARE(cell(3, ConsumedLicensesModel::ServerUserIdsColumn),
            locale.createSeparatedList(
                {QStringLiteral("ghes-2.example.com:1"), QStringLiteral("ghes-1.example.com:2")}));
        QCOMPARE(model.index(3, ConsumedLicensesModel::ServerUserIdsColumn)
                     .data(ConsumedLicensesModel::RawValueRole)
                     .toStringList()
                     .size(),
            2);
        QCOMPARE(model.index(3, ConsumedLicensesModel::TotalAccountsColumn)
                     .data(ConsumedLicensesModel::RawValueRole)
                     .toInt(),
            3);
        QCOMPARE(model.index(2, 0).data(ConsumedLicensesModel::ServerOnlyRole).toBool(), true);
        QCOMPARE(cell(2, ConsumedLicensesModel::CountedTwiceColumn), QString());
        QCOMPARE(
            model.hosts(), (QStringList{QStringLiteral("ghes-1.example.com"), QStringLiteral("ghes-2.example.com")}));
        QCOMPARE(model.license(1).githubComName, QStringLiteral("Zoë Ångström"));
    }

    void shouldShowGitHubsWordsTranslatedAndKeepThemRaw()
    {
        ConsumedLicense seat;
        seat.githubComLogin = QStringLiteral("octocat");
        seat.githubComMemberRoles = {QStringLiteral("octo-org:Owner"), QStringLiteral("lab-org-3:Member"),
            QStringLiteral("acme:Billing manager"), QStringLiteral("odd-org:Wizard")};
        seat.githubComEnterpriseRoles = {QStringLiteral("owner"), QStringLiteral("billing_manager")};
        seat.visualStudioSubscriptionUser = true;
        seat.visualStudioLicenseStatus = QStringLiteral("unmatched");
        seat.licenseType = QStringLiteral("enterprise");
        ConsumedLicense matched = seat;
        matched.githubComLogin = QStringLiteral("hubot");
        matched.githubComMemberRoles = {QStringLiteral("member")};
        matched.githubComEnterpriseRoles = {QStringLiteral("member")};
        matched.visualStudioLicenseStatus = QStringLiteral("matched");
        ConsumedLicensesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLicenses({seat, matched});
        const QLocale locale;
        auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
            return model.index(row, column).data(role);
        };
        // The organization as it is, the role in words; an unknown role is GitHub's own word.
        QCOMPARE(cell(0, ConsumedLicensesModel::MemberRolesColumn).toString(),
            locale.createSeparatedList({QStringLiteral("octo-org: Owner"), QStringLiteral("lab-org-3: Member"),
                QStringLiteral("acme: Billing manager"), QStringLiteral("odd-org: Wizard")}));
        QCOMPARE(cell(1, ConsumedLicensesModel::MemberRolesColumn).toString(), QStringLiteral("Member"));
        QCOMPARE(cell(0, ConsumedLicensesModel::EnterpriseRolesColumn).toString(),
            locale.createSeparatedList({QStringLiteral("Owner"), QStringLiteral("Billing manager")}));
        QCOMPARE(cell(1, ConsumedLicensesModel::EnterpriseRolesColumn).toString(), QStringLiteral("Member"));
        QCOMPARE(cell(0, ConsumedLicensesModel::VisualStudioStatusColumn).toString(), QStringLiteral("Unmatched"));
        QCOMPARE(cell(1, ConsumedLicensesModel::VisualStudioStatusColumn).toString(), QStringLiteral("Matched"));
        QCOMPARE(cell(0, ConsumedLicensesModel::VisualStudioStatusColumn, Qt::ToolTipRole).toString(),
            QStringLiteral("Unmatched"));
        // Reports, exports and the command line keep GitHub's raw values.
        QCOMPARE(cell(0, ConsumedLicensesModel::MemberRolesColumn, ConsumedLicensesModel::RawValueRole).toStringList(),
            seat.githubComMemberRoles);
        QCOMPARE(
            cell(0, ConsumedLicensesModel::EnterpriseRolesColumn, ConsumedLicensesModel::RawValueRole).toStringList(),
            seat.githubComEnterpriseRoles);
        QCOMPARE(
            cell(0, ConsumedLicensesModel::VisualStudioStatusColumn, ConsumedLicensesModel::RawValueRole).toString(),
            QStringLiteral("unmatched"));
        QCOMPARE(model.license(0), seat);
        QCOMPARE(model.licenses(), (QList<ConsumedLicense>{seat, matched}));
    }

    void shouldSignalCountedTwiceChangesWithRoles()
    {
        ConsumedLicensesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto seats = sampleSeats();
        model.setLicenses(seats);
        QSignalSpy spy(&model, &QAbstractItemModel::dataChanged);
        const auto result = CountedTwiceAnalyzer::analyze(seats);
        QCOMPARE(result.pairs.size(), 1);
        model.setCountedTwiceRows({result.pairs.first().serverRow, result.pairs.first().cloudRow});
        QCOMPARE(spy.count(), 1);
        const auto args = spy.takeFirst();
        QCOMPARE(args.at(0).value<QModelIndex>(), model.index(1, ConsumedLicensesModel::CountedTwiceColumn));
        QCOMPARE(args.at(1).value<QModelIndex>(), model.index(2, ConsumedLicensesModel::CountedTwiceColumn));
        const auto roles = args.at(2).value<QList<int>>();
        QVERIFY(roles.contains(Qt::DisplayRole));
        QVERIFY(roles.contains(ConsumedLicensesModel::CountedTwiceRole));
        QCOMPARE(
            model.index(2, ConsumedLicensesModel::CountedTwiceColumn).data().toString(), QStringLiteral("Probably"));
        model.setCountedTwiceRows({result.pairs.first().serverRow, result.pairs.first().cloudRow});
        QCOMPARE(spy.count(), 0); // nothing changed, nothing signalled
    }

    void shouldShowTheCountedTwiceFindingsAsTheAnalysisGivesThem()
    {
        QList<ConsumedLicense> seats = sampleSeats();
        ConsumedLicense subscriber; // a Visual Studio subscriber without a github.com account: no login
        subscriber.visualStudioSubscriptionUser = true;
        subscriber.visualStudioSubscriptionEmail = QStringLiteral("李娜@vs.example");
        subscriber.licenseType = QStringLiteral("visual_studio");
        seats.append(subscriber);
        const CompactLicenseRows rows = CompactLicenseRows::fromLicenses(seats);
        CountedTwiceResult result = CountedTwiceAnalyzer::analyze(rows);
        QCOMPARE(result.pairs.size(), 1);
        const CountedTwicePair found = result.pairs.constFirst();

        SuspectedPairsModel pairs;
        QAbstractItemModelTester pairsTester(&pairs, QAbstractItemModelTester::FailureReportingMode::QtTest);
        // A pair naming a seat the rows lack (an analysis of other rows) is left out, the other kept whole.
        CountedTwicePair stray = found;
        stray.cloudRow = int(seats.size());
        stray.seatsFreed = 5;
        result.pairs.append(stray);
        pairs.setAnalysis(result, rows);
        QCOMPARE(pairs.rowCount(), 1);
        QCOMPARE(pairs.totalSeatsFreed(), found.seatsFreed);
        QCOMPARE(pairs.seats(0), (std::pair{found.serverRow, found.cloudRow}));
        QCOMPARE(pairs.seats(1), (std::pair{-1, -1}));
        const auto text = [&pairs](int column, int role = Qt::DisplayRole) {
            return pairs.index(0, column).data(role).toString();
        };
        QCOMPARE(text(SuspectedPairsModel::ServerAccountColumn),
            seats.at(found.serverRow).enterpriseServerUserIds.join(QStringLiteral(", ")) +
                QStringLiteral(" (%1)").arg(found.serverEmail));
        QCOMPARE(text(SuspectedPairsModel::CloudAccountColumn), seats.at(found.cloudRow).githubComLogin);
        QCOMPARE(text(SuspectedPairsModel::ReasonColumn), CountedTwicePair::reasonText(found.reason));
        QCOMPARE(text(SuspectedPairsModel::FixColumn, Qt::ToolTipRole), found.fix);
        QCOMPARE(text(SuspectedPairsModel::ConfidenceColumn), QStringLiteral("%1%").arg(found.confidence));
        QCOMPARE(text(SuspectedPairsModel::ServerAccountColumn, Qt::ToolTipRole), QString());
        QCOMPARE(pairs.index(0, 0).data(CountedTwiceRoles::FindingRole).toInt(), 0);
        QCOMPARE(pairs.pairs().size(), 1);
        QCOMPARE(pairs.pair(0).fix, found.fix);
        QCOMPARE(pairs.headerData(SuspectedPairsModel::FixColumn, Qt::Horizontal).toString(), QStringLiteral("Fix"));

        UnexpectedSeatsModel unexpected;
        QAbstractItemModelTester unexpectedTester(&unexpected, QAbstractItemModelTester::FailureReportingMode::QtTest);
        unexpected.setAnalysis(result, rows);
        QCOMPARE(unexpected.rowCount(), result.unexpected.size());
        QStringList named;
        for (int row = 0; row < unexpected.rowCount(); ++row) {
            named.append(unexpected.index(row, UnexpectedSeatsModel::SeatColumn).data().toString());
            QCOMPARE(unexpected.seatRow(row), result.unexpected.at(row).row);
            QCOMPARE(unexpected.index(row, UnexpectedSeatsModel::ExplanationColumn).data(Qt::ToolTipRole).toString(),
                result.unexpected.at(row).explanation);
        }
        // The subscriber without a login is named by the subscription's e-mail.
        QVERIFY2(named.contains(subscriber.visualStudioSubscriptionEmail), qPrintable(named.join(u',')));
        // Rows given as they are (a report file's findings), under the tester too: shown as given, no seat behind.
        const QList<UnexpectedSeatRow> givenSeats{
            {QStringLiteral("mona"), QStringLiteral("Pending invitation"), QStringLiteral("Cancel the invitation.")},
            {QStringLiteral("vs@example.com"), QStringLiteral("Visual Studio"), QStringLiteral("Link the e-mail.")}};
        unexpected.setRows(givenSeats);
        QCOMPARE(unexpected.rowCount(), 2);
        QCOMPARE(unexpected.seats(), givenSeats);
        QCOMPARE(unexpected.seatRow(1), -1);
        QCOMPARE(unexpected.index(1, UnexpectedSeatsModel::SeatColumn).data().toString(), givenSeats.at(1).seat);
        unexpected.setRows({});
        QCOMPARE(unexpected.rowCount(), 0);

        // Rows given as they are: shown as given, with no seats behind them; sorted numbers as numbers.
        QList<SuspectedPairRow> given;
        for (const double confidence : {0.5, 1.0, 0.9}) {
            given.append({QStringLiteral("ghes:%1").arg(confidence), QStringLiteral("login"), QStringLiteral("why"),
                QStringLiteral("fix"), 2, confidence});
        }
        pairs.setRows(given);
        QCOMPARE(pairs.rowCount(), 3);
        QCOMPARE(pairs.totalSeatsFreed(), 6);
        QCOMPARE(pairs.seats(0), (std::pair{-1, -1}));
        QCOMPARE(pairs.pairs(), given);
        QSortFilterProxyModel sorted;
        sorted.setSourceModel(&pairs);
        sorted.setSortRole(CountedTwiceRoles::SortRole);
        sorted.sort(SuspectedPairsModel::ConfidenceColumn);
        QStringList order;
        for (int row = 0; row < sorted.rowCount(); ++row) {
            order.append(sorted.index(row, SuspectedPairsModel::ConfidenceColumn).data().toString());
            QCOMPARE(sorted.index(row, 0).data(CountedTwiceRoles::FindingRole).toInt(),
                sorted.mapToSource(sorted.index(row, 0)).row());
        }
        QCOMPARE(order, (QStringList{u"50%"_s, u"90%"_s, u"100%"_s}));
        pairs.clear();
        QCOMPARE(pairs.rowCount(), 0);
        QCOMPARE(pairs.totalSeatsFreed(), 0);
    }

    void shouldFilter_data()
    {
        QTest::addColumn<QString>("search");
        QTest::addColumn<int>("environment");
        QTest::addColumn<QString>("host");
        QTest::addColumn<QString>("licenseType");
        QTest::addColumn<int>("flag"); // 0 none, 1 VS, 2 2FA off, 3 pending, 4 counted twice
        QTest::addColumn<QStringList>("expected");
        using E = ConsumedLicensesFilterModel::Environment;
        const QString none;
        QTest::newRow("all") << none << int(E::Any) << none << none << 0
                             << QStringList{QStringLiteral("wangwei"), QStringLiteral("Zoe-GH"), QString(),
                                    QStringLiteral("admin-bob")};
        QTest::newRow("login, case-insensitive")
            << QStringLiteral("zoe-gh") << int(E::Any) << none << none << 0 << QStringList{QStringLiteral("Zoe-GH")};
        QTest::newRow("any e-mail") << QStringLiteral("ZOE@") << int(E::Any) << none << none << 0
                                    << QStringList{QStringLiteral("Zoe-GH"), QString()};
        QTest::newRow("chinese name") << QStringLiteral("王") << int(E::Any) << none << none << 0
                                      << QStringList{QStringLiteral("wangwei")};
        QTest::newRow("accented name, other case")
            << QStringLiteral("ångström") << int(E::Any) << none << none << 0 << QStringList{QStringLiteral("Zoe-GH")};
        QTest::newRow("no match") << QStringLiteral("nobody") << int(E::Any) << none << none << 0 << QStringList{};
        QTest::newRow("cloud") << none << int(E::Cloud) << none << none << 0
                               << QStringList{
                                      QStringLiteral("wangwei"), QStringLiteral("Zoe-GH"), QStringLiteral("admin-bob")};
        QTest::newRow("server only") << none << int(E::ServerOnly) << none << none << 0 << QStringList{QString()};
        QTest::newRow("host") << none << int(E::Host) << QStringLiteral("ghes-2.example.com") << none << 0
                              << QStringList{QString(), QStringLiteral("admin-bob")};
        QTest::newRow("unknown host") << none << int(E::Host) << QStringLiteral("nope") << none << 0 << QStringList{};
        QTest::newRow("license type") << none << int(E::Any) << none << QStringLiteral("visual_studio") << 0
                                      << QStringList{QStringLiteral("Zoe-GH")};
        QTest::newRow("visual studio") << none << int(E::Any) << none << none << 1
                                       << QStringList{QStringLiteral("Zoe-GH")};
        QTest::newRow("2fa off") << none << int(E::Any) << none << none << 2 << QStringList{QStringLiteral("Zoe-GH")};
        // Zoë's pending invitation is not why she has a seat: her Visual Studio subscription is.
        QTest::newRow("pending only") << none << int(E::Any) << none << none << 3 << QStringList{};
        QTest::newRow("counted twice") << none << int(E::Any) << none << none << 4
                                       << QStringList{QStringLiteral("Zoe-GH"), QString()};
        QTest::newRow("combined") << QStringLiteral("example.com") << int(E::Host)
                                  << QStringLiteral("ghes-1.example.com") << none << 0
                                  << QStringList{QStringLiteral("admin-bob")};
    }

    void shouldFilter()
    {
        QFETCH(QString, search);
        QFETCH(int, environment);
        QFETCH(QString, host);
        QFETCH(QString, licenseType);
        QFETCH(int, flag);
        QFETCH(QStringList, expected);
        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const auto seats = sampleSeats();
        model.setLicenses(seats);
        model.setCountedTwiceRows({1, 2});
        proxy.setSearchText(search);
        proxy.setEnvironment(static_cast<ConsumedLicensesFilterModel::Environment>(environment), host);
        proxy.setLicenseType(licenseType);
        proxy.setVisualStudioOnly(flag == 1);
        proxy.setTwoFactorOffOnly(flag == 2);
        proxy.setPendingInvitationOnly(flag == 3);
        proxy.setCountedTwiceOnly(flag == 4);
        QCOMPARE(logins(proxy), expected);
        proxy.clearFilters();
        QCOMPARE(proxy.rowCount(), 4);
    }

    void shouldFilterByOrganization()
    {
        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLicenses(sampleSeats());
        // Members with any role, owners included.
        proxy.setOrganization(QStringLiteral("acme"));
        QCOMPARE(logins(proxy), (QStringList{QStringLiteral("wangwei"), QStringLiteral("admin-bob")}));
        // An invitation counts too.
        proxy.setOrganization(QStringLiteral("research"));
        QCOMPARE(logins(proxy), QStringList{QStringLiteral("Zoe-GH")});
        // Whole names only.
        proxy.setOrganization(QStringLiteral("acm"));
        QCOMPARE(proxy.rowCount(), 0);
        // With the other filters.
        proxy.setOrganization(QStringLiteral("acme"));
        proxy.setSearchText(QStringLiteral("bob"));
        QCOMPARE(logins(proxy), QStringList{QStringLiteral("admin-bob")});
        proxy.clearFilters();
        QCOMPARE(proxy.organization(), QString());
        QCOMPARE(proxy.rowCount(), 4);
        // What the breakdown counts for each organization is what the filter shows.
        for (const OrganizationBreakdown::Organization &organization :
            OrganizationBreakdown::compute(model.rows()).organizations) {
            proxy.setOrganization(organization.name);
            QCOMPARE(proxy.rowCount(), organization.members + organization.pendingInvites); // no seat has both here
        }
    }

    void shouldAgreeWithTheAnalysisOnPendingInvitationOnly()
    {
        // One variation per reason a seat with a pending invitation is consumed anyway.
        auto invitee = [](const QString &login) {
            ConsumedLicense c;
            c.githubComLogin = login;
            c.githubComUser = true;
            c.githubComOrgsWithPendingInvites = {QStringLiteral("research")};
            c.licenseType = QStringLiteral("enterprise");
            return c;
        };
        QList<ConsumedLicense> seats;
        seats.append(invitee(QStringLiteral("only-invited")));
        seats.append(invitee(QStringLiteral("also-member")));
        seats.last().githubComMemberRoles = {QStringLiteral("acme:Member")};
        seats.append(invitee(QStringLiteral("outside-collaborator")));
        seats.last().githubComEnterpriseRoles = {QStringLiteral("outside_collaborator")};
        seats.append(invitee(QStringLiteral("on-a-server")));
        seats.last().enterpriseServerUserIds = {QStringLiteral("ghes-1.example.com:5")};
        seats.append(invitee(QStringLiteral("vs-subscriber")));
        seats.last().visualStudioSubscriptionUser = true;
        seats.last().visualStudioSubscriptionEmail = QStringLiteral("vs@example.com");
        seats.last().licenseType = QStringLiteral("visual_studio");
        seats.append(invitee(QStringLiteral("two-invitations")));
        seats.last().githubComOrgsWithPendingInvites.append(QStringLiteral("研究"));
        seats.append(invitee(QStringLiteral("no-invitation")));
        seats.last().githubComOrgsWithPendingInvites.clear();

        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLicenses(seats);
        proxy.setPendingInvitationOnly(true);
        const QStringList expected = {QStringLiteral("only-invited"), QStringLiteral("two-invitations")};
        QCOMPARE(logins(proxy), expected);

        QStringList analysed;
        for (const UnexpectedSeat &u : CountedTwiceAnalyzer::analyze(seats).unexpected) {
            if (u.kind == UnexpectedSeat::Kind::PendingInvitationOnly) {
                analysed.append(seats.at(u.row).githubComLogin);
            }
        }
        QCOMPARE(analysed, expected);
    }

    void shouldSortByAnyColumn()
    {
        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        model.setLicenses(sampleSeats());
        proxy.sort(ConsumedLicensesModel::TotalAccountsColumn, Qt::DescendingOrder);
        QCOMPARE(logins(proxy).first(), QStringLiteral("admin-bob"));
        proxy.sort(ConsumedLicensesModel::LoginColumn, Qt::AscendingOrder);
        // The server-only seat (no login) last in either order, as a spreadsheet sorts empty cells.
        QCOMPARE(logins(proxy),
            (QStringList{QStringLiteral("admin-bob"), QStringLiteral("wangwei"), QStringLiteral("Zoe-GH"), QString()}));
        proxy.sort(ConsumedLicensesModel::LoginColumn, Qt::DescendingOrder);
        QCOMPARE(logins(proxy),
            (QStringList{QStringLiteral("Zoe-GH"), QStringLiteral("wangwei"), QStringLiteral("admin-bob"), QString()}));
        for (int c = 0; c < ConsumedLicensesModel::ColumnCount; ++c) {
            proxy.sort(c, Qt::DescendingOrder);
            QCOMPARE(proxy.rowCount(), 4);
        }
    }

    void shouldSortLikeTheDisplayTextsAfterEveryReload()
    {
        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
        auto expectedOrder = [&model](int column, Qt::SortOrder order) {
            QStringList texts;
            for (int r = 0; r < model.rowCount(); ++r) {
                texts.append(model.index(r, column).data().toString().toCaseFolded());
            }
            // Empty texts last in either order.
            std::stable_sort(texts.begin(), texts.end(), [order](const QString &a, const QString &b) {
                if (a.isEmpty() != b.isEmpty()) {
                    return b.isEmpty();
                }
                return order == Qt::AscendingOrder ? a.compare(b, Qt::CaseInsensitive) < 0
                                                   : b.compare(a, Qt::CaseInsensitive) < 0;
            });
            return texts;
        };
        auto shown = [&proxy](int column) {
            QStringList texts;
            // Case-folded: rows with equal texts keep the order they had before, whatever it was.
            for (int r = 0; r < proxy.rowCount(); ++r) {
                texts.append(proxy.index(r, column).data().toString().toCaseFolded());
            }
            return texts;
        };
        QList<ConsumedLicense> seats = sampleSeats();
        seats[2].githubComName = QStringLiteral("bob builder"); // equal to "Bob Builder" ignoring case
        model.setLicenses(seats);
        // More columns than the rank cache holds, then back to the first ones.
        const QList<int> columns{ConsumedLicensesModel::NameColumn, ConsumedLicensesModel::EnvironmentsColumn,
            ConsumedLicensesModel::ServerUserIdsColumn, ConsumedLicensesModel::LoginColumn,
            ConsumedLicensesModel::NameColumn};
        for (int column : columns) {
            for (Qt::SortOrder order : {Qt::AscendingOrder, Qt::DescendingOrder}) {
                proxy.sort(column, order);
                QCOMPARE(shown(column), expectedOrder(column, order));
            }
        }
        proxy.sort(ConsumedLicensesModel::NameColumn, Qt::AscendingOrder);
        QCOMPARE(shown(ConsumedLicensesModel::NameColumn).first(), QStringLiteral("bob builder"));
        // A reload drops the ranks: new names sort by their own texts.
        seats[0].githubComName = QStringLiteral("Aaron");
        seats[3].githubComName = QStringLiteral("zz top");
        model.setLicenses(seats);
        QCOMPARE(shown(ConsumedLicensesModel::NameColumn),
            expectedOrder(ConsumedLicensesModel::NameColumn, Qt::AscendingOrder));
        QCOMPARE(shown(ConsumedLicensesModel::NameColumn).first(), QStringLiteral("aaron"));
        QCOMPARE(shown(ConsumedLicensesModel::NameColumn).constLast(), QStringLiteral("zz top"));
        // The counted-twice column follows the flags as they change.
        proxy.sort(ConsumedLicensesModel::CountedTwiceColumn, Qt::DescendingOrder);
        model.setCountedTwiceRows({3});
        QCOMPARE(logins(proxy).first(), QStringLiteral("admin-bob"));
    }

    void shouldLoadGeneratedSnapshot()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 3000;
        o.servers = 20;
        const auto snapshot = GlcTest::SnapshotGenerator::generate(o);
        ConsumedLicensesModel model;
        ConsumedLicensesFilterModel proxy;
        proxy.setSourceModel(&model);
        QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
        model.setLicenses(snapshot.licenses.users);
        QCOMPARE(reset.count(), 1);
        QCOMPARE(model.rowCount(), int(snapshot.licenses.users.size()));
        QCOMPARE(model.hosts().size(), 20);
        proxy.setSearchText(QStringLiteral("user1234-gh"));
        QCOMPARE(proxy.rowCount(), 1);
    }

    void shouldPutNewerConsoleUploadsFirst()
    {
        QList<EnterpriseServerInstallation> installations(3);
        installations[0].hostName = QStringLiteral("ghes-1.example.com");
        installations[0].uploads = {{QStringLiteral("github.json"), UploadSyncState::Success,
            QDateTime(QDate(2026, 11, 1), QTime(9, 0), QTimeZone::UTC), {}}};
        installations[1].hostName = QStringLiteral("ghes-2.example.com");
        installations[1].uploads = installations[0].uploads;
        installations[2].hostName = QStringLiteral("ghes-3.example.com"); // nothing uploaded yet
        const QDateTime githubTime = installations[0].lastUploadAt();

        UsageFileRecord newer;
        newer.direction = UsageFileRecord::Direction::Uploaded;
        newer.hostName = QStringLiteral("GHES-1.example.com"); // host names in any case
        newer.fileName = QStringLiteral("console.json");
        newer.time = githubTime.addDays(5);
        newer.uploadState = UploadSyncState::Success;
        UsageFileRecord older = newer;
        older.fileName = QStringLiteral("old.json");
        older.time = githubTime.addDays(-5);
        // Never confirmed: leaves GitHub's state be, however new.
        UsageFileRecord unconfirmed = newer;
        unconfirmed.hostName = QStringLiteral("ghes-2.example.com");
        unconfirmed.uploadState = UploadSyncState::Unknown;
        UsageFileRecord exported = newer;
        exported.hostName = QStringLiteral("ghes-3.example.com");
        exported.direction = UsageFileRecord::Direction::Exported;
        UsageFileRecord unlisted = newer;
        unlisted.hostName = QStringLiteral("nowhere.example.com");

        ServerInstancesModel::addConsoleUploads(installations, {older, newer, unconfirmed, exported, unlisted});
        QCOMPARE(installations.size(), 3);
        QCOMPARE(installations[0].uploads.size(), 2);
        QCOMPARE(installations[0].uploads.first().name, QStringLiteral("console.json"));
        QCOMPARE(installations[0].lastUploadAt(), newer.time);
        QCOMPARE(installations[0].uploads.first().syncState, UploadSyncState::Success);
        QCOMPARE(installations[1].uploads.size(), 1);
        QCOMPARE(installations[1].lastUploadAt(), githubTime);
        QVERIFY(installations[2].uploads.isEmpty());

        // A server with no upload on GitHub's record takes the console's; an unconfirmed one, even if listed after,
        // does not hide the state of a confirmed one.
        UsageFileRecord first = exported;
        first.direction = UsageFileRecord::Direction::Uploaded;
        first.uploadState = UploadSyncState::Unknown;
        UsageFileRecord second = first;
        second.fileName = QStringLiteral("second.json");
        second.time = first.time.addSecs(3600);
        second.uploadState = UploadSyncState::Failure;
        ServerInstancesModel::addConsoleUploads(installations, {second, first});
        QCOMPARE(installations[2].uploads.size(), 1);
        QCOMPARE(installations[2].uploads.first().name, QStringLiteral("second.json"));
        QCOMPARE(installations[2].uploads.first().syncState, UploadSyncState::Failure);
    }

    void shouldShowServerInstances()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 100;
        o.servers = 5;
        const auto snapshot = GlcTest::SnapshotGenerator::generate(o);
        ServerInstancesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        UsageFileRecord upload;
        upload.direction = UsageFileRecord::Direction::Uploaded;
        upload.hostName = QStringLiteral("ghes-1.example.com");
        upload.fileName = QStringLiteral("later.json");
        upload.time = snapshot.takenAt;
        upload.uploadState = UploadSyncState::Pending;
        const QDateTime now = snapshot.takenAt;
        model.setSnapshot(snapshot, {upload}, now);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(0, ServerInstancesModel::HostnameColumn).data().toString(),
            QStringLiteral("ghes-1.example.com"));
        QCOMPARE(model.index(0, ServerInstancesModel::VersionColumn).data().toString(), QStringLiteral("3.12.2"));
        QCOMPARE(model.index(0, ServerInstancesModel::UploadStateColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(
            model.index(1, ServerInstancesModel::UploadStateColumn).data().toString(), QStringLiteral("Processed"));
        // An upload the console gave up confirming (the admin may have made it later) leaves GitHub's state be.
        UsageFileRecord unconfirmed = upload;
        unconfirmed.hostName = QStringLiteral("ghes-2.example.com");
        unconfirmed.time = snapshot.takenAt.addSecs(60);
        unconfirmed.uploadState = UploadSyncState::Unknown;
        UsageFileRecord confirmed = unconfirmed;
        confirmed.hostName = QStringLiteral("ghes-3.example.com");
        confirmed.uploadState = UploadSyncState::Failure;
        model.setSnapshot(snapshot, {upload, unconfirmed, confirmed}, now);
        QCOMPARE(
            model.index(1, ServerInstancesModel::UploadStateColumn).data().toString(), QStringLiteral("Processed"));
        QCOMPARE(model.index(2, ServerInstancesModel::UploadStateColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(
            model.index(3, ServerInstancesModel::ConnectedColumn).data().toString(), QStringLiteral("Not connected"));
        QCOMPARE(model.index(4, ServerInstancesModel::SyncStatusColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(4, 0).data(ServerInstancesModel::SyncFailedRole).toBool(), true);
        QCOMPARE(
            model.index(2, ServerInstancesModel::SeatsColumn).data().toString(), QStringLiteral("20 of unlimited"));
        QCOMPARE(model.index(0, ServerInstancesModel::SeatsColumn).data().toString(), QStringLiteral("20 of 100"));
        QCOMPARE(model.index(2, ServerInstancesModel::CustomerColumn).data().toString(),
            snapshot.installations.at(2).customerName);
        // A server without a license of its own: the newest export names its version; an export of a host the
        // enterprise does not list adds no row.
        LicenseSnapshot unlicensed = snapshot;
        unlicensed.serverLicenses.clear();
        UsageFileRecord older;
        older.direction = UsageFileRecord::Direction::Exported;
        older.hostName = QStringLiteral("GHES-2.example.com");
        older.version = QStringLiteral("3.13.0");
        older.time = snapshot.takenAt.addDays(-30);
        UsageFileRecord newer = older;
        newer.version = QStringLiteral("3.14.1");
        newer.time = snapshot.takenAt.addDays(-1);
        UsageFileRecord elsewhere = newer;
        elsewhere.hostName = QStringLiteral("127.0.0.1");
        model.setSnapshot(unlicensed, {older, newer, elsewhere}, now);
        QCOMPARE(model.rowCount(), 5);
        QCOMPARE(model.index(1, ServerInstancesModel::VersionColumn).data().toString(), QStringLiteral("3.14.1"));
        QVERIFY(model.index(0, ServerInstancesModel::VersionColumn).data().toString().isEmpty());
        model.setSnapshot(snapshot, {upload, unconfirmed, confirmed}, now);
        // Server 0 synced today, server 4 eight... days ago: i.e. s % 10 days, stale after 7.
        QCOMPARE(model.index(0, 0).data(ServerInstancesModel::StaleRole).toBool(), false);

        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        LicenseSyncStatus old = snapshot.syncStatus.at(1);
        old.lastSyncDate = now.addDays(-8);
        model.updateSyncStatus(old);
        QCOMPARE(changed.count(), 1);
        const auto roles = changed.first().at(2).value<QList<int>>();
        QVERIFY(roles.contains(ServerInstancesModel::StaleRole));
        QVERIFY(roles.contains(Qt::DisplayRole));
        QCOMPARE(changed.first().at(0).value<QModelIndex>().row(), 1);
        QCOMPARE(model.index(1, 0).data(ServerInstancesModel::StaleRole).toBool(), true);
        QVERIFY(
            model.index(1, ServerInstancesModel::LastSyncColumn).data().toString().contains(QLatin1String("stale")));
        model.updateSyncStatus(
            LicenseSyncStatus{QStringLiteral("new"), QStringLiteral("新服务器.example.com"), {}, {}, {}, {}});
        QCOMPARE(model.rowCount(), 6);
        QCOMPARE(model.index(5, ServerInstancesModel::LastSyncColumn).data().toString(), QStringLiteral("Never"));

        // Another upload interval (Upload Interval…), under the tester: the last-upload column changes, once.
        QSignalSpy interval(&model, &QAbstractItemModel::dataChanged);
        model.setUploadDays(30);
        QCOMPARE(interval.count(), 1);
        QCOMPARE(interval.first().at(0).value<QModelIndex>(), model.index(0, ServerInstancesModel::LastUploadColumn));
        QCOMPARE(interval.first().at(1).value<QModelIndex>(),
            model.index(model.rowCount() - 1, ServerInstancesModel::LastUploadColumn));
        model.setUploadDays(30);
        QCOMPARE(interval.count(), 1); // the same interval: nothing to repaint
    }

    void shouldShowUsageFilesAndUploadState()
    {
        UsageFilesModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        UsageFileRecord a;
        a.id = 1;
        a.fileName = QStringLiteral("导出.json");
        a.size = 2048;
        a.time = QDateTime(QDate(2026, 2, 1), QTime(9, 0), QTimeZone::UTC);
        UsageFileRecord b = a;
        b.id = 2;
        b.direction = UsageFileRecord::Direction::Uploaded;
        b.uploadState = UploadSyncState::Pending;
        model.setFiles({b, a});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, UsageFilesModel::UploadStateColumn).data().toString(), QStringLiteral("Pending"));
        QCOMPARE(model.index(1, UsageFilesModel::UploadStateColumn).data().toString(), QString());
        QCOMPARE(model.index(1, UsageFilesModel::FileNameColumn).data().toString(), QStringLiteral("导出.json"));
        // The path and the outcome whole in a tooltip, where the dialog's columns cut them; nothing else has one.
        QCOMPARE(model.index(1, UsageFilesModel::FileNameColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("导出.json"));
        QVERIFY(!model.index(1, UsageFilesModel::SizeColumn).data(Qt::ToolTipRole).isValid());
        QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
        QVERIFY(model.setUploadState(2, UploadSyncState::Success, a.time.addSecs(60), QStringLiteral("ok")));
        QVERIFY(!model.setUploadState(99, UploadSyncState::Success, a.time));
        QCOMPARE(changed.count(), 1);
        QCOMPARE(changed.first().at(1).value<QModelIndex>(), model.index(0, UsageFilesModel::UploadStateColumn));
        QCOMPARE(
            changed.first().at(2).value<QList<int>>(), (QList<int>{Qt::DisplayRole, UsageFilesModel::RawValueRole}));
        QCOMPARE(model.index(0, UsageFilesModel::UploadStateColumn).data().toString(), QStringLiteral("Processed"));
        model.addFile(a);
        QCOMPARE(model.rowCount(), 3);
    }

    void shouldListTheSyncHistoryNewestFirst()
    {
        SyncHistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0(QDate(2026, 3, 1), QTime(9, 0), QTimeZone::UTC);
        auto record = [](qint64 id, const QDateTime &seen, const QString &host, const QDateTime &synced,
                          const QString &status, const QString &error = {}) {
            SyncStatusRecord r;
            r.id = id;
            r.connectionId = QStringLiteral("c");
            r.recordedAt = seen;
            r.status = LicenseSyncStatus{host, host, synced, status, error, {}};
            return r;
        };
        // As the store gives them: oldest first. Two changes seen at the same time keep the store's order, newest
        // last in, first out.
        model.setRecords({record(1, t0, QStringLiteral("服务器.example"), {}, {}),
            record(2, t0.addDays(7), QStringLiteral("ghes-b.example"), t0.addDays(6), QStringLiteral("success")),
            record(3, t0.addDays(7), QStringLiteral("服务器.example"), t0.addDays(7), QStringLiteral("failed"),
                QStringLiteral("Connection refused")),
            record(4, t0.addDays(14), QStringLiteral("服务器.example"), t0.addDays(13), QStringLiteral("SUCCESS"))});
        QCOMPARE(model.rowCount(), 4);
        QCOMPARE(model.columnCount(), int(SyncHistoryModel::ColumnCount));
        const QList<qint64> order{model.record(0).id, model.record(1).id, model.record(2).id, model.record(3).id};
        QCOMPARE(order, (QList<qint64>{4, 3, 2, 1}));
        QCOMPARE(model.index(0, SyncHistoryModel::StatusColumn).data().toString(), QStringLiteral("Succeeded"));
        QCOMPARE(model.index(1, SyncHistoryModel::StatusColumn).data().toString(), QStringLiteral("Failed"));
        QCOMPARE(model.index(1, SyncHistoryModel::ErrorColumn).data().toString(), QStringLiteral("Connection refused"));
        QCOMPARE(model.index(1, SyncHistoryModel::ErrorColumn).data(Qt::ToolTipRole).toString(),
            QStringLiteral("Connection refused"));
        QCOMPARE(model.index(3, SyncHistoryModel::StatusColumn).data().toString(), QStringLiteral("Never synced"));
        QCOMPARE(model.index(3, SyncHistoryModel::LastSyncColumn).data().toString(), QStringLiteral("Never"));
        QCOMPARE(model.index(1, SyncHistoryModel::LastSyncColumn).data(SyncHistoryModel::RawValueRole).toDateTime(),
            t0.addDays(7));
        QCOMPARE(model.index(1, SyncHistoryModel::LastSyncColumn).data().toString(),
            DateFormat::toString(t0.addDays(7).toLocalTime()));
        QCOMPARE(model.index(1, SyncHistoryModel::SeenColumn).data(SyncHistoryModel::RawValueRole).toDateTime(),
            t0.addDays(7));
        QCOMPARE(model.index(0, SyncHistoryModel::StatusColumn).data(SyncHistoryModel::RawValueRole), QVariant(true));
        QCOMPARE(model.hosts(), (QStringList{QStringLiteral("ghes-b.example"), QStringLiteral("服务器.example")}));
        model.setRecords({});
        QCOMPARE(model.rowCount(), 0);
        QVERIFY(model.hosts().isEmpty());
    }

    void shouldChartHistory()
    {
        HistoryModel model;
        QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
        const QDateTime t0(QDate(2026, 1, 1), QTime(0, 0), QTimeZone::UTC);
        model.setHistory({SnapshotSummary{2, QStringLiteral("lab"), t0.addDays(10), {}, 60, 100, 60},
            SnapshotSummary{1, QStringLiteral("lab"), t0, {}, 50, 100, 50}});
        QCOMPARE(model.rowCount(), 2);
        QCOMPARE(model.index(0, HistoryModel::ConsumedColumn).data(HistoryModel::RawValueRole).toInt(), 50);
        QCOMPARE(model.index(1, HistoryModel::TakenAtColumn).data(HistoryModel::SnapshotIdRole).toLongLong(), 2);
        model.append(SnapshotSummary{3, QStringLiteral("lab"), t0.addDays(20), {}, 70, 100, 70});
        QCOMPARE(model.rowCount(), 3);
        const SeatForecast f = model.forecast();
        QCOMPARE(f.outcome, SeatForecast::Outcome::ReachedOn);
        QCOMPARE(f.date.date(), t0.addDays(50).date());

        // A snapshot older than the others (the lab's past, added behind today's) goes where its date is.
        QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
        model.append(SnapshotSummary{4, QStringLiteral("lab"), t0.addDays(-10), {}, 40, 100, 40});
        QCOMPARE(inserted.count(), 1);
        QCOMPARE(inserted.first().at(1).toInt(), 0);
        QList<qint64> ids;
        for (int row = 0; row < model.rowCount(); ++row) {
            ids.append(model.index(row, HistoryModel::TakenAtColumn).data(HistoryModel::SnapshotIdRole).toLongLong());
        }
        QCOMPARE(ids, (QList<qint64>{4, 1, 2, 3}));

        // A license without a seat limit: the trend, never a date seats run out (purchased is 0 there).
        model.setHistory(model.history(), true);
        QVERIFY(model.unlimitedSeats());
        QCOMPARE(model.forecast().outcome, SeatForecast::Outcome::NoSeatLimit);
        QVERIFY(model.forecast().seatsPerDay > 0);
    }
};

QTEST_GUILESS_MAIN(ModelsTest)
#include "modelstest.moc"
