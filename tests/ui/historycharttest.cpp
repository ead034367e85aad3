// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/historychart.h"
#include "uitestdata.h"

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
