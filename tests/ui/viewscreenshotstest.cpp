// SPDX-License-Identifier: GPL-2.0-or-later
// SPDX-FileCopyrightText: 2026 GHE License Console authors
// Screenshots of the real console (main window with lab data and the three action views) under a real
// X server, in the language of the environment; in Chinese the CJK glyphs must really be drawn.

#include "controllers/downloadreportcommand.h"
#include "controllers/licensecontroller.h"
#include "controllers/savesummarycommand.h"
#include "core/applicationinfo.h"
#include "core/localization.h"
#include "lab/licenselab.h"
#include "licensepage/connectiondialog.h"
#include "licensepage/countedtwicepanel.h"
#include "licensepage/historychart.h"
#include "licensepage/licensepage.h"
#include "licensepage/licensesynccard.h"
#include "licensepage/organizationsdialog.h"
#include "licensepage/reportfiledialog.h"
#include "licensepage/retentiondialog.h"
#include "licensepage/serverinstancescard.h"
#include "licensepage/snapshotchangesdialog.h"
#include "licensepage/synchistorydialog.h"
#include "licensepage/usagefilesdialog.h"
#include "licensing/licensereportwriter.h"
#include "licensing/usagefile.h"
#include "mainwindow.h"
#include "models/consumedlicensesmodel.h"
#include "screenshot.h"
#include "views/addserverusageview.h"
#include "views/exportusageview.h"
#include "views/syncnowview.h"
#include "waitingjob.h"
#include "workflows/jobrunner.h"
#include "workflows/labhost.h"

#include <QAbstractItemView>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QContextMenuEvent>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontMetrics>
#include <QGroupBox>
#include <QImage>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPainter>
#include <QPointer>
#include <QProgressBar>
#include <QProgressDialog>
#include <QPushButton>
#include <QRegularExpression>
#include <QScopeGuard>
#include <QScrollArea>
#include <QScrollBar>
#include <QSemaphore>
#include <QSignalSpy>
#include <QSpinBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QTimer>
#include <QTreeView>
#include <QTreeWidget>

#include <memory>

using namespace Glc;

namespace {
/// The glyph of @p text in @p font, black on white, cropped to nothing but the drawing.
QImage renderText(const QString &text, const QFont &font)
{
    const QFontMetrics metrics(font);
    QImage image(metrics.horizontalAdvance(text) + 8, metrics.height() + 8, QImage::Format_RGB32);
    image.fill(Qt::white);
    QPainter painter(&image);
    painter.setFont(font);
    painter.setPen(Qt::black);
    painter.drawText(4, 4 + metrics.ascent(), text);
    return image;
}

int inkPixels(const QImage &image)
{
    int ink = 0;
    for (int y = 0; y < image.height(); ++y) {
        for (int x = 0; x < image.width(); ++x) {
            ink += qGray(image.pixel(x, y)) < 128;
        }
    }
    return ink;
}

/// Pixels that differ clearly from the colour of the region's first pixel (the background).
int foregroundPixels(const QImage &image, const QRect &region)
{
    const QRect area = region.intersected(image.rect());
    const QColor background = image.pixelColor(area.topLeft());
    int count = 0;
    for (int y = area.top(); y <= area.bottom(); ++y) {
        for (int x = area.left(); x <= area.right(); ++x) {
            const QColor c = image.pixelColor(x, y);
            count += std::abs(c.lightness() - background.lightness()) > 60;
        }
    }
    return count;
}

/// Something drawn, on at least `minimumSide` pixels each way (a progress dialog is lower than a view).
bool notBlank(const QImage &image, int minimumSide = 100)
{
    return !image.isNull() && image.width() > minimumSide && image.height() > minimumSide &&
        foregroundPixels(image, image.rect()) > image.width() * image.height() / 200;
}
} // namespace

class ViewScreenshotsTest : public QObject
{
    Q_OBJECT
private:
    QTemporaryDir m_dir;
    QString m_language;
    QString m_out;
    std::unique_ptr<MainWindow> m_window;

