// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/licensesynccard.h"
#include "uitestdata.h"

#include <QLabel>
#include <QPushButton>
#include <QSignalSpy>
#include <QTest>

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
        QCOMPARE(text(QStringLiteral("connectedLabel_11111111-aaaa")), QStringLiteral("Connected"));
        QCOMPARE(text(QStringLiteral("connectedLabel_22222222-bbbb")), QStringLiteral("Not connected"));
        QCOMPARE(text(QStringLiteral("connectedLabel_33333333-cccc")), QStringLiteral("unknown"));
        QVERIFY(text(QStringLiteral("lastSyncLabel_11111111-aaaa"))
                .startsWith(QLocale().toString(UiTestData::now().addDays(-2).toLocalTime(), QLocale::ShortFormat)));
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
                                QStringLiteral("success"), QString()},
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
        QVERIFY(
            card.findChild<QLabel *>(QStringLiteral("summaryLabel"))->text().contains(QLatin1String("1 not synced")));
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
            {{QStringLiteral("x"), QStringLiteral("h.example"), UiTestData::now(), QStringLiteral("success"), {}}});
        QVERIFY(card.findChild<QLabel *>(QStringLiteral("emptyLabel"))->isHidden());
        QVERIFY(card.syncNowButton(QStringLiteral("x")));
    }
};

QTEST_MAIN(LicenseSyncCardTest)
#include "licensesynccardtest.moc"
