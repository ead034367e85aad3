// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "core/dateformat.h"
#include "licensing/compactlicenserows.h"
#include "licensing/countedtwice.h"
#include "licensing/licensereportwriter.h"
#include "licensing/mergedview.h"
#include "licensing/organizationbreakdown.h"
#include "licensing/seatforecast.h"
#include "licensing/snapshotchangeswriter.h"
#include "licensing/snapshotdiff.h"

#include "snapshotgenerator.h"

#include <QElapsedTimer>
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

ConsumedLicense serverOnly(const QStringList &serverIds, const QStringList &serverEmails)
{
    ConsumedLicense c;
    c.enterpriseServerUserIds = serverIds;
    c.enterpriseServerEmails = serverEmails;
    c.enterpriseServerUser = TriState::Yes;
    return c;
}

ConsumedLicense visualStudioOnly(const QString &email)
{
    ConsumedLicense c;
    c.visualStudioSubscriptionUser = true;
    c.visualStudioSubscriptionEmail = email;
    return c;
}

/// The seats packed as the store's loadCompactLicenses() gives them.
CompactLicenseRows packed(const QList<ConsumedLicense> &seats)
{
    CompactLicenseRows rows;
    for (const ConsumedLicense &s : seats) {
        rows.append(s);
    }
    rows.squeeze();
    return rows;
}

/// A diff in words, for a failure message.
QString describe(const SnapshotDiff &diff)
{
    auto rows = [](const QList<int> &list) {
        QStringList out;
        for (int row : list) {
            out.append(QString::number(row));
        }
        return QLatin1Char('[') + out.join(QLatin1Char(',')) + QLatin1Char(']');
    };
    QString text = QStringLiteral("came %1 went %2 changed").arg(rows(diff.came), rows(diff.went));
    for (const SnapshotDiff::Change &c : diff.changedEnvironment) {
        text +=
            QStringLiteral(" %1%2→%3%4 (%5 → %6)")
                .arg(QString::number(c.beforeRow), rows(c.beforeRows), QString::number(c.afterRow), rows(c.afterRows),
                    c.environmentsBefore.join(QLatin1Char(',')), c.environmentsAfter.join(QLatin1Char(',')));
    }
    return text;
}

/// The diff over packed rows equals the one over the lists.
bool samePackedDiff(
    const QList<ConsumedLicense> &before, const QList<ConsumedLicense> &after, const SnapshotDiff &fromLists)
{
    const SnapshotDiff fromRows = SnapshotDiff::compute(packed(before), packed(after));
    if (fromRows == fromLists) {
        return true;
    }
    qWarning("packed: %s\nlists:  %s", qPrintable(describe(fromRows)), qPrintable(describe(fromLists)));
    return false;
}

QDateTime day(int d)
{
    return QDateTime(QDate(2026, 1, 1).addDays(d), QTime(12, 0), QTimeZone::UTC);
}
} // namespace