    QString shoot(QWidget *widget, const QString &name, int minimumSide = 100)
    {
        const QString path = Screenshot::save(widget, m_out, name);
        [&] {
            QVERIFY2(!path.isEmpty(), qPrintable(name));
            QVERIFY2(notBlank(QImage(path), minimumSide), qPrintable(path));
        }();
        return path;
    }

    QString hostOf(bool connected)
    {
        QString host;
        m_window->controller()->labHost()->runInLab([&host, connected](LicenseLab *lab) {
            for (const LabEnterprise::Server &server : lab->enterprise().servers()) {
                if (server.connected == connected && host.isEmpty()) {
                    host = server.hostname;
                }
            }
        });
        return host;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QStandardPaths::setTestModeEnabled(true);
        Localization::setup(qApp);
        m_language = Localization::activeLanguage();
        QCOMPARE(m_language,
            qEnvironmentVariable("LANGUAGE").startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN")
                                                                             : QStringLiteral("en"));
        QCOMPARE(QGuiApplication::platformName(), QStringLiteral("xcb"));
        m_out = QDir(QStringLiteral(GLC_SCREENSHOT_ROOT)).filePath(m_language);
        QDir(m_out).removeRecursively();
        QVERIFY(m_dir.isValid());

        LicenseController::Options options;
        options.storeLocation = m_dir.filePath(QStringLiteral("store.sqlite"));
        options.labConfig.users = 400;
        options.labConfig.servers = 3;
        options.labConfig.syncDurationMs = 100;
        // As many unexpected seats as the first start's 2,000 members bring (pending invitations only, Visual
        // Studio subscribers without an account).
        options.labConfig.pendingInviteShare = 0.1;
        options.labConfig.visualStudioShare = 0.2;
        m_window = std::make_unique<MainWindow>(options);
        m_window->resize(1280, 900);
        m_window->show();
        QVERIFY(QTest::qWaitForWindowExposed(m_window.get()));
        QSignalSpy refreshed(m_window->controller(), &LicenseController::refreshFinished);
        m_window->start();
        QVERIFY(refreshed.wait(60000));
        QVERIFY(refreshed.first().first().toBool());
        // The first start's history (the lab's past weeks) and now: the chart draws a line and a forecast.
        QTRY_VERIFY_WITH_TIMEOUT(
            m_window->controller()->data().history.size() == LicenseController::firstStartHistoryWeeks(options) + 1,
            30000);
        QCOMPARE(LicenseController::firstStartHistoryWeeks(options), options.historyWeeks);
    }

    void cleanupTestCase() { m_window.reset(); }

    void shouldShootTheMainWindow()
    {
        QCOMPARE(m_window->windowTitle(), ApplicationInfo::displayName());
        const QImage image(shoot(m_window.get(), QStringLiteral("license-page")));
        QCOMPARE(image.size(), m_window->size() * m_window->devicePixelRatio());
        // The menu bar has its words drawn, whatever the language.
        const QRect menuBar = m_window->menuBar()->geometry();
        QVERIFY(foregroundPixels(image, menuBar) > 50);
    }

    void shouldShootTheLicensePageInADarkPalette()
    {
        const QPalette light = QApplication::palette();
        QPalette dark(QColor(0x31, 0x36, 0x3b), QColor(0x20, 0x23, 0x26));
        dark.setColor(QPalette::WindowText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Base, QColor(0x1b, 0x1e, 0x20));
        dark.setColor(QPalette::AlternateBase, QColor(0x23, 0x26, 0x29));
        dark.setColor(QPalette::Text, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::ButtonText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Highlight, QColor(0x3d, 0xae, 0xe9));
        dark.setColor(QPalette::HighlightedText, QColor(0xfc, 0xfc, 0xfc));
        dark.setColor(QPalette::Link, QColor(0x1d, 0x99, 0xf3));
        dark.setColor(QPalette::PlaceholderText, QColor(0xa1, 0xa9, 0xb1));
        dark.setColor(QPalette::ToolTipBase, QColor(0x31, 0x36, 0x3b));
        dark.setColor(QPalette::ToolTipText, QColor(0xfc, 0xfc, 0xfc));
        // Switched while the console runs, as a desktop's colour scheme switch does.
        QApplication::setPalette(dark);
        const QImage image(shoot(m_window.get(), QStringLiteral("license-page-dark")));
        QApplication::setPalette(light);
        QVERIFY(!image.isNull());
        // Dark indeed: the window's background, sampled in the middle of the status bar.
        const QRect bar = m_window->statusBar()->geometry();
        QVERIFY(image.pixelColor(bar.center()).lightness() < 100);
    }

