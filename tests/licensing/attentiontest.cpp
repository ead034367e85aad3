// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/attention.h"
#include "core/dateformat.h"

#include <QSet>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Glc;

namespace {
using Kind = AttentionItem::Kind;
using Level = AttentionItem::Level;

const QDateTime Now(QDate(2026, 6, 15), QTime(12, 0), QTimeZone::UTC);

/// 100 of 600 seats, every server synced yesterday: nothing needs attention.
Attention::Input healthy()
{
    Attention::Input in;
    in.now = Now;
    in.consumed = 100;
    in.purchased = 600;
    LicenseSyncStatus synced;
    synced.hostname = QStringLiteral("ghes-1.example.com");
    synced.status = QStringLiteral("success");
    synced.lastSyncDate = Now.addDays(-1);
    in.syncStatus = {synced};
    ServerLicenseInfo license;
    license.hostname = QStringLiteral("ghes-1.example.com");
    license.expireAt = Now.addDays(200);
    in.serverLicenses = {license};
    return in;
}

LicenseSyncStatus sync(const QString &host, const QString &status, const QDateTime &last, const QString &error = {})
{
    LicenseSyncStatus s;
    s.hostname = host;
    s.status = status;
    s.lastSyncDate = last;
    s.error = error;
    return s;
}

QList<Kind> kinds(const QList<AttentionItem> &items)
{
    QList<Kind> k;
    for (const AttentionItem &i : items) {
        k.append(i.kind);
    }
    return k;
}
} // namespace

class AttentionTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void shouldFindNothingInAHealthyEnterprise() { QVERIFY(Attention::collect(healthy()).isEmpty()); }

    void shouldJudgeSeatsAgainstThePurchased_data()
    {
        QTest::addColumn<int>("consumed");
        QTest::addColumn<int>("purchased");
        QTest::addColumn<bool>("unlimited");
        QTest::addColumn<int>("level"); // -1: no item
        QTest::addColumn<QString>("text");
        QTest::newRow("89 %") << 539 << 600 << false << -1 << QString();
        QTest::newRow("90 %") << 540 << 600 << false << int(Level::Warning)
                              << QStringLiteral("540 of 600 seats are in use (90.0%): 60 are left.");
        QTest::newRow("one left") << 599 << 600 << false << int(Level::Warning)
                                  << QStringLiteral("599 of 600 seats are in use (99.8%): 1 is left.");
        QTest::newRow("full") << 600 << 600 << false << int(Level::Critical)
                              << QStringLiteral("All 600 purchased seats are in use: none is left.");
        QTest::newRow("over") << 1203 << 1200 << false << int(Level::Critical)
                              << QStringLiteral("1,203 seats are in use, 3 more than the 1,200 purchased.");
        QTest::newRow("no seat limit") << 5000 << 0 << true << -1 << QString();
        QTest::newRow("nothing purchased known") << 10 << 0 << false << -1 << QString();
    }
    void shouldJudgeSeatsAgainstThePurchased()
    {
        QFETCH(int, consumed);
        QFETCH(int, purchased);
        QFETCH(bool, unlimited);
        QFETCH(int, level);
        QFETCH(QString, text);
        Attention::Input in = healthy();
        in.consumed = consumed;
        in.purchased = purchased;
        in.unlimited = unlimited;
        const QList<AttentionItem> items = Attention::collect(in);
        if (level < 0) {
            QVERIFY2(items.isEmpty(), qPrintable(items.value(0).text));
            return;
        }
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().kind, Kind::Seats);
        QCOMPARE(int(items.first().level), level);
        QCOMPARE(items.first().text, text);
    }

    void shouldWarnBeforeTheSoonestLicenseExpires()
    {
        Attention::Input in = healthy();
        ServerLicenseInfo later;
        later.hostname = QStringLiteral("ghes-2.example.com");
        later.expireAt = Now.addDays(30);
        ServerLicenseInfo sooner;
        sooner.hostname = QStringLiteral("ghes-3.example.com");
        sooner.expireAt = Now.addDays(Attention::ExpiryWarningDays);
        in.serverLicenses = {later, sooner, ServerLicenseInfo()};
        QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().kind, Kind::LicenseExpiry);
        QCOMPARE(items.first().level, Level::Warning);
        QCOMPARE(items.first().hosts, QStringList{QStringLiteral("ghes-2.example.com")});
        QCOMPARE(items.first().text,
            QStringLiteral("The license expires on %1, in 30 days: time to renew it.")
                .arg(DateFormat::toString(Now.addDays(30).toLocalTime().date())));

        // A day beyond the warning: nothing yet.
        in.serverLicenses = {sooner};
        in.serverLicenses.first().expireAt = Now.addDays(Attention::ExpiryWarningDays + 1);
        QVERIFY(Attention::collect(in).isEmpty());

        // Expired: critical, and first even beside a later warning.
        in.serverLicenses.first().expireAt = Now.addSecs(-60);
        in.consumed = 550;
        items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::LicenseExpiry, Kind::Seats}));
        QCOMPARE(items.first().level, Level::Critical);
        QVERIFY2(
            items.first().text.startsWith(QLatin1String("The license expired on ")), qPrintable(items.first().text));
    }

    void shouldNameFailedAndStaleSyncsOnce()
    {
        Attention::Input in = healthy();
        in.syncStatus = {
            sync(QStringLiteral("fresh.example.com"), QStringLiteral("success"), Now.addDays(-6)),
            sync(QStringLiteral("failed.example.com"), QStringLiteral("failure"), Now.addDays(-1),
                QStringLiteral("Token expired")),
            sync(QStringLiteral("stale.example.com"), QStringLiteral("success"), Now.addDays(-9)),
        };
        // A failed sync with no success on record is stale too; it is named once, as failed.
        QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::SyncFailed, Kind::SyncStale}));
        QCOMPARE(items.at(0).text, QStringLiteral("The last license sync of failed.example.com failed: Token expired"));
        QCOMPARE(items.at(0).hosts, QStringList{QStringLiteral("failed.example.com")});
        QCOMPARE(items.at(1).text, QStringLiteral("stale.example.com last synced its license usage 9 days ago."));
        QCOMPARE(items.at(1).hosts, QStringList{QStringLiteral("stale.example.com")});

        // Several servers with the same trouble: one item naming them all; a server that never synced is stale.
        in.syncStatus.append(sync(QStringLiteral("never.example.com"), QString(), QDateTime()));
        in.syncStatus.append(
            sync(QStringLiteral("failed-2.example.com"), QStringLiteral("failure"), Now.addDays(-2), QString()));
        items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::SyncFailed, Kind::SyncStale}));
        QCOMPARE(items.at(0).text,
            QStringLiteral("The last license sync of 2 servers failed: failed.example.com and failed-2.example.com."));
        QCOMPARE(
            items.at(1).hosts, (QStringList{QStringLiteral("stale.example.com"), QStringLiteral("never.example.com")}));
        QCOMPARE(items.at(1).text,
            QStringLiteral("2 servers have not synced their license usage for more than 7 days: stale.example.com and "
                           "never.example.com."));

        in.syncStatus = {sync(QStringLiteral("never.example.com"), QString(), QDateTime())};
        QCOMPARE(Attention::collect(in).value(0).text,
            QStringLiteral("never.example.com has never synced its license usage."));
    }

    void shouldSayWhichServersAreDueAnUpload()
    {
        Attention::Input in = healthy();
        in.offlineServers = {{QStringLiteral("air-1.example.com"), Now.addDays(-6)}};
        QVERIFY(Attention::collect(in).isEmpty());

        in.offlineServers.first().lastUploadAt = Now.addDays(-8);
        QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(kinds(items), QList<Kind>{Kind::UploadOverdue});
        QCOMPARE(items.first().text,
            QStringLiteral("air-1.example.com does not sync by itself (GitHub Connect is off); its license usage was "
                           "last added 8 days ago."));

        // Added monthly: 20 days is in time.
        in.uploadDays = 31;
        in.offlineServers.first().lastUploadAt = Now.addDays(-20);
        QVERIFY(Attention::collect(in).isEmpty());

        // GitHub Connect went off on a server that synced before: GitHub still lists its stale sync, but the
        // upload is what is due (one item, not a Sync now that cannot reach it).
        in.offlineServers.first().lastUploadAt = Now.addDays(-40);
        in.syncStatus.append(sync(QStringLiteral("AIR-1.example.com"), QStringLiteral("success"), Now.addDays(-50)));
        QCOMPARE(kinds(Attention::collect(in)), QList<Kind>{Kind::UploadOverdue});

        in.uploadDays = LicenseCadence::Days;
        in.syncStatus = healthy().syncStatus;
        in.offlineServers = {{QStringLiteral("air-1.example.com"), QDateTime()}};
        QCOMPARE(Attention::collect(in).value(0).text,
            QStringLiteral("air-1.example.com does not sync by itself (GitHub Connect is off) and its license usage "
                           "was never added to the enterprise."));
        in.offlineServers.append({QStringLiteral("air-2.example.com"), Now.addDays(-30)});
        items = Attention::collect(in);
        QCOMPARE(items.size(), 1);
        QCOMPARE(items.first().hosts,
            (QStringList{QStringLiteral("air-1.example.com"), QStringLiteral("air-2.example.com")}));
        QCOMPARE(items.first().text,
            QStringLiteral("2 servers without GitHub Connect are due a license usage upload: air-1.example.com and "
                           "air-2.example.com."));
    }

    void shouldSayWhenGitHubCouldNotProcessAnUpload()
    {
        Attention::Input in = healthy();
        // Uploaded yesterday, but GitHub's state of it is FAILURE: its seats are not counted; not "overdue" too.
        in.offlineServers = {{QStringLiteral("air-1.example.com"), Now.addDays(-1), true}};
        QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(kinds(items), QList<Kind>{Kind::UploadFailed});
        QCOMPARE(items.first().hosts, QStringList{QStringLiteral("air-1.example.com")});
        QCOMPARE(items.first().text,
            QStringLiteral("GitHub could not process the newest license usage upload of air-1.example.com: its seats "
                           "are not counted. Export its usage again and add it to the enterprise."));
        in.offlineServers.first().lastUploadAt = Now.addDays(-30);
        QCOMPARE(kinds(Attention::collect(in)), QList<Kind>{Kind::UploadFailed});
        // Two such servers and one merely overdue: one line each.
        in.offlineServers.append({QStringLiteral("air-2.example.com"), Now.addDays(-2), true});
        in.offlineServers.append({QStringLiteral("air-3.example.com"), Now.addDays(-8), false});
        items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::UploadFailed, Kind::UploadOverdue}));
        QCOMPARE(items.first().text,
            QStringLiteral("GitHub could not process the newest license usage upload of 2 servers: air-1.example.com "
                           "and air-2.example.com."));
        QCOMPARE(items.at(1).hosts, QStringList{QStringLiteral("air-3.example.com")});
    }

    void shouldSayWhenTheNewestSnapshotIsOld()
    {
        Attention::Input in = healthy();
        in.snapshotTakenAt = Now.addDays(-LicenseCadence::Days);
        QVERIFY(Attention::collect(in).isEmpty());
        in.snapshotTakenAt = Now.addDays(-12);
        in.consumed = 590;
        QList<AttentionItem> items = Attention::collect(in);
        // A warning, first among the warnings: everything else is judged on that old data.
        QCOMPARE(kinds(items), (QList<Kind>{Kind::SnapshotOld, Kind::Seats}));
        in.consumed = 600;
        items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::Seats, Kind::SnapshotOld})); // no seat left: critical, first
        QCOMPARE(items.at(1).text,
            QStringLiteral("The newest snapshot is 12 days old: refresh to judge the seats as they are today."));
    }

    void shouldNameEachKindWithAStableWord()
    {
        QSet<QByteArray> words;
        for (int k = int(Kind::SnapshotOld); k <= int(Kind::Forecast); ++k) {
            const QByteArray word = AttentionItem::key(Kind(k));
            QVERIFY2(!word.isEmpty() && word == word.toLower() && !word.contains(' '), word.constData());
            words.insert(word);
        }
        QCOMPARE(words.size(), int(Kind::Forecast) + 1);
        QCOMPARE(QByteArray(AttentionItem::key(Kind::UploadOverdue)), QByteArray("upload_overdue"));
    }

    void shouldCountTheSeatFindings()
    {
        Attention::Input in = healthy();
        in.countedTwicePeople = 1;
        in.seatsFreed = 1;
        QCOMPARE(Attention::collect(in).value(0).text,
            QStringLiteral("1 person is probably counted twice. Fixing their e-mail addresses frees 1 seat."));
        in.countedTwicePeople = 12;
        in.seatsFreed = 11;
        in.pendingInvitationSeats = 3;
        in.unmatchedVisualStudioSeats = 1;
        const QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(
            kinds(items), (QList<Kind>{Kind::CountedTwice, Kind::PendingInvitations, Kind::UnmatchedVisualStudio}));
        QCOMPARE(items.at(0).text,
            QStringLiteral("12 people are probably counted twice. Fixing their e-mail addresses frees 11 seats."));
        QCOMPARE(items.at(1).text, QStringLiteral("3 seats count only for a pending organization invitation."));
        QCOMPARE(items.at(2).text, QStringLiteral("1 Visual Studio subscriber has no matching github.com account."));
    }

    void shouldWarnWhenTheTrendFillsTheSeatsSoon()
    {
        Attention::Input in = healthy();
        in.forecast.outcome = SeatForecast::Outcome::ReachedOn;
        in.forecast.date = Now.addDays(45);
        QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(kinds(items), QList<Kind>{Kind::Forecast});
        QCOMPARE(items.first().text,
            QStringLiteral("At the current trend every purchased seat is in use by %1, in 45 days.")
                .arg(DateFormat::toString(Now.addDays(45).toLocalTime().date())));

        in.forecast.date = Now.addDays(Attention::ForecastWarningDays + 1);
        QVERIFY(Attention::collect(in).isEmpty());
        in.forecast.outcome = SeatForecast::Outcome::NotWithinYear;
        QVERIFY(Attention::collect(in).isEmpty());
        // Seats already full: the seats item says it, not a forecast of it.
        in.forecast.outcome = SeatForecast::Outcome::ReachedOn;
        in.forecast.date = Now.addDays(10);
        in.consumed = in.purchased;
        QCOMPARE(kinds(Attention::collect(in)), QList<Kind>{Kind::Seats});
    }

    void shouldPutCriticalItemsFirst()
    {
        Attention::Input in = healthy();
        in.syncStatus = {sync(QStringLiteral("stale.example.com"), QStringLiteral("success"), Now.addDays(-10))};
        in.countedTwicePeople = 2;
        in.seatsFreed = 2;
        in.consumed = 610;
        in.serverLicenses.first().expireAt = Now.addDays(20);
        const QList<AttentionItem> items = Attention::collect(in);
        QCOMPARE(kinds(items), (QList<Kind>{Kind::Seats, Kind::LicenseExpiry, Kind::SyncStale, Kind::CountedTwice}));
        QCOMPARE(items.first().level, Level::Critical);
        QCOMPARE(items.at(1).level, Level::Warning);
    }
};

QTEST_GUILESS_MAIN(AttentionTest)
#include "attentiontest.moc"