Q_DECLARE_METATYPE(QList<Glc::SeatForecast::Point>)
Q_DECLARE_METATYPE(QList<Glc::SnapshotDiff::Change>)
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

        // The totals explained: five seats, one suspended, one that merges at the next sync.
        MergedView::Totals expected;
        expected.seats = 5;
        expected.people = 3;
        expected.serverOnly = 1;
        expected.both = 2;
        expected.excluded = 1;
        expected.mergeAtNextSync = 1;
        expected.afterFixes = 2;
        QCOMPARE(view.totals(pairs), expected);
        expected.afterFixes = 3;
        QCOMPARE(view.totals({}), expected);

        // SAML counts as in use once a github.com seat has a NameID; a server seat alone does not.
        QVERIFY(MergedView::optionsFor(seats).samlInUse);
        QVERIFY(!MergedView::optionsFor(seats.mid(1)).samlInUse);

        // Packed rows (the License page's) give the same people.
        const CompactLicenseRows rows = packed(seats);
        QCOMPARE(MergedView::optionsFor(rows).samlInUse, true);
        const MergedView fromPacked = MergedView::build(rows, options);
        QCOMPARE(fromPacked.totals(pairs), view.totals(pairs));
        QCOMPARE(fromPacked.people().size(), view.people().size());
        for (int i = 0; i < view.people().size(); ++i) {
            QCOMPARE(fromPacked.people().at(i).rows, view.people().at(i).rows);
            QCOMPARE(fromPacked.people().at(i).cloudRow, view.people().at(i).cloudRow);
        }

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
        QVERIFY(samePackedDiff(before, after, diff));
    }

    void shouldMatchPeopleAcrossSnapshots_data()
    {
        QTest::addColumn<QList<ConsumedLicense>>("before");
        QTest::addColumn<QList<ConsumedLicense>>("after");
        QTest::addColumn<QList<int>>("came");
        QTest::addColumn<QList<int>>("went");
        QTest::addColumn<QList<SnapshotDiff::Change>>("changes");
        const QString a1 = QStringLiteral("a.example.com:1");
        const QString b7 = QStringLiteral("b.example.com:7");
        const QString x = QStringLiteral("x@corp.example");
        const QStringList cloud = {QStringLiteral("Cloud")};
        const QStringList onA = {QStringLiteral("a.example.com")};
        const QStringList onAB = {QStringLiteral("a.example.com"), QStringLiteral("b.example.com")};
        const QStringList cloudA = {QStringLiteral("Cloud"), QStringLiteral("a.example.com")};
        using L = QList<ConsumedLicense>;
        using C = QList<SnapshotDiff::Change>;

        // The same person, found by each kind of evidence.
        QTest::newRow("server-only gains a second server")
            << L{serverOnly({a1}, {x})} << L{serverOnly({a1, b7}, {x})} << QList<int>{} << QList<int>{}
            << C{{0, 0, onA, onAB, {0}, {0}}};
        QTest::newRow("server account kept, e-mail changed")
            << L{serverOnly({a1}, {x})} << L{serverOnly({b7, a1}, {QStringLiteral("new@corp.example")})} << QList<int>{}
            << QList<int>{} << C{{0, 0, onA, onAB, {0}, {0}}};
        QTest::newRow("new server account, same e-mail (any case)")
            << L{serverOnly({a1}, {x})} << L{serverOnly({b7}, {QStringLiteral("X@Corp.Example")})} << QList<int>{}
            << QList<int>{} << C{{0, 0, onA, {QStringLiteral("b.example.com")}, {0}, {0}}};
        QTest::newRow("counted-twice pair fixed: two seats become one")
            << L{seat(QStringLiteral("alice"), {QStringLiteral("alice@example.com")}),
                   serverOnly({a1}, {QStringLiteral("alice@corp.example")})}
            << L{seat(QStringLiteral("alice"),
                   {QStringLiteral("alice@example.com"), QStringLiteral("alice@corp.example")}, {a1},
                   {QStringLiteral("alice@corp.example")})}
            << QList<int>{} << QList<int>{} << C{{0, 0, cloudA, cloudA, {0, 1}, {0}}};
        QTest::newRow("newly counted twice: one seat becomes two")
            << L{seat(QStringLiteral("alice"), {QStringLiteral("alice@example.com")}, {a1},
                   {QStringLiteral("alice@example.com")})}
            << L{serverOnly({a1}, {QStringLiteral("alice@corp.example")}),
                   seat(QStringLiteral("alice"), {QStringLiteral("alice@example.com")})}
            << QList<int>{} << QList<int>{} << C{{0, 1, cloudA, cloudA, {0}, {0, 1}}};
        QTest::newRow("server-only person gets a github.com seat")
            << L{serverOnly({a1}, {x})} << L{seat(QStringLiteral("xavier"), {x}, {a1}, {x})} << QList<int>{}
            << QList<int>{} << C{{0, 0, onA, cloudA, {0}, {0}}};
        QTest::newRow("login renamed, same verified e-mail")
            << L{seat(QStringLiteral("alice"), {x})} << L{seat(QStringLiteral("alice-renamed"), {x})} << QList<int>{}
            << QList<int>{} << C{};
        QTest::newRow("login in another case, nothing else changed")
            << L{seat(QStringLiteral("Alice"), {})} << L{seat(QStringLiteral("alice"), {})} << QList<int>{}
            << QList<int>{} << C{};
        QTest::newRow("Visual Studio subscriber unchanged")
            << L{visualStudioOnly(QStringLiteral("vs@corp.example"))}
            << L{visualStudioOnly(QStringLiteral("VS@corp.example"))} << QList<int>{} << QList<int>{} << C{};
        QTest::newRow("Visual Studio subscriber now matched to github.com")
            << L{visualStudioOnly(QStringLiteral("vs@corp.example"))}
            << L{seat(QStringLiteral("vera"), {QStringLiteral("vs@corp.example")})} << QList<int>{} << QList<int>{}
            << C{{0, 0, {}, cloud, {0}, {0}}};

        // Near misses: never the same person.
        QTest::newRow("same user id on another server")
            << L{serverOnly({a1}, {x})} << L{serverOnly({QStringLiteral("b.example.com:1")}, {})} << QList<int>{0}
            << QList<int>{0} << C{};
        QTest::newRow("same server, user id with the same prefix")
            << L{serverOnly({a1}, {})} << L{serverOnly({QStringLiteral("a.example.com:10")}, {})} << QList<int>{0}
            << QList<int>{0} << C{};
        QTest::newRow("similar e-mails") << L{serverOnly({a1}, {x})}
                                         << L{serverOnly({b7}, {QStringLiteral("x@corp.example.net")}),
                                                serverOnly({QStringLiteral("c.example.com:1")},
                                                    {QStringLiteral("x+1@corp.example")})}
                                         << QList<int>{0, 1} << QList<int>{0} << C{};
        QTest::newRow("server-only seats share no empty login or empty e-mail")
            << L{serverOnly({a1}, {QString()}), visualStudioOnly(QString())}
            << L{serverOnly({b7}, {QString()}), visualStudioOnly(QStringLiteral("n/a")),
                   serverOnly({QStringLiteral("c.example.com:")}, {})}
            << QList<int>{0, 1, 2} << QList<int>{0, 1} << C{};
        QTest::newRow("malformed server ids do not match")
            << L{serverOnly({QStringLiteral("a.example.com:")}, {})}
            << L{serverOnly({QStringLiteral("a.example.com:")}, {})} << QList<int>{0} << QList<int>{0} << C{};
        QTest::newRow("same display name, other login") << L{[] {
            ConsumedLicense c = seat(QStringLiteral("anna"), {});
            c.githubComName = QStringLiteral("Anna Müller");
            return c;
        }()} << L{[] {
            ConsumedLicense c = seat(QStringLiteral("anna2"), {});
            c.githubComName = QStringLiteral("Anna Müller");
            return c;
        }()} << QList<int>{0} << QList<int>{0} << C{};
        QTest::newRow("a server account that moves to another github.com user does not join them")
            << L{seat(QStringLiteral("alice"), {}, {a1}, {x}), seat(QStringLiteral("bob"), {})}
            << L{seat(QStringLiteral("alice"), {}), seat(QStringLiteral("bob"), {x}, {a1}, {x})} << QList<int>{}
            << QList<int>{} << C{{0, 0, cloudA, cloud, {0}, {0}}, {1, 1, cloud, cloudA, {1}, {1}}};
        QTest::newRow("an e-mail shared by two github.com users does not join them")
            << L{seat(QStringLiteral("alice"), {x}), seat(QStringLiteral("bob"), {QStringLiteral("bob@example.com")})}
            << L{seat(QStringLiteral("alice"), {x}),
                   seat(QStringLiteral("bob"), {QStringLiteral("bob@example.com")}, {}, {x})}
            << QList<int>{} << QList<int>{} << C{};

        // Keys compare the way lower-case strings do, also where packed rows keep them apart.
        QTest::newRow("server host in another case")
            << L{serverOnly({QStringLiteral("A.Example.com:1")}, {})} << L{serverOnly({a1, b7}, {})} << QList<int>{}
            << QList<int>{} << C{{0, 0, {QStringLiteral("A.Example.com")}, onAB, {0}, {0}}};
        QTest::newRow("lowering changes a login's and an e-mail's length (Kelvin sign)")
            << L{seat(QStringLiteral("\u212Aelvin"), {}), serverOnly({a1}, {QStringLiteral("\u212Aate@corp.example")}),
                   serverOnly({QStringLiteral("c.example.com:3")}, {QStringLiteral("\u212Aim@corp.example")})}
            << L{serverOnly({b7}, {QStringLiteral("kate@corp.example")}), seat(QStringLiteral("KELVIN"), {}),
                   serverOnly({QStringLiteral("c.example.com:4")}, {QStringLiteral("KIM@corp.example")})}
            << QList<int>{} << QList<int>{} << C{{1, 0, onA, {QStringLiteral("b.example.com")}, {1}, {0}}};
    }

    void shouldMatchPeopleAcrossSnapshots()
    {
        QFETCH(QList<ConsumedLicense>, before);
        QFETCH(QList<ConsumedLicense>, after);
        QFETCH(QList<int>, came);
        QFETCH(QList<int>, went);
        QFETCH(QList<SnapshotDiff::Change>, changes);
        const SnapshotDiff diff = SnapshotDiff::compute(before, after);
        QCOMPARE(diff.came, came);
        QCOMPARE(diff.went, went);
        QCOMPARE(diff.changedEnvironment.size(), changes.size());
        for (qsizetype i = 0; i < changes.size(); ++i) {
            const SnapshotDiff::Change &got = diff.changedEnvironment.at(i);
            const SnapshotDiff::Change &want = changes.at(i);
            QCOMPARE(got.beforeRow, want.beforeRow);
            QCOMPARE(got.afterRow, want.afterRow);
            QCOMPARE(got.environmentsBefore, want.environmentsBefore);
            QCOMPARE(got.environmentsAfter, want.environmentsAfter);
            QCOMPARE(got.beforeRows, want.beforeRows);
            QCOMPARE(got.afterRows, want.afterRows);
        }
        // The same question asked the other way round gives the mirror answer.
        const SnapshotDiff back = SnapshotDiff::compute(after, before);
        QCOMPARE(back.came, went);
        QCOMPARE(back.went, came);
        QCOMPARE(back.changedEnvironment.size(), changes.size());
        // Both ways again over packed rows (as the job and `ghe-license changes` read them).
        QVERIFY(samePackedDiff(before, after, diff));
        QVERIFY(samePackedDiff(after, before, back));
    }

    void shouldDiffThreeHundredThousandPeopleInLinearTime()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 300000;
        o.servers = 20;
        const QList<ConsumedLicense> before = GlcTest::SnapshotGenerator::generate(o).licenses.users;
        QList<ConsumedLicense> after(before.crbegin(), before.crend());
        after.removeLast(); // before's first row went
        after.append(seat(QStringLiteral("newcomer"), {QStringLiteral("newcomer@example.com")}));
        after[0].enterpriseServerUserIds.append(QStringLiteral("new.example.com:1")); // before's last row
        QElapsedTimer timer;
        timer.start();
        const SnapshotDiff diff = SnapshotDiff::compute(before, after);
        const qint64 ms = timer.elapsed();
        qInfo("snapshot diff of %lld seats: %lld ms", static_cast<long long>(before.size()), ms);
        QCOMPARE(diff.went, QList<int>{0});
        QCOMPARE(diff.came, QList<int>{static_cast<int>(after.size()) - 1});
        QCOMPARE(diff.changedEnvironment.size(), 1);
        QCOMPARE(diff.changedEnvironment.first().beforeRow, static_cast<int>(before.size()) - 1);
        QCOMPARE(diff.changedEnvironment.first().afterRow, 0);
        // Generous for a debug build on a busy machine; a quadratic match would take hours.
        QVERIFY2(ms < 20000, qPrintable(QString::number(ms)));

        const CompactLicenseRows packedBefore = packed(before);
        const CompactLicenseRows packedAfter = packed(after);
        timer.restart();
        const SnapshotDiff fromRows = SnapshotDiff::compute(packedBefore, packedAfter);
        const qint64 packedMs = timer.elapsed();
        qInfo("snapshot diff of %lld packed seats: %lld ms", static_cast<long long>(before.size()), packedMs);
        QVERIFY(fromRows == diff);
        QVERIFY2(packedMs < 20000, qPrintable(QString::number(packedMs)));
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
        // The year's edge: 360 days out is a date, 370 days out is "not within a year".
        QTest::newRow("360 days out") << QList<SeatForecast::Point>{{day(0), 50}, {day(10), 60}, {day(20), 70}} << 430
                                      << O::ReachedOn << day(380);
        QTest::newRow("370 days out") << QList<SeatForecast::Point>{{day(0), 50}, {day(10), 60}, {day(20), 70}} << 440
                                      << O::NotWithinYear << QDateTime();
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

    void shouldPrintSeatUseAsTheMeterJudgesIt_data()
    {
        QTest::addColumn<qint64>("consumed");
        QTest::addColumn<qint64>("purchased");
        QTest::addColumn<double>("percent");
        QTest::newRow("rounded half up") << qint64(1001) << qint64(1500) << 66.7;
        QTest::newRow("rounded down") << qint64(1000) << qint64(3000) << 33.3;
        QTest::newRow("just below 90, held") << qint64(2249) << qint64(2500) << 89.9;
        QTest::newRow("90 exactly") << qint64(900) << qint64(1000) << 90.0;
        QTest::newRow("just above 90") << qint64(9001) << qint64(10000) << 90.0;
        QTest::newRow("just below 100, held") << qint64(2999) << qint64(3000) << 99.9;
        QTest::newRow("all") << qint64(600) << qint64(600) << 100.0;
        QTest::newRow("over") << qint64(1203) << qint64(1200) << 100.3;
        QTest::newRow("nothing purchased") << qint64(3) << qint64(0) << 100.0;
        QTest::newRow("nothing at all") << qint64(0) << qint64(0) << 0.0;
        QTest::newRow("a large enterprise") << qint64(2'000'000'001) << qint64(2'100'000'000) << 95.2;
    }
    void shouldPrintSeatUseAsTheMeterJudgesIt()
    {
        QFETCH(qint64, consumed);
        QFETCH(qint64, purchased);
        QFETCH(double, percent);
        QCOMPARE(seatUsePercent(consumed, purchased), percent);
        if (consumed <= INT_MAX && purchased <= INT_MAX) {
            ConsumedLicensesReport report;
            report.totalSeatsConsumed = int(consumed);
            report.totalSeatsPurchased = int(purchased);
            QCOMPARE(report.usedPercent(), percent);
        }
    }

    void shouldJudgeSyncsAndUploadsByTheWeeklyCadence()
    {
        const QDateTime now(QDate(2026, 12, 1), QTime(12, 0), QTimeZone::UTC);
        const QDateTime week = now.addDays(-LicenseCadence::Days);
        QCOMPARE(LicenseCadence::Days, 7);
        QVERIFY(!LicenseCadence::isOverdue(week, now)); // exactly a week: still within
        QVERIFY(LicenseCadence::isOverdue(week.addSecs(-1), now));
        QVERIFY(LicenseCadence::isOverdue(QDateTime(), now)); // nothing on record
        QCOMPARE(LicenseCadence::wholeDaysSince(now.addSecs(-(8 * 24 + 23) * 3600), now), 8);
        QCOMPARE(LicenseCadence::wholeDaysSince(now.addSecs(-60), now), 0);
        QCOMPARE(LicenseCadence::wholeDaysSince(QDateTime(), now), -1);

        // A sync is judged by its last success, however recent a failed attempt.
        LicenseSyncStatus sync;
        sync.lastSyncDate = now.addDays(-1);
        sync.status = QStringLiteral("failure");
        sync.lastSuccessDate = week.addSecs(-1);
        QVERIFY(sync.isStale(now));
        sync.lastSuccessDate = week;
        QVERIFY(!sync.isStale(now));
        sync.status = QStringLiteral("success");
        sync.lastSuccessDate = {};
        QVERIFY(!sync.isStale(now));

        // An upload is due only from a server without GitHub Connect; its newest upload's last change counts.
        EnterpriseServerInstallation server;
        server.isConnected = false;
        QVERIFY(server.uploadOverdue(now));
        server.uploads = {{QStringLiteral("newest.json"), UploadSyncState::Success, week.addDays(-1), week},
            {QStringLiteral("older.json"), UploadSyncState::Success, now.addDays(-30), now.addDays(-30)}};
        QCOMPARE(server.lastUploadAt(), week);
        QVERIFY(!server.uploadOverdue(now));
        server.uploads.first().updatedAt = {};
        QCOMPARE(server.lastUploadAt(), week.addDays(-1));
        QVERIFY(server.uploadOverdue(now));
        server.isConnected = true;
        QVERIFY(!server.uploadOverdue(now));
    }

    void shouldSayTheForecastInWords()
    {
        const QLocale locale;
        // One seat a day: seven a week, the date when all 100 are in use.
        const QList<SeatForecast::Point> rising{{day(0), 50}, {day(10), 60}, {day(20), 70}};
        const SeatForecast reached = SeatForecast::compute(rising, 100);
        QCOMPARE(reached.text(100),
            QStringLiteral("At the current trend of %1 more seats a week, all 100 purchased seats are in use by %2.")
                .arg(locale.toString(7.0, 'f', 1), DateFormat::toString(day(50).toLocalTime().date(), locale)));
        QCOMPARE(SeatForecast::compute({{day(0), 60}, {day(7), 60}}, 100).text(100),
            QStringLiteral("Seat use is flat: the purchased seats last beyond a year."));
        QVERIFY(
            SeatForecast::compute({{day(0), 80}, {day(7), 70}}, 100).text(100).startsWith(u"Seat use is falling by"));
        QCOMPARE(SeatForecast::compute({{day(0), 90}, {day(7), 100}}, 100).text(100),
            QStringLiteral("Every purchased seat is in use."));
        QVERIFY(SeatForecast::compute({{day(0), 50}}, 100).text(100).startsWith(u"No forecast yet"));
    }

    void shouldListTheChangesForASpreadsheet()
    {
        // A name that a spreadsheet would run as a formula, and a Chinese one: neutralised, and kept as UTF-8.
        ConsumedLicense mallory = seat(QStringLiteral("mallory"), {});
        mallory.githubComName = QStringLiteral("=HYPERLINK(\"http://x.example\")");
        ConsumedLicense li = seat(QStringLiteral("li"), {});
        li.githubComName = QStringLiteral("李雷");
        ConsumedLicense moved = seat(QStringLiteral("moved"), {});
        ConsumedLicense movedAfter = moved;
        movedAfter.enterpriseServerUserIds = {QStringLiteral("ghes-1.example:4")};
        const CompactLicenseRows before = packed({mallory, moved});
        const CompactLicenseRows after = packed({li, movedAfter});
        const SnapshotDiff diff = SnapshotDiff::compute(before, after);
        const QByteArray csv = SnapshotChangesWriter::toCsv(before, after, diff, false);
        const QStringList lines = QString::fromUtf8(csv).split(QStringLiteral("\r\n"));
        QCOMPARE(lines,
            (QStringList{SnapshotChangesWriter::columns().join(QLatin1Char(',')),
                QStringLiteral("Came,li,李雷,,,Cloud"),
                QStringLiteral("Went,mallory,\"'=HYPERLINK(\"\"http://x.example\"\")\",,Cloud,"),
                QStringLiteral("Changed environment,moved,,ghes-1.example:4,Cloud,\"Cloud,ghes-1.example\""),
                QString()}));
        QCOMPARE(SnapshotChangesWriter::toCsv(before, after, diff, true), QByteArray("\xEF\xBB\xBF") + csv);
        // Nothing changed: the titles alone.
        QCOMPARE(SnapshotChangesWriter::toCsv(after, after, SnapshotDiff::compute(after, after), false),
            LicenseReportWriter::csvRow(SnapshotChangesWriter::columns()));
    }

    void shouldSetTheForecastAgainstTheLicenseExpiry()
    {
        const QLocale locale;
        auto dateText = [&locale](
                            const QDateTime &when) { return DateFormat::toString(when.toLocalTime().date(), locale); };
        // All 100 seats in use on day 50.
        const SeatForecast reached = SeatForecast::compute({{day(0), 50}, {day(10), 60}, {day(20), 70}}, 100);
        QCOMPARE(reached.outcome, SeatForecast::Outcome::ReachedOn);
        const QDateTime now = day(20);
        QCOMPARE(reached.renewalText(day(80), now),
            QStringLiteral("That is 30 days before the license expires on %1.").arg(dateText(day(80))));
        QCOMPARE(reached.renewalText(day(51), now),
            QStringLiteral("That is 1 day before the license expires on %1.").arg(dateText(day(51))));
        QCOMPARE(reached.text(100, day(80), now), reached.text(100) + u' ' + reached.renewalText(day(80), now));
        // The license ends first, or on that day: its renewal is when to add seats.
        for (const int expiryDay : {30, 50}) {
            QCOMPARE(reached.renewalText(day(expiryDay), now),
                QStringLiteral("The license expires first, on %1: its renewal is the time to add seats.")
                    .arg(dateText(day(expiryDay))));
        }
        // Nothing to say: no expiry known, a license already expired, or no day the seats run out.
        QVERIFY(reached.renewalText({}, now).isEmpty());
        QVERIFY(reached.renewalText(day(10), now).isEmpty());
        QCOMPARE(reached.text(100, {}, now), reached.text(100));
        const SeatForecast flat = SeatForecast::compute({{day(0), 60}, {day(7), 60}}, 100);
        QVERIFY(flat.renewalText(day(80), now).isEmpty());
        const SeatForecast full = SeatForecast::compute({{day(0), 90}, {day(7), 100}}, 100);
        QVERIFY(full.renewalText(day(80), now).isEmpty());
    }

    void shouldForecastWithoutASeatLimit()
    {
        // An Enterprise Server license with "unlimited" seats: purchased reads 0, yet nothing is "reached".
        LicenseSnapshot snapshot;
        snapshot.licenses.totalSeatsConsumed = 70;
        snapshot.licenses.totalSeatsPurchased = 0;
        ServerLicenseInfo license;
        license.seatsUsed = 70;
        snapshot.serverLicenses = {license};
        QVERIFY(snapshot.unlimitedSeats());
        const QList<SeatForecast::Point> rising{{day(0), 50}, {day(10), 60}, {day(20), 70}};
        const SeatForecast f = SeatForecast::forLatest(rising, snapshot);
        QCOMPARE(f.outcome, SeatForecast::Outcome::NoSeatLimit);
        QVERIFY(qAbs(f.seatsPerDay - 1.0) < 1e-6);
        QVERIFY(!f.date.isValid());
        QVERIFY2(f.text(0).startsWith(u"The license has no seat limit; seat use grows by"), qPrintable(f.text(0)));
        // Too little history stays "no forecast yet".
        QCOMPARE(SeatForecast::forLatest({{day(0), 70}}, snapshot).outcome, SeatForecast::Outcome::InsufficientData);
        // With a seat limit the same history is measured against it.
        license.seats = 100;
        snapshot.serverLicenses = {license};
        snapshot.licenses.totalSeatsPurchased = 100;
        QVERIFY(!snapshot.unlimitedSeats());
        QCOMPARE(SeatForecast::forLatest(rising, snapshot).outcome, SeatForecast::Outcome::ReachedOn);
        // A Cloud snapshot (no server license) is never "unlimited", even at 0 purchased.
        LicenseSnapshot cloud;
        QVERIFY(!cloud.unlimitedSeats());
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
        // The License page counts its packed rows: the same result.
        CompactLicenseRows rows;
        for (const ConsumedLicense &s : {a, b, c, d}) {
            rows.append(s);
        }
        QCOMPARE(OrganizationBreakdown::compute(rows).organizations, breakdown.organizations);
        QCOMPARE(OrganizationBreakdown::compute(rows).seatsWithoutOrganization, 1);
        // An organization's name is what comes before the last colon; a bare role is an organization.
        QCOMPARE(OrganizationBreakdown::organizationOf(u"team:x:Owner"), QStringView(u"team:x"));
        QCOMPARE(OrganizationBreakdown::organizationOf(u"solo"), QStringView(u"solo"));
    }

    void shouldBreakDownPackedRowsAsTheirList()
    {
        GlcTest::SnapshotGeneratorOptions o;
        o.users = 5000;
        o.servers = 3;
        const QList<ConsumedLicense> seats = GlcTest::SnapshotGenerator::generate(o).licenses.users;
        CompactLicenseRows rows;
        for (const ConsumedLicense &s : seats) {
            rows.append(s);
        }
        const OrganizationBreakdown fromList = OrganizationBreakdown::compute(seats);
        const OrganizationBreakdown fromRows = OrganizationBreakdown::compute(rows);
        QVERIFY(fromList.organizations.size() >= 2);
        QVERIFY(std::any_of(fromList.organizations.cbegin(), fromList.organizations.cend(),
            [](const OrganizationBreakdown::Organization &o) { return o.owners > 0; }));
        QVERIFY(std::any_of(fromList.organizations.cbegin(), fromList.organizations.cend(),
            [](const OrganizationBreakdown::Organization &o) { return o.pendingInvites > 0; }));
        QCOMPARE(fromRows.organizations, fromList.organizations);
        QCOMPARE(fromRows.seatsWithoutOrganization, fromList.seatsWithoutOrganization);
    }
};

QTEST_GUILESS_MAIN(JudgementTest)
#include "judgementtest.moc"