    void shouldShootTheCountedTwicePanel()
    {
        auto *page = m_window->findChild<LicensePage *>();
        QVERIFY(page);
        CountedTwicePanel *panel = page->countedTwicePanel();
        auto *scroll = page->findChild<QScrollArea *>();
        QVERIFY(scroll);
        scroll->ensureWidgetVisible(panel, 0, 0);
        QApplication::processEvents();
        auto *people = panel->findChild<QLabel *>(QStringLiteral("peopleLabel"));
        QVERIFY(people && people->isVisible());
        const QImage image(shoot(m_window.get(), QStringLiteral("counted-twice")));
        // The explanation of the seats as people is drawn, in either language.
        const QRect label(people->mapTo(m_window.get(), QPoint(0, 0)), people->size());
        scroll->verticalScrollBar()->setValue(0);
        QVERIFY(m_window->rect().contains(label.center()));
        const qreal dpr = m_window->devicePixelRatio();
        QVERIFY(foregroundPixels(image, QRect(label.topLeft() * dpr, label.size() * dpr)) > 100);
    }

    void shouldShootTheSeatsThatCountUnexpectedly()
    {
        auto *page = m_window->findChild<LicensePage *>();
        QVERIFY(page);
        QTreeView *seats = page->countedTwicePanel()->unexpectedView();
        // The first start's lab has them: pending invitations only, Visual Studio subscribers without an account.
        QVERIFY(seats->model()->rowCount() > 0);
        auto *scroll = page->findChild<QScrollArea *>();
        // The page lays itself out anew once the list shows: scrolled to it after that.
        QTRY_VERIFY(seats->isVisible() && seats->height() > 0);
        QApplication::processEvents();
        // The whole list (ensureWidgetVisible() of an item view shows its current row only).
        const QPoint middle = seats->mapTo(scroll->widget(), seats->rect().center());
        scroll->ensureVisible(middle.x(), middle.y(), seats->width() / 2, seats->height() / 2);
        QApplication::processEvents();
        const QImage image(shoot(m_window.get(), QStringLiteral("unexpected-seats")));
        // The list is drawn whole, its first row's words included.
        const QRect list(seats->mapTo(m_window.get(), QPoint(0, 0)), seats->size());
        QVERIFY2(m_window->rect().contains(list), "the list of unexpected seats is in view");
        const QRect firstRow = seats->visualRect(seats->model()->index(0, 0))
                                   .translated(seats->viewport()->mapTo(m_window.get(), QPoint(0, 0)));
        const qreal dpr = m_window->devicePixelRatio();
        QVERIFY(foregroundPixels(image, QRect(firstRow.topLeft() * dpr, firstRow.size() * dpr)) > 100);
        scroll->verticalScrollBar()->setValue(0);
    }

    void shouldShootAPickedSnapshotInTheHistory()
    {
        auto *page = m_window->findChild<LicensePage *>();
        QVERIFY(page);
        auto *chart = page->findChild<HistoryChart *>();
        QVERIFY(chart);
        auto *scroll = page->findChild<QScrollArea *>();
        scroll->ensureWidgetVisible(chart, 0, 0);
        QApplication::processEvents();
        // As the pointer or the arrow keys pick it: the snapshot before the latest, figures beside it.
        const int picked = int(chart->consumed().size()) - 2;
        QVERIFY(picked > 0);
        chart->setCurrentSnapshot(picked);
        const QImage image(shoot(m_window.get(), QStringLiteral("history-snapshot")));
        chart->setCurrentSnapshot(-1);
        scroll->verticalScrollBar()->setValue(0);
        QVERIFY(!image.isNull());
    }

