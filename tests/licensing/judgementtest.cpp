// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/countedtwice.h"
#include "licensing/mergedview.h"
#include "licensing/organizationbreakdown.h"
#include "licensing/seatforecast.h"
#include "licensing/snapshotdiff.h"

#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Glc;

namespace {
ConsumedLicense seat(const QString &login, const QStringList &verified, const QStringList &serverIds = {},
    const QStringList &serverEmails = {})
{
    ConsumedLicense c;
    c.githubComLogin = login;
    c.githubComUser = !login.isEmpty();
    c.githubComVerifiedDomainEmails = verified;
    c.enterpriseServerUserIds = serverIds;
    c.enterpriseServerEmails = serverEmails;
    return c;
}

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 1, 1).addDays(d), QTime(12, 0), QTimeZone::UTC);
}
} // namespace

Q_DECLARE_METATYPE(QList<Glc::SeatForecast::Point>)
Q_DECLARE_METATYPE(Glc::SeatForecast::Outcome)

class JudgementTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase() { QStandardPaths::setTestModeEnabled(true); }

    void shouldMergeByGitHubRules()
    {
        QList<ConsumedLicense> seats = {
            seat(QStringLiteral("alice"), {QStringLiteral("alice@example.com")}),
            seat({}, {}, {QStringLiteral("a.example.com:1")},
                {QStringLiteral("ALICE@example.com")}), // matched by verified e-mail
            seat(
                {}, {}, {QStringLiteral("a.example.com:2")}, {QStringLiteral("alice@corp.example.net")}), // not matched
            seat(QStringLiteral("bob"), {QStringLiteral("bob@example.com")}, {QStringLiteral("b.example.com:3")},
                {QStringLiteral("bob@example.com")}),
            seat({}, {}, {QStringLiteral("b.example.com:4")}, {QStringLiteral("gone@example.com")}), // suspended
        };
        seats[0].githubComSamlNameId = QStringLiteral("alice.saml@example.com");
        MergedView::Options options;
        options.suspendedServerUserIds = {QStringLiteral("b.example.com:4")};
        const MergedView view = MergedView::build(seats, options);
        QCOMPARE(view.excludedSeats(), 1);
        QCOMPARE(view.uniqueUsers(), 3); // alice (2 rows), the alias account, bob
        QCOMPARE(view.both(), 2);
        QCOMPARE(view.serverOnly(), 1);
        QCOMPARE(view.cloudOnly(), 0);
        QCOMPARE(view.people().first().rows, (QList<int>{0, 1}));

        // Fixing the counted-twice pair predicts one seat fewer.
        const auto pairs = CountedTwiceAnalyzer::analyze(seats).pairs;
        QCOMPARE(pairs.size(), 1);
        QCOMPARE(pairs.first().serverRow, 2);
        QCOMPARE(view.predictedAfter(pairs), 2);
        QCOMPARE(view.predictedAfter(pairs + pairs), 2);

        // With SAML, the NameID matches first.
        seats.append(seat({}, {}, {QStringLiteral("a.example.com:9")}, {QStringLiteral("alice.saml@example.com")}));
        QCOMPARE(MergedView::build(seats, options).uniqueUsers(), 4);
        options.samlInUse = true;
        QCOMPARE(MergedView::build(seats, options).uniqueUsers(), 3);
    }

    void shouldDiffSnapshots()
    {
        const QList<ConsumedLicense> before = {
            seat(QStringLiteral("stays"), {}),
            seat(QStringLiteral("leaves"), {}),
            seat(QStringLiteral("moves"), {}, {QStringLiteral("a.example.com:1")}),
            seat({}, {}, {QStringLiteral("b.example.com:2")}, {QStringLiteral("x@example.com")}),
        };
        const QList<ConsumedLicense> after = {
            seat(QStringLiteral("Moves"), {}, {QStringLiteral("a.example.com:1"), QStringLiteral("b.example.com:5")}),
            seat(QStringLiteral("stays"), {}),
            seat(QStringLiteral("新人"), {}),
            seat({}, {}, {QStringLiteral("b.example.com:2")}, {QStringLiteral("x@example.com")}),
        };
        const SnapshotDiff diff = SnapshotDiff::compute(before, after);
        QCOMPARE(diff.came, QList<int>{2});
        QCOMPARE(diff.went, QList<int>{1});
        QCOMPARE(diff.changedEnvironment.size(), 1);
        QCOMPARE(diff.changedEnvironment.first().beforeRow, 2);
        QCOMPARE(diff.changedEnvironment.first().afterRow, 0);
        QCOMPARE(diff.changedEnvironment.first().environmentsBefore,
            (QStringList{QStringLiteral("Cloud"), QStringLiteral("a.example.com")}));
        QCOMPARE(diff.changedEnvironment.first().environmentsAfter,
            (QStringList{QStringLiteral("Cloud"), QStringLiteral("a.example.com"), QStringLiteral("b.example.com")}));
    }

    void shouldForecastSeats_data()
    {
        QTest::addColumn<QList<SeatForecast::Point>>("history");
        QTest::addColumn<int>("purchased");
        QTest::addColumn<SeatForecast::Outcome>("outcome");
        QTest::addColumn<QDateTime>("date");
        using O = SeatForecast::Outcome;
        QTest::newRow("empty") << QList<SeatForecast::Point>{} << 100 << O::InsufficientData << QDateTime();
        QTest::newRow("one point") << QList<SeatForecast::Point>{{day(0), 50}} << 100 << O::InsufficientData
                                   << QDateTime();
        QTest::newRow("already full") << QList<SeatForecast::Point>{{day(0), 90}, {day(7), 100}} << 100
                                      << O::AlreadyReached << QDateTime();
        QTest::newRow("one seat a day") << QList<SeatForecast::Point>{{day(0), 50}, {day(10), 60}, {day(20), 70}} << 100
                                        << O::ReachedOn << day(50);
        QTest::newRow("unordered input") << QList<SeatForecast::Point>{{day(20), 70}, {day(0), 50}, {day(10), 60}}
                                         << 100 << O::ReachedOn << day(50);
        QTest::newRow("flat") << QList<SeatForecast::Point>{{day(0), 60}, {day(7), 60}, {day(14), 60}} << 100
                              << O::NotWithinYear << QDateTime();
        QTest::newRow("falling") << QList<SeatForecast::Point>{{day(0), 80}, {day(7), 70}} << 100 << O::NotWithinYear
                                 << QDateTime();
        QTest::newRow("too slow") << QList<SeatForecast::Point>{{day(0), 50}, {day(100), 51}} << 100 << O::NotWithinYear
                                  << QDateTime();
    }

    void shouldForecastSeats()
    {
        QFETCH(QList<SeatForecast::Point>, history);
        QFETCH(int, purchased);
        QFETCH(SeatForecast::Outcome, outcome);
        QFETCH(QDateTime, date);
        const SeatForecast f = SeatForecast::compute(history, purchased);
        QCOMPARE(f.outcome, outcome);
        if (date.isValid()) {
            QVERIFY2(qAbs(f.date.secsTo(date)) < 60, qPrintable(f.date.toString(Qt::ISODate)));
            QVERIFY(qAbs(f.seatsPerDay - 1.0) < 1e-6);
        }
    }

    void shouldBreakDownByOrganization()
    {
        ConsumedLicense a = seat(QStringLiteral("a"), {});
        a.githubComMemberRoles = {QStringLiteral("acme:Owner"), QStringLiteral("研究:Member")};
        a.githubComTwoFactorAuth = TriState::No;
        ConsumedLicense b = seat(QStringLiteral("b"), {});
        b.githubComMemberRoles = {QStringLiteral("acme:Member")};
        ConsumedLicense c = seat(QStringLiteral("c"), {});
        c.githubComOrgsWithPendingInvites = {QStringLiteral("研究")};
        ConsumedLicense d = seat({}, {}, {QStringLiteral("h:1")});
        const auto breakdown = OrganizationBreakdown::compute({a, b, c, d});
        QCOMPARE(breakdown.organizations.size(), 2);
        QCOMPARE(
            breakdown.organizations.at(0), (OrganizationBreakdown::Organization{QStringLiteral("acme"), 2, 1, 0, 1}));
        QCOMPARE(
            breakdown.organizations.at(1), (OrganizationBreakdown::Organization{QStringLiteral("研究"), 1, 0, 1, 1}));
        QCOMPARE(breakdown.seatsWithoutOrganization, 1);
    }
};

QTEST_GUILESS_MAIN(JudgementTest)
#include "judgementtest.moc"
