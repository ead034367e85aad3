// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/licensesynccard.h"
#include "core/dateformat.h"
#include "licensepage/uiformat.h"
#include "uitestdata.h"

#include <QApplication>
#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>
#include <QVBoxLayout>

class LicenseSyncCardTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldShowOneRowPerServer()
    {
        LicenseSyncCard card;
        card.setClock(UiTestData::now);
        card.setServers(UiTestData::serverRows());
        auto text = [&card](const QString &name) {
            auto *label = card.findChild<QLabel *>(name);
            return label ? label->text() : QString();
        };
        QCOMPARE(text(QStringLiteral("hostLabel_11111111-aaaa")), QStringLiteral("ghes1.corp.example"));
        QCOMPARE(text(QStringLiteral("versionLabel_11111111-aaaa")), QStringLiteral("3.14.2"));
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("versionLabel_11111111-aaaa"))->toolTip().isEmpty());
        // A version nobody reported says where one would come from.
        QCOMPARE(text(QStringLiteral("versionLabel_33333333-cccc")), QStringLiteral("unknown"));
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("versionLabel_33333333-cccc"))
                ->toolTip()
                .contains(QLatin1String("license usage file exported")));
        QCOMPARE(text(QStringLiteral("connectedLabel_11111111-aaaa")), QStringLiteral("Connected"));
        QCOMPARE(text(QStringLiteral("connectedLabel_22222222-bbbb")), QStringLiteral("Not connected"));
        QCOMPARE(text(QStringLiteral("connectedLabel_33333333-cccc")), QStringLiteral("unknown"));
        QVERIFY(text(QStringLiteral("lastSyncLabel_11111111-aaaa"))
                .startsWith(Glc::DateFormat::toString(UiTestData::now().addDays(-2).toLocalTime())));
        QVERIFY(text(QStringLiteral("lastSyncLabel_11111111-aaaa")).endsWith(QLatin1String("(2 days ago)")));
        QCOMPARE(text(QStringLiteral("lastSyncLabel_33333333-cccc")), QStringLiteral("never"));
        QCOMPARE(text(QStringLiteral("statusLabel_11111111-aaaa")), QStringLiteral("Succeeded"));
        QCOMPARE(text(QStringLiteral("statusLabel_22222222-bbbb")), QStringLiteral("Failed"));
        QCOMPARE(text(QStringLiteral("statusLabel_33333333-cccc")), QStringLiteral("Never synced"));
        QVERIFY(text(QStringLiteral("errorLabel_22222222-bbbb")).contains(QLatin1String("older than the last upload")));
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("errorLabel_11111111-aaaa")));
    }

    void shouldWarnWhenStaleAfterSevenDays()
    {
        LicenseSyncCard card;
        QDateTime now = UiTestData::now();
        card.setClock([&now] { return now; });
        const ServerRow row{{QStringLiteral("s1"), QStringLiteral("ghes.example"), UiTestData::now().addDays(-6),
                                QStringLiteral("success"), QString(), QDateTime()},
            QString(), true};
        card.setServers({row});
        QCOMPARE(card.staleCount(), 0);
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("staleLabel_s1")));

        now = UiTestData::now().addDays(1).addSecs(1); // 7 days and 1 second after the sync
        card.setServers({row});
        QCOMPARE(card.staleCount(), 1);
        auto *stale = card.findChild<QLabel *>(QStringLiteral("staleLabel_s1"));
        QVERIFY(stale);
        QVERIFY(stale->text().contains(QLatin1String("more than 7 days")));
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text(),
            QStringLiteral("1 server · 1 server not synced for more than 7 days"));
    }

    void shouldJudgeAFailingServerByItsLastSuccess()
    {
        LicenseSyncCard card;
        card.setClock(UiTestData::now);
        // Every server tried an hour ago and failed; they differ in their last success on record.
        auto failing = [](const QString &id, const QDateTime &lastSuccess) {
            return ServerRow{{id, id + QStringLiteral(".example"), UiTestData::now().addSecs(-3600),
                                 QStringLiteral("failure"), QStringLiteral("GitHub Connect is off"), lastSuccess},
                QString(), true};
        };
        card.setServers({failing(QStringLiteral("recent"), UiTestData::now().addDays(-2)),
            failing(QStringLiteral("old"), UiTestData::now().addDays(-10)), failing(QStringLiteral("none"), {})});
        QCOMPARE(card.staleCount(), 2);
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("staleLabel_recent")));
        auto *old = card.findChild<QLabel *>(QStringLiteral("staleLabel_old"));
        QVERIFY(old);
        QVERIFY2(
            old->text().startsWith(
                QStringLiteral("No successful sync since %1").arg(UiFormat::dateTime(UiTestData::now().addDays(-10)))),
            qPrintable(old->text()));
        auto *none = card.findChild<QLabel *>(QStringLiteral("staleLabel_none"));
        QVERIFY(none);
        QVERIFY2(none->text().startsWith(QLatin1String("No successful sync on record")), qPrintable(none->text()));
        // GitHub's words stay under each row.
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("errorLabel_old"))->text(),
            QStringLiteral("GitHub says: GitHub Connect is off"));
        // Failing but not stale: no warning above says what to do, so the error line does.
        QCOMPARE(card.findChild<QLabel *>(QStringLiteral("errorLabel_recent"))->text(),
            QStringLiteral("The last sync failed: mend the cause GitHub names, then use Sync now. GitHub says: GitHub "
                           "Connect is off"));
    }

    void shouldSummariseWithPluralsPerPart()
    {
        LicenseSyncCard card;
        card.setClock(UiTestData::now);
        // A failed sync with a success the day before it on record.
        auto row = [](const QString &id, int daysAgo, const QString &status) {
            return ServerRow{{id, id + QStringLiteral(".example"), UiTestData::now().addDays(-daysAgo), status, {},
                                 UiTestData::now().addDays(-daysAgo - 1)},
                QString(), true};
        };
        card.setServers({row(QStringLiteral("a"), 1, QStringLiteral("success")),
            row(QStringLiteral("b"), 9, QStringLiteral("failure")),
            row(QStringLiteral("c"), 10, QStringLiteral("failure"))});
        auto *summary = card.findChild<QLabel *>(QStringLiteral("summaryLabel"));
        QCOMPARE(summary->text(),
            QStringLiteral("3 servers · last sync failed on 2 servers · 2 servers not synced for more than 7 days"));
        card.setServers({row(QStringLiteral("a"), 1, QStringLiteral("success")),
            row(QStringLiteral("b"), 2, QStringLiteral("failure"))});
        QCOMPARE(summary->text(), QStringLiteral("2 servers · last sync failed on 1 server"));
    }

    void shouldTabFromSyncAllToEachSyncNowAtOnce()
    {
        QWidget window;
        auto *before = new QPushButton(QStringLiteral("before"), &window);
        auto *card = new LicenseSyncCard(&window);
        auto *after = new QPushButton(QStringLiteral("after"), &window);
        auto *layout = new QVBoxLayout(&window);
        layout->addWidget(before);
        layout->addWidget(card);
        layout->addWidget(after);
        card->setClock(UiTestData::now);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        // Rows rebuilt in a shown window: Tab reaches their buttons without an event loop pass between.
        card->setServers(UiTestData::serverRows());
        card->historyButton()->setFocus(Qt::TabFocusReason);
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), card->syncAllButton());
        for (const ServerRow &row : card->servers()) {
            QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
            QCOMPARE(QApplication::focusWidget(), card->syncNowButton(row.sync.serverId));
        }
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
        QCOMPARE(QApplication::focusWidget(), after);
    }

    void shouldRequestSyncOfTheRightServer()
    {
        LicenseSyncCard card;
        card.setClock(UiTestData::now);
        card.setServers(UiTestData::serverRows());
        QSignalSpy one(&card, &LicenseSyncCard::syncNowRequested);
        QSignalSpy all(&card, &LicenseSyncCard::syncAllRequested);

        QPushButton *second = card.syncNowButton(QStringLiteral("22222222-bbbb"));
        QVERIFY(second);
        QVERIFY(second->accessibleName().contains(QLatin1String("ghes2.lab.example")));
        // Keyboard: focus the button and press Space.
        card.show();
        second->setFocus();
        QTest::keyClick(second, Qt::Key_Space);
        QCOMPARE(one.count(), 1);
        QCOMPARE(one.at(0).at(0).toString(), QStringLiteral("22222222-bbbb"));

        QTest::mouseClick(card.syncNowButton(QStringLiteral("33333333-cccc")), Qt::LeftButton);
        QCOMPARE(one.count(), 2);
        QCOMPARE(one.at(1).at(0).toString(), QStringLiteral("33333333-cccc"));

        QTest::mouseClick(card.syncAllButton(), Qt::LeftButton);
        QCOMPARE(all.count(), 1);

        card.setSyncEnabled(false, QStringLiteral("A sync is running"));
        QVERIFY(!card.syncNowButton(QStringLiteral("11111111-aaaa"))->isEnabled());
        QVERIFY(!card.syncAllButton()->isEnabled());
        QCOMPARE(card.syncAllButton()->toolTip(), QStringLiteral("A sync is running"));
    }

    void shouldShowAnEmptyState()
    {
        LicenseSyncCard card;
        card.setSyncStatus({});
        QVERIFY(!card.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
        QVERIFY(!card.syncAllButton()->isEnabled());
        card.setSyncStatus(
            {{QStringLiteral("x"), QStringLiteral("h.example"), UiTestData::now(), QStringLiteral("success"), {}, {}}});
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
        QVERIFY(card.syncNowButton(QStringLiteral("x")));
    }
};

QTEST_MAIN(LicenseSyncCardTest)
#include "licensesynccardtest.moc"