    void shouldShootTheTableInANarrowWindow()
    {
        auto *page = m_window->findChild<LicensePage *>();
        QVERIFY(page);
        auto *box = page->findChild<QGroupBox *>(QStringLiteral("consumedLicensesBox"));
        auto *search = page->findChild<QLineEdit *>(QStringLiteral("searchField"));
        auto *organization = page->findChild<QComboBox *>(QStringLiteral("organizationCombo"));
        QVERIFY(box && search && organization);
        auto *scroll = page->findChild<QScrollArea *>();
        const QSize wide = m_window->size();
        // Half a laptop's screen: the filters wrap into more lines and the page needs no sideways scrolling.
        m_window->resize(760, 900);
        QTRY_VERIFY(organization->mapTo(box, QPoint(0, 0)).y() > search->mapTo(box, QPoint(0, 0)).y());
        QTRY_VERIFY(!scroll->horizontalScrollBar()->isVisible());
        scroll->ensureWidgetVisible(box, 0, 0);
        QApplication::processEvents();
        const QImage image(shoot(m_window.get(), QStringLiteral("table-narrow")));
        // No license type elided ("Visual Studio 订阅" in zh_CN): the column is at least as wide as Qt's own
        // measure of the cells it shows.
        QTableView *table = m_window->controller()->table();
        const int type = ConsumedLicensesModel::LicenseTypeColumn;
        const int fitted = table->columnWidth(type);
        table->resizeColumnToContents(type);
        const int needed = table->columnWidth(type);
        table->setColumnWidth(type, fitted);
        QVERIFY2(fitted >= needed, qPrintable(QStringLiteral("%1 < %2").arg(fitted).arg(needed)));
        // The combo box on its own line is drawn, its words included.
        const QRect combo(organization->mapTo(m_window.get(), QPoint(0, 0)), organization->size());
        const qreal dpr = m_window->devicePixelRatio();
        QVERIFY(m_window->rect().contains(combo));
        QVERIFY(foregroundPixels(image, QRect(combo.topLeft() * dpr, combo.size() * dpr)) > 50);
        scroll->verticalScrollBar()->setValue(0);
        m_window->resize(wide);
        QTRY_COMPARE(organization->mapTo(box, QPoint(0, 0)).y(), search->mapTo(box, QPoint(0, 0)).y());
    }

