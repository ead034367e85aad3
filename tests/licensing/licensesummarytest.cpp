// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensing/licensesummary.h"
#include "core/dateformat.h"

#include <QLocale>
#include <QStandardPaths>
#include <QTest>
#include <QTimeZone>

using namespace Glc;

namespace {
const QDateTime Now(QDate(2026, 11, 30), QTime(12, 0), QTimeZone::UTC);

LicenseSyncStatus server(const QString &host, int daysAgo, const QString &status, const QString &error = {})
{
    LicenseSyncStatus s;
    s.serverId = host + QLatin1String("-id");
    s.hostname = host;
    s.lastSyncDate = daysAgo < 0 ? QDateTime() : Now.addDays(-daysAgo);
    s.status = status;
    s.error = error;
    return s;
}

LicenseSummary::Input input()
{
    LicenseSummary::Input in;
    in.connectionName = QStringLiteral("Acme <Corp>");
    in.source = QStringLiteral("github.com enterprise acme");
    in.now = Now;
    in.snapshot.takenAt = Now.addSecs(-3600);
    in.snapshot.licenses.totalSeatsConsumed = 1234;
    in.snapshot.licenses.totalSeatsPurchased = 1500;
    in.snapshot.syncStatus = {server(QStringLiteral("zz.example"), 2, QStringLiteral("success")),
        server(QStringLiteral("aa<b>.example"), 9, QStringLiteral("failed"), QStringLiteral("<script>x</script>")),
        server(QStringLiteral("never.example"), -1, QString())};
    for (int week = 20; week >= 0; --week) {
        in.history.append({Now.addDays(-7 * week), 1000 + (20 - week) * 10, 1500});
    }
    EnterpriseServerInstallation connected;
    connected.hostName = QStringLiteral("zz.example");
    connected.isConnected = true;
    EnterpriseServerInstallation offline;
    offline.hostName = QStringLiteral("air<gap>.example");
    // GitHub finished processing (and failed) the newest upload an hour after it arrived: the page says when.
    offline.uploads = {UserAccountsUpload{QStringLiteral("new.json"), UploadSyncState::Failure, Now.addDays(-1),
                           Now.addDays(-1).addSecs(3600)},
        UserAccountsUpload{QStringLiteral("old.json"), UploadSyncState::Success, Now.addDays(-30), {}}};
    in.snapshot.installations = {connected, offline};
    CountedTwicePair pair;
    pair.seatsFreed = 1;
    in.countedTwice.pairs = {pair, pair, pair};
    in.countedTwice.seatsFreed = 3;
    in.countedTwice.unexpected = {UnexpectedSeat{}};
    for (int i = 0; i < 17; ++i) {
        in.organizations.organizations.append({QStringLiteral("org-%1").arg(i), 100 - i, 2, i == 0 ? 3 : 0, 1});
    }
    in.organizations.organizations.first().name = QStringLiteral("R&D <core>");
    in.organizations.seatsWithoutOrganization = 42;
    in.people.people = 1231;
    in.people.afterFixes = 1228;
    return in;
}

int count(const QString &text, const QString &part)
{
    return int(text.count(part));
}
} // namespace

