// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/historychart.h"
#include "licensepage/uiformat.h"
#include "models/historymodel.h"
#include "uitestdata.h"

#include <QSignalSpy>
#include <QTest>

namespace {
int countColour(const QImage &image, const QColor &colour)
{
    int n = 0;
    const QRgb wanted = colour.rgb();
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            if (image.pixel(x, y) == wanted) {
                ++n;
            }
        }
    }
    return n;
}

QPalette darkPalette()
{
    QPalette p;
    p.setColor(QPalette::Window, QColor(0x20, 0x22, 0x26));
    p.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Base, QColor(0x18, 0x1a, 0x1f));
    p.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::Mid, QColor(0x50, 0x50, 0x50));
    p.setColor(QPalette::PlaceholderText, QColor(0xa0, 0xa0, 0xa0));
    return p;
}
} // namespace

class HistoryChartTest : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void initTestCase() { UiTestData::setUp(); }

    void shouldDrawItsModelAsItChanges()
    {
        Glc::HistoryModel model;
        HistoryChart chart;
        chart.setModel(&model);
        QVERIFY(chart.isEmpty());
        const QDateTime t0 = UiTestData::now().addDays(-21);
        model.setHistory({Glc::SnapshotSummary{1, QStringLiteral("lab"), t0, {}, 80, 100, 80},
            Glc::SnapshotSummary{2, QStringLiteral("lab"), t0.addDays(7), {}, 85, 100, 85}});
        QCOMPARE(chart.consumed().size(), 2);
        QCOMPARE(chart.purchased().size(), 2);
        // Five seats a week: the forecast line runs from the newest snapshot to 100 seats three weeks on.
        QCOMPARE(chart.forecast().size(), 2);
        QCOMPARE(chart.forecast().constFirst(), qMakePair(t0.addDays(7), 85));
        QCOMPARE(chart.forecast().constLast().second, 100);
        QCOMPARE(chart.forecast().constLast().first.date(), t0.addDays(28).date());

        // A refresh adds a snapshot: drawn at once, the forecast from it.
        model.append(Glc::SnapshotSummary{3, QStringLiteral("lab"), t0.addDays(14), {}, 90, 100, 90});
        QCOMPARE(chart.consumed().size(), 3);
        QCOMPARE(chart.forecast().constFirst(), qMakePair(t0.addDays(14), 90));

        // No seat limit: no purchased line, the trend a year on.
        model.setHistory(model.history(), true);
        QVERIFY(chart.purchased().isEmpty());
        QCOMPARE(chart.forecast().size(), 2);
        QCOMPARE(chart.forecast().constLast().first, t0.addDays(14 + 365));
        QVERIFY(chart.forecast().constLast().second > 90);

        chart.setModel(nullptr);
        QVERIFY(chart.isEmpty());
    }

    void shouldDrawTheConsumedLine()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        chart.setHistory(UiTestData::consumedHistory(), UiTestData::purchasedHistory(), UiTestData::forecast());
        QVERIFY(!chart.isEmpty());
        const QImage image = chart.grab().toImage();
        QVERIFY2(countColour(image, chart.consumedColor()) > 50, "the consumed line is missing");
        QVERIFY(countColour(image, chart.purchasedColor()) > 20);
        QVERIFY(chart.accessibleDescription().contains(QLatin1String("consumed")));
        QVERIFY(chart.accessibleDescription().contains(QLatin1String("forecast")));
    }

    void shouldShowAnEmptyState()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        const QImage empty = chart.grab().toImage();
        QVERIFY(chart.isEmpty());
        QCOMPARE(countColour(empty, chart.consumedColor()), 0);
        QCOMPARE(chart.accessibleDescription(), chart.emptyText());
        QVERIFY(chart.emptyText().contains(QLatin1String("refresh")));
        chart.setHistory(UiTestData::consumedHistory(), {});
        const QImage filled = chart.grab().toImage();
        QVERIFY(empty != filled);
        chart.clear();
        QCOMPARE(chart.grab().toImage(), empty);
    }

    void shouldFollowADarkPalette()
    {
        HistoryChart chart;
        chart.setPalette(darkPalette());
        chart.resize(chart.sizeHint());
        chart.setHistory(UiTestData::consumedHistory(), UiTestData::purchasedHistory(), UiTestData::forecast());
        const QImage image = chart.grab().toImage();
        QCOMPARE(image.pixelColor(1, image.height() - 2).rgb(), darkPalette().color(QPalette::Base).rgb());
        QCOMPARE(chart.consumedColor(), darkPalette().color(QPalette::Highlight));
        QVERIFY(countColour(image, chart.consumedColor()) > 50);
        QVERIFY(countColour(image, darkPalette().color(QPalette::Text)) > 20); // axis labels and legend
    }

    void shouldNeverRepeatAnAxisLabel_data()
    {
        QTest::addColumn<qint64>("spanSecs");
        QTest::addColumn<int>("points");
        QTest::newRow("20 minutes") << qint64(20 * 60) << 3;
        QTest::newRow("several snapshots on one day") << qint64(5 * 3600) << 6;
        QTest::newRow("overnight") << qint64(20 * 3600) << 5;
        QTest::newRow("a day and a half") << qint64(36 * 3600) << 8;
        QTest::newRow("three days") << qint64(3 * 86400) << 4;
        QTest::newRow("six weeks") << qint64(45 * 86400) << 7;
        QTest::newRow("a year of weekly snapshots") << qint64(365 * 86400) << 53;
        QTest::newRow("three years") << qint64(3 * 365 * 86400) << 30;
    }

    void shouldNeverRepeatAnAxisLabel()
    {
        QFETCH(qint64, spanSecs);
        QFETCH(int, points);
        const QDateTime start(QDate(2026, 3, 9), QTime(9, 41));
        HistoryChart::Series consumed;
        for (int i = 0; i < points; ++i) {
            consumed.append({start.addSecs(spanSecs * i / (points - 1)), 100 + i});
        }
        const QLocale locale;
        const bool times = spanSecs < 2 * 86400;
        for (const int width : {320, 640, 1280}) {
            HistoryChart chart;
            chart.resize(width, chart.sizeHint().height());
            chart.setHistory(consumed, {});
            const QList<HistoryChart::TimeTick> ticks = chart.xAxisTicks();
            QStringList labels;
            for (const HistoryChart::TimeTick &tick : ticks) {
                labels.append(tick.label);
            }
            const QByteArray context = QByteArray::number(width) + ": " + labels.join(u'|').toUtf8();
            QVERIFY2(ticks.size() >= (width >= 640 ? 2 : 1), context.constData());
            for (qsizetype i = 0; i < ticks.size(); ++i) {
                QVERIFY2(ticks.at(i).when >= consumed.constFirst().first, context.constData());
                QVERIFY2(ticks.at(i).when <= consumed.constLast().first, context.constData());
                if (i > 0) {
                    QVERIFY2(ticks.at(i).label != ticks.at(i - 1).label, context.constData());
                    QVERIFY2(ticks.at(i).when > ticks.at(i - 1).when, context.constData());
                }
            }
            // Times of day for a short span, dates otherwise - as the locale writes them.
            const QDateTime firstTick = ticks.constFirst().when.toLocalTime();
            QCOMPARE(ticks.constFirst().label,
                times ? locale.toString(firstTick.time(), QLocale::ShortFormat)
                      : locale.toString(firstTick.date(), QLocale::ShortFormat));
        }
    }

    void shouldLabelTheAxisInTheGivenLocale()
    {
        const QLocale zh(QLocale::Chinese, QLocale::China);
        const QDateTime start(QDate(2026, 3, 9), QTime(22, 0));
        // Over midnight: times, and the date where the day changes.
        const QList<HistoryChart::TimeTick> night = HistoryChart::timeTicks(start, start.addSecs(6 * 3600), 6, zh);
        QVERIFY(night.size() >= 3);
        QCOMPARE(night.first().label, zh.toString(night.first().when.time(), QLocale::ShortFormat));
        bool sawDate = false;
        for (const HistoryChart::TimeTick &tick : night) {
            if (tick.when.date() == start.date().addDays(1) &&
                tick.label == zh.toString(tick.when, QLocale::ShortFormat)) {
                sawDate = true;
            }
        }
        QVERIFY(sawDate);
        const QList<HistoryChart::TimeTick> months = HistoryChart::timeTicks(start, start.addDays(200), 8, zh);
        QVERIFY(months.size() >= 3);
        for (const HistoryChart::TimeTick &tick : months) {
            QCOMPARE(tick.when.date().day(), 1);
            QCOMPARE(tick.label, zh.toString(tick.when.date(), QLocale::ShortFormat));
        }
    }

    void shouldShowTheSnapshotUnderThePointer()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        const auto consumed = UiTestData::consumedHistory();
        chart.setHistory(consumed, UiTestData::purchasedHistory(), UiTestData::forecast());
        const QString summary = chart.accessibleDescription();
        chart.show();
        QVERIFY(QTest::qWaitForWindowExposed(&chart));
        // The figures' box in a colour nothing else in the chart has.
        const QColor box(0x12, 0x34, 0x56);
        QPalette palette = chart.palette();
        palette.setColor(QPalette::ToolTipBase, box);
        chart.setPalette(palette);
        // Alone in its window the chart has the focus, which picks the latest snapshot: point without it.
        chart.clearFocus();
        QTRY_COMPARE(chart.currentSnapshot(), -1);
        QCOMPARE(countColour(chart.grab().toImage(), box), 0);
        QSignalSpy changed(&chart, &HistoryChart::currentSnapshotChanged);

        // Pointing above the line, at the x of the sixth snapshot (ten weeks before the purchase went up).
        const QPointF at = chart.snapshotPosition(5);
        QVERIFY(!at.isNull());
        QTest::mouseMove(&chart, QPoint(int(at.x()) + 1, int(at.y()) - 25));
        QTRY_COMPARE(chart.currentSnapshot(), 5);
        QCOMPARE(changed.count(), 1);
        const QString text = chart.snapshotText(5);
        const QStringList lines = text.split(QLatin1Char('\n'));
        QCOMPARE(lines.size(), 3);
        QCOMPARE(lines.at(0), UiFormat::dateTime(consumed.at(5).first));
        QVERIFY2(lines.at(1).contains(UiFormat::number(consumed.at(5).second)), qPrintable(lines.at(1)));
        QVERIFY2(lines.at(1).contains(UiFormat::number(1400)), qPrintable(lines.at(1)));
        const int change = consumed.at(5).second - consumed.at(4).second;
        QVERIFY(change > 0);
        QVERIFY2(lines.at(2).contains(QLatin1String("more")) && lines.at(2).contains(QString::number(change)),
            qPrintable(lines.at(2)));
        QCOMPARE(chart.accessibleDescription(), text);
        QVERIFY2(countColour(chart.grab().toImage(), box) > 200, "the snapshot's figures are not drawn");

        // The last snapshot is after the purchase went up to 1,500.
        QVERIFY(chart.snapshotText(int(consumed.size()) - 1).contains(UiFormat::number(1500)));
        // Out of the plot: nothing picked, the summary is back.
        QTest::mouseMove(&chart, QPoint(1, 1));
        QTRY_COMPARE(chart.currentSnapshot(), -1);
        QCOMPARE(chart.accessibleDescription(), summary);
        QCOMPARE(countColour(chart.grab().toImage(), box), 0);
    }

    void shouldStepThroughSnapshotsWithTheKeyboard()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        const auto consumed = UiTestData::consumedHistory();
        const int last = int(consumed.size()) - 1;
        chart.setHistory(consumed, UiTestData::purchasedHistory());
        chart.show();
        QVERIFY(QTest::qWaitForWindowActive(&chart));
        QCOMPARE(chart.focusPolicy(), Qt::StrongFocus);
        chart.setFocus(Qt::TabFocusReason);
        QTRY_COMPARE(chart.currentSnapshot(), last);
        QTest::keyClick(&chart, Qt::Key_Left);
        QCOMPARE(chart.currentSnapshot(), last - 1);
        QTest::keyClick(&chart, Qt::Key_Home);
        QCOMPARE(chart.currentSnapshot(), 0);
        // The first snapshot has none before it to compare with.
        QCOMPARE(chart.accessibleDescription().split(QLatin1Char('\n')).size(), 2);
        QTest::keyClick(&chart, Qt::Key_Left);
        QCOMPARE(chart.currentSnapshot(), 0);
        QTest::keyClick(&chart, Qt::Key_Right);
        QCOMPARE(chart.currentSnapshot(), 1);
        QTest::keyClick(&chart, Qt::Key_End);
        QCOMPARE(chart.currentSnapshot(), last);
        // New history with fewer snapshots drops a pick that no longer exists.
        chart.setHistory(consumed.mid(0, 3), {});
        QCOMPARE(chart.currentSnapshot(), -1);
    }

    void shouldCarryThePurchasedSeatsThroughTheForecast()
    {
        // Purchased-coloured pixels right of the newest snapshot and above its consumed point (the
        // purchased line is higher there; the axis labels are below).
        auto beyondLastSnapshot = [](HistoryChart &chart) {
            const QImage image = chart.grab().toImage();
            const QPointF last = chart.snapshotPosition(int(chart.consumed().size()) - 1);
            const QRgb wanted = chart.purchasedColor().rgb();
            int n = 0;
            for (int y = 0; y < int(last.y()); ++y) {
                for (int x = int(last.x()) + 12; x < image.width(); ++x) {
                    n += image.pixel(x, y) == wanted ? 1 : 0;
                }
            }
            return n;
        };
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        const auto consumed = UiTestData::consumedHistory();
        const auto purchased = UiTestData::purchasedHistory();
        chart.setHistory(consumed, purchased);
        QCOMPARE(beyondLastSnapshot(chart), 0);

        // A forecast that stays below the seats purchased: the purchased line goes on, dotted, to its end.
        auto forecast = UiTestData::forecast();
        forecast.last().second = 1490;
        chart.setHistory(consumed, purchased, forecast);
        const int dotted = beyondLastSnapshot(chart);
        QVERIFY2(dotted > 20, qPrintable(QString::number(dotted)));

        // One that reaches them: a ring where it does.
        chart.setHistory(consumed, purchased, UiTestData::forecast());
        const int ringed = beyondLastSnapshot(chart);
        QVERIFY2(ringed > dotted + 10, qPrintable(QStringLiteral("%1 / %2").arg(ringed).arg(dotted)));

        // No purchased line (no seat limit): nothing to carry on.
        chart.setHistory(consumed, {}, UiTestData::forecast());
        QCOMPARE(beyondLastSnapshot(chart), 0);
    }

    void shouldMarkTheLicenseExpiry()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        const auto consumed = UiTestData::consumedHistory();
        chart.setHistory(consumed, UiTestData::purchasedHistory());
        const QDateTime newest = consumed.constLast().first;
        const QDateTime before = chart.xAxisTicks().constLast().when;
        QCOMPARE(countColour(chart.grab().toImage(), chart.expiryColor()), 0);

        // Half a year on: the axis reaches it, an upright and its name drawn, the summary says it.
        const QDateTime expiry = newest.addDays(180);
        chart.setExpiry(expiry);
        QVERIFY(chart.showsExpiry());
        QVERIFY(chart.xAxisTicks().constLast().when > before.addDays(120));
        QVERIFY(chart.xAxisTicks().constLast().when <= expiry);
        QVERIFY2(countColour(chart.grab().toImage(), chart.expiryColor()) > 40, "no expiry mark");
        QVERIFY2(chart.accessibleDescription().endsWith(
                     QStringLiteral("; the license expires on %1").arg(UiFormat::date(expiry))),
            qPrintable(chart.accessibleDescription()));

        // Within the history: a license that ran out while snapshots were taken.
        const QDateTime expired = consumed.at(10).first;
        chart.setExpiry(expired);
        QVERIFY(chart.showsExpiry());
        QCOMPARE(chart.xAxisTicks().constLast().when, before);
        QVERIFY(countColour(chart.grab().toImage(), chart.expiryColor()) > 40);
        QVERIFY2(chart.accessibleDescription().endsWith(
                     QStringLiteral("; the license expired on %1").arg(UiFormat::date(expired))),
            qPrintable(chart.accessibleDescription()));

        // Beyond the forecast's year, or before the first snapshot: not marked, the axis as it was.
        for (const QDateTime &far : {newest.addDays(400), consumed.constFirst().first.addDays(-1)}) {
            chart.setExpiry(far);
            QVERIFY(!chart.showsExpiry());
            QCOMPARE(chart.xAxisTicks().constLast().when, before);
            QCOMPARE(countColour(chart.grab().toImage(), chart.expiryColor()), 0);
            QVERIFY(!chart.accessibleDescription().contains(QLatin1String("expires")));
        }
        chart.setExpiry({});
        QVERIFY(!chart.showsExpiry());
    }

    void shouldCopeWithOnePoint()
    {
        HistoryChart chart;
        chart.resize(chart.sizeHint());
        chart.setHistory({{UiTestData::now(), 10}}, {{UiTestData::now(), 20}});
        const QImage image = chart.grab().toImage();
        QVERIFY(countColour(image, chart.consumedColor()) > 0);
    }
};

QTEST_MAIN(HistoryChartTest)
#include "historycharttest.moc"