    void shouldShootTheTablesContextMenu()
    {
        QTableView *table = m_window->controller()->table();
        QVERIFY(table->model()->rowCount() > 2);
        table->selectRow(0);
        table->selectionModel()->select(
            table->model()->index(1, 0), QItemSelectionModel::Select | QItemSelectionModel::Rows);
        // The Menu key over the current row.
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), table->mapToGlobal(QPoint()));
        QApplication::sendEvent(table, &event);
        auto *menu = table->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        QStringList texts;
        for (const QAction *action : menu->actions()) {
            texts.append(action->text());
        }
        QVERIFY2(texts.size() >= 5, qPrintable(texts.join(QLatin1Char('|'))));
        // Nothing to copy is said without a count of nothing.
        static const QRegularExpression zero(QStringLiteral("\\b0\\b"));
        QVERIFY2(!texts.join(QLatin1Char('|')).contains(zero), qPrintable(texts.join(QLatin1Char('|'))));
        shoot(menu, QStringLiteral("table-menu"));
        menu->close();
        table->clearSelection();
    }

    void shouldShootAServerInstancesMenu()
    {
        QTreeView *instances = m_window->licensePage()->serverInstancesCard()->view();
        QVERIFY(instances->model()->rowCount() > 0);
        instances->setCurrentIndex(instances->model()->index(0, 0));
        QContextMenuEvent event(QContextMenuEvent::Keyboard, QPoint(), instances->mapToGlobal(QPoint()));
        QApplication::sendEvent(instances, &event);
        auto *menu = instances->findChild<QMenu *>(QStringLiteral("itemViewMenu"));
        QVERIFY(menu);
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        // Copy, Copy with Column Titles, then the server's actions.
        QCOMPARE(menu->actions().size(), 8);
        shoot(menu, QStringLiteral("instances-menu"));
        menu->close();
    }

    void shouldShootTheFileMenuAndItsConnections()
    {
        auto *file = m_window->menuBar()->findChild<QMenu *>(QStringLiteral("fileMenu"));
        auto *switchMenu = m_window->findChild<QMenu *>(QStringLiteral("switchConnectionMenu"));
        QVERIFY(file && switchMenu);
        file->popup(m_window->mapToGlobal(QPoint(0, m_window->menuBar()->height())));
        QVERIFY(QTest::qWaitForWindowExposed(file));
        shoot(file, QStringLiteral("file-menu"));
        switchMenu->popup(file->mapToGlobal(QPoint(file->width(), 0)));
        QVERIFY(QTest::qWaitForWindowExposed(switchMenu));
        // The built-in lab, checked: the console runs on it here (and the only entry: nothing is stored).
        QVERIFY(switchMenu->findChild<QAction *>(QStringLiteral("switchTo_lab"))->isChecked());
        switchMenu->hide();
        file->hide();
    }

    void shouldShootSyncNow()
    {
        m_window->showSyncNow(hostOf(true));
        auto *view = m_window->findChild<SyncNowView *>();
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        view->adjustSize();
        shoot(view, QStringLiteral("sync-now"));
        view->close();
    }

    void shouldShootExportUsage()
    {
        m_window->showExportUsage();
        auto *view = m_window->findChild<ExportUsageView *>();
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view));
        // The suggested target is in a folder that exists (the home folder when there is no ~/Documents).
        QVERIFY2(QFileInfo(QFileInfo(view->targetEdit()->text()).absolutePath()).isDir(),
            qPrintable(view->targetEdit()->text()));
        view->targetEdit()->setText(m_dir.filePath(QStringLiteral("export.json")));
        QSignalSpy finished(view, &ActionView::jobFinished);
        view->startButton()->click();
        QVERIFY(finished.wait(30000));
        QVERIFY(finished.first().first().toBool());
        view->adjustSize();
        shoot(view, QStringLiteral("export-usage"));
        view->close();
    }

    void shouldShootAddServerUsage()
    {
        const QString host = hostOf(false);
        QByteArray bytes;
        m_window->controller()->labHost()->runInLab([&](LicenseLab *lab) { bytes = lab->exportUsage(host); });
        const QString valid = m_dir.filePath(QStringLiteral("%1-license-usage.json").arg(host));
        const QString html = m_dir.filePath(QStringLiteral("license.html"));
        // And an offline server's first upload: the enterprise does not list it yet.
        UsageFileInfo offline = UsageFile::read(bytes).info;
        offline.serverId = QStringLiteral("00000000-0000-4000-8000-00000000f1f5");
        offline.hostName = QStringLiteral("ghes-offline.lab.example");
        const QString fresh = m_dir.filePath(QStringLiteral("ghes-offline-license-usage.json"));
        for (const auto &[path, content] : {std::pair{valid, bytes},
                 std::pair{html, QByteArrayLiteral("<!DOCTYPE html><html><body>Sign in</body></html>")},
                 std::pair{fresh, UsageFile::write(offline)}}) {
            QFile file(path);
            QVERIFY(file.open(QIODevice::WriteOnly));
            file.write(content);
        }
        m_window->showAddServerUsage();
        auto *view = m_window->findChild<AddServerUsageView *>();
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QSignalSpy checked(view, &AddServerUsageView::filesChecked);
        view->addFiles({valid, html, fresh});
        QVERIFY(checked.wait(30000));
        QVERIFY(view->allowNewServersCheck()->isVisible());
        view->resize(view->width(), std::max(view->height(), view->sizeHint().height()));
        shoot(view, QStringLiteral("add-server-usage"));
        view->close();
    }

    void shouldShootTheFileDialog()
    {
        // Qt's own file dialog (the test platform has no desktop's), as Add server usage's Choose files
        // opens it, in the folder of the files above: its Type column in the interface language too.
        m_window->showAddServerUsage();
        auto *view = m_window->findChild<AddServerUsageView *>();
        QVERIFY(view);
        QVERIFY(QTest::qWaitForWindowExposed(view));
        QString path;
        QStringList types;
        QString startFolder;
        QString startName;
        QTimer poll;
        poll.setInterval(20);
        QElapsedTimer waited;
        waited.start();
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QFileDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible()) {
                return;
            }
            if (waited.elapsed() > 15000) { // the click below returns only once the dialog is closed
                poll.stop();
                dialog->reject();
                return;
            }
            if (QDir(dialog->directory()) != QDir(m_dir.path())) {
                // Where it opens: a folder that exists (Downloads, else home), no name offered.
                startFolder = dialog->directory().absolutePath();
                startName = dialog->findChild<QLineEdit *>(QStringLiteral("fileNameEdit"))->text();
                dialog->setDirectory(m_dir.path());
                return;
            }
            const auto *files = dialog->findChild<QAbstractItemView *>(QStringLiteral("treeView"));
            const int rows = files->model()->rowCount(files->rootIndex());
            if (rows < 3) {
                return; // the folder is still being read
            }
            poll.stop();
            for (int row = 0; row < rows; ++row) {
                types << files->model()->index(row, 2, files->rootIndex()).data().toString();
            }
            path = shoot(dialog, QStringLiteral("file-dialog"));
            dialog->reject();
        });
        poll.start();
        view->findChild<QPushButton *>(QStringLiteral("chooseFilesButton"))->click();
        QTRY_VERIFY_WITH_TIMEOUT(!path.isEmpty(), 20000);
        poll.stop();
        QVERIFY2(QFileInfo(startFolder).isDir(), qPrintable(startFolder));
        QCOMPARE(startName, QString());
        if (Glc::Localization::activeLanguage() == QLatin1String("zh_CN")) {
            for (const QString &type : std::as_const(types)) {
                QVERIFY2(type.contains(QRegularExpression(QStringLiteral("[\\x{4e00}-\\x{9fff}]"))),
                    qPrintable(types.join(QLatin1String(" | "))));
            }
        }
        view->close();
    }

    void shouldShootTheConnectionDialog()
    {
        m_window->findChild<QAction *>(QStringLiteral("connectionAction"))->trigger();
        auto *dialog = m_window->findChild<ConnectionDialog *>();
        QVERIFY(dialog);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        // The richest form: a server with its admin shell.
        auto *kind = dialog->findChild<QComboBox *>(QStringLiteral("kindCombo"));
        kind->setCurrentIndex(kind->findData(int(Connection::Kind::Server)));
        dialog->findChild<QLineEdit *>(QStringLiteral("nameField"))->setText(QStringLiteral("ghe.example.com"));
        dialog->findChild<QLineEdit *>(QStringLiteral("hostField"))->setText(QStringLiteral("ghe.example.com"));
        dialog->findChild<QGroupBox *>(QStringLiteral("adminShellGroup"))->setChecked(true);
        dialog->adjustSize(); // as it opens on this kind, without the room the other kinds needed
        shoot(dialog, QStringLiteral("connection"));
        dialog->close();
    }

    void shouldShootSnapshotRetention()
    {
        m_window->findChild<QAction *>(QStringLiteral("retentionAction"))->trigger();
        RetentionDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<RetentionDialog *>()) && dialog->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->keepNewestBox()->isEnabled(), 10000); // the stored setting was read
        shoot(dialog, QStringLiteral("snapshot-retention"));
        // Removing old snapshots after OK: the progress it shows, with the newest 5 kept of the one connection's.
        const int stored = int(m_window->controller()->data().history.size());
        QVERIFY(stored > 5);
        dialog->keepNewestBox()->setValue(5);
        dialog->setBusy(true);
        dialog->setStoring(true);
        dialog->setProgress(3, stored - 5);
        QVERIFY(dialog->progressBar()->isVisible());
        shoot(dialog, QStringLiteral("snapshot-retention-removing"));
        dialog->setStoring(false);
        dialog->close();
    }

    void shouldShootCompareSnapshots()
    {
        m_window->findChild<QAction *>(QStringLiteral("compareSnapshotsAction"))->trigger();
        SnapshotChangesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_window->findChild<SnapshotChangesDialog *>()) && dialog->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_COMPARE_WITH_TIMEOUT(dialog->tree()->topLevelItemCount(), 3, 30000); // the comparison is shown
        shoot(dialog, QStringLiteral("compare-snapshots"));
        dialog->close();
    }

    void shouldShootSeatsByOrganization()
    {
        m_window->findChild<QAction *>(QStringLiteral("organizationsAction"))->trigger();
        OrganizationsDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<OrganizationsDialog *>()) && dialog->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QVERIFY(dialog->list()->topLevelItemCount() > 0);
        shoot(dialog, QStringLiteral("organizations"));
        dialog->close();
    }

    void shouldShootTheReportsProgress()
    {
        // Download report waiting behind other work in the worker thread: its progress dialog, then cancelled.
        auto *command = m_window->controller()->findChild<DownloadReportCommand *>();
        QVERIFY(command);
        command->setProgressDelay(0);
        const auto delay = qScopeGuard([command] { command->setProgressDelay(500); });
        const auto release = std::make_shared<QSemaphore>();
        m_window->controller()->runner()->start(new WaitingJob(release));
        const auto unblock = qScopeGuard([release] { release->release(); });
        QSignalSpy written(m_window->controller(), &LicenseController::reportFinished);
        m_window->controller()->writeReport(
            m_dir.filePath(QStringLiteral("consumed-licenses.csv")), LicenseReportWriter::Format::Csv);
        QProgressDialog *progress = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (progress = m_window->findChild<QProgressDialog *>(QStringLiteral("reportProgressDialog"))) &&
                progress->isVisible(),
            10000);
        QVERIFY(QTest::qWaitForWindowExposed(progress));
        progress->setRange(0, 300000); // as far as a large report gets in a moment
        progress->setValue(120000);
        shoot(progress, QStringLiteral("report-progress"), 60);
        QTest::mouseClick(progress->findChild<QPushButton *>(), Qt::LeftButton);
        release->release();
        QVERIFY(written.wait(30000));
        QVERIFY(!written.first().first().toBool());
    }

    void shouldShootUsageFiles()
    {
        // The export above is on record.
        m_window->findChild<QAction *>(QStringLiteral("usageFilesAction"))->trigger();
        UsageFilesDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<UsageFilesDialog *>()) && dialog->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->view()->model()->rowCount() > 0, 10000);
        shoot(dialog, QStringLiteral("usage-files"));
        dialog->close();
    }

    void shouldShootTheUploadInterval()
    {
        // From the menu of a server without GitHub Connect: the input dialog, in the interface language;
        // dismissed, nothing changes.
        auto *card = m_window->licensePage()->serverInstancesCard();
        const int before = card->uploadDays();
        QString path;
        int shown = -1;
        QTimer poll;
        poll.setInterval(20);
        connect(&poll, &QTimer::timeout, this, [&] {
            auto *dialog = qobject_cast<QInputDialog *>(QApplication::activeModalWidget());
            if (!dialog || !dialog->isVisible() || !QTest::qWaitForWindowExposed(dialog)) {
                return;
            }
            poll.stop();
            shown = dialog->intValue();
            path = shoot(dialog, QStringLiteral("upload-interval"));
            dialog->reject();
        });
        poll.start();
        Q_EMIT card->uploadDaysRequested(); // returns once the dialog is closed
        QVERIFY(!path.isEmpty());
        QCOMPARE(shown, before);
        QCOMPARE(card->uploadDays(), before);
    }

    void shouldShootSyncHistory()
    {
        // What the lab's past and the first refresh recorded, from the License sync card's button.
        auto *page = m_window->findChild<LicensePage *>();
        QVERIFY(page);
        page->licenseSyncCard()->historyButton()->click();
        SyncHistoryDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT((dialog = m_window->findChild<SyncHistoryDialog *>()) && dialog->isVisible(), 10000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        QTRY_VERIFY_WITH_TIMEOUT(dialog->view()->model()->rowCount() > 1, 10000);
        shoot(dialog, QStringLiteral("sync-history"));
        dialog->close();
    }

    void shouldShootALicenseReportFile()
    {
        // The page's seats as GitHub's CSV, judged without the connection.
        Glc::ConsumedLicensesReport report;
        report.users = m_window->controller()->licensesModel()->licenses();
        const QString csv = m_dir.filePath(QStringLiteral("acme-license-report.csv"));
        QFile file(csv);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(Glc::LicenseReportWriter::toCsv(report, true));
        file.close();
        m_window->checkReportFile(csv);
        ReportFileDialog *dialog = nullptr;
        QTRY_VERIFY_WITH_TIMEOUT(
            (dialog = m_window->findChild<ReportFileDialog *>()) && dialog->panel()->isVisible(), 30000);
        QVERIFY(QTest::qWaitForWindowExposed(dialog));
        shoot(dialog, QStringLiteral("report-file"));
        dialog->close();
    }

    void shouldShootTheSummary()
    {
        // File > Save Summary's document, as its PDF prints it, drawn at a page's width.
        QTextDocument document;
        m_window->controller()->summaryCommand()->prepare(&document);
        document.setTextWidth(800);
        QImage image(800, int(document.size().height()), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        document.drawContents(&painter);
        painter.end();
        const QString path = QDir(m_out).filePath(QStringLiteral("summary.png"));
        QVERIFY(image.save(path));
        QVERIFY(foregroundPixels(image, image.rect()) > 1000);
        QVERIFY2(document.toPlainText().contains(
                     QLocale().toString(m_window->controller()->data().snapshot.licenses.totalSeatsConsumed)),
            qPrintable(document.toPlainText()));
    }

    void shouldDrawChineseGlyphsNotBoxes()
    {
        if (m_language != QLatin1String("zh_CN")) {
            // English: the pictures exist and are not blank (checked by shoot()); nothing CJK to check.
            QVERIFY(QFileInfo::exists(QDir(m_out).filePath(QStringLiteral("license-page.png"))));
            return;
        }
        const QString title = m_window->windowTitle();
        QCOMPARE(title, QStringLiteral("GHE 许可证控制台"));
        const QFont font = m_window->menuBar()->font();
        const QFontMetrics metrics(font);
        for (const QChar c : QStringLiteral("许可证控制台")) {
            QVERIFY2(metrics.inFontUcs4(c.unicode()), qPrintable(QString(c)));
        }
        // Two different characters draw differently, and neither is the missing-glyph box.
        const QImage xu = renderText(QStringLiteral("许"), font);
        const QImage kong = renderText(QStringLiteral("控"), font);
        const QImage box = renderText(QString(QChar(0xE000)), font); // private use: no font draws it
        QVERIFY(inkPixels(xu) > 10);
        QVERIFY(inkPixels(kong) > 10);
        QVERIFY(xu != kong);
        QVERIFY(xu != box);
        QVERIFY(kong != box);

        // The real window: the menu bar reads 文件 / 操作 / 视图 / 帮助 and the page shows Chinese labels.
        const QString menuText = m_window->menuBar()->actions().first()->text();
        QVERIFY2(std::any_of(menuText.cbegin(), menuText.cend(),
                     [](QChar c) { return c.unicode() >= 0x4E00 && c.unicode() <= 0x9FFF; }),
            qPrintable(menuText));
        const QImage window(QDir(m_out).filePath(QStringLiteral("license-page.png")));
        QVERIFY(!window.isNull());
        const QRect firstMenu = m_window->menuBar()->actionGeometry(m_window->menuBar()->actions().first());
        const QImage menuPart = window.copy(firstMenu.translated(m_window->menuBar()->pos()));
        QVERIFY(foregroundPixels(menuPart, menuPart.rect()) > 20);
        // Drawn like the glyphs, not like boxes: the menu's first character rendered alone is no box.
        const QImage menuGlyph = renderText(menuText.left(1), m_window->menuBar()->font());
        QVERIFY(menuGlyph != renderText(QString(QChar(0xE000)), m_window->menuBar()->font()));
    }
};

QTEST_MAIN(ViewScreenshotsTest)
#include "viewscreenshotstest.moc"
