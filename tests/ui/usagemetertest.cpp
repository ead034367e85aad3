// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/usagemeter.h"
#include "uitestdata.h"

#include <QSignalSpy>
#include <QTest>

class UsageMeterTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldChangeStateAtThresholds_data()
    {
        QTest::addColumn<int>("used");
        QTest::addColumn<int>("purchased");
        QTest::addColumn<UsageMeter::State>("state");
        QTest::addColumn<QString>("text");
        QTest::newRow("89%") << 89 << 100 << UsageMeter::State::Normal
                             << QStringLiteral("89 of 100 seats used (89.0%)");
        QTest::newRow("89.9%") << 899 << 1000 << UsageMeter::State::Normal
                               << QStringLiteral("899 of 1,000 seats used (89.9%)");
        // 89.96 % would round to 90.0 %: held at 89.9 % while the meter is not amber.
        QTest::newRow("89.96%") << 2249 << 2500 << UsageMeter::State::Normal
                                << QStringLiteral("2,249 of 2,500 seats used (89.9%)");
        QTest::newRow("90%") << 90 << 100 << UsageMeter::State::Warning
                             << QStringLiteral("90 of 100 seats used (90.0%)");
        QTest::newRow("rounded up") << 1001 << 1500 << UsageMeter::State::Normal
                                    << QStringLiteral("1,001 of 1,500 seats used (66.7%)");
        QTest::newRow("99.9%") << 1499 << 1500 << UsageMeter::State::Warning
                               << QStringLiteral("1,499 of 1,500 seats used (99.9%)");
        // 99.97 % would round to 100.0 %: a seat is left, and the meter is not red.
        QTest::newRow("one of 3,000 left")
            << 2999 << 3000 << UsageMeter::State::Warning << QStringLiteral("2,999 of 3,000 seats used (99.9%)");
        QTest::newRow("100%") << 100 << 100 << UsageMeter::State::Full
                              << QStringLiteral("100 of 100 seats used (100.0%)");
        QTest::newRow("over") << 130 << 100 << UsageMeter::State::Full
                              << QStringLiteral("130 of 100 seats used (130.0%)");
        QTest::newRow("nothing purchased")
            << 3 << 0 << UsageMeter::State::Full << QStringLiteral("3 of 0 seats used (100.0%)");
        QTest::newRow("empty") << 0 << 0 << UsageMeter::State::Normal << QStringLiteral("0 of 0 seats used (0.0%)");
    }

    void shouldChangeStateAtThresholds()
    {
        QFETCH(int, used);
        QFETCH(int, purchased);
        QFETCH(UsageMeter::State, state);
        QFETCH(QString, text);
        UsageMeter meter;
        meter.setUsage(used, purchased);
        QCOMPARE(meter.state(), state);
        QCOMPARE(meter.property("state").value<UsageMeter::State>(), state);
        QCOMPARE(meter.text(), text);
        QCOMPARE(meter.accessibleDescription(), text);
        QVERIFY(!meter.accessibleName().isEmpty());
    }

    void shouldSignalStateChangesOnly()
    {
        UsageMeter meter;
        QSignalSpy spy(&meter, &UsageMeter::stateChanged);
        meter.setUsage(10, 100);
        QCOMPARE(spy.count(), 0);
        meter.setUsage(95, 100);
        meter.setUsage(96, 100);
        QCOMPARE(spy.count(), 1);
        QCOMPARE(spy.at(0).at(0).value<UsageMeter::State>(), UsageMeter::State::Warning);
        meter.setUsage(100, 100);
        QCOMPARE(spy.count(), 2);
    }

    void shouldPaintTheStateColour()
    {
        UsageMeter meter;
        meter.resize(meter.sizeHint());
        meter.setUsage(50, 100);
        const QImage normal = meter.grab().toImage();
        meter.setUsage(100, 100);
        const QImage full = meter.grab().toImage();
        QVERIFY(normal != full);
        const QPoint inside(normal.width() / 4, normal.height() / 2);
        QCOMPARE(normal.pixelColor(inside).rgb(), meter.palette().color(QPalette::Highlight).rgb());
        QVERIFY(full.pixelColor(inside).rgb() != meter.palette().color(QPalette::Highlight).rgb());
    }
};

QTEST_MAIN(UsageMeterTest)
#include "usagemetertest.moc"