class LicenseSummaryTest : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        QLocale::setDefault(QLocale(QLocale::English, QLocale::UnitedStates));
    }

    void shouldSummarizeSeatsSyncAndCountedTwice()
    {
        const QString html = LicenseSummary::html(input());
        QVERIFY(html.startsWith(QLatin1String("<!DOCTYPE html>")));
        QVERIFY2(html.contains(QLatin1String("1,234 of 1,500 purchased seats consumed (82.3%); 266 available.")),
            qPrintable(html));
        // Servers by host name; a failed sync with GitHub's error, stale after 7 days, and one that never synced.
        QVERIFY(html.indexOf(QLatin1String("aa&lt;b&gt;.example")) < html.indexOf(QLatin1String("never.example")));
        QVERIFY(html.indexOf(QLatin1String("never.example")) < html.indexOf(QLatin1String("zz.example")));
        QVERIFY(html.contains(QLatin1String("3 servers; 2 without a successful sync for over 7 days.")));
        QVERIFY(html.contains(QLatin1String("<td>Failed, stale</td><td>&lt;script&gt;x&lt;/script&gt;</td>")));
        QVERIFY(html.contains(QLatin1String("<td>Never synced, stale</td>")));
        QVERIFY(html.contains(QLatin1String("<td>Succeeded</td>")));
        // Every server GitHub lists: an offline one by its newest upload (which failed), one without any.
        QVERIFY(html.contains(
            QLatin1String("2 servers; 1 without GitHub Connect, counted by the usage files uploaded for them.")));
        // No license read for them: no version, no seats.
        QVERIFY2(
            html.contains(QStringLiteral("<tr><td>air&lt;gap&gt;.example</td><td></td><td>Not connected</td><td>%1</td>"
                                         "<td>Failed</td><td></td></tr>")
                    .arg(DateFormat::toString(Now.addDays(-1).addSecs(3600).toLocalTime()))),
            qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<tr><td>zz.example</td><td></td><td>Connected</td><td>none needed: it "
                                            "syncs</td><td></td><td></td></tr>")));
        QVERIFY(html.contains(
            QLatin1String("3 suspected pairs of accounts are counted as two seats each; fixing them would free 3 seats "
                          "(1,228 consumed then).")));
        QVERIFY(html.contains(QLatin1String("1 seat counts only for a pending invitation")));
        // Nothing GitHub (or an admin naming the connection) wrote reaches the page as markup.
        QCOMPARE(count(html, QStringLiteral("<script")), 0);
        QCOMPARE(count(html, QStringLiteral("<b>")), 0);
        QVERIFY(html.contains(QLatin1String("<h1>License summary: Acme &lt;Corp&gt;</h1>")));
        // Seats per organization for a chargeback: the biggest ones, the rest counted, and the seats in none.
        QVERIFY2(html.contains(
                     QLatin1String("<tr><td>R&amp;D &lt;core&gt;</td><td>100</td><td>2</td><td>3</td><td>1</td></tr>")),
            qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<td>org-14</td>")));
        QVERIFY(!html.contains(QLatin1String("<td>org-15</td>")));
        QVERIFY(html.contains(QLatin1String("2 more organizations with fewer members.")));
        QVERIFY(html.contains(QLatin1String("42 seats belong to no organization")));
    }

    void shouldPutWhatNeedsAttentionFirst()
    {
        LicenseSummary::Input in = input();
        in.snapshot.licenses.totalSeatsConsumed = 1600;
        QString html = LicenseSummary::html(in);
        const qsizetype section = html.indexOf(QLatin1String("<h2>Needs attention</h2>"));
        QVERIFY2(section > 0 && section < html.indexOf(QLatin1String("<h2>User licenses</h2>")), qPrintable(html));
        // Critical first; GitHub's error text escaped like every other value.
        const qsizetype critical = html.indexOf(
            QLatin1String("<li>Critical: 1,600 seats are in use, 100 more than the 1,500 purchased.</li>"));
        const qsizetype failed = html.indexOf(QLatin1String(
            "<li>The last license sync of aa&lt;b&gt;.example failed: &lt;script&gt;x&lt;/script&gt;</li>"));
        QVERIFY2(critical > section && failed > critical, qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<li>never.example has never synced its license usage.</li>")));
        QVERIFY(html.contains(QLatin1String(
            "<li>3 people are probably counted twice. Fixing their e-mail addresses frees 3 seats.</li>")));
        QVERIFY(html.contains(QLatin1String("<li>1 seat counts only for a pending organization invitation.</li>")));
        // The offline server's newest upload is a day old, but GitHub could not process it.
        QVERIFY(html.contains(QLatin1String(
            "<li>GitHub could not process the newest license usage upload of air&lt;gap&gt;.example: its seats")));
        QVERIFY(!html.contains(QLatin1String("does not sync by itself")));

        // Processed ten days ago: overdue by the weekly default, in time when its usage is added monthly.
        in.snapshot.installations.last().uploads.first().createdAt = Now.addDays(-10);
        in.snapshot.installations.last().uploads.first().updatedAt = Now.addDays(-10);
        in.snapshot.installations.last().uploads.first().syncState = UploadSyncState::Success;
        QVERIFY(LicenseSummary::html(in).contains(QLatin1String("air&lt;gap&gt;.example does not sync by itself")));
        in.uploadDays = 31;
        QVERIFY(!LicenseSummary::html(in).contains(QLatin1String("does not sync by itself")));

        // Nothing to act on: the section says so.
        LicenseSummary::Input healthy;
        healthy.now = Now;
        healthy.snapshot.licenses.totalSeatsConsumed = 10;
        healthy.snapshot.licenses.totalSeatsPurchased = 100;
        html = LicenseSummary::html(healthy);
        QVERIFY2(html.contains(QLatin1String("<h2>Needs attention</h2>\n<p>Nothing: seats, license, syncs and uploads "
                                             "are in order.</p>")),
            qPrintable(html));
    }

    void shouldListTheNewestSnapshotsAndTheChartWhenGiven()
    {
        LicenseSummary::Input in = input();
        const QString plain = LicenseSummary::html(in);
        QCOMPARE(count(plain, QStringLiteral("<img")), 0);
        // The newest first, at most HistoryRows of the 21.
        const int rows = count(plain, QStringLiteral("<td>1,500</td>"));
        QCOMPARE(rows, LicenseSummary::HistoryRows);
        QVERIFY(plain.indexOf(QLatin1String("<td>1,200</td>")) < plain.indexOf(QLatin1String("<td>1,190</td>")));
        QVERIFY(!plain.contains(QLatin1String("<td>1,080</td>"))); // the 13th newest is left out
        const QString charted = LicenseSummary::html(in, QStringLiteral("data:image/png;base64,AAAA"), QSize(660, 280));
        QVERIFY(charted.contains(QLatin1String("<img src=\"data:image/png;base64,AAAA\"")));
        QVERIFY(charted.contains(QLatin1String("width=\"660\" height=\"280\"")));

        in.history.clear();
        QVERIFY(
            LicenseSummary::html(in, QStringLiteral("x.png")).contains(QLatin1String("No snapshot is stored yet.")));
        QCOMPARE(count(LicenseSummary::html(in, QStringLiteral("x.png")), QStringLiteral("<img")), 0);
    }

    void shouldSayTheExpiryOnceAndEachServersVersionAndSeats()
    {
        LicenseSummary::Input in = input();
        ServerLicenseInfo zz;
        zz.hostname = QStringLiteral("ZZ.example"); // GitHub's names are matched whatever their case
        zz.seats = 1500;
        zz.seatsUsed = 480;
        zz.installedVersion = QStringLiteral("3.14.2");
        zz.expireAt = Now.addDays(90);
        ServerLicenseInfo same = zz;
        same.hostname = QStringLiteral("air<gap>.example");
        same.installedVersion = QStringLiteral("3.12.9");
        same.seats.reset();
        same.seatsUsed = 12;
        ServerLicenseInfo older = zz;
        older.hostname = QStringLiteral("old.example");
        older.expireAt = Now.addDays(20);
        ServerLicenseInfo unknown;
        unknown.hostname = QStringLiteral("unknown.example");
        in.snapshot.serverLicenses = {zz, same, unknown};
        QString html = LicenseSummary::html(in);
        // Once in the licenses (and, within 90 days, once among what needs attention).
        QCOMPARE(
            count(html.mid(html.indexOf(QLatin1String("<h2>User licenses</h2>"))), QStringLiteral("expires on")), 1);
        QVERIFY(html.contains(QLatin1String("in 90 days: time to renew it.</li>")));
        QVERIFY2(
            html.contains(QLatin1String("The license expires on")) && html.contains(QLatin1String("(in 90 days).")),
            qPrintable(html));
        QVERIFY(html.contains(QLatin1String("License of unknown.example: expiry date unknown.")));
        // The instances table gives each server's version and seats where its license was read.
        QVERIFY2(html.contains(QLatin1String("<td>zz.example</td><td>3.14.2</td>")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("<td>480 of 1,500</td>")));
        QVERIFY(html.contains(QLatin1String("<td>air&lt;gap&gt;.example</td><td>3.12.9</td>")));
        QVERIFY(html.contains(QLatin1String("<td>12 of unlimited</td>")));
        // A server whose license file ends sooner sets the date; the others are named with theirs.
        in.snapshot.serverLicenses = {zz, older};
        html = LicenseSummary::html(in);
        QVERIFY(html.contains(QLatin1String("(in 20 days).")));
        QVERIFY(html.contains(QLatin1String("License of ZZ.example expires on")));
        QVERIFY(!html.contains(QLatin1String("License of old.example")));
        // Once the date passed, it says so.
        in.now = Now.addDays(25);
        QVERIFY(LicenseSummary::html(in).contains(QLatin1String("The license expired on")));
    }

    void shouldSayWhenTheLicenseHasNoSeatLimit()
    {
        LicenseSummary::Input in = input();
        ServerLicenseInfo license;
        license.hostname = QStringLiteral("ghes.example");
        license.seatsUsed = 1234;
        license.daysUntilExpiration = 30;
        license.expireAt = Now.addDays(30);
        in.snapshot.serverLicenses = {license};
        in.snapshot.licenses.totalSeatsPurchased = 0;
        in.snapshot.syncStatus.clear();
        in.countedTwice = {};
        const QString html = LicenseSummary::html(in);
        QVERIFY2(
            html.contains(QLatin1String("1,234 seats consumed; the license has no seat limit.")), qPrintable(html));
        QVERIFY2(html.contains(QLatin1String("The license expires on")), qPrintable(html));
        QVERIFY(html.contains(QLatin1String("(in 30 days).")));
        QVERIFY(!html.contains(QLatin1String("License of ghes.example"))); // said once, not per server
        // Counted from the summary's now, not as GitHub counted when the snapshot was taken: a week later, 23 days
        // are left; after the date, it expired.
        in.now = Now.addDays(7);
        QVERIFY2(
            LicenseSummary::html(in).contains(QLatin1String("(in 23 days).")), qPrintable(LicenseSummary::html(in)));
        in.now = Now.addDays(32);
        QVERIFY(LicenseSummary::html(in).contains(QLatin1String("(2 days ago).")));
        // Days beside a date are calendar days, as on the License page: at 18:00, an expiry at 09:00 the day after
        // tomorrow is 2 days away (39 hours: 1 whole day).
        const QDateTime evening(QDate(2026, 12, 2), QTime(18, 0), QTimeZone::LocalTime);
        in.now = evening;
        in.snapshot.serverLicenses.first().expireAt = QDateTime(QDate(2026, 12, 4), QTime(9, 0), QTimeZone::LocalTime);
        QCOMPARE(in.snapshot.serverLicenses.first().daysLeft(evening), 1);
        QVERIFY2(
            LicenseSummary::html(in).contains(QLatin1String("(in 2 days).")), qPrintable(LicenseSummary::html(in)));
        in.snapshot.serverLicenses.first().expireAt = license.expireAt;
        in.now = Now;
        QVERIFY(html.contains(QLatin1String("No Enterprise Server instance syncs with this enterprise.")));
        QVERIFY(html.contains(QLatin1String("No account looks counted twice.")));
        QVERIFY(html.contains(QLatin1String("<td>unlimited</td>")));
        in.snapshot.installations.clear();
        QVERIFY(!LicenseSummary::html(in).contains(QLatin1String("Enterprise Server instances")));
        in.organizations = {};
        QVERIFY(!LicenseSummary::html(in).contains(QLatin1String("Seats by organization")));
    }
};

QTEST_GUILESS_MAIN(LicenseSummaryTest)
#include "licensesummarytest.moc"
