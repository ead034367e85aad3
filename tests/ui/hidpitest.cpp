// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/attentioncard.h"
#include "licensepage/reportfiledialog.h"
#include "mainwindow.h"
#include "uitestdata.h"

#include <QLabel>
#include <QScreen>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QWindow>

#include <algorithm>

/// Screens of other sizes and scales (twoscreens.json: a small 1024 x 600 screen at 100 % beside one at 200 %): the
/// window fits the screen it starts on, and a window moved between the two keeps its pictures sharp (what the widgets
/// paint themselves follows anyway, pixmaps made in advance are made again).
class HiDpiTest : public QObject
{
    Q_OBJECT
    static QScreen *screenNamed(QStringView name)
    {
        const QList<QScreen *> screens = QGuiApplication::screens();
        const auto found =
            std::find_if(screens.begin(), screens.end(), [name](QScreen *screen) { return screen->name() == name; });
        return found == screens.end() ? nullptr : *found;
    }

private Q_SLOTS:
    void initTestCase()
    {
        UiTestData::setUp();
        const QList<QScreen *> screens = QGuiApplication::screens();
        QCOMPARE(screens.size(), 2); // the platform read the two screens of twoscreens.json
        QVERIFY(screenNamed(u"standard") && screenNamed(u"hidpi"));
        QCOMPARE(screenNamed(u"standard")->devicePixelRatio(), 1.0);
        QCOMPARE(screenNamed(u"hidpi")->devicePixelRatio(), 2.0);
    }

    void shouldFitTheMainWindowToASmallScreenOnFirstStart()
    {
        QSettings().remove(QStringLiteral("MainWindow/geometry")); // a first start
        QTemporaryDir dir;
        QVERIFY(dir.isValid());
        LicenseController::Options options;
        options.storeLocation = dir.filePath(QStringLiteral("store.sqlite"));
        options.refreshWhenEmpty = false;
        // Both screens are too small for the 1200 x 800 the window opens with on a large one.
        for (QScreen *screen : QGuiApplication::screens()) {
            QVERIFY(screen->availableGeometry().width() < 1200 && screen->availableGeometry().height() < 800);
        }
        {
            MainWindow window(options);
            window.show();
            QVERIFY(QTest::qWaitForWindowExposed(&window));
            const QScreen *screen = window.screen();
            // Roomy (the 1200 x 800 it opens with on a large screen does not fit), yet all of it on the screen.
            QVERIFY2(screen->availableGeometry().contains(window.frameGeometry()),
                qPrintable(QStringLiteral("%1 x %2 at %3, %4")
                        .arg(window.frameGeometry().width())
                        .arg(window.frameGeometry().height())
                        .arg(window.frameGeometry().x())
                        .arg(window.frameGeometry().y())));
            QVERIFY(window.width() >= screen->availableGeometry().width() * 8 / 10);
            // The admin's own size is kept for the next start.
            window.resize(600, 400);
            QVERIFY(window.close());
        }
        MainWindow again(options);
        QCOMPARE(again.size(), QSize(600, 400));

        // The widest dialog (File > Check a License Report File: 180 letters of the table) as well.
        ReportFileDialog dialog(&again);
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(dialog.screen()->availableGeometry().contains(dialog.frameGeometry()));
        QVERIFY(dialog.width() >= dialog.screen()->availableGeometry().width() * 8 / 10);
    }

    void shouldMakeTheAttentionIconsAgainForTheScreensScale()
    {
        QDateTime now = UiTestData::now();
        AttentionCard card;
        card.setClock([&now] { return now; });
        Glc::Attention::Input input;
        input.consumed = 1000; // no seat left: critical
        input.purchased = 1000;
        input.offlineServers = {{QStringLiteral("air.example"), now.addDays(-30)}}; // upload overdue: a warning
        card.setInput(input, true);
        QCOMPARE(card.items().size(), 2);

        QScreen *standard = screenNamed(u"standard");
        QScreen *hidpi = screenNamed(u"hidpi");
        card.move(standard->geometry().topLeft() + QPoint(50, 50));
        card.show();
        QVERIFY(QTest::qWaitForWindowExposed(&card));
        QCOMPARE(card.windowHandle()->screen(), standard);
        const auto iconRatios = [&card] {
            QList<qreal> ratios;
            for (int i = 0; i < card.items().size(); ++i) {
                auto *icon = card.findChild<QLabel *>(QStringLiteral("attentionIcon%1").arg(i));
                ratios.append(icon ? icon->pixmap().devicePixelRatio() : -1.0);
            }
            return ratios;
        };
        QCOMPARE(iconRatios(), QList<qreal>({1.0, 1.0}));
        const QSize standardSize = card.findChild<QLabel *>(QStringLiteral("attentionIcon0"))->pixmap().size();

        // Dragged onto the 200 % screen: twice the pixels at the same size on screen.
        card.windowHandle()->setScreen(hidpi);
        card.move(hidpi->geometry().topLeft() + QPoint(50, 50));
        QTRY_COMPARE(card.windowHandle()->screen(), hidpi);
        QTRY_COMPARE(card.devicePixelRatioF(), 2.0);
        QTRY_COMPARE(iconRatios(), QList<qreal>({2.0, 2.0}));
        const QPixmap sharp = card.findChild<QLabel *>(QStringLiteral("attentionIcon0"))->pixmap();
        QCOMPARE(sharp.size(), standardSize * 2);
        QCOMPARE(sharp.deviceIndependentSize().toSize(), standardSize);

        // A list made on this screen is made for it; and back on the standard screen, back to one to one.
        now = now.addDays(1);
        input.consumed = 950;
        card.setInput(input, true);
        QCOMPARE(iconRatios(), QList<qreal>({2.0, 2.0}));
        card.windowHandle()->setScreen(standard);
        card.move(standard->geometry().topLeft() + QPoint(50, 50));
        QTRY_COMPARE(card.windowHandle()->screen(), standard);
        QTRY_COMPARE(iconRatios(), QList<qreal>({1.0, 1.0}));
    }
};

QTEST_MAIN(HiDpiTest)
#include "hidpitest.moc"
