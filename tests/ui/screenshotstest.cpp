// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
#include "licensepage/connectiondialog.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/licensefilterbar.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/usagefiledropzone.h"
#include "licensepage/userlicensescard.h"
#include "screenshot.h"
#include "uitestdata.h"

#include <QApplication>
#include <QComboBox>
#include <QFileInfo>
#include <QImage>
#include <QLineEdit>
#include <QScrollArea>
#include <QStyle>
#include <QTableWidget>
#include <QTest>

namespace {
QPalette darkPalette()
{
    // Derives the 3D roles (check box frames, bevels) from the button and window colours.
    QPalette p(QColor(0x31, 0x36, 0x3b), QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Window, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::WindowText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
    p.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
    p.setColor(QPalette::Text, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Button, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ButtonText, QColor(0xe8, 0xe8, 0xe8));
    p.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
    p.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
    p.setColor(QPalette::Mid, QColor(0x4d, 0x52, 0x57));
    p.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
    p.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
    p.setColor(QPalette::ToolTipText, QColor(0xe8, 0xe8, 0xe8));
    return p;
}

QString language()
{
    return qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                            : QStringLiteral("en");
}
} // namespace

/// Writes PNGs of the License page and its dialogs, light and dark, to GLC_SCREENSHOT_DIR.
class ScreenshotsTest : public QObject
{
    Q_OBJECT
private:
    QString m_dir;

    QString save(QWidget *widget, const QString &name)
    {
        return Screenshot::save(widget, m_dir, QStringLiteral("%1-%2").arg(name, language()));
    }

private Q_SLOTS:
    void initTestCase()
    {
        UiTestData::setUp();
        m_dir = qEnvironmentVariable("GLC_SCREENSHOT_DIR");
        if (m_dir.isEmpty()) {
            m_dir = QDir::current().filePath(QStringLiteral("screens"));
        }
    }

    void shouldWriteThePageInLightAndDark()
    {
        QImage images[2];
        for (int dark = 0; dark < 2; ++dark) {
            if (dark) {
                QApplication::setPalette(darkPalette());
            }
            LicensePage page;
            page.setClock(UiTestData::now);
            page.userLicensesCard()->setSummary(UiTestData::summary());
            page.userLicensesCard()->setServerLicenses(UiTestData::serverLicenses());
            page.licenseSyncCard()->setServers(UiTestData::serverRows());
            page.serverInstancesCard()->setInstances(UiTestData::installations());
            page.countedTwicePanel()->setPairs(UiTestData::pairs());
            page.historyChart()->setHistory(
                UiTestData::consumedHistory(), UiTestData::purchasedHistory(), UiTestData::forecast());
            page.filterBar()->setEnvironments({{QStringLiteral("cloud"), QStringLiteral("GitHub Enterprise Cloud")}});
            auto *table = new QTableWidget(6, 4);
            page.setTableWidget(table);
            page.setLastRefreshed(UiTestData::now().addSecs(-180), QStringLiteral("lab 127.0.0.1:4123"));
            page.setRefreshing(true);
            page.setRefreshProgress(3, 12, 2500);
            page.showError(QStringLiteral("Sync of ghes2.lab.example failed"),
                QStringLiteral("Check that the server can reach GitHub, then press Sync now again."));
            // The whole scroll content, not just the visible part.
            page.resize(1280, 900);
            page.show();
            QVERIFY(QTest::qWaitForWindowExposed(&page));
            auto *content = page.findChild<QWidget *>(QStringLiteral("licensePageContent"));
            content->resize(1280, content->sizeHint().height());
            const QString name = dark ? QStringLiteral("license-page-dark") : QStringLiteral("license-page");
            const QString path = Screenshot::save(content, m_dir, QStringLiteral("%1-%2").arg(name, language()));
            QVERIFY(!path.isEmpty());
            images[dark] = QImage(path);
            QVERIFY(!images[dark].isNull());
            QVERIFY(images[dark].height() > images[dark].width() / 2);
            QApplication::setPalette(QApplication::style()->standardPalette());
        }
        // Dark really is dark: the corner takes the window colour.
        QVERIFY(images[1].pixelColor(2, 2).lightness() < 100);
        QVERIFY(images[0].pixelColor(2, 2).lightness() > 150);
    }

    void shouldWriteTheDialogsAndDropZone()
    {
        ConnectionDialog dialog;
        Glc::Connection c;
        c.kind = Glc::Connection::Kind::Server;
        c.name = QStringLiteral("Production GHES");
        c.serverHost = QStringLiteral("ghe.example.com");
        c.adminShell.enabled = true;
        dialog.setConnection(c);
        dialog.setTestReport({{QStringLiteral("Reachable"), true, QStringLiteral("ghe.example.com answered"), {}},
            {QStringLiteral("Token valid"), true, QStringLiteral("Signed in as admin-bot"), {}},
            {QStringLiteral("Scope admin:enterprise"), false, QStringLiteral("The token has read:org only"),
                QStringLiteral("Create a token with the admin:enterprise scope")}});
        dialog.show();
        QVERIFY(QTest::qWaitForWindowExposed(&dialog));
        QVERIFY(!save(&dialog, QStringLiteral("connection-dialog")).isEmpty());

        UsageFileDropZone zone;
        zone.setResults({{QStringLiteral("/tmp/ghes1-license-usage.json"), true, QStringLiteral("Ready to upload"),
                             QStringLiteral("ghes1.corp.example · 3.14.2 · 812 users")},
            {QStringLiteral("/tmp/license.html"), false, QStringLiteral("An HTML page, not a usage file"),
                QStringLiteral("Save the file from the License page's Export button instead")}});
        zone.resize(900, 420);
        zone.show();
        QVERIFY(QTest::qWaitForWindowExposed(&zone));
        QVERIFY(!save(&zone, QStringLiteral("drop-zone")).isEmpty());
    }
};

QTEST_MAIN(ScreenshotsTest)
#include "screenshotstest.moc"
